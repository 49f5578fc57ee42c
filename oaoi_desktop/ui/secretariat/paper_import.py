"""Impor nilai kertas: scores typed from the paper forms, entered twice and compared (the GUI of
``oaoi scores import FILE --second-entry FILE2``).

Two operators type the same paper forms into two files (CSV or XLSX, the
columns of docs/paper-forms.md).  "Bandingkan" runs the paper service on both
inside a transaction that is rolled back, so nothing is stored, and lists every
difference side by side (proposal, judge, criterion, entry 1, entry 2) together
with the rows the service refuses.  "Impor" is enabled only once the two
entries agree; it takes the automatic pre-import backup and imports through
:func:`oaoi_desktop.services.paper.import_paper_scores` (audited as
``sheet.paper_entered`` and ``scores.paper_import``).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import paper
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, message_label, set_message
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.widgets import em, make_body

COL_DOSSIER, COL_JUDGE, COL_CRITERION, COL_FIRST, COL_SECOND = range(5)


class PaperImportDialog(QDialog):
    """Choose the first and the second entry, compare them, import when they agree.

    Signals:
        compared(object): the two entries were compared (the service's PaperImport; nothing stored).
        imported(object): the scores were imported (the service's PaperImport).
    """

    compared = Signal(object)
    imported = Signal(object)

    def __init__(self, db: Database, event_id: str | uuid.UUID, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paper_import_dialog")
        self._db = db
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id = str(event_id)
        self.first: Path | None = None
        self.second: Path | None = None
        self.result: paper.PaperImport | None = None
        self._agreed = False

        self.intro = make_body(QLabel(self))
        self.first_label, self.first_edit, self.first_button = QLabel(self), QLineEdit(self), QPushButton(self)
        self.second_label, self.second_edit, self.second_button = QLabel(self), QLineEdit(self), QPushButton(self)
        self.first_edit.setObjectName("paper_first_file")
        self.second_edit.setObjectName("paper_second_file")
        self.first_button.setObjectName("paper_choose_first")
        self.second_button.setObjectName("paper_choose_second")
        for edit in (self.first_edit, self.second_edit):
            edit.setReadOnly(True)
        self.first_button.clicked.connect(lambda _checked=False: self.choose(1))
        self.second_button.clicked.connect(lambda _checked=False: self.choose(2))
        form = QFormLayout()
        for label, edit, button in ((self.first_label, self.first_edit, self.first_button),
                                    (self.second_label, self.second_edit, self.second_button)):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            label.setBuddy(button)
            form.addRow(label, row)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("paper_mismatches")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setVisible(False)
        self.problems = QListWidget(self)
        self.problems.setObjectName("paper_problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.message = message_label(self)
        self.message.setObjectName("paper_message")

        self.buttons = QDialogButtonBox(self)
        self.compare_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setObjectName("paper_compare")
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("paper_import")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.compare_button.clicked.connect(lambda _checked=False: self.compare())
        self.import_button.clicked.connect(lambda _checked=False: self.import_scores())
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(em(self, 58), em(self, 34))
        self.retranslate_ui()
        self._update()

    # -- texts -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import paper scores"))
        self.intro.setText(self.tr("Two people type the same paper forms into two files (CSV or XLSX). The scores "
                                   "are imported only when both entries agree; until then nothing is stored."))
        self.first_label.setText(self.tr("&First entry:"))
        self.second_label.setText(self.tr("&Second entry:"))
        self.first_button.setText(self.tr("Choose\u2026"))
        self.second_button.setText(self.tr("Choose\u2026"))
        self.first_button.setAccessibleName(self.tr("Choose the first entry"))
        self.second_button.setAccessibleName(self.tr("Choose the second entry"))
        self.table.setHorizontalHeaderLabels([self.tr("Proposal"), self.tr("Judge"), self.tr("Criterion"),
                                              self.tr("Entry 1"), self.tr("Entry 2")])
        self.table.setAccessibleName(self.tr("Differences between the two entries"))
        self.compare_button.setText(self.tr("&Compare"))
        self.import_button.setText(self.tr("&Import"))
        dialogs.translate_buttons(self.buttons)

    # -- files ---------------------------------------------------------------------------
    def choose(self, which: int) -> object:
        title = self.tr("The first entry") if which == 1 else self.tr("The second entry")
        return dialogs.choose_file(self, title, on_chosen=lambda p: self.set_file(which, p),
                                   name_filters=[self.tr("Score files (*.csv *.xlsx)"), self.tr("All files (*)")])

    def set_file(self, which: int, path: Path | str) -> None:
        path = Path(path)
        if which == 1:
            self.first = path
            self.first_edit.setText(str(path))
        else:
            self.second = path
            self.second_edit.setText(str(path))
        self._agreed = False
        self.result = None
        self.table.setRowCount(0)
        self.table.setVisible(False)
        self.problems.clear()
        self.problems.setVisible(False)
        set_message(self.message, "")
        self._update()

    def _update(self) -> None:
        both = self.first is not None and self.second is not None
        self.compare_button.setEnabled(both)
        self.import_button.setEnabled(both and self._agreed)
        self.compare_button.setDefault(not self._agreed)
        self.import_button.setDefault(self._agreed)

    # -- the service -----------------------------------------------------------------------
    def _run(self, *, keep: bool) -> paper.PaperImport:
        assert self.first is not None and self.second is not None
        return self._desk.import_paper_scores(self._event_id, self.first, self.second, self._actor, keep=keep)

    def compare(self) -> paper.PaperImport | None:
        """Compare the two entries (nothing stored); show the differences side by side."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._run(keep=False)
        except OaoiError as exc:
            self._agreed = False
            set_message(self.message, exc.render(), DANGER)
            self._update()
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.result = result
        self._show(result)
        self._agreed = not result.mismatches
        if result.mismatches:
            set_message(self.message, self.tr("%1 difference(s) between the two entries: correct the files and "
                                              "compare again. Nothing was stored.")
                        .replace("%1", str(len(result.mismatches))), DANGER)
        else:
            ready = result.imported
            text = self.tr("The two entries agree: %1 sheet(s) ready to import.").replace("%1", str(ready))
            if result.problems:
                text += " " + self.tr("The rows listed below are refused and will be left out.")
            set_message(self.message, text, SUCCESS if not result.problems else DANGER)
        self._update()
        self.compared.emit(result)
        return result

    def import_scores(self) -> paper.PaperImport | None:
        """Import (only after the two entries were compared and agree); the automatic backup first."""
        if not self._agreed:
            return None
        from oaoi_desktop.services.backups import backup_before_import

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup_before_import(self._db)
            result = self._run(keep=True)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.result = result
        self._show(result)
        self._agreed = False  # imported: comparing again would show them as unchanged
        set_message(self.message, self.tr("Imported %1 sheet(s); %2 unchanged, %3 refused.")
                    .replace("%1", str(result.imported)).replace("%2", str(result.unchanged))
                    .replace("%3", str(result.rejected)), SUCCESS if result.ok else DANGER)
        self._update()
        self.imported.emit(result)
        return result

    def _show(self, result: paper.PaperImport) -> None:
        missing = self.tr("(missing)")
        self.table.setRowCount(0)
        for m in result.mismatches:
            p = m.params
            criterion = str(p.get("criterion", ""))
            if m.message_id == "paper.mismatch.comment":
                criterion = self.tr("%1 (comment)").replace("%1", criterion)
            first = p.get("first_value") if "first_row" in p else None
            second = p.get("second_value") if "second_row" in p else None
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in ((COL_DOSSIER, p.get("dossier", "")), (COL_JUDGE, p.get("judge", "")),
                              (COL_CRITERION, criterion),
                              (COL_FIRST, missing if first is None else str(first)),
                              (COL_SECOND, missing if second is None else str(second))):
                item = QTableWidgetItem(str(text))
                item.setToolTip(m.render())
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(result.mismatches))
        self.problems.clear()
        for problem in result.problems:
            self.problems.addItem(problem.render())
        self.problems.setVisible(bool(result.problems))


__all__ = ["PaperImportDialog"]
