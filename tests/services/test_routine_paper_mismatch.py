"""The differences between two typings carry their place as separate fields (the GUI shows them side by side)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from oaoi_desktop.services import events, paper
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import ScoreSheet
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    for n in ("P-1", "P-2"):
        jb.dossier(db, eid, n)
        jb.assign(db, eid, "Ani", n)
    return eid


def write(path: Path, sheets: list[tuple[str, str, dict[str, str]]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["judge", "dossier", "criterion", "score", "comment"])
        for judge, dossier, changes in sheets:
            for c in KIPP_CRITERIA:
                w.writerow([judge, dossier, c, changes.get(c, "8"), ""])
    return path


def test_each_difference_names_dossier_judge_criterion_and_both_values(
        db: Database, ev: str, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", [("Ani", "P-1", {})])
    second = write(tmp_path / "b.csv", [("Ani", "P-1", {"kebaruan": "9"}), ("Ani", "P-2", {})])
    with db.write() as s:
        result = paper.import_paper_scores(s, events.get_event(s, ev), first, actor=ACTOR, second_entry=second)
    by_kind: dict[str, list[dict]] = {}
    for m in result.mismatches:
        by_kind.setdefault(m.message_id, []).append(dict(m.params))
    [score] = by_kind["paper.mismatch.score"]
    assert {k: score[k] for k in ("dossier", "judge", "criterion", "first_value", "second_value")} == {
        "dossier": "P-1", "judge": "Ani", "criterion": "kebaruan", "first_value": "8", "second_value": "9"}
    only_second = by_kind["paper.mismatch.only_second"]
    assert {(m["dossier"], m["judge"], m["criterion"], m["second_value"]) for m in only_second} == {
        ("P-2", "Ani", c, "8") for c in KIPP_CRITERIA}
    assert all("first_value" not in m for m in only_second)
    # the rendered messages are as before
    assert result.mismatches[0].render("en").startswith("Ani / P-1 / ")
    with db.read() as s:  # nothing stored while the typings differ
        assert s.scalar(select(func.count()).select_from(ScoreSheet).where(ScoreSheet.source == "paper")) == 0
