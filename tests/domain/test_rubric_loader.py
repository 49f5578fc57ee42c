"""Rubric files: the shipped rubrics, and every kind of broken file."""

from __future__ import annotations

import json
import re
import string
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oaoi_desktop.domain import canonical
from oaoi_desktop.domain.rubric import CHAIR, AggregationMethod, Rubric
from oaoi_desktop.domain.rubric_loader import key_lines, parse_rubric
from oaoi_desktop.rubrics import (
    MAX_FILE_BYTES,
    builtin_rubric_dir,
    list_builtin_rubrics,
    load_rubric,
    resolve_rubric,
    validate_rubric_file,
)
from oaoi_desktop.errors import NotFoundError, Problem, ProblemsError
from oaoi_desktop.i18n import all_messages, render

REPO = Path(__file__).resolve().parents[2]
RUBRICS = REPO / "scoring_rubrics"
SHIPPED = ["kipp-proposal", "kipp-two-stage", "opd-regional"]


def total(rubric: Rubric, stage_id: str, scores: dict[str, Decimal]) -> Decimal:
    """The sheet total of DESIGN.md: sum(weight_i * score_i / max_i)."""
    stage = rubric.stage(stage_id)
    return sum((c.weight * scores[c.id] / c.scale_max for c in stage.criteria), Decimal(0))


# ---------------------------------------------------------------------------
# the shipped rubrics


def test_builtin_folder_is_the_repo_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OAOI_RUBRIC_DIR", raising=False)
    assert builtin_rubric_dir() == RUBRICS
    assert [p.stem for p in list_builtin_rubrics()] == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_rubric_is_valid(name: str) -> None:
    path = RUBRICS / f"{name}.toml"
    assert validate_rubric_file(path) == []
    rubric = load_rubric(path)
    assert rubric.id == name


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_rubric_round_trips(name: str) -> None:
    rubric = load_rubric(RUBRICS / f"{name}.toml")
    again = Rubric.from_document(rubric.to_document())
    assert again == rubric
    assert again.sha256() == rubric.sha256()
    # as stored: through canonical JSON bytes and back
    stored = Rubric.from_document(json.loads(rubric.canonical_bytes()))
    assert stored.sha256() == rubric.sha256()
    assert stored.canonical_bytes() == rubric.canonical_bytes()


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_rubric_is_bilingual_everywhere(name: str) -> None:
    rubric = load_rubric(RUBRICS / f"{name}.toml")
    assert rubric.title_id and rubric.title_en and rubric.description_id and rubric.description_en
    for stage in rubric.stages:
        assert stage.name_id and stage.name_en
        for c in stage.criteria:
            assert c.name_id and c.name_en and c.description_id and c.description_en, c.id
            assert len(c.levels) == 5, c.id
            for lv in c.levels:
                assert lv.label_id and lv.label_en, c.id
                assert lv.descriptor_id and lv.descriptor_en, (c.id, lv.label_id)
    # each criterion phrases its own descriptors
    descriptors = [lv.descriptor_id for s in rubric.stages for c in s.criteria for lv in c.levels]
    assert len(set(descriptors)) == len(descriptors)


