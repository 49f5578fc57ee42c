#!/usr/bin/env python3
"""Screenshots of the venue's screens (issue 14), signed in, over the demo event.

    scripts/screenshot.sh                    # both sizes, through xvfb-run
    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/screenshot_screens.py 1280x720 [OUT_DIR]
    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot_screens.py \
        1920x1080-150 [OUT_DIR]

Builds the demo event (twelve sample dossiers, five judges with known PINs, some sheets
submitted) in a temporary database through the services, runs the real entry point
(:func:`oaoi_desktop.app.main`) with its event loop replaced by a script that signs in on the
sign-in page as a person does, and grabs the whole screen with the window filling it (the
size a projector laptop gives it): the events overview, each console tab, the dossier
browser, and the judge workspace with a PDF attachment open.  Files are named
``<what>-<SIZE>.png`` (``SIZE`` is the first argument).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = sys.argv[1] if len(sys.argv) > 1 else "1280x720"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "screenshots"
WORK = Path(tempfile.mkdtemp(prefix="oaoi-screen-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
os.environ.pop("OAOI_DB", None)
if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
    os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app_driver import drive  # noqa: E402  (shared by the screenshot scripts)
from oaoi_desktop.services import demo  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.ui.judge.integrity import IntegrityDialog  # noqa: E402
from oaoi_desktop.ui.judge.sign_in import SignInDialog  # noqa: E402
from oaoi_desktop.ui.judge.workspace import JudgeWorkspace  # noqa: E402
from oaoi_desktop.ui.main_window import MainWindow  # noqa: E402


def wait(ms: int = 300) -> None:
    QTest.qWait(ms)


def grab(name: str) -> Path:
    """The whole screen (the window fills it)."""
    wait(500)
    screen = QApplication.primaryScreen()
    pixmap = screen.grabWindow(0)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}-{SIZE}.png"
    pixmap.save(str(path))
    print(path, f"{pixmap.width()}x{pixmap.height()}")
    return path


def main_window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


def fill_screen(window: MainWindow) -> None:
    """What a window manager does with a maximised window (Xvfb has none)."""
    area = QApplication.primaryScreen().availableGeometry()
    window.setGeometry(area)
    window.raise_()
    window.activateWindow()
    wait()


def secretariat(qapp: QApplication) -> int:
    window = main_window()
    fill_screen(window)
    page = window.sign_in_page
    page.select(demo.SECRETARIAT.name)
    QTest.keyClicks(page.secret, demo.SECRETARIAT.pin)
    QTest.keyClick(page.secret, Qt.Key.Key_Return)
    wait()
    grab("screens-events")
    window.extensions["secretariat"].console_action.trigger()
    wait()
    console = window.stack.currentWidget()
    # each tab by what it is, whatever its position (the calibration tab came in second place)
    names = {"AssignmentMatrixView": "assignment", "ProgressDashboard": "progress",
             "CalibrationTab": "calibration", "RankingView": "ranking", "AgreementView": "agreement",
             "AuditLogView": "audit", "SensitivityView": "sensitivity"}
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        wait(600)
        grab("screens-console-" + names.get(type(console.tabs.widget(index)).__name__, f"tab{index}"))
    # the import report: the demo's sample dossiers imported again (numbers whole, titles cut at the end)
    dialog = window.start_import([demo.samples_dir()])
    dialog.move(0, 0)
    wait()
    dialog.start_import()
    while dialog.is_running():
        wait(100)
    wait(600)
    grab("screens-import")
    dialog.close()
    # the dossier browser and reader (no attachment open: the reader takes the whole width)
    browser = window.show_dossiers()
    browser.select_dossier(browser.model.row_at(0).id)
    wait(600)
    grab("screens-dossiers")
    window.close()
    return 0


def judge(qapp: QApplication) -> int:
    window = main_window()
    fill_screen(window)
    window.judge_hook.action.trigger()
    wait()
    dialog = next(w for w in window.findChildren(SignInDialog) if w.isVisible())
    person = demo.JUDGES[1]
    dialog.select(name=person.name)
    QTest.keyClicks(dialog.secret, person.pin)
    QTest.keyClick(dialog.secret, Qt.Key.Key_Return)
    wait()
    ws = window.stack.currentWidget()
    assert isinstance(ws, JudgeWorkspace), ws
    if isinstance(ws.integrity_dialog, IntegrityDialog):
        ws.integrity_dialog.confirm.click()
        ws.integrity_dialog.agree_button.click()
        wait()
    fill_screen(window)
    row = next(i for i in range(ws.model.rowCount()) if ws.model.item_at(i).number.endswith("005"))
    ws.open_dossier(ws.model.item_at(row).dossier_id)
    wait()
    grab("screens-judge")
    pdf = next((a for a in ws.current.reader.attachments if a.is_pdf), None) if ws.current else None
    if pdf is not None:
        ws.reader.open_attachment(pdf.id)
        wait(800)
        grab("screens-judge-attachment")
    window.close()
    return 0




def main() -> int:
    for name, script in (("secretariat", secretariat), ("judge", judge)):
        path = WORK / f"{name}.sqlite"
        with Database.open("sqlite:///" + str(path)) as db:
            demo.build_demo(db, allow_any_database=True)
        drive(path, script)
    return 0


if __name__ == "__main__":
    sys.exit(main())
