"""Screenshots of the results views on a realistic event (the demo, fully scored).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_results.py [id|en] [OUT-DIR]

OUT-DIR defaults to docs/screenshots.
"""
import os, sys, random, tempfile, datetime as dt
from pathlib import Path
os.environ["OAOI_HOME"] = tempfile.mkdtemp()
from PySide6.QtWidgets import QApplication, QTabWidget
from PySide6.QtCore import QTimer
from oaoi_desktop.services import demo, events, accounts, dossiers, sheets, plenary
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Assignment, ScoreSheet, SheetStatus
from oaoi_desktop.ui import language
from sqlalchemy import select

OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
OUT.mkdir(parents=True, exist_ok=True)
lang = sys.argv[1] if len(sys.argv) > 1 else "id"
app = QApplication([])
language.install_language(lang)
path = Path(os.environ["OAOI_HOME"]) / "demo.sqlite"
db = Database.open("sqlite:///" + str(path))
info = demo.build_demo(db, allow_any_database=True, today=dt.date(2026, 12, 1))
with db.read() as s:  # the demo's secretariat account reads the results (issue 12)
    from oaoi_desktop.store.models import Role, User
    _sec = s.scalar(select(User).where(User.role == Role.SECRETARIAT, User.name == info.secretariat[0]))
    SECRETARIAT = Actor(_sec.name, _sec.id)
rnd = random.Random(7)
with db.write() as s:
    event = events.get_event(s, str(info.event_id))
    rubric = events.event_rubric(s, event)
    stage = rubric.first_stage
    judges = {j.id: j for j in accounts.judges(s, event)}
    bias = {}
    for j in judges.values():
        bias[j.id] = -2.2 if "Agus" in j.name else (1.0 if "Bambang" in j.name else rnd.uniform(-0.5, 0.5))
    quality = {}
    for a in s.scalars(select(Assignment).where(Assignment.event_id == event.id)).all():
        sh = s.scalar(select(ScoreSheet).where(ScoreSheet.dossier_id == a.dossier_id, ScoreSheet.judge_id == a.judge_id))
        if sh is not None and sh.status in (SheetStatus.SUBMITTED, SheetStatus.LOCKED):
            continue
        d = s.get(dossiers.Dossier, a.dossier_id) if hasattr(dossiers, "Dossier") else None
        from oaoi_desktop.store.models import Dossier
        d = s.get(Dossier, a.dossier_id)
        q = quality.setdefault(d.id, rnd.uniform(6.5, 9.6))
        values = {c.id: int(min(10, max(1, round(q + bias[a.judge_id] + rnd.gauss(0, 0.7))))) for c in stage.criteria}
        comments = {c.id: "Bukti pendukung belum lengkap." for c in stage.criteria if c.comment_required(values[c.id])}
        judge = judges[a.judge_id]
        sheets.save_sheet_unchecked(s, event, judge, d, values=values, comments=comments, submit=True,
                          actor=Actor(judge.name, judge.id))
from oaoi_desktop.ui.results import console_tabs
from oaoi_desktop.ui.results.ranking_view import Col
with db.read() as s:
    event = events.get_event(s, str(info.event_id))
    from oaoi_desktop.services.ranking import rank_event
    r = rank_event(s, event, actor=SECRETARIAT)
    rows = [x for x in r if x.rank is not None]
    target = rows[-1]
    from oaoi_desktop.store.models import Dossier
    import uuid
    num_ = s.get(Dossier, uuid.UUID(target.dossier_id)).number
with db.write() as s:
    event = events.get_event(s, str(info.event_id))
    d = dossiers.get_dossier(s, event, num_)
    grp = [x for x in r.groups[target.group] if x.rank is not None]
    if len(grp) > 1:
        plenary.move_dossier(s, event, d, 1 if len(grp) < 3 else 2, reason="Verifikasi lapangan: dampak layanan terbukti lebih luas",
                             actor=SECRETARIAT)  # plenary decisions are the secretariat's (policy)

tabs_widget = QTabWidget()
tabs = console_tabs(db, info.event_id, tabs_widget, actor=SECRETARIAT)
for w in tabs:
    tabs_widget.addTab(w, w.windowTitle())
tabs_widget.resize(1380, 820)
tabs_widget.show()
ranking, agreement_v, audit_v = tabs
suffix = "" if lang == "id" else "-en"

def shoot(name, widget=None):
    app.processEvents()
    (widget or tabs_widget).grab().save(str(OUT / f"results-{name}{suffix}.png"))

def run():
    ranking.group_box.setCurrentIndex(0)
    # select the moved dossier
    for row in range(ranking.proxy.rowCount()):
        if ranking.proxy.index(row, Col.DECISIONS).data():
            ranking.view.selectRow(row); break
    ranking.splitter.setSizes([950, 430])
    shoot("ranking")
    ranking.compare_check.setChecked(True)
    best = (-1, None, None)
    for a in ("mean", "median", "trimmed_mean", "zscore_mean"):
        for b in ("mean", "median", "trimmed_mean", "zscore_mean"):
            if a == b:
                continue
            ranking.set_method(a)
            ranking.compare_box.setCurrentIndex(ranking.compare_box.findData(b))
            app.processEvents()
            n = ranking.model.marked_count()
            if n > best[0]:
                best = (n, a, b)
    print("best", best)
    ranking.set_method(best[1])
    ranking.compare_box.setCurrentIndex(ranking.compare_box.findData(best[2]))
    app.processEvents()
    for row in range(ranking.proxy.rowCount()):
        if ranking.proxy.index(row, Col.MARK).data():
            ranking.view.selectRow(max(0, row - 1)); break
    shoot("ranking-compare")
    tabs_widget.setCurrentIndex(1)
    agreement_v.tabs.setCurrentIndex(0); shoot("agreement")
    agreement_v.tabs.setCurrentIndex(1); shoot("agreement-judges")
    agreement_v.tabs.setCurrentIndex(2)
    agreement_v.dossiers_view.selectRow(0)
    shoot("agreement-spread")
    agreement_v.tabs.setCurrentIndex(3); shoot("agreement-help")
    tabs_widget.setCurrentIndex(2)
    audit_v.view.selectRow(0)
    shoot("audit")
    from oaoi_desktop.ui.results.finalise_dialog import FinaliseDialog
    from oaoi_desktop.store.models import IssuedDocument
    with db.write() as s:
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=info.event_id, kind="minutes", number="BA-001/KIPP/XII/2026",
                             sequence=1, fingerprint="ab" * 32, details={}, created_by="demo"))
    dlg = FinaliseDialog(db, SECRETARIAT, event_id=str(info.event_id))
    dlg.set_signed_pdf("/media/usb/hasil/berita-acara-ditandatangani.pdf")
    dlg.show(); dlg.adjustSize(); dlg.resize(620, dlg.sizeHint().height()); app.processEvents()
    shoot("finalise", dlg)
    dlg.close()
    with db.write() as s:
        from oaoi_desktop.services import finalisation
        finalisation.finalise_event(s, info.event_id, SECRETARIAT, paper_signed=True)
    dlg = FinaliseDialog(db, SECRETARIAT, reopen=True, event_id=str(info.event_id))
    dlg.reason.setPlainText("Koreksi nilai KIPP-2026-012 setelah klarifikasi dengan penilai")
    dlg.resize(620, 260); dlg.show(); app.processEvents()
    shoot("reopen", dlg)
    dlg.close()
    app.quit()

QTimer.singleShot(300, run)
app.exec()
print("ok")
