"""Merging judges' bundles: 15 judges × 200 sheets into the secretariat's database.

    python benchmarks/bundles.py [--judges 15 --dossiers 200] [--repeat 3]

Builds (in a temporary folder) an event with 200 dossiers, 15 judges each
assigned every dossier, the event's authority and a signing credential per
judge, then one signed bundle per judge with 200 locked sheets of 7 scores
(the format ``oaoi bundle export`` writes, signed with each judge's key).
Times, in the same run, on fresh copies of the same database:

* baseline A: reading, parsing and verifying the 15 bundles (signature, signer,
  roster, event, rubric, every sheet entry) without merging;
* baseline B: reading the bundles' JSON and a bare insert of the same 3,000
  sheets and 21,000 scores (SQLAlchemy Core, one transaction, no checks, no audit);
* merge: ``services.exchange.bundles.import_bundles`` — verify, merge each sheet
  by its lineage, lineage rows, one audit entry per sheet and per bundle, one
  transaction per file.

Prints medians and ratios.  Target: the merge under 3 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from oaoi_desktop import config
from oaoi_desktop.domain import canonical
from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events
from oaoi_desktop.services.exchange import bundles, entries, lineage
from oaoi_desktop.signing import cms
from oaoi_desktop.signing import pki
from oaoi_desktop.services import keys
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role, Score, ScoreSheet, SheetStatus, utcnow
from synthetic import ACTOR, ensure_secretariat  # benchmarks/synthetic.py: a real secretariat account

ROOT = Path(__file__).resolve().parents[1]
CA_PASS = "otoritas-benchmark-2026"


def judge_pass(i: int) -> str:
    return f"frasa-sandi-juri-{i:02d}"


def build(folder: Path, n_judges: int, n_dossiers: int, seed: int = 7) -> tuple[Path, str, list[Path]]:
    """The secretariat's database (never merged into) and one bundle file per judge."""
    rnd = random.Random(seed)
    path = folder / "secretariat.sqlite"
    db = Database.open("sqlite:///" + str(path))
    ensure_secretariat(db)  # the services refuse an actor without an active account
    rubric = load_rubric(ROOT / "scoring_rubrics" / "kipp-proposal.toml")
    stage = rubric.first_stage
    with db.write() as s:
        ev = events.create_event(s, name="Benchmark bundel", rubric=rubric, actor=ACTOR)
        event_id = ev.id
        keys.create_authority(s, ev.id, CA_PASS, ACTOR)
        ds = [dossiers.add_dossier(s, ev, number=f"P-{n + 1:04d}", title=f"Inovasi {n + 1}", actor=ACTOR,
                                   instansi="Pemerintah Kota Medan", kelompok="umum", audit=False)
              for n in range(n_dossiers)]
        judges = []
        for j in range(n_judges):
            judge = accounts.add_judge(s, ev, name=f"Juri {j + 1:02d}", instansi=f"Universitas {j + 1}",
                                       role=Role.CHAIR if j == 0 else Role.MEMBER, actor=ACTOR)
            keys.issue_judge_certificate(s, ev.id, judge.id, CA_PASS, judge_pass(j), ACTOR)
            judges.append(judge)
        assignments.auto_assign(s, ev, per_dossier=n_judges, seed=1, actor=ACTOR)
        rubric_sha = events.rubric_fingerprint(s, ev)
        signers = [keys.load_signer(s, ev.id, judge.id, judge_pass(j)) for j, judge in enumerate(judges)]
        numbers = {d.id: d.number for d in ds}
        judge_docs = [(judge.id, judge.name) for judge in judges]
    files = []
    now = utcnow()
    for (judge_id, name), signer in zip(judge_docs, signers):
        device = uuid.uuid4()
        sheets = []
        for dossier_id, number in numbers.items():
            scores = {c.id: (rnd.randint(5, 10) * 1000, "") for c in stage.criteria}
            revision = len(scores) + 1
            digest = lineage.version_hash(dossier_id=dossier_id, judge_id=judge_id, stage_id=stage.id,
                                          revision=revision, device_id=device, status="locked",
                                          dossier_revision=1, scores=scores)
            sheets.append({
                "id": uuid.uuid4(), "dossier_id": dossier_id, "dossier_number": number, "judge_id": judge_id,
                "stage_id": stage.id, "status": "locked", "revision": revision, "base_revision": 0,
                "device_id": device, "dossier_revision": 1, "source": "app", "created_at": now,
                "updated_at": now, "submitted_at": now,
                "scores": {c: {"value": entries.from_milli(v), "comment": t} for c, (v, t) in scores.items()},
                "version_hash": digest, "ancestors": [],
            })
        payload = {
            "format": bundles.FORMAT, "format_version": bundles.FORMAT_VERSION, "bundle_id": uuid.uuid4(),
            "exported_at": now, "device_id": device, "event": {"id": event_id, "name": "Benchmark bundel"},
            "rubric_sha256": rubric_sha, "judge": {"id": judge_id, "name": name},
            "signer_fingerprint": pki.cert_fingerprint(signer.certificate),
            "audit_head": {"seq": 1400, "hash": "ab" * 32}, "sheets": sheets,
            "conflict_declarations": [], "integrity_declarations": [],
        }
        data = bundles.encode_bundle(payload, cms.sign_detached(signer, canonical.dumps(payload)))
        target = folder / f"juri-{name[-2:]}.oaoi-bundle"
        target.write_bytes(data)
        files.append(target)
    db.close()
    return path, str(event_id), files


