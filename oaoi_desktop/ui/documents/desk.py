"""The document export dialog's way into the services (no Qt).

:class:`DocumentDesk` lists the events and exports the PDF documents: the
export runs in a job, which calls :meth:`DocumentDesk.export` from its
thread (the service opens its own units of work there), as it called the
service before.  The documents service (and ReportLab) is imported only when
an export runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.services import events
from oaoi_desktop.services.audit import Actor


class DocumentDesk:
    """The document units of work on ``database``."""

    def __init__(self, database: Any) -> None:
        self.database = database

    def events(self) -> list[tuple[str, str]]:
        """Every event as (id text, name), oldest first."""
        with self.database.read() as s:
            return [(str(e.id), e.name) for e in events.list_events(s)]

    def export(self, event_ref: str, kinds: list[str], options: Any, folder: Path, *, actor: Actor,
               progress: Callable[..., Any], cancelled: Callable[[], bool],
               workers: int | None = None) -> list[str] | None:
        """Prepare and draw the documents into ``folder``: the paths written, or None when cancelled
        (nothing is left under a final name)."""
        from oaoi_desktop.services import documents

        try:
            documents.check_folder(folder)
            docs = documents.prepare(self.database, event_ref, kinds, options, actor=actor)
            if cancelled():
                raise documents.Cancelled()
            paths = documents.write_documents(docs, folder, progress=progress, cancelled=cancelled,
                                              workers=workers)
        except documents.Cancelled:
            return None
        return [str(p) for p in paths]


__all__ = ["DocumentDesk"]
