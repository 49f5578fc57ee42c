"""``oaoi ca|cert|sign|verify``: the whole signing flow through the command line, real keys and PDFs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry
from support import signing_keys
from support.builders import add_judges, make_event
from support.cli_signin import secret_file


SECRETS = {"ca": "rahasia-ca-kegiatan", "Ketua Tim": "sandi-ketua-1", "Budi Santoso": "sandi-budi-2",
           "Siti Aminah": "sandi-siti-3"}


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, builders_secretariat: None):
    def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        monkeypatch.delenv("OAOI_PASSPHRASE", raising=False)
        monkeypatch.delenv("OAOI_CA_PASSPHRASE", raising=False)
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        code = main([*args, "--db", db_url])
        out, err = capsys.readouterr()
        for secret in SECRETS.values():
            assert secret not in out and secret not in err
        return code, out, err

    return _run


@pytest.fixture
def setup(db: Database, run, tmp_path: Path):
    eid = make_event(db, name="KIPP Kota Medan 2026")
    ids = add_judges(db, eid, ["Ketua Tim", "Budi Santoso", "Siti Aminah"])
    code, out, err = run("ca", "create", "--event", eid,
                         "--passphrase-file", secret_file(tmp_path, "ca.txt", SECRETS["ca"]))
    assert code == EXIT_OK, err
    assert "CA kegiatan" in out
    for name in ["Ketua Tim", "Budi Santoso", "Siti Aminah"]:
        code, out, err = run("cert", "issue", "--event", eid, "--judge", name,
                             "--ca-passphrase-file", str(tmp_path / "ca.txt"),
                             "--passphrase-file", secret_file(tmp_path, f"{name}.txt", SECRETS[name]))
        assert code == EXIT_OK, err
        assert name in out
    return eid, ids


def test_help_on_every_command() -> None:
    for cmd in (["ca", "create"], ["ca", "show"], ["cert", "issue"], ["cert", "import"], ["sign"], ["verify"]):
        assert main([*cmd, "--help"]) == EXIT_OK, cmd


def test_full_flow_sign_in_turn_then_verify(run, setup, tmp_path: Path, db: Database) -> None:
    eid, (chair, budi, siti) = setup
    pdf = tmp_path / "berita-acara.pdf"
    signing_keys.make_pdf(pdf, [budi, siti, chair], event_id=eid, kind="minutes")
    # judges by name, by id, and the chair last; the event comes from the document
    code, out, err = run("sign", str(pdf), "--judge", "Budi Santoso", env={"OAOI_PASSPHRASE": SECRETS["Budi Santoso"]})
    assert code == EXIT_OK, err
    assert "1 dari 1 berkas ditandatangani" in out
    code, out, err = run("sign", str(pdf), "--judge", siti, "--event", eid,
                         "--passphrase-file", str(tmp_path / "Siti Aminah.txt"))
    assert code == EXIT_OK, err
    code, out, err = run("sign", str(pdf), "--judge", "ketua tim", env={"OAOI_PASSPHRASE": SECRETS["Ketua Tim"]})
    assert code == EXIT_OK, err
    code, out, err = run("verify", str(pdf))
    assert code == EXIT_OK, out + err
    assert "SAH" in out and out.count("Tanda tangan ") == 3 and "[GAGAL]" not in out
    code, out, err = run("verify", str(pdf), "--format", "json")
    doc = json.loads(out)
    assert doc["ok"] and [s["signer"] for s in doc["files"][0]["signatures"]] == ["Budi Santoso", "Siti Aminah",
                                                                                 "Ketua Tim"]
    assert all(s["checks"]["authority"]["status"] == "ok" for s in doc["files"][0]["signatures"])
    # an unsigned edit appended after the last signature: verify exits 1
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 700 Td (99) Tj ET")))
    buf = io.BytesIO()
    w.write(buf)
    pdf.write_bytes(buf.getvalue())
    code, out, err = run("verify", str(pdf), "--lang", "en")
    assert code == EXIT_FAILED
    assert "NOT VALID" in out and "CHANGED after this signature" in out
    code, out, err = run("verify", str(pdf), "--format", "json")
    assert code == EXIT_FAILED and not json.loads(out)["ok"]
    with db.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry))]
        assert actions.count("document.signed") == 3 and actions.count("credential.issued") == 3
        assert "authority.created" in actions
        text = repr([(e.before, e.after) for e in s.scalars(select(AuditEntry))])
    for secret in SECRETS.values():
        assert secret not in text


def test_wrong_passphrase_exit_1_clear_message_nothing_changed(run, setup, tmp_path: Path) -> None:
    eid, (chair, budi, siti) = setup
    files = [tmp_path / f"{i}.pdf" for i in range(2)]
    for f in files:
        signing_keys.make_pdf(f, [budi, chair], event_id=eid)
    before = [f.read_bytes() for f in files]
    code, out, err = run("sign", *map(str, files), "--judge", "Budi Santoso", env={"OAOI_PASSPHRASE": "keliru-sekali"})
    assert code == EXIT_FAILED
    assert "Frasa sandi kunci tanda tangan 'Budi Santoso' salah" in err
    assert "Traceback" not in err
    assert [f.read_bytes() for f in files] == before


def test_batch_partial_exit_2(run, setup, tmp_path: Path) -> None:
    eid, (chair, budi, siti) = setup
    good = tmp_path / "good.pdf"
    signing_keys.make_pdf(good, [budi], event_id=eid)
    nofield = tmp_path / "nofield.pdf"
    signing_keys.make_pdf(nofield, [chair], event_id=eid)
    code, out, err = run("sign", str(good), str(nofield), "--judge", "Budi Santoso",
                         env={"OAOI_PASSPHRASE": SECRETS["Budi Santoso"]})
    assert code == EXIT_PARTIAL
    assert "nofield.pdf" in err and "1 dari 2" in out


def test_no_secret_without_terminal_is_a_clear_error(run, setup, tmp_path: Path) -> None:
    eid, _ = setup
    code, out, err = run("cert", "issue", "--event", eid, "--judge", "Budi Santoso")
    assert code == EXIT_FAILED and "OAOI_CA_PASSPHRASE" in err


def test_second_ca_refused_and_wrong_ca_passphrase(run, setup, tmp_path: Path) -> None:
    eid, _ = setup
    code, out, err = run("ca", "create", "--event", eid, env={"OAOI_PASSPHRASE": SECRETS["ca"]})
    assert code == EXIT_FAILED and "sudah memiliki" in err
    code, out, err = run("cert", "issue", "--event", eid, "--judge", "Siti Aminah",
                         env={"OAOI_CA_PASSPHRASE": "bukan-sandi-ca", "OAOI_PASSPHRASE": "sandi-baru-siti"})
    assert code == EXIT_FAILED and "Frasa sandi CA" in err


def test_other_event_certificate_and_offline_trust(run, setup, db: Database, tmp_path: Path) -> None:
    eid, (chair, budi, siti) = setup
    pdf = tmp_path / "x.pdf"
    signing_keys.make_pdf(pdf, [budi], event_id=eid)
    assert run("sign", str(pdf), "--judge", "Budi Santoso", env={"OAOI_PASSPHRASE": SECRETS["Budi Santoso"]})[0] == 0
    code, pem, err = run("ca", "show", "--event", eid)
    assert code == EXIT_OK and pem.startswith("-----BEGIN CERTIFICATE-----")
    ca = tmp_path / "ca.pem"
    ca.write_text(pem)
    code, out, err = run("verify", str(pdf), "--offline", "--trust", str(ca))
    assert code == EXIT_OK, out
    # a CA of another event does not vouch for this signer
    other = make_event(db, name="Kegiatan Lain")
    add_judges(db, other, ["Orang Lain"])
    assert run("ca", "create", "--event", other, env={"OAOI_PASSPHRASE": "sandi-ca-lain"})[0] == EXIT_OK
    code, pem2, err = run("ca", "show", "--event", other)
    ca2 = tmp_path / "ca2.pem"
    ca2.write_text(pem2)
    code, out, err = run("verify", str(pdf), "--offline", "--trust", str(ca2), "--format", "json")
    assert code == EXIT_FAILED
    sig = json.loads(out)["files"][0]["signatures"][0]
    assert sig["checks"]["authority"]["status"] == "fail" and sig["issuer"].startswith("OAOI CA KIPP")


def test_cert_import(run, setup, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import hashes, serialization
    import datetime as dt
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    eid, (chair, budi, siti) = setup
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Siti Aminah")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256()))
    p12 = tmp_path / "siti.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"siti", key, cert, None,
                                                          serialization.BestAvailableEncryption(b"sandi-p12-siti")))
    code, out, err = run("cert", "import", "--event", eid, "--judge", "Siti Aminah", str(p12),
                         env={"OAOI_PASSPHRASE": "sandi-p12-siti"})
    assert code == EXIT_OK, err
    assert "diimpor" in out
