"""The judge workspace: the queue, and the open dossier beside its score form.

::

    ┌ Penilai: … · Kegiatan …        [mode tertutup]   12 dari 40 terkirim  [Benturan…] [F1] [Keluar] ┐
    │ [cari…] [status ▾]  │ DossierReader (text | attachment)    │ ScoreForm                          │
    │ No.  Inovasi  Status│                                      │  total, pass/fail, criteria …       │
    └─────────────────────┴──────────────────────────────────────┴─────────────────────────────────────┘

Nothing is shown before the judge has confirmed the integrity statement for
the event (:class:`~oaoi_desktop.ui.judge.integrity.IntegrityDialog`).  Every
change is recorded through :class:`~oaoi_desktop.ui.judge.session.JudgeSession`
in its own unit of work at once (autosave, no Save button); score changes go
through a :class:`QUndoStack` per open sheet whose commands call the service,
so an undo is saved too.  The last dossier open is kept by the services, and a
new workspace over the same database opens it again (:meth:`JudgeWorkspace.start`).
"""

from __future__ import annotations

import html
import uuid
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.judging import JudgeDossier, QueueItem, SheetState
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.judge.common import WARNING, fill, lang, score_text
from oaoi_desktop.ui.judge.integrity import ConflictDialog, IntegrityDialog
from oaoi_desktop.ui.judge.queue_panel import QueuePanel
from oaoi_desktop.ui.judge.score_form import ScoreForm
from oaoi_desktop.ui.judge.session import JudgeSession
from oaoi_desktop.ui.judge.undo import ScoreCommand, SheetKey
from oaoi_desktop.ui.reader import DossierReader
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.widgets import ElidedLabel, em, make_body, make_heading


