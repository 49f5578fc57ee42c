"""Shadow (trainee) judges (issue 17): "Laporan penilai magang".

A shadow judge (``Role.SHADOW``) signs in, is assigned and scores like a
member, but never counts: every results query filters with
``services/counted.py`` (ranking, agreement, progress totals, exports,
documents, stage closing, ``--per-dossier``).  The only place their scores
are read for the secretariat is :func:`report`: per shadow judge and per
dossier they submitted, their total against the panel's mean total, the
mean absolute deviation (MAD) over those dossiers, and Spearman's rank
correlation between their totals and the panel's mean totals (average ranks
for ties; none with fewer than two dossiers or no variation).

Calibration dossiers are left out (they are compared in the calibration
report).  The panel is the chair and members with a submitted or locked sheet.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from fractions import Fraction
from math import sqrt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.scoring import from_milli, sheet_total
from oaoi_desktop.domain.sorting import natural_key as _natural
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.counted import FINAL_STATUSES, PANEL_ROLES
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import Dossier, Event, Role, Score, ScoreSheet, User


@dataclass(frozen=True)
class DossierComparison:
    number: str
    title: str
    shadow_total: Fraction
    panel_mean: Fraction | None
    """None: no panel judge has submitted this dossier yet."""
    panel_judges: int

    @property
    def deviation(self) -> Fraction | None:
        return None if self.panel_mean is None else self.shadow_total - self.panel_mean


@dataclass(frozen=True)
class ShadowResult:
    judge: str
    instansi: str
    dossiers: tuple[DossierComparison, ...]
    mean_absolute_deviation: Fraction | None
    spearman: float | None
    compared: int
    """Dossiers with both the shadow's and the panel's total."""


@dataclass(frozen=True)
class ShadowReport:
    event: str
    stage_id: str
    judges: tuple[ShadowResult, ...]

    def to_json(self) -> dict[str, Any]:
        """Stable English keys for ``--format json``; numbers as decimal strings."""
        return {"event": self.event, "stage": self.stage_id, "shadow_judges": [{
            "judge": r.judge, "instansi": r.instansi, "compared": r.compared,
            "mean_absolute_deviation": _dec(r.mean_absolute_deviation),
            "spearman": None if r.spearman is None else f"{r.spearman:.3f}",
            "dossiers": [{"dossier": d.number, "title": d.title, "shadow_total": _dec(d.shadow_total),
                          "panel_mean": _dec(d.panel_mean), "panel_judges": d.panel_judges,
                          "deviation": _dec(d.deviation)} for d in r.dossiers],
        } for r in self.judges]}


def _dec(v: Fraction | None) -> str | None:
    if v is None:
        return None
    return f"{float(v):.2f}"


def average_ranks(values: list[Fraction]) -> list[float]:
    """Ranks 1..n (1 = highest), ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: list[Fraction], b: list[Fraction]) -> float | None:
    """Spearman's rho: Pearson's correlation of the average ranks (None: < 2 values or no variation)."""
    if len(a) != len(b) or len(a) < 2:
        return None
    ra, rb = average_ranks(a), average_ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    if va == 0 or vb == 0:
        return None
    return cov / sqrt(va * vb)


