"""Inter-rater agreement statistics (pure): Krippendorff's alpha, ICC, judge bias.

Every function takes *ratings*: ``(unit, rater, value)`` triples — here a
unit is a dossier, a rater a judge, a value a criterion score or a sheet
total.  Sums are exact (values are scaled to integers over their common
denominator); only the final coefficients are reported as floats beside the
exact ``Fraction``.

Krippendorff's alpha (interval metric)
    Copes with missing data: each judge sees only some dossiers.  Units with
    fewer than two values are not pairable and are left out.  With ``m_u``
    values in unit *u*, ``n = Σ m_u`` pairable values::

        D_o = 1/n · Σ_u  Σ_{i≠j in u} (v_i − v_j)² / (m_u − 1)
        D_e = 1/(n(n−1)) · Σ_{c≠k over all pairable values} (v_c − v_k)²
        α   = 1 − D_o / D_e

    (Krippendorff, *Computing Krippendorff's Alpha-Reliability*, 2011.)
    ``Σ_{i≠j}(v_i − v_j)² = 2(m·Σv² − (Σv)²)`` keeps it linear in the data.
    Undefined (``None``) without pairable units or when every value is equal.

ICC (Shrout & Fleiss 1979)
    Our designs are *incomplete*: each dossier is scored by its own subset of
    judges drawn from a pool.  The model that fits is the **one-way random
    effects** model, ICC(1,1) (reliability of one judge's score) and ICC(1,k)
    (reliability of the mean of k judges — what the ranking uses).  It needs
    the same k for every dossier (ANOVA with equal group sizes); when k
    differs between dossiers it is not computed (reason ``unequal_k``) —
    alpha, which handles that, is the statistic to read then.  When every
    judge scored every dossier (fully crossed), the two-way forms ICC(2,·)
    (random judges) and ICC(3,·) (fixed judges) are computed too.

Judge bias (leave-one-out)
    For each judge, over the dossiers shared with at least one other judge:
    the mean of (own value − mean of the *other* judges on that dossier) —
    negative is harsh, positive lenient — and the Pearson correlation of own
    values with those others' means (does the judge order dossiers like the
    panel?).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any
from dataclasses import dataclass
from fractions import Fraction

Rating = tuple[Hashable, Hashable, Fraction | int]


class RatingTable:
    """Ratings read once as ``{unit: {rater: integer}}`` over a common ``scale``.

    Pass it instead of the triples to compute several statistics on the same
    data without reading it again.
    """

    __slots__ = ("rows", "scale")

    def __init__(self, ratings: Iterable[Rating], denominator: int = 1) -> None:
        self.rows, self.scale = _read(ratings, denominator)


def _scaled(ratings: Any, denominator: int = 1) -> tuple[dict[Hashable, dict[Hashable, int]], int]:
    if isinstance(ratings, RatingTable):
        return ratings.rows, ratings.scale
    return _read(ratings, denominator)


def _read(ratings: Iterable[Rating], denominator: int = 1) -> tuple[dict[Hashable, dict[Hashable, int]], int]:
    """``{unit: {rater: value × scale}}`` as integers, and the scale.

    Values are read as ``value / denominator`` (pass integer numerators and
    their common denominator to skip Fractions altogether).
    """
    table: dict[Hashable, dict[Hashable, Any]] = {}
    scale = denominator
    exact = True
    for u, r, v in ratings:
        if type(v) is not int:
            v = Fraction(v) / denominator if denominator != 1 else Fraction(v)
            exact = False
            if v.denominator != 1:
                scale = math.lcm(scale, v.denominator)
        row = table.get(u)
        if row is None:
            table[u] = {r: v}
        else:
            row[r] = v
    if exact:
        return table, scale
    factor = scale // denominator
    out = {u: {r: (v * factor if type(v) is int else int(v * scale)) for r, v in row.items()}
           for u, row in table.items()}
    return out, scale


# -- Krippendorff's alpha -------------------------------------------------------------
@dataclass(frozen=True)
class Alpha:
    """Interval alpha with its parts; ``value`` is ``None`` when undefined (see ``reason``)."""

    value: Fraction | None
    observed: Fraction | None
    expected: Fraction | None
    units: int
    pairable_values: int
    reason: str | None = None

    def __float__(self) -> float:
        return float("nan") if self.value is None else float(self.value)


def krippendorff_alpha_interval(ratings: Iterable[Rating], denominator: int = 1) -> Alpha:
    """Krippendorff's alpha, interval metric, missing values allowed (see the module docstring)."""
    table, scale = _scaled(ratings, denominator)
    n = 0
    s1 = 0
    s2 = 0
    do_by_m: dict[int, int] = {}
    units = 0
    for row in table.values():
        m = len(row)
        if m < 2:
            continue
        units += 1
        a = sum(row.values())
        b = sum(v * v for v in row.values())
        n += m
        s1 += a
        s2 += b
        do_by_m[m] = do_by_m.get(m, 0) + 2 * (m * b - a * a)
    if n < 2:
        return Alpha(None, None, None, units, n, "no_pairable_units")
    do_num = sum((Fraction(v, m - 1) for m, v in do_by_m.items()), Fraction(0))
    de_num = 2 * (n * s2 - s1 * s1)
    sc2 = scale * scale
    observed = do_num / n / sc2
    expected = Fraction(de_num, n * (n - 1)) / sc2
    if de_num == 0:
        return Alpha(None, observed, expected, units, n, "no_variation")
    return Alpha(1 - observed / expected, observed, expected, units, n)


