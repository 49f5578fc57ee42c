"""The assignment matrix: dossiers (rows) × judges (columns).

:class:`AssignmentMatrixModel` is a :class:`QAbstractTableModel` over one
:class:`~oaoi_desktop.services.assignments.MatrixData` read (a byte per cell),
so 5,000 dossiers × 60 judges stay quick: no widget per cell, no query per
paint.  :class:`MatrixFilterModel` filters rows by kategori, kelompok and a
search text.  :class:`AssignmentMatrixView` adds the filters, the legend, the
"Auto-assign" action and the editing: a click or Space on a cell assigns or
unassigns through :mod:`oaoi_desktop.services.assignments`, which refuses a
recused or conflicting pair with its own message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import t
from oaoi_desktop.services import assignments
from oaoi_desktop.services.assignments import (
    CELL_ASSIGNED,
    CELL_CONFLICT,
    CELL_DRAFT,
    CELL_INACTIVE,
    CELL_NONE,
    CELL_RECUSED,
    CELL_SUBMITTED,
    MatrixData,
)
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.ui.elide import two_lines
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, WARNING, fill, message_label, set_message
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.widgets import em

_Index = QModelIndex | QPersistentModelIndex

CELL_STATE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``CELL_*`` state of a cell (int)."""
ASSIGNED_ROLE = Qt.ItemDataRole.UserRole + 2
"""True when the pair is assigned (whatever its state shows)."""
DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole + 3
JUDGE_ID_ROLE = Qt.ItemDataRole.UserRole + 4
LOAD_ROLE = Qt.ItemDataRole.UserRole + 5
"""On the horizontal header: the judge's number of assignments in the stage."""

SYMBOLS = {
    CELL_NONE: "",
    CELL_ASSIGNED: "\u25cf",  # ●
    CELL_DRAFT: "\u270e",  # ✎
    CELL_SUBMITTED: "\u2714",  # ✔
    CELL_RECUSED: "\u2298",  # ⊘
    CELL_CONFLICT: "\u26a0",  # ⚠
    CELL_INACTIVE: "\u2013",  # –
}
COLOURS = {
    CELL_ASSIGNED: QColor("#1a5fb4"),
    CELL_DRAFT: WARNING,
    CELL_SUBMITTED: SUCCESS,
    CELL_RECUSED: QColor("#6b6b6b"),
    CELL_CONFLICT: DANGER,
    CELL_INACTIVE: QColor("#6b6b6b"),
}
ASSIGNED_STATES = (CELL_ASSIGNED, CELL_DRAFT, CELL_SUBMITTED)


def state_text(state: int) -> str:
    """What a cell state is called, in the interface language."""
    return {
        CELL_NONE: QApplication.translate("AssignmentMatrixModel", "not assigned"),
        CELL_ASSIGNED: QApplication.translate("AssignmentMatrixModel", "assigned"),
        CELL_DRAFT: QApplication.translate("AssignmentMatrixModel", "assigned, draft sheet"),
        CELL_SUBMITTED: QApplication.translate("AssignmentMatrixModel", "assigned, sheet submitted"),
        CELL_RECUSED: QApplication.translate("AssignmentMatrixModel", "recused"),
        CELL_CONFLICT: QApplication.translate("AssignmentMatrixModel", "declared conflict"),
        CELL_INACTIVE: QApplication.translate("AssignmentMatrixModel", "judge inactive"),
    }[state]


