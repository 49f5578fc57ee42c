"""Panel packages in the GUI: the import flow hands a package over; the judge's laptop is set up."""

from __future__ import annotations

import pytest

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from exchange_world import World, passphrase
from oaoi_desktop.services import auth
from oaoi_desktop.store import models
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.exchange.packages import PackageExportDialog, PackageImportDialog
from oaoi_desktop.ui.importing import ImportDialog, open_import_dialog
from support.builders import ACTOR
from support.ui_session import sign_in_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


def test_the_import_flow_hands_a_panel_package_over(qtbot, main_window, db: Database,  # type: ignore[no-untyped-def]
                                                    world: World) -> None:
    package = world.export_package("Ani")
    dialog = main_window.start_import([package])
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PackageImportDialog)
    assert dialog.path() == package and dialog.isVisible()
    qtbot.waitExposed(dialog)
    assert not dialog.import_button.isEnabled()
    # a wrong passphrase: told so, nothing set up
    qtbot.keyClicks(dialog.passphrase, "bukan-frasa-sandinya")
    with qtbot.waitSignal(dialog.import_failed, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Frasa sandi salah" in dialog.message.text()
    with db.read() as s:
        assert s.scalars(select(models.Event)).all() == []
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase("Ani"))
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert "Ani" in dialog.message.text() and "PIN" in dialog.message.text()
    assert not dialog.import_button.isEnabled() and dialog.passphrase.text() == ""
    assert main_window.stack.currentWidget() is main_window.events_page  # the window read the database again
    with db.write() as s:
        signed = auth.sign_in(s, world.event_id, world.judges["Ani"], "246810")
    assert signed.is_judge


def test_choosing_a_package_in_the_usb_import_dialog_hands_it_over(qtbot, db: Database,  # type: ignore[no-untyped-def]
                                                                   world: World) -> None:
    package = world.export_package("Budi")
    usb = ImportDialog(db, actor=ACTOR)
    qtbot.addWidget(usb)
    usb.add_paths([package])
    assert usb.paths() == []
    handed = [w for w in usb.findChildren(PackageImportDialog)]
    assert len(handed) == 1 and handed[0].path() == package
    handed[0].close()


def test_ordinary_dossier_folders_still_go_to_the_import_dialog(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "proposal"
    folder.mkdir()
    dialog = open_import_dialog(db, None, paths=[folder], actor=ACTOR)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ImportDialog) and dialog.paths() == [folder]


def test_the_secretariat_exports_a_package(qtbot, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PackageExportDialog(world.sec, actor=ACTOR, event_id=world.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.judge_combo.itemText(i) for i in range(dialog.judge_combo.count())] == ["Ani", "Budi"]
    dialog.judge_combo.setCurrentIndex(1)
    dialog.set_folder(tmp_path / "stick")
    assert not dialog.export_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, passphrase("Budi"))
    qtbot.keyClicks(dialog.repeat, passphrase("Budi"))
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result.judge_name == "Budi" and (result.out_dir / "oaoi-package.json").is_file()
    assert result.out_dir.parent == tmp_path / "stick" and "Budi" not in result.out_dir.name
    assert str(result.out_dir) in dialog.message.text()
