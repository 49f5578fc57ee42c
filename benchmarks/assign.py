"""Automatic assignment speed: the pure algorithm and the whole service.

    python benchmarks/assign.py [--dossiers 5000 --judges 60 --per-dossier 3] [--repeat 5]

Builds (once, cached in benchmarks/out/) an event through the real services:
judges from a few agencies, dossiers from many (so recusal removes some
pairs), a few declared conflicts.  Then times, in the same run:

* plan: ``domain.assignment.plan_assignment`` alone (eligibility given);
* service: ``services.assignments.auto_assign`` — reading the roster and the
  dossiers, computing eligibility (recusal + declared conflicts), planning,
  inserting every pair and the one audit entry — rolled back after each run;
* top-up: a second ``auto_assign`` after 1 judge left (inactive), on top of a
  committed first run.

Target: the service under 2 s for 5,000 dossiers × 3 among 60 judges.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import select

from oaoi_desktop.domain.assignment import DossierSlot, plan_assignment
from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import ConflictDeclaration, Dossier, Role, User
from synthetic import ACTOR, ensure_secretariat  # benchmarks/synthetic.py: a real secretariat account

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
KATEGORI = ("Kesehatan", "Pendidikan", "Perizinan", "Kependudukan", "Ekonomi")


def build(url: str, n_dossiers: int, n_judges: int, seed: int) -> None:
    rnd = random.Random(seed)
    db = Database.open(url)
    ensure_secretariat(db)  # the services refuse an actor without an active account
    with db.write() as s:
        event = events.create_event(s, name="Benchmark assignment", actor=ACTOR,
                                    rubric=load_rubric(ROOT / "scoring_rubrics" / "kipp-proposal.toml"))
        eid = str(event.id)
        for j in range(n_judges):
            accounts.add_judge(s, event, name=f"Juri {j + 1:02d}", instansi=f"Pemerintah Kabupaten {j % 12}",
                               role=Role.CHAIR if j == 0 else Role.MEMBER, actor=ACTOR)
    for start in range(0, n_dossiers, 500):
        with db.write() as s:
            event = events.get_event(s, eid)
            for n in range(start, min(start + 500, n_dossiers)):
                dossiers.add_dossier(s, event, number=f"P-{n + 1:05d}", title=f"Inovasi {n + 1}", actor=ACTOR,
                                     instansi=f"Pemerintah Kabupaten {n % 97}", kategori=rnd.choice(KATEGORI))
    with db.write() as s:  # a few declared conflicts (as the judging service would record them)
        event = events.get_event(s, eid)
        ds = list(s.scalars(select(Dossier.id).where(Dossier.event_id == event.id)))
        js = list(s.scalars(select(User.id).where(User.event_id == event.id)))
        for _ in range(50):
            d, j = rnd.choice(ds), rnd.choice(js)
            if s.scalar(select(ConflictDeclaration.id).where(ConflictDeclaration.dossier_id == d,
                                                             ConflictDeclaration.judge_id == j)) is None:
                s.add(ConflictDeclaration(event_id=event.id, dossier_id=d, judge_id=j, reason="benchmark"))
    db.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dossiers", type=int, default=5000)
    p.add_argument("--judges", type=int, default=60)
    p.add_argument("--per-dossier", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("OAOI_HOME", str(OUT / "home"))
    path = OUT / f"assign-{args.dossiers}x{args.judges}-s{args.seed}.sqlite"
    if not path.exists():
        print(f"generating {path.name} through the services (once) …", flush=True)
        tmp = path.with_suffix(".building")
        for leftover in OUT.glob(tmp.name + "*"):
            leftover.unlink()
        t0 = time.perf_counter()
        build("sqlite:///" + str(tmp), args.dossiers, args.judges, args.seed)
        tmp.rename(path)
        print(f"  generated in {time.perf_counter() - t0:.0f} s", flush=True)

    db = Database.open("sqlite:///" + str(path))
    plan_times, service_times = [], []
    with db.read() as s:
        (event,) = events.list_events(s)
        event_id = str(event.id)
        ds = list(s.scalars(select(Dossier).where(Dossier.event_id == event.id)))
        js = accounts.judges(s, event)
        elig = assignments.eligibility(s, event, ds, js)
        slots = [DossierSlot(str(d.id), d.kategori) for d in ds]
        ids = [str(j.id) for j in js]
        n_pairs = sum(len(v) for v in elig.values())
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            plan = plan_assignment(slots, ids, elig, [], args.per_dossier, seed=args.seed)
            plan_times.append(time.perf_counter() - t0)
    for _ in range(args.repeat):
        with db.read() as s:  # rolled back at the end: every run starts from no assignment
            event = events.get_event(s, event_id)
            t0 = time.perf_counter()
            result = assignments.auto_assign(s, event, per_dossier=args.per_dossier, seed=args.seed, actor=ACTOR)
            s.flush()
            service_times.append(time.perf_counter() - t0)
    with db.read() as s:
        event = events.get_event(s, event_id)
        assignments.auto_assign(s, event, per_dossier=args.per_dossier, seed=args.seed, actor=ACTOR)
        s.flush()
        leaving = accounts.judges(s, event)[0]
        leaving.active = False
        s.flush()
        t0 = time.perf_counter()
        topup = assignments.auto_assign(s, event, per_dossier=args.per_dossier, seed=args.seed, actor=ACTOR)
        topup_time = time.perf_counter() - t0
    db.close()
    loads = result.loads.values()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"{args.dossiers} dossiers × {args.per_dossier} among {args.judges} judges; eligible pairs {n_pairs} "
          f"of {args.dossiers * args.judges}; new pairs {len(plan.new_pairs)}; loads {min(loads)}–{max(loads)}; "
          f"shortfalls {len(result.shortfalls)}")
    print(f"plan (domain only):          {statistics.median(plan_times) * 1000:8.1f} ms  (median of {args.repeat})")
    print(f"auto_assign (service, SQL):  {statistics.median(service_times) * 1000:8.1f} ms  "
          f"(median of {args.repeat}; target < 2000 ms)")
    tl = topup.loads.values()
    print(f"top-up after a judge left:   {topup_time * 1000:8.1f} ms  ({len(topup.added)} pairs added; "
          f"loads {min(tl)}–{max(tl)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
