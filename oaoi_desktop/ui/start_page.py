"""The empty-state page: what a new user does next.

Shown while the database has no evaluation event.  It reads a
:class:`~oaoi_desktop.services.status.StatusSummary` and names the one next
step (create the secretariat account, then create an evaluation event),
with the three set-up steps as a check list above it.  Until the GUI wizards
exist, each step shows the exact ``oaoi`` command that does it, in a
selectable label with a copy button.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.services.status import StatusSummary
from oaoi_desktop.ui.widgets import StepBadge, em, make_body, make_heading, make_title

# The CLI commands each step shows; keep them in step with oaoi_desktop/cli.py.
CLI_CREATE_SECRETARIAT = 'oaoi user add --role secretariat --name "..."'
CLI_CREATE_EVENT = 'oaoi event create --name "..." --rubric kipp-proposal'

_SHELL_SPECIAL = set(" \t&()[]{}^=;!'+,`~$<>|*?#\"")


def quote_argument(value: str) -> str:
    """``value`` quoted for a command line, the same way in cmd.exe and POSIX shells."""
    if value and not (set(value) & _SHELL_SPECIAL):
        return value
    if sys.platform == "win32":
        return '"' + value.replace('"', '\\"') + '"'
    if not (set(value) & set('"$`\\!')):
        return '"' + value + '"'
    return "'" + value.replace("'", "'\\''") + "'"


def cli_command(command: str, database: str | None = None) -> str:
    """``command``, with ``--db DATABASE`` appended when the app uses another than the default database."""
    if not database:
        return command
    return f"{command} --db {quote_argument(database)}"


class StartPage(QWidget):
    """The empty-state page: the set-up check list and the next step.

    Signals:
        command_copied(str): the user copied the shown command to the clipboard.
    """

    command_copied = Signal(str)

    SECRETARIAT = "secretariat"
    EVENT = "event"

    def __init__(self, database: str | None = None, parent: QWidget | None = None) -> None:
        """``database``: what the CLI's ``--db`` must name to reach the app's database (None: the default)."""
        super().__init__(parent)
        self._database = database
        self._step = self.SECRETARIAT
        self._has_secretariat = False
        self._build_ui()
        self.retranslate_ui()

    # -- construction ----------------------------------------------------
    def _build_ui(self) -> None:
        self.setObjectName("start_page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)

        canvas = QWidget()
        canvas.setObjectName("start_canvas")
        scroll.setWidget(canvas)
        row = QHBoxLayout(canvas)
        row.setContentsMargins(em(self, 2), em(self, 2.2), em(self, 2), em(self, 2))
        row.addStretch(1)
        column_widget = QWidget(canvas)
        column_widget.setMaximumWidth(em(self, 42))
        column_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(column_widget, 100)
        row.addStretch(1)

        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(em(self, 0.6))

        self.title = make_title(QLabel(column_widget))
        self.title.setObjectName("start_title")
        self.intro = make_body(QLabel(column_widget), muted=True)
        self.intro.setObjectName("start_intro")
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(em(self, 1))

        # the check list of set-up steps
        steps = QHBoxLayout()
        steps.setSpacing(em(self, 0.5))
        self._badges: list[StepBadge] = []
        self._step_labels: list[QLabel] = []
        for number in (1, 2, 3):
            badge = StepBadge(number, column_widget)
            label = QLabel(column_widget)
            label.setObjectName(f"step_label_{number}")
            self._badges.append(badge)
            self._step_labels.append(label)
            steps.addWidget(badge)
            steps.addWidget(label)
            if number < 3:
                line = QFrame(column_widget)
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Plain)
                line.setForegroundRole(QPalette.ColorRole.Mid)
                line.setMinimumWidth(em(self, 1.5))
                steps.addWidget(line, 1)
        column.addLayout(steps)
        column.addSpacing(em(self, 1))

        # the card with the next step
        card = QFrame(column_widget)
        card.setObjectName("next_step_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAutoFillBackground(True)
        card.setBackgroundRole(QPalette.ColorRole.Base)
        inner = QVBoxLayout(card)
        pad = em(self, 1.2)
        inner.setContentsMargins(pad, pad, pad, pad)
        inner.setSpacing(em(self, 0.6))

        self.heading = make_heading(QLabel(card))
        self.heading.setObjectName("next_step_heading")
        self.explanation = make_body(QLabel(card))
        self.explanation.setObjectName("next_step_explanation")
        self.command_intro = make_body(QLabel(card), muted=True)
        self.command_intro.setObjectName("next_step_command_intro")
        inner.addWidget(self.heading)
        inner.addWidget(self.explanation)
        inner.addSpacing(em(self, 0.3))
        inner.addWidget(self.command_intro)

        command_box = QFrame(card)
        command_box.setObjectName("next_step_command_box")
        command_box.setFrameShape(QFrame.Shape.StyledPanel)
        command_box.setAutoFillBackground(True)
        command_box.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        command_row = QHBoxLayout(command_box)
        command_row.setContentsMargins(em(self, 0.7), em(self, 0.5), em(self, 0.5), em(self, 0.5))
        self.command = QLabel(command_box)
        self.command.setObjectName("next_step_command")
        self.command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command.setTextFormat(Qt.TextFormat.PlainText)
        self.command.setWordWrap(True)
        self.command.setMinimumWidth(1)
        self.command.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.command.setCursor(Qt.CursorShape.IBeamCursor)
        self.copy_button = QPushButton(command_box)
        self.copy_button.setObjectName("copy_command_button")
        self.copy_button.clicked.connect(self.copy_command)
        command_row.addWidget(self.command, 1)
        command_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        inner.addWidget(command_box)

        self.hint = make_body(QLabel(card), muted=True)
        self.hint.setObjectName("next_step_hint")
        inner.addWidget(self.hint)
        column.addWidget(card)
        column.addStretch(1)

    # -- state -------------------------------------------------------------
    def set_summary(self, summary: StatusSummary) -> None:
        """Show the next step for the database that ``summary`` describes."""
        self._has_secretariat = summary.secretariat_accounts > 0
        self._step = self.EVENT if self._has_secretariat else self.SECRETARIAT
        self.retranslate_ui()

    def next_step(self) -> str:
        """``StartPage.SECRETARIAT`` or ``StartPage.EVENT``."""
        return self._step

    def command_text(self) -> str:
        """The whole command the page shows for the next step."""
        command = CLI_CREATE_EVENT if self._step == self.EVENT else CLI_CREATE_SECRETARIAT
        return cli_command(command, self._database)

    def copy_command(self) -> None:
        text = self.command_text()
        QGuiApplication.clipboard().setText(text)
        self.command_copied.emit(text)

    # -- language ------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Welcome to oaoi-desktop"))
        self.intro.setText(
            self.tr(
                "oaoi-desktop runs the judging of public-service innovations without an "
                "internet connection: import the proposals, let the panel score them, rank "
                "the results and print the signed sheets and minutes."
            )
        )
        names = (self.tr("Secretariat account"), self.tr("Evaluation event"), self.tr("Judges and proposals"))
        current = 0 if self._step == self.SECRETARIAT else 1
        for index, (badge, label, name) in enumerate(zip(self._badges, self._step_labels, names)):
            label.setText(name)
            if index < current:
                badge.set_state(StepBadge.DONE)
                label.setForegroundRole(QPalette.ColorRole.WindowText)
            elif index == current:
                badge.set_state(StepBadge.CURRENT)
                label.setForegroundRole(QPalette.ColorRole.WindowText)
            else:
                badge.set_state(StepBadge.PENDING)
                label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            font = label.font()
            font.setBold(index == current)
            label.setFont(font)

        if self._step == self.SECRETARIAT:
            self.heading.setText(self.tr("Next step: create the secretariat account"))
            self.explanation.setText(
                self.tr(
                    "The secretariat creates the evaluation events, registers the judges, "
                    "imports the proposals and prints the results. Create its account once "
                    "for this database; the command asks for the account's PIN."
                )
            )
        else:
            self.heading.setText(self.tr("Next step: create an evaluation event"))
            self.explanation.setText(
                self.tr(
                    "An evaluation event (Kegiatan penilaian) is one round of judging, for "
                    "example \u201cKIPP Kota Medan 2026 \u2014 Penilaian Proposal\u201d. It "
                    "fixes the rubric (Instrumen penilaian) the judges score against."
                )
            )
        self.command_intro.setText(
            self.tr(
                "Until this step can be done here in the app, run this command in a "
                "terminal and replace ... with the name:"
            )
        )
        self.command.setText(self.command_text())
        self.copy_button.setText(self.tr("Copy command"))
        self.copy_button.setToolTip(self.tr("Copy the command to the clipboard"))
        self.hint.setText(self.tr("Then choose View \u25b8 Reload (F5) to continue."))


__all__ = ["CLI_CREATE_EVENT", "CLI_CREATE_SECRETARIAT", "StartPage", "cli_command", "quote_argument"]
