"""The integrity declaration (Pakta Integritas / Pernyataan Bebas Konflik Kepentingan)
and the declaration of a conflict of interest on one dossier."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.judging import IntegrityStatement
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge.common import DANGER, lang, message_label, set_message
from oaoi_desktop.ui.judge.session import JudgeSession
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.widgets import em, make_body, make_heading


class IntegrityDialog(QDialog):
    """Shows the integrity statement from the services, in the interface
    language, and records the judge's confirmation with the SHA-256 of exactly
    the text shown.  The confirm button is enabled only once the box is ticked.

    Signals:
        integrity_declared(): the declaration was recorded (the dialog then accepts).
    """

    integrity_declared = Signal()

    def __init__(self, session: JudgeSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.statement: IntegrityStatement | None = None
        self.setObjectName("integrity_dialog")
        self.setModal(True)
        self._build_ui()
        self.retranslate_ui()
        resize_within_screen(self, em(self, 44), em(self, 38))

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.heading.setObjectName("statement_title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.note = make_body(QLabel(self), muted=True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("statement_text")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("confirm_checkbox")
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.agree_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.agree_button.setObjectName("agree_button")
        self.agree_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.confirm.toggled.connect(self.agree_button.setEnabled)
        self.buttons.accepted.connect(self.declare)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Integrity declaration"))
        self.note.setText(self.tr(
            "Before you open any proposal of \u201c%1\u201d, read and confirm this declaration. "
            "It is recorded once, with the time, in the audit log.").replace("%1", self._session.event_name))
        self.agree_button.setText(self.tr("&Agree and continue"))
        self.agree_button.setAccessibleName(self.tr("Agree and continue"))
        dialogs.translate_buttons(self.buttons)
        self.cancel_button.setAccessibleName(self.cancel_button.text().replace("&", ""))
        self.text.setAccessibleName(self.tr("Text of the declaration"))
        try:
            self.statement = self._session.integrity_statement(lang())
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return
        self.heading.setText(self.statement.title)
        self.heading.setAccessibleName(self.statement.title)
        self.text.setPlainText(self.statement.text)
        self.confirm.setText(self.statement.confirm_label)
        self.confirm.setAccessibleName(self.statement.confirm_label)

    def declare(self) -> bool:
        """Record the declaration (only with the box ticked)."""
        if not self.confirm.isChecked() or self.statement is None:
            return False
        try:
            self._session.declare_integrity(self.statement)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        self.integrity_declared.emit()
        self.accept()
        return True


class ConflictDialog(QDialog):
    """Declare a conflict of interest on one dossier, with a reason.

    The dossier then leaves the judge's queue and the secretariat sees the
    declaration; the services refuse it on a sheet already submitted.

    Signals:
        conflict_declared(str): the conflict was recorded (the dossier's id).
    """

    conflict_declared = Signal(str)

    def __init__(self, session: JudgeSession, dossier_id: uuid.UUID, label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._dossier_id = dossier_id
        self._label = label
        self.setObjectName("conflict_dialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.intro = make_body(QLabel(self), muted=True)
        self.reason_label = QLabel(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("conflict_reason")
        self.reason.setTabChangesFocus(True)
        self.reason_label.setBuddy(self.reason)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.declare_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.declare_button.setObjectName("declare_button")
        self.declare_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reason.textChanged.connect(
            lambda: self.declare_button.setEnabled(bool(self.reason.toPlainText().strip())))
        self.buttons.accepted.connect(self.declare)
        self.buttons.rejected.connect(self.reject)
        for w in (self.heading, self.intro, self.reason_label):
            layout.addWidget(w)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        resize_within_screen(self, em(self, 30), em(self, 16))
        self.reason.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Declare a conflict of interest"))
        self.heading.setText(self.tr("Conflict of interest: %1").replace("%1", self._label))
        self.intro.setText(self.tr(
            "The proposal leaves your queue and you can no longer score it; the secretariat sees your "
            "declaration and its reason. A draft score sheet is kept but does not count."))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setAccessibleName(self.tr("Reason for the conflict of interest"))
        self.declare_button.setText(self.tr("&Declare conflict"))
        self.declare_button.setAccessibleName(self.tr("Declare conflict"))
        dialogs.translate_buttons(self.buttons)
        self.cancel_button.setAccessibleName(self.cancel_button.text().replace("&", ""))

    def declare(self) -> bool:
        try:
            self._session.declare_conflict(self._dossier_id, self.reason.toPlainText())
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        self.conflict_declared.emit(str(self._dossier_id))
        self.accept()
        return True


__all__ = ["ConflictDialog", "IntegrityDialog"]
