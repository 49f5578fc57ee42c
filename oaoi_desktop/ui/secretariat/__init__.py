"""The secretariat's console: event set-up wizard, assignment matrix, progress dashboard.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`:

* :mod:`~oaoi_desktop.ui.secretariat.wizard` — :class:`EventWizard` ("Kegiatan baru…", Ctrl+N),
  with its pages in :mod:`~oaoi_desktop.ui.secretariat.wizard_pages` and
  :mod:`~oaoi_desktop.ui.secretariat.roster_page`, and its way into the services,
  :mod:`~oaoi_desktop.ui.secretariat.event_setup`;
* :mod:`~oaoi_desktop.ui.secretariat.console` — :class:`SecretariatConsole` (a page of the
  window's stack: "Penugasan", "Progres" and the results package's tabs);
* :mod:`~oaoi_desktop.ui.secretariat.matrix`, :mod:`~oaoi_desktop.ui.secretariat.dashboard`,
  :mod:`~oaoi_desktop.ui.secretariat.pin_slips`;
* :mod:`~oaoi_desktop.ui.secretariat.desk` — :class:`SecretariatDesk`, the console's way into
  the services (no Qt): the console's screens open no database session themselves.
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
