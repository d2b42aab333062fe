"""Files only their owner can read: the data folder 0700, everything Teamtafel writes 0600.

The database, its key file, back-ups, the copies made before a migration or a restore,
exports, PDFs and the small registers beside the database hold (or lead to) personal data
or keys. They are created with these modes from the first byte, not tightened afterwards,
so no other account on the computer can open one even for a moment. On Windows the modes
mean little; the user's own profile folder is what protects the files there.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) readable by its owner only.

    A folder that exists already keeps its mode: a ``--db`` in a shared folder is the
    user's choice, and the files in it are private anyway.
    """
    if folder.is_dir():
        return
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask


def tighten_folder(folder: Path) -> None:
    """Make an existing folder the owner's alone (the default data folder)."""
    if folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
        os.chmod(folder, FOLDER_MODE)


def make_private(path: Path) -> None:
    """0600 for a file another library created (SQLCipher, zipfile)."""
    if path.exists() and stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
        os.chmod(path, FILE_MODE)


def _open_private(path: Path, flags: int) -> int:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | flags, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)  # also when the file was there before, with other modes
    return descriptor


def create_private(path: Path) -> None:
    """An empty 0600 file that did not exist before (FileExistsError otherwise)."""
    os.close(_open_private(path, os.O_EXCL))


def write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner can read (0600), also when it was there before."""
    descriptor = _open_private(path, os.O_TRUNC)
    try:
        with os.fdopen(descriptor, "wb", closefd=False) as file:
            file.write(data)
    finally:
        os.close(descriptor)


def replace_private(path: Path, data: bytes) -> None:
    """Write ``data`` under a working name and move it into place: a crash never leaves half
    a file, and a reader sees the old or the new one whole."""
    temporary = path.with_name(path.name + ".nieuw")
    write_private(temporary, data)
    os.replace(temporary, path)


def copy_private(source: Path, target: Path) -> None:
    """A byte copy that is 0600 from its first byte."""
    descriptor = _open_private(target, os.O_TRUNC)
    try:
        with source.open("rb") as reading, os.fdopen(descriptor, "wb", closefd=False) as writing:
            shutil.copyfileobj(reading, writing)
    finally:
        os.close(descriptor)
