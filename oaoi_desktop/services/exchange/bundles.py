"""Judge bundles: a judge's score sheets, signed on their laptop, merged on the secretariat's.

A bundle is one file (``*.oaoi-bundle``), the canonical JSON of::

    {"format": "oaoi-judge-bundle", "format_version": 1,
     "payload": {...}, "signature": "<base64 of a detached CMS signature>"}

The signature (:func:`oaoi_desktop.signing.pki.sign_detached`, the judge's key)
covers the canonical JSON bytes of ``payload``::

    {"format", "format_version", "bundle_id", "exported_at", "device_id",
     "event": {"id", "name"}, "rubric_sha256", "judge": {"id", "name"},
     "signer_fingerprint", "audit_head": {"seq", "hash"},
     "sheets": [sheet entries (entries.py)],
     "conflict_declarations": [{"id", "dossier_id", "reason", "declared_at"}],
     "integrity_declarations": [{"id", "statement_sha256", "declared_at"}]}

The whole file must be exactly that canonical form, so every byte counts: a
changed byte anywhere is refused (damaged file or bad signature).

Merging (:func:`import_bundles`) checks, for each file and before changing
anything: that it is a complete bundle, the event, the rubric's SHA-256, that
the judge is on the event's roster, the signature, and that the signer is that
judge (the certificate chains to the event's authority, or is the judge's
imported certificate, and is the judge's active credential).  A file failing
any check is rejected with a message naming it, and nothing changes.  Each
sheet is then merged by its lineage (``lineage.py``): the same version again
changes nothing; a later version of the sheet replaces the earlier one —
only while the secretariat's sheet is a draft (an unlocked sheet is one): a
submitted, locked or paper-entered sheet is never changed by a bundle,
whatever ancestry the bundle claims (the judge signs it, so it proves nothing
about the secretariat's records); two versions edited from a common base, or
a bundle changing a sheet that is final here, become a :class:`SheetConflict`,
both kept, for the secretariat to resolve with a reason (:func:`resolve_conflict`).
A sheet claiming a proposal revision beyond the secretariat's is not merged.
Every change is written to the audit log in the same transaction.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from oaoi_desktop import config
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ConflictError, NotFoundError, OaoiError, ValidationError
from oaoi_desktop.files import write_atomically
from oaoi_desktop.services import accounts, audit, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.assignments import recused
from oaoi_desktop.services.auth import require_secretariat
from oaoi_desktop.services.exchange import entries, lineage
from oaoi_desktop.services.sheets import from_milli
from oaoi_desktop.store.models import (
    Assignment,
    AuditEntry,
    AuditHead,
    ConflictDeclaration,
    Dossier,
    Event,
    EventStatus,
    IntegrityDeclaration,
    JudgeCredential,
    MergedBundle,
    Score,
    ScoreSheet,
    SheetConflict,
    SheetLineage,
    SheetStatus,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize, authorize_db

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
    from oaoi_desktop.signing import pki

    out_dir = Path(out_dir)
    with db.write() as s:
        event = events.get_event(s, event_ref)
        judge = accounts.find_judge(s, event, judge_ref)
        signer = pki.load_signer(s, event.id, judge.id, passphrase)
        payload = build_payload(s, event, judge, pki.cert_fingerprint(signer.certificate))
        data = encode_bundle(payload, pki.sign_detached(signer, canonical.dumps(payload)))
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


def _reject(message_id: str, file: str, **params: Any) -> ValidationError:
    return ValidationError(message_id, file=file, **params)


_PREFIX = canonical.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "payload": 0})[:-2]
"""``{"format":"oaoi-judge-bundle","format_version":1,"payload":`` — how every bundle begins."""
_SIGNATURE = re.compile(rb',"signature":"([A-Za-z0-9+/]*={0,2})"\}')


def _diagnose(data: bytes, file: str) -> ValidationError:
    """Why bytes that are not exactly a bundle's canonical form were refused."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _reject("exchange.bundle_corrupt", file)
    except ValueError:
        return _reject("exchange.bundle_truncated" if data.startswith(b'{"format":"' + FORMAT.encode())
                       else "exchange.bundle_corrupt", file)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return _reject("exchange.bundle_corrupt", file)
    if doc.get("format_version") != FORMAT_VERSION:
        return _reject("exchange.bundle_version", file, version=doc.get("format_version"), supported=FORMAT_VERSION)
    return _reject("exchange.bundle_tampered", file)


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
        raise _reject("exchange.bundle_corrupt", file)
    return payload, payload_bytes, signature


def _trusted(session: Session, event: Event, credential: JudgeCredential | None) -> list[Any]:
    from oaoi_desktop.signing import pki

    trusted = []
    authority = pki.authority_certificate(session, event.id)
    if authority is not None:
        trusted.append(authority)
    if credential is not None and credential.source == "imported":
        trusted += pki.certs_from_pem(credential.certificate_pem)
    return trusted


def verify_bundle(session: Session, event: Event, data: bytes, file: str) -> VerifiedBundle:
    """Every check of the module docstring; raises ValidationError naming ``file``."""
    from oaoi_desktop.signing import pki

    payload, payload_bytes, signature = parse_bundle(data, file)
    if payload.get("format") != FORMAT or payload.get("format_version") != FORMAT_VERSION:
        raise _reject("exchange.bundle_corrupt", file)
    ev = payload.get("event") if isinstance(payload.get("event"), dict) else {}
    if str(ev.get("id")) != str(event.id):
        raise _reject("exchange.bundle_foreign_event", file, bundle_event=str(ev.get("name") or ev.get("id")),
                      event=event.name)
    if payload.get("rubric_sha256") != events.rubric_fingerprint(session, event):
        raise _reject("exchange.bundle_rubric", file, event=event.name)
    jd = payload.get("judge") if isinstance(payload.get("judge"), dict) else {}
    judge = None
    try:
        judge = session.get(User, uuid.UUID(str(jd.get("id"))))
    except ValueError:
        judge = None
    if judge is None or judge.event_id != event.id or not judge.role.is_judge:
        raise _reject("exchange.bundle_unknown_judge", file, judge=str(jd.get("name") or jd.get("id")),
                      event=event.name)
    credential = pki.active_credential(session, event.id, judge.id)
    try:
        signer_cert = pki.verify_detached(payload_bytes, signature, _trusted(session, event, credential))
    except OaoiError as exc:
        if exc.message_id == "signing.untrusted_signer":
            raise _reject("exchange.bundle_unknown_signer", file, subject=exc.params.get("subject", "?"),
                          event=event.name) from None
        raise _reject("exchange.bundle_bad_signature", file) from None
    fingerprint = pki.cert_fingerprint(signer_cert)
    if credential is None or credential.fingerprint != fingerprint:
        other = session.scalar(select(User.name).join(JudgeCredential, JudgeCredential.user_id == User.id)
                               .where(JudgeCredential.event_id == event.id,
                                      JudgeCredential.fingerprint == fingerprint).limit(1))
        if other is not None and other != judge.name:
            raise _reject("exchange.bundle_signed_by_other", file, signer=other, judge=judge.name)
        raise _reject("exchange.bundle_not_judges_key", file, judge=judge.name,
                      subject=pki.common_name(signer_cert.subject))
    raw_sheets = payload.get("sheets")
    if not isinstance(raw_sheets, list):
        raise _reject("exchange.bundle_corrupt", file)
    try:
        sheets = tuple(entries.parse_entry(x) for x in raw_sheets)
    except entries.BadEntry as exc:
        raise _reject("exchange.bundle_bad_sheet", file, field=str(exc)) from None
    if any(e.judge_id != judge.id for e in sheets):
        raise _reject("exchange.bundle_bad_sheet", file, field="judge_id")
    if len({e.key for e in sheets}) != len(sheets):
        raise _reject("exchange.bundle_bad_sheet", file, field="sheets")
    for name in ("conflict_declarations", "integrity_declarations"):
        if not isinstance(payload.get(name, []), list):
            raise _reject("exchange.bundle_corrupt", file)
    return VerifiedBundle(file=file, sha256=hashlib.sha256(data).hexdigest(), payload=payload, judge=judge,
                          signer_fingerprint=fingerprint, sheets=sheets)


# -- merging (the secretariat's laptop) ---------------------------------------------------------------
OUTCOMES = ("added", "updated", "unchanged", "older", "conflict", "skipped")


@dataclass
class SheetOutcome:
    dossier: str
    stage_id: str
    outcome: str
    """One of :data:`OUTCOMES`."""
    message_id: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class FileReport:
    file: str
    status: str
    """``merged``, ``already_merged`` or ``rejected``."""
    judge: str = ""
    message: str = ""
    error: OaoiError | None = None
    sheets: list[SheetOutcome] = field(default_factory=list)
    declarations_added: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.sheets if s.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {o: self.count(o) for o in OUTCOMES}


@dataclass
class MergeReport:
    event_id: uuid.UUID
    files: list[FileReport] = field(default_factory=list)

    @property
    def rejected(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "rejected"]

    @property
    def skipped_sheets(self) -> int:
        return sum(f.count("skipped") for f in self.files)

    @property
    def conflicts(self) -> int:
        return sum(f.count("conflict") for f in self.files)

    @property
    def refused_changes(self) -> int:
        """Sheets the bundle tried to change although they are final here (kept as conflicts)."""
        return sum(1 for f in self.files for x in f.sheets if x.outcome == "conflict" and x.message_id)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.skipped_sheets and not self.refused_changes


class _AuditBatch:
    """Audit entries of one merge, chained and inserted in one go.

    The hashes are exactly those of ``audit.append`` (``audit.entry_hash`` over
    the canonical content); entries whose ``before``/``after`` were built from
    plain JSON values (``plain=True``: str, int, None, lists and dicts of them)
    are hashed with one ``json.dumps`` instead of the generic normaliser — the
    first entry of each batch is checked against ``audit.entry_hash``.
    """

    def __init__(self, session: Session, event_id: uuid.UUID, actor: Actor) -> None:
        self.session = session
        self.event_id = event_id
        self.actor = actor
        self.items: list[tuple[str, str, str, Any, Any]] = []

    def add(self, action: str, entity_type: str, entity_id: Any, before: Any, after: Any, *,
            plain: bool = False) -> None:
        if not plain:
            before = canonical.normalise(before) if before is not None else None
            after = canonical.normalise(after) if after is not None else None
        self.items.append((action, entity_type, str(entity_id) if entity_id != "" else "", before, after))

    def write(self) -> None:
        if not self.items:
            return
        chain = audit.chain_for(self.event_id)
        head = audit._lock_head(self.session, chain)  # noqa: SLF001 - one lock for the whole batch
        for action in sorted({i[0] for i in self.items}):  # the finalisation guard, after the lock as in append()
            audit.refuse_if_finalised(self.session, self.event_id, action)
        device = config.device_id()
        now = utcnow()
        fixed = {"chain": chain, "event_id": str(self.event_id), "actor": self.actor.name,
                 "actor_id": str(self.actor.user_id) if self.actor.user_id else None, "at": now.isoformat(),
                 "device_id": str(device)}
        seq, prev = head.seq, head.hash
        rows = []
        for n, (action, entity_type, entity_id, before, after) in enumerate(self.items):
            seq += 1
            content = {**fixed, "seq": seq, "action": action, "entity_type": entity_type, "entity_id": entity_id,
                       "before": before, "after": after, "prev_hash": prev}
            digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                                               allow_nan=False).encode("utf-8")).hexdigest()
            row = {"id": None, "chain": chain, "seq": seq, "event_id": self.event_id, "actor": self.actor.name,
                   "actor_id": self.actor.user_id, "action": action, "entity_type": entity_type,
                   "entity_id": entity_id, "before": before, "after": after, "at": now, "device_id": device,
                   "prev_hash": prev, "hash": digest}
            if n == 0 and audit.entry_hash(AuditEntry(**{k: v for k, v in row.items() if k != "hash"})) != digest:
                raise AssertionError("audit hashing differs from audit.entry_hash")  # pragma: no cover
            prev = digest
            rows.append(row)
        for row, new_id in zip(rows, _new_ids(len(rows))):
            row["id"] = new_id
        self.session.flush()
        self.session.connection().execute(insert(AuditEntry.__table__), rows)
        head.seq, head.hash = seq, prev
        self.session.flush()
        self.items.clear()


