"""Import speed against the floor of copying and hashing the same files.

    python benchmarks/import.py [--dossiers 1000] [--scale 0.05] [--repeat 2] [--workers N]
                                [--processes auto|yes|no] [--workdir DIR] [--keep]

Generates ``dossiers × scale`` dossier packages (default 1,000, about 1 GB:
per dossier two multi-page PDFs with a photo inside and one JPEG, all
distinct) into a temporary folder, then times, alternately and ``--repeat``
times so both sides see the same disk and the same load:

* baseline: ``cp -r`` of the tree plus ``sha256sum`` over the copy (one
  shell command, Linux only);
* import: ``services.imports.import_candidates`` (after the same scan
  ``import_paths`` does) into a fresh SQLite database and its attachment
  store, every check on (streaming SHA-256, magic bytes, PDF opens, JSON and
  field validation, per-dossier transactions, audit log, fsync of every
  stored file);

and prints each pair with its ratio (target ≤ 1.5×).  Then, once: a re-import
of the whole batch (every dossier unchanged), the import without fsync (what
durability costs), and the import of a quarter of the batch — each import
runs in a child process so its peak memory (``ru_maxrss`` of the importing
process, and the sampled peak of its largest worker process) is its own, and
the quarter against the whole shows whether memory stays flat as the batch
grows.
Nothing is deleted until the end: deleting thousands of files just before a
run makes ext4 slower at creating the next ones.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("pelayanan publik inovasi warga data layanan desa kota dinas kesehatan pendidikan digital antrean "
         "petugas aplikasi laporan dampak anggaran replikasi keberlanjutan kepuasan masyarakat").split()
SECTIONS = ("ringkasan", "latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas",
            "sumber_daya", "keberlanjutan")


def _noise_jpegs(count: int, rng: random.Random) -> list[bytes]:
    from PIL import Image

    out = []
    for i in range(count):
        w, h = 540 + 50 * i, 405 + 38 * i
        img = Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=92)
        out.append(buf.getvalue())
    return out


def _pdf(jpeg: bytes, width: int, height: int, pages: int, tag: str) -> bytes:
    """A small but real PDF: ``pages`` pages of text, a photo on the first."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * p} 0 R" for p in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                   b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(jpeg))
                   + jpeg + b"\nendstream")
    for p in range(pages):
        text = f"BT /F1 11 Tf 72 760 Td (Lampiran {tag} halaman {p + 1}) Tj ET".encode()
        if p == 0:
            text += b" q 300 0 0 225 72 400 cm /Im1 Do Q"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * p} 0 R "
                       f"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
                       f"/XObject << /Im1 3 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
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


