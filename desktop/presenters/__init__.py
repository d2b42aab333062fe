"""Presenters: one per section, tab or menu, each connecting a view to the use cases.

Every module here is imported at start-up (``desktop.registry.load_presenters``), so a
module that registers a section, tab or screen needs no line anywhere else.
"""