# -- ICC --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ICC:
    """Intraclass correlations (Shrout & Fleiss 1979) and the mean squares behind them.

    One-way forms need equal ``k``; two-way forms a complete (fully crossed)
    matrix — otherwise ``None``.  ``reason`` says why a form is missing:
    ``too_few_units``, ``unequal_k``, ``k_below_2``, ``no_variance``,
    ``not_crossed`` (two-way only).
    """

    n_units: int
    k: int | None
    icc1_1: Fraction | None = None
    icc1_k: Fraction | None = None
    icc2_1: Fraction | None = None
    icc2_k: Fraction | None = None
    icc3_1: Fraction | None = None
    icc3_k: Fraction | None = None
    bms: Fraction | None = None
    wms: Fraction | None = None
    jms: Fraction | None = None
    ems: Fraction | None = None
    reason: str | None = None
    two_way_reason: str | None = None


def icc(ratings: Iterable[Rating], denominator: int = 1) -> ICC:
    """ICC(1,1) and ICC(1,k); ICC(2,·) and ICC(3,·) too when the design is fully crossed."""
    table, scale = _scaled(ratings, denominator)
    units = [row for row in table.values() if row]
    n = len(units)
    ks = {len(row) for row in units}
    if n < 2:
        return ICC(n, None, reason="too_few_units", two_way_reason="too_few_units")
    if len(ks) != 1:
        return ICC(n, None, reason="unequal_k", two_way_reason="not_crossed")
    (k,) = ks
    if k < 2:
        return ICC(n, k, reason="k_below_2", two_way_reason="k_below_2")
    # sums of the scaled integers: every sum of squares below is exact and linear in the data
    sc2 = scale * scale
    total = sum(sum(row.values()) for row in units)
    sum_sq = sum(v * v for row in units for v in row.values())
    row_sq = sum(sum(row.values()) ** 2 for row in units)
    correction = Fraction(total * total, n * k)
    ss_between = (Fraction(row_sq, k) - correction) / sc2
    ss_within = (sum_sq - Fraction(row_sq, k)) / sc2
    bms = ss_between / (n - 1)
    wms = ss_within / (n * (k - 1))
    if bms == 0 and wms == 0:
        return ICC(n, k, bms=bms, wms=wms, reason="no_variance", two_way_reason="no_variance")
    icc11 = (bms - wms) / (bms + (k - 1) * wms)
    icc1k = (bms - wms) / bms if bms else None
    raters = [set(row) for row in units]
    if any(r != raters[0] for r in raters):
        return ICC(n, k, icc1_1=icc11, icc1_k=icc1k, bms=bms, wms=wms, two_way_reason="not_crossed")
    col_sq = sum(sum(row[j] for row in units) ** 2 for j in raters[0])
    ss_judges = (Fraction(col_sq, n) - correction) / sc2
    jms = ss_judges / (k - 1)
    ems = (ss_within - ss_judges) / ((n - 1) * (k - 1))
    d21 = bms + (k - 1) * ems + k * (jms - ems) / n
    d2k = bms + (jms - ems) / n
    d31 = bms + (k - 1) * ems
    return ICC(
        n, k, icc1_1=icc11, icc1_k=icc1k,
        icc2_1=(bms - ems) / d21 if d21 else None,
        icc2_k=(bms - ems) / d2k if d2k else None,
        icc3_1=(bms - ems) / d31 if d31 else None,
        icc3_k=(bms - ems) / bms if bms else None,
        bms=bms, wms=wms, jms=jms, ems=ems,
    )


