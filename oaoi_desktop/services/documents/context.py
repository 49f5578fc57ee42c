"""What the documents of one event need, read once (:class:`Context`); the score data each
document shows and its fingerprint (:func:`data_for`, :func:`fingerprint`); recusals.

The fingerprint is the SHA-256 of the canonical JSON of the score data plus the
rubric version hash; :func:`recompute_fingerprint` rebuilds it from the
database at any later time (see :mod:`oaoi_desktop.services.documents`).
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.domain.rubric import AggregationMethod, Rubric
from oaoi_desktop.domain.scoring import from_milli, sheet_total
from oaoi_desktop.errors import NotFoundError, ValidationError
from oaoi_desktop.services import plenary
from oaoi_desktop.services.audit import chain_for
from oaoi_desktop.services.completeness import dossier_completeness_unchecked
from oaoi_desktop.services.counted import competing_dossier, counted_sheet
from oaoi_desktop.services.events import event_rubric, rubric_fingerprint
from oaoi_desktop.services.facts import recused
from oaoi_desktop.services.purged import purge_document_data
from oaoi_desktop.services.ranking import rank_event_unchecked
from oaoi_desktop.store.models import (
    AuditEntry,
    ConflictDeclaration,
    Dossier,
    Event,
    IssuedDocument,
    PlenaryAdjustment,
    Role,
    Score,
    ScoreSheet,
    SheetStatus,
    User,
)

SHEET = "sheet"
RESULT = "result"
RANKING = "ranking"
MINUTES = "minutes"
KINDS = (SHEET, RESULT, RANKING, MINUTES)
PURGE = "purge"
"""*Berita Acara Pemusnahan Data* (``services/purge.py``): registered and verified like the others, never
exported through :func:`prepare` (only the purge writes it), so it is not in :data:`KINDS`."""
CODES = {SHEET: "LP", RESULT: "LHP", RANKING: "RP", MINUTES: "BA", PURGE: "BAPD"}
"""The kind's code inside the document number."""
FINAL = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)
DEFAULT_GROUP_BY = ("kategori", "kelompok")


def recompute_fingerprint(session: Session, event_id: uuid.UUID | str, number: str) -> str | None:
    """The fingerprint document ``number`` of the event would show now; None if the number is unknown."""
    try:
        key = event_id if isinstance(event_id, uuid.UUID) else uuid.UUID(str(event_id))
    except ValueError:
        return None
    doc = session.scalar(select(IssuedDocument).where(IssuedDocument.event_id == key,
                                                      IssuedDocument.number == number))
    if doc is None:
        return None
    event = session.get(Event, key)
    if event is None:
        return None
    ctx = Context(session, event)
    return fingerprint(ctx, doc.kind, data_for(ctx, doc.kind, doc.details))


# =====================================================================================
# Score data (language-independent) and fingerprints
# =====================================================================================
def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


@dataclass
class SheetData:
    judge_id: uuid.UUID
    dossier_id: uuid.UUID
    stage_id: str
    status: SheetStatus
    submitted_at: _dt.datetime | None
    scores: dict[str, tuple[int, str]]
    """criterion id -> (value_milli, comment)."""
    total: Fraction | None


