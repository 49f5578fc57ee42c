"""The progress dashboard shows the last activity in the event's local time with its zone (issue 14)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from oaoi_desktop.i18n import formats
from oaoi_desktop.services import events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import ScoreSheet
from oaoi_desktop.ui.secretariat.dashboard import ProgressDashboard
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform


def test_last_activity_is_local_time_with_the_events_zone(qtbot, db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani Lestari"])
    add_dossier(db, eid, "P-1")
    score(db, eid, "Ani Lestari", "P-1", uniform(KIPP_CRITERIA, 8), submit=True)
    with db.write() as s:
        events.set_timezone(s, events.get_event(s, eid), "WIT", actor=ACTOR)
        sheet = s.scalars(select(ScoreSheet)).one()
        sheet.submitted_at = sheet.updated_at = dt.datetime(2026, 11, 28, 16, 30)  # naive UTC
    dashboard = ProgressDashboard(db, poll_ms=60_000, actor=ACTOR)
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.set_event(eid, None)
    shown = dashboard.judge_model.index(0, 5).data()
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d WIT", shown), shown
    with db.read() as s:
        from oaoi_desktop.services import status

        last = status.event_progress(s, events.get_event(s, eid).id, "proposal", actor=ACTOR).judges[0].last_activity
    assert shown == f"{formats.to_local(last, 'WIT'):%d-%m-%Y %H:%M} WIT"
