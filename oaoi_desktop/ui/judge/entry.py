"""How the main window reaches the judge screens: one File menu action.

:class:`JudgeMenuHook` adds "Masuk sebagai penilai…" to the main window's
File menu.  After signing in, a judge's :class:`JudgeWorkspace` (or, for the
secretariat, the :class:`PaperFormsPanel`) becomes a page of the window's
stack, and stays the page shown after the window refreshes, until the person
signs out (the window's :class:`~oaoi_desktop.ui.access.AccessGate` then shows
the sign-in page: nothing of the secretariat is left enabled).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.ui import dialogs

if TYPE_CHECKING:  # the workspace's modules load when someone signs in, not at start-up (issue 14)
    from oaoi_desktop.services.auth import SignedIn  # the services load after the window is shown
    from oaoi_desktop.ui.judge.paper_forms import PaperFormsPanel
    from oaoi_desktop.ui.judge.sign_in import SignInDialog
    from oaoi_desktop.ui.judge.workspace import JudgeWorkspace


def _workspace_class() -> type:
    from oaoi_desktop.ui.judge.workspace import JudgeWorkspace

    return JudgeWorkspace

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


class JudgeMenuHook(QObject):
    """The File menu action that opens the judge sign-in, and the page it leads to.

    Signals:
        workspace_shown(object): a signed-in person's page is shown
            (a :class:`JudgeWorkspace` or :class:`PaperFormsPanel`).
        workspace_closed(): the person's page was closed (they signed out, or someone else signed in).
    """

    workspace_shown = Signal(object)
    workspace_closed = Signal()

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.page: JudgeWorkspace | PaperFormsPanel | None = None
        self.action = QAction(window)
        self.action.setObjectName("action_judge_sign_in")
        self.action.triggered.connect(self.start_sign_in)
        window.file_menu.insertAction(window.quit_action, self.action)
        window.file_menu.insertSeparator(window.quit_action)
        window.installEventFilter(self)
        window.summary_refreshed.connect(self._keep_page)
        window.access.about_to_lock.connect(self.flush_pending)
        window.access.signing_out.connect(self._person_leaving)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Sign in as &judge\u2026"))
        self.action.setStatusTip(self.tr("Sign in to score the proposals assigned to you"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def start_sign_in(self) -> SignInDialog:
        """Open the sign-in dialog (window-modal) and return it.

        On a judge's laptop it offers only the judges (the secretariat never signs in there).
        """
        from oaoi_desktop.ui.judge.sign_in import SignInDialog

        dialog = SignInDialog(self.window.database, self.window.settings, self.window,
                              judges_only=self.window.access.is_judge_seat())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed_in.connect(self.show_workspace)
        dialog.open()
        return dialog

    def show_workspace(self, signed: SignedIn) -> QWidget | None:
        """``signed`` now uses the window (whoever was signed in leaves): show their page."""
        access = self.window.access
        if access.person != signed or access.locked:
            try:
                access.sign_in(signed)  # signs the previous person out: their page closes
            except OaoiError as exc:
                dialogs.error(self.window, self.tr("The workspace could not be opened"), exc.render())
                return None
        from oaoi_desktop.ui.judge.paper_forms import PaperFormsPanel
        from oaoi_desktop.ui.judge.session import JudgeSession
        from oaoi_desktop.ui.judge.workspace import JudgeWorkspace

        self._drop_page()
        try:
            session = JudgeSession(self.window.database, signed)
        except OaoiError as exc:
            dialogs.error(self.window, self.tr("The workspace could not be opened"), exc.render())
            return None
        page: JudgeWorkspace | PaperFormsPanel
        if signed.is_judge:
            page = JudgeWorkspace(session, self.window.settings, self.window.stack)
        else:
            page = PaperFormsPanel(session, self.window.stack)
        page.signed_out.connect(self.close_workspace)
        self.page = page
        self.window.stack.addWidget(page)
        self.window.stack.setCurrentWidget(page)
        page.start()
        self.workspace_shown.emit(page)
        return page

    def close_workspace(self, refresh: bool = True) -> None:
        """Sign out: remove the page and show the window's sign-in page again."""
        if self.page is None:
            return
        if refresh and self.window.access.person is not None:
            self.window.access.sign_out()  # -> _person_leaving -> _drop_page
            return
        self._drop_page()
        if refresh:
            self.window.refresh()

    def flush_pending(self) -> None:
        """Enter what the judge is still typing (before the window locks or the person leaves)."""
        page = self.page
        if page is not None and isinstance(page, _workspace_class()):
            page.form.flush_pending()

    def _person_leaving(self, _signed: object) -> None:
        self._drop_page()

    def _drop_page(self) -> None:
        page, self.page = self.page, None
        if page is None:
            return
        if page is not None and isinstance(page, _workspace_class()):
            page.form.flush_pending()
        self.window.stack.removeWidget(page)
        page.hide()
        page.deleteLater()
        self.workspace_closed.emit()

    def _keep_page(self, _summary: object) -> None:
        """The window read the database again (F5): keep the person's page, with a fresh queue."""
        if self.page is not None:
            self.window.stack.setCurrentWidget(self.page)
            if self.page is not None and isinstance(self.page, _workspace_class()) and self.page.pages.currentWidget() is self.page.splitter:
                self.page.reload_queue()


def install(window: "MainWindow") -> JudgeMenuHook:
    """Add the judge sign-in to ``window``'s File menu."""
    return JudgeMenuHook(window)


__all__ = ["JudgeMenuHook", "install"]
