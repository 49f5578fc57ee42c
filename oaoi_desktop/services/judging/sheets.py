"""The judge's score form: its state, autosaved scores and comments, submitting.

Autosave: :func:`record_score` and :func:`record_comment` change one thing and
return the new :class:`SheetState`; a comment typed before its score is kept in
``users.state["pending_comments"]`` and moves onto the score when one is given.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import Level, Rubric, Stage
from oaoi_desktop.domain.scoring import partial_total
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services import sheets as sheet_service
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.judging.access import allow, judge_actor, judge_context
from oaoi_desktop.services.judging.status import QueueStatus
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import Dossier, Event, EventStatus, ScoreSheet, User


@dataclass(frozen=True)
class CriterionState:
    """One criterion on the score form."""

    criterion_id: str
    value: Decimal | None
    comment: str
    level: Level | None
    """The level the value falls in (its label and descriptor show on the form)."""
    comment_required: bool
    """The rubric requires a comment for this value."""
    comment_missing: bool
    knocked_out: bool
    """A knock-out criterion scored below its threshold (highlight it)."""
    comment_pending: bool
    """The comment is kept without a score yet (``users.state``)."""


@dataclass(frozen=True)
class SheetState:
    """Everything the score form shows about a judge's sheet for a dossier.

    ``version`` is what to pass back as ``expected_version`` (0: no sheet yet).
    ``total`` is the live weighted total (0–100) of the criteria scored so
    far; ``passed`` is True once it reaches the pass mark, False when the
    sheet is complete and below it, None while undecided.
    """

    event_id: uuid.UUID
    dossier_id: uuid.UUID
    judge_id: uuid.UUID
    stage_id: str
    sheet_id: uuid.UUID | None
    status: QueueStatus
    version: int
    revision: int
    source: str
    criteria: tuple[CriterionState, ...]
    total: Fraction
    complete: bool
    passed: bool | None
    pass_mark: Decimal
    knockouts: tuple[str, ...]
    missing: tuple[str, ...]
    missing_comments: tuple[str, ...]
    dossier_revision: int | None
    current_dossier_revision: int
    updated_at: dt.datetime | None
    submitted_at: dt.datetime | None
    event_finalised_at: dt.datetime | None = None
    """When the event was finalised (UTC): the sheet is then read-only whatever its status."""

    @property
    def values(self) -> dict[str, Decimal]:
        return {c.criterion_id: c.value for c in self.criteria if c.value is not None}

    @property
    def comments(self) -> dict[str, str]:
        return {c.criterion_id: c.comment for c in self.criteria if c.comment}

    @property
    def editable(self) -> bool:
        return not self.status.is_final and self.event_finalised_at is None

    @property
    def event_finalised(self) -> bool:
        return self.event_finalised_at is not None

    @property
    def can_submit(self) -> bool:
        return self.editable and self.complete and not self.missing_comments

    @property
    def changed_since_scored(self) -> bool:
        """The dossier was re-imported after these scores were given."""
        return self.dossier_revision is not None and self.current_dossier_revision > self.dossier_revision

    def criterion(self, criterion_id: str) -> CriterionState:
        for c in self.criteria:
            if c.criterion_id == criterion_id:
                return c
        raise KeyError(criterion_id)


def _pending_key(event: Event, dossier: Dossier, stage_id: str) -> str:
    return f"{event.id}/{dossier.id}/{stage_id}"


def _pending(judge: User, key: str) -> dict[str, str]:
    return dict(((judge.state or {}).get("pending_comments") or {}).get(key) or {})


def _set_pending(judge: User, key: str, pending: Mapping[str, str]) -> None:
    state = copy.deepcopy(judge.state or {})
    table = state.setdefault("pending_comments", {})
    cleaned = {k: v for k, v in pending.items() if v}
    if cleaned:
        table[key] = cleaned
    else:
        table.pop(key, None)
    if not table:
        state.pop("pending_comments", None)
    judge.state = state  # a new object, so the JSON column is written


def build_state(event: Event, rubric: Rubric, stage: Stage, judge: User, dossier: Dossier,
                 sheet: ScoreSheet | None) -> SheetState:
    scores = {s.criterion_id: s for s in sheet.scores} if sheet is not None else {}
    pending = _pending(judge, _pending_key(event, dossier, stage.id))
    criteria = []
    values: dict[str, Decimal] = {}
    for c in stage.criteria:
        row = scores.get(c.id)
        value = sheet_service.from_milli(row.value_milli) if row is not None else None
        comment = row.comment if row is not None else pending.get(c.id, "")
        required = value is not None and c.comment_required(value)
        criteria.append(CriterionState(
            criterion_id=c.id,
            value=value,
            comment=comment,
            level=c.level_for(value) if value is not None else None,
            comment_required=required,
            comment_missing=required and not comment.strip(),
            knocked_out=value is not None and c.knockout_below is not None and value < c.knockout_below,
            comment_pending=row is None and bool(comment),
        ))
        if value is not None:
            values[c.id] = value
    total = partial_total(stage, values)
    missing = tuple(c.criterion_id for c in criteria if c.value is None)
    complete = not missing
    pass_mark = rubric.pass_mark
    passed: bool | None = True if total >= Fraction(pass_mark) else (False if complete else None)
    return SheetState(
        event_id=event.id, dossier_id=dossier.id, judge_id=judge.id, stage_id=stage.id,
        sheet_id=sheet.id if sheet is not None else None,
        status=QueueStatus.of(sheet),
        version=sheet.version if sheet is not None and sheet.version is not None else 0,
        revision=sheet.revision if sheet is not None else 0,
        source=sheet.source if sheet is not None else "app",
        criteria=tuple(criteria), total=total, complete=complete, passed=passed, pass_mark=pass_mark,
        knockouts=tuple(c.criterion_id for c in criteria if c.knocked_out),
        missing=missing,
        missing_comments=tuple(c.criterion_id for c in criteria if c.comment_missing),
        dossier_revision=sheet.dossier_revision if sheet is not None else None,
        current_dossier_revision=dossier.current_revision,
        updated_at=sheet.updated_at if sheet is not None else None,
        submitted_at=sheet.submitted_at if sheet is not None else None,
        event_finalised_at=(event.finalised_at or dt.datetime.min) if event.status == EventStatus.FINALISED
        else None,
    )


def sheet_state(session: Session, event: Event, judge: User, dossier: Dossier | uuid.UUID | str, *,
                stage_id: str | None = None) -> SheetState:
    """The score form's state for ``dossier`` (read only)."""
    allow(session, judge_actor(judge), Action.SHEET_READ_OWN, event, judge)
    ctx = judge_context(session, event, judge, dossier, stage_id)
    sheet = sheet_service.get_sheet_unchecked(session, ctx.dossier, judge, ctx.stage.id)
    return build_state(event, ctx.rubric, ctx.stage, judge, ctx.dossier, sheet)


