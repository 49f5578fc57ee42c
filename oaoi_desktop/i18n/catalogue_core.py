"""Messages of the core: generic errors, the store, the CLI."""

MESSAGES: dict[str, dict[str, str]] = {
    "problems.found": {
        "id": "Ditemukan {count} masalah.",
        "en": "{count} problem(s) found.",
    },
}

MESSAGES.update(
    {
        "store.cannot_open": {
            "id": "Basis data {path} tidak dapat dibuka: {reason}",
            "en": "Cannot open the database {path}: {reason}",
        },
        "store.newer_database": {
            "id": "Basis data {path} ditulis oleh versi aplikasi yang lebih baru (skema {revision}); "
            "versi ini ({app_version}) tidak akan mengubahnya. Perbarui oaoi-desktop.",
            "en": "The database {path} was written by a newer version of the app (schema {revision}); "
            "this version ({app_version}) will not touch it. Please update oaoi-desktop.",
        },
        "store.backup_failed": {
            "id": "Cadangan {path} gagal dibuat: {reason}",
            "en": "Could not write the backup {path}: {reason}",
        },
        "store.backup_not_sqlite": {
            "id": "Cadangan dengan API SQLite hanya untuk basis data SQLite.",
            "en": "The SQLite backup API only applies to SQLite databases.",
        },
    }
)
