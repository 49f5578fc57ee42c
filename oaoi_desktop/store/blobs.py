"""The content-addressed attachment store: one small interface, two homes.

Every attachment's bytes are stored once under their SHA-256; the database
rows (:class:`~oaoi_desktop.store.models.Blob`, ``Attachment``) name them.

* :class:`FileBlobStore` — beside a SQLite file ``event.sqlite`` the bytes
  live in ``event.attachments/ab/<sha256>``: a real file per blob that
  QtPdf can open directly.
* :class:`DatabaseBlobStore` — on a shared PostgreSQL server the bytes live
  in ``blob_chunks`` rows (1 MiB each) so every seat can read them; a seat
  keeps a verified local copy in ``<data dir>/blob-cache`` for the viewer.

:func:`blob_store_for` picks the home for a database.

Writing is in two steps so an import can do the slow part (reading a USB
stick, hashing, checking) before its transaction and the quick part inside:

1. :meth:`BlobStore.stage` copies a stream into a temporary file in the
   store's staging folder while hashing and counting it — never holding more
   than one chunk in memory — and returns a :class:`StagedBlob`;
2. :meth:`BlobStore.store` makes a staged blob part of a session's
   transaction (the ``Blob`` row, plus the file renamed into place or the
   chunk rows).  If that transaction rolls back, :meth:`BlobStore.forget`
   removes the files it placed that no committed row references; for the
   database home the rollback alone suffices.

Stray files a crash left behind (a placed file whose transaction never
committed, an old staging file) are removed by :meth:`BlobStore.sweep`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from oaoi_desktop import config
from oaoi_desktop.store.models import Blob, BlobChunk, utcnow
from oaoi_desktop.store.staging import (
    CHUNK_BYTES,
    HEAD_BYTES,
    STAGING,
    BlobTooLarge,
    Cancelled,
    StagedBlob,
    fsync_dir,
    fsync_file,
    stage_stream,
)

STALE_STAGING_SECONDS = 24 * 3600
RUN_PREFIX = "run-"
"""Sub-folders of the staging folder that one import run owns (removed whole at its end)."""

_fsync_dir = fsync_dir


class BlobMissing(Exception):
    """No content is stored under this SHA-256 (or it no longer matches)."""


_KNOWN = select(Blob.sha256).where(Blob.sha256.in_(bindparam("shas", expanding=True)))
_INSERT_IGNORING: dict[str, object] = {}


def _insert_ignoring(dialect: str) -> object:
    """``INSERT INTO blobs ... ON CONFLICT DO NOTHING`` for SQLite or PostgreSQL (built once)."""
    stmt = _INSERT_IGNORING.get(dialect)
    if stmt is None:
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        stmt = _INSERT_IGNORING[dialect] = dialect_insert(Blob).on_conflict_do_nothing(index_elements=["sha256"])
    return stmt


_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: str) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


class BlobStore(ABC):
    """Where attachment bytes live.  Safe to use from several threads."""

    def __init__(self, staging_root: Path, *, durable: bool = True) -> None:
        self._staging_root = staging_root
        self._staging_ready = False
        self.durable = durable
        """fsync each file before it is renamed into place, and the folders after."""
        self.last_placed: list[str] = []
        """What the last :meth:`store_all` placed, also when it raised."""
        self._run_locks: dict[Path, Any] = {}
        """Open lock files of this process's live staging runs (see :meth:`staging_run`)."""

    # -- staging (no database) -----------------------------------------------
    def staging_dir(self) -> Path:
        path = self._staging_root / STAGING
        if not self._staging_ready or not path.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            self._staging_ready = True
        return path

    def stage(
        self,
        source: IO[bytes],
        *,
        max_bytes: int | None = None,
        chunk_bytes: int = CHUNK_BYTES,
        on_bytes: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
        sync: bool = True,
        folder: Path | None = None,
    ) -> StagedBlob:
        """Copy ``source`` to a staging file, hashing and counting as it streams.

        Raises :class:`BlobTooLarge` past ``max_bytes``, :class:`Cancelled`
        when ``cancel`` is set between chunks, and ``OSError`` when the
        source or the disk fails; in every case the staging file is removed.
        With ``sync=False`` the file is not fsynced yet: call
        :meth:`sync_staged` once it is known to be new content.  ``folder``
        is a run folder from :meth:`staging_run` (default: the staging folder).
        """
        return stage_stream(source, folder or self.staging_dir(), max_bytes=max_bytes, chunk_bytes=chunk_bytes,
                            on_bytes=on_bytes, cancel=cancel, sync=self.durable and sync)

    def staging_run(self) -> Path:
        """A new sub-folder of the staging folder for one import run.

        Whoever stages into it (a thread or a worker process of the import)
        may leave files behind when it is killed: :meth:`end_staging_run`
        removes the folder whole, whatever is in it.
        """
        from oaoi_desktop.files import LOCK_NAME, acquire_lock

        path = self.staging_dir() / f"{RUN_PREFIX}{uuid.uuid4().hex}"
        path.mkdir()
        # Held while the run lives: a run folder whose lock nobody holds belongs to a killed run.
        self._run_locks[path] = acquire_lock(path / LOCK_NAME)
        return path

    def end_staging_run(self, path: Path) -> None:
        """Remove a run folder and whatever staged files are still in it."""
        lock = self._run_locks.pop(path, None)
        if lock is not None:
            lock.close()
        shutil.rmtree(path, ignore_errors=True)

    @property
    def content_root(self) -> Path | None:
        """Where stored content is a plain file ``<root>/ab/<sha256>`` (None: not files).

        Lets a worker process tell content already stored without a database.
        """
        return None

    def sync_staged(self, staged: StagedBlob) -> None:
        """fsync a staging file made with ``sync=False`` (when the store is durable)."""
        if not self.durable:
            return
        fsync_file(staged.temp_path)

    def discard(self, staged: StagedBlob) -> None:
        """Remove a staging file that will not be stored."""
        try:
            os.unlink(staged.temp_path)
        except FileNotFoundError:
            pass

    # -- inside a transaction -------------------------------------------------
    def _new_rows(self, session: Session, items: Sequence[tuple[StagedBlob, str]], *,
                  want_new: bool = True) -> set[str]:
        """Insert the missing ``blobs`` rows; their SHA-256s (when ``want_new``).

        One query and one insert; or, when the caller does not need to know
        which rows are new, one ``INSERT ... ON CONFLICT DO NOTHING``
        (SQLite, PostgreSQL).
        """
        shas = sorted({staged.sha256 for staged, _m in items})
        if not shas:
            return set()
        conn = session.connection()
        now = utcnow()
        dialect = conn.dialect.name
        if not want_new and dialect in ("sqlite", "postgresql"):
            rows = {}
            for staged, media_type in items:
                rows.setdefault(staged.sha256, {"sha256": staged.sha256, "size": staged.size,
                                                "media_type": media_type, "created_at": now})
            conn.execute(_insert_ignoring(dialect), list(rows.values()))
            return set()
        known: set[str] = set()
        for i in range(0, len(shas), 500):
            known.update(conn.execute(_KNOWN, {"shas": shas[i:i + 500]}).scalars())
        rows = {}
        for staged, media_type in items:
            if staged.sha256 not in known and staged.sha256 not in rows:
                rows[staged.sha256] = {"sha256": staged.sha256, "size": staged.size, "media_type": media_type,
                                       "created_at": now}
        if rows:
            conn.execute(insert(Blob), list(rows.values()))
        return set(rows)

    @abstractmethod
    def store_all(
        self,
        session: Session,
        items: Sequence[tuple[StagedBlob, str]],
        *,
        before_each: Callable[[StagedBlob], None] | None = None,
    ) -> list[str]:
        """Make staged blobs (with their media types) part of ``session``'s transaction.

        Consumes the staging files.  ``before_each`` is called before each
        blob is placed (it may raise, e.g. :class:`Cancelled`).  Returns the
        SHA-256s whose content this call placed — what :meth:`forget`
        removes again if the transaction rolls back.  When it raises, what
        it had placed is in :attr:`last_placed`.
        """

    def store(self, session: Session, staged: StagedBlob, media_type: str = "") -> bool:
        """:meth:`store_all` for one blob; True when its content was placed."""
        return bool(self.store_all(session, [(staged, media_type)]))

    def forget(self, shas: Iterable[str]) -> None:  # noqa: B027 - database home: nothing to do
        """After a rollback: remove content placed for ``shas`` that no committed row references."""

    def flush(self) -> None:  # noqa: B027 - database home: the database's commit is the sync
        """Make everything stored so far durable (see :meth:`FileBlobStore.flush`)."""

    def put(self, session: Session, source: IO[bytes], media_type: str = "") -> str:
        """Stage and store ``source`` in one go; returns its SHA-256."""
        staged = self.stage(source)
        self.store(session, staged, media_type)
        self.flush()
        return staged.sha256

    # -- reading --------------------------------------------------------------
    @abstractmethod
    def exists(self, sha256: str) -> bool:
        """Is content stored under ``sha256``?"""

    @abstractmethod
    def local_path(self, sha256: str) -> Path:
        """A real file holding the content (for QtPdf's ``QPdfDocument.load``).

        Raises :class:`BlobMissing` when there is no such content.
        """

    def open(self, sha256: str) -> IO[bytes]:
        """A binary stream of the content."""
        return open(self.local_path(sha256), "rb")

    # -- housekeeping ---------------------------------------------------------
    def sweep(self) -> int:
        """Remove stray files; returns how many.  Base: old staging files and run folders."""
        removed = 0
        staging = self._staging_root / STAGING
        if not staging.is_dir():
            return 0
        now = time.time()
        from oaoi_desktop.files import LOCK_NAME, PART_STALE_SECONDS, is_locked

        for entry in os.scandir(staging):
            try:
                age = now - entry.stat().st_mtime
                lock = Path(entry.path) / LOCK_NAME
                if lock.exists() and is_locked(lock):
                    continue  # a live run (its process holds the lock), however old
                # A run folder whose lock nobody holds belongs to a killed import: swept after minutes,
                # not a day (a run folder without a lock file comes from an older version: 24 h).
                dead_run = (entry.name.startswith(RUN_PREFIX) and age > PART_STALE_SECONDS
                            and entry.is_dir(follow_symlinks=False) and lock.exists())
                if age <= STALE_STAGING_SECONDS and not dead_run:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if entry.name.startswith(RUN_PREFIX):
                        removed += sum(len([f for f in files if f != LOCK_NAME])
                                       for _d, _s, files in os.walk(entry.path))
                        shutil.rmtree(entry.path, ignore_errors=True)
                    continue
                os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
        return removed


