"""PIN slips: one judge's PIN and one-time recovery code, to cut out and hand over.

The values come from :func:`oaoi_desktop.services.auth.issue_pin_slip` (or
:func:`~oaoi_desktop.services.auth.reset_credentials` when the secretariat set the
PIN); the store keeps only their hashes, so a slip is the only place they are
written.  :func:`write_pin_slips` draws every slip of an event into one PDF
(Qt's PDF writer; A4, four slips a page), written to a temporary name and
renamed when complete; :func:`print_pin_slips` draws the same slips straight
on a printer (nothing written to disk).
"""

from __future__ import annotations

import html
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument


SLIPS_PER_PAGE = 4


@dataclass(frozen=True)
class SlipEntry:
    """What one slip shows."""

    name: str
    role: str
    """``chair`` or ``member``."""
    pin: str
    recovery_code: str


def slips_html(event_name: str, venue: str, dates: str, entries: list[SlipEntry]) -> str:
    """The slips as HTML (what the PDF prints)."""
    parts = []
    note = QCoreApplication.translate("PinSlips", "Sign in with your name and this PIN (File \u25b8 Sign in as judge). Keep the slip private. "
               "If you forget the PIN or the account is locked, the recovery code unlocks it once and "
               "lets you choose a new PIN.")
    pin_label = QCoreApplication.translate("PinSlips", "PIN")
    code_label = QCoreApplication.translate("PinSlips", "One-time recovery code")
    for i, e in enumerate(entries):
        role = QCoreApplication.translate("PinSlips", "Chair") if e.role == "chair" else QCoreApplication.translate("PinSlips", "Judge")
        parts.append(
            "<table width='100%' cellpadding='8' style='border: 1px dashed #555; margin-bottom: 14px;"
            + (" page-break-before: always;" if i and i % SLIPS_PER_PAGE == 0 else "") + "'>"
            "<tr><td>"
            f"<p style='font-size: 9pt; color: #444;'>{html.escape(event_name)}"
            + (f" \u00b7 {html.escape(venue)}" if venue else "")
            + (f" \u00b7 {html.escape(dates)}" if dates else "")
            + "</p>"
            f"<p style='font-size: 14pt;'><b>{html.escape(e.name)}</b> ({html.escape(role)})</p>"
            f"<p style='font-size: 11pt;'>{html.escape(pin_label)}: "
            f"<b style='font-family: monospace; font-size: 16pt;'>{html.escape(e.pin)}</b></p>"
            f"<p style='font-size: 11pt;'>{html.escape(code_label)}: "
            f"<b style='font-family: monospace; font-size: 13pt;'>{html.escape(e.recovery_code)}</b></p>"
            f"<p style='font-size: 8.5pt; color: #444;'>{html.escape(note)}</p>"
            "</td></tr></table>"
        )
    return "<html><body style='font-family: DejaVu Sans, sans-serif;'>" + "".join(parts) + "</body></html>"


def write_pin_slips(path: Path, event_name: str, venue: str, dates: str, entries: list[SlipEntry]) -> Path:
    """Write the slips of ``entries`` to ``path`` (PDF); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf.tmp", dir=str(path.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setResolution(96)  # the resolution the HTML point sizes are laid out at
        writer.setTitle(QCoreApplication.translate("PinSlips", "PIN slips") + f" \u2014 {event_name}")
        writer.setCreator("oaoi-desktop")
        doc = QTextDocument()
        doc.setHtml(slips_html(event_name, venue, dates, entries))
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        doc.print_(writer)
        del writer
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def print_pin_slips(printer: "QPagedPaintDevice", event_name: str, venue: str, dates: str,
                    entries: list[SlipEntry]) -> None:
    """Draw the slips of ``entries`` on ``printer`` (a QPrinter chosen by the user, or a PDF printer)."""
    doc = QTextDocument()
    doc.setHtml(slips_html(event_name, venue, dates, entries))
    doc.print_(printer)


__all__ = ["SlipEntry", "print_pin_slips", "slips_html", "write_pin_slips"]
