"""Ranking an event (Rekapitulasi): aggregates, knock-outs, tie-breaks, ranks, trace.

:func:`rank_event` is the one entry point.  Per group, dossiers are ordered by
descending value; equal values are compared along the rubric's tie-break chain
(criterion aggregates, descending); dossiers still equal share a rank
(competition ranking: 1, 2, 2, 4) and are listed as a tie for the chair.  Every
comparison is recorded in the trace as structured data with a message id, so
the CLI, the PDFs and the GUI render it in Indonesian or English.

Values are exact Fractions; sorting uses integers over a common denominator.
Criterion scores are fetched lazily, once per (stage, criterion), and only when
a tie-break or a knock-out needs them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from functools import cached_property
from typing import TypeAlias

from oaoi_desktop.domain.aggregation import aggregate_ratios, aggregate_table
from oaoi_desktop.domain.rubric import CHAIR, AggregationMethod, Criterion, Rubric, Stage
from oaoi_desktop.domain.scoring import SheetTotal, as_fraction, display
from oaoi_desktop.errors import NotFoundError

__all__ = [
    "ChairTie",
    "CriterionAggregates",
    "CriterionScores",
    "DossierId",
    "GroupKey",
    "JudgeId",
    "KnockOut",
    "Outcome",
    "RankedDossier",
    "Ranking",
    "SheetTotal",
    "TraceEntry",
    "TraceKind",
    "rank_event",
]

DossierId: TypeAlias = str
JudgeId: TypeAlias = str
GroupKey: TypeAlias = tuple[str, ...]
CriterionScores: TypeAlias = Callable[[str, str], Iterable[tuple[DossierId, JudgeId, Fraction]]]
"""``(stage_id, criterion_id) -> (dossier_id, judge_id, score)`` rows of submitted sheets."""
CriterionAggregates: TypeAlias = Callable[[str, str, AggregationMethod], "Mapping[DossierId, Fraction] | None"]
"""Optional fast path: ``(stage_id, criterion_id, method) -> {dossier_id: aggregate}``
already computed (e.g. by the database) over the submitted sheets, or ``None``
when the caller cannot compute that method — then :data:`CriterionScores` is used."""


# -- rendering helpers -----------------------------------------------------


def _lang(lang: str | None) -> str:
    from oaoi_desktop.i18n import current_language

    return lang or current_language()


def _label(dossier_id: DossierId, labels: Mapping[DossierId, str] | None) -> str:
    return labels.get(dossier_id, str(dossier_id)) if labels else str(dossier_id)


def group_label(group: GroupKey) -> str:
    """A group key for people: ``"umum / pelayanan publik"`` (empty for the single group)."""
    return " / ".join(group)


def _group_prefix(group: GroupKey) -> str:
    return f"[{group_label(group)}] " if group else ""


def _places(values: Iterable[Fraction | None], start: int = 2, stop: int = 9) -> int:
    """The fewest decimals (>= start) that keep distinct values distinct on display."""
    distinct = {v for v in values if v is not None}
    for places in range(start, stop + 1):
        if len({display(v, places) for v in distinct}) == len(distinct):
            return places
    return stop


def _render(message_id: str, lang: str | None, params: dict[str, str]) -> str:
    from oaoi_desktop.i18n import render

    return render(message_id, lang, **params)


# -- results ---------------------------------------------------------------


class TraceKind(str, Enum):
    TIE = "tie"
    """Equal values found: the run is compared along the tie-break chain."""
    TIE_BREAK = "tie_break"
    """One link of the chain (a criterion) compared."""
    CHAIR = "chair"
    """Still equal after the whole chain: shared rank, the chair decides."""


class Outcome(str, Enum):
    RESOLVED = "resolved"
    PARTIAL = "partial"
    EQUAL = "equal"


@dataclass(frozen=True)
class TraceEntry:
    """One comparison made while ranking.

    ``dossier_ids`` are the dossiers compared (by id) and ``values`` their
    values, aligned: the final value for ``TIE`` and ``CHAIR``, the criterion
    aggregate for ``TIE_BREAK`` (``None`` when a dossier has none; it then
    counts as lowest).  ``order`` is the outcome, best first, equal dossiers
    sharing a block.  ``rank`` is the first rank the compared dossiers occupy;
    ``step`` the 1-based position of the criterion in the rubric's chain.
    """

    kind: TraceKind
    group: GroupKey
    rank: int
    dossier_ids: tuple[DossierId, ...]
    values: tuple[Fraction | None, ...]
    order: tuple[tuple[DossierId, ...], ...]
    step: int | None = None
    stage_id: str | None = None
    criterion_id: str | None = None
    criterion_name_id: str = ""
    criterion_name_en: str = ""

    @property
    def outcome(self) -> Outcome:
        if len(self.order) == 1:
            return Outcome.EQUAL
        if all(len(block) == 1 for block in self.order):
            return Outcome.RESOLVED
        return Outcome.PARTIAL

    @property
    def message_id(self) -> str:
        if self.kind is TraceKind.TIE_BREAK:
            return f"ranking.trace.step_{self.outcome.value}"
        return f"ranking.trace.{self.kind.value}"

    def value_of(self, dossier_id: DossierId) -> Fraction | None:
        return self.values[self.dossier_ids.index(dossier_id)]

    def params(
        self, lang: str | None = None, labels: Mapping[DossierId, str] | None = None
    ) -> dict[str, str]:
        """The message parameters, rendered (numbers with enough decimals to differ)."""
        places = _places(self.values)
        value_of = dict(zip(self.dossier_ids, self.values, strict=True))
        order = " > ".join(
            " = ".join(f"{_label(d, labels)} ({display(value_of[d], places)})" for d in block)
            for block in self.order
        )
        name = (
            self.criterion_name_en
            if _lang(lang) == "en" and self.criterion_name_en
            else self.criterion_name_id
        )
        return {
            "group": _group_prefix(self.group),
            "rank": str(self.rank),
            "dossiers": ", ".join(_label(d, labels) for d in self.dossier_ids),
            "value": display(self.values[0], places) if self.values else "-",
            "step": str(self.step or ""),
            "criterion": name or (self.criterion_id or ""),
            "order": order,
        }

    def render(self, lang: str | None = None, labels: Mapping[DossierId, str] | None = None) -> str:
        return _render(self.message_id, lang, self.params(lang, labels))


@dataclass(frozen=True)
class KnockOut:
    """A dossier failed by a knock-out criterion (aggregate below ``knockout_below``)."""

    dossier_id: DossierId
    group: GroupKey
    stage_id: str
    criterion_id: str
    value: Fraction
    threshold: Fraction
    stage_name_id: str = ""
    stage_name_en: str = ""
    criterion_name_id: str = ""
    criterion_name_en: str = ""

    message_id = "ranking.knockout"

    def params(
        self, lang: str | None = None, labels: Mapping[DossierId, str] | None = None
    ) -> dict[str, str]:
        en = _lang(lang) == "en"
        return {
            "group": _group_prefix(self.group),
            "dossier": _label(self.dossier_id, labels),
            "stage": (self.stage_name_en if en and self.stage_name_en else self.stage_name_id)
            or self.stage_id,
            "criterion": (self.criterion_name_en if en and self.criterion_name_en else self.criterion_name_id)
            or self.criterion_id,
            "value": display(self.value, _places([self.value, self.threshold])),
            "threshold": display(self.threshold, _places([self.value, self.threshold])),
        }

    def render(self, lang: str | None = None, labels: Mapping[DossierId, str] | None = None) -> str:
        return _render(self.message_id, lang, self.params(lang, labels))


@dataclass(frozen=True)
class ChairTie:
    """Dossiers still equal after the whole tie-break chain: they share ``rank``."""

    group: GroupKey
    rank: int
    dossier_ids: tuple[DossierId, ...]
    value: Fraction


@dataclass(frozen=True)
class RankedDossier:
    """One row of the ranking.

    ``value`` is the ranked value (the stage aggregate, or the stage
    combination); ``stage_values`` the aggregate per stage with results;
    ``judge_totals`` the submitted totals, ``{stage_id: {judge_id: total}}``.
    ``rank`` is ``None`` for a dossier without a submitted sheet (listed last
    in its group).  ``passed``: value reaches the pass mark and no knock-out.
    """

    dossier_id: DossierId
    group: GroupKey
    value: Fraction | None
    stage_values: Mapping[str, Fraction]
    judge_totals: Mapping[str, Mapping[JudgeId, Fraction]]
    n_sheets: int
    rank: int | None
    passed: bool
    knocked_out: tuple[str, ...] = ()
    tied_for_chair: bool = False


@dataclass(frozen=True)
class Ranking:
    """The ranking of an event, or of one stage of it.

    ``groups`` maps each group key (sorted) to its rows in rank order;
    ``trace`` lists the comparisons made (group by group, in rank order);
    ``chair_ties`` the ties left for the chair; ``knockouts`` the knock-outs.
    """

    method: AggregationMethod
    stage: str | None
    pass_mark: Fraction
    groups: dict[GroupKey, list[RankedDossier]]
    trace: list[TraceEntry]
    chair_ties: list[ChairTie]
    knockouts: list[KnockOut]

    def __iter__(self) -> Iterator[RankedDossier]:
        for rows in self.groups.values():
            yield from rows

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.groups.values())

    @cached_property
    def _index(self) -> dict[DossierId, RankedDossier]:
        return {row.dossier_id: row for row in self}

    def dossier(self, dossier_id: DossierId) -> RankedDossier:
        """The row of one dossier (``KeyError`` if it is not in the event)."""
        return self._index[dossier_id]

    def describe(self, lang: str | None = None, labels: Mapping[DossierId, str] | None = None) -> str:
        """Knock-outs and the trace as text, one line each, in ``lang``."""
        lines = [k.render(lang, labels) for k in self.knockouts]
        lines += [e.render(lang, labels) for e in self.trace]
        return "\n".join(lines)


# -- ranking ---------------------------------------------------------------


def _int_keys(values: Mapping[DossierId, Fraction]) -> tuple[dict[DossierId, int], int]:
    """Integers that order like ``values``: numerators over their least common denominator."""
    ratios = {d: v.as_integer_ratio() for d, v in values.items()}
    dens = {den for _, den in ratios.values()}
    base = math.lcm(*dens)
    factor = {den: base // den for den in dens}
    return {d: n * factor[den] for d, (n, den) in ratios.items()}, base


class _Column:
    """One criterion's aggregates per dossier, computed on demand.

    Rows are grouped by dossier once; a dossier's aggregate is computed the
    first time it is asked for, from the scores of its submitted sheets only.
    ``zscore_mean`` needs every judge's scores, so it computes all at once.
    """

    __slots__ = ("grouped", "submitted", "method", "values", "cache")

    def __init__(
        self,
        rows: Iterable[tuple[DossierId, JudgeId, Fraction]],
        submitted: Mapping[DossierId, Mapping[JudgeId, Fraction]],
        method: AggregationMethod,
    ) -> None:
        self.submitted = submitted
        self.method = method
        self.values: dict[DossierId, Fraction | None] = {}
        self.cache: dict[tuple[int, int], Fraction] = {}
        grouped: dict[DossierId, list[tuple[DossierId, JudgeId, Fraction]]] = {}
        for row in rows:
            rows_of = grouped.get(row[0])
            if rows_of is None:
                grouped[row[0]] = rows_of = []
            rows_of.append(row)
        self.grouped = grouped
        if method is AggregationMethod.ZSCORE_MEAN:
            table = {d: self._submitted(d) for d in grouped}
            self.values.update(aggregate_table(table, method))

    def _submitted(self, d: DossierId) -> dict[JudgeId, Fraction]:
        judges = self.submitted.get(d)
        if not judges:
            return {}
        return {j: v for _, j, v in self.grouped.get(d, ()) if j in judges}

    def get(self, d: DossierId) -> Fraction | None:
        """The criterion aggregate of dossier ``d`` (``None``: no scores)."""
        return self.many((d,))[d]

    def many(self, dossiers: Iterable[DossierId]) -> dict[DossierId, Fraction | None]:
        """The criterion aggregates of ``dossiers`` (``None``: no scores)."""
        values = self.values
        todo = [d for d in dossiers if d not in values]
        if todo:
            method = self.method
            grouped, submitted = self.grouped, self.submitted
            for d in todo:
                value = None
                if method is not AggregationMethod.ZSCORE_MEAN:
                    rows_of = grouped.get(d)
                    judges = submitted.get(d)
                    if rows_of and judges:
                        ratios = [v.as_integer_ratio() for _, j, v in rows_of if j in judges]
                        if ratios:
                            value = aggregate_ratios(ratios, method, self.cache)
                values[d] = value
        return {d: values[d] for d in dossiers}


class _Ranker:
    def __init__(
        self,
        rubric: Rubric,
        stages: tuple[Stage, ...],
        method: AggregationMethod,
        criterion_scores: CriterionScores | None,
        criterion_aggregates: CriterionAggregates | None = None,
    ) -> None:
        self.criterion_aggregates = criterion_aggregates
        self.rubric = rubric
        self.stages = stages
        self.method = method
        self.criterion_scores = criterion_scores
        self.by_stage: dict[str, dict[DossierId, dict[JudgeId, Fraction]]] = {s.id: {} for s in stages}
        self.columns: dict[tuple[str, str], _Column] = {}
        self.trace: list[TraceEntry] = []
        self.chair_ties: list[ChairTie] = []
        self.values: dict[DossierId, Fraction] = {}
        self.links: list[tuple[int, Stage, Criterion]] = []
        for pos, cid in enumerate(rubric.tie_breaks, start=1):
            if cid == CHAIR:
                break
            stage = next((s for s in stages if cid in s.criterion_ids), None)
            if stage is not None:
                self.links.append((pos, stage, stage.criterion(cid)))

    def read(self, sheets: Iterable[SheetTotal], groups: Mapping[DossierId, GroupKey]) -> None:
        known = {s.id for s in self.rubric.stages}
        by_stage = self.by_stage
        for sh in sheets:
            per = by_stage.get(sh.stage_id)
            if per is None:
                if sh.stage_id in known:
                    continue
                raise ValueError(f"sheet of unknown stage {sh.stage_id!r}")
            d = sh.dossier_id
            judges = per.get(d)
            if judges is None:
                if d not in groups:
                    raise ValueError(f"dossier {d!r} has sheets but no group")
                per[d] = judges = {}
            if sh.judge_id in judges:
                raise ValueError(
                    f"two sheets of judge {sh.judge_id!r} for dossier {d!r} in stage {sh.stage_id!r}"
                )
            total = sh.total
            judges[sh.judge_id] = total if type(total) is Fraction else as_fraction(total)

    def column(self, stage_id: str, criterion_id: str) -> _Column:
        """The criterion's aggregates in the stage; its scores are fetched once."""
        key = (stage_id, criterion_id)
        col = self.columns.get(key)
        if col is None and self.criterion_aggregates is not None:
            ready = self.criterion_aggregates(stage_id, criterion_id, self.method)
            if ready is not None:
                col = self.columns[key] = _Column((), self.by_stage[stage_id], self.method)
                col.values.update(ready)
                return col
        if col is None:
            if self.criterion_scores is None:
                raise ValueError("ranking needs criterion scores (tie-break or knock-out) but got none")
            col = self.columns[key] = _Column(
                self.criterion_scores(stage_id, criterion_id), self.by_stage[stage_id], self.method
            )
        return col

    def resolve(
        self, group: GroupKey, members: list[DossierId], pos: int, first_rank: int
    ) -> list[list[DossierId]]:
        """Order a run of equal dossiers (sorted by id) from chain link ``pos`` on."""
        if pos >= len(self.links):
            value = self.values[members[0]]
            ids = tuple(members)
            self.trace.append(
                TraceEntry(TraceKind.CHAIR, group, first_rank, ids, (value,) * len(ids), (ids,))
            )
            self.chair_ties.append(ChairTie(group, first_rank, ids, value))
            return [members]
        step, stage, criterion = self.links[pos]
        vals = self.column(stage.id, criterion.id).many(members)
        keys: Mapping[DossierId, Fraction | int | None]
        if len(members) <= 3 and None not in vals.values():
            keys = vals  # few values: comparing the Fractions is cheaper than integer keys
        else:
            keys = _int_keys({d: v for d, v in vals.items() if v is not None})[0]
        # stable sort, best first; a missing value (no scores) counts as lowest
        ordered = sorted(members, key=lambda d: (keys.get(d) is not None, keys.get(d) or 0), reverse=True)
        blocks: list[list[DossierId]] = []
        last: Fraction | int | None = None
        for d in ordered:
            k = keys.get(d)
            if blocks and k == last:
                blocks[-1].append(d)
            else:
                blocks.append([d])
            last = k
        self.trace.append(
            TraceEntry(
                TraceKind.TIE_BREAK,
                group,
                first_rank,
                tuple(members),
                tuple(vals[d] for d in members),
                tuple(tuple(b) for b in blocks),
                step=step,
                stage_id=stage.id,
                criterion_id=criterion.id,
                criterion_name_id=criterion.name_id,
                criterion_name_en=criterion.name_en,
            )
        )
        out: list[list[DossierId]] = []
        rank = first_rank
        for block in blocks:
            out.extend(self.resolve(group, block, pos + 1, rank) if len(block) > 1 else [block])
            rank += len(block)
        return out

    def rank_group(
        self, group: GroupKey, members: list[DossierId], keys: Mapping[DossierId, int]
    ) -> list[list[DossierId]]:
        """The group's ranked dossiers as blocks of equal rank, best first."""
        ranked = sorted(d for d in members if d in keys)
        ranked.sort(key=keys.__getitem__, reverse=True)  # stable: equal keys stay in id order
        blocks: list[list[DossierId]] = []
        i, n = 0, len(ranked)
        while i < n:
            k = keys[ranked[i]]
            j = i + 1
            while j < n and keys[ranked[j]] == k:
                j += 1
            if j - i == 1:
                blocks.append([ranked[i]])
            else:
                run = ranked[i:j]
                ids = tuple(run)
                value = self.values[run[0]]
                self.trace.append(TraceEntry(TraceKind.TIE, group, i + 1, ids, (value,) * len(ids), (ids,)))
                blocks.extend(self.resolve(group, run, 0, i + 1))
            i = j
        return blocks


