"""Dossiers (Proposal inovasi) of an event.

The USB import (``intake/`` and ``services/imports.py``) builds on
:func:`add_dossier`; here a dossier is added from already-validated fields.

Below that: the dossier reader's data (:func:`dossier_view`, a plain
:class:`DossierView` per revision), the attachments' bytes for the viewer
(:func:`attachment_local_path`, :func:`open_attachment`), and what a judge
needs to see that a dossier changed after they scored it
(:func:`changed_since_scored`, :func:`changed_for_judge`,
:func:`compare_revisions`).
"""

from __future__ import annotations

import datetime as _dt
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.domain import identity
from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.intake.document import default_section_title, default_word_limit
from oaoi_desktop.intake.words import count_words
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.store.blobs import BlobMissing, blob_store_for
from oaoi_desktop.store.models import Attachment, Dossier, DossierRevision, Event, ScoreSheet, User
from oaoi_desktop.services.policy import Action, authorize

KLASTER = ("kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd", "opd")
KELOMPOK = ("umum", "replikasi", "khusus")
GROUPABLE_FIELDS = ("kategori", "kelompok", "klaster", "instansi", "unit_kerja")


def dossier_snapshot(d: Dossier) -> dict[str, Any]:
    return {
        "id": d.id,
        "number": d.number,
        "title": d.title,
        "instansi": d.instansi,
        "unit_kerja": d.unit_kerja,
        "klaster": d.klaster,
        "kelompok": d.kelompok,
        "kategori": d.kategori,
        "revision": d.current_revision,
        "calibration": bool(d.calibration),
    }


def add_dossier(
    session: Session,
    event: Event,
    *,
    number: str,
    title: str,
    actor: Actor,
    instansi: str = "",
    unit_kerja: str = "",
    klaster: str = "",
    kelompok: str = "",
    kategori: str = "",
    content: dict[str, Any] | None = None,
    source: str = "",
    audit: bool = True,
) -> Dossier:
    authorize(session, actor, Action.DOSSIER_ADD, event=event)
    if not (number or "").strip():
        raise ValidationError("dossier.number_required")
    number = identity.dossier_number(number, "number")
    title = identity.clean(title, "title")
    instansi = identity.clean(instansi, "instansi")
    unit_kerja = identity.clean(unit_kerja, "unit_kerja")
    kategori = identity.clean(kategori, "kategori")
    if not title:
        raise ValidationError("dossier.title_required", number=number)
    if klaster and klaster not in KLASTER:
        raise ValidationError("dossier.bad_klaster", number=number, value=klaster, allowed=", ".join(KLASTER))
    if kelompok and kelompok not in KELOMPOK:
        raise ValidationError("dossier.bad_kelompok", number=number, value=kelompok, allowed=", ".join(KELOMPOK))
    if session.scalar(select(Dossier.id).where(Dossier.event_id == event.id, Dossier.number == number)):
        raise ConflictError("dossier.duplicate_number", number=number, event=event.name)
    dossier = Dossier(
        id=uuid.uuid4(),
        event_id=event.id,
        number=number,
        title=title,
        instansi=" ".join(instansi.split()),
        unit_kerja=" ".join(unit_kerja.split()),
        klaster=klaster,
        kelompok=kelompok,
        kategori=" ".join(kategori.split()),
        current_revision=1,
    )
    session.add(dossier)
    body = content or {}
    session.add(
        DossierRevision(
            id=uuid.uuid4(),
            dossier=dossier,
            revision=1,
            content=canonical.normalise(body),
            sha256=canonical.sha256_hex(body),
            source=source,
        )
    )
    session.flush()
    if audit:
        append(session, actor=actor, action="dossier.added", event_id=event.id,
               entity_type="dossier", entity_id=dossier.id, after=dossier_snapshot(dossier))
    return dossier


def get_dossier(session: Session, event: Event, ref: str) -> Dossier:
    """A dossier of ``event`` by id or by its proposal number."""
    ref = (ref or "").strip()
    dossier: Dossier | None = None
    try:
        dossier = session.get(Dossier, uuid.UUID(ref))
    except ValueError:
        dossier = None
    if dossier is None or dossier.event_id != event.id:
        dossier = session.scalar(select(Dossier).where(Dossier.event_id == event.id, Dossier.number == ref))
    if dossier is None:
        raise NotFoundError("dossier.not_found", dossier=ref, event=event.name)
    return dossier


def list_dossiers(session: Session, event: Event, *, actor: Actor) -> list[Dossier]:
    authorize(session, actor, Action.DOSSIER_READ_ANY, event=event)
    return list(session.scalars(select(Dossier).where(Dossier.event_id == event.id).order_by(Dossier.number)))


