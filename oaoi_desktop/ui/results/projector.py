"""The pleno's projector view: one group's ranking, full screen, large type, read-only.

Opened with F11 from the secretariat console (:func:`attach_to_console`), it
shows the ranking of one group — rank, number, title, score, the spread of the
judges' totals and a disagreement flag, pass or fail — in type sized from the
window's height (readable from the back of a hotel meeting room at 1280×720
and at 1920×1080).  Below the table: the selected proposal's judge totals.

What it never shows unless the chair deliberately asks:

* judge names: by default the totals are listed highest first without names;
  "Show judge names" puts the names beside them;
* comment text: "Reveal comments" reads the selected proposal's comments
  (:func:`oaoi_desktop.services.projector.dossier_comments`) and shows them;
  unticking it, or choosing another proposal, hides them again.

No PIN, passphrase, NIP or contact detail is ever read here.  It follows the
console's ranking tab live: its stage, method, group and selected proposal
(:meth:`ProjectorWindow.follow`).  Left/Right show the previous/next group;
Esc or F11 closes it.  Events of :data:`INLINE_BELOW` dossiers or more are read
again off the GUI thread, in a :class:`~oaoi_desktop.ui.jobs.NewestJob` (a second at
5,000 dossiers); the room keeps seeing the previous table until the new one is
there.
"""

from __future__ import annotations

import html
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import projector as service
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.jobs import NewestJob
from oaoi_desktop.ui.results.common import FAIL_COLOUR, MARK_BRUSH, PASS_COLOUR, as_uuid, num
from oaoi_desktop.ui.results.desk import ProjectorRead, ResultsDesk

if TYPE_CHECKING:
    from oaoi_desktop.ui.results.ranking_view import RankingView
    from oaoi_desktop.ui.secretariat.console import SecretariatConsole

INLINE_BELOW = 1000
"""Events with fewer dossiers are read on the GUI thread (a few ms); larger ones in a worker."""

COLUMNS = ("rank", "number", "title", "score", "spread", "flag", "result")
TYPE_DIVISOR = 28
"""The type's pixel size is the window height divided by this (720 px: 26 px; 1080 px: 39 px)."""
MIN_PIXELS = 22


