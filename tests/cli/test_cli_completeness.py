"""Issue 14 from the command line: ``oaoi rank`` gains a ``complete`` column (table, CSV, JSON) and
``oaoi event finalise`` refuses while sheets are missing, or records a reasoned exception."""

from __future__ import annotations

import csv
import io
import json
import uuid

import pytest
from sqlalchemy import select

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK
from oaoi_desktop.services import completeness, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, EventStatus, IssuedDocument
from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform



@pytest.fixture
def ev(db: Database) -> str:
    """P-1 scored by both judges; P-2 by one of two (Budi's sheet is missing)."""
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Budi"])
    add_dossier(db, eid, "P-1")
    add_dossier(db, eid, "P-2")
    score(db, eid, "Ketua", "P-1", uniform(KIPP_CRITERIA, 9))
    score(db, eid, "Budi", "P-1", uniform(KIPP_CRITERIA, 8))
    score(db, eid, "Ketua", "P-2", uniform(KIPP_CRITERIA, 7))
    score(db, eid, "Budi", "P-2", {"kebaruan": 5}, submit=False)
    return eid


def issue_minutes(db: Database, event_id: str, number: str) -> None:
    with db.write() as s:
        e = events.get_event(s, event_id)
        seq = len(list(s.scalars(select(IssuedDocument.id).where(IssuedDocument.event_id == e.id)))) + 1
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number=number, sequence=seq,
                             fingerprint="cd" * 32, details={}, created_by="test"))


def test_rank_has_a_complete_column_in_every_format(run, ev: str) -> None:
    code, out, err = run("rank", "--event", ev, "--format", "csv")
    assert code == EXIT_OK, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0].keys())[:9] == ["group", "rank", "number", "title", "score", "passed", "judges",
                                        "judge_totals", "notes"]  # existing columns kept, in order
    assert {r["number"]: r["complete"] for r in rows} == {"P-1": "true", "P-2": "false"}
    code, out, err = run("rank", "--event", ev, "--format", "json")
    assert code == EXIT_OK, err
    data = {r["number"]: r for r in json.loads(out)}
    assert data["P-1"]["complete"] is True and data["P-2"]["complete"] is False
    assert (data["P-2"]["sheets_submitted"], data["P-2"]["sheets_expected"]) == (1, 2)
    assert "complete_badge" not in data["P-2"]
    code, out, err = run("rank", "--event", ev, "--lang", "id")
    assert code == EXIT_OK, err
    assert "Kelengkapan" in out.splitlines()[0]
    line = next(x for x in out.splitlines() if "P-2" in x)
    assert "belum lengkap 1/2" in line
    assert "lengkap 2/2" in next(x for x in out.splitlines() if "P-1" in x)


def test_finalise_refuses_while_a_sheet_is_missing(run, db: Database, ev: str) -> None:
    issue_minutes(db, ev, "BA-1/2026")
    code, out, err = run("event", "finalise", "--event", ev, "--paper-signed", "--lang", "id")
    assert code == EXIT_FAILED
    assert "belum dapat difinalisasi" in err and "1 lembar penilaian belum dikirim" in err and "P-2 (Budi)" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    with db.read() as s:
        assert events.get_event(s, ev).status is not EventStatus.FINALISED


def test_except_missing_needs_a_reason(run, db: Database, ev: str) -> None:
    code, out, err = run("event", "finalise", "--event", ev, "--paper-signed", "--except-missing", "--lang", "en")
    assert code == EXIT_FAILED and "--reason" in err
    with db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == completeness.EXCEPTION_ACTION)) is None


def test_except_missing_records_the_exception_then_finalises(run, db: Database, ev: str) -> None:
    # recorded first (and kept) even though the Berita Acara issued before it must be issued again
    issue_minutes(db, ev, "BA-1/2026")
    code, out, err = run("event", "finalise", "--event", ev, "--paper-signed", "--except-missing",
                         "--reason", "Budi sakit pada hari penilaian", "--lang", "id")
    assert code == EXIT_FAILED
    assert "Pengecualian dicatat untuk 1 lembar penilaian: P-2 (Budi)" in out
    assert "BA-1/2026" in err and "Terbitkan Berita Acara lagi" in err
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == completeness.EXCEPTION_ACTION))
        assert entry.after["reason"] == "Budi sakit pada hari penilaian"
    issue_minutes(db, ev, "BA-2/2026")
    code, out, err = run("event", "finalise", "--event", ev, "--paper-signed", "--lang", "en")
    assert code == EXIT_OK, err
    assert "BA-2/2026" in out
    with db.read() as s:
        assert events.get_event(s, ev).status is EventStatus.FINALISED
