<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AssignmentMatrixModel</name>
    <message>
        <source>not assigned</source>
        <translation>belum ditugaskan</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>ditugaskan</translation>
    </message>
    <message>
        <source>assigned, draft sheet</source>
        <translation>ditugaskan, lembar masih draf</translation>
    </message>
    <message>
        <source>assigned, sheet submitted</source>
        <translation>ditugaskan, lembar sudah dikirim</translation>
    </message>
    <message>
        <source>recused</source>
        <translation>tidak boleh menilai</translation>
    </message>
    <message>
        <source>declared conflict</source>
        <translation>benturan kepentingan dinyatakan</translation>
    </message>
    <message>
        <source>judge inactive</source>
        <translation>juri tidak aktif</translation>
    </message>
    <message>
        <source> (assigned, but no longer eligible: unassign it)</source>
        <translation> (ditugaskan, tetapi tidak lagi memenuhi syarat: cabut penugasannya)</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>ketua</translation>
    </message>
    <message>
        <source>load %1</source>
        <translation>beban %1</translation>
    </message>
    <message>
        <source>%1 dossiers assigned</source>
        <translation>%1 proposal ditugaskan</translation>
    </message>
    <message>
        <source>trainee, never counted</source>
        <translation>magang, tidak dihitung</translation>
    </message>
