"""The feature packages of the user interface, installed into the main window.

Each package under ``ui/`` listed in :data:`PACKAGES` exposes
``install(window) -> object | None``: it adds its actions to the window's menus
(``window.file_menu``, ``window.event_menu``, ``window.tools_menu``,
``window.view_menu``), may add pages to ``window.stack``, appends the actions a
judge must not use to ``window.secretariat_only_actions``, and returns the
object that keeps them (usually a QObject hook that retranslates itself on
``QEvent.LanguageChange``).  Each package has its own translation catalogue
(``resources/translations/<package>_id.ts``; see scripts/build_translations.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow

PACKAGES = (
    "secretariat",  # event wizard, assignment matrix, progress dashboard
    "results",  # ranking, agreement, audit log views, finalising the event
    "documents",  # PDF documents: export, print
    "signatures",  # verifying and signing PDFs
    "exchange",  # USB panel packages and judge bundles
    "trust",  # audit verification, backup and restore
)


def install_all(window: "MainWindow") -> dict[str, object]:
    """Install every feature package into ``window``; returns what each one keeps."""
    installed: dict[str, object] = {}
    for name in PACKAGES:
        module = importlib.import_module(f"oaoi_desktop.ui.{name}")
        installed[name] = module.install(window)
    return installed


__all__ = ["PACKAGES", "install_all"]
