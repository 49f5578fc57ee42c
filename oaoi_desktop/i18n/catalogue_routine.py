"""Messages of the routine steps in the GUI (issue 14): reopening with a reason, paper scores, certificates."""

MESSAGES: dict[str, dict[str, str]] = {
    "routine.reopen_reason_short": {
        "id": "Kegiatan '{event}' tidak dibuka kembali: alasan terlalu pendek ({length} karakter). Tuliskan alasan "
              "yang dapat dipahami pemeriksa, paling sedikit {minimum} karakter.",
        "en": "Event '{event}' was not reopened: the reason is too short ({length} characters). Write a reason an "
              "auditor can understand, at least {minimum} characters.",
    },
    "routine.reopen_reason_long": {
        "id": "Kegiatan '{event}' tidak dibuka kembali: alasan terlalu panjang ({length} karakter, paling banyak "
              "{maximum}). Ringkas alasannya.",
        "en": "Event '{event}' was not reopened: the reason is too long ({length} characters, at most {maximum}). "
              "Shorten it.",
    },
}
