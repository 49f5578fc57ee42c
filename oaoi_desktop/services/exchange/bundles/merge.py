"""Merging verified judge bundles into the secretariat's database, sheet by sheet by lineage.

See :mod:`oaoi_desktop.services.exchange.bundles` for the rules.  The audit
entries of one file are written together by :func:`audit.append_many`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ConflictError, NotFoundError, OaoiError
from oaoi_desktop.services import audit, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.assignments import recused
from oaoi_desktop.services.auth import require_secretariat
from oaoi_desktop.services.exchange import entries, lineage
from oaoi_desktop.services.sheets import from_milli
from oaoi_desktop.store.models import (
    Assignment,
    ConflictDeclaration,
    Dossier,
    Event,
    EventStatus,
    IntegrityDeclaration,
    MergedBundle,
    Score,
    ScoreSheet,
    SheetConflict,
    SheetLineage,
    SheetStatus,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize, authorize_db
from oaoi_desktop.services.exchange.bundles.files import MAX_BYTES, VerifiedBundle, reject, verify_bundle


# -- merging (the secretariat's laptop) ---------------------------------------------------------------
OUTCOMES = ("added", "updated", "unchanged", "older", "conflict", "skipped")


@dataclass
class SheetOutcome:
    dossier: str
    stage_id: str
    outcome: str
    """One of :data:`OUTCOMES`."""
    message_id: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class FileReport:
    file: str
    status: str
    """``merged``, ``already_merged`` or ``rejected``."""
    judge: str = ""
    message: str = ""
    error: OaoiError | None = None
    sheets: list[SheetOutcome] = field(default_factory=list)
    declarations_added: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.sheets if s.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {o: self.count(o) for o in OUTCOMES}


@dataclass
class MergeReport:
    event_id: uuid.UUID
    files: list[FileReport] = field(default_factory=list)

    @property
    def rejected(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "rejected"]

    @property
    def skipped_sheets(self) -> int:
        return sum(f.count("skipped") for f in self.files)

    @property
    def conflicts(self) -> int:
        return sum(f.count("conflict") for f in self.files)

    @property
    def refused_changes(self) -> int:
        """Sheets the bundle tried to change although they are final here (kept as conflicts)."""
        return sum(1 for f in self.files for x in f.sheets if x.outcome == "conflict" and x.message_id)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.skipped_sheets and not self.refused_changes


class AuditBatch:
    """Audit entries of one merge, written in one go by :func:`audit.append_many` (one head lock)."""

    def __init__(self, session: Session, event_id: uuid.UUID, actor: Actor) -> None:
        self.session = session
        self.event_id = event_id
        self.actor = actor
        self.items: list[audit.Pending] = []

    def add(self, action: str, entity_type: str, entity_id: Any, before: Any, after: Any) -> None:
        self.items.append(audit.Pending(action, entity_type, entity_id, before, after))

    def write(self) -> None:
        audit.append_many(self.session, actor=self.actor, event_id=self.event_id, items=self.items)
        self.items.clear()


def _new_ids(n: int) -> list[uuid.UUID]:
    """``n`` random (version 4) UUIDs from one read of the OS's random source."""
    raw = os.urandom(16 * n)
    return [uuid.UUID(bytes=raw[i:i + 16], version=4) for i in range(0, 16 * n, 16)]


def _plain_value(milli: int) -> Any:
    """A score in thousandths as canonical JSON writes it (8 or "8.5")."""
    return milli // 1000 if milli % 1000 == 0 else canonical.normalise(from_milli(milli))


def _plain_scores(scores: dict[str, tuple[int, str]]) -> dict[str, Any]:
    return {c: {"value": _plain_value(v), "comment": t} for c, (v, t) in scores.items()}


def score_values(scores: dict[str, tuple[int, str]]) -> dict[str, Any]:
    return {c: {"value": from_milli(v), "comment": t} for c, (v, t) in sorted(scores.items())}


def sheet_scores(sheet: ScoreSheet) -> dict[str, tuple[int, str]]:
    return {s.criterion_id: (s.value_milli, s.comment) for s in sheet.scores}


