"""Balanced conflict-free assignment (pure): invariants under hypothesis,
optimality against brute force on small cases, determinism, top-up."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oaoi_desktop.domain.assignment import (
    SHORT_NO_JUDGES,
    SHORT_TOO_FEW_ELIGIBLE,
    DossierSlot,
    plan_assignment,
)


@st.composite
def problems(draw, max_dossiers: int = 25, max_judges: int = 8, dense: bool = False):  # type: ignore[no-untyped-def]
    nj = draw(st.integers(1, max_judges))
    nd = draw(st.integers(1, max_dossiers))
    judges = [f"j{i}" for i in range(nj)]
    cats = draw(st.lists(st.sampled_from("ABC"), min_size=nd, max_size=nd))
    dossiers = [DossierSlot(f"d{i}", cats[i]) for i in range(nd)]
    p_block = 0.0 if dense else draw(st.sampled_from([0.0, 0.1, 0.3, 0.7]))
    eligible = {}
    for d in dossiers:
        blocked = draw(st.lists(st.booleans(), min_size=nj, max_size=nj)) if p_block else [False] * nj
        eligible[d.id] = [j for j, b in zip(judges, blocked) if not b]
    r = draw(st.integers(1, 4))
    existing = draw(st.lists(st.tuples(st.sampled_from([d.id for d in dossiers]), st.sampled_from(judges)),
                             max_size=nd))
    seed = draw(st.integers(0, 2**32))
    return dossiers, judges, eligible, existing, r, seed


def valid_existing(eligible, existing):  # type: ignore[no-untyped-def]
    return {(d, j) for d, j in existing if j in eligible[d]}


@given(problems())
def test_never_an_ineligible_pair_and_no_duplicates(p) -> None:  # type: ignore[no-untyped-def]
    dossiers, judges, eligible, existing, r, seed = p
    plan = plan_assignment(dossiers, judges, eligible, existing, r, seed)
    for d, j in plan.new_pairs:
        assert j in eligible[d]
    assert len(set(plan.new_pairs)) == len(plan.new_pairs)
    assert not set(plan.new_pairs) & set(existing), "only adds pairs that did not exist"


@given(problems())
def test_r_per_dossier_exactly_when_feasible_and_reasons_otherwise(p) -> None:  # type: ignore[no-untyped-def]
    dossiers, judges, eligible, existing, r, seed = p
    plan = plan_assignment(dossiers, judges, eligible, existing, r, seed)
    have = Counter(d for d, _ in valid_existing(eligible, existing) | set(plan.new_pairs))
    short = {s.dossier_id: s for s in plan.shortfalls}
    for d in dossiers:
        n_elig = len(set(eligible[d.id]))
        if n_elig >= r:
            assert have[d.id] >= r
            assert d.id not in short
            # tops up to R, never past it (unless existing pairs already exceed R)
            assert have[d.id] == max(r, Counter(x for x, _ in valid_existing(eligible, existing))[d.id])
        else:
            assert have[d.id] == n_elig, "an infeasible dossier still gets every eligible judge"
            s = short[d.id]
            assert (s.eligible, s.assigned, s.wanted) == (n_elig, n_elig, r)
            assert s.reason == SHORT_TOO_FEW_ELIGIBLE
    assert plan.feasible == (not short)


@given(problems(dense=True))
def test_loads_within_one_without_constraints(p) -> None:  # type: ignore[no-untyped-def]
    dossiers, judges, eligible, _, r, seed = p
    plan = plan_assignment(dossiers, judges, eligible, [], r, seed)
    assert plan.balanced
    assert max(plan.loads.values()) - min(plan.loads.values()) <= 1


def _brute_force_best(dossiers, judges, eligible, existing, r):  # type: ignore[no-untyped-def]
    """The lexicographically best sorted-descending load vector, by enumeration."""
    base = Counter(j for _, j in existing)
    options = []
    for d in dossiers:
        on = {j for x, j in existing if x == d.id}
        free = [j for j in eligible[d.id] if j not in on]
        k = max(0, min(r - len(on), len(free)))
        options.append(list(itertools.combinations(free, k)))
    best = None
    for choice in itertools.product(*options):
        loads = Counter(base)
        for js in choice:
            loads.update(js)
        vec = sorted((loads[j] for j in judges), reverse=True)
        if best is None or vec < best:
            best = vec
    return best


@settings(max_examples=80)
@given(problems(max_dossiers=5, max_judges=4))
def test_loads_are_as_even_as_the_constraints_allow(p) -> None:  # type: ignore[no-untyped-def]
    dossiers, judges, eligible, existing, r, seed = p
    r = min(r, 2)
    existing = sorted(valid_existing(eligible, existing))
    plan = plan_assignment(dossiers, judges, eligible, existing, r, seed)
    got = sorted(plan.loads.values(), reverse=True)
    assert got == _brute_force_best(dossiers, judges, eligible, existing, r)


@given(problems())
def test_deterministic_for_a_seed_whatever_the_input_order(p) -> None:  # type: ignore[no-untyped-def]
    dossiers, judges, eligible, existing, r, seed = p
    a = plan_assignment(dossiers, judges, eligible, existing, r, seed)
    b = plan_assignment(list(reversed(dossiers)), list(reversed(judges)),
                        {k: list(reversed(v)) for k, v in eligible.items()}, list(reversed(existing)), r, seed)
    assert a == b


@given(problems(), st.data())
def test_rerun_after_a_conflict_only_tops_up(p, data) -> None:  # type: ignore[no-untyped-def]
    dossiers, judges, eligible, _, r, seed = p
    first = plan_assignment(dossiers, judges, eligible, [], r, seed)
    pairs = list(first.new_pairs)
    if not pairs:
        return
    # a judge declares a conflict on one assigned dossier: it becomes ineligible
    d, j = data.draw(st.sampled_from(pairs))
    eligible2 = {k: [x for x in v if not (k == d and x == j)] for k, v in eligible.items()}
    second = plan_assignment(dossiers, judges, eligible2, pairs, r, seed)
    assert not set(second.new_pairs) & set(pairs)
    assert all(dd == d for dd, _ in second.new_pairs), "only the dossier that lost a judge is topped up"
    assert len(second.new_pairs) == (1 if len(set(eligible2[d])) >= r else 0)
    for dd, jj in second.new_pairs:
        assert jj in eligible2[dd] and jj != j


def test_a_judge_leaving_tops_up_their_dossiers_among_the_rest() -> None:
    judges = [f"j{i}" for i in range(6)]
    dossiers = [DossierSlot(f"d{i:02d}", "AB"[i % 2]) for i in range(30)]
    eligible = {d.id: judges for d in dossiers}
    first = plan_assignment(dossiers, judges, eligible, [], 3, seed=7)
    assert first.balanced and set(first.loads.values()) == {15}
    gone = "j2"
    rest = [j for j in judges if j != gone]
    second = plan_assignment(dossiers, rest, eligible, first.new_pairs, 3, seed=7)
    lost = [d for d, j in first.new_pairs if j == gone]
    assert sorted(d for d, _ in second.new_pairs) == sorted(lost)
    assert all(j != gone for _, j in second.new_pairs)
    assert second.feasible and set(second.loads) == set(rest)
    assert max(second.loads.values()) == 18 and min(second.loads.values()) == 18


def test_infeasible_dossier_is_reported_with_its_reason() -> None:
    dossiers = [DossierSlot("A-1"), DossierSlot("A-2")]
    judges = ["ani", "budi", "citra"]
    plan = plan_assignment(dossiers, judges, {"A-1": ["ani"], "A-2": judges}, [], 3, seed=1)
    assert [(s.dossier_id, s.eligible, s.assigned, s.wanted, s.reason) for s in plan.shortfalls] == [
        ("A-1", 1, 1, 3, SHORT_TOO_FEW_ELIGIBLE)]
    assert ("A-1", "ani") in plan.new_pairs
    empty = plan_assignment(dossiers, [], {}, [], 2)
    assert [s.reason for s in empty.shortfalls] == [SHORT_NO_JUDGES, SHORT_NO_JUDGES]


def test_unbalanced_when_constraints_force_it_and_says_so() -> None:
    judges = ["a", "b", "c"]
    dossiers = [DossierSlot(f"d{i}") for i in range(9)]
    eligible = {d.id: (["a"] if i < 6 else judges) for i, d in enumerate(dossiers)}
    plan = plan_assignment(dossiers, judges, eligible, [], 1, seed=3)
    assert plan.loads == {"a": 6, "b": 2, "c": 1} or plan.loads == {"a": 6, "b": 1, "c": 2}
    assert not plan.balanced


def test_each_judge_sees_several_categories() -> None:
    judges = [f"j{i}" for i in range(10)]
    dossiers = [DossierSlot(f"d{i:03d}", f"k{i % 5}") for i in range(200)]
    plan = plan_assignment(dossiers, judges, {d.id: judges for d in dossiers}, [], 3, seed=11)
    cat = {d.id: d.category for d in dossiers}
    per_judge: dict[str, Counter[str]] = {}
    for d, j in plan.new_pairs:
        per_judge.setdefault(j, Counter())[cat[d]] += 1
    for j, counts in per_judge.items():
        assert len(counts) == 5, j
        assert max(counts.values()) - min(counts.values()) <= 2, (j, counts)


def test_bad_r_is_refused() -> None:
    with pytest.raises(ValueError):
        plan_assignment([DossierSlot("x")], ["a"], {"x": ["a"]}, [], 0)
