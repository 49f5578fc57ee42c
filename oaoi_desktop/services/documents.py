"""The panel's PDF documents: what each one shows, its number and its fingerprint.

Four kinds (``IssuedDocument.kind``):

* ``sheet`` — *Lembar Penilaian*, one judge's submitted sheet for one dossier
  in one stage (code ``LP``);
* ``result`` — *Lembar Hasil Penilaian*, every judge's scores of one dossier
  side by side with the aggregate, rank, pass/fail, tie-break notes and
  plenary adjustments (code ``LHP``);
* ``ranking`` — *Rekapitulasi dan Peringkat* of one group, or overall (``RP``);
* ``minutes`` — *Berita Acara Hasil Penilaian* (``BA``).

Each document is registered in ``issued_documents`` with a number
``001/LP/<event code>/<year>`` (sequence per event and kind) and a
**fingerprint**: the SHA-256 of the canonical JSON of the score data the
document shows plus the rubric version hash::

    sha256(canonical({"kind": kind, "data": <score data>, "rubric_sha256": <hash>}))

``details`` of the register row says what the data covers (dossier, judge,
stage, grouping, method...), so :func:`recompute_fingerprint` can rebuild the
same data from the database at any later time: when a score, a plenary
decision or (for the minutes) the audit chain changes, the fingerprint does too.
Generating the same document again with the same data reuses its number;
with changed data (or a Berita Acara exported again) it keeps its number with a
revision suffix: ``003/BA/KKM/2026`` then ``003/BA/KKM/2026-R1`` (:func:`register`).

This module gathers data and numbers (SQL); :mod:`oaoi_desktop.reports.documents`
only draws; :func:`signature_slots` reads the empty signature fields of a PDF
(the contract with the signing code is in ``docs/documents.md``).
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.domain.rubric import AggregationMethod, Rubric
from oaoi_desktop.domain.scoring import from_milli, sheet_total
from oaoi_desktop.errors import NotFoundError, ValidationError
from oaoi_desktop.i18n.formats import to_local, zone_of
from oaoi_desktop.services import plenary
from oaoi_desktop.services.audit import Actor, append, chain_for
from oaoi_desktop.services.events import event_rubric, rubric_fingerprint
from oaoi_desktop.services.counted import competing_dossier, counted_sheet
from oaoi_desktop.services.ranking import rank_event_unchecked
from oaoi_desktop.store.models import (
    AuditEntry,
    AuditHead,
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
from oaoi_desktop.services.policy import Action, authorize, authorize_db

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
FIELD_PREFIX = "sig_"
"""Signature fields are named ``sig_<user uuid hex>``."""


# =====================================================================================
# The contract with the signing code
# =====================================================================================
@dataclass(frozen=True)
class SignatureSlot:
    """An empty (or filled) signature field of a document.

    ``page`` is 0-based (as pyHanko's ``SigFieldSpec.on_page``); ``box`` is the
    widget rectangle ``(x1, y1, x2, y2)`` in PDF points from the page's
    lower-left corner; ``user_id`` is the person the field belongs to (None if
    the name is not ``sig_<uuid hex>``).  :func:`signature_slots` lists them in
    signing order: judges first, the chair last.
    """

    field_name: str
    user_id: uuid.UUID | None
    page: int
    box: tuple[float, float, float, float]


def field_name(user_id: uuid.UUID | str) -> str:
    """``sig_<user uuid hex>``."""
    key = user_id if isinstance(user_id, uuid.UUID) else uuid.UUID(str(user_id))
    return FIELD_PREFIX + key.hex


def signature_slots(path: Path | str) -> list[SignatureSlot]:
    """The signature fields of the PDF at ``path``, in the order of the AcroForm (signing order)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    acro = root.get("/AcroForm")
    if acro is None:
        return []
    acro = acro.get_object()
    pages_of: dict[int, int] = {}
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots", None) or []:
            ref = getattr(annot, "idnum", None)
            if ref is not None:
                pages_of[ref] = index
    slots = []
    for ref in acro.get("/Fields", []) or []:
        obj = ref.get_object()
        if obj.get("/FT") != "/Sig":
            continue
        name = str(obj.get("/T", ""))
        widget_ref = ref
        widget = obj
        kids = obj.get("/Kids")
        if "/Rect" not in obj and kids:
            widget_ref = kids[0]
            widget = widget_ref.get_object()
        page = pages_of.get(getattr(widget_ref, "idnum", -1))
        if page is None and "/P" in widget:
            target = widget["/P"].idnum
            page = next((i for i, p in enumerate(reader.pages) if p.indirect_reference
                         and p.indirect_reference.idnum == target), 0)
        rect = tuple(float(v) for v in widget.get("/Rect", [0, 0, 0, 0]))
        x1, y1, x2, y2 = rect
        user: uuid.UUID | None = None
        if name.startswith(FIELD_PREFIX):
            try:
                user = uuid.UUID(hex=name[len(FIELD_PREFIX):])
            except ValueError:
                user = None
        slots.append(SignatureSlot(name, user, page or 0, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))))
    return slots


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
            from oaoi_desktop.services.completeness import dossier_completeness_unchecked

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


