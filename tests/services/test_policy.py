"""Issue 12, observed point 2: services accepted a judge (or nobody) for secretariat work,
and the store-level sheet helpers changed submitted sheets and recused dossiers.

Each case below failed before the access policy (services/policy.py) and passes now;
every refusal is checked to have changed nothing in the store.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from oaoi_desktop.errors import ConflictError, OaoiError, PermissionDeniedError
from oaoi_desktop.services import accounts, assignments, auth, dossiers, events, judging, plenary, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import (
    Assignment, AuditEntry, PanelPackage, PlenaryAdjustment, Role, Score, ScoreSheet, SheetStatus, User,
)
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, make_event, score, uniform


def counts(db: Database) -> tuple[int, ...]:
    """Row counts that any change would move (and the audit log's length)."""
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0
                     for t in (User, Assignment, ScoreSheet, Score, PlenaryAdjustment, AuditEntry))


def scores_of(db: Database) -> list[tuple]:
    with db.read() as s:
        return sorted(s.execute(select(Score.sheet_id, Score.criterion_id, Score.value_milli, Score.comment)).all())


@pytest.fixture
def ev(db: Database) -> str:
    eid = make_event(db)
    with db.write() as s:
        e = events.get_event(s, eid)
        accounts.add_judge(s, e, name="Ketua Ani", instansi="KemenPAN-RB", role=Role.CHAIR, actor=ACTOR)
        accounts.add_judge(s, e, name="Budi", instansi="KemenPAN-RB", role=Role.MEMBER, actor=ACTOR)
    add_dossier(db, eid, "P-1")
    add_dossier(db, eid, "P-2")
    add_dossier(db, eid, "P-R", instansi="KemenPAN-RB")  # both judges are recused from it
    score(db, eid, "Budi", "P-1", uniform(KIPP_CRITERIA, 7))  # Budi's sheet: LOCKED by the judge workspace
    with db.write() as s:
        e = events.get_event(s, eid)
        budi = accounts.find_judge(s, e, "Budi")
        assignments.assign(s, e, dossiers.get_dossier(s, e, "P-2"), budi, actor=ACTOR)
    return eid


def who(s, eid: str, name: str):  # noqa: ANN001, ANN201
    e = events.get_event(s, eid)
    j = accounts.find_judge(s, e, name)
    return e, j, Actor(j.name, j.id)


# -- a judge doing secretariat work ---------------------------------------------------------
@pytest.mark.parametrize("name", ["Ketua Ani", "Budi"])
def test_a_judge_cannot_assign_unassign_or_add_a_judge(db: Database, ev: str, name: str) -> None:
    before = counts(db)
    with db.write() as s:
        e, j, me = who(s, ev, name)
        p2 = dossiers.get_dossier(s, ev and e, "P-2")
        ani = accounts.find_judge(s, e, "Ketua Ani")
        budi = accounts.find_judge(s, e, "Budi")
        with pytest.raises(PermissionDeniedError) as info:
            assignments.assign(s, e, p2, ani, actor=me)
        assert info.value.message_id == "policy.secretariat_only"
        assert info.value.params["action"] == "assignment.add"
        assert name in info.value.render("en") and "assign a judge" in info.value.render("en")
        with pytest.raises(PermissionDeniedError):
            assignments.unassign(s, e, p2, budi, actor=me)
        with pytest.raises(PermissionDeniedError):
            assignments.auto_assign(s, e, per_dossier=1, actor=me)
        with pytest.raises(PermissionDeniedError) as info:
            accounts.add_judge(s, e, name="Mallory", instansi="X", role=Role.MEMBER, actor=me)
        assert info.value.params["action"] == "judge.add" and "add a judge" in info.value.render("en")
    assert counts(db) == before


@pytest.mark.parametrize("name", ["Ketua Ani", "Budi"])
def test_a_judge_cannot_correct_a_score_in_the_plenary(db: Database, ev: str, name: str) -> None:
    before = counts(db)
    with db.write() as s:
        e, _, me = who(s, ev, name)
        budi = accounts.find_judge(s, e, "Budi")
        with pytest.raises(PermissionDeniedError) as info:
            plenary.correct_score(s, e, dossiers.get_dossier(s, e, "P-1"), budi, "kebaruan", 10,
                                  reason="lebih tinggi", judge_agreed=True, actor=me)
        assert info.value.message_id == "policy.secretariat_only"
    assert counts(db) == before
    with db.write() as s:  # the secretariat still can
        e = events.get_event(s, ev)
        plenary.correct_score(s, e, dossiers.get_dossier(s, e, "P-1"), accounts.find_judge(s, e, "Budi"),
                              "kebaruan", 10, reason="disepakati", judge_agreed=True, actor=ACTOR)
    assert counts(db)[4] == before[4] + 1


