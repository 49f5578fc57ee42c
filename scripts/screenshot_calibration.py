"""Screenshot of the console's Kalibrasi tab (docs/secretariat.md, issue 17).

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/screenshot_calibration.py [id|en] [OUT-DIR]

OUT-DIR defaults to docs/screenshots.

The demo event with a trainee judge added; two proposals without a submitted sheet are flagged and the round
started through the calibration service; every judge scores both (one judge
markedly higher than the panel), then the tab is grabbed at 1280×720 with a
criterion selected so its level descriptors show.
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

from oaoi_desktop.services import accounts, calibration, demo, events, sheets  # noqa: E402
from oaoi_desktop.services.audit import Actor  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.store.models import Assignment, Dossier, Role, ScoreSheet, SheetStatus, User  # noqa: E402
from oaoi_desktop.ui import language  # noqa: E402

OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
OUT.mkdir(parents=True, exist_ok=True)
lang = sys.argv[1] if len(sys.argv) > 1 else "id"
app = QApplication([])
language.install_language(lang)
db = Database.open("sqlite:///" + str(Path(os.environ["OAOI_HOME"]) / "demo.sqlite"))
info = demo.build_demo(db, allow_any_database=True, today=dt.date(2026, 12, 1))
rnd = random.Random(3)
with db.write() as s:
    secretariat = s.scalar(select(User).where(User.name == info.secretariat[0]))
    actor = Actor(secretariat.name, secretariat.id)
    event = events.get_event(s, str(info.event_id))
    accounts.add_judge(s, event, name="Rina Magang", instansi="Universitas Sumatera Utara",
                       role=Role.SHADOW, actor=actor)
    scored = set(s.scalars(select(ScoreSheet.dossier_id).where(
        ScoreSheet.status.in_((SheetStatus.SUBMITTED, SheetStatus.LOCKED)))))
    numbers = sorted(d.number for d in s.scalars(select(Dossier).where(Dossier.event_id == event.id))
                     if d.id not in scored)[:2]
    calibration.start_round(s, event, actor=actor, dossiers=numbers)
    stage = events.event_rubric(s, event).first_stage
    judges = {j.id: j for j in accounts.judges(s, event)}
    calib_ids = {d.id for d in s.scalars(select(Dossier).where(Dossier.event_id == event.id,
                                                                 Dossier.calibration.is_(True)))}
    for a in s.scalars(select(Assignment).where(Assignment.event_id == event.id)).all():
        if a.dossier_id not in calib_ids:
            continue
        judge = judges[a.judge_id]
        bias = 2.5 if judge.name == "Rina Magang" else 0.0
        values = {c.id: int(min(10, max(1, round(6.5 + bias + rnd.gauss(0, 0.7))))) for c in stage.criteria}
        comments = {c.id: "Bukti pendukung belum lengkap." for c in stage.criteria if c.comment_required(values[c.id])}
        sheets.save_sheet_unchecked(s, event, judge, s.get(Dossier, a.dossier_id), values=values, comments=comments,
                           submit=True, actor=Actor(judge.name, judge.id))

from oaoi_desktop.ui.secretariat.console import SecretariatConsole  # noqa: E402

suffix = "" if lang == "id" else "-en"
console = SecretariatConsole(db, info.event_id, actor=actor)
console.resize(1280, 720)
console.show()
console.tabs.setCurrentWidget(console.calibration)
tab = console.calibration
tab.refresh()
if tab.table.rowCount():
    tab.table.selectRow(0)
for _ in range(5):
    app.processEvents()
path = OUT / f"console-calibration{suffix}.png"
console.grab().save(str(path))
print(path, "rows:", tab.table.rowCount(), "shadow rows:", tab.shadow_table.rowCount())
