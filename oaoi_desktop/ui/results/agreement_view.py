"""Agreement and outliers (Kesepakatan penilai): how far the judges agree, who is harsh or lenient.

Three tables from :func:`oaoi_desktop.services.agreement.event_agreement`:

* per criterion and for the totals: Krippendorff's alpha (interval) and the
  ICC — the form the design allows (ICC(2,1) when every judge scored every
  dossier, else ICC(1,1) when every dossier has the same number of judges)
  and why, or why not, as the service reports it;
* per judge: sheets, mean, spread, the mean deviation from the other judges
  on the same dossiers (harsh / lenient), the correlation with them, flags;
* per dossier: the range of the totals and of each criterion, flagged at the
  rubric's disagreement thresholds.

Two QtCharts: each judge's score distribution (one box per judge) and, for
the selected dossier, its per-criterion spread (min–max box per criterion
and each judge's points).  A help text explains every statistic in plain
words.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBoxPlotSeries,
    QBoxSet,
    QChart,
    QChartView,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import t
from oaoi_desktop.services import agreement
from oaoi_desktop.services.agreement import AgreementReport
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.results.common import ID_ROLE, MARK_BRUSH, MARKED_ROLE, RIGHT, SORT_ROLE, as_uuid, num, sort_num
from oaoi_desktop.ui.results.desk import ResultsDesk
from oaoi_desktop.ui.widgets import em

_Index = QModelIndex | QPersistentModelIndex


class _TableModel(QAbstractTableModel):
    """A read-only table of prepared rows: each cell (display text, sort key); rows may be marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.cells: list[list[tuple[str, Any]]] = []
        self.ids: list[str] = []
        self.marked: list[bool] = []
        self.tips: list[str] = []
        self.right: set[int] = set()

    def set_rows(self, headers: Sequence[str], cells: list[list[tuple[str, Any]]], ids: list[str],
                 marked: list[bool], tips: list[str] | None = None, right: set[int] | None = None) -> None:
        self.beginResetModel()
        self.headers, self.cells, self.ids, self.marked = list(headers), cells, ids, marked
        self.tips = tips or [""] * len(cells)
        self.right = right or set()
        self.endResetModel()

    def set_headers(self, headers: Sequence[str]) -> None:
        self.headers = list(headers)
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cells) \
                or not 0 <= index.column() < len(self.headers):
            return None
        text, key = self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return key
        if role == ID_ROLE:
            return self.ids[index.row()]
        if role == MARKED_ROLE:
            return self.marked[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(MARK_BRUSH) if self.marked[index.row()] else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[index.row()] or None
        return None


class _FlaggedProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flagged_only = False
        self.setSortRole(SORT_ROLE)

    def set_flagged_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.flagged_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not self.flagged_only or not isinstance(model, _TableModel):
            return True
        return source_row < len(model.marked) and model.marked[source_row]


def _table(parent: QWidget, name: str, model: QAbstractTableModel) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AgreementView(QWidget):
    """Agreement statistics of one event's stage, with charts and plain-language help.

    Signals:
        report_shown(object): a newly computed :class:`AgreementReport` is shown.
        dossier_chart_shown(str): the spread chart now shows this dossier (its number).
    """

    report_shown = Signal(object)
    dossier_chart_shown = Signal(str)

    def __init__(self, db: Database, event_id: uuid.UUID | str, parent: QWidget | None = None, *,
                 actor: Actor) -> None:
        """``actor``: the signed-in secretariat member (the services check that they may read results)."""
        super().__init__(parent)
        self.desk = ResultsDesk(db)
        self.actor = actor
        self.event_id = as_uuid(event_id)
        self.setObjectName("results_agreement_view")
        self.report: AgreementReport | None = None
        self.distributions: dict[str, list[Fraction]] = {}
        self.dossier_scores: dict[str, dict[str, Fraction]] = {}
        self._stages: list[tuple[str, str, str]] = []
        self._build()
        self.retranslate_ui()
        self.refresh()

    def _build(self) -> None:
        self.stage_label = QLabel(self)
        self.stage_box = QComboBox(self)
        self.stage_box.setObjectName("agreement_stage")
        self.stage_label.setBuddy(self.stage_box)
        self.headline = QLabel(self)
        self.headline.setObjectName("agreement_headline")
        self.headline.setWordWrap(True)
        self.items_model = _TableModel(self)
        self.items_view = _table(self, "agreement_items", self.items_model)
        self.judges_model = _TableModel(self)
        self.judges_view = _table(self, "agreement_judges", self.judges_model)
        self.dossiers_model = _TableModel(self)
        self.dossiers_proxy = _FlaggedProxy(self)
        self.dossiers_proxy.setSourceModel(self.dossiers_model)
        self.dossiers_view = _table(self, "agreement_dossiers", self.dossiers_proxy)
        self.flagged_only = QCheckBox(self)
        self.flagged_only.setObjectName("agreement_flagged_only")
        self.help = QTextBrowser(self)
        self.help.setObjectName("agreement_help")

        self.distribution_chart = QChart()
        self.distribution_chart.legend().hide()
        self.distribution_view = QChartView(self.distribution_chart, self)
        self.distribution_view.setObjectName("agreement_distribution_chart")
        self.distribution_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.spread_chart = QChart()
        self.spread_view = QChartView(self.spread_chart, self)
        self.spread_view.setObjectName("agreement_spread_chart")
        self.spread_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        for v in (self.distribution_view, self.spread_view):
            v.setMinimumHeight(em(self, 16))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("agreement_tabs")
        page_items = QWidget(self.tabs)
        lay = QVBoxLayout(page_items)
        lay.addWidget(self.items_view)
        page_judges = QWidget(self.tabs)
        lay = QVBoxLayout(page_judges)
        split = QSplitter(Qt.Orientation.Vertical, page_judges)
        split.addWidget(self.judges_view)
        split.addWidget(self.distribution_view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay.addWidget(split)
        page_dossiers = QWidget(self.tabs)
        lay = QVBoxLayout(page_dossiers)
        lay.addWidget(self.flagged_only)
        split = QSplitter(Qt.Orientation.Vertical, page_dossiers)
        split.addWidget(self.dossiers_view)
        split.addWidget(self.spread_view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay.addWidget(split)
        self.tabs.addTab(page_items, "")
        self.tabs.addTab(page_judges, "")
        self.tabs.addTab(page_dossiers, "")
        self.tabs.addTab(self.help, "")

        top = QHBoxLayout()
        top.addWidget(self.stage_label)
        top.addWidget(self.stage_box)
        top.addWidget(self.headline, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.stage_box.currentIndexChanged.connect(lambda _i: self.recompute())
        self.flagged_only.toggled.connect(self.dossiers_proxy.set_flagged_only)
        self.dossiers_view.selectionModel().selectionChanged.connect(lambda *_: self._dossier_selected())

    # -- data ---------------------------------------------------------------------------
    def stage_id(self) -> str | None:
        return self.stage_box.currentData() or None

    def refresh(self) -> None:
        try:
            rubric = self.desk.rubric_if_any(self.event_id)
            if rubric is None:
                return
        except OaoiError as exc:
            dialogs.error(self, self.tr("The agreement statistics could not be read"), exc.render())
            return
        current = self.stage_box.currentData()
        self._stages = [(st.id, st.name_id, st.name_en) for st in rubric.stages]
        self.stage_box.blockSignals(True)
        self.stage_box.clear()
        for sid, _a, _b in self._stages:
            self.stage_box.addItem("", sid)
        self._label_stages()
        self.stage_box.setCurrentIndex(max(0, self.stage_box.findData(current)))
        self.stage_box.blockSignals(False)
        self.recompute()

    def recompute(self) -> AgreementReport | None:
        try:
            read = self.desk.agreement_report(self.event_id, self.stage_id(), self.actor)
            if read is None:
                return None
            self.report, self.distributions = read
        except OaoiError as exc:
            dialogs.error(self, self.tr("The agreement statistics could not be computed"), exc.render())
            return None
        self._fill()
        self.report_shown.emit(self.report)
        return self.report

    # -- texts for the statistics ------------------------------------------------------------
    def icc_text(self, icc: Any) -> tuple[str, str, Any]:
        """(value text, form and why, sort key) for an :class:`~oaoi_desktop.domain.agreement.ICC`."""
        if icc.icc2_1 is not None:
            return (num(icc.icc2_1, 3), self.tr(
                "ICC(2,1), two-way random, absolute agreement: every judge scored every proposal "
                "(ICC(2,k) for the mean of %1 judges: %2)").replace("%1", str(icc.k)).replace("%2", num(icc.icc2_k, 3)),
                    sort_num(icc.icc2_1))
        if icc.icc1_1 is not None:
            why = self.tr("the judges differ between proposals") if icc.two_way_reason == "not_crossed" \
                else self._reason(icc.two_way_reason)
            return (num(icc.icc1_1, 3), self.tr(
                "ICC(1,1), one-way random: %1 judges per proposal, but %2, so the two-way forms do not apply "
                "(ICC(1,k): %3)").replace("%1", str(icc.k)).replace("%2", why).replace("%3", num(icc.icc1_k, 3)),
                    sort_num(icc.icc1_1))
        return ("-", self.tr("ICC %1").replace("%1", self._reason(icc.reason)), float("-inf"))

    def alpha_verdict(self, alpha: float) -> str:
        """Krippendorff's own reading: 0.800 reliable, 0.667 the lowest for tentative conclusions."""
        if alpha >= 0.8:
            return self.tr("alpha: good agreement")
        if alpha >= 0.667:
            return self.tr("alpha: fair agreement, conclusions tentative")
        return self.tr("alpha: weak agreement")

    def _reason(self, code: str | None) -> str:
        if code in (None, ""):
            return "-"
        if code == "not_crossed":
            return self.tr("the judges differ between proposals")
        return t(f"agreement.reason.{code}")

    def _fill(self) -> None:
        r = self.report
        if r is None:
            return
        self.headline.setText(self.tr("%1 proposals, %2 judges, %3 submitted sheets in this stage.")
                              .replace("%1", str(r.n_dossiers)).replace("%2", str(r.n_judges))
                              .replace("%3", str(r.n_sheets)))
        # items
        cells, ids = [], []
        for it in r.items:
            name = self.tr("Total") if it.item == agreement.TOTAL else r.criterion_names.get(it.item, it.item)
            alpha = num(it.alpha.value, 3) if it.alpha.value is not None else "-"
            alpha_note = t(f"agreement.reason.{it.alpha.reason}") if it.alpha.reason is not None \
                else self.alpha_verdict(float(it.alpha.value)) if it.alpha.value is not None else ""
            icc_value, icc_form, icc_key = self.icc_text(it.icc)
            cells.append([(name, name.casefold()), (alpha, sort_num(it.alpha.value)),
                          (str(it.alpha.units), it.alpha.units), (icc_value, icc_key),
                          ("; ".join(x for x in (alpha_note, icc_form) if x), "")])
            ids.append(it.item)
        self.items_model.set_rows(self._item_headers(), cells, ids, [it.item == agreement.TOTAL for it in r.items],
                                  right={1, 2, 3})
        # judges
        cells, ids, marked, tips = [], [], [], []
        for j in r.judges:
            dev = j.bias.mean_deviation
            flags = ", ".join(t(f"agreement.flag.{f}") for f in j.flags)
            cells.append([(j.name, j.name.casefold()), (str(j.n_sheets), j.n_sheets), (num(j.mean), sort_num(j.mean)),
                          (num(j.std), j.std), ("-" if dev is None else ("+" if dev >= 0 else "") + num(dev), sort_num(dev)),
                          (str(j.bias.n_shared), j.bias.n_shared),
                          (num(j.bias.correlation), sort_num(j.bias.correlation)), (flags, flags)])
            ids.append(j.judge_id)
            marked.append(bool(j.flags))
            tips.append(self.tr("Flagged past a mean deviation of %1 points or a correlation below %2.")
                        .replace("%1", num(r.deviation_limit, 1)).replace("%2", num(r.min_correlation, 1))
                        if j.flags else "")
        self.judges_model.set_rows(self._judge_headers(), cells, ids, marked, tips, right={1, 2, 3, 4, 5, 6})
        # dossiers
        cells, ids, marked, tips = [], [], [], []
        for d in r.dossiers:
            sp = d.spread
            crit = ", ".join(f"{r.criterion_names.get(c, c)} {num(sp.criterion_ranges[c], 1)}"
                             for c in sp.flagged_criteria)
            cells.append([(d.number, d.number.casefold()), (str(sp.n_judges), sp.n_judges),
                          (num(sp.total_range) + (" *" if sp.total_flagged else ""), sort_num(sp.total_range)),
                          (crit, len(sp.flagged_criteria)),
                          (self.tr("flagged") if sp.flagged else "", int(sp.flagged))])
            ids.append(d.dossier_id)
            marked.append(sp.flagged)
            tips.append("\n".join(t(mid, **params) for mid, params in sp.reasons()))
        self.dossiers_model.set_rows(self._dossier_headers(), cells, ids, marked, tips, right={1, 2})
        for view, widths in ((self.items_view, (18, 7, 8, 7)), (self.judges_view, (22, 6, 7, 7, 9, 8, 8)),
                             (self.dossiers_view, (10, 6, 10, 30))):
            header = view.horizontalHeader()
            metrics = header.fontMetrics()
            for i, w in enumerate(widths):
                title = str(view.model().headerData(i, Qt.Orientation.Horizontal) or "")
                header.resizeSection(i, max(em(self, w), metrics.horizontalAdvance(title) + em(self, 1.6)))
        self._fill_distribution_chart()
        flagged = r.flagged_dossiers
        self.show_dossier_chart(flagged[0].dossier_id if flagged else (r.dossiers[0].dossier_id if r.dossiers else None))

    def _item_headers(self) -> list[str]:
        return [self.tr("Criterion"), self.tr("Alpha"), self.tr("Proposals"), self.tr("ICC"), self.tr("Notes")]

    def _judge_headers(self) -> list[str]:
        return [self.tr("Judge"), self.tr("Sheets"), self.tr("Mean"), self.tr("Std. dev."),
                self.tr("Deviation from others"), self.tr("Shared proposals"), self.tr("Correlation"),
                self.tr("Flags")]

    def _dossier_headers(self) -> list[str]:
        return [self.tr("Proposal"), self.tr("Judges"), self.tr("Range of totals"),
                self.tr("Criteria past the threshold"), self.tr("Flag")]

    # -- charts ------------------------------------------------------------------------------
    def _fill_distribution_chart(self) -> None:
        chart = self.distribution_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBoxPlotSeries()
        series.setName(self.tr("Totals"))
        names = list(self.distributions)
        for name in names:
            values = [float(v) for v in self.distributions[name]]
            box = QBoxSet(_short(name, 24))
            q = _quartiles(values)
            box.setValue(QBoxSet.ValuePositions.LowerExtreme, q[0])
            box.setValue(QBoxSet.ValuePositions.LowerQuartile, q[1])
            box.setValue(QBoxSet.ValuePositions.Median, q[2])
            box.setValue(QBoxSet.ValuePositions.UpperQuartile, q[3])
            box.setValue(QBoxSet.ValuePositions.UpperExtreme, q[4])
            series.append(box)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([_short(n, 24) for n in names] or ["-"])
        y = QValueAxis()
        y.setRange(0, 100)
        y.setTitleText(self.tr("Total"))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.setTitle(self.tr("Each judge's totals (box: middle half, line: median, whiskers: lowest and highest)"))

    def show_dossier_chart(self, dossier_id: str | None) -> None:
        """Draw one dossier's per-criterion spread: a min–max box per criterion and each judge's points."""
        chart = self.spread_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        r = self.report
        if r is None or dossier_id is None:
            self.dossier_scores = {}
            chart.setTitle(self.tr("Select a proposal to see its spread"))
            return
        try:
            self.dossier_scores, rubric = self.desk.dossier_spread(self.event_id, dossier_id, r.stage_id, self.actor)
        except OaoiError as exc:
            dialogs.error(self, self.tr("The spread could not be read"), exc.render())
            return
        stage = rubric.stage(r.stage_id)
        criteria = [c.id for c in stage.criteria]
        boxes = QBoxPlotSeries()
        boxes.setName(self.tr("Range"))
        for cid in criteria:
            vals = [float(v[cid]) for v in self.dossier_scores.values() if cid in v]
            box = QBoxSet(r.criterion_names.get(cid, cid))
            low, high = (min(vals), max(vals)) if vals else (0.0, 0.0)
            mid = sorted(vals)[len(vals) // 2] if vals else 0.0
            for pos, v in ((QBoxSet.ValuePositions.LowerExtreme, low), (QBoxSet.ValuePositions.LowerQuartile, low),
                           (QBoxSet.ValuePositions.Median, mid), (QBoxSet.ValuePositions.UpperQuartile, high),
                           (QBoxSet.ValuePositions.UpperExtreme, high)):
                box.setValue(pos, v)
            boxes.append(box)
        chart.addSeries(boxes)
        x = QBarCategoryAxis()
        x.append([_short(r.criterion_names.get(c, c), 24) for c in criteria])
        y = QValueAxis()
        scale_max = max((float(c.scale_max) for c in stage.criteria), default=10.0)
        y.setRange(0, scale_max)
        y.setTitleText(self.tr("Score"))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        boxes.attachAxis(x)
        boxes.attachAxis(y)
        for k, (judge, values) in enumerate(self.dossier_scores.items()):
            points = QScatterSeries()
            points.setName(judge)
            points.setMarkerSize(9.0)
            offset = (k - (len(self.dossier_scores) - 1) / 2) * 0.08
            for i, cid in enumerate(criteria):
                if cid in values:
                    points.append(i + offset, float(values[cid]))
            chart.addSeries(points)
            points.attachAxis(x)
            points.attachAxis(y)
        number = next((d.number for d in r.dossiers if d.dossier_id == dossier_id), dossier_id)
        chart.setTitle(self.tr("Proposal %1: each criterion's range and each judge's score").replace("%1", number))
        self.dossier_chart_shown.emit(number)

    def _dossier_selected(self) -> None:
        rows = self.dossiers_view.selectionModel().selectedRows()
        if rows:
            self.show_dossier_chart(rows[0].data(ID_ROLE))

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _label_stages(self) -> None:
        from oaoi_desktop.ui.language import current_language

        en = current_language() == "en"
        for i, (_sid, n_id, n_en) in enumerate(self._stages):
            self.stage_box.setItemText(i, n_en if en and n_en else n_id)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Agreement"))
        self.stage_label.setText(self.tr("&Stage:"))
        self.tabs.setTabText(0, self.tr("Agreement per criterion"))
        self.tabs.setTabText(1, self.tr("Judges"))
        self.tabs.setTabText(2, self.tr("Proposals"))
        self.tabs.setTabText(3, self.tr("What these numbers mean"))
        self.flagged_only.setText(self.tr("Only flagged proposals"))
        self.help.setHtml(self.help_html())
        self._label_stages()
        if self.report is not None:
            self._fill()

    def help_html(self) -> str:
        e = html.escape
        entries = [
            (self.tr("Krippendorff's alpha"), self.tr(
                "How much the judges agree, from 1 (they always give the same score) through 0 (no better than "
                "chance) to below 0 (they systematically disagree). It works even when each judge scored only "
                "some proposals. As a rule of thumb, 0.8 or more is good agreement and below 0.67 is weak.")),
            (self.tr("ICC (intraclass correlation)"), self.tr(
                "Also 0 to 1: the share of the differences between scores that comes from real differences "
                "between proposals rather than from the judges. ICC(2,1) is used when every judge scored every "
                "proposal; ICC(1,1) when each proposal had the same number of judges but not the same judges. "
                "Otherwise it cannot be computed, and the table says why.")),
            (self.tr("Deviation from others"), self.tr(
                "For each judge: on the proposals they scored, how far their total lies on average above (+) "
                "or below (−) the mean of the other judges on the same proposals. A large minus means a harsh "
                "judge, a large plus a lenient one.")),
            (self.tr("Correlation"), self.tr(
                "Whether a judge puts the proposals in the same order as the other judges (1: the same order, "
                "0: unrelated). A low value means the judge weighs the proposals differently, not just harder "
                "or softer.")),
            (self.tr("Range"), self.tr(
                "For each proposal: the highest minus the lowest score the judges gave, for the total and for "
                "each criterion. A proposal is flagged for discussion when a range reaches the rubric's "
                "threshold.")),
        ]
        return "".join(f"<h4>{e(title)}</h4><p>{e(body)}</p>" for title, body in entries)


def _short(text: str, n: int = 18) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _quartiles(values: list[float]) -> tuple[float, float, float, float, float]:
    if not values:
        return (0.0, 0.0, 0.0, 0.0, 0.0)
    v = sorted(values)

    def median(xs: list[float]) -> float:
        n = len(xs)
        return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2

    half = len(v) // 2
    lower = v[:half] or v
    upper = v[half + (len(v) % 2):] or v
    return (v[0], median(lower), median(v), median(upper), v[-1])


__all__ = ["AgreementView"]