def test_default_rubric_matches_design() -> None:
    rubric = load_rubric(resolve_rubric("kipp-proposal"))
    assert rubric.pass_mark == Decimal(85)
    assert rubric.aggregation is AggregationMethod.TRIMMED_MEAN
    assert rubric.disagreement.criterion_range == Decimal(4)
    assert rubric.disagreement.total_range == Decimal(15)
    assert rubric.tie_breaks == ("signifikansi", "adaptabilitas", "keberlanjutan", CHAIR)
    assert (rubric.total_min, rubric.total_max) == (Decimal(0), Decimal(100))
    assert [(s.id, s.weight) for s in rubric.stages] == [("proposal", Decimal(100))]
    criteria = rubric.stages[0].criteria
    assert [(c.id, c.name_id, c.name_en, c.weight) for c in criteria] == [
        ("latar_belakang", "Latar Belakang dan Tujuan", "Problem and objectives", 10),
        ("kebaruan", "Kebaruan / Nilai Tambah", "Novelty / added value", 15),
        ("implementasi", "Implementasi Inovasi", "Implementation", 10),
        ("signifikansi", "Signifikansi / Dampak", "Significance / impact", 25),
        ("adaptabilitas", "Adaptabilitas / Replikasi", "Adaptability / replication", 20),
        ("sumber_daya", "Sumber Daya", "Resources", 5),
        ("keberlanjutan", "Strategi Keberlanjutan", "Sustainability strategy", 15),
    ]
    for c in criteria:
        assert (c.scale_min, c.scale_max, c.step) == (1, 10, 1)
        assert [(lv.min, lv.max, lv.label_id) for lv in c.levels] == [
            (9, 10, "Sangat Baik"),
            (7, 8, "Baik"),
            (5, 6, "Cukup"),
            (3, 4, "Kurang"),
            (1, 2, "Sangat Kurang"),
        ]
        assert c.comment_required_below == 5
        assert c.knockout_below is None
    assert total(rubric, "proposal", {c.id: Decimal(10) for c in criteria}) == 100
    assert total(rubric, "proposal", {c.id: Decimal(1) for c in criteria}) == 10


def test_two_stage_rubric() -> None:
    default = load_rubric(RUBRICS / "kipp-proposal.toml")
    rubric = load_rubric(RUBRICS / "kipp-two-stage.toml")
    assert [(s.id, s.weight) for s in rubric.stages] == [("proposal", 70), ("presentation", 30)]
    # the proposal stage is the default rubric's, unchanged
    assert rubric.stage("proposal").criteria == default.stages[0].criteria
    presentation = rubric.stage("presentation").criteria
    assert 4 <= len(presentation) <= 5
    assert sum(c.weight for c in presentation) == 100
    ids = [c.id for s in rubric.stages for c in s.criteria]
    assert len(ids) == len(set(ids))
    assert rubric.tie_breaks[-1] == CHAIR
    assert all(t in ids for t in rubric.tie_breaks[:-1])


def test_opd_rubric() -> None:
    rubric = load_rubric(RUBRICS / "opd-regional.toml")
    assert rubric.pass_mark == 70
    assert rubric.aggregation is AggregationMethod.MEAN
    criteria = rubric.stages[0].criteria
    assert len(criteria) == 5
    assert sum(c.weight for c in criteria) == 100
    assert all((c.scale_min, c.scale_max, c.step) == (1, 5, 1) for c in criteria)
    assert all(len(c.levels) == 5 for c in criteria)
    knockouts = {c.id: c.knockout_below for c in criteria if c.knockout_below is not None}
    assert knockouts == {"kemanfaatan": Decimal(2)}
    assert rubric.tie_breaks[-1] == CHAIR
    assert total(rubric, "proposal", {c.id: Decimal(5) for c in criteria}) == 100
    assert total(rubric, "proposal", {c.id: Decimal(1) for c in criteria}) == 20


def test_readme_example_loads() -> None:
    text = (RUBRICS / "README.md").read_text(encoding="utf-8")
    example = re.findall(r"```toml\n(.*?)```", text, re.S)[-1]
    rubric = parse_rubric(example, "README.md")
    assert rubric.tie_breaks == ("manfaat", CHAIR)
    manfaat, kebaruan = rubric.stages[0].criteria
    assert len(manfaat.levels) == 4  # the shared [[levels]]
    assert (kebaruan.scale_min, kebaruan.scale_max, kebaruan.step) == (0, 4, 1)
    assert total(rubric, "proposal", {"manfaat": Decimal(4), "kebaruan": Decimal(3)}) == 78


# ---------------------------------------------------------------------------
# finding rubrics


def test_resolve_by_name_path_and_suffix() -> None:
    assert resolve_rubric("kipp-proposal") == RUBRICS / "kipp-proposal.toml"
    assert resolve_rubric("opd-regional.toml") == RUBRICS / "opd-regional.toml"
    path = RUBRICS / "kipp-two-stage.toml"
    assert resolve_rubric(path) == path
    assert resolve_rubric(str(path)) == path


