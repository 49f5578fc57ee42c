"""Where the app's resources (translations, icons) live: see :mod:`oaoi_desktop.shipped`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from oaoi_desktop.shipped import resources_dir


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path(name: str) -> Path:
    """The path of ``resources/icons/<name>`` (e.g. ``"oaoi-desktop.svg"``)."""
    return resources_dir() / "icons" / name


def app_icon() -> QIcon:
    """The application icon (empty when the file is missing)."""
    path = icon_path("oaoi-desktop.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
