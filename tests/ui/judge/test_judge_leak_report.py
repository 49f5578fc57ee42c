"""Blind mode (issue 14): the judge's "Laporkan identitas terlihat" in the workspace, and the
derived terms (the region of the instansi) masked in what the judge reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from oaoi_desktop.services import blind, events
from oaoi_desktop.ui.judge.leak_report import LeakReportDialog
from support.builders import ACTOR

from judge_panel import Panel  # type: ignore[import-not-found]


def test_a_judge_reports_a_visible_identity_and_the_secretariat_sees_it(  # type: ignore[no-untyped-def]
        qtbot, blind_panel: Panel, open_workspace) -> None:
    blind_panel.declare()
    ws = open_workspace(blind_panel.session())
    assert ws.leak_button.isVisible() and not ws.leak_button.isEnabled()  # nothing open yet
    assert ws.leak_button.text() == "Laporkan &identitas terlihat\u2026"
    ws.open_dossier(blind_panel.numbers["P-1"])
    assert ws.current is not None and "Medan" not in ws.current.title  # "SIPANDU Medan" -> derived term masked
    assert ws.leak_button.isEnabled()
    qtbot.mouseClick(ws.leak_button, Qt.MouseButton.LeftButton)
    dialog = ws.findChild(LeakReportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Laporkan identitas terlihat"
    assert not dialog.report_button.isEnabled()  # nothing written yet
    QTest.keyClicks(dialog.text, "Jalan Gatot Subroto 11")
    QTest.keyClicks(dialog.where, "Ringkasan")
    with qtbot.waitSignal(dialog.leak_reported, timeout=3000) as sent:
        qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    assert sent.args == [str(blind_panel.numbers["P-1"])]
    with blind_panel.db.read() as s:
        (report,) = blind.leak_reports(s, events.get_event(s, blind_panel.event_id), actor=ACTOR)
    assert (report.dossier_number, report.judge, report.text, report.where) == (
        "P-1", "Ani Lestari", "Jalan Gatot Subroto 11", "Ringkasan")


def test_an_empty_report_is_refused_in_the_dialog(qtbot, blind_panel: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    blind_panel.declare()
    ws = open_workspace(blind_panel.session())
    ws.open_dossier(blind_panel.numbers["P-2"])
    dialog = ws.report_leak()
    assert isinstance(dialog, LeakReportDialog)
    QTest.keyClicks(dialog.text, "   ")
    assert not dialog.report_button.isEnabled()
    assert not dialog.report()  # a direct call is refused by the service, shown in the dialog
    assert "Tuliskan kata" in dialog.message.text()


def test_without_blind_mode_there_is_no_report_button(qtbot, panel: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    panel.declare()
    ws = open_workspace(panel.session())
    ws.open_dossier(panel.numbers["P-1"])
    assert not ws.leak_button.isVisible()
