"""The hash-chained audit log.

Every change to results is appended here in the same transaction as the
change itself.  Each chain (one per event, plus ``"global"`` for accounts)
is a sequence: entry *n* stores the hash of entry *n-1* (``prev_hash``) and
the SHA-256 of its own canonical content including that link (``hash``).
Appends lock the chain's head row first (SQLite: the unit of work already
holds the write lock from ``BEGIN IMMEDIATE``; PostgreSQL: ``SELECT ... FOR
UPDATE``), so two writers can never fork a chain.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from oaoi_desktop import config
from oaoi_desktop.domain import canonical
from oaoi_desktop.store.models import AuditEntry, AuditHead, utcnow

GLOBAL_CHAIN = "global"
GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who is acting: the signed-in user or the CLI's ``--operator``."""

    name: str
    user_id: uuid.UUID | None = None


def chain_for(event_id: uuid.UUID | None) -> str:
    return str(event_id) if event_id is not None else GLOBAL_CHAIN


def entry_content(entry: AuditEntry) -> dict[str, Any]:
    """The fields an entry's hash covers (everything but its own hash)."""
    return {
        "chain": entry.chain,
        "seq": entry.seq,
        "event_id": entry.event_id,
        "actor": entry.actor,
        "actor_id": entry.actor_id,
        "action": entry.action,
        "entity_type": entry.entity_type,
        "entity_id": entry.entity_id,
        "before": entry.before,
        "after": entry.after,
        "at": entry.at,
        "device_id": entry.device_id,
        "prev_hash": entry.prev_hash,
    }


def entry_hash(entry: AuditEntry) -> str:
    return canonical.sha256_hex(entry_content(entry))


def _lock_head(session: Session, chain: str) -> AuditHead:
    head = session.get(AuditHead, chain, with_for_update=True)
    if head is not None:
        return head
    try:
        with session.begin_nested():
            head = AuditHead(chain=chain, seq=0, hash=GENESIS)
            session.add(head)
    except IntegrityError:  # another writer created it first (PostgreSQL)
        head = session.get(AuditHead, chain, with_for_update=True, populate_existing=True)
        assert head is not None
    return head


FINALISED_ALLOWED = ("event.reopened", "event.letterhead_set", "event.timezone_set", "package.exported",
                     "key.rewrapped", "event.purged", "event.retention_set")
"""Actions a finalised event's chain still takes: the reopening itself, the documents' letterhead,
exporting a USB panel package (importing one is refused), and the purge of a finalised event's dossier
content with its retention period (``services/purge.py``: neither changes a result)."""
FINALISED_ALLOWED_PREFIXES = ("document.", "documents.", "signature.", "signing.", "certificate.", "authority.",
                              "credential.", "export.", "exports.", "bundle.exported", "backup.", "audit.", "user.")
"""...and these families, which change no result: issuing and signing documents (with the event's
signing authority and credentials), exports, judge bundles sent out, backups, audit exports, and
account security (a failed sign-in still locks the account)."""


def refuse_if_finalised(session: Session, event_id: uuid.UUID | None, action: str) -> None:
    """The finalisation guard: nothing that changes results on a finalised event (ConflictError).

    Called by :func:`append` (and by the import's direct audit writer), so every
    audited change passes here; reopening (``services/finalisation.py``) lifts it.
    """
    if event_id is None or action in FINALISED_ALLOWED or action.startswith(FINALISED_ALLOWED_PREFIXES):
        return
    from oaoi_desktop.errors import ConflictError
    from oaoi_desktop.store.models import Event, EventStatus

    # Read the status afresh (not the session's possibly stale Event object): append() calls
    # this after locking the chain's head, so a finalisation committed meanwhile by another
    # seat is seen, and a save can never land after the event was finalised.
    row = session.execute(
        select(Event.name, Event.status, Event.finalised_by, Event.finalised_at).where(
            Event.id == (event_id if isinstance(event_id, uuid.UUID) else uuid.UUID(str(event_id)))
        )
    ).one_or_none()
    if row is not None and row.status == EventStatus.FINALISED:
        raise ConflictError("finalise.refused", event=row.name, action=action, by=row.finalised_by or "-",
                            at=row.finalised_at.isoformat(sep=" ", timespec="minutes") if row.finalised_at
                            else "-")


