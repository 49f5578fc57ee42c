"""The projector's table: totals, spreads, disagreement flags; comments only on request."""

from __future__ import annotations

from fractions import Fraction

import pytest

from oaoi_desktop.errors import NotFoundError, PermissionDeniedError
from oaoi_desktop.services import accounts, dossiers, events, projector
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, score, uniform


def build(db: Database) -> str:
    eid = jb.event(db)
    for name in ("Ani", "Budi", "Citra"):
        jb.judge(db, eid, name)
    jb.dossier(db, eid, "P-1", kategori="Kesehatan")
    jb.dossier(db, eid, "P-2", kategori="Kesehatan")
    jb.dossier(db, eid, "P-3", kategori="Pendidikan")
    for j in ("Ani", "Budi", "Citra"):
        score(db, eid, j, "P-1", uniform(KIPP_CRITERIA, 9))
    score(db, eid, "Ani", "P-2", {**uniform(KIPP_CRITERIA, 9), "signifikansi": 10},
          comments={"signifikansi": "Dampak terukur di 3 puskesmas"})
    score(db, eid, "Budi", "P-2", {**uniform(KIPP_CRITERIA, 7), "signifikansi": 5})  # range 5 >= 4
    score(db, eid, "Citra", "P-2", uniform(KIPP_CRITERIA, 8), comments={"kebaruan": "  "})
    score(db, eid, "Ani", "P-3", uniform(KIPP_CRITERIA, 6))
    return eid


def test_rows_carry_totals_spreads_and_flags_but_no_comment_text(db: Database) -> None:
    eid = build(db)
    with db.read() as s:
        t = projector.projector_table(s, events.get_event(s, eid), actor=ACTOR)
    assert t.total_limit == 15 and t.criterion_limit == 4 and t.pass_mark == 85
    assert t.groups() == [("Kesehatan", "umum"), ("Pendidikan", "umum")]
    p1, p2 = t.rows_of(("Kesehatan", "umum"))
    assert (p1.number, p1.rank, p1.spread, p1.flagged) == ("P-1", 1, 0, False)
    assert p2.number == "P-2" and p2.rank == 2
    totals = dict(p2.judge_totals)
    assert set(totals) == {"Ani", "Budi", "Citra"}
    assert p2.spread == max(totals.values()) - min(totals.values()) and p2.spread >= 15
    assert p2.total_flagged and len(p2.flagged_criteria) == 1 and "Signifikansi" in p2.flagged_criteria[0]
    assert "Dampak terukur" not in repr(t)


def test_comments_are_read_for_one_dossier_when_asked(db: Database) -> None:
    eid = build(db)
    with db.read() as s:
        e = events.get_event(s, eid)
        p2 = dossiers.get_dossier(s, e, "P-2")
        comments = projector.dossier_comments(s, e, p2.id.hex, actor=ACTOR)
        assert [(c.judge, c.text) for c in comments] == [("Ani", "Dampak terukur di 3 puskesmas")]
        with pytest.raises(NotFoundError):
            projector.dossier_comments(s, e, "not-a-dossier", actor=ACTOR)


def test_judges_may_not_see_the_projector(db: Database) -> None:
    eid = build(db)
    with db.read() as s:
        e = events.get_event(s, eid)
        ani = accounts.find_judge(s, e, "Ani")
        with pytest.raises(PermissionDeniedError):
            projector.projector_table(s, e, actor=Actor(ani.name, ani.id))
        with pytest.raises(PermissionDeniedError):
            projector.dossier_comments(s, e, dossiers.get_dossier(s, e, "P-2").id.hex, actor=Actor(ani.name, ani.id))
