"""The import flow's way into the services (no Qt).

:class:`ImportDesk` lists the events the import may go into and imports
dossier folders, ZIPs and spreadsheets; the services open their own units of
work (each dossier in its own transaction).  The import runs in a job, which
calls the desk from its thread, as it called the service before.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.services import status
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.imports import ImportProgress, ImportReport, import_paths
from oaoi_desktop.store.database import Database


class ImportDesk:
    """The import units of work on ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def events(self) -> Sequence[Any]:
        """The database's events, oldest first (their names and ids only: read with no actor)."""
        return status.summary(self.db, actor=None).events

    def import_paths(self, event_id: str | uuid.UUID, paths: Sequence[str], *, actor: Actor,
                     progress: Callable[[ImportProgress], None] | None = None,
                     cancel: threading.Event | None = None, limits: Limits | None = None) -> ImportReport:
        """Import the dossier folders, ZIPs and spreadsheets at ``paths`` into the event."""
        return import_paths(self.db, event_id, paths, actor=actor, progress=progress, cancel=cancel, limits=limits)


__all__ = ["ImportDesk"]