class Context:
    """What documents of one event need, read once and shared by a batch.

    Rankings are cached per (stage, grouping, method); sheets are read in one
    query.  A fresh context sees the database as it is now.
    """

    def __init__(self, session: Session, event: Event) -> None:
        self.session = session
        self.event = event
        self.rubric: Rubric = event_rubric(session, event)
        self.rubric_sha256 = rubric_fingerprint(session, event)
        self._rankings: dict[tuple[Any, ...], Any] = {}
        self._sheets: list[SheetData] | None = None
        self._dossiers: dict[uuid.UUID, Dossier] | None = None
        self._users: dict[uuid.UUID, User] | None = None
        self._adjustments: list[PlenaryAdjustment] | None = None
        # the document register's numbering within this batch (documents.register.issue):
        self.issued_by_scope: dict[str, dict[Any, list[Any]]] = {}  # kind -> scope key -> documents
        self.last_sequence: dict[str, int] = {}  # kind -> highest sequence issued so far

    # -- rows -----------------------------------------------------------------------
    @property
    def dossiers(self) -> dict[uuid.UUID, Dossier]:
        if self._dossiers is None:
            self._dossiers = {d.id: d for d in self.session.scalars(
                select(Dossier).where(Dossier.event_id == self.event.id, competing_dossier())
                .order_by(Dossier.number))}
        return self._dossiers

    @property
    def users(self) -> dict[uuid.UUID, User]:
        if self._users is None:
            self._users = {u.id: u for u in self.session.scalars(
                select(User).where(User.event_id == self.event.id).order_by(User.name))}
        return self._users

    def panel(self) -> list[User]:
        """Active judges, members by name first, the chair(s) last (signing order)."""
        judges = [u for u in self.users.values() if u.role.is_panel and u.active]  # never a shadow judge
        return sorted(judges, key=lambda u: (u.role is Role.CHAIR, u.name.lower(), u.id.hex))

    def chairs(self) -> list[User]:
        return [u for u in self.panel() if u.role is Role.CHAIR]

    @property
    def adjustments(self) -> list[PlenaryAdjustment]:
        if self._adjustments is None:
            self._adjustments = plenary.active_adjustments_unchecked(self.session, self.event)  # checked by prepare
        return self._adjustments

    @property
    def sheets(self) -> list[SheetData]:
        """Every submitted (or locked) sheet of the event with its scores and total."""
        if self._sheets is None:
            rows = self.session.execute(
                select(ScoreSheet.id, ScoreSheet.judge_id, ScoreSheet.dossier_id, ScoreSheet.stage_id,
                       ScoreSheet.status, ScoreSheet.submitted_at, Score.criterion_id, Score.value_milli,
                       Score.comment)
                .join(Score, Score.sheet_id == ScoreSheet.id)
                .where(ScoreSheet.event_id == self.event.id, counted_sheet())
            ).all()
            by_sheet: dict[uuid.UUID, SheetData] = {}
            for sid, jid, did, st, status, at, cid, milli, comment in rows:
                sd = by_sheet.get(sid)
                if sd is None:
                    sd = by_sheet[sid] = SheetData(jid, did, st, status, at, {}, None)
                sd.scores[cid] = (milli, comment or "")
            for sd in by_sheet.values():
                sd.total = self._total(sd)
            self._sheets = sorted(by_sheet.values(), key=lambda s: (s.stage_id, s.dossier_id.hex, s.judge_id.hex))
        return self._sheets

    def _total(self, sd: SheetData) -> Fraction | None:
        try:
            stage = self.rubric.stage(sd.stage_id)
            return sheet_total(stage, {c: from_milli(v) for c, (v, _) in sd.scores.items()})
        except Exception:  # noqa: BLE001 - an incomplete sheet has no total
            return None

    def sheet(self, dossier_id: uuid.UUID, judge_id: uuid.UUID, stage_id: str) -> SheetData | None:
        index = getattr(self, "_sheet_index", None)
        if index is None:
            index = self._sheet_index = {(s.dossier_id, s.judge_id, s.stage_id): s for s in self.sheets}
        return index.get((dossier_id, judge_id, stage_id))

    def sheets_of(self, dossier_id: uuid.UUID) -> list[SheetData]:
        index = getattr(self, "_by_dossier", None)
        if index is None:
            index = self._by_dossier = {}
            for s in self.sheets:
                index.setdefault(s.dossier_id, []).append(s)
        return index.get(dossier_id, [])

    def completeness(self, stage_id: str | None) -> Any:
        """Sheets expected vs submitted per dossier (issue 14), cached; the caller is authorised."""
        cache = self.__dict__.setdefault("_completeness", {})
        if stage_id not in cache:
            cache[stage_id] = dossier_completeness_unchecked(self.session, self.event, stage_id)
        return cache[stage_id]

    # -- rankings ---------------------------------------------------------------------
    def ranking(self, stage_id: str | None, group_by: Sequence[str], method: str | None) -> Any:
        """(raw Ranking, adjusted rows) for these options, cached."""
        key = (stage_id, tuple(group_by), method)
        if key not in self._rankings:
            m = AggregationMethod(method) if method else None
            raw = rank_event_unchecked(self.session, self.event, group_by=tuple(group_by), method=m, stage_id=stage_id)
            adjusted = plenary.adjusted_ranking_unchecked(self.session, self.event, group_by=tuple(group_by), method=m,
                                                stage_id=stage_id)
            self._rankings[key] = (raw, adjusted)
        return self._rankings[key]


