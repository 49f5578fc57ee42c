"""The pages that stand in front of the window's content: the sign-in page and the lock screen.

:class:`SignInPage` is what the window shows while nobody is signed in: the
secretariat chooses its account (every active secretariat account, from
:func:`oaoi_desktop.services.auth.sign_in_names`) and types its PIN or
passphrase; a locked-out member unlocks with the recovery code.  Judges sign in
with the judge sign-in dialog (the page's button asks for it).  With no account
at all the page offers the first-run set-up (and, for a judge's new laptop,
the panel package import); on a judge's laptop it offers no secretariat
sign-in at all.

:class:`LockScreen` hides the content while the window is locked: it names
who is signed in and asks that person's PIN again; "sign out" lets someone
else sign in.

Both are built before the database is open (the quick start, issue 14): the
page shows the :class:`~oaoi_desktop.store.quick.SignInChoices` it is given
(:meth:`SignInPage.show_choices`) and imports the services only to read them
again (:meth:`SignInPage.reload`) or to sign someone in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.store.quick import SignInChoices
from oaoi_desktop.ui.judge.common import DANGER, message_label, set_message
from oaoi_desktop.ui.widgets import PassphraseField, em, make_body, make_heading, make_title, scaled_font

if TYPE_CHECKING:  # loaded after the window is shown (issue 14: start fast)
    from oaoi_desktop.services.auth import SignedIn
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.ui.sign_in_gate import SignInGate


def _card(parent: QWidget, name: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName(name)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setAutoFillBackground(True)
    card.setBackgroundRole(QPalette.ColorRole.Base)
    inner = QVBoxLayout(card)
    pad = em(parent, 1.2)
    inner.setContentsMargins(pad, pad, pad, pad)
    inner.setSpacing(em(parent, 0.6))
    return card, inner


def _message(parent: QWidget) -> QLabel:
    """A message label that shows its colour on a card (whose background is the Base role)."""
    label = message_label(parent)
    label.setForegroundRole(QPalette.ColorRole.WindowText)
    return label


def _centred_column(page: QWidget, width_em: float) -> QVBoxLayout:
    """A scrollable, centred column of at most ``width_em`` em on ``page``."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    outer.addWidget(scroll)
    canvas = QWidget()
    scroll.setWidget(canvas)
    row = QHBoxLayout(canvas)
    row.setContentsMargins(em(page, 2), em(page, 2), em(page, 2), em(page, 2))
    row.addStretch(1)
    column_widget = QWidget(canvas)
    column_widget.setMaximumWidth(em(page, width_em))
    column_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    row.addWidget(column_widget, 100)
    row.addStretch(1)
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(em(page, 0.8))
    return column


