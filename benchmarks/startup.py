"""Cold start: the app's window beside a bare Qt window, in one run.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--repeat 7]

Each sample is a fresh ``python`` process (interpreter start included), timed
from the spawn to its exit (wall clock) and by the CPU time it used (user +
system, from ``getrusage``: on a shared, loaded machine the wall clock mostly
measures the queue for a core, the CPU time what the start-up costs),
alternating the kinds so that the load hits them alike:

* baseline: ``QApplication`` + ``QMainWindow``, shown, event loop entered once,
  closed (the least any Qt desktop app pays);
* app (the target): ``python -m oaoi_desktop --db <file> --quit-after 0`` on an
  up-to-date database with a secretariat account (built once, untimed):
  imports, settings, translators, the sign-in choices read with ``sqlite3``
  (store/quick.py), the main window on its sign-in page shown and painted,
  the event loop entered, closed.  Since the quick start (issue 14) the
  database layer is *not* loaded by then: it loads right after the first
  paint, in the background.  So the next figure, honestly:
* painted: both of the above again, each closed on the event loop's next turn
  after its main window's first paint event (``--quit-after 0`` closes the
  window before Qt has painted the widgets, for the baseline as for the app;
  this pair includes the first paint).
* ready: ``... --quit-after-ready 0``: the same start, then until the database
  is open (SQLAlchemy and the models imported, the stamp checked, the SQLite
  pragmas set), the feature packages' menus installed and the pages' summary
  read; closed then.  This is when the first Enter in the PIN field no longer
  waits.

``--compare-root DIR`` also times the app from another source tree (e.g. an
earlier commit unpacked with ``git archive``), in the same loop, on the same
database: a before/after measured under the same load.

Prints the medians, the ratios to the baseline, and which heavy modules the
app has imported when its sign-in window is usable (none of sqlalchemy,
reportlab, pyhanko, openpyxl, alembic, cryptography should be there).  Target
(issue 14), for the usable window: ratio <= 3 and app < 0.4 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["baseline"])
w = QMainWindow()
w.resize(1024, 700)
w.show()
QTimer.singleShot(0, app.closeAllWindows)
app.exec()
"""

HEAVY = ("sqlalchemy", "reportlab", "pyhanko", "openpyxl", "alembic", "cryptography", "pypdf")

BASELINE_PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["baseline"])
w = QMainWindow()
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.closeAllWindows)
        return False
f = Painted(); w.installEventFilter(f)
w.resize(1024, 700)
w.show()
app.exec()
"""

APP_PAINTED = """
import sys
import oaoi_desktop.app as app_module
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.instance().closeAllWindows)
        return False
f = Painted()
def run(app):
    [window] = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    window.installEventFilter(f)  # the main window's first paint: what the person sees
    return app.exec()
app_module.run_event_loop = run
sys.exit(app_module.main(["--db", {db!r}]))
"""

PROBE = """
import sys
import oaoi_desktop.app as app_module
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
def report():
    print(",".join(m for m in {heavy!r} if m in sys.modules))
    QApplication.instance().closeAllWindows()
