"""Keys and certificates of an event: its authority (CA) and each signer's credential.

Algorithm: **EC P-256 with SHA-256** everywhere.  It is what PAdES validators
(Adobe, pyHanko, poppler/NSS) all accept; a signature costs well under a
millisecond on a venue laptop where RSA-3072 costs several (the budget for
one PDF signature is 150 ms, and a batch signs hundreds); the keys are small
enough to travel inside panel packages; and 128-bit security matches RSA-3072.
Imported credentials (e.g. from a government CA) may be RSA or EC.

Storage:
* the event authority's key is an encrypted PKCS#8 PEM in
  :class:`~oaoi_desktop.store.models.EventAuthority` (the secretariat's passphrase);
* a signer's key exists only inside an encrypted PKCS#12 in
  :class:`~oaoi_desktop.store.models.JudgeCredential` (that person's own
  passphrase); the certificate and its chain are also kept in clear (public).

Protection (both): PBES2 with PBKDF2-HMAC-SHA256, :data:`KDF_ITERATIONS`
iterations and a random 16-byte salt, AES-256-CBC.  The PKCS#12's integrity MAC
is PBMAC1 (RFC 9579: HMAC-SHA256 keyed by PBKDF2-HMAC-SHA256 with the same
iteration count), because the classic PKCS#12 MAC that ``cryptography`` writes
(2,048 iterations, whatever ``kdf_rounds`` says) would let a guess be checked
300 times faster than the encryption allows.  PKCS#8 has no builder with an
iteration count in ``cryptography``, so the CA key's ``EncryptedPrivateKeyInfo``
is written here (:func:`encrypt_private_key`) and read back by
``load_pem_private_key``.  A key stored with weaker parameters (before this
version) is re-encrypted the next time it is unlocked, in the same transaction,
audited as ``key.rewrapped``.  New passphrases obey
:mod:`oaoi_desktop.passphrase_policy`.

No key, passphrase or PKCS#12 ever reaches a log or the audit log: audit
entries carry subjects, serials and certificate fingerprints only.

Detached CMS signatures (:func:`sign_detached` / :func:`verify_detached`) sign
non-PDF files such as judge bundles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from asn1crypto import algos as asn1_algos
from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import tsp as _asn1_tsp  # noqa: F401 - see below
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import passphrase_policy

# asn1crypto builds a reverse table of CMS attribute names the first time one is
# used, and ``asn1crypto.tsp`` (imported later by pyHanko) adds
# ``signing_certificate_v2`` to the forward table only: a bundle verified before
# pyHanko is imported left signing unable to name that attribute ("invalid literal
# for int() ... 'signing_certificate_v2'").  Importing tsp here, before any CMS is
# parsed, and forgetting the reverse tables, keeps both tables whole.
asn1_cms.CMSAttributeType._reverse_map = None
from oaoi_desktop.errors import ConflictError, NotFoundError, OaoiError, ValidationError
from oaoi_desktop.services import audit
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.models import Event, EventAuthority, JudgeCredential, User

MIN_PASSPHRASE_LENGTH = passphrase_policy.MIN_PASSPHRASE_LENGTH
KDF_ITERATIONS = 600_000
"""PBKDF2-HMAC-SHA256 iterations protecting every stored key (OWASP's 2023 figure for SHA-256)."""
KDF_SALT_BYTES = 16
_PBMAC1 = "1.2.840.113549.1.5.14"
REWRAPPED_ACTION = "key.rewrapped"
AUTHORITY_YEARS = 10
CREDENTIAL_YEARS = 5
_SERIAL_RANDOM_BITS = 30
"""Issued serials are ``user_id.int << 30 | random``: the user id is readable
from the serial (``serial >> 30``) and a re-issue still gets a new serial."""


# -- values -------------------------------------------------------------------------
@dataclass(frozen=True)
class Signer:
    """A loaded signing credential: the private key, its certificate, and the issuers."""

    private_key: Any
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    def __repr__(self) -> str:  # never print the key
        return f"Signer(subject={self.certificate.subject.rfc4514_string()!r})"


# -- helpers ------------------------------------------------------------------------
def _uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise NotFoundError("signing.bad_id", value=str(value)) from exc


def _secret(passphrase: str | bytes | None) -> bytes:
    if passphrase is None:
        return b""
    if isinstance(passphrase, bytes):
        return passphrase
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _check_new_passphrase(passphrase: str | bytes | None, field: str) -> bytes:
    passphrase_policy.check_passphrase(passphrase, field)
    return _secret(passphrase)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def cert_fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER bytes, lower-case hex."""
    return cert.fingerprint(hashes.SHA256()).hex()


def cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def certs_from_pem(text: str | bytes | None) -> list[x509.Certificate]:
    if not text:
        return []
    data = text.encode("ascii") if isinstance(text, str) else text
    return list(x509.load_pem_x509_certificates(data))


def common_name(name: x509.Name) -> str:
    attrs = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if attrs:
        return str(attrs[0].value)
    return name.rfc4514_string()


def _naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _event(session: Session, event_id: Any) -> Event:
    event = session.get(Event, _uuid(event_id))
    if event is None:
        raise NotFoundError("event.not_found", event=str(event_id))
    return event


def _user(session: Session, event: Event, user_id: Any) -> User:
    user = session.get(User, _uuid(user_id))
    if user is None or (user.event_id is not None and user.event_id != event.id):
        raise NotFoundError("signing.person_not_found", person=str(user_id), event=event.name)
    return user


def _authorize(session: Session, actor: Actor, event: Event) -> None:
    """[auth, issue 12] only the signed-in secretariat issues the event CA and certificates."""
    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.CA_ISSUE, event=event)


def _authority_row(session: Session, event_id: uuid.UUID) -> EventAuthority | None:
    return session.scalar(select(EventAuthority).where(EventAuthority.event_id == event_id))


def _name_attr(oid: x509.ObjectIdentifier, value: str, limit: int = 64) -> x509.NameAttribute | None:
    value = " ".join((value or "").split())[:limit]
    return x509.NameAttribute(oid, value) if value else None


def _name(*attrs: x509.NameAttribute | None) -> x509.Name:
    return x509.Name([a for a in attrs if a is not None])


# -- key protection -------------------------------------------------------------------
class _Pbmac1Params(asn1_core.Sequence):
    """RFC 9579 PBMAC1-params: the PBKDF2 that keys the MAC, and the HMAC."""

    _fields = [("key_derivation_func", asn1_algos.KdfAlgorithm),
               ("message_auth_scheme", asn1_algos.HmacAlgorithm)]


def _pbkdf2(secret: bytes, salt: bytes, iterations: int = KDF_ITERATIONS) -> bytes:
    return PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(secret)


def _pbkdf2_params(salt: bytes, iterations: int) -> dict[str, Any]:
    return {"algorithm": "pbkdf2", "parameters": {
        "salt": asn1_algos.Pbkdf2Salt(name="specified", value=salt), "iteration_count": iterations,
        "key_length": 32, "prf": {"algorithm": "sha256"}}}


def encrypt_private_key(key: Any, secret: bytes) -> str:
    """``key`` as an encrypted PKCS#8 PEM: PBES2, PBKDF2-HMAC-SHA256 x KDF_ITERATIONS, AES-256-CBC."""
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    salt, iv = os.urandom(KDF_SALT_BYTES), os.urandom(16)
    padder = sym_padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(_pbkdf2(secret, salt)), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padder.update(der) + padder.finalize()) + encryptor.finalize()
    info = asn1_keys.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": "pbes2", "parameters": {
            "key_derivation_func": _pbkdf2_params(salt, KDF_ITERATIONS),
            "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv}}},
        "encrypted_data": ciphertext,
    })
    return _pem("ENCRYPTED PRIVATE KEY", info.dump())


