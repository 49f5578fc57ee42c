"""The dossier reader: metadata, sections with word counts, attachments.

:class:`DossierReader` shows one :class:`~oaoi_desktop.services.dossiers.DossierView`
(plain data, already read from the database) and opens its attachments:

* PDFs inside the app with QtPdf (:class:`QPdfView`, page navigation and
  zoom).  ``QPdfDocument.load`` only parses the file; QPdfView renders the
  pages it shows, lazily and off the GUI thread, so opening a long PDF does
  not wait for every page.
* Images inline (JPEG, PNG; read already scaled down when huge).
* Anything else (video) is copied under its real file name
  (:func:`~oaoi_desktop.services.dossiers.export_attachment`, off the GUI
  thread) and handed to the system's default application with
  ``QDesktopServices.openUrl``.

The files in the attachment store are only ever read (QPdfDocument and
QImageReader open them read-only); nothing here writes to them.

Blind mode: the view passed in is already redacted by the judging service
(instansi, unit kerja and innovators may be ``None``: shown as "disamarkan").
Attachments cannot be redacted, so before the first attachment of a dossier
is opened the reader says so through the dialog seam and asks to continue;
the answer holds until another dossier is shown.

The reader is embedded by the secretariat's dossier browser and by the
judge workspace.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from typing import Any
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPointF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QImageReader,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop import config
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.dossiers import (
    AttachmentView,
    DossierView,
    SectionView,
    attachment_local_path,
    export_attachment,
)
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.elide import elide_end
from oaoi_desktop.ui.widgets import ElidedLabel, em, make_body, make_heading, scaled_font

log = logging.getLogger(__name__)

MAX_IMAGE_SIDE = 4096
"""Images larger than this (either side) are read scaled down: memory stays small."""

ZOOM_STEP = 1.25
ZOOM_MIN = 0.1
ZOOM_MAX = 8.0
ZOOM_PRESETS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH = "fit_width"
FIT_PAGE = "fit_page"


def exported_attachments_dir() -> Path:
    """Where attachments are copied under their own names for the system's viewer."""
    return config.data_dir() / "opened-attachments"


def open_with_system(path: Path) -> bool:
    """Hand ``path`` to the system's default application (video players...)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def warning_colour(widget: QWidget) -> QColor:
    """A red readable on the widget's background (light or dark theme)."""
    window = widget.palette().color(QPalette.ColorRole.Window)
    return QColor("#ff8a80") if window.lightness() < 128 else QColor("#b71c1c")


def _human_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def _type_name(attachment: AttachmentView) -> str:
    if attachment.is_pdf:
        return "PDF"
    if attachment.media_type == "image/jpeg":
        return "JPEG"
    if attachment.media_type == "image/png":
        return "PNG"
    if attachment.media_type == "video/mp4":
        return "MP4"
    suffix = attachment.path.rsplit(".", 1)[-1] if "." in attachment.path else ""
    return suffix.upper() or attachment.media_type


def _icon_for(widget: QWidget, attachment: AttachmentView):  # type: ignore[no-untyped-def]
    style = widget.style()
    if attachment.is_pdf:
        return style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
    if attachment.is_image:
        return style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
    if attachment.media_type.startswith("video/"):
        return style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
    return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class _Signalling(QObject):
    """Carries a background job's result to the GUI thread."""

    finished = Signal(object, object)  # (token, Path | str error)


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


