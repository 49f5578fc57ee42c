"""Accounts: the secretariat and the judges (Penilai, Ketua) of an event.

Secrets (PIN or passphrase) are stored only as scrypt hashes.  Judges belong
to one event's roster; a secretariat account is global.  Names are unique
within a roster, so ``--judge`` may be an id or the exact name.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import os
import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop import logs
from oaoi_desktop.domain import identity
from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.intake import tabular
from oaoi_desktop.intake.tabular import RowProblem
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.facts import find_judge, judges
from oaoi_desktop.store.models import Event, Role, User
from oaoi_desktop.services.policy import Action, authorize

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
MIN_SECRET_LENGTH = 6
"""The shortest PIN (see :mod:`oaoi_desktop.passphrase_policy` for the whole rule)."""
NIP_PATTERN = re.compile(r"^\d{18}$")


# -- secrets -----------------------------------------------------------------
def hash_secret(secret: str, *, n: int = SCRYPT_N) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64) of a PIN or passphrase."""
    logs.remember_secret(secret)  # never written to the log file (issue 14)
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        unicodedata.normalize("NFC", secret).encode("utf-8"),
        salt=salt,
        n=n,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=32,
    )
    b64 = base64.b64encode
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_secret(secret: str, stored: str) -> bool:
    logs.remember_secret(secret)  # never written to the log file, right or wrong (issue 14)
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            unicodedata.normalize("NFC", secret).encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def check_secret_strength(secret: str) -> None:
    """The gate for every new sign-in secret: a PIN (digits only) needs 6 digits without a trivial
    pattern (``keys.pin_weak``); anything else is a passphrase (``keys.passphrase_weak``)."""
    from oaoi_desktop import passphrase_policy

    passphrase_policy.check_sign_in_secret(secret or "")


# -- helpers -----------------------------------------------------------------
def _clean(value: str | None) -> str:
    return identity.lenient(value)


def _check_name(name: str) -> str:
    name = identity.clean(name, "name")
    if not name:
        raise ValidationError("accounts.name_required")
    return name


def _check_nip(nip: str | None) -> str:
    nip = (nip or "").replace(" ", "")
    if nip and not NIP_PATTERN.match(nip):
        raise ValidationError("accounts.bad_nip", nip=nip)
    return nip


def user_snapshot(user: User) -> dict[str, object]:
    """What the audit log records about an account (never the secret)."""
    return {
        "id": user.id,
        "event_id": user.event_id,
        "name": user.name,
        "nip": user.nip,
        "instansi": user.instansi,
        "unit_kerja": user.unit_kerja,
        "role": user.role.value,
        "active": user.active is not False,  # replayed by `oaoi audit verify` (services/audit_state)
        "has_secret": bool(user.credential_hash),
    }


# -- secretariat ---------------------------------------------------------------
def add_secretariat(
    session: Session, *, name: str, secret: str, actor: Actor, nip: str | None = None,
    instansi: str = "", unit_kerja: str = "",
) -> User:
    """Add a secretariat account (a signed-in secretariat member only).

    On first run (no secretariat account yet, and not a judge's laptop: see
    ``needs_secretariat_setup``) the first account may be created by
    anyone, as ``auth.setup_secretariat`` does.
    """
    if not needs_secretariat_setup(session):
        authorize(session, actor, Action.USER_ADD)
    return create_secretariat_unchecked(session, name=name, secret=secret, actor=actor, nip=nip, instansi=instansi,
                               unit_kerja=unit_kerja)


def create_secretariat_unchecked(
    session: Session, *, name: str, secret: str, actor: Actor, nip: str | None = None,
    instansi: str = "", unit_kerja: str = "",
) -> User:
    """Create the account; private to :func:`add_secretariat` and the first run
    (``auth.setup_secretariat``, whose ``setup:<name>`` actor has no account yet)."""
    name = _check_name(name)
    check_secret_strength(secret)
    exists = session.scalar(
        select(User).where(User.event_id.is_(None), func.lower(User.name) == name.lower())
    )
    if exists is not None:
        raise ConflictError("accounts.duplicate_name", name=name)
    user = User(
        id=uuid.uuid4(),
        event_id=None,
        name=name,
        nip=_check_nip(nip),
        instansi=identity.clean(instansi, "instansi"),
        unit_kerja=identity.clean(unit_kerja, "unit_kerja"),
        role=Role.SECRETARIAT,
        credential_hash=hash_secret(secret),
    )
    session.add(user)
    session.flush()
    append(session, actor=actor, action="user.created", entity_type="user",
           entity_id=user.id, after=user_snapshot(user))
    return user


def _active_secretariat_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(User).where(User.role == Role.SECRETARIAT, User.active.is_(True))
    ) or 0


