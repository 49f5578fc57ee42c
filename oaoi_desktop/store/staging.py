"""Staging: copying a stream into a temporary file while hashing it.

The first of the blob store's two writing steps (see :mod:`.blobs`), kept
apart from it so that a worker *process* of the import can stage files
without importing SQLAlchemy: nothing here touches a database.

Everything is plain ``os``/``hashlib`` and works the same on Windows and
Linux; a staged file is only ever renamed into place by the blob store.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

CHUNK_BYTES = 1024 * 1024
HEAD_BYTES = 64
STAGING = ".staging"


class Cancelled(Exception):
    """The operation was cancelled (a ``threading.Event`` was set)."""


class BlobTooLarge(Exception):
    """The stream is longer than the cap given to :meth:`BlobStore.stage`."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit}")
        self.size = size
        self.limit = limit

    def __reduce__(self):  # type: ignore[no-untyped-def]  # picklable across processes
        return (BlobTooLarge, (self.size, self.limit))


class CancelLike(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class StagedBlob:
    """Bytes copied into the staging folder, hashed, not yet stored."""

    temp_path: Path
    sha256: str
    size: int
    head: bytes
    """The first bytes (for magic-byte checks)."""


def stage_stream(
    source: IO[bytes],
    folder: Path,
    *,
    max_bytes: int | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    on_bytes: Callable[[int], None] | None = None,
    cancel: CancelLike | None = None,
    sync: bool = False,
) -> StagedBlob:
    """Copy ``source`` to a new file in ``folder``, hashing and counting as it streams.

    Never holds more than one chunk in memory.  Raises :class:`BlobTooLarge`
    past ``max_bytes``, :class:`Cancelled` when ``cancel`` is set between
    chunks, and ``OSError`` when the source or the disk fails; in every case
    the file is removed.  With ``sync`` the file is fsynced before returning
    (otherwise see :func:`fsync_file`).
    """
    staged, fd = stage_open(source, folder, max_bytes=max_bytes, chunk_bytes=chunk_bytes, on_bytes=on_bytes,
                            cancel=cancel)
    try:
        if sync:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        discard(staged.temp_path)
        raise
    os.close(fd)
    return staged


def stage_open(
    source: IO[bytes],
    folder: Path,
    *,
    max_bytes: int | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    on_bytes: Callable[[int], None] | None = None,
    cancel: CancelLike | None = None,
) -> tuple[StagedBlob, int]:
    """:func:`stage_stream`, leaving the staged file open: its descriptor (read-write) is the caller's to close.

    So the caller can start its write-back, check it and fsync it without
    opening it again by name.
    """
    fd, name = tempfile.mkstemp(dir=folder, suffix=".part")
    temp = Path(name)
    digest = hashlib.sha256()
    size = 0
    head = b""
    buf = bytearray(chunk_bytes)
    view = memoryview(buf)
    readinto = getattr(source, "readinto", None)
    try:
        with os.fdopen(fd, "wb", buffering=0, closefd=False) as out:
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                if readinto is not None:
                    n = readinto(view)
                    chunk = view[:n] if n else b""
                else:
                    chunk = source.read(chunk_bytes)
                    n = len(chunk)
                if not n:
                    break
                size += n
                if max_bytes is not None and size > max_bytes:
                    raise BlobTooLarge(size, max_bytes)
                if len(head) < HEAD_BYTES:
                    head += bytes(chunk[: HEAD_BYTES - len(head)])
                digest.update(chunk)
                _write_all(out, chunk)
                if on_bytes is not None:
                    on_bytes(n)
    except BaseException:
        os.close(fd)
        discard(temp)
        raise
    finally:
        view.release()
    return StagedBlob(temp, digest.hexdigest(), size, head), fd


def _write_all(out: IO[bytes], chunk: bytes | memoryview) -> None:
    """An unbuffered write may be short: write until the whole chunk is out."""
    view = memoryview(chunk)
    while view:
        n = out.write(view)
        if n is None:  # pragma: no cover - only non-blocking files return None
            continue
        view = view[n:]


def fsync_file(path: Path) -> None:
    """fsync a file by name (read-write: Windows cannot flush a read-only handle)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def start_writeback(fd: int) -> None:
    """Ask the kernel to start writing an open file out now, without waiting (Linux; elsewhere nothing).

    ``posix_fadvise(DONTNEED)`` starts the write-back of the dirty pages (and
    keeps them cached until written).  A later fsync then only waits for what
    is still in flight.  Purely a hint: errors are ignored, fsync still runs.
    """
    if _ADVISE is None:
        return
    try:
        _ADVISE(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:
        pass


_ADVISE = getattr(os, "posix_fadvise", None) if sys.platform.startswith("linux") else None


def fsync_dir(path: Path) -> None:
    """fsync a folder (POSIX; Windows cannot open one, NTFS journals renames)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def discard(path: Path) -> None:
    """Remove a staged file (gone already is fine)."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


__all__ = [
    "Cancelled", "BlobTooLarge", "StagedBlob", "stage_stream", "stage_open", "fsync_file", "fsync_dir", "discard",
    "start_writeback",
    "CHUNK_BYTES", "HEAD_BYTES", "STAGING",
]
