"""LAN seats on PostgreSQL: each judge's laptop logs in as its own database role (issue 12, point 4).

Before: every laptop had the one database password, so a judge could read and
change everything with ``psql``.  After ``oaoi lan setup`` the judge's seat
file holds a role that the SERVER confines: proved here with plain SQL on a
connection made as that role (trust authentication on 127.0.0.1 in tests;
the role is still neither superuser nor owner).  The app, connected through
the seat file, still does the judge's work (declare, record, submit), and the
audit chain it writes through the SECURITY DEFINER function verifies.

Roles are cluster-wide: each test's roles start with its database's name and
are dropped after the test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from oaoi_desktop import cli
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import audit_verify, judging, lan, ranking, sheets
from oaoi_desktop.store import lan as store_lan
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import ScoreSheet
from oaoi_desktop.store.seat_file import read_seat_file
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, ensure_secretariat

pytestmark = pytest.mark.postgres

PIN = "482913"


@pytest.fixture
def ev(db: Database) -> str:
    """Ani and Budi, each assigned P-1 and P-2; Ani also P-5, which then became recused (re-import)."""
    ensure_secretariat(db)
    eid = jb.event(db)
    for name in ("Ani", "Budi"):
        jb.judge(db, eid, name, instansi="KemenPAN-RB", secret=PIN)
    for number in ("P-1", "P-2", "P-3", "P-5"):
        jb.dossier(db, eid, number)
    for name in ("Ani", "Budi"):
        for number in ("P-1", "P-2"):
            jb.assign(db, eid, name, number)
    jb.assign(db, eid, "Ani", "P-5")
    jb.declare(db, eid, "Budi")
    with db.write() as s:  # P-5's new revision names Ani's own agency, logged as the import logs it
        from oaoi_desktop.services import audit, dossiers, events

        event = events.get_event(s, eid)
        p5 = dossiers.get_dossier(s, event, "P-5")
        before = dossiers.dossier_snapshot(p5)
        p5.instansi = "KemenPAN RB"
        s.flush()
        audit.append(s, actor=ACTOR, action="dossier.updated", event_id=event.id, entity_type="dossier",
                     entity_id=p5.id, before=before, after=dossiers.dossier_snapshot(p5))
    return eid


@pytest.fixture
def seats(db: Database, ev: str, tmp_path: Path) -> Iterator[dict[str, lan.SeatResult]]:
    """``oaoi lan setup`` for the event (as the owner, acting as the signed-in secretariat)."""
    out = tmp_path / "usb"
    out.mkdir()
    result = lan.setup(db, ev, actor=ACTOR, out_dir=out)
    try:
        yield {s.name if s.kind == "judge" else "secretariat": s for s in result.seats}
    finally:
        with db.engine.begin() as conn:
            roles = store_lan.drop(conn)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            store_lan.drop_roles(conn, roles)


def _engine(seat: lan.SeatResult) -> Engine:
    assert seat.file is not None
    url = read_seat_file(seat.file)
    assert url is not None
    return create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.fixture
def ani_sql(seats: dict[str, lan.SeatResult]) -> Iterator[Engine]:
    engine = _engine(seats["Ani"])
    yield engine
    engine.dispose()


def _ids(db: Database, ev: str) -> dict[str, uuid.UUID]:
    with db.read() as s:
        event, ani = jb.who(s, ev, "Ani")
        _, budi = jb.who(s, ev, "Budi")
        out = {"Ani": ani.id, "Budi": budi.id, "event": event.id}
        for number in ("P-1", "P-2", "P-3", "P-5"):
            out[number] = jb.find_dossier(s, ev, number).id
        return out


def _score_and_submit(database: Database, ev: str, judge: str, number: str, value: int = 9) -> None:
    for criterion in KIPP_CRITERIA:
        with database.write() as s:
            event, j = jb.who(s, ev, judge)
            judging.record_score(s, event, j, number, criterion, value, "catatan penilai")
    with database.write() as s:
        event, j = jb.who(s, ev, judge)
        judging.submit_sheet(s, event, j, number)


def _denied(engine: Engine, sql: str, **params: object) -> str:
    with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(sql), params)
    return str(caught.value.orig)


def _rows(engine: Engine, sql: str, **params: object) -> list:
    with engine.connect() as conn:
        return list(conn.execute(text(sql), params))


def _rowcount(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).rowcount


# -- the set-up itself ------------------------------------------------------------------------------

def test_setup_makes_one_confined_login_role_per_judge_and_writes_only_that_seat_to_its_file(
        db: Database, ev: str, seats: dict[str, lan.SeatResult]) -> None:
    assert set(seats) == {"Ani", "Budi", "secretariat"}
    database = db.engine.url.database
    with db.engine.connect() as conn:
        for seat in seats.values():
            assert seat.role_name.startswith(store_lan.prefix_for(database))
            assert seat.new_password and seat.file is not None and seat.file.name.endswith(".oaoi-lan")
            row = conn.execute(text(
                "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles "
                "WHERE rolname = :r"), {"r": seat.role_name}).one()
            assert tuple(row) == (False, False, False, False, True)
            owned = conn.execute(text(
                "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = :r"),
                {"r": seat.role_name}).scalar_one()
            assert owned == 0
    ani_file = seats["Ani"].file.read_text(encoding="utf-8")
    assert seats["Ani"].role_name in ani_file and seats["Budi"].role_name not in ani_file
    assert read_seat_file(seats["Ani"].file).startswith("postgresql+psycopg://")


def test_setup_again_keeps_passwords_and_rotate_gives_one_seat_a_new_one(
        db: Database, ev: str, seats: dict[str, lan.SeatResult], tmp_path: Path) -> None:
    out = tmp_path / "again"
    out.mkdir()
    again = lan.setup(db, ev, actor=ACTOR, out_dir=out, rotate=["Budi"])
    by_name = {s.name: s for s in again.seats}
    assert not by_name["Ani"].new_password and by_name["Ani"].file is None
    assert by_name["Budi"].new_password
    old = read_seat_file(seats["Budi"].file)
    new = read_seat_file(by_name["Budi"].file)
    assert old != new and old.split("@")[0].split(":")[1] == new.split("@")[0].split(":")[1]  # same role
    assert [p.name for p in out.iterdir()] == [by_name["Budi"].file.name]


def test_setup_is_refused_when_not_run_by_the_owner(db: Database, ev: str,
                                                     seats: dict[str, lan.SeatResult]) -> None:
    with Database.open(str(seats["secretariat"].file)) as sec, pytest.raises(OaoiError) as caught:
        lan.setup(sec, ev, actor=ACTOR)
    assert caught.value.message_id == "lan.setup.not_owner"


# -- what a judge's role cannot do, in plain SQL ---------------------------------------------------

def test_a_judge_role_cannot_read_another_judges_sheets_or_scores(
        db: Database, ev: str, seats: dict[str, lan.SeatResult], ani_sql: Engine) -> None:
    ids = _ids(db, ev)
    _score_and_submit(db, ev, "Budi", "P-1", 4)
    assert _rows(ani_sql, "SELECT id FROM score_sheets WHERE judge_id = :b", b=ids["Budi"]) == []
    assert _rows(ani_sql, "SELECT count(*) FROM scores")[0][0] == 0
    assert _rows(ani_sql, "SELECT count(*) FROM score_sheets")[0][0] == 0
    # ... nor the audit log, which carries every judge's scores
    assert "permission denied" in _denied(ani_sql, "SELECT * FROM audit_entries")
    # the secretariat (admin) sees Budi's sheet: it is there
    with db.read() as s:
        assert s.query(ScoreSheet).filter_by(judge_id=ids["Budi"]).count() == 1


def test_a_judge_role_reads_only_its_assignments_its_own_user_row_and_its_unrecused_dossiers(
        db: Database, ev: str, ani_sql: Engine) -> None:
    ids = _ids(db, ev)
    assignments = _rows(ani_sql, "SELECT judge_id FROM assignments")
    assert assignments and {r[0] for r in assignments} == {ids["Ani"]}
    assert [r[0] for r in _rows(ani_sql, "SELECT id FROM users")] == [ids["Ani"]]
    numbers = sorted(r[0] for r in _rows(ani_sql, "SELECT number FROM dossiers"))
    assert numbers == ["P-1", "P-2"]  # not P-3 (not assigned), not P-5 (recused)
    assert _rows(ani_sql, "SELECT * FROM dossier_revisions WHERE dossier_id = :d", d=ids["P-5"]) == []
    assert _rows(ani_sql, "SELECT * FROM dossiers WHERE id = :d", d=ids["P-5"]) == []


def test_a_judge_role_cannot_change_a_submitted_sheet_or_write_for_another_judge(
        db: Database, ev: str, seats: dict[str, lan.SeatResult], ani_sql: Engine) -> None:
    ids = _ids(db, ev)
    with Database.open(str(seats["Ani"].file)) as ani:
        jb.declare(ani, ev, "Ani")
        _score_and_submit(ani, ev, "Ani", "P-1")
    _score_and_submit(db, ev, "Budi", "P-2", 4)
    mine = _rows(ani_sql, "SELECT id, status FROM score_sheets WHERE judge_id = :a", a=ids["Ani"])
    assert [r[1] for r in mine] == ["locked"]
    sheet_id = mine[0][0]
    assert _rowcount(ani_sql, "UPDATE score_sheets SET status = 'draft' WHERE id = :i", i=sheet_id) == 0
    assert _rowcount(ani_sql, "UPDATE scores SET value_milli = 10000 WHERE sheet_id = :i", i=sheet_id) == 0
    assert _rowcount(ani_sql, "DELETE FROM scores WHERE sheet_id = :i", i=sheet_id) == 0
    assert _rowcount(ani_sql, "UPDATE score_sheets SET status = 'draft' WHERE judge_id = :b", b=ids["Budi"]) == 0
    # a sheet in Budi's name, or on a dossier Ani is not assigned
    insert = ("INSERT INTO score_sheets (id, event_id, dossier_id, judge_id, stage_id, status, revision, version, "
              "created_at, updated_at, dossier_revision, source) VALUES (:id, :e, :d, :j, 'proposal', 'draft', 0, 1, "
              "now(), now(), 1, 'app')")
    assert "row-level security" in _denied(ani_sql, insert, id=uuid.uuid4(), e=ids["event"], d=ids["P-2"],
                                           j=ids["Budi"])
    assert "row-level security" in _denied(ani_sql, insert, id=uuid.uuid4(), e=ids["event"], d=ids["P-3"],
                                           j=ids["Ani"])
    assert "row-level security" in _denied(ani_sql, insert.replace("'draft'", "'locked'"), id=uuid.uuid4(),
                                           e=ids["event"], d=ids["P-2"], j=ids["Ani"])
    # submitting by hand an incomplete draft (the app checks completeness; so does the server)
    with Database.open(str(seats["Ani"].file)) as ani, ani.write() as s:
        event, me = jb.who(s, ev, "Ani")
        judging.record_score(s, event, me, "P-2", KIPP_CRITERIA[0], 8)
    draft = _rows(ani_sql, "SELECT s.id FROM score_sheets s JOIN dossiers d ON d.id = s.dossier_id "
                           "WHERE d.number = 'P-2'")[0][0]
    assert "row-level security" in _denied(ani_sql, "UPDATE score_sheets SET status = 'submitted' WHERE id = :i",
                                           i=draft)
    with db.read() as s:  # nothing moved
        assert s.get(ScoreSheet, draft).status.value == "draft"
        assert s.get(ScoreSheet, sheet_id).status.value == "locked"
        assert s.query(ScoreSheet).count() == 3


def test_a_judge_role_cannot_touch_assignments_users_or_the_audit_log(
        db: Database, ev: str, ani_sql: Engine) -> None:
    ids = _ids(db, ev)
    assert "permission denied" in _denied(
        ani_sql, "INSERT INTO assignments (id, event_id, dossier_id, judge_id, stage_id, created_at) "
                 "VALUES (:i, :e, :d, :j, 'proposal', now())", i=uuid.uuid4(), e=ids["event"], d=ids["P-3"],
        j=ids["Ani"])
    assert "permission denied" in _denied(ani_sql, "DELETE FROM assignments")
    assert "permission denied" in _denied(ani_sql, "UPDATE users SET role = 'secretariat' WHERE id = :a",
                                          a=ids["Ani"])
    assert "permission denied" in _denied(ani_sql, "UPDATE users SET credential_hash = '' WHERE id = :a",
                                          a=ids["Ani"])
    assert _rowcount(ani_sql, "UPDATE users SET failed_attempts = 0 WHERE id = :b", b=ids["Budi"]) == 0
    assert "permission denied" in _denied(ani_sql, "DELETE FROM audit_entries")
    assert "permission denied" in _denied(ani_sql, "UPDATE audit_heads SET seq = 0")
    assert "permission denied" in _denied(ani_sql, "SELECT * FROM oaoi_lan_seats")
    assert "permission denied" in _denied(ani_sql, "SELECT * FROM plenary_adjustments")
    assert "permission denied" in _denied(ani_sql, "CREATE TABLE public.mine (x int)")
    # the recusal helper would tell who is recused from what: only the owner's policies call it
    assert "permission denied" in _denied(ani_sql, "SELECT oaoi_lan_recused(:b, :d)", b=ids["Budi"], d=ids["P-1"])


def test_the_audit_function_refuses_an_entry_in_someone_elses_name_or_off_the_chain(
        db: Database, ev: str, ani_sql: Engine) -> None:
    from oaoi_desktop.domain import canonical

    ids = _ids(db, ev)
    chain = str(ids["event"])
    with ani_sql.connect() as conn:
        head = conn.execute(text("SELECT * FROM oaoi_lan_audit_head(:c)"), {"c": chain}).one()

    def content(**changes: object) -> dict:
        base = {"chain": chain, "seq": head.head_seq + 1, "event_id": chain, "actor": "test:secretariat",
                "actor_id": str(ACTOR.user_id), "action": "sheet.unlocked", "entity_type": "", "entity_id": "",
                "before": None, "after": None, "at": "2026-12-01T10:00:00", "device_id": None,
                "prev_hash": head.head_hash}
        return {**base, **changes}

    def call(doc: dict, digest: str | None = None) -> str:
        body = canonical.dumps_str(doc)
        return _denied(ani_sql, "SELECT oaoi_lan_audit_append(:i, :c, :h)", i=uuid.uuid4(), c=body,
                       h=digest or canonical.sha256_hex(doc))

    assert "may not record" in call(content(actor="Ani", actor_id=str(ids["Ani"])))
    assert "in its own name" in call(content(action="score.recorded"))
    assert "moved on" in call(content(actor="Ani", actor_id=str(ids["Ani"]), action="score.recorded",
                                      seq=head.head_seq + 5))
    assert "does not match" in call(content(actor="Ani", actor_id=str(ids["Ani"]), action="score.recorded"),
                                    digest="0" * 64)
    with db.read() as s:
        assert audit_verify.verify_event(s, ev, actor=ACTOR).ok


# -- the app through the seat file ------------------------------------------------------------------

def test_the_judging_service_works_through_the_seat_file_and_the_chain_verifies(
        db: Database, ev: str, seats: dict[str, lan.SeatResult], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with Database.open(str(seats["Ani"].file)) as ani:
        assert store_lan.prefix_for(db.engine.url.database) in ani.url
        jb.declare(ani, ev, "Ani")
        with ani.write() as s:
            event, me = jb.who(s, ev, "Ani")
            assert [item.number for item in judging.judge_queue(s, event, me)] == ["P-1", "P-2"]
            opened = judging.open_dossier_for_judge(s, event, me, "P-1")
            assert opened.number == "P-1"
        _score_and_submit(ani, ev, "Ani", "P-1")
        with ani.write() as s:
            event, me = jb.who(s, ev, "Ani")
            judging.record_score(s, event, me, "P-2", KIPP_CRITERIA[0], 7)
            assert judging.sheet_state(s, event, me, "P-1").status.value == "locked"
            with pytest.raises(OaoiError):  # the app refuses it as well
                judging.record_score(s, event, me, "P-1", KIPP_CRITERIA[0], 1)
    with db.read() as s:
        report = audit_verify.verify_event(s, ev, actor=ACTOR)
        assert report.ok, report.problems
        event, me = jb.who(s, ev, "Ani")
        actions = [a for (a,) in s.execute(text(
            "SELECT action FROM audit_entries WHERE actor_id = :a ORDER BY seq"), {"a": me.id})]
    assert actions[0] == "integrity.declared"
    assert actions.count("score.recorded") == len(KIPP_CRITERIA) + 1 and "sheet.submitted" in actions
    with Database.open(str(seats["Ani"].file)) as ani:  # a declared conflict closes P-2 on the server too
        with ani.write() as s:
            event, me = jb.who(s, ev, "Ani")
            judging.declare_conflict(s, event, me, "P-2", "Saya pernah membina inovasi ini")
        with ani.engine.connect() as conn:
            sheet_id = conn.execute(text("SELECT s.id FROM score_sheets s JOIN dossiers d ON d.id = s.dossier_id "
                                         "WHERE d.number = 'P-2'")).scalar_one()
            assert conn.execute(text("UPDATE scores SET value_milli = 1000 WHERE sheet_id = :i"),
                                {"i": sheet_id}).rowcount == 0
    with db.read() as s:
        assert audit_verify.verify_event(s, ev, actor=ACTOR).ok
    from support.builders import TEST_SECRETARIAT_PIN

    monkeypatch.setenv("OAOI_PIN", TEST_SECRETARIAT_PIN)  # verifying the database is the secretariat's
    assert cli.main(["audit", "verify", "--event", ev, "--db", db.url, "--operator", ACTOR.name]) == 0
    assert "Budi" not in capsys.readouterr().err


def test_a_lan_judge_seat_is_a_judge_seat_for_every_service(db: Database, ev: str,
                                                           seats: dict[str, lan.SeatResult]) -> None:
    from oaoi_desktop.services import seat

    ids = _ids(db, ev)
    with Database.open(str(seats["Ani"].file)) as ani, ani.read() as s:
        assert seat.is_judge_seat(s) and seat.seat_judge_id(s) == ids["Ani"]
    with Database.open(str(seats["secretariat"].file)) as sec, sec.read() as s:
        assert not seat.is_judge_seat(s) and seat.seat_judge_id(s) is None
    with db.read() as s:
        assert not seat.is_judge_seat(s)


def test_the_secretariat_role_ranks_and_unlocks_but_cannot_edit_the_audit_log(
        db: Database, ev: str, seats: dict[str, lan.SeatResult]) -> None:
    _score_and_submit(db, ev, "Budi", "P-1", 6)
    with Database.open(str(seats["secretariat"].file)) as sec:
        with sec.read() as s:
            event, _ = jb.who(s, ev, "Budi")
            result = ranking.rank_event(s, event, actor=ACTOR)
            assert result is not None
        with sec.write() as s:
            event, budi = jb.who(s, ev, "Budi")
            sheet = s.query(ScoreSheet).filter_by(judge_id=budi.id).one()
            sheets.unlock_sheet(s, sheet, ACTOR, "salah ketik nilai")
        with sec.engine.connect() as conn, pytest.raises(DBAPIError) as caught:
            conn.execute(text("UPDATE audit_entries SET actor = 'x'"))
        assert "permission denied" in str(caught.value.orig)
    with db.read() as s:
        assert audit_verify.verify_event(s, ev, actor=ACTOR).ok
        event, budi = jb.who(s, ev, "Budi")
        assert s.query(ScoreSheet).filter_by(judge_id=budi.id).one().status.value == "draft"


def test_a_judge_seat_acting_for_another_judge_through_the_service_writes_nothing(
        db: Database, ev: str, seats: dict[str, lan.SeatResult]) -> None:
    """Even a patched app on Ani's laptop cannot score as Budi: the server refuses the row."""
    with Database.open(str(seats["Ani"].file)) as ani:
        with ani.write() as s:
            event, _ = jb.who(s, ev, "Ani")
            from oaoi_desktop.services import accounts

            with pytest.raises(OaoiError):  # Budi's account is not even visible to Ani's role
                accounts.find_judge(s, event, "Budi")
    with db.read() as s:
        assert s.query(ScoreSheet).count() == 0
        assert audit_verify.verify_event(s, ev, actor=ACTOR).ok


