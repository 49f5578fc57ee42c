"""Ranking an event from the store.

The database does the summing (:mod:`oaoi_desktop.services.scores`: one
grouped query computes every submitted sheet's weighted total as an exact
integer ``SUM(value_milli * c_i)`` over a common denominator); the pure domain
then aggregates, applies knock-outs and tie-breaks, and ranks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.ranking import Ranking, rank_event as domain_rank
from oaoi_desktop.domain.rubric import AggregationMethod, Rubric
from oaoi_desktop.domain.scoring import SheetTotal, display
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.counted import competing_dossier
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.services.scores import (  # the score reading lives below the ranking (issue 16)
    COUNTED, EventScores, aggregates_from_sums, dossier_groups, id_key, ranking_criteria, raw_id, total_expression,
)
from oaoi_desktop.store.models import Dossier, Event, User


def sheet_totals(session: Session, event: Event, rubric: Rubric, *, actor: Any) -> list[SheetTotal]:
    """Every submitted sheet's exact total, summed by the database."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return EventScores(session, event, rubric).totals()


def rank_event(
    session: Session,
    event: Event,
    *,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    fast: bool = True,
    actor: Any,
) -> Ranking:
    """The ranking of ``event`` (per group, by the rubric's or the given method).

    ``fast=False`` makes the domain aggregate every criterion score itself
    instead of taking the database's sums (the two must agree; tests check).
    """
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return rank_event_unchecked(session, event, group_by=group_by, method=method, stage_id=stage_id, fast=fast)


def rank_event_unchecked(session: Session, event: Event, *, group_by: Sequence[str] = ("kategori", "kelompok"),
                method: AggregationMethod | None = None, stage_id: str | None = None, fast: bool = True) -> Ranking:
    """:func:`rank_event` without the authority check: for services that checked already
    (documents, stage closing) or that show no score (a printed document's fingerprint)."""
    rubric = event_rubric(session, event)
    scores = EventScores(session, event, rubric)
    return domain_rank(
        rubric,
        scores.totals(),
        dossier_groups(session, event, group_by),
        criterion_scores=scores.criterion_scores,
        criterion_aggregates=scores.criterion_aggregates if fast else None,
        method=method,
        stage=stage_id,
    )


