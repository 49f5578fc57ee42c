"""Messages of the pleno's projector view and the leave-one-judge-out sensitivity (issue 17)."""

MESSAGES: dict[str, dict[str, str]] = {
    "projector.unknown_dossier": {
        "id": "Proposal yang dipilih tidak ada dalam kegiatan ini.",
        "en": "The chosen dossier is not in this event.",
    },
    # -- oaoi rank --sensitivity ------------------------------------------------------------
    "projector.sens.help": {
        "id": "uji kepekaan: peringkat dihitung ulang tanpa tiap penilai bergiliran; tandai kelulusan dan "
              "N besar yang bergantung pada satu penilai",
        "en": "sensitivity: rank again without each judge in turn; mark passes and top-N places that depend "
              "on a single judge",
    },
    "projector.sens.help.top": {
        "id": "dengan --sensitivity: N besar tiap kelompok yang lolos (bawaan: aturan tahap yang sudah ditutup)",
        "en": "with --sensitivity: the top N of each group that advance (default: the closed stage's rule)",
    },
    "projector.sens.not_with_compare": {
        "id": "--sensitivity tidak dapat digabung dengan --compare; jalankan keduanya terpisah.",
        "en": "--sensitivity cannot be combined with --compare; run them separately.",
    },
    "projector.sens.why.pass": {"id": "batas lulus", "en": "pass mark"},
    "projector.sens.why.advance": {"id": "{n} besar", "en": "top {n}"},
    "projector.sens.depends": {"id": "bergantung pada 1 penilai: {judges}", "en": "depends on 1 judge: {judges}"},
    "projector.sens.marker": {"id": "bergantung pada 1 penilai", "en": "depends on 1 judge"},
    "projector.sens.col.advanced": {"id": "{n} besar", "en": "Top {n}"},
    "projector.sens.col.max_move": {"id": "Geser maks.", "en": "Max. move"},
    "projector.sens.col.depends": {"id": "Ketergantungan", "en": "Dependence"},
    "projector.sens.summary": {
        "id": "Uji kepekaan tanpa tiap penilai ({judges} penilai): kelulusan atau kelolosan {dependent} proposal "
              "(batas lulus {pass_mark}{top}) bergantung pada satu penilai.",
        "en": "Sensitivity without each judge ({judges} judges): {dependent} dossiers' pass or advancement "
              "(pass mark {pass_mark}{top}) depends on a single judge.",
    },
    "projector.sens.summary_top": {"id": ", {n} besar per kelompok", "en": ", top {n} per group"},
    # -- the ranking PDF's appendix ----------------------------------------------------------
    "projector.pdf.heading": {
        "id": "Lampiran: kelulusan yang bergantung pada satu penilai",
        "en": "Appendix: results that depend on a single judge",
    },
    "projector.pdf.intro": {
        "id": "Peringkat mentah (sebelum keputusan sidang pleno) dihitung ulang tanpa tiap penilai bergiliran "
              "({judges} penilai). Untuk proposal berikut, tanpa satu penilai saja kelulusannya (batas lulus "
              "{pass_mark}{top}) berubah.",
        "en": "The raw ranking (before plenary decisions) was computed again without each judge in turn "
              "({judges} judges). For the dossiers below, leaving out one judge alone changes the outcome "
              "(pass mark {pass_mark}{top}).",
    },
    "projector.pdf.top": {"id": "; {n} besar tiap kelompok lolos", "en": "; the top {n} of each group advance"},
    "projector.pdf.col.without": {"id": "Tanpa penilai", "en": "Without the judge"},
    "projector.pdf.without": {
        "id": "tanpa {judge}: peringkat {rank}, nilai {score}, {outcome}",
        "en": "without {judge}: rank {rank}, score {score}, {outcome}",
    },
    "projector.pdf.passes": {"id": "lulus", "en": "passes"},
    "projector.pdf.fails": {"id": "tidak lulus", "en": "fails"},
    "projector.pdf.advances": {"id": "masuk {n} besar", "en": "in the top {n}"},
    "projector.pdf.not_advances": {"id": "di luar {n} besar", "en": "outside the top {n}"},
}
