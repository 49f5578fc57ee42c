"""Ranking an event: edge cases of DESIGN.md, tie-breaks and their trace."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from oaoi_desktop.domain.ranking import (
    ChairTie,
    Outcome,
    Ranking,
    SheetTotal,
    TraceKind,
    rank_event,
)
from oaoi_desktop.domain.rubric import CHAIR, AggregationMethod, Criterion, Rubric, Stage
from oaoi_desktop.domain.scoring import sheet_total
from oaoi_desktop.errors import NotFoundError

KIPP = [
    ("latar_belakang", "Latar Belakang dan Tujuan", "Problem and objectives", 10),
    ("kebaruan", "Kebaruan / Nilai Tambah", "Novelty / added value", 15),
    ("implementasi", "Implementasi Inovasi", "Implementation", 10),
    ("signifikansi", "Signifikansi / Dampak", "Significance / impact", 25),
    ("adaptabilitas", "Adaptabilitas / Replikasi", "Adaptability / replication", 20),
    ("sumber_daya", "Sumber Daya", "Resources", 5),
    ("keberlanjutan", "Strategi Keberlanjutan", "Sustainability strategy", 15),
]
IDS = [c[0] for c in KIPP]


def kipp_stage(knockouts: Mapping[str, int] | None = None) -> Stage:
    knockouts = knockouts or {}
    criteria = tuple(
        Criterion(
            id=cid,
            name_id=name_id,
            name_en=name_en,
            weight=Decimal(w),
            knockout_below=Decimal(knockouts[cid]) if cid in knockouts else None,
        )
        for cid, name_id, name_en, w in KIPP
    )
    return Stage(
        id="proposal",
        name_id="Penilaian Proposal",
        name_en="Proposal review",
        weight=Decimal(100),
        criteria=criteria,
    )


def kipp_rubric(**overrides: Any) -> Rubric:
    """The DESIGN.md default KIPP rubric (overrides for variants)."""
    fields: dict[str, Any] = dict(
        id="kipp-proposal",
        version="2026.1",
        title_id="KIPP — Penilaian Proposal",
        title_en="KIPP — proposal review",
        stages=(kipp_stage(),),
        pass_mark=Decimal(85),
        aggregation=AggregationMethod.TRIMMED_MEAN,
        tie_breaks=("signifikansi", "adaptabilitas", "keberlanjutan", CHAIR),
    )
    fields.update(overrides)
    return Rubric(**fields)


def two_stage_rubric() -> Rubric:
    presentation = Stage(
        id="presentasi",
        name_id="Presentasi dan Wawancara",
        name_en="Presentation and interview",
        weight=Decimal(30),
        criteria=(
            Criterion(id="penyampaian", name_id="Penyampaian", name_en="Delivery", weight=Decimal(40)),
            Criterion(id="signifikansi", name_id="Signifikansi", name_en="Significance", weight=Decimal(60)),
        ),
    )
    proposal = Stage(**{**kipp_stage().__dict__, "weight": Decimal(70)})
    return kipp_rubric(stages=(proposal, presentation))


def sheet(base: int = 8, **scores: int) -> dict[str, int]:
    return {cid: scores.get(cid, base) for cid in IDS}


class Event:
    """Scores ``{stage: {dossier: {judge: {criterion: score}}}}`` as the store would answer them."""

    def __init__(
        self,
        rubric: Rubric,
        scores: Mapping[str, Mapping[str, Mapping[str, Mapping[str, int]]]],
        groups: Mapping[str, tuple[str, ...]] | None = None,
        unscored: Iterable[str] = (),
    ) -> None:
        self.rubric = rubric
        self.scores = scores
        if groups is None:
            groups = {d: () for per in scores.values() for d in per}
            groups.update({d: () for d in unscored})
        self.groups = groups
        self.calls: list[tuple[str, str]] = []

    def sheets(self) -> list[SheetTotal]:
        return [
            SheetTotal(d, j, sid, sheet_total(self.rubric.stage(sid), crit))
            for sid, per in self.scores.items()
            for d, judges in per.items()
            for j, crit in judges.items()
        ]

    def criterion_scores(self, stage_id: str, criterion_id: str) -> list[tuple[str, str, Fraction]]:
        self.calls.append((stage_id, criterion_id))
        return [
            (d, j, Fraction(crit[criterion_id]))
            for d, judges in self.scores.get(stage_id, {}).items()
            for j, crit in judges.items()
        ]

    def rank(self, **kwargs: Any) -> Ranking:
        return rank_event(
            self.rubric, self.sheets(), self.groups, criterion_scores=self.criterion_scores, **kwargs
        )


def proposal(**dossiers: Mapping[str, Mapping[str, int]]) -> dict[str, Any]:
    return {"proposal": dossiers}


def ranks(ranking: Ranking) -> dict[str, int | None]:
    return {row.dossier_id: row.rank for row in ranking}


# -- edge cases ----------------------------------------------------------------


def test_no_scores_lists_every_dossier_unranked() -> None:
    event = Event(kipp_rubric(), {}, groups={"b": (), "a": ()})
    ranking = event.rank()
    rows = ranking.groups[()]
    assert [(r.dossier_id, r.rank, r.value, r.passed, r.n_sheets) for r in rows] == [
        ("a", None, None, False, 0),
        ("b", None, None, False, 0),
    ]
    assert ranking.trace == [] and ranking.chair_ties == [] and ranking.knockouts == []
    assert event.calls == []


def test_one_judge() -> None:
    event = Event(kipp_rubric(), proposal(a={"j1": sheet(9)}, b={"j1": sheet(8)}))
    ranking = event.rank()
    a, b = ranking.groups[()]
    assert (a.dossier_id, a.rank, a.value, a.passed, a.n_sheets) == ("a", 1, 90, True, 1)
    assert (b.dossier_id, b.rank, b.value, b.passed) == ("b", 2, 80, False)
    assert a.judge_totals == {"proposal": {"j1": 90}}
    assert a.stage_values == {"proposal": 90}
    assert event.calls == []  # no tie, no knock-out: criterion scores never asked for


def test_all_tied_share_rank_one_and_go_to_the_chair() -> None:
    same = {"j1": sheet(9), "j2": sheet(8)}
    event = Event(kipp_rubric(), proposal(c=same, a=same, b=same))
    ranking = event.rank()
    assert ranks(ranking) == {"a": 1, "b": 1, "c": 1}
    assert all(r.tied_for_chair for r in ranking)
    assert ranking.chair_ties == [ChairTie((), 1, ("a", "b", "c"), Fraction(85))]
    assert [(e.kind, e.step, e.outcome) for e in ranking.trace] == [
        (TraceKind.TIE, None, Outcome.EQUAL),
        (TraceKind.TIE_BREAK, 1, Outcome.EQUAL),
        (TraceKind.TIE_BREAK, 2, Outcome.EQUAL),
        (TraceKind.TIE_BREAK, 3, Outcome.EQUAL),
        (TraceKind.CHAIR, None, Outcome.EQUAL),
    ]
    assert event.calls == [
        ("proposal", "signifikansi"),
        ("proposal", "adaptabilitas"),
        ("proposal", "keberlanjutan"),
    ]
    assert ranking.trace[-1].render("en") == (
        "a, b, c remain equal after every tie-break (85.00): they share rank 1; the chair decides."
    )


def test_competition_ranking_1_2_2_4() -> None:
    event = Event(
        kipp_rubric(),
        proposal(a={"j1": sheet(9)}, b={"j1": sheet(8)}, c={"j1": sheet(8)}, d={"j1": sheet(7)}),
    )
    ranking = event.rank()
    assert [(r.dossier_id, r.rank, r.tied_for_chair) for r in ranking.groups[()]] == [
        ("a", 1, False),
        ("b", 2, True),
        ("c", 2, True),
        ("d", 4, False),
    ]
    assert ranking.chair_ties == [ChairTie((), 2, ("b", "c"), Fraction(80))]
    assert ranking.trace[0].rank == 2


def test_tie_resolved_by_the_second_tie_break() -> None:
    # equal totals (74.5), equal signifikansi, adaptabilitas decides
    a = sheet(7, kebaruan=6, signifikansi=8, adaptabilitas=9, sumber_daya=6)
    b = sheet(7, kebaruan=7, signifikansi=8, adaptabilitas=8, sumber_daya=7)
    assert sheet_total(kipp_stage(), a) == sheet_total(kipp_stage(), b) == Fraction(149, 2)
    event = Event(kipp_rubric(), proposal(b={"j1": b}, a={"j1": a}))
    ranking = event.rank()
    assert ranks(ranking) == {"a": 1, "b": 2}
    assert ranking.chair_ties == []
    tie, first, second = ranking.trace
    assert (
        tie.kind is TraceKind.TIE and tie.dossier_ids == ("a", "b") and tie.values == (Fraction(149, 2),) * 2
    )
    assert (first.kind, first.step, first.criterion_id, first.values, first.outcome) == (
        TraceKind.TIE_BREAK,
        1,
        "signifikansi",
        (8, 8),
        Outcome.EQUAL,
    )
    assert (second.step, second.criterion_id, second.values, second.order, second.outcome) == (
        2,
        "adaptabilitas",
        (9, 8),
        (("a",), ("b",)),
        Outcome.RESOLVED,
    )
    assert event.calls == [("proposal", "signifikansi"), ("proposal", "adaptabilitas")]  # lazy: no 3rd
    labels = {"a": "SiPeka", "b": "Lapor Cepat"}
    assert ranking.describe("en", labels).splitlines() == [
        "Equal final value (74.50) for SiPeka, Lapor Cepat at rank 1; compared along the tie-break chain.",
        "Tie-break 1, Significance / impact: SiPeka (8.00) = Lapor Cepat (8.00); still equal.",
        "Tie-break 2, Adaptability / replication: SiPeka (9.00) > Lapor Cepat (8.00); tie resolved.",
    ]
    assert ranking.describe("id", labels).splitlines()[2] == (
        "Penentu ke-2, Adaptabilitas / Replikasi: SiPeka (9.00) > Lapor Cepat (8.00); seri terpecahkan."
    )


def test_three_way_tie_split_partly_then_resolved() -> None:
    # all total 80; c wins on signifikansi; a and b equal there, b wins on adaptabilitas
    a = sheet(8, signifikansi=8, adaptabilitas=7, kebaruan=9, sumber_daya=9, implementasi=8, latar_belakang=8)
    b = sheet(8, signifikansi=8, adaptabilitas=8)
    c = sheet(8, signifikansi=10, adaptabilitas=6, implementasi=7)
    stage = kipp_stage()
    assert sheet_total(stage, a) == sheet_total(stage, b) == sheet_total(stage, c) == 80
    event = Event(kipp_rubric(), proposal(a={"j": a}, b={"j": b}, c={"j": c}))
    ranking = event.rank()
    assert ranks(ranking) == {"c": 1, "b": 2, "a": 3}
    kinds = [(e.kind, e.step, e.dossier_ids, e.order, e.outcome) for e in ranking.trace]
    assert kinds == [
        (TraceKind.TIE, None, ("a", "b", "c"), (("a", "b", "c"),), Outcome.EQUAL),
        (TraceKind.TIE_BREAK, 1, ("a", "b", "c"), (("c",), ("a", "b")), Outcome.PARTIAL),
        (TraceKind.TIE_BREAK, 2, ("a", "b"), (("b",), ("a",)), Outcome.RESOLVED),
    ]
    assert ranking.trace[2].rank == 2


def test_knock_out_fails_a_dossier_but_keeps_its_rank() -> None:
    rubric = kipp_rubric(stages=(kipp_stage(knockouts={"signifikansi": 5}),))
    # a: totals 85 and 87.5 (above the pass mark) but signifikansi averages 4.5
    a1 = sheet(10, signifikansi=4)
    a2 = sheet(10, signifikansi=5)
    event = Event(
        rubric, proposal(a={"j1": a1, "j2": a2}, b={"j1": sheet(9), "j2": sheet(9)}, c={"j1": sheet(8)})
    )
    ranking = event.rank()
    rows = {r.dossier_id: r for r in ranking}
    assert rows["a"].value == Fraction(345, 4)
    assert (rows["a"].rank, rows["a"].passed, rows["a"].knocked_out) == (2, False, ("signifikansi",))
    assert (rows["b"].rank, rows["b"].passed, rows["b"].knocked_out) == (1, True, ())
    assert (rows["c"].rank, rows["c"].passed) == (3, False)
    [ko] = ranking.knockouts
    assert (ko.dossier_id, ko.stage_id, ko.criterion_id, ko.value, ko.threshold) == (
        "a",
        "proposal",
        "signifikansi",
        Fraction(9, 2),
        5,
    )
    assert ko.render("en") == (
        "a: criterion Significance / impact (stage Proposal review) scored 4.50, below the knock-out "
        "threshold 5.00; the proposal does not pass."
    )
    assert event.calls == [("proposal", "signifikansi")]


def test_knock_out_uses_the_aggregation_method() -> None:
    rubric = kipp_rubric(stages=(kipp_stage(knockouts={"signifikansi": 5}),))
    # five judges: one 1 is trimmed away, the mean would be 4.8
    judges = {f"j{i}": sheet(9, signifikansi=s) for i, s in enumerate([1, 5, 5, 5, 8])}
    event = Event(rubric, proposal(a=judges))
    assert event.rank().dossier("a").knocked_out == ()
    assert event.rank(method="mean").dossier("a").knocked_out == ("signifikansi",)


def test_trimmed_mean_with_five_judges_ignores_an_outlier() -> None:
    a = {f"j{i}": sheet(9) for i in range(4)} | {"j4": sheet(1)}  # 90 x4, 10
    b = {f"j{i}": sheet(8) for i in range(5)}  # 80 x5
    event = Event(kipp_rubric(), proposal(a=a, b=b))
    trimmed = event.rank()
    assert trimmed.method is AggregationMethod.TRIMMED_MEAN
    assert (trimmed.dossier("a").value, trimmed.dossier("a").rank) == (90, 1)
    mean = event.rank(method=AggregationMethod.MEAN)
    assert (mean.dossier("a").value, mean.dossier("a").rank, mean.dossier("b").rank) == (74, 2, 1)


def test_trimmed_mean_with_four_judges_is_the_mean() -> None:
    a = {f"j{i}": sheet(9) for i in range(3)} | {"j3": sheet(1)}
    ranking = Event(kipp_rubric(), proposal(a=a)).rank()
    assert ranking.dossier("a").value == 70


def test_median_even_and_odd() -> None:
    event = Event(
        kipp_rubric(),
        proposal(
            a={"j1": sheet(9), "j2": sheet(6), "j3": sheet(7)},  # median 70
            b={"j1": sheet(10), "j2": sheet(5), "j3": sheet(7), "j4": sheet(6)},  # median 65
        ),
    )
    ranking = event.rank(method="median")
    assert (ranking.dossier("a").value, ranking.dossier("b").value) == (70, 65)
    assert ranks(ranking) == {"a": 1, "b": 2}


def test_zscore_ranking_normalises_a_harsh_judge() -> None:
    # judge A is wide (60..100), judge B narrow (70..72): z-scores put z first
    rubric = kipp_rubric()
    event = Event(
        rubric,
        proposal(x={"A": sheet(6)}, y={"A": sheet(10), "B": sheet(7)}, z={"B": sheet(7, sumber_daya=9)}),
    )
    ranking = event.rank(method="zscore_mean")
    assert {r.dossier_id: r.value for r in ranking} == {"z": 85, "y": Fraction(145, 2), "x": 60}
    assert ranks(ranking) == {"z": 1, "y": 2, "x": 3}
    assert ranks(event.rank(method="mean")) == {"y": 1, "z": 2, "x": 3}


def test_zscore_with_a_judge_who_gave_every_dossier_the_same_total() -> None:
    event = Event(
        kipp_rubric(),
        proposal(
            x={"A": sheet(8), "B": sheet(9)},
            y={"A": sheet(7), "B": sheet(9)},
            z={"A": sheet(6), "B": sheet(9)},
        ),
    )
    ranking = event.rank(method="zscore_mean")
    assert {r.dossier_id: (r.rank, r.value) for r in ranking} == {"x": (1, 85), "y": (2, 80), "z": (3, 75)}


def test_zscore_tie_break_uses_criterion_z_scores() -> None:
    a = sheet(7, signifikansi=9, adaptabilitas=7, sumber_daya=6)
    b = sheet(7, signifikansi=8, adaptabilitas=8)
    assert sheet_total(kipp_stage(), a) == sheet_total(kipp_stage(), b) == Fraction(149, 2)
    event = Event(kipp_rubric(), proposal(a={"J": a}, b={"J": b}))
    ranking = event.rank(method="zscore_mean")
    assert ranks(ranking) == {"a": 1, "b": 2}
    _, step = ranking.trace
    # criterion z-scores: signifikansi 9 vs 8 from one judge -> z +1 / -1, mapped onto 8..9
    assert (step.criterion_id, step.values) == ("signifikansi", (9, 8))


def test_stage_combination_with_a_stage_missing() -> None:
    rubric = two_stage_rubric()
    pres = {"penyampaian": 9, "signifikansi": 9}
    event = Event(
        rubric,
        {
            "proposal": {"a": {"j1": sheet(8)}, "b": {"j1": sheet(9)}},
            "presentasi": {"a": {"j2": pres}, "c": {"j2": {"penyampaian": 10, "signifikansi": 10}}},
        },
        unscored=["d"],
    )
    ranking = event.rank()
    rows = {r.dossier_id: r for r in ranking}
    # a: 0.7*80 + 0.3*90 = 83; b: 0.7*90 = 63 (no presentation yet); c: 0.3*100 = 30
    assert {d: (r.rank, r.value) for d, r in rows.items()} == {
        "a": (1, 83),
        "b": (2, 63),
        "c": (3, 30),
        "d": (None, None),
    }
    assert rows["a"].stage_values == {"proposal": 80, "presentasi": 90}
    assert rows["b"].stage_values == {"proposal": 90}
    assert rows["a"].judge_totals == {"proposal": {"j1": 80}, "presentasi": {"j2": 90}}
    assert rows["a"].n_sheets == 2
    assert [r.dossier_id for r in ranking.groups[()]] == ["a", "b", "c", "d"]

    one = event.rank(stage="presentasi")
    assert one.stage == "presentasi"
    assert {r.dossier_id: (r.rank, r.value) for r in one} == {
        "c": (1, 100),
        "a": (2, 90),
        "b": (None, None),
        "d": (None, None),
    }


def test_multi_stage_tie_break_finds_the_criterion_in_its_stage() -> None:
    rubric = two_stage_rubric()
    # equal combined value; signifikansi is looked up in the proposal stage (first stage having it)
    a = sheet(7, signifikansi=9, adaptabilitas=7, sumber_daya=6)
    b = sheet(7, signifikansi=8, adaptabilitas=8)
    event = Event(rubric, {"proposal": {"a": {"j": a}, "b": {"j": b}}})
    ranking = event.rank()
    assert ranks(ranking) == {"a": 1, "b": 2}
    assert ranking.trace[1].stage_id == "proposal"
    assert event.calls == [("proposal", "signifikansi")]
    # ranking only the presentation stage: signifikansi comes from there
    pres = {"penyampaian": 5, "signifikansi": 5}
    event = Event(rubric, {"presentasi": {"a": {"j": pres}, "b": {"j": pres}}})
    ranking = event.rank(stage="presentasi")
    assert event.calls == [("presentasi", "signifikansi")]
    assert ranking.chair_ties == [ChairTie((), 1, ("a", "b"), Fraction(50))]


def test_groups_are_ranked_independently() -> None:
    groups = {
        "a": ("umum", "kota"),
        "b": ("umum", "kota"),
        "c": ("replikasi", "kota"),
        "d": ("replikasi", "kota"),
        "e": ("umum", "kota"),
    }
    event = Event(
        kipp_rubric(),
        proposal(a={"j": sheet(6)}, b={"j": sheet(9)}, c={"j": sheet(7)}, d={"j": sheet(5)}),
        groups=groups,
    )
    ranking = event.rank()
    assert list(ranking.groups) == [("replikasi", "kota"), ("umum", "kota")]
    assert [(r.dossier_id, r.rank) for r in ranking.groups[("umum", "kota")]] == [
        ("b", 1),
        ("a", 2),
        ("e", None),
    ]
    assert [(r.dossier_id, r.rank) for r in ranking.groups[("replikasi", "kota")]] == [("c", 1), ("d", 2)]
    assert ranking.dossier("e").group == ("umum", "kota")
    assert len(ranking) == 5


def test_equal_values_in_different_groups_are_not_a_tie() -> None:
    event = Event(
        kipp_rubric(), proposal(a={"j": sheet(8)}, b={"j": sheet(8)}), groups={"a": ("x",), "b": ("y",)}
    )
    ranking = event.rank()
    assert ranks(ranking) == {"a": 1, "b": 1}
    assert ranking.trace == [] and ranking.chair_ties == []
    assert event.calls == []


def test_group_prefix_in_the_trace() -> None:
    event = Event(
        kipp_rubric(),
        proposal(a={"j": sheet(8)}, b={"j": sheet(8)}),
        groups={"a": ("umum", "kota"), "b": ("umum", "kota")},
    )
    lines = event.rank().describe("en").splitlines()
    assert (
        lines[0]
        == "[umum / kota] Equal final value (80.00) for a, b at rank 1; compared along the tie-break chain."
    )
    assert lines[-1].startswith("[umum / kota] a, b remain equal")


def test_pass_mark_is_inclusive() -> None:
    exactly = sheet(10, signifikansi=4)  # 100 - 15 = 85
    ranking = Event(kipp_rubric(), proposal(a={"j": exactly})).rank()
    assert ranking.dossier("a").value == 85 and ranking.dossier("a").passed


def test_missing_criterion_value_counts_as_lowest_in_a_tie_break() -> None:
    event = Event(kipp_rubric(), proposal(a={"j": sheet(8)}, b={"j": sheet(8)}))
    rows = [r for r in event.criterion_scores("proposal", "signifikansi") if r[0] != "a"]
    ranking = rank_event(event.rubric, event.sheets(), event.groups, criterion_scores=lambda s, c: rows)
    assert ranks(ranking) == {"b": 1, "a": 2}
    assert ranking.trace[1].values == (None, 8)
    assert "a (-)" in ranking.trace[1].render("en")


def test_scores_of_unsubmitted_sheets_are_ignored() -> None:
    event = Event(kipp_rubric(), proposal(a={"j": sheet(8)}, b={"j": sheet(8)}))
    draft = [("a", "draft-judge", Fraction(10))]
    ranking = rank_event(
        event.rubric,
        event.sheets(),
        event.groups,
        criterion_scores=lambda s, c: event.criterion_scores(s, c) + draft,
    )
    assert ranks(ranking) == {"a": 1, "b": 1}


def test_criterion_scores_fetched_once_per_criterion_across_groups() -> None:
    dossiers = {d: {"j": sheet(8)} for d in "abcdef"}
    groups = {"a": ("g1",), "b": ("g1",), "c": ("g2",), "d": ("g2",), "e": ("g3",), "f": ("g3",)}
    event = Event(kipp_rubric(), proposal(**dossiers), groups=groups)
    ranking = event.rank()
    assert len(ranking.chair_ties) == 3
    assert sorted(event.calls) == sorted(set(event.calls)) and len(event.calls) == 3


def test_ties_need_criterion_scores() -> None:
    event = Event(kipp_rubric(), proposal(a={"j": sheet(8)}, b={"j": sheet(8)}, c={"j": sheet(7)}))
    with pytest.raises(ValueError):
        rank_event(event.rubric, event.sheets(), event.groups)
    # without ties (and knock-outs) none are needed
    event = Event(kipp_rubric(), proposal(a={"j": sheet(9)}, b={"j": sheet(8)}))
    assert ranks(rank_event(event.rubric, event.sheets(), event.groups)) == {"a": 1, "b": 2}


def test_unknown_stage_is_a_user_error() -> None:
    event = Event(kipp_rubric(), proposal(a={"j": sheet(8)}))
    with pytest.raises(NotFoundError) as err:
        event.rank(stage="wawancara")
    assert err.value.message_id == "scoring.unknown_stage"
    assert err.value.render("en") == "Stage wawancara does not exist in the rubric."


def test_bad_input_from_the_caller_is_refused() -> None:
    rubric = kipp_rubric()
    s = SheetTotal("a", "j", "proposal", Fraction(80))
    with pytest.raises(ValueError):
        rank_event(rubric, [s, s], {"a": ()})
    with pytest.raises(ValueError):
        rank_event(rubric, [s], {"b": ()})
    with pytest.raises(ValueError):
        rank_event(rubric, [SheetTotal("a", "j", "nope", Fraction(80))], {"a": ()})


def test_describe_in_both_languages_leaves_no_message_id() -> None:
    rubric = kipp_rubric(stages=(kipp_stage(knockouts={"sumber_daya": 3}),))
    event = Event(rubric, proposal(a={"j": sheet(8)}, b={"j": sheet(8)}, c={"j": sheet(9, sumber_daya=1)}))
    ranking = event.rank()
    for lang in ("id", "en"):
        text = ranking.describe(lang)
        assert len(text.splitlines()) == 1 + 5  # one knock-out, tie + 3 steps + chair
        assert "ranking." not in text and "{" not in text