def _new_ids(n: int) -> list[uuid.UUID]:
    """``n`` random (version 4) UUIDs from one read of the OS's random source."""
    raw = os.urandom(16 * n)
    return [uuid.UUID(bytes=raw[i:i + 16], version=4) for i in range(0, 16 * n, 16)]


def _plain_value(milli: int) -> Any:
    """A score in thousandths as canonical JSON writes it (8 or "8.5")."""
    return milli // 1000 if milli % 1000 == 0 else canonical.normalise(from_milli(milli))


def _plain_scores(scores: dict[str, tuple[int, str]]) -> dict[str, Any]:
    return {c: {"value": _plain_value(v), "comment": t} for c, (v, t) in scores.items()}


def _values(scores: dict[str, tuple[int, str]]) -> dict[str, Any]:
    return {c: {"value": from_milli(v), "comment": t} for c, (v, t) in sorted(scores.items())}


def _sheet_scores(sheet: ScoreSheet) -> dict[str, tuple[int, str]]:
    return {s.criterion_id: (s.value_milli, s.comment) for s in sheet.scores}


def _check_entry(entry: entries.Entry, rubric: Any, dossiers: dict[uuid.UUID, Dossier],
                 assigned: set[tuple[uuid.UUID, str]], closed: set[str],
                 recusals: tuple[Event, User, set[uuid.UUID]] | None = None) -> tuple[str, dict[str, Any]] | None:
    """Why an entry cannot be merged (message id, params), or None."""
    number = entry.dossier_number or str(entry.dossier_id)
    dossier = dossiers.get(entry.dossier_id)
    if dossier is None:
        return "exchange.sheet_unknown_dossier", {"dossier": number}
    number = dossier.number
    try:
        stage = rubric.stage(entry.stage_id)
    except KeyError:
        return "exchange.sheet_unknown_stage", {"dossier": number, "stage": entry.stage_id}
    if not 1 <= entry.dossier_revision <= (dossier.current_revision or 1):
        # [issue 13] a bundle cannot claim a revision of the proposal the secretariat never had
        return "exchange.sheet_bad_dossier_revision", {"dossier": number, "claimed": entry.dossier_revision,
                                                       "current": dossier.current_revision or 1}
    if (entry.dossier_id, entry.stage_id) not in assigned:
        return "exchange.sheet_not_assigned", {"dossier": number, "stage": entry.stage_id}
    if entry.stage_id in closed:
        return "exchange.sheet_stage_closed", {"dossier": number, "stage": entry.stage_id}
    if entry.status != SheetStatus.DRAFT and recusals is not None:
        event, judge, declared = recusals
        if recused(event, judge, dossier):
            return "exchange.sheet_recused", {"dossier": number}
        if dossier.id in declared:
            return "exchange.sheet_conflict_declared", {"dossier": number}
    for cid, (milli, _c) in entry.scores.items():
        try:
            criterion = stage.criterion(cid)
        except KeyError:
            return "exchange.sheet_bad_criterion", {"dossier": number, "criterion": cid}
        if not criterion.is_valid_score(from_milli(milli)):
            return "exchange.sheet_off_scale", {"dossier": number, "criterion": cid, "value": from_milli(milli)}
    return None


