"""Messages of the trust area: audit verification and export, backup and restore."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the chain -----------------------------------------------------------------
    "trust.audit.bad_head": {
        "id": "Kepala rantai '{value}' tidak valid: tulis NOMOR:HASH (hash SHA-256, 64 karakter heksadesimal), seperti tercetak pada Berita Acara.",
        "en": "Chain head '{value}' is not valid: write SEQ:HASH (a SHA-256 hash, 64 hexadecimal characters), as printed on the Berita Acara.",
    },
    "trust.audit.bad_record": {
        "id": "Entri log audit dengan nomor urut '{seq}' tidak dapat dibaca.",
        "en": "Audit log entry with sequence number '{seq}' cannot be read.",
    },
    "trust.audit.missing_entry": {
        "id": "Entri log audit nomor {first}–{last} hilang (dihapus dari rantai).",
        "en": "Audit log entries {first}–{last} are missing (deleted from the chain).",
    },
    "trust.audit.duplicate_entry": {
        "id": "Entri log audit nomor {seq} muncul lebih dari sekali atau tidak berurutan.",
        "en": "Audit log entry {seq} appears more than once or out of order.",
    },
    "trust.audit.broken_link": {
        "id": "Rantai putus pada entri {seq} ({action}): hash entri sebelumnya tidak cocok.",
        "en": "The chain is broken at entry {seq} ({action}): the previous entry's hash does not match.",
    },
    "trust.audit.edited_entry": {
        "id": "Entri {seq} ({action}) telah diubah: isinya tidak cocok lagi dengan hash-nya.",
        "en": "Entry {seq} ({action}) was edited: its content no longer matches its hash.",
    },
    "trust.audit.truncated": {
        "id": "Ujung rantai terpotong: kepala rantai mencatat {head} entri, yang ada hanya sampai {last}.",
        "en": "The end of the chain was cut off: the chain head records {head} entries, only {last} remain.",
    },
    "trust.audit.head_row_differs": {
        "id": "Kepala rantai yang tersimpan ({head}) tidak cocok dengan entri terakhir ({last}).",
        "en": "The stored chain head ({head}) does not match the last entry ({last}).",
    },
    "trust.audit.truncated_vs_given": {
        "id": "Ujung rantai terpotong: kepala rantai yang diberikan mencatat {head} entri, yang ada hanya sampai {last}.",
        "en": "The end of the chain was cut off: the given chain head records {head} entries, only {last} remain.",
    },
    "trust.audit.head_mismatch": {
        "id": "Entri {seq} tidak cocok dengan kepala rantai yang diberikan: riwayat telah ditulis ulang.",
        "en": "Entry {seq} does not match the given chain head: the history was rewritten.",
    },
    "trust.audit.count_differs": {
        "id": "Header berkas menyebut {header} entri, tetapi berkas berisi {found}.",
        "en": "The file's header says {header} entries, but the file holds {found}.",
    },
    # -- replay --------------------------------------------------------------------
    "trust.replay.skipped_unknown_sheet": {
        "id": "Entri {seq} ({action}) menyebut lembar yang tidak dikenal log; lembar itu tidak dapat diputar ulang.",
        "en": "Entry {seq} ({action}) names a sheet the log does not know; that sheet cannot be replayed.",
    },
    "trust.replay.skipped_action": {
        "id": "Entri {seq} ({action}) tidak mencatat cukup data untuk diputar ulang; lembarnya dilewati.",
        "en": "Entry {seq} ({action}) does not record enough to replay; its sheet is skipped.",
    },
    "trust.replay.status_not_logged": {
        "id": "Entri {seq} ({action}) tidak mencatat status lembar yang dipertahankan; nilainya diputar ulang, statusnya tidak dibandingkan.",
        "en": "Entry {seq} ({action}) does not record the kept sheet's status; its scores are replayed, its status is not compared.",
    },
    "trust.replay.sheet_not_logged": {
        "id": "Lembar penilaian {judge} untuk proposal {dossier} ada di basis data tetapi tidak pernah dicatat di log audit.",
        "en": "The score sheet of {judge} for dossier {dossier} is in the database but was never written to the audit log.",
    },
    "trust.replay.sheet_missing": {
        "id": "Lembar penilaian {judge} untuk proposal {dossier} tercatat di log audit tetapi hilang dari basis data.",
        "en": "The score sheet of {judge} for dossier {dossier} is in the audit log but missing from the database.",
    },
    "trust.replay.status_differs": {
        "id": "Status lembar {judge} untuk proposal {dossier}: log mencatat '{logged}', basis data berisi '{stored}'.",
        "en": "Status of the sheet of {judge} for dossier {dossier}: the log says '{logged}', the database holds '{stored}'.",
    },
    "trust.replay.score_differs": {
        "id": "Nilai {criterion} dari {judge} untuk proposal {dossier} telah diubah di luar aplikasi: log mencatat {logged}, basis data berisi {stored}.",
        "en": "Score {criterion} of {judge} for dossier {dossier} was changed outside the app: the log says {logged}, the database holds {stored}.",
    },
    "trust.replay.comment_differs": {
        "id": "Komentar {criterion} dari {judge} untuk proposal {dossier} berbeda dengan log audit.",
        "en": "The comment on {criterion} of {judge} for dossier {dossier} differs from the audit log.",
    },
    "trust.replay.correction_differs": {
        "id": "Koreksi pleno nilai {criterion} dari {judge} untuk proposal {dossier} berbeda dengan log audit.",
        "en": "The plenary correction of {criterion} of {judge} for dossier {dossier} differs from the audit log.",
    },
    # -- files ---------------------------------------------------------------------
    "trust.cannot_write": {
        "id": "Berkas {path} tidak dapat ditulis: {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
    "trust.cannot_read": {
        "id": "Berkas {path} tidak dapat dibaca: {reason}.",
        "en": "Cannot read {path}: {reason}.",
    },
    "trust.export.too_large": {
        "id": "{file}: berkas terlalu besar untuk ekspor log audit.",
        "en": "{file}: the file is too large for an audit log export.",
    },
    "trust.export.bad_line": {
        "id": "{file}, baris {line}: bukan entri log audit yang valid.",
        "en": "{file}, line {line}: not a valid audit log entry.",
    },
    "trust.export.not_an_export": {
        "id": "{file} bukan ekspor log audit oaoi (baris pertama harus header 'oaoi-audit-log').",
        "en": "{file} is not an oaoi audit log export (the first line must be an 'oaoi-audit-log' header).",
    },
    "trust.export.version": {
        "id": "{file}: versi ekspor {version} tidak dikenal versi aplikasi ini.",
        "en": "{file}: export version {version} is not known to this version of the app.",
    },
    "trust.export.bad_snapshot": {
        "id": "{file}: baris terakhir (nilai tersimpan saat ekspor) tidak dapat dibaca.",
        "en": "{file}: the last line (the scores stored at export time) cannot be read.",
    },
    # -- backup and restore --------------------------------------------------------
    "trust.backup.out_is_folder": {
        "id": "{path} adalah folder; sebutkan nama berkas arsip cadangan (.zip).",
        "en": "{path} is a folder; name the backup archive file (.zip).",
    },
    "trust.backup.attachment_damaged": {
        "id": "Lampiran {path} rusak (isinya tidak cocok dengan SHA-256-nya); cadangan dihentikan.",
        "en": "Attachment {path} is damaged (its content does not match its SHA-256); the backup was stopped.",
    },
    "trust.backup.cancelled": {
        "id": "Pencadangan ke {path} dibatalkan; tidak ada berkas yang ditulis.",
        "en": "The backup to {path} was cancelled; no file was written.",
    },
    "trust.backup.pg_tool_missing": {
        "id": "Program {tool} (PostgreSQL) tidak terpasang di komputer ini; pasang paket klien PostgreSQL untuk mencadangkan atau memulihkan basis data server.",
        "en": "The {tool} program (PostgreSQL) is not installed on this computer; install the PostgreSQL client package to back up or restore a server database.",
    },
    "trust.backup.pg_failed": {
        "id": "{tool} gagal: {reason}",
        "en": "{tool} failed: {reason}",
    },
    "trust.restore.not_an_archive": {
        "id": "{file} bukan arsip cadangan yang dapat dibaca (ZIP rusak atau bukan ZIP): {reason}.",
        "en": "{file} is not a readable backup archive (damaged ZIP or not a ZIP): {reason}.",
    },
    "trust.restore.no_manifest": {
        "id": "{file} tidak berisi manifest.json; ini bukan arsip cadangan oaoi.",
        "en": "{file} has no manifest.json; it is not an oaoi backup archive.",
    },
    "trust.restore.bad_manifest": {
        "id": "{file}: manifest.json rusak atau bukan manifest cadangan oaoi.",
        "en": "{file}: manifest.json is damaged or not an oaoi backup manifest.",
    },
    "trust.restore.version": {
        "id": "{file}: versi arsip {version} tidak dikenal versi aplikasi ini.",
        "en": "{file}: archive version {version} is not known to this version of the app.",
    },
    "trust.restore.bad_member": {
        "id": "{file}: nama berkas '{member}' di dalam arsip tidak diizinkan.",
        "en": "{file}: the member name '{member}' inside the archive is not allowed.",
    },
    "trust.restore.member_missing": {
        "id": "{file}: berkas '{member}' yang disebut manifest tidak ada di arsip; pemulihan dibatalkan, tidak ada yang diubah.",
        "en": "{file}: member '{member}' listed in the manifest is not in the archive; restore refused, nothing was changed.",
    },
    "trust.restore.member_damaged": {
        "id": "{file}: berkas '{member}' rusak (SHA-256 tidak cocok dengan manifest); pemulihan dibatalkan, tidak ada yang diubah.",
        "en": "{file}: member '{member}' is damaged (its SHA-256 does not match the manifest); restore refused, nothing was changed.",
    },
    "trust.restore.kind_mismatch": {
        "id": "{file} berisi cadangan {kind}; tidak dapat dipulihkan ke basis data {target}.",
        "en": "{file} holds a {kind} backup; it cannot be restored into a {target} database.",
    },
    "trust.restore.db_damaged": {
        "id": "{file}: basis data di dalam arsip rusak ({reason}); pemulihan dibatalkan, tidak ada yang diubah.",
        "en": "{file}: the database inside the archive is damaged ({reason}); restore refused, nothing was changed.",
    },
    "trust.restore.not_oaoi": {
        "id": "{file}: basis data di dalam arsip bukan basis data oaoi.",
        "en": "{file}: the database inside the archive is not an oaoi database.",
    },
    "trust.restore.newer": {
        "id": "{file}: basis data dibuat oleh versi aplikasi yang lebih baru (revisi {revision}); perbarui aplikasi dahulu.",
        "en": "{file}: the database was written by a newer version of the app (revision {revision}); update the app first.",
    },
    # -- command line --------------------------------------------------------------
    "trust.cli.help.audit": {
        "id": "log audit berantai hash: verifikasi dan ekspor",
        "en": "the hash-chained audit log: verify and export",
    },
    "trust.cli.help.audit_verify": {
        "id": "hitung ulang rantai log audit dan putar ulang riwayat nilai; keluar 1 bila ada masalah",
        "en": "recompute the audit chain and replay the score history; exit 1 on any problem",
    },
    "trust.cli.help.audit_export": {
        "id": "tulis log audit kegiatan beserta kepala rantainya agar dapat diverifikasi di komputer lain",
        "en": "write the event's audit log with its chain head so another computer can verify it",
    },
    "trust.cli.help.event": {
        "id": "id atau nama kegiatan (tanpa --event dan --file: semua rantai di basis data)",
        "en": "event id or name (without --event and --file: every chain in the database)",
    },
    "trust.cli.help.file": {
        "id": "verifikasi berkas ekspor log audit, tanpa basis data",
        "en": "verify an audit log export file, without a database",
    },
    "trust.cli.help.head": {
        "id": "kepala rantai yang diketahui, NOMOR:HASH (mis. yang tercetak pada Berita Acara)",
        "en": "a known chain head, SEQ:HASH (e.g. the one printed on the Berita Acara)",
    },
    "trust.cli.help.out": {
        "id": "berkas tujuan",
        "en": "the file to write",
    },
    "trust.cli.help.backup": {
        "id": "cadangkan basis data dan lampiran ke satu arsip ZIP dengan manifest SHA-256",
        "en": "back up the database and the attachments into one ZIP archive with a SHA-256 manifest",
    },
    "trust.cli.help.no_attachments": {
        "id": "tanpa lampiran (hanya basis data)",
        "en": "without attachments (the database only)",
    },
    "trust.cli.help.restore": {
        "id": "pulihkan basis data dari arsip cadangan (arsip diperiksa utuh dahulu; basis data lama disimpan sebagai cadangan)",
        "en": "restore the database from a backup archive (checked whole first; the previous database is kept as a backup)",
    },
    "trust.cli.help.archive": {
        "id": "arsip cadangan (.zip) yang dibuat oleh 'oaoi backup'",
        "en": "a backup archive (.zip) made by 'oaoi backup'",
    },
    "trust.cli.file_xor_event": {
        "id": "--file (berkas ekspor) tidak dapat digabung dengan --event (basis data); pilih salah satu.",
        "en": "--file (an export file) cannot be combined with --event (the database); choose one.",
    },
    "trust.cli.head_needs_event": {
        "id": "--head memerlukan --event atau --file: kepala rantai milik satu kegiatan.",
        "en": "--head needs --event or --file: a chain head belongs to one event.",
    },
    "trust.cli.chain_ok": {
        "id": "{name}: rantai utuh, {entries} entri, kepala {head}.",
        "en": "{name}: chain intact, {entries} entries, head {head}.",
    },
    "trust.cli.replay_ok": {
        "id": "  Riwayat nilai cocok: {sheets} lembar, {scores} nilai, {corrections} koreksi pleno diperiksa.",
        "en": "  Score history adds up: {sheets} sheets, {scores} scores, {corrections} plenary corrections checked.",
    },
    "trust.cli.chain_failed": {
        "id": "{name}: {count} masalah ditemukan (entri terakhir {head}):",
        "en": "{name}: {count} problems found (last entry {head}):",
    },
    "trust.cli.first_problem": {
        "id": "  Masalah pertama pada entri {seq}.",
        "en": "  First problem at entry {seq}.",
    },
    "trust.cli.skipped": {
        "id": "  Dilewati (tidak dapat diputar ulang): {text}",
        "en": "  Skipped (cannot be replayed): {text}",
    },
    "trust.cli.global_chain": {
        "id": "Rantai global (akun)",
        "en": "Global chain (accounts)",
    },
    "trust.cli.exported": {
        "id": "Log audit ({entries} entri, kepala {head}) ditulis ke {path}.",
        "en": "Audit log ({entries} entries, head {head}) written to {path}.",
    },
    "trust.cli.backup_done": {
        "id": "Cadangan ditulis ke {path}: basis data {kind} dan {attachments} lampiran, {mb} MB, SHA-256 {sha256}.",
        "en": "Backup written to {path}: {kind} database and {attachments} attachments, {mb} MB, SHA-256 {sha256}.",
    },
    "trust.cli.restore_done": {
        "id": "Basis data {target} dipulihkan dari {file} ({attachments} lampiran ditambahkan).",
        "en": "Database {target} restored from {file} ({attachments} attachments added).",
    },
    "trust.cli.restore_previous": {
        "id": "Basis data sebelumnya disimpan di {path}.",
        "en": "The previous database was kept at {path}.",
    },
}
