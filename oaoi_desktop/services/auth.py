"""Signing in: PINs and passphrases, lockout, PIN slips and recovery codes.

A person signs in by choosing the event and their name and typing their PIN
or passphrase; secrets and recovery codes are stored only as scrypt hashes
(:func:`oaoi_desktop.services.accounts.hash_secret`).

* :data:`MAX_FAILED_ATTEMPTS` wrong secrets in a row lock the account (audit
  logged).  A locked account stays locked — even for the right PIN — until the
  secretariat resets it (:func:`reset_credentials`, :func:`issue_pin_slip`) or
  the person types the one-time recovery code printed on their PIN slip
  (:func:`recover_with_code`), so a judge alone on their own laptop is never
  stranded.  A recovery code works once: using it issues a new one.
* A failed attempt is **committed before the error is raised**, so the count
  survives the caller's unit of work rolling back on the exception.  Call
  :func:`sign_in` in a unit of work of its own.
* On first run there is no secretariat account: :func:`needs_secretariat_setup`
  tells the GUI to ask for one, and :func:`setup_secretariat` creates it (and
  refuses once one exists, so it cannot be used to bypass the secretariat).

Role checks use the one access policy (:mod:`oaoi_desktop.services.policy`);
:func:`require_secretariat` is a thin wrapper over it: the actor's ``user_id``
must name an active secretariat account.  An actor without one is refused
(``policy.sign_in_required``): nobody is trusted for holding the file.
The system actors here (``system:sign-in`` for the lockout, ``setup:<name>``
for the first account, the person using their recovery code) are
bookkeeping before anyone is signed in and stay as they are.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import accounts
from oaoi_desktop.services.accounts import needs_secretariat_setup
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import get_event
from oaoi_desktop.store.models import Event, Role, User
from oaoi_desktop.store.quick import SignInChoices

MAX_FAILED_ATTEMPTS = 5
PIN_DIGITS = 6
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Upper-case letters and digits without the look-alikes I, O, 0 and 1."""
RECOVERY_GROUPS = 4
RECOVERY_GROUP_LENGTH = 4

SYSTEM_ACTOR = Actor("system:sign-in")


# -- results and errors --------------------------------------------------------
@dataclass(frozen=True)
class SignedIn:
    """Who is signed in (what the GUI keeps for the session).

    ``event_id`` is the event chosen at sign-in (``None`` for a secretariat
    signing in without choosing one).
    """

    user_id: uuid.UUID
    name: str
    role: Role
    event_id: uuid.UUID | None

    @property
    def is_secretariat(self) -> bool:
        return self.role == Role.SECRETARIAT

    @property
    def is_judge(self) -> bool:
        return self.role.is_judge

    @property
    def is_chair(self) -> bool:
        return self.role == Role.CHAIR

    @property
    def actor(self) -> Actor:
        """The actor the audit log records for this person's actions."""
        return Actor(self.name, self.user_id)


class PinSlip(NamedTuple):
    """The plain PIN and recovery code, returned once for printing the slip."""

    pin: str
    recovery_code: str


class SignInError(PermissionDeniedError):
    """Signing in failed.  ``remaining`` is the number of tries left, if known;
    ``locked`` says the account is (now) locked.

    Message ids: ``auth.unknown_user``, ``auth.wrong_secret`` (remaining),
    ``auth.locked_now`` (max), ``auth.locked`` (name), ``auth.no_secret`` (name),
    ``auth.inactive`` (name), ``auth.bad_recovery_code``.
    """

    def __init__(self, message_id: str, /, *, remaining: int | None = None, locked: bool = False,
                 **params: object) -> None:
        if remaining is not None:
            params["remaining"] = remaining
        super().__init__(message_id, **params)
        self.remaining = remaining
        self.locked = locked


# -- codes -----------------------------------------------------------------------
def new_pin() -> str:
    """A random PIN that the PIN policy accepts (no run, repetition or date)."""
    from oaoi_desktop import passphrase_policy

    while True:
        pin = "".join(str(secrets.randbelow(10)) for _ in range(PIN_DIGITS))
        if not passphrase_policy.pin_problem(pin):
            return pin


def new_recovery_code() -> str:
    """``ABCD-EFGH-JKLM-NPQR``: 16 characters (80 bits) in groups of four."""
    groups = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LENGTH))
        for _ in range(RECOVERY_GROUPS)
    ]
    return "-".join(groups)


