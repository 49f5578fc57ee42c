"""Signing the panel's PDFs and verifying them: the use cases behind ``oaoi sign|verify`` and the GUI.

Signing (:func:`sign_files`): one passphrase opens the person's credential
once for the whole batch; each file gets an approval signature in that
person's own field (``sig_<user uuid hex>``), is written to a temporary name
and renamed, and ``document.signed`` is audited (file name, SHA-256 before
and after, field, document number; never a key or passphrase).

Verifying (:func:`verify_file`): every signature of a PDF is listed with its
checks, each ``ok``, ``fail`` or ``not_checkable``:

* ``intact`` — the signed bytes and the signature value match (pyHanko);
* ``unchanged_after`` — nothing but later signatures was appended after it
  (pyHanko's modification analysis, judged by ``modification_level`` and
  DocMDP, plus: any unsigned revision after it fails);
* ``authority`` — the certificate chains to the event's authority (or is an
  imported certificate registered for the event); otherwise the issuer is named;
* ``registered`` — the signing certificate is the one registered in
  ``judge_credentials`` for a person of this event (SHA-256 fingerprint of its
  DER), it had not been replaced by a newer credential before the signing time,
  and it was valid at the signing time; the check names that person.  A
  certificate minted outside the app's records (even with the event's CA key)
  fails as "not registered";
* ``field_owner`` — the signature sits in the field of the registered person who signed;

and for the document: ``fingerprint`` — the printed fingerprint still
matches the scores in the database (when the event is present and the
documents module can recompute it).  A report is ``ok`` when no check fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.files import write_atomically
from oaoi_desktop.i18n import render
from oaoi_desktop.services import audit
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services import keys
from oaoi_desktop.signing import cms, pades, pki
from oaoi_desktop.store.models import Event, JudgeCredential, User
from oaoi_desktop.services.policy import Action, authorize_db

OK = "ok"
FAIL = "fail"
NOT_CHECKABLE = "not_checkable"


# =====================================================================================
# Reports
# =====================================================================================
@dataclass(frozen=True)
class Check:
    """One check: a stable English ``name``, a ``status`` and a message in the current language."""

    name: str
    status: str
    message: str

    @property
    def failed(self) -> bool:
        return self.status == FAIL


@dataclass(frozen=True)
class SignatureReport:
    """One signature of a PDF and its checks."""

    field_name: str
    signer: str
    signer_subject: str
    issuer: str
    serial: str
    user_id: str | None
    signing_time: dt.datetime | None
    intact: bool
    modification_level: str
    unsigned_changes_after: bool
    coverage: str
    chains_to_event: bool | None
    bottom_line: bool
    checks: tuple[Check, ...]
    registered_judge: str | None = None
    """The name of the person whose registered credential made the signature (None: not registered)."""

    @property
    def ok(self) -> bool:
        return not any(c.failed for c in self.checks)

    def check(self, name: str) -> Check | None:
        return next((c for c in self.checks if c.name == name), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field_name,
            "signer": self.signer,
            "signer_subject": self.signer_subject,
            "issuer": self.issuer,
            "serial": self.serial,
            "user_id": self.user_id,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "intact": self.intact,
            "modification_level": self.modification_level,
            "unsigned_changes_after": self.unsigned_changes_after,
            "coverage": self.coverage,
            "chains_to_event": self.chains_to_event,
            "pyhanko_bottom_line": self.bottom_line,
            "registered_judge": self.registered_judge,
            "ok": self.ok,
            "checks": {c.name: {"status": c.status, "message": c.message} for c in self.checks},
        }


@dataclass(frozen=True)
class VerifyReport:
    """Everything :func:`verify_file` found about one PDF."""

    path: Path
    event_id: str = ""
    event_name: str = ""
    event_present: bool = False
    document_number: str = ""
    kind: str = ""
    printed_fingerprint: str = ""
    current_fingerprint: str | None = None
    fingerprint: Check | None = None
    signatures: tuple[SignatureReport, ...] = ()
    empty_fields: tuple[str, ...] = ()
    problems: tuple[Check, ...] = field(default_factory=tuple)
    timezone: str = "WIB"
    """The event's time zone: signing times are shown as its local time (not in :meth:`to_json`)."""

    @property
    def checks(self) -> tuple[Check, ...]:
        """The document-level checks (problems and the fingerprint)."""
        return self.problems + ((self.fingerprint,) if self.fingerprint else ())

    @property
    def ok(self) -> bool:
        return not any(c.failed for c in self.checks) and all(s.ok for s in self.signatures)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "ok": self.ok,
            "event_id": self.event_id or None,
            "event_name": self.event_name or None,
            "event_present": self.event_present,
            "document_number": self.document_number or None,
            "kind": self.kind or None,
            "printed_fingerprint": self.printed_fingerprint or None,
            "current_fingerprint": self.current_fingerprint,
            "fingerprint": ({"status": self.fingerprint.status, "message": self.fingerprint.message}
                            if self.fingerprint else None),
            "problems": [{"check": c.name, "status": c.status, "message": c.message} for c in self.problems],
            "unsigned_fields": list(self.empty_fields),
            "signatures": [s.to_json() for s in self.signatures],
        }