def needs_secretariat_setup(session: Session) -> bool:
    """True on first run: no (active) secretariat account exists yet.

    A judge's laptop set up from a panel package (``panel_packages`` holds an
    ``imported`` row) never has one and must not offer to create one: a judge
    could otherwise make themselves the secretariat there.
    """
    from oaoi_desktop.store.models import PanelPackage

    if _active_secretariat_count(session) != 0:
        return False
    return session.scalar(select(PanelPackage.id).where(PanelPackage.direction == "imported").limit(1)) is None


def secretariat_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(User).where(User.role == Role.SECRETARIAT)
    ) or 0


# -- judges --------------------------------------------------------------------
def add_judge(
    session: Session,
    event: Event,
    *,
    name: str,
    instansi: str,
    role: Role,
    actor: Actor,
    unit_kerja: str = "",
    nip: str | None = None,
    secret: str | None = None,
) -> User:
    """Put a judge on the event's roster."""
    authorize(session, actor, Action.JUDGE_ADD, event=event)
    if not role.is_judge:
        raise ValidationError("accounts.not_a_judge_role", role=role.value)
    name = _check_name(name)
    instansi = identity.clean(instansi, "instansi")
    if not instansi:
        raise ValidationError("accounts.instansi_required", name=name)
    if secret is not None:
        check_secret_strength(secret)
    exists = session.scalar(
        select(User).where(User.event_id == event.id, func.lower(User.name) == name.lower())
    )
    if exists is not None:
        raise ConflictError("accounts.duplicate_judge", name=name, event=event.name)
    user = User(
        id=uuid.uuid4(),
        event_id=event.id,
        name=name,
        nip=_check_nip(nip),
        instansi=instansi,
        unit_kerja=identity.clean(unit_kerja, "unit_kerja"),
        role=role,
        credential_hash=hash_secret(secret) if secret else "",
    )
    session.add(user)
    session.flush()
    append(session, actor=actor, action="judge.added", event_id=event.id,
           entity_type="user", entity_id=user.id, after=user_snapshot(user))
    return user


# -- roster import -------------------------------------------------------------------
ROSTER_COLUMNS = ("name", "nip", "instansi", "unit_kerja", "role")
_ROSTER_ALIASES = {
    "name": "name", "nama": "name", "nama_juri": "name",
    "nip": "nip",
    "instansi": "instansi", "agency": "instansi",
    "unit_kerja": "unit_kerja", "unit": "unit_kerja", "opd": "unit_kerja",
    "role": "role", "peran": "role",
}
_ROLE_WORDS = {
    "member": Role.MEMBER, "anggota": Role.MEMBER, "penilai": Role.MEMBER, "juri": Role.MEMBER, "": Role.MEMBER,
    "chair": Role.CHAIR, "ketua": Role.CHAIR, "ketua_tim": Role.CHAIR,
    "shadow": Role.SHADOW, "magang": Role.SHADOW, "penilai_magang": Role.SHADOW, "bayangan": Role.SHADOW,
}


@dataclass(frozen=True)
class RosterOutcome:
    """One row of a roster file: ``added``, ``unchanged`` (already on the roster, same data) or ``rejected``."""

    row: int
    name: str
    status: str
    judge_id: uuid.UUID | None = None


@dataclass(frozen=True)
class RosterImport:
    """What :func:`import_roster` did: per-row outcomes and the rejected rows' problems."""

    file: str
    outcomes: tuple[RosterOutcome, ...]
    problems: tuple[Any, ...]  # intake.tabular.RowProblem (file, rows, message id)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return not self.problems


def _roster_key(title: str) -> str:
    return re.sub(r"[\s\-]+", "_", (title or "").strip().casefold())


def _roster_rows_xlsx(path: Path) -> Iterator[tuple[int, list[str], dict[int, str]]]:
    """Rows of the first sheet as text; per row the cells that cannot be read as text
    (a formula, or a NIP typed as a number Excel has rounded) by column."""
    try:
        for number, cells in tabular.xlsx_cells(path, reset_dimensions=True):
            values: list[str] = []
            bad: dict[int, str] = {}
            for col, cell in enumerate(cells):
                v = cell.value
                if getattr(cell, "data_type", None) == "f" or (
                        v is not None and not isinstance(v, (str, int, float, bool))):
                    bad[col] = "roster.formula"
                    values.append("")
                elif isinstance(v, float):
                    if v.is_integer() and abs(v) < 1e15:
                        values.append(str(int(v)))
                    else:
                        bad[col] = "roster.number_cell"
                        values.append("")
                elif v is None:
                    values.append("")
                else:
                    values.append(str(v).strip())
            yield number, values, bad
    except tabular.WorkbookUnreadable as exc:  # not a workbook
        raise ValidationError("roster.cannot_read", file=path.name, reason=exc.reason) from exc


