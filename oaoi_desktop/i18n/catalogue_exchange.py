"""Messages of the USB exchange: panel packages, judge bundles, merge conflicts (issue 7)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- packages
    "exchange.cancelled": {"id": "Dibatalkan; tidak ada yang diubah.", "en": "Cancelled; nothing was changed."},
    "exchange.passphrase_too_short": {
        "id": "Frasa sandi juri minimal {min} karakter.",
        "en": "The judge's passphrase needs at least {min} characters.",
    },
    "exchange.passphrase_not_judges": {
        "id": "Frasa sandi ini tidak membuka kunci tanda tangan {judge}; paket harus dienkripsi dengan frasa sandi juri itu sendiri.",
        "en": "This passphrase does not open {judge}'s signing key; the package must be encrypted with that judge's own passphrase.",
    },
    "exchange.out_not_folder": {"id": "{path} bukan folder.", "en": "{path} is not a folder."},
    "exchange.cannot_write": {"id": "Tidak dapat menulis ke {path}: {reason}", "en": "Cannot write to {path}: {reason}"},
    "exchange.attachment_missing": {
        "id": "Isi lampiran {sha256} tidak ada di penyimpanan; impor ulang proposalnya dahulu.",
        "en": "The content of attachment {sha256} is missing from the store; import the proposal again first.",
    },
    "exchange.no_such_path": {"id": "{path} tidak ditemukan.", "en": "{path} does not exist."},
    "exchange.not_a_package": {
        "id": "{path} bukan paket panel oaoi (berkas oaoi-package.json tidak ada).",
        "en": "{path} is not an oaoi panel package (no oaoi-package.json).",
    },
    "exchange.package_version": {
        "id": "Paket {path} berformat versi {version}; aplikasi ini membaca versi {supported}. Perbarui aplikasi.",
        "en": "The package {path} has format version {version}; this app reads version {supported}. Update the app.",
    },
    "exchange.package_damaged": {
        "id": "Paket {path} rusak atau tidak lengkap ({detail}); minta sekretariat mengekspornya lagi.",
        "en": "The package {path} is damaged or incomplete ({detail}); ask the secretariat to export it again.",
    },
    "exchange.wrong_passphrase": {
        "id": "Frasa sandi salah untuk paket {path} (atau paketnya rusak).",
        "en": "Wrong passphrase for the package {path} (or the package is damaged).",
    },
    "exchange.package_on_secretariat": {
        "id": "Kegiatan '{event}' di basis data ini milik sekretariat; paket panel {path} hanya diimpor di laptop juri.",
        "en": "The event '{event}' in this database is the secretariat's own; the panel package {path} is imported on a judge's laptop only.",
    },
    "exchange.other_judge_laptop": {
        "id": "Laptop ini sudah dipakai juri lain untuk kegiatan '{event}'; paket {path} tidak diterapkan.",
        "en": "This laptop is already set up for another judge of '{event}'; the package {path} was not applied.",
    },
    "exchange.package_older": {
        "id": "Paket {path} (generasi {generation}) lebih lama dari yang sudah diterapkan (generasi {applied}); tidak diterapkan.",
        "en": "The package {path} (generation {generation}) is older than the one already applied (generation {applied}); not applied.",
    },
    # -- bundles: rejections (each names the file)
    "exchange.bundle_missing": {"id": "{file}: berkas tidak ditemukan.", "en": "{file}: no such file."},
    "exchange.bundle_unreadable": {"id": "{file}: tidak dapat dibaca: {reason}", "en": "{file}: cannot be read: {reason}"},
    "exchange.bundle_too_large": {
        "id": "{file}: terlalu besar untuk bundel juri (lebih dari {limit_mb} MB).",
        "en": "{file}: too large for a judge bundle (more than {limit_mb} MB).",
    },
    "exchange.bundle_corrupt": {
        "id": "{file}: bukan bundel juri yang utuh (rusak atau format lain); ditolak, tidak ada yang diubah.",
        "en": "{file}: not an intact judge bundle (damaged or another format); rejected, nothing changed.",
    },
    "exchange.bundle_truncated": {
        "id": "{file}: bundel terpotong (tidak lengkap, mungkin USB dicabut saat menyalin); ditolak, tidak ada yang diubah.",
        "en": "{file}: the bundle is truncated (incomplete, perhaps the stick was pulled while copying); rejected, nothing changed.",
    },
    "exchange.bundle_version": {
        "id": "{file}: format bundel versi {version}; aplikasi ini membaca versi {supported}.",
        "en": "{file}: bundle format version {version}; this app reads version {supported}.",
    },
    "exchange.bundle_tampered": {
        "id": "{file}: isi bundel telah diubah setelah ditandatangani; ditolak, tidak ada yang diubah.",
        "en": "{file}: the bundle was changed after it was signed; rejected, nothing changed.",
    },
    "exchange.bundle_bad_signature": {
        "id": "{file}: tanda tangan tidak cocok dengan isi bundel (diubah atau rusak); ditolak, tidak ada yang diubah.",
        "en": "{file}: the signature does not match the bundle's content (changed or damaged); rejected, nothing changed.",
    },
    "exchange.bundle_foreign_event": {
        "id": "{file}: bundel ini untuk kegiatan '{bundle_event}', bukan '{event}'; ditolak, tidak ada yang diubah.",
        "en": "{file}: this bundle is for the event '{bundle_event}', not '{event}'; rejected, nothing changed.",
    },
    "exchange.bundle_rubric": {
        "id": "{file}: instrumen penilaian bundel (SHA-256) berbeda dengan instrumen kegiatan '{event}'; ditolak, tidak ada yang diubah.",
        "en": "{file}: the bundle's rubric (SHA-256) differs from the rubric of '{event}'; rejected, nothing changed.",
    },
    "exchange.bundle_unknown_judge": {
        "id": "{file}: juri '{judge}' tidak ada di daftar juri kegiatan '{event}'; ditolak, tidak ada yang diubah.",
        "en": "{file}: judge '{judge}' is not on the roster of '{event}'; rejected, nothing changed.",
    },
    "exchange.bundle_unknown_signer": {
        "id": "{file}: penanda tangan '{subject}' tidak dikenal (sertifikatnya tidak diterbitkan otoritas kegiatan '{event}'); ditolak, tidak ada yang diubah.",
        "en": "{file}: unknown signer '{subject}' (the certificate was not issued by the authority of '{event}'); rejected, nothing changed.",
    },
    "exchange.bundle_signed_by_other": {
        "id": "{file}: ditandatangani oleh {signer}, bukan oleh {judge} yang lembarnya ada di bundel; ditolak, tidak ada yang diubah.",
        "en": "{file}: signed by {signer}, not by {judge} whose sheets it carries; rejected, nothing changed.",
    },
    "exchange.bundle_not_judges_key": {
        "id": "{file}: ditandatangani dengan sertifikat '{subject}' yang bukan sertifikat aktif {judge}; ditolak, tidak ada yang diubah.",
        "en": "{file}: signed with the certificate '{subject}', which is not {judge}'s active certificate; rejected, nothing changed.",
    },
    "exchange.bundle_bad_sheet": {
        "id": "{file}: isian '{field}' di bundel tidak valid; ditolak, tidak ada yang diubah.",
        "en": "{file}: the field '{field}' in the bundle is not valid; rejected, nothing changed.",
    },
    "exchange.event_finalised": {
        "id": "{file}: kegiatan '{event}' sudah difinalisasi (Berita Acara ditandatangani); buka kembali dahulu.",
        "en": "{file}: the event '{event}' is finalised (Berita Acara signed); reopen it first.",
    },
    # -- bundles: sheets not merged
    "exchange.sheet_unknown_dossier": {
        "id": "Proposal {dossier} tidak ada di kegiatan ini; lembar tidak digabung.",
        "en": "Dossier {dossier} is not in this event; the sheet was not merged.",
    },
    "exchange.sheet_unknown_stage": {
        "id": "Proposal {dossier}: tahap '{stage}' tidak ada di instrumen; lembar tidak digabung.",
        "en": "Dossier {dossier}: stage '{stage}' is not in the rubric; the sheet was not merged.",
    },
    "exchange.sheet_not_assigned": {
        "id": "Proposal {dossier} (tahap {stage}) tidak lagi ditugaskan kepada juri ini; lembar tidak digabung.",
        "en": "Dossier {dossier} (stage {stage}) is no longer assigned to this judge; the sheet was not merged.",
    },
    "exchange.sheet_stage_closed": {
        "id": "Proposal {dossier}: tahap {stage} sudah ditutup; lembar tidak digabung.",
        "en": "Dossier {dossier}: stage {stage} is closed; the sheet was not merged.",
    },
    "exchange.sheet_recused": {
        "id": "Proposal {dossier}: juri ini tidak boleh menilainya (benturan kepentingan); lembar tidak digabung.",
        "en": "Dossier {dossier}: this judge may not score it (conflict of interest); the sheet was not merged.",
    },
    "exchange.sheet_conflict_declared": {
        "id": "Proposal {dossier}: juri ini menyatakan benturan kepentingan; lembar yang dikirim tidak digabung.",
        "en": "Dossier {dossier}: this judge declared a conflict of interest; the submitted sheet was not merged.",
    },
    "exchange.sheet_bad_criterion": {
        "id": "Proposal {dossier}: kriteria '{criterion}' tidak ada di instrumen; lembar tidak digabung.",
        "en": "Dossier {dossier}: criterion '{criterion}' is not in the rubric; the sheet was not merged.",
    },
    "exchange.sheet_off_scale": {
        "id": "Proposal {dossier}: nilai {value} untuk '{criterion}' di luar skala; lembar tidak digabung.",
        "en": "Dossier {dossier}: score {value} for '{criterion}' is off the scale; the sheet was not merged.",
    },
    # -- conflicts
    "exchange.resolve_reason_required": {
        "id": "Alasan wajib diisi untuk menyelesaikan konflik lembar penilaian.",
        "en": "A reason is required to resolve a sheet conflict.",
    },
    "exchange.resolve_bad_choice": {
        "id": "Pilihan '{choice}' tidak dikenal (stored atau incoming).",
        "en": "Unknown choice '{choice}' (stored or incoming).",
    },
    "exchange.conflict_not_found": {"id": "Konflik {conflict} tidak ditemukan.", "en": "No conflict {conflict}."},
    "exchange.conflict_resolved": {"id": "Konflik {conflict} sudah diselesaikan.", "en": "Conflict {conflict} is already resolved."},
    # -- CLI
    "exchange.cli.help.package": {"id": "paket panel terenkripsi untuk laptop juri", "en": "encrypted panel packages for judges' laptops"},
    "exchange.cli.help.package_export": {
        "id": "ekspor paket panel seorang juri ke folder (USB)", "en": "export one judge's panel package into a folder (USB)"},
    "exchange.cli.help.package_import": {
        "id": "impor paket panel di laptop juri", "en": "import a panel package on the judge's laptop"},
    "exchange.cli.help.bundle": {"id": "bundel lembar penilaian bertanda tangan", "en": "signed bundles of score sheets"},
    "exchange.cli.help.bundle_export": {
        "id": "ekspor lembar penilaian juri sebagai bundel bertanda tangan (laptop juri)",
        "en": "export the judge's score sheets as a signed bundle (judge's laptop)"},
    "exchange.cli.help.bundle_import": {
        "id": "periksa dan gabungkan bundel juri (laptop sekretariat)",
        "en": "verify and merge judges' bundles (secretariat's laptop)"},
    "exchange.cli.help.conflicts": {"id": "daftar konflik lembar penilaian", "en": "list sheet conflicts"},
    "exchange.cli.help.resolve": {"id": "selesaikan konflik lembar penilaian dengan alasan", "en": "resolve a sheet conflict with a reason"},
    "exchange.cli.help.out": {"id": "folder tujuan", "en": "target folder"},
    "exchange.cli.help.dir": {"id": "folder paket (atau berkas oaoi-package.json)", "en": "the package folder (or its oaoi-package.json)"},
    "exchange.cli.help.files": {"id": "berkas bundel (.oaoi-bundle) atau folder berisi bundel", "en": "bundle files (.oaoi-bundle) or folders holding them"},
    "exchange.cli.help.passphrase_file": {"id": "berkas berisi frasa sandi juri", "en": "file holding the judge's passphrase"},
    "exchange.cli.help.judge": {"id": "juri (id atau nama persis)", "en": "the judge (id or exact name)"},
    "exchange.cli.help.all": {"id": "termasuk konflik yang sudah diselesaikan", "en": "include resolved conflicts"},
    "exchange.cli.help.keep": {"id": "versi yang dipertahankan", "en": "the version to keep"},
    "exchange.cli.help.reason": {"id": "alasan (wajib)", "en": "the reason (required)"},
    "exchange.cli.help.conflict": {"id": "id konflik", "en": "the conflict's id"},
    "exchange.cli.prompt_passphrase": {"id": "Frasa sandi juri", "en": "Judge's passphrase"},
    "exchange.cli.passphrase_required": {
        "id": "Frasa sandi diperlukan: berikan --passphrase-file BERKAS, atau isi OAOI_PASSPHRASE bila tidak ada terminal.",
        "en": "A passphrase is required: give --passphrase-file FILE, or set OAOI_PASSPHRASE when there is no terminal.",
    },
    "exchange.cli.package_written": {
        "id": "Paket untuk {judge} ditulis ke {path}: {dossiers} proposal, {files} berkas ({mb} MB baru), {sheets} lembar, generasi {generation}.",
        "en": "Package for {judge} written to {path}: {dossiers} dossiers, {files} files ({mb} MB new), {sheets} sheets, generation {generation}.",
    },
    "exchange.cli.package_applied": {
        "id": "Paket generasi {generation} diterapkan untuk {judge} ({event}): proposal +{added} ~{updated}, penugasan +{assigned} -{unassigned}, berkas +{files}, lembar +{sheets_added} ~{sheets_updated}, lembar laptop dipertahankan {kept}.",
        "en": "Package generation {generation} applied for {judge} ({event}): dossiers +{added} ~{updated}, assignments +{assigned} -{unassigned}, files +{files}, sheets +{sheets_added} ~{sheets_updated}, laptop sheets kept {kept}.",
    },
    "exchange.cli.package_next": {
        "id": "Juri kini dapat masuk dengan PIN-nya: oaoi-desktop ▸ Berkas ▸ Masuk sebagai penilai.",
        "en": "The judge can now sign in with their PIN: oaoi-desktop ▸ File ▸ Sign in as judge.",
    },
    "exchange.cli.bundle_written": {
        "id": "Bundel ditulis: {path} ({sheets} lembar, rantai audit #{seq} {hash}).",
        "en": "Bundle written: {path} ({sheets} sheets, audit chain #{seq} {hash}).",
    },
    "exchange.cli.file_merged": {
        "id": "{file}: digabung ({judge}) — baru {added}, diperbarui {updated}, sama {unchanged}, lebih lama {older}, konflik {conflict}, dilewati {skipped}.",
        "en": "{file}: merged ({judge}) — added {added}, updated {updated}, unchanged {unchanged}, older {older}, conflicts {conflict}, skipped {skipped}.",
    },
    "exchange.cli.file_already": {
        "id": "{file}: sudah digabung sebelumnya ({judge}); tidak ada yang berubah.",
        "en": "{file}: already merged before ({judge}); nothing changed.",
    },
    "exchange.cli.summary": {
        "id": "{merged} berkas digabung, {already} sudah pernah, {rejected} ditolak; {conflicts} konflik menunggu keputusan sekretariat.",
        "en": "{merged} files merged, {already} already merged, {rejected} rejected; {conflicts} conflicts await the secretariat's decision.",
    },
    "exchange.cli.resolved": {
        "id": "Konflik proposal {dossier} ({judge}) diselesaikan: versi {kept} dipertahankan.",
        "en": "Conflict on dossier {dossier} ({judge}) resolved: the {kept} version is kept.",
    },
    "exchange.cli.no_conflicts": {"id": "Tidak ada konflik terbuka.", "en": "No open conflicts."},
}
