"""``dossiers.xlsx`` / ``dossiers.csv``: one dossier per row.

Row 1 holds the column names (case and spaces do not matter): the identity
fields (``id``, ``title``, ``instansi``, …), ``attachments`` and
``attachments.<kind>`` (relative paths separated by ``;`` or new lines), and
every other column is a section text named by its key (``ringkasan``,
``latar_belakang``, …).  Each row becomes a format-1 document and goes
through the same validation as ``dossier.json``; messages name the cell
(``C5 (klaster)``).

Hostile sheets: an ``.xlsx`` is a ZIP and is inspected as one first (bomb
caps); reading stops after :attr:`Limits.max_empty_rows` empty rows in a row
and at :attr:`Limits.max_sheet_rows`; a formula is never evaluated — its
cell is refused by address.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from oaoi_desktop.intake import FORMAT_VERSION, tabular
from oaoi_desktop.intake.document import KINDS, SECTION_KEY
from oaoi_desktop.intake.findings import Finding, Severity, error, warning
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.packages import Candidate, FolderPackage, inspect_zip

TEXT_COLUMNS = ("id", "title", "instansi", "unit_kerja", "kategori", "video_url")
ENUM_COLUMNS = ("klaster", "kelompok")
BOOL_COLUMNS = ("is_digital", "previous_finalist", "calibration")
HEADER_ALIASES = {"kalibrasi": "calibration"}
"""Indonesian column names for the same field (issue 17: ``kalibrasi`` flags a calibration dossier)."""
CONTACT_COLUMNS = ("contact", "contact.name", "contact.position", "contact.email", "contact.phone")
IGNORED_COLUMNS = ("format_version",)
ATTACHMENT_COLUMNS = ("attachments",) + tuple(f"attachments.{k}" for k in KINDS)
KNOWN_COLUMNS = set(TEXT_COLUMNS + ENUM_COLUMNS + BOOL_COLUMNS + CONTACT_COLUMNS + IGNORED_COLUMNS
                    + ATTACHMENT_COLUMNS + ("innovators", "started_on", "sdgs"))
TRUE_WORDS = {"ya", "y", "yes", "true", "benar", "1", "x", "v"}
FALSE_WORDS = {"tidak", "t", "no", "n", "false", "salah", "0", "-"}
_SPLIT = re.compile(r"[;\n\r]+")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class _SheetError(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_id)
        self.finding = finding


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def header_key(value: Any) -> str:
    text = "" if value is None else str(value)
    return "_".join(text.strip().lower().split())


# Each reader yields rows as lists of (value, is_formula, is_error) per column.
Cell = tuple[Any, bool, bool]


def _xlsx_rows(path: Path, label: str, limits: Limits) -> Iterator[list[Cell]]:
    layout = inspect_zip(path, label, limits, documents=False)
    for f in layout.findings:
        if f.is_error:
            raise _SheetError(f)
    try:
        with closing(tabular.xlsx_cells(path, sheet="dossiers", max_columns=limits.max_sheet_columns)) as rows:
            for _number, row in rows:
                yield [(cell.value, cell.is_formula, cell.is_error) for cell in row]
    except tabular.WorkbookUnreadable as exc:
        raise _SheetError(error(label, "", "intake.sheet_unreadable", reason=exc.reason)) from exc
    except Exception as exc:  # noqa: BLE001 - zipfile / XML errors of a broken workbook
        raise _SheetError(error(label, "", "intake.sheet_unreadable", reason=str(exc) or type(exc).__name__)) from exc


def _csv_rows(path: Path, label: str, limits: Limits) -> Iterator[list[Cell]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _SheetError(error(label, "", "intake.file_unreadable", path=label, reason=exc.strerror or str(exc))) from exc
    try:
        text = tabular.decode_csv(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _SheetError(Finding(Severity.ERROR, label, "", "intake.csv_not_utf8",
                                  {"offset": exc.start}, line)) from exc
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_text_chars + 1))
    try:
        for _number, row in tabular.csv_records(text, delimiter=tabular.first_line_delimiter(text)):
            yield [(v, False, False) for v in row[: limits.max_sheet_columns]]
    except csv.Error as exc:
        raise _SheetError(error(label, "", "intake.sheet_unreadable", reason=str(exc))) from exc


def _is_empty(cells: list[Cell]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v, _f, _e in cells)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return str(value)


class _Row:
    def __init__(self, label: str, row: int, headers: dict[int, str]) -> None:
        self.label = label
        self.row = row
        self.headers = headers
        self.findings: list[Finding] = []
        self.columns: dict[str, int] = {}

    def cell(self, col: int) -> str:
        return f"{column_letter(col)}{self.row} ({self.headers[col]})"

    def err(self, col: int, message_id: str, **params: Any) -> None:
        self.findings.append(error(self.label, self.cell(col), message_id, **params))


def _split(text: str) -> list[str]:
    return [p.strip() for p in _SPLIT.split(text) if p.strip()]


def _bool(r: _Row, col: int, value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = _text(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    r.err(col, "intake.sheet_bad_boolean", value=_text(value)[:40])
    return None


def _date(r: _Row, col: int, value: Any) -> str | None:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    text = _text(value).strip()
    m = _DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            r.err(col, "intake.bad_date", value=text)
            return None
    return text  # validated (YYYY-MM-DD) with the document


def _sdgs(r: _Row, col: int, value: Any) -> list[Any]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [int(value)] if float(value).is_integer() else [value]
    goals: list[Any] = []
    for part in re.split(r"[;,\s]+", _text(value)):
        if not part:
            continue
        if not part.isdigit():
            r.err(col, "intake.bad_sdg", value=part[:20])
            continue
        goals.append(int(part))
    return goals


def _document(r: _Row, cells: list[Cell]) -> dict[str, Any]:
    doc: dict[str, Any] = {"format_version": FORMAT_VERSION}
    contact: dict[str, str] = {}
    sections: list[dict[str, Any]] = []
    attachments: list[dict[str, Any]] = []
    r.columns = {}
    for col, key in r.headers.items():
        value, is_formula, is_error = cells[col] if col < len(cells) else (None, False, False)
        if is_formula:
            r.err(col, "intake.sheet_formula", formula=str(value)[:60])
            continue
        if is_error:
            r.err(col, "intake.sheet_error_value", value=str(value)[:20])
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key in IGNORED_COLUMNS:
            continue
        if key in TEXT_COLUMNS:
            doc[key] = _text(value).strip()
            r.columns[key] = col
        elif key in ENUM_COLUMNS:
            doc[key] = _text(value).strip().lower()
            r.columns[key] = col
        elif key in BOOL_COLUMNS:
            got = _bool(r, col, value)
            if got is not None:
                doc[key] = got
            r.columns[key] = col
        elif key == "innovators":
            doc["innovators"] = _split(_text(value))
            r.columns[key] = col
        elif key == "started_on":
            got_d = _date(r, col, value)
            if got_d is not None:
                doc["started_on"] = got_d
            r.columns[key] = col
        elif key == "sdgs":
            doc["sdgs"] = _sdgs(r, col, value)
            r.columns[key] = col
        elif key == "contact":
            contact["name"] = _text(value).strip()
            r.columns["contact"] = col
        elif key.startswith("contact."):
            contact[key.split(".", 1)[1]] = _text(value).strip()
            r.columns[key] = col
        elif key in ATTACHMENT_COLUMNS:
            kind = key.split(".", 1)[1] if "." in key else "lainnya"
            for path in _split(_text(value)):
                r.columns[f"attachments[{len(attachments)}]"] = col
                attachments.append({"path": path, "kind": kind})
        else:  # a section named by its key
            r.columns[f"sections[{len(sections)}]"] = col
            sections.append({"key": key, "text": _text(value)})
    if contact:
        doc["contact"] = contact
    doc["sections"] = sections
    doc["attachments"] = attachments
    return doc


class CellLabel:
    """Turns a key path into the spreadsheet cell it came from (``C5 (klaster)``).

    A class rather than a closure so a candidate can be sent to an import
    worker process (pickled).
    """

    def __init__(self, r: _Row) -> None:
        self.columns = dict(r.columns)
        self.row = r.row
        self.headers = dict(r.headers)

    def __call__(self, key_path: str) -> str:
        probe = key_path
        while probe:
            if probe in self.columns:
                col = self.columns[probe]
                return f"{column_letter(col)}{self.row} ({self.headers[col]})"
            m = re.match(r"^(.*?)(\.[^.\[]+|\[\d+\])$", probe)
            if not m:
                break
            probe = m.group(1)
        return f"{self.row}:{self.row} ({key_path})" if key_path else f"{self.row}:{self.row}"


def _field_label(r: _Row) -> CellLabel:
    return CellLabel(r)


def candidates(path: Path, label: str, files: FolderPackage, limits: Limits) -> list[Candidate]:
    """One candidate per non-empty data row of the sheet at ``path``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [Candidate(label, None, findings=[error(label, "", "intake.file_unreadable", path=label,
                                                       reason=exc.strerror or str(exc))])]
    if size > limits.max_sheet_bytes:
        return [Candidate(label, None, findings=[error(label, "", "intake.file_too_large", path=label,
                                                       size=f"{size / 2**20:.1f}",
                                                       limit=f"{limits.max_sheet_bytes / 2**20:.1f}")])]
    reader = _xlsx_rows if path.suffix.lower() == ".xlsx" else _csv_rows
    out: list[Candidate] = []
    sheet_findings: list[Finding] = []
    try:
        rows = reader(path, label, limits)
        header_cells = next(rows, None)
        if header_cells is None or _is_empty(header_cells):
            return [Candidate(label, None, findings=[error(label, "1", "intake.sheet_no_header")])]
        headers: dict[int, str] = {}
        seen: dict[str, int] = {}
        for col, (value, is_formula, _e) in enumerate(header_cells):
            key = header_key(value)
            key = HEADER_ALIASES.get(key, key)
            if not key:
                continue
            address = f"{column_letter(col)}1"
            if is_formula:
                sheet_findings.append(error(label, address, "intake.sheet_formula", formula=str(value)[:60]))
                continue
            if key in seen:
                sheet_findings.append(error(label, address, "intake.sheet_duplicate_column", column=key,
                                            first=f"{column_letter(seen[key])}1"))
                continue
            if key not in KNOWN_COLUMNS and not SECTION_KEY.match(key):
                sheet_findings.append(warning(label, address, "intake.sheet_unknown_column", column=key))
                continue
            seen[key] = col
            headers[col] = key
        if "id" not in seen:
            sheet_findings.append(error(label, "1", "intake.sheet_missing_column", column="id"))
        if any(f.is_error for f in sheet_findings):
            return [Candidate(label, None, findings=sheet_findings)]
        empty_run = 0
        data_rows = 0
        row_number = 1
        for cells in rows:
            row_number += 1
            if _is_empty(cells):
                empty_run += 1
                if empty_run >= limits.max_empty_rows:
                    break
                continue
            empty_run = 0
            data_rows += 1
            if data_rows > limits.max_sheet_rows:
                sheet_findings.append(error(label, str(row_number), "intake.sheet_too_many_rows",
                                            limit=limits.max_sheet_rows))
                break
            r = _Row(label, row_number, headers)
            doc = _document(r, cells)
            cand_label = f"{label}:{row_number}"
            out.append(Candidate(cand_label, files, document=doc, document_file=label,
                                 field_label=_field_label(r), findings=list(r.findings)))
    except _SheetError as exc:
        return [Candidate(label, None, findings=sheet_findings + [exc.finding])]
    if sheet_findings:
        if out:
            out[0].findings[:0] = [f for f in sheet_findings if not f.is_error]
            errors = [f for f in sheet_findings if f.is_error]
            if errors:
                out.append(Candidate(label, None, findings=errors))
        else:
            out.append(Candidate(label, None, findings=sheet_findings))
    if not out:
        out.append(Candidate(label, None, findings=[error(label, "", "intake.sheet_no_rows")]))
    return out
