"""Magic bytes, the PDF check, relative paths and ZIP inspection (no database)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from oaoi_desktop.intake import paths, sniff
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.sources import inspect_zip, scan
from support.packages import image_bytes, pdf_bytes, write_folder, write_zip, zip_members


@pytest.mark.parametrize("raw, expected", [
    ("lampiran/sk.pdf", "lampiran/sk.pdf"),
    ("lampiran\\sk.pdf", "lampiran/sk.pdf"),
    ("./a//b/./c.pdf", "a/b/c.pdf"),
])
def test_normalise_accepts_relative_paths(raw: str, expected: str) -> None:
    assert paths.normalise(raw) == expected


@pytest.mark.parametrize("raw, message_id", [
    ("", "intake.path_empty"), (".", "intake.path_empty"), ("/a.pdf", "intake.path_absolute"),
    ("\\\\srv\\a.pdf", "intake.path_absolute"), ("C:a.pdf", "intake.path_drive"),
    ("a/../b.pdf", "intake.path_traversal"), ("a\nb.pdf", "intake.path_bad_chars"),
])
def test_normalise_refuses_unsafe_paths(raw: str, message_id: str) -> None:
    with pytest.raises(paths.UnsafePath) as info:
        paths.normalise(raw)
    assert info.value.message_id == message_id


def test_sniff_knows_the_four_accepted_types() -> None:
    assert sniff.sniff(pdf_bytes()[:64]) == "application/pdf"
    assert sniff.sniff(image_bytes("JPEG")[:64]) == "image/jpeg"
    assert sniff.sniff(image_bytes("PNG")[:64]) == "image/png"
    assert sniff.sniff(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00") == "video/mp4"
    assert sniff.sniff(b"PK\x03\x04") is None and sniff.sniff(b"") is None
    assert sniff.claimed_type("A/B.JPEG") == "image/jpeg" and sniff.claimed_type("x.docx") is None


def test_check_pdf(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(pdf_bytes(pages=3))
    assert sniff.check_pdf(good, repair_limit=1 << 20) == sniff.PdfCheck(True, pages=3)
    data = pdf_bytes(pages=3)
    cases = {
        "truncated": data[: len(data) // 2],
        "no_pages": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
                    b"<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n"
                    b"0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\n"
                    b"startxref\n110\n%%EOF\n",
    }
    for name, raw in cases.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(raw)
        result = sniff.check_pdf(path, repair_limit=1 << 20)
        assert not result.ok and result.reason, name
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    buf = io.BytesIO()
    writer.write(buf)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(buf.getvalue())
    assert sniff.check_pdf(locked, repair_limit=1 << 20).reason == "encrypted (needs a password)"


def test_a_damaged_pdf_is_repaired_only_under_the_cap(tmp_path: Path) -> None:
    data = pdf_bytes(pages=2)
    start = data.rindex(b"startxref")
    damaged = data[:start] + b"startxref\n99999\n%%EOF\n"  # the xref offset points nowhere
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    assert sniff.check_pdf(path, repair_limit=1 << 20).ok
    small_cap = sniff.check_pdf(path, repair_limit=100)
    assert not small_cap.ok and small_cap.reason == sniff.DAMAGED


def test_inspect_zip_finds_the_dossier_folders(tmp_path: Path) -> None:
    members = {**zip_members(prefix="satu/"), **zip_members(number="B", prefix="dua/"), "__MACOSX/._x": b"x"}
    layout = inspect_zip(write_zip(tmp_path / "k.zip", members), "k.zip", Limits())
    assert layout.prefixes == ("dua/", "satu/") and layout.findings == ()
    stored = write_zip(tmp_path / "s.zip", zip_members(), compression=zipfile.ZIP_STORED)
    assert inspect_zip(stored, "s.zip", Limits()).prefixes == ("",)


def test_scan_labels_and_sizes(tmp_path: Path) -> None:
    write_folder(tmp_path / "usb" / "b-usulan")
    write_zip(tmp_path / "usb" / "a-usulan.zip", zip_members())
    found = scan([tmp_path / "usb"])
    assert [c.label for c in found] == ["usb/a-usulan.zip", "usb/b-usulan"]
    assert all(c.size_hint > 1000 for c in found)
    assert scan([tmp_path / "usb" / "b-usulan" / "dossier.json"])[0].label == "b-usulan"
