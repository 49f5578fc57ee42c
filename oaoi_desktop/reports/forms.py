"""Blank paper score forms (ReportLab): the fallback when laptops fail.

One PDF per judge, one A4 page per assigned dossier (and stage): the
criteria with their weight, scale and level descriptors, a box for the
score, lines for the comment, the integrity pledge and a signature line, and
a QR code naming event, judge, dossier and stage (:func:`qr_payload`) so a
scanner can route the sheet.  Whatever the rubric's length, a dossier's form
stays on one page (the content is shrunk to fit).  Texts come from the
catalogue in the chosen language; the DejaVu font is embedded.

This module only draws: the data (:class:`JudgeForms`) is gathered by
:func:`oaoi_desktop.services.paper.blank_forms`.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qsl, urlencode
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from oaoi_desktop import __version__, i18n
from oaoi_desktop.domain.rubric import Criterion, Stage
from oaoi_desktop.i18n.formats import exact as _exact
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.reports.fonts import BOLD, REGULAR, register_fonts

QR_SCHEME = "oaoi-form"
QR_VERSION = "1"


@dataclass(frozen=True)
class FormPage:
    """One page: a dossier to be scored by the judge in a stage."""

    dossier_id: uuid.UUID
    number: str
    title: str
    kategori: str
    kelompok: str
    agency: str | None
    """Instansi / unit kerja, or None in blind mode."""
    stage: Stage


@dataclass(frozen=True)
class JudgeForms:
    """A judge's blank forms for an event."""

    event_id: uuid.UUID
    event_name: str
    judge_id: uuid.UUID
    judge_name: str
    pass_mark: Decimal
    blind: bool
    pages: tuple[FormPage, ...]


def qr_payload(event_id: uuid.UUID, judge_id: uuid.UUID, dossier_number: str, stage_id: str) -> str:
    """``oaoi-form:v=1&event=…&judge=…&dossier=…&stage=…`` (URL-encoded values)."""
    query = urlencode({"v": QR_VERSION, "event": str(event_id), "judge": str(judge_id),
                       "dossier": dossier_number, "stage": stage_id})
    return f"{QR_SCHEME}:{query}"


def parse_qr_payload(text: str) -> dict[str, str]:
    """The fields of a :func:`qr_payload` text; ValueError if it is not one."""
    scheme, _, query = text.partition(":")
    if scheme != QR_SCHEME or not query:
        raise ValueError(text)
    fields = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=True))
    if fields.get("v") != QR_VERSION or not {"event", "judge", "dossier", "stage"} <= set(fields):
        raise ValueError(text)
    return fields


# -- styles -----------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=8, leading=10)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=12.5, leading=15, spaceAfter=3),
        "meta": ParagraphStyle("meta", parent=base, fontSize=8.5, leading=11),
        "small": ParagraphStyle("small", parent=base, fontSize=7, leading=8.6),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=6.3, leading=7.6),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=7.5, leading=9, textColor=colors.white),
        "crit": ParagraphStyle("crit", parent=base, fontName=BOLD, fontSize=8, leading=9.6),
        "level": ParagraphStyle("level", parent=base, fontSize=6.4, leading=7.7, spaceAfter=1.2),
        "center": ParagraphStyle("center", parent=base, fontSize=6.5, leading=8, alignment=1),
        "footer": ParagraphStyle("footer", parent=base, fontSize=6.5, leading=8, textColor=colors.grey),
    }


def _t(message_id: str, lang: str, **params: object) -> str:
    return escape(i18n.render(message_id, lang, **params))


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0],
                      initialFontName=REGULAR)  # renderPDF would otherwise select Helvetica
    drawing.add(widget)
    return drawing


def _criterion_cell(c: Criterion, st: dict[str, ParagraphStyle], lang: str) -> list[Paragraph]:
    notes = [
        _t("forms.weight", lang, weight=_exact(c.weight, lang)),
        _t("forms.scale", lang, min=_exact(c.scale_min, lang), max=_exact(c.scale_max, lang)),
    ]
    if c.step != 1:
        notes.append(_t("forms.step", lang, step=_exact(c.step, lang)))
    if c.comment_required_below is not None:
        notes.append(_t("forms.comment_below", lang, value=_exact(c.comment_required_below, lang)))
    if c.knockout_below is not None:
        notes.append(_t("forms.knockout_below", lang, value=_exact(c.knockout_below, lang)))
    cell = [
        Paragraph(escape(c.name(lang)), st["crit"]),
        Paragraph(f"<font color='#555555'>{escape(c.id)}</font>", st["tiny"]),
        Paragraph(" · ".join(notes), st["tiny"]),
    ]
    if c.description(lang):
        cell.append(Paragraph(f"<font color='#444444'>{escape(c.description(lang))}</font>", st["tiny"]))
    return cell


def _levels_cell(c: Criterion, st: dict[str, ParagraphStyle], lang: str) -> list[Paragraph]:
    out = []
    for lv in sorted(c.levels, key=lambda lv: lv.min, reverse=True):
        span = _exact(lv.min, lang) if lv.min == lv.max else f"{_exact(lv.min, lang)}–{_exact(lv.max, lang)}"
        text = f"<b>{escape(span)} {escape(lv.label(lang))}</b>"
        if lv.descriptor(lang):
            text += f" — {escape(lv.descriptor(lang))}"
        out.append(Paragraph(text, st["level"]))
    return out


