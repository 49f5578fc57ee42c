"""The dossier reader: metadata, word counts, PDFs rendered inside, images, video, blind mode."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox

from oaoi_desktop.services.imports import import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import language
from oaoi_desktop.ui.dialogs import MessageKind
from oaoi_desktop.ui.reader import AttachmentViewer, DossierReader, exported_attachments_dir
from support.builders import ACTOR, make_event
from support.packages import pdf_bytes, valid_document, write_folder
from support.ui_dossiers import MP4_BYTES, TODAY, has_ink, import_samples, view_of

SIPANDU = "KIPP-2026-001"  # 2 innovators, a photo, three PDFs
SIPEDULI = "KIPP-2026-012"  # its summary is over the word limit


@pytest.fixture
def samples(db: Database) -> str:
    event_id, _report = import_samples(db, "sipandu-medan", "sipeduli-tebing-tinggi")
    return event_id


def document_with(number: str, *attachments: dict[str, str]) -> dict[str, object]:
    """A valid dossier.json whose only attachments are ``attachments`` (linked from no section)."""
    doc = valid_document(number)
    doc["sections"] = [{k: v for k, v in s.items() if k != "attachments"} for s in doc["sections"]]
    doc["attachments"] = list(attachments)
    return doc


@pytest.fixture
def reader(qtbot, db: Database) -> DossierReader:  # type: ignore[no-untyped-def]
    widget = DossierReader(db, actor=lambda: ACTOR)  # the secretariat reads any dossier
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class UrlRecorder(QObject):
    """Stands in for the system's default application (QDesktopServices' own hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def system_app() -> UrlRecorder:
    recorder = UrlRecorder()
    QDesktopServices.setUrlHandler("file", recorder, "handle")
    yield recorder
    QDesktopServices.unsetUrlHandler("file")


def test_metadata_sections_and_word_counts(reader: DossierReader, db: Database, samples: str) -> None:
    view = view_of(db, samples, SIPANDU)
    reader.show_view(view)

    fields = {name: label.text() for name, label in reader.field_labels.items()}
    assert reader.title_label.text() == view.title
    assert fields["number"] == SIPANDU
    assert fields["instansi"] == "Pemerintah Kota Medan"
    assert fields["innovators"] == "Rahmat Hidayat Siregar, S.Kom., Dewi Anggraini Lubis, S.E."
    assert fields["started_on"] == "14 Maret 2022"
    assert fields["age"] == "50 bulan"  # 14 March 2022 to 1 June 2026
    assert fields["klaster"] == "Kota"
    assert reader.field_names["age"].text() == "Usia inovasi"

    keys = [panel.section.key for panel in reader.section_panels]
    assert keys[:3] == ["ringkasan", "latar_belakang", "kebaruan"] and len(keys) == 8
    summary = reader.section_panels[0]
    assert summary.title_label.text() == "Ringkasan"
    assert summary.words_label.text() == f"{view.sections[0].words} / 200 kata"
    assert summary.words_label.property("overLimit") is False
    assert summary.text_label.text() == view.sections[0].text
    # the implementation section lists its SK and the photo
    implementation = next(p for p in reader.section_panels if p.section.key == "implementasi")
    titles = [b.attachment.title for b in implementation.attachment_buttons.values()]
    assert titles == [a.title for a in view.sections[3].attachments] and len(titles) == 2
    assert reader.viewer.kind_shown() == AttachmentViewer.PLACEHOLDER
    assert reader.viewer.placeholder.text().startswith("Pilih lampiran")


def test_over_limit_is_highlighted(reader: DossierReader, db: Database, samples: str) -> None:
    view = view_of(db, samples, SIPEDULI)
    reader.show_view(view)
    summary = reader.section_panels[0]
    assert summary.section.over_limit and summary.section.words > 200
    assert summary.words_label.property("overLimit") is True
    assert summary.words_label.text() == f"{summary.section.words} / 200 kata \u2014 melebihi batas"
    normal = reader.section_panels[1]
    assert normal.words_label.property("overLimit") is False
    assert summary.words_label.palette().color(summary.words_label.foregroundRole()) != \
        normal.words_label.palette().color(normal.words_label.foregroundRole())


