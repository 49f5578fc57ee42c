<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AttachmentTexts</name>
    <message>
        <source>Statement letter</source>
        <translation>Surat pernyataan</translation>
    </message>
    <message>
        <source>Decree (SK)</source>
        <translation>SK (Surat Keputusan)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Evaluation report</source>
        <translation>Laporan evaluasi</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Ministry (kementerian)</source>
        <translation>Kementerian</translation>
    </message>
    <message>
        <source>Agency (lembaga)</source>
        <translation>Lembaga</translation>
    </message>
    <message>
        <source>Province (provinsi)</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency (kabupaten)</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>City (kota)</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Regional office (OPD)</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>General (umum)</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Replication (replikasi)</source>
        <translation>Replikasi</translation>
    </message>
    <message>
        <source>Special (khusus)</source>
        <translation>Khusus</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>The image could not be read: %1</source>
        <translation>Gambar tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>The file was not found in the attachment store.</source>
        <translation>Berkas tidak ditemukan di penyimpanan lampiran.</translation>
    </message>
    <message>
        <source>The file is not a PDF that can be shown.</source>
        <translation>Berkas ini bukan PDF yang dapat ditampilkan.</translation>
    </message>
    <message>
        <source>The PDF is protected with a password.</source>
        <translation>PDF ini dilindungi kata sandi.</translation>
    </message>
    <message>
        <source>The PDF uses a protection that cannot be opened.</source>
        <translation>PDF ini memakai perlindungan yang tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>The PDF could not be opened.</source>
        <translation>PDF tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Halaman sebelumnya</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Halaman berikutnya</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Halaman</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Perbesaran</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Sesuai lebar</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Sesuai halaman</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>Buka lagi</translation>
    </message>
    <message>
        <source>Choose a proposal to see its attachments here.</source>
        <translation>Pilih proposal untuk melihat lampirannya di sini.</translation>
    </message>
    <message>
        <source>Choose an attachment on the left to see it here.</source>
        <translation>Pilih lampiran di sebelah kiri untuk melihatnya di sini.</translation>
    </message>
    <message>
        <source>This proposal has no attachments.</source>
        <translation>Proposal ini tidak memiliki lampiran.</translation>
    </message>
    <message>
        <source>“%1” is not shown inside oaoi-desktop: it was opened with the system&apos;s default application.</source>
        <translation>“%1” tidak ditampilkan di dalam oaoi-desktop: berkas ini dibuka dengan aplikasi bawaan sistem.</translation>
    </message>
    <message>
        <source>“%1” could not be opened: no application on this computer opens this kind of file.</source>
        <translation>“%1” tidak dapat dibuka: tidak ada aplikasi di komputer ini yang dapat membuka jenis berkas ini.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Nyatakan benturan kepentingan</translation>
    </message>
    <message>
        <source>Conflict of interest: %1</source>
        <translation>Benturan kepentingan: %1</translation>
    </message>
    <message>
        <source>The proposal leaves your queue and you can no longer score it; the secretariat sees your declaration and its reason. A draft score sheet is kept but does not count.</source>
        <translation>Proposal ini keluar dari daftar Anda dan tidak dapat Anda nilai lagi; sekretariat melihat pernyataan Anda beserta alasannya. Lembar penilaian draf tetap tersimpan tetapi tidak dihitung.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Reason for the conflict of interest</source>
        <translation>Alasan benturan kepentingan</translation>
    </message>
    <message>
        <source>&amp;Declare conflict</source>
        <translation>&amp;Nyatakan benturan</translation>
    </message>
    <message>
        <source>Declare conflict</source>
        <translation>Nyatakan benturan</translation>
    </message>
</context>
<context>
    <name>CriterionEditor</name>
    <message>
        <source>Not scored yet: click a score or type it.</source>
        <translation>Belum dinilai: klik nilai atau ketikkan angkanya.</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Nilai %1</translation>
    </message>
    <message>
        <source>Comment — required for a score below %1: please explain the score</source>
        <translation>Komentar — wajib untuk nilai di bawah %1: jelaskan alasan nilai ini</translation>
    </message>
    <message>
        <source>Comment (required for a score below %1)</source>
        <translation>Komentar (wajib untuk nilai di bawah %1)</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Komentar (opsional)</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>bobot %1</translation>
    </message>
    <message>
        <source>of %1–%2</source>
        <translation>dari %1–%2</translation>
    </message>
    <message>
        <source>Score for %1</source>
        <translation>Nilai untuk %1</translation>
    </message>
    <message>
        <source>Type a score from %1 to %2; Tab goes to the next criterion</source>
        <translation>Ketik nilai dari %1 sampai %2; Tab pindah ke kriteria berikutnya</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Komentar untuk %1</translation>
    </message>
    <message>
        <source>Knock-out: a score below %1 fails the proposal on this criterion.</source>
        <translation>Syarat gugur: nilai di bawah %1 menggugurkan proposal pada kriteria ini.</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>secretariat</source>
        <translation>sekretariat</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>ketua</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>penilai</translation>
    </message>
    <message>
        <source>Demo mode: this window uses a separate demo database (%1); your own database is not touched. Sign in with these PINs:</source>
        <translation>Mode demo: jendela ini memakai basis data demo terpisah (%1); basis data Anda sendiri tidak disentuh. Masuk dengan PIN berikut:</translation>
    </message>
    <message>
        <source>PIN of %1</source>
        <translation>PIN %1</translation>
    </message>
    <message>
        <source>Preparing the demo…</source>
        <translation>Menyiapkan demo…</translation>
    </message>
    <message>
        <source>The demo could not be opened</source>
        <translation>Demo tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>DossierBrowserPage</name>
    <message>
        <source>The proposals could not be read</source>
        <translation>Daftar proposal tidak dapat dibaca</translation>
    </message>
    <message>
        <source>The proposal could not be read</source>
        <translation>Proposal tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Evaluation events</source>
        <translation>Kegiatan penilaian</translation>
    </message>
    <message>
        <source>Back to the list of evaluation events</source>
        <translation>Kembali ke daftar kegiatan penilaian</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Proposal inovasi</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>Search number, title, agency, category</source>
        <translation>Cari nomor, judul, instansi, kategori</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s)</source>
        <translation>
            <numerusform>%n proposal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierReader</name>
    <message>
        <source>Attachments are not redacted</source>
        <translation>Lampiran tidak disamarkan</translation>
    </message>
    <message>
        <source>This evaluation is blind: the proposal&apos;s identity is hidden in the texts, but attachments cannot be redacted. “%1” may show the agency, the unit or the innovators.

