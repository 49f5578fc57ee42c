"""Properties of the ranking that must hold for every event (hypothesis)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from oaoi_desktop.domain.ranking import Ranking, SheetTotal, rank_event
from oaoi_desktop.domain.rubric import CHAIR, AggregationMethod, Criterion, Rubric, Stage
from oaoi_desktop.domain.scoring import sheet_total

# A small rubric on a 1–5 scale so that ties (and tie-break chains) are common.
CRITERIA = {"dampak": 50, "replikasi": 30, "sumber_daya": 20}
SCALE_MAX = 5


def mini_rubric(knockout: bool = True) -> Rubric:
    criteria = tuple(
        Criterion(
            id=cid,
            name_id=cid,
            name_en=cid,
            weight=Decimal(w),
            scale_min=Decimal(1),
            scale_max=Decimal(SCALE_MAX),
            knockout_below=Decimal(2) if knockout and cid == "sumber_daya" else None,
        )
        for cid, w in CRITERIA.items()
    )
    stage = Stage(
        id="proposal", name_id="Proposal", name_en="Proposal", weight=Decimal(100), criteria=criteria
    )
    return Rubric(
        id="mini",
        version="1",
        title_id="Mini",
        title_en="Mini",
        stages=(stage,),
        pass_mark=Decimal(70),
        tie_breaks=("dampak", "replikasi", CHAIR),
    )


RUBRIC = mini_rubric()
STAGE = RUBRIC.first_stage
Scores = dict[str, dict[str, dict[str, int]]]  # dossier -> judge -> criterion -> score


@st.composite
def events(draw: st.DrawFn) -> tuple[Scores, dict[str, tuple[str, ...]]]:
    n_dossiers = draw(st.integers(1, 8))
    judges = [f"j{i}" for i in range(draw(st.integers(1, 6)))]
    grouped = draw(st.booleans())
    scores: Scores = {}
    groups: dict[str, tuple[str, ...]] = {}
    for i in range(n_dossiers):
        d = f"d{i}"
        assigned = draw(st.lists(st.sampled_from(judges), unique=True, max_size=len(judges)))
        scores[d] = {j: {c: draw(st.integers(1, SCALE_MAX)) for c in CRITERIA} for j in assigned}
        groups[d] = (draw(st.sampled_from(["umum", "khusus"])),) if grouped else ()
    return scores, groups


methods = st.sampled_from(list(AggregationMethod))
monotone_methods = st.sampled_from(
    [AggregationMethod.MEAN, AggregationMethod.MEDIAN, AggregationMethod.TRIMMED_MEAN]
)


def sheets_of(scores: Scores) -> list[SheetTotal]:
    return [
        SheetTotal(d, j, "proposal", sheet_total(STAGE, crit))
        for d, judges in scores.items()
        for j, crit in judges.items()
    ]


def rank(
    scores: Scores,
    groups: Mapping[str, tuple[str, ...]],
    method: AggregationMethod,
    sheets: list[SheetTotal] | None = None,
    reverse_rows: bool = False,
) -> Ranking:
    def criterion_scores(stage_id: str, criterion_id: str) -> list[tuple[str, str, Fraction]]:
        rows = [(d, j, Fraction(c[criterion_id])) for d, judges in scores.items() for j, c in judges.items()]
        return rows[::-1] if reverse_rows else rows

    return rank_event(
        RUBRIC,
        sheets_of(scores) if sheets is None else sheets,
        groups,
        criterion_scores=criterion_scores,
        method=method,
    )


def outcome(r: Ranking) -> Any:
    """Everything about a ranking except the judges' ids."""
    rows = [
        (
            g,
            row.dossier_id,
            row.rank,
            row.value,
            row.passed,
            row.knocked_out,
            row.tied_for_chair,
            row.n_sheets,
        )
        for g, group_rows in r.groups.items()
        for row in group_rows
    ]
    return rows, r.chair_ties, r.trace, r.knockouts


