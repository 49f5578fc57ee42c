"""Detached CMS (PKCS#7) signatures of non-PDF files such as judge bundles, and certificate chains.

:func:`sign_detached` signs with a loaded :class:`~oaoi_desktop.signing.pki.Signer`;
:func:`verify_detached` checks a signature and that its signer chains to the
trusted certificates (:func:`chain_to`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.signing.pki import Signer, cert_fingerprint, common_name, now_utc


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
    at = at or now_utc()
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


__all__ = ["chain_to", "sign_detached", "verify_detached"]
