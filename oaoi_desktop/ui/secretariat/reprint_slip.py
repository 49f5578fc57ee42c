"""Cetak ulang slip PIN: a judge's new PIN and recovery code, and their slip (the GUI of ``oaoi pin-slip``).

The secretariat chooses a judge of the console's event and confirms; the
service (:func:`oaoi_desktop.services.auth.issue_pin_slip`, audited as
``user.pin_issued``) replaces the PIN and the recovery code, so the judge's
old slip stops working.  The new values are shown once, in this dialog; they
can be saved as a PDF slip or printed directly, and closing the dialog before
either asks first (as the wizard's PIN slips page does).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.secretariat.pin_slips import SlipEntry, print_pin_slips, write_pin_slips
from oaoi_desktop.ui.widgets import em, make_body, scaled_font


class ReprintSlipDialog(QDialog):
    """Reset one judge's PIN and recovery code and hand out the new slip.

    Signals:
        slip_issued(str): a new PIN was issued (the judge's id); the old slip no longer works.
    """

    slip_issued = Signal(str)

    def __init__(self, db: Database, event_id: str | uuid.UUID, actor: Actor, parent: QWidget | None = None, *,
                 judge_id: str | uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprint_slip_dialog")
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id = str(event_id)
        self.slip: SlipEntry | None = None
        self.saved_to: Path | None = None
        self.printed = False
        self._leaving_confirmed = False
        self.leave_question: object = None
        self._event_name, self._venue, starts_on, ends_on, people = self._desk.slip_facts(self._event_id)
        self._dates = f"{starts_on:%d-%m-%Y} \u2013 {ends_on:%d-%m-%Y}" if starts_on and ends_on else ""

        self.intro = make_body(QLabel(self))
        self.intro.setObjectName("reprint_intro")
        self.judge_label = QLabel(self)
        self.judge_combo = QComboBox(self)
        self.judge_combo.setObjectName("reprint_judge")
        for person_id, name, role in people:
            self.judge_combo.addItem(name, person_id)
            self.judge_combo.setItemData(self.judge_combo.count() - 1, role, Qt.ItemDataRole.UserRole + 1)
        if judge_id is not None:
            self.judge_combo.setCurrentIndex(max(0, self.judge_combo.findData(str(judge_id))))
        self.judge_label.setBuddy(self.judge_combo)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("reprint_issue")
        self.issue_button.setEnabled(bool(people))
        self.issue_button.clicked.connect(lambda _checked=False: self.ask_to_issue())
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.pin_label, self.pin = QLabel(self), QLabel(self)
        self.code_label, self.code = QLabel(self), QLabel(self)
        self.pin.setObjectName("reprint_pin")
        self.code.setObjectName("reprint_code")
        for value in (self.pin, self.code):
            value.setFont(scaled_font(fixed, 1.4))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("reprint_save")
        self.save_button.clicked.connect(lambda _checked=False: self.choose_pdf())
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("reprint_print")
        self.print_button.clicked.connect(lambda _checked=False: self.choose_printer())
        self.message = message_label(self)
        self.message.setObjectName("reprint_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.judge_combo, 1)
        row.addWidget(self.issue_button)
        form.addRow(self.judge_label, row)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.code_label, self.code)
        keep = QHBoxLayout()
        keep.addWidget(self.save_button)
        keep.addWidget(self.print_button)
        keep.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(keep)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(em(self, 34))
        self.resize(em(self, 42), em(self, 21))  # the wrapped intro and the large PIN fit without a squeeze
        self._show_slip()
        self.retranslate_ui()

    # -- texts -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reprint PIN slip"))
        self.intro.setText(self.tr("A new PIN and a new one-time recovery code replace the judge's old ones: the old "
                                   "slip stops working. The new values are shown only here; save or print the slip "
                                   "before you close."))
        self.judge_label.setText(self.tr("&Judge:"))
        self.judge_combo.setAccessibleName(self.tr("Judge"))
        self.issue_button.setText(self.tr("&New PIN and slip"))
        self.pin_label.setText(self.tr("PIN:"))
        self.code_label.setText(self.tr("Recovery code:"))
        self.save_button.setText(self.tr("&Save slip (PDF)\u2026"))
        self.print_button.setText(self.tr("&Print slip\u2026"))
        dialogs.translate_buttons(self.buttons)
        if not self.judge_combo.count():
            set_message(self.message, self.tr("This event has no judges yet."), DANGER)

    def _show_slip(self) -> None:
        has = self.slip is not None
        self.pin.setText(self.slip.pin if self.slip else "\u2013")
        self.code.setText(self.slip.recovery_code if self.slip else "\u2013")
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)
        for value in (self.pin, self.code):
            value.setMinimumHeight(value.sizeHint().height())

    # -- issuing ------------------------------------------------------------------------
    def ask_to_issue(self) -> object:
        """Confirm (the judge's current PIN stops working), then issue."""
        name = self.judge_combo.currentText()
        return dialogs.question(
            self, self.tr("Reprint PIN slip"),
            self.tr("Give %1 a new PIN and recovery code? The PIN on %1's current slip stops working.")
            .replace("%1", name),
            on_answered=lambda yes: self.issue() if yes else None)

    def issue(self) -> SlipEntry | None:
        """Issue a new PIN and recovery code for the chosen judge (audited); show them."""
        if self.slip is not None and not self.kept():
            set_message(self.message, self.tr("Save or print the slip shown first."), DANGER)
            return None
        judge_id = self.judge_combo.currentData()
        try:
            entry = SlipEntry(*self._desk.issue_pin_slip(self._event_id, judge_id, self._actor))
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return None
        self.slip, self.saved_to, self.printed = entry, None, False
        self._show_slip()
        set_message(self.message, self.tr("New PIN issued for %1. Save or print the slip now.")
                    .replace("%1", entry.name), SUCCESS)
        self.slip_issued.emit(str(judge_id))
        return entry

    # -- keeping the slip ---------------------------------------------------------------------
    def kept(self) -> bool:
        return self.slip is None or self.saved_to is not None or self.printed

    def choose_pdf(self) -> object:
        assert self.slip is not None
        name = "".join(ch if ch.isalnum() else "-" for ch in self.slip.name).strip("-").lower()
        return dialogs.choose_file(self, self.tr("Save the PIN slip"), on_chosen=self.save_pdf, save=True,
                                   default_suffix="pdf", directory=f"slip-pin-{name}.pdf",
                                   name_filters=[self.tr("PDF files (*.pdf)")])

    def save_pdf(self, path: Path) -> Path | None:
        assert self.slip is not None
        try:
            written = write_pin_slips(Path(path), self._event_name, self._venue, self._dates, [self.slip])
        except OSError as exc:
            set_message(self.message, self.tr("The PIN slip could not be saved to %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)), DANGER)
            return None
        self.saved_to = written
        set_message(self.message, self.tr("Saved to %1.").replace("%1", str(written)), SUCCESS)
        return written

    def choose_printer(self) -> object:
        return dialogs.choose_printer(self, self.tr("Print the PIN slip"), on_chosen=self.print_slip)

    def print_slip(self, printer: Any) -> None:
        assert self.slip is not None
        print_pin_slips(printer, self._event_name, self._venue, self._dates, [self.slip])
        self.printed = True
        set_message(self.message, self.tr("Sent to the printer."), SUCCESS)

    def done(self, result: int) -> None:
        """Close, Esc and the window's close button end here: an unsaved new slip asks first."""
        if not self.kept() and not self._leaving_confirmed and not self.property("oaoi_signing_out"):
            if self.leave_question is None:
                def answered(leave: bool) -> None:
                    self.leave_question = None
                    if leave:
                        self._leaving_confirmed = True
                        self.done(result)

                self.leave_question = dialogs.question(
                    self, self.tr("PIN slip not saved"),
                    self.tr("The new PIN and recovery code are shown only here and are neither saved nor printed. "
                            "Close anyway? The judge then needs another new slip."),
                    on_answered=answered)
            return
        super().done(result)


__all__ = ["ReprintSlipDialog"]
