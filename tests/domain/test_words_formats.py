"""One formatting helper for numbers and times (issue 14): decimal comma and thousands dot in
Indonesian, points in English, machine texts untouched, local times with WIB/WITA/WIT."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from oaoi_desktop.i18n import formats


def test_indonesian_decimal_comma_and_thousands_dot() -> None:
    assert formats.decimal(Fraction(8783, 100), "id") == "87,83"
    assert formats.decimal(Fraction(8783, 100), "en") == "87.83"
    assert formats.decimal(Decimal("1234.5"), "id", 1) == "1.234,5"
    assert formats.decimal(Decimal("1234.5"), "en", 1) == "1,234.5"
    assert formats.decimal(Decimal("-1234567.125"), "id") == "-1.234.567,13"  # ROUND_HALF_UP, away from zero
    assert formats.decimal(0.1 + 0.2, "id") == "0,30"
    assert formats.decimal(None, "id") == "-"
    assert formats.exact(Fraction(15, 2), "id") == "7,5" and formats.exact(10, "id") == "10"
    assert formats.localise("n/a", "id") == "n/a" and formats.localise("", "id") == ""


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_localised_text_reads_back_to_the_same_number(value: Decimal) -> None:
    text = formats.decimal(value, "id")
    back = Decimal(text.replace(".", "").replace(",", "."))
    assert back == value
    assert text.count(",") == 1


def test_xlsx_formats_keep_codes_in_the_file_format_and_tag_indonesian() -> None:
    assert formats.xlsx_format("id") == "[$-421]#,##0.00"
    assert formats.xlsx_format("en") == "#,##0.00"
    assert formats.xlsx_format("id", 1) == "[$-421]#,##0.0"


def test_local_time_with_zone() -> None:
    utc = dt.datetime(2026, 11, 28, 17, 30)  # naive UTC, as stored
    assert formats.local_time(utc, "WIB") == "2026-11-29 00:30 WIB"
    assert formats.local_time(utc, "WITA") == "2026-11-29 01:30 WITA"
    assert formats.local_time(utc, "WIT", seconds=True) == "2026-11-29 02:30:00 WIT"
    assert formats.local_time(None, "WIB") == "-"
    assert formats.zone_of(SimpleNamespace(settings={})) == "WIB"
    assert formats.zone_of(SimpleNamespace(settings={"timezone": "wita"})) == "WITA"
    assert formats.zone_of(SimpleNamespace(settings={"timezone": "UTC"})) == "WIB"


def test_numbers_inside_a_text() -> None:
    assert formats.localise_numbers("Ani=90.00; Budi=86.50", "id") == "Ani=90,00; Budi=86,50"
    assert formats.localise_numbers("Ani=90.00", "en") == "Ani=90.00"
    assert formats.localise_numbers("versi 1.2.3, P-001", "id") == "versi 1.2.3, P-001"
