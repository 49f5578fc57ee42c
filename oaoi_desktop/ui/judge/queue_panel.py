"""The judge workspace's queue panel: the search, the status filter, the table of proposals.

:class:`QueuePanel` is the left side of
:class:`~oaoi_desktop.ui.judge.workspace.JudgeWorkspace`: it filters and sorts
the :class:`~oaoi_desktop.ui.judge.queue_model.QueueTableModel` it shows, sizes
its columns from the font, says when nothing is listed, and reports the row a
judge chose.  It never talks to the services: the workspace fills the model.

Its texts keep the translation context of the workspace (``JudgeWorkspace``),
where they were written first.
"""

from __future__ import annotations

import uuid
from fractions import Fraction

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.services.judging import QueueItem, QueueStatus
from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.judge.common import lang, total_text
from oaoi_desktop.ui.judge.queue_model import (
    QueueColumn,
    QueueFilterProxy,
    QueueTableModel,
    StatusFilter,
)
from oaoi_desktop.ui.widgets import em, make_body


class QueuePanel(QWidget):
    """The queue of the signed-in judge (see the module docstring).

    Signals:
        item_chosen(object): a row was clicked or activated (its
            :class:`~oaoi_desktop.services.judging.QueueItem`).
    """

    item_chosen = Signal(object)

    def __init__(self, rubric: Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        side = em(self, 0.5)
        q = QVBoxLayout(self)
        q.setContentsMargins(side, side, side // 2, side)
        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("queue_search")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        for choice in StatusFilter:
            self.status_filter.addItem("", choice.value)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        self.model = QueueTableModel(rubric, self)
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("queue_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Sorting through the header, but the default order (by number, as the services list
        # the queue) is the model's own: no comparisons while filtering as you type.
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(QueueColumn.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_chosen)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(em(self, 1.6))
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QueueColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, never ResizeToContents: that reads every row of a 2,000-row
        # queue again on each change.
        for column in (QueueColumn.KATEGORI, QueueColumn.AGENCY, QueueColumn.SCORED):
            self.table.setColumnHidden(column, True)
        self.table.setColumnHidden(QueueColumn.STAGE, len(rubric.stages) < 2)
        # numbers, states and totals read whole; titles elided at the end, whole on hover (issue 14)
        fit_table(self.table, whole=(QueueColumn.NUMBER, QueueColumn.STATUS, QueueColumn.SCORED, QueueColumn.TOTAL))
        self.empty_label = make_body(QLabel(self), muted=True)
        self.empty_label.setObjectName("queue_empty")
        self.empty_label.setVisible(False)
        q.addLayout(filters)
        q.addWidget(self.table, 1)
        q.addWidget(self.empty_label)

        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(lambda _t: self.show_empty())
        self.status_filter.currentIndexChanged.connect(self._status_filter_chosen)
        self.table.clicked.connect(self._row_chosen)
        self.table.activated.connect(self._row_chosen)

    # -- language -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """The texts, the model's headers and the column widths in the current language.

        The workspace calls it (the panel does not follow ``LanguageChange`` itself).
        """
        translate = QCoreApplication.translate
        self.search.setPlaceholderText(translate("JudgeWorkspace", "Search number, title, category\u2026 (Ctrl+F)"))
        self.search.setAccessibleName(translate("JudgeWorkspace", "Search the queue"))
        texts = {
            StatusFilter.ALL: translate("JudgeWorkspace", "All statuses"),
            StatusFilter.OPEN: translate("JudgeWorkspace", "Not submitted yet"),
            StatusFilter.NOT_STARTED: translate("JudgeWorkspace", "Not started"),
            StatusFilter.DRAFT: translate("JudgeWorkspace", "Draft"),
            StatusFilter.SUBMITTED: translate("JudgeWorkspace", "Submitted"),
        }
        for i in range(self.status_filter.count()):
            self.status_filter.setItemText(i, texts[StatusFilter(self.status_filter.itemData(i))])
        self.status_filter.setAccessibleName(translate("JudgeWorkspace", "Show proposals with status"))
        self.table.setAccessibleName(translate("JudgeWorkspace", "Proposals assigned to you"))
        self.model.retranslate()
        self.size_columns()

    def size_columns(self) -> None:
        """Column widths for the longest value each column can hold, in this font and language."""
        metrics = self.table.fontMetrics()
        pad = em(self, 1.2)
        model = self.model
        samples = {
            QueueColumn.NUMBER: ["KIPP-2026-000", *self._longest_numbers()],
            QueueColumn.STATUS: [s.label(lang()) + " \u2022" for s in QueueStatus if s != QueueStatus.LOCKED],
            QueueColumn.SCORED: ["00/00"],
            QueueColumn.TOTAL: [total_text(Fraction(100))],
            QueueColumn.STAGE: [st.name(lang()) for st in self.rubric.stages],
            QueueColumn.KATEGORI: ["Tata Kelola Pemerintahan"],
            QueueColumn.AGENCY: ["Pemerintah Kabupaten Deli Serdang"],
        }
        for column, texts in samples.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(t) for t in [*texts, title]) + pad
            self.table.setColumnWidth(column, width)

    def _longest_numbers(self) -> list[str]:
        numbers = sorted((it.number for it in self.model.items()), key=len, reverse=True)
        return numbers[:3]

    # -- filtering and sorting ----------------------------------------------------------------------
    def show_empty(self) -> None:
        """Say why no row is listed (nothing assigned, or nothing matches), or say nothing."""
        if self.model.rowCount() == 0:
            text = QCoreApplication.translate("JudgeWorkspace", "No proposals are assigned to you in this event.")
        elif self.proxy.rowCount() == 0:
            text = QCoreApplication.translate(
                "JudgeWorkspace", "No proposal matches the search or the status filter.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def _sort_chosen(self, column: int, order: Qt.SortOrder) -> None:
        if column == QueueColumn.NUMBER and order == Qt.SortOrder.AscendingOrder:
            self.proxy.sort(-1)  # the services' order
        else:
            self.proxy.sort(column, order)

    def _status_filter_chosen(self, index: int) -> None:
        self.proxy.set_status_filter(StatusFilter(self.status_filter.itemData(index)))
        self.show_empty()

    # -- rows ---------------------------------------------------------------------------------------
    def _row_chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.item_chosen.emit(self.model.item_at(self.proxy.mapToSource(index).row()))

    def select(self, key: tuple[uuid.UUID, str] | None) -> None:
        """Select and show the row of ``key`` (dossier id, stage id); None clears the selection."""
        if key is None:
            self.table.clearSelection()
            return
        row = self.model.row_of(key[0], key[1])
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, QueueColumn.NUMBER))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def item_beside(self, key: tuple[uuid.UUID, str] | None, step: int) -> QueueItem | None:
        """The item ``step`` rows after (+1) or before (-1) ``key`` as listed; None past either end.

        Without ``key`` (or when it is not listed) the first row going forward, the last going back.
        """
        rows = self.proxy.rowCount()
        if rows == 0:
            return None
        if key is None:
            target = 0 if step > 0 else rows - 1
        else:
            row = self.model.row_of(key[0], key[1])
            here = self.proxy.mapFromSource(self.model.index(row, 0)).row() if row >= 0 else -1
            target = here + step if here >= 0 else 0
        if not 0 <= target < rows:
            return None
        return self.model.item_at(self.proxy.mapToSource(self.proxy.index(target, 0)).row())


__all__ = ["QueuePanel"]
