"""Document numbers, the register of issued documents, and the event's letterhead (kop surat)."""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.audit import Actor, append, chain_for
from oaoi_desktop.services.documents.context import CODES, Context
from oaoi_desktop.services.events import event_snapshot, get_event
from oaoi_desktop.services.policy import Action, authorize, authorize_db
from oaoi_desktop.store.models import AuditHead, Event, IssuedDocument


def document_code(event: Event) -> str:
    """The event's code in document numbers: ``settings["document_code"]``, else its initials."""
    code = str((event.settings or {}).get("document_code") or "").strip()
    if code:
        return code
    words = re.findall(r"[A-Za-z0-9]+", event.name)
    letters = "".join(w[0] for w in words if not w.isdigit()).upper()
    return (letters or "OAOI")[:10]


def document_year(event: Event, today: _dt.date | None = None) -> int:
    if event.starts_on is not None:
        return event.starts_on.year
    return (today or _dt.date.today()).year


VOLATILE_DETAILS = ("date", "place", "audit_seq")
"""Details that change from one export of the same document to the next (not part of its identity)."""


_REVISION = re.compile(r"-R(\d+)$")


def _scope_key(kind: str, details: dict[str, Any], dossier_id: uuid.UUID | None = None,
              judge_id: uuid.UUID | None = None) -> str:
    """What makes two exports "the same document": kind, dossier, judge and the details
    (stage, grouping, method, group) without the volatile ones (day, place, audit entry)."""
    stable = {k: v for k, v in canonical.normalise(details).items() if k not in VOLATILE_DETAILS}
    return canonical.sha256_hex({"kind": kind, "details": stable, "dossier_id": dossier_id, "judge_id": judge_id})


def _revision_of(number: str) -> int:
    """0 for an original number, n for ``...-Rn``."""
    m = _REVISION.search(number)
    return int(m.group(1)) if m else 0


def _base_number(number: str) -> str:
    """The number without its revision suffix."""
    return _REVISION.sub("", number)


def register(ctx: Context, kind: str, details: dict[str, Any], *, fp: str, file_name: str, lang: str,
             actor: Actor, dossier_id: uuid.UUID | None = None, judge_id: uuid.UUID | None = None,
             stage_id: str | None = None) -> IssuedDocument:
    """The register row of this document.

    One number per document (kind and scope: dossier, judge, stage, grouping,
    method, group) and event.  The same document with the same data and
    details again: the existing row (same number).  Changed data, or the
    Berita Acara exported again (a new day, a later audit entry): a revision
    of the same number, ``003/BA/KKM/2026-R1``, ``-R2``...  A document never
    issued before: the next sequence of its kind.
    """
    authorize(ctx.session, actor, Action.DOCUMENTS_ISSUE, event=ctx.event)
    session = ctx.session
    details = canonical.normalise(details)
    for doc in session.scalars(select(IssuedDocument).where(
            IssuedDocument.event_id == ctx.event.id, IssuedDocument.fingerprint == fp,
            IssuedDocument.kind == kind)):
        if doc.details == details and doc.dossier_id == dossier_id and doc.judge_id == judge_id:
            return doc
    scopes_cache = ctx.issued_by_scope
    if kind not in scopes_cache:
        index: dict[str, list[IssuedDocument]] = {}
        for doc in session.scalars(select(IssuedDocument).where(
                IssuedDocument.event_id == ctx.event.id, IssuedDocument.kind == kind)):
            index.setdefault(_scope_key(kind, doc.details or {}, doc.dossier_id, doc.judge_id), []).append(doc)
        scopes_cache[kind] = index
    scope = _scope_key(kind, details, dossier_id, judge_id)
    earlier = scopes_cache[kind].get(scope, [])
    if earlier:
        seq = max(d.sequence for d in earlier)
        same = [d for d in earlier if d.sequence == seq]
        base = _base_number(same[0].number)
        revision = max(_revision_of(d.number) for d in same) + 1
        taken = {d.number for docs in scopes_cache[kind].values() for d in docs}
        while f"{base}-R{revision}" in taken:
            revision += 1
        number = f"{base}-R{revision}"
    else:
        seq_cache = ctx.last_sequence
        if kind not in seq_cache:
            seq_cache[kind] = session.scalar(select(func.max(IssuedDocument.sequence)).where(
                IssuedDocument.event_id == ctx.event.id, IssuedDocument.kind == kind)) or 0
        seq_cache[kind] += 1
        seq = seq_cache[kind]
        number = f"{seq:03d}/{CODES[kind]}/{document_code(ctx.event)}/{document_year(ctx.event)}"
    doc = IssuedDocument(id=uuid.uuid4(), event_id=ctx.event.id, kind=kind, number=number, sequence=seq,
                         dossier_id=dossier_id, judge_id=judge_id, stage_id=stage_id, fingerprint=fp,
                         details=details, file_name=file_name, language=lang, created_by=actor.name)
    session.add(doc)
    scopes_cache[kind].setdefault(scope, []).append(doc)
    return doc


