"""The event authority, judges' credentials and detached CMS signatures (real keys)."""

from __future__ import annotations

import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from oaoi_desktop.errors import ConflictError, OaoiError, ValidationError
from oaoi_desktop.signing import cms
from oaoi_desktop.signing import pki
from oaoi_desktop.services import keys
from oaoi_desktop.store.models import AuditEntry, EventAuthority, JudgeCredential
from support.builders import ACTOR, add_judges, make_event

from support.signing_keys import CA_PASS, PASSES, external_p12, make_panel


def _all_audit_text(db) -> str:
    with db.read() as s:
        rows = s.scalars(select(AuditEntry)).all()
        return "\n".join(repr((r.action, r.before, r.after)) for r in rows)


def test_authority_key_is_encrypted_and_a_second_is_refused(db) -> None:
    event_id = make_event(db)
    with db.write() as s:
        row = keys.create_authority(s, event_id, CA_PASS, ACTOR)
        assert "ENCRYPTED PRIVATE KEY" in row.key_pem
    with pytest.raises(TypeError):  # no passphrase given -> cannot open
        serialization.load_pem_private_key(row.key_pem.encode(), password=None)
    key = serialization.load_pem_private_key(row.key_pem.encode(), password=CA_PASS.encode())
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
    with db.read() as s:
        cert = pki.authority_certificate(s, event_id)
    assert cert is not None
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert pki.cert_fingerprint(cert) == row.fingerprint
    with db.write() as s, pytest.raises(ConflictError) as err:
        keys.create_authority(s, event_id, CA_PASS, ACTOR)
    assert "sudah memiliki" in err.value.render("id")
    with db.read() as s:
        assert len(s.scalars(select(EventAuthority)).all()) == 1
    audit_text = _all_audit_text(db)
    assert "authority.created" in audit_text
    assert CA_PASS not in audit_text and "PRIVATE KEY" not in audit_text


def test_short_passphrase_refused(db) -> None:
    event_id = make_event(db)
    with db.write() as s, pytest.raises(ValidationError) as err:
        keys.create_authority(s, event_id, "abc", ACTOR)
    assert "terlalu lemah" in err.value.render("id")


def test_issued_certificate_fields_and_storage(panel) -> None:
    chair = panel.chair
    with panel.db.read() as s:
        cred = pki.active_credential(s, panel.event_id, chair)
        assert cred is not None and cred.source == "issued"
        ca = pki.authority_certificate(s, panel.event_id)
        cred_pem, cred_p12 = cred.certificate_pem, cred.pkcs12
    cert = x509.load_pem_x509_certificate(cred_pem.encode())
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Ketua Tim"
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment and not ku.key_cert_sign
    assert cert.serial_number >> 30 == int(chair.replace("-", ""), 16)
    assert cert.issuer == ca.subject
    # the key is in the PKCS#12 only, encrypted with the judge's passphrase
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(cred_p12, b"wrong-passphrase")
    key, c2, extra = pkcs12.load_key_and_certificates(cred_p12, PASSES["Ketua Tim"].encode())
    assert c2 == cert and extra == [ca]
    assert cms.chain_to(cert, [], [ca])[-1] == ca
    audit_text = _all_audit_text(panel.db)
    assert audit_text.count("credential.issued") == 3
    for secret in [CA_PASS, *PASSES.values()]:
        assert secret not in audit_text


def test_reissue_deactivates_the_old_credential(panel) -> None:
    uid = panel.judges[0]
    with panel.db.write() as s:
        old = pki.active_credential(s, panel.event_id, uid)
        new = keys.issue_judge_certificate(s, panel.event_id, uid, CA_PASS, "sandi-baru-budi", ACTOR)
    with panel.db.read() as s:
        rows = s.scalars(select(JudgeCredential).where(JudgeCredential.user_id == new.user_id)).all()
        assert {r.id: r.active for r in rows} == {old.id: False, new.id: True}
        assert pki.active_credential(s, panel.event_id, uid).id == new.id
        assert old.serial != new.serial
        with pytest.raises(ValidationError):
            keys.load_signer(s, panel.event_id, uid, PASSES["Budi Santoso"])
        assert keys.load_signer(s, panel.event_id, uid, "sandi-baru-budi").certificate.serial_number == int(new.serial, 16)


def test_wrong_ca_passphrase_changes_nothing(panel) -> None:
    uid = panel.judges[0]
    with panel.db.read() as s:
        before = s.scalars(select(JudgeCredential)).all()
        before = {(r.id, r.active) for r in before}
    with panel.db.write() as s, pytest.raises(ValidationError) as err:
        keys.issue_judge_certificate(s, panel.event_id, uid, "not-the-ca-pass", "sandi-baru-budi", ACTOR)
    assert "CA" in err.value.render("id") and "salah" in err.value.render("id")
    with panel.db.read() as s:
        assert {(r.id, r.active) for r in s.scalars(select(JudgeCredential)).all()} == before


def test_load_signer_wrong_passphrase_is_a_clear_message(panel) -> None:
    with panel.db.read() as s, pytest.raises(OaoiError) as err:
        keys.load_signer(s, panel.event_id, panel.chair, "salah-sekali")
    assert err.value.message_id == "signing.wrong_passphrase"
    assert "Ketua Tim" in err.value.render("id") and "salah" in err.value.render("id")
    assert "Wrong passphrase" in err.value.render("en")


