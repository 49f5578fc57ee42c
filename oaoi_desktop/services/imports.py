"""Importing dossier packages from a USB stick (``oaoi import``, "Impor dari USB").

:func:`import_paths` finds the dossiers under the chosen paths
(:func:`oaoi_desktop.intake.sources.scan`) and imports each in **its own
transaction** — all of it or none of it; one bad dossier never blocks the
others.  Per dossier the outcome is *imported*, *unchanged* (identical to the
current revision: nothing is written, no audit entry), *updated* (a new
revision; the old one and its attachments stay, scores stay with the
revision they were given to) or *rejected* (with every problem).

The pipeline overlaps reading and writing: worker threads read the next
dossiers from the stick — copying each attachment into the blob store's
staging folder while hashing it, sniffing its magic bytes and counting its
size, then checking that PDFs open — while the calling thread commits the
current dossier.  Memory stays flat: files stream through one chunk buffer
per worker.  At most ``workers + 1`` dossiers are staged at any time.

Cancel (a ``threading.Event``) is honoured between chunks and between files:
the dossier in flight rolls back, its staged and newly placed files are
removed, and the report says *cancelled*.  Progress is reported from the
calling thread (so a Qt worker can emit a signal from it).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import os
import threading
import time
import uuid
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import NotFoundError, OaoiError
from oaoi_desktop.intake import document as docmod
from oaoi_desktop.intake import sniff
from oaoi_desktop.intake.findings import Finding, Severity, error
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.sources import DOCUMENT_NAME, Candidate, scan
from oaoi_desktop.services import events
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.store.blobs import BlobStore, BlobTooLarge, Cancelled, StagedBlob, blob_store_for
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, Dossier, DossierRevision, Event, utcnow

log = logging.getLogger(__name__)

REPORT_COLUMNS = ("source", "number", "title", "outcome", "severity", "file", "field", "message")
SOURCE_MAX = 1000


class Outcome(str, Enum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ItemReport:
    """What happened to one dossier (or to a path that held none)."""

    source: str
    """Where it came from (``KIPP/usulan-01.zip``, ``KIPP/dossiers.xlsx:5``)."""
    outcome: Outcome
    number: str = ""
    title: str = ""
    findings: tuple[Finding, ...] = ()
    dossier_id: uuid.UUID | None = None
    revision: int | None = None
    attachments: int = 0
    bytes: int = 0

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.is_error)


@dataclass(frozen=True)
class ImportProgress:
    """A snapshot for a progress bar; sent from the thread running the import."""

    dossiers_done: int
    dossiers_total: int
    current: str
    """The file being read (or the dossier being stored)."""
    bytes_done: int
    bytes_total: int
    """An estimate from the scan (sizes of the files in the packages)."""
    elapsed: float
    phase: str = "reading"
    """``reading`` (copying and checking files from the stick) or ``storing``
    (committing a dossier; ``current`` is the file being placed)."""

    @property
    def mb_per_s(self) -> float:
        return self.bytes_done / 1_048_576 / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def fraction(self) -> float:
        """0..1 for a progress bar (bytes when known, else dossiers)."""
        if self.dossiers_total <= 0 or self.dossiers_done >= self.dossiers_total:
            return 1.0
        if self.bytes_total > 0:
            return min(1.0, self.bytes_done / self.bytes_total)
        return self.dossiers_done / self.dossiers_total


@dataclass(frozen=True)
class ImportReport:
    event_id: uuid.UUID
    items: tuple[ItemReport, ...]
    cancelled: bool = False
    not_processed: tuple[str, ...] = ()
    """Sources not imported because the import was cancelled."""
    elapsed: float = 0.0
    bytes_read: int = 0

    def count(self, outcome: Outcome) -> int:
        return sum(1 for i in self.items if i.outcome is outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {o.value: self.count(o) for o in Outcome}

    @property
    def has_rejections(self) -> bool:
        return any(i.outcome is Outcome.REJECTED for i in self.items)

    @property
    def warnings(self) -> int:
        return sum(len(i.warnings) for i in self.items)

    def rows(self, lang: str | None = None) -> list[dict[str, str]]:
        """One row per finding, one row for a clean item (stable English keys)."""
        out: list[dict[str, str]] = []
        for item in self.items:
            base = {"source": item.source, "number": item.number, "title": item.title,
                    "outcome": item.outcome.value}
            if not item.findings:
                out.append({**base, "severity": "", "file": "", "field": "", "message": ""})
            for f in item.findings:
                line = f":{f.line}" if f.line else ""
                out.append({**base, "severity": f.severity.value, "file": f.file + line, "field": f.field,
                            "message": f.message(lang)})
        for source in self.not_processed:
            out.append({"source": source, "number": "", "title": "", "outcome": "not_processed",
                        "severity": "", "file": "", "field": "", "message": ""})
        return out

    def csv_text(self, lang: str | None = None) -> str:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(REPORT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows(lang))
        return buf.getvalue()

    def write_csv(self, path: Path, lang: str | None = None) -> None:
        """Write the CSV report (UTF-8) to a temporary name, then rename it."""
        path = Path(path)
        temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            with open(temp, "w", encoding="utf-8", newline="") as fh:
                fh.write(self.csv_text(lang))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, path)
        except BaseException:
            try:
                temp.unlink()
            except OSError:
                pass
            raise


class _CancelLike(Protocol):
    def is_set(self) -> bool: ...


class _Either:
    """Set when either event is set (the caller's cancel or our own stop)."""

    def __init__(self, *events: _CancelLike | None) -> None:
        self._events = [e for e in events if e is not None]

    def is_set(self) -> bool:
        return any(e.is_set() for e in self._events)


@dataclass
class _File:
    spec: docmod.AttachmentSpec
    staged: StagedBlob
    media_type: str


@dataclass
class _Prepared:
    candidate: Candidate
    findings: list[Finding] = field(default_factory=list)
    document: docmod.DossierDocument | None = None
    files: list[_File] = field(default_factory=list)
    bytes: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.document is not None and not any(f.is_error for f in self.findings)


class _Counters:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bytes = 0
        self.current = ""

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n

    def at(self, label: str) -> None:
        with self.lock:
            self.current = label


class _Importer:
    def __init__(self, db: Database, event: _EventRef, *, actor: Actor, store: BlobStore, limits: Limits,
                 progress: Callable[[ImportProgress], None] | None, cancel: _CancelLike | None,
                 workers: int, today: dt.date | None) -> None:
        self.db = db
        self.event_id = event.id
        self.event_name = event.name
        self.actor = actor
        self.store = store
        self.limits = limits
        self.progress = progress
        self.user_cancel = cancel
        self.stop = threading.Event()
        self.cancel = _Either(cancel, self.stop)
        self.workers = max(1, workers)
        self.today = today
        self.counters = _Counters()
        self.started = time.monotonic()
        self.last_emit = 0.0
        self.totals = (0, 0, 0)

    # -- progress --------------------------------------------------------------
    def emit(self, done: int, total: int, bytes_total: int, *, force: bool = False, phase: str = "reading") -> None:
        self.totals = (done, total, bytes_total)
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self.last_emit < 0.1:
            return
        self.last_emit = now
        with self.counters.lock:
            snapshot = ImportProgress(done, total, self.counters.current, self.counters.bytes, bytes_total,
                                      now - self.started, phase)
        self.progress(snapshot)

    # -- reading (worker threads) ----------------------------------------------
    def prepare(self, candidate: Candidate) -> _Prepared:
        prep = _Prepared(candidate, findings=list(candidate.findings))
        try:
            self._prepare(prep)
        except Cancelled:
            prep.cancelled = True
        except Exception as exc:  # noqa: BLE001 - never let one dossier stop the batch
            log.exception("preparing %s failed", candidate.label)
            prep.findings.append(error(candidate.label, "", "import.internal_error",
                                       reason=f"{type(exc).__name__}: {exc}"[:300]))
        finally:
            if candidate.package is not None:
                try:
                    candidate.package.close()
                except Exception:  # noqa: BLE001
                    pass
        if prep.cancelled or not prep.ok:
            self.discard(prep)
        return prep

    def _prepare(self, prep: _Prepared) -> None:
        cand = prep.candidate
        limits = self.limits
        package = cand.package
        value = cand.document
        if package is None or (value is None and any(f.is_error for f in prep.findings)):
            return
        doc_file = cand.document_file
        if value is None:
            self.counters.at(cand.document_file)
            member, found = package.resolve(DOCUMENT_NAME)
            prep.findings.extend(found)
            if member is None:
                return
            doc_file = member.display
            if member.size > limits.max_document_bytes:
                prep.findings.append(error(doc_file, "", "intake.file_too_large", path=member.path,
                                           size=_mb(member.size), limit=_mb(limits.max_document_bytes)))
                return
            try:
                with package.open_member(member) as fh:
                    raw = fh.read(limits.max_document_bytes + 1)
            except READ_ERRORS as exc:
                prep.findings.append(error(doc_file, "", "intake.file_unreadable", path=member.path,
                                           reason=_reason(exc)))
                return
            self.counters.add(len(raw))
            if len(raw) > limits.max_document_bytes:
                prep.findings.append(error(doc_file, "", "intake.file_too_large", path=member.path,
                                           size=_mb(len(raw)), limit=_mb(limits.max_document_bytes)))
                return
            value, found = docmod.parse(raw, doc_file)
            prep.findings.extend(found)
            if found:
                return
        doc, found = docmod.validate(value, doc_file, limits, field_label=cand.field_label, today=self.today)
        prep.findings.extend(found)
        prep.document = doc
        if doc is None:
            return
        label = cand.field_label or (lambda k: k)
        for spec in doc.attachments:
            if self.cancel.is_set():
                raise Cancelled()
            valid_so_far = not any(f.is_error for f in prep.findings)
            field_name = label(spec.key_path + ".path")
            member, found = package.resolve(spec.path)
            prep.findings.extend(_with_field(found, field_name))
            if member is None:
                continue
            claimed = sniff.claimed_type(spec.path) or ""
            if member.size > limits.max_file_bytes:
                prep.findings.append(error(member.display, field_name, "intake.file_too_large", path=spec.path,
                                           size=_mb(member.size), limit=_mb(limits.max_file_bytes)))
                continue
            self.counters.at(member.display)
            if not valid_so_far:
                # The dossier is rejected anyway: look at the first bytes only.
                try:
                    with package.open_member(member) as fh:
                        head = fh.read(sniff.HEAD_BYTES)
                except READ_ERRORS as exc:
                    prep.findings.append(error(member.display, field_name, "intake.file_unreadable",
                                               path=spec.path, reason=_reason(exc)))
                    continue
                self._check_type(prep, member.display, field_name, spec.path, claimed, head, len(head))
                continue
            try:
                with package.open_member(member) as fh:
                    staged = self.store.stage(fh, max_bytes=limits.max_file_bytes, chunk_bytes=limits.chunk_bytes,
                                              on_bytes=self.counters.add, cancel=self.cancel, sync=False)
            except BlobTooLarge as exc:
                prep.findings.append(error(member.display, field_name, "intake.file_too_large", path=spec.path,
                                           size=_mb(exc.size), limit=_mb(exc.limit)))
                continue
            except READ_ERRORS as exc:
                prep.findings.append(error(member.display, field_name, "intake.file_unreadable", path=spec.path,
                                           reason=_reason(exc)))
                continue
            prep.bytes += staged.size
            if member.size and staged.size != member.size:
                # The file changed (or the stick went away) while it was read.
                self.store.discard(staged)
                prep.findings.append(error(member.display, field_name, "intake.file_changed", path=spec.path,
                                           expected=member.size, got=staged.size))
                continue
            if not self._check_type(prep, member.display, field_name, spec.path, claimed, staged.head, staged.size):
                self.store.discard(staged)
                continue
            known = self.store.exists(staged.sha256)  # stored before: checked then, nothing to sync
            if claimed == "application/pdf" and not known:
                result = sniff.check_pdf(staged.temp_path, repair_limit=limits.pdf_repair_bytes)
                if not result.ok:
                    self.store.discard(staged)
                    prep.findings.append(error(member.display, field_name, "intake.pdf_broken", path=spec.path,
                                               reason=result.reason))
                    continue
            if not known:
                try:
                    self.store.sync_staged(staged)
                except OSError as exc:
                    self.store.discard(staged)
                    prep.findings.append(error(member.display, field_name, "import.store_failed",
                                               reason=_reason(exc)))
                    continue
            prep.files.append(_File(spec, staged, claimed))

    def _check_type(self, prep: _Prepared, display: str, field_name: str, path: str, claimed: str,
                    head: bytes, size: int) -> bool:
        if size == 0:
            prep.findings.append(error(display, field_name, "intake.file_empty", path=path))
            return False
        actual = sniff.sniff(head)
        if actual != claimed:
            prep.findings.append(error(display, field_name, "intake.content_mismatch", path=path,
                                       claimed=sniff.describe(claimed),
                                       actual=sniff.describe(actual) if actual else "?"))
            return False
        return True

    def discard(self, prep: _Prepared) -> None:
        for f in prep.files:
            self.store.discard(f.staged)
        prep.files = []

    # -- writing (calling thread) ------------------------------------------------
    def commit(self, prep: _Prepared, seen: dict[str, str]) -> ItemReport:
        cand = prep.candidate
        doc = prep.document
        if not prep.ok or doc is None:
            self.discard(prep)
            return ItemReport(cand.label, Outcome.REJECTED, number=doc.number if doc else "",
                              title=doc.title if doc else "", findings=tuple(prep.findings), bytes=prep.bytes)
        number = doc.number
        if number in seen:
            self.discard(prep)
            label = cand.field_label or (lambda k: k)
            findings = (*prep.findings, error(cand.document_file, label("id"), "import.duplicate_in_batch",
                                              number=number, first=seen[number]))
            return ItemReport(cand.label, Outcome.REJECTED, number=number, title=doc.title, findings=findings,
                              bytes=prep.bytes)
        seen[number] = cand.label
        n_files = len(prep.files)
        by_path = {f.spec.path: f for f in prep.files}
        content = dict(doc.data)
        content["attachments"] = [
            {**a, "sha256": by_path[a["path"]].staged.sha256, "size": by_path[a["path"]].staged.size,
             "media_type": by_path[a["path"]].media_type}
            for a in doc.data.get("attachments", [])
        ]
        content = canonical.normalise(content)
        digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                                           allow_nan=False).encode("utf-8")).hexdigest()
        outcome, dossier_id, revision = self._write(prep, number, content, digest, cand.label[:SOURCE_MAX])
        return ItemReport(cand.label, outcome, number=number, title=doc.title, findings=tuple(prep.findings),
                          dossier_id=dossier_id, revision=revision, attachments=n_files, bytes=prep.bytes)

    def _before_each(self, prep: _Prepared) -> Callable[[StagedBlob], None]:
        package = prep.candidate.package
        names = {f.staged.sha256: f.spec.path for f in prep.files}

        def check(staged: StagedBlob) -> None:
            if self.cancel.is_set():
                raise Cancelled()
            path = names.get(staged.sha256, "")
            self.counters.at(package.display(path) if package else path)
            done, total, bytes_total = self.totals
            self.emit(done, total, bytes_total, force=True, phase="storing")

        return check

    def _write(self, prep: _Prepared, number: str, content: dict[str, Any], digest: str,
               source: str) -> tuple[Outcome, uuid.UUID, int]:
        """One transaction: the blobs, the dossier (or its new revision), its attachments, the audit entry."""
        doc = prep.document
        assert doc is not None
        data = doc.data
        placed: list[str] = []
        items = [(f.staged, f.media_type) for f in prep.files]
        try:
            with self.db.write() as s:
                current = s.execute(_CURRENT, {"event_id": self.event_id, "number": number}).first()
                if current is not None and current.sha256 == digest:
                    # Unchanged.  Put back content the store lost (deleted by hand), if any.
                    missing = [(st, m) for st, m in items if not self.store.exists(st.sha256)]
                    if missing:
                        placed = self.store.store_all(s, missing, before_each=self._before_each(prep))
                    return Outcome.UNCHANGED, current.id, current.current_revision
                try:
                    placed = self.store.store_all(s, items, before_each=self._before_each(prep))
                finally:
                    placed = list(self.store.last_placed)
                if self.cancel.is_set():
                    raise Cancelled()
                fields = {
                    "title": " ".join(data["title"].split()),
                    "instansi": data.get("instansi", ""),
                    "unit_kerja": data.get("unit_kerja", ""),
                    "klaster": data.get("klaster", ""),
                    "kelompok": data.get("kelompok", ""),
                    "kategori": data.get("kategori", ""),
                }
                if current is None:
                    dossier_id = uuid.uuid4()
                    revision = 1
                    s.execute(insert(Dossier).values(id=dossier_id, event_id=self.event_id, number=number,
                                                     current_revision=revision, created_at=utcnow(), **fields))
                    before = None
                    action = "dossier.imported"
                    outcome = Outcome.IMPORTED
                else:
                    dossier_id = current.id
                    revision = current.current_revision + 1
                    before = {**_snapshot(current, number), "sha256": current.sha256, "source": current.source}
                    s.execute(update(Dossier).where(Dossier.id == dossier_id)
                              .values(current_revision=revision, **fields))
                    action = "dossier.updated"
                    outcome = Outcome.UPDATED
                s.execute(insert(DossierRevision).values(id=uuid.uuid4(), dossier_id=dossier_id, revision=revision,
                                                         content=content, sha256=digest, source=source,
                                                         imported_at=utcnow()))
                rows = [
                    {"id": uuid.uuid4(), "dossier_id": dossier_id, "revision": revision, "path": a["path"],
                     "kind": a["kind"], "title": a.get("title", ""), "media_type": a["media_type"],
                     "size": a["size"], "sha256": a["sha256"]}
                    for a in content.get("attachments", [])
                ]
                if rows:
                    s.execute(insert(Attachment), rows)
                after = {"id": dossier_id, "number": number, **fields, "revision": revision}
                append(s, actor=self.actor, action=action, event_id=self.event_id, entity_type="dossier",
                       entity_id=dossier_id, before=before,
                       after={**after, "sha256": digest, "source": source,
                              "attachments": _attachment_digest(content)})
                return outcome, dossier_id, revision
        except BaseException:
            self.store.forget(placed)
            raise
        finally:
            self.discard(prep)

    # -- the loop ------------------------------------------------------------------
    def run(self, candidates: Sequence[Candidate]) -> ImportReport:
        total = len(candidates)
        bytes_total = sum(c.size_hint for c in candidates)
        items: list[ItemReport] = []
        seen: dict[str, str] = {}
        cancelled = False
        next_index = 0
        window: deque[tuple[int, Future[_Prepared]]] = deque()
        first_unfinished = 0
        try:
            self.store.sweep()
        except Exception:  # noqa: BLE001 - housekeeping must not stop an import
            log.exception("sweeping the blob store failed")
        self.emit(0, total, bytes_total, force=True)
        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="oaoi-import")
        try:
            while first_unfinished < total:
                while next_index < total and len(window) < self.workers + 1 and not self.cancel.is_set():
                    window.append((next_index, pool.submit(self.prepare, candidates[next_index])))
                    next_index += 1
                if self.cancel.is_set() or not window:
                    cancelled = self.cancel.is_set()
                    break
                _index, future = window[0]
                while True:
                    try:
                        prep = future.result(timeout=0.1)
                        break
                    except FutureTimeout:
                        self.emit(len(items), total, bytes_total)
                window.popleft()
                if prep.cancelled:
                    cancelled = True
                    break
                self.counters.at(prep.candidate.label)
                try:
                    item = self.commit(prep, seen)
                except Cancelled:
                    cancelled = True
                    break
                except (OaoiError, SQLAlchemyError, OSError) as exc:
                    log.warning("storing %s failed: %s", prep.candidate.label, exc)
                    reason = exc.render() if isinstance(exc, OaoiError) else f"{type(exc).__name__}: {exc}"
                    item = ItemReport(prep.candidate.label, Outcome.REJECTED,
                                      number=prep.document.number if prep.document else "",
                                      findings=(*prep.findings, error(prep.candidate.label, "",
                                                                      "import.store_failed", reason=reason[:300])))
                items.append(item)
                first_unfinished += 1
                self.emit(len(items), total, bytes_total, force=True)
        finally:
            self.stop.set()
            try:
                self.store.flush()
            except OSError:
                log.exception("syncing the attachment store failed")
            for _i, future in window:
                try:
                    prep = future.result()
                except Exception:  # noqa: BLE001
                    continue
                self.discard(prep)
            pool.shutdown(wait=True)
        not_processed = tuple(c.label for c in candidates[first_unfinished:]) if cancelled else ()
        self.emit(len(items), total, bytes_total, force=True)
        return ImportReport(self.event_id, tuple(items), cancelled=cancelled, not_processed=not_processed,
                            elapsed=time.monotonic() - self.started, bytes_read=self.counters.bytes)


