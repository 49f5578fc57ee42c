"""The demo event: built through the real services on its own database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from oaoi_desktop import config
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import accounts, assignments, demo, dossiers, events
from oaoi_desktop.services.imports import Outcome
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Assignment, ScoreSheet, SheetStatus
from support.packages import stray_files
from support.builders import ACTOR


def test_the_demo_database_lives_in_the_data_folder() -> None:
    path = demo.demo_db_path()
    assert path.parent == config.data_dir() / "demo"
    assert demo.demo_db_url() == "sqlite:///" + str(path)
    assert path != config.default_db_path()


def test_build_demo_refuses_the_users_own_database(db: Database) -> None:
    with pytest.raises(OaoiError) as info:
        demo.build_demo(db)
    assert info.value.message_id == "demo.not_demo_database"
    with db.read() as s:
        assert events.list_events(s) == []


def test_build_demo_makes_a_working_event(db: Database) -> None:
    info = demo.build_demo(db, allow_any_database=True, today=dt.date(2026, 12, 1))
    assert info.import_report is not None
    assert info.import_report.counts == {"imported": 12, "unchanged": 0, "updated": 0, "rejected": 0}
    warned = [i for i in info.import_report.items if i.warnings]
    assert [i.number for i in warned] == ["KIPP-2026-012"]  # the sample that is over a word limit
    assert info.secretariat == ("Sekretariat Demo", "739415")
    assert [(role, pin) for _n, role, pin in info.judges] == [("chair", "582614"), ("member", "604937"),
                                                             ("member", "318275"), ("member", "927346"),
                                                             ("member", "461853")]
    with db.read() as s:
        event = events.get_event(s, str(info.event_id))
        judges = {j.name: j for j in accounts.judges(s, event)}
        assert len(judges) == 5
        for name, _role, pin in info.judges:
            assert accounts.verify_secret(pin, judges[name].credential_hash)
        all_dossiers = dossiers.list_dossiers(s, event, actor=ACTOR)
        assert len(all_dossiers) == 12
        rows = s.execute(select(Assignment.judge_id, Assignment.dossier_id)).all()
        assert len(rows) == 12 * 5 - 3
        medan = judges["Ir. Agus Salim Lubis, M.T."]
        by_id = {d.id: d for d in all_dossiers}
        assert {by_id[d].number for j, d in rows if j == medan.id}.isdisjoint({"KIPP-2026-001", "KIPP-2026-006"})
        for j, d in rows:
            judge = next(x for x in judges.values() if x.id == j)
            assert not assignments.recused(event, judge, by_id[d])
        submitted = s.scalar(select(func.count()).select_from(ScoreSheet)
                             .where(ScoreSheet.status == SheetStatus.SUBMITTED))
        drafts = s.scalar(select(func.count()).select_from(ScoreSheet).where(ScoreSheet.status == SheetStatus.DRAFT))
        assert (submitted, drafts) == (7, 1)
        view = dossiers.dossier_view(s, all_dossiers[0], today=dt.date(2026, 12, 1), actor=ACTOR)
        assert view.attachments and all(a.size > 0 for a in view.attachments)
    assert stray_files(db) == set()
    again = demo.build_demo(db, allow_any_database=True)
    assert again.import_report is None and again.event_id == info.event_id


def test_open_demo_creates_then_reopens_the_demo_database() -> None:
    db, info = demo.open_demo()
    try:
        assert db.sqlite_path == demo.demo_db_path()
        assert info.import_report is not None and not info.import_report.has_rejections
        assert all(i.outcome is Outcome.IMPORTED for i in info.import_report.items)
    finally:
        db.close()
    db, again = demo.open_demo()
    db.close()
    assert again.event_id == info.event_id and again.import_report is None
