"""Identity text: one normalisation for every name that drives a decision.

Names decide who is recused from what (instansi, unit kerja, the event's
aliases), which dossier is which (proposal numbers), and who signed and
scored (judge and secretariat names, event names).  A name that *looks*
like another but differs in invisible or look-alike characters must not
slip past those decisions, and a name must not be able to rearrange how
the text around it is displayed.

:func:`clean` (for every such name):

1. refuses **control characters** (C0/C1 except tab and line breaks, which are
   whitespace), **bidirectional controls** (U+202A–U+202E embeddings and
   overrides, U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks) and
   **lone surrogates**, with a message naming the field and the code point;
2. applies **NFKC** (full-width letters, ligatures, compatibility forms);
3. strips **default-ignorable code points** (zero-width space/joiners, soft
   hyphen, word joiner, variation selectors, BOM, tags, ...: Unicode's
   ``Default_Ignorable_Code_Point`` property);
4. collapses runs of whitespace to one space and trims the ends.

:func:`dossier_number` additionally restricts proposal numbers to
``[A-Za-z0-9._/-]``, 1–64 characters (after NFKC), see docs/dossier-format.md.

:func:`recusal_key` is what conflict-of-interest checks compare: the cleaned
text (lenient: refused characters are dropped, since stored names predate the
rules), its Unicode TR39 confusable **skeleton** taken before and after case
folding, with ``l`` and ``i`` merged (TR39 maps capital ``I`` to ``l`` but keeps
small ``i``), so "Pemerintah Kota Меdan" with a Cyrillic М and е, "PEMERINTAH
KOTA MEDAN" and "pemerintah kota medan" all collide; then punctuation folded to
spaces and whitespace collapsed.  The skeleton may merge names that are merely similar ("l" and
"I", "rn" and "m"): for recusal, a false collision only recuses a judge,
while a missed one lets a conflicted judge score.

The confusable mapping is Unicode's ``confusables.txt`` (UTS #39, version in
the header of ``confusables.txt`` beside this module), converted by
``scripts/build_confusables.py``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from oaoi_desktop.errors import ValidationError

# Unicode Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15).
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_IGNORABLE_RE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" if a != b else re.escape(chr(a))
                                          for a, b in _DEFAULT_IGNORABLE) + "]")
# Bidirectional controls: embeddings/overrides, isolates, and the implicit marks.
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)

DOSSIER_NUMBER_MAX = 64
DOSSIER_NUMBER_RE = re.compile(r"[A-Za-z0-9._/-]{1,%d}" % DOSSIER_NUMBER_MAX)
DOSSIER_NUMBER_CHARSET = "A-Z a-z 0-9 . _ / -"


def _codepoint(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _refused(ch: str) -> str | None:
    """The reason ``ch`` is refused in a name, or None."""
    if ch in BIDI_CONTROLS:
        return "bidi"
    cat = unicodedata.category(ch)
    if cat == "Cs":
        return "surrogate"
    if cat == "Cc" and ch not in _WHITESPACE_CONTROLS:
        return "control"
    return None


def check(text: str, field: str) -> None:
    """Refuse control characters, bidi controls and lone surrogates (naming ``field``)."""
    for ch in text:
        reason = _refused(ch)
        if reason is not None:
            raise ValidationError(f"identity.{reason}", field=field, codepoint=_codepoint(ch))


def strip_ignorables(text: str) -> str:
    return _IGNORABLE_RE.sub("", text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = strip_ignorables(text)
    return " ".join(text.split())


def clean(value: object, field: str) -> str:
    """The normalised form of a name that drives a decision; refuses what cannot be shown safely."""
    text = "" if value is None else str(value)
    check(text, field)
    return _normalise(text)


def lenient(value: object) -> str:
    """:func:`clean` that drops refused characters instead of refusing (for names already stored)."""
    text = "" if value is None else str(value)
    text = "".join(ch for ch in text if _refused(ch) is None)
    return _normalise(text)


def dossier_number(value: object, field: str = "id") -> str:
    """A proposal number: :func:`clean`, then ``[A-Za-z0-9._/-]{1,64}``."""
    text = clean(value, field)
    if not DOSSIER_NUMBER_RE.fullmatch(text):
        bad = next((ch for ch in text if not DOSSIER_NUMBER_RE.fullmatch(ch)), "")
        raise ValidationError("identity.dossier_number", field=field, value=text[:80],
                              allowed=DOSSIER_NUMBER_CHARSET, max=DOSSIER_NUMBER_MAX,
                              codepoint=_codepoint(bad) if bad else "-")
    return text


def is_dossier_number(value: object) -> bool:
    try:
        dossier_number(value)
    except ValidationError:
        return False
    return True


# -- TR39 skeleton -----------------------------------------------------------------------
_TABLE_FILE = Path(__file__).with_name("confusables.txt")


@functools.lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _TABLE_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        source, target = line.split("\t")
        table[chr(int(source, 16))] = "".join(chr(int(c, 16)) for c in target.split())
    return table


def skeleton(text: str) -> str:
    """UTS #39 skeleton: NFD, map every character to its confusable prototype, NFD again."""
    table = _confusables()
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(table.get(ch, ch) for ch in text))


@functools.lru_cache(maxsize=65536)
def recusal_key(value: str) -> str:
    """What conflict-of-interest checks compare (see the module docstring)."""
    text = lenient(value)
    # TR39 skeletons are case-sensitive (capital I and small l share a prototype, small i has its own):
    # skeleton, fold case, skeleton again, fold case, then let l and i collide.
    text = skeleton(skeleton(text).casefold()).casefold().replace("l", "i")
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


__all__ = ["BIDI_CONTROLS", "DOSSIER_NUMBER_CHARSET", "DOSSIER_NUMBER_MAX", "check", "clean", "dossier_number",
           "is_dossier_number", "lenient", "recusal_key", "skeleton", "strip_ignorables"]
