"""``services/backups``: archives, restore (all or nothing), rotating and automatic backups; the CLI."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from oaoi_desktop import config
from oaoi_desktop.cli import main
from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.services import audit_verify, backups, imports
from oaoi_desktop.store.database import Database
from tests.support.builders import ACTOR, KIPP_CRITERIA, ROOT, add_dossier, add_judges, make_event, score, uniform

SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture
def filled(db):
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani", "Budi"])
    report = imports.import_paths(db, event_id, [SAMPLES / "jalak-medan", SAMPLES / "padi-simalungun"],
                                  actor=ACTOR, processes=False)
    assert not report.has_rejections
    add_dossier(db, event_id, "P-900")
    score(db, event_id, "Ani", "P-900", uniform(KIPP_CRITERIA, 8))
    return event_id


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def attachment_files(db_path: Path) -> set[str]:
    root = db_path.with_name(db_path.stem + ".attachments")
    return {p.name for p in root.glob("??/*") if p.is_file()}


def test_backup_holds_the_database_and_every_attachment_with_a_manifest(db, filled, tmp_path):
    result = backups.create_backup(db, tmp_path / "cadangan.zip", actor=ACTOR)
    assert result.kind == "sqlite" and result.attachments == len(attachment_files(db.sqlite_path)) > 0
    with zipfile.ZipFile(result.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
        assert manifest["format"] == "oaoi-backup" and manifest["database"] == "database.sqlite"
        for m in manifest["members"]:
            assert m["name"] in names
            assert hashlib.sha256(zf.read(m["name"])).hexdigest() == m["sha256"]
    assert manifest["schema_revision"]
    assert backups.check_archive(result.path) == manifest
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_restore_into_a_new_place_gives_the_same_event(db, filled, tmp_path):
    archive = backups.create_backup(db, tmp_path / "b.zip", actor=ACTOR).path
    target = tmp_path / "elsewhere" / "restored.sqlite"
    result = backups.restore_backup(archive, str(target), actor=ACTOR)
    assert result.previous_backup is None and result.attachments_added == len(attachment_files(db.sqlite_path))
    assert attachment_files(target) == attachment_files(db.sqlite_path)
    with Database.open(str(target)) as copy, copy.read() as s, db.read() as s0:
        report = audit_verify.verify_event(s, filled, actor=ACTOR)
        assert report.ok and report.head == audit_verify.chain_head(s0, filled)


def test_restore_over_a_database_keeps_the_previous_one(db, db_url, filled, tmp_path):
    archive = backups.create_backup(db, tmp_path / "b.zip", actor=ACTOR).path
    score(db, filled, "Budi", "P-900", uniform(KIPP_CRITERIA, 5))  # a change after the backup
    with db.read() as s:
        later = audit_verify.chain_head(s, filled)
    db.close()
    result = backups.restore_backup(archive, db_url, actor=ACTOR)
    assert result.previous_backup is not None and "pre-restore" in result.previous_backup.name
    with Database.open(db_url) as again, again.read() as s:
        assert audit_verify.chain_head(s, filled).seq < later.seq
        assert audit_verify.verify_event(s, filled, actor=ACTOR).ok
    with Database.open(str(result.previous_backup), backup_first=False) as old, old.read() as s:
        assert audit_verify.chain_head(s, filled) == later


def _rewrite(archive: Path, out: Path, change) -> Path:  # noqa: ANN001
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        items = {i.filename: src.read(i.filename) for i in src.infolist()}
        for name, data in change(items).items():
            dst.writestr(name, data)
    return out


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


DAMAGES = {
    "member_damaged": lambda items: {**items, "database.sqlite": _flip(items["database.sqlite"], 5000)},
    "member_missing": lambda items: {k: v for k, v in items.items() if k != "database.sqlite"},
    "no_manifest": lambda items: {k: v for k, v in items.items() if k != "manifest.json"},
    "bad_manifest": lambda items: {**items, "manifest.json": b"{not json"},
    "bad_member": lambda items: {**items, "manifest.json": items["manifest.json"].replace(
        b'"database.sqlite"', b'"../database.sqlite"')},
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_archive_is_refused_and_nothing_changes(db, db_url, filled, tmp_path, damage):
    archive = backups.create_backup(db, tmp_path / "b.zip", actor=ACTOR).path
    bad = _rewrite(archive, tmp_path / "bad.zip", DAMAGES[damage])
    db.close()
    before = sha(Path(db.sqlite_path))
    with pytest.raises(ValidationError) as info:
        backups.restore_backup(bad, db_url, actor=ACTOR)
    assert info.value.message_id == f"trust.restore.{damage}"
    assert "bad.zip" in info.value.render("en")
    assert sha(Path(db.sqlite_path)) == before
    assert not list(config.backup_dir().glob("*pre-restore*"))
    assert not [p for p in Path(db.sqlite_path).parent.iterdir() if p.name.endswith(".part")]


def test_a_truncated_or_foreign_file_is_refused(db, filled, tmp_path, db_url):
    archive = backups.create_backup(db, tmp_path / "b.zip", actor=ACTOR).path
    cut = tmp_path / "cut.zip"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(ValidationError) as info:
        backups.restore_backup(cut, db_url, actor=ACTOR)
    assert info.value.message_id == "trust.restore.not_an_archive"
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    with pytest.raises(ValidationError):
        backups.restore_backup(text, db_url, actor=ACTOR)


def test_an_archive_whose_database_is_not_sound_is_refused(db, filled, tmp_path, db_url):
    archive = backups.create_backup(db, tmp_path / "b.zip", actor=ACTOR).path
    junk = tmp_path / "junk.sqlite"
    conn = sqlite3.connect(junk)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()

    def swap(items):  # noqa: ANN001, ANN202 - a consistent manifest around a foreign database
        data = junk.read_bytes()
        manifest = json.loads(items["manifest.json"])
        for m in manifest["members"]:
            if m["name"] == "database.sqlite":
                m["sha256"] = hashlib.sha256(data).hexdigest()
        return {**items, "database.sqlite": data, "manifest.json": json.dumps(manifest).encode()}

    bad = _rewrite(archive, tmp_path / "foreign.zip", swap)
    with pytest.raises(ValidationError) as info:
        backups.restore_backup(bad, db_url, actor=ACTOR)
    assert info.value.message_id == "trust.restore.not_oaoi"


def test_postgresql_without_pg_dump_is_a_clear_message(tmp_path, monkeypatch):
    from sqlalchemy import create_engine

    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on this PATH
    url = "postgresql://nobody@127.0.0.1:1/none"
    db = Database(url, create_engine(url))
    with pytest.raises(OaoiError) as info:
        backups.create_backup(db, tmp_path / "pg.zip", actor=ACTOR)
    assert info.value.message_id == "trust.backup.pg_tool_missing"
    assert "pg_dump" in info.value.render("en")
    assert not (tmp_path / "pg.zip").exists()


# -- rotating and automatic backups ----------------------------------------------------
def test_rotating_backups_keep_the_newest_k(db, filled):
    made = [backups.rotating_backup(db, "auto", keep=3) for _ in range(5)]
    left = sorted(config.backup_dir().glob("*-auto.sqlite"))
    assert len(left) == 3 and set(left) == set(made[-3:])


def test_automatic_backup_only_when_the_database_changed(db, filled):
    auto = backups.AutoBackup(db, keep=4)
    auto.prime()
    assert auto.tick() is None
    score(db, filled, "Budi", "P-900", uniform(KIPP_CRITERIA, 6), submit=False)
    first = auto.tick()
    assert first is not None and first.exists()
    assert auto.tick() is None
    with sqlite3.connect(first) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_import_is_preceded_by_a_backup(db, filled):
    before = set(config.backup_dir().glob("*-pre-import.sqlite"))
    imports.import_paths(db, filled, [SAMPLES / "sipandu-medan"], actor=ACTOR, processes=False)
    assert len(set(config.backup_dir().glob("*-pre-import.sqlite")) - before) == 1


# -- command line ----------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _cli_signed_in(monkeypatch):  # the CLI acts only for a signed-in secretariat member (issue 12)
    from tests.support.cli_signin import act_as_test_secretariat

    act_as_test_secretariat(monkeypatch)


def test_cli_backup_and_restore(db, db_url, filled, tmp_path, capsys):
    out = tmp_path / "cadangan.zip"
    assert main(["--db", db_url, "--lang", "en", "backup", "--out", str(out)]) == 0
    assert "Backup written to" in capsys.readouterr().out
    target = tmp_path / "new.sqlite"
    assert main(["--db", str(target), "--lang", "en", "restore", str(out)]) == 0
    assert "restored from cadangan.zip" in capsys.readouterr().out
    assert main(["--db", str(target), "audit", "verify", "--event", filled]) == 0
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 nothing")
    assert main(["--db", str(target), "--lang", "en", "restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.zip" in err and "Traceback" not in err


# -- PostgreSQL (runs where OAOI_TEST_PG_URL names a server: ./scripts/test starts one) ---------
def test_postgresql_backup_and_restore_with_pg_dump(pg_server, tmp_path):
    import shutil

    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    names = [pg_server.fresh_database(), pg_server.fresh_database()]
    source, target = (pg_server.url_of(n) for n in names)
    try:
        with Database.open(source) as db:
            event_id = make_event(db)
            add_judges(db, event_id, ["Ani"])
            add_dossier(db, event_id, "P-001")
            score(db, event_id, "Ani", "P-001", uniform(KIPP_CRITERIA, 9))
            result = backups.create_backup(db, tmp_path / "pg.zip", actor=ACTOR)
            with db.read() as s:
                head = audit_verify.chain_head(s, event_id)
        assert result.kind == "postgresql"
        assert backups.check_archive(result.path)["database"] == "database.pgdump"
        with pytest.raises(ValidationError):  # a PostgreSQL archive never goes into a SQLite file
            backups.restore_backup(result.path, "sqlite:///" + str(tmp_path / "x.sqlite"), actor=ACTOR)
        restored = backups.restore_backup(result.path, target, actor=ACTOR)
        assert restored.kind == "postgresql"
        with Database.open(target) as db2, db2.read() as s:
            report = audit_verify.verify_event(s, event_id, expected_head=head, actor=ACTOR)
            assert report.ok and report.head == head and report.scores_checked == 7
    finally:
        for n in names:
            pg_server.drop(n)


def test_an_archive_claiming_an_unknown_zip_version_is_refused(tmp_path, db_url):
    """Found by the hostile-input campaign: zipfile raised NotImplementedError ("zip file version 14.8")."""
    import struct

    path = tmp_path / "cadangan.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", "{}")
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 148)  # "version needed to extract": 14.8
    path.write_bytes(bytes(data))
    with pytest.raises(ValidationError) as info:
        backups.restore_backup(path, db_url, actor=ACTOR)
    assert info.value.message_id == "trust.restore.not_an_archive"