class SectionPanel(QFrame):
    """One section: its title, its word count against its limit, text and attachments.

    :attr:`words_label` carries the dynamic property ``overLimit`` (True when
    the text has more words than the limit) and is drawn in red then.
    :attr:`attachment_buttons` maps attachment ids (str) to their buttons.

    Signals:
        attachment_clicked(str): the id of the attachment button clicked.
    """

    attachment_clicked = Signal(str)

    def __init__(self, section: SectionView, parent: QWidget | None = None, *, blind: bool = False) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"section_{section.key}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, em(self, 0.6), 0, em(self, 0.4))
        layout.setSpacing(em(self, 0.3))
        head = QHBoxLayout()
        self.title_label = make_heading(QLabel(self))
        self.title_label.setObjectName("section_title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setText(section.title)
        self.words_label = QLabel(self)
        self.words_label.setObjectName("section_words")
        self.words_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.words_label.setWordWrap(True)
        self.words_label.setProperty("overLimit", section.over_limit)
        if section.over_limit:
            self.words_label.setFont(scaled_font(self.words_label.font(), 1.0, QFont.Weight.DemiBold))
            palette = self.words_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, warning_colour(self))
            self.words_label.setPalette(palette)
        else:
            self.words_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.words_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)

        self.text_label = QLabel(self)
        self.text_label.setObjectName("section_text")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.text_label.setText(section.text)
        layout.addWidget(self.text_label)

        self.attachment_buttons: dict[str, AttachmentButton] = {}
        if section.attachments:
            row = QVBoxLayout()
            row.setSpacing(0)
            for attachment in section.attachments:
                button = AttachmentButton(attachment, self, blind=blind)
                button.clicked.connect(lambda _c=False, a=str(attachment.id): self.attachment_clicked.emit(a))
                self.attachment_buttons[str(attachment.id)] = button
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addLayout(row)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        s = self.section
        words = QLocale().toString(s.words)
        if s.word_limit is None:
            text = self.tr("%n word(s)", "", s.words).replace(str(s.words), words)
            tip = ""
        else:
            limit = QLocale().toString(s.word_limit)
            text = self.tr("%1 / %2 words").replace("%1", words).replace("%2", limit)
            tip = self.tr("Word limit of this section: %1").replace("%1", limit)
            if s.over_limit:
                text = self.tr("%1 / %2 words \u2014 over the limit").replace("%1", words).replace("%2", limit)
        self.words_label.setText(text)
        self.words_label.setToolTip(tip)
        for button in self.attachment_buttons.values():
            button.retranslate()


def attachment_kind_text(kind: str) -> str:
    """The kind of an attachment (``surat_pernyataan``, ``sk``, ...) in the UI language."""
    texts = {
        "surat_pernyataan": QCoreApplication.translate("AttachmentTexts", "Statement letter"),
        "sk": QCoreApplication.translate("AttachmentTexts", "Decree (SK)"),
        "foto": QCoreApplication.translate("AttachmentTexts", "Photo"),
        "video": QCoreApplication.translate("AttachmentTexts", "Video"),
        "laporan_evaluasi": QCoreApplication.translate("AttachmentTexts", "Evaluation report"),
        "lainnya": QCoreApplication.translate("AttachmentTexts", "Other"),
    }
    return texts.get(kind, kind)


