"""Importing dossier packages from a USB stick (``oaoi import``, "Impor dari USB").

:func:`import_paths` finds the dossiers under the chosen paths
(:func:`oaoi_desktop.intake.sources.scan`) and imports each in **its own
transaction** — all of it or none of it; one bad dossier never blocks the
others.  Per dossier the outcome is *imported*, *unchanged* (identical to the
current revision: nothing is written, no audit entry), *updated* (a new
revision; the old one and its attachments stay, scores stay with the
revision they were given to) or *rejected* (with every problem).

The pipeline overlaps reading and writing.  Readers
(:mod:`.import_reader`) take the next dossiers from the stick — copying
each attachment into this run's staging folder while hashing it, sniffing
its magic bytes and counting its size, checking that PDFs open, validating
``dossier.json``, fsyncing new content — while the calling thread commits
the current dossier (Core statements, one transaction, its audit entry).
For a batch the readers are worker *processes* (``spawn``, as on Windows),
so their Python work does not share a GIL with the commits and both cores
are used; a few dossiers, or packages a process cannot be handed, are read
in worker threads.  Only small results cross between them (findings, the
cleaned content, the staged files' names and hashes): memory stays flat,
files stream through one chunk buffer per reader.  At most ``workers + 2``
dossiers are staged at any time.  On SQLite the transaction's statements
run on the DB-API cursor (:class:`_Statements`), since SQLAlchemy's
execution machinery would cost more than the writes themselves.

Cancel (a ``threading.Event``) is honoured between chunks and between files
(a worker process sees it through a multiprocessing event): the dossier in
flight rolls back, its staged and newly placed files are removed, and the
report says *cancelled*.  Whatever happens — cancel, a rejected dossier, a
worker process that dies — the run's staging folder is removed at the end.
Progress is reported from the calling thread (so a Qt worker can emit a
signal from it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from oaoi_desktop import config
from oaoi_desktop.errors import ConflictError, NotFoundError, OaoiError
from oaoi_desktop.intake.findings import Finding, Severity, error
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.sources import Candidate, FolderPackage, ZipPackage, scan
from oaoi_desktop.intake.spreadsheet import CellLabel
from oaoi_desktop.services import events
from oaoi_desktop.services.audit import Actor, append, chain_for, entry_hash, refuse_if_finalised
from oaoi_desktop.services.import_reader import (
    LABEL_BYTES,
    READ_ERRORS,  # noqa: F401 - it lived here before; kept for importers of it
    LocalCounters,
    Prepared,
    WorkerContext,
    ReadSettings,
    discard_files,
    normalised,
    prepare,
    worker_main,
)
from oaoi_desktop.store.blobs import BlobStore, Cancelled, StagedBlob, blob_store_for
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.staging import discard as discard_staged
from oaoi_desktop.store.staging import fsync_file
from oaoi_desktop.store.models import Attachment, AuditEntry, AuditHead, Dossier, DossierRevision, Event, utcnow
from oaoi_desktop.services.policy import Action, authorize_db

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
    read_in_processes: int = 0
    """How many dossiers worker processes read (0: all were read in threads)."""

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
        """The report as CSV: text a spreadsheet would run as a formula escaped (as ``oaoi export csv``)."""
        from oaoi_desktop.services.exports import csv_safe_text

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(REPORT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_safe_text(v) for k, v in row.items()} for row in self.rows(lang))
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


PROCESS_MIN_DOSSIERS = 200
PROCESS_MIN_BYTES = 200 * 1024 * 1024
"""A batch with fewer dossiers to read and fewer bytes than this is read in threads.  Starting
the worker processes costs a few tenths of a second of both cores; measured on a two-core
laptop, threads are as fast up to a few hundred dossiers, processes faster beyond."""

MAX_AUTO_WORKERS = 4
WORKER_START_TIMEOUT = 60.0
"""How long an import that asked for worker processes waits for one to start before reading in a thread."""


def auto_workers() -> int:
    """How many dossiers to read at once when the caller does not say: one per core but the
    committing thread's, and at least two (a reader also waits for the disk)."""
    return max(2, min(MAX_AUTO_WORKERS, (os.cpu_count() or 1) - 1))


def _needs_reading(cand: Candidate) -> bool:
    return cand.package is not None and not (cand.document is None and any(f.is_error for f in cand.findings))


def _portable(cand: Candidate) -> bool:
    """Can a worker process read it (the package and field labels are ours, hence picklable)?"""
    return (type(cand.package) in (FolderPackage, ZipPackage)
            and (cand.field_label is None or type(cand.field_label) is CellLabel))


