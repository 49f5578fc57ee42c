"""What the pleno's projector shows: the ranking with totals, spreads and disagreement flags.

:func:`projector_table` is the ranking (the same
:func:`~oaoi_desktop.services.ranking.ranking_table` the console shows, plenary
adjustments included) with, per dossier, the spread of the judges' totals and
the criteria whose scores span at least the rubric's disagreement threshold
(one grouped query: ``MAX − MIN`` per dossier, stage and criterion).  It
carries no comment text: :func:`dossier_comments` reads the judges' comments
of one dossier only when the chair reveals them on the projector.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.ranking import GroupKey
from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import NotFoundError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.services.ranking import PreparedScores, ranking_table
from oaoi_desktop.services.scores import COUNTED, id_key, raw_id
from oaoi_desktop.store.models import Dossier, Event, Score, ScoreSheet, User


@dataclass(frozen=True)
class ProjectorRow:
    dossier_id: str
    group: GroupKey
    rank: int | None
    """The adjusted rank (the plenary's decisions applied), as the pleno sees it."""
    number: str
    title: str
    value: Fraction | None
    passed: bool
    tied_for_chair: bool
    judge_totals: tuple[tuple[str, Fraction], ...]
    """(judge name, total) in name order; the projector hides the names unless asked."""
    spread: Fraction | None
    """Highest minus lowest judge total (the widest over the stages shown)."""
    total_flagged: bool
    flagged_criteria: tuple[str, ...]
    """Names of the criteria whose scores span the rubric's threshold or more."""

    @property
    def flagged(self) -> bool:
        return self.total_flagged or bool(self.flagged_criteria)


@dataclass(frozen=True)
class ProjectorTable:
    method: AggregationMethod
    stage_id: str | None
    pass_mark: Fraction
    total_limit: Fraction
    criterion_limit: Fraction
    rows: list[ProjectorRow]
    prepared: PreparedScores | None = None

    def groups(self) -> list[GroupKey]:
        return list(dict.fromkeys(r.group for r in self.rows))

    def rows_of(self, group: GroupKey) -> list[ProjectorRow]:
        return [r for r in self.rows if r.group == group]


def projector_table(
    session: Session,
    event: Event,
    *,
    actor: Actor,
    method: AggregationMethod | None = None,
    stage_id: str | None = None,
    group_by: Sequence[str] = ("kategori", "kelompok"),
    prepared: PreparedScores | None = None,
    lang: str | None = None,
) -> ProjectorTable:
    """The ranking as the projector shows it (no comment text; judge names for the toggle)."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    table = ranking_table(session, event, method=method, stage_id=stage_id, group_by=group_by, prepared=prepared,
                          actor=actor)
    rubric = event_rubric(session, event)
    total_limit = Fraction(rubric.disagreement.total_range)
    criterion_limit = Fraction(rubric.disagreement.criterion_range)
    stages = [st for st in rubric.stages if stage_id is None or st.id == stage_id]
    names = {c.id: c.name(lang) for st in stages for c in st.criteria}
    stmt = (
        select(raw_id(ScoreSheet.dossier_id), ScoreSheet.stage_id, Score.criterion_id,
               func.max(Score.value_milli) - func.min(Score.value_milli))
        .join(Score, Score.sheet_id == ScoreSheet.id)
        .where(ScoreSheet.event_id == event.id, ScoreSheet.status.in_(COUNTED))
        .group_by(ScoreSheet.dossier_id, ScoreSheet.stage_id, Score.criterion_id)
    )
    wanted = {st.id for st in stages}
    flagged: dict[str, list[str]] = {}
    for d, st, cid, width in session.execute(stmt):
        if st in wanted and Fraction(int(width or 0), 1000) >= criterion_limit:
            name = names.get(cid, cid)
            lst = flagged.setdefault(id_key(d), [])
            if name not in lst:
                lst.append(name)
    by_dossier = {r.dossier_id: r for r in table.ranking}
    rows = []
    for r in table.rows:
        ranked = by_dossier.get(r.dossier_id)
        spread = None
        if ranked is not None:
            widths = [max(per.values()) - min(per.values()) for sid, per in ranked.judge_totals.items()
                      if per and sid in wanted]
            spread = max(widths) if widths else None
        rows.append(ProjectorRow(
            r.dossier_id, r.group, r.adjusted_rank, r.number, r.title, r.adjusted_value, r.adjusted_passed,
            r.tied_for_chair, r.judge_totals, spread, spread is not None and spread >= total_limit,
            tuple(flagged.get(r.dossier_id, ())),
        ))
    rows.sort(key=lambda x: (x.group, x.rank is None, x.rank or 0, x.number))
    return ProjectorTable(table.method, stage_id, table.pass_mark, total_limit, criterion_limit, rows,
                          table.prepared)


@dataclass(frozen=True)
class Comment:
    judge: str
    criterion: str
    text: str


def dossier_comments(session: Session, event: Event, dossier_id: str, *, actor: Actor,
                     stage_id: str | None = None, lang: str | None = None) -> list[Comment]:
    """The judges' non-empty comments on one dossier's counted sheets (criterion order, then judge)."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    rubric = event_rubric(session, event)
    order = {c.id: (i, k) for i, st in enumerate(rubric.stages) for k, c in enumerate(st.criteria)}
    names = {c.id: c.name(lang) for st in rubric.stages for c in st.criteria}
    try:
        wanted_id = uuid.UUID(str(dossier_id))
    except ValueError:
        raise NotFoundError("projector.unknown_dossier") from None
    dossier = session.scalar(select(Dossier).where(Dossier.event_id == event.id, Dossier.id == wanted_id))
    if dossier is None:
        raise NotFoundError("projector.unknown_dossier")
    stmt = (
        select(User.name, ScoreSheet.stage_id, Score.criterion_id, Score.comment)
        .join(ScoreSheet, ScoreSheet.judge_id == User.id)
        .join(Score, Score.sheet_id == ScoreSheet.id)
        .where(ScoreSheet.dossier_id == dossier.id, ScoreSheet.status.in_(COUNTED), Score.comment != "")
    )
    if stage_id is not None:
        stmt = stmt.where(ScoreSheet.stage_id == stage_id)
    out = [(order.get(cid, (99, 99)), name.casefold(), Comment(name, names.get(cid, cid), text.strip()))
           for name, _st, cid, text in session.execute(stmt) if (text or "").strip()]
    out.sort(key=lambda x: (x[0], x[1]))
    return [c for *_, c in out]


__all__ = ["Comment", "ProjectorRow", "ProjectorTable", "dossier_comments", "projector_table"]
