"""The agreement view: alpha and ICC shown, the harsh judge flagged, the charts and their series."""

from __future__ import annotations

from PySide6.QtCharts import QBoxPlotSeries, QScatterSeries
from PySide6.QtCore import Qt

from oaoi_desktop.ui import language
from oaoi_desktop.ui.results.agreement_view import AgreementView
from support.builders import ACTOR


def _view(qtbot, db, event_id) -> AgreementView:  # type: ignore[no-untyped-def]
    view = AgreementView(db, event_id, actor=ACTOR)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def _column(model, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_alpha_icc_and_the_harsh_judge(qtbot, db, harsh_event, qtmodeltester) -> None:
    view = _view(qtbot, db, harsh_event)
    for model in (view.items_model, view.judges_model, view.dossiers_model, view.dossiers_proxy):
        qtmodeltester.check(model)
    report = view.report
    assert report is not None and report.n_judges == 3 and report.n_sheets == 24
    items = view.items_model
    names = _column(items, 0)
    assert names[-1] == "Nilai total"
    total_alpha = float(report.item("total").alpha.value)
    assert _column(items, 1)[-1] == f"{total_alpha:.3f}".replace(".", ",")  # Indonesian decimal comma
    # every judge scored every proposal: the two-way form, said so
    assert "ICC(2,1)" in _column(items, 4)[-1]
    judges = dict(zip(_column(view.judges_model, 0), _column(view.judges_model, 7), strict=True))
    assert judges["Dedi"] == "keras"
    assert judges["Ani"] == "" or "keras" not in judges["Ani"]
    deviation = dict(zip(_column(view.judges_model, 0), _column(view.judges_model, 4), strict=True))
    assert deviation["Dedi"].startswith("-")
    assert view.judges_model.index(_column(view.judges_model, 0).index("Dedi"), 0).data(
        Qt.ItemDataRole.BackgroundRole) is not None
    # every proposal's totals range over 30 points: all flagged
    assert all(x == "ditandai" for x in _column(view.dossiers_model, 4))
    assert "Apa arti angka-angka ini" in [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Krippendorff" in view.help.toPlainText()


def test_charts_have_a_box_per_judge_and_a_spread_per_selected_dossier(qtbot, db, harsh_event) -> None:
    view = _view(qtbot, db, harsh_event)
    [boxes] = view.distribution_chart.series()
    assert isinstance(boxes, QBoxPlotSeries) and boxes.count() == 3
    assert [boxes.boxSets()[i].label() for i in range(3)] == ["Ani", "Budi", "Dedi"]
    series = view.spread_chart.series()
    assert isinstance(series[0], QBoxPlotSeries) and series[0].count() == 7  # one range per criterion
    scatter = [s for s in series if isinstance(s, QScatterSeries)]
    assert sorted(s.name() for s in scatter) == ["Ani", "Budi", "Dedi"]
    assert all(s.count() == 7 for s in scatter)
    # selecting another proposal redraws its spread
    view.tabs.setCurrentIndex(2)
    with qtbot.waitSignal(view.dossier_chart_shown) as shown:
        view.dossiers_view.selectRow(3)
    assert shown.args == [view.dossiers_proxy.index(3, 0).data()]
    qtbot.mouseClick(view.flagged_only, Qt.MouseButton.LeftButton)
    assert view.dossiers_proxy.rowCount() == 8


def test_english_after_switching(qtbot, db, harsh_event) -> None:
    view = _view(qtbot, db, harsh_event)
    assert view.windowTitle() == "Kesepakatan penilai"
    language.install_language("en")
    assert view.windowTitle() == "Agreement"
    assert _column(view.judges_model, 7)[_column(view.judges_model, 0).index("Dedi")] == "harsh"
    assert view.judges_model.headerData(4, Qt.Orientation.Horizontal) == "Deviation from others"
