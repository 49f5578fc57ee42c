"""The "Export PDF documents" dialog: which documents, language, paper, folder;
the export runs off the GUI thread with progress and cancel.

A cancelled export leaves nothing under a final name: every PDF is drawn to a
temporary name and all are renamed only when the whole batch is complete
(:func:`oaoi_desktop.services.documents.write_documents`).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.services.audit import Actor
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.documents.desk import DocumentDesk
from oaoi_desktop.ui.jobs import Job, Progress

KINDS = ("sheet", "result", "ranking", "minutes")


class ExportWorker(Job):
    """Prepares and draws the documents in its own thread (a :class:`~oaoi_desktop.ui.jobs.Job`,
    its own database sessions).

    Signals:
        progressed(object): (documents drawn so far, the total).
        succeeded(list): the paths written.
        failed(str): the rendered error message (an unexpected error is logged too, never lost).
        cancelled(): the export stopped at the user's request; nothing was left behind.
        finished(object): after ``succeeded`` (the paths) or ``cancelled`` (None).
    """

    succeeded = Signal(list)
    cancelled = Signal()

    def __init__(self, database: Any, event_ref: str, kinds: list[str], options: Any, folder: Path,
                 actor: Actor, workers: int | None = None, parent: Any = None) -> None:
        desk = DocumentDesk(database)

        def work(progress: Progress, cancel: threading.Event) -> list[str] | None:
            return desk.export(event_ref, kinds, options, folder, actor=actor, progress=progress,
                               cancelled=cancel.is_set, workers=workers)

        super().__init__(work, name="oaoi-export-documents", parent=parent)
        self.finished.connect(self._on_ended)

    def _on_ended(self, paths: list[str] | None) -> None:
        if paths is None:
            self.cancelled.emit()
        else:
            self.succeeded.emit(paths)


class ExportDialog(QDialog):
    """Choose documents, language, paper and folder; export with progress and cancel.

    Signals:
        exported(list): the export finished; the paths written.
    """

    exported = Signal(list)

    def __init__(self, database: Any, parent: QWidget | None = None, *, event_id: str | None = None,
                 actor: Actor, workers: int | None = None) -> None:
        """``actor``: the signed-in secretariat member who exports (named in the audit log)."""
        super().__init__(parent)
        self.setObjectName("documents_export_dialog")
        self.database = database
        self.actor = actor
        self.workers = workers
        self.worker: ExportWorker | None = None
        self.written: list[str] = []

        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("documents_event")
        self._load_events(event_id)
        self.kind_boxes: dict[str, QCheckBox] = {}
        kinds_box = QGroupBox(self)
        self.kinds_box = kinds_box
        kinds_layout = QVBoxLayout(kinds_box)
        for kind in KINDS:
            box = QCheckBox(kinds_box)
            box.setObjectName(f"documents_kind_{kind}")
            box.setChecked(kind in ("result", "ranking"))
            kinds_layout.addWidget(box)
            self.kind_boxes[kind] = box
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("documents_lang")
        self.lang_combo.addItem("Bahasa Indonesia", "id")
        self.lang_combo.addItem("English", "en")
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("documents_paper")
        self.paper_combo.addItem("A4 (210 × 297 mm)", "a4")
        self.paper_combo.addItem("F4 / Folio (215 × 330 mm)", "f4")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("documents_folder")
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)

        self.form = QFormLayout()
        self.event_label, self.lang_label, self.paper_label, self.folder_label = (QLabel(self) for _ in range(4))
        self.form.addRow(self.event_label, self.event_combo)
        self.form.addRow(self.lang_label, self.lang_combo)
        self.form.addRow(self.paper_label, self.paper_combo)
        self.form.addRow(self.folder_label, folder_row)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("documents_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("documents_status")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("documents_export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("documents_cancel")
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(kinds_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export PDF documents"))
        self.kinds_box.setTitle(self.tr("Documents"))
        texts = {
            "sheet": self.tr("Score sheets (Lembar Penilaian), one per judge and dossier"),
            "result": self.tr("Result sheets (Lembar Hasil Penilaian), one per dossier"),
            "ranking": self.tr("Recapitulation and ranking, per group and overall"),
            "minutes": self.tr("Minutes of the results (Berita Acara)"),
        }
        for kind, box in self.kind_boxes.items():
            box.setText(texts[kind])
        self.event_label.setText(self.tr("Event:"))
        self.lang_label.setText(self.tr("Language:"))
        self.paper_label.setText(self.tr("Paper:"))
        self.folder_label.setText(self.tr("Folder:"))
        self.browse_button.setText(self.tr("Browse\u2026"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel") if self.worker is not None else self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions --------------------------------------------------------------------
    def _load_events(self, selected: str | None) -> None:
        for eid, name in DocumentDesk(self.database).events():
            self.event_combo.addItem(name, eid)
        if selected:
            index = self.event_combo.findData(selected)
            if index >= 0:
                self.event_combo.setCurrentIndex(index)

    def _browse(self) -> None:
        dialogs.choose_folder(self, self.tr("Choose the output folder"),
                              on_chosen=lambda p: self.folder_edit.setText(str(p)))

    def selected_kinds(self) -> list[str]:
        return [k for k, box in self.kind_boxes.items() if box.isChecked()]

    def start(self) -> None:
        from oaoi_desktop.services.documents import ExportOptions

        if self.worker is not None:
            return
        kinds = self.selected_kinds()
        folder = self.folder_edit.text().strip()
        if not kinds:
            self.status.setText(self.tr("Choose at least one document."))
            return
        if not folder:
            self.status.setText(self.tr("Choose the output folder."))
            return
        if self.event_combo.currentData() is None:
            self.status.setText(self.tr("There is no event to export."))
            return
        options = ExportOptions(lang=self.lang_combo.currentData(), paper=self.paper_combo.currentData())
        worker = ExportWorker(self.database, self.event_combo.currentData(), kinds, options, Path(folder),
                              self.actor, self.workers, self)
        worker.progressed.connect(lambda done_total: self._progressed(*done_total))
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._finished)
        self.worker = worker
        self._set_busy(True)
        self.status.setText(self.tr("Preparing the documents\u2026"))
        worker.start()

    def cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling\u2026"))
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.export_button, self.event_combo, self.lang_combo, self.paper_combo, self.folder_edit,
                  self.browse_button, self.kinds_box):
            w.setEnabled(not busy)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel") if busy else self.tr("Close"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("%1 of %2 documents drawn").replace("%1", str(done)).replace("%2", str(total)))

    def _succeeded(self, paths: list[str]) -> None:
        self.written = paths
        self.status.setText(self.tr("%1 documents written to %2.").replace("%1", str(len(paths)))
                            .replace("%2", self.folder_edit.text()))
        self.exported.emit(paths)

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled; no file was left behind."))

    def _finished(self, _outcome: object = None) -> None:
        self.worker = None  # the job goes with the dialog (never deleted from its own signal)
        self._set_busy(False)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait(None)
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is not None:
            self.cancel_or_close()
            return
        super().reject()


__all__ = ["ExportDialog", "ExportWorker"]
