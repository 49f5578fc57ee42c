"""Small helpers shared by the judge screens: numbers, colours, message labels."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from oaoi_desktop.ui import language

# Semantic colours (text on the window background, and soft fills), chosen to
# keep a contrast ratio above 4.5:1 on light themes; on dark themes the fills
# are darkened (see :func:`fill`).
DANGER = QColor("#b3261e")
WARNING = QColor("#8a5300")
SUCCESS = QColor("#1e6b34")


def lang() -> str:
    """The interface language now ("id" or "en")."""
    return language.current_language()


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def fill(widget: QWidget, colour: QColor) -> QColor:
    """A soft background of ``colour`` that keeps text readable on the theme."""
    c = QColor(colour)
    if is_dark(widget):
        return c.darker(260)
    return QColor.fromHslF(c.hslHueF(), min(1.0, c.hslSaturationF()), 0.94)


def localise_number(text: str) -> str:
    """A number written with a point, in the locale's decimal mark ("72,5")."""
    point = QLocale().decimalPoint()
    return text.replace(".", point) if point != "." else text


def score_text(value: Decimal | Fraction | int | None) -> str:
    """A score as people write it ("8", "7,5"); empty for none."""
    if value is None:
        return ""
    from oaoi_desktop.domain.scoring import number_text  # not at start-up: the sign-in page needs none

    return localise_number(number_text(value))


def total_text(value: Fraction | Decimal | None, places: int = 2) -> str:
    """A total with ``places`` decimals in the locale ("72,50"); "–" for none."""
    if value is None:
        return "\u2013"
    from oaoi_desktop.domain.scoring import display

    return localise_number(display(value, places))


def set_message(label: QLabel, text: str, colour: QColor | None = None) -> None:
    """Show ``text`` (or hide the label when empty) in ``colour`` (None: the theme's text colour)."""
    if label.text() != text:
        label.setText(text)
        label.setAccessibleDescription(text)
    if label.isVisibleTo(label.parentWidget()) != bool(text) if label.parentWidget() is not None else True:
        label.setVisible(bool(text))
    wanted = colour.name() if colour is not None else ""
    if label.property("oaoi_colour") != wanted:
        label.setProperty("oaoi_colour", wanted)
        if colour is None:
            parent = label.parentWidget()
            label.setPalette(parent.palette() if parent is not None else label.palette())
        else:
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(palette)


class PageStack(QWidget):
    """Pages of a dialog, one shown at a time; the dialog takes the size of the page shown.

    (A QStackedWidget is as tall as its tallest page; here hidden pages take no room.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - as QStackedWidget
        self._pages.append(page)
        self.layout().addWidget(page)
        page.setVisible(len(self._pages) - 1 == self._current)
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:  # noqa: N802 - as QStackedWidget
        return self._current

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - as QStackedWidget
        self._current = index
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)


def show_page(pages: PageStack, index: int) -> None:
    """Show one page of a dialog and fit the dialog to it."""
    pages.setCurrentIndex(index)
    window = pages.window()
    if window is not None and window is not pages:
        layout = window.layout()
        if layout is not None:
            layout.activate()
        width = max(window.width(), window.minimumWidth())
        if layout is not None and layout.hasHeightForWidth():
            window.resize(width, max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height()))
        else:
            window.adjustSize()


def message_label(parent: QWidget) -> QLabel:
    """A wrapping, selectable label for errors and notices; hidden while empty."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


__all__ = [
    "DANGER",
    "PageStack",
    "SUCCESS",
    "WARNING",
    "fill",
    "is_dark",
    "lang",
    "localise_number",
    "message_label",
    "score_text",
    "set_message",
    "show_page",
    "total_text",
]
