"""A panel spread over laptops for the USB exchange tests: the secretariat's
database, judges' laptops on their own tmp SQLite files, real packages,
real keys and signatures."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from oaoi_desktop.services import accounts, assignments, dossiers, events, imports, judging, ranking, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.exchange import bundles, packages
from oaoi_desktop.services import keys
from oaoi_desktop.store import models
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role
from support.builders import ACTOR, KIPP_CRITERIA, ensure_secretariat, fill_sheet
from support.packages import write_folder

CA_PASS = "otoritas-kegiatan-2026"
PIN = "246810"
NUMBERS = ("KIPP-001", "KIPP-002", "KIPP-003", "KIPP-004")
UNIQUE_FILES = 9
"""Three attachments per dossier; the photo is the same file in all four."""


def passphrase(judge: str) -> str:
    return f"frasa-sandi-{judge.lower()}-2026"


@dataclass
class World:
    root: Path
    sec: Database
    event_id: str
    judges: dict[str, str] = field(default_factory=dict)
    laptops: dict[str, Database] = field(default_factory=dict)

    def close(self) -> None:
        for db in self.laptops.values():
            db.close()
        self.sec.close()

    # -- the secretariat ------------------------------------------------------
    def export_package(self, judge: str, out: Path | None = None) -> Path:
        out = out or self.root / "usb" / judge.lower()
        packages.export_package(self.sec, self.event_id, judge, out, passphrase(judge), actor=ACTOR,
                                ca_passphrase=CA_PASS)
        return out

    def merge(self, *files: Path) -> bundles.MergeReport:
        return bundles.import_bundles(self.sec, self.event_id, list(files), actor=ACTOR)

    # -- a judge's laptop -----------------------------------------------------------
    def laptop(self, judge: str, name: str | None = None) -> Database:
        key = name or judge
        if key not in self.laptops:
            self.laptops[key] = Database.open("sqlite:///" + str(self.root / f"laptop-{key.lower()}.sqlite"))
        return self.laptops[key]

    def set_up_laptop(self, judge: str, name: str | None = None, package: Path | None = None) -> Database:
        db = self.laptop(judge, name)
        packages.import_package(db, package or self.export_package(judge), passphrase(judge))
        with db.write() as s:
            ev = events.get_event(s, self.event_id)
            judging.declare_integrity(s, ev, accounts.find_judge(s, ev, judge))
        return db

    def score_on(self, db: Database, judge: str, number: str, values: Mapping[str, int], *,
                 submit: bool = True, comment: str = "") -> None:
        with db.write() as s:
            ev = events.get_event(s, self.event_id)
            j = accounts.find_judge(s, ev, judge)
            d = dossiers.get_dossier(s, ev, number)
            for cid, v in values.items():
                judging.record_score(s, ev, j, d, cid, v, comment or None)
            if submit:
                judging.submit_sheet(s, ev, j, d)

    def bundle_from(self, db: Database, judge: str, out: Path | None = None) -> Path:
        return bundles.export_bundle(db, self.event_id, judge, out or self.root / "bundles", passphrase(judge)).path


def make_world(root: Path, judges: tuple[str, ...] = ("Ani", "Budi"), *, sec_url: str | None = None) -> World:
    """The secretariat's database (``sec_url``, e.g. the ``db_url`` fixture: SQLite or PostgreSQL;
    default a SQLite file in ``root``) with the event, four imported dossiers, the judges, the
    event's authority and each judge's credential; judges' laptops are SQLite files, as in a venue."""
    root.mkdir(parents=True, exist_ok=True)
    sec = Database.open(sec_url or "sqlite:///" + str(root / "secretariat.sqlite"))
    ensure_secretariat(sec)
    with sec.write() as s:
        from oaoi_desktop.rubrics import load_rubric
        from support.builders import RUBRICS

        ev = events.create_event(s, name="KIPP Kota Medan 2026", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"),
                                 actor=ACTOR)
        event_id = str(ev.id)
    world = World(root=root, sec=sec, event_id=event_id)
    sources = [write_folder(root / "proposals" / n, number=n) for n in NUMBERS]
    report = imports.import_paths(sec, event_id, sources, actor=ACTOR)
    assert not report.has_rejections
    with sec.write() as s:
        ev = events.get_event(s, event_id)
        keys.create_authority(s, ev.id, CA_PASS, ACTOR)
        for i, name in enumerate(judges):
            j = accounts.add_judge(s, ev, name=name, instansi="KemenPAN-RB", role=Role.CHAIR if i == 0 else Role.MEMBER,
                                   actor=ACTOR, secret=PIN)
            world.judges[name] = str(j.id)
            keys.issue_judge_certificate(s, ev.id, j.id, CA_PASS, passphrase(name), ACTOR)
            for d in dossiers.list_dossiers(s, ev, actor=ACTOR):
                assignments.assign(s, ev, d, j, actor=ACTOR)
    return world


