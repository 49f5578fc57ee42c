"""The progress dashboard: per judge and per dossier, refreshed live.

A :class:`QTimer` polls :func:`~oaoi_desktop.services.status.progress_stamp`
(two aggregate queries: cheap even when several laptops share the database)
while the dashboard is visible, and reads the whole progress again only when
the stamp changed; showing the dashboard polls at once, and
:meth:`ProgressDashboard.refresh_if_shown` reloads right after a local change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.i18n import formats
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.status import DossierProgress, EventProgress, JudgeProgress
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.judge.common import SUCCESS, WARNING
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.elide import fit_table
from oaoi_desktop.ui.widgets import em, make_heading

_Index = QModelIndex | QPersistentModelIndex

POLL_MS = 5000
"""How often the dashboard looks for changes made elsewhere (another laptop, the judges)."""

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _local_time(value: dt.datetime | None, zone: str = formats.DEFAULT_ZONE) -> str:
    """A stored (UTC) time as the event's local time with its zone: "28-11-2026 10:05 WIB"."""
    if value is None:
        return "\u2013"
    return f"{formats.to_local(value, zone):%d-%m-%Y %H:%M} {zone}"


class JudgeProgressModel(QAbstractTableModel):
    """One row per judge: name, role, assigned, draft, submitted, last activity."""

    COLUMNS = ("name", "role", "assigned", "draft", "submitted", "last_activity")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[JudgeProgress, ...] = ()
        self.zone = formats.DEFAULT_ZONE
        """The event's time zone (WIB, WITA, WIT) the last activity is shown in."""

    def set_rows(self, rows: tuple[JudgeProgress, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> JudgeProgress:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        j = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "name":
                return j.name
            if key == "role":
                return self.tr("Chair") if j.role == "chair" else self.tr("Member")
            if key == "last_activity":
                return _local_time(j.last_activity, self.zone)
            return str(getattr(j, key))
        if role == SORT_ROLE:
            if key == "last_activity":
                return j.last_activity.isoformat() if j.last_activity else ""
            if key in ("assigned", "draft", "submitted"):
                return getattr(j, key)
            return str(getattr(j, key)).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("assigned", "draft", "submitted"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "submitted" and j.assigned:
            return SUCCESS if j.submitted == j.assigned else None
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "name": self.tr("Judge"), "role": self.tr("Role"), "assigned": self.tr("Assigned"),
            "draft": self.tr("Draft"), "submitted": self.tr("Submitted"), "last_activity": self.tr("Last activity"),
        }[self.COLUMNS[section]]


class DossierProgressModel(QAbstractTableModel):
    """One row per dossier: number, title, kategori, sheets submitted of sheets assigned."""

    COLUMNS = ("number", "title", "kategori", "progress")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[DossierProgress, ...] = ()

    def set_rows(self, rows: tuple[DossierProgress, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> DossierProgress:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "progress":
                return self.tr("%1 of %2").replace("%1", str(d.submitted)).replace("%2", str(d.assigned))
            return str(getattr(d, key))
        if role == SORT_ROLE:
            if key == "progress":
                return (d.submitted / d.assigned) if d.assigned else -1.0
            return str(getattr(d, key)).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and key == "progress":
            if d.assigned and d.submitted == d.assigned:
                return SUCCESS
            if not d.assigned:
                return WARNING
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {"number": self.tr("Number"), "title": self.tr("Title"), "kategori": self.tr("Category"),
                "progress": self.tr("Sheets submitted")}[self.COLUMNS[section]]


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(em(parent, 1.6))
    view.horizontalHeader().setStretchLastSection(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return view, proxy


class ProgressDashboard(QWidget):
    """The "Progres" tab: overall completion, per judge and per dossier.

    Signals:
        progress_refreshed(object): new :class:`EventProgress` is shown.
    """

    progress_refreshed = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *, poll_ms: int = POLL_MS,
                 actor: Actor) -> None:
        """``actor``: the signed-in secretariat member (the services check that they may read progress)."""
        super().__init__(parent)
        self._desk = SecretariatDesk(db)
        self.actor = actor
        self._event_id: str | None = None
        self._stage_id: str | None = None
        self._stamp: tuple[object, ...] | None = None
        self.progress: EventProgress | None = None
        self.setObjectName("progress_dashboard")
        self.overall = QProgressBar(self)
        self.overall.setObjectName("overall_progress")
        self.overall.setRange(0, 1000)
        self.overall.setTextVisible(True)
        self.overall_label = QLabel(self)
        self.overall_label.setObjectName("overall_label")
        top = QHBoxLayout()
        top.addWidget(self.overall_label)
        top.addWidget(self.overall, 1)
        self.judge_model = JudgeProgressModel(self)
        self.dossier_model = DossierProgressModel(self)
        self.judge_heading = make_heading(QLabel(self))
        self.dossier_heading = make_heading(QLabel(self))
        self.judge_table, self.judge_proxy = _table(self, self.judge_model, "judge_progress")
        self.dossier_table, self.dossier_proxy = _table(self, self.dossier_model, "dossier_progress")
        jh = self.judge_table.horizontalHeader()
        jh.setStretchLastSection(False)
        jh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a roster is a few dozen rows
        jh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        dh = self.dossier_table.horizontalHeader()
        dh.setStretchLastSection(False)
        dh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # thousands of rows: no content scan
        dh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dossier_table.setColumnWidth(0, em(self, 6.5))
        self.dossier_table.setColumnWidth(2, em(self, 10))
        # "KIPP-2026-0001" and "3 dari 5" read whole; titles elided at the end, whole on hover (issue 14)
        fit_table(self.dossier_table, whole=(0, 3))
        fit_table(self.judge_table, whole=range(1, len(JudgeProgressModel.COLUMNS)))
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.judge_heading)
        lv.addWidget(self.judge_table)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.dossier_heading)
        rv.addWidget(self.dossier_table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("updated_label")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.updated_label)
        self.timer = QTimer(self)
        self.timer.setObjectName("progress_poll")
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.retranslate_ui()

    def set_event(self, event_id: str | None, stage_id: str | None) -> None:
        self._event_id = event_id
        self._stage_id = stage_id
        self._stamp = None
        if self.isVisible() or event_id is None:
            self.refresh()
        else:  # read when shown (see showEvent)
            self.progress = None
            self.judge_model.set_rows(())
            self.dossier_model.set_rows(())
            self._show_overall()
        if event_id is not None:
            self.timer.start()
        else:
            self.timer.stop()

    def poll(self) -> bool:
        """Reload when the stamp changed (work done elsewhere); True when it did.

        Only while the dashboard is visible: reading the progress of 5,000
        dossiers is not free, and nobody looks at a hidden tab.  Showing the
        dashboard polls at once.
        """
        if self._event_id is None or not self.isVisible():
            return False
        try:
            stamp = self._desk.progress_stamp(self._event_id)
        except OaoiError:
            return False
        if stamp == self._stamp:
            return False
        self.refresh()
        return True

    def refresh_if_shown(self) -> None:
        """After a change made here: read at once if visible (else showing it will)."""
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self.poll()

    def refresh(self) -> None:
        """Read the progress again now (after a change made here)."""
        if self._event_id is None:
            self.progress = None
            self.judge_model.set_rows(())
            self.dossier_model.set_rows(())
            self._show_overall()
            return
        try:
            stamp, progress, zone = self._desk.progress(self._event_id, self._stage_id, self.actor)
        except OaoiError as exc:
            self.updated_label.setText(exc.render())
            return
        self.judge_model.zone = zone
        self._stamp = stamp
        self.progress = progress
        self.judge_model.set_rows(progress.judges)
        self.dossier_model.set_rows(progress.dossiers)
        self._show_overall()
        self.updated_label.setText(self.tr("Updated %1; refreshed automatically.").replace(
            "%1", dt.datetime.now().strftime("%H:%M:%S")))
        self.progress_refreshed.emit(progress)

    def _show_overall(self) -> None:
        p = self.progress
        if p is None:
            self.overall.setValue(0)
            self.overall.setFormat("")
            self.overall_label.setText(self.tr("Overall completion:"))
            return
        self.overall.setValue(round(p.completion * 1000))
        percent = QLocale().toString(p.completion * 100, "f", 1)
        self.overall.setFormat(self.tr("%1 of %2 sheets submitted (%3%)").replace("%1", str(p.submitted))
                               .replace("%2", str(p.assigned)).replace("%3", percent))
        self.overall.setAccessibleName(self.overall.format())
        self.overall_label.setText(self.tr("Overall completion:"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fit_progress_column(self) -> None:
        title = str(self.dossier_model.headerData(3, Qt.Orientation.Horizontal) or "")
        metrics = self.dossier_table.horizontalHeader().fontMetrics()
        self.dossier_table.setColumnWidth(3, max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(
            "9999 / 9999")) + em(self, 1.5))

    def retranslate_ui(self) -> None:
        self._fit_progress_column()
        self.judge_heading.setText(self.tr("Judges"))
        self.dossier_heading.setText(self.tr("Dossiers"))
        self.judge_table.setAccessibleName(self.tr("Progress per judge"))
        self.dossier_table.setAccessibleName(self.tr("Progress per dossier"))
        for model in (self.judge_model, self.dossier_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
            if model.rowCount():
                model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1))
        self._show_overall()


__all__ = ["DossierProgressModel", "JudgeProgressModel", "POLL_MS", "ProgressDashboard"]
