"""Leave-one-judge-out sensitivity: which passes and advancements depend on one judge."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import PermissionDeniedError, ValidationError
from oaoi_desktop.services import accounts, events, sensitivity, stages
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, score, uniform

# uniform v gives a total of 10 v; the pass mark is 85; three judges: plain mean
SCORES = {
    "P-1": {"Ani": 9, "Budi": 9, "Citra": 9},    # 90: passes whoever is left out
    "P-2": {"Ani": 10, "Budi": 8, "Citra": 8},   # 86.67: without Ani 80, fails
    "P-3": {"Ani": 8, "Budi": 8, "Citra": 9},    # 83.33: without Ani or Budi 85, passes
    "P-4": {"Ani": 6, "Budi": 6, "Citra": 6},    # 60
}


def build(db: Database, rubric: str = "kipp-proposal") -> str:
    eid = jb.event(db, rubric=rubric)
    for name in ("Ani", "Budi", "Citra"):
        jb.judge(db, eid, name)
    for number, per in SCORES.items():
        jb.dossier(db, eid, number, kategori="Kesehatan")
        for judge, v in per.items():
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, v))
    return eid


def report(db: Database, eid: str, actor: Actor = ACTOR, **kw) -> sensitivity.SensitivityReport:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return sensitivity.leave_one_judge_out(s, events.get_event(s, eid), actor=actor, **kw)


def test_pass_mark_and_top_n_dependencies_name_the_judge(db: Database) -> None:
    eid = build(db)
    r = report(db, eid, top_n=2)
    assert r.top_n == 2 and r.pass_mark == 85
    assert [name for _, name in r.judges] == ["Ani", "Budi", "Citra"]
    by = {row.number: row for row in r.rows}
    assert [row.number for row in r.rows] == ["P-1", "P-2", "P-3", "P-4"]
    assert by["P-2"].value == Fraction(260, 3) and by["P-2"].passed and by["P-2"].advanced
    assert by["P-1"].depends_on_one_judge is False and by["P-1"].pass_depends_on == ()
    assert by["P-2"].pass_depends_on == ("Ani",)
    assert by["P-2"].advance_depends_on == ("Ani",)
    assert set(by["P-3"].pass_depends_on) == {"Ani", "Budi"}
    assert by["P-3"].advance_depends_on == ("Ani",)  # without Budi P-2 keeps its place (90 vs 85)
    effect = next(e for e in by["P-2"].effects if e.judge_name == "Ani")
    assert (effect.rank, effect.value, effect.passed, effect.advanced) == (3, Fraction(80), False, False)
    assert by["P-2"].max_move == 1
    assert not by["P-4"].depends_on_one_judge
    assert r.any_dependent and {x.number for x in r.dependent} == {"P-2", "P-3"}


def test_a_robust_ranking_depends_on_nobody(db: Database) -> None:
    eid = jb.event(db)
    for name in ("Ani", "Budi", "Citra"):
        jb.judge(db, eid, name)
    for number, v in (("P-1", 10), ("P-2", 7)):
        jb.dossier(db, eid, number)
        for judge in ("Ani", "Budi", "Citra"):
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, v))
    r = report(db, eid, top_n=1)
    assert not r.any_dependent and r.dependent == []
    assert all(row.effects == () for row in r.rows)


def test_without_a_top_n_rule_only_the_pass_mark_counts(db: Database) -> None:
    eid = build(db)
    r = report(db, eid)
    assert r.top_n is None
    assert all(row.advanced is None and row.advance_depends_on == () for row in r.rows)
    assert {x.number for x in r.dependent} == {"P-2", "P-3"}


def test_a_closed_stage_gives_its_top_n_rule(db: Database) -> None:
    eid = build(db, rubric="kipp-two-stage")
    with db.write() as s:
        stages.close_stage(s, events.get_event(s, eid), "proposal", actor=ACTOR, top_n=1)
    r = report(db, eid, stage_id="proposal")
    assert r.top_n == 1 and r.stage_id == "proposal"
    by = {row.number: row for row in r.rows}
    assert by["P-1"].advanced and not by["P-2"].advanced
    # without Budi, P-2 (10, 8) ties P-1 at 90 and the chair decides: both at rank 1, both advance
    assert "Budi" in by["P-2"].advance_depends_on


def test_a_judge_may_not_read_it_and_bad_top_n_is_refused(db: Database) -> None:
    eid = build(db)
    with db.read() as s:
        ani = accounts.find_judge(s, events.get_event(s, eid), "Ani")
        judge = Actor(ani.name, ani.id)
    with pytest.raises(PermissionDeniedError):
        report(db, eid, actor=judge)
    with pytest.raises(ValidationError) as exc:
        report(db, eid, top_n=0)
    assert exc.value.message_id == "stage.bad_top"


# -- the ranking PDF's appendix ------------------------------------------------------------------
def _ranking_pdfs(db: Database, eid: str, tmp_path, **opts) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from oaoi_desktop.services import documents
    from oaoi_desktop.services.documents import ExportOptions

    docs = documents.prepare(db, eid, ["ranking"], ExportOptions(**opts), actor=ACTOR)
    paths = documents.write_documents(docs, tmp_path, workers=1)
    return {d.subtitle: "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
            for d, path in zip(docs, paths, strict=True)}


def test_the_ranking_pdf_gets_an_appendix_only_when_a_result_hangs_on_one_judge(db: Database, tmp_path) -> None:
    eid = build(db)
    jb.dossier(db, eid, "Q-1", kategori="Pendidikan")
    for judge in ("Ani", "Budi", "Citra"):
        score(db, eid, judge, "Q-1", uniform(KIPP_CRITERIA, 9))
    texts = _ranking_pdfs(db, eid, tmp_path)
    kesehatan = next(t for k, t in texts.items() if k.startswith("Kesehatan"))
    pendidikan = next(t for k, t in texts.items() if k.startswith("Pendidikan"))
    flat = " ".join(kesehatan.split())
    assert "Lampiran: kelulusan yang bergantung pada satu penilai" in flat
    assert re.search(r"tanpa Ani: peringkat 3, nilai 80[.,]00, tidak lulus", flat), flat
    assert "tanpa Budi" in flat  # P-3 passes without Budi
    assert "Lampiran" not in pendidikan  # Q-1 passes whoever is left out
    english = _ranking_pdfs(db, eid, tmp_path / "en", lang="en")
    assert "Appendix: results that depend on a single judge" in " ".join(
        next(t for k, t in english.items() if k.startswith("Kesehatan")).split())


@pytest.mark.parametrize("method", ["median", "trimmed_mean", "zscore_mean"])
def test_each_judge_left_out_equals_ranking_without_that_judges_sheets(db: Database, method: str) -> None:
    """The in-memory re-ranking agrees with the store ranked after unlocking that judge's sheets."""
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.services import ranking, sheets
    from oaoi_desktop.store.models import ScoreSheet

    eid = jb.event(db)
    names = ("Ani", "Budi", "Citra", "Dedi", "Eka")
    for name in names:
        jb.judge(db, eid, name)
    for i in range(1, 6):
        jb.dossier(db, eid, f"P-{i}", kategori="Kesehatan")
        for k, judge in enumerate(names):
            score(db, eid, judge, f"P-{i}", uniform(KIPP_CRITERIA, 6 + (i * 3 + k * 2) % 5))
    r = report(db, eid, method=AggregationMethod(method), top_n=2)
    with db.write() as s:
        e = events.get_event(s, eid)
        budi = accounts.find_judge(s, e, "Budi")
        for sheet in s.scalars(select(ScoreSheet).where(ScoreSheet.judge_id == budi.id)):
            sheets.unlock_sheet(s, sheet, ACTOR, "uji kepekaan")
        without = ranking.rank_event(s, e, method=AggregationMethod(method), actor=ACTOR)
    for row in r.rows:
        expected = without.dossier(row.dossier_id)
        effect = next((x for x in row.effects if x.judge_name == "Budi"), None)
        rank, passed = (effect.rank, effect.passed) if effect else (row.rank, row.passed)
        assert (rank, passed) == (expected.rank, expected.passed), row.number


