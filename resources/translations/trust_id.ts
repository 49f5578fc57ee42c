<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>TrustHook</name>
    <message>
        <source>&amp;Verify audit log…</source>
        <translation>&amp;Verifikasi log audit…</translation>
    </message>
    <message>
        <source>Recompute the hash chain and check that every score matches its history</source>
        <translation>Hitung ulang rantai hash dan periksa bahwa setiap nilai cocok dengan riwayatnya</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>&amp;Cadangkan basis data…</translation>
    </message>
    <message>
        <source>Write the database and attachments into one archive</source>
        <translation>Tulis basis data dan lampiran ke satu arsip</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Replace the database with a backup archive (the current one is kept)</source>
        <translation>Ganti basis data dengan arsip cadangan (yang sekarang tetap disimpan)</translation>
    </message>
    <message>
        <source>The action failed</source>
        <translation>Tindakan gagal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Mohon tunggu</translation>
    </message>
    <message>
        <source>Accounts (global chain)</source>
        <translation>Akun (rantai global)</translation>
    </message>
    <message>
        <source>%1: intact, %2 entries, head %3</source>
        <translation>%1: utuh, %2 entri, kepala %3</translation>
    </message>
    <message>
        <source>%1: %2 problems</source>
        <translation>%1: %2 masalah</translation>
    </message>
    <message>
        <source>Audit log verified</source>
        <translation>Log audit terverifikasi</translation>
    </message>
    <message>
        <source>Every chain is intact and every score matches its history.</source>
        <translation>Setiap rantai utuh dan setiap nilai cocok dengan riwayatnya.</translation>
    </message>
    <message>
        <source>Audit log: problems found</source>
        <translation>Log audit: ada masalah</translation>
    </message>
    <message>
        <source>The audit log does not prove the stored results. The first problems:</source>
        <translation>Log audit tidak membuktikan hasil yang tersimpan. Masalah pertama:</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Cadangkan basis data</translation>
    </message>
    <message>
        <source>Backup archives (*.zip)</source>
        <translation>Arsip cadangan (*.zip)</translation>
    </message>
    <message>
        <source>Backing up the database and attachments…</source>
        <translation>Mencadangkan basis data dan lampiran…</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Cadangan ditulis</translation>
    </message>
    <message>
        <source>The backup archive %1 holds the database and %2 attachments.</source>
        <translation>Arsip cadangan %1 berisi basis data dan %2 lampiran.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Replace the open database with the backup %1? The current database is kept as a backup first.</source>
        <translation>Ganti basis data yang terbuka dengan cadangan %1? Basis data sekarang disimpan dahulu sebagai cadangan.</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Memeriksa dan memulihkan cadangan…</translation>
    </message>
    <message>
        <source>The database was restored from the backup.</source>
        <translation>Basis data telah dipulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>The previous database was kept at %1.</source>
        <translation>Basis data sebelumnya disimpan di %1.</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>Pemulihan selesai</translation>
    </message>
</context>
</TS>
