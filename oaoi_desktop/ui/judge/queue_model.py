"""The judge's queue as a Qt item model, and the proxy that filters it as you type.

:class:`QueueTableModel` holds the :class:`~oaoi_desktop.services.judging.QueueItem`
list the services return (one row per dossier and stage); no widget per row.
:class:`QueueFilterProxy` keeps the rows whose item
:meth:`~oaoi_desktop.services.judging.QueueItem.matches` the search text and
whose status passes the status filter, and sorts on :data:`SORT_ROLE`.
"""

from __future__ import annotations

import dataclasses
import enum
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from oaoi_desktop import i18n
from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.services.judging import QueueItem, QueueProgress, QueueStatus, SheetState
from oaoi_desktop.ui.judge.common import lang, total_text

_Index = QModelIndex | QPersistentModelIndex


class QueueColumn(enum.IntEnum):
    NUMBER = 0
    TITLE = 1
    STAGE = 2
    KATEGORI = 3
    AGENCY = 4
    STATUS = 5
    SCORED = 6
    TOTAL = 7


ITEM_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, ITEM_ROLE)``: the row's :class:`QueueItem` (any column)."""
DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, DOSSIER_ID_ROLE)``: the dossier's id as a string (any column)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, SORT_ROLE)``: a number or plain string to sort on."""
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
"""``data(index, STATUS_ROLE)``: the status value ("draft", ...) (any column)."""

_COLUMNS = len(QueueColumn)
_NUMBER, _TITLE, _STAGE, _KATEGORI, _AGENCY, _STATUS, _SCORED, _TOTAL = (int(c) for c in QueueColumn)
_DISPLAY = Qt.ItemDataRole.DisplayRole

