"""Exports of an event's results: XLSX (openpyxl) and CSV.

* XLSX: one ranking sheet per group (kategori × kelompok by default) and a
  ``raw scores`` sheet with one row per judge × dossier × criterion, with the
  comment.  Scores are numbers (exact values written as doubles, shown with
  two decimals); everything else is text.
* CSV (UTF-8 with a byte-order mark, so Excel on Windows reads it): the raw
  scores (``what="scores"``) or the ranking (``what="ranking"``).

Only submitted and locked sheets are exported (what the ranking counts).
Column names are stable English keys; the secretariat is the reader, so
blind mode does not redact here.

**Safe to open** (formula injection): a text cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula by a
spreadsheet.

* In XLSX such a cell is written as an explicit *string* cell with the
  ``quotePrefix`` style — what Excel itself stores when one types a leading
  apostrophe: the text is kept exactly, shown as text, and stays text when
  the cell is edited.  (openpyxl would otherwise store ``=…`` as a formula.)
* In CSV, which has no cell types, the text is prefixed with an apostrophe
  ``'`` (the OWASP recommendation); a reader loses nothing but that mark.

Every file is written to a temporary name beside the target and renamed
over it only when complete.
"""

from __future__ import annotations

import csv
import io
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.domain.sorting import natural_key
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import ranking as ranking_service
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.counted import counted_sheet
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import Dossier, Event, Score, ScoreSheet, SheetStatus, User

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
COUNTED = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)

SCORE_COLUMNS = ["stage", "dossier", "title", "instansi", "unit_kerja", "kategori", "kelompok", "judge",
                 "criterion", "criterion_name", "score", "comment", "sheet_status"]
RANKING_COLUMNS = ["group", "rank", "dossier", "title", "score", "passed", "knocked_out", "tied_for_chair",
                   "judges", "judge_totals", "notes"]


def is_dangerous(text: str) -> bool:
    return bool(text) and text.startswith(DANGEROUS_PREFIXES)


def csv_safe(value: Any) -> Any:
    """A CSV field: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


def printable(text: str) -> str:
    """``text`` with lone surrogates (a file name that is not UTF-8) written as ``\\udcxx`` escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?|-")


def csv_safe_text(value: Any) -> Any:
    """:func:`csv_safe` for a text field that may also carry lone surrogates (names from outside).

    A plain number written as text (``-1.5``, a ``-`` placeholder) is left as it is: scripts read
    it, and a spreadsheet runs nothing in it.
    """
    if not isinstance(value, str):
        return value
    value = printable(value)
    return value if _PLAIN_NUMBER.fullmatch(value) else csv_safe(value)


# -- rows ----------------------------------------------------------------------------
def score_rows(session: Session, event: Event, lang: str | None = None, *, actor: Any) -> list[dict[str, Any]]:
    """One row per judge × dossier × criterion of the submitted and locked sheets."""
    from oaoi_desktop.i18n import current_language

    authorize(session, actor, Action.RESULTS_EXPORT, event=event)

    rubric = event_rubric(session, event)
    lang = lang or current_language()
    stage_order = {s.id: i for i, s in enumerate(rubric.stages)}
    crit_order = {(s.id, c.id): i for s in rubric.stages for i, c in enumerate(s.criteria)}
    crit_name = {(s.id, c.id): c.name(lang) for s in rubric.stages for c in s.criteria}
    stmt = (
        select(ScoreSheet.stage_id, ScoreSheet.status, Dossier.number, Dossier.title, Dossier.instansi,
               Dossier.unit_kerja, Dossier.kategori, Dossier.kelompok, User.name, Score.criterion_id,
               Score.value_milli, Score.comment)
        .join(Score, Score.sheet_id == ScoreSheet.id)
        .join(Dossier, Dossier.id == ScoreSheet.dossier_id)
        .join(User, User.id == ScoreSheet.judge_id)
        .where(ScoreSheet.event_id == event.id, counted_sheet())
    )
    rows = []
    for st, status, number, title, instansi, unit, kategori, kelompok, judge, cid, milli, comment in session.execute(stmt):
        rows.append({
            "stage": st, "dossier": number, "title": title, "instansi": instansi, "unit_kerja": unit,
            "kategori": kategori, "kelompok": kelompok, "judge": judge, "criterion": cid,
            "criterion_name": crit_name.get((st, cid), cid), "score": Fraction(milli, 1000),
            "comment": comment or "", "sheet_status": status.value,
        })
    rows.sort(key=lambda r: (natural_key(r["dossier"]), stage_order.get(r["stage"], 99), r["judge"].casefold(),
                             crit_order.get((r["stage"], r["criterion"]), 99)))
    return rows