class AssignmentMatrixModel(QAbstractTableModel):
    """Dossiers × judges of one stage; each cell's data is its state.

    ``DisplayRole`` is a symbol, ``ToolTipRole`` and ``AccessibleTextRole``
    say it in words, :data:`CELL_STATE_ROLE` and :data:`ASSIGNED_ROLE` give it
    to code.  The horizontal header shows each judge's name and load.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: MatrixData | None = None
        self._fills: dict[int, QColor] = {}

    # -- data ----------------------------------------------------------------
    @property
    def matrix(self) -> MatrixData | None:
        return self._data

    def set_matrix(self, data: MatrixData | None) -> None:
        self.beginResetModel()
        self._data = data
        self.endResetModel()

    def set_fills(self, fills: dict[int, QColor]) -> None:
        self._fills = fills

    def dossier_at(self, row: int) -> assignments.MatrixDossier:
        assert self._data is not None
        return self._data.dossiers[row]

    def judge_at(self, column: int) -> assignments.MatrixJudge:
        assert self._data is not None
        return self._data.judges[column]

    def state(self, row: int, column: int) -> int:
        assert self._data is not None
        return self._data.cells[row][column]

    def is_assigned(self, row: int, column: int) -> bool:
        assert self._data is not None
        return self._data.cells[row][column] in ASSIGNED_STATES or (row, column) in self._data.invalid

    def set_cell(self, row: int, column: int, state: int, assigned: bool) -> None:
        """One pair changed (after a manual assign/unassign): update it and the judge's load."""
        assert self._data is not None
        was = self.is_assigned(row, column)
        self._data.cells[row][column] = state
        if assigned and state not in ASSIGNED_STATES:
            self._data.invalid.add((row, column))
        else:
            self._data.invalid.discard((row, column))
        if was != assigned:
            self._data.loads[column] += 1 if assigned else -1
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    # -- the model interface -----------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self._data is None:
            return 0
        return len(self._data.dossiers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self._data is None:
            return 0
        return len(self._data.judges)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._data is None:
            return None
        row, column = index.row(), index.column()
        state = self._data.cells[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            symbol = SYMBOLS[state]
            if state in (CELL_CONFLICT, CELL_RECUSED, CELL_INACTIVE) and (row, column) in self._data.invalid:
                symbol += "\u25cf"
            return symbol
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            d, j = self._data.dossiers[row], self._data.judges[column]
            text = f"{d.number} \u00d7 {j.name}: {state_text(state)}"
            if (row, column) in self._data.invalid:
                text += self.tr(" (assigned, but no longer eligible: unassign it)")
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return COLOURS.get(state)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._fills.get(state)
        if role == CELL_STATE_ROLE:
            return state
        if role == ASSIGNED_ROLE:
            return self.is_assigned(row, column)
        if role == DOSSIER_ID_ROLE:
            return str(self._data.dossiers[row].id)
        if role == JUDGE_ID_ROLE:
            return str(self._data.judges[column].id)
        return None

    def headerData(  # noqa: N802 - Qt naming
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._data is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._data.judges):
                return None
            j = self._data.judges[section]
            load = self._data.loads[section]
            if role == Qt.ItemDataRole.DisplayRole:
                chair = self.tr("chair") + " \u00b7 " if j.role == "chair" else ""
                if j.role == "shadow":  # issue 17: a trainee scores, never counts
                    chair = self.tr("trainee, never counted") + " \u00b7 "
                # a long name on two lines: five judges fit side by side at 1280 px (issue 14)
                return f"{two_lines(j.name)}\n{chair}" + self.tr("load %1").replace("%1", str(load))
            if role == Qt.ItemDataRole.ToolTipRole:
                agency = ", ".join(x for x in (j.instansi, j.unit_kerja) if x)
                return f"{j.name}\n{agency}\n" + self.tr("%1 dossiers assigned").replace("%1", str(load))
            if role == LOAD_ROLE:
                return load
            if role == JUDGE_ID_ROLE:
                return str(j.id)
            return None
        if not 0 <= section < len(self._data.dossiers):
            return None
        d = self._data.dossiers[section]
        if role == Qt.ItemDataRole.DisplayRole:
            title = d.title if len(d.title) <= 38 else d.title[:37] + "\u2026"
            return f"{d.number}  {title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (f"{d.number} \u2014 {d.title}", d.instansi, d.unit_kerja,
                                         " / ".join(y for y in (d.kategori, d.kelompok) if y)) if x)
        if role == DOSSIER_ID_ROLE:
            return str(d.id)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MatrixFilterModel(QSortFilterProxyModel):
    """Rows of the matrix whose kategori/kelompok match and whose number, title,
    instansi or unit kerja contain the search text (case-insensitive)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kategori = ""
        self._kelompok = ""
        self._search = ""

    def set_filters(self, *, kategori: str | None = None, kelompok: str | None = None,
                    search: str | None = None) -> None:
        self.beginFilterChange()
        if kategori is not None:
            self._kategori = kategori
        if kelompok is not None:
            self._kelompok = kelompok
        if search is not None:
            self._search = search.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 - Qt naming
        model = self.sourceModel()
        if not isinstance(model, AssignmentMatrixModel) or model.matrix is None:
            return True
        d = model.matrix.dossiers[source_row]
        if self._kategori and d.kategori != self._kategori:
            return False
        if self._kelompok and d.kelompok != self._kelompok:
            return False
        if self._search:
            hay = f"{d.number}\n{d.title}\n{d.instansi}\n{d.unit_kerja}".casefold()
            return self._search in hay
        return True


class AutoAssignDialog(QDialog):
    """"Auto-assign": R judges per dossier, seed, spread across categories, stage.

    It tops up only what is missing (the service never removes a pair) and
    shows its report: pairs added, the loads, the dossiers it could not fill
    and why, and existing pairs that are no longer eligible.

    Signals:
        assigned(object): the run finished (the :class:`AssignResult`).
    """

    assigned = Signal(object)

    def __init__(self, db: Database, event_id: str, stages: list[tuple[str, str]], stage_id: str,
                 parent: QWidget | None = None, *, actor: Actor) -> None:
        super().__init__(parent)
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id = event_id
        self.result_: assignments.AssignResult | None = None
        self.setObjectName("auto_assign_dialog")
        self.per_dossier = QSpinBox(self)
        self.per_dossier.setObjectName("per_dossier")
        self.per_dossier.setRange(1, assignments.MAX_PER_DOSSIER)
        self.per_dossier.setValue(3)
        self.seed = QSpinBox(self)
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 999_999)
        self.spread = QCheckBox(self)
        self.spread.setObjectName("spread")
        self.spread.setChecked(True)
        self.stage = QComboBox(self)
        self.stage.setObjectName("stage")
        for sid, name in stages:
            self.stage.addItem(name, sid)
        self.stage.setCurrentIndex(max(0, self.stage.findData(stage_id)))
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.per_dossier)
        self.form.addRow(QLabel(self), self.seed)
        self.form.addRow(QLabel(self), self.stage)
        self.form.addRow(self.spread)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("auto_assign_report")
        self.report.setReadOnly(True)
        self.report.setVisible(False)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("run_auto_assign")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.run)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, em(self, 36), em(self, 22))
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Auto-assign"))
        self.intro.setText(self.tr(
            "Gives every dossier the number of judges asked for, never a recused or conflicting one, keeping "
            "every judge's load within one of the others. It only adds what is missing: existing assignments stay."))
        labels = (self.tr("&Judges per dossier:"), self.tr("&Seed:"), self.tr("S&tage:"))
        for i, text in enumerate(labels):
            label = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setText(text)
                label.setBuddy(self.form.itemAt(i, QFormLayout.ItemRole.FieldRole).widget())
        self.spread.setText(self.tr("Spread each judge across &categories"))
        self.seed.setToolTip(self.tr("The same seed gives the same assignment"))
        self.per_dossier.setAccessibleName(self.tr("Judges per dossier"))
        self.seed.setAccessibleName(self.tr("Seed"))
        self.stage.setAccessibleName(self.tr("Stage"))
        self.run_button.setText(self.tr("&Assign"))
        dialogs.translate_buttons(self.buttons)

    def run(self) -> assignments.AssignResult | None:
        """Run the automatic assignment and show its report."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._desk.auto_assign(
                self._event_id, per_dossier=self.per_dossier.value(), seed=self.seed.value(), actor=self._actor,
                stage_id=self.stage.currentData(), spread_categories=self.spread.isChecked())
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        set_message(self.message, "")
        self.result_ = result
        self.report.setPlainText(self.report_text(result))
        self.report.setVisible(True)
        self.assigned.emit(result)
        return result

    def report_text(self, result: assignments.AssignResult) -> str:
        loads = list(result.loads.values())
        lines = [
            self.tr("%1 assignments added; loads from %2 to %3.")
            .replace("%1", str(len(result.added))).replace("%2", str(min(loads, default=0)))
            .replace("%3", str(max(loads, default=0)))
        ]
        if not result.balanced:
            lines.append(self.tr("The constraints do not allow every load within one of the others; "
                                 "the loads are as even as they allow."))
        if result.complete:
            lines.append(self.tr("Every dossier has %1 judges.").replace("%1", str(result.per_dossier)))
        else:
            lines.append("")
            lines.append(self.tr("%1 dossiers could not get %2 judges:").replace(
                "%1", str(len(result.shortfalls))).replace("%2", str(result.per_dossier)))
            numbers = self._desk.dossier_numbers(self._event_id, self._actor)
            for x in result.shortfalls:
                number = numbers.get(x.dossier_id, x.dossier_id)
                lines.append("\u2022 " + t(f"assign.shortfall.{x.reason}", dossier=number, eligible=x.eligible,
                                           wanted=x.wanted, assigned=x.assigned))
        if result.invalid_existing:
            lines.append("")
            lines.append(self.tr("Assigned, but no longer eligible (unassign them in the matrix):"))
            lines.extend(f"\u2022 {d} \u00d7 {j}" for d, j in result.invalid_existing)
        return "\n".join(lines)


