"""Assignments: which judge scores which dossier in which stage.

Conflict-of-interest rules are enforced here, not only in the UI: a judge is
never assigned a dossier they are recused from at the event's recusal level.
The balanced automatic assignment (secretariat console) builds on
:func:`assign`.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.conflicts import is_recused
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.store.models import Assignment, Dossier, Event, User


def recused(event: Event, judge: User, dossier: Dossier) -> bool:
    return is_recused(
        level=event.recusal_level.value,
        judge_instansi=judge.instansi,
        judge_unit_kerja=judge.unit_kerja,
        dossier_instansi=dossier.instansi,
        dossier_unit_kerja=dossier.unit_kerja,
        aliases=(event.settings or {}).get("aliases"),
    )


def assign(
    session: Session,
    event: Event,
    dossier: Dossier,
    judge: User,
    *,
    actor: Actor,
    stage_id: str | None = None,
    audit: bool = True,
) -> Assignment:
    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    try:
        rubric.stage(stage_id)
    except KeyError:
        raise ValidationError("assign.unknown_stage", stage=stage_id) from None
    if dossier.event_id != event.id or judge.event_id != event.id:
        raise ValidationError("assign.other_event")
    if recused(event, judge, dossier):
        raise ConflictError("assign.recused", judge=judge.name, dossier=dossier.number)
    existing = session.scalar(
        select(Assignment).where(
            Assignment.dossier_id == dossier.id,
            Assignment.judge_id == judge.id,
            Assignment.stage_id == stage_id,
        )
    )
    if existing is not None:
        return existing
    row = Assignment(id=uuid.uuid4(), event_id=event.id, dossier_id=dossier.id,
                     judge_id=judge.id, stage_id=stage_id)
    session.add(row)
    session.flush()
    if audit:
        append(session, actor=actor, action="assignment.added", event_id=event.id,
               entity_type="assignment", entity_id=row.id,
               after={"dossier_id": dossier.id, "judge_id": judge.id, "stage_id": stage_id})
    return row


def is_assigned(session: Session, dossier: Dossier, judge: User, stage_id: str) -> bool:
    return session.scalar(
        select(Assignment.id).where(
            Assignment.dossier_id == dossier.id,
            Assignment.judge_id == judge.id,
            Assignment.stage_id == stage_id,
        )
    ) is not None
