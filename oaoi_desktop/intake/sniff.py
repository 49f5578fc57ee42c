"""What a file really is (magic bytes) and whether a PDF opens.

Accepted attachments: PDF, JPEG, PNG and MP4.  The extension says what the
file claims to be; the first bytes say what it is.  A PDF must also open:
its cross-reference table and page tree must parse (pypdf) and it must end
with ``%%EOF`` — a truncated copy from a pulled stick does not.

Most PDFs are checked by a quick path first (:func:`_quick_check`): a plain
cross-reference table, its trailer, the catalogue, the page tree's root and
the first page, read from a few small windows of the file.  It only ever
*accepts*, and only what pypdf would accept (every object it follows is found
at the offset the table gives, with the right number); anything it does not
fully understand — cross-reference streams, incremental updates,
encryption, a damaged table, an escaped name — goes to pypdf, which alone
decides every rejection and its reason.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

HEAD_BYTES = 64
"""How many leading bytes :func:`sniff` needs."""

EXTENSIONS: dict[str, str] = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".mp4": "video/mp4",
}
"""Accepted file name extensions and the media type each claims."""

TYPE_NAMES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "video/mp4": "MP4",
}


def claimed_type(path: str) -> str | None:
    """The media type a file name's extension claims, or None if not accepted."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def sniff(head: bytes) -> str | None:
    """The media type the first bytes show, among the accepted ones."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "video/mp4"
    return None


def describe(media_type: str | None) -> str:
    return TYPE_NAMES.get(media_type or "", "?")


@dataclass(frozen=True)
class PdfCheck:
    ok: bool
    pages: int = 0
    reason: str = ""


class _DamagedPdf(Exception):
    pass


DAMAGED = "damaged cross-reference table, too large to repair"


def check_pdf(path: Path, *, repair_limit: int) -> PdfCheck:
    """Does the PDF at ``path`` open?  Reads it from disk, never whole.

    A PDF whose cross-reference table must be rebuilt is repaired in memory
    (pypdf) only when it is at most ``repair_limit`` bytes; larger damaged
    files are refused so memory stays bounded.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            fh.seek(max(0, size - 2048))
            tail = fh.read()
            if b"%%EOF" not in tail or b"startxref" not in tail:
                return PdfCheck(False, reason="no end-of-file marker (truncated?)")
            try:
                quick = _quick_check(fh, size, tail)
            except Exception:  # noqa: BLE001 - anything unexpected: pypdf decides
                quick = None
            if quick is not None:
                return quick
    except OSError as exc:
        return PdfCheck(False, reason=(str(exc).strip() or type(exc).__name__)[:200])
    return check_pdf_pypdf(path, repair_limit=repair_limit)


