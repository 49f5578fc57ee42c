#!/usr/bin/env python3
"""Screenshots of the judge screens for docs/screenshots/judge-*.png, from the real app under Xvfb.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_judge.py [OUT_DIR]

Builds the demo event (the sample dossiers, five judges with known PINs) in a
temporary database through the services, then runs the real entry point
(:func:`oaoi_desktop.app.main`) with its event loop replaced by a script that
drives the windows as a person does — the File menu, the sign-in dialog, the
integrity statement, keys typed into the score form — and grabs the X
server's pixels of the screen region holding the windows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
WORK = Path(tempfile.mkdtemp(prefix="oaoi-judge-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
os.environ.pop("OAOI_DB", None)
if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
    os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app_driver import drive  # noqa: E402  (shared by the screenshot scripts)
from oaoi_desktop.services import demo, events  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.ui.judge.integrity import IntegrityDialog  # noqa: E402
from oaoi_desktop.ui.judge.first_run import SecretariatSetupDialog  # noqa: E402
from oaoi_desktop.ui.judge.sign_in import SignInDialog  # noqa: E402
from oaoi_desktop.ui.judge.workspace import JudgeWorkspace  # noqa: E402
from oaoi_desktop.ui.main_window import MainWindow  # noqa: E402

SIZE = (1440, 900)
JUDGE, PIN = demo.JUDGES[1].name, demo.JUDGES[1].pin  # a member with three sheets submitted


def wait(ms: int = 300) -> None:
    QTest.qWait(ms)


def grab(name: str, *widgets: QWidget) -> Path:
    """The screen's pixels under ``widgets`` (a dialog with the window behind it)."""
    wait(400)
    area = QRect()
    for w in widgets:
        area = area.united(w.frameGeometry())
    screen = QApplication.primaryScreen()
    pixmap = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    pixmap.save(str(path))
    print(path)
    return path


def main_window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


def place(window: MainWindow) -> None:
    window.resize(*SIZE)
    window.move(40, 30)
    wait()


def sign_in(window: MainWindow, name: str, pin: str, *, wrong_first: bool = False,
            shot: str | None = None) -> JudgeWorkspace:
    window.judge_hook.action.trigger()
    dialog = next(w for w in window.findChildren(SignInDialog) if w.isVisible())
    dialog.select(name=name)
    if wrong_first:
        QTest.keyClicks(dialog.secret, "0000")
        QTest.keyClick(dialog.secret, Qt.Key.Key_Return)
        wait()
    QTest.keyClicks(dialog.secret, pin)
    if shot:
        grab(shot, dialog)
    QTest.keyClick(dialog.secret, Qt.Key.Key_Return)
    wait()
    page = window.stack.currentWidget()
    assert isinstance(page, JudgeWorkspace), page
    return page


def activate(window: QWidget) -> None:
    """Xvfb has no window manager: give the window the keyboard as a person's click would."""
    window.raise_()
    window.activateWindow()
    wait(200)


def keys(*sequence: object) -> None:
    for item in sequence:
        widget = QApplication.focusWidget()
        if isinstance(item, str):
            QTest.keyClicks(widget, item)
        else:
            QTest.keyClick(widget, item)  # type: ignore[arg-type]
        wait(60)


def run_first_run(path: Path) -> None:
    """The first-run dialog over the empty main window."""

    def script(qapp: QApplication) -> int:
        window = main_window()
        place(window)
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SecretariatSetupDialog) and w.isVisible())
        QTest.keyClicks(dialog.name, "Sekretariat KIPP Kota Medan")
        QTest.keyClicks(dialog.instansi, "Bagian Organisasi Setda Kota Medan")
        QTest.keyClicks(dialog.secret, "246810")
        QTest.keyClicks(dialog.repeat, "246810")
        grab("judge-first-run-secretariat", dialog)
        dialog.create_button.click()
        grab("judge-first-run-recovery-code", dialog)
        dialog.noted.click()
        dialog.done_button.click()
        window.close()
        return 0

    drive(path, script)


def run_judge(path: Path, *, blind: bool, lang: str = "id") -> None:
    def script(qapp: QApplication) -> int:
        window = main_window()
        place(window)
        suffix = "" if lang == "id" else f"-{lang}"
        if blind:
            ws = sign_in(window, demo.JUDGES[3].name, demo.JUDGES[3].pin)
            if ws.integrity_dialog is not None:
                ws.integrity_dialog.confirm.click()
                ws.integrity_dialog.agree_button.click()
                wait()
                activate(window)
            ws.open_dossier(ws.model.item_at(1).dossier_id)
            wait()
            ws.form.focus_criterion()
            keys(Qt.Key.Key_8, Qt.Key.Key_Tab, Qt.Key.Key_7)
            grab(f"judge-blind-mode{suffix}", window)
        else:
            ws = sign_in(window, JUDGE, PIN, wrong_first=True, shot=f"judge-sign-in{suffix}")
            dialog = ws.integrity_dialog
            assert isinstance(dialog, IntegrityDialog)
            dialog.confirm.click()
            if not suffix:
                grab("judge-integrity", dialog)
            dialog.agree_button.click()
            wait()
            activate(window)
            target = next(i for i in range(ws.model.rowCount())
                          if ws.model.item_at(i).number.endswith("005"))
            ws.open_dossier(ws.model.item_at(target).dossier_id)
            wait()
            ws.form.focus_criterion()
            keys(Qt.Key.Key_8, Qt.Key.Key_Tab, Qt.Key.Key_0, Qt.Key.Key_Tab, Qt.Key.Key_7, Qt.Key.Key_Tab,
                 Qt.Key.Key_9, Qt.Key.Key_Tab, Qt.Key.Key_4, Qt.Key.Key_Return,
                 "Replikasi baru direncanakan; belum ada daerah lain yang menerapkan.")
            pdf = next((a for a in ws.current.reader.attachments if a.is_pdf), None) if ws.current else None
            if pdf is not None:
                ws.reader.open_attachment(pdf.id)
            ws.form.focus_criterion("adaptabilitas", comment=True)
            grab(f"judge-workspace{suffix}", window)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            wait()
            boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
            if boxes and not suffix:
                grab("judge-submit-check", window, *boxes)
                for box in boxes:
                    box.close()
        window.close()
        return 0

    drive(path, script, lang=lang)




def main() -> int:
    first = WORK / "first.sqlite"
    run_first_run(first)

    demo_db = WORK / "demo.sqlite"
    with Database.open("sqlite:///" + str(demo_db)) as db:
        demo.build_demo(db, allow_any_database=True)
    run_judge(demo_db, blind=False)

    english_db = WORK / "demo-en.sqlite"
    with Database.open("sqlite:///" + str(english_db)) as db:
        demo.build_demo(db, allow_any_database=True)
    run_judge(english_db, blind=False, lang="en")

    blind_db = WORK / "blind.sqlite"
    with Database.open("sqlite:///" + str(blind_db)) as db:
        info = demo.build_demo(db, allow_any_database=True)
        with db.write() as s:  # the secretariat's event setting
            events.get_event(s, str(info.event_id)).blind_mode = True
    run_judge(blind_db, blind=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