def test_resolve_unknown_name() -> None:
    with pytest.raises(NotFoundError) as info:
        resolve_rubric("kipp-propsal")
    assert info.value.message_id == "rubric.not_found"
    assert info.value.params["name"] == "kipp-propsal"
    assert "kipp-proposal" in info.value.render("en")


def test_resolve_missing_path_is_not_a_name(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        resolve_rubric(tmp_path / "kipp-proposal.toml")


def test_rubric_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lokal.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("OAOI_RUBRIC_DIR", str(tmp_path))
    assert builtin_rubric_dir() == tmp_path
    assert list_builtin_rubrics() == [tmp_path / "lokal.toml"]
    assert resolve_rubric("lokal") == tmp_path / "lokal.toml"
    with pytest.raises(NotFoundError):
        resolve_rubric("kipp-proposal")


def test_missing_rubric_dir_lists_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OAOI_RUBRIC_DIR", str(tmp_path / "absent"))
    assert list_builtin_rubrics() == []


# ---------------------------------------------------------------------------
# broken rubrics

MINIMAL = """\
id = "uji"
version = "1"
title = { id = "Uji", en = "Test" }
pass_mark = 60
aggregation = "mean"
tie_breaks = ["b", "chair"]

[scale]
min = 1
max = 10
step = 1

[[levels]]
min = 6
max = 10
label = { id = "Atas", en = "Upper" }

[[levels]]
min = 1
max = 5
label = { id = "Bawah", en = "Lower" }

[[stages]]
id = "proposal"
name = { id = "Proposal", en = "Proposal" }
weight = 100

[[stages.criteria]]
id = "a"
name = { id = "A", en = "A" }
weight = 40

[[stages.criteria]]
id = "b"
name = { id = "B", en = "B" }
weight = 60
"""


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(ProblemsError) as info:
        parse_rubric(text, "uji.toml")
    problems = info.value.problems
    assert problems and all(p.file == "uji.toml" for p in problems)
    return problems


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """1-based line of the nth line that is ``needle`` (else: contains it)."""
    lines = text.splitlines()
    hits = [n for n, line in enumerate(lines, 1) if line.strip() == needle]
    hits = hits or [n for n, line in enumerate(lines, 1) if needle in line]
    return hits[nth]


def edit(old: str, new: str, text: str = MINIMAL, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def only(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, [p.render("en") for p in problems]
    return problems[0]


def assert_renders(p: Problem) -> None:
    """The message exists in both languages and every placeholder is filled."""
    for lang in ("id", "en"):
        all_messages()[p.message_id][lang].format(**p.params)


def test_minimal_is_valid() -> None:
    rubric = parse_rubric(MINIMAL, "uji.toml")
    assert rubric.tie_breaks == ("b", CHAIR)
    assert [len(c.levels) for c in rubric.stages[0].criteria] == [2, 2]
    assert rubric.description_id == "" and rubric.disagreement.total_range == 15


def test_syntax_error_has_line_and_column() -> None:
    text = edit('pass_mark = 60', 'pass_mark = ')
    p = only(text)
    assert p.message_id == "rubric.syntax"
    assert p.line == line_of(text, "pass_mark")
    assert p.key_path == ""
    assert isinstance(p.params["column"], int)


@pytest.mark.parametrize(
    ("old", "new", "key_path", "message_id", "needle"),
    [
        # required keys and types
        ('version = "1"\n', "", "version", "rubric.key.missing", None),
        ("weight = 40\n", "", "stages[0].criteria[0].weight", "rubric.key.missing", "[[stages.criteria]]"),
        ('version = "1"', "version = 1", "version", "rubric.type.string", "version ="),
        ("weight = 40", 'weight = "empat puluh"', "stages[0].criteria[0].weight", "rubric.number.invalid", "empat"),
        ("weight = 40", "weight = true", "stages[0].criteria[0].weight", "rubric.type.number", "true"),
        ("weight = 40", "weight = inf", "stages[0].criteria[0].weight", "rubric.number.not_finite", "inf"),
        ('title = { id = "Uji", en = "Test" }', 'title = ["Uji"]', "title", "rubric.type.text", "title"),
        ('title = { id = "Uji", en = "Test" }', 'title = { en = "Test" }', "title.id", "rubric.key.missing", "title"),
        ('title = { id = "Uji", en = "Test" }', 'title = { id = "  " }', "title.id", "rubric.value.empty", "title"),
        ('tie_breaks = ["b", "chair"]', 'tie_breaks = "b"', "tie_breaks", "rubric.type.array", "tie_breaks"),
        ("[scale]", "[scale.x]", "scale.x", "rubric.key.unknown", "[scale.x]"),
        # unknown keys
        ("weight = 40", "weight = 40\nbobot = 40", "stages[0].criteria[0].bobot", "rubric.key.unknown", "bobot"),
        ('pass_mark = 60', 'pass_mark = 60\npas_mark = 61', "pas_mark", "rubric.key.unknown_suggest", "pas_mark"),
        # format
        ('id = "uji"', 'format = 2\nid = "uji"', "format", "rubric.format.unsupported", "format"),
        # ids
        ('id = "uji"', 'id = "Uji Coba"', "id", "rubric.id.syntax", 'id = "Uji'),
        ('id = "a"', 'id = "kriteria a"', "stages[0].criteria[0].id", "rubric.id.syntax", "kriteria a"),
        ('id = "proposal"', 'id = "-x"', "stages[0].id", "rubric.id.syntax", "-x"),
        # aggregation, pass mark, disagreement
        ('aggregation = "mean"', 'aggregation = "average"', "aggregation", "rubric.aggregation.unknown", "average"),
        ("pass_mark = 60", "pass_mark = 100.5", "pass_mark", "rubric.pass_mark.outside_total", "pass_mark"),
        ("pass_mark = 60", "pass_mark = -1", "pass_mark", "rubric.pass_mark.outside_total", "pass_mark"),
        ("[scale]", "[disagreement]\ncriterion_range = 0\n\n[scale]", "disagreement.criterion_range",
         "rubric.disagreement.not_positive", "criterion_range"),
        ("[scale]", "[disagreement]\ntotal_range = -5\n\n[scale]", "disagreement.total_range",
         "rubric.disagreement.not_positive", "total_range"),
        ("[scale]", "[disagreement]\ntotal = 5\n\n[scale]", "disagreement.total",
         "rubric.key.unknown_suggest", "total = 5"),
        # weights
        ("weight = 40", "weight = 0", "stages[0].criteria[0].weight", "rubric.weight.not_positive", "weight = 0"),
        # thresholds
        ("weight = 40", "weight = 40\ncomment_required_below = 11", "stages[0].criteria[0].comment_required_below",
         "rubric.threshold.outside_scale", "comment_required_below"),
        ("weight = 40", "weight = 40\nknockout_below = 1", "stages[0].criteria[0].knockout_below",
         "rubric.threshold.outside_scale", "knockout_below"),
        # tie-breaks
        ('tie_breaks = ["b", "chair"]', 'tie_breaks = ["c", "chair"]', "tie_breaks[0]", "rubric.tie_break.unknown", "tie_breaks"),
        ('tie_breaks = ["b", "chair"]', 'tie_breaks = ["b", "b"]', "tie_breaks[1]", "rubric.tie_break.duplicate", "tie_breaks"),
        ('tie_breaks = ["b", "chair"]', 'tie_breaks = ["chair", "b"]', "tie_breaks[0]", "rubric.tie_break.chair_not_last", "tie_breaks"),
        ('tie_breaks = ["b", "chair"]', 'tie_breaks = ["b", 3]', "tie_breaks[1]", "rubric.type.string", "tie_breaks"),
        # scale
        ("max = 10", "max = 1", "scale", "rubric.scale.min_not_below_max", "[scale]"),
        ("step = 1", "step = 0", "scale.step", "rubric.scale.step_not_positive", "step = 0"),
        ("step = 1", "step = 2", "scale", "rubric.scale.step_not_dividing", "[scale]"),
        ("step = 1", "step = 0.001", "scale", "rubric.scale.too_many_points", "[scale]"),
        ("min = 1\nmax = 10", "min = -1\nmax = 10", "scale.min", "rubric.scale.negative", "min = -1"),
        # levels
        ("min = 6\nmax = 10", "min = 5\nmax = 10", "levels[1]", "rubric.level.overlap", ("[[levels]]", 1)),
        ("min = 6\nmax = 10", "min = 7\nmax = 10", "levels", "rubric.level.gap", "[[levels]]"),
        ("min = 6\nmax = 10", "min = 6\nmax = 11", "levels[0]", "rubric.level.outside_scale", "[[levels]]"),
        ("min = 1\nmax = 5\nlabel", "min = 5\nmax = 1\nlabel", "levels[1].max", "rubric.level.min_above_max", "max = 1"),
        ('label = { id = "Atas", en = "Upper" }', 'label = { id = "Atas", en = "Upper" }\ncolour = 1',
         "levels[0].colour", "rubric.key.unknown", "colour"),
        ('label = { id = "Atas", en = "Upper" }\n', "", "levels[0].label", "rubric.key.missing", "[[levels]]"),
        # stages
        ("weight = 100", "weight = 90", "stages", "rubric.stage.weights_sum", "[[stages]]"),
    ],
)
def test_each_problem_is_precise(
    old: str, new: str, key_path: str, message_id: str, needle: str | tuple[str, int] | None
) -> None:
    text = edit(old, new)
    problems = problems_of(text)
    found = [(p.key_path, p.message_id) for p in problems]
    assert (key_path, message_id) in found, [p.render("en") for p in problems]
    p = problems[found.index((key_path, message_id))]
    if needle is None:
        assert p.line is None or key_path.startswith("stages")
    else:
        where, nth = needle if isinstance(needle, tuple) else (needle, 0)
        assert p.line == line_of(text, where, nth), p.render("en")
    assert_renders(p)


def test_criteria_array_defined_twice_is_a_syntax_error() -> None:
    # (a [[stages.criteria]] after "criteria = []" redefines a static array)
    problems = problems_of(edit("weight = 100", "weight = 100\ncriteria = []"))
    assert [p.message_id for p in problems] == ["rubric.syntax"]


def test_empty_criteria_and_stages() -> None:
    text = MINIMAL.split("[[stages.criteria]]")[0] + "criteria = []\n"
    text = edit('tie_breaks = ["b", "chair"]\n', "", text)
    p = only(text)
    assert (p.key_path, p.message_id, p.params["stage"]) == ("stages[0].criteria", "rubric.criteria.empty", "proposal")
    assert p.line == line_of(text, "criteria = []")
    text = "stages = []\n" + edit('tie_breaks = ["b", "chair"]\n', "", MINIMAL.split("[[stages]]")[0])
    p = only(text)
    assert (p.key_path, p.message_id, p.line) == ("stages", "rubric.stages.empty", 1)


def test_criterion_weights_sum_names_stage_and_total() -> None:
    text = edit("weight = 60", "weight = 55")
    p = only(text)
    assert (p.key_path, p.message_id) == ("stages[0].criteria", "rubric.criterion.weights_sum")
    assert p.params["stage"] == "proposal" and p.params["total"] == "95"
    assert p.line == line_of(text, "[[stages.criteria]]")
    assert render(p.message_id, "id", **p.params) == "bobot kriteria tahap 'proposal' berjumlah 95, harus 100"
    assert p.render("en") == (
        f"uji.toml:{p.line}: stages[0].criteria: "
        "criterion weights of stage 'proposal' add up to 95, must be 100"
    )


def test_weights_are_exact_decimals() -> None:
    # 0.1 + 0.2 + 99.7 is not 100 in binary floating point, but is here
    text = edit("weight = 40", "weight = 0.1").replace("weight = 60", "weight = 0.2")
    text += '\n[[stages.criteria]]\nid = "c"\nname = "C"\nweight = 99.7\n'
    rubric = parse_rubric(text, "uji.toml")
    weights = [c.weight for c in rubric.stages[0].criteria]
    assert weights == [Decimal("0.1"), Decimal("0.2"), Decimal("99.7")]
    assert str(weights[0]) == "0.1"


def test_number_in_quotes_is_accepted() -> None:
    rubric = parse_rubric(edit("pass_mark = 60", 'pass_mark = "62.5"'), "uji.toml")
    assert rubric.pass_mark == Decimal("62.5")


def test_duplicate_stage_and_criterion_ids_across_stages() -> None:
    text = edit("weight = 100", "weight = 50") + (
        '\n[[stages]]\nid = "proposal"\nname = "Lagi"\nweight = 50\n'
        '\n[[stages.criteria]]\nid = "a"\nname = "A lagi"\nweight = 100\n'
    )
    problems = problems_of(text)
    by_path = {p.key_path: p for p in problems}
    stage = by_path["stages[1].id"]
    assert stage.message_id == "rubric.stage.duplicate"
    assert stage.params == {"id": "proposal", "first": "stages[0].id"}
    assert stage.line == line_of(text, 'id = "proposal"', nth=1)
    crit = by_path["stages[1].criteria[0].id"]
    assert crit.message_id == "rubric.criterion.duplicate"
    assert crit.params == {"id": "a", "first": "stages[0].criteria[0].id"}
    assert crit.line == line_of(text, 'id = "a"', nth=1)
    assert len(problems) == 2


def test_chair_is_reserved_as_criterion_id() -> None:
    text = edit('id = "a"', 'id = "chair"')
    problems = problems_of(text)
    assert ("stages[0].criteria[0].id", "rubric.id.reserved") in [
        (p.key_path, p.message_id) for p in problems
    ]


def test_chair_appended_when_absent() -> None:
    rubric = parse_rubric(edit('tie_breaks = ["b", "chair"]', 'tie_breaks = ["b", "a"]'), "uji.toml")
    assert rubric.tie_breaks == ("b", "a", CHAIR)
    rubric = parse_rubric(edit('tie_breaks = ["b", "chair"]\n', ""), "uji.toml")
    assert rubric.tie_breaks == (CHAIR,)


def test_gap_and_overlap_values_are_named() -> None:
    text = edit("min = 6\nmax = 10", "min = 8\nmax = 10")
    p = only(text)
    assert (p.key_path, p.message_id, p.params["values"]) == ("levels", "rubric.level.gap", "6–7")
    text = edit("min = 6\nmax = 10", "min = 4\nmax = 10")
    p = only(text)
    assert (p.key_path, p.message_id) == ("levels[1]", "rubric.level.overlap")
    assert p.params["values"] == "4–5" and p.params["other_label"] == "Atas"


def test_level_without_any_score_on_the_grid() -> None:
    text = edit("[[stages]]", '[[levels]]\nmin = 5.2\nmax = 5.8\nlabel = "Aneh"\n\n[[stages]]')
    p = only(text)
    assert (p.key_path, p.message_id) == ("levels[2]", "rubric.level.no_score")


def test_criterion_scale_inherits_keys_and_needs_fitting_levels() -> None:
    # the shared levels (1–5, 6–10) do not fit a 1–5 scale
    text = edit("weight = 40", "weight = 40\nscale = { max = 5 }")
    p = only(text)
    assert (p.key_path, p.message_id) == ("stages[0].criteria[0].scale", "rubric.levels.default_mismatch")
    assert p.line == line_of(text, "scale = { max = 5 }")
    # with its own levels it is fine, and min/step come from [scale]
    text = edit(
        "weight = 40",
        'weight = 40\nscale = { max = 5 }\nlevels = [{ min = 1, max = 5, label = "Semua" }]',
    )
    criterion = parse_rubric(text, "uji.toml").stages[0].criteria[0]
    assert (criterion.scale_min, criterion.scale_max, criterion.step) == (1, 5, 1)
    assert [lv.label_id for lv in criterion.levels] == ["Semua"]


def test_own_levels_checked_against_own_scale() -> None:
    text = edit(
        "weight = 40",
        "weight = 40\nscale = { min = 0, max = 4 }\n"
        "\n  [[stages.criteria.levels]]\n  min = 0\n  max = 2\n  label = \"Rendah\"\n"
        "\n  [[stages.criteria.levels]]\n  min = 2\n  max = 4\n  label = \"Tinggi\"\n",
    )
    p = only(text)
    assert (p.key_path, p.message_id) == ("stages[0].criteria[0].levels[1]", "rubric.level.overlap")
    assert p.line == line_of(text, "[[stages.criteria.levels]]", nth=1)


def test_no_levels_at_all_is_allowed() -> None:
    text = MINIMAL.split("[[levels]]")[0] + "[[stages]]" + MINIMAL.split("[[stages]]")[1]
    rubric = parse_rubric(text, "uji.toml")
    assert all(c.levels == () for c in rubric.stages[0].criteria)


def test_plain_string_text_is_indonesian() -> None:
    rubric = parse_rubric(edit('title = { id = "Uji", en = "Test" }', 'title = "Uji saja"'), "uji.toml")
    assert (rubric.title_id, rubric.title_en, rubric.title("en")) == ("Uji saja", "", "Uji saja")


def test_many_problems_reported_at_once() -> None:
    text = (
        MINIMAL.replace('id = "uji"', 'id = "UJI"')
        .replace("pass_mark = 60", "pass_mark = 160")
        .replace('aggregation = "mean"', 'aggregation = "rata2"')
        .replace("step = 1", "step = 1\nlangkah = 1")
        .replace("weight = 60", "wieght = 60")
        .replace('tie_breaks = ["b", "chair"]', 'tie_breaks = ["chair", "x"]')
    )
    problems = problems_of(text)
    found = {(p.key_path, p.message_id) for p in problems}
    assert found >= {
        ("id", "rubric.id.syntax"),
        ("pass_mark", "rubric.pass_mark.outside_total"),
        ("aggregation", "rubric.aggregation.unknown"),
        ("scale.langkah", "rubric.key.unknown"),
        ("stages[0].criteria[1].wieght", "rubric.key.unknown_suggest"),
        ("stages[0].criteria[1].weight", "rubric.key.missing"),
        ("tie_breaks[0]", "rubric.tie_break.chair_not_last"),
        ("tie_breaks[1]", "rubric.tie_break.unknown"),
    }
    assert all(p.line is not None for p in problems)
    lines = [p.line for p in problems]
    assert lines == sorted(lines)  # listed in file order
    rendered = ProblemsError(problems).render("id").splitlines()
    assert len(rendered) == len(problems)


def test_same_problem_is_not_repeated() -> None:
    # the broken shared [scale] is reported once, not once per criterion
    problems = problems_of(edit("step = 1", "step = 0"))
    assert [(p.key_path, p.message_id) for p in problems] == [("scale.step", "rubric.scale.step_not_positive")]


def test_line_numbers_skip_multiline_strings_and_arrays() -> None:
    text = edit(
        'title = { id = "Uji", en = "Test" }',
        'title.id = """Uji\n[[stages]]\nweight = 5\n"""\n'
        "title.en = '''\n[x]\n'''\n"
        'description = { id = "a = [b", en = "}" }',
    ).replace('tie_breaks = ["b", "chair"]', 'tie_breaks = [\n  "b",  # b = 1\n  "x",\n]')
    p = only(text)
    assert (p.key_path, p.message_id) == ("tie_breaks[1]", "rubric.tie_break.unknown")
    assert p.line == line_of(text, "tie_breaks = [")
    lines = key_lines(text)
    assert lines[("stages", 0, "criteria", 1, "weight")] == line_of(text, "weight = 60")
    assert lines[("stages", 0)] == line_of(text, "[[stages]]", nth=1)


def test_key_lines_with_quoted_and_dotted_keys() -> None:
    text = '[a."b.c"]\nx.y = 1\n\n[[t]]\nk = 1\n[[t]]\nk = 2\n[[t.u]]\nv = "#"\n'
    lines = key_lines(text)
    assert lines[("a", "b.c")] == 1
    assert lines[("a", "b.c", "x", "y")] == 2
    assert lines[("t", 1, "k")] == 7
    assert lines[("t", 1, "u", 0, "v")] == 9


# ---------------------------------------------------------------------------
# files


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.toml"
    [p] = validate_rubric_file(path)
    assert (p.file, p.message_id) == (str(path), "rubric.file.missing")
    with pytest.raises(ProblemsError) as info:
        load_rubric(path)
    assert info.value.problems == [p]


def test_folder_is_a_problem(tmp_path: Path) -> None:
    [p] = validate_rubric_file(tmp_path)
    assert p.message_id == "rubric.file.is_folder"


def test_not_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(MINIMAL.replace("Uji", "Ují").encode("latin-1"))
    [p] = validate_rubric_file(path)
    assert p.message_id == "rubric.file.not_utf8"
    assert p.line == line_of(MINIMAL, "Uji")


def test_not_toml_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "rubric.json"
    path.write_text('{"id": "uji", "pass_mark": 85}', encoding="utf-8")
    [p] = validate_rubric_file(path)
    assert p.message_id == "rubric.syntax" and p.line == 1


def test_binary_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "gambar.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    [p] = validate_rubric_file(path)
    assert p.message_id == "rubric.file.not_utf8"


def test_too_large_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "besar.toml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    [p] = validate_rubric_file(path)
    assert p.message_id == "rubric.file.too_large"


def test_byte_order_mark_and_crlf_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode("utf-8"))
    assert validate_rubric_file(path) == []
    assert load_rubric(path).id == "uji"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("weight = 60", "weight = 6").replace("\n", "\r\n").encode())
    [p] = validate_rubric_file(path)
    assert p.line == line_of(MINIMAL, "[[stages.criteria]]")


def test_validate_returns_what_load_raises(tmp_path: Path) -> None:
    path = tmp_path / "rusak.toml"
    path.write_text(edit("weight = 60", "weight = 50"), encoding="utf-8")
    problems = validate_rubric_file(path)
    with pytest.raises(ProblemsError) as info:
        load_rubric(path)
    assert info.value.problems == problems
    assert problems[0].file == str(path)


# ---------------------------------------------------------------------------
# the catalogue


def test_every_rubric_message_has_both_languages_and_the_same_placeholders() -> None:
    messages = {k: v for k, v in all_messages().items() if k.startswith("rubric.")}
    assert len(messages) > 30
    fields = string.Formatter()
    for key, texts in messages.items():
        assert set(texts) == {"id", "en"}, key
        names = [{f for _, f, _, _ in fields.parse(texts[lang]) if f} for lang in ("id", "en")]
        assert names[0] == names[1], key


def test_every_message_id_used_by_the_loader_is_in_the_catalogue() -> None:
    parts = [*sorted((REPO / "oaoi_desktop" / "domain").glob("rubric_*.py")), REPO / "oaoi_desktop" / "rubrics.py"]
    source = "".join(p.read_text(encoding="utf-8") for p in parts)
    used = set(re.findall(r'"(rubric\.[a-z_.]+)"', source))
    assert used and used <= set(all_messages())


# ---------------------------------------------------------------------------
# robustness: whatever the text, a rubric or ProblemsError, never a crash

_DEFAULT_LINES = (RUBRICS / "kipp-proposal.toml").read_text(encoding="utf-8").splitlines()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_default_rubric_never_crashes(data: st.DataObject) -> None:
    lines = list(_DEFAULT_LINES)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "number", "text", "dup"]))
        if action == "drop":
            del lines[index]
        elif action == "number" and "=" in lines[index]:
            key = lines[index].split("=")[0]
            lines[index] = f"{key}= {data.draw(st.sampled_from(['0', '-3', '11', '2.5', 'true', '[]']))}"
        elif action == "text" and "=" in lines[index]:
            key = lines[index].split("=")[0]
            lines[index] = f'{key}= "{data.draw(st.sampled_from(["", "chair", "X y", "mean"]))}"'
        elif action == "dup":
            lines.insert(index, lines[index])
    text = "\n".join(lines) + "\n"
    try:
        rubric = parse_rubric(text, "mutan.toml")
    except ProblemsError as exc:
        assert exc.problems
        for p in exc.problems:
            assert_renders(p)
            assert p.line is None or 1 <= p.line <= len(lines) + 1
    else:
        assert canonical.sha256_hex(rubric.to_document()) == rubric.sha256()


@settings(deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    with pytest.raises(ProblemsError):
        parse_rubric(text, "acak.toml")
