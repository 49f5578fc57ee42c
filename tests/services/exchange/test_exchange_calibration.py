"""Issue 17 over USB: a panel package carries the calibration flag to the judge's laptop (the queue
marks the proposal there too), and the merged calibration sheet stays out of the ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from exchange_world import NUMBERS, SCORES, World, make_world, ranking_of
from oaoi_desktop.services import accounts, audit_verify, calibration, dossiers, events, judging, sheets
from support.builders import ACTOR

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    w = make_world(tmp_path / "venue")
    yield w
    w.close()


def test_the_package_carries_the_flag_and_the_merge_keeps_it_out(world: World) -> None:
    calib = NUMBERS[-1]
    with world.sec.write() as s:
        calibration.start_round(s, events.get_event(s, world.event_id), actor=ACTOR, dossiers=[calib])
    laptop = world.set_up_laptop("Ani")
    with laptop.read() as s:
        ev = events.get_event(s, world.event_id)
        assert dossiers.get_dossier(s, ev, calib).calibration
        queue = judging.judge_queue(s, ev, accounts.find_judge(s, ev, "Ani"))
    assert [it.number for it in queue][0] == calib and queue[0].calibration
    for number, values in SCORES["Ani"].items():
        world.score_on(laptop, "Ani", number, values)
    report = world.merge(world.bundle_from(laptop, "Ani"))
    assert report.ok
    ranked = ranking_of(world.sec, world.event_id)
    assert calib not in {r[2] for r in ranked} and len(ranked) == len(NUMBERS) - 1
    with world.sec.read() as s:
        ev = events.get_event(s, world.event_id)
        sheet = sheets.get_sheet(s, dossiers.get_dossier(s, ev, calib), accounts.find_judge(s, ev, "Ani"), "proposal", actor=ACTOR)
        assert sheet is not None and sheet.status in sheets.FINAL_STATUSES  # merged, kept, not counted
        assert audit_verify.verify_event(s, world.event_id, actor=ACTOR).problems == ()
