"""Blind mode: the terms that identify an entrant, and the function that masks them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from oaoi_desktop import i18n
from oaoi_desktop.domain.conflicts import normalise_name
from oaoi_desktop.store.models import Dossier, Event


_HONORIFIC = re.compile(r"^(?:(?:dr|drs|dra|ir|prof|h|hj|ns|apt|bapak|ibu|bpk|sdr|sdri)\.?\s+)+", re.IGNORECASE)
_IDENTITY_KEYS = frozenset({"instansi", "unit_kerja", "innovators", "contact", "video_url"})
_KEEP_KEYS = frozenset({
    "id", "key", "path", "kind", "format_version", "word_limit", "sha256", "media_type", "started_on",
    "sdgs", "is_digital", "previous_finalist", "klaster", "kelompok", "kategori", "attachments",
})


def _name_variants(name: str) -> list[str]:
    """A person's name as written and without titles ("Dr. Ani Lestari, S.Kom." → "Ani Lestari")."""
    name = " ".join((name or "").split())
    if not name:
        return []
    bare = _HONORIFIC.sub("", name.split(",")[0]).strip()
    return [v for v in dict.fromkeys([name, bare]) if v]


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, Sequence):
        return [t for v in value for t in _texts(v)]
    return []


def redaction_terms(event: Event, dossier: Dossier, content: Mapping[str, Any] | None = None) -> list[str]:
    """What blind mode hides for ``dossier``: its instansi and unit kerja (the
    stored ones and those in its content), every alias the event lists for
    them, the innovators' names (as written and without titles), the region and
    agency forms derived from the agency names (:mod:`oaoi_desktop.domain.blind`:
    "Medan", "Kota Medan", "Disdukcapil" …) and the event's own list
    (``settings["blind_terms"]``)."""
    content = content or {}
    agencies = [dossier.instansi, dossier.unit_kerja]
    for key in ("instansi", "unit_kerja"):
        agencies += _texts(content.get(key))
    agencies = [a for a in agencies if a and a.strip()]
    wanted = {normalise_name(a) for a in agencies}
    terms = list(agencies)
    for canonical_name, others in ((event.settings or {}).get("aliases") or {}).items():
        group = [canonical_name, *(others or [])]
        if wanted & {normalise_name(g) for g in group}:
            terms += group
    agency_names = list(terms)  # the agencies and their aliases: what regions and kinds derive from
    for person in _texts(content.get("innovators")):
        terms += _name_variants(person)
    contact = content.get("contact")
    if isinstance(contact, Mapping):
        terms += _name_variants(str(contact.get("name") or contact.get("nama") or ""))
    # issue 14: the region and agency forms derived from the names, and the event's own list
    from oaoi_desktop.domain import blind

    terms += blind.derived_terms(agency_names)
    terms += [str(x) for x in ((event.settings or {}).get("blind_terms") or [])]
    return [t for t in dict.fromkeys(" ".join(t.split()) for t in terms) if t]


def make_redactor(terms: Iterable[str], mask: str) -> Callable[[str], str]:
    """A function replacing every term in a text by ``mask``.

    Case-insensitive and whole words only ("Medan" does not match inside
    "Medana"); the words of a term may be separated by any short run of spaces
    or punctuation, so "Dinas Kesehatan, Kota Medan" and "dinas kesehatan kota
    medan" are both found.  Longer terms win over shorter ones.
    """
    patterns = []
    for term in sorted(set(terms), key=len, reverse=True):
        tokens = re.findall(r"\w+", term)
        if sum(len(t) for t in tokens) < 3:
            continue  # one or two letters would mask ordinary words
        patterns.append(r"[\W_]{1,3}".join(re.escape(t) for t in tokens))
    from oaoi_desktop.domain.blind import mask_regulations  # issue 14: "Peraturan Wali Kota Medan Nomor 27"

    runs = re.compile(rf"{re.escape(mask)}(?:[ \t]+{re.escape(mask)})+")  # "[m] [m]" reads as one: "[m]"
    if not patterns:
        return lambda text: runs.sub(mask, mask_regulations(text, mask)) if text else text
    regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE | re.UNICODE)
    return lambda text: runs.sub(mask, regex.sub(mask, mask_regulations(text, mask))) if text else text


def redact_content(value: Any, redact: Callable[[str], str], mask: str, key: str = "") -> Any:
    if key in _IDENTITY_KEYS:
        if isinstance(value, list):
            return [mask for _ in value]
        return mask if value not in (None, "", {}, []) else value
    if isinstance(value, Mapping):
        return {k: redact_content(v, redact, mask, k) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_content(v, redact, mask, key) for v in value]
    if isinstance(value, str) and key not in _KEEP_KEYS:
        return redact(value)
    return value


def mask_text(lang: str | None = None) -> str:
    """The neutral mask put where a name was ("[disamarkan]")."""
    return i18n.render("judging.redacted", lang)


__all__ = ["make_redactor", "mask_text", "redact_content", "redaction_terms"]
