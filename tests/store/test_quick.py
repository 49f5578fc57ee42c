"""The quick start's sign-in choices (store/quick.py) equal the ORM's (services/auth.py).

The sign-in window is shown before SQLAlchemy is imported (issue 14: start fast):
``quick.read_sign_in_choices`` reads with ``sqlite3`` what
``auth.sign_in_choices`` reads through the ORM.  Both are run here on the same
databases, built through the services and the models: every difference is a
person who would see the wrong names at the venue.  Anything the quick path is
not sure of must answer None (the app then opens the database first).
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from oaoi_desktop.services import accounts, auth
from oaoi_desktop.store import migrate, quick
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import PanelPackage, Role, User
from support.builders import ACTOR, add_judges, ensure_secretariat, make_event

pytestmark = pytest.mark.sqlite_only


def _secretariat(db: Database, name: str, *, active: bool = True, event_id: uuid.UUID | None = None) -> None:
    with db.write() as s:
        s.add(User(event_id=event_id, name=name, role=Role.SECRETARIAT, active=active,
                   credential_hash=accounts.hash_secret("8052-6194")))


def _judge_laptop(db: Database, event_id: str, judge_id: str) -> None:
    """What ``oaoi package import`` leaves behind: an ``imported`` panel package row."""
    with db.write() as s:
        s.add(PanelPackage(package_id=uuid.uuid4(), event_id=uuid.UUID(event_id), judge_id=uuid.UUID(judge_id),
                           direction="imported", generation=1))


def _deactivate(db: Database, name: str) -> None:
    with db.write() as s:
        for user in s.query(User).filter(User.name == name):
            user.active = False


def nothing(db: Database) -> None:
    """The first run: no account at all."""


def one_secretariat(db: Database) -> None:
    ensure_secretariat(db)


def a_full_panel(db: Database) -> None:
    """Several secretariat accounts out of order, one inactive, one tied to an event, judges of two events."""
    event = make_event(db)
    add_judges(db, event, ["Ir. Budi", "Dr. Ani", "Citra"])
    other = make_event(db, name="KIPP Provinsi 2026")
    add_judges(db, other, ["Zaenal", "Ani Lain"])
    for name in ("Yusuf Sekretariat", "agus kecil", "Bambang", "Éva Ümlaut", "Zz Tidak Aktif"):
        _secretariat(db, name)
    _deactivate(db, "Zz Tidak Aktif")
    _secretariat(db, "Sekretariat Kegiatan", event_id=uuid.UUID(event))
    _deactivate(db, "Citra")


def only_inactive_secretariat(db: Database) -> None:
    ensure_secretariat(db)
    _deactivate(db, ACTOR.name)


def only_event_scoped_secretariat(db: Database) -> None:
    event = make_event(db)
    _secretariat(db, "Sekretariat Kegiatan", event_id=uuid.UUID(event))
    _deactivate(db, ACTOR.name)


def judge_laptop(db: Database) -> None:
    """A judge's own laptop (a panel package applied): no secretariat account there."""
    event = make_event(db)
    [judge, _other] = add_judges(db, event, ["Dr. Ani", "Budi"])
    _judge_laptop(db, event, judge)
    _deactivate(db, ACTOR.name)


def judge_laptop_with_a_secretariat_written_in(db: Database) -> None:
    """A secretariat row written into a judge's laptop by hand does not make it a secretariat seat."""
    event = make_event(db)
    [judge] = add_judges(db, event, ["Dr. Ani"])
    _judge_laptop(db, event, judge)


def exported_packages_only(db: Database) -> None:
    """The secretariat's laptop after exporting packages: still the secretariat's."""
    event = make_event(db)
    [judge] = add_judges(db, event, ["Dr. Ani"])
    with db.write() as s:
        s.add(PanelPackage(package_id=uuid.uuid4(), event_id=uuid.UUID(event), judge_id=uuid.UUID(judge),
                           direction="exported", generation=1))


