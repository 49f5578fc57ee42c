"""The overview of the evaluation events in the database, with their counts."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.widgets import em, make_body, make_title

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is shown (issue 14: start fast)
    from oaoi_desktop.services.status import EventSummary, StatusSummary

_Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    STATUS = 1
    RUBRIC = 2
    DOSSIERS = 3
    JUDGES = 4
    ASSIGNMENTS = 5
    SHEETS_SUBMITTED = 6


_NUMERIC = {
    Column.DOSSIERS: "dossiers",
    Column.JUDGES: "judges",
    Column.ASSIGNMENTS: "assignments",
    Column.SHEETS_SUBMITTED: "sheets_submitted",
}

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, EVENT_ID_ROLE)``: the event's UUID (any column)."""

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, SORT_ROLE)``: the raw value (numbers as int) for sorting."""


class EventsTableModel(QAbstractTableModel):
    """One row per evaluation event: name, status, rubric and counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: tuple[EventSummary, ...] = ()

    # -- content ---------------------------------------------------------
    def set_events(self, events: tuple[EventSummary, ...]) -> None:
        self.beginResetModel()
        self._events = tuple(events)
        self.endResetModel()

    def event_at(self, row: int) -> EventSummary:
        return self._events[row]

    def retranslate(self) -> None:
        """Tell views that headers and status texts changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._events:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._events) - 1, len(Column) - 1)
            )

    def status_text(self, status: str) -> str:
        texts = {"draft": self.tr("In progress"), "active": self.tr("Active"), "closed": self.tr("Closed"),
                 "finalised": self.tr("Finalised")}
        return texts.get(status, status)

    # -- QAbstractItemModel ------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._events)):
            return None
        event = self._events[index.row()]
        column = Column(index.column())
        if role == EVENT_ID_ROLE:
            return str(event.id)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == Column.NAME:
                return event.name
            if column == Column.STATUS:
                return self.status_text(event.status) if role == Qt.ItemDataRole.DisplayRole else event.status
            if column == Column.RUBRIC:
                return event.rubric_title
            value = int(getattr(event, _NUMERIC[column]))
            return QLocale().toString(value) if role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.NAME, Column.RUBRIC):
            return event.name if column == Column.NAME else event.rubric_title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(Column)):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.NAME: self.tr("Evaluation event"),
                Column.STATUS: self.tr("Status"),
                Column.RUBRIC: self.tr("Rubric"),
                Column.DOSSIERS: self.tr("Proposals"),
                Column.JUDGES: self.tr("Judges"),
                Column.ASSIGNMENTS: self.tr("Assignments"),
                Column.SHEETS_SUBMITTED: self.tr("Sheets submitted"),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                Column.NAME: None,
                Column.STATUS: None,
                Column.RUBRIC: self.tr("The rubric (Instrumen penilaian) the judges score against"),
                Column.DOSSIERS: self.tr("Innovation proposals imported into the event"),
                Column.JUDGES: self.tr("Judges and chair on the event's panel"),
                Column.ASSIGNMENTS: self.tr("Proposals assigned to judges, counted per judge and stage"),
                Column.SHEETS_SUBMITTED: self.tr("Score sheets the judges have submitted"),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class EventsOverviewPage(QWidget):
    """The page listing every evaluation event with its counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self.model = EventsTableModel(self)
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.setObjectName("events_overview_page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em(self, 2), em(self, 1.6), em(self, 2), em(self, 1.2))
        layout.setSpacing(em(self, 0.5))
        self.title = make_title(QLabel(self))
        self.title.setObjectName("events_title")
        self.subtitle = make_body(QLabel(self), muted=True)
        self.subtitle.setObjectName("events_subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(em(self, 0.6))

        self.table = QTableView(self)
        self.table.setObjectName("events_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(em(self, 2))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(em(self, 3))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        fit_table(self.table, whole=[c for c in Column if c != Column.NAME])
        layout.addWidget(self.table, 1)

    def set_summary(self, summary: StatusSummary) -> None:
        self._count = len(summary.events)
        self.model.set_events(summary.events)
        self.retranslate_ui()

    def fit_columns(self) -> None:
        """Size every column but the name to its content, with some air."""
        header = self.table.horizontalHeader()
        padding = em(self, 1.2)
        for column in Column:
            if column == Column.NAME:
                continue
            width = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, width + padding)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Evaluation events"))
        self.subtitle.setText(
            self.tr(
                "%n evaluation event(s) in this database, with the proposals imported, the "
                "judges registered and the score sheets submitted so far.",
                "",
                self._count,
            )
        )
        self.model.retranslate()
        self.fit_columns()


__all__ = ["Column", "EVENT_ID_ROLE", "EventsOverviewPage", "EventsTableModel", "SORT_ROLE"]
