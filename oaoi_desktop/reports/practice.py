"""Panel-practice PDFs (issue 17): the calibration report and the "Laporan penilai magang".

Neither is a result document: they are not numbered in the event's register
(``issued_documents``) and carry no signature fields.  The fingerprint printed
on them is the SHA-256 of the report's canonical JSON (``--format json`` of
the same command), so a printed copy can be matched with the data.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from pathlib import Path
from typing import Any

from oaoi_desktop import i18n
from oaoi_desktop.domain import canonical
from oaoi_desktop.reports.documents import Document, Heading, Para, TableBlock, write_pdf


def _t(message_id: str, lang: str, **params: Any) -> str:
    return i18n.render(message_id, lang, **params)


def _fingerprint(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical.dumps(data)).hexdigest()


def _num(value: Any, lang: str) -> str:
    if value is None:
        return "–"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "id" else text


def _document(kind: str, code: str, event_id: str, event_name: str, title: str, subtitle: str, data: dict[str, Any],
              body: list[Any], lang: str, file_name: str) -> Document:
    now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    fp = _fingerprint(data)
    return Document(kind=kind, number=f"{code}-{now:%Y%m%d-%H%M}", lang=lang, paper="a4", event_id=event_id,
                    event_name=event_name, title=title, subtitle=subtitle, fingerprint=fp, rubric_sha256="",
                    generated_at=now, file_name=file_name, body=tuple(body))


def calibration_document(report: Any, event_id: str, lang: str | None = None) -> Document:
    """The calibration round report: per proposal and criterion, each judge against the panel median."""
    lang = lang or i18n.current_language()
    st = report.state
    if st.closed_at:
        state = _t("calib.status.closed", lang, when=st.local(st.closed_at))
    elif st.started_at:
        state = _t("calib.status.open", lang, when=st.local(st.started_at))
    else:
        state = _t("calib.status.not_started", lang)
    body: list[Any] = [Para(_t("calib.pdf.state", lang, state=state))]
    for d in report.dossiers:
        body.append(Heading(_t("calib.pdf.dossier", lang, number=d.number, title=d.title)))
        rows = []
        for c in d.criteria:
            levels = "; ".join(f"{lv.label} ({_num(lv.low, lang)}–{_num(lv.high, lang)}): {lv.descriptor}"
                               for lv in c.levels)
            first = True
            for s in c.scores:
                rows.append((c.name if first else "", s.judge, _t(f"calib.role.{s.role}", lang),
                             _num(s.value, lang), _num(c.median, lang) if first else "",
                             _num(s.deviation, lang) if s.deviation is not None else "–", s.level,
                             _t(f"calib.sheet.{s.status}", lang), levels if first else ""))
                first = False
        body.append(TableBlock(
            header=tuple(_t(f"calib.col.{k}", lang) for k in (
                "criterion", "judge", "role", "score", "median", "deviation", "level", "status", "levels")),
            rows=tuple(rows), widths=(0.12, 0.14, 0.07, 0.06, 0.07, 0.06, 0.08, 0.08, 0.32),
            align=("L", "L", "L", "R", "R", "R", "L", "L", "L"), wrap=(0, 1, 8), font_size=6.5))
    return _document("calibration", "KAL", event_id, report.event, _t("calib.pdf.title", lang),
                     _t("calib.pdf.subtitle", lang), report.to_json(), body, lang, "laporan-kalibrasi.pdf")


def shadow_document(report: Any, event_id: str, lang: str | None = None) -> Document:
    """The "Laporan penilai magang": each shadow judge against the panel."""
    lang = lang or i18n.current_language()
    body: list[Any] = [Para(_t("shadow.pdf.method", lang), "justify")]
    if not report.judges:
        body.append(Para(_t("shadow.pdf.none", lang)))
    for r in report.judges:
        body.append(Heading(_t("shadow.pdf.judge", lang, judge=r.judge, instansi=r.instansi or "-")))
        rho = "–" if r.spearman is None else _num(round(r.spearman, 3), lang)
        body.append(Para(_t("shadow.pdf.summary", lang, compared=r.compared,
                            mad=_num(r.mean_absolute_deviation, lang), rho=rho)))
        body.append(TableBlock(
            header=tuple(_t(f"shadow.col.{k}", lang) for k in (
                "dossier", "shadow_total", "panel_mean", "panel_judges", "deviation")),
            rows=tuple((f"{d.number} — {d.title}", _num(d.shadow_total, lang), _num(d.panel_mean, lang),
                        str(d.panel_judges), _num(d.deviation, lang)) for d in r.dossiers),
            widths=(0.48, 0.13, 0.13, 0.13, 0.13), align=("L", "R", "R", "R", "R"), wrap=(0,)))
    return _document("shadow", "MAG", event_id, report.event, _t("shadow.pdf.title", lang),
                     _t("shadow.pdf.subtitle", lang), report.to_json(), body, lang, "laporan-penilai-magang.pdf")


def write_practice_pdf(doc: Document, path: Path) -> Path:
    """Write through a temporary name (``reports.documents.write_pdf``)."""
    return write_pdf(doc, Path(path))


__all__ = ["calibration_document", "shadow_document", "write_practice_pdf"]
