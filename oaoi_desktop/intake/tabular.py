"""The one CSV/XLSX row reader: dossier lists, paper score files and judge rosters.

What every reader of a user's spreadsheet needs, in one place:

* **encoding**: :func:`decode_csv` reads UTF-8 (with or without a BOM); a
  caller that accepts Excel's Windows "CSV" falls back to cp1252;
* **dialect**: :func:`first_line_delimiter` (the separator the header line uses
  most) or :func:`sniffed_dialect` (``csv.Sniffer`` over the first 4 KiB);
* **formulas are never evaluated**: workbooks are opened with
  ``data_only=False``, so a formula cell holds its formula, never a cached
  result the user did not type (:attr:`RawCell.is_formula`);
* **cell text as the user typed it**: :func:`cell_text`;
* **row numbers for messages**: every row comes with its number as the
  spreadsheet shows it (1 is the header row).

A workbook that cannot be opened raises :class:`WorkbookUnreadable`, which each
caller turns into its own message (``intake.sheet_unreadable``,
``paper.cannot_read``, ``roster.cannot_read``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

TextRow = tuple[int, list[str], list[tuple[int, str]]]
"""(row number, the cells' text, (column index, formula) of the cells holding a formula)."""


class WorkbookUnreadable(Exception):
    """The file is not a workbook openpyxl can open; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RawCell(NamedTuple):
    """A workbook cell as stored: its value and openpyxl's data type (``f`` formula, ``e`` error)."""

    value: Any
    data_type: str | None

    @property
    def is_formula(self) -> bool:
        return self.data_type == "f"

    @property
    def is_error(self) -> bool:
        return self.data_type == "e"


@dataclass(frozen=True)
class RowProblem:
    """A problem found in a CSV/XLSX file (a score file, a roster): where (file, rows) and what."""

    file: str
    rows: tuple[int, ...]
    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        from oaoi_desktop import i18n

        if len(self.rows) == 1:
            where = i18n.render("paper.where_row", lang, file=self.file, row=self.rows[0])
        else:
            where = i18n.render("paper.where_rows", lang, file=self.file, rows=", ".join(map(str, self.rows)))
        return f"{where}: {i18n.render(self.message_id, lang, **self.params)}"


# -- CSV -------------------------------------------------------------------------------------------
def decode_csv(raw: bytes, *, fallback: str | None = None) -> str:
    """The text of a CSV file: UTF-8 (a BOM is dropped).

    Not UTF-8: decoded with ``fallback`` (unknown bytes replaced) when given,
    else the :class:`UnicodeDecodeError` is raised (its ``start`` is the offset).
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if fallback is None:
            raise
        return raw.decode(fallback, errors="replace")


def first_line_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: whichever the first line holds most (a comma on a tie)."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def sniffed_dialect(text: str) -> Any:
    """``csv.Sniffer``'s guess over the first 4 KiB (``,``, ``;`` or tab), else Excel's dialect."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def csv_records(text: str, dialect: Any = csv.excel, **fmtparams: Any) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every record, cells as written (not stripped).

    A quoted cell may span lines: the number is the record's, counted from 1.
    """
    yield from enumerate(csv.reader(io.StringIO(text, newline=""), dialect, **fmtparams), start=1)


def csv_text_rows(path: Path) -> Iterator[TextRow]:
    """The rows of a CSV score or roster file: UTF-8 or cp1252, dialect sniffed, cells stripped."""
    text = decode_csv(path.read_bytes(), fallback="cp1252")  # cp1252: Excel's "CSV" on Windows
    for number, record in csv_records(text, sniffed_dialect(text)):
        yield number, [c.strip() for c in record], []


# -- XLSX ------------------------------------------------------------------------------------------
def xlsx_cells(path: Path, *, sheet: str | None = None, max_columns: int | None = None,
               reset_dimensions: bool = False) -> Iterator[tuple[int, list[RawCell]]]:
    """(row number, cells) of the worksheet named ``sheet`` if there is one, else the first.

    Opened read-only with formulas kept as formulas.  Only opening is turned
    into :class:`WorkbookUnreadable`; an error while reading the rows is raised
    as it comes.  ``reset_dimensions`` ignores the sheet's stored size (a stale
    ``<dimension>`` would pad a million empty rows).
    """
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - BadZipFile, InvalidFileException, KeyError...: not a workbook
        raise WorkbookUnreadable(str(exc) or type(exc).__name__) from exc
    try:
        ws = wb[sheet] if sheet is not None and sheet in wb.sheetnames else wb.worksheets[0]
        if reset_dimensions:
            ws.reset_dimensions()
        for number, row in enumerate(ws.iter_rows(max_col=max_columns), start=1):
            yield number, [RawCell(getattr(c, "value", None), getattr(c, "data_type", None)) for c in row]
    finally:
        wb.close()


def cell_text(value: Any) -> str:
    """A cell's value as the user typed it: ``7`` for 7.0, dates in ISO form, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def xlsx_text_rows(path: Path) -> Iterator[TextRow]:
    """The rows of the first worksheet of an XLSX score file as text; formulas set apart.

    A cell counts as a formula when openpyxl says so, or when its value is an
    object no user types (an array or data-table formula); its text is empty.
    """
    with closing(xlsx_cells(path, reset_dimensions=True)) as rows:
        for number, cells in rows:
            values: list[str] = []
            formulas: list[tuple[int, str]] = []
            for col, cell in enumerate(cells):
                value = cell.value
                is_formula = cell.is_formula or (
                    value is not None and not isinstance(value, (str, int, float, bool)) and not hasattr(value, "isoformat")
                )
                if is_formula:
                    formulas.append((col, str(getattr(value, "text", value))))
                    values.append("")
                else:
                    values.append(cell_text(value))
            yield number, values, formulas


__all__ = [
    "RawCell",
    "RowProblem",
    "TextRow",
    "WorkbookUnreadable",
    "cell_text",
    "csv_records",
    "csv_text_rows",
    "decode_csv",
    "first_line_delimiter",
    "sniffed_dialect",
    "xlsx_cells",
    "xlsx_text_rows",
]