def ranking_rows(ctx: Context, stage_id: str | None, group_by: Sequence[str], method: str | None,
                 group: Sequence[str] | None) -> tuple[Any, list[Any]]:
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
        raw, rows = ranking_rows(ctx, stage_id, group_by, method, None)
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
        raw, rows = ranking_rows(ctx, stage_id, group_by, method, group)
        return {
            "stage_id": stage_id, "group_by": list(group_by), "group": group,
            "method": method or ctx.rubric.aggregation.value, "pass_mark": ctx.rubric.pass_mark,
            "rows": [_row_json(_raw_row(raw, r.dossier_id), r) for r in rows],
        }
    if kind == MINUTES:
        raw, rows = ranking_rows(ctx, stage_id, group_by, method, None)
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
        from oaoi_desktop.services.purged import purge_document_data

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
    from oaoi_desktop.services.assignments import recused

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


# =====================================================================================
# Numbers and the register
# =====================================================================================
def document_code(event: Event) -> str:
    """The event's code in document numbers: ``settings["document_code"]``, else its initials."""
    code = str((event.settings or {}).get("document_code") or "").strip()
    if code:
        return code
    words = re.findall(r"[A-Za-z0-9]+", event.name)
    letters = "".join(w[0] for w in words if not w.isdigit()).upper()
    return (letters or "OAOI")[:10]


def document_year(event: Event, today: _dt.date | None = None) -> int:
    if event.starts_on is not None:
        return event.starts_on.year
    return (today or _dt.date.today()).year


VOLATILE_DETAILS = ("date", "place", "audit_seq")
"""Details that change from one export of the same document to the next (not part of its identity)."""
_REVISION = re.compile(r"-R(\d+)$")


def _scope_key(kind: str, details: dict[str, Any], dossier_id: uuid.UUID | None = None,
              judge_id: uuid.UUID | None = None) -> str:
    """What makes two exports "the same document": kind, dossier, judge and the details
    (stage, grouping, method, group) without the volatile ones (day, place, audit entry)."""
    stable = {k: v for k, v in canonical.normalise(details).items() if k not in VOLATILE_DETAILS}
    return canonical.sha256_hex({"kind": kind, "details": stable, "dossier_id": dossier_id, "judge_id": judge_id})


def _revision_of(number: str) -> int:
    """0 for an original number, n for ``...-Rn``."""
    m = _REVISION.search(number)
    return int(m.group(1)) if m else 0


def _base_number(number: str) -> str:
    """The number without its revision suffix."""
    return _REVISION.sub("", number)


