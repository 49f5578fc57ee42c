"""Plenary decisions (sidang pleno): reasoned, audited adjustments beside the judges' sheets.

The chair records three kinds of decision; none edits a judge's sheet:

* :func:`resolve_tie` — dossiers the tie-break chain left equal ("for the
  chair") get an order; they then take consecutive ranks in that order.
* :func:`move_dossier` — a dossier is placed at another rank in its group,
  with a reason (e.g. a verified irregularity).
* :func:`correct_score` — one criterion of one judge's submitted sheet reads
  another value in the *adjusted* result, after discussion and with the
  judge's agreement (required); the original stays on the sheet and in the
  raw ranking.

:func:`adjusted_ranking` shows, per dossier, the raw result beside the
adjusted one with the reasons.  Every decision writes an audit entry
(``plenary.*``); a decision is withdrawn with a reason, never deleted.
Decisions apply to the ranking they were made on: ``stage_id`` ``None`` is
the combined ranking, otherwise that stage's ranking; score corrections apply
to whichever ranking includes their stage.

Order of application: score corrections (the ranking is recomputed, tie-breaks
included), then tie resolutions, then moves (in the order recorded).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.ranking import RankedDossier, Ranking, rank_event as domain_rank
from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.domain.scoring import SheetTotal, coefficient_table, to_milli, validate_score
from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.scores import EventScores, dossier_groups
from oaoi_desktop.store.models import (
    Dossier,
    Event,
    PlenaryAdjustment,
    Score,
    ScoreSheet,
    SheetStatus,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize

TIE = "tie_resolved"
MOVE = "dossier_moved"
CORRECTION = "score_corrected"
FINAL = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("plenary.reason_required")
    return reason


def snapshot(a: PlenaryAdjustment) -> dict[str, Any]:
    return {
        "id": a.id, "kind": a.kind, "stage_id": a.stage_id, "dossier_id": a.dossier_id, "judge_id": a.judge_id,
        "criterion_id": a.criterion_id, "value_milli": a.value_milli, "original_milli": a.original_milli,
        "position": a.position, "details": a.details, "reason": a.reason, "judge_agreed": a.judge_agreed,
        "decided_by": a.decided_by, "withdrawn_at": a.withdrawn_at, "withdraw_reason": a.withdraw_reason,
    }


def active_adjustments(session: Session, event: Event, *, actor: Actor) -> list[PlenaryAdjustment]:
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return active_adjustments_unchecked(session, event)


def active_adjustments_unchecked(session: Session, event: Event) -> list[PlenaryAdjustment]:
    return list(session.scalars(
        select(PlenaryAdjustment)
        .where(PlenaryAdjustment.event_id == event.id, PlenaryAdjustment.withdrawn_at.is_(None))
        .order_by(PlenaryAdjustment.created_at, PlenaryAdjustment.id)
    ))


def _record(session: Session, event: Event, actor: Actor, **fields: Any) -> PlenaryAdjustment:
    row = PlenaryAdjustment(id=uuid.uuid4(), event_id=event.id, decided_by=actor.name, decided_by_id=actor.user_id,
                            created_at=utcnow(), withdraw_reason="", **fields)
    session.add(row)
    session.flush()
    append(session, actor=actor, action=f"plenary.{row.kind}", event_id=event.id, entity_type="plenary_adjustment",
           entity_id=row.id, after=snapshot(row))
    return row


# -- recording -------------------------------------------------------------------------------
def correct_score(
    session: Session, event: Event, dossier: Dossier, judge: User, criterion_id: str, value: Any, *,
    reason: str, judge_agreed: bool, actor: Actor, stage_id: str | None = None,
) -> PlenaryAdjustment:
    """Record a corrected criterion score (the judge must agree; the sheet is not edited)."""
    authorize(session, actor, Action.SHEET_CORRECT, event=event)
    reason = _reason(reason)
    if not judge_agreed:
        raise ValidationError("plenary.judge_agreement_required", judge=judge.name, dossier=dossier.number)
    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    try:
        stage = rubric.stage(stage_id)
    except KeyError:
        raise ValidationError("assign.unknown_stage", stage=stage_id) from None
    if isinstance(value, str):  # typed by a person (CLI, dialog): "8", "7.5" or "7,5"
        try:
            value = Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            raise ValidationError("sheet.not_a_number", criterion=criterion_id, value=value) from None
    new = validate_score(stage, criterion_id, value)
    sheet = session.scalar(select(ScoreSheet).where(
        ScoreSheet.dossier_id == dossier.id, ScoreSheet.judge_id == judge.id, ScoreSheet.stage_id == stage_id))
    if sheet is None or sheet.status not in FINAL:
        raise ConflictError("plenary.no_submitted_sheet", judge=judge.name, dossier=dossier.number)
    original = session.scalar(select(Score.value_milli).where(Score.sheet_id == sheet.id,
                                                               Score.criterion_id == criterion_id))
    if original is None:
        raise ConflictError("plenary.no_submitted_sheet", judge=judge.name, dossier=dossier.number)
    if to_milli(new) == original:
        raise ValidationError("plenary.same_value", criterion=criterion_id, value=str(value))
    return _record(session, event, actor, kind=CORRECTION, stage_id=stage_id, dossier_id=dossier.id,
                   judge_id=judge.id, criterion_id=criterion_id, value_milli=to_milli(new), original_milli=original,
                   details={"sheet_id": str(sheet.id), "sheet_revision": sheet.revision}, reason=reason,
                   judge_agreed=True)


def resolve_tie(
    session: Session, event: Event, order: Sequence[Dossier], *, reason: str, actor: Actor,
    stage_id: str | None = None, group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
) -> PlenaryAdjustment:
    """Order dossiers left tied for the chair; ``order`` must list the whole tie."""
    authorize(session, actor, Action.PLENARY_DECIDE, event=event)
    reason = _reason(reason)
    ids = [d.id.hex for d in order]
    if len(ids) < 2 or len(set(ids)) != len(ids):
        raise ValidationError("plenary.tie_needs_two")
    ranking = _corrected_ranking(session, event, group_by=group_by, method=method, stage_id=stage_id)
    tie = next((t for t in ranking.chair_ties if set(t.dossier_ids) == set(ids)), None)
    if tie is None:
        raise ConflictError("plenary.not_a_tie", dossiers=", ".join(d.number for d in order))
    return _record(session, event, actor, kind=TIE, stage_id=stage_id, dossier_id=order[0].id,
                   details={"order": ids, "numbers": [d.number for d in order], "rank": tie.rank,
                            "group": list(tie.group)}, reason=reason, judge_agreed=False)


def move_dossier(
    session: Session, event: Event, dossier: Dossier, to_rank: int, *, reason: str, actor: Actor,
    stage_id: str | None = None, group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
) -> PlenaryAdjustment:
    """Place a ranked dossier at rank ``to_rank`` of its group."""
    authorize(session, actor, Action.PLENARY_DECIDE, event=event)
    reason = _reason(reason)
    ranking = _corrected_ranking(session, event, group_by=group_by, method=method, stage_id=stage_id)
    try:
        row = ranking.dossier(dossier.id.hex)
    except KeyError:
        raise NotFoundError("plenary.not_ranked", dossier=dossier.number) from None
    ranked = [r for r in ranking.groups[row.group] if r.rank is not None]
    if row.rank is None:
        raise ConflictError("plenary.not_ranked", dossier=dossier.number)
    if not 1 <= to_rank <= len(ranked):
        raise ValidationError("plenary.bad_rank", rank=to_rank, max=len(ranked))
    return _record(session, event, actor, kind=MOVE, stage_id=stage_id, dossier_id=dossier.id, position=to_rank,
                   details={"from_rank": row.rank, "group": list(row.group)}, reason=reason, judge_agreed=False)


def withdraw(session: Session, event: Event, adjustment_id: uuid.UUID | str, *, reason: str,
             actor: Actor) -> PlenaryAdjustment:
    authorize(session, actor, Action.PLENARY_DECIDE, event=event)
    reason = _reason(reason)
    try:
        key = adjustment_id if isinstance(adjustment_id, uuid.UUID) else uuid.UUID(str(adjustment_id))
    except ValueError:
        raise NotFoundError("plenary.not_found", id=str(adjustment_id)) from None
    row = session.get(PlenaryAdjustment, key)
    if row is None or row.event_id != event.id:
        raise NotFoundError("plenary.not_found", id=str(adjustment_id))
    if row.withdrawn_at is not None:
        raise ConflictError("plenary.already_withdrawn", id=str(row.id))
    before = snapshot(row)
    row.withdrawn_at = utcnow()
    row.withdraw_reason = reason
    session.flush()
    append(session, actor=actor, action="plenary.withdrawn", event_id=event.id, entity_type="plenary_adjustment",
           entity_id=row.id, before=before, after=snapshot(row))
    return row


# -- the adjusted ranking ---------------------------------------------------------------------
def _corrected_ranking(
    session: Session, event: Event, *, group_by: Sequence[str], method: AggregationMethod | None,
    stage_id: str | None, corrections: Sequence[PlenaryAdjustment] | None = None,
) -> Ranking:
    rubric = event_rubric(session, event)
    scores = EventScores(session, event, rubric)
    groups = dossier_groups(session, event, group_by)
    if corrections is None:
        corrections = [a for a in active_adjustments_unchecked(session, event) if a.kind == CORRECTION]
    totals = scores.totals()
    if not corrections:
        return domain_rank(rubric, totals, groups, criterion_scores=scores.criterion_scores,
                           criterion_aggregates=scores.criterion_aggregates, method=method, stage=stage_id)
    tables = {s.id: coefficient_table(s) for s in rubric.stages}
    delta: dict[tuple[str, str, str], Fraction] = {}
    fixed: dict[tuple[str, str], dict[tuple[str, str], Fraction]] = {}
    for a in corrections:  # later decisions on the same score replace earlier ones
        assert a.stage_id is not None and a.criterion_id is not None and a.judge_id is not None
        key = (a.dossier_id.hex, a.judge_id.hex)
        fixed.setdefault((a.stage_id, a.criterion_id), {})[key] = Fraction(a.value_milli or 0, 1000)
    for (st, cid), per in fixed.items():
        coefs, den = tables[st]
        for (d, j), v in per.items():
            original = next((x.original_milli for x in corrections if x.dossier_id.hex == d and x.judge_id
                             and x.judge_id.hex == j and x.criterion_id == cid and x.stage_id == st), None)
            delta[(d, j, st)] = delta.get((d, j, st), Fraction(0)) + Fraction(
                coefs[cid] * (to_milli(v) - (original or 0)), den)
    totals = [SheetTotal(t.dossier_id, t.judge_id, t.stage_id, t.total + delta.get((t.dossier_id, t.judge_id,
                                                                                       t.stage_id), 0))
              for t in totals]

    def criterion_scores(st: str, cid: str) -> list[tuple[str, str, Fraction]]:
        per = fixed.get((st, cid), {})
        return [(d, j, per.get((d, j), v)) for d, j, v in scores.criterion_scores(st, cid)]

    return domain_rank(rubric, totals, groups, criterion_scores=criterion_scores, criterion_aggregates=None,
                       method=method, stage=stage_id)


@dataclass(frozen=True)
class AdjustedRow:
    """One dossier, raw and adjusted, with the decisions that touched it."""

    dossier_id: str
    group: tuple[str, ...]
    raw_rank: int | None
    raw_value: Fraction | None
    raw_passed: bool
    rank: int | None
    value: Fraction | None
    passed: bool
    adjustments: tuple[PlenaryAdjustment, ...]


def adjusted_ranking(
    session: Session, event: Event, *, group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None, stage_id: str | None = None, actor: Actor,
) -> list[AdjustedRow]:
    """Rows per group in adjusted order: raw rank/value beside the adjusted ones, with reasons."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return adjusted_ranking_unchecked(session, event, group_by=group_by, method=method, stage_id=stage_id)