def ranking_rows(session: Session, event: Event, ranking: Ranking, *, actor: Any) -> list[dict[str, Any]]:
    """Flat rows for the CLI and exports (stable English keys)."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    dossiers = {
        d.id.hex: d for d in session.scalars(select(Dossier).where(Dossier.event_id == event.id))
    }
    judges = {
        u.id.hex: u.name for u in session.scalars(select(User).where(User.event_id == event.id))
    }
    labels = {k: d.number for k, d in dossiers.items()}
    notes_by_dossier: dict[str, list[str]] = {}
    for ko in ranking.knockouts:
        notes_by_dossier.setdefault(ko.dossier_id, []).append(ko.render(None, labels))
    for entry in ranking.trace:
        for d in entry_dossiers(entry):
            notes_by_dossier.setdefault(d, []).append(entry.render(None, labels))
    rows = []
    for row in ranking:
        d = dossiers[row.dossier_id]
        totals = []
        for stage, per_judge in row.judge_totals.items():
            for judge_id, total in sorted(per_judge.items(), key=lambda kv: judges.get(kv[0], kv[0])):
                prefix = f"{stage}:" if len(row.judge_totals) > 1 else ""
                totals.append(f"{prefix}{judges.get(judge_id, judge_id)}={display(total)}")
        rows.append(
            {
                "group": " / ".join(row.group),
                "rank": row.rank,
                "dossier_id": str(d.id),
                "number": d.number,
                "title": d.title,
                "score": row.value,
                "score_display": display(row.value),
                "passed": row.passed,
                "knocked_out": ",".join(row.knocked_out),
                "tied_for_chair": row.tied_for_chair,
                "judges": row.n_sheets,
                "judge_totals": "; ".join(totals),
                "notes": " | ".join(dict.fromkeys(notes_by_dossier.get(row.dossier_id, []))),
            }
        )
    return rows


def entry_dossiers(entry: Any) -> tuple[str, ...]:
    """The dossiers a trace entry speaks of (attribute name kept in one place)."""
    for attr in ("dossier_ids", "dossiers"):
        value = getattr(entry, attr, None)
        if value:
            return tuple(value)
    return ()


# -- comparing two aggregation methods ----------------------------------------------------
@dataclass(frozen=True)
class MethodChange:
    """One dossier under two aggregation methods.

    ``move`` is ``rank_a − rank_b`` (positive: it climbs under method b);
    ``None`` when unranked under either.  ``moved``: ``|move| > max_moves``;
    ``crossed``: passes under one method and not the other.
    """

    dossier_id: str
    group: tuple[str, ...]
    rank_a: int | None
    rank_b: int | None
    value_a: Fraction | None
    value_b: Fraction | None
    passed_a: bool
    passed_b: bool
    move: int | None
    moved: bool
    crossed: bool

    @property
    def marked(self) -> bool:
        return self.moved or self.crossed


@dataclass(frozen=True)
class MethodComparison:
    method_a: AggregationMethod
    method_b: AggregationMethod
    max_moves: int
    changes: list[MethodChange]
    ranking_a: Ranking
    ranking_b: Ranking

    @property
    def marked(self) -> list[MethodChange]:
        return [c for c in self.changes if c.marked]


def compare_methods(
    session: Session,
    event: Event,
    other: AggregationMethod,
    *,
    method: AggregationMethod | None = None,
    max_moves: int = 0,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    stage_id: str | None = None,
    actor: Any,
) -> MethodComparison:
    """Rank with ``method`` (default: the rubric's) and with ``other``, side by side.

    The scores are read once (one :class:`EventScores`) and ranked twice.
    Rows follow ranking *a* (group by group, in rank order).  A dossier is
    marked when its rank moves by more than ``max_moves`` places within its
    group or when it crosses the pass mark (passes under one method only).
    """
    authorize(session, actor, Action.RESULTS_READ, event=event)
    if max_moves < 0:
        raise ValidationError("rank.bad_moves", value=max_moves)
    rubric = event_rubric(session, event)
    scores = EventScores(session, event, rubric)
    groups = dossier_groups(session, event, group_by)
    method_a = method or rubric.aggregation
    totals = scores.totals()

    def run(m: AggregationMethod) -> Ranking:
        return domain_rank(rubric, totals, groups, criterion_scores=scores.criterion_scores,
                           criterion_aggregates=scores.criterion_aggregates, method=m, stage=stage_id)

    a, b = run(method_a), run(other)
    b_rows = {r.dossier_id: r for r in b}
    changes = []
    for ra in a:
        rb = b_rows[ra.dossier_id]
        move = ra.rank - rb.rank if ra.rank is not None and rb.rank is not None else None
        changes.append(MethodChange(
            dossier_id=ra.dossier_id, group=ra.group, rank_a=ra.rank, rank_b=rb.rank, value_a=ra.value,
            value_b=rb.value, passed_a=ra.passed, passed_b=rb.passed, move=move,
            moved=move is not None and abs(move) > max_moves, crossed=ra.passed != rb.passed,
        ))
    return MethodComparison(method_a, AggregationMethod(other), max_moves, changes, a, b)


# -- the ranking view's table (results GUI) ---------------------------------------------------
@dataclass(frozen=True)
class TableRow:
    """One dossier as the ranking view shows it: raw, adjusted (plenary) and, optionally, under method b."""

    dossier_id: str
    group: tuple[str, ...]
    number: str
    title: str
    instansi: str
    rank: int | None
    value: Fraction | None
    passed: bool
    knocked_out: tuple[str, ...]
    tied_for_chair: bool
    judge_totals: tuple[tuple[str, Fraction], ...]
    """(judge name, total) in name order; the name is prefixed ``stage:`` when several stages count."""
    adjusted_rank: int | None
    adjusted_value: Fraction | None
    adjusted_passed: bool
    decisions: tuple[tuple[str, str, str], ...]
    """Plenary decisions touching the dossier: (kind, reason, decided by)."""
    rank_b: int | None = None
    value_b: Fraction | None = None
    passed_b: bool = False

    def move(self) -> int | None:
        """``rank − rank_b`` (positive: climbs under method b); None when unranked under either."""
        if self.rank is None or self.rank_b is None:
            return None
        return self.rank - self.rank_b


@dataclass(frozen=True)
class RankingTable:
    """Everything the ranking view shows, computed from ONE read of the scores."""

    method: AggregationMethod
    method_b: AggregationMethod | None
    stage_id: str | None
    pass_mark: Fraction
    rows: list[TableRow]
    ranking: Ranking
    labels: dict[str, str]
    judges: list[str]
    prepared: "PreparedScores | None" = None

    def notes(self, dossier_id: str, lang: str | None = None) -> list[str]:
        """The knock-outs and tie-break trace entries about one dossier, rendered in ``lang``."""
        out = [k.render(lang, self.labels) for k in self.ranking.knockouts if k.dossier_id == dossier_id]
        out += [e.render(lang, self.labels) for e in self.ranking.trace if dossier_id in entry_dossiers(e)]
        return out


@dataclass
class PreparedScores:
    """What a ranking reads from the store, kept by the ranking view between recomputes.

    ``version`` is the event's audit chain head (every change to scores,
    dossiers or decisions is audited there): while it is unchanged, switching
    the method or the stage ranks again without reading 175,000 scores again.
    """

    version: tuple[int, str]
    group_by: tuple[str, ...]
    rubric: Rubric
    scores: EventScores
    groups: dict[str, tuple[str, ...]]
    totals: list[SheetTotal]
    meta: dict[str, tuple[str, str, str]]
    names: dict[str, str]


def scores_version(session: Session, event: Event) -> tuple[int, str]:
    """The event's audit chain head (seq, hash): it moves on with every audited change."""
    from oaoi_desktop.store.models import AuditHead

    row = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.chain == str(event.id))).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def prepare_scores(session: Session, event: Event, group_by: Sequence[str] = ("kategori", "kelompok"),
                   *, previous: PreparedScores | None = None, actor: Any) -> PreparedScores:
    """Read (or, when ``previous`` is still current, reuse) what :func:`ranking_table` needs."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    version = scores_version(session, event)
    if previous is not None and previous.version == version and previous.group_by == tuple(group_by):
        previous.scores.session = session  # a criterion outside the read set is fetched in this session
        return previous
    rubric = event_rubric(session, event)
    scores = EventScores(session, event, rubric)
    meta = {id_key(i): (n, t, ins) for i, n, t, ins in session.execute(
        select(raw_id(Dossier.id), Dossier.number, Dossier.title, Dossier.instansi).where(Dossier.event_id == event.id))}
    names = {id_key(i): n for i, n in session.execute(select(raw_id(User.id), User.name).where(User.event_id == event.id))}
    return PreparedScores(version, tuple(group_by), rubric, scores, dossier_groups(session, event, group_by),
                          scores.totals(), meta, names)


def ranking_table(
    session: Session,
    event: Event,
    *,
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    compare_with: AggregationMethod | None = None,
    prepared: PreparedScores | None = None,
    actor: Any,
) -> RankingTable:
    """The view's rows: ranking by ``method`` (default the rubric's), the plenary's adjusted
    result beside it, and with ``compare_with`` the rank under a second method (scores read once).

    ``prepared`` (from an earlier table's :attr:`RankingTable.prepared`) is reused while the
    event's audit head has not moved; the returned table carries what it used.
    """
    from oaoi_desktop.services import plenary

    prepared = prepare_scores(session, event, group_by, previous=prepared, actor=actor)  # checks the actor
    rubric, scores, groups, totals = prepared.rubric, prepared.scores, prepared.groups, prepared.totals
    method_a = method or rubric.aggregation

    def run(m: AggregationMethod) -> Ranking:
        return domain_rank(rubric, totals, groups, criterion_scores=scores.criterion_scores,
                           criterion_aggregates=scores.criterion_aggregates, method=m, stage=stage_id)

    a = run(method_a)
    b = {r.dossier_id: r for r in run(compare_with)} if compare_with is not None else {}
    adjusted: dict[str, Any] = {}
    if plenary.active_adjustments(session, event, actor=actor):
        for r in plenary.adjusted_ranking(session, event, group_by=group_by, method=method_a, stage_id=stage_id,
                                          actor=actor):
            adjusted[r.dossier_id] = (r.rank, r.value, r.passed,
                                      tuple((x.kind, x.reason, x.decided_by) for x in r.adjustments))
    meta, names = prepared.meta, prepared.names
    several = stage_id is None and len(rubric.stages) > 1
    rows = []
    judges: set[str] = set()
    for r in a:
        number, title, instansi = meta.get(r.dossier_id, (r.dossier_id, "", ""))
        jt = []
        for st, per in r.judge_totals.items():
            for j, total in per.items():
                name = names.get(j, j)
                judges.add(name)
                jt.append((f"{st}:{name}" if several else name, total))
        jt.sort(key=lambda x: x[0].casefold())
        adj = adjusted.get(r.dossier_id)
        rb = b.get(r.dossier_id)
        rows.append(TableRow(
            r.dossier_id, r.group, number, title, instansi, r.rank, r.value, r.passed, r.knocked_out,
            r.tied_for_chair, tuple(jt),
            adj[0] if adj else r.rank, adj[1] if adj else r.value, adj[2] if adj else r.passed,
            adj[3] if adj else (),
            rb.rank if rb else None, rb.value if rb else None, rb.passed if rb else False,
        ))
    labels = {d: m[0] for d, m in meta.items()}
    return RankingTable(method_a, compare_with, stage_id, a.pass_mark, rows, a, labels,
                        sorted(judges, key=str.casefold), prepared)


def dossier_count(session: Session, event: Event) -> int:
    """How many dossiers the event has (the ranking view decides from it where to rank)."""
    return int(session.scalar(select(func.count()).select_from(Dossier).where(
        Dossier.event_id == event.id, competing_dossier())) or 0)