def test_signing_in_on_a_seat_works_and_wrong_pins_lock_only_that_account_with_the_chain_whole(
        db: Database, ev: str, seats: dict[str, lan.SeatResult]) -> None:
    from oaoi_desktop.services import auth

    with Database.open(str(seats["Ani"].file)) as ani:
        with ani.write() as s:
            assert auth.sign_in(s, ev, "Ani", PIN).name == "Ani"
        for _ in range(auth.MAX_FAILED_ATTEMPTS):
            with ani.write() as s, pytest.raises(auth.SignInError):
                auth.sign_in(s, ev, "Ani", "000000")
        with ani.write() as s, pytest.raises(OaoiError):  # Budi is not on this seat
            auth.sign_in(s, ev, "Budi", PIN)
    with db.read() as s:
        event, me = jb.who(s, ev, "Ani")
        _, budi = jb.who(s, ev, "Budi")
        assert me.locked and not budi.locked and budi.failed_attempts == 0
        assert audit_verify.verify_event(s, ev, actor=ACTOR).ok
        assert s.execute(text("SELECT count(*) FROM audit_entries WHERE action = 'user.locked'")).scalar_one() == 1



def test_oaoi_lan_setup_and_remove_on_the_command_line(
        db: Database, ev: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from support.builders import TEST_SECRETARIAT_PIN

    monkeypatch.setenv("OAOI_PIN", TEST_SECRETARIAT_PIN)
    usb = tmp_path / "usb"
    usb.mkdir()
    base = ["--db", db.url, "--operator", ACTOR.name, "--lang", "en"]
    try:
        assert cli.main(["lan", "setup", "--event", ev, "--out", str(usb), *base]) == 0
        out = capsys.readouterr().out
        assert "LAN seats for" in out and out.count("new password") == 3
        files = sorted(p.name for p in usb.iterdir())
        assert len(files) == 3 and "seat-secretariat.oaoi-lan" in files
        assert all("password" not in line or "→" in line for line in out.splitlines())
        for f in usb.iterdir():  # no password on the screen
            password = read_seat_file(f).split("@")[0].rsplit(":", 1)[1]
            assert password not in out
        assert cli.main(["lan", "setup", "--event", ev, *base]) == 0
        assert capsys.readouterr().out.count("password kept") == 3
    finally:
        assert cli.main(["lan", "remove", *base]) == 0
    assert "Seat roles dropped" in capsys.readouterr().out
    with db.engine.connect() as conn:
        prefix = store_lan.prefix_for(db.engine.url.database)
        assert conn.execute(text("SELECT count(*) FROM pg_roles WHERE rolname LIKE :p"),
                            {"p": prefix + "\\_%"}).scalar_one() == 0


def test_a_deactivated_judge_seat_sees_nothing_and_setup_again_takes_its_login_away(
        db: Database, ev: str, seats: dict[str, lan.SeatResult]) -> None:
    budi_sql = _engine(seats["Budi"])
    try:
        assert _rows(budi_sql, "SELECT count(*) FROM assignments")[0][0] == 2
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE users SET active = false WHERE name = 'Budi'"))
        assert _rows(budi_sql, "SELECT count(*) FROM assignments")[0][0] == 0
        assert _rows(budi_sql, "SELECT count(*) FROM dossiers")[0][0] == 0
    finally:
        budi_sql.dispose()
    again = {s.name: s for s in lan.setup(db, ev, actor=ACTOR).seats}
    assert "Budi" not in again
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                            {"r": seats["Budi"].role_name}).scalar_one() is False


