"""The judge workspace: integrity declaration, queue, reader, score form, submit.

Every function here acts for one judge (a :class:`User` with role chair or
member on the event's roster) and enforces, in this order, before doing
anything (:class:`PermissionDeniedError`, never a silent empty result):

1. the judge belongs to the event and is active (``judging.not_a_judge``);
2. the judge has confirmed the integrity statement for the event
   (``judging.integrity_required``) — see :func:`declare_integrity`;
3. for a dossier: it is assigned to the judge (``judging.not_assigned``), the
   judge is not recused from it at the event's recusal level with its aliases
   (``judging.recused``), and has not declared a conflict on it
   (``judging.conflict_declared``).

So a judge sees only their own, conflict-free dossiers whatever the GUI does.

Autosave: :func:`record_score` and :func:`record_comment` change one thing and
return the new :class:`SheetState`; the caller commits its unit of work at once
(one ``db.write()`` per change).  ``expected_version`` is the ``version`` of the
last state the caller showed (0 before the sheet exists): a change made
meanwhile in another window or on another seat fails with ``sheet.stale``
instead of being overwritten.  A comment typed before its score has no score
row to live on yet; it is kept in ``users.state["pending_comments"]`` and moves
onto the score when one is given.

Submitting (:func:`submit_sheet`) checks that every criterion is scored and every
required comment written, then LOCKS the sheet: the judge cannot change it any
more, and only the secretariat reopens it with a reason
(:func:`oaoi_desktop.services.sheets.unlock_sheet`).  Sheets in status
SUBMITTED (saved through the store-level ``save_sheet_unchecked(submit=True)``, e.g. by a
bundle merge) are final for the judge as well.  Both statuses count in the
ranking.

Blind mode: the queue and the reader never carry instansi, unit kerja or
innovator names, and those strings (with the event's aliases for them) are
replaced by a neutral mask in every text of the dossier, case-insensitively and
as whole words.  Attachments cannot be redacted; :attr:`JudgeDossier.attachments_unredacted`
tells the reader to say so before opening one.

The last dossier a judge opened is kept in ``users.state["last_open"]`` so the
workspace returns to it after a restart (:func:`last_open_dossier`).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import i18n
from oaoi_desktop.domain.conflicts import normalise_name
from oaoi_desktop.domain.rubric import Level, Rubric, Stage
from oaoi_desktop.domain.scoring import coefficient_table, partial_total
from oaoi_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import dossiers
from oaoi_desktop.services import sheets as sheet_service
from oaoi_desktop.services.assignments import recused
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.dossiers import get_dossier
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import (
    Assignment,
    ConflictDeclaration,
    Dossier,
    DossierRevision,
    Event,
    EventStatus,
    IntegrityDeclaration,
    Role,
    Score,
    ScoreSheet,
    User,
)

unlock_sheet = sheet_service.unlock_sheet
"""Re-exported: the secretariat reopens a submitted sheet with a reason."""


class QueueStatus(str, Enum):
    """A dossier's state in a judge's queue."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LOCKED = "locked"

    @property
    def is_final(self) -> bool:
        """Submitted or locked: counted, and no longer editable by the judge."""
        return self in (QueueStatus.SUBMITTED, QueueStatus.LOCKED)

    def label(self, lang: str | None = None) -> str:
        return i18n.render(f"judging.status.{self.value}", lang)

    @classmethod
    def of(cls, sheet: ScoreSheet | None) -> "QueueStatus":
        if sheet is None:
            return cls.NOT_STARTED
        return cls(sheet.status.value)


# -- integrity statement ----------------------------------------------------------
@dataclass(frozen=True)
class IntegrityStatement:
    """The text a judge confirms, in one language, and the SHA-256 recorded."""

    title: str
    text: str
    confirm_label: str
    lang: str
    sha256: str