def _check(name: str, status: str, message_id: str, **params: Any) -> Check:
    return Check(name, status, render(message_id, None, **params))


# =====================================================================================
# Verification
# =====================================================================================
def _uid_attr(cert: x509.Certificate) -> uuid.UUID | None:
    attrs = cert.subject.get_attributes_for_oid(NameOID.USER_ID)
    if not attrs:
        return None
    try:
        return uuid.UUID(str(attrs[0].value))
    except ValueError:
        return None


def _event_of(session: Session | None, event_id: str) -> Event | None:
    if session is None or not event_id:
        return None
    try:
        return session.get(Event, uuid.UUID(event_id))
    except ValueError:
        return None


def _fingerprint_check(session: Session | None, event: Event | None, info: pades.PdfInfo
                       ) -> tuple[Check, str | None]:
    if not info.fingerprint:
        return _check("fingerprint", NOT_CHECKABLE, "signatures.fp_not_printed"), None
    if event is None or session is None:
        return _check("fingerprint", NOT_CHECKABLE, "signatures.fp_no_event"), None
    from oaoi_desktop.services.documents import recompute_fingerprint

    try:
        current = recompute_fingerprint(session, event.id, info.number)
    except OaoiError as exc:
        return Check("fingerprint", NOT_CHECKABLE, exc.render()), None
    if current is None:
        return _check("fingerprint", NOT_CHECKABLE, "signatures.fp_unknown_number", number=info.number), None
    if current != info.fingerprint:
        return _check("fingerprint", FAIL, "signatures.fp_mismatch", printed=info.fingerprint[:16],
                      current=current[:16]), current
    return _check("fingerprint", OK, "signatures.fp_ok", fingerprint=info.fingerprint[:16]), current