def _sheet_json(sd: SheetData | None) -> dict[str, Any] | None:
    if sd is None:
        return None
    return {
        "judge_id": sd.judge_id, "dossier_id": sd.dossier_id, "stage_id": sd.stage_id,
        "scores": [{"criterion": c, "value": Fraction(v, 1000), "comment": comment}
                   for c, (v, comment) in sorted(sd.scores.items())],
        "total": sd.total,
    }


def _adjustment_json(a: PlenaryAdjustment) -> dict[str, Any]:
    return {"id": a.id, "kind": a.kind, "stage_id": a.stage_id, "dossier_id": a.dossier_id,
            "judge_id": a.judge_id, "criterion_id": a.criterion_id, "value_milli": a.value_milli,
            "original_milli": a.original_milli, "position": a.position, "reason": a.reason,
            "order": list(a.details.get("order", [])) if a.details else []}


def _row_json(raw_row: Any, adj: Any) -> dict[str, Any]:
    return {
        "dossier_id": adj.dossier_id, "group": list(adj.group), "rank": adj.rank, "value": adj.value,
        "passed": adj.passed, "raw_rank": adj.raw_rank, "raw_value": adj.raw_value,
        "knocked_out": list(raw_row.knocked_out) if raw_row is not None else [],
        "tied_for_chair": bool(raw_row.tied_for_chair) if raw_row is not None else False,
        "judges": raw_row.n_sheets if raw_row is not None else 0,
        "adjustments": sorted(str(a.id) for a in adj.adjustments),
    }


def adjusted_rows(ctx: Context, stage_id: str | None, group_by: Sequence[str], method: str | None,
                 group: Sequence[str] | None) -> tuple[Any, list[Any]]:
    """(raw ranking, the plenary-adjusted rows of ``group`` (all when None)): what a document prints.

    Not the flat export rows (``ranking.ranking_rows``, the raw result for the CLI,
    CSV and XLSX): a document shows the result after the plenary's decisions."""
    raw, adjusted = ctx.ranking(stage_id, group_by, method)
    rows = [r for r in adjusted if group is None or list(r.group) == list(group)]
    return raw, rows


