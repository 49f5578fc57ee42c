"""The demo event in the GUI: ``oaoi-desktop --demo`` and Bantuan ▸ Buka demo.

Both open the separate demo database (:func:`oaoi_desktop.services.demo.open_demo`,
never the user's own database) in a main window that carries a
:class:`DemoPanel` at its top: it says that this is the demo and lists who
can sign in, with their PINs.

From the Help menu the demo is built off the GUI thread
(:class:`DemoOpener`: the first time it imports the twelve sample
dossiers), then shown in a window of its own; the user's window stays as it
is.  The demo database is closed when its window closes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QDockWidget, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oaoi_desktop.services.demo import DemoInfo, open_demo
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.jobs import Job
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.widgets import em, make_body, scaled_font

if TYPE_CHECKING:
    from oaoi_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class DemoPanel(QFrame):
    """A banner: this is the demo database; who can sign in, with which PIN.

    :attr:`pin_labels` maps each person's name to the label showing their PIN.
    """

    def __init__(self, info: DemoInfo, database_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self._database_name = database_name
        self.setObjectName("demo_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em(self, 1), em(self, 0.5), em(self, 1), em(self, 0.6))
        layout.setSpacing(em(self, 0.3))
        self.heading = QLabel(self)
        self.heading.setObjectName("demo_heading")
        self.heading.setFont(scaled_font(self.font(), 1.1, QFont.Weight.DemiBold))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation = make_body(QLabel(self))
        self.explanation.setObjectName("demo_explanation")
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)

        people = [(info.secretariat[0], "secretariat", info.secretariat[1]), *info.judges]
        grid = QGridLayout()
        grid.setHorizontalSpacing(em(self, 0.8))
        grid.setVerticalSpacing(em(self, 0.15))
        per_column = (len(people) + 1) // 2
        self.name_labels: dict[str, QLabel] = {}
        self.role_labels: dict[str, QLabel] = {}
        self.pin_labels: dict[str, QLabel] = {}
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setWeight(QFont.Weight.Bold)
        for i, (name, role, pin) in enumerate(people):
            row, column = i % per_column, (i // per_column) * 4
            name_label = QLabel(name, self)
            name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            role_label = QLabel(self)
            role_label.setProperty("role", role)
            pin_label = QLabel(pin, self)
            pin_label.setObjectName("demo_pin")
            pin_label.setFont(mono)
            pin_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name_label, row, column)
            grid.addWidget(role_label, row, column + 1)
            grid.addWidget(pin_label, row, column + 2)
            self.name_labels[name] = name_label
            self.role_labels[name] = role_label
            self.pin_labels[name] = pin_label
        grid.setColumnMinimumWidth(3, em(self, 2))
        grid.setColumnStretch(7, 1)
        box = QHBoxLayout()
        box.addLayout(grid)
        box.addStretch(1)
        layout.addLayout(box)
        self.retranslate_ui()

    def shown_pins(self) -> dict[str, str]:
        """Name → PIN as shown on screen."""
        return {name: label.text() for name, label in self.pin_labels.items()}

    def role_text(self, role: str) -> str:
        return {
            "secretariat": self.tr("secretariat"),
            "chair": self.tr("chair"),
            "member": self.tr("judge"),
        }.get(role, role)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.info.event_name)
        self.explanation.setText(self.tr(
            "Demo mode: this window uses a separate demo database (%1); your own database is not touched. "
            "Sign in with these PINs:"
        ).replace("%1", self._database_name))
        for label in self.role_labels.values():
            label.setText("(" + self.role_text(str(label.property("role"))) + ")")
        for name, label in self.pin_labels.items():
            label.setToolTip(self.tr("PIN of %1").replace("%1", name))


def attach_demo_panel(window: MainWindow, info: DemoInfo) -> DemoPanel:
    """Put the demo banner at the top of ``window`` (a dock without title bar)."""
    panel = DemoPanel(info, window.database.display_name)
    dock = QDockWidget(window)
    dock.setObjectName("demo_dock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    dock.setTitleBarWidget(QWidget(dock))
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock)
    window.demo_panel = panel  # type: ignore[attr-defined]
    return panel


class DemoOpener(Job):
    """Opens (the first time: builds) the demo database off the GUI thread (a :class:`~oaoi_desktop.ui.jobs.Job`).

    Signals:
        opened(object, object): the demo :class:`Database` and its :class:`DemoInfo`.
        failed(str): why the demo could not be opened, in the UI language.
    """

    opened = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda _progress, _cancel: open_demo(), name="oaoi-demo", parent=parent)
        self.finished.connect(self._on_opened)

    def _on_opened(self, result: tuple[Database, DemoInfo]) -> None:
        self.opened.emit(*result)


def show_demo_window(db: Database, info: DemoInfo, settings: Settings, *,
                     window_class: type[MainWindow]) -> MainWindow:
    """A main window (a ``window_class``) on the demo database, with the PINs banner; closing it
    closes the database.  The class is passed in: this module never imports the main window's,
    which opens the demo through it (no import cycle)."""
    window = window_class(db, settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.is_demo = True  # type: ignore[attr-defined]
    attach_demo_panel(window, info)
    window.destroyed.connect(lambda _obj=None, db=db: db.close())
    window.show()
    return window


def open_demo_from(window: MainWindow) -> DemoOpener:
    """Bantuan ▸ Buka demo: build/open the demo off the GUI thread, then show it in its own window."""
    opener = DemoOpener(window)
    window.statusBar().showMessage(QCoreApplication.translate("DemoPanel", "Preparing the demo\u2026"))

    def opened(db: Database, info: DemoInfo) -> None:
        window.statusBar().clearMessage()
        demo_window = show_demo_window(db, info, window.settings, window_class=type(window))
        window.demo_windows.append(demo_window)  # type: ignore[attr-defined]
        demo_window.destroyed.connect(lambda _obj=None: _forget(window, demo_window))

    def failed(message: str) -> None:
        window.statusBar().clearMessage()
        dialogs.error(window, QCoreApplication.translate("DemoPanel", "The demo could not be opened"), message)

    opener.opened.connect(opened)
    opener.failed.connect(failed)
    opener.start()
    return opener


def _forget(window: MainWindow, demo_window: MainWindow) -> None:
    try:
        window.demo_windows.remove(demo_window)  # type: ignore[attr-defined]
    except (ValueError, RuntimeError):
        pass


__all__ = ["DemoOpener", "DemoPanel", "attach_demo_panel", "open_demo_from", "show_demo_window"]
