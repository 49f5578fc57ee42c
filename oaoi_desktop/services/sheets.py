"""Score sheets (Lembar penilaian): saving drafts and submitting.

A judge may only score what they are assigned to; values are checked
against the event's rubric (scale and step), required comments are
enforced on submit, and every save is written to the audit log with the
scores before and after.  Values are stored as integer thousandths.

Lifecycle: DRAFT → (submit) SUBMITTED or LOCKED → (the secretariat's
:func:`unlock_sheet`, with a reason) DRAFT.  The judge workspace
(:mod:`oaoi_desktop.services.judging`) and the paper import submit with
``lock=True``; both final statuses count in the ranking and neither can be
changed by a judge.

The write helpers :func:`save_sheet_unchecked`, :func:`set_score_unchecked` and
:func:`set_comment_unchecked` are **private to the services that check authority**
(:mod:`~oaoi_desktop.services.judging` for the judge's own draft,
:mod:`~oaoi_desktop.services.paper` for the secretariat's paper entry, the
demo builder).  They are not a way around the policy: on their own they refuse
a sheet that is not a DRAFT (SUBMITTED or LOCKED; only :func:`unlock_sheet`,
the policy-checked secretariat path, reopens one), a dossier the judge is not
assigned to, recused from or declared a conflict on, a closed stage and a
finalised event.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from oaoi_desktop import config
from oaoi_desktop.domain.rubric import Stage
from oaoi_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from oaoi_desktop.services.assignments import is_assigned
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.store.models import Dossier, Event, EventStatus, Score, ScoreSheet, SheetStatus, User, utcnow

MILLI = 1000


def to_milli(value: Decimal) -> int:
    scaled = value * MILLI
    if scaled != scaled.to_integral_value():
        raise InvalidOperation
    return int(scaled)


def from_milli(value_milli: int) -> Decimal:
    return Decimal(value_milli) / MILLI


def sheet_values(sheet: ScoreSheet) -> dict[str, dict[str, Any]]:
    """criterion id → {value, comment}; what the audit log and bundles carry."""
    return {
        s.criterion_id: {"value": from_milli(s.value_milli), "comment": s.comment}
        for s in sheet.scores
    }


def _parse_value(stage: Stage, criterion_id: str, raw: Any) -> Decimal:
    try:
        criterion = stage.criterion(criterion_id)
    except KeyError:
        raise ValidationError("sheet.unknown_criterion", criterion=criterion_id, stage=stage.id) from None
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw).strip().replace(",", "."))
        to_milli(value)
    except (InvalidOperation, ValueError):
        raise ValidationError("sheet.not_a_number", criterion=criterion_id, value=raw) from None
    if not criterion.is_valid_score(value):
        raise ValidationError(
            "sheet.out_of_scale",
            criterion=criterion_id,
            value=value,
            min=criterion.scale_min,
            max=criterion.scale_max,
            step=criterion.step,
        )
    return value


def get_sheet(session: Session, dossier: Dossier, judge: User, stage_id: str, *, actor: Actor) -> ScoreSheet | None:
    """``judge``'s sheet for ``dossier`` in the stage: the secretariat reads any (``sheet.read_any``),
    a judge only their own, on an assigned, unrecused, unconflicted dossier (``sheet.read_own``)."""
    from oaoi_desktop.services import policy

    user = policy.resolve(session, actor, policy.Action.SHEET_READ_OWN)
    action = policy.Action.SHEET_READ_ANY if user.role == policy.SECRETARIAT else policy.Action.SHEET_READ_OWN
    policy.authorize(session, actor, action, event=dossier.event_id, dossier=dossier, judge=judge, stage_id=stage_id)
    return get_sheet_unchecked(session, dossier, judge, stage_id)


def get_sheet_unchecked(session: Session, dossier: Dossier, judge: User, stage_id: str) -> ScoreSheet | None:
    return session.scalar(
        select(ScoreSheet).where(
            ScoreSheet.dossier_id == dossier.id,
            ScoreSheet.judge_id == judge.id,
            ScoreSheet.stage_id == stage_id,
        )
    )


def refuse_closed_stage(event: Event, stage_id: str, dossier: Dossier) -> None:
    """No score changes in a stage the secretariat has closed (``services/stages.py``)."""
    if ((event.settings or {}).get("stages") or {}).get(stage_id):
        raise ConflictError("stage.closed_no_scores", stage=stage_id, dossier=dossier.number)


def _refuse_write(session: Session, event: Event, judge: User, dossier: Dossier, stage_id: str,
                  sheet: ScoreSheet | None) -> None:
    """Defence in depth for the private write helpers (the policy has already decided).

    Refuses a finalised event, a dossier the judge is not assigned to, recused
    from or declared a conflict on, and a sheet that is no longer a DRAFT.
    """
    from oaoi_desktop.services.assignments import has_declared_conflict, recused

    if event.status == EventStatus.FINALISED:
        raise ConflictError("finalise.refused", event=event.name, action="sheet.saved",
                            by=event.finalised_by or "-", at="-")
    if not is_assigned(session, dossier, judge, stage_id):
        raise PermissionDeniedError("sheet.not_assigned", judge=judge.name, dossier=dossier.number)
    if recused(event, judge, dossier):
        raise PermissionDeniedError("judging.recused", dossier=dossier.number)
    if has_declared_conflict(session, judge, dossier):
        raise PermissionDeniedError("judging.conflict_declared", dossier=dossier.number)
    if sheet is not None and sheet.status != SheetStatus.DRAFT:
        raise ConflictError("sheet.locked", dossier=dossier.number)


def save_sheet_unchecked(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier,
    *,
    values: Mapping[str, Any],
    actor: Actor,
    comments: Mapping[str, str] | None = None,
    stage_id: str | None = None,
    submit: bool = False,
    expected_version: int | None = None,
    lock: bool = False,
    source: str | None = None,
    action: str | None = None,
    audit_extra: Mapping[str, Any] | None = None,
) -> ScoreSheet:
    """Save (and optionally submit) the judge's scores for a dossier.

    ``values`` may be partial for a draft; on submit every criterion of the
    stage needs a value and every low score its required comment.
    ``expected_version`` guards against overwriting a newer edit.

    ``lock`` (with ``submit``) leaves the sheet LOCKED instead of SUBMITTED:
    what the judge workspace and the paper import do, so nobody edits it
    until the secretariat unlocks it (:func:`unlock_sheet`).  ``source``
    records where the scores came from (``app``, ``paper``, ``bundle``);
    ``action`` and ``audit_extra`` name the audit entry and add facts to it.
    Every save records the dossier revision the scores were given to.
    Private: the caller has checked authority (:mod:`~oaoi_desktop.services.policy`);
    a sheet that is not a DRAFT is refused here all the same.
    """
    rubric = event_rubric(session, event)
    stage = rubric.stage(stage_id) if stage_id else rubric.first_stage
    refuse_closed_stage(event, stage.id, dossier)
    # [trust, issue 8; auth, issue 12] recusal, conflicts and final sheets hold here too
    _refuse_write(session, event, judge, dossier, stage.id, get_sheet_unchecked(session, dossier, judge, stage.id))
    comments = dict(comments or {})
    parsed = {cid: _parse_value(stage, cid, raw) for cid, raw in values.items() if raw not in (None, "")}
    for cid in comments:
        stage_ids = stage.criterion_ids
        if cid not in stage_ids:
            raise ValidationError("sheet.unknown_criterion", criterion=cid, stage=stage.id)

    sheet = get_sheet_unchecked(session, dossier, judge, stage.id)
    before = sheet_values(sheet) if sheet is not None else None
    before_status = sheet.status.value if sheet is not None else None
    if sheet is None:
        sheet = ScoreSheet(
            id=uuid.uuid4(),
            event_id=event.id,
            dossier_id=dossier.id,
            judge_id=judge.id,
            stage_id=stage.id,
            status=SheetStatus.DRAFT,
            revision=0,
        )
        session.add(sheet)
    elif sheet.status == SheetStatus.LOCKED:
        raise ConflictError("sheet.locked", dossier=dossier.number)
    if expected_version is not None and sheet.version is not None and sheet.version != expected_version:
        raise ConflictError("sheet.stale", dossier=dossier.number)

    by_criterion = {s.criterion_id: s for s in sheet.scores}
    for cid, value in parsed.items():
        comment = comments.get(cid, by_criterion[cid].comment if cid in by_criterion else "")
        if cid in by_criterion:
            by_criterion[cid].value_milli = to_milli(value)
            by_criterion[cid].comment = comment
        else:
            score = Score(id=uuid.uuid4(), criterion_id=cid, value_milli=to_milli(value), comment=comment)
            sheet.scores.append(score)
            by_criterion[cid] = score
    for cid, comment in comments.items():
        if cid in by_criterion and cid not in parsed:
            by_criterion[cid].comment = comment

    if submit:
        missing = [c.id for c in stage.criteria if c.id not in by_criterion]
        if missing:
            raise ValidationError("sheet.incomplete", dossier=dossier.number, criteria=", ".join(missing))
        for c in stage.criteria:
            score = by_criterion[c.id]
            if c.comment_required(from_milli(score.value_milli)) and not score.comment.strip():
                raise ValidationError(
                    "sheet.comment_required", criterion=c.id, below=c.comment_required_below
                )
        sheet.status = SheetStatus.LOCKED if lock else SheetStatus.SUBMITTED
        sheet.submitted_at = utcnow()
    if source is not None:
        sheet.source = source
    sheet.dossier_revision = dossier.current_revision
    sheet.revision = (sheet.revision or 0) + 1
    sheet.updated_at = utcnow()
    sheet.device_id = config.device_id()
    flush_sheet(session, dossier)
    append(
        session,
        actor=actor,
        action=action or ("sheet.submitted" if submit else "sheet.saved"),
        event_id=event.id,
        entity_type="score_sheet",
        entity_id=sheet.id,
        before={"status": before_status, "scores": before} if before is not None else None,
        after={
            "dossier_id": dossier.id,
            "judge_id": judge.id,
            "stage_id": stage.id,
            "status": sheet.status.value,
            "revision": sheet.revision,
            "source": sheet.source,
            "dossier_revision": sheet.dossier_revision,
            "scores": sheet_values(sheet),
            **dict(audit_extra or {}),
        },
    )
    return sheet


# -- single changes, locking ----------------------------------------------------------
FINAL_STATUSES = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)
"""Statuses that count in the ranking and that a judge can no longer edit."""


def flush_sheet(session: Session, dossier: Dossier) -> None:
    """Flush, turning a lost optimistic-lock race into ``sheet.stale``.

    On PostgreSQL seats really overlap: a second seat's UPDATE waits for the
    first's row lock and then matches no row (``StaleDataError``), and two
    seats creating the same sheet collide on its unique key
    (``IntegrityError``).  The failed flush expires the session's objects, so
    the dossier number is read before.
    """
    number = dossier.number
    try:
        session.flush()
    except (StaleDataError, IntegrityError):
        raise ConflictError("sheet.stale", dossier=number) from None


def check_version(sheet: ScoreSheet | None, expected_version: int | None, dossier: Dossier) -> None:
    """``expected_version`` is what the caller last saw: 0 for "no sheet yet"."""
    if expected_version is None:
        return
    current = sheet.version if sheet is not None and sheet.version is not None else 0
    if current != expected_version:
        raise ConflictError("sheet.stale", dossier=dossier.number)


def set_score_unchecked(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier,
    stage: Stage,
    criterion_id: str,
    value: Any,
    *,
    actor: Actor,
    comment: str | None = None,
    expected_version: int | None = None,
) -> ScoreSheet | None:
    """Set (``value``) or clear (``value is None``) one criterion's score.

    ``comment`` ``None`` keeps the criterion's comment, any string replaces it.
    The caller has checked access (assignment, conflicts); this checks the
    value, the version and that the sheet is not LOCKED, bumps the sheet's
    revision (and so its optimistic-lock ``version``) and writes one audit
    entry with the criterion's value and comment before and after.  A sheet is
    created on the first score; clearing a score that does not exist changes
    nothing and returns the sheet as it is (``None`` when there is none).
    """
    if criterion_id not in stage.criterion_ids:
        raise ValidationError("sheet.unknown_criterion", criterion=criterion_id, stage=stage.id)
    refuse_closed_stage(event, stage.id, dossier)
    parsed = None if value is None or value == "" else _parse_value(stage, criterion_id, value)
    sheet = get_sheet_unchecked(session, dossier, judge, stage.id)
    _refuse_write(session, event, judge, dossier, stage.id, sheet)
    check_version(sheet, expected_version, dossier)
    existing = next((s for s in sheet.scores if s.criterion_id == criterion_id), None) if sheet else None
    if parsed is None and existing is None:
        return sheet  # nothing to clear
    if sheet is None:
        sheet = ScoreSheet(
            id=uuid.uuid4(), event_id=event.id, dossier_id=dossier.id, judge_id=judge.id,
            stage_id=stage.id, status=SheetStatus.DRAFT, revision=0, source="app",
        )
        session.add(sheet)
    before = (
        {"value": from_milli(existing.value_milli), "comment": existing.comment} if existing is not None else None
    )
    if parsed is None:
        if existing is not None:
            sheet.scores.remove(existing)
        after = None
    else:
        new_comment = comment if comment is not None else (existing.comment if existing is not None else "")
        if existing is None:
            existing = Score(id=uuid.uuid4(), criterion_id=criterion_id, value_milli=to_milli(parsed),
                             comment=new_comment)
            sheet.scores.append(existing)
        else:
            existing.value_milli = to_milli(parsed)
            existing.comment = new_comment
        after = {"value": parsed, "comment": new_comment}
    sheet.dossier_revision = dossier.current_revision
    sheet.revision = (sheet.revision or 0) + 1
    sheet.updated_at = utcnow()
    sheet.device_id = config.device_id()
    flush_sheet(session, dossier)
    append(
        session,
        actor=actor,
        action="score.cleared" if parsed is None else "score.recorded",
        event_id=event.id,
        entity_type="score_sheet",
        entity_id=sheet.id,
        before={"criterion_id": criterion_id, "score": before, "status": sheet.status.value},
        after={
            "dossier_id": dossier.id,
            "judge_id": judge.id,
            "stage_id": stage.id,
            "criterion_id": criterion_id,
            "score": after,
            "revision": sheet.revision,
            "dossier_revision": sheet.dossier_revision,
        },
    )
    return sheet


def set_comment_unchecked(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier,
    stage: Stage,
    criterion_id: str,
    comment: str,
    *,
    actor: Actor,
    expected_version: int | None = None,
) -> ScoreSheet | None:
    """Change the comment of a criterion that has a score (audit logged).

    Returns ``None`` (and changes nothing) when the criterion has no score on
    the sheet yet: the judge workspace keeps such comments as pending.
    """
    if criterion_id not in stage.criterion_ids:
        raise ValidationError("sheet.unknown_criterion", criterion=criterion_id, stage=stage.id)
    refuse_closed_stage(event, stage.id, dossier)
    sheet = get_sheet_unchecked(session, dossier, judge, stage.id)
    check_version(sheet, expected_version, dossier)
    existing = next((s for s in sheet.scores if s.criterion_id == criterion_id), None) if sheet else None
    _refuse_write(session, event, judge, dossier, stage.id, sheet)
    if sheet is None or existing is None:
        return None
    if existing.comment == comment:
        return sheet
    before = existing.comment
    existing.comment = comment
    sheet.revision = (sheet.revision or 0) + 1
    sheet.updated_at = utcnow()
    sheet.device_id = config.device_id()
    flush_sheet(session, dossier)
    append(
        session, actor=actor, action="score.comment_changed", event_id=event.id, entity_type="score_sheet",
        entity_id=sheet.id, before={"criterion_id": criterion_id, "comment": before},
        after={"dossier_id": dossier.id, "judge_id": judge.id, "stage_id": stage.id,
               "criterion_id": criterion_id, "comment": comment, "revision": sheet.revision},
    )
    return sheet


def unlock_sheet(session: Session, sheet: ScoreSheet, actor: Actor, reason: str) -> ScoreSheet:
    """Reopen a submitted or locked sheet as a draft (secretariat only, with a reason).

    The judge can then change it and submit again; the audit log records the
    reason, the status before and the scores as they stood.
    """
    authorize(session, actor, Action.SHEET_UNLOCK, sheet=sheet)
    reason = " ".join((reason or "").split())
    dossier = session.get(Dossier, sheet.dossier_id)
    assert dossier is not None
    if not reason:
        raise ValidationError("sheet.unlock_reason_required")
    if sheet.status not in FINAL_STATUSES:
        raise ConflictError("sheet.not_locked", dossier=dossier.number)
    before_status = sheet.status.value
    sheet.status = SheetStatus.DRAFT
    sheet.submitted_at = None
    sheet.revision = (sheet.revision or 0) + 1
    sheet.updated_at = utcnow()
    flush_sheet(session, dossier)
    append(
        session, actor=actor, action="sheet.unlocked", event_id=sheet.event_id, entity_type="score_sheet",
        entity_id=sheet.id, before={"status": before_status},
        after={"dossier_id": sheet.dossier_id, "judge_id": sheet.judge_id, "stage_id": sheet.stage_id,
               "status": sheet.status.value, "reason": reason, "revision": sheet.revision,
               "source": sheet.source, "scores": sheet_values(sheet)},
    )
    return sheet