def _score_cell(c: Criterion, st: dict[str, ParagraphStyle], lang: str = "id") -> list[object]:
    box = Table([[""]], colWidths=[14 * mm], rowHeights=[11 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.3, colors.black), ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return [box, Spacer(1, 2),
            Paragraph(f"{_exact(c.scale_min, lang)}–{_exact(c.scale_max, lang)}", st["center"])]


def _comment_cell(width: float) -> Table:
    lines = Table([[""]] * 4, colWidths=[width], rowHeights=[5.2 * mm] * 4)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return lines


def _page(forms: JudgeForms, page: FormPage, index: int, st: dict[str, ParagraphStyle], lang: str,
          width: float) -> list[object]:
    stage = page.stage
    meta = [
        Paragraph(_t("forms.title", lang), st["title"]),
        Paragraph(f"<b>{_t('forms.event', lang)}:</b> {escape(forms.event_name)}", st["meta"]),
        Paragraph(f"<b>{_t('forms.judge', lang)}:</b> {escape(forms.judge_name)}", st["meta"]),
        Paragraph(f"<b>{_t('forms.dossier', lang)}:</b> {escape(page.number)} — {escape(page.title)}", st["meta"]),
        Paragraph(f"<b>{_t('forms.stage', lang)}:</b> {escape(stage.name(lang))} ({escape(stage.id)})", st["meta"]),
    ]
    group = " / ".join(v for v in (page.kategori, page.kelompok) if v)
    if group:
        meta.append(Paragraph(f"<b>{_t('forms.group', lang)}:</b> {escape(group)}", st["meta"]))
    if forms.blind:
        meta.append(Paragraph(f"<i>{_t('forms.blind_note', lang)}</i>", st["small"]))
    elif page.agency:
        meta.append(Paragraph(f"<b>{_t('forms.agency', lang)}:</b> {escape(page.agency)}", st["meta"]))
    qr_size = 27 * mm
    header = Table(
        [[meta, _qr(qr_payload(forms.event_id, forms.judge_id, page.number, stage.id), qr_size)]],
        colWidths=[width - qr_size - 4 * mm, qr_size + 4 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))

    widths = [width * 0.22, width * 0.46, width * 0.10, width * 0.22]
    rows: list[list[object]] = [[
        Paragraph(_t("forms.col.criterion", lang), st["head"]),
        Paragraph(_t("forms.col.levels", lang), st["head"]),
        Paragraph(_t("forms.col.score", lang), st["head"]),
        Paragraph(_t("forms.col.comment", lang), st["head"]),
    ]]
    for c in stage.criteria:
        rows.append([_criterion_cell(c, st, lang), _levels_cell(c, st, lang), _score_cell(c, st, lang),
                     _comment_cell(widths[3] - 8)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#33475b")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a99a8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    signature = Table(
        [[Paragraph(f"{_t('forms.signature', lang)}:", st["small"]), "",
          Paragraph(f"{_t('forms.date', lang)}:", st["small"]), ""],
         ["", Paragraph(escape(forms.judge_name), st["small"]), "", ""]],
        colWidths=[width * 0.2, width * 0.4, width * 0.1, width * 0.3], rowHeights=[12 * mm, None],
    )
    signature.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                                   ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    footer = _t("forms.footer", lang, event=forms.event_name, judge=forms.judge_name, dossier=page.number,
                page=f"{index} / {len(forms.pages)}")
    return [
        header,
        Spacer(1, 2 * mm),
        Paragraph(_t("forms.instructions", lang, pass_mark=_exact(forms.pass_mark, lang)), st["small"]),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(_t("forms.pledge", lang), st["small"]),
        signature,
        Spacer(1, 3 * mm),
        Paragraph(f"{footer} · oaoi-desktop {escape(__version__)}", st["footer"]),
    ]


def write_judge_forms(forms: JudgeForms, path: Path, *, lang: str | None = None) -> Path:
    """Write ``forms`` as one PDF at ``path`` (via a temporary name); returns ``path``."""
    lang = lang or i18n.current_language()
    register_fonts()
    st = _styles()
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    margin = 13 * mm
    doc = SimpleDocTemplate(
        str(tmp), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
        title=f"{i18n.render('forms.title', lang)} — {forms.judge_name}", author="oaoi-desktop",
        subject=forms.event_name, creator=f"oaoi-desktop {__version__}",
        initialFontName=REGULAR,  # no unembedded Helvetica anywhere in the file
    )
    width, height = doc.width, doc.height
    story: list[object] = []
    for i, page in enumerate(forms.pages, start=1):
        # the frame's padding is 6 pt on each side
        story.append(KeepInFrame(width - 12, height - 12, _page(forms, page, i, st, lang, width - 12),
                                 mode="shrink"))
        if i < len(forms.pages):
            story.append(PageBreak())
    from oaoi_desktop.files import prepare_out_folder

    prepare_out_folder(path.parent)  # an unplugged stick is refused, not created on the internal disk
    try:
        doc.build(story)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OaoiError("forms.cannot_write", path=str(path), reason=str(exc)) from exc
    return path


__all__ = ["FormPage", "JudgeForms", "qr_payload", "parse_qr_payload", "write_judge_forms"]
