"""The dialog seam: built, shown and returned, with Indonesian standard buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.dialogs import Dialogs, MessageKind


def _texts(box: QMessageBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def test_question_in_indonesian_and_the_answer(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[bool] = []
    box = dialogs.question(parent, "Hapus?", "Hapus kegiatan ini?", on_answered=answers.append)
    qtbot.waitExposed(box)
    assert box.isVisible()
    assert _texts(box) == {"Ya", "Tidak"}
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert answers == [True]


def test_standard_buttons_follow_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    buttons = (
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Close
    )
    box = dialogs.current().build_message(None, MessageKind.INFORMATION, "t", "x", buttons=buttons)
    qtbot.addWidget(box)
    assert _texts(box) == {"OK", "Batal", "Tutup"}
    language.install_language("en")
    english = dialogs.current().build_message(None, MessageKind.INFORMATION, "t", "x", buttons=buttons)
    qtbot.addWidget(english)
    assert _texts(english) == {"OK", "Cancel", "Close"}


def test_error_box_is_shown_with_plain_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    finished: list[QMessageBox.StandardButton] = []
    box = dialogs.error(None, "Gagal", "<b>not bold</b>", on_finished=finished.append)
    qtbot.waitExposed(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "<b>not bold</b>"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert finished == [QMessageBox.StandardButton.Ok]


def test_translate_buttons_on_a_dialog_button_box(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    dialogs.translate_buttons(box)
    assert {b.text() for b in box.buttons()} == {"Simpan", "Batal"}


def test_install_replaces_the_seam() -> None:
    replacement = Dialogs()
    previous = dialogs.install(replacement)
    try:
        assert dialogs.current() is replacement
    finally:
        assert dialogs.install(previous) is replacement
    assert dialogs.current() is previous


def test_choose_folder_reports_the_chosen_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "usb"
    stick.mkdir()
    chosen: list[Path] = []
    seam = Dialogs(native_file_dialogs=False)
    dialog = seam.choose_folder(None, "Pilih folder", on_chosen=chosen.append, directory=tmp_path)
    qtbot.waitExposed(dialog)
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "Pilih"
    assert dialog.labelText(QFileDialog.DialogLabel.Reject) == "Batal"
    dialog.selectFile(str(stick))
    dialog.accept()
    assert chosen == [stick]


def test_choose_file_to_save(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chosen: list[Path] = []
    seam = Dialogs(native_file_dialogs=False)
    dialog = seam.choose_file(
        None, "Simpan hasil", on_chosen=chosen.append, directory=tmp_path,
        name_filters=["Excel (*.xlsx)"], save=True, default_suffix="xlsx",
    )
    qtbot.waitExposed(dialog)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "Simpan"
    dialog.selectFile(str(tmp_path / "rekap"))
    dialog.accept()
    assert chosen == [tmp_path / "rekap.xlsx"]


def test_choose_printer_hands_the_set_up_printer_over(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[QPrinter] = []
    dialog = Dialogs(native_file_dialogs=False).choose_printer(parent, "Cetak slip PIN", on_chosen=chosen.append)
    assert dialog.isVisible() and dialog.windowTitle() == "Cetak slip PIN"
    assert not chosen  # nothing printed before the user accepts
    dialog.accept()
    [printer] = chosen
    assert printer is dialog._oaoi_printer  # type: ignore[attr-defined]  # the printer the dialog set up
    assert isinstance(printer, QPrinter)
