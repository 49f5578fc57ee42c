"""The GUI entry point: arguments, start-up errors, the main window."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from oaoi_desktop import app
from oaoi_desktop.ui import language
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.settings import Settings


def newer_database(path: Path) -> Path:
    """A SQLite file stamped with a schema revision this version does not know."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('ffff')")
    conn.close()
    return path


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """Replace the main loop: record the shown window, close it, exit 0."""
    shown: list[MainWindow] = []

    def run(_app: QApplication) -> int:
        [window] = [w for w in main_windows() if w.isVisible()]
        shown.append(window)
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    return shown


def test_newer_database_is_reported_and_exits_1(tmp_path: Path, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    path = newer_database(tmp_path / "newer.sqlite")

    assert app.main(["--db", str(path)]) == 1

    [message] = recording_dialogs.messages
    assert message["kind"] == MessageKind.ERROR
    assert message["title"] == "oaoi-desktop tidak dapat dimulai"
    assert "ffff" in str(message["text"]) and "lebih baru" in str(message["text"])
    assert str(path) in str(message["text"])
    assert "Traceback" not in str(message["text"])
    assert not [w for w in main_windows() if w.isVisible()]
    with sqlite3.connect(path) as conn:  # refused, not migrated
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("ffff",)]
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["alembic_version"]
    conn.close()


def test_newer_database_in_english(tmp_path: Path, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    path = newer_database(tmp_path / "newer.sqlite")
    assert app.main(["--db", "sqlite:///" + str(path), "--lang", "en"]) == 1
    [message] = recording_dialogs.messages
    assert message["title"] == "oaoi-desktop cannot start"
    assert "newer version" in str(message["text"])


def test_a_file_that_is_no_database_is_reported(tmp_path: Path, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not a database, just some notes" * 100)
    assert app.main(["--db", str(path)]) == 1
    [message] = recording_dialogs.messages
    assert str(path) in str(message["text"])


def test_the_real_seam_shows_the_error_until_closed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = newer_database(tmp_path / "newer.sqlite")
    seen: list[tuple[str, list[str]]] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_the_box)
            return
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, close_the_box)
    assert app.main(["--db", str(path)]) == 1
    [(text, buttons)] = seen
    assert "ffff" in text
    assert buttons == ["OK"]


def test_main_opens_the_window_on_a_new_database(tmp_path: Path, no_event_loop: list[MainWindow]) -> None:
    path = tmp_path / "fresh.sqlite"
    assert app.main(["--db", str(path)]) == 0
    [window] = no_event_loop
    assert window.windowTitle() == "oaoi-desktop"
    assert window.start_page.heading.text() == "Langkah berikutnya: buat akun sekretariat"
    assert window.database_label.full_text() == f"Basis data: {path}"
    assert path.exists()
    assert QApplication.organizationName() == "oaoi-desktop"
    assert QApplication.applicationName() == "oaoi-desktop"


def test_lang_option_applies_for_this_run_only(
    tmp_path: Path, oaoi_home: Path, no_event_loop: list[MainWindow]
) -> None:
    assert app.main(["--db", str(tmp_path / "x.sqlite"), "--lang", "en"]) == 0
    [window] = no_event_loop
    assert window.start_page.heading.text() == "Next step: create the secretariat account"
    assert language.current_language() == "en"
    assert not Settings.open(oaoi_home / "settings.ini").contains(registry.LANGUAGE)


def test_saved_language_is_used(tmp_path: Path, oaoi_home: Path, no_event_loop: list[MainWindow]) -> None:
    saved = Settings.open(oaoi_home / "settings.ini")
    saved.set_value(registry.LANGUAGE, "en")
    saved.sync()
    assert app.main(["--db", str(tmp_path / "x.sqlite")]) == 0
    [window] = no_event_loop
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Event", "&Tools", "&Help"]
    # closing saved the window's geometry into the same settings file
    assert not Settings.open(oaoi_home / "settings.ini").value(registry.MAIN_WINDOW_GEOMETRY).isEmpty()


def test_version_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--version"]) == 0
    assert "oaoi-desktop 0." in capsys.readouterr().out
    assert app.main(["--lang", "fr"]) == 2
    assert "fr" in capsys.readouterr().err


def test_python_dash_m_runs_the_gui_entry_point(oaoi_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "oaoi_desktop", "--help"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0
    assert "--db URL" in result.stdout and "--lang {en,id}" in result.stdout


@pytest.mark.parametrize("start", ["database first", "quick start", "demo"])
def test_every_start_path_installs_the_crash_hooks_and_the_log_file(  # type: ignore[no-untyped-def]
        start: str, tmp_path: Path, oaoi_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: an uncaught exception is shown and logged, and a failed job's ``log.exception``
    reaches the rotating log file, whichever way the app started (GUI, quick start, --demo)."""
    import logging
    import threading

    from oaoi_desktop import logs
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.ui.crash import CrashReporter
    from support.builders import ensure_secretariat

    seen: list[tuple[object, object]] = []

    def run(_app: QApplication) -> int:
        [window] = [w for w in main_windows() if w.isVisible()]
        seen.append((getattr(sys.excepthook, "__self__", None), getattr(threading.excepthook, "__self__", None)))
        logging.getLogger("oaoi_desktop.ui.jobs").error("oaoi-test failed (%s)", start)
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    if start == "quick start":
        path = tmp_path / "ready.sqlite"
        with Database.open(str(path)) as db:
            ensure_secretariat(db)
        args = ["--db", str(path)]
    elif start == "demo":
        args = ["--demo"]
    else:
        args = ["--db", str(tmp_path / "fresh.sqlite")]
    hooks = (sys.excepthook, threading.excepthook)
    assert app.main(args) == 0
    [(hook, thread_hook)] = seen
    assert isinstance(hook, CrashReporter) and thread_hook is hook
    assert (sys.excepthook, threading.excepthook) == hooks  # and gone again with the window
    text = (oaoi_home / "logs" / logs.LOG_NAME).read_text(encoding="utf-8")
    assert f"oaoi-test failed ({start})" in text
