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

Detached CMS signatures of non-PDF files such as judge bundles, and the chain
checks, are :mod:`oaoi_desktop.signing.cms`; storing keys and certificates
(with their audit entries) is :mod:`oaoi_desktop.services.keys`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from asn1crypto import algos as asn1_algos
from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import tsp as _asn1_tsp  # noqa: F401 - see below
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.serialization import pkcs12
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
from oaoi_desktop.errors import NotFoundError, ValidationError
from oaoi_desktop.store.models import Event, EventAuthority, JudgeCredential, User

MIN_PASSPHRASE_LENGTH = passphrase_policy.MIN_PASSPHRASE_LENGTH
KDF_ITERATIONS = 600_000
"""PBKDF2-HMAC-SHA256 iterations protecting every stored key (OWASP's 2023 figure for SHA-256)."""
KDF_SALT_BYTES = 16
_PBMAC1 = "1.2.840.113549.1.5.14"
AUTHORITY_YEARS = 10
CREDENTIAL_YEARS = 5
SERIAL_RANDOM_BITS = 30
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
def to_uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise NotFoundError("signing.bad_id", value=str(value)) from exc


def secret_bytes(passphrase: str | bytes | None) -> bytes:
    if passphrase is None:
        return b""
    if isinstance(passphrase, bytes):
        return passphrase
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str | bytes | None, field: str) -> bytes:
    passphrase_policy.check_passphrase(passphrase, field)
    return secret_bytes(passphrase)


def now_utc() -> dt.datetime:
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


def naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def authority_row(session: Session, event_id: uuid.UUID) -> EventAuthority | None:
    return session.scalar(select(EventAuthority).where(EventAuthority.event_id == event_id))


def name_attribute(oid: x509.ObjectIdentifier, value: str, limit: int = 64) -> x509.NameAttribute | None:
    value = " ".join((value or "").split())[:limit]
    return x509.NameAttribute(oid, value) if value else None


def x509_name(*attrs: x509.NameAttribute | None) -> x509.Name:
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


def build_pkcs12(name: str, key: Any, cert: x509.Certificate, chain: Sequence[x509.Certificate], secret: bytes) -> bytes:
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


# -- the event authority --------------------------------------------------------------
def authority_certificate(session: Session, event_id: Any) -> x509.Certificate | None:
    """The event authority's certificate, or ``None`` when the event has none yet."""
    row = authority_row(session, to_uuid(event_id))
    if row is None:
        return None
    return x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))


def authority_key(row: EventAuthority, passphrase: str | bytes, event: Event) -> Any:
    """The CA's private key, opened with ``passphrase`` (``signing.wrong_ca_passphrase`` when it does not)."""
    secret = secret_bytes(passphrase)
    try:
        return serialization.load_pem_private_key(row.key_pem.encode("ascii"), password=secret or None)
    except (ValueError, TypeError) as exc:
        raise ValidationError("signing.wrong_ca_passphrase", event=event.name) from exc


# -- credentials ------------------------------------------------------------------------
def active_credential(session: Session, event_id: Any, user_id: Any) -> JudgeCredential | None:
    """The person's credential in use for the event, or ``None``."""
    return session.scalar(
        select(JudgeCredential)
        .where(
            JudgeCredential.event_id == to_uuid(event_id),
            JudgeCredential.user_id == to_uuid(user_id),
            JudgeCredential.active.is_(True),
        )
        .order_by(JudgeCredential.created_at.desc())
        .limit(1)
    )


def key_matches(key: Any, cert: x509.Certificate) -> bool:
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    return key.public_key().public_bytes(enc, fmt) == cert.public_key().public_bytes(enc, fmt)


def open_pkcs12(data: bytes, passphrase: str | bytes, *, wrong_id: str, **params: Any):
    if not data:
        raise ValidationError("signing.bad_p12", **params)
    try:
        return pkcs12.load_key_and_certificates(data, secret_bytes(passphrase) or None)
    except ValueError as exc:
        # cryptography says "Invalid password or PKCS12 data": tell the two apart
        # by whether the bytes parse as DER at all.
        text = str(exc).lower()
        if "password" in text or "mac" in text or "decrypt" in text:
            raise ValidationError(wrong_id, **params) from exc
        raise ValidationError("signing.bad_p12", **params) from exc
    except TypeError as exc:
        raise ValidationError(wrong_id, **params) from exc


