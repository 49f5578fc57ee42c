"""The secretariat's console: event set-up wizard, assignment matrix, progress dashboard.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


def install(window: "MainWindow") -> object | None:
    """Add this package's actions and pages to ``window``."""
    return None


__all__ = ["install"]
