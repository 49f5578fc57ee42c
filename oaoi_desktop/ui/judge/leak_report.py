""""Laporkan identitas terlihat": a judge tells the secretariat that the open proposal still
shows who wrote it, in blind mode (issue 14).

The report (which proposal, the words that give the author away, where) is recorded
by ``services.blind.report_leak`` as an audit entry; the secretariat lists them
(``oaoi blind reports`` / Kegiatan ▸ Penilaian tersamar) and may add the words to
the event's list, so that every proposal hides them from then on.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge.common import DANGER, message_label, set_message
from oaoi_desktop.ui.judge.session import JudgeSession
from oaoi_desktop.ui.widgets import em, make_body, make_heading


class LeakReportDialog(QDialog):
    """Report the words that still identify the open proposal's author.

    Signals:
        leak_reported(str): the report was recorded (the dossier's id).
    """

    leak_reported = Signal(str)

    def __init__(self, session: JudgeSession, dossier_id: uuid.UUID, label: str, parent: QWidget | None = None,
                 *, text: str = "") -> None:
        super().__init__(parent)
        self._session = session
        self._dossier_id = dossier_id
        self._label = label
        self.setObjectName("leak_report_dialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.intro = make_body(QLabel(self), muted=True)
        self.text_label = QLabel(self)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("leak_text")
        self.text.setTabChangesFocus(True)
        self.text.setPlainText(text)
        self.text_label.setBuddy(self.text)
        self.where_label = QLabel(self)
        self.where = QLineEdit(self)
        self.where.setObjectName("leak_where")
        self.where_label.setBuddy(self.where)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.report_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.report_button.setObjectName("leak_report_button")
        self.report_button.setEnabled(bool(text.strip()))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.text.textChanged.connect(lambda: self.report_button.setEnabled(bool(self.text.toPlainText().strip())))
        self.buttons.accepted.connect(self.report)
        self.buttons.rejected.connect(self.reject)
        for w in (self.heading, self.intro, self.text_label):
            layout.addWidget(w)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.where_label)
        layout.addWidget(self.where)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(em(self, 32), em(self, 18))
        self.text.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Report a visible identity"))
        self.heading.setText(self.tr("Identity still visible: %1").replace("%1", self._label))
        self.intro.setText(self.tr(
            "Copy the words that still show who wrote this proposal (a place, an office, a name). "
            "The secretariat sees your report and can hide those words in every proposal. "
            "Keep scoring on the proposal's merits."))
        self.text_label.setText(self.tr("&Words that give the author away:"))
        self.text.setAccessibleName(self.tr("Words that give the author away"))
        self.where_label.setText(self.tr("W&here (section, optional):"))
        self.report_button.setText(self.tr("&Report to the secretariat"))
        self.report_button.setAccessibleName(self.tr("Report to the secretariat"))
        dialogs.translate_buttons(self.buttons)
        self.cancel_button.setAccessibleName(self.cancel_button.text().replace("&", ""))

    def report(self) -> bool:
        try:
            self._session.report_leak(self._dossier_id, self.text.toPlainText(), self.where.text())
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        self.leak_reported.emit(str(self._dossier_id))
        self.accept()
        return True


__all__ = ["LeakReportDialog"]