def register(ctx: Context, kind: str, details: dict[str, Any], *, fp: str, file_name: str, lang: str,
             actor: Actor, dossier_id: uuid.UUID | None = None, judge_id: uuid.UUID | None = None,
             stage_id: str | None = None) -> IssuedDocument:
    """The register row of this document.

    One number per document (kind and scope: dossier, judge, stage, grouping,
    method, group) and event.  The same document with the same data and
    details again: the existing row (same number).  Changed data, or the
    Berita Acara exported again (a new day, a later audit entry): a revision
    of the same number, ``003/BA/KKM/2026-R1``, ``-R2``...  A document never
    issued before: the next sequence of its kind.
    """
    authorize(ctx.session, actor, Action.DOCUMENTS_ISSUE, event=ctx.event)
    session = ctx.session
    details = canonical.normalise(details)
    for doc in session.scalars(select(IssuedDocument).where(
            IssuedDocument.event_id == ctx.event.id, IssuedDocument.fingerprint == fp,
            IssuedDocument.kind == kind)):
        if doc.details == details and doc.dossier_id == dossier_id and doc.judge_id == judge_id:
            return doc
    scopes_cache = getattr(ctx, "_scopes", None)
    if scopes_cache is None:
        scopes_cache = ctx._scopes = {}  # type: ignore[attr-defined]
    if kind not in scopes_cache:
        index: dict[str, list[IssuedDocument]] = {}
        for doc in session.scalars(select(IssuedDocument).where(
                IssuedDocument.event_id == ctx.event.id, IssuedDocument.kind == kind)):
            index.setdefault(_scope_key(kind, doc.details or {}, doc.dossier_id, doc.judge_id), []).append(doc)
        scopes_cache[kind] = index
    scope = _scope_key(kind, details, dossier_id, judge_id)
    earlier = scopes_cache[kind].get(scope, [])
    if earlier:
        seq = max(d.sequence for d in earlier)
        same = [d for d in earlier if d.sequence == seq]
        base = _base_number(same[0].number)
        revision = max(_revision_of(d.number) for d in same) + 1
        taken = {d.number for docs in scopes_cache[kind].values() for d in docs}
        while f"{base}-R{revision}" in taken:
            revision += 1
        number = f"{base}-R{revision}"
    else:
        seq_cache = getattr(ctx, "_seq", None)
        if seq_cache is None:
            seq_cache = ctx._seq = {}  # type: ignore[attr-defined]
        if kind not in seq_cache:
            seq_cache[kind] = session.scalar(select(func.max(IssuedDocument.sequence)).where(
                IssuedDocument.event_id == ctx.event.id, IssuedDocument.kind == kind)) or 0
        seq_cache[kind] += 1
        seq = seq_cache[kind]
        number = f"{seq:03d}/{CODES[kind]}/{document_code(ctx.event)}/{document_year(ctx.event)}"
    doc = IssuedDocument(id=uuid.uuid4(), event_id=ctx.event.id, kind=kind, number=number, sequence=seq,
                         dossier_id=dossier_id, judge_id=judge_id, stage_id=stage_id, fingerprint=fp,
                         details=details, file_name=file_name, language=lang, created_by=actor.name)
    session.add(doc)
    scopes_cache[kind].setdefault(scope, []).append(doc)
    return doc


def issued_documents(session: Session, event: Event, *, actor: Actor) -> list[IssuedDocument]:
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return list(session.scalars(select(IssuedDocument).where(IssuedDocument.event_id == event.id)
                                .order_by(IssuedDocument.kind, IssuedDocument.sequence)))


def audit_head(session: Session, event: Event) -> tuple[int, str]:
    head = session.get(AuditHead, chain_for(event.id))
    if head is None:
        return 0, ""
    return head.seq, head.hash


# =====================================================================================
# Letterhead (kop surat)
# =====================================================================================
MAX_LOGO_BYTES = 2 * 1024 * 1024


def set_letterhead(db: Any, event_ref: str, *, lines: Sequence[str] | None = None, logo: Path | None = None,
                   code: str | None = None, actor: Actor) -> Event:
    """Store the event's letterhead: logo (PNG/JPEG, in the blob store), lines, document code."""
    authorize_db(db, actor, Action.EVENT_UPDATE, event=event_ref)
    from oaoi_desktop.services.events import event_snapshot, get_event
    from oaoi_desktop.store.blobs import blob_store_for

    logo_sha = None
    if logo is not None:
        logo = Path(logo)
        try:
            data = logo.read_bytes()
        except OSError as exc:
            raise ValidationError("documents.logo_unreadable", path=str(logo), reason=exc.strerror or str(exc)) from exc
        if len(data) > MAX_LOGO_BYTES or not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
            raise ValidationError("documents.logo_unreadable", path=str(logo), reason="PNG/JPEG ≤ 2 MB")
        try:
            from reportlab.lib.utils import ImageReader
            import io

            ImageReader(io.BytesIO(data)).getSize()
        except Exception as exc:  # noqa: BLE001 - any decoder error: the file is not an image we can draw
            raise ValidationError("documents.logo_unreadable", path=str(logo), reason=str(exc)) from exc
    if code is not None:
        code = code.strip()
        if not re.fullmatch(r"[A-Za-z0-9.\-]{1,20}", code):
            raise ValidationError("documents.bad_code", code=code)
    with db.write() as session:
        event = get_event(session, event_ref)
        before = event_snapshot(event)
        settings = dict(event.settings or {})
        head = dict(settings.get("letterhead") or {})
        if logo is not None:
            import io

            logo_sha = blob_store_for(db).put(session, io.BytesIO(data),
                                              "image/png" if data.startswith(b"\x89PNG") else "image/jpeg")
            head["logo_sha256"] = logo_sha
        if lines is not None:
            head["lines"] = [" ".join(x.split()) for x in lines if x.strip()]
        settings["letterhead"] = head
        if code is not None:
            settings["document_code"] = code
        event.settings = settings
        session.flush()
        append(session, actor=actor, action="event.letterhead_set", event_id=event.id, entity_type="event",
               entity_id=event.id, before={"settings": before["settings"]}, after={"settings": settings})
        session.expunge(event)
        return event


