"""Messages of the dossier import: the intake checks, the import service,
``oaoi import`` and the demo event.

Every message of a finding is shown after the file and the field it is
about (``usulan-01/dossier.json: klaster: …``), so the texts say what is
wrong and, where it helps, what to do.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # -- paths and packages -------------------------------------------------------
    "intake.path_missing": {"id": "Path {path} tidak ada.", "en": "The path {path} does not exist."},
    "intake.path_unreadable": {"id": "Folder {path} tidak dapat dibaca: {reason}", "en": "Cannot read the folder {path}: {reason}"},
    "intake.not_a_package": {
        "id": "{path} bukan paket proposal: pilih folder atau .zip berisi dossier.json, folder kumpulan paket, atau dossiers.xlsx/dossiers.csv.",
        "en": "{path} is not a dossier package: choose a folder or .zip holding dossier.json, a folder of packages, or dossiers.xlsx/dossiers.csv.",
    },
    "intake.nothing_found": {
        "id": "Tidak ada paket proposal di {path} (folder atau .zip berisi dossier.json, atau dossiers.xlsx/dossiers.csv).",
        "en": "No dossier package found in {path} (a folder or .zip holding dossier.json, or dossiers.xlsx/dossiers.csv).",
    },
    "intake.path_empty": {"id": "Path berkas kosong.", "en": "The file path is empty."},
    "intake.path_bad_chars": {"id": "Path '{path}' memuat karakter kendali.", "en": "The path '{path}' contains control characters."},
    "intake.path_absolute": {
        "id": "Path '{path}' absolut; gunakan path relatif terhadap paket.",
        "en": "The path '{path}' is absolute; use a path relative to the package.",
    },
    "intake.path_drive": {
        "id": "Path '{path}' memuat huruf drive; gunakan path relatif terhadap paket.",
        "en": "The path '{path}' has a drive letter; use a path relative to the package.",
    },
    "intake.path_traversal": {
        "id": "Path '{path}' memuat '..' (keluar dari paket); ditolak.",
        "en": "The path '{path}' contains '..' (leaves the package); refused.",
    },
    "intake.path_case_differs": {
        "id": "Berkas '{path}' ditemukan sebagai '{actual}' (beda huruf besar/kecil); perbaiki nama di dossier.json.",
        "en": "File '{path}' was found as '{actual}' (different upper/lower case); fix the name in dossier.json.",
    },
    "intake.file_missing": {"id": "Berkas '{path}' tidak ada di paket.", "en": "The file '{path}' is missing from the package."},
    "intake.file_unreadable": {
        "id": "Berkas '{path}' tidak dapat dibaca: {reason} (flashdisk dicabut?)",
        "en": "Cannot read the file '{path}': {reason} (was the USB stick removed?)",
    },
    "intake.file_changed": {
        "id": "Berkas '{path}' berubah saat dibaca ({got} dari {expected} bita); proposal tidak diimpor, ulangi impor.",
        "en": "The file '{path}' changed while it was read ({got} of {expected} bytes); the dossier was not imported, import it again.",
    },
    "intake.symlink_outside": {
        "id": "'{path}' adalah tautan (symlink) yang menunjuk ke luar paket; ditolak.",
        "en": "'{path}' is a symbolic link pointing outside the package; refused.",
    },
    "intake.not_a_file": {"id": "'{path}' bukan berkas biasa.", "en": "'{path}' is not a regular file."},
    "intake.file_too_large": {
        "id": "Berkas '{path}' berukuran {size} MB, melebihi batas {limit} MB.",
        "en": "The file '{path}' is {size} MB, over the limit of {limit} MB.",
    },
    "intake.file_empty": {"id": "Berkas '{path}' kosong (0 bita).", "en": "The file '{path}' is empty (0 bytes)."},
    "intake.content_mismatch": {
        "id": "Isi berkas '{path}' bukan {claimed} seperti ekstensinya (isinya: {actual}).",
        "en": "The content of '{path}' is not {claimed} as its extension says (it is: {actual}).",
    },
    "intake.pdf_broken": {
        "id": "PDF '{path}' tidak dapat dibuka: {reason}",
        "en": "The PDF '{path}' does not open: {reason}",
    },
    # -- ZIP ---------------------------------------------------------------------
    "intake.zip_invalid": {"id": "Bukan berkas ZIP yang valid: {reason}", "en": "Not a valid ZIP file: {reason}"},
    "intake.zip_too_many_entries": {
        "id": "ZIP berisi {count} entri, melebihi batas {limit}; ditolak.",
        "en": "The ZIP holds {count} entries, over the limit of {limit}; refused.",
    },
    "intake.zip_symlink": {"id": "Entri ZIP '{path}' adalah tautan (symlink); ditolak.", "en": "The ZIP entry '{path}' is a symbolic link; refused."},
    "intake.zip_encrypted": {
        "id": "Entri ZIP '{path}' terenkripsi (berkata sandi); ditolak.",
        "en": "The ZIP entry '{path}' is encrypted (password-protected); refused.",
    },
    "intake.zip_duplicate_entry": {
        "id": "Entri ZIP '{path}' muncul lebih dari sekali; ditolak.",
        "en": "The ZIP entry '{path}' appears more than once; refused.",
    },
    "intake.zip_bomb_entry": {
        "id": "Entri ZIP '{path}' mengembang {ratio} kali saat diekstrak (batas {limit}); kemungkinan bom ZIP, ditolak.",
        "en": "The ZIP entry '{path}' inflates {ratio} times (limit {limit}); likely a ZIP bomb, refused.",
    },
    "intake.zip_bomb": {
        "id": "ZIP mengembang {ratio} kali saat diekstrak (batas {limit}); kemungkinan bom ZIP, ditolak.",
        "en": "The ZIP inflates {ratio} times (limit {limit}); likely a ZIP bomb, refused.",
    },
    "intake.zip_too_large": {
        "id": "Isi ZIP berukuran {size} MB setelah diekstrak, melebihi batas {limit} MB; ditolak.",
        "en": "The ZIP holds {size} MB uncompressed, over the limit of {limit} MB; refused.",
    },
    "intake.zip_no_document": {
        "id": "ZIP tidak berisi {name} (di akar ZIP atau di satu folder di dalamnya).",
        "en": "The ZIP holds no {name} (at its top or in one folder inside it).",
    },
    # -- dossier.json ------------------------------------------------------------
    "intake.json_not_utf8": {
        "id": "Berkas bukan teks UTF-8 yang valid (bita ke-{offset}); simpan ulang sebagai UTF-8.",
        "en": "The file is not valid UTF-8 text (byte {offset}); save it again as UTF-8.",
    },
    "intake.json_invalid": {"id": "JSON tidak valid (kolom {column}): {reason}", "en": "Invalid JSON (column {column}): {reason}"},
    "intake.json_duplicate_key": {"id": "Kunci '{key}' muncul dua kali.", "en": "The key '{key}' appears twice."},
    "intake.json_too_deep": {"id": "JSON bersarang terlalu dalam.", "en": "The JSON is nested too deeply."},
    "intake.json_not_object": {
        "id": "Isi dossier.json harus berupa objek JSON {{…}}, bukan {got}.",
        "en": "dossier.json must hold a JSON object {{…}}, not {got}.",
    },
    "intake.format_version_missing": {
        "id": "format_version tidak ada; isi dengan {supported}.",
        "en": "format_version is missing; set it to {supported}.",
    },
    "intake.format_version_newer": {
        "id": "Format versi {version} lebih baru dari yang dikenal aplikasi ini (versi {supported}); perbarui oaoi-desktop untuk mengimpornya.",
        "en": "Format version {version} is newer than this app knows (version {supported}); update oaoi-desktop to import it.",
    },
    "intake.format_version_invalid": {
        "id": "format_version '{value}' tidak valid; harus bilangan bulat {supported}.",
        "en": "format_version '{value}' is not valid; it must be the integer {supported}.",
    },
    "intake.unknown_field": {"id": "Kolom tidak dikenal; diabaikan.", "en": "Unknown field; ignored."},
    "intake.field_required": {"id": "Wajib diisi.", "en": "Required."},
    "intake.field_empty": {"id": "Tidak boleh kosong.", "en": "Must not be empty."},
    "intake.field_too_long": {"id": "Terlalu panjang: {length} karakter (batas {limit}).", "en": "Too long: {length} characters (limit {limit})."},
    "intake.control_characters": {"id": "Memuat karakter kendali yang tidak diizinkan.", "en": "Contains control characters that are not allowed."},
    "intake.expected_string": {"id": "Harus berupa teks, bukan {got}.", "en": "Must be text, not {got}."},
    "intake.expected_boolean": {"id": "Harus true atau false, bukan {got}.", "en": "Must be true or false, not {got}."},
    "intake.expected_list": {"id": "Harus berupa daftar [ … ], bukan {got}.", "en": "Must be a list [ … ], not {got}."},
    "intake.expected_object": {"id": "Harus berupa objek {{ … }}, bukan {got}.", "en": "Must be an object {{ … }}, not {got}."},
    "intake.expected_contact": {
        "id": "Harus berupa teks atau objek {{name, position, email, phone}}, bukan {got}.",
        "en": "Must be text or an object {{name, position, email, phone}}, not {got}.",
    },
    "intake.expected_name": {"id": "Harus berupa nama (teks tidak kosong).", "en": "Must be a name (non-empty text)."},
    "intake.expected_path": {"id": "Harus berupa path berkas (teks).", "en": "Must be a file path (text)."},
    "intake.too_many": {"id": "Terlalu banyak: {count} (batas {limit}).", "en": "Too many: {count} (limit {limit})."},
    "intake.bad_klaster": {"id": "Klaster '{value}' tidak dikenal (pilihan: {allowed}).", "en": "Unknown klaster '{value}' (choices: {allowed})."},
    "intake.bad_kelompok": {"id": "Kelompok '{value}' tidak dikenal (pilihan: {allowed}).", "en": "Unknown kelompok '{value}' (choices: {allowed})."},
    "intake.bad_kind": {"id": "Jenis lampiran '{value}' tidak dikenal (pilihan: {allowed}).", "en": "Unknown attachment kind '{value}' (choices: {allowed})."},
    "intake.bad_date": {
        "id": "Tanggal '{value}' tidak valid; gunakan format TTTT-BB-HH (mis. 2023-05-17).",
        "en": "The date '{value}' is not valid; use YYYY-MM-DD (e.g. 2023-05-17).",
    },
    "intake.date_in_future": {
        "id": "Tanggal {value} ada di masa depan; periksa tanggal (atau jam laptop).",
        "en": "The date {value} is in the future; check it (or the laptop's clock).",
    },
    "intake.bad_sdg": {"id": "Nomor TPB/SDG '{value}' tidak valid; harus 1 sampai 17.", "en": "SDG number '{value}' is not valid; it must be 1 to 17."},
    "intake.duplicate_sdg": {"id": "Nomor TPB/SDG {value} disebut dua kali.", "en": "SDG number {value} is listed twice."},
    "intake.bad_url": {"id": "Alamat '{value}' bukan URL http(s) yang valid.", "en": "'{value}' is not a valid http(s) URL."},
    "intake.bad_email": {"id": "Alamat surel '{value}' tampaknya tidak valid.", "en": "The e-mail address '{value}' does not look valid."},
    "intake.no_sections": {"id": "Proposal harus memiliki paling sedikit satu bagian.", "en": "A dossier needs at least one section."},
    "intake.bad_section_key": {
        "id": "Kunci bagian '{value}' tidak valid: huruf kecil, angka dan garis bawah, diawali huruf (mis. latar_belakang).",
        "en": "Section key '{value}' is not valid: lower-case letters, digits and underscores, starting with a letter (e.g. latar_belakang).",
    },
    "intake.duplicate_section": {"id": "Bagian '{key}' sudah ada (sections[{first}]).", "en": "Section '{key}' already exists (sections[{first}])."},
    "intake.bad_word_limit": {"id": "Batas kata '{value}' tidak valid; harus bilangan bulat 1 atau lebih.", "en": "Word limit '{value}' is not valid; it must be a whole number of 1 or more."},
    "intake.word_limit_exceeded": {
        "id": "Bagian '{key}' berisi {words} kata, melebihi batas {limit} kata.",
        "en": "Section '{key}' has {words} words, over its limit of {limit}.",
    },
    "intake.section_empty": {"id": "Bagian '{key}' kosong.", "en": "Section '{key}' is empty."},
    "intake.section_attachment_undeclared": {
        "id": "Lampiran '{path}' tidak terdaftar di 'attachments'.",
        "en": "Attachment '{path}' is not listed in 'attachments'.",
    },
    "intake.bad_extension": {
        "id": "Jenis berkas '{path}' tidak diterima (diterima: {allowed}).",
        "en": "The file type of '{path}' is not accepted (accepted: {allowed}).",
    },
    "intake.duplicate_attachment": {
        "id": "Lampiran '{path}' sudah didaftarkan (attachments[{first}]).",
        "en": "Attachment '{path}' is already listed (attachments[{first}]).",
    },
    # -- spreadsheets ------------------------------------------------------------
    "intake.sheet_unreadable": {"id": "Lembar kerja tidak dapat dibaca: {reason}", "en": "Cannot read the spreadsheet: {reason}"},
    "intake.csv_not_utf8": {
        "id": "CSV bukan teks UTF-8 (bita ke-{offset}); di Excel simpan sebagai \"CSV UTF-8 (Comma delimited)\".",
        "en": "The CSV is not UTF-8 text (byte {offset}); in Excel save it as \"CSV UTF-8 (Comma delimited)\".",
    },
    "intake.sheet_no_header": {"id": "Baris 1 harus berisi nama kolom (id, title, instansi, …).", "en": "Row 1 must hold the column names (id, title, instansi, …)."},
    "intake.sheet_missing_column": {"id": "Kolom '{column}' tidak ada di baris 1.", "en": "Column '{column}' is missing from row 1."},
    "intake.sheet_duplicate_column": {"id": "Kolom '{column}' muncul lagi (pertama di {first}).", "en": "Column '{column}' appears again (first at {first})."},
    "intake.sheet_unknown_column": {"id": "Nama kolom '{column}' tidak dikenal; kolom diabaikan.", "en": "Unknown column name '{column}'; the column is ignored."},
    "intake.sheet_formula": {
        "id": "Sel berisi rumus ({formula}); rumus tidak dihitung saat impor, ganti dengan nilainya.",
        "en": "The cell holds a formula ({formula}); formulas are not evaluated on import, replace it with its value.",
    },
    "intake.sheet_error_value": {"id": "Sel berisi nilai galat {value}.", "en": "The cell holds the error value {value}."},
    "intake.sheet_bad_boolean": {"id": "'{value}' bukan ya/tidak.", "en": "'{value}' is not yes/no (ya/tidak)."},
    "intake.sheet_too_many_rows": {
        "id": "Lembar kerja memiliki lebih dari {limit} baris data; baris selanjutnya tidak dibaca.",
        "en": "The spreadsheet has more than {limit} data rows; the rest was not read.",
    },
    "intake.sheet_no_rows": {"id": "Lembar kerja tidak berisi baris data.", "en": "The spreadsheet holds no data rows."},
    "intake.sheet_ignored": {
        "id": "{name} diabaikan karena {used} juga ada; gunakan salah satu.",
        "en": "{name} was ignored because {used} is there too; keep only one.",
    },
    # -- the import service ------------------------------------------------------
    "import.duplicate_in_batch": {
        "id": "Nomor proposal {number} sudah muncul di impor ini ({first}); yang kedua ditolak.",
        "en": "Proposal number {number} already appeared in this import ({first}); the second is rejected.",
    },
    "import.store_failed": {"id": "Proposal tidak dapat disimpan: {reason}", "en": "The dossier could not be stored: {reason}"},
    "import.internal_error": {
        "id": "Galat internal saat membaca proposal ({reason}); laporkan ke pengembang.",
        "en": "Internal error while reading the dossier ({reason}); please report it.",
    },
    "import.no_paths": {"id": "Tidak ada path yang ditemukan: {paths}", "en": "None of the paths exists: {paths}"},
    "import.outcome.imported": {"id": "diimpor", "en": "imported"},
    "import.outcome.unchanged": {"id": "tidak berubah", "en": "unchanged"},
    "import.outcome.updated": {"id": "diperbarui", "en": "updated"},
    "import.outcome.rejected": {"id": "ditolak", "en": "rejected"},
    "import.severity.error": {"id": "galat", "en": "error"},
    "import.severity.warning": {"id": "peringatan", "en": "warning"},
    # -- oaoi import ----------------------------------------------------------------
    "cli.help.import": {
        "id": "impor paket proposal (folder, .zip, folder kumpulan, dossiers.xlsx/csv) ke kegiatan",
        "en": "import dossier packages (folders, .zip, batch folders, dossiers.xlsx/csv) into an event",
    },
    "cli.help.import_paths": {
        "id": "folder paket, .zip, folder kumpulan paket, atau dossiers.xlsx/dossiers.csv",
        "en": "a package folder, a .zip, a folder of packages, or dossiers.xlsx/dossiers.csv",
    },
    "cli.help.import_report": {
        "id": "tulis laporan impor CSV (kolom bahasa Inggris: source,number,title,outcome,severity,file,field,message)",
        "en": "write the import report as CSV (English columns: source,number,title,outcome,severity,file,field,message)",
    },
    "cli.help.import_quiet": {"id": "tanpa tampilan kemajuan", "en": "no progress display"},
    "cli.import_progress": {
        "id": "{done}/{total} proposal · {mb} MB · {rate} MB/dtk · {current}",
        "en": "{done}/{total} dossiers · {mb} MB · {rate} MB/s · {current}",
    },
    "cli.import_item": {"id": "{outcome}: {source} {number}", "en": "{outcome}: {source} {number}"},
    "cli.import_summary": {
        "id": "Selesai dalam {seconds} dtk: {imported} diimpor, {updated} diperbarui, {unchanged} tidak berubah, {rejected} ditolak, {warnings} peringatan ({mb} MB).",
        "en": "Done in {seconds} s: {imported} imported, {updated} updated, {unchanged} unchanged, {rejected} rejected, {warnings} warnings ({mb} MB).",
    },
    "cli.import_cancelled": {
        "id": "Impor dibatalkan; {count} proposal belum diimpor (proposal yang sedang diproses dibatalkan seluruhnya).",
        "en": "Import cancelled; {count} dossier(s) not imported (the one in progress was rolled back entirely).",
    },
    "cli.cannot_write_file": {"id": "Berkas {path} tidak dapat ditulis: {reason}", "en": "Cannot write the file {path}: {reason}"},
    "cli.import_report_written": {"id": "Laporan ditulis ke {path}", "en": "Report written to {path}"},
    # -- the reader ------------------------------------------------------------------
    "dossier.revision_not_found": {"id": "Proposal {dossier} tidak memiliki revisi {revision}.", "en": "Dossier {dossier} has no revision {revision}."},
    "dossier.attachment_not_found": {"id": "Lampiran {attachment} tidak ditemukan.", "en": "Attachment {attachment} not found."},
    "dossier.attachment_content_missing": {
        "id": "Isi lampiran '{path}' hilang dari penyimpanan lampiran; impor ulang paketnya.",
        "en": "The content of attachment '{path}' is missing from the attachment store; import the package again.",
    },
    # -- demo --------------------------------------------------------------------
    "demo.event_name": {"id": "Demo — Kompetisi Inovasi Kota Contoh 2026", "en": "Demo — Sample City Innovation Competition 2026"},
    "demo.samples_missing": {
        "id": "Contoh proposal tidak ditemukan di {path}.",
        "en": "The sample dossiers were not found in {path}.",
    },
    "demo.not_demo_database": {
        "id": "Demo hanya dibuat di basis data demo ({path}), tidak di basis data kegiatan Anda.",
        "en": "The demo is only built in the demo database ({path}), never in your event database.",
    },
}
