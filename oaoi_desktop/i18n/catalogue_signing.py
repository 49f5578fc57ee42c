"""Messages of signatures: the event authority, signing credentials, PDF signing,
verification (services, ``oaoi ca|cert|sign|verify``)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- keys and certificates --------------------------------------------------------
    "signing.bad_id": {
        "id": "'{value}' bukan ID yang sah.",
        "en": "'{value}' is not a valid id.",
    },
    "signing.person_not_found": {
        "id": "Orang '{person}' tidak terdaftar pada kegiatan '{event}'.",
        "en": "Person '{person}' is not registered for the event '{event}'.",
    },
    "signing.passphrase_too_short": {
        "id": "Frasa sandi ({field}) terlalu pendek: minimal {min} karakter.",
        "en": "The passphrase ({field}) is too short: at least {min} characters.",
    },
    "signing.authority_exists": {
        "id": "Kegiatan '{event}' sudah memiliki otoritas sertifikat (CA); CA kedua tidak dibuat.",
        "en": "The event '{event}' already has a certificate authority (CA); a second one is not made.",
    },
    "signing.no_authority": {
        "id": "Kegiatan '{event}' belum memiliki otoritas sertifikat. Sekretariat membuatnya dulu di Konsol "
              "sekretariat ▸ Tindakan ▸ Sertifikat tanda tangan (atau 'oaoi ca create').",
        "en": "The event '{event}' has no certificate authority yet. The secretariat creates it first in the "
              "Secretariat console ▸ Actions ▸ Signing certificates (or 'oaoi ca create').",
    },
    "signing.wrong_ca_passphrase": {
        "id": "Frasa sandi CA kegiatan '{event}' salah: tidak ada yang diubah.",
        "en": "Wrong passphrase for the CA of the event '{event}': nothing was changed.",
    },
    "signing.wrong_passphrase": {
        "id": "Frasa sandi kunci tanda tangan '{name}' salah: tidak ada berkas yang ditandatangani.",
        "en": "Wrong passphrase for the signing key of '{name}': no file was signed.",
    },
    "signing.wrong_p12_passphrase": {
        "id": "Frasa sandi berkas PKCS#12 untuk '{name}' salah, atau berkas rusak.",
        "en": "Wrong passphrase for the PKCS#12 file of '{name}', or the file is damaged.",
    },
    "signing.bad_p12": {
        "id": "Berkas untuk '{name}' bukan berkas PKCS#12 (.p12/.pfx) yang dapat dibaca.",
        "en": "The file for '{name}' is not a readable PKCS#12 (.p12/.pfx) file.",
    },
    "signing.p12_incomplete": {
        "id": "Berkas PKCS#12 untuk '{name}' tidak berisi kunci privat dan sertifikatnya.",
        "en": "The PKCS#12 file for '{name}' does not hold a private key with its certificate.",
    },
    "signing.p12_key_type": {
        "id": "Kunci dalam berkas PKCS#12 untuk '{name}' bukan RSA atau EC.",
        "en": "The key in the PKCS#12 file for '{name}' is neither RSA nor EC.",
    },
    "signing.p12_key_mismatch": {
        "id": "Kunci dalam berkas PKCS#12 untuk '{name}' tidak cocok dengan sertifikatnya.",
        "en": "The key in the PKCS#12 file for '{name}' does not match its certificate.",
    },
    "signing.p12_expired": {
        "id": "Sertifikat dalam berkas PKCS#12 untuk '{name}' sudah kedaluwarsa ({not_after}).",
        "en": "The certificate in the PKCS#12 file for '{name}' expired on {not_after}.",
    },
    "signing.no_credential": {
        "id": "'{name}' belum memiliki sertifikat tanda tangan untuk kegiatan '{event}'. Sekretariat "
        "menerbitkan atau mengimpornya di Konsol sekretariat ▸ Tindakan ▸ Sertifikat tanda tangan "
        "(atau 'oaoi cert issue' / 'oaoi cert import').",
        "en": "'{name}' has no signing certificate for the event '{event}'. The secretariat issues or imports "
        "one in the Secretariat console ▸ Actions ▸ Signing certificates (or 'oaoi cert issue' / 'oaoi cert import').",
    },
    "signing.bad_signature": {
        "id": "Tanda tangan tidak sah: {reason}.",
        "en": "The signature is not valid: {reason}.",
    },
    "signing.untrusted_signer": {
        "id": "Sertifikat penanda tangan '{subject}' (diterbitkan oleh '{issuer}') tidak berantai ke "
        "otoritas yang dipercaya.",
        "en": "The signer's certificate '{subject}' (issued by '{issuer}') does not chain to a "
        "trusted authority.",
    },
    # -- signing PDFs -------------------------------------------------------------------
    "signatures.no_field": {
        "id": "{file}: tidak ada kolom tanda tangan '{field}' untuk orang ini di dokumen.",
        "en": "{file}: the document has no signature field '{field}' for this person.",
    },
    "signatures.field_filled": {
        "id": "{file}: kolom tanda tangan '{field}' sudah ditandatangani.",
        "en": "{file}: the signature field '{field}' is already signed.",
    },
    "signatures.sign_failed": {
        "id": "{file}: gagal menandatangani ({reason}).",
        "en": "{file}: signing failed ({reason}).",
    },
    "signatures.unreadable_pdf": {
        "id": "{file}: bukan berkas PDF yang dapat dibaca ({reason}).",
        "en": "{file}: not a readable PDF file ({reason}).",
    },
    "signatures.cannot_read": {
        "id": "{file}: tidak dapat dibaca ({reason}).",
        "en": "{file}: cannot be read ({reason}).",
    },
    "signatures.cannot_write": {
        "id": "{file}: tidak dapat ditulis ({reason}); berkas asli tidak berubah.",
        "en": "{file}: cannot be written ({reason}); the original file is unchanged.",
    },
    "signatures.other_event": {
        "id": "{file}: dokumen ini milik kegiatan lain, bukan '{event}'.",
        "en": "{file}: this document belongs to another event, not '{event}'.",
    },
    "signatures.event_unknown": {
        "id": "{file}: kegiatan dokumen ini tidak ada di basis data; sebutkan --event.",
        "en": "{file}: this document's event is not in the database; give --event.",
    },
    "signatures.stale_document": {
        "id": "{file}: dokumen {number} sudah usang (nilai berubah setelah dokumen dibuat); "
        "ekspor ulang lalu tandatangani yang baru. Berkas tidak ditandatangani.",
        "en": "{file}: document {number} is out of date (scores changed after it was made); "
        "export it again and sign the new one. The file was not signed.",
    },
    "signatures.cancelled": {
        "id": "Dibatalkan sebelum berkas ini ditandatangani.",
        "en": "Cancelled before this file was signed.",
    },
    "signatures.signed_one": {
        "id": "{file}: ditandatangani oleh {name}.",
        "en": "{file}: signed by {name}.",
    },
    "signatures.stamp_label": {
        "id": "Ditandatangani secara elektronik",
        "en": "Digitally signed by",
    },
    "signatures.stamp_time": {
        "id": "Waktu",
        "en": "Time",
    },
    # -- verification -------------------------------------------------------------------
    "signatures.none": {
        "id": "Dokumen ini tidak memiliki tanda tangan digital.",
        "en": "This document has no digital signature.",
    },
    "signatures.damaged": {
        "id": "Tanda tangan rusak dan tidak dapat diperiksa ({reason}).",
        "en": "The signature is damaged and cannot be checked ({reason}).",
    },
    "signatures.intact_ok": {
        "id": "Utuh: isi yang ditandatangani tidak berubah.",
        "en": "Intact: the signed content is unchanged.",
    },
    "signatures.intact_fail": {
        "id": "TIDAK UTUH: isi yang ditandatangani telah diubah atau nilai tanda tangan tidak cocok.",
        "en": "NOT INTACT: the signed content was changed or the signature value does not match.",
    },
    "signatures.unsigned_after": {
        "id": "DIUBAH setelah tanda tangan ini: {count} pembaruan tanpa tanda tangan ditambahkan kemudian.",
        "en": "CHANGED after this signature: {count} unsigned update(s) were appended later.",
    },
    "signatures.modified_after": {
        "id": "DIUBAH setelah tanda tangan ini (analisis perubahan: {level}).",
        "en": "CHANGED after this signature (modification analysis: {level}).",
    },
    "signatures.unchanged_ok": {
        "id": "Tidak ada perubahan sesudahnya selain tanda tangan lain ({level}).",
        "en": "Nothing changed afterwards except further signatures ({level}).",
    },
    "signatures.chain_ok": {
        "id": "Sertifikat berantai ke otoritas '{authority}'.",
        "en": "The certificate chains to the authority '{authority}'.",
    },
    "signatures.chain_imported": {
        "id": "Sertifikat impor yang terdaftar untuk kegiatan ini, diterbitkan oleh '{issuer}'.",
        "en": "An imported certificate registered for this event, issued by '{issuer}'.",
    },
    "signatures.chain_imported_broken": {
        "id": "Sertifikat impor terdaftar, tetapi rantainya ke '{issuer}' tidak sah (kedaluwarsa?).",
        "en": "A registered imported certificate, but its chain to '{issuer}' is not valid (expired?).",
    },
    "signatures.chain_other": {
        "id": "Sertifikat TIDAK berantai ke otoritas kegiatan '{event}'; diterbitkan oleh '{issuer}'.",
        "en": "The certificate does NOT chain to the authority of the event '{event}'; issued by '{issuer}'.",
    },
    "signatures.chain_untrusted": {
        "id": "Sertifikat TIDAK berantai ke otoritas yang dipercaya; diterbitkan oleh '{issuer}'.",
        "en": "The certificate does NOT chain to a trusted authority; issued by '{issuer}'.",
    },
    "signatures.chain_no_event": {
        "id": "Tidak dapat diperiksa: kegiatan dokumen tidak ada di basis data ini; diterbitkan oleh '{issuer}'.",
        "en": "Not checkable: the document's event is not in this database; issued by '{issuer}'.",
    },
    "signatures.owner_ok": {
        "id": "Ditandatangani pada kolom milik penanda tangan.",
        "en": "Signed in the signer's own field.",
    },
    "signatures.owner_fail": {
        "id": "Ditandatangani pada kolom milik orang lain ('{field}').",
        "en": "Signed in another person's field ('{field}').",
    },
    "signatures.fp_ok": {
        "id": "Sidik jari tercetak ({fingerprint}…) cocok dengan nilai di basis data.",
        "en": "The printed fingerprint ({fingerprint}…) matches the scores in the database.",
    },
    "signatures.fp_mismatch": {
        "id": "Sidik jari TIDAK cocok: tercetak {printed}…, basis data sekarang {current}… "
        "(nilai berubah setelah dokumen dibuat).",
        "en": "The fingerprint does NOT match: printed {printed}…, database now {current}… "
        "(scores changed after the document was made).",
    },
    "signatures.fp_not_printed": {
        "id": "Tidak dapat diperiksa: dokumen tidak memuat sidik jari.",
        "en": "Not checkable: the document carries no fingerprint.",
    },
    "signatures.fp_no_event": {
        "id": "Tidak dapat diperiksa: kegiatan dokumen tidak ada di basis data ini.",
        "en": "Not checkable: the document's event is not in this database.",
    },
    "signatures.fp_unknown_number": {
        "id": "Tidak dapat diperiksa: nomor dokumen '{number}' tidak terdaftar di basis data.",
        "en": "Not checkable: the document number '{number}' is not registered in the database.",
    },
}

MESSAGES.update({
    # -- CLI -------------------------------------------------------------------------------
    "signing.cli.secret_required": {
        "id": "Frasa sandi diperlukan: berikan {file_option} BERKAS, atau isi variabel {env} bila tidak ada terminal.",
        "en": "A passphrase is required: give {file_option} FILE, or set {env} when there is no terminal.",
    },
    "signing.cli.prompt_ca_new": {"id": "Frasa sandi baru untuk CA kegiatan", "en": "New passphrase for the event CA"},
    "signing.cli.prompt_ca": {"id": "Frasa sandi CA kegiatan (sekretariat)", "en": "Event CA passphrase (secretariat)"},
    "signing.cli.prompt_judge_new": {"id": "Frasa sandi baru penilai (diketik oleh penilai sendiri)",
                                     "en": "New passphrase of the judge (typed by the judge)"},
    "signing.cli.prompt_p12": {"id": "Frasa sandi berkas PKCS#12", "en": "Passphrase of the PKCS#12 file"},
    "signing.cli.prompt_sign": {"id": "Frasa sandi kunci tanda tangan Anda", "en": "Your signing key passphrase"},
    "signing.cli.ca_created": {
        "id": "CA kegiatan '{event}' dibuat: {subject}\nSidik jari SHA-256 sertifikat: {fingerprint}",
        "en": "CA of the event '{event}' created: {subject}\nCertificate SHA-256 fingerprint: {fingerprint}",
    },
    "signing.cli.cert_issued": {
        "id": "Sertifikat tanda tangan untuk {name} diterbitkan (seri {serial}, berlaku sampai {not_after}).",
        "en": "Signing certificate for {name} issued (serial {serial}, valid until {not_after}).",
    },
    "signing.cli.cert_imported": {
        "id": "Sertifikat {name} diimpor (penerbit {issuer}, seri {serial}).",
        "en": "Certificate of {name} imported (issuer {issuer}, serial {serial}).",
    },
    "signing.cli.sign_summary": {
        "id": "{signed} dari {total} berkas ditandatangani.",
        "en": "{signed} of {total} files signed.",
    },
    "signing.cli.bad_trust_file": {
        "id": "{path}: bukan sertifikat (PEM atau DER).",
        "en": "{path}: not a certificate (PEM or DER).",
    },
    "signing.cli.verdict_ok": {"id": "SAH — semua pemeriksaan lolos", "en": "VALID — every check passed"},
    "signing.cli.verdict_fail": {"id": "TIDAK SAH — ada pemeriksaan yang gagal", "en": "NOT VALID — a check failed"},
    "signing.cli.document": {"id": "Dokumen {number} ({kind})", "en": "Document {number} ({kind})"},
    "signing.cli.event": {"id": "Kegiatan: {event}", "en": "Event: {event}"},
    "signing.cli.signature": {
        "id": "Tanda tangan {n}: {signer}, waktu {time} (kolom {field})",
        "en": "Signature {n}: {signer}, time {time} (field {field})",
    },
    "signing.cli.unsigned_fields": {
        "id": "{count} kolom tanda tangan masih kosong.",
        "en": "{count} signature field(s) still empty.",
    },
    "signing.cli.help.ca": {"id": "otoritas sertifikat (CA) kegiatan", "en": "the event's certificate authority (CA)"},
    "signing.cli.help.ca_create": {
        "id": "membuat CA kegiatan; kuncinya dienkripsi dengan frasa sandi sekretariat",
        "en": "make the event's CA; its key is encrypted with the secretariat's passphrase",
    },
    "signing.cli.help.ca_show": {
        "id": "mencetak sertifikat CA (PEM) untuk pemeriksa di luar lokasi",
        "en": "print the CA certificate (PEM) for verifiers elsewhere",
    },
    "signing.cli.help.ca_passphrase_new": {
        "id": "berkas berisi frasa sandi baru CA (atau OAOI_PASSPHRASE bila tanpa terminal)",
        "en": "file holding the CA's new passphrase (or OAOI_PASSPHRASE without a terminal)",
    },
    "signing.cli.help.ca_passphrase": {
        "id": "berkas berisi frasa sandi CA (atau OAOI_CA_PASSPHRASE bila tanpa terminal)",
        "en": "file holding the CA passphrase (or OAOI_CA_PASSPHRASE without a terminal)",
    },
    "signing.cli.help.cert": {"id": "sertifikat tanda tangan penilai", "en": "judges' signing certificates"},
    "signing.cli.help.cert_issue": {
        "id": "membuat kunci dan sertifikat penilai (penilai hadir dan mengetik frasa sandinya sendiri)",
        "en": "make a judge's key and certificate (the judge is present and types their own passphrase)",
    },
    "signing.cli.help.judge_passphrase_new": {
        "id": "berkas berisi frasa sandi baru penilai (atau OAOI_PASSPHRASE bila tanpa terminal)",
        "en": "file holding the judge's new passphrase (or OAOI_PASSPHRASE without a terminal)",
    },
    "signing.cli.help.cert_import": {
        "id": "memakai sertifikat yang sudah ada (berkas PKCS#12) untuk penilai",
        "en": "use an existing certificate (a PKCS#12 file) for a judge",
    },
    "signing.cli.help.p12_passphrase": {
        "id": "berkas berisi frasa sandi berkas .p12 (atau OAOI_PASSPHRASE bila tanpa terminal)",
        "en": "file holding the .p12 file's passphrase (or OAOI_PASSPHRASE without a terminal)",
    },
    "signing.cli.help.judge": {"id": "ID atau nama penilai", "en": "judge id or name"},
    "signing.cli.help.sign": {
        "id": "menandatangani berkas PDF pada kolom tanda tangan milik penilai (satu frasa sandi untuk semua)",
        "en": "sign PDF files in the judge's own signature field (one passphrase for all)",
    },
    "signing.cli.help.sign_event": {
        "id": "ID atau nama kegiatan (bawaan: kegiatan yang tercatat di dokumen)",
        "en": "event id or name (default: the event recorded in the document)",
    },
    "signing.cli.help.sign_passphrase": {
        "id": "berkas berisi frasa sandi kunci (atau OAOI_PASSPHRASE bila tanpa terminal)",
        "en": "file holding the key passphrase (or OAOI_PASSPHRASE without a terminal)",
    },
    "signing.cli.help.verify": {
        "id": "memeriksa semua tanda tangan PDF; keluar dengan kode 1 bila ada yang gagal",
        "en": "check every signature of PDFs; exit code 1 when any check fails",
    },
    "signing.cli.help.trust": {
        "id": "sertifikat CA yang dipercaya (dari 'oaoi ca show'); boleh diulang",
        "en": "a trusted CA certificate (from 'oaoi ca show'); may be repeated",
    },
    "signing.cli.help.offline": {
        "id": "tanpa basis data: sidik jari tidak diperiksa",
        "en": "without the database: fingerprints are not checked",
    },
})