class SignInPage(QWidget):
    """Who may use the app: the secretariat's sign-in, the judges' way in, the first run.

    Call :meth:`reload` to read the accounts again (``db`` may be a function that
    returns the database, waiting until it is open), or :meth:`show_choices` to
    show choices read elsewhere.  It does not change who is signed in itself: ``sign_in`` (given by the window) checks the PIN and
    signs the person in, or raises :class:`~oaoi_desktop.errors.OaoiError`.

    Signals:
        judge_sign_in_requested(): the user wants the judge sign-in dialog.
        setup_requested(): the user wants to create the first secretariat account.
        package_import_requested(): the user wants to set up a judge's laptop from a panel package.
        signed_in(object): a secretariat member signed in here (the :class:`SignedIn`).
    """

    judge_sign_in_requested = Signal()
    setup_requested = Signal()
    package_import_requested = Signal()
    signed_in = Signal(object)

    SIGN_IN, RECOVERY, NEW_CODE = range(3)

    def __init__(self, db: Database | Callable[[], Database], sign_in: Callable[[str, str], SignedIn],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._sign_in = sign_in
        self._judge_seat = False
        self._needs_setup = False
        self._accounts = 0
        self._pending: SignedIn | None = None
        self.setObjectName("sign_in_page")
        self._build_ui()
        self.retranslate_ui()

    # -- construction -------------------------------------------------------------------
    def _build_ui(self) -> None:
        column = _centred_column(self, 36)
        self.title = make_title(QLabel(self))
        self.title.setObjectName("sign_in_title")
        self.intro = make_body(QLabel(self), muted=True)
        self.intro.setObjectName("sign_in_intro")
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(em(self, 0.4))

        # the secretariat's card: sign in / recovery code / new recovery code
        self.secretariat_card, inner = _card(self, "secretariat_card")
        self.secretariat_heading = make_heading(QLabel(self.secretariat_card))
        inner.addWidget(self.secretariat_heading)
        self.pages = QStackedWidget(self.secretariat_card)
        inner.addWidget(self.pages)

        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel(page)
        self.name_combo = QComboBox(page)
        self.name_combo.setObjectName("secretariat_name")
        self.secret_label = QLabel(page)
        self.secret = PassphraseField(page, object_name="secretariat_secret")
        self.secret.returnPressed.connect(self.try_sign_in)
        for label, field in ((self.name_label, self.name_combo), (self.secret_label, self.secret)):
            label.setBuddy(field)
            form.addRow(label, field)
        v.addLayout(form)
        self.message = _message(page)
        self.message.setObjectName("secretariat_message")
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.recovery_button = QPushButton(page)
        self.recovery_button.setObjectName("secretariat_recovery_button")
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self.show_recovery)
        self.sign_in_button = QPushButton(page)
        self.sign_in_button.setObjectName("secretariat_sign_in_button")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        row.addWidget(self.recovery_button)
        row.addStretch(1)
        row.addWidget(self.sign_in_button)
        v.addLayout(row)
        self.pages.addWidget(page)

        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.recovery_intro = make_body(QLabel(page), muted=True)
        v.addWidget(self.recovery_intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_label, self.code = QLabel(page), QLineEdit(page)
        self.code.setObjectName("secretariat_recovery_code")
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.new_secret_label = QLabel(page)
        self.new_secret = PassphraseField(page, object_name="secretariat_new_secret")
        self.repeat_label = QLabel(page)
        self.repeat_secret = PassphraseField(page, object_name="secretariat_repeat_secret")
        for label, field in ((self.code_label, self.code), (self.new_secret_label, self.new_secret),
                             (self.repeat_label, self.repeat_secret)):
            label.setBuddy(field)
            form.addRow(label, field)
        v.addLayout(form)
        self.recovery_message = _message(page)
        self.recovery_message.setObjectName("secretariat_recovery_message")
        v.addWidget(self.recovery_message)
        row = QHBoxLayout()
        self.back_button = QPushButton(page)
        self.back_button.setObjectName("secretariat_back_button")
        self.back_button.clicked.connect(self.show_sign_in)
        self.unlock_button = QPushButton(page)
        self.unlock_button.setObjectName("secretariat_unlock_button")
        self.unlock_button.clicked.connect(self.try_recover)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        v.addLayout(row)
        self.pages.addWidget(page)

        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.new_code_intro = make_body(QLabel(page))
        self.new_code = QLabel(page)
        self.new_code.setObjectName("secretariat_new_recovery_code")
        self.new_code.setFont(scaled_font(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont), 1.5))
        self.new_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.continue_button = QPushButton(page)
        self.continue_button.setObjectName("secretariat_continue_button")
        self.continue_button.clicked.connect(self._finish_recovery)
        v.addWidget(self.new_code_intro)
        v.addWidget(self.new_code, 0, Qt.AlignmentFlag.AlignHCenter)
        v.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(page)
        column.addWidget(self.secretariat_card)

        # no account yet: the first run
        self.setup_card, inner = _card(self, "setup_card")
        self.setup_heading = make_heading(QLabel(self.setup_card))
        self.setup_text = make_body(QLabel(self.setup_card))
        row = QHBoxLayout()
        self.setup_button = QPushButton(self.setup_card)
        self.setup_button.setObjectName("setup_button")
        self.setup_button.clicked.connect(lambda _checked=False: self.setup_requested.emit())
        self.package_button = QPushButton(self.setup_card)
        self.package_button.setObjectName("package_import_button")
        self.package_button.clicked.connect(lambda _checked=False: self.package_import_requested.emit())
        row.addWidget(self.setup_button)
        row.addWidget(self.package_button)
        row.addStretch(1)
        inner.addWidget(self.setup_heading)
        inner.addWidget(self.setup_text)
        inner.addLayout(row)
        column.addWidget(self.setup_card)

        # the judges
        self.judge_card, inner = _card(self, "judge_card")
        self.judge_heading = make_heading(QLabel(self.judge_card))
        self.judge_text = make_body(QLabel(self.judge_card), muted=True)
        self.judge_button = QPushButton(self.judge_card)
        self.judge_button.setObjectName("judge_sign_in_button")
        self.judge_button.clicked.connect(lambda _checked=False: self.judge_sign_in_requested.emit())
        inner.addWidget(self.judge_heading)
        inner.addWidget(self.judge_text)
        inner.addWidget(self.judge_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.judge_card)
        column.addStretch(1)
        self.pages.setCurrentIndex(self.SIGN_IN)

    # -- state ---------------------------------------------------------------------------
    def _gate(self) -> SignInGate:
        from oaoi_desktop.ui.sign_in_gate import SignInGate  # the services, once a database is open

        return SignInGate(self._db)

    def reload(self) -> None:
        """Read the secretariat accounts, the first-run state and the kind of seat again."""
        self.show_choices(self._gate().choices())

    def show_choices(self, choices: SignInChoices) -> None:
        """Offer these accounts, the first-run card and the judge's-laptop text (keeps the chosen name)."""
        self._judge_seat, self._needs_setup = choices.judge_seat, choices.needs_setup
        people = list(choices.secretariat)
        current = self.name_combo.currentData()
        self.name_combo.clear()
        for uid, name in people:
            self.name_combo.addItem(name, uid)
        index = self.name_combo.findData(current) if current else -1
        self.name_combo.setCurrentIndex(index if index >= 0 else (0 if people else -1))
        self._accounts = len(people)
        self.secretariat_card.setVisible(not self._judge_seat and bool(people))
        self.setup_card.setVisible(not self._judge_seat and self._needs_setup)
        self.retranslate_ui()

    def is_judge_seat(self) -> bool:
        return self._judge_seat

    def offers_secretariat(self) -> bool:
        """True when the page offers the secretariat's sign-in (accounts exist; not a judge's laptop)."""
        return self.secretariat_card.isVisibleTo(self)

    def select(self, name: str) -> None:
        """Choose the secretariat account named ``name``."""
        index = self.name_combo.findText(name)
        if index >= 0:
            self.name_combo.setCurrentIndex(index)

    def focus_secret(self) -> None:
        if self.offers_secretariat():
            self.secret.setFocus()
        else:
            self.judge_button.setFocus()

    # -- signing in ---------------------------------------------------------------------
    def try_sign_in(self) -> SignedIn | None:
        """Check the typed PIN of the chosen account; on success emit :attr:`signed_in`."""
        user_id = self.name_combo.currentData()
        if not user_id:
            set_message(self.message, self.tr("Choose your name."), DANGER)
            return None
        try:
            signed = self._sign_in(str(user_id), self.secret.text())
        except OaoiError as exc:
            from oaoi_desktop.services.auth import SignInError  # loaded by now: the sign-in used it

            self.secret.clear()
            set_message(self.message, exc.render(), DANGER)
            if isinstance(exc, SignInError):
                if exc.locked:
                    self.recovery_button.setFocus()
                else:
                    self.secret.setFocus()
            return None
        self.secret.clear()
        set_message(self.message, "")
        self.signed_in.emit(signed)
        return signed

    # -- recovery --------------------------------------------------------------------------
    def show_recovery(self) -> None:
        set_message(self.recovery_message, "")
        self.pages.setCurrentIndex(self.RECOVERY)
        self.code.setFocus()

    def show_sign_in(self) -> None:
        self.pages.setCurrentIndex(self.SIGN_IN)
        self.secret.setFocus()

    def try_recover(self) -> str | None:
        """Unlock the chosen account with its recovery code and a new PIN; shows the next code."""
        user_id = self.name_combo.currentData()
        if not user_id:
            set_message(self.recovery_message, self.tr("Choose your name."), DANGER)
            return None
        if self.new_secret.text() != self.repeat_secret.text():
            set_message(self.recovery_message, self.tr("The two new PINs are not the same."), DANGER)
            self.repeat_secret.clear()
            self.repeat_secret.setFocus()
            return None
        try:
            code = self._gate().recover_secretariat(str(user_id), self.code.text(), self.new_secret.text())
            signed = self._sign_in(str(user_id), self.new_secret.text())
        except OaoiError as exc:
            set_message(self.recovery_message, exc.render(), DANGER)
            return None
        for field in (self.code, self.new_secret, self.repeat_secret, self.secret):
            field.clear()
        self._pending = signed
        self.new_code.setText(code)
        self.pages.setCurrentIndex(self.NEW_CODE)
        self.continue_button.setFocus()
        return code

    def _finish_recovery(self) -> None:
        signed, self._pending = self._pending, None
        self.new_code.clear()
        self.pages.setCurrentIndex(self.SIGN_IN)
        if signed is not None:
            self.signed_in.emit(signed)

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Who is using oaoi-desktop?"))
        if self._judge_seat:
            self.intro.setText(self.tr(
                "This laptop belongs to a judge: the proposals of a panel package were imported here. "
                "Only the judge signs in on it."))
        else:
            self.intro.setText(self.tr(
                "Sign in before you work: every change is recorded in the audit log with your name "
                "and this device."))
        self.secretariat_heading.setText(self.tr("Secretariat"))
        self.name_label.setText(self.tr("&Name:"))
        self.secret_label.setText(self.tr("&PIN or passphrase:"))
        self.name_combo.setAccessibleName(self.tr("Secretariat account"))
        self.secret.setAccessibleName(self.tr("PIN or passphrase"))
        self.sign_in_button.setText(self.tr("Sign &in"))
        self.recovery_button.setText(self.tr("Forgot the PIN or locked out? Use the &recovery code\u2026"))
        self.recovery_intro.setText(self.tr(
            "Type the recovery code you wrote down when the account was created and choose a new PIN "
            "or passphrase. The code works once; you will get a new one."))
        self.code_label.setText(self.tr("Recovery &code:"))
        self.new_secret_label.setText(self.tr("N&ew PIN or passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat it:"))
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.new_secret.setAccessibleName(self.tr("New PIN or passphrase"))
        self.repeat_secret.setAccessibleName(self.tr("Repeat the new PIN or passphrase"))
        self.back_button.setText(self.tr("&Back"))
        self.unlock_button.setText(self.tr("&Unlock and sign in"))
        self.new_code_intro.setText(self.tr(
            "The code you used no longer works. Write this new code down and keep it safe: "
            "it is shown only now."))
        self.continue_button.setText(self.tr("I have written it down \u2014 &continue"))
        self.setup_heading.setText(self.tr("No secretariat account yet"))
        self.setup_text.setText(self.tr(
            "The secretariat creates the evaluation events, registers the judges, imports the proposals "
            "and prints the results. Create its first account for this database. On a judge's own laptop, "
            "import the panel package from the secretariat instead."))
        self.setup_button.setText(self.tr("&Create the secretariat account\u2026"))
        self.package_button.setText(self.tr("Import a &panel package\u2026"))
        self.judge_heading.setText(self.tr("Judges"))
        self.judge_text.setText(self.tr(
            "Judges choose the evaluation event and their name, then type the PIN from their PIN slip."))
        self.judge_button.setText(self.tr("Sign in as &judge\u2026"))