def _pem(label: str, der: bytes) -> str:
    import base64
    import textwrap

    body = "\n".join(textwrap.wrap(base64.b64encode(der).decode("ascii"), 64))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n"


def _pbes2_strong(algorithm: Any) -> bool:
    """An asn1crypto EncryptionAlgorithm: PBES2 + PBKDF2-HMAC-SHA256 >= KDF_ITERATIONS + AES-256."""
    try:
        return (algorithm["algorithm"].native == "pbes2" and algorithm.kdf == "pbkdf2"
                and algorithm.kdf_hmac == "sha256" and algorithm.kdf_iterations >= KDF_ITERATIONS
                and algorithm.encryption_cipher == "aes" and algorithm.key_length == 32)
    except (ValueError, KeyError, TypeError):
        return False


def _pem_der(pem: str | bytes) -> bytes:
    import base64

    text = pem.decode("ascii") if isinstance(pem, bytes) else pem
    lines = [line for line in text.strip().splitlines() if line and not line.startswith("-----")]
    return base64.b64decode("".join(lines))


def private_key_protection(pem: str | bytes) -> dict[str, Any]:
    """What protects a stored PKCS#8 PEM: ``kdf``, ``prf``, ``iterations``, ``cipher``, ``key_bits``."""
    try:
        alg = asn1_keys.EncryptedPrivateKeyInfo.load(_pem_der(pem))["encryption_algorithm"]
        return {"scheme": alg["algorithm"].native, "kdf": alg.kdf, "prf": alg.kdf_hmac,
                "iterations": alg.kdf_iterations, "cipher": alg.encryption_cipher,
                "key_bits": alg.key_length * 8, "strong": _pbes2_strong(alg)}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {"strong": False}


