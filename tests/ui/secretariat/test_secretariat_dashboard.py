"""The progress dashboard: counts after sheets saved and submitted through the services,
live updates on the timer, and its models under the model tester."""

from __future__ import annotations

import pytest

from oaoi_desktop.services import accounts, events, status
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role
from oaoi_desktop.ui.secretariat.dashboard import DossierProgressModel, JudgeProgressModel, ProgressDashboard
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, make_event, score, uniform


@pytest.fixture
def event_id(db: Database) -> str:
    eid = make_event(db)
    with db.write() as s:
        event = events.get_event(s, eid)
        for i, name in enumerate(("Ani Lestari", "Budi Santoso", "Citra Dewi")):
            accounts.add_judge(s, event, name=name, instansi="Universitas Sumatera Utara",
                               role=Role.CHAIR if i == 0 else Role.MEMBER, actor=ACTOR)
    for i in range(1, 4):
        add_dossier(db, eid, f"P-{i}", kategori="Kesehatan")
    return eid


def judge_row(dashboard: ProgressDashboard, name: str) -> list[str]:
    model = dashboard.judge_model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == name:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    raise AssertionError(name)


def dossier_row(dashboard: ProgressDashboard, number: str) -> list[str]:
    model = dashboard.dossier_model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == number:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    raise AssertionError(number)


def test_counts_follow_saved_and_submitted_sheets_and_the_timer_updates(qtbot, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    score(db, event_id, "Ani Lestari", "P-1", uniform(KIPP_CRITERIA, 8), submit=True)
    score(db, event_id, "Ani Lestari", "P-2", uniform(KIPP_CRITERIA[:2], 7), submit=False)
    score(db, event_id, "Budi Santoso", "P-1", uniform(KIPP_CRITERIA, 6), submit=True)
    dashboard = ProgressDashboard(db, poll_ms=60_000, actor=ACTOR)
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.set_event(event_id, None)
    ani = judge_row(dashboard, "Ani Lestari")
    assert ani[:5] == ["Ani Lestari", "Ketua", "2", "1", "1"]
    assert ani[5] != "\u2013"  # last activity
    assert judge_row(dashboard, "Citra Dewi") == ["Citra Dewi", "Anggota", "0", "0", "0", "\u2013"]
    assert dossier_row(dashboard, "P-1")[3] == "2 dari 2"
    assert dossier_row(dashboard, "P-2")[3] == "0 dari 1"
    assert dossier_row(dashboard, "P-3")[3] == "0 dari 0"
    assert dashboard.overall.format() == "2 dari 3 lembar terkirim (66,7%)"
    assert dashboard.poll() is False  # nothing changed: nothing is read again
    dashboard.hide()
    score(db, event_id, "Budi Santoso", "P-3", uniform(KIPP_CRITERIA, 6), submit=False)
    assert dashboard.poll() is False  # hidden: not read
    assert judge_row(dashboard, "Budi Santoso")[2] == "1"
    dashboard.show()  # shown again: read at once
    assert judge_row(dashboard, "Budi Santoso")[2:5] == ["2", "1", "1"]

    # Work done elsewhere (another laptop, a judge) shows up on the next tick of the timer.
    dashboard.timer.setInterval(30)
    score(db, event_id, "Citra Dewi", "P-2", uniform(KIPP_CRITERIA, 9), submit=True)
    score(db, event_id, "Ani Lestari", "P-2", uniform(KIPP_CRITERIA, 7), submit=True)
    qtbot.waitUntil(lambda: judge_row(dashboard, "Citra Dewi")[2:5] == ["1", "0", "1"], timeout=5000)
    assert judge_row(dashboard, "Ani Lestari")[2:5] == ["2", "0", "2"]
    assert dossier_row(dashboard, "P-2")[3] == "2 dari 2"
    assert dashboard.overall.format() == "4 dari 5 lembar terkirim (80,0%)"
    assert dashboard.overall.value() == 800


def test_the_progress_models_pass_the_model_tester(qtbot, qtmodeltester, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    score(db, event_id, "Ani Lestari", "P-1", uniform(KIPP_CRITERIA, 8), submit=True)
    with db.read() as s:
        progress = status.event_progress(s, events.get_event(s, event_id).id, "proposal", actor=ACTOR)
    model = JudgeProgressModel()
    model.set_rows(progress.judges)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(progress.judges[:1])


def test_the_dossier_model_passes_the_model_tester(qtbot, qtmodeltester, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    score(db, event_id, "Ani Lestari", "P-1", uniform(KIPP_CRITERIA, 8), submit=True)
    with db.read() as s:
        progress = status.event_progress(s, events.get_event(s, event_id).id, "proposal", actor=ACTOR)
    model = DossierProgressModel()
    model.set_rows(progress.dossiers)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(())