def merge_verified(session: Session, event: Event, bundle: VerifiedBundle, *, actor: Actor,
                   file_name: str = "") -> FileReport:
    """Merge a verified bundle in ``session``'s transaction (see the module docstring)."""
    authorize(session, actor, Action.BUNDLE_IMPORT, event=event)
    report = FileReport(file=bundle.file, status="merged", judge=bundle.judge.name)
    judge = bundle.judge
    rubric = events.event_rubric(session, event)
    closed = {k for k, v in ((event.settings or {}).get("stages") or {}).items() if v}
    dossier_rows = {d.id: d for d in session.scalars(select(Dossier).where(Dossier.event_id == event.id))}
    assigned = {(d, st) for d, st in session.execute(select(Assignment.dossier_id, Assignment.stage_id).where(
        Assignment.event_id == event.id, Assignment.judge_id == judge.id))}
    stored = {lineage.key_of(sh): sh for sh in session.scalars(
        select(ScoreSheet).options(selectinload(ScoreSheet.scores))
        .where(ScoreSheet.event_id == event.id, ScoreSheet.judge_id == judge.id))}
    rows = lineage.lineages(session, event.id, judge.id)
    # a submitted sheet never counts for a dossier the judge is recused from or declared a conflict on
    declared = set(session.scalars(select(ConflictDeclaration.dossier_id).where(
        ConflictDeclaration.event_id == event.id, ConflictDeclaration.judge_id == judge.id)))
    pending = {(c.dossier_id, c.judge_id, c.stage_id, c.incoming_hash) for c in session.scalars(
        select(SheetConflict).where(SheetConflict.event_id == event.id, SheetConflict.judge_id == judge.id,
                                    SheetConflict.resolved_at.is_(None)))}
    record = MergedBundle(
        id=uuid.uuid4(), event_id=event.id, judge_id=judge.id, bundle_id=uuid.UUID(str(bundle.payload["bundle_id"])),
        sha256=bundle.sha256, file_name=(file_name or Path(bundle.file).name)[:500],
        signer_fingerprint=bundle.signer_fingerprint,
        device_id=uuid.UUID(str(bundle.payload["device_id"])) if bundle.payload.get("device_id") else None,
        exported_at=entries._time(bundle.payload.get("exported_at"), "exported_at"),  # noqa: SLF001
        audit_seq=int((bundle.payload.get("audit_head") or {}).get("seq", 0)),
        audit_hash=str((bundle.payload.get("audit_head") or {}).get("hash", ""))[:64], merged_by=actor.name,
    )
    session.add(record)
    session.flush()
    batch = _AuditBatch(session, event.id, actor)
    new_sheets: list[dict[str, Any]] = []
    new_scores: list[dict[str, Any]] = []
    new_lineages: list[dict[str, Any]] = []
    wanted_ids = [e.id for e in bundle.sheets if e.key not in stored]
    taken = set()
    for i in range(0, len(wanted_ids), 500):
        taken.update(session.scalars(select(ScoreSheet.id).where(ScoreSheet.id.in_(wanted_ids[i:i + 500]))))
    now = utcnow()
    for entry in bundle.sheets:
        number = dossier_rows[entry.dossier_id].number if entry.dossier_id in dossier_rows else entry.dossier_number
        problem = _check_entry(entry, rubric, dossier_rows, assigned, closed, (event, judge, declared))
        if problem is not None:
            report.sheets.append(SheetOutcome(number, entry.stage_id, "skipped", problem[0], problem[1]))
            continue
        sheet = stored.get(entry.key)
        if sheet is None:  # the common case: inserted in bulk below
            sheet_id = entry.id if entry.id not in taken else uuid.uuid4()
            taken.add(sheet_id)
            new_sheets.append({
                "id": sheet_id, "event_id": event.id, "dossier_id": entry.dossier_id, "judge_id": judge.id,
                "stage_id": entry.stage_id, "status": entry.status, "revision": entry.revision, "version": 1,
                "created_at": entry.created_at or now, "updated_at": entry.updated_at or now,
                "submitted_at": entry.submitted_at, "device_id": entry.device_id,
                "dossier_revision": entry.dossier_revision, "source": "bundle"})
            new_scores.extend({"id": None, "sheet_id": sheet_id, "criterion_id": cid, "value_milli": milli,
                               "comment": comment} for cid, (milli, comment) in sorted(entry.scores.items()))
            if entry.key not in rows:
                new_lineages.append({"dossier_id": entry.dossier_id, "judge_id": judge.id,
                                     "stage_id": entry.stage_id, "event_id": event.id,
                                     "head_hash": entry.version_hash, "base_revision": entry.base_revision,
                                     "ancestors": sorted(set(entry.ancestors)), "updated_at": now})
            else:
                lineage.record(session, rows, entry.key, event.id, entry.version_hash,
                               set(entry.ancestors) | set(rows[entry.key].ancestors or []),
                               base_revision=entry.base_revision)
            batch.add("sheet.merged", "score_sheet", sheet_id, None, _merge_after(entry, number, "added", bundle),
                      plain=True)
            report.sheets.append(SheetOutcome(number, entry.stage_id, "added"))
            continue
        mine = lineage.sheet_hash(sheet)
        mine_anc = lineage.effective_ancestors(mine, rows.get(entry.key))
        rel = lineage.relation(entry.version_hash, entry.ancestors, mine, mine_anc)
        if rel == "same":
            report.sheets.append(SheetOutcome(number, entry.stage_id, "unchanged"))
            continue
        if rel == "older":
            report.sheets.append(SheetOutcome(number, entry.stage_id, "older"))
            continue
        if (entry.key + (entry.version_hash,)) in pending:  # already waiting for the secretariat's decision
            final = rel == "newer" and sheet.status != SheetStatus.DRAFT
            report.sheets.append(SheetOutcome(
                number, entry.stage_id, "conflict", "exchange.sheet_final_here" if final else "",
                {"dossier": number, "status": sheet.status.value} if final else {}))
            continue
        if rel == "newer" and sheet.status != SheetStatus.DRAFT:
            # [issue 12] A bundle only changes what is still the judge's to change here: a draft (an
            # unlocked sheet is one).  A submitted, locked or paper-entered sheet is never overwritten,
            # whatever the bundle says it descends from: the secretariat decides, side by side.
            _record_conflict(session, event, judge, entry, sheet, mine, number, bundle, record, batch, report,
                             "exchange.sheet_final_here", {"dossier": number, "status": sheet.status.value})
            pending.add(entry.key + (entry.version_hash,))
            continue
        if rel == "newer":
            before = {"status": sheet.status.value, "revision": sheet.revision, "version_hash": mine,
                      "scores": _values(_sheet_scores(sheet))}
            entries.write_entry(session, entry, sheet, event_id=event.id, source="bundle")
            lineage.record(session, rows, entry.key, event.id, entry.version_hash,
                           set(entry.ancestors) | set(mine_anc) | {mine}, base_revision=entry.base_revision)
            batch.add("sheet.merged", "score_sheet", sheet.id, before, _merge_after(entry, number, "updated", bundle))
            session.flush()
            report.sheets.append(SheetOutcome(number, entry.stage_id, "updated"))
            continue
        if (entry.scores == _sheet_scores(sheet) and entry.status == sheet.status
                and entry.dossier_revision == (sheet.dossier_revision or 1)):
            # Edited on two laptops but to the very same scores, comments and status: nothing to decide.
            lineage.record(session, rows, entry.key, event.id, mine,
                           set(mine_anc) | set(entry.ancestors) | {entry.version_hash})
            report.sheets.append(SheetOutcome(number, entry.stage_id, "unchanged"))
            continue
        _record_conflict(session, event, judge, entry, sheet, mine, number, bundle, record, batch, report)
        pending.add(entry.key + (entry.version_hash,))
    # Core inserts of the tables (not the ORM's bulk path): no per-row ORM bookkeeping.
    conn = session.connection()
    for row, new_id in zip(new_scores, _new_ids(len(new_scores))):
        row["id"] = new_id
    if new_sheets:
        conn.execute(insert(ScoreSheet.__table__), new_sheets)
        conn.execute(insert(Score.__table__), new_scores)
    if new_lineages:
        conn.execute(insert(SheetLineage.__table__), new_lineages)
    report.declarations_added = _merge_declarations(session, event, judge, bundle, dossier_rows, batch)
    session.flush()
    record.counts = {**report.counts, "declarations_added": report.declarations_added}
    batch.add("bundle.merged", "merged_bundle", record.id, None,
              {"file": record.file_name, "sha256": bundle.sha256, "bundle_id": record.bundle_id,
               "judge_id": judge.id, "judge": judge.name, "signer_fingerprint": bundle.signer_fingerprint,
               "device_id": record.device_id, "judge_audit_head": {"seq": record.audit_seq, "hash": record.audit_hash},
               "counts": record.counts})
    batch.write()
    return report


