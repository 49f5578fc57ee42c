"""Agreement statistics against published worked examples and the ``krippendorff`` package."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import krippendorff
from oaoi_desktop.domain.agreement import icc, judge_bias, krippendorff_alpha_interval, ratings_from_table

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data:
# 4 observers × 12 units, "." missing.  Published: interval alpha = 0.849.
K_DATA = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def k_ratings(data):  # type: ignore[no-untyped-def]
    return [(u, obs, v) for obs, row in enumerate(data) for u, v in enumerate(row) if v is not None]


def test_krippendorff_published_example_interval() -> None:
    a = krippendorff_alpha_interval(k_ratings(K_DATA))
    assert round(float(a), 3) == 0.849
    assert a.units == 11 and a.pairable_values == 40  # unit 12 has one value only


def test_krippendorff_example_matches_the_package() -> None:
    matrix = np.array([[np.nan if v is None else v for v in row] for row in K_DATA], dtype=float)
    reference = krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval")
    assert float(krippendorff_alpha_interval(k_ratings(K_DATA))) == pytest.approx(reference, abs=1e-12)


@st.composite
def incomplete_matrices(draw):  # type: ignore[no-untyped-def]
    n_judges = draw(st.integers(2, 6))
    n_units = draw(st.integers(2, 15))
    data = []
    for _ in range(n_judges):
        data.append([draw(st.one_of(st.none(), st.integers(1, 10).map(lambda x: Fraction(x, 2))))
                     for _ in range(n_units)])
    return data


@given(incomplete_matrices())
def test_alpha_agrees_with_the_krippendorff_package_on_random_incomplete_data(data) -> None:  # type: ignore[no-untyped-def]
    ours = krippendorff_alpha_interval(k_ratings(data))
    matrix = np.array([[np.nan if v is None else float(v) for v in row] for row in data], dtype=float)
    pairable = sum(1 for u in range(len(data[0])) if sum(row[u] is not None for row in data) >= 2)
    if ours.value is None:
        assert ours.reason in ("no_pairable_units", "no_variation")
        return
    assert pairable > 0
    reference = krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval")
    assert float(ours.value) == pytest.approx(reference, rel=1e-9, abs=1e-9)


def test_alpha_perfect_agreement_and_undefined_cases() -> None:
    perfect = [(u, j, u) for u in range(5) for j in range(3)]
    assert krippendorff_alpha_interval(perfect).value == 1
    assert krippendorff_alpha_interval([(0, 0, 5), (1, 1, 6)]).reason == "no_pairable_units"
    assert krippendorff_alpha_interval([(u, j, 7) for u in range(3) for j in range(2)]).reason == "no_variation"


# Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges; published (Table 4):
# ICC(1,1)=.17 ICC(2,1)=.29 ICC(3,1)=.71 ICC(1,4)=.44 ICC(2,4)=.62 ICC(3,4)=.91
SF = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]


def sf_ratings():  # type: ignore[no-untyped-def]
    return [(t, j, v) for t, row in enumerate(SF) for j, v in enumerate(row)]


def test_icc_shrout_fleiss_published_example() -> None:
    r = icc(sf_ratings())
    got = {k: round(float(getattr(r, k)), 2) for k in ("icc1_1", "icc2_1", "icc3_1", "icc1_k", "icc2_k", "icc3_k")}
    assert got == {"icc1_1": 0.17, "icc2_1": 0.29, "icc3_1": 0.71, "icc1_k": 0.44, "icc2_k": 0.62, "icc3_k": 0.91}
    # mean squares of their Table 3: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02
    assert [round(float(x), 2) for x in (r.bms, r.wms, r.jms, r.ems)] == [11.24, 6.26, 32.49, 1.02]
    assert r.k == 4 and r.n_units == 6 and r.reason is None


def test_icc_one_way_on_an_incomplete_design_with_equal_k() -> None:
    # each target scored by a different pair of judges: one-way only
    ratings = [(t, (t + j) % 5, v) for t, row in enumerate(SF) for j, v in enumerate(row[:2])]
    r = icc(ratings)
    assert r.k == 2 and r.icc1_1 is not None and r.icc2_1 is None and r.two_way_reason == "not_crossed"
    # hand check: one-way ANOVA on the first two columns
    rows = [row[:2] for row in SF]
    grand = Fraction(sum(map(sum, rows)), 12)
    bms = 2 * sum((Fraction(sum(x), 2) - grand) ** 2 for x in rows) / 5
    wms = sum((Fraction(v) - Fraction(sum(x), 2)) ** 2 for x in rows for v in x) / 6
    assert r.icc1_1 == (bms - wms) / (bms + wms)
    assert r.icc1_k == (bms - wms) / bms


def test_icc_not_computable_cases() -> None:
    assert icc([(0, 0, 1), (0, 1, 2)]).reason == "too_few_units"
    assert icc([(0, 0, 1), (0, 1, 2), (1, 0, 3), (1, 1, 3), (1, 2, 4)]).reason == "unequal_k"
    assert icc([(0, 0, 1), (1, 0, 2)]).reason == "k_below_2"
    assert icc([(u, j, 5) for u in range(3) for j in range(2)]).reason == "no_variance"


def test_judge_bias_leave_one_out() -> None:
    # judge "keras" always 10 below the two others, who agree; "acak" uncorrelated
    table = {}
    for u in range(8):
        base = 50 + 5 * u
        table[u] = {"a": base, "b": base, "keras": base - 10}
    bias = judge_bias(ratings_from_table(table), deviation_limit=Fraction(15, 2))
    assert bias["keras"].mean_deviation == -10 and bias["keras"].flags == ("harsh",)
    assert bias["a"].mean_deviation == 5 and bias["a"].flags == ()  # (x - mean(b, keras)) = +5
    assert bias["keras"].correlation == pytest.approx(1.0)
    noisy = {u: {"a": 50 + 5 * u, "b": 50 + 5 * u, "acak": [90, 40, 60, 30, 80, 50, 35, 70][u]} for u in range(8)}
    nb = judge_bias(ratings_from_table(noisy), deviation_limit=50)
    assert "low_correlation" in nb["acak"].flags
    assert nb["acak"].correlation is not None and nb["acak"].correlation < 0.3
    lone = judge_bias([(0, "x", 5), (1, "y", 6)], deviation_limit=1)
    assert lone["x"].mean_deviation is None and lone["x"].n_shared == 0


def test_judge_bias_correlation_against_numpy() -> None:
    rng = np.random.default_rng(3)
    table = {u: {j: int(rng.integers(1, 11)) for j in "abcd"} for u in range(20)}
    bias = judge_bias(ratings_from_table(table), deviation_limit=3)
    xs = [table[u]["a"] for u in range(20)]
    ys = [np.mean([table[u][j] for j in "bcd"]) for u in range(20)]
    assert bias["a"].correlation == pytest.approx(float(np.corrcoef(xs, ys)[0, 1]), abs=1e-12)
    assert float(bias["a"].mean_deviation) == pytest.approx(float(np.mean(np.array(xs) - np.array(ys))))
    assert not math.isnan(bias["a"].correlation)
