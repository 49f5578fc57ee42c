"""The secretariat's page after signing in to an event: blank paper score forms.

The paper fallback: when a judge cannot score on a laptop, the secretariat
prints per judge one page per assigned dossier (criteria, level descriptors,
boxes, a QR code naming judge and dossier); the scores written on them come
back with ``oaoi scores import``.  The forms are written off the GUI thread,
judge by judge (with progress and cancel), into a folder chosen through the
dialog seam.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.jobs import Job, Progress
from oaoi_desktop.ui.judge.common import DANGER, SUCCESS, lang, message_label, set_message
from oaoi_desktop.ui.judge.session import JudgeSession
from oaoi_desktop.ui.widgets import ElidedLabel, em, make_body, make_title


class PaperFormsPanel(QWidget):
    """Prints the blank paper score forms of the event (secretariat only).

    Signals:
        forms_written(list): the PDF files written (list of Path).
        signed_out(): the secretariat chose to sign out.
    """

    forms_written = Signal(list)
    signed_out = Signal()

    def __init__(self, session: JudgeSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._cancel = threading.Event()
        self._job: Job | None = None
        self._folder: Path | None = None
        self.setObjectName("paper_forms_panel")
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        side = em(self, 2)
        outer.setContentsMargins(side, side, side, side)
        self.title = make_title(QLabel(self))
        self.who = ElidedLabel(parent=self, mode=Qt.TextElideMode.ElideRight)  # names: cut at the end
        self.who.setObjectName("paper_forms_who")
        self.text = make_body(QLabel(self), muted=True)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(box)
        self.judge_label = QLabel(box)
        self.judge_combo = QComboBox(box)
        self.judge_combo.setObjectName("paper_forms_judge")
        self.judge_label.setBuddy(self.judge_combo)
        form.addRow(self.judge_label, self.judge_combo)
        buttons = QHBoxLayout()
        self.write_button = QPushButton(self)
        self.write_button.setObjectName("write_forms_button")
        self.write_button.clicked.connect(self.choose_folder)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_forms_button")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button = QPushButton(self)
        self.open_folder_button.setObjectName("open_folder_button")
        self.open_folder_button.setVisible(False)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.sign_out_button = QPushButton(self)
        self.sign_out_button.setObjectName("sign_out_button")
        self.sign_out_button.clicked.connect(self.signed_out)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.message = message_label(self)
        self.message.setObjectName("paper_forms_message")
        outer.addWidget(self.title)
        outer.addWidget(self.who)
        outer.addWidget(self.text)
        outer.addWidget(box)
        outer.addLayout(buttons)
        outer.addWidget(self.progress)
        outer.addWidget(self.message)
        outer.addStretch(1)
        try:
            judges = self.session.judges()
        except OaoiError:
            judges = []
        self.judge_combo.addItem("", "")
        for judge_id, name in judges:
            self.judge_combo.addItem(name, str(judge_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Paper score forms"))
        self.who.setText(self.tr("Secretariat: %1 \u00b7 %2").replace("%1", self.session.name)
                         .replace("%2", self.session.event_name))
        self.text.setText(self.tr(
            "If a judge cannot score on a laptop, print their blank score forms: one page per proposal "
            "assigned to them, with the criteria, the level descriptors, boxes for scores and comments, "
            "and a QR code naming judge and proposal. Type the scores written on them into a spreadsheet "
            "and import it with \u201coaoi scores import\u201d."))
        self.judge_label.setText(self.tr("&Forms for:"))
        self.judge_combo.setItemText(0, self.tr("Every judge (one PDF each)"))
        self.judge_combo.setAccessibleName(self.tr("Forms for"))
        self.write_button.setText(self.tr("&Print blank forms to a folder\u2026"))
        self.write_button.setAccessibleName(self.tr("Print blank forms to a folder"))
        self.cancel_button.setText(self.tr("&Stop"))
        self.cancel_button.setAccessibleName(self.tr("Stop writing the forms"))
        self.open_folder_button.setText(self.tr("&Open the folder"))
        self.open_folder_button.setAccessibleName(self.tr("Open the folder"))
        self.sign_out_button.setText(self.tr("Sign &out"))
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        self.progress.setAccessibleName(self.tr("Progress"))

    def start(self) -> None:
        """Nothing to wait for (the workspace's counterpart asks for the declaration)."""

    # -- writing ------------------------------------------------------------------------------
    def choose_folder(self) -> object:
        return dialogs.choose_folder(self, self.tr("Folder for the paper forms"), on_chosen=self.write_forms)

    def write_forms(self, folder: Path) -> None:
        """Write the forms into ``folder`` off the GUI thread."""
        if self._job is not None:
            return
        chosen = self.judge_combo.currentData()
        if chosen:
            judges = [uuid.UUID(chosen)]
        else:
            judges = [uuid.UUID(self.judge_combo.itemData(i)) for i in range(1, self.judge_combo.count())]
        self._folder = Path(folder)
        self._cancel.clear()
        self.progress.setRange(0, max(1, len(judges)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.write_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.open_folder_button.setVisible(False)
        set_message(self.message, self.tr("Writing the forms\u2026"))
        session, language = self.session, lang()

        def work(progress: Progress, cancel: threading.Event) -> tuple[list[Path], str | None]:
            written: list[Path] = []
            error: str | None = None
            for i, judge_id in enumerate(judges):
                if cancel.is_set():
                    break
                try:
                    written += session.write_blank_forms(Path(folder), judge_id=judge_id, lang=language)
                except OaoiError as exc:
                    if exc.message_id != "forms.nothing_to_print":
                        error = exc.render(language)
                        break
                except OSError as exc:
                    error = str(exc.strerror or exc)
                    break
                progress(i + 1, len(judges))
            return written, error

        job = Job(work, name="oaoi-paper-forms", parent=self)
        job.progressed.connect(lambda done_total: self._progressed(*done_total))
        job.finished.connect(lambda outcome: self._finished(*outcome))
        job.failed.connect(lambda message: self._finished([], message))
        self._job = job
        job.start()

    def cancel(self) -> None:
        self._cancel.set()
        if self._job is not None:
            self._job.cancel()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running export to end (tests, closing)."""
        job = self._job
        if job is not None:
            job.wait(None if timeout is None else int(timeout * 1000))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finished(self, written: object, error: object) -> None:
        self._job = None
        files = list(written)  # type: ignore[call-overload]
        self.progress.setVisible(False)
        self.write_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        if error:
            set_message(self.message, self.tr("The forms could not be written: %1").replace("%1", str(error)), DANGER)
        elif not files:
            set_message(self.message, self.tr("No judge has a proposal to score: nothing to print."), DANGER)
        else:
            text = self.tr("%n form file(s) written to %1.", "", len(files)).replace("%1", str(self._folder))
            if self._cancel.is_set():
                text += " " + self.tr("Stopped before the end.")
            set_message(self.message, text, SUCCESS)
            self.open_folder_button.setVisible(True)
        self.forms_written.emit(files)

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))


__all__ = ["PaperFormsPanel"]