def _refuse_final(sheet: ScoreSheet | None, dossier: Dossier) -> None:
    if sheet is not None and sheet.status in sheet_service.FINAL_STATUSES:
        raise ConflictError("judging.sheet_final", dossier=dossier.number)


def _criterion_known(stage: Stage, criterion_id: str) -> None:
    if criterion_id not in stage.criterion_ids:
        raise ValidationError("sheet.unknown_criterion", criterion=criterion_id, stage=stage.id)


def record_score(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier | uuid.UUID | str,
    criterion_id: str,
    value: Decimal | int | str | None,
    comment: str | None = None,
    expected_version: int | None = None,
    *,
    stage_id: str | None = None,
    actor: Actor | None = None,
) -> SheetState:
    """Set (or, with ``value=None``, clear) one criterion's score; autosave.

    ``comment=None`` keeps the criterion's comment; a string replaces it.
    Clearing a score keeps its comment (as pending) unless ``comment`` says
    otherwise, so undoing a score never loses the text.  Refused on a
    submitted or locked sheet (``judging.sheet_final``) and on a stale
    ``expected_version`` (``sheet.stale``).  One audit entry per change.
    """
    actor = judge_actor(judge, actor)
    allow(session, actor, Action.SHEET_WRITE_OWN_DRAFT, event, judge)
    ctx = judge_context(session, event, judge, dossier, stage_id)
    stage, d = ctx.stage, ctx.dossier
    _criterion_known(stage, criterion_id)
    sheet = sheet_service.get_sheet_unchecked(session, d, judge, stage.id)
    _refuse_final(sheet, d)
    authorize(session, actor, Action.SHEET_WRITE_OWN_DRAFT, event=event, judge=judge, dossier=d, sheet=sheet,
              stage_id=stage.id)
    sheet_service.check_version(sheet, expected_version, d)
    key = _pending_key(event, d, stage.id)
    pending = _pending(judge, key)
    existing = next((s for s in sheet.scores if s.criterion_id == criterion_id), None) if sheet else None
    if value is None or (isinstance(value, str) and not value.strip()):
        if existing is not None:
            keep = comment if comment is not None else existing.comment
            sheet = sheet_service.set_score_unchecked(session, event, judge, d, stage, criterion_id, None, actor=actor,
                                            comment="", expected_version=expected_version)
            pending[criterion_id] = keep
        elif comment is not None:
            pending[criterion_id] = comment
    else:
        use = comment if comment is not None else (existing.comment if existing is not None else pending.get(criterion_id, ""))
        sheet = sheet_service.set_score_unchecked(session, event, judge, d, stage, criterion_id, value, actor=actor,
                                        comment=use, expected_version=expected_version)
        pending.pop(criterion_id, None)
    if pending != _pending(judge, key):
        _set_pending(judge, key, pending)
        session.flush()
    return build_state(event, ctx.rubric, stage, judge, d, sheet)