def fresh_copy(source: Path, folder: Path, n: int) -> Database:
    target = folder / f"copy-{n}.sqlite"
    shutil.copyfile(source, target)
    return Database.open("sqlite:///" + str(target), backup_first=False)


def verify_only(db: Database, event_id: str, files: list[Path]) -> int:
    sheets = 0
    with db.read() as s:
        event = events.get_event(s, event_id)
        for f in files:
            sheets += len(bundles.verify_bundle(s, event, f.read_bytes(), str(f)).sheets)
    return sheets


def bare_insert(db: Database, event_id: str, files: list[Path]) -> int:
    sheet_rows, score_rows = [], []
    for f in files:
        import json

        for e in json.loads(f.read_bytes())["payload"]["sheets"]:
            sid = uuid.uuid4()
            sheet_rows.append({"id": sid, "event_id": uuid.UUID(event_id), "dossier_id": uuid.UUID(e["dossier_id"]),
                               "judge_id": uuid.UUID(e["judge_id"]), "stage_id": e["stage_id"],
                               "status": SheetStatus.LOCKED, "revision": e["revision"], "version": 1,
                               "created_at": utcnow(), "updated_at": utcnow(), "dossier_revision": 1,
                               "source": "bundle"})
            for cid, item in e["scores"].items():
                score_rows.append({"id": uuid.uuid4(), "sheet_id": sid, "criterion_id": cid,
                                   "value_milli": int(item["value"]) * 1000, "comment": item["comment"]})
    with db.write() as s:
        conn = s.connection()
        conn.execute(insert(ScoreSheet.__table__), sheet_rows)
        conn.execute(insert(Score.__table__), score_rows)
    return len(sheet_rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--judges", type=int, default=15)
    p.add_argument("--dossiers", type=int, default=200)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="oaoi-bench-bundles-") as tmp:
        folder = Path(tmp)
        import os

        os.environ.setdefault("OAOI_HOME", str(folder / "home"))
        t0 = time.perf_counter()
        source, event_id, files = build(folder, args.judges, args.dossiers)
        size = sum(f.stat().st_size for f in files)
        print(f"built {len(files)} bundles ({size / 1_048_576:.1f} MB, {args.judges * args.dossiers} sheets) "
              f"in {time.perf_counter() - t0:.1f} s; device {config.device_id()}")
        verify_t, insert_t, merge_t = [], [], []
        for n in range(args.repeat):
            db = fresh_copy(source, folder, 3 * n)
            t = time.perf_counter()
            count = verify_only(db, event_id, files)
            verify_t.append(time.perf_counter() - t)
            db.close()
            db = fresh_copy(source, folder, 3 * n + 1)
            t = time.perf_counter()
            bare_insert(db, event_id, files)
            insert_t.append(time.perf_counter() - t)
            db.close()
            db = fresh_copy(source, folder, 3 * n + 2)
            t = time.perf_counter()
            report = bundles.import_bundles(db, event_id, files, actor=ACTOR)
            merge_t.append(time.perf_counter() - t)
            assert report.ok and sum(f.counts["added"] for f in report.files) == count, report
            db.close()
        mv, mi, mm = (statistics.median(x) for x in (verify_t, insert_t, merge_t))
        print(f"baseline A: read + parse + verify {len(files)} bundles: {mv * 1000:8.0f} ms")
        print(f"baseline B: bare insert of {count} sheets + scores:     {mi * 1000:8.0f} ms")
        print(f"merge (verify + lineage + write + audit):           {mm * 1000:8.0f} ms")
        print(f"ratio merge / verify-only: {mm / mv:.2f}   merge / bare insert: {mm / mi:.2f}   "
              f"target < 3 s: {'met' if mm < 3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