def letterhead(db: Any, event: Event) -> Any:
    """The event's :class:`~oaoi_desktop.reports.documents.Letterhead` (organiser and event name by default)."""
    from oaoi_desktop.reports.documents import Letterhead
    from oaoi_desktop.store.blobs import BlobMissing, blob_store_for

    head = (event.settings or {}).get("letterhead") or {}
    lines = tuple(head.get("lines") or [x for x in (event.organiser, event.name) if x])
    logo = None
    sha = head.get("logo_sha256")
    if sha and db is not None:
        try:
            with blob_store_for(db).open(sha) as fh:
                logo = fh.read()
        except (BlobMissing, OSError):
            logo = None
    return Letterhead(lines=lines, logo=logo)


# =====================================================================================
# Export: prepare (numbers, data) then draw (in worker processes for big batches)
# =====================================================================================
PAPER_CHOICES = ("a4", "f4")
EXPORT_KINDS = {"sheets": SHEET, "results": RESULT, "ranking": RANKING, "minutes": MINUTES}


@dataclass(frozen=True)
class ExportOptions:
    lang: str = "id"
    paper: str = "a4"
    stage_id: str | None = None
    group_by: tuple[str, ...] = DEFAULT_GROUP_BY
    method: str | None = None
    day: _dt.date | None = None
    """The Berita Acara's date (default: today)."""
    place: str | None = None
    """The Berita Acara's place (default: the event's venue)."""