def test_a_pdf_is_rendered_inside_with_page_navigation(qtbot, reader: DossierReader, db: Database,  # type: ignore[no-untyped-def]
                                                       samples: str) -> None:
    view = view_of(db, samples, SIPANDU)
    reader.show_view(view)
    report = next(p for p in reader.section_panels if p.section.key == "latar_belakang")
    [button] = report.attachment_buttons.values()
    assert button.attachment.is_pdf

    with qtbot.waitSignal(reader.attachment_opened) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.args == [str(button.attachment.id)]

    viewer = reader.viewer
    assert viewer.kind_shown() == AttachmentViewer.PDF
    assert viewer.pdf_document.status() == QPdfDocument.Status.Ready
    assert viewer.pdf_document.pageCount() > 0
    assert viewer.current_page() == 0 and viewer.page_spin.value() == 1
    assert viewer.page_count_label.text() == f"dari {viewer.pdf_document.pageCount()}"
    assert viewer.title_label.full_text() == button.attachment.title
    # page 1 is drawn (QPdfView renders lazily, off the GUI thread)
    qtbot.waitUntil(lambda: has_ink(viewer.pdf_view.viewport().grab().toImage()), timeout=5000)

    # zoom: from "fit width" to a fixed factor and back
    assert viewer.zoom_combo.currentText() == "Sesuai lebar"
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert viewer.zoom_mode() == "custom" and viewer.pdf_view.zoomFactor() == pytest.approx(viewer.zoom_factor())
    viewer.set_fit("fit_page")
    assert viewer.pdf_view.zoomMode().name == "FitInView"


