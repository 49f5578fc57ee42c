"""Importing dossier packages: outcomes, revisions, audit, the reader, progress, cancel.

Packages are built on the fly in tmp_path; every test checks the store
afterwards (counts, revisions, audit entries, no stray files).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import threading
import uuid
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from sqlalchemy import select

from oaoi_desktop.errors import NotFoundError
from oaoi_desktop.intake.sources import FolderPackage, scan
from oaoi_desktop.services import accounts, dossiers, events
from oaoi_desktop.services.imports import ImportProgress, Outcome, import_candidates, import_paths
from oaoi_desktop.store.blobs import DatabaseBlobStore
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, AuditEntry, Dossier, DossierRevision, ScoreSheet
from support.builders import ACTOR, KIPP_CRITERIA, add_judges, make_event, score, uniform
from support.packages import (
    changed,
    default_files,
    image_bytes,
    pdf_bytes,
    store_state,
    stray_files,
    valid_document,
    write_folder,
    write_zip,
    zip_members,
)

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def event_id(db: Database) -> str:
    return make_event(db)


def _import(db: Database, event_id: str, *paths: Path, **kwargs):  # type: ignore[no-untyped-def]
    return import_paths(db, event_id, list(paths), actor=ACTOR, today=TODAY, **kwargs)


def _audit(db: Database, action: str) -> list[SimpleNamespace]:
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq))
        return [SimpleNamespace(before=e.before, after=e.after, actor=e.actor) for e in rows]


def _assert_clean(db: Database) -> None:
    assert stray_files(db) == set()
    assert store_state(db).staging == 0


def test_a_valid_folder_is_imported_with_its_attachments(db: Database, event_id: str, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "usb" / "usulan-01")
    report = _import(db, event_id, folder)
    [item] = report.items
    assert item.outcome is Outcome.IMPORTED and item.findings == ()
    assert (item.source, item.number, item.revision, item.attachments) == ("usulan-01", "KIPP-001", 1, 3)
    assert report.counts == {"imported": 1, "unchanged": 0, "updated": 0, "rejected": 0}
    state = store_state(db)
    assert (state.dossiers, state.revisions, state.attachments, state.blobs, state.files) == (1, 1, 3, 3, 3)
    [entry] = _audit(db, "dossier.imported")
    assert entry.after["number"] == "KIPP-001" and entry.after["source"] == "usulan-01"
    assert len(entry.after["attachments"]) == 3
    with db.read() as s:
        d = s.scalar(select(Dossier))
        assert (d.title, d.instansi, d.klaster, d.kelompok) == ("Inovasi Layanan KIPP-001", "Pemerintah Kota Medan",
                                                                 "kota", "umum")
        rev = s.scalar(select(DossierRevision))
        assert rev.content["attachments"][0]["path"] == "lampiran/sk.pdf"
        assert len(rev.content["attachments"][0]["sha256"]) == 64
    _assert_clean(db)


def test_the_reader_view_of_an_imported_dossier(db: Database, event_id: str, tmp_path: Path) -> None:
    doc = valid_document()
    doc["sections"][0]["text"] = "kata " * 230
    report = _import(db, event_id, write_folder(tmp_path / "p", doc))
    dossier_id = report.items[0].dossier_id
    assert report.items[0].outcome is Outcome.IMPORTED and len(report.items[0].warnings) == 1
    with db.read() as s:
        view = dossiers.dossier_view(s, dossier_id, today=dt.date(2024, 3, 13), lang="en", actor=ACTOR)
    assert (view.number, view.revision, view.current_revision, view.is_current) == ("KIPP-001", 1, 1, True)
    assert view.age_months == 23  # 2022-03-14 → 2024-03-13: one day short of 24 months
    assert view.innovators == ("Rahmat Siregar", "Dewi Lubis")
    assert view.contact.email == "rahmat@medan.go.id" and view.sdgs == (10, 16) and view.is_digital is True
    ringkasan = view.sections[0]
    assert (ringkasan.key, ringkasan.words, ringkasan.word_limit, ringkasan.over_limit) == ("ringkasan", 230, 200, True)
    assert [s.key for s in view.sections][:3] == ["ringkasan", "latar_belakang", "kebaruan"]
    impl = view.sections[3]
    assert [a.path for a in impl.attachments] == ["lampiran/sk.pdf"] and impl.attachments[0].is_pdf
    assert [a.path for a in view.attachments] == ["lampiran/sk.pdf", "lampiran/surat.pdf", "foto/layanan.jpg"]
    assert view.attachments[2].is_image and view.attachments[2].media_type == "image/jpeg"
    assert [r.revision for r in view.revisions] == [1]
    path = dossiers.attachment_local_path(db, impl.attachments[0].id, actor=ACTOR)
    assert path.read_bytes() == default_files()["lampiran/sk.pdf"]
    with dossiers.open_attachment(db, view.attachments[1].id, actor=ACTOR) as fh:
        assert fh.read(5) == b"%PDF-"
    with pytest.raises(NotFoundError):
        dossiers.attachment_local_path(db, uuid.uuid4(), actor=ACTOR)
    copy = dossiers.export_attachment(db, view.attachments[2].id, tmp_path / "viewer", actor=ACTOR)
    assert copy.name.endswith("-layanan.jpg") and copy.read_bytes() == default_files()["foto/layanan.jpg"]
    assert dossiers.export_attachment(db, view.attachments[2].id, tmp_path / "viewer", actor=ACTOR) == copy


def test_a_zip_imports_like_a_folder_and_reimporting_changes_nothing(db: Database, event_id: str,
                                                                      tmp_path: Path) -> None:
    zipped = write_zip(tmp_path / "usb" / "usulan-01.zip", zip_members())
    first = _import(db, event_id, zipped)
    assert [i.outcome for i in first.items] == [Outcome.IMPORTED]
    before = store_state(db)
    # The same content from a zip again, and as a folder wrapped in one top folder.
    folder_zip = write_zip(tmp_path / "usb2" / "usulan-01.zip", zip_members(prefix="usulan-01/"))
    for path in (zipped, folder_zip, write_folder(tmp_path / "usb3" / "usulan-01")):
        again = _import(db, event_id, path)
        assert [i.outcome for i in again.items] == [Outcome.UNCHANGED], path
        assert again.items[0].revision == 1
    assert store_state(db) == before  # no new revision, no audit entry, no file
    _assert_clean(db)


def test_one_zip_may_hold_several_dossier_folders(db: Database, event_id: str, tmp_path: Path) -> None:
    members = {**zip_members(number="A-1", prefix="a/"), **zip_members(number="A-2", prefix="b/")}
    report = _import(db, event_id, write_zip(tmp_path / "kumpulan.zip", members))
    assert [(i.source, i.number, i.outcome) for i in report.items] == [
        ("kumpulan.zip/a", "A-1", Outcome.IMPORTED), ("kumpulan.zip/b", "A-2", Outcome.IMPORTED)]


def test_a_changed_package_becomes_a_new_revision_and_judges_see_it(db: Database, event_id: str,
                                                                    tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "v1" / "usulan-01")
    _import(db, event_id, folder)
    add_judges(db, event_id, ["Dr. Ani", "Budi"], instansi="Universitas Sumatera Utara")
    score(db, event_id, "Dr. Ani", "KIPP-001", uniform(KIPP_CRITERIA, 8))
    state1 = store_state(db)

    doc2 = valid_document(title="Inovasi Layanan KIPP-001 (revisi)")
    doc2["sections"][4]["text"] += " Data terbaru 2025."
    files2 = {**default_files(), "lampiran/surat.pdf": pdf_bytes("Surat revisi", pages=3)}
    report = _import(db, event_id, write_folder(tmp_path / "v2" / "usulan-01", doc2, files2))
    [item] = report.items
    assert (item.outcome, item.revision) == (Outcome.UPDATED, 2)
    state2 = store_state(db)
    assert state2.dossiers == 1 and state2.revisions == 2
    assert state2.attachments == state1.attachments + 3  # the new revision lists its own three
    assert state2.blobs == state1.blobs + 1 and state2.files == state1.files + 1  # one new content only
    [updated] = _audit(db, "dossier.updated")
    assert updated.before["revision"] == 1 and updated.after["revision"] == 2
    assert updated.after["title"] == "Inovasi Layanan KIPP-001 (revisi)"
    assert updated.before["sha256"] != updated.after["sha256"]

    with db.read() as s:
        event = events.get_event(s, event_id)
        d = dossiers.get_dossier(s, event, "KIPP-001")
        ani = accounts.find_judge(s, event, "Dr. Ani")
        budi = accounts.find_judge(s, event, "Budi")
        assert d.current_revision == 2 and d.title.endswith("(revisi)")
        sheet = s.scalar(select(ScoreSheet).where(ScoreSheet.judge_id == ani.id))
        assert sheet.dossier_revision == 1  # the scores stay with the revision they were given to
        assert dossiers.changed_since_scored(s, ani, d)
        assert not dossiers.changed_since_scored(s, budi, d)  # never scored it
        changed_map = dossiers.changed_for_judge(s, event, ani)
        assert changed_map[d.id].scored_revision == 1 and changed_map[d.id].current_revision == 2
        diff = dossiers.compare_revisions(s, d, 1, actor=ACTOR)
        assert diff.fields == ("title",) and diff.sections == ("signifikansi",)
        assert diff.attachments_changed == ("lampiran/surat.pdf",) and not diff.attachments_added
        old = dossiers.dossier_view(s, d, revision=1, today=TODAY, actor=ACTOR)
        new = dossiers.dossier_view(s, d, today=TODAY, actor=ACTOR)
        assert (old.revision, old.is_current, new.revision) == (1, False, 2)
        assert old.title == "Inovasi Layanan KIPP-001" and new.title.endswith("(revisi)")
        assert old.attachments[1].sha256 != new.attachments[1].sha256
        assert [r.revision for r in new.revisions] == [1, 2]
        old_rows = s.scalars(select(Attachment).where(Attachment.revision == 1)).all()
        assert len(old_rows) == 3
    # The judge scores again: the sheet now records revision 2 and the flag clears.
    score(db, event_id, "Dr. Ani", "KIPP-001", uniform(KIPP_CRITERIA, 7))
    with db.read() as s:
        event = events.get_event(s, event_id)
        d = dossiers.get_dossier(s, event, "KIPP-001")
        assert not dossiers.changed_since_scored(s, accounts.find_judge(s, event, "Dr. Ani"), d)
    # And importing revision 1 again is a change too (revision 3), never a silent rollback.
    again = _import(db, event_id, folder)
    assert (again.items[0].outcome, again.items[0].revision) == (Outcome.UPDATED, 3)
    assert store_state(db).files == state2.files
    _assert_clean(db)


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


HEADER = ["ID", "Title", "Instansi", "Unit Kerja", "Klaster", "Kelompok", "Kategori", "Innovators", "Started_on",
          "SDGs", "Is_digital", "Ringkasan", "Latar_belakang", "Attachments.sk", "Attachments.foto"]


def test_a_batch_folder_with_packages_and_an_xlsx_list(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "USB" / "KIPP 2026"
    write_folder(batch / "usulan-01", number="KIPP-001")
    write_zip(batch / "usulan-02.zip", zip_members(number="KIPP-002"))
    (batch / "lampiran").mkdir(parents=True)
    (batch / "lampiran" / "sk-010.pdf").write_bytes(pdf_bytes("SK 10"))
    (batch / "lampiran" / "foto-010.png").write_bytes(image_bytes("PNG"))
    (batch / "catatan.txt").write_text("bukan paket", encoding="utf-8")
    _sheet(batch / "dossiers.xlsx", [
        HEADER,
        ["KIPP-010", "Pasar Tani Daring", "Pemerintah Kabupaten Simalungun", "Dinas Pertanian", "Kabupaten",
         "umum", "Ketahanan Pangan", "Jonathan Purba; Rina Saragih", dt.datetime(2021, 11, 22), "1; 2; 8", "ya",
         "Petani menjual langsung.", "Harga di tingkat petani rendah.", "lampiran/sk-010.pdf",
         "lampiran/foto-010.png"],
        [11, "Ambulans Desa", "Pemerintah Kabupaten Karo", "Dinas Kesehatan", "kabupaten", "replikasi", "Kesehatan",
         "dr. Ferdinan", "03/10/2022", 3, "tidak", "Ambulans desa siaga.", "", None, None],
        [None] * len(HEADER),
        ["KIPP-012", "Rumus", "Pemerintah Kota Binjai", "", "kota", "umum", "", "", "", "", "",
         "=CONCATENATE(\"a\",\"b\")", "Teks", "", ""],
        ["KIPP-013", "Klaster salah", "Pemerintah Kota Binjai", "", "kecamatan", "umum", "", "", "2023-13-01", "",
         "mungkin", "Teks.", "", "lampiran/tidak-ada.pdf", ""],
    ])
    report = _import(db, event_id, batch)
    got = {(i.source, i.number): i for i in report.items}
    assert [k for k in got] == [
        ("KIPP 2026/usulan-01", "KIPP-001"), ("KIPP 2026/usulan-02.zip", "KIPP-002"),
        ("KIPP 2026/dossiers.xlsx:2", "KIPP-010"), ("KIPP 2026/dossiers.xlsx:3", "11"),
        ("KIPP 2026/dossiers.xlsx:5", "KIPP-012"), ("KIPP 2026/dossiers.xlsx:6", "KIPP-013"),
    ]
    outcomes = [i.outcome for i in report.items]
    assert outcomes == [Outcome.IMPORTED] * 4 + [Outcome.REJECTED] * 2
    formula = got[("KIPP 2026/dossiers.xlsx:5", "KIPP-012")]
    assert [(f.file, f.field, f.message_id) for f in formula.errors] == [
        ("KIPP 2026/dossiers.xlsx", "L5 (ringkasan)", "intake.sheet_formula")]
    bad = got[("KIPP 2026/dossiers.xlsx:6", "KIPP-013")]
    assert {(f.field, f.message_id) for f in bad.errors} == {
        ("E6 (klaster)", "intake.bad_klaster"), ("I6 (started_on)", "intake.bad_date"),
        ("K6 (is_digital)", "intake.sheet_bad_boolean"), ("N6 (attachments.sk)", "intake.file_missing")}
    with db.read() as s:
        event = events.get_event(s, event_id)
        view = dossiers.dossier_view(s, dossiers.get_dossier(s, event, "KIPP-010"), today=TODAY, actor=ACTOR)
        assert (view.klaster, view.started_on, view.sdgs, view.is_digital) == ("kabupaten", dt.date(2021, 11, 22),
                                                                               (1, 2, 8), True)
        assert [a.kind for a in view.attachments] == ["sk", "foto"]
        assert [s_.key for s_ in view.sections] == ["ringkasan", "latar_belakang"]
        eleven = dossiers.dossier_view(s, dossiers.get_dossier(s, event, "11"), today=TODAY, actor=ACTOR)
        assert eleven.started_on == dt.date(2022, 10, 3) and eleven.sdgs == (3,) and eleven.is_digital is False
    state = store_state(db)
    assert (state.dossiers, state.revisions) == (4, 4)
    assert len(_audit(db, "dossier.imported")) == 4
    _assert_clean(db)


def test_a_csv_list_with_semicolons_and_a_duplicate_id(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    write_folder(batch / "usulan-01", number="KIPP-001")
    (batch / "dossiers.csv").write_text(
        "\ufeffid;title;instansi;klaster;kelompok;ringkasan;attachments\n"
        "KIPP-001;Duplikat;Pemerintah Kota Medan;kota;umum;Teks;\n"
        "KIPP-020;\"Inovasi; dengan titik koma\";Pemerintah Kota Medan;kota;umum;\"Baris satu\nbaris dua\";"
        "usulan-01/lampiran/sk.pdf\n",
        encoding="utf-8")
    report = _import(db, event_id, batch)
    assert [(i.source, i.outcome) for i in report.items] == [
        ("batch/usulan-01", Outcome.IMPORTED), ("batch/dossiers.csv:2", Outcome.REJECTED),
        ("batch/dossiers.csv:3", Outcome.IMPORTED)]
    [dup] = report.items[1].errors
    assert (dup.message_id, dup.field, dup.file) == ("import.duplicate_in_batch", "A2 (id)", "batch/dossiers.csv")
    assert "batch/usulan-01" in dup.render("id") and "yang kedua ditolak" in dup.render("id")
    assert "the second is rejected" in dup.render("en")
    assert report.items[2].title == "Inovasi; dengan titik koma"
    assert store_state(db).dossiers == 2
    _assert_clean(db)


def test_a_duplicate_id_among_packages_rejects_the_second(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    write_folder(batch / "a", number="KIPP-001")
    write_folder(batch / "b", valid_document("KIPP-001", title="Lain"), number="KIPP-001")
    report = _import(db, event_id, batch)
    assert [i.outcome for i in report.items] == [Outcome.IMPORTED, Outcome.REJECTED]
    assert report.items[1].errors[0].field == "id"
    assert store_state(db).revisions == 1
    _assert_clean(db)


@pytest.mark.parametrize("case, message_id, text_id, text_en", [
    ("missing", "intake.file_missing", "tidak ada di paket", "is missing from the package"),
    ("png_as_pdf", "intake.content_mismatch", "bukan PDF seperti ekstensinya (isinya: PNG)",
     "is not PDF as its extension says (it is: PNG)"),
    ("truncated_pdf", "intake.pdf_broken", "tidak dapat dibuka", "does not open"),
    ("garbage_pdf", "intake.pdf_broken", "tidak dapat dibuka", "does not open"),
    ("empty", "intake.file_empty", "kosong (0 bita)", "is empty (0 bytes)"),
    ("text_as_jpg", "intake.content_mismatch", "bukan JPEG", "is not JPEG"),
])
def test_bad_attachments_reject_the_dossier_with_file_and_field(db: Database, event_id: str, tmp_path: Path,
                                                               case: str, message_id: str, text_id: str,
                                                               text_en: str) -> None:
    files = default_files()
    whole = pdf_bytes("x", pages=3)
    if case == "missing":
        del files["lampiran/surat.pdf"]
    elif case == "png_as_pdf":
        files["lampiran/surat.pdf"] = image_bytes("PNG")
    elif case == "truncated_pdf":
        files["lampiran/surat.pdf"] = whole[: len(whole) * 2 // 3]
    elif case == "garbage_pdf":
        files["lampiran/surat.pdf"] = b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\nstartxref\n9\n%%EOF\n"
    elif case == "empty":
        files["lampiran/surat.pdf"] = b""
    elif case == "text_as_jpg":
        files["foto/layanan.jpg"] = b"ini bukan gambar"
    before = store_state(db)
    report = _import(db, event_id, write_folder(tmp_path / "usb" / "usulan-01", files=files))
    [item] = report.items
    assert item.outcome is Outcome.REJECTED and report.has_rejections
    [problem] = item.errors
    assert problem.message_id == message_id
    expected_file = "foto/layanan.jpg" if case == "text_as_jpg" else "lampiran/surat.pdf"
    assert problem.file == f"usulan-01/{expected_file}"
    assert problem.field == ("attachments[2].path" if case == "text_as_jpg" else "attachments[1].path")
    assert text_id in problem.render("id") and expected_file in problem.render("id")
    assert text_en in problem.render("en")
    assert store_state(db) == before
    _assert_clean(db)


def test_warnings_do_not_reject(db: Database, event_id: str, tmp_path: Path) -> None:
    doc = valid_document(extra_field=1)
    doc["sections"][1]["text"] = "kata " * 400
    report = _import(db, event_id, write_folder(tmp_path / "p", doc))
    [item] = report.items
    assert item.outcome is Outcome.IMPORTED
    assert sorted(f.message_id for f in item.warnings) == ["intake.unknown_field", "intake.word_limit_exceeded"]
    rows = report.rows("en")
    assert [r["severity"] for r in rows] == ["warning", "warning"]


def test_report_rows_and_csv(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    write_folder(batch / "ok", number="KIPP-001")
    write_folder(batch / "bad", valid_document("KIPP-002", klaster="x", kelompok="y"), number="KIPP-002")
    report = _import(db, event_id, batch)
    out = tmp_path / "laporan.csv"
    report.write_csv(out, "en")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "source,number,title,outcome,severity,file,field,message"
    assert lines[1].startswith("b/bad,KIPP-002,Inovasi Layanan KIPP-002,rejected,error,b/bad/dossier.json,klaster,")
    assert lines[2].startswith("b/bad,KIPP-002,Inovasi Layanan KIPP-002,rejected,error,b/bad/dossier.json,kelompok,")
    assert lines[3] == "b/ok,KIPP-001,Inovasi Layanan KIPP-001,imported,,,,"
    assert list(tmp_path.glob(".laporan.csv*")) == []


def test_progress_reports_dossiers_files_and_rate(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    for n in range(4):
        write_folder(batch / f"u{n}", number=f"KIPP-{n}")
    seen: list[ImportProgress] = []
    caller = threading.get_ident()
    threads: set[int] = set()

    def progress(p: ImportProgress) -> None:
        seen.append(p)
        threads.add(threading.get_ident())

    report = _import(db, event_id, batch, progress=progress)
    assert report.count(Outcome.IMPORTED) == 4
    assert threads == {caller}  # reported from the calling thread
    done = [p.dossiers_done for p in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 4
    assert all(p.dossiers_total == 4 for p in seen)
    last = seen[-1]
    assert last.bytes_done == report.bytes_read > 0 and last.bytes_total >= last.bytes_done
    assert last.mb_per_s > 0 and last.fraction == 1.0
    storing = [p.current for p in seen if p.phase == "storing"]
    assert "b/u0/lampiran/sk.pdf" in storing


def test_cancel_between_dossiers(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    for n in range(4):
        write_folder(batch / f"u{n}", number=f"KIPP-{n}")
    cancel = threading.Event()

    def progress(p: ImportProgress) -> None:
        if p.dossiers_done == 1:
            cancel.set()

    report = _import(db, event_id, batch, progress=progress, cancel=cancel)
    assert report.cancelled
    assert [i.number for i in report.items] == ["KIPP-0"]
    assert report.not_processed == ("b/u1", "b/u2", "b/u3")
    assert store_state(db).dossiers == 1
    _assert_clean(db)


def test_cancel_while_storing_rolls_the_dossier_back(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    for n in range(3):
        write_folder(batch / f"u{n}", number=f"KIPP-{n}")
    cancel = threading.Event()

    def progress(p: ImportProgress) -> None:
        if p.phase == "storing" and p.current == "b/u1/lampiran/surat.pdf":
            cancel.set()

    report = _import(db, event_id, batch, progress=progress, cancel=cancel)
    assert report.cancelled and [i.number for i in report.items] == ["KIPP-0"]
    assert report.not_processed == ("b/u1", "b/u2")
    state = store_state(db)
    assert (state.dossiers, state.revisions, state.attachments) == (1, 1, 3)
    assert state.blobs == 3 and state.files == 3  # u1's sk.pdf and surat.pdf were placed, then removed
    assert len(_audit(db, "dossier.imported")) == 1
    _assert_clean(db)
    # Nothing was lost: importing again finishes the job.
    again = _import(db, event_id, batch)
    assert [i.outcome for i in again.items] == [Outcome.UNCHANGED, Outcome.IMPORTED, Outcome.IMPORTED]
    _assert_clean(db)


class _PulledStick(FolderPackage):
    """A real folder whose file ``victim`` fails with EIO after ``after`` bytes."""

    victim = "lampiran/surat.pdf"
    after = 700

    def open_member(self, member):  # type: ignore[no-untyped-def]
        stream = super().open_member(member)
        if member.path != self.victim:
            return stream
        outer = self

        class _Stream(io.RawIOBase):
            read_so_far = 0

            def readable(self) -> bool:
                return True

            def readinto(self, b):  # type: ignore[no-untyped-def]
                if self.read_so_far >= outer.after:
                    raise OSError(5, "Input/output error")
                n = stream.readinto(memoryview(b)[: outer.after - self.read_so_far])
                self.read_so_far += n
                return n

            def close(self) -> None:
                stream.close()
                super().close()

        return _Stream()


def test_a_stick_pulled_mid_read_rejects_only_that_dossier(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    for n in range(3):
        write_folder(batch / f"u{n}", number=f"KIPP-{n}")
    candidates = scan([batch])
    victim = candidates[1]
    assert victim.package is not None
    victim.package = _PulledStick(victim.package.root, victim.label)  # type: ignore[attr-defined]
    report = import_candidates(db, event_id, candidates, actor=ACTOR, today=TODAY)
    assert [i.outcome for i in report.items] == [Outcome.IMPORTED, Outcome.REJECTED, Outcome.IMPORTED]
    [problem] = report.items[1].errors
    assert problem.message_id == "intake.file_unreadable" and problem.file == "b/u1/lampiran/surat.pdf"
    assert "Input/output error" in problem.render("en") and "flashdisk dicabut" in problem.render("id")
    assert store_state(db).dossiers == 2
    _assert_clean(db)


def test_a_file_vanishing_between_scan_and_read(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    write_folder(batch / "u0", number="KIPP-0")
    write_folder(batch / "u1", number="KIPP-1")
    candidates = scan([batch])
    (batch / "u1" / "lampiran" / "sk.pdf").unlink()
    shutil.rmtree(batch / "u0")
    report = import_candidates(db, event_id, candidates, actor=ACTOR, today=TODAY)
    assert [i.outcome for i in report.items] == [Outcome.REJECTED, Outcome.REJECTED]
    assert [f.message_id for f in report.items[0].errors] == ["intake.file_missing"]
    assert report.items[0].errors[0].file == "b/u0/dossier.json"
    assert [(f.field, f.message_id) for f in report.items[1].errors] == [("attachments[0].path", "intake.file_missing")]
    assert store_state(db).dossiers == 0
    _assert_clean(db)


def test_the_database_home_imports_on_sqlite_too(db: Database, event_id: str, tmp_path: Path) -> None:
    store = DatabaseBlobStore(db, tmp_path / "cache", chunk_bytes=1024)
    report = _import(db, event_id, write_folder(tmp_path / "p"), store=store)
    assert report.items[0].outcome is Outcome.IMPORTED
    state = store_state(db)
    assert state.blobs == 3 and state.chunks > 3 and state.files == 0
    with db.read() as s:
        view = dossiers.dossier_view(s, report.items[0].dossier_id, today=TODAY, actor=ACTOR)
    pdf = view.attachments[1]
    assert store.local_path(pdf.sha256).read_bytes() == default_files()["lampiran/surat.pdf"]
    again = _import(db, event_id, write_folder(tmp_path / "p"), store=store)
    assert again.items[0].outcome is Outcome.UNCHANGED and store_state(db) == state


def test_an_unknown_event_or_no_existing_path_is_an_error(db: Database, event_id: str, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as info:
        _import(db, "Tidak Ada", tmp_path)
    assert info.value.message_id == "event.not_found"
    with pytest.raises(NotFoundError) as info:
        _import(db, event_id, tmp_path / "nope", tmp_path / "nope2")
    assert info.value.message_id == "import.no_paths"
    report = _import(db, event_id, tmp_path / "nope", write_folder(tmp_path / "p"))
    assert [i.outcome for i in report.items] == [Outcome.REJECTED, Outcome.IMPORTED]
    assert report.items[0].errors[0].message_id == "intake.path_missing"


def test_reimporting_restores_content_deleted_from_the_store(db: Database, event_id: str, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "p")
    report = _import(db, event_id, folder)
    with db.read() as s:
        view = dossiers.dossier_view(s, report.items[0].dossier_id, today=TODAY, actor=ACTOR)
    path = dossiers.attachment_local_path(db, view.attachments[0].id, actor=ACTOR)
    path.unlink()
    with pytest.raises(NotFoundError):
        dossiers.attachment_local_path(db, view.attachments[0].id, actor=ACTOR)
    again = _import(db, event_id, folder)
    assert again.items[0].outcome is Outcome.UNCHANGED
    assert path.read_bytes() == default_files()["lampiran/sk.pdf"]
    _assert_clean(db)


def test_import_from_a_worker_thread(db: Database, event_id: str, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "p")
    result = {}
    worker = threading.Thread(target=lambda: result.update(r=_import(db, event_id, folder)))
    worker.start()
    worker.join(30)
    assert result["r"].items[0].outcome is Outcome.IMPORTED
    assert changed(valid_document(), id="x")["id"] == "x"
