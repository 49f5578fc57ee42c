"""Signing in: secrets, lockout after five wrong tries, reset, PIN slips, recovery codes."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import accounts, auth
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, Role
from support import judging_builders as jb
from support.builders import ACTOR


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    jb.judge(db, eid, "Ani Lestari", secret="246813")
    return eid


def attempt(db: Database, eid: str | None, name: str, secret: str):
    """One sign-in in its own unit of work, as the GUI does it."""
    with db.write() as s:
        return auth.sign_in(s, eid, name, secret)


def user(db: Database, eid: str | None, name: str) -> SimpleNamespace:
    """The stored account, as plain values."""
    with db.read() as s:
        u = auth.find_account(s, eid, name)
        return SimpleNamespace(id=u.id, locked=u.locked, failed_attempts=u.failed_attempts,
                               credential_hash=u.credential_hash, recovery_hash=u.recovery_hash)


@pytest.mark.no_secretariat
def test_first_run_asks_for_the_secretariat_then_never_again(db: Database) -> None:
    with db.read() as s:
        assert auth.needs_secretariat_setup(s)
    with db.write() as s:
        created, code = auth.setup_secretariat(s, name="Sekretariat KIPP", secret="rahasia-sekretariat-1")
        assert created.role == Role.SECRETARIAT and created.credential_hash.startswith("scrypt$")
        assert re.fullmatch(r"([A-HJ-NP-Z2-9]{4}-){3}[A-HJ-NP-Z2-9]{4}", code)
    with db.write() as s:
        assert not auth.needs_secretariat_setup(s)
        with pytest.raises(ConflictError) as info:
            auth.setup_secretariat(s, name="Penyusup", secret="rahasia-sekretariat-2")
    assert info.value.message_id == "auth.setup_done"
    signed = attempt(db, None, "sekretariat kipp", "rahasia-sekretariat-1")
    assert signed.is_secretariat and signed.event_id is None


def test_a_judge_signs_in_with_the_event_and_their_name_or_id(db: Database, ev: str) -> None:
    signed = attempt(db, ev, "Ani Lestari", "246813")
    assert (signed.name, signed.role, str(signed.event_id)) == ("Ani Lestari", Role.MEMBER, ev)
    assert attempt(db, ev, str(signed.user_id), "246813").user_id == signed.user_id
    assert signed.actor == Actor("Ani Lestari", signed.user_id)
    with db.read() as s:
        names = [n for _, n, _ in auth.sign_in_names(s, ev)]
    assert names == ["Ani Lestari", ACTOR.name]  # the event's judges, then the secretariat


def test_unknown_name_and_missing_pin_are_clear_errors(db: Database, ev: str) -> None:
    with pytest.raises(auth.SignInError) as info:
        attempt(db, ev, "Budi", "246813")
    assert "Budi" in info.value.render("id")
    jb.judge(db, ev, "Citra")
    with pytest.raises(auth.SignInError) as info:
        attempt(db, ev, "Citra", "246813")
    assert info.value.message_id == "auth.no_secret"
    assert "slip PIN" in info.value.render("id")


def test_wrong_pin_counts_down_and_the_count_survives_the_rollback(db: Database, ev: str) -> None:
    for remaining in (4, 3):
        with pytest.raises(auth.SignInError) as info:
            attempt(db, ev, "Ani Lestari", "0000")
        assert info.value.remaining == remaining
        assert f"Sisa percobaan: {remaining}" in info.value.render("id")
    assert user(db, ev, "Ani Lestari").failed_attempts == 2
    attempt(db, ev, "Ani Lestari", "246813")
    assert user(db, ev, "Ani Lestari").failed_attempts == 0


def test_five_wrong_tries_lock_the_account_even_for_the_right_pin(db: Database, ev: str) -> None:
    for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(auth.SignInError):
            attempt(db, ev, "Ani Lestari", "1111")
    with pytest.raises(auth.SignInError) as info:
        attempt(db, ev, "Ani Lestari", "1111")
    assert info.value.message_id == "auth.locked_now" and info.value.locked
    assert "kode pemulihan" in info.value.render("id")
    with pytest.raises(auth.SignInError) as info:
        attempt(db, ev, "Ani Lestari", "246813")
    assert info.value.message_id == "auth.locked"
    locked = user(db, ev, "Ani Lestari")
    assert locked.locked and locked.failed_attempts == 5
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "user.locked")).all()
        assert [e.entity_id for e in entries] == [str(locked.id)]
        assert entries[0].chain == ev and verify_chain(s, ev, actor=ACTOR).ok


def lock(db: Database, eid: str, name: str) -> None:
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        with pytest.raises(auth.SignInError):
            attempt(db, eid, name, "9999")


def test_secretariat_reset_unlocks_and_sets_a_new_pin(db: Database, ev: str) -> None:
    lock(db, ev, "Ani Lestari")
    with db.write() as s:
        boss = accounts.add_secretariat(s, name="Sekretariat", secret="rahasia-sekretariat-1", actor=ACTOR)
        actor = Actor(boss.name, boss.id)
        code = auth.reset_credentials(s, auth.find_account(s, ev, "Ani Lestari"), actor, new_secret="135792")
    assert len(auth.normalise_recovery_code(code)) == 16
    with pytest.raises(auth.SignInError):
        attempt(db, ev, "Ani Lestari", "246813")  # the old PIN is gone
    assert attempt(db, ev, "Ani Lestari", "135792").name == "Ani Lestari"
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "user.credentials_reset")).one()
        assert entry.actor == "Sekretariat" and entry.before["locked"] is True and entry.after["locked"] is False


def test_only_the_secretariat_may_reset_or_issue_pins(db: Database, ev: str) -> None:
    jb.judge(db, ev, "Budi", secret="527394")
    with db.write() as s:
        _, budi = jb.who(s, ev, "Budi")
        target = auth.find_account(s, ev, "Ani Lestari")
        with pytest.raises(PermissionDeniedError) as info:
            auth.reset_credentials(s, target, Actor(budi.name, budi.id))
        assert info.value.message_id == "policy.secretariat_only"
        with pytest.raises(PermissionDeniedError):
            auth.issue_pin_slip(s, target, Actor(budi.name, budi.id))


def test_pin_slip_gives_a_six_digit_pin_and_stores_only_hashes(db: Database, ev: str) -> None:
    lock(db, ev, "Ani Lestari")
    with db.write() as s:
        slip = auth.issue_pin_slip(s, auth.find_account(s, ev, "Ani Lestari"), ACTOR)
    pin, code = slip
    assert re.fullmatch(r"\d{6}", pin)
    stored = user(db, ev, "Ani Lestari")
    assert not stored.locked and stored.failed_attempts == 0
    assert pin not in stored.credential_hash and auth.normalise_recovery_code(code) not in stored.recovery_hash
    assert stored.recovery_hash.startswith("scrypt$")
    assert attempt(db, ev, "Ani Lestari", pin).name == "Ani Lestari"


def test_recovery_code_unlocks_once_and_a_new_one_is_issued(db: Database, ev: str) -> None:
    with db.write() as s:
        _, code = auth.issue_pin_slip(s, auth.find_account(s, ev, "Ani Lestari"), ACTOR)
    lock(db, ev, "Ani Lestari")
    typed = code.lower().replace("-", " ")  # as a tired judge types it
    with db.write() as s:
        next_code = auth.recover_with_code(s, auth.find_account(s, ev, "Ani Lestari"), typed, "sandi-baru-2026")
    assert next_code != code
    assert attempt(db, ev, "Ani Lestari", "sandi-baru-2026").name == "Ani Lestari"
    lock(db, ev, "Ani Lestari")
    with db.write() as s, pytest.raises(auth.SignInError) as info:
        auth.recover_with_code(s, auth.find_account(s, ev, "Ani Lestari"), code, "sandi-lagi-2026")
    assert info.value.message_id == "auth.bad_recovery_code"
    assert user(db, ev, "Ani Lestari").locked
    with db.write() as s:
        auth.recover_with_code(s, auth.find_account(s, ev, "Ani Lestari"), next_code, "sandi-lagi-2026")
    assert attempt(db, ev, "Ani Lestari", "sandi-lagi-2026").name == "Ani Lestari"
    with db.read() as s:
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "user.recovered_with_code")).all()) == 2


def test_recovery_refuses_a_weak_new_pin(db: Database, ev: str) -> None:
    with db.write() as s:
        _, code = auth.issue_pin_slip(s, auth.find_account(s, ev, "Ani Lestari"), ACTOR)
    with db.write() as s, pytest.raises(ValidationError):
        auth.recover_with_code(s, auth.find_account(s, ev, "Ani Lestari"), code, "12")
    with db.write() as s:  # the code was not used up by the refused attempt
        auth.recover_with_code(s, auth.find_account(s, ev, "Ani Lestari"), code, "864209")
