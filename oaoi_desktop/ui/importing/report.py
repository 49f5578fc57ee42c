"""The import report table: every dossier and every finding, in the interface language, sortable, with colour cues."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from oaoi_desktop.intake.findings import Finding, Severity
from oaoi_desktop.services.imports import ImportReport, ItemReport, Outcome
from oaoi_desktop.ui import language

_Index = QModelIndex | QPersistentModelIndex


class ReportColumn(enum.IntEnum):
    OUTCOME = 0
    NUMBER = 1
    TITLE = 2
    SEVERITY = 3
    MESSAGE = 4
    FILE = 5
    FIELD = 6
    SOURCE = 7


NOT_PROCESSED = "not_processed"
_OUTCOME_RANK = {Outcome.REJECTED.value: 0, Outcome.UPDATED.value: 1, Outcome.IMPORTED.value: 2,
                 Outcome.UNCHANGED.value: 3, NOT_PROCESSED: 4}
_OUTCOME_COLOURS = {
    Outcome.IMPORTED.value: QColor("#2e7d32"),
    Outcome.UPDATED.value: QColor("#1565c0"),
    Outcome.UNCHANGED.value: QColor("#8a8a8a"),
    Outcome.REJECTED.value: QColor("#c62828"),
    NOT_PROCESSED: QColor("#b0b0b0"),
}
_WARNING_COLOUR = QColor("#ef6c00")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, SORT_ROLE)``: the raw value for sorting (outcomes by severity)."""
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, OUTCOME_ROLE)``: ``imported``, ``unchanged``, ``updated``, ``rejected`` or ``not_processed``."""
DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""``data(index, DOSSIER_ID_ROLE)``: the imported dossier's id (str), or None."""

_icons: dict[str, QIcon] = {}


def _dot(colour: QColor) -> QIcon:
    key = colour.name()
    icon = _icons.get(key)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = _icons[key] = QIcon(pixmap)
    return icon


class _Row:
    __slots__ = ("item", "finding", "source", "outcome", "message", "file")

    def __init__(self, item: ItemReport | None, finding: Finding | None, source: str, outcome: str) -> None:
        self.item = item
        self.finding = finding
        self.source = source
        self.outcome = outcome
        self.message = ""
        self.file = ""


class ImportReportModel(QAbstractTableModel):
    """The import report: one row per finding, one row for a dossier without any.

    The rows are those of :meth:`ImportReport.rows` (and its CSV), with the
    messages rendered in the interface language again on every
    :meth:`retranslate`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: ImportReport | None = None
        self._rows: list[_Row] = []

    # -- content -------------------------------------------------------------------
    @property
    def report(self) -> ImportReport | None:
        return self._report

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        self._report = report
        self._rows = []
        if report is not None:
            for item in report.items:
                if not item.findings:
                    self._rows.append(_Row(item, None, item.source, item.outcome.value))
                for finding in item.findings:
                    self._rows.append(_Row(item, finding, item.source, item.outcome.value))
            for source in report.not_processed:
                self._rows.append(_Row(None, None, source, NOT_PROCESSED))
        self._render()
        self.endResetModel()

    def _render(self) -> None:
        lang = language.current_language()
        for row in self._rows:
            f = row.finding
            row.message = f.message(lang) if f is not None else ""
            row.file = (f.file + (f":{f.line}" if f.line else "")) if f is not None else ""

    def retranslate(self) -> None:
        self._render()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ReportColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(ReportColumn) - 1))

    def outcome_text(self, outcome: str) -> str:
        return {
            Outcome.IMPORTED.value: self.tr("Imported"),
            Outcome.UNCHANGED.value: self.tr("Unchanged"),
            Outcome.UPDATED.value: self.tr("Updated"),
            Outcome.REJECTED.value: self.tr("Rejected"),
            NOT_PROCESSED: self.tr("Not processed"),
        }.get(outcome, outcome)

    def severity_text(self, severity: Severity | None) -> str:
        if severity is None:
            return ""
        return self.tr("Error") if severity is Severity.ERROR else self.tr("Warning")

    # -- QAbstractItemModel ------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(ReportColumn)

    def _value(self, row: _Row, column: ReportColumn) -> str:
        item, f = row.item, row.finding
        if column == ReportColumn.OUTCOME:
            return self.outcome_text(row.outcome)
        if column == ReportColumn.NUMBER:
            return item.number if item else ""
        if column == ReportColumn.TITLE:
            return item.title if item else ""
        if column == ReportColumn.SEVERITY:
            return self.severity_text(f.severity if f else None)
        if column == ReportColumn.MESSAGE:
            if row.outcome == NOT_PROCESSED:
                return self.tr("The import was cancelled before this package.")
            return row.message
        if column == ReportColumn.FILE:
            return row.file or row.source  # a dossier without findings: where it came from
        if column == ReportColumn.FIELD:
            return f.field if f else ""
        return row.source

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = ReportColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (ReportColumn.MESSAGE, ReportColumn.TITLE, ReportColumn.SOURCE, ReportColumn.FILE):
                return self._value(row, column) or None
            return None
        if role == SORT_ROLE:
            severity = 0 if row.finding and row.finding.is_error else (1 if row.finding else 2)
            if column == ReportColumn.OUTCOME:  # rejected first; within an outcome, rows with problems first
                return _OUTCOME_RANK.get(row.outcome, 9) * 10 + severity
            if column == ReportColumn.SEVERITY:
                return severity
            return self._value(row, column).casefold()
        if role == OUTCOME_ROLE:
            return row.outcome
        if role == DOSSIER_ID_ROLE:
            return str(row.item.dossier_id) if row.item and row.item.dossier_id else None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == ReportColumn.OUTCOME:
                return _dot(_OUTCOME_COLOURS.get(row.outcome, QColor("#8a8a8a")))
            if column == ReportColumn.SEVERITY and row.finding is not None:
                return _dot(_OUTCOME_COLOURS[Outcome.REJECTED.value] if row.finding.is_error else _WARNING_COLOUR)
            return None
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(ReportColumn)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                ReportColumn.OUTCOME: self.tr("Outcome"),
                ReportColumn.NUMBER: self.tr("Number"),
                ReportColumn.TITLE: self.tr("Title"),
                ReportColumn.SEVERITY: self.tr("Severity"),
                ReportColumn.MESSAGE: self.tr("Problem"),
                ReportColumn.FILE: self.tr("File"),
                ReportColumn.FIELD: self.tr("Field"),
                ReportColumn.SOURCE: self.tr("Source"),
            }[ReportColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


__all__ = ["DOSSIER_ID_ROLE", "NOT_PROCESSED", "OUTCOME_ROLE", "SORT_ROLE", "ImportReportModel", "ReportColumn"]
