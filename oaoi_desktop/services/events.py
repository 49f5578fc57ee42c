"""Events (Kegiatan penilaian) and their rubric.

An event's rubric is stored as a :class:`RubricVersion` (canonical JSON plus
SHA-256).  Once any score exists for the event the rubric is frozen:
changing it is refused with a clear message, so no sheet is ever judged
against criteria it was not scored on.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop import config
from oaoi_desktop.domain import identity
from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.facts import get_event
from oaoi_desktop.store.models import (
    Event,
    EventStatus,
    RecusalLevel,
    RubricVersion,
    Score,
    ScoreSheet,
)
from oaoi_desktop.services.policy import Action, authorize


def register_rubric(session: Session, rubric: Rubric, source_name: str = "") -> RubricVersion:
    """The stored version of ``rubric`` (one row per distinct document)."""
    digest = rubric.sha256()
    existing = session.scalar(select(RubricVersion).where(RubricVersion.sha256 == digest))
    if existing is not None:
        return existing
    version = RubricVersion(
        id=uuid.uuid4(),
        rubric_key=rubric.id,
        version=rubric.version,
        title=rubric.title_id,
        document=rubric.canonical_bytes().decode("utf-8"),
        sha256=digest,
        source_name=source_name,
    )
    session.add(version)
    session.flush()
    return version


@functools.lru_cache(maxsize=32)
def _rubric_from_json(document: str) -> Rubric:
    import json

    return Rubric.from_document(json.loads(document))


def event_rubric(session: Session, event: Event) -> Rubric:
    version = session.get(RubricVersion, event.rubric_version_id)
    assert version is not None
    return _rubric_from_json(version.document)


def event_snapshot(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "organiser": event.organiser,
        "venue": event.venue,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "status": event.status.value,
        "rubric_version_id": event.rubric_version_id,
        "blind_mode": event.blind_mode,
        "recusal_level": event.recusal_level.value,
        "settings": event.settings,
    }


def _clean_aliases(aliases: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Recusal aliases through the identity normalisation (refusing control and bidi characters)."""
    out: dict[str, list[str]] = {}
    for canonical_name, others in (aliases or {}).items():
        key = identity.clean(canonical_name, "aliases")
        if key:
            out[key] = [o for o in (identity.clean(x, "aliases") for x in (others or [])) if o]
    return out


def create_event(
    session: Session,
    *,
    name: str,
    rubric: Rubric,
    actor: Actor,
    rubric_source: str = "",
    organiser: str = "",
    venue: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    blind_mode: bool = False,
    recusal_level: RecusalLevel = RecusalLevel.INSTANSI,
    aliases: dict[str, list[str]] | None = None,
    timezone: str | None = None,
) -> Event:
    authorize(session, actor, Action.EVENT_CREATE)
    zone = check_timezone(timezone) if timezone is not None else None
    name = identity.clean(name, "name")
    if not name:
        raise ValidationError("event.name_required")
    aliases = _clean_aliases(aliases)
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError("event.dates_reversed", starts_on=starts_on, ends_on=ends_on)
    duplicate = session.scalar(select(Event).where(func.lower(Event.name) == name.lower()))
    if duplicate is not None:
        raise ConflictError("event.duplicate_name", name=name)
    version = register_rubric(session, rubric, rubric_source)
    event = Event(
        id=uuid.uuid4(),
        name=name,
        organiser=" ".join(organiser.split()),
        venue=" ".join(venue.split()),
        starts_on=starts_on,
        ends_on=ends_on,
        status=EventStatus.DRAFT,
        rubric_version_id=version.id,
        blind_mode=blind_mode,
        recusal_level=recusal_level,
        settings={"aliases": aliases or {}, **({"timezone": zone} if zone else {})},
        created_on_device=config.device_id(),
    )
    session.add(event)
    session.flush()
    append(
        session,
        actor=actor,
        action="event.created",
        event_id=event.id,
        entity_type="event",
        entity_id=event.id,
        after={**event_snapshot(event), "rubric_sha256": version.sha256},
    )
    return event


def list_events(session: Session) -> list[Event]:
    return list(session.scalars(select(Event).order_by(Event.created_at, Event.name)))


def has_scores(session: Session, event: Event) -> bool:
    stmt = (
        select(func.count())
        .select_from(Score)
        .join(ScoreSheet, Score.sheet_id == ScoreSheet.id)
        .where(ScoreSheet.event_id == event.id)
    )
    return bool(session.scalar(stmt))


def change_rubric(
    session: Session, event: Event, rubric: Rubric, *, actor: Actor, rubric_source: str = ""
) -> Event:
    """Give the event another rubric; refused once any score exists."""
    authorize(session, actor, Action.EVENT_UPDATE, event=event)
    if has_scores(session, event):
        raise ConflictError("event.rubric_frozen", event=event.name)
    old = session.get(RubricVersion, event.rubric_version_id)
    version = register_rubric(session, rubric, rubric_source)
    if old is not None and old.id == version.id:
        return event
    event.rubric_version_id = version.id
    session.flush()
    append(
        session,
        actor=actor,
        action="event.rubric_changed",
        event_id=event.id,
        entity_type="event",
        entity_id=event.id,
        before={"rubric_sha256": old.sha256 if old else None},
        after={"rubric_sha256": version.sha256},
    )
    return event


TIMEZONES = ("WIB", "WITA", "WIT")
"""The event's time zone (``settings["timezone"]``, default WIB): every printed time is local with its name."""


def check_timezone(zone: str) -> str:
    """``zone`` (any case) as WIB, WITA or WIT; ``ValidationError`` otherwise."""
    text = str(zone or "").strip().upper()
    if text not in TIMEZONES:
        raise ValidationError("words.bad_timezone", zone=zone, allowed=", ".join(TIMEZONES))
    return text


def set_timezone(session: Session, event: Event, zone: str, *, actor: Actor) -> Event:
    """Set the event's time zone (WIB, WITA, WIT); audited.  Only where times print changes."""
    authorize(session, actor, Action.EVENT_UPDATE, event=event)
    zone = check_timezone(zone)
    from oaoi_desktop.i18n.formats import zone_of

    before = zone_of(event)
    if (event.settings or {}).get("timezone") == zone:
        return event
    event.settings = {**(event.settings or {}), "timezone": zone}
    session.flush()
    append(session, actor=actor, action="event.timezone_set", event_id=event.id, entity_type="event",
           entity_id=event.id, before={"timezone": before}, after={"timezone": zone})
    return event


def rubric_fingerprint(session: Session, event: Event) -> str:
    version = session.get(RubricVersion, event.rubric_version_id)
    assert version is not None
    return version.sha256


__all__ = [
    "TIMEZONES", "check_timezone", "set_timezone",
    "register_rubric",
    "event_rubric",
    "create_event",
    "list_events",
    "get_event",
    "change_rubric",
    "has_scores",
    "rubric_fingerprint",
]
