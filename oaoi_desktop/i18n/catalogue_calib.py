"""Messages of the calib area (issue 17): the calibration round and shadow (trainee) judges."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- errors ------------------------------------------------------------------------
    "calib.no_dossiers_given": {
        "id": "Sebutkan nomor proposal kalibrasi (--dossier NOMOR, boleh diulang).",
        "en": "Name the calibration proposals (--dossier NUMBER, repeatable).",
    },
    "calib.round_closed": {
        "id": "Putaran kalibrasi kegiatan '{event}' sudah ditutup; tidak dapat diubah lagi.",
        "en": "The calibration round of event '{event}' is closed; it cannot be changed any more.",
    },
    "calib.flag_scored": {
        "id": "Proposal {dossier} sudah memiliki lembar penilaian terkirim: tanda kalibrasinya tidak dapat "
              "diubah (nilai akan berpindah masuk atau keluar dari hasil). Buka kunci lembarnya dulu, dengan alasan.",
        "en": "Proposal {dossier} already has a submitted score sheet: its calibration flag cannot change "
              "(scores would move into or out of the results). Unlock the sheet first, with a reason.",
    },
    "calib.none_flagged": {
        "id": "Kegiatan '{event}' belum memiliki proposal kalibrasi: tandai 2–3 proposal (kolom 'kalibrasi' "
              "saat impor, atau --dossier NOMOR).",
        "en": "Event '{event}' has no calibration proposal yet: flag 2–3 proposals (the 'kalibrasi' column "
              "at import, or --dossier NUMBER).",
    },
    "calib.no_judges": {
        "id": "Kegiatan '{event}' belum memiliki penilai aktif untuk putaran kalibrasi.",
        "en": "Event '{event}' has no active judge for the calibration round.",
    },
    "calib.not_started": {
        "id": "Putaran kalibrasi kegiatan '{event}' belum dimulai (oaoi calibration start).",
        "en": "The calibration round of event '{event}' has not been started (oaoi calibration start).",
    },
    "calib.reason_required": {
        "id": "Tuliskan alasan mengembalikan lembar kalibrasi ke draf (--reason).",
        "en": "Give a reason for sending the calibration sheet back to draft (--reason).",
    },
    "calib.not_calibration": {
        "id": "Proposal {dossier} bukan proposal kalibrasi.",
        "en": "Proposal {dossier} is not a calibration proposal.",
    },
    "calib.sheet_not_submitted": {
        "id": "Lembar kalibrasi {judge} untuk proposal {dossier} belum dikirim; tidak ada yang perlu dikembalikan.",
        "en": "{judge}'s calibration sheet for proposal {dossier} has not been submitted; nothing to send back.",
    },
    # -- texts -------------------------------------------------------------------------
    "calib.minutes_line": {
        "id": "Kalibrasi dilakukan pada {date} dengan {count} proposal kalibrasi; nilai kalibrasi tidak "
              "dihitung dalam hasil.",
        "en": "Calibration was held on {date} with {count} calibration proposals; calibration scores are "
              "not counted in the results.",
    },
    "calib.mark": {"id": "Kalibrasi", "en": "Calibration"},
    "calib.status.not_started": {"id": "belum dimulai", "en": "not started"},
    "calib.status.open": {"id": "berjalan sejak {when}", "en": "open since {when}"},
    "calib.status.closed": {"id": "ditutup {when}", "en": "closed {when}"},
    "calib.cli.started": {
        "id": "Putaran kalibrasi: {count} proposal ({dossiers}), {judges} penilai, {added} penugasan baru.",
        "en": "Calibration round: {count} proposals ({dossiers}), {judges} judges, {added} new assignments.",
    },
    "calib.cli.skipped": {
        "id": "Tidak ditugaskan (konflik kepentingan): {judge} — {dossier}",
        "en": "Not assigned (conflict of interest): {judge} — {dossier}",
    },
    "calib.cli.closed": {
        "id": "Putaran kalibrasi ditutup: {dossiers} proposal, {sheets} lembar terkirim.",
        "en": "Calibration round closed: {dossiers} proposals, {sheets} sheets submitted.",
    },
    "calib.cli.reset": {
        "id": "Lembar kalibrasi {judge} untuk {dossier} dikembalikan ke draf.",
        "en": "{judge}'s calibration sheet for {dossier} is back to draft.",
    },
    "calib.cli.flagged": {"id": "Ditandai sebagai kalibrasi: {dossiers}", "en": "Flagged as calibration: {dossiers}"},
    "calib.cli.unflagged": {"id": "Tanda kalibrasi dilepas: {dossiers}", "en": "Calibration flag removed: {dossiers}"},
    "calib.cli.pdf_written": {"id": "PDF ditulis: {path}", "en": "PDF written: {path}"},
    "calib.cli.help.group": {
        "id": "putaran kalibrasi: semua penilai menilai proposal yang sama sebelum penilaian sebenarnya",
        "en": "calibration round: every judge scores the same proposals before real scoring",
    },
    "calib.cli.help.start": {
        "id": "menandai (--dossier) dan menugaskan proposal kalibrasi ke setiap penilai aktif",
        "en": "flag (--dossier) and assign the calibration proposals to every active judge",
    },
    "calib.cli.help.report": {
        "id": "nilai setiap penilai per kriteria dibanding median panel, dengan deskriptor level",
        "en": "each judge's score per criterion against the panel median, with the level descriptors",
    },
    "calib.cli.help.close": {"id": "menutup dan mencatat putaran kalibrasi", "en": "close and record the calibration round"},
    "calib.cli.help.reset": {
        "id": "mengembalikan lembar kalibrasi seorang penilai ke draf (dengan alasan)",
        "en": "send a judge's calibration sheet back to draft (with a reason)",
    },
    "calib.cli.help.flag": {
        "id": "menandai proposal sebagai kalibrasi (--off: melepas tandanya)",
        "en": "flag proposals as calibration (--off: remove the flag)",
    },
    "calib.cli.help.dossier": {"id": "nomor proposal (boleh diulang)", "en": "proposal number (repeatable)"},
    "calib.cli.help.judge": {"id": "nama atau ID penilai", "en": "judge name or id"},
    "calib.cli.help.reason": {"id": "alasan (tercatat di log audit)", "en": "reason (recorded in the audit log)"},
    "calib.cli.help.pdf": {"id": "juga menulis laporan PDF ke BERKAS", "en": "also write the report as a PDF to FILE"},
    "calib.cli.help.off": {"id": "melepas tanda kalibrasi", "en": "remove the calibration flag"},
    "calib.cli.help.stage": {"id": "tahap penilaian (bawaan: tahap pertama)", "en": "stage (default: the first)"},
    "shadow.cli.help.group": {
        "id": "penilai magang (shadow): laporan perbandingan dengan panel",
        "en": "shadow (trainee) judges: the comparison with the panel",
    },
    "shadow.cli.help.report": {
        "id": "Laporan penilai magang: simpangan rata-rata absolut dan korelasi peringkat (Spearman)",
        "en": "Trainee judge report: mean absolute deviation and rank correlation (Spearman)",
    },
    "cli.user_add_shadow_needs_event": {
        "id": "Penilai magang masuk daftar penilai sebuah kegiatan: tambahkan --event ID dan --instansi.",
        "en": "A shadow judge joins an event's roster: add --event ID and --instansi.",
    },
    "shadow.not_shadow": {
        "id": "{judge} bukan penilai magang (shadow); penugasan panel dibuat dengan 'oaoi assign'.",
        "en": "{judge} is not a shadow (trainee) judge; panel assignments are made with 'oaoi assign'.",
    },
    "shadow.nothing_to_assign": {
        "id": "Tidak ada proposal untuk {judge}: sebutkan --follow PENILAI atau --dossier NOMOR.",
        "en": "No proposal for {judge}: give --follow JUDGE or --dossier NUMBER.",
    },
    "shadow.cli.assigned": {
        "id": "{judge}: {count} proposal baru ditugaskan ({dossiers}).",
        "en": "{judge}: {count} proposals newly assigned ({dossiers}).",
    },
    "shadow.cli.help.assign": {
        "id": "menugaskan penilai magang: proposal mentor yang diikuti (--follow) dan/atau --dossier",
        "en": "assign a shadow judge: the proposals of the mentor they follow (--follow) and/or --dossier",
    },
    "shadow.cli.help.follow": {"id": "penilai panel yang diikuti (mentor)", "en": "the panel judge followed (mentor)"},
    "shadow.cli.none": {
        "id": "Kegiatan ini tidak memiliki penilai magang.",
        "en": "This event has no shadow (trainee) judge.",
    },
    # -- columns (table output and PDFs) ------------------------------------------------
    "calib.col.dossier": {"id": "Proposal", "en": "Proposal"},
    "calib.col.criterion": {"id": "Kriteria", "en": "Criterion"},
    "calib.col.judge": {"id": "Penilai", "en": "Judge"},
    "calib.col.role": {"id": "Peran", "en": "Role"},
    "calib.col.score": {"id": "Nilai", "en": "Score"},
    "calib.col.median": {"id": "Median panel", "en": "Panel median"},
    "calib.col.deviation": {"id": "Selisih", "en": "Difference"},
    "calib.col.level": {"id": "Level", "en": "Level"},
    "calib.col.status": {"id": "Status", "en": "Status"},
    "calib.col.levels": {"id": "Deskriptor level", "en": "Level descriptors"},
    "shadow.col.judge": {"id": "Penilai magang", "en": "Trainee judge"},
    "shadow.col.dossier": {"id": "Proposal", "en": "Proposal"},
    "shadow.col.shadow_total": {"id": "Total magang", "en": "Trainee total"},
    "shadow.col.panel_mean": {"id": "Rata-rata panel", "en": "Panel mean"},
    "shadow.col.panel_judges": {"id": "Penilai panel", "en": "Panel judges"},
    "shadow.col.deviation": {"id": "Selisih", "en": "Difference"},
    "shadow.col.mad": {"id": "Simpangan rata-rata absolut", "en": "Mean absolute deviation"},
    "shadow.col.spearman": {"id": "Korelasi peringkat (Spearman)", "en": "Rank correlation (Spearman)"},
    "shadow.col.compared": {"id": "Proposal dibandingkan", "en": "Proposals compared"},
    "calib.role.chair": {"id": "ketua", "en": "chair"},
    "calib.role.member": {"id": "anggota", "en": "member"},
    "calib.role.shadow": {"id": "magang", "en": "trainee"},
    "calib.sheet.not_started": {"id": "belum dinilai", "en": "not scored"},
    "calib.sheet.draft": {"id": "draf", "en": "draft"},
    "calib.sheet.submitted": {"id": "terkirim", "en": "submitted"},
    "calib.sheet.locked": {"id": "terkunci", "en": "locked"},
    # -- PDFs ---------------------------------------------------------------------------
    "calib.pdf.title": {"id": "Laporan Putaran Kalibrasi", "en": "Calibration Round Report"},
    "calib.pdf.subtitle": {
        "id": "Nilai setiap penilai dibanding median panel — tidak dihitung dalam hasil",
        "en": "Each judge's score against the panel median — not counted in the results",
    },
    "calib.pdf.dossier": {"id": "Proposal kalibrasi {number} — {title}", "en": "Calibration proposal {number} — {title}"},
    "calib.pdf.state": {"id": "Status putaran: {state}", "en": "Round: {state}"},
    "shadow.pdf.title": {"id": "Laporan Penilai Magang", "en": "Trainee Judge Report"},
    "shadow.pdf.subtitle": {
        "id": "Perbandingan penilai magang dengan panel — bukan bagian dari hasil penilaian",
        "en": "Trainee judges compared with the panel — not part of the results",
    },
    "shadow.pdf.method": {
        "id": "Total setiap penilai magang dibandingkan dengan rata-rata total penilai panel (ketua dan anggota) "
              "pada proposal yang sama. Simpangan rata-rata absolut: rata-rata |total magang − rata-rata panel|. "
              "Korelasi peringkat: koefisien Spearman antara urutan total magang dan urutan rata-rata panel "
              "(1 = urutan sama, 0 = tidak berkaitan, −1 = terbalik).",
        "en": "Each trainee judge's total is compared with the mean total of the panel judges (chair and members) "
              "on the same proposals. Mean absolute deviation: the mean of |trainee total − panel mean|. "
              "Rank correlation: Spearman's coefficient between the order of the trainee's totals and the order "
              "of the panel means (1 = same order, 0 = unrelated, −1 = reversed).",
    },
    "shadow.pdf.judge": {"id": "{judge} ({instansi})", "en": "{judge} ({instansi})"},
    "shadow.pdf.summary": {
        "id": "Proposal dibandingkan: {compared}. Simpangan rata-rata absolut: {mad}. Korelasi peringkat: {rho}.",
        "en": "Proposals compared: {compared}. Mean absolute deviation: {mad}. Rank correlation: {rho}.",
    },
    "shadow.pdf.none": {"id": "Tidak ada penilai magang.", "en": "No trainee judge."},
}
