#!/usr/bin/env python3
"""Screenshots of the import dialog, the dossier reader and the demo, for docs/screenshots/.

Runs the real app under Xvfb (a real X window on the xcb platform) and grabs
the windows from the X server:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshot_dossiers.py [OUT]

OUT defaults to docs/screenshots.  Everything happens in a temporary data
folder (OAOI_HOME): a fresh database with one event, into which the sample
dossiers of resources/samples are imported through the import dialog; the
demo database is built there too.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
WORK = Path(tempfile.mkdtemp(prefix="oaoi-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
os.environ.pop("OAOI_DB", None)
os.environ["QT_QPA_PLATFORM"] = "xcb"
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from oaoi_desktop import app as gui  # noqa: E402
from oaoi_desktop.rubrics import load_rubric, resolve_rubric  # noqa: E402
from oaoi_desktop.services import accounts, events  # noqa: E402
from oaoi_desktop.services.audit import Actor  # noqa: E402
from oaoi_desktop.services.demo import open_demo, samples_dir  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.ui import drives, language  # noqa: E402
from oaoi_desktop.ui.demo import show_demo_window  # noqa: E402
from oaoi_desktop.ui.main_window import MainWindow  # noqa: E402
from oaoi_desktop.ui.settings import Settings  # noqa: E402

SECRETARIAT, PIN = "Rina Hasibuan", "482915"
"""The secretariat account the screenshots sign in as (the import and the browser need one, issue 12)."""


def settle(seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def shoot(widget: QWidget, name: str) -> Path:
    widget.raise_()
    widget.activateWindow()
    settle(1.2)
    screen = widget.screen()
    frame = widget.frameGeometry()
    pixmap = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    pixmap.save(str(path))
    print(path)
    return path


def main() -> int:
    qapp = gui.application()
    assert isinstance(qapp, QApplication)
    language.install_language(os.environ.get("OAOI_SHOT_LANG", "id"))
    settings = Settings.open(WORK / "home" / "settings.ini")
    db = Database.open()
    with db.write() as s:  # the first secretariat account (first run), then the event as that account
        user = accounts.add_secretariat(s, name=SECRETARIAT, secret=PIN, actor=Actor("setup:screenshots"))
        events.create_event(s, name="KIPP Kota Medan 2026 \u2014 Penilaian Proposal",
                            rubric=load_rubric(resolve_rubric("kipp-proposal")),
                            rubric_source="kipp-proposal.toml", actor=Actor(user.name, user.id),
                            organiser="Pemerintah Kota Medan")

    window = MainWindow(db, settings)
    window.resize(QSize(1280, 800))
    window.move(0, 0)
    window.show()
    settle()
    page = window.sign_in_page
    page.select(SECRETARIAT)
    QTest.keyClicks(page.secret, PIN)
    QTest.keyClick(page.secret, Qt.Key.Key_Return)
    settle()

    # 1. the import dialog after importing the samples (and one broken package) from a "USB stick":
    #    a folder shown as a removable drive, as QStorageInfo and the heuristics would show /media/...
    stick = WORK / "media" / "KIPP2026"
    shutil.copytree(samples_dir(), stick / "usulan")
    system = [v for v in drives.mounted_volumes() if v.is_system]
    drives.install_source(lambda: [*system, drives.Volume(stick, "KIPP2026", "/dev/sdb1", "vfat",
                                                          16 * 2**30, 15 * 2**30, True)])
    broken = stick / "usulan" / "usulan-rusak"
    broken.mkdir(parents=True)
    (broken / "dossier.json").write_text(
        '{"format_version": 1, "id": "KIPP-2026-099", "title": "Inovasi tanpa klaster yang benar", '
        '"klaster": "kecamatan", "kelompok": "umum", "sections": []}', encoding="utf-8")
    dialog = window.start_import([stick / "usulan"])
    dialog.resize(QSize(1180, 740))
    dialog.move(50, 30)
    settle()
    dialog.start_import()
    while dialog.is_running():
        settle(0.1)
    settle()
    shoot(dialog, "import-dialog-report-id")
    dialog.close()
    settle()

    # 2. the dossier browser and reader with a PDF page (a proposal whose summary is over its word limit)
    browser = window.show_dossiers()
    row = next(i for i in range(browser.model.rowCount()) if browser.model.row_at(i).number == "KIPP-2026-012")
    browser.select_dossier(browser.model.row_at(row).id)
    reader = browser.reader
    pdf = next(a for a in reader.view.attachments if a.kind == "laporan_evaluasi")
    reader.open_attachment(pdf.id)
    settle(1.5)
    shoot(window, "reader-pdf-id")

    # 3. the demo window with its PINs
    demo_db, info = open_demo()
    demo = show_demo_window(demo_db, info, settings, window_class=MainWindow)
    demo.resize(QSize(1280, 800))
    demo.move(0, 0)
    settle()
    shoot(demo, "demo-id")
    demo.close()
    window.close()
    settle()
    db.close()
    return 0


if __name__ == "__main__":
    try:
        status = main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    sys.exit(status)
