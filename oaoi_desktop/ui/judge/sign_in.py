"""Signing in: event, name, PIN or passphrase; lockout and the recovery code.

The dialog has three pages:

1. **Sign in** — the event, the person (the event's judges, then the
   secretariat accounts) and the PIN or passphrase.  A wrong secret shows the
   catalogue's message with the tries left; the fifth locks the account, and
   the dialog then offers the recovery code.
2. **Recovery code** — the one-time code printed on the judge's PIN slip and a
   new PIN typed twice; it unlocks the account and signs the judge in.
3. **New recovery code** — the code that replaces the used one, shown once.

Every attempt runs in its own unit of work, opened by
:class:`~oaoi_desktop.ui.sign_in_gate.SignInGate`: :func:`oaoi_desktop.services.auth.sign_in`
commits a failed attempt before raising, so the count survives.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.auth import SignedIn, SignInError
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.judge.common import DANGER, PageStack, message_label, set_message, show_page
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.sign_in_gate import ROLE_CHAIR, ROLE_SECRETARIAT, SignInGate
from oaoi_desktop.ui.widgets import PassphraseField, em, make_body, make_heading, scaled_font

ROLE_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data of the name combo: the account's :class:`Role` value."""


class SignInDialog(QDialog):
    """The sign-in dialog (see the module docstring).

    Build it, ``open()`` it, and connect :attr:`signed_in`.  It remembers the
    chosen event in the settings (``JUDGE_LAST_EVENT``) when ``settings`` is given.
    ``judges_only`` leaves the secretariat accounts out (a judge's laptop).

    Signals:
        signed_in(object): the person signed in; the argument is the
            :class:`~oaoi_desktop.services.auth.SignedIn` (the dialog then accepts).
        account_locked(str): the account named by this id was locked by a wrong secret.
    """

    signed_in = Signal(object)
    account_locked = Signal(str)

    SIGN_IN, RECOVERY, NEW_CODE = range(3)

    def __init__(self, db: Database, settings: Settings | None = None, parent: QWidget | None = None, *,
                 judges_only: bool = False) -> None:
        super().__init__(parent)
        self._gate = SignInGate(db)
        self._judges_only = judges_only
        self._settings = settings
        self._pending: SignedIn | None = None
        self.setObjectName("judge_sign_in_dialog")
        self.setModal(True)
        self._build_ui()
        self.retranslate_ui()
        self._load_events()
        self.secret.setFocus()

    # -- construction -----------------------------------------------------------
    def _build_ui(self) -> None:
        self.pages = PageStack(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(em(self, 34))

        # page 1: sign in
        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        self.heading = make_heading(QLabel(page))
        self.intro = make_body(QLabel(page), muted=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.event_label = QLabel(page)
        self.event_combo = QComboBox(page)
        self.event_combo.setObjectName("event_combo")
        self.event_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_combo.setMinimumContentsLength(52)
        self.name_label = QLabel(page)
        self.name_combo = QComboBox(page)
        self.name_combo.setObjectName("name_combo")
        self.name_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.name_combo.setMinimumContentsLength(52)
        self.secret_label = QLabel(page)
        self.secret = PassphraseField(page, object_name="secret")
        for label, field in ((self.event_label, self.event_combo), (self.name_label, self.name_combo),
                             (self.secret_label, self.secret)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = message_label(page)
        self.message.setObjectName("sign_in_message")
        self.recovery_button = QPushButton(page)
        self.recovery_button.setObjectName("recovery_button")
        self.recovery_button.setFlat(True)
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.clicked.connect(self.show_recovery)
        self.buttons = QDialogButtonBox(page)
        self.sign_in_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.heading)
        v.addWidget(self.intro)
        v.addLayout(form)
        v.addWidget(self.message)
        v.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addStretch(1)
        v.addWidget(self.buttons)
        self.pages.addWidget(page)

        # page 2: recovery code
        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        self.recovery_heading = make_heading(QLabel(page))
        self.recovery_intro = make_body(QLabel(page), muted=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_label = QLabel(page)
        self.code = QLineEdit(page)
        self.code.setObjectName("recovery_code")
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.new_secret_label = QLabel(page)
        self.new_secret = PassphraseField(page, object_name="new_secret")
        self.repeat_label = QLabel(page)
        self.repeat_secret = PassphraseField(page, object_name="repeat_secret")
        for label, field in ((self.code_label, self.code), (self.new_secret_label, self.new_secret),
                             (self.repeat_label, self.repeat_secret)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.recovery_message = message_label(page)
        self.recovery_message.setObjectName("recovery_message")
        self.recovery_buttons = QDialogButtonBox(page)
        self.unlock_button = self.recovery_buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlock_button")
        self.back_button = self.recovery_buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setObjectName("back_button")
        self.recovery_buttons.accepted.connect(self.try_recover)
        self.recovery_buttons.rejected.connect(self.show_sign_in)
        v.addWidget(self.recovery_heading)
        v.addWidget(self.recovery_intro)
        v.addLayout(form)
        v.addWidget(self.recovery_message)
        v.addStretch(1)
        v.addWidget(self.recovery_buttons)
        self.pages.addWidget(page)

        # page 3: the new recovery code, shown once
        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        self.new_code_heading = make_heading(QLabel(page))
        self.new_code_intro = make_body(QLabel(page))
        self.new_code = QLabel(page)
        self.new_code.setObjectName("new_recovery_code")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.new_code.setFont(scaled_font(mono, 1.5))
        self.new_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.new_code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.new_code_buttons = QDialogButtonBox(page)
        self.continue_button = self.new_code_buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("continue_button")
        self.new_code_buttons.accepted.connect(self._finish)
        v.addWidget(self.new_code_heading)
        v.addWidget(self.new_code_intro)
        v.addWidget(self.new_code, 0, Qt.AlignmentFlag.AlignHCenter)
        v.addStretch(1)
        v.addWidget(self.new_code_buttons)
        self.pages.addWidget(page)

        self.event_combo.currentIndexChanged.connect(self._load_names)
        show_page(self.pages, self.SIGN_IN)

    # -- language -----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.heading.setText(self.tr("Sign in to judge"))
        self.intro.setText(self.tr("Choose the evaluation event and your name, then type your PIN or passphrase."))
        self.event_label.setText(self.tr("&Evaluation event:"))
        self.name_label.setText(self.tr("&Name:"))
        self.secret_label.setText(self.tr("&PIN or passphrase:"))
        self.event_combo.setAccessibleName(self.tr("Evaluation event"))
        self.name_combo.setAccessibleName(self.tr("Name"))
        self.secret.setAccessibleName(self.tr("PIN or passphrase"))
        self.recovery_button.setText(self.tr("Forgot the PIN or locked out? Use the &recovery code\u2026"))
        self.recovery_button.setAccessibleName(self.tr("Use the recovery code"))
        self.sign_in_button.setText(self.tr("Sign &in"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        dialogs.translate_buttons(self.buttons)
        self.cancel_button.setAccessibleName(self.cancel_button.text().replace("&", ""))

        self.recovery_heading.setText(self.tr("Unlock with the recovery code"))
        self.recovery_intro.setText(self.tr(
            "Type the recovery code printed on your PIN slip and choose a new PIN or passphrase. "
            "The code works once; you will get a new one."))
        self.code_label.setText(self.tr("Recovery &code:"))
        self.new_secret_label.setText(self.tr("N&ew PIN or passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat it:"))
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.new_secret.setAccessibleName(self.tr("New PIN or passphrase"))
        self.repeat_secret.setAccessibleName(self.tr("Repeat the new PIN or passphrase"))
        self.unlock_button.setText(self.tr("&Unlock and sign in"))
        self.unlock_button.setAccessibleName(self.tr("Unlock and sign in"))
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))

        self.new_code_heading.setText(self.tr("Your new recovery code"))
        self.new_code_intro.setText(self.tr(
            "The code you used no longer works. Write this new code down and keep it with your PIN slip: "
            "it is shown only now."))
        self.new_code.setAccessibleName(self.tr("New recovery code"))
        self.continue_button.setText(self.tr("I have written it down \u2014 &continue"))
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self._retranslate_names()

    def _retranslate_names(self) -> None:
        for i in range(self.name_combo.count()):
            role = self.name_combo.itemData(i, ROLE_ROLE)
            name = self.name_combo.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""
            self.name_combo.setItemText(i, self._person_text(name, role))

    def _person_text(self, name: str, role: str | None) -> str:
        if role == ROLE_SECRETARIAT:
            return self.tr("%1 (secretariat)").replace("%1", name)
        if role == ROLE_CHAIR:
            return self.tr("%1 (chair)").replace("%1", name)
        return name

    # -- data -----------------------------------------------------------------------
    def _load_events(self) -> None:
        rows = self._gate.events()
        last = self._settings.value(registry.JUDGE_LAST_EVENT) if self._settings is not None else ""
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for event_id, name in reversed(rows):  # newest first
            self.event_combo.addItem(name, event_id)
        index = self.event_combo.findData(last) if last else -1
        self.event_combo.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
        self.event_combo.blockSignals(False)
        self._load_names()
        if not rows:
            set_message(self.message, self.tr("There is no evaluation event in this database yet."), DANGER)
        self.sign_in_button.setEnabled(bool(rows))

    def _load_names(self) -> None:
        event_id = self.event_combo.currentData()
        people = self._gate.people(event_id) if event_id else []
        self.name_combo.clear()
        for user_id, name, role, is_judge in people:
            if self._judges_only and not is_judge:
                continue  # a judge's laptop: the secretariat never signs in here
            self.name_combo.addItem(self._person_text(name, role), user_id)
            i = self.name_combo.count() - 1
            self.name_combo.setItemData(i, role, ROLE_ROLE)
            self.name_combo.setItemData(i, name, Qt.ItemDataRole.ToolTipRole)

    def select(self, *, event_id: str | uuid.UUID | None = None, name: str | None = None) -> None:
        """Choose the event and/or the person (by name) in the combos."""
        if event_id is not None:
            index = self.event_combo.findData(str(event_id))
            if index >= 0:
                self.event_combo.setCurrentIndex(index)
        if name is not None:
            for i in range(self.name_combo.count()):
                if self.name_combo.itemData(i, Qt.ItemDataRole.ToolTipRole) == name:
                    self.name_combo.setCurrentIndex(i)
                    break

    # -- signing in -------------------------------------------------------------------
    def try_sign_in(self) -> SignedIn | None:
        """Check the typed secret; on success emit :attr:`signed_in` and accept."""
        event_id, user_id = self.event_combo.currentData(), self.name_combo.currentData()
        if not event_id or not user_id:
            set_message(self.message, self.tr("Choose the evaluation event and your name."), DANGER)
            return None
        try:
            signed = self._gate.sign_in(event_id, user_id, self.secret.text())
        except SignInError as exc:
            self.secret.clear()
            set_message(self.message, exc.render(), DANGER)
            if exc.locked:
                self.account_locked.emit(user_id)
                self.recovery_button.setDefault(True)
                self.recovery_button.setFocus()
            else:
                self.secret.setFocus()
            return None
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return None
        self._remember_event(event_id)
        self._done(signed)
        return signed

    def _remember_event(self, event_id: str) -> None:
        if self._settings is not None:
            self._settings.set_value(registry.JUDGE_LAST_EVENT, str(event_id))
            self._settings.sync()

    def _done(self, signed: SignedIn) -> None:
        self.signed_in.emit(signed)
        self.accept()

    # -- recovery ------------------------------------------------------------------------
    def show_recovery(self) -> None:
        set_message(self.recovery_message, "")
        show_page(self.pages, self.RECOVERY)
        self.code.setFocus()

    def show_sign_in(self) -> None:
        show_page(self.pages, self.SIGN_IN)
        self.secret.setFocus()

    def try_recover(self) -> str | None:
        """Unlock with the recovery code and the new secret; shows the next code."""
        event_id, user_id = self.event_combo.currentData(), self.name_combo.currentData()
        if not event_id or not user_id:
            set_message(self.recovery_message, self.tr("Choose the evaluation event and your name."), DANGER)
            return None
        if self.new_secret.text() != self.repeat_secret.text():
            set_message(self.recovery_message, self.tr("The two new PINs are not the same."), DANGER)
            self.repeat_secret.clear()
            self.repeat_secret.setFocus()
            return None
        try:
            code, signed = self._gate.recover(event_id, user_id, self.code.text(), self.new_secret.text())
        except OaoiError as exc:
            set_message(self.recovery_message, exc.render(), DANGER)
            return None
        for field in (self.code, self.new_secret, self.repeat_secret, self.secret):
            field.clear()
        self._remember_event(event_id)
        self._pending = signed
        self.new_code.setText(code)
        show_page(self.pages, self.NEW_CODE)
        self.continue_button.setFocus()
        return code

    def _finish(self) -> None:
        if self._pending is not None:
            signed, self._pending = self._pending, None
            self.new_code.clear()
            self._done(signed)


__all__ = ["SignInDialog"]