def record_comment(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier | uuid.UUID | str,
    criterion_id: str,
    comment: str,
    expected_version: int | None = None,
    *,
    stage_id: str | None = None,
    actor: Actor | None = None,
) -> SheetState:
    """Change one criterion's comment; autosave (audit logged once it has a score)."""
    actor = judge_actor(judge, actor)
    allow(session, actor, Action.SHEET_WRITE_OWN_DRAFT, event, judge)
    ctx = judge_context(session, event, judge, dossier, stage_id)
    stage, d = ctx.stage, ctx.dossier
    _criterion_known(stage, criterion_id)
    sheet = sheet_service.get_sheet_unchecked(session, d, judge, stage.id)
    _refuse_final(sheet, d)
    authorize(session, actor, Action.SHEET_WRITE_OWN_DRAFT, event=event, judge=judge, dossier=d, sheet=sheet,
              stage_id=stage.id)
    sheet_service.check_version(sheet, expected_version, d)
    comment = comment or ""
    updated = sheet_service.set_comment_unchecked(session, event, judge, d, stage, criterion_id, comment,
                                        actor=actor, expected_version=expected_version)
    if updated is None:
        key = _pending_key(event, d, stage.id)
        pending = _pending(judge, key)
        pending[criterion_id] = comment
        _set_pending(judge, key, pending)
        session.flush()
    return build_state(event, ctx.rubric, stage, judge, d, sheet)


def submit_sheet(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier | uuid.UUID | str,
    *,
    stage_id: str | None = None,
    expected_version: int | None = None,
    actor: Actor | None = None,
) -> SheetState:
    """Check completeness and required comments, then submit and LOCK the sheet.

    Errors list everything at once: ``sheet.incomplete`` (criteria) and
    ``judging.comments_missing`` (criteria).
    """
    actor = judge_actor(judge, actor)
    allow(session, actor, Action.SHEET_SUBMIT_OWN, event, judge)
    ctx = judge_context(session, event, judge, dossier, stage_id)
    stage, d = ctx.stage, ctx.dossier
    sheet = sheet_service.get_sheet_unchecked(session, d, judge, stage.id)
    _refuse_final(sheet, d)
    authorize(session, actor, Action.SHEET_SUBMIT_OWN, event=event, judge=judge, dossier=d, sheet=sheet,
              stage_id=stage.id)
    sheet_service.check_version(sheet, expected_version, d)
    state = build_state(event, ctx.rubric, stage, judge, d, sheet)
    if state.missing:
        raise ValidationError("sheet.incomplete", dossier=d.number, criteria=", ".join(state.missing))
    if state.missing_comments:
        raise ValidationError("judging.comments_missing", dossier=d.number,
                              criteria=", ".join(state.missing_comments))
    sheet = sheet_service.save_sheet_unchecked(
        session, event, judge, d, values={}, actor=actor, stage_id=stage.id,
        submit=True, lock=True, expected_version=expected_version, source=sheet.source if sheet else "app",
    )
    return build_state(event, ctx.rubric, stage, judge, d, sheet)


__all__ = [
    "CriterionState",
    "SheetState",
    "build_state",
    "record_comment",
    "record_score",
    "sheet_state",
    "submit_sheet",
]
