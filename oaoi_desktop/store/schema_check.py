"""Does a SQLite file carry exactly the app's own schema?

A backup is a database file someone else may have edited.  Data can be
checked by ``oaoi audit verify``; *schema objects* cannot: a trigger that
rewrites ``instansi`` on every later import (and so disables recusal), a view
shadowing a table, an index with an expression, a table with an extra
``DEFAULT`` — each would go on acting after a restore.  So before a restore
touches the live database, every object in the copy's ``sqlite_master``
(tables, indexes, triggers, views: type, name, table and SQL, whitespace
normalised) is compared with what the migrations create at the copy's own
schema revision.  The reference is built by migrating an empty temporary
database to that revision (cached per process and revision).

SQLite's own objects are allowed: ``sqlite_autoindex_*`` (the indexes behind
UNIQUE and PRIMARY KEY constraints, whose SQL is NULL) and the
``sqlite_sequence``/``sqlite_stat*`` tables.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

SQLITE_INTERNAL_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})


@dataclass(frozen=True)
class SchemaObject:
    type: str
    name: str
    table: str
    sql: str


@dataclass(frozen=True)
class Difference:
    """One object that differs: ``kind`` is ``unexpected``, ``changed`` or ``missing``."""

    kind: str
    type: str
    name: str


def _normal_sql(sql: str | None) -> str:
    return " ".join((sql or "").split())


def read_schema(path: Path) -> dict[tuple[str, str], SchemaObject]:
    """Every object of ``sqlite_master`` (read-only), by (type, name)."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()
    return {(str(t), str(n)): SchemaObject(str(t), str(n), str(tb), _normal_sql(s)) for t, n, tb, s in rows}


def _internal(obj: SchemaObject) -> bool:
    if obj.type == "table" and obj.name in SQLITE_INTERNAL_TABLES:
        return True
    return obj.type == "index" and obj.name.startswith("sqlite_autoindex_") and not obj.sql


@functools.lru_cache(maxsize=8)
def reference_schema(revision: str) -> dict[tuple[str, str], SchemaObject]:
    """What the migrations create at ``revision`` (an empty database migrated there)."""
    from alembic import command
    from sqlalchemy import create_engine

    from oaoi_desktop.store import migrate
    from oaoi_desktop.store.database import Database

    with tempfile.TemporaryDirectory(prefix="oaoi-schema-") as work:
        path = Path(work) / "reference.sqlite"
        url = "sqlite:///" + str(path)
        engine = create_engine(url)
        db = Database(url, engine)
        try:
            migrate.run_alembic(db, command.upgrade, revision)
        finally:
            engine.dispose()
        return read_schema(path)


def compare(path: Path, revision: str) -> list[Difference]:
    """The objects of the SQLite file ``path`` that differ from the app's schema at ``revision``."""
    actual = read_schema(path)
    expected = reference_schema(revision)
    out: list[Difference] = []
    for key, obj in sorted(actual.items()):
        if _internal(obj):
            continue
        ref = expected.get(key)
        if ref is None:
            out.append(Difference("unexpected", obj.type, obj.name))
        elif (ref.table, ref.sql) != (obj.table, obj.sql):
            out.append(Difference("changed", obj.type, obj.name))
    for key, ref in sorted(expected.items()):
        if key not in actual and not _internal(ref):
            out.append(Difference("missing", ref.type, ref.name))
    return out


_SAFE_NAME = re.compile(r"[^\w.\-]")


def display_name(name: str) -> str:
    """An object name fit for a message (no control characters, bounded)."""
    return _SAFE_NAME.sub("?", name)[:80]


__all__ = ["Difference", "SchemaObject", "compare", "display_name", "read_schema", "reference_schema"]
