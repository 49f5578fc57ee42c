"""Messages of ``oaoi audit verify`` over the whole result state and of the state digest
(``services/audit_state.py``, ``services/audit_verify.py``, the Berita Acara's digest line)."""

MESSAGES: dict[str, dict[str, str]] = {
    "audit.verify.field_differs": {
        "id": "Tabel {table}, baris {row}: kolom {field} diubah di luar aplikasi: log audit mencatat '{logged}', "
              "basis data berisi '{stored}'.",
        "en": "Table {table}, row {row}: field {field} was changed outside the app: the audit log says '{logged}', "
              "the database holds '{stored}'.",
    },
    "audit.verify.row_not_logged": {
        "id": "Tabel {table}, baris {row}: ada di basis data tetapi tidak pernah dicatat di log audit.",
        "en": "Table {table}, row {row}: in the database but never written to the audit log.",
    },
    "audit.verify.row_missing": {
        "id": "Tabel {table}, baris {row}: tercatat di log audit tetapi hilang atau dipindahkan dari basis data.",
        "en": "Table {table}, row {row}: in the audit log but missing from (or moved out of) the database.",
    },
    "audit.verify.not_covered": {
        "id": "Tabel {table}: {count} baris berasal dari paket panel (entri {seq}) dan tidak tercakup log di "
              "perangkat ini; periksa di laptop sekretariat.",
        "en": "Table {table}: {count} row(s) came in a panel package (entry {seq}) and are not covered by this "
              "device's log; verify them on the secretariat's laptop.",
    },
    "audit.verify.unreadable_entry": {
        "id": "Entri {seq} ({action}) tidak berisi data yang ditulis aplikasi; entri itu tidak dapat diputar ulang.",
        "en": "Entry {seq} ({action}) does not hold what the app writes; it cannot be replayed.",
    },
    "audit.verify.digest_mismatch": {
        "id": "Ringkasan status hasil di basis data adalah {stored}, bukan {given} yang diberikan: hasil telah "
              "berubah sejak ringkasan itu dicetak.",
        "en": "The result state digest of the database is {stored}, not the given {given}: the results changed "
              "since that digest was printed.",
    },
    "audit.verify.logged_digest_mismatch": {
        "id": "Ringkasan status hasil menurut log audit adalah {logged}, bukan {given} yang diberikan.",
        "en": "The result state digest replayed from the audit log is {logged}, not the given {given}.",
    },
    "audit.verify.bad_digest": {
        "id": "Ringkasan status hasil '{value}' tidak sah: harus 64 digit heksadesimal (seperti tercetak di "
              "Berita Acara).",
        "en": "Result state digest '{value}' is not valid: it must be 64 hexadecimal digits (as printed on the "
              "Berita Acara).",
    },
    "audit.verify.digest_needs_event": {
        "id": "--digest hanya berlaku dengan --event.",
        "en": "--digest needs --event.",
    },
    "audit.verify.digest_not_in_file": {
        "id": "--digest tidak dapat diperiksa dengan --file: berkas ekspor ini tidak memuat status hasil.",
        "en": "--digest cannot be checked with --file: this export does not carry the result state.",
    },
    "audit.cli.state_ok": {
        "id": "  Status hasil cocok dengan log (rubrik, proposal, penilai, penugasan, tahap, pleno). "
              "Ringkasan: {digest}",
        "en": "  Result state matches the log (rubric, dossiers, judges, assignments, stages, plenary). "
              "Digest: {digest}",
    },
    "audit.cli.digest": {
        "id": "  Ringkasan status hasil: {digest}",
        "en": "  Result state digest: {digest}",
    },
    "audit.cli.digest_ok": {
        "id": "  Ringkasan status hasil sama dengan yang diberikan.",
        "en": "  The result state digest matches the one given.",
    },
    "audit.cli.help.digest": {
        "id": "ringkasan status hasil (64 digit heksadesimal, dari Berita Acara) yang harus sama",
        "en": "result state digest (64 hex digits, from the Berita Acara) that must match",
    },
    "audit.document.state_digest": {
        "id": "Ringkasan status hasil (SHA-256) saat dokumen dibuat: {digest}",
        "en": "Result state digest (SHA-256) when this document was made: {digest}",
    },
}
