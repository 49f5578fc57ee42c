"""What an import reports: each dossier's outcome and findings, progress snapshots, the CSV report.
"""

from __future__ import annotations

import csv
import io
import os
import uuid
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from oaoi_desktop.intake.findings import Finding
from oaoi_desktop.intake.sources import scan


REPORT_COLUMNS = ("source", "number", "title", "outcome", "severity", "file", "field", "message")
SOURCE_MAX = 1000


class Outcome(str, Enum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ItemReport:
    """What happened to one dossier (or to a path that held none)."""

    source: str
    """Where it came from (``KIPP/usulan-01.zip``, ``KIPP/dossiers.xlsx:5``)."""
    outcome: Outcome
    number: str = ""
    title: str = ""
    findings: tuple[Finding, ...] = ()
    dossier_id: uuid.UUID | None = None
    revision: int | None = None
    attachments: int = 0
    bytes: int = 0

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.is_error)


@dataclass(frozen=True)
class ImportProgress:
    """A snapshot for a progress bar; sent from the thread running the import."""

    dossiers_done: int
    dossiers_total: int
    current: str
    """The file being read (or the dossier being stored)."""
    bytes_done: int
    bytes_total: int
    """An estimate from the scan (sizes of the files in the packages)."""
    elapsed: float
    phase: str = "reading"
    """``reading`` (copying and checking files from the stick) or ``storing``
    (committing a dossier; ``current`` is the file being placed)."""

    @property
    def mb_per_s(self) -> float:
        return self.bytes_done / 1_048_576 / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def fraction(self) -> float:
        """0..1 for a progress bar (bytes when known, else dossiers)."""
        if self.dossiers_total <= 0 or self.dossiers_done >= self.dossiers_total:
            return 1.0
        if self.bytes_total > 0:
            return min(1.0, self.bytes_done / self.bytes_total)
        return self.dossiers_done / self.dossiers_total


@dataclass(frozen=True)
class ImportReport:
    event_id: uuid.UUID
    items: tuple[ItemReport, ...]
    cancelled: bool = False
    not_processed: tuple[str, ...] = ()
    """Sources not imported because the import was cancelled."""
    elapsed: float = 0.0
    bytes_read: int = 0
    read_in_processes: int = 0
    """How many dossiers worker processes read (0: all were read in threads)."""

    def count(self, outcome: Outcome) -> int:
        return sum(1 for i in self.items if i.outcome is outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {o.value: self.count(o) for o in Outcome}

    @property
    def has_rejections(self) -> bool:
        return any(i.outcome is Outcome.REJECTED for i in self.items)

    @property
    def warnings(self) -> int:
        return sum(len(i.warnings) for i in self.items)

    def rows(self, lang: str | None = None) -> list[dict[str, str]]:
        """One row per finding, one row for a clean item (stable English keys)."""
        out: list[dict[str, str]] = []
        for item in self.items:
            base = {"source": item.source, "number": item.number, "title": item.title,
                    "outcome": item.outcome.value}
            if not item.findings:
                out.append({**base, "severity": "", "file": "", "field": "", "message": ""})
            for f in item.findings:
                line = f":{f.line}" if f.line else ""
                out.append({**base, "severity": f.severity.value, "file": f.file + line, "field": f.field,
                            "message": f.message(lang)})
        for source in self.not_processed:
            out.append({"source": source, "number": "", "title": "", "outcome": "not_processed",
                        "severity": "", "file": "", "field": "", "message": ""})
        return out

    def csv_text(self, lang: str | None = None) -> str:
        """The report as CSV: text a spreadsheet would run as a formula escaped (as ``oaoi export csv``)."""
        from oaoi_desktop.services.exports import csv_safe_text

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(REPORT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_safe_text(v) for k, v in row.items()} for row in self.rows(lang))
        return buf.getvalue()

    def write_csv(self, path: Path, lang: str | None = None) -> None:
        """Write the CSV report (UTF-8) to a temporary name, then rename it."""
        path = Path(path)
        temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            with open(temp, "w", encoding="utf-8", newline="") as fh:
                fh.write(self.csv_text(lang))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, path)
        except BaseException:
            try:
                temp.unlink()
            except OSError:
                pass
            raise
