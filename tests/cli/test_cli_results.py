"""``oaoi event finalise`` and ``oaoi event reopen``: outputs, exit codes, the guard seen from the CLI."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, main
from oaoi_desktop.services import events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, EventStatus, IssuedDocument
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform



@pytest.fixture
def ev(db: Database) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Anggota"])
    add_dossier(db, eid, "P-001")
    add_dossier(db, eid, "P-002")
    score(db, eid, "Ketua", "P-001", uniform(KIPP_CRITERIA, 8))
    return eid


def issue_minutes(db: Database, event_id: str) -> None:
    with db.write() as s:
        e = events.get_event(s, event_id)
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number="BA-7/2026", sequence=1,
                             fingerprint="cd" * 32, details={}, created_by="test"))


def test_help() -> None:
    assert main(["event", "finalise", "--help"]) == EXIT_OK
    assert main(["event", "reopen", "--help"]) == EXIT_OK


def test_finalise_without_berita_acara_exits_1_with_one_line(run, ev: str) -> None:
    code, out, err = run("event", "finalise", "--event", ev)
    assert code == EXIT_FAILED
    assert "Berita Acara" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_finalise_refuses_changes_and_reopen_records_the_reason(run, db: Database, ev: str) -> None:
    issue_minutes(db, ev)
    # issued but not shown to be signed: refused, naming both ways to show it
    code, out, err = run("event", "finalise", "--event", ev, "--lang", "en")
    assert code == EXIT_FAILED and "--signed-pdf" in err and "--paper-signed" in err
    code, out, err = run("event", "finalise", "--event", ev, "--paper-signed", "--lang", "en")
    assert code == EXIT_OK, err
    assert "finalised" in out and "test:secretariat" in out and "BA-7/2026" in out
    with db.read() as s:
        assert events.get_event(s, ev).status is EventStatus.FINALISED
    # a change through another command is refused, naming the event
    code, out, err = run("assign", "--event", ev, "--per-dossier", "1", "--lang", "en")
    assert code == EXIT_FAILED
    assert "is finalised" in err and "KIPP Kota Medan 2026" in err
    # finalising twice: exit 1
    assert run("event", "finalise", "--event", ev, "--paper-signed")[0] == EXIT_FAILED
    # reopen needs --reason (argparse) and a non-empty one (service)
    assert run("event", "reopen", "--event", ev)[0] == EXIT_FAILED
    code, out, err = run("event", "reopen", "--event", ev, "--reason", "  ", "--lang", "id")
    assert code == EXIT_FAILED and "alasan" in err.lower()
    code, out, err = run("event", "reopen", "--event", ev, "--reason", "Koreksi pleno P-002")
    assert code == EXIT_OK, err
    assert "Koreksi pleno P-002" in out
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "event.reopened"))
        assert entry.actor == "test:secretariat" and entry.actor_id == ACTOR.user_id and entry.after["reason"] == "Koreksi pleno P-002"
    code, out, err = run("assign", "--event", ev, "--per-dossier", "1")
    assert code == EXIT_OK, err


def test_unknown_event_exits_1(run) -> None:
    assert run("event", "finalise", "--event", "tidak-ada")[0] == EXIT_FAILED
    assert run("event", "reopen", "--event", "tidak-ada", "--reason", "x")[0] == EXIT_FAILED
