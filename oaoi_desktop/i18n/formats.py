"""Numbers and times the way an Indonesian office writes them: one helper for the UI, PDFs and XLSX.

* Numbers: Indonesian uses a decimal comma and a thousands dot ("87,83",
  "1.234,5"); English keeps "87.83" and "1,234.5".  :func:`decimal` and
  :func:`exact` format a score; :func:`localise` rewrites a machine text
  ("1234.50") for people.  CSV and JSON stay machine-readable: they never
  go through these functions.
* XLSX: :func:`xlsx_format` is the cell's display format (the value stays
  numeric); Indonesian carries the Indonesian locale tag ``[$-421]``.
* Times: the store keeps naive UTC.  An event prints in its time zone
  (``settings["timezone"]``: WIB = Asia/Jakarta, WITA = Asia/Makassar,
  WIT = Asia/Jayapura; default WIB).  Indonesia has no daylight saving, so a
  fixed offset is exact and needs no tz database (Windows has none).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

from oaoi_desktop.i18n import DEFAULT_LANGUAGE

# -------------------------------------------------------------------------------------
# Numbers
# -------------------------------------------------------------------------------------
_MARKS = {"id": (",", "."), "en": (".", ",")}
"""language -> (decimal mark, thousands separator)."""


def marks(lang: str | None) -> tuple[str, str]:
    """(decimal mark, thousands separator) of ``lang``."""
    return _MARKS.get(lang or DEFAULT_LANGUAGE, _MARKS["en"])


def localise(text: str, lang: str | None = None, *, group: bool = True) -> str:
    """A machine number text ("-1234.50") in ``lang``'s marks ("-1.234,50" in Indonesian).

    Anything that is not a plain decimal number ("-", "", "n/a") comes back unchanged.
    """
    if lang is None:
        from oaoi_desktop import i18n

        lang = i18n.current_language()
    body = text.strip()
    sign = ""
    if body[:1] in "+-" and body[:1]:
        sign, body = body[0], body[1:]
    whole, dot, frac = body.partition(".")
    if not whole.isdigit() or (dot and not frac.isdigit()):
        return text
    point, sep = marks(lang)
    if group and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = whole[:head] + "".join(sep + whole[i:i + 3] for i in range(head, len(whole), 3))
    return f"{sign}{whole}{point + frac if dot else ''}"


def localise_numbers(text: str, lang: str | None = None) -> str:
    """Every decimal number inside ``text`` ("Ani=90.00; Budi=86.50") in ``lang``'s marks."""
    import re

    return re.sub(r"(?<![\w.])\d+\.\d+(?![\w.])", lambda m: localise(m.group(0), lang), text)


def decimal(value: Any, lang: str | None = None, places: int = 2, none: str = "-") -> str:
    """``value`` with ``places`` decimals (ROUND_HALF_UP) in ``lang``: "87,83" / "87.83"; ``none`` for None."""
    from oaoi_desktop.domain.scoring import display

    if value is None:
        return none
    if isinstance(value, float):
        value = Fraction(repr(value))
    return localise(display(value, places), lang)


def exact(value: Decimal | Fraction | int | float, lang: str | None = None) -> str:
    """An exact decimal text ("7,5", "10") in ``lang`` (see ``domain.scoring.number_text``)."""
    from oaoi_desktop.domain.scoring import number_text

    if isinstance(value, float):
        value = Fraction(repr(value))
    return localise(number_text(value), lang)


XLSX_LOCALE = {"id": "[$-421]", "en": ""}
"""The locale tag of an XLSX number format (0x0421 = Indonesian)."""


def xlsx_format(lang: str | None, places: int = 2) -> str:
    """The XLSX display format of a number with ``places`` decimals and a thousands separator.

    The codes are written with "." and "," as the file format wants; the
    ``[$-421]`` tag makes spreadsheet programs show them as Indonesian
    ("1.234,50") whatever the computer's own locale.
    """
    body = "#,##0" + ("." + "0" * places if places > 0 else "")
    return XLSX_LOCALE.get(lang or DEFAULT_LANGUAGE, "") + body


# -------------------------------------------------------------------------------------
# Times
# -------------------------------------------------------------------------------------
ZONES: dict[str, tuple[int, str]] = {
    "WIB": (7, "Asia/Jakarta"),
    "WITA": (8, "Asia/Makassar"),
    "WIT": (9, "Asia/Jayapura"),
}
"""Indonesian time zone -> (hours ahead of UTC, IANA name)."""
DEFAULT_ZONE = "WIB"


def zone_of(event: Any) -> str:
    """The event's time zone name (WIB, WITA or WIT); WIB when unset or unknown."""
    settings = getattr(event, "settings", None) if event is not None else None
    zone = str((settings or {}).get("timezone") or DEFAULT_ZONE).upper()
    return zone if zone in ZONES else DEFAULT_ZONE


def tzinfo(zone: str) -> _dt.timezone:
    hours = ZONES.get(zone, ZONES[DEFAULT_ZONE])[0]
    return _dt.timezone(_dt.timedelta(hours=hours), zone)


def to_local(when: _dt.datetime, zone: str) -> _dt.datetime:
    """``when`` (naive UTC as stored, or aware) as local wall time in ``zone`` (naive)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return when.astimezone(tzinfo(zone)).replace(tzinfo=None)


def local_time(when: _dt.datetime | None, zone: str, *, seconds: bool = False, date: bool = True,
               none: str = "-") -> str:
    """``when`` as "2026-03-14 15:05 WIB" (local wall time and the zone's name); ``none`` for None."""
    if when is None:
        return none
    local = to_local(when, zone)
    fmt = ("%Y-%m-%d " if date else "") + ("%H:%M:%S" if seconds else "%H:%M")
    return f"{local.strftime(fmt)} {zone}"


__all__ = ["DEFAULT_ZONE", "XLSX_LOCALE", "ZONES", "decimal", "exact", "local_time", "localise", "localise_numbers",
           "marks",
           "to_local", "tzinfo", "xlsx_format", "zone_of"]
