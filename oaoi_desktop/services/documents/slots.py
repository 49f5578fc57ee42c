"""The contract with the signing code: the signature fields of a document (``docs/documents.md``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path


FIELD_PREFIX = "sig_"
"""Signature fields are named ``sig_<user uuid hex>``."""


@dataclass(frozen=True)
class SignatureSlot:
    """An empty (or filled) signature field of a document.

    ``page`` is 0-based (as pyHanko's ``SigFieldSpec.on_page``); ``box`` is the
    widget rectangle ``(x1, y1, x2, y2)`` in PDF points from the page's
    lower-left corner; ``user_id`` is the person the field belongs to (None if
    the name is not ``sig_<uuid hex>``).  :func:`signature_slots` lists them in
    signing order: judges first, the chair last.
    """

    field_name: str
    user_id: uuid.UUID | None
    page: int
    box: tuple[float, float, float, float]


def field_name(user_id: uuid.UUID | str) -> str:
    """``sig_<user uuid hex>``."""
    key = user_id if isinstance(user_id, uuid.UUID) else uuid.UUID(str(user_id))
    return FIELD_PREFIX + key.hex


def signature_slots(path: Path | str) -> list[SignatureSlot]:
    """The signature fields of the PDF at ``path``, in the order of the AcroForm (signing order)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    acro = root.get("/AcroForm")
    if acro is None:
        return []
    acro = acro.get_object()
    pages_of: dict[int, int] = {}
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots", None) or []:
            ref = getattr(annot, "idnum", None)
            if ref is not None:
                pages_of[ref] = index
    slots = []
    for ref in acro.get("/Fields", []) or []:
        obj = ref.get_object()
        if obj.get("/FT") != "/Sig":
            continue
        name = str(obj.get("/T", ""))
        widget_ref = ref
        widget = obj
        kids = obj.get("/Kids")
        if "/Rect" not in obj and kids:
            widget_ref = kids[0]
            widget = widget_ref.get_object()
        page = pages_of.get(getattr(widget_ref, "idnum", -1))
        if page is None and "/P" in widget:
            target = widget["/P"].idnum
            page = next((i for i, p in enumerate(reader.pages) if p.indirect_reference
                         and p.indirect_reference.idnum == target), 0)
        rect = tuple(float(v) for v in widget.get("/Rect", [0, 0, 0, 0]))
        x1, y1, x2, y2 = rect
        user: uuid.UUID | None = None
        if name.startswith(FIELD_PREFIX):
            try:
                user = uuid.UUID(hex=name[len(FIELD_PREFIX):])
            except ValueError:
                user = None
        slots.append(SignatureSlot(name, user, page or 0, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))))
    return slots


__all__ = ["FIELD_PREFIX", "SignatureSlot", "field_name", "signature_slots"]
