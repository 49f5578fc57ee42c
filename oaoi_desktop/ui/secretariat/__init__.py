"""The secretariat's console: event set-up wizard, assignment matrix, progress dashboard.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`:

* :mod:`~oaoi_desktop.ui.secretariat.wizard` — :class:`EventWizard` ("Kegiatan baru…", Ctrl+N);
* :mod:`~oaoi_desktop.ui.secretariat.console` — :class:`SecretariatConsole` (a page of the
  window's stack: "Penugasan", "Progres" and the results package's tabs);
* :mod:`~oaoi_desktop.ui.secretariat.matrix`, :mod:`~oaoi_desktop.ui.secretariat.dashboard`,
  :mod:`~oaoi_desktop.ui.secretariat.pin_slips`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


def install(window: "MainWindow") -> object | None:
    """Add this package's actions and pages to ``window``."""
    from oaoi_desktop.ui.secretariat.hook import SecretariatHook

    return SecretariatHook(window)


__all__ = ["install"]
