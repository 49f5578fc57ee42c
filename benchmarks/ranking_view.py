"""The ranking view recomputing 5,000 dossiers, against the ranking service alone.

    python benchmarks/ranking_view.py [--dossiers 5000 --judges 5 --per-dossier 5] [--repeat 5]

Uses (or builds once, through the services) the synthetic event of
benchmarks/rank.py in benchmarks/out/ — by default 5,000 dossiers × 5 judges
× 7 criteria = 175,000 scores.  Opens the real :class:`RankingView` on Qt's
offscreen platform, shown at 1400×900, and times in the same run (median of
``--repeat``):

* baseline: ``services.ranking.rank_event`` alone (what ``oaoi rank`` computes);
* switch method: choosing another method in the view's combo box until the
  view shows it (a worker thread ranks an event this size) — the view's
  service call (one read of the scores, the ranking, dossier metadata, the
  plenary's adjusted result), the model reset, the group list, the summary,
  and the events that paint the visible rows;
* compare: the same with the comparison on (two rankings from one read);
* N changed: the "moves more than N places" spin box re-marks 5,000 rows
  (no ranking again);
* filter: one key typed in the search box.

Target (issue 5): the view recomputes 5,000 dossiers in under 1 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ACTOR, generate  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for i in range(repeat):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return times


def wait_shown(view) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop

    if not view.busy:
        return
    loop = QEventLoop()
    view.ranking_shown.connect(loop.quit)
    view.summary.destroyed.connect(loop.quit)
    if view.busy:
        loop.exec()
    view.ranking_shown.disconnect(loop.quit)


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

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from oaoi_desktop.services import events, ranking
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.ui import language
    from oaoi_desktop.ui.results.ranking_view import RankingView

    app = QApplication.instance() or QApplication([])
    language.install_language("id")
    db = Database.open("sqlite:///" + str(path))
    with db.read() as s:
        (event,) = events.list_events(s)
        event_id = event.id
        ranking.rank_event(s, event, actor=ACTOR)  # warm the page cache

        def run_service(_i: int) -> None:
            ranking.rank_event(s, event, actor=ACTOR)

        baseline = statistics.median(timed(run_service, args.repeat))

    t0 = time.perf_counter()
    view = RankingView(db, event_id, actor=ACTOR)
    view.resize(1400, 900)
    view.show()
    wait_shown(view)
    app.processEvents()
    first_open = time.perf_counter() - t0
    methods = ["mean", "median", "trimmed_mean", "zscore_mean"]

    def settle() -> None:
        """Until the view shows the new ranking (large events are ranked in a worker thread).

        An event loop, as in the app (``exec`` leaves the GIL to the worker while it waits).
        """
        wait_shown(view)
        QCoreApplication.processEvents()

    blocked: list[float] = []

    def switch(i: int) -> None:
        t = time.perf_counter()
        view.method_box.setCurrentIndex(view.method_box.findData(methods[(i + 1) % 4]))
        blocked.append(time.perf_counter() - t)
        settle()

    switch_t = timed(switch, args.repeat)
    view.set_method("trimmed_mean")
    settle()
    view.compare_box.setCurrentIndex(view.compare_box.findData("median"))
    view.compare_check.setChecked(True)
    settle()

    def compare(i: int) -> None:
        view.compare_box.setCurrentIndex(view.compare_box.findData(["mean", "median"][i % 2]))
        settle()

    compare_t = timed(compare, args.repeat)

    def moves(i: int) -> None:
        view.moves_spin.setValue(1 + i % 3)
        QCoreApplication.processEvents()

    moves_t = timed(moves, args.repeat)

    def filt(i: int) -> None:
        view.search.setText("" if i % 2 else "P-01")
        QCoreApplication.processEvents()

    filter_t = timed(filt, args.repeat)
    rows = view.model.rowCount()
    marked = view.model.marked_count()
    view.close()
    db.close()

    med = statistics.median
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, Qt offscreen")
    print(f"rows: {rows} dossiers ({args.per_dossier} judges each, 7 criteria); marked in comparison: {marked}")
    print(f"baseline rank_event (service alone):    {baseline * 1000:8.1f} ms  (median of {args.repeat})")
    print(f"view opened (first ranking):            {first_open * 1000:8.1f} ms")
    print(f"view: switch method, recompute + paint: {med(switch_t) * 1000:8.1f} ms  "
          f"ratio {med(switch_t) / baseline:.2f}  (target < 1000 ms)")
    print(f"   GUI thread busy during the switch:   {med(blocked) * 1000:8.1f} ms  (the rest runs in a worker)")
    print(f"view: comparison of two methods:        {med(compare_t) * 1000:8.1f} ms  ratio {med(compare_t) / baseline:.2f}")
    print(f"view: N changed (re-mark 5,000 rows):   {med(moves_t) * 1000:8.1f} ms")
    print(f"view: one key in the search box:        {med(filter_t) * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
