"""A score sheet as it travels in packages and bundles (one JSON object per sheet).

::

    {"id", "dossier_id", "dossier_number", "judge_id", "stage_id", "status",
     "revision", "base_revision", "device_id", "dossier_revision", "source",
     "created_at", "updated_at", "submitted_at",
     "scores": {criterion_id: {"value": "8.5", "comment": "..."}},
     "version_hash", "ancestors": [version hashes it supersedes]}

Values are exact decimals (canonical JSON writes non-integers as strings).
:func:`parse_entry` checks the shape and that ``version_hash`` is the hash of
the content, so an entry cannot claim another version's name.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from oaoi_desktop.services.exchange import lineage
from oaoi_desktop.services.sheets import from_milli, to_milli
from oaoi_desktop.store.models import Score, ScoreSheet, SheetLineage, SheetStatus, utcnow


class BadEntry(ValueError):
    """An entry does not have the expected shape (the file is damaged)."""


@dataclass(frozen=True)
class Entry:
    id: uuid.UUID
    dossier_id: uuid.UUID
    dossier_number: str
    judge_id: uuid.UUID
    stage_id: str
    status: SheetStatus
    revision: int
    base_revision: int
    device_id: uuid.UUID | None
    dossier_revision: int
    source: str
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    submitted_at: dt.datetime | None
    scores: dict[str, tuple[int, str]]
    version_hash: str
    ancestors: tuple[str, ...]

    @property
    def key(self) -> lineage.Key:
        return (self.dossier_id, self.judge_id, self.stage_id)

    def document(self) -> dict[str, Any]:
        """Back to JSON-ready data (what a conflict keeps)."""
        return {
            "id": self.id, "dossier_id": self.dossier_id, "dossier_number": self.dossier_number,
            "judge_id": self.judge_id, "stage_id": self.stage_id, "status": self.status.value,
            "revision": self.revision, "base_revision": self.base_revision, "device_id": self.device_id,
            "dossier_revision": self.dossier_revision, "source": self.source, "created_at": self.created_at,
            "updated_at": self.updated_at, "submitted_at": self.submitted_at,
            "scores": {c: {"value": from_milli(v), "comment": t} for c, (v, t) in sorted(self.scores.items())},
            "version_hash": self.version_hash, "ancestors": list(self.ancestors),
        }


def entry_of(sheet: ScoreSheet, row: SheetLineage | None, dossier_number: str) -> dict[str, Any]:
    digest = lineage.sheet_hash(sheet)
    return {
        "id": sheet.id, "dossier_id": sheet.dossier_id, "dossier_number": dossier_number,
        "judge_id": sheet.judge_id, "stage_id": sheet.stage_id, "status": sheet.status.value,
        "revision": sheet.revision or 0, "base_revision": row.base_revision if row is not None else 0,
        "device_id": sheet.device_id, "dossier_revision": sheet.dossier_revision or 1, "source": sheet.source,
        "created_at": sheet.created_at, "updated_at": sheet.updated_at, "submitted_at": sheet.submitted_at,
        "scores": {s.criterion_id: {"value": from_milli(s.value_milli), "comment": s.comment}
                   for s in sorted(sheet.scores, key=lambda x: x.criterion_id)},
        "version_hash": digest, "ancestors": lineage.effective_ancestors(digest, row),
    }


def _uuid(value: Any, field: str, *, optional: bool = False) -> uuid.UUID | None:
    if value is None and optional:
        return None
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        raise BadEntry(field) from None


def _int(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadEntry(field)
    return value


def _text(value: Any, field: str, limit: int = 100_000) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise BadEntry(field)
    return value


def parse_time(value: Any, field: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(_text(value, field, 40).replace("Z", "+00:00"))
    except ValueError:
        raise BadEntry(field) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _hash(value: Any, field: str) -> str:
    if not isinstance(value, str) or _HEX64.fullmatch(value) is None:
        raise BadEntry(field)
    return value


def parse_entry(raw: Any) -> Entry:
    if not isinstance(raw, dict):
        raise BadEntry("sheet")
    try:
        status = SheetStatus(raw.get("status"))
    except ValueError:
        raise BadEntry("status") from None
    scores_raw = raw.get("scores")
    if not isinstance(scores_raw, dict):
        raise BadEntry("scores")
    scores: dict[str, tuple[int, str]] = {}
    for cid, item in scores_raw.items():
        if not isinstance(item, dict):
            raise BadEntry(f"scores.{cid}")
        value = item.get("value")
        try:
            milli = to_milli(Decimal(str(value)) if isinstance(value, (int, str)) and not isinstance(value, bool)
                             else Decimal("NaN"))
        except (InvalidOperation, ValueError):
            raise BadEntry(f"scores.{cid}.value") from None
        scores[_text(cid, "scores", 64)] = (milli, _text(item.get("comment", ""), f"scores.{cid}.comment"))
    ancestors = raw.get("ancestors", [])
    if not isinstance(ancestors, list):
        raise BadEntry("ancestors")
    entry = Entry(
        id=_uuid(raw.get("id"), "id"),  # type: ignore[arg-type]
        dossier_id=_uuid(raw.get("dossier_id"), "dossier_id"),  # type: ignore[arg-type]
        dossier_number=_text(raw.get("dossier_number", ""), "dossier_number", 100),
        judge_id=_uuid(raw.get("judge_id"), "judge_id"),  # type: ignore[arg-type]
        stage_id=_text(raw.get("stage_id"), "stage_id", 64),
        status=status,
        revision=_int(raw.get("revision"), "revision"),
        base_revision=_int(raw.get("base_revision", 0), "base_revision"),
        device_id=_uuid(raw.get("device_id"), "device_id", optional=True),
        dossier_revision=_int(raw.get("dossier_revision", 1), "dossier_revision"),
        source=_text(raw.get("source", "app"), "source", 20),
        created_at=parse_time(raw.get("created_at"), "created_at"),
        updated_at=parse_time(raw.get("updated_at"), "updated_at"),
        submitted_at=parse_time(raw.get("submitted_at"), "submitted_at"),
        scores=scores,
        version_hash=_hash(raw.get("version_hash"), "version_hash"),
        ancestors=tuple(_hash(a, "ancestors") for a in ancestors),
    )
    expected = lineage.version_hash(
        dossier_id=entry.dossier_id, judge_id=entry.judge_id, stage_id=entry.stage_id, revision=entry.revision,
        device_id=entry.device_id, status=entry.status.value, dossier_revision=entry.dossier_revision,
        scores=entry.scores,
    )
    if expected != entry.version_hash:
        raise BadEntry("version_hash")
    return entry


def write_entry(session: Session, entry: Entry, sheet: ScoreSheet | None, *, event_id: uuid.UUID,
                source: str | None = None) -> ScoreSheet:
    """Make ``sheet`` (or a new sheet with the entry's id) hold exactly the entry's version."""
    if sheet is None:
        sheet = ScoreSheet(id=entry.id, event_id=event_id, dossier_id=entry.dossier_id, judge_id=entry.judge_id,
                           stage_id=entry.stage_id, created_at=entry.created_at or utcnow())
        session.add(sheet)
    sheet.status = entry.status
    sheet.revision = entry.revision
    sheet.device_id = entry.device_id
    sheet.dossier_revision = entry.dossier_revision
    sheet.submitted_at = entry.submitted_at
    sheet.updated_at = entry.updated_at or utcnow()
    sheet.source = source or entry.source
    existing = {s.criterion_id: s for s in sheet.scores}
    for cid, score in list(existing.items()):
        if cid not in entry.scores:
            sheet.scores.remove(score)
    for cid, (milli, comment) in sorted(entry.scores.items()):
        row = existing.get(cid)
        if row is None:
            sheet.scores.append(Score(id=uuid.uuid4(), criterion_id=cid, value_milli=milli, comment=comment))
        elif row.value_milli != milli or row.comment != comment:
            row.value_milli = milli
            row.comment = comment
    return sheet


__all__ = ["BadEntry", "Entry", "entry_of", "parse_entry", "write_entry"]
