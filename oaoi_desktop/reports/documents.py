"""Drawing the panel's documents (ReportLab): score sheets, result sheets, ranking, Berita Acara.

This module only draws a :class:`Document`, a plain picklable description
(:mod:`.description`: texts already in the document's language; see
:mod:`.content` which builds them from the store), so a batch can be drawn in
worker processes.  Long tables are drawn by :mod:`.tables`.

Every page: the event and document number in the header, and in the footer
"Halaman x dari y", the generation time and the fingerprint.  The first page
carries the letterhead (kop surat: the organiser's logo and lines), the title,
and the fingerprint as a QR code.  Signature blocks get an EMPTY signature
field (``/FT /Sig``, named ``sig_<user uuid hex>``) at their place in the
layout, in signing order (judges first, the chair last); the document
information dictionary carries ``/OaoiEventId``, ``/OaoiDocumentNumber``,
``/OaoiFingerprint`` and ``/OaoiKind``.  DejaVu Sans is embedded; A4 or F4
(215 × 330 mm).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from oaoi_desktop import __version__, i18n
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import formats
from oaoi_desktop.reports.description import (
    QR_SCHEME,
    Block,
    Document,
    Heading,
    KeyValues,
    Letterhead,
    NewPage,
    Para,
    Signer,
    TableBlock,
    qr_payload,
)
from oaoi_desktop.reports.fonts import BOLD, REGULAR, register_fonts
from oaoi_desktop.reports.tables import CELL_PAD, PagedTable, column_widths, paged_table

F4 = (215 * mm, 330 * mm)
PAPERS = {"a4": A4, "f4": F4}


def _t(message_id: str, lang: str, **params: Any) -> str:
    return i18n.render(message_id, lang, **params)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=12)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=13, leading=16, alignment=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=12, alignment=1),
        "number": ParagraphStyle("number", parent=base, fontSize=8.5, leading=11, alignment=1),
        "heading": ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6,
                                  spaceAfter=3),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "note": ParagraphStyle("note", parent=base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")),
        "justify": ParagraphStyle("justify", parent=base, alignment=4, leading=13),
        "mono": ParagraphStyle("mono", parent=base, fontSize=6.8, leading=8.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=BOLD, fontSize=7.5, leading=9),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=7.5, leading=9, textColor=colors.white),
        "kop1": ParagraphStyle("kop1", parent=base, fontName=BOLD, fontSize=12.5, leading=15, alignment=1),
        "kop": ParagraphStyle("kop", parent=base, fontSize=8.5, leading=10.5, alignment=1),
        "sig": ParagraphStyle("sig", parent=base, fontSize=8, leading=10, alignment=1),
        "sigb": ParagraphStyle("sigb", parent=base, fontName=BOLD, fontSize=8, leading=10, alignment=1),
    }


def qr_drawing(payload: str, size: float) -> Drawing:
    """The QR code as a ReportLab drawing (slow for batches; :class:`QrFlowable` draws the same code)."""
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0],
                      initialFontName=REGULAR)
    drawing.add(widget)
    return drawing


def qr_matrix(payload: str, mask: int | None = 0) -> list[list[bool]]:
    """The QR modules (error correction M) of ``payload``, row by row (True = dark).

    ``mask`` is the QR mask pattern (0–7; any one is valid for readers).  ``None``
    lets ReportLab score all eight and take the best, which costs more than the
    rest of a one-page document; a fixed mask keeps batches fast.
    """
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    if mask is None:
        qr.make()
    else:
        qr.version = qr.calculate_version()
        qr.makeImpl(False, mask)
    return [[bool(v) for v in row] for row in qr.modules]


class QrFlowable(Flowable):
    """A QR code drawn as one path of filled runs (fast; 4-module quiet zone).

    ``value`` is the text it encodes.
    """

    border = 4

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.modules = qr_matrix(value)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.modules)
        box = self.size / (n + 2 * self.border)
        c = self.canv
        path = c.beginPath()
        for r, row in enumerate(self.modules):
            col = 0
            while col < n:
                if row[col]:
                    start = col
                    while col < n and row[col]:
                        col += 1
                    path.rect((start + self.border) * box, self.size - (r + self.border + 1) * box,
                              (col - start) * box, box)
                else:
                    col += 1
        c.saveState()
        c.setFillColor(colors.black)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


class _Info(PDFInfo):
    """The document information dictionary with the oaoi keys."""

    extra: dict[str, str] = {}

    def format(self, document: Any) -> bytes:  # noqa: A003 - ReportLab's name
        from reportlab.pdfbase.pdfdoc import PDFDate

        d: dict[str, Any] = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        d["ModDate"] = d["CreationDate"] = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        for key, value in self.extra.items():
            d[key] = PDFString(value)
        return PDFDictionary(d).format(document)


def _numbered_canvas(doc: Document, st: dict[str, ParagraphStyle]) -> type:
    """A canvas class that knows the page count when it draws the footers."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            info = _Info()
            info.__dict__.update(self._doc.info.__dict__)
            info.extra = {"OaoiEventId": doc.event_id, "OaoiDocumentNumber": doc.number,
                          "OaoiFingerprint": doc.fingerprint, "OaoiKind": doc.kind}
            self._doc.info = info

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                _footer(self, doc, self._pageNumber, total)
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

    return NumberedCanvas