app_module.run_event_loop = lambda app: (QTimer.singleShot(0, report), app.exec())[1]
sys.exit(app_module.main(["--db", {db!r}]))
"""


def prepare(home: Path) -> Path:
    """An up-to-date database with a secretariat account (so the sign-in page opens)."""
    os.environ["OAOI_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from oaoi_desktop.services import accounts
    from oaoi_desktop.store.database import Database
    from oaoi_desktop.store.models import Role, User

    path = home / "startup.sqlite"
    with Database.open(str(path)) as db, db.write() as s:
        s.add(User(event_id=None, name="Sekretariat Benchmark", role=Role.SECRETARIAT,
                   credential_hash=accounts.hash_secret("1234-5678")))
    return path


CPU: dict[int, list[float]] = {}
"""CPU seconds (user + system) of each timed run, by id of the list its wall time went to."""


def timed(cmd: list[str], env: dict[str, str], into: list[float] | None = None) -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # cwd: ``python -m`` puts the working folder first on sys.path; run inside the tree timed
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=env.get("PYTHONPATH") or None)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if into is not None:
        into.append(wall)
        CPU.setdefault(id(into), []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--compare-root", metavar="DIR", help="another source tree of the app, timed in the same loop")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="oaoi-startup-") as tmp:
        home = Path(tmp)
        db = prepare(home)
        env = dict(os.environ, OAOI_HOME=str(home), PYTHONPATH=str(ROOT),
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   # bytecode cached as an installed app has it (pip compiles on install),
                   # in a folder of this run, never beside the sources
                   PYTHONPYCACHEPREFIX=str(home / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_cmd = [sys.executable, "-m", "oaoi_desktop", "--db", str(db), "--quit-after", "0"]
        ready_cmd = [sys.executable, "-m", "oaoi_desktop", "--db", str(db), "--quit-after-ready", "0"]
        base_cmd = [sys.executable, "-c", BASELINE]
        base_painted_cmd = [sys.executable, "-c", BASELINE_PAINTED]
        app_painted_cmd = [sys.executable, "-c", APP_PAINTED.format(db=str(db))]
        # one untimed run of each: the page cache warm and the bytecode cache written
        timed(base_cmd, env)
        timed(app_cmd, env)
        timed(ready_cmd, env)
        timed(base_painted_cmd, env)
        timed(app_painted_cmd, env)
        other_env = dict(env, PYTHONPATH=str(Path(args.compare_root).resolve())) if args.compare_root else None
        if other_env is not None:
            timed(app_cmd, other_env)
        base: list[float] = []
        app: list[float] = []
        ready: list[float] = []
        base_painted: list[float] = []
        app_painted: list[float] = []
        other: list[float] = []
        for _ in range(args.repeat):
            timed(base_cmd, env, base)
            timed(app_cmd, env, app)
            timed(ready_cmd, env, ready)
            timed(base_painted_cmd, env, base_painted)
            timed(app_painted_cmd, env, app_painted)
            if other_env is not None:
                timed(app_cmd, other_env, other)
        probe = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY, db=str(db))], env=env,
                               check=True, capture_output=True, text=True)
        imported = probe.stdout.strip().splitlines()[-1] if probe.stdout.strip() else ""
    b, a = statistics.median(base), statistics.median(app)
    bc, ac = statistics.median(CPU[id(base)]), statistics.median(CPU[id(app)])
    print(f"machine: {platform.machine()} {platform.python_version()} cores={os.cpu_count()} "
          f"load={os.getloadavg()[0]:.1f}  repeat={args.repeat}")
    print(f"baseline  QApplication+QMainWindow  median {b * 1000:7.0f} ms  (min {min(base) * 1000:.0f})")
    print(f"app       oaoi-desktop sign-in page median {a * 1000:7.0f} ms  (min {min(app) * 1000:.0f})")
    r, rc = statistics.median(ready), statistics.median(CPU[id(ready)])
    print(f"ready     database open, menus loaded median {r * 1000:7.0f} ms  (min {min(ready) * 1000:.0f})")
    bp, ap = statistics.median(base_painted), statistics.median(app_painted)
    bpc, apc = statistics.median(CPU[id(base_painted)]), statistics.median(CPU[id(app_painted)])
    print(f"painted   baseline closed after its window's first paint  median {bp * 1000:7.0f} ms, "
          f"app after the sign-in window's first paint {ap * 1000:7.0f} ms: ratio {ap / bp:.2f} "
          f"(CPU {bpc * 1000:.0f} / {apc * 1000:.0f} ms: {apc / bpc:.2f})")
    print(f"ratio app/baseline: {a / b:.2f}  (target <= 3.0; app target < 400 ms)")
    print(f"ratio ready/baseline: {r / b:.2f}  (no target: the database loads while the person types)")
    print(f"CPU time: baseline median {bc * 1000:.0f} ms, app {ac * 1000:.0f} ms, ratio {ac / bc:.2f}; "
          f"ready {rc * 1000:.0f} ms, ratio {rc / bc:.2f}")
    if other:
        o, oc = statistics.median(other), statistics.median(CPU[id(other)])
        print(f"compare   {args.compare_root}  median {o * 1000:7.0f} ms  (min {min(other) * 1000:.0f})  "
              f"ratio to baseline {o / b:.2f}; this tree / that tree {a / o:.2f}")
        print(f"compare   CPU time {oc * 1000:.0f} ms, ratio to baseline {oc / bc:.2f}; "
              f"this tree / that tree {ac / oc:.2f}")
    print(f"heavy modules imported when the sign-in window is usable: {imported or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