class AssignmentMatrixView(QWidget):
    """The "Penugasan" tab: filters, legend, the matrix and the auto-assign action.

    Signals:
        assignments_changed(): an assignment was added or removed here.
    """

    assignments_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, actor: Actor) -> None:
        """``actor``: the signed-in secretariat member, whom the audit log names for every change."""
        super().__init__(parent)
        self._db = db
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id: str | None = None
        self._stage_id: str | None = None
        self._stages: list[tuple[str, str]] = []
        self.auto_dialog: AutoAssignDialog | None = None
        self.setObjectName("assignment_matrix")
        self.model = AssignmentMatrixModel(self)
        self.proxy = MatrixFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.kategori = QComboBox(self)
        self.kategori.setObjectName("filter_kategori")
        self.kelompok = QComboBox(self)
        self.kelompok.setObjectName("filter_kelompok")
        self.search = QLineEdit(self)
        self.search.setObjectName("filter_search")
        self.search.setClearButtonEnabled(True)
        self.auto_button = QPushButton(self)
        self.auto_button.setObjectName("auto_assign_button")
        self.kategori_label = QLabel(self)
        self.kategori_label.setBuddy(self.kategori)
        self.kelompok_label = QLabel(self)
        self.kelompok_label.setBuddy(self.kelompok)
        bar = QHBoxLayout()
        bar.addWidget(self.kategori_label)
        bar.addWidget(self.kategori)
        bar.addWidget(self.kelompok_label)
        bar.addWidget(self.kelompok)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.auto_button)

        self.table = QTableView(self)
        self.table.setObjectName("matrix_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        h.setDefaultSectionSize(em(self, 7.5))
        h.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        v = self.table.verticalHeader()
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.setDefaultSectionSize(em(self, 1.6))
        v.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        v.setMinimumWidth(em(self, 16))
        self.table.clicked.connect(self.toggle)
        self.table.installEventFilter(self)
        self.legend = QLabel(self)
        self.legend.setObjectName("matrix_legend")
        self.legend.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("matrix_summary")
        self.message = message_label(self)
        self.message.setObjectName("matrix_message")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.summary)
        layout.addLayout(bottom)

        self.kategori.currentIndexChanged.connect(self._filters_changed)
        self.kelompok.currentIndexChanged.connect(self._filters_changed)
        self.search.textChanged.connect(self._filters_changed)
        self.auto_button.clicked.connect(lambda _checked=False: self.open_auto_assign())
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.search.setFocus)
        self._apply_fills()
        self.retranslate_ui()

    # -- loading -------------------------------------------------------------------
    def set_event(self, event_id: str | None, stage_id: str | None, stages: list[tuple[str, str]]) -> None:
        self._event_id = event_id
        self._stage_id = stage_id
        self._stages = stages
        self.refresh()

    def refresh(self) -> None:
        """Read the matrix of the event's stage again (one read)."""
        if self._event_id is None:
            self.model.set_matrix(None)
            self._update_summary()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self._desk.assignment_matrix(self._event_id, self._stage_id, self._actor)
        except OaoiError as exc:
            self.model.set_matrix(None)
            set_message(self.message, exc.render(), DANGER)
            return
        finally:
            QApplication.restoreOverrideCursor()
        set_message(self.message, "")
        self._fill_filter(self.kategori, sorted({d.kategori for d in data.dossiers if d.kategori}))
        self._fill_filter(self.kelompok, sorted({d.kelompok for d in data.dossiers if d.kelompok}))
        self.model.set_matrix(data)
        self._fit_columns()
        if not data.dossiers:
            set_message(self.message, self.tr("This event has no dossiers in this stage yet: import them first "
                                              "(File \u25b8 Import from USB)."))
        self._update_summary()

    def _fit_columns(self) -> None:
        """Each judge's column as wide as the name in its header (within limits); no scan of the rows."""
        metrics = self.table.horizontalHeader().fontMetrics()
        low, high = em(self, 4.5), em(self, 14)
        for col in range(self.model.columnCount()):
            text = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + em(self, 1.2)
            self.table.setColumnWidth(col, max(low, min(high, width)))

    def _fill_filter(self, combo: QComboBox, values: list[str]) -> None:
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), "")
        for v in values:
            combo.addItem(v, v)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self.proxy.set_filters(kategori=combo.currentData() if combo is self.kategori else None,
                               kelompok=combo.currentData() if combo is self.kelompok else None)

    def _filters_changed(self) -> None:
        self.proxy.set_filters(kategori=self.kategori.currentData() or "",
                               kelompok=self.kelompok.currentData() or "", search=self.search.text())
        self._update_summary()

    def _update_summary(self) -> None:
        data = self.model.matrix
        if data is None:
            self.summary.setText("")
            return
        loads = data.loads
        self.summary.setText(
            self.tr("%1 of %2 dossiers shown \u00b7 %3 judges \u00b7 loads %4\u2013%5")
            .replace("%1", str(self.proxy.rowCount())).replace("%2", str(len(data.dossiers)))
            .replace("%3", str(len(data.judges))).replace("%4", str(min(loads, default=0)))
            .replace("%5", str(max(loads, default=0))))

    def _apply_fills(self) -> None:
        self.model.set_fills({state: fill(self, colour) for state, colour in COLOURS.items()})

    # -- editing -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                index = self.table.currentIndex()
                if index.isValid():
                    self.toggle(index)
                return True
        return False

    def cell_index(self, dossier_number: str, judge_name: str) -> QModelIndex:
        """The (proxy) index of a cell, by dossier number and judge name (invalid when hidden)."""
        data = self.model.matrix
        if data is None:
            return QModelIndex()
        row = next((r for r, d in enumerate(data.dossiers) if d.number == dossier_number), -1)
        col = next((c for c, j in enumerate(data.judges) if j.name == judge_name), -1)
        if row < 0 or col < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, col))

    def toggle(self, index: QModelIndex) -> bool:
        """Assign the cell's judge to its dossier, or unassign them; True when it changed."""
        if not index.isValid() or self._event_id is None:
            return False
        source = self.proxy.mapToSource(index) if index.model() is self.proxy else index
        row, col = source.row(), source.column()
        d, j = self.model.dossier_at(row), self.model.judge_at(col)
        assigned = self.model.is_assigned(row, col)
        stage_id = self.model.matrix.stage_id  # type: ignore[union-attr]
        try:
            state, now_assigned = self._desk.toggle_assignment(
                self._event_id, str(d.id), str(j.id), assigned=assigned, stage_id=stage_id, actor=self._actor)
        except OaoiError as exc:
            text = exc.render()
            set_message(self.message, text, DANGER)
            title = self.tr("The judge cannot be unassigned") if assigned else self.tr("The judge cannot be assigned")
            dialogs.warning(self, title, text)
            return False
        self.model.set_cell(row, col, state, now_assigned)
        done = (self.tr("%1 assigned to %2.") if now_assigned else self.tr("%1 unassigned from %2."))
        set_message(self.message, done.replace("%1", j.name).replace("%2", d.number))
        self._update_summary()
        self.assignments_changed.emit()
        return True

    def open_auto_assign(self) -> AutoAssignDialog | None:
        if self._event_id is None:
            return None
        dialog = AutoAssignDialog(self._db, self._event_id, self._stages, self._stage_id or "", self,
                                  actor=self._actor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.assigned.connect(self._auto_assigned)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "auto_dialog", None))
        self.auto_dialog = dialog
        dialog.open()
        return dialog

    def _auto_assigned(self, _result: object) -> None:
        self.refresh()
        self.assignments_changed.emit()

    # -- language ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_fills()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.kategori_label.setText(self.tr("&Category:"))
        self.kelompok_label.setText(self.tr("&Group:"))
        self.kategori.setAccessibleName(self.tr("Category"))
        self.kelompok.setAccessibleName(self.tr("Group"))
        for combo in (self.kategori, self.kelompok):
            if combo.count():
                combo.setItemText(0, self.tr("All"))
        self.search.setPlaceholderText(self.tr("Search number, title or agency (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.auto_button.setText(self.tr("&Auto-assign\u2026"))
        self.auto_button.setToolTip(self.tr("Assign judges to every dossier automatically, balanced and "
                                            "conflict-free"))
        self.table.setAccessibleName(self.tr("Assignment matrix"))
        self.table.setToolTip(self.tr("Click a cell or press Space to assign or unassign"))
        self.legend.setText(" \u00b7 ".join(f"{SYMBOLS[s]} {state_text(s)}" for s in (
            CELL_ASSIGNED, CELL_DRAFT, CELL_SUBMITTED, CELL_RECUSED, CELL_CONFLICT))
            + " \u00b7 " + self.tr("click or Space: assign / unassign"))
        if self.model.columnCount():
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_summary()


__all__ = ["AssignmentMatrixModel", "AssignmentMatrixView", "AutoAssignDialog", "MatrixFilterModel",
           "CELL_STATE_ROLE", "ASSIGNED_ROLE"]
