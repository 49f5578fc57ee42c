"""Stages and finalists: close a stage and advance dossiers to the next one.

:func:`close_stage` ranks the stage on its own (per group, the event's
method), picks the dossiers that go on — the top ``N`` of every group
(``top_n``; dossiers tied at the cut all go on) or every dossier that
passes (``passing``) — and records them in the event's settings
(``settings["stages"][stage_id]``) with one ``stage.closed`` audit entry.
Automatic assignment of a later stage then staffs only the dossiers
advanced into it (:func:`dossiers_in_stage`).  The combined ranking needs
nothing more: it already sums ``stage_weight × aggregate / 100`` over the
stages where a dossier has results.

A stage closes only when every assignment in it has a submitted (or locked)
sheet; it cannot be closed twice; while it is closed its scores cannot change
(:func:`oaoi_desktop.services.sheets.refuse_closed_stage`).  :func:`reopen_stage` (with a reason)
undoes a closing while the next stage has no assignment yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.ranking import rank_event
from oaoi_desktop.store.models import Assignment, Dossier, Event, ScoreSheet, SheetStatus, utcnow
from oaoi_desktop.services.policy import Action, authorize

FINAL = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)


@dataclass(frozen=True)
class StageClosing:
    stage_id: str
    next_stage_id: str | None
    advanced: tuple[str, ...]  # dossier ids (hex), rank order within groups
    rule: dict[str, Any]


def _stages_state(event: Event) -> dict[str, Any]:
    return dict((event.settings or {}).get("stages", {}))


def _save(event: Event, state: dict[str, Any]) -> None:
    settings = dict(event.settings or {})
    settings["stages"] = state
    event.settings = settings  # a new dict: the JSON column sees the change


def stage_closing(event: Event, stage_id: str) -> dict[str, Any] | None:
    return _stages_state(event).get(stage_id)


def dossiers_in_stage(session: Session, event: Event, stage_id: str) -> set[str] | None:
    """Dossier ids (hex) admitted to ``stage_id``; ``None`` for the first stage (all dossiers).

    A later stage admits the dossiers its previous stage advanced; before that
    stage is closed it admits none.
    """
    rubric = event_rubric(session, event)
    ids = [s.id for s in rubric.stages]
    if stage_id not in ids:
        raise ValidationError("assign.unknown_stage", stage=stage_id)
    i = ids.index(stage_id)
    if i == 0:
        return None
    closing = stage_closing(event, ids[i - 1])
    return set(closing["advanced"]) if closing else set()


def close_stage(
    session: Session, event: Event, stage_id: str, *, actor: Actor, top_n: int | None = None,
    passing: bool = False, group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
) -> StageClosing:
    authorize(session, actor, Action.STAGE_CLOSE, event=event)
    if (top_n is None) == (not passing):
        raise ValidationError("stage.rule_required")
    if top_n is not None and top_n < 1:
        raise ValidationError("stage.bad_top", value=top_n)
    rubric = event_rubric(session, event)
    ids = [s.id for s in rubric.stages]
    if stage_id not in ids:
        raise ValidationError("assign.unknown_stage", stage=stage_id)
    if stage_closing(event, stage_id):
        raise ConflictError("stage.already_closed", stage=stage_id)
    admitted = dossiers_in_stage(session, event, stage_id)
    if admitted is not None and not admitted:
        raise ConflictError("stage.previous_open", stage=stage_id)
    from oaoi_desktop.services.counted import calibration_dossier_ids, shadow_judge_ids

    counted = (Assignment.dossier_id.not_in(calibration_dossier_ids()),  # issue 17: calibration and
               Assignment.judge_id.not_in(shadow_judge_ids()))            # shadow sheets never block a stage
    assigned = session.scalar(select(func.count()).select_from(Assignment).where(
        Assignment.event_id == event.id, Assignment.stage_id == stage_id, *counted)) or 0
    done = session.scalar(select(func.count()).select_from(Assignment).join(
        ScoreSheet, (ScoreSheet.dossier_id == Assignment.dossier_id) & (ScoreSheet.judge_id == Assignment.judge_id)
        & (ScoreSheet.stage_id == Assignment.stage_id)).where(
        Assignment.event_id == event.id, Assignment.stage_id == stage_id, ScoreSheet.status.in_(FINAL),
        *counted)) or 0
    if assigned == 0:
        raise ConflictError("stage.nothing_scored", stage=stage_id)
    if done < assigned:
        raise ConflictError("stage.pending_sheets", stage=stage_id, pending=assigned - done, total=assigned)
    ranking = rank_event(session, event, group_by=group_by, method=method, stage_id=stage_id, actor=actor)
    advanced: list[str] = []
    for rows in ranking.groups.values():
        for r in rows:
            if r.rank is None or (admitted is not None and r.dossier_id not in admitted):
                continue
            if passing and r.passed:
                advanced.append(r.dossier_id)
            elif top_n is not None and r.rank <= top_n:
                advanced.append(r.dossier_id)  # ties at the cut share the rank and all go on
    i = ids.index(stage_id)
    next_id = ids[i + 1] if i + 1 < len(ids) else None
    rule = {"top_n": top_n, "passing": passing, "group_by": list(group_by), "method": ranking.method.value}
    state = _stages_state(event)
    state[stage_id] = {"closed_at": utcnow().isoformat(timespec="seconds"), "next_stage": next_id,
                       "advanced": advanced, "rule": rule, "closed_by": actor.name}
    _save(event, state)
    session.flush()
    numbers = dict(session.execute(select(Dossier.id, Dossier.number).where(Dossier.event_id == event.id)).all())
    by_hex = {k.hex: v for k, v in numbers.items()}
    append(session, actor=actor, action="stage.closed", event_id=event.id, entity_type="stage", entity_id=stage_id,
           after={**state[stage_id], "advanced_numbers": [by_hex.get(d, d) for d in advanced]})
    return StageClosing(stage_id, next_id, tuple(advanced), rule)


def reopen_stage(session: Session, event: Event, stage_id: str, *, reason: str, actor: Actor) -> None:
    authorize(session, actor, Action.STAGE_REOPEN, event=event)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("plenary.reason_required")
    state = _stages_state(event)
    closing = state.get(stage_id)
    if not closing:
        raise ConflictError("stage.not_closed", stage=stage_id)
    nxt = closing.get("next_stage")
    if nxt and session.scalar(select(Assignment.id).where(Assignment.event_id == event.id,
                                                          Assignment.stage_id == nxt).limit(1)) is not None:
        raise ConflictError("stage.next_started", stage=stage_id, next=nxt)
    del state[stage_id]
    _save(event, state)
    session.flush()
    append(session, actor=actor, action="stage.reopened", event_id=event.id, entity_type="stage",
           entity_id=stage_id, before=closing, after={"reason": reason})


__all__ = ["StageClosing", "close_stage", "dossiers_in_stage", "reopen_stage", "stage_closing"]
