"""Start fast (issue 14): the GUI's start-up path imports no heavy library, and an
up-to-date database is recognised without Alembic.

Not a timing test (benchmarks/startup.py measures): these assert *what* is
imported, in a fresh interpreter, so a new top-level import of reportlab,
pyHanko, openpyxl, Alembic or cryptography on the start-up path fails here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from oaoi_desktop.store import migrate
from oaoi_desktop.store.database import Database

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "pyhanko", "openpyxl", "alembic", "cryptography")
LAZY = ("oaoi_desktop.ui.judge.workspace", "oaoi_desktop.ui.reader", "oaoi_desktop.ui.secretariat.console",
        "oaoi_desktop.ui.secretariat.wizard", "oaoi_desktop.ui.dossier_browser", "oaoi_desktop.ui.importing",
        "oaoi_desktop.services.paper", "oaoi_desktop.reports.forms")
"""The app's own modules a window on its sign-in page does not need (loaded on first use)."""


def _imported_after(code: str, tmp_path: Path, *, full: bool = False) -> list[str]:
    names = "sys.modules" if full else "{m.split('.')[0] for m in sys.modules}"
    probe = code + f"\nimport json, sys\nprint(json.dumps(sorted({names})))\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT), OAOI_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_main_window_module_imports_no_heavy_library(tmp_path: Path) -> None:
    loaded = _imported_after("import oaoi_desktop.app, oaoi_desktop.ui.main_window", tmp_path)
    assert "PySide6" in loaded and "oaoi_desktop" in loaded  # the probe did import the app
    assert [m for m in HEAVY if m in loaded] == []
    assert "sqlalchemy" not in loaded  # the window comes before the database layer (quick start)


QUICK_PROBE = """
import json, sys
from oaoi_desktop import app
seen = {{}}

def run(qt_app):
    [window] = [w for w in qt_app.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    window.repaint()  # painted: what the person sees now
    seen["modules"] = sorted(sys.modules)
    seen["page"] = window.gate_stack.currentWidget().objectName()
    seen["names"] = [window.sign_in_page.name_combo.itemText(i)
                     for i in range(window.sign_in_page.name_combo.count())]
    seen["ready"] = window.is_ready()
    window.close()
    return 0

app.run_event_loop = run
status = app.main(["--db", {db!r}])
print(json.dumps(dict(seen, status=status)))
"""


def _quick_start_probe(tmp_path: Path, db: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OAOI_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", QUICK_PROBE.format(db=str(db))], env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_sign_in_window_is_shown_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    """The target of issue 14 ("start fast") kept from rotting: on an up-to-date database with
    its accounts, the app shows (and paints) its sign-in window with the names to choose from
    before SQLAlchemy, our models or any service is imported."""
    from support.builders import ACTOR, ensure_secretariat

    path = tmp_path / "oaoi.sqlite"
    with Database.open(str(path)) as db:
        ensure_secretariat(db)
    seen = _quick_start_probe(tmp_path, path)
    assert seen["status"] == 0
    assert seen["page"] == "sign_in_page" and seen["names"] == [ACTOR.name]
    assert seen["ready"] is False  # shown before the database was opened
    modules = seen["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.split(".")[0] in (*HEAVY, "sqlalchemy")] == []
    assert [m for m in modules if m.startswith(("oaoi_desktop.services", "oaoi_desktop.store.models",
                                                 "oaoi_desktop.store.database"))] == []
    # the log file rotates without logging.handlers (socket, pickle, queue: ~10 ms of the start)
    assert "logging.handlers" not in modules and "socket" not in modules


def test_a_first_run_database_still_opens_before_the_window(tmp_path: Path) -> None:
    """No account yet: the first-run dialog needs the open database, so it is opened first."""
    path = tmp_path / "oaoi.sqlite"
    Database.open(str(path)).close()
    seen = _quick_start_probe(tmp_path, path)
    assert seen["status"] == 0 and seen["ready"] is True
    modules = seen["modules"]
    assert isinstance(modules, list) and "sqlalchemy" in modules


def test_opening_an_up_to_date_database_and_the_window_imports_no_heavy_library(tmp_path: Path) -> None:
    path = tmp_path / "oaoi.sqlite"
    Database.open(str(path)).close()  # created and migrated here, in the test's process
    code = (
        "from oaoi_desktop.app import application\n"
        "from oaoi_desktop.store.database import Database\n"
        "from oaoi_desktop.ui.main_window import MainWindow\n"
        "from oaoi_desktop.ui.settings import Settings\n"
        "app = application()\n"
        f"db = Database.open({str(path)!r})\n"
        "w = MainWindow(db, Settings.open())\n"
        "w.show(); app.processEvents(); w.close(); db.close()\n"
    )
    loaded = _imported_after(code, tmp_path, full=True)
    assert "oaoi_desktop.ui.main_window" in loaded
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []
    assert [m for m in LAZY if m in loaded] == []


def _revisions_in_files() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files' text."""
    found: dict[str, str | None] = {}
    for f in sorted((migrate.MIGRATIONS / "versions").glob("*.py")):
        text = f.read_text(encoding="utf-8")
        rev = re.search(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", text, re.M)
        down = re.search(r"^down_revision\s*(?::[^=]*)?=\s*(None|['\"]([^'\"]+)['\"])", text, re.M)
        assert rev and down, f"{f.name}: revision/down_revision not found"
        found[rev.group(1)] = down.group(2)
    return found


def test_head_revision_constant_names_the_newest_migration_file() -> None:
    revs = _revisions_in_files()
    parents = {d for d in revs.values() if d is not None}
    heads = [r for r in revs if r not in parents]
    assert heads == [migrate.HEAD_REVISION], (
        "a migration was added: set store/migrate.py HEAD_REVISION to the new head"
    )
    assert migrate.head_revision() == migrate.HEAD_REVISION  # Alembic agrees


def test_current_revision_reads_the_stamp_without_alembic(tmp_path: Path) -> None:
    with Database.open(str(tmp_path / "a.sqlite")) as db:
        assert migrate.current_revision(db) == migrate.HEAD_REVISION
        assert migrate.upgrade(db) is False
    with Database.open(str(tmp_path / "empty.sqlite"), migrate=False) as empty:
        assert migrate.current_revision(empty) is None


def test_an_older_database_is_still_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Database.open(str(path)) as db:
        migrate.downgrade(db, "0004")
        assert migrate.current_revision(db) == "0004"
    with Database.open(str(path)) as db:
        assert migrate.current_revision(db) == migrate.HEAD_REVISION


@pytest.mark.parametrize("stamp", ["9999"])
def test_a_newer_database_is_still_refused(tmp_path: Path, stamp: str) -> None:
    from sqlalchemy import text

    from oaoi_desktop.errors import DatabaseVersionError

    path = tmp_path / "new.sqlite"
    with Database.open(str(path)) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": stamp})
    with pytest.raises(DatabaseVersionError):
        Database.open(str(path))
