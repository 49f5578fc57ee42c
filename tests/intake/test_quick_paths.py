"""The fast paths of the intake agree with the slow, obvious ones.

* the PDF check's quick path only ever accepts, and only what pypdf accepts
  (with the same page count) — checked on real PDFs from three writers and
  on thousands of damaged copies of them;
* counting words without a regular expression per word counts the same;
* a folder package resolves plain paths without ``realpath`` and still
  refuses links that lead out and repairs the case of names;
* candidates survive pickling (they are sent to worker processes).
"""

from __future__ import annotations

import io
import os
import pickle
import re
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfWriter

from oaoi_desktop.intake import sniff
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.sources import FolderPackage, ZipPackage, scan
from oaoi_desktop.intake.words import count_words
from support.packages import pdf_bytes, write_folder, write_zip, zip_members

REGEX_WORD = re.compile(r"[^\s]*\w[^\s]*")
SLOW_CHECK = settings(max_examples=150, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _pypdf_pdf(pages: int = 3) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 300)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _photo_pdf(pages: int = 2) -> bytes:
    """Like the benchmark's: a JPEG inside, hand-written objects and cross-reference table."""
    img = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(img, format="JPEG")
    jpeg = img.getvalue()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * p) for p in range(pages))
               + b"] /Count %d >>" % pages,
               b"<< /Type /XObject /Subtype /Image /Width 40 /Height 30 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
               b"/Filter /DCTDecode /Length %d >>\nstream\n" % len(jpeg) + jpeg + b"\nendstream"]
    for p in range(pages):
        content = b"BT /F1 11 Tf 72 760 Td (Halaman (%d) \\) ok) Tj ET" % (p + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
                       b"/XObject << /Im1 3 0 R >> >> >>" % (5 + 2 * p))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _incremental(base: bytes) -> bytes:
    writer = PdfWriter(io.BytesIO(base), incremental=True)
    writer.add_blank_page(100, 100)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


BASES = {
    "reportlab": pdf_bytes("Lampiran (satu) \\ dua", pages=3),
    "pypdf": _pypdf_pdf(4),
    "photo": _photo_pdf(2),
}


def _quick(path: Path) -> sniff.PdfCheck | None:
    data = path.read_bytes()
    with open(path, "rb") as fh:
        try:
            return sniff._quick_check(fh, len(data), data[-2048:])  # noqa: SLF001 - the path under test
        except Exception:  # noqa: BLE001 - undecided
            return None


