"""Purge with a destruction record (issue 17): a finalised event's dossier content goes, results stay.

**When.**  Only a FINALISED event is purged.  Either the event's retention
period has passed (``settings["retention_days"]``, counted from
``finalised_at``; set with :func:`set_retention`, ``oaoi event update
--retention-days N``), or the secretariat decides earlier and gives a reason.
An event without a retention period is purged only on such a reasoned decision.

**What goes** (the personal data of innovators and contacts):

* every ``DossierRevision.content`` of the event: replaced by the marker
  ``{"purged": true, "sha256": <the content's SHA-256>}``; the revision's
  ``sha256`` stays, its ``source`` (a folder or file name) is emptied;
* every attachment row of the event and the bytes of its blob (``Blob`` and
  ``BlobChunk`` rows, the file beside a SQLite database, this machine's blob
  cache) — a blob another event's attachment (or a letterhead) still uses stays;
* in the event's audit chain, the keys of dossier import entries that carry
  file and folder names (``source``, ``attachments``): they are *marked*, not
  dropped — the payload keeps ``{"_purged": {"keys": [...], "sha256": ...}}``
  and the entry keeps its stored ``hash`` and ``prev_hash``.

**What stays:** dossier number, title, instansi, unit kerja, klaster,
kelompok, kategori (printed in the signed results), sheets, scores, comments,
plenary records, issued documents and their fingerprints, accounts, every
audit entry with its hash and link.

**The audit chain afterwards.**  A marked entry cannot be re-hashed from its
content.  The purge appends ``event.purged`` (fully hashed like every entry):
it lists each marked entry's ``seq``, stored ``hash`` and the SHA-256 of its
marked content, so ``audit verify`` checks every link, re-hashes every other
entry, and accepts a marked entry only when the purge entry vouches for
exactly that content and hash (``services/audit_verify.check_chain``).

**The record.**  A signed *Berita Acara Pemusnahan Data* (document kind
``purge``, code ``BAPD``, numbered in the event's register like the other
documents; its fingerprint is computed from the ``event.purged`` entry, so
``oaoi verify`` checks it against the chain): who, when, why, the counts,
every removed item with its SHA-256, the audit chain head before and after,
and the backups older than the purge, which still hold the data.

**Physically.**  One transaction; on SQLite with ``PRAGMA secure_delete`` and
a ``VACUUM`` plus a WAL checkpoint after the commit, so the removed text is no
longer in the database file; blob files are deleted after the commit.  On
PostgreSQL the rows change in the transaction; ``VACUUM FULL`` of the tables
is the server operator's job (docs/lan-postgresql.md).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ConflictError, OaoiError, ValidationError
from oaoi_desktop.services.audit import Actor, append, chain_for
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.services.purged import (  # the facts below the documents service (issue 16)
    PURGED_KEY, RETENTION_KEY, parse_time, purge_document_data, purge_state, purged_notice, purged_when,
    purged_when_text, retention_days,
)
from oaoi_desktop.store.models import (
    Attachment,
    AuditEntry,
    AuditHead,
    Blob,
    BlobChunk,
    Dossier,
    DossierRevision,
    Event,
    EventStatus,
    utcnow,
)

log = logging.getLogger(__name__)

PURGE_KIND = "purge"
PURGED_AUDIT_KEYS = ("source", "attachments")
"""Keys of dossier import entries that carry folder and file names (personal data, e.g. "KTP_Rahmat.pdf")."""
DOSSIER_ACTIONS = ("dossier.imported", "dossier.updated", "dossier.added")
MAX_RETENTION_DAYS = 36500


# -- data ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class RemovedItem:
    """One destroyed thing: a revision's content or an attachment's bytes."""

    dossier: str
    kind: str
    """``isi`` (a revision's content) or the attachment's kind (``sk``, ``foto``...)."""
    name: str
    """``revisi N`` or the attachment's path (printed on the Berita Acara only)."""
    sha256: str
    size: int

    def as_dict(self) -> dict[str, Any]:
        return {"dossier": self.dossier, "kind": self.kind, "name": self.name, "sha256": self.sha256,
                "size": self.size}


@dataclass(frozen=True)
class BackupFile:
    """A backup older than the purge: it still holds the purged data."""

    path: str
    modified: _dt.datetime
    """UTC, naive."""
    size: int
    sha256: str
    kind: str
    """``rotating`` (in the data folder's backups/) or ``archive`` (``oaoi backup --out``)."""
    exists: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "modified": self.modified.replace(microsecond=0).isoformat(),
                "size": self.size, "sha256": self.sha256, "kind": self.kind, "exists": self.exists}


