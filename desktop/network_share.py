"""Is the database on a network share? SQLite's file locking is unreliable over SMB and NFS.

Qt-free: the window shows the warning in a message box, a verb prints it on stderr. Each
platform's detection is a pure function over text (a mount table, a path) so it is tested
everywhere; :func:`network_filesystem` only gathers that text for the platform it runs on.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

log = logging.getLogger(__name__)

# Filesystem types (as /proc/mounts or macOS's `mount` names them) that live on another machine.
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "afpfs",
        "coda",
        "9p",  # also WSL's view of the Windows drives (/mnt/c)
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "webdav",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",  # GNOME's mounts of smb:// and sftp:// shares
        "fuse.smbnetfs",
    }
)

WARNING = (
    "Deze database staat op een netwerkschijf ({kind}). Over het netwerk werkt de vergrendeling "
    "van de database niet betrouwbaar: als twee computers tegelijk schrijven, kan de database "
    "beschadigd raken. Zet de database op een schijf van deze computer.\n{path}"
)


def is_network_type(kind: str) -> bool:
    return kind in NETWORK_TYPES or kind.startswith(("nfs", "smb"))


def _unescape_mount_field(field: str) -> str:
    """/proc/mounts writes a space in a path as \\040 (and tab, newline, backslash likewise)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _contains(mount_point: str, path: str) -> bool:
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def linux_mount_type(folder: str, mounts: str) -> str | None:
    """The filesystem type of ``folder`` (an absolute, resolved path) from /proc/mounts text.

    The longest mount point containing the folder wins; of two mounts on one point (an
    automount point and the share mounted over it) the later one.
    """
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _unescape_mount_field(fields[1])
        if _contains(mount_point, folder) and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fields[2])
    return best[1] if best else None


def mac_mount_type(folder: str, mount_output: str) -> str | None:
    """The filesystem type of ``folder`` from the output of macOS's ``mount``:
    ``//anna@nas/team on /Volumes/team (smbfs, nodev, nosuid, mounted by anna)``."""
    best: tuple[int, str] | None = None
    for line in mount_output.splitlines():
        head, paren, options = line.rpartition(" (")
        if not paren or " on " not in head:
            continue
        mount_point = head.split(" on ", 1)[1]
        kind = options.split(",")[0].rstrip(")").strip()
        if _contains(mount_point, folder) and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), kind)
    return best[1] if best else None


def is_unc_path(path: str) -> bool:
    r"""``\\server\share\…`` (or ``//server/share``, or ``\\?\UNC\server\share``): a share.

    ``\\?\C:\…`` and ``\\.\…`` are local, only written the long way.
    """
    normal = path.replace("/", "\\")
    if normal.upper().startswith("\\\\?\\UNC\\"):
        return True
    if normal.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return bool(PureWindowsPath(normal).drive.startswith("\\\\"))


def _existing_folder(db: Path) -> Path:
    """The database's folder, or the nearest one that exists (on a first start)."""
    folder = db.absolute().parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder.resolve()


def network_filesystem(db: Path) -> str | None:
    """The kind of network share ``db`` lives on (``nfs4``, ``cifs``, ``netwerkpad``), or None
    when it is local or the platform cannot tell."""
    if sys.platform == "win32":
        if is_unc_path(str(db.absolute())):
            return "netwerkpad"
        return "netwerkstation" if _is_remote_drive(db) else None
    folder = str(_existing_folder(db))
    if sys.platform == "darwin":
        try:
            done = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=3, check=True
            )
        except (OSError, subprocess.SubprocessError):
            log.info("could not read the mount table")
            return None
        kind = mac_mount_type(folder, done.stdout)
    else:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            log.info("could not read the mount table")
            return None
        kind = linux_mount_type(folder, mounts)
    return kind if kind is not None and is_network_type(kind) else None


def _is_remote_drive(db: Path) -> bool:
    """A drive letter mapped to a share (``net use S: \\\\server\\team``)."""
    if sys.platform == "win32":
        import ctypes

        drive = PureWindowsPath(os.path.abspath(db)).drive
        drive_remote = 4
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote
    return False


def warning(db: Path) -> str | None:
    """The Dutch warning for a database on a network share, or None."""
    kind = network_filesystem(db)
    return WARNING.format(kind=kind, path=db) if kind else None
