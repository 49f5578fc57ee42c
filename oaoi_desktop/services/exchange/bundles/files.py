"""Judge bundle files: the format, writing one on the judge's laptop, reading and verifying one.

See :mod:`oaoi_desktop.services.exchange.bundles` for the format and the checks.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from oaoi_desktop import config
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.files import write_atomically
from oaoi_desktop.services import accounts, audit, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.exchange import entries, lineage
from oaoi_desktop.store.models import (
    AuditHead,
    ConflictDeclaration,
    Dossier,
    Event,
    IntegrityDeclaration,
    JudgeCredential,
    ScoreSheet,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize_db


FORMAT = "oaoi-judge-bundle"
FORMAT_VERSION = 1
SUFFIX = ".oaoi-bundle"
MAX_BYTES = 64 * 1024 * 1024


# -- export (the judge's laptop) -----------------------------------------------------------------
@dataclass(frozen=True)
class BundleExport:
    path: Path
    bundle_id: uuid.UUID
    sheets: int
    conflict_declarations: int
    audit_seq: int
    audit_hash: str


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:40] or "juri"


def build_payload(session: Session, event: Event, judge: User, signer_fingerprint: str) -> dict[str, Any]:
    sheets = session.scalars(
        select(ScoreSheet).options(selectinload(ScoreSheet.scores))
        .where(ScoreSheet.event_id == event.id, ScoreSheet.judge_id == judge.id)
    ).all()
    numbers = dict(session.execute(select(Dossier.id, Dossier.number).where(Dossier.event_id == event.id)).all())
    rows = lineage.lineages(session, event.id, judge.id)
    head = session.get(AuditHead, audit.chain_for(event.id))
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "bundle_id": uuid.uuid4(),
        "exported_at": utcnow(), "device_id": config.device_id(),
        "event": {"id": event.id, "name": event.name},
        "rubric_sha256": events.rubric_fingerprint(session, event),
        "judge": {"id": judge.id, "name": judge.name},
        "signer_fingerprint": signer_fingerprint,
        "audit_head": {"seq": head.seq if head else 0, "hash": head.hash if head else audit.GENESIS},
        "sheets": [entries.entry_of(sh, rows.get(lineage.key_of(sh)), numbers.get(sh.dossier_id, ""))
                   for sh in sorted(sheets, key=lambda x: (numbers.get(x.dossier_id, ""), x.stage_id))],
        "conflict_declarations": [
            {"id": c.id, "dossier_id": c.dossier_id, "reason": c.reason, "declared_at": c.declared_at}
            for c in session.scalars(select(ConflictDeclaration).where(
                ConflictDeclaration.event_id == event.id, ConflictDeclaration.judge_id == judge.id)
                .order_by(ConflictDeclaration.declared_at))],
        "integrity_declarations": [
            {"id": i.id, "statement_sha256": i.statement_sha256, "declared_at": i.declared_at}
            for i in session.scalars(select(IntegrityDeclaration).where(
                IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id))],
    }


def encode_bundle(payload: dict[str, Any], signature: bytes) -> bytes:
    return canonical.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "payload": payload,
                            "signature": base64.b64encode(signature).decode("ascii")})


def export_bundle(db: Any, event_ref: str, judge_ref: str, out_dir: Path | str, passphrase: str, *,
                  actor: Actor | None = None) -> BundleExport:
    """Sign the judge's sheets with their key and write the bundle into ``out_dir``.

    Records on the laptop which versions left in the bundle (``sheet_lineages``),
    so the next bundle says they are superseded.
    """
    authorize_db(db, actor, Action.BUNDLE_EXPORT_OWN, event=event_ref, judge=judge_ref, judge_acts=True)
    from oaoi_desktop.signing import cms
    from oaoi_desktop.signing import pki
    from oaoi_desktop.services import keys

    out_dir = Path(out_dir)
    with db.write() as s:
        event = events.get_event(s, event_ref)
        judge = accounts.find_judge(s, event, judge_ref)
        signer = keys.load_signer(s, event.id, judge.id, passphrase)
        payload = build_payload(s, event, judge, pki.cert_fingerprint(signer.certificate))
        data = encode_bundle(payload, cms.sign_detached(signer, canonical.dumps(payload)))
        stamp = payload["exported_at"].strftime("%Y%m%d-%H%M%S")
        target = out_dir / f"oaoi-bundle-{_slug(judge.name)}-{stamp}{SUFFIX}"
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as exc:
            raise ValidationError("exchange.cannot_write", path=str(out_dir), reason=exc.strerror or str(exc)) from exc
        rows = lineage.lineages(s, event.id, judge.id)
        for doc in payload["sheets"]:
            lineage.record(s, rows, (doc["dossier_id"], doc["judge_id"], doc["stage_id"]), event.id,
                           doc["version_hash"], doc["ancestors"])
        audit.append(s, actor=actor or Actor(judge.name, judge.id), action="bundle.exported", event_id=event.id,
                     entity_type="user", entity_id=judge.id,
                     after={"bundle_id": payload["bundle_id"], "file": target.name,
                            "sha256": hashlib.sha256(data).hexdigest(), "sheets": len(payload["sheets"]),
                            "audit_head": payload["audit_head"]})
    return BundleExport(path=target, bundle_id=payload["bundle_id"], sheets=len(payload["sheets"]),
                        conflict_declarations=len(payload["conflict_declarations"]),
                        audit_seq=payload["audit_head"]["seq"], audit_hash=payload["audit_head"]["hash"])


# -- reading and verifying ------------------------------------------------------------------------
@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check (nothing merged yet)."""

    file: str
    sha256: str
    payload: dict[str, Any]
    judge: User
    signer_fingerprint: str
    sheets: tuple[entries.Entry, ...]


