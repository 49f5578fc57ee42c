"""What else gives a dossier's author away: terms derived from its agency's name.

Blind mode (``services.judging.redaction_terms`` / ``make_redactor``) hides
the instansi, the unit kerja, their aliases and the innovators' names.  A
proposal's text also names the author in derived forms (issue 14):

* the region in the agency's name, alone and in its usual forms:
  "Pemerintah Kota Medan" → "Kota Medan", "Medan", "Pemko Medan", "Wali Kota Medan" …;
  "Kabupaten Deli Serdang" → "Deli Serdang", "Kab. Deli Serdang", "Pemkab Deli Serdang" …;
  "Provinsi Sumatera Utara" → "Sumatera Utara", "Sumut", "Pemprov Sumut" …
  (:func:`region_terms`);
* the agency's kind in every form it is written in, from a bundled list
  (``blind_terms.toml``): a dossier of "Dinas Kependudukan dan Pencatatan
  Sipil Kota Medan" also hides "Disdukcapil" and "Dukcapil" (:func:`agency_terms`);
* regulation titles that name a region ("Peraturan Wali Kota Medan Nomor 27
  Tahun 2020", "Perbup Deli Serdang No. 12/2021"): masked whole, whichever
  region they name (:func:`mask_regulations`).

An event may list more terms of its own (``Event.settings["blind_terms"]``,
set with ``oaoi blind terms`` or in the GUI); those are added by the service.
Pure: no Qt, no database.  The bundled list is read once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("blind_terms.toml")

_KIND_WORDS = {
    "kota": "kota", "kotamadya": "kota", "kabupaten": "kabupaten", "kab": "kabupaten",
    "provinsi": "provinsi", "prov": "provinsi", "propinsi": "provinsi",
    "kecamatan": "kecamatan", "kelurahan": "kelurahan", "desa": "desa",
}
_STOP = (r"(?:Nomor|No|Tahun|Tentang|Dan|Di|Yang|Untuk|Dalam|Pada|Melalui|Berbasis|Serta|Nomer|Kota|Kotamadya"
         r"|Kabupaten|Kab|Provinsi|Propinsi|Prov|Kecamatan|Kelurahan|Desa)\b")
_PLACE = rf"(?!{_STOP})[A-Z][\w'’-]*(?:\s+(?!{_STOP})[A-Z][\w'’-]*){{0,3}}"
_REGION = re.compile(
    rf"(?<!\w)(?i:(kotamadya|kota|kabupaten|kab\.?|provinsi|propinsi|prov\.?|kecamatan|kelurahan|desa))"
    rf"\s+({_PLACE})"
)


@lru_cache(maxsize=1)
def bundled() -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[str, ...]]]:
    """(agency form groups, province name -> short forms) from ``blind_terms.toml``."""
    with DATA.open("rb") as fh:
        data = tomllib.load(fh)
    agencies = tuple(tuple(a["forms"]) for a in data.get("agency", []))
    provinces = {name: tuple(forms) for name, forms in (data.get("province") or {}).items()}
    return agencies, provinces


def _words_in(term: str, text: str) -> bool:
    tokens = re.findall(r"\w+", term)
    if not tokens:
        return False
    pattern = r"[\W_]{1,3}".join(re.escape(t) for t in tokens)
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE) is not None


def regions_in(name: str) -> list[tuple[str, str]]:
    """The (kind, place) pairs an agency name mentions: ``[("kota", "Medan")]``.

    Also a province named without the word "Provinsi" ("Pemerintah Aceh",
    "Dinas Kesehatan Jawa Barat").
    """
    found: list[tuple[str, str]] = []
    for m in _REGION.finditer(name or ""):
        kind = _KIND_WORDS[m.group(1).lower().rstrip(".")]
        found.append((kind, " ".join(m.group(2).split())))
    _, provinces = bundled()
    for province, short in provinces.items():
        if any(_words_in(form, name or "") for form in (province, *short)):
            if ("provinsi", province) not in found:
                found.append(("provinsi", province))
    return found


def region_terms(kind: str, place: str) -> list[str]:
    """The forms a text may use for the region ``place`` of ``kind``."""
    terms = [place]
    if kind == "kota":
        terms += [f"Kota {place}", f"Kotamadya {place}", f"Pemerintah Kota {place}", f"Pemko {place}",
                  f"Pemkot {place}", f"Wali Kota {place}", f"Walikota {place}", f"DPRD Kota {place}"]
    elif kind == "kabupaten":
        terms += [f"Kabupaten {place}", f"Kab. {place}", f"Kab {place}", f"Pemerintah Kabupaten {place}",
                  f"Pemkab {place}", f"Bupati {place}", f"DPRD Kabupaten {place}"]
    elif kind == "kecamatan":
        terms += [f"Kecamatan {place}", f"Camat {place}"]
    elif kind == "kelurahan":
        terms += [f"Kelurahan {place}", f"Lurah {place}"]
    elif kind == "desa":
        terms += [f"Desa {place}", f"Kepala Desa {place}"]
    else:
        _, provinces = bundled()
        forms = [place]
        for province, short in provinces.items():
            if place.lower() in {f.lower() for f in (province, *short)}:
                forms = [province, *short]
        for form in forms:
            terms += [form, f"Provinsi {form}", f"Prov. {form}", f"Pemerintah Provinsi {form}",
                      f"Pemprov {form}", f"Gubernur {form}"]
    return list(dict.fromkeys(terms))


def agency_terms(name: str) -> list[str]:
    """Every bundled form of the agency kinds ``name`` mentions, and ``name`` without its region.

    "Dinas Kependudukan dan Pencatatan Sipil Kota Medan" → "Dinas Kependudukan dan
    Pencatatan Sipil", "Disdukcapil", "Dukcapil", …
    """
    name = " ".join((name or "").split())
    if not name:
        return []
    terms: list[str] = []
    bare = _REGION.sub("", name).strip(" ,-")
    bare = re.sub(r"^(?i:pemerintah)\s*$", "", bare)
    if len(bare.split()) >= 2 and bare.lower() != name.lower():
        terms.append(bare)
    agencies, _ = bundled()
    for forms in agencies:
        if any(_words_in(form, name) for form in forms):
            terms += forms
            # the unit's own name after its kind: "RSUD Blambangan", "PDAM Tirta Binangun"
            for form in forms:
                m = re.match(rf"(?i:{re.escape(form)})\s+({_PLACE})\s*$", _REGION.sub("", name).strip(" ,-"))
                if m:
                    own = " ".join(m.group(1).split())
                    terms += [own, *(f"{f} {own}" for f in forms)]
    return list(dict.fromkeys(terms))


def derived_terms(agencies: Iterable[str]) -> list[str]:
    """Region and agency forms derived from a dossier's instansi / unit kerja names."""
    terms: list[str] = []
    for name in agencies:
        for kind, place in regions_in(name):
            terms += region_terms(kind, place)
        terms += agency_terms(name)
    return list(dict.fromkeys(t for t in terms if t))


