"""Messages of scoring, aggregation, ranking and agreement statistics."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- scoring errors ------------------------------------------------------
    "scoring.missing_criterion": {
        "id": "Kriteria {criterion} pada tahap {stage} belum dinilai.",
        "en": "Criterion {criterion} in stage {stage} has no score.",
    },
    "scoring.unknown_criterion": {
        "id": "Kriteria {criterion} tidak ada pada tahap {stage}.",
        "en": "Criterion {criterion} does not exist in stage {stage}.",
    },
    "scoring.invalid_score": {
        "id": "Nilai {value} untuk kriteria {criterion} tidak sah: harus antara {min} dan {max} dengan kelipatan {step}.",
        "en": "Score {value} for criterion {criterion} is not valid: it must lie between {min} and {max} in steps of {step}.",
    },
    "scoring.unknown_stage": {
        "id": "Tahap {stage} tidak ada pada instrumen penilaian.",
        "en": "Stage {stage} does not exist in the rubric.",
    },
    # -- aggregation methods (for tables, PDFs, the CLI) -----------------------
    "aggregation.method.mean": {
        "id": "Rata-rata",
        "en": "Mean",
    },
    "aggregation.method.median": {
        "id": "Median",
        "en": "Median",
    },
    "aggregation.method.trimmed_mean": {
        "id": "Rata-rata terpangkas (tanpa nilai tertinggi dan terendah bila 5 penilai atau lebih)",
        "en": "Trimmed mean (highest and lowest dropped with 5 or more judges)",
    },
    "aggregation.method.zscore_mean": {
        "id": "Rata-rata skor-z (dipetakan ke rentang nilai rata-rata)",
        "en": "Mean z-score (mapped onto the range of mean totals)",
    },
    # -- ranking ------------------------------------------------------------
    "ranking.unranked": {
        "id": "Belum dinilai",
        "en": "Not scored",
    },
    "ranking.passed": {
        "id": "Lulus",
        "en": "Passed",
    },
    "ranking.not_passed": {
        "id": "Tidak lulus",
        "en": "Not passed",
    },
    "ranking.knocked_out": {
        "id": "Gugur",
        "en": "Knocked out",
    },
    "ranking.chair_tie": {
        "id": "Seri, diputuskan Ketua Tim",
        "en": "Tied, for the chair to decide",
    },
    "ranking.knockout": {
        "id": "{group}{dossier}: kriteria {criterion} (tahap {stage}) bernilai {value}, di bawah batas gugur {threshold}; proposal tidak lulus.",
        "en": "{group}{dossier}: criterion {criterion} (stage {stage}) scored {value}, below the knock-out threshold {threshold}; the proposal does not pass.",
    },
    "ranking.trace.tie": {
        "id": "{group}Nilai akhir sama ({value}) untuk {dossiers} pada peringkat {rank}; dibandingkan menurut urutan penentu peringkat.",
        "en": "{group}Equal final value ({value}) for {dossiers} at rank {rank}; compared along the tie-break chain.",
    },
    "ranking.trace.step_resolved": {
        "id": "{group}Penentu ke-{step}, {criterion}: {order}; seri terpecahkan.",
        "en": "{group}Tie-break {step}, {criterion}: {order}; tie resolved.",
    },
    "ranking.trace.step_partial": {
        "id": "{group}Penentu ke-{step}, {criterion}: {order}; sebagian masih sama.",
        "en": "{group}Tie-break {step}, {criterion}: {order}; some remain equal.",
    },
    "ranking.trace.step_equal": {
        "id": "{group}Penentu ke-{step}, {criterion}: {order}; masih sama.",
        "en": "{group}Tie-break {step}, {criterion}: {order}; still equal.",
    },
    "ranking.trace.chair": {
        "id": "{group}{dossiers} tetap sama setelah semua penentu ({value}): berbagi peringkat {rank}, diputuskan oleh Ketua Tim.",
        "en": "{group}{dossiers} remain equal after every tie-break ({value}): they share rank {rank}; the chair decides.",
    },
    # -- agreement statistics ---------------------------------------------------
    "statistics.total_range": {
        "id": "Selisih nilai total antarpenilai {range} poin (batas {threshold}).",
        "en": "Judges' totals differ by {range} points (limit {threshold}).",
    },
    "statistics.criterion_range": {
        "id": "Selisih nilai kriteria {criterion} antarpenilai {range} poin (batas {threshold}).",
        "en": "Judges' scores for criterion {criterion} differ by {range} points (limit {threshold}).",
    },
}
