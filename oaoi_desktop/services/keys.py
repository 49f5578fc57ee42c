"""Storing an event's keys and certificates, and the audit entries that say so.

:mod:`oaoi_desktop.signing.pki` makes the keys and certificates and opens
them (the facts); this service checks who may, stores them in the event's
database (:class:`~oaoi_desktop.store.models.EventAuthority`,
:class:`~oaoi_desktop.store.models.JudgeCredential`) and writes the audit:
``authority.created``, ``credential.issued``, ``credential.imported`` and
``key.rewrapped`` (a key stored with weaker parameters, re-encrypted the next
time it is unlocked, in the same transaction).
"""

from __future__ import annotations

import uuid
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ConflictError, NotFoundError
from oaoi_desktop.services import audit
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.signing.pki import (
    KDF_ITERATIONS,
    Signer,
    active_credential,
    authority_key,
    authority_row,
    build_authority,
    build_judge_certificate,
    build_pkcs12,
    cert_fingerprint,
    cert_pem,
    check_new_passphrase,
    encrypt_private_key,
    naive_utc,
    open_imported_pkcs12,
    pkcs12_protection,
    private_key_protection,
    secret_bytes,
    signer_from_credential,
    to_uuid,
)
from oaoi_desktop.store.models import Event, EventAuthority, JudgeCredential, User

REWRAPPED_ACTION = "key.rewrapped"


def _event(session: Session, event_id: Any) -> Event:
    event = session.get(Event, to_uuid(event_id))
    if event is None:
        raise NotFoundError("event.not_found", event=str(event_id))
    return event


def _user(session: Session, event: Event, user_id: Any) -> User:
    user = session.get(User, to_uuid(user_id))
    if user is None or (user.event_id is not None and user.event_id != event.id):
        raise NotFoundError("signing.person_not_found", person=str(user_id), event=event.name)
    return user


def _authorize(session: Session, actor: Actor, event: Event) -> None:
    """[auth, issue 12] only the signed-in secretariat issues the event CA and certificates."""
    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.CA_ISSUE, event=event)


def _audit_rewrap(session: Session, actor: Actor, event_id: uuid.UUID, entity_type: str, entity_id: Any,
                  before: dict[str, Any], **after: Any) -> None:
    audit.append(
        session, actor=actor, action=REWRAPPED_ACTION, event_id=event_id, entity_type=entity_type,
        entity_id=entity_id, before=before,
        after={**after, "kdf": "pbkdf2-hmac-sha256", "iterations": KDF_ITERATIONS, "cipher": "aes-256-cbc"},
    )


# -- the event authority --------------------------------------------------------------
def create_authority(session: Session, event_id: Any, passphrase: str, actor: Actor) -> EventAuthority:
    """Make the event's certificate authority; its key is encrypted with ``passphrase``.

    Refuses a second authority for the same event (:class:`ConflictError`).
    """
    event = _event(session, event_id)
    _authorize(session, actor, event)
    secret = check_new_passphrase(passphrase, "passphrase")
    if authority_row(session, event.id) is not None:
        raise ConflictError("signing.authority_exists", event=event.name)
    key, cert = build_authority(event)
    subject = cert.subject
    key_pem = encrypt_private_key(key, secret)
    row = EventAuthority(
        id=uuid.uuid4(),
        event_id=event.id,
        subject=subject.rfc4514_string(),
        certificate_pem=cert_pem(cert),
        key_pem=key_pem,
        fingerprint=cert_fingerprint(cert),
        created_by=actor.name,
    )
    session.add(row)
    session.flush()
    audit.append(
        session, actor=actor, action="authority.created", event_id=event.id,
        entity_type="event_authority", entity_id=row.id,
        after={"subject": row.subject, "fingerprint": row.fingerprint, "algorithm": "EC P-256",
               "not_after": naive_utc(cert.not_valid_after_utc)},
    )
    return row


def _authority_key(session: Session, row: EventAuthority, passphrase: str | bytes, event: Event,
                   actor: Actor) -> Any:
    """The CA's private key; a key stored with weak parameters is re-encrypted with the modern ones
    in ``session``'s transaction (``key.rewrapped``)."""
    key = authority_key(row, passphrase, event)
    old = private_key_protection(row.key_pem)
    if not old.get("strong"):
        row.key_pem = encrypt_private_key(key, secret_bytes(passphrase))
        session.flush()
        _audit_rewrap(session, actor, event.id, "event_authority", row.id,
                      {"iterations": old.get("iterations"), "prf": old.get("prf"), "cipher": old.get("cipher")},
                      what="authority_key", fingerprint=row.fingerprint)
    return key


# -- credentials ------------------------------------------------------------------------
def _deactivate(session: Session, event_id: uuid.UUID, user_id: uuid.UUID) -> list[str]:
    old = session.scalars(
        select(JudgeCredential).where(
            JudgeCredential.event_id == event_id,
            JudgeCredential.user_id == user_id,
            JudgeCredential.active.is_(True),
        )
    ).all()
    for row in old:
        row.active = False
    return [r.serial for r in old]


