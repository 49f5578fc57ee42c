"""Conflicts of interest a judge declares on an assigned dossier."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import sheets as sheet_service
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.judging.access import allow, allowed_stages, judge_actor, require_judge, resolve_dossier
from oaoi_desktop.services.judging.last_open import forget_open
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import ConflictDeclaration, Dossier, Event, ScoreSheet, User


@dataclass(frozen=True)
class DeclaredConflict:
    """A conflict a judge declared (what the secretariat lists)."""

    id: uuid.UUID
    dossier_id: uuid.UUID
    number: str
    title: str
    judge_id: uuid.UUID
    judge_name: str
    reason: str
    declared_at: dt.datetime


def declare_conflict(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier | uuid.UUID | str,
    reason: str,
    *,
    actor: Actor | None = None,
) -> ConflictDeclaration:
    """The judge declares a conflict of interest on an assigned dossier.

    ``reason`` is required.  The dossier leaves the judge's queue and can no
    longer be opened or scored by them; a draft sheet stays (drafts do not
    count).  Refused on a sheet already submitted: the secretariat must
    unlock it first (``judging.conflict_after_submit``).
    """
    actor = judge_actor(judge, actor)
    allow(session, actor, Action.CONFLICT_DECLARE_OWN, event, judge)
    require_judge(session, event, judge)
    rubric = event_rubric(session, event)
    d = resolve_dossier(session, event, dossier)
    allowed_stages(session, event, judge, d, rubric)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("judging.conflict_reason_required", dossier=d.number)
    final = session.scalar(
        select(ScoreSheet.id).where(ScoreSheet.dossier_id == d.id, ScoreSheet.judge_id == judge.id,
                                    ScoreSheet.status.in_(sheet_service.FINAL_STATUSES))
    )
    if final is not None:
        raise ConflictError("judging.conflict_after_submit", dossier=d.number)
    row = ConflictDeclaration(id=uuid.uuid4(), event_id=event.id, dossier_id=d.id, judge_id=judge.id,
                              reason=reason)
    session.add(row)
    forget_open(judge, event, d)
    session.flush()
    append(session, actor=actor, action="conflict.declared", event_id=event.id,
           entity_type="conflict_declaration", entity_id=row.id,
           after={"dossier_id": d.id, "number": d.number, "judge_id": judge.id, "name": judge.name,
                  "reason": reason, "declared_at": row.declared_at})
    return row


def list_conflicts(session: Session, event: Event, *, actor: Actor) -> list[DeclaredConflict]:
    """Every conflict declared in ``event``, oldest first (for the secretariat: ``conflict.read``)."""
    authorize(session, actor, Action.CONFLICT_READ, event=event)
    rows = session.execute(
        select(ConflictDeclaration, Dossier, User)
        .join(Dossier, Dossier.id == ConflictDeclaration.dossier_id)
        .join(User, User.id == ConflictDeclaration.judge_id)
        .where(ConflictDeclaration.event_id == event.id)
        .order_by(ConflictDeclaration.declared_at, Dossier.number)
    ).all()
    return [
        DeclaredConflict(id=c.id, dossier_id=d.id, number=d.number, title=d.title, judge_id=u.id,
                         judge_name=u.name, reason=c.reason, declared_at=c.declared_at)
        for c, d, u in rows
    ]


__all__ = ["DeclaredConflict", "declare_conflict", "list_conflicts"]
