"""Opening the database after the sign-in window is painted (issue 14: start fast).

A cold start used to import SQLAlchemy and our models (about 0.6 s of CPU on
the project's laptop-class VM) before the first window appeared.  Now, for a
SQLite database that is up to date and has its accounts (read with
:mod:`oaoi_desktop.store.quick`), ``oaoi_desktop.app`` shows the main window
on its sign-in page first, and a :class:`DatabaseLoader` does the rest:

1. :meth:`DatabaseLoader.start_after_first_paint`: when the window has painted
   itself, a background thread imports the database layer
   (:data:`WARM_MODULES`: SQLAlchemy, the models with their mappers configured,
   the services the window uses).  Only imports run there, never Qt and never a
   database connection; the person meanwhile chooses a name and types a PIN.
2. When the imports are done, the GUI thread opens the database as the app
   always did (:meth:`Database.open`: the stamp checked, migrations when
   needed, the SQLite pragmas) and the loader emits :attr:`~DatabaseLoader.opened`;
   the window then installs its feature packages and reads its pages.
3. Anything that needs the database earlier (Enter pressed in the PIN field,
   "Masuk sebagai penilai…", F5) calls :meth:`DatabaseLoader.wait` through the
   window: it waits for the imports and opens the database at once (the window
   shows a busy cursor), then goes on.  Nothing typed is lost: keys wait in the
   event queue while the GUI thread works.

If the database cannot be opened after all (e.g. the file vanished or became
unreadable between the quick read and the open), :attr:`~DatabaseLoader.failed`
carries the :class:`~oaoi_desktop.errors.OaoiError`: the app reports it in its
start-up error box and exits with status 1, as it does when the error is found
before the window.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.store import quick

if TYPE_CHECKING:
    from oaoi_desktop.store.database import Database

log = logging.getLogger(__name__)

WARM_MODULES: tuple[str, ...] = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "oaoi_desktop.store.models",
    "oaoi_desktop.store.database",
    "oaoi_desktop.services.status",
    "oaoi_desktop.services.auth",
    "oaoi_desktop.services.seat",
    "oaoi_desktop.services.policy",
    "oaoi_desktop.services.counted",
    "oaoi_desktop.services.audit_verify",
    "oaoi_desktop.services.backups",
)
"""What the window needs once the database is open, imported in the background (no Qt in these)."""

FALLBACK_START_MS = 300
"""Start the background imports after this long even if no paint was seen (e.g. a minimised window)."""


def _configure_mappers() -> None:
    from sqlalchemy.orm import configure_mappers

    configure_mappers()  # thread-safe (SQLAlchemy holds a lock); else the first query does it


class _FirstPaint(QObject):
    """Calls ``then`` once, on the event loop's next turn after ``window`` painted itself."""

    def __init__(self, window: QWidget, then: object) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the rest of this paint (the children paint next)
        return False


class DatabaseLoader(QObject):
    """Imports the database layer in the background, then opens the database on the GUI thread.

    ``url`` is the resolved database URL (``config.resolve_db_url``).

    Signals:
        opened(object): the :class:`~oaoi_desktop.store.database.Database` is open (on the GUI thread).
        failed(object): it could not be opened: the :class:`~oaoi_desktop.errors.OaoiError`.
    """

    opened = Signal(object)
    failed = Signal(object)
    _warmed = Signal()

    def __init__(self, url: str, parent: QObject | None = None, *, warm: Sequence[str] = WARM_MODULES) -> None:
        super().__init__(parent)
        self.url = url
        path = quick.sqlite_file(url)
        self.display_name = str(path) if path is not None else url
        """What the status bar shows (what :attr:`Database.display_name` will say)."""
        self._warm = tuple(warm)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._database: Database | None = None
        self._error: OaoiError | None = None
        self._opening = False
        self._warmed.connect(self._open_when_warm, Qt.ConnectionType.QueuedConnection)

    # -- state ---------------------------------------------------------------------------
    @property
    def database(self) -> Database | None:
        """The open database (None until :attr:`opened`)."""
        return self._database

    @property
    def started(self) -> bool:
        """True once the background imports were started."""
        return self._thread is not None

    # -- the background imports ----------------------------------------------------------------
    def start_after_first_paint(self, window: QWidget) -> None:
        """Start the background imports once ``window`` has painted itself (or after a short while)."""
        _FirstPaint(window, lambda: self._start_for(window))
        QTimer.singleShot(FALLBACK_START_MS, self, lambda: self._start_for(window))

    def _start_for(self, window: QWidget) -> None:
        if window.isVisible():  # closed already (e.g. --quit-after 0): nothing to load for
            self.start()

    def start(self) -> None:
        """Start importing the database layer in a background thread (once)."""
        if self._thread is not None or self._database is not None or self._error is not None:
            return
        self._thread = threading.Thread(target=self._import_all, name="oaoi-start-imports", daemon=True)
        self._thread.start()

    def _import_all(self) -> None:
        try:
            for name in self._warm:
                if self._stop.is_set():
                    return
                importlib.import_module(name)
            if not self._stop.is_set():
                _configure_mappers()
        except Exception:  # noqa: BLE001 - the GUI thread's open reports what is wrong, in words
            log.warning("importing the database layer in the background failed", exc_info=True)
        finally:
            if not self._stop.is_set():
                self._warmed.emit()  # queued: _open_when_warm runs on the GUI thread

    def _open_when_warm(self) -> None:
        if self._database is None and self._error is None and not self._opening and not self._stop.is_set():
            try:
                self._open()
            except OaoiError:
                pass  # reported through `failed`

    # -- opening ----------------------------------------------------------------------------
    def wait(self) -> Database:
        """The open database: waits for the background imports and opens it now if not yet done.

        Raises the :class:`~oaoi_desktop.errors.OaoiError` when it cannot be opened (after
        emitting :attr:`failed` once).
        """
        if self._database is not None:
            return self._database
        if self._error is not None:
            raise self._error
        if self._thread is not None:
            self._thread.join()
        return self._open()

    def _open(self) -> Database:
        from oaoi_desktop.store.database import Database

        self._opening = True
        try:
            db = Database.open(self.url)
        except OaoiError as exc:
            self._error = exc
            self.failed.emit(exc)
            raise
        finally:
            self._opening = False
        self._database = db
        self.opened.emit(db)
        return db

    def shutdown(self, timeout: float = 10.0) -> None:
        """The app is closing: stop importing after the current module and wait for the thread."""
        self._stop.set()
        if self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout)


__all__ = ["FALLBACK_START_MS", "WARM_MODULES", "DatabaseLoader"]
