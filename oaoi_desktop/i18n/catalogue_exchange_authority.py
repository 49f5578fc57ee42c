"""Messages of the USB exchange's authority rules: what a judge's laptop may change (issues 12 and 13)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- merging a bundle at the secretariat
    "exchange.sheet_final_here": {
        "id": "Proposal {dossier}: lembar ini berstatus {status} di sekretariat; bundel tidak boleh mengubahnya. "
              "Versi dari laptop disimpan sebagai konflik untuk diputuskan sekretariat.",
        "en": "Dossier {dossier}: this sheet is {status} at the secretariat; a bundle may not change it. "
              "The laptop's version is kept as a conflict for the secretariat to decide.",
    },
    "exchange.sheet_bad_dossier_revision": {
        "id": "Proposal {dossier}: bundel menyebut revisi proposal {claimed}, sedangkan revisi terkini di "
              "sekretariat {current}; lembar tidak digabung.",
        "en": "Dossier {dossier}: the bundle claims proposal revision {claimed}, the secretariat's current "
              "revision is {current}; the sheet was not merged.",
    },
}
MESSAGES.update({
    # -- reading a panel package
    "exchange.package_kdf_refused": {
        "id": "Paket {path} meminta penurunan kunci yang tidak dipakai aplikasi ini ({name} n={n}, r={r}, p={p}); "
              "paket ditolak tanpa dicoba. Minta sekretariat mengekspornya lagi.",
        "en": "The package {path} asks for a key derivation this app does not use ({name} n={n}, r={r}, p={p}); "
              "it was refused without trying. Ask the secretariat to export it again.",
    },
})
MESSAGES.update({
    # -- unlocks travelling to the judge's laptop
    "exchange.package_needs_ca_passphrase": {
        "id": "Paket untuk {judge} membawa {sheets} lembar yang dibuka kembali oleh sekretariat; pembukaan itu "
              "harus ditandatangani otoritas kegiatan. Berikan frasa sandi CA.",
        "en": "The package for {judge} carries {sheets} sheet(s) the secretariat unlocked; the unlock must be "
              "signed by the event's authority. Give the CA passphrase.",
    },
    "exchange.package_unlock_needs_authority": {
        "id": "Paket untuk {judge} membawa {sheets} lembar yang dibuka kembali, tetapi kegiatan {event} belum "
              "memiliki otoritas (CA) untuk menandatanganinya.",
        "en": "The package for {judge} carries {sheets} unlocked sheet(s), but the event {event} has no "
              "authority (CA) to sign them.",
    },
    "exchange.package_unlocks_unverified": {
        "id": "Paket {path} ditolak: daftar lembar yang dibuka kembali tidak ditandatangani oleh otoritas "
              "kegiatan ({detail}). Tidak ada yang diubah; minta sekretariat mengekspor paket lagi.",
        "en": "The package {path} was refused: its list of unlocked sheets is not signed by the event's "
              "authority ({detail}). Nothing was changed; ask the secretariat to export the package again.",
    },
    "exchange.package_authority_changed": {
        "id": "Paket {path} ditolak: paket menyebut otoritas (CA) lain untuk kegiatan {event} daripada yang "
              "dipercaya laptop ini sejak paket pertama.",
        "en": "The package {path} was refused: it names another authority (CA) for the event {event} than the "
              "one this laptop has trusted since its first package.",
    },
    "exchange.package_unlock_unsigned": {
        "id": "Proposal {dossier}: paket ingin membuka kembali lembar yang sudah dikirim tanpa izin bertanda "
              "tangan otoritas; lembar di laptop ini tetap terkunci.",
        "en": "Dossier {dossier}: the package would reopen a submitted sheet without a grant signed by the "
              "authority; the sheet on this laptop stays locked.",
    },
})
MESSAGES.update({
    # -- command line
    "exchange.cli.no_bundle_found": {
        "id": "Tidak ada bundel juri (*.oaoi-bundle) di {path}; tidak ada yang digabung.",
        "en": "no bundle found in {path} (*.oaoi-bundle); nothing was merged.",
    },
    "exchange.cli.prompt_ca_passphrase": {"id": "Frasa sandi CA kegiatan", "en": "Event CA passphrase"},
    "exchange.cli.help.ca_passphrase_file": {
        "id": "berkas berisi frasa sandi CA, untuk menandatangani lembar yang dibuka kembali "
              "(atau OAOI_CA_PASSPHRASE; diminta bila perlu)",
        "en": "file holding the CA passphrase, to sign sheets the secretariat unlocked "
              "(or OAOI_CA_PASSPHRASE; asked for when needed)",
    },
})
MESSAGES.update({
    "exchange.package_not_a_judge": {
        "id": "Paket {path} ditolak: paket panel hanya menyiapkan laptop juri, bukan akun sekretariat ({name}).",
        "en": "The package {path} was refused: a panel package only sets up a judge's laptop, never a "
              "secretariat account ({name}).",
    },
})
