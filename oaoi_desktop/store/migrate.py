"""Running the Alembic migrations that ship inside the package.

At start-up: if the database has tables and is behind the newest schema,
it is first backed up (SQLite backup API, into the data folder's backups),
then migrated.  A database stamped with a revision this version does not
know was written by a newer app: it is refused, untouched.

On a shared PostgreSQL server several seats may start the new version at the
same moment: the migration runs under a server-wide advisory lock, and a seat
that waited for it finds the schema already current and does nothing.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from typing import TYPE_CHECKING

from oaoi_desktop import __version__, config
from oaoi_desktop.errors import DatabaseVersionError
from oaoi_desktop.store import backup

if TYPE_CHECKING:
    from alembic.config import Config

    from oaoi_desktop.store.database import Database

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")

HEAD_REVISION = "0006"
"""The newest migration's revision id, known without importing Alembic.

A database stamped with it is up to date, and start-up never imports Alembic
(a third of a second of a cold start).  tests/store/test_startup_imports.py
checks it against the migration files: a new migration must update it.
This module imports SQLAlchemy only inside its functions, so that the quick
start (:mod:`oaoi_desktop.store.quick`) reads this constant without it.
"""


def __getattr__(name: str) -> object:
    """``migrate.command`` (Alembic's commands) on first use, as when it was imported at the top."""
    if name == "command":
        from alembic import command

        return command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The schema stamp of ``db`` (None: not stamped yet), read with plain SQL.

    What Alembic's ``MigrationContext.get_current_revision`` reads, without
    importing Alembic; a table without the stamp table answers None as it does.
    """
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DBAPIError

    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).fetchall()
        except DBAPIError:
            return None
    if len(rows) > 1:  # branches: we never ship any; let Alembic judge
        return ",".join(sorted(r[0] for r in rows))
    return rows[0][0] if rows else None


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def refuse_newer_sqlite(path: Path, display: str) -> None:
    """Read the schema stamp of a SQLite file read-only; refuse a newer one.

    Done before the engine connects, because connecting switches the journal
    mode, which would already write to a file we must leave untouched.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return  # check_readable reports it with a clear message
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        row = None  # no stamp yet, or not a database: handled later
    finally:
        con.close()
    if row and row[0] != HEAD_REVISION and row[0] not in known_revisions():
        raise DatabaseVersionError(
            "store.newer_database", path=display, revision=row[0], app_version=__version__
        )


MIGRATION_LOCK_KEY = 0x0A0A_0001
"""PostgreSQL advisory lock held while one seat migrates the shared database."""


@contextlib.contextmanager
def _migration_lock(db: Database) -> Iterator[None]:
    if db.is_sqlite:
        yield  # SQLite: the migration's own write transaction is the lock
        return
    from sqlalchemy import text

    with db.engine.connect() as conn:
        conn.execute(text("SET lock_timeout = 0"))  # wait for the migrating seat however long it takes
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            conn.execute(text("RESET lock_timeout"))
            conn.commit()


def upgrade(db: Database, *, backup_first: bool = True) -> bool:
    """Bring ``db`` to the newest schema; returns True if anything ran."""
    from oaoi_desktop.store.readable import check_readable

    check_readable(db)
    if current_revision(db) == HEAD_REVISION:
        return False  # up to date: decided without importing Alembic
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current_revision(db) == head:
        return False
    with _migration_lock(db):
        return _upgrade_locked(db, head, backup_first=backup_first)


def _upgrade_locked(db: Database, head: str | None, *, backup_first: bool) -> bool:
    current = current_revision(db)
    if current == head:
        return False  # another seat migrated it while we waited
    if current is not None and current not in known_revisions():
        raise DatabaseVersionError(
            "store.newer_database", path=db.display_name, revision=current, app_version=__version__
        )
    path = db.sqlite_path
    if backup_first and path is not None and path.exists():
        from sqlalchemy import inspect

        with db.engine.connect() as conn:
            has_tables = bool(inspect(conn).get_table_names())
        if has_tables:
            target = backup.rotating_backup(path, config.backup_dir(), "pre-migrate", keep=5)
            log.info("backed up %s to %s before migrating", path, target)
    from alembic import command

    try:
        run_alembic(db, command.upgrade, "head")
    except Exception as exc:  # [lan] a LAN seat's role may not change the schema: the admin upgrades first
        if getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501":
            from oaoi_desktop.errors import OaoiError

            raise OaoiError("lan.seat.cannot_upgrade", database=db.display_name) from exc
        raise
    _stamp_meta(db)
    return True


def downgrade(db: Database, revision: str) -> None:
    """Take ``db`` back to ``revision`` (for tests and for undoing a release)."""
    from alembic import command

    run_alembic(db, command.downgrade, revision)


def run_alembic(db: Database, step: Callable[[Config, str], None], revision: str) -> None:
    cfg = alembic_config()
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection  # no transaction is open on it yet
        if db.is_sqlite:
            # Recreating a parent table in a batch migration would cascade
            # deletes into child rows with foreign keys on (DESIGN.md).  The
            # pragma is a no-op inside a transaction: set it on the DBAPI
            # connection before SQLAlchemy begins one.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg.attributes["connection"] = conn
            step(cfg, revision)
            conn.commit()
            if db.is_sqlite:
                problems = raw.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
        finally:
            if db.is_sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _stamp_meta(db: Database) -> None:
    from oaoi_desktop.store.models import AppMeta

    with db.write() as s:
        row = s.get(AppMeta, "last_migrated_by")
        if row is None:
            s.add(AppMeta(key="last_migrated_by", value=__version__))
        else:
            row.value = __version__
