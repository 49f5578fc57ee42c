"""Where the USB import flow (``ui/importing/``) hands a panel package over to this package.

The import flow takes dossier folders, ZIPs and spreadsheets.  A *panel
package* (a folder with ``oaoi-package.json``) is not dossiers: it is a judge's
encrypted package, applied by :class:`~oaoi_desktop.ui.exchange.packages.PackageImportDialog`.
Two hooks, called from clearly marked lines in ``ui/importing/``:

* :func:`package_dialog_for` — paths dropped on the window or given to
  ``open_import_dialog``: the first panel package opens the package dialog
  instead of the import dialog;
* :func:`take_panel_packages` — paths added to an open import dialog (its
  folder chooser): panel packages open the package dialog, the rest stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from oaoi_desktop.services.exchange.packages import is_panel_package
from oaoi_desktop.store.database import Database


def package_dialog_for(db: Database, parent: QWidget | None, paths: Sequence[Path | str]):  # type: ignore[no-untyped-def]
    """The package dialog (shown) when ``paths`` hold a panel package, else None."""
    for raw in paths:
        if is_panel_package(raw):
            from oaoi_desktop.ui.exchange.packages import open_package_import_dialog

            return open_package_import_dialog(db, parent, Path(raw))
    return None


def take_panel_packages(db: Database, parent: QWidget | None, paths: Sequence[Path | str]) -> list[Path | str]:
    """Open the package dialog for a panel package among ``paths``; the other paths."""
    rest = [p for p in paths if not is_panel_package(p)]
    if len(rest) != len(paths):
        package_dialog_for(db, parent, paths)
    return rest


__all__ = ["package_dialog_for", "take_panel_packages"]