def _check_entry(entry: entries.Entry, rubric: Any, dossiers: dict[uuid.UUID, Dossier],
                 assigned: set[tuple[uuid.UUID, str]], closed: set[str],
                 recusals: tuple[Event, User, set[uuid.UUID]] | None = None) -> tuple[str, dict[str, Any]] | None:
    """Why an entry cannot be merged (message id, params), or None."""
    number = entry.dossier_number or str(entry.dossier_id)
    dossier = dossiers.get(entry.dossier_id)
    if dossier is None:
        return "exchange.sheet_unknown_dossier", {"dossier": number}
    number = dossier.number
    try:
        stage = rubric.stage(entry.stage_id)
    except KeyError:
        return "exchange.sheet_unknown_stage", {"dossier": number, "stage": entry.stage_id}
    if not 1 <= entry.dossier_revision <= (dossier.current_revision or 1):
        # [issue 13] a bundle cannot claim a revision of the proposal the secretariat never had
        return "exchange.sheet_bad_dossier_revision", {"dossier": number, "claimed": entry.dossier_revision,
                                                       "current": dossier.current_revision or 1}
    if (entry.dossier_id, entry.stage_id) not in assigned:
        return "exchange.sheet_not_assigned", {"dossier": number, "stage": entry.stage_id}
    if entry.stage_id in closed:
        return "exchange.sheet_stage_closed", {"dossier": number, "stage": entry.stage_id}
    if entry.status != SheetStatus.DRAFT and recusals is not None:
        event, judge, declared = recusals
        if recused(event, judge, dossier):
            return "exchange.sheet_recused", {"dossier": number}
        if dossier.id in declared:
            return "exchange.sheet_conflict_declared", {"dossier": number}
    for cid, (milli, _c) in entry.scores.items():
        try:
            criterion = stage.criterion(cid)
        except KeyError:
            return "exchange.sheet_bad_criterion", {"dossier": number, "criterion": cid}
        if not criterion.is_valid_score(from_milli(milli)):
            return "exchange.sheet_off_scale", {"dossier": number, "criterion": cid, "value": from_milli(milli)}
    return None