SCORES: dict[str, dict[str, dict[str, int]]] = {
    "Ani": {n: {c: 5 + (i + k) % 5 for k, c in enumerate(KIPP_CRITERIA)} for i, n in enumerate(NUMBERS)},
    "Budi": {n: {c: 9 - (i * 2 + k) % 4 for k, c in enumerate(KIPP_CRITERIA)} for i, n in enumerate(NUMBERS)},
}


def ranking_of(db: Database, event_id: str) -> list[tuple[Any, ...]]:
    with db.read() as s:
        ev = events.get_event(s, event_id)
        rows = ranking.ranking_rows(s, ev, ranking.rank_event(s, ev, actor=ACTOR), actor=ACTOR)
    return [(r["group"], r["rank"], r["number"], r["score"], r["judges"], r["judge_totals"]) for r in rows]


def score_directly(db: Database, event_id: str, judge: str, number: str, values: Mapping[str, int]) -> None:
    """What scoring on one machine does (the judge workspace's lock on submit)."""
    with db.write() as s:
        ev = events.get_event(s, event_id)
        j = accounts.find_judge(s, ev, judge)
        d = dossiers.get_dossier(s, ev, number)
        fill_sheet(s, ev, j, d, values)  # the judge workspace, as the judge


def enter_on_paper(db: Database, event_id: str, judge: str, number: str, values: Mapping[str, int]) -> None:
    """The secretariat types in a judge's paper sheet (locked, ``source = "paper"``), as the paper import does."""
    with db.write() as s:
        ev = events.get_event(s, event_id)
        j = accounts.find_judge(s, ev, judge)
        d = dossiers.get_dossier(s, ev, number)
        # what paper.import_paper_scores writes after its authority check (the store writer is private)
        sheets.save_sheet_unchecked(s, ev, j, d, values=values, submit=True, lock=True, source="paper", actor=ACTOR,
                           action="sheet.paper_entered")


COUNTED_TABLES = (models.ScoreSheet, models.Score, models.AuditEntry, models.SheetConflict, models.MergedBundle,
                  models.ConflictDeclaration, models.SheetLineage, models.IntegrityDeclaration)


def store_fingerprint(db: Database, event_id: str) -> tuple[Any, ...]:
    """Row counts of the tables a merge touches, the audit head, and every score."""
    with db.read() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(m)) for m in COUNTED_TABLES)
        row = s.get(models.AuditHead, event_id)
        head = (row.seq, row.hash) if row is not None else None
        scores = tuple(s.execute(select(models.Score.sheet_id, models.Score.criterion_id, models.Score.value_milli,
                                        models.Score.comment).order_by(models.Score.sheet_id,
                                                                      models.Score.criterion_id)).all())
        statuses = tuple(s.execute(select(models.ScoreSheet.id, models.ScoreSheet.status, models.ScoreSheet.revision)
                                   .order_by(models.ScoreSheet.id)).all())
    return counts, head, scores, statuses


def judge_uuid(world: World, name: str) -> uuid.UUID:
    return uuid.UUID(world.judges[name])
