<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AgreementView</name>
    <message>
        <source>The agreement statistics could not be read</source>
        <translation>Statistik kesepakatan tidak dapat dibaca</translation>
    </message>
    <message>
        <source>The agreement statistics could not be computed</source>
        <translation>Statistik kesepakatan tidak dapat dihitung</translation>
    </message>
    <message>
        <source>ICC(2,1), two-way random, absolute agreement: every judge scored every proposal (ICC(2,k) for the mean of %1 judges: %2)</source>
        <translation>ICC(2,1), dua arah acak, kesepakatan mutlak: setiap penilai menilai setiap proposal (ICC(2,k) untuk rata-rata %1 penilai: %2)</translation>
    </message>
    <message>
        <source>the judges differ between proposals</source>
        <translation>penilainya berbeda antarproposal</translation>
    </message>
    <message>
        <source>ICC(1,1), one-way random: %1 judges per proposal, but %2, so the two-way forms do not apply (ICC(1,k): %3)</source>
        <translation>ICC(1,1), satu arah acak: %1 penilai per proposal, tetapi %2, sehingga bentuk dua arah tidak berlaku (ICC(1,k): %3)</translation>
    </message>
    <message>
        <source>ICC %1</source>
        <translation>ICC %1</translation>
    </message>
    <message>
        <source>alpha: good agreement</source>
        <translation>alfa: kesepakatan baik</translation>
    </message>
    <message>
        <source>alpha: fair agreement, conclusions tentative</source>
        <translation>alfa: kesepakatan cukup, simpulan masih sementara</translation>
    </message>
    <message>
        <source>alpha: weak agreement</source>
        <translation>alfa: kesepakatan lemah</translation>
    </message>
    <message>
        <source>%1 proposals, %2 judges, %3 submitted sheets in this stage.</source>
        <translation>%1 proposal, %2 penilai, %3 lembar penilaian terkirim pada tahap ini.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Nilai total</translation>
    </message>
    <message>
        <source>Flagged past a mean deviation of %1 points or a correlation below %2.</source>
        <translation>Ditandai bila selisih rata-rata melewati %1 poin atau korelasi di bawah %2.</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>ditandai</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>ICC</source>
        <translation>ICC</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation>Simpangan baku</translation>
    </message>
    <message>
        <source>Deviation from others</source>
        <translation>Selisih dari penilai lain</translation>
    </message>
    <message>
        <source>Shared proposals</source>
        <translation>Proposal bersama</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korelasi</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Range of totals</source>
        <translation>Rentang nilai total</translation>
    </message>
    <message>
        <source>Criteria past the threshold</source>
        <translation>Kriteria melewati ambang</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Nilai total</translation>
    </message>
    <message>
        <source>Each judge&apos;s totals (box: middle half, line: median, whiskers: lowest and highest)</source>
        <translation>Nilai total tiap penilai (kotak: separuh tengah, garis: median, kumis: terendah dan tertinggi)</translation>
    </message>
    <message>
        <source>Select a proposal to see its spread</source>
        <translation>Pilih proposal untuk melihat sebaran nilainya</translation>
    </message>
    <message>
        <source>The spread could not be read</source>
        <translation>Sebaran nilai tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Rentang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Proposal %1: each criterion&apos;s range and each judge&apos;s score</source>
        <translation>Proposal %1: rentang tiap kriteria dan nilai tiap penilai</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Kesepakatan penilai</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>Agreement per criterion</source>
        <translation>Kesepakatan per kriteria</translation>
    </message>
    <message>
        <source>What these numbers mean</source>
        <translation>Apa arti angka-angka ini</translation>
    </message>
    <message>
        <source>Only flagged proposals</source>
        <translation>Hanya proposal yang ditandai</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha</source>
        <translation>Alfa Krippendorff</translation>
    </message>
    <message>
        <source>How much the judges agree, from 1 (they always give the same score) through 0 (no better than chance) to below 0 (they systematically disagree). It works even when each judge scored only some proposals. As a rule of thumb, 0.8 or more is good agreement and below 0.67 is weak.</source>
        <translation>Seberapa sepakat para penilai: 1 berarti mereka selalu memberi nilai yang sama, 0 berarti tidak lebih baik dari kebetulan, di bawah 0 berarti mereka selalu berselisih. Angka ini tetap bisa dihitung walaupun tiap penilai hanya menilai sebagian proposal. Sebagai patokan, 0,8 ke atas berarti sepakat dengan baik, di bawah 0,67 berarti lemah.</translation>
    </message>
    <message>
        <source>ICC (intraclass correlation)</source>
        <translation>ICC (korelasi intrakelas)</translation>
    </message>
    <message>
        <source>Also 0 to 1: the share of the differences between scores that comes from real differences between proposals rather than from the judges. ICC(2,1) is used when every judge scored every proposal; ICC(1,1) when each proposal had the same number of judges but not the same judges. Otherwise it cannot be computed, and the table says why.</source>
        <translation>Juga dari 0 sampai 1: seberapa besar perbedaan nilai berasal dari perbedaan mutu proposal yang sebenarnya, bukan dari penilainya. ICC(2,1) dipakai bila setiap penilai menilai setiap proposal; ICC(1,1) bila tiap proposal dinilai oleh jumlah penilai yang sama tetapi tidak oleh penilai yang sama. Selain itu ICC tidak dapat dihitung, dan tabel menyebutkan sebabnya.</translation>
    </message>
    <message>
        <source>For each judge: on the proposals they scored, how far their total lies on average above (+) or below (−) the mean of the other judges on the same proposals. A large minus means a harsh judge, a large plus a lenient one.</source>
        <translation>Untuk tiap penilai: pada proposal yang ia nilai, rata-rata seberapa jauh nilai totalnya di atas (+) atau di bawah (−) rata-rata penilai lain pada proposal yang sama. Minus yang besar berarti penilai yang keras, plus yang besar berarti penilai yang longgar.</translation>
    </message>
    <message>
        <source>Whether a judge puts the proposals in the same order as the other judges (1: the same order, 0: unrelated). A low value means the judge weighs the proposals differently, not just harder or softer.</source>
        <translation>Apakah seorang penilai mengurutkan proposal sama seperti penilai lain (1: urutan sama, 0: tidak berkaitan). Nilai yang rendah berarti penilai itu menimbang proposal secara berbeda, bukan sekadar lebih keras atau lebih longgar.</translation>
    </message>
    <message>
        <source>For each proposal: the highest minus the lowest score the judges gave, for the total and for each criterion. A proposal is flagged for discussion when a range reaches the rubric&apos;s threshold.</source>
        <translation>Untuk tiap proposal: nilai tertinggi dikurangi nilai terendah yang diberikan para penilai, untuk nilai total dan untuk tiap kriteria. Proposal ditandai untuk dibahas bila rentangnya mencapai ambang dalam instrumen penilaian.</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>Waktu (%1)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objek</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Sebelum → sesudah</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>&amp;Proposal:</source>
        <translation>&amp;Proposal:</translation>
    </message>
    <message>
        <source>number, then Enter</source>
        <translation>nomor, lalu Enter</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;kspor…</translation>
    </message>
    <message>
        <source>Write the entries shown (with the filters) as an Excel or CSV file</source>
        <translation>Tulis entri yang tampil (dengan saringannya) sebagai berkas Excel atau CSV</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Ekspor log audit</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>The audit log could not be exported</source>
        <translation>Log audit tidak dapat diekspor</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Log audit diekspor</translation>
    </message>
    <message>
        <source>%1 entries written to %2.</source>
        <translation>%1 entri ditulis ke %2.</translation>
    </message>
    <message>
        <source>The audit log could not be read</source>
        <translation>Log audit tidak dapat dibaca</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(semua)</translation>
    </message>
    <message>
        <source>%1 entries match; newest first.</source>
        <translation>%1 entri cocok; terbaru di atas.</translation>
    </message>
    <message>
        <source>Select an entry to see what changed.</source>
        <translation>Pilih entri untuk melihat apa yang berubah.</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 oleh %2 pada %3</translation>
    </message>
    <message>
        <source>No recorded change of values.</source>
        <translation>Tidak ada perubahan nilai yang tercatat.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Siapa:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Tindakan:</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Objek:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>s&amp;ampai:</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>kapan saja</translation>
    </message>
    <message>
        <source>Search text, then Enter…</source>
        <translation>Cari teks, lalu Enter…</translation>
    </message>