def _pfx_parts(data: bytes) -> tuple[Any, list[Any]]:
    """The PFX and the EncryptionAlgorithm of every encrypted part (content infos and key bags)."""
    pfx = asn1_pkcs12.Pfx.load(data)
    parts = []
    safe = asn1_pkcs12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native)
    for ci in safe:
        kind = ci["content_type"].native
        if kind == "encrypted_data":
            parts.append(ci["content"]["encrypted_content_info"]["content_encryption_algorithm"])
            continue
        if kind != "data":
            parts.append(None)
            continue
        for bag in asn1_pkcs12.SafeContents.load(ci["content"].native):
            if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                parts.append(bag["bag_value"]["encryption_algorithm"])
            elif bag["bag_id"].native == "key_bag":
                parts.append(None)  # a key in clear
    return pfx, parts


def pkcs12_protection(data: bytes) -> dict[str, Any]:
    """What protects a stored PKCS#12: its MAC (``mac``: algorithm, iterations, prf) and each
    encrypted part (``parts``: kdf, prf, iterations, cipher, key_bits), and ``strong``."""
    try:
        pfx, parts = _pfx_parts(data)
        mac_data = pfx["mac_data"]
        algo = mac_data["mac"]["digest_algorithm"]
        if algo["algorithm"].dotted == _PBMAC1:
            params = _Pbmac1Params.load(algo["parameters"].dump())
            kdf = params["key_derivation_func"]
            mac = {"algorithm": "pbmac1", "kdf": kdf["algorithm"].native,
                   "prf": kdf["parameters"]["prf"]["algorithm"].native,
                   "iterations": kdf["parameters"]["iteration_count"].native,
                   "hmac": params["message_auth_scheme"]["algorithm"].native}
            mac_ok = (mac["kdf"] == "pbkdf2" and mac["prf"] == "sha256" and mac["hmac"] == "sha256"
                      and mac["iterations"] >= KDF_ITERATIONS)
        else:
            mac = {"algorithm": "pkcs12-kdf", "hmac": algo["algorithm"].native,
                   "iterations": mac_data["iterations"].native}
            mac_ok = False  # the classic PKCS#12 MAC key derivation is not what we write
        described = []
        for alg in parts:
            if alg is None:
                described.append({"scheme": "none"})
                continue
            try:
                described.append({"scheme": alg["algorithm"].native, "kdf": alg.kdf, "prf": alg.kdf_hmac,
                                  "iterations": alg.kdf_iterations, "cipher": alg.encryption_cipher,
                                  "key_bits": alg.key_length * 8})
            except (ValueError, KeyError, TypeError):
                described.append({"scheme": alg["algorithm"].native})
        strong = mac_ok and bool(parts) and all(a is not None and _pbes2_strong(a) for a in parts)
        return {"mac": mac, "parts": described, "strong": strong}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {"strong": False}


