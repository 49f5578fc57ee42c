"""The export dialog (progress, cancel), the menu actions, and print preview of a generated PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from oaoi_desktop.services import documents
from oaoi_desktop.services.documents import ExportOptions
from oaoi_desktop.ui.documents.export_dialog import ExportDialog
from oaoi_desktop.ui.documents.printing import load_pdf, paint_pdf, preview_dialog
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score


def toggle(qtbot, box) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


@pytest.fixture
def event(db) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi"])
    for n in ("P-1", "P-2", "P-3"):
        add_dossier(db, eid, n)
        for j in ("Ani", "Budi"):
            score(db, eid, j, n, {c: 8 for c in KIPP_CRITERIA})
    return eid


def test_menu_actions_are_secretariat_only(main_window) -> None:
    names = {a.objectName() for a in main_window.secretariat_only_actions}
    assert {"action_documents_export", "action_documents_print", "action_documents_preview"} <= names
    assert any(a.objectName() == "action_documents_export" for a in main_window.event_menu.actions())


def test_export_writes_chosen_documents(qtbot, db, event, tmp_path) -> None:
    dialog = ExportDialog(db, event_id=event, workers=1, actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "keluar"
    dialog.folder_edit.setText(str(out))
    toggle(qtbot, dialog.kind_boxes["ranking"])  # untick
    toggle(qtbot, dialog.kind_boxes["minutes"])  # tick
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("f4"))
    assert dialog.selected_kinds() == ["result", "minutes"]
    with qtbot.waitSignal(dialog.exported, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    paths = blocker.args[0]
    assert len(paths) == 4 and all(Path(p).parent == out for p in paths)
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in paths)
    assert "4" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert dialog.export_button.isEnabled()
    height = float(PdfReader(paths[0]).pages[0].mediabox.height)
    assert round(height / 72 * 25.4) == 330


def test_cancel_leaves_nothing_under_a_final_name(qtbot, db, event, tmp_path) -> None:
    dialog = ExportDialog(db, event_id=event, workers=1, actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "batal"
    dialog.folder_edit.setText(str(out))
    for kind in ("sheet", "minutes"):
        toggle(qtbot, dialog.kind_boxes[kind])
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.text() in ("Batal", "Cancel")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert not out.exists() or list(out.iterdir()) == []
    assert dialog.status.text()


def test_missing_folder_is_said(qtbot, db, event) -> None:
    dialog = ExportDialog(db, event_id=event, workers=1, actor=ACTOR)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is None and dialog.status.text()


def test_print_preview_renders_every_page(qtbot, db, event, tmp_path) -> None:
    docs = documents.prepare(db, event, ["minutes"], ExportOptions(), actor=ACTOR)
    [path] = documents.write_documents(docs, tmp_path, workers=1)
    pages = len(PdfReader(str(path)).pages)
    dialog = preview_dialog(path)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(load_pdf(path), printer, dpi=50) == pages
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pages
