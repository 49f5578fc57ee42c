"""Automatic assignment, unassign and their audit entries, on a real SQLite store."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from oaoi_desktop.domain.conflicts import is_recused
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import accounts, assignments, dossiers, events, judging, sheets
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Assignment, AuditEntry, Dossier, RecusalLevel, ScoreSheet, User
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, fill_sheet, uniform


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    for i, name in enumerate(["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar"]):
        jb.judge(db, eid, name, instansi="Dinas Kesehatan" if name == "Ani" else f"Instansi {i}")
    for i in range(1, 13):
        jb.dossier(db, eid, f"P-{i}", instansi="Dinas Kesehatan" if i <= 2 else "Dinas Pendidikan",
                   kategori="Kesehatan" if i % 2 else "Pendidikan")
    return eid


def pairs(db: Database, eid: str) -> set[tuple[str, str]]:
    with db.read() as s:
        ev = events.get_event(s, eid)
        rows = s.execute(
            select(Assignment.dossier_id, Assignment.judge_id).where(Assignment.event_id == ev.id)
        ).all()
        num = {d.id: d.number for d in s.scalars(select(Dossier).where(Dossier.event_id == ev.id))}
        names = {u.id: u.name for u in s.scalars(select(User).where(User.event_id == ev.id))}
        return {(num[d], names[j]) for d, j in rows}


def run_auto(db: Database, eid: str, r: int = 3, seed: int = 5) -> assignments.AssignResult:
    with db.write() as s:
        return assignments.auto_assign(s, events.get_event(s, eid), per_dossier=r, seed=seed, actor=ACTOR)


def test_auto_assign_respects_recusal_and_balances(db: Database, ev: str) -> None:
    result = run_auto(db, ev)
    got = pairs(db, ev)
    assert len(got) == 36 and result.complete and result.balanced
    assert not {("P-1", "Ani"), ("P-2", "Ani")} & got, "Ani (Dinas Kesehatan) is recused from its entries"
    loads = Counter(j for _, j in got)
    assert max(loads.values()) - min(loads.values()) <= 1
    assert all(n == 3 for n in Counter(d for d, _ in got).values())
    assert result.loads == dict(loads)


def test_one_audit_entry_per_run_lists_the_pairs(db: Database, ev: str) -> None:
    result = run_auto(db, ev)
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "assignment.auto")).all()
        assert len(entries) == 1
        after = entries[0].after
        assert after["added_count"] == 36 and after["per_dossier"] == 3 and after["seed"] == 5
        assert sum(len(v) for v in after["added"].values()) == 36
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "assignment.added")) == 0
        assert verify_chain(s, str(events.get_event(s, ev).id), actor=ACTOR).ok
        assert entries[0].id == result.audit_entry_id


def test_same_seed_same_pairs_on_the_same_store(db: Database, ev: str) -> None:
    first = run_auto(db, ev, seed=9)
    with db.write() as s:
        s.execute(Assignment.__table__.delete())
    second = run_auto(db, ev, seed=9)
    assert first.added == second.added


def test_rerun_tops_up_after_a_declared_conflict_and_an_inactive_judge(db: Database, ev: str) -> None:
    run_auto(db, ev)
    before = pairs(db, ev)
    victim = sorted(p for p in before if p[1] == "Budi")[0]
    with db.write() as s:
        e, budi = jb.who(s, ev, "Budi")
        judging.declare_integrity(s, e, budi)
        judging.declare_conflict(s, e, budi, victim[0], "Saudara kandung pengusul")
    again = run_auto(db, ev)
    assert again.invalid_existing == (victim,)
    added = set(again.added)
    assert len(added) == 1 and next(iter(added))[0] == victim[0]
    assert next(iter(added))[1] != "Budi"
    assert before <= pairs(db, ev), "a re-run never removes pairs"
    # Citra leaves: her dossiers are topped up among the others; she gets nothing new
    with db.write() as s:
        e, citra = jb.who(s, ev, "Citra")
        citra.active = False
    third = run_auto(db, ev)
    assert all(j != "Citra" for _, j in third.added)
    assert "Citra" not in third.loads
    lost = {d for d, j in pairs(db, ev) if j == "Citra"}
    assert {d for d, _ in third.added} == lost
    assert third.complete
    # nothing left to do: a fourth run adds nothing but is still on record
    fourth = run_auto(db, ev)
    assert fourth.added == ()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "assignment.auto")) == 4


def test_shortfall_names_the_dossier_and_why(db: Database) -> None:
    eid = jb.event(db, recusal=RecusalLevel.INSTANSI)
    jb.judge(db, eid, "Ani", instansi="Pemko Medan")
    jb.judge(db, eid, "Budi", instansi="Pemko Medan")
    jb.judge(db, eid, "Citra", instansi="Kemenkes")
    jb.dossier(db, eid, "P-1", instansi="Pemko Medan")
    jb.dossier(db, eid, "P-2", instansi="Pemprov Sumut")
    result = run_auto(db, eid, r=2)
    assert not result.complete
    [short] = result.shortfalls
    assert (short.eligible, short.assigned, short.wanted, short.reason) == (1, 1, 2, "too_few_eligible")
    with db.read() as s:
        number = dossiers.get_dossier(s, events.get_event(s, eid), short.dossier_id).number
    assert number == "P-1"
    assert ("P-1", "Citra") in pairs(db, eid)


def test_eligibility_agrees_with_is_recused(db: Database) -> None:
    names = ["Dinas Kesehatan", "dinas  kesehatan.", "Dinkes", "Bappeda", "", "—"]
    for level in (RecusalLevel.INSTANSI, RecusalLevel.UNIT_KERJA):
        eid = jb.event(db, name=f"E {level.value}", recusal=level, aliases={"Dinas Kesehatan": ["Dinkes"]})
        k = 0
        for a in names:
            for b in names[:4]:
                k += 1
                jb.judge(db, eid, f"J{k}", instansi=a or "X", unit_kerja=b)
        m = 0
        for a in names:
            for b in names:
                m += 1
                jb.dossier(db, eid, f"D{m}", instansi=a, unit_kerja=b)
        with db.read() as s:
            e = events.get_event(s, eid)
            ds = list(s.scalars(select(Dossier).where(Dossier.event_id == e.id)))
            js = accounts.judges(s, e)
            table = assignments.eligibility(s, e, ds, js)
            for d in ds:
                for j in js:
                    assert (str(j.id) not in table[str(d.id)]) == assignments.recused(e, j, d), (d.instansi, d.unit_kerja, j.instansi, j.unit_kerja)


def test_assign_refuses_declared_conflict_and_inactive_judge(db: Database, ev: str) -> None:
    jb.assign(db, ev, "Budi", "P-3")
    with db.write() as s:
        e, budi = jb.who(s, ev, "Budi")
        judging.declare_integrity(s, e, budi)
        judging.declare_conflict(s, e, budi, "P-3", "Mantan atasan")
    with db.write() as s:
        e, budi = jb.who(s, ev, "Budi")
        with pytest.raises(ConflictError) as exc:
            assignments.unassign(s, e, jb.find_dossier(s, ev, "P-3"), budi, actor=ACTOR)
            assignments.assign(s, e, jb.find_dossier(s, ev, "P-3"), budi, actor=ACTOR)
        assert exc.value.message_id == "assign.conflict_declared"
    with db.write() as s:
        e, citra = jb.who(s, ev, "Citra")
        citra.active = False
        s.flush()
        with pytest.raises(ConflictError) as exc:
            assignments.assign(s, e, jb.find_dossier(s, ev, "P-4"), citra, actor=ACTOR)
        assert exc.value.message_id == "assign.judge_inactive"


def test_unassign_discards_a_draft_and_refuses_a_submitted_sheet(db: Database, ev: str) -> None:
    jb.assign(db, ev, "Budi", "P-3")
    jb.assign(db, ev, "Budi", "P-4")
    with db.write() as s:
        e, budi = jb.who(s, ev, "Budi")
        fill_sheet(s, e, budi, jb.find_dossier(s, ev, "P-3"), {"kebaruan": 7},
                   comments={"kebaruan": "cukup baru"}, submit=False)
        fill_sheet(s, e, budi, jb.find_dossier(s, ev, "P-4"), uniform(KIPP_CRITERIA, 8), submit=True)
    with db.write() as s:
        e, budi = jb.who(s, ev, "Budi")
        assignments.unassign(s, e, jb.find_dossier(s, ev, "P-3"), budi, actor=ACTOR)
        with pytest.raises(ConflictError) as exc:
            assignments.unassign(s, e, jb.find_dossier(s, ev, "P-4"), budi, actor=ACTOR)
        assert exc.value.message_id == "assign.sheet_submitted"
        with pytest.raises(ValidationError) as exc2:
            assignments.unassign(s, e, jb.find_dossier(s, ev, "P-5"), budi, actor=ACTOR)
        assert exc2.value.message_id == "assign.not_assigned"
    assert pairs(db, ev) == {("P-4", "Budi")}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScoreSheet)) == 1
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "assignment.removed")).one()
        draft = entry.before["draft_sheet"]["scores"]
        assert draft["kebaruan"] == {"value_milli": 7000, "comment": "cukup baru"}


def test_bad_per_dossier_and_stage(db: Database, ev: str) -> None:
    with db.write() as s:
        e = events.get_event(s, ev)
        for bad in (0, -1, 51):
            with pytest.raises(ValidationError) as exc:
                assignments.auto_assign(s, e, per_dossier=bad, seed=0, actor=ACTOR)
            assert exc.value.message_id == "assign.bad_per_dossier"
        with pytest.raises(ValidationError) as exc:
            assignments.auto_assign(s, e, per_dossier=2, seed=0, actor=ACTOR, stage_id="nope")
        assert exc.value.message_id == "assign.unknown_stage"


def test_is_recused_reference_is_the_domain_rule() -> None:
    assert is_recused(level="instansi", judge_instansi="Dinkes", judge_unit_kerja="", dossier_instansi="dinkes",
                      dossier_unit_kerja="")
