"""Documents end to end: real events built through the services, real PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.services import documents, events, plenary, sheets
from oaoi_desktop.services.documents import ExportOptions, recompute_fingerprint, signature_slots
from oaoi_desktop.store.models import AuditEntry, AuditHead, IssuedDocument
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, fill_sheet, make_event, score

JUDGES = ["Dr. Ani Lestari", "Budi Santoso", "Citra Dewi"]


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def event(db):
    eid = make_event(db)
    with db.write() as s:
        e = events.get_event(s, eid)
        e.venue = "Hotel Santika Medan"
        e.organiser = "Pemerintah Kota Medan"
    judges = add_judges(db, eid, JUDGES)
    for i, number in enumerate(["P-001", "P-002", "P-003"]):
        add_dossier(db, eid, number, kategori="Pelayanan Publik")
        for j, name in enumerate(JUDGES):
            values = {c: 9 - i - (1 if (j + k) % 3 == 0 else 0) for k, c in enumerate(KIPP_CRITERIA)}
            score(db, eid, name, number, values, comments={"signifikansi": f"Catatan {name} {number}"})
    return eid, judges


def export(db, eid, kind, out, **opts):
    docs = documents.prepare(db, eid, [kind], ExportOptions(**opts), actor=ACTOR)
    return docs, documents.write_documents(docs, out, workers=1)


def test_sheets_show_scores_names_pages_and_fingerprint(db, event, tmp_path):
    eid, judges = event
    docs, paths = export(db, eid, "sheet", tmp_path)
    assert len(paths) == 9
    assert not list(tmp_path.glob(".*"))  # no temporary file left
    doc = next(d for d in docs if "P-001" in d.subtitle and "Budi" in d.subtitle)
    path = tmp_path / doc.file_name
    text = flat(text_of(path))
    assert "LEMBAR PENILAIAN" in text
    assert "Budi Santoso" in text and "P-001" in text and "Catatan Budi Santoso P-001" in text
    assert re.search(r"Halaman 1 dari \d", text)
    assert doc.number in text and doc.number.endswith("/LP/KKM/2026") or doc.number.split("/")[1] == "LP"
    assert doc.fingerprint in text.replace(" ", "")
    with db.read() as s:
        assert recompute_fingerprint(s, eid, doc.number) == doc.fingerprint
        assert recompute_fingerprint(s, eid, "999/LP/X/2026") is None
        assert recompute_fingerprint(s, uuid.uuid4(), doc.number) is None
    meta = PdfReader(str(path)).metadata
    assert meta["/OaoiFingerprint"] == doc.fingerprint
    assert meta["/OaoiDocumentNumber"] == doc.number
    assert meta["/OaoiEventId"] == eid
    assert meta["/OaoiKind"] == "sheet"
    slots = signature_slots(path)
    budi = judges[1]
    assert [s.field_name for s in slots] == [f"sig_{uuid.UUID(budi).hex}"]
    assert slots[0].user_id == uuid.UUID(budi)


def test_fingerprint_changes_when_a_score_changes(db, event, tmp_path):
    eid, _ = event
    docs, _ = export(db, eid, "sheet", tmp_path)
    doc = next(d for d in docs if "P-002" in d.subtitle and "Citra" in d.subtitle)
    results, _ = export(db, eid, "result", tmp_path / "r")
    result = next(d for d in results if "P-002" in d.subtitle)
    with db.write() as s:
        from oaoi_desktop.services import accounts, dossiers

        e = events.get_event(s, eid)
        j = accounts.find_judge(s, e, "Citra Dewi")
        d = dossiers.get_dossier(s, e, "P-002")
        sheet = sheets.get_sheet(s, d, j, "proposal", actor=ACTOR)
        sheets.unlock_sheet(s, sheet, ACTOR, "salah ketik")
        fill_sheet(s, e, j, d, {c: 5 for c in KIPP_CRITERIA}, submit=True)
    with db.read() as s:
        assert recompute_fingerprint(s, eid, doc.number) != doc.fingerprint
        assert recompute_fingerprint(s, eid, result.number) != result.fingerprint
    again, _ = export(db, eid, "sheet", tmp_path / "again")
    new = next(d for d in again if "P-002" in d.subtitle and "Citra" in d.subtitle)
    assert new.number != doc.number and new.fingerprint != doc.fingerprint
    same = next(d for d in again if "P-001" in d.subtitle and "Citra" in d.subtitle)
    assert same.number in {d.number for d in docs}  # unchanged data: same number


def test_result_sheet_signers_judges_then_chair(db, event, tmp_path):
    eid, judges = event
    docs, paths = export(db, eid, "result", tmp_path)
    assert len(paths) == 3
    doc = next(d for d in docs if "P-001" in d.subtitle)
    path = tmp_path / doc.file_name
    text = flat(text_of(path))
    assert "LEMBAR HASIL PENILAIAN" in text
    for name in JUDGES:
        assert name in text
    assert "Peringkat" in text and "Lulus" in text or "Tidak lulus" in text
    slots = signature_slots(path)
    chair = uuid.UUID(judges[0])
    assert [s.user_id for s in slots][-1] == chair
    assert {s.user_id for s in slots} == {uuid.UUID(j) for j in judges}
    reader = PdfReader(str(path))
    for slot in slots:
        x1, y1, x2, y2 = slot.box
        assert x2 - x1 > 50 and y2 - y1 > 30
        page = reader.pages[slot.page]
        assert 0 <= x1 < x2 <= float(page.mediabox.width) and 0 <= y1 < y2 <= float(page.mediabox.height)


def test_minutes_written_date_panel_recusals_decisions_audit_head(db, event, tmp_path):
    eid, judges = event
    with db.write() as s:
        from oaoi_desktop.services import dossiers

        e = events.get_event(s, eid)
        d = dossiers.get_dossier(s, e, "P-003")
        plenary.move_dossier(s, e, d, 1, reason="Verifikasi lapangan membuktikan dampak", actor=ACTOR)
    docs, paths = export(db, eid, "minutes", tmp_path, day=dt.date(2026, 11, 28))
    assert len(paths) == 1
    doc = docs[0]
    text = flat(text_of(paths[0]))
    assert ("Pada hari ini Sabtu tanggal dua puluh delapan bulan November tahun dua ribu dua puluh enam, "
            "bertempat di Hotel Santika Medan") in text
    assert "BERITA ACARA HASIL PENILAIAN" in text
    assert "Verifikasi lapangan membuktikan dampak" in text
    assert "Lampiran" in text
    for name in JUDGES:
        assert name in text
    with db.read() as s:
        head_seq = s.get(AuditHead, eid).seq
        assert recompute_fingerprint(s, eid, doc.number) == doc.fingerprint
    assert doc.audit is not None
    seq, digest = doc.audit
    assert f"entri ke-{seq}" in text and digest in text.replace(" ", "")
    assert head_seq > seq  # documents.issued was logged after the minutes' data
    slots = signature_slots(paths[0])
    assert len(slots) == 3 and slots[-1].user_id == uuid.UUID(judges[0])
    # cutting entries off the end of the audit log changes the minutes' fingerprint
    with db.write() as s:
        for entry in s.query(AuditEntry).filter(AuditEntry.chain == eid, AuditEntry.seq >= seq).all():
            s.delete(entry)
    with db.read() as s:
        assert recompute_fingerprint(s, eid, doc.number) != doc.fingerprint


def test_ranking_per_group_and_overall_english_f4(db, event, tmp_path):
    eid, judges = event
    add_dossier(db, eid, "Q-001", kategori="Kesehatan")
    score(db, eid, JUDGES[1], "Q-001", {c: 7 for c in KIPP_CRITERIA})
    docs, paths = export(db, eid, "ranking", tmp_path, lang="en", paper="f4")
    assert len(paths) == 3  # two groups and the overall ranking
    for p in paths:
        reader = PdfReader(str(p))
        box = reader.pages[0].mediabox
        assert round(float(box.width) / 72 * 25.4) == 215 and round(float(box.height) / 72 * 25.4) == 330
    text = flat(text_of(tmp_path / docs[-1].file_name))
    assert "RECAPITULATION AND RANKING" in text and "Page 1 of 1" in text
    assert "All groups (overall)" in text and "Pass mark" in text and "trimmed mean" in text
    assert "Q-001" in text and "P-001" in text
    assert [s.user_id for s in signature_slots(tmp_path / docs[-1].file_name)] == [uuid.UUID(judges[0])]


def test_bad_input(db, tmp_path):
    with pytest.raises(OaoiError) as err:
        documents.prepare(db, "no such event", ["sheet"], ExportOptions(), actor=ACTOR)
    assert err.value.message_id == "event.not_found"
    eid = make_event(db)
    with pytest.raises(ValidationError) as err:
        documents.prepare(db, eid, ["ranking"], ExportOptions(), actor=ACTOR)
    assert err.value.message_id == "documents.no_scores"
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ValidationError) as err:
        documents.check_folder(blocker / "sub")
    assert err.value.message_id == "documents.bad_folder"


def test_cancel_leaves_nothing(db, event, tmp_path):
    eid, _ = event
    docs = documents.prepare(db, eid, ["sheet"], ExportOptions(), actor=ACTOR)
    calls = []

    def cancelled() -> bool:
        return len(calls) >= 3

    out = tmp_path / "out"
    with pytest.raises(documents.Cancelled):
        documents.write_documents(docs, out, progress=lambda d, t: calls.append(d), cancelled=cancelled,
                                  workers=1)
    assert len(calls) >= 3
    assert list(out.iterdir()) == []


def test_register_numbers(db, event, tmp_path):
    eid, _ = event
    export(db, eid, "result", tmp_path)
    with db.read() as s:
        rows = s.query(IssuedDocument).filter(IssuedDocument.kind == "result").order_by(IssuedDocument.sequence).all()
        assert [r.number for r in rows] == ["001/LHP/KKM/2026", "002/LHP/KKM/2026", "003/LHP/KKM/2026"] or \
            [r.number.split("/")[0] for r in rows] == ["001", "002", "003"]


@pytest.mark.skipif(not (__import__("shutil").which("zbarimg") and __import__("shutil").which("pdftoppm")),
                    reason="needs zbarimg (zbar-tools) and pdftoppm (poppler-utils)")
def test_printed_qr_decodes_to_event_number_and_fingerprint(db, event, tmp_path):
    import subprocess

    eid, _ = event
    docs, paths = export(db, eid, "ranking", tmp_path)
    doc = docs[0]
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(tmp_path / doc.file_name),
                    str(tmp_path / "page")], check=True, timeout=60)
    [png] = tmp_path.glob("page*.png")
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == f"oaoi-doc:{eid}|{doc.number}|{doc.fingerprint}"


def test_worker_processes_write_the_same_documents(db, event, tmp_path):
    eid, _ = event
    docs = documents.prepare(db, eid, ["sheet"], ExportOptions(), actor=ACTOR)
    assert len(docs) >= 8  # big enough for the process pool
    paths = documents.write_documents(docs, tmp_path / "pool", workers=2)
    assert sorted(p.name for p in (tmp_path / "pool").iterdir()) == sorted(p.name for p in paths)
    for doc, path in zip(docs, paths):
        assert PdfReader(str(path)).metadata["/OaoiFingerprint"] == doc.fingerprint
