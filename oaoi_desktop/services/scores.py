"""An event's submitted scores as the ranking reads them: ONE grouped query.

The database does the summing: one grouped query computes every submitted
sheet's weighted total as an exact integer ``SUM(value_milli * c_i)`` over a
common denominator (see :func:`oaoi_desktop.domain.scoring.coefficient_table`);
criterion scores are fetched lazily, one query per criterion, only when a
tie-break or a knock-out needs them.  No authority check here: the services
that rank (``ranking``, ``plenary``, ``sensitivity``, ``agreement``,
``projector``) check first, and import this module rather than each other.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from sqlalchemy import String, case, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import AggregationMethod, Rubric
from oaoi_desktop.domain.scoring import SheetTotal, coefficient_table
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.counted import competing_dossier, counted_sheet
from oaoi_desktop.services.dossiers import GROUPABLE_FIELDS
from oaoi_desktop.store.models import Dossier, Event, Score, ScoreSheet, SheetStatus


COUNTED = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)


def raw_id(column: Any) -> Any:
    """A UUID column read as its stored form, skipping per-row UUID objects.

    Ranking reads tens of thousands of rows; building a ``uuid.UUID`` for each
    costs more than the query.  Keys only need to be consistent, so every
    query here reads ids through this and :func:`id_key`.
    """
    return type_coerce(column, String())


def id_key(value: Any) -> str:
    return value if isinstance(value, str) else value.hex


def total_expression(rubric: Rubric) -> tuple[Any, int]:
    """A SQL expression summing a sheet's weighted total, and its denominator."""
    tables = {s.id: coefficient_table(s) for s in rubric.stages}
    denominator = math.lcm(*(d for _, d in tables.values()))
    whens = []
    for stage in rubric.stages:
        coefs, d = tables[stage.id]
        factor = denominator // d
        for cid, c in coefs.items():
            whens.append(((ScoreSheet.stage_id == stage.id) & (Score.criterion_id == cid), c * factor))
    return func.sum(Score.value_milli * case(*whens, else_=0)), denominator


