"""Messages of the GUI's sessions: who is signed in, secretariat-only actions, the lock (issue 12)."""

MESSAGES: dict[str, dict[str, str]] = {
    "gui.secretariat_required": {
        "id": "Hanya sekretariat yang sudah masuk yang dapat melakukan ini. Masuk sebagai sekretariat dahulu.",
        "en": "Only a signed-in secretariat member can do this. Sign in as the secretariat first.",
    },
    "gui.nobody_signed_in": {
        "id": "Belum ada yang masuk. Masuk dengan nama dan PIN Anda dahulu.",
        "en": "Nobody is signed in. Sign in with your name and PIN first.",
    },
    "gui.judge_seat_no_secretariat": {
        "id": "Laptop ini adalah laptop penilai (paket panel sudah diimpor): sekretariat tidak dapat masuk di sini.",
        "en": "This is a judge's laptop (a panel package was imported): the secretariat cannot sign in here.",
    },
}