def test_detached_signature_round_trip_and_tamper(panel) -> None:
    with panel.db.read() as s:
        signer = keys.load_signer(s, panel.event_id, panel.chair, PASSES["Ketua Tim"])
        ca = pki.authority_certificate(s, panel.event_id)
    data = b"bundle bytes " * 1000
    sig = cms.sign_detached(signer, data)
    assert cms.verify_detached(data, sig, [ca]) == signer.certificate
    with pytest.raises(OaoiError) as err:
        cms.verify_detached(data[:-1] + b"X", sig, [ca])
    assert err.value.message_id == "signing.bad_signature"
    broken = bytearray(sig)
    broken[-5] ^= 0x01  # inside the signature value
    with pytest.raises(OaoiError) as err:
        cms.verify_detached(data, bytes(broken), [ca])
    assert err.value.message_id == "signing.bad_signature"
    with pytest.raises(OaoiError) as err:
        cms.verify_detached(data, b"not a signature", [ca])
    assert err.value.message_id == "signing.bad_signature"


def test_detached_signature_checked_by_openssl(panel, tmp_path) -> None:
    """An independent check: openssl cms -verify accepts the signature with the event CA."""
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    with panel.db.read() as s:
        signer = keys.load_signer(s, panel.event_id, panel.judges[1], PASSES["Siti Aminah"])
        ca = pki.authority_certificate(s, panel.event_id)
    data = b"isi bundel penilai\n" * 50
    (tmp_path / "d.bin").write_bytes(data)
    (tmp_path / "d.p7s").write_bytes(cms.sign_detached(signer, data))
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    r = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp_path / "d.p7s"),
                        "-content", str(tmp_path / "d.bin"), "-CAfile", str(tmp_path / "ca.pem"),
                        "-purpose", "any", "-out", "/dev/null"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_other_events_authority_does_not_chain(db) -> None:
    a = make_panel(db, "Kegiatan A")
    b = make_panel(db, "Kegiatan B")
    with db.read() as s:
        signer_b = keys.load_signer(s, b.event_id, b.chair, PASSES["Ketua Tim"])
        ca_a = pki.authority_certificate(s, a.event_id)
    sig = cms.sign_detached(signer_b, b"data")
    with pytest.raises(OaoiError) as err:
        cms.verify_detached(b"data", sig, [ca_a])
    assert err.value.message_id == "signing.untrusted_signer"
    assert "Ketua Tim" in err.value.render("id")


def test_import_credential_keeps_chain(panel) -> None:
    p12, root = external_p12(b"sandi-p12-budi")
    uid = panel.judges[0]
    with panel.db.write() as s, pytest.raises(ValidationError) as err:
        keys.import_judge_certificate(s, panel.event_id, uid, p12, "bukan-sandinya", ACTOR)
    assert err.value.message_id == "signing.wrong_p12_passphrase"
    with panel.db.write() as s, pytest.raises(ValidationError) as err:
        keys.import_judge_certificate(s, panel.event_id, uid, b"garbage", "sandi-p12-budi", ACTOR)
    assert err.value.message_id in ("signing.bad_p12", "signing.wrong_p12_passphrase")
    with panel.db.write() as s:
        cred = keys.import_judge_certificate(s, panel.event_id, uid, p12, "sandi-p12-budi", ACTOR)
        assert cred.source == "imported" and "CA Tanda Tangan" in cred.issuer
        assert len(pki.certs_from_pem(cred.chain_pem)) == 2
    with panel.db.read() as s:
        signer = keys.load_signer(s, panel.event_id, uid, "sandi-p12-budi")
        ca = pki.authority_certificate(s, panel.event_id)
    sig = cms.sign_detached(signer, b"x")
    assert cms.verify_detached(b"x", sig, [root]) == signer.certificate
    with pytest.raises(OaoiError) as err:
        cms.verify_detached(b"x", sig, [ca])
    assert err.value.message_id == "signing.untrusted_signer"
    audit_text = _all_audit_text(panel.db)
    assert "credential.imported" in audit_text and "sandi-p12-budi" not in audit_text


def test_person_of_another_event_is_refused(db) -> None:
    a = make_panel(db, "Kegiatan A")
    other = make_event(db, "Kegiatan C")
    (stranger,) = add_judges(db, other, ["Orang Lain"])
    with db.write() as s, pytest.raises(OaoiError) as err:
        keys.issue_judge_certificate(s, a.event_id, stranger, CA_PASS, "sandi-orang-lain", ACTOR)
    assert err.value.message_id == "signing.person_not_found"


def test_a_cms_parsed_before_pyhanko_loads_leaves_signing_able_to_name_its_attributes() -> None:
    """Verifying a judge bundle (CMS) and then signing a PDF in one process failed: asn1crypto's
    reverse table of attribute names was built before pyHanko's import added signing_certificate_v2."""
    import subprocess
    import sys

    code = (
        "import oaoi_desktop.signing.pki\n"
        "from asn1crypto import cms\n"
        "cms.CMSAttribute({'type': 'content_type', 'values': ['data']}).dump()\n"
        "import pyhanko.sign.general\n"
        "print(cms.CMSAttributeType('signing_certificate_v2').dotted)\n"
    )
    run = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1.2.840.113549.1.9.16.2.47"
