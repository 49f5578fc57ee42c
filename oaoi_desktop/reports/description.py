"""The description of a document: plain, picklable data (texts already in the document's
language) that :mod:`.documents` draws; no ReportLab here."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

QR_SCHEME = "oaoi-doc"


@dataclass(frozen=True)
class Letterhead:
    """Kop surat: the organiser's logo (PNG/JPEG bytes) and lines (the first is bold)."""

    lines: tuple[str, ...] = ()
    logo: bytes | None = None


@dataclass(frozen=True)
class Signer:
    """A signature block: who signs, in which capacity (already rendered)."""

    user_id: str
    """The user's uuid hex; the field is ``sig_<user_id>``."""
    name: str
    capacity: str
    nip: str = ""


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    """Plain text (escaped when drawn)."""
    style: str = "body"


@dataclass(frozen=True)
class KeyValues:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableBlock:
    """A table; long ones split across pages with the header repeated.

    ``widths`` are fractions of the text width; ``align`` per column
    (``L``/``C``/``R``); ``wrap`` columns are drawn as paragraphs (they may
    wrap), the others as single-line text (fast for thousands of rows).
    ``bold_rows`` are row indexes (of ``rows``) drawn bold.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[str, ...] = ()
    wrap: tuple[int, ...] = ()
    bold_rows: tuple[int, ...] = ()
    font_size: float = 7.5


@dataclass(frozen=True)
class NewPage:
    pass


Block = Heading | Para | KeyValues | TableBlock | NewPage


@dataclass(frozen=True)
class Document:
    """Everything needed to draw one PDF (picklable)."""

    kind: str
    number: str
    lang: str
    paper: str
    event_id: str
    event_name: str
    title: str
    subtitle: str
    fingerprint: str
    rubric_sha256: str
    generated_at: _dt.datetime
    file_name: str
    letterhead: Letterhead = field(default_factory=Letterhead)
    body: tuple[Any, ...] = ()
    signers: tuple[Signer, ...] = ()
    signature_intro: str = ""
    audit: tuple[int, str] | None = None
    state_digest: str = ""
    """The result state digest (``services/audit_state``) printed beside the audit chain head."""
    annex: tuple[Any, ...] = ()
    """Blocks drawn after the signatures (the Berita Acara's final ranking)."""
    timezone: str = "WIB"
    """The event's time zone (WIB, WITA, WIT): ``generated_at`` (naive UTC) prints as local time with it."""


def qr_payload(doc: Document) -> str:
    """``oaoi-doc:<event uuid>|<number>|<fingerprint>``: enough to look the document up and check it."""
    return f"{QR_SCHEME}:{doc.event_id}|{doc.number}|{doc.fingerprint}"


__all__ = ["Block", "Document", "Heading", "KeyValues", "Letterhead", "NewPage", "Para", "QR_SCHEME", "Signer",
           "TableBlock", "qr_payload"]