# -- judge bias --------------------------------------------------------------------------
@dataclass(frozen=True)
class JudgeBias:
    """One judge against the others on the same dossiers (leave-one-out).

    ``mean_deviation``: mean of (own − others' mean), ``None`` if the judge
    never shared a dossier; ``correlation``: Pearson r of own values with the
    others' means (``None`` below 3 shared dossiers or without variation);
    ``flags``: ``harsh``, ``lenient``, ``low_correlation``.
    """

    judge_id: Hashable
    n_shared: int
    mean_deviation: Fraction | None
    correlation: float | None
    flags: tuple[str, ...] = ()


def _pearson_float(xy: list[tuple[float, float]]) -> float | None:
    """Pearson r (two-pass, ``math.fsum``); ``None`` below 3 pairs or without variation."""
    n = len(xy)
    if n < 3:
        return None
    mx = math.fsum(x for x, _ in xy) / n
    my = math.fsum(y for _, y in xy) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in xy)
    sxx = math.fsum((x - mx) ** 2 for x, _ in xy)
    syy = math.fsum((y - my) ** 2 for _, y in xy)
    if sxx <= 0 or syy <= 0 or sxx < 1e-18 * (mx * mx + 1) or syy < 1e-18 * (my * my + 1):
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def judge_bias(
    ratings: Iterable[Rating],
    *,
    deviation_limit: Fraction | int,
    min_correlation: float = 0.3,
    min_shared_for_correlation: int = 5,
    denominator: int = 1,
) -> dict[Hashable, JudgeBias]:
    """Leave-one-out bias of every judge (sorted by id).

    Flagged ``harsh``/``lenient`` when ``|mean_deviation| ≥ deviation_limit``;
    ``low_correlation`` when r < ``min_correlation`` over at least
    ``min_shared_for_correlation`` shared dossiers.
    """
    table, scale = _scaled(ratings, denominator)
    # deviations stay integers grouped by the unit's size m:
    # own − others' mean = (m·v − T) / (m − 1), all over ``scale``
    dev_by_m: dict[Hashable, dict[int, int]] = {}
    pairs: dict[Hashable, list[tuple[float, float]]] = {}
    judges: set[Hashable] = set()
    for row in table.values():
        m = len(row)
        total = sum(row.values())
        for j, v in row.items():
            judges.add(j)
            if m > 1:
                per = dev_by_m.setdefault(j, {})
                per[m] = per.get(m, 0) + m * v - total
                pairs.setdefault(j, []).append((v / scale, (total - v) / ((m - 1) * scale)))
    limit = Fraction(deviation_limit)
    out: dict[Hashable, JudgeBias] = {}
    for j in sorted(judges, key=repr):
        xy = pairs.get(j, [])
        if not xy:
            out[j] = JudgeBias(j, 0, None, None)
            continue
        dev = sum((Fraction(v, m - 1) for m, v in dev_by_m[j].items()), Fraction(0)) / (len(xy) * scale)
        r = _pearson_float(xy)
        flags = []
        if dev <= -limit:
            flags.append("harsh")
        elif dev >= limit:
            flags.append("lenient")
        if r is not None and len(xy) >= min_shared_for_correlation and r < min_correlation:
            flags.append("low_correlation")
        out[j] = JudgeBias(j, len(xy), dev, r, tuple(flags))
    return out