def normalise_recovery_code(code: str) -> str:
    """The code as hashed: upper case, without spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def _set_recovery_code(user: User) -> str:
    code = new_recovery_code()
    user.recovery_hash = accounts.hash_secret(normalise_recovery_code(code))
    return code


# -- first run -------------------------------------------------------------------
def setup_secretariat(
    session: Session, *, name: str, secret: str, nip: str | None = None, instansi: str = "",
    unit_kerja: str = "",
) -> tuple[User, str]:
    """Create the first secretariat account; returns it and its recovery code.

    Refused (``auth.setup_done``) once an active secretariat account exists.
    """
    if not needs_secretariat_setup(session):
        raise ConflictError("auth.setup_done")
    user = accounts.create_secretariat_unchecked(
        session, name=name, secret=secret, actor=Actor(f"setup:{' '.join(name.split())}"), nip=nip,
        instansi=instansi, unit_kerja=unit_kerja,
    )
    code = _set_recovery_code(user)
    session.flush()
    return user, code


# -- finding people ---------------------------------------------------------------
def _by_id_or_name(session: Session, event_id: uuid.UUID | None, ref: str, *, judges: bool) -> User | None:
    ref = " ".join((ref or "").split())
    if not ref:
        return None
    user: User | None = None
    try:
        user = session.get(User, uuid.UUID(ref))
    except ValueError:
        user = None
    if user is not None and user.event_id == event_id and user.role.is_judge == judges:
        return user
    roles = [Role.CHAIR, Role.MEMBER, Role.SHADOW] if judges else [Role.SECRETARIAT]
    cond = User.event_id == event_id if event_id is not None else User.event_id.is_(None)
    return session.scalar(
        select(User).where(cond, User.role.in_(roles), func.lower(User.name) == ref.lower())
    )


def find_account(session: Session, event: Event | str | None, name_or_id: str) -> User:
    """The account a sign-in names: a judge of ``event``, else a secretariat account."""
    ev = _event(session, event)
    user = _by_id_or_name(session, ev.id, name_or_id, judges=True) if ev is not None else None
    if user is None:
        user = _by_id_or_name(session, None, name_or_id, judges=False)
    if user is None:
        raise SignInError("auth.unknown_user", name=name_or_id)
    return user


def sign_in_names(session: Session, event: Event | str | None) -> list[tuple[uuid.UUID, str, Role]]:
    """The names the sign-in screen offers: the event's judges, then the secretariat."""
    ev = _event(session, event)
    people: list[User] = []
    if ev is not None:
        people += accounts.judges(session, ev)
    people += list(session.scalars(
        select(User).where(User.event_id.is_(None), User.role == Role.SECRETARIAT).order_by(User.name)
    ))
    return [(u.id, u.name, u.role) for u in people if u.active]


def sign_in_choices(session: Session) -> SignInChoices:
    """What the sign-in page offers: a judge's laptop?, the first run?, the secretariat accounts.

    The one definition of the rule; :func:`oaoi_desktop.store.quick.read_sign_in_choices` reads
    the same rows without SQLAlchemy for the quick start, and tests/store/test_quick.py keeps
    the two equal.
    """
    from oaoi_desktop.services.seat import is_judge_seat

    people = tuple((str(uid), name) for uid, name, role in sign_in_names(session, None)
                   if role == Role.SECRETARIAT)
    return SignInChoices(judge_seat=is_judge_seat(session), needs_setup=needs_secretariat_setup(session),
                         secretariat=people)


def _event(session: Session, event: Event | str | None) -> Event | None:
    if event is None or isinstance(event, Event):
        return event
    if not str(event).strip():
        return None
    return get_event(session, str(event))


# -- signing in ---------------------------------------------------------------------
def _fail(session: Session, error: SignInError) -> SignInError:
    """Make the failed attempt permanent, then hand back the error to raise."""
    session.flush()
    session.commit()
    return error


def sign_in(session: Session, event: Event | str | None, name_or_id: str, secret: str) -> SignedIn:
    """Check a PIN or passphrase; the signed-in person, or :class:`SignInError`.

    ``event`` (an :class:`Event`, its id or name, or ``None``) is the event
    chosen on the sign-in screen; judges are looked up on its roster and the
    secretariat among the global accounts.
    """
    ev = _event(session, event)
    user = find_account(session, ev, name_or_id)
    if not user.active:
        raise SignInError("auth.inactive", name=user.name)
    if user.locked:
        raise SignInError("auth.locked", locked=True, name=user.name)
    if not user.credential_hash:
        raise SignInError("auth.no_secret", name=user.name)
    if not accounts.verify_secret(secret or "", user.credential_hash):
        user.failed_attempts = (user.failed_attempts or 0) + 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked = True
            append(session, actor=SYSTEM_ACTOR, action="user.locked", event_id=user.event_id,
                   entity_type="user", entity_id=user.id,
                   after={"name": user.name, "failed_attempts": user.failed_attempts, "locked": True})
            raise _fail(session, SignInError("auth.locked_now", locked=True, remaining=0,
                                             max=MAX_FAILED_ATTEMPTS))
        remaining = MAX_FAILED_ATTEMPTS - user.failed_attempts
        raise _fail(session, SignInError("auth.wrong_secret", remaining=remaining))
    if user.failed_attempts:
        user.failed_attempts = 0
        session.flush()
    return SignedIn(user_id=user.id, name=user.name, role=user.role,
                    event_id=ev.id if ev is not None else user.event_id)


