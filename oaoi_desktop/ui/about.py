"""Help ▸ About oaoi-desktop: the version, what the app is for, its licence, Qt and Python."""

from __future__ import annotations

import html
import platform

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import oaoi_desktop
from oaoi_desktop.ui import dialogs


def show_about(parent: QWidget) -> QMessageBox:
    """Show the About box (through the dialog seam) and return it."""
    # The texts keep the main window's context ("MainWindow"), where they were written first.
    purpose = QCoreApplication.translate(
        "MainWindow",
        "Offline judging of public-service innovations: import, scoring, ranking and "
        "signed results, for the panels of the One Agency One Innovation movement "
        "(Gerakan Satu Instansi Satu Inovasi)."
    )
    licence = QCoreApplication.translate("MainWindow", "Licence: MIT")
    text = (
        f"<h3>oaoi-desktop {html.escape(oaoi_desktop.__version__)}</h3>"
        f"<p>{html.escape(purpose)}</p>"
        f"<p>{html.escape(licence)}<br>"
        f"Qt {html.escape(qVersion())} \u00b7 Python {html.escape(platform.python_version())}</p>"
    )
    title = QCoreApplication.translate("MainWindow", "About oaoi-desktop")
    return dialogs.information(parent, title, text, rich_text=True)


__all__ = ["show_about"]
