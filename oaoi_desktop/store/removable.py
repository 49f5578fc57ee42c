"""Is a path on a removable drive (USB stick)?  Best effort, never raises.

A SQLite database on a stick must not use WAL: the -wal file is easily left
behind when the stick is pulled, and some file systems there lack shared
memory.  Windows asks GetDriveTypeW; Linux reads the block device's
``removable`` flag from sysfs; anywhere else the answer is "no".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def is_on_removable_drive(path: Path) -> bool:
    try:
        if os.environ.get("OAOI_FORCE_REMOVABLE") == "1":
            return True
        if sys.platform == "win32":
            return _windows_removable(path)
        if sys.platform.startswith("linux"):
            return _linux_removable(path)
    except Exception:  # noqa: BLE001 - a guess must never stop the app
        return False
    return False


def _windows_removable(path: Path) -> bool:
    import ctypes

    drive = Path(path).resolve().anchor
    DRIVE_REMOVABLE = 2
    return ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOVABLE  # type: ignore[attr-defined]


def _linux_removable(path: Path) -> bool:
    existing = Path(path).resolve()
    while not existing.exists():
        existing = existing.parent
    dev = os.stat(existing).st_dev
    major, minor = os.major(dev), os.minor(dev)
    sys_dev = Path(f"/sys/dev/block/{major}:{minor}")
    if not sys_dev.exists():
        return False
    real = sys_dev.resolve()
    # a partition's removable flag sits on its parent disk
    for candidate in (real, real.parent):
        flag = candidate / "removable"
        if flag.exists():
            return flag.read_text().strip() == "1"
    return False
