"""Score sheets (Lembar penilaian): saving drafts and submitting.

A judge may only score what they are assigned to; values are checked
against the event's rubric (scale and step), required comments are
enforced on submit, and every save is written to the audit log with the
scores before and after.  Values are stored as integer thousandths.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import config
from oaoi_desktop.domain.rubric import Stage
from oaoi_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from oaoi_desktop.services.assignments import is_assigned
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.store.models import Dossier, Event, Score, ScoreSheet, SheetStatus, User, utcnow

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


def get_sheet(session: Session, dossier: Dossier, judge: User, stage_id: str) -> ScoreSheet | None:
    return session.scalar(
        select(ScoreSheet).where(
            ScoreSheet.dossier_id == dossier.id,
            ScoreSheet.judge_id == judge.id,
            ScoreSheet.stage_id == stage_id,
        )
    )


def save_sheet(
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
) -> ScoreSheet:
    """Save (and optionally submit) the judge's scores for a dossier.

    ``values`` may be partial for a draft; on submit every criterion of the
    stage needs a value and every low score its required comment.
    ``expected_version`` guards against overwriting a newer edit.
    """
    rubric = event_rubric(session, event)
    stage = rubric.stage(stage_id) if stage_id else rubric.first_stage
    if not is_assigned(session, dossier, judge, stage.id):
        raise PermissionDeniedError("sheet.not_assigned", judge=judge.name, dossier=dossier.number)
    comments = dict(comments or {})
    parsed = {cid: _parse_value(stage, cid, raw) for cid, raw in values.items() if raw not in (None, "")}
    for cid in comments:
        stage_ids = stage.criterion_ids
        if cid not in stage_ids:
            raise ValidationError("sheet.unknown_criterion", criterion=cid, stage=stage.id)

    sheet = get_sheet(session, dossier, judge, stage.id)
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
        sheet.status = SheetStatus.SUBMITTED
        sheet.submitted_at = utcnow()
    sheet.revision = (sheet.revision or 0) + 1
    sheet.updated_at = utcnow()
    sheet.device_id = config.device_id()
    session.flush()
    append(
        session,
        actor=actor,
        action="sheet.submitted" if submit else "sheet.saved",
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
            "scores": sheet_values(sheet),
        },
    )
    return sheet
