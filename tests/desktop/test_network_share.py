"""A database on a network share is recognised from the mount table or the path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop import network_share
from desktop.network_share import (
    is_network_type,
    is_unc_path,
    linux_mount_type,
    mac_mount_type,
)

PROC_MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime,size=1607580k,mode=700,uid=1000 0 0
nas.wijkteam.local:/export/team /mnt/team nfs4 rw,relatime,vers=4.2,rsize=1048576 0 0
//nas/Wijkteam\\040Noord /mnt/wijkteam\\040noord cifs rw,relatime,vers=3.1.1 0 0
systemd-1 /mnt/auto autofs rw,relatime,fd=50,pgrp=1,timeout=0 0 0
nas:/export/auto /mnt/auto nfs rw,relatime,vers=3 0 0
anna@server:/srv /home/anna/server fuse.sshfs rw,nosuid,nodev,relatime,user_id=1000 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev,relatime,user_id=1000 0 0
C:\\134 /mnt/c 9p rw,noatime,dirsync,aname=drvfs;path=C:\\;uid=1000 0 0
/dev/sdb1 /mnt/team/lokaal ext4 rw,relatime 0 0
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/anna/Teamtafel", "ext4"),
        ("/", "ext4"),
        ("/mnt/team", "nfs4"),
        ("/mnt/team/2026", "nfs4"),
        ("/mnt/teamtafel", "ext4"),  # not inside /mnt/team: a prefix of the name is not enough
        ("/mnt/team/lokaal/db", "ext4"),  # a local disk mounted inside the share
        ("/mnt/wijkteam noord/data", "cifs"),  # \040 is a space
        ("/mnt/auto/x", "nfs"),  # the share mounted over its automount point
        ("/home/anna/server/db", "fuse.sshfs"),
        ("/run/user/1000/gvfs/smb-share:server=nas,share=team", "fuse.gvfsd-fuse"),
        ("/mnt/c/Users/anna", "9p"),
        ("/run/user/1000", "tmpfs"),
    ],
)
def test_linux_mount_table_names_the_folders_filesystem(folder: str, kind: str) -> None:
    assert linux_mount_type(folder, PROC_MOUNTS) == kind


def test_network_filesystems_are_told_from_local_ones() -> None:
    for kind in ("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afpfs"):
        assert is_network_type(kind), kind
    for kind in ("ext4", "btrfs", "xfs", "tmpfs", "apfs", "autofs", "overlay", "zfs"):
        assert not is_network_type(kind), kind


def test_an_empty_or_odd_mount_table_tells_nothing() -> None:
    assert linux_mount_type("/home/anna", "") is None
    assert linux_mount_type("/home/anna", "garbage\n\n") is None


MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//anna@nas._smb._tcp.local/Wijkteam on /Volumes/Wijkteam Noord (smbfs, nodev, nosuid, mounted by anna)
nas:/export/team on /Volumes/team (nfs, asynchronous, nodev, nosuid, mounted by anna)
/dev/disk4s1 on /Volumes/USB (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/System/Volumes/Data/Users/anna", "apfs"),
        ("/Users/anna", "apfs"),
        ("/Volumes/Wijkteam Noord/db", "smbfs"),
        ("/Volumes/team", "nfs"),
        ("/Volumes/USB/teamtafel", "msdos"),
    ],
)
def test_mac_mount_output_names_the_folders_filesystem(folder: str, kind: str) -> None:
    assert mac_mount_type(folder, MAC_MOUNT) == kind


@pytest.mark.parametrize(
    ("path", "share"),
    [
        (r"\\nas\wijkteam\teamtafel.sqlite", True),
        ("//nas/wijkteam/teamtafel.sqlite", True),
        (r"\\?\UNC\nas\wijkteam\teamtafel.sqlite", True),
        (r"\\?\C:\Users\anna\teamtafel.sqlite", False),
        (r"\\.\C:\teamtafel.sqlite", False),
        (r"C:\Users\anna\AppData\Local\Teamtafel\teamtafel.sqlite", False),
        ("teamtafel.sqlite", False),
    ],
)
def test_unc_paths_are_shares(path: str, share: bool) -> None:
    assert is_unc_path(path) is share


@pytest.mark.skipif(sys.platform != "linux", reason="reads this machine's /proc/mounts")
def test_a_database_in_a_local_folder_gets_no_warning(tmp_path: Path) -> None:
    kind = linux_mount_type(str(tmp_path.resolve()), Path("/proc/mounts").read_text())
    assert kind is not None and not is_network_type(kind)  # the test machine's own disk
    assert network_share.warning(tmp_path / "nog-niet" / "teamtafel.sqlite") is None


def test_the_warning_names_the_share_and_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(network_share, "network_filesystem", lambda _db: "nfs4")
    db = tmp_path / "teamtafel.sqlite"
    text = network_share.warning(db)
    assert text is not None and "netwerkschijf (nfs4)" in text and str(db) in text
