"""Messages of keys and signatures bound to registered credentials: the passphrase and PIN
policy, re-wrapped keys, the ``registered`` check of a verification."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- passphrase and PIN policy -----------------------------------------------------
    "keys.passphrase_weak": {
        "id": "Frasa sandi ({field}) terlalu lemah: pakai minimal {min} karakter atau {words} kata, "
              "bukan sandi umum yang mudah ditebak (mis. 'merdeka1945', 'bismillah', 'qwerty', nama kota "
              "dengan tahun) dan bukan satu huruf yang diulang.",
        "en": "The passphrase ({field}) is too weak: use at least {min} characters or {words} words, not a "
              "common password that is easy to guess (e.g. 'merdeka1945', 'bismillah', 'qwerty', a city "
              "name with a year) and not one letter repeated.",
    },
    "keys.pin_weak": {
        "id": "PIN terlalu lemah: minimal {min} angka, tanpa pola mudah (angka sama semua seperti 000000, "
              "urutan seperti 123456 atau 654321, pengulangan seperti 121212, tanggal seperti 17081945).",
        "en": "The PIN is too weak: at least {min} digits, without an easy pattern (all the same digit such "
              "as 000000, a run such as 123456 or 654321, a repetition such as 121212, a date such as "
              "17081945).",
    },
    # -- verification bound to the registered credential ---------------------------------
    "keys.registered_ok": {
        "id": "Sertifikat terdaftar untuk {judge} pada kegiatan ini (seri {serial}).",
        "en": "The certificate is registered for {judge} in this event (serial {serial}).",
    },
    "keys.not_registered": {
        "id": "Sertifikat '{subject}' TIDAK TERDAFTAR untuk kegiatan ini: bukan kredensial yang diterbitkan "
              "atau diimpor aplikasi untuk penilai mana pun. Tanda tangan ini tidak sah.",
        "en": "The certificate '{subject}' is NOT REGISTERED for this event: it is not a credential the app "
              "issued or imported for any judge. This signature is not valid.",
    },
    "keys.replaced_before_signing": {
        "id": "Sertifikat {judge} (seri {serial}) sudah diganti pada {replaced}, sebelum tanda tangan ini "
              "dibuat ({signed}).",
        "en": "The certificate of {judge} (serial {serial}) was replaced on {replaced}, before this "
              "signature was made ({signed}).",
    },
    "keys.outside_validity": {
        "id": "Sertifikat {judge} tidak berlaku pada waktu penandatanganan ({signed}; berlaku {start} s.d. "
              "{end}).",
        "en": "The certificate of {judge} was not valid at the signing time ({signed}; valid {start} to "
              "{end}).",
    },
    "keys.no_signing_time": {
        "id": "Tanda tangan tidak mencantumkan waktu penandatanganan: masa berlaku sertifikat {judge} tidak "
              "dapat diperiksa.",
        "en": "The signature carries no signing time: the validity of the certificate of {judge} cannot be "
              "checked.",
    },
    "keys.registered_no_db": {
        "id": "Pendaftaran sertifikat tidak dapat diperiksa tanpa basis data kegiatan.",
        "en": "Whether the certificate is registered cannot be checked without the event's database.",
    },
}