_ISSUER = r"(?i:wali\s*kota|walikota|bupati|gubernur|kepala\s+daerah|daerah|dprd)"
_REG_KIND = r"(?i:kotamadya|kota|kabupaten|kab\.?|provinsi|propinsi|prov\.?)"
_NUMBER = r"(?:\s*,?\s*(?i:nomor|nomer|no\.?)\s*[\w./-]*\d[\w./-]*(?:\s+(?i:tahun)\s+\d{4})?)"
_REGULATION = re.compile(
    r"(?<!\w)(?:"
    # Peraturan / Keputusan / Instruksi / Surat Edaran [Daerah] Wali Kota|Bupati|Gubernur [Kota|Kab.] Place [Nomor …]
    rf"(?i:peraturan|keputusan|instruksi|surat\s+edaran|sk)\s+(?:(?i:daerah)\s+)?{_ISSUER}\s+"
    rf"(?:{_REG_KIND}\s+)?{_PLACE}{_NUMBER}?"
    "|"
    # Perwal / Perbup / Pergub / Perda / Kepwal … [Kota|Kab.] Place [No. 27/2020]
    rf"(?i:perwal|perwali|perwako|perbup|pergub|perda|kepwal|kepwali|kepbup|kepgub|inbup|inwal|ingub|se\s+wali\s*kota)"
    rf"\s+(?:{_REG_KIND}\s+)?{_PLACE}{_NUMBER}?"
    ")"
)


def mask_regulations(text: str, mask: str) -> str:
    """``text`` with every regulation title that names a region replaced by ``mask``."""
    if not text:
        return text
    return _REGULATION.sub(mask, text)


def parse_terms_file(text: str) -> list[str]:
    """An event's extra terms: one per line; ``#`` starts a comment; blank lines ignored."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(" ".join(line.split()))
    return list(dict.fromkeys(out))


__all__ = ["agency_terms", "bundled", "derived_terms", "mask_regulations", "parse_terms_file", "region_terms",
           "regions_in"]
