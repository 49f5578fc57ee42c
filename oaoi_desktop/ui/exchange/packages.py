"""Panel packages in the GUI: importing one on a judge's laptop, exporting them on the secretariat's.

:class:`PackageImportDialog` is what the import flow hands over to when the
folder chosen or dropped is a panel package (see ``ui/importing/``): it asks
for the judge's passphrase, decrypts and applies the package in a worker
thread with progress and cancel, and tells the judge they can sign in.
:class:`PackageExportDialog` writes one judge's package onto a stick.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.exchange import packages
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.exchange.desk import ExchangeDesk
from oaoi_desktop.ui.jobs import Job
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, set_message
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.widgets import ElidedLabel, PassphraseField, em, make_body, make_heading


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


class PackageImportDialog(QDialog):
    """Apply a panel package on this (the judge's) laptop.

    Parts: :attr:`path_label`, :attr:`choose_button`, :attr:`passphrase`,
    :attr:`import_button`, :attr:`progress_bar`, :attr:`message`; :attr:`job`
    while or after it runs.

    Signals:
        import_finished(object): the :class:`~oaoi_desktop.services.exchange.packages.PackageImport` report.
        import_failed(str): the package could not be applied (the message shown).
    """

    import_finished = Signal(object)
    import_failed = Signal(str)

    def __init__(self, db: Database, path: Path | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._desk = ExchangeDesk(db)
        self._path: Path | None = None
        self.job: Job | None = None
        self.result: packages.PackageImport | None = None
        self.setObjectName("exchange_package_import_dialog")
        self._build_ui()
        self.retranslate_ui()
        if path is not None:
            self.set_path(Path(path))
        self._update_state()
        resize_within_screen(self, QSize(em(self, 38), self.sizeHint().height()))

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.explanation = make_body(QLabel(self), muted=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_label = ElidedLabel(parent=self)
        self.path_label.setObjectName("exchange_package_path")
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_folder)
        row.addWidget(self.path_label, 1)
        row.addWidget(self.choose_button)
        self.path_title = QLabel(self)
        form.addRow(self.path_title, row)
        self.passphrase = PassphraseField(self, object_name="exchange_passphrase")
        self.passphrase.textChanged.connect(self._update_state)
        self.passphrase.returnPressed.connect(self.start_import)
        self.passphrase_title = QLabel(self)
        self.passphrase_title.setBuddy(self.passphrase)
        form.addRow(self.passphrase_title, self.passphrase)
        layout.addLayout(form)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.message = make_body(QLabel(self))
        self.message.setObjectName("exchange_package_message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("exchange_package_import")
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)  # Return while working must never cancel or close
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self._close_or_cancel)
        layout.addWidget(self.buttons)

    # -- the package -----------------------------------------------------------------------
    def set_path(self, path: Path) -> None:
        self._path = path
        self.path_label.setText(str(path))
        set_message(self.message, "")
        self._update_state()

    def add_paths(self, paths: Sequence[Path | str]) -> None:
        """The first panel package among ``paths`` (the import flow's interface)."""
        for raw in paths:
            if packages.is_panel_package(raw):
                self.set_path(Path(raw))
                return

    def path(self) -> Path | None:
        return self._path

    def choose_folder(self) -> QDialog:
        return dialogs.choose_folder(self, self.tr("Choose the panel package folder"),
                                     on_chosen=self.set_path, directory=self._path)

    # -- running -----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def start_import(self) -> Job | None:
        if self.is_running() or self._path is None or not self.passphrase.text():
            return None
        path, secret = self._path, self.passphrase.text()
        desk = self._desk

        def work(progress, cancel):  # type: ignore[no-untyped-def]
            return desk.import_package(path, secret, progress=progress, cancel=cancel)

        self.result = None
        self.job = Job(work, name="oaoi-exchange", parent=self)
        self.job.progressed.connect(lambda done_total: self._on_progress(*done_total))
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        set_message(self.message, self.tr("Decrypting and checking the package\u2026"))
        self.job.start()
        self._update_state()
        return self.job

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(1000 if not total else int(done * 1000 / total))
        self.progress_bar.setFormat(f"{_size(done)} / {_size(total)}")

    def _on_finished(self, result: packages.PackageImport) -> None:
        self.result = result
        self.passphrase.clear()
        self.progress_bar.setValue(1000)
        text = self.tr(
            "The package is applied: %1 (%2). Proposals added: %3, updated: %4; files added: %5. "
            "Your scores on this laptop are kept.\n\nSign in with your PIN: File \u25b8 Sign in as judge."
        )
        for i, value in enumerate((result.judge_name, result.event_name, result.dossiers_added,
                                   result.dossiers_updated, result.files_added), start=1):
            text = text.replace(f"%{i}", str(value))
        set_message(self.message, text, SUCCESS)
        self._update_state()
        self.import_finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self.progress_bar.hide()
        set_message(self.message, message, DANGER)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self._update_state()
        self.import_failed.emit(message)

    def _close_or_cancel(self) -> None:
        if self.is_running() and self.job is not None:
            self.job.cancel()
            return
        self.reject()

    def _update_state(self) -> None:
        running = self.is_running()
        done = self.result is not None
        self.import_button.setEnabled(not running and not done and self._path is not None
                                      and bool(self.passphrase.text()))
        self.passphrase.setEnabled(not running and not done)
        self.choose_button.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import a panel package"))
        self.heading.setText(self.tr("Panel package for a judge's laptop"))
        self.explanation.setText(self.tr(
            "The secretariat's panel package holds the proposals assigned to you, encrypted with your passphrase. "
            "Importing it sets up this laptop so you can score them; importing a newer package later keeps "
            "your scores."))
        self.path_title.setText(self.tr("Package:"))
        self.choose_button.setText(self.tr("Choose &folder\u2026"))
        self.passphrase_title.setText(self.tr("&Passphrase:"))
        self.import_button.setText(self.tr("&Import"))
        self._update_state()


class PackageExportDialog(QDialog):
    """Write one judge's panel package into a folder (a USB stick), encrypted with the judge's passphrase.

    Signals:
        export_finished(object): the :class:`~oaoi_desktop.services.exchange.packages.PackageExport`.
    """

    export_finished = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *, event_id: str | uuid.UUID | None = None,
                 actor: Actor) -> None:
        """``actor``: the signed-in secretariat member who exports (named in the audit log)."""
        super().__init__(parent)
        self._db = db
        self._desk = ExchangeDesk(db)
        self._folder: Path | None = None
        self._actor = actor
        self.job: Job | None = None
        self.setObjectName("exchange_package_export_dialog")
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.event_combo = QComboBox(self)
        self.judge_combo = QComboBox(self)
        self.folder_label = ElidedLabel(parent=self)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.folder_button)
        self.passphrase = PassphraseField(self)
        self.repeat = PassphraseField(self)
        # Sheets the secretariat unlocked travel signed by the event's authority: its passphrase, when needed.
        self.ca_passphrase = PassphraseField(self)
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(self.labels, (self.event_combo, self.judge_combo, row, self.passphrase, self.repeat,
                                              self.ca_passphrase)):
            form.addRow(label, field)
        layout.addLayout(form)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.message = make_body(QLabel(self))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)  # Return while working must never cancel or close
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self._close_or_cancel)
        layout.addWidget(self.buttons)
        self.event_combo.currentIndexChanged.connect(lambda _i: self._load_judges())
        for edit in (self.passphrase, self.repeat):
            edit.textChanged.connect(self._update_state)
        for name, id_ in self._desk.events_newest_first():
            self.event_combo.addItem(name, id_)
        if event_id is not None:
            index = self.event_combo.findData(str(event_id))
            if index >= 0:
                self.event_combo.setCurrentIndex(index)
        self._load_judges()
        self.retranslate_ui()

    def _load_judges(self) -> None:
        self.judge_combo.clear()
        event_id = self.event_combo.currentData()
        if not event_id:
            return
        for name, id_ in self._desk.judges(event_id):
            self.judge_combo.addItem(name, id_)
        self._update_state()

    def set_folder(self, folder: Path) -> None:
        self._folder = folder
        self.folder_label.setText(str(folder))
        self._update_state()

    def choose_folder(self) -> QDialog:
        return dialogs.choose_folder(self, self.tr("Choose the folder on the USB stick"), on_chosen=self.set_folder)

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def start_export(self) -> Job | None:
        if not self.export_button.isEnabled():
            return None
        if self.passphrase.text() != self.repeat.text():
            set_message(self.message, self.tr("The two passphrases differ."), DANGER)
            return None
        desk, event_id, judge_id = self._desk, self.event_combo.currentData(), self.judge_combo.currentData()
        folder, secret, actor = self._folder, self.passphrase.text(), self._actor
        ca_secret = self.ca_passphrase.text() or None
        assert folder is not None
        # One folder per judge, so several packages can share a stick; named by the judge's id,
        # not their name (nothing on a lost stick may name a person).
        target = folder if folder.name.startswith("oaoi-paket-") else folder / f"oaoi-paket-{str(judge_id)[:8]}"

        def work(progress, cancel):  # type: ignore[no-untyped-def]
            return desk.export_package(event_id, judge_id, target, secret, actor=actor, progress=progress,
                                       cancel=cancel, ca_passphrase=ca_secret)

        self.job = Job(work, name="oaoi-exchange", parent=self)
        self.job.progressed.connect(
            lambda p: self.progress_bar.setValue(1000 if not p[1] else int(p[0] * 1000 / p[1])))
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(lambda m: (set_message(self.message, m, DANGER), self.progress_bar.hide(),
                                           self._update_state()))
        self.progress_bar.show()
        self.job.start()
        self._update_state()
        return self.job

    def _on_finished(self, result: packages.PackageExport) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.ca_passphrase.clear()
        set_message(self.message, self.tr("Package for %1 written to %2 (%3 proposals, %4 files).")
                    .replace("%1", result.judge_name).replace("%2", str(result.out_dir))
                    .replace("%3", str(result.dossiers)).replace("%4", str(result.files)), SUCCESS)
        self._update_state()
        self.export_finished.emit(result)

    def _close_or_cancel(self) -> None:
        if self.is_running() and self.job is not None:
            self.job.cancel()
            return
        self.reject()

    def _update_state(self) -> None:
        running = self.is_running()
        ready = (self.judge_combo.currentData() is not None and self._folder is not None
                 and len(self.passphrase.text().strip()) >= packages.MIN_PASSPHRASE)
        self.export_button.setEnabled(ready and not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export a panel package"))
        self.heading.setText(self.tr("Panel package for a judge's laptop"))
        for label, text in zip(self.labels, (self.tr("&Event:"), self.tr("&Judge:"), self.tr("Folder:"),
                                             self.tr("Judge's &passphrase:"), self.tr("&Repeat:"),
                                             self.tr("CA pass&phrase (unlocked sheets):"))):
            label.setText(text)
        self.ca_passphrase.setToolTip(self.tr("Needed only when the secretariat unlocked one of this judge's "
                                              "sheets: the unlock travels signed by the event's authority."))
        self.folder_button.setText(self.tr("Choose &folder\u2026"))
        self.export_button.setText(self.tr("&Export"))
        self._update_state()


def open_package_import_dialog(db: Database, parent: QWidget | None, path: Path | str | None = None
                               ) -> PackageImportDialog:
    """Build, show (window-modal) and return the package import dialog."""
    dialog = PackageImportDialog(db, path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.passphrase.setFocus()
    return dialog


__all__ = ["PackageExportDialog", "PackageImportDialog", "open_package_import_dialog"]