def reject(message_id: str, file: str, **params: Any) -> ValidationError:
    return ValidationError(message_id, file=file, **params)


_PREFIX = canonical.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "payload": 0})[:-2]
"""``{"format":"oaoi-judge-bundle","format_version":1,"payload":`` — how every bundle begins."""
_SIGNATURE = re.compile(rb',"signature":"([A-Za-z0-9+/]*={0,2})"\}')


def _diagnose(data: bytes, file: str) -> ValidationError:
    """Why bytes that are not exactly a bundle's canonical form were refused."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return reject("exchange.bundle_corrupt", file)
    except ValueError:
        return reject("exchange.bundle_truncated" if data.startswith(b'{"format":"' + FORMAT.encode())
                       else "exchange.bundle_corrupt", file)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return reject("exchange.bundle_corrupt", file)
    if doc.get("format_version") != FORMAT_VERSION:
        return reject("exchange.bundle_version", file, version=doc.get("format_version"), supported=FORMAT_VERSION)
    return reject("exchange.bundle_tampered", file)


def parse_bundle(data: bytes, file: str) -> tuple[dict[str, Any], bytes, bytes]:
    """The payload, its exact bytes (what was signed) and the signature of a bundle.

    The file must be exactly the canonical JSON of the envelope, so the
    payload's bytes are read straight out of it (no re-encoding) and any
    changed byte outside them is refused here; inside them, by the signature.
    """
    if not data.startswith(_PREFIX):
        raise _diagnose(data, file)
    at = data.rfind(b',"signature":"')
    match = _SIGNATURE.fullmatch(data, at) if at > 0 else None
    if match is None:
        raise _diagnose(data, file)
    payload_bytes = data[len(_PREFIX):at]
    try:
        payload = json.loads(payload_bytes.decode("utf-8"))
        signature = base64.b64decode(match.group(1), validate=True)
    except (UnicodeDecodeError, ValueError, binascii.Error):
        raise _diagnose(data, file) from None
    if not isinstance(payload, dict):
        raise reject("exchange.bundle_corrupt", file)
    return payload, payload_bytes, signature


def _trusted(session: Session, event: Event, credential: JudgeCredential | None) -> list[Any]:
    from oaoi_desktop.signing import cms
    from oaoi_desktop.signing import pki
    from oaoi_desktop.services import keys

    trusted = []
    authority = pki.authority_certificate(session, event.id)
    if authority is not None:
        trusted.append(authority)
    if credential is not None and credential.source == "imported":
        trusted += pki.certs_from_pem(credential.certificate_pem)
    return trusted


def verify_bundle(session: Session, event: Event, data: bytes, file: str) -> VerifiedBundle:
    """Every check of the module docstring; raises ValidationError naming ``file``."""
    from oaoi_desktop.signing import cms
    from oaoi_desktop.signing import pki
    from oaoi_desktop.services import keys

    payload, payload_bytes, signature = parse_bundle(data, file)
    if payload.get("format") != FORMAT or payload.get("format_version") != FORMAT_VERSION:
        raise reject("exchange.bundle_corrupt", file)
    ev = payload.get("event") if isinstance(payload.get("event"), dict) else {}
    if str(ev.get("id")) != str(event.id):
        raise reject("exchange.bundle_foreign_event", file, bundle_event=str(ev.get("name") or ev.get("id")),
                      event=event.name)
    if payload.get("rubric_sha256") != events.rubric_fingerprint(session, event):
        raise reject("exchange.bundle_rubric", file, event=event.name)
    jd = payload.get("judge") if isinstance(payload.get("judge"), dict) else {}
    judge = None
    try:
        judge = session.get(User, uuid.UUID(str(jd.get("id"))))
    except ValueError:
        judge = None
    if judge is None or judge.event_id != event.id or not judge.role.is_judge:
        raise reject("exchange.bundle_unknown_judge", file, judge=str(jd.get("name") or jd.get("id")),
                      event=event.name)
    credential = pki.active_credential(session, event.id, judge.id)
    try:
        signer_cert = cms.verify_detached(payload_bytes, signature, _trusted(session, event, credential))
    except OaoiError as exc:
        if exc.message_id == "signing.untrusted_signer":
            raise reject("exchange.bundle_unknown_signer", file, subject=exc.params.get("subject", "?"),
                          event=event.name) from None
        raise reject("exchange.bundle_bad_signature", file) from None
    fingerprint = pki.cert_fingerprint(signer_cert)
    if credential is None or credential.fingerprint != fingerprint:
        other = session.scalar(select(User.name).join(JudgeCredential, JudgeCredential.user_id == User.id)
                               .where(JudgeCredential.event_id == event.id,
                                      JudgeCredential.fingerprint == fingerprint).limit(1))
        if other is not None and other != judge.name:
            raise reject("exchange.bundle_signed_by_other", file, signer=other, judge=judge.name)
        raise reject("exchange.bundle_not_judges_key", file, judge=judge.name,
                      subject=pki.common_name(signer_cert.subject))
    raw_sheets = payload.get("sheets")
    if not isinstance(raw_sheets, list):
        raise reject("exchange.bundle_corrupt", file)
    try:
        sheets = tuple(entries.parse_entry(x) for x in raw_sheets)
    except entries.BadEntry as exc:
        raise reject("exchange.bundle_bad_sheet", file, field=str(exc)) from None
    if any(e.judge_id != judge.id for e in sheets):
        raise reject("exchange.bundle_bad_sheet", file, field="judge_id")
    if len({e.key for e in sheets}) != len(sheets):
        raise reject("exchange.bundle_bad_sheet", file, field="sheets")
    for name in ("conflict_declarations", "integrity_declarations"):
        if not isinstance(payload.get(name, []), list):
            raise reject("exchange.bundle_corrupt", file)
    return VerifiedBundle(file=file, sha256=hashlib.sha256(data).hexdigest(), payload=payload, judge=judge,
                          signer_fingerprint=fingerprint, sheets=sheets)


def bundle_files(paths: Iterable[Path | str]) -> list[Path]:
    """Bundle files among ``paths`` (folders are searched one level deep)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(SUFFIX))
        else:
            out.append(path)
    return out