def _record_conflict(session: Session, event: Event, judge: User, entry: entries.Entry, sheet: ScoreSheet, mine: str,
                     number: str, bundle: VerifiedBundle, record: MergedBundle, batch: _AuditBatch,
                     report: FileReport, message_id: str = "", params: dict[str, Any] | None = None) -> None:
    """Keep the stored sheet as it is and the incoming version in full, for the secretariat to decide."""
    conflict = SheetConflict(id=uuid.uuid4(), event_id=event.id, dossier_id=entry.dossier_id, judge_id=judge.id,
                             stage_id=entry.stage_id, stored_hash=mine, incoming_hash=entry.version_hash,
                             incoming=canonical.normalise(entry.document()), bundle_id=record.id)
    session.add(conflict)
    after = _merge_after(entry, number, "conflict", bundle)
    if message_id:
        after["reason"] = message_id
    batch.add("sheet.merge_conflict", "sheet_conflict", conflict.id,
              {"version_hash": mine, "revision": sheet.revision, "status": sheet.status.value,
               "scores": _values(_sheet_scores(sheet))}, after)
    report.sheets.append(SheetOutcome(number, entry.stage_id, "conflict", message_id, dict(params or {})))


def _merge_after(entry: entries.Entry, number: str, outcome: str, bundle: VerifiedBundle) -> dict[str, Any]:
    """What a ``sheet.merged`` entry records, as plain JSON values."""
    return {"dossier_id": str(entry.dossier_id), "dossier": number, "judge_id": str(entry.judge_id),
            "stage_id": entry.stage_id, "outcome": outcome, "status": entry.status.value, "revision": entry.revision,
            "base_revision": entry.base_revision, "device_id": str(entry.device_id) if entry.device_id else None,
            "version_hash": entry.version_hash, "scores": _plain_scores(entry.scores),
            "bundle_sha256": bundle.sha256}


