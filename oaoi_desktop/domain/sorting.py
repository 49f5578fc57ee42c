"""Natural order for dossier numbers and names: "P-2" before "P-10", case ignored."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[object, ...]:
    """Sort key: runs of digits compare as numbers, the rest case-insensitively.

    ``re.split`` with a capturing group alternates text and digits (text first, possibly
    empty), so two keys always compare str with str and int with int.
    """
    return tuple(int(p) if p.isdigit() else p.casefold() for p in _DIGITS.split(text))


__all__ = ["natural_key"]
