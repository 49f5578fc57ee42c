"""Conflict-of-interest rules (pure): who is recused from which dossier.

Names of agencies are compared on their identity key
(:func:`oaoi_desktop.domain.identity.recusal_key`: NFKC, invisible characters
dropped, Unicode TR39 confusable skeleton, then case, spaces and punctuation
folded: "Dinas Kesehatan, Kota Medan" = "dinas kesehatan kota medan" = the same
with a Cyrillic "е" or a zero-width space),
and an event may list aliases ("Dinkes Medan" → "Dinas Kesehatan Kota
Medan").  The event's recusal level says what must differ: ``instansi``
(national competitions) or ``unit_kerja`` (a city's OPD competition, where
every entry shares the same instansi).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from oaoi_desktop.domain.identity import recusal_key


def normalise_name(name: str) -> str:
    """The key two agency names are compared on (see :func:`identity.recusal_key`)."""
    return recusal_key(name or "")


def alias_table(aliases: Mapping[str, Sequence[str]] | None) -> dict[str, str]:
    """Map every normalised alias (and canonical name) to the canonical name."""
    table: dict[str, str] = {}
    for canonical_name, others in (aliases or {}).items():
        key = normalise_name(canonical_name)
        table[key] = key
        for other in others:
            table[normalise_name(other)] = key
    return table


def same_agency(a: str, b: str, table: Mapping[str, str] | None = None) -> bool:
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return False
    if table:
        na, nb = table.get(na, na), table.get(nb, nb)
    return na == nb


def is_recused(
    *,
    level: str,
    judge_instansi: str,
    judge_unit_kerja: str,
    dossier_instansi: str,
    dossier_unit_kerja: str,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> bool:
    """True when the judge may not judge the dossier at this recusal level.

    At ``unit_kerja`` level a judge is recused from entries of their own
    unit within their own instansi; at ``instansi`` level from every entry of
    their instansi.
    """
    table = alias_table(aliases)
    if level == "instansi":
        return same_agency(judge_instansi, dossier_instansi, table)
    if level == "unit_kerja":
        if not same_agency(judge_unit_kerja, dossier_unit_kerja, table):
            return False
        # the same unit name in another instansi is no conflict
        if judge_instansi and dossier_instansi:
            return same_agency(judge_instansi, dossier_instansi, table)
        return True
    raise ValueError(f"unknown recusal level {level!r}")
