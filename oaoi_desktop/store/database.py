"""Opening the store: engine set-up, migrations at start-up, units of work.

``Database.open(url)`` makes the engine (SQLite: WAL unless the file is on a
removable drive, foreign keys on, a busy timeout), backs the file up and
migrates it to the newest schema, and refuses a database written by a newer
version of the app (:class:`DatabaseVersionError`) without touching it.

Units of work: ``db.write()`` yields a session in a transaction that holds
the write lock from its first statement (SQLite ``BEGIN IMMEDIATE``) and
commits on success; ``db.read()`` yields a session for reading.  Each thread
uses its own session.

PostgreSQL (a panel sharing one server over a venue LAN,
``postgresql+psycopg://user:password@host:5432/db``): transactions of several
seats really overlap (READ COMMITTED).  What keeps them apart is row locks:
the audit chain's head is taken ``FOR UPDATE`` (``services/audit.py``), a
score sheet's ``version`` column refuses a stale edit (``sheet.stale``).  The
engine connects with a timeout and TCP keepalives so that a dropped network
is noticed in seconds, waits at most :data:`LOCK_TIMEOUT_MS` for another
seat's lock (as SQLite's busy timeout does), and a lost server or a
transaction the server had to abort surfaces as an :class:`OaoiError` with a
clear message (``lan.connection_lost`` / ``lan.retry``), not a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from oaoi_desktop import config
from oaoi_desktop.errors import DatabaseVersionError, OaoiError
from oaoi_desktop.store import backup, removable
from oaoi_desktop.store.readable import check_readable, first_line

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
"""PostgreSQL: how long a statement waits for another seat's row lock."""
CONNECT_TIMEOUT_S = 10
"""PostgreSQL: how long to try reaching the server before giving up."""


def _install_sqlite_hooks(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own
        # implicit BEGIN cannot be made IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if wal:
            cur.execute("PRAGMA journal_mode = WAL")
        else:
            cur.execute("PRAGMA journal_mode = DELETE")
        cur.execute("PRAGMA synchronous = NORMAL" if wal else "PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """One open store (SQLite file or PostgreSQL server)."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        write_engine = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        self._write = sessionmaker(bind=write_engine, expire_on_commit=False)
        if not self.is_sqlite:
            # SQLite stores an over-long text as it is; a server refuses it with a
            # DataError.  Refuse it before the flush, with the table and field named.
            event.listen(self._write, "before_flush", _refuse_overlong_text)

    # -- opening ---------------------------------------------------------
    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True, backup_first: bool = True) -> "Database":
        """Open (creating if needed) and migrate the database at ``url``."""
        url = with_driver(config.resolve_db_url(url))
        if migrate:
            from oaoi_desktop.store import migrate as migrations

            parsed = make_url(url)
            if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
                migrations.refuse_newer_sqlite(Path(parsed.database), parsed.database)
        db = cls(url, make_engine(url))
        if migrate:
            from oaoi_desktop.store import migrate as migrations

            migrations.upgrade(db, backup_first=backup_first)
        return db

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- description -----------------------------------------------------
    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        if not database or database == ":memory:":
            return None
        return Path(database)

    @property
    def display_name(self) -> str:
        """What the status bar and ``oaoi status`` show (no password)."""
        path = self.sqlite_path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    # -- units of work ---------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction commits on success, rolls back on error."""
        session = self._write()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            _quiet_rollback(session)
            self._raise_server_error(exc)
            raise
        except BaseException:
            _quiet_rollback(session)
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        session = self._read()
        try:
            yield session
        except DBAPIError as exc:
            _quiet_rollback(session)
            self._raise_server_error(exc)
            raise
        finally:
            _quiet_rollback(session)
            session.close()

    def _raise_server_error(self, exc: DBAPIError) -> None:
        """On a database server: a lost connection or an aborted transaction as an OaoiError."""
        if self.is_sqlite:
            return
        kind = server_error_kind(exc)
        if kind == "retry":
            raise OaoiError("lan.retry", server=self.display_name) from exc
        if kind == "connection":
            raise OaoiError("lan.connection_lost", server=self.display_name,
                            reason=first_line(exc.orig)) from exc

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of a SQLite database (online backup API)."""
        path = self.sqlite_path
        if path is None:
            raise OaoiError("store.backup_not_sqlite")
        return backup.sqlite_backup(path, target)


def _refuse_overlong_text(session: Session, _context: Any, _instances: Any) -> None:
    from sqlalchemy import String
    from sqlalchemy import inspect as inspect_

    from oaoi_desktop.errors import ValidationError

    for obj in (*session.new, *session.dirty):
        state = inspect_(obj)
        loaded = state.dict  # only what is set or loaded: never a lazy load here
        for attr in state.mapper.column_attrs:
            value = loaded.get(attr.key)
            if not isinstance(value, str):
                continue
            column = attr.columns[0]
            limit = getattr(column.type, "length", None)
            if isinstance(column.type, String) and limit and len(value) > limit:
                raise ValidationError("lan.value_too_long", field=f"{column.table.name}.{column.name}",
                                      length=len(value), limit=limit, start=value[:40])


def _quiet_rollback(session: Session) -> None:
    try:
        session.rollback()
    except DBAPIError:  # the connection is gone: nothing left to roll back
        pass


RETRY_SQLSTATES = ("40001", "40P01", "55P03", "57014")
"""Serialization failure, deadlock, lock not available (lock_timeout), statement cancelled."""


def server_error_kind(exc: DBAPIError) -> str | None:
    """``retry`` (the server aborted this transaction: try again), ``connection`` (lost), else None."""
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if sqlstate in RETRY_SQLSTATES:
        return "retry"
    if exc.connection_invalidated or sqlstate.startswith(("08", "57P")):
        return "connection"
    if isinstance(exc, OperationalError) and not sqlstate:
        return "connection"  # psycopg: the server closed the connection / could not be reached
    return None


def with_driver(url: str) -> str:
    """``postgresql://`` (and ``postgres://``) mean psycopg 3, the driver the app ships with."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    url = with_driver(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        wal = True
        if database and database != ":memory:":
            path = Path(database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OaoiError("store.cannot_open", path=str(path), reason=str(exc)) from exc
            wal = not removable.is_on_removable_drive(path)
            if not wal:
                log.info("database %s is on a removable drive: WAL off", path)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine, wal=wal)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=4,
            max_overflow=12,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "oaoi-desktop",
                # notice a dropped network (pulled cable, Wi-Fi gone) within about a minute
                "keepalives": 1,
                "keepalives_idle": 30,
                "keepalives_interval": 10,
                "keepalives_count": 3,
                "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c timezone=UTC",
            },
        )
    return create_engine(url, pool_pre_ping=True)


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


__all__ = ["Database", "DatabaseVersionError", "make_engine", "check_readable", "with_driver"]
