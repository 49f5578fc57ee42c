"""Panel packages: everything one judge needs on their own laptop, encrypted on a USB stick.

Export (:func:`export_package`, the secretariat's laptop) writes into a folder::

    DIR/oaoi-package.json        plain header: format, format_version, the scrypt
                                 salt and parameters, the manifest's object name
    DIR/objects/<name>           encrypted objects (see crypto.py): the manifest
                                 and every attachment, named by an HMAC

The *manifest* (canonical JSON, encrypted) holds the event, its frozen rubric,
the judge's account (with the hash of their PIN, so they sign in as usual),
the dossiers assigned to them with every revision's content and the current
revision's attachment list, the assignments, the judge's declarations and
score sheets, their encrypted PKCS#12 and certificate and the event
authority's certificate (when they exist), ``format_version``, a
``generation`` number and ``files``: the SHA-256, size and object of every
attachment.  Nothing on the stick is readable without the judge's passphrase:
no title, name or agency appears in any file.

Every object is written to a temporary name and renamed; all of them are
fsynced (side by side) before the manifest and the header, which is replaced last, so a stick pulled out mid-export holds the previous package
(or none), never half of one.  Re-exporting into the same folder with the
same passphrase keeps the salt, so unchanged attachments are not written
again; objects no longer named are removed after the header is in place.

Import (:func:`import_package`, the judge's laptop) decrypts and checks every
object against the manifest, then sets up the laptop's database in one
transaction: the judge then signs in and works in the judge workspace as on
the secretariat's laptop.  Applying a later package (new dossiers,
re-assignment) updates what changed and never loses the judge's scores: a
sheet from the package replaces the laptop's only when it descends from it
(``lineage.py``), e.g. a sheet the secretariat unlocked — and a submitted or
locked sheet becomes a draft again only with the unlock signed by the event's
authority (``unlocks.py``; the laptop pins the authority's certificate from
its first package).  The header may only name the scrypt parameters in
:data:`ACCEPTED_KDF`; others are refused before any key is derived.
"""

from __future__ import annotations

import base64
import json
import os
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop import config
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ConflictError, NotFoundError, OaoiError, ValidationError
from oaoi_desktop.files import fsync_dir, write_atomically
from oaoi_desktop.i18n import t
from oaoi_desktop.services import accounts, events
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.exchange import crypto, entries, lineage, unlocks
from oaoi_desktop.store.blobs import BlobMissing, StagedBlob, blob_store_for
from oaoi_desktop.store.models import (
    Assignment,
    Attachment,
    ConflictDeclaration,
    Dossier,
    DossierRevision,
    Event,
    EventAuthority,
    EventStatus,
    IntegrityDeclaration,
    JudgeCredential,
    PanelPackage,
    RecusalLevel,
    Role,
    RubricVersion,
    ScoreSheet,
    SheetStatus,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize_db

FORMAT = "oaoi-panel-package"
FORMAT_VERSION = 1
HEADER = "oaoi-package.json"
OBJECTS = "objects"
MIN_PASSPHRASE = 8
ACCEPTED_KDF = frozenset({(crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P), (2**16, 8, 1), (2**17, 8, 1)})
"""scrypt (n, r, p) a package header may name: what this app writes, and two stronger settings a later
version may write (at most 128 MiB and about a second).  Anything else is refused at once."""
_NAME = re.compile(r"[0-9a-f]{64}")

Progress = Callable[[int, int], None]
"""``progress(bytes_done, bytes_total)``."""


class Cancelled(OaoiError):
    def __init__(self) -> None:
        super().__init__("exchange.cancelled")


@dataclass(frozen=True)
class PackageExport:
    out_dir: Path
    package_id: uuid.UUID
    generation: int
    event_name: str
    judge_name: str
    dossiers: int
    files: int
    bytes_written: int
    bytes_reused: int
    sheets: int


@dataclass
class PackageImport:
    source: Path
    package_id: uuid.UUID
    generation: int
    event_id: uuid.UUID
    event_name: str
    judge_id: uuid.UUID
    judge_name: str
    dossiers_added: int = 0
    dossiers_updated: int = 0
    assignments_added: int = 0
    assignments_removed: int = 0
    files_added: int = 0
    sheets_added: int = 0
    sheets_updated: int = 0
    sheets_kept: int = 0
    """The laptop's own sheet was newer (or diverged): kept, never overwritten."""
    sheets_reopened: int = 0
    """Submitted sheets made drafts again by an unlock the event's authority signed."""
    first_time: bool = True
    notes: list[str] = field(default_factory=list)


# -- helpers -------------------------------------------------------------------------------
def check_passphrase(passphrase: str | None) -> str:
    if not passphrase or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise ValidationError("exchange.passphrase_too_short", min=MIN_PASSPHRASE)
    from oaoi_desktop import passphrase_policy

    passphrase_policy.check_passphrase(passphrase, "passphrase")  # 12 characters or 4 words, not a common one
    return passphrase


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str, source: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError):
        raise ValidationError("exchange.package_damaged", path=source, detail=what) from None