_STATUS_ORDER = {QueueStatus.NOT_STARTED: 0, QueueStatus.DRAFT: 1, QueueStatus.SUBMITTED: 2, QueueStatus.LOCKED: 3}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class QueueTableModel(QAbstractTableModel):
    """One row per dossier (and stage) in the judge's queue."""

    def __init__(self, rubric: Rubric | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rubric = rubric
        self._items: list[QueueItem] = []
        self._rows: dict[tuple[uuid.UUID, str], int] = {}
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)

    # -- content -----------------------------------------------------------
    def set_items(self, items: Iterable[QueueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._rows = {(it.dossier_id, it.stage_id): i for i, it in enumerate(self._items)}
        self.endResetModel()

    def items(self) -> Sequence[QueueItem]:
        return tuple(self._items)

    def item_at(self, row: int) -> QueueItem:
        return self._items[row]

    def row_of(self, dossier_id: uuid.UUID, stage_id: str | None = None) -> int:
        """The row of a dossier (its first stage when ``stage_id`` is None); -1 if absent."""
        if stage_id is not None:
            return self._rows.get((dossier_id, stage_id), -1)
        return next((i for i, it in enumerate(self._items) if it.dossier_id == dossier_id), -1)

    def apply_state(self, state: SheetState) -> None:
        """Show a score sheet's new state in its row (status, scored, total)."""
        row = self._rows.get((state.dossier_id, state.stage_id), -1)
        if row < 0:
            return
        old = self._items[row]
        self._items[row] = dataclasses.replace(
            old, status=state.status, scored=len(state.values),
            total=state.total if state.values else None, version=state.version,
            updated_at=state.updated_at, changed_since_scored=state.changed_since_scored,
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMNS - 1))

    def progress(self) -> QueueProgress:
        """(submitted, total) for "12 dari 40 terkirim"."""
        return QueueProgress(sum(1 for it in self._items if it.status.is_final), len(self._items))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(QueueColumn) - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(QueueColumn) - 1))

    # -- texts ---------------------------------------------------------------
    def _stage_name(self, stage_id: str) -> str:
        if self._rubric is None:
            return stage_id
        try:
            return self._rubric.stage(stage_id).name(lang())
        except KeyError:
            return stage_id

    def _stage_order(self, stage_id: str) -> int:
        if self._rubric is None:
            return 0
        ids = [s.id for s in self._rubric.stages]
        return ids.index(stage_id) if stage_id in ids else len(ids)

    @staticmethod
    def _agency(item: QueueItem) -> str:
        return " / ".join(v for v in (item.instansi, item.unit_kerja) if v)

    def _tooltip(self, item: QueueItem) -> str:
        lines = [f"{item.number} \u2014 {item.title}"]
        details = " \u00b7 ".join(v for v in (item.kategori, item.kelompok, self._agency(item)) if v)
        if details:
            lines.append(details)
        lines.append(item.status.label(lang()))
        if item.changed_since_scored:
            lines.append(self.tr("The proposal was updated after you scored it."))
        return "\n".join(lines)

    # -- QAbstractItemModel ----------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else _COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role: plain int comparisons, no enum construction.
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._items):
            return None
        item = self._items[row]
        if role == _DISPLAY:
            if column == _NUMBER:
                return item.number
            if column == _TITLE:
                if getattr(item, "calibration", False):  # issue 17: listed first, marked
                    return f"[{i18n.render('calib.mark', lang())}] {item.title}"
                return item.title
            if column == _STATUS:
                shown = QueueStatus.SUBMITTED if item.status == QueueStatus.LOCKED else item.status
                text = shown.label(lang())  # "locked" is in the tooltip: the column stays narrow
                return f"{text} \u2022" if item.changed_since_scored else text
            if column == _TOTAL:
                return total_text(item.total) if item.total is not None else ""
            if column == _SCORED:
                return f"{item.scored}/{item.criteria}"
            if column == _KATEGORI:
                return item.kategori
            if column == _AGENCY:
                return self._agency(item)
            return self._stage_name(item.stage_id)
        if role == ITEM_ROLE:
            return item
        if role == DOSSIER_ID_ROLE:
            return str(item.dossier_id)
        if role == STATUS_ROLE:
            return item.status.value
        if role == SORT_ROLE:
            if column == _NUMBER:
                return row  # the services list the queue in natural number order
            if column == _STAGE:
                return self._stage_order(item.stage_id)
            if column == _STATUS:
                return _STATUS_ORDER[item.status]
            if column == _SCORED:
                return item.scored
            if column == _TOTAL:
                return float(item.total) if item.total is not None else -1.0
            return str(self.data(index, _DISPLAY)).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (_SCORED, _TOTAL) else _LEFT
        if role == Qt.ItemDataRole.FontRole and column == _STATUS and item.status == QueueStatus.DRAFT:
            return self._bold
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(QueueColumn)):
            return None
        column = QueueColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                QueueColumn.NUMBER: self.tr("No."),
                QueueColumn.TITLE: self.tr("Innovation"),
                QueueColumn.STAGE: self.tr("Stage"),
                QueueColumn.KATEGORI: self.tr("Category"),
                QueueColumn.AGENCY: self.tr("Agency"),
                QueueColumn.STATUS: self.tr("Status"),
                QueueColumn.SCORED: self.tr("Scored"),
                QueueColumn.TOTAL: self.tr("Total"),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                QueueColumn.NUMBER: self.tr("Proposal number"),
                QueueColumn.SCORED: self.tr("Criteria scored so far"),
                QueueColumn.TOTAL: self.tr("Weighted total so far (0\u2013100)"),
            }.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (QueueColumn.SCORED, QueueColumn.TOTAL) else _LEFT
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class StatusFilter(str, enum.Enum):
    """The choices of the queue's status filter."""

    ALL = "all"
    OPEN = "open"
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"

    @property
    def statuses(self) -> frozenset[QueueStatus] | None:
        return {
            StatusFilter.ALL: None,
            StatusFilter.OPEN: frozenset({QueueStatus.NOT_STARTED, QueueStatus.DRAFT}),
            StatusFilter.NOT_STARTED: frozenset({QueueStatus.NOT_STARTED}),
            StatusFilter.DRAFT: frozenset({QueueStatus.DRAFT}),
            StatusFilter.SUBMITTED: frozenset({QueueStatus.SUBMITTED, QueueStatus.LOCKED}),
        }[self]


class QueueFilterProxy(QSortFilterProxyModel):
    """Filters the queue by search text (:meth:`QueueItem.matches`) and status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._statuses: frozenset[QueueStatus] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        if text == self._search:
            return
        self.beginFilterChange()
        self._search = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status_filter(self, choice: StatusFilter) -> None:
        statuses = choice.statuses
        if statuses == self._statuses:
            return
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 - Qt naming
        model = self.sourceModel()
        if not isinstance(model, QueueTableModel):
            return True
        item = model.item_at(source_row)
        if self._statuses is not None and item.status not in self._statuses:
            return False
        return item.matches(self._search)


__all__ = [
    "DOSSIER_ID_ROLE",
    "ITEM_ROLE",
    "SORT_ROLE",
    "STATUS_ROLE",
    "QueueColumn",
    "QueueFilterProxy",
    "QueueTableModel",
    "StatusFilter",
]
