"""The event set-up wizard, driven by typing and clicking, against a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QTableWidget, QWizard
from sqlalchemy import select

from oaoi_desktop.rubrics import builtin_rubric_dir, validate_rubric_file
from oaoi_desktop.services import accounts, auth, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, RecusalLevel, Role, RubricVersion
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from oaoi_desktop.ui.secretariat.wizard import PAGE_REVIEW, PAGE_ROSTER, PAGE_RUBRIC, PAGE_SLIPS, EventWizard
from support.ui_session import sign_in_secretariat
from support.builders import ACTOR, ensure_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window with the tests' secretariat signed in (secretariat actions need a person)."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


B = QWizard.WizardButton


def click(qtbot, wizard: QWizard, button: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    widget = wizard.button(button)
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    QTest.keyClicks(widget, text)


def type_cell(table: QTableWidget, row: int, col: int, text: str) -> None:
    """Double-click-like editing: open the cell's editor, type, press Enter."""
    table.setCurrentCell(row, col)
    table.editItem(table.item(row, col))
    editor = table.window().focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is table.viewport()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.qWait(0)  # the delegate commits the editor's data on a queued call
    assert table.item(row, col).text() == text


@pytest.fixture
def chosen_files(recording_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    """Files the (recording) dialog seam answers, in order, when a file is asked for."""
    answers: list[Path] = []

    def choose_file(parent, title, *, on_chosen, **kwargs):  # type: ignore[no-untyped-def]
        recording_dialogs.messages.append({"kind": "file", "title": title, "save": kwargs.get("save", False)})
        on_chosen(answers.pop(0))
        return None

    monkeypatch.setattr(recording_dialogs, "choose_file", choose_file)
    return answers


def test_the_wizard_creates_event_rubric_judges_and_pins_in_one_go(
        qtbot, main_window: MainWindow, db: Database, chosen_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hook = main_window.extensions["secretariat"]
    assert hook.new_event_action in main_window.event_menu.actions()
    assert hook.new_event_action.shortcut().toString() == "Ctrl+N"
    assert hook.new_event_action.text() == "&Kegiatan baru\u2026"
    assert hook.console_action in main_window.secretariat_only_actions
    hook.new_event_action.trigger()
    wizard = hook.wizard
    assert isinstance(wizard, EventWizard)
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == "Kegiatan baru"
    assert not wizard.button(B.NextButton).isEnabled()  # the name is required
    type_into(wizard.event_page.name, "KIPP Kota Medan 2026 - Penilaian Proposal")
    type_into(wizard.event_page.organiser, "Pemerintah Kota Medan")
    type_into(wizard.event_page.venue, "Hotel Santika Medan")
    click(qtbot, wizard, B.NextButton)

    assert wizard.currentId() == PAGE_RUBRIC
    assert wizard.rubric_page.rubric is not None and wizard.rubric_page.rubric.id == "kipp-proposal"
    wizard.rubric_page.builtin.setFocus()
    QTest.keyClick(wizard.rubric_page.builtin, Qt.Key.Key_Down)  # kipp-two-stage
    assert wizard.rubric_page.rubric.id == "kipp-two-stage"
    click(qtbot, wizard, B.NextButton)

    qtbot.mouseClick(wizard.rules_page.level_unit, Qt.MouseButton.LeftButton)
    wizard.rules_page.blind.setFocus()
    QTest.keyClick(wizard.rules_page.blind, Qt.Key.Key_Space)
    type_into(wizard.rules_page.aliases, "Pemerintah Kota Medan = Pemko Medan; Kota Medan")
    click(qtbot, wizard, B.NextButton)

    assert wizard.currentId() == PAGE_ROSTER
    roster = wizard.roster_page
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
    type_cell(roster.table, 0, 0, "Dr. Ani Lestari")
    type_cell(roster.table, 0, 2, "Universitas Sumatera Utara")
    combo = roster.table.cellWidget(0, 4)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # Ketua
    qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
    type_cell(roster.table, 1, 0, "Budi Santoso")
    type_cell(roster.table, 1, 1, "198001012005011002")
    type_cell(roster.table, 1, 2, "Ombudsman Republik Indonesia")
    type_cell(roster.table, 1, 3, "Perwakilan Sumatera Utara")
    type_cell(roster.table, 1, 5, "472619")
    assert roster.count_label.text() == "2 juri"
    click(qtbot, wizard, B.NextButton)

    assert wizard.currentId() == PAGE_REVIEW
    assert "Budi Santoso" in wizard.review_page.summary.text()
    with db.read() as s:
        assert events.list_events(s) == []  # nothing stored before "Buat kegiatan"
    commit = wizard.button(B.CommitButton)
    assert commit.text() == "&Buat kegiatan"
    with qtbot.waitSignal(wizard.event_created):
        click(qtbot, wizard, B.CommitButton)

    assert wizard.currentId() == PAGE_SLIPS
    slips = {s.name: s for s in wizard.slips}
    assert slips["Budi Santoso"].pin == "472619"
    assert len(slips["Dr. Ani Lestari"].pin) == 6 and len(slips["Dr. Ani Lestari"].recovery_code) == 19
    shown = [wizard.slips_page.table.item(r, 1).text() for r in range(2)]
    assert sorted(shown) == sorted(s.pin for s in wizard.slips)
    pdf = tmp_path / "slips.pdf"
    chosen_files.append(pdf)
    qtbot.mouseClick(wizard.slips_page.save_button, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "Tersimpan" in wizard.slips_page.message.text()
    click(qtbot, wizard, B.FinishButton)

    console = main_window.stack.currentWidget()
    assert isinstance(console, SecretariatConsole)
    with db.read() as s:
        [event] = events.list_events(s)
        event_id = str(event.id)
        assert console.event_id() == event_id
        assert event.name == "KIPP Kota Medan 2026 - Penilaian Proposal"
        assert (event.organiser, event.venue) == ("Pemerintah Kota Medan", "Hotel Santika Medan")
        assert event.recusal_level == RecusalLevel.UNIT_KERJA and event.blind_mode
        assert event.settings["aliases"] == {"Pemerintah Kota Medan": ["Pemko Medan", "Kota Medan"]}
        assert event.starts_on is not None and event.ends_on is not None
        rubric = s.get(RubricVersion, event.rubric_version_id)
        assert rubric.rubric_key == "kipp-two-stage" and rubric.source_name == "kipp-two-stage.toml"
        judges = {j.name: j for j in accounts.judges(s, event)}
        assert judges["Dr. Ani Lestari"].role == Role.CHAIR
        assert (judges["Budi Santoso"].nip, judges["Budi Santoso"].unit_kerja) == (
            "198001012005011002", "Perwakilan Sumatera Utara")
        actions = sorted(a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.event_id == event.id)))
    assert actions == ["event.created", "judge.added", "judge.added", "user.credentials_reset", "user.pin_issued"]
    for name, slip in slips.items():  # the PINs on the slips sign in
        with db.write() as s:
            assert auth.sign_in(s, event_id, name, slip.pin).name == name


def test_a_bad_rubric_file_shows_the_loaders_problems_and_blocks_next(
        qtbot, db: Database, chosen_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (builtin_rubric_dir() / "kipp-proposal.toml").read_text(encoding="utf-8")
    bad = tmp_path / "rubrik-rusak.toml"
    bad.write_text(text.replace("pass_mark = 85", "pass_mark = 185"), encoding="utf-8")
    expected = [p.render() for p in validate_rubric_file(bad)]
    assert expected and "rubrik-rusak.toml:" in expected[0]
    wizard = EventWizard(db, actor=ACTOR)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(wizard.event_page.name, "Lomba Inovasi OPD 2026")
    click(qtbot, wizard, B.NextButton)
    assert wizard.button(B.NextButton).isEnabled()
    chosen_files.append(bad)
    qtbot.mouseClick(wizard.rubric_page.file_button, Qt.MouseButton.LeftButton)
    shown = [wizard.rubric_page.problems.item(i).text() for i in range(wizard.rubric_page.problems.count())]
    assert shown == expected
    assert wizard.rubric_page.problems.isVisible()
    assert "tidak dapat dipakai" in wizard.rubric_page.chosen.text()
    assert not wizard.button(B.NextButton).isEnabled()
    assert wizard.rubric_page.rubric is None
    QTest.keyClick(wizard.rubric_page.builtin, Qt.Key.Key_Down)  # a good one again
    assert wizard.button(B.NextButton).isEnabled()


def test_roster_import_adds_good_rows_and_shows_the_bad_rows_problem(
        qtbot, db: Database, chosen_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "juri.csv"
    csv.write_text(
        "nama,nip,instansi,unit_kerja,peran\n"
        "Dr. Ani Lestari,,Universitas Sumatera Utara,FISIP,ketua\n"
        "Budi Santoso,12345,Ombudsman Republik Indonesia,,anggota\n"
        "Citra Dewi,,Pemerintah Provinsi Sumatera Utara,Bappeda,bos\n"
        "Dedi Kurniawan,,BPKP,,anggota\n", encoding="utf-8")
    ensure_secretariat(db)  # the rows are checked by adding them as the signed-in secretariat (rolled back)
    wizard = EventWizard(db, actor=ACTOR)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(wizard.event_page.name, "KIPP 2026")
    for _ in range(3):
        click(qtbot, wizard, B.NextButton)
    roster = wizard.roster_page
    chosen_files.append(csv)
    qtbot.mouseClick(roster.import_button, Qt.MouseButton.LeftButton)
    names = [roster.table.item(r, 0).text() for r in range(roster.table.rowCount())]
    assert names == ["Dr. Ani Lestari", "Dedi Kurniawan"]
    assert roster.table.cellWidget(0, 4).currentText() == "Ketua"
    problems = [roster.problems.item(i).text() for i in range(roster.problems.count())]
    assert problems == [
        "juri.csv baris 3: NIP '12345' tidak valid: harus 18 digit.",
        "juri.csv baris 4: peran 'bos' tidak dikenal (chair/ketua atau member/anggota).",
    ]
    assert "2 juri ditambahkan, 2 baris ditolak" in roster.message.text()
    with db.read() as s:
        assert events.list_events(s) == []  # the check left nothing behind
    # a row typed in badly is caught before anything is created
    qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
    type_cell(roster.table, 2, 0, "Eka Putri")
    click(qtbot, wizard, B.NextButton)
    assert wizard.currentId() == PAGE_ROSTER
    assert any("Baris 3" in roster.problems.item(i).text() and "instansi" in roster.problems.item(i).text().lower()
               for i in range(roster.problems.count()))
