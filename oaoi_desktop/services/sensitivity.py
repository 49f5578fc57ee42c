"""Leave-one-judge-out sensitivity: which positions depend on a single judge.

For every judge with a counted sheet in the ranking, the ranking is computed
again without that judge's sheets (every stage of the ranking, every group),
by the same domain ranking (:func:`oaoi_desktop.domain.ranking.rank_event`):
same method, knock-outs, tie-breaks and pass mark.  A dossier *depends on one
judge* when leaving that judge out changes whether it passes the pass mark or
whether it is among the top ``N`` of its group that advance (ties at the cut
all advance, as :func:`oaoi_desktop.services.stages.close_stage` does).  Rank
moves are reported too, but only a crossing of the pass mark or of the top-N
cut counts as a dependency.

The scores are read once (one :class:`~oaoi_desktop.services.scores.EventScores`
scan); each re-ranking works on that judge-less copy in memory.  The raw
ranking is examined (plenary decisions are the plenary's answer to what this
shows, not an input to it).

``top_n``: given by the caller, else the rule the stage was closed with
(``settings["stages"][stage]["rule"]["top_n"]``) when the ranking is of one
closed stage; without either only the pass mark is examined.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.ranking import GroupKey, Ranking, rank_event as domain_rank
from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.services.scores import EventScores, aggregates_from_sums, dossier_groups, id_key, raw_id
from oaoi_desktop.store.models import Dossier, Event, User


@dataclass(frozen=True)
class JudgeEffect:
    """What happens to one dossier when ``judge_name`` is left out (only recorded when something changes)."""

    judge_id: str
    judge_name: str
    rank: int | None
    value: Fraction | None
    passed: bool
    advanced: bool


@dataclass(frozen=True)
class DossierSensitivity:
    """One dossier of the raw ranking and what leaving out each judge does to it.

    ``advanced`` is ``None`` when no top-N rule applies.  ``effects`` lists only
    the judges whose absence changes its rank, pass or advancement.
    """

    dossier_id: str
    number: str
    title: str
    group: GroupKey
    rank: int | None
    value: Fraction | None
    passed: bool
    advanced: bool | None
    effects: tuple[JudgeEffect, ...] = ()

    @property
    def pass_depends_on(self) -> tuple[str, ...]:
        """Names of the judges whose absence flips pass/fail."""
        return tuple(e.judge_name for e in self.effects if e.passed != self.passed)

    @property
    def advance_depends_on(self) -> tuple[str, ...]:
        """Names of the judges whose absence moves the dossier across the top-N cut."""
        if self.advanced is None:
            return ()
        return tuple(e.judge_name for e in self.effects if e.advanced != self.advanced)

    @property
    def depends_on_one_judge(self) -> bool:
        """Passing or advancing changes when one judge is left out."""
        return bool(self.pass_depends_on or self.advance_depends_on)

    @property
    def max_move(self) -> int:
        """The largest rank change over the judges left out (0: none; unranked counts as no move)."""
        moves = [abs(e.rank - self.rank) for e in self.effects if e.rank is not None and self.rank is not None]
        return max(moves, default=0)


@dataclass(frozen=True)
class SensitivityReport:
    method: AggregationMethod
    stage_id: str | None
    pass_mark: Fraction
    top_n: int | None
    judges: tuple[tuple[str, str], ...]
    """(judge id, name) of every judge left out in turn, in name order."""
    rows: list[DossierSensitivity] = field(default_factory=list)
    """Every dossier, group by group in raw rank order."""

    @property
    def dependent(self) -> list[DossierSensitivity]:
        return [r for r in self.rows if r.depends_on_one_judge]

    @property
    def any_dependent(self) -> bool:
        """Some pass or advancement depends on a single judge (the ranking PDF then gets an appendix)."""
        return any(r.depends_on_one_judge for r in self.rows)

    def row(self, dossier_id: str) -> DossierSensitivity:
        return next(r for r in self.rows if r.dossier_id == dossier_id)


class _Columns:
    """Each (stage, criterion) column of the full scores, read from memory once and shared by the re-rankings."""

    def __init__(self, scores: EventScores) -> None:
        self.scores = scores
        self.cache: dict[tuple[str, str], list[tuple[str, str, int]]] = {}

        self.by_dossier: dict[tuple[str, str], dict[str, list[tuple[str, int]]]] = {}

    def column(self, stage_id: str, criterion_id: str) -> list[tuple[str, str, int]]:
        key = (stage_id, criterion_id)
        col = self.cache.get(key)
        if col is None:
            col = self.cache[key] = self.scores.criterion_milli(stage_id, criterion_id)
        return col

    def aggregates_without(self, judge_id: str):  # type: ignore[no-untyped-def]
        """``EventScores.criterion_aggregates`` without ``judge_id``'s scores, from each dossier's few
        scores grouped once (a re-ranking's tie-break columns cost one pass over the dossiers, not
        over every score)."""

        def aggregates(stage_id: str, criterion_id: str, method: AggregationMethod) -> dict[str, Fraction] | None:
            if method not in (AggregationMethod.MEAN, AggregationMethod.TRIMMED_MEAN):
                return None
            key = (stage_id, criterion_id)
            per = self.by_dossier.get(key)
            if per is None:
                per = self.by_dossier[key] = {}
                for d, j, v in self.column(stage_id, criterion_id):
                    per.setdefault(d, []).append((j, v))
            sums = []
            for d, items in per.items():
                values = [v for j, v in items if j != judge_id]
                if values:
                    sums.append((d, (sum(values), len(values), min(values), max(values))))
            return aggregates_from_sums(sums, method)

        return aggregates


def _without(scores: EventScores, judge_id: str, columns: _Columns) -> EventScores:
    """A shallow copy of ``scores`` without the sheets of ``judge_id`` (no new read)."""
    other = copy.copy(scores)
    other.rows = [r for r in scores.rows if r[1] != judge_id]
    other.criterion_milli = lambda st, cid: [r for r in columns.column(st, cid) if r[1] != judge_id]  # type: ignore[method-assign]
    other.criterion_aggregates = columns.aggregates_without(judge_id)  # type: ignore[method-assign]
    return other


def _advancing(ranking: Ranking, top_n: int | None) -> set[str] | None:
    if top_n is None:
        return None
    return {r.dossier_id for r in ranking if r.rank is not None and r.rank <= top_n}


def default_top_n(event: Event, stage_id: str | None) -> int | None:
    """The top-N rule the stage was closed with, if the ranking is of one closed stage."""
    if stage_id is None:
        return None
    closing = ((event.settings or {}).get("stages") or {}).get(stage_id) or {}
    value = (closing.get("rule") or {}).get("top_n")
    return int(value) if value else None


def leave_one_judge_out(
    session: Session,
    event: Event,
    *,
    actor: Actor,
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    top_n: int | None = None,
) -> SensitivityReport:
    """The raw ranking of ``event`` and, per dossier, what leaving out each judge in turn does to it."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return leave_one_judge_out_unchecked(session, event, method=method, stage_id=stage_id, group_by=group_by, top_n=top_n)


