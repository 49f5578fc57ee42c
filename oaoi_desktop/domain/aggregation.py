"""Aggregating the judges' values of a dossier into one value (DESIGN.md, Formulas).

``mean``, ``median`` and ``trimmed_mean`` are exact: values are brought onto one
integer scale (the least common denominator) and the result is a
:class:`Fraction`.  ``zscore_mean`` needs every judge's sheets in the event, so
it works on whole tables, not on one dossier's values; it uses floats for the
z-scores and returns values rounded to :data:`ZSCORE_PLACES` decimals as
Fractions, so that ranking compares every method along one exact code path.

A *table* is ``{dossier_id: {judge_id: value}}``; *rows* are
``(dossier_id, judge_id, value)`` tuples.  Values are Fractions (ints work too).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TypeVar

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.domain.scoring import round_to

K = TypeVar("K", bound=Hashable)
J = TypeVar("J", bound=Hashable)

TRIM_MIN_JUDGES = 5
"""``trimmed_mean`` drops one highest and one lowest value from this many judges on."""

ZSCORE_PLACES = 9
"""``zscore_mean`` values are rounded to this many decimals."""

_ZSCALE = 10**ZSCORE_PLACES


def _kernel(nums: list[int], method: AggregationMethod) -> tuple[int, int]:
    """(numerator, divisor) of the aggregate of integers: value = numerator / divisor."""
    n = len(nums)
    if method is AggregationMethod.MEAN:
        return sum(nums), n
    if method is AggregationMethod.TRIMMED_MEAN:
        if n >= TRIM_MIN_JUDGES:
            return sum(nums) - max(nums) - min(nums), n - 2
        return sum(nums), n
    if method is AggregationMethod.MEDIAN:
        s = sorted(nums)
        m = n // 2
        if n % 2:
            return s[m], 1
        return s[m - 1] + s[m], 2
    raise ValueError(f"{method.value} needs the whole event: use zscore_mean()")


def aggregate_ratios(
    ratios: list[tuple[int, int]],
    method: AggregationMethod,
    cache: dict[tuple[int, int], Fraction] | None = None,
) -> Fraction:
    """The aggregate of non-empty ``(numerator, denominator)`` pairs by ``method``.

    The unchecked fast path under :func:`aggregate` (``method`` an enum, not
    ``zscore_mean``), exact on integers.  ``cache`` (any dict the caller keeps)
    shares equal results instead of building a new Fraction for each.
    """
    dens = {den for _, den in ratios}
    if len(dens) == 1:
        base = dens.pop()
        nums = [n for n, _ in ratios]
    else:
        base = math.lcm(*dens)
        nums = [n * (base // den) for n, den in ratios]
    num, div = _kernel(nums, method)
    if cache is None:
        return Fraction(num, div * base)
    key = (num, div * base)
    value = cache.get(key)
    if value is None:
        value = cache[key] = Fraction(num, div * base)
    return value


def aggregate_values(values: Iterable[Fraction | int], method: AggregationMethod) -> Fraction:
    """:func:`aggregate_ratios` of non-empty Fractions (ints, Decimals)."""
    return aggregate_ratios([v.as_integer_ratio() for v in values], method)


def aggregate(values: Sequence[Fraction | int], method: AggregationMethod | str) -> Fraction | None:
    """The aggregate of one dossier's values; ``None`` when there are none.

    ``mean``; ``median`` (mean of the two middle values when even);
    ``trimmed_mean`` (n >= 5: drop one highest and one lowest, then mean;
    n < 5: plain mean).  ``zscore_mean`` raises ``ValueError``: use
    :func:`zscore_mean` or :func:`aggregate_table`.  Values may also be
    Decimals (anything with an exact ``as_integer_ratio``).
    """
    method = AggregationMethod(method)
    if method is AggregationMethod.ZSCORE_MEAN:
        raise ValueError("zscore_mean needs the whole event: use zscore_mean()")
    if not values:
        return None
    return aggregate_values(values, method)


def aggregate_table(
    table: Mapping[K, Mapping[J, Fraction | int]], method: AggregationMethod | str
) -> dict[K, Fraction]:
    """One aggregate per dossier of ``{dossier: {judge: value}}``; dossiers without values are left out."""
    method = AggregationMethod(method)
    if method is AggregationMethod.ZSCORE_MEAN:
        return _zscore_table(table)
    # every value as an integer over the table's least common denominator ``base``
    dens = {v.as_integer_ratio()[1] for js in table.values() for v in js.values()}
    base = math.lcm(*dens)
    factor = {den: base // den for den in dens}
    out: dict[K, Fraction] = {}
    cache: dict[tuple[int, int], Fraction] = {}  # equal aggregates share one Fraction
    for d, js in table.items():
        if not js:
            continue
        num, div = _kernel([(r := v.as_integer_ratio())[0] * factor[r[1]] for v in js.values()], method)
        value = cache.get((num, div))
        if value is None:
            value = cache[num, div] = Fraction(num, div * base)
        out[d] = value
    return out


def rows_to_table(rows: Iterable[tuple[K, J, Fraction | int]]) -> dict[K, dict[J, Fraction | int]]:
    """``{dossier: {judge: value}}`` from ``(dossier, judge, value)`` rows (a later row wins)."""
    table: dict[K, dict[J, Fraction | int]] = {}
    for d, j, v in rows:
        js = table.get(d)
        if js is None:
            table[d] = js = {}
        js[j] = v
    return table


def aggregate_rows(
    rows: Iterable[tuple[K, J, Fraction | int]], method: AggregationMethod | str
) -> dict[K, Fraction]:
    """:func:`aggregate_table` over ``(dossier, judge, value)`` rows."""
    return aggregate_table(rows_to_table(rows), method)


def zscore_mean(sheets: Iterable[tuple[K, J, Fraction | int]]) -> dict[K, Fraction]:
    """``zscore_mean`` of every dossier from ``(dossier, judge, total)`` rows of one event (stage).

    Per judge, ``z = (total − judge mean) / judge population std`` over the
    dossiers that judge scored (``z = 0`` when the std is 0).  A dossier's value
    is the mean of its z's (rounded to 9 decimals), mapped linearly so that the
    lowest and highest values land on the lowest and highest *raw mean* totals
    (plain mean of a dossier's totals) of the event, then rounded to 9 decimals
    (ROUND_HALF_UP).

    When every dossier has the same z-mean (one dossier, or every judge gave
    constant totals) the z-scores carry no information and each dossier gets
    its own raw mean total, rounded to 9 decimals.
    """
    return _zscore_table(rows_to_table(sheets))


def _zscore_table(table: Mapping[K, Mapping[J, Fraction | int]]) -> dict[K, Fraction]:
    table = {d: js for d, js in table.items() if js}
    if not table:
        return {}
    ratios = {d: {j: v.as_integer_ratio() for j, v in js.items()} for d, js in table.items()}
    base = math.lcm(*{den for rs in ratios.values() for _, den in rs.values()})
    ints: dict[K, dict[J, int]] = {
        d: {j: n * (base // den) for j, (n, den) in rs.items()} for d, rs in ratios.items()
    }
    by_judge: dict[J, list[tuple[K, int]]] = {}
    for d, js in ints.items():
        for j, x in js.items():
            by_judge.setdefault(j, []).append((d, x))

    # z = (n*x - S) / sqrt(n*Q - S^2): exact integers up to one sqrt and one division
    zs: dict[K, list[float]] = {d: [] for d in ints}
    for items in by_judge.values():
        n = len(items)
        s = sum(x for _, x in items)
        spread = n * sum(x * x for _, x in items) - s * s
        if spread == 0:
            for d, _ in items:
                zs[d].append(0.0)
        else:
            sd = math.sqrt(spread)
            for d, x in items:
                zs[d].append((n * x - s) / sd)

    zq = {d: round(math.fsum(z) / len(z) * _ZSCALE) for d, z in zs.items()}
    raw = {d: Fraction(sum(js.values()), len(js) * base) for d, js in ints.items()}
    a_lo, a_hi = min(zq.values()), max(zq.values())
    if a_lo == a_hi:
        return {d: round_to(r, ZSCORE_PLACES) for d, r in raw.items()}
    lo_raw, hi_raw = min(raw.values()), max(raw.values())
    # value * 10^9 = lo_raw * 10^9 + (a - a_lo) * span * 10^9 / (a_hi - a_lo), on integers
    span = hi_raw - lo_raw
    p, q = span.numerator, span.denominator
    a, b = lo_raw.numerator, lo_raw.denominator
    width = a_hi - a_lo
    den = b * q * width
    offset = a * _ZSCALE * q * width
    slope = p * _ZSCALE * b
    out: dict[K, Fraction] = {}
    for d, z in zq.items():
        num = offset + (z - a_lo) * slope
        r = (2 * abs(num) + den) // (2 * den)
        out[d] = Fraction(-r if num < 0 else r, _ZSCALE)
    return out


def raw_means(table: Mapping[K, Mapping[J, Fraction | int]]) -> dict[K, Fraction]:
    """The plain mean of each dossier's values (what z-scores are mapped onto)."""
    return aggregate_table(table, AggregationMethod.MEAN)
