"""Disagreement flags and per-judge statistics."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from oaoi_desktop.domain.rubric import CHAIR, Criterion, Disagreement, Rubric, Stage
from oaoi_desktop.domain.scoring import CriterionScore, SheetTotal
from oaoi_desktop.domain.statistics import flagged, judge_statistics, spreads
from oaoi_desktop.i18n import render


def rubric(disagreement: Disagreement | None = None) -> Rubric:
    criteria = (
        Criterion(id="signifikansi", name_id="Signifikansi", name_en="Significance", weight=Decimal(60)),
        Criterion(id="kebaruan", name_id="Kebaruan", name_en="Novelty", weight=Decimal(40)),
    )
    stage = Stage(
        id="proposal", name_id="Proposal", name_en="Proposal", weight=Decimal(100), criteria=criteria
    )
    return Rubric(
        id="r",
        version="1",
        title_id="R",
        title_en="R",
        stages=(stage,),
        pass_mark=Decimal(85),
        tie_breaks=("signifikansi", CHAIR),
        disagreement=disagreement or Disagreement(),
    )


def totals(**per_dossier: list[int | str]) -> list[SheetTotal]:
    return [
        SheetTotal(d, f"j{i}", "proposal", Fraction(v))
        for d, values in per_dossier.items()
        for i, v in enumerate(values)
    ]


def crit(d: str, c: str, *values: int) -> list[CriterionScore]:
    return [CriterionScore(d, f"j{i}", "proposal", c, Fraction(v)) for i, v in enumerate(values)]


def test_total_range_at_the_threshold_is_flagged() -> None:
    result = spreads(rubric(), totals(a=[70, 85], b=[70, "84.9"], c=[90]))
    assert result[("a", "proposal")].total_range == 15
    assert result[("a", "proposal")].total_flagged and result[("a", "proposal")].flagged
    assert result[("b", "proposal")].total_range == Fraction(149, 10)
    assert not result[("b", "proposal")].flagged
    assert result[("c", "proposal")].total_range == 0 and result[("c", "proposal")].n_judges == 1
    assert [s.dossier_id for s in flagged(result)] == ["a"]


def test_criterion_range_flags_without_total_range() -> None:
    scores = (
        crit("a", "signifikansi", 9, 5, 7) + crit("a", "kebaruan", 6, 9, 7) + crit("b", "kebaruan", 8, 5, 7)
    )
    result = spreads(rubric(), totals(a=[78, 66, 70], b=[80, 68, 76]), scores)
    a = result[("a", "proposal")]
    assert a.criterion_ranges == {"signifikansi": 4, "kebaruan": 3}
    assert (a.total_flagged, a.flagged_criteria, a.flagged) == (False, ("signifikansi",), True)
    b = result[("b", "proposal")]
    assert (b.criterion_ranges, b.flagged) == ({"kebaruan": 3}, False)
    [(message_id, params)] = a.reasons()
    assert (
        render(message_id, "en", **params)
        == "Judges' scores for criterion signifikansi differ by 4 points (limit 4)."
    )


def test_thresholds_come_from_the_rubric() -> None:
    strict = rubric(Disagreement(criterion_range=Decimal(2), total_range=Decimal("7.5")))
    result = spreads(strict, totals(a=[70, "77.5"]), crit("a", "kebaruan", 6, 8))
    a = result[("a", "proposal")]
    assert (a.total_flagged, a.flagged_criteria) == (True, ("kebaruan",))
    messages = [render(m, "id", **p) for m, p in a.reasons()]
    assert messages[0] == "Selisih nilai total antarpenilai 7.5 poin (batas 7.5)."


def test_stages_are_kept_apart() -> None:
    sheets = [
        SheetTotal("a", "j1", "proposal", Fraction(60)),
        SheetTotal("a", "j2", "presentasi", Fraction(90)),
    ]
    result = spreads(rubric(), sheets)
    assert set(result) == {("a", "proposal"), ("a", "presentasi")}
    assert not any(s.flagged for s in result.values())


def test_judge_statistics_show_a_harsh_judge() -> None:
    sheets = totals(a=[80, 90, 70], b=[60, 75, 66]) + [SheetTotal("c", "j0", "proposal", Fraction(50))]
    stats = judge_statistics(sheets + [SheetTotal("a", "j9", "other", Fraction(1))], "proposal")
    assert list(stats) == ["j0", "j1", "j2"]
    j0 = stats["j0"]
    assert (j0.n_sheets, j0.mean, j0.minimum, j0.maximum) == (3, Fraction(190, 3), 50, 80)
    assert j0.std == pytest.approx(
        math.sqrt(((80 - 190 / 3) ** 2 + (60 - 190 / 3) ** 2 + (50 - 190 / 3) ** 2) / 3)
    )
    # j0 against the others: a: 80 - 80 = 0; b: 60 - 70.5 = -10.5; c had no other judge
    assert (j0.offset, j0.n_compared) == (Fraction(-21, 4), 2)
    # j1 (lenient): a: 90 - 75 = 15; b: 75 - 63 = 12
    assert stats["j1"].offset == Fraction(27, 2)
    assert stats["j2"].offset == Fraction(70 - 85, 1) / 2 + Fraction(66 - Fraction(135, 2), 1) / 2


def test_judge_alone_has_no_offset_and_zero_std() -> None:
    stats = judge_statistics(totals(a=[80], b=[80]), "proposal")
    assert (stats["j0"].offset, stats["j0"].n_compared, stats["j0"].std) == (None, 0, 0.0)
    assert judge_statistics([], "proposal") == {}