def merge_verified(session: Session, event: Event, bundle: VerifiedBundle, *, actor: Actor,
                   file_name: str = "") -> FileReport:
    """Merge a verified bundle in ``session``'s transaction (see the module docstring)."""
    authorize(session, actor, Action.BUNDLE_IMPORT, event=event)
    report = FileReport(file=bundle.file, status="merged", judge=bundle.judge.name)
    judge = bundle.judge
    rubric = events.event_rubric(session, event)
    closed = {k for k, v in ((event.settings or {}).get("stages") or {}).items() if v}
    dossier_rows = {d.id: d for d in session.scalars(select(Dossier).where(Dossier.event_id == event.id))}
    assigned = {(d, st) for d, st in session.execute(select(Assignment.dossier_id, Assignment.stage_id).where(
        Assignment.event_id == event.id, Assignment.judge_id == judge.id))}
    stored = {lineage.key_of(sh): sh for sh in session.scalars(
        select(ScoreSheet).options(selectinload(ScoreSheet.scores))
        .where(ScoreSheet.event_id == event.id, ScoreSheet.judge_id == judge.id))}
    rows = lineage.lineages(session, event.id, judge.id)
    # a submitted sheet never counts for a dossier the judge is recused from or declared a conflict on
    declared = set(session.scalars(select(ConflictDeclaration.dossier_id).where(
        ConflictDeclaration.event_id == event.id, ConflictDeclaration.judge_id == judge.id)))
    pending = {(c.dossier_id, c.judge_id, c.stage_id, c.incoming_hash) for c in session.scalars(
        select(SheetConflict).where(SheetConflict.event_id == event.id, SheetConflict.judge_id == judge.id,
                                    SheetConflict.resolved_at.is_(None)))}
    record = MergedBundle(
        id=uuid.uuid4(), event_id=event.id, judge_id=judge.id, bundle_id=uuid.UUID(str(bundle.payload["bundle_id"])),
        sha256=bundle.sha256, file_name=(file_name or Path(bundle.file).name)[:500],
        signer_fingerprint=bundle.signer_fingerprint,
        device_id=uuid.UUID(str(bundle.payload["device_id"])) if bundle.payload.get("device_id") else None,
        exported_at=entries.parse_time(bundle.payload.get("exported_at"), "exported_at"),
        audit_seq=int((bundle.payload.get("audit_head") or {}).get("seq", 0)),
        audit_hash=str((bundle.payload.get("audit_head") or {}).get("hash", ""))[:64], merged_by=actor.name,
    )
    session.add(record)
    session.flush()
    batch = AuditBatch(session, event.id, actor)
    new_sheets: list[dict[str, Any]] = []
    new_scores: list[dict[str, Any]] = []
    new_lineages: list[dict[str, Any]] = []
    wanted_ids = [e.id for e in bundle.sheets if e.key not in stored]
    taken = set()
    for i in range(0, len(wanted_ids), 500):
        taken.update(session.scalars(select(ScoreSheet.id).where(ScoreSheet.id.in_(wanted_ids[i:i + 500]))))
    now = utcnow()
    for entry in bundle.sheets:
        number = dossier_rows[entry.dossier_id].number if entry.dossier_id in dossier_rows else entry.dossier_number
        problem = _check_entry(entry, rubric, dossier_rows, assigned, closed, (event, judge, declared))
        if problem is not None:
            report.sheets.append(SheetOutcome(number, entry.stage_id, "skipped", problem[0], problem[1]))
            continue
        sheet = stored.get(entry.key)
        if sheet is None:  # the common case: inserted in bulk below
            sheet_id = entry.id if entry.id not in taken else uuid.uuid4()
            taken.add(sheet_id)
            new_sheets.append({
                "id": sheet_id, "event_id": event.id, "dossier_id": entry.dossier_id, "judge_id": judge.id,
                "stage_id": entry.stage_id, "status": entry.status, "revision": entry.revision, "version": 1,
                "created_at": entry.created_at or now, "updated_at": entry.updated_at or now,
                "submitted_at": entry.submitted_at, "device_id": entry.device_id,
                "dossier_revision": entry.dossier_revision, "source": "bundle"})
            new_scores.extend({"id": None, "sheet_id": sheet_id, "criterion_id": cid, "value_milli": milli,
                               "comment": comment} for cid, (milli, comment) in sorted(entry.scores.items()))
            if entry.key not in rows:
                new_lineages.append({"dossier_id": entry.dossier_id, "judge_id": judge.id,
                                     "stage_id": entry.stage_id, "event_id": event.id,
                                     "head_hash": entry.version_hash, "base_revision": entry.base_revision,
                                     "ancestors": sorted(set(entry.ancestors)), "updated_at": now})
            else:
                lineage.record(session, rows, entry.key, event.id, entry.version_hash,
                               set(entry.ancestors) | set(rows[entry.key].ancestors or []),
                               base_revision=entry.base_revision)
            batch.add("sheet.merged", "score_sheet", sheet_id, None, _merge_after(entry, number, "added", bundle))
            report.sheets.append(SheetOutcome(number, entry.stage_id, "added"))
            continue
        mine = lineage.sheet_hash(sheet)
        mine_anc = lineage.effective_ancestors(mine, rows.get(entry.key))
        rel = lineage.relation(entry.version_hash, entry.ancestors, mine, mine_anc)
        if rel == "same":
            report.sheets.append(SheetOutcome(number, entry.stage_id, "unchanged"))
            continue
        if rel == "older":
            report.sheets.append(SheetOutcome(number, entry.stage_id, "older"))
            continue
        if (entry.key + (entry.version_hash,)) in pending:  # already waiting for the secretariat's decision
            final = rel == "newer" and sheet.status != SheetStatus.DRAFT
            report.sheets.append(SheetOutcome(
                number, entry.stage_id, "conflict", "exchange.sheet_final_here" if final else "",
                {"dossier": number, "status": sheet.status.value} if final else {}))
            continue
        if rel == "newer" and sheet.status != SheetStatus.DRAFT:
            # [issue 12] A bundle only changes what is still the judge's to change here: a draft (an
            # unlocked sheet is one).  A submitted, locked or paper-entered sheet is never overwritten,
            # whatever the bundle says it descends from: the secretariat decides, side by side.
            _record_conflict(session, event, judge, entry, sheet, mine, number, bundle, record, batch, report,
                             "exchange.sheet_final_here", {"dossier": number, "status": sheet.status.value})
            pending.add(entry.key + (entry.version_hash,))
            continue
        if rel == "newer":
            before = {"status": sheet.status.value, "revision": sheet.revision, "version_hash": mine,
                      "scores": score_values(sheet_scores(sheet))}
            entries.write_entry(session, entry, sheet, event_id=event.id, source="bundle")
            lineage.record(session, rows, entry.key, event.id, entry.version_hash,
                           set(entry.ancestors) | set(mine_anc) | {mine}, base_revision=entry.base_revision)
            batch.add("sheet.merged", "score_sheet", sheet.id, before, _merge_after(entry, number, "updated", bundle))
            session.flush()
            report.sheets.append(SheetOutcome(number, entry.stage_id, "updated"))
            continue
        if (entry.scores == sheet_scores(sheet) and entry.status == sheet.status
                and entry.dossier_revision == (sheet.dossier_revision or 1)):
            # Edited on two laptops but to the very same scores, comments and status: nothing to decide.
            lineage.record(session, rows, entry.key, event.id, mine,
                           set(mine_anc) | set(entry.ancestors) | {entry.version_hash})
            report.sheets.append(SheetOutcome(number, entry.stage_id, "unchanged"))
            continue
        _record_conflict(session, event, judge, entry, sheet, mine, number, bundle, record, batch, report)
        pending.add(entry.key + (entry.version_hash,))
    # Core inserts of the tables (not the ORM's bulk path): no per-row ORM bookkeeping.
    conn = session.connection()
    for row, new_id in zip(new_scores, _new_ids(len(new_scores))):
        row["id"] = new_id
    if new_sheets:
        conn.execute(insert(ScoreSheet.__table__), new_sheets)
        conn.execute(insert(Score.__table__), new_scores)
    if new_lineages:
        conn.execute(insert(SheetLineage.__table__), new_lineages)
    report.declarations_added = _merge_declarations(session, event, judge, bundle, dossier_rows, batch)
    session.flush()
    record.counts = {**report.counts, "declarations_added": report.declarations_added}
    batch.add("bundle.merged", "merged_bundle", record.id, None,
              {"file": record.file_name, "sha256": bundle.sha256, "bundle_id": record.bundle_id,
               "judge_id": judge.id, "judge": judge.name, "signer_fingerprint": bundle.signer_fingerprint,
               "device_id": record.device_id, "judge_audit_head": {"seq": record.audit_seq, "hash": record.audit_hash},
               "counts": record.counts})
    batch.write()
    return report


