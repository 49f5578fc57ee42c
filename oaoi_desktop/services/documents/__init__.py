"""The panel's PDF documents: what each one shows, its number and its fingerprint.

Four kinds (``IssuedDocument.kind``):

* ``sheet`` — *Lembar Penilaian*, one judge's submitted sheet for one dossier
  in one stage (code ``LP``);
* ``result`` — *Lembar Hasil Penilaian*, every judge's scores of one dossier
  side by side with the aggregate, rank, pass/fail, tie-break notes and
  plenary adjustments (code ``LHP``);
* ``ranking`` — *Rekapitulasi dan Peringkat* of one group, or overall (``RP``);
* ``minutes`` — *Berita Acara Hasil Penilaian* (``BA``).

Each document is registered in ``issued_documents`` with a number
``001/LP/<event code>/<year>`` (sequence per event and kind) and a
**fingerprint**: the SHA-256 of the canonical JSON of the score data the
document shows plus the rubric version hash::

    sha256(canonical({"kind": kind, "data": <score data>, "rubric_sha256": <hash>}))

``details`` of the register row says what the data covers (dossier, judge,
stage, grouping, method...), so :func:`recompute_fingerprint` can rebuild the
same data from the database at any later time: when a score, a plenary
decision or (for the minutes) the audit chain changes, the fingerprint does too.
Generating the same document again with the same data reuses its number;
with changed data (or a Berita Acara exported again) it keeps its number with a
revision suffix: ``003/BA/KKM/2026`` then ``003/BA/KKM/2026-R1`` (:func:`register`).

This package gathers data and numbers (SQL) and says what each document shows;
:mod:`oaoi_desktop.reports.documents` only draws:

* :mod:`.context` — the rows a batch reads once (:class:`Context`), the score
  data and fingerprints (:func:`data_for`, :func:`fingerprint`), recusals;
* :mod:`.content` — what each document says (texts in its language), built
  from the context;
* :mod:`.register` — numbers, the register of issued documents, the letterhead;
* :mod:`.export` — :func:`prepare` (number, register, describe) and
  :func:`write_documents` (draw, in worker processes for big batches);
* :mod:`.slots` — :func:`signature_slots` reads the empty signature fields of a
  PDF (the contract with the signing code is in ``docs/documents.md``).
"""


from __future__ import annotations

from oaoi_desktop.services.documents.context import (
    CODES, DEFAULT_GROUP_BY, FINAL, KINDS, MINUTES, PURGE, RANKING, RESULT, SHEET, Context, Recusal, SheetData, data_for,
    fingerprint, adjusted_rows, recompute_fingerprint, recusals,
)
from oaoi_desktop.services.documents.export import (
    EXPORT_KINDS, PAPER_CHOICES, Cancelled, ExportOptions, check_folder, file_slug, i18n_title, prepare,
    write_documents,
)
from oaoi_desktop.services.documents.register import (
    MAX_LOGO_BYTES, VOLATILE_DETAILS, audit_head, document_code, document_year, issued_documents, letterhead,
    register, set_letterhead,
)
from oaoi_desktop.services.documents.slots import FIELD_PREFIX, SignatureSlot, field_name, signature_slots

__all__ = [
    "CODES", "Cancelled", "Context", "DEFAULT_GROUP_BY", "EXPORT_KINDS", "ExportOptions", "FIELD_PREFIX", "FINAL",
    "KINDS", "MAX_LOGO_BYTES", "MINUTES", "PAPER_CHOICES", "PURGE", "RANKING", "RESULT", "Recusal", "SHEET",
    "SheetData", "SignatureSlot", "VOLATILE_DETAILS", "audit_head", "check_folder", "data_for", "document_code",
    "document_year", "field_name", "file_slug", "fingerprint", "i18n_title", "issued_documents", "letterhead",
    "prepare", "adjusted_rows", "recompute_fingerprint", "recusals", "register", "set_letterhead", "signature_slots",
    "write_documents",
]
