"""Counting words of a section the way a reader would (SiNovik limits)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\s]*\w[^\s]*")


def count_words(text: str) -> int:
    """Whitespace-separated tokens holding at least one letter or digit.

    "Pelayanan publik — 24/7, tanpa antre." counts 5: the dash alone is no word.
    """
    return len(_WORD.findall(text or ""))