Open the attachment anyway?</source>
        <translation>Penilaian ini tersamar: identitas pengusul disamarkan dalam teks, tetapi lampiran tidak dapat disamarkan. “%1” mungkin menampilkan instansi, unit kerja, atau nama inovatornya.

Tetap buka lampiran ini?</translation>
    </message>
    <message>
        <source>Preparing “%1”…</source>
        <translation>Menyiapkan “%1”…</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>disamarkan</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n bulan</numerusform>
        </translation>
    </message>
    <message>
        <source>A link on the internet: it opens only where there is a connection.</source>
        <translation>Tautan internet: hanya dapat dibuka bila ada sambungan.</translation>
    </message>
    <message>
        <source>Blind evaluation: the proposal&apos;s identity is hidden. Attachments cannot be redacted.</source>
        <translation>Penilaian tersamar: identitas pengusul disamarkan. Lampiran tidak dapat disamarkan.</translation>
    </message>
    <message>
        <source>This is revision %1; the current revision is %2.</source>
        <translation>Ini revisi %1; revisi terkini adalah %2.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>imported %1</source>
        <translation>diimpor %1</translation>
    </message>
    <message>
        <source>Proposal number</source>
        <translation>Nomor proposal</translation>
    </message>
    <message>
        <source>Agency (instansi)</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit (unit kerja)</source>
        <translation>Unit kerja</translation>
    </message>
    <message>
        <source>Cluster (klaster)</source>
        <translation>Klaster</translation>
    </message>
    <message>
        <source>Group (kelompok)</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Innovators</source>
        <translation>Inovator</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Mulai diterapkan</translation>
    </message>
    <message>
        <source>Age of the innovation</source>
        <translation>Usia inovasi</translation>
    </message>
    <message>
        <source>SDGs</source>
        <translation>TPB/SDGs</translation>
    </message>
    <message>
        <source>Digital innovation</source>
        <translation>Inovasi digital</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Finalist before</source>
        <translation>Pernah menjadi finalis</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <source>Other attachments</source>
        <translation>Lampiran lainnya</translation>
    </message>
</context>
<context>
    <name>DossiersTableModel</name>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
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
        <source>Rev.</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>The current revision (a changed package imported again adds one)</source>
        <translation>Revisi terkini (mengimpor lagi paket yang berubah menambah satu revisi)</translation>
    </message>
    <message>
        <source>Attachments of the current revision</source>
        <translation>Lampiran pada revisi terkini</translation>
    </message>