def adjusted_ranking_unchecked(
    session: Session, event: Event, *, group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None, stage_id: str | None = None,
) -> list[AdjustedRow]:
    """:func:`adjusted_ranking` without the check (documents, after their own)."""
    decisions = active_adjustments_unchecked(session, event)
    rubric = event_rubric(session, event)
    stages_in = {s.id for s in rubric.stages} if stage_id is None else {stage_id}
    corrections = [a for a in decisions if a.kind == CORRECTION and a.stage_id in stages_in]
    raw = _corrected_ranking(session, event, group_by=group_by, method=method, stage_id=stage_id, corrections=[])
    adj = _corrected_ranking(session, event, group_by=group_by, method=method, stage_id=stage_id,
                             corrections=corrections) if corrections else raw
    here = [a for a in decisions if a.kind in (TIE, MOVE) and a.stage_id == stage_id]
    tie_pos: dict[str, int] = {}
    for a in here:
        if a.kind == TIE:
            for i, d in enumerate(a.details.get("order", [])):
                tie_pos[d] = i + 1
    moves = [a for a in here if a.kind == MOVE]
    touched: dict[str, list[PlenaryAdjustment]] = {}
    for a in corrections + here:
        ids = a.details.get("order", []) if a.kind == TIE else [a.dossier_id.hex]
        for d in ids:
            touched.setdefault(d, []).append(a)
    out: list[AdjustedRow] = []
    for group, rows in adj.groups.items():
        ranked = [r for r in rows if r.rank is not None]
        unranked = [r for r in rows if r.rank is None]
        index = {r.dossier_id: i for i, r in enumerate(ranked)}
        order = sorted(ranked, key=lambda r: (r.rank, tie_pos.get(r.dossier_id, 0), index[r.dossier_id]))
        moved: set[str] = set()
        for m in moves:
            d = m.dossier_id.hex
            pos = next((i for i, r in enumerate(order) if r.dossier_id == d), None)
            if pos is None:
                continue
            row = order.pop(pos)
            order.insert(min(max((m.position or 1) - 1, 0), len(order)), row)
            moved.add(d)
        final: dict[str, int] = {}
        prev: RankedDossier | None = None
        for i, r in enumerate(order):
            free = r.dossier_id not in tie_pos and r.dossier_id not in moved
            shared = (prev is not None and free and prev.dossier_id not in tie_pos and prev.dossier_id not in moved
                      and r.rank == prev.rank)
            final[r.dossier_id] = final[prev.dossier_id] if shared and prev is not None else i + 1
            prev = r
        for r in order + unranked:
            rr = raw.dossier(r.dossier_id)
            out.append(AdjustedRow(
                dossier_id=r.dossier_id, group=group, raw_rank=rr.rank, raw_value=rr.value, raw_passed=rr.passed,
                rank=final.get(r.dossier_id), value=r.value, passed=r.passed,
                adjustments=tuple(touched.get(r.dossier_id, ())),
            ))
    return out


__all__ = ["AdjustedRow", "CORRECTION", "MOVE", "TIE", "active_adjustments", "adjusted_ranking", "correct_score",
           "move_dossier", "resolve_tie", "withdraw"]