def _processes_possible() -> bool:
    if (os.cpu_count() or 1) < 2:
        return False  # one core: a process only adds its start-up
    if multiprocessing.current_process().daemon:
        return False  # a pool's worker may not start processes of its own
    if getattr(sys, "frozen", False) and not os.environ.get("OAOI_IMPORT_PROCESSES"):
        return False  # a frozen app must call multiprocessing.freeze_support() first
    return True


class _ThreadReader:
    """Reads candidates in worker threads of this process."""

    def __init__(self, importer: _Importer, workers: int) -> None:
        self.importer = importer
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="oaoi-import")

    def submit(self, cand: Candidate) -> Future[Prepared]:
        return self.pool.submit(self._read, cand)

    def _read(self, cand: Candidate) -> Prepared:
        imp = self.importer
        return prepare(cand, imp.settings, cancel=imp.cancel, counters=imp.counters, exists=imp.store.exists)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class WorkerGone(Exception):
    """A worker process ended (killed, crashed) before it answered."""


class WorkerRefused(Exception):
    """A worker process could not take a candidate (it did not unpickle there)."""


@dataclass
class _Worker:
    process: Any
    tasks: Any
    results: Any
    ready: bool = False
    alive: bool = True
    outstanding: set[int] = field(default_factory=set)


