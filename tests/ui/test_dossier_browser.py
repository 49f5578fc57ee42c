"""The secretariat's dossier browser: event → its dossiers → the reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.dossier_browser import DOSSIER_ID_ROLE, DossierBrowserPage, DossierColumn, DossiersTableModel, load_rows
from oaoi_desktop.ui.main_window import MainWindow
from support.builders import ACTOR, make_event
from support.ui_dossiers import import_samples
from support.ui_session import sign_in_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


SAMPLES = ("sipandu-medan", "sigizi-deli-serdang", "sipeduli-tebing-tinggi")


@pytest.fixture
def event_id(db: Database) -> str:
    make_event(db, name="KIPP 2025")  # an older event with nothing in it
    event_id, _report = import_samples(db, *SAMPLES, event_name="KIPP Kota Medan 2026")
    return event_id


def test_the_model(qtmodeltester, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    name, rows = load_rows(db, event_id, actor=ACTOR)
    assert name == "KIPP Kota Medan 2026"
    model = DossiersTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert [model.index(r, DossierColumn.NUMBER).data() for r in range(3)] == [
        "KIPP-2026-001", "KIPP-2026-002", "KIPP-2026-012"]
    assert model.index(0, DossierColumn.ATTACHMENTS).data() == "4"
    assert model.index(0, DossierColumn.KELOMPOK).data() == "Umum"
    assert model.headerData(DossierColumn.TITLE, Qt.Orientation.Horizontal) == "Judul"
    model.set_rows([])
    qtmodeltester.check(model)


def test_double_click_an_event_then_read_a_dossier(qtbot, main_window: MainWindow, db: Database,  # type: ignore[no-untyped-def]
                                                    event_id: str) -> None:
    main_window.refresh()
    table = main_window.events_page.table
    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == "KIPP Kota Medan 2026")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first press
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    browser = main_window.dossier_browser
    assert isinstance(browser, DossierBrowserPage)
    assert main_window.stack.currentWidget() is browser
    assert browser.event_id() == event_id and browser.title.text() == "KIPP Kota Medan 2026"
    assert browser.count_label.text() == "3 proposal"
    assert browser.reader.view is None

    with qtbot.waitSignal(browser.dossier_shown) as shown:
        second = browser.table.visualRect(browser.proxy.index(1, DossierColumn.TITLE)).center()
        qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert browser.reader.view is not None and browser.reader.view.number == "KIPP-2026-002"
    assert shown.args == [str(browser.reader.view.dossier_id)]
    assert browser.reader.field_labels["number"].text() == "KIPP-2026-002"
    # its PDF opens in the reader
    pdf = next(a for a in browser.reader.view.attachments if a.is_pdf)
    browser.reader.open_attachment(pdf.id)
    assert browser.reader.viewer.pdf_document.status() == QPdfDocument.Status.Ready

    # search narrows the list (by agency here); the only match becomes the one shown
    qtbot.keyClicks(browser.search_edit, "tebing")
    assert browser.proxy.rowCount() == 1
    assert browser.proxy.index(0, 0).data() == "KIPP-2026-012"
    assert browser.reader.view.number == "KIPP-2026-012"
    browser.search_edit.clear()
    assert browser.proxy.rowCount() == 3

    # reading the database again (F5) keeps the browser and the dossier shown
    import_samples(db, "jalak-medan", event_name="other")  # another event: not listed here
    main_window.reload_action.trigger()
    assert main_window.stack.currentWidget() is browser and browser.proxy.rowCount() == 3
    assert browser.reader.view.number == "KIPP-2026-012"

    qtbot.mouseClick(browser.back_button, Qt.MouseButton.LeftButton)
    assert main_window.stack.currentWidget() is main_window.events_page
    assert browser.reader.viewer.pdf_document.status() == QPdfDocument.Status.Null


def test_from_the_menu_and_switching_events(qtbot, main_window: MainWindow, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    main_window.refresh()
    assert main_window.browse_action.text().replace("&", "") == "Proposal"
    assert main_window.browse_action.shortcut().toString() == "Ctrl+B"
    main_window.browse_action.trigger()
    browser = main_window.dossier_browser
    assert browser is not None and browser.event_id() == event_id  # the most recent event
    browser.select_dossier(browser.model.row_at(2).id)
    assert browser.reader.view.number == "KIPP-2026-012"
    assert browser.table.currentIndex().data(DOSSIER_ID_ROLE) == str(browser.reader.view.dossier_id)

    older = browser.event_combo.findText("KIPP 2025")
    browser.event_combo.setCurrentIndex(older)
    browser.event_combo.activated.emit(older)
    assert browser.title.text() == "KIPP 2025" and browser.model.rowCount() == 0
    assert browser.reader.view is None and browser.count_label.text() == "0 proposal"
