"""Messages of the LAN multi-seat set-up: one PostgreSQL server shared by the panel's laptops."""

MESSAGES: dict[str, dict[str, str]] = {
    "lan.connection_lost": {
        "id": "Sambungan ke server basis data {server} terputus ({reason}). Perubahan terakhir belum "
        "tersimpan: periksa kabel/Wi-Fi dan server di laptop sekretariat, lalu ulangi.",
        "en": "The connection to the database server {server} was lost ({reason}). The last change was "
        "not saved: check the cable/Wi-Fi and the server on the secretariat's laptop, then try again.",
    },
    "lan.retry": {
        "id": "Server basis data {server} sedang dipakai kursi lain untuk data yang sama; perubahan "
        "belum tersimpan. Muat ulang lalu ulangi.",
        "en": "Another seat was changing the same data on the database server {server}; the change "
        "was not saved. Reload and try again.",
    },
    "lan.value_too_long": {
        "id": "Isian {field} terlalu panjang: {length} karakter, paling banyak {limit} (\"{start}…\"). "
        "Persingkat lalu simpan lagi.",
        "en": "The field {field} is too long: {length} characters, at most {limit} (\"{start}…\"). "
        "Shorten it and save again.",
    },
}