# -- nobody, or a deactivated account ---------------------------------------------------------
def test_an_actor_without_an_account_is_refused(db: Database, ev: str) -> None:
    before = counts(db)
    with db.write() as s:
        e = events.get_event(s, ev)
        for nobody in (Actor("cli:operator"), Actor("gui:someone")):
            with pytest.raises(PermissionDeniedError) as info:
                assignments.assign(s, e, dossiers.get_dossier(s, e, "P-2"), accounts.find_judge(s, e, "Ketua Ani"),
                                   actor=nobody)
            assert info.value.message_id == "policy.sign_in_required"
            assert nobody.name in info.value.render("en")
            with pytest.raises(PermissionDeniedError):
                auth.require_secretariat(s, nobody)
    assert counts(db) == before


def test_a_deactivated_secretariat_is_refused(db: Database, ev: str) -> None:
    with db.write() as s:
        other = accounts.add_secretariat(s, name="Sekretariat Dua", secret="sekretariat dua punya sandi", actor=ACTOR)
        other.active = False
        gone = Actor(other.name, other.id)
    before = counts(db)
    with db.write() as s:
        e = events.get_event(s, ev)
        with pytest.raises(PermissionDeniedError) as info:
            assignments.assign(s, e, dossiers.get_dossier(s, e, "P-2"), accounts.find_judge(s, e, "Ketua Ani"),
                               actor=gone)
        assert info.value.message_id == "policy.inactive"
    assert counts(db) == before


def test_a_judges_laptop_has_no_secretariat(db: Database, ev: str) -> None:
    """A panel package applied here makes it a judge seat: a secretariat row written by hand acts nowhere."""
    with db.write() as s:
        e = events.get_event(s, ev)
        budi = accounts.find_judge(s, e, "Budi")
        s.add(PanelPackage(package_id=budi.id, event_id=e.id, judge_id=budi.id, direction="imported", generation=1))
    before = counts(db)
    with db.write() as s:
        e = events.get_event(s, ev)
        with pytest.raises(PermissionDeniedError) as info:
            assignments.assign(s, e, dossiers.get_dossier(s, e, "P-2"), accounts.find_judge(s, e, "Ketua Ani"),
                               actor=ACTOR)
        assert info.value.message_id == "policy.judge_seat"
    assert counts(db) == before


# -- the store-level sheet helpers ---------------------------------------------------------------
def test_the_store_level_write_helpers_are_private() -> None:
    for name in ("save_sheet", "set_score", "set_comment"):
        assert not hasattr(sheets, name), name
        assert hasattr(sheets, f"{name}_unchecked")  # issue 16: named for what they skip, not hidden


def test_the_write_helpers_refuse_a_submitted_sheet(db: Database, ev: str) -> None:
    with db.write() as s:  # a SUBMITTED (not LOCKED) sheet, as a bundle merge leaves it
        e, budi, me = who(s, ev, "Budi")
        p1 = dossiers.get_dossier(s, e, "P-1")
        sheets.get_sheet(s, p1, budi, "proposal", actor=ACTOR).status = SheetStatus.SUBMITTED
    before, values = counts(db), scores_of(db)
    with db.write() as s:
        e, budi, me = who(s, ev, "Budi")
        p1 = dossiers.get_dossier(s, e, "P-1")
        stage = events.event_rubric(s, e).first_stage
        for write in (
            lambda: sheets.save_sheet_unchecked(s, e, budi, p1, values={"kebaruan": 10}, actor=me),
            lambda: sheets.set_score_unchecked(s, e, budi, p1, stage, "kebaruan", 10, actor=me),
            lambda: sheets.set_comment_unchecked(s, e, budi, p1, stage, "kebaruan", "diubah", actor=me),
            lambda: judging.record_score(s, e, budi, p1, "kebaruan", 10),
        ):
            with pytest.raises(ConflictError):
                write()
    assert counts(db) == before and scores_of(db) == values


def test_the_write_helpers_refuse_a_recused_or_conflicted_dossier(db: Database, ev: str) -> None:
    with db.write() as s:
        e, budi, me = who(s, ev, "Budi")
        judging.declare_conflict(s, e, budi, "P-2", "saudara kandung pengusul")
    before, values = counts(db), scores_of(db)
    with db.write() as s:
        e, budi, me = who(s, ev, "Budi")
        stage = events.event_rubric(s, e).first_stage
        recused = dossiers.get_dossier(s, e, "P-R")
        s.add(Assignment(event_id=e.id, dossier_id=recused.id, judge_id=budi.id, stage_id=stage.id))  # by hand
        s.flush()
        for number in ("P-R", "P-2"):
            d = dossiers.get_dossier(s, e, number)
            with pytest.raises(PermissionDeniedError):
                sheets.set_score_unchecked(s, e, budi, d, stage, "kebaruan", 8, actor=me)
            with pytest.raises(PermissionDeniedError):
                sheets.save_sheet_unchecked(s, e, budi, d, values={"kebaruan": 8}, actor=me)
            with pytest.raises(PermissionDeniedError):
                authorize(s, me, Action.SHEET_WRITE_OWN_DRAFT, event=e, judge=budi, dossier=d)
        s.rollback()
    assert counts(db) == before and scores_of(db) == values


