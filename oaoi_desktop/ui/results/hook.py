"""The Event menu's results actions: Kegiatan ▸ Finalisasi kegiatan… / Buka kembali kegiatan… /
Penilaian tersamar… (secretariat only), installed by :func:`oaoi_desktop.ui.results.install`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow
    from oaoi_desktop.ui.results.finalise_dialog import FinaliseDialog


class ResultsHook(QObject):
    """The Event menu's finalise / reopen actions.

    Signals:
        event_finalised(str): an event (id) was finalised from the menu.
        event_reopened(str): an event (id) was reopened from the menu.
    """

    event_finalised = Signal(str)
    event_reopened = Signal(str)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.finalise_action = QAction(window)
        self.finalise_action.setObjectName("action_finalise_event")
        self.finalise_action.triggered.connect(lambda _checked=False: self.open_dialog(reopen=False))
        self.reopen_action = QAction(window)
        self.reopen_action.setObjectName("action_reopen_event")
        self.reopen_action.triggered.connect(lambda _checked=False: self.open_dialog(reopen=True))
        window.event_menu.addSeparator()
        window.event_menu.addAction(self.finalise_action)
        window.event_menu.addAction(self.reopen_action)
        window.secretariat_only_actions.extend([self.finalise_action, self.reopen_action])
        # issue 14: the event's blind-review terms and the judges' reports of a visible identity
        self.blind_action = QAction(window)
        self.blind_action.setObjectName("action_blind_review")
        self.blind_action.triggered.connect(lambda _checked=False: self.open_blind_review())
        window.event_menu.addAction(self.blind_action)
        window.secretariat_only_actions.append(self.blind_action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.finalise_action.setText(self.tr("&Finalise the event\u2026"))
        self.finalise_action.setStatusTip(self.tr(
            "After the Berita Acara is issued: no result changes without a recorded reopening"))
        self.reopen_action.setText(self.tr("&Reopen the event\u2026"))
        self.reopen_action.setStatusTip(self.tr("Reopen a finalised event, with a reason for the audit log"))
        self.blind_action.setText(self.tr("&Blind review\u2026"))
        self.blind_action.setStatusTip(self.tr("Terms hidden from the judges, and their reports of a visible identity"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_dialog(self, *, reopen: bool, event_id: str | None = None) -> "FinaliseDialog":
        from oaoi_desktop.ui.results.finalise_dialog import FinaliseDialog

        actor = self.window.secretariat_actor()  # the signed-in secretariat member, named in the audit log
        dialog = FinaliseDialog(self.window.database, actor, reopen=reopen, event_id=event_id,
                                parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.event_finalised.connect(self._done_finalised)
        dialog.event_reopened.connect(self._done_reopened)
        dialog.open()
        return dialog

    def open_blind_review(self, event_id: str | None = None) -> QWidget:
        from oaoi_desktop.ui.results.blind_review import BlindReviewDialog

        dialog = BlindReviewDialog(self.window.database, self.window.secretariat_actor(), event_id=event_id,
                                   parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _done_finalised(self, event_id: str) -> None:
        self.window.refresh()
        self.event_finalised.emit(event_id)

    def _done_reopened(self, event_id: str) -> None:
        self.window.refresh()
        self.event_reopened.emit(event_id)


__all__ = ["ResultsHook"]
