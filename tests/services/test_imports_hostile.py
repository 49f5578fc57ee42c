"""Hostile or broken input: a clear message, no damage, nothing half-written.

Every case imports through the real service into a real SQLite store and
checks afterwards that the store did not change (no dossier, revision,
attachment, blob or audit entry), that no stray file is in the attachment
store or its staging folder, and that nothing was written outside.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.services.imports import Outcome, import_paths
from oaoi_desktop.store.database import Database
from support.builders import ACTOR, make_event
from support.packages import (
    default_files,
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


def _rejected(db: Database, event_id: str, path: Path, limits: Limits | None = None):  # type: ignore[no-untyped-def]
    before = store_state(db)
    report = import_paths(db, event_id, [path], actor=ACTOR, limits=limits, today=TODAY)
    assert [i.outcome for i in report.items] == [Outcome.REJECTED], report.items
    assert store_state(db) == before
    assert stray_files(db) == set()
    for f in report.items[0].findings:
        assert f.render("id") and f.render("en")
        assert f.message_id in ("intake.unknown_field",) or not f.render("id").startswith(f.message_id)
    return report.items[0]


def _ids(item) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message_id for f in item.errors]


@pytest.mark.parametrize("name, message_id", [
    ("../evil.pdf", "intake.path_traversal"),
    ("lampiran/../../evil.pdf", "intake.path_traversal"),
    ("..\\evil.pdf", "intake.path_traversal"),
    ("/tmp/evil.pdf", "intake.path_absolute"),
    ("C:/Windows/evil.pdf", "intake.path_drive"),
    ("D:evil.pdf", "intake.path_drive"),
])
def test_zip_entries_leaving_the_package_refuse_the_zip(db: Database, event_id: str, tmp_path: Path,
                                                        name: str, message_id: str) -> None:
    members = zip_members()
    members[name] = pdf_bytes()
    item = _rejected(db, event_id, write_zip(tmp_path / "usb" / "usulan.zip", members))
    assert _ids(item) == [message_id]
    assert item.errors[0].file == "usulan.zip" and item.errors[0].field == name
    assert name in item.errors[0].render("id")
    assert not (tmp_path / "evil.pdf").exists() and not Path("/tmp/evil.pdf").exists()


def test_a_zip_symlink_entry_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    path = tmp_path / "usulan.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in zip_members().items():
            zf.writestr(name, data)
        link = zipfile.ZipInfo("lampiran/passwd.pdf")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
    item = _rejected(db, event_id, path)
    assert _ids(item) == ["intake.zip_symlink"]
    assert "symlink" in item.errors[0].render("id") and "symbolic link" in item.errors[0].render("en")


def test_an_encrypted_or_duplicated_zip_entry_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    path = tmp_path / "usulan.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in zip_members().items():
                zf.writestr(name, data)
            zf.writestr("lampiran/rahasia.pdf", b"xxxx")
            zf.writestr("lampiran/sk.pdf", pdf_bytes("lagi"))
    # zipfile cannot write encrypted entries: set the "encrypted" flag in the central directory.
    raw = bytearray(path.read_bytes())
    at = raw.index(b"PK\x01\x02")
    while True:
        name_len = int.from_bytes(raw[at + 28: at + 30], "little")
        if raw[at + 46: at + 46 + name_len] == b"lampiran/rahasia.pdf":
            raw[at + 8] |= 0x1
            break
        at = raw.index(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    item = _rejected(db, event_id, path)
    assert sorted(_ids(item)) == ["intake.zip_duplicate_entry", "intake.zip_encrypted"]


def test_a_zip_bomb_is_refused_before_inflating(db: Database, event_id: str, tmp_path: Path) -> None:
    members = zip_members()
    members["lampiran/bom.pdf"] = b"%PDF-" + bytes(4 * 1024 * 1024)
    path = write_zip(tmp_path / "bom.zip", members)
    assert path.stat().st_size < 50_000
    item = _rejected(db, event_id, path)
    assert _ids(item) == ["intake.zip_bomb_entry"]
    assert "bom ZIP" in item.errors[0].render("id") and "ZIP bomb" in item.errors[0].render("en")


def test_a_zip_over_the_entry_or_size_caps_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    members = zip_members()
    for i in range(20):
        members[f"extra/{i}.txt"] = b"x"
    path = write_zip(tmp_path / "banyak.zip", members)
    assert _ids(_rejected(db, event_id, path, Limits(max_zip_entries=10))) == ["intake.zip_too_many_entries"]
    assert _ids(_rejected(db, event_id, path, Limits(max_zip_total_bytes=5000))) == ["intake.zip_too_large"]


def test_a_file_over_the_size_cap(db: Database, event_id: str, tmp_path: Path) -> None:
    limits = Limits(max_file_bytes=1500)
    item = _rejected(db, event_id, write_folder(tmp_path / "p"), limits)
    assert set(_ids(item)) == {"intake.file_too_large"}
    assert "melebihi batas 0.0 MB" in item.errors[0].render("id") or "MB" in item.errors[0].render("id")
    zipped = write_zip(tmp_path / "p.zip", zip_members())
    assert set(_ids(_rejected(db, event_id, zipped, limits))) == {"intake.file_too_large"}


def test_not_a_zip_at_all(db: Database, event_id: str, tmp_path: Path) -> None:
    path = tmp_path / "usulan.zip"
    path.write_bytes(b"PK\x03\x04 ini bukan zip")
    item = _rejected(db, event_id, path)
    assert _ids(item) == ["intake.zip_invalid"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlink_leading_out_of_the_folder_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    outside = tmp_path / "rahasia"
    outside.mkdir()
    (outside / "gaji.pdf").write_bytes(pdf_bytes("rahasia"))
    folder = write_folder(tmp_path / "usb" / "usulan")
    (folder / "lampiran" / "surat.pdf").unlink()
    os.symlink(outside / "gaji.pdf", folder / "lampiran" / "surat.pdf")
    item = _rejected(db, event_id, folder)
    assert _ids(item) == ["intake.symlink_outside"]
    assert item.errors[0].field == "attachments[1].path"
    # A symlink inside the package is fine.
    (folder / "lampiran" / "surat.pdf").unlink()
    (folder / "lampiran" / "asli.pdf").write_bytes(pdf_bytes("asli"))
    os.symlink("asli.pdf", folder / "lampiran" / "surat.pdf")
    report = import_paths(db, event_id, [folder], actor=ACTOR, today=TODAY)
    assert report.items[0].outcome is Outcome.IMPORTED


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlinked_package_outside_a_batch_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    write_folder(tmp_path / "elsewhere" / "usulan")
    batch = tmp_path / "usb"
    batch.mkdir()
    os.symlink(tmp_path / "elsewhere" / "usulan", batch / "usulan")
    item = _rejected(db, event_id, batch)
    assert _ids(item) == ["intake.symlink_outside"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_folder_named_like_a_file_is_not_read(db: Database, event_id: str, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "p")
    (folder / "lampiran" / "surat.pdf").unlink()
    os.mkfifo(folder / "lampiran" / "surat.pdf")  # reading it would block the import forever
    (folder / "foto" / "layanan.jpg").unlink()
    (folder / "foto" / "layanan.jpg").mkdir()
    item = _rejected(db, event_id, folder)
    assert _ids(item) == ["intake.not_a_file", "intake.not_a_file"]


@pytest.mark.parametrize("raw, message_id", [
    (b"{\"id\": \"KIPP-1\", \"title\": \"Caf\xe9\"}", "intake.json_not_utf8"),
    (b"{\"format_version\": 1,\n \"id\": \"KIPP-1\",,}", "intake.json_invalid"),
    (b"\x00\x01\x02", "intake.json_invalid"),
    (json.dumps(valid_document(format_version=7)).encode(), "intake.format_version_newer"),
    (b"[" * 50_000 + b"]" * 50_000, "intake.json_too_deep"),
])
def test_broken_dossier_json(db: Database, event_id: str, tmp_path: Path, raw: bytes, message_id: str) -> None:
    item = _rejected(db, event_id, write_folder(tmp_path / "p", raw))
    assert _ids(item) == [message_id]
    assert item.errors[0].file == "p/dossier.json"


def test_a_huge_dossier_json_is_not_read_whole(db: Database, event_id: str, tmp_path: Path) -> None:
    raw = b"{\"x\": \"" + b"a" * 5000 + b"\"}"
    item = _rejected(db, event_id, write_folder(tmp_path / "p", raw), Limits(max_document_bytes=1000))
    assert _ids(item) == ["intake.file_too_large"]


def test_a_spreadsheet_with_thousands_of_empty_rows_stops_reading(db: Database, event_id: str,
                                                                 tmp_path: Path) -> None:
    batch = tmp_path / "b"
    batch.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "title", "instansi", "klaster", "kelompok", "ringkasan"])
    ws.append(["KIPP-1", "Satu", "Pemerintah Kota Medan", "kota", "umum", "Teks."])
    bold = Font(bold=True)
    for r in range(3, 20_003):  # formatted but empty: present in the file
        ws.cell(row=r, column=1).font = bold
    ws.cell(row=20_003, column=1, value="KIPP-2")
    wb.save(batch / "dossiers.xlsx")
    report = import_paths(db, event_id, [batch], actor=ACTOR, limits=Limits(max_empty_rows=50), today=TODAY)
    assert [(i.source, i.outcome) for i in report.items] == [("b/dossiers.xlsx:2", Outcome.IMPORTED)]


def test_a_spreadsheet_with_a_formula_header_or_no_id_column(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "b"
    batch.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["=A2", "title"])
    ws.append(["KIPP-1", "Satu"])
    wb.save(batch / "dossiers.xlsx")
    item = _rejected(db, event_id, batch)
    assert [(f.field, f.message_id) for f in item.errors] == [("A1", "intake.sheet_formula"),
                                                              ("1", "intake.sheet_missing_column")]


def test_a_broken_xlsx_and_a_non_utf8_csv(db: Database, event_id: str, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "dossiers.xlsx").write_bytes(b"PK\x03\x04 rusak")
    assert _ids(_rejected(db, event_id, tmp_path / "a")) == ["intake.zip_invalid"]
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "dossiers.csv").write_bytes("id,title\nKIPP-1,Caf\xe9\n".encode("latin-1"))
    item = _rejected(db, event_id, tmp_path / "c")
    assert _ids(item) == ["intake.csv_not_utf8"] and item.errors[0].line == 2
    assert "CSV UTF-8" in item.errors[0].render("id")


def test_a_folder_with_nothing_to_import(db: Database, event_id: str, tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "foto.jpg").write_bytes(b"x")
    assert _ids(_rejected(db, event_id, tmp_path / "kosong")) == ["intake.nothing_found"]
    (tmp_path / "catatan.txt").write_text("x", encoding="utf-8")
    assert _ids(_rejected(db, event_id, tmp_path / "catatan.txt")) == ["intake.not_a_package"]


def test_a_bad_package_never_blocks_the_good_ones(db: Database, event_id: str, tmp_path: Path) -> None:
    batch = tmp_path / "usb"
    write_folder(batch / "1-baik", number="KIPP-1")
    members = zip_members(number="KIPP-2")
    members["../../keluar.pdf"] = b"x"
    write_zip(batch / "2-jahat.zip", members)
    write_folder(batch / "3-rusak", b"{")
    files = default_files("KIPP-4")
    files["lampiran/surat.pdf"] = files["lampiran/surat.pdf"][:200]
    write_folder(batch / "4-pdf-rusak", valid_document("KIPP-4"), files)
    write_folder(batch / "5-baik", number="KIPP-5")
    report = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY)
    assert [i.outcome for i in report.items] == [Outcome.IMPORTED, Outcome.REJECTED, Outcome.REJECTED,
                                                Outcome.REJECTED, Outcome.IMPORTED]
    state = store_state(db)
    assert (state.dossiers, state.revisions, state.attachments) == (2, 2, 6)
    assert stray_files(db) == set() and state.staging == 0


def test_a_zip_with_damaged_compressed_data(db: Database, event_id: str, tmp_path: Path) -> None:
    members = zip_members()
    members["lampiran/surat.pdf"] = pdf_bytes("surat", pages=40)
    path = write_zip(tmp_path / "rusak.zip", members)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("lampiran/surat.pdf")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 20, start + info.compress_size - 20, 97):
        raw[k] ^= 0xFF  # garble the deflate stream (the central directory stays intact)
    path.write_bytes(bytes(raw))
    item = _rejected(db, event_id, path)
    assert _ids(item) == ["intake.file_unreadable"]
    assert item.errors[0].file == "rusak.zip/lampiran/surat.pdf"
