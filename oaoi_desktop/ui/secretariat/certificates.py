"""Sertifikat tanda tangan: the event's certificate authority and the judges' signing certificates
(the GUI of ``oaoi ca create|show`` and ``oaoi cert issue|import``).

* The authority: made once per event; its key is encrypted with a passphrase the
  secretariat types twice (:func:`oaoi_desktop.services.keys.create_authority`).
  Its certificate (PEM) can be saved for anyone who verifies outside the venue.
* A judge's certificate: issued by the authority (the secretariat types the
  authority's passphrase, the judge types their OWN new passphrase twice), kept
  in the store as an encrypted PKCS#12; a copy of that file can be written to a
  chosen folder or USB stick (:func:`~oaoi_desktop.services.keys.issue_judge_certificate`).
* Or a judge's existing certificate, a PKCS#12 file with its passphrase
  (:func:`~oaoi_desktop.services.keys.import_judge_certificate`).

Every action is the services' (secretariat only, audited); secrets are cleared
from the fields as soon as they are used and never shown.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.widgets import PassphraseField, em, make_body


def _write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary name beside ``path`` and rename it when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def _file_name(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name).strip("-").lower() or "penilai"


class CertificatesDialog(QDialog):
    """The event's certificate authority and the judges' signing certificates.

    Signals:
        authority_created(str): the event's authority was made (its fingerprint).
        certificate_issued(str): a judge's certificate was issued (the judge's id).
        certificate_imported(str): a judge's certificate was imported (the judge's id).
    """

    authority_created = Signal(str)
    certificate_issued = Signal(str)
    certificate_imported = Signal(str)

    def __init__(self, db: Database, event_id: str | uuid.UUID, actor: Actor, parent: QWidget | None = None, *,
                 judge_id: str | uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificates_dialog")
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id = str(event_id)
        self.folder: Path | None = None
        self.written: Path | None = None

        # -- the authority
        self.ca_box = QGroupBox(self)
        self.ca_state = make_body(QLabel(self.ca_box))
        self.ca_state.setObjectName("ca_state")
        self.ca_secret_label, self.ca_new_secret = QLabel(self.ca_box), PassphraseField(self.ca_box)
        self.ca_repeat_label, self.ca_repeat = QLabel(self.ca_box), PassphraseField(self.ca_box)
        self.ca_new_secret.setObjectName("ca_new_passphrase")
        self.ca_repeat.setObjectName("ca_repeat_passphrase")
        self.create_ca_button = QPushButton(self.ca_box)
        self.create_ca_button.setObjectName("create_ca")
        self.create_ca_button.clicked.connect(lambda _checked=False: self.create_authority())
        self.save_ca_button = QPushButton(self.ca_box)
        self.save_ca_button.setObjectName("save_ca")
        self.save_ca_button.clicked.connect(lambda _checked=False: self.choose_ca_file())
        ca_form = QFormLayout()
        ca_form.addRow(self.ca_secret_label, self.ca_new_secret)
        ca_form.addRow(self.ca_repeat_label, self.ca_repeat)
        self.ca_secret_label.setBuddy(self.ca_new_secret)
        self.ca_repeat_label.setBuddy(self.ca_repeat)
        ca_buttons = QHBoxLayout()
        ca_buttons.addWidget(self.create_ca_button)
        ca_buttons.addWidget(self.save_ca_button)
        ca_buttons.addStretch(1)
        ca_layout = QVBoxLayout(self.ca_box)
        ca_layout.addWidget(self.ca_state)
        ca_layout.addLayout(ca_form)
        ca_layout.addLayout(ca_buttons)

        # -- the judges
        self.judges_box = QGroupBox(self)
        self.table = QTableWidget(0, 2, self.judges_box)
        self.table.setObjectName("certificate_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.ca_secret_label2, self.ca_secret = QLabel(self.judges_box), PassphraseField(self.judges_box)
        self.judge_secret_label, self.judge_secret = QLabel(self.judges_box), PassphraseField(self.judges_box)
        self.judge_repeat_label, self.judge_repeat = QLabel(self.judges_box), PassphraseField(self.judges_box)
        self.ca_secret.setObjectName("ca_passphrase")
        self.judge_secret.setObjectName("judge_passphrase")
        self.judge_repeat.setObjectName("judge_repeat_passphrase")
        self.folder_label, self.folder_edit = QLabel(self.judges_box), QLineEdit(self.judges_box)
        self.folder_edit.setObjectName("certificate_folder")
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton(self.judges_box)
        self.folder_button.setObjectName("choose_certificate_folder")
        self.folder_button.clicked.connect(lambda _checked=False: self.choose_folder())
        judge_form = QFormLayout()
        judge_form.addRow(self.ca_secret_label2, self.ca_secret)
        judge_form.addRow(self.judge_secret_label, self.judge_secret)
        judge_form.addRow(self.judge_repeat_label, self.judge_repeat)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        judge_form.addRow(self.folder_label, folder_row)
        for label, field in ((self.ca_secret_label2, self.ca_secret), (self.judge_secret_label, self.judge_secret),
                             (self.judge_repeat_label, self.judge_repeat), (self.folder_label, self.folder_button)):
            label.setBuddy(field)
        self.issue_button = QPushButton(self.judges_box)
        self.issue_button.setObjectName("issue_certificate")
        self.issue_button.clicked.connect(lambda _checked=False: self.issue())
        self.import_button = QPushButton(self.judges_box)
        self.import_button.setObjectName("import_certificate")
        self.import_button.clicked.connect(lambda _checked=False: self.choose_p12())
        judge_buttons = QHBoxLayout()
        judge_buttons.addWidget(self.issue_button)
        judge_buttons.addWidget(self.import_button)
        judge_buttons.addStretch(1)
        judges_layout = QVBoxLayout(self.judges_box)
        judges_layout.addWidget(self.table, 1)
        judges_layout.addLayout(judge_form)
        judges_layout.addLayout(judge_buttons)

        self.message = message_label(self)
        self.message.setObjectName("certificates_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ca_box)
        layout.addWidget(self.judges_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(em(self, 52), em(self, 40))
        self.retranslate_ui()
        self.reload(select=judge_id)

    # -- texts -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Signing certificates"))
        self.ca_box.setTitle(self.tr("The event's certificate authority"))
        self.ca_secret_label.setText(self.tr("&New passphrase of the authority:"))
        self.ca_repeat_label.setText(self.tr("&Repeat it:"))
        self.create_ca_button.setText(self.tr("&Create the authority"))
        self.save_ca_button.setText(self.tr("Save its certificate (&PEM)\u2026"))
        self.judges_box.setTitle(self.tr("Judges' certificates"))
        self.table.setHorizontalHeaderLabels([self.tr("Judge"), self.tr("Certificate")])
        self.ca_secret_label2.setText(self.tr("&Authority passphrase (secretariat):"))
        self.judge_secret_label.setText(self.tr("The &judge's new passphrase (the judge types it):"))
        self.judge_repeat_label.setText(self.tr("Re&peat the judge's passphrase:"))
        self.folder_label.setText(self.tr("Copy the .p12 &to (optional):"))
        self.folder_edit.setPlaceholderText(self.tr("a folder or a USB stick"))
        self.folder_button.setText(self.tr("&Choose folder\u2026"))
        self.issue_button.setText(self.tr("&Issue certificate"))
        self.import_button.setText(self.tr("I&mport certificate (.p12)\u2026"))
        dialogs.translate_buttons(self.buttons)
        self.reload()

    # -- state ---------------------------------------------------------------------------
    def judge_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def reload(self, select: str | uuid.UUID | None = None) -> None:
        wanted = str(select) if select else self.judge_id()
        authority, rows = self._desk.certificates(self._event_id)
        self.has_authority = authority is not None
        if authority is None:
            self.ca_state.setText(self.tr("This event has no certificate authority yet. Create it once: it issues "
                                          "the judges' signing certificates."))
        else:
            self.ca_state.setText(self.tr("Authority: %1 \u2014 fingerprint %2").replace(
                "%1", authority[0]).replace("%2", authority[1][:23]))
        for widget in (self.ca_new_secret, self.ca_repeat, self.create_ca_button, self.ca_secret_label,
                       self.ca_repeat_label):
            widget.setVisible(authority is None)
        self.save_ca_button.setEnabled(authority is not None)
        self.table.setRowCount(len(rows))
        for r, (person_id, name, serial, until) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.table.setItem(r, 0, item)
            state = (self.tr("serial %1, valid until %2").replace("%1", serial[:12]).replace("%2", until)
                     if serial else self.tr("no certificate yet"))
            self.table.setItem(r, 1, QTableWidgetItem(state))
            if person_id == wanted:
                self.table.selectRow(r)
        if self.table.currentRow() < 0 and rows:
            self.table.selectRow(0)
        self.issue_button.setEnabled(authority is not None and bool(rows))
        self.import_button.setEnabled(bool(rows))

    # -- the authority ---------------------------------------------------------------------
    def create_authority(self) -> bool:
        first, second = self.ca_new_secret.text(), self.ca_repeat.text()
        self.ca_new_secret.clear()
        self.ca_repeat.clear()
        if first != second:
            set_message(self.message, self.tr("The two passphrases are not the same."), DANGER)
            self.ca_new_secret.setFocus()
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            fingerprint = self._desk.create_authority(self._event_id, first, self._actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        set_message(self.message, self.tr("The certificate authority was created. Keep its passphrase safe: every "
                                          "judge certificate needs it."), SUCCESS)
        self.reload()
        self.authority_created.emit(fingerprint)
        return True

    def choose_ca_file(self) -> object:
        return dialogs.choose_file(self, self.tr("Save the authority's certificate"), on_chosen=self.save_ca,
                                   save=True, default_suffix="pem", directory="ca-kegiatan.pem",
                                   name_filters=[self.tr("Certificates (*.pem)")])

    def save_ca(self, path: Path | str) -> Path | None:
        pem = self._desk.authority_pem(self._event_id)
        if pem is None:
            return None
        try:
            written = _write_atomically(Path(path), pem.encode("ascii"))
        except OSError as exc:
            set_message(self.message, self.tr("%1 could not be written: %2").replace("%1", str(path))
                        .replace("%2", exc.strerror or str(exc)), DANGER)
            return None
        set_message(self.message, self.tr("Saved to %1.").replace("%1", str(written)), SUCCESS)
        return written

    # -- judges' certificates ------------------------------------------------------------------
    def choose_folder(self) -> object:
        return dialogs.choose_folder(self, self.tr("Where to copy the certificate (.p12)"), on_chosen=self.set_folder)

    def set_folder(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.folder_edit.setText(str(self.folder))

    def issue(self) -> bool:
        """Issue the chosen judge's certificate; copy the encrypted .p12 to the chosen folder, if any."""
        person_id = self.judge_id()
        ca_secret, first, second = self.ca_secret.text(), self.judge_secret.text(), self.judge_repeat.text()
        for field in (self.ca_secret, self.judge_secret, self.judge_repeat):
            field.clear()
        if person_id is None:
            return False
        if first != second:
            set_message(self.message, self.tr("The judge's two passphrases are not the same."), DANGER)
            self.judge_secret.setFocus()
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            name, p12, serial, until = self._desk.issue_certificate(
                self._event_id, person_id, ca_secret, first, self._actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        text = self.tr("Certificate issued to %1 (serial %2, valid until %3).").replace("%1", name).replace(
            "%2", serial[:12]).replace("%3", until)
        self.written = None
        if self.folder is not None:
            target = self.folder / f"sertifikat-{_file_name(name)}.p12"
            try:
                self.written = _write_atomically(target, p12)
                text += " " + self.tr("Copy written to %1.").replace("%1", str(self.written))
            except OSError as exc:
                text += " " + self.tr("The copy could not be written to %1: %2").replace(
                    "%1", str(target)).replace("%2", exc.strerror or str(exc))
        set_message(self.message, text, SUCCESS)
        self.reload(select=person_id)
        self.certificate_issued.emit(person_id)
        return True

    def choose_p12(self) -> object:
        return dialogs.choose_file(self, self.tr("The judge's certificate (.p12)"), on_chosen=self.import_p12,
                                   name_filters=[self.tr("PKCS#12 files (*.p12 *.pfx)"), self.tr("All files (*)")])

    def import_p12(self, path: Path | str) -> bool:
        """Import a PKCS#12 file for the chosen judge; its passphrase is the one typed in the judge's field."""
        person_id = self.judge_id()
        secret = self.judge_secret.text()
        for field in (self.judge_secret, self.judge_repeat):
            field.clear()
        if person_id is None:
            return False
        if not secret:
            set_message(self.message, self.tr("Type the file's passphrase in the judge's passphrase field first."),
                        DANGER)
            self.judge_secret.setFocus()
            return False
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            set_message(self.message, self.tr("%1 could not be read: %2").replace("%1", str(path))
                        .replace("%2", exc.strerror or str(exc)), DANGER)
            return False
        try:
            name, serial = self._desk.import_certificate(self._event_id, person_id, data, secret, self._actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        set_message(self.message, self.tr("Certificate of %1 imported (serial %2).").replace("%1", name)
                    .replace("%2", serial[:12]), SUCCESS)
        self.reload(select=person_id)
        self.certificate_imported.emit(person_id)
        return True


__all__ = ["CertificatesDialog"]