@dataclass(frozen=True)
class PurgePlan:
    """What a purge of the event would do now (the dialog and ``--dry-run`` show it)."""

    event_id: uuid.UUID
    event_name: str
    finalised: bool
    finalised_at: _dt.datetime | None
    retention_days: int | None
    due: _dt.datetime | None
    """When the retention period ends (UTC, naive); None without a period or before finalisation."""
    retention_passed: bool
    dossiers: int
    revisions: int
    attachments: int
    blobs: int
    bytes: int
    audit_entries: int
    backups: tuple[BackupFile, ...]
    purged: dict[str, Any] | None = None
    """The earlier purge (``event.settings["purged"]``), if the event is purged already."""

    @property
    def needs_reason(self) -> bool:
        return not self.retention_passed

    @property
    def allowed(self) -> bool:
        return self.finalised and self.purged is None

    def as_dict(self) -> dict[str, Any]:
        return canonical.normalise({
            "event_id": self.event_id, "event": self.event_name, "finalised": self.finalised,
            "finalised_at": self.finalised_at, "retention_days": self.retention_days, "due": self.due,
            "retention_passed": self.retention_passed, "reason_required": self.needs_reason,
            "counts": {"dossiers": self.dossiers, "revisions": self.revisions, "attachments": self.attachments,
                       "blobs": self.blobs, "bytes": self.bytes, "audit_entries": self.audit_entries},
            "backups": [b.as_dict() for b in self.backups], "purged": self.purged,
        })


@dataclass(frozen=True)
class PurgeResult:
    """What :func:`purge_event` did (``done`` False: the event was purged before; nothing changed)."""

    done: bool
    event_id: uuid.UUID
    event_name: str
    at: _dt.datetime
    by: str
    reason: str
    basis: str
    """``retention`` (the period passed) or ``decision`` (earlier, on the secretariat's reasoned decision)."""
    number: str
    pdf: Path | None
    counts: dict[str, int]
    items: tuple[RemovedItem, ...]
    head_before: tuple[int, str]
    head_after: tuple[int, str]
    backups: tuple[BackupFile, ...]
    files_removed: int = 0
    vacuumed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return canonical.normalise({
            "done": self.done, "event_id": self.event_id, "event": self.event_name, "at": self.at, "by": self.by,
            "reason": self.reason, "basis": self.basis, "number": self.number,
            "pdf": str(self.pdf) if self.pdf else None, "counts": self.counts,
            "items": [i.as_dict() for i in self.items],
            "audit_head_before": {"seq": self.head_before[0], "hash": self.head_before[1]},
            "audit_head_after": {"seq": self.head_after[0], "hash": self.head_after[1]},
            "backups": [b.as_dict() for b in self.backups], "files_removed": self.files_removed,
            "vacuumed": self.vacuumed,
        })


# -- retention -------------------------------------------------------------------------------
def set_retention(session: Session, event: Event, days: int | None, *, actor: Actor) -> Event:
    """Set (``None``: clear) the event's retention period in days, counted from its finalisation."""
    authorize(session, actor, Action.EVENT_UPDATE, event=event)
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_RETENTION_DAYS):
        raise ValidationError("purge.bad_retention", value=str(days), maximum=MAX_RETENTION_DAYS)
    before = retention_days(event)
    settings = dict(event.settings or {})
    if days is None:
        settings.pop(RETENTION_KEY, None)
    else:
        settings[RETENTION_KEY] = days
    event.settings = settings
    append(session, actor=actor, action="event.retention_set", event_id=event.id, entity_type="event",
           entity_id=event.id, before={"retention_days": before}, after={"retention_days": days})
    session.flush()
    return event