</context>
<context>
    <name>EventsOverviewPage</name>
    <message>
        <source>Evaluation events</source>
        <translation>Kegiatan penilaian</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation event(s) in this database, with the proposals imported, the judges registered and the score sheets submitted so far.</source>
        <translation>
            <numerusform>%n kegiatan penilaian di basis data ini, dengan proposal yang sudah diimpor, penilai yang terdaftar, dan lembar penilaian yang sudah dikirim.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Berlangsung</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Evaluation event</source>
        <translation>Kegiatan penilaian</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Instrumen penilaian</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Penugasan</translation>
    </message>
    <message>
        <source>Sheets submitted</source>
        <translation>Lembar dikirim</translation>
    </message>
    <message>
        <source>The rubric (Instrumen penilaian) the judges score against</source>
        <translation>Instrumen penilaian yang dipakai para penilai</translation>
    </message>
    <message>
        <source>Innovation proposals imported into the event</source>
        <translation>Proposal inovasi yang diimpor ke kegiatan ini</translation>
    </message>
    <message>
        <source>Judges and chair on the event&apos;s panel</source>
        <translation>Penilai dan ketua dalam tim penilai kegiatan ini</translation>
    </message>
    <message>
        <source>Proposals assigned to judges, counted per judge and stage</source>
        <translation>Proposal yang ditugaskan kepada penilai, dihitung per penilai dan tahap</translation>
    </message>
    <message>
        <source>Score sheets the judges have submitted</source>
        <translation>Lembar penilaian yang sudah dikirim para penilai</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>The database could not be read</source>
        <translation>Basis data tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Removable drive</source>
        <translation>Drive lepas-pasang</translation>
    </message>
    <message>
        <source>System disk</source>
        <translation>Disk sistem</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 kosong dari %2</translation>
    </message>
    <message>
        <source>Choose the folder with the proposals</source>
        <translation>Pilih folder berisi proposal</translation>
    </message>
    <message>
        <source>Choose a ZIP package or a list of proposals</source>
        <translation>Pilih paket ZIP atau daftar proposal</translation>
    </message>
    <message>
        <source>Proposal packages (*.zip *.xlsx *.csv)</source>
        <translation>Paket proposal (*.zip *.xlsx *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Looking for proposals…</source>
        <translation>Mencari proposal…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Storing</source>
        <translation>Menyimpan</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Membaca</translation>
    </message>
    <message>
        <source>%1: %2 of %3 proposals · %4 MB/s</source>
        <translation>%1: %2 dari %3 proposal · %4 MB/dtk</translation>
    </message>
    <message>
        <source>Nothing could be imported</source>
        <translation>Tidak ada yang dapat diimpor</translation>
    </message>
    <message>
        <source>%1 imported, %2 updated, %3 unchanged, %4 rejected</source>
        <translation>%1 diimpor, %2 diperbarui, %3 tidak berubah, %4 ditolak</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n peringatan</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled after %1 s</source>
        <translation>Dibatalkan setelah %1 dtk</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) not processed: import again to finish.</source>
        <translation>
            <numerusform>%n paket belum diproses: impor lagi untuk menyelesaikannya.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>Selesai dalam %1 dtk</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Laporan disimpan: %1</translation>
    </message>
    <message>
        <source>import-report</source>
        <translation>laporan-impor</translation>
    </message>
    <message>
        <source>The report could not be saved</source>
        <translation>Laporan tidak dapat disimpan</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Simpan laporan impor</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import from USB</source>
        <translation>Impor dari USB</translation>
    </message>
    <message>
        <source>Import proposals</source>
        <translation>Impor proposal</translation>
    </message>
    <message>
        <source>Choose the USB stick, then the folder or ZIP file holding the proposals (one folder or ZIP per proposal, or a folder of them, optionally with dossiers.xlsx). Each proposal is imported whole or not at all; importing the same files again changes nothing.</source>
        <translation>Pilih flashdisk USB, lalu folder atau berkas ZIP berisi proposal (satu folder atau ZIP per proposal, atau satu folder berisi semuanya, boleh disertai dossiers.xlsx). Setiap proposal diimpor utuh atau tidak sama sekali; mengimpor berkas yang sama lagi tidak mengubah apa pun.</translation>
    </message>
    <message>
        <source>&amp;Evaluation event:</source>
        <translation>&amp;Kegiatan penilaian:</translation>
    </message>
    <message>
        <source>There is no evaluation event yet. Create one first: Event ▸ New event… (Ctrl+N).</source>
        <translation>Belum ada kegiatan penilaian. Buat dulu: Kegiatan ▸ Kegiatan baru… (Ctrl+N).</translation>
    </message>
    <message>
        <source>&amp;Drives (removable first):</source>
        <translation>&amp;Drive (yang lepas-pasang lebih dulu):</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Pilih &amp;folder…</translation>
    </message>
    <message>
        <source>Choose &amp;ZIP or list…</source>
        <translation>Pilih &amp;ZIP atau daftar…</translation>
    </message>
    <message>
        <source>Look for drives again</source>
        <translation>Cari drive lagi</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>To &amp;import:</source>
        <translation>Akan di&amp;impor:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus dari daftar</translation>
    </message>
    <message>
        <source>&amp;Start import</source>
        <translation>&amp;Mulai impor</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>E&amp;xport report CSV…</source>
        <translation>&amp;Ekspor laporan CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Not processed</source>
        <translation>Tidak diproses</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>The import was cancelled before this package.</source>
        <translation>Impor dibatalkan sebelum paket ini.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
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
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Integrity declaration</source>
        <translation>Pakta integritas</translation>
    </message>
    <message>
        <source>Before you open any proposal of “%1”, read and confirm this declaration. It is recorded once, with the time, in the audit log.</source>
        <translation>Sebelum membuka proposal pada “%1”, baca dan setujui pernyataan ini. Persetujuan dicatat satu kali, beserta waktunya, di log audit.</translation>
    </message>
    <message>
        <source>&amp;Agree and continue</source>
        <translation>&amp;Setuju dan lanjutkan</translation>
    </message>
    <message>
        <source>Agree and continue</source>
        <translation>Setuju dan lanjutkan</translation>
    </message>
    <message>
        <source>Text of the declaration</source>
        <translation>Teks pernyataan</translation>
    </message>
</context>
<context>
    <name>JudgeMenuHook</name>
    <message>
        <source>Sign in as &amp;judge…</source>
        <translation>Masuk sebagai &amp;penilai…</translation>
    </message>
    <message>
        <source>Sign in to score the proposals assigned to you</source>
        <translation>Masuk untuk menilai proposal yang ditugaskan kepada Anda</translation>
    </message>
    <message>
        <source>The workspace could not be opened</source>
        <translation>Ruang kerja tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>JudgeWorkspace</name>
    <message>
        <source>Report visible &amp;identity…</source>
        <translation>Laporkan &amp;identitas terlihat…</translation>
    </message>
    <message>
        <source>Report that the open proposal still shows who wrote it</source>
        <translation>Laporkan bahwa proposal yang terbuka masih memperlihatkan pengusulnya</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>%1: %2 · %3</source>
        <translation>%1: %2 · %3</translation>
    </message>
    <message>
        <source>Blind evaluation: agencies and innovators are hidden</source>
        <translation>Penilaian tersamar: instansi dan inovator disamarkan</translation>
    </message>
    <message>
        <source>Declare &amp;conflict…</source>
        <translation>Nyatakan &amp;benturan…</translation>
    </message>
    <message>
        <source>Declare a conflict of interest on the open proposal</source>
        <translation>Nyatakan benturan kepentingan pada proposal yang terbuka</translation>
    </message>
    <message>
        <source>Shortcuts (F1)</source>
        <translation>Pintasan (F1)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Keluar dari akun</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar dari akun</translation>
    </message>
    <message>
        <source>Integrity declaration first</source>
        <translation>Pakta integritas lebih dahulu</translation>
    </message>
    <message>
        <source>Before you can see the proposals assigned to you in this event, read and confirm the Integrity Pact and Declaration of No Conflict of Interest.</source>
        <translation>Sebelum Anda dapat melihat proposal yang ditugaskan kepada Anda pada kegiatan ini, baca dan setujui Pakta Integritas dan Pernyataan Bebas Konflik Kepentingan.</translation>
    </message>
    <message>
        <source>&amp;Read the declaration…</source>
        <translation>&amp;Baca pernyataan…</translation>
    </message>
    <message>
        <source>Read the declaration</source>
        <translation>Baca pernyataan</translation>
    </message>
    <message>
        <source>Search number, title, category… (Ctrl+F)</source>
        <translation>Cari nomor, judul, kategori… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Cari di daftar proposal</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Not submitted yet</source>
        <translation>Belum dikirim</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Belum dinilai</translation>
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
        <source>Show proposals with status</source>
        <translation>Tampilkan proposal berstatus</translation>
    </message>
    <message>
        <source>Proposals assigned to you</source>
        <translation>Proposal yang ditugaskan kepada Anda</translation>
    </message>
    <message>
        <source>Choose a proposal from the list (click it, or select it and press Enter).
