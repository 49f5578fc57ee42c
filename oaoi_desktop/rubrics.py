"""Rubric files: reading one (size, encoding) and finding the shipped ones.

The parsing and every check of the content is pure and lives in
:mod:`oaoi_desktop.domain.rubric_loader`; this module is the I/O around it:
the file itself, ``$OAOI_RUBRIC_DIR`` and the ``scoring_rubrics/`` folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.domain.rubric_loader import check_text, parse_rubric
from oaoi_desktop.errors import NotFoundError, Problem, ProblemsError

__all__ = [
    "MAX_FILE_BYTES",
    "RUBRIC_DIR_ENV",
    "builtin_rubric_dir",
    "list_builtin_rubrics",
    "load_rubric",
    "resolve_rubric",
    "validate_rubric_file",
]

MAX_FILE_BYTES = 1024 * 1024
"""A rubric file larger than this is refused unread (rubrics are a few KiB)."""

RUBRIC_DIR_ENV = "OAOI_RUBRIC_DIR"
"""Environment variable that replaces the built-in rubric folder."""


def _read_text(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    def fail(message_id: str, **params: Any) -> tuple[None, list[Problem]]:
        return None, [Problem(file=file, key_path="", message_id=message_id, params=params)]

    try:
        if not path.exists():
            return fail("rubric.file.missing", path=file)
        if path.is_dir():
            return fail("rubric.file.is_folder", path=file)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail("rubric.file.too_large", path=file, size=size, limit=MAX_FILE_BYTES)
        data = path.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        return fail("rubric.file.unreadable", path=file, reason=reason)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                file=file, key_path="", message_id="rubric.file.not_utf8",
                params={"offset": exc.start}, line=line,
            )
        ]


def validate_rubric_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem of the rubric file at ``path``; empty when it is fine.

    Never raises for bad input: a missing, unreadable or non-UTF-8 file is a
    problem like any other.
    """
    file = os.fspath(path)
    text, problems = _read_text(Path(file), file)
    if text is None:
        return problems
    return check_text(text, file)[1]


def load_rubric(path: str | os.PathLike[str]) -> Rubric:
    """Load the rubric file at ``path``; raises :class:`ProblemsError`."""
    file = os.fspath(path)
    text, problems = _read_text(Path(file), file)
    if text is None:
        raise ProblemsError(problems)
    return parse_rubric(text, file)


def builtin_rubric_dir() -> Path:
    """The folder of shipped rubrics: ``$OAOI_RUBRIC_DIR`` or ``scoring_rubrics/``."""
    env = os.environ.get(RUBRIC_DIR_ENV, "").strip()
    if env:
        return Path(env)
    from oaoi_desktop.shipped import rubrics_dir

    return rubrics_dir()


def list_builtin_rubrics() -> list[Path]:
    """The ``*.toml`` files of :func:`builtin_rubric_dir`, sorted by name."""
    folder = builtin_rubric_dir()
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob("*.toml") if p.is_file()), key=lambda p: p.name)


def resolve_rubric(name_or_path: str | os.PathLike[str]) -> Path:
    """A rubric file from a path or a built-in name such as ``"kipp-proposal"``.

    An existing file wins; otherwise a bare name (no folder part) is looked up
    in :func:`builtin_rubric_dir`, with or without ``.toml``.  Raises
    :class:`NotFoundError` (``rubric.not_found``) when neither exists.
    """
    text = os.fspath(name_or_path)
    path = Path(text)
    if path.is_file():
        return path
    available = ", ".join(p.stem for p in list_builtin_rubrics())
    if text and path.name == text:  # no folder part: a built-in name
        stem = text[:-5] if text.endswith(".toml") else text
        candidate = builtin_rubric_dir() / f"{stem}.toml"
        if candidate.is_file():
            return candidate
    raise NotFoundError("rubric.not_found", name=text, available=available or "-")
