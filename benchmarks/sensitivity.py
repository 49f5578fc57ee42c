"""Leave-one-judge-out sensitivity beside the plain ranking, in the same run.

    python benchmarks/sensitivity.py [--dossiers 5000 --judges 5 --per-dossier 5] [--repeat 5]

Uses the synthetic event of ``benchmarks/rank.py`` (5,000 dossiers × 5 judges ×
7 criteria = 175,000 scores, built once through the services and cached in
benchmarks/out/; run ``rank.py`` first or let this script build it) and times:

* baseline: ``services.ranking.rank_event`` (one read of the scores, one ranking);
* sensitivity: ``services.sensitivity.leave_one_judge_out`` (one read, the raw
  ranking plus one ranking without each judge, the comparison per dossier).

It prints the median of each and their ratio.  Target: sensitivity < 3 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rank import OUT, timed  # noqa: E402
from synthetic import ACTOR, generate  # noqa: E402

from oaoi_desktop.services import events, ranking, sensitivity  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dossiers", type=int, default=5000)
    p.add_argument("--judges", type=int, default=5)
    p.add_argument("--per-dossier", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--top", type=int, default=3, help="top N per group that advance (default 3)")
    p.add_argument("--db", metavar="FILE.sqlite", help="an existing event database instead of the cached one")
    args = p.parse_args(argv)

    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("OAOI_HOME", str(OUT / "home"))
    path = OUT / f"rank-{args.dossiers}x{args.judges}x{args.per_dossier}-s{args.seed}.sqlite"
    if args.db:
        path = Path(args.db)
    elif not path.exists():
        print(f"generating {path.name} through the services (once) …", flush=True)
        tmp = path.with_suffix(".building")
        for leftover in OUT.glob(tmp.name + "*"):
            leftover.unlink()
        generate("sqlite:///" + str(tmp), n_dossiers=args.dossiers, n_judges=args.judges,
                 per_dossier=args.per_dossier, seed=args.seed)
        tmp.rename(path)

    db = Database.open("sqlite:///" + str(path))
    with db.read() as s:
        (event,) = events.list_events(s)

        def run_rank():  # type: ignore[no-untyped-def]
            return ranking.rank_event(s, event, group_by=("kategori", "kelompok"), actor=ACTOR)

        def run_sensitivity():  # type: ignore[no-untyped-def]
            return sensitivity.leave_one_judge_out(s, event, actor=ACTOR, group_by=("kategori", "kelompok"),
                                                   top_n=args.top)

        plain = run_rank()  # warm the caches the same way for both
        report = run_sensitivity()
        base = statistics.median(timed(run_rank, args.repeat))
        sens = statistics.median(timed(run_sensitivity, args.repeat))
    db.close()

    dependent = report.dependent
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}")
    print(f"rows: {len(plain)} dossiers, {len(report.judges)} judges, {len(plain.groups)} groups; "
          f"top {args.top} per group; {len(dependent)} dossiers depend on one judge "
          f"({sum(1 for r in dependent if r.pass_depends_on)} at the pass mark, "
          f"{sum(1 for r in dependent if r.advance_depends_on)} at the top-{args.top} cut)")
    print(f"plain ranking (rank_event):            {base * 1000:8.1f} ms  (median of {args.repeat})")
    print(f"sensitivity (leave_one_judge_out):     {sens * 1000:8.1f} ms  (median of {args.repeat})")
    print(f"ratio sensitivity/ranking: {sens / base:.2f}  (target: sensitivity < 3000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