def test_pages_of_a_long_pdf(qtbot, reader: DossierReader, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    doc = document_with("P-9", {"path": "laporan.pdf", "kind": "laporan_evaluasi", "title": "Laporan"})
    write_folder(tmp_path / "p9", doc, {"laporan.pdf": pdf_bytes("Halaman", pages=40)})
    assert not import_paths(db, event_id, [tmp_path / "p9"], actor=ACTOR, today=TODAY).has_rejections
    view = view_of(db, event_id, "P-9")
    reader.show_view(view)
    [button] = reader.other_attachment_buttons.values()  # not linked from a section
    button.click()
    viewer = reader.viewer
    assert viewer.pdf_document.pageCount() == 40
    assert not viewer.previous_button.isEnabled() and viewer.next_button.isEnabled()
    viewer.next_button.click()
    qtbot.waitUntil(lambda: viewer.current_page() == 1)
    assert viewer.page_spin.value() == 2 and viewer.previous_button.isEnabled()
    viewer.page_spin.setValue(40)
    qtbot.waitUntil(lambda: viewer.current_page() == 39)
    assert not viewer.next_button.isEnabled()


def test_an_image_is_shown_inline(qtbot, reader: DossierReader, db: Database, samples: str) -> None:  # type: ignore[no-untyped-def]
    view = view_of(db, samples, SIPANDU)
    reader.show_view(view)
    photo = next(a for a in view.attachments if a.is_image)
    with qtbot.waitSignal(reader.attachment_opened):
        assert reader.open_attachment(photo.id) is None
    assert reader.viewer.kind_shown() == AttachmentViewer.IMAGE
    pixmap = reader.viewer.image_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 0
    # showing the next dossier keeps nothing of this one open
    reader.show_view(view_of(db, samples, SIPEDULI))
    assert reader.viewer.kind_shown() == AttachmentViewer.PLACEHOLDER


def test_a_video_goes_to_the_system_application(qtbot, reader: DossierReader, db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                system_app: UrlRecorder) -> None:
    event_id = make_event(db)
    doc = document_with("P-7", {"path": "video/demo.mp4", "kind": "video", "title": "Video layanan"})
    write_folder(tmp_path / "p7", doc, {"video/demo.mp4": MP4_BYTES})
    assert not import_paths(db, event_id, [tmp_path / "p7"], actor=ACTOR, today=TODAY).has_rejections
    reader.show_view(view_of(db, event_id, "P-7"))
    [button] = reader.other_attachment_buttons.values()

    with qtbot.waitSignal(reader.attachment_opened, timeout=5000):
        button.click()
    [url] = system_app.urls
    opened = Path(url.toLocalFile())
    assert opened.name.endswith("-demo.mp4") and opened.parent == exported_attachments_dir()
    assert opened.read_bytes() == MP4_BYTES
    assert reader.viewer.kind_shown() == AttachmentViewer.EXTERNAL
    assert "aplikasi bawaan" in reader.viewer.external_label.text()


def test_blind_mode_asks_before_opening_an_attachment(qtbot, reader: DossierReader, db: Database, samples: str,  # type: ignore[no-untyped-def]
                                                      recording_dialogs) -> None:
    view = view_of(db, samples, SIPANDU)
    redacted = dataclasses.replace(view, instansi=None, unit_kerja=None, innovators=None)
    reader.show_view(redacted, blind_mode=True)
    assert reader.field_labels["instansi"].text() == "disamarkan"
    assert reader.field_labels["unit_kerja"].text() == "disamarkan"
    assert reader.field_labels["innovators"].text() == "disamarkan"
    # what the package's file names and links may give away is not shown either
    assert "samples/" not in reader.field_labels["revision"].text()
    assert reader.field_labels["video_url"].text() == "disamarkan"
    buttons = [b for p in reader.section_panels for b in p.attachment_buttons.values()]
    assert buttons and all(b.attachment.path not in b.toolTip() for b in buttons)
    assert reader.notice_label.isVisibleTo(reader)

    pdfs = [a for a in view.attachments if a.is_pdf]
    opened: list[str] = []
    reader.attachment_opened.connect(opened.append)

    # "Tidak": nothing is opened
    box = reader.open_attachment(pdfs[0].id)
    assert isinstance(box, QMessageBox)
    [message] = recording_dialogs.messages
    assert message["kind"] == MessageKind.QUESTION
    assert message["title"] == "Lampiran tidak disamarkan"
    assert pdfs[0].title in str(message["text"])
    assert message["buttons"] == ["Ya", "Tidak"] or sorted(message["buttons"]) == ["Tidak", "Ya"]
    recording_dialogs.last_on_finished(QMessageBox.StandardButton.No)
    assert opened == [] and reader.viewer.kind_shown() == AttachmentViewer.PLACEHOLDER

    # "Ya": opened, and the next attachment of the same dossier opens without asking again
    reader.open_attachment(pdfs[0].id)
    recording_dialogs.last_on_finished(QMessageBox.StandardButton.Yes)
    assert opened == [str(pdfs[0].id)] and reader.viewer.kind_shown() == AttachmentViewer.PDF
    assert reader.open_attachment(pdfs[1].id) is None
    assert opened == [str(pdfs[0].id), str(pdfs[1].id)]
    assert len(recording_dialogs.messages) == 2

    # another dossier: ask again
    reader.show_view(dataclasses.replace(view_of(db, samples, SIPEDULI), instansi=None), blind_mode=True)
    other = reader.view.attachments[0]
    assert isinstance(reader.open_attachment(other.id), QMessageBox)
    assert len(recording_dialogs.messages) == 3


def test_clear_and_language_switch(reader: DossierReader, db: Database, samples: str) -> None:
    reader.show_view(view_of(db, samples, SIPEDULI))
    pdf = next(a for a in reader.view.attachments if a.is_pdf)
    reader.open_attachment(pdf.id)
    language.install_language("en")
    assert reader.field_names["age"].text() == "Age of the innovation"
    assert reader.section_panels[0].words_label.text().endswith("words \u2014 over the limit")
    assert reader.viewer.zoom_combo.currentText() == "Fit width"
    language.install_language("id")
    assert reader.section_panels[0].words_label.text().endswith("kata \u2014 melebihi batas")

    reader.clear()
    assert reader.view is None and reader.section_panels == []
    assert reader.viewer.pdf_document.status() == QPdfDocument.Status.Null
    assert reader.viewer.kind_shown() == AttachmentViewer.PLACEHOLDER
    assert not reader.metadata.isVisibleTo(reader)
