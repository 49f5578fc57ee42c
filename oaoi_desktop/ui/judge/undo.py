"""Undo and redo of the judge's scores: each change is saved through the service again.

:class:`~oaoi_desktop.ui.judge.workspace.JudgeWorkspace` keeps one
:class:`QUndoStack` per open sheet and pushes a :class:`ScoreCommand` for every
score recorded.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Protocol

from PySide6.QtGui import QUndoCommand

SheetKey = tuple[uuid.UUID, str]
"""(dossier id, stage id): one score sheet of the signed-in judge."""


class ScoreCommand(QUndoCommand):
    """One score change, undone and redone through the service (so both are saved).

    The change itself is recorded before the command is pushed; the first
    ``redo()`` (which :meth:`QUndoStack.push` calls) does nothing.  When the
    service refuses an undo or redo (the sheet was submitted or changed on
    another seat meanwhile) the command becomes obsolete and leaves the stack.
    """

    def __init__(self, workspace: ScoreApplier, key: SheetKey, criterion_id: str,
                 before: Decimal | None, after: Decimal | None, text: str) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._key = key
        self._criterion_id = criterion_id
        self._before = before
        self._after = after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if not self._workspace.apply_score(self._key, self._criterion_id, self._after):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._workspace.apply_score(self._key, self._criterion_id, self._before):
            self.setObsolete(True)


class ScoreApplier(Protocol):
    """What a :class:`ScoreCommand` asks to record a score (the judge workspace)."""

    def apply_score(self, key: SheetKey, criterion_id: str, value: Decimal | None) -> bool:
        """Record one score (None: clear it); False when the service refused it."""
        ...


__all__ = ["ScoreApplier", "ScoreCommand", "SheetKey"]