F1 lists the keyboard shortcuts.</source>
        <translation>Pilih proposal dari daftar (klik, atau pilih lalu tekan Enter).
F1 menampilkan pintasan papan ketik.</translation>
    </message>
    <message>
        <source>Submit the score sheet</source>
        <translation>Kirim lembar penilaian</translation>
    </message>
    <message>
        <source>Next proposal</source>
        <translation>Proposal berikutnya</translation>
    </message>
    <message>
        <source>Previous proposal</source>
        <translation>Proposal sebelumnya</translation>
    </message>
    <message>
        <source>Write the comment of the current criterion</source>
        <translation>Tulis komentar kriteria ini</translation>
    </message>
    <message>
        <source>Show or hide the queue</source>
        <translation>Tampilkan atau sembunyikan daftar proposal</translation>
    </message>
    <message>
        <source>Declare a conflict of interest</source>
        <translation>Nyatakan benturan kepentingan</translation>
    </message>
    <message>
        <source>The workspace could not be opened</source>
        <translation>Ruang kerja tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The queue could not be read</source>
        <translation>Daftar proposal tidak dapat dibaca</translation>
    </message>
    <message>
        <source>No proposals are assigned to you in this event.</source>
        <translation>Belum ada proposal yang ditugaskan kepada Anda pada kegiatan ini.</translation>
    </message>
    <message>
        <source>No proposal matches the search or the status filter.</source>
        <translation>Tidak ada proposal yang cocok dengan pencarian atau saringan status.</translation>
    </message>
    <message>
        <source>The proposal cannot be opened</source>
        <translation>Proposal tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The form now shows the sheet as it was saved there; enter your change again.</source>
        <translation>Formulir kini menampilkan lembar penilaian sebagaimana tersimpan di sana; masukkan kembali perubahan Anda.</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>Perubahan tidak tersimpan</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Not scored yet: %1</source>
        <translation>Belum dinilai: %1</translation>
    </message>
    <message>
        <source>A comment is required for: %1</source>
        <translation>Komentar wajib untuk: %1</translation>
    </message>
    <message>
        <source>Already submitted</source>
        <translation>Sudah dikirim</translation>
    </message>
    <message>
        <source>This score sheet is already submitted and locked.</source>
        <translation>Lembar penilaian ini sudah dikirim dan dikunci.</translation>
    </message>
    <message>
        <source>The score sheet cannot be submitted yet</source>
        <translation>Lembar penilaian belum dapat dikirim</translation>
    </message>
    <message>
        <source>Proposal %1 is not complete:</source>
        <translation>Penilaian proposal %1 belum lengkap:</translation>
    </message>
    <message>
        <source>Submit the score sheet?</source>
        <translation>Kirim lembar penilaian?</translation>
    </message>
    <message>
        <source>Submit your scores for proposal %1 (total %2)? After submitting, the sheet is locked: only the secretariat can reopen it.</source>
        <translation>Kirim nilai Anda untuk proposal %1 (total %2)? Setelah dikirim, lembar penilaian dikunci: hanya sekretariat yang dapat membukanya kembali.</translation>
    </message>
    <message>
        <source>1 … 9, 0</source>
        <translation>1 … 9, 0</translation>
    </message>
    <message>
        <source>Enter the score of the criterion (0 means 10 on a 1–10 scale)</source>
        <translation>Isi nilai kriteria (0 berarti 10 pada skala 1–10)</translation>
    </message>
    <message>
        <source>1 then 0</source>
        <translation>1 lalu 0</translation>
    </message>
    <message>
        <source>Two digits: type them quickly, or end with Enter</source>
        <translation>Dua angka: ketik berturut-turut, atau akhiri dengan Enter</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Panah atas / bawah</translation>
    </message>
    <message>
        <source>Raise or lower the score by one step</source>
        <translation>Naikkan atau turunkan nilai satu langkah</translation>
    </message>
    <message>
        <source>Backspace / Delete</source>
        <translation>Backspace / Delete</translation>
    </message>
    <message>
        <source>Clear the score</source>
        <translation>Hapus nilai</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous criterion</source>
        <translation>Kriteria berikutnya / sebelumnya</translation>
    </message>
    <message>
        <source>Enter or F2</source>
        <translation>Enter atau F2</translation>
    </message>
    <message>
        <source>Write the comment of the criterion; Esc goes back to its score</source>
        <translation>Tulis komentar kriteria; Esc kembali ke nilainya</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Ctrl+PgDown / Ctrl+PgUp</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Next / previous proposal</source>
        <translation>Proposal berikutnya / sebelumnya</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation>Ctrl+Z / Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Undo / redo a score (saved as well)</source>
        <translation>Urungkan / ulangi nilai (ikut tersimpan)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock the window (your PIN unlocks it)</source>
        <translation>Kunci jendela (PIN Anda membukanya lagi)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Daftar ini</translation>
    </message>
    <message>
        <source>Every change is saved at once; there is no Save button.</source>
        <translation>Setiap perubahan langsung tersimpan; tidak ada tombol Simpan.</translation>
    </message>
