"""The judge workspace driven like a judge drives it: keys and clicks on the real
widgets, over a real temporary SQLite store built through the services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from sqlalchemy import select

from oaoi_desktop.errors import PermissionDeniedError
from oaoi_desktop.services import events, judging
from oaoi_desktop.services.judging import QueueStatus
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, IntegrityDeclaration
from oaoi_desktop.ui import language
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.judge.queue_model import QueueColumn, StatusFilter
from oaoi_desktop.ui.judge.score_inputs import ENTRY_PAUSE_MS
from oaoi_desktop.ui.judge.session import JudgeSession
from oaoi_desktop.ui.judge.workspace import JudgeWorkspace
from support import judging_builders as jb

from judge_panel import KIPP, PINS, Panel  # type: ignore[import-not-found]
from support.builders import ACTOR

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a person types it."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifier)


def type_text(text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClicks(widget, text)


def focused_criterion(ws: JudgeWorkspace) -> str | None:
    return ws.form.current_criterion()


def visible_texts(root: QWidget) -> str:
    """Every text a person can see in ``root``: labels, buttons, fields, table cells."""
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QPushButton) if w.isVisibleTo(root)]
    texts += [w.toPlainText() for w in root.findChildren(QPlainTextEdit) if w.isVisibleTo(root)]
    for table in root.findChildren(QTableView):
        model = table.model()
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                if not table.isColumnHidden(col):
                    texts.append(str(model.data(model.index(row, col)) or ""))
    return "\n".join(texts)


# -- the declaration gate ------------------------------------------------------------------
def test_nothing_is_shown_before_the_integrity_declaration(  # type: ignore[no-untyped-def]
        qtbot, panel: Panel, open_workspace) -> None:
    ws = open_workspace(panel.session())
    assert ws.pages.currentWidget() is ws.gate and ws.model.rowCount() == 0
    dialog = ws.integrity_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text() == "PAKTA INTEGRITAS DAN PERNYATAAN BEBAS KONFLIK KEPENTINGAN"
    assert "Ani Lestari" in dialog.text.toPlainText() and "KIPP Kota Medan 2026" in dialog.text.toPlainText()
    assert not dialog.agree_button.isEnabled()
    # the gate is the services', not only the GUI's
    with pytest.raises(PermissionDeniedError) as refused:
        panel.session().open_dossier(panel.numbers["P-1"])
    assert refused.value.message_id == "judging.integrity_required"

    dialog.reject()  # "Batal": the gate stays, with a way back to the statement
    assert ws.pages.currentWidget() is ws.gate
    dialog = ws.ask_integrity()
    dialog.confirm.click()
    assert dialog.agree_button.isEnabled()
    with qtbot.waitSignal(dialog.integrity_declared):
        dialog.agree_button.click()
    assert ws.pages.currentWidget() is ws.splitter
    assert [ws.model.item_at(r).number for r in range(ws.model.rowCount())] == ["P-1", "P-2", "P-3"]
    assert ws.progress.text() == "0 dari 3 terkirim"
    with panel.db.read() as s:
        [row] = s.scalars(select(IntegrityDeclaration)).all()
        assert row.statement_sha256 == dialog.statement.sha256
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "integrity.declared")) is not None


# -- queue ----------------------------------------------------------------------------------------
def test_queue_model_filters_as_you_type_and_by_status(  # type: ignore[no-untyped-def]
        qtbot, qtmodeltester, proxy_tester, declared: Panel, open_workspace) -> None:
    ws = open_workspace(declared.session())
    qtmodeltester.check(ws.model, force_py=True)
    proxy_tester.check(ws.proxy, force_py=True)
    header = [ws.model.headerData(c, Qt.Orientation.Horizontal) for c in QueueColumn]
    assert header == ["No.", "Inovasi", "Tahap", "Kategori", "Instansi", "Status", "Dinilai", "Total"]
    assert ws.model.data(ws.model.index(0, QueueColumn.STATUS)) == "Belum dinilai"
    assert ws.model.data(ws.model.index(0, QueueColumn.AGENCY)) == "Pemerintah Kota Medan"

    QTest.keyClicks(ws.search, "sekolah")
    assert ws.proxy.rowCount() == 1 and ws.proxy.index(0, QueueColumn.NUMBER).data() == "P-2"
    ws.search.clear()
    QTest.keyClicks(ws.search, "perizinan sumatera")  # kategori and title words
    assert [ws.proxy.index(r, 0).data() for r in range(ws.proxy.rowCount())] == ["P-3"]
    QTest.keyClicks(ws.search, " x")
    assert ws.proxy.rowCount() == 0 and ws.empty_label.isVisible()
    ws.search.clear()
    assert ws.proxy.rowCount() == 3 and not ws.empty_label.isVisible()

    ws.open_dossier(declared.numbers["P-2"])
    press(Qt.Key.Key_7)
    row = ws.model.row_of(declared.numbers["P-2"])
    assert ws.model.item_at(row).status == QueueStatus.DRAFT
    assert ws.model.data(ws.model.index(row, QueueColumn.TOTAL)) == "7,00"
    assert ws.model.data(ws.model.index(row, QueueColumn.SCORED)) == "1/7"
    ws.status_filter.setCurrentIndex(ws.status_filter.findData(StatusFilter.DRAFT.value))
    assert [ws.proxy.index(r, 0).data() for r in range(ws.proxy.rowCount())] == ["P-2"]
    ws.status_filter.setCurrentIndex(ws.status_filter.findData(StatusFilter.SUBMITTED.value))
    assert ws.proxy.rowCount() == 0


def test_recused_dossier_never_reaches_the_queue(qtbot, db: Database, declared: Panel, open_workspace,  # type: ignore[no-untyped-def]
                                                recording_dialogs) -> None:
    # Budi works for Pemerintah Kota Medan; P-5 names it by an alias the secretariat adds later
    jb.dossier(db, declared.event_id, "P-5", title="Kartu Sehat Pemko Medan", instansi="Pemko Medan")
    jb.assign(db, declared.event_id, "Budi Santoso", "P-5")
    with db.write() as s:
        event = events.get_event(s, declared.event_id)
        event.settings = {**(event.settings or {}), "aliases": {"Pemerintah Kota Medan": ["Pemko Medan"]}}
    ws = open_workspace(declared.session("Budi Santoso"))
    assert [ws.model.item_at(r).number for r in range(ws.model.rowCount())] == ["P-4"]
    QTest.keyClicks(ws.search, "P-5")
    assert ws.proxy.rowCount() == 0
    assert "P-5" not in visible_texts(ws)
    p5 = declared.session("Budi Santoso").queue()  # the services agree
    assert [it.number for it in p5] == ["P-4"]
    with db.read() as s:
        p5_id = jb.find_dossier(s, declared.event_id, "P-5").id
    assert not ws.open_dossier(p5_id)
    assert recording_dialogs.messages[-1]["text"].startswith("Anda tidak dapat menilai proposal P-5")


# -- scoring by keyboard --------------------------------------------------------------------------
def test_a_whole_dossier_is_scored_and_submitted_by_keyboard_alone(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace, recording_dialogs, answer) -> None:
    ws = open_workspace(declared.session())
    assert ws.table.hasFocus() and ws.content.currentWidget() is ws.placeholder
    press(Qt.Key.Key_Return)  # the first proposal of the queue
    assert ws.current is not None and ws.current.number == "P-1"
    assert focused_criterion(ws) == "latar_belakang"

    press(Qt.Key.Key_8)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_0)  # 0 means 10
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_9)
    press(Qt.Key.Key_Tab)
    type_text("10")  # two digits typed quickly
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_3)  # below 5: a comment is required
    editor = ws.form.editor_for("adaptabilitas")
    assert editor.comment_label.text().startswith("Komentar \u2014 wajib")
    press(Qt.Key.Key_Return)  # to the comment
    assert focused_criterion(ws) == "adaptabilitas" and editor.comment.hasFocus()
    type_text("Belum direplikasi di daerah lain.")
    press(Qt.Key.Key_Tab)
    assert focused_criterion(ws) == "sumber_daya"
    press(Qt.Key.Key_7)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_1)  # could still become 10: Enter ends it
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)  # nothing pending: to the comment
    type_text("Tidak ada strategi keberlanjutan.")
    assert ws.form.total.text() == "Total 68,00"
    assert ws.form.verdict.text() == "Di bawah nilai batas lulus 85"

    press(Qt.Key.Key_Return, CTRL)
    question = recording_dialogs.messages[-1]
    assert question["kind"] == MessageKind.QUESTION and "P-1" in question["text"] and "68,00" in question["text"]
    answer()
    state = declared.sheet("Ani Lestari", "P-1")
    assert state.status == QueueStatus.LOCKED
    assert state.values == {"latar_belakang": 8, "kebaruan": 10, "implementasi": 9, "signifikansi": 10,
                            "adaptabilitas": 3, "sumber_daya": 7, "keberlanjutan": 1}
    assert state.comments == {"adaptabilitas": "Belum direplikasi di daerah lain.",
                              "keberlanjutan": "Tidak ada strategi keberlanjutan."}
    assert ws.progress.text() == "1 dari 3 terkirim"
    assert ws.form.banner.isVisible() and not ws.form.submit_button.isEnabled()
    press(Qt.Key.Key_5)  # a locked sheet takes no more keys
    assert declared.values("Ani Lestari", "P-1")["keberlanjutan"] == 1


def test_one_digit_that_could_grow_ends_after_a_pause(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-2"])
    field = ws.form.editor_for("latar_belakang").field
    press(Qt.Key.Key_1)
    assert field.pending == "1" and declared.values("Ani Lestari", "P-2") == {}
    qtbot.waitUntil(lambda: field.pending == "", timeout=ENTRY_PAUSE_MS + 2000)
    assert declared.values("Ani Lestari", "P-2") == {"latar_belakang": 1}
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    assert declared.values("Ani Lestari", "P-2") == {"latar_belakang": 3}
    press(Qt.Key.Key_Backspace)
    assert declared.values("Ani Lestari", "P-2") == {}


def test_clicking_a_level_scores_and_shows_its_descriptor(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-2"])
    editor = ws.form.editor_for("signifikansi")
    QTest.mouseClick(editor.levels.buttons[Decimal(7)], Qt.MouseButton.LeftButton)
    assert declared.values("Ani Lestari", "P-2") == {"signifikansi": 7}
    assert editor.descriptor.text().startswith("Baik (7\u20138): ")
    assert editor.levels.buttons[Decimal(7)].isChecked() and not editor.levels.buttons[Decimal(8)].isChecked()
    assert editor.field.text() == "7" and editor.field.hasFocus()
    assert ws.form.total.text() == "Total 17,50"
    assert [lbl.text() for lbl, _ in editor.levels.level_labels] == [
        "Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]


def test_a_knock_out_below_its_threshold_is_highlighted(qtbot, db: Database, open_workspace) -> None:  # type: ignore[no-untyped-def]
    eid = jb.event(db, name="Lomba Inovasi OPD Kota Medan 2026", rubric="opd-regional")
    jb.judge(db, eid, "Ani Lestari", instansi="Kementerian PANRB", secret=PINS["Ani Lestari"])
    jb.dossier(db, eid, "OPD-1", title="Pasar Digital", instansi="Pemerintah Kota Medan")
    jb.assign(db, eid, "Ani Lestari", "OPD-1")
    jb.declare(db, eid, "Ani Lestari")
    ws = open_workspace(Panel(db, eid).session())
    press(Qt.Key.Key_Return)
    ws.form.focus_criterion("kemanfaatan")
    press(Qt.Key.Key_1)  # 1 of 1–5: ends at once
    editor = ws.form.editor_for("kemanfaatan")
    assert editor.knockout.isVisible()
    assert "Kemanfaatan" in ws.form.knockouts.text() and ws.form.knockouts.isVisible()
    press(Qt.Key.Key_Up)
    assert not editor.knockout.isVisible() and not ws.form.knockouts.isVisible()
    with qtbot.waitSignal(editor.field.entry_rejected) as rejected:  # 7 is off the 1–5 scale
        press(Qt.Key.Key_7)
    assert rejected.args == ["7"] and editor.field.text() == "2"
    assert ws.form.saved.text() == "7 bukan nilai untuk Kemanfaatan: ketik 1 sampai 5."
    with qtbot.waitSignal(editor.field.entry_rejected):
        press(Qt.Key.Key_0)  # 0 means 10 only where 10 is on the scale
    assert editor.field.text() == "2"
    assert Panel(db, eid).values("Ani Lestari", "OPD-1") == {"kemanfaatan": 2}


def test_each_stage_of_a_two_stage_rubric_is_its_own_row_and_sheet(  # type: ignore[no-untyped-def]
        qtbot, db: Database, open_workspace) -> None:
    eid = jb.event(db, name="KIPP Provinsi 2026", rubric="kipp-two-stage")
    jb.judge(db, eid, "Ani Lestari", instansi="Kementerian PANRB", secret=PINS["Ani Lestari"])
    jb.dossier(db, eid, "P-1", title="Layanan Terpadu")
    jb.assign(db, eid, "Ani Lestari", "P-1", "proposal")
    jb.assign(db, eid, "Ani Lestari", "P-1", "presentation")
    jb.declare(db, eid, "Ani Lestari")
    ws = open_workspace(Panel(db, eid).session())
    assert not ws.table.isColumnHidden(QueueColumn.STAGE)
    stages = [ws.model.data(ws.model.index(r, QueueColumn.STAGE)) for r in range(ws.model.rowCount())]
    assert stages == ["Penilaian Proposal", "Presentasi dan Wawancara"]
    ws.table.setFocus()
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    assert ws.current is not None and ws.current.stage_id == "presentation"
    assert ws.form.title.full_text().endswith("\u00b7 Presentasi dan Wawancara")
    first = next(iter(ws.form.editors))
    press(Qt.Key.Key_8)
    with db.read() as s:
        event, ani = jb.who(s, eid, "Ani Lestari")
        assert judging.sheet_state(s, event, ani, "P-1", stage_id="presentation").values == {first: 8}
        assert judging.sheet_state(s, event, ani, "P-1", stage_id="proposal").values == {}


# -- autosave, crash, restart ------------------------------------------------------------------------
def test_autosave_survives_a_crash_and_the_judge_returns_to_the_same_dossier(  # type: ignore[no-untyped-def]
        qtbot, db_path, declared: Panel, open_workspace) -> None:
    signed = declared.sign_in()
    ws = open_workspace(JudgeSession(declared.db, signed))
    ws.open_dossier(declared.numbers["P-3"])
    press(Qt.Key.Key_6)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_2)
    press(Qt.Key.Key_Return)
    type_text("Tidak ada data")
    assert ws.form.saved.text().startswith("Tersimpan otomatis pukul")
    # the process dies here: no close, no save; a new app opens the same file
    again = Database.open("sqlite:///" + str(db_path))
    try:
        ws2 = open_workspace(JudgeSession(again, signed))
        assert ws2.current is not None and ws2.current.number == "P-3"
        assert ws2.form.editor_for("latar_belakang").field.text() == "6"
        assert ws2.form.editor_for("kebaruan").field.text() == "2"
        assert ws2.form.editor_for("kebaruan").comment.toPlainText() == "Tidak ada data"
        assert ws2.table.selectionModel().currentIndex().data() == "P-3"
        assert ws2.form.current_criterion() == "implementasi"  # the first one left to score
    finally:
        again.close()


def test_undo_and_redo_go_through_the_service_and_are_saved(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-2"])
    ws.form.focus_criterion("kebaruan")
    press(Qt.Key.Key_8)
    press(Qt.Key.Key_6)
    assert declared.values("Ani Lestari", "P-2") == {"kebaruan": 6}
    press(Qt.Key.Key_Z, CTRL)
    assert declared.values("Ani Lestari", "P-2") == {"kebaruan": 8}
    assert ws.form.editor_for("kebaruan").field.text() == "8"
    press(Qt.Key.Key_Z, CTRL)
    assert declared.values("Ani Lestari", "P-2") == {}
    assert ws.model.item_at(ws.model.row_of(declared.numbers["P-2"])).scored == 0
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert declared.values("Ani Lestari", "P-2") == {"kebaruan": 8}
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert declared.values("Ani Lestari", "P-2") == {"kebaruan": 6}
    assert ws.form.total.text() == "Total 9,00"
    # each step is in the audit log, as any change is
    with declared.db.read() as s:
        actions = [a for a in s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("score.%")))]
    assert actions == ["score.recorded", "score.recorded", "score.recorded", "score.cleared",
                       "score.recorded", "score.recorded"]
    # another proposal has its own history
    ws.go_relative(+1)
    assert not ws.undo_action.isEnabled()
    ws.go_relative(-1)
    assert ws.undo_action.isEnabled()


def test_a_change_made_on_another_seat_is_not_overwritten(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace, recording_dialogs) -> None:
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-2"])
    press(Qt.Key.Key_7)
    other_seat = declared.session()  # the same judge on a second laptop over the venue LAN
    other_seat.record_score(declared.numbers["P-2"], "proposal", "kebaruan", Decimal(9))
    ws.form.focus_criterion("implementasi")
    press(Qt.Key.Key_8)
    message = recording_dialogs.messages[-1]
    assert message["title"] == "Perubahan tidak tersimpan"
    assert "telah diubah di tempat lain" in str(message["text"])
    assert declared.values("Ani Lestari", "P-2") == {"latar_belakang": 7, "kebaruan": 9}
    assert ws.form.editor_for("kebaruan").field.text() == "9"  # the form shows what was saved
    assert ws.form.editor_for("implementasi").field.text() == ""
    assert ws.form.saved.text().startswith("Tidak tersimpan:")
    press(Qt.Key.Key_8)  # typed again: saved
    assert declared.values("Ani Lestari", "P-2")["implementasi"] == 8


# -- submitting ----------------------------------------------------------------------------------------
def test_submit_names_what_is_missing_and_keeps_the_draft(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace, recording_dialogs) -> None:
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-3"])
    press(Qt.Key.Key_8)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_4)
    press(Qt.Key.Key_Return, CTRL)
    message = recording_dialogs.messages[-1]
    assert message["kind"] == MessageKind.WARNING
    assert message["title"] == "Lembar penilaian belum dapat dikirim"
    text = str(message["text"])
    assert "Belum dinilai: Implementasi Inovasi, Signifikansi / Dampak, Adaptabilitas / Replikasi, " \
           "Sumber Daya, Strategi Keberlanjutan" in text
    assert "Komentar wajib untuk: Kebaruan / Nilai Tambah" in text
    assert focused_criterion(ws) == "implementasi"
    assert declared.sheet("Ani Lestari", "P-3").status == QueueStatus.DRAFT

    for cid in KIPP[2:]:
        ws.form.focus_criterion(cid)
        press(Qt.Key.Key_9)
    ws.submit()
    message = recording_dialogs.messages[-1]
    assert "Belum dinilai" not in str(message["text"])
    assert "Komentar wajib untuk: Kebaruan / Nilai Tambah" in str(message["text"])
    assert ws.form.editor_for("kebaruan").comment.hasFocus()
    assert declared.sheet("Ani Lestari", "P-3").status == QueueStatus.DRAFT


def test_next_and_previous_proposal_follow_the_queue_as_shown(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    press(Qt.Key.Key_Return)
    numbers = []
    for _ in range(3):
        press(Qt.Key.Key_PageDown, CTRL)
        numbers.append(ws.current.number)
    assert numbers == ["P-2", "P-3", "P-3"]  # stays on the last one
    press(Qt.Key.Key_PageUp, CTRL)
    assert ws.current.number == "P-2"
    QTest.keyClicks(ws.search, "Izin")  # only P-3 shown: next/previous keep to what is shown
    ws.form.focus_criterion()
    press(Qt.Key.Key_PageDown, CTRL)
    assert ws.current.number == "P-3"


# -- blind mode, access, conflicts -------------------------------------------------------------------------
def test_blind_mode_hides_agencies_and_innovators(qtbot, blind_panel: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    blind_panel.declare()
    ws = open_workspace(blind_panel.session())
    assert ws.blind_badge.isVisible()
    assert ws.model.data(ws.model.index(0, QueueColumn.AGENCY)) == ""
    ws.open_dossier(blind_panel.numbers["P-1"])
    assert ws.reader.blind_mode
    assert ws.reader.view is not None and ws.reader.view.instansi == "[disamarkan]"
    seen = visible_texts(ws)
    assert "[disamarkan]" in seen
    for secret in ("Pemerintah Kota Medan", "Rina Marpaung", "Andi Siregar"):
        assert secret not in seen, secret
        assert not any(secret in (w.toolTip() or "") for w in ws.findChildren(QWidget))
    QTest.keyClicks(ws.search, "Pemerintah")  # the agency cannot be searched for either
    assert ws.proxy.rowCount() == 0


def test_a_judge_cannot_open_another_judges_dossier_through_the_services(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace, recording_dialogs) -> None:
    session = declared.session("Ani Lestari")
    budis = declared.numbers["P-4"]
    for call in (lambda: session.open_dossier(budis),
                 lambda: session.record_score(budis, "proposal", "kebaruan", Decimal(9)),
                 lambda: session.record_comment(budis, "proposal", "kebaruan", "x"),
                 lambda: session.submit(budis, "proposal"),
                 lambda: session.declare_conflict(budis, "kenal")):
        with pytest.raises(PermissionDeniedError) as refused:
            call()
        assert refused.value.message_id == "judging.not_assigned"
    ws = open_workspace(session)
    assert not ws.open_dossier(budis)
    assert recording_dialogs.messages[-1]["text"] == "Proposal P-4 tidak ditugaskan kepada Anda."
    assert ws.current is None and declared.values("Budi Santoso", "P-4") == {}


def test_declaring_a_conflict_takes_the_dossier_out_of_the_queue(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace) -> None:
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-2"])
    dialog = ws.declare_conflict()
    assert dialog is not None and not dialog.declare_button.isEnabled()
    QTest.keyClicks(dialog.reason, "Adik saya anggota tim inovasi ini.")
    with qtbot.waitSignal(ws.conflict_declared):
        dialog.declare_button.click()
    assert [ws.model.item_at(r).number for r in range(ws.model.rowCount())] == ["P-1", "P-3"]
    assert ws.current is None and ws.content.currentWidget() is ws.placeholder
    with declared.db.read() as s:
        [conflict] = judging.list_conflicts(s, events.get_event(s, declared.event_id), actor=ACTOR)
    assert conflict.number == "P-2" and conflict.reason == "Adik saya anggota tim inovasi ini."


# -- layout, help, language, accessibility --------------------------------------------------------------------
def test_splitter_sizes_are_remembered(qtbot, declared: Panel, open_workspace, settings) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-1"])
    ws.splitter.setSizes([420, 980])
    ws.reader_splitter.setSizes([380, 600])
    queue_state, reader_state = ws.splitter.saveState(), ws.reader_splitter.saveState()
    ws.close()
    again = open_workspace(declared.session())
    assert again.splitter.saveState() == queue_state
    assert again.reader_splitter.saveState() == reader_state


def test_f1_lists_the_shortcuts(qtbot, declared: Panel, open_workspace, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    press(Qt.Key.Key_F1)
    message = recording_dialogs.messages[-1]
    assert message["title"] == "Pintasan papan ketik"
    for keys in ("Ctrl+Enter", "Ctrl+PgDown / Ctrl+PgUp", "Ctrl+Z / Ctrl+Shift+Z", "Tab / Shift+Tab"):
        assert keys in str(message["text"])


def test_the_workspace_switches_language(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-1"])
    assert ws.form.submit_button.text() == "&Kirim (Ctrl+Enter)"
    language.install_language("en")
    assert ws.form.submit_button.text() == "&Submit (Ctrl+Enter)"
    assert ws.progress.text() == "0 of 3 submitted"
    assert ws.model.headerData(QueueColumn.TITLE, Qt.Orientation.Horizontal) == "Innovation"
    assert ws.form.editor_for("kebaruan").name.text() == "Novelty / added value"
    assert ws.model.data(ws.model.index(0, QueueColumn.STATUS)) == "Not started"


def test_every_control_has_an_accessible_name(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-1"])
    mine = [w for w in ws.findChildren(QWidget) if not ws.reader.isAncestorOf(w) and w is not ws.reader]
    controls = [w for w in mine if isinstance(w, (QPushButton, QLineEdit, QComboBox, QPlainTextEdit, QTableView,
                                                  QCheckBox)) and w.isVisibleTo(ws)]
    assert len(controls) > 7 * 12
    unnamed = [w.objectName() or type(w).__name__ for w in controls
               if not w.accessibleName() and not isinstance(w.parentWidget(), QComboBox)]
    assert unnamed == []


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_form_grows_with_the_font_and_clips_no_text(qtbot, declared: Panel, open_workspace, scale) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    base = QFont(app.font())
    big = QFont(base)
    big.setPointSizeF(base.pointSizeF() * scale)
    app.setFont(big)
    try:
        ws = open_workspace(declared.session())
        ws.resize(int(1400 * scale), int(900 * scale))
        ws.open_dossier(declared.numbers["P-1"])
        press(Qt.Key.Key_7)
        qtbot.wait(50)
        editor = ws.form.editor_for("latar_belakang")
        assert editor.field.minimumWidth() >= editor.field.fontMetrics().horizontalAdvance("00,00")
        assert editor.comment.maximumHeight() > editor.comment.minimumHeight()  # no fixed text area
        for label in editor.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text():
                assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()[:40]
        button = editor.levels.buttons[Decimal(1)]
        assert button.height() >= button.fontMetrics().height()
    finally:
        app.setFont(base)


def test_focus_is_visible_on_the_criterion(qtbot, declared: Panel, open_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-1"])
    first = ws.form.editor_for("latar_belakang")
    assert first._focused  # noqa: SLF001 - the frame draws the focus ring from this
    press(Qt.Key.Key_Tab)
    assert not first._focused and ws.form.editor_for("kebaruan")._focused  # noqa: SLF001
