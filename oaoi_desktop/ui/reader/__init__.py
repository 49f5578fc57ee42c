"""The dossier reader: metadata, sections with word counts, attachments.

The parts: :mod:`.dossier` (the reader), :mod:`.sections` (section panels,
attachment buttons), :mod:`.viewer` (PDF, image, other files), :mod:`.common`,
and :mod:`.desk` (:class:`~oaoi_desktop.ui.reader.desk.ReaderDesk`, the reader's
way to the attachment files; no Qt).

:class:`DossierReader` shows one :class:`~oaoi_desktop.services.dossiers.DossierView`
(plain data, already read from the database) and opens its attachments:

* PDFs inside the app with QtPdf (:class:`QPdfView`, page navigation and
  zoom).  ``QPdfDocument.load`` only parses the file; QPdfView renders the
  pages it shows, lazily and off the GUI thread, so opening a long PDF does
  not wait for every page.
* Images inline (JPEG, PNG; read already scaled down when huge).
* Anything else (video) is copied under its real file name
  (:func:`~oaoi_desktop.services.dossiers.export_attachment`, off the GUI
  thread in a :class:`~oaoi_desktop.ui.jobs.Job`) and handed to the system's default application with
  ``QDesktopServices.openUrl``.

The files in the attachment store are only ever read (QPdfDocument and
QImageReader open them read-only); nothing here writes to them.

Blind mode: the view passed in is already redacted by the judging service
(instansi, unit kerja and innovators may be ``None``: shown as "disamarkan").
Attachments cannot be redacted, so before the first attachment of a dossier
is opened the reader says so through the dialog seam and asks to continue;
the answer holds until another dossier is shown.

The reader is embedded by the secretariat's dossier browser and by the
judge workspace.
"""

from __future__ import annotations

from oaoi_desktop.ui.reader.common import exported_attachments_dir, open_with_system, warning_colour
from oaoi_desktop.ui.reader.dossier import DossierReader, kelompok_text, klaster_text
from oaoi_desktop.ui.reader.sections import AttachmentButton, SectionPanel, attachment_kind_text
from oaoi_desktop.ui.reader.viewer import AttachmentViewer

__all__ = [
    "AttachmentViewer",
    "DossierReader",
    "AttachmentButton",
    "SectionPanel",
    "attachment_kind_text",
    "exported_attachments_dir",
    "kelompok_text",
    "klaster_text",
    "open_with_system",
    "warning_colour",
]
