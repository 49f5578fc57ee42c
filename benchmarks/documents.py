"""Documents benchmark: a 5,000-row ranking PDF and 1,000 result sheets.

Prints times and ratios against baselines measured in the same run:

* ranking: our Rekapitulasi (letterhead, QR, repeated headers, page x of y,
  signature field, 5,000 rows) against a bare ReportLab ``Table`` of the same
  rows (``repeatRows=1``, same page size and font) built right beside it;
  target < 5 s and ≤ 1.5×.
* result sheets: 1,000 result-sheet PDFs (7 criteria × 5 judges, notes,
  signature fields for 6 people) drawn with ``write_documents`` in 2 worker
  processes, against the same documents drawn in this process (a sample of
  100, scaled); target < 60 s on two cores.

Run: ``.venv/bin/python benchmarks/documents.py [--rows 5000] [--sheets 1000]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from oaoi_desktop.reports import documents as rd  # noqa: E402
from oaoi_desktop.reports.fonts import REGULAR, register_fonts  # noqa: E402
from oaoi_desktop.services.documents import write_documents  # noqa: E402

TITLES = ["Layanan Administrasi Kependudukan Terpadu Berbasis Aplikasi", "Sistem Antrean Puskesmas Daring",
          "Gerakan Literasi Desa melalui Perpustakaan Keliling dan Pojok Baca Digital", "e-Retribusi Pasar"]


def ranking_rows(n: int) -> list[tuple[str, ...]]:
    return [(str(i), f"P-{i:05d}", TITLES[i % 4], f"Dinas {['Kesehatan', 'Pendidikan', 'Kominfo'][i % 3]} Kota Medan",
             f"{95 - i * 0.01:.2f}", "3", "Lulus" if i < n // 3 else "Tidak lulus", "")
            for i in range(1, n + 1)]


def document(kind: str, body: tuple, signers: tuple, n: int = 0) -> rd.Document:
    return rd.Document(kind=kind, number=f"{n + 1:03d}/X/BENCH/2026", lang="id", paper="a4",
                       event_id=str(uuid.uuid4()), event_name="KIPP Kota Medan 2026", title="Rekapitulasi dan Peringkat",
                       subtitle="Semua kelompok", fingerprint="f" * 64, rubric_sha256="e" * 64,
                       generated_at=dt.datetime(2026, 11, 28), file_name=f"doc-{n:05d}.pdf",
                       letterhead=rd.Letterhead(("PEMERINTAH KOTA MEDAN", "BADAN RISET DAN INOVASI DAERAH")),
                       body=body, signers=signers)


def accelerated() -> bool:
    """Is ReportLab's C accelerator (the ``rl_accel`` package) in use?"""
    from reportlab.lib import rl_accel

    return type(rl_accel.fp_str).__name__ == "builtin_function_or_method"


def load() -> str:
    try:
        import os

        return "load average %.1f on %d cores" % (os.getloadavg()[0], os.cpu_count() or 1)
    except OSError:
        return ""


