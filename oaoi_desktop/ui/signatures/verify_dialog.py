"""The "Verifikasi PDF" dialog: the page on the left, every signature and check beside it.

QtPdf does not draw signature widgets, so the signatures' status is shown in
a tree next to the page (:class:`~oaoi_desktop.ui.signatures.report_model.SignatureReportModel`).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.services.signatures import VerifyReport
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.screen_fit import resize_within_screen
from oaoi_desktop.ui.signatures.desk import SignatureDesk
from oaoi_desktop.ui.signatures.report_model import SignatureReportModel


class VerifyDialog(QDialog):
    """Open a PDF, see its page and, beside it, each signature with ok/fail marks.

    Signals:
        verified(object): a file was checked; the :class:`VerifyReport`.
    """

    verified = Signal(object)

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatures_verify_dialog")
        self._desk = SignatureDesk(db)
        self.report: VerifyReport | None = None
        self.document = QPdfDocument(self)
        self.model = SignatureReportModel(self)

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("open_button")
        self.open_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)

        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.tree = QTreeView(self)
        self.tree.setObjectName("signature_tree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.verdict)
        side_layout.addWidget(self.tree, 1)
        self.details = QLabel(self)
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(48)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(self.details)
        self.tree.selectionModel().currentRowChanged.connect(self._show_details)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.pdf_view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1200, 760)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify PDF"))
        self.open_button.setText(self.tr("&Open PDF\u2026"))
        if self.report is None:
            self.file_label.setText(self.tr("No file open. Choose a signed PDF to check its signatures."))
        self.model.retranslate()
        dialogs.translate_buttons(self.buttons)
        self._show_verdict()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_verdict(self) -> None:
        report = self.report
        if report is None:
            self.verdict.setText("")
            self.verdict.setStyleSheet("")
            return
        if report.ok:
            text = self.tr("VALID: %n signature(s), every check passed.", "", len(report.signatures))
            style = "color: #1b7f2a; font-weight: bold; font-size: 13pt;"
        else:
            text = self.tr("NOT VALID: at least one check failed. Do not rely on this document.")
            style = "color: #b3261e; font-weight: bold; font-size: 13pt;"
        if report.document_number:
            text += "\n" + self.tr("Document %1").replace("%1", report.document_number)
        if report.event_name:
            text += " \u00b7 " + report.event_name
        self.verdict.setText(text)
        self.verdict.setStyleSheet(style)

    def _show_details(self, current, _previous=None) -> None:  # type: ignore[no-untyped-def]
        """The full text of the selected row (the tree elides long messages)."""
        if not current.isValid():
            self.details.setText("")
            return
        what = current.siblingAtColumn(0).data() or ""
        detail = current.siblingAtColumn(2).data() or ""
        self.details.setText(f"<b>{html.escape(what)}</b><br>{html.escape(detail)}")

    def _select_first_failure(self) -> None:
        """Put the first failed check (else the first row) under the cursor, with its full text below."""
        from oaoi_desktop.ui.signatures.report_model import STATUS_ROLE

        target = self.model.index(0, 0)
        for r in range(self.model.rowCount()):
            top = self.model.index(r, 0)
            candidates = [top] + [self.model.index(k, 0, top) for k in range(self.model.rowCount(top))]
            failed = [i for i in candidates if i.siblingAtColumn(1).data(STATUS_ROLE) == "fail"
                      and not self.model.hasChildren(i)]
            if failed:
                target = failed[0]
                break
        if target.isValid():
            self.tree.setCurrentIndex(target)
            self._show_details(target)

    # -- work ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        dialogs.choose_file(self, self.tr("Open a signed PDF"), on_chosen=self.open_file,
                            name_filters=[self.tr("PDF documents (*.pdf)")])

    def open_file(self, path: Path | str) -> VerifyReport:
        """Check ``path`` and show it: the page on the left, the report beside it."""
        path = Path(path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._desk.verify_file(path)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.report = report
        self.file_label.setText(str(path))
        self.document.close()
        self.document.load(str(path))
        self.model.set_report(report)
        self.tree.expandAll()
        self._select_first_failure()
        self._show_verdict()
        self.verified.emit(report)
        return report


__all__ = ["VerifyDialog"]
