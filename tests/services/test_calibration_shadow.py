"""Issue 17: the calibration round and shadow (trainee) judges.

One world: a panel of three (chair A, members B and C), a shadow judge S,
three real proposals P-1..P-3 and two calibration proposals K-1, K-2.  Everyone
scores the calibration proposals; the shadow also scores the real ones, with
wild values.  Then every results path is checked to count only the panel's
sheets of real proposals, and the calibration / shadow reports to say what
they should.
"""

from __future__ import annotations

from fractions import Fraction
from statistics import mean

import pytest
from sqlalchemy import func, select

from oaoi_desktop.domain.scoring import sheet_total
from oaoi_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import (
    accounts, agreement, assignments, audit_verify, calibration, documents, dossiers, events, exports, judging,
    ranking, shadow, sheets, stages, status,
)
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Assignment, AuditEntry, Role, ScoreSheet, SheetStatus
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, fill_sheet, make_event, score, uniform

PANEL = {  # judge -> dossier -> uniform score
    "A": {"P-1": 9, "P-2": 7, "P-3": 5},
    "B": {"P-1": 8, "P-2": 7, "P-3": 6},
    "C": {"P-1": 9, "P-2": 6, "P-3": 5},
}
SHADOW = {"P-1": 5, "P-2": 10, "P-3": 6}  # wild: would reorder the ranking if it counted
CALIB = {"A": 8, "B": 6, "C": 7, "S": 5}  # everyone on K-1 and K-2


def _total(value: int) -> Fraction:
    return Fraction(value * 10)  # KIPP: weights sum to 100 over 1-10 scales


@pytest.fixture
def world(db: Database):  # noqa: ANN201
    eid = make_event(db)
    add_judges(db, eid, ["A", "B", "C"])
    with db.write() as s:
        e = events.get_event(s, eid)
        accounts.add_judge(s, e, name="S", instansi="Universitas Sumatera Utara", role=Role.SHADOW, actor=ACTOR)
    for n in ("P-1", "P-2", "P-3", "K-1", "K-2"):
        add_dossier(db, eid, n, kategori="umum")
    with db.write() as s:
        e = events.get_event(s, eid)
        result = calibration.start_round(s, e, actor=ACTOR, dossiers=["K-1", "K-2"])
    assert result.dossiers == ("K-1", "K-2") and result.judges == 4 and result.added == 8
    for judge, value in CALIB.items():
        for k in ("K-1", "K-2"):
            with db.write() as s:
                e = events.get_event(s, eid)
                fill_sheet(s, e, accounts.find_judge(s, e, judge), dossiers.get_dossier(s, e, k),
                           uniform(KIPP_CRITERIA, value))
    for judge, row in PANEL.items():
        for number, value in row.items():
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, value))
    for number, value in SHADOW.items():
        score(db, eid, "S", number, uniform(KIPP_CRITERIA, value))
    return eid


def test_flagging_and_starting_assign_every_active_judge(db: Database, world: str) -> None:
    with db.read() as s:
        e = events.get_event(s, world)
        k1 = dossiers.get_dossier(s, e, "K-1")
        assert k1.calibration is True
        assert dossiers.get_dossier(s, e, "P-1").calibration is False
        judges_on_k1 = {accounts.find_judge(s, e, j).id for j in "ABCS"}
        assert set(s.scalars(select(Assignment.judge_id).where(Assignment.dossier_id == k1.id))) == judges_on_k1
        state = calibration.round_state(s, e, actor=ACTOR)
        assert state.started and not state.closed and state.dossiers == ("K-1", "K-2")
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.chain == world))]
    assert "calibration.started" in actions
    assert actions.count("dossier.updated") == 2  # the two flags, logged


def test_the_judge_queue_lists_calibration_first_and_marked(db: Database, world: str) -> None:
    with db.read() as s:
        e = events.get_event(s, world)
        for name in ("B", "S"):
            items = judging.judge_queue(s, e, accounts.find_judge(s, e, name))
            assert [it.number for it in items] == ["K-1", "K-2", "P-1", "P-2", "P-3"]
            assert [it.calibration for it in items] == [True, True, False, False, False]


