"""What is in the store, at a glance (``oaoi status``, the GUI's start page)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from oaoi_desktop import config
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.migrate import current_revision
from oaoi_desktop.store.models import (
    Assignment,
    Dossier,
    Event,
    Role,
    RubricVersion,
    ScoreSheet,
    SheetStatus,
    User,
)


@dataclass(frozen=True)
class EventSummary:
    id: uuid.UUID
    name: str
    status: str
    rubric_title: str
    dossiers: int
    judges: int
    assignments: int
    sheets_submitted: int


@dataclass(frozen=True)
class StatusSummary:
    database: str
    device_id: uuid.UUID
    schema_revision: str | None
    secretariat_accounts: int
    events: tuple[EventSummary, ...]

    @property
    def is_empty(self) -> bool:
        return not self.events


def _counts(session, column, *where) -> dict[uuid.UUID, int]:  # type: ignore[no-untyped-def]
    stmt = select(column, func.count()).group_by(column)
    for w in where:
        stmt = stmt.where(w)
    return {k: n for k, n in session.execute(stmt)}


def summary(db: Database) -> StatusSummary:
    with db.read() as s:
        secretariat = s.scalar(
            select(func.count()).select_from(User).where(User.role == Role.SECRETARIAT)
        ) or 0
        dossiers = _counts(s, Dossier.event_id)
        judges = _counts(s, User.event_id, User.role.in_([Role.CHAIR, Role.MEMBER]))
        assignments = _counts(s, Assignment.event_id)
        submitted = _counts(
            s,
            ScoreSheet.event_id,
            ScoreSheet.status.in_([SheetStatus.SUBMITTED, SheetStatus.LOCKED]),
        )
        rows = s.execute(
            select(Event, RubricVersion.title)
            .join(RubricVersion, Event.rubric_version_id == RubricVersion.id)
            .order_by(Event.created_at)
        ).all()
        events = tuple(
            EventSummary(
                id=e.id,
                name=e.name,
                status=e.status.value,
                rubric_title=title,
                dossiers=dossiers.get(e.id, 0),
                judges=judges.get(e.id, 0),
                assignments=assignments.get(e.id, 0),
                sheets_submitted=submitted.get(e.id, 0),
            )
            for e, title in rows
        )
    return StatusSummary(
        database=db.display_name,
        device_id=config.device_id(),
        schema_revision=current_revision(db),
        secretariat_accounts=secretariat,
        events=events,
    )
