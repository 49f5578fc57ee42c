"""Long exchange work (packages, bundle merges) in a thread of its own, with progress and cancel.

:class:`ExchangeJob` runs one callable ``work(progress, cancel)`` in a QThread;
the callable opens its own database sessions (each thread its own).  Errors a
user can cause arrive as their rendered message, never as a traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from oaoi_desktop.errors import OaoiError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], threading.Event], Any]


class _Worker(QObject):
    progressed = Signal(int, int)
    completed = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(lambda done, total: self.progressed.emit(done, total), self._cancel)
        except OaoiError as exc:
            self.failed.emit(exc.render())
        except Exception as exc:  # noqa: BLE001 - report, never crash the GUI
            log.exception("exchange job failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.completed.emit(result)


_live: dict[QThread, QObject] = {}
"""Threads still running, with their workers, kept alive whatever happens to their dialog."""


class ExchangeJob(QObject):
    """One piece of exchange work running in its own thread.

    Signals:
        progressed(int, int): bytes (or items) done, and the total.
        finished(object): the work's result.
        failed(str): the work could not be done; the message in the UI language.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._running = False
        self._thread = QThread()
        self._thread.setObjectName("oaoi-exchange")
        self.worker = _Worker(work, self._cancel)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.completed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.progressed.connect(self.progressed)
        self.worker.completed.connect(self._on_completed)
        self.worker.failed.connect(self._on_failed)
        thread = self._thread
        thread.finished.connect(lambda: _live.pop(thread, None))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    def start(self) -> None:
        self._running = True
        _live[self._thread] = self.worker
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs) if self._thread.isRunning() else True

    def _stop(self) -> None:
        self._running = False
        self._thread.wait()

    def _on_completed(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)

    def _on_quit(self) -> None:
        if self._running:
            self.cancel()
            self._thread.quit()
            self._thread.wait(30_000)


__all__ = ["ExchangeJob"]
