"""The audit log view: entries, paging, filters by actor and action, readable before → after."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from oaoi_desktop.services import audit_query, events
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.ui import language
from oaoi_desktop.ui.results import audit_view
from oaoi_desktop.ui.results.audit_view import AuditLogView
from results_helpers import record_move  # type: ignore[import-not-found]
from support.builders import ACTOR


def _view(qtbot, db, event_id) -> AuditLogView:  # type: ignore[no-untyped-def]
    view = AuditLogView(db, event_id, actor=ACTOR)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _column(view: AuditLogView, col: int) -> list[str]:
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def test_filters_by_actor_and_action_and_shows_the_change(qtbot, db, small_event, qtmodeltester) -> None:
    record_move(db, small_event, "P-3", 1, "Verifikasi lapangan")
    view = _view(qtbot, db, small_event)
    qtmodeltester.check(view.model)
    everything = view.model.total
    assert everything == len(_column(view, 0)) > 10
    assert _column(view, 3)[0] == "plenary.dossier_moved"  # newest first
    view.actor_box.setCurrentIndex(view.actor_box.findData("Citra"))  # a judge, who scores as herself
    citra = _column(view, 2)
    assert citra and set(citra) == {"Citra"} and len(citra) < everything
    view.actor_box.setCurrentIndex(0)
    view.action_box.setCurrentIndex(view.action_box.findData("sheet.submitted"))
    assert set(_column(view, 3)) == {"sheet.submitted"} and view.model.total == 9
    assert "9" in view.count_label.text()
    view.action_box.setCurrentIndex(0)
    # free text reaches into the before/after JSON
    qtbot.keyClicks(view.search, "verifikasi")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert _column(view, 3) == ["plenary.dossier_moved"]
    view.view.selectRow(0)
    assert "reason: Verifikasi lapangan" in view.details.toPlainText() or \
        "+ reason: Verifikasi lapangan" in view.details.toPlainText()
    view.search.clear()
    assert view.model.total == everything
    # a date range after today matches nothing
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    view.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert view.model.total == 0 and view.model.rowCount() == 0


def test_pages_are_fetched_as_needed(qtbot, db, small_event, monkeypatch) -> None:
    monkeypatch.setattr(audit_view, "PAGE", 5)
    view = _view(qtbot, db, small_event)
    total = view.model.total
    assert total > 10 and view.model.rowCount() < total
    while view.model.canFetchMore(view.model.index(-1, -1)):
        view.model.fetchMore(view.model.index(-1, -1))
    seqs = [int(x) for x in _column(view, 0)]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == total == len(set(seqs))


def test_readable_diff() -> None:
    diff = audit_query.readable_diff({"status": "draft", "scores": {"a": 1, "b": 2}},
                                     {"status": "submitted", "scores": {"a": 1, "c": 3}})
    assert diff == [("removed", "scores.b", "2", ""), ("added", "scores.c", "", "3"),
                    ("changed", "status", "draft", "submitted")]


def test_english_after_switching(qtbot, db, small_event) -> None:
    with db.write() as s:
        e = events.get_event(s, small_event)
        append(s, actor=Actor("x"), action="export.xlsx", event_id=e.id)
    view = _view(qtbot, db, small_event)
    assert view.windowTitle() == "Log audit"
    language.install_language("en")
    assert view.windowTitle() == "Audit log"
    assert view.model.headerData(2, Qt.Orientation.Horizontal) == "Who"
