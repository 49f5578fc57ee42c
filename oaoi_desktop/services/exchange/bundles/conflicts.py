"""Sheet conflicts left by a bundle merge: listing them and resolving one with a reason.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.services import audit, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.auth import require_secretariat
from oaoi_desktop.services.exchange import entries, lineage
from oaoi_desktop.services.sheets import from_milli
from oaoi_desktop.store.models import Dossier, Event, EventStatus, ScoreSheet, SheetConflict, User, utcnow
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.services.exchange.bundles.merge import score_values, sheet_scores


# -- conflicts ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictSide:
    version_hash: str
    revision: int
    status: str
    device_id: str
    updated_at: dt.datetime | None
    scores: dict[str, tuple[Any, str]]
    """criterion id → (value as Decimal, comment)."""


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    dossier_id: uuid.UUID
    number: str
    title: str
    judge_id: uuid.UUID
    judge_name: str
    stage_id: str
    criteria: tuple[str, ...]
    stored: ConflictSide
    incoming: ConflictSide
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    resolution: str
    reason: str


def _side_of_sheet(sheet: ScoreSheet | None, digest: str) -> ConflictSide:
    if sheet is None:
        return ConflictSide(digest, 0, "", "", None, {})
    return ConflictSide(digest, sheet.revision or 0, sheet.status.value, str(sheet.device_id or ""),
                        sheet.updated_at, {s.criterion_id: (from_milli(s.value_milli), s.comment) for s in sheet.scores})


def _side_of_entry(entry: entries.Entry) -> ConflictSide:
    return ConflictSide(entry.version_hash, entry.revision, entry.status.value, str(entry.device_id or ""),
                        entry.updated_at, {c: (from_milli(v), t) for c, (v, t) in entry.scores.items()})


def _stored_sheet(session: Session, c: SheetConflict) -> ScoreSheet | None:
    return session.scalar(select(ScoreSheet).where(ScoreSheet.dossier_id == c.dossier_id,
                                                   ScoreSheet.judge_id == c.judge_id,
                                                   ScoreSheet.stage_id == c.stage_id))


def list_conflicts(session: Session, event: Event, *, open_only: bool = True, actor: Actor) -> list[ConflictView]:
    authorize(session, actor, Action.BUNDLE_RESOLVE, event=event)
    rubric = events.event_rubric(session, event)
    stmt = (select(SheetConflict, Dossier, User).join(Dossier, Dossier.id == SheetConflict.dossier_id)
            .join(User, User.id == SheetConflict.judge_id).where(SheetConflict.event_id == event.id)
            .order_by(SheetConflict.created_at, Dossier.number))
    if open_only:
        stmt = stmt.where(SheetConflict.resolved_at.is_(None))
    out = []
    for c, d, u in session.execute(stmt).all():
        sheet = _stored_sheet(session, c)
        try:
            criteria = tuple(rubric.stage(c.stage_id).criterion_ids)
        except KeyError:
            criteria = ()
        incoming = entries.parse_entry(c.incoming)
        out.append(ConflictView(
            id=c.id, dossier_id=d.id, number=d.number, title=d.title, judge_id=u.id, judge_name=u.name,
            stage_id=c.stage_id, criteria=criteria,
            stored=_side_of_sheet(sheet, lineage.sheet_hash(sheet) if sheet is not None else c.stored_hash),
            incoming=_side_of_entry(incoming), created_at=c.created_at, resolved_at=c.resolved_at,
            resolution=c.resolution, reason=c.reason))
    return out


def open_conflict_count(session: Session, event_id: uuid.UUID, *, actor: Actor) -> int:
    authorize(session, actor, Action.BUNDLE_RESOLVE, event=event_id)
    return session.scalar(select(func.count()).select_from(SheetConflict).where(
        SheetConflict.event_id == event_id, SheetConflict.resolved_at.is_(None))) or 0


def event_with_most_open_conflicts(session: Session, *, actor: Actor) -> uuid.UUID | None:
    """The event with the most unresolved sheet conflicts (None: there are none)."""
    authorize(session, actor, Action.BUNDLE_RESOLVE)
    return session.scalar(select(SheetConflict.event_id).where(SheetConflict.resolved_at.is_(None))
                          .group_by(SheetConflict.event_id).order_by(func.count().desc()).limit(1))


def resolve_conflict(session: Session, conflict_id: uuid.UUID | str, keep: str, reason: str, *,
                     actor: Actor) -> SheetConflict:
    """Keep the ``stored`` or the ``incoming`` version of a conflicting sheet, with a reason (audit logged).

    The version kept stays exactly as it was (its name does not change), and
    it now supersedes the other one, so neither laptop's copy comes back as a
    conflict unless it is edited further.
    """
    require_secretariat(session, actor, "bundle.resolve")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("exchange.resolve_reason_required")
    if keep not in ("stored", "incoming"):
        raise ValidationError("exchange.resolve_bad_choice", choice=keep)
    try:
        cid = uuid.UUID(str(conflict_id))
    except ValueError:  # not an id at all: the same answer as an unknown one
        raise NotFoundError("exchange.conflict_not_found", conflict=str(conflict_id)[:80]) from None
    c = session.get(SheetConflict, cid)
    if c is None:
        raise NotFoundError("exchange.conflict_not_found", conflict=str(conflict_id))
    if c.resolved_at is not None:
        raise ConflictError("exchange.conflict_resolved", conflict=str(conflict_id))
    event = session.get(Event, c.event_id)
    dossier = session.get(Dossier, c.dossier_id)
    assert event is not None and dossier is not None
    if event.status == EventStatus.FINALISED:
        raise ConflictError("exchange.event_finalised", file="-", event=event.name)
    incoming = entries.parse_entry(c.incoming)
    sheet = _stored_sheet(session, c)
    rows = lineage.lineages(session, event.id, c.judge_id)
    key = (c.dossier_id, c.judge_id, c.stage_id)
    mine = lineage.sheet_hash(sheet) if sheet is not None else c.stored_hash
    mine_anc = lineage.effective_ancestors(mine, rows.get(key))
    before = {"version_hash": mine, "scores": score_values(sheet_scores(sheet)) if sheet is not None else None,
              "status": sheet.status.value if sheet is not None else None}
    if keep == "incoming":
        sheet = entries.write_entry(session, incoming, sheet, event_id=event.id, source="bundle")
        lineage.record(session, rows, key, event.id, incoming.version_hash,
                       set(incoming.ancestors) | set(mine_anc) | {mine})
        kept = incoming.version_hash
    else:
        lineage.record(session, rows, key, event.id, mine,
                       set(mine_anc) | set(incoming.ancestors) | {incoming.version_hash})
        kept = mine
    c.resolved_at = utcnow()
    c.resolution = keep
    c.reason = reason
    c.resolved_by = actor.name
    session.flush()
    audit.append(session, actor=actor, action="sheet.conflict_resolved", event_id=event.id,
                 entity_type="sheet_conflict", entity_id=c.id, before=before,
                 after={"dossier_id": c.dossier_id, "dossier": dossier.number, "judge_id": c.judge_id,
                        "stage_id": c.stage_id, "kept": keep, "kept_version": kept,
                        "other_version": incoming.version_hash if keep == "stored" else mine, "reason": reason,
                        "scores": score_values(incoming.scores) if keep == "incoming" else before["scores"]})
    return c
