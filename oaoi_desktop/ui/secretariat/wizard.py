"""The event set-up wizard ("Kegiatan baru…").

Pages: the event (name, organiser, venue, dates) → the rubric (a built-in
file of ``scoring_rubrics/`` or a TOML file, checked by the rubric loader; a
rubric with problems is never accepted) → conflict rules (blind mode,
recusal level, aliases) → the roster (judges typed in or imported from
CSV/XLSX through :func:`oaoi_desktop.services.accounts.import_roster`; a PIN
typed in or generated) → review, whose "Create event" button creates
everything in **one transaction** (nothing half-created on error) → the PIN
slips, shown once, with their recovery codes, saved as a PDF through the
dialog seam.  Finish opens the secretariat console on the new event.

Checks before the last step run the real services inside a transaction that
is rolled back (:func:`_trial`), so the wizard reports exactly what creating
would refuse.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.rubrics import list_builtin_rubrics, load_rubric
from oaoi_desktop.errors import OaoiError, ProblemsError
from oaoi_desktop.services import accounts, auth, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import RecusalLevel, Role, User
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.secretariat.pin_slips import SlipEntry, print_pin_slips, write_pin_slips
from oaoi_desktop.ui.widgets import em, make_body

T = TypeVar("T")

PAGE_EVENT, PAGE_RUBRIC, PAGE_RULES, PAGE_ROSTER, PAGE_REVIEW, PAGE_SLIPS = range(6)
COL_NAME, COL_NIP, COL_INSTANSI, COL_UNIT, COL_ROLE, COL_PIN = range(6)


class _Rollback(Exception):
    def __init__(self, value: object) -> None:
        super().__init__("rollback")
        self.value = value


def _trial(db: Database, work: Callable[[Any], T]) -> T:
    """Run ``work(session)`` in a write transaction and roll it back; its result."""
    try:
        with db.write() as s:
            raise _Rollback(work(s))
    except _Rollback as done:
        return done.value  # type: ignore[return-value]


def parse_aliases(text: str) -> tuple[dict[str, list[str]], list[int]]:
    """``NAME = ALIAS; ALIAS`` per line (as ``oaoi event create --alias``); the aliases
    and the numbers of the lines that are not of that form."""
    aliases: dict[str, list[str]] = {}
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, sep, others = line.partition("=")
        names = [o.strip() for o in others.split(";") if o.strip()]
        if not sep or not name.strip() or not names:
            bad.append(number)
            continue
        aliases.setdefault(name.strip(), []).extend(names)
    return aliases, bad


# -- pages ----------------------------------------------------------------------------
class EventPage(QWizardPage):
    """Name, organiser, venue and dates."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.name = QLineEdit(self)
        self.name.setObjectName("event_name")
        self.organiser = QLineEdit(self)
        self.organiser.setObjectName("event_organiser")
        self.venue = QLineEdit(self)
        self.venue.setObjectName("event_venue")
        today = QDate.currentDate()
        self.starts_on = QDateEdit(today, self)
        self.starts_on.setObjectName("event_starts_on")
        self.ends_on = QDateEdit(today.addDays(2), self)
        self.ends_on.setObjectName("event_ends_on")
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        # every printed time is local with its zone (issue 14): WIB, WITA or WIT
        self.timezone = QComboBox(self)
        self.timezone.setObjectName("event_timezone")
        for zone in events.TIMEZONES:
            self.timezone.addItem(zone, zone)
        self.form = QFormLayout()
        for widget in (self.name, self.organiser, self.venue, self.starts_on, self.ends_on, self.timezone):
            self.form.addRow(QLabel(self), widget)
        self.message = message_label(self)
        self.message.setObjectName("event_message")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.registerField("name*", self.name)
        self.name.textEdited.connect(lambda _t: set_message(self.message, ""))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The event"))
        self.setSubTitle(self.tr("What the evaluation round is called, who organises it, where and when."))
        texts = (self.tr("&Name:"), self.tr("&Organiser:"), self.tr("&Venue:"), self.tr("&Starts on:"),
                 self.tr("&Ends on:"), self.tr("&Time zone:"))
        for i, text in enumerate(texts):
            label = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget()
            field = self.form.itemAt(i, QFormLayout.ItemRole.FieldRole).widget()
            if isinstance(label, QLabel):
                label.setText(text)
                label.setBuddy(field)
                field.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.name.setPlaceholderText(self.tr("e.g. KIPP Kota Medan 2026 \u2014 Penilaian Proposal"))
        self.organiser.setPlaceholderText(self.tr("e.g. Pemerintah Kota Medan"))
        self.venue.setPlaceholderText(self.tr("e.g. Hotel Santika Medan"))
        zone_names = {"WIB": self.tr("WIB \u2014 Western Indonesia (Jakarta, Medan, Pontianak)"),
                      "WITA": self.tr("WITA \u2014 Central Indonesia (Makassar, Denpasar, Balikpapan)"),
                      "WIT": self.tr("WIT \u2014 Eastern Indonesia (Jayapura, Ambon)")}
        for i in range(self.timezone.count()):
            self.timezone.setItemText(i, zone_names.get(self.timezone.itemData(i), self.timezone.itemData(i)))
        self.timezone.setToolTip(self.tr("Every time printed on the event's documents is local time in this zone."))

    def timezone_name(self) -> str:
        """The chosen zone: WIB, WITA or WIT."""
        return str(self.timezone.currentData() or "WIB")

    def dates(self) -> tuple[dt.date, dt.date]:
        return self.starts_on.date().toPython(), self.ends_on.date().toPython()  # type: ignore[return-value]

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        starts, ends = self.dates()
        if ends < starts:
            set_message(self.message, self.tr("The event cannot end before it starts."), DANGER)
            self.ends_on.setFocus()
            return False
        name = " ".join(self.name.text().split())
        try:
            with self._db.read() as s:
                existing = [e.name for e in events.list_events(s) if e.name.casefold() == name.casefold()]
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        if existing:
            set_message(self.message, self.tr("An event named \u201c%1\u201d exists already; choose another name.")
                        .replace("%1", existing[0]), DANGER)
            self.name.setFocus()
            return False
        set_message(self.message, "")
        return True


