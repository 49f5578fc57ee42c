"""Consistent copies of a SQLite database.

Uses SQLite's online backup API, which copies pages through the database
engine and so includes what still sits in the WAL (a file copy would miss
it).  The copy is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from oaoi_desktop.errors import OaoiError


def sqlite_backup(source: Path, target: Path) -> Path:
    from oaoi_desktop.files import locked_file, sweep_stale_parts

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(target.parent)  # copies a killed backup left behind
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    try:
        src = sqlite3.connect(Path(source).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            with locked_file(tmp):  # a live copy is never swept
                dst = sqlite3.connect(tmp)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        if tmp.exists():
            tmp.unlink()
        raise OaoiError("store.backup_failed", path=str(target), reason=str(exc)) from exc
    return target


def rotating_backup(source: Path, folder: Path, reason: str, keep: int = 10) -> Path:
    """Back ``source`` up into ``folder`` and keep only the newest ``keep``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(folder) / f"{source.stem}-{stamp}-{reason}.sqlite"
    sqlite_backup(source, target)
    backups = sorted(Path(folder).glob(f"{source.stem}-*-{reason}.sqlite"))
    for old in backups[:-keep] if keep > 0 else []:
        try:
            old.unlink()
        except OSError:
            pass
    return target
