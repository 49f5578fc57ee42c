"""Assignments: which judge scores which dossier in which stage.

Conflict-of-interest rules are enforced here, not only in the UI: a judge is
never assigned a dossier they are recused from at the event's recusal level,
nor one they declared a conflict on, and an inactive judge gets nothing.

* :func:`assign` / :func:`unassign` — the secretariat's manual edits, one
  audit entry each.
* :func:`auto_assign` — balanced automatic assignment of ``R`` judges per
  dossier (the algorithm is :mod:`oaoi_desktop.domain.assignment`).  A
  re-run only tops up what is missing.  One audit entry per run
  (``assignment.auto``) lists every pair added — not one entry per pair, so
  5,000 dossiers × 3 make one readable entry instead of 15,000.
* :func:`unassign` refuses while the judge's sheet for that dossier and stage
  is submitted or locked (results exist: unlock it first, with a reason).  A
  draft sheet is discarded with the assignment; its scores and comments are
  kept in the audit entry's ``before``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any
from dataclasses import dataclass, field

from sqlalchemy import false, insert, select, true
from sqlalchemy.orm import Session

from oaoi_desktop.domain.assignment import AssignmentPlan, DossierSlot, Shortfall, plan_assignment
from oaoi_desktop.domain.conflicts import alias_table, normalise_name
from oaoi_desktop.domain.sorting import natural_key as _natural
from oaoi_desktop.errors import ConflictError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.facts import has_declared_conflict, recused
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.store.models import (
    Assignment,
    ConflictDeclaration,
    Dossier,
    Event,
    Role,
    ScoreSheet,
    SheetStatus,
    User,
    utcnow,
)
from oaoi_desktop.services.policy import Action, authorize

MAX_PER_DOSSIER = 50


def _stage(session: Session, event: Event, stage_id: str | None) -> str:
    rubric = event_rubric(session, event)
    stage_id = stage_id or rubric.first_stage.id
    try:
        rubric.stage(stage_id)
    except KeyError:
        raise ValidationError("assign.unknown_stage", stage=stage_id) from None
    return stage_id


def assign(
    session: Session,
    event: Event,
    dossier: Dossier,
    judge: User,
    *,
    actor: Actor,
    stage_id: str | None = None,
    audit: bool = True,
) -> Assignment:
    authorize(session, actor, Action.ASSIGNMENT_ADD, event=event)
    stage_id = _stage(session, event, stage_id)
    if dossier.event_id != event.id or judge.event_id != event.id:
        raise ValidationError("assign.other_event")
    if recused(event, judge, dossier):
        raise ConflictError("assign.recused", judge=judge.name, dossier=dossier.number)
    existing = session.scalar(
        select(Assignment).where(
            Assignment.dossier_id == dossier.id,
            Assignment.judge_id == judge.id,
            Assignment.stage_id == stage_id,
        )
    )
    if existing is not None:
        return existing
    if has_declared_conflict(session, judge, dossier):
        raise ConflictError("assign.conflict_declared", judge=judge.name, dossier=dossier.number)
    if not judge.active:
        raise ConflictError("assign.judge_inactive", judge=judge.name)
    row = Assignment(id=uuid.uuid4(), event_id=event.id, dossier_id=dossier.id,
                     judge_id=judge.id, stage_id=stage_id)
    session.add(row)
    session.flush()
    if audit:
        append(session, actor=actor, action="assignment.added", event_id=event.id,
               entity_type="assignment", entity_id=row.id,
               after={"dossier_id": dossier.id, "judge_id": judge.id, "stage_id": stage_id})
    return row


def is_assigned(session: Session, dossier: Dossier, judge: User, stage_id: str) -> bool:
    return session.scalar(
        select(Assignment.id).where(
            Assignment.dossier_id == dossier.id,
            Assignment.judge_id == judge.id,
            Assignment.stage_id == stage_id,
        )
    ) is not None


def unassign(
    session: Session,
    event: Event,
    dossier: Dossier,
    judge: User,
    *,
    actor: Actor,
    stage_id: str | None = None,
) -> None:
    """Remove the judge from the dossier in the stage (see the module docstring)."""
    authorize(session, actor, Action.ASSIGNMENT_REMOVE, event=event)
    stage_id = _stage(session, event, stage_id)
    if dossier.event_id != event.id or judge.event_id != event.id:
        raise ValidationError("assign.other_event")
    row = session.scalar(
        select(Assignment).where(
            Assignment.dossier_id == dossier.id,
            Assignment.judge_id == judge.id,
            Assignment.stage_id == stage_id,
        )
    )
    if row is None:
        raise ValidationError("assign.not_assigned", judge=judge.name, dossier=dossier.number, stage=stage_id)
    sheet = session.scalar(
        select(ScoreSheet).where(
            ScoreSheet.dossier_id == dossier.id, ScoreSheet.judge_id == judge.id, ScoreSheet.stage_id == stage_id
        )
    )
    before: dict[str, object] = {"dossier_id": dossier.id, "number": dossier.number, "judge_id": judge.id,
                                 "name": judge.name, "stage_id": stage_id}
    if sheet is not None:
        if sheet.status in (SheetStatus.SUBMITTED, SheetStatus.LOCKED):
            raise ConflictError("assign.sheet_submitted", judge=judge.name, dossier=dossier.number)
        before["draft_sheet"] = {
            "id": sheet.id, "revision": sheet.revision,
            "scores": {s.criterion_id: {"value_milli": s.value_milli, "comment": s.comment} for s in sheet.scores},
        }
        session.delete(sheet)
    assignment_id = row.id
    session.delete(row)
    session.flush()
    append(session, actor=actor, action="assignment.removed", event_id=event.id,
           entity_type="assignment", entity_id=assignment_id, before=before)


# -- automatic assignment ----------------------------------------------------------
@dataclass(frozen=True)
class AssignResult:
    """What :func:`auto_assign` did.

    ``added`` are the new ``(dossier number, judge name)`` pairs; ``shortfalls``
    the dossiers that could not get ``per_dossier`` judges (by number, with
    the counts and reason code); ``loads`` every active judge's load in the
    stage afterwards (by name); ``invalid_existing`` existing pairs that do not
    count any more (declared conflict, recusal, inactive judge), by number and
    name — the secretariat may unassign them.
    """

    stage_id: str
    per_dossier: int
    seed: int
    added: tuple[tuple[str, str], ...]
    shortfalls: tuple[Shortfall, ...]
    loads: dict[str, int] = field(default_factory=dict)
    balanced: bool = True
    invalid_existing: tuple[tuple[str, str], ...] = ()
    audit_entry_id: uuid.UUID | None = None

    @property
    def complete(self) -> bool:
        return not self.shortfalls


class _Canon:
    """Normalised, alias-resolved agency names, computed once per distinct name."""

    def __init__(self, aliases: object) -> None:
        self.table = alias_table(aliases if isinstance(aliases, dict) else None)
        self.memo: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        key = self.memo.get(name)
        if key is None:
            n = normalise_name(name)
            key = self.table.get(n, n) if self.table else n
            self.memo[name] = key
        return key


def eligibility(
    session: Session, event: Event, dossiers: Sequence[Any], judges: Sequence[User]
) -> dict[str, set[str]]:
    """Eligible judge ids (str) per dossier id (str): active, not recused, no declared conflict.

    Same rule as :func:`oaoi_desktop.domain.conflicts.is_recused`, with each
    distinct name normalised once (5,000 × 60 pairs stay fast).
    """
    canon = _Canon((event.settings or {}).get("aliases"))
    level = event.recusal_level.value
    conflicts = {
        (str(d), str(j))
        for d, j in session.execute(
            select(ConflictDeclaration.dossier_id, ConflictDeclaration.judge_id).where(
                ConflictDeclaration.event_id == event.id
            )
        )
    }
    active = [(str(j.id), canon(j.instansi), canon(j.unit_kerja), bool(j.instansi)) for j in judges if j.active]
    out: dict[str, set[str]] = {}
    for d in dossiers:
        di, du, raw_di = canon(d.instansi), canon(d.unit_kerja), bool(d.instansi)
        did = str(d.id)
        ok = set()
        for jid, ji, ju, raw_ji in active:
            if level == "instansi":
                rec = bool(ji) and ji == di
            else:  # same unit, and the same instansi when both are given
                rec = bool(ju) and ju == du
                if rec and raw_ji and raw_di:
                    rec = bool(ji) and ji == di
            if not rec and (did, jid) not in conflicts:
                ok.add(jid)
        out[did] = ok
    return out


def auto_assign(
    session: Session,
    event: Event,
    *,
    per_dossier: int,
    seed: int = 0,
    actor: Actor,
    stage_id: str | None = None,
    spread_categories: bool = True,
) -> AssignResult:
    """Top up every dossier of the event to ``per_dossier`` judges in the stage, balanced.

    The first stage staffs every dossier; a later stage only the dossiers
    advanced into it by closing the previous stage (:mod:`.stages`).
    See :mod:`oaoi_desktop.domain.assignment` for what is guaranteed.  Only
    adds pairs; writes one ``assignment.auto`` audit entry (even when nothing
    was added, so the run and its shortfalls are on record).
    """
    authorize(session, actor, Action.ASSIGNMENT_AUTO, event=event)
    stage_id = _stage(session, event, stage_id)
    if not isinstance(per_dossier, int) or not 1 <= per_dossier <= MAX_PER_DOSSIER:
        raise ValidationError("assign.bad_per_dossier", value=per_dossier, max=MAX_PER_DOSSIER)
    dossiers = session.execute(
        select(Dossier.id, Dossier.number, Dossier.kategori, Dossier.instansi, Dossier.unit_kerja).where(
            Dossier.event_id == event.id, Dossier.calibration == false())  # calibration: every judge, by the round
    ).all()
    judges = list(session.scalars(
        select(User).where(User.event_id == event.id, User.role.in_([Role.CHAIR, Role.MEMBER]))
    ))
    from oaoi_desktop.services.stages import dossiers_in_stage

    admitted = dossiers_in_stage(session, event, stage_id)  # None: the first stage takes every dossier
    if admitted is not None:
        dossiers = [d for d in dossiers if d.id.hex in admitted]
        if not dossiers:
            raise ValidationError("assign.stage_not_open", stage=stage_id)
    if not dossiers:
        raise ValidationError("assign.no_dossiers", event=event.name)
    eligible = eligibility(session, event, dossiers, judges)
    existing = [
        (str(d), str(j))
        for d, j in session.execute(
            select(Assignment.dossier_id, Assignment.judge_id).join(User, User.id == Assignment.judge_id).where(
                Assignment.event_id == event.id, Assignment.stage_id == stage_id,
                User.role.in_([Role.CHAIR, Role.MEMBER]),  # a shadow judge never counts toward --per-dossier
                Assignment.dossier_id.not_in(select(Dossier.id).where(Dossier.calibration == true())),
            )
        )
    ]
    active_ids = [str(j.id) for j in judges if j.active]
    plan: AssignmentPlan = plan_assignment(
        [DossierSlot(str(d.id), d.kategori or "") for d in dossiers],
        active_ids, eligible, existing, per_dossier, seed, spread_categories=spread_categories,
    )
    number = {str(d.id): d.number for d in dossiers}
    name = {str(j.id): j.name for j in judges}
    invalid = tuple(sorted(
        (number.get(d, d), name.get(j, j)) for d, j in existing if j not in eligible.get(d, ())
    ))
    now = utcnow()
    if plan.new_pairs:
        d_uuid = {str(d.id): d.id for d in dossiers}
        j_uuid = {str(j.id): j.id for j in judges}
        session.execute(  # Core insert: 15,000 rows without building ORM objects
            insert(Assignment.__table__),
            [
                {"id": uuid.uuid4(), "event_id": event.id, "dossier_id": d_uuid[d], "judge_id": j_uuid[j],
                 "stage_id": stage_id, "created_at": now}
                for d, j in plan.new_pairs
            ],
        )
    by_judge: dict[str, list[str]] = {}
    for d, j in plan.new_pairs:
        by_judge.setdefault(j, []).append(d)
    entry = append(
        session, actor=actor, action="assignment.auto", event_id=event.id, entity_type="event",
        entity_id=event.id,
        after={
            "stage_id": stage_id, "per_dossier": per_dossier, "seed": seed,
            "added_count": len(plan.new_pairs),
            "added": {j: sorted(ds) for j, ds in sorted(by_judge.items())},
            "shortfalls": [
                {"dossier_id": s.dossier_id, "number": number[s.dossier_id], "eligible": s.eligible,
                 "assigned": s.assigned, "reason": s.reason}
                for s in plan.shortfalls
            ],
            "loads": dict(sorted(plan.loads.items())),
        },
    )
    shortfalls = tuple(
        sorted(plan.shortfalls, key=lambda s: _natural(number[s.dossier_id]))
    )
    return AssignResult(
        stage_id=stage_id,
        per_dossier=per_dossier,
        seed=seed,
        added=tuple(sorted(((number[d], name[j]) for d, j in plan.new_pairs), key=lambda p: (_natural(p[0]), p[1]))),
        shortfalls=shortfalls,
        loads={name[j]: n for j, n in plan.loads.items()},
        balanced=plan.balanced,
        invalid_existing=invalid,
        audit_entry_id=entry.id,
    )



def stage_loads(session: Session, event: Event, stage_id: str | None = None, *,
                actor: Actor) -> dict[uuid.UUID, int]:
    """Assignments per judge in the stage (every judge of the roster, 0 included)."""
    authorize(session, actor, Action.ASSIGNMENT_READ, event=event)
    stage_id = _stage(session, event, stage_id)
    loads = {j.id: 0 for j in session.scalars(select(User).where(User.event_id == event.id,
                                                                   User.role.in_([Role.CHAIR, Role.MEMBER])))}
    for (jid,) in session.execute(select(Assignment.judge_id).where(
            Assignment.event_id == event.id, Assignment.stage_id == stage_id)):
        loads[jid] = loads.get(jid, 0) + 1
    return loads


__all__ = ["AssignResult", "assign", "auto_assign", "eligibility", "has_declared_conflict", "is_assigned",
           "recused", "stage_loads", "unassign"]


# -- the assignment matrix (secretariat console) -------------------------------------
CELL_NONE = 0
CELL_ASSIGNED = 1
CELL_DRAFT = 2
CELL_SUBMITTED = 3
CELL_RECUSED = 4
CELL_CONFLICT = 5
CELL_INACTIVE = 6
"""Cell states of :class:`MatrixData` (a byte per cell): not assigned, assigned (no sheet
yet), assigned with a draft sheet, assigned with a submitted or locked sheet, recused at
the event's level (not assigned), declared conflict (not assigned), inactive judge."""


