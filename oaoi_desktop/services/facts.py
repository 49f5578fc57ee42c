"""The facts the policy asks, at the bottom of the services: no other service imported.

:mod:`oaoi_desktop.services.policy` decides who may do what from these (is the
event there, who is this judge, is the judge recused from or conflicted on the
dossier) and names a finalised event's time with :func:`when_text`.  They read
rows and return booleans, rows or text; they check no authority themselves.
Every service above the policy may use them; the modules they came from
(``events``, ``accounts``, ``assignments``, ``completeness``) import them from
here, so ``events.get_event`` and the others keep working.  :func:`judges` (an
event's roster) is here too, so the paper forms need not import ``accounts``.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.conflicts import is_recused
from oaoi_desktop.errors import NotFoundError
from oaoi_desktop.store.models import ConflictDeclaration, Dossier, Event, Role, User


def get_event(session: Session, ref: str) -> Event:
    """An event by id, or by exact name (case-insensitive)."""
    ref = (ref or "").strip()
    event: Event | None = None
    try:
        event = session.get(Event, uuid.UUID(ref))
    except ValueError:
        event = None
    if event is None:
        event = session.scalar(select(Event).where(func.lower(Event.name) == ref.lower()))
    if event is None:
        raise NotFoundError("event.not_found", event=ref)
    return event


def find_judge(session: Session, event: Event, ref: str) -> User:
    """A judge of ``event`` by id or exact name (case-insensitive)."""
    ref = (ref or "").strip()
    user: User | None = None
    try:
        user = session.get(User, uuid.UUID(ref))
    except ValueError:
        user = None
    if user is None or user.event_id != event.id:
        user = session.scalar(
            select(User).where(User.event_id == event.id, func.lower(User.name) == ref.lower())
        )
    if user is None or not user.role.is_judge:
        raise NotFoundError("accounts.judge_not_found", judge=ref, event=event.name)
    return user


def recused(event: Event, judge: User, dossier: Dossier) -> bool:
    return is_recused(
        level=event.recusal_level.value,
        judge_instansi=judge.instansi,
        judge_unit_kerja=judge.unit_kerja,
        dossier_instansi=dossier.instansi,
        dossier_unit_kerja=dossier.unit_kerja,
        aliases=(event.settings or {}).get("aliases"),
    )


def has_declared_conflict(session: Session, judge: User, dossier: Dossier) -> bool:
    return session.scalar(
        select(ConflictDeclaration.id).where(
            ConflictDeclaration.dossier_id == dossier.id, ConflictDeclaration.judge_id == judge.id
        )
    ) is not None


def when_text(value: Any) -> str:
    """A stored UTC time as people read it: local date and time with the zone (``-`` when unset)."""
    import datetime as dt

    if value is None or value == dt.datetime.min:
        return "-"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    try:
        return value.astimezone().strftime("%d-%m-%Y %H:%M %Z").strip()
    except (OverflowError, ValueError):
        return value.strftime("%d-%m-%Y %H:%M UTC")


def judges(session: Session, event: Event) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .where(User.event_id == event.id, User.role.in_([Role.CHAIR, Role.MEMBER, Role.SHADOW]))
            .order_by(User.name)
        )
    )


__all__ = ["find_judge", "get_event", "has_declared_conflict", "judges", "recused", "when_text"]
