"""Judge bundles in the GUI: a signed-in judge exports; the secretariat merges and sees each file's result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from exchange_world import SCORES, World, passphrase
from oaoi_desktop.services import auth
from oaoi_desktop.services.exchange import packages
from oaoi_desktop.store import models
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.exchange.bundles import BundleExportDialog, BundleImportDialog, MergeColumn
from oaoi_desktop.ui.main_window import MainWindow
from support.builders import ACTOR
from support.ui_session import sign_in_secretariat


def test_a_signed_in_judge_exports_their_bundle_from_the_file_menu(qtbot, db: Database, settings,  # type: ignore[no-untyped-def]
                                                                    world: World, tmp_path: Path) -> None:
    packages.import_package(db, world.export_package("Ani"), passphrase("Ani"))
    world.laptops["ani-gui"] = db  # the laptop: the window's own database
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    hook = window.extensions["exchange"]
    assert not hook.export_bundle_action.isEnabled()
    assert hook.import_bundles_action in window.secretariat_only_actions
    with db.write() as s:
        signed = auth.sign_in(s, world.event_id, world.judges["Ani"], "246810")
    with db.write() as s:
        from oaoi_desktop.services import accounts, events, judging

        ev = events.get_event(s, world.event_id)
        judging.declare_integrity(s, ev, accounts.find_judge(s, ev, "Ani"))
    world.score_on(db, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    window.judge_hook.show_workspace(signed)
    assert hook.export_bundle_action.isEnabled() and not hook.import_bundles_action.isEnabled()
    hook.export_bundle_action.trigger()
    dialog = hook.dialog
    assert isinstance(dialog, BundleExportDialog)
    dialog.set_folder(tmp_path / "stick")
    qtbot.keyClicks(dialog.passphrase, "salah-sekali-ini")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result is None and "Ani" in dialog.message.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase("Ani"))
    with qtbot.waitSignal(dialog.bundle_written):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result is not None and dialog.result.path.is_file() and dialog.result.sheets == 1
    assert str(dialog.result.path) in dialog.message.text()
    dialog.close()
    window.judge_hook.close_workspace()
    assert not hook.export_bundle_action.isEnabled()


def test_the_secretariat_merges_bundles_and_sees_each_result(qtbot, qtmodeltester, world: World,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-002", SCORES["Ani"]["KIPP-002"])
    good = world.bundle_from(ani, "Ani")
    bad = tmp_path / "rusak.oaoi-bundle"
    bad.write_bytes(good.read_bytes()[:300])
    dialog = BundleImportDialog(world.sec, actor=ACTOR, event_id=world.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.merge_button.isEnabled() and not dialog.conflicts_button.isEnabled()
    dialog.add_paths([good.parent, bad])
    assert dialog.paths() == [good, bad]
    with qtbot.waitSignal(dialog.merge_finished, timeout=30_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(dialog.report_model)
    model = dialog.report_model
    assert model.rowCount() == 2
    assert model.index(0, MergeColumn.RESULT).data() == "Digabung"
    assert model.index(0, MergeColumn.JUDGE).data() == "Ani"
    assert model.index(1, MergeColumn.RESULT).data() == "Ditolak"
    assert str(bad) in model.index(1, MergeColumn.DETAILS).data()
    assert "1" in dialog.summary.text()
    with world.sec.read() as s:
        assert s.scalar(select(models.ScoreSheet)).source == "bundle"
    assert dialog.paths() == []


def test_conflicts_open_from_the_merge_dialog(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    dialog = BundleImportDialog(conflicted.sec, actor=ACTOR, event_id=conflicted.event_id)
    qtbot.addWidget(dialog)
    assert dialog.conflicts_button.isEnabled() and "1" in dialog.conflicts_button.text()
    child = dialog.open_conflicts()
    assert child is not None and child.list_model.rowCount() == 1
    child.close()


def test_the_event_menu_opens_the_secretariats_exchange_dialogs(qtbot, conflicted: World, settings) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui.exchange.conflicts import ConflictResolutionDialog
    from oaoi_desktop.ui.exchange.packages import PackageExportDialog

    window = MainWindow(conflicted.sec, settings)
    qtbot.addWidget(window)
    window.show()
    hook = window.extensions["exchange"]
    assert not hook.conflicts_action.isEnabled()  # nobody signed in: nothing of the secretariat
    sign_in_secretariat(qtbot, window)
    assert {hook.export_package_action, hook.import_bundles_action, hook.conflicts_action} <= set(
        window.event_menu.actions())
    hook.conflicts_action.trigger()
    assert isinstance(hook.dialog, ConflictResolutionDialog) and hook.dialog.list_model.rowCount() == 1
    hook.dialog.close()
    hook.import_bundles_action.trigger()
    assert isinstance(hook.dialog, BundleImportDialog) and hook.dialog.conflicts_button.isEnabled()
    hook.dialog.close()
    hook.export_package_action.trigger()
    assert isinstance(hook.dialog, PackageExportDialog) and hook.dialog.judge_combo.count() == 2
    hook.dialog.close()
