"""Issue 14 in the ranking view: a completeness badge per row, a filter "complete only / all" and a
count in the header, for the signed-in secretariat."""

from __future__ import annotations

from PySide6.QtCore import Qt

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.results.ranking_view import Col, RankingView
from support.builders import ACTOR, add_dossier, add_judges, make_event, score
from support.builders import KIPP_CRITERIA


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
    assert "2 dari 3 lembar penilaian yang diharapkan telah diserahkan" in view.details.toPlainText()


def test_sorting_by_the_badge_puts_incomplete_first(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db, _event(db))
    view.view.sortByColumn(Col.COMPLETE, Qt.SortOrder.AscendingOrder)
    assert view.row_texts(Col.NUMBER) == ["P-3", "P-2", "P-1"]


def test_without_a_signed_in_actor_nothing_is_claimed(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, db, _event(db), actor=None)
    assert view.view.isColumnHidden(Col.COMPLETE)
    assert not view.complete_box.isVisible() and not view.complete_label.isVisible()
