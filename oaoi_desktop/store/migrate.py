"""Running the Alembic migrations that ship inside the package.

At start-up: if the database has tables and is behind the newest schema,
it is first backed up (SQLite backup API, into the data folder's backups),
then migrated.  A database stamped with a revision this version does not
know was written by a newer app: it is refused, untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from oaoi_desktop import __version__, config
from oaoi_desktop.errors import DatabaseVersionError
from oaoi_desktop.store import backup

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(db) -> str | None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db, *, backup_first: bool = True) -> bool:  # type: ignore[no-untyped-def]
    """Bring ``db`` to the newest schema; returns True if anything ran."""
    from oaoi_desktop.store.database import check_readable

    check_readable(db)
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(db)
    head = script.get_current_head()
    if current == head:
        return False
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseVersionError(
            "store.newer_database", path=db.display_name, revision=current, app_version=__version__
        )
    path = db.sqlite_path
    if backup_first and path is not None and path.exists():
        with db.engine.connect() as conn:
            has_tables = bool(inspect(conn).get_table_names())
        if has_tables:
            target = backup.rotating_backup(path, config.backup_dir(), "pre-migrate", keep=5)
            log.info("backed up %s to %s before migrating", path, target)
    cfg = alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # Recreating a parent table in a batch migration would cascade
            # deletes into child rows with foreign keys on (DESIGN.md).
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if db.is_sqlite:
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
    _stamp_meta(db)
    return True


def _stamp_meta(db) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.store.models import AppMeta

    with db.write() as s:
        row = s.get(AppMeta, "last_migrated_by")
        if row is None:
            s.add(AppMeta(key="last_migrated_by", value=__version__))
        else:
            row.value = __version__
