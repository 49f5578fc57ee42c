"""Agreement report of an event from the store, checked against the domain and the reference package."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import krippendorff
from oaoi_desktop.domain.agreement import spreads_from_integers
from oaoi_desktop.domain.scoring import CriterionScore, SheetTotal
from oaoi_desktop.domain.statistics import spreads
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import agreement, events
from oaoi_desktop.store.database import Database
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, score, uniform

# judge → dossier → uniform score (a "harsh" judge scores 3 below, "lunak" 3 above)
SCORES = {
    "Ani":   {"P-1": 8, "P-2": 6, "P-3": 9, "P-4": 5, "P-5": 7, "P-6": 8},
    "Budi":  {"P-1": 8, "P-2": 7, "P-3": 9, "P-4": 4, "P-5": 7},
    "Keras": {"P-1": 5, "P-2": 3, "P-3": 6, "P-4": 2, "P-5": 4, "P-6": 5},
    "Lunak": {"P-2": 9, "P-3": 10, "P-6": 10},
}


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    for name in SCORES:
        jb.judge(db, eid, name)
    for i in range(1, 8):
        jb.dossier(db, eid, f"P-{i}")
    for judge, per in SCORES.items():
        for dossier, v in per.items():
            values = {**uniform(KIPP_CRITERIA, v), "kebaruan": min(10, v + (1 if judge == "Budi" else 0))}
            comments = {c: "kurang" for c, x in values.items() if x < 5}
            score(db, eid, judge, dossier, values, comments=comments)
    score(db, eid, "Budi", "P-6", uniform(KIPP_CRITERIA, 9), submit=False)  # a draft does not count
    return eid


def report(db: Database, eid: str) -> agreement.AgreementReport:
    with db.read() as s:
        return agreement.event_agreement(s, events.get_event(s, eid), actor=ACTOR)


def matrix(criterion_value):  # type: ignore[no-untyped-def]
    judges = list(SCORES)
    dossiers = [f"P-{i}" for i in range(1, 8)]
    return np.array([[np.nan if d not in SCORES[j] else criterion_value(j, SCORES[j][d]) for d in dossiers]
                      for j in judges], dtype=float)


def test_alpha_per_criterion_and_total_match_the_reference_package(db: Database, ev: str) -> None:
    r = report(db, ev)
    assert (r.n_dossiers, r.n_judges, r.n_sheets) == (6, 4, 20)
    ref = krippendorff.alpha(reliability_data=matrix(lambda j, v: v), level_of_measurement="interval")
    assert float(r.item("signifikansi").alpha.value) == pytest.approx(ref, abs=1e-12)
    ref_k = krippendorff.alpha(reliability_data=matrix(lambda j, v: min(10, v + (1 if j == "Budi" else 0))),
                               level_of_measurement="interval")
    assert float(r.item("kebaruan").alpha.value) == pytest.approx(ref_k, abs=1e-12)
    # totals: 10 × score, plus 1.5 points (weight 15 × 1/10) for Budi's kebaruan bonus
    ref_t = krippendorff.alpha(
        reliability_data=matrix(lambda j, v: 10 * v + (15 * (min(10, v + 1) - v) / 10 if j == "Budi" else 0)),
        level_of_measurement="interval")
    assert float(r.item("total").alpha.value) == pytest.approx(ref_t, abs=1e-12)
    # judges per dossier differ (3, 4, 4, 3, 3, 3): the one-way ICC is not computable
    assert r.item("total").icc.reason == "unequal_k"


def test_judge_bias_flags_the_harsh_and_the_lenient(db: Database, ev: str) -> None:
    r = report(db, ev)
    by_name = {j.name: j for j in r.judges}
    assert r.deviation_limit == Fraction(15, 2)
    assert by_name["Keras"].flags == ("harsh",)
    assert by_name["Lunak"].flags == ("lenient",)
    # leave-one-out by hand: own total − mean of the others' totals, averaged over shared dossiers
    def total(j: str, v: int) -> Fraction:
        return Fraction(10 * v) + (Fraction(15, 10) * (min(10, v + 1) - v) if j == "Budi" else 0)

    for name in SCORES:
        devs = []
        for d, v in SCORES[name].items():
            others = [total(o, SCORES[o][d]) for o in SCORES if o != name and d in SCORES[o]]
            if others:
                devs.append(total(name, v) - sum(others) / len(others))
        assert by_name[name].bias.mean_deviation == sum(devs) / len(devs), name
    # Keras drags the others' mean down, so Ani reads lenient beside it: the flag is relative by design
    assert by_name["Ani"].bias.mean_deviation > 0
    assert by_name["Keras"].bias.n_shared == 6
    assert by_name["Keras"].n_sheets == 6 and by_name["Keras"].mean == Fraction(50 + 30 + 60 + 20 + 40 + 50, 6)


def test_flagged_dossiers_are_the_rubric_thresholds(db: Database, ev: str) -> None:
    r = report(db, ev)
    flagged = {d.number: d.spread for d in r.flagged_dossiers}
    assert set(flagged) == {"P-1", "P-2", "P-3", "P-4", "P-5", "P-6"}
    assert flagged["P-2"].total_range == 60  # Keras 30, Lunak 90
    assert "signifikansi" in flagged["P-2"].flagged_criteria
    assert "P-7" not in {d.number for d in r.dossiers}  # never scored


def test_integer_spreads_equal_the_statistics_module() -> None:
    from oaoi_desktop.rubrics import load_rubric
    from support.builders import RUBRICS

    rubric = load_rubric(RUBRICS / "kipp-proposal.toml")
    rng = np.random.default_rng(5)
    totals, crit = [], {c: [] for c in KIPP_CRITERIA}
    for d in range(30):
        for j in range(int(rng.integers(1, 5))):
            vals = {c: int(rng.integers(1, 11)) * 1000 for c in KIPP_CRITERIA}
            for c, v in vals.items():
                crit[c].append((f"d{d}", f"j{j}", v))
            totals.append((f"d{d}", f"j{j}", sum(vals.values())))  # an arbitrary integer total
    fast = spreads_from_integers("proposal", totals, 700, crit, 1000,
                                 total_limit=Fraction(15), criterion_limit=Fraction(4), criterion_order=KIPP_CRITERIA)
    slow = spreads(rubric, [SheetTotal(d, j, "proposal", Fraction(v, 700)) for d, j, v in totals],
                   [CriterionScore(d, j, "proposal", c, Fraction(v, 1000)) for c, rows in crit.items()
                    for d, j, v in rows])
    assert fast == slow


def test_empty_stage_and_unknown_stage(db: Database) -> None:
    eid = jb.event(db)
    r = report(db, eid)
    assert r.n_sheets == 0 and r.item("total").alpha.reason == "no_pairable_units"
    with db.read() as s:
        with pytest.raises(ValidationError):
            agreement.event_agreement(s, events.get_event(s, eid), stage_id="nope", actor=ACTOR)
