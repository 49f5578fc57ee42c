"""Who runs an ``oaoi`` command: the secretariat signs in before acting.

Every command acts as the secretariat, and only after the person at the
keyboard proves it, except the commands listed in :data:`WITHOUT_SECRETARIAT`
(one table, checked by a test that walks the whole parser).  Signing in:

* ``--operator NAME`` or ``OAOI_OPERATOR`` names an active secretariat account
  (its name or id).  When exactly one active secretariat account exists it may
  be omitted: it is that account — the PIN is still asked for, so nothing is
  weakened, and a laptop with one secretariat needs no extra variable.
* The PIN or passphrase comes from ``--pin-file FILE``, else ``OAOI_PIN``, else
  a prompt (only when stdin is a terminal).  It is checked by
  :func:`oaoi_desktop.services.auth.sign_in`: wrong PINs count towards the same
  lockout as in the app and a locked account is refused.
* The signed-in person (:attr:`SignedIn.actor`: name and account id) is what
  every command passes to the services (:func:`oaoi_desktop.cli.common.operator`),
  so each audit entry names them.

On a **judge seat** (a database made by ``oaoi package import``) there is no
secretariat: secretariat commands are refused with a message saying the
action happens at the secretariat's laptop.  ``bundle export`` is the judge's
own command there: the judge named by ``--judge`` signs in with their PIN
(``--operator`` plays no part; on a judge seat only that seat's judge can).
The database is opened once for the check and again by the command; a check
that needs no account (a SQLite file that does not exist yet) creates nothing.

Failures are one line on stderr and exit 1 (a :class:`CliError` or the
sign-in error), never a traceback.
"""

from __future__ import annotations

import argparse
import enum
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import CliError, command_path, command_text, open_db, secret_from_file
from oaoi_desktop.i18n import t


class Rule(enum.Enum):
    """When a command listed in :data:`WITHOUT_SECRETARIAT` needs no secretariat sign-in."""

    ALWAYS = "always"
    """Reads nothing secret from the store and changes nothing in it."""
    WITH_FILE = "with_file"
    """Only when it works on a file given with ``--file`` (no database)."""
    EMPTY_DATABASE = "empty_database"
    """Only on a database without any account (a fresh install); else the secretariat."""
    NO_SECRETARIAT_YET = "no_secretariat_yet"
    """Only while no active secretariat account exists (first run, as in the app), never on a judge seat."""
    JUDGE = "judge"
    """The judge named by ``--judge`` signs in with their own PIN instead."""


WITHOUT_SECRETARIAT: dict[tuple[str, ...], Rule] = {
    # ``--help`` and ``--version`` are answered by the parser before any command runs.
    ("rubric", "validate"): Rule.ALWAYS,  # reads rubric files only
    ("rubric", "show"): Rule.ALWAYS,  # reads a rubric file only
    ("verify",): Rule.ALWAYS,  # verdicts on signed PDFs the caller holds; no scores from the store
    ("ca", "show"): Rule.ALWAYS,  # the event CA's public certificate, made to be handed out
    ("audit", "verify"): Rule.WITH_FILE,  # an exported log: no database; on the database it replays scores
    # (audit_verify.verify_* take the signed-in secretariat: audit.read)
    ("package", "import"): Rule.ALWAYS,  # the judge's own passphrase opens the package (sets up a judge seat)
    ("init",): Rule.EMPTY_DATABASE,
    ("status",): Rule.EMPTY_DATABASE,  # names the next step on a fresh install; otherwise progress counts,
    # which status.summary gives only to the secretariat (results.read): it signs in first
    ("event", "list"): Rule.EMPTY_DATABASE,  # idem (counts of submitted sheets)
    ("restore",): Rule.EMPTY_DATABASE,  # onto a fresh laptop; over a database in use: its secretariat
    ("user", "add"): Rule.NO_SECRETARIAT_YET,  # the first secretariat account (same rule as the app)
    ("bundle", "export"): Rule.JUDGE,  # the judge's own sheets, signed with their key
}
"""Every command NOT listed here needs a signed-in secretariat member (and is
refused on a judge seat), including commands added later: fail closed."""


def rule_for(args: argparse.Namespace) -> Rule | None:
    """The table's rule for this command, or ``None`` (the secretariat must sign in)."""
    return WITHOUT_SECRETARIAT.get(command_path(args))


# -- the secret ------------------------------------------------------------------------
def read_pin(args: argparse.Namespace, *, prompt: str) -> str | None:
    """The signing-in person's PIN: ``--pin-file``, else ``OAOI_PIN``, else a prompt on a terminal."""
    path = getattr(args, "pin_file", None)
    if path:
        return secret_from_file(path, short_reason=True)
    value = os.environ.get("OAOI_PIN")
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt + ": ") or None
    return None


