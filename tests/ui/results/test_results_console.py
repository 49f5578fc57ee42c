"""console_tabs() and the Event menu's finalise / reopen actions in the real main window."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from oaoi_desktop.services import events
from oaoi_desktop.store.models import AuditEntry, EventStatus
from oaoi_desktop.ui import language
from oaoi_desktop.ui.results import console_tabs
from oaoi_desktop.ui.results.agreement_view import AgreementView
from oaoi_desktop.ui.results.audit_view import AuditLogView
from oaoi_desktop.ui.results.ranking_view import Col, RankingView
from results_helpers import issue_minutes  # type: ignore[import-not-found]
from support.ui_session import sign_in_secretariat
from support.builders import ACTOR


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


def test_console_tabs_are_the_three_views_with_titles(qtbot, db, small_event) -> None:
    tabs = console_tabs(db, small_event, actor=ACTOR)
    for w in tabs:
        qtbot.addWidget(w)
    assert [type(w) for w in tabs] == [RankingView, AgreementView, AuditLogView]
    assert [w.windowTitle() for w in tabs] == ["Peringkat", "Kesepakatan penilai", "Log audit"]
    for w in tabs:
        w.refresh()
    language.install_language("en")
    assert [w.windowTitle() for w in tabs] == ["Ranking", "Agreement", "Audit log"]


def test_finalise_and_reopen_from_the_event_menu(qtbot, main_window, db, small_event, recording_dialogs,
                                                   tmp_path) -> None:
    hook = main_window.extensions["results"]
    assert hook.finalise_action in main_window.secretariat_only_actions
    assert hook.finalise_action in main_window.event_menu.actions()
    assert hook.finalise_action.text() == "&Finalisasi kegiatan\u2026"

    dialog = hook.open_dialog(reopen=False, event_id=small_event)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "Berita Acara" in dialog.state_label.text()
    dialog.close()

    issue_minutes(db, small_event)
    dialog = hook.open_dialog(reopen=False, event_id=small_event)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # issued, but not yet shown to be signed (no signed PDF chosen)
    assert dialog.pdf_label.text() == "Belum ada PDF yang dipilih."
    # a "signed" PDF that is no signed Berita Acara at all: refused with the file named, nothing changes
    chooser = dialog.choose_pdf_button
    assert chooser.isEnabled()
    not_signed = tmp_path / "berita-acara.pdf"
    not_signed.write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    dialog.set_signed_pdf(not_signed)
    assert ok.isEnabled() and dialog.pdf_label.text() == str(not_signed)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert recording_dialogs.messages and str(not_signed) in recording_dialogs.messages[-1]["text"]
    with db.read() as s:
        assert events.get_event(s, small_event).status is not EventStatus.FINALISED
    qtbot.mouseClick(dialog.paper_choice, Qt.MouseButton.LeftButton)
    assert ok.isEnabled() and not chooser.isEnabled()
    with qtbot.waitSignal(hook.event_finalised):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert events.get_event(s, small_event).status is EventStatus.FINALISED

    dialog = hook.open_dialog(reopen=True, event_id=small_event)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "Koreksi nilai setelah sidang pleno")
    assert ok.isEnabled()
    with qtbot.waitSignal(hook.event_reopened):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert events.get_event(s, small_event).status is EventStatus.DRAFT
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "event.reopened"))
        assert entry.after["reason"] == "Koreksi nilai setelah sidang pleno"


def test_the_views_cope_with_an_event_without_scores(qtbot, db) -> None:
    from support.builders import add_dossier, add_judges, make_event

    eid = make_event(db, name="Kegiatan kosong")
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-1")
    tabs = console_tabs(db, eid, actor=ACTOR)
    for w in tabs:
        qtbot.addWidget(w)
        w.resize(1000, 600)
        w.show()
    ranking, agreement_view, audit = tabs
    assert ranking.row_texts(Col.NUMBER) == ["P-1"] and ranking.row_texts(Col.RESULT) == ["belum dinilai"]
    assert agreement_view.report is not None and agreement_view.report.n_sheets == 0
    assert len(agreement_view.distribution_chart.series()) == 1
    assert audit.model.total >= 3