def _merge_declarations(session: Session, event: Event, judge: User, bundle: VerifiedBundle,
                        dossier_rows: dict[uuid.UUID, Dossier], batch: _AuditBatch) -> int:
    added = 0
    declared = set(session.scalars(select(ConflictDeclaration.dossier_id).where(
        ConflictDeclaration.event_id == event.id, ConflictDeclaration.judge_id == judge.id)))
    for raw in bundle.payload.get("conflict_declarations", []):
        try:
            did = uuid.UUID(str(raw["dossier_id"]))
            row_id = uuid.UUID(str(raw["id"]))
            reason = " ".join(str(raw["reason"]).split())
            declared_at = entries._time(raw.get("declared_at"), "declared_at")  # noqa: SLF001
        except (KeyError, TypeError, ValueError):
            raise _reject("exchange.bundle_bad_sheet", bundle.file, field="conflict_declarations") from None
        if did in declared or did not in dossier_rows or not reason:
            continue
        row = ConflictDeclaration(id=row_id, event_id=event.id, dossier_id=did, judge_id=judge.id, reason=reason,
                                  declared_at=declared_at or utcnow())
        session.add(row)
        declared.add(did)
        added += 1
        batch.add("conflict.declared", "conflict_declaration", row_id, None,
                  {"dossier_id": did, "number": dossier_rows[did].number, "judge_id": judge.id, "name": judge.name,
                   "reason": reason, "declared_at": row.declared_at, "source": "bundle"})
    integrity = bundle.payload.get("integrity_declarations", [])
    if integrity and session.scalar(select(IntegrityDeclaration.id).where(
            IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id)) is None:
        raw = integrity[0]
        try:
            row_id = uuid.UUID(str(raw["id"]))
            statement = str(raw["statement_sha256"])[:64]
            declared_at = entries._time(raw.get("declared_at"), "declared_at")  # noqa: SLF001
        except (KeyError, TypeError, ValueError):
            raise _reject("exchange.bundle_bad_sheet", bundle.file, field="integrity_declarations") from None
        row = IntegrityDeclaration(id=row_id, event_id=event.id, judge_id=judge.id, statement_sha256=statement,
                                   declared_at=declared_at or utcnow())
        session.add(row)
        added += 1
        batch.add("integrity.declared", "integrity_declaration", row_id, None,
                  {"judge_id": judge.id, "name": judge.name, "statement_sha256": statement,
                   "declared_at": row.declared_at, "source": "bundle"})
    return added


