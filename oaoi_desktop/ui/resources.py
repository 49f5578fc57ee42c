"""Where the app's resources (translations, icons) live.

``resources/`` sits at the top of the source tree, beside the package; the
package is installed editable, so it is found from the package's own path.
An installed wheel may instead carry a copy inside the package
(``oaoi_desktop/resources``); that location is used when present.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

import oaoi_desktop

_PACKAGE = Path(oaoi_desktop.__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding ``translations/`` and ``icons/``."""
    inside = _PACKAGE / "resources"
    if (inside / "translations").is_dir():
        return inside
    return _PACKAGE.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path(name: str) -> Path:
    """The path of ``resources/icons/<name>`` (e.g. ``"oaoi-desktop.svg"``)."""
    return resources_dir() / "icons" / name


def app_icon() -> QIcon:
    """The application icon (empty when the file is missing)."""
    path = icon_path("oaoi-desktop.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
