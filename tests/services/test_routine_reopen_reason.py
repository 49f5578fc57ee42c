"""Reopening a finalised event needs a reason an auditor can read: not a word, not an essay."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import events, finalisation
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, EventStatus, IssuedDocument
from support.builders import ACTOR, make_event


@pytest.fixture
def finalised(db: Database) -> str:
    eid = make_event(db)
    with db.write() as s:
        event = events.get_event(s, eid)
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=event.id, kind="minutes", number="BA-001/2026", sequence=1,
                             fingerprint="ab" * 32, details={}, file_name="berita-acara.pdf", created_by="test"))
    with db.write() as s:
        finalisation.finalise_event(s, eid, ACTOR, paper_signed=True)
    return eid


def reopened(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == finalisation.REOPENED_ACTION)) or 0


@pytest.mark.parametrize("reason, message_id, length", [
    ("salah", "routine.reopen_reason_short", 5),
    ("  ada   salah  ", "routine.reopen_reason_short", 9),  # spaces collapsed before counting
    ("x" * 1001, "routine.reopen_reason_long", 1001),
])
def test_a_too_short_or_too_long_reason_is_refused_and_nothing_changes(
        db: Database, finalised: str, reason: str, message_id: str, length: int) -> None:
    with pytest.raises(ValidationError) as err, db.write() as s:
        finalisation.reopen_event(s, finalised, ACTOR, reason)
    assert err.value.message_id == message_id
    assert err.value.params["length"] == length
    assert "KIPP Kota Medan 2026" in err.value.render("id")
    with db.read() as s:
        assert events.get_event(s, finalised).status == EventStatus.FINALISED
    assert reopened(db) == 0


def test_a_reason_of_ten_to_a_thousand_characters_reopens(db: Database, finalised: str) -> None:
    with db.write() as s:
        finalisation.reopen_event(s, finalised, ACTOR, "koreksi P1")  # exactly 10
    with db.read() as s:
        assert events.get_event(s, finalised).status != EventStatus.FINALISED
    assert reopened(db) == 1
