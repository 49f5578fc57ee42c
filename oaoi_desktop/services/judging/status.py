"""A dossier's state in a judge's queue (shared by the score form and the queue)."""

from __future__ import annotations

from enum import Enum

from oaoi_desktop import i18n
from oaoi_desktop.store.models import ScoreSheet


class QueueStatus(str, Enum):
    """A dossier's state in a judge's queue."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LOCKED = "locked"

    @property
    def is_final(self) -> bool:
        """Submitted or locked: counted, and no longer editable by the judge."""
        return self in (QueueStatus.SUBMITTED, QueueStatus.LOCKED)

    def label(self, lang: str | None = None) -> str:
        return i18n.render(f"judging.status.{self.value}", lang)

    @classmethod
    def of(cls, sheet: ScoreSheet | None) -> "QueueStatus":
        if sheet is None:
            return cls.NOT_STARTED
        return cls(sheet.status.value)


__all__ = ["QueueStatus"]