def integrity_statement(event: Event, judge: User, lang: str | None = None) -> IntegrityStatement:
    """The Pakta Integritas / Pernyataan Bebas Konflik Kepentingan for ``judge``.

    ``sha256`` covers the title and the text exactly as shown (UTF-8).
    """
    lang = lang or i18n.current_language()
    title = i18n.render("judging.integrity.title", lang)
    # the chair signs as the panel's chair ("ketua"), never as a member (issue 14)
    capacity = i18n.render("words.integrity.capacity.chair" if judge.role is Role.CHAIR
                           else "words.integrity.capacity.member", lang)
    text = i18n.render("judging.integrity.text", lang, name=judge.name, event=event.name, capacity=capacity)
    digest = hashlib.sha256(f"{title}\n\n{text}".encode("utf-8")).hexdigest()
    return IntegrityStatement(title=title, text=text, confirm_label=i18n.render("judging.integrity.confirm", lang),
                              lang=lang, sha256=digest)


def _check_judge(event: Event, judge: User) -> None:
    if judge.event_id != event.id or not judge.role.is_judge or not judge.active:
        raise PermissionDeniedError("judging.not_a_judge", name=judge.name, event=event.name)


def has_declared_integrity(session: Session, event: Event, judge: User) -> bool:
    return session.scalar(
        select(IntegrityDeclaration.id).where(
            IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id
        )
    ) is not None


def declare_integrity(
    session: Session, event: Event, judge: User, *, lang: str | None = None,
    statement_sha256: str | None = None,
) -> IntegrityDeclaration:
    """Record that ``judge`` confirmed the integrity statement (once per event).

    ``statement_sha256``, when given, must be the hash of the statement the
    GUI showed (``IntegrityStatement.sha256``), so what is recorded is what was
    read.  Declaring again returns the first declaration unchanged.
    """
    _allow(session, _me(judge), Action.INTEGRITY_DECLARE_OWN, event, judge)
    _check_judge(event, judge)
    existing = session.scalar(
        select(IntegrityDeclaration).where(
            IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id
        )
    )
    if existing is not None:
        return existing
    statement = integrity_statement(event, judge, lang)
    if statement_sha256 is not None and statement_sha256 != statement.sha256:
        raise ConflictError("judging.integrity_changed")
    row = IntegrityDeclaration(id=uuid.uuid4(), event_id=event.id, judge_id=judge.id,
                               statement_sha256=statement.sha256)
    session.add(row)
    session.flush()
    append(session, actor=Actor(judge.name, judge.id), action="integrity.declared", event_id=event.id,
           entity_type="integrity_declaration", entity_id=row.id,
           after={"judge_id": judge.id, "name": judge.name, "lang": statement.lang,
                  "statement_sha256": statement.sha256, "title": statement.title, "text": statement.text,
                  "declared_at": row.declared_at})
    return row


def _me(judge: User, actor: Actor | None = None) -> Actor:
    """Who acts in the judge workspace: ``actor`` if given, else the judge themself."""
    return actor or Actor(judge.name, judge.id)


def _allow(session: Session, actor: Actor, action: str, event: Event, judge: User) -> None:
    """The policy's check for the judge workspace, after its own ``judging.not_a_judge``."""
    _check_judge(event, judge)
    authorize(session, actor, action, event=event, judge=judge)


def _require_judge(session: Session, event: Event, judge: User) -> None:
    _check_judge(event, judge)
    if not has_declared_integrity(session, event, judge):
        raise PermissionDeniedError("judging.integrity_required", event=event.name)


# -- access to a dossier ------------------------------------------------------------
def _dossier(session: Session, event: Event, ref: Dossier | uuid.UUID | str) -> Dossier:
    if isinstance(ref, Dossier):
        if ref.event_id != event.id:
            raise NotFoundError("dossier.not_found", dossier=ref.number, event=event.name)
        return ref
    return get_dossier(session, event, str(ref))


def _has_conflict(session: Session, judge: User, dossier: Dossier) -> bool:
    return session.scalar(
        select(ConflictDeclaration.id).where(
            ConflictDeclaration.dossier_id == dossier.id, ConflictDeclaration.judge_id == judge.id
        )
    ) is not None


