"""Impor dari USB through the GUI: dialog, worker thread, report table, cancel, drag-and-drop."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from oaoi_desktop.services.imports import ImportProgress, ImportReport, Outcome, import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import drives
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.importing import (
    DOSSIER_ID_ROLE,
    OUTCOME_ROLE,
    ImportDialog,
    ImportJob,
    ImportReportModel,
    ReportColumn,
)
from oaoi_desktop.store.models import AuditEntry
from oaoi_desktop.ui.main_window import MainWindow
from sqlalchemy import select
from support.builders import ACTOR, make_event
from support.packages import store_state, stray_files, valid_document, write_folder, write_zip, zip_members
from support.ui_dossiers import SAMPLES, TODAY
from support.ui_session import sign_in_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


class Chooser:
    """A user who picks the prepared paths in the file choosers of the dialog seam."""

    def __init__(self, messages: list[dict[str, object]]) -> None:
        self.messages = messages
        self.folders: list[Path] = []
        self.files: list[Path] = []
        self.asked: list[dict[str, object]] = []

    def choose_folder(self, parent, title, *, on_chosen, directory=None):  # type: ignore[no-untyped-def]
        self.asked.append({"kind": "folder", "title": title, "directory": directory})
        on_chosen(self.folders.pop(0))

    def choose_file(self, parent, title, *, on_chosen, directory=None, name_filters=(), save=False,  # type: ignore[no-untyped-def]
                    default_suffix=""):
        self.asked.append({"kind": "save" if save else "file", "title": title, "directory": directory,
                           "filters": list(name_filters)})
        on_chosen(self.files.pop(0))


@pytest.fixture
def seam(recording_dialogs) -> Chooser:  # type: ignore[no-untyped-def]
    """The recording seam (messages never block) whose file choosers answer at once."""
    chooser = Chooser(recording_dialogs.messages)
    recording_dialogs.choose_folder = chooser.choose_folder
    recording_dialogs.choose_file = chooser.choose_file
    return chooser


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    """A "USB stick": a folder the drive list shows first, as a removable drive."""
    root = tmp_path / "KIPP2026"
    root.mkdir()
    volumes = [
        drives.Volume(Path("/"), "/", "/dev/sda2", "ext4", 500 * 2**30, 120 * 2**30, False, is_system=True),
        drives.Volume(root, "KIPP2026", "/dev/sdb1", "vfat", 16 * 2**30, 15 * 2**30, True),
    ]
    previous = drives.install_source(lambda: volumes)
    yield root
    drives.install_source(previous)


def bad_package(folder: Path) -> Path:
    """A ZIP whose dossier.json names an unknown klaster (rejected)."""
    doc = valid_document("KIPP-BAD", klaster="kecamatan")
    return write_zip(folder / "usulan-bad.zip", zip_members(doc, number="KIPP-BAD"))


def run_import(qtbot, dialog: ImportDialog) -> ImportReport:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.import_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def table_rows(dialog: ImportDialog) -> list[dict[str, str]]:
    proxy = dialog.report_proxy
    return [
        {c.name: proxy.index(r, c).data() or "" for c in ReportColumn} | {"outcome": proxy.index(r, 0).data(OUTCOME_ROLE)}
        for r in range(proxy.rowCount())
    ]


def test_import_through_the_gui(qtbot, main_window: MainWindow, db: Database, seam: Chooser,  # type: ignore[no-untyped-def]
                                stick: Path) -> None:
    make_event(db, name="KIPP 2025")
    event_id = make_event(db, name="KIPP Kota Medan 2026")
    main_window.refresh()
    bad = bad_package(stick)
    seam.folders.append(SAMPLES)
    seam.files.append(bad)

    main_window.import_action.trigger()
    dialog = main_window.import_dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Impor dari USB"
    assert main_window.import_action.shortcut().toString() == "Ctrl+I"
    assert dialog.selected_event_id() == event_id  # the most recent event
    assert dialog.event_combo.currentText() == "KIPP Kota Medan 2026"
    # the stick comes first and is selected; choosers start there
    assert [v.name for v in dialog.volumes()] == ["KIPP2026", "/"]
    assert dialog.drives_list.item(0).text().startswith("KIPP2026 \u2014 ")
    assert "Drive lepas-pasang" in dialog.drives_list.item(0).text()
    assert not dialog.start_button.isEnabled()

    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert [a["directory"] for a in seam.asked] == [stick, stick]
    assert dialog.paths() == [SAMPLES, bad]
    assert dialog.start_button.isEnabled()

    report = run_import(qtbot, dialog)
    assert report.counts == {"imported": 12, "unchanged": 0, "updated": 0, "rejected": 1}
    # the audit log names the signed-in secretariat member, not an operating-system user
    with db.read() as s:
        imported = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "dossier.imported")))
        assert len(imported) == 12
        assert {(e.actor, str(e.actor_id)) for e in imported} == {(ACTOR.name, str(ACTOR.user_id))}

    # the table: rejected first, every finding in Indonesian
    rows = table_rows(dialog)
    assert len(rows) == dialog.report_model.rowCount() == len(report.rows("id"))
    assert rows[0]["outcome"] == "rejected" and rows[0]["OUTCOME"] == "Ditolak"
    assert rows[0]["SEVERITY"] == "Galat" and "kecamatan" in rows[0]["MESSAGE"]
    assert rows[0]["FILE"].startswith("usulan-bad.zip")
    warning = next(r for r in rows if r["NUMBER"] == "KIPP-2026-012")
    assert warning["OUTCOME"] == "Diimpor" and warning["SEVERITY"] == "Peringatan"
    assert warning["MESSAGE"] == "Bagian 'ringkasan' berisi 215 kata, melebihi batas 200 kata."
    assert {r["OUTCOME"] for r in rows[1:]} == {"Diimpor"}
    assert dialog.summary_label.text().startswith("Selesai dalam ")
    assert "12 diimpor" in dialog.summary_label.text() and "1 ditolak" in dialog.summary_label.text()
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    imported = next(r for r in range(dialog.report_proxy.rowCount())
                    if dialog.report_proxy.index(r, 0).data(OUTCOME_ROLE) == "imported")
    assert dialog.report_proxy.index(imported, 0).data(DOSSIER_ID_ROLE)

    # sortable: by number, descending
    dialog.report_view.sortByColumn(ReportColumn.NUMBER, Qt.SortOrder.DescendingOrder)
    assert table_rows(dialog)[0]["NUMBER"] == "KIPP-BAD"

    # the store, and the window behind refreshed its counts
    state = store_state(db)
    assert (state.dossiers, state.revisions, state.staging) == (12, 12, 0)
    assert stray_files(db) == set()
    assert main_window.events_page.model.event_at(1).dossiers == 12

    # importing the same again changes nothing
    again = run_import(qtbot, dialog)
    assert again.counts["unchanged"] == 12 and store_state(db).revisions == 12


def test_export_report_csv(qtbot, db: Database, seam: Chooser, stick: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_event(db)
    dialog = ImportDialog(db, paths=[SAMPLES / "sipeduli-tebing-tinggi", bad_package(stick)], actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.export_button.isEnabled()
    run_import(qtbot, dialog)
    target = tmp_path / "laporan.csv"
    seam.files.append(target)
    assert dialog.export_button.isEnabled() and dialog.export_button.text() == "&Ekspor laporan CSV\u2026"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert seam.asked[-1]["kind"] == "save"
    with open(target, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["outcome"] for r in rows] == ["imported", "rejected"]
    assert rows[0]["message"] == "Bagian 'ringkasan' berisi 215 kata, melebihi batas 200 kata."
    assert str(target) in dialog.summary_label.text()


def test_cancel_mid_import_leaves_nothing_half_written(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_event(db)
    batch = tmp_path / "batch"
    for n in range(5):
        write_folder(batch / f"u{n}", number=f"KIPP-{n}")
    dialog = ImportDialog(db, paths=[batch], actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()

    # Hold the worker while it stores the second dossier (inside its transaction)...
    reached, release = threading.Event(), threading.Event()

    def hold(progress: ImportProgress) -> None:  # runs in the import thread
        if progress.phase == "storing" and progress.dossiers_done == 1 and not reached.is_set():
            reached.set()
            release.wait(10)

    dialog.import_started.connect(
        lambda job: job.worker.progressed.connect(hold, Qt.ConnectionType.DirectConnection)
    )
    job = dialog.start_import()
    assert isinstance(job, ImportJob)
    try:
        qtbot.waitUntil(reached.is_set, timeout=10_000)
        # ...the dialog stays responsive: it shows progress and takes the click on Batal
        assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
        assert not dialog.start_button.isVisible() and not dialog.folder_button.isEnabled()
        qtbot.waitUntil(lambda: "1 dari 5 proposal" in dialog.progress_label.text())
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.cancel_button.isEnabled()
    finally:
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
            release.set()
    report: ImportReport = finished.args[0]

    assert report.cancelled
    assert [(i.number, i.outcome) for i in report.items] == [("KIPP-0", Outcome.IMPORTED)]
    assert report.not_processed == ("batch/u1", "batch/u2", "batch/u3", "batch/u4")
    rows = table_rows(dialog)
    assert [r["OUTCOME"] for r in rows].count("Tidak diproses") == 4
    assert dialog.summary_label.text().startswith("Dibatalkan")
    state = store_state(db)
    assert (state.dossiers, state.revisions, state.attachments, state.staging) == (1, 1, 3, 0)
    assert stray_files(db) == set()
    assert not job.is_running() and dialog.start_button.isVisible()


def test_nothing_to_import_and_no_event(qtbot, db: Database, recording_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(db, paths=[SAMPLES], actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.no_event_label.isVisible() and "oaoi" not in dialog.no_event_label.text()
    assert "Kegiatan \u25b8 Kegiatan baru\u2026 (Ctrl+N)" in dialog.no_event_label.text()
    assert not dialog.start_button.isEnabled() and dialog.start_import() is None

    make_event(db)
    dialog.load_events()
    dialog.sources_list.selectAll()
    dialog.remove_button.click()
    assert dialog.paths() == []
    dialog.add_paths([tmp_path / "stick-was-pulled"])  # vanished before the import began
    job = dialog.start_import()
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=10_000):
        pass
    [message] = recording_dialogs.messages
    assert message["kind"] == MessageKind.ERROR and message["title"] == "Tidak ada yang dapat diimpor"
    assert "stick-was-pulled" in str(message["text"])


def drag_events(paths: list[Path], window: MainWindow) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = window.rect().center()
    enter = QDragEnterEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    return enter, drop, mime


def test_dropping_folders_and_zips_starts_the_import(qtbot, main_window: MainWindow, db: Database,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    make_event(db)
    main_window.refresh()
    folder = write_folder(tmp_path / "usulan-01", number="KIPP-1")
    package = write_zip(tmp_path / "usulan-02.zip", zip_members(number="KIPP-2"))
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan proposal", encoding="utf-8")

    # only a text file: refused, and the status bar says why
    enter, _drop, _mime = drag_events([notes], main_window)
    QApplication.sendEvent(main_window, enter)
    assert not enter.isAccepted()
    assert main_window.statusBar().currentMessage().startswith("Hanya folder")
    assert main_window.import_dialog is None

    enter, drop, _mime = drag_events([folder, package, notes], main_window)
    QApplication.sendEvent(main_window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(main_window, drop)
    assert drop.isAccepted()
    dialog = main_window.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.paths() == [folder, package]

    report = run_import(qtbot, dialog)
    assert report.counts["imported"] == 2 and store_state(db).dossiers == 2


def test_report_model(qtmodeltester, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    bad_package(tmp_path)
    report = import_paths(db, event_id, [SAMPLES / "sipeduli-tebing-tinggi", SAMPLES / "sipandu-medan",
                                         tmp_path / "usulan-bad.zip"], actor=ACTOR, today=TODAY)
    model = ImportReportModel()
    model.set_report(report)
    qtmodeltester.check(model)
    assert model.rowCount() == len(report.rows())
    assert model.headerData(ReportColumn.OUTCOME, Qt.Orientation.Horizontal) == "Hasil"
    model.set_report(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_drop_on_an_open_dialog_adds_to_it(qtbot, main_window: MainWindow, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_event(db)
    first = write_folder(tmp_path / "a", number="A-1")
    second = write_folder(tmp_path / "b", number="B-1")
    dialog = main_window.start_import([first])
    assert main_window.start_import([second, first]) is dialog
    assert dialog.paths() == [first, second]
    dialog.close()
