"""Test set-up shared by every test package.

* Qt runs headless (``QT_QPA_PLATFORM=offscreen``) unless a display is asked for.
* Each test gets its own data folder (``OAOI_HOME``) so nothing touches the
  real user's database, backups or device id; ``OAOI_DB`` is cleared.
* Hypothesis profiles: ``dev`` (default, quick), ``ci`` (used by .ci/run via
  ``HYPOTHESIS_PROFILE=ci``: bounded, derandomised), ``full`` (long campaigns).
* ``--run-slow`` runs the tests marked ``slow``.
* Database-facing tests run on both stores: under ``tests/store`` and
  ``tests/services`` every test that uses the ``db_url``/``db`` fixtures runs
  once on a SQLite file (``[sqlite]``) and once on PostgreSQL
  (``[postgresql]``, marker ``postgres``), each PostgreSQL test on its own fresh
  database cloned from a template migrated once per session.  The server is
  named by ``OAOI_TEST_PG_URL`` (``scripts/test`` starts a throw-away cluster
  and sets it); without it the PostgreSQL variants are skipped, with the reason
  shown — unless ``OAOI_REQUIRE_PG=1`` (CI), where that is a failure.
  A test that is about SQLite itself says so with ``@pytest.mark.sqlite_only``;
  one about PostgreSQL itself with ``@pytest.mark.postgres`` (runs only there).
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Before pytest-qt makes its first Qt call: the guarded workaround for the
# PySide6 6.12.0 reference-count bug on CPython 3.11 (see ui/pyside_refcount.py).
import oaoi_desktop.ui  # noqa: E402,F401
os.environ.setdefault("OAOI_LANG", "id")

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("full", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False, help="run tests marked slow")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself; not run on PostgreSQL")
    config.addinivalue_line("markers", "no_secretariat: the database starts without the tests' secretariat account")


BOTH_DATABASES = ("tests/store/", "tests/services/", "tests/cli/test_cli.py")
"""Test folders whose database-facing tests run on SQLite and on PostgreSQL."""


SQLITE_ONLY = frozenset({
    # the file home of attachments beside a SQLite file, and SQLite's own pragmas and backups
    "tests/store/test_blobs.py::" + name for name in (
        "test_blob_store_for_a_sqlite_file_is_files_beside_it", "test_file_store_puts_once_under_the_hash",
        "test_staging_hashes_while_streaming_and_keeps_the_first_bytes", "test_staging_over_the_cap_leaves_nothing",
        "test_a_source_failing_mid_read_leaves_nothing", "test_cancel_between_chunks_leaves_nothing",
        "test_a_rolled_back_transaction_forgets_the_files_it_placed",
        "test_sweep_removes_files_without_rows_and_old_staging_files", "test_unknown_or_malformed_hashes_are_missing",
        "test_empty_content_is_stored_in_both_homes", "test_staging_without_sync_then_syncing_only_new_content",
    )
}) | frozenset({
    "tests/store/test_database.py::" + name for name in (
        "test_sqlite_pragmas_wal_foreign_keys_busy_timeout", "test_database_on_a_removable_drive_never_uses_wal",
        "test_backup_api_copy_includes_what_is_still_in_the_wal", "test_rotating_backup_keeps_only_the_newest",
    )
}) | frozenset({
    "tests/store/test_staging.py::test_a_run_folder_is_removed_whole_and_stale_ones_are_swept",
    "tests/store/test_staging.py::test_storing_inserts_each_blob_row_once",
    "tests/services/test_imports.py::test_the_database_home_imports_on_sqlite_too",
    "tests/services/test_imports.py::test_reimporting_restores_content_deleted_from_the_store",
    "tests/services/test_imports_workers.py::test_worker_processes_with_the_database_home",
}) | frozenset({
    # Hostile-input campaigns and worker-process plumbing: the database plays no part beyond what
    # the other import tests cover on PostgreSQL; run once, on SQLite, to keep the suite short.
    "tests/services/test_imports_properties.py",
    "tests/services/test_imports_workers.py::test_cancel_stops_the_worker_processes_and_leaves_nothing_behind",
    "tests/services/test_imports_workers.py::test_a_killed_worker_process_costs_nothing_but_time",
    "tests/services/test_imports_workers.py::test_a_candidate_a_worker_cannot_take_is_read_here",
})
"""Tests (``path::name``) or modules run on SQLite only: written before PostgreSQL joined and about
SQLite itself, or kept to one run for time.  New tests say so with ``@pytest.mark.sqlite_only``."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" not in metafunc.fixturenames:
        return
    if any(m.name == "parametrize" and "db_backend" in str(m.args[0]) for m in metafunc.definition.iter_markers()):
        return
    rel = Path(metafunc.definition.path).resolve().relative_to(Path(__file__).resolve().parent.parent)
    if not rel.as_posix().startswith(BOTH_DATABASES):
        return
    if metafunc.definition.get_closest_marker("postgres") is not None:
        # a test about PostgreSQL itself (test_pg_*.py): only there
        metafunc.parametrize("db_backend", ["postgresql"], indirect=True, scope="function")
        return
    params: list[object] = ["sqlite"]
    sqlite_only = (metafunc.definition.get_closest_marker("sqlite_only") is not None
                   or rel.as_posix() in SQLITE_ONLY
                   or f"{rel.as_posix()}::{metafunc.function.__name__}" in SQLITE_ONLY)
    if not sqlite_only:
        params.append(pytest.param("postgresql", marks=pytest.mark.postgres))
    metafunc.parametrize("db_backend", params, indirect=True, scope="function")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("oaoi-home")
    monkeypatch.setenv("OAOI_HOME", str(home))
    monkeypatch.delenv("OAOI_DB", raising=False)
    monkeypatch.delenv("OAOI_PIN", raising=False)
    monkeypatch.delenv("OAOI_OPERATOR", raising=False)
    monkeypatch.delenv("OAOI_NEW_PIN", raising=False)
    monkeypatch.delenv("OAOI_PASSPHRASE", raising=False)
    from oaoi_desktop import i18n

    i18n.set_language("id")
    return home


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql`` (both under tests/store and tests/services; else SQLite)."""
    return getattr(request, "param", "sqlite")


class PostgresServer:
    """The test server: a template database migrated once, a fresh copy per test."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.base = make_url(url)
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self.prefix = f"oaoi_test_{os.getpid()}"
        self.template: str | None = None
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        self._version: int | None = None

    @property
    def version(self) -> int:
        if self._version is None:
            from sqlalchemy import text

            with self.admin.connect() as conn:
                self._version = int(conn.execute(text("SHOW server_version_num")).scalar_one())
        return self._version

    def url_of(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def _sql(self, statement: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(statement))

    def empty_database(self) -> str:
        """A new database with nothing in it (for migration tests); returns its name."""
        name = f"{self.prefix}_{next(self._counter)}"
        self._sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def fresh_database(self) -> str:
        """A new database at the newest schema (a copy of the migrated template)."""
        with self._lock:
            if self.template is None:
                from oaoi_desktop.store.database import Database

                name = self.empty_database()
                Database.open(self.url_of(name), backup_first=False).close()
                self.template = name
        name = f"{self.prefix}_{next(self._counter)}"
        # PostgreSQL 15+: copying the template's files is ~5x faster than WAL-logging a small database
        strategy = " STRATEGY FILE_COPY" if self.version >= 150000 else ""
        self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"{strategy}')
        return name

    def drop(self, name: str) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self.template is not None:
            self.drop(self.template)
        self.admin.dispose()


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server of ``OAOI_TEST_PG_URL``; skips (or fails, with OAOI_REQUIRE_PG=1) without one."""
    url = os.environ.get("OAOI_TEST_PG_URL", "")
    required = os.environ.get("OAOI_REQUIRE_PG") == "1"
    if not url:
        reason = ("PostgreSQL tests need a server: OAOI_TEST_PG_URL is not set "
                  "(./scripts/test starts a throw-away one when PostgreSQL can be installed and run)")
        if required:
            pytest.fail(reason + " and OAOI_REQUIRE_PG=1", pytrace=False)
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        reason = "PostgreSQL tests need psycopg 3 (pyproject: psycopg[binary]); it is not installed"
        if required:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    try:
        server = PostgresServer(url)
        server._sql("SELECT 1")
    except Exception as exc:  # no server, refused, bad credentials
        reason = f"PostgreSQL at OAOI_TEST_PG_URL cannot be reached: {exc}"
        if required:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    yield server
    server.close()


@pytest.fixture
def db_url(db_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if db_backend == "sqlite":
        yield "sqlite:///" + str(tmp_path / "test.sqlite")
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = server.fresh_database()
    yield server.url_of(name)
    server.drop(name)


@pytest.fixture
def db(db_url: str):
    from oaoi_desktop.store.database import Database

    database = Database.open(db_url)
    yield database
    database.close()