@pytest.mark.parametrize("name", sorted(BASES))
def test_the_quick_path_decides_ordinary_pdfs(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(BASES[name])
    quick = _quick(path)
    assert quick is not None and quick.ok
    assert quick == sniff.check_pdf_pypdf(path, repair_limit=1 << 20) == sniff.check_pdf(path, repair_limit=1 << 20)


def test_what_the_quick_path_leaves_to_pypdf(tmp_path: Path) -> None:
    cases = {
        "incremental": _incremental(BASES["reportlab"]),  # /Prev: an older table
        "xref_off_by_some": BASES["photo"].replace(b"startxref\n", b"startxref\n1", 1),
        "garbage": b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\nstartxref\n9\n%%EOF\n",
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        assert _quick(path) is None, name
        assert sniff.check_pdf(path, repair_limit=1 << 20) == sniff.check_pdf_pypdf(path, repair_limit=1 << 20)
    assert sniff.check_pdf(tmp_path / "incremental.pdf", repair_limit=1 << 20) == sniff.PdfCheck(True, pages=4)
    assert not sniff.check_pdf(tmp_path / "garbage.pdf", repair_limit=1 << 20).ok


@SLOW_CHECK
@given(base=st.sampled_from(sorted(BASES)), edits=st.lists(
    st.tuples(st.sampled_from(["flip", "cut", "insert", "delete"]), st.floats(0, 1), st.integers(0, 255)),
    min_size=1, max_size=3))
def test_the_quick_path_never_accepts_what_pypdf_refuses(tmp_path_factory: pytest.TempPathFactory, base: str,
                                                          edits: list[tuple[str, float, int]]) -> None:
    data = bytearray(BASES[base])
    for kind, where, byte in edits:
        at = min(len(data) - 1, int(where * len(data)))
        if kind == "flip":
            data[at] = byte
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = bytes([byte]) * (1 + byte % 7)
        else:
            del data[at:at + 1 + byte % 40]
        if not data:
            data = bytearray(b"%")
    path = tmp_path_factory.mktemp("pdf") / "x.pdf"
    path.write_bytes(bytes(data))
    quick = _quick(path)
    if quick is not None:
        assert quick.ok
        assert sniff.check_pdf_pypdf(path, repair_limit=1 << 30) == quick
    assert sniff.check_pdf(path, repair_limit=1 << 30) == (quick or sniff.check_pdf_pypdf(path, repair_limit=1 << 30))


@pytest.mark.parametrize("text", [
    "Pelayanan publik — 24/7, tanpa antre.", "", "   ", "-- a --b", "_ __ ‐ ", "a\u00a0b\u2003c\x1cd", "(abc) [..] ¿qué?",
    "日本語 テキスト", "x" * 500 + " !! ?", "١٢٣ ٤", "e\u0301 \u0301",
])
def test_count_words_counts_what_the_regular_expression_counts(text: str) -> None:
    assert count_words(text) == len(REGEX_WORD.findall(text))


@given(st.text(max_size=200))
def test_count_words_matches_on_any_text(text: str) -> None:
    assert count_words(text) == len(REGEX_WORD.findall(text))


def test_plain_paths_links_and_wrong_case_in_a_folder(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "usb" / "usulan")
    package = FolderPackage(folder, "usulan")
    member, findings = package.resolve("lampiran/sk.pdf")
    assert member is not None and findings == []
    assert member.locator == os.path.join(os.path.realpath(folder), "lampiran", "sk.pdf")
    assert member.size == (folder / "lampiran" / "sk.pdf").stat().st_size
    member, findings = package.resolve("LAMPIRAN/SK.pdf")
    assert member is not None and member.path == "lampiran/sk.pdf"
    assert [f.message_id for f in findings] == ["intake.path_case_differs"]
    assert package.resolve("lampiran")[0] is None  # a folder is no file
    if sys.platform != "win32":
        outside = tmp_path / "rahasia.pdf"
        outside.write_bytes(pdf_bytes("rahasia"))
        os.symlink(outside, folder / "lampiran" / "keluar.pdf")
        os.symlink("sk.pdf", folder / "lampiran" / "dalam.pdf")
        assert [f.message_id for f in package.resolve("lampiran/keluar.pdf")[1]] == ["intake.symlink_outside"]
        inside, found = package.resolve("lampiran/dalam.pdf")
        assert inside is not None and found == [] and inside.locator.endswith("sk.pdf")


def test_candidates_survive_pickling_for_a_worker_process(tmp_path: Path) -> None:
    batch = tmp_path / "b"
    write_folder(batch / "usulan", number="A-1")
    write_zip(batch / "kumpulan.zip", {**zip_members(number="A-2", prefix="x/"), **zip_members(number="A-3",
                                                                                                  prefix="y/")})
    (batch / "lampiran").mkdir(parents=True)
    (batch / "lampiran" / "sk.pdf").write_bytes(pdf_bytes("SK"))
    wb = openpyxl.Workbook()
    wb.active.append(["id", "title", "klaster", "attachments.sk"])
    wb.active.append(["A-4", "Dari Excel", "kota", "lampiran/sk.pdf"])
    wb.save(batch / "dossiers.xlsx")
    candidates = scan([batch], Limits())
    zipped = next(c for c in candidates if isinstance(c.package, ZipPackage))
    zipped.package.resolve("dossier.json")  # opens the archive: the open file stays behind
    for cand in candidates:
        copy = pickle.loads(pickle.dumps(cand))
        assert copy.label == cand.label and copy.document == cand.document
        assert type(copy.package) is type(cand.package)
        if cand.field_label is not None:
            assert copy.field_label("klaster") == cand.field_label("klaster") == "C2 (klaster)"
            assert copy.field_label("attachments[0].path") == cand.field_label("attachments[0].path")
        member, _found = copy.package.resolve("dossier.json" if cand.document is None else "lampiran/sk.pdf")
        assert member is not None
        with copy.package.open_member(member) as fh:
            assert fh.read(1) in (b"{", b"%")
        copy.package.close()
    zipped.package.close()
