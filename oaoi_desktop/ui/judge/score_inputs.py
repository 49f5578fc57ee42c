"""The score form's input parts: the score field, the level buttons and the comment box.

Keyboard (the score field, :class:`ScoreField`, has the focus):

* digits enter the score; ``0`` means 10 on a scale that ends at 10; an entry
  that could still grow (``1`` → ``10``) ends after a short pause
  (:data:`ENTRY_PAUSE_MS`) or with Enter; ``.``/``,`` for decimal steps;
* Up/Down (or ``+``/``-``) step the score; Backspace/Delete clear it;
* Enter on a finished entry, or F2, goes to the comment box (:class:`CommentEdit`);
  Esc comes back.

:class:`LevelButtons` shows the anchored levels as a row of score buttons under
the level labels.  :mod:`~oaoi_desktop.ui.judge.score_form` puts them together,
one :class:`~oaoi_desktop.ui.judge.score_form.CriterionEditor` per criterion.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from oaoi_desktop.domain.rubric import Criterion
from oaoi_desktop.ui.judge.common import lang, localise_number, score_text
from oaoi_desktop.ui.widgets import em, scaled_font

ENTRY_PAUSE_MS = 700
"""How long a typed score that could still grow (``1`` of ``10``) waits for its next digit."""

MAX_VALUE_BUTTONS = 21
"""Scales with more valid values than this get one button per level instead of per value."""


def _passes_through(event: QKeyEvent) -> bool:
    """Keys the form's fields leave to the workspace's shortcuts."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier):
        return True
    return Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35


def valid_values(criterion: Criterion, limit: int = 2000) -> list[Decimal]:
    """Every valid score of ``criterion`` in order (at most ``limit``)."""
    values = []
    v = criterion.scale_min
    while v <= criterion.scale_max and len(values) < limit:
        values.append(v)
        v += criterion.step
    return values


