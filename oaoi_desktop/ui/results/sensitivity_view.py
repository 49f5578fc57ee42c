"""The console's "Sensitivity" tab: which passes and top-N places depend on a single judge.

It shows :func:`oaoi_desktop.services.sensitivity.leave_one_judge_out` for the
chosen stage (or the combined result) and top N (0: the rule the stage was
closed with, if any): every proposal with its raw rank and score, a marker
"bergantung pada 1 penilai" on the rows whose passing or advancing changes
when one judge is left out, and, for the selected proposal, what leaving out
each judge does to it.  It is computed when the tab is first shown and when
the user asks again (the work is five or so rankings): events of
:data:`INLINE_BELOW` dossiers or more off the GUI thread, in a
:class:`~oaoi_desktop.ui.jobs.NewestJob` (2.5 s at 5,000 dossiers), as the ranking view does.
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import render
from oaoi_desktop.services import sensitivity
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.jobs import NewestJob
from oaoi_desktop.ui.results.common import MARK_BRUSH, as_uuid, num
from oaoi_desktop.ui.results.desk import ResultsDesk

INLINE_BELOW = 1000
"""Events with fewer dossiers are computed on the GUI thread; larger ones in a worker."""

COLUMNS = ("marker", "group", "rank", "number", "title", "score", "passed", "advanced", "move", "depends")


class SensitivityView(QWidget):
    """Leave-one-judge-out sensitivity of one event.

    Signals:
        computed(int): a report is shown (the number of proposals that depend on one judge).
    """

    computed = Signal(int)

    def __init__(self, db: Database, event_id: uuid.UUID | str | None, *, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = ResultsDesk(db)
        self.actor = actor
        self.event_id = as_uuid(event_id) if event_id else None
        self.report: sensitivity.SensitivityReport | None = None
        self._size = 0
        self._jobs = NewestJob(self.compute, name="oaoi-sensitivity", parent=self)
        self._jobs.finished.connect(self._job_done)
        self._jobs.failed.connect(self._job_failed)
        self.setObjectName("results_sensitivity_view")
        self.stage_label = QLabel(self)
        self.stage_box = QComboBox(self)
        self.stage_box.setObjectName("sensitivity_stage")
        self.stage_label.setBuddy(self.stage_box)
        self.top_label = QLabel(self)
        self.top_spin = QSpinBox(self)
        self.top_spin.setObjectName("sensitivity_top")
        self.top_spin.setRange(0, 999)
        self.top_label.setBuddy(self.top_spin)
        self.only_dependent = QCheckBox(self)
        self.only_dependent.setObjectName("sensitivity_only_dependent")
        self.compute_button = QPushButton(self)
        self.compute_button.setObjectName("sensitivity_compute")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("sensitivity_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.details = QTextBrowser(self)
        self.details.setObjectName("sensitivity_details")
        self.summary = QLabel(self)
        self.summary.setObjectName("sensitivity_summary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.stage_label, self.stage_box, self.top_label, self.top_spin, self.only_dependent):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.compute_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        self.compute_button.clicked.connect(lambda _c=False: self.compute())
        self.only_dependent.toggled.connect(lambda _on: self._fill())
        self.table.itemSelectionChanged.connect(self._show_details)
        self.retranslate_ui()
        self._fill_stages()

    # -- event and stages -----------------------------------------------------------------
    def set_event(self, event_id: uuid.UUID | str | None) -> None:
        self.event_id = as_uuid(event_id) if event_id else None
        self.report = None
        self._jobs.supersede()  # a report of the previous event still being computed is not shown
        self._fill_stages()
        self._fill()

    def _fill_stages(self) -> None:
        self.stage_box.clear()
        self.stage_box.addItem(self.tr("Combined result"), "")
        self._size = 0
        if self.event_id is None:
            return
        try:
            rubric, self._size = self.desk.rubric_and_count(self.event_id)
        except OaoiError:
            rubric = None
        for st in rubric.stages if rubric is not None else ():
            self.stage_box.addItem(st.name(language.current_language()), st.id)

    def stage_id(self) -> str | None:
        return self.stage_box.currentData() or None

    # -- computing --------------------------------------------------------------------------
    def compute(self) -> sensitivity.SensitivityReport | None:
        """Compute with the chosen stage and top N and show the report.

        Small events are computed here and the report is returned; larger ones
        (:data:`INLINE_BELOW` dossiers or more) in a worker thread: this returns
        None, :attr:`busy` is true until ``computed`` is emitted.  A request made
        while a worker runs is computed after it with the newest choices.
        """
        if self.event_id is None:
            return None
        params = {"stage_id": self.stage_id(), "top_n": self.top_spin.value() or None}
        if self._size < INLINE_BELOW:
            self._jobs.supersede()  # a report still computed in a worker is older than this one
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                report = self.desk.leave_one_judge_out(self.event_id, self.actor, **params)
            except OaoiError as exc:
                dialogs.error(self, self.tr("The sensitivity could not be computed"), exc.render())
                return None
            finally:
                QGuiApplication.restoreOverrideCursor()
            self._apply(report)
            return report
        desk, event_id, actor = self.desk, self.event_id, self.actor
        if self._jobs.request(lambda _progress, _cancel: desk.leave_one_judge_out(event_id, actor, **params)):
            self.summary.setText(self.tr("Computing the sensitivity\u2026"))
        return None  # while a report is computed, the newest choices are computed when it ends

    @property
    def busy(self) -> bool:
        """A report is being computed in a worker thread."""
        return self._jobs.busy

    def _job_done(self, result: object) -> None:
        if isinstance(result, sensitivity.SensitivityReport):
            self._apply(result)

    def _job_failed(self, message: str) -> None:
        self._fill()
        dialogs.error(self, self.tr("The sensitivity could not be computed"), message)

    def _apply(self, report: sensitivity.SensitivityReport) -> None:
        self.report = report
        self._fill()
        self.computed.emit(len(report.dependent))

    def refresh(self) -> None:
        """The console's F5: compute again if a report is shown."""
        if self.report is not None:
            self.compute()

    def ensure_computed(self) -> None:
        if self.report is None and not self._jobs.current:
            self.compute()

    # -- showing ---------------------------------------------------------------------------
    def shown_rows(self) -> list[sensitivity.DossierSensitivity]:
        if self.report is None:
            return []
        rows = self.report.rows
        return [r for r in rows if r.depends_on_one_judge] if self.only_dependent.isChecked() else list(rows)

    def _fill(self) -> None:
        rows = self.shown_rows()
        report = self.report
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(rows))
        marker = render("projector.sens.marker")
        for i, r in enumerate(rows):
            texts = {
                "marker": marker if r.depends_on_one_judge else "",
                "group": " / ".join(r.group), "rank": str(r.rank or "-"), "number": r.number, "title": r.title,
                "score": num(r.value), "passed": self.tr("Passes") if r.passed else self.tr("Fails"),
                "advanced": "" if r.advanced is None else (self.tr("yes") if r.advanced else self.tr("no")),
                "move": str(r.max_move or ""), "depends": self._depends(r),
            }
            for c, key in enumerate(COLUMNS):
                item = QTableWidgetItem(texts[key])
                item.setData(Qt.ItemDataRole.UserRole, r.dossier_id)
                if r.depends_on_one_judge:
                    item.setBackground(QBrush(MARK_BRUSH))
                self.table.setItem(i, c, item)
        self.table.blockSignals(False)
        self.table.setColumnHidden(COLUMNS.index("advanced"), report is None or report.top_n is None)
        self.table.resizeColumnsToContents()
        self._show_details()
        if report is None:
            self.summary.setText(self.tr("Not computed yet."))
            return
        text = self.tr("%1 proposals; %2 depend on a single judge (pass mark %3).").replace(
            "%1", str(len(report.rows))).replace("%2", str(len(report.dependent))).replace(
            "%3", num(report.pass_mark))
        if report.top_n is not None:
            text += " " + self.tr("Top %1 of each group advance.").replace("%1", str(report.top_n))
        self.summary.setText(text)

    def _depends(self, r: sensitivity.DossierSensitivity) -> str:
        parts = []
        for name in dict.fromkeys(list(r.pass_depends_on) + list(r.advance_depends_on)):
            why = []
            if name in r.pass_depends_on:
                why.append(self.tr("pass mark"))
            if name in r.advance_depends_on:
                why.append(self.tr("top %1").replace("%1", str(self.report.top_n if self.report else "")))
            parts.append(f"{name} ({', '.join(why)})")
        return "; ".join(parts)

    def row_texts(self, key: str) -> list[str]:
        c = COLUMNS.index(key)
        return [self.table.item(i, c).text() for i in range(self.table.rowCount())]

    def select_dossier(self, number: str) -> bool:
        for i in range(self.table.rowCount()):
            if self.table.item(i, COLUMNS.index("number")).text() == number:
                self.table.selectRow(i)
                return True
        return False

    def _show_details(self) -> None:
        items = self.table.selectedItems()
        if not items or self.report is None:
            self.details.setHtml("<p><i>" + html.escape(self.tr(
                "Select a proposal to see what leaving out each judge does to it.")) + "</i></p>")
            return
        row = self.report.row(items[0].data(Qt.ItemDataRole.UserRole))
        e = html.escape
        parts = [f"<h3>{e(row.number)} \u2014 {e(row.title)}</h3>",
                 "<p>" + e(self.tr("Rank %1, score %2").replace("%1", str(row.rank or "-"))
                           .replace("%2", num(row.value))) + "</p>"]
        if not row.effects:
            parts.append("<p>" + e(self.tr("Leaving out any one judge changes nothing for this proposal.")) + "</p>")
        else:
            parts.append("<ul>" + "".join(
                "<li>" + e(self.tr("Without %1: rank %2, score %3, %4").replace("%1", x.judge_name)
                           .replace("%2", str(x.rank or "-")).replace("%3", num(x.value))
                           .replace("%4", self.tr("passes") if x.passed else self.tr("fails")))
                + "</li>" for x in row.effects) + "</ul>")
        self.details.setHtml("".join(parts))

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sensitivity"))
        self.stage_label.setText(self.tr("&Stage:"))
        self.top_label.setText(self.tr("&Top N advancing:"))
        self.top_spin.setSpecialValueText(self.tr("stage rule"))
        self.top_spin.setToolTip(self.tr("0: the rule the stage was closed with; without one, only the pass mark"))
        self.only_dependent.setText(self.tr("only those that depend on one judge"))
        self.compute_button.setText(self.tr("&Compute"))
        self.table.setHorizontalHeaderLabels([
            "", self.tr("Group"), self.tr("Rank"), self.tr("Number"), self.tr("Title"), self.tr("Score"),
            self.tr("Result"), self.tr("Advances"), self.tr("Max. move"), self.tr("Depends on")])
        if self.stage_box.count():
            self.stage_box.setItemText(0, self.tr("Combined result"))
        self._fill()


__all__ = ["SensitivityView"]
