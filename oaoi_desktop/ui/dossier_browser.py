"""The secretariat's dossier browser: an event, its dossiers, the reader.

Reached from the events overview (double-click an event) and from
Tampilan ▸ Proposal inovasi.  The left side lists the chosen event's
dossiers (:class:`DossiersTableModel`, filterable by number, title, agency
or category); choosing one shows it in the :class:`~oaoi_desktop.ui.reader.DossierReader`
on the right.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.reader import DossierReader, kelompok_text
from oaoi_desktop.ui.secretariat.desk import DossierRow, SecretariatDesk
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.widgets import em, make_title

_Index = QModelIndex | QPersistentModelIndex


def load_rows(db: Database, event_id: str | uuid.UUID, *, actor: Any) -> tuple[str, list[DossierRow]]:
    """The event's name and its dossiers, by number (read as ``actor``: the secretariat)."""
    return SecretariatDesk(db).dossier_rows(event_id, actor)


class DossierColumn(enum.IntEnum):
    NUMBER = 0
    TITLE = 1
    INSTANSI = 2
    KATEGORI = 3
    KELOMPOK = 4
    REVISION = 5
    ATTACHMENTS = 6


DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, DOSSIER_ID_ROLE)``: the dossier's id (str), any column."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, SORT_ROLE)``: the raw value (numbers as int)."""
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, FILTER_ROLE)``: the text the search box matches (number, title, agency, unit, category)."""

_NUMERIC = (DossierColumn.REVISION, DossierColumn.ATTACHMENTS)


class DossiersTableModel(QAbstractTableModel):
    """The dossiers of one event: number, title, agency, category, group, revision, attachments."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DossierRow] = []

    def set_rows(self, rows: list[DossierRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DossierRow:
        return self._rows[row]

    def row_of(self, dossier_id: str | uuid.UUID) -> int:
        for i, r in enumerate(self._rows):
            if str(r.id) == str(dossier_id):
                return i
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(DossierColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(DossierColumn) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(DossierColumn)

    def _raw(self, row: DossierRow, column: DossierColumn) -> Any:
        return {
            DossierColumn.NUMBER: row.number,
            DossierColumn.TITLE: row.title,
            DossierColumn.INSTANSI: row.instansi,
            DossierColumn.KATEGORI: row.kategori,
            DossierColumn.KELOMPOK: row.kelompok,
            DossierColumn.REVISION: row.revision,
            DossierColumn.ATTACHMENTS: row.attachments,
        }[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = DossierColumn(index.column())
        if role == DOSSIER_ID_ROLE:
            return str(row.id)
        if role == SORT_ROLE:
            value = self._raw(row, column)
            return value if isinstance(value, int) else str(value).casefold()
        if role == FILTER_ROLE:
            return " ".join((row.number, row.title, row.instansi, row.unit_kerja, row.kategori))
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._raw(row, column)
            if column == DossierColumn.KELOMPOK:
                return kelompok_text(value) if value else ""
            if isinstance(value, int):
                return QLocale().toString(value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column in (DossierColumn.TITLE, DossierColumn.INSTANSI):
            if column == DossierColumn.INSTANSI and row.unit_kerja:
                return f"{row.instansi}\n{row.unit_kerja}"
            return self._raw(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(DossierColumn)):
            return None
        column = DossierColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                DossierColumn.NUMBER: self.tr("Number"),
                DossierColumn.TITLE: self.tr("Title"),
                DossierColumn.INSTANSI: self.tr("Agency"),
                DossierColumn.KATEGORI: self.tr("Category"),
                DossierColumn.KELOMPOK: self.tr("Group"),
                DossierColumn.REVISION: self.tr("Rev."),
                DossierColumn.ATTACHMENTS: self.tr("Files"),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                DossierColumn.REVISION: self.tr("The current revision (a changed package imported again adds one)"),
                DossierColumn.ATTACHMENTS: self.tr("Attachments of the current revision"),
            }.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class DossierBrowserPage(QWidget):
    """Choose an event, then a dossier, and read it.

    Parts: :attr:`event_combo`, :attr:`search_edit`, :attr:`table` (over
    :attr:`proxy` over :attr:`model`), :attr:`reader`.

    Signals:
        dossier_shown(str): the id of the dossier now in the reader.
        dismissed(): the user went back to the events overview.
    """

    dossier_shown = Signal(str)
    dismissed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, settings: Settings | None = None,
                 actor: Callable[[], Any]) -> None:
        """``actor()``: the signed-in secretariat member now (:meth:`MainWindow.secretariat_actor`)."""
        super().__init__(parent)
        self._db = db
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id: str | None = None
        self._event_name = ""
        self._count = 0
        self.model = DossiersTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setObjectName("dossier_browser_page")
        self._build_ui(settings)
        self.retranslate_ui()

    def _build_ui(self, settings: Settings | None) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em(self, 1), em(self, 0.8), em(self, 1), em(self, 0.6))
        layout.setSpacing(em(self, 0.5))
        top = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("back_to_events")
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.clicked.connect(self.dismissed)
        self.title = make_title(QLabel(self))
        self.title.setObjectName("browser_title")
        self.title.setWordWrap(False)
        top.addWidget(self.back_button)
        top.addSpacing(em(self, 0.5))
        top.addWidget(self.title, 1)
        layout.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("browser_splitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.event_label = QLabel(left)
        self.event_combo = QComboBox(left)
        self.event_combo.setObjectName("browser_event")
        self.event_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_combo.setMinimumContentsLength(16)
        self.event_combo.activated.connect(lambda _i: self.set_event(self.event_combo.currentData()))
        self.event_label.setBuddy(self.event_combo)
        row.addWidget(self.event_label)
        row.addWidget(self.event_combo, 1)
        left_layout.addLayout(row)
        self.search_edit = QLineEdit(left)
        self.search_edit.setObjectName("browser_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        left_layout.addWidget(self.search_edit)
        self.table = QTableView(left)
        self.table.setObjectName("dossiers_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DossierColumn.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(em(self, 1.8))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DossierColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((DossierColumn.NUMBER, 8), (DossierColumn.INSTANSI, 10), (DossierColumn.KATEGORI, 8),
                              (DossierColumn.KELOMPOK, 6), (DossierColumn.REVISION, 3.5),
                              (DossierColumn.ATTACHMENTS, 4)):
            header.resizeSection(column, em(self, width))
        fit_table(self.table, whole=(DossierColumn.NUMBER, DossierColumn.REVISION, DossierColumn.ATTACHMENTS))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        left_layout.addWidget(self.table, 1)
        self.count_label = QLabel(left)
        self.count_label.setObjectName("browser_count")
        left_layout.addWidget(self.count_label)

        self.reader = DossierReader(self._db, self.splitter, settings=settings, actor=self._actor)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout.addWidget(self.splitter, 1)
        self._settings = settings
        state = settings.value(registry.DOSSIER_BROWSER_SPLITTER) if settings is not None else None
        if state is None or state.isEmpty() or not self.splitter.restoreState(state):
            self.splitter.setSizes([em(self, 24), em(self, 76)])
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._save_splitter())

    def _save_splitter(self) -> None:
        if self._settings is not None:
            self._settings.set_value(registry.DOSSIER_BROWSER_SPLITTER, self.splitter.saveState())

    # -- content -------------------------------------------------------------------------------
    def event_id(self) -> str | None:
        return self._event_id

    def load_events(self) -> None:
        """Fill the event chooser from the database."""
        listed = self._desk.events()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for event_id, name in listed:
            self.event_combo.addItem(name, event_id)
        self.event_combo.blockSignals(False)
        if self._event_id:
            self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(self._event_id)))

    def set_event(self, event_id: str | uuid.UUID | None) -> None:
        """Show the dossiers of ``event_id`` (None: the most recent event)."""
        self.load_events()
        if event_id is None and self.event_combo.count():
            event_id = self.event_combo.itemData(self.event_combo.count() - 1)
        new = str(event_id) if event_id else None
        changed = new != self._event_id
        self._event_id = new
        self.event_combo.setCurrentIndex(self.event_combo.findData(new) if new else -1)
        if changed:
            self.search_edit.clear()
            self.reader.clear()
        self.refresh()

    def refresh(self) -> None:
        """Read the event's dossiers again; keeps the dossier shown when it is still there."""
        shown = self.reader.view.dossier_id if self.reader.view is not None else None
        rows: list[DossierRow] = []
        name = ""
        try:
            actor = self._actor()
        except OaoiError:  # nobody may read them now (signed out, locked): show none, quietly
            actor = None
        if self._event_id and actor is not None:
            try:
                name, rows = self._desk.dossier_rows(self._event_id, actor)
            except OaoiError as exc:
                dialogs.error(self, self.tr("The proposals could not be read"), exc.render())
                self._event_id = None
        self._event_name = name
        self.model.set_rows(rows)
        self._count = len(rows)
        self.retranslate_ui()
        if shown is not None and self.model.row_of(shown) >= 0:
            self.select_dossier(shown, reload=True)
        elif shown is not None:
            self.reader.clear()

    def select_dossier(self, dossier_id: str | uuid.UUID, *, reload: bool = False) -> bool:
        """Select the dossier in the list and show it (False: not in this event)."""
        row = self.model.row_of(dossier_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: show every dossier again
            self.search_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        current = self.table.currentIndex()
        if current.isValid() and current.row() == index.row() and not reload:
            return True
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if reload:
            self.show_dossier(dossier_id)
        self.table.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_dossier(current.data(DOSSIER_ID_ROLE))

    def show_dossier(self, dossier_id: str | uuid.UUID) -> None:
        """Read the dossier's current revision and show it in the reader."""
        try:
            view = self._desk.dossier_view(dossier_id, language.current_language(), self._actor())
        except OaoiError as exc:
            dialogs.error(self, self.tr("The proposal could not be read"), exc.render())
            return
        self.reader.show_view(view)
        self.dossier_shown.emit(str(view.dossier_id))

    # -- language ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("Evaluation events"))
        self.back_button.setToolTip(self.tr("Back to the list of evaluation events"))
        self.title.setText(self._event_name or self.tr("Proposals"))
        self.event_label.setText(self.tr("&Event:"))
        self.search_edit.setPlaceholderText(self.tr("Search number, title, agency, category"))
        self.count_label.setText(self.tr("%n proposal(s)", "", self._count))
        self.model.retranslate()


__all__ = ["DOSSIER_ID_ROLE", "DossierBrowserPage", "DossierColumn", "DossierRow", "DossiersTableModel",
           "FILTER_ROLE", "SORT_ROLE", "load_rows"]