def _due(event: Event) -> _dt.datetime | None:
    days = retention_days(event)
    if days is None or event.finalised_at is None:
        return None
    return event.finalised_at + _dt.timedelta(days=days)


# -- backups ---------------------------------------------------------------------------------
ARCHIVE_REGISTER = "archives.jsonl"
"""In the data folder's backups/: one line per archive ``oaoi backup`` wrote (path, time, SHA-256)."""


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def older_backups(before: _dt.datetime, folders: Sequence[Path] = ()) -> list[BackupFile]:
    """Backups made before ``before`` (UTC, naive): the rotating copies in the data folder's backups/
    and ``folders``, and every archive the backup register remembers (found or not)."""
    from oaoi_desktop import config

    out: dict[str, BackupFile] = {}
    register = config.backup_dir() / ARCHIVE_REGISTER
    if register.is_file():
        for line in register.read_text("utf-8", errors="replace").splitlines():
            try:
                row = json.loads(line)
                made = _dt.datetime.fromisoformat(str(row["created_at"]).replace("Z", "+00:00"))
            except (ValueError, KeyError, TypeError):
                continue
            made = made.astimezone(_dt.timezone.utc).replace(tzinfo=None) if made.tzinfo else made
            if made >= before:
                continue
            path = Path(str(row.get("path", "")))
            out[str(path)] = BackupFile(str(path), made, int(row.get("size") or 0), str(row.get("sha256") or ""),
                                        "archive", path.is_file())
    for folder in [config.backup_dir(), *map(Path, folders)]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in (".sqlite", ".zip") or not path.is_file() or str(path) in out:
                continue
            stat = path.stat()
            made = _dt.datetime.fromtimestamp(stat.st_mtime, _dt.timezone.utc).replace(tzinfo=None)
            if made >= before:
                continue
            kind = "archive" if path.suffix.lower() == ".zip" else "rotating"
            out[str(path)] = BackupFile(str(path), made, stat.st_size, _sha256_of(path), kind)
    return sorted(out.values(), key=lambda b: (b.modified, b.path))


# -- the plan --------------------------------------------------------------------------------
def _event_dossiers(session: Session, event: Event) -> list[Dossier]:
    return list(session.scalars(select(Dossier).where(Dossier.event_id == event.id).order_by(Dossier.number)))


def _blobs_to_remove(session: Session, event: Event, shas: set[str]) -> set[str]:
    """Of ``shas``, those no other event's attachment and no letterhead uses."""
    if not shas:
        return set()
    others = set(session.scalars(select(Attachment.sha256).join(Dossier, Dossier.id == Attachment.dossier_id)
                                 .where(Dossier.event_id != event.id, Attachment.sha256.in_(sorted(shas)))))
    used_by_settings = {sha for ev in session.scalars(select(Event)) for sha in shas
                        if sha in json.dumps(ev.settings or {}, default=str)}
    stored = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(sorted(shas)))))
    return (stored - others) - used_by_settings


def _audit_entries_to_mark(session: Session, event: Event) -> list[AuditEntry]:
    rows = session.scalars(select(AuditEntry).where(AuditEntry.chain == chain_for(event.id),
                                                    AuditEntry.action.in_(DOSSIER_ACTIONS))
                           .order_by(AuditEntry.seq))
    return [e for e in rows if any(isinstance(p, dict) and any(k in p for k in PURGED_AUDIT_KEYS)
                                   for p in (e.before, e.after))]