def _footer(c: rl_canvas.Canvas, doc: Document, page: int, total: int) -> None:
    width, _ = c._pagesize
    margin = 15 * mm
    c.saveState()
    c.setStrokeColor(colors.grey)
    c.setLineWidth(0.4)
    c.line(margin, 14 * mm, width - margin, 14 * mm)
    c.setFillColor(colors.HexColor("#333333"))
    c.setFont(REGULAR, 6.8)
    left = _t("documents.footer.number", doc.lang, number=doc.number)
    left += " · " + _t("documents.footer.generated", doc.lang,
                       when=formats.local_time(doc.generated_at, doc.timezone))
    c.drawString(margin, 10.5 * mm, left)
    c.setFont(BOLD, 7.5)
    c.drawRightString(width - margin, 10.5 * mm, _t("documents.page_of", doc.lang, page=page, total=total))
    c.setFont(REGULAR, 6.3)
    c.drawString(margin, 7.2 * mm, _t("documents.footer.fingerprint", doc.lang, fingerprint=doc.fingerprint))
    c.drawRightString(width - margin, 7.2 * mm, f"oaoi-desktop {__version__}")
    c.restoreState()


def _header(c: rl_canvas.Canvas, doc: Document) -> None:
    """Running header on every page after the first (the first has the letterhead)."""
    width, height = c._pagesize
    margin = 15 * mm
    c.saveState()
    c.setFont(REGULAR, 7)
    c.setFillColor(colors.HexColor("#333333"))
    c.drawString(margin, height - 10 * mm, doc.event_name[:110])
    c.drawRightString(width - margin, height - 10 * mm, f"{doc.title} · {doc.number}")
    c.setStrokeColor(colors.grey)
    c.setLineWidth(0.4)
    c.line(margin, height - 11.5 * mm, width - margin, height - 11.5 * mm)
    c.restoreState()