def read_roster(path: Path) -> tuple[str, list[tuple[int, dict[str, str], dict[str, str]]]]:
    """The data rows of a roster file: (row number, values by column, unreadable cells by column)."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise ValidationError("roster.unsupported_type", file=name)
    if not path.is_file():
        raise ValidationError("roster.cannot_read", file=str(path), reason="-")
    source: Iterable[tuple[int, list[str], dict[int, str]]]
    if suffix == ".csv":
        source = ((n, v, {}) for n, v, _ in tabular.csv_text_rows(path))
    else:
        source = _roster_rows_xlsx(path)
    header: dict[int, str] | None = None
    rows: list[tuple[int, dict[str, str], dict[str, str]]] = []
    try:
        for number, values, bad in source:
            if header is None:
                if not any(values):
                    continue
                header = {}
                for i, title in enumerate(values):
                    key = _ROSTER_ALIASES.get(_roster_key(title))
                    if key is None:
                        continue
                    if key in header.values():
                        raise ValidationError("roster.duplicate_column", file=name, column=title)
                    header[i] = key
                missing = [c for c in ("name", "instansi") if c not in header.values()]
                if missing:
                    raise ValidationError("roster.missing_columns", file=name, columns=", ".join(missing),
                                          expected=", ".join(ROSTER_COLUMNS))
                continue
            mapped = {key: values[i] if i < len(values) else "" for i, key in header.items()}
            unreadable = {header[c]: msg for c, msg in bad.items() if c in header}
            if not any(mapped.values()) and not unreadable:
                continue
            rows.append((number, mapped, unreadable))
    except (OSError, UnicodeError, csv.Error) as exc:
        raise ValidationError("roster.cannot_read", file=name, reason=str(exc)) from exc
    if header is None or not rows:
        raise ValidationError("roster.no_rows", file=name)
    return name, rows


def import_roster(session: Session, event: Event, path: Path, *, actor: Actor) -> RosterImport:
    """Add the judges listed in a CSV/XLSX file (columns name, nip, instansi, unit_kerja, role).

    Per row, as every batch in the app: each valid row is added (its own
    savepoint and ``judge.added`` audit entry); a row whose judge is already on
    the roster with the same NIP, instansi, unit kerja and role is
    ``unchanged`` (so a file can be imported again); every other row is
    rejected with its row number and reason — a duplicate name in the file or
    on the roster with different data, a bad NIP, a missing instansi, an
    unknown role.  PINs are not set here: print PIN slips afterwards.
    """
    authorize(session, actor, Action.JUDGE_ADD, event=event)
    name, rows = read_roster(path)
    outcomes: list[RosterOutcome] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}

    def reject(row: int, who: str, message_id: str, **params: Any) -> None:
        outcomes.append(RosterOutcome(row, who, "rejected"))
        problems.append(RowProblem(name, (row,), message_id, params))

    for number, values, unreadable in rows:
        who = _clean(values.get("name"))
        if unreadable:
            col, msg = sorted(unreadable.items())[0]
            reject(number, who, msg, column=col)
            continue
        role_word = _roster_key(values.get("role", ""))
        role = _ROLE_WORDS.get(role_word)
        if role is None:
            reject(number, who, "roster.bad_role", role=values.get("role", ""))
            continue
        key = who.casefold()
        if key and key in seen:
            reject(number, who, "roster.duplicate_in_file", name=who, first=seen[key])
            continue
        if key:
            seen[key] = number
        existing = session.scalar(
            select(User).where(User.event_id == event.id, func.lower(User.name) == key)
        ) if key else None
        if existing is not None:
            try:
                same = (existing.nip == _check_nip(values.get("nip"))
                        and existing.instansi == _clean(values.get("instansi"))
                        and existing.unit_kerja == _clean(values.get("unit_kerja"))
                        and existing.role == role)
            except ValidationError:
                same = False
            if same:
                outcomes.append(RosterOutcome(number, existing.name, "unchanged", existing.id))
            else:
                reject(number, who, "roster.exists_different", name=existing.name)
            continue
        try:
            with session.begin_nested():
                user = add_judge(session, event, name=values.get("name", ""), instansi=values.get("instansi", ""),
                                 unit_kerja=values.get("unit_kerja", ""), nip=values.get("nip"), role=role,
                                 actor=actor)
        except (ValidationError, ConflictError) as exc:
            reject(number, who, exc.message_id, **exc.params)
            continue
        outcomes.append(RosterOutcome(number, user.name, "added", user.id))
    return RosterImport(name, tuple(outcomes), tuple(problems))
