"""The main window: menus, the page stack and the status bar.

Start fast (issue 14): this module and the pages it shows before anyone signs
in import no database library.  The window can be made before the database is
open (:class:`MainWindow` with ``db=None`` and a
:class:`~oaoi_desktop.ui.startup.DatabaseLoader`): it then shows the sign-in
page with the :class:`~oaoi_desktop.store.quick.SignInChoices` read without
the ORM, and completes itself when the loader reports the database open
(:meth:`MainWindow.is_ready`; the feature packages' menus, the pages' summary).
Whatever needs the database before that waits for it (:attr:`MainWindow.database`,
with a busy cursor): a PIN typed and entered at once signs the person in as
soon as the database is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QStackedWidget, QToolBar, QWidget
from shiboken6 import isValid as shiboken_valid

from oaoi_desktop import config
from oaoi_desktop.errors import OaoiError, PermissionDeniedError
from oaoi_desktop.ui import dialogs, extensions, language
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.access import AccessGate
from oaoi_desktop.ui.judge import entry as judge_entry
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.sign_in_page import LockScreen, SignInPage
from oaoi_desktop.ui.window_status import WindowStatus

if TYPE_CHECKING:  # loaded on first use, not at start-up (issue 14: start fast)
    import uuid

    from oaoi_desktop.services.audit import Actor
    from oaoi_desktop.services.auth import SignedIn
    from oaoi_desktop.services.status import StatusSummary
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.store.quick import SignInChoices
    from oaoi_desktop.ui.dossier_browser import DossierBrowserPage
    from oaoi_desktop.ui.events_overview import EventsOverviewPage
    from oaoi_desktop.ui.importing import ImportDialog
    from oaoi_desktop.ui.start_page import StartPage
    from oaoi_desktop.ui.startup import DatabaseLoader

DEFAULT_SIZE = QSize(1100, 720)
SIGNING_OUT_PROPERTY = "oaoi_signing_out"
"""Set on a window closed because its person signs out: it closes without asking (e.g. unsaved PIN slips)."""


def _database_argument(url: str, display_name: str) -> str | None:
    """What ``--db`` the CLI needs to reach the database at ``url`` (None: the default database)."""
    if url == config.normalise_db_url(str(config.default_db_path())):
        return None
    return display_name


class MainWindow(QMainWindow):
    """The main window of oaoi-desktop.

    Nobody uses it before signing in: :attr:`access` (an
    :class:`~oaoi_desktop.ui.access.AccessGate`) knows who is signed in, and
    the window shows its content (:attr:`stack`) only to a signed-in person and
    only while it is not locked; otherwise :attr:`sign_in_page` or
    :attr:`lock_screen` stands in front of it (:attr:`gate_stack`).  The
    secretariat's actions are enabled only while a secretariat member is
    signed in (:meth:`secretariat_actor` is the actor they pass to the
    services); a judge sees only their workspace.

    It shows one page at a time in :attr:`stack`: the empty-state
    :attr:`start_page` while the database has no evaluation event, else the
    :attr:`events_page` overview (each made when first needed: neither is
    seen before sign-in); :meth:`show_dossiers` shows the
    :attr:`dossier_browser` (made on first use).  Dropping folders or ZIP
    files on the window starts the import (:meth:`start_import`).  The
    status bar always names the database and this device.  The window uses ``db`` and ``settings`` but owns
    neither: closing it saves its geometry and closes nothing else.

    Made with ``db=None``, a ``loader`` and the sign-in page's ``choices`` (the
    quick start, see the module), the window shows the sign-in page at once;
    the feature packages are installed and the pages read the database when
    the loader has opened it (:attr:`database_ready`).

    Signals:
        language_changed(str): the user switched the interface language ("id" or "en").
        summary_refreshed(object): the pages show a new
            :class:`~oaoi_desktop.services.status.StatusSummary`.
        access_changed(): someone signed in or out, or the window was locked or unlocked
            (the actions have their new enabled state).
        database_ready(): a window made before the database was open has it now, with
            every feature package installed (never emitted by a window given its database).
    """

    language_changed = Signal(str)
    summary_refreshed = Signal(object)
    access_changed = Signal()
    database_ready = Signal()

    def __init__(self, db: Database | None, settings: Settings, parent: QWidget | None = None, *,
                 loader: DatabaseLoader | None = None, choices: SignInChoices | None = None) -> None:
        super().__init__(parent)
        if db is None and (loader is None or choices is None):
            raise ValueError("a window without its database needs the loader and the sign-in choices")
        self._db = db
        self._loader = loader
        self._settings = settings
        self._summary: StatusSummary | None = None
        self.dossier_browser: DossierBrowserPage | None = None
        self.import_dialog: ImportDialog | None = None
        self.demo_windows: list[MainWindow] = []
        self._hidden_for_lock: list[QWidget] = []
        self.setObjectName("main_window")
        self.setAcceptDrops(False)
        self.extensions: dict[str, object] = {}
        self.access = AccessGate(db if db is not None else self._wait_for_database, settings, self)
        self._build_ui()
        self.retranslate_ui()
        self._restore_layout()
        if db is not None:
            self.refresh()
        else:
            assert loader is not None and choices is not None
            self.sign_in_page.show_choices(choices)
            loader.opened.connect(self._database_opened)
        self._apply_access()

    # -- construction ------------------------------------------------------
    def _build_ui(self) -> None:
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("page_stack")
        self._start_page: StartPage | None = None
        self._events_page: EventsOverviewPage | None = None
        # Nobody sees the content (self.stack) before signing in, nor while the window is locked.
        self.gate_stack = QStackedWidget(self)
        self.gate_stack.setObjectName("gate_stack")
        self.sign_in_page = SignInPage(self._db if self._db is not None else self._wait_for_database,
                                       self.access.sign_in_secretariat, self.gate_stack)
        self.lock_screen = LockScreen(self.access.unlock, self.gate_stack)
        self.gate_stack.addWidget(self.stack)
        self.gate_stack.addWidget(self.sign_in_page)
        self.gate_stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.gate_stack)
        self.lock_screen.sign_out_requested.connect(self.access.sign_out)
        self.sign_in_page.setup_requested.connect(lambda: self.offer_first_run(force=True))

        bar = self.menuBar()
        self.file_menu = QMenu(bar)
        self.file_menu.setObjectName("menu_file")
        self.view_menu = QMenu(bar)
        self.view_menu.setObjectName("menu_view")
        self.language_menu = QMenu(self.view_menu)
        self.language_menu.setObjectName("menu_language")
        self.help_menu = QMenu(bar)
        self.help_menu.setObjectName("menu_help")
        # Menus the feature packages (ui/secretariat, ui/results, ...) fill in.
        self.event_menu = QMenu(bar)
        self.event_menu.setObjectName("menu_event")
        self.tools_menu = QMenu(bar)
        self.tools_menu.setObjectName("menu_tools")
        self.secretariat_only_actions: list[QAction] = []
        """Actions of the feature packages that are off while a judge is signed in."""

        self.import_action = QAction(self)
        self.import_action.setObjectName("action_import")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda _checked=False: self.start_import())
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()

        self.lock_action = QAction(self)
        self.lock_action.setObjectName("action_lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.triggered.connect(lambda _checked=False: self.access.lock())
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("action_sign_out")
        self.sign_out_action.triggered.connect(lambda _checked=False: self.access.sign_out())
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addSeparator()

        self.quit_action = QAction(self)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.reload_action = QAction(self)
        self.reload_action.setObjectName("action_reload")
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_action.triggered.connect(self.refresh)
        self.view_menu.addAction(self.reload_action)
        self.browse_action = QAction(self)
        self.browse_action.setObjectName("action_browse_dossiers")
        self.browse_action.setShortcut(QKeySequence("Ctrl+B"))
        self.browse_action.triggered.connect(lambda _checked=False: self.show_dossiers())
        self.view_menu.addAction(self.browse_action)
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.language_menu)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in language.LANGUAGES.items():
            action = QAction(name, self.language_group)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.demo_action = QAction(self)
        self.demo_action.setObjectName("action_demo")
        self.demo_action.triggered.connect(self.open_demo)
        self.help_menu.addAction(self.demo_action)

        self.about_action = QAction(self)
        self.about_action.setObjectName("action_about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

        bar.addMenu(self.file_menu)
        bar.addMenu(self.view_menu)
        bar.addMenu(self.event_menu)
        bar.addMenu(self.tools_menu)
        bar.addMenu(self.help_menu)

        self.tool_bar = QToolBar(self)
        self.tool_bar.setObjectName("main_toolbar")
        self.tool_bar.setMovable(False)
        self.tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tool_bar.addAction(self.import_action)
        self.tool_bar.addAction(self.browse_action)
        self.addToolBar(self.tool_bar)

        self.status_labels = WindowStatus(self)  # the database, the person signed in, this device
        self.database_label = self.status_labels.database_label
        self.person_label = self.status_labels.person_label
        self.device_label = self.status_labels.device_label
        # File > "Masuk sebagai penilai..." and the judge's workspace page (ui/judge/entry.py)
        self.judge_hook = judge_entry.install(self)
        self.sign_in_page.judge_sign_in_requested.connect(lambda: self.judge_hook.start_sign_in())
        # The secretariat's tools (import, the dossier browser that shows every
        # dossier unredacted, every feature package's secretariat action) are on
        # only while a secretariat member is signed in and the window is unlocked.
        self.access.person_changed.connect(self._person_changed)
        self.access.locked_changed.connect(self._locked_changed)
        self.access.signing_out.connect(self._close_person_windows)
        self.sign_in_page.package_import_requested.connect(self._import_package)
        if self._db is not None:  # else when the database is open (_database_opened)
            self._set_icons()
            self._install_extensions()

    def _set_icons(self) -> None:
        """The tool bar's icons (QStyle: 17 ms of a cold start, so not before the first paint)."""
        from PySide6.QtWidgets import QStyle

        self.import_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DriveFDIcon))
        self.browse_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))

    @property
    def start_page(self) -> StartPage:
        """The empty-state page (made on first use)."""
        if self._start_page is None:
            from oaoi_desktop.ui.start_page import StartPage

            page = StartPage(_database_argument(*self._database_names()), self.stack)
            page.setup_requested.connect(lambda: self.offer_first_run(force=True))
            page.import_requested.connect(lambda: self.start_import())
            page.demo_requested.connect(self.open_demo)
            page.new_event_requested.connect(self._start_new_event)
            self.stack.addWidget(page)
            self._start_page = page
        return self._start_page

    @property
    def events_page(self) -> EventsOverviewPage:
        """The overview of the events (made on first use)."""
        if self._events_page is None:
            from oaoi_desktop.ui.events_overview import EventsOverviewPage

            page = EventsOverviewPage(self.stack)
            page.table.activated.connect(self._on_event_activated)
            self.stack.addWidget(page)
            self._events_page = page
        return self._events_page

    def _install_extensions(self) -> None:
        """The feature packages add their menu actions and pages (ui/extensions.py)."""
        self.extensions = extensions.install_all(self)

    def _import_package(self) -> None:
        """The sign-in page's "Impor paket panel": the exchange package's dialog."""
        self.database  # noqa: B018 - made before the database was open: the packages come with it
        hook = self.extensions.get("exchange")
        if hook is not None:
            hook.import_package()  # type: ignore[attr-defined]

    def _restore_layout(self) -> None:
        geometry = self._settings.value(registry.MAIN_WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._place_default()
        state = self._settings.value(registry.MAIN_WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def _place_default(self) -> None:
        size = QSize(DEFAULT_SIZE)
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(QSize(int(available.width() * 0.9), int(available.height() * 0.9)))
            self.resize(size)
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft())
        else:
            self.resize(size)

    # -- the database, now or soon ---------------------------------------------------
    def _database_names(self) -> tuple[str, str]:
        """The database's URL and the name the status bar shows (known before it is open)."""
        if self._db is not None:
            return self._db.url, self._db.display_name
        assert self._loader is not None
        return self._loader.url, self._loader.display_name

    def is_ready(self) -> bool:
        """True once the window has its database (always, for a window given its database)."""
        return self._db is not None

    def _wait_for_database(self) -> Database:
        """The database; made before it was open, the window waits for it here (busy cursor)."""
        if self._db is None:
            assert self._loader is not None
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._loader.wait()  # raises the OaoiError when it cannot be opened
            finally:
                QApplication.restoreOverrideCursor()
            assert self._db is not None  # _database_opened ran when the loader opened it
        return self._db

    def _database_opened(self, db: Database) -> None:
        """The loader opened the database: complete the window (menus, pages, status bar)."""
        if self._db is not None:
            return
        self._db = db
        self._set_icons()
        self._install_extensions()
        self.refresh()
        self._apply_access()
        self.database_ready.emit()

    # -- accessors ------------------------------------------------------------
    @property
    def database(self) -> Database:
        """The open database (a window made before it was open waits for it)."""
        return self._wait_for_database()

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def summary(self) -> StatusSummary | None:
        """What the pages show now (None until the first refresh succeeded)."""
        return self._summary

    # -- behaviour -----------------------------------------------------------
    def refresh(self) -> None:
        """Read the database again and show the page that fits it."""
        from oaoi_desktop.services import status

        try:
            db = self.database
            signed = self.access.secretariat  # the counts are the secretariat's; before sign-in: names only
            try:
                summary = status.summary(db, actor=signed.actor if signed is not None else None)
            except PermissionDeniedError:  # e.g. this database just became a judge's laptop: names only
                summary = status.summary(db, actor=None)
        except OaoiError as exc:
            dialogs.error(self, self.tr("The database could not be read"), exc.render())
            return
        self._summary = summary
        browser = self.dossier_browser
        if summary.events:
            self.events_page.set_summary(summary)
            if browser is not None and self.stack.currentWidget() is browser:
                browser.refresh()
            else:
                self.stack.setCurrentWidget(self.events_page)
        else:
            self.start_page.set_summary(summary)
            self.stack.setCurrentWidget(self.start_page)
        self.sign_in_page.reload()
        self._update_status_bar()
        self.summary_refreshed.emit(summary)

    def set_language(self, lang: str) -> None:
        """Switch the interface to ``lang`` ("id" or "en") and remember it."""
        if lang == language.current_language():
            self._check_language_action()
            return
        language.install_language(lang)
        self._settings.set_value(registry.LANGUAGE, lang)
        self._settings.sync()
        # install_language() has delivered LanguageChange to every widget;
        # retranslate once more in case this window is not shown yet.
        self.retranslate_ui()
        self.language_changed.emit(lang)

    def show_about(self) -> QMessageBox:
        """Show the About box (through the dialog seam) and return it."""
        from oaoi_desktop.ui.about import show_about

        return show_about(self)

    # -- who is at the keyboard ---------------------------------------------------------
    def judge_signed_in(self) -> bool:
        """True while a judge's workspace is open in this window."""
        from oaoi_desktop.ui.judge.workspace import JudgeWorkspace

        return isinstance(self.judge_hook.page, JudgeWorkspace)

    def secretariat_actor(self) -> Actor:
        """The signed-in secretariat member as the services' actor (refused when nobody is)."""
        return self.access.secretariat_actor()

    def _secretariat_actions(self) -> tuple[QAction, ...]:
        return (self.import_action, self.browse_action, *self.secretariat_only_actions)

    def _apply_access(self) -> None:
        """Enable what the signed-in person may use; show the content, the sign-in page or the lock."""
        person, locked = self.access.person, self.access.locked
        secretariat = self.access.secretariat is not None
        judge = self.access.judge is not None
        for action in self._secretariat_actions():
            action.setEnabled(secretariat)
        self.demo_action.setEnabled(not locked and not judge)
        self.lock_action.setEnabled(person is not None and not locked)
        self.sign_out_action.setEnabled(person is not None and not locked)
        self.reload_action.setEnabled(not locked)
        self.judge_hook.action.setEnabled(not locked)
        self.menuBar().setEnabled(not locked)
        self.tool_bar.setVisible(secretariat)
        self.setAcceptDrops(secretariat)
        if not secretariat and self.import_dialog is not None and not locked:
            self.import_dialog.close()
        if locked:
            self.gate_stack.setCurrentWidget(self.lock_screen)
        elif person is None:
            self.gate_stack.setCurrentWidget(self.sign_in_page)
        else:
            self.gate_stack.setCurrentWidget(self.stack)
        self._update_status_bar()
        self.access_changed.emit()

    def _person_changed(self, person: SignedIn | None) -> None:
        self._hidden_for_lock = []
        self.lock_screen.set_person(person)
        self._apply_access()
        self.refresh()
        if person is None:
            self.sign_in_page.show_sign_in()
            self.sign_in_page.focus_secret()

    def _locked_changed(self, locked: bool) -> None:
        if locked:
            self._hide_person_windows()
            self.lock_screen.set_person(self.access.person)
            self._apply_access()
            self.lock_screen.secret.setFocus()
        else:
            self._apply_access()
            windows, self._hidden_for_lock = self._hidden_for_lock, []
            for widget in windows:
                if shiboken_valid(widget):
                    widget.show()

    def _person_windows(self) -> list[QWidget]:
        """The dialogs and other top-level windows this window opened, still open."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or not shiboken_valid(widget):
                continue
            parent = widget.parentWidget()
            while parent is not None and parent is not self:
                parent = parent.parentWidget()
            if parent is self and widget.isVisible():
                found.append(widget)
        return found

    def _hide_person_windows(self) -> None:
        windows = self._person_windows()
        for widget in windows:
            widget.hide()
        self._hidden_for_lock = windows

    def _close_person_windows(self, _leaving: object = None) -> None:
        windows = self._person_windows() + [w for w in self._hidden_for_lock if shiboken_valid(w)]
        self._hidden_for_lock = []
        for widget in windows:
            if shiboken_valid(widget):
                widget.setProperty(SIGNING_OUT_PROPERTY, True)  # nobody is left to answer "close anyway?"
                widget.close()

    def lock(self) -> bool:
        """Lock the window now (Ctrl+L): the content hides until the person types their PIN again."""
        return self.access.lock()

    def offer_first_run(self, *, force: bool = False) -> QWidget | None:
        """No secretariat account yet: open the first-run dialog (``force``: also when asked again)."""
        from oaoi_desktop.ui.judge import first_run

        existing = getattr(self, "setup_dialog", None)
        if existing is not None and shiboken_valid(existing) and existing.isVisible():
            existing.activateWindow()
            return existing  # type: ignore[no-any-return]
        dialog = first_run.offer_secretariat_setup(self.database, self, on_created=self.refresh,
                                                   on_signed_in=self._first_account_signed_in)
        self.setup_dialog = dialog
        return dialog

    def _first_account_signed_in(self, signed: SignedIn) -> None:
        try:
            self.access.sign_in(signed)
        except OaoiError as exc:
            dialogs.error(self, self.tr("Signing in failed"), exc.render())

    # -- dossiers: import, browse, demo ----------------------------------------------
    def start_import(self, paths: Sequence[Path | str] = (), event_id: str | uuid.UUID | None = None) -> ImportDialog:
        """Show the "Impor dari USB" dialog (with ``paths`` listed, e.g. dropped) and return it.

        Only for a signed-in secretariat member (``PermissionDeniedError`` otherwise).
        """
        actor = self.secretariat_actor()
        if self.import_dialog is not None and self.import_dialog.isVisible():
            self.import_dialog.add_paths(paths)
            self.import_dialog.activateWindow()
            return self.import_dialog
        if event_id is None and self.dossier_browser is not None and self.stack.currentWidget() is self.dossier_browser:
            event_id = self.dossier_browser.event_id()
        from oaoi_desktop.ui.importing import open_import_dialog

        dialog = open_import_dialog(self.database, self, paths=paths, event_id=event_id, actor=actor)
        dialog.import_finished.connect(lambda _report: self.refresh())
        self.import_dialog = dialog
        return dialog

    def show_dossiers(self, event_id: str | uuid.UUID | None = None) -> DossierBrowserPage:
        """Show the dossier browser on ``event_id`` (None: the most recent event); secretariat only."""
        self.secretariat_actor()
        if self.dossier_browser is None:
            from oaoi_desktop.ui.dossier_browser import DossierBrowserPage

            self.dossier_browser = DossierBrowserPage(self.database, self.stack, settings=self._settings,
                                                      actor=self.secretariat_actor)
            self.dossier_browser.dismissed.connect(self._leave_dossiers)
            self.stack.addWidget(self.dossier_browser)
        self.dossier_browser.set_event(event_id)
        self.stack.setCurrentWidget(self.dossier_browser)
        return self.dossier_browser

    def _leave_dossiers(self) -> None:
        if self.dossier_browser is not None:
            self.dossier_browser.reader.clear()
        self.stack.setCurrentWidget(self.events_page)
        self.refresh()

    def _on_event_activated(self, index: QModelIndex) -> None:
        from oaoi_desktop.ui.events_overview import EVENT_ID_ROLE

        event_id = index.data(EVENT_ID_ROLE)
        if event_id:
            self.show_dossiers(event_id)

    def open_demo(self) -> QWidget:
        """Bantuan ▸ Buka demo: the demo event in a window of its own (a separate database)."""
        from oaoi_desktop.ui.demo import open_demo_from

        return open_demo_from(self)  # type: ignore[return-value]

    @staticmethod
    def _dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        from oaoi_desktop.ui.importing import importable_paths

        return importable_paths([url.toLocalFile() for url in mime.urls() if url.isLocalFile()])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt naming
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            self.statusBar().showMessage(
                self.tr("Only folders, ZIP files and proposal lists (.xlsx, .csv) can be imported."), 6000
            )
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt naming
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt naming
        paths = self._dropped_paths(event)
        if not paths or self.access.secretariat is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.start_import(paths)

    def _start_new_event(self) -> None:
        """The start page's "Kegiatan baru": the secretariat package's event wizard."""
        hook = self.extensions.get("secretariat")
        start = getattr(hook, "start_wizard", None)
        if callable(start):
            start()

    # -- language -------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle("oaoi-desktop")
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import from USB\u2026"))
        self.import_action.setIconText(self.tr("Import from USB"))
        self.import_action.setStatusTip(self.tr("Import proposals from a USB stick, a folder or a ZIP file"))
        self.browse_action.setText(self.tr("&Proposals"))
        self.browse_action.setStatusTip(self.tr("Read the proposals of an evaluation event"))
        self.demo_action.setText(self.tr("Open the &demo"))
        self.demo_action.setStatusTip(self.tr("Open a demo event with sample proposals, in a separate database"))
        self.tool_bar.setWindowTitle(self.tr("Tool bar"))
        self.quit_action.setText(self.tr("&Quit"))
        self.quit_action.setStatusTip(self.tr("Close oaoi-desktop"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reload_action.setText(self.tr("&Reload"))
        self.reload_action.setStatusTip(self.tr("Read the database again"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.event_menu.setTitle(self.tr("&Event"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.about_action.setText(self.tr("&About oaoi-desktop"))
        self.lock_action.setText(self.tr("&Lock the window"))
        self.lock_action.setStatusTip(self.tr("Hide the window until you type your PIN again"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.sign_out_action.setStatusTip(self.tr("End your session; the next person signs in"))
        self._check_language_action()
        self._update_status_bar()

    def _check_language_action(self) -> None:
        action = self.language_actions.get(language.current_language())
        if action is not None:
            action.setChecked(True)

    def _update_status_bar(self) -> None:
        device_id = self._summary.device_id if self._summary is not None else None
        if device_id is None and self._db is None:  # the quick start: the same id, before the summary is read
            device_id = config.device_id()
        self.status_labels.show(self.access.person, self._database_names()[1], device_id)

    # -- closing ----------------------------------------------------------------
    def save_layout(self) -> None:
        """Store geometry and tool bar/dock state in the settings."""
        self._settings.set_value(registry.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set_value(registry.MAIN_WINDOW_STATE, self.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        self.access.about_to_lock.emit()  # save what a judge is still typing
        self.access.shutdown()
        self.save_layout()
        event.accept()
        super().closeEvent(event)


__all__ = ["DEFAULT_SIZE", "MainWindow"]
