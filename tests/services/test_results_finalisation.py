"""Finalising an event after its Berita Acara, the guard in the audit log, and reopening with a reason."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import (
    accounts, assignments, completeness, dossiers, events, finalisation, plenary, sheets,
)
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.services.imports import Outcome, import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import (
    Assignment,
    AuditEntry,
    Dossier,
    Event,
    EventStatus,
    IssuedDocument,
    PlenaryAdjustment,
    Score,
    ScoreSheet,
)
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform
from support.packages import write_folder

CHAIR = ACTOR  # the chair's plenary decisions are recorded by the secretariat (services/policy.py)


def issue_minutes(db: Database, event_id: str, number: str = "BA-001/2026") -> None:
    """What the documents helper's Berita Acara leaves in the store: one issued_documents row."""
    with db.write() as s:
        event = events.get_event(s, event_id)
        seq = (s.scalar(select(func.count()).select_from(IssuedDocument)
                        .where(IssuedDocument.event_id == event.id)) or 0) + 1
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=event.id, kind="minutes", number=number, sequence=seq,
                             fingerprint="ab" * 32, details={}, file_name="berita-acara.pdf", created_by="test"))


@pytest.fixture
def event_id(db: Database) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Anggota 1", "Anggota 2"])
    for n in ("P-001", "P-002", "P-003"):
        add_dossier(db, eid, n, kategori="Kesehatan")
    score(db, eid, "Ketua", "P-001", uniform(KIPP_CRITERIA, 9))
    score(db, eid, "Anggota 1", "P-001", uniform(KIPP_CRITERIA, 8))
    score(db, eid, "Ketua", "P-002", uniform(KIPP_CRITERIA, 7))
    with db.write() as s:
        e = events.get_event(s, eid)
        assignments.assign(s, e, dossiers.get_dossier(s, e, "P-002"), accounts.find_judge(s, e, "Anggota 2"),
                           actor=ACTOR)
        # Anggota 2's sheet stays missing (the guard tests below try to save it): excepted with a reason,
        # else finalising is refused (issue 14, tests/services/test_completeness.py)
        completeness.record_exception(s, e, actor=ACTOR, reason="Anggota 2 berhalangan hadir")
    return eid


def _finalise(db: Database, event_id: str) -> None:
    with db.write() as s:
        finalisation.finalise_event(s, event_id, ACTOR, paper_signed=True)


def _counts(db: Database) -> tuple[int, ...]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                     for m in (Score, ScoreSheet, Assignment, PlenaryAdjustment, Dossier, AuditEntry))


def _status(db: Database, event_id: str) -> tuple[EventStatus, object, str]:
    with db.read() as s:
        e = events.get_event(s, event_id)
        return e.status, e.finalised_at, e.finalised_by


def test_finalising_needs_an_issued_berita_acara(db: Database, event_id: str) -> None:
    before = _counts(db)
    with pytest.raises(ConflictError) as err:
        _finalise(db, event_id)
    assert err.value.message_id == "finalise.no_minutes"
    assert "Berita Acara" in err.value.render("id") and "KIPP Kota Medan 2026" in err.value.render("en")
    assert _status(db, event_id) == (EventStatus.DRAFT, None, "")
    assert _counts(db) == before


def test_finalise_sets_status_time_and_actor_and_is_audited(db: Database, event_id: str) -> None:
    issue_minutes(db, event_id)
    _finalise(db, event_id)
    status, at, by = _status(db, event_id)
    assert status is EventStatus.FINALISED and isinstance(at, dt.datetime) and by == ACTOR.name
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "event.finalised"))
        assert entry.before["status"] == "draft" and entry.after["minutes"]["number"] == "BA-001/2026"
        assert verify_chain(s, str(uuid.UUID(event_id)), actor=ACTOR).ok
        st = finalisation.state(s, event_id, actor=ACTOR)
        assert st.finalised and not st.can_finalise and st.minutes_number == "BA-001/2026"
    with pytest.raises(ConflictError) as err:
        _finalise(db, event_id)
    assert err.value.message_id == "finalise.already"


