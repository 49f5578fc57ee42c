"""Who may do what: one table of role x action x object state, one check.

Every service function that changes anything, and every protected read
(ranking, agreement, progress totals, audit queries and verification,
exports, backups, conflict lists, sheets, dossier content and attachments),
starts with :func:`authorize` (``auth.require_secretariat`` is a thin
wrapper over it; :func:`authorize_dossier_read` picks ``dossier.read_any`` or
``dossier.read_assigned``).  The GUI, the CLI, bundles and LAN seats only
*ask*; the answer is given here, so every entry point inherits the same rule.
``tests/services/test_policy_matrix.py`` classifies every public service
function (checked, pure, public with a reason, or an internal policy fact).

How a request is judged
=======================
1. **Who.** ``actor.user_id`` must name an account in *this* database that is
   ACTIVE.  An :class:`~oaoi_desktop.services.audit.Actor` without a
   ``user_id`` is nobody (``policy.sign_in_required``): there is no "trusted
   operator" any more, the CLI signs its operator in like the GUI does.
2. **Role.** The account's role (secretariat, chair, member) must be one the
   action's :class:`Rule` lists (:data:`RULES`).  On a judge's laptop (a
   database made by ``oaoi package import``, :func:`seat.is_judge_seat`) no
   account acts as the secretariat, whatever the users table says.
3. **Object state**, for judges: a judge acts only on their own event
   (``policy.other_event``) and for themself (``policy.not_own``); reads and
   writes of a dossier need it assigned to them, not recused at the event's
   recusal level with its aliases (:func:`facts.recused`) and free of a
   declared conflict; writes need their own sheet to be a DRAFT (or not yet
   exist) in an event that is not finalised.

Decisions written down
======================
* **Judges never read other judges' scores**, results, agreement statistics,
  progress totals, exports, documents or plenary decisions.  That holds for
  the chair too: the chair leads the plenary, but the plenary is exercised
  through the secretariat's screen — the secretariat records each decision
  with the chair's reasons (``plenary.decide`` is a secretariat action).
* Judges read only their assigned, non-recused, non-conflicted dossiers, and
  write only their own DRAFT sheets of an event that is not finalised.  A
  submitted or paper-entered (LOCKED) sheet changes only through the
  secretariat's unlock (with a reason), paper entry or plenary correction.
* Signing a document field (``sign.own_field``) is the judge's own act: the
  judge's passphrase is the proof.  A judge signs only as themself; the
  secretariat may operate the signing station for a judge who types their own
  passphrase there.
* A judge exports their own bundle (``bundle.export_own``); importing bundles,
  exporting panel packages and every other secretariat action is the
  secretariat's.

System actors that stay as they are
===================================
These write audit entries with an actor that has no account, on purpose; they
are bookkeeping inside an already authorised (or pre-authentication) step and
do not call this policy:

* ``system:sign-in`` — the sign-in lockout (``auth.sign_in`` counts failed
  attempts and locks the account before anyone is signed in);
* ``setup:<name>`` — creating the very first secretariat account on first run
  (``auth.setup_secretariat``, refused once one exists);
* the person recovering their own account with the one-time recovery code
  (``auth.recover_with_code``: the code is the proof);
* migrations, the automatic backups taken inside an already-authorised action
  (``backups.rotating_backup``, ``backups.backup_before_import``), and
  ``oaoi package import`` on a judge's laptop (the package passphrase is the
  proof, and the database has no account before it);
* the demo builder, which creates its own secretariat account first and then
  acts as it.

The table is rendered for docs/reliability.md by :func:`markdown_table`; a
test keeps the two equal.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import NotFoundError, PermissionDeniedError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.facts import find_judge, get_event, has_declared_conflict, recused, when_text
from oaoi_desktop.services.seat import is_judge_seat
from oaoi_desktop.store.models import Assignment, Event, EventStatus, Role, ScoreSheet, SheetStatus, User

SECRETARIAT = Role.SECRETARIAT
CHAIR = Role.CHAIR
MEMBER = Role.MEMBER
SHADOW = Role.SHADOW
_S = frozenset({SECRETARIAT})
_J = frozenset({CHAIR, MEMBER, SHADOW})
"""Judges: a shadow (trainee) judge has exactly a member's rights on their own sheets (issue 17)."""
_ALL = _S | _J


