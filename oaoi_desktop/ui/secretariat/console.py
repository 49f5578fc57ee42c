"""The secretariat console: one page with an event selector and tabs.

Tabs: "Penugasan" (:class:`AssignmentMatrixView`), "Progres"
(:class:`ProgressDashboard`), "Kalibrasi" (:class:`CalibrationTab`, issue 17), then the tabs the results
package offers through ``oaoi_desktop.ui.results.console_tabs(db, event_id, parent, actor=...)`` when it has
them (each tab names itself with its window title and has ``refresh()``).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui.results import console_tabs
from oaoi_desktop.ui.secretariat.dashboard import POLL_MS, ProgressDashboard
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.secretariat.matrix import AssignmentMatrixView
from oaoi_desktop.ui.secretariat.routine import RoutineMenu
from oaoi_desktop.ui.widgets import make_title


class SecretariatConsole(QWidget):
    """The console page of one event (chosen in the selector at the top).

    Signals:
        dismissed(): the user asked to go back to the events overview.
        event_changed(str): another event was chosen (its id).
    """

    dismissed = Signal()
    event_changed = Signal(str)

    @property
    def db(self) -> Database:
        """The database this console works on; the dialogs and tabs it opens share it."""
        return self._db

    def __init__(self, db: Database, event_id: str | uuid.UUID | None, parent: QWidget | None = None, *,
                 actor: Actor, poll_ms: int = POLL_MS) -> None:
        """``actor``: the signed-in secretariat member; every change made here is recorded as theirs."""
        super().__init__(parent)
        self._db = db
        self._desk = SecretariatDesk(db)
        self.actor = actor
        self._event_id: str | None = None
        self._stages: list[tuple[str, str]] = []
        self.result_tabs: list[QWidget] = []
        self.setObjectName("secretariat_console")
        self.title = make_title(QLabel(self))
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("console_back")
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.clicked.connect(lambda _checked=False: self.dismissed.emit())
        self.event_label = QLabel(self)
        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("console_event")
        self.event_combo.setMinimumContentsLength(30)
        self.event_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_label.setBuddy(self.event_combo)
        self.stage_label = QLabel(self)
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("console_stage")
        self.stage_label.setBuddy(self.stage_combo)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.event_label)
        bar.addWidget(self.event_combo, 1)
        bar.addWidget(self.stage_label)
        bar.addWidget(self.stage_combo)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("console_tabs")
        self.tabs.setDocumentMode(True)
        # Tindakan (reprint a PIN slip, paper scores, certificates, reopen): in the tab row's free
        # corner, so the bar above does not get wider on a 1280 px projector laptop
        self.routine = RoutineMenu(self)
        self.routine.changed.connect(self._routine_done)
        self.tabs.setCornerWidget(self.routine.button, Qt.Corner.TopRightCorner)
        self.matrix = AssignmentMatrixView(db, self.tabs, actor=actor)
        self.dashboard = ProgressDashboard(db, self.tabs, poll_ms=poll_ms, actor=actor)
        self.tabs.addTab(self.matrix, "")
        self.tabs.addTab(self.dashboard, "")
        from oaoi_desktop.ui.secretariat.calibration import CalibrationTab  # issue 17

        self.calibration = CalibrationTab(db, self.tabs, actor=actor)
        self.tabs.addTab(self.calibration, "")
        self.calibration.installEventFilter(self)  # its title names its tab (language switch)
        self.calibration.calibration_changed.connect(self._local_change)
        self.calibration.calibration_changed.connect(  # the round assigns: the matrix shows it
            lambda: self.matrix.set_event(self._event_id, self.stage_id(), self._stages))
        self.matrix.assignments_changed.connect(self._local_change)
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()
        self.reload_events(event_id)
        self.event_combo.currentIndexChanged.connect(self._event_chosen)
        self.stage_combo.currentIndexChanged.connect(self._stage_chosen)
        from oaoi_desktop.ui.results.projector import attach_to_console  # F11: the pleno's projector view

        attach_to_console(self)

    # -- events and stages ------------------------------------------------------
    def event_id(self) -> str | None:
        return self._event_id

    def stage_id(self) -> str | None:
        return self.stage_combo.currentData()

    def reload_events(self, select: str | uuid.UUID | None = None) -> None:
        """Fill the selector again and show ``select`` (None: keep, else the most recent)."""
        wanted = str(select) if select else self._event_id
        rows = self._desk.events()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for eid, name in rows:
            self.event_combo.addItem(name, eid)
        index = self.event_combo.findData(wanted) if wanted else -1
        if index < 0:
            index = self.event_combo.count() - 1  # the most recent
        self.event_combo.setCurrentIndex(index)
        self.event_combo.blockSignals(False)
        self.set_event(self.event_combo.currentData())

    def set_event(self, event_id: str | uuid.UUID | None) -> None:
        """Show the console of ``event_id``."""
        event_id = str(event_id) if event_id else None
        if event_id is not None and self.event_combo.findData(event_id) < 0:
            self.reload_events(event_id)
            return
        index = self.event_combo.findData(event_id) if event_id else -1
        if index >= 0 and index != self.event_combo.currentIndex():
            self.event_combo.blockSignals(True)
            self.event_combo.setCurrentIndex(index)
            self.event_combo.blockSignals(False)
        changed = event_id != self._event_id
        self._event_id = event_id
        self._fill_stages()
        self.matrix.set_event(event_id, self.stage_id(), self._stages)
        self.dashboard.set_event(event_id, self.stage_id())
        self.calibration.set_event(event_id)
        if changed or not self.result_tabs:
            self._rebuild_result_tabs()
        if changed and event_id:
            self.event_changed.emit(event_id)

    def _fill_stages(self) -> None:
        current = self.stage_combo.currentData()
        self._stages = []
        if self._event_id is not None:
            try:
                self._stages = self._desk.stages(self._event_id, language.current_language())
            except OaoiError:
                self._stages = []
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        for sid, name in self._stages:
            self.stage_combo.addItem(name, sid)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(current)))
        self.stage_combo.blockSignals(False)
        self.stage_combo.setEnabled(len(self._stages) > 1)

    def _event_chosen(self, _index: int) -> None:
        self.set_event(self.event_combo.currentData())

    def _stage_chosen(self, _index: int) -> None:
        self.matrix.set_event(self._event_id, self.stage_id(), self._stages)
        self.dashboard.set_event(self._event_id, self.stage_id())

    # -- the results package's tabs ------------------------------------------------
    def _rebuild_result_tabs(self) -> None:
        for widget in self.result_tabs:
            widget.removeEventFilter(self)
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.deleteLater()
        self.result_tabs = []
        if self._event_id is None:
            return
        try:
            widgets = list(console_tabs(self._db, self._event_id, self.tabs, actor=self.actor))
        except OaoiError:
            return
        for widget in widgets:
            self.tabs.addTab(widget, widget.windowTitle())
            widget.installEventFilter(self)
            self.result_tabs.append(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.WindowTitleChange and (watched in self.result_tabs
                                                              or watched is getattr(self, "calibration", None)):
            assert isinstance(watched, QWidget)
            index = self.tabs.indexOf(watched)
            if index >= 0:
                self.tabs.setTabText(index, watched.windowTitle())
        return False

    def _local_change(self) -> None:
        """Assignments changed here: the dashboard shows it at once; the result tabs when shown."""
        self.dashboard.refresh_if_shown()
        self._stale_tabs = set(self.result_tabs)
        self._tab_shown(self.tabs.currentIndex())

    _stale_tabs: set[QWidget] = set()

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self._stale_tabs:
            self._stale_tabs = self._stale_tabs - {widget}
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()

    def _routine_done(self) -> None:
        if self._event_id is not None:
            self.refresh()

    def refresh(self) -> None:
        """Read everything again (F5, or the window's refresh)."""
        self.reload_events(self._event_id)  # reads the matrix, and the dashboard if shown
        for widget in self.result_tabs:
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()

    # -- language --------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Secretariat console"))
        self.back_button.setText(self.tr("&Events"))
        self.back_button.setToolTip(self.tr("Back to the events overview"))
        self.event_label.setText(self.tr("E&vent:"))
        self.event_combo.setAccessibleName(self.tr("Event"))
        self.stage_label.setText(self.tr("S&tage:"))
        self.stage_combo.setAccessibleName(self.tr("Stage"))
        self.tabs.setTabText(self.tabs.indexOf(self.matrix), self.tr("Assignment"))
        self.tabs.setTabText(self.tabs.indexOf(self.dashboard), self.tr("Progress"))
        self.tabs.setTabText(self.tabs.indexOf(self.calibration), self.calibration.windowTitle())
        if self._stages and self._event_id:
            self._fill_stages()


__all__ = ["SecretariatConsole"]
