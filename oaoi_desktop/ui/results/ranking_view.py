"""The ranking view (Rekapitulasi dan Peringkat) of the secretariat console.

One table per event: every dossier with its group, rank, number, title,
instansi, aggregated score, each judge's total, pass/fail against the pass
mark, the tie left for the chair, and the plenary's adjusted rank and score
beside the raw ones with the reasons.  Above it: the stage (each stage, or the
combined result), the group (one kategori/kelompok group, or all), the
aggregation method, and a comparison with a second method that highlights
dossiers whose rank moves by more than N places or that cross the pass mark.
The details pane shows the selected dossier's tie-break trace in Indonesian
and English.  Export: the ranking and the raw scores to XLSX or CSV
(services/exports.py), the file chosen through the dialog seam.

The model (:class:`~oaoi_desktop.ui.results.ranking_model.RankingModel`) holds
the rows the service computed (:func:`oaoi_desktop.services.ranking.ranking_table`,
one read of the scores); sorting and filtering are the proxy's
(:class:`~oaoi_desktop.ui.results.ranking_model.RankingFilterProxy`).  Changing
N re-marks rows without ranking again.  Events of :data:`INLINE_BELOW` dossiers
or more are ranked off the GUI thread (:class:`~oaoi_desktop.ui.jobs.NewestJob`).
"""

from __future__ import annotations

import html
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import render
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.ranking import RankingTable
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.jobs import NewestJob
from oaoi_desktop.ui.results.common import ID_ROLE, as_uuid, num
from oaoi_desktop.ui.results.desk import ResultsDesk
from oaoi_desktop.ui.results.ranking_model import (
    COMPARISON_COLUMNS,
    METHODS,
    Col,
    RankingFilterProxy,
    RankingModel,
    method_label,
)
from oaoi_desktop.ui.widgets import em

INLINE_BELOW = 1000
"""Events with fewer dossiers are ranked on the GUI thread (a few ms); larger ones in a worker."""


