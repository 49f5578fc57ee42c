"""The console's "Tindakan" menu: the routine steps that once needed a terminal.

* Cetak ulang slip PIN… (:class:`~oaoi_desktop.ui.secretariat.reprint_slip.ReprintSlipDialog`, ``oaoi pin-slip``);
* Impor nilai kertas… (:class:`~oaoi_desktop.ui.secretariat.paper_import.PaperImportDialog`,
  ``oaoi scores import --second-entry``);
* Sertifikat tanda tangan… (:class:`~oaoi_desktop.ui.secretariat.certificates.CertificatesDialog`,
  ``oaoi ca create``, ``oaoi cert issue|import``);
* Buka kembali kegiatan… (the results package's reopen dialog, ``oaoi event reopen``);
* Musnahkan data proposal… (:class:`~oaoi_desktop.ui.secretariat.purge_dialog.PurgeDialog`,
  ``oaoi event purge``, issue 17).

Each dialog works on the console's event, as the console's signed-in secretariat member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QToolButton, QWidget

from oaoi_desktop.ui import dialogs

if TYPE_CHECKING:
    from oaoi_desktop.ui.secretariat.console import SecretariatConsole


class RoutineMenu(QObject):
    """The console's "Tindakan" button and its menu.

    Signals:
        dialog_opened(object): one of the routine dialogs was opened (the dialog).
        changed(): something the console shows may have changed (a reopening, imported scores).
    """

    dialog_opened = Signal(object)
    changed = Signal()

    def __init__(self, console: "SecretariatConsole") -> None:
        super().__init__(console)
        self.console = console
        self.button = QToolButton(console)
        self.button.setObjectName("console_routine")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        self.reprint_action = self._action("action_reprint_slip", self.open_reprint_slip)
        self.paper_action = self._action("action_paper_import", self.open_paper_import)
        self.certificates_action = self._action("action_certificates", self.open_certificates)
        self.menu.addSeparator()
        self.reopen_action = self._action("action_console_reopen", self.open_reopen)
        self.purge_action = self._action("action_console_purge", self.open_purge)  # issue 17
        self.dialog: QDialog | None = None
        console.installEventFilter(self)
        self.retranslate()

    def _action(self, name: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self.menu)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.button.setText(self.tr("Ac&tions"))
        self.button.setToolTip(self.tr("Routine steps for this event"))
        self.reprint_action.setText(self.tr("&Reprint PIN slip\u2026"))
        self.reprint_action.setStatusTip(self.tr("A judge's new PIN and recovery code, and their slip"))
        self.paper_action.setText(self.tr("Import &paper scores\u2026"))
        self.paper_action.setStatusTip(self.tr("Scores typed from the paper forms, entered twice and compared"))
        self.certificates_action.setText(self.tr("Signing &certificates\u2026"))
        self.certificates_action.setStatusTip(self.tr("The event's certificate authority and the judges' certificates"))
        self.reopen_action.setText(self.tr("Re&open the event\u2026"))
        self.reopen_action.setStatusTip(self.tr("Reopen a finalised event, with a reason for the audit log"))
        self.purge_action.setText(self.tr("Purge proposal &data\u2026"))
        self.purge_action.setStatusTip(self.tr("Remove the proposals' content and attachments of a finalised event, "
                                               "with a signed destruction record"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.console and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _event_or_say(self) -> str | None:
        event_id = self.console.event_id()
        if not event_id:
            dialogs.information(self.console, self.tr("No event"), self.tr("Create or choose an event first."))
        return event_id

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.changed.emit())
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _parent(self) -> QWidget:
        return self.console.window()

    def open_reprint_slip(self) -> QDialog | None:
        from oaoi_desktop.ui.secretariat.reprint_slip import ReprintSlipDialog

        event_id = self._event_or_say()
        if event_id is None:
            return None
        return self._show(ReprintSlipDialog(self.console.db, event_id, self.console.actor, self._parent()))

    def open_paper_import(self) -> QDialog | None:
        from oaoi_desktop.ui.secretariat.paper_import import PaperImportDialog

        event_id = self._event_or_say()
        if event_id is None:
            return None
        return self._show(PaperImportDialog(self.console.db, event_id, self.console.actor, self._parent()))

    def open_certificates(self) -> QDialog | None:
        from oaoi_desktop.ui.secretariat.certificates import CertificatesDialog

        event_id = self._event_or_say()
        if event_id is None:
            return None
        return self._show(CertificatesDialog(self.console.db, event_id, self.console.actor, self._parent()))

    def open_reopen(self) -> QDialog | None:
        from oaoi_desktop.ui.results.finalise_dialog import FinaliseDialog

        event_id = self._event_or_say()
        if event_id is None:
            return None
        return self._show(FinaliseDialog(self.console.db, self.console.actor, reopen=True, event_id=event_id,
                                         parent=self._parent()))

    def open_purge(self) -> QDialog | None:
        from oaoi_desktop.ui.secretariat.purge_dialog import PurgeDialog

        event_id = self._event_or_say()
        if event_id is None:
            return None
        return self._show(PurgeDialog(self.console.db, event_id, self.console.actor, self._parent()))


__all__ = ["RoutineMenu"]