def plan(session: Session, event: Event, *, actor: Actor, now: _dt.datetime | None = None,
         backup_folders: Sequence[Path] = ()) -> PurgePlan:
    """What :func:`purge_event` would destroy now, the retention state and the older backups."""
    authorize(session, actor, Action.EVENT_PURGE, event=event)
    now = now or utcnow()
    dossiers = _event_dossiers(session, event)
    ids = [d.id for d in dossiers]
    revisions = list(session.scalars(select(DossierRevision).where(DossierRevision.dossier_id.in_(ids)))) if ids else []
    attachments = list(session.scalars(select(Attachment).where(Attachment.dossier_id.in_(ids)))) if ids else []
    purged = purge_state(event)
    live = [r for r in revisions if not _is_purged_content(r.content)]
    blobs = _blobs_to_remove(session, event, {a.sha256 for a in attachments})
    blob_bytes = sum(session.scalars(select(Blob.size).where(Blob.sha256.in_(sorted(blobs))))) if blobs else 0
    content_bytes = sum(len(canonical.dumps(r.content or {})) for r in live)
    due = _due(event)
    finalised = event.status == EventStatus.FINALISED
    return PurgePlan(
        event_id=event.id, event_name=event.name, finalised=finalised, finalised_at=event.finalised_at,
        retention_days=retention_days(event), due=due, retention_passed=bool(finalised and due and now >= due),
        dossiers=len(dossiers), revisions=len(live), attachments=len(attachments), blobs=len(blobs),
        bytes=blob_bytes + content_bytes, audit_entries=len(_audit_entries_to_mark(session, event)),
        backups=tuple(older_backups(now, backup_folders)), purged=purged,
    )


def _is_purged_content(content: Any) -> bool:
    return isinstance(content, dict) and content.get("purged") is True


def _mark(payload: Any) -> Any:
    """The payload without its personal-data keys, with the mark saying which and their SHA-256."""
    if not isinstance(payload, dict):
        return payload
    removed = {k: payload[k] for k in PURGED_AUDIT_KEYS if k in payload}
    if not removed:
        return payload
    kept = {k: v for k, v in payload.items() if k not in removed}
    from oaoi_desktop.services.audit_verify.chain import MARK_KEY

    kept[MARK_KEY] = {"keys": sorted(removed), "sha256": canonical.sha256_hex(removed)}
    return canonical.normalise(kept)


