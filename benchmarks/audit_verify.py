"""``oaoi audit verify`` on a big event: chain, score replay and the whole result state.

    python benchmarks/audit_verify.py --dossiers 1000 --judges 5 --per-dossier 3 --repeat 3

Builds (or reuses, with ``--db``) a seeded synthetic event through the real
services (``benchmarks/synthetic.py``), then times ``audit_verify.verify_event``
(what ``oaoi audit verify --event`` runs) and, separately, the chain check alone
as the baseline (hashing every entry is the floor any verification pays).
Prints the median of ``--repeat`` runs and the ratio to the baseline.
Runs against whatever ``oaoi_desktop`` is on PYTHONPATH, so the same script
measures an older checkout for a before/after figure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import select  # noqa: E402

from oaoi_desktop.services import audit_verify  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from oaoi_desktop.store.models import Event  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dossiers", type=int, default=1000)
    p.add_argument("--judges", type=int, default=5)
    p.add_argument("--per-dossier", type=int, default=3)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--db", help="an existing database (sqlite:///... ) with one event; built when missing")
    args = p.parse_args(argv)
    url = args.db
    import synthetic  # type: ignore[import-not-found]

    actor = synthetic.ACTOR  # the generator's secretariat account (reading the log is the secretariat's)
    if url is None or not Path(url.removeprefix("sqlite:///")).exists():

        url = url or "sqlite:///" + str(Path(tempfile.mkdtemp(prefix="oaoi-bench-")) / "audit.sqlite")
        t0 = time.perf_counter()
        synthetic.generate(url, n_dossiers=args.dossiers, n_judges=args.judges, per_dossier=args.per_dossier)
        print(f"built {url} in {time.perf_counter() - t0:.1f} s")
    db = Database.open(url, backup_first=False)
    with db.read() as s:
        event_id = s.scalar(select(Event.id).order_by(Event.created_at))

    def chain_only() -> None:
        with db.read() as s:
            audit_verify.verify_event(s, str(event_id), replay_scores=False, actor=actor)

    def full() -> audit_verify.VerifyReport:
        with db.read() as s:
            return audit_verify.verify_event(s, str(event_id), actor=actor)

    report = full()
    assert report.ok, [p.render("en") for p in report.problems]
    times: dict[str, list[float]] = {"chain": [], "full": []}
    for _ in range(args.repeat):
        for name, fn in (("chain", chain_only), ("full", full)):
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    chain, whole = statistics.median(times["chain"]), statistics.median(times["full"])
    print(f"entries {report.entries}, sheets {report.sheets_checked}, scores {report.scores_checked}, "
          f"state checked: {getattr(report, 'state_checked', False)}")
    print(f"baseline: chain only          {chain * 1000:8.0f} ms")
    print(f"verify_event (what the CLI runs) {whole * 1000:5.0f} ms  ratio {whole / chain:.2f}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