def _record_conflict(session: Session, event: Event, judge: User, entry: entries.Entry, sheet: ScoreSheet, mine: str,
                     number: str, bundle: VerifiedBundle, record: MergedBundle, batch: AuditBatch,
                     report: FileReport, message_id: str = "", params: dict[str, Any] | None = None) -> None:
    """Keep the stored sheet as it is and the incoming version in full, for the secretariat to decide."""
    conflict = SheetConflict(id=uuid.uuid4(), event_id=event.id, dossier_id=entry.dossier_id, judge_id=judge.id,
                             stage_id=entry.stage_id, stored_hash=mine, incoming_hash=entry.version_hash,
                             incoming=canonical.normalise(entry.document()), bundle_id=record.id)
    session.add(conflict)
    after = _merge_after(entry, number, "conflict", bundle)
    if message_id:
        after["reason"] = message_id
    batch.add("sheet.merge_conflict", "sheet_conflict", conflict.id,
              {"version_hash": mine, "revision": sheet.revision, "status": sheet.status.value,
               "scores": score_values(sheet_scores(sheet))}, after)
    report.sheets.append(SheetOutcome(number, entry.stage_id, "conflict", message_id, dict(params or {})))


def _merge_after(entry: entries.Entry, number: str, outcome: str, bundle: VerifiedBundle) -> dict[str, Any]:
    """What a ``sheet.merged`` entry records, as plain JSON values."""
    return {"dossier_id": str(entry.dossier_id), "dossier": number, "judge_id": str(entry.judge_id),
            "stage_id": entry.stage_id, "outcome": outcome, "status": entry.status.value, "revision": entry.revision,
            "base_revision": entry.base_revision, "device_id": str(entry.device_id) if entry.device_id else None,
            "version_hash": entry.version_hash, "scores": _plain_scores(entry.scores),
            "bundle_sha256": bundle.sha256}


