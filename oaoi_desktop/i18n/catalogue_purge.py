"""Messages of the purge area (issue 17): purge with a destruction record (Berita Acara Pemusnahan Data)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- errors ------------------------------------------------------------------------
    "purge.not_finalised": {
        "id": "Kegiatan '{event}' belum difinalisasi: data proposal hanya dapat dimusnahkan setelah hasil "
              "difinalisasi (oaoi event finalise).",
        "en": "Event '{event}' is not finalised: proposal data can be purged only after the results are "
              "finalised (oaoi event finalise).",
    },
    "purge.reason_required": {
        "id": "Masa retensi kegiatan '{event}' baru berakhir pada {due}: pemusnahan lebih awal memerlukan "
              "alasan keputusan sekretariat (--reason TEKS).",
        "en": "The retention period of event '{event}' ends only on {due}: an earlier purge needs the "
              "secretariat's reasoned decision (--reason TEXT).",
    },
    "purge.reason_required_no_retention": {
        "id": "Kegiatan '{event}' tidak memiliki masa retensi: pemusnahan memerlukan alasan keputusan "
              "sekretariat (--reason TEKS), atau tetapkan masa retensi (oaoi event update --retention-days N).",
        "en": "Event '{event}' has no retention period: a purge needs the secretariat's reasoned decision "
              "(--reason TEXT), or set a retention period (oaoi event update --retention-days N).",
    },
    "purge.bad_retention": {
        "id": "Masa retensi '{value}' tidak sah: tulis jumlah hari 0 sampai {maximum}.",
        "en": "Retention period '{value}' is not valid: give a number of days from 0 to {maximum}.",
    },
    "purge.cannot_write": {
        "id": "Berita Acara Pemusnahan Data tidak dapat ditulis ke {path}: {reason}. Tidak ada data yang "
              "dimusnahkan.",
        "en": "The Berita Acara Pemusnahan Data cannot be written to {path}: {reason}. Nothing was purged.",
    },
    "purge.import_refused": {
        "id": "Data proposal kegiatan '{event}' telah dimusnahkan pada {when} (Berita Acara Pemusnahan Data "
              "No. {number}): impor ke kegiatan ini ditolak.",
        "en": "The proposal data of event '{event}' was purged on {when} (Berita Acara Pemusnahan Data "
              "No. {number}): importing into this event is refused.",
    },
    "purge.reopen_refused": {
        "id": "Data proposal kegiatan '{event}' telah dimusnahkan (Berita Acara Pemusnahan Data No. {number}): "
              "kegiatan ini tidak dapat dibuka kembali untuk dinilai ulang.",
        "en": "The proposal data of event '{event}' was purged (Berita Acara Pemusnahan Data No. {number}): "
              "the event cannot be reopened to be judged again.",
    },
    "purge.notice": {
        "id": "Isi proposal telah dimusnahkan pada {when} (Berita Acara Pemusnahan Data No. {number}).",
        "en": "The proposal's content was purged on {when} (Berita Acara Pemusnahan Data No. {number}).",
    },
    "purge.audit.marked": {
        "id": "{count} entri dengan muatan dimusnahkan (ditandai); tautan dan hash tersimpannya tetap "
              "diperiksa terhadap entri pemusnahan.",
        "en": "{count} entries with purged payloads (marked); their links and stored hashes are still "
              "checked against the purge entry.",
    },
    # -- audit view labels ---------------------------------------------------------------
    "blindstart.audit_action.event.purged": {"id": "Data proposal dimusnahkan", "en": "Proposal data purged"},
    "blindstart.audit_action.event.retention_set": {"id": "Masa retensi ditetapkan", "en": "Retention period set"},
    # -- the document --------------------------------------------------------------------
    "documents.title.purge": {"id": "BERITA ACARA PEMUSNAHAN DATA", "en": "RECORD OF DATA DESTRUCTION"},
    "purge.pdf.opening": {
        "id": "Pada {when}, atas nama sekretariat, {by} memusnahkan isi proposal dan lampiran kegiatan "
              "'{event}' sebagaimana dirinci di bawah ini.",
        "en": "On {when}, on behalf of the secretariat, {by} purged the proposal content and attachments of "
              "event '{event}' as itemised below.",
    },
    "purge.pdf.event": {"id": "Kegiatan", "en": "Event"},
    "purge.pdf.when": {"id": "Waktu pemusnahan", "en": "Purged at"},
    "purge.pdf.by": {"id": "Dilakukan oleh", "en": "Purged by"},
    "purge.pdf.basis": {"id": "Dasar", "en": "Basis"},
    "purge.pdf.basis_retention": {
        "id": "Masa retensi {days} hari sejak finalisasi telah berakhir.",
        "en": "The retention period of {days} days since finalisation has passed.",
    },
    "purge.pdf.basis_decision": {
        "id": "Keputusan sekretariat sebelum masa retensi berakhir, dengan alasan: {reason}",
        "en": "The secretariat's decision before the retention period ended, with the reason: {reason}",
    },
    "purge.pdf.finalised": {"id": "Hasil difinalisasi", "en": "Results finalised"},
    "purge.pdf.counts": {"id": "Jumlah", "en": "Counts"},
    "purge.pdf.counts_text": {
        "id": "{dossiers} proposal; {revisions} revisi isi; {attachments} lampiran ({blobs} berkas, {bytes}); "
              "{marked} entri log audit ditandai",
        "en": "{dossiers} proposals; {revisions} content revisions; {attachments} attachments ({blobs} files, "
              "{bytes}); {marked} audit log entries marked",
    },
    "purge.pdf.head_before": {"id": "Kepala rantai audit sebelum", "en": "Audit chain head before"},
    "purge.pdf.head_after": {"id": "Kepala rantai audit sesudah (entri pemusnahan)",
                             "en": "Audit chain head after (the purge entry)"},
    "purge.pdf.kept": {
        "id": "Tetap disimpan: nomor, judul, instansi, klaster, kelompok dan kategori proposal, lembar penilaian, "
              "nilai, komentar, keputusan pleno, dokumen yang telah diterbitkan beserta sidik jarinya, dan seluruh "
              "rantai log audit (entri yang muatannya dimusnahkan ditandai, hash-nya tetap).",
        "en": "Kept: the proposals' number, title, instansi, klaster, kelompok and kategori, score sheets, "
              "scores, comments, plenary decisions, issued documents with their fingerprints, and the whole "
              "audit chain (entries whose payload was purged are marked; their hashes stay).",
    },
    "purge.pdf.items_heading": {"id": "Rincian data yang dimusnahkan", "en": "Items destroyed"},
    "purge.pdf.col.no": {"id": "No.", "en": "No."},
    "purge.pdf.col.dossier": {"id": "Proposal", "en": "Proposal"},
    "purge.pdf.col.kind": {"id": "Jenis", "en": "Kind"},
    "purge.pdf.col.name": {"id": "Nama berkas", "en": "File name"},
    "purge.pdf.col.sha256": {"id": "SHA-256", "en": "SHA-256"},
    "purge.pdf.backups_heading": {"id": "Cadangan yang lebih lama dari pemusnahan",
                                  "en": "Backups older than the purge"},
    "purge.pdf.backups_request": {
        "id": "{count} berkas cadangan berikut dibuat sebelum pemusnahan dan masih memuat data yang dimusnahkan. "
              "Sekretariat diminta memusnahkan berkas-berkas tersebut juga.",
        "en": "The {count} backup files below were made before the purge and still hold the purged data. "
              "The secretariat is asked to destroy them too.",
    },
    "purge.pdf.no_backups": {"id": "Tidak ditemukan cadangan yang lebih lama dari pemusnahan.",
                             "en": "No backup older than the purge was found."},
    "purge.pdf.signature_intro": {"id": "Mengetahui,", "en": "Acknowledged by,"},
    # -- the CLI ------------------------------------------------------------------------------
    "purge.cli.help.purge": {
        "id": "musnahkan isi proposal dan lampiran kegiatan yang telah difinalisasi, dengan Berita Acara "
              "Pemusnahan Data",
        "en": "purge the proposal content and attachments of a finalised event, with a Berita Acara "
              "Pemusnahan Data",
    },
    "purge.cli.help.reason": {"id": "alasan keputusan sekretariat (wajib sebelum masa retensi berakhir)",
                              "en": "the secretariat's reason (required before the retention period ends)"},
    "purge.cli.help.pdf": {"id": "berkas PDF Berita Acara Pemusnahan Data",
                           "en": "the Berita Acara Pemusnahan Data PDF file"},
    "purge.cli.help.out": {"id": "folder tujuan PDF (bawaan: folder saat ini)",
                           "en": "folder for the PDF (default: the current folder)"},
    "purge.cli.help.dry_run": {"id": "tampilkan saja apa yang akan dimusnahkan", "en": "only show what would be purged"},
    "purge.cli.help.backups_folder": {"id": "folder lain berisi cadangan yang perlu diperiksa (boleh diulang)",
                                      "en": "another folder holding backups to list (repeatable)"},
    "purge.cli.help.sign_as": {"id": "tandatangani PDF sebagai orang ini (ketua)",
                               "en": "sign the PDF as this person (the chair)"},
    "purge.cli.help.passphrase_file": {"id": "berkas berisi frasa sandi penandatangan",
                                       "en": "file holding the signer's passphrase"},
    "purge.cli.help.retention_days": {"id": "masa retensi data proposal dalam hari sejak finalisasi",
                                      "en": "retention period of the proposal data, in days since finalisation"},
    "purge.cli.done": {
        "id": "Data proposal kegiatan '{event}' dimusnahkan oleh {by} pada {when}: {dossiers} proposal, "
              "{revisions} revisi isi, {attachments} lampiran, {bytes} bita; {marked} entri log audit ditandai.",
        "en": "The proposal data of event '{event}' was purged by {by} at {when}: {dossiers} proposals, "
              "{revisions} content revisions, {attachments} attachments, {bytes} bytes; {marked} audit log "
              "entries marked.",
    },
    "purge.cli.pdf": {"id": "Berita Acara Pemusnahan Data No. {number}: {path}",
                      "en": "Berita Acara Pemusnahan Data No. {number}: {path}"},
    "purge.cli.already": {
        "id": "Data proposal kegiatan '{event}' sudah dimusnahkan pada {when} oleh {by} (Berita Acara "
              "Pemusnahan Data No. {number}); tidak ada yang diubah.",
        "en": "The proposal data of event '{event}' was already purged at {when} by {by} (Berita Acara "
              "Pemusnahan Data No. {number}); nothing was changed.",
    },
    "purge.cli.backups": {
        "id": "{count} cadangan lebih lama dari pemusnahan masih memuat data tersebut; musnahkan juga:",
        "en": "{count} backups older than the purge still hold that data; destroy them too:",
    },
    "purge.cli.backup_line": {"id": "  - {path} ({when}, SHA-256 {sha256})", "en": "  - {path} ({when}, SHA-256 {sha256})"},
    "purge.cli.no_backups": {"id": "Tidak ditemukan cadangan yang lebih lama dari pemusnahan.",
                             "en": "No backup older than the purge was found."},
    "purge.cli.plan": {
        "id": "Akan dimusnahkan dari kegiatan '{event}': {dossiers} proposal, {revisions} revisi isi, "
              "{attachments} lampiran ({bytes} bita), {marked} entri log audit ditandai.",
        "en": "Would purge from event '{event}': {dossiers} proposals, {revisions} content revisions, "
              "{attachments} attachments ({bytes} bytes), {marked} audit log entries marked.",
    },
    "purge.cli.retention_none": {"id": "Masa retensi: tidak ditetapkan (hanya dengan alasan keputusan).",
                                 "en": "Retention period: not set (only on a reasoned decision)."},
    "purge.cli.retention": {"id": "Masa retensi: {days} hari, berakhir {due}.",
                            "en": "Retention period: {days} days, ending {due}."},
    "purge.cli.signed": {"id": "Ditandatangani oleh {name}.", "en": "Signed by {name}."},
    "purge.cli.sign_failed": {"id": "Penandatanganan gagal: {message}", "en": "Signing failed: {message}"},
    "purge.cli.retention_set": {"id": "Masa retensi kegiatan '{event}': {days} hari sejak finalisasi.",
                                "en": "Retention period of event '{event}': {days} days since finalisation."},
    "purge.cli.retention_cleared": {"id": "Masa retensi kegiatan '{event}' dihapus.",
                                    "en": "Retention period of event '{event}' cleared."},
}
