"""PAdES signing and checking of PDF files with pyHanko (no database here).

Signing (:func:`sign_pdf_bytes`): an *approval* signature (never a
certification/DocMDP lock) into the person's own pre-existing, empty
signature field, appended as an incremental update, so every earlier
signature keeps covering exactly the bytes it signed.  The field's box gets
a visible appearance (label, name, signing time).

Checking (:func:`inspect_pdf`): every embedded signature with pyHanko's
``validate_pdf_signature`` (integrity, signature value, modification
analysis) plus our own stricter rule: *any* revision appended after a
signature that is not itself another signature counts as a change after
that signature (pyHanko accepts some unsigned form filling; our documents
have nothing to fill).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import unicodedata
import uuid
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.utils import CryptographyDeprecationWarning

from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.signing.pki import Signer

# pyHanko (0.38) imports ``cryptography...dsa.DSAPrivateKey`` at import time, which cryptography >= 46
# answers with a CryptographyDeprecationWarning ("DSA is deprecated") printed on the CLI's stderr by
# `oaoi sign`/`oaoi verify`.  We never use DSA; the import is pyHanko's, not ours, so silence exactly that
# message, only when it is attributed to a pyHanko module.
warnings.filterwarnings("ignore", message=r"DSA is deprecated", category=CryptographyDeprecationWarning,
                        module=r"pyhanko(\.|$)")

# pyHanko logs what its modification analysis finds (an edit after a signature) at WARNING;
# we report it ourselves, so keep it out of the CLI's stderr when no logging is configured.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())

FIELD_PREFIX = "sig_"
INFO_KEYS = {"event_id": "/OaoiEventId", "number": "/OaoiDocumentNumber",
             "fingerprint": "/OaoiFingerprint", "kind": "/OaoiKind"}
_RESERVE_BASE = 6144
"""Bytes reserved for the CMS blob beyond the certificates it embeds (no dry run: faster)."""


def field_name_for(user_id: uuid.UUID | str) -> str:
    """``sig_<user uuid hex>``, the contract with the documents."""
    key = user_id if isinstance(user_id, uuid.UUID) else uuid.UUID(str(user_id))
    return FIELD_PREFIX + key.hex


def user_of_field(name: str) -> uuid.UUID | None:
    if not name.startswith(FIELD_PREFIX):
        return None
    try:
        return uuid.UUID(hex=name[len(FIELD_PREFIX):])
    except ValueError:
        return None


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def _latin1(text: str) -> str:
    """The stamp's built-in font is Latin-1 only: fold accents, replace the rest."""
    folded = unicodedata.normalize("NFKD", text)
    out = []
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out).replace("%", "%%")


# -- reading ----------------------------------------------------------------------------
@dataclass(frozen=True)
class PdfInfo:
    """The oaoi keys of the document information dictionary (empty strings when absent)."""

    event_id: str = ""
    number: str = ""
    fingerprint: str = ""
    kind: str = ""


def pdf_reader(data: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pyHanko raises several kinds for damaged files
        raise ValidationError("signatures.unreadable_pdf", file="", reason=str(exc)[:200]) from exc


def read_info(reader: Any) -> PdfInfo:
    try:
        info = reader.trailer_view.get("/Info")
        info = info.get_object() if info is not None else {}
    except Exception:
        info = {}
    values = {}
    for attr, key in INFO_KEYS.items():
        try:
            value = info.get(key) if info else None
        except Exception:
            value = None
        values[attr] = str(value) if value is not None else ""
    return PdfInfo(**values)


def field_names(reader: Any, *, filled: bool | None = None) -> list[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return [name for name, _value, _ref in enumerate_sig_fields(reader, filled_status=filled)]


# -- signing ----------------------------------------------------------------------------
def _pyhanko_signer(signer: Signer):
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key_der = signer.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(_der(signer.certificate)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(_der(c)) for c in signer.chain]
        ),
    )


@dataclass(frozen=True)
class StampText:
    """The visible text written into the field box (already in the document's language)."""

    label: str = "Ditandatangani secara elektronik"
    time_label: str = "Waktu"


