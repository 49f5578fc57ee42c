"""The audit log view: who did what, when, and what changed (before → after).

:class:`AuditLogModel` fetches the event's chain a page at a time
(``canFetchMore`` / ``fetchMore``, keyset on ``seq`` through
:mod:`oaoi_desktop.services.audit_query`), so a log of 100,000 entries opens
as fast as one of 100: the view asks for more rows only as it scrolls.
Filters (actor, action, entity type, dossier number, date range, free text)
run in the database.  The details pane shows the selected entry's change as
readable lines (``field: old → new``).

It speaks to people (issue 14): actions by their catalogue label ("Nilai
dicatat"; the action id stays in :data:`ACTION_ROLE` and the tooltip), dossier
numbers and judges' names instead of id fragments (``audit_query.entity_names``,
when a secretariat ``actor`` is known), the venue's local time, and
"Ekspor…" writes the filtered log as CSV or XLSX (``audit_query.export_audit``).
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QPushButton,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError, PermissionDeniedError
from oaoi_desktop.services import audit_query
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_query import AuditFilter, AuditRow
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.results.common import ID_ROLE, as_uuid
from oaoi_desktop.ui.results.desk import ResultsDesk
from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.widgets import em

_Index = QModelIndex | QPersistentModelIndex
PAGE = 200
COLUMNS = 6  # seq, when, who, action, entity, change
ACTION_ROLE = Qt.ItemDataRole.UserRole + 41
"""The entry's action id ("score.recorded") while the cell shows its label."""


