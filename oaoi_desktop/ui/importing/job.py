"""The import job: which paths can be imported, and :class:`ImportJob`, the import in a thread of its own."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject

from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.imports import ImportReport
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.importing.desk import ImportDesk
from oaoi_desktop.ui.jobs import Job, Progress


IMPORTABLE_SUFFIXES = (".zip", ".xlsx", ".csv")
"""Files the import accepts besides folders (a ZIP package, a batch spreadsheet)."""


def is_importable(path: Path) -> bool:
    """A folder, a ZIP package or a batch spreadsheet (``dossiers.xlsx``/``.csv``)."""
    return path.is_dir() or (path.is_file() and path.suffix.lower() in IMPORTABLE_SUFFIXES)


# -- the job ----------------------------------------------------------------------------------


class ImportJob(Job):
    """One import running in its own thread (a :class:`~oaoi_desktop.ui.jobs.Job`).

    Build it, connect to it, :meth:`start` it; :meth:`cancel` asks it to stop
    (the dossier in flight rolls back).  :attr:`worker` lives in the job's
    thread: a direct connection to ``worker.progressed`` runs in that thread.

    Signals:
        progressed(object): an :class:`~oaoi_desktop.services.imports.ImportProgress` snapshot.
        finished(object): the :class:`~oaoi_desktop.services.imports.ImportReport` (also when cancelled).
        failed(str): nothing could be imported at all (unknown event, no such path), in the UI language.
    """

    def __init__(self, db: Database, event_id: str | uuid.UUID, paths: Sequence[Path], *,
                 actor: Actor, limits: Limits | None = None, parent: QObject | None = None) -> None:
        self.event_id = str(event_id)
        self.paths = [Path(p) for p in paths]
        chosen_event, chosen = self.event_id, [str(p) for p in self.paths]
        desk = ImportDesk(db)

        def work(progress: Progress, cancel: threading.Event) -> ImportReport:
            return desk.import_paths(chosen_event, chosen, actor=actor, progress=progress, cancel=cancel,
                                     limits=limits)

        super().__init__(work, name="oaoi-import", parent=parent)


def importable_paths(paths: Sequence[Path | str]) -> list[Path]:
    """The folders, ZIPs and spreadsheets among ``paths`` (e.g. dropped on the window)."""
    out = []
    for raw in paths:
        path = Path(raw)
        if is_importable(path):
            out.append(path)
    return out


__all__ = ["IMPORTABLE_SUFFIXES", "ImportJob", "importable_paths", "is_importable"]
