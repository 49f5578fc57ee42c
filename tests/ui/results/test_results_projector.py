"""The pleno's projector view: large type at 1280×720 and 1920×1080, names and comments hidden
until the chair reveals them, following the console's ranking tab live, F11 / Esc."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.results.projector import ProjectorWindow
from oaoi_desktop.ui.results.ranking_view import RankingView
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score

COMMENT = "Dampak terukur di tiga puskesmas"


def uniform(v: int) -> dict[str, int]:
    return {c: v for c in KIPP_CRITERIA}


@pytest.fixture
def pleno(db: Database) -> str:
    """Kesehatan: K-01..K-12 (K-01 and K-02 by three judges, K-02 disputed); Pendidikan: Q-1."""
    eid = make_event(db, name="KIPP Kota Medan 2026")
    add_judges(db, eid, ["Ani Lestari", "Budi Santoso", "Citra Dewi"])
    for i in range(1, 13):
        add_dossier(db, eid, f"K-{i:02d}", kategori="Kesehatan")
        score(db, eid, "Ani Lestari", f"K-{i:02d}", uniform(6 + i % 4))
    add_dossier(db, eid, "Q-1", kategori="Pendidikan")
    score(db, eid, "Ani Lestari", "Q-1", uniform(8))
    score(db, eid, "Budi Santoso", "K-01", uniform(9))
    score(db, eid, "Citra Dewi", "K-01", uniform(9))
    score(db, eid, "Budi Santoso", "K-02", {**uniform(9), "signifikansi": 10}, comments={"signifikansi": COMMENT})
    score(db, eid, "Citra Dewi", "K-02", uniform(5), comments={c: "Bukti pendukung kurang." for c in KIPP_CRITERIA})
    return eid


def open_window(qtbot, db: Database, eid: str, size: tuple[int, int]) -> ProjectorWindow:  # type: ignore[no-untyped-def]
    w = ProjectorWindow(db, eid, actor=ACTOR)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.load()
    return w


@pytest.mark.parametrize(("size", "min_px", "min_rows"), [((1280, 720), 24, 8), ((1920, 1080), 36, 8)])
def test_large_type_fills_the_screen_at_both_sizes(qtbot, db, pleno, size, min_px, min_rows) -> None:
    w = open_window(qtbot, db, pleno, size)
    assert w.group == ("Kesehatan", "umum")
    assert (w.width(), w.height()) == size  # nothing in it asks for a larger window
    assert w.view.font().pixelSize() >= min_px and w.heading.font().pixelSize() > w.view.font().pixelSize()
    assert w.view.rowCount() == 12
    assert w.visible_rows() >= min_rows
    # every column fits the width: nothing scrolls sideways, the title is the column that gives way
    assert w.view.horizontalHeader().length() <= w.view.viewport().width()
    ranks = [int(r) for r in w.column_texts("rank")]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    assert w.heading.text() == "Kesehatan / umum" and "KIPP Kota Medan 2026" in w.subheading.text()
    assert "Kelompok 1 dari 2" in w.subheading.text()


def test_names_and_comments_stay_hidden_until_revealed(qtbot, db, pleno) -> None:
    w = open_window(qtbot, db, pleno, (1280, 720))
    k02 = next(r for r in w.table.rows if r.number == "K-02")
    assert k02.flagged
    row = w.column_texts("number").index("K-02")
    assert w.column_texts("flag")[row] == "\u26a0" and w.column_texts("flag")[w.column_texts("number").index("K-03")] == ""
    w.select_dossier(k02.dossier_id)
    text = w.details_text()
    assert "K-02" in text and re.search(r"92[.,]50 \u00b7 80[.,]00 \u00b7 50[.,]00", text), text
    for name in ("Ani", "Budi", "Citra"):
        assert name not in text
    assert COMMENT not in text and "Signifikansi" in text  # the flagged criterion, never the comment
    qtbot.mouseClick(w.names_toggle, Qt.MouseButton.LeftButton)
    assert "Budi Santoso" in w.details_text() and "Citra Dewi" in w.details_text()
    qtbot.mouseClick(w.names_toggle, Qt.MouseButton.LeftButton)
    w.comments_toggle.click()
    assert COMMENT in w.details_text() and "Budi" not in w.details_text()
    # another proposal: the comments are hidden again; the chair must reveal them again
    w.select_dossier(next(r for r in w.table.rows if r.number == "K-01").dossier_id)
    assert not w.comments_toggle.isChecked() and COMMENT not in w.details_text()
    w.select_dossier(k02.dossier_id)
    assert COMMENT not in w.details_text()


def test_keys_step_through_groups_and_esc_closes(qtbot, db, pleno) -> None:
    w = open_window(qtbot, db, pleno, (1280, 720))
    with qtbot.waitSignal(w.group_shown) as shown:
        qtbot.keyClick(w, Qt.Key.Key_Right)
    assert shown.args == ["Pendidikan / umum"] and w.column_texts("number") == ["Q-1"]
    qtbot.keyClick(w, Qt.Key.Key_Left)
    assert w.group == ("Kesehatan", "umum")
    with qtbot.waitSignal(w.closed):
        qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not w.isVisible()


@pytest.mark.parametrize("background", [False, True], ids=["inline", "in-workers"])
def test_f11_from_the_console_follows_the_ranking_tab(qtbot, db, pleno, monkeypatch, background) -> None:
    if background:  # as a large event: the console ranks and the projector reads in worker threads
        from oaoi_desktop.ui.results import projector, ranking_view

        monkeypatch.setattr(projector, "INLINE_BELOW", 0)
        monkeypatch.setattr(ranking_view, "INLINE_BELOW", 0)
    console = SecretariatConsole(db, pleno, actor=ACTOR)
    qtbot.addWidget(console)
    console.resize(1280, 720)
    console.show()
    with qtbot.waitActive(console):
        console.activateWindow()
    view = next(w for w in console.result_tabs if isinstance(w, RankingView))
    console.tabs.setCurrentWidget(view)
    view.view.setFocus()
    with qtbot.waitSignal(console.projector.opened):
        qtbot.keyClick(view.view, Qt.Key.Key_F11)  # in the console's ranking table
    w = console.projector.window
    qtbot.addWidget(w)
    assert w.isVisible() and w.isFullScreen()
    qtbot.waitUntil(lambda: not w.busy and not view.busy, timeout=30_000)
    # the console chooses a group: the projector shows it
    with qtbot.waitSignal(w.group_shown):
        view.group_box.setCurrentIndex(view.group_box.findData("Pendidikan / umum"))
    assert w.column_texts("number") == ["Q-1"]
    # the console selects a proposal of the other group: the projector goes there and highlights it
    view.group_box.setCurrentIndex(0)  # all groups
    with qtbot.waitSignal(w.dossier_shown):
        assert view.select_dossier(next(r.dossier_id for r in w.table.rows if r.number == "K-02"))
    assert w.group == ("Kesehatan", "umum") and "K-02" in w.details_text()
    selected = w.view.selectedItems()
    assert selected and selected[0].text() == w.column_texts("rank")[w.column_texts("number").index("K-02")]
    # another method in the console: the projector ranks again with it
    view.set_method("median")
    qtbot.waitUntil(lambda: not w.busy and not view.busy, timeout=30_000)
    assert w.method is not None and w.method.value == "median" and w.table.method.value == "median"
    with qtbot.waitSignal(w.closed):
        qtbot.keyClick(w, Qt.Key.Key_Escape)
    QApplication.processEvents()


def test_a_large_event_is_read_off_the_gui_thread_and_the_newest_choice_wins(
        qtbot, db, pleno, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.ui.results import projector

    monkeypatch.setattr(projector, "INLINE_BELOW", 0)  # read even this small event in a worker
    w = ProjectorWindow(db, pleno, actor=ACTOR)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.load()
    assert w.busy and w.table is None  # nothing read on the GUI thread
    assert w.details_text() == "Membaca peringkat\u2026"
    qtbot.waitUntil(lambda: not w.busy, timeout=30_000)
    assert w.view.rowCount() == 12 and w.group == ("Kesehatan", "umum")
    first = w.table
    # two choices while a read runs: one more read, with the last of them
    w.load(method=AggregationMethod.MEAN)
    w.load(method=AggregationMethod.MEDIAN)
    assert w.busy and w.table is first  # the room still sees the previous table meanwhile
    qtbot.waitUntil(lambda: not w.busy, timeout=30_000)
    assert w.method is AggregationMethod.MEDIAN and w.table.method is AggregationMethod.MEDIAN
    assert w.view.rowCount() == 12