def _authority_check(session: Session | None, event: Event | None, cert: x509.Certificate,
                     embedded: Sequence[x509.Certificate], trusted: Sequence[x509.Certificate]
                     ) -> tuple[Check, bool | None, JudgeCredential | None]:
    issuer = pki.common_name(cert.issuer)
    registered: JudgeCredential | None = None
    if event is not None and session is not None:
        registered = session.scalar(select(JudgeCredential).where(
            JudgeCredential.event_id == event.id,
            JudgeCredential.fingerprint == pki.cert_fingerprint(cert)))
        ca = pki.authority_certificate(session, event.id)
        if ca is not None:
            try:
                cms.chain_to(cert, embedded, [ca])
                return _check("authority", OK, "signatures.chain_ok", authority=pki.common_name(ca.subject)), \
                    True, registered
            except OaoiError:
                pass
        if registered is not None and registered.source == "imported":
            chain = pki.certs_from_pem(registered.chain_pem)
            roots = [c for c in chain if c.subject == c.issuer] or chain[-1:]
            try:
                cms.chain_to(cert, list(embedded) + chain, roots)
                return _check("authority", OK, "signatures.chain_imported", issuer=issuer), False, registered
            except OaoiError:
                return _check("authority", FAIL, "signatures.chain_imported_broken", issuer=issuer), False, \
                    registered
        if not trusted:
            return _check("authority", FAIL, "signatures.chain_other", issuer=issuer, event=event.name), \
                False, registered
    if trusted:
        try:
            path = cms.chain_to(cert, embedded, trusted)
            return _check("authority", OK, "signatures.chain_ok", authority=pki.common_name(path[-1].subject)), \
                (True if event is not None else None), registered
        except OaoiError:
            return _check("authority", FAIL, "signatures.chain_untrusted", issuer=issuer), False, registered
    return _check("authority", NOT_CHECKABLE, "signatures.chain_no_event", issuer=issuer), None, registered


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


def _registered_check(session: Session | None, event: Event | None, cert: x509.Certificate,
                      registered: JudgeCredential | None, signing_time: dt.datetime | None
                      ) -> tuple[Check, str | None]:
    """Is ``cert`` the credential registered for a person of ``event``, unreplaced and valid at signing time?"""
    if event is None or session is None:
        return _check("registered", NOT_CHECKABLE, "keys.registered_no_db"), None
    if registered is None:
        return _check("registered", FAIL, "keys.not_registered", subject=pki.common_name(cert.subject)), None
    person = session.get(User, registered.user_id)
    name = person.name if person is not None else str(registered.user_id)
    if signing_time is None:
        return _check("registered", FAIL, "keys.no_signing_time", judge=name), name
    signed = _utc(signing_time)
    from oaoi_desktop.i18n.formats import local_time, zone_of

    zone = zone_of(event)  # printed as local time with its zone (WIB, WITA, WIT), never UTC
    stamp = local_time(signed, zone)
    if not cert.not_valid_before_utc <= signed <= cert.not_valid_after_utc:
        return _check("registered", FAIL, "keys.outside_validity", judge=name, signed=stamp,
                      start=cert.not_valid_before_utc.date().isoformat(),
                      end=cert.not_valid_after_utc.date().isoformat()), name
    if not registered.active:
        replaced = session.scalar(select(func.min(JudgeCredential.created_at)).where(
            JudgeCredential.event_id == registered.event_id, JudgeCredential.user_id == registered.user_id,
            JudgeCredential.created_at > registered.created_at))
        # A PDF's signing time has whole seconds: a signature in the second of the replacement
        # counts as after it (a judge re-signs; a thief with the old key gains nothing).
        if replaced is not None and _utc(replaced).replace(microsecond=0) <= signed:
            return _check("registered", FAIL, "keys.replaced_before_signing", judge=name, serial=registered.serial,
                          replaced=local_time(_utc(replaced), zone),
                          signed=stamp), name
    return _check("registered", OK, "keys.registered_ok", judge=name, serial=registered.serial), name


