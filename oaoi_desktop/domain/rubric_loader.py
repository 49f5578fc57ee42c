"""Reading rubric files (TOML) into :class:`~oaoi_desktop.domain.rubric.Rubric`.

The file format is documented in ``scoring_rubrics/README.md``.  Every problem
in a file is collected and reported at once as a :class:`Problem` with the
file, a key path and, when it can be told, the 1-based line number.

Key paths use the TOML structure with 0-based indexes into arrays:
``stages[0].criteria[2].weight``, ``levels[1].max``, ``tie_breaks[3]``.  A key
that is not a plain bare key is written quoted: ``stages[0]."nama kriteria"``.

Numbers are read exactly: TOML floats are parsed straight to :class:`Decimal`
from their text (``parse_float=Decimal``), never through binary floats.

Pure Python: no Qt, no database, no I/O: reading the files, and finding the
shipped ones, is :mod:`oaoi_desktop.rubrics`.  The parts: key paths and lines
(:mod:`~oaoi_desktop.domain.rubric_keys`), value helpers
(:mod:`~oaoi_desktop.domain.rubric_values`), the reader
(:mod:`~oaoi_desktop.domain.rubric_reader`).
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.domain.rubric_keys import KeyPath, format_key_path, key_lines
from oaoi_desktop.domain.rubric_reader import FORMAT_VERSION, MAX_SCALE_POINTS, Reader
from oaoi_desktop.errors import Problem, ProblemsError

__all__ = [
    "FORMAT_VERSION",
    "MAX_SCALE_POINTS",
    "KeyPath",
    "check_text",
    "format_key_path",
    "key_lines",
    "parse_rubric",
]

_SYNTAX_POS_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAX_END_RE = re.compile(r"\s*\(at end of document\)\s*$")


def _syntax_problem(exc: tomllib.TOMLDecodeError, file: str) -> Problem:
    message = str(exc.args[0]) if exc.args else str(exc)
    line: int | None = getattr(exc, "lineno", None)
    column: int | None = getattr(exc, "colno", None)
    detail = getattr(exc, "msg", None) or message
    m = _SYNTAX_POS_RE.search(detail)
    if m:
        line, column = int(m.group(1)), int(m.group(2))
        detail = detail[: m.start()]
    detail = _SYNTAX_END_RE.sub("", detail)
    return Problem(
        file=file,
        key_path="",
        message_id="rubric.syntax",
        params={"detail": detail, "column": column if column is not None else "?"},
        line=line,
    )


def check_text(text: str, file: str) -> tuple[Rubric | None, list[Problem]]:
    """The rubric of TOML ``text`` (``None`` when it cannot be read at all) and every problem found."""
    if text.startswith("\ufeff"):  # a byte-order mark from a Windows editor
        text = text[1:]
    try:
        doc = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(exc, file)]
    except RecursionError:  # arrays or tables nested thousands deep
        return None, [Problem(file=file, key_path="", message_id="identity.rubric_too_deep", params={})]
    reader = Reader(text, file)
    rubric = reader.read(doc)
    # in file order; problems without a line (e.g. a missing top-level key) first
    problems = sorted(reader.problems, key=lambda p: p.line or 0)
    return rubric, problems


def parse_rubric(text: str, file: str) -> Rubric:
    """Parse rubric TOML ``text`` (``file`` names it in problems).

    Raises :class:`ProblemsError` listing every problem found.
    """
    rubric, problems = check_text(text, file)
    if problems or rubric is None:
        raise ProblemsError(problems)
    return rubric
