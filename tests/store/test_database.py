"""The store: opening, migrations, refusing newer databases, backups."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from oaoi_desktop import config
from oaoi_desktop.errors import DatabaseVersionError, OaoiError
from oaoi_desktop.store import backup
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.migrate import current_revision, head_revision

EXPECTED_TABLES = {
    "app_meta", "assignments", "attachments", "audit_entries", "audit_heads", "devices",
    "dossier_revisions", "dossiers", "events", "rubric_versions", "score_sheets", "scores", "users",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrates_an_empty_database_to_head(db_url: str) -> None:
    db = Database.open(db_url)
    names = set(inspect(db.engine).get_table_names())
    assert EXPECTED_TABLES <= names
    assert current_revision(db) == head_revision()
    db.close()


def test_opening_twice_is_idempotent(db_url: str) -> None:
    Database.open(db_url).close()
    db = Database.open(db_url)
    assert current_revision(db) == head_revision()
    db.close()


def test_sqlite_pragmas_wal_foreign_keys_busy_timeout(db: Database) -> None:
    with db.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_database_on_a_removable_drive_never_uses_wal(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OAOI_FORCE_REMOVABLE", "1")
    db = Database.open(db_url)
    with db.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    db.close()


def test_refuses_a_database_from_a_newer_version_without_touching_it(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    Database.open("sqlite:///" + str(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    con.commit()
    # as a file copied from another laptop: no WAL, rollback journal
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    before = _sha(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseVersionError) as info:
        Database.open("sqlite:///" + str(path))
    assert "ffff_future" in info.value.render("en")
    assert "newer version" in info.value.render("en")
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not a database, just a text file" * 100)
    with pytest.raises(OaoiError) as info:
        Database.open("sqlite:///" + str(path))
    assert info.value.message_id == "store.cannot_open"
    assert str(path) in info.value.render("id")


def test_backup_api_copy_includes_what_is_still_in_the_wal(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        s.execute(text("INSERT INTO app_meta (key, value) VALUES ('probe', 'in-wal')"))
    wal = Path(str(db.sqlite_path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    target = db.backup_to(tmp_path / "copy.sqlite")
    con = sqlite3.connect(target)
    assert con.execute("SELECT value FROM app_meta WHERE key='probe'").fetchone() == ("in-wal",)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert not list(tmp_path.glob("*.part"))


def test_rotating_backup_keeps_only_the_newest(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    made = [backup.rotating_backup(db.sqlite_path, folder, "scoring", keep=3) for _ in range(5)]
    left = sorted(folder.glob("*.sqlite"))
    assert left == sorted(made[-3:])


def test_migration_backs_up_an_existing_database_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database.open("sqlite:///" + str(path))
    db.close()
    # pretend the schema is one revision behind: forget the stamp of the
    # (only) revision after creating an extra marker table it does not know
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.execute("DROP TABLE audit_heads")
    con.commit()
    con.close()
    with pytest.raises(Exception):
        # the initial revision cannot re-create existing tables; what matters
        # is that the backup was written before anything was attempted
        Database.open("sqlite:///" + str(path))
    backups = list(config.backup_dir().glob("old-*-pre-migrate.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert "events" in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()


def test_device_id_is_stable_per_installation() -> None:
    first = config.device_id()
    assert first == config.device_id()
    assert isinstance(first, uuid.UUID)


def test_db_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert config.resolve_db_url().endswith("oaoi.sqlite")
    monkeypatch.setenv("OAOI_DB", str(tmp_path / "env.sqlite"))
    assert config.resolve_db_url() == "sqlite:///" + str(tmp_path / "env.sqlite")
    assert config.resolve_db_url("postgresql://u@h/db") == "postgresql://u@h/db"


def test_upgrading_a_populated_database_keeps_every_row(tmp_path: Path) -> None:
    """0001 → head on a database with data: batch migrations recreate parent
    tables (users), which with foreign keys on would cascade-delete children."""
    from alembic import command

    from oaoi_desktop.store.migrate import alembic_config
    from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform

    path = tmp_path / "v1.sqlite"
    url = "sqlite:///" + str(path)
    db = Database(url, __import__("oaoi_desktop.store.database", fromlist=["make_engine"]).make_engine(url))
    cfg = alembic_config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    # data written with the 0001 schema (raw SQL: the models are newer)
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    ids = {k: uuid.uuid4().hex for k in ("rv", "ev", "u", "d", "s", "sc")}
    con.execute("INSERT INTO rubric_versions VALUES (?, 'k', '1', 'T', '{}', 'abc', '', '2026-01-01 00:00:00')", (ids["rv"],))
    con.execute("INSERT INTO events (id, name, organiser, venue, status, rubric_version_id, blind_mode, recusal_level,"
                " settings, created_at) VALUES (?, 'E', '', '', 'draft', ?, 0, 'instansi', '{}', '2026-01-01 00:00:00')",
                (ids["ev"], ids["rv"]))
    con.execute("INSERT INTO users (id, event_id, name, nip, instansi, unit_kerja, role, credential_hash, recovery_hash,"
                " failed_attempts, locked, active, created_at) VALUES (?, ?, 'Ani', '', 'X', '', 'member', '', '', 0, 0, 1,"
                " '2026-01-01 00:00:00')", (ids["u"], ids["ev"]))
    con.execute("INSERT INTO dossiers (id, event_id, number, title, instansi, unit_kerja, klaster, kelompok, kategori,"
                " current_revision, created_at) VALUES (?, ?, 'P-1', 'T', '', '', '', '', '', 1, '2026-01-01 00:00:00')",
                (ids["d"], ids["ev"]))
    con.execute("INSERT INTO score_sheets (id, event_id, dossier_id, judge_id, stage_id, status, revision, version,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 'proposal', 'submitted', 1, 1, '2026-01-01 00:00:00',"
                " '2026-01-01 00:00:00')", (ids["s"], ids["ev"], ids["d"], ids["u"]))
    con.execute("INSERT INTO scores VALUES (?, ?, 'signifikansi', 8000, 'ok')", (ids["sc"], ids["s"]))
    con.commit()
    con.close()
    db.close()

    upgraded = Database.open(url)
    assert current_revision(upgraded) == head_revision()
    con = sqlite3.connect(path)
    for table in ("events", "users", "dossiers", "score_sheets", "scores"):
        assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (1,), table
    assert con.execute("SELECT dossier_revision, source FROM score_sheets").fetchone() == (1, "app")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    assert list(config.backup_dir().glob("v1-*-pre-migrate.sqlite"))
    upgraded.close()
