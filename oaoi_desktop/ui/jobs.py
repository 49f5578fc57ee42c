"""One way to run long work off the GUI thread: :class:`Job`.

``Job(work)`` runs ``work(progress, cancel)`` in a QThread of its own; the
callable opens its own database sessions (each thread its own).  What it
reports comes back as signals on the GUI thread:

* ``progress(value)`` (or ``progress(done, total, ...)``) arrives as
  ``progressed(object)``: the one value, or the tuple of values;
* its return value arrives as ``finished(object)``;
* an exception arrives as ``failed(str)``, rendered for the user: an
  :class:`~oaoi_desktop.errors.OaoiError` with the catalogue
  (:meth:`OaoiError.render`), anything else as ``"TypeName: text"`` after it is
  written to the log with its traceback (``log.exception``: the rotating log
  file of :mod:`oaoi_desktop.logs`).  A caller may pass its own ``render``;
  ``secret=True`` (work that holds a passphrase) logs and reports only the
  exception's type name, so no secret ever reaches a message or the log.

``cancel`` is a :class:`threading.Event` the work looks at (:meth:`Job.cancel`
sets it).  A running job is never garbage-collected from under its thread: a
registry keeps the thread and its worker (the Python wrappers must outlive
the thread) until the thread has ended, whatever happens to the job or the
dialog that started it.  A job is made the child of the dialog or view that
starts it (``parent``) and goes with it: when that is closed first, the result
is simply not delivered.  Do not delete a job from a slot of its own signals.
When the application quits, every job still running is asked to cancel and
waited for, for at most :data:`QUIT_WAIT_MS`.

After MusicBrainz Picard's ``picard/util/thread.py`` (``run_task``) and Vorta's
``borg/jobs_manager.py``.  Only QtCore is imported here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from oaoi_desktop.errors import OaoiError

log = logging.getLogger(__name__)

Progress = Callable[..., None]
Work = Callable[[Progress, threading.Event], Any]
Render = Callable[[BaseException], str]

QUIT_WAIT_MS = 30_000
"""How long quitting the application waits for a running job to stop."""


def render_error(exc: BaseException) -> str:
    """The message for a failed job: the catalogue's text, else ``"TypeName: text"``."""
    if isinstance(exc, OaoiError):
        return exc.render()
    return f"{type(exc).__name__}: {exc}"


def render_type_only(exc: BaseException) -> str:
    """The message for a failed job that held a secret: the catalogue's text, else the type name only."""
    if isinstance(exc, OaoiError):
        return exc.render()
    return type(exc).__name__


class _Worker(QObject):
    """Lives in the job's thread and runs the work there."""

    progressed = Signal(object)
    completed = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, cancel: threading.Event, name: str, render: Render, secret: bool) -> None:
        super().__init__()
        self._work: Work | None = work
        self._cancel = cancel
        self._name = name
        self._render = render
        self._secret = secret

    def _progress(self, *values: object) -> None:
        self.progressed.emit(values[0] if len(values) == 1 else values)

    @Slot()
    def run(self) -> None:
        work, self._work = self._work, None  # the work (and what it holds) goes with the run
        assert work is not None
        try:
            result = work(self._progress, self._cancel)
        except Exception as exc:  # noqa: BLE001 - report, never crash the GUI, never lose it
            if isinstance(exc, OaoiError):
                pass  # a cause the user can act on: the message says it all
            elif self._secret:
                log.error("%s failed: %s", self._name, type(exc).__name__)
            else:
                log.exception("%s failed", self._name)
            self.failed.emit(self._message(exc))
        else:
            self.completed.emit(result)
        finally:
            del work

    def _message(self, exc: BaseException) -> str:
        try:
            return self._render(exc)
        except Exception:  # noqa: BLE001 - a broken renderer must not lose the failure
            log.exception("%s: rendering the error failed", self._name)
            return type(exc).__name__


class _Registry(QObject):
    """The threads still running, with their workers; waits for them when the application quits."""

    def __init__(self) -> None:
        super().__init__()
        self.live: dict[QThread, tuple[_Worker, threading.Event]] = {}
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_all)

    def add(self, thread: QThread, worker: _Worker, cancel: threading.Event) -> None:
        self.live[thread] = (worker, cancel)
        thread.finished.connect(self.release)  # queued: this object lives in the GUI thread

    @Slot()
    def release(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread) and thread in self.live:
            thread.wait()  # finished is emitted just before the thread ends
            del self.live[thread]

    @Slot()
    def stop_all(self) -> None:
        for thread, (_worker, cancel) in list(self.live.items()):
            cancel.set()
            thread.quit()
        for thread in list(self.live):  # each is let go by release(), once its finished signal arrives
            if not thread.wait(QUIT_WAIT_MS):  # kept referenced: a QThread destroyed while running aborts
                log.warning("a background job (%s) did not stop in time", thread.objectName())