def test_the_ranking_counts_only_the_panel_on_real_proposals(db: Database, world: str) -> None:
    with db.read() as s:
        e = events.get_event(s, world)
        rows = ranking.ranking_rows(s, e, ranking.rank_event(s, e, group_by=(), actor=ACTOR), actor=ACTOR)
        totals = ranking.sheet_totals(s, e, events.event_rubric(s, e), actor=ACTOR)
        assert ranking.dossier_count(s, e) == 3
    assert [r["number"] for r in rows] == ["P-1", "P-2", "P-3"]
    for r in rows:
        want = mean(_total(PANEL[j][r["number"]]) for j in "ABC")
        assert Fraction(str(r["score"])) == pytest.approx(want) if not isinstance(r["score"], Fraction) \
            else r["score"] == want
    assert len(totals) == 9  # 3 panel judges x 3 real proposals: no calibration, no shadow sheet


def test_agreement_status_exports_documents_leave_them_out(db: Database, world: str) -> None:
    with db.read() as s:
        e = events.get_event(s, world)
        rep = agreement.event_agreement(s, e, actor=ACTOR)
        assert (rep.n_dossiers, rep.n_judges, rep.n_sheets) == (3, 3, 9)
        assert set(agreement.dossier_criterion_scores(s, e, dossiers.get_dossier(s, e, "P-1").id, actor=ACTOR)) == {"A", "B", "C"}
        assert agreement.dossier_criterion_scores(s, e, dossiers.get_dossier(s, e, "K-1").id, actor=ACTOR) == {}
        progress = status.event_progress(s, e.id, "proposal", actor=ACTOR)
        assert {j.name for j in progress.judges} == {"A", "B", "C"}
        assert [d.number for d in progress.dossiers] == ["P-1", "P-2", "P-3"]
        assert all(d.assigned == 3 and d.submitted == 3 for d in progress.dossiers)
        rows = exports.score_rows(s, e, actor=ACTOR)
        assert {r["dossier"] for r in rows} == {"P-1", "P-2", "P-3"}
        assert {r["judge"] for r in rows} == {"A", "B", "C"}
        ctx = documents.Context(s, e)
        assert {d.number for d in ctx.dossiers.values()} == {"P-1", "P-2", "P-3"}
        assert {u.name for u in ctx.panel()} == {"A", "B", "C"}
        assert len(ctx.sheets) == 9
    summary = next(ev for ev in status.summary(db, actor=ACTOR).events if str(ev.id) == world)
    assert (summary.dossiers, summary.judges, summary.assignments, summary.sheets_submitted) == (3, 3, 9, 9)


def test_pending_calibration_and_shadow_sheets_do_not_block_closing_a_stage(db: Database, world: str) -> None:
    with db.write() as s:
        e = events.get_event(s, world)
        sheets.unlock_sheet(s, sheets.get_sheet(s, dossiers.get_dossier(s, e, "K-1"), accounts.find_judge(s, e, "B"),
                                                "proposal", actor=ACTOR), ACTOR, "diskusi")
        sheets.unlock_sheet(s, sheets.get_sheet(s, dossiers.get_dossier(s, e, "P-2"), accounts.find_judge(s, e, "S"),
                                                "proposal", actor=ACTOR), ACTOR, "latihan")
    with db.write() as s:
        e = events.get_event(s, world)
        stages.close_stage(s, e, "proposal", actor=ACTOR, top_n=2)
        assert stages.stage_closing(e, "proposal") is not None
        advanced = stages.stage_closing(e, "proposal")["advanced"]
        assert sorted(advanced) == sorted(dossiers.get_dossier(s, e, n).id.hex for n in ("P-1", "P-2"))