def _signature_report(session: Session | None, event: Event | None, es: pades.EmbeddedCheck,
                      trusted: Sequence[x509.Certificate]) -> SignatureReport:
    cert = es.certificate
    checks: list[Check] = []
    if es.error or cert is None:
        checks.append(_check("intact", FAIL, "signatures.damaged", reason=es.error or "?"))
    elif es.intact and es.valid:
        checks.append(_check("intact", OK, "signatures.intact_ok"))
    else:
        checks.append(_check("intact", FAIL, "signatures.intact_fail"))
    if es.unsigned_revisions_after:
        checks.append(_check("unchanged_after", FAIL, "signatures.unsigned_after",
                             count=len(es.unsigned_revisions_after)))
    elif not es.unchanged_after:
        checks.append(_check("unchanged_after", FAIL, "signatures.modified_after", level=es.modification_level))
    else:
        checks.append(_check("unchanged_after", OK, "signatures.unchanged_ok", level=es.modification_level))
    chains: bool | None = None
    registered = None
    registered_name: str | None = None
    if cert is not None:
        auth, chains, registered = _authority_check(session, event, cert, es.embedded_certs, trusted)
        checks.append(auth)
        reg_check, registered_name = _registered_check(session, event, cert, registered, es.signing_time)
        checks.append(reg_check)
    field_user = pades.user_of_field(es.field_name)
    if registered is not None:
        signer_user = registered.user_id
    elif event is None and cert is not None:  # offline: only the certificate's own claim is available
        signer_user = _uid_attr(cert)
    else:  # an unregistered certificate's claims prove nothing
        signer_user = None
    if field_user is not None and signer_user is None and event is not None and cert is not None:
        # an unregistered certificate is nobody's credential here: never the field owner's
        checks.append(_check("field_owner", FAIL, "signatures.owner_fail", field=es.field_name))
    elif field_user is not None and signer_user is not None:
        if field_user == signer_user:
            checks.append(_check("field_owner", OK, "signatures.owner_ok"))
        else:
            checks.append(_check("field_owner", FAIL, "signatures.owner_fail", field=es.field_name))
    return SignatureReport(
        field_name=es.field_name,
        signer=pki.common_name(cert.subject) if cert else "?",
        signer_subject=cert.subject.rfc4514_string() if cert else "",
        issuer=pki.common_name(cert.issuer) if cert else "",
        serial=format(cert.serial_number, "x") if cert else "",
        user_id=str(signer_user) if signer_user else None,
        signing_time=es.signing_time,
        intact=es.intact and es.valid and not es.error,
        modification_level=es.modification_level,
        unsigned_changes_after=bool(es.unsigned_revisions_after),
        coverage=es.coverage,
        chains_to_event=chains,
        bottom_line=es.bottom_line,
        checks=tuple(checks),
        registered_judge=registered_name if registered_name and not any(
            c.name == "registered" and c.failed for c in checks) else None,
    )


def verify_bytes(session: Session | None, data: bytes, path: Path | str = "",
                 trusted: Sequence[x509.Certificate] = ()) -> VerifyReport:
    """:func:`verify_file` for bytes already read."""
    path = Path(path)
    try:
        reader_info = pades.read_info(pades.pdf_reader(data))
    except OaoiError:
        return VerifyReport(path=path, problems=(_check("readable", FAIL, "signatures.unreadable_pdf",
                                                        file=path.name, reason="PDF"),))
    event = _event_of(session, reader_info.event_id)
    anchors: list[x509.Certificate] = list(trusted)
    if event is not None and session is not None:
        ca = pki.authority_certificate(session, event.id)
        if ca is not None:
            anchors.append(ca)
        for cred in session.scalars(select(JudgeCredential).where(JudgeCredential.event_id == event.id,
                                                                  JudgeCredential.source == "imported")):
            anchors.extend(c for c in pki.certs_from_pem(cred.chain_pem) if c.subject == c.issuer)
    try:
        inspection = pades.inspect_pdf(data, anchors)
    except OaoiError as exc:
        return VerifyReport(path=path, event_id=reader_info.event_id,
                            problems=(_check("readable", FAIL, "signatures.unreadable_pdf", file=path.name,
                                             reason=exc.params.get("reason", "")),))
    info = inspection.info
    fp_check, current = _fingerprint_check(session, event, info)
    signatures = tuple(_signature_report(session, event, es, trusted) for es in inspection.signatures)
    problems: list[Check] = []
    if not signatures:
        problems.append(_check("signed", FAIL, "signatures.none"))
    return VerifyReport(
        path=path,
        event_id=info.event_id,
        event_name=event.name if event is not None else "",
        event_present=event is not None,
        document_number=info.number,
        kind=info.kind,
        printed_fingerprint=info.fingerprint,
        current_fingerprint=current,
        fingerprint=fp_check,
        signatures=signatures,
        empty_fields=inspection.empty_fields,
        problems=tuple(problems),
        timezone=_zone_of(event),
    )


