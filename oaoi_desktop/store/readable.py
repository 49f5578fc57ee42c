"""Is the file a database at all?  Asked before migrating (``migrate.upgrade``), so a
stray file is refused with a clear message instead of an Alembic traceback.

Below both :mod:`oaoi_desktop.store.database` and :mod:`oaoi_desktop.store.migrate`
(issue 16: the two imported each other); only ``migrate.upgrade`` imports it, inside
the function, so the quick start still reads the revision without SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from oaoi_desktop.errors import OaoiError

if TYPE_CHECKING:
    from oaoi_desktop.store.database import Database


def first_line(value: object) -> str:
    text_ = str(value).strip()
    return text_.splitlines()[0] if text_ else type(value).__name__


def check_readable(db: Database) -> None:
    """Fail with a clear message if the file is not a database at all."""
    try:
        with db.engine.connect() as conn:
            inspect(conn).get_table_names()
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise OaoiError("store.cannot_open", path=db.display_name, reason=first_line(exc.orig)) from exc
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database
        raise OaoiError("store.cannot_open", path=db.display_name, reason=str(exc)) from exc


__all__ = ["check_readable", "first_line"]
