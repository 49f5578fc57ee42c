"""Resolving sheet conflicts: two versions of one judge's sheet, side by side.

A conflict arises when a judge's sheet was edited on two laptops from the same
base (``services/exchange/bundles/``).  :class:`ConflictResolutionDialog`
lists the open conflicts of an event; for the one selected it shows, per
criterion, the value and comment of version **A** (the one stored on this
laptop) beside version **B** (the one from the bundle), differing rows marked,
with each version's total.  The secretariat keeps A or B and must give a
reason; the choice is written to the audit log.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.domain.scoring import partial_total
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.exchange import bundles
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.exchange.desk import ExchangeDesk
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, WARNING, lang, score_text, set_message, total_text
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.widgets import em, make_body, make_heading

_Index = QModelIndex | QPersistentModelIndex
CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 2


class ConflictListModel(QAbstractListModel):
    """The open conflicts of an event, one row each ("KIPP-001 — Ani")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: list[bundles.ConflictView] = []

    def set_conflicts(self, views: list[bundles.ConflictView]) -> None:
        self.beginResetModel()
        self._views = list(views)
        self.endResetModel()

    def conflict(self, row: int) -> bundles.ConflictView | None:
        return self._views[row] if 0 <= row < len(self._views) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._views)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._views):
            return None
        v = self._views[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{v.number} \u2014 {v.judge_name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{v.number}: {v.title}\n{v.judge_name} ({v.stage_id})"
        if role == CONFLICT_ID_ROLE:
            return str(v.id)
        return None


class CompareColumn:
    CRITERION, A_VALUE, A_COMMENT, B_VALUE, B_COMMENT = range(5)
    COUNT = 5


class ConflictCompareModel(QAbstractTableModel):
    """One conflict, per criterion: A's value and comment beside B's; differing rows marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: bundles.ConflictView | None = None
        self._names: dict[str, str] = {}
        self._rows: list[str] = []

    def set_conflict(self, view: bundles.ConflictView | None, names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._view = view
        self._names = dict(names or {})
        if view is None:
            self._rows = []
        else:
            extra = sorted((set(view.stored.scores) | set(view.incoming.scores)) - set(view.criteria))
            self._rows = [c for c in view.criteria] + extra
        self.endResetModel()

    def differs(self, row: int) -> bool:
        if self._view is None or not 0 <= row < len(self._rows):
            return False
        cid = self._rows[row]
        return self._view.stored.scores.get(cid) != self._view.incoming.scores.get(cid)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else CompareColumn.COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._view is None or not 0 <= index.row() < len(self._rows):
            return None
        cid = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == CompareColumn.CRITERION:
                return self._names.get(cid, cid)
            side = self._view.stored if col in (CompareColumn.A_VALUE, CompareColumn.A_COMMENT) else self._view.incoming
            item = side.scores.get(cid)
            if item is None:
                return "\u2013" if col in (CompareColumn.A_VALUE, CompareColumn.B_VALUE) else ""
            return score_text(item[0]) if col in (CompareColumn.A_VALUE, CompareColumn.B_VALUE) else item[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (CompareColumn.A_VALUE, CompareColumn.B_VALUE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and self.differs(index.row()) and col != CompareColumn.CRITERION:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == DIFFERS_ROLE:
            return self.differs(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt naming
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            CompareColumn.CRITERION: self.tr("Criterion"),
            CompareColumn.A_VALUE: self.tr("A: score"),
            CompareColumn.A_COMMENT: self.tr("A: comment"),
            CompareColumn.B_VALUE: self.tr("B: score"),
            CompareColumn.B_COMMENT: self.tr("B: comment"),
        }.get(section)


class ConflictResolutionDialog(QDialog):
    """The secretariat resolves sheet conflicts of one event, each with a reason.

    Parts: :attr:`list_view` (:attr:`list_model`), :attr:`compare_view`
    (:attr:`compare_model`), :attr:`keep_a` / :attr:`keep_b`, :attr:`reason`,
    :attr:`resolve_button`, :attr:`message`.

    Signals:
        conflict_resolved(str): a conflict was resolved (its id).
    """

    conflict_resolved = Signal(str)

    def __init__(self, db: Database, event_id: str | uuid.UUID, *, actor: Actor,
                 parent: QWidget | None = None) -> None:
        """``actor``: the signed-in secretariat member who decides (named in the audit log)."""
        super().__init__(parent)
        self._db = db
        self._desk = ExchangeDesk(db)
        self._event_id = str(event_id)
        self._actor = actor
        self._rubric: Any = None
        self.setObjectName("exchange_conflicts_dialog")
        self.setSizeGripEnabled(True)
        self._build_ui()
        self.retranslate_ui()
        self.reload()
        resize_within_screen(self, QSize(em(self, 62), em(self, 34)))

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = make_heading(QLabel(self))
        self.explanation = make_body(QLabel(self), muted=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        splitter = QSplitter(self)
        self.list_model = ConflictListModel(self)
        self.list_view = QListView(splitter)
        self.list_view.setObjectName("exchange_conflict_list")
        self.list_view.setModel(self.list_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        right = QWidget(splitter)
        grid = QVBoxLayout(right)
        grid.setContentsMargins(0, 0, 0, 0)
        self.title = make_heading(QLabel(right))
        self.title.setObjectName("exchange_conflict_title")
        sides = QGridLayout()
        self.a_label = make_body(QLabel(right))
        self.b_label = make_body(QLabel(right))
        self.a_label.setObjectName("exchange_conflict_a")
        self.b_label.setObjectName("exchange_conflict_b")
        sides.addWidget(self.a_label, 0, 0)
        sides.addWidget(self.b_label, 0, 1)
        self.compare_model = ConflictCompareModel(self)
        self.compare_view = QTableView(right)
        self.compare_view.setObjectName("exchange_conflict_compare")
        self.compare_view.setModel(self.compare_model)
        self.compare_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_view.setWordWrap(True)
        self.compare_view.verticalHeader().hide()
        self.compare_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.compare_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CompareColumn.A_COMMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CompareColumn.B_COMMENT, QHeaderView.ResizeMode.Stretch)
        choice = QHBoxLayout()
        self.keep_a = QRadioButton(right)
        self.keep_a.setObjectName("exchange_keep_a")
        self.keep_b = QRadioButton(right)
        self.keep_b.setObjectName("exchange_keep_b")
        self.choice_group = QButtonGroup(self)
        self.choice_group.addButton(self.keep_a)
        self.choice_group.addButton(self.keep_b)
        choice.addWidget(self.keep_a)
        choice.addWidget(self.keep_b)
        choice.addStretch(1)
        self.reason_label = QLabel(right)
        self.reason = QPlainTextEdit(right)
        self.reason.setObjectName("exchange_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(em(self, 3.6))
        self.reason_label.setBuddy(self.reason)
        self.message = make_body(QLabel(right))
        self.message.setObjectName("exchange_conflict_message")
        grid.addWidget(self.title)
        grid.addLayout(sides)
        grid.addWidget(self.compare_view, 1)
        grid.addLayout(choice)
        grid.addWidget(self.reason_label)
        grid.addWidget(self.reason)
        grid.addWidget(self.message)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([em(self, 12), em(self, 48)])
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(self)
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("exchange_resolve")
        self.resolve_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)  # Return while working must never cancel or close
        self.buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.resolve_button.clicked.connect(self.resolve)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.keep_a.toggled.connect(self._update_state)
        self.keep_b.toggled.connect(self._update_state)
        self.reason.textChanged.connect(self._update_state)

    # -- data --------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self._event_name, self._rubric, views = self._desk.conflicts(self._event_id, self._actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            views = []
        self.list_model.set_conflicts(views)
        if views:
            self.list_view.setCurrentIndex(self.list_model.index(0, 0))
        self._show_current()

    def current_conflict(self) -> bundles.ConflictView | None:
        index = self.list_view.currentIndex()
        return self.list_model.conflict(index.row()) if index.isValid() else None

    def _names(self, view: bundles.ConflictView) -> dict[str, str]:
        try:
            stage = self._rubric.stage(view.stage_id)
        except (KeyError, AttributeError):
            return {}
        return {c.id: c.name(lang()) for c in stage.criteria}

    def _side_text(self, letter: str, where: str, side: bundles.ConflictSide, view: bundles.ConflictView) -> str:
        total = ""
        try:
            stage = self._rubric.stage(view.stage_id)
            values = {c: v for c, (v, _t) in side.scores.items() if c in stage.criterion_ids}
            total = total_text(partial_total(stage, values))
        except (KeyError, AttributeError):
            pass
        status = {"draft": self.tr("draft"), "submitted": self.tr("submitted"), "locked": self.tr("locked")}.get(
            side.status, side.status)
        return (self.tr("%1 \u2014 %2\nRevision %3, %4, device %5\nTotal %6")
                .replace("%1", letter).replace("%2", where).replace("%3", str(side.revision))
                .replace("%4", status).replace("%5", side.device_id[:8] or "\u2013").replace("%6", total))

    def _show_current(self) -> None:
        """Show the selected conflict with no choice made and no reason typed."""
        view = self.current_conflict()
        self.compare_model.set_conflict(view, self._names(view) if view else {})
        self.choice_group.setExclusive(False)
        self.keep_a.setChecked(False)
        self.keep_b.setChecked(False)
        self.choice_group.setExclusive(True)
        self.reason.clear()
        self._show_texts()

    def _show_texts(self) -> None:
        """The title and each side's summary in the interface language (the choice and reason stay)."""
        view = self.current_conflict()
        if view is None:
            self.title.setText(self.tr("No open conflicts"))
            self.a_label.clear()
            self.b_label.clear()
        else:
            self.compare_model.set_conflict(view, self._names(view))
            self.title.setText(f"{view.number} \u2014 {view.title}\n{view.judge_name}")
            self.a_label.setText(self._side_text("A", self.tr("stored on this laptop"), view.stored, view))
            self.b_label.setText(self._side_text("B", self.tr("from the judge's bundle"), view.incoming, view))
        self._update_state()

    def _update_state(self) -> None:
        view = self.current_conflict()
        chosen = self.keep_a.isChecked() or self.keep_b.isChecked()
        has_reason = bool(self.reason.toPlainText().strip())
        for w in (self.keep_a, self.keep_b, self.reason):
            w.setEnabled(view is not None)
        self.resolve_button.setEnabled(view is not None and chosen and has_reason)
        if view is not None and chosen and not has_reason:
            set_message(self.message, self.tr("Write the reason for your choice; it goes to the audit log."), WARNING)
        elif view is not None and not chosen:
            set_message(self.message, self.tr("Choose the version to keep."))
        elif view is not None:
            set_message(self.message, "")

    # -- acting ------------------------------------------------------------------------------
    def resolve(self) -> bool:
        """Keep the chosen version with the typed reason (what *Resolve* does)."""
        view = self.current_conflict()
        if view is None or not self.resolve_button.isEnabled():
            return False
        keep = "stored" if self.keep_a.isChecked() else "incoming"
        try:
            self._desk.resolve_conflict(view.id, keep, self.reason.toPlainText(), actor=self._actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        self.conflict_resolved.emit(str(view.id))
        row = self.list_view.currentIndex().row()
        self.reload()
        if self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.list_model.index(min(row, self.list_model.rowCount() - 1), 0))
        set_message(self.message, self.tr("Resolved: version %1 of %2 is kept.")
                    .replace("%1", "A" if keep == "stored" else "B").replace("%2", view.number), SUCCESS)
        return True

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sheet conflicts"))
        self.heading.setText(self.tr("Sheets edited on two laptops"))
        self.explanation.setText(self.tr(
            "Each of these sheets was changed on two laptops from the same starting point. Both versions are kept "
            "until you choose one. Compare them criterion by criterion (differences in bold), keep A or B, "
            "and give the reason."))
        self.keep_a.setText(self.tr("Keep &A (stored here)"))
        self.keep_b.setText(self.tr("Keep &B (from the bundle)"))
        self.reason_label.setText(self.tr("&Reason (required):"))
        self.reason.setPlaceholderText(self.tr("e.g. the judge confirmed that laptop B holds the final scores"))
        self.resolve_button.setText(self.tr("Re&solve"))
        self.close_button.setText(self.tr("Close"))
        self.compare_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, CompareColumn.COUNT - 1)
        self._show_texts()


def open_conflicts_dialog(db: Database, event_id: str | uuid.UUID, parent: QWidget | None = None, *,
                          actor: Actor) -> ConflictResolutionDialog:
    """Build, show (window-modal) and return the conflict dialog."""
    dialog = ConflictResolutionDialog(db, event_id, actor=actor, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


__all__ = ["CONFLICT_ID_ROLE", "DIFFERS_ROLE", "CompareColumn", "ConflictCompareModel", "ConflictListModel",
           "ConflictResolutionDialog", "open_conflicts_dialog"]