@pytest.mark.parametrize("method", ["mean", "trimmed_mean"])
def test_tie_breaks_without_each_judge_equal_the_store_ranked_without_them(db: Database, method: str) -> None:
    """Scores from a narrow range tie the totals, so every re-ranking runs the tie-break chain on
    criterion aggregates built without one judge: each equals the store ranked after that judge's
    sheets are unlocked (then scored again as before)."""
    import random

    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.services import ranking, sheets
    from oaoi_desktop.store.models import ScoreSheet

    rnd = random.Random(17)
    eid = jb.event(db)
    names = ("Ani", "Budi", "Citra", "Dedi", "Eka")
    for name in names:
        jb.judge(db, eid, name)
    given: dict[tuple[str, str], dict[str, int]] = {}
    for i in range(1, 9):
        jb.dossier(db, eid, f"P-{i}", kategori="Kesehatan")
        for judge in names:
            values = {c: rnd.choice((7, 8)) for c in KIPP_CRITERIA}
            given[judge, f"P-{i}"] = values
            score(db, eid, judge, f"P-{i}", values)
    m = AggregationMethod(method)
    r = report(db, eid, method=m, top_n=3)
    checked = 0
    for name in names:
        with db.write() as s:
            e = events.get_event(s, eid)
            judge = accounts.find_judge(s, e, name)
            for sheet in s.scalars(select(ScoreSheet).where(ScoreSheet.judge_id == judge.id)):
                sheets.unlock_sheet(s, sheet, ACTOR, "uji kepekaan")
            without = ranking.rank_event(s, e, method=m, actor=ACTOR)
        for row in r.rows:
            expected = without.dossier(row.dossier_id)
            effect = next((x for x in row.effects if x.judge_name == name), None)
            rank, passed = (effect.rank, effect.passed) if effect else (row.rank, row.passed)
            assert (rank, passed) == (expected.rank, expected.passed), (name, row.number)
            checked += 1
        for number in (f"P-{i}" for i in range(1, 9)):
            score(db, eid, name, number, given[name, number])
    assert checked == 40
    assert any(row.effects for row in r.rows)  # some rank does move without one judge
