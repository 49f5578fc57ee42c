"""The package export dialog and a sheet the secretariat unlocked: the unlock travels signed by the CA."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from exchange_world import CA_PASS, SCORES, World, passphrase
from oaoi_desktop.services import sheets
from oaoi_desktop.services.exchange import packages
from oaoi_desktop.store import models
from oaoi_desktop.ui.exchange.packages import PackageExportDialog
from support.builders import ACTOR


def test_an_unlocked_sheet_needs_the_ca_passphrase_in_the_export_dialog(qtbot, world: World,  # type: ignore[no-untyped-def]
                                                                         tmp_path: Path) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    assert world.merge(world.bundle_from(ani, "Ani")).ok
    with world.sec.write() as s:
        sheets.unlock_sheet(s, s.scalar(select(models.ScoreSheet)), ACTOR, "Komentar perlu diperbaiki")
    dialog = PackageExportDialog(world.sec, actor=ACTOR, event_id=world.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_folder(tmp_path / "stick")
    qtbot.keyClicks(dialog.passphrase, passphrase("Ani"))
    qtbot.keyClicks(dialog.repeat, passphrase("Ani"))
    job = dialog.start_export()
    assert job is not None
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30_000)
    assert "CA" in dialog.message.text()
    assert not list((tmp_path / "stick").rglob(packages.HEADER))
    qtbot.keyClicks(dialog.ca_passphrase, CA_PASS)
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = blocker.args[0].out_dir
    unlocks = packages.open_package(out, passphrase("Ani")).manifest["unlocks"]
    assert len(json.loads(unlocks["payload"])["unlocks"]) == 1 and dialog.ca_passphrase.text() == ""


def test_the_merge_dialog_names_a_final_sheet_a_bundle_tried_to_change(qtbot, world: World) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.store.models import SheetStatus
    from oaoi_desktop.ui.exchange.bundles import BundleImportDialog, MergeColumn
    from support.builders import KIPP_CRITERIA

    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-002", {c: 5 for c in KIPP_CRITERIA})
    assert world.merge(world.bundle_from(ani, "Ani", world.root / "b1")).ok
    with ani.write() as s:  # reopened by editing the laptop's database
        sheet = s.scalar(select(models.ScoreSheet))
        sheet.status, sheet.submitted_at = SheetStatus.DRAFT, None
    world.score_on(ani, "Ani", "KIPP-002", {c: 7 for c in KIPP_CRITERIA})
    bundle = world.bundle_from(ani, "Ani", world.root / "b2")
    dialog = BundleImportDialog(world.sec, actor=ACTOR, event_id=world.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths([bundle])
    with qtbot.waitSignal(dialog.merge_finished, timeout=30_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    details = dialog.report_model.index(0, MergeColumn.DETAILS).data()
    assert "KIPP-002" in details and "tidak boleh mengubahnya" in details
    assert dialog.conflicts_button.isEnabled()
