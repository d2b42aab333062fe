"""Who is working: stamped on every record as its author.

Until accounts exist this is the operating-system login name.
"""

from __future__ import annotations

import getpass


def session_user() -> str:
    try:
        return getpass.getuser()[:64]
    except (KeyError, OSError):
        return "onbekend"
