"""Access rules at the service layer, and secrets that never leak.

* a judge cannot read another judge's draft;
* a judge cannot score a dossier they are not assigned to, nor one they are
  recused from or declared a conflict on;
* a judge cannot edit a sheet after submitting it;
* only the secretariat unlocks a sheet;
* five wrong PINs lock the account;
* PINs, recovery codes, passphrases and private keys never appear in the
  logs, the exports, the audit log or a backup.
"""

from __future__ import annotations

import logging
import zipfile

import pytest
from sqlalchemy import select, text

from oaoi_desktop.errors import ConflictError, OaoiError, PermissionDeniedError
from oaoi_desktop.services import accounts, audit_verify, auth, backups, dossiers, events, exports, judging, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.models import AuditEntry, Role, SheetStatus
from tests.support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, uniform

PIN_ANI = "Ani-zq7!pin-4821"
PIN_BUDI = "Budi-xv9!pin-7733"
PIN_SEKRE = "Sekre-kk3!pin-5150"


@pytest.fixture
def panel(db):
    event_id = make_event(db)
    with db.write() as s:
        event = events.get_event(s, event_id)
        for name, pin in (("Ani", PIN_ANI), ("Budi", PIN_BUDI)):
            accounts.add_judge(s, event, name=name, instansi="Universitas Sumatera Utara", role=Role.MEMBER,
                               secret=pin, actor=ACTOR)
        accounts.add_secretariat(s, name="Sekretariat", secret=PIN_SEKRE, actor=ACTOR)
    for n in ("P-001", "P-002", "P-003"):
        add_dossier(db, event_id, n, instansi="Pemerintah Kota Medan")
    with db.write() as s:
        event = events.get_event(s, event_id)
        from oaoi_desktop.services import assignments

        for name in ("Ani", "Budi"):
            judge = accounts.find_judge(s, event, name)
            judging.declare_integrity(s, event, judge)
            for n in ("P-001", "P-002"):
                assignments.assign(s, event, dossiers.get_dossier(s, event, n), judge, actor=ACTOR)
    return event_id


def ctx(s, event_id, name):  # noqa: ANN001, ANN201
    event = events.get_event(s, event_id)
    return event, accounts.find_judge(s, event, name)


def test_a_judge_cannot_read_another_judges_draft(db, panel):
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        judging.record_score(s, event, ani, "P-001", "kebaruan", 9, comment="draf Ani")
    with db.read() as s:
        event, budi = ctx(s, panel, "Budi")
        state = judging.sheet_state(s, event, budi, "P-001")
        assert state.values == {} and state.comments == {}
        assert all(item.scored == 0 for item in judging.judge_queue(s, event, budi))
        # a dossier Budi is not assigned to: not even readable
        with pytest.raises(PermissionDeniedError):
            judging.sheet_state(s, event, budi, "P-003")
        with pytest.raises(PermissionDeniedError):
            judging.open_dossier_for_judge(s, event, budi, "P-003")


def test_a_judge_cannot_score_an_unassigned_dossier(db, panel):
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        with pytest.raises(PermissionDeniedError) as info:
            judging.record_score(s, event, ani, "P-003", "kebaruan", 8)
        assert info.value.message_id == "judging.not_assigned"
        with pytest.raises(PermissionDeniedError):
            sheets.save_sheet_unchecked(s, event, ani, dossiers.get_dossier(s, event, "P-003"), values={"kebaruan": 8},
                              actor=Actor(ani.name, ani.id))


def test_a_judge_cannot_score_a_dossier_they_are_recused_from_or_declared_a_conflict_on(db, panel):
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        judging.declare_conflict(s, event, ani, "P-002", reason="kerabat pengusul")
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        with pytest.raises(PermissionDeniedError) as info:
            judging.record_score(s, event, ani, "P-002", "kebaruan", 8)
        assert info.value.message_id == "judging.conflict_declared"
        ani.instansi = "Pemerintah Kota Medan"  # Ani moves to the agency that submitted P-001: recused now
        s.flush()
        with pytest.raises(PermissionDeniedError) as info:
            judging.record_score(s, event, ani, "P-001", "kebaruan", 8)
        assert info.value.message_id == "judging.recused"
        for number in ("P-001", "P-002"):  # the sheets service refuses too, whoever calls it
            with pytest.raises(PermissionDeniedError):
                sheets.save_sheet_unchecked(s, event, ani, dossiers.get_dossier(s, event, number), values={"kebaruan": 8},
                                  actor=Actor(ani.name, ani.id))


def _submit(db, event_id, name, number):  # noqa: ANN001, ANN202
    with db.write() as s:
        event, judge = ctx(s, event_id, name)
        for c in KIPP_CRITERIA:
            judging.record_score(s, event, judge, number, c, 8)
        judging.submit_sheet(s, event, judge, number)


