"""Comparing two aggregation methods side by side (services.ranking.compare_methods)."""

from __future__ import annotations

import pytest

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import events, ranking
from oaoi_desktop.store.database import Database
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, score, uniform


def put(db: Database, eid: str, judge: str, dossier: str, v: int) -> None:
    values = uniform(KIPP_CRITERIA, v)
    score(db, eid, judge, dossier, values, comments={c: "lemah" for c, x in values.items() if x < 5})


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    for name in ("Ani", "Budi", "Citra"):
        jb.judge(db, eid, name)
    for number in ("A", "B", "C", "D"):
        jb.dossier(db, eid, number, kategori="Kesehatan")
    for j, v in zip(("Ani", "Budi", "Citra"), (10, 10, 1)):  # A: mean 70, median 100
        put(db, eid, j, "A", v)
    for j in ("Ani", "Budi", "Citra"):  # B: 80 under both
        put(db, eid, j, "B", 8)
    for j, v in zip(("Ani", "Budi", "Citra"), (9, 9, 4)):  # C: mean 73.3, median 90
        put(db, eid, j, "C", v)
    return eid


def compare(db: Database, eid: str, other: AggregationMethod, **kw) -> ranking.MethodComparison:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return ranking.compare_methods(s, events.get_event(s, eid), other, **kw, actor=ACTOR)


def numbers(db: Database, eid: str) -> dict[str, str]:
    with db.read() as s:
        from oaoi_desktop.services.dossiers import list_dossiers

        return {d.id.hex: d.number for d in list_dossiers(s, events.get_event(s, eid), actor=ACTOR)}


def test_moves_and_pass_mark_crossings(db: Database, ev: str) -> None:
    result = compare(db, ev, AggregationMethod.MEDIAN, method=AggregationMethod.MEAN)
    num = numbers(db, ev)
    rows = {num[c.dossier_id]: c for c in result.changes}
    assert [num[c.dossier_id] for c in result.changes] == ["B", "C", "A", "D"]  # in the order of method a
    assert (rows["B"].rank_a, rows["B"].rank_b, rows["B"].move) == (1, 3, -2)
    assert (rows["C"].rank_a, rows["C"].rank_b, rows["C"].move) == (2, 2, 0)
    assert (rows["A"].rank_a, rows["A"].rank_b, rows["A"].move) == (3, 1, 2)
    assert rows["A"].crossed and rows["C"].crossed and not rows["B"].crossed  # pass mark 85
    assert rows["A"].passed_b and not rows["A"].passed_a
    assert rows["D"].rank_a is None and rows["D"].move is None and not rows["D"].marked
    assert {num[c.dossier_id] for c in result.marked} == {"A", "B", "C"}
    assert {num[c.dossier_id]: c.moved for c in result.changes} == {"A": True, "B": True, "C": False, "D": False}
    wide = compare(db, ev, AggregationMethod.MEDIAN, method=AggregationMethod.MEAN, max_moves=2)
    assert not any(c.moved for c in wide.changes)
    assert {num[c.dossier_id] for c in wide.marked} == {"A", "C"}  # still crossing the pass mark

def test_same_method_marks_nothing_and_matches_rank_event(db: Database, ev: str) -> None:
    result = compare(db, ev, AggregationMethod.MEAN, method=AggregationMethod.MEAN)
    assert result.marked == []
    with db.read() as s:
        plain = ranking.rank_event(s, events.get_event(s, ev), method=AggregationMethod.MEDIAN, actor=ACTOR)
    other = compare(db, ev, AggregationMethod.MEDIAN)
    assert [(r.dossier_id, r.rank, r.value) for r in other.ranking_b] == [(r.dossier_id, r.rank, r.value) for r in plain]


def test_negative_moves_refused(db: Database, ev: str) -> None:
    with pytest.raises(ValidationError):
        compare(db, ev, AggregationMethod.MEDIAN, max_moves=-1)
