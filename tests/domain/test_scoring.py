"""Sheet totals, score validation, the SQL coefficient table, display rounding."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oaoi_desktop.domain.rubric import CHAIR, AggregationMethod, Criterion, Rubric, Stage
from oaoi_desktop.domain.scoring import (
    ScoreError,
    coefficient_table,
    display,
    from_milli,
    missing_criteria,
    number_text,
    partial_total,
    passes,
    round_to,
    sheet_total,
    to_milli,
    total_from_milli,
    validate_score,
)
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.i18n import all_messages, render
from oaoi_desktop.i18n.catalogue_scoring import MESSAGES

KIPP_WEIGHTS = {
    "latar_belakang": 10,
    "kebaruan": 15,
    "implementasi": 10,
    "signifikansi": 25,
    "adaptabilitas": 20,
    "sumber_daya": 5,
    "keberlanjutan": 15,
}


def kipp_rubric() -> Rubric:
    """The DESIGN.md default rubric, built directly."""
    criteria = tuple(
        Criterion(id=cid, name_id=cid.replace("_", " ").title(), name_en=cid, weight=Decimal(w))
        for cid, w in KIPP_WEIGHTS.items()
    )
    stage = Stage(
        id="proposal",
        name_id="Penilaian Proposal",
        name_en="Proposal review",
        weight=Decimal(100),
        criteria=criteria,
    )
    return Rubric(
        id="kipp-proposal",
        version="2026.1",
        title_id="KIPP — Penilaian Proposal",
        title_en="KIPP — proposal review",
        stages=(stage,),
        pass_mark=Decimal(85),
        aggregation=AggregationMethod.TRIMMED_MEAN,
        tie_breaks=("signifikansi", "adaptabilitas", "keberlanjutan", CHAIR),
    )


STAGE = kipp_rubric().first_stage


def all_scores(value: Any) -> dict[str, Any]:
    return {cid: value for cid in KIPP_WEIGHTS}


# -- sheet_total ------------------------------------------------------------


def test_ten_everywhere_is_100_and_one_everywhere_is_10() -> None:
    assert sheet_total(STAGE, all_scores(10)) == 100
    assert sheet_total(STAGE, all_scores(1)) == 10


def test_weighted_total_by_hand() -> None:
    scores = {
        "latar_belakang": 8,  # 10 * 8/10 = 8
        "kebaruan": 7,  # 15 * 7/10 = 10.5
        "implementasi": 9,  # 9
        "signifikansi": 6,  # 25 * 6/10 = 15
        "adaptabilitas": 8,  # 16
        "sumber_daya": 10,  # 5
        "keberlanjutan": 7,  # 10.5
    }
    total = sheet_total(STAGE, scores)
    assert total == 74
    assert isinstance(total, Fraction)


def test_number_types_agree() -> None:
    as_int = sheet_total(STAGE, all_scores(7))
    assert as_int == 70
    assert sheet_total(STAGE, all_scores(Decimal("7"))) == as_int
    assert sheet_total(STAGE, all_scores(Fraction(7))) == as_int
    assert sheet_total(STAGE, all_scores(7.0)) == as_int


def odd_stage() -> Stage:
    return Stage(
        id="presentasi",
        name_id="Presentasi",
        name_en="Presentation",
        weight=Decimal(100),
        criteria=(
            Criterion(
                id="a",
                name_id="A",
                name_en="A",
                weight=Decimal("12.5"),
                scale_min=Decimal(1),
                scale_max=Decimal(5),
            ),
            Criterion(
                id="b",
                name_id="B",
                name_en="B",
                weight=Decimal("37.5"),
                scale_min=Decimal(0),
                scale_max=Decimal(4),
                step=Decimal("0.5"),
            ),
            Criterion(
                id="c",
                name_id="C",
                name_en="C",
                weight=Decimal(50),
                scale_min=Decimal(0),
                scale_max=Decimal(3),
            ),
        ),
    )


def test_fractional_weights_and_half_steps() -> None:
    stage = odd_stage()
    # 12.5*3/5 + 37.5*2.5/4 + 50*1/3 = 7.5 + 23.4375 + 16.666...
    total = sheet_total(stage, {"a": 3, "b": Decimal("2.5"), "c": 1})
    assert total == Fraction(15, 2) + Fraction(375, 16) + Fraction(50, 3)
    assert display(total) == "47.60"
    assert sheet_total(stage, {"a": 5, "b": 4, "c": 3}) == 100
    assert sheet_total(stage, {"a": 1, "b": 0, "c": 0}) == Fraction(5, 2)


def test_missing_criterion_raises_with_its_id() -> None:
    scores = all_scores(8)
    del scores["adaptabilitas"]
    with pytest.raises(ScoreError) as err:
        sheet_total(STAGE, scores)
    assert isinstance(err.value, ValidationError)
    assert err.value.message_id == "scoring.missing_criterion"
    assert err.value.params == {"criterion": "adaptabilitas", "stage": "proposal"}
    assert err.value.render("en") == "Criterion adaptabilitas in stage proposal has no score."
    assert err.value.render("id") == "Kriteria adaptabilitas pada tahap proposal belum dinilai."


def test_none_counts_as_missing() -> None:
    scores: dict[str, object] = all_scores(8)
    scores["keberlanjutan"] = None
    with pytest.raises(ScoreError) as err:
        sheet_total(STAGE, scores)  # type: ignore[arg-type]
    assert err.value.params["criterion"] == "keberlanjutan"


@pytest.mark.parametrize("bad", [0, 11, Decimal("7.5"), -1, Fraction(15, 2), 7.5, Decimal("NaN"), "8"])
def test_score_off_scale_or_grid_is_invalid(bad: object) -> None:
    scores = all_scores(8)
    scores["signifikansi"] = bad
    with pytest.raises(ScoreError) as err:
        sheet_total(STAGE, scores)  # type: ignore[arg-type]
    assert err.value.message_id == "scoring.invalid_score"
    assert err.value.params["criterion"] == "signifikansi"
    assert (err.value.params["min"], err.value.params["max"], err.value.params["step"]) == ("1", "10", "1")


def test_invalid_score_message_shows_the_value() -> None:
    with pytest.raises(ScoreError) as err:
        validate_score(odd_stage(), "b", Decimal("2.25"))
    assert err.value.params == {"criterion": "b", "value": "2.25", "min": "0", "max": "4", "step": "0.5"}
    assert err.value.render("en") == (
        "Score 2.25 for criterion b is not valid: it must lie between 0 and 4 in steps of 0.5."
    )
    assert validate_score(odd_stage(), "b", Decimal("2.5")) == Fraction(5, 2)


def test_unknown_criterion_raises() -> None:
    scores = all_scores(8)
    scores["inovasi"] = 5
    with pytest.raises(ScoreError) as err:
        sheet_total(STAGE, scores)
    assert err.value.message_id == "scoring.unknown_criterion"
    assert err.value.params == {"criterion": "inovasi", "stage": "proposal"}
    with pytest.raises(ScoreError):
        partial_total(STAGE, {"inovasi": 5})
    with pytest.raises(ScoreError):
        validate_score(STAGE, "inovasi", 5)


def test_partial_total_sums_what_is_there() -> None:
    assert partial_total(STAGE, {}) == 0
    assert partial_total(STAGE, {"signifikansi": 10, "sumber_daya": 3, "kebaruan": None}) == 25 + Fraction(
        3, 2
    )
    with pytest.raises(ScoreError):
        partial_total(STAGE, {"signifikansi": 11})
    assert missing_criteria(STAGE, {"signifikansi": 10, "kebaruan": None}) == (
        "latar_belakang",
        "kebaruan",
        "implementasi",
        "adaptabilitas",
        "sumber_daya",
        "keberlanjutan",
    )


def test_passes_at_the_pass_mark() -> None:
    rubric = kipp_rubric()
    assert passes(Fraction(85), rubric)
    assert passes(Decimal("85.0"), rubric)
    assert not passes(Fraction(8499, 100), rubric)
    assert not passes(None, rubric)


# -- display and numbers ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Fraction(171, 2), 2, "85.50"),
        (Fraction(2, 3), 2, "0.67"),
        (Fraction(1, 8), 2, "0.13"),  # half up, not half even
        (Decimal("0.125"), 2, "0.13"),
        (Decimal("84.995"), 2, "85.00"),
        (Fraction(-1, 8), 2, "-0.13"),
        (Fraction(5, 2), 0, "3"),
        (100, 2, "100.00"),
        (Fraction(0), 1, "0.0"),
        (Fraction(262, 3), 4, "87.3333"),
    ],
)
def test_display_rounds_half_up(value: object, places: int, text: str) -> None:
    assert display(value, places) == text  # type: ignore[arg-type]


def test_display_of_nothing() -> None:
    assert display(None) == "-"
    assert display(None, none="") == ""


def test_round_to_and_number_text() -> None:
    assert round_to(Fraction(2, 3), 3) == Fraction(667, 1000)
    assert round_to(Fraction(-2, 3), 3) == Fraction(-667, 1000)
    assert number_text(Fraction(25, 2)) == "12.5"
    assert number_text(Fraction(1, 3)) == "0.333333"
    assert number_text(Decimal("4.000")) == "4"


def test_milli_round_trip() -> None:
    assert to_milli(Decimal("7.5")) == 7500
    assert to_milli(10) == 10000
    assert to_milli(0.25) == 250
    assert from_milli(7250) == Fraction(29, 4)
    with pytest.raises(ValueError):
        to_milli(Fraction(1, 3))


# -- coefficient table ------------------------------------------------------


def test_coefficient_table_of_kipp() -> None:
    coeffs, d = coefficient_table(STAGE)
    # weight / (10 * 1000): 1/1000, 3/2000, 1/1000, 1/400, 1/500, 1/2000, 3/2000
    assert d == 2000
    assert coeffs == {
        "latar_belakang": 2,
        "kebaruan": 3,
        "implementasi": 2,
        "signifikansi": 5,
        "adaptabilitas": 4,
        "sumber_daya": 1,
        "keberlanjutan": 3,
    }
    assert Fraction(sum(c * 10_000 for c in coeffs.values()), d) == 100


SCALES = [
    (Decimal(1), Decimal(10), Decimal(1)),
    (Decimal(1), Decimal(5), Decimal(1)),
    (Decimal(0), Decimal(4), Decimal("0.5")),
    (Decimal(0), Decimal(10), Decimal("0.25")),
    (Decimal(1), Decimal(7), Decimal(1)),
    (Decimal(0), Decimal(100), Decimal("0.1")),
]


@st.composite
def stages(draw: st.DrawFn) -> Stage:
    """A stage of 1–8 criteria, weights multiples of 2.5 (12.5 included) summing to 100."""
    k = draw(st.integers(1, 8))
    cuts = sorted(draw(st.lists(st.integers(1, 39), min_size=k - 1, max_size=k - 1, unique=True)))
    bounds = [0, *cuts, 40]
    weights = [Decimal("2.5") * (b - a) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    criteria = []
    for i, w in enumerate(weights):
        lo, hi, step = draw(st.sampled_from(SCALES))
        criteria.append(
            Criterion(
                id=f"k{i}", name_id=f"K{i}", name_en=f"C{i}", weight=w, scale_min=lo, scale_max=hi, step=step
            )
        )
    return Stage(id="s", name_id="S", name_en="S", weight=Decimal(100), criteria=tuple(criteria))


@st.composite
def stage_and_scores(draw: st.DrawFn) -> tuple[Stage, dict[str, Decimal]]:
    stage = draw(stages())
    scores = {}
    for c in stage.criteria:
        n = int((c.scale_max - c.scale_min) / c.step)
        scores[c.id] = c.scale_min + c.step * draw(st.integers(0, n))
    return stage, scores


@given(stage_and_scores())
def test_coefficient_table_matches_sheet_total(case: tuple[Stage, dict[str, Decimal]]) -> None:
    stage, scores = case
    coeffs, d = coefficient_table(stage)
    assert all(isinstance(c, int) and c > 0 for c in coeffs.values())
    assert math.gcd(d, *coeffs.values()) == 1
    milli = {cid: to_milli(v) for cid, v in scores.items()}
    expected = sheet_total(stage, scores)
    assert Fraction(sum(coeffs[cid] * m for cid, m in milli.items()), d) == expected
    assert total_from_milli(stage, milli) == expected


@given(stage_and_scores())
def test_totals_lie_within_0_and_100(case: tuple[Stage, dict[str, Decimal]]) -> None:
    stage, scores = case
    assert 0 <= sheet_total(stage, scores) <= 100
    assert sheet_total(stage, {c.id: c.scale_max for c in stage.criteria}) == 100


# -- catalogue ---------------------------------------------------------------


def test_catalogue_messages_have_both_languages_and_same_placeholders() -> None:
    merged = all_messages()
    for key, texts in MESSAGES.items():
        assert merged[key] is texts
        assert set(texts) == {"id", "en"}, key
        fields = [set(re.findall(r"{(\w+)}", texts[lang])) for lang in ("id", "en")]
        assert fields[0] == fields[1], key
        assert render(key, "en", **{f: "x" for f in fields[0]}) != key