def test_the_secretariat_seat_takes_a_pg_dump_backup(db: Database, ev: str, seats: dict[str, lan.SeatResult],
                                                     tmp_path: Path) -> None:
    import shutil

    from oaoi_desktop.services import backups

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    with Database.open(str(seats["secretariat"].file)) as sec:
        result = backups.create_backup(sec, tmp_path / "kipp.zip", actor=ACTOR)
    assert result.path.exists() and result.kind != "sqlite"


def test_two_judge_seats_scoring_at_once_keep_one_whole_chain(db: Database, ev: str,
                                                             seats: dict[str, lan.SeatResult]) -> None:
    import threading

    jb.declare(db, ev, "Ani")
    errors: list[BaseException] = []
    start = threading.Barrier(2, timeout=30)

    def work(judge: str, value: int) -> None:
        try:
            with Database.open(str(seats[judge].file)) as seat:
                start.wait()
                for number in ("P-1", "P-2"):
                    for criterion in KIPP_CRITERIA:
                        with seat.write() as s:
                            event, j = jb.who(s, ev, judge)
                            judging.record_score(s, event, j, number, criterion, value, "catatan")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(name, v)) for name, v in (("Ani", 8), ("Budi", 5))]
    for t_ in threads:
        t_.start()
    for t_ in threads:
        t_.join(120)
    assert not errors, errors
    with db.read() as s:
        report = audit_verify.verify_event(s, ev, actor=ACTOR)
        assert report.ok, report.problems
        recorded = s.execute(text("SELECT count(*) FROM audit_entries WHERE action = 'score.recorded'")).scalar_one()
    assert recorded == 2 * 2 * len(KIPP_CRITERIA)


