"""Relative paths inside a package: the one check every name goes through."""

from __future__ import annotations

import re

_DRIVE = re.compile(r"^[A-Za-z]:")
_BAD_CHARS = re.compile(r"[\x00-\x1f\x7f]")


class UnsafePath(ValueError):
    """A path that must not be followed; ``message_id`` says why."""

    def __init__(self, message_id: str, path: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.path = path


def normalise(path: str) -> str:
    """``path`` as a clean relative POSIX path, or :class:`UnsafePath`.

    Backslashes count as separators (names written on Windows); absolute
    paths, drive letters (``C:``), UNC names, ``..`` components and control
    characters are refused; ``.`` components and doubled separators vanish.
    """
    if not isinstance(path, str) or not path.strip():
        raise UnsafePath("intake.path_empty", str(path))
    if _BAD_CHARS.search(path):
        raise UnsafePath("intake.path_bad_chars", path)
    text = path.replace("\\", "/")
    if text.startswith("/"):
        raise UnsafePath("intake.path_absolute", path)
    if _DRIVE.match(text):
        raise UnsafePath("intake.path_drive", path)
    parts = []
    for part in text.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            raise UnsafePath("intake.path_traversal", path)
        parts.append(part)
    if not parts:
        raise UnsafePath("intake.path_empty", path)
    return "/".join(parts)
