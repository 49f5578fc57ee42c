"""Blind mode beyond the stored names (issue 14): an event's own list of terms, and the
judges' reports of an identity still visible.

* :func:`set_blind_terms`: the secretariat lists terms the derivations cannot know
  (a district, a street, a partner university); blind mode hides them in every
  dossier of the event (``judging.redaction_terms`` reads ``settings["blind_terms"]``).
  Audited as ``event.blind_terms_set``.
* :func:`report_leak`: a judge tells the secretariat that a dossier assigned to
  them still shows who wrote it ("Laporkan identitas terlihat"), and which text.
  Audited as ``blind.leak_reported`` (the audit log is where the report lives:
  append-only, verifiable, and no schema change).
* :func:`leak_reports`: the secretariat's list of those reports (newest last).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import AuditEntry, Dossier, Event, User

TERMS_ACTION = "event.blind_terms_set"
LEAK_ACTION = "blind.leak_reported"
MAX_TERMS = 500
MAX_TERM_LENGTH = 200
MAX_LEAK_TEXT = 500


def event_blind_terms(event: Event) -> list[str]:
    """The event's own list (as stored; no policy: the caller already holds the event)."""
    return [str(t) for t in ((event.settings or {}).get("blind_terms") or [])]


def set_blind_terms(session: Session, event: Event, terms: list[str], *, actor: Actor) -> list[str]:
    """Replace the event's own list of blind-mode terms; returns the list stored.

    Blank and duplicate terms are dropped; a term with fewer than three letters or
    digits (it would mask ordinary words) or longer than 200 characters is refused
    (``blindstart.terms.too_short`` / ``too_long``, naming the term).
    """
    authorize(session, actor, Action.EVENT_UPDATE, event=event)
    clean: list[str] = []
    seen: set[str] = set()
    for raw in terms:
        term = " ".join(str(raw).split())
        if not term:
            continue
        if sum(ch.isalnum() for ch in term) < 3:
            raise ValidationError("blindstart.terms.too_short", term=term)
        if len(term) > MAX_TERM_LENGTH:
            raise ValidationError("blindstart.terms.too_long", term=term[:40] + "…", max=MAX_TERM_LENGTH)
        if term.casefold() not in seen:
            seen.add(term.casefold())
            clean.append(term)
    if len(clean) > MAX_TERMS:
        raise ValidationError("blindstart.terms.too_many", count=len(clean), max=MAX_TERMS)
    before = event_blind_terms(event)
    settings = dict(event.settings or {})
    settings["blind_terms"] = clean
    event.settings = settings
    append(session, actor=actor, action=TERMS_ACTION, event_id=event.id, entity_type="event", entity_id=event.id,
           before={"blind_terms": before}, after={"blind_terms": clean})
    session.flush()
    return clean


@dataclass(frozen=True)
class LeakReport:
    """One judge's report that a dossier still shows who wrote it."""

    at: dt.datetime
    judge: str
    judge_id: uuid.UUID | None
    dossier_id: uuid.UUID | None
    dossier_number: str
    text: str
    """The words that give the author away, as the judge copied them."""
    where: str
    """Where in the dossier (a section title), if the judge said."""


def report_leak(session: Session, event: Event, judge: User, dossier: Dossier | str | uuid.UUID, text: str, *,
                where: str = "", actor: Actor) -> LeakReport:
    """Record that ``dossier`` (assigned to ``judge``) still shows its author in ``text``."""
    if not isinstance(dossier, Dossier):
        from oaoi_desktop.services.dossiers import get_dossier

        dossier = get_dossier(session, event, str(dossier))
    authorize(session, actor, Action.DOSSIER_READ_ASSIGNED, event=event, dossier=dossier, judge=judge)
    words = " ".join((text or "").split())
    if not words:
        raise ValidationError("blindstart.leak.empty")
    if len(words) > MAX_LEAK_TEXT:
        raise ValidationError("blindstart.leak.too_long", max=MAX_LEAK_TEXT)
    place = " ".join((where or "").split())[:200]
    entry = append(session, actor=actor, action=LEAK_ACTION, event_id=event.id, entity_type="dossier",
                   entity_id=dossier.id,
                   after={"dossier": dossier.number, "judge": judge.name, "text": words, "where": place})
    session.flush()
    return LeakReport(at=entry.at, judge=judge.name, judge_id=judge.id, dossier_id=dossier.id,
                      dossier_number=dossier.number, text=words, where=place)


def leak_reports(session: Session, event: Event, *, actor: Actor) -> list[LeakReport]:
    """Every leak report of the event, oldest first (secretariat only: ``audit.read``)."""
    authorize(session, actor, Action.AUDIT_READ, event=event)
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.event_id == event.id, AuditEntry.action == LEAK_ACTION)
        .order_by(AuditEntry.seq)
    ).all()
    out = []
    for row in rows:
        after = row.after if isinstance(row.after, dict) else {}
        try:
            dossier_id = uuid.UUID(str(row.entity_id)) if row.entity_id else None
        except ValueError:
            dossier_id = None
        out.append(LeakReport(at=row.at, judge=str(after.get("judge") or row.actor), judge_id=row.actor_id,
                              dossier_id=dossier_id, dossier_number=str(after.get("dossier") or ""),
                              text=str(after.get("text") or ""), where=str(after.get("where") or "")))
    return out


__all__ = ["LEAK_ACTION", "LeakReport", "TERMS_ACTION", "event_blind_terms", "leak_reports", "report_leak",
           "set_blind_terms"]