class RubricPage(QWizardPage):
    """A built-in rubric or a TOML file; its problems, never a bad rubric accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric: Rubric | None = None
        self.source: Path | None = None
        self.builtin = QListWidget(self)
        self.builtin.setObjectName("builtin_rubrics")
        self.builtin.setAlternatingRowColors(True)
        self._paths: list[Path] = list_builtin_rubrics()
        for path in self._paths:
            item = QListWidgetItem(path.stem, self.builtin)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.builtin.currentRowChanged.connect(self._builtin_chosen)
        self.file_button = QPushButton(self)
        self.file_button.setObjectName("rubric_file_button")
        self.file_button.clicked.connect(lambda _checked=False: self.choose_file())
        self.chosen = QLabel(self)
        self.chosen.setObjectName("rubric_chosen")
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QListWidget(self)
        self.problems.setObjectName("rubric_problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.list_label = QLabel(self)
        self.list_label.setBuddy(self.builtin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list_label)
        layout.addWidget(self.builtin, 1)
        row = QHBoxLayout()
        row.addWidget(self.file_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.chosen)
        layout.addWidget(self.problems, 1)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The rubric"))
        self.setSubTitle(self.tr("The criteria, weights and pass mark the judges score against. Choose a "
                                 "built-in rubric or a rubric file (TOML); a file with problems is not accepted."))
        self.list_label.setText(self.tr("&Built-in rubrics:"))
        self.builtin.setAccessibleName(self.tr("Built-in rubrics"))
        self.file_button.setText(self.tr("Rubric &file\u2026"))
        self.problems.setAccessibleName(self.tr("Problems of the rubric file"))
        lang = language.current_language()
        for i, path in enumerate(self._paths):
            try:
                title = load_rubric(path).title(lang)
            except OaoiError:
                title = path.stem
            self.builtin.item(i).setText(f"{title}  ({path.name})")
        self._show_chosen()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        if self.rubric is None and self._paths:
            default = next((i for i, p in enumerate(self._paths) if p.stem == "kipp-proposal"), 0)
            self.builtin.setCurrentRow(default)

    def _builtin_chosen(self, row: int) -> None:
        if 0 <= row < len(self._paths):
            self.set_rubric_file(self._paths[row])

    def choose_file(self) -> object:
        return dialogs.choose_file(
            self, self.tr("Choose a rubric file"), on_chosen=self.set_rubric_file,
            name_filters=[self.tr("Rubric files (*.toml)"), self.tr("All files (*)")])

    def set_rubric_file(self, path: Path) -> bool:
        """Check and take the rubric at ``path``; show its problems (True when accepted)."""
        path = Path(path)
        self.problems.clear()
        try:
            rubric = load_rubric(path)
        except ProblemsError as exc:
            self.rubric, self.source = None, path
            for problem in exc.problems:
                QListWidgetItem(problem.render(), self.problems)
        except OaoiError as exc:
            self.rubric, self.source = None, path
            QListWidgetItem(exc.render(), self.problems)
        else:
            self.rubric, self.source = rubric, path
        self.problems.setVisible(self.problems.count() > 0)
        if path not in self._paths:
            self.builtin.blockSignals(True)
            self.builtin.setCurrentRow(-1)
            self.builtin.clearSelection()
            self.builtin.blockSignals(False)
        self._show_chosen()
        self.completeChanged.emit()
        return self.rubric is not None

    def _show_chosen(self) -> None:
        if self.source is None:
            set_message(self.chosen, "")
            return
        if self.rubric is None:
            set_message(self.chosen, self.tr("%1 has problems and cannot be used:").replace("%1", str(self.source)),
                        DANGER)
            return
        lang = language.current_language()
        r = self.rubric
        stages = "; ".join(
            f"{st.name(lang)}: " + ", ".join(c.name(lang) for c in st.criteria)
            for st in r.stages)
        set_message(self.chosen, self.tr("%1 (version %2), pass mark %3. %4").replace("%1", r.title(lang))
                    .replace("%2", r.version).replace("%3", str(r.pass_mark)).replace("%4", stages), SUCCESS)

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        return self.rubric is not None


class RulesPage(QWizardPage):
    """Blind mode, the recusal level, agency name aliases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blind = QCheckBox(self)
        self.blind.setObjectName("blind_mode")
        self.blind_note = make_body(QLabel(self), muted=True)
        self.level_instansi = QRadioButton(self)
        self.level_instansi.setObjectName("recusal_instansi")
        self.level_instansi.setChecked(True)
        self.level_unit = QRadioButton(self)
        self.level_unit.setObjectName("recusal_unit_kerja")
        self.level_group = QButtonGroup(self)
        self.level_group.addButton(self.level_instansi)
        self.level_group.addButton(self.level_unit)
        self.level_label = QLabel(self)
        self.aliases_label = QLabel(self)
        self.aliases = QPlainTextEdit(self)
        self.aliases.setObjectName("aliases")
        self.aliases.setTabChangesFocus(True)
        self.aliases_label.setBuddy(self.aliases)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.blind)
        layout.addWidget(self.blind_note)
        layout.addSpacing(em(self, 0.6))
        layout.addWidget(self.level_label)
        layout.addWidget(self.level_instansi)
        layout.addWidget(self.level_unit)
        layout.addSpacing(em(self, 0.6))
        layout.addWidget(self.aliases_label)
        layout.addWidget(self.aliases, 1)
        layout.addWidget(self.message)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Conflict rules"))
        self.setSubTitle(self.tr("Who may not judge what. The rules are enforced whenever judges are assigned."))
        self.blind.setText(self.tr("&Blind mode: judges do not see the names of the agencies"))
        self.blind_note.setText(self.tr("Names of the instansi, unit kerja and innovators are masked in what the "
                                        "judges read."))
        self.level_label.setText(self.tr("A judge is recused from the dossiers of their own:"))
        self.level_instansi.setText(self.tr("&instansi (national competitions: a ministry's staff never judge its "
                                            "entries)"))
        self.level_unit.setText(self.tr("&unit kerja (a city's OPD competition, where every entry shares one "
                                        "instansi)"))
        self.aliases_label.setText(self.tr("&Aliases, one agency per line: NAME = ALIAS; ALIAS"))
        self.aliases.setPlaceholderText(
            "Kementerian PANRB = KemenPAN-RB; Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi")
        self.aliases.setAccessibleName(self.tr("Aliases"))

    def recusal_level(self) -> RecusalLevel:
        return RecusalLevel.UNIT_KERJA if self.level_unit.isChecked() else RecusalLevel.INSTANSI

    def alias_table(self) -> dict[str, list[str]]:
        return parse_aliases(self.aliases.toPlainText())[0]

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        _aliases, bad = parse_aliases(self.aliases.toPlainText())
        if bad:
            set_message(self.message, self.tr("Aliases, line %1: write NAME = ALIAS; ALIAS.")
                        .replace("%1", ", ".join(map(str, bad))), DANGER)
            self.aliases.setFocus()
            return False
        set_message(self.message, "")
        return True


