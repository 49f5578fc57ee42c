"""Ranking from the store: SQL sums equal the domain's exact totals."""

from __future__ import annotations

import random

import pytest
from fractions import Fraction

from oaoi_desktop.domain.scoring import sheet_total
from oaoi_desktop.services import events, ranking
from oaoi_desktop.store.database import Database
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform


def test_sql_totals_match_the_domain_sheet_total(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["A", "B", "C"])
    rnd = random.Random(7)
    expected = {}
    for n in range(4):
        number = f"P-{n:03d}"
        add_dossier(db, eid, number)
        for judge in ("A", "B", "C"):
            values = {c: rnd.randint(5, 10) for c in KIPP_CRITERIA}
            score(db, eid, judge, number, values)
            expected[(number, judge)] = values
    with db.read() as s:
        event = events.get_event(s, eid)
        rubric = events.event_rubric(s, event)
        totals = ranking.sheet_totals(s, event, rubric, actor=ACTOR)
        rows = ranking.ranking_rows(s, event, ranking.rank_event(s, event, group_by=(), actor=ACTOR), actor=ACTOR)
    assert len(totals) == 12
    by_number = {r["dossier_id"]: r["number"] for r in rows}
    for t in totals:
        assert isinstance(t.total, Fraction)
    got = sorted(t.total for t in totals)
    want = sorted(sheet_total(rubric.first_stage, v) for v in expected.values())
    assert got == want
    assert set(by_number.values()) == {f"P-{n:03d}" for n in range(4)}


def test_drafts_do_not_count_and_unscored_dossiers_are_unranked(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["A", "B"])
    for number in ("P-1", "P-2", "P-3"):
        add_dossier(db, eid, number)
    score(db, eid, "A", "P-1", uniform(KIPP_CRITERIA, 9))
    score(db, eid, "B", "P-1", uniform(KIPP_CRITERIA, 8))
    score(db, eid, "A", "P-2", uniform(KIPP_CRITERIA, 10))
    score(db, eid, "B", "P-3", uniform(KIPP_CRITERIA, 10), submit=False)
    with db.read() as s:
        event = events.get_event(s, eid)
        rows = ranking.ranking_rows(s, event, ranking.rank_event(s, event, group_by=(), actor=ACTOR), actor=ACTOR)
    table = {r["number"]: r for r in rows}
    assert table["P-2"]["rank"] == 1 and table["P-2"]["score"] == 100
    assert table["P-1"]["rank"] == 2 and table["P-1"]["score"] == Fraction(85)
    assert table["P-1"]["passed"] is True
    assert table["P-3"]["rank"] is None and table["P-3"]["passed"] is False


def test_tie_resolved_by_signifikansi_in_sql_backed_ranking(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["A"])
    add_dossier(db, eid, "P-1")
    add_dossier(db, eid, "P-2")
    # same total 80: P-1 is stronger on signifikansi (weight 25) ...
    base = uniform(KIPP_CRITERIA, 8)
    # weights: signifikansi 25, sumber_daya 5 → +2.5 and -2.5 keep the totals equal
    p1 = base | {"signifikansi": 9, "sumber_daya": 3}
    p2 = base
    score(db, eid, "A", "P-1", p1, comments={"sumber_daya": "Anggaran tidak dijelaskan."})
    score(db, eid, "A", "P-2", p2)
    with db.read() as s:
        event = events.get_event(s, eid)
        result = ranking.rank_event(s, event, group_by=(), actor=ACTOR)
        rows = ranking.ranking_rows(s, event, result, actor=ACTOR)
    table = {r["number"]: r for r in rows}
    assert table["P-1"]["score"] == table["P-2"]["score"] == 80
    assert table["P-1"]["rank"] == 1 and table["P-2"]["rank"] == 2
    assert result.trace, "the tie-break must be traced"
    assert "signifikansi" in table["P-1"]["notes"].lower() or "Signifikansi" in table["P-1"]["notes"]


def test_groups_by_kategori_are_ranked_separately(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["A"])
    add_dossier(db, eid, "K-1", kategori="Kesehatan")
    add_dossier(db, eid, "K-2", kategori="Kesehatan")
    add_dossier(db, eid, "D-1", kategori="Pendidikan")
    score(db, eid, "A", "K-1", uniform(KIPP_CRITERIA, 7))
    score(db, eid, "A", "K-2", uniform(KIPP_CRITERIA, 9))
    score(db, eid, "A", "D-1", uniform(KIPP_CRITERIA, 6))
    with db.read() as s:
        event = events.get_event(s, eid)
        rows = ranking.ranking_rows(s, event, ranking.rank_event(s, event, group_by=("kategori",), actor=ACTOR), actor=ACTOR)
    table = {r["number"]: (r["group"], r["rank"]) for r in rows}
    assert table == {"K-2": ("Kesehatan", 1), "K-1": ("Kesehatan", 2), "D-1": ("Pendidikan", 1)}


@pytest.mark.parametrize("method", ["mean", "trimmed_mean", "median", "zscore_mean"])
def test_database_aggregates_give_the_same_ranking_as_the_domain(db: Database, method: str) -> None:
    """The fast path (criterion sums in SQL) must equal the domain's own."""
    from oaoi_desktop.domain.rubric import AggregationMethod

    eid = make_event(db)
    judges = ["A", "B", "C", "D", "E", "F"]
    add_judges(db, eid, judges)
    rnd = random.Random(11)
    for n in range(14):
        number = f"P-{n:02d}"
        add_dossier(db, eid, number, kategori=rnd.choice(["X", "Y"]))
        # few distinct values → many ties that need the criterion chain
        base = rnd.choice([6, 7, 8])
        for judge in rnd.sample(judges, rnd.choice([3, 5, 6])):
            # +1 on signifikansi (weight 25) and -5 on sumber_daya (weight 5)
            # leave the total unchanged: equal totals, different tie-breaks
            d = rnd.choice([0, 1])
            values = {c: base for c in KIPP_CRITERIA}
            values["signifikansi"] = base + d
            values["sumber_daya"] = base - 5 * d
            score(db, eid, judge, number, values, comments={"sumber_daya": "Rincian anggaran tidak ada."})
    with db.read() as s:
        event = events.get_event(s, eid)
        fast = ranking.rank_event(s, event, method=AggregationMethod(method), actor=ACTOR)
        slow = ranking.rank_event(s, event, method=AggregationMethod(method), fast=False, actor=ACTOR)
    assert [(r.dossier_id, r.rank, r.value, r.tied_for_chair) for r in fast] == \
        [(r.dossier_id, r.rank, r.value, r.tied_for_chair) for r in slow]
    assert [e.render("en") for e in fast.trace] == [e.render("en") for e in slow.trace]
    assert fast.trace, "the data must exercise tie-breaks"
