"""Signing in: the dialog, lockout with the tries left, the recovery code,
the first-run secretariat account, and the File menu that leads to the workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from oaoi_desktop import app
from oaoi_desktop.services import accounts, auth
from oaoi_desktop.services.auth import SignedIn
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Role
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.judge.first_run import SecretariatSetupDialog, offer_secretariat_setup
from oaoi_desktop.ui.judge.paper_forms import PaperFormsPanel
from oaoi_desktop.ui.judge.sign_in import SignInDialog
from oaoi_desktop.ui.judge.workspace import JudgeWorkspace
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.settings import Settings
from support import judging_builders as jb
from support.builders import ACTOR

from judge_panel import PINS, Panel  # type: ignore[import-not-found]
from support.builders import ensure_secretariat
from support.ui_session import sign_in_secretariat


@pytest.fixture
def dialog(qtbot, panel: Panel, settings: Settings) -> SignInDialog:  # type: ignore[no-untyped-def]
    d = SignInDialog(panel.db, settings)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.select(event_id=panel.event_id, name="Ani Lestari")
    return d


def type_secret(qtbot, d: SignInDialog, secret: str) -> None:  # type: ignore[no-untyped-def]
    d.secret.clear()
    QTest.keyClicks(d.secret, secret)
    QTest.keyClick(d.secret, Qt.Key.Key_Return)


def test_the_dialog_offers_the_events_judges_and_the_secretariat(qtbot, panel: Panel, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    with panel.db.write() as s:
        accounts.add_secretariat(s, name="Sekretariat KIPP", secret="739415", actor=ACTOR)
    d = SignInDialog(panel.db, settings)
    qtbot.addWidget(d)
    assert d.windowTitle() == "Masuk"
    assert d.event_combo.currentText() == "KIPP Kota Medan 2026 \u2014 Penilaian Proposal"
    names = [d.name_combo.itemText(i) for i in range(d.name_combo.count())]
    # the event's judges, then every secretariat account (the tests' own one too)
    assert names == ["Ani Lestari", "Budi Santoso", "Sekretariat KIPP (sekretariat)", "test:secretariat (sekretariat)"]
    assert d.secret.echoMode() == d.secret.EchoMode.Password
    for widget in (d.event_combo, d.name_combo, d.secret, d.sign_in_button, d.recovery_button):
        assert widget.accessibleName(), widget.objectName()


def test_the_right_pin_signs_in_and_the_event_is_remembered(qtbot, dialog: SignInDialog, panel: Panel,  # type: ignore[no-untyped-def]
                                                           settings: Settings) -> None:
    with qtbot.waitSignal(dialog.signed_in) as signal:
        type_secret(qtbot, dialog, PINS["Ani Lestari"])
    signed = signal.args[0]
    assert isinstance(signed, SignedIn)
    assert signed.name == "Ani Lestari" and signed.role == Role.MEMBER and str(signed.event_id) == panel.event_id
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.value(registry.JUDGE_LAST_EVENT) == panel.event_id


def test_wrong_pins_count_down_then_lock_even_the_right_pin_out(qtbot, dialog: SignInDialog, panel: Panel) -> None:  # type: ignore[no-untyped-def]
    for left in (4, 3, 2, 1):
        type_secret(qtbot, dialog, "000000")
        assert dialog.message.text() == f"PIN atau frasa sandi salah. Sisa percobaan: {left}."
        assert dialog.message.isVisible() and dialog.secret.text() == ""
    with qtbot.waitSignal(dialog.account_locked):
        type_secret(qtbot, dialog, "000000")
    assert "akun dikunci" in dialog.message.text() and "kode pemulihan" in dialog.message.text()
    assert dialog.recovery_button.hasFocus()
    # locked: the right PIN no longer opens it (the count survived each failed unit of work)
    QTest.keyClicks(dialog.secret, PINS["Ani Lestari"])
    with qtbot.assertNotEmitted(dialog.signed_in):
        dialog.sign_in_button.click()
    assert dialog.message.text().startswith("Akun 'Ani Lestari' terkunci.")
    with panel.db.read() as s:
        user = auth.find_account(s, panel.event_id, "Ani Lestari")
        assert user.locked and user.failed_attempts == 5


def test_the_recovery_code_unlocks_sets_a_new_pin_and_shows_the_next_code_once(  # type: ignore[no-untyped-def]
        qtbot, dialog: SignInDialog, panel: Panel) -> None:
    ensure_secretariat(panel.db)  # the secretariat who prints the slip is a real account
    with panel.db.write() as s:
        user = auth.find_account(s, panel.event_id, "Ani Lestari")
        slip = auth.issue_pin_slip(s, user, ACTOR)
    for _ in range(5):
        type_secret(qtbot, dialog, "000000")
    QTest.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == SignInDialog.RECOVERY and dialog.code.hasFocus()

    QTest.keyClicks(dialog.code, "AAAA-BBBB-CCCC-DDDD")
    QTest.keyClicks(dialog.new_secret, "864209")
    QTest.keyClicks(dialog.repeat_secret, "864209")
    dialog.unlock_button.click()
    assert dialog.recovery_message.text() == "Kode pemulihan tidak cocok atau sudah pernah dipakai."

    dialog.code.clear()
    QTest.keyClicks(dialog.code, slip.recovery_code.lower().replace("-", " "))
    dialog.repeat_secret.clear()
    QTest.keyClicks(dialog.repeat_secret, "864210")
    dialog.unlock_button.click()
    assert dialog.recovery_message.text() == "Kedua PIN baru tidak sama."

    dialog.repeat_secret.clear()
    QTest.keyClicks(dialog.repeat_secret, "864209")
    with qtbot.assertNotEmitted(dialog.signed_in):
        dialog.unlock_button.click()
    assert dialog.pages.currentIndex() == SignInDialog.NEW_CODE
    new_code = dialog.new_code.text()
    assert len(new_code) == 19 and new_code != slip.recovery_code
    with qtbot.waitSignal(dialog.signed_in) as signal:
        dialog.continue_button.click()
    assert signal.args[0].name == "Ani Lestari"
    assert dialog.new_code.text() == ""  # shown once
    with panel.db.write() as s:  # the new PIN works, the used code does not
        assert auth.sign_in(s, panel.event_id, "Ani Lestari", "864209").name == "Ani Lestari"
        user = auth.find_account(s, panel.event_id, "Ani Lestari")
        assert not user.locked
        with pytest.raises(auth.SignInError):
            auth.recover_with_code(s, user, slip.recovery_code, "135792")


def test_first_run_creates_the_secretariat_and_shows_its_code_once(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    created: list[str] = []
    d = offer_secretariat_setup(db, on_created=lambda: created.append("refresh"))
    assert isinstance(d, SecretariatSetupDialog)
    qtbot.addWidget(d)
    assert d.isVisible() and d.windowTitle() == "Buat akun sekretariat"
    QTest.keyClicks(d.name, "Sekretariat KIPP Medan")
    QTest.keyClicks(d.secret, "246813")
    QTest.keyClicks(d.repeat, "246814")
    d.create_button.click()
    assert d.message.text() == "Kedua PIN tidak sama."
    QTest.keyClicks(d.repeat, "246813")
    with qtbot.waitSignal(d.account_created):
        d.create_button.click()
    assert created == ["refresh"]
    code = d.code.text()
    assert d.pages.currentIndex() == SecretariatSetupDialog.CODE and len(code) == 19
    assert not d.done_button.isEnabled()
    d.noted.click()
    d.done_button.click()
    with db.write() as s:
        assert not auth.needs_secretariat_setup(s)
        signed = auth.sign_in(s, None, "Sekretariat KIPP Medan", "246813")
        assert signed.is_secretariat
        user = auth.find_account(s, None, "Sekretariat KIPP Medan")
        auth.recover_with_code(s, user, code, "135792")  # the code shown is the account's
    assert offer_secretariat_setup(db) is None  # asked only while there is none


def test_the_app_asks_for_the_secretariat_on_first_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def run(_app: QApplication) -> int:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        [setup] = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, SecretariatSetupDialog) and w.isVisible()]
        seen.append(setup.heading.text())
        assert setup.parentWidget() is window
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", run)
    assert app.main(["--db", str(tmp_path / "first.sqlite")]) == 0
    assert seen == ["Buat akun sekretariat"]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SecretariatSetupDialog) and w.isVisible()]


def test_file_menu_signs_a_judge_in_to_the_workspace_and_out_again(  # type: ignore[no-untyped-def]
        qtbot, panel: Panel, settings: Settings) -> None:
    panel.declare()
    window = MainWindow(panel.db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    action = window.judge_hook.action
    assert action.text() == "Masuk sebagai &penilai\u2026"
    assert action in window.file_menu.actions()
    assert window.file_menu.actions().index(action) < window.file_menu.actions().index(window.quit_action)

    action.trigger()
    dialog = next(w for w in window.findChildren(SignInDialog) if w.isVisible())
    dialog.select(event_id=panel.event_id, name="Ani Lestari")
    QTest.keyClicks(dialog.secret, PINS["Ani Lestari"])
    with qtbot.waitSignal(window.judge_hook.workspace_shown):
        QTest.keyClick(dialog.secret, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert isinstance(page, JudgeWorkspace) and page.model.rowCount() == 3
    window.refresh()  # F5 keeps the judge's page
    assert window.stack.currentWidget() is page
    with qtbot.waitSignal(window.judge_hook.workspace_closed):
        page.sign_out_button.click()
    assert window.gate_stack.currentWidget() is window.sign_in_page  # signed out: the sign-in page again


def test_the_secretariat_gets_the_paper_forms_page(qtbot, panel: Panel, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    with panel.db.write() as s:
        accounts.add_secretariat(s, name="Sekretariat KIPP", secret="739415", actor=ACTOR)
    window = MainWindow(panel.db, settings)
    qtbot.addWidget(window)
    with panel.db.write() as s:
        signed = auth.sign_in(s, panel.event_id, "Sekretariat KIPP", "739415")
    page = window.judge_hook.show_workspace(signed)
    assert isinstance(page, PaperFormsPanel) and window.stack.currentWidget() is page
    assert page.judge_combo.count() == 3  # every judge, Ani, Budi


def test_a_judge_of_another_event_is_not_offered(qtbot, panel: Panel, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    other = jb.event(panel.db, name="Kompetisi Inovasi OPD 2026")
    jb.judge(panel.db, other, "Citra Dewi", instansi="Bappeda", secret="582614")
    d = SignInDialog(panel.db, settings)
    qtbot.addWidget(d)
    d.select(event_id=panel.event_id)
    names = [d.name_combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(d.name_combo.count())]
    assert "Citra Dewi" not in names
    d.select(event_id=other)
    assert [d.name_combo.itemText(i) for i in range(d.name_combo.count())] == [
        "Citra Dewi", "test:secretariat (sekretariat)"]


def test_a_signed_in_judge_cannot_reach_the_secretariat_tools(qtbot, panel: Panel, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(panel.db, settings)
    qtbot.addWidget(window)
    window.show()
    sign_in_secretariat(qtbot, window)
    assert window.import_action.isEnabled() and window.browse_action.isEnabled() and window.acceptDrops()
    with panel.db.write() as s:
        signed = auth.sign_in(s, panel.event_id, "Ani Lestari", PINS["Ani Lestari"])
    page = window.judge_hook.show_workspace(signed)  # the secretariat hands the laptop over
    assert isinstance(page, JudgeWorkspace)
    assert window.judge_signed_in()
    assert not window.import_action.isEnabled()
    assert not window.browse_action.isEnabled()
    assert not window.demo_action.isEnabled()
    assert not window.acceptDrops()
    with qtbot.waitSignal(window.judge_hook.workspace_closed):
        page.sign_out_button.click()
    # back to the locked start: the secretariat signs in again before anything of theirs works
    assert window.gate_stack.currentWidget() is window.sign_in_page and window.access.person is None
    assert not window.import_action.isEnabled() and not window.browse_action.isEnabled()
    assert not window.acceptDrops()
