"""Staging without a database: run folders, open staged files, write-back, the store's fast paths."""

from __future__ import annotations

import hashlib
import io
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from oaoi_desktop.store.blobs import STALE_STAGING_SECONDS, FileBlobStore, is_sha256
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Blob
from oaoi_desktop.store.staging import (
    BlobTooLarge,
    Cancelled,
    fsync_file,
    stage_open,
    stage_stream,
    start_writeback,
)

DATA = os.urandom(300_000)
SHA = hashlib.sha256(DATA).hexdigest()


def test_stage_open_leaves_the_file_open_for_the_caller(tmp_path: Path) -> None:
    staged, fd = stage_open(io.BytesIO(DATA), tmp_path, chunk_bytes=64 * 1024)
    try:
        assert (staged.sha256, staged.size, staged.head) == (SHA, len(DATA), DATA[:64])
        start_writeback(fd)  # a hint: never fails
        os.fsync(fd)
        os.lseek(fd, 0, os.SEEK_SET)
        assert os.read(fd, 5) == DATA[:5]
    finally:
        os.close(fd)
    assert staged.temp_path.read_bytes() == DATA
    fsync_file(staged.temp_path)


def test_staging_failures_leave_no_file(tmp_path: Path) -> None:
    with pytest.raises(BlobTooLarge) as info:
        stage_open(io.BytesIO(DATA), tmp_path, max_bytes=1000, chunk_bytes=512)
    assert (info.value.size, info.value.limit) == (1024, 1000)

    class _Set:
        def is_set(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        stage_stream(io.BytesIO(DATA), tmp_path, cancel=_Set())
    assert os.listdir(tmp_path) == []


def test_a_run_folder_is_removed_whole_and_stale_ones_are_swept(db: Database) -> None:
    store = FileBlobStore.beside(db)
    run = store.staging_run()
    assert run.parent == store.staging_dir() and run.is_dir()
    staged = store.stage(io.BytesIO(DATA), folder=run)
    assert staged.temp_path.parent == run
    (run / "left-by-a-killed-worker.part").write_bytes(b"x")
    store.end_staging_run(run)
    assert os.listdir(store.staging_dir()) == []
    fresh, stale = store.staging_run(), store.staging_run()
    (stale / "a.part").write_bytes(b"a")
    store._run_locks.pop(stale).close()  # its import was killed: nobody holds the run's lock any more
    old = time.time() - STALE_STAGING_SECONDS - 60
    os.utime(stale, (old, old))
    assert store.sweep() == 1
    assert os.listdir(store.staging_dir()) == [fresh.name]  # a run still going is left alone


def test_storing_inserts_each_blob_row_once(db: Database, tmp_path: Path) -> None:
    store = FileBlobStore.beside(db)
    first = store.stage(io.BytesIO(DATA))
    twin = store.stage(io.BytesIO(DATA))
    with db.write() as s:
        assert store.store_all(s, [(first, "application/pdf"), (twin, "application/pdf")]) == [SHA]
    again = store.stage(io.BytesIO(DATA))
    with db.write() as s:
        assert store.store_all(s, [(again, "application/pdf")]) == []  # content already there
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
    store.flush()
    assert store.local_path(SHA).read_bytes() == DATA
    assert os.listdir(store.staging_dir()) == []


@pytest.mark.parametrize("value, expected", [
    (SHA, True), (SHA.upper(), False), (SHA[:-1], False), (SHA + "0", False), ("g" * 64, False),
    ("", False), ("../" + SHA[3:], False), (SHA[:63] + "\n", False),
])
def test_is_sha256(value: str, expected: bool) -> None:
    assert is_sha256(value) is expected
