"""Score sheets: validating scores and computing a sheet's total (0–100).

The formula is DESIGN.md's: ``total = sum(weight_i * score_i / max_i)`` over the
stage's criteria.  Everything is exact (:class:`Fraction`); rounding happens only
in :func:`display` (ROUND_HALF_UP), for people.

The store keeps a score as an integer ``value_milli`` (score × 1000).
:func:`coefficient_table` gives integer coefficients ``c_i`` and a denominator
``D`` so that ``total == Fraction(sum(c_i * value_milli_i), D)`` exactly; the
store's ranking query sums ``value_milli * c_i`` in SQL and stays exact.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, TypeAlias

from oaoi_desktop.domain.rubric import Rubric, Stage
from oaoi_desktop.errors import ValidationError

ScoreValue: TypeAlias = Decimal | Fraction | int | float
"""What a score may arrive as.  Floats are read by their shortest repr
("7.1" stays 7.1), so a spin box's value converts the way a person reads it."""

MILLI = 1000
"""A score is stored as ``value_milli = score * MILLI`` (an integer)."""


class ScoreError(ValidationError):
    """A score sheet that cannot be totalled: missing, unknown or invalid score.

    Message ids: ``scoring.missing_criterion`` (criterion, stage),
    ``scoring.unknown_criterion`` (criterion, stage),
    ``scoring.invalid_score`` (criterion, value, min, max, step).
    """


@dataclass(frozen=True, slots=True)
class SheetTotal:
    """The total of one submitted score sheet (what ranking consumes)."""

    dossier_id: str
    judge_id: str
    stage_id: str
    total: Fraction


class CriterionScore(NamedTuple):
    """One judge's score for one criterion of one dossier in one stage."""

    dossier_id: str
    judge_id: str
    stage_id: str
    criterion_id: str
    score: Fraction


# -- numbers ---------------------------------------------------------------


