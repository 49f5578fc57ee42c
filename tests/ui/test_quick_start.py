"""The quick start (issue 14: start fast): the sign-in window first, the database right after.

``app.main`` shows the window on its sign-in page before the database layer is
loaded when the database is SQLite, up to date and has its accounts
(store/quick.py); the database opens after the first paint (ui/startup.py).
These drive the real app entry point and the real widgets: what a person
typing at once sees, what happens when the database turns bad meanwhile, and
that every other database still takes the path that opens it first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oaoi_desktop import app
from oaoi_desktop.store import migrate
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.main_window import MainWindow
from support.builders import ACTOR, TEST_SECRETARIAT_PIN, ensure_secretariat


@pytest.fixture
def ready_db(tmp_path: Path) -> Path:
    """An up-to-date database with the tests' secretariat account (the quick start's case)."""
    path = tmp_path / "oaoi.sqlite"
    with Database.open(str(path)) as db:
        ensure_secretariat(db)
    return path


def shown_window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


def type_pin_and_enter(qtbot, window: MainWindow, pin: str = TEST_SECRETARIAT_PIN) -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    qtbot.keyClicks(page.secret, pin)
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)


def test_a_pin_typed_before_the_database_is_open_waits_and_signs_in(
    qtbot, ready_db: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    seen: dict[str, object] = {}

    def run(_app: QApplication) -> int:
        window = shown_window()
        seen["ready before"] = window.is_ready()
        seen["page"] = window.gate_stack.currentWidget()
        seen["names"] = [window.sign_in_page.name_combo.itemText(i)
                         for i in range(window.sign_in_page.name_combo.count())]
        seen["status bar"] = window.database_label.full_text()
        type_pin_and_enter(qtbot, window)  # at once: the database is not open yet
        seen["ready after"] = window.is_ready()
        seen["signed in"] = window.access.secretariat
        seen["content"] = window.gate_stack.currentWidget() is window.stack
        seen["packages"] = sorted(window.extensions)
        seen["secret field"] = window.sign_in_page.secret.text()
        seen["cursor"] = QApplication.overrideCursor()
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db)]) == 0
    assert seen["ready before"] is False
    assert seen["names"] == [ACTOR.name]
    assert seen["status bar"] == f"Basis data: {ready_db}"
    assert seen["ready after"] is True
    signed = seen["signed in"]
    assert signed is not None and signed.user_id == ACTOR.user_id  # type: ignore[attr-defined]
    assert seen["content"] is True
    assert seen["packages"] == ["documents", "exchange", "results", "secretariat", "signatures", "trust"]
    assert seen["secret field"] == "" and seen["cursor"] is None  # the PIN is gone, the busy cursor too


def test_a_wrong_pin_typed_at_once_is_refused_with_the_usual_message(
    qtbot, ready_db: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    seen: dict[str, object] = {}

    def run(_app: QApplication) -> int:
        window = shown_window()
        type_pin_and_enter(qtbot, window, "000000")
        seen["message"] = window.sign_in_page.message.text()
        seen["signed in"] = window.access.person
        seen["page"] = window.gate_stack.currentWidget() is window.sign_in_page
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db)]) == 0
    assert "Sisa percobaan: 4" in str(seen["message"]) and "Traceback" not in str(seen["message"])
    assert seen["signed in"] is None and seen["page"] is True
    with sqlite3.connect(ready_db) as con:  # the failed attempt was counted in the store
        assert con.execute("SELECT failed_attempts FROM users WHERE name = ?", (ACTOR.name,)).fetchone() == (1,)
    con.close()


def test_the_database_opens_by_itself_after_the_first_paint(
    qtbot, ready_db: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    seen: dict[str, object] = {}

    def run(_app: QApplication) -> int:
        window = shown_window()
        with qtbot.waitSignal(window.database_ready, timeout=30_000):
            pass  # the event loop runs: paint, background imports, the database opened
        seen["loader started"] = window._loader is not None and window._loader.started
        seen["tools"] = [a.objectName() for a in window.tools_menu.actions() if a.objectName()]
        seen["device"] = window.device_label.text()
        seen["summary"] = window.summary
        seen["secretariat actions off"] = not any(a.isEnabled() for a in window.secretariat_only_actions)
        type_pin_and_enter(qtbot, window)
        seen["signed in"] = window.access.secretariat
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db)]) == 0
    assert seen["loader started"] is True
    assert {"action_trust_verify", "action_trust_backup", "action_trust_restore"} <= set(seen["tools"])  # type: ignore[arg-type]
    assert str(seen["device"]).startswith("Perangkat: ")
    assert seen["summary"] is not None
    assert seen["secretariat actions off"] is True  # nobody signed in yet
    assert seen["signed in"] is not None


def test_quit_after_ready_closes_once_the_database_is_open(
    ready_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows: list[MainWindow] = []

    def run(qt_app: QApplication) -> int:
        windows.append(shown_window())
        return qt_app.exec()  # the real event loop, closed by --quit-after-ready

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db), "--quit-after-ready", "0"]) == 0
    [window] = windows
    assert window.is_ready() and not window.isVisible()


def test_a_database_spoilt_before_it_is_opened_is_reported_and_exits_1(
    qtbot, ready_db: Path, monkeypatch: pytest.MonkeyPatch, recording_dialogs  # type: ignore[no-untyped-def]
) -> None:
    """The quick read said "fine", then the file changed under the app (here: another version
    of the app stamped it newer): the start-up error box, exit status 1, never a traceback."""

    def run(_app: QApplication) -> int:
        window = shown_window()
        with sqlite3.connect(ready_db) as con:
            con.execute("UPDATE alembic_version SET version_num = 'ffff'")
        con.close()
        type_pin_and_enter(qtbot, window)
        assert window.access.person is None
        assert not window.isVisible()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db)]) == 1
    [message] = recording_dialogs.messages
    assert message["kind"] == MessageKind.ERROR
    assert message["title"] == "oaoi-desktop tidak dapat dimulai"
    assert "ffff" in str(message["text"]) and str(ready_db) in str(message["text"])
    assert "Traceback" not in str(message["text"])


def _older(path: Path) -> None:
    with Database.open(str(path)) as db:
        migrate.downgrade(db, "0004")


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.close()


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"this is not a database, just some notes" * 100)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("spoil, status", [(_older, 0), (_newer, 1), (_not_a_database, 1), (_empty, 0)],
                         ids=["older", "newer", "not-a-database", "empty"])
def test_any_other_database_is_opened_before_the_window(
    ready_db: Path, monkeypatch: pytest.MonkeyPatch, recording_dialogs, spoil, status: int  # type: ignore[no-untyped-def]
) -> None:
    """Older (migrated first), newer or broken (refused with its message), empty (the first run):
    never a sign-in page for a file the app would refuse."""
    spoil(ready_db)
    shown: list[bool] = []

    def run(_app: QApplication) -> int:
        window = shown_window()
        shown.append(window.is_ready())
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db)]) == status
    if status == 0:
        assert shown == [True]  # the database was open before the window was shown
        assert recording_dialogs.messages == []
    else:
        assert shown == []  # no window at all: the error box alone
        [message] = recording_dialogs.messages
        assert str(ready_db) in str(message["text"]) and "Traceback" not in str(message["text"])


def test_the_judge_button_pressed_at_once_opens_the_judge_sign_in(
    qtbot, ready_db: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """A judge who clicks "Masuk sebagai penilai…" before the database is open gets the dialog
    (with the events of the open database) as soon as it is open: the click is not lost."""
    from oaoi_desktop.ui.judge.sign_in import SignInDialog
    from support.builders import add_judges, make_event

    with Database.open(str(ready_db)) as db:
        event = make_event(db)
        add_judges(db, event, ["Dr. Ani"])
    seen: dict[str, object] = {}

    def run(_app: QApplication) -> int:
        window = shown_window()
        seen["ready before"] = window.is_ready()
        qtbot.mouseClick(window.sign_in_page.judge_button, Qt.MouseButton.LeftButton)
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        seen["dialogs"] = len(dialogs)
        seen["ready after"] = window.is_ready()
        for dialog in dialogs:
            dialog.close()
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(ready_db)]) == 0
    assert seen == {"ready before": False, "dialogs": 1, "ready after": True}