def test_nothing_that_changes_results_passes_on_a_finalised_event(db: Database, event_id: str,
                                                                  tmp_path: Path) -> None:
    issue_minutes(db, event_id)
    _finalise(db, event_id)
    before = _counts(db)

    def refused(action) -> ConflictError:  # type: ignore[no-untyped-def]
        with pytest.raises(ConflictError) as err, db.write() as s:
            action(s, events.get_event(s, event_id))
        assert err.value.message_id == "finalise.refused"
        assert "KIPP Kota Medan 2026" in err.value.render("id")
        return err.value

    # scoring (a new sheet, and changing a submitted one's draft neighbour)
    def save(s, e):  # type: ignore[no-untyped-def]  # the store-level helper itself refuses (defence in depth)
        judge = accounts.find_judge(s, e, "Anggota 2")
        sheets.save_sheet_unchecked(s, e, judge, dossiers.get_dossier(s, e, "P-002"), values=uniform(KIPP_CRITERIA, 6),
                           submit=True, actor=Actor(judge.name, judge.id))

    refused(save)
    # assigning
    refused(lambda s, e: assignments.assign(s, e, dossiers.get_dossier(s, e, "P-003"),
                                            accounts.find_judge(s, e, "Anggota 2"), actor=ACTOR))
    refused(lambda s, e: assignments.auto_assign(s, e, per_dossier=2, seed=1, actor=ACTOR))
    # plenary decisions
    err = refused(lambda s, e: plenary.correct_score(
        s, e, dossiers.get_dossier(s, e, "P-001"), accounts.find_judge(s, e, "Ketua"), "signifikansi", "8",
        reason="Disepakati dalam pleno", judge_agreed=True, actor=CHAIR))
    # people read it: no internal action id, no terminal command (issue 14)
    assert "plenary.score_corrected" not in err.render("en") and "oaoi " not in err.render("id")
    refused(lambda s, e: plenary.move_dossier(s, e, dossiers.get_dossier(s, e, "P-002"), 1,
                                              reason="Pleno", actor=CHAIR))
    # adding a dossier by hand
    refused(lambda s, e: dossiers.add_dossier(s, e, number="P-009", title="Baru", actor=ACTOR))
    assert _counts(db) == before

    # importing: every dossier rejected with the reason, nothing stored
    folder = write_folder(tmp_path / "usb" / "usulan-09", number="KIPP-009")
    report = import_paths(db, event_id, [folder], actor=ACTOR, today=dt.date(2026, 12, 1))
    [item] = report.items
    assert item.outcome is Outcome.REJECTED
    assert any("KIPP Kota Medan 2026" in f.render("id") for f in item.findings)
    assert _counts(db) == before
    with db.read() as s:
        assert verify_chain(s, str(uuid.UUID(event_id)), actor=ACTOR).ok


def test_documents_and_exports_still_pass_on_a_finalised_event(db: Database, event_id: str) -> None:
    issue_minutes(db, event_id)
    _finalise(db, event_id)
    with db.write() as s:
        e = events.get_event(s, event_id)
        append(s, actor=ACTOR, action="document.issued", event_id=e.id, entity_type="issued_document",
               entity_id="x", after={"kind": "ranking"})
        append(s, actor=ACTOR, action="export.xlsx", event_id=e.id, entity_type="event", entity_id=e.id)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action.in_(["document.issued", "export.xlsx"]))) == 2


def test_reopening_needs_a_reason_and_is_recorded_then_changes_work(db: Database, event_id: str,
                                                                      tmp_path: Path) -> None:
    issue_minutes(db, event_id)
    _finalise(db, event_id)
    with pytest.raises(ValidationError) as err, db.write() as s:
        finalisation.reopen_event(s, event_id, ACTOR, "   ")
    assert err.value.message_id == "finalise.reason_required"
    assert _status(db, event_id)[0] is EventStatus.FINALISED

    with db.write() as s:
        finalisation.reopen_event(s, event_id, CHAIR, "Koreksi  nilai P-002 atas\nkesepakatan pleno")
    assert _status(db, event_id) == (EventStatus.DRAFT, None, "")
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "event.reopened"))
        assert entry.actor == ACTOR.name
        assert entry.after == {"status": "draft", "reason": "Koreksi nilai P-002 atas kesepakatan pleno"}
        assert entry.before["status"] == "finalised"
        assert finalisation.state(s, event_id, actor=ACTOR).last_reopen_reason == "Koreksi nilai P-002 atas kesepakatan pleno"
    # after the reopening, changes work again
    score(db, event_id, "Anggota 2", "P-002", uniform(KIPP_CRITERIA, 6))
    with db.write() as s:
        e = events.get_event(s, event_id)
        plenary.correct_score(s, e, dossiers.get_dossier(s, e, "P-001"), accounts.find_judge(s, e, "Ketua"),
                              "signifikansi", "8", reason="Disepakati", judge_agreed=True, actor=CHAIR)
    report = import_paths(db, event_id, [write_folder(tmp_path / "usb" / "u", number="KIPP-010")], actor=ACTOR,
                          today=dt.date(2026, 12, 1))
    assert report.items[0].outcome is Outcome.IMPORTED
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PlenaryAdjustment)) == 1
        assert verify_chain(s, str(uuid.UUID(event_id)), actor=ACTOR).ok
    # reopening twice is refused
    with pytest.raises(ConflictError) as err2, db.write() as s:
        finalisation.reopen_event(s, event_id, ACTOR, "lagi")
    assert err2.value.message_id == "finalise.not_finalised"


def test_other_events_are_not_touched_by_one_finalised(db: Database, event_id: str) -> None:
    issue_minutes(db, event_id)
    _finalise(db, event_id)
    other = make_event(db, name="Kompetisi Inovasi OPD 2026")
    add_judges(db, other, ["Juri A"])
    add_dossier(db, other, "X-1")
    score(db, other, "Juri A", "X-1", uniform(KIPP_CRITERIA, 7))
    with db.read() as s:
        assert s.scalar(select(Event.status).where(Event.id == uuid.UUID(other))) is EventStatus.DRAFT