</context>
<context>
    <name>LeakReportDialog</name>
    <message>
        <source>Report a visible identity</source>
        <translation>Laporkan identitas terlihat</translation>
    </message>
    <message>
        <source>Identity still visible: %1</source>
        <translation>Identitas masih terlihat: %1</translation>
    </message>
    <message>
        <source>Copy the words that still show who wrote this proposal (a place, an office, a name). The secretariat sees your report and can hide those words in every proposal. Keep scoring on the proposal&apos;s merits.</source>
        <translation>Salin kata yang masih memperlihatkan siapa pengusul proposal ini (nama tempat, kantor, orang). Sekretariat melihat laporan Anda dan dapat menyamarkan kata itu di setiap proposal. Tetap nilai proposal berdasarkan isinya.</translation>
    </message>
    <message>
        <source>&amp;Words that give the author away:</source>
        <translation>&amp;Kata yang memperlihatkan pengusul:</translation>
    </message>
    <message>
        <source>Words that give the author away</source>
        <translation>Kata yang memperlihatkan pengusul</translation>
    </message>
    <message>
        <source>W&amp;here (section, optional):</source>
        <translation>&amp;Di mana (bagian, boleh kosong):</translation>
    </message>
    <message>
        <source>&amp;Report to the secretariat</source>
        <translation>&amp;Laporkan ke sekretariat</translation>
    </message>
    <message>
        <source>Report to the secretariat</source>
        <translation>Laporkan ke sekretariat</translation>
    </message>
</context>
<context>
    <name>LevelButtons</name>
    <message>
        <source>Score %1</source>
        <translation>Nilai %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>secretariat</source>
        <translation>sekretariat</translation>
    </message>
    <message>
        <source>chair of the panel</source>
        <translation>ketua tim penilai</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>penilai</translation>
    </message>
    <message>
        <source>The window is locked</source>
        <translation>Jendela terkunci</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Masuk: %1 (%2)</translation>
    </message>
    <message>
        <source>Nothing was lost: every change is already saved. Type your PIN or passphrase to go on, or sign out so that someone else can sign in.</source>
        <translation>Tidak ada yang hilang: setiap perubahan sudah tersimpan. Ketik PIN atau frasa sandi Anda untuk melanjutkan, atau keluar akun agar orang lain dapat masuk.</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>&amp;PIN atau frasa sandi:</translation>
    </message>
    <message>
        <source>PIN or passphrase</source>
        <translation>PIN atau frasa sandi</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Buka kunci</translation>
    </message>
    <message>
        <source>Sign &amp;out %1</source>
        <translation>&amp;Keluarkan akun %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database could not be read</source>
        <translation>Basis data tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Offline judging of public-service innovations: import, scoring, ranking and signed results, for the panels of the One Agency One Innovation movement (Gerakan Satu Instansi Satu Inovasi).</source>
        <translation>Penilaian inovasi pelayanan publik secara luring: impor proposal, penilaian, pemeringkatan, dan hasil bertanda tangan, untuk tim penilai Gerakan Satu Instansi Satu Inovasi.</translation>
    </message>
    <message>
        <source>Licence: MIT</source>
        <translation>Lisensi: MIT</translation>
    </message>
    <message>
        <source>About oaoi-desktop</source>
        <translation>Tentang oaoi-desktop</translation>
    </message>
    <message>
        <source>Signing in failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Only folders, ZIP files and proposal lists (.xlsx, .csv) can be imported.</source>
        <translation>Hanya folder, berkas ZIP, dan daftar proposal (.xlsx, .csv) yang dapat diimpor.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Import from USB…</source>
        <translation>&amp;Impor dari USB…</translation>
    </message>
    <message>
        <source>Import from USB</source>
        <translation>Impor dari USB</translation>
    </message>
    <message>
        <source>Import proposals from a USB stick, a folder or a ZIP file</source>
        <translation>Impor proposal dari flashdisk USB, folder, atau berkas ZIP</translation>
    </message>
    <message>
        <source>&amp;Proposals</source>
        <translation>&amp;Proposal</translation>
    </message>
    <message>
        <source>Read the proposals of an evaluation event</source>
        <translation>Baca proposal suatu kegiatan penilaian</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Buka &amp;demo</translation>
    </message>
    <message>
        <source>Open a demo event with sample proposals, in a separate database</source>
        <translation>Buka kegiatan demo berisi contoh proposal, di basis data terpisah</translation>
    </message>
    <message>
        <source>Tool bar</source>
        <translation>Bilah alat</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Close oaoi-desktop</source>
        <translation>Tutup oaoi-desktop</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Read the database again</source>
        <translation>Baca ulang basis data</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Kegiatan</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>&amp;About oaoi-desktop</source>
        <translation>&amp;Tentang oaoi-desktop</translation>
    </message>
    <message>
        <source>&amp;Lock the window</source>
        <translation>&amp;Kunci jendela</translation>
    </message>
    <message>
        <source>Hide the window until you type your PIN again</source>
        <translation>Sembunyikan isi jendela sampai Anda mengetik PIN lagi</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Keluar akun</translation>
    </message>
    <message>
        <source>End your session; the next person signs in</source>
        <translation>Akhiri sesi Anda; orang berikutnya masuk dengan akunnya sendiri</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Belum ada yang masuk</translation>
    </message>
    <message>
        <source>Signed in: %1 (secretariat)</source>
        <translation>Masuk: %1 (sekretariat)</translation>
    </message>
    <message>
        <source>Signed in: %1 (judge)</source>
        <translation>Masuk: %1 (penilai)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Perangkat: %1</translation>
    </message>
    <message>
        <source>This installation&apos;s device id: %1</source>
        <translation>ID perangkat instalasi ini: %1</translation>
    </message>