def import_bundles(db: Any, event_ref: str, files: Sequence[Path | str], *, actor: Actor) -> MergeReport:
    """Verify and merge each file in its own transaction; a rejected file changes nothing."""
    authorize_db(db, actor, Action.BUNDLE_IMPORT, event=event_ref)
    with db.read() as s:
        event_id = events.get_event(s, event_ref).id
        require_secretariat(s, actor)
    from oaoi_desktop.services.backups import backup_before_import

    backup_before_import(db)  # the automatic rotating backup before every import (issue 8)
    report = MergeReport(event_id=event_id)
    for raw in files:
        path = Path(raw)
        name = str(path)
        try:
            try:
                if path.stat().st_size > MAX_BYTES:
                    raise _reject("exchange.bundle_too_large", name, limit_mb=MAX_BYTES // (1024 * 1024))
                data = path.read_bytes()
            except FileNotFoundError:
                raise NotFoundError("exchange.bundle_missing", file=name) from None
            except IsADirectoryError:
                raise _reject("exchange.bundle_corrupt", name) from None
            except OSError as exc:
                raise _reject("exchange.bundle_unreadable", name, reason=exc.strerror or str(exc)) from None
            with db.write() as s:
                event = s.get(Event, event_id)
                assert event is not None
                if event.status == EventStatus.FINALISED:
                    raise ConflictError("exchange.event_finalised", file=name, event=event.name)
                bundle = verify_bundle(s, event, data, name)
                known = s.scalar(select(MergedBundle).where(MergedBundle.event_id == event.id,
                                                            MergedBundle.sha256 == bundle.sha256))
                if known is not None:
                    report.files.append(FileReport(file=name, status="already_merged", judge=bundle.judge.name))
                    continue
                report.files.append(merge_verified(s, event, bundle, actor=actor, file_name=path.name))
        except OaoiError as exc:
            report.files.append(FileReport(file=name, status="rejected", message=exc.render(), error=exc))
    return report


# -- conflicts ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictSide:
    version_hash: str
    revision: int
    status: str
    device_id: str
    updated_at: dt.datetime | None
    scores: dict[str, tuple[Any, str]]
    """criterion id → (value as Decimal, comment)."""


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    dossier_id: uuid.UUID
    number: str
    title: str
    judge_id: uuid.UUID
    judge_name: str
    stage_id: str
    criteria: tuple[str, ...]
    stored: ConflictSide
    incoming: ConflictSide
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    resolution: str
    reason: str


def _side_of_sheet(sheet: ScoreSheet | None, digest: str) -> ConflictSide:
    if sheet is None:
        return ConflictSide(digest, 0, "", "", None, {})
    return ConflictSide(digest, sheet.revision or 0, sheet.status.value, str(sheet.device_id or ""),
                        sheet.updated_at, {s.criterion_id: (from_milli(s.value_milli), s.comment) for s in sheet.scores})


def _side_of_entry(entry: entries.Entry) -> ConflictSide:
    return ConflictSide(entry.version_hash, entry.revision, entry.status.value, str(entry.device_id or ""),
                        entry.updated_at, {c: (from_milli(v), t) for c, (v, t) in entry.scores.items()})


def _stored_sheet(session: Session, c: SheetConflict) -> ScoreSheet | None:
    return session.scalar(select(ScoreSheet).where(ScoreSheet.dossier_id == c.dossier_id,
                                                   ScoreSheet.judge_id == c.judge_id,
                                                   ScoreSheet.stage_id == c.stage_id))


def list_conflicts(session: Session, event: Event, *, open_only: bool = True, actor: Actor) -> list[ConflictView]:
    authorize(session, actor, Action.BUNDLE_RESOLVE, event=event)
    rubric = events.event_rubric(session, event)
    stmt = (select(SheetConflict, Dossier, User).join(Dossier, Dossier.id == SheetConflict.dossier_id)
            .join(User, User.id == SheetConflict.judge_id).where(SheetConflict.event_id == event.id)
            .order_by(SheetConflict.created_at, Dossier.number))
    if open_only:
        stmt = stmt.where(SheetConflict.resolved_at.is_(None))
    out = []
    for c, d, u in session.execute(stmt).all():
        sheet = _stored_sheet(session, c)
        try:
            criteria = tuple(rubric.stage(c.stage_id).criterion_ids)
        except KeyError:
            criteria = ()
        incoming = entries.parse_entry(c.incoming)
        out.append(ConflictView(
            id=c.id, dossier_id=d.id, number=d.number, title=d.title, judge_id=u.id, judge_name=u.name,
            stage_id=c.stage_id, criteria=criteria,
            stored=_side_of_sheet(sheet, lineage.sheet_hash(sheet) if sheet is not None else c.stored_hash),
            incoming=_side_of_entry(incoming), created_at=c.created_at, resolved_at=c.resolved_at,
            resolution=c.resolution, reason=c.reason))
    return out


def open_conflict_count(session: Session, event_id: uuid.UUID, *, actor: Actor) -> int:
    authorize(session, actor, Action.BUNDLE_RESOLVE, event=event_id)
    return session.scalar(select(func.count()).select_from(SheetConflict).where(
        SheetConflict.event_id == event_id, SheetConflict.resolved_at.is_(None))) or 0


def event_with_most_open_conflicts(session: Session, *, actor: Actor) -> uuid.UUID | None:
    """The event with the most unresolved sheet conflicts (None: there are none)."""
    authorize(session, actor, Action.BUNDLE_RESOLVE)
    return session.scalar(select(SheetConflict.event_id).where(SheetConflict.resolved_at.is_(None))
                          .group_by(SheetConflict.event_id).order_by(func.count().desc()).limit(1))


def resolve_conflict(session: Session, conflict_id: uuid.UUID | str, keep: str, reason: str, *,
                     actor: Actor) -> SheetConflict:
    """Keep the ``stored`` or the ``incoming`` version of a conflicting sheet, with a reason (audit logged).

    The version kept stays exactly as it was (its name does not change), and
    it now supersedes the other one, so neither laptop's copy comes back as a
    conflict unless it is edited further.
    """
    require_secretariat(session, actor, "bundle.resolve")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("exchange.resolve_reason_required")
    if keep not in ("stored", "incoming"):
        raise ValidationError("exchange.resolve_bad_choice", choice=keep)
    try:
        cid = uuid.UUID(str(conflict_id))
    except ValueError:  # not an id at all: the same answer as an unknown one
        raise NotFoundError("exchange.conflict_not_found", conflict=str(conflict_id)[:80]) from None
    c = session.get(SheetConflict, cid)
    if c is None:
        raise NotFoundError("exchange.conflict_not_found", conflict=str(conflict_id))
    if c.resolved_at is not None:
        raise ConflictError("exchange.conflict_resolved", conflict=str(conflict_id))
    event = session.get(Event, c.event_id)
    dossier = session.get(Dossier, c.dossier_id)
    assert event is not None and dossier is not None
    if event.status == EventStatus.FINALISED:
        raise ConflictError("exchange.event_finalised", file="-", event=event.name)
    incoming = entries.parse_entry(c.incoming)
    sheet = _stored_sheet(session, c)
    rows = lineage.lineages(session, event.id, c.judge_id)
    key = (c.dossier_id, c.judge_id, c.stage_id)
    mine = lineage.sheet_hash(sheet) if sheet is not None else c.stored_hash
    mine_anc = lineage.effective_ancestors(mine, rows.get(key))
    before = {"version_hash": mine, "scores": _values(_sheet_scores(sheet)) if sheet is not None else None,
              "status": sheet.status.value if sheet is not None else None}
    if keep == "incoming":
        sheet = entries.write_entry(session, incoming, sheet, event_id=event.id, source="bundle")
        lineage.record(session, rows, key, event.id, incoming.version_hash,
                       set(incoming.ancestors) | set(mine_anc) | {mine})
        kept = incoming.version_hash
    else:
        lineage.record(session, rows, key, event.id, mine,
                       set(mine_anc) | set(incoming.ancestors) | {incoming.version_hash})
        kept = mine
    c.resolved_at = utcnow()
    c.resolution = keep
    c.reason = reason
    c.resolved_by = actor.name
    session.flush()
    audit.append(session, actor=actor, action="sheet.conflict_resolved", event_id=event.id,
                 entity_type="sheet_conflict", entity_id=c.id, before=before,
                 after={"dossier_id": c.dossier_id, "dossier": dossier.number, "judge_id": c.judge_id,
                        "stage_id": c.stage_id, "kept": keep, "kept_version": kept,
                        "other_version": incoming.version_hash if keep == "stored" else mine, "reason": reason,
                        "scores": _values(incoming.scores) if keep == "incoming" else before["scores"]})
    return c


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


__all__ = [
    "FORMAT", "FORMAT_VERSION", "SUFFIX", "BundleExport", "VerifiedBundle", "SheetOutcome", "FileReport",
    "MergeReport", "ConflictSide", "ConflictView", "export_bundle", "build_payload", "encode_bundle",
    "parse_bundle", "verify_bundle", "merge_verified", "import_bundles", "list_conflicts", "open_conflict_count",
    "event_with_most_open_conflicts", "resolve_conflict", "bundle_files",
]
