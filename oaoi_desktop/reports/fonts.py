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

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.shipped import shipped_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

def fonts_dir() -> Path:
    """``resources/fonts`` (inside the package for a wheel or bundle, beside it for a checkout)."""
    return shipped_path("resources", "fonts")


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
