"""The Tools menu actions of the trust area, driven as a person would."""

from __future__ import annotations

import pytest

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from oaoi_desktop import config
from oaoi_desktop.services import audit_verify
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.main_window import MainWindow
from tests.support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform
from support.ui_session import sign_in_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


def _hook(window: MainWindow):  # noqa: ANN202
    from oaoi_desktop.ui.trust.hook import TrustHook

    return next(h for h in window.children() if isinstance(h, TrustHook))


def _event(db) -> str:  # noqa: ANN001
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani"])
    add_dossier(db, event_id, "P-001")
    score(db, event_id, "Ani", "P-001", uniform(KIPP_CRITERIA, 8))
    return event_id


def _trigger(window: MainWindow, name: str) -> None:
    action = next(a for a in window.tools_menu.actions() if a.objectName() == name)
    assert action in window.secretariat_only_actions
    action.trigger()


def test_the_tools_menu_has_the_three_actions_in_indonesian(main_window):
    names = {a.objectName(): a.text() for a in main_window.tools_menu.actions()}
    assert names["action_trust_verify"] == "&Verifikasi log audit\u2026"
    assert names["action_trust_backup"] == "&Cadangkan basis data\u2026"
    assert names["action_trust_restore"] == "&Pulihkan dari cadangan\u2026"


def test_verify_shows_intact_then_the_edited_score(qtbot, db, main_window, recording_dialogs):
    _event(db)
    hook = _hook(main_window)
    with qtbot.waitSignal(hook.verified, timeout=20_000):
        _trigger(main_window, "action_trust_verify")
    assert recording_dialogs.messages[-1]["kind"] is MessageKind.INFORMATION
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE scores SET value_milli = 10000 WHERE criterion_id = 'kebaruan'"))
    with qtbot.waitSignal(hook.verified, timeout=20_000) as blocker:
        _trigger(main_window, "action_trust_verify")
    assert recording_dialogs.messages[-1]["kind"] is MessageKind.WARNING
    assert not all(r.ok for r in blocker.args[0])


def test_backup_then_restore_through_the_menu(qtbot, db, main_window, recording_dialogs, tmp_path):
    event_id = _event(db)
    hook = _hook(main_window)
    archive = tmp_path / "cadangan.zip"
    with qtbot.waitSignal(hook.backed_up, timeout=20_000):
        hook.backup_to(archive)
    assert archive.is_file()
    assert recording_dialogs.messages[-1]["title"] == "Cadangan ditulis"
    score(db, event_id, "Ani", "P-001", uniform(KIPP_CRITERIA, 8))  # resave: a change after the backup
    with db.read() as s:
        changed = audit_verify.chain_head(s, event_id)
    box = hook.confirm_restore(archive)
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(hook.restored, timeout=20_000):
        recording_dialogs.last_on_finished(QMessageBox.StandardButton.Yes)
    with db.read() as s:
        assert audit_verify.chain_head(s, event_id).seq < changed.seq
    assert list(config.backup_dir().glob("*pre-restore.sqlite"))


def test_a_damaged_archive_is_refused_with_a_message(qtbot, db, main_window, recording_dialogs, tmp_path):
    _event(db)
    hook = _hook(main_window)
    bad = tmp_path / "rusak.zip"
    bad.write_bytes(b"PK\x03\x04 bukan arsip")
    before = Path(db.sqlite_path).read_bytes()
    with qtbot.waitSignal(hook.failed, timeout=20_000) as blocker:
        hook.restore_from(bad)
    assert "rusak.zip" in blocker.args[0]
    assert recording_dialogs.messages[-1]["kind"] is MessageKind.ERROR
    assert Path(db.sqlite_path).read_bytes() == before


def test_the_timer_backs_up_only_after_a_change(qtbot, db, settings, recording_dialogs):
    settings.set_value(registry.AUTO_BACKUP_MINUTES, 5)
    settings.set_value(registry.AUTO_BACKUP_KEEP, 2)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    hook = _hook(window)
    assert hook.timer.isActive() and hook.timer.interval() == 5 * 60_000
    task = hook.auto_backup()
    task.wait()
    qtbot.wait(50)
    assert not list(config.backup_dir().glob("*-auto.sqlite"))
    _event(db)
    for _ in range(3):
        score(db, *_again(db))
        with qtbot.waitSignal(hook.auto_backed_up, timeout=20_000):
            hook.auto_backup()
    assert len(list(config.backup_dir().glob("*-auto.sqlite"))) == 2
    hook.shutdown()


def _again(db):  # noqa: ANN001, ANN202 - resave the draft of Ani (a change each time)
    with db.read() as s:
        event_id = s.execute(text("SELECT id FROM events")).scalar_one()
    import uuid

    return str(uuid.UUID(str(event_id))), "Ani", "P-001", uniform(KIPP_CRITERIA, 7)
