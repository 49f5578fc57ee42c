#!/usr/bin/env python3
"""Screenshots of the purge (issue 17) for docs/screenshots/purge-*.png, from the real app under Xvfb.

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/screenshot_purge.py [OUT_DIR]

The demo database, its event finalised (paper-signed Berita Acara) with a retention period of a year;
the console's "Tindakan ▸ Musnahkan data proposal…" at 1280x720, in Indonesian:

* ``purge-dialog``: what would be destroyed, the retention state, a reason and MUSNAHKAN typed;
* ``purge-dialog-done``: after the purge: the Berita Acara Pemusnahan Data's number and file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
WORK = Path(tempfile.mkdtemp(prefix="oaoi-purge-shots-"))
os.environ["OAOI_HOME"] = str(WORK / "home")
os.environ.pop("OAOI_DB", None)
if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
    os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import screenshot_access as shots  # noqa: E402  (grab, main_window, drive)
import screenshot_routine as routine_shots  # noqa: E402  (sign_in, place, QuietDialogs)
from oaoi_desktop.services import completeness, demo, events, finalisation, purge  # noqa: E402
from oaoi_desktop.services.audit import Actor  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.store.models import IssuedDocument, User  # noqa: E402
from oaoi_desktop.ui import dialogs  # noqa: E402

shots.OUT = OUT


def run(qapp: QApplication) -> int:
    previous = dialogs.install(routine_shots.QuietDialogs(native_file_dialogs=False))
    window = shots.main_window()
    routine_shots.sign_in(window)
    console = window.extensions["secretariat"].show_console()
    shots.wait()
    dialog = console.routine.open_purge()
    dialog.set_folder(WORK / "pemusnahan")
    routine_shots.place(dialog, window)
    QTest.keyClicks(dialog.reason, "Permintaan tertulis OPD pengusul setelah pengumuman hasil")
    QTest.keyClicks(dialog.confirm, "MUSNAHKAN")
    shots.wait(200)
    shots.grab("purge-dialog", dialog)
    job = dialog.run()
    shots.wait(50)
    shots.grab("purge-dialog-running", dialog)
    while job is not None and job.is_running():
        shots.wait(50)
    shots.wait(200)
    shots.grab("purge-dialog-done", dialog)
    dialog.close()
    dialogs.install(previous)
    window.close()
    return 0


def main() -> int:
    path = WORK / "demo.sqlite"
    with Database.open("sqlite:///" + str(path)) as db:
        info = demo.build_demo(db, allow_any_database=True)
        routine_shots.WHO["name"], routine_shots.WHO["pin"] = info.secretariat
        with db.read() as s:
            [event] = events.list_events(s)
            me = s.query(User).filter(User.name == info.secretariat[0], User.event_id.is_(None)).one()
            actor, event_id = Actor(me.name, me.id), str(event.id)
        with db.write() as s:
            ev = events.get_event(s, event_id)
            completeness.record_exception(s, ev, actor=actor, reason="Penilai berhalangan hadir pada hari penilaian")
        with db.write() as s:
            ev = events.get_event(s, event_id)
            s.add(IssuedDocument(id=uuid.uuid4(), event_id=ev.id, kind="minutes", number="001/BA/KKM/2026",
                                 sequence=1, fingerprint="ab" * 32, details={}, file_name="ba.pdf",
                                 created_by=actor.name))
        with db.write() as s:
            finalisation.finalise_event(s, event_id, actor, paper_signed=True)
            purge.set_retention(s, events.get_event(s, event_id), 365, actor=actor)
    shots.drive(path, run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
