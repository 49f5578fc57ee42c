"""Reading an event's audit log a page at a time, with filters (the audit log view).

Entries of one event's chain, newest first, fetched by keyset on ``seq`` (the
chain's ``UNIQUE (chain, seq)`` index): a page costs the same at entry 100,000
as at entry 1.  Filters: actor, action, entity type (exact), a date range
(``since`` inclusive, ``until`` inclusive, whole days in UTC), and free text
searched in the actor, action, entity id and the before/after JSON.

:func:`readable_diff` turns an entry's before/after into lines a person reads:
``field: old → new``, ``+ field: value``, ``− field: value`` (nested fields
dotted).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from oaoi_desktop.store.models import AuditEntry
from oaoi_desktop.services.policy import Action, authorize


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    entity_type: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    text: str = ""


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    before: Any
    after: Any


def _where(event_id: uuid.UUID | str, flt: AuditFilter) -> list[Any]:
    conds: list[Any] = [AuditEntry.chain == str(uuid.UUID(str(event_id)))]
    if flt.actor:
        conds.append(AuditEntry.actor == flt.actor)
    if flt.action:
        conds.append(AuditEntry.action == flt.action)
    if flt.entity_type:
        conds.append(AuditEntry.entity_type == flt.entity_type)
    if flt.since is not None:
        conds.append(AuditEntry.at >= dt.datetime.combine(flt.since, dt.time()))
    if flt.until is not None:
        conds.append(AuditEntry.at < dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time()))
    text = flt.text.strip()
    if text:
        pattern = f"%{text.lower()}%"
        conds.append(or_(*(func.lower(c).like(pattern) for c in (
            AuditEntry.actor, AuditEntry.action, AuditEntry.entity_id,
            cast(AuditEntry.before, String), cast(AuditEntry.after, String)))))
    return conds


def count(session: Session, event_id: uuid.UUID | str, flt: AuditFilter = AuditFilter(), *, actor: Any) -> int:
    authorize(session, actor, Action.AUDIT_READ, event=uuid.UUID(str(event_id)))
    return int(session.scalar(select(func.count()).select_from(AuditEntry).where(*_where(event_id, flt))) or 0)


def page(session: Session, event_id: uuid.UUID | str, flt: AuditFilter = AuditFilter(), *,
         below_seq: int | None = None, limit: int = 200, actor: Any) -> list[AuditRow]:
    """Up to ``limit`` entries, newest first, with ``seq < below_seq`` (None: from the newest)."""
    authorize(session, actor, Action.AUDIT_READ, event=uuid.UUID(str(event_id)))
    conds = _where(event_id, flt)
    if below_seq is not None:
        conds.append(AuditEntry.seq < below_seq)
    stmt = (select(AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.entity_type,
                   AuditEntry.entity_id, AuditEntry.before, AuditEntry.after)
            .where(*conds).order_by(AuditEntry.seq.desc()).limit(limit))
    return [AuditRow(*r) for r in session.execute(stmt)]


def choices(session: Session, event_id: uuid.UUID | str, *, actor: Any) -> tuple[list[str], list[str], list[str]]:
    """The actors, actions and entity types that occur in the event's log (for the filter boxes)."""
    authorize(session, actor, Action.AUDIT_READ, event=uuid.UUID(str(event_id)))
    chain = AuditEntry.chain == str(uuid.UUID(str(event_id)))
    out = []
    for col in (AuditEntry.actor, AuditEntry.action, AuditEntry.entity_type):
        out.append(sorted((v for v in session.scalars(select(col).where(chain).distinct()) if v), key=str.casefold))
    return out[0], out[1], out[2]


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(_flat(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    return {prefix or "value": value}


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def readable_diff(before: Any, after: Any) -> list[tuple[str, str, str, str]]:
    """``(kind, field, old, new)`` per changed field; kind is ``changed``, ``added`` or ``removed``."""
    a = _flat(before) if before is not None else {}
    b = _flat(after) if after is not None else {}
    out = []
    for key in sorted(set(a) | set(b)):
        if key in a and key in b:
            if a[key] != b[key]:
                out.append(("changed", key, _text(a[key]), _text(b[key])))
        elif key in b:
            if b[key] is not None:  # a new record's empty fields say nothing
                out.append(("added", key, "", _text(b[key])))
        else:
            out.append(("removed", key, _text(a[key]), ""))
    return out


__all__ = ["AuditFilter", "AuditRow", "choices", "count", "page", "readable_diff"]