_CURRENT = (
    select(Dossier.id, Dossier.title, Dossier.instansi, Dossier.unit_kerja, Dossier.klaster, Dossier.kelompok,
           Dossier.kategori, Dossier.current_revision, DossierRevision.sha256, DossierRevision.source)
    .join(DossierRevision, (DossierRevision.dossier_id == Dossier.id)
          & (DossierRevision.revision == Dossier.current_revision))
    .where(Dossier.event_id == bindparam("event_id"), Dossier.number == bindparam("number"))
)


def _snapshot(row: Any, number: str) -> dict[str, Any]:
    """What :func:`dossiers.dossier_snapshot` records, from a :data:`_CURRENT` row."""
    return {"id": row.id, "number": number, "title": row.title, "instansi": row.instansi,
            "unit_kerja": row.unit_kerja, "klaster": row.klaster, "kelompok": row.kelompok,
            "kategori": row.kategori, "revision": row.current_revision}


def _attachment_digest(content: dict[str, Any]) -> list[dict[str, str]]:
    return [{"path": a["path"], "sha256": a["sha256"]} for a in content.get("attachments", [])]


def _with_field(findings: list[Finding], field_name: str) -> list[Finding]:
    return [Finding(f.severity, f.file, f.field or field_name, f.message_id, f.params, f.line) for f in findings]