class ProjectorWindow(QWidget):
    """Full-screen, read-only ranking of one group for the plenary.

    Signals:
        group_shown(str): another group is shown (its label, " / "-joined).
        dossier_shown(str): another proposal is selected (its id, hex; "" for none).
        closed(): the window was closed.
    """

    group_shown = Signal(str)
    dossier_shown = Signal(str)
    closed = Signal()

    def __init__(self, db: Database, event_id: uuid.UUID | str, *, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.desk = ResultsDesk(db)
        self.event_id = as_uuid(event_id)
        self.actor = actor
        self.setObjectName("projector_window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.table: service.ProjectorTable | None = None
        self.group: tuple[str, ...] | None = None
        self.dossier_id: str | None = None
        self.stage_id: str | None = None
        self.method: AggregationMethod | None = None
        self._following: RankingView | None = None
        self._event_name = ""
        self._comments: list[service.Comment] = []
        self._count: int | None = None  # the event's dossiers, read once: inline or in a job
        self._jobs = NewestJob(lambda: self.load(stage_id=self.stage_id, method=self.method),
                               name="oaoi-projector", parent=self)
        self._jobs.finished.connect(self._job_done)
        self._jobs.failed.connect(self._job_failed)
        self._build()
        self.retranslate_ui()
        self._apply_type()

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        self.setAutoFillBackground(True)
        self.heading = QLabel(self)
        self.heading.setObjectName("projector_heading")
        self.heading.setWordWrap(False)
        self.subheading = QLabel(self)
        self.subheading.setObjectName("projector_subheading")
        for label in (self.heading, self.subheading):  # long event names give way, never widen the window
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(0)
        self.names_toggle = QCheckBox(self)
        self.names_toggle.setObjectName("projector_names")
        self.names_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.comments_toggle = QCheckBox(self)
        self.comments_toggle.setObjectName("projector_comments")
        self.comments_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("projector_close")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(lambda _c=False: self.close())
        self.view = QTableWidget(0, len(COLUMNS), self)
        self.view.setObjectName("projector_table")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        for i, _ in enumerate(COLUMNS):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        self.details = QLabel(self)
        self.details.setObjectName("projector_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = QLabel(self)
        self.hint.setObjectName("projector_hint")

        second = QHBoxLayout()
        second.addWidget(self.subheading, 1)
        second.addWidget(self.names_toggle)
        second.addWidget(self.comments_toggle)
        second.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.hint)

        self.names_toggle.toggled.connect(lambda _on: self._show_details())
        self.comments_toggle.toggled.connect(self._comments_toggled)
        self.view.itemSelectionChanged.connect(self._row_chosen)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # every child refuses focus: keys come here

    def _apply_type(self) -> None:
        """Type sized from the window height; headings larger, hints smaller."""
        px = self.type_pixels()
        font = self.font()
        font.setPixelSize(px)
        self.setFont(font)
        for label, factor, bold in ((self.heading, 1.35, True), (self.subheading, 0.8, False),
                                    (self.hint, 0.6, False), (self.details, 0.85, False)):
            f = self.font()
            f.setPixelSize(max(12, round(px * factor)))
            f.setBold(bold)
            label.setFont(f)
        header_font = self.font()
        header_font.setPixelSize(max(12, round(px * 0.7)))  # headers do not set the columns' widths
        header_font.setBold(True)
        self.view.horizontalHeader().setFont(header_font)
        for control in (self.names_toggle, self.comments_toggle, self.close_button):
            f = self.font()
            f.setPixelSize(max(12, round(px * 0.6)))
            control.setFont(f)
        self.view.verticalHeader().setDefaultSectionSize(round(px * 1.6))
        self.details.setMinimumHeight(round(px * 0.85 * 1.5 * 3))

    def type_pixels(self) -> int:
        """The table's type size in pixels for the current window height."""
        return max(MIN_PIXELS, round(self.height() / TYPE_DIVISOR))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(1280, 720)

    # -- data -------------------------------------------------------------------------
    def load(self, *, stage_id: str | None = None, method: AggregationMethod | None = None) -> None:
        """Read the ranking (as the console's ranking shows it) for ``stage_id`` and ``method``.

        Small events are read here; larger ones (:data:`INLINE_BELOW` dossiers or more) in a
        worker thread: :attr:`busy` is true until the new table is shown.  A load asked for
        while one runs is read after it, with the newest stage and method.
        """
        self.stage_id, self.method = stage_id, method
        prepared = self.table.prepared if self.table is not None else None
        desk, event_id, actor = self.desk, self.event_id, self.actor
        if self._dossier_count() < INLINE_BELOW:
            self._jobs.supersede()
            self._show_read(desk.projector_table(event_id, actor, method=method, stage_id=stage_id,
                                                 prepared=prepared))
            return
        started = self._jobs.request(lambda _progress, _cancel: desk.projector_table(
            event_id, actor, method=method, stage_id=stage_id, prepared=prepared))
        if started and self.table is None:
            self.details.setText(html.escape(self.tr("Reading the ranking\u2026")))

    @property
    def busy(self) -> bool:
        """The ranking is being read in a worker thread."""
        return self._jobs.busy

    def _dossier_count(self) -> int:
        if self.table is not None:
            return len(self.table.rows)
        if self._count is None:
            try:
                self._count = self.desk.rubric_and_count(self.event_id)[1]
            except OaoiError:
                self._count = 0  # the read itself says why
        return self._count

    def _job_done(self, read: object) -> None:
        if isinstance(read, ProjectorRead):
            self._show_read(read)
            self._view_group()  # the console may have moved on while the table was read
            self._view_selected()

    def _job_failed(self, message: str) -> None:
        self.details.setText(html.escape(message))

    def _show_read(self, read: ProjectorRead) -> None:
        if read.event_name is not None:
            self._event_name = read.event_name
        if read.error is not None or read.table is None:
            self.table = None
            self.details.setText(html.escape(read.error.render() if read.error is not None else ""))
            return
        self.table = read.table
        groups = self.table.groups()
        if self.group not in groups:
            self.group = groups[0] if groups else None
        self._fill()

    def groups(self) -> list[tuple[str, ...]]:
        return self.table.groups() if self.table is not None else []

    def show_group(self, group: tuple[str, ...] | str | None) -> None:
        """Show ``group`` (a key or its " / " label); unknown groups are ignored."""
        if isinstance(group, str):
            group = next((g for g in self.groups() if " / ".join(g) == group), None)
        if group is None or group == self.group or group not in self.groups():
            return
        self.group = group
        self.dossier_id = None
        self._fill()

    def step_group(self, step: int) -> None:
        groups = self.groups()
        if self.group in groups and groups:
            self.show_group(groups[(groups.index(self.group) + step) % len(groups)])

    def select_dossier(self, dossier_id: str | None) -> None:
        """Highlight ``dossier_id`` (switching to its group); None clears the selection."""
        if dossier_id and self.table is not None:
            row = next((r for r in self.table.rows if r.dossier_id == dossier_id), None)
            if row is not None and row.group != self.group:
                self.group = row.group
                self._fill()
        if dossier_id == self.dossier_id:
            return
        self.dossier_id = dossier_id
        self._select_current()

    # -- following the console ---------------------------------------------------------------
    def follow(self, view: "RankingView") -> None:
        """Follow ``view`` live: its stage, method, group and selected proposal."""
        if self._following is not None:
            self._disconnect()
        self._following = view
        view.ranking_shown.connect(self._view_ranked)
        view.group_box.currentIndexChanged.connect(self._view_group)
        view.view.selectionModel().selectionChanged.connect(self._view_selected)
        view.destroyed.connect(self._view_gone)
        self.load(stage_id=view.stage_id(), method=view.method())
        self._view_group()
        self._view_selected()

    def _disconnect(self) -> None:
        view = self._following
        self._following = None
        if view is None:
            return
        for signal, slot in ((view.ranking_shown, self._view_ranked),
                             (view.group_box.currentIndexChanged, self._view_group),
                             (view.view.selectionModel().selectionChanged, self._view_selected),
                             (view.destroyed, self._view_gone)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # already gone with the view
                pass

    def _view_gone(self, *_args: Any) -> None:
        self._following = None

    def _view_ranked(self, *_args: Any) -> None:
        view = self._following
        if view is not None:
            self.load(stage_id=view.stage_id(), method=view.method())
            self._view_group()
            self._view_selected()

    def _view_group(self, *_args: Any) -> None:
        view = self._following
        if view is not None and view.group_box.currentData() is not None:
            self.show_group(view.group_box.currentData())

    def _view_selected(self, *_args: Any) -> None:
        view = self._following
        if view is not None:
            self.select_dossier(view.selected_dossier())

    # -- showing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        rows = self.table.rows_of(self.group) if self.table is not None and self.group is not None else []
        self.view.blockSignals(True)
        self.view.clearContents()
        self.view.setRowCount(len(rows))
        for i, r in enumerate(rows):
            flag = ""
            if r.flagged:
                flag = "\u26a0"
            cells = {
                "rank": str(r.rank) if r.rank is not None else "-",
                "number": r.number,
                "title": r.title,
                "score": num(r.value),
                "spread": num(r.spread),
                "flag": flag,
                "result": self._result(r),
            }
            for c, key in enumerate(COLUMNS):
                item = QTableWidgetItem(cells[key])
                item.setData(Qt.ItemDataRole.UserRole, r.dossier_id)
                if key == "flag":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setToolTip(self.tr("disagree") if r.flagged else "")
                elif key in ("rank", "score", "spread"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "result" and r.rank is not None:
                    item.setForeground(QBrush(PASS_COLOUR if r.passed else FAIL_COLOUR))
                if key == "flag" and r.flagged:
                    item.setBackground(QBrush(MARK_BRUSH))
                if key == "title":
                    item.setToolTip(r.title)
                self.view.setItem(i, c, item)
        self.view.blockSignals(False)
        self._update_heading()
        self._select_current()
        self.group_shown.emit(" / ".join(self.group or ()))

    def _result(self, r: service.ProjectorRow) -> str:
        if r.rank is None:
            return self.tr("no score")
        text = self.tr("Passes") if r.passed else self.tr("Fails")
        if r.tied_for_chair:
            text += " \u00b7 " + self.tr("tie")
        return text

    def _select_current(self) -> None:
        self.view.blockSignals(True)
        self.view.clearSelection()
        if self.dossier_id:
            for i in range(self.view.rowCount()):
                item = self.view.item(i, 0)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) == self.dossier_id:
                    self.view.selectRow(i)
                    self.view.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                    break
        self.view.blockSignals(False)
        self._hide_comments()
        self._show_details()
        self.dossier_shown.emit(self.dossier_id or "")

    def _row_chosen(self) -> None:
        items = self.view.selectedItems()
        self.dossier_id = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        self._hide_comments()
        self._show_details()
        self.dossier_shown.emit(self.dossier_id or "")

    def current_row(self) -> service.ProjectorRow | None:
        if self.table is None or not self.dossier_id:
            return None
        return next((r for r in self.table.rows if r.dossier_id == self.dossier_id), None)

    def _show_details(self) -> None:
        row = self.current_row()
        e = html.escape
        if row is None:
            self.details.setText("<i>" + e(self.tr("Choose a proposal in the console to see its judges' totals."))
                                 + "</i>")
            return
        if self.names_toggle.isChecked():
            totals = sorted(row.judge_totals, key=lambda x: x[0].casefold())
            judges = " \u00b7 ".join(f"{e(name)} {num(v)}" for name, v in totals)
        else:  # highest first, no names: nobody in the room learns who gave what
            judges = " \u00b7 ".join(num(v) for v in sorted((v for _, v in row.judge_totals), reverse=True))
        parts = [f"<b>{e(row.number)}</b> \u2014 {e(row.title)}",
                 e(self.tr("Judges' totals: %1")).replace("%1", judges or "-")]
        if row.flagged_criteria:
            parts.append(e(self.tr("Criteria the judges disagree on: %1").replace(
                "%1", ", ".join(row.flagged_criteria))))
        if self.comments_toggle.isChecked():
            if self._comments:
                parts.append("<br>".join(
                    e(f"{c.criterion}: \u201c{c.text}\u201d" + (f" ({c.judge})" if self.names_toggle.isChecked()
                                                               else "")) for c in self._comments))
            else:
                parts.append("<i>" + e(self.tr("No comments on this proposal.")) + "</i>")
        self.details.setText("<br>".join(parts))

    def _comments_toggled(self, on: bool) -> None:
        self._comments = []
        if on:
            row = self.current_row()
            if row is not None:
                try:
                    self._comments = self.desk.dossier_comments(self.event_id, row.dossier_id, self.actor,
                                                                self.stage_id)
                except OaoiError as exc:
                    self.details.setText(html.escape(exc.render()))
                    return
        self._show_details()

    def _hide_comments(self) -> None:
        """Another proposal: its comments stay hidden until the chair reveals them again."""
        if self.comments_toggle.isChecked():
            self.comments_toggle.blockSignals(True)
            self.comments_toggle.setChecked(False)
            self.comments_toggle.blockSignals(False)
        self._comments = []

    def _update_heading(self) -> None:
        group = " / ".join(self.group or ()) or self.tr("(no group)")
        self.heading.setText(group)
        if self.table is None:
            self.subheading.setText(self._event_name)
            return
        groups = self.groups()
        position = groups.index(self.group) + 1 if self.group in groups else 0
        self.subheading.setText(self._event_name + " \u00b7 " + self.tr("Group %1 of %2 \u00b7 pass mark %3 \u00b7 disagreement: total range "
                                        "\u2265 %4 or a criterion range \u2265 %5")
                                .replace("%1", str(position)).replace("%2", str(len(groups)))
                                .replace("%3", num(self.table.pass_mark)).replace("%4", num(self.table.total_limit, 0))
                                .replace("%5", num(self.table.criterion_limit, 0)))

    # -- what the tests (and the screenshots) ask -------------------------------------------------
    def visible_rows(self) -> int:
        """How many table rows are entirely visible without scrolling."""
        viewport = self.view.viewport().rect()
        count = 0
        for i in range(self.view.rowCount()):
            rect = self.view.visualRect(self.view.model().index(i, 0))
            if viewport.contains(rect.topLeft()) and viewport.contains(rect.bottomLeft()):
                count += 1
        return count

    def column_texts(self, key: str) -> list[str]:
        c = COLUMNS.index(key)
        return [self.view.item(i, c).text() for i in range(self.view.rowCount())]

    def details_text(self) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.details.text())
        return doc.toPlainText()

    # -- Qt ------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
        elif event.key() == Qt.Key.Key_Right:
            self.step_group(1)
        elif event.key() == Qt.Key.Key_Left:
            self.step_group(-1)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._apply_type()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        self._disconnect()
        super().closeEvent(event)
        self.closed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Projector \u2014 plenary"))
        self.names_toggle.setText(self.tr("Show judge names"))
        self.comments_toggle.setText(self.tr("Reveal comments"))
        self.comments_toggle.setToolTip(self.tr(
            "Shows the judges' comments on the selected proposal to the room; hidden again for the next one"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.view.setHorizontalHeaderLabels([
            self.tr("Rank"), self.tr("Number"), self.tr("Title"), self.tr("Score"), self.tr("Spread"),
            self.tr("Disagreement"), self.tr("Result")])
        self.hint.setText(self.tr("\u2190 \u2192 previous / next group \u00b7 Esc or F11 closes \u00b7 "
                                  "follows the proposal chosen in the console"))
        if self.table is not None:
            self._fill()


# -- the console hook -----------------------------------------------------------------------------
class ConsoleProjector(QObject):
    """F11 on the secretariat console opens (or closes) the projector, following its ranking tab;
    and the console's "Sensitivity" tab (:class:`~oaoi_desktop.ui.results.sensitivity_view.SensitivityView`).

    Signals:
        opened(): the projector window was opened.
    """

    opened = Signal()

    def __init__(self, console: "SecretariatConsole") -> None:
        super().__init__(console)
        self.console = console
        self.window: ProjectorWindow | None = None
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), console)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.toggle)
        console.event_changed.connect(self._event_changed)
        from oaoi_desktop.ui.results.sensitivity_view import SensitivityView

        self.sensitivity = SensitivityView(console.db, console.event_id(), actor=console.actor,
                                           parent=console.tabs)
        console.tabs.addTab(self.sensitivity, self.sensitivity.windowTitle())
        self.sensitivity.installEventFilter(self)
        console.tabs.currentChanged.connect(self._tab_shown)

    def _event_changed(self, event_id: str) -> None:
        if self.window is not None:
            self.window.close()
        self.sensitivity.set_event(event_id)
        tabs = self.console.tabs
        if tabs.indexOf(self.sensitivity) != tabs.count() - 1:  # the result tabs were made again: stay last
            tabs.removeTab(tabs.indexOf(self.sensitivity))
            tabs.addTab(self.sensitivity, self.sensitivity.windowTitle())
        self._tab_shown(tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        if self.console.tabs.widget(index) is self.sensitivity:
            self.sensitivity.ensure_computed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.sensitivity and event.type() == QEvent.Type.WindowTitleChange:
            tabs = self.console.tabs
            tabs.setTabText(tabs.indexOf(self.sensitivity), self.sensitivity.windowTitle())
        return False

    def ranking_view(self) -> "RankingView | None":
        from oaoi_desktop.ui.results.ranking_view import RankingView

        return next((w for w in self.console.result_tabs if isinstance(w, RankingView)), None)

    def toggle(self) -> ProjectorWindow | None:
        if self.window is not None and self.window.isVisible():
            self.window.close()
            return None
        return self.open()

    def open(self, *, full_screen: bool = True) -> ProjectorWindow | None:
        event_id = self.console.event_id()
        if event_id is None:
            return None
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        # a window of its own, owned by the console (it goes when the console goes)
        window = ProjectorWindow(self.console.db, event_id, actor=self.console.actor,
                                 parent=self.console)
        self.window = window
        view = self.ranking_view()
        if view is not None:
            window.follow(view)
        else:
            window.load()
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        self.opened.emit()
        return window


def attach_to_console(console: "SecretariatConsole") -> ConsoleProjector:
    """Give ``console`` its F11 projector (kept as ``console.projector``)."""
    hook = ConsoleProjector(console)
    console.projector = hook  # type: ignore[attr-defined]
    return hook


__all__ = ["ConsoleProjector", "ProjectorWindow", "attach_to_console"]
