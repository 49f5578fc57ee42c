"""Messages of rubric files (``domain/rubric_loader.py``).

Each problem names the value found and what was expected; the file, line and
key path are shown in front of it by :meth:`oaoi_desktop.errors.Problem.render`.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the file itself ------------------------------------------------
    "rubric.not_found": {
        "id": "Instrumen penilaian '{name}' tidak ditemukan (berkas tidak ada dan bukan "
        "nama instrumen bawaan). Instrumen bawaan: {available}.",
        "en": "Rubric '{name}' not found (no such file and not a built-in rubric name). "
        "Built-in rubrics: {available}.",
    },
    "rubric.file.missing": {
        "id": "berkas tidak ditemukan",
        "en": "file not found",
    },
    "rubric.file.is_folder": {
        "id": "ini folder, bukan berkas instrumen penilaian (.toml)",
        "en": "this is a folder, not a rubric file (.toml)",
    },
    "rubric.file.too_large": {
        "id": "berkas terlalu besar untuk instrumen penilaian: {size} bita, paling besar {limit} bita",
        "en": "file too large for a rubric: {size} bytes, at most {limit} bytes",
    },
    "rubric.file.unreadable": {
        "id": "berkas tidak dapat dibaca: {reason}",
        "en": "cannot read the file: {reason}",
    },
    "rubric.file.not_utf8": {
        "id": "berkas bukan teks UTF-8 (bita ke-{offset} tidak sah); simpan ulang sebagai UTF-8",
        "en": "the file is not UTF-8 text (invalid byte at offset {offset}); save it again as UTF-8",
    },
    "rubric.syntax": {
        "id": "sintaks TOML salah (kolom {column}): {detail}",
        "en": "TOML syntax error (column {column}): {detail}",
    },
    "rubric.format.unsupported": {
        "id": "format berkas {value} tidak dikenal, yang didukung format = {expected}",
        "en": "unknown file format {value}, supported is format = {expected}",
    },
    # -- keys and types -------------------------------------------------
    "rubric.key.missing": {
        "id": "kunci wajib '{key}' tidak ada",
        "en": "required key '{key}' is missing",
    },
    "rubric.key.unknown": {
        "id": "kunci '{key}' tidak dikenal; kunci yang boleh di sini: {allowed}",
        "en": "unknown key '{key}'; keys allowed here: {allowed}",
    },
    "rubric.key.unknown_suggest": {
        "id": "kunci '{key}' tidak dikenal; mungkin maksudnya '{suggestion}'?",
        "en": "unknown key '{key}'; did you mean '{suggestion}'?",
    },
    "rubric.type.table": {
        "id": "harus berupa tabel (mis. [nama] atau {{ kunci = nilai }}), ditemukan {value}",
        "en": "must be a table (e.g. [name] or {{ key = value }}), found {value}",
    },
    "rubric.type.string": {
        "id": "harus berupa teks dalam tanda kutip, ditemukan {value}",
        "en": "must be text in quotes, found {value}",
    },
    "rubric.type.number": {
        "id": "harus berupa angka, ditemukan {value}",
        "en": "must be a number, found {value}",
    },
    "rubric.type.text": {
        "id": "harus berupa teks dwibahasa {{ id = \"…\", en = \"…\" }} atau teks dalam "
        "tanda kutip, ditemukan {value}",
        "en": "must be a bilingual text {{ id = \"…\", en = \"…\" }} or text in quotes, "
        "found {value}",
    },
    "rubric.type.array": {
        "id": "harus berupa daftar [ … ] atau tabel berulang [[ … ]], ditemukan {value}",
        "en": "must be a list [ … ] or repeated tables [[ … ]], found {value}",
    },
    "rubric.number.invalid": {
        "id": "{value} bukan angka; tulis angka tanpa tanda kutip, mis. 10 atau 12.5",
        "en": "{value} is not a number; write numbers without quotes, e.g. 10 or 12.5",
    },
    "rubric.number.not_finite": {
        "id": "angka harus terhingga, ditemukan {value}",
        "en": "the number must be finite, found {value}",
    },
    "rubric.value.empty": {
        "id": "tidak boleh kosong",
        "en": "must not be empty",
    },
    "rubric.id.syntax": {
        "id": "id '{value}' tidak sah: gunakan huruf kecil, angka, garis bawah (_) atau tanda "
        "hubung (-), diawali huruf atau angka, paling panjang 64 karakter",
        "en": "invalid id '{value}': use lower-case letters, digits, underscore (_) or hyphen (-), "
        "starting with a letter or digit, at most 64 characters",
    },
    "rubric.id.reserved": {
        "id": "id '{value}' dicadangkan untuk ketua tim dalam urutan penentu peringkat seri; "
        "pilih id lain untuk kriteria",
        "en": "id '{value}' is reserved for the chair in the tie-break chain; choose another "
        "criterion id",
    },
    # -- whole rubric ---------------------------------------------------
    "rubric.pass_mark.outside_total": {
        "id": "nilai batas lulus {value} berada di luar rentang nilai total {min}–{max}",
        "en": "pass mark {value} is outside the total range {min}–{max}",
    },
    "rubric.aggregation.unknown": {
        "id": "metode agregasi '{value}' tidak dikenal; pilih salah satu: {allowed}",
        "en": "unknown aggregation method '{value}'; choose one of: {allowed}",
    },
    "rubric.disagreement.not_positive": {
        "id": "ambang perbedaan penilaian harus lebih besar dari 0, ditemukan {value}",
        "en": "the disagreement threshold must be greater than 0, found {value}",
    },
    "rubric.stages.empty": {
        "id": "instrumen harus memiliki paling sedikit satu tahap [[stages]]",
        "en": "the rubric needs at least one stage [[stages]]",
    },
    "rubric.stage.duplicate": {
        "id": "id tahap '{id}' sudah dipakai di {first}",
        "en": "stage id '{id}' is already used at {first}",
    },
    "rubric.stage.weights_sum": {
        "id": "bobot tahap berjumlah {total}, harus {expected}",
        "en": "stage weights add up to {total}, must be {expected}",
    },
    "rubric.weight.not_positive": {
        "id": "bobot harus lebih besar dari 0, ditemukan {value}",
        "en": "the weight must be greater than 0, found {value}",
    },
    # -- criteria -------------------------------------------------------
    "rubric.criteria.empty": {
        "id": "tahap '{stage}' harus memiliki paling sedikit satu kriteria [[stages.criteria]]",
        "en": "stage '{stage}' needs at least one criterion [[stages.criteria]]",
    },
    "rubric.criterion.duplicate": {
        "id": "id kriteria '{id}' sudah dipakai di {first}; id kriteria harus unik di seluruh "
        "instrumen, juga antartahap",
        "en": "criterion id '{id}' is already used at {first}; criterion ids must be unique in "
        "the whole rubric, across stages too",
    },
    "rubric.criterion.weights_sum": {
        "id": "bobot kriteria tahap '{stage}' berjumlah {total}, harus {expected}",
        "en": "criterion weights of stage '{stage}' add up to {total}, must be {expected}",
    },
    "rubric.threshold.outside_scale": {
        "id": "ambang {value} harus lebih besar dari nilai terendah skala {min} dan paling "
        "besar {max}",
        "en": "threshold {value} must be above the scale minimum {min} and at most {max}",
    },
    # -- scales and levels ----------------------------------------------
    "rubric.scale.negative": {
        "id": "nilai terendah skala tidak boleh negatif, ditemukan {min}",
        "en": "the scale minimum must not be negative, found {min}",
    },
    "rubric.scale.min_not_below_max": {
        "id": "skala {min}–{max}: nilai terendah (min) harus lebih kecil dari nilai tertinggi (max)",
        "en": "scale {min}–{max}: the minimum must be less than the maximum",
    },
    "rubric.scale.step_not_positive": {
        "id": "langkah skala (step) harus lebih besar dari 0, ditemukan {step}",
        "en": "the scale step must be greater than 0, found {step}",
    },
    "rubric.scale.step_not_dividing": {
        "id": "skala {min}–{max} tidak habis dibagi langkah {step}; selisih max dan min harus "
        "kelipatan step",
        "en": "scale {min}–{max} is not divisible by the step {step}; max minus min must be a "
        "multiple of the step",
    },
    "rubric.scale.too_many_points": {
        "id": "skala ini memiliki {count} nilai yang mungkin, paling banyak {limit}; perbesar step",
        "en": "this scale has {count} possible scores, at most {limit}; use a larger step",
    },
    "rubric.level.min_above_max": {
        "id": "level {min}–{max}: min lebih besar dari max",
        "en": "level {min}–{max}: min is greater than max",
    },
    "rubric.level.outside_scale": {
        "id": "level {min}–{max} keluar dari skala {scale_min}–{scale_max}",
        "en": "level {min}–{max} lies outside the scale {scale_min}–{scale_max}",
    },
    "rubric.level.no_score": {
        "id": "level {min}–{max} tidak memuat satu pun nilai yang dapat diberikan (langkah skala {step})",
        "en": "level {min}–{max} contains no score that can be given (scale step {step})",
    },
    "rubric.level.overlap": {
        "id": "level ini tumpang tindih dengan level '{other_label}' ({other_range}) pada nilai "
        "{values}; setiap nilai harus masuk tepat satu level",
        "en": "this level overlaps level '{other_label}' ({other_range}) at {values}; every "
        "score must fall in exactly one level",
    },
    "rubric.level.gap": {
        "id": "nilai {values} tidak masuk level mana pun; level harus menutup seluruh skala",
        "en": "score(s) {values} fall in no level; the levels must cover the whole scale",
    },
    "rubric.levels.default_mismatch": {
        "id": "level umum instrumen ([[levels]]) tidak cocok dengan skala kriteria ini "
        "({min}–{max}, langkah {step}); berikan level tersendiri untuk kriteria ini",
        "en": "the rubric's shared levels ([[levels]]) do not fit this criterion's scale "
        "({min}–{max}, step {step}); give this criterion its own levels",
    },
    # -- tie-breaks -----------------------------------------------------
    "rubric.tie_break.unknown": {
        "id": "penentu peringkat seri '{value}' bukan id kriteria; id yang ada: {known}, "
        "atau 'chair' (ketua tim)",
        "en": "tie-break '{value}' is not a criterion id; known ids: {known}, or 'chair' "
        "(the chair)",
    },
    "rubric.tie_break.duplicate": {
        "id": "penentu peringkat seri '{value}' disebut lebih dari sekali",
        "en": "tie-break '{value}' is listed more than once",
    },
    "rubric.tie_break.chair_not_last": {
        "id": "'chair' (keputusan ketua tim) harus berada di urutan terakhir penentu peringkat seri",
        "en": "'chair' (the chair's decision) must be the last tie-break",
    },
}