class RankingView(QWidget):
    """Ranking of one event: stage, group, method, comparison, details, export.

    Signals:
        ranking_shown(int): the table shows a newly computed ranking (the number of dossiers).
        export_written(str): an export file was written (its path).
    """

    ranking_shown = Signal(int)
    export_written = Signal(str)

    def __init__(self, db: Database, event_id: uuid.UUID | str, parent: QWidget | None = None, *,
                 actor: Actor) -> None:
        """``actor``: the signed-in secretariat member (the services check that they may read results)."""
        super().__init__(parent)
        self.desk = ResultsDesk(db)
        self.actor = actor
        self.event_id = as_uuid(event_id)
        self.completeness: Any = None
        self.setObjectName("results_ranking_view")
        self.table: RankingTable | None = None
        self._size = 0
        self._jobs = NewestJob(self.recompute, name="oaoi-ranking", parent=self)
        self._jobs.finished.connect(self._job_done)
        self._jobs.failed.connect(self._job_failed)
        self._stages: list[tuple[str | None, str, str]] = []
        self._rubric_method = AggregationMethod.MEAN
        self._build()
        self.retranslate_ui()
        self.refresh()

    # -- construction ------------------------------------------------------------
    def _build(self) -> None:
        self.stage_label = QLabel(self)
        self.stage_box = QComboBox(self)
        self.stage_box.setObjectName("ranking_stage")
        self.stage_label.setBuddy(self.stage_box)
        self.group_label = QLabel(self)
        self.group_box = QComboBox(self)
        self.group_box.setObjectName("ranking_group")
        # long group names ("Kelompok Umum — Kabupaten/Kota …") would widen the page past a 1280 px screen
        self.group_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_box.setMinimumContentsLength(18)
        self.group_label.setBuddy(self.group_box)
        self.method_label = QLabel(self)
        self.method_box = QComboBox(self)
        self.method_box.setObjectName("ranking_method")
        self.method_label.setBuddy(self.method_box)
        for m in METHODS:
            self.method_box.addItem("", m.value)
        self.compare_check = QCheckBox(self)
        self.compare_check.setObjectName("ranking_compare")
        self.compare_box = QComboBox(self)
        self.compare_box.setObjectName("ranking_compare_method")
        for m in METHODS:
            self.compare_box.addItem("", m.value)
        self.moves_label = QLabel(self)
        self.moves_spin = QSpinBox(self)
        self.moves_spin.setObjectName("ranking_moves")
        self.moves_spin.setRange(0, 999)
        self.moves_label.setBuddy(self.moves_spin)
        self.marked_only = QCheckBox(self)
        self.marked_only.setObjectName("ranking_marked_only")
        self.complete_box = QComboBox(self)  # issue 14: only complete results, or all
        self.complete_box.setObjectName("ranking_complete_filter")
        self.complete_box.addItem("", False)
        self.complete_box.addItem("", True)
        self.complete_label = QLabel(self)
        self.complete_label.setObjectName("ranking_complete_count")
        self.search = QLineEdit(self)
        self.search.setObjectName("ranking_search")
        self.search.setClearButtonEnabled(True)
        self.xlsx_button = QPushButton(self)
        self.xlsx_button.setObjectName("ranking_export_xlsx")
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("ranking_export_csv")
        self.scores_button = QPushButton(self)
        self.scores_button.setObjectName("ranking_export_scores")

        self.model = RankingModel(self)
        self.proxy = RankingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("ranking_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(em(self, 1.7))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._widths = {Col.GROUP: 10, Col.RANK: 3, Col.NUMBER: 8, Col.TITLE: 16, Col.INSTANSI: 11, Col.SCORE: 4,
                        Col.RESULT: 6, Col.TIE: 3, Col.RANK_B: 4, Col.SCORE_B: 4, Col.MOVE: 3, Col.MARK: 14,
                        Col.ADJ_RANK: 4, Col.ADJ_SCORE: 4, Col.DECISIONS: 18, Col.JUDGES: 30, Col.COMPLETE: 8}
        header.moveSection(header.visualIndex(Col.COMPLETE), header.visualIndex(Col.NUMBER) + 1)
        self._size_columns()
        # numbers, scores and results read whole; titles elided at the end, whole on hover (issue 14)
        fit_table(self.view, whole=(Col.RANK, Col.RANK_B, Col.MOVE, Col.NUMBER, Col.SCORE, Col.SCORE_B, Col.RESULT,
                                    Col.TIE, Col.ADJ_RANK, Col.ADJ_SCORE))
        self.details = QTextBrowser(self)
        self.details.setObjectName("ranking_details")
        self.details.setOpenLinks(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("ranking_summary")
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        for w in (self.stage_label, self.stage_box, self.group_label, self.group_box, self.method_label,
                  self.method_box):
            top.addWidget(w)
        top.addWidget(self.complete_box)
        top.addWidget(self.complete_label)
        top.addStretch(1)
        second = QHBoxLayout()
        for w in (self.compare_check, self.compare_box, self.moves_label, self.moves_spin, self.marked_only):
            second.addWidget(w)
        second.addStretch(1)
        second.addWidget(self.search, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(splitter, 1)
        # the exports sit beside the summary (not on the top row), so the page fits 1280 px (issue 14)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for w in (self.xlsx_button, self.csv_button, self.scores_button):
            bottom.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)

        self.stage_box.currentIndexChanged.connect(lambda _i: self.recompute())
        self.method_box.currentIndexChanged.connect(lambda _i: self.recompute())
        self.compare_box.currentIndexChanged.connect(lambda _i: self._compare_changed())
        self.compare_check.toggled.connect(lambda _on: self._compare_changed())
        self.group_box.currentIndexChanged.connect(self._group_changed)
        self.moves_spin.valueChanged.connect(self._moves_changed)
        self.marked_only.toggled.connect(self._marked_only_changed)
        self.complete_box.currentIndexChanged.connect(self._complete_filter_changed)
        self.search.textChanged.connect(self._search_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("ranking"))
        self.scores_button.clicked.connect(lambda: self.export("scores"))
        self._show_comparison_columns()

    def _size_columns(self) -> None:
        """Each column as wide as its header text (in the current language) or its usual content."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for col, w in self._widths.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            header.resizeSection(col, max(em(self, w), metrics.horizontalAdvance(title) + em(self, 1.6)))

    # -- state ---------------------------------------------------------------------
    def method(self) -> AggregationMethod:
        return AggregationMethod(self.method_box.currentData() or self._rubric_method.value)

    def compare_method(self) -> AggregationMethod | None:
        if not self.compare_check.isChecked():
            return None
        return AggregationMethod(self.compare_box.currentData())

    def stage_id(self) -> str | None:
        data = self.stage_box.currentData()
        return data or None

    def set_method(self, method: AggregationMethod | str) -> None:
        self.method_box.setCurrentIndex(self.method_box.findData(AggregationMethod(method).value))

    # -- computing ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the event again (rubric, stages) and recompute."""
        try:
            facts = self.desk.ranking_facts(self.event_id)
            if facts is None:
                self.model.set_table(None)
                return
            rubric, self._size = facts
        except OaoiError as exc:
            dialogs.error(self, self.tr("The ranking could not be read"), exc.render())
            return
        first = not self._stages
        self._stages = [(None, self.tr("Combined result"), "")] + [(st.id, st.name_id, st.name_en)
                                                                    for st in rubric.stages]
        self._rubric_method = rubric.aggregation
        current_stage = self.stage_box.currentData()
        for box in (self.stage_box, self.method_box, self.compare_box):
            box.blockSignals(True)
        self.stage_box.clear()
        for sid, _n_id, _n_en in self._stages:
            self.stage_box.addItem("", sid or "")
        self._label_stages()
        self.stage_box.setCurrentIndex(max(0, self.stage_box.findData(current_stage or "")))
        if first:
            self.set_method(rubric.aggregation)
            other = next(m for m in METHODS if m != rubric.aggregation)
            self.compare_box.setCurrentIndex(self.compare_box.findData(other.value))
        for box in (self.stage_box, self.method_box, self.compare_box):
            box.blockSignals(False)
        self.recompute()

    def recompute(self) -> RankingTable | None:
        """Rank again with the chosen stage, method and comparison; keeps group, search and selection.

        Small events are ranked here and the table is returned; larger ones
        (:data:`INLINE_BELOW` dossiers or more) in a worker thread: this returns
        None, :attr:`busy` is true until ``ranking_shown`` is emitted.  A request
        made while a worker runs is computed after it with the newest choices.
        """
        params = {"method": self.method(), "stage_id": self.stage_id(), "compare_with": self.compare_method(),
                  "prepared": self.table.prepared if self.table is not None else None, "actor": self.actor}
        if self._size < INLINE_BELOW:
            self._jobs.supersede()  # a ranking still running in a worker is older than this one
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                table, state = self.desk.ranking(self.event_id, params)
            except OaoiError as exc:
                dialogs.error(self, self.tr("The ranking could not be computed"), exc.render())
                return None
            finally:
                QGuiApplication.restoreOverrideCursor()
            if table is not None:
                self._apply(table, state)
            return table
        desk, event_id = self.desk, self.event_id
        if self._jobs.request(lambda _progress, _cancel: desk.ranking(event_id, params)):
            self.summary.setText(self.tr("Computing the ranking\u2026"))
        return None  # while a ranking runs, the newest choices are ranked when it ends

    @property
    def busy(self) -> bool:
        """A ranking is being computed in a worker thread."""
        return self._jobs.busy

    def _job_done(self, result: object) -> None:
        table, state = result if isinstance(result, tuple) else (result, None)
        if isinstance(table, RankingTable):
            self._apply(table, state)

    def _job_failed(self, message: str) -> None:
        self._update_summary()
        dialogs.error(self, self.tr("The ranking could not be computed"), message)

    def _apply(self, table: RankingTable, state: Any = None) -> None:
        selected = self.selected_dossier()
        self.table = table
        self.completeness = state
        self.model.max_moves = self.moves_spin.value()
        self.model.completeness = state
        self.model.set_table(table)
        self.view.setColumnHidden(Col.COMPLETE, state is None)
        if state is not None:  # the badge is never elided ("belum dini…", issue 14)
            self.view.resizeColumnToContents(Col.COMPLETE)
        self.complete_box.setVisible(state is not None)
        self.complete_label.setVisible(state is not None)
        self._fill_groups()
        self._show_comparison_columns()
        self._update_summary()
        if selected:
            self.select_dossier(selected)
        else:
            self._show_details(None)
        self.ranking_shown.emit(len(table.rows))

    def _fill_groups(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("All groups"), None)
        for g in dict.fromkeys(self.model.groups):
            self.group_box.addItem(g or self.tr("(no group)"), g)
        index = self.group_box.findData(current) if current is not None else 0
        self.group_box.setCurrentIndex(max(0, index))
        self.group_box.blockSignals(False)
        self.proxy.set_group(self.group_box.currentData())

    # -- reactions ---------------------------------------------------------------------
    def _compare_changed(self) -> None:
        self.compare_box.setEnabled(self.compare_check.isChecked())
        self.moves_spin.setEnabled(self.compare_check.isChecked())
        self.marked_only.setEnabled(self.compare_check.isChecked())
        if not self.compare_check.isChecked() and self.marked_only.isChecked():
            self.marked_only.setChecked(False)
        self.recompute()

    def _show_comparison_columns(self) -> None:
        on = self.compare_check.isChecked()
        for col in COMPARISON_COLUMNS:
            self.view.setColumnHidden(col, not on)
        self.compare_box.setEnabled(on)
        self.moves_spin.setEnabled(on)
        self.marked_only.setEnabled(on)
        adjusted = bool(self.table and any(r.decisions for r in self.table.rows))
        for col in (Col.ADJ_RANK, Col.ADJ_SCORE, Col.DECISIONS):
            self.view.setColumnHidden(col, not adjusted)
        if on:
            self._size_columns()

    def _group_changed(self, _index: int) -> None:
        self.proxy.set_group(self.group_box.currentData())
        self._update_summary()

    def _moves_changed(self, n: int) -> None:
        self.model.set_max_moves(n)
        self.proxy.marks_changed()
        self._update_summary()

    def _marked_only_changed(self, on: bool) -> None:
        self.proxy.set_marked_only(on)
        self._update_summary()

    def _complete_filter_changed(self, _index: int) -> None:
        self.proxy.set_complete_only(bool(self.complete_box.currentData()))
        self._update_summary()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_summary()

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self._show_details(self.selected_dossier())

    # -- selection and details -------------------------------------------------------------
    def selected_dossier(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].data(ID_ROLE) if rows else None

    def select_dossier(self, dossier_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == dossier_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return True
        self._show_details(None)
        return False

    def row_texts(self, column: Col) -> list[str]:
        """What the user sees in ``column``, top to bottom (tests, screenshots)."""
        return [self.proxy.index(r, column).data() for r in range(self.proxy.rowCount())]

    def _show_details(self, dossier_id: str | None) -> None:
        table = self.table
        row = next((r for r in table.rows if r.dossier_id == dossier_id), None) if table and dossier_id else None
        if row is None or table is None:
            self.details.setHtml("<p><i>" + html.escape(self.tr("Select a proposal to see how its rank came about.")) + ""
                                 "</i></p>")
            return
        e = html.escape
        parts = [f"<h3>{e(row.number)} \u2014 {e(row.title)}</h3>", f"<p>{e(row.instansi)}</p>"]
        source_row = table.rows.index(row)
        parts.append("<p>" + "<br>".join([
            e(self.tr("Rank %1 of group %2").replace("%1", str(row.rank or "-"))
              .replace("%2", " / ".join(row.group) or "-")),
            e(self.tr("Score %1 (%2); pass mark %3").replace("%1", num(row.value))
              .replace("%2", method_label(self, table.method)).replace("%3", num(table.pass_mark))),
            e(self.model.result_text(row)),
        ]) + "</p>")
        done = self.completeness.of(row.dossier_id) if self.completeness is not None else None
        if done is not None:
            parts.append("<p>" + e(self.tr("%1 of %2 expected score sheets submitted")
                                   .replace("%1", str(done.submitted)).replace("%2", str(done.expected))) + "</p>")
        if row.judge_totals:
            parts.append("<h4>" + e(self.tr("Judges")) + "</h4><ul>"
                         + "".join(f"<li>{e(n)}: {num(v)}</li>" for n, v in row.judge_totals) + "</ul>")
        current = "en" if _is_english() else "id"
        other = "id" if current == "en" else "en"
        notes = table.notes(row.dossier_id, current)
        parts.append("<h4>" + e(self.tr("Tie-break trace")) + "</h4>")
        if notes:
            others = table.notes(row.dossier_id, other)
            parts.append("<ol>" + "".join(
                f"<li>{e(a)}<br><span style='color:#555'><i>{e(b)}</i></span></li>" for a, b in zip(notes, others))
                + "</ol>")
        else:
            parts.append("<p>" + e(self.tr("No tie: the score alone decides the rank.")) + "</p>")
        if row.tied_for_chair:
            parts.append("<p><b>" + e(self.tr("Left for the chair to decide in the plenary.")) + "</b></p>")
        if row.decisions:
            parts.append("<h4>" + e(self.tr("Plenary decisions")) + "</h4><ul>" + "".join(
                f"<li>{e(render('plenary.kind.' + k))}: {e(reason)} ({e(by)})</li>" for k, reason, by in row.decisions)
                + "</ul>")
            parts.append("<p>" + e(self.tr("Raw rank %1, score %2 \u2192 adjusted rank %3, score %4")
                                   .replace("%1", str(row.rank or "-")).replace("%2", num(row.value))
                                   .replace("%3", str(row.adjusted_rank or "-"))
                                   .replace("%4", num(row.adjusted_value))) + "</p>")
        if table.method_b is not None:
            parts.append("<h4>" + e(self.tr("Comparison")) + "</h4><p>" + e(
                self.tr("%1: rank %2, score %3").replace("%1", method_label(self, table.method_b))
                .replace("%2", str(row.rank_b or "-")).replace("%3", num(row.value_b))) + "<br>"
                + e(self.model.mark_text(source_row)) + "</p>")
        self.details.setHtml("".join(parts))

    def _update_summary(self) -> None:
        table = self.table
        state = self.completeness
        if state is not None:  # the header count: "33 dari 36 proposal lengkap"
            ranked = {r.dossier_id for r in table.rows} if table is not None else set()
            # the dossiers this ranking is about: ranked, or expected to be scored in the stage
            shown = [c for c in state.dossiers.values() if c.dossier_id.hex in ranked or c.expected]
            done = sum(1 for c in shown if c.complete)
            self.complete_label.setText(self.tr("%1 of %2 complete").replace("%1", str(done))
                                        .replace("%2", str(len(shown))))
            self.complete_label.setToolTip(self.tr("%1 of %2 expected score sheets submitted")
                                           .replace("%1", str(state.sheets_submitted))
                                           .replace("%2", str(state.sheets_expected)))
        if table is None:
            self.summary.clear()
            return
        ranked = [r for r in table.rows if r.rank is not None]
        text = self.tr("%1 proposals shown of %2; %3 pass; %4 tie(s) left for the chair.").replace(
            "%1", str(self.proxy.rowCount())).replace("%2", str(len(table.rows))).replace(
            "%3", str(sum(r.passed for r in ranked))).replace("%4", str(len(table.ranking.chair_ties)))
        if table.method_b is not None:
            text += " " + self.tr("%1 marked (moved more than %2 places or crossed the pass mark).").replace(
                "%1", str(self.model.marked_count())).replace("%2", str(self.model.max_moves))
        self.summary.setText(text)

    # -- export --------------------------------------------------------------------------
    def export(self, what: str) -> Any:
        """Ask for a file (dialog seam) and write the ranking (``xlsx``/``ranking``) or raw ``scores``."""
        if what == "xlsx":
            title, filters, suffix = self.tr("Export ranking and raw scores to Excel"), [
                self.tr("Excel workbook (*.xlsx)")], "xlsx"
        elif what == "ranking":
            title, filters, suffix = self.tr("Export the ranking to CSV"), [self.tr("CSV file (*.csv)")], "csv"
        else:
            title, filters, suffix = self.tr("Export the raw scores to CSV"), [self.tr("CSV file (*.csv)")], "csv"
        return dialogs.current().choose_file(self, title, save=True, name_filters=filters, default_suffix=suffix,
                                             on_chosen=lambda path: self.write_export(what, path))

    def write_export(self, what: str, path: Path) -> Path | None:
        try:
            written = self.desk.export_ranking(self.event_id, what, Path(path), method=self.method(),
                                               stage_id=self.stage_id(), actor=self.actor)
        except OaoiError as exc:
            dialogs.error(self, self.tr("The export failed"), exc.render())
            return None
        self.summary.setText(self.tr("Written: %1").replace("%1", str(written)))
        self.export_written.emit(str(written))
        return written

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _label_stages(self) -> None:
        en = _is_english()
        for i, (sid, n_id, n_en) in enumerate(self._stages):
            if i < self.stage_box.count():
                self.stage_box.setItemText(i, self.tr("Combined result") if sid is None
                                           else (n_en if en and n_en else n_id))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Ranking"))
        self.stage_label.setText(self.tr("&Stage:"))
        self.group_label.setText(self.tr("&Group:"))
        self.method_label.setText(self.tr("&Method:"))
        for box in (self.method_box, self.compare_box):
            for i, m in enumerate(METHODS):
                box.setItemText(i, method_label(self, m))
        self.compare_check.setText(self.tr("&Compare with (B):"))
        self.moves_label.setText(self.tr("mark moves of more than"))
        self.moves_spin.setSuffix(self.tr(" places"))
        self.marked_only.setText(self.tr("only marked"))
        self.complete_box.setItemText(0, self.tr("All results"))
        self.complete_box.setItemText(1, self.tr("Complete only"))
        self.complete_box.setToolTip(self.tr("Show every proposal, or only those whose expected score sheets are "
                                             "all submitted"))
        self.search.setPlaceholderText(self.tr("Search number, title, agency\u2026"))
        self.xlsx_button.setText(self.tr("Export &Excel\u2026"))
        self.csv_button.setText(self.tr("Export ranking &CSV\u2026"))
        self.scores_button.setText(self.tr("Export raw &scores CSV\u2026"))
        self.method_box.setToolTip(self.tr(
            "How the judges' totals of a proposal are combined; the rubric's method is chosen at first."))
        self._label_stages()
        if self.group_box.count():
            self.group_box.setItemText(0, self.tr("All groups"))
        self.model.retranslate()
        self._size_columns()
        self._update_summary()
        self._show_details(self.selected_dossier())


def _is_english() -> bool:
    from oaoi_desktop.ui.language import current_language

    return current_language() == "en"


__all__ = ["Col", "RankingFilterProxy", "RankingModel", "RankingView", "method_label"]
