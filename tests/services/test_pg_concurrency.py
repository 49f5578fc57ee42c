"""Several seats on one database at once (LAN multi-seat; issue 7).

Each test opens two :class:`Database` objects on the same URL — two seats,
two connection pools, as two laptops on the venue network would — and runs
them in threads.  They run on SQLite (where writers queue behind
``BEGIN IMMEDIATE``) and on a real PostgreSQL server (where transactions
really overlap: row locks, ``SELECT ... FOR UPDATE`` on the audit head and
the ``ScoreSheet.version`` column decide).

* two judges scoring at the same time never lose each other's work, and the
  event's audit chain stays whole;
* two seats editing the same sheet: the second is told to reload
  (``sheet.stale``, a :class:`ConflictError`), the first edit stays intact —
  whether the second saves after the first committed, or while the first is
  still in flight (it then waits for the first's row lock and finds the
  version moved on), and also when neither seat had a sheet yet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, text

from oaoi_desktop.errors import ConflictError
from oaoi_desktop.services import judging
from oaoi_desktop.services.audit import chain_for
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, Score, ScoreSheet
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA

WAIT = 30.0
"""Upper bound for one thread or one wait; never reached when things work."""


@pytest.fixture
def seats(db: Database, db_url: str) -> Iterator[tuple[Database, Database]]:
    """Two seats on the database that ``db`` set up (``db`` is the secretariat's)."""
    a, b = Database.open(db_url), Database.open(db_url)
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def ev(db: Database) -> str:
    """Judges Ani and Budi (both declared), each assigned P-1..P-3; Ani also P-9."""
    eid = jb.event(db)
    for name in ("Ani", "Budi"):
        jb.judge(db, eid, name)
    for number in ("P-1", "P-2", "P-3", "P-9"):
        jb.dossier(db, eid, number)
    for name in ("Ani", "Budi"):
        for number in ("P-1", "P-2", "P-3"):
            jb.assign(db, eid, name, number)
        jb.declare(db, eid, name)
    jb.assign(db, eid, "Ani", "P-9")
    return eid


class Seat(threading.Thread):
    """Runs ``work`` in its own thread; keeps its result or its exception."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            self.error = exc

    def finish(self) -> Any:
        self.join(WAIT)
        assert not self.is_alive(), "a seat did not finish"
        if self.error is not None:
            raise self.error
        return self.result


def record(seat: Database, eid: str, judge: str, dossier: str, criterion: str, value: int,
           expected_version: int | None = None) -> judging.SheetState:
    with seat.write() as s:
        event, j = jb.who(s, eid, judge)
        return judging.record_score(s, event, j, dossier, criterion, value, None, expected_version)


def state(seat: Database, eid: str, judge: str, dossier: str) -> judging.SheetState:
    with seat.read() as s:
        event, j = jb.who(s, eid, judge)
        return judging.sheet_state(s, event, j, dossier)


def stored_scores(db: Database, eid: str, judge: str, dossier: str) -> dict[str, int]:
    with db.read() as s:
        event, j = jb.who(s, eid, judge)
        d = jb.find_dossier(s, eid, dossier)
        rows = s.execute(
            select(Score.criterion_id, Score.value_milli).join(ScoreSheet, Score.sheet_id == ScoreSheet.id)
            .where(ScoreSheet.judge_id == j.id, ScoreSheet.dossier_id == d.id)
        )
        return {cid: milli // 1000 for cid, milli in rows}


def assert_chain_whole(db: Database, eid: str) -> None:
    with db.read() as s:
        report = verify_chain(s, chain_for(jb.events.get_event(s, eid).id), actor=ACTOR)
    assert report.ok, report


def wait_until_blocked(db: Database, db_backend: str) -> None:
    """Return once another connection waits for a lock (PostgreSQL), or after a pause (SQLite).

    On SQLite a waiting writer cannot be seen from outside; the pause only
    makes it likely that the second seat is already waiting — the test's
    assertions hold in either order.
    """
    if db_backend != "postgresql":
        time.sleep(0.3)
        return
    deadline = time.monotonic() + WAIT
    with db.engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )).scalar_one()
            conn.rollback()
            if waiting:
                return
            time.sleep(0.02)
    raise AssertionError("the second seat never waited for the first one's lock")


class HeldWrite(Seat):
    """A seat that records one score, then keeps its transaction open until released."""

    def __init__(self, seat: Database, eid: str, judge: str, dossier: str, criterion: str, value: int,
                 expected_version: int | None) -> None:
        self.flushed = threading.Event()
        self.release = threading.Event()

        def work() -> judging.SheetState:
            with seat.write() as s:
                event, j = jb.who(s, eid, judge)
                out = judging.record_score(s, event, j, dossier, criterion, value, None, expected_version)
                self.flushed.set()
                assert self.release.wait(WAIT)
                return out

        super().__init__(work)


# -- two judges, different sheets ------------------------------------------------------

def test_two_judges_scoring_at_the_same_time_keep_both_sheets(db: Database, seats, ev: str) -> None:
    a, b = seats
    start = threading.Barrier(2, timeout=WAIT)

    def score_all(seat: Database, judge: str, base: int) -> None:
        start.wait()
        for i, number in enumerate(("P-1", "P-2", "P-3")):
            for criterion in KIPP_CRITERIA:
                record(seat, ev, judge, number, criterion, base + i)

    ani, budi = Seat(lambda: score_all(a, "Ani", 5)), Seat(lambda: score_all(b, "Budi", 2))
    ani.start(), budi.start()
    ani.finish(), budi.finish()

    for i, number in enumerate(("P-1", "P-2", "P-3")):
        assert stored_scores(db, ev, "Ani", number) == {c: 5 + i for c in KIPP_CRITERIA}
        assert stored_scores(db, ev, "Budi", number) == {c: 2 + i for c in KIPP_CRITERIA}
    with db.read() as s:
        recorded = s.scalars(select(AuditEntry.seq).where(AuditEntry.action == "score.recorded")).all()
    assert len(recorded) == 2 * 3 * len(KIPP_CRITERIA) == len(set(recorded))
    assert_chain_whole(db, ev)


def test_a_judge_saving_while_another_transaction_is_open_waits_and_keeps_both(
    db: Database, seats, ev: str, db_backend: str
) -> None:
    a, b = seats
    first = HeldWrite(a, ev, "Ani", "P-1", "signifikansi", 9, None)
    first.start()
    assert first.flushed.wait(WAIT)
    second = Seat(lambda: record(b, ev, "Budi", "P-1", "signifikansi", 4))
    second.start()
    wait_until_blocked(db, db_backend)  # PostgreSQL: Budi waits for the audit chain's head
    first.release.set()
    first.finish()
    assert second.finish().version >= 1
    assert stored_scores(db, ev, "Ani", "P-1") == {"signifikansi": 9}
    assert stored_scores(db, ev, "Budi", "P-1") == {"signifikansi": 4}
    assert_chain_whole(db, ev)


# -- two seats, one sheet --------------------------------------------------------------

def test_the_second_seat_saving_a_stale_sheet_is_told_to_reload(db: Database, seats, ev: str) -> None:
    a, b = seats
    record(a, ev, "Ani", "P-2", "kebaruan", 6)
    seen_a, seen_b = state(a, ev, "Ani", "P-2"), state(b, ev, "Ani", "P-2")
    assert seen_a.version == seen_b.version >= 1
    record(a, ev, "Ani", "P-2", "kebaruan", 8, expected_version=seen_a.version)
    with pytest.raises(ConflictError) as info:
        record(b, ev, "Ani", "P-2", "kebaruan", 3, expected_version=seen_b.version)
    assert info.value.message_id == "sheet.stale"
    assert "P-2" in info.value.render("id") and "muat ulang" in info.value.render("id")
    assert "reload" in info.value.render("en")
    assert stored_scores(db, ev, "Ani", "P-2") == {"kebaruan": 8}
    # after reloading, the second seat's edit goes through
    fresh = state(b, ev, "Ani", "P-2")
    assert fresh.values["kebaruan"] == Decimal(8)
    record(b, ev, "Ani", "P-2", "kebaruan", 3, expected_version=fresh.version)
    assert stored_scores(db, ev, "Ani", "P-2") == {"kebaruan": 3}
    assert_chain_whole(db, ev)


def test_two_seats_saving_one_sheet_at_the_same_moment_the_second_is_refused(
    db: Database, seats, ev: str, db_backend: str
) -> None:
    a, b = seats
    record(a, ev, "Ani", "P-3", "implementasi", 5)
    version = state(a, ev, "Ani", "P-3").version
    first = HeldWrite(a, ev, "Ani", "P-3", "implementasi", 9, version)
    first.start()
    assert first.flushed.wait(WAIT)
    second = Seat(lambda: record(b, ev, "Ani", "P-3", "implementasi", 2, expected_version=version))
    second.start()
    wait_until_blocked(db, db_backend)  # PostgreSQL: the second UPDATE waits for the first's row lock
    first.release.set()
    first.finish()
    with pytest.raises(ConflictError) as info:
        second.finish()
    assert info.value.message_id == "sheet.stale"
    assert stored_scores(db, ev, "Ani", "P-3") == {"implementasi": 9}
    assert state(db, ev, "Ani", "P-3").version > version
    assert_chain_whole(db, ev)


def test_two_seats_starting_the_same_new_sheet_at_once_the_second_is_refused(
    db: Database, seats, ev: str, db_backend: str
) -> None:
    a, b = seats
    first = HeldWrite(a, ev, "Ani", "P-9", "sumber_daya", 7, 0)
    first.start()
    assert first.flushed.wait(WAIT)
    second = Seat(lambda: record(b, ev, "Ani", "P-9", "sumber_daya", 1, expected_version=0))
    second.start()
    wait_until_blocked(db, db_backend)  # PostgreSQL: the second INSERT waits on the unique key
    first.release.set()
    first.finish()
    with pytest.raises(ConflictError) as info:
        second.finish()
    assert info.value.message_id == "sheet.stale"
    assert stored_scores(db, ev, "Ani", "P-9") == {"sumber_daya": 7}
    with db.read() as s:
        assert s.scalar(select(ScoreSheet.revision).where(ScoreSheet.dossier_id == jb.find_dossier(s, ev, "P-9").id)) == 1
    assert_chain_whole(db, ev)