class Action:
    """The actions the policy knows (plain strings, so audit and messages can name them)."""

    EVENT_CREATE = "event.create"
    EVENT_UPDATE = "event.update"
    EVENT_FINALISE = "event.finalise"
    EVENT_REOPEN = "event.reopen"
    STAGE_CLOSE = "stage.close"
    STAGE_REOPEN = "stage.reopen"
    JUDGE_ADD = "judge.add"
    JUDGE_UPDATE = "judge.update"
    JUDGE_DEACTIVATE = "judge.deactivate"
    USER_ADD = "user.add"
    ASSIGNMENT_ADD = "assignment.add"
    ASSIGNMENT_REMOVE = "assignment.remove"
    ASSIGNMENT_AUTO = "assignment.auto"
    ASSIGNMENT_READ = "assignment.read"
    DOSSIER_ADD = "dossier.add"
    IMPORT_DOSSIERS = "import.dossiers"
    DOSSIER_READ_ANY = "dossier.read_any"
    DOSSIER_READ_ASSIGNED = "dossier.read_assigned"
    SHEET_READ_OWN = "sheet.read_own"
    SHEET_READ_ANY = "sheet.read_any"
    SHEET_WRITE_OWN_DRAFT = "sheet.write_own_draft"
    SHEET_SUBMIT_OWN = "sheet.submit_own"
    SHEET_UNLOCK = "sheet.unlock"
    SHEET_PAPER_ENTRY = "sheet.paper_entry"
    PAPER_FORMS = "paper.forms"
    SHEET_CORRECT = "sheet.correct"
    INTEGRITY_DECLARE_OWN = "integrity.declare_own"
    CONFLICT_DECLARE_OWN = "conflict.declare_own"
    CONFLICT_READ = "conflict.read"
    RESULTS_READ = "results.read"
    RESULTS_EXPORT = "results.export"
    DOCUMENTS_ISSUE = "documents.issue"
    PLENARY_DECIDE = "plenary.decide"
    BACKUP_CREATE = "backup.create"
    BACKUP_RESTORE = "backup.restore"
    CA_ISSUE = "ca.issue"
    SIGN_OWN_FIELD = "sign.own_field"
    PACKAGE_EXPORT = "package.export"
    BUNDLE_EXPORT_OWN = "bundle.export_own"
    BUNDLE_IMPORT = "bundle.import"
    BUNDLE_RESOLVE = "bundle.resolve"
    AUDIT_READ = "audit.read"
    AUDIT_EXPORT = "audit.export"
    SECRETARIAT_WORK = "secretariat.work"
    CALIBRATION_MANAGE = "calibration.manage"
    EVENT_PURGE = "event.purge"


@dataclass(frozen=True)
class Rule:
    """Who may do an action, and which object states a judge must respect.

    ``own``: a judge acts only for themself (the ``judge`` argument is them).
    ``dossier``: a judge needs the dossier assigned, not recused, not conflicted.
    ``draft``: the sheet (if any) must be a DRAFT.  ``open_event``: the event
    must not be finalised.  ``what`` describes the action for the docs table.
    """

    roles: frozenset[Role]
    what: str
    own: bool = False
    dossier: bool = False
    draft: bool = False
    open_event: bool = False


