"""The contract with the signing code: empty signature fields that pyHanko fills in turn."""

from __future__ import annotations

import datetime as dt
import io
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from oaoi_desktop.services import documents
from oaoi_desktop.services.documents import ExportOptions, signature_slots
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score


def self_signed(tmp_path, name: str) -> signers.SimpleSigner:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    k, c = tmp_path / f"{name}.key", tmp_path / f"{name}.crt"
    k.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    c.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return signers.SimpleSigner.load(str(k), str(c))


def test_fields_exist_empty_and_sign_in_turn(db, tmp_path):
    eid = make_event(db)
    judges = add_judges(db, eid, ["Ketua Panel", "Anggota Satu", "Anggota Dua"])
    add_dossier(db, eid, "P-1")
    for name in ("Ketua Panel", "Anggota Satu", "Anggota Dua"):
        score(db, eid, name, "P-1", {c: 8 for c in KIPP_CRITERIA})
    docs = documents.prepare(db, eid, ["minutes"], ExportOptions(), actor=ACTOR)
    [path] = documents.write_documents(docs, tmp_path / "out", workers=1)
    slots = signature_slots(path)
    # members by name, the chair last
    assert [s.user_id for s in slots] == [uuid.UUID(judges[2]), uuid.UUID(judges[1]), uuid.UUID(judges[0])]
    assert {s.field_name for s in slots} == {f"sig_{uuid.UUID(j).hex}" for j in judges}
    with open(path, "rb") as fh:
        fields = list(enumerate_sig_fields(PdfFileReader(fh)))
    assert {name for name, value, _ in fields} == {s.field_name for s in slots}
    assert all(value is None for _, value, _ in fields)  # empty before anyone signs
    data = path.read_bytes()
    roots = []
    for slot in slots:
        signer = self_signed(tmp_path, slot.field_name)
        roots.append(signer.signing_cert)
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data)),
                               signers.PdfSignatureMetadata(field_name=slot.field_name), signer=signer)
        data = out.getvalue()
    reader = PdfFileReader(io.BytesIO(data))
    assert [s.field_name for s in reader.embedded_signatures] == [s.field_name for s in slots]
    vc = ValidationContext(trust_roots=roots)
    for sig in reader.embedded_signatures:
        status = validate_pdf_signature(sig, vc)
        assert status.intact and status.valid and status.bottom_line
    assert reader.trailer["/Info"]["/OaoiDocumentNumber"] == docs[0].number
