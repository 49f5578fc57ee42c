"""The store on a real PostgreSQL server: every migration up and down, seats
starting at once, a newer schema refused, attachments in chunk rows, and a
server that goes away, keeps a lock or refuses an over-long text told to the
user as a message (LAN multi-seat, issue 7).

These run only on PostgreSQL (``OAOI_TEST_PG_URL``; ``scripts/test`` starts a
throw-away server); the same migrations on SQLite are covered by
``test_database.py`` and ``test_migration_*.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from oaoi_desktop.errors import DatabaseVersionError, OaoiError
from oaoi_desktop.store import database as database_module
from oaoi_desktop.store import migrate
from oaoi_desktop.store.blobs import DatabaseBlobStore, blob_store_for
from oaoi_desktop.store.database import Database, make_engine
from oaoi_desktop.store.models import AppMeta, Base, Blob, BlobChunk

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_url(pg_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    name = pg_server.empty_database()
    yield pg_server.url_of(name)
    pg_server.drop(name)


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_every_migration_runs_up_and_down_and_the_models_match(empty_url: str) -> None:
    db = Database(empty_url, make_engine(empty_url))
    try:
        revisions = _revisions()
        assert revisions[:4] == ["0001", "0002", "0003", "0004"]
        seen: list[set[str]] = []
        for rev in revisions:
            migrate.run_alembic(db, migrate.command.upgrade, rev)  # noqa: SLF001 - one step at a time
            assert migrate.current_revision(db) == rev
            seen.append(_tables(db))
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        for rev, tables in zip(reversed(revisions[:-1]), reversed(seen[:-1]), strict=True):
            migrate.downgrade(db, rev)
            assert migrate.current_revision(db) == rev
            assert _tables(db) == tables
        migrate.downgrade(db, "base")
        assert _tables(db) <= {"alembic_version"}
        assert migrate.upgrade(db, backup_first=False) is True
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.close()


def test_seats_starting_at_once_migrate_the_shared_database_once(empty_url: str) -> None:
    results: list[object] = []

    def seat() -> None:
        try:
            Database.open(empty_url).close()
            results.append("ok")
        except BaseException as exc:  # noqa: BLE001
            results.append(exc)

    threads = [threading.Thread(target=seat) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == ["ok", "ok", "ok"]
    db = Database.open(empty_url)
    try:
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.read() as s:
            assert s.scalars(select(AppMeta.key)).all().count("last_migrated_by") == 1
    finally:
        db.close()


def test_a_database_written_by_a_newer_version_is_refused_untouched(db_url: str, db_backend: str) -> None:
    db = Database.open(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zz99'"))
    tables = _tables(db)
    db.close()
    with pytest.raises(DatabaseVersionError) as info:
        Database.open(db_url)
    assert info.value.message_id == "store.newer_database"
    assert "zz99" in info.value.render("en") and "password" not in info.value.render("en")
    raw = Database(db_url, make_engine(db_url))
    assert migrate.current_revision(raw) == "zz99" and _tables(raw) == tables
    raw.close()


def test_a_plain_postgresql_url_means_psycopg(db_url: str) -> None:
    short = "postgresql://" + db_url.split("://", 1)[1]
    with Database.open(short) as db:
        assert db.url.startswith("postgresql+psycopg://") and not db.is_sqlite
        assert db.display_name.startswith("postgresql+psycopg://") and db.sqlite_path is None
        with db.read() as s:
            assert s.execute(text("SHOW application_name")).scalar_one() == "oaoi-desktop"
            assert s.execute(text("SHOW lock_timeout")).scalar_one() == "15s"


def test_an_overlong_text_is_a_message_naming_the_field_not_a_server_error(db: Database) -> None:
    from support import judging_builders as jb

    from oaoi_desktop.errors import ValidationError
    from oaoi_desktop.store.models import Event

    with pytest.raises(ValidationError) as info:
        jb.event(db, name="Kompetisi " * 40)
    assert info.value.message_id == "lan.value_too_long"
    assert "events.name" in info.value.render("id") and "300" in info.value.render("en")
    with db.read() as s:
        assert s.scalars(select(Event)).all() == []
    jb.event(db, name="Kompetisi Inovasi Kota Medan 2026")  # a normal one still goes in


def test_no_server_listening_is_a_clear_message(pg_server) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.base.set(host="127.0.0.1", port=1, database="nope").render_as_string(hide_password=False)
    with pytest.raises(OaoiError) as info:
        Database.open(url)
    assert info.value.message_id == "store.cannot_open"
    assert "127.0.0.1" in info.value.render("id")


def test_a_connection_dropped_mid_work_is_told_as_lost_and_the_next_unit_reconnects(
    db: Database, pg_server  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(OaoiError) as info:
        with db.write() as s:
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with pg_server.admin.connect() as admin:
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            s.execute(text("SELECT 1"))
    assert info.value.message_id == "lan.connection_lost"
    assert "Wi-Fi" in info.value.render("id") and "not saved" in info.value.render("en")
    with db.read() as s:  # the pool throws the dead connection away
        assert s.execute(text("SELECT 1")).scalar_one() == 1


def test_a_lock_held_too_long_by_another_seat_is_a_retry_message(
    db: Database, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.write() as s:
        s.add(AppMeta(key="lan-test", value="0"))
    monkeypatch.setattr(database_module, "LOCK_TIMEOUT_MS", 200)
    other = Database.open(db_url)
    try:
        with db.write() as holder:
            holder.execute(text("UPDATE app_meta SET value = '1' WHERE key = 'lan-test'"))
            with pytest.raises(OaoiError) as info:
                with other.write() as s:
                    s.execute(text("UPDATE app_meta SET value = '2' WHERE key = 'lan-test'"))
        assert info.value.message_id == "lan.retry"
        with other.read() as s:
            assert s.get(AppMeta, "lan-test").value == "1"
    finally:
        other.close()


def test_attachments_on_the_server_live_in_chunk_rows_every_seat_can_read(
    db: Database, db_url: str, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    import io
    import os

    data = os.urandom(5000)
    store = blob_store_for(db)
    assert isinstance(store, DatabaseBlobStore)
    small = DatabaseBlobStore(db, tmp_path / "seat-a", chunk_bytes=2048)
    with db.write() as s:
        sha = small.put(s, io.BytesIO(data), "application/pdf")
    with db.write() as s:  # the same content again: stored once (INSERT ... ON CONFLICT DO NOTHING)
        assert small.put(s, io.BytesIO(data), "application/pdf") == sha
    with db.read() as s:
        assert s.scalar(select(Blob.size).where(Blob.sha256 == sha)) == 5000
        assert s.scalars(select(BlobChunk.seq).where(BlobChunk.sha256 == sha).order_by(BlobChunk.seq)).all() == [0, 1, 2]
    seat_b = Database.open(db_url)
    try:
        other = DatabaseBlobStore(seat_b, tmp_path / "seat-b")
        path = other.local_path(sha)
        assert path.read_bytes() == data and str(path).startswith(str(tmp_path / "seat-b"))
        assert other.exists(sha) and sha in other.stored_shas()
    finally:
        seat_b.close()