# -- the purge -------------------------------------------------------------------------------
def purge_event(db: Any, event_ref: str | uuid.UUID, *, actor: Actor, reason: str = "",
                pdf: Path | None = None, folder: Path | None = None, lang: str | None = None,
                now: _dt.datetime | None = None, backup_folders: Sequence[Path] = ()) -> PurgeResult:
    """Purge the event's dossier content and attachments; write the Berita Acara Pemusnahan Data.

    ``pdf`` is the file to write (default: ``folder`` or the current folder,
    named after the document).  One transaction: when anything fails (the PDF
    cannot be written, the database refuses) nothing is purged.  A purged
    event again: nothing changes, ``done`` is False.
    """
    from oaoi_desktop import i18n
    from oaoi_desktop.services import documents
    from oaoi_desktop.services.events import get_event

    lang = lang or i18n.current_language()
    reason = " ".join((reason or "").split())
    removed_shas: set[str] = set()
    written: Path | None = None
    try:
        with db.write() as s:
            if db.is_sqlite:
                s.execute(text("PRAGMA secure_delete = ON"))  # freed pages are overwritten with zeros
            event = get_event(s, str(event_ref))
            s.execute(select(Event.id).where(Event.id == event.id).with_for_update())
            the_plan = plan(s, event, actor=actor, now=now, backup_folders=backup_folders)
            now = now or utcnow()
            if event.status != EventStatus.FINALISED:
                raise ConflictError("purge.not_finalised", event=event.name)
            if the_plan.purged is not None:
                done = the_plan.purged
                # a run killed between its commit and the file removal left attachment files behind:
                # this run removes them (their rows are gone, the record lists them)
                leftover = _leftover_blob_shas(s, event, done)
                again = PurgeResult(False, event.id, event.name, parse_time(done.get("at")), str(done.get("by", "")),
                                    str(done.get("reason", "")), str(done.get("basis", "")), str(done.get("number", "")),
                                    None, dict(done.get("counts") or {}), (), (0, ""), (0, ""), the_plan.backups)
                return replace(again, files_removed=_remove_blob_files(db, leftover))
            if the_plan.needs_reason and not reason:
                if the_plan.due is None:
                    raise ValidationError("purge.reason_required_no_retention", event=event.name)
                from oaoi_desktop.i18n.formats import local_time, zone_of

                raise ValidationError("purge.reason_required", event=event.name,
                                      due=local_time(the_plan.due, zone_of(event)))
            basis = "retention" if the_plan.retention_passed else "decision"
            head = s.get(AuditHead, chain_for(event.id), with_for_update=True)
            head_before = (head.seq, head.hash) if head is not None else (0, "")
            items, removed_shas, counts = _destroy(s, event)
            marked = _mark_entries(s, event)
            counts["audit_marked"] = len(marked)
            record = {
                "at": now.replace(microsecond=0), "by": actor.name, "by_id": actor.user_id, "reason": reason,
                "basis": basis, "retention_days": the_plan.retention_days, "finalised_at": event.finalised_at,
                "counts": counts,
                "items": [{"dossier": i.dossier, "kind": i.kind, "sha256": i.sha256, "size": i.size} for i in items],
                "items_sha256": canonical.sha256_hex([i.as_dict() for i in items]),
                "head_before": {"seq": head_before[0], "hash": head_before[1]},
                "marked": marked,
                "backups": [b.as_dict() for b in the_plan.backups],
            }
            entry = append(s, actor=actor, action="event.purged", event_id=event.id, entity_type="event",
                           entity_id=event.id, after=record)
            ctx = documents.Context(s, event)
            details = {"audit_seq": entry.seq}
            data = purge_document_data(s, event, details)
            fp = documents.fingerprint(ctx, PURGE_KIND, data)
            file_name = f"{documents.CODES[PURGE_KIND]}-{documents.file_slug(documents.document_code(event))}.pdf"
            row = documents.register(ctx, PURGE_KIND, details, fp=fp, file_name=file_name, lang=lang, actor=actor)
            s.flush()
            settings = dict(event.settings or {})
            settings[PURGED_KEY] = canonical.normalise({
                "at": now.replace(microsecond=0), "by": actor.name, "number": row.number, "audit_seq": entry.seq,
                "reason": reason, "basis": basis, "counts": counts})
            event.settings = settings
            append(s, actor=actor, action="documents.issued", event_id=event.id, entity_type="event",
                   entity_id=event.id, after={"documents": [{"number": row.number, "kind": PURGE_KIND,
                                                              "fingerprint": fp}]})
            result = PurgeResult(True, event.id, event.name, now.replace(microsecond=0), actor.name, reason, basis,
                                 row.number, None, counts, tuple(items), head_before, (entry.seq, entry.hash),
                                 the_plan.backups)
            target = Path(pdf) if pdf else Path(folder or ".") / file_name
            doc = _document(s, db, event, result, fp, file_name, lang, now)
            from oaoi_desktop.reports.documents import write_pdf

            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_pdf(doc, target)
            except OaoiError:
                raise
            except OSError as exc:
                raise OaoiError("purge.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from exc
            written = target
    except BaseException:
        if written is not None:  # the PDF of a purge that did not commit is no record of anything
            try:
                written.unlink()
            except OSError:
                pass
        raise
    files_removed = _remove_blob_files(db, removed_shas)
    vacuumed = _vacuum(db)
    return replace(result, pdf=written, files_removed=files_removed, vacuumed=vacuumed)


def _destroy(s: Session, event: Event) -> tuple[list[RemovedItem], set[str], dict[str, int]]:
    dossiers = {d.id: d for d in _event_dossiers(s, event)}
    ids = sorted(dossiers)
    items: list[RemovedItem] = []
    revisions = list(s.scalars(select(DossierRevision).where(DossierRevision.dossier_id.in_(ids))
                               .order_by(DossierRevision.dossier_id, DossierRevision.revision))) if ids else []
    content_bytes = 0
    n_revisions = 0
    for rev in sorted(revisions, key=lambda r: (dossiers[r.dossier_id].number, r.revision)):
        if _is_purged_content(rev.content):
            continue
        size = len(canonical.dumps(rev.content or {}))
        content_bytes += size
        n_revisions += 1
        items.append(RemovedItem(dossiers[rev.dossier_id].number, "isi", f"revisi {rev.revision}", rev.sha256, size))
        rev.content = {"purged": True, "sha256": rev.sha256}
        rev.source = ""
    attachments = list(s.scalars(select(Attachment).where(Attachment.dossier_id.in_(ids)))) if ids else []
    for a in sorted(attachments, key=lambda a: (dossiers[a.dossier_id].number, a.revision, a.path)):
        items.append(RemovedItem(dossiers[a.dossier_id].number, a.kind or "lainnya", a.path, a.sha256, a.size or 0))
    blobs = _blobs_to_remove(s, event, {a.sha256 for a in attachments})
    blob_bytes = sum(s.scalars(select(Blob.size).where(Blob.sha256.in_(sorted(blobs))))) if blobs else 0
    if ids:
        s.execute(delete(Attachment).where(Attachment.dossier_id.in_(ids)))
    for chunk in [sorted(blobs)[i:i + 500] for i in range(0, len(blobs), 500)]:
        s.execute(delete(BlobChunk).where(BlobChunk.sha256.in_(chunk)))
        s.execute(delete(Blob).where(Blob.sha256.in_(chunk)))
    s.flush()
    counts = {"dossiers": len(dossiers), "revisions": n_revisions, "attachments": len(attachments),
              "blobs": len(blobs), "bytes": content_bytes + blob_bytes}
    return items, blobs, counts


def _mark_entries(s: Session, event: Event) -> list[dict[str, Any]]:
    from oaoi_desktop.services.audit_verify.chain import entry_record, record_hash

    marked = []
    for entry in _audit_entries_to_mark(s, event):
        entry.before = _mark(entry.before)
        entry.after = _mark(entry.after)
        marked.append({"seq": entry.seq, "hash": entry.hash, "marked_sha256": record_hash(entry_record(entry))})
    s.flush()
    return marked


def _leftover_blob_shas(s: Session, event: Event, done: dict[str, Any]) -> set[str]:
    """The attachments' blobs the purge record lists whose rows are gone (their files may not be)."""
    entry = s.scalar(select(AuditEntry).where(AuditEntry.chain == chain_for(event.id),
                                              AuditEntry.seq == done.get("audit_seq")))
    items = ((entry.after or {}).get("items") or []) if entry is not None else []
    shas = {str(i["sha256"]) for i in items
            if isinstance(i, dict) and i.get("kind") != "isi" and isinstance(i.get("sha256"), str)}
    if not shas:
        return set()
    return shas - set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(sorted(shas)))))