@given(events(), methods, st.data())
def test_relabelling_judges_never_changes_the_ranking(
    event: tuple[Scores, dict[str, tuple[str, ...]]], method: AggregationMethod, data: st.DataObject
) -> None:
    scores, groups = event
    judges = sorted({j for js in scores.values() for j in js})
    new_names = data.draw(st.permutations([f"k{i}" for i in range(len(judges))]))
    rename = dict(zip(judges, new_names, strict=True))
    relabelled = {d: {rename[j]: c for j, c in js.items()} for d, js in scores.items()}
    assert outcome(rank(relabelled, groups, method)) == outcome(rank(scores, groups, method))


@given(events(), monotone_methods, st.data())
def test_raising_a_score_never_lowers_the_rank(
    event: tuple[Scores, dict[str, tuple[str, ...]]], method: AggregationMethod, data: st.DataObject
) -> None:
    scores, groups = event
    raisable = [
        (d, j, c)
        for d, js in scores.items()
        for j, crit in js.items()
        for c, v in crit.items()
        if v < SCALE_MAX
    ]
    if not raisable:
        return
    d, j, c = data.draw(st.sampled_from(raisable))
    higher = data.draw(st.integers(scores[d][j][c] + 1, SCALE_MAX))
    raised = {dd: {jj: dict(crit) for jj, crit in js.items()} for dd, js in scores.items()}
    raised[d][j][c] = higher
    before = rank(scores, groups, method).dossier(d)
    after = rank(raised, groups, method).dossier(d)
    assert before.rank is not None and after.rank is not None
    assert after.value >= before.value  # type: ignore[operator]
    assert after.rank <= before.rank


@given(events(), methods)
def test_values_always_lie_within_0_and_100(
    event: tuple[Scores, dict[str, tuple[str, ...]]], method: AggregationMethod
) -> None:
    scores, groups = event
    ranking = rank(scores, groups, method)
    for row in ranking:
        for totals in row.judge_totals.values():
            assert all(20 <= t <= 100 for t in totals.values())  # 1 everywhere on 1–5 gives 20
        if row.value is not None:
            assert 0 <= row.value <= 100


@given(events(), methods, st.randoms(use_true_random=False))
def test_ranking_is_independent_of_input_order(
    event: tuple[Scores, dict[str, tuple[str, ...]]], method: AggregationMethod, rnd: Any
) -> None:
    scores, groups = event
    sheets = sheets_of(scores)
    shuffled = list(sheets)
    rnd.shuffle(shuffled)
    keys = list(groups)
    rnd.shuffle(keys)
    shuffled_groups = {d: groups[d] for d in keys}
    first = rank(scores, groups, method, sheets)
    second = rank(scores, shuffled_groups, method, shuffled, reverse_rows=True)
    assert first == second
    assert list(first.groups) == list(second.groups)
    assert [[r.dossier_id for r in rows] for rows in first.groups.values()] == [
        [r.dossier_id for r in rows] for rows in second.groups.values()
    ]


@given(events(), methods)
def test_ranks_are_competition_ranks(
    event: tuple[Scores, dict[str, tuple[str, ...]]], method: AggregationMethod
) -> None:
    scores, groups = event
    ranking = rank(scores, groups, method)
    chair = {d for tie in ranking.chair_ties for d in tie.dossier_ids}
    for rows in ranking.groups.values():
        ranked = [r for r in rows if r.rank is not None]
        assert all(r.rank is None and r.n_sheets == 0 for r in rows[len(ranked) :])
        for i, row in enumerate(ranked):
            assert row.rank == i + 1 or (row.rank == ranked[i - 1].rank and row.tied_for_chair)
            if i:
                assert row.value <= ranked[i - 1].value  # type: ignore[operator]
            assert row.tied_for_chair == (row.dossier_id in chair)
            assert row.passed == (row.value >= 70 and not row.knocked_out)  # type: ignore[operator]
