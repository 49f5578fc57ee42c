"""PIN slips: nothing is lost with one key, slips print directly, and the console reprints a judge's slip."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import select

from oaoi_desktop.services import accounts, auth, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.secretariat.wizard import PAGE_SLIPS, EventWizard
from support.builders import ACTOR, add_judges, make_event
from support.ui_session import sign_in_secretariat

B = QWizard.WizardButton
SB = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, main_window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    sign_in_secretariat(qtbot, main_window)
    return main_window


@pytest.fixture
def printed(recording_dialogs, monkeypatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The seam's print dialog answers with a printer that writes a PDF file (what was printed)."""
    files: list[Path] = []

    def choose_printer(parent, title, *, on_chosen):  # type: ignore[no-untyped-def]
        recording_dialogs.messages.append({"kind": "printer", "title": title})
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = tmp_path / f"printed-{len(files)}.pdf"
        printer.setOutputFileName(str(path))
        on_chosen(printer)
        files.append(path)
        return None

    monkeypatch.setattr(recording_dialogs, "choose_printer", choose_printer)
    return files


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def wizard_on_slips(qtbot, window: MainWindow) -> EventWizard:  # type: ignore[no-untyped-def]
    """The wizard after "Buat kegiatan" with two judges: the PIN slips page."""
    wizard = window.extensions["secretariat"].start_wizard()
    qtbot.waitExposed(wizard)
    wizard.event_page.name.setFocus()
    QTest.keyClicks(wizard.event_page.name, "KIPP Kota Medan 2026")
    for _ in range(3):
        qtbot.mouseClick(wizard.button(B.NextButton), Qt.MouseButton.LeftButton)
    wizard.roster_page.add_row("Dr. Ani Lestari", instansi="Universitas Sumatera Utara", edit=False)
    wizard.roster_page.add_row("Budi Santoso", instansi="Ombudsman RI", edit=False)
    qtbot.mouseClick(wizard.button(B.NextButton), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(wizard.event_created):
        qtbot.mouseClick(wizard.button(B.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_SLIPS
    return wizard


def test_esc_on_unsaved_slips_asks_and_going_back_loses_nothing(
        qtbot, window: MainWindow, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    wizard = wizard_on_slips(qtbot, window)
    pins = [wizard.slips_page.table.item(r, 1).text() for r in range(2)]
    QTest.keyClick(wizard, Qt.Key.Key_Escape)
    [question] = recording_dialogs.messages
    assert question["title"] == "Slip PIN belum disimpan"
    assert "hanya ditampilkan di halaman ini" in str(question["text"])
    assert question["buttons"] == ["Ya", "Tidak"]
    recording_dialogs.last_on_finished(SB.No)  # "Tidak": back to the slips
    assert wizard.isVisible() and wizard.currentId() == PAGE_SLIPS
    assert [wizard.slips_page.table.item(r, 1).text() for r in range(2)] == pins

    # "Selesai" asks the same; the window's close button too
    qtbot.mouseClick(wizard.button(B.FinishButton), Qt.MouseButton.LeftButton)
    assert len(recording_dialogs.messages) == 2
    recording_dialogs.last_on_finished(SB.No)
    assert wizard.close() is False and wizard.isVisible()
    assert len(recording_dialogs.messages) == 3
    recording_dialogs.last_on_finished(SB.Yes)  # "Ya": leave without the slips
    qtbot.waitUntil(lambda: window.extensions["secretariat"].wizard is None or not wizard.isVisible())


def test_printing_the_slips_prints_every_pin_and_then_finish_asks_nothing(
        qtbot, window: MainWindow, recording_dialogs, printed) -> None:  # type: ignore[no-untyped-def]
    wizard = wizard_on_slips(qtbot, window)
    page = wizard.slips_page
    assert page.print_button.text() == "&Cetak slip PIN\u2026"
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    [pdf] = printed
    text = pdf_text(pdf)
    for slip in wizard.slips:
        assert slip.name in text and slip.pin in text and slip.recovery_code in text
    assert page.message.text() == "Dikirim ke pencetak."
    qtbot.mouseClick(wizard.button(B.FinishButton), Qt.MouseButton.LeftButton)
    assert [m["kind"] for m in recording_dialogs.messages] == ["printer"]  # no question
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_signing_out_closes_the_unsaved_slips_without_asking(
        qtbot, window: MainWindow, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    """Nobody is left to answer: the PINs must not stay on screen for the next person."""
    assert wizard_on_slips(qtbot, window).slips_at_risk()
    window.access.sign_out()
    qtbot.waitUntil(lambda: window.extensions["secretariat"].wizard is None)
    assert recording_dialogs.messages == []
    assert window.gate_stack.currentWidget() is window.sign_in_page
