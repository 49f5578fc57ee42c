"""Fail visibly: an uncaught exception is logged and shown, never lost in a terminal.

:func:`install` (called by ``app.main``) sets

* ``sys.excepthook``: exceptions raised in slots, event handlers and timers
  (PySide prints them through the hook) and at top level;
* ``threading.excepthook``: exceptions in worker threads, handed to the GUI
  thread through a queued signal;
* a Qt message handler that writes Qt's own warnings to the log.

Each uncaught exception is written, with its traceback, to the rotating log
file (:mod:`oaoi_desktop.logs`, secrets masked) and the user sees one error
box through the dialog seam: a short sentence in the interface language and
where the log file is (an :class:`~oaoi_desktop.errors.OaoiError` that
escaped shows its own catalogue text instead).  While one box is open, further
exceptions are only logged, so a failing timer cannot bury the screen in boxes.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid as shiboken_valid

from oaoi_desktop import i18n, logs
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.ui import dialogs

log = logging.getLogger("oaoi_desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashReporter(QObject):
    """Logs uncaught exceptions and shows them through the dialog seam.

    Signals:
        crash_reported(object): an exception (the exception object) was logged and
            is shown (or queued behind the box already open); emitted in the GUI thread.
    """

    crash_reported = Signal(object)
    _from_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self.count = 0
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._previous_qt_handler: object = None
        self._from_thread.connect(self._show)  # queued when emitted from another thread

    # -- hooks ---------------------------------------------------------------------
    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "?"
        log.critical("uncaught exception in thread %s", thread,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        self.count += 1
        self._from_thread.emit(args.exc_value)

    def qt_message(self, mode: QtMsgType, context: object, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(mode, logging.WARNING)
        logging.getLogger("qt").log(level, "%s", message)
        previous = self._previous_qt_handler
        if callable(previous):
            previous(mode, context, message)
        elif level >= logging.WARNING:
            print(message, file=sys.stderr)

    # -- reporting -----------------------------------------------------------------
    def report(self, exc_info: ExcInfo) -> None:
        """Log ``exc_info`` and show it (GUI thread)."""
        try:
            log.critical("uncaught exception", exc_info=exc_info)
        except Exception:  # the log itself failed (disk full): still tell the user
            traceback.print_exception(*exc_info)
        self.count += 1
        self._show(exc_info[1])

    def _show(self, exc: BaseException) -> None:
        try:
            if self.box is not None and shiboken_valid(self.box) and self.box.isVisible():
                return  # one box at a time; the log has every one
            title, text = crash_texts(exc)
            parent = QApplication.activeWindow()
            box = dialogs.current().message(
                parent if isinstance(parent, QWidget) else None,
                dialogs.MessageKind.ERROR,
                title,
                text,
                informative_text=i18n.render("blindstart.crash.log_hint", path=str(logs.log_path())),
            )
            self.box = box
        except Exception:  # never recurse into the hook from the hook
            traceback.print_exc()
        finally:
            self.crash_reported.emit(exc)

    # -- installing ------------------------------------------------------------------
    def install(self, *, qt_messages: bool = True) -> "CrashReporter":
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        if qt_messages:
            self._previous_qt_handler = qInstallMessageHandler(self.qt_message)
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook
        if self._previous_qt_handler is not None:
            qInstallMessageHandler(self._previous_qt_handler)  # type: ignore[arg-type]
            self._previous_qt_handler = None


def crash_texts(exc: BaseException) -> tuple[str, str]:
    """The title and the sentence the user reads for ``exc`` (never a traceback)."""
    title = i18n.render("blindstart.crash.title")
    if isinstance(exc, OaoiError):
        return title, exc.render()
    return title, i18n.render("blindstart.crash.text")


_installed: CrashReporter | None = None


def install(app: QApplication | None = None, *, qt_messages: bool = True) -> CrashReporter:
    """Start the log file and the hooks (once per process); returns the reporter."""
    global _installed
    logs.install()
    if _installed is not None and shiboken_valid(_installed):
        return _installed
    _installed = CrashReporter(app or QApplication.instance()).install(qt_messages=qt_messages)
    log.info("oaoi-desktop started; log file %s", logs.log_path())
    return _installed


def uninstall() -> None:
    global _installed
    if _installed is not None and shiboken_valid(_installed):
        _installed.uninstall()
    _installed = None
    logs.uninstall()


__all__ = ["CrashReporter", "crash_texts", "install", "uninstall"]
