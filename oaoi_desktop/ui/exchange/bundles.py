"""Judge bundles in the GUI.

* :class:`BundleExportDialog` — on the judge's laptop, the signed-in judge
  writes their score sheets, signed with their key, onto a stick.
* :class:`BundleImportDialog` — on the secretariat's laptop: choose bundle
  files, merge them in a worker thread; the :class:`MergeReportModel` table
  lists each file's result (merged with counts, already merged, or rejected
  with the reason); conflicts open :class:`ConflictResolutionDialog`.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.auth import SignedIn
from oaoi_desktop.services.exchange import bundles
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.exchange.conflicts import ConflictResolutionDialog
from oaoi_desktop.ui.exchange.desk import ExchangeDesk
from oaoi_desktop.ui.jobs import Job
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, WARNING, set_message
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.widgets import ElidedLabel, PassphraseField, em, make_body, make_heading

_Index = QModelIndex | QPersistentModelIndex


class BundleExportDialog(QDialog):
    """The signed-in judge exports their sheets as a signed bundle.

    Signals:
        bundle_written(object): the :class:`~oaoi_desktop.services.exchange.bundles.BundleExport`.
    """

    bundle_written = Signal(object)

    def __init__(self, db: Database, signed_in: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._desk = ExchangeDesk(db)
        self._signed = signed_in
        self._folder: Path | None = None
        self.result: bundles.BundleExport | None = None
        self.setObjectName("exchange_bundle_export_dialog")
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.explanation = make_body(QLabel(self), muted=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder_label = ElidedLabel(parent=self)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.folder_button)
        self.folder_title = QLabel(self)
        form.addRow(self.folder_title, row)
        self.passphrase = PassphraseField(self, object_name="exchange_bundle_passphrase")
        self.passphrase.textChanged.connect(self._update_state)
        self.passphrase.returnPressed.connect(self.export)
        self.passphrase_title = QLabel(self)
        self.passphrase_title.setBuddy(self.passphrase)
        form.addRow(self.passphrase_title, self.passphrase)
        layout.addLayout(form)
        self.message = make_body(QLabel(self))
        self.message.setObjectName("exchange_bundle_message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exchange_bundle_export")
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)  # Return while working must never cancel or close
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        resize_within_screen(self, QSize(em(self, 36), self.sizeHint().height()))

    def set_folder(self, folder: Path) -> None:
        self._folder = Path(folder)
        self.folder_label.setText(str(folder))
        self._update_state()

    def choose_folder(self) -> QDialog:
        return dialogs.choose_folder(self, self.tr("Choose the folder on the USB stick"), on_chosen=self.set_folder,
                                     directory=self._folder)

    def export(self) -> bundles.BundleExport | None:
        """Sign and write the bundle (quick: no thread needed)."""
        if not self.export_button.isEnabled() or self._folder is None:
            return None
        try:
            result = self._desk.export_bundle(str(self._signed.event_id), str(self._signed.user_id),
                                              self._folder, self.passphrase.text(), actor=self._signed.actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return None
        self.result = result
        self.passphrase.clear()
        set_message(self.message, self.tr("Written: %1\n%2 sheet(s), signed with your key. Give this file to the "
                                          "secretariat.").replace("%1", str(result.path))
                    .replace("%2", str(result.sheets)), SUCCESS)
        self.bundle_written.emit(result)
        return result

    def _update_state(self) -> None:
        self.export_button.setEnabled(self._folder is not None and bool(self.passphrase.text()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export my scores"))
        self.heading.setText(self.tr("Your scores for the secretariat"))
        self.explanation.setText(self.tr(
            "All your score sheets (drafts too), your comments and declarations are written into one file, signed "
            "with your key. The secretariat checks the signature and merges it; exporting again later is safe."))
        self.folder_title.setText(self.tr("Folder:"))
        self.folder_button.setText(self.tr("Choose &folder\u2026"))
        self.passphrase_title.setText(self.tr("Your &passphrase:"))
        self.export_button.setText(self.tr("&Export"))
        self.close_button.setText(self.tr("Close"))
        self._update_state()


class MergeColumn:
    FILE, JUDGE, RESULT, DETAILS = range(4)
    COUNT = 4


class MergeReportModel(QAbstractTableModel):
    """One row per bundle file: who, merged / already merged / rejected, and what happened."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files: list[bundles.FileReport] = []

    def set_report(self, report: bundles.MergeReport | None) -> None:
        self.beginResetModel()
        self._files = list(report.files) if report is not None else []
        self.endResetModel()

    def file_report(self, row: int) -> bundles.FileReport | None:
        return self._files[row] if 0 <= row < len(self._files) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._files)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else MergeColumn.COUNT

    def _details(self, f: bundles.FileReport) -> str:
        if f.status == "rejected":
            return f.message
        if f.status == "already_merged":
            return self.tr("Nothing changed.")
        c = f.counts
        text = (self.tr("added %1, updated %2, unchanged %3, older %4, conflicts %5, not merged %6")
                .replace("%1", str(c["added"])).replace("%2", str(c["updated"])).replace("%3", str(c["unchanged"]))
                .replace("%4", str(c["older"])).replace("%5", str(c["conflict"])).replace("%6", str(c["skipped"])))
        from oaoi_desktop.i18n import t

        skipped = [t(x.message_id, **x.params) for x in f.sheets if x.message_id]  # skipped, or final here
        return "\n".join([text, *skipped])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._files):
            return None
        f = self._files[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == MergeColumn.FILE:
                return Path(f.file).name if role == Qt.ItemDataRole.DisplayRole else f.file
            if col == MergeColumn.JUDGE:
                return f.judge
            if col == MergeColumn.RESULT:
                return {"merged": self.tr("Merged"), "already_merged": self.tr("Already merged"),
                        "rejected": self.tr("Rejected")}.get(f.status, f.status)
            if col == MergeColumn.DETAILS:
                return self._details(f)
        if role == Qt.ItemDataRole.UserRole:
            return f.status
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt naming
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {MergeColumn.FILE: self.tr("File"), MergeColumn.JUDGE: self.tr("Judge"),
                MergeColumn.RESULT: self.tr("Result"), MergeColumn.DETAILS: self.tr("Details")}.get(section)


class BundleImportDialog(QDialog):
    """The secretariat merges judges' bundles into an event.

    Parts: :attr:`event_combo`, :attr:`files_list`, :attr:`merge_button`,
    :attr:`report_model` in :attr:`report_view`, :attr:`conflicts_button`,
    :attr:`summary`; :attr:`job`.

    Signals:
        merge_finished(object): the :class:`~oaoi_desktop.services.exchange.bundles.MergeReport`.
    """

    merge_finished = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *, event_id: str | uuid.UUID | None = None,
                 actor: Actor) -> None:
        """``actor``: the signed-in secretariat member who merges (named in the audit log)."""
        super().__init__(parent)
        self._db = db
        self._desk = ExchangeDesk(db)
        self._files: list[Path] = []
        self._actor = actor
        self.job: Job | None = None
        self.report: bundles.MergeReport | None = None
        self.conflicts_dialog: ConflictResolutionDialog | None = None
        self.setObjectName("exchange_bundle_import_dialog")
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.explanation = make_body(QLabel(self), muted=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("exchange_bundle_event")
        self.event_title = QLabel(self)
        self.event_title.setBuddy(self.event_combo)
        form.addRow(self.event_title, self.event_combo)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.files_list = QListWidget(self)
        self.files_list.setObjectName("exchange_bundle_files")
        self.files_list.setMaximumHeight(em(self, 6))
        side = QVBoxLayout()
        self.add_files_button = QPushButton(self)
        self.add_folder_button = QPushButton(self)
        self.add_files_button.clicked.connect(self.choose_file)
        self.add_folder_button.clicked.connect(self.choose_folder)
        side.addWidget(self.add_files_button)
        side.addWidget(self.add_folder_button)
        side.addStretch(1)
        row.addWidget(self.files_list, 1)
        row.addLayout(side)
        layout.addLayout(row)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.report_model = MergeReportModel(self)
        self.report_view = QTableView(self)
        self.report_view.setObjectName("exchange_merge_report")
        self.report_view.setModel(self.report_model)
        self.report_view.setWordWrap(True)
        self.report_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_view.verticalHeader().hide()
        self.report_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.report_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MergeColumn.DETAILS, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.report_view, 1)
        self.summary = make_body(QLabel(self))
        self.summary.setObjectName("exchange_merge_summary")
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("exchange_merge")
        self.merge_button.setDefault(True)
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setObjectName("exchange_open_conflicts")
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)  # Return while working must never cancel or close
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.start_merge)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        for name, id_ in self._desk.events_newest_first():
            self.event_combo.addItem(name, id_)
        if event_id is not None:
            index = self.event_combo.findData(str(event_id))
            if index >= 0:
                self.event_combo.setCurrentIndex(index)
        self.event_combo.currentIndexChanged.connect(lambda _i: self._update_state())
        self.retranslate_ui()
        resize_within_screen(self, QSize(em(self, 60), em(self, 30)))

    # -- files ------------------------------------------------------------------------------
    def add_paths(self, paths: list[Path | str]) -> None:
        for path in bundles.bundle_files(paths):
            if path not in self._files:
                self._files.append(path)
                self.files_list.addItem(str(path))
        self._update_state()

    def paths(self) -> list[Path]:
        return list(self._files)

    def choose_file(self) -> QDialog:
        return dialogs.choose_file(self, self.tr("Choose a judge's bundle"), on_chosen=lambda p: self.add_paths([p]),
                                   name_filters=[self.tr("Judge bundles (*.oaoi-bundle)"), self.tr("All files (*)")])

    def choose_folder(self) -> QDialog:
        return dialogs.choose_folder(self, self.tr("Choose a folder with judges' bundles"),
                                     on_chosen=lambda p: self.add_paths([p]))

    # -- merging -----------------------------------------------------------------------------
    def selected_event_id(self) -> str | None:
        return self.event_combo.currentData()

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def start_merge(self) -> Job | None:
        event_id = self.selected_event_id()
        if self.is_running() or not event_id or not self._files:
            return None
        desk, files, actor = self._desk, list(self._files), self._actor

        def work(_progress, _cancel):  # type: ignore[no-untyped-def]
            return desk.import_bundles(event_id, files, actor=actor)

        self.job = Job(work, name="oaoi-exchange", parent=self)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.progress_bar.show()
        self.job.start()
        self._update_state()
        return self.job

    def _open_conflicts(self) -> int:
        event_id = self.selected_event_id()
        if not event_id:
            return 0
        return self._desk.open_conflict_count(event_id, self._actor)

    def _on_finished(self, report: bundles.MergeReport) -> None:
        self.progress_bar.hide()
        self.report = report
        self.report_model.set_report(report)
        merged = sum(1 for f in report.files if f.status == "merged")
        rejected = len(report.rejected)
        conflicts = self._open_conflicts()
        text = (self.tr("%1 file(s) merged, %2 rejected; %3 conflict(s) await your decision.")
                .replace("%1", str(merged)).replace("%2", str(rejected)).replace("%3", str(conflicts)))
        set_message(self.summary, text, DANGER if rejected else (WARNING if conflicts else SUCCESS))
        self._files.clear()
        self.files_list.clear()
        self._update_state()
        self.merge_finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self.progress_bar.hide()
        set_message(self.summary, message, DANGER)
        self._update_state()

    def open_conflicts(self) -> ConflictResolutionDialog | None:
        event_id = self.selected_event_id()
        if not event_id:
            return None
        dialog = ConflictResolutionDialog(self._db, event_id, actor=self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._update_state())
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _update_state(self) -> None:
        running = self.is_running()
        self.merge_button.setEnabled(not running and bool(self._files) and self.selected_event_id() is not None)
        for b in (self.add_files_button, self.add_folder_button):
            b.setEnabled(not running)
        conflicts = self._open_conflicts() if not running else 0
        self.conflicts_button.setEnabled(conflicts > 0)
        self.conflicts_button.setText(self.tr("Resolve &conflicts (%1)\u2026").replace("%1", str(conflicts)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import judges' bundles"))
        self.heading.setText(self.tr("Merge judges' score bundles"))
        self.explanation.setText(self.tr(
            "Each bundle is checked (signature, judge, event, rubric) before anything changes; a bad file is "
            "rejected and named. Merging the same bundle twice changes nothing."))
        self.event_title.setText(self.tr("&Event:"))
        self.add_files_button.setText(self.tr("Add &files\u2026"))
        self.add_folder_button.setText(self.tr("Add f&older\u2026"))
        self.merge_button.setText(self.tr("&Merge"))
        self.close_button.setText(self.tr("Close"))
        self.report_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, MergeColumn.COUNT - 1)
        self._update_state()


__all__ = ["BundleExportDialog", "BundleImportDialog", "MergeColumn", "MergeReportModel"]
