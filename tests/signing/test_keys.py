"""Keys (issue 13): modern KDFs read back from the stored bytes, weak keys re-wrapped on use,
the passphrase/PIN policy, and signatures accepted only from the credential REGISTERED for a judge."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from oaoi_desktop import passphrase_policy
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import accounts, auth, documents, events, finalisation, signatures
from oaoi_desktop.signing import pki
from oaoi_desktop.services import keys
from oaoi_desktop.store.models import AuditEntry, EventAuthority, EventStatus, JudgeCredential, Role
from support.signing_keys import CA_PASS, PASSES, make_panel
from support.builders import ACTOR, KIPP_CRITERIA, TEST_SECRETARIAT_PIN, add_dossier, add_judges, make_event, score, uniform

ROOT = Path(__file__).resolve().parents[2]


# -- reading the stored protection back, independently of pki's own helpers ---------------
def _pbes2(alg) -> tuple[str, str, str, int, str, int]:
    """(scheme, kdf, prf, iterations, cipher, key bytes) of an asn1crypto EncryptionAlgorithm."""
    return (alg["algorithm"].native, alg.kdf, alg.kdf_hmac, alg.kdf_iterations, alg.encryption_cipher,
            alg.key_length)


def _pkcs8_params(pem: str):
    body = "".join(line for line in pem.strip().splitlines() if not line.startswith("-----"))
    import base64

    info = asn1_keys.EncryptedPrivateKeyInfo.load(base64.b64decode(body))
    return _pbes2(info["encryption_algorithm"])


def _pkcs12_params(data: bytes):
    pfx = asn1_pkcs12.Pfx.load(data)
    mac = pfx["mac_data"]["mac"]["digest_algorithm"]
    parts = []
    for ci in asn1_pkcs12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native):
        if ci["content_type"].native == "encrypted_data":
            parts.append(_pbes2(ci["content"]["encrypted_content_info"]["content_encryption_algorithm"]))
        else:
            for bag in asn1_pkcs12.SafeContents.load(ci["content"].native):
                assert bag["bag_id"].native != "key_bag"  # never a key in clear
                if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                    parts.append(_pbes2(bag["bag_value"]["encryption_algorithm"]))
    return mac, pfx["mac_data"]["iterations"].native, parts


MODERN = ("pbes2", "pbkdf2", "sha256")


def _assert_modern_pkcs12(data: bytes) -> None:
    mac, classic_iterations, parts = _pkcs12_params(data)
    assert mac["algorithm"].dotted == "1.2.840.113549.1.5.14"  # PBMAC1 (RFC 9579), not the 2,048-round MAC
    params = pki._Pbmac1Params.load(mac["parameters"].dump())
    kdf = params["key_derivation_func"]
    assert kdf["algorithm"].native == "pbkdf2" and kdf["parameters"]["prf"]["algorithm"].native == "sha256"
    assert kdf["parameters"]["iteration_count"].native >= 600_000
    assert params["message_auth_scheme"]["algorithm"].native == "sha256"
    assert len(parts) >= 2  # the certificates' safe and the shrouded key
    for scheme, kdf_name, prf, iterations, cipher, key_len in parts:
        assert (scheme, kdf_name, prf) == MODERN and iterations >= 600_000 and (cipher, key_len) == ("aes", 32)


def test_ca_key_and_judge_pkcs12_are_stored_with_pbkdf2_sha256_600k_and_aes256(db) -> None:
    panel = make_panel(db)
    with db.read() as s:
        ca_pem = s.scalar(select(EventAuthority.key_pem).where(EventAuthority.event_id == uuid.UUID(panel.event_id)))
        scheme, kdf, prf, iterations, cipher, key_len = _pkcs8_params(ca_pem)
        creds = s.scalars(select(JudgeCredential)).all()
        blobs = [c.pkcs12 for c in creds]
    assert (scheme, kdf, prf) == MODERN and iterations >= 600_000 and (cipher, key_len) == ("aes", 32)
    assert len(blobs) == 3
    for blob in blobs:
        _assert_modern_pkcs12(blob)
    # and they still open with the right passphrase only (cryptography reads PBMAC1 and our PKCS#8)
    serialization.load_pem_private_key(ca_pem.encode(), CA_PASS.encode())
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(ca_pem.encode(), b"rahasia-yang-salah")
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(blobs[0], b"sandi-yang-salah")


def test_an_imported_pkcs12_is_stored_re_encrypted_with_the_modern_parameters(db) -> None:
    from support.signing_keys import external_p12

    panel = make_panel(db)
    p12, _root = external_p12(b"sandi-p12-budi")
    with db.write() as s:
        cred = keys.import_judge_certificate(s, panel.event_id, panel.judges[0], p12, "sandi-p12-budi", ACTOR)
        stored = cred.pkcs12
    _assert_modern_pkcs12(stored)


def _weak_pkcs8(key, secret: bytes) -> str:
    """What the app wrote before: PKCS#8 with OpenSSL's 2,048 PBKDF2 iterations."""
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(secret)).decode("ascii")