def _zone_of(event: Event | None) -> str:
    from oaoi_desktop.i18n.formats import zone_of

    return zone_of(event)


def verify_file(session: Session | None, path: Path | str,
                trusted: Sequence[x509.Certificate] = ()) -> VerifyReport:
    """Check every signature of the PDF at ``path`` (see the module docstring).

    ``session`` may be ``None`` (no database): the authority is then checked
    only against ``trusted`` and the fingerprint is not checkable.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return VerifyReport(path=path, problems=(_check("readable", FAIL, "signatures.cannot_read",
                                                        file=str(path), reason=exc.strerror or str(exc)),))
    return verify_bytes(session, data, path, trusted)


# =====================================================================================
# Signing
# =====================================================================================
@dataclass(frozen=True)
class SignOutcome:
    """What happened to one file of a batch: ``status`` ``signed``, ``failed`` or ``cancelled``."""

    path: Path
    status: str
    field_name: str = ""
    sha256: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "signed"


def find_person(session: Session, event: Event, ref: str) -> User:
    """A person of ``event`` who may sign, by id or exact name (case-insensitive), as ``--judge`` does."""
    from oaoi_desktop.services import accounts

    return accounts.find_judge(session, event, str(ref))


def _stale(session: Session, info: pades.PdfInfo) -> bool:
    """True when the document's printed fingerprint no longer matches the database (scores changed)."""
    if not (info.fingerprint and info.number and info.event_id) or _event_of(session, info.event_id) is None:
        return False
    from oaoi_desktop.services.documents import recompute_fingerprint

    try:
        current = recompute_fingerprint(session, info.event_id, info.number)
    except OaoiError:
        return False
    return current is not None and current != info.fingerprint


@dataclass(frozen=True)
class _Person:
    id: uuid.UUID
    name: str


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_text() -> pades.StampText:
    return pades.StampText(label=render("signatures.stamp_label"), time_label=render("signatures.stamp_time"))


