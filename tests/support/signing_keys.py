"""Shared helpers of the signature tests: an event with a CA, two judges and a chair holding credentials."""

from __future__ import annotations

from dataclasses import dataclass

from oaoi_desktop.services import keys
from oaoi_desktop.store.database import Database
from support.builders import ACTOR, add_judges, make_event

CA_PASS = "rahasia-sekretariat"
PASSES = {"Ketua Tim": "sandi-ketua-1", "Budi Santoso": "sandi-budi-2", "Siti Aminah": "sandi-siti-3"}


@dataclass
class PanelWithKeys:
    db: Database
    event_id: str
    chair: str
    judges: list[str]
    """Member ids (not the chair)."""
    names: dict[str, str]
    """user id -> name"""

    def passphrase(self, user_id: str) -> str:
        return PASSES[self.names[user_id]]


def make_panel(db: Database, name: str = "KIPP Kota Medan 2026") -> PanelWithKeys:
    event_id = make_event(db, name=name)
    ids = add_judges(db, event_id, list(PASSES))
    names = dict(zip(ids, PASSES))
    with db.write() as s:
        keys.create_authority(s, event_id, CA_PASS, ACTOR)
    with db.write() as s:
        for uid in ids:
            keys.issue_judge_certificate(s, event_id, uid, CA_PASS, PASSES[names[uid]], ACTOR)
    return PanelWithKeys(db, event_id, ids[0], ids[1:], names)




def make_pdf(path, field_owners, *, event_id: str = "", number: str = "001/LHP/KKM/2026",
             fingerprint: str = "", kind: str = "result", text: str = "Lembar Hasil Penilaian") -> None:
    """A one-page ReportLab PDF with the documents' conventions: ``sig_<uuid hex>`` fields
    (created before any signature) and the ``/Oaoi*`` keys in the information dictionary."""
    import io
    import uuid
    from pathlib import Path

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=0)
    c.setFont("Helvetica", 12)
    c.drawString(72, 780, text)
    c.drawString(72, 760, "Nilai total: 87,50")
    c.drawString(72, 740, f"Sidik jari: {fingerprint or '-'}")
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    meta = {"/Title": text, "/OaoiKind": kind, "/OaoiDocumentNumber": number}
    if event_id:
        meta["/OaoiEventId"] = str(event_id)
    if fingerprint:
        meta["/OaoiFingerprint"] = fingerprint
    writer.add_metadata(meta)
    base = io.BytesIO()
    writer.write(base)
    w = IncrementalPdfFileWriter(io.BytesIO(base.getvalue()))
    for i, owner in enumerate(field_owners):
        x = 60 + 165 * i
        append_signature_field(w, SigFieldSpec(sig_field_name="sig_" + uuid.UUID(str(owner)).hex,
                                               on_page=0, box=(x, 90, x + 155, 150)))
    out = io.BytesIO()
    w.write(out)
    Path(path).write_bytes(out.getvalue())


def external_p12(passphrase: bytes):
    """A credential from a 'government CA' (root + intermediate) outside the app."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)

    def cert(subject, issuer, pub, key, ca):
        b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(pub)
             .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
             .not_valid_after(now + dt.timedelta(days=300))
             .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        return b.sign(key, hashes.SHA256())

    name = lambda cn: x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])  # noqa: E731
    rk, ik, lk = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root = cert(name("Root CA Pemerintah"), name("Root CA Pemerintah"), rk.public_key(), rk, True)
    inter = cert(name("CA Tanda Tangan"), root.subject, ik.public_key(), rk, True)
    leaf = cert(name("Budi Santoso"), inter.subject, lk.public_key(), ik, False)
    p12 = pkcs12.serialize_key_and_certificates(b"budi", lk, leaf, [inter, root],
                                                serialization.BestAvailableEncryption(passphrase))
    return p12, root
