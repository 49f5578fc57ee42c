"""The content-addressed attachment store, in both homes, on real files and SQLite."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from oaoi_desktop.store.blobs import (
    BlobMissing,
    BlobTooLarge,
    Cancelled,
    DatabaseBlobStore,
    FileBlobStore,
    blob_store_for,
)
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Blob, BlobChunk

DATA = os.urandom(2500)
SHA = hashlib.sha256(DATA).hexdigest()


class _Failing(io.RawIOBase):
    """A stream that yields ``good`` bytes, then fails like a pulled USB stick."""

    def __init__(self, good: bytes) -> None:
        self._data = io.BytesIO(good)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        n = self._data.readinto(b)
        if not n:
            raise OSError(5, "Input/output error")
        return n


def _staging(store) -> list[str]:  # type: ignore[no-untyped-def]
    return os.listdir(store.staging_dir())


def test_blob_store_for_a_sqlite_file_is_files_beside_it(db: Database) -> None:
    store = blob_store_for(db)
    assert isinstance(store, FileBlobStore)
    assert db.sqlite_path is not None
    assert store.root == db.sqlite_path.with_name(db.sqlite_path.stem + ".attachments")


def test_file_store_puts_once_under_the_hash(db: Database) -> None:
    store = FileBlobStore.beside(db)
    with db.write() as s:
        assert store.put(s, io.BytesIO(DATA), "application/pdf") == SHA
        assert store.put(s, io.BytesIO(DATA), "application/pdf") == SHA
    path = store.local_path(SHA)
    assert path == store.root / SHA[:2] / SHA
    assert path.read_bytes() == DATA
    assert store.stored_shas() == {SHA}
    with store.open(SHA) as fh:
        assert fh.read() == DATA
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
    assert _staging(store) == []


def test_staging_hashes_while_streaming_and_keeps_the_first_bytes(db: Database) -> None:
    store = FileBlobStore.beside(db)
    seen: list[int] = []
    staged = store.stage(io.BytesIO(DATA), chunk_bytes=1000, on_bytes=seen.append)
    assert (staged.sha256, staged.size, staged.head) == (SHA, 2500, DATA[:64])
    assert seen == [1000, 1000, 500]
    assert staged.temp_path.read_bytes() == DATA
    store.discard(staged)
    assert _staging(store) == []


def test_staging_over_the_cap_leaves_nothing(db: Database) -> None:
    store = FileBlobStore.beside(db)
    with pytest.raises(BlobTooLarge) as info:
        store.stage(io.BytesIO(DATA), max_bytes=2000, chunk_bytes=1000)
    assert info.value.limit == 2000
    assert _staging(store) == []


def test_a_source_failing_mid_read_leaves_nothing(db: Database) -> None:
    store = FileBlobStore.beside(db)
    with pytest.raises(OSError):
        store.stage(_Failing(DATA[:1500]), chunk_bytes=1000)
    assert _staging(store) == []


def test_cancel_between_chunks_leaves_nothing(db: Database) -> None:
    store = FileBlobStore.beside(db)
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        store.stage(io.BytesIO(DATA), chunk_bytes=1000, on_bytes=lambda n: cancel.set(), cancel=cancel)
    assert _staging(store) == []


def test_a_rolled_back_transaction_forgets_the_files_it_placed(db: Database) -> None:
    store = FileBlobStore.beside(db)
    with db.write() as s:
        kept = store.put(s, io.BytesIO(b"%PDF-kept"), "application/pdf")
    placed: list[str] = []
    with pytest.raises(RuntimeError):
        with db.write() as s:
            for data in (b"%PDF-new", b"%PDF-kept"):
                staged = store.stage(io.BytesIO(data))
                if store.store(s, staged, "application/pdf"):
                    placed.append(staged.sha256)
            raise RuntimeError("the dossier failed")
    assert len(placed) == 1  # the known blob was not placed again
    store.forget(placed + [kept])
    assert store.stored_shas() == {kept}
    assert _staging(store) == []


def test_sweep_removes_files_without_rows_and_old_staging_files(db: Database) -> None:
    store = FileBlobStore.beside(db)
    with db.write() as s:
        kept = store.put(s, io.BytesIO(DATA))
    orphan = hashlib.sha256(b"orphan").hexdigest()
    path = store.path_for(orphan)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"orphan")
    old = store.staging_dir() / "old.part"
    old.write_bytes(b"x")
    long_ago = time.time() - 3 * 24 * 3600
    os.utime(old, (long_ago, long_ago))
    young = store.staging_dir() / "young.part"
    young.write_bytes(b"y")
    assert store.sweep() == 2
    assert store.stored_shas() == {kept}
    assert sorted(_staging(store)) == ["young.part"]


def test_unknown_or_malformed_hashes_are_missing(db: Database) -> None:
    store = FileBlobStore.beside(db)
    for ref in ("0" * 64, "../../etc/passwd", "ABC"):
        assert not store.exists(ref)
        with pytest.raises(BlobMissing):
            store.local_path(ref)


def test_database_store_chunks_and_caches_on_sqlite(db: Database, tmp_path: Path) -> None:
    store = DatabaseBlobStore(db, tmp_path / "cache", chunk_bytes=1000)
    with db.write() as s:
        assert store.put(s, io.BytesIO(DATA), "image/png") == SHA
        assert store.put(s, io.BytesIO(DATA), "image/png") == SHA
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(BlobChunk)) == 3
        assert s.get(Blob, SHA).size == 2500  # type: ignore[union-attr]
    assert store.exists(SHA)
    path = store.local_path(SHA)
    assert path.is_relative_to(tmp_path / "cache") and path.read_bytes() == DATA
    with store.open(SHA) as fh:
        assert fh.read() == DATA
    assert not (tmp_path / "cache" / ".staging").exists() or _staging(store) == []


def test_database_store_rolls_back_with_the_transaction(db: Database, tmp_path: Path) -> None:
    store = DatabaseBlobStore(db, tmp_path / "cache", chunk_bytes=1000)
    with pytest.raises(RuntimeError):
        with db.write() as s:
            store.put(s, io.BytesIO(DATA))
            raise RuntimeError("failed")
    assert not store.exists(SHA)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(BlobChunk)) == 0
    assert _staging(store) == []


def test_database_store_refuses_a_corrupted_chunk(db: Database, tmp_path: Path) -> None:
    store = DatabaseBlobStore(db, tmp_path / "cache", chunk_bytes=1000)
    with db.write() as s:
        store.put(s, io.BytesIO(DATA))
    with db.write() as s:
        s.execute(update(BlobChunk).where(BlobChunk.seq == 1).values(data=b"x" * 1000))
    with pytest.raises(BlobMissing):
        store.local_path(SHA)
    assert not store.cache_path(SHA).exists()
    assert list((tmp_path / "cache").rglob("*.part")) == []


def test_empty_content_is_stored_in_both_homes(db: Database, tmp_path: Path) -> None:
    empty = hashlib.sha256(b"").hexdigest()
    for store in (FileBlobStore.beside(db), DatabaseBlobStore(db, tmp_path / "cache2")):
        with db.write() as s:
            assert store.put(s, io.BytesIO(b"")) == empty
        assert store.local_path(empty).read_bytes() == b""


def test_staging_without_sync_then_syncing_only_new_content(db: Database) -> None:
    store = FileBlobStore.beside(db)
    staged = store.stage(io.BytesIO(DATA), sync=False)
    store.sync_staged(staged)  # fsyncs the staging file; does not move it
    assert staged.temp_path.read_bytes() == DATA
    with db.write() as s:
        assert store.store_all(s, [(staged, "image/png")]) == [SHA]
    store.flush()
    assert store.local_path(SHA).read_bytes() == DATA and _staging(store) == []