def data_for(ctx: Context, kind: str, details: dict[str, Any]) -> dict[str, Any]:
    """The canonical score data a document of ``kind`` with ``details`` shows."""
    stage_id = details.get("stage_id")
    group_by = details.get("group_by", list(DEFAULT_GROUP_BY))
    method = details.get("method")
    if kind == SHEET:
        sd = ctx.sheet(_uuid(details["dossier_id"]), _uuid(details["judge_id"]), details["stage_id"])
        return {"sheet": _sheet_json(sd)}
    if kind == RESULT:
        did = _uuid(details["dossier_id"])
        raw, rows = adjusted_rows(ctx, stage_id, group_by, method, None)
        row = next((r for r in rows if r.dossier_id == did.hex), None)
        raw_row = _raw_row(raw, did.hex)
        sheets = [s for s in ctx.sheets_of(did) if stage_id is None or s.stage_id == stage_id]
        return {
            "dossier_id": did, "stage_id": stage_id, "group_by": list(group_by),
            "method": method or ctx.rubric.aggregation.value,
            "sheets": [_sheet_json(s) for s in sheets],
            "row": _row_json(raw_row, row) if row is not None else None,
            "adjustments": [_adjustment_json(a) for a in ctx.adjustments if a.dossier_id == did
                            or did.hex in (a.details or {}).get("order", [])],
        }
    if kind == RANKING:
        group = details.get("group")
        raw, rows = adjusted_rows(ctx, stage_id, group_by, method, group)
        return {
            "stage_id": stage_id, "group_by": list(group_by), "group": group,
            "method": method or ctx.rubric.aggregation.value, "pass_mark": ctx.rubric.pass_mark,
            "rows": [_row_json(_raw_row(raw, r.dossier_id), r) for r in rows],
        }
    if kind == MINUTES:
        raw, rows = adjusted_rows(ctx, stage_id, group_by, method, None)
        seq = details.get("audit_seq")
        entry_hash = None
        if seq:
            entry_hash = ctx.session.scalar(select(AuditEntry.hash).where(
                AuditEntry.chain == chain_for(ctx.event.id), AuditEntry.seq == seq))
        return {
            "stage_id": stage_id, "group_by": list(group_by), "method": method or ctx.rubric.aggregation.value,
            "pass_mark": ctx.rubric.pass_mark, "date": details.get("date"), "place": details.get("place"),
            "panel": [{"id": u.id, "name": u.name, "role": u.role.value} for u in ctx.panel()],
            "dossiers": len(ctx.dossiers), "assessed": len({s.dossier_id for s in ctx.sheets}),
            "recusals": [{"judge_id": r.judge_id, "dossier_id": r.dossier_id, "kind": r.kind} for r in recusals(ctx)],
            "decisions": [_adjustment_json(a) for a in ctx.adjustments],
            "rows": [_row_json(_raw_row(raw, r.dossier_id), r) for r in rows],
            "audit": {"seq": seq, "hash": entry_hash},
        }
    if kind == PURGE:
        return purge_document_data(ctx.session, ctx.event, details)
    raise ValidationError("documents.unknown_kind", kind=kind, allowed=", ".join(KINDS))


def _raw_row(raw: Any, dossier_hex: str) -> Any:
    try:
        return raw.dossier(dossier_hex)
    except (KeyError, NotFoundError):
        return None


def fingerprint(ctx: Context, kind: str, data: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the document's data plus the rubric version hash."""
    return canonical.sha256_hex({"kind": kind, "data": data, "rubric_sha256": ctx.rubric_sha256})


# -- recusals -------------------------------------------------------------------------
@dataclass(frozen=True)
class Recusal:
    judge_id: uuid.UUID
    dossier_id: uuid.UUID
    kind: str
    """``declared`` (with ``reason``) or ``automatic`` (same instansi / unit kerja)."""
    reason: str = ""


def recusals(ctx: Context) -> list[Recusal]:
    """Declared conflicts and the automatic recusals of the event's panel."""
    out: dict[tuple[uuid.UUID, uuid.UUID], Recusal] = {}
    for c in ctx.session.scalars(select(ConflictDeclaration).where(ConflictDeclaration.event_id == ctx.event.id)):
        out[(c.judge_id, c.dossier_id)] = Recusal(c.judge_id, c.dossier_id, "declared", c.reason)
    for judge in ctx.panel():
        for d in ctx.dossiers.values():
            if (judge.id, d.id) not in out and recused(ctx.event, judge, d):
                out[(judge.id, d.id)] = Recusal(judge.id, d.id, "automatic")
    names = {u.id: u.name.lower() for u in ctx.users.values()}
    numbers = {d.id: d.number for d in ctx.dossiers.values()}
    return sorted(out.values(), key=lambda r: (names.get(r.judge_id, ""), numbers.get(r.dossier_id, "")))


__all__ = ["CODES", "Context", "DEFAULT_GROUP_BY", "FINAL", "KINDS", "MINUTES", "PURGE", "RANKING", "RESULT",
           "Recusal", "SHEET", "SheetData", "data_for", "fingerprint", "adjusted_rows", "recompute_fingerprint",
           "recusals"]