</context>
<context>
    <name>PaperFormsPanel</name>
    <message>
        <source>Paper score forms</source>
        <translation>Formulir penilaian kertas</translation>
    </message>
    <message>
        <source>Secretariat: %1 · %2</source>
        <translation>Sekretariat: %1 · %2</translation>
    </message>
    <message>
        <source>If a judge cannot score on a laptop, print their blank score forms: one page per proposal assigned to them, with the criteria, the level descriptors, boxes for scores and comments, and a QR code naming judge and proposal. Type the scores written on them into a spreadsheet and import it with “oaoi scores import”.</source>
        <translation>Bila penilai tidak dapat menilai di laptop, cetak formulir penilaian kosong untuknya: satu halaman per proposal yang ditugaskan, berisi kriteria, deskriptor level, kotak nilai dan komentar, serta kode QR yang menyebut penilai dan proposal. Ketik nilai yang ditulis pada formulir ke lembar kerja, lalu impor dengan “oaoi scores import”.</translation>
    </message>
    <message>
        <source>&amp;Forms for:</source>
        <translation>&amp;Formulir untuk:</translation>
    </message>
    <message>
        <source>Every judge (one PDF each)</source>
        <translation>Semua penilai (satu PDF per penilai)</translation>
    </message>
    <message>
        <source>Forms for</source>
        <translation>Formulir untuk</translation>
    </message>
    <message>
        <source>&amp;Print blank forms to a folder…</source>
        <translation>&amp;Cetak formulir kosong ke folder…</translation>
    </message>
    <message>
        <source>Print blank forms to a folder</source>
        <translation>Cetak formulir kosong ke folder</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Hentikan</translation>
    </message>
    <message>
        <source>Stop writing the forms</source>
        <translation>Hentikan penulisan formulir</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Buka folder</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Keluar dari akun</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar dari akun</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>Folder for the paper forms</source>
        <translation>Folder untuk formulir kertas</translation>
    </message>
    <message>
        <source>Writing the forms…</source>
        <translation>Menulis formulir…</translation>
    </message>
    <message>
        <source>The forms could not be written: %1</source>
        <translation>Formulir tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>No judge has a proposal to score: nothing to print.</source>
        <translation>Tidak ada penilai yang mempunyai proposal untuk dinilai: tidak ada yang dicetak.</translation>
    </message>
    <message numerus="yes">
        <source>%n form file(s) written to %1.</source>
        <translation>
            <numerusform>%n berkas formulir ditulis ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Dihentikan sebelum selesai.</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>The proposal was updated after you scored it.</source>
        <translation>Proposal diperbarui setelah Anda menilainya.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Dinilai</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Proposal number</source>
        <translation>Nomor proposal</translation>
    </message>
    <message>
        <source>Criteria scored so far</source>
        <translation>Kriteria yang sudah dinilai</translation>
    </message>
    <message>
        <source>Weighted total so far (0–100)</source>
        <translation>Total berbobot sejauh ini (0–100)</translation>
    </message>
