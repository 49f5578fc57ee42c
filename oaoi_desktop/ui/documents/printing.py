"""Print and print preview of a generated PDF (QPrinter + QPrintPreviewDialog).

QtPdf's :class:`QPdfDocument` renders each page to an image at the printer's
resolution; the image is drawn to fill the printer's page.  (QtPdf does not
draw signature fields; the signature blocks' printed frames and names are
part of the page content, so a print shows where each person signs.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def load_pdf(path: Path | str, parent: QWidget | None = None) -> QPdfDocument:
    doc = QPdfDocument(parent)
    doc.load(str(path))
    if doc.status() != QPdfDocument.Status.Ready:
        raise ValueError(str(path))
    return doc


def paint_pdf(doc: QPdfDocument, printer: QPrinter, dpi: int = 150) -> int:
    """Draw every page of ``doc`` on ``printer``; returns the number of pages drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        count = doc.pageCount()
        for i in range(count):
            if i:
                printer.newPage()
            points = doc.pagePointSize(i)
            size = QSize(max(1, int(points.width() / 72 * dpi)), max(1, int(points.height() / 72 * dpi)))
            image = doc.render(i, size)
            target = painter.viewport()
            fitted = QSizeF(image.size()).scaled(QSizeF(target.size()), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, fitted.width(), fitted.height()), image)
        return count
    finally:
        painter.end()


def printer_for(doc: QPdfDocument) -> QPrinter:
    """A printer whose page size is the document's first page (A4 or F4)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if doc.pageCount():
        points = doc.pagePointSize(0)
        printer.setPageSize(QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point))
    return printer


def preview_dialog(path: Path | str, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the PDF at ``path`` (built, not shown; call ``open()``)."""
    doc = load_pdf(path, parent)
    printer = printer_for(doc)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("documents_print_preview")
    dialog.paintRequested.connect(lambda p: paint_pdf(doc, p))
    dialog._oaoi_document = doc  # type: ignore[attr-defined]  # keep it alive with the dialog
    dialog._oaoi_printer = printer  # type: ignore[attr-defined]
    return dialog


__all__ = ["load_pdf", "paint_pdf", "preview_dialog", "printer_for"]
