"""Writing a judge's panel package (the secretariat's laptop).

See :mod:`oaoi_desktop.services.exchange.packages` for the format and the write order.
"""

from __future__ import annotations

import json
import os
import re
import threading
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop import config
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import NotFoundError, OaoiError, ValidationError
from oaoi_desktop.files import fsync_dir, write_atomically
from oaoi_desktop.services import accounts, events
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.exchange import crypto, entries, lineage, unlocks
from oaoi_desktop.store.blobs import BlobMissing, blob_store_for
from oaoi_desktop.store.models import (
    Assignment,
    Attachment,
    ConflictDeclaration,
    Dossier,
    DossierRevision,
    Event,
    EventAuthority,
    IntegrityDeclaration,
    JudgeCredential,
    PanelPackage,
    RubricVersion,
    ScoreSheet,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize_db
from oaoi_desktop.services.exchange.packages.common import (
    FORMAT,
    FORMAT_VERSION,
    HEADER,
    OBJECT_NAME,
    OBJECTS,
    Cancelled,
    PackageExport,
    Progress,
    b64,
    check_passphrase,
    find_header,
    fsync_all,
    object_path,
    open_package,
    sealed_size,
    write_temp,
)


# -- export ----------------------------------------------------------------------------------
def _event_doc(event: Event) -> dict[str, Any]:
    return {
        "id": event.id, "name": event.name, "organiser": event.organiser, "venue": event.venue,
        "starts_on": event.starts_on, "ends_on": event.ends_on, "status": event.status.value,
        "blind_mode": event.blind_mode, "recusal_level": event.recusal_level.value,
        "settings": event.settings or {}, "created_at": event.created_at,
        "created_on_device": event.created_on_device,
    }


def _judge_doc(judge: User) -> dict[str, Any]:
    return {
        "id": judge.id, "name": judge.name, "nip": judge.nip, "instansi": judge.instansi,
        "unit_kerja": judge.unit_kerja, "role": judge.role.value, "credential_hash": judge.credential_hash,
        "recovery_hash": judge.recovery_hash, "active": judge.active, "created_at": judge.created_at,
    }


def _check_judge_passphrase(session: Session, event: Event, judge: User, passphrase: str) -> JudgeCredential | None:
    from oaoi_desktop.signing import pki

    credential = pki.active_credential(session, event.id, judge.id)
    if credential is not None:
        try:
            pki.signer_from_credential(credential, passphrase, judge.name)
        except OaoiError:
            raise ValidationError("exchange.passphrase_not_judges", judge=judge.name) from None
    return credential


def build_manifest(session: Session, event: Event, judge: User, passphrase: str, *,
                   ca_passphrase: str | None = None) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    """The manifest (without ``files``' object names) and the attachments to copy (sha256, size).

    Sheets the secretariat unlocked travel with a grant signed by the event's authority
    (``unlocks.py``): then ``ca_passphrase`` is needed (``exchange.package_needs_ca_passphrase``)."""
    if judge.event_id != event.id or not judge.role.is_judge:
        raise NotFoundError("accounts.judge_not_found", judge=judge.name, event=event.name)
    credential = _check_judge_passphrase(session, event, judge, passphrase)
    version = session.get(RubricVersion, event.rubric_version_id)
    assert version is not None
    assignment_rows = session.scalars(
        select(Assignment).where(Assignment.event_id == event.id, Assignment.judge_id == judge.id)
        .order_by(Assignment.created_at, Assignment.id)
    ).all()
    dossier_ids = sorted({a.dossier_id for a in assignment_rows}, key=str)
    dossier_rows = session.scalars(select(Dossier).where(Dossier.id.in_(dossier_ids))).all() if dossier_ids else []
    revisions: dict[uuid.UUID, list[DossierRevision]] = {}
    attachments: dict[uuid.UUID, list[Attachment]] = {}
    if dossier_ids:
        for rev in session.scalars(select(DossierRevision).where(DossierRevision.dossier_id.in_(dossier_ids))
                                   .order_by(DossierRevision.revision)):
            revisions.setdefault(rev.dossier_id, []).append(rev)
        for att in session.scalars(select(Attachment).where(Attachment.dossier_id.in_(dossier_ids))
                                   .order_by(Attachment.path)):
            attachments.setdefault(att.dossier_id, []).append(att)
    files: dict[str, int] = {}
    dossier_docs = []
    numbers: dict[uuid.UUID, str] = {}
    for d in sorted(dossier_rows, key=lambda x: x.number):
        numbers[d.id] = d.number
        current = [a for a in attachments.get(d.id, []) if a.revision == d.current_revision]
        for a in current:
            files[a.sha256] = a.size
        dossier_docs.append({
            "id": d.id, "number": d.number, "title": d.title, "instansi": d.instansi, "unit_kerja": d.unit_kerja,
            "klaster": d.klaster, "kelompok": d.kelompok, "kategori": d.kategori,
            "current_revision": d.current_revision, "created_at": d.created_at,
            "calibration": bool(d.calibration),  # issue 17: the judge's queue marks it on their laptop too
            "revisions": [{"id": r.id, "revision": r.revision, "content": r.content or {}, "sha256": r.sha256,
                           "source": r.source, "imported_at": r.imported_at} for r in revisions.get(d.id, [])],
            "attachments": [{"id": a.id, "revision": a.revision, "path": a.path, "kind": a.kind, "title": a.title,
                             "media_type": a.media_type, "size": a.size, "sha256": a.sha256} for a in current],
        })
    sheets = session.scalars(select(ScoreSheet).where(ScoreSheet.event_id == event.id,
                                                      ScoreSheet.judge_id == judge.id)).all()
    rows = lineage.lineages(session, event.id, judge.id)
    sheet_docs = [entries.entry_of(s, rows.get(lineage.key_of(s)), numbers.get(s.dossier_id, ""))
                  for s in sorted(sheets, key=lambda x: (numbers.get(x.dossier_id, ""), x.stage_id))]
    integrity = session.scalars(select(IntegrityDeclaration).where(
        IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id)).all()
    conflicts = session.scalars(select(ConflictDeclaration).where(
        ConflictDeclaration.event_id == event.id, ConflictDeclaration.judge_id == judge.id)).all()
    authority = session.scalar(select(EventAuthority).where(EventAuthority.event_id == event.id))
    generation = (session.scalar(select(func.max(PanelPackage.generation)).where(
        PanelPackage.event_id == event.id, PanelPackage.judge_id == judge.id,
        PanelPackage.direction == "exported")) or 0) + 1
    manifest: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "package_id": uuid.uuid4(), "generation": generation,
        "created_at": utcnow(), "created_on_device": config.device_id(),
        "event": _event_doc(event),
        "rubric": {"id": version.id, "rubric_key": version.rubric_key, "version": version.version,
                   "title": version.title, "document": version.document, "sha256": version.sha256,
                   "source_name": version.source_name},
        "judge": _judge_doc(judge),
        "dossiers": dossier_docs,
        "assignments": [{"id": a.id, "dossier_id": a.dossier_id, "stage_id": a.stage_id, "created_at": a.created_at}
                        for a in assignment_rows],
        "integrity_declarations": [{"id": i.id, "statement_sha256": i.statement_sha256,
                                    "declared_at": i.declared_at} for i in integrity],
        "conflict_declarations": [{"id": c.id, "dossier_id": c.dossier_id, "reason": c.reason,
                                   "declared_at": c.declared_at} for c in conflicts],
        "sheets": sheet_docs,
        "credential": None if credential is None else {
            "id": credential.id, "source": credential.source, "subject": credential.subject,
            "issuer": credential.issuer, "serial": credential.serial, "certificate_pem": credential.certificate_pem,
            "chain_pem": credential.chain_pem, "pkcs12": b64(credential.pkcs12),
            "fingerprint": credential.fingerprint, "not_after": credential.not_after,
            "created_at": credential.created_at,
        },
        "authority": None if authority is None else {
            "id": authority.id, "subject": authority.subject, "certificate_pem": authority.certificate_pem,
            "fingerprint": authority.fingerprint, "created_at": authority.created_at,
        },
    }
    manifest["unlocks"] = unlocks.sign_grants(session, event, judge, unlocks.unlocked_sheets(session, event, judge),
                                              package_id=manifest["package_id"], generation=generation,
                                              ca_passphrase=ca_passphrase)
    return manifest, sorted(files.items())