@dataclass(frozen=True)
class MatrixDossier:
    id: uuid.UUID
    number: str
    title: str
    instansi: str
    unit_kerja: str
    kategori: str
    kelompok: str


@dataclass(frozen=True)
class MatrixJudge:
    id: uuid.UUID
    name: str
    role: str
    instansi: str
    unit_kerja: str
    active: bool


@dataclass
class MatrixData:
    """Everything the assignment matrix shows for one stage, read in a few set queries.

    ``cells[row][col]`` is a ``CELL_*`` state for ``dossiers[row]`` × ``judges[col]``
    (a :class:`bytearray` per dossier).  A declared conflict shows as
    ``CELL_CONFLICT`` whether or not the pair is assigned (judges declare
    conflicts on dossiers assigned to them); any other assigned pair shows its
    sheet state, even if it became recused or the judge inactive afterwards.
    ``invalid`` lists the assigned pairs that are no longer eligible, so the
    view can mark them and the secretariat unassign them.  ``loads`` counts the
    assignments per judge column (invalid ones included).
    """

    stage_id: str
    dossiers: list[MatrixDossier]
    judges: list[MatrixJudge]
    cells: list[bytearray]
    loads: list[int]
    invalid: set[tuple[int, int]] = field(default_factory=set)


def matrix_data(session: Session, event: Event, stage_id: str | None = None, *, actor: Actor) -> MatrixData:
    """The dossiers × judges matrix of the stage (see :class:`MatrixData`).

    Dossiers are in natural number order (a later stage lists only the
    dossiers admitted into it); judges by name.  Recusal follows the event's
    level and aliases (the same rule as :func:`eligibility`).  The secretariat's (``assignment.read``).
    """
    authorize(session, actor, Action.ASSIGNMENT_READ, event=event)
    from types import SimpleNamespace

    from oaoi_desktop.services.stages import dossiers_in_stage

    stage_id = _stage(session, event, stage_id)
    rows = session.execute(
        select(Dossier.id, Dossier.number, Dossier.title, Dossier.instansi, Dossier.unit_kerja, Dossier.kategori,
               Dossier.kelompok).where(Dossier.event_id == event.id)
    ).all()
    admitted = dossiers_in_stage(session, event, stage_id)
    if admitted is not None:
        rows = [r for r in rows if r.id.hex in admitted]
    dossiers = sorted(
        (MatrixDossier(r.id, r.number, r.title or "", r.instansi or "", r.unit_kerja or "", r.kategori or "",
                       r.kelompok or "") for r in rows),
        key=lambda d: _natural(d.number),
    )
    judge_rows = session.execute(
        select(User.id, User.name, User.role, User.instansi, User.unit_kerja, User.active)
        .where(User.event_id == event.id, User.role.in_([Role.CHAIR, Role.MEMBER, Role.SHADOW]))
    ).all()
    judges = sorted(
        (MatrixJudge(j.id, j.name, j.role.value, j.instansi or "", j.unit_kerja or "", bool(j.active))
         for j in judge_rows),
        key=lambda j: (j.name.casefold(), j.name),
    )
    col = {j.id: c for c, j in enumerate(judges)}
    row = {d.id: r for r, d in enumerate(dossiers)}
    # eligibility() skips inactive judges: ask it as if everyone were active, then mark the inactive.
    everyone = [SimpleNamespace(id=j.id, instansi=j.instansi, unit_kerja=j.unit_kerja, active=True) for j in judges]
    eligible = eligibility(session, event, dossiers, everyone)  # type: ignore[arg-type]
    conflicts = {
        (row[d], col[j])
        for d, j in session.execute(
            select(ConflictDeclaration.dossier_id, ConflictDeclaration.judge_id).where(
                ConflictDeclaration.event_id == event.id)
        )
        if d in row and j in col
    }
    inactive = [c for c, j in enumerate(judges) if not j.active]
    judge_keys = [str(j.id) for j in judges]  # once: str(UUID) is slow, 300,000 pairs
    everyone_ok = set(judge_keys)
    blank = bytes(len(judges))
    cells: list[bytearray] = []
    for d in dossiers:
        ok = eligible.get(str(d.id), set())
        if ok == everyone_ok:
            line = bytearray(blank)
        else:
            line = bytearray(CELL_NONE if k in ok else CELL_RECUSED for k in judge_keys)
        for c in inactive:
            line[c] = CELL_INACTIVE
        cells.append(line)
    for r, c in conflicts:
        cells[r][c] = CELL_CONFLICT
    invalid: set[tuple[int, int]] = set()
    loads = [0] * len(judges)
    for d, j in session.execute(
        select(Assignment.dossier_id, Assignment.judge_id).where(
            Assignment.event_id == event.id, Assignment.stage_id == stage_id)
    ):
        r, c = row.get(d), col.get(j)
        if r is None or c is None:
            continue
        loads[c] += 1
        if cells[r][c] != CELL_NONE:
            invalid.add((r, c))
            if cells[r][c] == CELL_CONFLICT:  # declared on an assigned dossier: the usual case
                continue
        cells[r][c] = CELL_ASSIGNED
    for d, j, status in session.execute(
        select(ScoreSheet.dossier_id, ScoreSheet.judge_id, ScoreSheet.status).where(
            ScoreSheet.event_id == event.id, ScoreSheet.stage_id == stage_id)
    ):
        r, c = row.get(d), col.get(j)
        if r is None or c is None or cells[r][c] != CELL_ASSIGNED:
            continue
        cells[r][c] = CELL_DRAFT if status == SheetStatus.DRAFT else CELL_SUBMITTED
    return MatrixData(stage_id, dossiers, judges, cells, loads, invalid)


