"""The drives mounted on this computer, removable ones (USB sticks) first.

:func:`list_drives` asks the installed volume source (by default
:func:`mounted_volumes`, over ``QStorageInfo.mountedVolumes()``) and sorts
removable drives first, so nobody hunts for ``/media/...`` paths on Linux or
drive letters on Windows.

Whether a drive is removable is something only some platforms tell:

* **Windows**: ``GetDriveTypeW`` on the drive's root (``DRIVE_REMOVABLE``,
  ``DRIVE_CDROM``) — a definite answer.
* **Linux**: QStorageInfo has no such flag.  The block device's
  ``removable`` flag in sysfs when there is one, else where and how it is
  mounted: under ``/media``, ``/run/media`` (udisks, what desktops use for
  sticks), or a USB-typical file system (vfat, exFAT, NTFS, ...) under
  ``/mnt``.
* **macOS**: a volume under ``/Volumes`` other than the system disk.

Pseudo and memory file systems (tmpfs, proc, snaps' squashfs, ...) are left
out; the system disk stays in the list so that any folder can be reached.

Tests replace the source with :func:`install_source` (a function returning
:class:`Volume` objects, or objects shaped like QStorageInfo for
:func:`volumes_from_storage`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from PySide6.QtCore import QStorageInfo

HIDDEN_FILE_SYSTEMS = frozenset({
    "tmpfs", "devtmpfs", "ramfs", "proc", "sysfs", "devpts", "cgroup", "cgroup2", "securityfs", "pstore",
    "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs", "bpf", "binfmt_misc",
    "squashfs", "efivarfs", "rpc_pipefs", "nsfs", "overlay",
})
"""File systems that never hold a user's dossiers (``overlay`` only when it is not the root)."""

REMOVABLE_FILE_SYSTEMS = frozenset({
    "vfat", "msdos", "fat", "fat32", "exfat", "ntfs", "ntfs3", "fuseblk", "iso9660", "udf", "hfsplus", "apfs",
})
"""File systems typical of USB sticks, SD cards and discs."""

LINUX_REMOVABLE_ROOTS = (PurePosixPath("/media"), PurePosixPath("/run/media"))
LINUX_MOUNT_ROOT = PurePosixPath("/mnt")

# GetDriveTypeW results
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
DRIVE_REMOTE = 4
DRIVE_CDROM = 5


@dataclass(frozen=True)
class Volume:
    """One mounted drive as the import dialog shows it."""

    root: Path
    name: str
    """The volume's label when it has one (``KIPP2026``), else the root path."""
    device: str
    file_system: str
    bytes_total: int
    bytes_available: int
    removable: bool | None
    """True: a stick, card or disc; False: a fixed disk; None: the platform does not tell."""
    read_only: bool = False
    is_system: bool = False
    """The root file system (``/``) or the Windows system drive."""


