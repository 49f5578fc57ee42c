"""Helpers for the results view tests (plenary decisions, an issued Berita Acara)."""

from __future__ import annotations

import uuid

from oaoi_desktop.services import dossiers, events, plenary
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import IssuedDocument
from support.builders import ACTOR


def record_move(db: Database, event_id: str, number: str, to_rank: int, reason: str) -> None:
    with db.write() as s:
        e = events.get_event(s, event_id)
        # the secretariat records the plenary's decision (the chair's reasons), as the policy has it
        plenary.move_dossier(s, e, dossiers.get_dossier(s, e, number), to_rank, reason=reason, actor=ACTOR)


def issue_minutes(db: Database, event_id: str) -> None:
    with db.write() as s:
        e = events.get_event(s, event_id)
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number="BA-1/2026", sequence=1,
                             fingerprint="ef" * 32, details={}, created_by="test"))


