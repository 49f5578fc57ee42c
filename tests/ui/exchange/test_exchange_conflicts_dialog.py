"""The sheet-conflict dialog: both versions side by side, keep A or B with a mandatory reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from exchange_world import World
from oaoi_desktop.store import models
from oaoi_desktop.ui.exchange.conflicts import CompareColumn, ConflictResolutionDialog, DIFFERS_ROLE
from support.builders import ACTOR, KIPP_CRITERIA


def _dialog(qtbot, world: World) -> ConflictResolutionDialog:  # type: ignore[no-untyped-def]
    dialog = ConflictResolutionDialog(world.sec, world.event_id, actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_models_pass_the_model_tester(qtbot, qtmodeltester, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, conflicted)
    qtmodeltester.check(dialog.list_model)
    qtmodeltester.check(dialog.compare_model)


def test_both_versions_are_shown_side_by_side(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, conflicted)
    assert dialog.list_model.rowCount() == 1
    assert dialog.list_model.index(0, 0).data() == "KIPP-001 \u2014 Ani"
    model = dialog.compare_model
    assert model.rowCount() == len(KIPP_CRITERIA)
    assert model.index(0, CompareColumn.CRITERION).data() == "Latar Belakang dan Tujuan"
    assert {model.index(r, CompareColumn.A_VALUE).data() for r in range(model.rowCount())} == {"8"}
    assert {model.index(r, CompareColumn.B_VALUE).data() for r in range(model.rowCount())} == {"6"}
    assert model.index(0, CompareColumn.B_COMMENT).data() == "dinilai ulang di laptop kedua"
    assert all(model.index(r, 0).data(DIFFERS_ROLE) for r in range(model.rowCount()))
    assert "Total 80,00" in dialog.a_label.text() and "Total 60,00" in dialog.b_label.text()
    assert "KIPP-001" in dialog.title.text() and "Ani" in dialog.title.text()


def test_a_reason_is_required_before_resolving(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, conflicted)
    assert not dialog.resolve_button.isEnabled()
    qtbot.mouseClick(dialog.keep_a, Qt.MouseButton.LeftButton)
    assert dialog.keep_a.isChecked()
    assert not dialog.resolve_button.isEnabled()
    assert "alasan" in dialog.message.text().lower()
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.resolve_button.isEnabled()
    assert dialog.resolve() is False
    with conflicted.sec.read() as s:
        assert s.scalar(select(models.SheetConflict)).resolved_at is None


def test_keeping_b_with_a_reason_resolves_and_is_audited(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, conflicted)
    qtbot.mouseClick(dialog.keep_b, Qt.MouseButton.LeftButton)
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Juri memastikan laptop kedua berisi nilai akhir")
    assert dialog.resolve_button.isEnabled()
    with qtbot.waitSignal(dialog.conflict_resolved):
        qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    assert dialog.list_model.rowCount() == 0
    assert "B" in dialog.message.text() and "KIPP-001" in dialog.message.text()
    assert not dialog.resolve_button.isEnabled()
    with conflicted.sec.read() as s:
        conflict = s.scalar(select(models.SheetConflict))
        assert conflict.resolution == "incoming" and conflict.reason.startswith("Juri memastikan")
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == "KIPP-001"))
        assert {x.value_milli for x in sheet.scores} == {6000}
        entry = s.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "sheet.conflict_resolved")).one()
        assert entry.after["kept"] == "incoming"


def test_keeping_a_leaves_the_stored_sheet(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, conflicted)
    qtbot.mouseClick(dialog.keep_a, Qt.MouseButton.LeftButton)
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Laptop pertama adalah laptop resmi")
    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    with conflicted.sec.read() as s:
        assert s.scalar(select(models.SheetConflict)).resolution == "stored"
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == "KIPP-001"))
        assert {x.value_milli for x in sheet.scores} == {8000}


def test_english_labels(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui import language

    dialog = _dialog(qtbot, conflicted)
    qtbot.mouseClick(dialog.keep_b, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reason, "alasan")
    language.install_language("en")
    assert dialog.keep_a.text() == "Keep &A (stored here)"
    assert dialog.keep_b.isChecked() and dialog.reason.toPlainText() == "alasan"  # switching keeps the decision
    assert "stored on this laptop" in dialog.a_label.text()
    assert dialog.compare_model.headerData(CompareColumn.B_VALUE, Qt.Orientation.Horizontal) == "B: score"
    language.install_language("id")
    assert dialog.keep_a.text() != "Keep &A (stored here)"


def test_the_conflicts_action_finds_the_event_with_open_conflicts(qtbot, conflicted: World) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.services.exchange.bundles import event_with_most_open_conflicts

    with conflicted.sec.read() as s:
        assert str(event_with_most_open_conflicts(s, actor=ACTOR)) == str(conflicted.event_id)
    dialog = _dialog(qtbot, conflicted)
    qtbot.mouseClick(dialog.keep_a, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reason, "Nilai di laptop pertama yang disepakati")
    assert dialog.resolve() is True
    with conflicted.sec.read() as s:
        assert event_with_most_open_conflicts(s, actor=ACTOR) is None