def cell_state(session: Session, event: Event, dossier: Dossier, judge: User, stage_id: str | None = None, *,
               actor: Actor) -> int:
    """The ``CELL_*`` state of one pair (what :func:`matrix_data` would say for it)."""
    authorize(session, actor, Action.ASSIGNMENT_READ, event=event)
    stage_id = _stage(session, event, stage_id)
    if has_declared_conflict(session, judge, dossier):
        return CELL_CONFLICT
    if is_assigned(session, dossier, judge, stage_id):
        status = session.scalar(select(ScoreSheet.status).where(
            ScoreSheet.dossier_id == dossier.id, ScoreSheet.judge_id == judge.id, ScoreSheet.stage_id == stage_id))
        if status is None:
            return CELL_ASSIGNED
        return CELL_DRAFT if status == SheetStatus.DRAFT else CELL_SUBMITTED
    if not judge.active:
        return CELL_INACTIVE
    if recused(event, judge, dossier):
        return CELL_RECUSED
    return CELL_NONE


__all__ += ["CELL_ASSIGNED", "CELL_CONFLICT", "CELL_DRAFT", "CELL_INACTIVE", "CELL_NONE", "CELL_RECUSED",
            "CELL_SUBMITTED", "MatrixData", "MatrixDossier", "MatrixJudge", "cell_state", "matrix_data"]
