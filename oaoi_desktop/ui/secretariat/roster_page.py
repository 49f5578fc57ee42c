"""The event set-up wizard's roster page: the judges, typed in or imported from CSV/XLSX.

Each judge's PIN is typed in or left blank to be generated.  The rows are
checked by the services (through
:class:`~oaoi_desktop.ui.secretariat.event_setup.EventSetup`) in a transaction
that is rolled back, so the page reports exactly what creating would refuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from oaoi_desktop.rubrics import list_builtin_rubrics, load_rubric
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.secretariat.event_setup import EventSetup, Role
from oaoi_desktop.ui.widgets import em, make_body

if TYPE_CHECKING:
    from oaoi_desktop.ui.secretariat.wizard import EventWizard

COL_NAME, COL_NIP, COL_INSTANSI, COL_UNIT, COL_ROLE, COL_PIN = range(6)


class RosterPage(QWizardPage):
    """The judges: typed in, or imported from CSV/XLSX; a PIN typed in or left blank to generate."""

    def __init__(self, setup: EventSetup, wizard: EventWizard) -> None:
        super().__init__(wizard)
        self._setup = setup
        self._wizard = wizard
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("roster_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(True)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(COL_INSTANSI, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_NIP, 12), (COL_UNIT, 11), (COL_ROLE, 7), (COL_PIN, 6)):
            self.table.setColumnWidth(col, em(self, width))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("roster_add")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("roster_remove")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("roster_import")
        self.add_button.clicked.connect(lambda _checked=False: self.add_row())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.import_button.clicked.connect(lambda _checked=False: self.choose_import())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("roster_count")
        self.problems = QListWidget(self)
        self.problems.setObjectName("roster_problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.problems.setMaximumHeight(em(self, 7))
        self.message = message_label(self)
        self.message.setObjectName("roster_message")
        self.note = make_body(QLabel(self), muted=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.problems)
        self.table.model().rowsInserted.connect(lambda *_a: self._count())
        self.table.model().rowsRemoved.connect(lambda *_a: self._count())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Judges"))
        self.setSubTitle(self.tr("The panel (Tim Penilai): one chair and the members. Type them in or import a "
                                 "CSV/Excel list with the columns name, nip, instansi, unit_kerja, role."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("NIP (optional)"), self.tr("Instansi"), self.tr("Unit kerja"),
            self.tr("Role"), self.tr("PIN"),
        ])
        self.table.setAccessibleName(self.tr("Judges"))
        self.add_button.setText(self.tr("&Add judge"))
        self.remove_button.setText(self.tr("&Remove"))
        self.import_button.setText(self.tr("&Import CSV/Excel\u2026"))
        self.note.setText(self.tr("Leave the PIN empty to have one generated. Each judge's PIN and one-time "
                                  "recovery code are shown once, on the PIN slips, after the event is created."))
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, COL_ROLE)
            if isinstance(combo, QComboBox):
                combo.setItemText(0, self.tr("Member"))
                combo.setItemText(1, self.tr("Chair"))
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("%n judge(s)", "", self.table.rowCount()))

    # -- rows ------------------------------------------------------------------------
    def add_row(self, name: str = "", nip: str = "", instansi: str = "", unit_kerja: str = "",
                role: Role = Role.MEMBER, pin: str = "", *, edit: bool = True) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in ((COL_NAME, name), (COL_NIP, nip), (COL_INSTANSI, instansi), (COL_UNIT, unit_kerja),
                          (COL_PIN, pin)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        combo = QComboBox(self.table)
        combo.addItem(self.tr("Member"), Role.MEMBER.value)
        combo.addItem(self.tr("Chair"), Role.CHAIR.value)
        combo.addItem(self.tr("Trainee (shadow)"), Role.SHADOW.value)  # issue 17: scores, never counted
        combo.setCurrentIndex(max(0, combo.findData(role.value)))
        combo.setAccessibleName(self.tr("Role"))
        self.table.setCellWidget(row, COL_ROLE, combo)
        if edit:
            self.table.setCurrentCell(row, COL_NAME)
            self.table.setFocus()
            self.table.editItem(self.table.item(row, COL_NAME))
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}, reverse=True)
        for row in rows:
            if row >= 0:
                self.table.removeRow(row)

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return " ".join(item.text().split()) if item is not None else ""

    def judges(self) -> list[dict[str, Any]]:
        """The rows as the services take them (empty rows skipped), with their row numbers."""
        out = []
        for row in range(self.table.rowCount()):
            values = {k: self._text(row, c) for k, c in (("name", COL_NAME), ("nip", COL_NIP),
                                                          ("instansi", COL_INSTANSI), ("unit_kerja", COL_UNIT),
                                                          ("pin", COL_PIN))}
            if not any(values.values()):
                continue
            combo = self.table.cellWidget(row, COL_ROLE)
            values["role"] = Role(combo.currentData()) if isinstance(combo, QComboBox) else Role.MEMBER
            values["row"] = row + 1
            out.append(values)
        return out

    # -- import ------------------------------------------------------------------------
    def choose_import(self) -> object:
        return dialogs.choose_file(
            self, self.tr("Import judges"), on_chosen=self.import_file,
            name_filters=[self.tr("Judge lists (*.csv *.xlsx *.xlsm)"), self.tr("All files (*)")])

    def import_file(self, path: Path) -> int:
        """Add the judges of a CSV/XLSX list (the roster-import service checks each row);
        shows the rows it rejected.  Returns the number of judges added to the table."""
        rubric = self._wizard.rubric_page.rubric or load_rubric(list_builtin_rubrics()[0])
        self.problems.clear()
        try:
            added, problems = self._setup.import_roster(rubric, Path(path))
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return 0
        present = {j["name"].casefold() for j in self.judges()}
        count = 0
        for judge in added:
            if judge["name"].casefold() in present:
                problems.append(self.tr("%1, row %2: %3 is already in the table.").replace("%1", Path(path).name)
                                .replace("%2", str(judge["row"])).replace("%3", judge["name"]))
                continue
            present.add(judge["name"].casefold())
            self.add_row(judge["name"], judge["nip"], judge["instansi"], judge["unit_kerja"], judge["role"],
                         edit=False)
            count += 1
        for text in problems:
            QListWidgetItem(text, self.problems)
        self.problems.setVisible(bool(problems))
        summary = self.tr("%1: %2 judges added, %3 rows rejected.").replace("%1", Path(path).name).replace(
            "%2", str(count)).replace("%3", str(len(problems)))
        set_message(self.message, summary, DANGER if problems else SUCCESS)
        return count

    # -- checking ---------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Every row's problem, found by adding the judges in a transaction that is rolled back."""
        rubric = self._wizard.rubric_page.rubric
        judges = self.judges()
        if rubric is None:
            return []
        return [self.tr("Row %1: %2").replace("%1", str(row)).replace("%2", text)
                for row, text in self._setup.check_roster(rubric, judges)]

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        self.problems.clear()
        try:
            found = self.check()
        except OaoiError as exc:
            found = [exc.render()]
        chairs = sum(1 for j in self.judges() if j["role"] == Role.CHAIR)
        if chairs > 1:
            found.append(self.tr("Only one judge can chair the panel."))
        for text in found:
            QListWidgetItem(text, self.problems)
        self.problems.setVisible(bool(found))
        if found:
            set_message(self.message, self.tr("Correct the rows below first."), DANGER)
            return False
        set_message(self.message, "")
        return True


__all__ = ["COL_NAME", "COL_NIP", "COL_INSTANSI", "COL_UNIT", "COL_ROLE", "COL_PIN", "RosterPage"]
