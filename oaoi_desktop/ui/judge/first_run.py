"""First run: create the secretariat account, and show its recovery code once.

The app shows :class:`SecretariatSetupDialog` at start-up while
:func:`oaoi_desktop.services.auth.needs_secretariat_setup` is true
(:func:`offer_secretariat_setup`).  The service refuses a second set-up once a
secretariat account exists, so the dialog cannot be used to get around it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.auth import SignedIn
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.judge.common import DANGER, PageStack, message_label, set_message, show_page
from oaoi_desktop.ui.sign_in_gate import SignInGate
from oaoi_desktop.ui.widgets import PassphraseField, em, make_body, make_heading, scaled_font


class SecretariatSetupDialog(QDialog):
    """Asks for the first secretariat account (name, optional NIP and instansi,
    a PIN or passphrase typed twice), creates it, then shows its recovery code
    once; the dialog closes only after the user confirms they wrote it down.

    Signals:
        account_created(str): the secretariat account was created (its id).
    """

    account_created = Signal(str)

    FORM, CODE = range(2)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = SignInGate(db)
        self.signed_in: SignedIn | None = None
        """The account created here, as signed in (None until created)."""
        self.setObjectName("secretariat_setup_dialog")
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build_ui()
        self.retranslate_ui()
        self.name.setFocus()

    def _build_ui(self) -> None:
        self.pages = PageStack(self)
        QVBoxLayout(self).addWidget(self.pages)
        self.setMinimumWidth(em(self, 34))

        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        self.heading = make_heading(QLabel(page))
        self.intro = make_body(QLabel(page), muted=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label, self.name = QLabel(page), QLineEdit(page)
        self.nip_label, self.nip = QLabel(page), QLineEdit(page)
        self.instansi_label, self.instansi = QLabel(page), QLineEdit(page)
        self.secret_label, self.secret = QLabel(page), PassphraseField(page)
        self.repeat_label, self.repeat = QLabel(page), PassphraseField(page)
        for obj, field in (("name", self.name), ("nip", self.nip), ("instansi", self.instansi),
                           ("secret", self.secret), ("repeat_secret", self.repeat)):
            field.setObjectName(obj)
        for label, field in ((self.name_label, self.name), (self.nip_label, self.nip),
                             (self.instansi_label, self.instansi), (self.secret_label, self.secret),
                             (self.repeat_label, self.repeat)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = message_label(page)
        self.message.setObjectName("setup_message")
        self.buttons = QDialogButtonBox(page)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create_button")
        self.create_button.setDefault(True)
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("later_button")
        self.buttons.accepted.connect(self.create_account)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.heading)
        v.addWidget(self.intro)
        v.addLayout(form)
        v.addWidget(self.message)
        v.addStretch(1)
        v.addWidget(self.buttons)
        self.pages.addWidget(page)

        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        self.code_heading = make_heading(QLabel(page))
        self.code_intro = make_body(QLabel(page))
        self.code = QLabel(page)
        self.code.setObjectName("recovery_code")
        self.code.setFont(scaled_font(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont), 1.5))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.noted = QCheckBox(page)
        self.noted.setObjectName("noted_checkbox")
        self.done_buttons = QDialogButtonBox(page)
        self.done_button = self.done_buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setObjectName("done_button")
        self.done_button.setEnabled(False)
        self.noted.toggled.connect(self.done_button.setEnabled)
        self.done_buttons.accepted.connect(self._finish)
        v.addWidget(self.code_heading)
        v.addWidget(self.code_intro)
        v.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        v.addWidget(self.noted)
        v.addStretch(1)
        v.addWidget(self.done_buttons)
        self.pages.addWidget(page)
        show_page(self.pages, self.FORM)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Create the secretariat account"))
        self.heading.setText(self.tr("Create the secretariat account"))
        self.intro.setText(self.tr(
            "This database has no secretariat account yet. The secretariat creates the evaluation "
            "events, registers the judges, imports the proposals and prints the results."))
        self.name_label.setText(self.tr("&Name:"))
        self.nip_label.setText(self.tr("N&IP (optional):"))
        self.instansi_label.setText(self.tr("&Agency (optional):"))
        self.secret_label.setText(self.tr("&PIN or passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat it:"))
        self.name.setAccessibleName(self.tr("Name"))
        self.nip.setAccessibleName(self.tr("NIP (optional)"))
        self.instansi.setAccessibleName(self.tr("Agency (optional)"))
        self.secret.setAccessibleName(self.tr("PIN or passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat the PIN or passphrase"))
        self.create_button.setText(self.tr("&Create account"))
        self.create_button.setAccessibleName(self.tr("Create account"))
        self.later_button.setText(self.tr("&Later"))
        self.later_button.setAccessibleName(self.tr("Later"))
        self.code_heading.setText(self.tr("The secretariat's recovery code"))
        self.code_intro.setText(self.tr(
            "If the PIN is forgotten or the account is locked, this one-time code unlocks it. Write it "
            "down and keep it somewhere safe: it is shown only now."))
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.noted.setText(self.tr("I have &written the recovery code down"))
        self.noted.setAccessibleName(self.tr("I have written the recovery code down"))
        self.done_button.setText(self.tr("&Finish"))
        self.done_button.setAccessibleName(self.tr("Finish"))

    def create_account(self) -> str | None:
        """Create the account; on success show its recovery code (returned)."""
        if self.secret.text() != self.repeat.text():
            set_message(self.message, self.tr("The two PINs are not the same."), DANGER)
            self.repeat.clear()
            self.repeat.setFocus()
            return None
        try:
            self.signed_in, code = self._gate.setup_secretariat(
                name=self.name.text(), secret=self.secret.text(), nip=self.nip.text() or None,
                instansi=self.instansi.text())
            user_id = str(self.signed_in.user_id)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return None
        self.secret.clear()
        self.repeat.clear()
        self.code.setText(code)
        show_page(self.pages, self.CODE)
        self.code.setFocus()
        self.account_created.emit(user_id)
        return code

    def _finish(self) -> None:
        self.code.clear()
        self.accept()


def offer_secretariat_setup(db: Database, parent: QWidget | None = None, *,
                            on_created: Callable[[], object] | None = None,
                            on_signed_in: Callable[[SignedIn], object] | None = None,
                            ) -> SecretariatSetupDialog | None:
    """On first run, open the set-up dialog (window-modal) and return it; else None.

    ``on_created`` is called once the account exists (e.g. the main window's refresh);
    ``on_signed_in`` with the new account as a :class:`SignedIn` once the user
    has confirmed the recovery code (whoever creates the first account has just
    chosen its PIN: they are signed in as that secretariat member).
    """
    if not SignInGate(db).needs_secretariat_setup():  # False also when unreadable: the main window reports it
        return None
    dialog = SecretariatSetupDialog(db, parent)
    if on_created is not None:
        dialog.account_created.connect(lambda _user_id: on_created())
    if on_signed_in is not None:
        dialog.accepted.connect(lambda: on_signed_in(dialog.signed_in) if dialog.signed_in is not None else None)
    dialog.open()
    return dialog


__all__ = ["SecretariatSetupDialog", "offer_secretariat_setup"]
