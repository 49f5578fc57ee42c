"""Messages of the secretariat console: assignment, roster import, exports,
agreement statistics, method comparison (services and ``oaoi`` commands)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- assignment ----------------------------------------------------------------
    "assign.conflict_declared": {
        "id": "{judge} telah menyatakan benturan kepentingan atas proposal {dossier}; tidak dapat ditugaskan.",
        "en": "{judge} declared a conflict of interest on dossier {dossier}; they cannot be assigned to it.",
    },
    "assign.judge_inactive": {
        "id": "Juri {judge} tidak aktif; tidak dapat diberi tugas.",
        "en": "Judge {judge} is inactive and cannot be given work.",
    },
    "assign.not_assigned": {
        "id": "{judge} tidak ditugaskan menilai proposal {dossier} pada tahap {stage}.",
        "en": "{judge} is not assigned to dossier {dossier} in stage {stage}.",
    },
    "assign.sheet_submitted": {
        "id": "{judge} sudah menyerahkan lembar penilaian proposal {dossier}; buka kuncinya dahulu (dengan alasan) sebelum mencabut penugasan.",
        "en": "{judge} has already submitted the score sheet of dossier {dossier}; unlock it first (with a reason) before removing the assignment.",
    },
    "assign.bad_per_dossier": {
        "id": "Jumlah juri per proposal harus bilangan bulat 1–{max}, bukan {value}.",
        "en": "Judges per dossier must be a whole number from 1 to {max}, not {value}.",
    },
    "assign.no_dossiers": {
        "id": "Kegiatan '{event}' belum memiliki proposal untuk ditugaskan.",
        "en": "Event '{event}' has no dossiers to assign yet.",
    },
    "assign.shortfall.too_few_eligible": {
        "id": "Proposal {dossier}: hanya {eligible} juri yang boleh menilai (tanpa benturan kepentingan, aktif), dibutuhkan {wanted}; kini {assigned} juri.",
        "en": "Dossier {dossier}: only {eligible} judges may judge it (active, no conflict of interest), {wanted} needed; it now has {assigned}.",
    },
    "assign.shortfall.no_judges": {
        "id": "Proposal {dossier}: tidak ada juri aktif di kegiatan ini; dibutuhkan {wanted}.",
        "en": "Dossier {dossier}: the event has no active judge; {wanted} needed.",
    },
    "assign.cli.summary": {
        "id": "Tahap {stage}: {added} penugasan ditambahkan (seed {seed}); beban juri {low}–{high} proposal{balanced}.",
        "en": "Stage {stage}: {added} assignments added (seed {seed}); judges' loads {low}–{high} dossiers{balanced}.",
    },
    "assign.cli.unbalanced": {
        "id": " (selisih lebih dari 1 karena batasan benturan kepentingan atau penugasan lama)",
        "en": " (more than 1 apart because of conflict-of-interest limits or earlier assignments)",
    },
    "assign.cli.shortfall_summary": {
        "id": "{count} proposal tidak mendapat {wanted} juri.",
        "en": "{count} dossiers could not get {wanted} judges.",
    },
    "assign.cli.invalid_existing": {
        "id": "Penugasan lama yang tidak dihitung lagi (benturan kepentingan atau juri tidak aktif): {dossier} — {judge}",
        "en": "Earlier assignment no longer counted (conflict of interest or inactive judge): {dossier} — {judge}",
    },
    "assign.cli.unassigned": {
        "id": "Penugasan {judge} atas proposal {dossier} dicabut.",
        "en": "{judge} was removed from dossier {dossier}.",
    },
    "assign.cli.help.assign": {
        "id": "Tugaskan juri secara otomatis dan seimbang (hanya menambah yang kurang)",
        "en": "Assign judges automatically and evenly (only tops up what is missing)",
    },
    "assign.cli.help.unassign": {
        "id": "Cabut penugasan seorang juri atas satu proposal",
        "en": "Remove one judge from one dossier",
    },
    "assign.cli.help.per_dossier": {
        "id": "jumlah juri per proposal",
        "en": "judges per dossier",
    },
    "assign.cli.help.seed": {
        "id": "bilangan acak awal (hasil sama untuk seed yang sama)",
        "en": "random seed (the same seed gives the same result)",
    },
    "assign.cli.help.no_spread": {
        "id": "jangan sebarkan juri ke berbagai kategori",
        "en": "do not spread judges across categories",
    },
    "secretariat.cli.help.stage": {
        "id": "tahap penilaian (bawaan: tahap pertama)",
        "en": "stage (default: the first stage)",
    },
    "secretariat.cli.help.dossier": {
        "id": "nomor atau id proposal",
        "en": "dossier number or id",
    },
    "secretariat.cli.help.judge": {
        "id": "nama atau id juri",
        "en": "judge name or id",
    },
    "secretariat.cli.col.dossier": {"id": "Proposal", "en": "Dossier"},
    "secretariat.cli.col.judge": {"id": "Juri", "en": "Judge"},
    "secretariat.cli.col.load": {"id": "Beban", "en": "Load"},
    "secretariat.cli.col.eligible": {"id": "Juri yang boleh", "en": "Eligible"},
    "secretariat.cli.col.assigned": {"id": "Ditugaskan", "en": "Assigned"},
    "secretariat.cli.col.reason": {"id": "Alasan", "en": "Reason"},
    # -- roster import -----------------------------------------------------------
    "roster.unsupported_type": {
        "id": "{file}: daftar juri harus berkas CSV atau XLSX.",
        "en": "{file}: the judge roster must be a CSV or XLSX file.",
    },
    "roster.cannot_read": {
        "id": "{file} tidak dapat dibaca: {reason}",
        "en": "{file} cannot be read: {reason}",
    },
    "roster.duplicate_column": {
        "id": "{file}: kolom '{column}' muncul lebih dari sekali.",
        "en": "{file}: column '{column}' appears more than once.",
    },
    "roster.missing_columns": {
        "id": "{file}: kolom wajib tidak ada: {columns} (kolom yang dikenali: {expected}).",
        "en": "{file}: required columns are missing: {columns} (known columns: {expected}).",
    },
    "roster.no_rows": {
        "id": "{file}: tidak ada baris juri.",
        "en": "{file}: there are no judge rows.",
    },
    "roster.formula": {
        "id": "kolom {column} berisi rumus; ketik nilainya sebagai teks.",
        "en": "column {column} holds a formula; type the value as text.",
    },
    "roster.number_cell": {
        "id": "kolom {column} berisi angka yang telah dibulatkan Excel (NIP 18 digit); format kolom sebagai teks lalu ketik ulang.",
        "en": "column {column} holds a number Excel has rounded (an 18-digit NIP); format the column as text and type it again.",
    },
    "roster.bad_role": {
        "id": "peran '{role}' tidak dikenal (chair/ketua atau member/anggota).",
        "en": "unknown role '{role}' (chair/ketua or member/anggota).",
    },
    "roster.duplicate_in_file": {
        "id": "juri '{name}' sudah ada di baris {first} berkas ini.",
        "en": "judge '{name}' is already on row {first} of this file.",
    },
    "roster.exists_different": {
        "id": "juri '{name}' sudah terdaftar dengan data lain (NIP, instansi, unit kerja atau peran); ubah di aplikasi.",
        "en": "judge '{name}' is already on the roster with other data (NIP, instansi, unit kerja or role); change it in the app.",
    },
    "roster.status.added": {"id": "ditambahkan", "en": "added"},
    "roster.status.unchanged": {"id": "sudah ada", "en": "unchanged"},
    "roster.status.rejected": {"id": "ditolak", "en": "rejected"},
    "roster.cli.summary": {
        "id": "{file}: {added} juri ditambahkan, {unchanged} sudah ada, {rejected} baris ditolak. Cetak PIN dengan 'oaoi pin-slip'.",
        "en": "{file}: {added} judges added, {unchanged} unchanged, {rejected} rows rejected. Print PINs with 'oaoi pin-slip'.",
    },
    "roster.cli.help.import": {
        "id": "Impor daftar juri dari CSV/XLSX (kolom name, nip, instansi, unit_kerja, role)",
        "en": "Import the judge roster from CSV/XLSX (columns name, nip, instansi, unit_kerja, role)",
    },
    "secretariat.cli.col.row": {"id": "Baris", "en": "Row"},
    "secretariat.cli.col.status": {"id": "Status", "en": "Status"},
    # -- exports ----------------------------------------------------------------
    "export.target_is_folder": {
        "id": "{path} adalah folder; sebutkan nama berkas.",
        "en": "{path} is a folder; give a file name.",
    },
    "export.no_folder": {
        "id": "Folder {path} tidak ada.",
        "en": "Folder {path} does not exist.",
    },
    "export.cannot_write": {
        "id": "{path} tidak dapat ditulis: {reason}",
        "en": "{path} cannot be written: {reason}",
    },
    "export.unknown_what": {
        "id": "Isi ekspor '{what}' tidak dikenal (ranking atau scores).",
        "en": "Unknown export content '{what}' (ranking or scores).",
    },
    "export.cli.written": {
        "id": "Ditulis: {path}",
        "en": "Written: {path}",
    },
    "export.cli.help.export": {
        "id": "Ekspor peringkat dan nilai mentah ke XLSX atau CSV (aman dibuka di spreadsheet)",
        "en": "Export the ranking and raw scores to XLSX or CSV (safe to open in a spreadsheet)",
    },
    "export.cli.help.xlsx": {
        "id": "Satu buku kerja: lembar peringkat per kelompok dan lembar nilai mentah",
        "en": "One workbook: a ranking sheet per group and a raw scores sheet",
    },
    "export.cli.help.csv": {
        "id": "Satu berkas CSV: nilai mentah (bawaan) atau peringkat",
        "en": "One CSV file: the raw scores (default) or the ranking",
    },
    "export.cli.help.out": {"id": "berkas tujuan", "en": "file to write"},
    "export.cli.help.what": {
        "id": "isi: scores (satu baris per juri × proposal × kriteria) atau ranking",
        "en": "content: scores (one row per judge × dossier × criterion) or ranking",
    },
    # -- agreement ---------------------------------------------------------------
    "agreement.cli.help": {
        "id": "Kesepakatan antarpenilai: alfa Krippendorff, ICC, penilai keras/longgar, proposal dengan selisih besar",
        "en": "Inter-rater agreement: Krippendorff's alpha, ICC, harsh/lenient judges, dossiers with wide spreads",
    },
    "agreement.cli.header": {
        "id": "Tahap {stage}: {dossiers} proposal, {judges} penilai, {sheets} lembar terkirim.",
        "en": "Stage {stage}: {dossiers} dossiers, {judges} judges, {sheets} submitted sheets.",
    },
    "agreement.cli.items": {"id": "Kesepakatan per kriteria dan nilai total", "en": "Agreement per criterion and for totals"},
    "agreement.cli.judges": {
        "id": "Penilai (selisih terhadap rata-rata penilai lain pada proposal yang sama; batas ±{limit}, r < {r})",
        "en": "Judges (difference from the other judges' mean on the same dossiers; limit ±{limit}, r < {r})",
    },
    "agreement.cli.dossiers": {
        "id": "Proposal dengan selisih antarpenilai melewati batas ({count})",
        "en": "Dossiers whose judges' spread passes the limits ({count})",
    },
    "agreement.cli.no_flagged": {"id": "Tidak ada proposal yang ditandai.", "en": "No dossier is flagged."},
    "agreement.cli.no_scores": {
        "id": "Belum ada lembar penilaian yang dikirim pada tahap ini.",
        "en": "No score sheet has been submitted in this stage yet.",
    },
    "agreement.total": {"id": "Nilai total", "en": "Total"},
    "agreement.flag.harsh": {"id": "keras", "en": "harsh"},
    "agreement.flag.lenient": {"id": "longgar", "en": "lenient"},
    "agreement.flag.low_correlation": {"id": "urutan berbeda dari penilai lain", "en": "orders dossiers unlike the others"},
    "agreement.reason.no_pairable_units": {"id": "tak terhitung: tidak ada proposal dengan 2 penilai", "en": "not computable: no dossier with 2 judges"},
    "agreement.reason.no_variation": {"id": "tak terhitung: semua nilai sama", "en": "not computable: every value is the same"},
    "agreement.reason.too_few_units": {"id": "tak terhitung: kurang dari 2 proposal", "en": "not computable: fewer than 2 dossiers"},
    "agreement.reason.unequal_k": {"id": "tak terhitung: jumlah penilai per proposal berbeda", "en": "not computable: judges per dossier differ"},
    "agreement.reason.k_below_2": {"id": "tak terhitung: satu penilai per proposal", "en": "not computable: one judge per dossier"},
    "agreement.reason.no_variance": {"id": "tak terhitung: tidak ada variasi", "en": "not computable: no variation"},
    "agreement.col.item": {"id": "Kriteria", "en": "Criterion"},
    "agreement.col.alpha": {"id": "Alfa", "en": "Alpha"},
    "agreement.col.icc1_1": {"id": "ICC(1,1)", "en": "ICC(1,1)"},
    "agreement.col.icc1_k": {"id": "ICC(1,k)", "en": "ICC(1,k)"},
    "agreement.col.k": {"id": "k", "en": "k"},
    "agreement.col.units": {"id": "Proposal", "en": "Dossiers"},
    "agreement.col.note": {"id": "Catatan", "en": "Note"},
    "agreement.col.judge": {"id": "Penilai", "en": "Judge"},
    "agreement.col.sheets": {"id": "Lembar", "en": "Sheets"},
    "agreement.col.mean": {"id": "Rata-rata", "en": "Mean"},
    "agreement.col.std": {"id": "Simpangan baku", "en": "Std. dev."},
    "agreement.col.deviation": {"id": "Selisih", "en": "Deviation"},
    "agreement.col.correlation": {"id": "r", "en": "r"},
    "agreement.col.flags": {"id": "Tanda", "en": "Flags"},
    "agreement.col.dossier": {"id": "Proposal", "en": "Dossier"},
    "agreement.col.judges": {"id": "Penilai", "en": "Judges"},
    "agreement.col.total_range": {"id": "Selisih total", "en": "Total range"},
    "agreement.col.criteria": {"id": "Kriteria dengan selisih besar", "en": "Criteria with wide spread"},
    "agreement.cli.limits": {
        "id": "* selisih total ≥ {total} poin; kriteria tercantum bila selisihnya ≥ {criterion} poin (batas instrumen).",
        "en": "* total range ≥ {total} points; a criterion is listed when its range is ≥ {criterion} points (the rubric's limits).",
    },
    # -- method comparison ---------------------------------------------------------
    "rank.bad_moves": {
        "id": "Batas perpindahan peringkat harus 0 atau lebih, bukan {value}.",
        "en": "The rank-move limit must be 0 or more, not {value}.",
    },
    "rank.cli.help.compare": {
        "id": "bandingkan dengan metode agregasi lain dan tandai perubahan",
        "en": "compare with another aggregation method and mark the changes",
    },
    "rank.cli.help.moves": {
        "id": "tandai proposal yang peringkatnya berpindah lebih dari N tempat (bawaan 0)",
        "en": "mark dossiers whose rank moves by more than N places (default 0)",
    },
    "rank.cli.compare_summary": {
        "id": "{method_a} → {method_b}: {moved} proposal berpindah lebih dari {moves} tempat, {crossed} melintasi nilai batas lulus.",
        "en": "{method_a} → {method_b}: {moved} dossiers move by more than {moves} places, {crossed} cross the pass mark.",
    },
    "rank.cli.mark.moved": {"id": "pindah", "en": "moved"},
    "rank.cli.mark.crossed": {"id": "batas lulus", "en": "pass mark"},
    "rank.cli.col.rank_b": {"id": "Peringkat ({method})", "en": "Rank ({method})"},
    "rank.cli.col.score_b": {"id": "Nilai ({method})", "en": "Score ({method})"},
    "rank.cli.col.rank_a": {"id": "Peringkat ({method})", "en": "Rank ({method})"},
    "rank.cli.col.score_a": {"id": "Nilai ({method})", "en": "Score ({method})"},
    "rank.cli.col.move": {"id": "Pindah", "en": "Move"},
    "rank.cli.col.mark": {"id": "Tanda", "en": "Mark"},
    # -- plenary decisions ------------------------------------------------------------
    "plenary.reason_required": {"id": "Alasan keputusan wajib diisi.", "en": "A reason for the decision is required."},
    "plenary.judge_agreement_required": {
        "id": "Koreksi nilai {judge} untuk proposal {dossier} memerlukan persetujuan penilai tersebut.",
        "en": "Correcting {judge}'s score for dossier {dossier} needs that judge's agreement.",
    },
    "plenary.no_submitted_sheet": {
        "id": "{judge} belum menyerahkan lembar penilaian proposal {dossier}; tidak ada nilai untuk dikoreksi.",
        "en": "{judge} has no submitted score sheet for dossier {dossier}; there is no score to correct.",
    },
    "plenary.same_value": {
        "id": "Nilai kriteria {criterion} sudah {value}; tidak ada yang dikoreksi.",
        "en": "Criterion {criterion} already reads {value}; nothing to correct.",
    },
    "plenary.tie_needs_two": {
        "id": "Urutan penyelesaian seri memerlukan paling sedikit dua proposal berbeda.",
        "en": "Resolving a tie needs at least two different dossiers in order.",
    },
    "plenary.not_a_tie": {
        "id": "{dossiers} bukan satu kelompok seri yang diserahkan kepada Ketua (sebutkan semua proposal yang seri).",
        "en": "{dossiers} is not one tie left for the chair (list every tied dossier).",
    },
    "plenary.not_ranked": {"id": "Proposal {dossier} belum berperingkat.", "en": "Dossier {dossier} has no rank."},
    "plenary.bad_rank": {
        "id": "Peringkat {rank} di luar rentang 1–{max} kelompoknya.",
        "en": "Rank {rank} is outside its group's range 1–{max}.",
    },
    "plenary.not_found": {"id": "Keputusan pleno {id} tidak ditemukan.", "en": "Plenary decision {id} not found."},
    "plenary.already_withdrawn": {"id": "Keputusan pleno {id} sudah ditarik.", "en": "Plenary decision {id} is already withdrawn."},
    "plenary.kind.tie_resolved": {"id": "seri diputuskan", "en": "tie resolved"},
    "plenary.kind.dossier_moved": {"id": "peringkat dipindah", "en": "dossier moved"},
    "plenary.kind.score_corrected": {"id": "nilai dikoreksi", "en": "score corrected"},
    "plenary.cli.help": {"id": "Keputusan sidang pleno (Ketua Tim)", "en": "Plenary decisions (the chair)"},
    "plenary.cli.help.tie": {"id": "Putuskan urutan proposal yang seri", "en": "Order dossiers left tied"},
    "plenary.cli.help.move": {"id": "Pindahkan proposal ke peringkat lain dengan alasan", "en": "Move a dossier to another rank, with a reason"},
    "plenary.cli.help.correct": {
        "id": "Koreksi satu nilai kriteria seorang penilai (dengan persetujuannya); lembar asli tidak diubah",
        "en": "Correct one judge's criterion score (with their agreement); the sheet itself is not changed",
    },
    "plenary.cli.help.withdraw": {"id": "Tarik keputusan pleno dengan alasan", "en": "Withdraw a plenary decision, with a reason"},
    "plenary.cli.help.ranking": {
        "id": "Peringkat mentah dan setelah keputusan pleno, dengan alasannya",
        "en": "The raw ranking and the ranking after plenary decisions, with the reasons",
    },
    "plenary.cli.help.order": {"id": "nomor proposal yang seri, dipisah koma, dalam urutan yang diputuskan", "en": "tied dossier numbers, comma-separated, in the decided order"},
    "plenary.cli.help.to_rank": {"id": "peringkat baru dalam kelompoknya", "en": "new rank within its group"},
    "plenary.cli.help.reason": {"id": "alasan keputusan", "en": "reason for the decision"},
    "plenary.cli.help.judge_agreed": {"id": "penilai menyetujui koreksi", "en": "the judge agrees with the correction"},
    "plenary.cli.help.criterion": {"id": "id kriteria", "en": "criterion id"},
    "plenary.cli.help.value": {"id": "nilai baru", "en": "new score"},
    "plenary.cli.help.id": {"id": "id keputusan", "en": "decision id"},
    "plenary.cli.recorded": {"id": "Keputusan pleno dicatat: {id}", "en": "Plenary decision recorded: {id}"},
    "plenary.cli.withdrawn": {"id": "Keputusan pleno {id} ditarik.", "en": "Plenary decision {id} withdrawn."},
    "plenary.cli.col.raw_rank": {"id": "Peringkat awal", "en": "Raw rank"},
    "plenary.cli.col.raw_score": {"id": "Nilai awal", "en": "Raw score"},
    "plenary.cli.col.rank": {"id": "Peringkat", "en": "Rank"},
    "plenary.cli.col.score": {"id": "Nilai", "en": "Score"},
    "plenary.cli.col.passed": {"id": "Lulus", "en": "Passed"},
    "plenary.cli.col.decisions": {"id": "Keputusan pleno", "en": "Plenary decisions"},
    # -- stages -----------------------------------------------------------------------
    "assign.stage_not_open": {
        "id": "Belum ada proposal yang lolos ke tahap {stage}; tutup tahap sebelumnya dahulu.",
        "en": "No dossier has advanced to stage {stage} yet; close the previous stage first.",
    },
    "stage.rule_required": {
        "id": "Pilih salah satu: N teratas per kelompok, atau semua yang lulus.",
        "en": "Choose one: the top N per group, or all that pass.",
    },
    "stage.bad_top": {"id": "N teratas harus 1 atau lebih, bukan {value}.", "en": "Top N must be 1 or more, not {value}."},
    "stage.already_closed": {"id": "Tahap {stage} sudah ditutup.", "en": "Stage {stage} is already closed."},
    "stage.not_closed": {"id": "Tahap {stage} belum ditutup.", "en": "Stage {stage} is not closed."},
    "stage.previous_open": {
        "id": "Tahap sebelum {stage} belum ditutup; belum ada proposal di tahap ini.",
        "en": "The stage before {stage} is not closed; no dossier is in this stage yet.",
    },
    "stage.nothing_scored": {"id": "Belum ada penugasan di tahap {stage}.", "en": "Stage {stage} has no assignments."},
    "stage.pending_sheets": {
        "id": "Tahap {stage} belum dapat ditutup: {pending} dari {total} lembar penilaian belum dikirim.",
        "en": "Stage {stage} cannot be closed: {pending} of {total} score sheets are not submitted.",
    },
    "stage.next_started": {
        "id": "Tahap {stage} tidak dapat dibuka kembali: tahap {next} sudah memiliki penugasan.",
        "en": "Stage {stage} cannot be reopened: stage {next} already has assignments.",
    },
    "stage.closed_no_scores": {
        "id": "Tahap {stage} sudah ditutup; nilai proposal {dossier} tidak dapat diubah (buka kembali tahapnya dahulu).",
        "en": "Stage {stage} is closed; the scores of dossier {dossier} cannot change (reopen the stage first).",
    },
    "stage.cli.help": {"id": "Tahap penilaian: tutup dan loloskan finalis", "en": "Stages: close and advance finalists"},
    "stage.cli.help.close": {
        "id": "Tutup tahap dan loloskan N teratas per kelompok atau semua yang lulus ke tahap berikutnya",
        "en": "Close a stage and advance the top N per group, or all that pass, to the next stage",
    },
    "stage.cli.help.reopen": {"id": "Buka kembali tahap yang ditutup (dengan alasan)", "en": "Reopen a closed stage (with a reason)"},
    "stage.cli.help.top": {"id": "N teratas per kelompok (yang seri di batas ikut lolos)", "en": "top N per group (ties at the cut all go on)"},
    "stage.cli.help.passing": {"id": "loloskan semua yang mencapai nilai batas lulus", "en": "advance every dossier that reaches the pass mark"},
    "stage.cli.closed": {
        "id": "Tahap {stage} ditutup; {count} proposal lolos ke tahap {next}.",
        "en": "Stage {stage} closed; {count} dossiers advance to stage {next}.",
    },
    "stage.cli.reopened": {"id": "Tahap {stage} dibuka kembali.", "en": "Stage {stage} reopened."},
}
