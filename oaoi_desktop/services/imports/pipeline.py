"""The import pipeline: reading ahead while the calling thread commits each dossier in its own transaction.

See :mod:`oaoi_desktop.services.imports` for the whole story.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from oaoi_desktop.errors import ConflictError, NotFoundError, OaoiError
from oaoi_desktop.intake.findings import error
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.sources import Candidate, scan
from oaoi_desktop.services import events
from oaoi_desktop.services.audit import Actor, Pending, append_many
from oaoi_desktop.services.import_reader import LocalCounters, Prepared, ReadSettings, discard_files
from oaoi_desktop.store.blobs import BlobStore, Cancelled, StagedBlob, blob_store_for
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.staging import discard as discard_staged
from oaoi_desktop.store.staging import fsync_file
from oaoi_desktop.store.models import Dossier, Event, utcnow
from oaoi_desktop.services.policy import Action, authorize_db
from oaoi_desktop.services.imports.readers import (
    PROCESS_MIN_BYTES,
    PROCESS_MIN_DOSSIERS,
    WORKER_START_TIMEOUT,
    CancelLike,
    Either,
    ProcessReader,
    ThreadReader,
    auto_workers,
    needs_reading,
    process_portable,
    processes_possible,
)
from oaoi_desktop.services.imports.report import SOURCE_MAX, ImportProgress, ImportReport, ItemReport, Outcome
from oaoi_desktop.services.imports.statements import (
    CURRENT,
    INSERT_ATTACHMENT,
    INSERT_DOSSIER,
    INSERT_REVISION,
    UPDATE_DOSSIER,
    Statements,
    attachment_digest,
    current_snapshot,
)

log = logging.getLogger(__package__)  # the import's one logger, as before the split


class Importer:
    def __init__(self, db: Database, event: EventRef, *, actor: Actor, store: BlobStore, limits: Limits,
                 progress: Callable[[ImportProgress], None] | None, cancel: CancelLike | None,
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
        self.cancel = Either(cancel, self.stop)
        self.workers = max(1, workers) if workers else auto_workers()
        self.today = today
        self.processes = processes
        self.counters = LocalCounters()
        self.started = time.monotonic()
        self.last_emit = 0.0
        self.totals = (0, 0, 0)
        self.settings: ReadSettings | None = None
        self.threads: ThreadReader | None = None
        self.procs: ProcessReader | None = None
        self.sql = Statements(raw=db.is_sqlite if raw_sqlite is None else raw_sqlite)

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
    def _thread_reader(self) -> ThreadReader:
        if self.threads is None:
            self.threads = ThreadReader(self, self.workers)
        return self.threads

    def submit(self, cand: Candidate) -> Future[Prepared]:
        if not needs_reading(cand):
            done: Future[Prepared] = Future()
            done.set_result(Prepared(findings=list(cand.findings)))
            return done
        if self.procs is not None and not self.procs.broken and process_portable(cand):
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
                current = conn.execute(CURRENT, {"event_id": self.event_id, "number": number}).first()
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
                    self.sql.execute(conn, INSERT_DOSSIER, {"id": dossier_id, "event_id": self.event_id,
                                                             "number": number, "current_revision": revision,
                                                             "created_at": now, "calibration": calibration,
                                                             **fields})
                    before = None
                    action = "dossier.imported"
                    outcome = Outcome.IMPORTED
                else:
                    dossier_id = current.id
                    revision = current.current_revision + 1
                    before = {**current_snapshot(current, number), "sha256": current.sha256, "source": current.source}
                    self.sql.execute(conn, UPDATE_DOSSIER, {"b_id": dossier_id, "b_current_revision": revision,
                                                             **{f"b_{k}": v for k, v in fields.items()}})
                    # a re-import flags (never unflags) a calibration dossier; the console unflags
                    calibration = calibration or bool(current.calibration)
                    if calibration and not current.calibration:
                        conn.execute(update(Dossier.__table__).where(Dossier.__table__.c.id == dossier_id)
                                     .values(calibration=True))
                    action = "dossier.updated"
                    outcome = Outcome.UPDATED
                self.sql.execute(conn, INSERT_REVISION, {"id": uuid.uuid4(), "dossier_id": dossier_id,
                                                          "revision": revision, "content": content, "sha256": digest,
                                                          "source": source, "imported_at": now})
                rows = [
                    {"id": uuid.uuid4(), "dossier_id": dossier_id, "revision": revision, "path": a["path"],
                     "kind": a["kind"], "title": a.get("title", ""), "media_type": a["media_type"],
                     "size": a["size"], "sha256": a["sha256"]}
                    for a in content.get("attachments", [])
                ]
                if rows:
                    self.sql.executemany(conn, INSERT_ATTACHMENT, rows)
                after = {"id": dossier_id, "number": number, **fields, "revision": revision,
                         "calibration": calibration}
                self._audit(s, action=action, entity_id=dossier_id, before=before,
                            after={**after, "sha256": digest, "source": source,
                                   "attachments": attachment_digest(content)})
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

    def _audit(self, s: Any, *, action: str, entity_id: uuid.UUID, before: Any, after: Any) -> None:
        """The dossier's audit entry, by :func:`services.audit.append_many` (the chain's head locked)."""
        append_many(s, actor=self.actor, event_id=self.event_id,
                    items=[Pending(action, "dossier", entity_id, before, after)])

    # -- the loop ------------------------------------------------------------------
    def _start_readers(self, candidates: Sequence[Candidate]) -> None:
        portable = [c for c in candidates if needs_reading(c) and process_portable(c)]
        if self.processes is False or not portable:
            return
        if self.processes is None:
            small = (len(portable) < PROCESS_MIN_DOSSIERS
                     and sum(c.size_hint for c in portable) < PROCESS_MIN_BYTES)
            if small or not processes_possible():
                return
        if multiprocessing.current_process().daemon:
            return
        try:
            self.procs = ProcessReader(self, self.workers)
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


@dataclass(frozen=True)
class EventRef:
    id: uuid.UUID
    name: str


def resolve_event(db: Database, event: Event | EventRef | uuid.UUID | str) -> EventRef:
    if isinstance(event, EventRef):
        return event
    ref = str(event.id) if isinstance(event, Event) else str(event)
    with db.read() as s:
        found = events.get_event(s, ref)
        purged = (found.settings or {}).get("purged")  # issue 17: a purged event takes no dossier again
        if isinstance(purged, dict):
            from oaoi_desktop.services.purge import purged_when

            raise ConflictError("purge.import_refused", event=found.name, when=purged_when(found),
                                number=purged.get("number", "-"))
        return EventRef(found.id, found.name)


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
    ev = resolve_event(db, event)
    # [trust, issue 8] automatic rotating backup of the database before every import batch
    from oaoi_desktop.services.backups import backup_before_import

    backup_before_import(db)
    importer = Importer(db, ev, actor=actor, store=store or blob_store_for(db), limits=limits or Limits(),
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
    ev = resolve_event(db, event)
    if paths and not any(os.path.lexists(p) for p in paths):
        raise NotFoundError("import.no_paths", paths=", ".join(str(p) for p in paths))
    limits = limits or Limits()
    candidates = scan(paths, limits)
    return import_candidates(db, ev, candidates, actor=actor, progress=progress, cancel=cancel, limits=limits,
                             store=store, workers=workers, today=today, processes=processes)
