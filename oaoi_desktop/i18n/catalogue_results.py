"""Messages of the results area: finalising and reopening an event (services and ``oaoi event``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "finalise.refused": {  # seen in the GUI by judges too: no action id, no terminal command (issue 14)
        "id": "Kegiatan '{event}' sudah difinalisasi ({at}, oleh {by}); perubahan ditolak dan tidak ada yang "
              "diubah. Sekretariat dapat membuka kembali kegiatan dengan alasan yang dicatat.",
        "en": "Event '{event}' is finalised ({at}, by {by}); the change was refused and nothing was changed. "
              "The secretariat can reopen the event with a recorded reason.",
    },
    "finalise.no_minutes": {
        "id": "Kegiatan '{event}' belum dapat difinalisasi: Berita Acara belum diterbitkan. "
              "Terbitkan Berita Acara lebih dulu.",
        "en": "Event '{event}' cannot be finalised yet: its Berita Acara (minutes) has not been issued. "
              "Issue the Berita Acara first.",
    },
    "finalise.not_signed": {
        "id": "Kegiatan '{event}' belum dapat difinalisasi: Berita Acara {number} harus sudah ditandatangani. "
              "Berikan PDF yang ditandatangani digital (--signed-pdf BERKAS) atau nyatakan bahwa salinan cetaknya "
              "sudah ditandatangani basah oleh tim penilai (--paper-signed).",
        "en": "Event '{event}' cannot be finalised yet: Berita Acara {number} must be signed. Give the digitally "
              "signed PDF (--signed-pdf FILE) or state that its printed copy was signed in ink by the panel "
              "(--paper-signed).",
    },
    "finalise.minutes_invalid": {
        "id": "{file}: Berita Acara ini tidak lolos verifikasi, kegiatan tidak difinalisasi: {problem}",
        "en": "{file}: this Berita Acara does not verify, the event was not finalised: {problem}",
    },
    "finalise.minutes_foreign": {
        "id": "{file}: bukan Berita Acara yang diterbitkan untuk kegiatan '{event}' (nomor {number}); "
              "kegiatan tidak difinalisasi.",
        "en": "{file}: not a Berita Acara issued for event '{event}' (number {number}); the event was not "
              "finalised.",
    },
    "finalise.minutes_unsigned": {
        "id": "{file}: masih ada {missing} kolom tanda tangan yang kosong (atau belum ada tanda tangan sama "
              "sekali); kegiatan difinalisasi setelah seluruh tim penilai dan ketua menandatangani.",
        "en": "{file}: {missing} signature field(s) are still empty (or nothing is signed yet); the event is "
              "finalised once every panel member and the chair have signed.",
    },
    "finalise.cli.help.signed_pdf": {
        "id": "PDF Berita Acara yang sudah ditandatangani digital oleh seluruh tim penilai (diverifikasi)",
        "en": "the Berita Acara PDF digitally signed by the whole panel (it is verified)",
    },
    "finalise.cli.help.paper_signed": {
        "id": "nyatakan bahwa salinan cetak Berita Acara sudah ditandatangani basah oleh tim penilai",
        "en": "state that the printed Berita Acara was signed in ink by the panel",
    },
    "finalise.already": {
        "id": "Kegiatan '{event}' sudah difinalisasi pada {at} oleh {by}.",
        "en": "Event '{event}' was already finalised on {at} by {by}.",
    },
    "finalise.not_finalised": {
        "id": "Kegiatan '{event}' tidak dalam status final; tidak ada yang perlu dibuka kembali.",
        "en": "Event '{event}' is not finalised; there is nothing to reopen.",
    },
    "finalise.reason_required": {
        "id": "Alasan membuka kembali kegiatan '{event}' wajib diisi (kolom alasan / --reason).",
        "en": "A reason for reopening event '{event}' is required (the reason field / --reason).",
    },
    "finalise.cli.help.finalise": {
        "id": "finalisasi kegiatan setelah Berita Acara diterbitkan: sesudahnya tidak ada perubahan hasil "
              "tanpa pembukaan kembali yang tercatat",
        "en": "finalise the event once its Berita Acara is issued: afterwards no result changes without "
              "a recorded reopening",
    },
    "finalise.cli.help.reopen": {
        "id": "buka kembali kegiatan yang sudah final, dengan alasan yang dicatat di log audit",
        "en": "reopen a finalised event, with a reason recorded in the audit log",
    },
    "finalise.cli.help.reason": {
        "id": "alasan membuka kembali (dicatat di log audit)",
        "en": "why the event is reopened (recorded in the audit log)",
    },
    "finalise.cli.finalised": {
        "id": "Kegiatan '{event}' difinalisasi pada {at} oleh {by} (Berita Acara {minutes}).",
        "en": "Event '{event}' finalised on {at} by {by} (Berita Acara {minutes}).",
    },
    "finalise.cli.reopened": {
        "id": "Kegiatan '{event}' dibuka kembali oleh {by}; alasan: {reason}",
        "en": "Event '{event}' reopened by {by}; reason: {reason}",
    },
}
