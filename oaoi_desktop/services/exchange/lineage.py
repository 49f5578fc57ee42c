"""Versions of a score sheet, and what a version descends from.

A *version* of a sheet is named by :func:`version_hash`: the SHA-256 of the
canonical JSON of everything that makes it what it is (dossier, judge, stage,
revision, the device that wrote it, status, the dossier revision scored, and
each criterion's value in thousandths with its comment).  The same content
on two laptops has the same name; any edit makes a new one.

Each database keeps, per sheet (natural key: dossier, judge, stage), a
:class:`~oaoi_desktop.store.models.SheetLineage`: the version at the last
exchange (``head_hash``) and every older version the state supersedes
(``ancestors``).  A database's own edits are linear, so its current state
descends from ``head_hash`` and everything before it: :func:`effective_ancestors`.

Merging version E into stored version S (:func:`relation`):

* same hash, or E already among S's ancestors: nothing to do (``same`` / ``older``);
* S among E's ancestors: E replaces S (``newer``);
* otherwise both were edited from a common base: a ``conflict``.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.store.models import ScoreSheet, SheetLineage, utcnow

Key = tuple[uuid.UUID, uuid.UUID, str]
"""(dossier id, judge id, stage id): a sheet's natural key."""


def version_hash(*, dossier_id: Any, judge_id: Any, stage_id: str, revision: int, device_id: Any,
                 status: str, dossier_revision: int, scores: Mapping[str, tuple[int, str]]) -> str:
    """SHA-256 of the canonical JSON of the version (strings and integers only, so the
    canonical form is plain ``json.dumps`` with sorted keys: no per-value normalising)."""
    doc = {
        "dossier_id": str(dossier_id), "judge_id": str(judge_id), "stage_id": str(stage_id),
        "revision": int(revision), "device_id": str(device_id) if device_id else None, "status": str(status),
        "dossier_revision": int(dossier_revision),
        "scores": {str(cid): {"value_milli": int(v), "comment": str(c)} for cid, (v, c) in scores.items()},
    }
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                          .encode("utf-8")).hexdigest()


def sheet_hash(sheet: ScoreSheet) -> str:
    return version_hash(
        dossier_id=sheet.dossier_id, judge_id=sheet.judge_id, stage_id=sheet.stage_id,
        revision=sheet.revision or 0, device_id=sheet.device_id, status=sheet.status.value,
        dossier_revision=sheet.dossier_revision or 1,
        scores={s.criterion_id: (s.value_milli, s.comment) for s in sheet.scores},
    )


def key_of(sheet: ScoreSheet) -> Key:
    return (sheet.dossier_id, sheet.judge_id, sheet.stage_id)


def lineages(session: Session, event_id: uuid.UUID, judge_id: uuid.UUID | None = None) -> dict[Key, SheetLineage]:
    stmt = select(SheetLineage).where(SheetLineage.event_id == event_id)
    if judge_id is not None:
        stmt = stmt.where(SheetLineage.judge_id == judge_id)
    return {(r.dossier_id, r.judge_id, r.stage_id): r for r in session.scalars(stmt)}


def effective_ancestors(current_hash: str, lineage: SheetLineage | None) -> list[str]:
    """Every version the current state supersedes (sorted; never itself)."""
    if lineage is None:
        return []
    found = set(lineage.ancestors or [])
    if lineage.head_hash:
        found.add(lineage.head_hash)
    found.discard(current_hash)
    return sorted(found)


def relation(incoming_hash: str, incoming_ancestors: Iterable[str], stored_hash: str,
             stored_ancestors: Iterable[str]) -> str:
    """``same``, ``older`` (incoming is superseded), ``newer`` (incoming replaces) or ``conflict``."""
    if incoming_hash == stored_hash:
        return "same"
    if incoming_hash in set(stored_ancestors):
        return "older"
    if stored_hash in set(incoming_ancestors):
        return "newer"
    return "conflict"


def record(session: Session, lineage_rows: dict[Key, SheetLineage], key: Key, event_id: uuid.UUID, head: str,
           ancestors: Iterable[str], *, base_revision: int | None = None) -> SheetLineage:
    """Set a sheet's lineage to ``head`` superseding ``ancestors`` (creating the row when needed)."""
    row = lineage_rows.get(key)
    wanted = sorted(set(ancestors) - {head})
    if row is None:
        row = SheetLineage(dossier_id=key[0], judge_id=key[1], stage_id=key[2], event_id=event_id, head_hash=head,
                           base_revision=base_revision or 0, ancestors=wanted, updated_at=utcnow())
        session.add(row)
        lineage_rows[key] = row
        return row
    if row.head_hash != head or sorted(row.ancestors or []) != wanted:
        row.head_hash = head
        row.ancestors = wanted
        row.updated_at = utcnow()
    if base_revision is not None and row.base_revision != base_revision:
        row.base_revision = base_revision
    return row


__all__ = ["Key", "version_hash", "sheet_hash", "key_of", "lineages", "effective_ancestors", "relation", "record"]