class ScoreField(QLineEdit):
    """Where a criterion's score is typed (see the module docstring).

    Signals:
        value_entered(object): a score was entered (a Decimal) or cleared (None).
        entry_rejected(str): the typed text is not a score on the scale.
        comment_requested(): Enter without a pending entry: go to the comment.
    """

    value_entered = Signal(object)
    entry_rejected = Signal(str)
    comment_requested = Signal()

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self._value: Decimal | None = None
        self._buffer = ""
        self._editable = True
        self._texts = [self._canonical(v) for v in valid_values(criterion)]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ENTRY_PAUSE_MS)
        self._timer.timeout.connect(self.commit)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = scaled_font(self.font(), 1.3, self.font().weight())
        self.setFont(font)
        width = self.fontMetrics().horizontalAdvance("00,00") + em(self, 1.2)
        self.setMinimumWidth(width)
        self.setMaximumWidth(width)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @staticmethod
    def _canonical(value: Decimal) -> str:
        return format(value.normalize(), "f")

    # -- state -----------------------------------------------------------------------
    @property
    def value(self) -> Decimal | None:
        return self._value

    @property
    def pending(self) -> str:
        """The digits typed so far and not yet entered."""
        return self._buffer

    def set_value(self, value: Decimal | None) -> None:
        self._value = value
        if not self._buffer:
            self._show()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if not editable:
            self.cancel()

    def _show(self) -> None:
        self.setText(localise_number(self._buffer) if self._buffer else score_text(self._value))

    # -- entry -----------------------------------------------------------------------------
    def _can_grow(self) -> bool:
        return any(len(t) > len(self._buffer) and t.startswith(self._buffer) for t in self._texts)

    def _parse(self, text: str) -> Decimal | None:
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
        return value if value.is_finite() and self.criterion.is_valid_score(value) else None

    def _typed(self, ch: str) -> None:
        self._buffer += ch
        self._show()
        zero_means_ten = (self._buffer == "0" and not self.criterion.is_valid_score(Decimal(0))
                          and self.criterion.is_valid_score(Decimal(10)))
        if zero_means_ten:
            self._buffer = "10"
            self.commit()
            return
        if self._can_grow():
            self._timer.start()
        elif self._parse(self._buffer) is not None:
            self.commit()
        else:
            self._reject()

    def _reject(self) -> None:
        typed = self._buffer
        self.cancel()
        QApplication.beep()
        self.entry_rejected.emit(typed)

    def commit(self) -> bool:
        """Enter what was typed (True), or reject it; nothing pending: False."""
        self._timer.stop()
        if not self._buffer:
            return False
        value = self._parse(self._buffer)
        if value is None:
            self._reject()
            return False
        self._buffer = ""
        self._value = value
        self._show()
        self.value_entered.emit(value)
        return True

    def cancel(self) -> None:
        """Forget a pending entry."""
        self._timer.stop()
        self._buffer = ""
        self._show()

    def step(self, direction: int) -> None:
        values = valid_values(self.criterion)
        if not values:
            return
        if self._value is None:
            target = values[-1] if direction > 0 else values[0]
        else:
            i = min(range(len(values)), key=lambda k: abs(values[k] - self._value))  # type: ignore[operator]
            target = values[max(0, min(len(values) - 1, i + direction))]
        if target != self._value:
            self._value = target
            self._show()
            self.value_entered.emit(target)

    # -- events ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if _passes_through(event):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if _passes_through(event):
            event.ignore()
            return
        key, text = event.key(), event.text()
        if not self._editable:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.comment_requested.emit()
                return
            event.ignore()
            return
        if text and (text.isdigit() or (text in ".," and self.criterion.step % 1 != 0)):
            self._typed("." if text == "," else text)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._buffer:
                self.commit()  # ends a pending entry (or rejects it): stays on the score
            else:
                self.comment_requested.emit()
        elif key == Qt.Key.Key_Escape and self._buffer:
            self.cancel()
        elif key == Qt.Key.Key_Backspace and self._buffer:
            self._buffer = self._buffer[:-1]
            self._show()
            if self._buffer:
                self._timer.start()
            else:
                self._timer.stop()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.cancel()
            if self._value is not None:
                self._value = None
                self._show()
                self.value_entered.emit(None)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.cancel()
            self.step(+1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.cancel()
            self.step(-1)
        else:
            event.ignore()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt naming
        if self._buffer:
            self.commit()
        super().focusOutEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.MiddleButton:  # no paste from the X11 selection
            event.accept()
            return
        super().mouseReleaseEvent(event)


class CommentEdit(QPlainTextEdit):
    """A criterion's comment box: Tab leaves it, Esc goes back to the score.

    Signals:
        escaped(): Esc was pressed (go back to the score field).
    """

    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab moves between criteria; F2/Enter come here
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(em(self, 3.4))

    def sizeHint(self):  # noqa: ANN201, N802 - Qt naming
        hint = super().sizeHint()
        hint.setHeight(em(self, 4.2))
        return hint

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                return super().event(event)  # the text's own undo while typing
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods & Qt.KeyboardModifier.ControlModifier and event.key() in (
                    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class LevelButtons(QWidget):
    """The anchored levels: level labels over the score buttons they cover.

    Signals:
        value_clicked(object): a score button was clicked (its Decimal value).
    """

    value_clicked = Signal(object)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[Decimal, QPushButton] = {}
        self.level_labels: list[tuple[QLabel, object]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(max(2, em(self, 0.15)))
        grid.setVerticalSpacing(max(1, em(self, 0.1)))
        values = valid_values(criterion, MAX_VALUE_BUTTONS + 1)
        self._per_level = len(values) > MAX_VALUE_BUTTONS
        self._painted: set[Decimal] = set()
        small = scaled_font(self.font(), 0.85)
        if not self._per_level:
            for col, value in enumerate(values):
                self._add_button(grid, 1, col, value, score_text(value))
            for level in criterion.levels:
                cols = [c for c, v in enumerate(values) if level.contains(v)]
                if not cols:
                    continue
                label = QLabel(self)
                label.setFont(small)
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
                label.setWordWrap(True)
                label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                grid.addWidget(label, 0, cols[0], 1, cols[-1] - cols[0] + 1)
                self.level_labels.append((label, level))
        else:  # fine scales: one button per level, entering its top score
            for col, level in enumerate(sorted(criterion.levels, key=lambda lv: lv.min)):
                self._add_button(grid, 1, col, level.max, "")
                self.level_labels.append((self.buttons[level.max], level))
        for col in range(grid.columnCount()):
            grid.setColumnStretch(col, 1)
        self.retranslate_ui()

    def _add_button(self, grid: QGridLayout, row: int, col: int, value: Decimal, text: str) -> None:
        button = QPushButton(text, self)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard types digits instead
        button.setMinimumWidth(em(self, 1.8))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False, v=value: self.value_clicked.emit(v))
        self.group.addButton(button)
        self.buttons[value] = button
        grid.addWidget(button, row, col)

    def retranslate_ui(self) -> None:
        language = lang()
        for widget, level in self.level_labels:
            label, descriptor = level.label(language), level.descriptor(language)  # type: ignore[attr-defined]
            span = score_text(level.min) if level.min == level.max else (  # type: ignore[attr-defined]
                f"{score_text(level.min)}\u2013{score_text(level.max)}")  # type: ignore[attr-defined]
            if isinstance(widget, QPushButton):
                widget.setText(f"{label} ({span})")
            else:
                widget.setText(label)
            widget.setToolTip(f"{label} ({span}): {descriptor}" if descriptor else f"{label} ({span})")
        for value, button in self.buttons.items():
            level = self.criterion.level_for(value)
            name = self.tr("Score %1").replace("%1", score_text(value))
            descriptor = ""
            if level is not None:
                name += f" \u2014 {level.label(language)}"
                descriptor = level.descriptor(language)
            button.setAccessibleName(name)
            if not self._per_level:
                button.setToolTip(f"{name}: {descriptor}" if descriptor else name)

    def set_value(self, value: Decimal | None) -> None:
        for v, button in self.buttons.items():
            if value is None:
                checked = False
            elif self._per_level:
                level = self.criterion.level_for(value)
                checked = level is not None and level.contains(v)
            else:
                checked = v == value
            button.setChecked(checked)
            if checked != (v in self._painted):
                self._paint_checked(button, checked)
                self._painted.symmetric_difference_update({v})

    def _paint_checked(self, button: QPushButton, checked: bool) -> None:
        """A chosen score stands out in the theme's selection colours (not only "pressed")."""
        palette = self.palette()
        if checked:
            palette.setColor(QPalette.ColorRole.Button, palette.color(QPalette.ColorRole.Highlight))
            palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.HighlightedText))
        button.setPalette(palette)
        font = button.font()
        font.setBold(checked)
        button.setFont(font)

    def set_editable(self, editable: bool) -> None:
        for button in self.buttons.values():
            if button.isEnabled() != editable:
                button.setEnabled(editable)


__all__ = [
    "ENTRY_PAUSE_MS",
    "MAX_VALUE_BUTTONS",
    "CommentEdit",
    "LevelButtons",
    "ScoreField",
    "valid_values",
]
