"""The trend chart (QtCharts), kept apart so the charts module loads only when needed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter


class TrendChart(QChartView):
    def __init__(self) -> None:
        self._chart = QChart()
        super().__init__(self._chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().hide()
        self.setMinimumHeight(240)

    def show_series(self, points: Sequence[tuple[date, float]], title: str) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        line, dots = QLineSeries(), QScatterSeries()
        dots.setMarkerSize(9)
        for day, value in points:
            stamp = QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch()
            line.append(stamp, value)
            dots.append(stamp, value)
        chart.addSeries(line)
        chart.addSeries(dots)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd-MM-yyyy")
        x_axis.setTickCount(min(6, max(2, len(points))))
        if points:
            first = QDateTime(datetime.combine(points[0][0], time(0)))
            last = QDateTime(datetime.combine(points[-1][0], time(23)))
            x_axis.setRange(first.addDays(-7), last.addDays(7))
        y_axis = QValueAxis()
        y_axis.setRange(1, 5)
        y_axis.setTickCount(5)
        y_axis.setLabelFormat("%.0f")
        y_axis.setTitleText("niveau")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