class _ProcessReader:
    """Reads candidates in worker processes (``spawn``: the same on Windows and Linux).

    Each worker has a pipe for tasks and one for results; the importing
    thread sends tasks and receives results itself (:meth:`poll`), with no
    helper threads in this process to compete with its commits for the GIL.
    Progress comes back through shared memory (bytes read, the file being
    read); cancel goes out through a multiprocessing event that
    :meth:`poll_cancel` sets when the caller's cancel is set.  Until a
    worker has started (a few tenths of a second) :meth:`submit` raises
    :class:`LookupError` and the importer reads in a thread instead.
    """

    def __init__(self, importer: _Importer, workers: int) -> None:
        ctx = WorkerContext()
        self.importer = importer
        self.cancel = ctx.Event()
        self.total = ctx.Value("q", 0)
        self.label = ctx.Array("c", LABEL_BYTES)
        self.workers: list[_Worker] = []
        self.futures: dict[int, Future[Prepared]] = {}
        self.next_id = 0
        self.results_received = 0
        for _ in range(workers):
            task_out, task_in = ctx.Pipe(duplex=False)
            result_out, result_in = ctx.Pipe(duplex=False)
            process = ctx.Process(target=worker_main, name="oaoi-import-reader", daemon=True,
                                  args=(task_out, result_in, self.cancel, self.total, self.label, importer.settings))
            try:
                process.start()
            except Exception:
                for conn in (task_in, result_out):
                    conn.close()
                if not self.workers:
                    raise
                log.warning("started only %d import worker processes", len(self.workers), exc_info=True)
                break
            finally:
                task_out.close()
                result_in.close()
            self.workers.append(_Worker(process, task_in, result_out))

    @property
    def ready(self) -> bool:
        return any(w.ready and w.alive for w in self.workers)

    @property
    def broken(self) -> bool:
        return not any(w.alive for w in self.workers)

    def owns(self, future: Future[Prepared]) -> bool:
        return getattr(future, "oaoi_task", None) is not None

    def submit(self, cand: Candidate) -> Future[Prepared]:
        """Send ``cand`` to the least busy worker; raises when none can take it (read it in a thread)."""
        choices = [w for w in self.workers if w.ready and w.alive]
        if not choices:
            raise LookupError("no worker ready")
        worker = min(choices, key=lambda w: len(w.outstanding))
        payload = pickle.dumps(cand, protocol=pickle.HIGHEST_PROTOCOL)
        task_id = self.next_id
        self.next_id += 1
        try:
            worker.tasks.send((task_id, payload))
        except (OSError, ValueError) as exc:
            self._gone(worker)
            raise WorkerGone(str(exc)) from exc
        future: Future[Prepared] = Future()
        future.oaoi_task = task_id  # type: ignore[attr-defined]
        self.futures[task_id] = future
        worker.outstanding.add(task_id)
        return future

    def poll(self, timeout: float) -> None:
        """Receive what the workers have finished (waiting up to ``timeout``); notice dead workers."""
        alive = [w for w in self.workers if w.alive]
        if not alive:
            return
        waitables: list[Any] = [w.results for w in alive] + [w.process.sentinel for w in alive]
        for ready in multiprocessing.connection.wait(waitables, timeout):
            for worker in alive:
                if not worker.alive:
                    continue
                if ready is worker.results:
                    self._receive(worker)
                elif ready == worker.process.sentinel:
                    self._drain(worker)
                    self._gone(worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.results.recv()
        except (EOFError, OSError):
            self._gone(worker)
            return
        except Exception as exc:  # noqa: BLE001 - a result that does not unpickle: that task failed
            log.warning("a result from an import worker did not arrive whole: %s", exc)
            return
        if message[0] == "ready":
            worker.ready = True
            return
        task_id = message[0]
        worker.outstanding.discard(task_id)
        future = self.futures.pop(task_id, None)
        if future is None:
            return
        if message[1] is None:
            future.set_exception(WorkerRefused(message[2]))
        else:
            self.results_received += 1
            future.set_result(message[1])

    def _drain(self, worker: _Worker) -> None:
        try:
            while worker.alive and worker.results.poll(0):
                self._receive(worker)
        except (EOFError, OSError):
            pass

    def _gone(self, worker: _Worker) -> None:
        """Fail what a dead worker still owed (the importer reads those candidates again)."""
        if not worker.alive:
            return
        worker.alive = False
        for task_id in sorted(worker.outstanding):
            future = self.futures.pop(task_id, None)
            if future is not None:
                future.set_exception(WorkerGone(f"import worker {worker.process.pid} ended"))
        worker.outstanding.clear()
        for conn in (worker.tasks, worker.results):
            try:
                conn.close()
            except OSError:
                pass

    def poll_cancel(self) -> None:
        if self.importer.cancel.is_set() and not self.cancel.is_set():
            self.cancel.set()

    def bytes_read(self) -> int:
        return int(self.total.value)

    def current(self) -> str:
        return bytes(self.label.value).decode("utf-8", errors="ignore")

    def close(self) -> None:
        """Ask the workers to end (every task handed out is answered by now); they exit on their own."""
        for worker in self.workers:
            if worker.alive:
                try:
                    worker.tasks.send(None)
                except (OSError, ValueError):
                    pass
            for conn in (worker.tasks, worker.results):
                try:
                    conn.close()
                except OSError:
                    pass
            worker.alive = False
        for future in self.futures.values():
            future.set_exception(WorkerGone("import stopped"))
        self.futures.clear()
        processes = [w.process for w in self.workers]
        # Reap them in the background: the report need not wait for processes to exit.  The
        # shared objects go along: a worker still starting must find their semaphores.
        shared = (self.cancel, self.total, self.label)
        threading.Thread(target=_join_all, args=(processes, shared), name="oaoi-import-reap", daemon=True).start()


def _join_all(processes: list[Any], shared: tuple[Any, ...]) -> None:
    for process in processes:
        process.join(10)
        if process.is_alive():
            process.terminate()
            process.join(5)


class _Importer:
    def __init__(self, db: Database, event: _EventRef, *, actor: Actor, store: BlobStore, limits: Limits,
                 progress: Callable[[ImportProgress], None] | None, cancel: _CancelLike | None,
                 workers: int | None, today: dt.date | None, processes: bool | None,
                 raw_sqlite: bool | None = None) -> None:
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
        self.workers = max(1, workers) if workers else auto_workers()
        self.today = today
        self.processes = processes
        self.counters = LocalCounters()
        self.started = time.monotonic()
        self.last_emit = 0.0
        self.totals = (0, 0, 0)
        self.settings: ReadSettings | None = None
        self.threads: _ThreadReader | None = None
        self.procs: _ProcessReader | None = None
        self.device_id: uuid.UUID | None = None
        self.chain = chain_for(event.id)
        self.sql = _Statements(raw=db.is_sqlite if raw_sqlite is None else raw_sqlite)

    # -- progress --------------------------------------------------------------
    def bytes_read(self) -> int:
        return self.counters.bytes + (self.procs.bytes_read() if self.procs is not None else 0)

    def emit(self, done: int, total: int, bytes_total: int, *, force: bool = False, phase: str = "reading") -> None:
        self.totals = (done, total, bytes_total)
        if self.procs is not None:
            self.procs.poll_cancel()
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self.last_emit < 0.1:
            return
        self.last_emit = now
        with self.counters.lock:
            current = self.counters.current
        if phase == "reading" and self.procs is not None:
            current = self.procs.current() or current
        snapshot = ImportProgress(done, total, current, self.bytes_read(), bytes_total, now - self.started, phase)
        self.progress(snapshot)

    # -- reading (worker processes or threads) ----------------------------------
    def _thread_reader(self) -> _ThreadReader:
        if self.threads is None:
            self.threads = _ThreadReader(self, self.workers)
        return self.threads

    def submit(self, cand: Candidate) -> Future[Prepared]:
        if not _needs_reading(cand):
            done: Future[Prepared] = Future()
            done.set_result(Prepared(findings=list(cand.findings)))
            return done
        if self.procs is not None and not self.procs.broken and _portable(cand):
            if not self.procs.ready:
                # Asked for processes: wait for one to start.  Otherwise read in a thread meanwhile.
                self._await_worker(timeout=WORKER_START_TIMEOUT if self.processes else 0.0)
            try:
                return self.procs.submit(cand)
            except LookupError:
                pass  # still starting: read this one here
            except Exception as exc:  # noqa: BLE001 - it could not be sent (pickling, a dead worker): read it here
                log.warning("could not hand %s to an import worker (%s: %s); reading it here",
                            cand.label, type(exc).__name__, exc)
        return self._thread_reader().submit(cand)

    def _await_worker(self, timeout: float) -> None:
        procs = self.procs
        assert procs is not None
        deadline = time.monotonic() + timeout
        while True:
            procs.poll(max(0.0, min(0.1, deadline - time.monotonic())))
            if procs.ready or procs.broken or self.cancel.is_set() or time.monotonic() >= deadline:
                return
            done, total, bytes_total = self.totals
            self.emit(done, total, bytes_total)

    def wait(self, cand: Candidate, future: Future[Prepared], done: int, total: int,
             bytes_total: int) -> Prepared:
        """The result of ``future``; read ``cand`` again here if its worker failed."""
        retried = False
        while True:
            try:
                return self._result(future, done, total, bytes_total)
            except Exception as exc:  # noqa: BLE001 - a worker process died, or cand could not go there
                if retried or self.cancel.is_set():
                    log.error("reading %s failed: %s", cand.label, exc)
                    return Prepared(findings=[*cand.findings, error(cand.label, "", "import.internal_error",
                                                                    reason=f"{type(exc).__name__}: {exc}"[:300])],
                                    cancelled=self.cancel.is_set())
                log.warning("reading %s in a worker failed (%s: %s); reading it here",
                            cand.label, type(exc).__name__, exc)
                retried = True
                future = self._thread_reader().submit(cand)

    def _result(self, future: Future[Prepared], done: int, total: int, bytes_total: int) -> Prepared:
        """Wait for ``future``, receiving workers' results and reporting progress meanwhile."""
        procs = self.procs
        while not future.done():
            if procs is not None and procs.futures:
                own = procs.owns(future)
                procs.poll(0.1 if own else 0)
                if not own and not future.done():
                    futures_wait([future], timeout=0.02)
            else:
                futures_wait([future], timeout=0.1)
            self.emit(done, total, bytes_total)
        return future.result()

    def discard(self, prep: Prepared) -> None:
        discard_files(prep)

    # -- writing (calling thread) ------------------------------------------------
    def commit(self, cand: Candidate, prep: Prepared, seen: dict[str, str]) -> ItemReport:
        if not prep.ok or prep.content is None:
            self.discard(prep)
            return ItemReport(cand.label, Outcome.REJECTED, number=prep.number, title=prep.title,
                              findings=tuple(prep.findings), bytes=prep.bytes)
        number = prep.number
        if number in seen:
            self.discard(prep)
            label = cand.field_label or (lambda k: k)
            findings = (*prep.findings, error(cand.document_file, label("id"), "import.duplicate_in_batch",
                                              number=number, first=seen[number]))
            return ItemReport(cand.label, Outcome.REJECTED, number=number, title=prep.title, findings=findings,
                              bytes=prep.bytes)
        seen[number] = cand.label
        n_files = len(prep.files)
        outcome, dossier_id, revision = self._write(cand, prep, number, cand.label[:SOURCE_MAX])
        return ItemReport(cand.label, outcome, number=number, title=prep.title, findings=tuple(prep.findings),
                          dossier_id=dossier_id, revision=revision, attachments=n_files, bytes=prep.bytes)

    def _before_each(self, cand: Candidate, prep: Prepared) -> Callable[[StagedBlob], None]:
        package = cand.package
        names = {f.staged.sha256: f.path for f in prep.files}

        def check(staged: StagedBlob) -> None:
            if self.cancel.is_set():
                raise Cancelled()
            path = names.get(staged.sha256, "")
            self.counters.at(package.display(path) if package else path)
            done, total, bytes_total = self.totals
            self.emit(done, total, bytes_total, force=True, phase="storing")

        return check

    def _write(self, cand: Candidate, prep: Prepared, number: str, source: str) -> tuple[Outcome, uuid.UUID, int]:
        """One transaction: the blobs, the dossier (or its new revision), its attachments, the audit entry.

        Core statements on the session's connection (no ORM objects): the
        rows are the same the ORM would write, at a fraction of the cost.
        """
        content = prep.content
        digest = prep.digest
        assert content is not None
        placed: list[str] = []
        items = [(f.staged, f.media_type) for f in prep.files]
        consumed = False  # every staged file placed or removed (store_all does both)
        try:
            with self.db.write() as s:
                conn = s.connection()
                current = conn.execute(_CURRENT, {"event_id": self.event_id, "number": number}).first()
                if current is not None and current.sha256 == digest:
                    # Unchanged.  Put back content the store lost (deleted by hand), if any.
                    missing = [(st, m) for st, m in items if not self.store.exists(st.sha256)]
                    if missing:
                        placed = self.store.store_all(s, missing, before_each=self._before_each(cand, prep))
                    lost = {st.sha256 for st, _m in missing}
                    for st, _m in items:
                        if st.sha256 not in lost:
                            discard_staged(st.temp_path)
                    consumed = True
                    return Outcome.UNCHANGED, current.id, current.current_revision
                try:
                    placed = self.store.store_all(s, items, before_each=self._before_each(cand, prep))
                    consumed = True
                finally:
                    placed = list(self.store.last_placed)
                self._sync_late(prep, placed)
                if self.cancel.is_set():
                    raise Cancelled()
                fields = {
                    "title": " ".join(content["title"].split()),
                    "instansi": content.get("instansi", ""),
                    "unit_kerja": content.get("unit_kerja", ""),
                    "klaster": content.get("klaster", ""),
                    "kelompok": content.get("kelompok", ""),
                    "kategori": content.get("kategori", ""),
                }
                now = utcnow()
                calibration = bool(content.get("calibration"))  # issue 17: flagged at import
                if current is None:
                    dossier_id = uuid.uuid4()
                    revision = 1
                    self.sql.execute(conn, _INSERT_DOSSIER, {"id": dossier_id, "event_id": self.event_id,
                                                             "number": number, "current_revision": revision,
                                                             "created_at": now, "calibration": calibration,
                                                             **fields})
                    before = None
                    action = "dossier.imported"
                    outcome = Outcome.IMPORTED
                else:
                    dossier_id = current.id
                    revision = current.current_revision + 1
                    before = {**_snapshot(current, number), "sha256": current.sha256, "source": current.source}
                    self.sql.execute(conn, _UPDATE_DOSSIER, {"b_id": dossier_id, "b_current_revision": revision,
                                                             **{f"b_{k}": v for k, v in fields.items()}})
                    # a re-import flags (never unflags) a calibration dossier; the console unflags
                    calibration = calibration or bool(current.calibration)
                    if calibration and not current.calibration:
                        conn.execute(update(Dossier.__table__).where(Dossier.__table__.c.id == dossier_id)
                                     .values(calibration=True))
                    action = "dossier.updated"
                    outcome = Outcome.UPDATED
                self.sql.execute(conn, _INSERT_REVISION, {"id": uuid.uuid4(), "dossier_id": dossier_id,
                                                          "revision": revision, "content": content, "sha256": digest,
                                                          "source": source, "imported_at": now})
                rows = [
                    {"id": uuid.uuid4(), "dossier_id": dossier_id, "revision": revision, "path": a["path"],
                     "kind": a["kind"], "title": a.get("title", ""), "media_type": a["media_type"],
                     "size": a["size"], "sha256": a["sha256"]}
                    for a in content.get("attachments", [])
                ]
                if rows:
                    self.sql.executemany(conn, _INSERT_ATTACHMENT, rows)
                after = {"id": dossier_id, "number": number, **fields, "revision": revision,
                         "calibration": calibration}
                self._audit(s, conn, action=action, entity_id=dossier_id, before=before,
                            after={**after, "sha256": digest, "source": source,
                                   "attachments": _attachment_digest(content)})
                return outcome, dossier_id, revision
        except BaseException:
            self.store.forget(placed)
            if not consumed:
                self.discard(prep)
            raise
        finally:
            prep.files = []

    def _sync_late(self, prep: Prepared, placed: list[str]) -> None:
        """fsync what was placed although its reader found the content already stored.

        Rare: the same content's earlier dossier in this batch rolled back
        (cancel, a failed commit) after the reader looked.  The reader then
        skipped the fsync; the copy placed now gets it here, before the commit.
        """
        if not self.settings.durable or not placed:
            return
        placed_now = set(placed)
        for f in prep.files:
            if not f.new and f.staged.sha256 in placed_now:
                fsync_file(self.store.local_path(f.staged.sha256))

    def _audit(self, s: Any, conn: Any, *, action: str, entity_id: uuid.UUID, before: Any, after: Any) -> None:
        """:func:`services.audit.append` in Core statements: the same entry, the same hash.

        The chain's head row is read (locked on PostgreSQL; SQLite's write
        transaction already holds the lock), the entry's hash computed by
        :func:`~oaoi_desktop.services.audit.entry_hash` over the same values
        ``append`` would store, the entry inserted and the head moved on.
        A chain without a head yet is left to ``append`` itself.
        """
        head = self.sql.first(conn, _HEAD, {"chain": self.chain})  # locks the head row (FOR UPDATE)
        refuse_if_finalised(s, self.event_id, action)  # the finalisation guard, after the lock as in append()
        if head is None:
            append(s, actor=self.actor, action=action, event_id=self.event_id, entity_type="dossier",
                   entity_id=entity_id, before=before, after=after)
            return
        if self.device_id is None:
            self.device_id = config.device_id()
        entry = SimpleNamespace(
            id=uuid.uuid4(), chain=self.chain, seq=head[0] + 1, event_id=self.event_id, actor=self.actor.name,
            actor_id=self.actor.user_id, action=action, entity_type="dossier", entity_id=str(entity_id),
            before=normalised(before) if before is not None else None,
            after=normalised(after) if after is not None else None,
            at=utcnow(), device_id=self.device_id, prev_hash=head[1],
        )
        entry.hash = entry_hash(entry)  # type: ignore[arg-type]
        self.sql.execute(conn, _INSERT_AUDIT, vars(entry))
        self.sql.execute(conn, _MOVE_HEAD, {"b_chain": self.chain, "b_seq": entry.seq, "b_hash": entry.hash})

    # -- the loop ------------------------------------------------------------------
    def _start_readers(self, candidates: Sequence[Candidate]) -> None:
        portable = [c for c in candidates if _needs_reading(c) and _portable(c)]
        if self.processes is False or not portable:
            return
        if self.processes is None:
            small = (len(portable) < PROCESS_MIN_DOSSIERS
                     and sum(c.size_hint for c in portable) < PROCESS_MIN_BYTES)
            if small or not _processes_possible():
                return
        if multiprocessing.current_process().daemon:
            return
        try:
            self.procs = _ProcessReader(self, self.workers)
        except (OSError, ImportError, ValueError, NotImplementedError) as exc:  # no semaphores (some sandboxes)
            log.warning("import worker processes unavailable (%s); reading in threads", exc)
            self.procs = None

    def run(self, candidates: Sequence[Candidate]) -> ImportReport:
        total = len(candidates)
        bytes_total = sum(c.size_hint for c in candidates)
        items: list[ItemReport] = []
        seen: dict[str, str] = {}
        cancelled = False
        next_index = 0
        window: deque[tuple[int, Future[Prepared]]] = deque()
        first_unfinished = 0
        self.emit(0, total, bytes_total, force=True)
        try:
            run_folder = self.store.staging_run()
        except OSError as exc:  # the store's folder cannot be written at all
            raise OaoiError("import.store_failed", reason=getattr(exc, "strerror", None) or str(exc)) from exc
        # Staged files become the store's files only in the file home (the database home copies them
        # into its transaction and removes them): only there must they reach the disk first.
        content_root = self.store.content_root
        self.settings = ReadSettings(run_folder, content_root, self.store.durable and content_root is not None,
                                     self.limits, self.today)
        self._start_readers(candidates)
        depth = self.workers + (2 if self.procs is not None else 1)
        try:
            # While the worker processes start; before any reader looks at what the store holds
            # (a stray file it removes must not pass for content already stored).
            try:
                self.store.sweep()
            except Exception:  # noqa: BLE001 - housekeeping must not stop an import
                log.exception("sweeping the blob store failed")
            while first_unfinished < total:
                while next_index < total and len(window) < depth and not self.cancel.is_set():
                    window.append((next_index, self.submit(candidates[next_index])))
                    next_index += 1
                if self.cancel.is_set() or not window:
                    cancelled = self.cancel.is_set()
                    break
                index, future = window[0]
                cand = candidates[index]
                prep = self.wait(cand, future, len(items), total, bytes_total)
                window.popleft()
                if self.procs is not None and self.procs.futures:
                    self.procs.poll(0)  # take in what is done meanwhile: a worker never waits to send
                if prep.cancelled:
                    self.discard(prep)
                    cancelled = True
                    break
                self.counters.at(cand.label)
                try:
                    item = self.commit(cand, prep, seen)
                except Cancelled:
                    cancelled = True
                    break
                except (OaoiError, SQLAlchemyError, OSError) as exc:
                    log.warning("storing %s failed: %s", cand.label, exc)
                    reason = exc.render() if isinstance(exc, OaoiError) else f"{type(exc).__name__}: {exc}"
                    item = ItemReport(cand.label, Outcome.REJECTED, number=prep.number,
                                      findings=(*prep.findings, error(cand.label, "", "import.store_failed",
                                                                      reason=reason[:300])))
                items.append(item)
                first_unfinished += 1
                self.emit(len(items), total, bytes_total, force=True)
        finally:
            self.stop.set()
            if self.procs is not None:
                self.procs.poll_cancel()
            try:
                self.store.flush()
            except OSError:
                log.exception("syncing the attachment store failed")
            for _i, future in window:
                try:
                    self.discard(self._result(future, len(items), total, bytes_total))
                except Exception:  # noqa: BLE001 - a dead worker: its files go with the run folder
                    continue
            for reader in (self.procs, self.threads):
                if reader is not None:
                    try:
                        reader.close()
                    except Exception:  # noqa: BLE001
                        log.exception("stopping the import readers failed")
            self.store.end_staging_run(run_folder)
        not_processed = tuple(c.label for c in candidates[first_unfinished:]) if cancelled else ()
        self.emit(len(items), total, bytes_total, force=True)
        return ImportReport(self.event_id, tuple(items), cancelled=cancelled, not_processed=not_processed,
                            elapsed=time.monotonic() - self.started, bytes_read=self.bytes_read(),
                            read_in_processes=self.procs.results_received if self.procs is not None else 0)


_CURRENT = (
    select(Dossier.id, Dossier.title, Dossier.instansi, Dossier.unit_kerja, Dossier.klaster, Dossier.kelompok,
           Dossier.kategori, Dossier.current_revision, DossierRevision.sha256, DossierRevision.source,
           Dossier.calibration)
    .join(DossierRevision, (DossierRevision.dossier_id == Dossier.id)
          & (DossierRevision.revision == Dossier.current_revision))
    .where(Dossier.event_id == bindparam("event_id"), Dossier.number == bindparam("number"))
)
def _insert(model: Any, columns: tuple[str, ...]) -> Any:
    table = model.__table__
    return insert(table).values({c: bindparam(c, type_=table.c[c].type) for c in columns})


_DOSSIER_COLUMNS = ("id", "event_id", "number", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori",
                    "current_revision", "created_at", "calibration")
_INSERT_DOSSIER = _insert(Dossier, _DOSSIER_COLUMNS)
_UPDATE_DOSSIER = (
    update(Dossier.__table__).where(Dossier.__table__.c.id == bindparam("b_id", type_=Dossier.__table__.c.id.type))
    .values({c: bindparam(f"b_{c}", type_=Dossier.__table__.c[c].type)
             for c in ("current_revision", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori")})
)
_INSERT_REVISION = _insert(DossierRevision, ("id", "dossier_id", "revision", "content", "sha256", "source",
                                             "imported_at"))
_INSERT_ATTACHMENT = _insert(Attachment, ("id", "dossier_id", "revision", "path", "kind", "title", "media_type",
                                          "size", "sha256"))
_HEAD = (select(AuditHead.__table__.c.seq, AuditHead.__table__.c.hash)
         .where(AuditHead.__table__.c.chain == bindparam("chain", type_=AuditHead.__table__.c.chain.type))
         .with_for_update())
_INSERT_AUDIT = _insert(AuditEntry, ("id", "chain", "seq", "event_id", "actor", "actor_id", "action", "entity_type",
                                     "entity_id", "before", "after", "at", "device_id", "prev_hash", "hash"))
_MOVE_HEAD = (
    update(AuditHead.__table__).where(AuditHead.__table__.c.chain == bindparam("b_chain",
                                                                              type_=AuditHead.__table__.c.chain.type))
    .values(seq=bindparam("b_seq", type_=AuditHead.__table__.c.seq.type),
            hash=bindparam("b_hash", type_=AuditHead.__table__.c.hash.type))
)


class _Statements:
    """Runs the import's writes: Core statements, or on SQLite the same SQL on the DB-API cursor.

    The per-dossier transaction is a handful of small statements, and on
    SQLite SQLAlchemy's execution machinery costs several times more than
    SQLite itself.  So on SQLite each statement is compiled once by
    SQLAlchemy (the same SQL Core would send), its parameters are put
    through the columns' own bind processors (the same conversions Core
    applies: UUIDs, datetimes, JSON) and it runs on the connection's DB-API
    cursor, inside the same transaction.  Other databases get the Core
    statements.  Tests check that both write the same rows.
    """

    def __init__(self, raw: bool) -> None:
        self.raw = raw
        self._compiled: dict[int, tuple[str, list[tuple[str, Any]]]] = {}

    def _sql(self, stmt: Any, dialect: Any) -> tuple[str, list[tuple[str, Any]]]:
        found = self._compiled.get(id(stmt))
        if found is None:
            compiled = stmt.compile(dialect=dialect)
            order = [(name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                     for name in compiled.positiontup]
            found = self._compiled[id(stmt)] = (compiled.string, order)
        return found

    def _args(self, order: list[tuple[str, Any]], params: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(process(params[name]) if process is not None else params[name] for name, process in order)

    def execute(self, conn: Any, stmt: Any, params: dict[str, Any]) -> None:
        if not self.raw:
            conn.execute(stmt, params)
            return
        sql, order = self._sql(stmt, conn.dialect)
        conn.connection.driver_connection.execute(sql, self._args(order, params))

    def executemany(self, conn: Any, stmt: Any, rows: list[dict[str, Any]]) -> None:
        if not self.raw:
            conn.execute(stmt, rows)
            return
        sql, order = self._sql(stmt, conn.dialect)
        conn.connection.driver_connection.executemany(sql, [self._args(order, row) for row in rows])

    def first(self, conn: Any, stmt: Any, params: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row of a query whose columns need no conversion (integers, strings)."""
        if not self.raw:
            row = conn.execute(stmt, params).first()
            return tuple(row) if row is not None else None
        sql, order = self._sql(stmt, conn.dialect)
        return conn.connection.driver_connection.execute(sql, self._args(order, params)).fetchone()


def _snapshot(row: Any, number: str) -> dict[str, Any]:
    """What :func:`dossiers.dossier_snapshot` records, from a :data:`_CURRENT` row."""
    return {"id": row.id, "number": number, "title": row.title, "instansi": row.instansi,
            "unit_kerja": row.unit_kerja, "klaster": row.klaster, "kelompok": row.kelompok,
            "kategori": row.kategori, "revision": row.current_revision,
            "calibration": bool(getattr(row, "calibration", False))}


def _attachment_digest(content: dict[str, Any]) -> list[dict[str, str]]:
    return [{"path": a["path"], "sha256": a["sha256"]} for a in content.get("attachments", [])]


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
        purged = (found.settings or {}).get("purged")  # issue 17: a purged event takes no dossier again
        if isinstance(purged, dict):
            from oaoi_desktop.services.purge import purged_when

            raise ConflictError("purge.import_refused", event=found.name, when=purged_when(found),
                                number=purged.get("number", "-"))
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
    workers: int | None = None,
    today: dt.date | None = None,
    processes: bool | None = None,
) -> ImportReport:
    """Import already-scanned candidates (see :func:`import_paths`)."""
    authorize_db(db, actor, Action.IMPORT_DOSSIERS, event=event)
    ev = _resolve_event(db, event)
    # [trust, issue 8] automatic rotating backup of the database before every import batch
    from oaoi_desktop.services.backups import backup_before_import

    backup_before_import(db)
    importer = _Importer(db, ev, actor=actor, store=store or blob_store_for(db), limits=limits or Limits(),
                         progress=progress, cancel=cancel, workers=workers, today=today, processes=processes)
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
    workers: int | None = None,
    today: dt.date | None = None,
    processes: bool | None = None,
) -> ImportReport:
    """Import the dossiers under ``paths`` into ``event``; never raises for bad input.

    ``event`` is an :class:`Event`, its id or its name.  Raises
    :class:`NotFoundError` only when the event is unknown or none of the
    paths exists (nothing could be done at all); every other problem is in
    the report.  Opens its own sessions: call it from a worker thread.

    ``workers`` is how many dossiers are read and checked at once beside the
    commits (default: :func:`auto_workers`, two on a two-core laptop).
    ``processes`` chooses where they are read: in worker processes (True:
    waiting for them to start), in threads (False), or — the default — in
    processes when the batch is large enough to pay for starting them
    (:data:`PROCESS_MIN_DOSSIERS`, :data:`PROCESS_MIN_BYTES`) and there is
    more than one core, reading the first dossiers in threads while they
    start.  Either way the result is the same (packages a process cannot be
    handed, and dossiers whose worker died, are read in a thread).  Worker
    processes are started with ``spawn`` and never run the program's main
    module; a frozen (PyInstaller) app uses threads unless
    ``OAOI_IMPORT_PROCESSES`` is set, after calling
    ``multiprocessing.freeze_support()``.
    """
    authorize_db(db, actor, Action.IMPORT_DOSSIERS, event=event)
    ev = _resolve_event(db, event)
    if paths and not any(os.path.lexists(p) for p in paths):
        raise NotFoundError("import.no_paths", paths=", ".join(str(p) for p in paths))
    limits = limits or Limits()
    candidates = scan(paths, limits)
    return import_candidates(db, ev, candidates, actor=actor, progress=progress, cancel=cancel, limits=limits,
                             store=store, workers=workers, today=today, processes=processes)


__all__ = [
    "Outcome", "ItemReport", "ImportProgress", "ImportReport", "REPORT_COLUMNS",
    "import_paths", "import_candidates", "Limits", "Severity", "auto_workers",
    "PROCESS_MIN_DOSSIERS", "PROCESS_MIN_BYTES",
]
