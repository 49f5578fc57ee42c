<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>DocumentsHook</name>
    <message>
        <source>Export PDF &amp;documents…</source>
        <translation>Ekspor &amp;dokumen PDF…</translation>
    </message>
    <message>
        <source>Score sheets, result sheets, ranking and minutes as PDF</source>
        <translation>Lembar penilaian, lembar hasil, peringkat dan berita acara sebagai PDF</translation>
    </message>
    <message>
        <source>&amp;Print PDF…</source>
        <translation>&amp;Cetak PDF…</translation>
    </message>
    <message>
        <source>Print pre&amp;view of PDF…</source>
        <translation>Pratinjau &amp;cetak PDF…</translation>
    </message>
    <message>
        <source>Choose a PDF document</source>
        <translation>Pilih dokumen PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Pratinjau cetak</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF.</source>
        <translation>%1 bukan PDF yang dapat dibaca.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PDF documents</source>
        <translation>Ekspor dokumen PDF</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Score sheets (Lembar Penilaian), one per judge and dossier</source>
        <translation>Lembar Penilaian, satu per juri dan proposal</translation>
    </message>
    <message>
        <source>Result sheets (Lembar Hasil Penilaian), one per dossier</source>
        <translation>Lembar Hasil Penilaian, satu per proposal</translation>
    </message>
    <message>
        <source>Recapitulation and ranking, per group and overall</source>
        <translation>Rekapitulasi dan Peringkat, per kelompok dan keseluruhan</translation>
    </message>
    <message>
        <source>Minutes of the results (Berita Acara)</source>
        <translation>Berita Acara Hasil Penilaian</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Kegiatan:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
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
        <source>Choose the output folder</source>
        <translation>Pilih folder tujuan</translation>
    </message>
    <message>
        <source>Choose at least one document.</source>
        <translation>Pilih sedikitnya satu dokumen.</translation>
    </message>
    <message>
        <source>Choose the output folder.</source>
        <translation>Pilih folder tujuan.</translation>
    </message>
    <message>
        <source>There is no event to export.</source>
        <translation>Tidak ada kegiatan untuk diekspor.</translation>
    </message>
    <message>
        <source>Preparing the documents…</source>
        <translation>Menyiapkan dokumen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>%1 of %2 documents drawn</source>
        <translation>%1 dari %2 dokumen selesai digambar</translation>
    </message>
    <message>
        <source>%1 documents written to %2.</source>
        <translation>%1 dokumen ditulis ke %2.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was left behind.</source>
        <translation>Ekspor dibatalkan; tidak ada berkas yang ditinggalkan.</translation>
    </message>
</context>
</TS>
