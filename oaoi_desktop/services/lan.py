"""``oaoi lan setup``: per-seat PostgreSQL roles with row-level security for a LAN event.

Run by the secretariat on the server, connected as the database's owner (the
admin role of docs/lan-postgresql.md).  For every active judge of the event
it makes a LOGIN role that can read only that judge's assignments, the
dossiers assigned to them (not recused), their own sheets and scores, and
write only their own draft sheets; plus one role for the secretariat.  The
SQL lives in ``store/lan.py``.  Each new (or rotated) seat's connection URL is
written to a seat file for a USB stick (``seat-<name>.oaoi-lan``), which
``oaoi-desktop --db FILE`` / ``oaoi --db FILE`` accept; a role that already
exists keeps its password unless it is rotated.  The audit entry
(``lan.seats_set_up``) names the roles, never a password.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import text

from oaoi_desktop.errors import OaoiError, ValidationError
from oaoi_desktop.files import write_atomically
from oaoi_desktop.services import accounts
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.auth import require_secretariat
from oaoi_desktop.services.events import get_event
from oaoi_desktop.store import lan as store_lan
from oaoi_desktop.store import seat_file
from oaoi_desktop.store.database import Database


@dataclasses.dataclass(frozen=True)
class SeatResult:
    """One seat after ``lan setup``: who, which role, and where its credentials went."""

    kind: str  # judge | secretariat
    name: str
    user_id: uuid.UUID | None
    role_name: str
    new_password: bool
    """The role was created or rotated in this run (its file was written)."""
    file: Path | None
    url_display: str
    """The seat's URL without its password."""
    url: str | None = dataclasses.field(default=None, repr=False)
    """The full URL (with password): only for a new or rotated seat, only in memory."""


@dataclasses.dataclass(frozen=True)
class SetupResult:
    event_id: uuid.UUID
    event_name: str
    database: str
    seats: tuple[SeatResult, ...]


def _file_name(seat: store_lan.Seat) -> str:
    if seat.kind == "secretariat":
        return f"seat-secretariat{seat_file.SEAT_FILE_SUFFIX}"
    slug = re.sub(r"[^a-z0-9]+", "-", seat.name.lower()).strip("-")[:40] or "juri"
    return f"seat-{slug}-{seat.user_id.hex[:6] if seat.user_id else ''}{seat_file.SEAT_FILE_SUFFIX}"


def setup(
    db: Database,
    event_ref: str,
    *,
    actor: Actor,
    rotate: Sequence[str] = (),
    rotate_secretariat: bool = False,
    out_dir: Path | None = None,
    host: str | None = None,
    port: int | None = None,
) -> SetupResult:
    """Create or re-apply the event's LAN seats (see the module docstring)."""
    if db.is_sqlite:
        raise OaoiError("lan.setup.not_postgresql", database=db.display_name)
    if out_dir is not None and not Path(out_dir).is_dir():
        raise ValidationError("lan.setup.no_out_dir", path=str(out_dir))
    with db.write() as s:
        require_secretariat(s, actor)
        owner_ok = s.execute(text(
            "SELECT pg_get_userbyid(c.relowner) = current_user OR r.rolsuper "
            "FROM pg_class c JOIN pg_roles r ON r.rolname = current_user "
            "WHERE c.oid = 'public.score_sheets'::regclass")).scalar()
        if not owner_ok:
            role = s.execute(text("SELECT current_user")).scalar_one()
            raise OaoiError("lan.setup.not_owner", role=role, database=db.display_name)
        event = get_event(s, event_ref)
        judges = [j for j in accounts.judges(s, event) if j.active]
        rotate_ids = {accounts.find_judge(s, event, ref).id for ref in rotate}
        seats = store_lan.apply(s.connection(), judges=[(j.id, j.name, event.id) for j in judges],
                                event_id=event.id, rotate=rotate_ids, rotate_secretariat=rotate_secretariat)
        append(s, actor=actor, action="lan.seats_set_up", event_id=event.id, entity_type="event",
               entity_id=event.id,
               after={"roles": [{"role": seat.role_name, "kind": seat.kind, "user_id": seat.user_id,
                                 "name": seat.name, "new_password": seat.password is not None}
                                for seat in seats],
                      "rotated": sorted(str(u) for u in rotate_ids), "rotated_secretariat": rotate_secretariat})
        event_id, event_name = event.id, event.name
    results = []
    for seat in seats:
        display = store_lan.seat_url(db.url, seat.role_name, "x", host=host, port=port)
        display = display.replace(":x@", "@", 1)
        url = store_lan.seat_url(db.url, seat.role_name, seat.password, host=host, port=port) \
            if seat.password is not None else None
        target = None
        if url is not None and out_dir is not None:
            target = Path(out_dir) / _file_name(seat)
            who = seat.name if seat.kind == "judge" else "Sekretariat"
            write_atomically(target, seat_file.seat_file_text(url, who=who, event=event_name).encode("utf-8"))
        results.append(SeatResult(kind=seat.kind, name=seat.name, user_id=seat.user_id, role_name=seat.role_name,
                                  new_password=seat.password is not None, file=target, url_display=display,
                                  url=url))
    return SetupResult(event_id=event_id, event_name=event_name, database=db.display_name, seats=tuple(results))


def remove(db: Database, *, actor: Actor) -> list[str]:
    """After the event: drop every seat role of this database, its policies and functions (as the owner)."""
    if db.is_sqlite:
        raise OaoiError("lan.setup.not_postgresql", database=db.display_name)
    with db.write() as s:
        require_secretariat(s, actor)
        roles = store_lan.drop(s.connection())
        append(s, actor=actor, action="lan.seats_removed", after={"roles": roles})
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        store_lan.drop_roles(conn, roles)
    return roles


__all__ = ["SeatResult", "SetupResult", "setup", "remove"]