# -- spreads --------------------------------------------------------------------------------
def spreads_from_integers(
    stage_id: str,
    totals: Iterable[tuple[str, str, int]],
    total_denominator: int,
    criterion_scores: Mapping[str, Iterable[tuple[str, str, int]]],
    criterion_denominator: int,
    *,
    total_limit: Fraction,
    criterion_limit: Fraction,
    criterion_order: Iterable[str],
) -> dict[tuple[str, str], Any]:
    """:func:`oaoi_desktop.domain.statistics.spreads` on integer numerators (same result, exact).

    ``totals`` are ``(dossier, judge, numerator)`` over ``total_denominator``;
    ``criterion_scores[cid]`` likewise over ``criterion_denominator``.  The
    ranges are taken on the integers (min/max), so 175,000 scores need no
    Fraction; only each range becomes one.
    """
    from oaoi_desktop.domain.statistics import Spread

    low_high: dict[str, list[int]] = {}
    count: dict[str, int] = {}
    for d, _, v in totals:
        lh = low_high.get(d)
        if lh is None:
            low_high[d] = [v, v]
            count[d] = 1
        else:
            count[d] += 1
            if v < lh[0]:
                lh[0] = v
            elif v > lh[1]:
                lh[1] = v
    crit: dict[str, dict[str, list[int]]] = {}
    order = list(criterion_order)
    for cid in order:
        for d, _, v in criterion_scores.get(cid, ()):
            per = crit.setdefault(d, {})
            lh = per.get(cid)
            if lh is None:
                per[cid] = [v, v]
            elif v < lh[0]:
                lh[0] = v
            elif v > lh[1]:
                lh[1] = v
    out: dict[tuple[str, str], Any] = {}
    t_lim = Fraction(total_limit) * total_denominator
    c_lim = Fraction(criterion_limit) * criterion_denominator
    for d in sorted(low_high):
        lo, hi = low_high[d]
        per = crit.get(d, {})
        ranges = {cid: Fraction(per[cid][1] - per[cid][0], criterion_denominator) for cid in order if cid in per}
        flagged = tuple(cid for cid in order if cid in per and per[cid][1] - per[cid][0] >= c_lim)
        out[(d, stage_id)] = Spread(
            dossier_id=d, stage_id=stage_id, n_judges=count[d],
            total_range=Fraction(hi - lo, total_denominator), criterion_ranges=ranges,
            total_flagged=hi - lo >= t_lim, flagged_criteria=flagged,
            total_limit=Fraction(total_limit), criterion_limit=Fraction(criterion_limit),
        )
    return out


def as_table(ratings: Iterable[Rating]) -> dict[Hashable, dict[Hashable, Fraction | int]]:
    """``{unit: {rater: value}}`` (for callers that want the matrix)."""
    out: dict[Hashable, dict[Hashable, Fraction | int]] = {}
    for u, r, v in ratings:
        out.setdefault(u, {})[r] = v
    return out


def ratings_from_table(table: Mapping[Hashable, Mapping[Hashable, Fraction | int | None]]) -> list[Rating]:
    """The triples of a ``{unit: {rater: value}}`` matrix, skipping ``None`` (missing)."""
    return [(u, r, v) for u, row in table.items() for r, v in row.items() if v is not None]


__all__ = ["Alpha", "ICC", "JudgeBias", "RatingTable", "as_table", "icc", "judge_bias", "krippendorff_alpha_interval",
           "ratings_from_table", "spreads_from_integers"]
