"""The "Impor dari USB" dialog: drives, paths, the event, progress, cancel and the report (see the package)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.imports import ImportProgress, ImportReport, Outcome
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs, drives, language
from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.importing.desk import ImportDesk
from oaoi_desktop.ui.importing.job import ImportJob
from oaoi_desktop.ui.importing.report import SORT_ROLE, ImportReportModel, ReportColumn
from oaoi_desktop.ui.widgets import ElidedLabel, em, make_body, make_heading

log = logging.getLogger(__name__)

DRIVE_POLL_MS = 3000
"""How often the open dialog looks for drives plugged in or pulled out."""


# -- the dialog -------------------------------------------------------------------------------------

VOLUME_ROLE = Qt.ItemDataRole.UserRole + 10
"""Drive list items: ``data(VOLUME_ROLE)`` is the :class:`~oaoi_desktop.ui.drives.Volume`."""


class ImportDialog(QDialog):
    """Import dossiers from a USB stick (or any folder, ZIP or spreadsheet).

    Build it with the database (and optionally the paths to import, e.g.
    dropped on the window, and the event to preselect), then ``open()`` it.
    :meth:`start_import` does what *Mulai impor* does.

    Parts: :attr:`drives_list`, :attr:`sources_list`, :attr:`event_combo`,
    :attr:`start_button`, :attr:`cancel_button`, :attr:`progress_bar`,
    :attr:`report_model` (in :attr:`report_view` through :attr:`report_proxy`),
    :attr:`export_button`, :attr:`close_button`; :attr:`job` while or after
    an import runs.

    Signals:
        import_started(object): the :class:`ImportJob` about to start.
        import_finished(object): the :class:`~oaoi_desktop.services.imports.ImportReport`.
    """

    import_started = Signal(object)
    import_finished = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *, paths: Sequence[Path] = (),
                 event_id: str | uuid.UUID | None = None, actor: Actor) -> None:
        """``actor``: the signed-in secretariat member who imports (named in the audit log)."""
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._paths: list[Path] = []
        self._preferred_event = str(event_id) if event_id else None
        self._volumes: list[drives.Volume] = []
        self._progress: ImportProgress | None = None
        self._failure = ""
        self._exported: Path | None = None
        self.job: ImportJob | None = None
        self.setObjectName("import_dialog")
        self.setSizeGripEnabled(True)
        self._build_ui()
        self.load_events()
        self.refresh_drives()
        self.add_paths(paths)
        self.retranslate_ui()
        self._update_state()
        self._drive_timer = QTimer(self)
        self._drive_timer.setInterval(DRIVE_POLL_MS)
        self._drive_timer.timeout.connect(self._poll_drives)
        self._drive_timer.start()
        self._place()

    def _place(self) -> None:
        size = QSize(em(self, 74), em(self, 44))
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry().size()
            size = size.boundedTo(QSize(round(available.width() * 0.92), round(available.height() * 0.9)))
        self.resize(size)

    # -- construction ---------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(em(self, 0.5))
        self.heading = make_heading(QLabel(self))
        self.heading.setObjectName("import_heading")
        layout.addWidget(self.heading)
        self.intro = make_body(QLabel(self), muted=True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        self.event_label = QLabel(self)
        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("event_combo")
        self.event_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_combo.setMinimumContentsLength(30)
        self.event_combo.currentIndexChanged.connect(lambda _i: self._update_state())
        self.event_label.setBuddy(self.event_combo)
        form.addRow(self.event_label, self.event_combo)
        self.no_event_label = make_body(QLabel(self))
        self.no_event_label.setObjectName("no_event")
        self.no_event_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.no_event_label)
        layout.addLayout(form)

        sources = QHBoxLayout()
        drive_box = QVBoxLayout()
        self.drives_label = QLabel(self)
        self.drives_list = QListWidget(self)
        self.drives_list.setObjectName("drives_list")
        self.drives_list.setIconSize(self.drives_list.iconSize().expandedTo(self.style().standardIcon(
            QStyle.StandardPixmap.SP_DriveHDIcon).actualSize(self.drives_list.iconSize())))
        self.drives_list.setWordWrap(True)
        self.drives_list.itemActivated.connect(lambda _item: self.choose_folder())
        self.drives_label.setBuddy(self.drives_list)
        drive_box.addWidget(self.drives_label)
        drive_box.addWidget(self.drives_list, 1)
        drive_buttons = QHBoxLayout()
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("choose_folder")
        self.folder_button.clicked.connect(self.choose_folder)
        self.file_button = QPushButton(self)
        self.file_button.setObjectName("choose_file")
        self.file_button.clicked.connect(self.choose_file)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refresh_drives")
        self.refresh_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.refresh_button.clicked.connect(self.refresh_drives)
        drive_buttons.addWidget(self.folder_button)
        drive_buttons.addWidget(self.file_button)
        drive_buttons.addStretch(1)
        drive_buttons.addWidget(self.refresh_button)
        drive_box.addLayout(drive_buttons)

        chosen_box = QVBoxLayout()
        self.sources_label = QLabel(self)
        self.sources_list = QListWidget(self)
        self.sources_list.setObjectName("sources_list")
        self.sources_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sources_list.itemSelectionChanged.connect(self._update_state)
        self.sources_label.setBuddy(self.sources_list)
        chosen_box.addWidget(self.sources_label)
        chosen_box.addWidget(self.sources_list, 1)
        chosen_buttons = QHBoxLayout()
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_source")
        self.remove_button.clicked.connect(self.remove_selected_sources)
        chosen_buttons.addStretch(1)
        chosen_buttons.addWidget(self.remove_button)
        chosen_box.addLayout(chosen_buttons)
        sources.addLayout(drive_box, 1)
        sources.addLayout(chosen_box, 1)
        layout.addLayout(sources, 2)

        run = QHBoxLayout()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("import_progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(False)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("start_import")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.clicked.connect(self.cancel_import)
        run.addWidget(self.progress_bar, 1)
        run.addWidget(self.start_button)
        run.addWidget(self.cancel_button)
        layout.addLayout(run)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progress_text")
        self.current_label = ElidedLabel(parent=self)
        self.current_label.setObjectName("current_file")
        self.current_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.current_label)

        self.summary_label = make_body(QLabel(self))
        self.summary_label.setObjectName("report_summary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.report_model = ImportReportModel(self)
        self.report_proxy = QSortFilterProxyModel(self)
        self.report_proxy.setSourceModel(self.report_model)
        self.report_proxy.setSortRole(SORT_ROLE)
        self.report_view = QTableView(self)
        self.report_view.setObjectName("report_table")
        self.report_view.setModel(self.report_proxy)
        self.report_view.setSortingEnabled(True)
        self.report_view.sortByColumn(ReportColumn.OUTCOME, Qt.SortOrder.AscendingOrder)
        self.report_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_view.setAlternatingRowColors(True)
        self.report_view.setWordWrap(False)
        self.report_view.verticalHeader().hide()
        self.report_view.verticalHeader().setDefaultSectionSize(em(self, 1.7))
        header = self.report_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ReportColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((ReportColumn.OUTCOME, 7.5), (ReportColumn.NUMBER, 8), (ReportColumn.TITLE, 11),
                              (ReportColumn.SEVERITY, 6.5), (ReportColumn.FILE, 11), (ReportColumn.FIELD, 6.5),
                              (ReportColumn.SOURCE, 10)):
            header.resizeSection(column, em(self, width))
        header.setMinimumSectionSize(em(self, 3))
        # numbers whole, titles elided at the end (whole on hover), file paths keep both ends (issue 14)
        fit_table(self.report_view, whole=(ReportColumn.OUTCOME, ReportColumn.NUMBER, ReportColumn.SEVERITY),
                  middle=(ReportColumn.FILE, ReportColumn.SOURCE))
        # The file column names the package of a clean dossier; the source stays in the model and the CSV.
        header.hideSection(ReportColumn.SOURCE)
        self.report_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.report_view, 3)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_report")
        self.export_button.clicked.connect(self.export_report)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("close_dialog")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    # -- events -------------------------------------------------------------------------
    def load_events(self) -> None:
        """Fill the event chooser; keeps the chosen event, else picks the preferred or most recent one."""
        previous = self.selected_event_id() or self._preferred_event
        try:
            events = ImportDesk(self._db).events()  # the names only
        except OaoiError as exc:
            dialogs.error(self, self.tr("The database could not be read"), exc.render())
            events = ()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for event in events:
            self.event_combo.addItem(event.name, str(event.id))
        index = self.event_combo.findData(previous) if previous else -1
        if index < 0:
            index = self.event_combo.count() - 1  # events come oldest first: the most recent
        self.event_combo.setCurrentIndex(index)
        self.event_combo.blockSignals(False)
        self._update_state()

    def selected_event_id(self) -> str | None:
        data = self.event_combo.currentData() if hasattr(self, "event_combo") else None
        return str(data) if data else None

    def select_event(self, event_id: str | uuid.UUID) -> None:
        index = self.event_combo.findData(str(event_id))
        if index >= 0:
            self.event_combo.setCurrentIndex(index)

    # -- drives -------------------------------------------------------------------------------
    def refresh_drives(self) -> None:
        """List the mounted drives again, removable first; keeps the selection."""
        try:
            volumes = drives.list_drives()
        except Exception:  # noqa: BLE001 - a drive that cannot be asked must not break the dialog
            log.exception("listing drives failed")
            volumes = []
        self._show_volumes(volumes)

    def _poll_drives(self) -> None:
        if self.job is not None and self.job.is_running():
            return
        try:
            volumes = drives.list_drives()
        except Exception:  # noqa: BLE001
            return
        if [(v.root, v.removable, v.name) for v in volumes] != [(v.root, v.removable, v.name) for v in self._volumes]:
            self._show_volumes(volumes)

    def _show_volumes(self, volumes: list[drives.Volume]) -> None:
        selected = self.selected_volume()
        self._volumes = list(volumes)
        self.drives_list.clear()
        for volume in self._volumes:
            item = QListWidgetItem(self._volume_icon(volume), "")
            item.setData(VOLUME_ROLE, volume)
            self.drives_list.addItem(item)
        self._retranslate_drives()
        rows = [i for i, v in enumerate(self._volumes) if selected is not None and v.root == selected.root]
        self.drives_list.setCurrentRow(rows[0] if rows else (0 if self._volumes else -1))

    def volumes(self) -> list[drives.Volume]:
        """The drives as listed, in order."""
        return list(self._volumes)

    def selected_volume(self) -> drives.Volume | None:
        item = self.drives_list.currentItem()
        return item.data(VOLUME_ROLE) if item is not None else None

    def _volume_icon(self, volume: drives.Volume) -> QIcon:
        sp = QStyle.StandardPixmap
        if volume.file_system.lower() in ("iso9660", "udf"):
            return self.style().standardIcon(sp.SP_DriveCDIcon)
        if volume.removable:
            return self.style().standardIcon(sp.SP_DriveFDIcon)
        return self.style().standardIcon(sp.SP_DriveHDIcon)

    def _retranslate_drives(self) -> None:
        locale = QLocale()
        for row in range(self.drives_list.count()):
            item = self.drives_list.item(row)
            volume: drives.Volume = item.data(VOLUME_ROLE)
            if volume.removable:
                kind = self.tr("Removable drive")
            elif volume.is_system:
                kind = self.tr("System disk")
            else:
                kind = self.tr("Drive")
            free = locale.formattedDataSize(volume.bytes_available, 1,
                                            QLocale.DataSizeFormat.DataSizeTraditionalFormat)
            total = locale.formattedDataSize(volume.bytes_total, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
            root = str(volume.root)
            title = volume.name if volume.name == root else f"{volume.name} \u2014 {root}"
            item.setText(f"{title}\n{kind} \u00b7 " + self.tr("%1 free of %2").replace("%1", free).replace("%2", total))
            item.setToolTip(f"{root} ({volume.device}, {volume.file_system})")

    def _start_folder(self) -> Path | None:
        volume = self.selected_volume()
        return volume.root if volume is not None else None

    # -- sources ------------------------------------------------------------------------------
    def choose_folder(self) -> QDialog:
        """Ask (through the dialog seam) for a folder to import, starting at the selected drive."""
        return dialogs.choose_folder(self, self.tr("Choose the folder with the proposals"),
                                     on_chosen=lambda path: self.add_paths([path]), directory=self._start_folder())

    def choose_file(self) -> QDialog:
        """Ask for a ZIP package or a batch spreadsheet to import."""
        return dialogs.choose_file(
            self, self.tr("Choose a ZIP package or a list of proposals"),
            on_chosen=lambda path: self.add_paths([path]), directory=self._start_folder(),
            name_filters=[self.tr("Proposal packages (*.zip *.xlsx *.csv)"), self.tr("All files (*)")],
        )

    def add_paths(self, paths: Sequence[Path | str]) -> None:
        """Add folders/ZIPs/spreadsheets to import (an already listed path is not added twice)."""
        # -- USB exchange (issue 7): panel packages go to the package dialog (ui/exchange/handover.py)
        from oaoi_desktop.ui.exchange.handover import take_panel_packages

        paths = take_panel_packages(self._db, self.parentWidget() or self, paths)
        # -- end USB exchange
        for raw in paths:
            path = Path(raw)
            if path in self._paths:
                continue
            self._paths.append(path)
            item = QListWidgetItem(self._source_icon(path), str(path))
            item.setToolTip(str(path))
            self.sources_list.addItem(item)
        self._update_state()

    def paths(self) -> list[Path]:
        return list(self._paths)

    def remove_selected_sources(self) -> None:
        rows = sorted((self.sources_list.row(i) for i in self.sources_list.selectedItems()), reverse=True)
        for row in rows:
            self.sources_list.takeItem(row)
            del self._paths[row]
        self._update_state()

    def _source_icon(self, path: Path) -> QIcon:
        sp = QStyle.StandardPixmap
        return self.style().standardIcon(sp.SP_DirIcon if path.is_dir() else sp.SP_FileIcon)

    # -- running -------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def start_import(self) -> ImportJob | None:
        """Start importing the listed paths into the chosen event (None when it cannot start)."""
        event_id = self.selected_event_id()
        if self.is_running() or not event_id or not self._paths:
            return None
        self._progress = None
        self._failure = ""
        self._exported = None
        self.report_model.set_report(None)
        job = ImportJob(self._db, event_id, self._paths, actor=self._actor, parent=self)
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        self.job = job
        self.import_started.emit(job)
        job.start()
        self._update_state()
        return job

    def cancel_import(self) -> None:
        if self.is_running() and self.job is not None:
            self.job.cancel()
            self._update_state()

    def _on_progress(self, progress: ImportProgress) -> None:
        self._progress = progress
        self._show_progress()

    def _show_progress(self) -> None:
        p = self._progress
        locale = QLocale()
        if p is None:
            self.progress_label.setText(self.tr("Looking for proposals\u2026") if self.is_running() else "")
            self.current_label.setText("")
            return
        self.progress_bar.setValue(round(p.fraction * 1000))
        if self.job is not None and self.job.cancel_requested and self.is_running():
            head = self.tr("Cancelling\u2026")
        elif not self.is_running() and self.report_model.report is not None:
            head = self.tr("Cancelled") if self.report_model.report.cancelled else self.tr("Finished")
        elif p.phase == "storing":
            head = self.tr("Storing")
        else:
            head = self.tr("Reading")
        speed = locale.toString(p.mb_per_s, "f", 1)
        self.progress_label.setText(
            self.tr("%1: %2 of %3 proposals \u00b7 %4 MB/s")
            .replace("%1", head)
            .replace("%2", locale.toString(p.dossiers_done))
            .replace("%3", locale.toString(p.dossiers_total))
            .replace("%4", speed)
        )
        self.current_label.setText(p.current)

    def _on_finished(self, report: ImportReport) -> None:
        self.report_model.set_report(report)
        self.report_view.sortByColumn(self.report_view.horizontalHeader().sortIndicatorSection(),
                                      self.report_view.horizontalHeader().sortIndicatorOrder())
        self.progress_bar.setValue(1000 if not report.cancelled else self.progress_bar.value())
        self.current_label.setText("")
        self._show_progress()
        self.current_label.setText("")
        self._show_summary()
        self._update_state()
        self.import_finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._failure = message
        self.current_label.setText("")
        self.progress_label.setText("")
        self.progress_bar.setValue(0)
        self._show_summary()
        self._update_state()
        dialogs.error(self, self.tr("Nothing could be imported"), message)

    def _show_summary(self) -> None:
        report = self.report_model.report
        if report is None:
            self.summary_label.setText(self._failure)
            return
        locale = QLocale()
        n = report.counts
        counts = self.tr("%1 imported, %2 updated, %3 unchanged, %4 rejected").replace(
            "%1", locale.toString(n[Outcome.IMPORTED.value])).replace(
            "%2", locale.toString(n[Outcome.UPDATED.value])).replace(
            "%3", locale.toString(n[Outcome.UNCHANGED.value])).replace(
            "%4", locale.toString(n[Outcome.REJECTED.value]))
        warnings = self.tr("%n warning(s)", "", report.warnings)
        seconds = locale.toString(report.elapsed, "f", 1)
        if report.cancelled:
            head = self.tr("Cancelled after %1 s").replace("%1", seconds)
            tail = self.tr("%n package(s) not processed: import again to finish.", "", len(report.not_processed))
            text = f"{head}: {counts}; {warnings}. {tail}"
        else:
            head = self.tr("Done in %1 s").replace("%1", seconds)
            text = f"{head}: {counts}; {warnings}."
        if self._exported is not None:
            text += "\n" + self.tr("Report saved: %1").replace("%1", str(self._exported))
        self.summary_label.setText(text)

    def _update_state(self) -> None:
        if not hasattr(self, "close_button"):
            return
        running = self.is_running()
        has_event = self.event_combo.count() > 0
        self.no_event_label.setVisible(not has_event)
        for w in (self.event_combo, self.drives_list, self.folder_button, self.file_button, self.refresh_button,
                  self.sources_list):
            w.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.sources_list.selectedItems()))
        self.start_button.setEnabled(not running and has_event and bool(self._paths))
        self.cancel_button.setEnabled(running and not (self.job is not None and self.job.cancel_requested))
        self.cancel_button.setVisible(running)
        self.start_button.setVisible(not running)
        self.export_button.setEnabled(not running and self.report_model.report is not None)
        if running:
            self._show_progress()

    # -- the report -------------------------------------------------------------------------
    def export_report(self) -> QDialog | None:
        """Ask where to save the report as CSV (in the interface language) and write it."""
        report = self.report_model.report
        if report is None:
            return None
        lang = language.current_language()
        name = self.tr("import-report") + ".csv"
        start = self._paths[0].parent if self._paths else None

        def write(path: Path) -> None:
            try:
                report.write_csv(path, lang)
            except OSError as exc:
                dialogs.error(self, self.tr("The report could not be saved"),
                              f"{path}: {exc.strerror or exc}")
                return
            self._exported = path
            self._show_summary()

        return dialogs.choose_file(
            self, self.tr("Save the import report"), on_chosen=write,
            directory=(start / name) if start else name, name_filters=[self.tr("CSV files (*.csv)")],
            save=True, default_suffix="csv",
        )

    # -- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Close; while an import runs, cancel it instead (the report of what was done follows)."""
        if self.is_running():
            self.cancel_import()
            return
        self._drive_timer.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if self.is_running():
            self.cancel_import()
            event.ignore()
            return
        super().closeEvent(event)

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import from USB"))
        self.heading.setText(self.tr("Import proposals"))
        self.intro.setText(self.tr(
            "Choose the USB stick, then the folder or ZIP file holding the proposals (one folder or ZIP per "
            "proposal, or a folder of them, optionally with dossiers.xlsx). Each proposal is imported whole or "
            "not at all; importing the same files again changes nothing."
        ))
        self.event_label.setText(self.tr("&Evaluation event:"))
        self.no_event_label.setText(self.tr(
            "There is no evaluation event yet. Create one first: Event \u25b8 New event\u2026 (Ctrl+N)."
        ))
        self.drives_label.setText(self.tr("&Drives (removable first):"))
        self.folder_button.setText(self.tr("Choose &folder\u2026"))
        self.file_button.setText(self.tr("Choose &ZIP or list\u2026"))
        self.refresh_button.setToolTip(self.tr("Look for drives again"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.sources_label.setText(self.tr("To &import:"))
        self.remove_button.setText(self.tr("&Remove"))
        self.start_button.setText(self.tr("&Start import"))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.export_button.setText(self.tr("E&xport report CSV\u2026"))
        self.close_button.setText(self.tr("Close"))
        self._retranslate_drives()
        self.report_model.retranslate()
        self._show_progress()
        self._show_summary()


def open_import_dialog(db: Database, parent: QWidget | None, *, paths: Sequence[Path | str] = (),
                       event_id: str | uuid.UUID | None = None, actor: Actor) -> ImportDialog:
    """Build, show (window-modal, ``open()``) and return the import dialog."""
    # -- USB exchange (issue 7): a panel package opens the package dialog instead (ui/exchange/handover.py)
    from oaoi_desktop.ui.exchange.handover import package_dialog_for

    handed = package_dialog_for(db, parent, paths)
    if handed is not None:
        return handed  # type: ignore[no-any-return]
    # -- end USB exchange
    dialog = ImportDialog(db, parent, paths=[Path(p) for p in paths], event_id=event_id, actor=actor)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = ["ImportDialog", "open_import_dialog"]