DATABASES: list[Callable[[Database], None]] = [
    nothing, one_secretariat, a_full_panel, only_inactive_secretariat, only_event_scoped_secretariat,
    judge_laptop, judge_laptop_with_a_secretariat_written_in, exported_packages_only,
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("build", DATABASES, ids=[b.__name__ for b in DATABASES])
def test_the_quick_choices_are_the_orm_choices(tmp_path: Path, build: Callable[[Database], None]) -> None:
    path = tmp_path / "oaoi.sqlite"
    with Database.open(str(path)) as db:
        build(db)
        with db.read() as s:
            orm = auth.sign_in_choices(s)
        url = db.url
    before = _digest(path)
    assert quick.read_sign_in_choices(url) == orm
    assert _digest(path) == before  # read-only: the file is not touched


def test_what_the_choices_hold_on_a_full_panel(tmp_path: Path) -> None:
    """Not only equal: right (the names the secretariat sees, in the order shown)."""
    with Database.open(str(tmp_path / "oaoi.sqlite")) as db:
        a_full_panel(db)
        choices = quick.read_sign_in_choices(db.url)
        with db.read() as s:
            ids = {u.name: str(u.id) for u in s.query(User).filter(User.role == Role.SECRETARIAT)}
    assert choices is not None
    assert not choices.judge_seat and not choices.needs_setup
    assert [name for _id, name in choices.secretariat] == [
        "Bambang", "Yusuf Sekretariat", "agus kecil", "test:secretariat", "\u00c9va \u00dcmlaut"]
    assert all(uid == ids[name] for uid, name in choices.secretariat)


def test_the_stored_words_are_the_models_words() -> None:
    assert quick.SECRETARIAT == Role.SECRETARIAT.value


def test_the_first_run_and_a_judges_laptop(tmp_path: Path) -> None:
    with Database.open(str(tmp_path / "a.sqlite")) as db:
        first = quick.read_sign_in_choices(db.url)
    with Database.open(str(tmp_path / "b.sqlite")) as db:
        judge_laptop(db)
        laptop = quick.read_sign_in_choices(db.url)
    assert first == quick.SignInChoices(judge_seat=False, needs_setup=True, secretariat=())
    assert laptop == quick.SignInChoices(judge_seat=True, needs_setup=False, secretariat=())


def test_an_older_database_takes_the_full_path(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Database.open(str(path)) as db:
        ensure_secretariat(db)
        migrate.downgrade(db, "0004")
        url = db.url
    assert quick.read_sign_in_choices(url) is None  # it must be migrated first


def test_a_newer_or_unstamped_database_takes_the_full_path(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Database.open(str(path)) as db:
        ensure_secretariat(db)
        url = db.url
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.close()
    assert quick.read_sign_in_choices(url) is None  # refused by the full start-up, with its message
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM alembic_version")
    con.close()
    assert quick.read_sign_in_choices(url) is None


def test_what_is_no_database_takes_the_full_path(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"this is not a database, just some notes" * 100)
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        con.execute("INSERT INTO alembic_version VALUES (?)", (migrate.HEAD_REVISION,))  # stamped, no tables
    con.close()
    for path in (notes, empty, other, tmp_path / "missing.sqlite", tmp_path):
        assert quick.read_sign_in_choices("sqlite:///" + str(path)) is None, path
    assert not (tmp_path / "missing.sqlite").exists()
    assert notes.read_bytes() == b"this is not a database, just some notes" * 100


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://postgres@127.0.0.1:5432/oaoi", "sqlite://", "sqlite:///:memory:",
    "sqlite:///file.sqlite?mode=ro", "sqlite:///with%20escape.sqlite",
])
def test_other_urls_take_the_full_path(url: str) -> None:
    assert quick.read_sign_in_choices(url) is None


def test_the_file_of_a_resolved_url(tmp_path: Path) -> None:
    from oaoi_desktop import config

    url = config.resolve_db_url(str(tmp_path / "x.sqlite"))
    assert quick.sqlite_file(url) == tmp_path / "x.sqlite"
    assert quick.sqlite_file("sqlite+pysqlite:///" + str(tmp_path / "y.sqlite")) == tmp_path / "y.sqlite"
