"""The left-hand side of the reader: one panel per section (words against the limit) and the attachment buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStyle, QVBoxLayout, QWidget

from oaoi_desktop.services.dossiers import AttachmentView, SectionView
from oaoi_desktop.ui.elide import elide_end
from oaoi_desktop.ui.reader.common import warning_colour
from oaoi_desktop.ui.widgets import em, make_heading, scaled_font


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


__all__ = ["AttachmentButton", "SectionPanel", "attachment_kind_text"]