def test_auto_assignment_never_counts_a_shadow_or_assigns_calibration(db: Database) -> None:
    eid = make_event(db, name="Penugasan")
    add_judges(db, eid, ["A", "B", "C", "D"])
    with db.write() as s:
        e = events.get_event(s, eid)
        sh = accounts.add_judge(s, e, name="S", instansi="Universitas", role=Role.SHADOW, actor=ACTOR)
        for n in ("P-1", "P-2", "K-1"):
            dossiers.add_dossier(s, e, number=n, title=n, actor=ACTOR, instansi="Pemerintah Kota Medan")
        calibration.flag_dossiers(s, e, ["K-1"], actor=ACTOR)
        assignments.assign(s, e, dossiers.get_dossier(s, e, "P-1"), sh, actor=ACTOR)
        assignments.auto_assign(s, e, per_dossier=2, actor=ACTOR)
        per = dict(s.execute(select(Assignment.dossier_id, func.count()).where(
            Assignment.event_id == e.id, Assignment.judge_id != sh.id).group_by(Assignment.dossier_id)).all())
        p1, p2, k1 = (dossiers.get_dossier(s, e, n).id for n in ("P-1", "P-2", "K-1"))
    assert per[p1] == 2 and per[p2] == 2  # the shadow on P-1 did not count toward the 2
    assert k1 not in per


def test_calibration_report_shows_each_judge_against_the_panel_median(db: Database, world: str) -> None:
    with db.read() as s:
        e = events.get_event(s, world)
        rep = calibration.report(s, e, actor=ACTOR, lang="id")
    assert [d.number for d in rep.dossiers] == ["K-1", "K-2"]
    k1 = rep.dossiers[0]
    assert k1.submitted == 4 and k1.judges == 4
    row = next(c for c in k1.criteria if c.criterion_id == "signifikansi")
    assert row.median == 7  # the panel A 8, B 6, C 7; the shadow's 5 is shown, not counted
    assert row.spread == 2
    by_judge = {sc.judge: sc for sc in row.scores}
    assert by_judge["S"].value == 5 and by_judge["S"].deviation == -2 and by_judge["S"].role == "shadow"
    assert by_judge["A"].deviation == 1 and by_judge["A"].status in ("submitted", "locked")
    assert by_judge["A"].level  # the rubric level 8 falls in (Baik)
    assert row.levels and all(lv.descriptor for lv in row.levels)
    data = rep.to_json()
    assert data["dossiers"][0]["criteria"][0]["scores"][0]["judge"] == "A"  # chair first


def test_reset_close_and_the_minutes_line(db: Database, world: str) -> None:
    with db.write() as s:
        e = events.get_event(s, world)
        with pytest.raises(ValidationError):
            calibration.reset_sheet(s, e, "K-1", "S", reason="  ", actor=ACTOR)
        with pytest.raises(ConflictError):
            calibration.reset_sheet(s, e, "P-1", "S", reason="bukan kalibrasi", actor=ACTOR)
        sheet = calibration.reset_sheet(s, e, "K-1", "S", reason="diskusi: baca ulang deskriptor", actor=ACTOR)
        assert sheet.status == SheetStatus.DRAFT
    with db.write() as s:  # the trainee scores again, as themself
        e = events.get_event(s, world)
        fill_sheet(s, e, accounts.find_judge(s, e, "S"), dossiers.get_dossier(s, e, "K-1"), uniform(KIPP_CRITERIA, 7))
    with db.write() as s:
        e = events.get_event(s, world)
        assert calibration.minutes_line(e, "id").startswith("Kalibrasi dilakukan pada ")
        state = calibration.close_round(s, e, actor=ACTOR)
        assert state.closed
        with pytest.raises(ConflictError):
            calibration.close_round(s, e, actor=ACTOR)
        with pytest.raises(ConflictError):
            calibration.start_round(s, e, actor=ACTOR)
        record = e.settings["calibration"]
        assert record["sheets_submitted"] == 8 and record["judges"] == 4 and record["dossiers"] == ["K-1", "K-2"]
        line = calibration.minutes_line(e, "id")
        assert "dengan 2 proposal kalibrasi" in line
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.chain == world))]
    assert "calibration.sheet_reset" in actions and "calibration.closed" in actions
    with db.read() as s:
        report = audit_verify.verify_event(s, world, actor=ACTOR)
    assert report.problems == (), report.problems