def test_a_weak_ca_key_is_rewrapped_when_it_is_next_unlocked(db) -> None:
    event_id = make_event(db)
    (budi,) = add_judges(db, event_id, ["Budi Santoso"])
    with db.write() as s:
        row = keys.create_authority(s, event_id, CA_PASS, ACTOR)
        key = serialization.load_pem_private_key(row.key_pem.encode(), CA_PASS.encode())
        row.key_pem = _weak_pkcs8(key, CA_PASS.encode())
    with db.read() as s:
        ca_pem = s.scalar(select(EventAuthority.key_pem))
    assert _pkcs8_params(ca_pem)[3] == 2048
    # a wrong CA passphrase changes nothing
    with db.write() as s, pytest.raises(ValidationError):
        keys.issue_judge_certificate(s, event_id, budi, "rahasia-yang-salah", PASSES["Budi Santoso"], ACTOR)
    with db.read() as s:
        assert s.scalar(select(EventAuthority.key_pem)) == ca_pem
    # the right one: the certificate is issued AND the key is re-wrapped in the same transaction
    with db.write() as s:
        keys.issue_judge_certificate(s, event_id, budi, CA_PASS, PASSES["Budi Santoso"], ACTOR)
    with db.read() as s:
        new_pem = s.scalar(select(EventAuthority.key_pem))
        entries = [(e.entity_type, e.before, e.after)
                   for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "key.rewrapped"))]
        audit_text = " ".join(str(before) + str(after) for _t, before, after in entries)
    scheme, kdf, prf, iterations, cipher, key_len = _pkcs8_params(new_pem)
    assert (scheme, kdf, prf, iterations, cipher, key_len) == ("pbes2", "pbkdf2", "sha256", 600_000, "aes", 32)
    same = serialization.load_pem_private_key(new_pem.encode(), CA_PASS.encode())
    assert same.private_numbers() == key.private_numbers()
    assert len(entries) == 1 and entries[0][0] == "event_authority"
    assert entries[0][1]["iterations"] == 2048 and entries[0][2]["iterations"] == 600_000
    assert CA_PASS not in audit_text and "PRIVATE KEY" not in audit_text


def test_a_weak_judge_pkcs12_is_rewrapped_when_it_is_next_used_to_sign(db, tmp_path) -> None:
    from support.signing_keys import make_pdf

    panel = make_panel(db)
    budi = panel.judges[0]
    with db.write() as s:
        cred = pki.active_credential(s, panel.event_id, budi)
        signer = pki.signer_from_credential(cred, PASSES["Budi Santoso"])
        cred.pkcs12 = pkcs12.serialize_key_and_certificates(  # what the app wrote before
            b"Budi Santoso", signer.private_key, signer.certificate, list(signer.chain),
            serialization.BestAvailableEncryption(PASSES["Budi Santoso"].encode()))
    with db.read() as s:
        weak = pki.active_credential(s, panel.event_id, budi).pkcs12
    mac, classic_iterations, _parts = _pkcs12_params(weak)
    assert mac["algorithm"].native == "sha256" and classic_iterations == 2048
    path = tmp_path / "lhp.pdf"
    make_pdf(path, [budi], event_id=panel.event_id)
    (out,) = signatures.sign_files(db, [path], judge="Budi Santoso", passphrase=PASSES["Budi Santoso"], actor=ACTOR)
    assert out.ok, out.message
    with db.read() as s:
        stored = pki.active_credential(s, panel.event_id, budi).pkcs12
        entries = [(e.entity_type, e.before, e.after)
                   for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "key.rewrapped"))]
    _assert_modern_pkcs12(stored)
    assert [t for t, _b, _a in entries] == ["judge_credential"]
    assert entries[0][1]["mac"]["iterations"] == 2048
    assert PASSES["Budi Santoso"] not in str(entries[0][1]) + str(entries[0][2])
    key, cert, _ = pkcs12.load_key_and_certificates(stored, PASSES["Budi Santoso"].encode())
    assert cert == signer.certificate and key.private_numbers() == signer.private_key.private_numbers()
    # a second use finds nothing to re-wrap
    make_pdf(path, [budi], event_id=panel.event_id)
    signatures.sign_files(db, [path], judge="Budi Santoso", passphrase=PASSES["Budi Santoso"], actor=ACTOR)
    with db.read() as s:
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "key.rewrapped")).all()) == 1