</context>
<context>
    <name>AssignmentMatrixView</name>
    <message>
        <source>This event has no dossiers in this stage yet: import them first (File ▸ Import from USB).</source>
        <translation>Kegiatan ini belum memiliki proposal pada tahap ini: impor dahulu (Berkas ▸ Impor dari USB).</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>%1 of %2 dossiers shown · %3 judges · loads %4–%5</source>
        <translation>%1 dari %2 proposal ditampilkan · %3 juri · beban %4–%5</translation>
    </message>
    <message>
        <source>The judge cannot be unassigned</source>
        <translation>Penugasan juri tidak dapat dicabut</translation>
    </message>
    <message>
        <source>The judge cannot be assigned</source>
        <translation>Juri tidak dapat ditugaskan</translation>
    </message>
    <message>
        <source>%1 assigned to %2.</source>
        <translation>%1 ditugaskan menilai %2.</translation>
    </message>
    <message>
        <source>%1 unassigned from %2.</source>
        <translation>Penugasan %1 untuk %2 dicabut.</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>Ke&amp;lompok:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Search number, title or agency (Ctrl+F)</source>
        <translation>Cari nomor, judul atau instansi (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>&amp;Auto-assign…</source>
        <translation>Penugasan &amp;otomatis…</translation>
    </message>
    <message>
        <source>Assign judges to every dossier automatically, balanced and conflict-free</source>
        <translation>Tugaskan juri ke setiap proposal secara otomatis, seimbang dan bebas benturan kepentingan</translation>
    </message>
    <message>
        <source>Assignment matrix</source>
        <translation>Matriks penugasan</translation>
    </message>
    <message>
        <source>Click a cell or press Space to assign or unassign</source>
        <translation>Klik sel atau tekan Spasi untuk menugaskan atau mencabut penugasan</translation>
    </message>
    <message>
        <source>click or Space: assign / unassign</source>
        <translation>klik atau Spasi: tugaskan / cabut</translation>
    </message>
</context>
<context>
    <name>AutoAssignDialog</name>
    <message>
        <source>Auto-assign</source>
        <translation>Penugasan otomatis</translation>
    </message>
    <message>
        <source>Gives every dossier the number of judges asked for, never a recused or conflicting one, keeping every judge&apos;s load within one of the others. It only adds what is missing: existing assignments stay.</source>
        <translation>Memberi setiap proposal jumlah juri yang diminta, tidak pernah juri yang berbenturan kepentingan, dengan beban setiap juri berselisih paling banyak satu dari yang lain. Hanya menambah yang kurang: penugasan yang sudah ada tetap.</translation>
    </message>
    <message>
        <source>&amp;Judges per dossier:</source>
        <translation>&amp;Juri per proposal:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Benih acak:</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>Spread each judge across &amp;categories</source>
        <translation>Sebar setiap juri ke berbagai &amp;kategori</translation>
    </message>
    <message>
        <source>The same seed gives the same assignment</source>
        <translation>Benih yang sama menghasilkan penugasan yang sama</translation>
    </message>
    <message>
        <source>Judges per dossier</source>
        <translation>Juri per proposal</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Benih acak</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Tugaskan</translation>
    </message>
    <message>
        <source>%1 assignments added; loads from %2 to %3.</source>
        <translation>%1 penugasan ditambahkan; beban %2 sampai %3.</translation>
    </message>
    <message>
        <source>The constraints do not allow every load within one of the others; the loads are as even as they allow.</source>
        <translation>Batasan yang ada tidak memungkinkan semua beban berselisih paling banyak satu; beban dibuat serata mungkin.</translation>
    </message>
    <message>
        <source>Every dossier has %1 judges.</source>
        <translation>Setiap proposal memiliki %1 juri.</translation>
    </message>
    <message>
        <source>%1 dossiers could not get %2 judges:</source>
        <translation>%1 proposal tidak dapat memperoleh %2 juri:</translation>
    </message>
    <message>
        <source>Assigned, but no longer eligible (unassign them in the matrix):</source>
        <translation>Ditugaskan, tetapi tidak lagi memenuhi syarat (cabut penugasannya di matriks):</translation>
    </message>
</context>
<context>
    <name>CalibrationTab</name>
    <message>
        <source>Calibration round: not started.</source>
        <translation>Putaran kalibrasi: belum dimulai.</translation>
    </message>
    <message>
        <source>Calibration round: closed %1.</source>
        <translation>Putaran kalibrasi: ditutup %1.</translation>
    </message>
    <message>
        <source>Calibration round: open since %1.</source>
        <translation>Putaran kalibrasi: berjalan sejak %1.</translation>
    </message>
    <message>
        <source>Two points or more from the panel median: discuss.</source>
        <translation>Selisih dua poin atau lebih dari median panel: bahas.</translation>
    </message>
    <message>
        <source>Choose a judge&apos;s row first.</source>
        <translation>Pilih dulu baris seorang penilai.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Simpan laporan sebagai PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrasi</translation>
    </message>
    <message>
        <source>Checked proposals are calibration proposals (never counted):</source>
        <translation>Proposal yang dicentang adalah proposal kalibrasi (tidak pernah dihitung):</translation>
    </message>
    <message>
        <source>Save &amp;flags</source>
        <translation>Simpan &amp;tanda</translation>
    </message>
    <message>
        <source>&amp;Start the calibration round</source>
        <translation>&amp;Mulai putaran kalibrasi</translation>
    </message>
    <message>
        <source>&amp;Close the round</source>
        <translation>&amp;Tutup putaran</translation>
    </message>
    <message>
        <source>Calibration report (PDF)…</source>
        <translation>Laporan kalibrasi (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Proposal:</source>
        <translation>&amp;Proposal:</translation>
    </message>
    <message>
        <source>Send back to &amp;draft…</source>
        <translation>Kembalikan ke &amp;draf…</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Panel median</source>
        <translation>Median panel</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trainee judges against the panel (never counted)</source>
        <translation>Penilai magang dibanding panel (tidak pernah dihitung)</translation>
    </message>
    <message>
        <source>Trainee judge</source>
        <translation>Penilai magang</translation>
    </message>
    <message>
        <source>Proposals compared</source>
        <translation>Proposal dibandingkan</translation>
    </message>
    <message>
        <source>Mean absolute deviation</source>
        <translation>Simpangan rata-rata absolut</translation>
    </message>
    <message>
        <source>Rank correlation</source>
        <translation>Korelasi peringkat</translation>
    </message>
    <message>
        <source>Trainee judge report (PDF)…</source>
        <translation>Laporan penilai magang (PDF)…</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <source>Signing certificates</source>
        <translation>Sertifikat tanda tangan</translation>
    </message>
    <message>
        <source>The event&apos;s certificate authority</source>
        <translation>Otoritas sertifikat kegiatan</translation>
    </message>
    <message>
        <source>&amp;New passphrase of the authority:</source>
        <translation>&amp;Frasa sandi baru otoritas:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>&amp;Create the authority</source>
        <translation>&amp;Buat otoritas</translation>
    </message>
    <message>
        <source>Save its certificate (&amp;PEM)…</source>
        <translation>Simpan sertifikatnya (&amp;PEM)…</translation>
    </message>
    <message>
        <source>Judges&apos; certificates</source>
        <translation>Sertifikat penilai</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>&amp;Authority passphrase (secretariat):</source>
        <translation>Frasa sandi &amp;otoritas (sekretariat):</translation>
    </message>
    <message>
        <source>The &amp;judge&apos;s new passphrase (the judge types it):</source>
        <translation>Frasa sandi baru &amp;penilai (diketik penilai):</translation>
    </message>
    <message>
        <source>Re&amp;peat the judge&apos;s passphrase:</source>
        <translation>U&amp;langi frasa sandi penilai:</translation>
    </message>
    <message>
        <source>Copy the .p12 &amp;to (optional):</source>
        <translation>Salin .p12 &amp;ke (opsional):</translation>
    </message>
    <message>
        <source>a folder or a USB stick</source>
        <translation>folder atau flashdisk USB</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>Pilih &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Issue certificate</source>
        <translation>&amp;Terbitkan sertifikat</translation>
    </message>
    <message>
        <source>I&amp;mport certificate (.p12)…</source>
        <translation>I&amp;mpor sertifikat (.p12)…</translation>
    </message>
    <message>
        <source>This event has no certificate authority yet. Create it once: it issues the judges&apos; signing certificates.</source>
        <translation>Kegiatan ini belum memiliki otoritas sertifikat. Buat sekali: otoritas inilah yang menerbitkan sertifikat tanda tangan penilai.</translation>
    </message>
    <message>
        <source>Authority: %1 — fingerprint %2</source>
        <translation>Otoritas: %1 — sidik jari %2</translation>
    </message>
    <message>
        <source>serial %1, valid until %2</source>
        <translation>nomor seri %1, berlaku sampai %2</translation>
    </message>
    <message>
        <source>no certificate yet</source>
        <translation>belum ada sertifikat</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Kedua frasa sandi tidak sama.</translation>
    </message>
    <message>
        <source>The certificate authority was created. Keep its passphrase safe: every judge certificate needs it.</source>
        <translation>Otoritas sertifikat sudah dibuat. Simpan frasa sandinya baik-baik: setiap sertifikat penilai memerlukannya.</translation>
    </message>
    <message>
        <source>Save the authority&apos;s certificate</source>
        <translation>Simpan sertifikat otoritas</translation>
    </message>
    <message>
        <source>Certificates (*.pem)</source>
        <translation>Sertifikat (*.pem)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 tidak dapat ditulis: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Tersimpan di %1.</translation>
    </message>
    <message>
        <source>Where to copy the certificate (.p12)</source>
        <translation>Tempat menyalin sertifikat (.p12)</translation>
    </message>
    <message>
        <source>The judge&apos;s two passphrases are not the same.</source>
        <translation>Kedua frasa sandi penilai tidak sama.</translation>
    </message>
    <message>
        <source>Certificate issued to %1 (serial %2, valid until %3).</source>
        <translation>Sertifikat diterbitkan untuk %1 (nomor seri %2, berlaku sampai %3).</translation>
    </message>
    <message>
        <source>Copy written to %1.</source>
        <translation>Salinan ditulis ke %1.</translation>
    </message>
    <message>
        <source>The copy could not be written to %1: %2</source>
        <translation>Salinan tidak dapat ditulis ke %1: %2</translation>
    </message>
    <message>
        <source>The judge&apos;s certificate (.p12)</source>
        <translation>Sertifikat penilai (.p12)</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>Berkas PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Type the file&apos;s passphrase in the judge&apos;s passphrase field first.</source>
        <translation>Ketik dulu frasa sandi berkas itu di kolom frasa sandi penilai.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 tidak dapat dibaca: %2</translation>
    </message>
    <message>
        <source>Certificate of %1 imported (serial %2).</source>
        <translation>Sertifikat %1 diimpor (nomor seri %2).</translation>
    </message>
</context>
<context>
    <name>DossierProgressModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Sheets submitted</source>
        <translation>Lembar terkirim</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>The event</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>What the evaluation round is called, who organises it, where and when.</source>
        <translation>Nama kegiatan penilaian, penyelenggara, tempat dan waktunya.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>&amp;Penyelenggara:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Tempat:</translation>
    </message>
    <message>
        <source>&amp;Starts on:</source>
        <translation>&amp;Mulai:</translation>
    </message>
    <message>
        <source>&amp;Ends on:</source>
        <translation>&amp;Selesai:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>e.g. KIPP Kota Medan 2026 — Penilaian Proposal</source>
        <translation>mis. KIPP Kota Medan 2026 — Penilaian Proposal</translation>
    </message>
    <message>
        <source>e.g. Pemerintah Kota Medan</source>
        <translation>mis. Pemerintah Kota Medan</translation>
    </message>
    <message>
        <source>e.g. Hotel Santika Medan</source>
        <translation>mis. Hotel Santika Medan</translation>
    </message>
    <message>
        <source>WIB — Western Indonesia (Jakarta, Medan, Pontianak)</source>
        <translation>WIB — Waktu Indonesia Barat (Jakarta, Medan, Pontianak)</translation>
    </message>
    <message>
        <source>WITA — Central Indonesia (Makassar, Denpasar, Balikpapan)</source>
        <translation>WITA — Waktu Indonesia Tengah (Makassar, Denpasar, Balikpapan)</translation>
    </message>
    <message>
        <source>WIT — Eastern Indonesia (Jayapura, Ambon)</source>
        <translation>WIT — Waktu Indonesia Timur (Jayapura, Ambon)</translation>
    </message>
    <message>
        <source>Every time printed on the event&apos;s documents is local time in this zone.</source>
        <translation>Semua waktu yang dicetak pada dokumen kegiatan memakai waktu setempat di zona ini.</translation>
    </message>
    <message>
        <source>The event cannot end before it starts.</source>
        <translation>Kegiatan tidak dapat selesai sebelum dimulai.</translation>
    </message>
    <message>
        <source>An event named “%1” exists already; choose another name.</source>
        <translation>Kegiatan bernama “%1” sudah ada; pilih nama lain.</translation>
    </message>
</context>
<context>
    <name>EventWizard</name>
    <message>
        <source>PIN slips not saved</source>
        <translation>Slip PIN belum disimpan</translation>
    </message>
    <message>
        <source>The PINs and recovery codes are shown only on this page and are neither saved nor printed. Close anyway? The judges cannot sign in until each gets a new slip from the console (Reprint PIN slip).</source>
        <translation>PIN dan kode pemulihan hanya ditampilkan di halaman ini dan belum disimpan atau dicetak. Tetap tutup? Para penilai tidak dapat masuk sampai masing-masing mendapat slip baru dari konsol (Cetak ulang slip PIN).</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Kegiatan baru</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>JudgeProgressModel</name>
    <message>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Ditugaskan</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Aktivitas terakhir</translation>
    </message>
</context>
<context>
    <name>PaperImportDialog</name>
    <message>
        <source>Import paper scores</source>
        <translation>Impor nilai kertas</translation>
    </message>
    <message>
        <source>Two people type the same paper forms into two files (CSV or XLSX). The scores are imported only when both entries agree; until then nothing is stored.</source>
        <translation>Dua orang mengetik formulir kertas yang sama ke dua berkas (CSV atau XLSX). Nilai baru diimpor bila kedua entri sama; sebelum itu tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>&amp;First entry:</source>
        <translation>Entri &amp;pertama:</translation>
    </message>
    <message>
        <source>&amp;Second entry:</source>
        <translation>Entri &amp;kedua:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Choose the first entry</source>
        <translation>Pilih entri pertama</translation>
    </message>
    <message>
        <source>Choose the second entry</source>
        <translation>Pilih entri kedua</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>Entry 1</source>
        <translation>Entri 1</translation>
    </message>
    <message>
        <source>Entry 2</source>
        <translation>Entri 2</translation>
    </message>
    <message>
        <source>Differences between the two entries</source>
        <translation>Perbedaan antara kedua entri</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Bandingkan</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>The first entry</source>
        <translation>Entri pertama</translation>
    </message>
    <message>
        <source>The second entry</source>
        <translation>Entri kedua</translation>
    </message>
    <message>
        <source>Score files (*.csv *.xlsx)</source>
        <translation>Berkas nilai (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>%1 difference(s) between the two entries: correct the files and compare again. Nothing was stored.</source>
        <translation>%1 perbedaan antara kedua entri: perbaiki berkasnya lalu bandingkan lagi. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The two entries agree: %1 sheet(s) ready to import.</source>
        <translation>Kedua entri sama: %1 lembar siap diimpor.</translation>
    </message>
    <message>
        <source>The rows listed below are refused and will be left out.</source>
        <translation>Baris yang tercantum di bawah ditolak dan tidak ikut diimpor.</translation>
    </message>
    <message>
        <source>Imported %1 sheet(s); %2 unchanged, %3 refused.</source>
        <translation>%1 lembar diimpor; %2 tidak berubah, %3 ditolak.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>%1 (comment)</source>
        <translation>%1 (komentar)</translation>
    </message>
</context>
<context>
    <name>PinSlips</name>
    <message>
        <source>Sign in with your name and this PIN (File ▸ Sign in as judge). Keep the slip private. If you forget the PIN or the account is locked, the recovery code unlocks it once and lets you choose a new PIN.</source>
        <translation>Masuk dengan nama Anda dan PIN ini (Berkas ▸ Masuk sebagai penilai). Simpan slip ini secara pribadi. Jika lupa PIN atau akun terkunci, kode pemulihan membukanya sekali dan Anda dapat memilih PIN baru.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>One-time recovery code</source>
        <translation>Kode pemulihan sekali pakai</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>PIN slips</source>
        <translation>Slip PIN</translation>
    </message>
</context>
<context>
    <name>ProgressDashboard</name>
    <message>
        <source>Updated %1; refreshed automatically.</source>
        <translation>Diperbarui %1; diperbarui otomatis.</translation>
    </message>
    <message>
        <source>Overall completion:</source>
        <translation>Penyelesaian keseluruhan:</translation>
    </message>
    <message>
        <source>%1 of %2 sheets submitted (%3%)</source>
        <translation>%1 dari %2 lembar terkirim (%3%)</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Progress per judge</source>
        <translation>Kemajuan per juri</translation>
    </message>
    <message>
        <source>Progress per dossier</source>
        <translation>Kemajuan per proposal</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge proposal data</source>
        <translation>Musnahkan data proposal</translation>
    </message>
    <message>
        <source>Removes the proposals&apos; content and attachments (the personal data of innovators and contacts) of this finalised event. Results, scores, issued documents and the audit chain stay. A signed record, the Berita Acara Pemusnahan Data, lists what was destroyed.</source>
        <translation>Menghapus isi dan lampiran proposal (data pribadi inovator dan narahubung) kegiatan yang sudah difinalisasi ini. Hasil, nilai, dokumen yang telah diterbitkan dan rantai log audit tetap disimpan. Berita Acara Pemusnahan Data yang ditandatangani merinci apa yang dimusnahkan.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Required before the retention period ends</source>
        <translation>Wajib diisi sebelum masa retensi berakhir</translation>
    </message>
    <message>
        <source>&amp;Type %1:</source>
        <translation>&amp;Ketik %1:</translation>
    </message>
    <message>
        <source>Record saved in:</source>
        <translation>Berita acara disimpan di:</translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation>&amp;Folder…</translation>
    </message>
    <message>
        <source>Backups older than the purge (they still hold the data):</source>
        <translation>Cadangan yang lebih lama dari pemusnahan (masih memuat data tersebut):</translation>
    </message>
    <message>
        <source>&amp;Purge</source>
        <translation>&amp;Musnahkan</translation>
    </message>
    <message>
        <source>Retention period: not set. Only a reasoned decision of the secretariat can purge.</source>
        <translation>Masa retensi: tidak ditetapkan. Pemusnahan hanya dengan keputusan sekretariat yang beralasan.</translation>
    </message>
    <message>
        <source>Retention period: %1 days, ended on %2.</source>
        <translation>Masa retensi: %1 hari, berakhir pada %2.</translation>
    </message>
    <message>
        <source>Retention period: %1 days, ends on %2. An earlier purge needs a reason.</source>
        <translation>Masa retensi: %1 hari, berakhir pada %2. Pemusnahan lebih awal memerlukan alasan.</translation>
    </message>
    <message>
        <source>This event was purged on %1 (Berita Acara Pemusnahan Data No. %2).</source>
        <translation>Data kegiatan ini telah dimusnahkan pada %1 (Berita Acara Pemusnahan Data No. %2).</translation>
    </message>
    <message>
        <source>The event is not finalised: its data can be purged only after the results are finalised.</source>
        <translation>Kegiatan belum difinalisasi: datanya hanya dapat dimusnahkan setelah hasil difinalisasi.</translation>
    </message>
    <message>
        <source>No backup older than the purge was found.</source>
        <translation>Tidak ditemukan cadangan yang lebih lama dari pemusnahan.</translation>
    </message>
    <message>
        <source>Folder for the Berita Acara Pemusnahan Data</source>
        <translation>Folder untuk Berita Acara Pemusnahan Data</translation>
    </message>
    <message>
        <source>Purging… This can take a minute on a large database; the window stays open until it is done.</source>
        <translation>Memusnahkan… Pada basis data yang besar ini dapat memakan waktu semenit; jendela tetap terbuka sampai selesai.</translation>
    </message>
    <message>
        <source>Purged: %1 proposals, %2 content revisions, %3 attachments; %4 audit entries marked. The Berita Acara Pemusnahan Data No. %5 is saved as %6; have it signed. Destroy the backups listed above too.</source>
        <translation>Dimusnahkan: %1 proposal, %2 revisi isi, %3 lampiran; %4 entri log audit ditandai. Berita Acara Pemusnahan Data No. %5 disimpan sebagai %6; mintakan tanda tangannya. Musnahkan juga cadangan yang tercantum di atas.</translation>
    </message>
    <message>
        <source>Re&amp;tention period:</source>
        <translation>Masa re&amp;tensi:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>tidak ditetapkan</translation>
    </message>
    <message>
        <source>&amp;Save period</source>
        <translation>&amp;Simpan masa</translation>
    </message>
    <message>
        <source>Retention period saved.</source>
        <translation>Masa retensi disimpan.</translation>
    </message>
</context>
<context>
    <name>ReprintSlipDialog</name>
    <message>
        <source>Reprint PIN slip</source>
        <translation>Cetak ulang slip PIN</translation>
    </message>
    <message>
        <source>A new PIN and a new one-time recovery code replace the judge&apos;s old ones: the old slip stops working. The new values are shown only here; save or print the slip before you close.</source>
        <translation>PIN baru dan kode pemulihan sekali pakai yang baru menggantikan yang lama: slip lama tidak berlaku lagi. Nilai baru hanya ditampilkan di sini; simpan atau cetak slip sebelum menutup.</translation>
    </message>
    <message>
        <source>&amp;Judge:</source>
        <translation>&amp;Penilai:</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>&amp;New PIN and slip</source>
        <translation>PIN dan slip &amp;baru</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>Kode pemulihan:</translation>
    </message>
    <message>
        <source>&amp;Save slip (PDF)…</source>
        <translation>&amp;Simpan slip (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Print slip…</source>
        <translation>&amp;Cetak slip…</translation>
    </message>
    <message>
        <source>This event has no judges yet.</source>
        <translation>Kegiatan ini belum memiliki penilai.</translation>
    </message>
    <message>
        <source>Give %1 a new PIN and recovery code? The PIN on %1&apos;s current slip stops working.</source>
        <translation>Beri %1 PIN dan kode pemulihan baru? PIN pada slip %1 yang sekarang tidak berlaku lagi.</translation>
    </message>
    <message>
        <source>Save or print the slip shown first.</source>
        <translation>Simpan atau cetak dulu slip yang ditampilkan.</translation>
    </message>
    <message>
        <source>New PIN issued for %1. Save or print the slip now.</source>
        <translation>PIN baru diterbitkan untuk %1. Simpan atau cetak slipnya sekarang.</translation>
    </message>
    <message>
        <source>Save the PIN slip</source>
        <translation>Simpan slip PIN</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PIN slip could not be saved to %1: %2</source>
        <translation>Slip PIN tidak dapat disimpan ke %1: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Tersimpan di %1.</translation>
    </message>
    <message>
        <source>Print the PIN slip</source>
        <translation>Cetak slip PIN</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>PIN slip not saved</source>
        <translation>Slip PIN belum disimpan</translation>
    </message>
    <message>
        <source>The new PIN and recovery code are shown only here and are neither saved nor printed. Close anyway? The judge then needs another new slip.</source>
        <translation>PIN dan kode pemulihan baru hanya ditampilkan di sini dan belum disimpan atau dicetak. Tetap tutup? Penilai kemudian memerlukan slip baru lagi.</translation>
    </message>
</context>
<context>
    <name>ResetDialog</name>
    <message>
        <source>Send back to draft</source>
        <translation>Kembalikan ke draf</translation>
    </message>
    <message>
        <source>Send %1&apos;s calibration sheet for %2 back to draft?</source>
        <translation>Kembalikan lembar kalibrasi %1 untuk %2 ke draf?</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check and create</source>
        <translation>Periksa dan buat</translation>
    </message>
    <message>
        <source>Nothing is stored until you press “Create event”; then the event, its rubric, the judges and their PINs are created together.</source>
        <translation>Belum ada yang disimpan sebelum Anda menekan “Buat kegiatan”; kemudian kegiatan, instrumennya, para juri dan PIN mereka dibuat sekaligus.</translation>
    </message>
    <message>
        <source>&amp;Create event</source>
        <translation>&amp;Buat kegiatan</translation>
    </message>
    <message>
        <source>instansi</source>
        <translation>instansi</translation>
    </message>
    <message>
        <source>unit kerja</source>
        <translation>unit kerja</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Kegiatan: %1</translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation>Penyelenggara: %1</translation>
    </message>
    <message>
        <source>Venue: %1</source>
        <translation>Tempat: %1</translation>
    </message>
    <message>
        <source>Dates: %1 to %2</source>
        <translation>Tanggal: %1 sampai %2</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Zona waktu: %1</translation>
    </message>
    <message>
        <source>Rubric: %1</source>
        <translation>Instrumen: %1</translation>
    </message>
    <message>
        <source>Blind mode: %1</source>
        <translation>Penilaian tersamar: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tidak aktif</translation>
    </message>
    <message>
        <source>Recusal level: %1</source>
        <translation>Tingkat benturan kepentingan: %1</translation>
    </message>
    <message>
        <source>Aliases: %1</source>
        <translation>Alias: %1</translation>
    </message>
    <message>
        <source>Judges: %1</source>
        <translation>Juri: %1</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>ketua</translation>
    </message>
    <message>
        <source>member</source>
        <translation>anggota</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>PIN ditentukan</translation>
    </message>
    <message>
        <source>PIN generated</source>
        <translation>PIN dibuat otomatis</translation>
    </message>
    <message>
        <source>trainee, never counted</source>
        <translation>magang, tidak dihitung</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>The panel (Tim Penilai): one chair and the members. Type them in or import a CSV/Excel list with the columns name, nip, instansi, unit_kerja, role.</source>
        <translation>Tim Penilai: satu ketua dan para anggota. Ketik langsung atau impor daftar CSV/Excel dengan kolom nama, nip, instansi, unit_kerja, peran.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP (optional)</source>
        <translation>NIP (opsional)</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Unit kerja</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;Add judge</source>
        <translation>&amp;Tambah juri</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Import CSV/Excel…</source>
        <translation>&amp;Impor CSV/Excel…</translation>
    </message>
    <message>
        <source>Leave the PIN empty to have one generated. Each judge&apos;s PIN and one-time recovery code are shown once, on the PIN slips, after the event is created.</source>
        <translation>Kosongkan PIN agar dibuat otomatis. PIN dan kode pemulihan sekali pakai setiap juri ditampilkan sekali, pada slip PIN, setelah kegiatan dibuat.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message numerus="yes">
        <source>%n judge(s)</source>
        <translation>
            <numerusform>%n juri</numerusform>
        </translation>
    </message>
    <message>
        <source>Import judges</source>
        <translation>Impor juri</translation>
    </message>
    <message>
        <source>Judge lists (*.csv *.xlsx *.xlsm)</source>
        <translation>Daftar juri (*.csv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>%1, row %2: %3 is already in the table.</source>
        <translation>%1 baris %2: %3 sudah ada di tabel.</translation>
    </message>
    <message>
        <source>%1: %2 judges added, %3 rows rejected.</source>
        <translation>%1: %2 juri ditambahkan, %3 baris ditolak.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Baris %1: %2</translation>
    </message>
    <message>
        <source>Only one judge can chair the panel.</source>
        <translation>Hanya satu juri yang dapat menjadi ketua tim.</translation>
    </message>
    <message>
        <source>Correct the rows below first.</source>
        <translation>Perbaiki dahulu baris-baris di bawah.</translation>
    </message>
    <message>
        <source>Trainee (shadow)</source>
        <translation>Magang (shadow)</translation>
    </message>
</context>
<context>
    <name>RoutineMenu</name>
    <message>
        <source>Ac&amp;tions</source>
        <translation>&amp;Tindakan</translation>
    </message>
    <message>
        <source>Routine steps for this event</source>
        <translation>Langkah rutin untuk kegiatan ini</translation>
    </message>
    <message>
        <source>&amp;Reprint PIN slip…</source>
        <translation>&amp;Cetak ulang slip PIN…</translation>
    </message>
    <message>
        <source>A judge&apos;s new PIN and recovery code, and their slip</source>
        <translation>PIN dan kode pemulihan baru seorang penilai, beserta slipnya</translation>
    </message>
    <message>
        <source>Import &amp;paper scores…</source>
        <translation>Impor nilai &amp;kertas…</translation>
    </message>
    <message>
        <source>Scores typed from the paper forms, entered twice and compared</source>
        <translation>Nilai yang diketik dari formulir kertas, dientri dua kali dan dibandingkan</translation>
    </message>
    <message>
        <source>Signing &amp;certificates…</source>
        <translation>&amp;Sertifikat tanda tangan…</translation>
    </message>
    <message>
        <source>The event&apos;s certificate authority and the judges&apos; certificates</source>
        <translation>Otoritas sertifikat kegiatan dan sertifikat para penilai</translation>
    </message>
    <message>
        <source>Re&amp;open the event…</source>
        <translation>&amp;Buka kembali kegiatan…</translation>
    </message>
    <message>
        <source>Reopen a finalised event, with a reason for the audit log</source>
        <translation>Buka kembali kegiatan yang sudah difinalisasi, dengan alasan untuk log audit</translation>
    </message>
    <message>
        <source>Purge proposal &amp;data…</source>
        <translation>Musnahkan &amp;data proposal…</translation>
    </message>
    <message>
        <source>Remove the proposals&apos; content and attachments of a finalised event, with a signed destruction record</source>
        <translation>Hapus isi dan lampiran proposal kegiatan yang sudah difinalisasi, dengan berita acara pemusnahan yang ditandatangani</translation>
    </message>
    <message>
        <source>No event</source>
        <translation>Belum ada kegiatan</translation>
    </message>
    <message>
        <source>Create or choose an event first.</source>
        <translation>Buat atau pilih kegiatan lebih dulu.</translation>
    </message>
</context>
<context>
    <name>RubricPage</name>
    <message>
        <source>The rubric</source>
        <translation>Instrumen penilaian</translation>
    </message>
    <message>
        <source>The criteria, weights and pass mark the judges score against. Choose a built-in rubric or a rubric file (TOML); a file with problems is not accepted.</source>
        <translation>Kriteria, bobot dan nilai batas lulus yang dipakai juri. Pilih instrumen bawaan atau berkas instrumen (TOML); berkas yang bermasalah tidak diterima.</translation>
    </message>
    <message>
        <source>&amp;Built-in rubrics:</source>
        <translation>Instrumen &amp;bawaan:</translation>
    </message>
    <message>
        <source>Built-in rubrics</source>
        <translation>Instrumen bawaan</translation>
    </message>
    <message>
        <source>Rubric &amp;file…</source>
        <translation>&amp;Berkas instrumen…</translation>
    </message>
    <message>
        <source>Problems of the rubric file</source>
        <translation>Masalah berkas instrumen</translation>
    </message>
    <message>
        <source>Choose a rubric file</source>
        <translation>Pilih berkas instrumen</translation>
    </message>
    <message>
        <source>Rubric files (*.toml)</source>
        <translation>Berkas instrumen (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>%1 has problems and cannot be used:</source>
        <translation>%1 bermasalah dan tidak dapat dipakai:</translation>
    </message>
    <message>
        <source>%1 (version %2), pass mark %3. %4</source>
        <translation>%1 (versi %2), batas lulus %3. %4</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Conflict rules</source>
        <translation>Aturan benturan kepentingan</translation>
    </message>
    <message>
        <source>Who may not judge what. The rules are enforced whenever judges are assigned.</source>
        <translation>Siapa yang tidak boleh menilai apa. Aturan ini ditegakkan setiap kali juri ditugaskan.</translation>
    </message>
    <message>
        <source>&amp;Blind mode: judges do not see the names of the agencies</source>
        <translation>Penilaian &amp;tersamar: juri tidak melihat nama instansi</translation>
    </message>
    <message>
        <source>Names of the instansi, unit kerja and innovators are masked in what the judges read.</source>
        <translation>Nama instansi, unit kerja dan inovator disamarkan dalam bahan yang dibaca juri.</translation>
    </message>
    <message>
        <source>A judge is recused from the dossiers of their own:</source>
        <translation>Juri tidak boleh menilai proposal dari:</translation>
    </message>
    <message>
        <source>&amp;instansi (national competitions: a ministry&apos;s staff never judge its entries)</source>
        <translation>&amp;instansinya sendiri (kompetisi nasional: pegawai kementerian tidak menilai proposal kementeriannya)</translation>
    </message>
    <message>
        <source>&amp;unit kerja (a city&apos;s OPD competition, where every entry shares one instansi)</source>
        <translation>&amp;unit kerjanya sendiri (lomba OPD sebuah kota, semua peserta dari satu instansi)</translation>
    </message>
    <message>
        <source>&amp;Aliases, one agency per line: NAME = ALIAS; ALIAS</source>
        <translation>&amp;Alias, satu instansi per baris: NAMA = ALIAS; ALIAS</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Aliases, line %1: write NAME = ALIAS; ALIAS.</source>
        <translation>Alias, baris %1: tulis NAMA = ALIAS; ALIAS.</translation>
    </message>
</context>
<context>
    <name>SecretariatConsole</name>
    <message>
        <source>Secretariat console</source>
        <translation>Konsol sekretariat</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Daftar kegiatan</translation>
    </message>
    <message>
        <source>Back to the events overview</source>
        <translation>Kembali ke daftar kegiatan</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Penugasan</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
</context>
<context>
    <name>SecretariatHook</name>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Kegiatan baru…</translation>
    </message>
    <message>
        <source>Set up an evaluation event: rubric, conflict rules, judges and PINs</source>
        <translation>Siapkan kegiatan penilaian: instrumen, aturan benturan kepentingan, juri dan PIN</translation>
    </message>
    <message>
        <source>Secretariat &amp;console</source>
        <translation>Konsol &amp;sekretariat</translation>
    </message>
    <message>
        <source>Assign judges and follow the progress of an event</source>
        <translation>Tugaskan juri dan pantau kemajuan kegiatan</translation>
    </message>
</context>
<context>
    <name>SlipsPage</name>
    <message>
        <source>PIN slips</source>
        <translation>Slip PIN</translation>
    </message>
    <message>
        <source>The event is created. Print the slips and hand each judge their own.</source>
        <translation>Kegiatan telah dibuat. Cetak slip dan serahkan kepada masing-masing juri.</translation>
    </message>
    <message>
        <source>These PINs and one-time recovery codes are shown only now: the database keeps only their hashes. Save the slips as a PDF or print them before you finish (a new slip can be printed later in the secretariat console, which replaces the PIN).</source>
        <translation>PIN dan kode pemulihan sekali pakai ini hanya ditampilkan sekarang: basis data hanya menyimpan hash-nya. Simpan slip sebagai PDF atau cetak sebelum selesai (slip baru dapat dicetak nanti di konsol sekretariat, yang mengganti PIN).</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Kode pemulihan</translation>
    </message>
    <message>
        <source>&amp;Save PIN slips (PDF)…</source>
        <translation>&amp;Simpan slip PIN (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Print PIN slips…</source>
        <translation>&amp;Cetak slip PIN…</translation>
    </message>
    <message>
        <source>Print the PIN slips</source>
        <translation>Cetak slip PIN</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>Save the PIN slips</source>
        <translation>Simpan slip PIN</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PIN slips could not be saved to %1: %2</source>
        <translation>Slip PIN tidak dapat disimpan ke %1: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Tersimpan di %1.</translation>
    </message>
</context>
</TS>
