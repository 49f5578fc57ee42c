"""Who may act in the judge workspace, and on which dossier.

In this order, before doing anything (:class:`PermissionDeniedError`, never a
silent empty result): the judge belongs to the event and is active, has
confirmed the integrity statement, and the dossier is assigned to them, they
are not recused from it and have not declared a conflict on it.
"""

from __future__ import annotations

import uuid
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import Rubric, Stage
from oaoi_desktop.errors import NotFoundError, PermissionDeniedError
from oaoi_desktop.services.assignments import recused
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.dossiers import get_dossier
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.policy import authorize
from oaoi_desktop.store.models import (
    Assignment,
    ConflictDeclaration,
    Dossier,
    Event,
    IntegrityDeclaration,
    User,
)


def check_judge(event: Event, judge: User) -> None:
    if judge.event_id != event.id or not judge.role.is_judge or not judge.active:
        raise PermissionDeniedError("judging.not_a_judge", name=judge.name, event=event.name)


def has_declared_integrity(session: Session, event: Event, judge: User) -> bool:
    return session.scalar(
        select(IntegrityDeclaration.id).where(
            IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id
        )
    ) is not None


def judge_actor(judge: User, actor: Actor | None = None) -> Actor:
    """Who acts in the judge workspace: ``actor`` if given, else the judge themself."""
    return actor or Actor(judge.name, judge.id)


def allow(session: Session, actor: Actor, action: str, event: Event, judge: User) -> None:
    """The policy's check for the judge workspace, after its own ``judging.not_a_judge``."""
    check_judge(event, judge)
    authorize(session, actor, action, event=event, judge=judge)


def require_judge(session: Session, event: Event, judge: User) -> None:
    check_judge(event, judge)
    if not has_declared_integrity(session, event, judge):
        raise PermissionDeniedError("judging.integrity_required", event=event.name)


# -- access to a dossier ------------------------------------------------------------
def resolve_dossier(session: Session, event: Event, ref: Dossier | uuid.UUID | str) -> Dossier:
    if isinstance(ref, Dossier):
        if ref.event_id != event.id:
            raise NotFoundError("dossier.not_found", dossier=ref.number, event=event.name)
        return ref
    return get_dossier(session, event, str(ref))


def _has_conflict(session: Session, judge: User, dossier: Dossier) -> bool:
    return session.scalar(
        select(ConflictDeclaration.id).where(
            ConflictDeclaration.dossier_id == dossier.id, ConflictDeclaration.judge_id == judge.id
        )
    ) is not None


def _assigned_stage_ids(session: Session, rubric: Rubric, judge: User, dossier: Dossier) -> list[str]:
    stage_ids = set(session.scalars(
        select(Assignment.stage_id).where(Assignment.dossier_id == dossier.id, Assignment.judge_id == judge.id)
    ))
    return [s.id for s in rubric.stages if s.id in stage_ids]


def allowed_stages(session: Session, event: Event, judge: User, dossier: Dossier, rubric: Rubric) -> list[str]:
    """The stages the judge may score ``dossier`` in; refuses otherwise."""
    stage_ids = _assigned_stage_ids(session, rubric, judge, dossier)
    if not stage_ids:
        raise PermissionDeniedError("judging.not_assigned", dossier=dossier.number)
    if recused(event, judge, dossier):
        raise PermissionDeniedError("judging.recused", dossier=dossier.number)
    if _has_conflict(session, judge, dossier):
        raise PermissionDeniedError("judging.conflict_declared", dossier=dossier.number)
    return stage_ids


class Context(NamedTuple):
    rubric: Rubric
    stage: Stage
    dossier: Dossier
    stage_ids: list[str]


def judge_context(
    session: Session, event: Event, judge: User, dossier_ref: Dossier | uuid.UUID | str, stage_id: str | None
) -> Context:
    require_judge(session, event, judge)
    rubric = event_rubric(session, event)
    dossier = resolve_dossier(session, event, dossier_ref)
    stage_ids = allowed_stages(session, event, judge, dossier, rubric)
    if stage_id is None:
        stage_id = stage_ids[0]
    elif stage_id not in stage_ids:
        raise PermissionDeniedError("judging.not_assigned_stage", dossier=dossier.number, stage=stage_id)
    return Context(rubric, rubric.stage(stage_id), dossier, stage_ids)


__all__ = [
    "Context",
    "allow",
    "allowed_stages",
    "check_judge",
    "has_declared_integrity",
    "judge_actor",
    "judge_context",
    "require_judge",
    "resolve_dossier",
]