def test_a_scored_dossier_cannot_change_its_flag(db: Database, world: str) -> None:
    with db.write() as s:
        e = events.get_event(s, world)
        with pytest.raises(ConflictError) as exc:
            calibration.flag_dossiers(s, e, ["P-1"], actor=ACTOR)
        assert exc.value.message_id == "calib.flag_scored"
        with pytest.raises(ConflictError):
            calibration.flag_dossiers(s, e, ["K-1"], actor=ACTOR, calibration=False)


def test_the_audit_log_finds_a_calibration_flag_changed_in_the_database(db: Database, world: str) -> None:
    from sqlalchemy import update

    from oaoi_desktop.store.models import Dossier

    with db.write() as s:
        s.execute(update(Dossier).where(Dossier.number == "P-3").values(calibration=True))
    with db.read() as s:
        report = audit_verify.verify_event(s, world, actor=ACTOR)
    assert report.problems, "a dossier silently taken out of the results must be found"


def test_shadow_report_mad_and_rank_correlation(db: Database, world: str) -> None:
    with db.read() as s:
        e = events.get_event(s, world)
        rep = shadow.report(s, e, actor=ACTOR)
    assert [r.judge for r in rep.judges] == ["S"]
    r = rep.judges[0]
    assert [d.number for d in r.dossiers] == ["P-1", "P-2", "P-3"]  # no calibration proposal
    panel = {n: mean(_total(PANEL[j][n]) for j in "ABC") for n in SHADOW}
    assert {d.number: d.panel_mean for d in r.dossiers} == panel
    want_mad = sum(abs(_total(v) - panel[n]) for n, v in SHADOW.items()) / 3
    assert r.mean_absolute_deviation == want_mad
    # panel order P-1 > P-2 > P-3; the trainee's P-2 > P-3 > P-1: rho = 1 - 6*sum(d^2)/(n(n^2-1)) = -0.5
    assert r.spearman == pytest.approx(-0.5)
    assert r.compared == 3
    data = rep.to_json()
    assert data["shadow_judges"][0]["spearman"] == "-0.500"


def test_spearman_with_ties_and_too_few_values() -> None:
    assert shadow.spearman([Fraction(1)], [Fraction(1)]) is None
    assert shadow.spearman([Fraction(1), Fraction(1)], [Fraction(1), Fraction(2)]) is None  # no variation
    assert shadow.spearman([Fraction(3), Fraction(2), Fraction(1)], [Fraction(30), Fraction(20), Fraction(10)]) \
        == pytest.approx(1.0)
    assert shadow.average_ranks([Fraction(5), Fraction(7), Fraction(5)]) == [2.5, 1.0, 2.5]


def test_shadow_has_a_members_rights_on_own_sheets_and_nothing_more(db: Database, world: str) -> None:
    with db.write() as s:
        e = events.get_event(s, world)
        sh = accounts.find_judge(s, e, "S")
        me = Actor(sh.name, sh.id)
        assert judging.sheet_state(s, e, sh, "P-1") is not None  # reads own sheet
        for call in (
            lambda: calibration.report(s, e, actor=me),
            lambda: shadow.report(s, e, actor=me),
            lambda: calibration.start_round(s, e, actor=me),
            lambda: calibration.close_round(s, e, actor=me),
            lambda: calibration.reset_sheet(s, e, "K-1", "S", reason="x", actor=me),
            lambda: calibration.flag_dossiers(s, e, ["P-1"], actor=me),
            lambda: assignments.auto_assign(s, e, per_dossier=1, actor=me),
        ):
            with pytest.raises(PermissionDeniedError):
                call()
        # another judge's sheet: refused as for a member
        b = accounts.find_judge(s, e, "B")
        with pytest.raises(PermissionDeniedError):
            judging.record_score(s, e, b, "P-1", "kebaruan", 5, actor=me)
    with db.write() as s:  # and scores an unlocked own draft like a member
        e = events.get_event(s, world)
        sh = accounts.find_judge(s, e, "S")
        sheets.unlock_sheet(s, sheets.get_sheet(s, dossiers.get_dossier(s, e, "P-1"), sh, "proposal", actor=ACTOR), ACTOR, "x")
        judging.record_score(s, e, sh, "P-1", "kebaruan", 5, actor=Actor(sh.name, sh.id))
        assert s.scalar(select(func.count()).select_from(ScoreSheet).where(ScoreSheet.judge_id == sh.id)) == 5


