"""Ranking speed against the floor of one raw SQL query.

    python benchmarks/rank.py [--dossiers 5000 --judges 5 --per-dossier 5] [--repeat 7]

Builds (once, cached in benchmarks/out/) a synthetic event through the real
services — by default 5,000 dossiers × 5 judges × 7 criteria = 175,000
scores — then times, in the same run:

* floor: one raw SQL query ``SELECT dossier, judge, SUM(score × weight) …
  GROUP BY dossier, judge`` over the same rows;
* full ranking: ``services.ranking.rank_event`` — the database sums each
  sheet exactly, the domain aggregates (the rubric's trimmed mean), applies
  knock-outs and tie-breaks (fetching criterion scores as needed), ranks per
  kategori × kelompok and writes the trace.

It prints the median of each and their ratio.  Target: ratio ≤ 3 and the full
ranking under 1 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ACTOR, generate  # noqa: E402

from oaoi_desktop.services import events, ranking  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def floor_query(rubric) -> str:  # type: ignore[no-untyped-def]
    weights = " ".join(f"WHEN '{c.id}' THEN {c.weight}" for c in rubric.first_stage.criteria)
    return (
        "SELECT ss.dossier_id, ss.judge_id, SUM(sc.value_milli * CASE sc.criterion_id "
        f"{weights} ELSE 0 END) FROM scores sc JOIN score_sheets ss ON sc.sheet_id = ss.id "
        "WHERE ss.event_id = :event GROUP BY ss.dossier_id, ss.judge_id"
    )


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dossiers", type=int, default=5000)
    p.add_argument("--judges", type=int, default=5)
    p.add_argument("--per-dossier", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=7)
    args = p.parse_args(argv)

    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("OAOI_HOME", str(OUT / "home"))
    path = OUT / f"rank-{args.dossiers}x{args.judges}x{args.per_dossier}-s{args.seed}.sqlite"
    if not path.exists():
        print(f"generating {path.name} through the services (once) …", flush=True)
        t0 = time.perf_counter()
        tmp = path.with_suffix(".building")
        for leftover in OUT.glob(tmp.name + "*"):
            leftover.unlink()
        generate("sqlite:///" + str(tmp), n_dossiers=args.dossiers, n_judges=args.judges,
                 per_dossier=args.per_dossier, seed=args.seed)
        tmp.rename(path)
        print(f"  generated in {time.perf_counter() - t0:.0f} s", flush=True)

    db = Database.open("sqlite:///" + str(path))
    with db.read() as s:
        (event,) = events.list_events(s)
        rubric = events.event_rubric(s, event)
        n_scores = s.execute(text("SELECT COUNT(*) FROM scores")).scalar()
        sql = text(floor_query(rubric))
        params = {"event": event.id.hex}

        def run_floor() -> int:
            return len(s.execute(sql, params).all())

        def run_rank():  # type: ignore[no-untyped-def]
            return ranking.rank_event(s, event, group_by=("kategori", "kelompok"), actor=ACTOR)

        assert run_floor() == args.dossiers * args.per_dossier
        result = run_rank()  # warm caches the same way for both
        run_floor()
        floor = statistics.median(timed(run_floor, args.repeat))
        full = statistics.median(timed(run_rank, args.repeat))
    db.close()

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}")
    print(f"rows: {args.dossiers} dossiers × {args.per_dossier} judges × {len(rubric.first_stage.criteria)} "
          f"criteria = {n_scores} scores; groups {len(result.groups)}; trace entries {len(result.trace)}; "
          f"chair ties {len(result.chair_ties)}")
    print(f"floor (one raw SQL GROUP BY query): {floor * 1000:8.1f} ms  (median of {args.repeat})")
    print(f"full ranking (rank_event):          {full * 1000:8.1f} ms  (median of {args.repeat})")
    print(f"ratio full/floor: {full / floor:.2f}  (target ≤ 3.00; full ranking target < 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