def attachment_counts(session: Session, event: Event) -> dict[uuid.UUID, int]:
    """Dossier id → number of attachments of its current revision (absent: none)."""
    from sqlalchemy import func

    stmt = (
        select(Attachment.dossier_id, func.count())
        .join(Dossier, (Dossier.id == Attachment.dossier_id) & (Dossier.current_revision == Attachment.revision))
        .where(Dossier.event_id == event.id)
        .group_by(Attachment.dossier_id)
    )
    return {dossier_id: n for dossier_id, n in session.execute(stmt)}


# -- revisions, the reader, and "changed since you scored it" --------------------
# (The USB import that creates revisions is services/imports.py.)


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    path: str
    kind: str
    title: str
    """As given in dossier.json; the file name when none was given."""
    media_type: str
    size: int
    sha256: str

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"

    @property
    def is_image(self) -> bool:
        return self.media_type in ("image/jpeg", "image/png")


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str
    text: str
    word_limit: int | None
    """From dossier.json, else the SiNovik default for the key, else None."""
    words: int
    over_limit: bool
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class Contact:
    name: str = ""
    position: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class RevisionInfo:
    revision: int
    imported_at: _dt.datetime
    source: str
    sha256: str


@dataclass(frozen=True)
class DossierView:
    """Everything the dossier reader shows for one revision (plain data)."""

    dossier_id: uuid.UUID
    event_id: uuid.UUID
    number: str
    title: str
    instansi: str
    unit_kerja: str
    klaster: str
    kelompok: str
    kategori: str
    innovators: tuple[str, ...]
    contact: Contact
    started_on: _dt.date | None
    age_months: int | None
    """Full months from ``started_on`` to the reference date (never negative)."""
    sdgs: tuple[int, ...]
    is_digital: bool | None
    video_url: str
    previous_finalist: bool | None
    sections: tuple[SectionView, ...]
    attachments: tuple[AttachmentView, ...]
    revision: int
    """The revision shown."""
    current_revision: int
    revisions: tuple[RevisionInfo, ...]
    """Every revision, oldest first."""
    purged_notice: str = ""
    """Set when the content was purged (issue 17, ``services/purge.py``): "Isi proposal telah dimusnahkan
    pada … (Berita Acara Pemusnahan Data No. …)"; the sections and attachments are then empty."""

    @property
    def is_current(self) -> bool:
        return self.revision == self.current_revision


