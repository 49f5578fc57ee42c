"""Finalising an event once its Berita Acara is issued, and reopening it with a reason.

:func:`finalise_event` needs an issued Berita Acara (a row of
``issued_documents`` with ``kind = "minutes"``) that is SIGNED: either the
digitally signed PDF, which must verify completely (every signature intact,
nothing changed after it, every signature field of the panel signed, its
fingerprint still matching the scores, and its number one of this event's
Berita Acara), or the secretariat's statement that the printed copy was signed
in ink by the panel (``paper_signed``).  It then sets the event's status to
``finalised`` with ``finalised_at`` / ``finalised_by`` and writes an
``event.finalised`` audit entry.  From then on the audit log itself refuses
every action that changes results on that event's chain
(:func:`oaoi_desktop.services.audit.refuse_if_finalised`, called by every
append): scoring, assigning, plenary decisions, imports, stage closings...
Issuing and signing documents, exports and account security still pass.

Nothing is finalised incomplete (issue 14): while an assigned sheet is not
submitted, :func:`finalise_event` refuses (``finalise.incomplete``, listing
them) unless the secretariat withdrew those assignments or recorded a reasoned
exception (:func:`oaoi_desktop.services.completeness.record_exception`); an
exception recorded after the latest Berita Acara was issued asks for a new one,
so the signed Berita Acara always states the exceptions it rests on.

:func:`reopen_event` (a reason of 10 to 1,000 characters is required) records ``event.reopened`` with
the reason and restores the status the event had before it was finalised.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.store.models import AuditEntry, Event, EventStatus, IssuedDocument, utcnow
from oaoi_desktop.services.policy import Action, authorize

MINUTES = "minutes"
FINALISED_ACTION = "event.finalised"
REOPENED_ACTION = "event.reopened"
REOPEN_REASON_MIN = 10
"""The shortest reason (characters, spaces collapsed) a reopening accepts."""
REOPEN_REASON_MAX = 1000
"""The longest reason a reopening accepts (it is printed and kept in the audit log)."""


def _event(session: Session, event_id: uuid.UUID | str | Event) -> Event:
    if isinstance(event_id, Event):
        return event_id
    from oaoi_desktop.services.events import get_event

    return get_event(session, str(event_id))


def _when(event: Event) -> str:
    return event.finalised_at.isoformat(sep=" ", timespec="minutes") if event.finalised_at else "-"


def latest_minutes(session: Session, event: Event, *, actor: Actor) -> IssuedDocument | None:
    """The newest issued Berita Acara of ``event`` (None: none issued)."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return session.scalar(
        select(IssuedDocument)
        .where(IssuedDocument.event_id == event.id, IssuedDocument.kind == MINUTES)
        .order_by(IssuedDocument.sequence.desc(), IssuedDocument.created_at.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class FinalisationState:
    """What the GUI needs to offer finalising or reopening."""

    event_id: uuid.UUID
    finalised: bool
    finalised_at: Any
    finalised_by: str
    minutes_number: str | None
    last_reopen_reason: str | None
    missing_sheets: tuple[Any, ...] = ()
    """Assigned sheets not submitted, without an exception (:class:`completeness.MissingSheet`)."""
    excepted_sheets: tuple[Any, ...] = ()
    """Missing sheets the secretariat excepted, with the reason."""

    @property
    def can_finalise(self) -> bool:
        return not self.finalised and self.minutes_number is not None and not self.missing_sheets


def state(session: Session, event_id: uuid.UUID | str | Event, *, actor: Actor) -> FinalisationState:
    event = _event(session, event_id)
    minutes = latest_minutes(session, event, actor=actor)  # checks the actor (results.read)
    last = session.scalar(
        select(AuditEntry.after)
        .where(AuditEntry.chain == str(event.id), AuditEntry.action == REOPENED_ACTION)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )
    from oaoi_desktop.services.completeness import dossier_completeness_unchecked

    finalised = event.status == EventStatus.FINALISED
    complete = dossier_completeness_unchecked(session, event) if not finalised else None
    return FinalisationState(
        event.id, finalised, event.finalised_at, event.finalised_by or "",
        minutes.number if minutes is not None else None, (last or {}).get("reason") if last else None,
        complete.blocking if complete else (), complete.excepted if complete else (),
    )


def _signed_minutes_evidence(session: Session, event: Event, path: Path) -> dict[str, Any]:
    """Verify the signed Berita Acara PDF at ``path`` for ``event``; what the audit entry records."""
    from oaoi_desktop.services import signatures

    report = signatures.verify_file(session, path)
    failed = [c.message for c in report.checks if c.failed]
    failed += [f"{sig.signer}: {c.message}" for sig in report.signatures for c in sig.checks if c.failed]
    if failed:
        raise ConflictError("finalise.minutes_invalid", file=str(path), problem=failed[0])
    numbers = set(session.scalars(select(IssuedDocument.number).where(
        IssuedDocument.event_id == event.id, IssuedDocument.kind == MINUTES)))
    if report.event_id != str(event.id) or report.kind != MINUTES or report.document_number not in numbers:
        raise ConflictError("finalise.minutes_foreign", file=str(path), event=event.name,
                            number=report.document_number or "-")
    if report.fingerprint is None or report.fingerprint.status != signatures.OK:
        raise ConflictError("finalise.minutes_invalid", file=str(path),
                            problem=report.fingerprint.message if report.fingerprint else "-")
    if not report.signatures or report.empty_fields:
        raise ConflictError("finalise.minutes_unsigned", file=str(path), missing=len(report.empty_fields))
    unregistered = [sig for sig in report.signatures if not sig.registered_judge]
    if unregistered:  # every signature must be a registered judge's credential (TIDAK SAH otherwise)
        check = unregistered[0].check("registered")
        raise ConflictError("finalise.minutes_invalid", file=str(path),
                            problem=check.message if check else unregistered[0].field_name)
    return {"signed": "digital", "number": report.document_number, "file": path.name,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "signers": [sig.registered_judge for sig in report.signatures],
            "fields": {sig.field_name: sig.registered_judge for sig in report.signatures}}


def _refuse_incomplete(session: Session, event: Event) -> None:
    """No finalising while an assigned sheet is missing, unless withdrawn or excepted (with a reason)."""
    from oaoi_desktop.services.completeness import dossier_completeness_unchecked, missing_text

    blocking = dossier_completeness_unchecked(session, event).blocking
    if blocking:
        raise ConflictError("finalise.incomplete", event=event.name, count=len(blocking),
                            sheets=missing_text(blocking))


def _refuse_minutes_before_exception(session: Session, event: Event, minutes: IssuedDocument) -> None:
    """An exception recorded after the Berita Acara was issued is not printed in it: issue it again."""
    from oaoi_desktop.services.completeness import EXCEPTION_ACTION

    last = session.scalar(
        select(AuditEntry.at)
        .where(AuditEntry.chain == str(event.id), AuditEntry.action == EXCEPTION_ACTION)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )
    if last is not None and minutes.created_at is not None and last > minutes.created_at:
        raise ConflictError("finalise.minutes_before_exception", event=event.name, number=minutes.number)


def finalise_event(session: Session, event_id: uuid.UUID | str | Event, actor: Actor, *,
                   signed_minutes: Path | str | None = None, paper_signed: bool = False) -> Event:
    """Finalise the event once its Berita Acara is issued and signed; audited as ``event.finalised``.

    The signature is shown by ``signed_minutes`` (the digitally signed PDF, verified
    here) or stated with ``paper_signed`` (signed in ink on the printed copy).
    """
    authorize(session, actor, Action.EVENT_FINALISE, event=_event(session, event_id))
    event = _event(session, event_id)
    if event.status == EventStatus.FINALISED:
        raise ConflictError("finalise.already", event=event.name, at=_when(event), by=event.finalised_by or "-")
    _refuse_incomplete(session, event)
    minutes = latest_minutes(session, event, actor=actor)
    if minutes is None:
        raise ConflictError("finalise.no_minutes", event=event.name)
    _refuse_minutes_before_exception(session, event, minutes)
    if signed_minutes is not None:
        signed = _signed_minutes_evidence(session, event, Path(signed_minutes))
    elif paper_signed:
        signed = {"signed": "paper", "number": minutes.number}
    else:
        raise ConflictError("finalise.not_signed", event=event.name, number=minutes.number)
    now = utcnow()
    before = {"status": event.status.value, "finalised_at": event.finalised_at, "finalised_by": event.finalised_by}
    after = {"status": EventStatus.FINALISED.value, "finalised_at": now, "finalised_by": actor.name,
             "minutes": {"number": minutes.number, "fingerprint": minutes.fingerprint, "id": minutes.id},
             "signature": signed}
    # The entry first: the guard lets nothing onto a finalised chain but the reopening.
    append(session, actor=actor, action=FINALISED_ACTION, event_id=event.id, entity_type="event",
           entity_id=event.id, before=before, after=after, at=now)
    event.status = EventStatus.FINALISED
    event.finalised_at = now
    event.finalised_by = actor.name
    session.flush()
    return event


def _status_before_finalising(session: Session, event: Event) -> EventStatus:
    before = session.scalar(
        select(AuditEntry.before)
        .where(AuditEntry.chain == str(event.id), AuditEntry.action == FINALISED_ACTION)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )
    try:
        status = EventStatus((before or {}).get("status", EventStatus.ACTIVE.value))
    except ValueError:
        status = EventStatus.ACTIVE
    return EventStatus.ACTIVE if status == EventStatus.FINALISED else status


def reopen_event(session: Session, event_id: uuid.UUID | str | Event, actor: Actor, reason: str) -> Event:
    """Reopen a finalised event; ``reason`` is required and recorded (``event.reopened``)."""
    authorize(session, actor, Action.EVENT_REOPEN, event=_event(session, event_id))
    event = _event(session, event_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("finalise.reason_required", event=event.name)
    if event.status != EventStatus.FINALISED:
        raise ConflictError("finalise.not_finalised", event=event.name)
    purged = (event.settings or {}).get("purged")  # issue 17: the content is gone, nothing can be re-judged
    if isinstance(purged, dict):
        raise ConflictError("purge.reopen_refused", event=event.name, number=purged.get("number", "-"))
    if len(reason) < REOPEN_REASON_MIN:  # a word is not a reason anybody can audit later
        raise ValidationError("routine.reopen_reason_short", event=event.name, minimum=REOPEN_REASON_MIN,
                              length=len(reason))
    if len(reason) > REOPEN_REASON_MAX:
        raise ValidationError("routine.reopen_reason_long", event=event.name, maximum=REOPEN_REASON_MAX,
                              length=len(reason))
    restored = _status_before_finalising(session, event)
    before = {"status": event.status.value, "finalised_at": event.finalised_at, "finalised_by": event.finalised_by}
    append(session, actor=actor, action=REOPENED_ACTION, event_id=event.id, entity_type="event",
           entity_id=event.id, before=before, after={"status": restored.value, "reason": reason})
    event.status = restored
    event.finalised_at = None
    event.finalised_by = ""
    session.flush()
    return event


__all__ = ["FinalisationState", "MINUTES", "finalise_event", "latest_minutes", "reopen_event", "state"]
