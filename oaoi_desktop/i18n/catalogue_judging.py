"""Messages of the judge workspace: sign-in, integrity and conflicts, queue,
score form, paper forms and the paper score import (and their CLI commands)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- sign-in ------------------------------------------------------------------
    "auth.unknown_user": {
        "id": "Tidak ada akun bernama '{name}' untuk kegiatan ini.",
        "en": "There is no account named '{name}' for this event.",
    },
    "auth.wrong_secret": {
        "id": "PIN atau frasa sandi salah. Sisa percobaan: {remaining}.",
        "en": "Wrong PIN or passphrase. Tries left: {remaining}.",
    },
    "auth.locked_now": {
        "id": "PIN salah {max} kali: akun dikunci. Minta sekretariat mengatur ulang akun, atau masukkan "
        "kode pemulihan yang tercetak pada slip PIN Anda.",
        "en": "Wrong PIN {max} times: the account is locked. Ask the secretariat to reset it, or enter "
        "the recovery code printed on your PIN slip.",
    },
    "auth.locked": {
        "id": "Akun '{name}' terkunci. Minta sekretariat mengatur ulang akun, atau masukkan kode pemulihan "
        "yang tercetak pada slip PIN Anda.",
        "en": "The account '{name}' is locked. Ask the secretariat to reset it, or enter the recovery "
        "code printed on your PIN slip.",
    },
    "auth.no_secret": {
        "id": "Akun '{name}' belum memiliki PIN. Minta slip PIN kepada sekretariat.",
        "en": "The account '{name}' has no PIN yet. Ask the secretariat for a PIN slip.",
    },
    "auth.inactive": {
        "id": "Akun '{name}' tidak aktif.",
        "en": "The account '{name}' is not active.",
    },
    "auth.bad_recovery_code": {
        "id": "Kode pemulihan tidak cocok atau sudah pernah dipakai.",
        "en": "The recovery code does not match or has already been used.",
    },
    "auth.setup_done": {
        "id": "Akun sekretariat sudah ada; akun baru ditambahkan oleh sekretariat yang sudah masuk.",
        "en": "A secretariat account already exists; new accounts are added by a signed-in secretariat.",
    },
    "auth.secretariat_only": {
        "id": "Hanya sekretariat yang dapat melakukan ini ('{name}' bukan sekretariat).",
        "en": "Only the secretariat can do this ('{name}' is not the secretariat).",
    },
    # -- integrity statement (its SHA-256 is recorded; changing a word changes the hash) --
    "judging.integrity.title": {
        "id": "PAKTA INTEGRITAS DAN PERNYATAAN BEBAS KONFLIK KEPENTINGAN",
        "en": "INTEGRITY PACT AND DECLARATION OF NO CONFLICT OF INTEREST",
    },
    "judging.integrity.text": {
        "id": "Saya yang bertanda tangan di bawah ini, {name}, selaku {capacity} Tim Penilai pada kegiatan "
        "\"{event}\", dengan ini menyatakan bahwa saya:\n"
        "1. akan melaksanakan penilaian secara jujur, objektif, independen, profesional, dan bertanggung "
        "jawab, semata-mata berdasarkan isi proposal dan instrumen penilaian yang telah ditetapkan;\n"
        "2. tidak memiliki benturan kepentingan dengan proposal yang akan saya nilai, baik karena hubungan "
        "kedinasan, hubungan keluarga, kepentingan keuangan, maupun keterlibatan dalam penyusunan atau "
        "pelaksanaan inovasi tersebut;\n"
        "3. apabila di kemudian hari mengetahui adanya benturan kepentingan dengan suatu proposal, akan "
        "segera menyatakannya melalui aplikasi beserta alasannya dan tidak menilai proposal tersebut;\n"
        "4. tidak akan meminta, menerima, atau memberikan hadiah, imbalan, atau janji dalam bentuk apa pun "
        "yang berkaitan dengan penilaian ini;\n"
        "5. akan menjaga kerahasiaan isi proposal, nilai, dan hasil pembahasan Tim Penilai, dan tidak "
        "menyebarluaskannya kepada pihak mana pun sebelum hasil penilaian ditetapkan secara resmi;\n"
        "6. tidak akan berupaya mengetahui identitas pengusul apabila penilaian dilaksanakan secara "
        "tertutup (tanpa identitas).\n"
        "Apabila saya melanggar pernyataan ini, saya bersedia dikenai sanksi sesuai dengan ketentuan "
        "peraturan perundang-undangan, dan nilai yang telah saya berikan dapat dibatalkan.\n"
        "Pernyataan ini saya buat dengan sebenar-benarnya, dalam keadaan sadar, dan tanpa paksaan dari "
        "pihak mana pun.",
        "en": "I, the undersigned, {name}, {capacity} of the Panel of Judges of the event \"{event}\", "
        "hereby declare that I:\n"
        "1. will judge honestly, objectively, independently, professionally and responsibly, solely on "
        "the content of the proposals and the adopted rubric;\n"
        "2. have no conflict of interest with the proposals I am to judge, whether through an official "
        "relationship, a family relationship, a financial interest, or involvement in preparing or "
        "carrying out the innovation;\n"
        "3. will, should I later learn of a conflict of interest with a proposal, declare it at once in "
        "the application with its reason and not judge that proposal;\n"
        "4. will not ask for, accept or give any gift, reward or promise of any kind related to this "
        "evaluation;\n"
        "5. will keep the content of the proposals, the scores and the Panel's deliberations confidential, "
        "and not disclose them to anyone before the results are officially adopted;\n"
        "6. will not try to learn the identity of the proposers when the evaluation is held blind.\n"
        "Should I breach this declaration, I accept sanctions under the applicable laws and regulations, "
        "and the scores I have given may be annulled.\n"
        "I make this declaration truthfully, in full awareness, and without coercion from anyone.",
    },
    "judging.integrity.confirm": {
        "id": "Saya telah membaca, memahami, dan menyetujui pernyataan ini",
        "en": "I have read, understood and agree to this declaration",
    },
    "judging.integrity_changed": {
        "id": "Teks pernyataan yang ditampilkan berbeda dari teks saat ini; tampilkan ulang pernyataan.",
        "en": "The declaration shown differs from the current text; show the declaration again.",
    },
    # -- access -------------------------------------------------------------------
    "judging.not_a_judge": {
        "id": "'{name}' bukan penilai aktif pada kegiatan '{event}'.",
        "en": "'{name}' is not an active judge of the event '{event}'.",
    },
    "judging.integrity_required": {
        "id": "Sebelum membuka proposal, setujui dahulu Pakta Integritas dan Pernyataan Bebas Konflik "
        "Kepentingan untuk kegiatan '{event}'.",
        "en": "Before opening any proposal, confirm the Integrity Pact and Declaration of No Conflict of "
        "Interest for the event '{event}'.",
    },
    "judging.not_assigned": {
        "id": "Proposal {dossier} tidak ditugaskan kepada Anda.",
        "en": "Dossier {dossier} is not assigned to you.",
    },
    "judging.not_assigned_stage": {
        "id": "Proposal {dossier} tidak ditugaskan kepada Anda pada tahap '{stage}'.",
        "en": "Dossier {dossier} is not assigned to you in stage '{stage}'.",
    },
    "judging.recused": {
        "id": "Anda tidak dapat menilai proposal {dossier}: proposal berasal dari instansi atau unit kerja "
        "Anda (benturan kepentingan).",
        "en": "You cannot judge dossier {dossier}: it comes from your own agency or unit (conflict of "
        "interest).",
    },
    "judging.conflict_declared": {
        "id": "Anda telah menyatakan benturan kepentingan pada proposal {dossier}.",
        "en": "You have declared a conflict of interest on dossier {dossier}.",
    },
    "judging.conflict_reason_required": {
        "id": "Proposal {dossier}: tuliskan alasan benturan kepentingan.",
        "en": "Dossier {dossier}: give the reason for the conflict of interest.",
    },
    "judging.conflict_after_submit": {
        "id": "Lembar penilaian proposal {dossier} sudah dikirim. Minta sekretariat membuka kuncinya "
        "sebelum menyatakan benturan kepentingan.",
        "en": "The score sheet of dossier {dossier} has been submitted. Ask the secretariat to unlock it "
        "before declaring a conflict of interest.",
    },
    # -- queue and form -------------------------------------------------------------
    "judging.status.not_started": {"id": "Belum dinilai", "en": "Not started"},
    "judging.status.draft": {"id": "Draf", "en": "Draft"},
    "judging.status.submitted": {"id": "Terkirim", "en": "Submitted"},
    "judging.status.locked": {"id": "Terkirim (terkunci)", "en": "Submitted (locked)"},
    "judging.progress": {"id": "{submitted} dari {total} terkirim", "en": "{submitted} of {total} submitted"},
    "judging.bad_status_filter": {
        "id": "Saringan status tidak dikenal (pilihan: {allowed}).",
        "en": "Unknown status filter (choices: {allowed}).",
    },
    "judging.redacted": {"id": "[disamarkan]", "en": "[redacted]"},
    "judging.sheet_final": {
        "id": "Lembar penilaian proposal {dossier} sudah dikirim dan dikunci; hanya sekretariat yang dapat "
        "membukanya kembali.",
        "en": "The score sheet of dossier {dossier} is submitted and locked; only the secretariat can "
        "reopen it.",
    },
    "judging.comments_missing": {
        "id": "Proposal {dossier}: komentar wajib diisi untuk kriteria: {criteria}.",
        "en": "Dossier {dossier}: a comment is required for the criteria: {criteria}.",
    },
    "sheet.unlock_reason_required": {
        "id": "Tuliskan alasan membuka kunci lembar penilaian.",
        "en": "Give the reason for unlocking the score sheet.",
    },
    "sheet.not_locked": {
        "id": "Lembar penilaian proposal {dossier} belum dikirim; tidak ada yang perlu dibuka.",
        "en": "The score sheet of dossier {dossier} has not been submitted; there is nothing to unlock.",
    },
    "sheet.not_found": {
        "id": "Tidak ada lembar penilaian {judge} untuk proposal {dossier} (tahap {stage}).",
        "en": "There is no score sheet of {judge} for dossier {dossier} (stage {stage}).",
    },
    # -- blank paper forms ------------------------------------------------------------
    "forms.title": {"id": "LEMBAR PENILAIAN (FORMULIR KERTAS)", "en": "SCORE SHEET (PAPER FORM)"},
    "forms.event": {"id": "Kegiatan", "en": "Event"},
    "forms.judge": {"id": "Penilai", "en": "Judge"},
    "forms.dossier": {"id": "Proposal", "en": "Dossier"},
    "forms.stage": {"id": "Tahap", "en": "Stage"},
    "forms.group": {"id": "Kategori / kelompok", "en": "Category / group"},
    "forms.agency": {"id": "Instansi / unit kerja", "en": "Agency / unit"},
    "forms.col.criterion": {"id": "Kriteria (bobot)", "en": "Criterion (weight)"},
    "forms.col.levels": {"id": "Level dan deskriptor", "en": "Levels and descriptors"},
    "forms.col.score": {"id": "Nilai", "en": "Score"},
    "forms.col.comment": {"id": "Komentar", "en": "Comment"},
    "forms.weight": {"id": "bobot {weight}%", "en": "weight {weight}%"},
    "forms.scale": {"id": "skala {min}–{max}", "en": "scale {min}–{max}"},
    "forms.step": {"id": "kelipatan {step}", "en": "steps of {step}"},
    "forms.comment_below": {"id": "komentar wajib bila < {value}", "en": "comment required below {value}"},
    "forms.knockout_below": {"id": "gugur bila < {value}", "en": "knock-out below {value}"},
    "forms.instructions": {
        "id": "Tulis satu nilai pada setiap kotak sesuai skala kriteria dan komentar pada garis yang "
        "tersedia. Nilai total dihitung oleh aplikasi (nilai batas lulus {pass_mark}). Sekretariat "
        "memasukkan nilai ini ke aplikasi dengan kolom: judge, dossier, criterion, score, comment.",
        "en": "Write one score in each box following the criterion's scale, and comments on the lines. "
        "The application computes the total (pass mark {pass_mark}). The secretariat types the scores "
        "into the application with the columns judge, dossier, criterion, score, comment.",
    },
    "forms.pledge": {
        "id": "Saya menyatakan tidak memiliki benturan kepentingan dengan proposal ini dan memberikan nilai "
        "secara jujur dan objektif sesuai Pakta Integritas.",
        "en": "I declare that I have no conflict of interest with this proposal and that I scored it "
        "honestly and objectively under the Integrity Pact.",
    },
    "forms.signature": {"id": "Tanda tangan penilai", "en": "Judge's signature"},
    "forms.date": {"id": "Tanggal", "en": "Date"},
    "forms.footer": {
        "id": "{event} · {judge} · proposal {dossier} · halaman {page}",
        "en": "{event} · {judge} · dossier {dossier} · page {page}",
    },
    "forms.blind_note": {
        "id": "Penilaian tertutup: identitas pengusul disamarkan.",
        "en": "Blind evaluation: the proposer's identity is hidden.",
    },
    "forms.nothing_to_print": {
        "id": "Tidak ada proposal yang ditugaskan (dan bebas benturan kepentingan) untuk dicetak.",
        "en": "There are no assigned (conflict-free) dossiers to print.",
    },
    "forms.font_missing": {
        "id": "Berkas huruf {path} tidak ditemukan; pasang ulang oaoi-desktop.",
        "en": "The font file {path} is missing; reinstall oaoi-desktop.",
    },
    "forms.cannot_write": {
        "id": "Berkas {path} tidak dapat ditulis: {reason}",
        "en": "Cannot write the file {path}: {reason}",
    },
    # -- paper score import -------------------------------------------------------------
    "paper.cannot_read": {
        "id": "Berkas {file} tidak dapat dibaca: {reason}",
        "en": "Cannot read the file {file}: {reason}",
    },
    "paper.no_such_file": {"id": "berkas tidak ada", "en": "no such file"},
    "paper.unsupported_type": {
        "id": "Berkas {file}: hanya .csv dan .xlsx yang dapat diimpor.",
        "en": "File {file}: only .csv and .xlsx can be imported.",
    },
    "paper.missing_columns": {
        "id": "Berkas {file}: kolom wajib tidak ada: {columns} (kolom: judge, dossier, criterion, score, "
        "comment, dan stage bila perlu).",
        "en": "File {file}: required columns are missing: {columns} (columns: judge, dossier, criterion, "
        "score, comment, and optionally stage).",
    },
    "paper.duplicate_column": {
        "id": "Berkas {file}: kolom '{column}' muncul lebih dari sekali.",
        "en": "File {file}: the column '{column}' appears more than once.",
    },
    "paper.no_rows": {
        "id": "Berkas {file} tidak berisi baris nilai.",
        "en": "The file {file} holds no score rows.",
    },
    "paper.header_formula": {
        "id": "Berkas {file}: sel {cell} pada baris judul berisi rumus; judul kolom harus teks biasa.",
        "en": "File {file}: cell {cell} of the header row holds a formula; column titles must be plain text.",
    },
    "paper.formula": {
        "id": "sel {cell} berisi rumus ({formula}); ketik nilainya, bukan rumus",
        "en": "cell {cell} holds a formula ({formula}); type the value, not a formula",
    },
    "paper.missing_value": {
        "id": "kolom {column} kosong",
        "en": "the column {column} is empty",
    },
    "paper.unknown_judge": {
        "id": "penilai '{judge}' tidak ada di kegiatan ini (tulis id atau nama persisnya)",
        "en": "no judge '{judge}' in this event (give the id or the exact name)",
    },
    "paper.unknown_dossier": {
        "id": "nomor proposal '{dossier}' tidak ada di kegiatan ini",
        "en": "no dossier with the proposal number '{dossier}' in this event",
    },
    "paper.unknown_stage": {
        "id": "tahap '{stage}' tidak ada di instrumen (pilihan: {allowed})",
        "en": "no stage '{stage}' in the rubric (choices: {allowed})",
    },
    "paper.unknown_criterion": {
        "id": "kriteria '{criterion}' tidak ada di tahap '{stage}' (pilihan: {allowed})",
        "en": "no criterion '{criterion}' in stage '{stage}' (choices: {allowed})",
    },
    "paper.bad_score": {
        "id": "nilai '{value}' untuk {criterion} tidak sah: harus antara {min} dan {max} dengan kelipatan {step}",
        "en": "score '{value}' for {criterion} is not valid: it must lie between {min} and {max} in steps of {step}",
    },
    "paper.not_assigned": {
        "id": "{judge} tidak ditugaskan menilai proposal {dossier} (tahap {stage})",
        "en": "{judge} is not assigned to dossier {dossier} (stage {stage})",
    },
    "paper.recused": {
        "id": "{judge} tidak boleh menilai proposal {dossier}: instansi atau unit kerja yang sama (benturan "
        "kepentingan)",
        "en": "{judge} may not judge dossier {dossier}: same agency or unit (conflict of interest)",
    },
    "paper.conflict_declared": {
        "id": "{judge} telah menyatakan benturan kepentingan pada proposal {dossier}",
        "en": "{judge} has declared a conflict of interest on dossier {dossier}",
    },
    "paper.duplicate_row": {
        "id": "kriteria {criterion} untuk {judge} dan proposal {dossier} sudah ada di baris {first}",
        "en": "criterion {criterion} for {judge} and dossier {dossier} was already given in row {first}",
    },
    "paper.incomplete": {
        "id": "lembar {judge} untuk proposal {dossier} belum lengkap; kriteria tanpa nilai: {criteria}",
        "en": "the sheet of {judge} for dossier {dossier} is incomplete; criteria without a score: {criteria}",
    },
    "paper.comment_required": {
        "id": "kriteria {criterion} bernilai {value}: komentar wajib untuk nilai di bawah {below}",
        "en": "criterion {criterion} scored {value}: a comment is required below {below}",
    },
    "paper.already_submitted": {
        "id": "lembar {judge} untuk proposal {dossier} sudah dikirim melalui aplikasi; tidak ditimpa",
        "en": "the sheet of {judge} for dossier {dossier} was already submitted in the app; not overwritten",
    },
    "paper.already_imported_differs": {
        "id": "lembar {judge} untuk proposal {dossier} sudah diimpor dari kertas dengan isi berbeda; minta "
        "sekretariat membuka kuncinya dahulu",
        "en": "the sheet of {judge} for dossier {dossier} was already imported from paper with different "
        "content; the secretariat must unlock it first",
    },
    "paper.sheet_left_out": {
        "id": "lembar {judge} untuk proposal {dossier} tidak diimpor karena baris yang salah",
        "en": "the sheet of {judge} for dossier {dossier} was not imported because of bad rows",
    },
    "paper.where_row": {"id": "{file} baris {row}", "en": "{file} row {row}"},
    "paper.where_rows": {"id": "{file} baris {rows}", "en": "{file} rows {rows}"},
    "paper.mismatch.only_first": {
        "id": "{key}: ada di {first} baris {first_row}, tidak ada di {second}",
        "en": "{key}: in {first} row {first_row}, missing from {second}",
    },
    "paper.mismatch.only_second": {
        "id": "{key}: ada di {second} baris {second_row}, tidak ada di {first}",
        "en": "{key}: in {second} row {second_row}, missing from {first}",
    },
    "paper.mismatch.score": {
        "id": "{key}: nilai berbeda — {first} baris {first_row}: '{first_value}', {second} baris "
        "{second_row}: '{second_value}'",
        "en": "{key}: scores differ — {first} row {first_row}: '{first_value}', {second} row "
        "{second_row}: '{second_value}'",
    },
    "paper.mismatch.comment": {
        "id": "{key}: komentar berbeda — {first} baris {first_row}: '{first_value}', {second} baris "
        "{second_row}: '{second_value}'",
        "en": "{key}: comments differ — {first} row {first_row}: '{first_value}', {second} row "
        "{second_row}: '{second_value}'",
    },
    "paper.status.imported": {"id": "diimpor", "en": "imported"},
    "paper.status.unchanged": {"id": "tidak berubah", "en": "unchanged"},
    "paper.status.rejected": {"id": "ditolak", "en": "rejected"},
    "paper.status.held": {"id": "ditahan", "en": "held"},
    # -- CLI ------------------------------------------------------------------------
    "judging.cli.help.forms": {
        "id": "cetak formulir penilaian kosong (PDF, satu berkas per penilai)",
        "en": "print blank score forms (PDF, one file per judge)",
    },
    "judging.cli.help.out": {"id": "folder tujuan berkas PDF", "en": "folder for the PDF files"},
    "judging.cli.help.judge": {"id": "hanya penilai ini (id atau nama)", "en": "only this judge (id or name)"},
    "judging.cli.help.scores": {
        "id": "nilai dari formulir kertas: impor, buka kunci lembar",
        "en": "scores from paper forms: import, unlock a sheet",
    },
    "judging.cli.help.scores_import": {
        "id": "impor nilai formulir kertas dari CSV atau XLSX (kolom judge, dossier, criterion, score, "
        "comment, stage)",
        "en": "import paper-form scores from CSV or XLSX (columns judge, dossier, criterion, score, "
        "comment, stage)",
    },
    "judging.cli.help.second_entry": {
        "id": "ketikan kedua dari formulir yang sama; diimpor hanya bila kedua berkas sama persis",
        "en": "a second typing of the same forms; imported only when both files agree",
    },
    "judging.cli.help.scores_unlock": {
        "id": "buka kunci lembar penilaian yang sudah dikirim (dengan alasan)",
        "en": "unlock a submitted score sheet (with a reason)",
    },
    "judging.cli.help.dossier": {"id": "nomor proposal atau id", "en": "proposal number or id"},
    "judging.cli.help.reason": {"id": "alasan (dicatat di log audit)", "en": "reason (kept in the audit log)"},
    "judging.cli.help.stage": {"id": "id tahap (bawaan: tahap pertama)", "en": "stage id (default: the first stage)"},
    "judging.cli.help.conflicts": {
        "id": "daftar benturan kepentingan yang dinyatakan penilai",
        "en": "list the conflicts of interest declared by judges",
    },
    "judging.cli.help.pin_slip": {
        "id": "buat PIN baru dan kode pemulihan untuk slip PIN penilai (membuka akun yang terkunci)",
        "en": "make a new PIN and recovery code for a judge's PIN slip (unlocks a locked account)",
    },
    "judging.cli.forms_written": {"id": "{count} berkas formulir ditulis.", "en": "{count} form file(s) written."},
    "judging.cli.import_summary": {
        "id": "{imported} lembar diimpor, {unchanged} tidak berubah, {rejected} ditolak.",
        "en": "{imported} sheet(s) imported, {unchanged} unchanged, {rejected} rejected.",
    },
    "judging.cli.mismatch_summary": {
        "id": "Kedua ketikan berbeda di {count} tempat; tidak ada yang diimpor sampai keduanya sama.",
        "en": "The two typings differ in {count} place(s); nothing is imported until they agree.",
    },
    "judging.cli.unlocked": {
        "id": "Lembar {judge} untuk proposal {dossier} dibuka kembali (draf).",
        "en": "The sheet of {judge} for dossier {dossier} is reopened (draft).",
    },
    "judging.cli.no_conflicts": {"id": "Belum ada benturan kepentingan yang dinyatakan.", "en": "No conflicts declared yet."},
    "judging.cli.pin": {"id": "PIN            : {pin}", "en": "PIN          : {pin}"},
    "judging.cli.recovery": {"id": "Kode pemulihan : {code}", "en": "Recovery code: {code}"},
    "judging.cli.pin_note": {
        "id": "Cetak atau tulis keduanya pada slip PIN untuk {name}; nilai ini tidak ditampilkan lagi.",
        "en": "Print or write both on the PIN slip for {name}; they are not shown again.",
    },
    "judging.cli.col.judge": {"id": "penilai", "en": "judge"},
    "judging.cli.col.dossier": {"id": "proposal", "en": "dossier"},
    "judging.cli.col.stage": {"id": "tahap", "en": "stage"},
    "judging.cli.col.status": {"id": "status", "en": "status"},
    "judging.cli.col.total": {"id": "total", "en": "total"},
    "judging.cli.col.rows": {"id": "baris", "en": "rows"},
    "judging.cli.col.reason": {"id": "alasan", "en": "reason"},
    "judging.cli.col.declared_at": {"id": "waktu", "en": "declared at"},
    "judging.cli.col.title": {"id": "judul", "en": "title"},
}
