"""Tools menu: verify the audit log, back up, restore; automatic backups while the app runs.

:class:`TrustHook` adds three actions to the main window's Tools menu (all
secretariat-only) and runs an automatic backup timer: every
``trust/auto_backup_minutes`` minutes it backs the database up (keeping
``trust/auto_backup_keep`` copies) but only when the database changed.
All work runs in a :class:`~oaoi_desktop.ui.jobs.Job`; backups show progress and can be cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog

from oaoi_desktop.services import audit_verify, backups
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.jobs import Job
from oaoi_desktop.ui.trust.desk import TrustDesk

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


class TrustHook(QObject):
    """The Tools menu actions of the trust area, and the automatic backup timer.

    Signals:
        verified(object): the list of :class:`~oaoi_desktop.services.audit_verify.VerifyReport` shown.
        backed_up(object): a :class:`~oaoi_desktop.services.backups.BackupResult` was written.
        restored(object): a :class:`~oaoi_desktop.services.backups.RestoreResult`; the window shows the restored data.
        auto_backed_up(str): an automatic backup was written to this path.
        failed(str): an action failed; the message shown.
    """

    verified = Signal(object)
    backed_up = Signal(object)
    restored = Signal(object)
    auto_backed_up = Signal(str)
    failed = Signal(str)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.task: Job | None = None
        self.progress: QProgressDialog | None = None
        self._cancel = threading.Event()
        self.verify_action = self._action("action_trust_verify", self.verify)
        self.backup_action = self._action("action_trust_backup", self.choose_backup_file)
        self.restore_action = self._action("action_trust_restore", self.choose_archive)
        window.tools_menu.addSeparator()
        for action in (self.verify_action, self.backup_action, self.restore_action):
            window.tools_menu.addAction(action)
            window.secretariat_only_actions.append(action)
        window.installEventFilter(self)
        settings = window.settings
        self.auto = TrustDesk(window.database).auto_backup(keep=max(1, settings.value(registry.AUTO_BACKUP_KEEP)))
        self._auto_task: Job | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("trust_auto_backup_timer")
        self.timer.timeout.connect(self.auto_backup)
        minutes = settings.value(registry.AUTO_BACKUP_MINUTES)
        if minutes > 0 and window.database.sqlite_path is not None:
            try:
                self.auto.prime()
            except Exception:  # noqa: BLE001 - an unreadable database: the window reports it itself
                pass
            self.timer.start(minutes * 60_000)
        self.retranslate()

    def _action(self, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def retranslate(self) -> None:
        self.verify_action.setText(self.tr("&Verify audit log\u2026"))
        self.verify_action.setStatusTip(self.tr("Recompute the hash chain and check that every score matches its history"))
        self.backup_action.setText(self.tr("&Back up database\u2026"))
        self.backup_action.setStatusTip(self.tr("Write the database and attachments into one archive"))
        self.restore_action.setText(self.tr("&Restore from backup\u2026"))
        self.restore_action.setStatusTip(self.tr("Replace the database with a backup archive (the current one is kept)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # -- running work ----------------------------------------------------------------
    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> Job:
        task = Job(lambda _progress, _cancel: work(), name="oaoi-trust", parent=self)
        self.task = task
        for action in (self.verify_action, self.backup_action, self.restore_action):
            action.setEnabled(False)

        def finish() -> None:
            allowed = self.window.access.secretariat is not None  # still signed in and unlocked?
            for action in (self.verify_action, self.backup_action, self.restore_action):
                action.setEnabled(allowed)
            if self.progress is not None:
                self.progress.reset()
                self.progress.deleteLater()
                self.progress = None

        def done(result: object) -> None:
            finish()
            on_done(result)

        def fail(message: str) -> None:
            finish()
            dialogs.error(self.window, self.tr("The action failed"), message)
            self.failed.emit(message)

        task.finished.connect(done)
        task.failed.connect(fail)
        task.start()
        return task

    def _show_progress(self, label: str) -> None:
        self._cancel.clear()
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setObjectName("trust_progress")
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(self._cancel.set)
        self.progress = dialog

    # -- verify ----------------------------------------------------------------------
    def verify(self) -> Job:
        """Verify every chain of the open database (the replay included); secretariat only."""
        actor = self.window.secretariat_actor()
        desk = TrustDesk(self.window.database)

        def work() -> list[audit_verify.VerifyReport]:
            return desk.verify_all(actor)

        return self._run(work, self._show_verified)

    def _chain_name(self, report: audit_verify.VerifyReport) -> str:
        if report.chain == "global":
            return self.tr("Accounts (global chain)")
        return report.event_name or report.chain

    def _show_verified(self, reports: list[audit_verify.VerifyReport]) -> None:
        lines = []
        details = []
        for r in reports:
            if r.ok and r.entries == 0:
                continue
            short = f"{r.head.seq}:{r.head.hash[:16]}\u2026"
            if r.ok:
                lines.append(self.tr("%1: intact, %2 entries, head %3").replace("%1", self._chain_name(r))
                             .replace("%2", str(r.entries)).replace("%3", short))
            else:
                lines.append(self.tr("%1: %2 problems").replace("%1", self._chain_name(r))
                             .replace("%2", str(len(r.problems))))
            details.append(f"{self._chain_name(r)}: {r.head}")
        for r in reports:
            for p in r.problems:
                at = f" [{p.seq}]" if p.seq is not None else ""
                details.append(f"{self._chain_name(r)}{at}: {p.render()}")
            for p in r.skipped:
                details.append(f"{self._chain_name(r)}: {p.render()}")
        if all(r.ok for r in reports):
            dialogs.information(self.window, self.tr("Audit log verified"),
                                self.tr("Every chain is intact and every score matches its history."),
                                informative_text="\n".join(lines), details="\n".join(details))
        else:
            dialogs.warning(self.window, self.tr("Audit log: problems found"),
                            self.tr("The audit log does not prove the stored results. The first problems:"),
                            informative_text="\n".join(details[:5]), details="\n".join(lines + [""] + details))
        self.verified.emit(reports)

    # -- backup ----------------------------------------------------------------------
    def choose_backup_file(self) -> object:
        from oaoi_desktop.store.database import timestamp

        return dialogs.choose_file(self.window, self.tr("Back up database"), save=True, default_suffix="zip",
                                   directory=str(Path.home() / f"oaoi-cadangan-{timestamp()}.zip"),
                                   name_filters=[self.tr("Backup archives (*.zip)")], on_chosen=self.backup_to)

    def backup_to(self, path: Path) -> Job:
        actor = self.window.secretariat_actor()  # only a signed-in secretariat member backs up
        desk = TrustDesk(self.window.database)
        cancel = self._cancel
        self._show_progress(self.tr("Backing up the database and attachments\u2026"))
        return self._run(lambda: desk.backup(Path(path), cancel=cancel, actor=actor), self._backed_up)

    def _backed_up(self, result: backups.BackupResult) -> None:
        dialogs.information(self.window, self.tr("Backup written"),
                            self.tr("The backup archive %1 holds the database and %2 attachments.")
                            .replace("%1", str(result.path)).replace("%2", str(result.attachments)),
                            informative_text=f"SHA-256: {result.sha256}")
        self.backed_up.emit(result)

    # -- restore ---------------------------------------------------------------------
    def choose_archive(self) -> object:
        return dialogs.choose_file(self.window, self.tr("Restore from backup"),
                                   name_filters=[self.tr("Backup archives (*.zip)")], on_chosen=self.confirm_restore)

    def confirm_restore(self, path: Path) -> object:
        return dialogs.question(
            self.window, self.tr("Restore from backup"),
            self.tr("Replace the open database with the backup %1? The current database is kept as a backup first.")
            .replace("%1", Path(path).name),
            on_answered=lambda yes: self.restore_from(Path(path)) if yes else None)

    def restore_from(self, path: Path) -> Job:
        actor = self.window.secretariat_actor()  # only a signed-in secretariat member restores
        desk = TrustDesk(self.window.database)

        def work() -> backups.RestoreResult:
            return desk.restore(path, actor=actor)

        self._show_progress(self.tr("Checking and restoring the backup\u2026"))
        return self._run(work, self._restored)

    def _restored(self, result: backups.RestoreResult) -> None:
        TrustDesk(self.window.database).release()
        self.window.refresh()
        text = self.tr("The database was restored from the backup.")
        info = ""
        if result.previous_backup is not None:
            info = self.tr("The previous database was kept at %1.").replace("%1", str(result.previous_backup))
        try:
            self.auto.prime()
        except Exception:  # noqa: BLE001
            pass
        dialogs.information(self.window, self.tr("Restore finished"), text, informative_text=info)
        self.restored.emit(result)

    # -- automatic backups -----------------------------------------------------------
    def auto_backup(self) -> Job | None:
        """One timer tick: back up in a worker thread if the database changed."""
        if self._auto_task is not None and self._auto_task.is_running():
            return None
        tick = self.auto.tick
        task = Job(lambda _progress, _cancel: tick(), name="oaoi-trust", parent=self)
        self._auto_task = task
        task.finished.connect(lambda path: self.auto_backed_up.emit(str(path)) if path else None)
        task.failed.connect(lambda message: self.window.statusBar().showMessage(message, 10_000))
        task.start()
        return task

    def shutdown(self) -> None:
        self.timer.stop()
        for task in (self.task, self._auto_task):
            if task is not None:
                task.wait(60_000)


__all__ = ["TrustHook"]