def operator_name(args: argparse.Namespace) -> str | None:
    name = getattr(args, "operator", None) or os.environ.get("OAOI_OPERATOR")
    name = " ".join((name or "").split())
    return name or None


# -- deciding ---------------------------------------------------------------------------
def _empty_sqlite_file_missing(url: str | None) -> bool:
    """True when the database is a SQLite file that does not exist yet (nothing to open)."""
    from sqlalchemy.engine import make_url

    from oaoi_desktop import config
    from oaoi_desktop.store.database import with_driver

    try:
        parsed = make_url(with_driver(config.resolve_db_url(url)))
    except Exception:  # noqa: BLE001 - a bad URL is reported by the command's own open
        return False
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return False
    return not Path(parsed.database).exists()


def authorise(args: argparse.Namespace) -> None:
    """Sign in whoever the command needs, or raise; the actor is kept on ``args``.

    Sets ``args.signed_in_actor`` (an :class:`~oaoi_desktop.services.audit.Actor`
    with the account's id) when someone signed in, else leaves it ``None``.
    """
    args.signed_in_actor = None
    rule = rule_for(args)
    if rule is Rule.ALWAYS:
        return
    if rule is Rule.WITH_FILE and getattr(args, "file", None):
        return
    if rule in (Rule.EMPTY_DATABASE, Rule.NO_SECRETARIAT_YET) and _empty_sqlite_file_missing(args.db):
        return  # a fresh install: nothing to protect, and nothing is created before the command runs
    db = open_db(args)
    try:
        if rule is Rule.JUDGE:
            args.signed_in_actor = _sign_in_judge(db, args)
            return
        from sqlalchemy import func, select

        from oaoi_desktop.services import auth, seat
        from oaoi_desktop.store.models import User

        with db.read() as s:
            judge_seat = seat.is_judge_seat(s)
            if not judge_seat:
                if rule is Rule.EMPTY_DATABASE and not s.scalar(select(func.count()).select_from(User)):
                    return
                if rule is Rule.NO_SECRETARIAT_YET and auth.needs_secretariat_setup(s):
                    return
        if judge_seat:
            raise CliError("cli.operator.judge_seat", command=command_text(args))
        args.signed_in_actor = _sign_in_secretariat(db, args)
    finally:
        db.close()


def _sign_in_secretariat(db: Any, args: argparse.Namespace) -> Any:
    from sqlalchemy import select

    from oaoi_desktop.services import auth
    from oaoi_desktop.store.models import Role, User

    name = operator_name(args)
    with db.read() as s:
        active = list(s.scalars(select(User).where(User.event_id.is_(None), User.role == Role.SECRETARIAT,
                                                   User.active.is_(True)).order_by(User.name)))
        people = [(u.id, u.name) for u in active]
    if not people:
        raise CliError("cli.operator.no_account", command=command_text(args))
    if name is None:
        if len(people) > 1:
            raise CliError("cli.operator.required", command=command_text(args))
        account_id, shown = people[0]
    else:
        match = [p for p in people if str(p[0]) == name.lower() or p[1].lower() == name.lower()]
        if not match:
            raise CliError("cli.operator.unknown", name=name)
        account_id, shown = match[0]
    secret = read_pin(args, prompt=t("cli.operator.prompt", name=shown))
    if secret is None:
        raise CliError("cli.operator.required", command=command_text(args))
    with db.write() as s:  # a unit of work of its own: a failed attempt is committed by sign_in
        signed = auth.sign_in(s, None, str(account_id), secret)
    if not signed.is_secretariat:  # pragma: no cover - sign_in without an event finds only the secretariat
        raise CliError("cli.operator.unknown", name=name or shown)
    return signed.actor


def _sign_in_judge(db: Any, args: argparse.Namespace) -> Any:
    from oaoi_desktop.services import accounts, auth, events, seat

    with db.read() as s:
        event = events.get_event(s, args.event)
        judge = accounts.find_judge(s, event, args.judge)
        event_id, judge_id, judge_name = event.id, judge.id, judge.name
        seat_judge = seat.seat_judge_id(s) if seat.is_judge_seat(s) else None
    if seat_judge is not None and seat_judge != judge_id:
        raise CliError("cli.operator.not_this_seat", judge=judge_name)
    secret = read_pin(args, prompt=t("cli.operator.prompt_judge", name=judge_name))
    if secret is None:
        raise CliError("cli.operator.judge_pin_required", judge=judge_name, command=command_text(args))
    with db.write() as s:
        signed = auth.sign_in(s, str(event_id), str(judge_id), secret)
    if signed.user_id != judge_id or not signed.is_judge:  # pragma: no cover - sign_in found the judge by id
        raise CliError("cli.operator.not_this_seat", judge=judge_name)
    return signed.actor


__all__ = ["Rule", "WITHOUT_SECRETARIAT", "authorise", "command_path", "read_pin", "rule_for"]
