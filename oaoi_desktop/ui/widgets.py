"""Small shared widgets and the app's typography.

Sizes follow the user's font (point sizes scaled from the widget's font,
margins in multiples of the font height), and colours come from the palette,
so the app stays readable with large fonts, high DPI and dark themes.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget


def scaled_font(base: QFont, factor: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """``base`` scaled by ``factor`` with ``weight``."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setWeight(weight)
    return font


def make_title(label: QLabel) -> QLabel:
    """A page title: large and semi-bold."""
    label.setFont(scaled_font(label.font(), 1.7, QFont.Weight.DemiBold))
    label.setWordWrap(True)
    label.setAccessibleDescription("title")
    return label


def make_heading(label: QLabel) -> QLabel:
    """A section heading."""
    label.setFont(scaled_font(label.font(), 1.25, QFont.Weight.DemiBold))
    label.setWordWrap(True)
    return label


def make_body(label: QLabel, *, muted: bool = False) -> QLabel:
    """Running text: wraps; ``muted`` for secondary explanations."""
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class PassphraseField(QLineEdit):
    """The one field a PIN or passphrase is typed into: what is typed is never shown.

    Every sign-in, lock, recovery, certificate, package and signing form uses it,
    so the fields behave alike.  Its label, accessible name and tool tip are the
    form's own (set where the form retranslates itself), as for any line edit.
    ``object_name`` names it for tests and the accessibility tree.
    """

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setEchoMode(QLineEdit.EchoMode.Password)

    @property
    def revealed(self) -> bool:
        """True while the text is shown in clear (see :meth:`set_revealed`)."""
        return self.echoMode() == QLineEdit.EchoMode.Normal

    def set_revealed(self, revealed: bool) -> None:
        """Show the text in clear (True) or hide it again (False, the default)."""
        self.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)


def em(widget: QWidget, n: float = 1.0) -> int:
    """``n`` times the height of the widget's font, in pixels."""
    return round(QFontMetrics(widget.font()).height() * n)


class ElidedLabel(QLabel):
    """A one-line label that elides its text to fit and shows it whole as a tool tip.

    For long values (database paths) in narrow places such as the status bar:
    the label never forces its container wider.  :meth:`full_text` is the
    text as set.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 2
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self.fontMetrics().horizontalAdvance("M…M"), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, self._mode, width) if width > 0 else self._full
        super().setText(shown)


class StepBadge(QWidget):
    """A round badge with a step number, or a check mark once the step is done."""

    DONE = "done"
    CURRENT = "current"
    PENDING = "pending"

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._number = number
        self._state = self.PENDING
        size = em(self, 1.9)
        self.setFixedSize(size, size)

    @property
    def state(self) -> str:
        return self._state

    def set_state(self, state: str) -> None:
        self._state = state
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        if self._state == self.PENDING:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self._number))
        else:
            fill = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawEllipse(rect)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            text = "\u2713" if self._state == self.DONE else str(self._number)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


__all__ = [
    "ElidedLabel",
    "PassphraseField",
    "StepBadge",
    "em",
    "make_body",
    "make_heading",
    "make_title",
    "scaled_font",
]