class FileBlobStore(BlobStore):
    """Blobs as files in ``root/ab/<sha256>`` (beside a SQLite database; 256 folders)."""

    def __init__(self, root: Path, db: object | None = None, *, durable: bool = True) -> None:
        super().__init__(root, durable=durable)
        self.root = root
        self._db = db
        self._lock = threading.Lock()
        self._dirty_dirs: set[str] = set()

    @classmethod
    def beside(cls, db: object, *, durable: bool = True) -> "FileBlobStore":
        path = db.sqlite_path  # type: ignore[attr-defined]
        if path is None:
            raise ValueError("FileBlobStore needs a SQLite file")
        return cls(path.with_name(path.stem + ".attachments"), db, durable=durable)

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise BlobMissing(sha256)
        return self.root / sha256[:2] / sha256

    @property
    def content_root(self) -> Path | None:
        return self.root

    def store_all(
        self,
        session: Session,
        items: Sequence[tuple[StagedBlob, str]],
        *,
        before_each: Callable[[StagedBlob], None] | None = None,
    ) -> list[str]:
        self._new_rows(session, items, want_new=False)
        placed: list[str] = []
        dirs: set[str] = set()
        root = os.fspath(self.root)
        try:
            for staged, _media_type in items:
                if before_each is not None:
                    before_each(staged)
                sha = staged.sha256
                if not is_sha256(sha):
                    raise BlobMissing(sha)
                folder = os.path.join(root, sha[:2])
                target = os.path.join(folder, sha)
                with self._lock:
                    try:
                        same = os.stat(target).st_size == staged.size
                    except FileNotFoundError:
                        same = False
                    if same:
                        self.discard(staged)
                        continue
                    try:
                        os.replace(staged.temp_path, target)
                    except FileNotFoundError:
                        if not os.path.exists(staged.temp_path):
                            raise
                        os.makedirs(folder, exist_ok=True)
                        dirs.add(root)
                        os.replace(staged.temp_path, target)
                placed.append(sha)
                dirs.add(folder)
        finally:
            self.last_placed = placed
            with self._lock:
                self._dirty_dirs.update(dirs)
        return placed

    def flush(self) -> None:
        """fsync the folders that received files since the last flush.

        Each file is fsynced before it is renamed into place; the renames
        themselves are made durable here, once per import rather than once
        per file (on ext4 and NTFS the journal already orders them before the
        database's own sync).  The import service calls this at its end.
        """
        with self._lock:
            dirs, self._dirty_dirs = sorted(self._dirty_dirs), set()
        if self.durable and dirs:
            if len(dirs) > 4:
                # Side by side: the journal commits them together (a fresh store has 256 folders).
                with ThreadPoolExecutor(max_workers=8, thread_name_prefix="oaoi-fsync") as pool:
                    list(pool.map(_fsync_dir, dirs))
            else:
                for folder in dirs:
                    _fsync_dir(folder)
            _fsync_dir(self.root)

    def _referenced(self, session: Session, shas: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(shas), 500):
            found.update(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(shas[i:i + 500]))))
        return found

    def forget(self, shas: Iterable[str]) -> None:
        wanted = sorted(set(shas))
        if not wanted:
            return
        if self._db is None:
            return
        # Under the write lock: no other writer is between placing a file
        # and committing its row while we look.
        with self._db.write() as session:  # type: ignore[attr-defined]
            keep = self._referenced(session, wanted)
            for sha in wanted:
                if sha not in keep:
                    try:
                        self.path_for(sha).unlink()
                    except FileNotFoundError:
                        pass

    def exists(self, sha256: str) -> bool:
        try:
            return self.path_for(sha256).is_file()
        except BlobMissing:
            return False

    def local_path(self, sha256: str) -> Path:
        path = self.path_for(sha256)
        if not path.is_file():
            raise BlobMissing(sha256)
        return path

    def stored_shas(self) -> set[str]:
        """Every SHA-256 that has a file in the store (for checks and sweeps)."""
        out: set[str] = set()
        if not self.root.is_dir():
            return out
        for first in os.scandir(self.root):
            if first.name == STAGING or not first.is_dir():
                continue
            for entry in os.scandir(first.path):
                if is_sha256(entry.name) and entry.name.startswith(first.name):
                    out.add(entry.name)
        return out

    def sweep(self) -> int:
        """Also remove files that no ``blobs`` row names (a crash mid-import)."""
        removed = super().sweep()
        if self._db is None or not self.root.is_dir():
            return removed
        with self._db.write() as session:  # type: ignore[attr-defined]
            on_disk = self.stored_shas()
            if not on_disk:
                return removed
            keep = self._referenced(session, sorted(on_disk))
            for sha in on_disk - keep:
                try:
                    self.path_for(sha).unlink()
                    removed += 1
                except OSError:
                    pass
        return removed


