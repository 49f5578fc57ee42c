"""Exporting a judge's panel package against ``cp -r`` of the same files.

    python benchmarks/package.py [--dossiers 200 --files 2 --kb 256] [--repeat 3]

Builds (in a temporary folder) an event with 200 dossiers of two 256 KiB
attachments each (incompressible bytes, as PDFs and photos are), one judge
assigned every dossier, the event's authority and the judge's credential.
Times, alternating in the same run:

* baseline: ``cp -r`` of a folder holding exactly the package's attachment
  files, then ``sync`` (the data on disk, as a stick needs it);
* the export without its own fsyncs, then ``sync`` (like for like): the manifest
  built from the store, each attachment streamed through AES-256-GCM in 1 MiB
  chunks to a temporary name and renamed, the manifest and header last;
* ``oaoi package export`` as it runs (each file fsynced before its rename);
* a re-export into the same folder (unchanged files are not written again).

Each step starts after an untimed ``sync``, so none pays for another's writes.

Prints medians and ratios.  Target: bounded by copying the files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events
from oaoi_desktop.services.exchange import packages
from oaoi_desktop.services import keys
from oaoi_desktop.store.blobs import blob_store_for
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, Role
from synthetic import ACTOR, ensure_secretariat  # benchmarks/synthetic.py: a real secretariat account

ROOT = Path(__file__).resolve().parents[1]
PASS = "frasa-sandi-juri-benchmark"


def build(folder: Path, n_dossiers: int, n_files: int, kb: int) -> tuple[Database, str, list[Path]]:
    db = Database.open("sqlite:///" + str(folder / "secretariat.sqlite"))
    ensure_secretariat(db)  # the services refuse an actor without an active account
    store = blob_store_for(db)
    files = []
    with db.write() as s:
        ev = events.create_event(s, name="Benchmark paket", rubric=load_rubric(ROOT / "scoring_rubrics" /
                                                                                 "kipp-proposal.toml"), actor=ACTOR)
        keys.create_authority(s, ev.id, "otoritas-benchmark-2026", ACTOR)
        judge = accounts.add_judge(s, ev, name="Juri Satu", instansi="Universitas", role=Role.CHAIR, actor=ACTOR)
        keys.issue_judge_certificate(s, ev.id, judge.id, "otoritas-benchmark-2026", PASS, ACTOR)
        for n in range(n_dossiers):
            d = dossiers.add_dossier(s, ev, number=f"P-{n + 1:04d}", title=f"Inovasi {n + 1}", actor=ACTOR,
                                     instansi="Pemerintah Kota Medan", kelompok="umum", audit=False,
                                     content={"title": f"Inovasi {n + 1}", "sections": [
                                         {"key": "ringkasan", "text": "Ringkasan inovasi. " * 40}]})
            for f in range(n_files):
                data = os.urandom(kb * 1024)
                import io

                sha = store.put(s, io.BytesIO(data), "application/pdf")
                s.add(Attachment(id=uuid.uuid4(), dossier_id=d.id, revision=1, path=f"lampiran/{f}.pdf",
                                 kind="lainnya", title=f"Lampiran {f}", media_type="application/pdf",
                                 size=len(data), sha256=sha))
                files.append(store.local_path(sha))
            assignments.assign(s, ev, d, judge, actor=ACTOR, audit=False)
        event_id = str(ev.id)
    return db, event_id, files


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dossiers", type=int, default=200)
    p.add_argument("--files", type=int, default=2)
    p.add_argument("--kb", type=int, default=256)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="oaoi-bench-package-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("OAOI_HOME", str(folder / "home"))
        t0 = time.perf_counter()
        db, event_id, files = build(folder, args.dossiers, args.files, args.kb)
        source = folder / "same-files"
        source.mkdir()
        for f in files:
            os.link(f, source / f.name)
        total = sum(f.stat().st_size for f in files)
        print(f"built {args.dossiers} dossiers, {len(files)} files, {total / 1_048_576:.0f} MB "
              f"in {time.perf_counter() - t0:.1f} s")
        def sync() -> None:
            subprocess.run(["sync"], check=True)

        cp_sync, export_then_sync, export_real, reexport = [], [], [], []
        for n in range(args.repeat):
            # every step starts with nothing left to write back (an untimed sync), and the
            # like-for-like pair both end when the data is on disk (a timed sync)
            sync()
            cp_sync.append(timed(lambda: (subprocess.run(["cp", "-r", str(source), str(folder / f"cp-{n}")],
                                                         check=True), sync())))
            sync()
            export_then_sync.append(timed(lambda: (packages.export_package(
                db, event_id, "Juri Satu", folder / f"pkq-{n}", PASS, actor=ACTOR, sync=False), sync())))
            sync()
            out = folder / f"pkg-{n}"
            export_real.append(timed(lambda: packages.export_package(db, event_id, "Juri Satu", out, PASS,
                                                                     actor=ACTOR)))
            sync()
            reexport.append(timed(lambda: packages.export_package(db, event_id, "Juri Satu", out, PASS,
                                                                  actor=ACTOR)))
            for name in (f"cp-{n}", f"pkg-{n}", f"pkq-{n}"):
                shutil.rmtree(folder / name)
        med = {k: statistics.median(v) for k, v in (("cp", cp_sync), ("export_sync", export_then_sync),
                                                     ("export", export_real), ("reexport", reexport))}
        print(f"baseline: cp -r of the same files, then sync        {med['cp'] * 1000:8.0f} ms")
        print(f"package export (no fsync), then sync                {med['export_sync'] * 1000:8.0f} ms   "
              f"ratio {med['export_sync'] / med['cp']:.2f}")
        print(f"package export as run (fsync + rename per file)     {med['export'] * 1000:8.0f} ms   "
              f"ratio {med['export'] / med['cp']:.2f}")
        print(f"re-export into the same folder (nothing new)        {med['reexport'] * 1000:8.0f} ms   "
              f"ratio {med['reexport'] / med['cp']:.2f}")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
