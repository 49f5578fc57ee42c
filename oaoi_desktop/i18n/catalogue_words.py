"""Messages of the words area (issue 14): the event's time zone, document revisions, number formats."""

MESSAGES: dict[str, dict[str, str]] = {
    "words.bad_timezone": {
        "id": "Zona waktu '{zone}' tidak dikenal. Pilih salah satu: {allowed}.",
        "en": "Unknown time zone '{zone}'. Choose one of: {allowed}.",
    },
    "words.cli.help.timezone": {
        "id": "zona waktu kegiatan untuk semua waktu yang dicetak: WIB (Jakarta), WITA (Makassar) "
              "atau WIT (Jayapura); bawaan WIB",
        "en": "the event's time zone for every printed time: WIB (Jakarta), WITA (Makassar) "
              "or WIT (Jayapura); default WIB",
    },
    "words.cli.help.event_update": {
        "id": "ubah pengaturan kegiatan (zona waktu)",
        "en": "change the event's settings (time zone)",
    },
    "words.cli.event_updated": {
        "id": "Kegiatan '{event}': zona waktu {zone}.",
        "en": "Event '{event}': time zone {zone}.",
    },
    # the integrity statement: "selaku {capacity} Tim Penilai"; a member's text is unchanged
    "words.integrity.capacity.chair": {"id": "Ketua", "en": "the Chair"},
    "words.integrity.capacity.member": {"id": "anggota", "en": "a member"},
    "words.cli.nothing_to_update": {
        "id": "Tidak ada yang diubah: sebutkan --timezone.",
        "en": "Nothing to change: give --timezone.",
    },
}
