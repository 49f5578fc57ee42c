"""Accounts: the secretariat and the judges (Penilai, Ketua) of an event.

Secrets (PIN or passphrase) are stored only as scrypt hashes.  Judges belong
to one event's roster; a secretariat account is global.  Names are unique
within a roster, so ``--judge`` may be an id or the exact name.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.store.models import Event, Role, User

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
MIN_SECRET_LENGTH = 4
NIP_PATTERN = re.compile(r"^\d{18}$")


# -- secrets -----------------------------------------------------------------
def hash_secret(secret: str, *, n: int = SCRYPT_N) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64) of a PIN or passphrase."""
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
    if len(secret.strip()) < MIN_SECRET_LENGTH:
        raise ValidationError("accounts.secret_too_short", min=MIN_SECRET_LENGTH)


# -- helpers -----------------------------------------------------------------
def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def _check_name(name: str) -> str:
    name = _clean(name)
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
        "has_secret": bool(user.credential_hash),
    }


# -- secretariat ---------------------------------------------------------------
def add_secretariat(
    session: Session, *, name: str, secret: str, actor: Actor, nip: str | None = None,
    instansi: str = "", unit_kerja: str = "",
) -> User:
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
        instansi=_clean(instansi),
        unit_kerja=_clean(unit_kerja),
        role=Role.SECRETARIAT,
        credential_hash=hash_secret(secret),
    )
    session.add(user)
    session.flush()
    append(session, actor=actor, action="user.created", entity_type="user",
           entity_id=user.id, after=user_snapshot(user))
    return user


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
    if not role.is_judge:
        raise ValidationError("accounts.not_a_judge_role", role=role.value)
    name = _check_name(name)
    instansi = _clean(instansi)
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
        unit_kerja=_clean(unit_kerja),
        role=role,
        credential_hash=hash_secret(secret) if secret else "",
    )
    session.add(user)
    session.flush()
    append(session, actor=actor, action="judge.added", event_id=event.id,
           entity_type="user", entity_id=user.id, after=user_snapshot(user))
    return user


def judges(session: Session, event: Event) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .where(User.event_id == event.id, User.role.in_([Role.CHAIR, Role.MEMBER]))
            .order_by(User.name)
        )
    )


def find_judge(session: Session, event: Event, ref: str) -> User:
    """A judge of ``event`` by id or exact name (case-insensitive)."""
    ref = (ref or "").strip()
    user: User | None = None
    try:
        user = session.get(User, uuid.UUID(ref))
    except ValueError:
        user = None
    if user is None or user.event_id != event.id:
        user = session.scalar(
            select(User).where(User.event_id == event.id, func.lower(User.name) == ref.lower())
        )
    if user is None or not user.role.is_judge:
        raise NotFoundError("accounts.judge_not_found", judge=ref, event=event.name)
    return user
