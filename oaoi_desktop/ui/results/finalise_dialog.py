"""Finalise an event (after its Berita Acara is issued and signed) or reopen it with a reason."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import events, finalisation
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs


class FinaliseDialog(QDialog):
    """Choose an event and finalise it, or (``reopen=True``) reopen it with a reason.

    Signals:
        event_finalised(str): the event (id) was finalised.
        event_reopened(str): the event (id) was reopened.
    """

    event_finalised = Signal(str)
    event_reopened = Signal(str)

    def __init__(self, db: Database, actor: Actor, *, reopen: bool = False, event_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.reopen = reopen
        self.setObjectName("results_reopen_dialog" if reopen else "results_finalise_dialog")
        self.event_box = QComboBox(self)
        self.event_box.setObjectName("finalise_event")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("finalise_state")
        self.state_label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("finalise_reason")
        self.reason.setVisible(reopen)
        self.event_label = QLabel(self)
        self.event_label.setBuddy(self.event_box)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        self.reason_label.setVisible(reopen)
        # How the Berita Acara was signed: the digitally signed PDF (verified) or in ink on paper.
        self.signed_pdf: Path | None = None
        self.digital_choice = QRadioButton(self)
        self.digital_choice.setObjectName("finalise_signed_digital")
        self.paper_choice = QRadioButton(self)
        self.paper_choice.setObjectName("finalise_signed_paper")
        self.signed_group = QButtonGroup(self)
        self.signed_group.addButton(self.digital_choice)
        self.signed_group.addButton(self.paper_choice)
        self.digital_choice.setChecked(True)
        self.choose_pdf_button = QPushButton(self)
        self.choose_pdf_button.setObjectName("finalise_choose_pdf")
        self.choose_pdf_button.clicked.connect(self.choose_signed_pdf)
        self.pdf_label = QLabel(self)
        self.pdf_label.setObjectName("finalise_pdf")
        self.pdf_label.setWordWrap(True)
        self.signed_box = QWidget(self)
        signed_layout = QVBoxLayout(self.signed_box)
        signed_layout.setContentsMargins(0, 0, 0, 0)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.digital_choice)
        pdf_row.addWidget(self.choose_pdf_button)
        pdf_row.addStretch(1)
        signed_layout.addLayout(pdf_row)
        signed_layout.addWidget(self.pdf_label)
        signed_layout.addWidget(self.paper_choice)
        self.signed_box.setVisible(not reopen)
        self.signed_group.buttonToggled.connect(lambda *_a: self._show_state())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        form = QFormLayout()
        form.addRow(self.event_label, self.event_box)
        form.addRow(self.reason_label, self.reason)
        form.setRowVisible(1, reopen)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.signed_box)
        layout.addWidget(self.state_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.event_box.currentIndexChanged.connect(lambda _i: self._show_state())
        self.reason.textChanged.connect(self._show_state)
        with db.read() as s:
            for e in events.list_events(s):
                self.event_box.addItem(e.name, str(e.id))
        if event_id is not None:
            self.event_box.setCurrentIndex(max(0, self.event_box.findData(str(event_id))))
        self.retranslate_ui()

    def _show_state(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        event_id = self.event_box.currentData()
        if not event_id:
            self.state_label.setText(self.tr("There is no event."))
            ok.setEnabled(False)
            return
        with self.db.read() as s:
            st = finalisation.state(s, uuid.UUID(event_id), actor=self.actor)
        if st.finalised:
            text = self.tr("Finalised on %1 by %2.").replace(
                "%1", st.finalised_at.strftime("%Y-%m-%d %H:%M") if st.finalised_at else "-").replace(
                "%2", st.finalised_by)
        elif st.minutes_number:
            text = self.tr("Berita Acara %1 is issued; the event can be finalised.").replace("%1", st.minutes_number)
        else:
            text = self.tr("No Berita Acara has been issued yet: the event cannot be finalised.")
        if self.reopen:
            ok.setEnabled(st.finalised and bool(self.reason.toPlainText().strip()))
        else:
            shown_signed = self.paper_choice.isChecked() or self.signed_pdf is not None
            ok.setEnabled(st.can_finalise and shown_signed)
            self.choose_pdf_button.setEnabled(self.digital_choice.isChecked())
            self.pdf_label.setText(str(self.signed_pdf) if self.signed_pdf else self.tr("No PDF chosen yet."))
            if st.can_finalise:
                text += " " + self.tr("After finalising, nothing that changes the results is accepted until "
                                      "the event is reopened with a recorded reason.")
        self.state_label.setText(text)

    def confirm(self) -> bool:
        event_id = self.event_box.currentData()
        try:
            with self.db.write() as s:
                if self.reopen:
                    finalisation.reopen_event(s, event_id, self.actor, self.reason.toPlainText())
                elif self.paper_choice.isChecked():
                    finalisation.finalise_event(s, event_id, self.actor, paper_signed=True)
                else:
                    finalisation.finalise_event(s, event_id, self.actor, signed_minutes=self.signed_pdf)
        except OaoiError as exc:
            dialogs.error(self, self.windowTitle(), exc.render())
            self._show_state()
            return False
        (self.event_reopened if self.reopen else self.event_finalised).emit(event_id)
        self.accept()
        return True

    def choose_signed_pdf(self) -> QWidget:
        """Ask for the Berita Acara PDF signed by the panel (verified when finalising)."""
        return dialogs.choose_file(self, self.tr("The signed Berita Acara"), on_chosen=self.set_signed_pdf,
                                   name_filters=[self.tr("PDF documents (*.pdf)")])

    def set_signed_pdf(self, path: Path | str) -> None:
        self.signed_pdf = Path(path)
        self.digital_choice.setChecked(True)
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reopen the event") if self.reopen else self.tr("Finalise the event"))
        self.event_label.setText(self.tr("&Event:"))
        self.reason_label.setText(self.tr("&Reason (recorded in the audit log):"))
        self.digital_choice.setText(self.tr("Signed &digitally by the panel:"))
        self.choose_pdf_button.setText(self.tr("Choose the signed &PDF\u2026"))
        self.paper_choice.setText(self.tr("Signed in &ink on the printed copy by every panel member and the chair"))
        dialogs.translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Reopen") if self.reopen else self.tr("&Finalise"))
        self._show_state()


__all__ = ["FinaliseDialog"]
