"""Messages of the CLI's sign-in: the secretariat proves who it is before acting (issue 12)."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.operator.required": {
        "id": "Perintah `{command}` memerlukan masuk sebagai sekretariat: --operator NAMA (atau OAOI_OPERATOR) "
              "dan PIN (--pin-file BERKAS atau OAOI_PIN).",
        "en": "`{command}` needs the secretariat to sign in: --operator NAME (or OAOI_OPERATOR) "
              "and the PIN (--pin-file FILE or OAOI_PIN).",
    },
    "cli.operator.no_account": {
        "id": "Perintah `{command}` memerlukan masuk sebagai sekretariat, tetapi basis data ini belum punya akun "
              "sekretariat: buat dulu dengan `oaoi user add --role secretariat --name NAMA`.",
        "en": "`{command}` needs the secretariat to sign in, but this database has no secretariat account yet: "
              "create one first with `oaoi user add --role secretariat --name NAME`.",
    },
    "cli.operator.unknown": {
        "id": "Tidak ada akun sekretariat aktif bernama '{name}' di basis data ini (--operator / OAOI_OPERATOR).",
        "en": "There is no active secretariat account named '{name}' in this database (--operator / OAOI_OPERATOR).",
    },
    "cli.operator.judge_seat": {
        "id": "Laptop ini adalah kursi juri (paket panel dari USB atau berkas kursi LAN): `{command}` tidak "
              "dapat dilakukan di sini; lakukan di laptop sekretariat.",
        "en": "This laptop is a judge's seat (a panel package from USB, or a LAN seat file): `{command}` cannot "
              "be done here; it happens at the secretariat's laptop.",
    },
    "cli.operator.not_this_seat": {
        "id": "Laptop ini adalah kursi juri lain; {judge} tidak dapat masuk di sini.",
        "en": "This laptop is another judge's seat; {judge} cannot sign in here.",
    },
    "cli.operator.judge_pin_required": {
        "id": "Perintah `{command}` memerlukan PIN {judge}: --pin-file BERKAS atau OAOI_PIN.",
        "en": "`{command}` needs {judge}'s PIN: --pin-file FILE or OAOI_PIN.",
    },
    "cli.operator.prompt": {"id": "PIN sekretariat ({name})", "en": "Secretariat PIN ({name})"},
    "cli.operator.prompt_judge": {"id": "PIN {name}", "en": "PIN of {name}"},
    "cli.operator.new_pin_required": {
        "id": "PIN akun baru diperlukan: berikan --new-pin-file BERKAS, atau isi OAOI_NEW_PIN bila tidak ada "
              "terminal.",
        "en": "The new account's PIN is required: give --new-pin-file FILE, or set OAOI_NEW_PIN when there is "
              "no terminal.",
    },
    "cli.operator.prompt_new_pin": {"id": "PIN akun baru", "en": "PIN of the new account"},
    "cli.operator.recovery_code": {
        "id": "Kode pemulihan {name} (simpan di tempat aman; hanya ditampilkan sekali): {code}",
        "en": "Recovery code of {name} (keep it safe; shown only once): {code}",
    },
    "cli.operator.help.operator": {
        "id": "akun sekretariat yang masuk (nama atau ID; atau OAOI_OPERATOR); boleh dihilangkan bila hanya ada "
              "satu akun sekretariat",
        "en": "the secretariat account signing in (name or id; or OAOI_OPERATOR); may be left out when there is "
              "only one secretariat account",
    },
    "cli.operator.help.pin_file": {
        "id": "berkas berisi PIN orang yang masuk (atau OAOI_PIN; tanpa keduanya ditanyakan di terminal)",
        "en": "file holding the PIN of the person signing in (or OAOI_PIN; without either, asked on a terminal)",
    },
    "cli.operator.help.new_pin_file": {
        "id": "berkas berisi PIN akun baru (atau OAOI_NEW_PIN); tidak pernah di baris perintah",
        "en": "file holding the new account's PIN (or OAOI_NEW_PIN); never on the command line",
    },
}
