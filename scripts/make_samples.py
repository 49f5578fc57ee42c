"""Write the sample dossiers shipped in resources/samples/ (the demo event).

    .venv/bin/python scripts/make_samples.py [--out resources/samples]

Twelve fictional but realistic public-service innovations, in Indonesian,
each a dossier package in the format of docs/dossier-format.md: a
``dossier.json`` with the eight SiNovik sections, and small attachments made
here with ReportLab (surat pernyataan, SK, laporan evaluasi) plus a few
photos (JPEG/PNG, drawn with Pillow).  The output is deterministic
(ReportLab's invariant mode), so running the script again changes nothing.
One sample deliberately exceeds a word limit (the demo shows the warning).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[1]

SAMPLES = [
    dict(
        id="KIPP-2026-001", slug="sipandu-medan",
        title="SiPANDU: Layanan Kependudukan Antar-Jemput bagi Lansia dan Penyandang Disabilitas",
        instansi="Pemerintah Kota Medan", unit_kerja="Dinas Kependudukan dan Pencatatan Sipil",
        klaster="kota", kelompok="umum", kategori="Tata Kelola Pemerintahan dan Pelayanan Publik",
        innovators=["Rahmat Hidayat Siregar, S.Kom.", "Dewi Anggraini Lubis, S.E."],
        contact=("Rahmat Hidayat Siregar", "Kepala Bidang Pelayanan Pendaftaran Penduduk", "sipandu@disdukcapil.medan.go.id", "0812-6012-3301"),
        started_on="2022-03-14", sdgs=[10, 16], is_digital=True, previous_finalist=False,
        problem="warga lanjut usia dan penyandang disabilitas harus datang sendiri ke kantor Disdukcapil untuk perekaman KTP-el dan perubahan data",
        baseline="hanya 41 persen lansia di atas 70 tahun yang memiliki KTP-el dengan data mutakhir, dan rata-rata antrean di kantor mencapai 3,5 jam",
        solution="petugas keliling dengan perangkat perekaman portabel yang dipesan melalui WhatsApp dan aplikasi SiPANDU, dengan jadwal kunjungan yang dapat dipantau keluarga",
        novelty="pemesanan layanan dilakukan oleh keluarga atau kepala lingkungan, dan dokumen hasil cetak diantar kembali ke rumah dalam tiga hari kerja",
        result="cakupan KTP-el lansia naik menjadi 88 persen, 6.214 kunjungan rumah terlayani, dan keluhan antrean turun 63 persen",
        replication="Kabupaten Deli Serdang dan Kota Binjai telah meninjau langsung dan menyiapkan layanan serupa",
        resources="empat tim keliling (dua orang per tim), delapan perangkat perekaman portabel, dan anggaran APBD Rp 412 juta per tahun",
        sustainability="Peraturan Wali Kota Medan Nomor 27 Tahun 2023 menetapkan layanan ini sebagai standar pelayanan, dan anggarannya masuk rencana strategis dinas",
        images=[("foto/kunjungan-rumah.jpg", "Petugas merekam data di rumah warga")],
    ),
    dict(
        id="KIPP-2026-002", slug="sigizi-deli-serdang",
        title="SIGIZI: Posyandu Digital untuk Pemantauan Stunting",
        instansi="Pemerintah Kabupaten Deli Serdang", unit_kerja="Dinas Kesehatan",
        klaster="kabupaten", kelompok="umum", kategori="Kesehatan",
        innovators=["dr. Nurhayati Harahap, M.K.M.", "Fajar Pratama, S.T."],
        contact=("dr. Nurhayati Harahap", "Kepala Seksi Kesehatan Keluarga dan Gizi", "sigizi@dinkes.deliserdangkab.go.id", "0813-7020-4402"),
        started_on="2021-08-02", sdgs=[2, 3], is_digital=True, previous_finalist=True,
        problem="data penimbangan balita di posyandu dicatat di buku dan baru direkap tiga bulan kemudian, sehingga balita berisiko stunting terlambat ditangani",
        baseline="prevalensi stunting 21,4 persen pada 2021 dengan keterlambatan rekap data rata-rata 84 hari",
        solution="kader posyandu mencatat tinggi dan berat badan langsung di aplikasi SIGIZI yang bekerja luring dan menyinkronkan data saat ada sinyal",
        novelty="peringatan otomatis dikirim ke bidan desa dalam 24 jam ketika kurva pertumbuhan balita melambat",
        result="prevalensi stunting turun menjadi 14,8 persen pada 2024 dan waktu rekap data menjadi satu hari",
        replication="aplikasi dan modul pelatihan kader dibagikan kepada Kabupaten Serdang Bedagai dan Kabupaten Langkat",
        resources="1.248 kader terlatih, 400 tablet hibah CSR, satu server di pusat data daerah, anggaran Rp 690 juta",
        sustainability="Peraturan Bupati Deli Serdang Nomor 18 Tahun 2022 mewajibkan pencatatan digital di seluruh posyandu",
        images=[("foto/kader-posyandu.png", "Kader posyandu memakai aplikasi SIGIZI")],
    ),
    dict(
        id="KIPP-2026-003", slug="sekolah-sungai-barito-kuala",
        title="Sekolah Sungai: Kelas Apung bagi Anak di Permukiman Bantaran Sungai",
        instansi="Pemerintah Kabupaten Barito Kuala", unit_kerja="Dinas Pendidikan dan Kebudayaan",
        klaster="kabupaten", kelompok="umum", kategori="Pendidikan",
        innovators=["Muhammad Arsyad, S.Pd., M.Pd."],
        contact=("Muhammad Arsyad", "Kepala Bidang Pembinaan Sekolah Dasar", "sekolahsungai@disdik.baritokualakab.go.id", "0821-5544-1203"),
        started_on="2020-07-13", sdgs=[4, 10], is_digital=False, previous_finalist=False,
        problem="anak-anak di desa bantaran sungai harus menempuh perjalanan perahu hingga dua jam ke sekolah terdekat",
        baseline="angka putus sekolah di enam desa sasaran mencapai 17 persen dan kehadiran harian hanya 62 persen",
        solution="kelas apung di atas kapal kayu yang berlabuh bergiliran di enam desa, dengan guru kunjung dan perpustakaan terapung",
        novelty="jadwal belajar mengikuti pasang surut sungai dan musim panen, disusun bersama orang tua",
        result="angka putus sekolah turun menjadi 4 persen dan kehadiran harian naik menjadi 91 persen",
        replication="model kelas apung dapat diterapkan di daerah kepulauan dan rawa lain; Kabupaten Hulu Sungai Utara sedang menyiapkannya",
        resources="dua kapal kayu, delapan guru kunjung, dan anggaran Rp 355 juta per tahun dari APBD dan dana desa",
        sustainability="kelas apung ditetapkan sebagai satuan pendidikan filial melalui Keputusan Bupati, dan desa menganggarkan perawatan kapal",
        images=[],
    ),
    dict(
        id="KIPP-2026-004", slug="e-basta-pontianak",
        title="e-BASTA: Bank Sampah Terpadu Berbasis Aplikasi",
        instansi="Pemerintah Kota Pontianak", unit_kerja="Dinas Lingkungan Hidup",
        klaster="kota", kelompok="umum", kategori="Lingkungan Hidup",
        innovators=["Yohanes Kristianto, S.T.", "Siti Maryam, S.Si."],
        contact=("Yohanes Kristianto", "Kepala Bidang Pengelolaan Sampah", "ebasta@dlh.pontianak.go.id", "0852-4500-7781"),
        started_on="2022-01-10", sdgs=[11, 12, 13], is_digital=True, previous_finalist=False,
        problem="sampah rumah tangga yang masuk ke tempat pemrosesan akhir terus meningkat sementara bank sampah berjalan sendiri-sendiri",
        baseline="hanya 6 persen sampah kota yang didaur ulang dan 58 bank sampah tidak memiliki pencatatan yang seragam",
        solution="aplikasi e-BASTA yang mencatat setoran sampah warga, menghubungkan bank sampah dengan pengepul, dan mengonversi tabungan sampah menjadi pembayaran iuran",
        novelty="saldo tabungan sampah dapat dipakai membayar retribusi sampah dan tagihan air",
        result="sampah yang didaur ulang naik menjadi 19 persen, 14.300 nasabah aktif, dan beban TPA turun 38 ton per hari",
        replication="aplikasi bersifat sumber terbuka dan telah dipakai oleh dua kabupaten di Kalimantan Barat",
        resources="tim pengembang internal tiga orang, 112 bank sampah mitra, anggaran Rp 280 juta",
        sustainability="integrasi dengan sistem retribusi daerah membuat bank sampah memperoleh pendapatan tetap",
        images=[("foto/bank-sampah.jpg", "Penimbangan setoran di bank sampah")],
    ),
    dict(
        id="KIPP-2026-005", slug="izin-satu-hari-sumut",
        title="Izin Usaha Satu Hari bagi Usaha Mikro dan Kecil",
        instansi="Pemerintah Provinsi Sumatera Utara", unit_kerja="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        klaster="provinsi", kelompok="umum", kategori="Investasi dan Ekonomi",
        innovators=["Ir. Hotman Sinaga, M.Si.", "Lestari Nasution, S.H."],
        contact=("Lestari Nasution", "Analis Kebijakan Ahli Muda", "izin1hari@dpmptsp.sumutprov.go.id", "0811-6500-2205"),
        started_on="2023-02-01", sdgs=[8, 9], is_digital=True, previous_finalist=False,
        problem="pelaku usaha mikro harus mengurus beberapa izin teknis di instansi yang berbeda sebelum dapat mengakses kredit usaha",
        baseline="rata-rata waktu penerbitan izin teknis mencapai 14 hari kerja dengan tiga kali kunjungan",
        solution="gerai layanan terpadu yang memeriksa persyaratan, menerbitkan Nomor Induk Berusaha dan izin teknis risiko rendah pada hari yang sama",
        novelty="verifikasi lapangan diganti dengan pernyataan mandiri yang diperiksa acak, dan bank mitra hadir di gerai",
        result="waktu penerbitan izin menjadi satu hari kerja untuk 93 persen permohonan, dan 8.950 usaha mikro memperoleh izin",
        replication="standar operasional prosedur telah diadopsi oleh lima kabupaten/kota di Sumatera Utara",
        resources="dua belas petugas gerai, integrasi dengan sistem OSS, anggaran Rp 520 juta",
        sustainability="Peraturan Gubernur Sumatera Utara Nomor 9 Tahun 2024 menetapkan standar layanan satu hari",
        images=[],
    ),
    dict(
        id="KIPP-2026-006", slug="jalak-medan",
        title="JALAK: Lapor Jalan Rusak dalam Tiga Klik",
        instansi="Pemerintah Kota Medan", unit_kerja="Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi",
        klaster="kota", kelompok="umum", kategori="Infrastruktur",
        innovators=["Andi Saputra Tarigan, S.T., M.T."],
        contact=("Andi Saputra Tarigan", "Kepala Seksi Pemeliharaan Jalan", "jalak@sdabmbk.medan.go.id", "0812-6533-9012"),
        started_on="2023-06-05", sdgs=[9, 11], is_digital=True, previous_finalist=False,
        problem="laporan jalan rusak datang melalui banyak saluran dan tidak tercatat, sehingga perbaikan tidak terjadwal",
        baseline="rata-rata waktu perbaikan lubang jalan 27 hari sejak pertama kali dilaporkan",
        solution="warga memotret lubang jalan, lokasi GPS terbaca otomatis, dan laporan langsung masuk antrean regu perbaikan terdekat",
        novelty="pelapor menerima foto hasil perbaikan dan dapat menilai mutu pekerjaan",
        result="waktu perbaikan rata-rata turun menjadi 5 hari dengan 11.482 laporan diselesaikan",
        replication="modul pelaporan berbasis peta dapat dipakai untuk lampu jalan dan drainase",
        resources="sepuluh regu perbaikan cepat, aplikasi yang dikembangkan Dinas Kominfo, anggaran pemeliharaan yang sudah ada",
        sustainability="kinerja regu dinilai dari data JALAK dan menjadi bagian dari indikator kinerja dinas",
        images=[],
    ),
    dict(
        id="KIPP-2026-007", slug="ambulans-desa-karo",
        title="Ambulans Desa Siaga 24 Jam",
        instansi="Pemerintah Kabupaten Karo", unit_kerja="Dinas Kesehatan",
        klaster="kabupaten", kelompok="replikasi", kategori="Kesehatan",
        innovators=["dr. Ferdinan Ginting", "Elisabeth Sembiring, S.Kep., Ners"],
        contact=("dr. Ferdinan Ginting", "Kepala Bidang Pelayanan Kesehatan", "ambulansdesa@dinkes.karokab.go.id", "0813-6100-4477"),
        started_on="2022-10-03", sdgs=[3], is_digital=False, previous_finalist=False,
        problem="warga desa di lereng gunung kesulitan mencapai puskesmas saat keadaan darurat, terutama ibu bersalin",
        baseline="waktu tempuh rata-rata ke fasilitas kesehatan 95 menit dan 31 persen persalinan masih di rumah",
        solution="replikasi program ambulans desa: kendaraan desa dilengkapi peralatan gawat darurat dasar dan pengemudi terlatih, dipanggil melalui satu nomor",
        novelty="penyesuaian dengan kondisi pegunungan: kendaraan gardan ganda dan titik temu dengan ambulans puskesmas",
        result="waktu tempuh rata-rata turun menjadi 40 menit dan persalinan di fasilitas kesehatan naik menjadi 94 persen",
        replication="program ini adalah replikasi dari inovasi kabupaten lain yang disesuaikan dengan medan pegunungan",
        resources="42 kendaraan desa, 84 pengemudi terlatih, dana desa dan APBD Rp 1,1 miliar",
        sustainability="setiap desa menetapkan Peraturan Desa tentang ambulans desa dan menganggarkan operasionalnya",
        images=[("foto/ambulans-desa.jpg", "Ambulans desa di Kecamatan Simpang Empat")],
    ),
    dict(
        id="KIPP-2026-008", slug="paspor-jemput-bola",
        title="Paspor Simpatik: Layanan Paspor Jemput Bola di Kecamatan",
        instansi="Kementerian Imigrasi dan Pemasyarakatan", unit_kerja="Kantor Imigrasi Kelas I TPI Medan",
        klaster="kementerian", kelompok="umum", kategori="Tata Kelola Pemerintahan dan Pelayanan Publik",
        innovators=["Bambang Wicaksono, S.H., M.H."],
        contact=("Bambang Wicaksono", "Kepala Seksi Lalu Lintas Keimigrasian", "simpatik@imigrasimedan.go.id", "0811-6300-1188"),
        started_on="2023-09-18", sdgs=[10, 16], is_digital=False, previous_finalist=False,
        problem="calon pekerja migran dan jemaah umrah dari daerah pinggiran harus datang beberapa kali ke kantor imigrasi",
        baseline="rata-rata pemohon dari luar kota mengeluarkan biaya perjalanan Rp 450 ribu per permohonan",
        solution="unit layanan bergerak yang melayani wawancara dan perekaman biometrik di kantor kecamatan dengan jadwal yang diumumkan sebulan sebelumnya",
        novelty="kerja sama dengan dinas tenaga kerja untuk memeriksa dokumen calon pekerja migran sekaligus",
        result="4.120 paspor diterbitkan melalui layanan bergerak dan biaya perjalanan pemohon turun rata-rata 80 persen",
        replication="jadwal dan perlengkapan unit bergerak telah dibagikan kepada kantor imigrasi lain di Sumatera",
        resources="satu unit kendaraan layanan, enam petugas bergilir, anggaran DIPA yang sudah ada",
        sustainability="layanan bergerak dimasukkan dalam standar pelayanan kantor dan dievaluasi setiap triwulan",
        images=[],
    ),
    dict(
        id="KIPP-2026-009", slug="padi-simalungun",
        title="PADI: Pasar Tani Daring untuk Petani Hortikultura",
        instansi="Pemerintah Kabupaten Simalungun", unit_kerja="Dinas Pertanian",
        klaster="kabupaten", kelompok="umum", kategori="Ketahanan Pangan",
        innovators=["Jonathan Purba, S.P.", "Rina Saragih, S.E."],
        contact=("Jonathan Purba", "Penyuluh Pertanian Ahli Madya", "padi@distan.simalungunkab.go.id", "0852-7700-3319"),
        started_on="2021-11-22", sdgs=[1, 2, 8], is_digital=True, previous_finalist=False,
        problem="petani sayur menjual hasil panen kepada tengkulak dengan harga jauh di bawah harga pasar kota",
        baseline="petani hanya menerima 35 persen dari harga eceran di Medan",
        solution="pasar daring yang mempertemukan kelompok tani dengan pedagang, hotel dan katering, dengan pengiriman terjadwal dari titik kumpul",
        novelty="harga acuan harian diumumkan di aplikasi dan melalui pesan singkat bagi petani tanpa telepon pintar",
        result="bagian harga yang diterima petani naik menjadi 58 persen dan 2.310 petani aktif bertransaksi",
        replication="model titik kumpul dan harga acuan dapat diterapkan di sentra hortikultura lain",
        resources="lima titik kumpul, dua truk berpendingin, tim pengelola dari BUMDes, anggaran Rp 640 juta",
        sustainability="pengelolaan diserahkan kepada BUMDes bersama dengan biaya layanan dua persen per transaksi",
        images=[],
    ),
    dict(
        id="KIPP-2026-010", slug="air-prabayar-tirtanadi",
        title="Air Bersih Prabayar Berbasis Token untuk Permukiman Padat",
        instansi="Perumda Air Minum Tirtanadi Provinsi Sumatera Utara", unit_kerja="Divisi Pelayanan Pelanggan",
        klaster="bumd", kelompok="umum", kategori="Infrastruktur",
        innovators=["Ir. Syahrul Efendi", "Maya Sari Pane, S.T."],
        contact=("Maya Sari Pane", "Kepala Bagian Hubungan Pelanggan", "prabayar@tirtanadi.co.id", "0812-6040-5566"),
        started_on="2022-05-09", sdgs=[6, 11], is_digital=True, previous_finalist=False,
        problem="warga permukiman padat berpenghasilan harian sulit membayar tagihan air bulanan sehingga banyak sambungan diputus",
        baseline="tunggakan mencapai 22 persen pelanggan di tiga kelurahan sasaran",
        solution="meter air prabayar dengan token yang dapat dibeli mulai Rp 5.000 di warung dan aplikasi pembayaran",
        novelty="kuota air minimum untuk kebutuhan dasar tetap mengalir walaupun token habis",
        result="tunggakan turun menjadi 3 persen dan 3.600 rumah tangga tersambung kembali",
        replication="skema token dapat diterapkan oleh perumda air minum lain yang melayani permukiman padat",
        resources="3.600 meter prabayar, kerja sama dengan jaringan warung, investasi Rp 2,3 miliar",
        sustainability="biaya investasi kembali dalam lima tahun dari penurunan kehilangan air dan tunggakan",
        images=[],
    ),
    dict(
        id="KIPP-2026-011", slug="rumah-singgah-binjai",
        title="Rumah Singgah Inklusif bagi Penyandang Disabilitas",
        instansi="Pemerintah Kota Binjai", unit_kerja="Dinas Sosial",
        klaster="kota", kelompok="khusus", kategori="Sosial",
        innovators=["Hj. Rosmawati, S.Sos."],
        contact=("Rosmawati", "Kepala Bidang Rehabilitasi Sosial", "rumahsinggah@dinsos.binjaikota.go.id", "0813-9700-2290"),
        started_on="2021-04-19", sdgs=[1, 10], is_digital=False, previous_finalist=True,
        problem="penyandang disabilitas dari keluarga miskin kesulitan mengakses pelatihan kerja dan layanan rehabilitasi",
        baseline="hanya 9 persen penyandang disabilitas usia kerja yang terdaftar memiliki penghasilan tetap",
        solution="rumah singgah yang menyediakan terapi, pelatihan keterampilan, dan penyaluran kerja bersama pengusaha lokal",
        novelty="penyandang disabilitas dilibatkan sebagai pelatih sebaya dan pengelola usaha bersama",
        result="214 penerima manfaat dilatih dan 87 orang kini bekerja atau berusaha mandiri",
        replication="kurikulum pelatihan sebaya telah dibagikan kepada dinas sosial di tiga daerah tetangga",
        resources="satu gedung pinjam pakai, enam pendamping, dan anggaran Rp 310 juta",
        sustainability="Peraturan Wali Kota Binjai tentang pemenuhan hak penyandang disabilitas menjamin anggaran tahunan",
        images=[],
    ),
    dict(
        id="KIPP-2026-012", slug="sipeduli-tebing-tinggi",
        title="SIPEDULI: Pengaduan Pelayanan Publik Terpadu melalui WhatsApp",
        instansi="Pemerintah Kota Tebing Tinggi", unit_kerja="Dinas Komunikasi dan Informatika",
        klaster="kota", kelompok="umum", kategori="Tata Kelola Pemerintahan dan Pelayanan Publik",
        innovators=["Ricky Hasibuan, S.Kom.", "Putri Ayu Lestari, S.I.Kom."],
        contact=("Ricky Hasibuan", "Kepala Bidang Layanan E-Government", "sipeduli@kominfo.tebingtinggikota.go.id", "0822-7600-1155"),
        started_on="2024-01-15", sdgs=[16], is_digital=True, previous_finalist=False,
        problem="pengaduan warga tersebar di media sosial, kotak saran, dan surat, tanpa nomor tiket dan tanpa batas waktu tanggapan",
        baseline="hanya 37 persen pengaduan yang mendapat tanggapan dalam lima hari kerja",
        solution="satu nomor WhatsApp yang meneruskan setiap pengaduan ke perangkat daerah terkait dan terhubung dengan SP4N-LAPOR!",
        novelty="setiap pengaduan mendapat nomor tiket dan warga menerima kabar setiap kali statusnya berubah",
        result="94 persen pengaduan ditanggapi dalam lima hari kerja dan kepuasan pelapor mencapai 4,4 dari 5",
        replication="alur kerja dan templat pesan telah diterapkan oleh dua kabupaten tetangga",
        resources="empat operator, layanan WhatsApp Business API, anggaran Rp 190 juta",
        sustainability="Peraturan Wali Kota tentang pengelolaan pengaduan menetapkan batas waktu tanggapan",
        images=[],
        long_summary=True,
    ),
]


def _para(*sentences: str) -> str:
    return " ".join(s.strip().rstrip(".") + "." for s in sentences if s)


def sections(d: dict) -> list[dict]:
    name = d["title"].split(":")[0]
    ringkasan = _para(
        f"{name} adalah inovasi {d['unit_kerja']} {d['instansi']} yang menjawab masalah {d['problem']}",
        f"Sebelum inovasi, {d['baseline']}",
        f"Inovasi ini menghadirkan {d['solution']}",
        f"Hasilnya, {d['result']}",
    )
    if d.get("long_summary"):
        ringkasan += "\n\n" + _para(
            "Setiap pengaduan yang masuk dicatat dengan nomor tiket, diteruskan kepada perangkat daerah yang "
            "berwenang, dan dipantau sampai tuntas oleh operator Dinas Komunikasi dan Informatika",
            "Warga tidak perlu mengunduh aplikasi baru karena layanan memakai WhatsApp yang sudah dipakai sehari-hari",
            "Operator menerima pelatihan menulis tanggapan yang jelas dan santun, dan setiap perangkat daerah "
            "menunjuk penghubung yang bertanggung jawab atas tindak lanjut",
            "Data pengaduan diolah menjadi laporan bulanan kepada Wali Kota, sehingga masalah yang berulang, "
            "seperti lampu jalan padam, drainase tersumbat, dan antrean layanan administrasi, dapat diselesaikan "
            "pada akar masalahnya dan tidak hanya satu per satu",
            "Layanan ini juga terhubung dengan SP4N-LAPOR! sehingga pengaduan tercatat secara nasional dan dapat "
            "diawasi oleh Ombudsman Republik Indonesia serta masyarakat luas",
            "Ke depan, tim akan menambahkan survei singkat setelah setiap pengaduan selesai ditangani agar "
            "mutu tanggapan setiap perangkat daerah dapat dibandingkan secara terbuka",
        )
    return [
        {"key": "ringkasan", "title": "Ringkasan", "text": ringkasan, "word_limit": 200},
        {"key": "latar_belakang", "title": "Latar Belakang dan Tujuan", "word_limit": 300, "text": _para(
            f"Permasalahan utama yang dihadapi adalah {d['problem']}",
            f"Data awal menunjukkan bahwa {d['baseline']}",
            "Akar masalahnya adalah proses layanan yang dirancang dari sudut pandang kantor, bukan dari "
            "kebutuhan warga yang paling sulit menjangkaunya",
            "Tujuan inovasi adalah memastikan layanan menjangkau kelompok sasaran dengan waktu, biaya dan "
            "langkah yang lebih sedikit, diukur dengan indikator yang sama dengan data awal",
        ), "attachments": ["lampiran/laporan-evaluasi.pdf"]},
        {"key": "kebaruan", "title": "Kebaruan / Nilai Tambah", "word_limit": 200, "text": _para(
            f"Yang baru dari inovasi ini: {d['novelty']}",
            "Pendekatan ini belum pernah diterapkan di daerah kami dan mengubah cara petugas bekerja sehari-hari",
        )},
        {"key": "implementasi", "title": "Implementasi Inovasi", "word_limit": 200, "text": _para(
            f"Inovasi mulai diterapkan pada {d['started_on']} setelah uji coba di satu wilayah percontohan",
            f"Bentuk layanannya: {d['solution']}",
            "Tahapan pelaksanaan meliputi penyusunan prosedur, pelatihan petugas, sosialisasi kepada warga, "
            "dan pemantauan bulanan oleh tim inovasi",
        ), "attachments": ["lampiran/sk-tim-inovasi.pdf"]},
        {"key": "signifikansi", "title": "Signifikansi / Dampak", "word_limit": 600, "text": _para(
            f"Dampak yang terukur: {d['result']}",
            f"Angka tersebut dibandingkan dengan data awal, yaitu {d['baseline']}",
            "Manfaat juga dirasakan oleh petugas karena pekerjaan menjadi terjadwal dan dapat dipantau",
            "Survei kepuasan masyarakat yang dilakukan setiap semester menunjukkan peningkatan yang konsisten",
        ), "attachments": ["lampiran/laporan-evaluasi.pdf"]},
        {"key": "adaptabilitas", "title": "Adaptabilitas / Replikasi", "word_limit": 300, "text": _para(
            f"Tentang replikasi: {d['replication']}",
            "Prosedur, formulir, dan materi pelatihan telah dibukukan sehingga mudah dipelajari instansi lain",
        )},
        {"key": "sumber_daya", "title": "Sumber Daya", "word_limit": 200, "text": _para(
            f"Sumber daya yang digunakan: {d['resources']}",
        )},
        {"key": "keberlanjutan", "title": "Strategi Keberlanjutan", "word_limit": 500, "text": _para(
            f"Keberlanjutan dijamin secara kelembagaan: {d['sustainability']}",
            "Secara sosial, warga dan tokoh masyarakat terlibat dalam evaluasi tahunan; secara ekonomi, "
            "biaya layanan lebih rendah daripada cara lama",
        ), "attachments": ["lampiran/surat-pernyataan.pdf"]},
    ]


def _pdf(title: str, lines: list[str], *, pages: int = 1, table: list[list[str]] | None = None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("oaoi-desktop sample generator")
    width, height = A4
    for page in range(pages):
        c.setFont("Helvetica-Bold", 13)
        c.drawString(2.5 * cm, height - 3 * cm, title)
        c.setFont("Helvetica", 10.5)
        y = height - 4.2 * cm
        for line in lines if page == 0 else [f"Lanjutan halaman {page + 1}."] + lines[-2:]:
            c.drawString(2.5 * cm, y, line)
            y -= 0.6 * cm
        if table and page == 0:
            y -= 0.4 * cm
            for r, row in enumerate(table):
                for col, cell in enumerate(row):
                    x = 2.5 * cm + col * 5.2 * cm
                    if r == 0:
                        c.setFillColor(colors.HexColor("#dde7f0"))
                        c.rect(x, y - 0.15 * cm, 5.2 * cm, 0.6 * cm, fill=1, stroke=0)
                        c.setFillColor(colors.black)
                    c.drawString(x + 0.15 * cm, y, cell)
                y -= 0.6 * cm
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(2.5 * cm, 1.5 * cm, f"Contoh fiktif untuk demo oaoi-desktop — halaman {page + 1} dari {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _image(caption: str, seed: int, fmt: str) -> bytes:
    img = Image.new("RGB", (480, 320), (232, 240, 246))
    draw = ImageDraw.Draw(img)
    palette = [(46, 104, 160), (231, 153, 52), (82, 160, 90), (190, 70, 70)]
    for i in range(6):
        h = 40 + ((seed * 37 + i * 53) % 180)
        x = 40 + i * 70
        draw.rectangle([x, 280 - h, x + 45, 280], fill=palette[(seed + i) % len(palette)])
    draw.line([30, 280, 460, 280], fill=(60, 60, 60), width=2)
    draw.text((30, 20), caption[:60], fill=(20, 20, 20))
    out = io.BytesIO()
    if fmt == "png":
        img.save(out, format="PNG", optimize=True)
    else:
        img.save(out, format="JPEG", quality=80)
    return out.getvalue()


def write_sample(d: dict, out: Path, seed: int) -> None:
    folder = out / d["slug"]
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "lampiran").mkdir(parents=True)
    name, position, email, phone = d["contact"]
    head = d["unit_kerja"] + " " + d["instansi"]
    files = {
        "lampiran/surat-pernyataan.pdf": ("surat_pernyataan", "Surat Pernyataan Kepala Daerah/Pimpinan", _pdf(
            "SURAT PERNYATAAN", [
                "Yang bertanda tangan di bawah ini menyatakan bahwa inovasi",
                f"\"{d['title'][:80]}\"",
                f"adalah benar inovasi {head[:70]}",
                "yang telah diterapkan paling sedikit satu tahun dan bersedia direplikasi.",
                "", f"{d['instansi']}, {d['started_on'][:4]}", "", "(ditandatangani)", name,
            ])),
        "lampiran/sk-tim-inovasi.pdf": ("sk", "SK Tim Inovasi", _pdf(
            "KEPUTUSAN TENTANG TIM INOVASI", [
                f"Menetapkan tim inovasi {d['title'].split(':')[0][:60]}",
                f"pada {d['unit_kerja'][:80]}.",
                "Ketua: " + d["innovators"][0],
                *(f"Anggota: {m}" for m in d["innovators"][1:]),
                f"Ditetapkan pada tanggal {d['started_on']}.",
            ])),
        "lampiran/laporan-evaluasi.pdf": ("laporan_evaluasi", "Laporan Evaluasi Inovasi", _pdf(
            "LAPORAN EVALUASI INOVASI", [
                f"Inovasi: {d['title'].split(':')[0][:70]}",
                "Ringkasan capaian terhadap data awal:",
                d["result"][:95], d["result"][95:190],
            ], pages=2, table=[["Indikator", "Sebelum", "Sesudah"], ["Capaian utama", "data awal", "hasil"],
                               ["Kepuasan warga", "3,1 / 5", "4,3 / 5"]])),
    }
    attachments = []
    for path, (kind, title, data) in files.items():
        (folder / path).write_bytes(data)
        attachments.append({"path": path, "kind": kind, "title": title})
    photo_refs = []
    for i, (path, caption) in enumerate(d["images"]):
        fmt = "png" if path.endswith(".png") else "jpeg"
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(_image(caption, seed + i, fmt))
        attachments.append({"path": path, "kind": "foto", "title": caption})
        photo_refs.append(path)
    secs = sections(d)
    if photo_refs:
        secs[3].setdefault("attachments", []).extend(photo_refs)
    doc = {
        "format_version": 1,
        "id": d["id"],
        "title": d["title"],
        "instansi": d["instansi"],
        "unit_kerja": d["unit_kerja"],
        "klaster": d["klaster"],
        "kelompok": d["kelompok"],
        "kategori": d["kategori"],
        "innovators": d["innovators"],
        "contact": {"name": name, "position": position, "email": email, "phone": phone},
        "started_on": d["started_on"],
        "sdgs": d["sdgs"],
        "is_digital": d["is_digital"],
        "video_url": f"https://example.org/kipp-2026/video/{d['slug']}",
        "previous_finalist": d["previous_finalist"],
        "sections": secs,
        "attachments": attachments,
    }
    (folder / "dossier.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


README = """# Sample dossiers (demo event)

Twelve fictional public-service innovations in the dossier package format
(docs/dossier-format.md), used by the demo event (`oaoi-desktop --demo`) and by
the tests. Names of agencies are real Indonesian agencies; the innovations,
people, numbers and documents are invented for the demo.

Generated by `scripts/make_samples.py` — edit the script, not these files.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "samples")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for i, d in enumerate(SAMPLES):
        write_sample(d, args.out, seed=i)
    (args.out / "README.md").write_text(README, encoding="utf-8")
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{len(SAMPLES)} samples in {args.out} ({total / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
