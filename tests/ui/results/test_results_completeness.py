"""Issue 14 in the secretariat's GUI: the ranking view's completeness badge per row, filter
"complete only / all" and header count; the finalise dialog's list of missing sheets with the
two ways on (withdraw the assignments, record a reasoned exception)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from oaoi_desktop.services import events as events_service
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, EventStatus
from oaoi_desktop.ui.results.finalise_dialog import FinaliseDialog
from oaoi_desktop.ui.results.ranking_view import Col, RankingView
from results_helpers import issue_minutes  # type: ignore[import-not-found]
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score


def uniform(value: int) -> dict[str, int]:
    return {c: value for c in KIPP_CRITERIA}


def _event(db: Database) -> str:
    """P-1 complete 3/3, P-2 incomplete 2/3 (Citra's draft), P-3 incomplete 1/3."""
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    for n in ("P-1", "P-2", "P-3"):
        add_dossier(db, eid, n, kategori="Kesehatan")
    for j in ("Ani", "Budi", "Citra"):
        score(db, eid, j, "P-1", uniform(9))
    score(db, eid, "Ani", "P-2", uniform(8))
    score(db, eid, "Budi", "P-2", uniform(8))
    score(db, eid, "Citra", "P-2", {"kebaruan": 4}, submit=False)
    score(db, eid, "Ani", "P-3", uniform(6))
    for j in ("Budi", "Citra"):
        score(db, eid, j, "P-3", {"kebaruan": 4}, submit=False)
    return eid


def _view(qtbot, db: Database, eid: str, actor=ACTOR) -> RankingView:  # type: ignore[no-untyped-def]
    view = RankingView(db, eid, actor=actor)
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_badge_count_and_filter(qtbot, db, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db, _event(db))
    qtmodeltester.check(view.model)
    numbers = view.row_texts(Col.NUMBER)
    badges = dict(zip(numbers, view.row_texts(Col.COMPLETE), strict=True))
    assert badges == {"P-1": "lengkap 3/3", "P-2": "belum lengkap 2/3", "P-3": "belum lengkap 1/3"}
    assert view.model.headerData(Col.COMPLETE, Qt.Orientation.Horizontal) == "Lembar"
    assert not view.view.isColumnHidden(Col.COMPLETE)
    # the column sits right after the number, where the eye reads it
    header = view.view.horizontalHeader()
    assert header.visualIndex(Col.COMPLETE) == header.visualIndex(Col.NUMBER) + 1
    assert view.complete_label.text() == "1 dari 3 lengkap"
    assert view.complete_label.isVisible()
    p2 = numbers.index("P-2")
    tip = view.proxy.index(p2, Col.COMPLETE).data(Qt.ItemDataRole.ToolTipRole)
    assert "2 dari 3" in tip
    # the filter, chosen the way a person does: pick "Hanya yang lengkap"
    box = view.complete_box
    assert [box.itemText(i) for i in range(box.count())] == ["Semua hasil", "Hanya yang lengkap"]
    box.setCurrentIndex(1)
    assert view.row_texts(Col.NUMBER) == ["P-1"]
    box.setCurrentIndex(0)
    assert sorted(view.row_texts(Col.NUMBER)) == ["P-1", "P-2", "P-3"]
    # the details pane says it too
    assert view.select_dossier(next(r.dossier_id for r in view.table.rows if r.number == "P-2"))
    assert "2 dari 3 lembar penilaian yang diharapkan telah dikirim" in view.details.toPlainText()


def test_sorting_by_the_badge_puts_incomplete_first(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db, _event(db))
    view.view.sortByColumn(Col.COMPLETE, Qt.SortOrder.AscendingOrder)
    assert view.row_texts(Col.NUMBER) == ["P-3", "P-2", "P-1"]


def test_without_a_signed_in_actor_nothing_is_claimed(qtbot, db, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db, _event(db), actor=None)
    # the services refuse an anonymous read (issue 12): no row, no completeness claim, a message instead
    assert view.model.rowCount() == 0
    assert not view.complete_label.isVisible() or not view.complete_label.text()
    assert recording_dialogs.messages, "the refusal is shown to the person at the laptop"


# -- the finalise dialog (Event ▸ Finalisasi kegiatan…) ---------------------------------------------------------


def _dialog(qtbot, db: Database, eid: str) -> FinaliseDialog:  # type: ignore[no-untyped-def]
    dialog = FinaliseDialog(db, ACTOR, event_id=eid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_finalise_dialog_lists_missing_sheets_and_withdraws_them(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db)
    dialog = _dialog(qtbot, db, eid)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "belum dapat difinalisasi: 3 lembar penilaian belum dikirim" in dialog.state_label.text().lower()
    assert dialog.missing_box.isVisible() and not ok.isEnabled()
    items = [dialog.missing_list.item(i).text() for i in range(dialog.missing_list.count())]
    assert items == ["P-2 \u2014 Citra (draf)", "P-3 \u2014 Budi (draf)", "P-3 \u2014 Citra (draf)"]
    assert not dialog.withdraw_button.isEnabled() and not dialog.exception_button.isEnabled()
    # withdraw P-3's two assignments: select them, click
    dialog.missing_list.item(1).setSelected(True)
    dialog.missing_list.item(2).setSelected(True)
    assert dialog.withdraw_button.isEnabled()
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert [dialog.missing_list.item(i).text() for i in range(dialog.missing_list.count())] == [
        "P-2 \u2014 Citra (draf)"]
    assert "1 lembar penilaian belum dikirim" in dialog.state_label.text()
    with db.read() as s:
        removed = s.scalars(select(AuditEntry).where(AuditEntry.action == "assignment.removed")).all()
        assert sorted(e.before["name"] for e in removed) == ["Budi", "Citra"]
        assert all(e.actor_id == ACTOR.user_id for e in removed)


def test_finalise_dialog_records_an_exception_then_finalises(qtbot, db, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db)
    dialog = _dialog(qtbot, db, eid)
    qtbot.keyClicks(dialog.exception_reason, "Dua penilai berhalangan hadir; disepakati dalam pleno")
    assert dialog.exception_button.isEnabled()
    qtbot.mouseClick(dialog.exception_button, Qt.MouseButton.LeftButton)
    assert not dialog.missing_box.isVisible()
    assert "3 lembar penilaian yang belum dikirim dikecualikan" in dialog.state_label.text()
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "completeness.exception"))
        assert entry.after["reason"] == "Dua penilai berhalangan hadir; disepakati dalam pleno"
        assert len(entry.after["sheets"]) == 3
    dialog.close()
    issue_minutes(db, eid)  # the Berita Acara issued after the exception, so it states it
    dialog = _dialog(qtbot, db, eid)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(dialog.paper_choice, Qt.MouseButton.LeftButton)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not recording_dialogs.messages
    with db.read() as s:
        assert events_service.get_event(s, eid).status is EventStatus.FINALISED
