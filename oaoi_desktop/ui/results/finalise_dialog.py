"""Finalise an event (after its Berita Acara is issued and signed) or reopen it with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
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
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.results.desk import ResultsDesk


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
        self.desk = ResultsDesk(db)
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
        self._build_missing()
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
        layout.addWidget(self.missing_box)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.event_box.currentIndexChanged.connect(lambda _i: self._show_state())
        self.reason.textChanged.connect(self._show_state)
        for eid, name, _blind in self.desk.events():
            self.event_box.addItem(name, eid)
        if event_id is not None:
            self.event_box.setCurrentIndex(max(0, self.event_box.findData(str(event_id))))
        self.retranslate_ui()

    # -- missing sheets (issue 14): withdraw the assignments or record a reasoned exception -----
    def _build_missing(self) -> None:
        self.missing_box = QWidget(self)
        self.missing_box.setObjectName("finalise_missing")
        self.missing_label = QLabel(self.missing_box)
        self.missing_label.setObjectName("finalise_missing_label")
        self.missing_label.setWordWrap(True)
        self.missing_list = QListWidget(self.missing_box)
        self.missing_list.setObjectName("finalise_missing_list")
        self.missing_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.withdraw_button = QPushButton(self.missing_box)
        self.withdraw_button.setObjectName("finalise_withdraw")
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.exception_label = QLabel(self.missing_box)
        self.exception_reason = QPlainTextEdit(self.missing_box)
        self.exception_reason.setObjectName("finalise_exception_reason")
        self.exception_reason.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.exception_label.setBuddy(self.exception_reason)
        self.exception_button = QPushButton(self.missing_box)
        self.exception_button.setObjectName("finalise_record_exception")
        self.exception_button.clicked.connect(self.record_exception)
        self.exception_reason.textChanged.connect(self._enable_missing_buttons)
        self.missing_list.itemSelectionChanged.connect(self._enable_missing_buttons)
        box = QVBoxLayout(self.missing_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.missing_label)
        box.addWidget(self.missing_list)
        row = QHBoxLayout()
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.exception_label)
        box.addWidget(self.exception_reason)
        row = QHBoxLayout()
        row.addWidget(self.exception_button)
        row.addStretch(1)
        box.addLayout(row)
        self.missing_box.setVisible(False)
        self._missing: tuple = ()

    def _show_missing(self, missing: tuple) -> None:
        self._missing = missing
        visible = bool(missing) and not self.reopen
        self.missing_box.setVisible(visible)
        self.missing_list.clear()
        if not visible:
            return
        self.missing_label.setText(self.tr("Withdraw the assignments of these sheets, or record an exception with "
                                           "its reason (it is printed in the Berita Acara):"))
        for m in missing:
            status = self.tr("draft") if m.status == "draft" else self.tr("not started")
            item = QListWidgetItem(f"{m.number} — {m.judge} ({status})", self.missing_list)
            item.setData(Qt.ItemDataRole.UserRole, m.key)
            item.setToolTip(m.title)
        self._enable_missing_buttons()

    def _enable_missing_buttons(self) -> None:
        self.withdraw_button.setEnabled(bool(self.missing_list.selectedItems()))
        self.exception_button.setEnabled(bool(self._missing) and bool(self.exception_reason.toPlainText().strip()))

    def withdraw_selected(self) -> bool:
        """Withdraw the selected missing sheets' assignments (audited as ``assignment.removed``)."""
        keys = {tuple(i.data(Qt.ItemDataRole.UserRole)) for i in self.missing_list.selectedItems()}
        chosen = [m for m in self._missing if m.key in keys]
        if not chosen:
            return False
        try:
            self.desk.withdraw_missing(self.event_box.currentData(), chosen, self.actor)
        except OaoiError as exc:
            dialogs.error(self, self.windowTitle(), exc.render())
            return False
        finally:
            self._show_state()
        return True

    def record_exception(self) -> bool:
        """Except every missing sheet with the reason typed (audited; printed in the Berita Acara)."""
        try:
            self.desk.record_exception(self.event_box.currentData(), self.actor, self.exception_reason.toPlainText())
        except OaoiError as exc:
            dialogs.error(self, self.windowTitle(), exc.render())
            return False
        self.exception_reason.clear()
        self._show_state()
        return True

    def _show_state(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        event_id = self.event_box.currentData()
        if not event_id:
            self.state_label.setText(self.tr("There is no event."))
            ok.setEnabled(False)
            return
        st = self.desk.finalisation_state(event_id, self.actor)
        self._show_missing(st.missing_sheets if not st.finalised else ())
        if st.finalised:
            text = self.tr("Finalised on %1 by %2.").replace(
                "%1", st.finalised_at.strftime("%Y-%m-%d %H:%M") if st.finalised_at else "-").replace(
                "%2", st.finalised_by)
        elif st.missing_sheets:
            text = self.tr("Cannot be finalised yet: %n score sheet(s) not submitted.", "", len(st.missing_sheets))
        elif st.minutes_number:
            text = self.tr("Berita Acara %1 is issued; the event can be finalised.").replace("%1", st.minutes_number)
        else:
            text = self.tr("No Berita Acara has been issued yet: the event cannot be finalised.")
        if st.excepted_sheets and not st.finalised and not self.reopen:
            text += " " + self.tr("%n missing score sheet(s) excepted with a recorded reason.", "",
                                  len(st.excepted_sheets))
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
            if self.reopen:
                self.desk.reopen(event_id, self.actor, self.reason.toPlainText())
            elif self.paper_choice.isChecked():
                self.desk.finalise(event_id, self.actor, paper_signed=True)
            else:
                self.desk.finalise(event_id, self.actor, signed_minutes=self.signed_pdf)
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
        self.withdraw_button.setText(self.tr("&Withdraw the selected assignments"))
        self.exception_label.setText(self.tr("Reason for an e&xception (printed in the Berita Acara):"))
        self.exception_button.setText(self.tr("Record the e&xception for every sheet listed"))
        dialogs.translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Reopen") if self.reopen else self.tr("&Finalise"))
        self._show_state()


__all__ = ["FinaliseDialog"]
