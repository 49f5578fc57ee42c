"""Messages of the panel's PDF documents (score sheets, result sheets, ranking,
Berita Acara) and of ``oaoi export sheets|results|ranking|minutes``."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- titles ---------------------------------------------------------------------------
    "documents.title.sheet": {"id": "Lembar Penilaian", "en": "Score Sheet"},
    "documents.title.result": {"id": "Lembar Hasil Penilaian", "en": "Result Sheet"},
    "documents.title.ranking": {"id": "Rekapitulasi dan Peringkat", "en": "Recapitulation and Ranking"},
    "documents.title.minutes": {"id": "Berita Acara Hasil Penilaian", "en": "Minutes of the Assessment Results"},
    # -- page furniture -------------------------------------------------------------------
    "documents.page_of": {"id": "Halaman {page} dari {total}", "en": "Page {page} of {total}"},
    "documents.number": {"id": "Nomor: {number}", "en": "Number: {number}"},
    "documents.footer.number": {"id": "No. {number}", "en": "No. {number}"},
    "documents.footer.generated": {"id": "Dibuat {when}", "en": "Generated {when}"},
    "documents.footer.fingerprint": {"id": "Sidik jari (SHA-256): {fingerprint}",
                                     "en": "Fingerprint (SHA-256): {fingerprint}"},
    "documents.nip": {"id": "NIP. {nip}", "en": "NIP {nip}"},
    "documents.audit_head": {
        "id": "Kepala rantai log audit saat dokumen dibuat: entri ke-{seq}, hash {hash}",
        "en": "Audit log chain head when this document was made: entry {seq}, hash {hash}",
    },
    # -- labels ---------------------------------------------------------------------------
    "documents.label.event": {"id": "Kegiatan", "en": "Event"},
    "documents.label.dossier": {"id": "Nomor proposal", "en": "Dossier number"},
    "documents.label.title": {"id": "Judul inovasi", "en": "Innovation"},
    "documents.label.agency": {"id": "Instansi / unit kerja", "en": "Agency / unit"},
    "documents.label.group": {"id": "Kelompok / kategori", "en": "Group / category"},
    "documents.label.judge": {"id": "Penilai", "en": "Judge"},
    "documents.label.stage": {"id": "Tahap", "en": "Stage"},
    "documents.label.submitted": {"id": "Dikirim", "en": "Submitted"},
    "documents.label.rubric": {"id": "Instrumen penilaian", "en": "Rubric"},
    "documents.label.method": {"id": "Metode agregasi", "en": "Aggregation method"},
    "documents.label.pass_mark": {"id": "Nilai batas lulus", "en": "Pass mark"},
    "documents.label.tie_breaks": {"id": "Aturan nilai sama", "en": "Tie-break rules"},
    "documents.label.aggregate": {"id": "Nilai akhir", "en": "Final score"},
    "documents.label.rank": {"id": "Peringkat", "en": "Rank"},
    "documents.label.status": {"id": "Hasil", "en": "Outcome"},
    "documents.label.before_plenary": {"id": "Sebelum sidang pleno", "en": "Before the plenary"},
    "documents.before_plenary": {"id": "peringkat {rank}, nilai {value}", "en": "rank {rank}, score {value}"},
    "documents.rank_of": {"id": "{rank} dari {count} ({group})", "en": "{rank} of {count} ({group})"},
    "documents.blind": {"id": "(disembunyikan: penilaian tanpa identitas)", "en": "(hidden: blind review)"},
    "documents.all_groups": {"id": "Semua kelompok (keseluruhan)", "en": "All groups (overall)"},
    "documents.stage_combined": {"id": "Gabungan semua tahap", "en": "All stages combined"},
    # -- columns --------------------------------------------------------------------------
    "documents.col.no": {"id": "No", "en": "No"},
    "documents.col.criterion": {"id": "Kriteria", "en": "Criterion"},
    "documents.col.weight": {"id": "Bobot", "en": "Weight"},
    "documents.col.score": {"id": "Nilai", "en": "Score"},
    "documents.col.level": {"id": "Kategori", "en": "Level"},
    "documents.col.weighted": {"id": "Nilai × bobot", "en": "Weighted"},
    "documents.col.comment": {"id": "Catatan", "en": "Comment"},
    "documents.col.total": {"id": "Jumlah", "en": "Total"},
    "documents.col.rank": {"id": "Peringkat", "en": "Rank"},
    "documents.col.number": {"id": "Nomor", "en": "Number"},
    "documents.col.title": {"id": "Judul inovasi", "en": "Innovation"},
    "documents.col.agency": {"id": "Instansi / unit kerja", "en": "Agency / unit"},
    "documents.col.group": {"id": "Kelompok", "en": "Group"},
    "documents.col.judges": {"id": "Juri", "en": "Judges"},
    "documents.col.result": {"id": "Hasil", "en": "Outcome"},
    "documents.col.notes": {"id": "Keterangan", "en": "Notes"},
    "documents.col.judge": {"id": "Penilai", "en": "Judge"},
    "documents.col.dossier": {"id": "Proposal", "en": "Dossier"},
    "documents.col.reason": {"id": "Alasan", "en": "Reason"},
    "documents.col.decision": {"id": "Keputusan", "en": "Decision"},
    "documents.col.decided_by": {"id": "Diputuskan oleh", "en": "Decided by"},
    "documents.col.name": {"id": "Nama", "en": "Name"},
    "documents.col.instansi": {"id": "Instansi / unit kerja", "en": "Agency / unit"},
    "documents.col.capacity": {"id": "Kedudukan dalam tim", "en": "Role on the panel"},
    # -- values ---------------------------------------------------------------------------
    "documents.passed": {"id": "Lulus", "en": "Pass"},
    "documents.failed": {"id": "Tidak lulus", "en": "Fail"},
    "documents.not_ranked": {"id": "Tidak diperingkat", "en": "Not ranked"},
    "documents.none": {"id": "Tidak ada.", "en": "None."},
    "documents.role.chair": {"id": "Ketua Tim Penilai", "en": "Chair of the panel"},
    "documents.role.member": {"id": "Anggota Tim Penilai", "en": "Panel member"},
    "documents.capacity.judge": {"id": "Penilai", "en": "Judge"},
    "documents.method.mean": {"id": "rata-rata nilai para juri", "en": "mean of the judges' totals"},
    "documents.method.median": {"id": "median nilai para juri", "en": "median of the judges' totals"},
    "documents.method.trimmed_mean": {
        "id": "rata-rata terpangkas (dengan 5 juri atau lebih, nilai tertinggi dan terendah tidak dihitung)",
        "en": "trimmed mean (with 5 or more judges the highest and lowest totals are dropped)",
    },
    "documents.method.zscore_mean": {
        "id": "rata-rata skor-z per juri, dipetakan ke rentang nilai asli",
        "en": "mean of per-judge z-scores, mapped back to the raw score range",
    },
    "documents.tie_chain": {
        "id": "nilai akhir yang sama dibandingkan berturut-turut pada kriteria: {chain}; bila masih sama, "
              "diputuskan Ketua Tim Penilai dalam sidang pleno",
        "en": "equal final scores are compared in turn on the criteria: {chain}; if still equal, the chair "
              "decides in the plenary",
    },
    "documents.tie_rules": {"id": "Aturan: {rules}.", "en": "Rules: {rules}."},
    "documents.note.knockout": {"id": "gugur (kriteria wajib)", "en": "knocked out"},
    "documents.note.tie_chair": {"id": "nilai sama, diputuskan Ketua", "en": "tie, for the chair"},
    "documents.note.plenary": {"id": "keputusan pleno", "en": "plenary decision"},
    "documents.note.raw_rank": {"id": "semula peringkat {rank}", "en": "was rank {rank}"},
    "documents.decision.tie_resolved": {"id": "Urutan nilai sama ditetapkan: {order}",
                                        "en": "Tie resolved in the order: {order}"},
    "documents.decision.dossier_moved": {
        "id": "Proposal {dossier} ditetapkan pada peringkat {position} (semula {from_rank})",
        "en": "Dossier {dossier} placed at rank {position} (was {from_rank})",
    },
    "documents.decision.score_corrected": {
        "id": "Koreksi nilai {criterion} dari {judge} untuk proposal {dossier}: {original} menjadi {value} "
              "(disetujui penilai)",
        "en": "Correction of {judge}'s {criterion} score for dossier {dossier}: {original} to {value} "
              "(agreed by the judge)",
    },
    # -- sheet ----------------------------------------------------------------------------
    "documents.sheet.total": {
        "id": "Nilai total: {total} (nilai batas lulus {pass_mark}: {outcome}).",
        "en": "Total score: {total} (pass mark {pass_mark}: {outcome}).",
    },
    "documents.sheet.pledge": {
        "id": "Saya menyatakan bahwa penilaian ini saya lakukan secara independen, objektif, dan bebas dari "
              "benturan kepentingan.",
        "en": "I declare that I made this assessment independently, objectively and free of any conflict of "
              "interest.",
    },
    # -- result ---------------------------------------------------------------------------
    "documents.result.summary": {"id": "Hasil", "en": "Result"},
    "documents.result.tiebreak_notes": {"id": "Catatan nilai sama dan kriteria gugur",
                                        "en": "Tie-break and knock-out notes"},
    "documents.result.adjustments": {"id": "Keputusan sidang pleno", "en": "Plenary decisions"},
    # -- ranking --------------------------------------------------------------------------
    "documents.ranking.summary": {"id": "{count} proposal; {passed} lulus.", "en": "{count} dossiers; {passed} pass."},
    # -- minutes --------------------------------------------------------------------------
    "documents.minutes.opening": {
        "id": "Pada {written}, bertempat di {place}, Tim Penilai {event} yang diselenggarakan oleh {organiser} "
              "telah melaksanakan penilaian proposal inovasi dengan hasil sebagai berikut.",
        "en": "On {written}, at {place}, the panel of {event}, organised by {organiser}, completed the "
              "assessment of the innovation dossiers with the following results.",
    },
    "documents.minutes.panel": {"id": "A. Tim Penilai", "en": "A. The panel"},
    "documents.minutes.assessed": {"id": "B. Proposal yang dinilai", "en": "B. Dossiers assessed"},
    "documents.minutes.assessed_text": {
        "id": "Jumlah proposal terdaftar {dossiers}; proposal yang dinilai {assessed}; lembar penilaian yang "
              "dikirim {sheets}; proposal yang mencapai nilai batas lulus {pass_mark}: {passed}.",
        "en": "Dossiers registered: {dossiers}; dossiers assessed: {assessed}; score sheets submitted: "
              "{sheets}; dossiers reaching the pass mark of {pass_mark}: {passed}.",
    },
    "documents.minutes.method": {
        "id": "Nilai akhir dihitung dengan {method}; {rules}.",
        "en": "Final scores are computed as the {method}; {rules}.",
    },
    "documents.minutes.recusals": {"id": "C. Pengunduran diri karena benturan kepentingan",
                                   "en": "C. Recusals for conflicts of interest"},
    "documents.recusal.declared": {"id": "dinyatakan oleh penilai: {reason}", "en": "declared by the judge: {reason}"},
    "documents.recusal.automatic": {"id": "otomatis: instansi / unit kerja yang sama",
                                    "en": "automatic: same agency / unit"},
    "documents.minutes.decisions": {"id": "D. Keputusan sidang pleno", "en": "D. Plenary decisions"},
    "documents.minutes.ranking": {"id": "E. Peringkat akhir", "en": "E. Final ranking"},
    "documents.minutes.ranking_text": {
        "id": "Peringkat akhir per kelompok tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan "
              "dari Berita Acara ini.",
        "en": "The final ranking per group is set out in the Annex, which forms an integral part of these minutes.",
    },
    "documents.minutes.closing": {
        "id": "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
        "en": "These minutes were drawn up truthfully, to be used as required.",
    },
    "documents.minutes.annex": {"id": "Lampiran: Peringkat Akhir", "en": "Annex: Final ranking"},
    "documents.minutes.annex_ref": {"id": "Lampiran Berita Acara Hasil Penilaian (nomor di atas).",
                                    "en": "Annex to the Minutes of the Assessment Results (number above)."},
    "documents.signature_place": {"id": "{place}, {date}", "en": "{place}, {date}"},
    "documents.place_unknown": {"id": "(tempat belum diisi)", "en": "(place not set)"},
    # -- errors ---------------------------------------------------------------------------
    "documents.cannot_write": {
        "id": "Berkas {path} tidak dapat ditulis: {reason}.",
        "en": "Cannot write the file {path}: {reason}.",
    },
    "documents.unknown_kind": {
        "id": "Jenis dokumen '{kind}' tidak dikenal (pilihan: {allowed}).",
        "en": "Unknown document kind '{kind}' (choose from: {allowed}).",
    },
    "documents.no_scores": {
        "id": "Kegiatan '{event}' belum memiliki lembar penilaian yang dikirim; tidak ada dokumen yang dapat dibuat.",
        "en": "Event '{event}' has no submitted score sheets yet; there is no document to make.",
    },
    "documents.bad_folder": {
        "id": "Folder tujuan {path} tidak dapat ditulisi: {reason}.",
        "en": "Cannot write into the output folder {path}: {reason}.",
    },
    "documents.bad_paper": {"id": "Ukuran kertas '{paper}' tidak dikenal (pilihan: {allowed}).",
                            "en": "Unknown paper size '{paper}' (choose from: {allowed})."},
    "documents.bad_lang": {"id": "Bahasa '{lang}' tidak didukung (id atau en).",
                           "en": "Language '{lang}' is not supported (id or en)."},
    "documents.bad_method": {"id": "Metode agregasi '{method}' tidak dikenal (pilihan: {allowed}).",
                             "en": "Unknown aggregation method '{method}' (choose from: {allowed})."},
    "documents.bad_date": {"id": "Tanggal '{value}' pada --date tidak dikenali (format TTTT-BB-HH).",
                           "en": "The date '{value}' in --date is not understood (format YYYY-MM-DD)."},
    "documents.bad_code": {"id": "Kode dokumen '{code}' (--code) hanya boleh berisi huruf, angka, titik dan "
                                 "tanda hubung, paling banyak 20.",
                           "en": "The document code '{code}' (--code) may hold only letters, digits, dots and "
                                 "hyphens, 20 at most."},
    "documents.logo_unreadable": {
        "id": "Berkas logo {path} tidak dapat dipakai (harus PNG atau JPEG): {reason}.",
        "en": "The logo file {path} cannot be used (it must be PNG or JPEG): {reason}.",
    },
    "documents.cancelled": {
        "id": "Ekspor dibatalkan; tidak ada berkas yang ditinggalkan.",
        "en": "Export cancelled; no file was left behind.",
    },
    # -- CLI ------------------------------------------------------------------------------
    "documents.cli.written": {"id": "{count} dokumen ditulis ke {folder}.", "en": "{count} documents written to {folder}."},
    "documents.cli.letterhead_set": {"id": "Kop surat kegiatan '{event}' disimpan.",
                                     "en": "Letterhead of event '{event}' saved."},
    "documents.cli.help.sheets": {"id": "Lembar Penilaian (PDF), satu per juri × proposal",
                                  "en": "score sheets (PDF), one per judge × dossier"},
    "documents.cli.help.results": {"id": "Lembar Hasil Penilaian (PDF), satu per proposal",
                                   "en": "result sheets (PDF), one per dossier"},
    "documents.cli.help.ranking": {"id": "Rekapitulasi dan Peringkat (PDF) per kelompok dan keseluruhan",
                                   "en": "recapitulation and ranking (PDF) per group and overall"},
    "documents.cli.help.minutes": {"id": "Berita Acara Hasil Penilaian (PDF)", "en": "minutes of the results (PDF)"},
    "documents.cli.help.export_out_dir": {"id": "folder tujuan", "en": "output folder"},
    "documents.cli.help.export_paper": {"id": "ukuran kertas: a4 (bawaan) atau f4 (215 × 330 mm)",
                              "en": "paper size: a4 (default) or f4 (215 × 330 mm)"},
    "documents.cli.help.export_stage": {"id": "tahap (bawaan: gabungan / semua tahap)", "en": "stage (default: combined / all stages)"},
    "documents.cli.help.export_group_by": {"id": "kelompokkan peringkat menurut kolom ini (dipisah koma)",
                                 "en": "group the ranking by these fields (comma-separated)"},
    "documents.cli.help.export_method": {"id": "metode agregasi (bawaan: menurut instrumen)",
                               "en": "aggregation method (default: the rubric's)"},
    "documents.cli.help.export_date": {"id": "tanggal Berita Acara (TTTT-BB-HH; bawaan: hari ini)",
                             "en": "date of the minutes (YYYY-MM-DD; default: today)"},
    "documents.cli.help.export_place": {"id": "tempat Berita Acara (bawaan: tempat kegiatan)",
                              "en": "place of the minutes (default: the event's venue)"},
    "documents.cli.help.export_workers": {"id": "jumlah proses penggambar PDF (bawaan: jumlah inti)",
                                "en": "number of PDF drawing processes (default: the cores)"},
    "documents.cli.help.letterhead": {"id": "atur kop surat kegiatan (logo, baris, kode dokumen)",
                            "en": "set the event's letterhead (logo, lines, document code)"},
    "documents.cli.help.letterhead_logo": {"id": "berkas logo PNG atau JPEG", "en": "logo file, PNG or JPEG"},
    "documents.cli.help.letterhead_line": {"id": "baris kop surat (ulangi untuk beberapa baris; yang pertama tebal)",
                                 "en": "a letterhead line (repeat for several; the first is bold)"},
    "documents.cli.help.letterhead_code": {"id": "kode kegiatan dalam nomor dokumen, mis. BRIDA-KIPP",
                                 "en": "the event's code in document numbers, e.g. BRIDA-KIPP"},
}