_registry: _Registry | None = None


def _the_registry() -> _Registry:
    global _registry
    if _registry is None:
        _registry = _Registry()
    return _registry


def stop_all_jobs() -> None:
    """Cancel every running job and wait for each (bounded): what quitting the application runs."""
    if _registry is not None:
        _registry.stop_all()


def running_jobs() -> int:
    """How many job threads the registry still keeps (until their finished signal has arrived)."""
    return 0 if _registry is None else len(_registry.live)


class Job(QObject):
    """One piece of work in its own thread: build it, connect to it, :meth:`start` it (once).

    :attr:`worker` lives in the job's thread: a direct connection to
    ``worker.progressed`` runs in that thread.

    Signals:
        progressed(object): the work called ``progress``: its one value, or the tuple of its values.
        finished(object): the work's result (the thread has ended).
        failed(str): the work raised; the message in the UI language (the thread has ended).
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, *, name: str = "oaoi-job", render: Render | None = None,
                 secret: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._running = False
        self._done = False
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.worker = _Worker(work, self._cancel, name,
                              render or (render_type_only if secret else render_error), secret)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        # The thread ends as soon as the work is done, even if nobody listens any more.
        self.worker.completed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.progressed.connect(self.progressed)
        self.worker.completed.connect(self._on_completed)
        self.worker.failed.connect(self._on_failed)

    def start(self) -> None:
        if self._running or self._done:
            raise RuntimeError("a Job runs once")
        self._running = True
        _the_registry().add(self._thread, self.worker, self._cancel)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop (it looks at its ``cancel`` event)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        """True from :meth:`start` until ``finished`` or ``failed`` is emitted."""
        return self._running

    def wait(self, msecs: int | None = 30_000) -> bool:
        """Block until the thread has ended, at most ``msecs`` (None: however long it takes)."""
        if not self._thread.isRunning():
            return True
        return self._thread.wait() if msecs is None else self._thread.wait(msecs)

    def _end(self) -> None:
        self._thread.wait()  # quitting already: the work has returned
        self._running = False
        self._done = True

    def _on_completed(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)


class NewestJob(QObject):
    """Background work of a view where only the newest request counts (a ranking, a report).

    :meth:`request` runs the work in a :class:`Job`.  While one runs, a new request
    is not queued with its work: the running job's result is dropped and, when it
    ends, ``again`` is called, so the view asks once more with the choices it shows
    by then (three clicks while a ranking runs cost one more ranking, not three).
    :meth:`supersede` drops the running job's result without asking again: the
    view answered inline, or shows another event now.

    Signals:
        finished(object): the result of the newest request.
        failed(str): the newest request failed; the message in the UI language.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, again: Callable[[], object], *, name: str, parent: QObject) -> None:
        super().__init__(parent)
        self._again = again
        self._name = name
        self._job: Job | None = None
        self._wanted = False  # the running job's result is still to be shown
        self._pending = False  # asked while a job ran: ask again when it ends

    @property
    def busy(self) -> bool:
        """A job is running (its result wanted or not)."""
        return self._job is not None

    @property
    def current(self) -> bool:
        """A job is running and its result will be shown."""
        return self._job is not None and self._wanted

    def supersede(self) -> None:
        """The running job's result is no longer wanted."""
        self._wanted = False

    def request(self, work: Work) -> bool:
        """Start ``work`` (True); while a job runs, ask ``again`` when it ends instead (False)."""
        if self._job is not None:
            self._pending = True
            self._wanted = False
            return False
        job = Job(work, name=self._name, parent=self)
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        self._job, self._wanted, self._pending = job, True, False
        job.start()
        return True

    def _ended(self) -> bool:
        """Forget the finished job; ask again if asked meanwhile. True when its result is to be shown."""
        self._job = None
        if self._pending:
            self._pending = False
            self._again()
            return False
        return self._wanted

    def _done(self, result: object) -> None:
        if self._ended():
            self.finished.emit(result)

    def _failed(self, message: str) -> None:
        if self._ended():
            self.failed.emit(message)


__all__ = ["QUIT_WAIT_MS", "Job", "NewestJob", "Progress", "Render", "Work", "render_error", "render_type_only",
           "running_jobs", "stop_all_jobs"]
