"""The calibration round (issue 17): every judge scores the same calibration dossiers first.

Before real scoring, the secretariat flags two or three *calibration
dossiers* (at import, with the ``calibration`` field / ``kalibrasi`` column,
or here with :func:`flag_dossiers`) and starts the round
(:func:`start_round`): each calibration dossier is assigned to every active
judge (chair, member and shadow) in the first stage.  Judges see them first
in their queue, marked "Kalibrasi", and score them like any other dossier.

The secretariat then reads, per criterion, each judge's score against the
panel median with the rubric's level descriptors beside it
(:func:`report`), discusses, and may send a judge's calibration sheet back to
draft (:func:`reset_sheet`, with a reason, audited).  :func:`close_round`
ends the round and records it; the Berita Acara lists it
(:func:`minutes_line`).

Calibration sheets never enter results: every results query filters with
``services/counted.py``.  Everything here is audited on the event's chain:
``dossier.updated`` (the flag, with the dossier's snapshot, so ``oaoi audit
verify`` replays it), ``assignment.added`` per pair, ``calibration.started``,
``calibration.sheet_reset`` and ``calibration.closed``.

The round's record lives in ``event.settings["calibration"]``:
``{"started_at", "started_by", "stage_id", "dossiers": [numbers], "closed_at",
"closed_by", "sheets_submitted", "judges"}``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import median
from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from oaoi_desktop import i18n
from oaoi_desktop.i18n import formats
from oaoi_desktop.domain.sorting import natural_key as _natural
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import sheets as sheet_service
from oaoi_desktop.services.assignments import assign, has_declared_conflict, recused
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.counted import FINAL_STATUSES, JUDGE_ROLES, PANEL_ROLES
from oaoi_desktop.services.dossiers import dossier_snapshot, get_dossier
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import Assignment, Dossier, Event, Role, Score, ScoreSheet, User, utcnow

SETTINGS_KEY = "calibration"


def _round(event: Event) -> dict[str, Any]:
    return dict((event.settings or {}).get(SETTINGS_KEY) or {})


def _save_round(event: Event, state: dict[str, Any]) -> None:
    settings = dict(event.settings or {})
    settings[SETTINGS_KEY] = state
    event.settings = settings  # a new dict: the JSON column sees the change



def _calibration_dossiers(session: Session, event: Event) -> list[Dossier]:
    rows = list(session.scalars(select(Dossier).where(Dossier.event_id == event.id, Dossier.calibration == true())))
    return sorted(rows, key=lambda d: _natural(d.number))


def _has_final_sheet(session: Session, dossier: Dossier) -> bool:
    return session.scalar(select(ScoreSheet.id).where(
        ScoreSheet.dossier_id == dossier.id, ScoreSheet.status.in_(FINAL_STATUSES)).limit(1)) is not None


# -- flagging ------------------------------------------------------------------------------------------
def flag_dossiers(session: Session, event: Event, numbers: Sequence[str], *, actor: Actor,
                  calibration: bool = True) -> list[Dossier]:
    """Mark (or, with ``calibration=False``, unmark) dossiers as calibration dossiers.

    Refused for a dossier that already has a submitted or locked sheet: flagging it
    would take real scores out of the results (or put calibration scores in).
    """
    authorize(session, actor, Action.CALIBRATION_MANAGE, event=event)
    if not numbers:
        raise ValidationError("calib.no_dossiers_given")
    state = _round(event)
    if state.get("closed_at"):
        raise ConflictError("calib.round_closed", event=event.name)
    changed = []
    for number in numbers:
        d = get_dossier(session, event, str(number))
        if bool(d.calibration) == calibration:
            continue
        if _has_final_sheet(session, d):
            raise ConflictError("calib.flag_scored", dossier=d.number)
        before = dossier_snapshot(d)
        d.calibration = calibration
        session.flush()
        append(session, actor=actor, action="dossier.updated", event_id=event.id, entity_type="dossier",
               entity_id=d.id, before=before, after=dossier_snapshot(d))
        changed.append(d)
    return changed


# -- the round -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StartResult:
    dossiers: tuple[str, ...]
    """The calibration dossiers' numbers."""
    added: int
    """Assignments added by this call (0 when every judge had them already)."""
    judges: int
    skipped: tuple[tuple[str, str], ...] = ()
    """(dossier number, judge name) pairs not assigned: recused or a declared conflict."""