def _reusable_keys(out_dir: Path, passphrase: str, event_id: uuid.UUID,
                   judge_id: uuid.UUID) -> tuple[bytes, crypto.Keys] | None:
    """The salt and keys of a package for the same judge already in ``out_dir`` that this passphrase opens."""
    if find_header(out_dir) is None:
        return None
    try:
        opened = open_package(out_dir, passphrase)
    except OaoiError:
        return None
    m = opened.manifest
    if str((m.get("event") or {}).get("id")) == str(event_id) and str((m.get("judge") or {}).get("id")) == str(judge_id):
        return opened.salt, opened.keys
    return None


def _rewrap_weak_credential(db: Any, event_ref: str, judge_ref: str, passphrase: str, actor: Actor) -> None:
    """A judge's PKCS#12 stored with weak parameters is re-wrapped before it travels in a package
    (``key.rewrapped``); a wrong passphrase is left for :func:`build_manifest` to report."""
    from oaoi_desktop.services.keys import rewrap_credential
    from oaoi_desktop.signing import pki

    with db.write() as s:
        event = events.get_event(s, event_ref)
        judge = accounts.find_judge(s, event, judge_ref)
        if pki.credential_is_weak(s, event.id, judge.id):
            try:
                with s.begin_nested():
                    rewrap_credential(s, event.id, judge.id, passphrase, actor)
            except OaoiError:
                pass