def _assigned_stage_ids(session: Session, rubric: Rubric, judge: User, dossier: Dossier) -> list[str]:
    stage_ids = set(session.scalars(
        select(Assignment.stage_id).where(Assignment.dossier_id == dossier.id, Assignment.judge_id == judge.id)
    ))
    return [s.id for s in rubric.stages if s.id in stage_ids]


def _access(session: Session, event: Event, judge: User, dossier: Dossier, rubric: Rubric) -> list[str]:
    """The stages the judge may score ``dossier`` in; refuses otherwise."""
    stage_ids = _assigned_stage_ids(session, rubric, judge, dossier)
    if not stage_ids:
        raise PermissionDeniedError("judging.not_assigned", dossier=dossier.number)
    if recused(event, judge, dossier):
        raise PermissionDeniedError("judging.recused", dossier=dossier.number)
    if _has_conflict(session, judge, dossier):
        raise PermissionDeniedError("judging.conflict_declared", dossier=dossier.number)
    return stage_ids


class _Context(NamedTuple):
    rubric: Rubric
    stage: Stage
    dossier: Dossier
    stage_ids: list[str]


def _context(
    session: Session, event: Event, judge: User, dossier_ref: Dossier | uuid.UUID | str, stage_id: str | None
) -> _Context:
    _require_judge(session, event, judge)
    rubric = event_rubric(session, event)
    dossier = _dossier(session, event, dossier_ref)
    stage_ids = _access(session, event, judge, dossier, rubric)
    if stage_id is None:
        stage_id = stage_ids[0]
    elif stage_id not in stage_ids:
        raise PermissionDeniedError("judging.not_assigned_stage", dossier=dossier.number, stage=stage_id)
    return _Context(rubric, rubric.stage(stage_id), dossier, stage_ids)


# -- redaction (blind mode) ---------------------------------------------------------------
_HONORIFIC = re.compile(r"^(?:(?:dr|drs|dra|ir|prof|h|hj|ns|apt|bapak|ibu|bpk|sdr|sdri)\.?\s+)+", re.IGNORECASE)
_IDENTITY_KEYS = frozenset({"instansi", "unit_kerja", "innovators", "contact", "video_url"})
_KEEP_KEYS = frozenset({
    "id", "key", "path", "kind", "format_version", "word_limit", "sha256", "media_type", "started_on",
    "sdgs", "is_digital", "previous_finalist", "klaster", "kelompok", "kategori", "attachments",
})


def _name_variants(name: str) -> list[str]:
    """A person's name as written and without titles ("Dr. Ani Lestari, S.Kom." → "Ani Lestari")."""
    name = " ".join((name or "").split())
    if not name:
        return []
    bare = _HONORIFIC.sub("", name.split(",")[0]).strip()
    return [v for v in dict.fromkeys([name, bare]) if v]


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, Sequence):
        return [t for v in value for t in _texts(v)]
    return []


def redaction_terms(event: Event, dossier: Dossier, content: Mapping[str, Any] | None = None) -> list[str]:
    """What blind mode hides for ``dossier``: its instansi and unit kerja (the
    stored ones and those in its content), every alias the event lists for
    them, the innovators' names (as written and without titles), the region and
    agency forms derived from the agency names (:mod:`oaoi_desktop.domain.blind`:
    "Medan", "Kota Medan", "Disdukcapil" …) and the event's own list
    (``settings["blind_terms"]``)."""
    content = content or {}
    agencies = [dossier.instansi, dossier.unit_kerja]
    for key in ("instansi", "unit_kerja"):
        agencies += _texts(content.get(key))
    agencies = [a for a in agencies if a and a.strip()]
    wanted = {normalise_name(a) for a in agencies}
    terms = list(agencies)
    for canonical_name, others in ((event.settings or {}).get("aliases") or {}).items():
        group = [canonical_name, *(others or [])]
        if wanted & {normalise_name(g) for g in group}:
            terms += group
    agency_names = list(terms)  # the agencies and their aliases: what regions and kinds derive from
    for person in _texts(content.get("innovators")):
        terms += _name_variants(person)
    contact = content.get("contact")
    if isinstance(contact, Mapping):
        terms += _name_variants(str(contact.get("name") or contact.get("nama") or ""))
    # issue 14: the region and agency forms derived from the names, and the event's own list
    from oaoi_desktop.domain import blind

    terms += blind.derived_terms(agency_names)
    terms += [str(x) for x in ((event.settings or {}).get("blind_terms") or [])]
    return [t for t in dict.fromkeys(" ".join(t.split()) for t in terms) if t]


