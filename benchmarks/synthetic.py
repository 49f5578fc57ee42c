"""A seeded synthetic event, written through the real services.

    python benchmarks/synthetic.py --dossiers 5000 --judges 5 --per-dossier 5 --out benchmarks/out/x.sqlite

Judges score with a personal bias (some harsh, some lenient) around each
dossier's "true" quality, so rankings have realistic ties and spreads.
Everything goes through ``services`` (accounts, dossiers, assignments,
sheets) — with audit entries — exactly as the app writes it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from pathlib import Path

from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role

ROOT = Path(__file__).resolve().parents[1]
ACTOR = Actor("benchmark:generator", uuid.UUID("be4c4a11-0000-4000-8000-000000000001"))
"""A real secretariat account (created by :func:`generate`): services refuse actors without one."""
KATEGORI = ("Kesehatan", "Pendidikan", "Perizinan", "Kependudukan", "Ekonomi")
KELOMPOK = ("umum", "replikasi", "khusus")


def ensure_secretariat(db: Database) -> Actor:
    """Create the benchmarks' secretariat account (:data:`ACTOR`) in ``db`` if missing; returns it.

    Every benchmark acts as this account: since issue 12 the services refuse an
    actor that does not name an active account with the role."""
    with db.write() as s:
        if s.get(accounts.User, ACTOR.user_id) is None:
            s.add(accounts.User(id=ACTOR.user_id, event_id=None, name=ACTOR.name, role=Role.SECRETARIAT))
    return ACTOR


def generate(url: str, *, n_dossiers: int, n_judges: int, per_dossier: int, seed: int = 1,
             rubric_name: str = "kipp-proposal", batch: int = 200) -> str:
    """Create the event; returns its id."""
    rnd = random.Random(seed)
    rubric = load_rubric(ROOT / "scoring_rubrics" / f"{rubric_name}.toml")
    stage = rubric.first_stage
    db = Database.open(url)
    ensure_secretariat(db)
    with db.write() as s:
        event = events.create_event(s, name=f"Benchmark {n_dossiers}x{n_judges}x{per_dossier} seed {seed}",
                                    rubric=rubric, actor=ACTOR)
        event_id = event.id
        judge_ids = []
        for j in range(n_judges):
            judge = accounts.add_judge(s, event, name=f"Juri {j + 1:02d}", instansi=f"Universitas {j + 1}",
                                       role=Role.CHAIR if j == 0 else Role.MEMBER, actor=ACTOR)
            judge_ids.append(judge.id)
    bias = {jid: rnd.uniform(-1.5, 1.5) for jid in judge_ids}
    load = {jid: 0 for jid in judge_ids}
    for start in range(0, n_dossiers, batch):
        with db.write() as s:
            event = events.get_event(s, str(event_id))
            judges = {jid: s.get(accounts.User, jid) for jid in judge_ids}
            for n in range(start, min(start + batch, n_dossiers)):
                d = dossiers.add_dossier(
                    s, event, number=f"P-{n + 1:05d}", title=f"Inovasi sintetis {n + 1}", actor=ACTOR,
                    instansi=f"Pemerintah Kabupaten {n % 97}", kategori=rnd.choice(KATEGORI),
                    kelompok=rnd.choice(KELOMPOK), klaster="kabupaten",
                )
                quality = rnd.uniform(4, 9.5)
                # least-loaded judges first, ties broken at random: loads stay within ±1
                chosen = sorted(judge_ids, key=lambda j: (load[j], rnd.random()))[:per_dossier]
                for jid in chosen:
                    load[jid] += 1
                    judge = judges[jid]
                    assignments.assign(s, event, d, judge, actor=ACTOR, stage_id=stage.id)
                    values = {}
                    for c in stage.criteria:
                        raw = quality + bias[jid] + rnd.gauss(0, 1.0)
                        values[c.id] = int(min(c.scale_max, max(c.scale_min, round(raw))))
                    comments = {c.id: "Bukti pendukung kurang." for c in stage.criteria
                                if c.comment_required(values[c.id])}
                    # the store-level writer (private to the services), as the judge: fast bulk data
                    sheets.save_sheet_unchecked(s, event, judge, d, values=values, comments=comments,
                                       submit=True, actor=Actor(judge.name, judge.id), stage_id=stage.id)
    db.close()
    return str(event_id)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dossiers", type=int, default=100)
    p.add_argument("--judges", type=int, default=5)
    p.add_argument("--per-dossier", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="SQLite file to create")
    args = p.parse_args(argv)
    out = Path(args.out)
    if out.exists():
        print(f"{out} exists; remove it first", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    event_id = generate("sqlite:///" + str(out.resolve()), n_dossiers=args.dossiers, n_judges=args.judges,
                        per_dossier=args.per_dossier, seed=args.seed)
    print(f"event {event_id} written to {out} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