def start_round(session: Session, event: Event, *, actor: Actor, dossiers: Sequence[str] = (),
                stage_id: str | None = None) -> StartResult:
    """Flag ``dossiers`` (if given), then assign every calibration dossier to every active judge.

    Calling it again while the round is open assigns what is missing (a judge added later).
    """
    authorize(session, actor, Action.CALIBRATION_MANAGE, event=event)
    state = _round(event)
    if state.get("closed_at"):
        raise ConflictError("calib.round_closed", event=event.name)
    if dossiers:
        flag_dossiers(session, event, dossiers, actor=actor)
    calib = _calibration_dossiers(session, event)
    if not calib:
        raise ValidationError("calib.none_flagged", event=event.name)
    rubric = event_rubric(session, event)
    stage_id = stage_id or state.get("stage_id") or rubric.first_stage.id
    if stage_id not in {s.id for s in rubric.stages}:
        raise ValidationError("assign.unknown_stage", stage=stage_id)
    judges = list(session.scalars(select(User).where(
        User.event_id == event.id, User.role.in_(JUDGE_ROLES), User.active.is_(True)).order_by(User.name)))
    if not judges:
        raise ValidationError("calib.no_judges", event=event.name)
    from oaoi_desktop.services.assignments import is_assigned

    added = 0
    skipped = []
    for d in calib:
        for j in judges:
            if recused(event, j, d) or has_declared_conflict(session, j, d):
                skipped.append((d.number, j.name))
                continue
            if not is_assigned(session, d, j, stage_id):
                assign(session, event, d, j, actor=actor, stage_id=stage_id)
                added += 1
    first = not state.get("started_at")
    if first:
        state.update(started_at=utcnow().isoformat(timespec="seconds"), started_by=actor.name, stage_id=stage_id)
    state["dossiers"] = [d.number for d in calib]
    _save_round(event, state)
    session.flush()
    append(session, actor=actor, action="calibration.started" if first else "calibration.extended",
           event_id=event.id, entity_type="event", entity_id=event.id,
           after={"stage_id": stage_id, "dossiers": [d.number for d in calib],
                  "dossier_ids": [d.id for d in calib], "added": added,
                  "skipped": [list(p) for p in skipped]})
    return StartResult(tuple(d.number for d in calib), added, len(judges), tuple(skipped))


@dataclass(frozen=True)
class RoundState:
    started_at: str | None
    started_by: str
    closed_at: str | None
    closed_by: str
    stage_id: str | None
    dossiers: tuple[str, ...]
    """The calibration dossiers flagged now (numbers)."""
    zone: str = formats.DEFAULT_ZONE
    """The event's time zone (WIB, WITA, WIT): times are stored in UTC, shown in it."""

    def local(self, when: str | None) -> str:
        """A stored time (``started_at``/``closed_at``) as "2026-03-14 15:05 WIB"; "" for None."""
        if not when:
            return ""
        return formats.local_time(dt.datetime.fromisoformat(when), self.zone)

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


def _state(session: Session, event: Event) -> RoundState:
    st = _round(event)
    return RoundState(st.get("started_at"), st.get("started_by", ""), st.get("closed_at"), st.get("closed_by", ""),
                      st.get("stage_id"), tuple(d.number for d in _calibration_dossiers(session, event)),
                      formats.zone_of(event))


