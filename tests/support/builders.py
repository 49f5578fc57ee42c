"""Build events, judges, dossiers and sheets through the services."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Dossier, Event, RecusalLevel, Role, User

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
    """The secretariat assigns ``dossier`` to ``judge``; the judge (as themself, through
    the judge workspace) scores and submits: see :func:`fill_sheet`."""
    with db.write() as s:
        event = events.get_event(s, event_id)
        j = accounts.find_judge(s, event, judge)
        d = dossiers.get_dossier(s, event, dossier)
        if not assignments.is_assigned(s, d, j, events.event_rubric(s, event).first_stage.id):
            assignments.assign(s, event, d, j, actor=ACTOR)
        fill_sheet(s, event, j, d, values, submit=submit, comments=comments)


def fill_sheet(s: Session, event: Event, judge: User, dossier: Dossier, values: Mapping[str, int | str], *,
               submit: bool = True, comments: Mapping[str, str] | None = None) -> None:
    """``judge`` scores an assigned ``dossier`` as themself through the judge workspace
    (confirming the integrity statement first if needed) and, with ``submit``, submits
    (the sheet is then LOCKED).  A sheet already submitted is first unlocked by the
    secretariat (:data:`ACTOR`), as scoring again needs."""
    from oaoi_desktop.services import judging, sheets

    judging.declare_integrity(s, event, judge)
    sheet = sheets.get_sheet(s, dossier, judge, events.event_rubric(s, event).first_stage.id, actor=ACTOR)
    if sheet is not None and sheet.status in sheets.FINAL_STATUSES:
        sheets.unlock_sheet(s, sheet, ACTOR, "test: score again")
    comments = dict(comments or {})
    for cid, value in values.items():
        judging.record_score(s, event, judge, dossier, cid, value, comments.pop(cid, None))
    for cid, text in comments.items():
        judging.record_comment(s, event, judge, dossier, cid, text)
    if submit:
        judging.submit_sheet(s, event, judge, dossier)


def uniform(rubric_criteria: Sequence[str], value: int) -> dict[str, int]:
    return {c: value for c in rubric_criteria}


KIPP_CRITERIA = ("latar_belakang", "kebaruan", "implementasi", "signifikansi", "adaptabilitas",
                 "sumber_daya", "keberlanjutan")