class AttachmentButton(QPushButton):
    """A flat button naming an attachment; elides its text rather than widen the page."""

    def __init__(self, attachment: AttachmentView, parent: QWidget | None = None, *, blind: bool = False) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self._blind = blind
        self._full = ""
        self._suffix = ""
        self.setObjectName("attachment_button")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setIcon(_icon_for(self, attachment))
        self.setProperty("attachmentId", str(attachment.id))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def full_text(self) -> str:
        return self._full

    def retranslate(self) -> None:
        a = self.attachment
        self._suffix = f"  ({_type_name(a)}, {_human_size(a.size)})"
        self._full = f"{a.title}{self._suffix}"
        # A file name in the package may name the agency: not shown in blind mode.
        kind = attachment_kind_text(a.kind)
        self.setToolTip(f"{a.title}\n" + (kind if self._blind else f"{kind} \u00b7 {a.path}"))
        self._elide()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().sizeHint()
        extra = hint.width() - self.fontMetrics().horizontalAdvance(self.text())
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + extra, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(em(self, 6), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        icon = self.iconSize().width() + em(self, 1.5)
        width = self.width() - icon
        text = self._full
        if width > 0:  # the title elided at its end, its type and size kept whole (issue 14)
            text = elide_end(self.fontMetrics(), self.attachment.title, width, suffix=self._suffix)
        if text != self.text():
            self.setText(text)


class DossierReader(QWidget):
    """Reads one dossier: metadata, sections with word counts, attachments.

    ``show_view(view, blind_mode=...)`` shows a
    :class:`~oaoi_desktop.services.dossiers.DossierView` (read it with
    :func:`~oaoi_desktop.services.dossiers.dossier_view`, or the judging
    service's redacted one); ``clear()`` empties the reader.
    :meth:`open_attachment` opens an attachment as its button does.

    Parts tests and embedding code may look at: :attr:`viewer` (the
    :class:`AttachmentViewer`: ``pdf_document``, ``pdf_view``,
    ``image_label``), :attr:`field_labels` (metadata value labels by field
    name), :attr:`section_panels` (one :class:`SectionPanel` per section).

    Signals:
        attachment_opened(str): the attachment id, after it was shown or
            handed to the system's default application.
    """

    attachment_opened = Signal(str)

    FIELDS = (
        "number", "instansi", "unit_kerja", "klaster", "kelompok", "kategori", "innovators", "contact",
        "started_on", "age", "sdgs", "is_digital", "video_url", "previous_finalist", "revision",
    )

    def __init__(self, db: Database, parent: QWidget | None = None, *, settings: Settings | None = None,
                 actor: Callable[[], Any]) -> None:
        """``actor()``: the signed-in person now (the secretariat, or the judge whose workspace this is);
        the services check that they may read each attachment's dossier."""
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._actor = actor
        self._view: DossierView | None = None
        self._blind = False
        self._blind_consent = False
        self._pending_question: QMessageBox | None = None
        self._export_token = 0
        self._carrier = _Signalling(self)
        self._carrier.finished.connect(self._on_exported)
        self.section_panels: list[SectionPanel] = []
        self.other_attachment_buttons: dict[str, AttachmentButton] = {}
        self.setObjectName("dossier_reader")
        self._build_ui()
        self.retranslate_ui()
        self.clear()

    # -- construction --------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reader_splitter")
        self.splitter.setChildrenCollapsible(False)

        self.text_scroll = QScrollArea(self.splitter)
        self.text_scroll.setObjectName("reader_text")
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Wrapped text fits any width; only an unbreakable word (an e-mail
        # address) may need more in a very narrow pane: scroll rather than clip.
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.text_scroll.setMinimumWidth(em(self, 18))
        content = QWidget()
        content.setObjectName("reader_content")
        self._content_layout = QVBoxLayout(content)
        side = em(self, 1.0)
        self._content_layout.setContentsMargins(side, side, side, side)
        self._content_layout.setSpacing(em(self, 0.4))

        self.title_label = make_heading(QLabel(content))
        self.title_label.setObjectName("reader_title")
        self.title_label.setFont(scaled_font(self.font(), 1.45, QFont.Weight.DemiBold))
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._content_layout.addWidget(self.title_label)

        self.notice_label = make_body(QLabel(content))
        self.notice_label.setObjectName("reader_notice")
        self._content_layout.addWidget(self.notice_label)

        self.metadata = QFrame(content)
        self.metadata.setObjectName("reader_metadata")
        self.metadata.setFrameShape(QFrame.Shape.StyledPanel)
        self.metadata.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.metadata.setAutoFillBackground(True)
        form = QFormLayout(self.metadata)
        form.setContentsMargins(em(self, 0.8), em(self, 0.6), em(self, 0.8), em(self, 0.6))
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._form = form
        self.field_names: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}
        for name in self.FIELDS:
            caption = QLabel(self.metadata)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value = QLabel(self.metadata)
            value.setObjectName(f"field_{name}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.field_names[name] = caption
            self.field_labels[name] = value
        self._content_layout.addWidget(self.metadata)

        self._sections_box = QVBoxLayout()
        self._sections_box.setSpacing(0)
        self._content_layout.addLayout(self._sections_box)

        self.other_heading = make_heading(QLabel(content))
        self.other_heading.setObjectName("other_attachments_heading")
        self._content_layout.addWidget(self.other_heading)
        self._other_box = QVBoxLayout()
        self._other_box.setSpacing(0)
        self._content_layout.addLayout(self._other_box)
        self._content_layout.addStretch(1)
        self.text_scroll.setWidget(content)

        self.viewer = AttachmentViewer(self.splitter)
        self.external_button = self.viewer.external_button
        self.external_button.clicked.connect(self._open_again)
        self.splitter.addWidget(self.text_scroll)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter)
        self._restore_splitter()
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._save_splitter())

    def _restore_splitter(self) -> None:
        state = self._settings.value(registry.READER_SPLITTER) if self._settings is not None else QByteArray()
        self._splitter_restored = not state.isEmpty() and self.splitter.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._splitter_restored:
            self._splitter_restored = True
            width = max(self.splitter.width(), em(self, 40))
            self.splitter.setSizes([round(width * 0.5), round(width * 0.5)])

    def _save_splitter(self) -> None:
        if self._settings is not None:
            self._settings.set_value(registry.READER_SPLITTER, self.splitter.saveState())

    # -- public ------------------------------------------------------------------
    @property
    def view(self) -> DossierView | None:
        """The dossier shown (None when empty)."""
        return self._view

    @property
    def blind_mode(self) -> bool:
        return self._blind

    def show_view(self, view: DossierView, *, blind_mode: bool = False) -> None:
        """Show ``view``; in ``blind_mode`` identity fields read "disamarkan"
        and attachments open only after the user agreed to see unredacted files."""
        same_dossier = self._view is not None and self._view.dossier_id == view.dossier_id
        self._view = view
        self._blind = blind_mode
        if not (same_dossier and self._blind_consent):
            self._blind_consent = False
        self._dismiss_question()
        self._export_token += 1
        self.viewer.set_blind(blind_mode)
        self._build_content()
        ids = {str(a.id) for a in self._all_attachments()}
        shown = self.viewer.attachment
        if shown is None or str(shown.id) not in ids:
            self.viewer.show_placeholder(has_attachments=bool(ids))
        self.text_scroll.verticalScrollBar().setValue(0)
        self.setEnabled(True)

    def clear(self) -> None:
        """Show nothing (and let go of any open file)."""
        self._view = None
        self._blind = False
        self._blind_consent = False
        self._dismiss_question()
        self._export_token += 1
        self._build_content()
        self.viewer.show_placeholder(has_attachments=None)  # no proposal: never "this proposal has none"

    def attachment(self, attachment_id: uuid.UUID | str) -> AttachmentView | None:
        for a in self._all_attachments():
            if str(a.id) == str(attachment_id):
                return a
        return None

    def open_attachment(self, attachment_id: uuid.UUID | str) -> QMessageBox | None:
        """Open an attachment of the dossier shown, as clicking its button does.

        In blind mode, the first time for a dossier, asks first (through the
        dialog seam) and returns that question; else returns None.
        """
        attachment = self.attachment(attachment_id)
        if attachment is None or self._view is None:
            return None
        if self._blind and not self._blind_consent:
            return self._ask_to_open_unredacted(attachment)
        self._open(attachment)
        return None

    # -- opening ---------------------------------------------------------------------
    def _ask_to_open_unredacted(self, attachment: AttachmentView) -> QMessageBox:
        self._dismiss_question()
        dossier_id = self._view.dossier_id if self._view else None

        def answered(yes: bool) -> None:
            self._pending_question = None
            if not yes or self._view is None or self._view.dossier_id != dossier_id:
                return
            self._blind_consent = True
            self._open(attachment)

        box = dialogs.question(
            self,
            self.tr("Attachments are not redacted"),
            self.tr(
                "This evaluation is blind: the proposal's identity is hidden in the texts, but attachments "
                "cannot be redacted. \u201c%1\u201d may show the agency, the unit or the innovators.\n\n"
                "Open the attachment anyway?"
            ).replace("%1", attachment.title),
            on_answered=answered,
        )
        self._pending_question = box
        return box

    def _dismiss_question(self) -> None:
        box, self._pending_question = self._pending_question, None
        if box is not None:
            try:
                if box.isVisible():
                    box.done(int(QMessageBox.StandardButton.No.value))
            except RuntimeError:  # already deleted
                pass

    def _open(self, attachment: AttachmentView) -> None:
        try:
            path = attachment_local_path(self._db, attachment.id, actor=self._actor())
        except OaoiError as exc:
            self.viewer.show_error(attachment, exc.render())
            return
        if attachment.is_pdf:
            ok = self.viewer.show_pdf(attachment, path)
        elif attachment.is_image:
            ok = self.viewer.show_image(attachment, path)
        else:
            self._export_and_open(attachment)
            return
        if ok:
            self.attachment_opened.emit(str(attachment.id))

    def _export_and_open(self, attachment: AttachmentView) -> None:
        """Copy the file under its own name off the GUI thread, then hand it to the system."""
        self._export_token += 1
        token = (self._export_token, attachment)
        db, carrier, folder = self._db, self._carrier, exported_attachments_dir()
        try:
            actor = self._actor()
        except OaoiError as exc:
            self.viewer.show_error(attachment, exc.render())
            return
        self.viewer.show_external(attachment, opened=True)
        self.viewer.external_label.setText(self.tr("Preparing \u201c%1\u201d\u2026").replace("%1", attachment.title))

        def work() -> None:
            try:
                result: Path | str = export_attachment(db, attachment.id, folder, actor=actor)
            except OaoiError as exc:
                result = exc.render()
            except OSError as exc:
                result = str(exc.strerror or exc)
            try:
                carrier.finished.emit(token, result)
            except RuntimeError:  # the reader is gone
                pass

        threading.Thread(target=work, name="oaoi-export-attachment", daemon=True).start()

    def _on_exported(self, token: object, result: object) -> None:
        number, attachment = token  # type: ignore[misc]
        if number != self._export_token:
            return  # another dossier or attachment was chosen meanwhile
        if isinstance(result, str):
            self.viewer.show_error(attachment, result)
            return
        opened = open_with_system(result)  # type: ignore[arg-type]
        self.viewer.show_external(attachment, opened=opened)
        if opened:
            self.attachment_opened.emit(str(attachment.id))

    def _open_again(self) -> None:
        shown = self.viewer.attachment
        if shown is not None:
            self.open_attachment(shown.id)

    # -- content ---------------------------------------------------------------------------
    def _all_attachments(self) -> Sequence[AttachmentView]:
        if self._view is None:
            return ()
        seen: dict[uuid.UUID, AttachmentView] = {a.id: a for a in self._view.attachments}
        for s in self._view.sections:
            for a in s.attachments:
                seen.setdefault(a.id, a)
        return tuple(seen.values())

    def _build_content(self) -> None:
        for panel in self.section_panels:
            panel.setParent(None)
            panel.deleteLater()
        self.section_panels = []
        for button in self.other_attachment_buttons.values():
            button.setParent(None)
            button.deleteLater()
        self.other_attachment_buttons = {}
        view = self._view
        content = self.text_scroll.widget()
        self.metadata.setVisible(view is not None)
        if view is None:
            self.title_label.setText("")
            self.notice_label.hide()
            self.other_heading.hide()
            return
        for section in view.sections:
            panel = SectionPanel(section, content, blind=self._blind)
            panel.attachment_clicked.connect(self.open_attachment)
            self._sections_box.addWidget(panel)
            self.section_panels.append(panel)
        in_sections = {a.id for s in view.sections for a in s.attachments}
        others = [a for a in view.attachments if a.id not in in_sections]
        for attachment in others:
            button = AttachmentButton(attachment, content, blind=self._blind)
            button.clicked.connect(lambda _c=False, a=str(attachment.id): self.open_attachment(a))
            self._other_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.other_attachment_buttons[str(attachment.id)] = button
        self.other_heading.setVisible(bool(others))
        self._fill_fields()

    def _fill_fields(self) -> None:
        view = self._view
        if view is None:
            return
        locale = QLocale()
        hidden = self.tr("hidden")
        dash = "\u2014"

        def text(value: str | None) -> str:
            if value is None:
                return hidden
            return value or dash

        def yes_no(value: bool | None) -> str:
            if value is None:
                return dash
            return self.tr("Yes") if value else self.tr("No")

        self.title_label.setText(view.title)
        innovators: tuple[str, ...] | None = view.innovators  # None in blind mode (judge views)
        if innovators is None:
            innovators_text = hidden
        else:
            innovators_text = ", ".join(dict.fromkeys(innovators)) or dash
        contact = view.contact
        if contact is None:
            contact_text = hidden
        else:
            who = ", ".join(dict.fromkeys(p for p in (contact.name, contact.position) if p))
            reach = " \u00b7 ".join(dict.fromkeys(p for p in (contact.email, contact.phone) if p))
            contact_text = "\n".join(p for p in (who, reach) if p) or dash
        if view.started_on is not None:
            started = locale.toString(view.started_on, "d MMMM yyyy")
        else:
            started = dash
        if view.age_months is not None:
            age = self.tr("%n month(s)", "", view.age_months)
        else:
            age = dash
        values = {
            "number": view.number,
            "instansi": text(view.instansi),
            "unit_kerja": text(view.unit_kerja),
            "klaster": klaster_text(view.klaster) or dash,
            "kelompok": kelompok_text(view.kelompok) or dash,
            "kategori": view.kategori or dash,
            "innovators": innovators_text,
            "contact": contact_text,
            "started_on": started,
            "age": age,
            "sdgs": ", ".join(locale.toString(n) for n in view.sdgs) or dash,
            "is_digital": yes_no(view.is_digital),
            # a link may name the agency (a channel, a domain): hidden in blind mode, like the agency
            "video_url": (hidden if view.video_url else dash) if self._blind else (view.video_url or dash),
            "previous_finalist": yes_no(view.previous_finalist),
            "revision": self._revision_text(view),
        }
        for name, value in values.items():
            self.field_labels[name].setText(value)
        self.field_labels["video_url"].setToolTip("")
        if view.video_url and not self._blind:
            self.field_labels["video_url"].setToolTip(
                self.tr("A link on the internet: it opens only where there is a connection.")
            )
        notices = []
        if getattr(view, "purged_notice", ""):  # issue 17: the content was purged (services/purge.py)
            notices.append(view.purged_notice)
        if self._blind:
            notices.append(self.tr(
                "Blind evaluation: the proposal's identity is hidden. Attachments cannot be redacted."
            ))
        if not view.is_current:
            notices.append(self.tr("This is revision %1; the current revision is %2.")
                           .replace("%1", locale.toString(view.revision))
                           .replace("%2", locale.toString(view.current_revision)))
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))
        if notices:
            palette = self.notice_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, warning_colour(self))
            self.notice_label.setPalette(palette)

    def _revision_text(self, view: DossierView) -> str:
        locale = QLocale()
        info = next((r for r in view.revisions if r.revision == view.revision), None)
        text = self.tr("%1 of %2").replace("%1", locale.toString(view.revision)).replace(
            "%2", locale.toString(view.current_revision)
        )
        if info is not None:
            when = locale.toString(info.imported_at.date(), "d MMM yyyy")
            text += " \u00b7 " + self.tr("imported %1").replace("%1", when)
            if info.source and not self._blind:
                text += " \u00b7 " + info.source
        return text

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        captions = {
            "number": self.tr("Proposal number"),
            "instansi": self.tr("Agency (instansi)"),
            "unit_kerja": self.tr("Unit (unit kerja)"),
            "klaster": self.tr("Cluster (klaster)"),
            "kelompok": self.tr("Group (kelompok)"),
            "kategori": self.tr("Category"),
            "innovators": self.tr("Innovators"),
            "contact": self.tr("Contact"),
            "started_on": self.tr("Started on"),
            "age": self.tr("Age of the innovation"),
            "sdgs": self.tr("SDGs"),
            "is_digital": self.tr("Digital innovation"),
            "video_url": self.tr("Video"),
            "previous_finalist": self.tr("Finalist before"),
            "revision": self.tr("Revision"),
        }
        for name, caption in captions.items():
            self.field_names[name].setText(caption)
        self.other_heading.setText(self.tr("Other attachments"))
        for button in self.other_attachment_buttons.values():
            button.retranslate()
        self._fill_fields()


