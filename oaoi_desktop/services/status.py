"""What is in the store, at a glance (``oaoi status``, the GUI's start page)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

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


def summary(db: Database, *, actor: Any) -> StatusSummary:
    """The database's events; their counts (dossiers, judges, assignments, submitted sheets)
    only for an ``actor`` the policy lets read results (``results.read``).

    ``actor=None`` asks for the public summary on purpose (the window before anyone signs in,
    ``oaoi status`` on a fresh install): names, status and rubric, every count 0.  Any other
    actor is checked, and refused unless the secretariat.
    """
    from oaoi_desktop.services.policy import Action, authorize

    with db.read() as s:
        if actor is not None:
            authorize(s, actor, Action.RESULTS_READ)
        secretariat = s.scalar(
            select(func.count()).select_from(User).where(User.role == Role.SECRETARIAT)
        ) or 0
        from oaoi_desktop.services.counted import calibration_dossier_ids, counted_sheet, competing_dossier, \
            shadow_judge_ids

        # counts only for a person who may read them (the public summary: names and states)
        dossiers = _counts(s, Dossier.event_id, competing_dossier()) if actor is not None else {}
        judges = _counts(s, User.event_id, User.role.in_([Role.CHAIR, Role.MEMBER])) if actor is not None else {}
        assignments = _counts(s, Assignment.event_id, Assignment.dossier_id.not_in(calibration_dossier_ids()),
                              Assignment.judge_id.not_in(shadow_judge_ids())) if actor is not None else {}
        submitted = _counts(s, ScoreSheet.event_id, counted_sheet()) if actor is not None else {}
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


# -- progress of one event (the secretariat's dashboard) ------------------------------
import datetime as _dt  # noqa: E402 - added with the dashboard, kept beside it
@dataclass(frozen=True)
class JudgeProgress:
    judge_id: uuid.UUID
    name: str
    role: str
    assigned: int
    draft: int
    submitted: int
    last_activity: "_dt.datetime | None"
    """The newest save or submission of any of the judge's sheets in the stage (UTC, naive)."""


@dataclass(frozen=True)
class DossierProgress:
    dossier_id: uuid.UUID
    number: str
    title: str
    kategori: str
    kelompok: str
    assigned: int
    submitted: int


@dataclass(frozen=True)
class EventProgress:
    """Per judge and per dossier: sheets assigned, in draft, submitted (submitted includes locked)."""

    stage_id: str
    judges: tuple[JudgeProgress, ...]
    dossiers: tuple[DossierProgress, ...]

    @property
    def assigned(self) -> int:
        return sum(j.assigned for j in self.judges)

    @property
    def submitted(self) -> int:
        return sum(j.submitted for j in self.judges)

    @property
    def completion(self) -> float:
        """Submitted sheets over assigned sheets (0.0 when nothing is assigned)."""
        return self.submitted / self.assigned if self.assigned else 0.0


def event_progress(session, event_id: uuid.UUID, stage_id: str, *,  # type: ignore[no-untyped-def]
                   actor: Any) -> EventProgress:
    """The event's progress in ``stage_id``, from four grouped queries.

    Only sheets of assigned pairs count (a sheet left from a removed
    assignment would not be in the judge's queue).
    """
    from oaoi_desktop.domain.sorting import natural_key

    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.RESULTS_READ, event=uuid.UUID(str(event_id)))

    from sqlalchemy import and_, case

    from oaoi_desktop.services.counted import calibration_dossier_ids, competing_dossier, shadow_judge_ids

    done = [SheetStatus.SUBMITTED, SheetStatus.LOCKED]
    joined = (
        select(Assignment.judge_id, Assignment.dossier_id, ScoreSheet.status, ScoreSheet.updated_at,
               ScoreSheet.submitted_at)
        .select_from(Assignment)
        .outerjoin(ScoreSheet, and_(ScoreSheet.dossier_id == Assignment.dossier_id,
                                    ScoreSheet.judge_id == Assignment.judge_id,
                                    ScoreSheet.stage_id == Assignment.stage_id))
        .where(Assignment.event_id == event_id, Assignment.stage_id == stage_id,
               Assignment.dossier_id.not_in(calibration_dossier_ids()),  # issue 17: never counted
               Assignment.judge_id.not_in(shadow_judge_ids()))
        .subquery()
    )
    is_done = joined.c.status.in_(done)
    per_judge = {
        jid: (n, drafts or 0, sub or 0, last)
        for jid, n, drafts, sub, last in session.execute(
            select(joined.c.judge_id, func.count(),
                   func.sum(case((joined.c.status == SheetStatus.DRAFT, 1), else_=0)),
                   func.sum(case((is_done, 1), else_=0)),
                   func.max(func.coalesce(joined.c.submitted_at, joined.c.updated_at)))
            .group_by(joined.c.judge_id)
        )
    }
    # a judge's newest activity may also be a save after submitting (unlock, re-submit)
    for jid, last in session.execute(
        select(joined.c.judge_id, func.max(joined.c.updated_at)).group_by(joined.c.judge_id)
    ):
        n, d, s, prev = per_judge[jid]
        per_judge[jid] = (n, d, s, max((x for x in (prev, last) if x is not None), default=None))
    per_dossier = {
        did: (n, sub or 0)
        for did, n, sub in session.execute(
            select(joined.c.dossier_id, func.count(), func.sum(case((is_done, 1), else_=0)))
            .group_by(joined.c.dossier_id)
        )
    }
    judges = tuple(
        JudgeProgress(u.id, u.name, u.role.value, *per_judge.get(u.id, (0, 0, 0, None)))
        for u in session.execute(
            select(User.id, User.name, User.role).where(
                User.event_id == event_id, User.role.in_([Role.CHAIR, Role.MEMBER])).order_by(User.name)
        )
    )

    dossiers = sorted(
        (DossierProgress(d.id, d.number, d.title or "", d.kategori or "", d.kelompok or "",
                         *per_dossier.get(d.id, (0, 0)))
         for d in session.execute(
             select(Dossier.id, Dossier.number, Dossier.title, Dossier.kategori, Dossier.kelompok)
             .where(Dossier.event_id == event_id, competing_dossier()))),
        key=lambda d: natural_key(d.number),
    )
    return EventProgress(stage_id, judges, tuple(dossiers))


def progress_stamp(session, event_id: uuid.UUID) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    """A cheap fingerprint of the event's assignments and sheets: it changes whenever
    the progress could have (a poll from another laptop compares it before reloading)."""
    from sqlalchemy import case

    a_count, a_last = session.execute(
        select(func.count(), func.max(Assignment.created_at)).where(Assignment.event_id == event_id)
    ).one()
    s_count, s_last, s_sub, s_done = session.execute(
        select(func.count(), func.max(ScoreSheet.updated_at), func.max(ScoreSheet.submitted_at),
               func.sum(case((ScoreSheet.status != SheetStatus.DRAFT, 1), else_=0)))
        .where(ScoreSheet.event_id == event_id)
    ).one()
    version_sum = session.scalar(select(func.sum(ScoreSheet.version)).where(ScoreSheet.event_id == event_id))
    return (a_count, a_last, s_count, s_last, s_sub, s_done or 0, version_sum or 0)
