"""The overview of evaluation events and its item model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from oaoi_desktop.services import status
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import EventStatus
from oaoi_desktop.ui import language
from oaoi_desktop.ui.events_overview import EVENT_ID_ROLE, SORT_ROLE, Column, EventsTableModel
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.settings import Settings
from support.ui_session import sign_in_secretariat
from support.builders import ensure_secretariat


def cell(model: EventsTableModel, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def header(model: EventsTableModel, column: Column) -> str:
    return model.headerData(column, Qt.Orientation.Horizontal)


def test_an_event_is_listed_with_its_counts(
    qtbot, db: Database, settings: Settings, add_event: Callable[..., object]  # type: ignore[no-untyped-def]
) -> None:
    event_id = add_event("KIPP Kota Medan 2026 \u2014 Penilaian Proposal", dossiers=3, judges=2, submitted=4)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.gate_stack.currentWidget() is window.sign_in_page  # nobody sees the events before signing in
    sign_in_secretariat(qtbot, window)

    page = window.events_page
    assert window.stack.currentWidget() is page and page.isVisible()
    assert page.title.text() == "Kegiatan penilaian"
    assert page.subtitle.text().startswith("1 kegiatan penilaian di basis data ini")
    model = page.table.model()
    assert model.rowCount() == 1
    assert cell(model, 0, Column.NAME) == "KIPP Kota Medan 2026 \u2014 Penilaian Proposal"
    assert cell(model, 0, Column.STATUS) == "Berlangsung"
    assert cell(model, 0, Column.RUBRIC) == "KIPP \u2014 Penilaian Proposal"
    assert cell(model, 0, Column.DOSSIERS) == "3"
    assert cell(model, 0, Column.JUDGES) == "2"
    assert cell(model, 0, Column.ASSIGNMENTS) == "6"
    assert cell(model, 0, Column.SHEETS_SUBMITTED) == "4"
    assert cell(model, 0, Column.NAME, EVENT_ID_ROLE) == str(event_id)
    assert cell(model, 0, Column.DOSSIERS, SORT_ROLE) == 3
    assert header(model, Column.DOSSIERS) == "Proposal"
    assert header(model, Column.SHEETS_SUBMITTED) == "Lembar dikirim"
    # the view shows the texts: the row is laid out within the table
    assert page.table.visualRect(model.index(0, Column.NAME)).isValid()


def test_overview_switches_language(
    qtbot, db: Database, settings: Settings, add_event: Callable[..., object]  # type: ignore[no-untyped-def]
) -> None:
    add_event("Kompetisi Inovasi OPD 2026", status=EventStatus.ACTIVE)
    add_event("KIPP Provinsi 2026")
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.events_page
    model = page.model
    assert page.subtitle.text().startswith("2 kegiatan penilaian")
    assert cell(model, 0, Column.STATUS) == "Aktif"

    with qtbot.waitSignal(model.headerDataChanged):
        window.language_actions["en"].trigger()
    assert page.title.text() == "Evaluation events"
    assert page.subtitle.text().startswith("2 evaluation events in this database")
    assert header(model, Column.DOSSIERS) == "Proposals"
    assert header(model, Column.JUDGES) == "Judges"
    assert cell(model, 0, Column.STATUS) == "Active"
    assert cell(model, 1, Column.STATUS) == "In progress"


def test_english_singular(qtbot, db: Database, settings: Settings, add_event: Callable[..., object]) -> None:  # type: ignore[no-untyped-def]
    add_event("KIPP 2026")
    language.install_language("en")
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    assert window.events_page.subtitle.text().startswith("1 evaluation event in this database")


def test_events_model_passes_the_model_tester(
    qtmodeltester, db: Database, add_event: Callable[..., object]  # type: ignore[no-untyped-def]
) -> None:
    add_event("A", dossiers=2, judges=1, submitted=1)
    add_event("B", status=EventStatus.CLOSED)
    model = EventsTableModel()
    model.set_events(status.summary(db, actor=ensure_secretariat(db)).events)
    qtmodeltester.check(model, force_py=True)
    model.retranslate()
    qtmodeltester.check(model, force_py=True)


def test_a_finalised_event_reads_final(
    qtbot, db: Database, settings: Settings, add_event: Callable[..., object]  # type: ignore[no-untyped-def]
) -> None:
    add_event("KIPP Kota Medan 2025", status=EventStatus.FINALISED)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    model = window.events_page.model
    assert cell(model, 0, Column.STATUS) == "Final"
    window.language_actions["en"].trigger()
    assert cell(model, 0, Column.STATUS) == "Finalised"
