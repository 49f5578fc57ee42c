"""The secretariat console page: menu actions, event selector, the way back, F5, the results
package's tabs, local changes reaching the dashboard, and the language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import oaoi_desktop.ui.secretariat.console as console_module
from oaoi_desktop.services import accounts, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role
from oaoi_desktop.ui import language
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from support.builders import ACTOR, add_dossier, make_event
from support.ui_session import sign_in_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


@pytest.fixture
def two_events(db: Database) -> tuple[str, str]:
    first = make_event(db, name="Lomba Inovasi OPD Kota Medan 2025", rubric="opd-regional")
    second = make_event(db, name="KIPP Kota Medan 2026", rubric="kipp-two-stage")
    with db.write() as s:
        event = events.get_event(s, second)
        for i, name in enumerate(("Ani Lestari", "Budi Santoso")):
            accounts.add_judge(s, event, name=name, instansi="Universitas Sumatera Utara",
                               role=Role.CHAIR if i == 0 else Role.MEMBER, actor=ACTOR)
    for i in range(1, 4):
        add_dossier(db, second, f"P-{i}")
    return first, second


class ResultTab(QWidget):
    """What the results package's tabs promise: a window title and refresh()."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.refreshed = 0
        self.setWindowTitle(title)
        QVBoxLayout(self).addWidget(QLabel(title, self))

    def refresh(self) -> None:
        self.refreshed += 1


def test_the_menu_opens_the_console_on_the_most_recent_event_and_goes_back(
        qtbot, main_window: MainWindow, two_events: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    hook = main_window.extensions["secretariat"]
    assert hook.console_action.text() == "Konsol &sekretariat"
    assert hook.console_action in main_window.event_menu.actions()
    hook.console_action.trigger()
    console = main_window.stack.currentWidget()
    assert isinstance(console, SecretariatConsole)
    assert console.event_id() == two_events[1]
    assert console.event_combo.currentText() == "KIPP Kota Medan 2026"
    assert [console.tabs.tabText(i) for i in range(console.tabs.count())] == [
        "Penugasan", "Progres", "Kalibrasi", "Peringkat", "Kesepakatan penilai", "Log audit", "Kepekaan"]
    assert console.stage_combo.count() == 2 and console.stage_combo.isEnabled()
    assert console.matrix.model.rowCount() == 3 and console.matrix.model.columnCount() == 2
    # F5 reads the database again and keeps the console
    main_window.reload_action.trigger()
    assert main_window.stack.currentWidget() is console
    # choosing another event in the selector
    console.event_combo.setCurrentIndex(console.event_combo.findData(two_events[0]))
    assert console.event_id() == two_events[0] and console.matrix.model.rowCount() == 0
    assert "belum memiliki proposal" in console.matrix.message.text()
    qtbot.mouseClick(console.back_button, Qt.MouseButton.LeftButton)
    assert main_window.stack.currentWidget() is main_window.events_page
    main_window.reload_action.trigger()
    assert main_window.stack.currentWidget() is main_window.events_page
    # the event chosen in the overview is the one the console opens on
    table = main_window.events_page.table
    table.setCurrentIndex(table.model().index(0, 0))
    hook.console_action.trigger()
    assert console.event_id() == two_events[0]


def test_assigning_in_the_matrix_updates_the_dashboard_at_once(
        qtbot, db: Database, two_events: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    console = SecretariatConsole(db, two_events[1], actor=ACTOR, poll_ms=60_000)
    qtbot.addWidget(console)
    console.show()
    assert console.dashboard.progress is None  # a hidden tab reads nothing
    console.tabs.setCurrentWidget(console.dashboard)
    assert console.dashboard.overall.format() == "0 dari 0 lembar terkirim (0,0%)"
    console.tabs.setCurrentWidget(console.matrix)
    console.matrix.toggle(console.matrix.cell_index("P-2", "Budi Santoso"))
    console.tabs.setCurrentWidget(console.dashboard)  # showing the dashboard reads what changed
    assert console.dashboard.overall.format() == "0 dari 1 lembar terkirim (0,0%)"
    console.dashboard.timer.stop()
    console.matrix.toggle(console.matrix.cell_index("P-3", "Budi Santoso"))  # (a change while it is shown)
    console.dashboard.refresh_if_shown()
    assert console.dashboard.overall.format() == "0 dari 2 lembar terkirim (0,0%)"


def test_the_results_packages_tabs_join_the_console(
        qtbot, db: Database, two_events: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    made: list[tuple[str, ResultTab]] = []

    def console_tabs(db_: Database, event_id: str, parent: QWidget, *, actor=None) -> list[QWidget]:  # type: ignore[no-untyped-def]
        assert actor == ACTOR  # the signed-in secretariat: the ranking shows completeness for it (issue 14)
        tabs = [ResultTab("Peringkat", parent), ResultTab("Kesepakatan", parent)]
        made.extend((event_id, t) for t in tabs)
        return tabs

    monkeypatch.setattr(console_module, "console_tabs", console_tabs)
    console = SecretariatConsole(db, two_events[1], actor=ACTOR, poll_ms=60_000)
    qtbot.addWidget(console)
    console.show()
    assert [console.tabs.tabText(i) for i in range(console.tabs.count())] == [
        "Penugasan", "Progres", "Kalibrasi", "Peringkat", "Kesepakatan", "Kepekaan"]
    assert {e for e, _ in made} == {two_events[1]}
    ranking = made[0][1]
    ranking.setWindowTitle("Ranking")
    assert console.tabs.tabText(3) == "Ranking"
    console.matrix.toggle(console.matrix.cell_index("P-1", "Ani Lestari"))
    console.tabs.setCurrentIndex(3)
    assert ranking.refreshed == 1
    console.event_combo.setCurrentIndex(console.event_combo.findData(two_events[0]))
    assert {e for e, _ in made} == set(two_events)
    assert [console.tabs.tabText(i) for i in range(console.tabs.count())] == [
        "Penugasan", "Progres", "Kalibrasi", "Peringkat", "Kesepakatan", "Kepekaan"]  # the projector's tab stays last


def test_indonesian_by_default_and_english_after_switching(
        qtbot, main_window: MainWindow, two_events: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    hook = main_window.extensions["secretariat"]
    console = hook.show_console()
    assert console.title.text() == "Konsol sekretariat"
    assert console.matrix.auto_button.text() == "Penugasan &otomatis\u2026"
    assert console.dashboard.judge_model.headerData(2, Qt.Orientation.Horizontal) == "Ditugaskan"
    assert hook.new_event_action.text() == "&Kegiatan baru\u2026"
    main_window.set_language("en")
    assert language.current_language() == "en"
    assert console.title.text() == "Secretariat console"
    assert [console.tabs.tabText(i) for i in range(console.tabs.count())] == [
        "Assignment", "Progress", "Calibration", "Ranking", "Agreement", "Audit log", "Sensitivity"]
    assert console.matrix.auto_button.text() == "&Auto-assign\u2026"
    assert console.dashboard.judge_model.headerData(2, Qt.Orientation.Horizontal) == "Assigned"
    assert console.matrix.model.headerData(0, Qt.Orientation.Horizontal) == "Ani Lestari\nchair · load 0"
    assert hook.new_event_action.text() == "&New event\u2026"
    assert hook.console_action.text() == "Secretariat &console"
    assert console.stage_combo.itemText(1) == "Presentation and Interview" or console.stage_combo.count() == 2
    wizard = hook.start_wizard()
    assert wizard.windowTitle() == "New event"
    assert wizard.roster_page.title() == "Judges"
    wizard.reject()
