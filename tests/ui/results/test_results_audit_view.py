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


def _actions(view: AuditLogView) -> list[str]:
    return [view.model.index(r, 3).data(audit_view.ACTION_ROLE) for r in range(view.model.rowCount())]


def test_filters_by_actor_and_action_and_shows_the_change(qtbot, db, small_event, qtmodeltester) -> None:
    record_move(db, small_event, "P-3", 1, "Verifikasi lapangan")
    view = _view(qtbot, db, small_event)
    qtmodeltester.check(view.model)
    everything = view.model.total
    assert everything == len(_column(view, 0)) > 10
    assert _actions(view)[0] == "plenary.dossier_moved"  # newest first
    assert _column(view, 3)[0] == "Urutan proposal diubah pleno"  # shown in words (issue 14)
    view.actor_box.setCurrentIndex(view.actor_box.findData("Citra"))  # a judge, who scores as herself
    citra = _column(view, 2)
    assert citra and set(citra) == {"Citra"} and len(citra) < everything
    view.actor_box.setCurrentIndex(0)
    view.action_box.setCurrentIndex(view.action_box.findData("sheet.submitted"))
    assert set(_actions(view)) == {"sheet.submitted"} and view.model.total == 9
    assert set(_column(view, 3)) == {"Lembar penilaian dikirim"}
    assert "9" in view.count_label.text()
    view.action_box.setCurrentIndex(0)
    # free text reaches into the before/after JSON
    qtbot.keyClicks(view.search, "verifikasi")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert _actions(view) == ["plenary.dossier_moved"]
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


# -- issue 14: the audit view speaks to people ------------------------------------------------
def _view_as(qtbot, db, event_id) -> AuditLogView:  # type: ignore[no-untyped-def]
    from support.builders import ACTOR

    view = AuditLogView(db, event_id, actor=ACTOR)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_entries_read_in_words_names_numbers_and_local_time(qtbot, db, small_event, qtmodeltester) -> None:
    view = _view_as(qtbot, db, small_event)
    qtmodeltester.check(view.model)
    view.action_box.setCurrentIndex(view.action_box.findData("score.recorded"))
    assert view.action_box.currentText() == "Nilai dicatat"
    entities = set(_column(view, 4))
    assert "Lembar penilaian Citra \u00b7 P-3" in entities  # not "score_sheet 1a2b3c4d"
    assert all(not e.startswith("score_sheet") for e in entities)
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Waktu (WIB)"
    first = view.model.rows[0]
    assert _column(view, 1)[0] == audit_query.local_time(first.at).strftime("%Y-%m-%d %H:%M:%S")
    view.action_box.setCurrentIndex(view.action_box.findData("assignment.added"))
    assert "Penugasan P-1 \u2192 Ani" in set(_column(view, 4))
    view.view.selectRow(0)
    details = view.details.toPlainText()
    assert "Penugasan ditambahkan oleh" in details and "WIB" in details
    for r in view.model.rows:  # no id fragment where a name is known
        assert r.entity_id[:8] not in " ".join(_column(view, 4) + _column(view, 5))


def test_filter_by_dossier_number(qtbot, db, small_event) -> None:
    view = _view_as(qtbot, db, small_event)
    everything = view.model.total
    qtbot.keyClicks(view.dossier, "p-2")
    qtbot.keyClick(view.dossier, Qt.Key.Key_Return)
    about = set(_column(view, 4))
    assert 0 < view.model.total < everything
    assert about <= {"Proposal P-2", "Lembar penilaian Ani \u00b7 P-2", "Lembar penilaian Budi \u00b7 P-2",
                     "Lembar penilaian Citra \u00b7 P-2", "Penugasan P-2 \u2192 Ani", "Penugasan P-2 \u2192 Budi",
                     "Penugasan P-2 \u2192 Citra"}
    assert "Proposal P-2" in about
    view.dossier.clear()
    assert view.model.total == everything
    qtbot.keyClicks(view.dossier, "P-404")
    qtbot.keyClick(view.dossier, Qt.Key.Key_Return)
    assert view.model.total == 0


def test_export_writes_the_filtered_log(qtbot, db, small_event, tmp_path, recording_dialogs) -> None:
    import csv

    view = _view_as(qtbot, db, small_event)
    view.actor_box.setCurrentIndex(view.actor_box.findData("Citra"))
    shown = view.model.total
    target = tmp_path / "log-audit.csv"
    assert view.export_to(target) == target
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == shown and {r["actor"] for r in rows} == {"Citra"}
    assert "Nilai dicatat" in {r["action_label"] for r in rows}
    assert recording_dialogs.messages[-1]["title"] == "Log audit diekspor"
    assert str(target) in str(recording_dialogs.messages[-1]["text"])
    xlsx = view.export_to(tmp_path / "log-audit.xlsx")
    assert xlsx is not None and xlsx.stat().st_size > 0
    assert view.export_to(tmp_path / "log.pdf") is None  # refused with a message naming the file
    assert "log.pdf" in str(recording_dialogs.messages[-1]["text"])