def round_state(session: Session, event: Event, *, actor: Actor) -> RoundState:
    """Whether the round was started / closed, and the calibration dossiers."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    return _state(session, event)


def close_round(session: Session, event: Event, *, actor: Actor) -> RoundState:
    """End the round and record it (date, dossiers, sheets submitted) for the Berita Acara."""
    authorize(session, actor, Action.CALIBRATION_MANAGE, event=event)
    state = _round(event)
    if not state.get("started_at"):
        raise ConflictError("calib.not_started", event=event.name)
    if state.get("closed_at"):
        raise ConflictError("calib.round_closed", event=event.name)
    calib = _calibration_dossiers(session, event)
    final = (ScoreSheet.event_id == event.id, ScoreSheet.dossier_id.in_([d.id for d in calib]),
             ScoreSheet.status.in_(FINAL_STATUSES))
    submitted = int(session.scalar(select(func.count()).select_from(ScoreSheet).where(*final)) or 0)
    judges = int(session.scalar(select(func.count(ScoreSheet.judge_id.distinct())).where(*final)) or 0)
    state.update(closed_at=utcnow().isoformat(timespec="seconds"), closed_by=actor.name,
                 dossiers=[d.number for d in calib], sheets_submitted=submitted, judges=judges)
    _save_round(event, state)
    session.flush()
    append(session, actor=actor, action="calibration.closed", event_id=event.id, entity_type="event",
           entity_id=event.id, after={k: state.get(k) for k in (
               "started_at", "closed_at", "stage_id", "dossiers", "sheets_submitted", "judges")})
    return _state(session, event)


def reset_sheet(session: Session, event: Event, dossier: str, judge: str, *, reason: str, actor: Actor,
                stage_id: str | None = None) -> ScoreSheet:
    """Send a judge's calibration sheet back to draft after the discussion (with a reason)."""
    from oaoi_desktop.services.accounts import find_judge

    authorize(session, actor, Action.CALIBRATION_MANAGE, event=event)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("calib.reason_required")
    d = get_dossier(session, event, dossier)
    if not d.calibration:
        raise ConflictError("calib.not_calibration", dossier=d.number)
    if _round(event).get("closed_at"):
        raise ConflictError("calib.round_closed", event=event.name)
    j = find_judge(session, event, judge)
    stage_id = stage_id or _round(event).get("stage_id") or event_rubric(session, event).first_stage.id
    sheet = sheet_service.get_sheet(session, d, j, stage_id, actor=actor)
    if sheet is None or sheet.status not in FINAL_STATUSES:
        raise ConflictError("calib.sheet_not_submitted", dossier=d.number, judge=j.name)
    sheet_service.unlock_sheet(session, sheet, actor, reason)
    append(session, actor=actor, action="calibration.sheet_reset", event_id=event.id, entity_type="score_sheet",
           entity_id=sheet.id, after={"dossier": d.number, "judge": j.name, "judge_id": j.id,
                                      "stage_id": stage_id, "reason": reason})
    return sheet


# -- the report ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class JudgeScore:
    judge: str
    role: str
    value: Fraction | None
    """None: not scored yet (or only a draft without this criterion)."""
    status: str
    """``not_started``, ``draft``, ``submitted``, ``locked``."""
    deviation: Fraction | None
    """value − panel median (None without either)."""
    level: str
    """The rubric level the value falls in (its label)."""


@dataclass(frozen=True)
class LevelText:
    label: str
    low: Fraction
    high: Fraction
    descriptor: str


@dataclass(frozen=True)
class CriterionRow:
    criterion_id: str
    name: str
    median: Fraction | None
    """Median of the panel's (chair, member) submitted scores; shadows are shown, not counted."""
    spread: Fraction | None
    scores: tuple[JudgeScore, ...]
    levels: tuple[LevelText, ...]


@dataclass(frozen=True)
class DossierReport:
    number: str
    title: str
    criteria: tuple[CriterionRow, ...]
    submitted: int
    judges: int


