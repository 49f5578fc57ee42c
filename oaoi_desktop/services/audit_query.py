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
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
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
    dossier: str = ""
    """A dossier number: the entries about it, its score sheets and its assignments (issue 14)."""


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


def _dossier_entity_ids(session: Session, event_id: uuid.UUID | str, number: str) -> list[str]:
    """The ids (as the log stores them) of a dossier, its score sheets and its assignments."""
    from oaoi_desktop.store.models import Assignment, Dossier, ScoreSheet

    ev = uuid.UUID(str(event_id))
    ids = list(session.scalars(select(Dossier.id).where(Dossier.event_id == ev,
                                                        func.lower(Dossier.number) == number.strip().lower())))
    if not ids:
        return [""]  # matches nothing: an unknown number filters everything out
    ids += list(session.scalars(select(ScoreSheet.id).where(ScoreSheet.dossier_id.in_(ids))))
    ids += list(session.scalars(select(Assignment.id).where(Assignment.dossier_id.in_(ids))))
    return [str(i) for i in ids]


def _where(event_id: uuid.UUID | str, flt: AuditFilter, session: Session | None = None) -> list[Any]:
    conds: list[Any] = [AuditEntry.chain == str(uuid.UUID(str(event_id)))]
    if flt.dossier.strip() and session is not None:
        conds.append(AuditEntry.entity_id.in_(_dossier_entity_ids(session, event_id, flt.dossier)))
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
    return int(session.scalar(select(func.count()).select_from(AuditEntry).where(*_where(event_id, flt, session)))
               or 0)


def page(session: Session, event_id: uuid.UUID | str, flt: AuditFilter = AuditFilter(), *,
         below_seq: int | None = None, limit: int = 200, actor: Any) -> list[AuditRow]:
    """Up to ``limit`` entries, newest first, with ``seq < below_seq`` (None: from the newest)."""
    authorize(session, actor, Action.AUDIT_READ, event=uuid.UUID(str(event_id)))
    conds = _where(event_id, flt, session)
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


# -- the audit log that speaks to people (issue 14) ---------------------------------------------
ACTION_LABEL_PREFIX = "blindstart.audit_action."
"""Catalogue id of an action's label: ``blindstart.audit_action.score.recorded`` = "Nilai dicatat"."""

LOCAL_OFFSET = dt.timedelta(hours=7)
LOCAL_ZONE = "WIB"


def local_time(at: dt.datetime | None) -> dt.datetime | None:
    """A stored (naive UTC) time as the venue's clock shows it.

    For now UTC+7 (WIB) for every event; the event's own time zone (WIB/WITA/WIT)
    replaces this one function (issue 14, "documents and words").
    """
    if at is None:
        return None
    if at.tzinfo is not None:
        at = at.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return at + LOCAL_OFFSET


def local_time_text(at: dt.datetime | None) -> str:
    """``2026-12-06 14:05:09 WIB`` (empty for no time)."""
    local = local_time(at)
    return f"{local:%Y-%m-%d %H:%M:%S} {LOCAL_ZONE}" if local is not None else ""


def local_zone() -> str:
    """The zone :func:`local_time` shows (``WIB``)."""
    return LOCAL_ZONE


def action_label(action: str, lang: str | None = None) -> str:
    """The action in words ("Nilai dicatat"); the action id itself when it has no label yet."""
    from oaoi_desktop import i18n

    key = ACTION_LABEL_PREFIX + action
    if key in i18n.all_messages():
        return i18n.render(key, lang)
    if action.startswith("plenary.") and ACTION_LABEL_PREFIX + "plenary" in i18n.all_messages():
        return i18n.render(ACTION_LABEL_PREFIX + "plenary", lang, kind=action.split(".", 1)[1])
    return action


_UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def _uuids_in(value: Any, out: set[uuid.UUID]) -> None:
    if isinstance(value, dict):
        for v in value.values():
            _uuids_in(v, out)
    elif isinstance(value, list):
        for v in value:
            _uuids_in(v, out)
    elif isinstance(value, str) and _UUID_TEXT.match(value):
        out.add(uuid.UUID(value))


def entity_names(session: Session, event_id: uuid.UUID | str, rows: list[AuditRow], *,
                 actor: Any) -> dict[str, str]:
    """Names for the ids in ``rows`` (entity ids and ids inside before/after), as lower-case uuid text.

    A dossier reads as its number, a person as their name, a score sheet as
    "judge · dossier", an assignment as "dossier → judge"; ids of anything else
    (or deleted since) are left out (the caller shows a short id).
    """
    from oaoi_desktop.services.policy import Action, authorize
    from oaoi_desktop.store.models import Assignment, Dossier, ScoreSheet, User

    authorize(session, actor, Action.AUDIT_READ, event=uuid.UUID(str(event_id)))
    ids: set[uuid.UUID] = set()
    for r in rows:
        _uuids_in(r.entity_id, ids)
        _uuids_in(r.before, ids)
        _uuids_in(r.after, ids)
    if not ids:
        return {}
    chunk = list(ids)
    names: dict[uuid.UUID, str] = {}
    for i in range(0, len(chunk), 500):
        part = chunk[i:i + 500]
        names.update({d_id: number for d_id, number in session.execute(
            select(Dossier.id, Dossier.number).where(Dossier.id.in_(part)))})
        names.update({u_id: name for u_id, name in session.execute(
            select(User.id, User.name).where(User.id.in_(part)))})
        for sid, judge_name, number in session.execute(
                select(ScoreSheet.id, User.name, Dossier.number).join(User, User.id == ScoreSheet.judge_id)
                .join(Dossier, Dossier.id == ScoreSheet.dossier_id).where(ScoreSheet.id.in_(part))):
            names[sid] = f"{judge_name} \u00b7 {number}"
        for aid, number, judge_name in session.execute(
                select(Assignment.id, Dossier.number, User.name).join(Dossier, Dossier.id == Assignment.dossier_id)
                .join(User, User.id == Assignment.judge_id).where(Assignment.id.in_(part))):
            names[aid] = f"{number} \u2192 {judge_name}"
    return {str(k): v for k, v in names.items()}


