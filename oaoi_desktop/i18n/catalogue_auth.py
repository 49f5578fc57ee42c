"""Messages of the access policy (services/policy.py): who may do what, and why not."""

MESSAGES: dict[str, dict[str, str]] = {
    "policy.sign_in_required": {
        "id": "Masuk dulu: hanya orang yang sudah masuk dengan akunnya yang dapat {action} "
        "('{name}' tidak menunjuk akun).",
        "en": "Sign in first: only a person signed in with their account can {action} "
        "('{name}' names no account).",
    },
    "policy.unknown_account": {
        "id": "Akun '{name}' tidak ada di basis data ini; permintaan untuk {action} ditolak.",
        "en": "The account '{name}' does not exist in this database; the request to {action} was refused.",
    },
    "policy.inactive": {
        "id": "Akun '{name}' sudah dinonaktifkan; permintaan untuk {action} ditolak.",
        "en": "The account '{name}' is deactivated; the request to {action} was refused.",
    },
    "policy.secretariat_only": {
        "id": "Hanya sekretariat yang dapat {action} ('{name}' bukan sekretariat).",
        "en": "Only the secretariat can {action} ('{name}' is not the secretariat).",
    },
    "policy.role_refused": {
        "id": "'{name}' ({role}) tidak boleh {action}.",
        "en": "'{name}' ({role}) may not {action}.",
    },
    "policy.judge_seat": {
        "id": "Ini laptop penilai (paket panel diimpor): untuk {action}, gunakan laptop sekretariat "
        "('{name}').",
        "en": "This is a judge's laptop (a panel package was imported): to {action}, use the "
        "secretariat's laptop ('{name}').",
    },
    "policy.other_event": {
        "id": "'{name}' bukan penilai kegiatan ini; permintaan ditolak.",
        "en": "'{name}' is not a judge of this event; the request was refused.",
    },
    "policy.not_own": {
        "id": "'{name}' hanya dapat bertindak untuk dirinya sendiri, bukan untuk {judge}.",
        "en": "'{name}' can act only for themself, not for {judge}.",
    },
    "policy.event_finalised": {  # a judge sees this: no action id, no command (issue 14)
        "id": "Kegiatan '{event}' sudah difinalisasi pada {at}; nilai tidak dapat diubah. Hubungi sekretariat.",
        "en": "The event '{event}' was finalised on {at}; scores can no longer be changed. "
              "Contact the secretariat.",
    },
    "policy.not_assigned": {
        "id": "Proposal {dossier} tidak ditugaskan kepada '{name}'; permintaan ditolak.",
        "en": "Dossier {dossier} is not assigned to '{name}'; the request was refused.",
    },
    "policy.recused": {
        "id": "'{name}' tidak boleh menilai proposal {dossier} (instansi/unit kerja yang sama); "
        "permintaan ditolak.",
        "en": "'{name}' is recused from dossier {dossier} (same instansi/unit kerja); the request was refused.",
    },
    "policy.conflict_declared": {
        "id": "'{name}' telah menyatakan konflik kepentingan atas proposal {dossier}; permintaan ditolak.",
        "en": "'{name}' declared a conflict of interest on dossier {dossier}; the request was refused.",
    },
    "policy.sheet_final": {
        "id": "Lembar penilaian sudah dikirim dan dikunci; nilai tidak dapat diubah. Sekretariat "
        "dapat membukanya kembali dengan alasan.",
        "en": "The score sheet is already submitted and locked; its scores cannot be changed. The secretariat "
        "can unlock it with a reason.",
    },
    "policy.sheet_not_draft": {
        "id": "Lembar penilaian proposal {dossier} berstatus {status} dan tidak dapat diubah lewat jalur ini.",
        "en": "The score sheet of dossier {dossier} is {status} and cannot be changed this way.",
    },
}
