"""The ranking view writes numbers the way its language does (issue 14): "86,67" in Indonesian,
"86.67" in English; the score column still sorts by value."""

from __future__ import annotations

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui.results.ranking_view import Col, RankingView
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score


def test_ranking_view_decimal_comma_in_indonesian_point_in_english(qtbot, db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    add_dossier(db, eid, "P-1")
    add_dossier(db, eid, "P-2")
    for judge, value in (("Ani", 9), ("Budi", 9), ("Citra", 8)):
        score(db, eid, judge, "P-1", {c: value for c in KIPP_CRITERIA})  # mean 86.666… → 86,67
        score(db, eid, judge, "P-2", {c: 7 for c in KIPP_CRITERIA})
    view = RankingView(db, eid, actor=ACTOR)
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.busy)
    assert view.row_texts(Col.SCORE) == ["86,67", "70,00"]
    assert "Citra 80,00" in view.row_texts(Col.JUDGES)[0]
    assert not any("86.67" in t for col in Col for t in view.row_texts(col))
    try:
        language.install_language("en")
        assert view.row_texts(Col.SCORE) == ["86.67", "70.00"]
    finally:
        language.install_language("id")
    assert view.row_texts(Col.SCORE) == ["86,67", "70,00"]
