"""Reading dossier packages from a USB stick, safely.

A dossier package is a folder or a ``.zip`` holding ``dossier.json`` and its
files; a batch is a folder of packages, optionally with ``dossiers.xlsx`` or
``dossiers.csv`` at its top (see ``docs/dossier-format.md``).

This layer only *reads*: it finds the packages (:mod:`.sources`), parses and
validates ``dossier.json`` (:mod:`.document`) and the spreadsheet rows
(:mod:`.spreadsheet`), and checks file contents (:mod:`.sniff`).  It never
writes to the store: the import service (``services/imports.py``) stages the
bytes into the blob store and commits each dossier in its own transaction.
Nothing here trusts the input: every problem becomes a :class:`Finding`
naming the file and the field, never an exception.
"""

from oaoi_desktop.intake.findings import Finding, Severity
from oaoi_desktop.intake.limits import Limits

FORMAT_VERSION = 1

__all__ = ["Finding", "Severity", "Limits", "FORMAT_VERSION"]
