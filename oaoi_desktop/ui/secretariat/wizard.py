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
is rolled back (:func:`~oaoi_desktop.ui.secretariat.desk.trial`), so the
wizard reports exactly what creating would refuse.  The pages live in
:mod:`~oaoi_desktop.ui.secretariat.wizard_pages` (event, rubric, rules) and
:mod:`~oaoi_desktop.ui.secretariat.roster_page`; every unit of work on the
database is opened by :class:`~oaoi_desktop.ui.secretariat.event_setup.EventSetup`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.secretariat.event_setup import EventSetup, RecusalLevel, Role, parse_aliases
from oaoi_desktop.ui.secretariat.pin_slips import SlipEntry, print_pin_slips, write_pin_slips
from oaoi_desktop.ui.secretariat.roster_page import RosterPage
from oaoi_desktop.ui.secretariat.wizard_pages import EventPage, RubricPage, RulesPage
from oaoi_desktop.ui.widgets import em, make_body

PAGE_EVENT, PAGE_RUBRIC, PAGE_RULES, PAGE_ROSTER, PAGE_REVIEW, PAGE_SLIPS = range(6)


# -- pages ----------------------------------------------------------------------------
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
        self.event_setup = EventSetup(db, actor)
        self.event_id: str | None = None
        self.event_name = ""
        self.slips: list[SlipEntry] = []
        self.setObjectName("event_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.event_page = EventPage(self.event_setup, self)
        self.rubric_page = RubricPage(self)
        self.rules_page = RulesPage(self)
        self.roster_page = RosterPage(self.event_setup, self)
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
        return self.event_setup.actor

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
        event_id, name, issued = self.event_setup.create(
            name=self.event_page.name.text(), rubric=rubric, rubric_source=source.name if source else "",
            organiser=self.event_page.organiser.text(), venue=self.event_page.venue.text(),
            starts_on=starts, ends_on=ends, blind_mode=self.rules_page.blind.isChecked(),
            recusal_level=self.rules_page.recusal_level(), aliases=self.rules_page.alias_table(),
            timezone=self.event_page.timezone_name(), judges=judges,
        )
        slips = [SlipEntry(*slip) for slip in issued]
        self.event_id, self.event_name, self.slips = event_id, name, slips
        self.event_created.emit(event_id)
        return event_id


__all__ = [
    "PAGE_EVENT",
    "PAGE_REVIEW",
    "PAGE_ROSTER",
    "PAGE_RUBRIC",
    "PAGE_RULES",
    "PAGE_SLIPS",
    "EventPage",
    "EventWizard",
    "ReviewPage",
    "RosterPage",
    "RubricPage",
    "RulesPage",
    "SlipsPage",
    "parse_aliases",
]