A = Action
RULES: dict[str, Rule] = {
    A.EVENT_CREATE: Rule(_S, "create an event"),
    A.EVENT_UPDATE: Rule(_S, "change an event (rubric, letterhead, settings)"),
    A.EVENT_FINALISE: Rule(_S, "finalise an event"),
    A.EVENT_REOPEN: Rule(_S, "reopen a finalised event (with a reason)"),
    A.STAGE_CLOSE: Rule(_S, "close a stage"),
    A.STAGE_REOPEN: Rule(_S, "reopen a stage (with a reason)"),
    A.JUDGE_ADD: Rule(_S, "add judges (one, or a roster file)"),
    A.JUDGE_UPDATE: Rule(_S, "reset a person's PIN / credentials, print PIN slips"),
    A.JUDGE_DEACTIVATE: Rule(_S, "deactivate a judge"),
    A.USER_ADD: Rule(_S, "add a secretariat account"),
    A.ASSIGNMENT_ADD: Rule(_S, "assign a dossier to a judge"),
    A.ASSIGNMENT_REMOVE: Rule(_S, "remove an assignment"),
    A.ASSIGNMENT_AUTO: Rule(_S, "assign automatically"),
    A.ASSIGNMENT_READ: Rule(_S, "read the assignment matrix and loads"),
    A.DOSSIER_ADD: Rule(_S, "add a dossier"),
    A.IMPORT_DOSSIERS: Rule(_S, "import dossiers from USB"),
    A.DOSSIER_READ_ANY: Rule(_S, "read any dossier and its attachments"),
    A.DOSSIER_READ_ASSIGNED: Rule(_ALL, "read a dossier assigned to oneself", own=True, dossier=True),
    A.SHEET_READ_OWN: Rule(_ALL, "read one's own sheets and queue", own=True, dossier=True),
    A.SHEET_READ_ANY: Rule(_S, "read any judge's sheet"),
    A.SHEET_WRITE_OWN_DRAFT: Rule(_J, "score / comment on one's own draft sheet", own=True, dossier=True,
                                  draft=True, open_event=True),
    A.SHEET_SUBMIT_OWN: Rule(_J, "submit one's own draft sheet", own=True, dossier=True, draft=True,
                             open_event=True),
    A.SHEET_UNLOCK: Rule(_S, "unlock a submitted or locked sheet (with a reason)"),
    A.SHEET_PAPER_ENTRY: Rule(_S, "enter paper score forms"),
    A.PAPER_FORMS: Rule(_S, "print blank paper score forms (each judge's assigned dossiers)"),
    A.SHEET_CORRECT: Rule(_S, "correct a score in the plenary (with the judge's agreement)"),
    A.INTEGRITY_DECLARE_OWN: Rule(_J, "confirm one's integrity statement", own=True, open_event=True),
    A.CONFLICT_DECLARE_OWN: Rule(_J, "declare one's own conflict of interest", own=True, open_event=True),
    A.CONFLICT_READ: Rule(_S, "read every declared conflict and bundle conflict"),
    A.RESULTS_READ: Rule(_S, "read ranking, agreement, progress totals"),
    A.RESULTS_EXPORT: Rule(_S, "export scores and results (CSV/XLSX)"),
    A.DOCUMENTS_ISSUE: Rule(_S, "issue documents (result sheets, Berita Acara)"),
    A.PLENARY_DECIDE: Rule(_S, "record plenary decisions (chair's reasons)"),
    A.BACKUP_CREATE: Rule(_S, "make a backup"),
    A.BACKUP_RESTORE: Rule(_S, "restore a backup"),
    A.CA_ISSUE: Rule(_S, "issue the event CA and judges' certificates"),
    A.SIGN_OWN_FIELD: Rule(_ALL, "sign one's own signature field (own passphrase)", own=True),
    A.PACKAGE_EXPORT: Rule(_S, "export a panel package for a judge's laptop"),
    A.BUNDLE_EXPORT_OWN: Rule(_J, "export one's own judge bundle", own=True),
    A.BUNDLE_IMPORT: Rule(_S, "import judge bundles"),
    A.BUNDLE_RESOLVE: Rule(_S, "resolve a bundle conflict"),
    A.AUDIT_READ: Rule(_S, "read the audit log"),
    A.AUDIT_EXPORT: Rule(_S, "export / verify the audit log"),
    A.SECRETARIAT_WORK: Rule(_S, "other secretariat work"),
    A.CALIBRATION_MANAGE: Rule(_S, "flag calibration dossiers, start / close the calibration round, reset a "
                                   "calibration sheet (with a reason)"),
    A.EVENT_PURGE: Rule(_S, "purge a finalised event's dossier content and attachments (destruction record)"),
}