def _merge_declarations(session: Session, event: Event, judge: User, bundle: VerifiedBundle,
                        dossier_rows: dict[uuid.UUID, Dossier], batch: AuditBatch) -> int:
    added = 0
    declared = set(session.scalars(select(ConflictDeclaration.dossier_id).where(
        ConflictDeclaration.event_id == event.id, ConflictDeclaration.judge_id == judge.id)))
    for raw in bundle.payload.get("conflict_declarations", []):
        try:
            did = uuid.UUID(str(raw["dossier_id"]))
            row_id = uuid.UUID(str(raw["id"]))
            reason = " ".join(str(raw["reason"]).split())
            declared_at = entries.parse_time(raw.get("declared_at"), "declared_at")
        except (KeyError, TypeError, ValueError):
            raise reject("exchange.bundle_bad_sheet", bundle.file, field="conflict_declarations") from None
        if did in declared or did not in dossier_rows or not reason:
            continue
        row = ConflictDeclaration(id=row_id, event_id=event.id, dossier_id=did, judge_id=judge.id, reason=reason,
                                  declared_at=declared_at or utcnow())
        session.add(row)
        declared.add(did)
        added += 1
        batch.add("conflict.declared", "conflict_declaration", row_id, None,
                  {"dossier_id": did, "number": dossier_rows[did].number, "judge_id": judge.id, "name": judge.name,
                   "reason": reason, "declared_at": row.declared_at, "source": "bundle"})
    integrity = bundle.payload.get("integrity_declarations", [])
    if integrity and session.scalar(select(IntegrityDeclaration.id).where(
            IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id)) is None:
        raw = integrity[0]
        try:
            row_id = uuid.UUID(str(raw["id"]))
            statement = str(raw["statement_sha256"])[:64]
            declared_at = entries.parse_time(raw.get("declared_at"), "declared_at")
        except (KeyError, TypeError, ValueError):
            raise reject("exchange.bundle_bad_sheet", bundle.file, field="integrity_declarations") from None
        row = IntegrityDeclaration(id=row_id, event_id=event.id, judge_id=judge.id, statement_sha256=statement,
                                   declared_at=declared_at or utcnow())
        session.add(row)
        added += 1
        batch.add("integrity.declared", "integrity_declaration", row_id, None,
                  {"judge_id": judge.id, "name": judge.name, "statement_sha256": statement,
                   "declared_at": row.declared_at, "source": "bundle"})
    return added


def import_bundles(db: Any, event_ref: str, files: Sequence[Path | str], *, actor: Actor) -> MergeReport:
    """Verify and merge each file in its own transaction; a rejected file changes nothing."""
    authorize_db(db, actor, Action.BUNDLE_IMPORT, event=event_ref)
    with db.read() as s:
        event_id = events.get_event(s, event_ref).id
        require_secretariat(s, actor)
    from oaoi_desktop.services.backups import backup_before_import

    backup_before_import(db)  # the automatic rotating backup before every import (issue 8)
    report = MergeReport(event_id=event_id)
    for raw in files:
        path = Path(raw)
        name = str(path)
        try:
            try:
                if path.stat().st_size > MAX_BYTES:
                    raise reject("exchange.bundle_too_large", name, limit_mb=MAX_BYTES // (1024 * 1024))
                data = path.read_bytes()
            except FileNotFoundError:
                raise NotFoundError("exchange.bundle_missing", file=name) from None
            except IsADirectoryError:
                raise reject("exchange.bundle_corrupt", name) from None
            except OSError as exc:
                raise reject("exchange.bundle_unreadable", name, reason=exc.strerror or str(exc)) from None
            with db.write() as s:
                event = s.get(Event, event_id)
                assert event is not None
                if event.status == EventStatus.FINALISED:
                    raise ConflictError("exchange.event_finalised", file=name, event=event.name)
                bundle = verify_bundle(s, event, data, name)
                known = s.scalar(select(MergedBundle).where(MergedBundle.event_id == event.id,
                                                            MergedBundle.sha256 == bundle.sha256))
                if known is not None:
                    report.files.append(FileReport(file=name, status="already_merged", judge=bundle.judge.name))
                    continue
                report.files.append(merge_verified(s, event, bundle, actor=actor, file_name=path.name))
        except OaoiError as exc:
            report.files.append(FileReport(file=name, status="rejected", message=exc.render(), error=exc))
    return report
