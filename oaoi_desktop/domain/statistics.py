"""Agreement statistics: disagreement flags and per-judge indicators.

A dossier is flagged in a stage when the judges' totals span at least
``rubric.disagreement.total_range`` points, or any criterion's scores span at
least ``rubric.disagreement.criterion_range`` points (DESIGN.md: 15 and 4 by
default).  Ranges are exact Fractions; only standard deviations are floats.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.domain.scoring import CriterionScore, SheetTotal, number_text


@dataclass(frozen=True)
class Spread:
    """How far the judges of one dossier in one stage are apart.

    ``criterion_ranges`` holds the criteria that had scores; the ``flagged_*``
    fields say which ranges reached the rubric's thresholds.
    """

    dossier_id: str
    stage_id: str
    n_judges: int
    total_range: Fraction
    criterion_ranges: dict[str, Fraction] = field(default_factory=dict)
    total_flagged: bool = False
    flagged_criteria: tuple[str, ...] = ()

    total_limit: Fraction = Fraction(15)
    criterion_limit: Fraction = Fraction(4)

    @property
    def flagged(self) -> bool:
        return self.total_flagged or bool(self.flagged_criteria)

    def reasons(self) -> list[tuple[str, dict[str, str]]]:
        """Why the spread is flagged, as (message id, params) pairs for the catalogue."""
        out: list[tuple[str, dict[str, str]]] = []
        if self.total_flagged:
            out.append(
                (
                    "statistics.total_range",
                    {"range": number_text(self.total_range), "threshold": number_text(self.total_limit)},
                )
            )
        for cid in self.flagged_criteria:
            out.append(
                (
                    "statistics.criterion_range",
                    {
                        "criterion": cid,
                        "range": number_text(self.criterion_ranges[cid]),
                        "threshold": number_text(self.criterion_limit),
                    },
                )
            )
        return out


def _range(values: Iterable[Fraction]) -> Fraction:
    vs = list(values)
    return Fraction(max(vs) - min(vs)) if vs else Fraction(0)


def spreads(
    rubric: Rubric,
    totals: Iterable[SheetTotal],
    criterion_scores: Iterable[CriterionScore] = (),
) -> dict[tuple[str, str], Spread]:
    """The spread of every (dossier, stage) with totals, keyed ``(dossier_id, stage_id)``.

    Pass the submitted sheets only.  Without ``criterion_scores`` only the
    total range is checked.  Criteria are ordered as in the rubric.
    """
    total_limit = Fraction(rubric.disagreement.total_range)
    criterion_limit = Fraction(rubric.disagreement.criterion_range)
    by_key: dict[tuple[str, str], list[Fraction]] = {}
    for t in totals:
        by_key.setdefault((t.dossier_id, t.stage_id), []).append(Fraction(t.total))
    by_criterion: dict[tuple[str, str], dict[str, list[Fraction]]] = {}
    for cs in criterion_scores:
        by_criterion.setdefault((cs.dossier_id, cs.stage_id), {}).setdefault(cs.criterion_id, []).append(
            Fraction(cs.score)
        )
    order = {c.id: i for s in rubric.stages for i, c in enumerate(s.criteria)}
    out: dict[tuple[str, str], Spread] = {}
    for key in sorted(by_key):
        total_range = _range(by_key[key])
        crits = by_criterion.get(key, {})
        ranges = {
            cid: _range(crits[cid]) for cid in sorted(crits, key=lambda c: (order.get(c, len(order)), c))
        }
        out[key] = Spread(
            dossier_id=key[0],
            stage_id=key[1],
            n_judges=len(by_key[key]),
            total_range=total_range,
            criterion_ranges=ranges,
            total_flagged=total_range >= total_limit,
            flagged_criteria=tuple(cid for cid, r in ranges.items() if r >= criterion_limit),
            total_limit=total_limit,
            criterion_limit=criterion_limit,
        )
    return out


def flagged(spread_map: dict[tuple[str, str], Spread]) -> list[Spread]:
    """The flagged spreads, in key order."""
    return [s for s in spread_map.values() if s.flagged]


@dataclass(frozen=True)
class JudgeStats:
    """A judge's totals in one stage: the harsh/lenient indicator.

    ``offset`` is the mean, over the judge's sheets that had other judges, of
    (this judge's total − the mean of the other judges' totals for the same
    dossier): negative means harsher than the co-judges; ``None`` when the
    judge never shared a dossier.  ``std`` is the population standard deviation.
    """

    judge_id: str
    stage_id: str
    n_sheets: int
    mean: Fraction
    std: float
    minimum: Fraction
    maximum: Fraction
    offset: Fraction | None
    n_compared: int


def judge_statistics(totals: Iterable[SheetTotal], stage_id: str) -> dict[str, JudgeStats]:
    """Per-judge statistics of the submitted totals of one stage, keyed by judge id (sorted)."""
    by_dossier: dict[str, dict[str, Fraction]] = {}
    for t in totals:
        if t.stage_id == stage_id:
            by_dossier.setdefault(t.dossier_id, {})[t.judge_id] = Fraction(t.total)
    by_judge: dict[str, list[Fraction]] = {}
    deviations: dict[str, list[Fraction]] = {}
    for judges in by_dossier.values():
        n = len(judges)
        s = sum(judges.values(), Fraction(0))
        for j, x in judges.items():
            by_judge.setdefault(j, []).append(x)
            if n > 1:
                deviations.setdefault(j, []).append(x - (s - x) / (n - 1))
    out: dict[str, JudgeStats] = {}
    for j in sorted(by_judge):
        xs = by_judge[j]
        n = len(xs)
        mean = sum(xs, Fraction(0)) / n
        variance = sum(((x - mean) ** 2 for x in xs), Fraction(0)) / n
        devs = deviations.get(j, [])
        out[j] = JudgeStats(
            judge_id=j,
            stage_id=stage_id,
            n_sheets=n,
            mean=mean,
            std=math.sqrt(variance),
            minimum=min(xs),
            maximum=max(xs),
            offset=sum(devs, Fraction(0)) / len(devs) if devs else None,
            n_compared=len(devs),
        )
    return out
