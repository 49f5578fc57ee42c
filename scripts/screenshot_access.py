#!/usr/bin/env python3
"""Screenshots of signing in for docs/screenshots/access-*.png, from the real app under Xvfb.

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/screenshot_access.py [OUT_DIR]

Runs the real entry point (:func:`oaoi_desktop.app.main`) with its event loop
replaced by a script that drives the window as a person does, in Indonesian,
at 1280x720 (a projector laptop):

* ``access-first-run``: a new database — the first-run dialog over the sign-in page;
* ``access-sign-in``: the sign-in page with two secretariat accounts;
* ``access-idle-lock``: the lock screen after the idle time (shortened through the setting).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
WORK = Path(tempfile.mkdtemp(prefix="oaoi-access-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
os.environ.pop("OAOI_DB", None)
if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
    os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import Qt  # noqa: E402
from sqlalchemy import select  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPen  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app_driver import drive  # noqa: E402  (shared by the screenshot scripts)
from oaoi_desktop.services import accounts, demo  # noqa: E402
from oaoi_desktop.services.audit import Actor  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.store.models import Role, User  # noqa: E402
from oaoi_desktop.ui import settings as registry  # noqa: E402
from oaoi_desktop.ui.judge.first_run import SecretariatSetupDialog  # noqa: E402
from oaoi_desktop.ui.main_window import MainWindow  # noqa: E402
from oaoi_desktop.ui.settings import Settings  # noqa: E402

SIZE = (1280, 720)


def wait(ms: int = 300) -> None:
    QTest.qWait(ms)


def grab(name: str, dialog: QWidget | None = None) -> Path:
    """The whole 1280x720 screen (no window manager: the window fills it).

    Xvfb runs without a window manager, so a dialog has no frame of its own: a thin
    border is drawn around ``dialog`` where the window manager would draw its frame.
    """
    wait(500)
    screen = QApplication.primaryScreen()
    pixmap = screen.grabWindow(0, 0, 0, *SIZE)
    if dialog is not None:
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor("#5f6368"), 2))
        painter.drawRect(dialog.frameGeometry().adjusted(-1, -1, 0, 0))
        painter.end()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    pixmap.save(str(path))
    print(path)
    return path


def main_window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    window.move(0, 0)
    window.resize(*SIZE)
    window.raise_()
    window.activateWindow()
    wait()
    return window




def first_run(qapp: QApplication) -> int:
    window = main_window()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SecretariatSetupDialog) and w.isVisible())
    dialog.adjustSize()
    dialog.move(window.geometry().center() - dialog.rect().center())
    dialog.raise_()
    dialog.activateWindow()
    wait(500)
    QTest.keyClicks(dialog.name, "Rina Hasibuan")
    QTest.keyClicks(dialog.instansi, "Bagian Organisasi Setda Kota Medan")
    QTest.keyClicks(dialog.secret, "482915")
    QTest.keyClicks(dialog.repeat, "482915")
    grab("access-first-run", dialog)
    dialog.reject()
    window.close()
    return 0


def sign_in_page(qapp: QApplication) -> int:
    window = main_window()
    page = window.sign_in_page
    page.select("Rina Hasibuan")
    QTest.keyClicks(page.secret, "000000")
    QTest.keyClick(page.secret, Qt.Key.Key_Return)  # a wrong PIN: the tries left
    QTest.keyClicks(page.secret, "4829")
    grab("access-sign-in")
    window.close()
    return 0


def idle_lock(qapp: QApplication) -> int:
    window = main_window()
    page = window.sign_in_page
    page.select("Rina Hasibuan")
    QTest.keyClicks(page.secret, "482915")
    QTest.keyClick(page.secret, Qt.Key.Key_Return)
    for _ in range(50):  # the idle time (shortened through the setting) runs out
        if window.access.locked:
            break
        wait(100)
    QTest.keyClicks(window.lock_screen.secret, "48")
    grab("access-idle-lock")
    settings = Settings.open()
    settings.reset(registry.IDLE_LOCK_MINUTES)
    settings.sync()
    window.close()
    return 0


def main() -> int:
    drive(WORK / "first.sqlite", first_run)

    path = WORK / "demo.sqlite"
    with Database.open("sqlite:///" + str(path)) as db:
        demo.build_demo(db, allow_any_database=True)
        with db.write() as s:  # the demo's secretariat account adds the two (issue 12: a real account acts)
            sec = s.scalar(select(User).where(User.role == Role.SECRETARIAT, User.name == demo.SECRETARIAT.name))
            first = accounts.add_secretariat(s, name="Rina Hasibuan", secret="482915", actor=Actor(sec.name, sec.id))
            accounts.add_secretariat(s, name="Yusuf Lubis", secret="739104", actor=Actor(first.name, first.id))
    drive(path, sign_in_page)

    settings = Settings.open()
    settings.set_value(registry.IDLE_LOCK_MINUTES, 0.02)
    settings.sync()
    drive(path, idle_lock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
