"""The sign-in page's choices read with the standard library alone (issue 14: start fast).

The app shows its sign-in window before SQLAlchemy is imported (about 0.6 s of
a cold start): for a SQLite file already at :data:`migrate.HEAD_REVISION`,
:func:`read_sign_in_choices` opens the file read-only (``mode=ro``: nothing is
written, not even the journal mode) and reads what the sign-in page shows —
whether this is a judge's laptop, whether the first secretariat account must
still be created, and the secretariat accounts to choose from.  The database
itself is opened (:meth:`Database.open`, the ORM, the migration check) right
after the window is painted (:mod:`oaoi_desktop.ui.startup`).

The rule has one definition: :func:`oaoi_desktop.services.auth.sign_in_choices`
(over :func:`~oaoi_desktop.services.auth.sign_in_names`,
:func:`~oaoi_desktop.services.auth.needs_secretariat_setup` and
:func:`~oaoi_desktop.services.seat.is_judge_seat`).  This module reads the same
rows with the same conditions in plain SQL, and ``tests/store/test_quick.py``
checks that both give exactly the same :class:`SignInChoices` on the same
databases (inactive, event-scoped and judge accounts, a judge's laptop, the
first run).  Change one, and that test tells you to change the other.

Anything this module is not sure of answers ``None`` (the caller then opens
the database first, as before): not SQLite, a file that does not exist or is
empty, not a database, a stamp other than the head revision (older: it must
be migrated; newer or unknown: the app refuses it with its message), a query
that fails.  It never imports SQLAlchemy, Alembic or Qt.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from oaoi_desktop.store.migrate import HEAD_REVISION

SECRETARIAT = "secretariat"
"""``Role.SECRETARIAT.value``, as the ``users.role`` column stores it (checked by the tests)."""
IMPORTED = "imported"
"""``panel_packages.direction`` of a package applied on a judge's laptop."""


@dataclass(frozen=True)
class SignInChoices:
    """What the sign-in page offers on a database.

    ``secretariat``: the active secretariat accounts as (account id, name), in
    the order offered; ``needs_setup``: no active secretariat account yet (the
    first run), and not a judge's laptop; ``judge_seat``: a panel package was
    applied here (only the judge signs in).
    """

    judge_seat: bool
    needs_setup: bool
    secretariat: tuple[tuple[str, str], ...]


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///FILE`` URL (as ``config.resolve_db_url`` makes it), else None.

    URLs with a query, percent-escapes or an in-memory database answer None:
    the caller then takes the path that understands every URL.
    """
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix):]
            if not rest or rest == ":memory:" or any(c in rest for c in "?%#"):
                return None
            return Path(rest)
    return None


def read_sign_in_choices(url: str) -> SignInChoices | None:
    """The sign-in page's choices for the database at ``url`` (resolved), or None (see the module)."""
    path = sqlite_file(url)
    if path is None:
        return None
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        return _read(con)
    except (sqlite3.Error, ValueError):  # not a database, a table missing, a malformed id
        return None
    finally:
        con.close()


def _read(con: sqlite3.Connection) -> SignInChoices | None:
    stamps = con.execute("SELECT version_num FROM alembic_version").fetchall()
    if [tuple(r) for r in stamps] != [(HEAD_REVISION,)]:
        return None  # to migrate, or refused: the full start-up says which
    # seat.is_judge_seat (on SQLite there is no LAN seat connection)
    judge_seat = con.execute(
        "SELECT panel_packages.id FROM panel_packages WHERE panel_packages.direction = ? LIMIT 1", (IMPORTED,)
    ).fetchone() is not None
    # auth.needs_secretariat_setup: no active secretariat account (of any event scope), not a judge's laptop
    active = con.execute(
        "SELECT count(*) FROM users WHERE users.role = ? AND users.active IS 1", (SECRETARIAT,)
    ).fetchone()[0]
    needs_setup = active == 0 and not judge_seat
    # auth.sign_in_names(session, None): the global secretariat accounts by name, the active ones
    rows = con.execute(
        "SELECT users.id, users.name, users.active FROM users "
        "WHERE users.event_id IS NULL AND users.role = ? ORDER BY users.name", (SECRETARIAT,)
    ).fetchall()
    people = tuple((str(uuid.UUID(str(uid))), str(name)) for uid, name, is_active in rows if is_active)
    return SignInChoices(judge_seat=judge_seat, needs_setup=needs_setup, secretariat=people)


__all__ = ["SignInChoices", "read_sign_in_choices", "sqlite_file"]
