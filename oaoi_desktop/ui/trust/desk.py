"""The trust tools' way into the services (no Qt).

:class:`TrustDesk` verifies the audit chains, backs the database up and
restores it: each method opens its own unit of work, or calls a service that
opens its own.  The Tools menu runs them in a job, which calls the desk from
its thread, as it called the services before.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from oaoi_desktop.services import audit_verify, backups
from oaoi_desktop.services.audit import Actor


class TrustDesk:
    """The trust units of work on ``db`` (a :class:`~oaoi_desktop.store.database.Database`)."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def verify_all(self, actor: Actor) -> list[audit_verify.VerifyReport]:
        """Verify every chain of the database (the replay included)."""
        with self.db.read() as s:
            return audit_verify.verify_all(s, actor=actor)

    def backup(self, path: Path, *, cancel: threading.Event, actor: Actor) -> backups.BackupResult:
        """Write the database and its attachments into one archive."""
        return backups.create_backup(self.db, Path(path), cancel=cancel, actor=actor)

    def restore(self, path: Path, *, actor: Actor) -> backups.RestoreResult:
        """Check the archive, then replace the database with it (the current one is kept as a backup)."""
        url = self.db.url
        backups.check_archive(path)  # refuse a damaged archive before touching the open database
        self.db.engine.dispose()
        return backups.restore_backup(path, url, actor=actor)

    def release(self) -> None:
        """Let go of the database's open connections (after a restore replaced its file)."""
        self.db.engine.dispose()

    def auto_backup(self, *, keep: int) -> backups.AutoBackup:
        """The automatic backups of the database, keeping ``keep`` copies."""
        return backups.AutoBackup(self.db, keep=keep)


__all__ = ["TrustDesk"]
