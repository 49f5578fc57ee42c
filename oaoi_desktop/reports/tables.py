"""Long tables in a document: column widths from the content, and a table that splits page by
page in linear time with its header repeated."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from oaoi_desktop.reports.description import TableBlock
from oaoi_desktop.reports.fonts import BOLD, REGULAR

HEAD_BG = colors.HexColor("#33475b")
GRID = colors.HexColor("#8a99a8")
ZEBRA = colors.HexColor("#f0f3f6")


class PagedTable(Flowable):
    """A long table that splits page by page in linear time, its header repeated on every page.

    ReportLab's ``Table.split`` re-measures all remaining rows at every page
    break (quadratic in the rows); here every row's height is known in advance,
    so a split just counts the rows that fit and builds one small ``Table``
    (header + those rows) per page.
    """

    def __init__(self, header: list[Any], rows: list[list[Any]], heights: list[float], widths: list[float],
                 commands: list[tuple[Any, ...]], bold: set[int], start: int = 0,
                 header_h: float | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.heights, self.widths = header, rows, heights, widths
        self.commands, self.bold, self.start = commands, bold, start
        if header_h is None:
            probe = Table([header], colWidths=widths)
            probe.setStyle(TableStyle([c for c in commands if c[0] not in ("ROWBACKGROUNDS",)]))
            header_h = probe.wrap(sum(widths), 10_000)[1]
        self.header_h = header_h
        self._chunk: Table | None = None
        self._cum = None

    def _cumulative(self) -> list[float]:
        if self._cum is None:
            total = 0.0
            cum = [0.0]
            for h in self.heights[self.start:]:
                total += h
                cum.append(total)
            self._cum = cum
        return self._cum

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return sum(self.widths), self.header_h + self._cumulative()[-1]

    def _table(self, lo: int, hi: int) -> Table:
        data = [self.header] + self.rows[lo:hi]
        table = Table(data, colWidths=self.widths, repeatRows=1, rowHeights=[None] + self.heights[lo:hi])
        commands = list(self.commands)
        if lo % 2:  # keep the zebra stripes continuous across pages
            commands = [("ROWBACKGROUNDS", (0, 1), (-1, -1), [ZEBRA, colors.white]) if c[0] == "ROWBACKGROUNDS"
                        else c for c in commands]
        for i in self.bold:
            if lo <= i < hi:
                commands.append(("FONTNAME", (0, i - lo + 1), (-1, i - lo + 1), BOLD))
        table.setStyle(TableStyle(commands))
        return table

    def split(self, aw: float, ah: float) -> list[Flowable]:
        import bisect

        cum = self._cumulative()
        fit = bisect.bisect_right(cum, ah - self.header_h) - 1
        n = len(self.rows) - self.start
        if fit < 1:
            return []
        if fit >= n:
            return [self]
        cut = self.start + fit
        first = self._table(self.start, cut)
        rest = PagedTable(self.header, self.rows, self.heights, self.widths, self.commands, self.bold, cut,
                          self.header_h)
        return [first, rest]

    def draw(self) -> None:
        table = self._table(self.start, len(self.rows))
        table.wrapOn(self.canv, sum(self.widths), 10_000_000)
        table.drawOn(self.canv, 0, 0)


def paged_table(block: TableBlock, st: dict[str, ParagraphStyle], width: float) -> PagedTable:
    """Cells are plain strings (wrapped columns split into lines here, not Paragraphs):
    thousands of rows stay fast, and row heights are known without measuring."""
    size = block.font_size
    leading = size * 1.22
    pad = 2
    head = ParagraphStyle("h", parent=st["head"], fontSize=size, leading=leading)
    wrap = set(block.wrap)
    widths = column_widths(block, width)
    bold = set(block.bold_rows)
    header = [Paragraph(escape(h), head) for h in block.header]
    data: list[list[Any]] = []
    heights: list[float] = []
    for i, row in enumerate(block.rows):
        font = BOLD if i in bold else REGULAR
        cells: list[Any] = []
        lines = 1
        for c, v in enumerate(row):
            v = "" if v is None else str(v)
            if c in wrap:
                parts = simpleSplit(v, font, size, max(widths[c] - 6, 10)) or [""]
                lines = max(lines, len(parts))
                cells.append("\n".join(parts))
            else:
                if "\n" in v:
                    lines = max(lines, v.count("\n") + 1)
                cells.append(v)
        data.append(cells)
        heights.append(lines * leading + 2 * pad + 1)
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 1), (-1, -1), size),
        ("LEADING", (0, 1), (-1, -1), leading),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
    ]
    for c, a in enumerate(block.align):
        if a in ("C", "R"):
            commands.append(("ALIGN", (c, 1), (c, -1), "CENTER" if a == "C" else "RIGHT"))
    return PagedTable(header, data, heights, widths, commands, bold)


CELL_PAD = 6.0
"""Left + right padding of a table cell (points)."""


def _text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return max((stringWidth(line, font, size) for line in text.split("\n")), default=0.0)


def _longest_word(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return max((stringWidth(w, font, size) for w in text.split()), default=0.0)


def column_widths(block: TableBlock, width: float) -> list[float]:
    """Column widths (points) from the content, filling ``width``.

    A single-line column (numbers, dossier numbers, outcomes) is as wide as its
    longest cell, so "KIPP-2026-0001" never prints over the next column; every
    column is at least as wide as the longest word of its header (no
    "Perin/gkat"); the wrapping columns (titles, names, notes) share what is
    left in proportion to ``block.widths``.  When even the minimums do not fit,
    everything shrinks in proportion (the table never runs off the page).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = block.font_size
    n = len(block.header)
    wrap = set(block.wrap)
    bold = set(block.bold_rows)
    fractions = list(block.widths) + [0.0] * (n - len(block.widths))
    need = [_longest_word(h, BOLD, size) + CELL_PAD + 1 for h in block.header]
    natural = list(need)
    # measure each distinct text (or word) once: thousands of rows share most of them
    texts: list[dict[str, str]] = [{} for _ in range(n)]
    for i, row in enumerate(block.rows):
        font = BOLD if i in bold else REGULAR
        for c, v in enumerate(row[:n]):
            text = "" if v is None else str(v)
            if not text:
                continue
            if c in wrap:
                for word in text.split():
                    if texts[c].get(word) != BOLD:
                        texts[c][word] = font
            elif texts[c].get(text) != BOLD:
                texts[c][text] = font
    for c in range(n):
        if c in wrap:
            # a wrapped cell needs room for its longest word (capped: a URL may still break)
            longest = max((stringWidth(w, f, size) for w, f in texts[c].items()), default=0.0)
            need[c] = max(need[c], min(longest + CELL_PAD + 1, width * 0.3))
        else:
            widest = max((_text_width(t, f, size) for t, f in texts[c].items()), default=0.0)
            natural[c] = max(natural[c], widest + CELL_PAD + 1)
    fixed = [natural[c] if c not in wrap else 0.0 for c in range(n)]
    flexible = [c for c in range(n) if c in wrap] or list(range(n))
    if not wrap:
        fixed = [0.0] * n
        need = natural
    left = width - sum(fixed)
    out = list(fixed)
    # share what is left among the flexible columns by their fractions, respecting their minimums
    pending = list(flexible)
    while pending:
        total = sum(fractions[c] for c in pending) or len(pending)
        share = {c: left * ((fractions[c] or (total / len(pending))) / total) for c in pending}
        short = [c for c in pending if share[c] < need[c]]
        if not short:
            for c in pending:
                out[c] = share[c]
            break
        for c in short:
            out[c] = need[c]
            left -= need[c]
            pending.remove(c)
    total = sum(out)
    if total > width + 0.01 or left < 0:
        out = [w * width / total for w in out]
    return out


__all__ = ["CELL_PAD", "GRID", "HEAD_BG", "ZEBRA", "PagedTable", "column_widths", "paged_table"]
