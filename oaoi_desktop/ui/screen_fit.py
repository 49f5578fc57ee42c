"""Windows that fit the venue's screens (issue 14): a 1280×720 projector laptop, or 1920×1080 at
150 % scaling, which leaves the same 1280×720 logical pixels.

:func:`resize_within_screen` opens a window at the size it would like, but never larger than the
screen it is on (less room for a title bar and a task bar), so no button ends up off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 48)
"""Room left for the window frame: borders, and a title bar (a task bar is outside the available area)."""


def available_size(widget: QWidget) -> QSize:
    """The size a window of ``widget`` may take on its screen (the whole screen less the task bar
    and the window frame)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 680)
    area = screen.availableGeometry().size()
    return QSize(max(1, area.width() - FRAME.width()), max(1, area.height() - FRAME.height()))


def resize_within_screen(widget: QWidget, width: int | QSize, height: int | None = None) -> QSize:
    """``widget.resize()`` to the size asked for, shrunk to fit the screen (never below the minimum
    the widget needs); returns the size given."""
    wanted = width if isinstance(width, QSize) else QSize(width, height if height is not None else width)
    room = available_size(widget)
    floor = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    size = wanted.boundedTo(room).expandedTo(floor)
    widget.resize(size)
    return size


__all__ = ["FRAME", "available_size", "resize_within_screen"]
