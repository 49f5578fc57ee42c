"""Build events, judges, dossiers and sheets through the services."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from oaoi_desktop.domain.rubric_loader import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import RecusalLevel, Role

ROOT = Path(__file__).resolve().parents[2]
RUBRICS = ROOT / "scoring_rubrics"
TEST_SECRETARIAT_ID = uuid.UUID("5ec7e7a1-0000-4000-8000-000000000001")
TEST_SECRETARIAT_PIN = "739251"
ACTOR = Actor("test:secretariat", TEST_SECRETARIAT_ID)
"""The secretariat member the tests act as: a real, active secretariat account
(created by :func:`ensure_secretariat`, which :func:`make_event` calls), so the
services' authority checks see a signed-in person, never an anonymous actor."""


def ensure_secretariat(db: Database) -> Actor:
    """Create the tests' secretariat account (PIN :data:`TEST_SECRETARIAT_PIN`) if missing."""
    from oaoi_desktop.store.models import User

    with db.write() as s:
        if s.get(User, TEST_SECRETARIAT_ID) is None:
            s.add(User(id=TEST_SECRETARIAT_ID, event_id=None, name=ACTOR.name, role=Role.SECRETARIAT,
                       credential_hash=accounts.hash_secret(TEST_SECRETARIAT_PIN)))
    return ACTOR


def make_event(db: Database, name: str = "KIPP Kota Medan 2026", rubric: str = "kipp-proposal",
               recusal: RecusalLevel = RecusalLevel.INSTANSI) -> str:
    ensure_secretariat(db)
    with db.write() as s:
        e = events.create_event(s, name=name, rubric=load_rubric(RUBRICS / f"{rubric}.toml"),
                                actor=ACTOR, recusal_level=recusal)
        return str(e.id)


def add_judges(db: Database, event_id: str, names: Sequence[str], instansi: str = "KemenPAN-RB") -> list[str]:
    ids = []
    with db.write() as s:
        event = events.get_event(s, event_id)
        for i, name in enumerate(names):
            role = Role.CHAIR if i == 0 else Role.MEMBER
            ids.append(str(accounts.add_judge(s, event, name=name, instansi=instansi, role=role, actor=ACTOR).id))
    return ids


def add_dossier(db: Database, event_id: str, number: str, *, kategori: str = "", kelompok: str = "umum",
                instansi: str = "Pemerintah Kota Medan") -> str:
    with db.write() as s:
        event = events.get_event(s, event_id)
        d = dossiers.add_dossier(s, event, number=number, title=f"Inovasi {number}", actor=ACTOR,
                                 instansi=instansi, kategori=kategori, kelompok=kelompok)
        return str(d.id)


def score(db: Database, event_id: str, judge: str, dossier: str, values: Mapping[str, int | str],
          *, submit: bool = True, comments: Mapping[str, str] | None = None) -> None:
    with db.write() as s:
        event = events.get_event(s, event_id)
        j = accounts.find_judge(s, event, judge)
        d = dossiers.get_dossier(s, event, dossier)
        assignments.assign(s, event, d, j, actor=ACTOR)
        sheets.save_sheet(s, event, j, d, values=values, comments=comments, submit=submit, actor=ACTOR)


def uniform(rubric_criteria: Sequence[str], value: int) -> dict[str, int]:
    return {c: value for c in rubric_criteria}


KIPP_CRITERIA = ("latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas",
                 "sumber_daya", "keberlanjutan")
