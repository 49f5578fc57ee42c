"""The demo: ``oaoi-desktop --demo`` and Bantuan ▸ Buka demo open a separate database with known PINs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from oaoi_desktop import app, config
from oaoi_desktop.services.demo import EVENT_NAME, JUDGES, SECRETARIAT, demo_db_url
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Dossier, Role, User
from oaoi_desktop.ui.demo import DemoPanel
from oaoi_desktop.ui.main_window import MainWindow

ALL_PINS = {SECRETARIAT.name: SECRETARIAT.pin} | {j.name: j.pin for j in JUDGES}


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Replace the main loop: record what the visible window shows, close it, exit 0."""
    seen: list[dict[str, object]] = []

    def run(_app: QApplication) -> int:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        panel = window.findChild(DemoPanel)
        seen.append({
            "url": window.database.url,
            "summary": window.summary,
            "panel": panel is not None and panel.isVisible(),
            "pins": panel.shown_pins() if panel else {},
            "heading": panel.heading.text() if panel else "",
            "text": panel.explanation.text() if panel else "",
        })
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    return seen


def test_dash_dash_demo_opens_the_demo_database(shown: list[dict[str, object]], oaoi_home: Path) -> None:
    real = config.normalise_db_url(str(config.default_db_path()))
    assert app.main(["--demo"]) == 0
    [seen] = shown
    assert seen["url"] == demo_db_url() != real
    assert not config.default_db_path().exists()  # the user's database was never created nor touched
    assert seen["panel"] is True
    assert seen["pins"] == ALL_PINS
    assert seen["heading"] == EVENT_NAME
    assert str(seen["text"]).startswith("Mode demo: ") and "basis data demo terpisah" in str(seen["text"])
    [event] = seen["summary"].events  # type: ignore[union-attr]
    # nobody has signed in yet: the window shows the public summary, without counts (issue 12)
    assert event.name == EVENT_NAME and (event.dossiers, event.judges) == (0, 0)
    with Database.open(str(seen["url"])) as db, db.read() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 12
        assert s.scalar(select(func.count()).select_from(User).where(User.role.in_([Role.CHAIR, Role.MEMBER]))) == 5


def test_demo_and_db_do_not_mix(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--demo", "--db", "elsewhere.sqlite"]) == 2
    assert "--demo" in capsys.readouterr().err


def test_the_help_menu_opens_the_demo_in_its_own_window(qtbot, main_window: MainWindow, db: Database) -> None:  # type: ignore[no-untyped-def]
    assert main_window.demo_action in main_window.help_menu.actions()
    assert main_window.demo_action.text().replace("&", "") == "Buka demo"
    main_window.demo_action.trigger()
    assert main_window.statusBar().currentMessage() == "Menyiapkan demo\u2026"  # built off the GUI thread
    qtbot.waitUntil(lambda: bool(main_window.demo_windows), timeout=20_000)
    [demo] = main_window.demo_windows
    assert demo.database.url == demo_db_url() and main_window.database is db
    panel = demo.findChild(DemoPanel)
    assert panel is not None and panel.isVisible() and panel.shown_pins() == ALL_PINS
    assert demo.summary is not None and demo.summary.events[0].name == EVENT_NAME
    assert main_window.summary is not None and not main_window.summary.events  # the user's own data
    demo.close()  # deletes itself, and closes the demo database
    qtbot.waitUntil(lambda: main_window.demo_windows == [])
