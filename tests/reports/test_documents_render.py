"""Drawing documents: long tables split with repeated headers, page x of y, QR, written-out dates."""

from __future__ import annotations

import datetime as dt
import uuid

from pypdf import PdfReader

from oaoi_desktop.reports import documents as rd
from oaoi_desktop.reports.terbilang import terbilang, written_date_id


def make_doc(rows: int, **kw) -> rd.Document:
    fields = dict(
        kind="ranking", number="001/RP/KKM/2026", lang="id", paper="a4", event_id=str(uuid.uuid4()),
        event_name="KIPP Kota Medan 2026", title="Rekapitulasi dan Peringkat", subtitle="umum",
        fingerprint="a" * 64, rubric_sha256="b" * 64, generated_at=dt.datetime(2026, 11, 28, 8, 30),
        file_name="x.pdf",
        body=(rd.TableBlock(header=("Peringkat", "Nomor", "Judul inovasi", "Nilai"),
                            rows=tuple((str(i), f"P-{i:04d}", f"Inovasi pelayanan nomor {i}", "85.50")
                                       for i in range(1, rows + 1)),
                            widths=(0.1, 0.15, 0.55, 0.2), align=("R", "L", "L", "R"), wrap=(2,)),),
        signers=(rd.Signer(uuid.uuid4().hex, "Dr. Ani Lestari", "Ketua Tim Penilai"),),
    )
    fields.update(kw)
    return rd.Document(**fields)


def test_300_rows_split_with_repeated_headers(tmp_path) -> None:
    path = rd.write_pdf(make_doc(300), tmp_path / "r.pdf")
    reader = PdfReader(str(path))
    pages = [p.extract_text() for p in reader.pages]
    n = len(pages)
    assert n >= 5
    for i, text in enumerate(pages, start=1):
        assert f"Halaman {i} dari {n}" in text
    with_rows = [t for t in pages if "P-0" in t]
    assert len(with_rows) >= 5
    for text in with_rows:
        assert "Judul inovasi" in text  # the header row repeats on every page of the table
    everything = "\n".join(pages)
    for i in (1, 150, 300):
        assert f"P-{i:04d}" in everything


def test_paper_sizes(tmp_path) -> None:
    a4 = PdfReader(str(rd.write_pdf(make_doc(3), tmp_path / "a.pdf"))).pages[0].mediabox
    f4 = PdfReader(str(rd.write_pdf(make_doc(3, paper="f4"), tmp_path / "f.pdf"))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(f4.width) / 72 * 25.4), round(float(f4.height) / 72 * 25.4)) == (215, 330)


def test_qr_payload_names_event_number_and_fingerprint() -> None:
    doc = make_doc(1)
    payload = rd.qr_payload(doc)
    assert payload == f"oaoi-doc:{doc.event_id}|{doc.number}|{doc.fingerprint}"
    # what the printed code encodes (a decoder check, with zbarimg, is in test_documents_export.py)
    flowable = rd.QrFlowable(payload, 60)
    assert flowable.value == payload
    n = len(flowable.modules)
    assert n >= 21 and (n - 17) % 4 == 0
    finder = [row[:7] for row in flowable.modules[:7]]
    assert finder[0] == [True] * 7 and finder[3] == [True, False, True, True, True, False, True]
    # the best-mask matrix equals ReportLab's own QR widget for the same text
    widget = rd.qr_drawing(payload, 60).contents[0]
    assert widget.value == payload
    widget.qr.make()
    assert rd.qr_matrix(payload, mask=None) == [[bool(v) for v in row] for row in widget.qr.modules]


def test_terbilang_and_written_date() -> None:
    assert terbilang(11) == "sebelas"
    assert terbilang(100) == "seratus"
    assert terbilang(1000) == "seribu"
    assert terbilang(2026) == "dua ribu dua puluh enam"
    assert terbilang(1_234_567) == "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh"
    assert written_date_id(dt.date(2026, 11, 28)) == (
        "hari ini Sabtu tanggal dua puluh delapan bulan November tahun dua ribu dua puluh enam")
    assert written_date_id(dt.date(2026, 11, 30)).startswith("hari ini Senin tanggal tiga puluh")


def test_write_failure_is_a_clear_error(tmp_path) -> None:
    from oaoi_desktop.errors import OaoiError
    import pytest

    blocker = tmp_path / "f"
    blocker.write_text("x")
    with pytest.raises(OaoiError) as err:
        rd.write_pdf(make_doc(1), blocker / "x.pdf")
    assert err.value.message_id == "documents.cannot_write"