def report(session: Session, event: Event, *, actor: Actor, stage_id: str | None = None) -> ShadowReport:
    """The "laporan penilai magang": each shadow judge against the panel."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    try:
        stage = rubric.stage(stage_id)
    except KeyError:
        raise ValidationError("assign.unknown_stage", stage=stage_id) from None
    users = {u.id: u for u in session.scalars(select(User).where(User.event_id == event.id))}
    dossiers = {d.id: d for d in session.scalars(select(Dossier).where(
        Dossier.event_id == event.id, Dossier.calibration.is_not(True)))}
    values: dict[uuid.UUID, dict[str, int]] = {}
    owner: dict[uuid.UUID, tuple[uuid.UUID, uuid.UUID]] = {}
    for sid, did, jid, cid, milli in session.execute(
            select(ScoreSheet.id, ScoreSheet.dossier_id, ScoreSheet.judge_id, Score.criterion_id, Score.value_milli)
            .join(Score, Score.sheet_id == ScoreSheet.id)
            .where(ScoreSheet.event_id == event.id, ScoreSheet.stage_id == stage_id,
                   ScoreSheet.status.in_(FINAL_STATUSES))):
        if did not in dossiers or jid not in users:
            continue
        values.setdefault(sid, {})[cid] = milli
        owner[sid] = (did, jid)
    totals: dict[tuple[uuid.UUID, uuid.UUID], Fraction] = {}
    for sid, vals in values.items():
        try:
            totals[owner[sid]] = Fraction(sheet_total(stage, {c: from_milli(v) for c, v in vals.items()}))
        except Exception:  # noqa: BLE001 - an incomplete sheet has no total
            continue
    panel: dict[uuid.UUID, list[Fraction]] = {}
    for (did, jid), total in totals.items():
        if users[jid].role in PANEL_ROLES:
            panel.setdefault(did, []).append(total)
    results = []
    shadows = sorted((u for u in users.values() if u.role == Role.SHADOW), key=lambda u: u.name.casefold())
    for u in shadows:
        rows = []
        for (did, jid), total in totals.items():
            if jid != u.id:
                continue
            p = panel.get(did, [])
            mean = Fraction(sum(p), len(p)) if p else None
            d = dossiers[did]
            rows.append(DossierComparison(d.number, d.title, total, mean, len(p)))
        rows.sort(key=lambda r: _natural(r.number))
        both = [r for r in rows if r.panel_mean is not None]
        mad = Fraction(sum(abs(r.deviation) for r in both), len(both)) if both else None  # type: ignore[arg-type]
        rho = spearman([r.shadow_total for r in both], [r.panel_mean for r in both])  # type: ignore[misc]
        results.append(ShadowResult(u.name, u.instansi, tuple(rows), mad, rho, len(both)))
    return ShadowReport(event.name, stage_id, tuple(results))


@dataclass(frozen=True)
class ShadowAssignment:
    judge: str
    added: tuple[str, ...]
    """Proposal numbers newly assigned."""
    skipped: tuple[str, ...]
    """Proposal numbers left out: recused or a declared conflict."""


def assign_shadow(session: Session, event: Event, judge: str, *, actor: Actor, follow: str | None = None,
                  dossiers: tuple[str, ...] | list[str] = (), stage_id: str | None = None) -> ShadowAssignment:
    """Assign a shadow judge the proposals of the panel judge they ``follow`` (their mentor) and/or
    the given ``dossiers``.  Automatic assignment never assigns or counts a shadow judge."""
    from oaoi_desktop.errors import ConflictError
    from oaoi_desktop.services.accounts import find_judge
    from oaoi_desktop.services.assignments import assign, has_declared_conflict, is_assigned, recused
    from oaoi_desktop.services.dossiers import get_dossier
    from oaoi_desktop.store.models import Assignment

    authorize(session, actor, Action.ASSIGNMENT_ADD, event=event)
    trainee = find_judge(session, event, judge)
    if trainee.role != Role.SHADOW:
        raise ConflictError("shadow.not_shadow", judge=trainee.name)
    stage_id = stage_id or event_rubric(session, event).first_stage.id
    wanted: list[Dossier] = [get_dossier(session, event, str(n)) for n in dossiers]
    if follow:
        mentor = find_judge(session, event, follow)
        ids = set(session.scalars(select(Assignment.dossier_id).where(
            Assignment.judge_id == mentor.id, Assignment.stage_id == stage_id)))
        wanted += [d for d in session.scalars(select(Dossier).where(Dossier.id.in_(ids)))]
    if not wanted:
        raise ValidationError("shadow.nothing_to_assign", judge=trainee.name)
    added, skipped, seen = [], [], set()
    for d in sorted(wanted, key=lambda d: _natural(d.number)):
        if d.id in seen:
            continue
        seen.add(d.id)
        if recused(event, trainee, d) or has_declared_conflict(session, trainee, d):
            skipped.append(d.number)
            continue
        if not is_assigned(session, d, trainee, stage_id):
            assign(session, event, d, trainee, actor=actor, stage_id=stage_id)
            added.append(d.number)
    return ShadowAssignment(trainee.name, tuple(added), tuple(skipped))



__all__ = ["DossierComparison", "ShadowAssignment", "ShadowReport", "ShadowResult", "assign_shadow", "average_ranks",
           "report", "spearman"]