def months_between(start: _dt.date, end: _dt.date) -> int:
    """Full months from ``start`` to ``end`` (0 when ``end`` is not later)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(0, months)


def _attachment_views(session: Session, dossier_id: uuid.UUID, revision: int) -> list[AttachmentView]:
    rows = session.scalars(
        select(Attachment).where(Attachment.dossier_id == dossier_id, Attachment.revision == revision)
    ).all()
    order: dict[str, int] = {}
    views = []
    for a in rows:
        views.append(AttachmentView(a.id, a.path, a.kind, a.title or a.path.rsplit("/", 1)[-1], a.media_type,
                                    a.size, a.sha256))
    rev = session.scalar(select(DossierRevision).where(DossierRevision.dossier_id == dossier_id,
                                                       DossierRevision.revision == revision))
    if rev is not None:
        for i, a in enumerate((rev.content or {}).get("attachments", [])):
            order[a.get("path", "")] = i
    return sorted(views, key=lambda v: (order.get(v.path, len(order)), v.path))


def _list_revisions(session: Session, dossier: Dossier) -> list[RevisionInfo]:
    rows = session.scalars(
        select(DossierRevision).where(DossierRevision.dossier_id == dossier.id).order_by(DossierRevision.revision)
    ).all()
    return [RevisionInfo(r.revision, r.imported_at, r.source, r.sha256) for r in rows]


def dossier_view(
    session: Session,
    dossier: Dossier | uuid.UUID,
    *,
    revision: int | None = None,
    today: _dt.date | None = None,
    lang: str | None = None,
    actor: Actor,
) -> DossierView:
    """The reader's data for ``revision`` (default: the current one) of a dossier.

    ``today`` is the reference date for the innovation's age (default: the
    date today); ``lang`` picks the default section titles (id/en).  ``actor``: the
    secretariat, or a judge the dossier is assigned to (not recused, no declared conflict).
    """
    from oaoi_desktop.services.policy import authorize_dossier_read

    if not isinstance(dossier, Dossier):
        found = session.get(Dossier, dossier)
        if found is None:
            raise NotFoundError("dossier.not_found", dossier=str(dossier), event="-")
        dossier = found
    authorize_dossier_read(session, actor, dossier)
    return dossier_view_unchecked(session, dossier, revision=revision, today=today, lang=lang)


def dossier_view_unchecked(session: Session, dossier: Dossier, *, revision: int | None = None,
                  today: _dt.date | None = None, lang: str | None = None) -> DossierView:
    """:func:`dossier_view` without the check (the judge workspace, after its own)."""
    number = revision or dossier.current_revision
    rev = session.scalar(select(DossierRevision).where(DossierRevision.dossier_id == dossier.id,
                                                       DossierRevision.revision == number))
    if rev is None:
        raise NotFoundError("dossier.revision_not_found", dossier=dossier.number, revision=number)
    from oaoi_desktop import i18n

    lang = lang or i18n.current_language()
    content: dict[str, Any] = rev.content or {}
    attachments = _attachment_views(session, dossier.id, number)
    by_path = {a.path: a for a in attachments}
    sections = []
    for s in content.get("sections", []):
        key = s.get("key", "")
        text = s.get("text", "")
        limit = s.get("word_limit") or default_word_limit(key)
        words = count_words(text)
        sections.append(SectionView(
            key=key, title=s.get("title") or default_section_title(key, lang), text=text, word_limit=limit,
            words=words, over_limit=limit is not None and words > limit,
            attachments=tuple(by_path[p] for p in s.get("attachments", []) if p in by_path),
        ))
    started = None
    if content.get("started_on"):
        try:
            started = _dt.date.fromisoformat(content["started_on"])
        except ValueError:
            started = None
    raw_contact = content.get("contact") or {}
    contact = Contact(**{k: str(raw_contact.get(k, "")) for k in ("name", "position", "email", "phone")})
    return DossierView(
        dossier_id=dossier.id, event_id=dossier.event_id, number=dossier.number,
        title=content.get("title", dossier.title), instansi=content.get("instansi", dossier.instansi),
        unit_kerja=content.get("unit_kerja", dossier.unit_kerja), klaster=content.get("klaster", dossier.klaster),
        kelompok=content.get("kelompok", dossier.kelompok), kategori=content.get("kategori", dossier.kategori),
        innovators=tuple(content.get("innovators", [])), contact=contact, started_on=started,
        age_months=months_between(started, today or _dt.date.today()) if started else None,
        sdgs=tuple(content.get("sdgs", [])), is_digital=content.get("is_digital"),
        video_url=content.get("video_url", ""), previous_finalist=content.get("previous_finalist"),
        sections=tuple(sections), attachments=tuple(attachments), revision=number,
        current_revision=dossier.current_revision, revisions=tuple(_list_revisions(session, dossier)),
        purged_notice=_purged_notice(session, dossier, content, lang),
    )


def _purged_notice(session: Session, dossier: Dossier, content: dict[str, Any], lang: str) -> str:
    if content.get("purged") is not True:
        return ""
    from oaoi_desktop.services.purged import purged_notice

    return purged_notice(session, dossier, lang) or ""


def _attachment_row(session: Session, attachment_id: uuid.UUID) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError("dossier.attachment_not_found", attachment=str(attachment_id))
    return row


def attachment_local_path(db: Any, attachment_id: uuid.UUID, *, actor: Actor) -> Path:
    """A real file holding the attachment (for ``QPdfDocument.load``, images, the OS viewer).

    Beside a SQLite file this is the file in the store itself: open it read-only.
    ``actor`` must be allowed to read the attachment's dossier (see :func:`dossier_view`).
    """
    from oaoi_desktop.services.policy import authorize_dossier_read

    with db.read() as s:
        row = _attachment_row(s, attachment_id)
        dossier = s.get(Dossier, row.dossier_id)
        if dossier is None:
            raise NotFoundError("dossier.attachment_not_found", attachment=str(attachment_id))
        authorize_dossier_read(s, actor, dossier)
        sha, path = row.sha256, row.path
    try:
        return blob_store_for(db).local_path(sha)
    except BlobMissing:
        raise NotFoundError("dossier.attachment_content_missing", path=path) from None


def export_attachment(db: Any, attachment_id: uuid.UUID, folder: Path, *, actor: Actor) -> Path:
    """A copy of the attachment under its own file name in ``folder`` (for the OS viewer).

    Store files are named by their SHA-256 and have no extension, which is
    fine for QtPdf and Qt's image readers (they look at the content) but not
    for "open with the default application" (video).  The copy is written
    to a temporary name and renamed; an existing identical copy is reused.
    """
    import shutil

    source = attachment_local_path(db, attachment_id, actor=actor)  # checks the actor
    with db.read() as s:
        row = _attachment_row(s, attachment_id)
        name, size, sha = row.path.rsplit("/", 1)[-1], row.size, row.sha256
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha[:8]}-{name}"
    if target.is_file() and target.stat().st_size == size:
        return target
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        shutil.copyfile(source, temp)
        os.replace(temp, target)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    return target


def open_attachment(db: Any, attachment_id: uuid.UUID, *, actor: Actor) -> IO[bytes]:
    """The attachment's bytes as a binary stream (close it when done); checked as :func:`attachment_local_path`."""
    return open(attachment_local_path(db, attachment_id, actor=actor), "rb")


