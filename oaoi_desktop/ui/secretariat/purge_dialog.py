"""Musnahkan data proposal…: the GUI of ``oaoi event purge`` (issue 17, ``services/purge.py``).

The dialog shows what a purge of the console's event would destroy (counts),
the retention state, and the backups older than now; it asks for a reason when
the retention period has not passed, and for the word MUSNAHKAN typed out
before the button works.  The purge writes the Berita Acara Pemusnahan Data into
the chosen folder; the dialog then shows the result, the PDF's path and the
backups to destroy too.  Refusals (not finalised, already purged) are shown in
the dialog, never as a traceback.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop import config, i18n
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import formats
from oaoi_desktop.i18n.formats import local_time
from oaoi_desktop.services import purge
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.jobs import Job
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, WARNING, message_label, set_message
from oaoi_desktop.ui.secretariat.desk import SecretariatDesk
from oaoi_desktop.ui.widgets import em, make_body

CONFIRM_WORD = "MUSNAHKAN"
"""Typed out before the purge button works (the same word in both languages: it is what the record says)."""


class PurgeDialog(QDialog):
    """Purge the event's proposal content and attachments, with the destruction record.

    Signals:
        purged(str): the purge ran (the Berita Acara Pemusnahan Data's number).
    """

    purged = Signal(str)

    def __init__(self, db: Database, event_id: str | uuid.UUID, actor: Actor, parent: QWidget | None = None, *,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purge_dialog")
        self._db = db
        self._desk = SecretariatDesk(db)
        self._actor = actor
        self._event_id = str(event_id)
        self.folder = Path(folder) if folder else config.data_dir() / "pemusnahan"
        self.result: purge.PurgeResult | None = None
        self.plan: purge.PurgePlan | None = None
        self.plan_error = ""
        self.job: Job | None = None

        self.intro = make_body(QLabel(self))
        self.intro.setObjectName("purge_intro")
        self.summary = make_body(QLabel(self))
        self.summary.setObjectName("purge_summary")
        self.retention = make_body(QLabel(self))
        self.retention.setObjectName("purge_retention")
        # the retention period, set here too: no terminal for a routine step (issue 14)
        self.retention_label = QLabel(self)
        self.retention_days = QSpinBox(self)
        self.retention_days.setObjectName("purge_retention_days")
        self.retention_days.setRange(0, purge.MAX_RETENTION_DAYS)
        self.retention_label.setBuddy(self.retention_days)
        self.retention_button = QPushButton(self)
        self.retention_button.setObjectName("purge_retention_save")
        self.retention_button.clicked.connect(lambda _checked=False: self.save_retention())
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("purge_reason")
        self.reason_label.setBuddy(self.reason)
        self.confirm_label = QLabel(self)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("purge_confirm")
        self.confirm_label.setBuddy(self.confirm)
        self.folder_label = QLabel(self)
        self.folder_value = QLabel(self)
        self.folder_value.setObjectName("purge_folder")
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("purge_choose_folder")
        self.folder_button.clicked.connect(lambda _checked=False: self.choose_folder())
        self.backups_label = QLabel(self)
        self.backups = QPlainTextEdit(self)
        self.backups.setObjectName("purge_backups")
        self.backups.setReadOnly(True)
        self.purge_button = QPushButton(self)
        self.purge_button.setObjectName("purge_run")
        self.purge_button.clicked.connect(lambda _checked=False: self.run())
        self.message = message_label(self)
        self.message.setObjectName("purge_message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda _t: self._update_button())
        self.confirm.textChanged.connect(lambda _t: self._update_button())

        form = QFormLayout()
        keep = QHBoxLayout()
        keep.addWidget(self.retention_days)
        keep.addWidget(self.retention_button)
        keep.addStretch(1)
        form.addRow(self.retention_label, keep)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.confirm_label, self.confirm)
        where = QHBoxLayout()
        where.addWidget(self.folder_value, 1)
        where.addWidget(self.folder_button)
        form.addRow(self.folder_label, where)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.retention)
        layout.addLayout(form)
        layout.addWidget(self.backups_label)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.purge_button)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(em(self, 40))
        self.resize(em(self, 52), em(self, 34))
        self.load()
        self.retranslate_ui()

    # -- the plan ---------------------------------------------------------------------------
    def load(self) -> None:
        """Read what a purge would do now (as the signed-in secretariat member)."""
        try:
            self._zone, self.plan = self._desk.purge_plan(self._event_id, self._actor)
            self.plan_error = ""
        except OaoiError as exc:
            self.plan, self.plan_error, self._zone = None, exc.render(), "WIB"

    def save_retention(self) -> bool:
        """Set the event's retention period from the spin box (0: none), then show the plan again."""
        days = self.retention_days.value() or None
        try:
            self._desk.set_retention(self._event_id, days, self._actor)
        except OaoiError as exc:
            set_message(self.message, exc.render(), DANGER)
            return False
        self.load()
        self._show_plan()
        set_message(self.message, self.tr("Retention period saved."), SUCCESS)
        return True

    def _when(self, value: object) -> str:
        return local_time(value, self._zone) if value is not None else "\u2013"  # type: ignore[arg-type]

    # -- texts -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Purge proposal data"))
        self.intro.setText(self.tr(
            "Removes the proposals' content and attachments (the personal data of innovators and contacts) of "
            "this finalised event. Results, scores, issued documents and the audit chain stay. A signed record, "
            "the Berita Acara Pemusnahan Data, lists what was destroyed."))
        self.retention_label.setText(self.tr("Re&tention period:"))
        self.retention_days.setSuffix(self.tr(" days"))
        self.retention_days.setSpecialValueText(self.tr("not set"))
        self.retention_button.setText(self.tr("&Save period"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("Required before the retention period ends"))
        self.confirm_label.setText(self.tr("&Type %1:").replace("%1", CONFIRM_WORD))
        self.confirm.setPlaceholderText(CONFIRM_WORD)
        self.folder_label.setText(self.tr("Record saved in:"))
        self.folder_value.setText(str(self.folder))
        self.folder_button.setText(self.tr("&Folder\u2026"))
        self.backups_label.setText(self.tr("Backups older than the purge (they still hold the data):"))
        self.purge_button.setText(self.tr("&Purge"))
        dialogs.translate_buttons(self.buttons)
        self._show_plan()

    def _show_plan(self) -> None:
        lang = i18n.current_language()
        if self.result is not None:
            return
        p = self.plan
        if p is None:
            self.summary.setText("")
            self.retention.setText("")
            set_message(self.message, self.plan_error, DANGER)
            self._update_button()
            return
        self.summary.setText(i18n.render("purge.cli.plan", lang, event=p.event_name, dossiers=p.dossiers,
                                         revisions=p.revisions, attachments=p.attachments,
                                         bytes=formats.decimal(p.bytes, lang, 0),
                                         marked=p.audit_entries))
        if p.retention_days is None:
            state = self.tr("Retention period: not set. Only a reasoned decision of the secretariat can purge.")
        elif p.retention_passed:
            state = self.tr("Retention period: %1 days, ended on %2.").replace("%1", str(p.retention_days)) \
                .replace("%2", self._when(p.due))
        else:
            state = self.tr("Retention period: %1 days, ends on %2. An earlier purge needs a reason.") \
                .replace("%1", str(p.retention_days)).replace("%2", self._when(p.due) if p.due else "\u2013")
        self.retention.setText(state)
        self.retention_days.setValue(p.retention_days or 0)
        can_set = p.purged is None
        self.retention_days.setEnabled(can_set)
        self.retention_button.setEnabled(can_set)
        self._show_backups(p.backups)
        if p.purged is not None:
            set_message(self.message, self.tr("This event was purged on %1 (Berita Acara Pemusnahan Data No. %2).")
                        .replace("%1", purge.purged_when_text(p.purged, self._zone))
                        .replace("%2", str(p.purged.get("number", "-"))), WARNING)
        elif not p.finalised:
            set_message(self.message, self.tr("The event is not finalised: its data can be purged only after "
                                              "the results are finalised."), DANGER)
        self._update_button()

    def _show_backups(self, backups: tuple[purge.BackupFile, ...]) -> None:
        if not backups:
            self.backups.setPlainText(self.tr("No backup older than the purge was found."))
            return
        self.backups.setPlainText("\n".join(f"{b.path}  ({self._when(b.modified)}, SHA-256 {b.sha256 or '-'})"
                                            for b in backups))

    def ready(self) -> bool:
        p = self.plan
        return (self.result is None and p is not None and p.allowed
                and self.confirm.text().strip() == CONFIRM_WORD
                and (not p.needs_reason or bool(self.reason.text().strip())))

    def _update_button(self) -> None:
        self.purge_button.setEnabled(self.ready())
        self.reason_label.setEnabled(self.plan is not None and self.plan.needs_reason)

    # -- acting -------------------------------------------------------------------------------
    def choose_folder(self) -> object:
        return dialogs.choose_folder(self, self.tr("Folder for the Berita Acara Pemusnahan Data"),
                                     on_chosen=self.set_folder, directory=self.folder)

    def set_folder(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder_value.setText(str(self.folder))

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def run(self) -> Job | None:
        """Purge now (the button), in the background: one transaction, then VACUUM, seconds on a large
        database.  The job, or None when the dialog is not ready (the reason is shown).  The result
        arrives as ``purged``; a refusal or failure is shown in the dialog."""
        if not self.ready() or self.is_running():
            return None
        db, event_id, actor = self._db, self._event_id, self._actor
        reason, folder, lang = self.reason.text(), self.folder, i18n.current_language()

        def work(_progress, _cancel):  # type: ignore[no-untyped-def]
            return purge.purge_event(db, event_id, actor=actor, reason=reason, folder=folder, lang=lang)

        self.job = Job(work, name="oaoi-purge", parent=self)
        self.job.finished.connect(self._on_purged)
        self.job.failed.connect(self._on_failed)
        self._set_busy(True)
        set_message(self.message, self.tr("Purging\u2026 This can take a minute on a large database; "
                                          "the window stays open until it is done."))
        self.job.start()
        return self.job

    def _set_busy(self, busy: bool) -> None:
        """While the purge runs: nothing to edit, no way to close (the purge cannot be half done)."""
        for widget in (self.reason, self.confirm, self.folder_button, self.retention_days, self.retention_button):
            widget.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        if busy:
            self.purge_button.setEnabled(False)
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _on_failed(self, text: str) -> None:
        self._set_busy(False)
        self.load()  # nothing was purged; what a purge would do now
        self._show_plan()
        set_message(self.message, text, DANGER)
        self._update_button()

    def _on_purged(self, result: purge.PurgeResult) -> None:
        self._set_busy(False)
        self.result = result
        self.reason.setEnabled(False)
        self.confirm.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.retention_days.setEnabled(False)  # the data is gone: a period no longer means anything
        self.retention_button.setEnabled(False)
        self._update_button()
        self._show_backups(result.backups)
        c = result.counts
        self.summary.setText(i18n.render(
            "purge.cli.done", i18n.current_language(), event=result.event_name, by=result.by,
            when=self._when(result.at), dossiers=c.get("dossiers", 0), revisions=c.get("revisions", 0),
            attachments=c.get("attachments", 0),
            bytes=formats.decimal(c.get("bytes", 0), i18n.current_language(), 0), marked=c.get("audit_marked", 0)))
        set_message(self.message, self.tr(
            "Purged: %1 proposals, %2 content revisions, %3 attachments; %4 audit entries marked. The Berita "
            "Acara Pemusnahan Data No. %5 is saved as %6; have it signed. Destroy the backups listed above too.")
            .replace("%1", str(c.get("dossiers", 0))).replace("%2", str(c.get("revisions", 0)))
            .replace("%3", str(c.get("attachments", 0))).replace("%4", str(c.get("audit_marked", 0)))
            .replace("%5", result.number).replace("%6", str(result.pdf)), SUCCESS)
        self.purged.emit(result.number)

    def reject(self) -> None:
        if self.is_running():
            return  # Close is disabled while purging; Esc must not hide a purge half way
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if self.is_running():
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["CONFIRM_WORD", "PurgeDialog"]