def check_pdf_pypdf(path: Path, *, repair_limit: int) -> PdfCheck:
    """:func:`check_pdf` by pypdf alone (what decides when the quick path does not)."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    refused: list[bool] = []
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            fh.seek(max(0, size - 2048))
            tail = fh.read()
            if b"%%EOF" not in tail or b"startxref" not in tail:
                return PdfCheck(False, reason="no end-of-file marker (truncated?)")
            fh.seek(0)

            class _Reader(PdfReader):
                def _rebuild_xref_table(self, stream):  # type: ignore[no-untyped-def]
                    if size > repair_limit:
                        refused.append(True)
                        raise _DamagedPdf(DAMAGED)
                    return super()._rebuild_xref_table(stream)

            reader = _Reader(fh, strict=False)
            if reader.is_encrypted:
                # Judges must be able to read it without a password.
                try:
                    if not reader.decrypt(""):
                        return PdfCheck(False, reason="encrypted (needs a password)")
                except Exception:  # noqa: BLE001 - unknown crypt filter, ...
                    return PdfCheck(False, reason="encrypted (needs a password)")
            # The catalogue, the page tree's root and its first page must
            # resolve; the rest of the tree is read when the reader renders.
            # (Walking every page costs four times as much and finds no more
            # PDFs that QtPdf cannot open.)
            pages_node = reader.trailer["/Root"].get_object()["/Pages"].get_object()
            pages = int(pages_node["/Count"])
            if pages < 1:
                return PdfCheck(False, reason="no pages")
            node = pages_node
            for _depth in range(64):
                if node.get("/Type") != "/Pages":
                    break
                kids = node["/Kids"].get_object()
                if not kids:
                    return PdfCheck(False, reason="empty page tree")
                node = kids[0].get_object()
            if node.get("/Type") not in ("/Page", None) or not hasattr(node, "get"):
                return PdfCheck(False, reason="first page missing")
            return PdfCheck(True, pages=pages)
    except _DamagedPdf as exc:
        return PdfCheck(False, reason=str(exc))
    except RecursionError:
        return PdfCheck(False, reason="nested too deeply")
    except MemoryError:
        return PdfCheck(False, reason="too large to check")
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on bad input
        if refused:  # pypdf swallowed our refusal and failed further on
            return PdfCheck(False, reason=DAMAGED)
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return PdfCheck(False, reason=text[:200])


# -- the quick path ---------------------------------------------------------------

class _Undecided(Exception):
    """The quick path does not know: let pypdf decide."""


class _Short(_Undecided):
    """The object goes on past the bytes read."""


_WS = b"\x00\t\n\x0c\r "
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
_OBJ = re.compile(rb"[\x00\t\n\x0c\r ]*(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj(?!"
                  + _REGULAR + rb")")
_SUBSECTION = re.compile(rb"(\d{1,10}) (\d{1,10})[\x00\t\x0c ]*(?:\r\n|\r|\n)")
_ENTRY = rb"\d{10} \d{5} [nf](?:\r\n| \r| \n)"
_TRAILER = re.compile(rb"trailer[\x00\t\n\x0c\r ]*")
_STARTXREF = re.compile(rb"startxref[\x00\t\x0c ]*(?:\r\n|\r|\n)(\d{1,19})[\x00\t\x0c ]*(?:\r\n|\r|\n)?%%EOF"
                        rb"[\x00\t\n\x0c\r ]*$")
_ENTRIES = re.compile(rb"(?:" + _ENTRY + rb")*")
_OBJECT_WINDOWS = (4096, 64 * 1024)
_XREF_MAX = 8 * 1024 * 1024


class _Ref(tuple):  # (number, generation)
    __slots__ = ()


_DELIMITED = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|$)"
_TOKEN = re.compile(
    rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*"  # whitespace and comments
    rb"(?:(<<)|(>>)|(\[)|(\])"  # 1-4: << >> [ ]
    rb"|/(" + _REGULAR + rb"*)"  # 5: a name
    rb"|(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+R" + _DELIMITED +  # 6, 7: a reference (lastindex 7)
    rb"|([+-]?(?:\d+\.?\d*|\.\d+))" + _DELIMITED +  # 8: a number
    rb"|(true|false|null)" + _DELIMITED +  # 9
    rb"|(\()"  # 10: a literal string (its end is found by hand)
    rb"|<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>)"  # 11: a hex string
)
_KEYWORDS = {b"true": True, b"false": False, b"null": None}
_MAX_DEPTH = 24


def _parse(data: bytes, pos: int) -> tuple[Any, int]:
    """The PDF value starting at ``pos`` and the offset after it (strict: anything odd is undecided).

    Dictionaries become ``dict`` (keys ``"/Name"``), arrays ``list``, names
    ``"/Name"``, references :class:`_Ref`, strings ``b""`` (their content is
    not needed).  One regular-expression match per token, no recursion.
    """
    stack: list[list[Any]] = []  # [container, pending key of a dict]
    match = _TOKEN.match
    while True:
        m = match(data, pos)
        if m is None:
            if _SKIP.match(data, pos).end() >= len(data):  # type: ignore[union-attr]
                raise _Short()
            raise _Undecided()
        pos = m.end()
        kind = m.lastindex
        if kind == 1 or kind == 3:
            if len(stack) >= _MAX_DEPTH:
                raise _Undecided()
            stack.append([{} if kind == 1 else [], None])
            continue
        if kind == 2 or kind == 4:
            if not stack:
                raise _Undecided()
            container, pending = stack.pop()
            if (kind == 2) != isinstance(container, dict) or pending is not None:
                raise _Undecided()
            value: Any = container
        elif kind == 5:
            name = m.group(5)
            if b"#" in name:
                raise _Undecided()  # an escaped name: pypdf decodes it, we do not
            value = "/" + name.decode("latin-1")
        elif kind == 7:  # lastindex: the reference's second group
            value = _Ref((int(m.group(6)), int(m.group(7))))
        elif kind == 8:
            text = m.group(8)
            value = float(text) if b"." in text else int(text)
        elif kind == 9:
            value = _KEYWORDS[m.group(9)]
        elif kind == 10:
            pos = _string_end(data, m.start(10))
            value = b""
        else:
            value = b""
        if not stack:
            return value, pos
        top = stack[-1]
        container = top[0]
        if type(container) is list:
            container.append(value)
        elif top[1] is None:
            if kind != 5 or value in container:
                raise _Undecided()  # not a name, or a duplicate key (pypdf's choice, not ours)
            top[1] = value
        else:
            container[top[1]] = value
            top[1] = None


def _string_end(data: bytes, pos: int) -> int:
    """The offset just past the literal string that starts at ``pos`` (balanced parentheses)."""
    depth = 0
    i = pos
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash: skip the escaped byte
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise _Undecided()


class _Table:
    """A classic cross-reference table (one section, numbered from 0) and its trailer."""

    def __init__(self, fh: IO[bytes], size: int, tail: bytes) -> None:
        self.fh = fh
        self.size = size
        m = _STARTXREF.search(tail[tail.rfind(b"startxref"):])
        if m is None:
            raise _Undecided()
        start = int(m.group(1))
        if start <= 0 or start >= size or size - start > _XREF_MAX:
            raise _Undecided()
        fh.seek(start - 1)
        data = fh.read(size - start + 1)
        if data[:1] not in (b"\r", b"\n", b" ", b"\t") or not data.startswith(b"xref", 1):
            raise _Undecided()
        pos = _SKIP.match(data, 5).end()  # type: ignore[union-attr]
        self.sections: list[tuple[int, int, int]] = []  # (first number, count, offset of entries in data)
        first_section = True
        while True:
            m = _SUBSECTION.match(data, pos)
            if m is None:
                break
            first, count = int(m.group(1)), int(m.group(2))
            if first_section and first != 0:
                raise _Undecided()  # pypdf renumbers tables that do not start at 0
            first_section = False
            body = m.end()
            m = _ENTRIES.match(data, body, body + 20 * count)
            if m is None or m.end() != body + 20 * count:
                raise _Undecided()
            self.sections.append((first, count, body))
            pos = _SKIP.match(data, body + 20 * count).end()  # type: ignore[union-attr]
        if not self.sections:
            raise _Undecided()
        m = _TRAILER.match(data, pos)
        if m is None:
            raise _Undecided()
        trailer, _end = _parse(data, m.end())
        if not isinstance(trailer, dict) or any(k in trailer for k in ("/Prev", "/XRefStm", "/Encrypt")):
            raise _Undecided()
        self.data = data
        self.trailer = trailer
        self.window = b""
        self.window_at = -1

    def offset(self, ref: Any) -> int:
        if not isinstance(ref, _Ref):
            raise _Undecided()
        number, generation = ref
        for first, count, body in self.sections:
            if first <= number < first + count:
                entry = self.data[body + 20 * (number - first): body + 20 * (number - first) + 18]
                if entry[17:18] != b"n" or int(entry[11:16]) != generation:
                    raise _Undecided()
                return int(entry[:10])
        raise _Undecided()

    def resolve(self, ref: Any) -> dict[str, Any]:
        """The dictionary object ``ref`` names (found where the table says, with its number)."""
        at = self.offset(ref)
        if not 0 < at < self.size:
            raise _Undecided()
        for window in _OBJECT_WINDOWS:
            self.fh.seek(at)
            data = self.fh.read(window)
            m = _OBJ.match(data)
            if m is None or (int(m.group(1)), int(m.group(2))) != tuple(ref):
                raise _Undecided()
            try:
                value, end = _parse(data, m.end())
                end = _SKIP.match(data, end).end()  # type: ignore[union-attr]
                if end + 6 > len(data):
                    raise _Short()
            except _Short:
                if len(data) < window:
                    raise  # the file ends inside the object
                continue
            if not isinstance(value, dict) or data.startswith(b"stream", end):
                raise _Undecided()
            return value
        raise _Undecided()


def _quick_check(fh: IO[bytes], size: int, tail: bytes) -> PdfCheck | None:
    """The PDF opens (a :class:`PdfCheck` that is ok), or None: undecided, ask pypdf."""
    table = _Table(fh, size, tail)
    catalogue = table.resolve(table.trailer.get("/Root"))
    pages_node = table.resolve(catalogue.get("/Pages"))
    pages = pages_node.get("/Count")
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 1:
        return None
    node = pages_node
    for _depth in range(64):
        if node.get("/Type") != "/Pages":
            break
        kids = node.get("/Kids")
        if not isinstance(kids, list) or not kids:
            return None
        node = table.resolve(kids[0])
    if node.get("/Type") not in ("/Page", None):
        return None
    return PdfCheck(True, pages=pages)