READ_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)
"""What reading a file from a stick or a ZIP may raise: a damaged or vanished file."""


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f}"


@dataclass(frozen=True)
class _EventRef:
    id: uuid.UUID
    name: str


def _resolve_event(db: Database, event: Event | _EventRef | uuid.UUID | str) -> _EventRef:
    if isinstance(event, _EventRef):
        return event
    ref = str(event.id) if isinstance(event, Event) else str(event)
    with db.read() as s:
        found = events.get_event(s, ref)
        return _EventRef(found.id, found.name)


def import_candidates(
    db: Database,
    event: Event | uuid.UUID | str,
    candidates: Sequence[Candidate],
    *,
    actor: Actor,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
    limits: Limits | None = None,
    store: BlobStore | None = None,
    workers: int = 1,
    today: dt.date | None = None,
) -> ImportReport:
    """Import already-scanned candidates (see :func:`import_paths`)."""
    ev = _resolve_event(db, event)
    importer = _Importer(db, ev, actor=actor, store=store or blob_store_for(db), limits=limits or Limits(),
                         progress=progress, cancel=cancel, workers=workers, today=today)
    return importer.run(candidates)


def import_paths(
    db: Database,
    event: Event | uuid.UUID | str,
    paths: Sequence[str | os.PathLike[str]],
    *,
    actor: Actor,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
    limits: Limits | None = None,
    store: BlobStore | None = None,
    workers: int = 1,
    today: dt.date | None = None,
) -> ImportReport:
    """Import the dossiers under ``paths`` into ``event``; never raises for bad input.

    ``event`` is an :class:`Event`, its id or its name.  Raises
    :class:`NotFoundError` only when the event is unknown or none of the
    paths exists (nothing could be done at all); every other problem is in
    the report.  Opens its own sessions: call it from a worker thread.
    """
    ev = _resolve_event(db, event)
    if paths and not any(os.path.lexists(p) for p in paths):
        raise NotFoundError("import.no_paths", paths=", ".join(str(p) for p in paths))
    limits = limits or Limits()
    candidates = scan(paths, limits)
    return import_candidates(db, ev, candidates, actor=actor, progress=progress, cancel=cancel, limits=limits,
                             store=store, workers=workers, today=today)


__all__ = [
    "Outcome", "ItemReport", "ImportProgress", "ImportReport", "REPORT_COLUMNS",
    "import_paths", "import_candidates", "Limits", "Severity",
]
