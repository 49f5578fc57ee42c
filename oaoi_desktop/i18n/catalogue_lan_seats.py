"""Messages of ``oaoi lan setup``: per-seat PostgreSQL roles with row-level security."""

MESSAGES: dict[str, dict[str, str]] = {
    "lan.setup.not_postgresql": {
        "id": "Kursi LAN hanya untuk basis data PostgreSQL; {database} adalah berkas SQLite.",
        "en": "LAN seats exist only on a PostgreSQL database; {database} is a SQLite file.",
    },
    "lan.setup.not_owner": {
        "id": "Jalankan 'oaoi lan setup' sebagai pemilik basis data (peran admin), bukan sebagai '{role}' "
        "({database}).",
        "en": "Run 'oaoi lan setup' as the database's owner (the admin role), not as '{role}' ({database}).",
    },
    "lan.setup.no_out_dir": {
        "id": "Folder {path} tidak ada: buat dahulu (misalnya folder di flashdisk).",
        "en": "The folder {path} does not exist: create it first (e.g. a folder on the USB stick).",
    },
    "lan.seat.cannot_upgrade": {
        "id": "Basis data {database} perlu ditingkatkan ke versi aplikasi ini, tetapi kursi ini tidak boleh "
        "mengubah skema. Jalankan versi baru ini dahulu di laptop server dengan peran admin, lalu coba lagi.",
        "en": "The database {database} needs upgrading to this version of the app, but this seat may not change "
        "the schema. Start this new version first on the server laptop with the admin role, then try again.",
    },
    "lan.cli.help.lan": {
        "id": "kursi LAN pada PostgreSQL (peran basis data per juri)",
        "en": "LAN seats on PostgreSQL (one database role per judge)",
    },
    "lan.cli.help.setup": {
        "id": "buat/terapkan ulang peran dan aturan baris untuk setiap juri kegiatan dan sekretariat",
        "en": "create/re-apply the roles and row rules for every judge of the event and the secretariat",
    },
    "lan.cli.help.out": {
        "id": "folder tujuan berkas kursi (satu berkas per juri, untuk flashdisk)",
        "en": "folder for the seat files (one file per judge, for a USB stick)",
    },
    "lan.cli.help.rotate": {
        "id": "beri kata sandi baru kepada kursi juri ini (nama atau id; boleh diulang)",
        "en": "give this judge's seat a new password (name or id; may be repeated)",
    },
    "lan.cli.help.rotate_secretariat": {
        "id": "beri kata sandi baru kepada kursi sekretariat",
        "en": "give the secretariat's seat a new password",
    },
    "lan.cli.help.host": {
        "id": "alamat server yang ditulis di berkas kursi (bawaan: alamat pada --db)",
        "en": "server address written into the seat files (default: the one in --db)",
    },
    "lan.cli.help.port": {
        "id": "port server yang ditulis di berkas kursi",
        "en": "server port written into the seat files",
    },
    "lan.cli.help.remove": {
        "id": "setelah kegiatan: hapus semua peran kursi basis data ini",
        "en": "after the event: drop every seat role of this database",
    },
    "lan.cli.setup_done": {
        "id": "Kursi LAN untuk '{event}' di {database}:",
        "en": "LAN seats for '{event}' on {database}:",
    },
    "lan.cli.seat_new": {
        "id": "  {who:<24} {role:<44} sandi baru{file}",
        "en": "  {who:<24} {role:<44} new password{file}",
    },
    "lan.cli.seat_kept": {
        "id": "  {who:<24} {role:<44} sandi tetap (ganti: --rotate)",
        "en": "  {who:<24} {role:<44} password kept (change it: --rotate)",
    },
    "lan.cli.seat_file": {
        "id": " → {file}",
        "en": " → {file}",
    },
    "lan.cli.no_out": {
        "id": "Tanpa --out kata sandi baru tidak disimpan di mana pun: jalankan lagi dengan --out FOLDER --rotate NAMA.",
        "en": "Without --out the new passwords are kept nowhere: run again with --out FOLDER --rotate NAME.",
    },
    "lan.cli.next_steps": {
        "id": "Berikan setiap berkas hanya kepada juri yang bersangkutan; juri membuka: oaoi-desktop --db BERKAS",
        "en": "Give each file only to its judge; the judge starts: oaoi-desktop --db FILE",
    },
    "lan.cli.secretariat_label": {
        "id": "Sekretariat",
        "en": "Secretariat",
    },
    "lan.cli.removed": {
        "id": "Peran kursi dihapus: {roles}",
        "en": "Seat roles dropped: {roles}",
    },
    "lan.restore.run_setup_again": {
        "id": "{count} objek kursi LAN (fungsi, kebijakan, hak akses) tidak dipulihkan; jalankan "
              "`oaoi lan setup --event ID` lagi di server sebelum laptop penilai tersambung.",
        "en": "{count} LAN seat objects (functions, policies, grants) were not restored; run "
              "`oaoi lan setup --event ID` again on the server before the judges' laptops connect.",
    },
}