def _remove_blob_files(db: Any, shas: set[str]) -> int:
    """After the commit: the files of the removed blobs (beside SQLite) and this machine's cached copies."""
    from oaoi_desktop.store.blobs import DatabaseBlobStore, FileBlobStore, blob_store_for

    if not shas:
        return 0
    store = blob_store_for(db)
    removed = 0
    for sha in sorted(shas):
        try:
            path = store.path_for(sha) if isinstance(store, FileBlobStore) else \
                store.cache_path(sha) if isinstance(store, DatabaseBlobStore) else None
        except Exception:  # noqa: BLE001 - a malformed name: nothing stored under it
            continue
        if path is None:
            continue
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not remove %s after the purge: %s", path, exc)
    return removed


def _vacuum(db: Any) -> bool:
    """SQLite: rebuild the file (VACUUM) and empty the WAL, so no freed page keeps the old text."""
    if not db.is_sqlite or db.sqlite_path is None:
        return False
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA secure_delete = ON")
        cur.execute("VACUUM")
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.close()
        return True
    except Exception as exc:  # noqa: BLE001 - the purge is committed; say so in the log
        log.warning("VACUUM after the purge failed: %s", exc)
        return False
    finally:
        raw.close()


# -- the document ----------------------------------------------------------------------------
def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def _document(s: Session, db: Any, event: Event, result: PurgeResult, fp: str, file_name: str, lang: str,
              now: _dt.datetime) -> Any:
    from oaoi_desktop import i18n
    from oaoi_desktop.i18n.formats import local_time, zone_of
    from oaoi_desktop.reports.documents import Document, Heading, KeyValues, Para, TableBlock
    from oaoi_desktop.services import documents
    from oaoi_desktop.services.documents.content import signer

    def t(mid: str, **kw: Any) -> str:
        return i18n.render(mid, lang, **kw)

    zone = zone_of(event)
    c = result.counts
    basis = (t("purge.pdf.basis_retention", days=retention_days(event) or 0)
             if result.basis == "retention" else t("purge.pdf.basis_decision", reason=result.reason))
    body: list[Any] = [
        Para(t("purge.pdf.opening", when=local_time(now, zone), event=event.name, by=result.by)),
        KeyValues((
            (t("purge.pdf.event"), event.name),
            (t("purge.pdf.when"), local_time(now, zone)),
            (t("purge.pdf.by"), result.by),
            (t("purge.pdf.basis"), basis),
            (t("purge.pdf.finalised"), local_time(event.finalised_at, zone) if event.finalised_at else "-"),
            (t("purge.pdf.counts"), t("purge.pdf.counts_text", dossiers=c["dossiers"], revisions=c["revisions"],
                                      attachments=c["attachments"], blobs=c["blobs"], bytes=_size(c["bytes"]),
                                      marked=c.get("audit_marked", 0))),
            (t("purge.pdf.head_before"), f"{result.head_before[0]}:{result.head_before[1]}"),
            (t("purge.pdf.head_after"), f"{result.head_after[0]}:{result.head_after[1]}"),
        )),
        Para(t("purge.pdf.kept")),
        Heading(t("purge.pdf.items_heading")),
    ]
    rows = tuple((str(i + 1), it.dossier, it.kind, it.name, it.sha256) for i, it in enumerate(result.items))
    body.append(TableBlock(header=(t("purge.pdf.col.no"), t("purge.pdf.col.dossier"), t("purge.pdf.col.kind"),
                                   t("purge.pdf.col.name"), t("purge.pdf.col.sha256")),
                           rows=rows or (("-", "-", "-", "-", "-"),), widths=(0.05, 0.15, 0.1, 0.25, 0.45),
                           align=("R", "L", "L", "L", "L"), wrap=(3,), font_size=6))
    body.append(Heading(t("purge.pdf.backups_heading")))
    if result.backups:
        body.append(Para(t("purge.pdf.backups_request", count=len(result.backups))))
        for i, b in enumerate(result.backups, 1):  # paragraphs: a long path wraps, a table cell would not
            body.append(Para(f"{i}. {b.path} \u2014 {local_time(b.modified, zone)} \u2014 SHA-256 {b.sha256 or '-'}",
                             style="small"))
    else:
        body.append(Para(t("purge.pdf.no_backups")))
    signers = tuple(signer(u, lang) for u in documents.Context(s, event).chairs())
    return Document(
        kind=PURGE_KIND, number=result.number, lang=lang, paper="a4", event_id=str(event.id), event_name=event.name,
        title=t("documents.title.purge"), subtitle=event.name, fingerprint=fp, rubric_sha256=documents.Context(
            s, event).rubric_sha256, generated_at=now, file_name=file_name, letterhead=documents.letterhead(db, event),
        body=tuple(body), signers=signers, signature_intro=t("purge.pdf.signature_intro"),
        audit=result.head_after, timezone=zone)


__all__ = [
    "BackupFile", "PurgePlan", "PurgeResult", "RemovedItem", "older_backups", "plan", "purge_event",
    "purge_document_data", "purge_state", "purged_notice", "purged_when", "purged_when_text", "retention_days", "set_retention",
]
