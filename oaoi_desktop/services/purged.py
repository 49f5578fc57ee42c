"""What a purge left behind, as the services below it read it (issue 17's purge, issue 16's layering).

The event's retention period and purge record (``event.settings``), the
sentence the reader shows for a purged dossier, and what the Berita Acara
Pemusnahan Data's fingerprint covers.  :mod:`oaoi_desktop.services.purge`
(which issues documents) sits above the documents and dossiers services;
they read these facts from here instead of importing it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.services.audit import chain_for
from oaoi_desktop.store.models import AuditEntry, Dossier, Event, utcnow


RETENTION_KEY = "retention_days"
PURGED_KEY = "purged"
"""``event.settings["purged"]``: when, by whom, the Berita Acara's number and the purge entry's seq."""


def retention_days(event: Event) -> int | None:
    value = (event.settings or {}).get(RETENTION_KEY)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def purge_state(event: Event) -> dict[str, Any] | None:
    """The event's purge (when, by whom, the Berita Acara's number) or None: no personal data, no score."""
    value = (event.settings or {}).get(PURGED_KEY)
    return dict(value) if isinstance(value, dict) else None


def parse_time(value: Any) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(str(value).replace("Z", "")).replace(tzinfo=None)
    except ValueError:
        return utcnow()


def purge_document_data(session: Session, event: Event, details: dict[str, Any]) -> dict[str, Any]:
    """What the Berita Acara Pemusnahan Data's fingerprint covers: the ``event.purged`` entry (its seq,
    stored hash and payload), read from the chain, so a changed entry changes the fingerprint."""
    seq = details.get("audit_seq")
    entry = session.scalar(select(AuditEntry).where(AuditEntry.chain == chain_for(event.id), AuditEntry.seq == seq,
                                                    AuditEntry.action == "event.purged")) if seq else None
    return {"audit": {"seq": seq, "hash": entry.hash if entry else None}, "record": entry.after if entry else None}


def purged_when_text(state: dict[str, Any] | None, zone: str) -> str:
    """A purge's time (``event.settings["purged"]["at"]``) as local time with its zone ("-" without one)."""
    from oaoi_desktop.i18n.formats import local_time

    return local_time(parse_time(state.get("at")), zone) if state else "-"


def purged_when(event: Event) -> str:
    """When the event was purged, as local time with its zone ("-" if it was not)."""
    from oaoi_desktop.i18n.formats import zone_of

    return purged_when_text(purge_state(event), zone_of(event))


def purged_notice(session: Session, dossier: Dossier, lang: str | None = None) -> str | None:
    """"Isi proposal telah dimusnahkan pada <tanggal> (Berita Acara Pemusnahan Data No. …)", or None."""
    event = session.get(Event, dossier.event_id)
    state = purge_state(event) if event is not None else None
    if state is None:
        return None
    from oaoi_desktop import i18n

    return i18n.render("purge.notice", lang, when=purged_when(event), number=state.get("number", "-"))


__all__ = ["PURGED_KEY", "RETENTION_KEY", "parse_time", "purge_document_data", "purge_state", "purged_notice",
           "purged_when", "purged_when_text", "retention_days"]