def _write_temp(target: Path, write: Callable[[Any], None]) -> Path:
    """Write to a temporary name beside ``target`` (not yet renamed); removed again on failure."""
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        with open(temp, "wb") as fh:
            write(fh)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    return temp


def _fsync_one(path: Path) -> None:
    with open(path, "r+b") as fh:  # writable: Windows' _commit needs it
        os.fsync(fh.fileno())


def _fsync_all(paths: list[Path]) -> None:
    """fsync many files side by side (the drive's journal commits them together)."""
    if not paths:
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="oaoi-fsync") as pool:
        list(pool.map(_fsync_one, paths))


def _object_path(root: Path, name: str) -> Path:
    return root / OBJECTS / name


def sealed_size(size: int) -> int:
    """Bytes of an object holding ``size`` plaintext bytes."""
    chunks = max(1, -(-size // crypto.CHUNK))
    return len(crypto.MAGIC) + crypto.SALT_BYTES + size + chunks * crypto.TAG


def find_header(path: Path) -> Path | None:
    """The package header at ``path`` (a package folder, or the header file itself), else None."""
    path = Path(path)
    candidate = path if path.is_file() and path.name == HEADER else path / HEADER
    if not candidate.is_file():
        return None
    try:
        if candidate.stat().st_size > 64 * 1024:
            return None
        doc = json.loads(candidate.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return candidate if isinstance(doc, dict) and doc.get("format") == FORMAT else None


def is_panel_package(path: Path | str) -> bool:
    """Is ``path`` a panel package folder (or its header file)?  Cheap; reads only the header."""
    try:
        return find_header(Path(path)) is not None
    except OSError:
        return False


@dataclass(frozen=True)
class OpenedPackage:
    root: Path
    keys: crypto.Keys
    salt: bytes
    manifest: dict[str, Any]


def _read_header(header: Path) -> dict[str, Any]:
    source = str(header.parent)
    try:
        doc = json.loads(header.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        raise ValidationError("exchange.package_damaged", path=source, detail=HEADER) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError("exchange.not_a_package", path=source)
    if doc.get("format_version") != FORMAT_VERSION:
        raise ValidationError("exchange.package_version", path=source, version=doc.get("format_version"),
                              supported=FORMAT_VERSION)
    return doc


def open_package(path: Path | str, passphrase: str) -> OpenedPackage:
    """Decrypt and check a package's manifest (wrong passphrase: ``exchange.wrong_passphrase``)."""
    path = Path(path)
    header_path = find_header(path)
    if header_path is None:
        if not path.exists():
            raise NotFoundError("exchange.no_such_path", path=str(path))
        raise ValidationError("exchange.not_a_package", path=str(path))
    doc = _read_header(header_path)
    root = header_path.parent
    source = str(root)
    kdf = doc.get("kdf") or {}
    try:
        salt = _unb64(kdf.get("salt"), "kdf.salt", source)
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        manifest_name = str(doc["manifest"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError("exchange.package_damaged", path=source, detail="kdf") from None
    if not _NAME.fullmatch(manifest_name):
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest")
    if kdf.get("name") != "scrypt" or (n, r, p) not in ACCEPTED_KDF or isinstance(kdf.get("n"), bool):
        # [issue 13] refused before any work: a header is not trusted to choose how much memory and time to spend
        raise ValidationError("exchange.package_kdf_refused", path=str(header_path), name=str(kdf.get("name")),
                              n=n, r=r, p=p)
    keys = crypto.derive_keys(passphrase, salt, n=n, r=r, p=p)
    target = _object_path(root, manifest_name)
    if not target.is_file():
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest")
    try:
        data = crypto.decrypt_file(keys, manifest_name, target)
    except crypto.DecryptionFailed:
        raise ValidationError("exchange.wrong_passphrase", path=source) from None
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ValidationError("exchange.package_version", path=source, version=manifest.get("format_version"),
                              supported=FORMAT_VERSION)
    return OpenedPackage(root=root, keys=keys, salt=salt, manifest=manifest)


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
            "chain_pem": credential.chain_pem, "pkcs12": _b64(credential.pkcs12),
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
    from oaoi_desktop.signing import pki

    with db.write() as s:
        event = events.get_event(s, event_ref)
        judge = accounts.find_judge(s, event, judge_ref)
        if pki.credential_is_weak(s, event.id, judge.id):
            try:
                with s.begin_nested():
                    pki.rewrap_credential(s, event.id, judge.id, passphrase, actor)
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
            target = _object_path(out_dir, name)
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
                temp = _write_temp(target, lambda fh, src=source, nm=name: crypto.encrypt_stream(keys, nm, src, fh,
                                                                                                  on_bytes))
            fresh.append((temp, target))
            written += size
        # Durable before they get their names, then renamed; all before the manifest and header name them.
        if sync:
            _fsync_all([temp for temp, _t in fresh])
        for temp, target in fresh:
            os.replace(temp, target)
        fresh.clear()
        if sync:
            fsync_dir(out_dir / OBJECTS)
        manifest["files"] = file_docs
        manifest_name = crypto.object_name(keys, f"manifest-{manifest['package_id']}")
        keep.add(manifest_name)
        sealed = crypto.encrypt_bytes(keys, manifest_name, canonical.dumps(manifest))
        write_atomically(_object_path(out_dir, manifest_name), sealed)
        header = {"format": FORMAT, "format_version": FORMAT_VERSION, "manifest": manifest_name,
                  "kdf": {"name": "scrypt", "salt": _b64(salt), "n": crypto.SCRYPT_N, "r": crypto.SCRYPT_R,
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
        if _NAME.fullmatch(entry.name) and entry.name not in keep:
            try:
                entry.unlink()
            except OSError:
                pass


# -- import ------------------------------------------------------------------------------------
def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _time(value: Any) -> Any:
    import datetime as dt

    if value in (None, ""):
        return None
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed.astimezone(dt.timezone.utc).replace(tzinfo=None) if parsed.tzinfo else parsed


def _date(value: Any) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def _stage_files(db: Any, opened: OpenedPackage, progress: Progress | None,
                 cancel: threading.Event | None) -> list[tuple[StagedBlob, str]]:
    """Decrypt every attachment the laptop does not hold yet into the blob store's staging."""
    store = blob_store_for(db)
    media = {a["sha256"]: a.get("media_type", "") for d in opened.manifest.get("dossiers", [])
             for a in d.get("attachments", [])}
    files = opened.manifest.get("files") or []
    total = sum(int(f.get("size", 0)) for f in files)
    done = 0
    staged: list[tuple[StagedBlob, str]] = []
    source = str(opened.root)
    try:
        for f in files:
            sha, size, name = str(f.get("sha256")), int(f.get("size", 0)), str(f.get("object"))
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if store.exists(sha):
                done += size
                if progress is not None:
                    progress(done, total)
                continue
            path = _object_path(opened.root, name)
            if not _NAME.fullmatch(name) or not path.is_file():
                raise ValidationError("exchange.package_damaged", path=source, detail=f"objects/{name}")

            def on_bytes(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, total)

            try:
                with crypto.open_object(opened.keys, name, path) as reader:
                    item = store.stage(reader, on_bytes=on_bytes, cancel=cancel)
            except crypto.DecryptionFailed:
                raise ValidationError("exchange.package_damaged", path=source,
                                      detail=f"objects/{name}") from None
            staged.append((item, media.get(sha, "")))
            if item.sha256 != sha or item.size != size:
                raise ValidationError("exchange.package_damaged", path=source, detail=f"sha256 {sha[:12]}…")
    except BaseException:
        for item, _m in staged:
            store.discard(item)
        raise
    return staged


def import_package(db: Any, path: Path | str, passphrase: str, *, actor: Actor | None = None,
                   progress: Progress | None = None, cancel: threading.Event | None = None) -> PackageImport:
    """Set up (or update) the judge's laptop from a panel package (see the module docstring)."""
    opened = open_package(path, passphrase)
    m = opened.manifest
    source = str(opened.root)
    try:
        event_doc, judge_doc = m["event"], m["judge"]
        event_id, judge_id = _uuid(event_doc["id"]), _uuid(judge_doc["id"])
        package_id, generation = _uuid(m["package_id"]), int(m["generation"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest") from None
    with db.read() as s:
        _refuse_secretariat_event(s, event_id, event_doc.get("name", ""), source)
        last = s.scalar(select(func.max(PanelPackage.generation)).where(
            PanelPackage.event_id == event_id, PanelPackage.judge_id == judge_id,
            PanelPackage.direction == "imported"))
        other = s.scalar(select(PanelPackage).where(PanelPackage.event_id == event_id,
                                                    PanelPackage.direction == "imported",
                                                    PanelPackage.judge_id != judge_id).limit(1))
    if other is not None:
        raise ConflictError("exchange.other_judge_laptop", path=source, event=event_doc.get("name", ""))
    if last is not None and generation < last:
        raise ConflictError("exchange.package_older", path=source, generation=generation, applied=last)
    staged = _stage_files(db, opened, progress, cancel)
    store = blob_store_for(db)
    placed: list[str] = []
    report = PackageImport(source=opened.root, package_id=package_id, generation=generation, event_id=event_id,
                           event_name=str(event_doc.get("name", "")), judge_id=judge_id,
                           judge_name=str(judge_doc.get("name", "")), first_time=last is None)
    actor = actor or Actor(f"package:{judge_doc.get('name', '')}", judge_id)
    try:
        with db.write() as s:
            try:
                _apply(s, m, report)
            except (KeyError, TypeError, ValueError, entries.BadEntry) as exc:
                raise ValidationError("exchange.package_damaged", path=source, detail=str(exc)[:80]) from None
            placed = store.store_all(s, staged)
            report.files_added = len(staged)
            s.add(PanelPackage(id=uuid.uuid4(), package_id=package_id, event_id=event_id, judge_id=judge_id,
                               direction="imported", generation=generation, by=actor.name,
                               details={"dossiers_added": report.dossiers_added,
                                        "dossiers_updated": report.dossiers_updated,
                                        "files_added": report.files_added, "sheets_added": report.sheets_added,
                                        "sheets_updated": report.sheets_updated, "sheets_kept": report.sheets_kept}))
            append(s, actor=actor, action="package.imported", event_id=event_id, entity_type="user",
                   entity_id=judge_id,
                   after={"package_id": package_id, "generation": generation,
                          "exported_on_device": m.get("created_on_device"),
                          "dossiers_added": report.dossiers_added, "dossiers_updated": report.dossiers_updated,
                          "assignments_added": report.assignments_added,
                          "assignments_removed": report.assignments_removed,
                          "files_added": report.files_added, "sheets_added": report.sheets_added,
                          "sheets_updated": report.sheets_updated, "sheets_kept": report.sheets_kept,
                          "sheets_reopened": report.sheets_reopened})
    except BaseException:
        store.forget(placed or store.last_placed)
        for item, _m in staged:
            store.discard(item)
        raise
    store.flush()
    return report


def _refuse_secretariat_event(session: Session, event_id: uuid.UUID, name: str, source: str) -> None:
    """A package is for a judge's laptop: never apply it over the secretariat's own event."""
    if session.get(Event, event_id) is None:
        return
    imported = session.scalar(select(PanelPackage.id).where(PanelPackage.event_id == event_id,
                                                            PanelPackage.direction == "imported").limit(1))
    if imported is None:
        raise ConflictError("exchange.package_on_secretariat", path=source, event=name)


def _apply(s: Session, m: dict[str, Any], report: PackageImport) -> None:
    rubric = m["rubric"]
    version = s.scalar(select(RubricVersion).where(RubricVersion.sha256 == rubric["sha256"]))
    if version is None:
        if canonical.sha256_bytes_hex(str(rubric["document"]).encode("utf-8")) != rubric["sha256"]:
            raise ValueError("rubric.sha256")
        version = RubricVersion(id=_uuid(rubric["id"]), rubric_key=rubric["rubric_key"], version=rubric["version"],
                                title=rubric["title"], document=rubric["document"], sha256=rubric["sha256"],
                                source_name=rubric.get("source_name", ""))
        s.add(version)
        s.flush()
    e = m["event"]
    event_id = _uuid(e["id"])
    event = s.get(Event, event_id)
    if event is None:
        event = Event(id=event_id, rubric_version_id=version.id, created_at=_time(e.get("created_at")),
                      created_on_device=_uuid(e["created_on_device"]) if e.get("created_on_device") else None)
        s.add(event)
    elif event.rubric_version_id != version.id and events.has_scores(s, event):
        raise ConflictError("event.rubric_frozen", event=event.name)
    event.rubric_version_id = version.id
    event.name = e["name"]
    event.organiser = e.get("organiser", "")
    event.venue = e.get("venue", "")
    event.starts_on = _date(e.get("starts_on"))
    event.ends_on = _date(e.get("ends_on"))
    event.status = EventStatus(e.get("status", "active"))
    event.blind_mode = bool(e.get("blind_mode"))
    event.recusal_level = RecusalLevel(e.get("recusal_level", "instansi"))
    event.settings = dict(e.get("settings") or {})
    s.flush()

    j = m["judge"]
    judge_id = _uuid(j["id"])
    if not Role(j["role"]).is_judge:
        # [issue 12] a package sets up a judge's laptop: it never brings a secretariat account
        raise ConflictError("exchange.package_not_a_judge", path=str(report.source), name=str(j.get("name", "")))
    judge = s.get(User, judge_id)
    if judge is None:
        judge = User(id=judge_id, event_id=event_id, state={})
        s.add(judge)
    elif judge.credential_hash != j.get("credential_hash", ""):
        judge.failed_attempts = 0
        judge.locked = False
    judge.name = j["name"]
    judge.nip = j.get("nip", "")
    judge.instansi = j.get("instansi", "")
    judge.unit_kerja = j.get("unit_kerja", "")
    judge.role = Role(j["role"])
    judge.credential_hash = j.get("credential_hash", "")
    judge.recovery_hash = j.get("recovery_hash", "")
    judge.active = bool(j.get("active", True))
    s.flush()

    for d in m["dossiers"]:
        did = _uuid(d["id"])
        row = s.get(Dossier, did)
        if row is None:
            row = Dossier(id=did, event_id=event_id, created_at=_time(d.get("created_at")))
            s.add(row)
            report.dossiers_added += 1
        elif row.current_revision != int(d["current_revision"]) or row.title != d["title"]:
            report.dossiers_updated += 1
        for name in ("number", "title", "instansi", "unit_kerja", "klaster", "kelompok", "kategori"):
            setattr(row, name, d.get(name, ""))
        row.current_revision = int(d["current_revision"])
        row.calibration = bool(d.get("calibration", False))  # older packages: not a calibration proposal
        s.flush()
        have = set(s.scalars(select(DossierRevision.revision).where(DossierRevision.dossier_id == did)))
        for r in d.get("revisions", []):
            if int(r["revision"]) not in have:
                s.add(DossierRevision(id=_uuid(r["id"]), dossier_id=did, revision=int(r["revision"]),
                                      content=r.get("content") or {}, sha256=r["sha256"], source=r.get("source", ""),
                                      imported_at=_time(r.get("imported_at"))))
        have_att = set(s.scalars(select(Attachment.id).where(Attachment.dossier_id == did)))
        for a in d.get("attachments", []):
            if _uuid(a["id"]) not in have_att:
                s.add(Attachment(id=_uuid(a["id"]), dossier_id=did, revision=int(a["revision"]), path=a["path"],
                                 kind=a.get("kind", "lainnya"), title=a.get("title", ""),
                                 media_type=a.get("media_type", ""), size=int(a["size"]), sha256=a["sha256"]))
    s.flush()

    wanted = {(_uuid(a["dossier_id"]), a["stage_id"]): a for a in m["assignments"]}
    current = {(a.dossier_id, a.stage_id): a for a in s.scalars(
        select(Assignment).where(Assignment.event_id == event_id, Assignment.judge_id == judge_id))}
    for key, a in wanted.items():
        if key not in current:
            s.add(Assignment(id=_uuid(a["id"]), event_id=event_id, dossier_id=key[0], judge_id=judge_id,
                             stage_id=key[1], created_at=_time(a.get("created_at"))))
            report.assignments_added += 1
    for key, a in current.items():
        if key not in wanted:
            s.delete(a)
            report.assignments_removed += 1
    s.flush()

    if m.get("integrity_declarations") and s.scalar(select(IntegrityDeclaration.id).where(
            IntegrityDeclaration.event_id == event_id, IntegrityDeclaration.judge_id == judge_id)) is None:
        i = m["integrity_declarations"][0]
        s.add(IntegrityDeclaration(id=_uuid(i["id"]), event_id=event_id, judge_id=judge_id,
                                   statement_sha256=i["statement_sha256"], declared_at=_time(i.get("declared_at"))))
    declared = set(s.scalars(select(ConflictDeclaration.dossier_id).where(
        ConflictDeclaration.event_id == event_id, ConflictDeclaration.judge_id == judge_id)))
    for c in m.get("conflict_declarations", []):
        if _uuid(c["dossier_id"]) not in declared:
            s.add(ConflictDeclaration(id=_uuid(c["id"]), event_id=event_id, dossier_id=_uuid(c["dossier_id"]),
                                      judge_id=judge_id, reason=c["reason"], declared_at=_time(c.get("declared_at"))))

    auth_doc = m.get("authority")
    pinned = s.scalar(select(EventAuthority).where(EventAuthority.event_id == event_id))
    if auth_doc:
        if pinned is None:  # the first package that names the authority: the laptop trusts it from now on
            pinned = EventAuthority(id=_uuid(auth_doc["id"]), event_id=event_id, subject=auth_doc["subject"],
                                    certificate_pem=auth_doc["certificate_pem"], key_pem="",
                                    fingerprint=auth_doc["fingerprint"], created_at=_time(auth_doc.get("created_at")))
            s.add(pinned)
        elif pinned.fingerprint != auth_doc["fingerprint"] or pinned.certificate_pem != auth_doc["certificate_pem"]:
            # [issue 12] an event has one authority for life: another one is a forged package
            raise ConflictError("exchange.package_authority_changed", path=str(report.source), event=event.name)
    grants = unlocks.verify_grants(m.get("unlocks"), pinned.certificate_pem if pinned is not None else None,
                                   event_id=event_id, judge_id=judge_id, package_id=report.package_id,
                                   generation=report.generation, source=str(report.source))
    cred = m.get("credential")
    if cred:
        cid = _uuid(cred["id"])
        if s.get(JudgeCredential, cid) is None:
            for old in s.scalars(select(JudgeCredential).where(JudgeCredential.event_id == event_id,
                                                               JudgeCredential.user_id == judge_id,
                                                               JudgeCredential.active.is_(True))):
                old.active = False
            s.add(JudgeCredential(
                id=cid, event_id=event_id, user_id=judge_id, source=cred.get("source", "issued"),
                subject=cred["subject"], issuer=cred["issuer"], serial=cred["serial"],
                certificate_pem=cred["certificate_pem"], chain_pem=cred.get("chain_pem", ""),
                pkcs12=_unb64(cred["pkcs12"], "credential", str(report.source)), fingerprint=cred["fingerprint"],
                not_after=_time(cred["not_after"]), active=True, created_at=_time(cred.get("created_at"))))
    s.flush()
    _apply_sheets(s, event_id, judge_id, m.get("sheets") or [], report, grants)


def _apply_sheets(s: Session, event_id: uuid.UUID, judge_id: uuid.UUID, docs: list[Any],
                  report: PackageImport, grants: dict[lineage.Key, unlocks.Grant] | None = None) -> None:
    """The secretariat's copies of the judge's sheets: taken only where they descend from the laptop's.

    A submitted or locked sheet on the laptop becomes a draft again only with a grant the event's
    authority signed (``unlocks.py``); without one the laptop's sheet stays as it is."""
    rows = lineage.lineages(s, event_id, judge_id)
    have = {lineage.key_of(sh): sh for sh in s.scalars(
        select(ScoreSheet).where(ScoreSheet.event_id == event_id, ScoreSheet.judge_id == judge_id))}
    for doc in docs:
        entry = entries.parse_entry(doc)
        if entry.judge_id != judge_id:
            raise ValueError("sheets.judge_id")
        sheet = have.get(entry.key)
        if sheet is None:
            entries.write_entry(s, entry, None, event_id=event_id)
            lineage.record(s, rows, entry.key, event_id, entry.version_hash, entry.ancestors,
                           base_revision=entry.revision)
            report.sheets_added += 1
            continue
        mine = lineage.sheet_hash(sheet)
        mine_anc = lineage.effective_ancestors(mine, rows.get(entry.key))
        rel = lineage.relation(entry.version_hash, entry.ancestors, mine, mine_anc)
        if rel == "newer" and sheet.status != SheetStatus.DRAFT and entry.status == SheetStatus.DRAFT \
                and not unlocks.may_reopen(grants or {}, entry.key, entry.version_hash, mine):
            report.sheets_kept += 1
            report.notes.append(t("exchange.package_unlock_unsigned", dossier=entry.dossier_number))
            continue
        if rel == "newer":
            if sheet.status != SheetStatus.DRAFT and entry.status == SheetStatus.DRAFT:
                report.sheets_reopened += 1
            entries.write_entry(s, entry, sheet, event_id=event_id)
            lineage.record(s, rows, entry.key, event_id, entry.version_hash, set(entry.ancestors) | set(mine_anc),
                           base_revision=entry.revision)
            report.sheets_updated += 1
        elif rel == "same":
            lineage.record(s, rows, entry.key, event_id, mine, set(entry.ancestors) | set(mine_anc))
        else:
            report.sheets_kept += 1
    s.flush()


__all__ = [
    "FORMAT", "FORMAT_VERSION", "HEADER", "PackageExport", "PackageImport", "OpenedPackage", "Cancelled",
    "check_passphrase", "export_package", "import_package", "open_package", "find_header", "is_panel_package",
    "build_manifest", "sealed_size",
]
