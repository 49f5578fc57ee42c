"""The right-hand side of the reader: a PDF (QtPdf, page navigation and zoom), an image or a note about a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QImageReader, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.services.dossiers import AttachmentView
from oaoi_desktop.ui.widgets import ElidedLabel, em, make_body, scaled_font


MAX_IMAGE_SIDE = 4096
"""Images larger than this (either side) are read scaled down: memory stays small."""

ZOOM_STEP = 1.25
ZOOM_MIN = 0.1
ZOOM_MAX = 8.0
ZOOM_PRESETS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH = "fit_width"
FIT_PAGE = "fit_page"


class AttachmentViewer(QWidget):
    """The right-hand side of the reader: a PDF, an image or a note about a file.

    :attr:`pdf_document` and :attr:`pdf_view` show PDFs; :attr:`image_label`
    images; :attr:`stack` holds one page per kind.  Zoom and page controls
    apply to the PDF shown (zoom also to images).

    Signals:
        page_changed(int): the PDF page now at the top of the view (0-based).
    """

    page_changed = Signal(int)

    PLACEHOLDER, PDF, IMAGE, EXTERNAL, ERROR = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_viewer")
        self._attachment: AttachmentView | None = None
        self._has_attachments: bool | None = None
        self._external_ok = True
        self._error = ""
        self._zoom_mode = FIT_WIDTH
        self._zoom = 1.0
        self._pixmap = QPixmap()
        self._blind = False
        self._build_ui()
        self.retranslate_ui()
        self._update_controls()

    def set_blind(self, blind: bool) -> None:
        """In blind mode the package path of the file shown is not shown."""
        self._blind = blind

    # -- construction ------------------------------------------------------
    def _build_ui(self) -> None:
        # Created first so that it is destroyed first: closing the document
        # emits signals that the controls below must still be alive for.
        self.pdf_document = QPdfDocument(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self, 0.3))

        bar = QHBoxLayout()
        bar.setContentsMargins(em(self, 0.4), em(self, 0.3), em(self, 0.4), 0)
        bar.setSpacing(em(self, 0.25))
        self.title_label = ElidedLabel(parent=self, mode=Qt.TextElideMode.ElideRight)
        self.title_label.setObjectName("attachment_title")
        self.title_label.setFont(scaled_font(self.font(), 1.0, QFont.Weight.DemiBold))
        bar.addWidget(self.title_label, 1)

        style = self.style()
        self.previous_button = self._tool_button("previous_page", style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_count_label = QLabel(self)
        self.page_count_label.setObjectName("page_count")
        self.next_button = self._tool_button("next_page", style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_out_button = self._tool_button("zoom_out", None, "\u2212")
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self._effective_zoom() / ZOOM_STEP))
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setObjectName("zoom_combo")
        self.zoom_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.zoom_combo.activated.connect(self._on_zoom_chosen)
        self.zoom_in_button = self._tool_button("zoom_in", None, "+")
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self._effective_zoom() * ZOOM_STEP))
        self.external_button = QPushButton(self)
        self.external_button.setObjectName("open_externally")
        self.external_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        for w in (self.previous_button, self.page_spin, self.page_count_label, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(em(self, 0.5))
        for w in (self.zoom_out_button, self.zoom_combo, self.zoom_in_button):
            bar.addWidget(w)
        layout.addLayout(bar)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("viewer_stack")

        self.placeholder = make_body(QLabel(self.stack), muted=True)
        self.placeholder.setObjectName("viewer_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(em(self, 2))

        self.pdf_view = QPdfView(self.stack)
        self.pdf_view.setObjectName("pdf_view")
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setPageSpacing(em(self, 0.5))
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self.pdf_document.pageCountChanged.connect(self._on_page_count_changed)

        self.image_scroll = QScrollArea(self.stack)
        self.image_scroll.setObjectName("image_scroll")
        self.image_scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll.setWidgetResizable(False)
        self.image_label = QLabel()
        self.image_label.setObjectName("image_label")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll.setWidget(self.image_label)

        external = QWidget(self.stack)
        external_layout = QVBoxLayout(external)
        external_layout.addStretch(1)
        self.external_label = make_body(QLabel(external))
        self.external_label.setObjectName("external_label")
        self.external_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        external_layout.addWidget(self.external_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.external_button)
        row.addStretch(1)
        external_layout.addLayout(row)
        external_layout.addStretch(2)
        self.external_page = external

        self.error_label = make_body(QLabel(self.stack))
        self.error_label.setObjectName("viewer_error")
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setMargin(em(self, 2))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        for page in (self.placeholder, self.pdf_view, self.image_scroll, self.external_page, self.error_label):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)

    def _tool_button(self, name: str, icon, text: str = "") -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAutoRaise(True)
        if icon is not None:
            button.setIcon(icon)
        if text:
            button.setText(text)
        return button

    # -- what is shown --------------------------------------------------------
    @property
    def attachment(self) -> AttachmentView | None:
        """The attachment shown (None: the placeholder)."""
        return self._attachment

    def kind_shown(self) -> int:
        """PLACEHOLDER, PDF, IMAGE, EXTERNAL or ERROR."""
        return self.stack.currentIndex()

    def show_placeholder(self, *, has_attachments: bool | None) -> None:
        """The placeholder: "choose an attachment", "this proposal has none", or
        (``has_attachments=None``: no proposal is selected) "choose a proposal"."""
        self._attachment = None
        self._has_attachments = has_attachments
        self._release()
        self.stack.setCurrentIndex(self.PLACEHOLDER)
        self.retranslate_ui()
        self._update_controls()

    def show_pdf(self, attachment: AttachmentView, path: Path) -> bool:
        """Load the PDF (pages render lazily as they come into view)."""
        self._release()
        self._attachment = attachment
        result = self.pdf_document.load(str(path))
        if result != QPdfDocument.Error.None_ or self.pdf_document.status() != QPdfDocument.Status.Ready:
            self.show_error(attachment, self._pdf_error_text(result))
            return False
        self._apply_zoom()
        self.stack.setCurrentIndex(self.PDF)
        self.pdf_view.pageNavigator().jump(0, QPointF(), self.pdf_view.zoomFactor())
        self.retranslate_ui()
        self._update_controls()
        return True

    def show_image(self, attachment: AttachmentView, path: Path) -> bool:
        self._release()
        self._attachment = attachment
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
            reader.setScaledSize(size.scaled(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.show_error(attachment, self.tr("The image could not be read: %1").replace("%1", reader.errorString()))
            return False
        self._pixmap = QPixmap.fromImage(image)
        self.stack.setCurrentIndex(self.IMAGE)
        self._apply_zoom()
        self.retranslate_ui()
        self._update_controls()
        return True

    def show_external(self, attachment: AttachmentView, *, opened: bool) -> None:
        """Say that the file was handed to (or could not be opened by) the system."""
        self._release()
        self._attachment = attachment
        self._external_ok = opened
        self.stack.setCurrentIndex(self.EXTERNAL)
        self.retranslate_ui()
        self._update_controls()

    def show_error(self, attachment: AttachmentView | None, text: str) -> None:
        self._release()
        self._attachment = attachment
        self._error = text
        self.stack.setCurrentIndex(self.ERROR)
        self.retranslate_ui()
        self._update_controls()

    def _release(self) -> None:
        """Let go of the file shown (the PDF document keeps it open)."""
        if self.pdf_document.status() != QPdfDocument.Status.Null:
            self.pdf_document.close()
        self._pixmap = QPixmap()
        self.image_label.clear()
        self._error = ""

    def _pdf_error_text(self, result: QPdfDocument.Error) -> str:
        texts = {
            QPdfDocument.Error.FileNotFound: self.tr("The file was not found in the attachment store."),
            QPdfDocument.Error.InvalidFileFormat: self.tr("The file is not a PDF that can be shown."),
            QPdfDocument.Error.IncorrectPassword: self.tr("The PDF is protected with a password."),
            QPdfDocument.Error.UnsupportedSecurityScheme: self.tr("The PDF uses a protection that cannot be opened."),
        }
        return texts.get(result, self.tr("The PDF could not be opened."))

    # -- pages and zoom ----------------------------------------------------
    def page_count(self) -> int:
        return self.pdf_document.pageCount() if self.kind_shown() == self.PDF else 0

    def current_page(self) -> int:
        """The PDF page at the top of the view (0-based)."""
        return self.pdf_view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if count <= 0:
            return
        page = max(0, min(count - 1, page))
        if page != self.current_page():
            self.pdf_view.pageNavigator().jump(page, QPointF(), self.pdf_view.zoomFactor())

    def zoom_mode(self) -> str:
        """``fit_width``, ``fit_page`` or ``custom``."""
        return self._zoom_mode

    def zoom_factor(self) -> float:
        return self._zoom

    def set_fit(self, mode: str) -> None:
        """Fit the page (or image) to the width (``fit_width``) or whole (``fit_page``)."""
        self._zoom_mode = mode
        self._apply_zoom()
        self._update_controls()

    def set_zoom(self, factor: float) -> None:
        self._zoom_mode = "custom"
        self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        self._apply_zoom()
        self._update_controls()

    def _effective_zoom(self) -> float:
        if self._zoom_mode == "custom":
            return self._zoom
        if self.kind_shown() == self.PDF:
            return self.pdf_view.zoomFactor()
        if self.kind_shown() == self.IMAGE and not self._pixmap.isNull():
            shown = self.image_label.pixmap()
            if shown is not None and not shown.isNull():
                return shown.width() / max(1, self._pixmap.width())
        return 1.0

    def _apply_zoom(self) -> None:
        if self._zoom_mode == FIT_WIDTH:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif self._zoom_mode == FIT_PAGE:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(self._zoom)
        self._scale_image()

    def _scale_image(self) -> None:
        if self._pixmap.isNull():
            return
        viewport = self.image_scroll.viewport().size() - QSize(4, 4)
        size = self._pixmap.size()
        if self._zoom_mode == FIT_WIDTH:
            if size.width() > viewport.width() > 0:
                size = size.scaled(viewport.width(), 10**6, Qt.AspectRatioMode.KeepAspectRatio)
        elif self._zoom_mode == FIT_PAGE:
            if size.width() > viewport.width() or size.height() > viewport.height():
                size = size.scaled(viewport, Qt.AspectRatioMode.KeepAspectRatio)
        else:
            size = size * self._zoom
        scaled = self._pixmap if size == self._pixmap.size() else self._pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.image_label.setPixmap(scaled)
        self.image_label.resize(scaled.size())

    def _on_zoom_chosen(self, index: int) -> None:
        data = self.zoom_combo.itemData(index)
        if data in (FIT_WIDTH, FIT_PAGE):
            self.set_fit(data)
        elif isinstance(data, float):
            self.set_zoom(data)

    def _on_page_count_changed(self, _count: int) -> None:
        self._update_controls()

    def _on_page_changed(self, page: int) -> None:
        self._update_controls()
        self.page_changed.emit(page)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.kind_shown() == self.IMAGE and self._zoom_mode != "custom":
            self._scale_image()

    def _update_controls(self) -> None:
        kind = self.kind_shown()
        if self.parentWidget() is not None:
            # an empty pane takes no room (issue 14): the text gets the width until a file is open
            self.setVisible(kind != self.PLACEHOLDER)
        pdf = kind == self.PDF
        count = self.page_count()
        for w in (self.previous_button, self.page_spin, self.page_count_label, self.next_button):
            w.setVisible(pdf)
        for w in (self.zoom_out_button, self.zoom_combo, self.zoom_in_button):
            w.setVisible(kind in (self.PDF, self.IMAGE))
        if pdf:
            page = self.current_page()
            self.page_spin.blockSignals(True)
            self.page_spin.setMaximum(max(1, count))
            self.page_spin.setValue(page + 1)
            self.page_spin.blockSignals(False)
            self.page_count_label.setText(self.tr("of %1").replace("%1", QLocale().toString(count)))
            self.previous_button.setEnabled(page > 0)
            self.next_button.setEnabled(page < count - 1)
        self.zoom_combo.blockSignals(True)
        if self._zoom_mode in (FIT_WIDTH, FIT_PAGE):
            self.zoom_combo.setCurrentIndex(self.zoom_combo.findData(self._zoom_mode))
            self.zoom_combo.setEditText("")
        else:
            index = self.zoom_combo.findData(self._zoom)
            if index < 0:
                self.zoom_combo.setItemText(self.zoom_combo.count() - 1, self._percent(self._zoom))
                self.zoom_combo.setItemData(self.zoom_combo.count() - 1, self._zoom)
                index = self.zoom_combo.count() - 1
            self.zoom_combo.setCurrentIndex(index)
        self.zoom_combo.blockSignals(False)
        self.zoom_out_button.setEnabled(self._effective_zoom() > ZOOM_MIN * 1.01)
        self.zoom_in_button.setEnabled(self._effective_zoom() < ZOOM_MAX / 1.01)
        shown = self._attachment
        self.title_label.setText(shown.title if shown is not None else "")
        if shown is None:
            self.title_label.setToolTip("")
        else:
            self.title_label.setToolTip(shown.title if self._blind else f"{shown.title}\n{shown.path}")

    @staticmethod
    def _percent(factor: float) -> str:
        return QLocale().toString(round(factor * 100)) + "\u00a0%"

    # -- language -----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.previous_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        self.page_spin.setToolTip(self.tr("Page"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_combo.setToolTip(self.tr("Zoom"))
        self.zoom_combo.blockSignals(True)
        self.zoom_combo.clear()
        self.zoom_combo.addItem(self.tr("Fit width"), FIT_WIDTH)
        self.zoom_combo.addItem(self.tr("Fit page"), FIT_PAGE)
        for factor in ZOOM_PRESETS:
            self.zoom_combo.addItem(self._percent(factor), factor)
        self.zoom_combo.addItem(self._percent(self._zoom), self._zoom)  # the custom factor
        self.zoom_combo.blockSignals(False)
        self.external_button.setText(self.tr("Open again"))
        if self._has_attachments is None:
            self.placeholder.setText(self.tr("Choose a proposal to see its attachments here."))
        else:
            self.placeholder.setText(
                self.tr("Choose an attachment on the left to see it here.")
                if self._has_attachments
                else self.tr("This proposal has no attachments.")
            )
        if self._attachment is not None:
            name = self._attachment.title
            if self._external_ok:
                text = self.tr(
                    "\u201c%1\u201d is not shown inside oaoi-desktop: it was opened with the "
                    "system's default application."
                ).replace("%1", name)
            else:
                text = self.tr(
                    "\u201c%1\u201d could not be opened: no application on this computer opens this kind of file."
                ).replace("%1", name)
            self.external_label.setText(text)
        self.error_label.setText(self._error)
        if self.stack.currentIndex() == self.PDF or self.stack.currentIndex() == self.IMAGE:
            self._update_controls()


__all__ = ["FIT_PAGE", "FIT_WIDTH", "MAX_IMAGE_SIDE", "ZOOM_MAX", "ZOOM_MIN", "ZOOM_PRESETS", "ZOOM_STEP", "AttachmentViewer"]
