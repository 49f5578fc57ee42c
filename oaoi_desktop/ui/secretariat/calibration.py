"""The console's "Kalibrasi" tab (issue 17): the calibration round and the trainee judges.

Left: every proposal of the event with a check box (checked = a calibration
proposal), the round's state and its buttons (save the flags, start the round,
close it, export the PDF).  Right: for the chosen calibration proposal, one row
per criterion and judge — the score, the panel median, the difference, the
rubric level and the sheet's status; the selected row's criterion shows its
level descriptors below.  "Kembalikan ke draf…" sends the selected judge's
calibration sheet back to draft with a reason.  At the bottom, the trainee
(shadow) judges against the panel: proposals compared, mean absolute
deviation, rank correlation.

Everything goes through ``services/calibration.py`` and ``services/shadow.py``
as the signed-in secretariat member (``actor``).

Signals:
    calibration_changed(): flags, the round or a sheet changed here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop import i18n
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import calibration, shadow
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk


def _num(value: object) -> str:
    if value is None:
        return "–"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")  # type: ignore[arg-type]
    return text.replace(".", ",") if language.current_language() == "id" else text


class ResetDialog(QDialog):
    """Asks the reason for sending a judge's calibration sheet back to draft."""

    def __init__(self, judge: str, dossier: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calibration_reset_dialog")
        self.setWindowTitle(self.tr("Send back to draft"))
        self.label = QLabel(self.tr("Send %1's calibration sheet for %2 back to draft?")
                            .replace("%1", judge).replace("%2", dossier), self)
        self.label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("calibration_reset_reason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        dialogs.translate_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)


class CalibrationTab(QWidget):
    """The console tab of the calibration round and the trainee judges (see the module docstring).

    Signals:
        calibration_changed(): flags, the round or a sheet changed here.
    """

    calibration_changed = Signal()

    COLUMNS = 8

    def __init__(self, db: Database, parent: QWidget | None = None, *, actor: Actor) -> None:
        super().__init__(parent)
        self._desk = SecretariatDesk(db)
        self.actor = actor
        self._event_id: str | None = None
        self._report: calibration.CalibrationReport | None = None
        self.reset_dialog: ResetDialog | None = None
        self.setObjectName("calibration_tab")
        # left: the proposals and the round
        self.state_label = QLabel(self)
        self.state_label.setObjectName("calibration_state")
        self.state_label.setWordWrap(True)
        self.dossier_list = QListWidget(self)
        self.dossier_list.setObjectName("calibration_dossiers")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("calibration_save_flags")
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("calibration_start")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("calibration_close")
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("calibration_pdf")
        self.message = QLabel(self)
        self.message.setObjectName("calibration_message")
        self.message.setWordWrap(True)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel(left)
        lv.addWidget(self.state_label)
        lv.addWidget(self.list_label)
        lv.addWidget(self.dossier_list, 1)
        for b in (self.save_button, self.start_button, self.close_button, self.pdf_button):
            lv.addWidget(b)
        lv.addWidget(self.message)
        # right: one calibration proposal against the panel median
        self.dossier_combo = QComboBox(self)
        self.dossier_combo.setObjectName("calibration_dossier")
        self.dossier_label = QLabel(self)
        self.dossier_label.setBuddy(self.dossier_combo)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("calibration_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.levels = QLabel(self)
        self.levels.setObjectName("calibration_levels")
        self.levels.setWordWrap(True)
        self.levels.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("calibration_reset")
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.dossier_label)
        top.addWidget(self.dossier_combo, 1)
        top.addWidget(self.reset_button)
        rv.addLayout(top)
        rv.addWidget(self.table, 3)
        rv.addWidget(self.levels)
        # bottom: the trainee judges
        self.shadow_box = QGroupBox(self)
        self.shadow_table = QTableWidget(0, 4, self.shadow_box)
        self.shadow_table.setObjectName("shadow_table")
        self.shadow_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shadow_table.verticalHeader().setVisible(False)
        self.shadow_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.shadow_pdf_button = QPushButton(self.shadow_box)
        self.shadow_pdf_button.setObjectName("shadow_pdf")
        sv = QVBoxLayout(self.shadow_box)
        sv.addWidget(self.shadow_table)
        sv.addWidget(self.shadow_pdf_button, 0, Qt.AlignmentFlag.AlignRight)
        rv.addWidget(self.shadow_box, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.save_button.clicked.connect(lambda _c=False: self.save_flags())
        self.start_button.clicked.connect(lambda _c=False: self.start_round())
        self.close_button.clicked.connect(lambda _c=False: self.close_round())
        self.pdf_button.clicked.connect(lambda _c=False: self._choose_pdf("calibration"))
        self.shadow_pdf_button.clicked.connect(lambda _c=False: self._choose_pdf("shadow"))
        self.reset_button.clicked.connect(lambda _c=False: self.ask_reset())
        self.dossier_combo.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.table.itemSelectionChanged.connect(self._show_levels)
        self.retranslate_ui()

    # -- data ---------------------------------------------------------------------------------
    def set_event(self, event_id: str | uuid.UUID | None) -> None:
        self._event_id = str(event_id) if event_id else None
        self.refresh()

    def refresh(self) -> None:
        """Read the proposals, the round and both reports again."""
        self.dossier_list.clear()
        self.dossier_combo.blockSignals(True)
        self.dossier_combo.clear()
        self._report = None
        self._shadow: shadow.ShadowReport | None = None
        state = None
        if self._event_id is not None:
            seen = self._desk.calibration_overview(self._event_id, self.actor, language.current_language())
            rows, state, self._report, self._shadow = seen.rows, seen.state, seen.report, seen.shadow_report
            if seen.error is not None:
                rows = []
                self.message.setText(seen.error.render(language.current_language()))
            for number, title, flagged in rows:
                item = QListWidgetItem(f"{number} — {title}", self.dossier_list)
                item.setData(Qt.ItemDataRole.UserRole, number)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if flagged else Qt.CheckState.Unchecked)
        if self._report is not None:
            for d in self._report.dossiers:
                self.dossier_combo.addItem(f"{d.number} — {d.title}", d.number)
        self.dossier_combo.blockSignals(False)
        self._state = state
        self._show_state()
        self._fill_table()
        self._fill_shadow()

    def flagged(self) -> list[str]:
        """The proposals checked in the list."""
        out = []
        for i in range(self.dossier_list.count()):
            item = self.dossier_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def _show_state(self) -> None:
        st = self._state
        if st is None or not st.started:
            text = self.tr("Calibration round: not started.")
        elif st.closed:
            text = self.tr("Calibration round: closed %1.").replace("%1", st.local(st.closed_at))
        else:
            text = self.tr("Calibration round: open since %1.").replace("%1", st.local(st.started_at))
        self.state_label.setText(text)
        closed = bool(st is not None and st.closed)
        self.save_button.setEnabled(self._event_id is not None and not closed)
        self.start_button.setEnabled(self._event_id is not None and not closed)
        self.close_button.setEnabled(bool(st is not None and st.started and not closed))
        self.reset_button.setEnabled(bool(st is not None and st.started and not closed))
        self.pdf_button.setEnabled(bool(self._report and self._report.dossiers))

    def _fill_table(self) -> None:
        self.table.setRowCount(0)
        self.levels.clear()
        self._rows: list[tuple[str, str, str]] = []  # (dossier, judge, levels text) per row
        if self._report is None:
            return
        number = self.dossier_combo.currentData()
        d = next((x for x in self._report.dossiers if x.number == number), None)
        if d is None:
            return
        lang = language.current_language()
        for c in d.criteria:
            levels = "\n".join(f"{lv.label} ({_num(lv.low)}–{_num(lv.high)}): {lv.descriptor}" for lv in c.levels)
            for sc in c.scores:
                row = self.table.rowCount()
                self.table.insertRow(row)
                cells = (c.name, sc.judge, i18n.render(f"calib.role.{sc.role}", lang), _num(sc.value),
                         _num(c.median), _num(sc.deviation) if sc.deviation is not None else "–", sc.level,
                         i18n.render(f"calib.sheet.{sc.status}", lang))
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col in (3, 4, 5):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if col == 5 and sc.deviation is not None and abs(sc.deviation) >= 2:
                        item.setToolTip(self.tr("Two points or more from the panel median: discuss."))
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    self.table.setItem(row, col, item)
                self._rows.append((d.number, sc.judge, f"{c.name}\n{levels}"))

    def _show_levels(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self._rows):
            self.levels.setText(self._rows[rows[0].row()][2])
        else:
            self.levels.clear()

    def _fill_shadow(self) -> None:
        self.shadow_table.setRowCount(0)
        report = getattr(self, "_shadow", None)
        self.shadow_box.setVisible(bool(report and report.judges))
        if not report:
            return
        for r in report.judges:
            row = self.shadow_table.rowCount()
            self.shadow_table.insertRow(row)
            rho = "–" if r.spearman is None else _num(round(r.spearman, 3))
            for col, text in enumerate((r.judge, str(r.compared), _num(r.mean_absolute_deviation), rho)):
                self.shadow_table.setItem(row, col, QTableWidgetItem(text))

    # -- actions ------------------------------------------------------------------------------
    def _run(self, what: Callable[[], object]) -> bool:
        try:
            what()
        except OaoiError as exc:
            self.message.setText(exc.render(language.current_language()))
            return False
        self.message.clear()
        self.refresh()
        self.calibration_changed.emit()
        return True

    def save_flags(self) -> bool:
        """Flag the checked proposals and unflag the others (each change audited)."""
        wanted = set(self.flagged())
        current = self._desk.calibration_flags(self._event_id, self.actor)
        return self._run(lambda: self._desk.flag_calibration(
            self._event_id, sorted(wanted - current), sorted(current - wanted), self.actor))

    def start_round(self) -> bool:
        """Save the flags, then assign the calibration proposals to every active judge."""
        if not self.save_flags():
            return False
        return self._run(lambda: self._desk.start_calibration_round(self._event_id, self.actor))

    def close_round(self) -> bool:
        return self._run(lambda: self._desk.close_calibration_round(self._event_id, self.actor))

    def ask_reset(self) -> ResetDialog | None:
        """Open the reason dialog for the selected row's judge (built and shown, not exec()-ed)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._rows):
            self.message.setText(self.tr("Choose a judge's row first."))
            return None
        number, judge, _levels = self._rows[rows[0].row()]
        dialog = ResetDialog(judge, number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._run(lambda: self._desk.reset_calibration_sheet(
            self._event_id, number, judge, dialog.reason.text(), self.actor)))
        self.reset_dialog = dialog
        dialog.open()
        return dialog

    def _choose_pdf(self, kind: str) -> None:
        dialogs.choose_file(self, self.tr("Save the report as PDF"), save=True, default_suffix="pdf",
                            name_filters=["PDF (*.pdf)"], on_chosen=lambda path: self.write_pdf(kind, path))

    def write_pdf(self, kind: str, path: Path) -> Path | None:
        """Write the calibration (``calibration``) or trainee (``shadow``) report to ``path``."""
        from oaoi_desktop.reports.practice import write_practice_pdf

        lang = language.current_language()
        try:
            doc = self._desk.practice_document(self._event_id, kind, self.actor, lang)
            written = write_practice_pdf(doc, path)
        except OaoiError as exc:
            self.message.setText(exc.render(lang))
            return None
        self.message.setText(self.tr("Saved: %1").replace("%1", str(written)))
        return written

    # -- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Calibration"))
        self.list_label.setText(self.tr("Checked proposals are calibration proposals (never counted):"))
        self.save_button.setText(self.tr("Save &flags"))
        self.start_button.setText(self.tr("&Start the calibration round"))
        self.close_button.setText(self.tr("&Close the round"))
        self.pdf_button.setText(self.tr("Calibration report (PDF)…"))
        self.dossier_label.setText(self.tr("&Proposal:"))
        self.reset_button.setText(self.tr("Send back to &draft…"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Criterion"), self.tr("Judge"), self.tr("Role"), self.tr("Score"), self.tr("Panel median"),
            self.tr("Difference"), self.tr("Level"), self.tr("Status")])
        self.shadow_box.setTitle(self.tr("Trainee judges against the panel (never counted)"))
        self.shadow_table.setHorizontalHeaderLabels([
            self.tr("Trainee judge"), self.tr("Proposals compared"), self.tr("Mean absolute deviation"),
            self.tr("Rank correlation")])
        self.shadow_pdf_button.setText(self.tr("Trainee judge report (PDF)…"))
        if self._event_id is not None:
            self.refresh()


__all__ = ["CalibrationTab", "ResetDialog"]