def rank_event(
    rubric: Rubric,
    sheets: Iterable[SheetTotal],
    groups: Mapping[DossierId, GroupKey],
    *,
    criterion_scores: CriterionScores | None = None,
    criterion_aggregates: CriterionAggregates | None = None,
    method: AggregationMethod | str | None = None,
    stage: str | None = None,
) -> Ranking:
    """Rank every dossier of an event.

    ``sheets``: the totals of SUBMITTED sheets only.  ``groups``: every dossier
    of the event with its group key (``()`` when not grouped); dossiers without
    sheets are listed unranked.  ``criterion_scores(stage_id, criterion_id)``
    answers criterion scores of submitted sheets; it is called at most once per
    (stage, criterion), only for tie-breaks and knock-outs (``ValueError`` if
    needed but not given).  ``method`` overrides ``rubric.aggregation``.
    ``stage`` ranks one stage (unknown → :class:`NotFoundError`); by default
    the stages are combined: ``sum(stage_weight * aggregate) / 100`` over the
    stages where the dossier has results.  Tie-break criteria are looked up in
    the first ranked stage that has them; knocked-out dossiers keep their rank
    but do not pass.
    """
    method = rubric.aggregation if method is None else AggregationMethod(method)
    if stage is None:
        stages = rubric.stages
    else:
        try:
            stages = (rubric.stage(stage),)
        except KeyError:
            raise NotFoundError("scoring.unknown_stage", stage=stage) from None
    ranker = _Ranker(rubric, stages, method, criterion_scores, criterion_aggregates)
    ranker.read(sheets, groups)

    stage_aggs = {sid: aggregate_table(per, method) for sid, per in ranker.by_stage.items()}
    if stage is not None:
        values = stage_aggs[stage]
    else:
        values = {}
        for s in stages:
            weight = Fraction(s.weight) / 100
            for d, agg in stage_aggs[s.id].items():
                v = agg if weight == 1 else weight * agg
                values[d] = values[d] + v if d in values else v
    ranker.values = values

    # knock-outs
    knocked: dict[DossierId, list[str]] = {}
    knockouts: list[KnockOut] = []
    for s in stages:
        if not stage_aggs[s.id]:
            continue
        for c in s.criteria:
            if c.knockout_below is None:
                continue
            threshold = Fraction(c.knockout_below)
            for d, cv in ranker.column(s.id, c.id).many(stage_aggs[s.id]).items():
                if cv is not None and cv < threshold:
                    knocked.setdefault(d, []).append(c.id)
                    knockouts.append(
                        KnockOut(
                            d,
                            tuple(groups[d]),
                            s.id,
                            c.id,
                            cv,
                            threshold,
                            s.name_id,
                            s.name_en,
                            c.name_id,
                            c.name_en,
                        )
                    )

    members: dict[GroupKey, list[DossierId]] = {}
    for d, g in groups.items():
        members.setdefault(tuple(g), []).append(d)

    keys, base = _int_keys(values)
    pass_mark = Fraction(rubric.pass_mark)
    pass_key = pass_mark * base  # value >= pass_mark  <=>  key >= pass_mark * base
    single = next(iter(ranker.by_stage.items())) if len(ranker.by_stage) == 1 else None
    out_groups: dict[GroupKey, list[RankedDossier]] = {}
    for group in sorted(members):
        blocks = ranker.rank_group(group, members[group], keys)
        rows: list[RankedDossier] = []
        rank = 1
        for block in blocks:
            tied = len(block) > 1
            for d in block:
                ko = tuple(knocked[d]) if d in knocked else ()
                passed = not ko and keys[d] >= pass_key
                if single is not None:  # fast path: one stage
                    sid, per = single
                    js = per[d]
                    rows.append(
                        RankedDossier(
                            d, group, values[d], {sid: values[d]}, {sid: js}, len(js), rank, passed, ko, tied
                        )
                    )
                else:
                    rows.append(
                        _row(d, group, values[d], stage_aggs, ranker.by_stage, rank, passed, ko, tied)
                    )
            rank += len(block)
        for d in sorted(d for d in members[group] if d not in values):
            rows.append(_row(d, group, None, stage_aggs, ranker.by_stage, None, False, (), False))
        out_groups[group] = rows

    if knockouts:
        ranks = {row.dossier_id: row.rank or 0 for rows in out_groups.values() for row in rows}
        knockouts.sort(key=lambda k: (k.group, ranks[k.dossier_id], k.dossier_id))
    return Ranking(method, stage, pass_mark, out_groups, ranker.trace, ranker.chair_ties, knockouts)


def _row(
    d: DossierId,
    group: GroupKey,
    value: Fraction | None,
    stage_aggs: Mapping[str, Mapping[DossierId, Fraction]],
    by_stage: Mapping[str, Mapping[DossierId, dict[JudgeId, Fraction]]],
    rank: int | None,
    passed: bool,
    knocked_out: tuple[str, ...],
    tied: bool,
) -> RankedDossier:
    stage_values = {sid: aggs[d] for sid, aggs in stage_aggs.items() if d in aggs}
    judge_totals = {sid: per[d] for sid, per in by_stage.items() if d in per}
    n = sum(len(js) for js in judge_totals.values())
    return RankedDossier(d, group, value, stage_values, judge_totals, n, rank, passed, knocked_out, tied)
