"""Impor dari USB: the import dialog (:mod:`.dialog`), its job (:mod:`.job`) and the report table (:mod:`.report`).

The flow (File ▸ Impor dari USB…, the tool bar, or dropping folders/ZIPs on
the main window):

1. :class:`ImportDialog` lists the mounted drives, removable ones first
   (:mod:`oaoi_desktop.ui.drives`), lets the user pick a folder or a ZIP /
   spreadsheet through the dialog seam, and choose the evaluation event
   (default: the only one, else the most recent).
2. *Mulai impor* starts an :class:`ImportJob` (a :class:`~oaoi_desktop.ui.jobs.Job`) running
   :func:`oaoi_desktop.services.imports.import_paths` through
   :class:`~oaoi_desktop.ui.importing.desk.ImportDesk` (no Qt), which opens its own
   database sessions.  Progress (dossiers done/total, current file, MB/s)
   arrives as signals; *Batal* sets the job's ``threading.Event`` and the
   dossier in flight rolls back.  The window stays responsive throughout.
3. At the end the :class:`ImportReportModel` table lists every dossier and
   every finding in the interface language, sortable, with colour cues;
   *Ekspor laporan CSV…* writes ``report.write_csv``.

Who imports is recorded in the audit log as the signed-in secretariat member
(the ``actor`` the main window passes: :meth:`MainWindow.secretariat_actor`).
"""

from __future__ import annotations

from oaoi_desktop.ui.importing.dialog import ImportDialog, open_import_dialog
from oaoi_desktop.ui.importing.job import IMPORTABLE_SUFFIXES, ImportJob, importable_paths, is_importable
from oaoi_desktop.ui.importing.report import DOSSIER_ID_ROLE, OUTCOME_ROLE, SORT_ROLE, ImportReportModel, ReportColumn

__all__ = [
    "DOSSIER_ID_ROLE",
    "IMPORTABLE_SUFFIXES",
    "ImportDialog",
    "ImportJob",
    "ImportReportModel",
    "OUTCOME_ROLE",
    "ReportColumn",
    "SORT_ROLE",
    "importable_paths",
    "is_importable",
    "open_import_dialog",
]