def test_the_panel_judges_count_and_the_shadow_does_not_even_when_alone(db: Database) -> None:
    """A proposal scored only by the shadow has no result (not a result of one judge)."""
    eid = make_event(db, name="Sendiri")
    add_judges(db, eid, ["A"])
    with db.write() as s:
        e = events.get_event(s, eid)
        accounts.add_judge(s, e, name="S", instansi="Universitas", role=Role.SHADOW, actor=ACTOR)
    add_dossier(db, eid, "P-1")
    score(db, eid, "S", "P-1", uniform(KIPP_CRITERIA, 9))
    with db.read() as s:
        e = events.get_event(s, eid)
        assert ranking.sheet_totals(s, e, events.event_rubric(s, e), actor=ACTOR) == []
        assert exports.score_rows(s, e, actor=ACTOR) == []
        assert sheet_total(events.event_rubric(s, e).first_stage, uniform(KIPP_CRITERIA, 9)) == 90


def test_the_kalibrasi_column_flags_at_import_and_a_reimport_never_unflags(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.services.imports import import_paths

    eid = make_event(db, name="Impor")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "dossiers.csv").write_text(
        "id;title;instansi;klaster;kelompok;ringkasan;kalibrasi\n"
        "KAL-1;Contoh kalibrasi;Pemerintah Kota Binjai;kota;umum;Ringkasan;ya\n"
        "P-1;Inovasi nyata;Pemerintah Kota Medan;kota;umum;Ringkasan;tidak\n", encoding="utf-8")
    report = import_paths(db, eid, [batch], actor=ACTOR)
    assert not [e for i in report.items for e in i.errors], report.items
    with db.read() as s:
        e = events.get_event(s, eid)
        assert {d.number: d.calibration for d in dossiers.list_dossiers(s, e, actor=ACTOR)} == {"KAL-1": True, "P-1": False}
        imported = {a.after["number"]: a.after["calibration"] for a in s.scalars(
            select(AuditEntry).where(AuditEntry.chain == eid, AuditEntry.action == "dossier.imported"))}
    assert imported == {"KAL-1": True, "P-1": False}
    # the same list again without the column (a changed text: a new revision): the flag stays
    (batch / "dossiers.csv").write_text(
        "id;title;instansi;klaster;kelompok;ringkasan\n"
        "KAL-1;Contoh kalibrasi;Pemerintah Kota Binjai;kota;umum;Ringkasan baru\n", encoding="utf-8")
    import_paths(db, eid, [batch], actor=ACTOR)
    with db.read() as s:
        e = events.get_event(s, eid)
        d = dossiers.get_dossier(s, e, "KAL-1")
        assert d.calibration and d.current_revision == 2
        assert audit_verify.verify_event(s, eid, actor=ACTOR).problems == ()


def test_round_times_show_in_the_events_zone_and_the_minutes_use_the_local_date(db: Database, world: str) -> None:
    """Stored in UTC; 20:30 UTC is already the next day in WIT (UTC+9): the Berita Acara says that day."""
    with db.write() as s:
        e = events.get_event(s, world)
        e.settings = {**(e.settings or {}), "timezone": "WIT",
                      "calibration": {**e.settings["calibration"], "started_at": "2026-03-14T20:30:00"}}
        s.flush()
        state = calibration.round_state(s, e, actor=ACTOR)
        assert state.local(state.started_at) == "2026-03-15 05:30 WIT"
        assert state.local(None) == ""
        assert "pada 15 Maret 2026" in calibration.minutes_line(e, "id")

