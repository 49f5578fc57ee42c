"""The LAN seat file (``--db seat-ani.oaoi-lan``): writing it, and reading the URL it holds.

Kept apart from :mod:`oaoi_desktop.store.lan` (which needs SQLAlchemy) so that
resolving ``--db`` at start-up (:func:`oaoi_desktop.config.normalise_db_url`)
imports no database library: the app shows its sign-in window before
SQLAlchemy is loaded (issue 14: start fast).
"""

from __future__ import annotations

from pathlib import Path

SEAT_FILE_HEADER = "# oaoi-desktop LAN seat"
SEAT_FILE_SUFFIX = ".oaoi-lan"


def seat_file_text(url: str, *, who: str, event: str) -> str:
    return (f"{SEAT_FILE_HEADER} — {who} — {event}\n"
            "# Simpan berkas ini hanya di laptop juri ini: isinya kata sandi kursi ini.\n"
            "# Keep this file on this judge's laptop only: it holds this seat's password.\n"
            f"{url}\n")


def read_seat_file(path: Path) -> str | None:
    """The URL in a seat file, or None when ``path`` is not one."""
    try:
        if not path.is_file() or path.stat().st_size > 4096:
            return None
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or not lines[0].startswith(SEAT_FILE_HEADER):
        return None
    for line in lines[1:]:
        line = line.strip()
        if line and not line.startswith("#"):
            return line
    return None


__all__ = ["SEAT_FILE_HEADER", "read_seat_file"]
