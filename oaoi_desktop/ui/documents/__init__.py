"""PDF documents: export with progress and cancel, print and print preview.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`:
Event ▸ "Export PDF documents…", File ▸ "Print PDF…" and "Print preview of PDF…"
(all secretariat-only).  The export dialog reaches the services only through
:class:`~oaoi_desktop.ui.documents.desk.DocumentDesk` (no Qt).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog

from oaoi_desktop.ui import dialogs

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


class DocumentsHook(QObject):
    """The documents actions of the main window."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.export_action = QAction(window)
        self.export_action.setObjectName("action_documents_export")
        self.export_action.triggered.connect(self.open_export)
        self.print_action = QAction(window)
        self.print_action.setObjectName("action_documents_print")
        self.print_action.triggered.connect(lambda: self.choose_pdf(self.print_pdf))
        self.preview_action = QAction(window)
        self.preview_action.setObjectName("action_documents_preview")
        self.preview_action.triggered.connect(lambda: self.choose_pdf(self.preview_pdf))
        window.event_menu.addAction(self.export_action)
        window.file_menu.insertAction(window.quit_action, self.preview_action)
        window.file_menu.insertAction(window.quit_action, self.print_action)
        window.file_menu.insertSeparator(window.quit_action)
        window.secretariat_only_actions.extend([self.export_action, self.print_action, self.preview_action])
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(self.tr("Export PDF &documents\u2026"))
        self.export_action.setStatusTip(self.tr("Score sheets, result sheets, ranking and minutes as PDF"))
        self.print_action.setText(self.tr("&Print PDF\u2026"))
        self.preview_action.setText(self.tr("Print pre&view of PDF\u2026"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_export(self):  # type: ignore[no-untyped-def]
        from oaoi_desktop.ui.documents.export_dialog import ExportDialog

        dialog = ExportDialog(self.window.database, self.window, actor=self.window.secretariat_actor())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def choose_pdf(self, then) -> None:  # type: ignore[no-untyped-def]
        dialogs.choose_file(self.window, self.tr("Choose a PDF document"), on_chosen=then,
                            name_filters=[self.tr("PDF documents (*.pdf)")])

    def preview_pdf(self, path: Path):  # type: ignore[no-untyped-def]
        from oaoi_desktop.ui.documents.printing import preview_dialog

        try:
            dialog = preview_dialog(path, self.window)
        except ValueError:
            dialogs.error(self.window, self.tr("Print preview"), self.tr("%1 is not a readable PDF.")
                          .replace("%1", str(path)))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_pdf(self, path: Path):  # type: ignore[no-untyped-def]
        from oaoi_desktop.ui.documents.printing import load_pdf, paint_pdf, printer_for

        try:
            doc = load_pdf(path, self)
        except ValueError:
            dialogs.error(self.window, self.tr("Print"), self.tr("%1 is not a readable PDF.").replace("%1", str(path)))
            return None
        printer = printer_for(doc)
        dialog = QPrintDialog(printer, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: paint_pdf(doc, printer))
        dialog._oaoi_keep = (doc, printer)  # type: ignore[attr-defined]
        dialog.open()
        return dialog


def install(window: "MainWindow") -> DocumentsHook:
    """Add this package's actions to ``window``."""
    return DocumentsHook(window)


__all__ = ["DocumentsHook", "install"]