def issue_judge_certificate(
    session: Session, event_id: Any, user_id: Any, ca_passphrase: str, judge_passphrase: str, actor: Actor
) -> JudgeCredential:
    """Make a key and a certificate for a person of the event, signed by the event's authority.

    The key is kept only in an encrypted PKCS#12 (``judge_passphrase``).  A
    previous active credential of the same person is deactivated.
    """
    event = _event(session, event_id)
    _authorize(session, actor, event)
    user = _user(session, event, user_id)
    judge_secret = check_new_passphrase(judge_passphrase, "judge_passphrase")
    row = authority_row(session, event.id)
    if row is None:
        raise NotFoundError("signing.no_authority", event=event.name)
    ca_key = _authority_key(session, row, ca_passphrase, event, actor)
    ca_cert = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))

    key, cert, serial = build_judge_certificate(user, ca_key, ca_cert)
    subject = cert.subject
    replaced = _deactivate(session, event.id, user.id)
    credential = JudgeCredential(
        id=uuid.uuid4(),
        event_id=event.id,
        user_id=user.id,
        source="issued",
        subject=subject.rfc4514_string(),
        issuer=ca_cert.subject.rfc4514_string(),
        serial=format(serial, "x"),
        certificate_pem=cert_pem(cert),
        chain_pem=cert_pem(ca_cert),
        pkcs12=build_pkcs12(user.name, key, cert, [ca_cert], judge_secret),
        fingerprint=cert_fingerprint(cert),
        not_after=naive_utc(cert.not_valid_after_utc),
        active=True,
    )
    session.add(credential)
    session.flush()
    audit.append(
        session, actor=actor, action="credential.issued", event_id=event.id,
        entity_type="judge_credential", entity_id=credential.id,
        after={"user_id": user.id, "name": user.name, "subject": credential.subject,
               "serial": credential.serial, "fingerprint": credential.fingerprint,
               "not_after": credential.not_after, "replaced_serials": replaced},
    )
    return credential


def import_judge_certificate(
    session: Session, event_id: Any, user_id: Any, p12_bytes: bytes, p12_passphrase: str, actor: Actor
) -> JudgeCredential:
    """Use an existing certificate (a PKCS#12 file) as the person's signing credential.

    The file is re-encrypted with the same passphrase using strong algorithms
    before it is stored; its issuers are kept in ``chain_pem``.
    """
    event = _event(session, event_id)
    _authorize(session, actor, event)
    user = _user(session, event, user_id)
    key, cert, chain = open_imported_pkcs12(p12_bytes, p12_passphrase, user.name)
    secret = check_new_passphrase(p12_passphrase, "p12_passphrase")
    replaced = _deactivate(session, event.id, user.id)
    credential = JudgeCredential(
        id=uuid.uuid4(),
        event_id=event.id,
        user_id=user.id,
        source="imported",
        subject=cert.subject.rfc4514_string()[:500],
        issuer=cert.issuer.rfc4514_string()[:500],
        serial=format(cert.serial_number, "x"),
        certificate_pem=cert_pem(cert),
        chain_pem="".join(cert_pem(c) for c in chain),
        pkcs12=build_pkcs12(user.name, key, cert, chain, secret),
        fingerprint=cert_fingerprint(cert),
        not_after=naive_utc(cert.not_valid_after_utc),
        active=True,
    )
    session.add(credential)
    session.flush()
    audit.append(
        session, actor=actor, action="credential.imported", event_id=event.id,
        entity_type="judge_credential", entity_id=credential.id,
        after={"user_id": user.id, "name": user.name, "subject": credential.subject,
               "issuer": credential.issuer, "serial": credential.serial,
               "fingerprint": credential.fingerprint, "not_after": credential.not_after,
               "replaced_serials": replaced},
    )
    return credential


def load_signer(session: Session, event_id: Any, user_id: Any, passphrase: str, *,
                actor: Actor | None = None, rewrap: bool = True) -> Signer:
    """The person's active credential, opened with their passphrase.

    A wrong passphrase raises ``signing.wrong_passphrase`` naming the person.
    A PKCS#12 stored with weak parameters is re-encrypted with the modern ones
    in ``session``'s transaction (``key.rewrapped``, by ``actor`` or else the
    person who typed the passphrase) unless ``rewrap`` is false (a read-only
    session: call :func:`rewrap_credential` in a write afterwards).
    """
    event = _event(session, event_id)
    user = _user(session, event, user_id)
    credential = active_credential(session, event.id, user.id)
    if credential is None:
        raise NotFoundError("signing.no_credential", name=user.name, event=event.name)
    signer = signer_from_credential(credential, passphrase, user.name)
    if rewrap:
        _rewrap_if_weak(session, event, user, credential, signer, passphrase, actor)
    return signer


def rewrap_credential(session: Session, event_id: Any, user_id: Any, passphrase: str,
                      actor: Actor | None = None) -> bool:
    """Open the person's active credential and re-encrypt it if weak; True when it was re-wrapped."""
    event = _event(session, event_id)
    user = _user(session, event, user_id)
    credential = active_credential(session, event.id, user.id)
    if credential is None:
        return False
    signer = signer_from_credential(credential, passphrase, user.name)
    return _rewrap_if_weak(session, event, user, credential, signer, passphrase, actor)


def _rewrap_if_weak(session: Session, event: Event, user: User, credential: JudgeCredential, signer: Signer,
                    passphrase: str | bytes, actor: Actor | None) -> bool:
    old = pkcs12_protection(credential.pkcs12)
    if old.get("strong"):
        return False
    credential.pkcs12 = build_pkcs12(user.name, signer.private_key, signer.certificate, signer.chain,
                                secret_bytes(passphrase))
    session.flush()
    _audit_rewrap(session, actor or Actor(user.name, user.id), event.id, "judge_credential", credential.id,
                  {"mac": old.get("mac"), "parts": old.get("parts")},
                  what="signing_credential", name=user.name, serial=credential.serial,
                  fingerprint=credential.fingerprint)
    return True


__all__ = [
    "REWRAPPED_ACTION",
    "create_authority",
    "import_judge_certificate",
    "issue_judge_certificate",
    "load_signer",
    "rewrap_credential",
]
