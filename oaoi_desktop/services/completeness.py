"""Completeness of the results: which assigned score sheets are still missing.

A dossier is *complete* in a stage when every sheet expected of it there is
submitted (or locked) and at least one is expected.  A sheet is *expected*
for every assignment of a judge who is active, not recused at the event's
recusal level and has declared no conflict on the dossier; an assignment
whose sheet is already submitted always counts (its scores are in the
ranking).

The ranking view, every results PDF and ``oaoi rank`` show this state, and
:func:`oaoi_desktop.services.finalisation.finalise_event` refuses while a
missing sheet has neither been withdrawn (``assignments.unassign``) nor
covered by a reasoned exception recorded here (:func:`record_exception`,
audited as ``completeness.exception``, printed in the Berita Acara).

The exceptions live in the audit chain itself (no table of their own): the
entry names every excepted sheet and the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.sorting import natural_key as _natural
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.facts import recused, when_text
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import (
    Assignment,
    AuditEntry,
    ConflictDeclaration,
    Dossier,
    Event,
    ScoreSheet,
    SheetStatus,
    User,
)

EXCEPTION_ACTION = "completeness.exception"
DONE = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)


@dataclass(frozen=True)
class MissingSheet:
    """One expected sheet that is not submitted yet."""

    dossier_id: uuid.UUID
    number: str
    title: str
    judge_id: uuid.UUID
    judge: str
    stage_id: str
    status: str
    """``none`` (never opened) or ``draft``."""
    exception: str | None = None
    """The recorded reason when the secretariat excepted this sheet, else None."""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.dossier_id.hex, self.judge_id.hex, self.stage_id)


@dataclass(frozen=True)
class DossierCompleteness:
    """Sheets expected and submitted for one dossier (over the stages asked for)."""

    dossier_id: uuid.UUID
    number: str
    title: str
    expected: int
    submitted: int

    @property
    def complete(self) -> bool:
        return self.expected > 0 and self.submitted >= self.expected

    @property
    def missing(self) -> int:
        return max(0, self.expected - self.submitted)

    def badge(self, lang: str | None = None) -> str:
        """``lengkap 3/3`` or ``belum lengkap 2/3`` in ``lang``."""
        from oaoi_desktop.i18n import render

        key = "complete.badge.complete" if self.complete else "complete.badge.incomplete"
        return render(key, lang, submitted=self.submitted, expected=self.expected)


@dataclass(frozen=True)
class Completeness:
    """The event's completeness in one stage (``stage_id``) or over every stage (None)."""

    stage_id: str | None
    dossiers: dict[str, DossierCompleteness]
    """By the dossier id's hex (the ranking's key)."""
    missing: tuple[MissingSheet, ...] = field(default=())

    def of(self, dossier_id: uuid.UUID | str) -> DossierCompleteness | None:
        key = dossier_id.hex if isinstance(dossier_id, uuid.UUID) else str(dossier_id).replace("-", "")
        return self.dossiers.get(key)

    @property
    def total(self) -> int:
        return len(self.dossiers)

    @property
    def complete_count(self) -> int:
        return sum(1 for d in self.dossiers.values() if d.complete)

    @property
    def incomplete_count(self) -> int:
        return self.total - self.complete_count

    @property
    def sheets_expected(self) -> int:
        return sum(d.expected for d in self.dossiers.values())

    @property
    def sheets_submitted(self) -> int:
        return sum(min(d.submitted, d.expected) for d in self.dossiers.values())

    @property
    def blocking(self) -> tuple[MissingSheet, ...]:
        """Missing sheets without a recorded exception: these refuse finalising."""
        return tuple(m for m in self.missing if m.exception is None)

    @property
    def excepted(self) -> tuple[MissingSheet, ...]:
        return tuple(m for m in self.missing if m.exception is not None)


def _exceptions(session: Session, event: Event) -> dict[tuple[str, str, str], str]:
    """Every excepted sheet of the event (newest reason wins) from the audit chain."""
    out: dict[tuple[str, str, str], str] = {}
    for (after,) in session.execute(
        select(AuditEntry.after)
        .where(AuditEntry.chain == str(event.id), AuditEntry.action == EXCEPTION_ACTION)
        .order_by(AuditEntry.seq)
    ):
        after = after or {}
        for sheet in after.get("sheets") or []:
            key = (uuid.UUID(str(sheet["dossier_id"])).hex, uuid.UUID(str(sheet["judge_id"])).hex,
                   str(sheet["stage_id"]))
            out[key] = str(after.get("reason") or "")
    return out