class RosterPage(QWizardPage):
    """The judges: typed in, or imported from CSV/XLSX; a PIN typed in or left blank to generate."""

    def __init__(self, db: Database, wizard: "EventWizard") -> None:
        super().__init__(wizard)
        self._db = db
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

        def work(s: Any) -> tuple[list[dict[str, Any]], list[str]]:
            event = events.create_event(s, name=f"roster check {uuid.uuid4()}", rubric=rubric, actor=self._wizard.actor)
            result = accounts.import_roster(s, event, Path(path), actor=self._wizard.actor)
            added = []
            for o in result.outcomes:
                if o.status == "added" and o.judge_id is not None:
                    u = s.get(User, o.judge_id)
                    added.append({"row": o.row, "name": u.name, "nip": u.nip, "instansi": u.instansi,
                                  "unit_kerja": u.unit_kerja, "role": u.role})
            return added, [p.render() for p in result.problems]

        try:
            added, problems = _trial(self._db, work)
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

        def work(s: Any) -> list[str]:
            found: list[str] = []
            event = events.create_event(s, name=f"roster check {uuid.uuid4()}", rubric=rubric,
                                        actor=self._wizard.actor)
            for j in judges:
                try:
                    with s.begin_nested():
                        if j["pin"]:
                            accounts.check_secret_strength(j["pin"])
                        accounts.add_judge(s, event, name=j["name"], instansi=j["instansi"],
                                           unit_kerja=j["unit_kerja"], nip=j["nip"] or None, role=j["role"],
                                           actor=self._wizard.actor)
                except OaoiError as exc:
                    found.append(self.tr("Row %1: %2").replace("%1", str(j["row"])).replace("%2", exc.render()))
            return found

        return _trial(self._db, work)

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


