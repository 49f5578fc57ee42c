"""Migration 0005 (USB exchange): models and schema agree; upgrade keeps data; downgrade drops the tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from oaoi_desktop.store import migrate
from oaoi_desktop.store.database import Database, make_engine
from oaoi_desktop.store.migrate import current_revision, head_revision
from oaoi_desktop.store.models import Base

TABLES = {"sheet_lineages", "merged_bundles", "sheet_conflicts", "panel_packages"}


def test_models_match_the_migrated_schema(db: Database) -> None:
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert TABLES <= set(inspect(db.engine).get_table_names())
    assert head_revision() >= "0005"


def test_upgrade_from_0004_keeps_scores_and_downgrade_drops_the_tables(tmp_path: Path) -> None:
    from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform

    url = "sqlite:///" + str(tmp_path / "v4.sqlite")
    db = Database.open(url)
    eid = make_event(db)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-1")
    score(db, eid, "Ani", "P-1", uniform(KIPP_CRITERIA, 8))
    db.close()
    raw = Database(url, make_engine(url))
    migrate.downgrade(raw, "0004")
    assert not TABLES & set(inspect(raw.engine).get_table_names())
    raw.close()
    again = Database.open(url)
    assert current_revision(again) == head_revision()
    again.close()
    con = sqlite3.connect(tmp_path / "v4.sqlite")
    assert con.execute("SELECT COUNT(*) FROM scores").fetchone() == (7,)
    assert con.execute("SELECT COUNT(*) FROM sheet_lineages").fetchone() == (0,)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
