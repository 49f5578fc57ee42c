"""Messages of the installation and bundle work (issue 15)."""

MESSAGES = {
    "install.cli.help.import_processes": {
        "id": "baca proposal di proses pekerja: auto (bila batch cukup besar), yes (selalu), no (utas saja)",
        "en": "read dossiers in worker processes: auto (when the batch is large enough), yes (always), no (threads only)",
    },
}
