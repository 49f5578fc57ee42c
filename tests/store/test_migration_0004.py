"""Migration 0004 (signing credentials, issued documents, finalisation): data kept, downgrade works."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from oaoi_desktop.store.database import Database, make_engine
from oaoi_desktop.store import migrate
from oaoi_desktop.store.migrate import current_revision, head_revision


def test_upgrade_from_0003_keeps_events_and_scores(tmp_path: Path) -> None:
    from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform

    url = "sqlite:///" + str(tmp_path / "v3.sqlite")
    db = Database.open(url)
    eid = make_event(db)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-1")
    score(db, eid, "Ani", "P-1", uniform(KIPP_CRITERIA, 8))
    db.close()
    raw = Database(url, make_engine(url))
    migrate.downgrade(raw, "0003")
    tables = inspect(raw.engine).get_table_names()
    assert "judge_credentials" not in tables and "issued_documents" not in tables
    assert "finalised_at" not in {c["name"] for c in inspect(raw.engine).get_columns("events")}
    raw.close()
    again = Database.open(url)
    assert current_revision(again) == head_revision()
    again.close()
    con = sqlite3.connect(tmp_path / "v3.sqlite")
    assert con.execute("SELECT COUNT(*) FROM scores").fetchone() == (7,)
    assert con.execute("SELECT finalised_at, finalised_by FROM events").fetchall() == [(None, "")]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
