"""Restore accepts only the app's own schema (issue 13, point 4).

Observed: a backup whose database carries an attacker-defined trigger
(rewriting instansi on every later import, which disables recusal) restored
with exit 0 and ``audit verify`` passed.  Now every object in the copy's
``sqlite_master`` is compared with what the migrations create at its
revision, before the live database is touched.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from oaoi_desktop.cli import main
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import backups
from oaoi_desktop.store import schema_check
from oaoi_desktop.store.database import Database
from tests.support.builders import ACTOR, add_dossier, add_judges, make_event

TRIGGER = """CREATE TRIGGER recusal_off AFTER INSERT ON dossiers BEGIN
    UPDATE dossiers SET instansi = 'x' || instansi WHERE id = NEW.id; END"""

TAMPERING = {
    "trigger": (TRIGGER, "recusal_off"),
    "view": ("CREATE VIEW v_scores AS SELECT * FROM events", "v_scores"),
    "index": ("CREATE INDEX ix_evil ON dossiers (instansi)", "ix_evil"),
    "table": ("CREATE TABLE shadow (x)", "shadow"),
    "changed table": ("ALTER TABLE dossiers ADD COLUMN extra TEXT DEFAULT 'x'", "dossiers"),
    "bidi-named trigger on users": ("CREATE TRIGGER \"x\u202e\" AFTER UPDATE ON users BEGIN SELECT 1; END", "x?"),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tampered_backup(tmp_path: Path, sql: str) -> Path:
    source = tmp_path / "source.sqlite"
    with Database.open("sqlite:///" + str(source)) as db:
        event_id = make_event(db)
        add_judges(db, event_id, ["Ani"], instansi="Pemerintah Kota Medan")
        add_dossier(db, event_id, "P-001")
    conn = sqlite3.connect(source)
    conn.execute(sql)
    conn.commit()
    conn.close()
    with Database.open("sqlite:///" + str(source), migrate=False) as db:
        return backups.create_backup(db, tmp_path / "cadangan.zip", actor=ACTOR).path


def test_a_clean_backup_has_exactly_the_reference_schema(tmp_path: Path) -> None:
    source = tmp_path / "clean.sqlite"
    with Database.open("sqlite:///" + str(source)) as db:
        make_event(db)
    revision = backups._schema_revision_of(source)
    assert revision and schema_check.compare(source, revision) == []


@pytest.mark.parametrize("kind", list(TAMPERING))
def test_a_backup_with_a_foreign_schema_object_is_refused_before_the_live_database_is_touched(
        tmp_path: Path, kind: str) -> None:
    sql, name = TAMPERING[kind]
    archive = _tampered_backup(tmp_path, sql)
    live = tmp_path / "live.sqlite"
    with Database.open("sqlite:///" + str(live)) as db:
        make_event(db, name="Kegiatan yang ada")
    before = _sha(live)
    with pytest.raises(ValidationError) as info:
        backups.restore_backup(archive, "sqlite:///" + str(live), actor=ACTOR)
    assert info.value.message_id.startswith("identity.restore.schema_")
    for lang in ("id", "en"):
        assert name in info.value.render(lang) and "cadangan.zip" in info.value.render(lang)
    assert _sha(live) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_the_cli_refuses_a_backup_with_a_trigger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = _tampered_backup(tmp_path, TRIGGER)
    target = tmp_path / "new.sqlite"
    code = main(["--db", str(target), "--lang", "en", "restore", str(archive)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "recusal_off" in err and "Traceback" not in err
    assert not target.exists()


# -- PostgreSQL (runs where OAOI_TEST_PG_URL names a server) ----------------------------------
PG_TAMPERING = {
    "trigger": ["CREATE FUNCTION evil() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "NEW.instansi := 'x' || NEW.instansi; RETURN NEW; END $$",
                "CREATE TRIGGER recusal_off BEFORE INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION evil()"],
    "view": ["CREATE VIEW v_scores AS SELECT * FROM events"],
    "table": ["CREATE TABLE shadow (x int)"],
}


@pytest.mark.parametrize("kind", list(PG_TAMPERING))
def test_a_postgresql_dump_with_a_foreign_object_is_refused(pg_server, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    import shutil

    from sqlalchemy import func, select, text

    from oaoi_desktop.store.models import Event

    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    names = [pg_server.fresh_database(), pg_server.fresh_database()]
    source, target = (pg_server.url_of(n) for n in names)
    try:
        with Database.open(source) as db:
            make_event(db)
            with db.engine.begin() as conn:
                for sql in PG_TAMPERING[kind]:
                    conn.execute(text(sql))
            archive = backups.create_backup(db, tmp_path / "pg.zip", actor=ACTOR).path
        with Database.open(target) as db2:
            make_event(db2, name="Kegiatan yang ada")
        with pytest.raises(ValidationError) as info:
            backups.restore_backup(archive, target, actor=ACTOR)
        assert info.value.message_id == "identity.restore.schema_unexpected"
        assert "pg.zip" in info.value.render("en")
        with Database.open(target) as db2, db2.read() as s:
            assert s.scalar(select(func.count()).select_from(Event)) == 1
            assert s.scalar(text("SELECT count(*) FROM pg_trigger WHERE tgname = 'recusal_off'")) == 0
    finally:
        for n in names:
            pg_server.drop(n)
