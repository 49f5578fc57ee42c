<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>SignDialog</name>
    <message>
        <source>%1 — issued by %2, valid until %3</source>
        <translation>%1 — diterbitkan oleh %2, berlaku sampai %3</translation>
    </message>
    <message>
        <source>Sign PDF documents</source>
        <translation>Tandatangani dokumen PDF</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>&amp;Ditandatangani oleh:</translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation>&amp;Berkas:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <source>the signer types it; asked once for all files</source>
        <translation>diketik oleh penanda tangan; diminta sekali untuk semua berkas</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Tambah &amp;berkas…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Tambah f&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Si&amp;gn</source>
        <translation>&amp;Tandatangani</translation>
    </message>
    <message>
        <source>&amp;Issue a certificate…</source>
        <translation>&amp;Terbitkan sertifikat…</translation>
    </message>
    <message>
        <source>No person to sign: add judges to the event first.</source>
        <translation>Belum ada penanda tangan: tambahkan penilai ke kegiatan terlebih dahulu.</translation>
    </message>
    <message>
        <source>You have no signing certificate yet. Ask the secretariat to issue one for you; then sign here.</source>
        <translation>Anda belum memiliki sertifikat tanda tangan. Mintalah sekretariat menerbitkannya untuk Anda, lalu tanda tangani di sini.</translation>
    </message>
    <message>
        <source>This person has no signing certificate yet: issue one here.</source>
        <translation>Orang ini belum memiliki sertifikat tanda tangan: terbitkan di sini.</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Sertifikat: %1</translation>
    </message>
    <message>
        <source>Add a PDF to sign</source>
        <translation>Tambah PDF untuk ditandatangani</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Add every PDF of a folder</source>
        <translation>Tambah semua PDF dalam folder</translation>
    </message>
    <message numerus="yes">
        <source>Signing %n file(s)…</source>
        <translation>
            <numerusform>Menandatangani %n berkas…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>Membatalkan setelah berkas yang sedang diproses…</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 dari %2: %3</translation>
    </message>
    <message>
        <source>%1 of %2 file(s) signed.</source>
        <translation>%1 dari %2 berkas ditandatangani.</translation>
    </message>
</context>
<context>
    <name>SignatureReportModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>GAGAL</translation>
    </message>
    <message>
        <source>Not checkable</source>
        <translation>Tidak dapat diperiksa</translation>
    </message>
    <message>
        <source>Content intact</source>
        <translation>Isi utuh</translation>
    </message>
    <message>
        <source>Nothing changed afterwards</source>
        <translation>Tidak ada perubahan sesudahnya</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Otoritas sertifikat</translation>
    </message>
    <message>
        <source>Registered credential</source>
        <translation>Kredensial terdaftar</translation>
    </message>
    <message>
        <source>Own signature field</source>
        <translation>Kolom tanda tangan sendiri</translation>
    </message>
    <message>
        <source>Fingerprint matches the database</source>
        <translation>Sidik jari cocok dengan basis data</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Bertanda tangan</translation>
    </message>
    <message>
        <source>Readable PDF</source>
        <translation>PDF dapat dibaca</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Signature %1: %2</source>
        <translation>Tanda tangan %1: %2</translation>
    </message>
    <message>
        <source>signed %1 · field %2 · issuer %3</source>
        <translation>ditandatangani %1 · kolom %2 · penerbit %3</translation>
    </message>
    <message numerus="yes">
        <source>%n signature field(s) still empty</source>
        <translation>
            <numerusform>%n kolom tanda tangan masih kosong</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignaturesHook</name>
    <message>
        <source>&amp;Verify PDF…</source>
        <translation>&amp;Verifikasi PDF…</translation>
    </message>
    <message>
        <source>Check every signature of a PDF and whether its scores still match</source>
        <translation>Memeriksa semua tanda tangan PDF dan apakah nilainya masih cocok</translation>
    </message>
    <message>
        <source>&amp;Sign PDF…</source>
        <translation>&amp;Tandatangani PDF…</translation>
    </message>
    <message>
        <source>Sign PDF documents with a judge&apos;s or the chair&apos;s certificate</source>
        <translation>Menandatangani dokumen PDF dengan sertifikat penilai atau ketua</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify PDF</source>
        <translation>Verifikasi PDF</translation>
    </message>
    <message>
        <source>&amp;Open PDF…</source>
        <translation>&amp;Buka PDF…</translation>
    </message>
    <message>
        <source>No file open. Choose a signed PDF to check its signatures.</source>
        <translation>Belum ada berkas. Pilih PDF bertanda tangan untuk memeriksa tanda tangannya.</translation>
    </message>
    <message numerus="yes">
        <source>VALID: %n signature(s), every check passed.</source>
        <translation>
            <numerusform>SAH: %n tanda tangan, semua pemeriksaan lolos.</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT VALID: at least one check failed. Do not rely on this document.</source>
        <translation>TIDAK SAH: sedikitnya satu pemeriksaan gagal. Jangan mengandalkan dokumen ini.</translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation>Dokumen %1</translation>
    </message>
    <message>
        <source>Open a signed PDF</source>
        <translation>Buka PDF bertanda tangan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
</context>
</TS>
