"""The "Tandatangani PDF" flow: choose files and the person, type the passphrase once, sign.

Signing runs in a :class:`SignJob` (a :class:`~oaoi_desktop.ui.jobs.Job`: its own thread and database sessions)
with progress and cancel; the passphrase leaves the line edit only to open
the key in that thread, and the field is cleared as soon as the job starts.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.services import signatures
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.jobs import Job, Progress
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.signatures.desk import CertificateFacts, SignatureDesk
from oaoi_desktop.ui.widgets import PassphraseField

log = logging.getLogger(__name__)


class SignJob(Job):
    """One batch of files signed in its own thread (a :class:`~oaoi_desktop.ui.jobs.Job` holding a
    secret: a failure that is no :class:`~oaoi_desktop.errors.OaoiError` is reported and logged by its
    type name only).  The passphrase is taken out of the job when the work starts.

    Signals:
        progressed(object): (files done, total, the last file's name).
        finished(object): the list of :class:`~oaoi_desktop.services.signatures.SignOutcome` (also when cancelled).
        failed(str): nothing was signed (wrong passphrase, no certificate), in the UI language.
    """

    def __init__(self, db: Database, paths: Sequence[Path], *, event_id: str, person_id: str, passphrase: str,
                 actor: Actor, parent: QObject | None = None) -> None:
        chosen = list(paths)
        held = [passphrase]
        desk = SignatureDesk(db)

        def work(progress: Progress, cancel: threading.Event) -> list[signatures.SignOutcome]:
            secret = held.pop()
            try:
                return desk.sign_files(
                    chosen, judge=person_id, passphrase=secret, actor=actor, event=event_id,
                    progress=lambda d, t, p: progress(d, t, p.name), cancelled=cancel.is_set)
            finally:
                del secret

        super().__init__(work, name="oaoi-sign", secret=True, parent=parent)


def _describe(cert: CertificateFacts) -> str:
    """'Siti Aminah — issued by OAOI CA …, valid until 2031-11-27' (the names, not the raw DN)."""
    return (QCoreApplication.translate("SignDialog", "%1 \u2014 issued by %2, valid until %3")
            .replace("%1", cert.subject).replace("%2", cert.issuer).replace("%3", cert.valid_until))


class SignDialog(QDialog):
    """Choose PDFs, the person who signs and their passphrase (once), then sign them all.

    Signals:
        signing_started(): the job started (the passphrase field is already cleared).
        signing_finished(object): the outcomes of every file.
        signing_failed(str): nothing was signed; the message shown.
    """

    signing_started = Signal()
    signing_finished = Signal(object)
    signing_failed = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *,
                 event_id: str | uuid.UUID | None = None, person_id: str | uuid.UUID | None = None,
                 lock_person: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("signatures_sign_dialog")
        self._db = db
        self._desk = SignatureDesk(db)
        self._actor = actor
        self._lock_person = lock_person
        self.job: SignJob | None = None
        self.outcomes: list[signatures.SignOutcome] = []

        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("event_combo")
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("person_combo")
        self.credential_label = QLabel(self)
        self.credential_label.setWordWrap(True)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issue_certificate_button")
        self.issue_button.setVisible(False)
        self.issue_button.clicked.connect(lambda _checked=False: self.open_certificates())
        credential_row = QHBoxLayout()
        credential_row.addWidget(self.credential_label, 1)
        credential_row.addWidget(self.issue_button)
        self.files = QListWidget(self)
        self.files.setObjectName("file_list")
        self.add_file_button = QPushButton(self)
        self.add_file_button.clicked.connect(self.choose_file)
        self.add_folder_button = QPushButton(self)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_file_button)
        file_buttons.addWidget(self.add_folder_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        self.passphrase = PassphraseField(self, object_name="passphrase")
        self.passphrase.returnPressed.connect(self.start)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setObjectName("results")

        self.form = QFormLayout()
        self.event_label = QLabel(self)
        self.person_label = QLabel(self)
        self.files_label = QLabel(self)
        self.passphrase_label = QLabel(self)
        self.form.addRow(self.event_label, self.event_combo)
        self.form.addRow(self.person_label, self.person_combo)
        self.form.addRow("", credential_row)
        files_box = QVBoxLayout()
        files_box.addWidget(self.files)
        files_box.addLayout(file_buttons)
        self.form.addRow(self.files_label, files_box)
        self.form.addRow(self.passphrase_label, self.passphrase)

        self.buttons = QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_button")
        self.sign_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.sign_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        # accepted/rejected of the box would close the dialog on Enter: only our slots act
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 720, 620)

        self.event_combo.currentIndexChanged.connect(self._load_people)
        self.person_combo.currentIndexChanged.connect(self._show_credential)
        self.passphrase.textChanged.connect(self._update_buttons)
        self._load_events(event_id)
        if person_id is not None:
            index = self.person_combo.findData(str(person_id))
            if index >= 0:
                self.person_combo.setCurrentIndex(index)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign PDF documents"))
        self.event_label.setText(self.tr("&Event:"))
        self.event_label.setBuddy(self.event_combo)
        self.person_label.setText(self.tr("&Signed by:"))
        self.person_label.setBuddy(self.person_combo)
        self.files_label.setText(self.tr("&Files:"))
        self.files_label.setBuddy(self.files)
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase_label.setBuddy(self.passphrase)
        self.passphrase.setPlaceholderText(self.tr("the signer types it; asked once for all files"))
        self.add_file_button.setText(self.tr("Add &file\u2026"))
        self.add_folder_button.setText(self.tr("Add f&older\u2026"))
        self.remove_button.setText(self.tr("&Remove"))
        self.sign_button.setText(self.tr("Si&gn"))
        self.issue_button.setText(self.tr("&Issue a certificate\u2026"))
        dialogs.translate_buttons(self.buttons)
        self._show_credential()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- choices ---------------------------------------------------------------------------
    def _load_events(self, preferred: str | uuid.UUID | None) -> None:
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for name, id_ in self._desk.events():
            self.event_combo.addItem(name, id_)
        self.event_combo.blockSignals(False)
        if preferred is not None:
            index = self.event_combo.findData(str(preferred))
            if index >= 0:
                self.event_combo.setCurrentIndex(index)
        self._load_people()

    def _load_people(self) -> None:
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self._credentials: dict[str, str] = {}
        event_id = self.event_combo.currentData()
        if event_id:
            for person in self._desk.signers(event_id):
                self.person_combo.addItem(person.name, person.id)
                self._credentials[person.id] = _describe(person.certificate) if person.certificate else ""
        self.person_combo.blockSignals(False)
        self._show_credential()

    def _show_credential(self) -> None:
        person = self.person_combo.currentData()
        if not person:
            self.credential_label.setText(self.tr("No person to sign: add judges to the event first."))
        elif not self._credentials.get(person) and self._lock_person:
            self.credential_label.setText(self.tr("You have no signing certificate yet. Ask the secretariat to "
                                                  "issue one for you; then sign here."))
        elif not self._credentials.get(person):
            self.credential_label.setText(self.tr("This person has no signing certificate yet: issue one here."))
        else:
            self.credential_label.setText(self.tr("Certificate: %1").replace("%1", self._credentials[person]))
        self.issue_button.setVisible(bool(person) and not self._credentials.get(person) and not self._lock_person)
        self._update_buttons()

    def open_certificates(self) -> QDialog | None:
        """The secretariat issues (or imports) the chosen person's certificate without leaving this dialog."""
        from oaoi_desktop.ui.secretariat.certificates import CertificatesDialog

        event_id, person = self.event_combo.currentData(), self.person_combo.currentData()
        if not event_id or self._lock_person:
            return None
        dialog = CertificatesDialog(self._db, event_id, self._actor, self, judge_id=person)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._reload_keeping(person))
        self.certificates_dialog = dialog
        dialog.open()
        return dialog

    def _reload_keeping(self, person: str | None) -> None:
        self._load_people()
        index = self.person_combo.findData(person) if person else -1
        if index >= 0:
            self.person_combo.setCurrentIndex(index)

    def add_paths(self, paths: Sequence[Path | str]) -> None:
        present = {self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())}
        for p in paths:
            path = str(Path(p))
            if path in present:
                continue
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.files.addItem(item)
            present.add(path)
        self._update_buttons()

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.files.count())]

    def choose_file(self) -> None:
        dialogs.choose_file(self, self.tr("Add a PDF to sign"), on_chosen=lambda p: self.add_paths([p]),
                            name_filters=[self.tr("PDF documents (*.pdf)")])

    def choose_folder(self) -> None:
        dialogs.choose_folder(self, self.tr("Add every PDF of a folder"),
                              on_chosen=lambda d: self.add_paths(sorted(Path(d).glob("*.pdf"))))

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.job is not None and self.job.is_running()
        person = self.person_combo.currentData()
        ready = bool(person and self._credentials.get(person) and self.files.count() and self.passphrase.text())
        self.sign_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for w in (self.event_combo, self.person_combo, self.files, self.add_file_button, self.add_folder_button,
                  self.remove_button, self.passphrase):
            w.setEnabled(not running)
        if self._lock_person:  # a signed-in judge signs only as themselves
            self.event_combo.setEnabled(False)
            self.person_combo.setEnabled(False)

    # -- the job ---------------------------------------------------------------------------
    def start(self) -> SignJob | None:
        """Sign every listed file as the chosen person (the passphrase is read once and cleared)."""
        if not self.sign_button.isEnabled():
            return None
        paths = self.paths()
        secret = self.passphrase.text()
        self.passphrase.clear()
        self.results.clear()
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Signing %n file(s)\u2026", "", len(paths)))
        self.job = SignJob(self._db, paths, event_id=self.event_combo.currentData(),
                           person_id=self.person_combo.currentData(), passphrase=secret, actor=self._actor,
                           parent=self)
        del secret
        self.job.progressed.connect(lambda p: self._on_progress(*p))
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.start()
        self._update_buttons()
        self.signing_started.emit()
        return self.job

    def cancel(self) -> None:
        if self.job is not None and self.job.is_running():
            self.job.cancel()
            self.status.setText(self.tr("Cancelling after the current file\u2026"))

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.status.setText(self.tr("%1 of %2: %3").replace("%1", str(done)).replace("%2", str(total))
                            .replace("%3", name))

    def _on_finished(self, outcomes: list[signatures.SignOutcome]) -> None:
        self.outcomes = list(outcomes)
        signed = sum(1 for o in outcomes if o.ok)
        for o in outcomes:
            item = QListWidgetItem(o.message)
            item.setForeground(Qt.GlobalColor.darkGreen if o.ok else Qt.GlobalColor.darkRed)
            self.results.addItem(item)
        self.status.setText(self.tr("%1 of %2 file(s) signed.").replace("%1", str(signed))
                            .replace("%2", str(len(outcomes))))
        self.status.setStyleSheet("" if signed == len(outcomes) else "color: #b3261e;")
        self._update_buttons()
        self.signing_finished.emit(self.outcomes)

    def _on_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.status.setText(message)
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        self._update_buttons()
        self.passphrase.setFocus()
        self.signing_failed.emit(message)

    def reject(self) -> None:
        if self.job is not None and self.job.is_running():
            return  # Close is disabled while signing; Esc must not orphan the job
        super().reject()


__all__ = ["SignDialog", "SignJob"]
