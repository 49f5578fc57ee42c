"""The first pages of the event set-up wizard: the event, the rubric, the conflict rules.

:class:`EventPage` (name, organiser, venue, dates, time zone; a name already
taken is refused), :class:`RubricPage` (a built-in file of ``scoring_rubrics/``
or a TOML file, checked by the rubric loader; a rubric with problems is never
accepted) and :class:`RulesPage` (blind mode, recusal level, aliases).  The
wizard itself is :class:`~oaoi_desktop.ui.secretariat.wizard.EventWizard`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.rubrics import list_builtin_rubrics, load_rubric
from oaoi_desktop.errors import OaoiError, ProblemsError
from oaoi_desktop.services import events
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.secretariat.event_setup import EventSetup, RecusalLevel, parse_aliases
from oaoi_desktop.ui.widgets import em, make_body


class EventPage(QWizardPage):
    """Name, organiser, venue and dates."""

    def __init__(self, setup: EventSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup = setup
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
            existing = self._setup.existing_names(name)
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


__all__ = ["EventPage", "RubricPage", "RulesPage"]
