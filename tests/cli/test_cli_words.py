"""``oaoi event create|update --timezone`` (issue 14: every printed time local, with WIB/WITA/WIT)."""

from __future__ import annotations

import pytest

from oaoi_desktop.services import events
from oaoi_desktop.store.database import Database
from support.cli_signin import cli_runner


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Nobody signed in by the fixture: each test signs in as it needs."""
    return cli_runner(capsys, db_url)


def _zone(db_url: str, event_id: str) -> str:
    with Database.open(db_url) as db, db.read() as s:
        return (events.get_event(s, event_id).settings or {}).get("timezone", "")


def test_event_create_and_update_timezone(run, secretariat, db_url) -> None:
    code, out, err = run("event", "create", "--name", "Lomba Inovasi Kota Makassar", "--rubric", "kipp-proposal",
                         "--timezone", "wita")
    assert code == 0, err
    event_id = out.strip()
    assert _zone(db_url, event_id) == "WITA"
    code, out, err = run("event", "update", "--event", event_id, "--timezone", "WIT")
    assert code == 0, err
    assert "zona waktu WIT" in out
    assert _zone(db_url, event_id) == "WIT"


def test_event_update_refuses_unknown_zone_and_nothing_to_do(run, secretariat, db_url) -> None:
    code, out, err = run("event", "create", "--name", "KIPP Kota Medan 2026", "--rubric", "kipp-proposal")
    event_id = out.strip()
    code, out, err = run("event", "update", "--event", event_id, "--timezone", "UTC")
    assert code != 0 and "WIB" in err and "Traceback" not in err
    code, out, err = run("event", "update", "--event", event_id)
    assert code != 0 and "--timezone" in err and "Traceback" not in err
    assert _zone(db_url, event_id) == ""  # unset: printed as WIB


def test_rank_table_writes_decimal_commas_csv_stays_machine_readable(run, db, builders_secretariat) -> None:
    from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score

    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    add_dossier(db, eid, "P-1")
    for judge, value in (("Ani", 9), ("Budi", 9), ("Citra", 8)):
        score(db, eid, judge, "P-1", {c: value for c in KIPP_CRITERIA})  # mean 86.666…
    code, out, err = run("rank", "--event", eid)
    assert code == 0, err
    assert "86,67" in out and "86.67" not in out
    assert "Citra=80,00" in out
    code, out, err = run("rank", "--event", eid, "--format", "csv")
    assert code == 0, err
    assert ",86.666" in out and "86,67" not in out
