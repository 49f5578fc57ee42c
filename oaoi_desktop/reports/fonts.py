"""The Unicode fonts every PDF of oaoi-desktop embeds (DejaVu Sans).

ReportLab's own fonts cover Latin-1 only; names and texts of Indonesian
proposals need more (typographic quotes, en dashes, names with diacritics),
so the reports embed the DejaVu Sans TTFs bundled in ``resources/fonts``
(with their licence, ``LICENSE-DejaVu.txt``).  ReportLab embeds the subset
of glyphs a document uses.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import oaoi_desktop
from oaoi_desktop.errors import OaoiError

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_PACKAGE = Path(oaoi_desktop.__file__).resolve().parent


def fonts_dir() -> Path:
    """``resources/fonts`` (inside the package for a wheel, beside it for a checkout)."""
    inside = _PACKAGE / "resources" / "fonts"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / "resources" / "fonts"


def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) with ReportLab once; their names."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in FILES.items():
        if name in registered:
            continue
        path = fonts_dir() / filename
        if not path.is_file():
            raise OaoiError("forms.font_missing", path=str(path))
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> in paragraphs picks the bold face
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


__all__ = ["REGULAR", "BOLD", "fonts_dir", "register_fonts"]
