"""Numbers and dates written out in Indonesian words (terbilang), for the Berita Acara.

>>> terbilang(28)
'dua puluh delapan'
>>> written_date_id(datetime.date(2026, 11, 28))
'hari ini Sabtu tanggal dua puluh delapan bulan November tahun dua ribu dua puluh enam'
"""

from __future__ import annotations

import datetime

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
          "sebelas")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def terbilang(n: int) -> str:
    """``n`` (0 ≤ n < 10¹⁵) in Indonesian words: 11 sebelas, 100 seratus, 1000 seribu."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_UNITS[tens]} puluh" + (f" {_UNITS[rest]}" if rest else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} ratus" + (f" {terbilang(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{terbilang(head)} {word}" + (f" {terbilang(rest)}" if rest else "")
    raise ValueError(n)  # pragma: no cover


def written_date_id(day: datetime.date) -> str:
    """``hari ini Sabtu tanggal dua puluh delapan bulan November tahun dua ribu dua puluh enam``."""
    return (f"hari ini {DAYS_ID[day.weekday()]} tanggal {terbilang(day.day)} bulan {MONTHS_ID[day.month - 1]} "
            f"tahun {terbilang(day.year)}")


def short_date(day: datetime.date, lang: str) -> str:
    """``28 November 2026`` / ``28 November 2026`` (English month names in English)."""
    months = MONTHS_EN if lang == "en" else MONTHS_ID
    return f"{day.day} {months[day.month - 1]} {day.year}"


def long_date_en(day: datetime.date) -> str:
    return f"{DAYS_EN[day.weekday()]}, {day.day} {MONTHS_EN[day.month - 1]} {day.year}"


__all__ = ["terbilang", "written_date_id", "short_date", "long_date_en", "DAYS_ID", "MONTHS_ID"]
