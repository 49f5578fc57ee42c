"""PAdES: two judges and the chair sign one PDF in turn; tampering is caught (real keys, real PDFs)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from sqlalchemy import select

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import documents, signatures
from oaoi_desktop.services import keys
from oaoi_desktop.signing import pades, pki
from oaoi_desktop.store.models import AuditEntry
from support import signing_keys
from support.signing_keys import PASSES, make_panel, make_pdf
from support.builders import ACTOR

PDFSIG = shutil.which("pdfsig")


def _sign_in_turn(panel, path: Path) -> None:
    for uid in [*panel.judges, panel.chair]:
        out = signatures.sign_files(panel.db, [path], judge=uid, passphrase=panel.passphrase(uid), actor=ACTOR)
        assert [o.status for o in out] == ["signed"], out[0].message


def _pdfsig(path: Path) -> list[dict[str, str]]:
    r = subprocess.run([PDFSIG, "-nocert", str(path)], capture_output=True, text=True, timeout=60)
    sigs: list[dict[str, str]] = []
    for line in r.stdout.splitlines():
        if re.match(r"^Signature #\d+:", line):
            sigs.append({})
        elif sigs and line.strip().startswith("- "):
            key, _, value = line.strip()[2:].partition(":")
            sigs[-1][key.strip()] = value.strip() if value else key.strip()
            if not value:
                sigs[-1]["coverage"] = key.strip()
    return sigs


@pytest.fixture
def signed_pdf(panel, tmp_path) -> Path:
    path = tmp_path / "hasil.pdf"
    make_pdf(path, [*panel.judges, panel.chair], event_id=panel.event_id)
    _sign_in_turn(panel, path)
    return path


def test_three_signatures_in_turn_all_valid(panel, signed_pdf) -> None:
    with panel.db.read() as s:
        report = signatures.verify_file(s, signed_pdf)
    assert [sig.signer for sig in report.signatures] == ["Budi Santoso", "Siti Aminah", "Ketua Tim"]
    for sig in report.signatures:
        assert sig.intact and not sig.unsigned_changes_after
        assert sig.chains_to_event is True
        assert sig.bottom_line, sig
        assert {c.name: c.status for c in sig.checks} == {
            "intact": "ok", "unchanged_after": "ok", "authority": "ok", "registered": "ok", "field_owner": "ok"}
        assert sig.signing_time is not None
    assert report.signatures[-1].modification_level == "none"
    assert report.signatures[0].modification_level == "form_filling"
    assert report.empty_fields == ()
    assert report.ok
    # the fingerprint is not printed on this test PDF: not checkable, not a failure
    assert report.fingerprint.status == "not_checkable"


@pytest.mark.skipif(PDFSIG is None, reason="poppler-utils not installed")
def test_pdfsig_agrees(signed_pdf) -> None:
    sigs = _pdfsig(signed_pdf)
    assert len(sigs) == 3
    assert [s["Signer Certificate Common Name"] for s in sigs] == ["Budi Santoso", "Siti Aminah", "Ketua Tim"]
    assert all(s["Signature Validation"] == "Signature is Valid." for s in sigs)
    assert all(s["Signature Type"] == "ETSI.CAdES.detached" for s in sigs)
    assert sigs[-1]["coverage"] == "Total document signed"


def _append_unsigned_edit(path: Path) -> None:
    """Someone paints a new score over the page in an incremental update, after the last signature."""
    from pyhanko.pdf_utils import generic

    w = IncrementalPdfFileWriter(io.BytesIO(path.read_bytes()))
    stream = generic.StreamObject(stream_data=b"q 1 1 1 rg 70 755 200 20 re f Q "
                                              b"BT /F1 12 Tf 72 760 Td (Nilai total: 99,00) Tj ET")
    w.add_stream_to_page(0, w.add_object(stream))
    out = io.BytesIO()
    w.write(out)
    path.write_bytes(out.getvalue())


def test_unsigned_edit_after_last_signature_fails(panel, signed_pdf) -> None:
    _append_unsigned_edit(signed_pdf)
    with panel.db.read() as s:
        report = signatures.verify_file(s, signed_pdf)
    assert not report.ok
    last = report.signatures[-1]
    assert last.intact  # the bytes it signed are still there...
    assert last.check("unchanged_after").status == "fail"  # ...but something was appended after
    assert last.unsigned_changes_after
    assert "DIUBAH" in last.check("unchanged_after").message
    assert all(sig.check("unchanged_after").failed for sig in report.signatures)


@pytest.mark.skipif(PDFSIG is None, reason="poppler-utils not installed")
def test_pdfsig_sees_the_unsigned_edit_only_as_partial_coverage(signed_pdf) -> None:
    _append_unsigned_edit(signed_pdf)
    sigs = _pdfsig(signed_pdf)
    assert sigs[-1]["Signature Validation"] == "Signature is Valid."  # poppler alone would say valid
    assert sigs[-1]["coverage"] == "Not total document signed"  # which we treat as a failure


def test_flipped_byte_in_signed_content_fails(panel, signed_pdf) -> None:
    data = bytearray(signed_pdf.read_bytes())
    at = data.index(b"87,50")
    data[at] = ord("9")
    signed_pdf.write_bytes(bytes(data))
    with panel.db.read() as s:
        report = signatures.verify_file(s, signed_pdf)
    assert not report.ok
    assert all(sig.check("intact").failed for sig in report.signatures)
    if PDFSIG:
        sigs = _pdfsig(signed_pdf)
        assert all(s["Signature Validation"] != "Signature is Valid." for s in sigs)


def test_certificate_of_another_events_authority_does_not_chain(db, tmp_path) -> None:
    a = make_panel(db, "Kegiatan A")
    b = make_panel(db, "Kegiatan B")
    path = tmp_path / "a.pdf"
    make_pdf(path, [a.chair], event_id=a.event_id)
    # someone with B's credential signs A's document in A's chair field
    with db.read() as s:
        signer_b = keys.load_signer(s, b.event_id, b.chair, PASSES["Ketua Tim"])
    path.write_bytes(pades.sign_pdf_bytes(signer_b, path.read_bytes(), pades.field_name_for(a.chair),
                                          name="Ketua Tim"))
    with db.read() as s:
        report = signatures.verify_file(s, path)
    (sig,) = report.signatures
    assert sig.intact
    assert sig.chains_to_event is False
    auth = sig.check("authority")
    assert auth.failed and "Kegiatan A" in auth.message and "OAOI CA Kegiatan B" in auth.message
    assert sig.check("field_owner").failed  # B's chair is not A's chair
    assert not report.ok


def test_without_database_authority_is_not_checkable_or_checked_against_given_ca(panel, signed_pdf) -> None:
    report = signatures.verify_file(None, signed_pdf)
    assert all(sig.check("authority").status == "not_checkable" for sig in report.signatures)
    assert report.fingerprint.status == "not_checkable"
    with panel.db.read() as s:
        ca = pki.authority_certificate(s, panel.event_id)
    report = signatures.verify_file(None, signed_pdf, trusted=[ca])
    assert all(sig.check("authority").status == "ok" for sig in report.signatures)


def test_wrong_passphrase_changes_nothing(panel, tmp_path) -> None:
    files = [tmp_path / f"{i}.pdf" for i in range(3)]
    for f in files:
        make_pdf(f, [panel.chair], event_id=panel.event_id)
    before = [f.read_bytes() for f in files]
    with panel.db.read() as s:
        n_audit = len(s.scalars(select(AuditEntry)).all())
    with pytest.raises(OaoiError) as err:
        signatures.sign_files(panel.db, files, judge="Ketua Tim", passphrase="salah-salah", actor=ACTOR)
    assert err.value.message_id == "signing.wrong_passphrase"
    assert "Ketua Tim" in err.value.render("id")
    assert [f.read_bytes() for f in files] == before
    with panel.db.read() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == n_audit
    assert sorted(p.name for p in tmp_path.iterdir() if "pdf" in p.name) == ["0.pdf", "1.pdf", "2.pdf"]


def test_batch_signs_every_file_with_one_passphrase_and_audits(panel, tmp_path) -> None:
    files = [tmp_path / f"lembar-{i}.pdf" for i in range(4)]
    for f in files:
        make_pdf(f, [panel.judges[0], panel.chair], event_id=panel.event_id)
    seen = []
    out = signatures.sign_files(panel.db, files, judge="budi santoso", passphrase=PASSES["Budi Santoso"],
                                actor=ACTOR, progress=lambda d, t, p: seen.append((d, t, p.name)))
    assert [o.status for o in out] == ["signed"] * 4
    assert [d for d, _, _ in seen] == [1, 2, 3, 4]
    with panel.db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "document.signed")).all()
        assert len(entries) == 4
        assert {e.after["file"] for e in entries} == {f.name for f in files}
        for e in entries:
            assert e.after["field"] == pades.field_name_for(panel.judges[0])
            assert re.fullmatch(r"[0-9a-f]{64}", e.after["sha256"])
        text = repr([(e.before, e.after) for e in s.scalars(select(AuditEntry)).all()])
    for secret in PASSES.values():
        assert secret not in text
    assert "PRIVATE" not in text
    # the chair's field is still empty; signing twice into Budi's field is refused per file
    with panel.db.read() as s:
        rep = signatures.verify_file(s, files[0])
    assert rep.empty_fields == (pades.field_name_for(panel.chair),)
    again = signatures.sign_files(panel.db, files[:1], judge="Budi Santoso", passphrase=PASSES["Budi Santoso"],
                                  actor=ACTOR)
    assert again[0].status == "failed" and "sudah ditandatangani" in again[0].message


def test_cancel_stops_before_the_next_file(panel, tmp_path) -> None:
    files = [tmp_path / f"{i}.pdf" for i in range(3)]
    for f in files:
        make_pdf(f, [panel.chair], event_id=panel.event_id)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    out = signatures.sign_files(panel.db, files, judge=panel.chair, passphrase=PASSES["Ketua Tim"], actor=ACTOR,
                                cancelled=cancelled)
    assert [o.status for o in out] == ["signed", "cancelled", "cancelled"]
    assert signatures.verify_file(None, files[1]).signatures == ()


def test_field_missing_is_a_clear_per_file_failure(panel, tmp_path) -> None:
    f = tmp_path / "x.pdf"
    make_pdf(f, [panel.chair], event_id=panel.event_id)
    (out,) = signatures.sign_files(panel.db, [f], judge="Siti Aminah", passphrase=PASSES["Siti Aminah"],
                                   actor=ACTOR)
    assert out.status == "failed" and "x.pdf" in out.message and "kolom tanda tangan" in out.message


def test_fingerprint_mismatch_after_score_change(db, tmp_path) -> None:
    from oaoi_desktop.store.models import IssuedDocument, Score, ScoreSheet
    from support.builders import KIPP_CRITERIA, add_dossier, score, uniform

    panel = make_panel(db)
    dossier = add_dossier(db, panel.event_id, "P-001")
    score(db, panel.event_id, "Budi Santoso", dossier, uniform(KIPP_CRITERIA, 8))
    with db.write() as s:
        sheet = s.scalar(select(ScoreSheet))
        doc = IssuedDocument(event_id=uuid.UUID(panel.event_id), kind="sheet", number="001/LP/T/2026",
                             sequence=1, fingerprint="0" * 64, created_by="test",
                             details={"dossier_id": str(sheet.dossier_id), "judge_id": str(sheet.judge_id),
                                      "stage_id": sheet.stage_id})
        s.add(doc)
        s.flush()
        fp = documents.recompute_fingerprint(s, panel.event_id, "001/LP/T/2026")
        doc.fingerprint = fp
    path = tmp_path / "lp.pdf"
    make_pdf(path, [panel.judges[0]], event_id=panel.event_id, number="001/LP/T/2026", fingerprint=fp,
             kind="sheet")
    signatures.sign_files(db, [path], judge="Budi Santoso", passphrase=PASSES["Budi Santoso"], actor=ACTOR)
    with db.read() as s:
        report = signatures.verify_file(s, path)
    assert report.fingerprint.status == "ok" and report.ok
    with db.write() as s:
        row = s.scalars(select(Score)).first()
        row.value_milli = 3000
    with db.read() as s:
        report = signatures.verify_file(s, path)
    assert report.fingerprint.status == "fail"
    assert "TIDAK cocok" in report.fingerprint.message
    assert all(sig.ok for sig in report.signatures)  # the signatures themselves are fine
    assert not report.ok
    # nobody can sign the out-of-date document any more
    path2 = tmp_path / "lp2.pdf"
    make_pdf(path2, [panel.chair], event_id=panel.event_id, number="001/LP/T/2026", fingerprint=fp, kind="sheet")
    (out,) = signatures.sign_files(db, [path2], judge="Ketua Tim", passphrase=PASSES["Ketua Tim"], actor=ACTOR)
    assert out.status == "failed" and "usang" in out.message
    assert signatures.verify_file(None, path2).signatures == ()


@pytest.mark.skipif(PDFSIG is None or shutil.which("openssl") is None, reason="poppler-utils/openssl missing")
def test_signatures_dumped_by_pdfsig_chain_to_the_event_ca_per_openssl(panel, signed_pdf, tmp_path) -> None:
    """Independent chain check: poppler extracts each CMS blob, openssl verifies the signer against the CA."""
    from cryptography.hazmat.primitives import serialization

    with panel.db.read() as s:
        ca = pki.authority_certificate(s, panel.event_id)
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    work = tmp_path / "dump"
    work.mkdir()
    shutil.copy(signed_pdf, work / "doc.pdf")
    subprocess.run([PDFSIG, "-nocert", "-dump", "doc.pdf"], cwd=work, capture_output=True, check=True, timeout=60)
    blobs = sorted(work.glob("doc.pdf.sig*"))
    assert len(blobs) == 3
    for blob in blobs:
        certs = subprocess.run(["openssl", "pkcs7", "-inform", "DER", "-in", str(blob), "-print_certs"],
                               capture_output=True, text=True, check=True).stdout
        blocks = [b for b in certs.split("-----END CERTIFICATE-----") if "BEGIN CERTIFICATE" in b]
        leaves = [b for b in blocks if "subject=CN = OAOI CA" not in b]  # the signer, not the authority
        assert len(leaves) == 1
        leaf = leaves[0][leaves[0].index("-----BEGIN CERTIFICATE-----"):] + "-----END CERTIFICATE-----\n"
        (work / "leaf.pem").write_text(leaf)
        r = subprocess.run(["openssl", "verify", "-CAfile", str(ca_pem), "-purpose", "any", str(work / "leaf.pem")],
                           capture_output=True, text=True)
        assert r.returncode == 0 and ": OK" in r.stdout, r.stdout + r.stderr


def test_imported_government_certificate_signs_and_is_recognised(panel, tmp_path) -> None:
    p12, _root = signing_keys.external_p12(b"sandi-p12-budi")  # a 'government CA' (root + intermediate)
    budi = panel.judges[0]
    with panel.db.write() as s:
        keys.import_judge_certificate(s, panel.event_id, budi, p12, "sandi-p12-budi", ACTOR)
    path = tmp_path / "lp.pdf"
    make_pdf(path, [budi, panel.chair], event_id=panel.event_id)
    (out,) = signatures.sign_files(panel.db, [path], judge="Budi Santoso", passphrase="sandi-p12-budi", actor=ACTOR)
    assert out.ok, out.message
    (chair_out,) = signatures.sign_files(panel.db, [path], judge=panel.chair, passphrase=PASSES["Ketua Tim"],
                                         actor=ACTOR)
    assert chair_out.ok, chair_out.message
    with panel.db.read() as s:
        report = signatures.verify_file(s, path)
    first, second = report.signatures
    assert first.issuer == "CA Tanda Tangan"
    assert first.check("authority").status == "ok" and "CA Tanda Tangan" in first.check("authority").message
    assert first.check("field_owner").status == "ok"
    assert first.chains_to_event is False  # not the event's CA, but registered for it
    assert second.chains_to_event is True
    assert report.ok
    # without the database, only a trusted root makes it checkable
    assert signatures.verify_file(None, path).signatures[0].check("authority").status == "not_checkable"
    assert signatures.verify_file(None, path, trusted=[_root]).signatures[0].check("authority").status == "ok"


def test_info_only_edit_after_signing_fails_too(panel, signed_pdf) -> None:
    """Rewriting only the document information (e.g. the fingerprint key) after the last signature:
    whatever pyHanko's modification level says, an unsigned revision after a signature fails it."""
    from pyhanko.pdf_utils import generic

    w = IncrementalPdfFileWriter(io.BytesIO(signed_pdf.read_bytes()))
    w.set_info(generic.DictionaryObject({generic.NameObject("/OaoiFingerprint"): generic.TextStringObject("0" * 64)}))
    out = io.BytesIO()
    w.write(out)
    signed_pdf.write_bytes(out.getvalue())
    with panel.db.read() as s:
        report = signatures.verify_file(s, signed_pdf)
    assert report.printed_fingerprint == "0" * 64
    last = report.signatures[-1]
    assert last.intact and last.unsigned_changes_after
    assert last.check("unchanged_after").failed and not report.ok