def ranking_rows(
    session: Session,
    event: Event,
    *,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    actor: Any,
) -> list[dict[str, Any]]:
    authorize(session, actor, Action.RESULTS_EXPORT, event=event)
    result = ranking_service.rank_event(session, event, group_by=group_by, method=method, stage_id=stage_id,
                                        actor=actor)
    rows = ranking_service.ranking_rows(session, event, result, actor=actor)
    return [{**r, "dossier": r["number"]} for r in rows]


# -- files ---------------------------------------------------------------------------
def _atomic_write(target: Path, write: Any) -> Path:
    """Call ``write(tmp_path)`` then rename the temporary file over ``target``."""
    target = Path(target)
    if target.is_dir():
        raise ValidationError("export.target_is_folder", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("export.no_folder", path=str(target.parent))
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise ValidationError("export.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _number(value: Any) -> Any:
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    return value


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], target: Path) -> Path:
    """Rows as CSV (UTF-8 with BOM), dangerous text escaped, written atomically."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        out = []
        for c in columns:
            v = _number(r.get(c))
            if v is None:
                out.append("")
            elif isinstance(v, bool):
                out.append("true" if v else "false")
            elif isinstance(v, float):
                out.append(repr(round(v, 6)))
            elif isinstance(v, int):
                out.append(str(v))
            else:  # text: escaped when a spreadsheet would run it
                out.append(csv_safe(str(v)))
        writer.writerow(out)
    data = buf.getvalue().encode("utf-8-sig")

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())

    return _atomic_write(target, write)


def _sheet_title(text: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:28] or "-"
    title, n = base, 2
    while title.casefold() in used:
        title = f"{base[:26]} {n}"
        n += 1
    used.add(title.casefold())
    return title


def _fill(ws: Any, columns: Sequence[str], rows: Iterable[dict[str, Any]], number_format: str = "0.00") -> None:
    from openpyxl.styles import Font

    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for r_index, r in enumerate(rows, start=2):
        for c_index, c in enumerate(columns, start=1):
            v = _number(r.get(c))
            cell = ws.cell(row=r_index, column=c_index)
            if v is None:
                continue
            if isinstance(v, bool):
                cell.value = "true" if v else "false"
            elif isinstance(v, (int, float)):
                cell.value = v
                if isinstance(v, float):
                    cell.number_format = number_format
            else:
                text = str(v)
                cell.value = text
                if text.startswith("="):
                    cell.data_type = "s"  # openpyxl took it for a formula
                if is_dangerous(text):
                    cell.quotePrefix = True


def write_xlsx(
    session: Session,
    event: Event,
    target: Path,
    *,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    actor: Any,
    lang: str | None = None,
) -> Path:
    """The event's ranking (one sheet per group) and raw scores, as one workbook.

    Scores stay numeric cells; their display format follows ``lang`` (default:
    the current language): Indonesian shows "87,83" and "1.234,50"
    (:func:`oaoi_desktop.i18n.formats.xlsx_format`), English "87.83".
    """
    from openpyxl import Workbook

    from oaoi_desktop.i18n import current_language, formats

    authorize(session, actor, Action.RESULTS_EXPORT, event=event)
    number_format = formats.xlsx_format(lang or current_language())

    ranking = ranking_rows(session, event, group_by=group_by, method=method, stage_id=stage_id, actor=actor)
    scores = score_rows(session, event, actor=actor)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = {"raw scores"}
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in ranking:
        groups.setdefault(r["group"], []).append(r)
    if not groups:
        groups["ranking"] = []
    for group, rows in groups.items():
        ws = wb.create_sheet(_sheet_title(group or "ranking", used))
        _fill(ws, RANKING_COLUMNS, rows, number_format)
    ws = wb.create_sheet("raw scores")
    _fill(ws, SCORE_COLUMNS, scores, number_format)
    wb.properties.title = event.name
    wb.properties.creator = "oaoi-desktop"

    def write(tmp: Path) -> None:
        wb.save(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())

    return _atomic_write(target, write)


def export_csv(
    session: Session,
    event: Event,
    target: Path,
    *,
    what: str = "scores",
    group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    actor: Any,
) -> Path:
    authorize(session, actor, Action.RESULTS_EXPORT, event=event)
    if what == "scores":
        return write_csv(score_rows(session, event, actor=actor), SCORE_COLUMNS, target)
    if what == "ranking":
        rows = ranking_rows(session, event, group_by=group_by, method=method, stage_id=stage_id, actor=actor)
        return write_csv(rows, RANKING_COLUMNS, target)
    raise ValidationError("export.unknown_what", what=what)


__all__ = ["csv_safe", "export_csv", "is_dangerous", "ranking_rows", "score_rows", "write_csv", "write_xlsx"]