def as_fraction(value: ScoreValue) -> Fraction:
    """``value`` as an exact Fraction; ``TypeError``/``ValueError`` if it is not a finite number."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not a score")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        return Fraction(Decimal(repr(value)))
    raise TypeError(f"not a number: {value!r}")


def round_to(value: Fraction | Decimal | int, places: int) -> Fraction:
    """``value`` rounded to ``places`` decimals, halves away from zero (ROUND_HALF_UP)."""
    f = value if isinstance(value, Fraction) else Fraction(value)
    scale = 10**places
    num, den = f.numerator * scale, f.denominator
    q = (2 * abs(num) + den) // (2 * den)
    return Fraction(-q if num < 0 else q, scale)


def display(value: ScoreValue | None, places: int = 2, none: str = "-") -> str:
    """A number for people: ``places`` decimals, ROUND_HALF_UP ("85.50").

    ``None`` (no value) shows as ``none``.  The decimal mark is a point;
    locale-specific formatting belongs to the UI.
    """
    if value is None:
        return none
    r = round_to(as_fraction(value), places)
    q = r.numerator * (10**places // r.denominator)
    return f"{Decimal(q).scaleb(-places):f}"


def number_text(value: ScoreValue) -> str:
    """An exact decimal text when the value has one (≤ 6 places), else 6 places."""
    f = as_fraction(value)
    for places in range(7):
        if (f * 10**places).denominator == 1:
            return display(f, places)
    return display(f, 6)


def to_milli(value: ScoreValue) -> int:
    """The stored integer form of a score (score × 1000); ``ValueError`` if finer than 0.001."""
    m = as_fraction(value) * MILLI
    if m.denominator != 1:
        raise ValueError(f"score {value} is finer than 1/{MILLI}")
    return m.numerator


def from_milli(value_milli: int) -> Fraction:
    """A score from its stored integer form."""
    return Fraction(value_milli, MILLI)


# -- sheets ----------------------------------------------------------------


class _Scale(NamedTuple):
    lo: Fraction
    hi: Fraction
    step: Fraction
    ratio: Fraction  # weight / max


@functools.lru_cache(maxsize=64)
def _scales(stage: Stage) -> dict[str, _Scale]:
    return {
        c.id: _Scale(
            Fraction(c.scale_min),
            Fraction(c.scale_max),
            Fraction(c.step),
            Fraction(c.weight) / Fraction(c.scale_max),
        )
        for c in stage.criteria
    }


def _checked(stage: Stage, criterion_id: str, value: ScoreValue) -> Fraction:
    sc = _scales(stage)[criterion_id]
    try:
        f = as_fraction(value)
    except (TypeError, ValueError):
        f = None
    if f is None or not (sc.lo <= f <= sc.hi) or ((f - sc.lo) / sc.step).denominator != 1:
        raise ScoreError(
            "scoring.invalid_score",
            criterion=criterion_id,
            value=number_text(f) if f is not None else str(value),
            min=number_text(sc.lo),
            max=number_text(sc.hi),
            step=number_text(sc.step),
        )
    return f


def _check_known(stage: Stage, scores: Mapping[str, object]) -> None:
    known = _scales(stage)
    for cid in scores:
        if cid not in known:
            raise ScoreError("scoring.unknown_criterion", criterion=cid, stage=stage.id)


def validate_score(stage: Stage, criterion_id: str, value: ScoreValue) -> Fraction:
    """``value`` as a Fraction if it is a valid score of the criterion, else :class:`ScoreError`."""
    if criterion_id not in _scales(stage):
        raise ScoreError("scoring.unknown_criterion", criterion=criterion_id, stage=stage.id)
    return _checked(stage, criterion_id, value)


def sheet_total(stage: Stage, scores: Mapping[str, ScoreValue | None]) -> Fraction:
    """The total (0–100) of a complete sheet: ``sum(weight_i * score_i / max_i)``.

    Raises :class:`ScoreError` for an unknown criterion id, a missing (or
    ``None``) score, or a score off the scale or off its step grid.
    """
    _check_known(stage, scores)
    total = Fraction(0)
    for cid, sc in _scales(stage).items():
        value = scores.get(cid)
        if value is None:
            raise ScoreError("scoring.missing_criterion", criterion=cid, stage=stage.id)
        total += sc.ratio * _checked(stage, cid, value)
    return total


def partial_total(stage: Stage, scores: Mapping[str, ScoreValue | None]) -> Fraction:
    """The total so far of a draft: the same sum over the criteria already scored."""
    _check_known(stage, scores)
    total = Fraction(0)
    for cid, sc in _scales(stage).items():
        value = scores.get(cid)
        if value is not None:
            total += sc.ratio * _checked(stage, cid, value)
    return total


def missing_criteria(stage: Stage, scores: Mapping[str, ScoreValue | None]) -> tuple[str, ...]:
    """The stage's criteria without a score yet, in rubric order."""
    return tuple(c.id for c in stage.criteria if scores.get(c.id) is None)


def coefficient_table(stage: Stage) -> tuple[dict[str, int], int]:
    """Integer coefficients ``c_i`` and denominator ``D`` of the stage's total.

    For scores stored as ``value_milli`` (score × 1000),
    ``sheet_total == Fraction(sum(c_i * value_milli_i), D)`` exactly.
    ``D`` is the least such denominator (gcd of all ``c_i`` and ``D`` is 1).
    """
    ratios = {cid: sc.ratio / MILLI for cid, sc in _scales(stage).items()}
    d = math.lcm(*(r.denominator for r in ratios.values())) if ratios else 1
    return {cid: r.numerator * (d // r.denominator) for cid, r in ratios.items()}, d


def total_from_milli(stage: Stage, values_milli: Mapping[str, int]) -> Fraction:
    """The total from stored integer scores through :func:`coefficient_table` (no validation)."""
    coeffs, d = coefficient_table(stage)
    return Fraction(sum(coeffs[cid] * v for cid, v in values_milli.items()), d)


def passes(value: Fraction | Decimal | int | None, rubric: Rubric) -> bool:
    """Whether ``value`` reaches the rubric's pass mark (``value >= pass_mark``)."""
    if value is None:
        return False
    return as_fraction(value) >= Fraction(rubric.pass_mark)
