"""Signatures: the Verifikasi PDF dialog, the PDF view with signature status, signing.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`:
Alat ▸ Verifikasi PDF… (:class:`~oaoi_desktop.ui.signatures.verify_dialog.VerifyDialog`)
and Alat ▸ Tandatangani PDF… (:class:`~oaoi_desktop.ui.signatures.sign_dialog.SignDialog`).
Verifying changes nothing and is open to anyone; signing needs someone signed
in (a judge signs only as themselves; the secretariat's session records it) and
the signer's own passphrase.  Both dialogs reach the services only through
:class:`~oaoi_desktop.ui.signatures.desk.SignatureDesk` (no Qt).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow
    from oaoi_desktop.ui.signatures.sign_dialog import SignDialog
    from oaoi_desktop.ui.signatures.verify_dialog import VerifyDialog


class SignaturesHook(QObject):
    """The Tools menu's "Verify PDF…" and "Sign PDF…" actions.

    Signals:
        dialog_opened(object): a verify or sign dialog was opened (the dialog).
    """

    dialog_opened = Signal(object)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.verify_action = QAction(window)
        self.verify_action.setObjectName("action_verify_pdf")
        self.verify_action.triggered.connect(lambda _checked=False: self.open_verify())
        self.sign_action = QAction(window)
        self.sign_action.setObjectName("action_sign_pdf")
        self.sign_action.triggered.connect(lambda _checked=False: self.open_sign())
        window.tools_menu.addSeparator()
        window.tools_menu.addAction(self.verify_action)
        window.tools_menu.addAction(self.sign_action)
        window.access_changed.connect(self._access_changed)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.verify_action.setText(self.tr("&Verify PDF\u2026"))
        self.verify_action.setStatusTip(self.tr("Check every signature of a PDF and whether its scores still match"))
        self.sign_action.setText(self.tr("&Sign PDF\u2026"))
        self.sign_action.setStatusTip(self.tr("Sign PDF documents with a judge's or the chair's certificate"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _access_changed(self) -> None:
        access = self.window.access
        # Signing is recorded as someone's action: a judge (only as themselves) or the secretariat.
        self.sign_action.setEnabled(access.secretariat is not None or access.judge is not None)
        self.verify_action.setEnabled(not access.locked)

    def open_verify(self, path=None) -> "VerifyDialog":  # type: ignore[no-untyped-def]
        from oaoi_desktop.ui.signatures.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.window.database, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if path is not None:
            dialog.open_file(path)
        self.dialog_opened.emit(dialog)
        return dialog

    def _signed_in_judge(self):  # type: ignore[no-untyped-def]
        """The judge signed in to this window (``SignedIn``), or None."""
        if not self.window.judge_signed_in():
            return None
        page = self.window.judge_hook.page
        return getattr(getattr(page, "session", None), "signed_in", None)

    def open_sign(self, paths=()) -> "SignDialog":  # type: ignore[no-untyped-def]
        from oaoi_desktop.ui.signatures.sign_dialog import SignDialog

        signed = self._signed_in_judge()
        if signed is not None:  # a judge at the keyboard signs only as themselves
            dialog = SignDialog(self.window.database, signed.actor, self.window, event_id=signed.event_id,
                                person_id=signed.user_id, lock_person=True)
        else:  # the signed-in secretariat member records it; each signer types their own passphrase
            dialog = SignDialog(self.window.database, self.window.secretariat_actor(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if paths:
            dialog.add_paths(paths)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog


def install(window: "MainWindow") -> SignaturesHook:
    """Add this package's actions to ``window``'s Tools menu."""
    return SignaturesHook(window)


__all__ = ["SignaturesHook", "install"]