# -- the passphrase and PIN policy --------------------------------------------------------
@pytest.mark.parametrize("weak", ["rahasia12", "abc", "Merdeka-1945!", "bismillah123456", "sayangku2026",
                                  "qwertyuiop123", "aaaaaaaaaaaaaaaa", "Medan 2026", "indonesia raya"])
def test_a_weak_ca_passphrase_is_refused(db, weak: str) -> None:
    event_id = make_event(db)
    with db.write() as s, pytest.raises(ValidationError) as err:
        keys.create_authority(s, event_id, weak, ACTOR)
    assert err.value.message_id == "keys.passphrase_weak"
    assert "12 karakter atau 4 kata" in err.value.render("id")


def test_strong_passphrases_and_four_words_are_accepted() -> None:
    for ok in ("rahasia-sekretariat", "kopi susu gula aren", "Tim Penilai Medan sepakat", "sandi-ketua-1"):
        passphrase_policy.check_passphrase(ok)
    with pytest.raises(ValidationError):
        passphrase_policy.check_passphrase("jakarta2026!!")  # 13 characters, but a city and a year


def test_weak_judge_and_p12_passphrases_are_refused(db) -> None:
    panel = make_panel(db)
    budi = panel.judges[0]
    with db.write() as s, pytest.raises(ValidationError) as err:
        keys.issue_judge_certificate(s, panel.event_id, budi, CA_PASS, "budi1234", ACTOR)
    assert err.value.message_id == "keys.passphrase_weak" and "judge_passphrase" in err.value.render("en")
    from support.signing_keys import external_p12

    p12, _ = external_p12(b"password123")
    with db.write() as s, pytest.raises(ValidationError) as err:
        keys.import_judge_certificate(s, panel.event_id, budi, p12, "password123", ACTOR)
    assert err.value.message_id == "keys.passphrase_weak"


def test_package_passphrases_follow_the_policy() -> None:
    from oaoi_desktop.services.exchange import packages

    with pytest.raises(ValidationError) as err:
        packages.check_passphrase("indonesia45")
    assert err.value.message_id in ("keys.passphrase_weak", "exchange.passphrase_too_short")
    with pytest.raises(ValidationError) as err:
        packages.check_passphrase("merdeka-17081945")
    assert err.value.message_id == "keys.passphrase_weak"
    assert packages.check_passphrase("frasa-sandi-ani-2026") == "frasa-sandi-ani-2026"


@pytest.mark.parametrize("pin", ["0000", "1234", "12345", "000000", "111111", "123456", "654321", "890123",
                                 "121212", "123123", "17081945", "170845", "19450817", "112233"])
def test_weak_pins_are_refused_wherever_a_pin_is_set(db, pin: str) -> None:
    event_id = make_event(db)
    with db.write() as s, pytest.raises(ValidationError) as err:
        accounts.add_secretariat(s, name="Sekretariat Dua", secret=pin, actor=ACTOR)
    assert err.value.message_id == "keys.pin_weak" and "minimal 6 angka" in err.value.render("id")
    with db.write() as s, pytest.raises(ValidationError):
        accounts.add_judge(s, events.get_event(s, event_id), name="Ani", instansi="Bappeda", role=Role.MEMBER,
                           actor=ACTOR, secret=pin)


