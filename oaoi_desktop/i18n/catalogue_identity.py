"""Messages of the identity area: identity text, the restore schema check, hostile-input leftovers."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- identity text (domain/identity.py) ---------------------------------------------
    "identity.control": {
        "id": "Kolom '{field}' berisi karakter kendali {codepoint}: hapus karakter itu lalu coba lagi.",
        "en": "Field '{field}' contains the control character {codepoint}: remove it and try again.",
    },
    "identity.bidi": {
        "id": "Kolom '{field}' berisi karakter pengatur arah teks {codepoint} (dapat menyamarkan nama): hapus karakter itu lalu coba lagi.",
        "en": "Field '{field}' contains the text-direction control {codepoint} (it can disguise a name): remove it and try again.",
    },
    "identity.surrogate": {
        "id": "Kolom '{field}' berisi karakter yang tidak sah ({codepoint}, surrogate tunggal).",
        "en": "Field '{field}' contains an invalid character ({codepoint}, a lone surrogate).",
    },
    "identity.dossier_number": {
        "id": "Nomor proposal '{value}' pada kolom '{field}' tidak sah: gunakan 1–{max} karakter dari {allowed} (karakter {codepoint} tidak diizinkan).",
        "en": "Proposal number '{value}' in field '{field}' is not valid: use 1–{max} characters from {allowed} (character {codepoint} is not allowed).",
    },
    "identity.json_surrogate": {
        "id": "Berkas berisi karakter yang tidak sah ({codepoint}, surrogate tunggal dalam escape \\u).",
        "en": "The file contains an invalid character ({codepoint}, a lone surrogate in a \\u escape).",
    },
}
MESSAGES.update({
    # -- restore: only the app's own schema (store/schema_check.py) ---------------------
    "identity.restore.no_revision": {
        "id": "{file}: basis data di dalam cadangan tidak mencatat revisi skemanya; cadangan ini tidak dipulihkan.",
        "en": "{file}: the database inside the backup records no schema revision; this backup is not restored.",
    },
    "identity.restore.schema_unexpected": {
        "id": "{file}: basis data di dalam cadangan memuat objek yang tidak dibuat oleh aplikasi ini ({type} '{name}'; {count} perbedaan skema). Cadangan ini mungkin telah diubah; tidak ada yang dipulihkan.",
        "en": "{file}: the database inside the backup holds an object this app does not create ({type} '{name}'; {count} schema difference(s)). The backup may have been tampered with; nothing was restored.",
    },
    "identity.restore.schema_changed": {
        "id": "{file}: definisi {type} '{name}' di dalam cadangan berbeda dari skema aplikasi ({count} perbedaan skema). Cadangan ini mungkin telah diubah; tidak ada yang dipulihkan.",
        "en": "{file}: the definition of {type} '{name}' inside the backup differs from the app's schema ({count} schema difference(s)). The backup may have been tampered with; nothing was restored.",
    },
    "identity.restore.schema_missing": {
        "id": "{file}: {type} '{name}' dari skema aplikasi tidak ada di dalam cadangan ({count} perbedaan skema); tidak ada yang dipulihkan.",
        "en": "{file}: {type} '{name}' of the app's schema is missing from the backup ({count} schema difference(s)); nothing was restored.",
    },
})
MESSAGES.update({
    # -- hostile-input leftovers (issue 13, point 5) ------------------------------------
    "identity.rubric_too_deep": {
        "id": "Berkas rubrik bersarang terlalu dalam (larik atau tabel di dalam larik ribuan tingkat); ini bukan instrumen penilaian.",
        "en": "The rubric file is nested too deeply (arrays or tables thousands of levels deep); it is not a scoring rubric.",
    },
    "identity.db_scheme": {
        "id": "Basis data '{scheme}://' tidak didukung: gunakan {supported}.",
        "en": "Database '{scheme}://' is not supported: use {supported}.",
    },
})
MESSAGES.update({
    "identity.out_parent_missing": {
        "id": "Folder tujuan '{path}' tidak dapat dibuat karena '{parent}' tidak ada (flashdisk belum terpasang?). Periksa tujuan lalu coba lagi.",
        "en": "The output folder '{path}' cannot be made because '{parent}' does not exist (is the USB stick plugged in?). Check the destination and try again.",
    },
    "identity.out_not_a_folder": {
        "id": "Tujuan '{path}' adalah berkas, bukan folder.",
        "en": "The destination '{path}' is a file, not a folder.",
    },
})
MESSAGES.update({
    "identity.hard_link": {
        "id": "'{path}' adalah tautan keras (hard link, {links} nama untuk satu berkas): isinya bisa berada di luar folder proposal. Salin berkas itu sebagai berkas biasa.",
        "en": "'{path}' is a hard link ({links} names for one file): its content may lie outside the dossier folder. Copy it as an ordinary file.",
    },
})
MESSAGES.update({
    "identity.cli_nul": {
        "id": "Argumen '{value}' berisi karakter NUL; tidak ada berkas atau nama yang dapat memuatnya.",
        "en": "Argument '{value}' contains a NUL character; no file or name can hold one.",
    },
})
MESSAGES.update({
    "identity.cli_not_utf8": {
        "id": "Argumen '{value}' bukan teks UTF-8 yang sah (byte dari pengodean lain?); tulis ulang argumen itu.",
        "en": "Argument '{value}' is not valid UTF-8 text (bytes from another encoding?); type that argument again.",
    },
    "identity.cli_os_error": {
        "id": "Sistem menolak '{path}': {reason}.",
        "en": "The system refused '{path}': {reason}.",
    },
    "identity.out_empty": {
        "id": "Nama berkas tujuan kosong ('{path}'): sebutkan nama berkas.",
        "en": "The output file name is empty ('{path}'): name a file.",
    },
})
