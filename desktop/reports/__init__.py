"""PDF reports: shared building blocks (:mod:`desktop.reports.pdf`) and one module per report.

A report module turns a typed report from ``models/`` into PDF bytes, in memory;
:mod:`desktop.printing` previews them and writes the file.
"""
