"""``oaoi rank --sensitivity``: table, CSV and JSON; plain ``oaoi rank`` unchanged."""

from __future__ import annotations

import json

import pytest

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK
from oaoi_desktop.store.database import Database
from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform

SCORES = {"P-1": (9, 9, 9), "P-2": (10, 8, 8), "P-3": (8, 8, 9), "P-4": (6, 6, 6)}



@pytest.fixture
def ev(db: Database) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    for number, values in SCORES.items():
        add_dossier(db, eid, number, kategori="Kesehatan")
        for judge, v in zip(("Ani", "Budi", "Citra"), values, strict=True):
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, v))
    return eid


def test_json_names_the_judge_each_pass_and_advancement_depends_on(run, ev: str) -> None:
    code, out, err = run("rank", "--event", ev, "--sensitivity", "--top", "2", "--format", "json")
    assert code == EXIT_OK, err
    doc = json.loads(out)
    assert doc["top_n"] == 2 and doc["pass_mark"] == 85 and doc["judges"] == ["Ani", "Budi", "Citra"]
    assert doc["dependent"] == 2
    rows = {r["number"]: r for r in doc["rows"]}
    assert rows["P-2"]["pass_depends_on"] == ["Ani"] and rows["P-2"]["advance_depends_on"] == ["Ani"]
    assert rows["P-2"]["depends_on_one_judge"] is True and rows["P-1"]["depends_on_one_judge"] is False
    ani = next(w for w in rows["P-2"]["without"] if w["judge"] == "Ani")
    assert rows["P-2"]["dossier_id"].count("-") == 4  # the UUID as `oaoi rank` prints it
    assert ani == {"judge": "Ani", "rank": 3, "score": 80, "passed": False, "advanced": False}
    assert rows["P-2"]["score"].startswith("86.666")  # exact, as canonical decimal text


def test_table_marks_the_dependent_rows_in_indonesian(run, ev: str) -> None:
    code, out, err = run("rank", "--event", ev, "--sensitivity", "--top", "2")
    assert code == EXIT_OK, err
    lines = out.splitlines()
    p2 = next(line for line in lines if "P-2" in line)
    assert p2.startswith("!") and "bergantung pada 1 penilai: Ani (batas lulus, 2 besar)" in p2
    p1 = next(line for line in lines if "P-1" in line)
    assert not p1.startswith("!") and "bergantung" not in p1
    assert "2 besar" in lines[0]
    assert "2 proposal" in lines[-1] and "3 penilai" in lines[-1]


def test_csv_and_the_plain_ranking_is_unchanged(run, ev: str) -> None:
    code, out, _ = run("rank", "--event", ev, "--sensitivity", "--format", "csv")
    assert code == EXIT_OK
    header, *body = out.splitlines()
    assert header.split(",")[:4] == ["group", "rank", "dossier_id", "number"] and "pass_depends_on" in header
    assert len(body) == 4
    code, out, _ = run("rank", "--event", ev, "--format", "csv")
    assert code == EXIT_OK
    assert out.splitlines()[0] == "group,rank,number,title,score,passed,judges,judge_totals,notes,complete"


def test_with_compare_it_is_refused_in_one_line(run, ev: str) -> None:
    code, out, err = run("rank", "--event", ev, "--sensitivity", "--compare", "median", "--lang", "en")
    assert code == EXIT_FAILED and "--compare" in err and len(err.strip().splitlines()) == 1
    code, out, err = run("rank", "--event", ev, "--sensitivity", "--top", "0", "--lang", "en")
    assert code == EXIT_FAILED and "Traceback" not in err

