"""Plenary decisions: ties, moves and agreed score corrections beside the sheets, audited."""

from __future__ import annotations

from fractions import Fraction

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import events, plenary
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, Score
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, score, uniform

CHAIR = ACTOR


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    jb.judge(db, eid, "Budi")
    for number in ("A", "B", "C"):
        jb.dossier(db, eid, number, kategori="Kesehatan")
    for j in ("Ani", "Budi"):
        score(db, eid, j, "A", uniform(KIPP_CRITERIA, 8))
        score(db, eid, j, "B", uniform(KIPP_CRITERIA, 8))
        score(db, eid, j, "C", uniform(KIPP_CRITERIA, 7))
    return eid


def table(db: Database, eid: str, **kw) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        e = events.get_event(s, eid)
        num = {jb.find_dossier(s, eid, n).id.hex: n for n in ("A", "B", "C")}
        rows = plenary.adjusted_ranking(s, e, **kw, actor=ACTOR)
        return {num[r.dossier_id]: (r.raw_rank, r.rank, r.raw_value, r.value, tuple(a.kind for a in r.adjustments))
                for r in rows}


def order(db: Database, eid: str) -> list[str]:
    with db.read() as s:
        num = {jb.find_dossier(s, eid, n).id.hex: n for n in ("A", "B", "C")}
        return [num[r.dossier_id] for r in plenary.adjusted_ranking(s, events.get_event(s, eid), actor=ACTOR)]


def test_without_decisions_adjusted_equals_raw(db: Database, ev: str) -> None:
    t = table(db, ev)
    assert t == {"A": (1, 1, 80, 80, ()), "B": (1, 1, 80, 80, ()), "C": (3, 3, 70, 70, ())}


def test_tie_resolved_then_move_then_withdraw(db: Database, ev: str) -> None:
    with db.write() as s:
        e = events.get_event(s, ev)
        a, b = jb.find_dossier(s, ev, "A"), jb.find_dossier(s, ev, "B")
        with pytest.raises(ConflictError):
            plenary.resolve_tie(s, e, [a, jb.find_dossier(s, ev, "C")], reason="x", actor=CHAIR)
        with pytest.raises(ValidationError):
            plenary.resolve_tie(s, e, [b, a], reason="  ", actor=CHAIR)
        plenary.resolve_tie(s, e, [b, a], reason="Dampak B lebih luas (rapat pleno)", actor=CHAIR)
    assert table(db, ev)["B"][:2] == (1, 1) and table(db, ev)["A"][:2] == (1, 2)
    assert order(db, ev) == ["B", "A", "C"]
    with db.write() as s:
        e = events.get_event(s, ev)
        with pytest.raises(ValidationError):
            plenary.move_dossier(s, e, jb.find_dossier(s, ev, "C"), 4, reason="x", actor=CHAIR)
        move = plenary.move_dossier(s, e, jb.find_dossier(s, ev, "C"), 1, reason="Verifikasi lapangan", actor=CHAIR)
        move_id = move.id
    t = table(db, ev)
    assert order(db, ev) == ["C", "B", "A"]
    assert (t["C"][0], t["C"][1], t["C"][4]) == (3, 1, ("dossier_moved",))
    assert (t["B"][1], t["A"][1]) == (2, 3)
    with db.write() as s:
        plenary.withdraw(s, events.get_event(s, ev), move_id, reason="Salah input", actor=CHAIR)
        with pytest.raises(ConflictError):
            plenary.withdraw(s, events.get_event(s, ev), move_id, reason="lagi", actor=CHAIR)
    assert order(db, ev) == ["B", "A", "C"]
    with db.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.action.like("plenary.%"))
                                                 .order_by(AuditEntry.seq))]
        assert actions == ["plenary.tie_resolved", "plenary.dossier_moved", "plenary.withdrawn"]
        assert verify_chain(s, str(events.get_event(s, ev).id), actor=ACTOR).ok


def test_score_correction_needs_agreement_and_leaves_the_sheet(db: Database, ev: str) -> None:
    with db.write() as s:
        e = events.get_event(s, ev)
        c = jb.find_dossier(s, ev, "C")
        _, budi = jb.who(s, ev, "Budi")
        with pytest.raises(ValidationError) as exc:
            plenary.correct_score(s, e, c, budi, "signifikansi", 9, reason="salah baca", judge_agreed=False,
                                  actor=CHAIR)
        assert exc.value.message_id == "plenary.judge_agreement_required"
        with pytest.raises(ValidationError):
            plenary.correct_score(s, e, c, budi, "signifikansi", 11, reason="x", judge_agreed=True, actor=CHAIR)
        with pytest.raises(ValidationError):
            plenary.correct_score(s, e, c, budi, "signifikansi", 7, reason="x", judge_agreed=True, actor=CHAIR)
        fix = plenary.correct_score(s, e, c, budi, "signifikansi", 9, reason="Salah tulis; Budi setuju",
                                    judge_agreed=True, actor=CHAIR)
        assert (fix.original_milli, fix.value_milli) == (7000, 9000)
    t = table(db, ev)
    # Budi's total on C: 70 + 25 × 2 / 10 = 75; mean of 70 and 75
    assert t["C"] == (3, 3, 70, Fraction(145, 2), ("score_corrected",))
    with db.read() as s:
        values = sorted(s.scalars(select(Score.value_milli).where(Score.criterion_id == "signifikansi")))
        assert values == [7000, 7000, 8000, 8000, 8000, 8000], "the judges' sheets are untouched"


def test_a_correction_can_break_a_tie(db: Database, ev: str) -> None:
    with db.write() as s:
        e = events.get_event(s, ev)
        _, budi = jb.who(s, ev, "Budi")
        plenary.correct_score(s, e, jb.find_dossier(s, ev, "A"), budi, "signifikansi", 9, reason="Budi setuju",
                              judge_agreed=True, actor=CHAIR)
    t = table(db, ev)
    assert (t["A"][0], t["A"][1], t["B"][0], t["B"][1]) == (1, 1, 1, 2)


def test_correcting_a_draft_is_refused(db: Database, ev: str) -> None:
    jb.dossier(db, ev, "D")
    score(db, ev, "Ani", "D", uniform(KIPP_CRITERIA, 6), submit=False)
    with db.write() as s:
        e = events.get_event(s, ev)
        _, ani = jb.who(s, ev, "Ani")
        with pytest.raises(ConflictError) as exc:
            plenary.correct_score(s, e, jb.find_dossier(s, ev, "D"), ani, "kebaruan", 7, reason="x",
                                  judge_agreed=True, actor=CHAIR)
        assert exc.value.message_id == "plenary.no_submitted_sheet"
