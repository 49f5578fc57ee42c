"""Messages of issue 14's "blind mode that actually blinds", "start fast, fail visibly"
and the audit view that speaks to people (area: blindstart)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- crash handler ---------------------------------------------------------------
    "blindstart.crash.title": {
        "id": "Terjadi kesalahan",
        "en": "Something went wrong",
    },
    "blindstart.crash.text": {
        "id": "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan tetap aman. "
        "Simpan yang sedang dikerjakan, lalu mulai ulang aplikasi bila ada yang tidak berfungsi.",
        "en": "An unexpected error occurred. Work already saved is safe. Save what you are doing, "
        "then restart the app if something no longer works.",
    },
    "blindstart.crash.log_hint": {
        "id": "Rinciannya tercatat di berkas log: {path}. Serahkan berkas itu kepada tim teknis.",
        "en": "The details are in the log file: {path}. Give that file to the technical team.",
    },
    # -- blind mode: the event's own terms, leak reports -------------------------------
    "blindstart.terms.too_short": {
        "id": "Istilah '{term}' terlalu pendek untuk disamarkan (minimal 3 huruf atau angka): kata biasa ikut tertutup.",
        "en": "The term '{term}' is too short to mask (at least 3 letters or digits): ordinary words would be hidden.",
    },
    "blindstart.terms.too_long": {
        "id": "Istilah '{term}' terlalu panjang (maksimal {max} karakter).",
        "en": "The term '{term}' is too long (at most {max} characters).",
    },
    "blindstart.terms.too_many": {
        "id": "Daftar istilah berisi {count} istilah; maksimal {max}.",
        "en": "The list holds {count} terms; at most {max}.",
    },
    "blindstart.terms.file_unreadable": {
        "id": "Berkas daftar istilah '{path}' tidak dapat dibaca: {reason}.",
        "en": "The term list file '{path}' cannot be read: {reason}.",
    },
    "blindstart.leak.empty": {
        "id": "Tuliskan kata yang masih memperlihatkan identitas pengusul.",
        "en": "Write the words that still show who submitted the proposal.",
    },
    "blindstart.leak.too_long": {
        "id": "Teks laporan terlalu panjang (maksimal {max} karakter): salin kata yang memperlihatkan identitas saja.",
        "en": "The report is too long (at most {max} characters): copy only the words that show the identity.",
    },
    "blindstart.cli.help.blind": {
        "id": "penilaian tersamar: daftar istilah kegiatan dan laporan identitas terlihat",
        "en": "blind review: the event's term list and reports of visible identities",
    },
    "blindstart.cli.help.terms": {
        "id": "tampilkan atau ganti daftar istilah yang disamarkan pada setiap proposal kegiatan",
        "en": "show or replace the terms masked in every proposal of the event",
    },
    "blindstart.cli.help.terms_file": {
        "id": "berkas teks: satu istilah per baris, '#' memulai komentar (mengganti daftar)",
        "en": "a text file: one term per line, '#' starts a comment (replaces the list)",
    },
    "blindstart.cli.help.clear": {
        "id": "kosongkan daftar istilah kegiatan",
        "en": "empty the event's term list",
    },
    "blindstart.cli.help.reports": {
        "id": "daftar laporan penilai bahwa identitas pengusul masih terlihat",
        "en": "the judges' reports that a proposer's identity is still visible",
    },
    "blindstart.cli.terms_set": {
        "id": "Daftar istilah tersamar kegiatan '{event}' kini berisi {count} istilah.",
        "en": "The blind-review term list of '{event}' now holds {count} terms.",
    },
    "blindstart.cli.no_terms": {
        "id": "Kegiatan '{event}' belum memiliki daftar istilah sendiri.",
        "en": "The event '{event}' has no term list of its own.",
    },
    "blindstart.cli.no_reports": {
        "id": "Belum ada laporan identitas terlihat untuk kegiatan '{event}'.",
        "en": "No reports of a visible identity for '{event}' yet.",
    },
    "blindstart.cli.report_line": {
        "id": "{at}  {dossier}  {judge}: \"{text}\"{where}",
        "en": "{at}  {dossier}  {judge}: \"{text}\"{where}",
    },
    # -- audit log: every action and entity in words (services/audit_query.py) --------
    "blindstart.audit_action.plenary": {
        "id": "Keputusan pleno ({kind})",
        "en": "Plenary decision ({kind})",
    },
    "blindstart.audit_action.assignment.added": {"id": "Penugasan ditambahkan", "en": "Assignment added"},
    "blindstart.audit_action.assignment.auto": {"id": "Penugasan otomatis dijalankan", "en": "Automatic assignment run"},
    "blindstart.audit_action.assignment.removed": {"id": "Penugasan dicabut", "en": "Assignment removed"},
    "blindstart.audit_action.authority.created": {"id": "Otoritas sertifikat kegiatan dibuat", "en": "Event certificate authority created"},
    "blindstart.audit_action.blind.leak_reported": {"id": "Identitas terlihat dilaporkan", "en": "Visible identity reported"},
    "blindstart.audit_action.bundle.exported": {"id": "Bundel penilai diekspor", "en": "Judge bundle exported"},
    "blindstart.audit_action.conflict.declared": {"id": "Konflik kepentingan dinyatakan", "en": "Conflict of interest declared"},
    "blindstart.audit_action.credential.imported": {"id": "Sertifikat penilai diimpor", "en": "Judge certificate imported"},
    "blindstart.audit_action.credential.issued": {"id": "Sertifikat penilai diterbitkan", "en": "Judge certificate issued"},
    "blindstart.audit_action.document.signed": {"id": "Dokumen ditandatangani", "en": "Document signed"},
    "blindstart.audit_action.documents.issued": {"id": "Dokumen diterbitkan", "en": "Documents issued"},
    "blindstart.audit_action.dossier.added": {"id": "Proposal ditambahkan", "en": "Proposal added"},
    "blindstart.audit_action.dossier.updated": {"id": "Proposal diperbarui", "en": "Proposal updated"},
    "blindstart.audit_action.event.blind_terms_set": {"id": "Daftar istilah tersamar diubah", "en": "Blind-review term list changed"},
    "blindstart.audit_action.event.created": {"id": "Kegiatan dibuat", "en": "Event created"},
    "blindstart.audit_action.event.finalised": {"id": "Kegiatan difinalisasi", "en": "Event finalised"},
    "blindstart.audit_action.event.letterhead_set": {"id": "Kop surat diatur", "en": "Letterhead set"},
    "blindstart.audit_action.event.reopened": {"id": "Kegiatan dibuka kembali", "en": "Event reopened"},
    "blindstart.audit_action.event.timezone_set": {"id": "Zona waktu kegiatan diubah", "en": "Event time zone set"},
    "blindstart.audit_action.completeness.exception": {"id": "Pengecualian lembar yang belum dikirim dicatat",
                                                       "en": "Exception for missing score sheets recorded"},
    "blindstart.audit_action.event.rubric_changed": {"id": "Instrumen penilaian diganti", "en": "Rubric changed"},
    "blindstart.audit_action.integrity.declared": {"id": "Pakta integritas dinyatakan", "en": "Integrity declaration made"},
    "blindstart.audit_action.judge.added": {"id": "Penilai ditambahkan", "en": "Judge added"},
    "blindstart.audit_action.key.rewrapped": {"id": "Kunci dibungkus ulang", "en": "Key rewrapped"},
    "blindstart.audit_action.lan.seats_removed": {"id": "Kursi LAN dihapus", "en": "LAN seats removed"},
    "blindstart.audit_action.lan.seats_set_up": {"id": "Kursi LAN disiapkan", "en": "LAN seats set up"},
    "blindstart.audit_action.package.exported": {"id": "Paket panel diekspor", "en": "Panel package exported"},
    "blindstart.audit_action.package.imported": {"id": "Paket panel diimpor", "en": "Panel package imported"},
    "blindstart.audit_action.plenary.dossier_moved": {"id": "Urutan proposal diubah pleno", "en": "Proposal moved in plenary"},
    "blindstart.audit_action.plenary.score_corrected": {"id": "Nilai dikoreksi pleno", "en": "Score corrected in plenary"},
    "blindstart.audit_action.plenary.tie_resolved": {"id": "Nilai sama diputuskan pleno", "en": "Tie resolved in plenary"},
    "blindstart.audit_action.plenary.withdrawn": {"id": "Keputusan pleno ditarik", "en": "Plenary decision withdrawn"},
    "blindstart.audit_action.score.cleared": {"id": "Nilai dihapus", "en": "Score cleared"},
    "blindstart.audit_action.score.comment_changed": {"id": "Catatan nilai diubah", "en": "Score comment changed"},
    "blindstart.audit_action.score.recorded": {"id": "Nilai dicatat", "en": "Score recorded"},
    "blindstart.audit_action.scores.paper_import": {"id": "Nilai kertas diimpor", "en": "Paper scores imported"},
    "blindstart.audit_action.sheet.conflict_resolved": {"id": "Konflik lembar penilaian diselesaikan", "en": "Score sheet conflict resolved"},
    "blindstart.audit_action.sheet.paper_entered": {"id": "Lembar kertas dimasukkan", "en": "Paper sheet entered"},
    "blindstart.audit_action.sheet.saved": {"id": "Lembar penilaian disimpan", "en": "Score sheet saved"},
    "blindstart.audit_action.sheet.submitted": {"id": "Lembar penilaian dikirim", "en": "Score sheet submitted"},
    "blindstart.audit_action.sheet.unlocked": {"id": "Lembar penilaian dibuka kuncinya", "en": "Score sheet unlocked"},
    "blindstart.audit_action.stage.closed": {"id": "Tahap ditutup", "en": "Stage closed"},
    "blindstart.audit_action.stage.reopened": {"id": "Tahap dibuka kembali", "en": "Stage reopened"},
    "blindstart.audit_action.user.created": {"id": "Akun dibuat", "en": "Account created"},
    "blindstart.audit_action.user.credentials_reset": {"id": "PIN akun diatur ulang", "en": "Account PIN reset"},
    "blindstart.audit_action.user.locked": {"id": "Akun terkunci", "en": "Account locked"},
    "blindstart.audit_action.user.pin_issued": {"id": "Slip PIN dicetak", "en": "PIN slip issued"},
    "blindstart.audit_action.user.recovered_with_code": {"id": "Akun dipulihkan dengan kode pemulihan", "en": "Account recovered with its code"},
    "blindstart.audit_entity.assignment": {"id": "Penugasan", "en": "Assignment"},
    "blindstart.audit_entity.conflict_declaration": {"id": "Pernyataan konflik", "en": "Conflict declaration"},
    "blindstart.audit_entity.document": {"id": "Dokumen", "en": "Document"},
    "blindstart.audit_entity.dossier": {"id": "Proposal", "en": "Proposal"},
    "blindstart.audit_entity.event": {"id": "Kegiatan", "en": "Event"},
    "blindstart.audit_entity.event_authority": {"id": "Otoritas sertifikat", "en": "Certificate authority"},
    "blindstart.audit_entity.integrity_declaration": {"id": "Pakta integritas", "en": "Integrity declaration"},
    "blindstart.audit_entity.judge_credential": {"id": "Sertifikat penilai", "en": "Judge certificate"},
    "blindstart.audit_entity.plenary_adjustment": {"id": "Keputusan pleno", "en": "Plenary decision"},
    "blindstart.audit_entity.score_sheet": {"id": "Lembar penilaian", "en": "Score sheet"},
    "blindstart.audit_entity.sheet_conflict": {"id": "Konflik lembar", "en": "Sheet conflict"},
    "blindstart.audit_entity.stage": {"id": "Tahap", "en": "Stage"},
    "blindstart.audit_entity.user": {"id": "Akun", "en": "Account"},
    "blindstart.audit.export_format": {
        "id": "Log audit hanya dapat diekspor sebagai .csv atau .xlsx: '{path}'.",
        "en": "The audit log exports only as .csv or .xlsx: '{path}'.",
    },
}