def export_package(
    db: Any, event_ref: str, judge_ref: str, out_dir: Path | str, passphrase: str, *, actor: Actor,
    progress: Progress | None = None, cancel: threading.Event | None = None, sync: bool = True,
    ca_passphrase: str | None = None,
) -> PackageExport:
    """Write the panel package for one judge into ``out_dir`` (see the module docstring).

    ``ca_passphrase`` (the event authority's) signs the list of sheets the secretariat unlocked;
    it is needed only when there are some."""
    authorize_db(db, actor, Action.PACKAGE_EXPORT, event=event_ref)
    check_passphrase(passphrase)
    out_dir = Path(out_dir)
    _rewrap_weak_credential(db, event_ref, judge_ref, passphrase, actor)
    with db.read() as s:
        event = events.get_event(s, event_ref)
        judge = accounts.find_judge(s, event, judge_ref)
        manifest, files = build_manifest(s, event, judge, passphrase, ca_passphrase=ca_passphrase)
        event_id, judge_id, event_name, judge_name = event.id, judge.id, event.name, judge.name
    if out_dir.exists() and not out_dir.is_dir():
        raise ValidationError("exchange.out_not_folder", path=str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError("exchange.cannot_write", path=str(out_dir), reason=exc.strerror or str(exc)) from exc
    reused_keys = _reusable_keys(out_dir, passphrase, event_id, judge_id)
    if reused_keys is not None:
        salt, keys = reused_keys
    else:
        salt = os.urandom(crypto.SALT_BYTES)
        keys = crypto.derive_keys(passphrase, salt)
    store = blob_store_for(db)
    total = sum(size for _sha, size in files)
    done = 0
    written = reused = 0
    try:
        (out_dir / OBJECTS).mkdir(exist_ok=True)
    except OSError as exc:
        raise ValidationError("exchange.cannot_write", path=str(out_dir), reason=exc.strerror or str(exc)) from exc
    file_docs = []
    fresh: list[tuple[Path, Path]] = []
    keep: set[str] = set()
    try:
        for sha, size in files:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            name = crypto.object_name(keys, sha)
            keep.add(name)
            file_docs.append({"sha256": sha, "size": size, "object": name})
            target = object_path(out_dir, name)
            if target.is_file() and target.stat().st_size == sealed_size(size):
                reused += size
                done += size
                if progress is not None:
                    progress(done, total)
                continue
            try:
                source = store.open(sha)
            except (BlobMissing, OSError):
                raise ValidationError("exchange.attachment_missing", sha256=sha) from None

            def on_bytes(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, total)

            with source:
                temp = write_temp(target, lambda fh, src=source, nm=name: crypto.encrypt_stream(keys, nm, src, fh,
                                                                                                  on_bytes))
            fresh.append((temp, target))
            written += size
        # Durable before they get their names, then renamed; all before the manifest and header name them.
        if sync:
            fsync_all([temp for temp, _t in fresh])
        for temp, target in fresh:
            os.replace(temp, target)
        fresh.clear()
        if sync:
            fsync_dir(out_dir / OBJECTS)
        manifest["files"] = file_docs
        manifest_name = crypto.object_name(keys, f"manifest-{manifest['package_id']}")
        keep.add(manifest_name)
        sealed = crypto.encrypt_bytes(keys, manifest_name, canonical.dumps(manifest))
        write_atomically(object_path(out_dir, manifest_name), sealed)
        header = {"format": FORMAT, "format_version": FORMAT_VERSION, "manifest": manifest_name,
                  "kdf": {"name": "scrypt", "salt": b64(salt), "n": crypto.SCRYPT_N, "r": crypto.SCRYPT_R,
                          "p": crypto.SCRYPT_P}}
        write_atomically(out_dir / HEADER, json.dumps(header, indent=2, sort_keys=True).encode("utf-8") + b"\n")
    except OSError as exc:
        raise ValidationError("exchange.cannot_write", path=str(out_dir), reason=exc.strerror or str(exc)) from exc
    finally:
        for temp, _target in fresh:  # cancelled or failed: no stray temporary files
            try:
                temp.unlink()
            except OSError:
                pass
    _remove_unreferenced(out_dir, keep)
    with db.write() as s:
        s.add(PanelPackage(id=uuid.uuid4(), package_id=manifest["package_id"], event_id=event_id, judge_id=judge_id,
                           direction="exported", generation=manifest["generation"], by=actor.name,
                           details={"dossiers": len(manifest["dossiers"]), "files": len(files), "bytes": total,
                                    "sheets": len(manifest["sheets"])}))
        rows = lineage.lineages(s, event_id, judge_id)
        for doc in manifest["sheets"]:
            key = (doc["dossier_id"], doc["judge_id"], doc["stage_id"])
            lineage.record(s, rows, key, event_id, doc["version_hash"], doc["ancestors"])
        append(s, actor=actor, action="package.exported", event_id=event_id, entity_type="user", entity_id=judge_id,
               after={"package_id": manifest["package_id"], "generation": manifest["generation"],
                      "judge": judge_name, "dossiers": len(manifest["dossiers"]), "files": len(files),
                      "bytes": total, "sheets": len(manifest["sheets"]),
                      "credential": (manifest["credential"] or {}).get("fingerprint"),
                      "unlocks": [{"dossier_id": g["dossier_id"], "stage_id": g["stage_id"],
                                   "unlock_seq": g["unlock_seq"]}
                                  for g in (json.loads(manifest["unlocks"]["payload"])["unlocks"]
                                            if manifest.get("unlocks") else [])]})
    return PackageExport(out_dir=out_dir, package_id=manifest["package_id"], generation=manifest["generation"],
                         event_name=event_name, judge_name=judge_name, dossiers=len(manifest["dossiers"]),
                         files=len(files), bytes_written=written, bytes_reused=reused,
                         sheets=len(manifest["sheets"]))


def _remove_unreferenced(out_dir: Path, keep: set[str]) -> None:
    objects = out_dir / OBJECTS
    if not objects.is_dir():
        return
    for entry in objects.iterdir():
        if OBJECT_NAME.fullmatch(entry.name) and entry.name not in keep:
            try:
                entry.unlink()
            except OSError:
                pass