def test_reset_and_recovery_refuse_a_weak_pin_and_accept_a_strong_one(db) -> None:
    event_id = make_event(db)
    with db.write() as s:
        ani = accounts.add_judge(s, events.get_event(s, event_id), name="Ani", instansi="Bappeda", role=Role.MEMBER,
                                 actor=ACTOR, secret="739415")
        with pytest.raises(ValidationError):
            auth.reset_credentials(s, ani, ACTOR, new_secret="0000")
        code = auth.reset_credentials(s, ani, ACTOR, new_secret="582614")
    with db.write() as s:
        ani = auth.find_account(s, event_id, "Ani")
        with pytest.raises(ValidationError):
            auth.recover_with_code(s, ani, code, "111111")
        auth.recover_with_code(s, ani, code, "604937")


def test_generated_pins_always_pass_the_policy() -> None:
    pins = [auth.new_pin() for _ in range(3000)]
    assert all(len(p) == 6 and not passphrase_policy.pin_problem(p) for p in pins)


def test_the_common_password_list_ships_as_package_data() -> None:
    words = passphrase_policy.common_passwords()
    assert len(words) >= 300
    assert {"merdeka", "bismillah", "sayangku", "indonesia", "qwerty", "medan2026"} <= words
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"passphrase_policy/*.txt"' in pyproject
    listed = (ROOT / "oaoi_desktop" / "passphrase_policy" / "common-passwords.txt").read_text(encoding="utf-8")
    assert listed.startswith("# Common passwords") and "Source:" in listed


# -- verification bound to the registered credential ----------------------------------------
def _minted_signer(db, event_id: str, judge_id: str, name: str) -> pki.Signer:
    """With the CA key and its passphrase (a stolen backup), mint a certificate in a judge's name
    OUTSIDE the app: nothing is written to the database."""
    with db.read() as s:
        row = s.scalar(select(EventAuthority).where(EventAuthority.event_id == uuid.UUID(event_id)))
        ca_key = serialization.load_pem_private_key(row.key_pem.encode(), CA_PASS.encode())
        ca_cert = x509.load_pem_x509_certificate(row.certificate_pem.encode())
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.USER_ID, judge_id),
                         x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number((uuid.UUID(judge_id).int << 30) | 12345)
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return pki.Signer(private_key=key, certificate=cert, chain=(ca_cert,))


def _pyhanko_sign(signer: pki.Signer, path: Path, field: str) -> None:
    """Sign ``field`` with pyHanko directly (no app code), as an attacker would."""
    from asn1crypto import keys as ak
    from asn1crypto import x509 as ax
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = lambda c: c.public_bytes(serialization.Encoding.DER)  # noqa: E731
    simple = signers.SimpleSigner(
        signing_cert=ax.Certificate.load(der(signer.certificate)),
        signing_key=ak.PrivateKeyInfo.load(signer.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs([ax.Certificate.load(der(c)) for c in signer.chain]))
    out = io.BytesIO()
    signers.PdfSigner(signers.PdfSignatureMetadata(field_name=field, subfilter=SigSeedSubFilter.PADES,
                                                   md_algorithm="sha256"), simple).sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(path.read_bytes())), existing_fields_only=True, output=out)
    path.write_bytes(out.getvalue())


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS",)}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["OAOI_LANG"] = "id"
    env["OAOI_OPERATOR"], env["OAOI_PIN"] = ACTOR.name, TEST_SECRETARIAT_PIN  # the tests' secretariat signs in
    return subprocess.run([sys.executable, "-m", "oaoi_desktop.cli", *args], capture_output=True, text=True,
                          env=env, cwd=str(ROOT), timeout=300)


