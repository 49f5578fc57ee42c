"""The main window: menus, the empty state, language switching, status bar, closing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel

from oaoi_desktop import config, i18n
from oaoi_desktop.services import events
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.start_page import StartPage


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_opens_in_indonesian_with_the_secretariat_step(main_window: MainWindow) -> None:
    assert main_window.windowTitle() == "oaoi-desktop"
    assert menu_titles(main_window) == ["Berkas", "Tampilan", "Kegiatan", "Alat", "Bantuan"]
    # nobody is signed in: the sign-in page stands in front of the content, offering the first run
    assert main_window.gate_stack.currentWidget() is main_window.sign_in_page
    assert main_window.sign_in_page.setup_card.isVisible()
    assert main_window.stack.currentWidget() is main_window.start_page
    page = main_window.start_page
    assert not page.isVisible()
    assert page.next_step() == StartPage.SECRETARIAT
    assert page.title.text() == "Selamat datang di oaoi-desktop"
    assert page.heading.text() == "Langkah berikutnya: buat akun sekretariat"
    # the next step is a button, never a terminal command
    assert page.setup_button.text().replace("&", "") == "Buat akun sekretariat\u2026"
    assert not page.new_event_button.isVisibleTo(page) and not page.import_button.isVisibleTo(page)
    assert page.demo_button.isVisibleTo(page)
    assert not [w for w in page.findChildren(QLabel) if "oaoi " in w.text()]
    assert main_window.language_actions["id"].isChecked()
    assert main_window.quit_action.text().replace("&", "") == "Keluar"
    assert main_window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_with_a_secretariat_the_next_step_is_an_event(
    qtbot, db: Database, db_path: Path, settings: Settings, add_secretariat: Callable[..., object]  # type: ignore[no-untyped-def]
) -> None:
    add_secretariat()
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.start_page
    assert page.next_step() == StartPage.EVENT
    assert page.heading.text() == "Langkah berikutnya: buat kegiatan penilaian"
    assert page._badges[0].state == "done" and page._badges[1].state == "current"
    texts = [b.text().replace("&", "") for b in (page.new_event_button, page.import_button, page.demo_button)]
    assert texts == ["Kegiatan baru\u2026", "Impor\u2026", "Buka demo"]
    assert all(b.isVisibleTo(page) for b in (page.new_event_button, page.import_button, page.demo_button))
    assert not page.setup_button.isVisibleTo(page)
    # no terminal command anywhere on the page
    assert not [w for w in page.findChildren(QLabel) if "oaoi " in w.text() or "--" in w.text()]


def test_switching_language_through_the_view_menu(main_window: MainWindow, settings: Settings) -> None:
    view_menu = main_window.view_menu
    assert main_window.language_menu.menuAction() in view_menu.actions()
    english = next(a for a in main_window.language_menu.actions() if a.text() == "English")
    indonesian = next(a for a in main_window.language_menu.actions() if a.text() == "Bahasa Indonesia")

    english.trigger()
    assert menu_titles(main_window) == ["File", "View", "Event", "Tools", "Help"]
    assert view_menu.title().replace("&", "") == "View"
    assert main_window.language_menu.title().replace("&", "") == "Language"
    assert main_window.start_page.heading.text() == "Next step: create the secretariat account"
    assert main_window.start_page.demo_button.text().replace("&", "") == "Open the demo"
    assert main_window.database_label.full_text().startswith("Database: ")
    assert english.isChecked() and not indonesian.isChecked()
    assert language.current_language() == "en" and i18n.current_language() == "en"
    assert Settings.open(settings.file_name).value(registry.LANGUAGE) == "en"

    indonesian.trigger()
    assert menu_titles(main_window) == ["Berkas", "Tampilan", "Kegiatan", "Alat", "Bantuan"]
    assert main_window.start_page.heading.text() == "Langkah berikutnya: buat akun sekretariat"
    assert main_window.database_label.full_text().startswith("Basis data: ")
    assert indonesian.isChecked()
    assert i18n.current_language() == "id"
    assert settings.value(registry.LANGUAGE) == "id"


def test_language_changed_is_emitted(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(main_window.language_changed) as blocker:
        main_window.language_actions["en"].trigger()
    assert blocker.args == ["en"]


def test_status_bar_shows_database_and_device(qtbot, main_window: MainWindow, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(1280, 720)  # a projector laptop: the path, who is signed in and the device fit
    qtbot.waitUntil(lambda: main_window.width() == 1280)
    label = main_window.database_label
    assert label.isVisible()
    assert label.full_text() == f"Basis data: {db_path}"
    assert label.text() == label.full_text()  # wide enough: not elided
    assert str(db_path) in label.toolTip()
    device = str(config.device_id())
    assert main_window.device_label.text() == f"Perangkat: {device[:8]}"
    assert device in main_window.device_label.toolTip()
    assert main_window.person_label.text() == "Belum ada yang masuk"


def test_a_long_path_is_elided_not_widening_the_window(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(640, 480)
    qtbot.waitUntil(lambda: main_window.width() == 640)
    label = main_window.database_label
    label.setText("Basis data: /" + "sangat-panjang/" * 40 + "t.sqlite")
    assert "\u2026" in label.text()
    assert label.toolTip() == label.full_text()
    assert main_window.minimumSizeHint().width() < 640


def test_close_saves_geometry_and_keeps_the_database(
    qtbot, db: Database, settings: Settings  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.size() == QSize(700, 500))
    assert window.close()
    assert not window.isVisible()
    assert not settings.value(registry.MAIN_WINDOW_GEOMETRY).isEmpty()
    assert settings.contains(registry.MAIN_WINDOW_STATE)
    # the window used the database but did not close it
    with db.read() as s:
        assert events.list_events(s) == []

    again = MainWindow(db, Settings.open(settings.file_name))
    qtbot.addWidget(again)
    assert again.size() == QSize(700, 500)


def test_ctrl_q_closes_the_window(qtbot, main_window: MainWindow, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not main_window.isVisible())
    assert not settings.value(registry.MAIN_WINDOW_GEOMETRY).isEmpty()


def test_reload_shows_an_event_added_meanwhile(
    main_window: MainWindow, add_event: Callable[..., object]
) -> None:
    assert main_window.stack.currentWidget() is main_window.start_page
    add_event("Kompetisi Inovasi OPD Kota Medan 2026")
    main_window.reload_action.trigger()
    assert main_window.stack.currentWidget() is main_window.events_page
    assert main_window.events_page.model.rowCount() == 1


def test_about_goes_through_the_dialog_seam(main_window: MainWindow, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    main_window.about_action.trigger()
    [message] = recording_dialogs.messages
    assert message["kind"] == MessageKind.INFORMATION
    assert message["title"] == "Tentang oaoi-desktop"
    assert re.search(r"oaoi-desktop \d+\.\d+", str(message["text"]))
    assert "Lisensi: MIT" in str(message["text"])
    assert message["buttons"] == ["OK"]



def test_the_start_page_buttons_open_the_wizard_and_the_import(
        qtbot, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """After the account exists the start page offers buttons that do the step here in the app."""
    window = secretariat_window
    page = window.start_page
    assert window.stack.currentWidget() is page and page.isVisible()
    assert page.next_step() == StartPage.EVENT
    qtbot.mouseClick(page.new_event_button, Qt.MouseButton.LeftButton)
    wizard = window.extensions["secretariat"].wizard
    assert wizard is not None and wizard.isVisible()
    wizard.close()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert window.import_dialog is not None and window.import_dialog.isVisible()
    window.import_dialog.close()
    with qtbot.waitSignal(page.demo_requested):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.demo_windows), timeout=120_000)  # the demo in its own window
    for demo in list(window.demo_windows):
        demo.close()