def klaster_text(code: str) -> str:
    texts = {
        "kementerian": QCoreApplication.translate("AttachmentTexts", "Ministry (kementerian)"),
        "lembaga": QCoreApplication.translate("AttachmentTexts", "Agency (lembaga)"),
        "provinsi": QCoreApplication.translate("AttachmentTexts", "Province (provinsi)"),
        "kabupaten": QCoreApplication.translate("AttachmentTexts", "Regency (kabupaten)"),
        "kota": QCoreApplication.translate("AttachmentTexts", "City (kota)"),
        "bumn": "BUMN",
        "bumd": "BUMD",
        "opd": QCoreApplication.translate("AttachmentTexts", "Regional office (OPD)"),
    }
    return texts.get(code, code)


def kelompok_text(code: str) -> str:
    texts = {
        "umum": QCoreApplication.translate("AttachmentTexts", "General (umum)"),
        "replikasi": QCoreApplication.translate("AttachmentTexts", "Replication (replikasi)"),
        "khusus": QCoreApplication.translate("AttachmentTexts", "Special (khusus)"),
    }
    return texts.get(code, code)


__all__ = [
    "AttachmentViewer",
    "DossierReader",
    "AttachmentButton",
    "SectionPanel",
    "attachment_kind_text",
    "exported_attachments_dir",
    "open_with_system",
]
