"""The dossier reader's way into the services (no Qt).

:class:`ReaderDesk` finds an attachment's file and exports a copy of it; the
services open their own units of work and check that the reader may read the
attachment's dossier.  The export runs in a job, which calls the desk from its
thread, as it called the service before.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from oaoi_desktop.services.dossiers import attachment_local_path, export_attachment
from oaoi_desktop.store.database import Database


class ReaderDesk:
    """The reader's units of work on ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def attachment_path(self, attachment_id: uuid.UUID, *, actor: Any) -> Path:
        """Where the attachment's file is on this laptop."""
        return attachment_local_path(self.db, attachment_id, actor=actor)

    def export_attachment(self, attachment_id: uuid.UUID, folder: Path, *, actor: Any) -> Path:
        """A copy of the attachment under its own name in ``folder``."""
        return export_attachment(self.db, attachment_id, folder, actor=actor)


__all__ = ["ReaderDesk"]
