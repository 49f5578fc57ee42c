"""Reading dossiers off the stick for the import: worker threads, or worker processes for a batch.

See :mod:`oaoi_desktop.services.imports` for how reading overlaps writing.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from oaoi_desktop.intake.sources import Candidate, FolderPackage, ZipPackage
from oaoi_desktop.intake.spreadsheet import CellLabel
from oaoi_desktop.services.import_reader import LABEL_BYTES, Prepared, WorkerContext, prepare, worker_main

if TYPE_CHECKING:
    from oaoi_desktop.services.imports.pipeline import Importer

log = logging.getLogger(__package__)  # the import's one logger, as before the split


class CancelLike(Protocol):
    def is_set(self) -> bool: ...


class Either:
    """Set when either event is set (the caller's cancel or our own stop)."""

    def __init__(self, *events: CancelLike | None) -> None:
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


def needs_reading(cand: Candidate) -> bool:
    return cand.package is not None and not (cand.document is None and any(f.is_error for f in cand.findings))


def process_portable(cand: Candidate) -> bool:
    """Can a worker process read it (the package and field labels are ours, hence picklable)?"""
    return (type(cand.package) in (FolderPackage, ZipPackage)
            and (cand.field_label is None or type(cand.field_label) is CellLabel))


def processes_possible() -> bool:
    if (os.cpu_count() or 1) < 2:
        return False  # one core: a process only adds its start-up
    if multiprocessing.current_process().daemon:
        return False  # a pool's worker may not start processes of its own
    if getattr(sys, "frozen", False) and not os.environ.get("OAOI_IMPORT_PROCESSES"):
        return False  # a frozen app must call multiprocessing.freeze_support() first
    return True


class ThreadReader:
    """Reads candidates in worker threads of this process."""

    def __init__(self, importer: Importer, workers: int) -> None:
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


class ProcessReader:
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

    def __init__(self, importer: Importer, workers: int) -> None:
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