def _refuse(message_id: str, **params: Any) -> PermissionDeniedError:
    return PermissionDeniedError(message_id, **params)


def _event_id(event: Event | uuid.UUID | None) -> uuid.UUID | None:
    if event is None:
        return None
    return event.id if isinstance(event, Event) else event


def resolve(session: Session, actor: Any, action: str) -> User:
    """The ACTIVE account ``actor`` names, or :class:`PermissionDeniedError`."""
    user_id = getattr(actor, "user_id", None)
    name = getattr(actor, "name", None) or "-"
    if user_id is None:
        raise _refuse("policy.sign_in_required", name=name, action=action)
    if not isinstance(user_id, uuid.UUID):
        try:
            user_id = uuid.UUID(str(user_id))
        except ValueError:
            raise _refuse("policy.unknown_account", name=name, action=action) from None
    user = session.get(User, user_id)
    if user is None:
        raise _refuse("policy.unknown_account", name=name, action=action)
    if not user.active:
        raise _refuse("policy.inactive", name=user.name, action=action)
    return user


def authorize(
    session: Session,
    actor: Any,
    action: str,
    *,
    event: Event | uuid.UUID | None = None,
    dossier: Any = None,
    judge: User | None = None,
    sheet: ScoreSheet | None = None,
    stage_id: str | None = None,
) -> User:
    """Allow ``actor`` to do ``action`` on the given objects, or raise.

    Returns the acting account.  Refusals are :class:`PermissionDeniedError`
    with a ``policy.*`` message naming the person, the action and why.
    """
    rule = RULES[action]
    user = resolve(session, actor, action)
    if user.role not in rule.roles:
        if rule.roles == _S:
            raise _refuse("policy.secretariat_only", name=user.name, action=action)
        raise _refuse("policy.role_refused", name=user.name, role=user.role.value, action=action)
    if user.role == SECRETARIAT:
        if is_judge_seat(session):
            raise _refuse("policy.judge_seat", name=user.name, action=action)
        return user
    # a judge (chair or member)
    ev_id = _event_id(event)
    if ev_id is None and judge is not None:
        ev_id = judge.event_id
    if ev_id is not None and user.event_id != ev_id:
        raise _refuse("policy.other_event", name=user.name, action=action)
    if rule.own and judge is not None and judge.id != user.id:
        raise _refuse("policy.not_own", name=user.name, action=action, judge=judge.name)
    if sheet is not None and sheet.judge_id != user.id:
        owner = session.get(User, sheet.judge_id)  # a name, never an id, in front of a person
        raise _refuse("policy.not_own", name=user.name, action=action, judge=owner.name if owner else "-")
    ev = event if isinstance(event, Event) else (session.get(Event, ev_id) if ev_id is not None else None)
    if rule.open_event and ev is not None and ev.status == EventStatus.FINALISED:
        raise _refuse("policy.event_finalised", name=user.name, action=action, event=ev.name,
                      at=when_text(ev.finalised_at))
    if rule.dossier and dossier is not None:
        _check_dossier(session, ev, user, dossier, action, stage_id)
    if rule.draft and sheet is not None and sheet.status != SheetStatus.DRAFT:
        raise _refuse("policy.sheet_final", name=user.name, action=action, status=sheet.status.value)
    return user