def entity_text(r: AuditRow, names: dict[str, str], lang: str | None = None) -> str:
    """What an entry is about, for people: "Proposal KIPP-2026-0007", "Penilai Ani Lestari" …"""
    from oaoi_desktop import i18n

    kind_key = f"blindstart.audit_entity.{r.entity_type}"
    kind = i18n.render(kind_key, lang) if kind_key in i18n.all_messages() else r.entity_type
    ident = str(r.entity_id or "")
    try:
        ident = names.get(str(uuid.UUID(ident)), ident[:8])
    except ValueError:
        pass
    if r.entity_type == "event":
        return kind
    return f"{kind} {ident}".strip()


def readable_value(value: str, names: dict[str, str]) -> str:
    """A value of a before/after as people read it: ids become names."""
    text = value.strip('"')
    if _UUID_TEXT.match(text):
        return names.get(str(uuid.UUID(text)), text[:8])
    return value


def readable_changes(r: AuditRow, names: dict[str, str]) -> list[str]:
    """``field: old → new`` lines with ids replaced by names (see :func:`readable_diff`)."""
    out = []
    for kind, key, old, new in readable_diff(r.before, r.after):
        old, new = readable_value(old, names), readable_value(new, names)
        if kind == "changed":
            out.append(f"{key}: {old} \u2192 {new}")
        elif kind == "added":
            out.append(f"+ {key}: {new}")
        else:
            out.append(f"\u2212 {key}: {old}")
    return out


EXPORT_COLUMNS = ["seq", "at_local", "zone", "actor", "action", "action_label", "entity", "changes"]


def export_rows(session: Session, event_id: uuid.UUID | str, flt: AuditFilter = AuditFilter(), *, actor: Any,
                lang: str | None = None) -> list[dict[str, Any]]:
    """Every entry matching ``flt``, oldest first, as people read it (for CSV/XLSX export)."""
    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.AUDIT_EXPORT, event=uuid.UUID(str(event_id)))
    rows: list[AuditRow] = []
    below = None
    while True:
        batch = page(session, event_id, flt, below_seq=below, limit=2000, actor=actor)
        rows.extend(batch)
        if len(batch) < 2000:
            break
        below = batch[-1].seq
    rows.reverse()
    names = entity_names(session, event_id, rows, actor=actor)
    return [{"seq": r.seq, "at_local": f"{local_time(r.at):%Y-%m-%d %H:%M:%S}" if r.at else "",
             "zone": local_zone(), "actor": r.actor, "action": r.action, "action_label": action_label(r.action, lang),
             "entity": entity_text(r, names, lang), "changes": "; ".join(readable_changes(r, names))}
            for r in rows]


def export_audit(session: Session, event_id: uuid.UUID | str, target: Path, flt: AuditFilter = AuditFilter(), *,
                 actor: Any, lang: str | None = None) -> Path:
    """Write the (filtered) log as CSV or XLSX (by ``target``'s suffix), atomically; the path written."""
    from oaoi_desktop.errors import ValidationError
    from oaoi_desktop.services import exports
    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.AUDIT_EXPORT, event=uuid.UUID(str(event_id)))
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError("blindstart.audit.export_format", path=str(target))
    rows = export_rows(session, event_id, flt, actor=actor, lang=lang)
    if suffix == ".csv":
        return exports.write_csv(rows, EXPORT_COLUMNS, target)
    from openpyxl import Workbook

    from oaoi_desktop.files import write_atomically

    wb = Workbook()
    ws = wb.active
    ws.title = "Audit"
    ws.append(EXPORT_COLUMNS)
    for r in rows:
        ws.append([exports.csv_safe_text(r[c]) for c in EXPORT_COLUMNS])
    for col, width in zip("ABCDEFGH", (6, 20, 6, 24, 22, 28, 32, 80), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    write_atomically(target, lambda fh: wb.save(fh))
    return target


__all__ = ["ACTION_LABEL_PREFIX", "AuditFilter", "AuditRow", "EXPORT_COLUMNS", "action_label", "choices", "count",
           "entity_names", "entity_text", "export_audit", "export_rows", "local_time", "local_time_text",
           "local_zone", "page", "readable_changes", "readable_diff", "readable_value"]