class LockScreen(QWidget):
    """Hides the window's content while it is locked; asks the signed-in person's PIN again.

    ``unlock`` (given by the window) checks the PIN and unlocks, or raises
    :class:`~oaoi_desktop.errors.OaoiError`.

    Signals:
        unlocked(): the right PIN was typed; the window shows its content again.
        sign_out_requested(): the user chose to sign the person out (someone else signs in next).
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, unlock: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self._person: SignedIn | None = None
        self.setObjectName("lock_screen")
        column = _centred_column(self, 30)
        column.addStretch(1)
        self.card, inner = _card(self, "lock_card")
        self.title = make_title(QLabel(self.card))
        self.title.setObjectName("lock_title")
        self.who = make_body(QLabel(self.card))
        self.who.setObjectName("lock_who")
        self.explanation = make_body(QLabel(self.card), muted=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.secret_label = QLabel(self.card)
        self.secret = PassphraseField(self.card, object_name="lock_secret")
        self.secret.returnPressed.connect(self.try_unlock)
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        self.message = _message(self.card)
        self.message.setObjectName("lock_message")
        row = QHBoxLayout()
        self.sign_out_button = QPushButton(self.card)
        self.sign_out_button.setObjectName("lock_sign_out_button")
        self.sign_out_button.clicked.connect(lambda _checked=False: self.sign_out_requested.emit())
        self.unlock_button = QPushButton(self.card)
        self.unlock_button.setObjectName("lock_unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        row.addWidget(self.sign_out_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        for w in (self.title, self.who, self.explanation):
            inner.addWidget(w)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(row)
        column.addWidget(self.card)
        column.addStretch(2)
        self.retranslate_ui()

    def set_person(self, person: SignedIn | None) -> None:
        """Show who the window is locked for; clears the field and the message."""
        self._person = person
        self.secret.clear()
        self.secret.setEnabled(True)
        self.unlock_button.setEnabled(True)
        set_message(self.message, "")
        self.retranslate_ui()

    def try_unlock(self) -> bool:
        from oaoi_desktop.services.auth import SignInError  # someone is signed in: the services are loaded

        try:
            self._unlock(self.secret.text())
        except SignInError as exc:
            self.secret.clear()
            set_message(self.message, exc.render(), DANGER)
            if exc.locked:  # only the recovery code or the secretariat can help now
                self.secret.setEnabled(False)
                self.unlock_button.setEnabled(False)
                self.sign_out_button.setFocus()
            else:
                self.secret.setFocus()
            return False
        except OaoiError as exc:
            self.secret.clear()
            set_message(self.message, exc.render(), DANGER)
            return False
        self.secret.clear()
        set_message(self.message, "")
        self.unlocked.emit()
        return True

    def _role_text(self) -> str:
        person = self._person
        if person is None:
            return ""
        if person.is_secretariat:
            return self.tr("secretariat")
        if person.is_chair:
            return self.tr("chair of the panel")
        return self.tr("judge")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("The window is locked"))
        name = self._person.name if self._person is not None else ""
        self.who.setText(self.tr("Signed in: %1 (%2)").replace("%1", name).replace("%2", self._role_text()))
        self.explanation.setText(self.tr(
            "Nothing was lost: every change is already saved. Type your PIN or passphrase to go on, "
            "or sign out so that someone else can sign in."))
        self.secret_label.setText(self.tr("&PIN or passphrase:"))
        self.secret.setAccessibleName(self.tr("PIN or passphrase"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.sign_out_button.setText(self.tr("Sign &out %1").replace("%1", name))


__all__ = ["LockScreen", "SignInPage"]
