"""Writing a file so that it is either complete under its final name or not there at all.

Every file the app writes for a user (PDFs, bundles, packages, exports of the
audit log) goes to a temporary name beside the target and is renamed over it
only when complete (DESIGN.md).  One implementation, here.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from oaoi_desktop.store.staging import fsync_dir


def write_atomically(target: Path | str, content: bytes | Callable[[BinaryIO], object], *,
                     sync: bool = True) -> Path:
    """Write ``content`` (bytes, or a function writing to the open file) to ``target``.

    The bytes go to ``.<name>.<random>.part`` beside ``target``; with ``sync``
    the file (and, after the rename, its folder) is fsynced, so a power cut
    leaves either the old file or the new one.  On any error the temporary file
    is removed and the error propagates; ``target`` is untouched.  The parent
    folder must exist.
    """
    target = Path(target)
    if not target.name or target.name in (".", ".."):
        from oaoi_desktop.errors import ValidationError

        raise ValidationError("identity.out_empty", path=str(target))
    sweep_stale_parts(target.parent)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        with open(temp, "wb") as fh, holding_lock(fh.fileno()):
            if isinstance(content, (bytes, bytearray, memoryview)):
                fh.write(content)
            else:
                content(fh)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if sync:
        fsync_dir(target.parent)
    return target


# -- stale temporary files -----------------------------------------------------------------
PART_STALE_SECONDS = 120
"""A temporary file of ours older than this (by modification time) and not locked is left over
from a killed run: a live writer holds a lock on it (and writes to it) for as long as it exists."""
_PART_NAME = re.compile(r"^\..+\.(?:[0-9a-f]{8}|[0-9a-f]{32}|restore-[0-9a-f]{8})\.part$")
"""``.<name>.<random hex>.part``: write_atomically, backups, restore, attachments."""
_SQLITE_COPY_PART = re.compile(r"^.+\.sqlite\.part$")
"""``<name>.sqlite.part``: a copy made by SQLite's backup API (store/backup.py)."""
BACKUP_WORK_PREFIX = "oaoi-backup-"
"""Folders a backup works in beside its target (the database copy before it is zipped)."""
LOCK_NAME = ".lock"

if sys.platform == "win32":  # pragma: no cover - tested on Linux; Windows also refuses to delete an open file
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass


@contextlib.contextmanager
def holding_lock(fd: int) -> Iterator[None]:
    """Hold an exclusive lock on the open file ``fd`` (the sweep leaves a locked file alone)."""
    locked = _try_lock(fd)
    try:
        yield
    finally:
        if locked:
            _unlock(fd)


@contextlib.contextmanager
def locked_file(path: Path) -> Iterator[None]:
    """Open (creating if needed) ``path`` and hold its lock while the block runs."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with holding_lock(fd):
            yield
    finally:
        os.close(fd)


def acquire_lock(path: Path) -> BinaryIO:
    """Open (creating if needed) ``path`` and lock it until the returned file is closed (or the process dies)."""
    fh = open(path, "a+b")  # noqa: SIM115 - the caller keeps it open for as long as the lock is needed
    _try_lock(fh.fileno())
    return fh


def is_locked(path: Path) -> bool:
    """Whether a live process holds the lock on ``path`` (False when it cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if _try_lock(fd):
            _unlock(fd)
            return False
        return True
    finally:
        os.close(fd)


def _stale(path: Path, now: float, older_than: float) -> bool:
    try:
        return now - path.stat().st_mtime > older_than
    except OSError:
        return False


def sweep_stale_parts(folder: Path | str, *, older_than: float = PART_STALE_SECONDS) -> int:
    """Remove our own temporary files in ``folder`` that a killed run left; returns how many.

    Only names of our patterns (``.<name>.<hex>.part``, ``<name>.sqlite.part``, ``oaoi-backup-*``
    folders), only older than ``older_than`` seconds and only when no live process holds their lock.
    Never raises: housekeeping must not stop the work that called it.
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_file(follow_symlinks=False) and (_PART_NAME.match(entry.name)
                                                          or _SQLITE_COPY_PART.match(entry.name)):
                if _stale(path, now, older_than) and not is_locked(path):
                    path.unlink()
                    removed += 1
            elif entry.is_dir(follow_symlinks=False) and entry.name.startswith(BACKUP_WORK_PREFIX):
                lock = path / LOCK_NAME
                if _stale(path, now, older_than) and not is_locked(lock):
                    shutil.rmtree(path, ignore_errors=True)
                    removed += 1
        except OSError:
            continue
    return removed


def prepare_out_folder(folder: Path | str) -> Path:
    """The folder an output goes to: it exists, or only its last level is created.

    A missing parent (an unmounted USB stick: ``E:\\hasil`` or ``/media/ani/STICK/hasil``) is
    refused with a clear message instead of being created on the internal disk.
    """
    from oaoi_desktop.errors import OaoiError, ValidationError

    folder = Path(folder)
    if folder.is_dir():
        return folder
    if folder.exists():
        raise ValidationError("identity.out_not_a_folder", path=str(folder))
    parent = folder.parent
    if not parent.is_dir():
        raise ValidationError("identity.out_parent_missing", path=str(folder), parent=str(parent))
    try:
        folder.mkdir()
    except FileExistsError:
        pass
    except OSError as exc:
        raise OaoiError("trust.cannot_write", path=str(folder), reason=exc.strerror or str(exc)) from exc
    return folder


__all__ = ["acquire_lock", "fsync_dir", "holding_lock", "is_locked", "locked_file", "prepare_out_folder", "sweep_stale_parts",
           "write_atomically"]
