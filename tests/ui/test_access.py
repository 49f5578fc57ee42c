"""Who may use the window (issue 12): the secretariat signs in before any secretariat action, the
first run creates the first account (never the wizard), a judge's sign-out leaves nothing of the
secretariat enabled, the idle lock and Ctrl+L hide the content until the same PIN is typed again,
and every GUI action is recorded in the audit log as the signed-in person and this device."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from oaoi_desktop import app, config
from oaoi_desktop.services import accounts, auth, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, PanelPackage, Role
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.judge.first_run import SecretariatSetupDialog
from oaoi_desktop.ui.judge.sign_in import SignInDialog
from oaoi_desktop.ui.judge.workspace import JudgeWorkspace
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from oaoi_desktop.ui.secretariat.wizard import EventWizard
from oaoi_desktop.ui.settings import Settings
from support.builders import ACTOR, TEST_SECRETARIAT_PIN, add_dossier, ensure_secretariat, make_event

sys.path.insert(0, str(Path(__file__).parent / "judge"))
from judge_panel import PINS, build_panel  # type: ignore[import-not-found]  # noqa: E402

from support.ui_session import sign_in_secretariat  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier


def secretariat_actions(window: MainWindow) -> list:  # type: ignore[type-arg]
    hook = window.extensions["secretariat"]
    return [window.import_action, window.browse_action, hook.new_event_action, hook.console_action,
            *window.secretariat_only_actions]


def nothing_of_the_secretariat(window: MainWindow) -> None:
    """The locked start: the sign-in page in front, no secretariat action, no drops, no console."""
    assert window.gate_stack.currentWidget() is window.sign_in_page
    assert not window.stack.isVisible()
    assert [a.objectName() for a in secretariat_actions(window) if a.isEnabled()] == []
    assert not window.acceptDrops()
    assert not window.tool_bar.isVisible()
    assert window.access.person is None
    with pytest.raises(Exception, match="sekretariat"):
        window.secretariat_actor()


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, key, modifiers)


def audit_entries(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)))
        s.expunge_all()
        return rows


# -- the first run -------------------------------------------------------------------------------
def test_app_start_with_no_account_opens_the_first_run_dialog_never_the_wizard(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def run(_app: QApplication) -> int:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        dialog = next(w for w in window.findChildren(SecretariatSetupDialog) if w.isVisible())
        seen["dialog_title"] = dialog.windowTitle()
        nothing_of_the_secretariat(window)
        seen["wizard_before"] = window.extensions["secretariat"].new_event_action.isEnabled()
        # Ctrl+N (the wizard) does nothing while nobody is signed in
        window.extensions["secretariat"].new_event_action.trigger()
        seen["wizards"] = [w for w in window.findChildren(EventWizard) if w.isVisible()]
        # the person creates the first account with the keyboard ...
        qtbot.keyClicks(dialog.name, "Rina Sekretariat")
        qtbot.keyClicks(dialog.secret, "482915")
        qtbot.keyClicks(dialog.repeat, "482915")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        seen["code"] = dialog.code.text()
        qtbot.mouseClick(dialog.noted, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
        # ... and is signed in as that account: the start page, the secretariat's actions
        seen["person"] = window.access.person
        seen["page"] = window.stack.currentWidget() is window.start_page and window.stack.isVisible()
        seen["console"] = window.extensions["secretariat"].console_action.isEnabled()
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(tmp_path / "fresh.sqlite")]) == 0
    assert seen["dialog_title"] == "Buat akun sekretariat"
    assert seen["wizard_before"] is False and seen["wizards"] == []
    assert len(str(seen["code"])) == 19
    person = seen["person"]
    assert person is not None and person.name == "Rina Sekretariat" and person.role == Role.SECRETARIAT  # type: ignore[attr-defined]
    assert seen["page"] is True and seen["console"] is True


def test_later_leaves_the_locked_start_with_the_first_run_button(
        qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = main_window.offer_first_run()
    assert isinstance(dialog, SecretariatSetupDialog)
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    nothing_of_the_secretariat(main_window)
    page = main_window.sign_in_page
    assert page.setup_card.isVisible() and not page.offers_secretariat()
    assert page.setup_button.text() == "&Buat akun sekretariat\u2026"
    qtbot.mouseClick(page.setup_button, Qt.MouseButton.LeftButton)
    again = next(w for w in main_window.findChildren(SecretariatSetupDialog) if w.isVisible())
    again.reject()


# -- signing in -------------------------------------------------------------------------------------
def test_the_sign_in_page_offers_every_secretariat_account_and_checks_the_pin(
        qtbot, db: Database, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ensure_secretariat(db)
    with db.write() as s:
        accounts.add_secretariat(s, name="Budi Sekretariat", secret="918273", actor=ACTOR)
    make_event(db)
    main_window.refresh()
    nothing_of_the_secretariat(main_window)
    page = main_window.sign_in_page
    assert page.offers_secretariat() and not page.setup_card.isVisible()
    assert [page.name_combo.itemText(i) for i in range(page.name_combo.count())] == [
        "Budi Sekretariat", ACTOR.name]
    # Ctrl+K (the console) and Ctrl+I (import) do nothing before signing in
    press(qtbot, main_window, Qt.Key.Key_K)
    press(qtbot, main_window, Qt.Key.Key_I)
    assert main_window.findChildren(SecretariatConsole) == [] and main_window.import_dialog is None
    # a file dropped on the window is refused
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(Path(db.display_name).parent))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(drop)
    assert main_window.import_dialog is None
    # a wrong PIN is refused with the tries left, and counts
    page.select(ACTOR.name)
    qtbot.keyClicks(page.secret, "000000")
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    assert page.message.text() == "PIN atau frasa sandi salah. Sisa percobaan: 4."
    assert main_window.access.person is None and page.secret.text() == ""
    sign_in_secretariat(qtbot, main_window)
    assert main_window.person_label.text() == f"Masuk: {ACTOR.name} (sekretariat)"
    assert all(a.isEnabled() for a in secretariat_actions(main_window))
    assert main_window.acceptDrops() and main_window.tool_bar.isVisible()
    press(qtbot, main_window, Qt.Key.Key_K)
    assert isinstance(main_window.stack.currentWidget(), SecretariatConsole)


def test_a_judges_laptop_offers_no_secretariat_sign_in(
        qtbot, db: Database, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    panel = build_panel(db)
    ensure_secretariat(db)  # written into the file by hand: still a judge's laptop
    with db.write() as s:
        s.add(PanelPackage(event_id=uuid.UUID(panel.event_id), package_id=uuid.uuid4(), direction="imported",
                           judge_id=auth.find_account(s, panel.event_id, "Ani Lestari").id, generation=1))
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.sign_in_page
    assert page.is_judge_seat() and not page.offers_secretariat() and not page.setup_card.isVisibleTo(page)
    assert window.offer_first_run() is None
    dialog = window.judge_hook.start_sign_in()
    dialog.select(event_id=panel.event_id)
    names = [dialog.name_combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(dialog.name_combo.count())]
    assert names == ["Ani Lestari", "Budi Santoso"]
    dialog.reject()
    with db.write() as s:
        signed = auth.sign_in(s, None, str(ACTOR.user_id), TEST_SECRETARIAT_PIN)
    with pytest.raises(Exception, match="laptop penilai"):
        window.access.sign_in(signed)
    assert window.access.person is None


# -- every action names the person ----------------------------------------------------------------
def test_a_console_action_is_recorded_as_the_signed_in_person_and_device(
        qtbot, db: Database, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = secretariat_window
    event_id = make_event(db)
    with db.write() as s:
        accounts.add_judge(s, events.get_event(s, event_id), name="Ani Lestari", instansi="Universitas Sumatera Utara",
                           role=Role.CHAIR, actor=ACTOR)
    add_dossier(db, event_id, "P-1")
    press(qtbot, window, Qt.Key.Key_K)
    console = window.stack.currentWidget()
    assert isinstance(console, SecretariatConsole)
    table = console.matrix.table
    index = console.matrix.cell_index("P-1", "Ani Lestari")
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    [entry] = audit_entries(db, "assignment.added")
    assert entry.actor == ACTOR.name
    assert str(entry.actor_id) == str(ACTOR.user_id)
    assert str(entry.device_id) == str(config.device_id())
    assert not any(e.actor.startswith("gui:") for e in audit_entries(db, "assignment.added"))


# -- a judge's turn ----------------------------------------------------------------------------------
def test_after_a_judge_signs_out_nothing_of_the_secretariat_is_enabled(
        qtbot, db: Database, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = secretariat_window
    panel = build_panel(db)
    press(qtbot, window, Qt.Key.Key_K)
    assert isinstance(window.stack.currentWidget(), SecretariatConsole)
    # the secretariat hands the laptop to a judge: File ▸ Sign in as judge
    window.judge_hook.action.trigger()
    dialog = next(w for w in window.findChildren(SignInDialog) if w.isVisible())
    dialog.select(event_id=panel.event_id, name="Ani Lestari")
    qtbot.keyClicks(dialog.secret, PINS["Ani Lestari"])
    with qtbot.waitSignal(window.judge_hook.workspace_shown):
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert isinstance(page, JudgeWorkspace)
    assert window.access.person is not None and window.access.person.name == "Ani Lestari"
    assert [a.objectName() for a in secretariat_actions(window) if a.isEnabled()] == []
    assert window.findChildren(SecretariatConsole) == [] or not window.extensions["secretariat"].console
    with qtbot.waitSignal(window.judge_hook.workspace_closed):
        qtbot.mouseClick(page.sign_out_button, Qt.MouseButton.LeftButton)
    nothing_of_the_secretariat(window)
    press(qtbot, window, Qt.Key.Key_K)
    assert window.gate_stack.currentWidget() is window.sign_in_page


def test_sign_out_from_the_file_menu(qtbot, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = secretariat_window
    assert window.sign_out_action.text() == "&Keluar akun" and window.sign_out_action.isEnabled()
    assert window.sign_out_action in window.file_menu.actions()
    window.sign_out_action.trigger()
    nothing_of_the_secretariat(window)
    assert not window.sign_out_action.isEnabled() and not window.lock_action.isEnabled()


# -- the lock ------------------------------------------------------------------------------------------
def test_ctrl_l_locks_and_the_same_pin_unlocks_with_the_dialogs_kept(
        qtbot, db: Database, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = secretariat_window
    make_event(db)
    window.refresh()
    wizard = window.extensions["secretariat"].start_wizard()
    qtbot.keyClicks(wizard.event_page.name, "Kegiatan yang belum disimpan")
    assert wizard.isVisible()
    qtbot.keyClick(wizard.event_page.name, Qt.Key.Key_L, CTRL)  # Ctrl+L in a dialog locks too
    assert window.access.locked and window.gate_stack.currentWidget() is window.lock_screen
    assert not window.stack.isVisible() and not wizard.isVisible()
    assert window.lock_screen.who.text() == f"Masuk: {ACTOR.name} (sekretariat)"
    assert [a.objectName() for a in secretariat_actions(window) if a.isEnabled()] == []
    assert not window.menuBar().isEnabled()
    screen = window.lock_screen
    qtbot.keyClicks(screen.secret, "111111")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert screen.message.text() == "PIN atau frasa sandi salah. Sisa percobaan: 4."
    assert window.access.locked
    qtbot.keyClicks(screen.secret, TEST_SECRETARIAT_PIN)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert not window.access.locked and window.gate_stack.currentWidget() is window.stack
    assert wizard.isVisible() and wizard.event_page.name.text() == "Kegiatan yang belum disimpan"
    assert all(a.isEnabled() for a in secretariat_actions(window))
    wizard.reject()


def test_the_lock_screen_lets_someone_else_sign_in(qtbot, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = secretariat_window
    press(qtbot, window, Qt.Key.Key_L)
    assert window.access.locked
    assert window.lock_action.text() == "&Kunci jendela" and window.lock_action.shortcut().toString() == "Ctrl+L"
    qtbot.mouseClick(window.lock_screen.sign_out_button, Qt.MouseButton.LeftButton)
    nothing_of_the_secretariat(window)
    sign_in_secretariat(qtbot, window)


def test_idle_lock_after_the_configured_time(qtbot, db: Database, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    assert registry.IDLE_LOCK_MINUTES.default == 10
    settings.set_value(registry.IDLE_LOCK_MINUTES, 0.004)  # about a quarter of a second
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    sign_in_secretariat(qtbot, window)
    assert window.access.idle_timer.interval() == 240
    qtbot.waitUntil(lambda: window.access.locked, timeout=5000)
    assert window.gate_stack.currentWidget() is window.lock_screen
    assert [a.objectName() for a in secretariat_actions(window) if a.isEnabled()] == []
    # while locked the timer does not run; unlocking starts it again
    assert not window.access.idle_timer.isActive()
    qtbot.keyClicks(window.lock_screen.secret, TEST_SECRETARIAT_PIN)
    qtbot.keyClick(window.lock_screen.secret, Qt.Key.Key_Return)
    assert not window.access.locked and window.access.idle_timer.isActive()


def test_input_keeps_the_window_unlocked(qtbot, db: Database, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    settings.set_value(registry.IDLE_LOCK_MINUTES, 0.03)  # 1.8 s
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    sign_in_secretariat(qtbot, window)
    for _ in range(8):  # 2.4 s of moving the mouse: longer than the idle time, and never locked
        qtbot.wait(300)
        qtbot.mouseMove(window, QPoint(40, 40))
        qtbot.mouseMove(window, QPoint(60, 60))
        assert not window.access.locked
    qtbot.waitUntil(lambda: window.access.locked, timeout=10_000)


def test_locking_a_judge_saves_the_score_still_being_typed(
        qtbot, db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui.judge import score_inputs

    monkeypatch.setattr(score_inputs, "ENTRY_PAUSE_MS", 60_000)

    panel = build_panel(db)
    panel.declare("Ani Lestari")
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = window.judge_hook.show_workspace(panel.sign_in("Ani Lestari"))
    assert isinstance(page, JudgeWorkspace)
    assert page.open_dossier(panel.numbers["P-2"])
    field = page.form.editor_for("signifikansi").field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_1)  # "1" waits for a possible "0" ...
    assert field.pending == "1" and panel.values("Ani Lestari", "P-2") == {}
    qtbot.keyClick(field, Qt.Key.Key_L, CTRL)  # ... but locking (Ctrl+L) enters it at once
    assert window.access.locked and window.gate_stack.currentWidget() is window.lock_screen
    assert panel.values("Ani Lestari", "P-2") == {"signifikansi": 1}
    assert window.lock_screen.who.text() == "Masuk: Ani Lestari (ketua tim penilai)" or \
        window.lock_screen.who.text() == "Masuk: Ani Lestari (penilai)"
    qtbot.keyClicks(window.lock_screen.secret, PINS["Ani Lestari"])
    qtbot.keyClick(window.lock_screen.secret, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page and page.isVisible()


def test_the_sign_in_page_and_the_lock_screen_speak_english_after_switching(
        qtbot, secretariat_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = secretariat_window
    assert window.sign_in_page.title.text() == "Siapa yang memakai oaoi-desktop?"
    window.set_language("en")
    assert window.sign_in_page.title.text() == "Who is using oaoi-desktop?"
    assert window.lock_action.text() == "&Lock the window" and window.sign_out_action.text() == "Sign &out"
    window.lock_action.trigger()
    assert window.lock_screen.title.text() == "The window is locked"
    assert window.lock_screen.who.text() == f"Signed in: {ACTOR.name} (secretariat)"
    assert window.lock_screen.unlock_button.text() == "&Unlock"
