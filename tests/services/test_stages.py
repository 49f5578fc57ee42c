"""Closing a stage and advancing finalists; later-stage assignment takes only them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import assignments, events, stages
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Assignment, AuditEntry, Dossier
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, fill_sheet, score, uniform

VALUES = {"P-1": 9, "P-2": 8, "P-3": 8, "P-4": 6}


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db, rubric="kipp-two-stage")
    for name in ("Ani", "Budi", "Citra"):
        jb.judge(db, eid, name)
    for number, v in VALUES.items():
        jb.dossier(db, eid, number, kategori="Kesehatan")
        for j in ("Ani", "Budi", "Citra"):
            score(db, eid, j, number, uniform(KIPP_CRITERIA, v))
    return eid


def close(db: Database, eid: str, **kw) -> stages.StageClosing:  # type: ignore[no-untyped-def]
    with db.write() as s:
        return stages.close_stage(s, events.get_event(s, eid), "proposal", actor=ACTOR, **kw)


def numbers(db: Database, eid: str, ids) -> set[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        e = events.get_event(s, eid)
        num = {d.id.hex: d.number for d in s.scalars(select(Dossier).where(Dossier.event_id == e.id))}
    return {num[i] for i in ids}


def auto(db: Database, eid: str, stage: str) -> assignments.AssignResult:
    with db.write() as s:
        return assignments.auto_assign(s, events.get_event(s, eid), per_dossier=2, seed=1, actor=ACTOR,
                                       stage_id=stage)


def test_top_n_with_ties_at_the_cut_then_assignment_of_the_next_stage(db: Database, ev: str) -> None:
    with pytest.raises(ValidationError) as exc:
        auto(db, ev, "presentation")
    assert exc.value.message_id == "assign.stage_not_open"
    result = close(db, ev, top_n=2)
    assert result.next_stage_id == "presentation"
    assert numbers(db, ev, result.advanced) == {"P-1", "P-2", "P-3"}  # P-2 and P-3 tie at rank 2
    assigned = auto(db, ev, "presentation")
    assert {d for d, _ in assigned.added} == {"P-1", "P-2", "P-3"} and assigned.complete
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "stage.closed")).one()
        assert entry.after["advanced_numbers"][0] == "P-1"
        assert sorted(entry.after["advanced_numbers"]) == ["P-1", "P-2", "P-3"]
    with pytest.raises(ConflictError) as exc2:
        close(db, ev, top_n=1)
    assert exc2.value.message_id == "stage.already_closed"
    with db.write() as s:
        with pytest.raises(ConflictError) as exc3:
            stages.reopen_stage(s, events.get_event(s, ev), "proposal", reason="salah", actor=ACTOR)
        assert exc3.value.message_id == "stage.next_started"


def test_all_that_pass_and_reopen(db: Database, ev: str) -> None:
    result = close(db, ev, passing=True)
    assert numbers(db, ev, result.advanced) == {"P-1"}  # pass mark 85
    with db.write() as s:
        stages.reopen_stage(s, events.get_event(s, ev), "proposal", reason="Salah aturan", actor=ACTOR)
    assert numbers(db, ev, close(db, ev, top_n=1).advanced) == {"P-1"}


def test_refuses_pending_sheets_and_bad_rules(db: Database, ev: str) -> None:
    jb.dossier(db, ev, "P-5", kategori="Kesehatan")
    jb.assign(db, ev, "Ani", "P-5")
    with pytest.raises(ConflictError) as exc:
        close(db, ev, top_n=2)
    assert exc.value.message_id == "stage.pending_sheets" and exc.value.params["pending"] == 1
    for kw in ({}, {"top_n": 2, "passing": True}, {"top_n": 0}):
        with pytest.raises(ValidationError):
            close(db, ev, **kw)
    with db.read() as s:
        assert s.scalar(select(Assignment.id).where(Assignment.stage_id == "presentation")) is None


def test_no_score_changes_in_a_closed_stage(db: Database, ev: str) -> None:
    from oaoi_desktop.services import sheets

    close(db, ev, top_n=1)
    with db.write() as s:
        e, ani = jb.who(s, ev, "Ani")
        d = jb.find_dossier(s, ev, "P-4")
        me = Actor(ani.name, ani.id)  # the store-level helpers themselves refuse (defence in depth)
        with pytest.raises(ConflictError) as exc:
            sheets.save_sheet_unchecked(s, e, ani, d, values=uniform(KIPP_CRITERIA, 7), actor=me, submit=True)
        assert exc.value.message_id == "stage.closed_no_scores"
        stage = events.event_rubric(s, e).first_stage
        with pytest.raises(ConflictError):
            sheets.set_score_unchecked(s, e, ani, d, stage, "kebaruan", 7, actor=me)
        with pytest.raises(ConflictError):
            sheets.set_comment_unchecked(s, e, ani, d, stage, "kebaruan", "x", actor=me)
    with db.write() as s:
        stages.reopen_stage(s, events.get_event(s, ev), "proposal", reason="koreksi", actor=ACTOR)
    with db.write() as s:  # reopened: the secretariat unlocks, the score can change again
        e, ani = jb.who(s, ev, "Ani")
        d = jb.find_dossier(s, ev, "P-4")
        sheet = sheets.get_sheet(s, d, ani, "proposal", actor=ACTOR)
        sheets.unlock_sheet(s, sheet, ACTOR, "koreksi")
        fill_sheet(s, e, ani, d, uniform(KIPP_CRITERIA, 7))
