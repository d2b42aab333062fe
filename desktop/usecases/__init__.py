"""The use cases: everything a user can do, Qt-free, for the window, the command line and tests.

One module per concept. Every use case takes the :class:`~desktop.session.Unlocked`
store and plain values, checks the permission, runs one transaction with its
access-log line, and returns a :class:`~desktop.usecases.base.Changed` that says which
household and which dossier sections changed, so presenters refresh just those.
"""
