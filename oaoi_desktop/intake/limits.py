"""Caps that keep a hostile or broken USB stick from doing damage."""

from __future__ import annotations

from dataclasses import dataclass

KB = 1024
MB = 1024 * KB
GB = 1024 * MB


@dataclass(frozen=True)
class Limits:
    """Every cap the intake enforces; the defaults suit a KIPP-sized event.

    A file over ``max_file_bytes`` rejects its dossier; a ZIP over any of the
    ``max_zip_*`` caps is refused before a byte of it is decompressed (and the
    decompressed bytes are counted again while they stream, so a lying header
    does not help).
    """

    max_file_bytes: int = 200 * MB
    """One attachment (and one dossier.json, spreadsheet: see below)."""
    max_document_bytes: int = 8 * MB
    """``dossier.json``."""
    max_sheet_bytes: int = 64 * MB
    """``dossiers.xlsx`` / ``dossiers.csv`` (the file as stored)."""
    max_zip_entries: int = 10_000
    max_zip_total_bytes: int = 8 * GB
    """Sum of the declared uncompressed sizes of a ZIP's entries."""
    max_zip_ratio: int = 200
    """Uncompressed ÷ compressed, per entry and for the whole ZIP."""
    zip_ratio_floor_bytes: int = 1 * MB
    """Entries smaller than this are not held to the ratio (tiny text compresses well)."""
    max_attachments: int = 500
    """Attachments of one dossier."""
    max_sections: int = 200
    max_text_chars: int = 500_000
    """One section's text."""
    max_sheet_rows: int = 20_000
    """Data rows read from a spreadsheet."""
    max_empty_rows: int = 100
    """Reading a spreadsheet stops after this many empty rows in a row."""
    max_sheet_columns: int = 300
    pdf_repair_bytes: int = 32 * MB
    """A damaged PDF (broken cross-reference table) is repaired in memory to
    check it opens only up to this size; a larger damaged one is rejected."""
    chunk_bytes: int = 1 * MB
    """Read and hash in chunks of this size: memory stays flat."""