def _sheet_group_key(session: Session) -> Any:
    """GROUP BY one sheet.  On SQLite by rowid: the event index yields sheets in
    rowid order, so the grouping streams instead of sorting 175,000 rows in a
    temporary B-tree (measured: 1.9× faster).  Elsewhere by the primary key,
    on which the selected columns depend functionally."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column(f"{ScoreSheet.__tablename__}.rowid")
    return ScoreSheet.id


def ranking_criteria(rubric: Rubric) -> list[str]:
    """Criteria whose values a ranking may need: the tie-break chain and knock-outs."""
    ids = {c.id for st in rubric.stages for c in st.criteria}
    wanted = {c for c in rubric.tie_breaks if c in ids}
    wanted |= {c.id for st in rubric.stages for c in st.criteria if c.knockout_below is not None}
    return sorted(wanted)


class EventScores:
    """The submitted scores of an event, read in ONE grouped query.

    Each row is one submitted sheet: its exact weighted total, summed by the
    database (``SUM(value_milli * c_i)`` over a common denominator), and the
    values of the criteria a ranking may need (tie-breaks, knock-outs) taken
    in the same scan with conditional aggregation.  The domain ranking gets
    the totals, plus two lazy callables over the values already read:
    criterion aggregates for mean and trimmed mean (integer sums, one
    Fraction per dossier) and per-judge criterion scores for median and
    z-scores.  A criterion outside that set is fetched with its own query.
    """

    def __init__(self, session: Session, event: Event, rubric: Rubric) -> None:
        self.session = session
        self.event = event
        self.rubric = rubric
        self.criteria = ranking_criteria(rubric)
        expr, self.denominator = total_expression(rubric)
        values = [
            func.max(case((Score.criterion_id == cid, Score.value_milli), else_=None)) for cid in self.criteria
        ]
        stmt = (
            select(raw_id(ScoreSheet.dossier_id), raw_id(ScoreSheet.judge_id), ScoreSheet.stage_id, expr, *values)
            .join(Score, Score.sheet_id == ScoreSheet.id)
            .where(ScoreSheet.event_id == event.id, counted_sheet())
            .group_by(_sheet_group_key(session))
        )
        self.rows = [(id_key(r[0]), id_key(r[1]), r[2], int(r[3]), r[4:]) for r in session.execute(stmt)]
        self._positions = {cid: i for i, cid in enumerate(self.criteria)}

    def totals(self) -> list[SheetTotal]:
        den = self.denominator
        return [SheetTotal(d, j, st, Fraction(total, den)) for d, j, st, total, _ in self.rows]

    def criterion_milli(self, stage_id: str, criterion_id: str) -> list[tuple[str, str, int]]:
        """Every counted (dossier id, judge id, value in thousandths) of ``criterion_id`` in ``stage_id``."""
        pos = self._positions.get(criterion_id)
        if pos is None:  # not a tie-break or knock-out criterion: its own query
            stmt = (
                select(raw_id(ScoreSheet.dossier_id), raw_id(ScoreSheet.judge_id), Score.value_milli)
                .join(Score, Score.sheet_id == ScoreSheet.id)
                .where(
                    ScoreSheet.event_id == self.event.id,
                    counted_sheet(),
                    ScoreSheet.stage_id == stage_id,
                    Score.criterion_id == criterion_id,
                )
            )
            return [(id_key(d), id_key(j), v) for d, j, v in self.session.execute(stmt)]
        return [(d, j, vals[pos]) for d, j, st, _, vals in self.rows if st == stage_id and vals[pos] is not None]

    def criterion_scores(self, stage_id: str, criterion_id: str) -> list[tuple[str, str, Fraction]]:
        return [(d, j, Fraction(v, 1000)) for d, j, v in self.criterion_milli(stage_id, criterion_id)]

    def criterion_aggregates(
        self, stage_id: str, criterion_id: str, method: AggregationMethod
    ) -> dict[str, Fraction] | None:
        """Exact mean / trimmed mean per dossier from integer sums; else None."""
        if method not in (AggregationMethod.MEAN, AggregationMethod.TRIMMED_MEAN):
            return None
        acc: dict[str, list[int]] = {}
        for d, _, v in self.criterion_milli(stage_id, criterion_id):
            a = acc.get(d)
            if a is None:
                acc[d] = [v, 1, v, v]
            else:
                a[0] += v
                a[1] += 1
                if v < a[2]:
                    a[2] = v
                if v > a[3]:
                    a[3] = v
        return aggregates_from_sums(acc.items(), method)


def aggregates_from_sums(sums: Iterable[tuple[str, Sequence[int]]],
                         method: AggregationMethod) -> dict[str, Fraction]:
    """Exact mean / trimmed mean per dossier from ``(dossier, (sum, n, low, high))`` of milli-scores.

    The one place the trim rule meets integer sums (the ranking's tie-break columns and the
    leave-one-judge-out re-rankings, which build their sums without one judge).
    """
    from oaoi_desktop.domain.aggregation import TRIM_MIN_JUDGES

    trimmed = method is AggregationMethod.TRIMMED_MEAN
    out = {}
    made: dict[tuple[int, int], Fraction] = {}  # equal aggregates share one Fraction (few distinct values)
    for d, (total, n, low, high) in sums:
        if trimmed and n >= TRIM_MIN_JUDGES:
            total, n = total - low - high, n - 2
        value = made.get((total, n))
        if value is None:
            value = made[total, n] = Fraction(total, n * 1000)
        out[d] = value
    return out


def dossier_groups(session: Session, event: Event, group_by: Sequence[str]) -> dict[str, tuple[str, ...]]:
    for field in group_by:
        if field not in GROUPABLE_FIELDS:
            raise ValidationError("rank.unknown_group_field", field=field, allowed=", ".join(GROUPABLE_FIELDS))
    columns = [getattr(Dossier, f) for f in group_by]
    stmt = select(raw_id(Dossier.id), *columns).where(Dossier.event_id == event.id, competing_dossier())
    return {id_key(row[0]): tuple(str(v or "") for v in row[1:]) for row in session.execute(stmt)}


__all__ = ["COUNTED", "EventScores", "aggregates_from_sums", "dossier_groups", "id_key", "ranking_criteria", "raw_id",
           "total_expression"]
