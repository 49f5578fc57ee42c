"""The ranking table's Qt models: :class:`RankingModel` (the rows the ranking service computed,
with the comparison marks) and :class:`RankingFilterProxy` (group, search, marked and complete
filters; sorting).  The view that shows them is :mod:`oaoi_desktop.ui.results.ranking_view`."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.i18n import render
from oaoi_desktop.services.ranking import RankingTable, TableRow
from oaoi_desktop.ui.results.common import (
    CENTRE,
    FAIL_COLOUR,
    GROUP_ROLE,
    ID_ROLE,
    MARK_BRUSH,
    MARKED_ROLE,
    PASS_COLOUR,
    RIGHT,
    SORT_ROLE,
    num,
    sort_num,
)

_Index = QModelIndex | QPersistentModelIndex
METHODS = tuple(AggregationMethod)


class Col(enum.IntEnum):
    GROUP = 0
    RANK = 1
    RANK_B = 2
    MOVE = 3
    NUMBER = 4
    TITLE = 5
    INSTANSI = 6
    SCORE = 7
    SCORE_B = 8
    RESULT = 9
    MARK = 10
    TIE = 11
    ADJ_RANK = 12
    ADJ_SCORE = 13
    DECISIONS = 14
    JUDGES = 15
    COMPLETE = 16
    """Sheets submitted of expected (issue 14); shown beside the number."""


COMPARISON_COLUMNS = (Col.RANK_B, Col.SCORE_B, Col.MOVE, Col.MARK)


def method_label(_obj: QObject | None, method: AggregationMethod) -> str:
    """The method's name in the interface language."""
    return {
        AggregationMethod.MEAN: QCoreApplication.translate("RankingView", "Mean"),
        AggregationMethod.MEDIAN: QCoreApplication.translate("RankingView", "Median"),
        AggregationMethod.TRIMMED_MEAN: QCoreApplication.translate("RankingView", "Trimmed mean"),
        AggregationMethod.ZSCORE_MEAN: QCoreApplication.translate("RankingView", "Z-score mean"),
    }[method]