def issued_documents(session: Session, event: Event, *, actor: Actor) -> list[IssuedDocument]:
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return list(session.scalars(select(IssuedDocument).where(IssuedDocument.event_id == event.id)
                                .order_by(IssuedDocument.kind, IssuedDocument.sequence)))


def audit_head(session: Session, event: Event) -> tuple[int, str]:
    head = session.get(AuditHead, chain_for(event.id))
    if head is None:
        return 0, ""
    return head.seq, head.hash


MAX_LOGO_BYTES = 2 * 1024 * 1024


def set_letterhead(db: Any, event_ref: str, *, lines: Sequence[str] | None = None, logo: Path | None = None,
                   code: str | None = None, actor: Actor) -> Event:
    """Store the event's letterhead: logo (PNG/JPEG, in the blob store), lines, document code."""
    authorize_db(db, actor, Action.EVENT_UPDATE, event=event_ref)
    from oaoi_desktop.store.blobs import blob_store_for

    logo_sha = None
    if logo is not None:
        logo = Path(logo)
        try:
            data = logo.read_bytes()
        except OSError as exc:
            raise ValidationError("documents.logo_unreadable", path=str(logo), reason=exc.strerror or str(exc)) from exc
        if len(data) > MAX_LOGO_BYTES or not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
            raise ValidationError("documents.logo_unreadable", path=str(logo), reason="PNG/JPEG ≤ 2 MB")
        try:
            from reportlab.lib.utils import ImageReader
            import io

            ImageReader(io.BytesIO(data)).getSize()
        except Exception as exc:  # noqa: BLE001 - any decoder error: the file is not an image we can draw
            raise ValidationError("documents.logo_unreadable", path=str(logo), reason=str(exc)) from exc
    if code is not None:
        code = code.strip()
        if not re.fullmatch(r"[A-Za-z0-9.\-]{1,20}", code):
            raise ValidationError("documents.bad_code", code=code)
    with db.write() as session:
        event = get_event(session, event_ref)
        before = event_snapshot(event)
        settings = dict(event.settings or {})
        head = dict(settings.get("letterhead") or {})
        if logo is not None:
            import io

            logo_sha = blob_store_for(db).put(session, io.BytesIO(data),
                                              "image/png" if data.startswith(b"\x89PNG") else "image/jpeg")
            head["logo_sha256"] = logo_sha
        if lines is not None:
            head["lines"] = [" ".join(x.split()) for x in lines if x.strip()]
        settings["letterhead"] = head
        if code is not None:
            settings["document_code"] = code
        event.settings = settings
        session.flush()
        append(session, actor=actor, action="event.letterhead_set", event_id=event.id, entity_type="event",
               entity_id=event.id, before={"settings": before["settings"]}, after={"settings": settings})
        session.expunge(event)
        return event


def letterhead(db: Any, event: Event) -> Any:
    """The event's :class:`~oaoi_desktop.reports.documents.Letterhead` (organiser and event name by default)."""
    from oaoi_desktop.reports.documents import Letterhead
    from oaoi_desktop.store.blobs import BlobMissing, blob_store_for

    head = (event.settings or {}).get("letterhead") or {}
    lines = tuple(head.get("lines") or [x for x in (event.organiser, event.name) if x])
    logo = None
    sha = head.get("logo_sha256")
    if sha and db is not None:
        try:
            with blob_store_for(db).open(sha) as fh:
                logo = fh.read()
        except (BlobMissing, OSError):
            logo = None
    return Letterhead(lines=lines, logo=logo)


__all__ = ["MAX_LOGO_BYTES", "VOLATILE_DETAILS", "audit_head", "document_code", "document_year", "issued_documents",
           "letterhead", "register", "set_letterhead"]
