"""The hash-chained audit log: appends, verification, tampering caught."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update

from oaoi_desktop.services import audit
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, AuditHead
from support.builders import ensure_secretariat

ACTOR = Actor("test")


def _append_three(db: Database, event_id: uuid.UUID) -> None:
    for i in range(3):
        with db.write() as s:
            audit.append(s, actor=ACTOR, action="probe", event_id=event_id, after={"i": i, "x": "1.5"})


def test_entries_link_to_their_predecessor(db: Database) -> None:
    reader = ensure_secretariat(db)  # reading the chain back is the secretariat's (audit.read)
    eid = uuid.uuid4()
    _append_three(db, eid)
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.chain == str(eid)).order_by(AuditEntry.seq)).all()
        assert [e.seq for e in entries] == [1, 2, 3]
        assert entries[0].prev_hash == audit.GENESIS
        assert entries[1].prev_hash == entries[0].hash
        assert entries[2].prev_hash == entries[1].hash
        assert all(audit.entry_hash(e) == e.hash for e in entries)
        report = verify_chain(s, str(eid), actor=reader)
        assert report.ok and report.entries == 3 and report.head_hash == entries[2].hash
        head = s.get(AuditHead, str(eid))
        assert head.seq == 3 and head.hash == entries[2].hash


def test_chains_of_different_events_are_independent(db: Database) -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    _append_three(db, a)
    with db.write() as s:
        entry = audit.append(s, actor=ACTOR, action="probe", event_id=b)
        assert entry.seq == 1 and entry.prev_hash == audit.GENESIS


def test_an_edited_entry_is_caught(db: Database) -> None:
    reader = ensure_secretariat(db)  # reading the chain back is the secretariat's (audit.read)
    eid = uuid.uuid4()
    _append_three(db, eid)
    with db.write() as s:
        s.execute(update(AuditEntry).where(AuditEntry.chain == str(eid), AuditEntry.seq == 2)
                  .values(after={"i": 99, "x": "1.5"}))
    with db.read() as s:
        report = verify_chain(s, str(eid), actor=reader)
    assert not report.ok
    assert report.problem == "audit.edited_entry" and report.first_broken_seq == 2


def test_a_deleted_entry_is_caught(db: Database) -> None:
    reader = ensure_secretariat(db)  # reading the chain back is the secretariat's (audit.read)
    eid = uuid.uuid4()
    _append_three(db, eid)
    with db.write() as s:
        s.execute(AuditEntry.__table__.delete().where(AuditEntry.chain == str(eid), AuditEntry.seq == 2))
    with db.read() as s:
        report = verify_chain(s, str(eid), actor=reader)
    assert report.problem == "audit.missing_entry" and report.first_broken_seq == 2


def test_cutting_off_the_last_entry_is_caught_by_the_head(db: Database) -> None:
    reader = ensure_secretariat(db)  # reading the chain back is the secretariat's (audit.read)
    eid = uuid.uuid4()
    _append_three(db, eid)
    with db.write() as s:
        s.execute(AuditEntry.__table__.delete().where(AuditEntry.chain == str(eid), AuditEntry.seq == 3))
    with db.read() as s:
        report = verify_chain(s, str(eid), actor=reader)
    assert report.problem == "audit.truncated"


def test_a_failed_unit_of_work_leaves_no_entry(db: Database) -> None:
    eid = uuid.uuid4()
    try:
        with db.write() as s:
            audit.append(s, actor=ACTOR, action="probe", event_id=eid)
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with db.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.chain == str(eid))).all() == []
        assert s.get(AuditHead, str(eid)) is None


def test_concurrent_writers_never_fork_the_chain(db_url: str) -> None:
    import threading

    eid = uuid.uuid4()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        db = Database.open(db_url, migrate=False)
        try:
            for i in range(15):
                with db.write() as s:
                    audit.append(s, actor=Actor(f"writer-{n}"), action="probe", event_id=eid, after={"i": i})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.close()

    Database.open(db_url).close()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    db = Database.open(db_url)
    reader = ensure_secretariat(db)  # reading the chain back is the secretariat's (audit.read)
    with db.read() as s:
        report = verify_chain(s, str(eid), actor=reader)
        seqs = s.scalars(select(AuditEntry.seq).where(AuditEntry.chain == str(eid)).order_by(AuditEntry.seq)).all()
    db.close()
    assert report.ok
    assert seqs == list(range(1, 61))
