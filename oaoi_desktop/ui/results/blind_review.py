"""Kegiatan ▸ Penilaian tersamar…: the event's own list of masked terms and the judges'
reports of a visible identity (issue 14), for the secretariat.

The GUI of ``oaoi blind terms`` and ``oaoi blind reports``: the reports table shows
when, which proposal, which judge and the words reported; "Add to the list" copies
the selected report's words into the term list, and "Save the list" stores it
(``services.blind.set_blind_terms``, audited), so every proposal hides them from then on.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.domain.blind import parse_terms_file
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import audit_query
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.results.desk import ResultsDesk
from oaoi_desktop.ui.widgets import em


class BlindReviewDialog(QDialog):
    """The event's blind-review term list and the judges' leak reports.

    Signals:
        terms_saved(int): the term list was stored (how many terms).
    """

    terms_saved = Signal(int)

    def __init__(self, db: Database, actor: Actor, *, event_id: str | uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = ResultsDesk(db)
        self.actor = actor
        self.setObjectName("blind_review_dialog")
        self.event_label = QLabel(self)
        self.event_box = QComboBox(self)
        self.event_box.setObjectName("blind_event")
        self.event_label.setBuddy(self.event_box)
        self.reports_label = QLabel(self)
        self.reports = QTableWidget(0, 5, self)
        self.reports.setObjectName("blind_reports")
        self.reports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reports.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reports.verticalHeader().setVisible(False)
        self.reports.horizontalHeader().setStretchLastSection(True)
        self.reports.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("blind_add_term")
        self.add_button.setEnabled(False)
        self.terms_label = QLabel(self)
        self.terms = QPlainTextEdit(self)
        self.terms.setObjectName("blind_terms")
        self.terms.setTabChangesFocus(True)
        self.terms_label.setBuddy(self.terms)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("blind_save_terms")
        self.status = QLabel(self)
        self.status.setObjectName("blind_status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.event_label)
        top.addWidget(self.event_box, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reports_label)
        layout.addWidget(self.reports, 2)
        layout.addLayout(row)
        layout.addWidget(self.terms_label)
        layout.addWidget(self.terms, 1)
        layout.addLayout(save_row)
        layout.addWidget(self.buttons)

        self.event_box.currentIndexChanged.connect(lambda _i: self.load())
        self.reports.itemSelectionChanged.connect(
            lambda: self.add_button.setEnabled(bool(self.reports.selectedItems())))
        self.add_button.clicked.connect(lambda _checked=False: self.add_selected())
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.retranslate_ui()
        self._fill_events(event_id)
        self.resize(em(self, 52), em(self, 34))

    # -- data --------------------------------------------------------------------------------
    def _fill_events(self, event_id: str | uuid.UUID | None) -> None:
        rows = self.desk.events()
        self.event_box.blockSignals(True)
        for eid, name, is_blind in rows:
            self.event_box.addItem(name if is_blind else self.tr("%1 (not blind)").replace("%1", name), eid)
        wanted = self.event_box.findData(str(event_id)) if event_id else self.event_box.count() - 1
        self.event_box.setCurrentIndex(max(0, wanted))
        self.event_box.blockSignals(False)
        self.load()

    def event_id(self) -> str | None:
        return self.event_box.currentData()

    def load(self) -> None:
        """Read the chosen event's term list and reports again."""
        eid = self.event_id()
        self.reports.setRowCount(0)
        self.terms.clear()
        if eid is None:
            return
        try:
            terms, reports = self.desk.blind_review(eid, self.actor)
        except OaoiError as exc:
            dialogs.error(self, self.tr("Blind review"), exc.render())
            return
        self.terms.setPlainText("\n".join(terms))
        self.reports.setRowCount(len(reports))
        for i, r in enumerate(reversed(reports)):  # newest first
            texts = (audit_query.local_time_text(r.at), r.dossier_number, r.judge, r.text, r.where)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.reports.setItem(i, col, item)
        self.reports.resizeColumnsToContents()
        self.reports_label.setText(self.tr("Reports of a visible identity (%1):").replace("%1", str(len(reports))))
        self.status.clear()

    def add_selected(self) -> None:
        """Copy the selected report's words to the end of the term list (not saved yet)."""
        rows = {i.row() for i in self.reports.selectedItems()}
        if not rows:
            return
        item = self.reports.item(min(rows), 3)
        words = item.text().strip() if item is not None else ""
        present = parse_terms_file(self.terms.toPlainText())
        if words and words.casefold() not in {p.casefold() for p in present}:
            self.terms.setPlainText("\n".join([*present, words]))
        self.status.setText(self.tr("Not saved yet: press \u201cSave the list\u201d."))

    def save(self) -> int | None:
        """Store the term list; the number of terms stored (None: refused, the reason shown)."""
        eid = self.event_id()
        if eid is None:
            return None
        try:
            stored = self.desk.set_blind_terms(eid, parse_terms_file(self.terms.toPlainText()), self.actor)
        except OaoiError as exc:
            self.status.setText(exc.render())
            return None
        self.terms.setPlainText("\n".join(stored))
        self.status.setText(self.tr("Saved: %1 terms are hidden in every proposal of this event.")
                            .replace("%1", str(len(stored))))
        self.terms_saved.emit(len(stored))
        return len(stored)

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Blind review"))
        self.event_label.setText(self.tr("&Event:"))
        self.reports.setHorizontalHeaderLabels([
            self.tr("When (%1)").replace("%1", audit_query.local_zone()), self.tr("Proposal"), self.tr("Judge"),
            self.tr("Words reported"), self.tr("Where")])
        self.reports_label.setText(self.tr("Reports of a visible identity (%1):")
                                   .replace("%1", str(self.reports.rowCount())))
        self.add_button.setText(self.tr("&Add to the list"))
        self.terms_label.setText(self.tr(
            "&Terms hidden in every proposal of this event, one per line (besides the agencies, their "
            "regions and the innovators, which are always hidden):"))
        self.save_button.setText(self.tr("&Save the list"))
        dialogs.translate_buttons(self.buttons)


__all__ = ["BlindReviewDialog"]
