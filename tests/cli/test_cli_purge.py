"""``oaoi event purge`` and ``oaoi event update --retention-days`` (issue 17: purge with a destruction record)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from oaoi_desktop.cli import main
from oaoi_desktop.services import events, finalisation
from oaoi_desktop.services.imports import import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, DossierRevision, IssuedDocument
from support.builders import ACTOR, KIPP_CRITERIA, add_judges, make_event, score, uniform
from support.packages import valid_document, write_folder


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str], builders_secretariat: None):
    def _run(*args: str, lang: str = "en") -> tuple[int, str, str]:
        code = main([*args, "--db", db_url, "--lang", lang])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return _run


def _event(db: Database, tmp_path: Path, *, finalise: bool = True) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Anggota"])
    for i, number in enumerate(("KIPP-001", "KIPP-002"), 1):
        write_folder(tmp_path / "usb" / f"usulan-{i}", valid_document(number), number=number)
    assert import_paths(db, eid, [tmp_path / "usb"], actor=ACTOR, today=dt.date(2026, 12, 1)).counts["imported"] == 2
    for judge in ("Ketua", "Anggota"):
        for number in ("KIPP-001", "KIPP-002"):
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, 8))
    if finalise:
        with db.write() as s:
            e = events.get_event(s, eid)
            s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number="BA-7/2026", sequence=1,
                                 fingerprint="cd" * 32, details={}, created_by="test"))
        with db.write() as s:
            finalisation.finalise_event(s, eid, ACTOR, paper_signed=True)
    return eid


def test_purge_with_a_reason_as_json(run, db: Database, tmp_path: Path) -> None:
    eid = _event(db, tmp_path)
    code, out, err = run("event", "purge", "--event", eid, "--dry-run", "--format", "json")
    assert code == 0, err
    planned = json.loads(out)
    assert planned["counts"]["attachments"] == 6 and planned["reason_required"] is True
    assert planned["retention_days"] is None and planned["purged"] is None
    # no retention period and no reason: refused, with the way out named
    code, out, err = run("event", "purge", "--event", eid, "--out", str(tmp_path / "ba"))
    assert code == 1 and "--reason" in err and "--retention-days" in err
    code, out, err = run("event", "purge", "--event", eid, "--reason", "Permintaan OPD pengusul",
                         "--out", str(tmp_path / "ba"), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["done"] is True and doc["basis"] == "decision" and doc["reason"] == "Permintaan OPD pengusul"
    assert doc["counts"]["revisions"] == 2 and doc["counts"]["attachments"] == 6
    assert doc["counts"]["audit_marked"] == 2
    assert len(doc["items"]) == 8 and all(len(i["sha256"]) == 64 for i in doc["items"])
    assert doc["audit_head_after"]["seq"] > doc["audit_head_before"]["seq"]
    pdf = Path(doc["pdf"])
    assert pdf.parent == tmp_path / "ba" and pdf.is_file()
    text = " ".join("".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "RECORD OF DATA DESTRUCTION" in text and doc["number"] in text
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        assert all(r.content.get("purged") for r in s.scalars(select(DossierRevision)))
    # the audit log still verifies, and says what was marked
    code, out, err = run("audit", "verify", "--event", eid)
    assert code == 0, out + err
    assert "2 entries with purged payloads (marked)" in out
    code, out, err = run("audit", "verify", "--event", eid, "--format", "json")
    assert code == 0 and json.loads(out)[0]["marked"] == 2
    # the PDF is a registered document of the event: its fingerprint matches the chain
    code, out, err = run("verify", str(pdf), "--format", "json")
    [checked] = json.loads(out)["files"]
    assert checked["fingerprint"]["status"] == "ok", out
    assert checked["printed_fingerprint"] == checked["current_fingerprint"]
    # a second purge: nothing changes, and it says so
    code, out, err = run("event", "purge", "--event", eid, "--reason", "lagi", "--out", str(tmp_path / "lagi"))
    assert code == 0, err
    assert "already purged" in out and doc["number"] in out
    assert not (tmp_path / "lagi").exists() or not list((tmp_path / "lagi").iterdir())
    # results still work
    code, out, err = run("rank", "--event", eid, "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


def test_purge_is_refused_before_finalisation(run, db: Database, tmp_path: Path) -> None:
    eid = _event(db, tmp_path, finalise=False)
    code, out, err = run("event", "purge", "--event", eid, "--reason", "Keputusan rapat", "--out", str(tmp_path))
    assert code == 1 and "not finalised" in err
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 6


def test_retention_days_set_and_shown(run, db: Database, tmp_path: Path) -> None:
    eid = _event(db, tmp_path)
    code, out, err = run("event", "update", "--event", eid, "--retention-days", "365", lang="id")
    assert code == 0, err
    assert "365 hari" in out
    code, out, err = run("event", "purge", "--event", eid, "--dry-run", lang="id")
    assert code == 0, err
    assert "Masa retensi: 365 hari" in out
    code, out, err = run("event", "purge", "--event", eid, "--out", str(tmp_path), lang="id")
    assert code == 1 and "baru berakhir pada" in err and "--reason" in err
    code, out, err = run("event", "update", "--event", eid, "--retention-days", "-1")
    assert code == 0 and "cleared" in out
    code, out, err = run("event", "purge", "--event", eid, "--dry-run", "--format", "json")
    assert json.loads(out)["retention_days"] is None


def test_event_create_takes_a_retention_period(run, db: Database) -> None:
    make_event(db)  # the builders' secretariat account and rubric exist
    code, out, err = run("event", "create", "--name", "KIPP Retensi 2026", "--rubric", "kipp-proposal",
                         "--retention-days", "730")
    assert code == 0, err
    event_id = out.strip()
    with db.read() as s:
        event = events.get_event(s, event_id)
        assert event.settings["retention_days"] == 730


def test_results_and_exports_after_the_purge(run, db: Database, tmp_path: Path) -> None:
    eid = _event(db, tmp_path)
    code, out, err = run("event", "purge", "--event", eid, "--reason", "Keputusan rapat", "--out", str(tmp_path))
    assert code == 0, err
    code, out, err = run("export", "csv", "--event", eid, "--out", str(tmp_path / "hasil.csv"))
    assert code == 0, err
    text = (tmp_path / "hasil.csv").read_text("utf-8")
    assert "KIPP-001" in text and "rahmat@medan.go.id" not in text