def sign_pdf_bytes(signer: Signer, data: bytes, field: str, *, name: str = "", reason: str = "",
                   location: str = "", stamp: StampText | None = None, file: str = "") -> bytes:
    """``data`` with an approval signature in the existing empty field ``field`` appended."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields as pfields
    from pyhanko.sign import signers
    from pyhanko.stamp import TextStampStyle

    reader = pdf_reader(data)
    existing = field_names(reader)
    if field not in existing:
        raise ValidationError("signatures.no_field", file=file, field=field)
    if field in field_names(reader, filled=True):
        raise ValidationError("signatures.field_filled", file=file, field=field)
    stamp = stamp or StampText()
    shown = name or signer.certificate.subject.rfc4514_string()
    style = TextStampStyle(
        stamp_text=f"{_latin1(stamp.label)}\n{_latin1(shown)}\n{_latin1(stamp.time_label)}: %(ts)s",
        text_box_style=TextBoxStyle(font_size=10),
        border_width=1,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        subfilter=pfields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=shown or None,
        reason=reason or None,
        location=location or None,
        certify=False,
    )
    reserve = _RESERVE_BASE + sum(len(_der(c)) for c in (signer.certificate, *signer.chain))
    reserve += reserve % 2  # pyHanko wants an even count (hex digits)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        out = io.BytesIO()
        signers.PdfSigner(meta, _pyhanko_signer(signer), stamp_style=style).sign_pdf(
            writer, existing_fields_only=True, output=out, bytes_reserved=reserve
        )
    except OaoiError:
        raise
    except Exception as exc:
        raise ValidationError("signatures.sign_failed", file=file, reason=str(exc)[:200]) from exc
    return out.getvalue()


# -- checking ---------------------------------------------------------------------------
@dataclass(frozen=True)
class EmbeddedCheck:
    """What pyHanko (and our revision rule) says about one embedded signature."""

    field_name: str
    certificate: x509.Certificate | None
    embedded_certs: tuple[x509.Certificate, ...]
    signing_time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    bottom_line: bool
    modification_level: str
    """``none``, ``lta_updates``, ``form_filling``, ``annotations``, ``other`` or ``unknown``."""
    docmdp_ok: bool | None
    coverage: str
    signed_revision: int
    unsigned_revisions_after: tuple[int, ...]
    error: str = ""

    @property
    def unchanged_after(self) -> bool:
        return (not self.unsigned_revisions_after
                and self.docmdp_ok is not False
                and self.modification_level in ("none", "lta_updates", "form_filling"))


@dataclass(frozen=True)
class PdfInspection:
    info: PdfInfo
    revisions: int
    signatures: tuple[EmbeddedCheck, ...]
    empty_fields: tuple[str, ...]
    problems: tuple[str, ...] = field(default_factory=tuple)


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(_der(cert))


def _crypto(cert: Any) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


def inspect_pdf(data: bytes, trust_roots: Sequence[x509.Certificate] = ()) -> PdfInspection:
    """Check every signature of the PDF in ``data`` (pyHanko trusts only ``trust_roots``)."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    reader = pdf_reader(data)
    info = read_info(reader)
    try:
        revisions = reader.xrefs.total_revisions
        embedded = list(reader.embedded_signatures)
        empty = tuple(field_names(reader, filled=False))
    except Exception as exc:
        raise ValidationError("signatures.unreadable_pdf", file="", reason=str(exc)[:200]) from exc
    signed_revisions = set()
    for es in embedded:
        try:
            signed_revisions.add(es.signed_revision)
        except Exception:
            pass
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    checks = []
    for es in embedded:
        vc = ValidationContext(trust_roots=[_asn1(c) for c in trust_roots], allow_fetching=False,
                               revocation_mode="soft-fail")
        try:
            cert = _crypto(es.signer_cert)
        except Exception:
            cert = None
        try:
            embedded_certs = tuple(_crypto(c) for c in es.other_embedded_certs)
        except Exception:
            embedded_certs = ()
        try:
            rev = es.signed_revision
        except Exception:
            rev = -1
        after = tuple(r for r in range(rev + 1, revisions) if r not in signed_revisions) if rev >= 0 else ()
        try:
            st = validate_pdf_signature(es, vc, key_usage_settings=usage)
            level = st.modification_level.name.lower() if st.modification_level is not None else "unknown"
            checks.append(EmbeddedCheck(
                field_name=es.field_name, certificate=cert, embedded_certs=embedded_certs,
                signing_time=st.signer_reported_dt, intact=bool(st.intact), valid=bool(st.valid),
                trusted=bool(st.trusted), bottom_line=bool(st.bottom_line), modification_level=level,
                docmdp_ok=st.docmdp_ok, coverage=st.coverage.name.lower() if st.coverage else "unknown",
                signed_revision=rev, unsigned_revisions_after=after,
            ))
        except Exception as exc:  # a damaged signature: report it, do not crash
            checks.append(EmbeddedCheck(
                field_name=getattr(es, "field_name", "?"), certificate=cert, embedded_certs=embedded_certs,
                signing_time=None, intact=False, valid=False, trusted=False, bottom_line=False,
                modification_level="unknown", docmdp_ok=None, coverage="unknown",
                signed_revision=rev, unsigned_revisions_after=after, error=str(exc)[:200],
            ))
    return PdfInspection(info=info, revisions=revisions, signatures=tuple(checks), empty_fields=empty)


__all__ = [
    "EmbeddedCheck",
    "FIELD_PREFIX",
    "PdfInfo",
    "PdfInspection",
    "StampText",
    "field_name_for",
    "field_names",
    "inspect_pdf",
    "read_info",
    "sign_pdf_bytes",
    "user_of_field",
]
