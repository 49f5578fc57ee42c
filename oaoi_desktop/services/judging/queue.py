"""A judge's queue: their dossiers, assigned, not recused, no declared conflict."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import i18n
from oaoi_desktop.domain.scoring import coefficient_table
from oaoi_desktop.domain.sorting import natural_key
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.assignments import recused
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.judging.access import allow, judge_actor, require_judge
from oaoi_desktop.services.judging.redaction import make_redactor, mask_text, redaction_terms
from oaoi_desktop.services.judging.status import QueueStatus
from oaoi_desktop.services.policy import Action
from oaoi_desktop.store.models import (
    Assignment,
    ConflictDeclaration,
    Dossier,
    DossierRevision,
    Event,
    Score,
    ScoreSheet,
    User,
)


@dataclass(frozen=True)
class QueueItem:
    """One row of a judge's queue (one dossier in one stage).

    ``instansi`` and ``unit_kerja`` are ``None`` in blind mode, and ``title``
    is redacted there.  ``total`` is the total so far (None before any score).
    """

    dossier_id: uuid.UUID
    number: str
    title: str
    kategori: str
    kelompok: str
    klaster: str
    instansi: str | None
    unit_kerja: str | None
    stage_id: str
    status: QueueStatus
    total: Fraction | None
    scored: int
    criteria: int
    updated_at: dt.datetime | None
    changed_since_scored: bool
    version: int
    calibration: bool = False
    """A calibration dossier (issue 17): listed first, marked "Kalibrasi", never counted."""

    def matches(self, search: str) -> bool:
        """Every word of ``search`` occurs (case-insensitively) in the number,
        title, kategori, kelompok, klaster or — outside blind mode — the agency."""
        words = search.casefold().split()
        if not words:
            return True
        hay = " ".join(
            v for v in (self.number, self.title, self.kategori, self.kelompok, self.klaster,
                        self.instansi or "", self.unit_kerja or "") if v
        ).casefold()
        return all(w in hay for w in words)


class QueueProgress(NamedTuple):
    submitted: int
    total: int

    def text(self, lang: str | None = None) -> str:
        """"12 dari 40 terkirim"."""
        return i18n.render("judging.progress", lang, submitted=self.submitted, total=self.total)


def _statuses(status_filter: QueueStatus | str | Iterable[QueueStatus | str] | None) -> set[QueueStatus] | None:
    if status_filter is None:
        return None
    if isinstance(status_filter, (QueueStatus, str)):
        status_filter = [status_filter]
    try:
        return {QueueStatus(s) for s in status_filter}
    except ValueError as exc:
        raise ValidationError("judging.bad_status_filter",
                              allowed=", ".join(s.value for s in QueueStatus)) from exc


def _innovators_by_dossier(session: Session, dossier_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """Only the ``innovators`` of each current revision (not its texts), for blind titles."""
    if not dossier_ids:
        return {}
    stmt = (
        select(DossierRevision.dossier_id, DossierRevision.content["innovators"])
        .join(Dossier, (Dossier.id == DossierRevision.dossier_id)
              & (Dossier.current_revision == DossierRevision.revision))
        .where(DossierRevision.dossier_id.in_(dossier_ids))
    )
    return {d: {"innovators": names} for d, names in session.execute(stmt)}


def judge_queue(
    session: Session,
    event: Event,
    judge: User,
    *,
    search: str = "",
    status_filter: QueueStatus | str | Iterable[QueueStatus | str] | None = None,
    lang: str | None = None,
) -> list[QueueItem]:
    """The judge's dossiers: assigned, not recused, no declared conflict.

    Sorted by proposal number (naturally: P-2 before P-10), then stage.
    ``search`` keeps the items that :meth:`QueueItem.matches`; ``status_filter``
    keeps the given status(es).
    """
    allow(session, judge_actor(judge), Action.SHEET_READ_OWN, event, judge)
    require_judge(session, event, judge)
    rubric = event_rubric(session, event)
    stage_order = {s.id: i for i, s in enumerate(rubric.stages)}
    wanted = _statuses(status_filter)
    rows = session.execute(
        select(Assignment.stage_id, Dossier)
        .join(Dossier, Dossier.id == Assignment.dossier_id)
        .where(Assignment.judge_id == judge.id, Assignment.event_id == event.id)
    ).all()
    conflicts = set(session.scalars(
        select(ConflictDeclaration.dossier_id).where(
            ConflictDeclaration.judge_id == judge.id, ConflictDeclaration.event_id == event.id)
    ))
    sheets = {
        (s.dossier_id, s.stage_id): s
        for s in session.scalars(select(ScoreSheet).where(ScoreSheet.judge_id == judge.id,
                                                          ScoreSheet.event_id == event.id))
    }
    milli: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for sheet_id, cid, value in session.execute(
        select(Score.sheet_id, Score.criterion_id, Score.value_milli)
        .join(ScoreSheet, ScoreSheet.id == Score.sheet_id)
        .where(ScoreSheet.judge_id == judge.id, ScoreSheet.event_id == event.id)
    ):
        milli[sheet_id][cid] = value
    visible = [(st, d) for st, d in rows
               if st in stage_order and d.id not in conflicts and not recused(event, judge, d)]
    blind = event.blind_mode
    extra = _innovators_by_dossier(session, [d.id for _, d in visible]) if blind else {}
    mask = mask_text(lang)
    coefficients = {s.id: coefficient_table(s) for s in rubric.stages}
    items = []
    for stage_id, d in visible:
        stage = rubric.stage(stage_id)
        coefs, denominator = coefficients[stage_id]
        sheet = sheets.get((d.id, stage_id))
        values = {k: v for k, v in milli.get(sheet.id, {}).items() if k in coefs} if sheet else {}
        title = d.title
        if blind:
            title = make_redactor(redaction_terms(event, d, extra.get(d.id)), mask)(title)
        items.append(QueueItem(
            dossier_id=d.id, number=d.number, title=title, kategori=d.kategori, kelompok=d.kelompok,
            klaster=d.klaster,
            instansi=None if blind else d.instansi, unit_kerja=None if blind else d.unit_kerja,
            stage_id=stage_id, status=QueueStatus.of(sheet),
            total=Fraction(sum(coefs[k] * v for k, v in values.items()), denominator) if values else None,
            scored=len(values), criteria=len(stage.criteria),
            updated_at=sheet.updated_at if sheet else None,
            changed_since_scored=bool(sheet) and d.current_revision > (sheet.dossier_revision or 0),
            version=sheet.version if sheet is not None and sheet.version is not None else 0,
            calibration=bool(d.calibration),
        ))
    # calibration dossiers first: the round comes before real scoring (issue 17)
    items.sort(key=lambda it: (not it.calibration, natural_key(it.number), stage_order[it.stage_id]))
    if wanted is not None:
        items = [it for it in items if it.status in wanted]
    if search.strip():
        items = [it for it in items if it.matches(search)]
    return items


def queue_progress(session: Session, event: Event, judge: User) -> QueueProgress:
    """(submitted, total) over the judge's queue, for "12 dari 40 terkirim"."""
    allow(session, judge_actor(judge), Action.SHEET_READ_OWN, event, judge)
    items = judge_queue(session, event, judge)
    return QueueProgress(sum(1 for it in items if it.status.is_final), len(items))


__all__ = ["QueueItem", "QueueProgress", "judge_queue", "queue_progress"]