def _pkcs12(name: str, key: Any, cert: x509.Certificate, chain: Sequence[x509.Certificate], secret: bytes) -> bytes:
    """A PKCS#12 whose key and certificates are PBES2/PBKDF2-SHA256/AES-256 and whose MAC is PBMAC1."""
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ITERATIONS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(secret)
    )
    data = pkcs12.serialize_key_and_certificates(
        name=name.encode("utf-8"), key=key, cert=cert, cas=list(chain) or None, encryption_algorithm=encryption,
    )
    # Replace the classic MAC (2,048 iterations) by PBMAC1 with the full iteration count.
    pfx = asn1_pkcs12.Pfx.load(data)
    content = pfx["auth_safe"]["content"].native
    salt = os.urandom(KDF_SALT_BYTES)
    mac = hmac.new(_pbkdf2(secret, salt), content, hashlib.sha256).digest()
    params = _Pbmac1Params({"key_derivation_func": _pbkdf2_params(salt, KDF_ITERATIONS),
                            "message_auth_scheme": {"algorithm": "sha256"}})
    mac_data = asn1_pkcs12.MacData({
        "mac": {"digest_algorithm": {"algorithm": _PBMAC1, "parameters": params}, "digest": mac},
        "mac_salt": b"NOT USED", "iterations": 1,  # RFC 9579: ignored with PBMAC1
    })
    return asn1_pkcs12.Pfx({"version": pfx["version"].native, "auth_safe": pfx["auth_safe"],
                            "mac_data": mac_data}).dump()


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
    secret = _check_new_passphrase(passphrase, "passphrase")
    if _authority_row(session, event.id) is not None:
        raise ConflictError("signing.authority_exists", event=event.name)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(
        _name_attr(NameOID.COMMON_NAME, f"OAOI CA {event.name}"),
        _name_attr(NameOID.ORGANIZATION_NAME, event.organiser or "oaoi-desktop"),
        _name_attr(NameOID.ORGANIZATIONAL_UNIT_NAME, f"event {event.id}"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
    )
    now = _now()
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * AUTHORITY_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
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
               "not_after": _naive_utc(cert.not_valid_after_utc)},
    )
    return row


def authority_certificate(session: Session, event_id: Any) -> x509.Certificate | None:
    """The event authority's certificate, or ``None`` when the event has none yet."""
    row = _authority_row(session, _uuid(event_id))
    if row is None:
        return None
    return x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))


def _authority_key(row: EventAuthority, passphrase: str | bytes, event: Event, *,
                   session: Session | None = None, actor: Actor | None = None) -> Any:
    """The CA's private key; with ``session`` and ``actor``, a key stored with weak parameters
    is re-encrypted with the modern ones in that transaction (``key.rewrapped``)."""
    secret = _secret(passphrase)
    try:
        key = serialization.load_pem_private_key(row.key_pem.encode("ascii"), password=secret or None)
    except (ValueError, TypeError) as exc:
        raise ValidationError("signing.wrong_ca_passphrase", event=event.name) from exc
    if session is not None and actor is not None:
        old = private_key_protection(row.key_pem)
        if not old.get("strong"):
            row.key_pem = encrypt_private_key(key, secret)
            session.flush()
            _audit_rewrap(session, actor, event.id, "event_authority", row.id,
                          {"iterations": old.get("iterations"), "prf": old.get("prf"), "cipher": old.get("cipher")},
                          what="authority_key", fingerprint=row.fingerprint)
    return key