def test_a_seat_cannot_upgrade_the_schema_and_says_who_must(db: Database, ev: str,
                                                           seats: dict[str, lan.SeatResult]) -> None:
    from oaoi_desktop.store import migrate

    head = migrate.head_revision()
    with db.engine.begin() as conn:  # as if the server still had the previous version's schema
        conn.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    try:
        with pytest.raises(OaoiError) as caught:
            Database.open(str(seats["Ani"].file))
        assert caught.value.message_id == "lan.seat.cannot_upgrade"
        assert "admin" in caught.value.render("en")
    finally:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :h"), {"h": head})


def test_observed_a_judge_with_its_seat_file_cannot_unlock_or_rank_other_judges(
        db: Database, ev: str, seats: dict[str, lan.SeatResult], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12, point 4: with the one shared password a judge ran ``oaoi scores unlock`` and ``oaoi rank``."""
    _score_and_submit(db, ev, "Budi", "P-1", 6)
    with Database.open(str(seats["Ani"].file)) as ani:
        jb.declare(ani, ev, "Ani")
        _score_and_submit(ani, ev, "Ani", "P-1", 9)
    seat = str(seats["Ani"].file)
    monkeypatch.setenv("OAOI_PIN", PIN)
    errors: dict[str, str] = {}
    for judge in ("Ani", "Budi"):
        code = cli.main(["scores", "unlock", "--event", ev, "--judge", judge, "--dossier", "P-1",
                         "--reason", "ubah nilai", "--db", seat, "--operator", "Ani", "--lang", "en"])
        assert code == 1, judge
        err = capsys.readouterr().err
        assert err.startswith("oaoi: ") and "Traceback" not in err
        errors[judge] = err
    # the CLI refuses both on a judge seat before anything reaches the server
    assert all("judge's seat" in e for e in errors.values())
    capsys.readouterr()
    assert cli.main(["rank", "--event", ev, "--db", seat, "--operator", "Ani", "--format", "json",
                     "--lang", "en"]) == 1
    assert "judge's seat" in capsys.readouterr().err
    # and going round the CLI with the seat's credentials, the server itself shows only Ani's own sheet
    # and lets her unlock nothing
    with Database.open(seat) as ani:
        with ani.read() as s:
            rows = s.execute(text("SELECT u.name, s.status FROM score_sheets s JOIN users u ON u.id = s.judge_id")).all()
        assert [r[0] for r in rows] == ["Ani"]
        with ani.engine.connect() as conn:
            assert conn.execute(text("UPDATE score_sheets SET status = 'draft'")).rowcount == 0
    with db.read() as s:
        statuses = {r[0]: r[1] for r in s.execute(text(
            "SELECT u.name, s.status FROM score_sheets s JOIN users u ON u.id = s.judge_id"))}
        assert statuses == {"Ani": "locked", "Budi": "locked"}
        assert audit_verify.verify_event(s, ev, actor=ACTOR).ok


def test_a_backup_of_a_lan_server_restores_without_its_seat_objects(
        db: Database, ev: str, seats: dict[str, lan.SeatResult], tmp_path: Path, pg_server) -> None:  # noqa: ANN001
    """Restore accepts only the app's schema: the seat functions, policies and grants of ``lan setup``
    are left out (never restored or run) and the secretariat is told to run ``lan setup`` again."""
    import shutil

    from oaoi_desktop.services import backups

    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    _score_and_submit(db, ev, "Budi", "P-1", 6)
    with db.read() as s:
        before = [(f.message_id, f.params) for f in audit_verify.verify_event(s, ev, actor=ACTOR).problems]
    archive = backups.create_backup(db, tmp_path / "lan.zip", actor=ACTOR).path
    name = pg_server.fresh_database()
    try:
        result = backups.restore_backup(archive, pg_server.url_of(name), actor=ACTOR)
        assert result.lan_objects_left_out > 0
        with Database.open(pg_server.url_of(name)) as restored, restored.read() as s:
            assert s.scalar(text("SELECT count(*) FROM score_sheets")) == 1
            assert s.scalar(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'oaoi_lan_%'")) == 0
            assert s.scalar(text("SELECT count(*) FROM pg_policies")) == 0
            after = [(f.message_id, f.params) for f in audit_verify.verify_event(s, ev, actor=ACTOR).problems]
            assert after == before == []
    finally:
        pg_server.drop(name)


def test_setup_and_remove_are_the_secretariats_only(db: Database, ev: str) -> None:
    """A judge (chair included) or an actor without an account cannot create or drop seats."""
    from oaoi_desktop.errors import PermissionDeniedError
    from oaoi_desktop.services.audit import Actor

    with db.read() as s:
        event, ani = jb.who(s, ev, "Ani")
        judge_actor = Actor(ani.name, ani.id)
        roles_before = s.execute(text("SELECT count(*) FROM pg_roles")).scalar_one()
    for actor in (judge_actor, Actor("cli:someone")):
        with pytest.raises(PermissionDeniedError):
            lan.setup(db, ev, actor=actor)
        with pytest.raises(PermissionDeniedError):
            lan.remove(db, actor=actor)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM pg_roles")).scalar_one() == roles_before
