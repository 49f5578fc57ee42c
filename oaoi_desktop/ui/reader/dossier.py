"""The reader itself: :class:`DossierReader` (metadata, sections, attachments) and the texts of its codes."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from typing import Any
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services.dossiers import AttachmentView, DossierView
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.jobs import Job, Progress, render_error
from oaoi_desktop.ui.reader.common import exported_attachments_dir, open_with_system, warning_colour
from oaoi_desktop.ui.reader.desk import ReaderDesk
from oaoi_desktop.ui.reader.sections import AttachmentButton, SectionPanel
from oaoi_desktop.ui.reader.viewer import AttachmentViewer
from oaoi_desktop.ui.settings import Settings
from oaoi_desktop.ui.widgets import em, make_body, make_heading, scaled_font


def _export_error_text(exc: BaseException) -> str:
    """Why an attachment could not be copied for the system's viewer (an OSError: its reason)."""
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    return render_error(exc)


class DossierReader(QWidget):
    """Reads one dossier: metadata, sections with word counts, attachments.

    ``show_view(view, blind_mode=...)`` shows a
    :class:`~oaoi_desktop.services.dossiers.DossierView` (read it with
    :func:`~oaoi_desktop.services.dossiers.dossier_view`, or the judging
    service's redacted one); ``clear()`` empties the reader.
    :meth:`open_attachment` opens an attachment as its button does.

    Parts tests and embedding code may look at: :attr:`viewer` (the
    :class:`AttachmentViewer`: ``pdf_document``, ``pdf_view``,
    ``image_label``), :attr:`field_labels` (metadata value labels by field
    name), :attr:`section_panels` (one :class:`SectionPanel` per section).

    Signals:
        attachment_opened(str): the attachment id, after it was shown or
            handed to the system's default application.
    """

    attachment_opened = Signal(str)

    FIELDS = (
        "number", "instansi", "unit_kerja", "klaster", "kelompok", "kategori", "innovators", "contact",
        "started_on", "age", "sdgs", "is_digital", "video_url", "previous_finalist", "revision",
    )

    def __init__(self, db: Database, parent: QWidget | None = None, *, settings: Settings | None = None,
                 actor: Callable[[], Any]) -> None:
        """``actor()``: the signed-in person now (the secretariat, or the judge whose workspace this is);
        the services check that they may read each attachment's dossier."""
        super().__init__(parent)
        self._desk = ReaderDesk(db)
        self._settings = settings
        self._actor = actor
        self._view: DossierView | None = None
        self._blind = False
        self._blind_consent = False
        self._pending_question: QMessageBox | None = None
        self._export_token = 0
        self.section_panels: list[SectionPanel] = []
        self.other_attachment_buttons: dict[str, AttachmentButton] = {}
        self.setObjectName("dossier_reader")
        self._build_ui()
        self.retranslate_ui()
        self.clear()

    # -- construction --------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reader_splitter")
        self.splitter.setChildrenCollapsible(False)

        self.text_scroll = QScrollArea(self.splitter)
        self.text_scroll.setObjectName("reader_text")
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Wrapped text fits any width; only an unbreakable word (an e-mail
        # address) may need more in a very narrow pane: scroll rather than clip.
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.text_scroll.setMinimumWidth(em(self, 18))
        content = QWidget()
        content.setObjectName("reader_content")
        self._content_layout = QVBoxLayout(content)
        side = em(self, 1.0)
        self._content_layout.setContentsMargins(side, side, side, side)
        self._content_layout.setSpacing(em(self, 0.4))

        self.title_label = make_heading(QLabel(content))
        self.title_label.setObjectName("reader_title")
        self.title_label.setFont(scaled_font(self.font(), 1.45, QFont.Weight.DemiBold))
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._content_layout.addWidget(self.title_label)

        self.notice_label = make_body(QLabel(content))
        self.notice_label.setObjectName("reader_notice")
        self._content_layout.addWidget(self.notice_label)

        self.metadata = QFrame(content)
        self.metadata.setObjectName("reader_metadata")
        self.metadata.setFrameShape(QFrame.Shape.StyledPanel)
        self.metadata.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.metadata.setAutoFillBackground(True)
        form = QFormLayout(self.metadata)
        form.setContentsMargins(em(self, 0.8), em(self, 0.6), em(self, 0.8), em(self, 0.6))
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._form = form
        self.field_names: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}
        for name in self.FIELDS:
            caption = QLabel(self.metadata)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value = QLabel(self.metadata)
            value.setObjectName(f"field_{name}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.field_names[name] = caption
            self.field_labels[name] = value
        self._content_layout.addWidget(self.metadata)

        self._sections_box = QVBoxLayout()
        self._sections_box.setSpacing(0)
        self._content_layout.addLayout(self._sections_box)

        self.other_heading = make_heading(QLabel(content))
        self.other_heading.setObjectName("other_attachments_heading")
        self._content_layout.addWidget(self.other_heading)
        self._other_box = QVBoxLayout()
        self._other_box.setSpacing(0)
        self._content_layout.addLayout(self._other_box)
        self._content_layout.addStretch(1)
        self.text_scroll.setWidget(content)

        self.viewer = AttachmentViewer(self.splitter)
        self.external_button = self.viewer.external_button
        self.external_button.clicked.connect(self._open_again)
        self.splitter.addWidget(self.text_scroll)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter)
        self._restore_splitter()
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._save_splitter())

    def _restore_splitter(self) -> None:
        state = self._settings.value(registry.READER_SPLITTER) if self._settings is not None else QByteArray()
        self._splitter_restored = not state.isEmpty() and self.splitter.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._splitter_restored:
            self._splitter_restored = True
            width = max(self.splitter.width(), em(self, 40))
            self.splitter.setSizes([round(width * 0.5), round(width * 0.5)])

    def _save_splitter(self) -> None:
        if self._settings is not None:
            self._settings.set_value(registry.READER_SPLITTER, self.splitter.saveState())

    # -- public ------------------------------------------------------------------
    @property
    def view(self) -> DossierView | None:
        """The dossier shown (None when empty)."""
        return self._view

    @property
    def blind_mode(self) -> bool:
        return self._blind

    def show_view(self, view: DossierView, *, blind_mode: bool = False) -> None:
        """Show ``view``; in ``blind_mode`` identity fields read "disamarkan"
        and attachments open only after the user agreed to see unredacted files."""
        same_dossier = self._view is not None and self._view.dossier_id == view.dossier_id
        self._view = view
        self._blind = blind_mode
        if not (same_dossier and self._blind_consent):
            self._blind_consent = False
        self._dismiss_question()
        self._export_token += 1
        self.viewer.set_blind(blind_mode)
        self._build_content()
        ids = {str(a.id) for a in self._all_attachments()}
        shown = self.viewer.attachment
        if shown is None or str(shown.id) not in ids:
            self.viewer.show_placeholder(has_attachments=bool(ids))
        self.text_scroll.verticalScrollBar().setValue(0)
        self.setEnabled(True)

    def clear(self) -> None:
        """Show nothing (and let go of any open file)."""
        self._view = None
        self._blind = False
        self._blind_consent = False
        self._dismiss_question()
        self._export_token += 1
        self._build_content()
        self.viewer.show_placeholder(has_attachments=None)  # no proposal: never "this proposal has none"

    def attachment(self, attachment_id: uuid.UUID | str) -> AttachmentView | None:
        for a in self._all_attachments():
            if str(a.id) == str(attachment_id):
                return a
        return None

    def open_attachment(self, attachment_id: uuid.UUID | str) -> QMessageBox | None:
        """Open an attachment of the dossier shown, as clicking its button does.

        In blind mode, the first time for a dossier, asks first (through the
        dialog seam) and returns that question; else returns None.
        """
        attachment = self.attachment(attachment_id)
        if attachment is None or self._view is None:
            return None
        if self._blind and not self._blind_consent:
            return self._ask_to_open_unredacted(attachment)
        self._open(attachment)
        return None

    # -- opening ---------------------------------------------------------------------
    def _ask_to_open_unredacted(self, attachment: AttachmentView) -> QMessageBox:
        self._dismiss_question()
        dossier_id = self._view.dossier_id if self._view else None

        def answered(yes: bool) -> None:
            self._pending_question = None
            if not yes or self._view is None or self._view.dossier_id != dossier_id:
                return
            self._blind_consent = True
            self._open(attachment)

        box = dialogs.question(
            self,
            self.tr("Attachments are not redacted"),
            self.tr(
                "This evaluation is blind: the proposal's identity is hidden in the texts, but attachments "
                "cannot be redacted. \u201c%1\u201d may show the agency, the unit or the innovators.\n\n"
                "Open the attachment anyway?"
            ).replace("%1", attachment.title),
            on_answered=answered,
        )
        self._pending_question = box
        return box

    def _dismiss_question(self) -> None:
        box, self._pending_question = self._pending_question, None
        if box is not None:
            try:
                if box.isVisible():
                    box.done(int(QMessageBox.StandardButton.No.value))
            except RuntimeError:  # already deleted
                pass

    def _open(self, attachment: AttachmentView) -> None:
        try:
            path = self._desk.attachment_path(attachment.id, actor=self._actor())
        except OaoiError as exc:
            self.viewer.show_error(attachment, exc.render())
            return
        if attachment.is_pdf:
            ok = self.viewer.show_pdf(attachment, path)
        elif attachment.is_image:
            ok = self.viewer.show_image(attachment, path)
        else:
            self._export_and_open(attachment)
            return
        if ok:
            self.attachment_opened.emit(str(attachment.id))

    def _export_and_open(self, attachment: AttachmentView) -> None:
        """Copy the file under its own name off the GUI thread, then hand it to the system."""
        self._export_token += 1
        token = (self._export_token, attachment)
        desk, folder = self._desk, exported_attachments_dir()
        try:
            actor = self._actor()
        except OaoiError as exc:
            self.viewer.show_error(attachment, exc.render())
            return
        self.viewer.show_external(attachment, opened=True)
        self.viewer.external_label.setText(self.tr("Preparing \u201c%1\u201d\u2026").replace("%1", attachment.title))

        def work(_progress: Progress, _cancel: threading.Event) -> Path:
            return desk.export_attachment(attachment.id, folder, actor=actor)

        job = Job(work, name="oaoi-export-attachment", render=_export_error_text, parent=self)
        job.finished.connect(lambda path: self._on_exported(token, path))
        job.failed.connect(lambda message: self._on_exported(token, message))
        job.start()

    def _on_exported(self, token: object, result: object) -> None:
        number, attachment = token  # type: ignore[misc]
        if number != self._export_token:
            return  # another dossier or attachment was chosen meanwhile
        if isinstance(result, str):
            self.viewer.show_error(attachment, result)
            return
        opened = open_with_system(result)  # type: ignore[arg-type]
        self.viewer.show_external(attachment, opened=opened)
        if opened:
            self.attachment_opened.emit(str(attachment.id))

    def _open_again(self) -> None:
        shown = self.viewer.attachment
        if shown is not None:
            self.open_attachment(shown.id)

    # -- content ---------------------------------------------------------------------------
    def _all_attachments(self) -> Sequence[AttachmentView]:
        if self._view is None:
            return ()
        seen: dict[uuid.UUID, AttachmentView] = {a.id: a for a in self._view.attachments}
        for s in self._view.sections:
            for a in s.attachments:
                seen.setdefault(a.id, a)
        return tuple(seen.values())

    def _build_content(self) -> None:
        for panel in self.section_panels:
            panel.setParent(None)
            panel.deleteLater()
        self.section_panels = []
        for button in self.other_attachment_buttons.values():
            button.setParent(None)
            button.deleteLater()
        self.other_attachment_buttons = {}
        view = self._view
        content = self.text_scroll.widget()
        self.metadata.setVisible(view is not None)
        if view is None:
            self.title_label.setText("")
            self.notice_label.hide()
            self.other_heading.hide()
            return
        for section in view.sections:
            panel = SectionPanel(section, content, blind=self._blind)
            panel.attachment_clicked.connect(self.open_attachment)
            self._sections_box.addWidget(panel)
            self.section_panels.append(panel)
        in_sections = {a.id for s in view.sections for a in s.attachments}
        others = [a for a in view.attachments if a.id not in in_sections]
        for attachment in others:
            button = AttachmentButton(attachment, content, blind=self._blind)
            button.clicked.connect(lambda _c=False, a=str(attachment.id): self.open_attachment(a))
            self._other_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.other_attachment_buttons[str(attachment.id)] = button
        self.other_heading.setVisible(bool(others))
        self._fill_fields()

    def _fill_fields(self) -> None:
        view = self._view
        if view is None:
            return
        locale = QLocale()
        hidden = self.tr("hidden")
        dash = "\u2014"

        def text(value: str | None) -> str:
            if value is None:
                return hidden
            return value or dash

        def yes_no(value: bool | None) -> str:
            if value is None:
                return dash
            return self.tr("Yes") if value else self.tr("No")

        self.title_label.setText(view.title)
        innovators: tuple[str, ...] | None = view.innovators  # None in blind mode (judge views)
        if innovators is None:
            innovators_text = hidden
        else:
            innovators_text = ", ".join(dict.fromkeys(innovators)) or dash
        contact = view.contact
        if contact is None:
            contact_text = hidden
        else:
            who = ", ".join(dict.fromkeys(p for p in (contact.name, contact.position) if p))
            reach = " \u00b7 ".join(dict.fromkeys(p for p in (contact.email, contact.phone) if p))
            contact_text = "\n".join(p for p in (who, reach) if p) or dash
        if view.started_on is not None:
            started = locale.toString(view.started_on, "d MMMM yyyy")
        else:
            started = dash
        if view.age_months is not None:
            age = self.tr("%n month(s)", "", view.age_months)
        else:
            age = dash
        values = {
            "number": view.number,
            "instansi": text(view.instansi),
            "unit_kerja": text(view.unit_kerja),
            "klaster": klaster_text(view.klaster) or dash,
            "kelompok": kelompok_text(view.kelompok) or dash,
            "kategori": view.kategori or dash,
            "innovators": innovators_text,
            "contact": contact_text,
            "started_on": started,
            "age": age,
            "sdgs": ", ".join(locale.toString(n) for n in view.sdgs) or dash,
            "is_digital": yes_no(view.is_digital),
            # a link may name the agency (a channel, a domain): hidden in blind mode, like the agency
            "video_url": (hidden if view.video_url else dash) if self._blind else (view.video_url or dash),
            "previous_finalist": yes_no(view.previous_finalist),
            "revision": self._revision_text(view),
        }
        for name, value in values.items():
            self.field_labels[name].setText(value)
        self.field_labels["video_url"].setToolTip("")
        if view.video_url and not self._blind:
            self.field_labels["video_url"].setToolTip(
                self.tr("A link on the internet: it opens only where there is a connection.")
            )
        notices = []
        if getattr(view, "purged_notice", ""):  # issue 17: the content was purged (services/purge.py)
            notices.append(view.purged_notice)
        if self._blind:
            notices.append(self.tr(
                "Blind evaluation: the proposal's identity is hidden. Attachments cannot be redacted."
            ))
        if not view.is_current:
            notices.append(self.tr("This is revision %1; the current revision is %2.")
                           .replace("%1", locale.toString(view.revision))
                           .replace("%2", locale.toString(view.current_revision)))
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))
        if notices:
            palette = self.notice_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, warning_colour(self))
            self.notice_label.setPalette(palette)

    def _revision_text(self, view: DossierView) -> str:
        locale = QLocale()
        info = next((r for r in view.revisions if r.revision == view.revision), None)
        text = self.tr("%1 of %2").replace("%1", locale.toString(view.revision)).replace(
            "%2", locale.toString(view.current_revision)
        )
        if info is not None:
            when = locale.toString(info.imported_at.date(), "d MMM yyyy")
            text += " \u00b7 " + self.tr("imported %1").replace("%1", when)
            if info.source and not self._blind:
                text += " \u00b7 " + info.source
        return text

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        captions = {
            "number": self.tr("Proposal number"),
            "instansi": self.tr("Agency (instansi)"),
            "unit_kerja": self.tr("Unit (unit kerja)"),
            "klaster": self.tr("Cluster (klaster)"),
            "kelompok": self.tr("Group (kelompok)"),
            "kategori": self.tr("Category"),
            "innovators": self.tr("Innovators"),
            "contact": self.tr("Contact"),
            "started_on": self.tr("Started on"),
            "age": self.tr("Age of the innovation"),
            "sdgs": self.tr("SDGs"),
            "is_digital": self.tr("Digital innovation"),
            "video_url": self.tr("Video"),
            "previous_finalist": self.tr("Finalist before"),
            "revision": self.tr("Revision"),
        }
        for name, caption in captions.items():
            self.field_names[name].setText(caption)
        self.other_heading.setText(self.tr("Other attachments"))
        for button in self.other_attachment_buttons.values():
            button.retranslate()
        self._fill_fields()


def klaster_text(code: str) -> str:
    texts = {
        "kementerian": QCoreApplication.translate("AttachmentTexts", "Ministry (kementerian)"),
        "lembaga": QCoreApplication.translate("AttachmentTexts", "Agency (lembaga)"),
        "provinsi": QCoreApplication.translate("AttachmentTexts", "Province (provinsi)"),
        "kabupaten": QCoreApplication.translate("AttachmentTexts", "Regency (kabupaten)"),
        "kota": QCoreApplication.translate("AttachmentTexts", "City (kota)"),
        "bumn": "BUMN",
        "bumd": "BUMD",
        "opd": QCoreApplication.translate("AttachmentTexts", "Regional office (OPD)"),
    }
    return texts.get(code, code)


def kelompok_text(code: str) -> str:
    texts = {
        "umum": QCoreApplication.translate("AttachmentTexts", "General (umum)"),
        "replikasi": QCoreApplication.translate("AttachmentTexts", "Replication (replikasi)"),
        "khusus": QCoreApplication.translate("AttachmentTexts", "Special (khusus)"),
    }
    return texts.get(code, code)


__all__ = ["DossierReader", "kelompok_text", "klaster_text"]