# -- credentials ------------------------------------------------------------------------
def active_credential(session: Session, event_id: Any, user_id: Any) -> JudgeCredential | None:
    """The person's credential in use for the event, or ``None``."""
    return session.scalar(
        select(JudgeCredential)
        .where(
            JudgeCredential.event_id == _uuid(event_id),
            JudgeCredential.user_id == _uuid(user_id),
            JudgeCredential.active.is_(True),
        )
        .order_by(JudgeCredential.created_at.desc())
        .limit(1)
    )


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
    judge_secret = _check_new_passphrase(judge_passphrase, "judge_passphrase")
    row = _authority_row(session, event.id)
    if row is None:
        raise NotFoundError("signing.no_authority", event=event.name)
    ca_key = _authority_key(row, ca_passphrase, event, session=session, actor=actor)
    ca_cert = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))

    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    subject = _name(
        _name_attr(NameOID.COMMON_NAME, user.name),
        _name_attr(NameOID.ORGANIZATION_NAME, user.instansi),
        _name_attr(NameOID.ORGANIZATIONAL_UNIT_NAME, user.unit_kerja),
        _name_attr(NameOID.SERIAL_NUMBER, user.nip),
        x509.NameAttribute(NameOID.USER_ID, str(user.id)),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
    )
    serial = (user.id.int << _SERIAL_RANDOM_BITS) | secrets.randbits(_SERIAL_RANDOM_BITS)
    now = _now()
    not_after = min(now + dt.timedelta(days=365 * CREDENTIAL_YEARS), ca_cert.not_valid_after_utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(public)
        .serial_number(serial)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
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
        pkcs12=_pkcs12(user.name, key, cert, [ca_cert], judge_secret),
        fingerprint=cert_fingerprint(cert),
        not_after=_naive_utc(cert.not_valid_after_utc),
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


def _key_matches(key: Any, cert: x509.Certificate) -> bool:
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    return key.public_key().public_bytes(enc, fmt) == cert.public_key().public_bytes(enc, fmt)


def _open_pkcs12(data: bytes, passphrase: str | bytes, *, wrong_id: str, **params: Any):
    if not data:
        raise ValidationError("signing.bad_p12", **params)
    try:
        return pkcs12.load_key_and_certificates(data, _secret(passphrase) or None)
    except ValueError as exc:
        # cryptography says "Invalid password or PKCS12 data": tell the two apart
        # by whether the bytes parse as DER at all.
        text = str(exc).lower()
        if "password" in text or "mac" in text or "decrypt" in text:
            raise ValidationError(wrong_id, **params) from exc
        raise ValidationError("signing.bad_p12", **params) from exc
    except TypeError as exc:
        raise ValidationError(wrong_id, **params) from exc


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
    key, cert, extra = _open_pkcs12(p12_bytes, p12_passphrase, wrong_id="signing.wrong_p12_passphrase",
                                    name=user.name)
    if key is None or cert is None:
        raise ValidationError("signing.p12_incomplete", name=user.name)
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise ValidationError("signing.p12_key_type", name=user.name)
    if not _key_matches(key, cert):
        raise ValidationError("signing.p12_key_mismatch", name=user.name)
    if cert.not_valid_after_utc < _now():
        raise ValidationError("signing.p12_expired", name=user.name,
                              not_after=cert.not_valid_after_utc.date().isoformat())
    secret = _check_new_passphrase(p12_passphrase, "p12_passphrase")
    chain = [c for c in (extra or []) if c != cert]
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
        pkcs12=_pkcs12(user.name, key, cert, chain, secret),
        fingerprint=cert_fingerprint(cert),
        not_after=_naive_utc(cert.not_valid_after_utc),
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


def signer_from_credential(credential: JudgeCredential, passphrase: str | bytes, name: str = "") -> Signer:
    """Open a stored credential with its owner's passphrase."""
    key, cert, extra = _open_pkcs12(credential.pkcs12, passphrase, wrong_id="signing.wrong_passphrase",
                                    name=name or credential.subject)
    if key is None or cert is None:
        raise ValidationError("signing.p12_incomplete", name=name or credential.subject)
    return Signer(private_key=key, certificate=cert, chain=tuple(c for c in (extra or []) if c != cert))


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


def credential_is_weak(session: Session, event_id: Any, user_id: Any) -> bool:
    """True when the person's active credential is stored with weaker than the current parameters."""
    credential = active_credential(session, event_id, user_id)
    return credential is not None and not pkcs12_protection(credential.pkcs12).get("strong")


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
    credential.pkcs12 = _pkcs12(user.name, signer.private_key, signer.certificate, signer.chain,
                                _secret(passphrase))
    session.flush()
    _audit_rewrap(session, actor or Actor(user.name, user.id), event.id, "judge_credential", credential.id,
                  {"mac": old.get("mac"), "parts": old.get("parts")},
                  what="signing_credential", name=user.name, serial=credential.serial,
                  fingerprint=credential.fingerprint)
    return True


# -- detached CMS signatures ----------------------------------------------------------------
def sign_detached(signer: Signer, data: bytes) -> bytes:
    """A detached CMS (PKCS#7) signature of ``data``, DER, with the signer's chain included."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(
        signer.certificate, signer.private_key, hashes.SHA256()
    )
    for cert in signer.chain:
        builder = builder.add_certificate(cert)
    return builder.sign(
        serialization.Encoding.DER,
        [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
    )


_HASHES = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256,
           "sha384": hashes.SHA384, "sha512": hashes.SHA512}


def _check_signature(public_key: Any, signature: bytes, payload: bytes, algo: hashes.HashAlgorithm,
                     sig_algo: str) -> None:
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(signature, payload, ec.ECDSA(algo))
    elif isinstance(public_key, rsa.RSAPublicKey):
        if "pss" in sig_algo:
            public_key.verify(signature, payload,
                              padding.PSS(mgf=padding.MGF1(algo), salt_length=padding.PSS.AUTO), algo)
        else:
            public_key.verify(signature, payload, padding.PKCS1v15(), algo)
    else:
        raise InvalidSignature("unsupported key type")


def _bad(reason: str) -> OaoiError:
    return ValidationError("signing.bad_signature", reason=reason)


def verify_detached(data: bytes, signature: bytes, trusted: list[x509.Certificate],
                    *, at: dt.datetime | None = None) -> x509.Certificate:
    """Check a detached CMS signature of ``data`` and that its signer chains to ``trusted``.

    Returns the signer's certificate.  Raises ``signing.bad_signature`` when
    the signature does not match the bytes (or cannot be read) and
    ``signing.untrusted_signer`` when the signer does not chain to any
    certificate in ``trusted`` (e.g. another event's authority).
    """
    try:
        info = asn1_cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise _bad("not CMS signed-data")
        signed = info["content"]
        signer_infos = signed["signer_infos"]
        if len(signer_infos) != 1:
            raise _bad("expected exactly one signer")
        si = signer_infos[0]
        certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in signed["certificates"] or []
                 if c.name == "certificate"]
        sid = si["sid"]
        signer_cert: x509.Certificate | None = None
        if sid.name == "issuer_and_serial_number":
            serial = sid.chosen["serial_number"].native
            issuer_der = sid.chosen["issuer"].dump()
            for c in certs:
                if c.serial_number == serial and c.issuer.public_bytes() == issuer_der:
                    signer_cert = c
                    break
        else:
            ski = sid.chosen.native
            for c in certs:
                try:
                    if c.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest == ski:
                        signer_cert = c
                        break
                except x509.ExtensionNotFound:
                    continue
        if signer_cert is None:
            raise _bad("signer certificate missing")
        digest_name = si["digest_algorithm"]["algorithm"].native
        if digest_name not in _HASHES:
            raise _bad(f"digest {digest_name} not supported")
        algo = _HASHES[digest_name]()
        sig_algo = si["signature_algorithm"]["algorithm"].native or ""
        sig_value = si["signature"].native
        signed_attrs = si["signed_attrs"]
        if signed_attrs.native is None or len(signed_attrs) == 0:
            h = hashes.Hash(algo)
            h.update(data)
            payload = data
        else:
            digest = None
            for attr in signed_attrs:
                if attr["type"].native == "message_digest":
                    digest = attr["values"][0].native
            if digest is None:
                raise _bad("message digest missing")
            h = hashes.Hash(algo)
            h.update(data)
            if h.finalize() != digest:
                raise _bad("content changed")
            payload = signed_attrs.untag().dump(force=True)
        try:
            _check_signature(signer_cert.public_key(), sig_value, payload, algo, sig_algo)
        except InvalidSignature as exc:
            raise _bad("signature value does not match") from exc
    except OaoiError:
        raise
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise _bad("unreadable signature") from exc
    intermediates = [c for c in certs if c != signer_cert]
    chain_to(signer_cert, intermediates, trusted, at=at)
    return signer_cert


# -- chains ---------------------------------------------------------------------------------
def _is_ca(cert: x509.Certificate) -> bool:
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return cert.version == x509.Version.v1  # very old roots carry no extensions
    if not bc.ca:
        return False
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        return ku.key_cert_sign
    except x509.ExtensionNotFound:
        return True


def _manual_chain(leaf: x509.Certificate, intermediates: Sequence[x509.Certificate],
                  trusted: Sequence[x509.Certificate], at: dt.datetime) -> list[x509.Certificate] | None:
    """Issuer signature + names + validity, up to eight links (for CAs outside the Web PKI rules)."""
    pool = list(intermediates)
    trusted_fps = {cert_fingerprint(t) for t in trusted}
    path = [leaf]
    current = leaf
    for _ in range(8):
        if not current.not_valid_before_utc <= at <= current.not_valid_after_utc:
            return None
        if cert_fingerprint(current) in trusted_fps and current is not leaf:
            return path
        found = None
        for candidate in list(trusted) + pool:
            if candidate.subject != current.issuer or not _is_ca(candidate):
                continue
            try:
                current.verify_directly_issued_by(candidate)
            except (ValueError, TypeError, InvalidSignature):
                continue
            found = candidate
            break
        if found is None:
            return None
        path.append(found)
        if cert_fingerprint(found) in trusted_fps:
            if not found.not_valid_before_utc <= at <= found.not_valid_after_utc:
                return None
            return path
        current = found
    return None


def chain_to(leaf: x509.Certificate, intermediates: Iterable[x509.Certificate],
             trusted: Sequence[x509.Certificate], *, at: dt.datetime | None = None) -> list[x509.Certificate]:
    """The path from ``leaf`` to one of ``trusted``; raises ``signing.untrusted_signer`` if none.

    Uses :mod:`cryptography.x509.verification` (Web PKI rules for the
    authorities, any extensions on the signer's certificate); when that
    refuses an authority built outside those rules (some government CAs),
    falls back to checking issuer names, issuer signatures, CA flags and
    validity link by link.
    """
    at = at or _now()
    intermediates = list(intermediates)
    trusted = list(trusted)
    if trusted:
        if cert_fingerprint(leaf) in {cert_fingerprint(t) for t in trusted}:
            return [leaf]
        try:
            from cryptography.x509 import verification as v

            verifier = (
                v.PolicyBuilder()
                .store(v.Store(trusted))
                .time(at)
                .extension_policies(ca_policy=v.ExtensionPolicy.webpki_defaults_ca(),
                                    ee_policy=v.ExtensionPolicy.permit_all())
                .build_client_verifier()
            )
            return list(verifier.verify(leaf, intermediates).chain)
        except ImportError:  # pragma: no cover - older cryptography
            pass
        except Exception:  # VerificationError: try the plain link-by-link check
            pass
        path = _manual_chain(leaf, intermediates, trusted, at)
        if path is not None:
            return path
    raise ValidationError("signing.untrusted_signer", subject=common_name(leaf.subject),
                          issuer=common_name(leaf.issuer))


__all__ = [
    "KDF_ITERATIONS",
    "MIN_PASSPHRASE_LENGTH",
    "REWRAPPED_ACTION",
    "Signer",
    "active_credential",
    "authority_certificate",
    "cert_fingerprint",
    "cert_pem",
    "certs_from_pem",
    "chain_to",
    "common_name",
    "create_authority",
    "credential_is_weak",
    "encrypt_private_key",
    "import_judge_certificate",
    "issue_judge_certificate",
    "load_signer",
    "pkcs12_protection",
    "private_key_protection",
    "rewrap_credential",
    "sign_detached",
    "signer_from_credential",
    "verify_detached",
]