class JudgeWorkspace(QWidget):
    """Where a judge works through their queue (see the module docstring).

    Build it over a :class:`JudgeSession` and call :meth:`start`.

    Signals:
        dossier_opened(str): a dossier was opened (its id).
        score_recorded(object): a change was saved; the new
            :class:`~oaoi_desktop.services.judging.SheetState`.
        sheet_submitted(str): the open sheet was submitted and locked (the dossier's id).
        conflict_declared(str): the judge declared a conflict on a dossier (its id).
        signed_out(): the judge chose to sign out.
    """

    dossier_opened = Signal(str)
    score_recorded = Signal(object)
    sheet_submitted = Signal(str)
    conflict_declared = Signal(str)
    signed_out = Signal()

    def __init__(self, session: JudgeSession, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._settings = settings
        self.current: JudgeDossier | None = None
        self._state: SheetState | None = None
        self._stacks: dict[SheetKey, QUndoStack] = {}
        self.integrity_dialog: IntegrityDialog | None = None
        self.setObjectName("judge_workspace")
        self.undo_group = QUndoGroup(self)
        self._build_ui()
        self._build_actions()
        self.retranslate_ui()
        self._restore_splitters()

    # -- construction ----------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        bar = QFrame(self)
        bar.setObjectName("workspace_bar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        top = QHBoxLayout(bar)
        side = em(self, 0.5)
        top.setContentsMargins(side, side // 2, side, side // 2)
        self.who = ElidedLabel(parent=bar, mode=Qt.TextElideMode.ElideRight)
        self.who.setObjectName("workspace_who")
        self.blind_badge = QLabel(bar)
        self.blind_badge.setObjectName("blind_badge")
        self.blind_badge.setVisible(self.session.blind_mode)
        self.blind_badge.setAutoFillBackground(True)
        self.blind_badge.setContentsMargins(side, 1, side, 1)
        self.progress = QLabel(bar)
        self.progress.setObjectName("queue_progress")
        self.conflict_button = QPushButton(bar)
        self.conflict_button.setObjectName("conflict_button")
        self.leak_button = QPushButton(bar)  # blind mode: "Laporkan identitas terlihat" (issue 14)
        self.leak_button.setObjectName("leak_button")
        self.leak_button.setVisible(self.session.blind_mode)
        self.leak_button.setEnabled(False)
        self.help_button = QPushButton(bar)
        self.help_button.setObjectName("shortcuts_button")
        self.sign_out_button = QPushButton(bar)
        self.sign_out_button.setObjectName("sign_out_button")
        top.addWidget(self.who, 1)
        top.addWidget(self.blind_badge)
        top.addSpacing(side)
        top.addWidget(self.progress)
        top.addSpacing(side)
        top.addWidget(self.leak_button)
        top.addWidget(self.conflict_button)
        top.addWidget(self.help_button)
        top.addWidget(self.sign_out_button)
        layout.addWidget(bar)

        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)

        # gate: nothing before the integrity declaration
        self.gate = QWidget(self.pages)
        self.gate.setObjectName("integrity_gate")
        outer = QHBoxLayout(self.gate)
        outer.setContentsMargins(em(self, 2), em(self, 2), em(self, 2), em(self, 2))
        column = QWidget(self.gate)
        column.setMaximumWidth(em(self, 36))
        g = QVBoxLayout(column)
        self.gate_heading = make_heading(QLabel(column))
        self.gate_text = make_body(QLabel(column), muted=True)
        self.gate_button = QPushButton(column)
        self.gate_button.setObjectName("gate_button")
        self.gate_button.clicked.connect(self.ask_integrity)
        g.addStretch(1)
        g.addWidget(self.gate_heading)
        g.addWidget(self.gate_text)
        g.addWidget(self.gate_button, 0, Qt.AlignmentFlag.AlignLeft)
        g.addStretch(2)
        outer.addStretch(1)
        outer.addWidget(column, 3)
        outer.addStretch(1)
        self.pages.addWidget(self.gate)

        # the work: queue | (reader | form)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.pages)
        self.splitter.setObjectName("queue_splitter")
        self.queue = QueuePanel(self.session.rubric, self.splitter)
        # the queue's parts, as the workspace's own (tests and the shortcuts reach them here)
        self.search, self.status_filter = self.queue.search, self.queue.status_filter
        self.model, self.proxy, self.table = self.queue.model, self.queue.proxy, self.queue.table
        self.empty_label = self.queue.empty_label

        self.content = QStackedWidget(self.splitter)
        self.placeholder = make_body(QLabel(self.content), muted=True)
        self.placeholder.setObjectName("no_dossier_open")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reader_splitter = QSplitter(Qt.Orientation.Horizontal, self.content)
        self.reader_splitter.setObjectName("reader_form_splitter")
        self.reader_splitter.setChildrenCollapsible(False)
        self.reader = DossierReader(self.session.db, self.reader_splitter, settings=self._settings,
                                    actor=lambda: self.session.signed_in.actor)
        self.form = ScoreForm(self.reader_splitter)
        self.reader_splitter.addWidget(self.reader)
        self.reader_splitter.addWidget(self.form)
        self.reader_splitter.setStretchFactor(0, 3)
        self.reader_splitter.setStretchFactor(1, 2)
        self.content.addWidget(self.placeholder)
        self.content.addWidget(self.reader_splitter)
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setCollapsible(1, False)
        self.pages.addWidget(self.splitter)

        self.queue.item_chosen.connect(self._item_chosen)
        self.form.score_entered.connect(self._score_entered)
        self.form.comment_edited.connect(self._comment_edited)
        self.form.submit_requested.connect(self.submit)
        self.conflict_button.clicked.connect(self.declare_conflict)
        self.leak_button.clicked.connect(lambda _checked=False: self.report_leak())
        self.help_button.clicked.connect(self.show_shortcuts)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.splitter.splitterMoved.connect(lambda _p, _i: self._save_splitters())
        self.reader_splitter.splitterMoved.connect(lambda _p, _i: self._save_splitters())

    def _action(self, name: str, keys: list[QKeySequence | QKeySequence.StandardKey | str], slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.submit_action = self._action("action_submit", ["Ctrl+Return", "Ctrl+Enter"], self.submit)
        self.next_action = self._action("action_next_dossier", ["Ctrl+PgDown"], lambda: self.go_relative(+1))
        self.previous_action = self._action("action_previous_dossier", ["Ctrl+PgUp"], lambda: self.go_relative(-1))
        self.help_action = self._action("action_shortcuts", ["F1"], self.show_shortcuts)
        self.comment_action = self._action("action_edit_comment", ["F2"], self.form.edit_current_comment)
        self.search_action = self._action("action_search", [QKeySequence(QKeySequence.StandardKey.Find)],
                                          self.focus_search)
        self.queue_action = self._action("action_toggle_queue", ["Ctrl+Shift+L"], self.toggle_queue)
        self.conflict_action = self._action("action_declare_conflict", [], self.declare_conflict)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # -- settings ---------------------------------------------------------------------------
    def _restore_splitters(self) -> None:
        restored = False
        if self._settings is not None:
            state = self._settings.value(registry.JUDGE_QUEUE_SPLITTER)
            restored = not state.isEmpty() and self.splitter.restoreState(state)
            state = self._settings.value(registry.JUDGE_READER_FORM_SPLITTER)
            if not state.isEmpty():
                self.reader_splitter.restoreState(state)
        if not restored:
            unit = em(self, 1)
            # a queue wide enough that a title reads more than "SiPANDU: L…" beside its number,
            # state and total at 1280 px (issue 14); the judge may drag it, and it is remembered
            self.splitter.setSizes([unit * 30, unit * 66])
            self.reader_splitter.setSizes([unit * 40, unit * 30])

    def _save_splitters(self) -> None:
        if self._settings is not None:
            self._settings.set_value(registry.JUDGE_QUEUE_SPLITTER, self.splitter.saveState())
            self._settings.set_value(registry.JUDGE_READER_FORM_SPLITTER, self.reader_splitter.saveState())

    # -- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        s = self.session
        role = self.tr("Chair") if s.signed_in.is_chair else self.tr("Judge")
        self.who.setText(self.tr("%1: %2 \u00b7 %3").replace("%1", role).replace("%2", s.name)
                         .replace("%3", s.event_name))
        self.who.setAccessibleName(self.who.full_text())
        self.blind_badge.setText(self.tr("Blind evaluation: agencies and innovators are hidden"))
        self.blind_badge.setAccessibleName(self.blind_badge.text())
        palette = self.blind_badge.palette()
        palette.setColor(self.blind_badge.backgroundRole(), fill(self, WARNING))
        palette.setColor(self.blind_badge.foregroundRole(), WARNING if not self._dark() else palette.color(
            palette.ColorRole.WindowText))
        self.blind_badge.setPalette(palette)
        self.conflict_button.setText(self.tr("Declare &conflict\u2026"))
        self.conflict_button.setAccessibleName(self.tr("Declare a conflict of interest on the open proposal"))
        self.conflict_button.setToolTip(self.conflict_button.accessibleName())
        self.leak_button.setText(self.tr("Report visible &identity\u2026"))
        self.leak_button.setAccessibleName(self.tr("Report that the open proposal still shows who wrote it"))
        self.leak_button.setToolTip(self.leak_button.accessibleName())
        self.help_button.setText(self.tr("Shortcuts (F1)"))
        self.help_button.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.sign_out_button.setText(self.tr("Sign &out"))
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        self.gate_heading.setText(self.tr("Integrity declaration first"))
        self.gate_text.setText(self.tr(
            "Before you can see the proposals assigned to you in this event, read and confirm the "
            "Integrity Pact and Declaration of No Conflict of Interest."))
        self.gate_button.setText(self.tr("&Read the declaration\u2026"))
        self.gate_button.setAccessibleName(self.tr("Read the declaration"))
        self.placeholder.setText(self.tr(
            "Choose a proposal from the list (click it, or select it and press Enter).\n"
            "F1 lists the keyboard shortcuts."))
        self.submit_action.setText(self.tr("Submit the score sheet"))
        self.next_action.setText(self.tr("Next proposal"))
        self.previous_action.setText(self.tr("Previous proposal"))
        self.help_action.setText(self.tr("Keyboard shortcuts"))
        self.comment_action.setText(self.tr("Write the comment of the current criterion"))
        self.search_action.setText(self.tr("Search the queue"))
        self.queue_action.setText(self.tr("Show or hide the queue"))
        self.conflict_action.setText(self.tr("Declare a conflict of interest"))
        self.queue.retranslate_ui()
        self._show_progress()
        self.queue.show_empty()

    def _dark(self) -> bool:
        return self.palette().color(self.palette().ColorRole.Window).lightness() < 128

    # -- start: the declaration gate, the queue, the last dossier ---------------------------------
    def start(self) -> None:
        """Show the queue (after the integrity declaration) and reopen the last dossier."""
        try:
            declared = self.session.has_declared_integrity()
        except OaoiError as exc:
            dialogs.error(self, self.tr("The workspace could not be opened"), exc.render())
            return
        if not declared:
            self.pages.setCurrentWidget(self.gate)
            self.conflict_button.setEnabled(False)
            self.progress.setVisible(False)
            self.ask_integrity()
            return
        self._open_workspace()

    def ask_integrity(self) -> IntegrityDialog:
        dialog = IntegrityDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.integrity_declared.connect(self._open_workspace)
        dialog.destroyed.connect(lambda *_: setattr(self, "integrity_dialog", None))
        self.integrity_dialog = dialog
        dialog.open()
        return dialog

    def _open_workspace(self) -> None:
        self.pages.setCurrentWidget(self.splitter)
        self.progress.setVisible(True)
        self.reload_queue()
        last = None
        try:
            last = self.session.last_open()
        except OaoiError:
            last = None
        if last is not None and self.open_dossier(last.dossier_id, last.stage_id):
            return
        self._show_nothing()
        self.table.setFocus()

    # -- the queue -------------------------------------------------------------------------------
    def reload_queue(self) -> None:
        """Read the queue again from the services (keeps the search and filter)."""
        try:
            items = self.session.queue(lang())
        except OaoiError as exc:
            dialogs.error(self, self.tr("The queue could not be read"), exc.render())
            items = []
        self.model.set_items(items)
        self.queue.size_columns()
        self.queue.select(self.current_key)
        self._show_progress()
        self.queue.show_empty()

    def _show_progress(self) -> None:
        progress = self.model.progress()
        self.progress.setText(progress.text(lang()))
        self.progress.setAccessibleName(self.progress.text())

    def focus_search(self) -> None:
        if self.splitter.sizes()[0] == 0:
            self.toggle_queue()
        self.search.setFocus()
        self.search.selectAll()

    def toggle_queue(self) -> None:
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if sizes[0] > 0:
            self._queue_width = sizes[0]
            self.splitter.setSizes([0, total])
        else:
            width = getattr(self, "_queue_width", em(self, 20))
            self.splitter.setSizes([width, max(0, total - width)])
        self._save_splitters()

    def _item_chosen(self, item: QueueItem) -> None:
        if self.current is not None and self.current.dossier_id == item.dossier_id and \
                self.current.stage_id == item.stage_id:
            return
        self.open_dossier(item.dossier_id, item.stage_id)

    def go_relative(self, step: int) -> bool:
        """Open the next (+1) or previous (-1) proposal in the queue as shown."""
        self.form.flush_pending()
        if self.proxy.rowCount() == 0:
            return False
        item = self.queue.item_beside(self.current_key, step)
        if item is None:
            QApplication.beep()
            return False
        return self.open_dossier(item.dossier_id, item.stage_id)

    # -- one dossier --------------------------------------------------------------------------------
    @property
    def current_key(self) -> SheetKey | None:
        return (self.current.dossier_id, self.current.stage_id) if self.current is not None else None

    @property
    def state(self) -> SheetState | None:
        """The open sheet as last saved."""
        return self._state

    def open_dossier(self, dossier_id: uuid.UUID | str, stage_id: str | None = None) -> bool:
        """Open a dossier of the queue for reading and scoring."""
        self.form.flush_pending()
        if isinstance(dossier_id, str):
            dossier_id = uuid.UUID(dossier_id)
        try:
            opened = self.session.open_dossier(dossier_id, stage_id, lang())
        except OaoiError as exc:
            dialogs.error(self, self.tr("The proposal cannot be opened"), exc.render())
            self.reload_queue()
            return False
        self.current = opened
        self._state = opened.sheet
        self.form.set_stage(self.session.stage(opened.stage_id))
        title = f"{opened.number} \u2014 {opened.title}"
        if len(self.session.rubric.stages) > 1:
            title += f" \u00b7 {self.session.stage(opened.stage_id).name(lang())}"
        self.form.set_title(title)
        self.form.set_state(opened.sheet)
        self.form.show_saved_hint()
        self.reader.show_view(opened.reader, blind_mode=opened.blind_mode)
        key = (opened.dossier_id, opened.stage_id)
        stack = self._stacks.get(key)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[key] = stack
        self.undo_group.setActiveStack(stack)
        self.content.setCurrentWidget(self.reader_splitter)
        self.conflict_button.setEnabled(opened.sheet.editable)
        self.leak_button.setEnabled(opened.blind_mode)
        self.model.apply_state(opened.sheet)
        self.queue.select(self.current_key)
        self._show_progress()
        if self.isVisible():
            self.form.focus_criterion()
        self.dossier_opened.emit(str(opened.dossier_id))
        return True

    def _show_nothing(self) -> None:
        self.current = None
        self._state = None
        self.undo_group.setActiveStack(None)
        self.reader.clear()
        self.form.clear()
        self.content.setCurrentWidget(self.placeholder)
        self.conflict_button.setEnabled(False)
        self.leak_button.setEnabled(False)

    def _criterion_name(self, criterion_id: str) -> str:
        if self.current is None:
            return criterion_id
        try:
            return self.session.stage(self.current.stage_id).criterion(criterion_id).name(lang())
        except KeyError:
            return criterion_id

    # -- recording (autosave) -----------------------------------------------------------------------
    def _saved(self, state: SheetState) -> None:
        if self.current is not None and (state.dossier_id, state.stage_id) == self.current_key:
            self._state = state
            self.form.set_state(state)
            self.form.show_saved()
        self.model.apply_state(state)
        self._show_progress()
        self.score_recorded.emit(state)

    def _failed(self, exc: OaoiError) -> None:
        """A change was refused: say why and show the sheet as it is saved."""
        text = exc.render()
        self.form.show_save_error(text)
        if self.current is not None:
            try:
                fresh = self.session.sheet_state(self.current.dossier_id, self.current.stage_id)
            except OaoiError:
                fresh = None
            if fresh is not None:
                self._state = fresh
                self.form.set_state(fresh)
                self.model.apply_state(fresh)
        extra = ""
        if exc.message_id == "sheet.stale":
            extra = self.tr("The form now shows the sheet as it was saved there; enter your change again.")
        dialogs.warning(self, self.tr("The change was not saved"), text, informative_text=extra)

    def _score_entered(self, criterion_id: str, value: object) -> None:
        if self.current is None or self._state is None:
            return
        key = self.current_key
        assert key is not None
        new = value if isinstance(value, Decimal) else None
        before = self._state.criterion(criterion_id).value
        if new == before:
            return
        if not self.apply_score(key, criterion_id, new):
            return
        name = self._criterion_name(criterion_id)
        text = self.tr("%1: %2 \u2192 %3").replace("%1", name).replace(
            "%2", score_text(before) or "\u2013").replace("%3", score_text(new) or "\u2013")
        stack = self._stacks[key]
        stack.push(ScoreCommand(self, key, criterion_id, before, new, text))

    def apply_score(self, key: SheetKey, criterion_id: str, value: Decimal | None) -> bool:
        """Record one score (None: clear it) through the service, committed at once."""
        version = self._state.version if self._state is not None and key == self.current_key else None
        try:
            state = self.session.record_score(key[0], key[1], criterion_id, value, expected_version=version)
        except OaoiError as exc:
            self._failed(exc)
            return False
        self._saved(state)
        return True

    def _comment_edited(self, criterion_id: str, text: str) -> None:
        if self.current is None or self._state is None:
            return
        key = self.current_key
        assert key is not None
        try:
            state = self.session.record_comment(key[0], key[1], criterion_id, text,
                                                expected_version=self._state.version)
        except OaoiError as exc:
            self._failed(exc)
            return
        self._saved(state)

    # -- submitting -----------------------------------------------------------------------------------
    def validation_problems(self) -> list[str]:
        """What stops the open sheet from being submitted, naming the criteria."""
        state = self._state
        if state is None:
            return []
        problems = []
        if state.missing:
            problems.append(self.tr("Not scored yet: %1").replace(
                "%1", ", ".join(self._criterion_name(c) for c in state.missing)))
        if state.missing_comments:
            problems.append(self.tr("A comment is required for: %1").replace(
                "%1", ", ".join(self._criterion_name(c) for c in state.missing_comments)))
        return problems

    def submit(self) -> QMessageBox | None:
        """Check the sheet and ask to submit it; returns the message shown."""
        self.form.flush_pending()
        state = self._state
        if self.current is None or state is None:
            return None
        if not state.editable:
            return dialogs.information(self, self.tr("Already submitted"), self.tr(
                "This score sheet is already submitted and locked."))
        problems = self.validation_problems()
        if problems:
            first = (state.missing or state.missing_comments)[0]
            box = dialogs.warning(
                self, self.tr("The score sheet cannot be submitted yet"),
                self.tr("Proposal %1 is not complete:").replace("%1", self.current.number) + "\n\n"
                + "\n".join(f"\u2022 {p}" for p in problems))
            self.form.focus_criterion(first, comment=first not in state.missing)
            return box
        return dialogs.question(
            self, self.tr("Submit the score sheet?"),
            self.tr("Submit your scores for proposal %1 (total %2)? After submitting, the sheet is locked: "
                    "only the secretariat can reopen it.").replace("%1", self.current.number)
            .replace("%2", self.form.total_value_text()),
            on_answered=lambda yes: self.confirm_submit() if yes else None, default_yes=True)

    def confirm_submit(self) -> bool:
        """Submit and lock the open sheet (after the question was answered Yes)."""
        if self.current is None or self._state is None:
            return False
        key = self.current_key
        assert key is not None
        try:
            state = self.session.submit(key[0], key[1], expected_version=self._state.version)
        except OaoiError as exc:
            self._failed(exc)
            return False
        self._stacks[key].clear()
        self._saved(state)
        self.conflict_button.setEnabled(False)
        self.sheet_submitted.emit(str(key[0]))
        return True

    # -- conflicts --------------------------------------------------------------------------------------
    def declare_conflict(self) -> ConflictDialog | None:
        if self.current is None:
            return None
        label = f"{self.current.number} \u2014 {self.current.title}"
        dialog = ConflictDialog(self.session, self.current.dossier_id, label, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.conflict_declared.connect(self._conflict_declared)
        dialog.open()
        return dialog

    def report_leak(self) -> QWidget | None:
        """Blind mode: report the words that still show who wrote the open proposal."""
        if self.current is None:
            return None
        from PySide6.QtWidgets import QApplication

        from oaoi_desktop.ui.judge.leak_report import LeakReportDialog

        focus = QApplication.focusWidget()
        cursor = getattr(focus, "textCursor", None)
        selected = cursor().selectedText().replace("\u2029", " ") if callable(cursor) else ""
        label = f"{self.current.number} \u2014 {self.current.title}"
        dialog = LeakReportDialog(self.session, self.current.dossier_id, label, self, text=selected.strip())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _conflict_declared(self, dossier_id: str) -> None:
        stale = [k for k in self._stacks if str(k[0]) == dossier_id]
        for key in stale:
            stack = self._stacks.pop(key)
            if self.undo_group.activeStack() is stack:
                self.undo_group.setActiveStack(None)
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._show_nothing()
        self.reload_queue()
        self.conflict_declared.emit(dossier_id)

    # -- help, signing out ---------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        return [
            (self.tr("1 \u2026 9, 0"), self.tr("Enter the score of the criterion (0 means 10 on a 1\u201310 scale)")),
            (self.tr("1 then 0"), self.tr("Two digits: type them quickly, or end with Enter")),
            (self.tr("Up / Down"), self.tr("Raise or lower the score by one step")),
            (self.tr("Backspace / Delete"), self.tr("Clear the score")),
            (self.tr("Tab / Shift+Tab"), self.tr("Next / previous criterion")),
            (self.tr("Enter or F2"), self.tr("Write the comment of the criterion; Esc goes back to its score")),
            (self.tr("Ctrl+Enter"), self.tr("Submit the score sheet")),
            (self.tr("Ctrl+PgDown / Ctrl+PgUp"), self.tr("Next / previous proposal")),
            (self.tr("Ctrl+Z / Ctrl+Shift+Z"), self.tr("Undo / redo a score (saved as well)")),
            (self.tr("Ctrl+F"), self.tr("Search the queue")),
            (self.tr("Ctrl+Shift+L"), self.tr("Show or hide the queue")),
            (self.tr("Ctrl+L"), self.tr("Lock the window (your PIN unlocks it)")),
            (self.tr("F1"), self.tr("This list")),
        ]

    def show_shortcuts(self) -> QMessageBox:
        rows = "".join(
            f"<tr><td style='padding-right:1.2em'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
            for k, v in self.shortcut_rows())
        note = html.escape(self.tr("Every change is saved at once; there is no Save button."))
        return dialogs.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table><p>{note}</p>",
                                   rich_text=True)

    def sign_out(self) -> None:
        self.form.flush_pending()
        self.signed_out.emit()

    def hideEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        self.form.flush_pending()
        self._save_splitters()
        super().hideEvent(event)  # type: ignore[arg-type]


__all__ = ["JudgeWorkspace", "ScoreCommand"]
