"""The GUI entry point: the ``oaoi-desktop`` command and ``python -m oaoi_desktop``.

``main()`` creates the QApplication, installs the translators for the chosen
language (``--lang``, else the saved setting, else Indonesian), opens and
migrates the database (``--db``, else ``OAOI_DB``, else the default file in
the data folder) and shows the main window.  ``--demo`` opens the separate
demo database instead (built from the sample dossiers the first time, never
the user's own database) and shows who can sign in with which PIN.  The window
opens on its sign-in page: nobody acts before signing in, and a database
without a secretariat account opens the first-run dialog (never the event
wizard; :meth:`MainWindow.offer_first_run`).  A database the app must not
open (written by a newer version, not a database at all) is reported in a
message box with the catalogue's text, and the app exits with status 1,
never with a traceback.

Start fast (issue 14): when the database is a SQLite file already at the
newest schema with its accounts (:func:`oaoi_desktop.store.quick.read_sign_in_choices`
answers), the window is shown on its sign-in page *before* the database layer
is imported, and a :class:`~oaoi_desktop.ui.startup.DatabaseLoader` imports
SQLAlchemy in the background and opens the database right after the first
paint.  Everything else (a new, older, newer or broken file, the first run,
PostgreSQL, ``--demo``) opens the database first, as before.  This module and
the window's modules import no SQLAlchemy (tests/store/test_startup_imports.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid as shiboken_valid

import oaoi_desktop
from oaoi_desktop import APP_NAME
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.resources import app_icon
from oaoi_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from oaoi_desktop.store.quick import SignInChoices

EXIT_DATABASE_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oaoi-desktop",
        description="oaoi-desktop: offline judging of public-service innovations.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--db",
        metavar="URL",
        help="the database: a SQLite path or URL (sqlite:///..., postgresql://...); "
        "default: OAOI_DB, else oaoi.sqlite in the data folder",
    )
    source.add_argument(
        "--demo",
        action="store_true",
        help="open the demo event in its own database (never your real one); the PINs are shown on screen",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(language.LANGUAGES),
        help="language of the interface for this run (default: the saved choice, else id)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {oaoi_desktop.__version__}")
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="close the window after SECONDS (a smoke test of an installed app or bundle)",
    )
    parser.add_argument(
        "--quit-after-ready",
        type=float,
        metavar="SECONDS",
        help="close the window SECONDS after the database is open and every menu loaded "
        "(the window may show its sign-in page before that)",
    )
    return parser


def application(qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication (the running one, if any), named and with its icon."""
    app = QApplication.instance()
    if app is None:
        # argv[0] names the X11 window class (WM_CLASS) and the Wayland app id
        app = QApplication([APP_NAME, *qt_args])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(oaoi_desktop.__version__)
    QApplication.setDesktopFileName(APP_NAME)
    icon = app_icon()
    if not icon.isNull():
        QApplication.setWindowIcon(icon)
    return app


def run_event_loop(app: QApplication) -> int:
    """Run the main loop until the last window closes (replaced in tests)."""
    return app.exec()


def report_startup_error(exc: OaoiError, lang: str) -> None:
    """Tell the user why the app cannot start, through the dialog seam, and wait."""
    seam = dialogs.current()
    box = seam.build_message(
        None,
        dialogs.MessageKind.ERROR,
        QCoreApplication.translate("app", "oaoi-desktop cannot start"),
        exc.render(lang),
    )
    seam.run_modal(box)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the GUI; returns the exit status (0, or 1 when the database cannot be used)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        options, qt_args = build_parser().parse_known_args(args)
    except SystemExit as exc:  # --help, --version, a bad option: argparse has printed
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)

    app = application(qt_args)
    from oaoi_desktop.ui import crash

    crash.install(app)  # the rotating log file, and a dialog for an uncaught exception (issue 14)
    settings = Settings.open()
    lang = options.lang or settings.value(registry.LANGUAGE)
    language.install_language(lang)

    quick_start = None if options.demo else _quick_start(options.db)
    if quick_start is not None:
        return _run_quick(app, options, settings, lang, *quick_start)

    from oaoi_desktop.store.database import Database

    demo_info = None
    try:
        if options.demo:
            from oaoi_desktop.services.demo import open_demo

            db, demo_info = open_demo()
        else:
            db = Database.open(options.db)
    except OaoiError as exc:
        report_startup_error(exc, lang)
        crash.uninstall()
        return EXIT_DATABASE_ERROR

    setup = None
    try:
        window = MainWindow(db, settings)
        if demo_info is not None:
            from oaoi_desktop.ui.demo import attach_demo_panel

            attach_demo_panel(window, demo_info)
        window.show()
        setup = window.offer_first_run()  # no account yet: the first-run dialog, never the wizard
        _quit_later(app, options.quit_after)
        _quit_later(app, options.quit_after_ready)  # the database is open already
        return run_event_loop(app)
    finally:
        if setup is not None and shiboken_valid(setup):
            setup.close()
        db.close()
        crash.uninstall()  # the hooks leave with the window (tests run main() many times)


def _quit_later(app: QApplication, seconds: float | None) -> None:
    if seconds is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(max(0, int(seconds * 1000)), app.closeAllWindows)


def _quick_start(db_argument: str | None) -> tuple[str, SignInChoices] | None:
    """The database URL and its sign-in choices when the window may be shown before the database
    is open (SQLite, at the newest schema, with its accounts); else None: open it first."""
    from oaoi_desktop import config
    from oaoi_desktop.store import quick

    try:
        url = config.resolve_db_url(db_argument)
    except OaoiError:
        return None  # Database.open reports it
    choices = quick.read_sign_in_choices(url)
    if choices is None or choices.needs_setup:  # the first run opens its dialog on the open database
        return None
    return url, choices


def _run_quick(app: QApplication, options: argparse.Namespace, settings: Settings, lang: str, url: str,
               choices: SignInChoices) -> int:
    """The window first, on its sign-in page; the database opened right after the first paint."""
    from oaoi_desktop.ui import crash
    from oaoi_desktop.ui.startup import DatabaseLoader

    loader = DatabaseLoader(url)
    failed: list[OaoiError] = []
    setups: list[object] = []

    def on_failed(exc: OaoiError) -> None:
        failed.append(exc)
        window.hide()  # the error box stands alone, as when the error is found before the window
        report_startup_error(exc, lang)
        window.close()
        app.quit()  # main() returns the error status; never app.exit() outside the loop (it would stop every later one)

    def on_opened(_db: object) -> None:
        setups.append(window.offer_first_run())  # an account removed meanwhile: the first run after all
        _quit_later(app, options.quit_after_ready)

    loader.failed.connect(on_failed)
    window = MainWindow(None, settings, loader=loader, choices=choices)
    loader.opened.connect(on_opened)  # after the window's own slot: it has its database by then
    try:
        window.show()
        _quit_later(app, options.quit_after)
        loader.start_after_first_paint(window)
        status = run_event_loop(app)
        return EXIT_DATABASE_ERROR if failed else status
    finally:
        loader.shutdown()
        for setup in setups:
            if setup is not None and shiboken_valid(setup):
                setup.close()  # type: ignore[attr-defined]
        if loader.database is not None:
            loader.database.close()
        crash.uninstall()


__all__ = ["application", "build_parser", "main", "report_startup_error", "run_event_loop"]