</context>
<context>
    <name>BlindReviewDialog</name>
    <message>
        <source>%1 (not blind)</source>
        <translation>%1 (tidak tersamar)</translation>
    </message>
    <message>
        <source>Blind review</source>
        <translation>Penilaian tersamar</translation>
    </message>
    <message>
        <source>Reports of a visible identity (%1):</source>
        <translation>Laporan identitas terlihat (%1):</translation>
    </message>
    <message>
        <source>Not saved yet: press “Save the list”.</source>
        <translation>Belum disimpan: tekan “Simpan daftar”.</translation>
    </message>
    <message>
        <source>Saved: %1 terms are hidden in every proposal of this event.</source>
        <translation>Tersimpan: %1 istilah disamarkan di setiap proposal kegiatan ini.</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>Waktu (%1)</translation>
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
        <source>Words reported</source>
        <translation>Kata yang dilaporkan</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <source>&amp;Add to the list</source>
        <translation>&amp;Tambahkan ke daftar</translation>
    </message>
    <message>
        <source>&amp;Terms hidden in every proposal of this event, one per line (besides the agencies, their regions and the innovators, which are always hidden):</source>
        <translation>&amp;Istilah yang disamarkan di setiap proposal kegiatan ini, satu per baris (selain instansi, daerahnya, dan para inovator, yang selalu disamarkan):</translation>
    </message>
    <message>
        <source>&amp;Save the list</source>
        <translation>&amp;Simpan daftar</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>Withdraw the assignments of these sheets, or record an exception with its reason (it is printed in the Berita Acara):</source>
        <translation>Tarik penugasan lembar-lembar ini, atau catat pengecualian dengan alasannya (dicantumkan di Berita Acara):</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>belum dibuka</translation>
    </message>
    <message>
        <source>There is no event.</source>
        <translation>Belum ada kegiatan.</translation>
    </message>
    <message>
        <source>Finalised on %1 by %2.</source>
        <translation>Difinalisasi pada %1 oleh %2.</translation>
    </message>
    <message numerus="yes">
        <source>Cannot be finalised yet: %n score sheet(s) not submitted.</source>
        <translation>
            <numerusform>Belum dapat difinalisasi: %n lembar penilaian belum dikirim.</numerusform>
        </translation>
    </message>
    <message>
        <source>Berita Acara %1 is issued; the event can be finalised.</source>
        <translation>Berita Acara %1 sudah diterbitkan; kegiatan dapat difinalisasi.</translation>
    </message>
    <message>
        <source>No Berita Acara has been issued yet: the event cannot be finalised.</source>
        <translation>Berita Acara belum diterbitkan: kegiatan belum dapat difinalisasi.</translation>
    </message>
    <message numerus="yes">
        <source>%n missing score sheet(s) excepted with a recorded reason.</source>
        <translation>
            <numerusform>%n lembar penilaian yang belum dikirim dikecualikan dengan alasan yang dicatat.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PDF chosen yet.</source>
        <translation>Belum ada PDF yang dipilih.</translation>
    </message>
    <message>
        <source>After finalising, nothing that changes the results is accepted until the event is reopened with a recorded reason.</source>
        <translation>Setelah finalisasi, tidak ada perubahan hasil yang diterima sampai kegiatan dibuka kembali dengan alasan yang dicatat.</translation>
    </message>
    <message>
        <source>The signed Berita Acara</source>
        <translation>Berita Acara yang sudah ditandatangani</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reopen the event</source>
        <translation>Buka kembali kegiatan</translation>
    </message>
    <message>
        <source>Finalise the event</source>
        <translation>Finalisasi kegiatan</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Kegiatan:</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log):</source>
        <translation>&amp;Alasan (dicatat di log audit):</translation>
    </message>
    <message>
        <source>Signed &amp;digitally by the panel:</source>
        <translation>Ditandatangani &amp;digital oleh tim penilai:</translation>
    </message>
    <message>
        <source>Choose the signed &amp;PDF…</source>
        <translation>Pilih &amp;PDF yang sudah ditandatangani…</translation>
    </message>
    <message>
        <source>Signed in &amp;ink on the printed copy by every panel member and the chair</source>
        <translation>Ditandatangani &amp;basah pada salinan cetak oleh seluruh anggota tim dan ketua</translation>
    </message>
    <message>
        <source>&amp;Withdraw the selected assignments</source>
        <translation>&amp;Tarik penugasan yang dipilih</translation>
    </message>
    <message>
        <source>Reason for an e&amp;xception (printed in the Berita Acara):</source>
        <translation>Alasan pe&amp;ngecualian (dicantumkan di Berita Acara):</translation>
    </message>
    <message>
        <source>Record the e&amp;xception for every sheet listed</source>
        <translation>Catat pe&amp;ngecualian untuk semua lembar di daftar</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Buka kembali</translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation>&amp;Finalisasi</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Reading the ranking…</source>
        <translation>Membaca peringkat…</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>beda pendapat</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>belum dinilai</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>seri</translation>
    </message>
    <message>
        <source>Choose a proposal in the console to see its judges&apos; totals.</source>
        <translation>Pilih proposal di konsol untuk melihat nilai tiap penilai.</translation>
    </message>
    <message>
        <source>Judges&apos; totals: %1</source>
        <translation>Nilai para penilai: %1</translation>
    </message>
    <message>
        <source>Criteria the judges disagree on: %1</source>
        <translation>Kriteria dengan perbedaan pendapat: %1</translation>
    </message>
    <message>
        <source>No comments on this proposal.</source>
        <translation>Tidak ada komentar pada proposal ini.</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(tanpa kelompok)</translation>
    </message>
    <message>
        <source>Group %1 of %2 · pass mark %3 · disagreement: total range ≥ %4 or a criterion range ≥ %5</source>
        <translation>Kelompok %1 dari %2 · batas lulus %3 · beda pendapat: rentang nilai total ≥ %4 atau rentang satu kriteria ≥ %5</translation>
    </message>
    <message>
        <source>Projector — plenary</source>
        <translation>Proyektor — sidang pleno</translation>
    </message>
    <message>
        <source>Show judge names</source>
        <translation>Tampilkan nama penilai</translation>
    </message>
    <message>
        <source>Reveal comments</source>
        <translation>Tampilkan komentar</translation>
    </message>
    <message>
        <source>Shows the judges&apos; comments on the selected proposal to the room; hidden again for the next one</source>
        <translation>Menampilkan komentar penilai atas proposal terpilih ke ruangan; tersembunyi lagi untuk proposal berikutnya</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
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
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Rentang</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>Beda pendapat</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>← → previous / next group · Esc or F11 closes · follows the proposal chosen in the console</source>
        <translation>← → kelompok sebelumnya / berikutnya · Esc atau F11 menutup · mengikuti proposal yang dipilih di konsol</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>complete %1/%2</source>
        <translation>lengkap %1/%2</translation>
    </message>
    <message>
        <source>incomplete %1/%2</source>
        <translation>belum lengkap %1/%2</translation>
    </message>
    <message>
        <source>Rank under %1</source>
        <translation>Peringkat menurut %1</translation>
    </message>
    <message>
        <source>Score under %1</source>
        <translation>Nilai menurut %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
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
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Judges&apos; totals</source>
        <translation>Nilai total tiap penilai</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Seri</translation>
    </message>
    <message>
        <source>Adjusted rank</source>
        <translation>Peringkat akhir</translation>
    </message>
    <message>
        <source>Adjusted score</source>
        <translation>Nilai akhir</translation>
    </message>
    <message>
        <source>Plenary decisions</source>
        <translation>Keputusan pleno</translation>
    </message>
    <message>
        <source>Rank B</source>
        <translation>Peringkat B</translation>
    </message>
    <message>
        <source>Score B</source>
        <translation>Nilai B</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Geser</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>belum dinilai</translation>
    </message>
    <message>
        <source>Fails (knock-out: %1)</source>
        <translation>Tidak lulus (gugur: %1)</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>Tidak lulus</translation>
    </message>
    <message numerus="yes">
        <source>moves more than %n place(s)</source>
        <translation>
            <numerusform>bergeser lebih dari %n peringkat</numerusform>
        </translation>
    </message>
    <message>
        <source>crosses the pass mark</source>
        <translation>melewati batas lulus</translation>
    </message>
    <message>
        <source>Still equal after the whole tie-break chain: the chair decides.</source>
        <translation>Tetap sama setelah seluruh urutan penentu seri: ketua yang memutuskan.</translation>
    </message>
    <message>
        <source>%1 of %2 expected score sheets submitted: this result is not complete yet.</source>
        <translation>%1 dari %2 lembar penilaian yang diharapkan telah dikirim: hasil ini belum lengkap.</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>ketua</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Trimmed mean</source>
        <translation>Rata-rata terpangkas</translation>
    </message>
    <message>
        <source>Z-score mean</source>
        <translation>Rata-rata skor-z</translation>
    </message>
    <message>
        <source>The ranking could not be read</source>
        <translation>Peringkat tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Combined result</source>
        <translation>Hasil gabungan</translation>
    </message>
    <message>
        <source>The ranking could not be computed</source>
        <translation>Peringkat tidak dapat dihitung</translation>
    </message>
    <message>
        <source>Computing the ranking…</source>
        <translation>Menghitung peringkat…</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Semua kelompok</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(tanpa kelompok)</translation>
    </message>
    <message>
        <source>Select a proposal to see how its rank came about.</source>
        <translation>Pilih proposal untuk melihat bagaimana peringkatnya ditentukan.</translation>
    </message>
    <message>
        <source>Rank %1 of group %2</source>
        <translation>Peringkat %1 dalam kelompok %2</translation>
    </message>
    <message>
        <source>Score %1 (%2); pass mark %3</source>
        <translation>Nilai %1 (%2); batas lulus %3</translation>
    </message>
    <message>
        <source>%1 of %2 expected score sheets submitted</source>
        <translation>%1 dari %2 lembar penilaian yang diharapkan telah dikirim</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>Penilai</translation>
    </message>
    <message>
        <source>Tie-break trace</source>
        <translation>Jejak penentuan seri</translation>
    </message>
    <message>
        <source>No tie: the score alone decides the rank.</source>
        <translation>Tidak ada seri: nilai saja yang menentukan peringkat.</translation>
    </message>
    <message>
        <source>Left for the chair to decide in the plenary.</source>
        <translation>Diserahkan kepada ketua untuk diputuskan dalam sidang pleno.</translation>
    </message>
    <message>
        <source>Plenary decisions</source>
        <translation>Keputusan pleno</translation>
    </message>
    <message>
        <source>Raw rank %1, score %2 → adjusted rank %3, score %4</source>
        <translation>Peringkat awal %1, nilai %2 → peringkat akhir %3, nilai %4</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Perbandingan</translation>
    </message>
    <message>
        <source>%1: rank %2, score %3</source>
        <translation>%1: peringkat %2, nilai %3</translation>
    </message>
    <message>
        <source>%1 of %2 complete</source>
        <translation>%1 dari %2 lengkap</translation>
    </message>
    <message>
        <source>%1 proposals shown of %2; %3 pass; %4 tie(s) left for the chair.</source>
        <translation>%1 dari %2 proposal ditampilkan; %3 lulus; %4 seri diserahkan kepada ketua.</translation>
    </message>
    <message>
        <source>%1 marked (moved more than %2 places or crossed the pass mark).</source>
        <translation>%1 ditandai (bergeser lebih dari %2 peringkat atau melewati batas lulus).</translation>
    </message>
    <message>
        <source>Export ranking and raw scores to Excel</source>
        <translation>Ekspor peringkat dan nilai mentah ke Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the ranking to CSV</source>
        <translation>Ekspor peringkat ke CSV</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the raw scores to CSV</source>
        <translation>Ekspor nilai mentah ke CSV</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Kelompok:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Metode:</translation>
    </message>
    <message>
        <source>&amp;Compare with (B):</source>
        <translation>Ban&amp;dingkan dengan (B):</translation>
    </message>
    <message>
        <source>mark moves of more than</source>
        <translation>tandai pergeseran lebih dari</translation>
    </message>
    <message>
        <source> places</source>
        <translation> peringkat</translation>
    </message>
    <message>
        <source>only marked</source>
        <translation>hanya yang ditandai</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>Semua hasil</translation>
    </message>
    <message>
        <source>Complete only</source>
        <translation>Hanya yang lengkap</translation>
    </message>
    <message>
        <source>Show every proposal, or only those whose expected score sheets are all submitted</source>
        <translation>Tampilkan semua proposal, atau hanya yang seluruh lembar penilaiannya sudah dikirim</translation>
    </message>
    <message>
        <source>Search number, title, agency…</source>
        <translation>Cari nomor, judul, instansi…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Ekspor &amp;Excel…</translation>
    </message>
    <message>
        <source>Export ranking &amp;CSV…</source>
        <translation>Ekspor peringkat &amp;CSV…</translation>
    </message>
    <message>
        <source>Export raw &amp;scores CSV…</source>
        <translation>Ekspor &amp;nilai mentah CSV…</translation>
    </message>
    <message>
        <source>How the judges&apos; totals of a proposal are combined; the rubric&apos;s method is chosen at first.</source>
        <translation>Cara nilai total para penilai suatu proposal digabungkan; metode instrumen penilaian dipilih lebih dulu.</translation>
    </message>
