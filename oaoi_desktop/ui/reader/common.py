"""What the reader's parts share: where opened attachments are copied, the system viewer, the warning colour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QWidget

from oaoi_desktop import config


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


__all__ = ["exported_attachments_dir", "open_with_system", "warning_colour"]