def bench_ranking(n: int) -> None:
    register_fonts()
    rows = ranking_rows(n)
    header = ("Peringkat", "Nomor", "Judul inovasi", "Instansi / unit kerja", "Nilai", "Juri", "Hasil", "Keterangan")
    widths = (0.06, 0.1, 0.33, 0.2, 0.07, 0.05, 0.08, 0.11)
    ours_doc = document("ranking", (rd.TableBlock(header=header, rows=tuple(rows), widths=widths,
                                                  align=("R", "L", "L", "L", "R", "R", "L", "L"), wrap=(2, 3, 7),
                                                  font_size=7),),
                        (rd.Signer(uuid.uuid4().hex, "Dr. Ani Lestari", "Ketua Tim Penilai"),))

    def bare() -> bytes:
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, initialFontName=REGULAR)
        table = Table([list(header)] + [list(r) for r in rows], colWidths=[doc.width * w for w in widths],
                      repeatRows=1)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 7),
                                   ("GRID", (0, 0), (-1, -1), 0.4, "#8a99a8")]))
        doc.build([table])
        return buf.getvalue()

    times_bare, times_ours, cpu_bare, cpu_ours = [], [], [], []
    for _ in range(2):  # alternate, best of two each
        t, c = time.perf_counter(), time.process_time()
        bare()
        times_bare.append(time.perf_counter() - t)
        cpu_bare.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        rd.render_pdf(ours_doc)
        times_ours.append(time.perf_counter() - t)
        cpu_ours.append(time.process_time() - c)
    b, o = min(times_bare), min(times_ours)
    print(f"ranking {n} rows: bare ReportLab table {b:.2f} s (cpu {min(cpu_bare):.2f} s), Rekapitulasi {o:.2f} s "
          f"(cpu {min(cpu_ours):.2f} s), ratio {o / b:.2f}x (target < 5 s, <= 1.5x); rl_accel: {accelerated()}")


def result_doc(i: int) -> rd.Document:
    judges = ["Dr. Ani Lestari", "Budi Santoso", "Citra Dewi", "Dedi Kurniawan", "Eka Putri"]
    crits = ["Latar Belakang dan Tujuan", "Kebaruan / Nilai Tambah", "Implementasi Inovasi", "Signifikansi / Dampak",
             "Adaptabilitas / Replikasi", "Sumber Daya", "Strategi Keberlanjutan"]
    rows = tuple((c, "15", *(str(7 + (i + j + k) % 3) for j in range(5))) for k, c in enumerate(crits))
    body = (
        rd.KeyValues((("Kegiatan", "KIPP Kota Medan 2026"), ("Nomor proposal", f"P-{i:05d}"),
                      ("Judul inovasi", TITLES[i % 4]), ("Instansi / unit kerja", "Pemerintah Kota Medan / Dinkes"))),
        rd.TableBlock(header=("Kriteria", "Bobot", *judges), rows=rows + (("Jumlah", "100", *(["85.00"] * 5)),),
                      widths=(0.32, 0.08) + (0.12,) * 5, align=("L", "R") + ("R",) * 5, wrap=(0,), bold_rows=(7,)),
        rd.Heading("Hasil"),
        rd.KeyValues((("Nilai akhir", "85.00"), ("Peringkat", "3 dari 40 (umum)"), ("Hasil", "Lulus"))),
        rd.Heading("Catatan nilai sama dan kriteria gugur"),
        rd.Para("[umum] Nilai akhir sama (85.00) untuk P-00003, P-00004 pada peringkat 3; dibandingkan menurut "
                "urutan penentu.", "small"),
    )
    signers = tuple(rd.Signer(uuid.uuid4().hex, name, "Penilai") for name in judges) + (
        rd.Signer(uuid.uuid4().hex, "Prof. Ketua", "Ketua Tim Penilai"),)
    return document("result", body, signers, i)


def bench_results(n: int, workers: int) -> None:
    docs = [result_doc(i) for i in range(n)]
    if n == 0:
        return
    import resource

    sample = docs[:100]
    t, c = time.perf_counter(), time.process_time()
    for d in sample:
        rd.render_pdf(d)
    single = (time.perf_counter() - t) / len(sample) * n
    single_cpu = (time.process_time() - c) / len(sample) * n
    with tempfile.TemporaryDirectory() as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        write_documents(docs, Path(folder), workers=workers)
        pooled = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert len(list(Path(folder).iterdir())) == n
    child_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(f"{n} result sheets: one process (100 drawn, scaled) {single:.1f} s (cpu {single_cpu:.1f} s), "
          f"{workers} worker processes {pooled:.1f} s (workers' cpu {child_cpu:.1f} s), "
          f"ratio {pooled / single:.2f}x (target < 60 s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(load())
    bench_ranking(args.rows)
    bench_results(args.sheets, args.workers)


if __name__ == "__main__":
    main()
