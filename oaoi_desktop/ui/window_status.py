"""The main window's status bar: the database, the person signed in, this device.

The texts keep the main window's translation context ("MainWindow"), where they were written first.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow

from oaoi_desktop.ui.widgets import ElidedLabel, em

if TYPE_CHECKING:
    from oaoi_desktop.services.auth import SignedIn


class WindowStatus:
    """The permanent labels of ``window``'s status bar: :attr:`database_label`, :attr:`person_label`,
    :attr:`device_label`."""

    def __init__(self, window: QMainWindow) -> None:
        self.database_label = ElidedLabel(parent=window)
        self.database_label.setObjectName("status_database")
        self.device_label = QLabel(window)
        self.device_label.setObjectName("status_device")
        self.person_label = QLabel(window)
        self.person_label.setObjectName("status_person")
        side = em(window, 0.4)
        for label in (self.database_label, self.device_label, self.person_label):
            label.setContentsMargins(side, 0, side, 0)
        window.statusBar().addPermanentWidget(self.database_label, 1)
        window.statusBar().addPermanentWidget(self.person_label)
        window.statusBar().addPermanentWidget(self.device_label)

    def show(self, person: SignedIn | None, database_name: str, device_id: uuid.UUID | str | None) -> None:
        """Name the person signed in (or nobody), the database and this device (when known)."""
        if person is None:
            self.person_label.setText(QCoreApplication.translate("MainWindow", "Nobody signed in"))
        elif person.is_secretariat:
            self.person_label.setText(QCoreApplication.translate("MainWindow", "Signed in: %1 (secretariat)")
                                      .replace("%1", person.name))
        else:
            self.person_label.setText(QCoreApplication.translate("MainWindow", "Signed in: %1 (judge)")
                                      .replace("%1", person.name))
        self.database_label.setText(QCoreApplication.translate("MainWindow", "Database: %1")
                                    .replace("%1", database_name))
        self.database_label.setToolTip(database_name)
        if device_id is not None:
            device = str(device_id)
            self.device_label.setText(QCoreApplication.translate("MainWindow", "Device: %1").replace("%1", device[:8]))
            self.device_label.setToolTip(QCoreApplication.translate("MainWindow", "This installation's device id: %1")
                                         .replace("%1", device))
        else:
            self.device_label.clear()


__all__ = ["WindowStatus"]
