"""The empty-state page: what a new user does next.

Shown while the database has no evaluation event.  It reads a
:class:`~oaoi_desktop.services.status.StatusSummary` and names the one next
step (create the secretariat account, then create an evaluation event),
with the three set-up steps as a check list above it.  The next step is a
row of buttons, never a terminal command: "Buat akun sekretariat" before the
first account exists, then "Kegiatan baru" (the event wizard), "Impor" (the
import dialog) and "Buka demo".  The main window connects the page's signals
to its own actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
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

from oaoi_desktop.ui.widgets import StepBadge, em, make_body, make_heading, make_title

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is shown (issue 14: start fast)
    from oaoi_desktop.services.status import StatusSummary


class StartPage(QWidget):
    """The empty-state page: the set-up check list and the next step, as buttons.

    Signals:
        setup_requested(): "Buat akun sekretariat" was pressed (the first-run dialog).
        new_event_requested(): "Kegiatan baru" was pressed (the event wizard).
        import_requested(): "Impor" was pressed (the import dialog).
        demo_requested(): "Buka demo" was pressed (the demo event in its own window).
    """

    setup_requested = Signal()
    new_event_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    SECRETARIAT = "secretariat"
    EVENT = "event"

    def __init__(self, database: str | None = None, parent: QWidget | None = None) -> None:
        """``database``: the app's database as named to the user (None: the default); kept for callers."""
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
        inner.addWidget(self.heading)
        inner.addWidget(self.explanation)
        inner.addSpacing(em(self, 0.3))

        # the next step as buttons: every routine step is done here in the app, never in a terminal
        actions = QHBoxLayout()
        actions.setSpacing(em(self, 0.5))
        self.setup_button = QPushButton(card)
        self.setup_button.setObjectName("start_setup_button")
        self.setup_button.clicked.connect(lambda _checked=False: self.setup_requested.emit())
        self.new_event_button = QPushButton(card)
        self.new_event_button.setObjectName("start_new_event_button")
        self.new_event_button.clicked.connect(lambda _checked=False: self.new_event_requested.emit())
        self.import_button = QPushButton(card)
        self.import_button.setObjectName("start_import_button")
        self.import_button.clicked.connect(lambda _checked=False: self.import_requested.emit())
        self.demo_button = QPushButton(card)
        self.demo_button.setObjectName("start_demo_button")
        self.demo_button.clicked.connect(lambda _checked=False: self.demo_requested.emit())
        for button in (self.setup_button, self.new_event_button, self.import_button, self.demo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        inner.addLayout(actions)

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
                    "for this database; you choose its PIN or passphrase."
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
        secretariat_step = self._step == self.SECRETARIAT
        self.setup_button.setText(self.tr("Create the &secretariat account\u2026"))
        self.setup_button.setToolTip(self.tr("Create the account that sets up events, judges and results"))
        self.new_event_button.setText(self.tr("&New event\u2026"))
        self.new_event_button.setToolTip(self.tr("Set up an evaluation event: rubric, conflict rules, judges and PINs"))
        self.import_button.setText(self.tr("&Import\u2026"))
        self.import_button.setToolTip(self.tr("Import proposals from a USB stick, a folder or a ZIP file"))
        self.demo_button.setText(self.tr("Open the &demo"))
        self.demo_button.setToolTip(self.tr("Open a demo event with sample proposals, in a separate database"))
        self.setup_button.setVisible(secretariat_step)
        self.new_event_button.setVisible(not secretariat_step)
        self.import_button.setVisible(not secretariat_step)
        (self.setup_button if secretariat_step else self.new_event_button).setDefault(True)
        self.hint.setText(self.tr("The demo opens in a window of its own, with its own database: "
                                  "nothing in it touches this one."))


__all__ = ["StartPage"]
