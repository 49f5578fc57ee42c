"""Kegiatan ▸ Penilaian tersamar… (issue 14): the judges' reports of a visible identity and the
event's own term list, for the secretariat."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from oaoi_desktop.services import blind, events, judging
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.ui.results.blind_review import BlindReviewDialog
from support import judging_builders as jb
from support.builders import ACTOR


def _event(db) -> str:  # type: ignore[no-untyped-def]
    eid = jb.event(db, blind=True)
    jb.judge(db, eid, "Fajar", instansi="KemenPAN-RB")
    jb.dossier(db, eid, "B-1", instansi="Pemerintah Kota Medan",
               content={"format_version": 1, "id": "B-1", "title": "Inovasi",
                        "sections": [{"key": "ringkasan", "title": "Ringkasan",
                                      "text": "Loket di Jalan Gatot Subroto buka pukul tujuh."}]})
    jb.assign(db, eid, "Fajar", "B-1")
    jb.declare(db, eid, "Fajar")
    with db.write() as s:
        event, j = jb.who(s, eid, "Fajar")
        blind.report_leak(s, event, j, "B-1", "Jalan Gatot Subroto", where="Ringkasan", actor=Actor(j.name, j.id))
    return eid


def test_reports_are_listed_and_a_reported_term_is_hidden_once_saved(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db)
    dialog = BlindReviewDialog(db, ACTOR, event_id=eid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Penilaian tersamar"
    assert dialog.reports.rowCount() == 1
    assert [dialog.reports.item(0, c).text() for c in (1, 2, 3, 4)] == ["B-1", "Fajar", "Jalan Gatot Subroto",
                                                                         "Ringkasan"]
    assert dialog.reports.item(0, 0).text().endswith("WIB")
    assert dialog.reports.horizontalHeaderItem(2).text() == "Penilai"
    assert not dialog.add_button.isEnabled()
    dialog.reports.selectRow(0)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.terms.toPlainText() == "Jalan Gatot Subroto"
    assert "Belum disimpan" in dialog.status.text()
    with qtbot.waitSignal(dialog.terms_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [1] and "1 istilah" in dialog.status.text()
    with db.write() as s:
        event, j = jb.who(s, eid, "Fajar")
        assert blind.event_blind_terms(event) == ["Jalan Gatot Subroto"]
        opened = judging.open_dossier_for_judge(s, event, j, "B-1")
    assert opened.sections[0].text == "Loket di [disamarkan] buka pukul tujuh."


def test_a_bad_term_is_refused_in_the_dialog(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db)
    dialog = BlindReviewDialog(db, ACTOR, event_id=eid)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.terms, "PP")
    assert dialog.save() is None
    assert "'PP'" in dialog.status.text()
    with db.read() as s:
        assert blind.event_blind_terms(events.get_event(s, eid)) == []


def test_the_event_menu_opens_it_for_the_secretariat(qtbot, secretariat_window, db) -> None:  # type: ignore[no-untyped-def]
    _event(db)
    from PySide6.QtGui import QAction

    action = secretariat_window.findChild(QAction, "action_blind_review")
    assert action is not None and action.isEnabled() and action.text() == "Penilaian &tersamar\u2026"
    action.trigger()
    dialog = secretariat_window.findChild(BlindReviewDialog)
    assert dialog is not None and dialog.isVisible() and dialog.reports.rowCount() == 1
    dialog.close()
