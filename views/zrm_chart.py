"""The trend chart (QtCharts), kept apart so the charts module loads only when needed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QPainter

INCOMPLETE = "onvolledige meting"


def _at(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _stamp(day: date) -> float:
    return float(_at(day, 12).toMSecsSinceEpoch())


class TrendChart(QChartView):
    def __init__(self) -> None:
        self._chart = QChart()
        super().__init__(self._chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().hide()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.setMinimumHeight(240)

    def show_series(
        self,
        points: Sequence[tuple[date, float]],
        title: str,
        incomplete: Sequence[bool] = (),
    ) -> None:
        """A line through ``points``; those flagged in ``incomplete`` are drawn open, and the
        legend names them. No points: no axes either (an empty date axis starts in 1970)."""
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.legend().hide()
        if not points:
            chart.setTitle(f"{title}: nog geen scores")
            return
        chart.setTitle(title)
        flags = list(incomplete) + [False] * (len(points) - len(incomplete))
        line, dots, open_dots = QLineSeries(), QScatterSeries(), QScatterSeries()
        open_dots.setName(INCOMPLETE)
        dots.setMarkerSize(9)
        open_dots.setMarkerSize(9)
        for (day, value), flag in zip(points, flags, strict=True):
            line.append(_stamp(day), value)
            (open_dots if flag else dots).append(_stamp(day), value)
        every: tuple[QXYSeries, ...] = (line, dots, open_dots)
        for series in every:
            chart.addSeries(series)
        open_dots.setColor(QColor("white"))
        open_dots.setBorderColor(line.color())
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd-MM-yyyy")
        x_axis.setTickCount(min(6, max(2, len(points))))
        first = _at(points[0][0], 0)
        last = _at(points[-1][0], 23)
        x_axis.setRange(first.addDays(-7), last.addDays(7))
        y_axis = QValueAxis()
        y_axis.setRange(1, 5)
        y_axis.setTickCount(5)
        y_axis.setLabelFormat("%.0f")
        y_axis.setTitleText("niveau")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in every:
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        if any(flags):
            for marker in chart.legend().markers():
                marker.setVisible(marker.series() is open_dots)
            chart.legend().show()