def _check_dossier(session: Session, event: Event | None, user: User, dossier: Any, action: str,
                   stage_id: str | None) -> None:
    number = getattr(dossier, "number", str(dossier))
    if event is None or dossier.event_id != user.event_id:
        raise _refuse("policy.not_assigned", name=user.name, action=action, dossier=number)
    where = [Assignment.dossier_id == dossier.id, Assignment.judge_id == user.id]
    if stage_id is not None:
        where.append(Assignment.stage_id == stage_id)
    if session.scalar(select(Assignment.id).where(*where).limit(1)) is None:
        raise _refuse("policy.not_assigned", name=user.name, action=action, dossier=number)
    if recused(event, user, dossier):
        raise _refuse("policy.recused", name=user.name, action=action, dossier=number)
    if has_declared_conflict(session, user, dossier):
        raise _refuse("policy.conflict_declared", name=user.name, action=action, dossier=number)


def authorize_dossier_read(session: Session, actor: Any, dossier: Any, *, stage_id: str | None = None) -> User:
    """Reading a dossier's content or attachments: the secretariat reads any
    (``dossier.read_any``); a judge only one assigned to them, not recused, without a
    declared conflict (``dossier.read_assigned``).  Returns the acting account."""
    user = resolve(session, actor, Action.DOSSIER_READ_ANY)
    if user.role == SECRETARIAT:
        return authorize(session, actor, Action.DOSSIER_READ_ANY, event=dossier.event_id)
    return authorize(session, actor, Action.DOSSIER_READ_ASSIGNED, event=dossier.event_id, dossier=dossier,
                     judge=user, stage_id=stage_id)


def allowed_roles(action: str) -> frozenset[Role]:
    return RULES[action].roles


def markdown_table() -> str:
    """The role x action table of docs/reliability.md ("Access rules")."""
    lines = ["| action | what | secretariat | chair | member | shadow | conditions for judges |",
             "|---|---|---|---|---|---|---|"]
    for action, rule in sorted(RULES.items()):
        cond = []
        if rule.own:
            cond.append("own")
        if rule.dossier:
            cond.append("assigned, not recused, no declared conflict")
        if rule.draft:
            cond.append("draft sheet")
        if rule.open_event:
            cond.append("event not finalised")
        cells = ["yes" if r in rule.roles else "no" for r in (SECRETARIAT, CHAIR, MEMBER, SHADOW)]
        judge_cond = "; ".join(cond) if rule.roles & _J else "-"
        lines.append(f"| `{action}` | {rule.what} | {' | '.join(cells)} | {judge_cond} |")
    return "\n".join(lines) + "\n"




def authorize_db(db: Any, actor: Any, action: str, *, event: Any = None, judge: Any = None,
                 judge_acts: bool = False) -> None:
    """:func:`authorize` in a read unit of work of its own, for services that take a
    :class:`~oaoi_desktop.store.database.Database` (imports, exports, exchange, signing).

    ``event`` may be an :class:`Event`, its id or its name; ``judge`` a judge's id or name
    on that event's roster (checked for ``own`` actions).  ``judge_acts``: without an
    ``actor`` the judge acts as themself (their passphrase is the proof, e.g. a bundle
    signed with their key on their own laptop).
    """
    with db.read() as s:
        ev = None
        if isinstance(getattr(event, "id", None), uuid.UUID):  # an Event, or a reference carrying its id
            ev = s.get(Event, event.id)
        elif isinstance(event, uuid.UUID):
            ev = s.get(Event, event)
        elif event is not None:
            ev = get_event(s, str(event))
        person = None
        if isinstance(judge, User):
            person = s.get(User, judge.id)
        elif judge is not None and ev is not None:
            try:
                person = find_judge(s, ev, str(judge))
            except NotFoundError:
                person = None  # the policy speaks first; the caller reports an unknown judge
        if actor is None and judge_acts and person is not None:
            actor = Actor(person.name, person.id)
        user = authorize(s, actor, action, event=ev, judge=person)
        if judge is not None and person is None and user.role.is_judge and RULES[action].own:
            ref = " ".join(str(judge).split()).casefold()
            if ref not in (str(user.id), user.name.casefold()):
                raise _refuse("policy.not_own", name=user.name, action=action, judge=str(judge))


__all__ = ["Action", "Rule", "RULES", "authorize", "authorize_db", "authorize_dossier_read", "resolve", "allowed_roles",
           "markdown_table"]
