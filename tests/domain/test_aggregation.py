"""Aggregation of judges' totals: mean, median, trimmed mean, z-score mean."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from oaoi_desktop.domain.aggregation import (
    aggregate,
    aggregate_rows,
    aggregate_table,
    raw_means,
    rows_to_table,
    zscore_mean,
)
from oaoi_desktop.domain.rubric import AggregationMethod

MEAN = AggregationMethod.MEAN
MEDIAN = AggregationMethod.MEDIAN
TRIMMED = AggregationMethod.TRIMMED_MEAN
ZSCORE = AggregationMethod.ZSCORE_MEAN


def F(*values: int | str) -> list[Fraction]:
    return [Fraction(v) for v in values]


def test_no_values_give_none() -> None:
    for method in (MEAN, MEDIAN, TRIMMED):
        assert aggregate([], method) is None
    assert aggregate_table({"a": {}}, MEAN) == {}
    assert zscore_mean([]) == {}


def test_one_judge_is_their_total() -> None:
    for method in (MEAN, MEDIAN, TRIMMED):
        assert aggregate(F("74.5"), method) == Fraction(149, 2)


def test_mean_is_exact() -> None:
    assert aggregate(F(80, 90, 70), MEAN) == 80
    assert aggregate([Fraction(1, 3), Fraction(1, 6)], "mean") == Fraction(1, 4)
    assert aggregate(F(85, 86, 86), MEAN) == Fraction(257, 3)


def test_median_odd_and_even() -> None:
    assert aggregate(F(70, 90, 80), MEDIAN) == 80
    assert aggregate(F(100, 70, 90, 80), MEDIAN) == 85  # mean of the two middle values
    assert aggregate(F("70.5", 71, 90, 10), MEDIAN) == Fraction(283, 4)
    assert aggregate(F(60, 90), MEDIAN) == 75


def test_trimmed_mean_below_five_judges_is_plain_mean() -> None:
    assert aggregate(F(60, 70, 80, 100), TRIMMED) == Fraction(155, 2)
    assert aggregate(F(10, 100), TRIMMED) == 55


def test_trimmed_mean_with_five_judges_drops_one_highest_and_one_lowest() -> None:
    assert aggregate(F(50, 70, 80, 90, 100), TRIMMED) == 80
    # only ONE of the equal highest values is dropped
    assert aggregate(F(100, 100, 80, 80, 60), TRIMMED) == Fraction(260, 3)
    assert aggregate(F(100, 100, 80, 80, 60), MEAN) == 84


def test_trimmed_mean_with_seven_judges() -> None:
    assert aggregate(F(10, 70, 75, 80, 85, 90, 100), TRIMMED) == 80
    assert aggregate(F(10, 70, 75, 80, 85, 90, 100), MEAN) == Fraction(510, 7)


def test_aggregate_refuses_zscore_on_one_dossier() -> None:
    with pytest.raises(ValueError):
        aggregate(F(1, 2), ZSCORE)


def test_tables_and_rows() -> None:
    rows = [("a", "j1", Fraction(80)), ("a", "j2", Fraction(91)), ("b", "j1", Fraction(70))]
    assert rows_to_table(rows) == {"a": {"j1": 80, "j2": 91}, "b": {"j1": 70}}
    assert aggregate_rows(rows, MEAN) == {"a": Fraction(171, 2), "b": 70}
    assert aggregate_rows(rows, MEDIAN) == {"a": Fraction(171, 2), "b": 70}
    assert raw_means(rows_to_table(rows)) == {"a": Fraction(171, 2), "b": 70}


# -- z-scores ------------------------------------------------------------------


def test_zscore_maps_onto_the_range_of_raw_means() -> None:
    # judge A spreads 60..100 over x, y; judge B 70..72 over y, z.
    rows = [
        ("x", "A", Fraction(60)),
        ("y", "A", Fraction(100)),
        ("y", "B", Fraction(70)),
        ("z", "B", Fraction(72)),
    ]
    # z: x = -1; y = mean(+1, -1) = 0; z = +1.  Raw means: x 60, y 85, z 72.
    assert zscore_mean(rows) == {"x": 60, "y": Fraction(145, 2), "z": 85}
    assert aggregate_rows(rows, ZSCORE) == zscore_mean(rows)
    # the plain mean orders them differently: the harsh judge's spread is normalised away
    assert aggregate_rows(rows, MEAN) == {"x": 60, "y": 85, "z": 72}


def test_zscore_with_a_judge_who_gave_every_dossier_the_same_total() -> None:
    a = [("x", "A", Fraction(80)), ("y", "A", Fraction(70)), ("z", "A", Fraction(60))]
    b = [("x", "B", Fraction(90)), ("y", "B", Fraction(90)), ("z", "B", Fraction(90))]
    # B's std is 0, so B's z's are 0: the order is A's, mapped onto raw means 85, 80, 75
    assert zscore_mean(a + b) == {"x": 85, "y": 80, "z": 75}
    assert zscore_mean(a) == {"x": 80, "y": 70, "z": 60}


def test_zscore_when_every_z_is_equal_falls_back_to_raw_means() -> None:
    constant = [
        ("x", "A", Fraction(80)),
        ("y", "A", Fraction(80)),
        ("x", "B", Fraction(61)),
        ("y", "B", Fraction(61)),
    ]
    assert zscore_mean(constant) == {"x": Fraction(141, 2), "y": Fraction(141, 2)}
    # each judge scored one dossier: no information in z, raw means rounded to 9 decimals
    single = [
        ("x", "A", Fraction(90)),
        ("y", "B", Fraction(70)),
        ("y", "C", Fraction(71)),
        ("z", "D", Fraction(262, 3)),
    ]
    assert zscore_mean(single) == {"x": 90, "y": Fraction(141, 2), "z": Fraction(87_333_333_333, 10**9)}


def test_zscore_values_are_rounded_to_nine_decimals() -> None:
    rows = [
        ("x", "A", Fraction(81)),
        ("y", "A", Fraction(70)),
        ("z", "A", Fraction(64)),
        ("x", "B", Fraction(90)),
        ("y", "B", Fraction(93)),
        ("z", "B", Fraction(71)),
        ("w", "B", Fraction(88)),
    ]
    values = zscore_mean(rows)
    assert all(10**9 % v.denominator == 0 for v in values.values())
    raw = raw_means(rows_to_table(rows))
    assert min(values.values()) == min(raw.values()) == Fraction(135, 2)
    assert max(values.values()) == max(raw.values()) == 88

    # checked against a plain float computation
    def zs(xs: dict[str, float]) -> dict[str, float]:
        m = sum(xs.values()) / len(xs)
        sd = math.sqrt(sum((v - m) ** 2 for v in xs.values()) / len(xs))
        return {k: (v - m) / sd for k, v in xs.items()}

    za = zs({"x": 81, "y": 70, "z": 64})
    zb = zs({"x": 90, "y": 93, "z": 71, "w": 88})
    zm = {
        "x": (za["x"] + zb["x"]) / 2,
        "y": (za["y"] + zb["y"]) / 2,
        "z": (za["z"] + zb["z"]) / 2,
        "w": zb["w"],
    }
    lo, hi = min(zm.values()), max(zm.values())
    for d, z in zm.items():
        expected = 67.5 + (z - lo) * (88 - 67.5) / (hi - lo)
        assert abs(float(values[d]) - expected) < 1e-8


def test_zscore_ignores_row_order() -> None:
    rows = [
        ("x", "A", Fraction(81)),
        ("y", "A", Fraction(70)),
        ("x", "B", Fraction(90)),
        ("y", "B", Fraction(93)),
        ("z", "B", Fraction(71)),
        ("z", "C", Fraction(50)),
        ("x", "C", Fraction(77)),
    ]
    assert zscore_mean(rows) == zscore_mean(list(reversed(rows)))