class DatabaseBlobStore(BlobStore):
    """Blobs as ``blob_chunks`` rows (any SQLAlchemy database), cached locally."""

    def __init__(self, db: object, cache_root: Path | None = None, *, chunk_bytes: int = CHUNK_BYTES,
                 durable: bool = True) -> None:
        cache_root = cache_root or (config.data_dir() / "blob-cache")
        super().__init__(cache_root, durable=durable)
        self.cache_root = cache_root
        self._db = db
        self.chunk_bytes = chunk_bytes

    def store_all(
        self,
        session: Session,
        items: Sequence[tuple[StagedBlob, str]],
        *,
        before_each: Callable[[StagedBlob], None] | None = None,
    ) -> list[str]:
        new = self._new_rows(session, items)
        placed: list[str] = []
        try:
            for staged, _media_type in items:
                if before_each is not None:
                    before_each(staged)
                if staged.sha256 not in new or staged.sha256 in placed:
                    self.discard(staged)
                    continue
                seq = 0
                with open(staged.temp_path, "rb") as fh:
                    while True:
                        data = fh.read(self.chunk_bytes)
                        if not data and seq:
                            break
                        session.execute(insert(BlobChunk).values(sha256=staged.sha256, seq=seq, data=data))
                        seq += 1
                        if not data:
                            break
                self.discard(staged)
                placed.append(staged.sha256)
        finally:
            self.last_placed = placed
        return placed

    def exists(self, sha256: str) -> bool:
        with self._db.read() as session:  # type: ignore[attr-defined]
            return session.get(Blob, sha256) is not None

    def cache_path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise BlobMissing(sha256)
        return self.cache_root / sha256[:2] / sha256

    def local_path(self, sha256: str) -> Path:
        target = self.cache_path(sha256)
        with self._db.read() as session:  # type: ignore[attr-defined]
            blob = session.get(Blob, sha256)
            if blob is None:
                raise BlobMissing(sha256)
            if target.is_file() and target.stat().st_size == blob.size:
                return target
            count = session.scalar(select(func.count()).select_from(BlobChunk).where(BlobChunk.sha256 == sha256)) or 0
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f"{target.name}.{uuid.uuid4().hex}.part")
            digest = hashlib.sha256()
            try:
                with open(temp, "wb") as out:
                    for seq in range(count):
                        data = session.scalar(
                            select(BlobChunk.data).where(BlobChunk.sha256 == sha256, BlobChunk.seq == seq)
                        )
                        if data is None:
                            raise BlobMissing(sha256)
                        digest.update(data)
                        out.write(data)
                if digest.hexdigest() != sha256:
                    raise BlobMissing(sha256)
                os.replace(temp, target)
            except BaseException:
                try:
                    temp.unlink()
                except OSError:
                    pass
                raise
        return target

    def stored_shas(self) -> set[str]:
        with self._db.read() as session:  # type: ignore[attr-defined]
            return set(session.scalars(select(Blob.sha256)))


def blob_store_for(db: object, *, durable: bool = True) -> BlobStore:
    """The store's home for ``db``: files beside a SQLite file, else in the database."""
    if getattr(db, "sqlite_path", None) is not None:
        return FileBlobStore.beside(db, durable=durable)
    return DatabaseBlobStore(db, durable=durable)


__all__ = [
    "BlobStore", "FileBlobStore", "DatabaseBlobStore", "StagedBlob", "blob_store_for",
    "Cancelled", "BlobTooLarge", "BlobMissing", "CHUNK_BYTES", "HEAD_BYTES", "STAGING",
]
