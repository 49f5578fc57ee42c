#!/usr/bin/env python3
"""Screenshots of the routine steps for docs/screenshots/routine-*.png, from the real app under Xvfb.

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/screenshot_routine.py [OUT_DIR]

Runs the real entry point (:func:`oaoi_desktop.app.main`) with its event loop
replaced by a script that drives the window as a person does, in Indonesian,
at 1280x720 (a projector laptop):

* ``routine-start-page``: a secretariat signed in, no event yet — the buttons of the next step;
* ``routine-console-actions``: the console's "Tindakan" menu;
* ``routine-reprint-slip``: a judge's new PIN and recovery code, before the slip is saved;
* ``routine-paper-import``: two entries of paper scores that differ, side by side;
* ``routine-certificates``: the event's authority made, a judge's certificate issued.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
WORK = Path(tempfile.mkdtemp(prefix="oaoi-routine-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
os.environ.pop("OAOI_DB", None)
if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
    os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

import screenshot_access as shots  # noqa: E402  (grab, main_window, drive)
from oaoi_desktop.services import accounts, demo, events  # noqa: E402
from oaoi_desktop.services.audit import Actor  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.store.models import Assignment, Dossier, User  # noqa: E402
from oaoi_desktop.ui import dialogs  # noqa: E402

shots.OUT = OUT
PIN = "482915"
CRITERIA = ("latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas", "sumber_daya",
            "keberlanjutan")


class QuietDialogs(dialogs.Dialogs):
    """The seam, but a question is answered "Ya" at once (the shots show the result)."""

    def message(self, parent, kind, title, text, **kwargs):  # type: ignore[no-untyped-def, override]
        on_finished = kwargs.pop("on_finished", None)
        box = self.build_message(parent, kind, title, text, **kwargs)
        if on_finished is not None:
            QTimer.singleShot(0, lambda: on_finished(dialogs.SB.Yes))
        box.deleteLater()
        return box


WHO = {"name": "Rina Hasibuan", "pin": PIN}


def sign_in(window) -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    page.select(WHO["name"])
    QTest.keyClicks(page.secret, WHO["pin"])
    QTest.keyClick(page.secret, Qt.Key.Key_Return)
    shots.wait()


def place(dialog: QWidget, window: QWidget) -> None:
    dialog.move(window.geometry().center() - dialog.rect().center())
    dialog.raise_()
    dialog.activateWindow()
    shots.wait(400)


def start_page(qapp: QApplication) -> int:
    window = shots.main_window()
    sign_in(window)
    shots.grab("routine-start-page")
    window.close()
    return 0


def console_shots(paper: tuple[Path, Path]) -> Callable[[QApplication], int]:
    def run(qapp: QApplication) -> int:
        previous = dialogs.install(QuietDialogs(native_file_dialogs=False))
        window = shots.main_window()
        sign_in(window)
        console = window.extensions["secretariat"].show_console()
        shots.wait()
        routine = console.routine
        QTimer.singleShot(300, lambda: (shots.grab("routine-console-actions"), routine.menu.close()))
        routine.button.click()
        shots.wait(200)

        dialog = routine.open_reprint_slip()
        place(dialog, window)
        dialog.issue()
        shots.grab("routine-reprint-slip", dialog)
        dialog.printed = True
        dialog.close()

        dialog = routine.open_paper_import()
        dialog.resize(900, 460)
        place(dialog, window)
        dialog.set_file(1, paper[0])
        dialog.set_file(2, paper[1])
        dialog.compare()
        shots.grab("routine-paper-import", dialog)
        dialog.close()

        dialog = routine.open_certificates()
        dialog.resize(820, 640)
        place(dialog, window)
        QTest.keyClicks(dialog.ca_new_secret, "otoritas-kipp-medan-2026")
        QTest.keyClicks(dialog.ca_repeat, "otoritas-kipp-medan-2026")
        dialog.create_authority()
        QTest.keyClicks(dialog.ca_secret, "otoritas-kipp-medan-2026")
        QTest.keyClicks(dialog.judge_secret, "kopi-tubruk-pagi-hari")
        QTest.keyClicks(dialog.judge_repeat, "kopi-tubruk-pagi-hari")
        dialog.issue()
        shots.grab("routine-certificates", dialog)
        dialog.close()
        dialogs.install(previous)
        window.close()
        return 0

    return run


def paper_files(db: Database) -> tuple[Path, Path]:
    """Two typings of one judge's forms for two proposals; the second has one typo."""
    with db.read() as s:
        [event] = events.list_events(s)
        rows = s.execute(select(User.name, Dossier.number).join(Assignment, Assignment.judge_id == User.id)
                         .join(Dossier, Dossier.id == Assignment.dossier_id)
                         .where(Assignment.event_id == event.id).order_by(User.name, Dossier.number)).all()
    judge = rows[0][0]
    numbers = [n for j, n in rows if j == judge][:2]
    first, second = WORK / "entri-1.csv", WORK / "entri-2.csv"
    for path, typo in ((first, None), (second, "kebaruan")):
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["judge", "dossier", "criterion", "score", "comment"])
            for number in numbers:
                for c in CRITERIA:
                    value = "9" if (typo == c and number == numbers[0]) else "8"
                    w.writerow([judge, number, c, value, ""])
    return first, second


def main() -> int:
    empty = WORK / "empty.sqlite"
    with Database.open("sqlite:///" + str(empty)) as db, db.write() as s:
        accounts.add_secretariat(s, name="Rina Hasibuan", secret=PIN, actor=Actor("setup:screenshots"))
    shots.drive(empty, start_page)

    path = WORK / "demo.sqlite"
    with Database.open("sqlite:///" + str(path)) as db:
        info = demo.build_demo(db, allow_any_database=True)
        WHO["name"], WHO["pin"] = info.secretariat
        paper = paper_files(db)
    shots.drive(path, console_shots(paper))
    return 0


if __name__ == "__main__":
    sys.exit(main())