def generate(folder: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` dossier packages into ``folder``; returns the bytes written."""
    from PIL import Image

    rng = random.Random(seed)
    bases = _noise_jpegs(6, rng)
    sizes = [Image.open(io.BytesIO(b)).size for b in bases]
    total = 0
    for i in range(count):
        pkg = folder / f"usulan-{i:05d}"
        (pkg / "lampiran").mkdir(parents=True)
        files = {}
        for name, kind in (("lampiran/surat-pernyataan.pdf", "surat_pernyataan"),
                           ("lampiran/laporan-evaluasi.pdf", "laporan_evaluasi")):
            b = rng.randrange(len(bases))
            unique = bases[b] + rng.randbytes(32)  # bytes after the JPEG's end marker: ignored by decoders
            files[name] = (kind, _pdf(unique, *sizes[b], pages=rng.randint(2, 6), tag=f"{i}-{kind}"))
        b = rng.randrange(len(bases))
        files["lampiran/foto.jpg"] = ("foto", bases[b] + rng.randbytes(32))
        for name, (_kind, data) in files.items():
            (pkg / name).write_bytes(data)
            total += len(data)
        doc = {
            "format_version": 1, "id": f"BENCH-{i:05d}", "title": f"Inovasi nomor {i}",
            "instansi": f"Pemerintah Kabupaten Contoh {i % 97}", "unit_kerja": "Dinas Contoh",
            "klaster": "kabupaten", "kelompok": "umum", "kategori": "Tata Kelola",
            "innovators": ["Budi", "Sari"], "started_on": "2022-01-15", "sdgs": [3, 16], "is_digital": True,
            "sections": [{"key": k, "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 180))),
                          "attachments": ["lampiran/laporan-evaluasi.pdf"] if k == "signifikansi" else []}
                         for k in SECTIONS],
            "attachments": [{"path": n, "kind": k, "title": n} for n, (k, _d) in files.items()],
        }
        raw = json.dumps(doc, ensure_ascii=False).encode()
        (pkg / "dossier.json").write_bytes(raw)
        total += len(raw)
    return total


def baseline(src: Path, dst: Path) -> tuple[float, float]:
    """Seconds for ``cp -r`` + ``sha256sum``, and the same followed by ``sync``."""
    subprocess.run(["sync"], check=True)
    t0 = time.perf_counter()
    subprocess.run(["sh", "-c", 'cp -r "$0" "$1" && find "$1" -type f -print0 | xargs -0 sha256sum > /dev/null',
                    str(src), str(dst)], check=True)
    plain = time.perf_counter() - t0
    subprocess.run(["sync"], check=True)
    return plain, time.perf_counter() - t0


def child(args: argparse.Namespace) -> int:
    """Import ``args.source`` (its first ``args.limit`` packages) into a fresh database; print JSON."""
    from oaoi_desktop.rubrics import load_rubric, resolve_rubric
    from oaoi_desktop.intake.sources import scan
    from oaoi_desktop.services import events
    from synthetic import ACTOR, ensure_secretariat  # benchmarks/synthetic.py: a real secretariat account
    from oaoi_desktop.services.imports import import_candidates
    from oaoi_desktop.store.blobs import blob_store_for
    from oaoi_desktop.store.database import Database

    os.environ["OAOI_HOME"] = str(args.db_dir / "home")
    db = Database.open("sqlite:///" + str(args.db_dir / "bench.sqlite"))
    ensure_secretariat(db)  # the services refuse an actor without an active account
    with db.write() as s:
        event = events.create_event(s, name="Benchmark", rubric=load_rubric(resolve_rubric("kipp-proposal")),
                                    actor=ACTOR)
        event_id = event.id
    result = {}
    watcher = _WorkerMemory()
    watcher.start()
    for run in ("import", "reimport")[: 2 if args.reimport else 1]:
        subprocess.run(["sync"], check=True)
        t0 = time.perf_counter()
        candidates = scan([args.source])[: args.limit]
        report = import_candidates(db, event_id, candidates, actor=ACTOR, workers=args.workers or None,
                                   store=blob_store_for(db, durable=not args.no_fsync),
                                   processes={"auto": None, "yes": True, "no": False}[args.processes])
        elapsed = time.perf_counter() - t0
        result[run] = {"seconds": elapsed, "counts": report.counts, "bytes": report.bytes_read,
                       "warnings": report.warnings}
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for worker in multiprocessing.active_children():  # the import's workers end on their own: wait for them
        worker.join()
    watcher.stop()
    result["worker_maxrss_mb"] = watcher.peak_mb
    times = os.times()
    result["cpu_s"] = {"main": times.user + times.system, "workers": times.children_user + times.children_system}
    db.close()
    print(json.dumps(result))
    return 0


class _WorkerMemory(threading.Thread):
    """The peak resident memory of the import's worker processes (``VmHWM``, sampled).

    Not ``RUSAGE_CHILDREN``: on Linux a spawned child's ``ru_maxrss`` starts
    from the parent's size at the fork before its ``exec``.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.2):
            self.sample()

    def sample(self) -> None:
        for child in multiprocessing.active_children():
            try:
                for line in Path(f"/proc/{child.pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_mb = max(self.peak_mb, int(line.split()[1]) / 1024)
            except (OSError, ValueError):
                continue

    def stop(self) -> None:
        self._done.set()
        self.join()


def _run_child(source: Path, db_dir: Path, limit: int, args: argparse.Namespace, reimport: bool = False,
               fsync: bool = True) -> dict:
    db_dir.mkdir(parents=True)
    cmd = [sys.executable, __file__, "--child", "--source", str(source), "--db-dir", str(db_dir),
           "--limit", str(limit), "--workers", str(args.workers), "--processes", args.processes] \
        + (["--reimport"] if reimport else []) + ([] if fsync else ["--no-fsync"])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import ssl

    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, {ssl.OPENSSL_VERSION}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=1000)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=2, help="baseline/import pairs (default 2)")
    parser.add_argument("--workers", type=int, default=0, help="dossiers read at once (default: as the app chooses)")
    parser.add_argument("--processes", choices=("auto", "yes", "no"), default="auto",
                        help="read in worker processes (default: as the app does)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to generate (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated tree and databases")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--reimport", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-fsync", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)
    if not sys.platform.startswith("linux"):
        print("the benchmark's baseline (cp -r, sha256sum) needs Linux", file=sys.stderr)
        return 1
    count = max(4, int(round(args.dossiers * args.scale)))
    work = Path(tempfile.mkdtemp(prefix="oaoi-import-bench-", dir=args.workdir))
    try:
        src = work / "usb"
        src.mkdir()
        t0 = time.perf_counter()
        total = generate(src, count)
        print(f"machine : {machine()}")
        print(f"data    : {count} dossiers, {total / 1e6:.0f} MB in {work} (generated in {time.perf_counter() - t0:.0f} s)")
        from oaoi_desktop.services.imports import auto_workers

        print(f"readers : workers={args.workers or f'auto ({auto_workers()})'}, processes={args.processes}")
        pairs = []
        full: dict = {}
        for k in range(max(1, args.repeat)):
            plain, synced = baseline(src, work / f"copy{k}")
            run = _run_child(src, work / f"db-full{k}", count, args, reimport=k == 0)
            if k == 0:
                full = run
            imp = run["import"]
            assert imp["counts"]["imported"] == count, imp
            pairs.append((plain, synced, imp["seconds"], run))
            print(f"pair {k + 1}  : baseline {plain:.2f} s ({total / 1e6 / plain:.0f} MB/s; with a final sync "
                  f"{synced:.2f} s)  import {imp['seconds']:.2f} s ({imp['bytes'] / 1e6 / imp['seconds']:.0f} MB/s, "
                  f"cpu {run['cpu_s']['main']:.1f} s + workers {run['cpu_s']['workers']:.1f} s"
                  f"{', with the re-import' if k == 0 else ''})  "
                  f"ratio {imp['seconds'] / plain:.2f}×")
        assert full["reimport"]["counts"]["unchanged"] == count, full["reimport"]
        nosync = _run_child(src, work / "db-nosync", count, args, fsync=False)
        quarter = _run_child(src, work / "db-quarter", max(1, count // 4), args)
        floor = min(p[0] for p in pairs)
        floor_sync = min(p[1] for p in pairs)
        best = min(p[2] for p in pairs)
        ratios = sorted(p[2] / p[0] for p in pairs)
        print(f"baseline: cp -r + sha256sum {floor:.2f} s at best, with a final sync {floor_sync:.2f} s")
        print(f"import  : {best:.2f} s at best; ratio of the bests {best / floor:.2f}× (target ≤ 1.5×), "
              f"per pair {', '.join(f'{r:.2f}×' for r in ratios)}; against cp + sha256sum + sync "
              f"{best / floor_sync:.2f}×")
        print(f"no fsync: {nosync['import']['seconds']:.2f} s, ratio {nosync['import']['seconds'] / floor:.2f}× "
              "(the same import without fsync of the stored files: what durability costs)")
        print(f"reimport: {full['reimport']['seconds']:.2f} s (all {count} unchanged), "
              f"ratio {full['reimport']['seconds'] / floor:.2f}×")
        print(f"memory  : peak {quarter['maxrss_mb']:.0f} MB (largest worker {quarter['worker_maxrss_mb']:.0f} MB) "
              f"importing {max(1, count // 4)} dossiers, {full['maxrss_mb']:.0f} MB "
              f"(largest worker {full['worker_maxrss_mb']:.0f} MB) importing {count}")
        print(json.dumps({"dossiers": count, "mb": round(total / 1e6), "workers": args.workers,
                          "processes": args.processes, "baseline_s": round(floor, 3),
                          "baseline_sync_s": round(floor_sync, 3), "import_s": round(best, 3),
                          "ratio": round(best / floor, 3), "pair_ratios": [round(r, 3) for r in ratios],
                          "ratio_sync": round(best / floor_sync, 3),
                          "reimport_s": round(full["reimport"]["seconds"], 3),
                          "no_fsync_s": round(nosync["import"]["seconds"], 3),
                          "maxrss_quarter_mb": round(quarter["maxrss_mb"]), "maxrss_full_mb": round(full["maxrss_mb"]),
                          "worker_maxrss_quarter_mb": round(quarter["worker_maxrss_mb"]),
                          "worker_maxrss_full_mb": round(full["worker_maxrss_mb"])}))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