def test_a_judge_cannot_score_for_another_judge(db: Database, ev: str) -> None:
    before = counts(db)
    with db.write() as s:
        e, ani, ani_actor = who(s, ev, "Ketua Ani")
        budi = accounts.find_judge(s, e, "Budi")
        judging.declare_integrity(s, e, budi)
    before = counts(db)
    with db.write() as s:
        e, ani, ani_actor = who(s, ev, "Ketua Ani")
        budi = accounts.find_judge(s, e, "Budi")
        with pytest.raises(PermissionDeniedError) as info:
            judging.record_score(s, e, budi, "P-2", "kebaruan", 8, actor=ani_actor)
        assert info.value.message_id == "policy.not_own"
        with pytest.raises(PermissionDeniedError):  # nor the secretariat: it enters paper forms instead
            judging.record_score(s, e, budi, "P-2", "kebaruan", 8, actor=ACTOR)
    assert counts(db) == before


def test_a_judge_writes_own_draft_through_the_workspace(db: Database, ev: str) -> None:
    with db.write() as s:
        e, budi, me = who(s, ev, "Budi")
        state = judging.record_score(s, e, budi, "P-2", "kebaruan", 8, actor=me)
    assert state.criteria[[c.criterion_id for c in state.criteria].index("kebaruan")].value == Decimal(8)


def test_finalised_event_refuses_the_write_helpers(db: Database, ev: str) -> None:
    from oaoi_desktop.store.models import EventStatus

    with db.write() as s:
        e = events.get_event(s, ev)
        e.status = EventStatus.FINALISED
    before = counts(db)
    with db.write() as s:
        e, budi, me = who(s, ev, "Budi")
        stage = events.event_rubric(s, e).first_stage
        p2 = dossiers.get_dossier(s, e, "P-2")
        with pytest.raises(OaoiError):
            sheets.set_score_unchecked(s, e, budi, p2, stage, "kebaruan", 8, actor=me)
        with pytest.raises(PermissionDeniedError) as info:
            authorize(s, me, Action.SHEET_WRITE_OWN_DRAFT, event=e, judge=budi, dossier=p2)
        assert info.value.message_id == "policy.event_finalised"
    assert counts(db) == before


def test_only_the_secretariat_issues_the_event_ca_and_certificates(db: Database, ev: str) -> None:
    from oaoi_desktop.services import keys

    before = counts(db)
    with db.write() as s:
        e, budi, me = who(s, ev, "Ketua Ani")
        for actor in (me, Actor("cli:operator")):
            with pytest.raises(PermissionDeniedError):
                keys.create_authority(s, e.id, "otoritas-rahasia-2026", actor)
            with pytest.raises(PermissionDeniedError):
                keys.issue_judge_certificate(s, e.id, budi.id, "otoritas-rahasia-2026", "sandi-ketua-2026", actor)
    assert counts(db) == before


# -- issue 12, observed point 1: "anyone at the laptop sees every judge's totals" ------------------
def _reads(db: Database, eid: str, actor: Actor, tmp: Path) -> dict[str, Any]:
    """Every protected read the console, the CLI and the Tools menu make, as ``actor``:
    each outcome is the value read or the refusal's message id."""
    from oaoi_desktop.services import agreement, audit_query, audit_verify, backups, exports, ranking, status

    def attempt(fn: Any) -> Any:
        try:
            return fn()
        except PermissionDeniedError as exc:
            return exc

    out: dict[str, Any] = {}
    with db.read() as s:
        e = events.get_event(s, eid)
        out["ranking"] = attempt(lambda: ranking.rank_event(s, e, actor=actor))
        out["ranking table"] = attempt(lambda: ranking.ranking_table(s, e, actor=actor))
        out["agreement"] = attempt(lambda: agreement.event_agreement(s, e, actor=actor))
        out["progress totals"] = attempt(lambda: status.event_progress(s, e.id, "proposal", actor=actor))
        out["audit query"] = attempt(lambda: audit_query.page(s, e.id, actor=actor))
        out["audit verify"] = attempt(lambda: audit_verify.verify_event(s, e, actor=actor))
        out["score export"] = attempt(lambda: exports.score_rows(s, e, actor=actor))
        out["xlsx export"] = attempt(lambda: exports.write_xlsx(s, e, tmp / "hasil.xlsx", actor=actor))
    out["status totals"] = attempt(lambda: status.summary(db, actor=actor))
    out["backup"] = attempt(lambda: backups.create_backup(db, tmp / "cadangan.zip", actor=actor))
    return out


