"""Trust: audit chain verification, backup and restore.

Installed into the main window by :mod:`oaoi_desktop.ui.extensions`: the
Tools menu gets "Verify audit log", "Back up database" and "Restore from
backup" (secretariat only), and a timer makes automatic backups while the
app runs (see :mod:`oaoi_desktop.ui.trust.hook`); the work goes through
:class:`~oaoi_desktop.ui.trust.desk.TrustDesk` (no Qt).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow


def install(window: "MainWindow") -> object | None:
    """Add this package's actions and pages to ``window``."""
    from oaoi_desktop.ui.trust.hook import TrustHook

    return TrustHook(window)


__all__ = ["install"]
