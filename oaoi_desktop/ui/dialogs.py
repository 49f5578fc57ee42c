"""The one seam for native dialogs: message boxes, file and folder choosers.

Every message box and file chooser the app shows is built here, shown
(``open()``, never a nested ``exec()``) and returned, as qutebrowser's
``misc/msgbox.py`` does, so a test can find the dialog, read it and click
it, or replace the whole seam with :func:`install`::

    previous = dialogs.install(RecordingDialogs())
    try:
        ...
    finally:
        dialogs.install(previous)

Code calls the module functions (:func:`error`, :func:`question`,
:func:`choose_file`, ...) or ``dialogs.current()``; they all go through the
installed :class:`Dialogs` object.  The only blocking call is
:meth:`Dialogs.run_modal`, for the time before the main event loop runs
(start-up errors).

Qt ships no Indonesian translation of its standard buttons, so the texts of
standard buttons are set here from our own catalogue (context ``dialogs``):
Ya, Tidak, Batal, OK, Tutup, ...
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

SB = QMessageBox.StandardButton


class MessageKind(enum.Enum):
    """What a message box says: its icon."""

    INFORMATION = QMessageBox.Icon.Information
    WARNING = QMessageBox.Icon.Warning
    ERROR = QMessageBox.Icon.Critical
    QUESTION = QMessageBox.Icon.Question


def standard_button_texts() -> dict[QMessageBox.StandardButton, str]:
    """The texts of the standard buttons in the current language."""
    return {
        SB.Ok: QCoreApplication.translate("dialogs", "OK"),
        SB.Open: QCoreApplication.translate("dialogs", "Open"),
        SB.Save: QCoreApplication.translate("dialogs", "Save"),
        SB.Cancel: QCoreApplication.translate("dialogs", "Cancel"),
        SB.Close: QCoreApplication.translate("dialogs", "Close"),
        SB.Discard: QCoreApplication.translate("dialogs", "Discard"),
        SB.Apply: QCoreApplication.translate("dialogs", "Apply"),
        SB.Reset: QCoreApplication.translate("dialogs", "Reset"),
        SB.RestoreDefaults: QCoreApplication.translate("dialogs", "Restore Defaults"),
        SB.Help: QCoreApplication.translate("dialogs", "Help"),
        SB.SaveAll: QCoreApplication.translate("dialogs", "Save All"),
        SB.Yes: QCoreApplication.translate("dialogs", "Yes"),
        SB.YesToAll: QCoreApplication.translate("dialogs", "Yes to All"),
        SB.No: QCoreApplication.translate("dialogs", "No"),
        SB.NoToAll: QCoreApplication.translate("dialogs", "No to All"),
        SB.Abort: QCoreApplication.translate("dialogs", "Abort"),
        SB.Retry: QCoreApplication.translate("dialogs", "Retry"),
        SB.Ignore: QCoreApplication.translate("dialogs", "Ignore"),
    }


def translate_buttons(box: QMessageBox | QDialogButtonBox) -> None:
    """Give the standard buttons of ``box`` their texts in the current language.

    Use it for every QDialogButtonBox of the app's own dialogs too, and again
    on ``QEvent.LanguageChange``.
    """
    texts = standard_button_texts()
    for button in box.buttons():
        standard = box.standardButton(button)
        # QDialogButtonBox and QMessageBox share the StandardButton values.
        text = texts.get(SB(standard.value))
        if text:
            button.setText(text)


class Dialogs:
    """Builds, shows and returns the app's native dialogs.

    Every method returns the dialog it has shown (modal to its parent, via
    ``open()``); the callbacks run when the user answers.  Dialogs delete
    themselves when closed.

    ``native_file_dialogs`` chooses the platform's own file chooser (the
    default) or Qt's widget-based one (tests, platforms without one).
    """

    def __init__(self, *, native_file_dialogs: bool = True) -> None:
        self.native_file_dialogs = native_file_dialogs

    # -- message boxes ---------------------------------------------------
    def build_message(
        self,
        parent: QWidget | None,
        kind: MessageKind,
        title: str,
        text: str,
        *,
        informative_text: str = "",
        details: str = "",
        buttons: QMessageBox.StandardButton = SB.Ok,
        default_button: QMessageBox.StandardButton = SB.NoButton,
        rich_text: bool = False,
    ) -> QMessageBox:
        """A message box, built but not shown."""
        box = QMessageBox(parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(kind.value)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.RichText if rich_text else Qt.TextFormat.PlainText)
        box.setText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if informative_text:
            box.setInformativeText(informative_text)
        if details:
            box.setDetailedText(details)
        box.setStandardButtons(buttons)
        if default_button != SB.NoButton:
            box.setDefaultButton(default_button)
        translate_buttons(box)
        return box

    def message(
        self,
        parent: QWidget | None,
        kind: MessageKind,
        title: str,
        text: str,
        *,
        informative_text: str = "",
        details: str = "",
        buttons: QMessageBox.StandardButton = SB.Ok,
        default_button: QMessageBox.StandardButton = SB.NoButton,
        rich_text: bool = False,
        on_finished: Callable[[QMessageBox.StandardButton], None] | None = None,
    ) -> QMessageBox:
        """Show a message box; ``on_finished`` gets the standard button chosen."""
        box = self.build_message(
            parent,
            kind,
            title,
            text,
            informative_text=informative_text,
            details=details,
            buttons=buttons,
            default_button=default_button,
            rich_text=rich_text,
        )
        if on_finished is not None:

            def _finished(_result: int) -> None:
                clicked = box.clickedButton()
                on_finished(box.standardButton(clicked) if clicked is not None else SB.NoButton)

            box.finished.connect(_finished)
        box.open()
        return box

    def run_modal(self, dialog: QDialog) -> int:
        """Show ``dialog`` and wait for the answer (only before the event loop runs)."""
        return dialog.exec()

    # -- file and folder choosers ------------------------------------------
    def _file_dialog(self, parent: QWidget | None, title: str, directory: Path | str | None) -> QFileDialog:
        dialog = QFileDialog(parent, title, str(directory) if directory else "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self.native_file_dialogs)
        dialog.setLabelText(QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("dialogs", "Look in:"))
        dialog.setLabelText(QFileDialog.DialogLabel.FileName, QCoreApplication.translate("dialogs", "File name:"))
        dialog.setLabelText(QFileDialog.DialogLabel.FileType, QCoreApplication.translate("dialogs", "Files of type:"))
        dialog.setLabelText(QFileDialog.DialogLabel.Reject, QCoreApplication.translate("dialogs", "Cancel"))
        return dialog

    def choose_file(
        self,
        parent: QWidget | None,
        title: str,
        *,
        on_chosen: Callable[[Path], None],
        directory: Path | str | None = None,
        name_filters: Sequence[str] = (),
        save: bool = False,
        default_suffix: str = "",
    ) -> QFileDialog:
        """Ask for one file to open (or, with ``save``, a file name to write)."""
        dialog = self._file_dialog(parent, title, directory)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.setLabelText(QFileDialog.DialogLabel.Accept, QCoreApplication.translate("dialogs", "Save"))
            if default_suffix:
                dialog.setDefaultSuffix(default_suffix)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setLabelText(QFileDialog.DialogLabel.Accept, QCoreApplication.translate("dialogs", "Open"))
        if name_filters:
            dialog.setNameFilters(list(name_filters))
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        dialog.open()
        return dialog

    def choose_folder(
        self,
        parent: QWidget | None,
        title: str,
        *,
        on_chosen: Callable[[Path], None],
        directory: Path | str | None = None,
    ) -> QFileDialog:
        """Ask for one existing folder (e.g. a USB stick with dossiers)."""
        dialog = self._file_dialog(parent, title, directory)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setLabelText(
            QFileDialog.DialogLabel.Accept, QCoreApplication.translate("dialogs", "Choose")
        )
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        dialog.open()
        return dialog

    # -- printing -------------------------------------------------------------
    def choose_printer(
        self,
        parent: QWidget | None,
        title: str,
        *,
        on_chosen: Callable[[QPrinter], None],
    ) -> QDialog:
        """Ask for a printer (the platform's print dialog); ``on_chosen`` gets it, set up, to print on.

        The printer lives as long as the dialog; print inside ``on_chosen``.
        """
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F811 - printing loads on first use

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(title)
        dialog._oaoi_printer = printer  # type: ignore[attr-defined]  # keep it alive with the dialog
        dialog.accepted.connect(lambda: on_chosen(printer))
        QDialog.open(dialog)  # (QPrintDialog.open wants a receiver: the plain window-modal open)
        return dialog


_seam: Dialogs = Dialogs()


def current() -> Dialogs:
    """The installed seam."""
    return _seam


def install(seam: Dialogs) -> Dialogs:
    """Replace the seam (tests); returns the previous one to restore."""
    global _seam
    previous, _seam = _seam, seam
    return previous


# -- shorthands through the installed seam -----------------------------------


def information(parent: QWidget | None, title: str, text: str, **kwargs: object) -> QMessageBox:
    return _seam.message(parent, MessageKind.INFORMATION, title, text, **kwargs)  # type: ignore[arg-type]


def warning(parent: QWidget | None, title: str, text: str, **kwargs: object) -> QMessageBox:
    return _seam.message(parent, MessageKind.WARNING, title, text, **kwargs)  # type: ignore[arg-type]


def error(parent: QWidget | None, title: str, text: str, **kwargs: object) -> QMessageBox:
    return _seam.message(parent, MessageKind.ERROR, title, text, **kwargs)  # type: ignore[arg-type]


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    on_answered: Callable[[bool], None],
    default_yes: bool = False,
    **kwargs: object,
) -> QMessageBox:
    """Ask a Ya/Tidak question; ``on_answered(True)`` for Ya."""
    return _seam.message(
        parent,
        MessageKind.QUESTION,
        title,
        text,
        buttons=SB.Yes | SB.No,
        default_button=SB.Yes if default_yes else SB.No,
        on_finished=lambda button: on_answered(button == SB.Yes),
        **kwargs,  # type: ignore[arg-type]
    )


def choose_file(parent: QWidget | None, title: str, **kwargs: object) -> QFileDialog:
    return _seam.choose_file(parent, title, **kwargs)  # type: ignore[arg-type]


def choose_folder(parent: QWidget | None, title: str, **kwargs: object) -> QFileDialog:
    return _seam.choose_folder(parent, title, **kwargs)  # type: ignore[arg-type]


def choose_printer(parent: QWidget | None, title: str, **kwargs: object) -> QDialog:
    return _seam.choose_printer(parent, title, **kwargs)  # type: ignore[arg-type]


__all__ = [
    "Dialogs",
    "MessageKind",
    "choose_file",
    "choose_folder",
    "choose_printer",
    "current",
    "error",
    "information",
    "install",
    "question",
    "standard_button_texts",
    "translate_buttons",
    "warning",
]
