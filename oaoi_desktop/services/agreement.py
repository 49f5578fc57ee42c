"""Agreement and outliers of an event's stage, from the store.

One query reads every criterion score of the submitted and locked sheets of
the stage; sheet totals are summed from them exactly (the rubric's integer
coefficient table).  The statistics themselves are pure
(:mod:`oaoi_desktop.domain.agreement`, :mod:`oaoi_desktop.domain.statistics`);
docs/statistics.md explains the choices.

* Krippendorff's alpha (interval) and ICC per criterion and for the totals;
* per judge: mean, spread, leave-one-out mean deviation from the other
  judges and correlation with them, flagged (``harsh``, ``lenient``,
  ``low_correlation``);
* per dossier: the spread of the totals and of every criterion, flagged at
  the rubric's disagreement thresholds.

Flag thresholds: a judge is ``harsh``/``lenient`` when the mean deviation
reaches half the rubric's total-range threshold (7.5 points with the default
15), ``low_correlation`` when r < 0.3 over at least 5 shared dossiers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.agreement import (
    ICC,
    Alpha,
    JudgeBias,
    RatingTable,
    icc,
    judge_bias,
    krippendorff_alpha_interval,
    spreads_from_integers,
)
from oaoi_desktop.domain.scoring import coefficient_table
from oaoi_desktop.domain.statistics import Spread
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.scores import COUNTED, id_key, raw_id
from oaoi_desktop.services.counted import counted_sheet
from oaoi_desktop.store.models import Dossier, Event, Score, ScoreSheet, User

MIN_CORRELATION = 0.3
MIN_SHARED_FOR_CORRELATION = 5
TOTAL = "total"


@dataclass(frozen=True)
class ItemAgreement:
    """Alpha and ICC of one criterion (or ``total``)."""

    item: str
    alpha: Alpha
    icc: ICC


@dataclass(frozen=True)
class JudgeRow:
    judge_id: str
    name: str
    n_sheets: int
    mean: Fraction
    std: float
    bias: JudgeBias

    @property
    def flags(self) -> tuple[str, ...]:
        return self.bias.flags


@dataclass(frozen=True)
class DossierSpread:
    dossier_id: str
    number: str
    spread: Spread


@dataclass(frozen=True)
class AgreementReport:
    stage_id: str
    n_dossiers: int
    n_judges: int
    n_sheets: int
    items: tuple[ItemAgreement, ...]
    judges: tuple[JudgeRow, ...]
    dossiers: tuple[DossierSpread, ...]
    deviation_limit: Fraction
    min_correlation: float = MIN_CORRELATION
    criterion_names: dict[str, str] = field(default_factory=dict)

    def item(self, item: str) -> ItemAgreement:
        return next(i for i in self.items if i.item == item)

    @property
    def flagged_dossiers(self) -> tuple[DossierSpread, ...]:
        return tuple(d for d in self.dossiers if d.spread.flagged)

    @property
    def flagged_judges(self) -> tuple[JudgeRow, ...]:
        return tuple(j for j in self.judges if j.flags)


def event_agreement(
    session: Session,
    event: Event,
    *,
    stage_id: str | None = None,
    deviation_limit: Fraction | None = None,
    min_correlation: float = MIN_CORRELATION,
    lang: str | None = None,
    actor: Any,
) -> AgreementReport:
    from oaoi_desktop.i18n import current_language
    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.RESULTS_READ, event=event)

    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    try:
        stage = rubric.stage(stage_id)
    except KeyError:
        raise ValidationError("assign.unknown_stage", stage=stage_id) from None
    coefs, denominator = coefficient_table(stage)
    limit = deviation_limit if deviation_limit is not None else Fraction(rubric.disagreement.total_range) / 2
    stmt = (
        select(ScoreSheet.__table__.c.dossier_id, ScoreSheet.__table__.c.judge_id, Score.__table__.c.criterion_id,
               Score.__table__.c.value_milli)
        .join(Score, Score.sheet_id == ScoreSheet.id)
        .where(ScoreSheet.event_id == event.id, counted_sheet(), ScoreSheet.stage_id == stage_id)
    )
    # Core execution on the connection, with UUIDs read as stored: 175,000 rows
    # without the ORM's per-row processing
    stmt = stmt.with_only_columns(raw_id(ScoreSheet.dossier_id), raw_id(ScoreSheet.judge_id), Score.criterion_id,
                                  Score.value_milli)
    by_criterion: dict[str, list[tuple[str, str, int]]] = {c.id: [] for c in stage.criteria}
    sheet_total: dict[str, dict[str, int]] = {}
    for d, j, cid, milli in session.connection().execute(stmt):
        if type(d) is not str:
            d, j = id_key(d), id_key(j)
        col = by_criterion.get(cid)
        if col is None:
            continue
        col.append((d, j, milli))
        per = sheet_total.get(d)
        if per is None:
            sheet_total[d] = {j: coefs[cid] * milli}
        else:
            per[j] = per.get(j, 0) + coefs[cid] * milli
    totals_int = [(d, j, v) for d, per in sheet_total.items() for j, v in per.items()]

    items = []
    for c in stage.criteria:
        data = RatingTable(by_criterion[c.id], 1000)
        items.append(ItemAgreement(c.id, krippendorff_alpha_interval(data), icc(data)))
    total_table = RatingTable(totals_int, denominator)
    items.append(ItemAgreement(TOTAL, krippendorff_alpha_interval(total_table), icc(total_table)))

    bias = judge_bias(total_table, deviation_limit=limit, min_correlation=min_correlation,
                      min_shared_for_correlation=MIN_SHARED_FOR_CORRELATION)
    names = {id_key(i): n for i, n in session.execute(select(raw_id(User.id), User.name).where(User.event_id == event.id))}
    per_judge: dict[str, list[int]] = {}
    for _, j, v in totals_int:
        per_judge.setdefault(j, []).append(v)
    judges = []
    for j, vs in per_judge.items():
        n = len(vs)
        s1, s2 = sum(vs), sum(v * v for v in vs)
        mean = Fraction(s1, n * denominator)
        var = Fraction(n * s2 - s1 * s1, n * n * denominator * denominator)
        judges.append(JudgeRow(j, names.get(j, j), n, mean, math.sqrt(var), bias[j]))
    judges.sort(key=lambda r: r.name.casefold())

    numbers = {id_key(i): n for i, n in session.execute(
        select(raw_id(Dossier.id), Dossier.number).where(Dossier.event_id == event.id))}
    spread_map = spreads_from_integers(
        stage_id, totals_int, denominator, by_criterion, 1000,
        total_limit=Fraction(rubric.disagreement.total_range),
        criterion_limit=Fraction(rubric.disagreement.criterion_range),
        criterion_order=[c.id for c in stage.criteria],
    )
    from oaoi_desktop.domain.sorting import natural_key as _natural

    dossiers = sorted(
        (DossierSpread(d, numbers.get(d, d), sp) for (d, _), sp in spread_map.items()),
        key=lambda x: _natural(x.number),
    )
    lang = lang or current_language()
    return AgreementReport(
        stage_id=stage_id,
        n_dossiers=len({d for d, _, _ in totals_int}),
        n_judges=len(per_judge),
        n_sheets=len(totals_int),
        items=tuple(items),
        judges=tuple(judges),
        dossiers=tuple(dossiers),
        deviation_limit=limit,
        min_correlation=min_correlation,
        criterion_names={c.id: c.name(lang) for c in stage.criteria},
    )


__all__ = ["AgreementReport", "DossierSpread", "ItemAgreement", "JudgeRow", "TOTAL", "event_agreement"]


# -- data for the agreement view's charts (results GUI) -----------------------------------------
def judge_distributions(session: Session, event: Event, stage_id: str | None = None, *,
                        actor: Any) -> dict[str, list[Fraction]]:
    """Each judge's submitted totals in the stage, by judge name (for a box plot per judge)."""
    from oaoi_desktop.services.policy import Action, authorize
    from oaoi_desktop.services.scores import EventScores

    authorize(session, actor, Action.RESULTS_READ, event=event)

    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    names = {id_key(i): n for i, n in session.execute(select(raw_id(User.id), User.name).where(User.event_id == event.id))}
    out: dict[str, list[Fraction]] = {}
    for t in EventScores(session, event, rubric).totals():
        if t.stage_id == stage_id:
            out.setdefault(names.get(t.judge_id, t.judge_id), []).append(t.total)
    return {k: sorted(v) for k, v in sorted(out.items(), key=lambda kv: kv[0].casefold())}


def dossier_criterion_scores(
    session: Session, event: Event, dossier_id: str, stage_id: str | None = None, *, actor: Any,
) -> dict[str, dict[str, Fraction]]:
    """One dossier's submitted criterion scores in the stage: ``{judge name: {criterion: score}}``."""
    import uuid as _uuid

    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.RESULTS_READ, event=event)

    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    stmt = (
        select(User.name, Score.criterion_id, Score.value_milli)
        .join(ScoreSheet, Score.sheet_id == ScoreSheet.id)
        .join(User, User.id == ScoreSheet.judge_id)
        .where(ScoreSheet.event_id == event.id, ScoreSheet.dossier_id == _uuid.UUID(str(dossier_id)),
               ScoreSheet.stage_id == stage_id, counted_sheet())
    )
    out: dict[str, dict[str, Fraction]] = {}
    for name, cid, milli in session.execute(stmt):
        out.setdefault(name, {})[cid] = Fraction(milli, 1000)
    return dict(sorted(out.items(), key=lambda kv: kv[0].casefold()))
