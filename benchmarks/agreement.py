"""Agreement statistics speed on the ranking benchmark's event.

    python benchmarks/agreement.py [--dossiers 5000 --judges 5 --per-dossier 5] [--repeat 5]

Uses (or builds once, through the services, like benchmarks/rank.py) the
synthetic event in benchmarks/out/ — by default 5,000 dossiers × 5 judges ×
7 criteria = 175,000 scores — and times ``services.agreement.event_agreement``:
one read of every criterion score, Krippendorff's alpha and the ICCs for the
7 criteria and the totals, leave-one-out judge bias, and the spread of every
dossier.  Also times ``krippendorff.alpha`` (numpy) on the totals for scale,
when that package is installed.  Target: under 2 s.
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

from synthetic import ACTOR, generate  # noqa: E402

from oaoi_desktop.services import agreement, events  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dossiers", type=int, default=5000)
    p.add_argument("--judges", type=int, default=5)
    p.add_argument("--per-dossier", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("OAOI_HOME", str(OUT / "home"))
    path = OUT / f"rank-{args.dossiers}x{args.judges}x{args.per_dossier}-s{args.seed}.sqlite"
    if not path.exists():
        print(f"generating {path.name} through the services (once) …", flush=True)
        tmp = path.with_suffix(".building")
        for leftover in OUT.glob(tmp.name + "*"):
            leftover.unlink()
        generate("sqlite:///" + str(tmp), n_dossiers=args.dossiers, n_judges=args.judges,
                 per_dossier=args.per_dossier, seed=args.seed)
        tmp.rename(path)
    db = Database.open("sqlite:///" + str(path))
    times = []
    with db.read() as s:
        (event,) = events.list_events(s)
        report = agreement.event_agreement(s, event, actor=ACTOR)  # warm the page cache
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            report = agreement.event_agreement(s, event, actor=ACTOR)
            times.append(time.perf_counter() - t0)
    db.close()
    total = report.item(agreement.TOTAL)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"{report.n_dossiers} dossiers, {report.n_judges} judges, {report.n_sheets} sheets; "
          f"alpha(total) {float(total.alpha):.4f}; ICC(1,k) {float(total.icc.icc1_k or 0):.4f}; "
          f"flagged judges {len(report.flagged_judges)}, flagged dossiers {len(report.flagged_dossiers)}")
    print(f"event_agreement: {statistics.median(times) * 1000:8.1f} ms  (median of {args.repeat}; target < 2000 ms)")
    try:
        import numpy as np
        import krippendorff
    except ImportError:
        return 0
    judges = sorted({j for j in (r.judge_id for r in report.judges)})
    # the same totals as a judges × dossiers matrix, for the numpy reference
    with Database.open("sqlite:///" + str(path)) as db2, db2.read() as s:
        from oaoi_desktop.services import ranking

        (event,) = events.list_events(s)
        totals = ranking.sheet_totals(s, event, events.event_rubric(s, event), actor=ACTOR)
    dossiers = sorted({t.dossier_id for t in totals})
    di = {d: i for i, d in enumerate(dossiers)}
    ji = {j: i for i, j in enumerate(judges)}
    m = np.full((len(judges), len(dossiers)), np.nan)
    for t in totals:
        m[ji[t.judge_id], di[t.dossier_id]] = float(t.total)
    t0 = time.perf_counter()
    ref = krippendorff.alpha(reliability_data=m, level_of_measurement="interval")
    print(f"krippendorff.alpha (numpy, totals only): {(time.perf_counter() - t0) * 1000:8.1f} ms; "
          f"alpha {ref:.4f} (ours {float(total.alpha):.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