REFUSED_READERS = ["chair", "member", "anonymous", "deactivated"]


@pytest.mark.parametrize("who_reads", REFUSED_READERS)
def test_only_the_secretariat_reads_every_judges_totals(db: Database, ev: str, tmp_path: Path,
                                                         who_reads: str) -> None:
    """Ranking, agreement, status totals, the audit log, exports and backups refuse a judge
    (the chair too), an actor without an account and a deactivated account, and leave
    nothing behind (no export file, no backup); the secretariat reads them all."""
    with db.write() as s:
        gone = accounts.add_secretariat(s, name="Mantan Sekretariat", secret="mantan sekretariat kota medan",
                                        actor=ACTOR)
        gone.active = False
        gone_actor = Actor(gone.name, gone.id)
        e = events.get_event(s, ev)
        ani, budi = accounts.find_judge(s, e, "Ketua Ani"), accounts.find_judge(s, e, "Budi")
        actors = {"chair": Actor(ani.name, ani.id), "member": Actor(budi.name, budi.id),
                  "anonymous": Actor("gui:operator"), "deactivated": gone_actor}
    before = counts(db)
    refused = _reads(db, ev, actors[who_reads], tmp_path)
    expected_id = {"chair": "policy.secretariat_only", "member": "policy.secretariat_only",
                   "anonymous": "policy.sign_in_required", "deactivated": "policy.inactive"}[who_reads]
    for what, outcome in refused.items():
        assert isinstance(outcome, PermissionDeniedError), f"{who_reads} read the {what}: {outcome!r}"
        assert outcome.message_id == expected_id, (what, outcome.message_id)
    assert counts(db) == before
    assert not (tmp_path / "hasil.xlsx").exists() and not (tmp_path / "cadangan.zip").exists()
    # what the person at the laptop sees instead: who they are and what was refused, never a total
    text = refused["ranking"].render("en")
    assert refused["ranking"].params["action"] == "results.read"
    assert "see rankings and results" in text and "results.read" not in text and "70" not in text

    allowed = _reads(db, ev, ACTOR, tmp_path)
    for what, outcome in allowed.items():
        assert not isinstance(outcome, PermissionDeniedError), f"the secretariat was refused the {what}: {outcome}"
    budi_total = next(r for r in allowed["ranking"] if r.rank is not None)  # Budi's 7s on P-1: 70
    assert budi_total.value == 70
    assert (tmp_path / "hasil.xlsx").exists() and (tmp_path / "cadangan.zip").exists()
    assert [e for e in allowed["status totals"].events if e.sheets_submitted == 1]


def test_the_public_summary_shows_no_counts(db: Database, ev: str) -> None:
    """Before anyone signs in the window shows event names only: ``actor=None`` is the
    deliberate public summary, with every count 0 (a judge's actor is refused outright)."""
    from oaoi_desktop.services import status

    public = status.summary(db, actor=None)
    assert [e.name for e in public.events] == [e.name for e in status.summary(db, actor=ACTOR).events]
    assert all((e.dossiers, e.judges, e.assignments, e.sheets_submitted) == (0, 0, 0, 0) for e in public.events)
    with db.read() as s:
        e, budi, me = who(s, ev, "Budi")
    with pytest.raises(PermissionDeniedError):
        status.summary(db, actor=me)


def test_a_judge_reads_only_their_own_sheet_and_assigned_dossier(db: Database, ev: str) -> None:
    """``sheets.get_sheet``: a judge their own sheet only; ``dossier_view``: an assigned,
    unrecused dossier only (Budi is assigned P-1 and P-2, recused from P-R)."""
    with db.read() as s:
        e, budi, me = who(s, ev, "Budi")
        ani = accounts.find_judge(s, e, "Ketua Ani")
        p1, pr = dossiers.get_dossier(s, e, "P-1"), dossiers.get_dossier(s, e, "P-R")
        assert sheets.get_sheet(s, p1, budi, "proposal", actor=me).status == SheetStatus.LOCKED
        with pytest.raises(PermissionDeniedError) as info:
            sheets.get_sheet(s, p1, ani, "proposal", actor=me)
        assert info.value.message_id in ("policy.not_own", "policy.not_assigned")
        assert sheets.get_sheet(s, p1, budi, "proposal", actor=ACTOR) is not None  # the secretariat: any
        assert dossiers.dossier_view(s, p1, actor=me).number == "P-1"
        with pytest.raises(PermissionDeniedError):
            dossiers.dossier_view(s, pr, actor=me)
        with pytest.raises(PermissionDeniedError):
            dossiers.list_dossiers(s, e, actor=me)  # the whole list is the secretariat's