class AuditLogModel(QAbstractTableModel):
    """The entries of one event's audit chain, newest first, fetched in pages of :data:`PAGE`."""

    def __init__(self, db: Database, event_id: uuid.UUID, parent: QObject | None = None, *,
                 actor: Actor) -> None:
        super().__init__(parent)
        self.desk = ResultsDesk(db)
        self.event_id = event_id
        self.actor = actor
        self.filter = AuditFilter()
        self.rows: list[AuditRow] = []
        self.names: dict[str, str] = {}
        """ids (text) -> dossier numbers and people's names, for the rows fetched so far."""
        self.total = 0
        self._exhausted = True

    def set_filter(self, flt: AuditFilter) -> None:
        total = self.desk.audit_count(self.event_id, flt, self.actor)
        self._exhausted = True  # nothing is fetched while the reset is in flight
        self.beginResetModel()
        self.filter = flt
        self.rows = []
        self.total = total
        self.endResetModel()
        self._exhausted = total == 0
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_filter(self.filter)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        below = self.rows[-1].seq if self.rows else None
        batch, names = self.desk.audit_page(self.event_id, self.filter, below_seq=below, limit=PAGE, actor=self.actor)
        self.names.update(names)
        if len(batch) < PAGE:
            self._exhausted = True
        if not batch:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self.rows.extend(batch)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < COLUMNS:
            return None
        return (self.tr("No."), self.tr("When (%1)").replace("%1", audit_query.local_zone()), self.tr("Who"),
                self.tr("Action"), self.tr("Entity"), self.tr("Before \u2192 after"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < COLUMNS:
            return None
        r = self.rows[index.row()]
        if role == ID_ROLE:
            return r.seq
        if role == ACTION_ROLE:
            return r.action
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return str(r.seq)
            if col == 1:
                local = audit_query.local_time(r.at)
                return local.strftime("%Y-%m-%d %H:%M:%S") if local else ""
            if col == 2:
                return r.actor
            if col == 3:
                return audit_query.action_label(r.action)
            if col == 4:
                return audit_query.entity_text(r, self.names)
            return change_summary(r, names=self.names)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 5:
                return "\n".join(diff_lines(r, self.names)) or None
            if index.column() == 3:
                return r.action
            if index.column() == 4:
                return audit_query.entity_text(r, self.names)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)


def diff_lines(r: AuditRow, names: dict[str, str] | None = None) -> list[str]:
    """``field: old → new`` lines; ids read as dossier numbers and names when ``names`` has them."""
    return audit_query.readable_changes(r, names or {})


def change_summary(r: AuditRow, limit: int = 3, *, names: dict[str, str] | None = None) -> str:
    lines = diff_lines(r, names)
    text = "; ".join(lines[:limit])
    if len(lines) > limit:
        text += f"; \u2026 (+{len(lines) - limit})"
    return text[:300]


class AuditLogView(QWidget):
    """The audit log of one event with filters and a readable before → after.

    Signals:
        filter_applied(int): the filters changed; the number of matching entries.
    """

    filter_applied = Signal(int)

    def __init__(self, db: Database, event_id: uuid.UUID | str, parent: QWidget | None = None, *,
                 actor: Actor | None = None) -> None:
        """``actor``: the signed-in secretariat member (None: the main window's); the services check it."""
        super().__init__(parent)
        self.desk = ResultsDesk(db)
        self.event_id = as_uuid(event_id)
        self.actor = actor if actor is not None else _window_actor(parent)
        self.setObjectName("results_audit_view")
        self.model = AuditLogModel(db, self.event_id, self, actor=self.actor)
        self._build()
        self.retranslate_ui()
        self.refresh()

    def _build(self) -> None:
        self.actor_box = QComboBox(self)
        self.actor_box.setObjectName("audit_actor")
        self.action_box = QComboBox(self)
        self.action_box.setObjectName("audit_action")
        self.entity_box = QComboBox(self)
        self.entity_box.setObjectName("audit_entity")
        for box in (self.actor_box, self.action_box, self.entity_box):
            # as wide as a short entry, not the longest one (a judge's full name, an action's label):
            # the filter row must fit 1280 px; the open list still shows every text whole (issue 14)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
            box.view().setMinimumWidth(em(self, 24))
        self.since = QDateEdit(self)
        self.since.setObjectName("audit_since")
        self.until = QDateEdit(self)
        self.until.setObjectName("audit_until")
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setMinimumDate(QDate(2000, 1, 1))
            d.setDate(d.minimumDate())
        self.search = QLineEdit(self)
        self.search.setObjectName("audit_search")
        self.search.setClearButtonEnabled(True)
        self.dossier = QLineEdit(self)
        self.dossier.setObjectName("audit_dossier")
        self.dossier.setClearButtonEnabled(True)
        self.dossier.setMaximumWidth(em(self, 12))
        self.dossier_label = QLabel(self)
        self.dossier_label.setBuddy(self.dossier)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("audit_export")
        self.export_button.clicked.connect(lambda _checked=False: self.choose_export())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("audit_count")
        self.labels = [QLabel(self) for _ in range(5)]
        self.view = QTableView(self)
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(em(self, 1.7))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, w in enumerate((4, 11, 14, 14, 12)):
            header.resizeSection(i, em(self, w))
        fit_table(self.view, whole=(0,))  # the entry's number whole, texts elided at the end (issue 14)
        self.details = QTextBrowser(self)
        self.details.setObjectName("audit_details")

        filters = QHBoxLayout()
        for label, w in zip(self.labels, (self.actor_box, self.action_box, self.entity_box, self.since, self.until),
                            strict=True):
            label.setBuddy(w)
            filters.addWidget(label)
            filters.addWidget(w)
        filters.addWidget(self.dossier_label)
        filters.addWidget(self.dossier)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)

        for box in (self.actor_box, self.action_box, self.entity_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for d in (self.since, self.until):
            d.dateChanged.connect(lambda _d: self.apply_filter())
        self.search.returnPressed.connect(self.apply_filter)
        self.dossier.returnPressed.connect(self.apply_filter)
        self.dossier.textChanged.connect(lambda text: self.apply_filter() if not text else None)
        self.search.textChanged.connect(lambda text: self.apply_filter() if not text else None)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_details())

    # -- behaviour ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the filter choices and the entries again."""
        try:
            actors, actions, entities = self.desk.audit_choices(self.event_id, self.actor)
        except OaoiError as exc:
            dialogs.error(self, self.tr("The audit log could not be read"), exc.render())
            return
        for box, values in ((self.actor_box, actors), (self.action_box, actions), (self.entity_box, entities)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(all)"), "")
            for v in values:
                box.addItem(audit_query.action_label(v) if box is self.action_box else v, v)
            box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
            box.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> dt.date | None:
            if edit.date() == edit.minimumDate():
                return None
            q = edit.date()
            return dt.date(q.year(), q.month(), q.day())

        return AuditFilter(actor=self.actor_box.currentData() or "", action=self.action_box.currentData() or "",
                           entity_type=self.entity_box.currentData() or "", since=day(self.since),
                           until=day(self.until), text=self.search.text(), dossier=self.dossier.text().strip())

    def apply_filter(self) -> int:
        try:
            self.model.set_filter(self.current_filter())
        except OaoiError as exc:
            dialogs.error(self, self.tr("The audit log could not be read"), exc.render())
            return 0
        self._update_count()
        self._show_details()
        self.filter_applied.emit(self.model.total)
        return self.model.total

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 entries match; newest first.").replace("%1", str(self.model.total)))

    def _show_details(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.details.setHtml("<p><i>" + html.escape(self.tr("Select an entry to see what changed.")) + "</i></p>")
            return
        r = self.model.rows[rows[0].row()]
        e = html.escape
        names = self.model.names
        lines = diff_lines(r, names)
        head = e(self.tr("%1 by %2 at %3").replace("%1", audit_query.action_label(r.action)).replace("%2", r.actor)
                 .replace("%3", audit_query.local_time_text(r.at) or "-"))
        body = "".join(f"<li><code>{e(x)}</code></li>" for x in lines) or \
            "<li>" + e(self.tr("No recorded change of values.")) + "</li>"
        about = audit_query.entity_text(r, names)
        self.details.setHtml(f"<p><b>{head}</b><br>{e(about)} <small>({e(r.action)})</small></p><ul>{body}</ul>")

    # -- export -------------------------------------------------------------------------------
    def choose_export(self) -> None:
        """Ask where to write the filtered log (CSV or XLSX), then write it."""
        dialogs.current().choose_file(
            self, self.tr("Export the audit log"), on_chosen=self.export_to, save=True, default_suffix="xlsx",
            name_filters=[self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")])

    def export_to(self, path: Path) -> Path | None:
        """Write the entries the filters match to ``path`` (.csv or .xlsx); tell the user where."""
        actor = self.model.actor
        try:
            if actor is None:
                raise PermissionDeniedError("policy.sign_in_required", action="audit.export", name="-")
            out = self.desk.export_audit(self.event_id, Path(path), self.current_filter(), actor)
        except OaoiError as exc:
            dialogs.error(self, self.tr("The audit log could not be exported"), exc.render())
            return None
        except OSError as exc:
            dialogs.error(self, self.tr("The audit log could not be exported"), f"{path}: {exc.strerror or exc}")
            return None
        dialogs.information(self, self.tr("Audit log exported"),
                            self.tr("%1 entries written to %2.").replace("%1", str(self.model.total))
                            .replace("%2", str(out)))
        return out

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Audit log"))
        texts = (self.tr("&Who:"), self.tr("&Action:"), self.tr("&Entity:"), self.tr("&From:"), self.tr("&To:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for d in (self.since, self.until):
            d.setSpecialValueText(self.tr("any day"))
        for box in (self.actor_box, self.action_box, self.entity_box):
            if box.count():
                box.setItemText(0, self.tr("(all)"))
        self.search.setPlaceholderText(self.tr("Search text, then Enter\u2026"))
        self.dossier_label.setText(self.tr("&Proposal:"))
        self.dossier.setPlaceholderText(self.tr("number, then Enter"))
        self.export_button.setText(self.tr("E&xport\u2026"))
        self.export_button.setToolTip(self.tr("Write the entries shown (with the filters) as an Excel or CSV file"))
        for i in range(1, self.action_box.count()):
            self.action_box.setItemText(i, audit_query.action_label(self.action_box.itemData(i)))
        self.model.retranslate()
        if self.model.rows or self.model.total == 0:
            self._update_count()


def _window_actor(widget: QWidget | None) -> Any:
    """The signed-in secretariat member of the main window ``widget`` lives in (None: nobody)."""
    while widget is not None:
        find = getattr(widget, "secretariat_actor", None)
        if callable(find):
            try:
                return find()
            except OaoiError:
                return None
        widget = widget.parentWidget()
    return None


__all__ = ["ACTION_ROLE", "AuditLogModel", "AuditLogView", "change_summary", "diff_lines"]
