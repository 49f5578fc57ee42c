"""The main window: menus, the empty state, language switching, status bar, closing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication

from oaoi_desktop import config, i18n
from oaoi_desktop.services import status
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
    assert page.command.text().startswith('oaoi user add --role secretariat --name "..."')
    assert page.copy_button.text() == "Salin perintah"
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
    command = page.command.text()
    # the test database is not the default one: the command names it
    assert command == f'oaoi event create --name "..." --rubric kipp-proposal --db {db_path}'
    assert page.command.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_the_default_database_needs_no_db_option(qtbot, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    with Database.open() as db:
        window = MainWindow(db, settings)
        qtbot.addWidget(window)
        assert window.start_page.command.text() == 'oaoi user add --role secretariat --name "..."'
        assert Path(db.display_name) == config.default_db_path()


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
    assert main_window.start_page.copy_button.text() == "Copy command"
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
    assert status.summary(db, actor=None).events == ()

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


def test_copy_command_puts_it_on_the_clipboard(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = main_window.start_page
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == page.command_text()
    assert main_window.statusBar().currentMessage() == "Perintah disalin ke papan klip."


def test_about_goes_through_the_dialog_seam(main_window: MainWindow, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    main_window.about_action.trigger()
    [message] = recording_dialogs.messages
    assert message["kind"] == MessageKind.INFORMATION
    assert message["title"] == "Tentang oaoi-desktop"
    assert re.search(r"oaoi-desktop \d+\.\d+", str(message["text"]))
    assert "Lisensi: MIT" in str(message["text"])
    assert message["buttons"] == ["OK"]


def test_the_commands_shown_are_accepted_by_the_cli(
    qtbot, db: Database, db_path: Path, settings: Settings, add_secretariat: Callable[..., object]  # type: ignore[no-untyped-def]
) -> None:
    import shlex

    from oaoi_desktop import cli

    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    commands = [window.start_page.command_text()]
    add_secretariat()
    window.refresh()
    commands.append(window.start_page.command_text())
    parsed = []
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "oaoi"
        parsed.append(cli.build_parser().parse_args(words[1:]))
    assert [(a.command, a.subcommand) for a in parsed] == [("user", "add"), ("event", "create")]
    assert parsed[0].role == "secretariat"
    assert parsed[1].rubric == "kipp-proposal"
    assert all(a.db == str(db_path) for a in parsed)
