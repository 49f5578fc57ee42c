<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>BundleExportDialog</name>
    <message>
        <source>Choose the folder on the USB stick</source>
        <translation>Pilih folder di flashdisk</translation>
    </message>
    <message>
        <source>Written: %1
%2 sheet(s), signed with your key. Give this file to the secretariat.</source>
        <translation>Tertulis: %1
%2 lembar, ditandatangani dengan kunci Anda. Serahkan berkas ini kepada sekretariat.</translation>
    </message>
    <message>
        <source>Export my scores</source>
        <translation>Ekspor nilai saya</translation>
    </message>
    <message>
        <source>Your scores for the secretariat</source>
        <translation>Nilai Anda untuk sekretariat</translation>
    </message>
    <message>
        <source>All your score sheets (drafts too), your comments and declarations are written into one file, signed with your key. The secretariat checks the signature and merges it; exporting again later is safe.</source>
        <translation>Semua lembar penilaian Anda (termasuk draf), komentar dan pernyataan Anda ditulis ke satu berkas yang ditandatangani dengan kunci Anda. Sekretariat memeriksa tanda tangannya lalu menggabungkannya; mengekspor lagi nanti aman.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Pilih &amp;folder…</translation>
    </message>
    <message>
        <source>Your &amp;passphrase:</source>
        <translation>&amp;Frasa sandi Anda:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Ekspor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>BundleImportDialog</name>
    <message>
        <source>Choose a judge&apos;s bundle</source>
        <translation>Pilih bundel juri</translation>
    </message>
    <message>
        <source>Judge bundles (*.oaoi-bundle)</source>
        <translation>Bundel juri (*.oaoi-bundle)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Choose a folder with judges&apos; bundles</source>
        <translation>Pilih folder berisi bundel juri</translation>
    </message>
    <message>
        <source>%1 file(s) merged, %2 rejected; %3 conflict(s) await your decision.</source>
        <translation>%1 berkas digabung, %2 ditolak; %3 konflik menunggu keputusan Anda.</translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts (%1)…</source>
        <translation>Selesaikan &amp;konflik (%1)…</translation>
    </message>
    <message>
        <source>Import judges&apos; bundles</source>
        <translation>Impor bundel juri</translation>
    </message>
    <message>
        <source>Merge judges&apos; score bundles</source>
        <translation>Gabungkan bundel nilai juri</translation>
    </message>
    <message>
        <source>Each bundle is checked (signature, judge, event, rubric) before anything changes; a bad file is rejected and named. Merging the same bundle twice changes nothing.</source>
        <translation>Setiap bundel diperiksa (tanda tangan, juri, kegiatan, instrumen) sebelum ada yang berubah; berkas yang bermasalah ditolak dan disebutkan namanya. Menggabungkan bundel yang sama dua kali tidak mengubah apa pun.</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Tambah &amp;berkas…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Tambah f&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Gabungkan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ConflictCompareModel</name>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>A: score</source>
        <translation>A: nilai</translation>
    </message>
    <message>
        <source>A: comment</source>
        <translation>A: komentar</translation>
    </message>
    <message>
        <source>B: score</source>
        <translation>B: nilai</translation>
    </message>
    <message>
        <source>B: comment</source>
        <translation>B: komentar</translation>
    </message>
</context>
<context>
    <name>ConflictResolutionDialog</name>
    <message>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <source>%1 — %2
Revision %3, %4, device %5
Total %6</source>
        <translation>%1 — %2