def test_a_certificate_minted_with_the_ca_key_is_not_registered_and_finalising_refuses_it(db, db_url, tmp_path):
    panel = make_panel(db)
    d = add_dossier(db, panel.event_id, "P-001")
    for name, v in [("Budi Santoso", 8), ("Siti Aminah", 9), ("Ketua Tim", 7)]:
        score(db, panel.event_id, name, d, uniform(KIPP_CRITERIA, v))
    docs = documents.prepare(db, panel.event_id, ["minutes"], documents.ExportOptions(), actor=ACTOR)
    (minutes,) = documents.write_documents(docs, tmp_path / "out")
    slots = documents.signature_slots(minutes)
    budi = panel.judges[0]
    budi_field = next(s.field_name for s in slots if str(s.user_id) == budi)
    # the forger signs Budi's field with a certificate the real CA key signed, in Budi's name and id
    _pyhanko_sign(_minted_signer(db, panel.event_id, budi, "Budi Santoso"), minutes, budi_field)
    for slot in slots:  # everyone else signs with their registered credential
        if str(slot.user_id) != budi:
            (out,) = signatures.sign_files(db, [minutes], judge=str(slot.user_id),
                                           passphrase=PASSES[panel.names[str(slot.user_id)]], actor=ACTOR)
            assert out.ok, out.message

    with db.read() as s:
        report = signatures.verify_file(s, minutes)
    by_field = {sig.field_name: sig for sig in report.signatures}
    forged = by_field[budi_field]
    assert forged.check("authority").status == "ok"  # it does chain to the event's CA...
    assert forged.check("registered").failed  # ...but it is not the credential registered for Budi
    assert "TIDAK TERDAFTAR" in forged.check("registered").message and forged.registered_judge is None
    assert not report.ok
    others = [sig for f, sig in by_field.items() if f != budi_field]
    assert sorted(sig.registered_judge for sig in others) == ["Ketua Tim", "Siti Aminah"]
    assert all(sig.check("registered").status == "ok" and sig.ok for sig in others)
    assert "Siti Aminah" in by_field[next(f for f, sig in by_field.items() if sig.signer == "Siti Aminah")
                                     ].check("registered").message

    # oaoi verify (a real process): exit 1, the field named as not registered, no warning on stderr
    proc = _cli("verify", str(minutes), "--db", db_url)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert budi_field in proc.stdout and "TIDAK TERDAFTAR" in proc.stdout
    assert "Warning" not in proc.stderr and "Deprecat" not in proc.stderr, proc.stderr

    # finalisation refuses it (TIDAK SAH)
    with db.write() as s, pytest.raises(ConflictError) as err:
        finalisation.finalise_event(s, panel.event_id, ACTOR, signed_minutes=minutes)
    assert err.value.message_id == "finalise.minutes_invalid" and "TIDAK TERDAFTAR" in err.value.render("id")
    with db.read() as s:
        assert events.get_event(s, panel.event_id).status is not EventStatus.FINALISED


def test_a_signature_made_with_a_replaced_credential_after_its_replacement_fails(db, tmp_path) -> None:
    from support.signing_keys import make_pdf

    panel = make_panel(db)
    budi = panel.judges[0]
    with db.read() as s:
        old = pki.active_credential(s, panel.event_id, budi)
        old_signer = pki.signer_from_credential(old, PASSES["Budi Santoso"])
    with db.write() as s:  # Budi lost his laptop: a new certificate is issued
        keys.issue_judge_certificate(s, panel.event_id, budi, CA_PASS, "sandi-baru-budi-2026", ACTOR)
    path = tmp_path / "lhp.pdf"
    make_pdf(path, [budi], event_id=panel.event_id)
    _pyhanko_sign(old_signer, path, "sig_" + uuid.UUID(budi).hex)  # the thief signs with the old key
    with db.read() as s:
        (sig,) = signatures.verify_file(s, path).signatures
    assert sig.check("registered").failed and "sudah diganti" in sig.check("registered").message


def test_offline_verification_cannot_check_registration(panel, tmp_path) -> None:
    from support.signing_keys import make_pdf

    path = tmp_path / "lhp.pdf"
    make_pdf(path, [panel.chair], event_id=panel.event_id)
    signatures.sign_files(panel.db, [path], judge=panel.chair, passphrase=PASSES["Ketua Tim"], actor=ACTOR)
    (sig,) = signatures.verify_file(None, path).signatures
    assert sig.check("registered").status == "not_checkable"


def test_oaoi_sign_prints_no_deprecation_warning(db, db_url, tmp_path) -> None:
    from support.signing_keys import make_pdf

    panel = make_panel(db)
    path = tmp_path / "lhp.pdf"
    make_pdf(path, [panel.chair], event_id=panel.event_id)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSES["Ketua Tim"] + "\n", encoding="utf-8")
    proc = _cli("sign", str(path), "--judge", "Ketua Tim", "--passphrase-file", str(secret), "--db", db_url)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Warning" not in proc.stderr and "Deprecat" not in proc.stderr, proc.stderr