def append(
    session: Session,
    *,
    actor: Actor,
    action: str,
    event_id: uuid.UUID | None = None,
    entity_type: str = "",
    entity_id: Any = "",
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append an entry to the event's chain in the session's transaction."""
    chain = chain_for(event_id)
    from oaoi_desktop.store import lan  # [lan] a judge seat on PostgreSQL appends through the server's function

    seat = lan.is_judge_seat_connection(session)
    head = lan.lock_head(session, chain) if seat else _lock_head(session, chain)
    refuse_if_finalised(session, event_id, action)  # after the lock: see refuse_if_finalised
    entry = AuditEntry(
        id=uuid.uuid4(),
        chain=chain,
        seq=head.seq + 1,
        event_id=event_id,
        actor=actor.name,
        actor_id=actor.user_id,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id) if entity_id != "" else "",
        before=canonical.normalise(before) if before is not None else None,
        after=canonical.normalise(after) if after is not None else None,
        at=at or utcnow(),
        device_id=config.device_id(),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(entry)
    if seat:  # the function checks the link and the author under the same lock, then inserts the row
        lan.append_entry(session, entry.id, entry_content(entry), entry.hash)
        return entry
    session.add(entry)
    head.seq = entry.seq
    head.hash = entry.hash
    session.flush()
    return entry


@dataclass(frozen=True)
class Pending:
    """One entry for :func:`append_many`: what :func:`append` takes besides the actor, chain and time."""

    action: str
    entity_type: str = ""
    entity_id: Any = ""
    before: Any = None
    after: Any = None


def append_many(
    session: Session,
    *,
    actor: Actor,
    event_id: uuid.UUID | None,
    items: list[Pending],
    at: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    """Append a batch of entries to the event's chain under one lock of its head.

    Each entry is exactly the one :func:`append` would store for the same item
    at the same time (same content, hashed by :func:`entry_hash`, chained in
    order); all share one ``at``.  The rows are inserted in one statement and
    the head moved once.  Returns the rows written (``[]`` for no items).
    """
    if not items:
        return []
    import os
    from types import SimpleNamespace

    from sqlalchemy import insert, update
    from sqlalchemy.orm.attributes import set_committed_value

    from oaoi_desktop.store import lan

    at = at or utcnow()
    if lan.is_judge_seat_connection(session):  # the server's function appends one by one
        return [_entry_row(append(session, actor=actor, action=i.action, event_id=event_id,
                                  entity_type=i.entity_type, entity_id=i.entity_id, before=i.before,
                                  after=i.after, at=at))
                for i in items]
    chain = chain_for(event_id)
    session.flush()  # what the session holds (an earlier append's head among it) reaches the store first
    conn = session.connection()
    table = AuditHead.__table__
    found = conn.execute(select(table.c.seq, table.c.hash).where(table.c.chain == chain)
                         .with_for_update()).first()  # the head's row, locked (as _lock_head), read plainly
    if found is None:  # the chain's first entry: its head is made as append() makes it
        head = _lock_head(session, chain)
        found = (head.seq, head.hash)
    for action in sorted({i.action for i in items}):  # the finalisation guard, after the lock as in append()
        refuse_if_finalised(session, event_id, action)
    device = config.device_id()
    seq, prev = found
    raw = os.urandom(16 * len(items))  # the ids: random (version 4) UUIDs from one read of the OS's source
    rows = []
    for n, item in enumerate(items):
        seq += 1
        entry = SimpleNamespace(
            id=uuid.UUID(bytes=raw[16 * n:16 * n + 16], version=4),
            chain=chain,
            seq=seq,
            event_id=event_id,
            actor=actor.name,
            actor_id=actor.user_id,
            action=item.action,
            entity_type=item.entity_type,
            entity_id=str(item.entity_id) if item.entity_id != "" else "",
            before=canonical.normalise(item.before) if item.before is not None else None,
            after=canonical.normalise(item.after) if item.after is not None else None,
            at=at,
            device_id=device,
            prev_hash=prev,
        )
        entry.hash = prev = entry_hash(entry)  # type: ignore[arg-type]  # the fields entry_hash reads
        rows.append(vars(entry))
    conn.execute(insert(AuditEntry.__table__), rows)
    conn.execute(update(table).where(table.c.chain == chain).values(seq=seq, hash=prev))
    held = session.identity_map.get(session.identity_key(AuditHead, chain))
    if held is not None:  # an AuditHead the session holds moves with the row, as if it had been loaded now
        set_committed_value(held, "seq", seq)
        set_committed_value(held, "hash", prev)
    return rows


def _entry_row(entry: AuditEntry) -> dict[str, Any]:
    return {**entry_content(entry), "id": entry.id, "hash": entry.hash}
