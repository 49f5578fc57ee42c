"""Importing dossier packages from a USB stick (``oaoi import``, "Impor dari USB").

:func:`import_paths` finds the dossiers under the chosen paths
(:func:`oaoi_desktop.intake.sources.scan`) and imports each in **its own
transaction** — all of it or none of it; one bad dossier never blocks the
others.  Per dossier the outcome is *imported*, *unchanged* (identical to the
current revision: nothing is written, no audit entry), *updated* (a new
revision; the old one and its attachments stay, scores stay with the
revision they were given to) or *rejected* (with every problem).

The pipeline overlaps reading and writing.  Readers
(:mod:`.import_reader`) take the next dossiers from the stick — copying
each attachment into this run's staging folder while hashing it, sniffing
its magic bytes and counting its size, checking that PDFs open, validating
``dossier.json``, fsyncing new content — while the calling thread commits
the current dossier (Core statements, one transaction, its audit entry).
For a batch the readers are worker *processes* (``spawn``, as on Windows),
so their Python work does not share a GIL with the commits and both cores
are used; a few dossiers, or packages a process cannot be handed, are read
in worker threads.  Only small results cross between them (findings, the
cleaned content, the staged files' names and hashes): memory stays flat,
files stream through one chunk buffer per reader.  At most ``workers + 2``
dossiers are staged at any time.  On SQLite the transaction's statements
run on the DB-API cursor (:class:`Statements`), since SQLAlchemy's
execution machinery would cost more than the writes themselves.

Cancel (a ``threading.Event``) is honoured between chunks and between files
(a worker process sees it through a multiprocessing event): the dossier in
flight rolls back, its staged and newly placed files are removed, and the
report says *cancelled*.  Whatever happens — cancel, a rejected dossier, a
worker process that dies — the run's staging folder is removed at the end.
Progress is reported from the calling thread (so a Qt worker can emit a
signal from it).

The parts: :mod:`.pipeline` (the run and its transactions), :mod:`.readers`
(worker threads and processes), :mod:`.statements` (the writes) and
:mod:`.report` (outcomes, progress, the CSV report).
"""

from oaoi_desktop.intake.findings import Severity
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.services.imports.pipeline import import_candidates, import_paths
from oaoi_desktop.services.imports.readers import PROCESS_MIN_BYTES, PROCESS_MIN_DOSSIERS, auto_workers
from oaoi_desktop.services.imports.report import REPORT_COLUMNS, ImportProgress, ImportReport, ItemReport, Outcome

__all__ = [
    "Outcome", "ItemReport", "ImportProgress", "ImportReport", "REPORT_COLUMNS",
    "import_paths", "import_candidates", "Limits", "Severity", "auto_workers",
    "PROCESS_MIN_DOSSIERS", "PROCESS_MIN_BYTES",
]
