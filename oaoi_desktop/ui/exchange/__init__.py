"""Several laptops: USB panel packages and judge bundles.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`:

* File ▸ *Import panel package…* (a judge's laptop; also reached from the
  import flow when the chosen folder is a panel package);
* File ▸ *Export my scores (bundle)…* — only while a judge is signed in;
* Event ▸ *Export panel package…*, *Import judges' bundles…*,
  *Resolve sheet conflicts…* — the secretariat's (off while a judge is signed in).

The menu and the dialogs reach the services only through
:class:`~oaoi_desktop.ui.exchange.desk.ExchangeDesk` (no Qt).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from oaoi_desktop.ui import dialogs

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


class ExchangeMenuHook(QObject):
    """The exchange actions of the main window, retranslated on language change."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None

        def action(name: str, slot: object) -> QAction:
            a = QAction(window)
            a.setObjectName(name)
            a.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            return a

        self.import_package_action = action("action_exchange_import_package", self.import_package)
        self.export_bundle_action = action("action_exchange_export_bundle", self.export_bundle)
        self.export_bundle_action.setEnabled(False)
        window.file_menu.insertAction(window.quit_action, self.import_package_action)
        window.file_menu.insertAction(window.quit_action, self.export_bundle_action)
        window.file_menu.insertSeparator(window.quit_action)
        self.export_package_action = action("action_exchange_export_package", self.export_package)
        self.import_bundles_action = action("action_exchange_import_bundles", self.import_bundles)
        self.conflicts_action = action("action_exchange_conflicts", self.resolve_conflicts)
        window.event_menu.addSeparator()
        for a in (self.export_package_action, self.import_bundles_action, self.conflicts_action):
            window.event_menu.addAction(a)
            window.secretariat_only_actions.append(a)
        window.judge_hook.workspace_shown.connect(self._signed_in_changed)
        window.judge_hook.workspace_closed.connect(self._signed_in_changed)
        window.access_changed.connect(self._signed_in_changed)
        window.installEventFilter(self)
        self.retranslate()

    # -- who is signed in ---------------------------------------------------------------
    def signed_in_judge(self):  # type: ignore[no-untyped-def]
        """The :class:`~oaoi_desktop.services.auth.SignedIn` judge, or None."""
        page = self.window.judge_hook.page
        session = getattr(page, "session", None)
        signed = getattr(session, "signed_in", None)
        return signed if signed is not None and signed.is_judge else None

    def _signed_in_changed(self, *_args: object) -> None:
        access = self.window.access
        self.export_bundle_action.setEnabled(self.signed_in_judge() is not None and not access.locked)
        # Setting up a judge's laptop needs no account (the judge's passphrase opens the package), but
        # where a secretariat account exists only the signed-in secretariat imports one: a package
        # applied there would turn the secretariat's database into a judge's seat.
        self.import_package_action.setEnabled(not access.locked and (
            access.secretariat is not None or access.judge is not None or not self._has_secretariat()))

    def _has_secretariat(self) -> bool:
        from oaoi_desktop.ui.exchange.desk import ExchangeDesk

        try:
            return ExchangeDesk(self.window.database).has_secretariat()
        except Exception:  # noqa: BLE001 - an unreadable database: the window reports it itself
            return True

    # -- actions -------------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def import_package(self, path: Path | str | None = None) -> QDialog | None:
        from oaoi_desktop.ui.exchange.packages import PackageImportDialog

        if not self.import_package_action.isEnabled():
            return None

        dialog = PackageImportDialog(self.window.database, path, self.window)
        dialog.import_finished.connect(lambda _r: self.window.refresh())
        self._show(dialog)
        if path is None:
            dialog.choose_folder()
        return dialog

    def export_bundle(self) -> QDialog | None:
        from oaoi_desktop.ui.exchange.bundles import BundleExportDialog

        signed = self.signed_in_judge()
        if signed is None:
            return None
        return self._show(BundleExportDialog(self.window.database, signed, self.window))

    def export_package(self) -> QDialog:
        from oaoi_desktop.ui.exchange.packages import PackageExportDialog

        return self._show(PackageExportDialog(self.window.database, self.window,
                                              actor=self.window.secretariat_actor()))

    def import_bundles(self) -> QDialog:
        from oaoi_desktop.ui.exchange.bundles import BundleImportDialog

        dialog = BundleImportDialog(self.window.database, self.window, actor=self.window.secretariat_actor())
        dialog.merge_finished.connect(lambda _r: self.window.refresh())
        return self._show(dialog)

    def resolve_conflicts(self) -> QDialog | None:
        """The conflicts of the event that has some (else the most recent event)."""
        actor = self.window.secretariat_actor()
        from oaoi_desktop.ui.exchange.conflicts import ConflictResolutionDialog
        from oaoi_desktop.ui.exchange.desk import ExchangeDesk

        event_id = ExchangeDesk(self.window.database).conflicts_event(actor)
        if event_id is None:
            dialogs.information(self.window, self.tr("Sheet conflicts"), self.tr("There is no evaluation event yet."))
            return None
        return self._show(ConflictResolutionDialog(self.window.database, event_id, actor=actor,
                                                   parent=self.window))

    # -- language --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.import_package_action.setText(self.tr("Import &panel package\u2026"))
        self.import_package_action.setStatusTip(
            self.tr("Set up this laptop for a judge from the secretariat's encrypted panel package"))
        self.export_bundle_action.setText(self.tr("Export my &scores (bundle)\u2026"))
        self.export_bundle_action.setStatusTip(
            self.tr("Write your score sheets, signed with your key, for the secretariat"))
        self.export_package_action.setText(self.tr("Export panel &package for a judge\u2026"))
        self.export_package_action.setStatusTip(
            self.tr("Write one judge's proposals, encrypted with their passphrase, onto a USB stick"))
        self.import_bundles_action.setText(self.tr("Import judges' &bundles\u2026"))
        self.import_bundles_action.setStatusTip(self.tr("Check and merge the score bundles judges bring back"))
        self.conflicts_action.setText(self.tr("Resolve sheet &conflicts\u2026"))
        self.conflicts_action.setStatusTip(self.tr("Choose between two versions of a sheet edited on two laptops"))


def install(window: "MainWindow") -> ExchangeMenuHook:
    """Add this package's actions to ``window``."""
    return ExchangeMenuHook(window)


__all__ = ["ExchangeMenuHook", "install"]