def sign_files(
    db: Any,
    paths: Sequence[Path | str],
    *,
    judge: str | uuid.UUID,
    passphrase: str,
    actor: Actor,
    event: str | uuid.UUID | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[SignOutcome]:
    """Sign each PDF of ``paths`` in place, as ``judge``, with one passphrase for the whole batch.

    ``db`` is a :class:`~oaoi_desktop.store.database.Database` (each file is
    audited in its own transaction, so a long batch does not hold the write
    lock).  The event is ``event`` or, per file, the document's
    ``/OaoiEventId``.  The passphrase is checked for every event involved
    before any file is touched: a wrong one raises ``signing.wrong_passphrase``
    and changes nothing.  A document whose printed fingerprint no longer
    matches the database (a score changed since it was made) is not signed.  Files are signed in order; ``progress(done, total,
    path)`` is called after each and ``cancelled()`` before each.
    """
    authorize_db(db, actor, Action.SIGN_OWN_FIELD, event=event, judge=judge)
    files = [Path(p) for p in paths]
    outcomes: dict[int, SignOutcome] = {}
    event_of: dict[int, uuid.UUID] = {}
    # 1. which event each file belongs to
    with db.read() as s:
        fixed: Event | None = None
        if event is not None:
            from oaoi_desktop.services.events import get_event

            fixed = get_event(s, str(event))
        for i, path in enumerate(files):
            try:
                data = path.read_bytes()
            except OSError as exc:
                outcomes[i] = SignOutcome(path, "failed", message=render(
                    "signatures.cannot_read", None, file=str(path), reason=exc.strerror or str(exc)))
                continue
            try:
                info = pades.read_info(pades.pdf_reader(data))
            except OaoiError:
                outcomes[i] = SignOutcome(path, "failed", message=render(
                    "signatures.unreadable_pdf", None, file=path.name, reason="PDF"))
                continue
            stale = _stale(s, info)
            if stale:
                outcomes[i] = SignOutcome(path, "failed", message=render(
                    "signatures.stale_document", None, file=path.name, number=info.number))
                continue
            if fixed is not None:
                if info.event_id and info.event_id != str(fixed.id):
                    outcomes[i] = SignOutcome(path, "failed", message=render(
                        "signatures.other_event", None, file=path.name, event=fixed.name))
                    continue
                event_of[i] = fixed.id
            else:
                ev = _event_of(s, info.event_id)
                if ev is None:
                    outcomes[i] = SignOutcome(path, "failed", message=render(
                        "signatures.event_unknown", None, file=path.name))
                    continue
                event_of[i] = ev.id
    # 2. one passphrase opens the credential of every event involved (no file touched yet); a
    #    write, short: a credential stored with weak parameters is re-wrapped on this use
    with db.write() as s:
        signers: dict[uuid.UUID, tuple[pki.Signer, _Person]] = {}
        for event_id in dict.fromkeys(event_of.values()):
            ev = s.get(Event, event_id)
            assert ev is not None
            user = find_person(s, ev, str(judge))
            signers[event_id] = (keys.load_signer(s, ev.id, user.id, passphrase, actor=actor),
                                 _Person(user.id, user.name))
        location = {eid: (s.get(Event, eid).venue or "") for eid in signers}
    stamp = stamp_text()
    total = len(files)
    done = 0
    for i, path in enumerate(files):
        if i in outcomes:
            done += 1
            if progress:
                progress(done, total, path)
            continue
        if cancelled is not None and cancelled():
            for j in range(i, total):
                outcomes.setdefault(j, SignOutcome(files[j], "cancelled",
                                                   message=render("signatures.cancelled", None)))
            break
        signer, person = signers[event_of[i]]
        fname = pades.field_name_for(person.id)
        try:
            before = path.read_bytes()
            signed = pades.sign_pdf_bytes(signer, before, fname, name=person.name, file=path.name,
                                          location=location[event_of[i]], stamp=stamp)
            info = pades.read_info(pades.pdf_reader(before))
            digest = _sha256(signed)
            with db.write() as s:
                audit.append(
                    s, actor=actor, action="document.signed", event_id=event_of[i],
                    entity_type="document", entity_id=info.number or path.name,
                    after={"file": path.name, "field": fname, "signer": person.name,
                           "signer_id": person.id, "certificate_serial": format(signer.certificate.serial_number, "x"),
                           "sha256_before": _sha256(before), "sha256": digest,
                           "document_number": info.number or None},
                )
                write_atomically(path, signed)
            outcomes[i] = SignOutcome(path, "signed", field_name=fname, sha256=digest,
                                      message=render("signatures.signed_one", None, file=path.name,
                                                     name=person.name))
        except OaoiError as exc:
            if "file" in exc.params and not exc.params["file"]:
                exc.params["file"] = path.name
            outcomes[i] = SignOutcome(path, "failed", field_name=fname, message=exc.render())
        except OSError as exc:
            outcomes[i] = SignOutcome(path, "failed", field_name=fname, message=render(
                "signatures.cannot_write", None, file=str(path), reason=exc.strerror or str(exc)))
        done += 1
        if progress:
            progress(done, total, path)
    return [outcomes[i] for i in range(total)]


__all__ = [
    "Check",
    "FAIL",
    "NOT_CHECKABLE",
    "OK",
    "SignOutcome",
    "SignatureReport",
    "VerifyReport",
    "find_person",
    "sign_files",
    "verify_bytes",
    "verify_file",
]