@dataclass(frozen=True)
class CalibrationReport:
    event: str
    state: RoundState
    stage_id: str
    dossiers: tuple[DossierReport, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """Stable English keys for ``--format json``; numbers as decimal strings."""
        def num(v: Fraction | None) -> str | None:
            return None if v is None else _dec(v)

        return {
            "event": self.event, "stage": self.stage_id,
            "started_at": self.state.started_at, "closed_at": self.state.closed_at,
            "dossiers": [{
                "number": d.number, "title": d.title, "submitted": d.submitted, "judges": d.judges,
                "criteria": [{
                    "criterion": c.criterion_id, "name": c.name, "median": num(c.median), "spread": num(c.spread),
                    "levels": [{"label": lv.label, "low": num(lv.low), "high": num(lv.high),
                                "descriptor": lv.descriptor} for lv in c.levels],
                    "scores": [{"judge": s.judge, "role": s.role, "score": num(s.value), "status": s.status,
                                "deviation": num(s.deviation), "level": s.level} for s in c.scores],
                } for c in d.criteria],
            } for d in self.dossiers],
        }


def _dec(v: Fraction) -> str:
    if v.denominator == 1:
        return str(v.numerator)
    text = f"{float(v):.2f}".rstrip("0").rstrip(".")
    return text


def report(session: Session, event: Event, *, actor: Actor, lang: str | None = None) -> CalibrationReport:
    """Per calibration dossier and criterion: each judge's score against the panel median."""
    authorize(session, actor, Action.RESULTS_READ, event=event)
    lang = lang or i18n.current_language()
    state = _state(session, event)
    rubric = event_rubric(session, event)
    stage_id = state.stage_id or rubric.first_stage.id
    stage = rubric.stage(stage_id)
    calib = _calibration_dossiers(session, event)
    judges = {u.id: u for u in session.scalars(select(User).where(User.event_id == event.id,
                                                                   User.role.in_(JUDGE_ROLES)))}
    out = []
    for d in calib:
        assigned = [judges[jid] for jid in session.scalars(select(Assignment.judge_id).where(
            Assignment.dossier_id == d.id, Assignment.stage_id == stage_id)) if jid in judges]
        assigned.sort(key=lambda u: (u.role == Role.SHADOW, u.role != Role.CHAIR, u.name.casefold()))
        sheets = {s.judge_id: s for s in session.scalars(select(ScoreSheet).where(
            ScoreSheet.dossier_id == d.id, ScoreSheet.stage_id == stage_id))}
        values: dict[tuple[uuid.UUID, str], Fraction] = {}
        for jid, cid, milli in session.execute(
                select(ScoreSheet.judge_id, Score.criterion_id, Score.value_milli)
                .join(Score, Score.sheet_id == ScoreSheet.id)
                .where(ScoreSheet.dossier_id == d.id, ScoreSheet.stage_id == stage_id)):
            values[(jid, cid)] = Fraction(milli, 1000)
        rows = []
        for c in stage.criteria:
            panel = [values[(u.id, c.id)] for u in assigned
                     if u.role in PANEL_ROLES and (u.id, c.id) in values and u.id in sheets
                     and sheets[u.id].status in FINAL_STATUSES]
            med = Fraction(median(panel)) if panel else None
            spread = (max(panel) - min(panel)) if panel else None
            scores = []
            for u in assigned:
                sheet = sheets.get(u.id)
                v = values.get((u.id, c.id))
                level = c.level_for(sheet_service.from_milli(int(v * 1000))) if v is not None else None
                scores.append(JudgeScore(
                    u.name, u.role.value, v, sheet.status.value if sheet is not None else "not_started",
                    (v - med) if v is not None and med is not None else None,
                    level.label(lang) if level is not None else ""))
            levels = tuple(LevelText(lv.label(lang), Fraction(lv.min), Fraction(lv.max), lv.descriptor(lang))
                           for lv in c.levels)
            rows.append(CriterionRow(c.id, c.name(lang), med, spread, tuple(scores), levels))
        submitted = sum(1 for s in sheets.values() if s.status in FINAL_STATUSES)
        out.append(DossierReport(d.number, d.title, tuple(rows), submitted, len(assigned)))
    return CalibrationReport(event.name, state, stage_id, tuple(out))


def minutes_line(event: Event, lang: str | None = None) -> str | None:
    """The Berita Acara's sentence on the round ("Kalibrasi dilakukan pada ..."), or None without one.

    Reads only the event row the caller (an authorised document build) holds.
    """
    state = _round(event)
    started = state.get("started_at")
    if not started:
        return None
    when = formats.to_local(dt.datetime.fromisoformat(started), formats.zone_of(event)).date()
    from oaoi_desktop.reports.terbilang import short_date

    lang = lang or i18n.current_language()
    n = len(state.get("dossiers") or [])
    return i18n.render("calib.minutes_line", lang, date=short_date(when, lang), count=n)


__all__ = ["CalibrationReport", "CriterionRow", "DossierReport", "JudgeScore", "LevelText", "RoundState",
           "StartResult", "close_round", "flag_dossiers", "minutes_line", "report", "reset_sheet", "round_state",
           "start_round"]
