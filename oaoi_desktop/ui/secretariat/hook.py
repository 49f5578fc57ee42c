"""How the main window reaches the secretariat's screens: two Event menu actions.

"Kegiatan baru…" (Ctrl+N) opens the :class:`EventWizard`; "Konsol sekretariat"
shows the :class:`SecretariatConsole` page on the event chosen in the events
overview (else the most recent).  Both are secretariat-only actions.  The
console stays the page shown when the window refreshes (F5, an import), until
the user goes back to the events overview.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

from oaoi_desktop.ui.events_overview import EVENT_ID_ROLE

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow
    from oaoi_desktop.ui.secretariat.console import SecretariatConsole  # loaded on first use (issue 14: start fast)
    from oaoi_desktop.ui.secretariat.wizard import EventWizard


class SecretariatHook(QObject):
    """The Event menu actions and the console page of one main window.

    Signals:
        console_shown(object): the console page is shown (the :class:`SecretariatConsole`).
        event_created(str): the wizard created an event (its id).
    """

    console_shown = Signal(object)
    event_created = Signal(str)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.console: SecretariatConsole | None = None
        self.wizard: EventWizard | None = None
        self._keep_console = False
        self.new_event_action = QAction(window)
        self.new_event_action.setObjectName("action_new_event")
        self.new_event_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_event_action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.new_event_action.triggered.connect(lambda _checked=False: self.start_wizard())
        self.console_action = QAction(window)
        self.console_action.setObjectName("action_secretariat_console")
        self.console_action.setShortcut(QKeySequence("Ctrl+K"))
        self.console_action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.console_action.triggered.connect(lambda _checked=False: self.show_console())
        window.event_menu.addAction(self.new_event_action)
        window.event_menu.addAction(self.console_action)
        window.secretariat_only_actions.extend([self.new_event_action, self.console_action])
        window.installEventFilter(self)
        window.summary_refreshed.connect(self._keep_page)
        window.access.signing_out.connect(self._person_leaving)
        window.stack.currentChanged.connect(self._page_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_event_action.setText(self.tr("&New event\u2026"))
        self.new_event_action.setStatusTip(self.tr("Set up an evaluation event: rubric, conflict rules, judges and PINs"))
        self.console_action.setText(self.tr("Secretariat &console"))
        self.console_action.setStatusTip(self.tr("Assign judges and follow the progress of an event"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # -- the wizard --------------------------------------------------------------------
    def start_wizard(self) -> EventWizard:
        """Open the event set-up wizard (window-modal) and return it."""
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.activateWindow()
            return self.wizard
        from oaoi_desktop.ui.secretariat.wizard import EventWizard

        wizard = EventWizard(self.window.database, self.window, actor=self.window.secretariat_actor())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.event_created.connect(self._created)
        wizard.destroyed.connect(lambda _obj=None: setattr(self, "wizard", None))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _created(self, event_id: str) -> None:
        self.window.refresh()
        self.event_created.emit(event_id)
        if self.wizard is not None:
            self.wizard.accepted.connect(lambda: self.show_console(event_id))

    # -- the console -------------------------------------------------------------------
    def chosen_event(self) -> str | None:
        """The event selected in the events overview, if any."""
        table = self.window.events_page.table
        index = table.currentIndex()
        if index.isValid():
            value = index.siblingAtColumn(0).data(EVENT_ID_ROLE) or index.data(EVENT_ID_ROLE)
            return str(value) if value else None
        return None

    def show_console(self, event_id: str | uuid.UUID | None = None) -> SecretariatConsole:
        """Show the console page on ``event_id`` (None: the chosen or most recent event).

        Only for a signed-in secretariat member (else ``PermissionDeniedError``); the console acts
        as that person and closes when they sign out.
        """
        actor = self.window.secretariat_actor()
        if self.console is not None and self.console.actor != actor:
            self._drop_console()
        event_id = event_id or self.chosen_event()
        if self.console is None:
            from oaoi_desktop.ui.secretariat.console import SecretariatConsole

            self.console = SecretariatConsole(self.window.database, event_id, self.window.stack,
                                              actor=self.window.secretariat_actor())
            self.console.dismissed.connect(self.leave_console)
            self.window.stack.addWidget(self.console)
        else:
            if event_id:
                self.console.set_event(event_id)
            else:
                self.console.reload_events()
        self._keep_console = True
        self.window.stack.setCurrentWidget(self.console)
        self.console_shown.emit(self.console)
        return self.console

    def leave_console(self) -> None:
        """Back to the events overview."""
        self._keep_console = False
        self.window.refresh()

    def _page_changed(self, _index: int) -> None:
        current = self.window.stack.currentWidget()
        if current is self.console:
            return
        if current not in (self.window.events_page, self.window.start_page):
            self._keep_console = False  # the user went elsewhere (proposals, a judge signed in)

    def _person_leaving(self, _signed: object) -> None:
        """Whoever used the console signs out: the console and the wizard close with them."""
        if self.wizard is not None:
            self.wizard.setProperty("oaoi_signing_out", True)  # closes without asking about unsaved slips
            self.wizard.close()
        self._drop_console()

    def _drop_console(self) -> None:
        console, self.console = self.console, None
        self._keep_console = False
        if console is not None:
            self.window.stack.removeWidget(console)
            console.hide()
            console.dashboard.timer.stop()
            console.deleteLater()

    def _keep_page(self, _summary: object) -> None:
        """The window read the database again: keep the console, refreshed."""
        person = self.window.access.person  # (also while the window is locked: the console stays theirs)
        if (self._keep_console and self.console is not None and not self.window.judge_signed_in()
                and person is not None and person.is_secretariat):
            self.window.stack.setCurrentWidget(self.console)
            self.console.refresh()


__all__ = ["SecretariatHook"]
