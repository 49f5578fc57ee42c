"""Errors a user can cause, and the one catalogue that renders them.

Every error that bad input, a wrong argument or a damaged file can cause is an
:class:`OaoiError` carrying a *message id* and its parameters.  The catalogue
in :mod:`oaoi_desktop.i18n` renders it in the chosen language, the same text for
the CLI, the PDFs and the GUI.  Code below ``ui/`` never formats user-facing
text itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class OaoiError(Exception):
    """An error a user can cause; rendered, never shown as a traceback."""

    def __init__(self, message_id: str, /, **params: Any) -> None:
        self.message_id = message_id
        self.params = params
        super().__init__(message_id)

    def render(self, lang: str | None = None) -> str:
        from oaoi_desktop.i18n import render

        return render(self.message_id, lang, **self.params)

    def __str__(self) -> str:  # pragma: no cover - convenience for logs
        return self.render()


class NotFoundError(OaoiError):
    """Something named by the user does not exist (event, judge, file)."""


class ValidationError(OaoiError):
    """Input was read but is not acceptable."""


class ConflictError(OaoiError):
    """The request clashes with the current state (frozen rubric, stale edit)."""


class DatabaseVersionError(OaoiError):
    """The database was written by a newer version of the app."""


class PermissionDeniedError(OaoiError):
    """The acting user may not do this.

    ``action`` is a policy action id (``results.read``); it is shown by its label
    (``policy.action.<id>`` in the catalogue: "melihat peringkat dan hasil penilaian"),
    never as the id itself; ``role`` (``member``) likewise by ``policy.role.<value>``.
    """

    def render(self, lang: str | None = None) -> str:
        from oaoi_desktop.i18n import has_message, render

        params = dict(self.params)
        for key, prefix in (("action", "policy.action."), ("role", "policy.role.")):
            value = params.get(key)
            if isinstance(value, str) and has_message(prefix + value):
                params[key] = render(prefix + value, lang)
        return render(self.message_id, lang, **params)


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what is wrong.

    ``key_path`` is a dotted path into the document (``stages[0].criteria[2].weight``);
    ``line`` is 1-based when the parser can tell, else ``None``.
    """

    file: str
    key_path: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def render(self, lang: str | None = None) -> str:
        from oaoi_desktop.i18n import render

        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.key_path:
            where += f": {self.key_path}"
        return f"{where}: {render(self.message_id, lang, **self.params)}"


class ProblemsError(ValidationError):
    """A file had one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("problems.found", count=len(problems))
        self.problems = problems

    def render(self, lang: str | None = None) -> str:
        return "\n".join(p.render(lang) for p in self.problems)