</context>
<context>
    <name>ResultsHook</name>
    <message>
        <source>&amp;Blind review…</source>
        <translation>Penilaian &amp;tersamar…</translation>
    </message>
    <message>
        <source>Terms hidden from the judges, and their reports of a visible identity</source>
        <translation>Istilah yang disamarkan bagi penilai, dan laporan mereka tentang identitas yang terlihat</translation>
    </message>
    <message>
        <source>&amp;Finalise the event…</source>
        <translation>&amp;Finalisasi kegiatan…</translation>
    </message>
    <message>
        <source>After the Berita Acara is issued: no result changes without a recorded reopening</source>
        <translation>Setelah Berita Acara diterbitkan: hasil tidak dapat diubah tanpa pembukaan kembali yang tercatat</translation>
    </message>
    <message>
        <source>&amp;Reopen the event…</source>
        <translation>&amp;Buka kembali kegiatan…</translation>
    </message>
    <message>
        <source>Reopen a finalised event, with a reason for the audit log</source>
        <translation>Buka kembali kegiatan yang sudah final, dengan alasan untuk log audit</translation>
    </message>
</context>
<context>
    <name>SensitivityView</name>
    <message>
        <source>Combined result</source>
        <translation>Hasil gabungan</translation>
    </message>
    <message>
        <source>Computing the sensitivity…</source>
        <translation>Menghitung kepekaan…</translation>
    </message>
    <message>
        <source>The sensitivity could not be computed</source>
        <translation>Uji kepekaan tidak dapat dihitung</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Not computed yet.</source>
        <translation>Belum dihitung.</translation>
    </message>
    <message>
        <source>%1 proposals; %2 depend on a single judge (pass mark %3).</source>
        <translation>%1 proposal; %2 bergantung pada satu penilai (batas lulus %3).</translation>
    </message>
    <message>
        <source>Top %1 of each group advance.</source>
        <translation>%1 besar tiap kelompok lolos.</translation>
    </message>
    <message>
        <source>pass mark</source>
        <translation>batas lulus</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>%1 besar</translation>
    </message>
    <message>
        <source>Select a proposal to see what leaving out each judge does to it.</source>
        <translation>Pilih proposal untuk melihat akibatnya bila tiap penilai dikeluarkan.</translation>
    </message>
    <message>
        <source>Rank %1, score %2</source>
        <translation>Peringkat %1, nilai %2</translation>
    </message>
    <message>
        <source>Leaving out any one judge changes nothing for this proposal.</source>
        <translation>Mengeluarkan satu penilai mana pun tidak mengubah apa pun bagi proposal ini.</translation>
    </message>
    <message>
        <source>Without %1: rank %2, score %3, %4</source>
        <translation>Tanpa %1: peringkat %2, nilai %3, %4</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>lulus</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>tidak lulus</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Kepekaan</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Tahap:</translation>
    </message>
    <message>
        <source>&amp;Top N advancing:</source>
        <translation>&amp;N besar yang lolos:</translation>
    </message>
    <message>
        <source>stage rule</source>
        <translation>aturan tahap</translation>
    </message>
    <message>
        <source>0: the rule the stage was closed with; without one, only the pass mark</source>
        <translation>0: aturan saat tahap ditutup; tanpa itu, hanya batas lulus</translation>
    </message>
    <message>
        <source>only those that depend on one judge</source>
        <translation>hanya yang bergantung pada satu penilai</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Hitung</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
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
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Advances</source>
        <translation>Lolos</translation>
    </message>
    <message>
        <source>Max. move</source>
        <translation>Geser maks.</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Bergantung pada</translation>
    </message>
</context>
</TS>