def file_slug(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return text[:60] or "x"


def _check_options(ctx: Context, options: ExportOptions) -> None:
    from oaoi_desktop.services.dossiers import GROUPABLE_FIELDS

    if options.paper not in PAPER_CHOICES:
        raise ValidationError("documents.bad_paper", paper=options.paper, allowed=", ".join(PAPER_CHOICES))
    if options.lang not in ("id", "en"):
        raise ValidationError("documents.bad_lang", lang=options.lang)
    if options.stage_id is not None:
        try:
            ctx.rubric.stage(options.stage_id)
        except KeyError:
            raise ValidationError("assign.unknown_stage", stage=options.stage_id) from None
    for f in options.group_by:
        if f not in GROUPABLE_FIELDS:
            raise ValidationError("rank.unknown_group_field", field=f, allowed=", ".join(GROUPABLE_FIELDS))
    if options.method is not None:
        try:
            AggregationMethod(options.method)
        except ValueError:
            raise ValidationError("documents.bad_method", method=options.method,
                                  allowed=", ".join(m.value for m in AggregationMethod)) from None


def prepare(db: Any, event_ref: str, kinds: Sequence[str], options: ExportOptions, *, actor: Actor,
            now: _dt.datetime | None = None) -> list[Any]:
    """Gather, number and register the documents of ``kinds`` (``sheet``, ``result``, ...);
    returns their :class:`~oaoi_desktop.reports.documents.Document` descriptions, ready to draw."""
    authorize_db(db, actor, Action.DOCUMENTS_ISSUE, event=event_ref)
    from oaoi_desktop.reports import content
    from oaoi_desktop.reports.documents import Document
    from oaoi_desktop.services.events import get_event

    for kind in kinds:
        if kind not in KINDS:
            raise ValidationError("documents.unknown_kind", kind=kind, allowed=", ".join(KINDS))
    now = now or _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    lang = options.lang
    docs: list[Document] = []
    with db.write() as session:
        event = get_event(session, event_ref)
        # one numbering at a time per event (PostgreSQL; SQLite's write lock already serialises)
        session.execute(select(Event.id).where(Event.id == event.id).with_for_update())
        ctx = Context(session, event)
        _check_options(ctx, options)
        if not ctx.sheets:
            raise ValidationError("documents.no_scores", event=event.name)
        head = letterhead(db, event)
        seq, head_hash = audit_head(session, event)
        group_by = list(options.group_by)
        stage_id = options.stage_id

        def make(kind: str, details: dict[str, Any], file_stem: str, title_extra: str, body: Any, signers: Any,
                 *, dossier_id: uuid.UUID | None = None, judge_id: uuid.UUID | None = None,
                 sheet_stage: str | None = None, intro: str = "", annex: Any = (),
                 audit: tuple[int, str] | None = None, state_digest: str = "") -> None:
            data = data_for(ctx, kind, details)
            fp = fingerprint(ctx, kind, data)
            file_name = f"{CODES[kind]}-{file_slug(file_stem)}.pdf"
            row = register(ctx, kind, details, fp=fp, file_name=file_name, lang=lang, actor=actor,
                           dossier_id=dossier_id, judge_id=judge_id, stage_id=sheet_stage)
            docs.append(Document(
                kind=kind, number=row.number, lang=lang, paper=options.paper, event_id=str(event.id),
                event_name=event.name, title=i18n_title(kind, lang), subtitle=title_extra, fingerprint=fp,
                rubric_sha256=ctx.rubric_sha256, generated_at=now, file_name=file_name, letterhead=head,
                body=body, signers=signers, signature_intro=intro, audit=audit, annex=annex,
                state_digest=state_digest, timezone=zone_of(event)))

        if SHEET in kinds:
            stage_order = {st.id: i for i, st in enumerate(ctx.rubric.stages)}
            ordered = sorted(ctx.sheets, key=lambda x: (ctx.dossiers[x.dossier_id].number, stage_order.get(x.stage_id, 0),
                                                        ctx.users[x.judge_id].name.lower()))
            for sd in ordered:
                if stage_id is not None and sd.stage_id != stage_id:
                    continue
                number, body, signers = content.sheet_body(ctx, sd, lang)
                judge = ctx.users[sd.judge_id]
                stem = f"{number}-{judge.name}" + (f"-{sd.stage_id}" if len(ctx.rubric.stages) > 1 else "")
                make(SHEET, {"dossier_id": sd.dossier_id, "judge_id": sd.judge_id, "stage_id": sd.stage_id},
                     stem, f"{number} — {judge.name}", body, signers, dossier_id=sd.dossier_id,
                     judge_id=sd.judge_id, sheet_stage=sd.stage_id)
        if RESULT in kinds:
            scored = {s.dossier_id for s in ctx.sheets if stage_id is None or s.stage_id == stage_id}
            for d in ctx.dossiers.values():
                if d.id not in scored:
                    continue
                details = {"dossier_id": d.id, "stage_id": stage_id, "group_by": group_by, "method": options.method}
                number, body, signers = content.result_body(ctx, d.id, stage_id, group_by, options.method, lang)
                make(RESULT, details, number, f"{d.number} — {d.title}", body, signers, dossier_id=d.id,
                     sheet_stage=stage_id)
        if RANKING in kinds:
            raw, rows = ctx.ranking(stage_id, group_by, options.method)
            groups = list(dict.fromkeys(tuple(r.group) for r in rows))
            scopes: list[tuple[list[str], list[str] | None]] = []
            if group_by and groups:
                scopes += [(group_by, list(g)) for g in groups]
            scopes.append(([], None) if group_by else (group_by, None))
            for gb, group in scopes:
                details = {"stage_id": stage_id, "group_by": gb, "method": options.method, "group": group}
                subtitle, body, signers = content.ranking_body(ctx, stage_id, gb, options.method, group, lang)
                stem = "-".join(group) if group else ("semua" if lang == "id" else "overall")
                make(RANKING, details, stem, subtitle, body, signers, sheet_stage=stage_id)
        if MINUTES in kinds:
            day = options.day or to_local(now, zone_of(event)).date()
            place = options.place if options.place is not None else event.venue
            details = {"stage_id": stage_id, "group_by": group_by, "method": options.method, "date": day,
                       "place": place, "audit_seq": seq}
            subtitle, body, signers, intro, annex = content.minutes_body(ctx, stage_id, group_by, options.method,
                                                                         day, place, lang)
            make(MINUTES, details, document_code(event), subtitle, body, signers, intro=intro, annex=annex,
                 sheet_stage=stage_id, audit=(seq, head_hash), state_digest=_state_digest(session, event))
        session.flush()
        append(session, actor=actor, action="documents.issued", event_id=event.id, entity_type="event",
               entity_id=event.id, after={"documents": [{"number": d.number, "kind": d.kind,
                                                          "fingerprint": d.fingerprint} for d in docs],
                                          # the digest the Berita Acara prints, kept in the chain too
                                          **{"state_digest": d.state_digest for d in docs if d.state_digest}})
    return docs


def _state_digest(session: Session, event: Event) -> str:
    """The result state digest the Berita Acara prints beside the chain head (``oaoi audit verify --digest``)."""
    from oaoi_desktop.services.audit_state import event_digest

    return event_digest(session, event)


def i18n_title(kind: str, lang: str) -> str:
    from oaoi_desktop import i18n

    return i18n.render(f"documents.title.{kind}", lang)


def check_folder(folder: Path) -> Path:
    """Create ``folder`` if needed and make sure a file can be written there."""
    from oaoi_desktop.files import prepare_out_folder, sweep_stale_parts

    folder = Path(folder)
    if not folder.exists() and not folder.parent.exists():
        prepare_out_folder(folder)  # a missing parent (an unmounted stick) is refused, not created
    try:
        folder.mkdir(exist_ok=True)  # only the last level
        sweep_stale_parts(folder)
        probe = folder / f".oaoi-write-test-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ValidationError("documents.bad_folder", path=str(folder), reason=exc.strerror or str(exc)) from exc
    return folder


def _draw_to(doc: Any, path: str) -> str:
    """Worker: draw one document to ``path`` (a temporary name)."""
    from oaoi_desktop.reports.documents import render_pdf

    data = render_pdf(doc)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def _draw_many(items: list[tuple[Any, str]]) -> list[str]:
    return [_draw_to(doc, path) for doc, path in items]


class Cancelled(Exception):
    """The export was cancelled; nothing was left under a final name."""


def write_documents(docs: Sequence[Any], folder: Path, *, progress: Any = None, cancelled: Any = None,
                    workers: int | None = None) -> list[Path]:
    """Draw ``docs`` into ``folder``: each to a temporary name, all renamed at the end.

    ``progress(done, total)`` is called as documents are drawn; ``cancelled()``
    returning true stops the batch, removes the temporary files and raises
    :class:`Cancelled` — no file is left under a final name.  Big batches are
    drawn in worker processes (``workers``, default: the machine's cores, at most 4).
    """
    import os
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    import multiprocessing

    folder = check_folder(folder)
    total = len(docs)
    names: dict[str, int] = {}
    finals: list[Path] = []
    for doc in docs:
        name = doc.file_name
        if name in names:
            names[name] += 1
            stem, dot, ext = name.rpartition(".")
            name = f"{stem}-{names[doc.file_name]}.{ext}"
        else:
            names[name] = 1
        finals.append(folder / name)
    temps = [p.with_name(f".{p.name}.{uuid.uuid4().hex[:8]}.part") for p in finals]
    done = 0
    is_cancelled = cancelled or (lambda: False)

    def report() -> None:
        if progress is not None:
            progress(done, total)

    def cleanup() -> None:
        for t in temps:
            try:
                t.unlink(missing_ok=True)
            except OSError:
                pass

    workers = workers if workers is not None else min(4, os.cpu_count() or 1)
    try:
        report()
        if workers <= 1 or total < 8:
            for doc, tmp in zip(docs, temps):
                if is_cancelled():
                    raise Cancelled()
                _draw_to(doc, str(tmp))
                done += 1
                report()
        else:
            chunk = max(1, min(20, total // (workers * 8) or 1))
            items = list(zip(docs, [str(t) for t in temps]))
            batches = [items[i:i + chunk] for i in range(0, total, chunk)]
            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                pending = set()
                it = iter(batches)
                for batch in it:
                    pending.add(pool.submit(_draw_many, batch))
                    if len(pending) >= workers * 2:
                        break
                while pending:
                    finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    for f in finished:
                        done += len(f.result())
                        report()
                    if is_cancelled():
                        for f in pending:
                            f.cancel()
                        wait(pending)
                        raise Cancelled()
                    for batch in it:
                        pending.add(pool.submit(_draw_many, batch))
                        if len(pending) >= workers * 2:
                            break
        if is_cancelled():
            raise Cancelled()
        for tmp, final in zip(temps, finals):
            os.replace(tmp, final)
    except OSError as exc:
        cleanup()
        raise ValidationError("documents.bad_folder", path=str(folder), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        cleanup()
        raise
    return finals


__all__ = [
    "CODES", "Context", "KINDS", "MINUTES", "RANKING", "RESULT", "SHEET", "SignatureSlot", "audit_head",
    "data_for", "document_code", "field_name", "fingerprint", "issued_documents", "recompute_fingerprint",
    "recusals", "register", "signature_slots", "Cancelled", "ExportOptions", "EXPORT_KINDS", "PAPER_CHOICES",
    "check_folder", "letterhead", "prepare", "set_letterhead", "write_documents",
]