def leave_one_judge_out_unchecked(session: Session, event: Event, *, method: AggregationMethod | str | None = None,
             stage_id: str | None = None, group_by: Sequence[str] = ("kategori", "kelompok"),
             top_n: int | None = None) -> SensitivityReport:
    """:func:`leave_one_judge_out` without the authority check: for callers that made their own
    (the ranking PDF's appendix, inside ``documents.prepare``)."""
    method = AggregationMethod(method) if method is not None else None
    if top_n is not None and top_n < 1:
        raise ValidationError("stage.bad_top", value=top_n)
    if top_n is None:
        top_n = default_top_n(event, stage_id)
    rubric = event_rubric(session, event)
    scores = EventScores(session, event, rubric)
    groups = dossier_groups(session, event, group_by)

    totals = scores.totals()  # exact Fractions made once; each re-ranking filters them

    def run(sc: EventScores, judge_id: str | None = None) -> Ranking:
        kept = totals if judge_id is None else [t for t in totals if t.judge_id != judge_id]
        return domain_rank(rubric, kept, groups, criterion_scores=sc.criterion_scores,
                           criterion_aggregates=sc.criterion_aggregates, method=method, stage=stage_id)

    base = run(scores)
    stages = {st.id for st in rubric.stages} if stage_id is None else {stage_id}
    judge_ids = sorted({r[1] for r in scores.rows if r[2] in stages})
    names = {id_key(i): n for i, n in session.execute(select(raw_id(User.id), User.name).where(User.event_id == event.id))}
    judges = sorted(((j, names.get(j, j)) for j in judge_ids), key=lambda x: (x[1].casefold(), x[0]))
    columns = _Columns(scores)
    base_adv = _advancing(base, top_n)
    effects: dict[str, list[JudgeEffect]] = {}
    for j, name in judges:
        other = run(_without(scores, j, columns), j)
        adv = _advancing(other, top_n)
        for r in other:
            b = base.dossier(r.dossier_id)
            advanced = r.dossier_id in adv if adv is not None else False
            was = b.dossier_id in base_adv if base_adv is not None else False
            if r.rank != b.rank or r.passed != b.passed or advanced != was:
                effects.setdefault(r.dossier_id, []).append(
                    JudgeEffect(j, name, r.rank, r.value, r.passed, advanced))
    meta = {id_key(i): (n, t) for i, n, t in session.execute(
        select(raw_id(Dossier.id), Dossier.number, Dossier.title).where(Dossier.event_id == event.id))}
    rows = []
    for r in base:
        number, title = meta.get(r.dossier_id, ("", ""))
        rows.append(DossierSensitivity(
            r.dossier_id, number, title, r.group, r.rank, r.value, r.passed,
            (r.dossier_id in base_adv) if base_adv is not None else None,
            tuple(effects.get(r.dossier_id, ())),
        ))
    return SensitivityReport(base.method, stage_id, base.pass_mark, top_n, tuple(judges), rows)


__all__ = ["DossierSensitivity", "JudgeEffect", "SensitivityReport", "default_top_n", "leave_one_judge_out"]
