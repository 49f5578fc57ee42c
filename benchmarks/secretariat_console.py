"""Secretariat console responsiveness: the assignment matrix and the progress dashboard.

    QT_QPA_PLATFORM=offscreen python benchmarks/secretariat_console.py [--repeat 5] [--dossiers 5000 --judges 60]

Uses the 5,000-dossier × 60-judge event of ``benchmarks/assign.py`` (built
once through the services into benchmarks/out/), copied, with 3 judges per
dossier assigned by the real ``auto_assign``.  Times, in the same run:

* baseline: one plain ``SELECT dossier_id, judge_id FROM assignments`` of the event
  (the least any view of the assignments must read);
* matrix read: ``services.assignments.matrix_data`` (dossiers, judges, eligibility,
  conflicts, assignments, sheet states: 300,000 cells);
* matrix shown: the model reset + filter proxy + QTableView laid out and painted once;
* search: typing a filter that keeps 1 in 10 rows;
* one click: assign a judge through the service and update the one cell;
* progress read: ``services.status.event_progress`` (per judge and per dossier);
* poll: ``services.status.progress_stamp`` — what the dashboard's timer runs.

Prints each as milliseconds and as a ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--dossiers", type=int, default=5000, help="size of the event (default 5000; small for a smoke run)")
    p.add_argument("--judges", type=int, default=60)
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("OAOI_HOME", str(OUT / "home"))
    import oaoi_desktop.ui  # noqa: F401  (the PySide6 workaround first)  # pyflakes: ignore
    from PySide6.QtWidgets import QApplication

    import assign as assign_benchmark  # benchmarks/assign.py
    from synthetic import ACTOR  # benchmarks/synthetic.py: the secretariat account assign.build creates
    from oaoi_desktop.services import assignments, events, status
    from oaoi_desktop.services.assignments import CELL_NONE
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.store.models import Assignment
    from oaoi_desktop.ui.secretariat.matrix import AssignmentMatrixView

    source = OUT / f"assign-{args.dossiers}x{args.judges}-s1.sqlite"
    if not source.exists():
        print(f"generating {source.name} through the services (once) …", flush=True)
        assign_benchmark.build("sqlite:///" + str(source), args.dossiers, args.judges, 1)
    work = OUT / "secretariat-console.sqlite"
    shutil.copyfile(source, work)
    app = QApplication.instance() or QApplication(sys.argv)
    db = Database.open("sqlite:///" + str(work))
    actor = ACTOR
    with db.write() as s:
        (event,) = events.list_events(s)
        event_id = str(event.id)
        assignments.auto_assign(s, event, per_dossier=3, seed=1, actor=actor)

    base, read, shown, search, click, progress, poll = [], [], [], [], [], [], []
    view = AssignmentMatrixView(db, actor=actor)
    view.resize(1400, 900)
    view.show()
    for _ in range(args.repeat):
        with db.read() as s:
            t0 = time.perf_counter()
            s.execute(select(Assignment.dossier_id, Assignment.judge_id).where(
                Assignment.event_id == event.id)).all()
            base.append(time.perf_counter() - t0)
        with db.read() as s:
            t0 = time.perf_counter()
            data = assignments.matrix_data(s, events.get_event(s, event_id), actor=actor)
            read.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view.set_event(event_id, None, [("proposal", "Penilaian Proposal")])
        view.table.viewport().repaint()
        app.processEvents()
        shown.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view.search.setText("P-0001")
        app.processEvents()
        view.table.viewport().repaint()
        search.append(time.perf_counter() - t0)
        view.search.setText("")
        r, c = next((r, c) for r in range(view.model.rowCount()) for c in range(view.model.columnCount())
                    if view.model.state(r, c) == CELL_NONE)
        idx = view.proxy.mapFromSource(view.model.index(r, c))
        t0 = time.perf_counter()
        assert view.toggle(idx)
        app.processEvents()
        click.append(time.perf_counter() - t0)
        view.toggle(idx)
        with db.read() as s:
            t0 = time.perf_counter()
            result = status.event_progress(s, event.id, "proposal", actor=actor)
            progress.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            status.progress_stamp(s, event.id)
            poll.append(time.perf_counter() - t0)
    db.close()
    b = median_ms(base)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"{len(data.dossiers)} dossiers × {len(data.judges)} judges = {len(data.dossiers) * len(data.judges)} cells; "
          f"{result.assigned} assignments; median of {args.repeat}")
    for label, times in (("baseline: SELECT the assignments", base), ("matrix read (matrix_data)", read),
                         ("matrix shown (model + view)", shown), ("search filter (1 row of 10)", search),
                         ("one click: assign + cell update", click), ("progress read (event_progress)", progress),
                         ("poll (progress_stamp)", poll)):
        ms = median_ms(times)
        print(f"{label:34s} {ms:8.1f} ms   {ms / b:6.1f} × baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
