"""Messages of the completeness area (issue 14, "results are never issued incomplete"):
the completeness badge, finalising refused while sheets are missing, reasoned
exceptions, the marks on the PDFs and the ``oaoi rank``/``oaoi event finalise`` output."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the state -----------------------------------------------------------------------------
    "complete.badge.complete": {
        "id": "lengkap {submitted}/{expected}",
        "en": "complete {submitted}/{expected}",
    },
    "complete.badge.incomplete": {
        "id": "belum lengkap {submitted}/{expected}",
        "en": "incomplete {submitted}/{expected}",
    },
    "complete.header": {
        "id": "{complete} dari {total} proposal lengkap",
        "en": "{complete} of {total} proposals complete",
    },
    # -- exceptions ----------------------------------------------------------------------------
    "complete.reason_required": {
        "id": "Kegiatan '{event}': tuliskan alasan pengecualian lembar penilaian yang belum dikirim.",
        "en": "Event '{event}': give the reason for excepting the score sheets not yet submitted.",
    },
    "complete.not_missing": {
        "id": "Proposal {dossiers} tidak memiliki lembar penilaian yang belum dikirim.",
        "en": "Proposal(s) {dossiers} have no score sheet that is still missing.",
    },
    # -- finalising ----------------------------------------------------------------------------
    "finalise.incomplete": {
        "id": "Kegiatan '{event}' belum dapat difinalisasi: {count} lembar penilaian belum dikirim: {sheets}. "
              "Tarik penugasan tersebut, atau catat pengecualian dengan alasan.",
        "en": "Event '{event}' cannot be finalised yet: {count} score sheet(s) not submitted: {sheets}. "
              "Withdraw those assignments, or record an exception with a reason.",
    },
    "finalise.minutes_before_exception": {
        "id": "Kegiatan '{event}': pengecualian lembar penilaian dicatat setelah Berita Acara {number} diterbitkan. "
              "Terbitkan Berita Acara lagi agar pengecualian tercantum di dalamnya, lalu tanda tangani.",
        "en": "Event '{event}': an exception for missing score sheets was recorded after Berita Acara {number} "
              "was issued. Issue the Berita Acara again so that it states the exception, then sign it.",
    },
    "finalise.cli.help.except_missing": {
        "id": "kecualikan lembar penilaian yang belum dikirim (wajib dengan --reason); dicatat di log audit "
              "dan dicantumkan di Berita Acara",
        "en": "except the score sheets not yet submitted (needs --reason); recorded in the audit log and "
              "stated in the Berita Acara",
    },
    "finalise.cli.help.except_reason": {
        "id": "alasan pengecualian (bersama --except-missing)",
        "en": "the reason for the exception (with --except-missing)",
    },
    "finalise.cli.reason_needed": {
        "id": "--except-missing memerlukan --reason TEKS.",
        "en": "--except-missing needs --reason TEXT.",
    },
    "finalise.cli.excepted": {
        "id": "Pengecualian dicatat untuk {count} lembar penilaian: {sheets}.",
        "en": "Exception recorded for {count} score sheet(s): {sheets}.",
    },
    # -- documents -----------------------------------------------------------------------------
    "complete.doc.mark": {
        "id": "belum lengkap {submitted}/{expected}",
        "en": "incomplete {submitted}/{expected}",
    },
    "complete.doc.label": {
        "id": "Kelengkapan",
        "en": "Completeness",
    },
    "complete.doc.summary": {
        "id": "Lembar penilaian dikirim {submitted} dari {expected}; {incomplete} proposal belum lengkap.",
        "en": "Score sheets submitted: {submitted} of {expected}; {incomplete} proposal(s) incomplete.",
    },
    "complete.doc.summary_complete": {
        "id": "Lembar penilaian dikirim {submitted} dari {expected}; semua proposal lengkap.",
        "en": "Score sheets submitted: {submitted} of {expected}; every proposal is complete.",
    },
    "complete.doc.exceptions": {
        "id": "Pengecualian lembar penilaian yang belum dikirim",
        "en": "Exceptions for score sheets not submitted",
    },
    "complete.doc.exception_row": {
        "id": "Proposal {number}, penilai {judge}: {reason}",
        "en": "Proposal {number}, judge {judge}: {reason}",
    },
    # -- the judge workspace -------------------------------------------------------------------
    "judging.event_finalised": {
        "id": "Kegiatan ini sudah difinalisasi pada {at}; nilai tidak dapat diubah. Hubungi sekretariat.",
        "en": "This event was finalised on {at}; scores can no longer be changed. Contact the secretariat.",
    },
    # -- oaoi rank -----------------------------------------------------------------------------
    "cli.col.complete": {
        "id": "Kelengkapan",
        "en": "Complete",
    },
}