def _letterhead(doc: Document, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    lh = doc.letterhead
    lines = list(lh.lines) or [doc.event_name]
    paras = [Paragraph(escape(lines[0]), st["kop1"])] + [Paragraph(escape(x), st["kop"]) for x in lines[1:]]
    logo_w = 22 * mm
    logo: Any = ""
    if lh.logo:
        try:
            reader = ImageReader(io.BytesIO(lh.logo))
            iw, ih = reader.getSize()
            scale = min(logo_w / iw, logo_w / ih)
            from reportlab.platypus import Image

            logo = Image(io.BytesIO(lh.logo), width=iw * scale, height=ih * scale)
        except Exception:  # noqa: BLE001 - an unreadable logo is left out, never fatal
            logo = ""
    table = Table([[logo, paras, ""]], colWidths=[logo_w + 2 * mm, width - 2 * (logo_w + 2 * mm), logo_w + 2 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LINEBELOW", (0, 0), (-1, 0), 1.6, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [table, Spacer(1, 1.2 * mm), _Rule(width, 0.5), Spacer(1, 3 * mm)]


class _Rule(Flowable):
    def __init__(self, width: float, thickness: float) -> None:
        super().__init__()
        self.width, self.thickness = width, thickness

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.thickness

    def draw(self) -> None:
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 0, self.width, 0)


def _title(doc: Document, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    qr = 24 * mm
    inner = [Paragraph(escape(doc.title.upper()), st["title"])]
    if doc.subtitle:
        inner.append(Paragraph(escape(doc.subtitle), st["subtitle"]))
    inner.append(Paragraph(escape(_t("documents.number", doc.lang, number=doc.number)), st["number"]))
    table = Table([["", inner, QrFlowable(qr_payload(doc), qr)]], colWidths=[qr + 2 * mm, width - 2 * qr - 4 * mm,
                                                                             qr + 2 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                               ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table, Spacer(1, 3 * mm)]


def _key_values(block: KeyValues, st: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Paragraph(escape(k), st["cellb"]), Paragraph(escape(v), st["cell"])] for k, v in block.rows]
    table = Table(rows, colWidths=[width * 0.27, width * 0.73])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


class SignatureBlock(Flowable):
    """A grid of signature blocks, each with an empty PDF signature field where the signature goes."""

    columns = 3
    box_h = 20 * mm

    def __init__(self, signers: tuple[Signer, ...], width: float, st: dict[str, ParagraphStyle], lang: str) -> None:
        super().__init__()
        self.signers, self.width, self.st, self.lang = signers, width, st, lang
        self.cols = min(self.columns, max(1, len(signers)))
        self.cell_w = width / self.cols
        self.cell_h = 10 * mm + self.box_h + 14 * mm
        self.rows = (len(signers) + self.cols - 1) // self.cols

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.rows * self.cell_h

    def split(self, aw: float, ah: float) -> list[Flowable]:
        fit = int(ah // self.cell_h)
        if fit < 1 or fit >= self.rows:
            return []
        n = fit * self.cols
        return [SignatureBlock(self.signers[:n], self.width, self.st, self.lang),
                SignatureBlock(self.signers[n:], self.width, self.st, self.lang)]

    def draw(self) -> None:
        c = self.canv
        total_h = self.rows * self.cell_h
        for i, s in enumerate(self.signers):
            row, col = divmod(i, self.cols)
            # the last row centred when it is short
            in_row = min(self.cols, len(self.signers) - row * self.cols)
            offset = (self.cols - in_row) * self.cell_w / 2
            x = offset + col * self.cell_w
            top = total_h - row * self.cell_h
            cx = x + self.cell_w / 2
            pad = 4 * mm
            p = Paragraph(escape(s.capacity), self.st["sig"])
            _, h = p.wrap(self.cell_w - 2 * pad, 10 * mm)
            p.drawOn(c, x + pad, top - 2 * mm - h)
            box_top = top - 10 * mm
            box = (x + pad, box_top - self.box_h, x + self.cell_w - pad, box_top)
            c.saveState()
            c.setStrokeColor(colors.HexColor("#c8d0d8"))
            c.setDash(2, 2)
            c.setLineWidth(0.4)
            c.rect(box[0], box[1], box[2] - box[0], box[3] - box[1])
            c.restoreState()
            _signature_field(c, f"sig_{s.user_id}", box)
            name = Paragraph(f"<u>{escape(s.name)}</u>", self.st["sigb"])
            _, nh = name.wrap(self.cell_w - 2 * pad, 10 * mm)
            name.drawOn(c, x + pad, box[1] - 1.5 * mm - nh)
            if s.nip:
                nip = Paragraph(escape(_t("documents.nip", self.lang, nip=s.nip)), self.st["sig"])
                _, ph = nip.wrap(self.cell_w - 2 * pad, 10 * mm)
                nip.drawOn(c, x + pad, box[1] - 2 * mm - nh - ph)
            del cx


def _signature_field(c: rl_canvas.Canvas, name: str, box: tuple[float, float, float, float]) -> None:
    """An empty, invisible-until-signed signature field (widget annotation) at ``box`` (local coordinates)."""
    x1, y1 = c.absolutePosition(box[0], box[1])
    x2, y2 = c.absolutePosition(box[2], box[3])
    form = c.acroForm
    annot = PDFDictionary({
        "Type": PDFName("Annot"), "Subtype": PDFName("Widget"), "FT": PDFName("Sig"),
        "T": PDFString(name), "F": 4, "Rect": PDFArray([round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)]),
    })
    c._addAnnotation(annot)
    form.fields.append(form.getRef(annot))


def _blocks(blocks: tuple[Any, ...], st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    story: list[Any] = []
    for block in blocks:
        if isinstance(block, Heading):
            story.append(CondPageBreak(30 * mm))
            story.append(Paragraph(escape(block.text), st["heading"]))
        elif isinstance(block, Para):
            story.append(Paragraph(escape(block.text), st.get(block.style, st["body"])))
            story.append(Spacer(1, 1.5 * mm))
        elif isinstance(block, KeyValues):
            story.append(_key_values(block, st, width))
            story.append(Spacer(1, 2 * mm))
        elif isinstance(block, TableBlock):
            story.append(paged_table(block, st, width))
            story.append(Spacer(1, 2.5 * mm))
        elif isinstance(block, NewPage):
            story.append(PageBreak())
    return story


def _story(doc: Document, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    story: list[Any] = _letterhead(doc, st, width) + _title(doc, st, width)
    story += _blocks(doc.body, st, width)
    if doc.audit is not None:
        seq, digest = doc.audit
        story.append(Spacer(1, 1 * mm))
        story.append(Paragraph(escape(_t("documents.audit_head", doc.lang, seq=seq, hash=digest or "-")),
                               st["mono"]))
        if doc.state_digest:
            story.append(Paragraph(escape(_t("audit.document.state_digest", doc.lang, digest=doc.state_digest)),
                                   st["mono"]))
    if doc.signers:
        intro = [Paragraph(escape(doc.signature_intro), st["body"]), Spacer(1, 2 * mm)] if doc.signature_intro else []
        block = SignatureBlock(doc.signers, width, st, doc.lang)
        story.append(Spacer(1, 4 * mm))
        story.append(KeepTogether(intro + [block]) if block.rows <= 2 else block)
    story += _blocks(doc.annex, st, width)
    return story


def render_pdf(doc: Document) -> bytes:
    """The PDF bytes of ``doc``."""
    register_fonts()
    st = _styles()
    buf = io.BytesIO()
    pagesize = PAPERS.get(doc.paper, A4)
    margin = 15 * mm
    template = SimpleDocTemplate(
        buf, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=14 * mm, bottomMargin=19 * mm,
        title=f"{doc.title} {doc.number}", author="oaoi-desktop", subject=doc.event_name,
        creator=f"oaoi-desktop {__version__}", keywords=f"{doc.kind} {doc.fingerprint}",
        initialFontName=REGULAR,
    )
    width = template.width

    def later(c: rl_canvas.Canvas, _doc: Any) -> None:
        _header(c, doc)

    template.build(_story(doc, st, width), onFirstPage=lambda c, d: None, onLaterPages=later,
                   canvasmaker=_numbered_canvas(doc, st))
    return buf.getvalue()


def write_pdf(doc: Document, path: Path) -> Path:
    """Draw ``doc`` to ``path`` through a temporary name (renamed when complete)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        data = render_pdf(doc)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise OaoiError("documents.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    return path


__all__ = ["Block", "CELL_PAD", "Document", "F4", "Heading", "KeyValues", "Letterhead", "NewPage", "PAPERS",
           "PagedTable", "Para", "QR_SCHEME", "Signer", "QrFlowable", "SignatureBlock", "TableBlock", "column_widths",
           "qr_drawing", "qr_matrix", "qr_payload", "render_pdf", "write_pdf"]
