"""The console's Sensitivity tab: the marker "bergantung pada 1 penilai" and what each judge's absence does."""

from __future__ import annotations

import pytest

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui.results.sensitivity_view import SensitivityView
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score

SCORES = {"P-1": (9, 9, 9), "P-2": (10, 8, 8), "P-3": (8, 8, 9), "P-4": (7, 7, 7)}


@pytest.fixture
def ev(db: Database) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    for number, values in SCORES.items():
        add_dossier(db, eid, number, kategori="Kesehatan")
        for judge, v in zip(("Ani", "Budi", "Citra"), values, strict=True):
            score(db, eid, judge, number, {c: v for c in KIPP_CRITERIA})
    return eid


def test_the_tab_marks_dependent_rows_and_explains_them(qtbot, db, ev) -> None:
    console = SecretariatConsole(db, ev, actor=ACTOR)
    qtbot.addWidget(console)
    view = console.projector.sensitivity
    assert console.tabs.tabText(console.tabs.indexOf(view)) == "Kepekaan"
    assert view.report is None  # computed when shown, not before
    with qtbot.waitSignal(view.computed) as done:
        console.tabs.setCurrentWidget(view)
    assert done.args == [2]
    assert view.row_texts("number") == ["P-1", "P-2", "P-3", "P-4"]
    assert view.row_texts("marker") == ["", "bergantung pada 1 penilai", "bergantung pada 1 penilai", ""]
    assert view.row_texts("depends")[1] == "Ani (batas lulus)"
    assert view.table.isColumnHidden(view.table.horizontalHeader().logicalIndex(7))  # no top-N rule
    view.top_spin.setValue(2)
    view.compute_button.click()
    assert not view.table.isColumnHidden(7)
    assert view.row_texts("depends")[1] == "Ani (batas lulus, 2 besar)"
    assert view.select_dossier("P-2")
    text = view.details.toPlainText()
    assert "Tanpa Ani: peringkat 3, nilai 80" in text and "tidak lulus" in text
    view.only_dependent.click()
    assert view.row_texts("number") == ["P-2", "P-3"]
    assert "2 bergantung pada satu penilai" in view.summary.text()
    language.install_language("en")
    assert console.tabs.tabText(console.tabs.indexOf(view)) == "Sensitivity"
    assert view.row_texts("marker") == ["depends on 1 judge", "depends on 1 judge"]


def test_a_judge_account_is_refused_in_a_dialog(qtbot, db, ev, recording_dialogs) -> None:
    from oaoi_desktop.services import accounts, events
    from oaoi_desktop.services.audit import Actor

    with db.read() as s:
        ani = accounts.find_judge(s, events.get_event(s, ev), "Ani")
        judge = Actor(ani.name, ani.id)
    view = SensitivityView(db, ev, actor=judge)
    qtbot.addWidget(view)
    assert view.compute() is None and view.row_texts("number") == []
    assert recording_dialogs.messages and "Ani" in str(recording_dialogs.messages[-1]["text"])


def test_a_large_event_is_computed_off_the_gui_thread(qtbot, db, ev, monkeypatch) -> None:
    from oaoi_desktop.ui.results import sensitivity_view

    monkeypatch.setattr(sensitivity_view, "INLINE_BELOW", 0)  # compute even this small event in a worker
    view = SensitivityView(db, ev, actor=ACTOR)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.computed, timeout=10000) as done:
        assert view.compute() is None
        assert view.busy and view.summary.text() == "Menghitung kepekaan\u2026" and view.row_texts("number") == []
    qtbot.waitUntil(lambda: not view.busy)
    assert done.args == [2]
    assert view.row_texts("number") == ["P-1", "P-2", "P-3", "P-4"]
    assert view.row_texts("marker")[1] == "bergantung pada 1 penilai"
    # two quick requests while the worker runs: the newest choices win, and only their report is shown
    shown: list[int | None] = []
    view.computed.connect(lambda _n: shown.append(view.report.top_n if view.report else None))
    view.top_spin.setValue(3)
    view.compute()
    view.top_spin.setValue(2)
    view.compute()
    qtbot.waitUntil(lambda: not view.busy and bool(shown), timeout=10000)
    assert shown == [2]
    assert view.row_texts("depends")[1] == "Ani (batas lulus, 2 besar)"


def test_a_worker_failure_is_shown_in_a_dialog(qtbot, db, ev, monkeypatch, recording_dialogs) -> None:
    from oaoi_desktop.services import accounts, events
    from oaoi_desktop.services.audit import Actor
    from oaoi_desktop.ui.results import sensitivity_view

    monkeypatch.setattr(sensitivity_view, "INLINE_BELOW", 0)
    with db.read() as s:
        ani = accounts.find_judge(s, events.get_event(s, ev), "Ani")
        judge = Actor(ani.name, ani.id)
    view = SensitivityView(db, ev, actor=judge)
    qtbot.addWidget(view)
    view.compute()
    qtbot.waitUntil(lambda: not view.busy and bool(recording_dialogs.messages), timeout=10000)
    assert "Ani" in str(recording_dialogs.messages[-1]["text"])
    assert view.report is None and view.row_texts("number") == []