class ReviewPage(QWizardPage):
    """What will be created; its button creates it (one transaction)."""

    def __init__(self, wizard: "EventWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.summary = QLabel(self)
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message_label(self)
        self.message.setObjectName("review_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setCommitPage(True)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check and create"))
        self.setSubTitle(self.tr("Nothing is stored until you press \u201cCreate event\u201d; then the event, "
                                 "its rubric, the judges and their PINs are created together."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create event"))
        if self.isVisible():
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        w = self._wizard
        lang = language.current_language()
        starts, ends = w.event_page.dates()
        rubric = w.rubric_page.rubric
        judges = w.roster_page.judges()
        level = (self.tr("instansi") if w.rules_page.recusal_level() == RecusalLevel.INSTANSI
                 else self.tr("unit kerja"))
        lines = [
            self.tr("Event: %1").replace("%1", " ".join(w.event_page.name.text().split())),
            self.tr("Organiser: %1").replace("%1", w.event_page.organiser.text().strip() or "\u2013"),
            self.tr("Venue: %1").replace("%1", w.event_page.venue.text().strip() or "\u2013"),
            self.tr("Dates: %1 to %2").replace("%1", starts.strftime("%d-%m-%Y")).replace("%2", ends.strftime("%d-%m-%Y")),
            self.tr("Time zone: %1").replace("%1", w.event_page.timezone_name()),
            self.tr("Rubric: %1").replace("%1", rubric.title(lang) if rubric else "\u2013"),
            self.tr("Blind mode: %1").replace("%1", self.tr("on") if w.rules_page.blind.isChecked() else self.tr("off")),
            self.tr("Recusal level: %1").replace("%1", level),
            self.tr("Aliases: %1").replace("%1", str(len(w.rules_page.alias_table()))),
            self.tr("Judges: %1").replace("%1", str(len(judges))),
        ]
        for j in judges:
            role = (self.tr("chair") if j["role"] == Role.CHAIR
                    else self.tr("trainee, never counted") if j["role"] == Role.SHADOW else self.tr("member"))
            pin = self.tr("PIN set") if j["pin"] else self.tr("PIN generated")
            lines.append(f"   \u2022 {j['name']} ({role}; {j['instansi']}; {pin})")
        self.summary.setText("\n".join(lines))

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._wizard.create()
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        set_message(self.message, "")
        return True


class SlipsPage(QWizardPage):
    """The PIN slips with the recovery codes, shown once; saved as a PDF."""

    def __init__(self, wizard: "EventWizard") -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.saved_to: Path | None = None
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("slips_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_slips")
        self.save_button.clicked.connect(lambda _checked=False: self.choose_pdf())
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_slips")
        self.print_button.clicked.connect(lambda _checked=False: self.choose_printer())
        self.printed = False
        self.note = make_body(QLabel(self))
        self.message = message_label(self)
        self.message.setObjectName("slips_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("PIN slips"))
        self.setSubTitle(self.tr("The event is created. Print the slips and hand each judge their own."))
        self.note.setText(self.tr("These PINs and one-time recovery codes are shown only now: the database keeps "
                                  "only their hashes. Save the slips as a PDF or print them before you finish (a new "
                                  "slip can be printed later in the secretariat console, which replaces the PIN)."))
        self.table.setHorizontalHeaderLabels([self.tr("Judge"), self.tr("PIN"), self.tr("Recovery code")])
        self.save_button.setText(self.tr("&Save PIN slips (PDF)\u2026"))
        self.print_button.setText(self.tr("&Print PIN slips\u2026"))

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        slips = self._wizard.slips
        self.table.setRowCount(len(slips))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row, slip in enumerate(slips):
            for col, text in enumerate((slip.name, slip.pin, slip.recovery_code)):
                item = QTableWidgetItem(text)
                if col:
                    item.setFont(fixed)
                self.table.setItem(row, col, item)
        self.save_button.setEnabled(bool(slips))
        self.print_button.setEnabled(bool(slips))

    def kept(self) -> bool:
        """True once the slips were saved as a PDF or printed (or there are none to keep)."""
        return not self._wizard.slips or self.saved_to is not None or self.printed

    def choose_printer(self) -> object:
        """Print the slips directly (the print dialog through the dialog seam)."""
        return dialogs.choose_printer(self, self.tr("Print the PIN slips"), on_chosen=self.print_slips)

    def print_slips(self, printer: Any) -> bool:
        w = self._wizard
        starts, ends = w.event_page.dates()
        dates = f"{starts:%d-%m-%Y} \u2013 {ends:%d-%m-%Y}"
        print_pin_slips(printer, w.event_name, w.event_page.venue.text().strip(), dates, w.slips)
        self.printed = True
        set_message(self.message, self.tr("Sent to the printer."), SUCCESS)
        return True

    def choose_pdf(self) -> object:
        name = "".join(ch if ch.isalnum() else "-" for ch in self._wizard.event_name).strip("-").lower()
        return dialogs.choose_file(self, self.tr("Save the PIN slips"), on_chosen=self.save_pdf, save=True,
                                   default_suffix="pdf", directory=f"slip-pin-{name}.pdf",
                                   name_filters=[self.tr("PDF files (*.pdf)")])

    def save_pdf(self, path: Path) -> Path | None:
        w = self._wizard
        starts, ends = w.event_page.dates()
        dates = f"{starts:%d-%m-%Y} \u2013 {ends:%d-%m-%Y}"
        try:
            written = write_pin_slips(Path(path), w.event_name, w.event_page.venue.text().strip(), dates, w.slips)
        except OSError as exc:
            set_message(self.message, self.tr("The PIN slips could not be saved to %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)), DANGER)
            return None
        self.saved_to = written
        set_message(self.message, self.tr("Saved to %1.").replace("%1", str(written)), SUCCESS)
        return written


# -- the wizard -------------------------------------------------------------------------
class EventWizard(QWizard):
    """Set up an evaluation event in one go (see the module docstring).

    Signals:
        event_created(str): the event and its roster were stored (the event id);
            emitted when "Create event" succeeds, before the PIN slips page.
    """

    event_created = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *, actor: Actor) -> None:
        """``actor``: the signed-in secretariat member who sets the event up (named in the audit log)."""
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.event_id: str | None = None
        self.event_name = ""
        self.slips: list[SlipEntry] = []
        self.setObjectName("event_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.event_page = EventPage(db, self)
        self.rubric_page = RubricPage(self)
        self.rules_page = RulesPage(self)
        self.roster_page = RosterPage(db, self)
        self.review_page = ReviewPage(self)
        self.slips_page = SlipsPage(self)
        for page_id, page in ((PAGE_EVENT, self.event_page), (PAGE_RUBRIC, self.rubric_page),
                              (PAGE_RULES, self.rules_page), (PAGE_ROSTER, self.roster_page),
                              (PAGE_REVIEW, self.review_page), (PAGE_SLIPS, self.slips_page)):
            self.setPage(page_id, page)
        resize_within_screen(self, em(self, 66), em(self, 42))
        self.retranslate_ui()

    @property
    def actor(self) -> Actor:
        return self._actor

    # -- nothing is lost with one key: leaving the PIN slips unsaved asks first ----------------
    _leaving_confirmed = False
    leave_question: object = None
    """The confirmation shown when the slips would be lost (a QMessageBox), while it is open."""

    def slips_at_risk(self) -> bool:
        """True while the PIN slips are shown and neither saved nor printed."""
        return self.currentId() == PAGE_SLIPS and not self.slips_page.kept()

    def done(self, result: int) -> None:  # noqa: D401 - Qt naming
        """Finish, Esc and the window's close button all end here: unsaved slips ask first."""
        if self.slips_at_risk() and not self._leaving_confirmed and not self.property("oaoi_signing_out"):
            self._ask_to_leave(result)
            return
        super().done(result)

    def _ask_to_leave(self, result: int) -> None:
        if self.leave_question is not None:
            return

        def answered(leave: bool) -> None:
            self.leave_question = None
            if leave:
                self._leaving_confirmed = True
                self.done(result)
            else:
                self.slips_page.save_button.setFocus()

        self.leave_question = dialogs.question(
            self, self.tr("PIN slips not saved"),
            self.tr("The PINs and recovery codes are shown only on this page and are neither saved nor printed. "
                    "Close anyway? The judges cannot sign in until each gets a new slip from the console "
                    "(Reprint PIN slip)."),
            on_answered=answered)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New event"))
        B = QWizard.WizardButton
        self.setButtonText(B.BackButton, self.tr("< &Back"))
        self.setButtonText(B.NextButton, self.tr("&Next >"))
        self.setButtonText(B.FinishButton, self.tr("&Finish"))
        self.setButtonText(B.CancelButton, self.tr("Cancel"))
        self.setButtonText(B.HelpButton, self.tr("Help"))
        for page in (self.event_page, self.rubric_page, self.rules_page, self.roster_page, self.review_page,
                     self.slips_page):
            page.retranslate_ui()

    def create(self) -> str:
        """Create the event, its rubric, judges and PINs in one transaction; the event id."""
        if self.event_id is not None:
            return self.event_id
        rubric = self.rubric_page.rubric
        assert rubric is not None
        source = self.rubric_page.source
        starts, ends = self.event_page.dates()
        judges = self.roster_page.judges()
        slips: list[SlipEntry] = []
        with self._db.write() as s:
            event = events.create_event(
                s, name=self.event_page.name.text(), rubric=rubric, actor=self._actor,
                rubric_source=source.name if source else "", organiser=self.event_page.organiser.text(),
                venue=self.event_page.venue.text(), starts_on=starts, ends_on=ends,
                blind_mode=self.rules_page.blind.isChecked(), recusal_level=self.rules_page.recusal_level(),
                aliases=self.rules_page.alias_table(), timezone=self.event_page.timezone_name(),
            )
            for j in judges:
                user = accounts.add_judge(s, event, name=j["name"], instansi=j["instansi"],
                                          unit_kerja=j["unit_kerja"], nip=j["nip"] or None, role=j["role"],
                                          actor=self._actor)
                if j["pin"]:
                    code = auth.reset_credentials(s, user, self._actor, new_secret=j["pin"])
                    slips.append(SlipEntry(user.name, user.role.value, j["pin"], code))
                else:
                    slip = auth.issue_pin_slip(s, user, self._actor)
                    slips.append(SlipEntry(user.name, user.role.value, slip.pin, slip.recovery_code))
            event_id, name = str(event.id), event.name
        self.event_id, self.event_name, self.slips = event_id, name, slips
        self.event_created.emit(event_id)
        return event_id


__all__ = ["EventWizard", "parse_aliases"]