def dossier_completeness_unchecked(session: Session, event: Event, stage_id: str | None = None) -> Completeness:
    """The state itself, without the policy check (for callers already authorised)."""

    from oaoi_desktop.services.counted import competing_dossier, panel_judge

    # only what counts toward results (issue 17): calibration dossiers and shadow (trainee) judges'
    # sheets are never expected, so they neither mark a result incomplete nor hold up finalising
    dossiers = {d.id: d for d in session.scalars(
        select(Dossier).where(Dossier.event_id == event.id, competing_dossier()))}
    judges = {u.id: u for u in session.scalars(select(User).where(User.event_id == event.id, panel_judge()))}
    conflicts = set(tuple(r) for r in session.execute(
        select(ConflictDeclaration.dossier_id, ConflictDeclaration.judge_id)
        .where(ConflictDeclaration.event_id == event.id)).all())
    stmt = (
        select(Assignment.dossier_id, Assignment.judge_id, Assignment.stage_id, ScoreSheet.status)
        .select_from(Assignment)
        .outerjoin(ScoreSheet, and_(ScoreSheet.dossier_id == Assignment.dossier_id,
                                    ScoreSheet.judge_id == Assignment.judge_id,
                                    ScoreSheet.stage_id == Assignment.stage_id))
        .where(Assignment.event_id == event.id)
    )
    if stage_id is not None:
        stmt = stmt.where(Assignment.stage_id == stage_id)
    excepted = _exceptions(session, event)
    expected: dict[uuid.UUID, int] = {}
    submitted: dict[uuid.UUID, int] = {}
    missing: list[MissingSheet] = []
    for did, jid, st, status in session.execute(stmt):
        d, j = dossiers.get(did), judges.get(jid)
        if d is None or j is None:
            continue
        done = status in DONE
        if not done and (not j.active or (did, jid) in conflicts or recused(event, j, d)):
            continue  # nothing is expected of an inactive, recused or conflicted judge
        expected[did] = expected.get(did, 0) + 1
        if done:
            submitted[did] = submitted.get(did, 0) + 1
        else:
            missing.append(MissingSheet(did, d.number, d.title, jid, j.name, st,
                                        "draft" if status is not None else "none",
                                        excepted.get((did.hex, jid.hex, st))))
    states = {
        d.id.hex: DossierCompleteness(d.id, d.number, d.title, expected.get(d.id, 0), submitted.get(d.id, 0))
        for d in dossiers.values()
    }
    missing.sort(key=lambda m: (_natural(m.number), m.judge.casefold(), m.stage_id))
    return Completeness(stage_id, states, tuple(missing))



def dossier_completeness(session: Session, event: Event, *, actor: Actor,
                         stage_id: str | None = None) -> Completeness:
    """Sheets expected vs submitted per dossier, in ``stage_id`` (None: every stage); secretariat only."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return dossier_completeness_unchecked(session, event, stage_id)


def record_exception(session: Session, event: Event, *, actor: Actor, reason: str,
                     stage_id: str | None = None,
                     dossiers: Iterable[str] | None = None) -> tuple[MissingSheet, ...]:
    """Except the missing sheets (of ``dossiers`` by number, else all) from the finalisation check.

    The reason is required; one ``completeness.exception`` audit entry names every
    sheet excepted and the reason (the Berita Acara prints both).  Returns the
    sheets excepted now (none: nothing was missing, nothing is recorded).
    """
    authorize(session, actor, Action.EVENT_FINALISE, event=event)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("complete.reason_required", event=event.name)
    state = dossier_completeness_unchecked(session, event, stage_id)
    wanted = None if dossiers is None else {n.strip().casefold() for n in dossiers if n.strip()}
    if wanted is not None:
        known = {m.number.casefold() for m in state.missing}
        unknown = sorted(wanted - known)
        if unknown:
            raise ValidationError("complete.not_missing", dossiers=", ".join(unknown))
    chosen = tuple(m for m in state.blocking if wanted is None or m.number.casefold() in wanted)
    if not chosen:
        return ()
    append(session, actor=actor, action=EXCEPTION_ACTION, event_id=event.id, entity_type="event",
           entity_id=event.id, after={
               "reason": reason,
               "sheets": [{"dossier_id": m.dossier_id, "number": m.number, "judge_id": m.judge_id,
                           "judge": m.judge, "stage_id": m.stage_id, "status": m.status} for m in chosen],
           })
    return tuple(MissingSheet(m.dossier_id, m.number, m.title, m.judge_id, m.judge, m.stage_id, m.status, reason)
                 for m in chosen)


def missing_text(sheets: Iterable[MissingSheet], limit: int = 10) -> str:
    """``P-1 (Budi), P-2 (Sari) …`` for messages (at most ``limit`` named)."""
    items = list(sheets)
    text = ", ".join(f"{m.number} ({m.judge})" for m in items[:limit])
    if len(items) > limit:
        text += f", … (+{len(items) - limit})"
    return text


__all__ = ["Completeness", "DossierCompleteness", "EXCEPTION_ACTION", "MissingSheet", "dossier_completeness",
           "missing_text", "record_exception", "when_text"]