Revisi %3, %4, perangkat %5
Total %6</translation>
    </message>
    <message>
        <source>No open conflicts</source>
        <translation>Tidak ada konflik terbuka</translation>
    </message>
    <message>
        <source>stored on this laptop</source>
        <translation>tersimpan di laptop ini</translation>
    </message>
    <message>
        <source>from the judge&apos;s bundle</source>
        <translation>dari bundel juri</translation>
    </message>
    <message>
        <source>Write the reason for your choice; it goes to the audit log.</source>
        <translation>Tuliskan alasan pilihan Anda; alasan dicatat di log audit.</translation>
    </message>
    <message>
        <source>Choose the version to keep.</source>
        <translation>Pilih versi yang dipertahankan.</translation>
    </message>
    <message>
        <source>Resolved: version %1 of %2 is kept.</source>
        <translation>Selesai: versi %1 untuk %2 dipertahankan.</translation>
    </message>
    <message>
        <source>Sheet conflicts</source>
        <translation>Konflik lembar penilaian</translation>
    </message>
    <message>
        <source>Sheets edited on two laptops</source>
        <translation>Lembar yang diubah di dua laptop</translation>
    </message>
    <message>
        <source>Each of these sheets was changed on two laptops from the same starting point. Both versions are kept until you choose one. Compare them criterion by criterion (differences in bold), keep A or B, and give the reason.</source>
        <translation>Setiap lembar ini diubah di dua laptop dari titik awal yang sama. Kedua versi disimpan sampai Anda memilih salah satunya. Bandingkan per kriteria (perbedaan dicetak tebal), pertahankan A atau B, dan berikan alasannya.</translation>
    </message>
    <message>
        <source>Keep &amp;A (stored here)</source>
        <translation>Pertahankan &amp;A (tersimpan di sini)</translation>
    </message>
    <message>
        <source>Keep &amp;B (from the bundle)</source>
        <translation>Pertahankan &amp;B (dari bundel)</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Alasan (wajib):</translation>
    </message>
    <message>
        <source>e.g. the judge confirmed that laptop B holds the final scores</source>
        <translation>mis. juri memastikan laptop B berisi nilai akhir</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>&amp;Selesaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ExchangeMenuHook</name>
    <message>
        <source>Sheet conflicts</source>
        <translation>Konflik lembar penilaian</translation>
    </message>
    <message>
        <source>There is no evaluation event yet.</source>
        <translation>Belum ada kegiatan penilaian.</translation>
    </message>
    <message>
        <source>Import &amp;panel package…</source>
        <translation>Impor &amp;paket panel…</translation>
    </message>
    <message>
        <source>Set up this laptop for a judge from the secretariat&apos;s encrypted panel package</source>
        <translation>Siapkan laptop ini untuk juri dari paket panel terenkripsi sekretariat</translation>
    </message>
    <message>
        <source>Export my &amp;scores (bundle)…</source>
        <translation>Ekspor &amp;nilai saya (bundel)…</translation>
    </message>
    <message>
        <source>Write your score sheets, signed with your key, for the secretariat</source>
        <translation>Tulis lembar penilaian Anda, ditandatangani dengan kunci Anda, untuk sekretariat</translation>
    </message>
    <message>
        <source>Export panel &amp;package for a judge…</source>
        <translation>Ekspor &amp;paket panel untuk juri…</translation>
    </message>
    <message>
        <source>Write one judge&apos;s proposals, encrypted with their passphrase, onto a USB stick</source>
        <translation>Tulis proposal seorang juri, terenkripsi dengan frasa sandinya, ke flashdisk</translation>
    </message>
    <message>
        <source>Import judges&apos; &amp;bundles…</source>
        <translation>Impor &amp;bundel juri…</translation>
    </message>
    <message>
        <source>Check and merge the score bundles judges bring back</source>
        <translation>Periksa dan gabungkan bundel nilai yang dibawa kembali para juri</translation>
    </message>
    <message>
        <source>Resolve sheet &amp;conflicts…</source>
        <translation>Selesaikan &amp;konflik lembar…</translation>
    </message>
    <message>
        <source>Choose between two versions of a sheet edited on two laptops</source>
        <translation>Pilih satu dari dua versi lembar yang diubah di dua laptop</translation>
    </message>
</context>
<context>
    <name>MergeReportModel</name>
    <message>
        <source>Nothing changed.</source>
        <translation>Tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>added %1, updated %2, unchanged %3, older %4, conflicts %5, not merged %6</source>
        <translation>baru %1, diperbarui %2, sama %3, lebih lama %4, konflik %5, tidak digabung %6</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Digabung</translation>
    </message>
    <message>
        <source>Already merged</source>
        <translation>Sudah digabung</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
</context>
<context>
    <name>PackageExportDialog</name>
    <message>
        <source>Choose the folder on the USB stick</source>
        <translation>Pilih folder di flashdisk</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi tidak sama.</translation>
    </message>
    <message>
        <source>Package for %1 written to %2 (%3 proposals, %4 files).</source>
        <translation>Paket untuk %1 ditulis ke %2 (%3 proposal, %4 berkas).</translation>
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
        <source>Export a panel package</source>
        <translation>Ekspor paket panel</translation>
    </message>
    <message>
        <source>Panel package for a judge&apos;s laptop</source>
        <translation>Paket panel untuk laptop juri</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>&amp;Judge:</source>
        <translation>&amp;Juri:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Judge&apos;s &amp;passphrase:</source>
        <translation>&amp;Frasa sandi juri:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>CA pass&amp;phrase (unlocked sheets):</source>
        <translation>Frasa sandi &amp;CA (lembar dibuka kembali):</translation>
    </message>
    <message>
        <source>Needed only when the secretariat unlocked one of this judge&apos;s sheets: the unlock travels signed by the event&apos;s authority.</source>
        <translation>Hanya diperlukan bila sekretariat membuka kembali salah satu lembar juri ini: pembukaan itu dikirim dengan tanda tangan otoritas kegiatan.</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Pilih &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Ekspor</translation>
    </message>
</context>
<context>
    <name>PackageImportDialog</name>
    <message>
        <source>Choose the panel package folder</source>
        <translation>Pilih folder paket panel</translation>
    </message>
    <message>
        <source>Decrypting and checking the package…</source>
        <translation>Mendekripsi dan memeriksa paket…</translation>
    </message>
    <message>
        <source>The package is applied: %1 (%2). Proposals added: %3, updated: %4; files added: %5. Your scores on this laptop are kept.

Sign in with your PIN: File ▸ Sign in as judge.</source>
        <translation>Paket sudah diterapkan: %1 (%2). Proposal baru: %3, diperbarui: %4; berkas baru: %5. Nilai Anda di laptop ini tetap tersimpan.

Masuk dengan PIN Anda: Berkas ▸ Masuk sebagai penilai.</translation>
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
        <source>Import a panel package</source>
        <translation>Impor paket panel</translation>
    </message>
    <message>
        <source>Panel package for a judge&apos;s laptop</source>
        <translation>Paket panel untuk laptop juri</translation>
    </message>
    <message>
        <source>The secretariat&apos;s panel package holds the proposals assigned to you, encrypted with your passphrase. Importing it sets up this laptop so you can score them; importing a newer package later keeps your scores.</source>
        <translation>Paket panel dari sekretariat berisi proposal yang ditugaskan kepada Anda, terenkripsi dengan frasa sandi Anda. Mengimpornya menyiapkan laptop ini agar Anda dapat menilai; paket yang lebih baru nanti tidak menghapus nilai Anda.</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Paket:</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Pilih &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
</context>
</TS>