def make_redactor(terms: Iterable[str], mask: str) -> Callable[[str], str]:
    """A function replacing every term in a text by ``mask``.

    Case-insensitive and whole words only ("Medan" does not match inside
    "Medana"); the words of a term may be separated by any short run of spaces
    or punctuation, so "Dinas Kesehatan, Kota Medan" and "dinas kesehatan kota
    medan" are both found.  Longer terms win over shorter ones.
    """
    patterns = []
    for term in sorted(set(terms), key=len, reverse=True):
        tokens = re.findall(r"\w+", term)
        if sum(len(t) for t in tokens) < 3:
            continue  # one or two letters would mask ordinary words
        patterns.append(r"[\W_]{1,3}".join(re.escape(t) for t in tokens))
    from oaoi_desktop.domain.blind import mask_regulations  # issue 14: "Peraturan Wali Kota Medan Nomor 27"

    runs = re.compile(rf"{re.escape(mask)}(?:[ \t]+{re.escape(mask)})+")  # "[m] [m]" reads as one: "[m]"
    if not patterns:
        return lambda text: runs.sub(mask, mask_regulations(text, mask)) if text else text
    regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE | re.UNICODE)
    return lambda text: runs.sub(mask, regex.sub(mask, mask_regulations(text, mask))) if text else text