def current_user(session: Session, signed_in: SignedIn) -> User:
    """The account row of the signed-in person (refused if deactivated meanwhile)."""
    user = session.get(User, signed_in.user_id)
    if user is None or not user.active:
        raise PermissionDeniedError("auth.inactive", name=signed_in.name)
    return user


# -- the secretariat's powers ---------------------------------------------------------
def require_secretariat(session: Session, actor: Actor, action: str | None = None, **objects: object) -> User:
    """Refuse unless ``actor`` is an active secretariat account (the policy decides;
    ``action`` defaults to ``secretariat.work``).  Returns the account."""
    from oaoi_desktop.services.policy import Action, authorize

    return authorize(session, actor, action or Action.SECRETARIAT_WORK, **objects)  # type: ignore[arg-type]


def reset_credentials(session: Session, user: User, actor: Actor, new_secret: str | None = None) -> str:
    """Unlock ``user`` (secretariat only), optionally set a new secret;
    returns the new recovery code (the old one stops working)."""
    require_secretariat(session, actor, "judge.update")
    if new_secret is not None:
        accounts.check_secret_strength(new_secret)
    before = {"locked": user.locked, "failed_attempts": user.failed_attempts}
    if new_secret is not None:
        user.credential_hash = accounts.hash_secret(new_secret)
    user.locked = False
    user.failed_attempts = 0
    code = _set_recovery_code(user)
    session.flush()
    append(session, actor=actor, action="user.credentials_reset", event_id=user.event_id,
           entity_type="user", entity_id=user.id, before=before,
           after={"name": user.name, "locked": False, "failed_attempts": 0,
                  "new_secret": new_secret is not None, "new_recovery_code": True})
    return code


def issue_pin_slip(session: Session, user: User, actor: Actor) -> PinSlip:
    """A new random PIN and recovery code for ``user`` (secretariat only).

    Only their hashes are stored; the plain values are returned once, for the
    PIN slip.  The account is unlocked.
    """
    require_secretariat(session, actor, "judge.update")
    if not user.active:
        raise ValidationError("auth.inactive", name=user.name)
    pin = new_pin()
    before = {"locked": user.locked, "failed_attempts": user.failed_attempts,
              "had_secret": bool(user.credential_hash)}
    user.credential_hash = accounts.hash_secret(pin)
    user.locked = False
    user.failed_attempts = 0
    code = _set_recovery_code(user)
    session.flush()
    append(session, actor=actor, action="user.pin_issued", event_id=user.event_id,
           entity_type="user", entity_id=user.id, before=before,
           after={"name": user.name, "locked": False, "failed_attempts": 0})
    return PinSlip(pin, code)


def recover_with_code(session: Session, user: User, code: str, new_secret: str) -> str:
    """Unlock with the one-time recovery code and set a new secret.

    Returns the next recovery code (the used one no longer works).  A wrong
    code is refused (``auth.bad_recovery_code``); with 80 bits a code cannot be
    guessed, so wrong codes do not lock the account further.
    """
    if not user.active:
        raise SignInError("auth.inactive", name=user.name)
    accounts.check_secret_strength(new_secret)
    typed = normalise_recovery_code(code)
    if not typed or not user.recovery_hash or not accounts.verify_secret(typed, user.recovery_hash):
        raise SignInError("auth.bad_recovery_code")
    before = {"locked": user.locked, "failed_attempts": user.failed_attempts}
    user.credential_hash = accounts.hash_secret(new_secret)
    user.locked = False
    user.failed_attempts = 0
    next_code = _set_recovery_code(user)
    session.flush()
    append(session, actor=Actor(user.name, user.id), action="user.recovered_with_code",
           event_id=user.event_id, entity_type="user", entity_id=user.id, before=before,
           after={"name": user.name, "locked": False, "failed_attempts": 0, "new_recovery_code": True})
    return next_code


__all__ = [
    "MAX_FAILED_ATTEMPTS",
    "SignedIn",
    "PinSlip",
    "SignInError",
    "needs_secretariat_setup",
    "setup_secretariat",
    "sign_in_names",
    "sign_in_choices",
    "find_account",
    "sign_in",
    "current_user",
    "require_secretariat",
    "reset_credentials",
    "issue_pin_slip",
    "recover_with_code",
    "new_pin",
    "new_recovery_code",
    "normalise_recovery_code",
]
