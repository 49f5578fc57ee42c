"""The ranking view: ranks and aggregates the user sees, method switch, comparison marks, filter, export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui.results.ranking_view import Col, RankingView
from results_helpers import record_move  # type: ignore[import-not-found]
from support.builders import ACTOR


def _view(qtbot, db: Database, event_id: str) -> RankingView:  # type: ignore[no-untyped-def]
    view = RankingView(db, event_id, actor=ACTOR)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def _choose(box, data: str) -> None:  # type: ignore[no-untyped-def]
    box.setCurrentIndex(box.findData(data))


def test_shows_ranks_and_aggregates_and_switching_the_method_changes_them(qtbot, db, small_event,
                                                                          qtmodeltester) -> None:
    view = _view(qtbot, db, small_event)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    assert view.method_box.currentText() == "Rata-rata terpangkas"  # the rubric's method, in Indonesian
    assert view.row_texts(Col.NUMBER) == ["P-2", "P-1", "P-3"]
    assert view.row_texts(Col.RANK) == ["1", "2", "3"]
    assert view.row_texts(Col.SCORE) == ["80,00", "70,00", "60,00"]
    assert view.row_texts(Col.RESULT) == ["Tidak lulus"] * 3
    assert "Ani 90,00" in view.row_texts(Col.JUDGES)[1] and "Citra 30,00" in view.row_texts(Col.JUDGES)[1]

    with qtbot.waitSignal(view.ranking_shown):
        _choose(view.method_box, "median")
    assert view.row_texts(Col.NUMBER) == ["P-1", "P-2", "P-3"]
    assert view.row_texts(Col.SCORE) == ["90,00", "80,00", "60,00"]
    assert view.row_texts(Col.RESULT)[0] == "Lulus"


def test_comparison_marks_moves_and_crossing_the_pass_mark(qtbot, db, small_event) -> None:
    view = _view(qtbot, db, small_event)
    _choose(view.compare_box, "median")
    qtbot.mouseClick(view.compare_check, Qt.MouseButton.LeftButton)
    assert view.compare_check.isChecked() and not view.view.isColumnHidden(Col.MARK)
    marks = dict(zip(view.row_texts(Col.NUMBER), view.row_texts(Col.MARK), strict=True))
    # N = 0: P-2 and P-1 swap places; P-1 also passes under the median
    assert "lebih dari 0 peringkat" in marks["P-2"] and "batas lulus" in marks["P-1"]
    assert marks["P-3"] == ""
    assert dict(zip(view.row_texts(Col.NUMBER), view.row_texts(Col.MOVE), strict=True)) == {
        "P-2": "-1", "P-1": "+1", "P-3": ""}
    # N = 1: a move of one place is no longer marked; crossing the pass mark still is
    view.moves_spin.setFocus()
    qtbot.keyClick(view.moves_spin, Qt.Key.Key_Up)
    assert view.moves_spin.value() == 1
    marks = dict(zip(view.row_texts(Col.NUMBER), view.row_texts(Col.MARK), strict=True))
    assert marks["P-2"] == "" and marks["P-1"] == "melewati batas lulus"
    qtbot.mouseClick(view.marked_only, Qt.MouseButton.LeftButton)
    assert view.row_texts(Col.NUMBER) == ["P-1"]
    assert "1 ditandai" in view.summary.text()


def test_search_narrows_rows_and_group_selector(qtbot, db, small_event) -> None:
    view = _view(qtbot, db, small_event)
    qtbot.keyClicks(view.search, "sekolah")
    assert view.row_texts(Col.NUMBER) == ["P-2"]
    view.search.clear()
    assert len(view.row_texts(Col.NUMBER)) == 3
    assert [view.group_box.itemText(i) for i in range(view.group_box.count())] == ["Semua kelompok",
                                                                                   "Kesehatan / umum"]
    view.group_box.setCurrentIndex(1)
    assert len(view.row_texts(Col.NUMBER)) == 3


def test_details_show_the_bilingual_trace_and_plenary_decisions(qtbot, db, small_event) -> None:
    record_move(db, small_event, "P-3", 1, "Verifikasi lapangan membuktikan dampak terbesar")
    view = _view(qtbot, db, small_event)
    assert not view.view.isColumnHidden(Col.DECISIONS)
    rows = dict(zip(view.row_texts(Col.NUMBER), zip(view.row_texts(Col.RANK), view.row_texts(Col.ADJ_RANK),
                                                    view.row_texts(Col.DECISIONS)), strict=True))
    assert rows["P-3"][:2] == ("3", "1") and "Verifikasi lapangan" in rows["P-3"][2]
    assert view.select_dossier(view.table.rows[2].dossier_id)
    text = view.details.toPlainText()
    assert "Verifikasi lapangan" in text and "peringkat dipindah" in text
    assert "Tidak ada seri" in text


def test_export_writes_a_real_workbook_and_csv(qtbot, db, small_event, tmp_path: Path, recording_dialogs) -> None:
    view = _view(qtbot, db, small_event)
    dialog = view.export("xlsx")
    target = tmp_path / "hasil.xlsx"
    with qtbot.waitSignal(view.export_written):
        dialog.fileSelected.emit(str(target))
    dialog.close()
    wb = openpyxl.load_workbook(target)
    assert "raw scores" in wb.sheetnames
    ranking = wb[[n for n in wb.sheetnames if n != "raw scores"][0]]
    numbers = [ranking.cell(row=r, column=3).value for r in range(2, 5)]
    assert numbers == ["P-2", "P-1", "P-3"]
    assert wb["raw scores"].max_row == 1 + 9 * 7
    dialog = view.export("scores")
    with qtbot.waitSignal(view.export_written):
        dialog.fileSelected.emit(str(tmp_path / "nilai.csv"))
    dialog.close()
    assert (tmp_path / "nilai.csv").read_text(encoding="utf-8-sig").startswith("stage,dossier")


def test_english_after_switching(qtbot, db, small_event) -> None:
    view = _view(qtbot, db, small_event)
    assert view.windowTitle() == "Peringkat"
    language.install_language("en")
    assert view.windowTitle() == "Ranking"
    assert view.method_box.currentText() == "Trimmed mean"
    assert view.model.headerData(Col.RANK, Qt.Orientation.Horizontal) == "Rank"
    assert view.row_texts(Col.RESULT)[0] == "Fails"


def test_changes_in_the_store_are_seen_on_refresh(qtbot, db, small_event) -> None:
    from support.builders import KIPP_CRITERIA, add_judges, score

    view = _view(qtbot, db, small_event)
    assert view.view.isColumnHidden(Col.DECISIONS)
    # a fourth judge scores P-3 with 100: its mean (50+60+70+100)/4 = 70 ties P-1 all along the chain
    add_judges(db, small_event, ["Dewi"])
    score(db, small_event, "Dewi", "P-3", {c: 10 for c in KIPP_CRITERIA})
    view.set_method("mean")  # recomputing alone sees the new sheet: the scores are read again after a change
    shown = dict(zip(view.row_texts(Col.NUMBER), zip(view.row_texts(Col.RANK), view.row_texts(Col.SCORE),
                                                     view.row_texts(Col.TIE)), strict=True))
    assert shown == {"P-2": ("1", "80,00", ""), "P-1": ("2", "70,00", "ketua"), "P-3": ("2", "70,00", "ketua")}
    assert "1 seri diserahkan kepada ketua" in view.summary.text()
    record_move(db, small_event, "P-1", 1, "Keputusan pleno")
    view.refresh()
    assert not view.view.isColumnHidden(Col.DECISIONS)
    adjusted = dict(zip(view.row_texts(Col.NUMBER), view.row_texts(Col.ADJ_RANK), strict=True))
    assert adjusted["P-1"] == "1"


def test_large_events_are_ranked_in_a_worker_thread(qtbot, db, small_event, monkeypatch) -> None:
    from oaoi_desktop.ui.results import ranking_view

    monkeypatch.setattr(ranking_view, "INLINE_BELOW", 0)  # rank even this small event off the GUI thread
    view = RankingView(db, small_event, actor=ACTOR)
    qtbot.addWidget(view)
    assert view.busy and view.row_texts(Col.NUMBER) == []
    qtbot.waitUntil(lambda: not view.busy)
    assert view.row_texts(Col.NUMBER) == ["P-2", "P-1", "P-3"]
    # two quick changes while the worker runs: the newest choice wins
    with qtbot.waitSignal(view.ranking_shown, timeout=10000):
        _choose(view.method_box, "mean")
        _choose(view.method_box, "median")
    qtbot.waitUntil(lambda: not view.busy)
    assert view.method() == "median"
    assert view.row_texts(Col.NUMBER) == ["P-1", "P-2", "P-3"]
    assert view.row_texts(Col.SCORE)[0] == "90,00"


def test_stage_selector_ranks_one_stage_or_the_combined_result(qtbot, db) -> None:
    from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score

    eid = make_event(db, name="KIPP dua tahap", rubric="kipp-two-stage")
    add_judges(db, eid, ["Ani", "Budi"])
    for n in ("P-1", "P-2"):
        add_dossier(db, eid, n)
    score(db, eid, "Ani", "P-1", {c: 9 for c in KIPP_CRITERIA})
    score(db, eid, "Budi", "P-1", {c: 9 for c in KIPP_CRITERIA})
    score(db, eid, "Ani", "P-2", {c: 8 for c in KIPP_CRITERIA})
    view = _view(qtbot, db, eid)
    stages = [view.stage_box.itemText(i) for i in range(view.stage_box.count())]
    assert len(stages) == 3 and stages[0] == "Hasil gabungan"
    # combined: 70 % of the proposal stage (no presentation results yet)
    assert view.row_texts(Col.SCORE) == ["63,00", "56,00"]
    view.stage_box.setCurrentIndex(1)
    assert view.stage_id() == "proposal"
    assert view.row_texts(Col.SCORE) == ["90,00", "80,00"]
    assert "proposal:" not in view.row_texts(Col.JUDGES)[0]