def _redact_content(value: Any, redact: Callable[[str], str], mask: str, key: str = "") -> Any:
    if key in _IDENTITY_KEYS:
        if isinstance(value, list):
            return [mask for _ in value]
        return mask if value not in (None, "", {}, []) else value
    if isinstance(value, Mapping):
        return {k: _redact_content(v, redact, mask, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_content(v, redact, mask, key) for v in value]
    if isinstance(value, str) and key not in _KEEP_KEYS:
        return redact(value)
    return value


def mask_text(lang: str | None = None) -> str:
    """The neutral mask put where a name was ("[disamarkan]")."""
    return i18n.render("judging.redacted", lang)


# -- sheet state -------------------------------------------------------------------------------
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


def _build_state(event: Event, rubric: Rubric, stage: Stage, judge: User, dossier: Dossier,
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
    _allow(session, _me(judge), Action.SHEET_READ_OWN, event, judge)
    ctx = _context(session, event, judge, dossier, stage_id)
    sheet = sheet_service.get_sheet_unchecked(session, ctx.dossier, judge, ctx.stage.id)
    return _build_state(event, ctx.rubric, ctx.stage, judge, ctx.dossier, sheet)


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
    actor = _me(judge, actor)
    _allow(session, actor, Action.SHEET_WRITE_OWN_DRAFT, event, judge)
    ctx = _context(session, event, judge, dossier, stage_id)
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
    return _build_state(event, ctx.rubric, stage, judge, d, sheet)


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
    actor = _me(judge, actor)
    _allow(session, actor, Action.SHEET_WRITE_OWN_DRAFT, event, judge)
    ctx = _context(session, event, judge, dossier, stage_id)
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
    return _build_state(event, ctx.rubric, stage, judge, d, sheet)


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
    actor = _me(judge, actor)
    _allow(session, actor, Action.SHEET_SUBMIT_OWN, event, judge)
    ctx = _context(session, event, judge, dossier, stage_id)
    stage, d = ctx.stage, ctx.dossier
    sheet = sheet_service.get_sheet_unchecked(session, d, judge, stage.id)
    _refuse_final(sheet, d)
    authorize(session, actor, Action.SHEET_SUBMIT_OWN, event=event, judge=judge, dossier=d, sheet=sheet,
              stage_id=stage.id)
    sheet_service.check_version(sheet, expected_version, d)
    state = _build_state(event, ctx.rubric, stage, judge, d, sheet)
    if state.missing:
        raise ValidationError("sheet.incomplete", dossier=d.number, criteria=", ".join(state.missing))
    if state.missing_comments:
        raise ValidationError("judging.comments_missing", dossier=d.number,
                              criteria=", ".join(state.missing_comments))
    sheet = sheet_service.save_sheet_unchecked(
        session, event, judge, d, values={}, actor=actor, stage_id=stage.id,
        submit=True, lock=True, expected_version=expected_version, source=sheet.source if sheet else "app",
    )
    return _build_state(event, ctx.rubric, stage, judge, d, sheet)


# -- queue -----------------------------------------------------------------------------------
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


_NATURAL = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p.casefold() for p in _NATURAL.split(text))


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
    _allow(session, _me(judge), Action.SHEET_READ_OWN, event, judge)
    _require_judge(session, event, judge)
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
    items.sort(key=lambda it: (not it.calibration, _natural(it.number), stage_order[it.stage_id]))
    if wanted is not None:
        items = [it for it in items if it.status in wanted]
    if search.strip():
        items = [it for it in items if it.matches(search)]
    return items


def queue_progress(session: Session, event: Event, judge: User) -> QueueProgress:
    """(submitted, total) over the judge's queue, for "12 dari 40 terkirim"."""
    _allow(session, _me(judge), Action.SHEET_READ_OWN, event, judge)
    items = judge_queue(session, event, judge)
    return QueueProgress(sum(1 for it in items if it.status.is_final), len(items))


# -- the reader ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class JudgeDossier:
    """What the reader and the score form get when a judge opens a dossier.

    ``reader`` is the dossier reader's own view (:class:`oaoi_desktop.services.dossiers.DossierView`
    of the current revision), so the reader widget shows it as it shows any
    dossier.  In blind mode it is redacted: its instansi, unit kerja,
    innovators and contact hold the mask, and the title, section titles and
    texts and attachment titles have every identifying term masked.
    ``content`` is the revision's dossier.json content, redacted the same way.
    ``attachments_unredacted`` is True in blind mode when the dossier has
    attachments: files cannot be redacted, so the reader must warn before
    opening one.  ``sheet`` is the score form's state for ``stage_id``.
    """

    reader: dossiers.DossierView
    content: dict[str, Any]
    blind_mode: bool
    attachments_unredacted: bool
    stage_id: str
    stage_ids: tuple[str, ...]
    """Every stage the judge scores this dossier in (rubric order)."""
    sheet: SheetState

    @property
    def dossier_id(self) -> uuid.UUID:
        return self.reader.dossier_id

    @property
    def number(self) -> str:
        return self.reader.number

    @property
    def title(self) -> str:
        return self.reader.title

    @property
    def instansi(self) -> str | None:
        """None in blind mode."""
        return None if self.blind_mode else self.reader.instansi

    @property
    def unit_kerja(self) -> str | None:
        """None in blind mode."""
        return None if self.blind_mode else self.reader.unit_kerja

    @property
    def innovators(self) -> tuple[str, ...] | None:
        """None in blind mode."""
        return None if self.blind_mode else self.reader.innovators

    @property
    def sections(self) -> tuple[dossiers.SectionView, ...]:
        return self.reader.sections

    @property
    def attachments(self) -> tuple[dossiers.AttachmentView, ...]:
        return self.reader.attachments

    @property
    def revision(self) -> int:
        return self.reader.revision

    @property
    def changed_since_scored(self) -> bool:
        return self.sheet.changed_since_scored


def _redact_view(view: dossiers.DossierView, redact: Callable[[str], str], mask: str) -> dossiers.DossierView:
    # File names inside the package are redacted like titles ("SK Dinas Kesehatan Kota Medan.pdf").
    attachments = tuple(replace(a, title=redact(a.title), path=redact(a.path)) for a in view.attachments)
    by_id = {a.id: a for a in attachments}
    sections = tuple(
        replace(s, title=redact(s.title), text=redact(s.text),
                attachments=tuple(by_id.get(a.id) or replace(a, title=redact(a.title), path=redact(a.path))
                                  for a in s.attachments))
        for s in view.sections
    )
    # The video link (a channel name, an agency's domain) and where the package was imported
    # from (a USB folder named after the agency) identify the entrant: masked whole.
    revisions = tuple(replace(r, source=mask if r.source else "") for r in view.revisions)
    contact = view.contact
    contact = replace(contact, **{f.name: mask for f in fields(contact) if getattr(contact, f.name)})
    return replace(
        view, title=redact(view.title), instansi=mask if view.instansi else "",
        unit_kerja=mask if view.unit_kerja else "", innovators=tuple(mask for _ in view.innovators),
        contact=contact, sections=sections, attachments=attachments,
        video_url=mask if view.video_url else "", revisions=revisions,
    )


def open_dossier_for_judge(
    session: Session,
    event: Event,
    judge: User,
    dossier_ref: Dossier | uuid.UUID | str,
    *,
    stage_id: str | None = None,
    lang: str | None = None,
) -> JudgeDossier:
    """Open a dossier for reading and scoring; remembers it as the last one open.

    Refused (PermissionDeniedError) for a dossier not assigned to the judge,
    one they are recused from or declared a conflict on, and before the
    integrity declaration.  Writes ``users.state`` (use a write unit of work).
    """
    _allow(session, _me(judge), Action.DOSSIER_READ_ASSIGNED, event, judge)
    ctx = _context(session, event, judge, dossier_ref, stage_id)
    d, stage = ctx.dossier, ctx.stage
    view = dossiers.dossier_view_unchecked(session, d, lang=lang)  # checked above (dossier.read_assigned)
    revision = session.scalar(
        select(DossierRevision).where(DossierRevision.dossier_id == d.id,
                                      DossierRevision.revision == d.current_revision)
    )
    original: dict[str, Any] = dict(revision.content or {}) if revision is not None else {}
    blind = event.blind_mode
    if blind:
        mask = mask_text(lang)
        redact = make_redactor(redaction_terms(event, d, original), mask)
        view = _redact_view(view, redact, mask)
        content = _redact_content(original, redact, mask)
    else:
        content = copy.deepcopy(original)
    has_files = bool(view.attachments) or any(s.get("attachments") for s in original.get("sections") or []
                                              if isinstance(s, Mapping))
    sheet = sheet_service.get_sheet_unchecked(session, d, judge, stage.id)
    opened = JudgeDossier(
        reader=view, content=content, blind_mode=blind, attachments_unredacted=blind and has_files,
        stage_id=stage.id, stage_ids=tuple(ctx.stage_ids),
        sheet=_build_state(event, ctx.rubric, stage, judge, d, sheet),
    )
    _remember_open(judge, event, d, stage.id)
    session.flush()
    return opened


class LastOpen(NamedTuple):
    dossier_id: uuid.UUID
    number: str
    stage_id: str


def _remember_open(judge: User, event: Event, dossier: Dossier, stage_id: str) -> None:
    state = copy.deepcopy(judge.state or {})
    last = state.setdefault("last_open", {})
    entry = {"dossier_id": str(dossier.id), "stage_id": stage_id}
    if last.get(str(event.id)) != entry:
        last[str(event.id)] = entry
        judge.state = state


def _forget_open(judge: User, event: Event, dossier: Dossier) -> None:
    last = (judge.state or {}).get("last_open") or {}
    entry = last.get(str(event.id))
    if entry and entry.get("dossier_id") == str(dossier.id):
        state = copy.deepcopy(judge.state)
        state["last_open"].pop(str(event.id), None)
        judge.state = state


def last_open_dossier(session: Session, event: Event, judge: User) -> LastOpen | None:
    """The dossier the judge had open last in ``event``, if they may still open it."""
    _allow(session, _me(judge), Action.SHEET_READ_OWN, event, judge)
    _require_judge(session, event, judge)
    entry = ((judge.state or {}).get("last_open") or {}).get(str(event.id))
    if not entry:
        return None
    try:
        dossier = session.get(Dossier, uuid.UUID(entry["dossier_id"]))
    except (KeyError, ValueError, TypeError):
        return None
    if dossier is None or dossier.event_id != event.id:
        return None
    rubric = event_rubric(session, event)
    try:
        stage_ids = _access(session, event, judge, dossier, rubric)
    except PermissionDeniedError:
        return None
    stage_id = entry.get("stage_id") if entry.get("stage_id") in stage_ids else stage_ids[0]
    return LastOpen(dossier.id, dossier.number, stage_id)


# -- declared conflicts -------------------------------------------------------------------------
@dataclass(frozen=True)
class DeclaredConflict:
    """A conflict a judge declared (what the secretariat lists)."""

    id: uuid.UUID
    dossier_id: uuid.UUID
    number: str
    title: str
    judge_id: uuid.UUID
    judge_name: str
    reason: str
    declared_at: dt.datetime


def declare_conflict(
    session: Session,
    event: Event,
    judge: User,
    dossier: Dossier | uuid.UUID | str,
    reason: str,
    *,
    actor: Actor | None = None,
) -> ConflictDeclaration:
    """The judge declares a conflict of interest on an assigned dossier.

    ``reason`` is required.  The dossier leaves the judge's queue and can no
    longer be opened or scored by them; a draft sheet stays (drafts do not
    count).  Refused on a sheet already submitted: the secretariat must
    unlock it first (``judging.conflict_after_submit``).
    """
    actor = _me(judge, actor)
    _allow(session, actor, Action.CONFLICT_DECLARE_OWN, event, judge)
    _require_judge(session, event, judge)
    rubric = event_rubric(session, event)
    d = _dossier(session, event, dossier)
    _access(session, event, judge, d, rubric)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("judging.conflict_reason_required", dossier=d.number)
    final = session.scalar(
        select(ScoreSheet.id).where(ScoreSheet.dossier_id == d.id, ScoreSheet.judge_id == judge.id,
                                    ScoreSheet.status.in_(sheet_service.FINAL_STATUSES))
    )
    if final is not None:
        raise ConflictError("judging.conflict_after_submit", dossier=d.number)
    row = ConflictDeclaration(id=uuid.uuid4(), event_id=event.id, dossier_id=d.id, judge_id=judge.id,
                              reason=reason)
    session.add(row)
    _forget_open(judge, event, d)
    session.flush()
    append(session, actor=actor, action="conflict.declared", event_id=event.id,
           entity_type="conflict_declaration", entity_id=row.id,
           after={"dossier_id": d.id, "number": d.number, "judge_id": judge.id, "name": judge.name,
                  "reason": reason, "declared_at": row.declared_at})
    return row


def list_conflicts(session: Session, event: Event, *, actor: Actor) -> list[DeclaredConflict]:
    """Every conflict declared in ``event``, oldest first (for the secretariat: ``conflict.read``)."""
    authorize(session, actor, Action.CONFLICT_READ, event=event)
    rows = session.execute(
        select(ConflictDeclaration, Dossier, User)
        .join(Dossier, Dossier.id == ConflictDeclaration.dossier_id)
        .join(User, User.id == ConflictDeclaration.judge_id)
        .where(ConflictDeclaration.event_id == event.id)
        .order_by(ConflictDeclaration.declared_at, Dossier.number)
    ).all()
    return [
        DeclaredConflict(id=c.id, dossier_id=d.id, number=d.number, title=d.title, judge_id=u.id,
                         judge_name=u.name, reason=c.reason, declared_at=c.declared_at)
        for c, d, u in rows
    ]


__all__ = [
    "QueueStatus",
    "IntegrityStatement",
    "integrity_statement",
    "has_declared_integrity",
    "declare_integrity",
    "CriterionState",
    "SheetState",
    "sheet_state",
    "record_score",
    "record_comment",
    "submit_sheet",
    "unlock_sheet",
    "QueueItem",
    "QueueProgress",
    "judge_queue",
    "queue_progress",
    "JudgeDossier",
    "open_dossier_for_judge",
    "LastOpen",
    "last_open_dossier",
    "DeclaredConflict",
    "declare_conflict",
    "list_conflicts",
    "redaction_terms",
    "make_redactor",
    "mask_text",
]
