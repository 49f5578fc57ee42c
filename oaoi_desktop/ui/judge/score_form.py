"""The score form, generated from the rubric: one editor per criterion.

Per criterion (:class:`CriterionEditor`): its name and weight, its description,
the anchored levels as a row of score buttons under the level labels (click one),
a score field that takes typed digits (:class:`~oaoi_desktop.ui.judge.score_inputs.ScoreField`), the chosen level's
descriptor, and the comment box, marked when the rubric requires a comment for
the score given.  Above the criteria the live weighted total, pass or fail
against the pass mark, and any knock-out criterion scored below its threshold.

Keyboard (the score field has the focus):

* digits enter the score; ``0`` means 10 on a scale that ends at 10; an entry
  that could still grow (``1`` → ``10``) ends after a short pause
  (:data:`~oaoi_desktop.ui.judge.score_inputs.ENTRY_PAUSE_MS`) or with Enter; ``.``/``,`` for decimal steps;
* Up/Down (or ``+``/``-``) step the score; Backspace/Delete clear it;
* Enter on a finished entry, or F2, goes to the comment box; Esc comes back;
* Tab / Shift+Tab move to the next / previous criterion (the comment box is
  skipped by Tab).

The form never talks to the database: it emits :attr:`ScoreForm.score_entered`
and :attr:`ScoreForm.comment_edited`, and shows the
:class:`~oaoi_desktop.services.judging.SheetState` it is given.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.domain.rubric import Criterion, Stage
from oaoi_desktop.services.judging import CriterionState, SheetState
from oaoi_desktop.ui.judge.common import (
    DANGER,
    SUCCESS,
    WARNING,
    fill,
    lang,
    localise_number,
    score_text,
    set_message,
    total_text,
)
from oaoi_desktop.ui.judge.score_inputs import CommentEdit, LevelButtons, ScoreField
from oaoi_desktop.ui.widgets import ElidedLabel, em, make_body, make_heading, scaled_font

class CriterionEditor(QFrame):
    """One criterion on the score form (see the module docstring).

    Signals:
        value_entered(str, object): criterion id and its new score (Decimal) or None (cleared).
        comment_edited(str, str): criterion id and the comment as now typed.
    """

    value_entered = Signal(str, object)
    comment_edited = Signal(str, str)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.state: CriterionState | None = None
        self._shown = False
        self._focused = False
        self._editable = True
        self.setObjectName(f"criterion_{criterion.id}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(False)
        pad = em(self, 0.6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(max(2, em(self, 0.3)))

        top = QHBoxLayout()
        self.name = make_heading(QLabel(self))
        self.name.setFont(scaled_font(self.font(), 1.1, self.name.font().weight()))
        self.weight = QLabel(self)
        self.weight.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top.addWidget(self.name, 1)
        top.addWidget(self.weight, 0, Qt.AlignmentFlag.AlignTop)
        self.description = make_body(QLabel(self), muted=True)

        self.levels = LevelButtons(criterion, self)
        entry = QHBoxLayout()
        self.field = ScoreField(criterion, self)
        self.field.setObjectName(f"score_{criterion.id}")
        self.scale = QLabel(self)
        self.scale.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.descriptor = make_body(QLabel(self))
        self.descriptor.setObjectName(f"descriptor_{criterion.id}")
        entry.addWidget(self.field)
        entry.addWidget(self.scale)
        entry.addStretch(1)
        self.knockout = QLabel(self)
        self.knockout.setWordWrap(True)
        self.knockout.setVisible(False)
        self.comment_label = QLabel(self)
        self.comment_label.setWordWrap(True)
        self.comment = CommentEdit(self)
        self.comment.setObjectName(f"comment_{criterion.id}")
        self.comment_label.setBuddy(self.comment)

        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addWidget(self.levels)
        layout.addLayout(entry)
        layout.addWidget(self.descriptor)
        layout.addWidget(self.knockout)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)

        self.levels.value_clicked.connect(self._clicked)
        self.field.value_entered.connect(lambda v: self.value_entered.emit(self.criterion.id, v))
        self.field.comment_requested.connect(self.edit_comment)
        self.comment.escaped.connect(self.field.setFocus)
        self.comment.textChanged.connect(self._comment_changed)
        self.retranslate_ui()
        self.set_state(None)

    # -- behaviour ------------------------------------------------------------------------------
    def _clicked(self, value: Decimal) -> None:
        if not self._editable:
            return
        self.field.cancel()
        if value == self.field.value:
            self.levels.set_value(value)  # a click on the chosen score keeps it
            return
        self.field.set_value(value)
        self.value_entered.emit(self.criterion.id, value)
        self.field.setFocus()

    def _comment_changed(self) -> None:
        if self._editable and not self.comment.signalsBlocked():
            self.comment_edited.emit(self.criterion.id, self.comment.toPlainText())

    def edit_comment(self) -> None:
        if self._editable:
            self.comment.setFocus()
            self.comment.moveCursor(self.comment.textCursor().MoveOperation.End)

    def set_focused(self, focused: bool) -> None:
        if focused != self._focused:
            self._focused = focused
            self.update()

    def set_editable(self, editable: bool) -> None:
        if editable == self._editable:
            return
        self._editable = editable
        self.field.set_editable(editable)
        self.levels.set_editable(editable)
        self.comment.setReadOnly(not editable)

    # -- showing a state --------------------------------------------------------------------------
    def set_state(self, state: CriterionState | None) -> None:
        if self._shown and state == self.state:
            # unchanged: only undo what the field or a button showed of a change that was refused
            value = state.value if state is not None else None
            if self.field.value != value:
                self.field.set_value(value)
            self.levels.set_value(value)
            return
        self._shown = True
        self.state = state
        value = state.value if state is not None else None
        self.field.set_value(value)
        self.levels.set_value(value)
        comment = state.comment if state is not None else ""
        if comment != self.comment.toPlainText():
            self.comment.blockSignals(True)
            self.comment.setPlainText(comment)
            self.comment.blockSignals(False)
        self._show_level()
        self._show_comment_rule()
        knocked = state is not None and state.knocked_out
        self.knockout.setVisible(knocked)
        self.update()

    def _show_level(self) -> None:
        language = lang()
        state = self.state
        if state is None or state.value is None:
            self.descriptor.setText(self.tr("Not scored yet: click a score or type it."))
            self.descriptor.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            return
        self.descriptor.setForegroundRole(QPalette.ColorRole.WindowText)
        level = state.level
        if level is None:
            self.descriptor.setText(self.tr("Score %1").replace("%1", score_text(state.value)))
            return
        span = score_text(level.min) if level.min == level.max else (
            f"{score_text(level.min)}\u2013{score_text(level.max)}")
        text = f"{level.label(language)} ({span})"
        if level.descriptor(language):
            text += f": {level.descriptor(language)}"
        self.descriptor.setText(text)

    def _show_comment_rule(self) -> None:
        c, state = self.criterion, self.state
        if state is not None and state.comment_missing:
            text = self.tr("Comment \u2014 required for a score below %1: please explain the score").replace(
                "%1", score_text(c.comment_required_below))
            set_message(self.comment_label, text, DANGER)
        elif c.comment_required_below is not None:
            text = self.tr("Comment (required for a score below %1)").replace(
                "%1", score_text(c.comment_required_below))
            set_message(self.comment_label, text)
        else:
            set_message(self.comment_label, self.tr("Comment (optional)"))
        self.comment.setProperty("missing", bool(state is not None and state.comment_missing))
        self.comment.setAccessibleDescription(self.comment_label.text())

    def retranslate_ui(self) -> None:
        language = lang()
        c = self.criterion
        self.name.setText(c.name(language))
        self.description.setText(c.description(language))
        self.description.setVisible(bool(c.description(language)))
        self.weight.setText(self.tr("weight %1").replace("%1", score_text(c.weight)))
        self.scale.setText(self.tr("of %1\u2013%2").replace("%1", score_text(c.scale_min))
                           .replace("%2", score_text(c.scale_max)))
        self.field.setAccessibleName(self.tr("Score for %1").replace("%1", c.name(language)))
        self.field.setAccessibleDescription(
            self.tr("Type a score from %1 to %2; Tab goes to the next criterion")
            .replace("%1", score_text(c.scale_min)).replace("%2", score_text(c.scale_max)))
        self.field.setToolTip(self.field.accessibleDescription())
        self.comment.setAccessibleName(self.tr("Comment on %1").replace("%1", c.name(language)))
        if c.knockout_below is not None:
            self.knockout.setText(self.tr("Knock-out: a score below %1 fails the proposal on this criterion.")
                                  .replace("%1", score_text(c.knockout_below)))
            set_message(self.knockout, self.knockout.text(), DANGER)
            self.knockout.setVisible(bool(self.state is not None and self.state.knocked_out))
        self.levels.retranslate_ui()
        self._show_level()
        self._show_comment_rule()
        self.setAccessibleName(c.name(language))

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        knocked = self.state is not None and self.state.knocked_out
        missing = self.state is not None and self.state.comment_missing
        background = fill(self, DANGER) if knocked else palette.color(QPalette.ColorRole.Base)
        if self._focused:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), max(2.0, em(self, 0.14)))
        elif knocked or missing:
            pen = QPen(DANGER if knocked else WARNING, 1.5)
        else:
            pen = QPen(palette.color(QPalette.ColorRole.Mid), 1.0)
        painter.setPen(pen)
        painter.setBrush(background)
        inset = pen.widthF() / 2 + 0.5
        radius = em(self, 0.35)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), radius, radius)
        painter.end()


class ScoreForm(QWidget):
    """The score form of one stage of the rubric, for the open dossier.

    :meth:`set_stage` builds the criterion editors (kept while the stage stays
    the same), :meth:`set_state` shows a sheet.  Editing emits signals; the
    owner records the change and hands back the new state.

    Signals:
        score_entered(str, object): a criterion's score was entered (Decimal) or cleared (None).
        comment_edited(str, str): a criterion's comment changed (criterion id, text).
        submit_requested(): the submit button was pressed.
    """

    score_entered = Signal(str, object)
    comment_edited = Signal(str, str)
    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("score_form")
        self.stage: Stage | None = None
        self.state: SheetState | None = None
        self.editors: dict[str, CriterionEditor] = {}
        self._saved_at: dt.datetime | None = None
        self._save_error = ""
        self._build_ui()
        self.retranslate_ui()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(max(2, em(self, 0.3)))
        header = QFrame(self)
        header.setObjectName("form_header")
        h = QVBoxLayout(header)
        h.setContentsMargins(em(self, 0.6), em(self, 0.4), em(self, 0.6), em(self, 0.4))
        h.setSpacing(max(1, em(self, 0.15)))
        self.title = ElidedLabel(parent=header, mode=Qt.TextElideMode.ElideRight)
        self.title.setObjectName("form_title")
        self.title.setFont(scaled_font(self.font(), 1.15, self.title.font().weight()))
        totals = QHBoxLayout()
        self.total = QLabel(header)
        self.total.setObjectName("form_total")
        self.total.setFont(scaled_font(self.font(), 1.6, self.font().weight()))
        self.verdict = QLabel(header)
        self.verdict.setObjectName("form_verdict")
        self.verdict.setFont(scaled_font(self.font(), 1.1, self.verdict.font().weight()))
        totals.addWidget(self.total)
        totals.addSpacing(em(self, 0.8))
        totals.addWidget(self.verdict, 1)
        self.detail = make_body(QLabel(header), muted=True)
        self.detail.setObjectName("form_detail")
        self.knockouts = QLabel(header)
        self.knockouts.setObjectName("form_knockouts")
        self.knockouts.setWordWrap(True)
        self.knockouts.setVisible(False)
        self.banner = QLabel(header)
        self.banner.setObjectName("form_banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        h.addWidget(self.title)
        h.addLayout(totals)
        h.addWidget(self.detail)
        h.addWidget(self.knockouts)
        h.addWidget(self.banner)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("form_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget(self.scroll)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(em(self, 0.3), em(self, 0.2), em(self, 0.3), em(self, 0.2))
        self.body_layout.setSpacing(em(self, 0.5))
        self.body_layout.addStretch(1)
        self.scroll.setWidget(self.body)

        footer = QHBoxLayout()
        footer.setContentsMargins(em(self, 0.6), 0, em(self, 0.6), em(self, 0.4))
        self.saved = QLabel(self)
        self.saved.setObjectName("form_saved")
        self.saved.setWordWrap(True)
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("submit_button")
        self.submit_button.clicked.connect(self.submit_requested)
        footer.addWidget(self.saved, 1)
        footer.addWidget(self.submit_button)

        layout.addWidget(header)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """At least as wide as the criteria need (the level buttons 1–10), so a splitter never
        squeezes the form until its buttons are cut off (issue 14: the form has no sideways scroll)."""
        hint = super().minimumSizeHint()
        body = self.body.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
        margins = self.layout().contentsMargins()
        return QSize(max(hint.width(), body + margins.left() + margins.right()), hint.height())

    # -- building ----------------------------------------------------------------------------------
    def set_stage(self, stage: Stage) -> None:
        """Build the editors for ``stage`` (nothing to do when it is already shown)."""
        if self.stage is not None and self.stage == stage and self.editors:
            return
        for editor in self.editors.values():
            self.body_layout.removeWidget(editor)
            editor.deleteLater()
        self.editors = {}
        self.stage = stage
        previous: QWidget | None = None
        for i, criterion in enumerate(stage.criteria):
            editor = CriterionEditor(criterion, self.body)
            self.body_layout.insertWidget(i, editor)
            editor.value_entered.connect(self.score_entered)
            editor.comment_edited.connect(self.comment_edited)
            editor.field.entry_rejected.connect(
                lambda typed, c=criterion: self.show_rejected(c, typed))
            self.editors[criterion.id] = editor
            if previous is not None:
                QWidget.setTabOrder(previous, editor.field)
            QWidget.setTabOrder(editor.field, editor.comment)
            previous = editor.comment
        if previous is not None:
            QWidget.setTabOrder(previous, self.submit_button)
        self.updateGeometry()  # the criteria set the form's minimum width

    def clear(self) -> None:
        """Show no dossier."""
        self.state = None
        self.title.setText("")
        for editor in self.editors.values():
            editor.set_state(None)
        self._show_totals()

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setAccessibleName(text)

    def set_state(self, state: SheetState) -> None:
        self.state = state
        for editor in self.editors.values():
            try:
                editor.set_state(state.criterion(editor.criterion.id))
            except KeyError:
                editor.set_state(None)
            editor.set_editable(state.editable)
        self._show_totals()

    def flush_pending(self) -> None:
        """Enter any score still being typed (before leaving or submitting)."""
        for editor in self.editors.values():
            if editor.field.pending:
                editor.field.commit()

    def total_value_text(self) -> str:
        return total_text(self.state.total) if self.state is not None else ""

    def show_saved_hint(self) -> None:
        """Forget the last save time (a dossier was just opened)."""
        self._saved_at = None
        self._save_error = ""
        self._show_saved()

    def editor_for(self, criterion_id: str) -> CriterionEditor:
        return self.editors[criterion_id]

    def current_criterion(self) -> str | None:
        """The criterion whose field or comment has the keyboard focus."""
        focus = QApplication.focusWidget()
        for cid, editor in self.editors.items():
            if focus is not None and editor.isAncestorOf(focus):
                return cid
        return None

    def focus_criterion(self, criterion_id: str | None = None, *, comment: bool = False) -> None:
        """Put the keyboard focus on a criterion (default: the first one not scored yet)."""
        if not self.editors:
            return
        if criterion_id is None:
            missing = self.state.missing if self.state is not None else ()
            criterion_id = missing[0] if missing else next(iter(self.editors))
        editor = self.editors[criterion_id]
        if comment:
            editor.edit_comment()
        else:
            editor.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(editor, 0, em(self, 0.5))

    def edit_current_comment(self) -> None:
        cid = self.current_criterion()
        self.focus_criterion(cid, comment=True) if cid else self.focus_criterion(comment=True)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for editor in self.editors.values():
            inside = new is not None and editor.isAncestorOf(new)
            editor.set_focused(inside)
            if inside:
                self.scroll.ensureWidgetVisible(new, em(self, 0.5), em(self, 2))

    # -- status texts ---------------------------------------------------------------------------
    def show_saved(self, when: dt.datetime | None = None) -> None:
        """Say that the last change was saved (at ``when``, local time)."""
        self._saved_at = when or dt.datetime.now()
        self._save_error = ""
        self._show_saved()

    def show_rejected(self, criterion: Criterion, typed: str) -> None:
        """Say why a typed score was not taken (it is off the criterion's scale)."""
        text = self.tr("%1 is not a score for %2: type %3 to %4.").replace("%1", localise_number(typed)) \
            .replace("%2", criterion.name(lang())).replace("%3", score_text(criterion.scale_min)) \
            .replace("%4", score_text(criterion.scale_max))
        set_message(self.saved, text, WARNING)

    def show_save_error(self, text: str) -> None:
        self._save_error = text
        self._show_saved()

    def _show_saved(self) -> None:
        if self._save_error:
            set_message(self.saved, self.tr("Not saved: %1").replace("%1", self._save_error), DANGER)
        elif self._saved_at is not None:
            set_message(self.saved, self.tr("Saved automatically at %1").replace(
                "%1", self._saved_at.strftime("%H:%M:%S")), SUCCESS)
        else:
            set_message(self.saved, self.tr("Every change is saved at once."))
        self.saved.setVisible(True)

    def _show_totals(self) -> None:
        state, language = self.state, lang()
        if state is None or self.stage is None:
            self.total.setText("")
            self.verdict.setText("")
            self.detail.setText("")
            self.knockouts.setVisible(False)
            self.banner.setVisible(False)
            self.submit_button.setEnabled(False)
            return
        self.total.setText(self.tr("Total %1").replace("%1", total_text(state.total)))
        self.total.setAccessibleName(self.total.text())
        mark = score_text(state.pass_mark)
        if state.passed is True:
            set_message(self.verdict, self.tr("Passes (pass mark %1)").replace("%1", mark), SUCCESS)
        elif state.passed is False:
            set_message(self.verdict, self.tr("Below the pass mark %1").replace("%1", mark), DANGER)
        else:
            set_message(self.verdict, self.tr("Pass mark %1").replace("%1", mark))
        scored = len(state.values)
        detail = self.tr("%1 of %2 criteria scored \u00b7 %3").replace("%1", str(scored)).replace(
            "%2", str(len(state.criteria))).replace("%3", state.status.label(language))
        self.detail.setText(detail)
        if state.knockouts:
            names = ", ".join(self.stage.criterion(c).name(language) for c in state.knockouts
                              if c in self.stage.criterion_ids)
            set_message(self.knockouts, self.tr("Knock-out: %1 scored below the threshold").replace("%1", names),
                        DANGER)
        else:
            self.knockouts.setVisible(False)
        if state.event_finalised:  # issue 14: a plain sentence, the same as a refused write says
            from oaoi_desktop.i18n import render
            from oaoi_desktop.services.completeness import when_text

            set_message(self.banner, render("judging.event_finalised", language,
                                            at=when_text(state.event_finalised_at)), WARNING)
        elif not state.editable:
            set_message(self.banner, self.tr(
                "This score sheet is submitted and locked. Only the secretariat can reopen it."), WARNING)
        elif state.changed_since_scored:
            set_message(self.banner, self.tr(
                "This proposal was updated after you scored it (revision %1 \u2192 %2): check your scores.")
                .replace("%1", str(state.dossier_revision)).replace("%2", str(state.current_dossier_revision)),
                WARNING)
        else:
            self.banner.setVisible(False)
        self.submit_button.setEnabled(state.editable)

    # -- language ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.submit_button.setText(self.tr("&Submit (Ctrl+Enter)"))
        self.submit_button.setAccessibleName(self.tr("Submit the score sheet"))
        self.scroll.setAccessibleName(self.tr("Criteria"))
        for editor in self.editors.values():
            editor.retranslate_ui()
        self._show_totals()
        self._show_saved()


__all__ = [
    "CommentEdit",
    "CriterionEditor",
    "LevelButtons",
    "ScoreField",
    "ScoreForm",
]
