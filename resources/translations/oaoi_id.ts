<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
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
        <source>Command copied to the clipboard.</source>
        <translation>Perintah disalin ke papan klip.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
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
        <source>&amp;About oaoi-desktop</source>
        <translation>&amp;Tentang oaoi-desktop</translation>
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
        <source>The secretariat creates the evaluation events, registers the judges, imports the proposals and prints the results. Create its account once for this database; the command asks for the account&apos;s PIN.</source>
        <translation>Sekretariat membuat kegiatan penilaian, mendaftarkan penilai, mengimpor proposal, dan mencetak hasil. Buat akun sekretariat sekali untuk basis data ini; perintah ini akan meminta PIN akun tersebut.</translation>
    </message>
    <message>
        <source>Next step: create an evaluation event</source>
        <translation>Langkah berikutnya: buat kegiatan penilaian</translation>
    </message>
    <message>
        <source>An evaluation event (Kegiatan penilaian) is one round of judging, for example “KIPP Kota Medan 2026 — Penilaian Proposal”. It fixes the rubric (Instrumen penilaian) the judges score against.</source>
        <translation>Kegiatan penilaian adalah satu putaran penilaian, misalnya “KIPP Kota Medan 2026 — Penilaian Proposal”. Kegiatan menetapkan instrumen penilaian yang dipakai para penilai.</translation>
    </message>
    <message>
        <source>Until this step can be done here in the app, run this command in a terminal and replace ... with the name:</source>
        <translation>Sampai langkah ini dapat dilakukan di aplikasi, jalankan perintah berikut di terminal dan ganti ... dengan namanya:</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>Salin perintah</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Salin perintah ke papan klip</translation>
    </message>
    <message>
        <source>Then choose View ▸ Reload (F5) to continue.</source>
        <translation>Lalu pilih Tampilan ▸ Muat ulang (F5) untuk melanjutkan.</translation>
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
