"""What the intake found wrong with a package: errors reject, warnings do not."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from oaoi_desktop.errors import Problem


class Severity(str, enum.Enum):
    ERROR = "error"
    """The dossier is rejected."""
    WARNING = "warning"
    """Reported, but the dossier is imported (e.g. a word limit exceeded)."""


@dataclass(frozen=True)
class Finding:
    """One problem: which file, which field, what (a message id and params).

    ``file`` is the path shown to the user (``usulan-01.zip/dossier.json``,
    ``dossiers.xlsx``); ``field`` is a key path into ``dossier.json``
    (``sections[2].word_limit``) or a spreadsheet cell (``C5 (klaster)``);
    ``line`` is 1-based when known.
    """

    severity: Severity
    file: str
    field: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_problem(self) -> Problem:
        return Problem(file=self.file, key_path=self.field, message_id=self.message_id,
                       params=dict(self.params), line=self.line)

    def message(self, lang: str | None = None) -> str:
        """The message alone (without file and field), in ``lang``."""
        from oaoi_desktop.i18n import render

        return render(self.message_id, lang, **self.params)

    def render(self, lang: str | None = None) -> str:
        """``file:line: field: message`` in ``lang``."""
        return self.as_problem().render(lang)


def error(file: str, field: str, message_id: str, /, line: int | None = None, **params: Any) -> Finding:
    return Finding(Severity.ERROR, file, field, message_id, params, line)


def warning(file: str, field: str, message_id: str, /, line: int | None = None, **params: Any) -> Finding:
    return Finding(Severity.WARNING, file, field, message_id, params, line)