</context>
<context>
    <name>ScoreForm</name>
    <message>
        <source>%1 is not a score for %2: type %3 to %4.</source>
        <translation>%1 bukan nilai untuk %2: ketik %3 sampai %4.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Tidak tersimpan: %1</translation>
    </message>
    <message>
        <source>Saved automatically at %1</source>
        <translation>Tersimpan otomatis pukul %1</translation>
    </message>
    <message>
        <source>Every change is saved at once.</source>
        <translation>Setiap perubahan langsung tersimpan.</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Passes (pass mark %1)</source>
        <translation>Lulus (nilai batas lulus %1)</translation>
    </message>
    <message>
        <source>Below the pass mark %1</source>
        <translation>Di bawah nilai batas lulus %1</translation>
    </message>
    <message>
        <source>Pass mark %1</source>
        <translation>Nilai batas lulus %1</translation>
    </message>
    <message>
        <source>%1 of %2 criteria scored · %3</source>
        <translation>%1 dari %2 kriteria dinilai · %3</translation>
    </message>
    <message>
        <source>Knock-out: %1 scored below the threshold</source>
        <translation>Gugur: %1 dinilai di bawah ambang</translation>
    </message>
    <message>
        <source>This score sheet is submitted and locked. Only the secretariat can reopen it.</source>
        <translation>Lembar penilaian ini sudah dikirim dan dikunci. Hanya sekretariat yang dapat membukanya kembali.</translation>
    </message>
    <message>
        <source>This proposal was updated after you scored it (revision %1 → %2): check your scores.</source>
        <translation>Proposal ini diperbarui setelah Anda menilainya (revisi %1 → %2): periksa kembali nilai Anda.</translation>
    </message>
    <message>
        <source>&amp;Submit (Ctrl+Enter)</source>
        <translation>&amp;Kirim (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Submit the score sheet</source>
        <translation>Kirim lembar penilaian</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Kriteria</translation>
    </message>
</context>
<context>
    <name>SecretariatSetupDialog</name>
    <message>
        <source>Create the secretariat account</source>
        <translation>Buat akun sekretariat</translation>
    </message>
    <message>
        <source>This database has no secretariat account yet. The secretariat creates the evaluation events, registers the judges, imports the proposals and prints the results.</source>
        <translation>Basis data ini belum memiliki akun sekretariat. Sekretariat membuat kegiatan penilaian, mendaftarkan penilai, mengimpor proposal, dan mencetak hasil.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>N&amp;IP (optional):</source>
        <translation>N&amp;IP (opsional):</translation>
    </message>
    <message>
        <source>&amp;Agency (optional):</source>
        <translation>&amp;Instansi (opsional):</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>&amp;PIN atau frasa sandi:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ulangi:</translation>
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
        <source>Agency (optional)</source>
        <translation>Instansi (opsional)</translation>
    </message>
    <message>
        <source>PIN or passphrase</source>
        <translation>PIN atau frasa sandi</translation>
    </message>
    <message>
        <source>Repeat the PIN or passphrase</source>
        <translation>Ulangi PIN atau frasa sandi</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Buat akun</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Nanti</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>The secretariat&apos;s recovery code</source>
        <translation>Kode pemulihan sekretariat</translation>
    </message>
    <message>
        <source>If the PIN is forgotten or the account is locked, this one-time code unlocks it. Write it down and keep it somewhere safe: it is shown only now.</source>
        <translation>Bila PIN terlupa atau akun terkunci, kode sekali pakai ini membukanya. Catat dan simpan di tempat aman: kode hanya ditampilkan sekarang.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Kode pemulihan</translation>
    </message>
    <message>
        <source>I have &amp;written the recovery code down</source>
        <translation>Saya sudah &amp;mencatat kode pemulihan</translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation>Saya sudah mencatat kode pemulihan</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Kedua PIN tidak sama.</translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n kata</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 words</source>
        <translation>%1 / %2 kata</translation>
    </message>
    <message>
        <source>Word limit of this section: %1</source>
        <translation>Batas kata bagian ini: %1</translation>
    </message>
    <message>
        <source>%1 / %2 words — over the limit</source>
        <translation>%1 / %2 kata — melebihi batas</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Sign in to judge</source>
        <translation>Masuk untuk menilai</translation>
    </message>
    <message>
        <source>Choose the evaluation event and your name, then type your PIN or passphrase.</source>
        <translation>Pilih kegiatan penilaian dan nama Anda, lalu ketik PIN atau frasa sandi Anda.</translation>
    </message>
    <message>
        <source>&amp;Evaluation event:</source>
        <translation>&amp;Kegiatan penilaian:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>&amp;PIN atau frasa sandi:</translation>
    </message>
    <message>
        <source>Evaluation event</source>
        <translation>Kegiatan penilaian</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>PIN or passphrase</source>
        <translation>PIN atau frasa sandi</translation>
    </message>
    <message>
        <source>Forgot the PIN or locked out? Use the &amp;recovery code…</source>
        <translation>Lupa PIN atau akun terkunci? Pakai kode &amp;pemulihan…</translation>
    </message>
    <message>
        <source>Use the recovery code</source>
        <translation>Pakai kode pemulihan</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Masuk</translation>
    </message>
    <message>
        <source>Unlock with the recovery code</source>
        <translation>Buka kunci dengan kode pemulihan</translation>
    </message>
    <message>
        <source>Type the recovery code printed on your PIN slip and choose a new PIN or passphrase. The code works once; you will get a new one.</source>
        <translation>Ketik kode pemulihan yang tercetak pada slip PIN Anda dan pilih PIN atau frasa sandi baru. Kode hanya berlaku satu kali; Anda akan mendapat kode baru.</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Kode pemulihan:</translation>
    </message>
    <message>
        <source>N&amp;ew PIN or passphrase:</source>
        <translation>PIN atau frasa sandi &amp;baru:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Kode pemulihan</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>PIN atau frasa sandi baru</translation>
    </message>
    <message>
        <source>Repeat the new PIN or passphrase</source>
        <translation>Ulangi PIN atau frasa sandi baru</translation>
    </message>
    <message>
        <source>&amp;Unlock and sign in</source>
        <translation>B&amp;uka kunci dan masuk</translation>
    </message>
    <message>
        <source>Unlock and sign in</source>
        <translation>Buka kunci dan masuk</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>K&amp;embali</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Your new recovery code</source>
        <translation>Kode pemulihan baru Anda</translation>
    </message>
    <message>
        <source>The code you used no longer works. Write this new code down and keep it with your PIN slip: it is shown only now.</source>
        <translation>Kode yang Anda pakai tidak berlaku lagi. Catat kode baru ini dan simpan bersama slip PIN Anda: kode hanya ditampilkan sekarang.</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>Kode pemulihan baru</translation>
    </message>
    <message>
        <source>I have written it down — &amp;continue</source>
        <translation>Sudah saya catat — &amp;lanjutkan</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>%1 (secretariat)</source>
        <translation>%1 (sekretariat)</translation>
    </message>
    <message>
        <source>%1 (chair)</source>
        <translation>%1 (ketua)</translation>
    </message>
    <message>
        <source>There is no evaluation event in this database yet.</source>
        <translation>Belum ada kegiatan penilaian di basis data ini.</translation>
    </message>
    <message>
        <source>Choose the evaluation event and your name.</source>
        <translation>Pilih kegiatan penilaian dan nama Anda.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>Kedua PIN baru tidak sama.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Choose your name.</source>
        <translation>Pilih nama Anda.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>Kedua PIN baru tidak sama.</translation>
    </message>
    <message>
        <source>Who is using oaoi-desktop?</source>
        <translation>Siapa yang memakai oaoi-desktop?</translation>
    </message>
    <message>
        <source>This laptop belongs to a judge: the proposals of a panel package were imported here. Only the judge signs in on it.</source>
        <translation>Laptop ini milik seorang penilai: proposal dari paket panel sudah diimpor ke sini. Hanya penilai yang masuk di laptop ini.</translation>
    </message>
    <message>
        <source>Sign in before you work: every change is recorded in the audit log with your name and this device.</source>
        <translation>Masuk dahulu sebelum bekerja: setiap perubahan dicatat di log audit dengan nama Anda dan perangkat ini.</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Sekretariat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>&amp;PIN atau frasa sandi:</translation>
    </message>
    <message>
        <source>Secretariat account</source>
        <translation>Akun sekretariat</translation>
    </message>
    <message>
        <source>PIN or passphrase</source>
        <translation>PIN atau frasa sandi</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Masuk</translation>
    </message>
    <message>
        <source>Forgot the PIN or locked out? Use the &amp;recovery code…</source>
        <translation>Lupa PIN atau akun terkunci? Pakai kode &amp;pemulihan…</translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down when the account was created and choose a new PIN or passphrase. The code works once; you will get a new one.</source>
        <translation>Ketik kode pemulihan yang Anda catat saat akun dibuat, lalu pilih PIN atau frasa sandi baru. Kode hanya berlaku sekali; Anda akan mendapat kode baru.</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Kode pemulihan:</translation>
    </message>
    <message>
        <source>N&amp;ew PIN or passphrase:</source>
        <translation>PIN atau frasa sandi &amp;baru:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Kode pemulihan</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>PIN atau frasa sandi baru</translation>
    </message>
    <message>
        <source>Repeat the new PIN or passphrase</source>
        <translation>Ulangi PIN atau frasa sandi baru</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>K&amp;embali</translation>
    </message>
    <message>
        <source>&amp;Unlock and sign in</source>
        <translation>B&amp;uka kunci dan masuk</translation>
    </message>
    <message>
        <source>The code you used no longer works. Write this new code down and keep it safe: it is shown only now.</source>
        <translation>Kode yang Anda pakai tidak berlaku lagi. Catat kode baru ini dan simpan di tempat aman: kode hanya ditampilkan sekarang.</translation>
    </message>
    <message>
        <source>I have written it down — &amp;continue</source>
        <translation>Sudah saya catat — &amp;lanjutkan</translation>
    </message>
    <message>
        <source>No secretariat account yet</source>
        <translation>Belum ada akun sekretariat</translation>
    </message>
    <message>
        <source>The secretariat creates the evaluation events, registers the judges, imports the proposals and prints the results. Create its first account for this database. On a judge&apos;s own laptop, import the panel package from the secretariat instead.</source>
        <translation>Sekretariat membuat kegiatan penilaian, mendaftarkan penilai, mengimpor proposal, dan mencetak hasil. Buat akun pertamanya untuk basis data ini. Di laptop milik penilai, impor paket panel dari sekretariat sebagai gantinya.</translation>
    </message>
    <message>
        <source>&amp;Create the secretariat account…</source>
        <translation>&amp;Buat akun sekretariat…</translation>
    </message>
    <message>
        <source>Import a &amp;panel package…</source>
        <translation>Impor &amp;paket panel…</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Judges choose the evaluation event and their name, then type the PIN from their PIN slip.</source>
        <translation>Penilai memilih kegiatan penilaian dan namanya, lalu mengetik PIN dari slip PIN-nya.</translation>
    </message>
    <message>
        <source>Sign in as &amp;judge…</source>
        <translation>Masuk sebagai &amp;penilai…</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to oaoi-desktop</source>
        <translation>Selamat datang di oaoi-desktop</translation>
    </message>
    <message>
        <source>oaoi-desktop runs the judging of public-service innovations without an internet connection: import the proposals, let the panel score them, rank the results and print the signed sheets and minutes.</source>
        <translation>oaoi-desktop menyelenggarakan penilaian inovasi pelayanan publik tanpa koneksi internet: mengimpor proposal, mencatat nilai dari tim penilai, menyusun peringkat, serta mencetak lembar penilaian dan berita acara yang ditandatangani.</translation>
    </message>
    <message>
        <source>Secretariat account</source>
        <translation>Akun sekretariat</translation>
    </message>
    <message>
        <source>Evaluation event</source>
        <translation>Kegiatan penilaian</translation>
    </message>
    <message>
        <source>Judges and proposals</source>
        <translation>Penilai dan proposal</translation>
    </message>
    <message>
        <source>Next step: create the secretariat account</source>
        <translation>Langkah berikutnya: buat akun sekretariat</translation>
    </message>
    <message>
        <source>The secretariat creates the evaluation events, registers the judges, imports the proposals and prints the results. Create its account once for this database; you choose its PIN or passphrase.</source>
        <translation>Sekretariat membuat kegiatan penilaian, mendaftarkan penilai, mengimpor proposal, dan mencetak hasil. Buat akunnya sekali untuk basis data ini; Anda memilih PIN atau frasa sandinya.</translation>
    </message>
    <message>
        <source>Create the &amp;secretariat account…</source>
        <translation>Buat akun &amp;sekretariat…</translation>
    </message>
    <message>
        <source>Create the account that sets up events, judges and results</source>
        <translation>Buat akun yang menyiapkan kegiatan, penilai, dan hasil</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Kegiatan baru…</translation>
    </message>
    <message>
        <source>Set up an evaluation event: rubric, conflict rules, judges and PINs</source>
        <translation>Siapkan kegiatan penilaian: instrumen, aturan benturan kepentingan, penilai, dan PIN</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <source>Import proposals from a USB stick, a folder or a ZIP file</source>
        <translation>Impor proposal dari USB, folder, atau berkas ZIP</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Buka &amp;demo</translation>
    </message>
    <message>
        <source>Open a demo event with sample proposals, in a separate database</source>
        <translation>Buka kegiatan demo dengan contoh proposal, di basis data terpisah</translation>
    </message>
    <message>
        <source>The demo opens in a window of its own, with its own database: nothing in it touches this one.</source>
        <translation>Demo terbuka di jendela sendiri dengan basis data sendiri: tidak ada yang mengubah basis data ini.</translation>
    </message>
    <message>
        <source>Next step: create an evaluation event</source>
        <translation>Langkah berikutnya: buat kegiatan penilaian</translation>
    </message>
    <message>
        <source>An evaluation event (Kegiatan penilaian) is one round of judging, for example “KIPP Kota Medan 2026 — Penilaian Proposal”. It fixes the rubric (Instrumen penilaian) the judges score against.</source>
        <translation>Kegiatan penilaian adalah satu putaran penilaian, misalnya “KIPP Kota Medan 2026 — Penilaian Proposal”. Kegiatan menetapkan instrumen penilaian yang dipakai para penilai.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>oaoi-desktop cannot start</source>
        <translation>oaoi-desktop tidak dapat dimulai</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan semua</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>Yes to All</source>
        <translation>Ya untuk semua</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>No to All</source>
        <translation>Tidak untuk semua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Lihat di:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nama berkas:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Jenis berkas:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Pilih</translation>
    </message>
</context>
</TS>