def signer_from_credential(credential: JudgeCredential, passphrase: str | bytes, name: str = "") -> Signer:
    """Open a stored credential with its owner's passphrase."""
    key, cert, extra = open_pkcs12(credential.pkcs12, passphrase, wrong_id="signing.wrong_passphrase",
                                    name=name or credential.subject)
    if key is None or cert is None:
        raise ValidationError("signing.p12_incomplete", name=name or credential.subject)
    return Signer(private_key=key, certificate=cert, chain=tuple(c for c in (extra or []) if c != cert))


def credential_is_weak(session: Session, event_id: Any, user_id: Any) -> bool:
    """True when the person's active credential is stored with weaker than the current parameters."""
    credential = active_credential(session, event_id, user_id)
    return credential is not None and not pkcs12_protection(credential.pkcs12).get("strong")


# -- building certificates (the facts; services/keys.py stores them and writes the audit) ------------
def build_authority(event: Event) -> tuple[Any, x509.Certificate]:
    """A new key and self-signed CA certificate for the event's authority."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509_name(
        name_attribute(NameOID.COMMON_NAME, f"OAOI CA {event.name}"),
        name_attribute(NameOID.ORGANIZATION_NAME, event.organiser or "oaoi-desktop"),
        name_attribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"event {event.id}"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
    )
    now = now_utc()
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
    return key, cert


def build_judge_certificate(user: User, ca_key: Any, ca_cert: x509.Certificate) -> tuple[Any, x509.Certificate, int]:
    """A new key and a certificate for ``user`` signed by the event's authority; and its serial."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    subject = x509_name(
        name_attribute(NameOID.COMMON_NAME, user.name),
        name_attribute(NameOID.ORGANIZATION_NAME, user.instansi),
        name_attribute(NameOID.ORGANIZATIONAL_UNIT_NAME, user.unit_kerja),
        name_attribute(NameOID.SERIAL_NUMBER, user.nip),
        x509.NameAttribute(NameOID.USER_ID, str(user.id)),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
    )
    serial = (user.id.int << SERIAL_RANDOM_BITS) | secrets.randbits(SERIAL_RANDOM_BITS)
    now = now_utc()
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
    return key, cert, serial


def open_imported_pkcs12(p12_bytes: bytes, p12_passphrase: str, name: str) -> tuple[Any, x509.Certificate,
                                                                                    list[x509.Certificate]]:
    """The key, certificate and issuers of a PKCS#12 file a person brings, checked for use as a credential."""
    key, cert, extra = open_pkcs12(p12_bytes, p12_passphrase, wrong_id="signing.wrong_p12_passphrase", name=name)
    if key is None or cert is None:
        raise ValidationError("signing.p12_incomplete", name=name)
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise ValidationError("signing.p12_key_type", name=name)
    if not key_matches(key, cert):
        raise ValidationError("signing.p12_key_mismatch", name=name)
    if cert.not_valid_after_utc < now_utc():
        raise ValidationError("signing.p12_expired", name=name,
                              not_after=cert.not_valid_after_utc.date().isoformat())
    return key, cert, [c for c in (extra or []) if c != cert]


__all__ = [
    "KDF_ITERATIONS",
    "MIN_PASSPHRASE_LENGTH",
    "Signer",
    "active_credential",
    "authority_certificate",
    "authority_key",
    "authority_row",
    "build_authority",
    "build_judge_certificate",
    "build_pkcs12",
    "check_new_passphrase",
    "cert_fingerprint",
    "cert_pem",
    "certs_from_pem",
    "common_name",
    "credential_is_weak",
    "encrypt_private_key",
    "naive_utc",
    "open_imported_pkcs12",
    "open_pkcs12",
    "pkcs12_protection",
    "private_key_protection",
    "secret_bytes",
    "signer_from_credential",
    "to_uuid",
]
