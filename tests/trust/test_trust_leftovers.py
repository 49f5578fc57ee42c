"""Leftovers of the hostile-input campaign (issue 13, point 5), each a regression test."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest

from oaoi_desktop import files
from oaoi_desktop.cli import main
from oaoi_desktop.domain.rubric_loader import parse_rubric
from oaoi_desktop.errors import OaoiError, ProblemsError, ValidationError
from oaoi_desktop.services import backups, dossiers, events
from oaoi_desktop.services.imports import Outcome, import_paths
from oaoi_desktop.store.blobs import FileBlobStore
from oaoi_desktop.store.database import Database
from tests.support.builders import ACTOR, KIPP_CRITERIA, add_judges, make_event, score, uniform
from tests.support.cli_signin import act_as_test_secretariat
from tests.support.packages import valid_document, write_folder

FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(autouse=True)
def _secretariat_signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands here are the secretariat's: they sign in as the tests' account (``make_event`` made it)."""
    act_as_test_secretariat(monkeypatch)


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, str]:
    """A SQLite store with one event; (db path, event id)."""
    path = tmp_path / "oaoi.sqlite"
    with Database.open("sqlite:///" + str(path)) as db:
        event_id = make_event(db)
    return str(path), event_id


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


# -- a lone surrogate in dossier.json ------------------------------------------------------
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_lone_surrogate_in_dossier_json_is_a_rejection_not_a_traceback(
        store: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    db_path, event_id = store
    raw = json.dumps(valid_document("KIPP-9")).replace('"title": "', '"title": "\\ud800', 1).encode()
    assert b"\\ud800" in raw
    folder = write_folder(tmp_path / "usulan", raw, number="KIPP-9")
    report = tmp_path / "laporan.csv"
    code, out, err = run(["--db", db_path, "--lang", "en", "import", str(folder), "--event", event_id,
                          "--format", fmt, "--report", str(report)], capsys)
    assert code == 2, err
    assert "surrogate" in report.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(out)["counts"]["rejected"] == 1


def test_a_lone_surrogate_anywhere_in_the_document_is_a_finding() -> None:
    from oaoi_desktop.intake import document

    raw = json.dumps({**valid_document("K-1"), "x": ["\ud800"]}).encode()
    value, findings = document.parse(raw, "dossier.json")
    assert value is None and [f.message_id for f in findings] == ["identity.json_surrogate"]
    assert "U+D800" in findings[0].render("en")


# -- formula injection in CSV written to stdout or a report ---------------------------------
def test_the_import_report_csv_escapes_formulas(store: tuple[str, str], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db_path, event_id = store
    folder = write_folder(tmp_path / "usulan", valid_document("KIPP-7", title=FORMULA), number="KIPP-7")
    report = tmp_path / "laporan.csv"
    code, out, _err = run(["--db", db_path, "import", str(folder), "--event", event_id, "--format", "csv",
                           "--report", str(report)], capsys)
    assert code == 0
    for text in (out, report.read_text(encoding="utf-8")):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and all(r["title"] == "'" + FORMULA for r in rows)
        assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r.values() if cell)


def test_rank_csv_escapes_formulas(store: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db_path, event_id = store
    with Database.open("sqlite:///" + db_path) as db:
        add_judges(db, event_id, ["Ani"])
        with db.write() as s:
            dossiers.add_dossier(s, events.get_event(s, event_id), number="P-1", title=FORMULA, actor=ACTOR,
                                 instansi="Pemerintah Kota Binjai", kelompok="umum")
        score(db, event_id, "Ani", "P-1", uniform(KIPP_CRITERIA, 8))
    code, out, _err = run(["--db", db_path, "rank", "--event", event_id, "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    titles = [v for r in rows for v in r.values() if v and FORMULA in v]
    assert titles and all(v.startswith("'") for v in titles)


# -- tracebacks ------------------------------------------------------------------------------
def test_a_non_utf8_argument_is_a_clear_message(store: tuple[str, str], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db_path, event_id = store
    bad = os.fsdecode(b"KIPP \xff\xfe")  # what Python makes of a non-UTF-8 argv (surrogateescape)
    code, _out, err = run(["--db", db_path, "--lang", "en", "event", "create", "--name", bad,
                           "--rubric", "kipp-proposal"], capsys)
    assert code == 1 and "name" in err and "U+DCFF" in err
    pin = tmp_path / "pin"
    pin.write_text("739251")
    code, _out, err = run(["--db", db_path, "--lang", "en", "judge", "add", "--event", event_id, "--name", bad,
                           "--instansi", "X", "--role", "member", "--pin-file", str(pin)], capsys)
    assert code == 1 and "U+DCFF" in err


def test_a_deeply_nested_rubric_is_a_problem_not_a_recursion_error(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for text in ["a = " + "[" * 5000 + "]" * 5000, "a = " + "{x=" * 3000 + "1" + "}" * 3000]:
        with pytest.raises(ProblemsError) as info:
            parse_rubric(text, "rubrik.toml")
        assert [p.message_id for p in info.value.problems] == ["identity.rubric_too_deep"]
        path = tmp_path / "rubrik.toml"
        path.write_text(text)
        code, _out, err = run(["--lang", "en", "rubric", "validate", str(path)], capsys)
        assert code == 1 and "nested too deeply" in err


def test_backup_onto_a_place_that_cannot_be_written_is_a_clear_message(store: tuple[str, str], tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db_path, _event_id = store
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    # /proc refuses new files even to root (chmod would not stop root); a file where a folder is expected
    for out in ["/proc/oaoi-backup-test.zip", str(a_file / "b.zip")]:
        code, _out, err = run(["--db", db_path, "--lang", "en", "backup", "--out", out], capsys)
        assert code == 1 and out.rsplit("/", 1)[0] in err, err


def test_an_unsupported_database_url_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    for url in ["mysql://u@h/x", "mysql+pymysql://u@h/x", "oracle://h/x"]:
        code, _out, err = run(["--db", url, "--lang", "en", "status"], capsys)
        assert code == 1 and "not supported" in err


# -- a hard link in a dossier folder -----------------------------------------------------------
def test_a_hard_link_to_a_file_outside_the_dossier_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.pdf"
    folder = write_folder(tmp_path / "usulan", valid_document("KIPP-5"), number="KIPP-5")
    target = folder / "lampiran" / "sk.pdf"
    secret.write_bytes(target.read_bytes())
    target.unlink()
    os.link(secret, target)
    with Database.open("sqlite:///" + str(tmp_path / "db.sqlite")) as db:
        event_id = make_event(db)
        report = import_paths(db, event_id, [folder], actor=ACTOR, processes=False, workers=1)
    item = report.items[0]
    assert item.outcome is Outcome.REJECTED
    assert any(f.message_id == "identity.hard_link" and "sk.pdf" in f.render("en") for f in item.findings)


# -- stale temporary files --------------------------------------------------------------------
def _old(path: Path, seconds: float = 3600) -> Path:
    t = time.time() - seconds
    os.utime(path, (t, t))
    return path


def test_backup_sweeps_what_a_killed_backup_left_but_not_a_live_one(store: tuple[str, str], tmp_path: Path) -> None:
    db_path, _event_id = store
    out_dir = tmp_path / "stick"
    out_dir.mkdir()
    stale = out_dir / ".cadangan.zip.0123abcd.part"
    stale.write_bytes(b"x" * 1000)
    _old(stale)
    stale_copy = out_dir / "oaoi-sqlite-20261206-auto.sqlite.part"
    stale_copy.write_bytes(b"x")
    _old(stale_copy)
    work = out_dir / "oaoi-backup-k1ll3d"
    work.mkdir()
    (work / "database.sqlite").write_bytes(b"x" * 1000)
    _old(work)
    young = out_dir / ".hasil.xlsx.89abcdef.part"
    young.write_bytes(b"x")
    live = out_dir / ".besar.zip.deadbeef.part"
    not_ours = out_dir / "catatan.part"
    not_ours.write_text("x")
    _old(not_ours)
    with Database.open("sqlite:///" + db_path) as db, files.locked_file(live):
        _old(live)
        backups.create_backup(db, out_dir / "cadangan.zip", actor=ACTOR)
        assert live.exists()  # a live writer holds its lock
    assert not stale.exists() and not stale_copy.exists() and not work.exists()
    assert young.exists() and not_ours.exists()


def test_write_atomically_sweeps_stale_parts_of_its_folder(tmp_path: Path) -> None:
    stale = tmp_path / ".hasil.pdf.0123456789abcdef0123456789abcdef.part"
    stale.write_bytes(b"x")
    _old(stale)
    files.write_atomically(tmp_path / "lain.pdf", b"%PDF")
    assert not stale.exists()


def test_staging_of_a_dead_import_run_is_swept_soon(tmp_path: Path) -> None:
    store = FileBlobStore(tmp_path / "blobs")
    dead = store.staging_run()
    (dead / "x.part").write_bytes(b"x" * 100)
    live = store.staging_run()
    (live / "y.part").write_bytes(b"y")
    for p in (dead, live):
        _old(p, 600)
    release = store._run_locks.pop(dead)  # the importing process of `dead` was killed: its lock is gone
    release.close()
    store.sweep()
    assert not dead.exists() and live.exists()
    store.end_staging_run(live)
    assert not live.exists()


# -- --out onto a missing folder ----------------------------------------------------------------
def test_out_into_a_missing_folder_is_refused_only_the_last_level_is_made(store: tuple[str, str], tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db_path, event_id = store
    unplugged = tmp_path / "media" / "STICK" / "cadangan"
    code, _out, err = run(["--db", db_path, "--lang", "en", "backup", "--out", str(unplugged / "b.zip")], capsys)
    assert code == 1 and "plugged in" in err
    assert not (tmp_path / "media").exists()
    code, _out, err = run(["--db", db_path, "--lang", "en", "backup", "--out", str(tmp_path / "baru" / "b.zip")],
                          capsys)
    assert code == 0, err
    assert (tmp_path / "baru" / "b.zip").is_file()
    with pytest.raises(ValidationError) as info:
        files.prepare_out_folder(unplugged)
    assert info.value.message_id == "identity.out_parent_missing"
    code, _out, err = run(["--db", db_path, "--lang", "en", "export", "results", "--event", event_id,
                           "--out", str(unplugged)], capsys)
    assert code in (1, 2) and not (tmp_path / "media").exists(), err


def test_package_bundle_and_audit_exports_to_an_unplugged_stick_are_refused(
        store: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The other ``--out`` commands: a missing parent is refused before anything is asked or written
    (``bundle export`` uses the same check after the judge has signed in)."""
    db_path, event_id = store
    monkeypatch.setenv("OAOI_PASSPHRASE", "paket panel untuk juri kota medan")
    unplugged = tmp_path / "media" / "STICK"
    for argv in (["package", "export", "--event", event_id, "--judge", "Ani", "--out", str(unplugged / "ani")],
                 ["audit", "export", "--event", event_id, "--out", str(unplugged / "audit.jsonl")]):
        code, _out, err = run(["--db", db_path, "--lang", "en", *argv], capsys)
        assert code == 1 and "plugged in" in err, (argv, err)
        assert not (tmp_path / "media").exists(), argv
    code, _out, err = run(["--db", db_path, "--lang", "en", "audit", "export", "--event", event_id,
                           "--out", str(tmp_path / "audit.jsonl")], capsys)
    assert code == 0, err


def test_restore_refusals_are_oaoi_errors(tmp_path: Path) -> None:
    with pytest.raises(OaoiError):
        backups.restore_backup(tmp_path / "none.zip", "sqlite:///" + str(tmp_path / "x.sqlite"), actor=ACTOR)
