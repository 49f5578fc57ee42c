"""Build judge-workspace fixtures (events with blind mode and aliases, judges
with units, dossiers with content, assignments) through the services."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, assignments, dossiers, events, judging
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Dossier, Event, RecusalLevel, Role, User
from support.builders import ACTOR, RUBRICS, ensure_secretariat


def event(db: Database, *, name: str = "Kompetisi Inovasi Kota Medan 2026", rubric: str = "kipp-proposal",
          recusal: RecusalLevel = RecusalLevel.INSTANSI, blind: bool = False,
          aliases: dict[str, list[str]] | None = None) -> str:
    ensure_secretariat(db)
    with db.write() as s:
        e = events.create_event(s, name=name, rubric=load_rubric(RUBRICS / f"{rubric}.toml"), actor=ACTOR,
                                recusal_level=recusal, blind_mode=blind, aliases=aliases)
        return str(e.id)


def judge(db: Database, event_id: str, name: str, *, instansi: str = "KemenPAN-RB", unit_kerja: str = "",
          role: Role = Role.MEMBER, secret: str | None = None) -> str:
    with db.write() as s:
        ev = events.get_event(s, event_id)
        return str(accounts.add_judge(s, ev, name=name, instansi=instansi, unit_kerja=unit_kerja, role=role,
                                      actor=ACTOR, secret=secret).id)


def dossier(db: Database, event_id: str, number: str, *, title: str | None = None,
            instansi: str = "Pemerintah Kota Medan", unit_kerja: str = "", kategori: str = "Pelayanan Kesehatan",
            kelompok: str = "umum", content: dict[str, Any] | None = None) -> str:
    with db.write() as s:
        ev = events.get_event(s, event_id)
        d = dossiers.add_dossier(s, ev, number=number, title=title or f"Inovasi {number}", actor=ACTOR,
                                 instansi=instansi, unit_kerja=unit_kerja, kategori=kategori, kelompok=kelompok,
                                 content=content)
        return str(d.id)


def assign(db: Database, event_id: str, judge_ref: str, dossier_ref: str, stage_id: str | None = None) -> None:
    with db.write() as s:
        ev = events.get_event(s, event_id)
        assignments.assign(s, ev, dossiers.get_dossier(s, ev, dossier_ref),
                           accounts.find_judge(s, ev, judge_ref), actor=ACTOR, stage_id=stage_id)


def declare(db: Database, event_id: str, judge_ref: str) -> None:
    with db.write() as s:
        ev, j = who(s, event_id, judge_ref)
        judging.declare_integrity(s, ev, j)


def who(s: Session, event_id: str, judge_ref: str) -> tuple[Event, User]:
    ev = events.get_event(s, event_id)
    return ev, accounts.find_judge(s, ev, judge_ref)


def find_dossier(s: Session, event_id: str, ref: str) -> Dossier:
    return dossiers.get_dossier(s, events.get_event(s, event_id), ref)
