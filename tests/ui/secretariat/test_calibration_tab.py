"""The console's "Kalibrasi" tab (issue 17): flag and start the round by clicking, read each judge
against the panel median with the level descriptors, send a sheet back to draft with a reason, close
the round, the trainee judges' table and both PDFs; the judge's queue marks calibration first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader
from sqlalchemy import select

from oaoi_desktop.services import accounts, dossiers, events, judging, sheets
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Assignment, AuditEntry, Role, SheetStatus
from oaoi_desktop.ui.judge.queue_model import QueueTableModel as QueueModel
from oaoi_desktop.ui.secretariat.calibration import CalibrationTab
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, fill_sheet, make_event, score, uniform

PANEL = {"Ani Lestari": (Role.CHAIR, 8), "Budi Santoso": (Role.MEMBER, 6), "Citra Dewi": (Role.MEMBER, 7)}
TRAINEE = "Dewi Magang"


@pytest.fixture
def event_id(db: Database) -> str:
    eid = make_event(db)
    with db.write() as s:
        e = events.get_event(s, eid)
        for name, (role, _v) in PANEL.items():
            accounts.add_judge(s, e, name=name, instansi="Universitas Sumatera Utara", role=role, actor=ACTOR)
        accounts.add_judge(s, e, name=TRAINEE, instansi="Universitas Negeri Medan", role=Role.SHADOW, actor=ACTOR)
    for n in ("P-1", "P-2", "K-1", "K-2"):
        add_dossier(db, eid, n)
    return eid


@pytest.fixture
def console(qtbot, db: Database, event_id: str) -> SecretariatConsole:  # type: ignore[no-untyped-def]
    widget = SecretariatConsole(db, event_id, actor=ACTOR, poll_ms=0)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def _check(tab: CalibrationTab, numbers: set[str]) -> None:
    for i in range(tab.dossier_list.count()):
        item = tab.dossier_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in numbers:
            item.setCheckState(Qt.CheckState.Checked)


def _score_calibration(db: Database, event_id: str) -> None:
    values = {**{n: v for n, (_r, v) in PANEL.items()}, TRAINEE: 9}
    with db.write() as s:
        e = events.get_event(s, event_id)
        for name, value in values.items():
            for k in ("K-1", "K-2"):
                fill_sheet(s, e, accounts.find_judge(s, e, name), dossiers.get_dossier(s, e, k),
                           uniform(KIPP_CRITERIA, value))


def test_flag_start_read_reset_and_close_the_round(qtbot, console: SecretariatConsole, db: Database,  # type: ignore[no-untyped-def]
                                                   event_id: str, tmp_path: Path) -> None:
    tab = console.calibration
    titles = [console.tabs.tabText(i) for i in range(console.tabs.count())]
    assert titles[:3] == ["Penugasan", "Progres", "Kalibrasi"]
    console.tabs.setCurrentWidget(tab)
    assert tab.state_label.text() == "Putaran kalibrasi: belum dimulai."
    assert not tab.close_button.isEnabled()
    _check(tab, {"K-1", "K-2"})
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.state_label.text().startswith("Putaran kalibrasi: berjalan sejak"), tab.message.text()
    assert tab.state_label.text().endswith(" WIB."), tab.state_label.text()  # local time, the event's zone
    assert "T" not in tab.state_label.text().split("sejak", 1)[1]  # never the stored ISO form
    with db.read() as s:
        e = events.get_event(s, event_id)
        assert [d.number for d in dossiers.list_dossiers(s, e, actor=ACTOR) if d.calibration] == ["K-1", "K-2"]
        k1 = dossiers.get_dossier(s, e, "K-1")
        assert len(list(s.scalars(select(Assignment.id).where(Assignment.dossier_id == k1.id)))) == 4
    # the assignment matrix shows the new assignments at once
    assert console.matrix.model.rowCount() == 4
    trainee_header = console.matrix.model.headerData(3, Qt.Orientation.Horizontal)
    assert trainee_header.startswith("Dewi Magang\nmagang, tidak dihitung \u00b7 ")

    _score_calibration(db, event_id)
    tab.refresh()
    assert [tab.dossier_combo.itemData(i) for i in range(tab.dossier_combo.count())] == ["K-1", "K-2"]
    assert tab.table.rowCount() == len(KIPP_CRITERIA) * 4
    header = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    assert header == ["Kriteria", "Penilai", "Peran", "Nilai", "Median panel", "Selisih", "Level", "Status"]
    first = [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    assert first[1:6] == ["Ani Lestari", "ketua", "8", "7", "1"]
    trainee_row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 1).text() == TRAINEE)
    assert [tab.table.item(trainee_row, c).text() for c in (2, 3, 4, 5)] == ["magang", "9", "7", "2"]
    assert tab.table.item(trainee_row, 5).font().bold()  # two points from the median: discuss
    # choosing a row shows the rubric's level descriptors of that criterion
    tab.table.selectRow(trainee_row)
    assert "Sangat Baik" in tab.levels.text() and "Kurang" in tab.levels.text()

    # send the trainee's sheet back to draft, with a reason typed in the dialog
    dialog = tab.ask_reset()
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "Dibahas: baca ulang deskriptor")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with db.read() as s:
        e = events.get_event(s, event_id)
        sheet = sheets.get_sheet(s, dossiers.get_dossier(s, e, "K-1"), accounts.find_judge(s, e, TRAINEE),
                                 "proposal", actor=ACTOR)
        assert sheet.status == SheetStatus.DRAFT
        reasons = [a.after["reason"] for a in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "calibration.sheet_reset"))]
    assert reasons == ["Dibahas: baca ulang deskriptor"]
    trainee_row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 1).text() == TRAINEE)
    assert tab.table.item(trainee_row, 7).text() == "draf"

    # the PDF, then close the round
    written = tab.write_pdf("calibration", tmp_path / "kalibrasi.pdf")
    assert written is not None
    text = "".join(p.extract_text() for p in PdfReader(str(written)).pages)
    assert "LAPORAN PUTARAN KALIBRASI" in text.upper() and "Dewi Magang" in text
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    assert tab.state_label.text().startswith("Putaran kalibrasi: ditutup"), tab.message.text()
    assert not tab.start_button.isEnabled() and not tab.reset_button.isEnabled()


def test_a_scored_proposal_keeps_its_flag_and_says_why(qtbot, console: SecretariatConsole, db: Database,  # type: ignore[no-untyped-def]
                                                       event_id: str) -> None:
    score(db, event_id, "Budi Santoso", "P-1", uniform(KIPP_CRITERIA, 7))
    tab = console.calibration
    tab.refresh()
    _check(tab, {"P-1"})
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "P-1" in tab.message.text() and "lembar penilaian terkirim" in tab.message.text()
    with db.read() as s:
        assert not dossiers.get_dossier(s, events.get_event(s, event_id), "P-1").calibration


def test_the_trainee_table_and_pdf(qtbot, console: SecretariatConsole, db: Database, event_id: str,  # type: ignore[no-untyped-def]
                                   tmp_path: Path) -> None:
    for n, values in (("P-1", {**{k: v for k, (_r, v) in PANEL.items()}, TRAINEE: 5}),
                      ("P-2", {"Ani Lestari": 6, "Budi Santoso": 6, "Citra Dewi": 6, TRAINEE: 9})):
        for judge, value in values.items():
            score(db, event_id, judge, n, uniform(KIPP_CRITERIA, value))
    tab = console.calibration
    tab.refresh()
    assert tab.shadow_box.isVisibleTo(tab)
    assert tab.shadow_table.rowCount() == 1
    cells = [tab.shadow_table.item(0, c).text() for c in range(4)]
    assert cells[:3] == [TRAINEE, "2", "25"]  # |50 − 70| and |90 − 60|: mean 25
    assert cells[3] == "-1"  # the panel has P-1 over P-2, the trainee the reverse
    written = tab.write_pdf("shadow", tmp_path / "magang.pdf")
    text = "".join(p.extract_text() for p in PdfReader(str(written)).pages)
    assert "LAPORAN PENILAI MAGANG" in text.upper() and TRAINEE in text


def test_the_judges_queue_lists_calibration_first_marked(qtbot, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.services import calibration

    with db.write() as s:
        e = events.get_event(s, event_id)
        calibration.start_round(s, e, actor=ACTOR, dossiers=["K-2"])
        budi = accounts.find_judge(s, e, "Budi Santoso")
        from oaoi_desktop.services import assignments

        assignments.assign(s, e, dossiers.get_dossier(s, e, "P-1"), budi, actor=ACTOR)
        judging.declare_integrity(s, e, budi)
        items = judging.judge_queue(s, e, budi)
        rubric = events.event_rubric(s, e)
    model = QueueModel(rubric)
    model.set_items(items)
    titles = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    numbers = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert numbers == ["K-2", "P-1"]
    assert titles[0] == "[Kalibrasi] Inovasi K-2" and titles[1] == "Inovasi P-1"