def test_a_judge_cannot_edit_after_submitting(db, panel):
    _submit(db, panel, "Ani", "P-001")
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        with pytest.raises(ConflictError):
            judging.record_score(s, event, ani, "P-001", "kebaruan", 3)
        with pytest.raises(ConflictError):
            judging.record_comment(s, event, ani, "P-001", "kebaruan", "ubah")
        with pytest.raises(ConflictError):
            judging.submit_sheet(s, event, ani, "P-001")
        d = dossiers.get_dossier(s, event, "P-001")
        stage = events.event_rubric(s, event).first_stage
        with pytest.raises(ConflictError):
            sheets.save_sheet_unchecked(s, event, ani, d, values={"kebaruan": 3}, actor=Actor(ani.name, ani.id))
        with pytest.raises(ConflictError):
            sheets.set_score_unchecked(s, event, ani, d, stage, "kebaruan", 3, actor=Actor(ani.name, ani.id))
    with db.read() as s:
        assert audit_verify.verify_event(s, panel, actor=ACTOR).ok


def test_only_the_secretariat_unlocks(db, panel):
    _submit(db, panel, "Ani", "P-001")
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        _, budi = ctx(s, panel, "Budi")
        sheet = sheets.get_sheet(s, dossiers.get_dossier(s, event, "P-001"), ani, "proposal", actor=ACTOR)
        for judge in (ani, budi):
            with pytest.raises(PermissionDeniedError) as info:
                sheets.unlock_sheet(s, sheet, Actor(judge.name, judge.id), "saya mau ubah")
            assert info.value.message_id == "policy.secretariat_only"
        assert sheet.status == SheetStatus.LOCKED
        secretariat = auth.find_account(s, None, "Sekretariat")
        sheets.unlock_sheet(s, sheet, Actor(secretariat.name, secretariat.id), "salah ketik")
        assert sheet.status == SheetStatus.DRAFT


def test_five_wrong_pins_lock_the_account(db, panel):
    for attempt in range(1, 6):
        with db.write() as s:
            with pytest.raises(auth.SignInError) as info:
                auth.sign_in(s, panel, "Ani", "salah-pin-0000")
        assert info.value.message_id == ("auth.locked_now" if attempt == 5 else "auth.wrong_secret")
    with db.write() as s:
        with pytest.raises(auth.SignInError) as info:
            auth.sign_in(s, panel, "Ani", PIN_ANI)  # the right PIN no longer helps
        assert info.value.message_id == "auth.locked"
        assert auth.sign_in(s, panel, "Budi", PIN_BUDI).name == "Budi"  # others are not affected


def test_secrets_never_reach_logs_exports_the_audit_log_or_backups(db, panel, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    passphrase_ca = "CA-passphrase-Qw8!zz-long"
    passphrase_judge = "Judge-passphrase-Lm3!yy-long"
    secrets = [PIN_ANI, PIN_BUDI, PIN_SEKRE, passphrase_ca, passphrase_judge]
    with db.write() as s:
        for wrong in ("salah-1", PIN_BUDI):  # a wrong PIN that is someone else's
            with pytest.raises(OaoiError):
                auth.sign_in(s, panel, "Ani", wrong)
    with db.write() as s:
        event, ani = ctx(s, panel, "Ani")
        slip = auth.issue_pin_slip(s, ani, ACTOR)
        code = auth.reset_credentials(s, ani, ACTOR, new_secret=PIN_ANI + "-baru")
        secrets += [slip.pin, slip.recovery_code, code, PIN_ANI + "-baru"]
    from oaoi_desktop.services import keys

    with db.write() as s:
        event, budi = ctx(s, panel, "Budi")
        keys.create_authority(s, event.id, passphrase_ca, ACTOR)
        keys.issue_judge_certificate(s, event.id, budi.id, passphrase_ca, passphrase_judge, ACTOR)
    _submit(db, panel, "Budi", "P-001")

    export_xlsx = tmp_path / "hasil.xlsx"
    export_log = tmp_path / "audit.jsonl"
    with db.read() as s:
        event = events.get_event(s, panel)
        exports.write_xlsx(s, event, export_xlsx, actor=ACTOR)
        audit_verify.export_event(s, panel, export_log, actor=ACTOR)
        audit_text = "\n".join(str(e.before) + str(e.after) + e.actor for e in s.scalars(select(AuditEntry)))
    archive = backups.create_backup(db, tmp_path / "cadangan.zip", actor=ACTOR).path
    with zipfile.ZipFile(archive) as zf:
        database_bytes = zf.read("database.sqlite")
    with zipfile.ZipFile(export_xlsx) as zf:
        xlsx_text = b"".join(zf.read(n) for n in zf.namelist())
    places = {
        "logs": caplog.text.encode(), "audit log": audit_text.encode(), "audit export": export_log.read_bytes(),
        "xlsx export": xlsx_text, "backup": database_bytes,
    }
    for secret in secrets:
        for where, data in places.items():
            assert secret.encode() not in data, f"a secret is in the {where}"
    for where, data in places.items():
        assert b"BEGIN PRIVATE KEY" not in data and b"BEGIN EC PRIVATE KEY" not in data, where
    with db.read() as s:
        rows = s.execute(text("SELECT credential_hash, recovery_hash FROM users")).all()
    assert all(r[0] not in secrets for r in rows)
