"""Counting words of a section the way a reader would (SiNovik limits)."""

from __future__ import annotations

import re
from itertools import filterfalse

_WORD = re.compile(r"[^\s]*\w[^\s]*")
_WORD_CHAR = re.compile(r"\w")


def count_words(text: str) -> int:
    """Whitespace-separated tokens holding at least one letter or digit.

    "Pelayanan publik — 24/7, tanpa antre." counts 5: the dash alone is no word.

    The same count as ``len(re.findall(r"[^\\s]*\\w[^\\s]*", text))``, about
    three times faster: ``str.split`` and ``re``'s ``\\s`` share one idea of
    whitespace, and a token that is all letters and digits (the usual case)
    needs no regular expression.
    """
    if not text:
        return 0
    tokens = text.split()
    n = len(tokens)
    for token in filterfalse(str.isalnum, tokens):  # iterated in C: only the odd tokens come out
        if not _WORD_CHAR.search(token):
            n -= 1
    return n