def _text(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    if hasattr(value, "data"):  # QByteArray
        return bytes(value.data()).decode("utf-8", "replace")
    return str(value or "")


# -- is it removable? ------------------------------------------------------------------


def windows_drive_type(root: str) -> int | None:
    """``GetDriveTypeW`` of a drive root (``E:\\``); None off Windows or on failure."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(str(root)))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a guess must never stop the dialog
        return None


def linux_sysfs_removable(device: str, sys_root: Path = Path("/sys/class/block")) -> bool | None:
    """The ``removable`` flag of a block device (``/dev/sdb1``), None when sysfs does not say."""
    if not device.startswith("/dev/"):
        return None
    name = os.path.basename(os.path.realpath(device)) if os.path.exists(device) else device[len("/dev/"):]
    entry = sys_root / name
    try:
        if not entry.exists():
            return None
        real = entry.resolve()
        for candidate in (real, real.parent):  # a partition's flag sits on its disk
            flag = candidate / "removable"
            if flag.exists():
                return flag.read_text(encoding="ascii").strip() == "1"
    except OSError:
        return None
    return None


def guess_removable(root: str, device: str, file_system: str, *, platform: str | None = None,
                    drive_type: Callable[[str], int | None] = windows_drive_type,
                    sysfs: Callable[[str], bool | None] = linux_sysfs_removable) -> bool | None:
    """Is the volume at ``root`` removable?  None when nothing tells."""
    platform = platform or sys.platform
    fs = file_system.lower()
    if platform == "win32":
        kind = drive_type(root)
        if kind in (DRIVE_REMOVABLE, DRIVE_CDROM):
            return True
        if kind in (DRIVE_FIXED, DRIVE_REMOTE):
            return False
        return None
    if platform.startswith("linux"):
        flag = sysfs(device)
        if flag:
            return True
        path = PurePosixPath(root)
        if any(path.is_relative_to(r) and path != r for r in LINUX_REMOVABLE_ROOTS):
            return True
        if path.is_relative_to(LINUX_MOUNT_ROOT) and path != LINUX_MOUNT_ROOT and fs in REMOVABLE_FILE_SYSTEMS:
            return True
        return False if flag is False else None
    if platform == "darwin":
        path = PurePosixPath(root)
        if path.is_relative_to("/Volumes") and path != PurePosixPath("/Volumes"):
            return True
        return False if str(path) == "/" else None
    return None


# -- the volumes -------------------------------------------------------------------------


def is_system_root(root: str, platform: str | None = None) -> bool:
    platform = platform or sys.platform
    if platform == "win32":
        system = os.environ.get("SystemDrive", "C:")
        return root.rstrip("\\/").upper() == system.rstrip("\\/").upper()
    return root == "/"


def volumes_from_storage(infos: Iterable[Any], *, platform: str | None = None,
                         removable: Callable[[str, str, str], bool | None] | None = None) -> list[Volume]:
    """Volumes from QStorageInfo objects (or objects with the same methods), pseudo ones left out."""
    platform = platform or sys.platform
    guess = removable or (lambda root, device, fs: guess_removable(root, device, fs, platform=platform))
    out: list[Volume] = []
    for info in infos:
        if not info.isValid() or not info.isReady():
            continue
        root = info.rootPath()
        fs = _text(info.fileSystemType())
        device = _text(info.device())
        system = is_system_root(root, platform)
        if fs.lower() in HIDDEN_FILE_SYSTEMS and not system:
            continue
        if info.bytesTotal() <= 0 and not system:
            continue
        label = info.displayName() if info.name() else ""
        out.append(Volume(
            root=Path(root), name=label or root, device=device, file_system=fs, bytes_total=info.bytesTotal(),
            bytes_available=info.bytesAvailable(), removable=guess(root, device, fs),
            read_only=info.isReadOnly(), is_system=system,
        ))
    return out


def mounted_volumes() -> list[Volume]:
    """What is mounted now (QStorageInfo), pseudo file systems left out."""
    return volumes_from_storage(QStorageInfo.mountedVolumes())


def sort_volumes(volumes: Iterable[Volume]) -> list[Volume]:
    """Removable first, then drives the platform says nothing about, then fixed; by name within."""

    def key(v: Volume) -> tuple[int, int, str]:
        rank = 0 if v.removable else (1 if v.removable is None else 2)
        return (rank, 1 if v.is_system else 0, v.name.casefold())

    return sorted(volumes, key=key)


_source: Callable[[], Iterable[Volume]] = mounted_volumes


def install_source(source: Callable[[], Iterable[Volume]]) -> Callable[[], Iterable[Volume]]:
    """Replace where volumes come from (tests); returns the previous source."""
    global _source
    previous, _source = _source, source
    return previous


def list_drives() -> list[Volume]:
    """The mounted drives, removable first."""
    return sort_volumes(_source())


__all__ = [
    "Volume",
    "guess_removable",
    "install_source",
    "linux_sysfs_removable",
    "list_drives",
    "mounted_volumes",
    "sort_volumes",
    "volumes_from_storage",
    "windows_drive_type",
]