class RankingModel(QAbstractTableModel):
    """The rows of a :class:`RankingTable`; with a second method, the comparison marks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: RankingTable | None = None
        self.rows: list[TableRow] = []
        self.groups: list[str] = []
        self.max_moves = 0
        self._marks: list[tuple[bool, bool]] = []
        self.completeness: Any = None
        """The event's :class:`~oaoi_desktop.services.completeness.Completeness` (None: not known)."""

    # -- content ------------------------------------------------------------
    def set_table(self, table: RankingTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.rows = list(table.rows) if table is not None else []
        self.groups = [" / ".join(r.group) for r in self.rows]
        self._mark()
        self.endResetModel()

    def set_max_moves(self, n: int) -> None:
        self.max_moves = n
        self._mark()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(Col) - 1))

    def _mark(self) -> None:
        comparing = self.table is not None and self.table.method_b is not None
        out = []
        for r in self.rows:
            if not comparing:
                out.append((False, False))
                continue
            move = r.move()
            out.append((move is not None and abs(move) > self.max_moves, r.passed != r.passed_b))
        self._marks = out

    def set_completeness(self, state: Any) -> None:
        self.completeness = state
        if self.rows:
            self.dataChanged.emit(self.index(0, Col.COMPLETE), self.index(len(self.rows) - 1, Col.COMPLETE))

    def complete_of(self, row: int) -> Any:
        """The row's :class:`DossierCompleteness`, or None when not known."""
        return self.completeness.of(self.rows[row].dossier_id) if self.completeness is not None else None

    def complete_text(self, row: int) -> str:
        c = self.complete_of(row)
        if c is None:
            return ""
        text = (self.tr("complete %1/%2") if c.complete else self.tr("incomplete %1/%2"))
        return text.replace("%1", str(c.submitted)).replace("%2", str(c.expected))

    def marks(self, row: int) -> tuple[bool, bool]:
        """(moved, crossed) of a source row."""
        return self._marks[row]

    def marked_count(self) -> int:
        return sum(1 for m, c in self._marks if m or c)

    # -- Qt -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Col):
            return None
        b = method_label(self, self.table.method_b) if self.table and self.table.method_b else "B"
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == Col.RANK_B:
                return self.tr("Rank under %1").replace("%1", b)
            if section == Col.SCORE_B:
                return self.tr("Score under %1").replace("%1", b)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Col.GROUP: self.tr("Group"), Col.RANK: self.tr("Rank"), Col.NUMBER: self.tr("Number"),
            Col.TITLE: self.tr("Title"), Col.INSTANSI: self.tr("Agency"), Col.SCORE: self.tr("Score"),
            Col.JUDGES: self.tr("Judges' totals"), Col.RESULT: self.tr("Result"), Col.TIE: self.tr("Tie"),
            Col.ADJ_RANK: self.tr("Adjusted rank"), Col.ADJ_SCORE: self.tr("Adjusted score"),
            Col.DECISIONS: self.tr("Plenary decisions"),
            Col.RANK_B: self.tr("Rank B"), Col.SCORE_B: self.tr("Score B"),
            Col.MOVE: self.tr("Move"), Col.MARK: self.tr("Mark"), Col.COMPLETE: self.tr("Sheets"),
        }[Col(section)]

    def result_text(self, r: TableRow) -> str:
        if r.rank is None:
            return self.tr("no score")
        if r.knocked_out:
            return self.tr("Fails (knock-out: %1)").replace("%1", ", ".join(r.knocked_out))
        return self.tr("Passes") if r.passed else self.tr("Fails")

    def decision_text(self, r: TableRow) -> str:
        return " | ".join(f"{render('plenary.kind.' + k)}: {reason} ({by})" for k, reason, by in r.decisions)

    def mark_text(self, row: int) -> str:
        moved, crossed = self._marks[row]
        parts = []
        if moved:
            parts.append(self.tr("moves more than %n place(s)", "", self.max_moves))
        if crossed:
            parts.append(self.tr("crosses the pass mark"))
        return "; ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), r, col)
        if role == SORT_ROLE:
            return self._sort(index.row(), r, col)
        if role == ID_ROLE:
            return r.dossier_id
        if role == GROUP_ROLE:
            return self.groups[index.row()]
        if role == MARKED_ROLE:
            return any(self._marks[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Col.RANK, Col.SCORE, Col.ADJ_RANK, Col.ADJ_SCORE, Col.RANK_B, Col.SCORE_B, Col.MOVE):
                return RIGHT
            if col == Col.TIE:
                return CENTRE
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(MARK_BRUSH) if any(self._marks[index.row()]) else None
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.RESULT and r.rank is not None:
            return QBrush(PASS_COLOUR if r.passed else FAIL_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.COMPLETE:
            c = self.complete_of(index.row())
            return QBrush(FAIL_COLOUR) if c is not None and not c.complete else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.TIE and r.tied_for_chair:
                return self.tr("Still equal after the whole tie-break chain: the chair decides.")
            if col in (Col.TITLE, Col.JUDGES, Col.DECISIONS, Col.MARK):
                return self._display(index.row(), r, col) or None
            if col == Col.COMPLETE:
                c = self.complete_of(index.row())
                if c is not None and not c.complete:
                    return self.tr("%1 of %2 expected score sheets submitted: this result is not complete yet.") \
                        .replace("%1", str(c.submitted)).replace("%2", str(c.expected))
        return None

    def _display(self, row: int, r: TableRow, col: Col) -> str:
        if col == Col.GROUP:
            return self.groups[row]
        if col == Col.RANK:
            return "" if r.rank is None else str(r.rank)
        if col == Col.NUMBER:
            return r.number
        if col == Col.TITLE:
            return r.title
        if col == Col.INSTANSI:
            return r.instansi
        if col == Col.SCORE:
            return num(r.value)
        if col == Col.JUDGES:
            return "; ".join(f"{name} {num(v)}" for name, v in r.judge_totals)
        if col == Col.RESULT:
            return self.result_text(r)
        if col == Col.TIE:
            return self.tr("chair") if r.tied_for_chair else ""
        if col == Col.ADJ_RANK:
            return "" if r.adjusted_rank is None else str(r.adjusted_rank)
        if col == Col.ADJ_SCORE:
            return num(r.adjusted_value)
        if col == Col.DECISIONS:
            return self.decision_text(r)
        if col == Col.RANK_B:
            return "" if r.rank_b is None else str(r.rank_b)
        if col == Col.SCORE_B:
            return num(r.value_b) if self.table and self.table.method_b else ""
        if col == Col.MOVE:
            m = r.move()
            return "" if not m else f"{m:+d}"
        if col == Col.COMPLETE:
            return self.complete_text(row)
        return self.mark_text(row)

    def _sort(self, row: int, r: TableRow, col: Col) -> Any:
        if col == Col.RANK:
            return sort_num(r.rank) if r.rank is not None else float("inf")
        if col == Col.SCORE:
            return sort_num(r.value)
        if col == Col.ADJ_RANK:
            return sort_num(r.adjusted_rank) if r.adjusted_rank is not None else float("inf")
        if col == Col.ADJ_SCORE:
            return sort_num(r.adjusted_value)
        if col == Col.RANK_B:
            return sort_num(r.rank_b) if r.rank_b is not None else float("inf")
        if col == Col.SCORE_B:
            return sort_num(r.value_b)
        if col == Col.MOVE:
            return abs(r.move() or 0)
        if col == Col.MARK:
            return int(any(self._marks[row]))
        if col == Col.COMPLETE:
            c = self.complete_of(row)
            if c is None:
                return 100.0
            return (10.0 if c.complete else 0.0) + (c.submitted / c.expected if c.expected else 0.0)
        return self._display(row, r, col).casefold()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(Col) - 1))


class RankingFilterProxy(QSortFilterProxyModel):
    """Keeps the rows of one group (or all), matching the search text, optionally only marked ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group: str | None = None
        self._text = ""
        self._marked_only = False
        self._complete_only = False
        self.setSortRole(SORT_ROLE)

    def set_group(self, group: str | None) -> None:
        self.beginFilterChange()
        self._group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = " ".join(text.split()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_marked_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._marked_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_complete_only(self, on: bool) -> None:
        """Keep only the dossiers whose expected sheets are all submitted (issue 14)."""
        self.beginFilterChange()
        self._complete_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def marks_changed(self) -> None:
        """The source's marks changed (a new N): filter again."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, RankingModel) or source_row >= len(model.rows):
            return False
        if self._group is not None and model.groups[source_row] != self._group:
            return False
        if self._marked_only and not any(model.marks(source_row)):
            return False
        if self._complete_only:
            c = model.complete_of(source_row)
            if c is None or not c.complete:
                return False
        if self._text:
            r = model.rows[source_row]
            hay = f"{r.number} {r.title} {r.instansi} {model.groups[source_row]}".casefold()
            return all(word in hay for word in self._text.split())
        return True


__all__ = ["COMPARISON_COLUMNS", "METHODS", "Col", "RankingFilterProxy", "RankingModel", "method_label"]
