"""Screenshots of the pleno's projector view and the console's Sensitivity tab (docs/secretariat.md).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot_projector.py [id|en] [OUT-DIR]

OUT-DIR defaults to docs/screenshots.

The demo event, fully scored as in scripts/screenshot_results.py; the projector
is grabbed at 1280×720 and 1920×1080 (names hidden, one proposal selected),
then with the chair's comment reveal; the Sensitivity tab at 1280×720.
"""
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ["OAOI_HOME"] = tempfile.mkdtemp()
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from oaoi_desktop.services import accounts, demo, events, sheets  # noqa: E402
from oaoi_desktop.services.audit import Actor  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.store.models import Assignment, Dossier, ScoreSheet, SheetStatus, User  # noqa: E402
from oaoi_desktop.ui import language  # noqa: E402

OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
OUT.mkdir(parents=True, exist_ok=True)
lang = sys.argv[1] if len(sys.argv) > 1 else "id"
app = QApplication([])
language.install_language(lang)
db = Database.open("sqlite:///" + str(Path(os.environ["OAOI_HOME"]) / "demo.sqlite"))
info = demo.build_demo(db, allow_any_database=True, today=dt.date(2026, 12, 1))
rnd = random.Random(7)
with db.write() as s:
    event = events.get_event(s, str(info.event_id))
    stage = events.event_rubric(s, event).first_stage
    judges = {j.id: j for j in accounts.judges(s, event)}
    bias = {j.id: (-2.2 if "Agus" in j.name else 1.0 if "Bambang" in j.name else rnd.uniform(-0.5, 0.5))
            for j in judges.values()}
    quality: dict = {}
    for a in s.scalars(select(Assignment).where(Assignment.event_id == event.id)).all():
        sh = s.scalar(select(ScoreSheet).where(ScoreSheet.dossier_id == a.dossier_id,
                                               ScoreSheet.judge_id == a.judge_id))
        if sh is not None and sh.status in (SheetStatus.SUBMITTED, SheetStatus.LOCKED):
            continue
        d = s.get(Dossier, a.dossier_id)
        q = quality.setdefault(d.id, rnd.uniform(7.0, 9.6))
        values = {c.id: int(min(10, max(1, round(q + bias[a.judge_id] + rnd.gauss(0, 0.8))))) for c in stage.criteria}
        comments = {c.id: "Bukti pendukung belum lengkap." for c in stage.criteria if c.comment_required(values[c.id])}
        if values["signifikansi"] >= 9:
            comments.setdefault("signifikansi", "Dampak terukur: waktu layanan turun dari 14 menjadi 3 hari.")
        judge = judges[a.judge_id]
        sheets.save_sheet_unchecked(s, event, judge, d, values=values, comments=comments, submit=True,
                           actor=Actor(judge.name, judge.id))
    secretariat = s.scalar(select(User).where(User.name == info.secretariat[0]))
    actor = Actor(secretariat.name, secretariat.id)

from oaoi_desktop.ui.results.projector import ProjectorWindow  # noqa: E402
from oaoi_desktop.ui.secretariat.console import SecretariatConsole  # noqa: E402

suffix = "" if lang == "id" else "-en"


def shoot(widget, name):  # type: ignore[no-untyped-def]
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(OUT / f"{name}{suffix}.png"))


w = ProjectorWindow(db, info.event_id, actor=actor)
w.resize(1280, 720)
w.show()
w.load()
flagged = next((r for r in w.table.rows if r.flagged), w.table.rows[0])
w.select_dossier(flagged.dossier_id)
shoot(w, "projector-1280x720")
w.resize(1920, 1080)
shoot(w, "projector-1920x1080")
w.resize(1280, 720)
w.comments_toggle.setChecked(True)
shoot(w, "projector-comments-revealed")
w.close()

console = SecretariatConsole(db, info.event_id, actor=actor)
console.resize(1280, 720)
console.show()
view = console.projector.sensitivity
console.tabs.setCurrentWidget(view)
view.top_spin.setValue(1)
view.compute()
marked = [r.number for r in view.report.rows if r.depends_on_one_judge]
if marked:
    view.select_dossier(marked[0])
shoot(console, "console-sensitivity")
print("dependent:", marked)