def _scored_revisions(session: Session, judge: User, dossier: Dossier) -> dict[str, int]:
    """stage id → the dossier revision the judge's sheet was given to."""
    rows = session.execute(
        select(ScoreSheet.stage_id, ScoreSheet.dossier_revision)
        .where(ScoreSheet.judge_id == judge.id, ScoreSheet.dossier_id == dossier.id)
    ).all()
    return {stage: rev for stage, rev in rows}


def changed_since_scored(session: Session, judge: User, dossier: Dossier, stage_id: str | None = None) -> bool:
    """Has a newer revision of ``dossier`` been imported since ``judge`` scored it?

    False when the judge has no sheet for it (yet).  With ``stage_id``, only
    that stage's sheet counts.
    """
    revs = _scored_revisions(session, judge, dossier)
    if stage_id is not None:
        revs = {k: v for k, v in revs.items() if k == stage_id}
    return any(rev < dossier.current_revision for rev in revs.values())


@dataclass(frozen=True)
class ChangedDossier:
    dossier_id: uuid.UUID
    number: str
    stage_id: str
    scored_revision: int
    current_revision: int


def changed_for_judge(session: Session, event: Event, judge: User) -> dict[uuid.UUID, ChangedDossier]:
    """Every dossier of ``event`` the judge scored that has changed since (for the queue's flag)."""
    rows = session.execute(
        select(Dossier.id, Dossier.number, ScoreSheet.stage_id, ScoreSheet.dossier_revision, Dossier.current_revision)
        .join(ScoreSheet, ScoreSheet.dossier_id == Dossier.id)
        .where(Dossier.event_id == event.id, ScoreSheet.judge_id == judge.id,
               ScoreSheet.dossier_revision < Dossier.current_revision)
    ).all()
    return {d: ChangedDossier(d, n, st, scored, cur) for d, n, st, scored, cur in rows}


@dataclass(frozen=True)
class RevisionChanges:
    """What differs between two revisions of a dossier (for "what changed?")."""

    old: int
    new: int
    fields: tuple[str, ...]
    """Identity/metadata fields whose values differ."""
    sections: tuple[str, ...]
    """Section keys added, removed or with a different text/limit/attachments."""
    attachments_added: tuple[str, ...]
    attachments_removed: tuple[str, ...]
    attachments_changed: tuple[str, ...]
    """Same path, different content."""


def compare_revisions(session: Session, dossier: Dossier, old: int, new: int | None = None, *,
                      actor: Actor) -> RevisionChanges:
    from oaoi_desktop.services.policy import authorize_dossier_read

    authorize_dossier_read(session, actor, dossier)
    new = new or dossier.current_revision

    def content(n: int) -> dict[str, Any]:
        rev = session.scalar(select(DossierRevision).where(DossierRevision.dossier_id == dossier.id,
                                                           DossierRevision.revision == n))
        if rev is None:
            raise NotFoundError("dossier.revision_not_found", dossier=dossier.number, revision=n)
        return rev.content or {}

    a, b = content(old), content(new)
    skip = {"sections", "attachments"}
    fields = tuple(sorted(k for k in set(a) | set(b) if k not in skip and a.get(k) != b.get(k)))
    sa = {s["key"]: s for s in a.get("sections", [])}
    sb = {s["key"]: s for s in b.get("sections", [])}
    sections = tuple(k for k in list(sb) + [k for k in sa if k not in sb] if sa.get(k) != sb.get(k))
    aa = {x["path"]: x.get("sha256") for x in a.get("attachments", [])}
    ab = {x["path"]: x.get("sha256") for x in b.get("attachments", [])}
    return RevisionChanges(
        old=old, new=new, fields=fields, sections=sections,
        attachments_added=tuple(p for p in ab if p not in aa),
        attachments_removed=tuple(p for p in aa if p not in ab),
        attachments_changed=tuple(p for p in ab if p in aa and aa[p] != ab[p]),
    )
