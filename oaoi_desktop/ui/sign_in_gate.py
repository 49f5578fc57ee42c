"""The sign-in screens' one way into the services (no Qt).

:class:`SignInGate` is what the sign-in page of the main window
(:mod:`oaoi_desktop.ui.sign_in_page`), the judge's sign-in dialog
(:mod:`oaoi_desktop.ui.judge.sign_in`) and the first-run set-up
(:mod:`oaoi_desktop.ui.judge.first_run`) ask of the database.  Every method
opens its own unit of work and calls the authentication service; a failed
attempt is committed by the service before it raises, so the count of tries
survives.  The screens keep plain values: ids as text, roles as their value.  The
window's :class:`~oaoi_desktop.ui.access.AccessGate` (who is at the keyboard) asks
it too.

It imports SQLAlchemy and the services: the start-up path imports it inside
functions only, once a database is open.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import auth, events, seat
from oaoi_desktop.services.auth import SignedIn, SignInError
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role
from oaoi_desktop.store.quick import SignInChoices

Person = tuple[str, str, str, bool]
"""One name to sign in as: the account's id (text), its name, its role's value, whether it judges."""


class SignInGate:
    """Signing in to ``db`` (a database, or a function returning the one open now)."""

    def __init__(self, db: Database | Callable[[], Database]) -> None:
        self._db = db

    @property
    def db(self) -> Database:
        db = self._db
        return db() if callable(db) else db

    # -- the secretariat (the main window's sign-in page) -------------------------------
    def choices(self) -> SignInChoices:
        """The secretariat accounts, the first-run state and the kind of seat (nothing offered
        when the database cannot be read: the main window reports that)."""
        try:
            with self.db.read() as s:
                return auth.sign_in_choices(s)
        except (OaoiError, SQLAlchemyError):
            return SignInChoices(judge_seat=False, needs_setup=False, secretariat=())

    def recover_secretariat(self, user_id: str, code: str, new_secret: str) -> str:
        """Unlock a secretariat account with its recovery code and a new secret; the next code.

        Only a secretariat account: any other id is refused as an unknown name.
        """
        with self.db.write() as s:
            user = auth.find_account(s, None, user_id)
            if user.role != Role.SECRETARIAT:
                raise SignInError("auth.unknown_user", name=user_id)
            return auth.recover_with_code(s, user, code, new_secret)

    def is_judge_seat(self) -> bool:
        """True on a judge's laptop (False when the database cannot be read)."""
        try:
            with self.db.read() as s:
                return seat.is_judge_seat(s)
        except (OaoiError, SQLAlchemyError):
            return False

    # -- the first account ------------------------------------------------------------------
    def needs_secretariat_setup(self) -> bool:
        """True while the database has no secretariat account (False when it cannot be read:
        the main window reports that)."""
        try:
            with self.db.read() as s:
                return auth.needs_secretariat_setup(s)
        except (OaoiError, SQLAlchemyError):
            return False

    def setup_secretariat(self, *, name: str, secret: str, nip: str | None,
                          instansi: str) -> tuple[SignedIn, str]:
        """Create the first secretariat account: it, signed in, and its recovery code."""
        with self.db.write() as s:
            user, code = auth.setup_secretariat(s, name=name, secret=secret, nip=nip, instansi=instansi)
            return SignedIn(user_id=user.id, name=user.name, role=Role.SECRETARIAT, event_id=None), code

    # -- a judge (or the secretariat) in an event ---------------------------------------------
    def events(self) -> list[tuple[str, str]]:
        """Every event as (id, name), oldest first."""
        with self.db.read() as s:
            return [(str(e.id), e.name) for e in events.list_events(s)]

    def people(self, event_id: str) -> list[Person]:
        """Who may sign in to the event: its judges, then the secretariat accounts."""
        with self.db.read() as s:
            return [(str(user_id), name, role.value, role.is_judge)
                    for user_id, name, role in auth.sign_in_names(s, event_id)]

    def sign_in(self, event_id: str | uuid.UUID | None, user_id: str, secret: str) -> SignedIn:
        """Check the secret (a wrong one is counted, and may lock the account); ``event_id``
        None for a secretariat account."""
        with self.db.write() as s:
            return auth.sign_in(s, event_id, user_id, secret)

    def recover(self, event_id: str, user_id: str, code: str, new_secret: str) -> tuple[str, SignedIn]:
        """Unlock with the recovery code and a new secret, then sign in with it: the next code
        and the signed-in account (two units of work, as two separate steps)."""
        with self.db.write() as s:
            user = auth.find_account(s, event_id, user_id)
            next_code = auth.recover_with_code(s, user, code, new_secret)
        with self.db.write() as s:
            signed = auth.sign_in(s, event_id, user_id, new_secret)
        return next_code, signed


ROLE_SECRETARIAT = Role.SECRETARIAT.value
ROLE_CHAIR = Role.CHAIR.value

__all__ = ["ROLE_CHAIR", "ROLE_SECRETARIAT", "Person", "SignInGate"]
