"""Whatever a stick holds, the import ends in success or a clear rejection.

Random bytes and random JSON as ``dossier.json``, and random ZIP member
names beside a valid dossier: never an exception, never an internal error,
and a rejected package never changes the store (bounded by the active
Hypothesis profile).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oaoi_desktop.services.imports import Outcome, import_paths
from oaoi_desktop.store.database import Database
from support.builders import ACTOR, make_event
from support.packages import store_state, stray_files, valid_document, write_folder, write_zip, zip_members

TODAY = dt.date(2026, 12, 1)
PROFILE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(
        st.sampled_from(["format_version", "id", "title", "instansi", "klaster", "kelompok", "sections",
                         "attachments", "key", "text", "path", "kind", "sdgs", "started_on"]) | st.text(max_size=8),
        children, max_size=8),
    max_leaves=30,
)


def _near_valid() -> st.SearchStrategy[object]:
    """A valid document with one field replaced by a random JSON value."""
    return st.tuples(st.sampled_from(sorted(valid_document())), json_values).map(
        lambda kv: {**valid_document(), kv[0]: kv[1]})


@pytest.fixture
def setup(db: Database):  # type: ignore[no-untyped-def]
    return db, make_event(db)


def _check(db: Database, event_id: str, path: Path, allowed: set[Outcome]) -> None:
    before = store_state(db)
    report = import_paths(db, event_id, [path], actor=ACTOR, today=TODAY)
    assert len(report.items) >= 1
    for item in report.items:
        assert item.outcome in allowed, item
        assert not any(f.message_id == "import.internal_error" for f in item.findings), item.findings
        for f in item.findings:
            f.render("id")
            f.render("en")
        if item.outcome is Outcome.REJECTED:
            assert item.errors
    if all(i.outcome is Outcome.REJECTED for i in report.items):
        assert store_state(db) == before
    assert stray_files(db) == set() and store_state(db).staging == 0


@PROFILE
@given(raw=st.binary(max_size=400))
def test_random_bytes_as_dossier_json(setup, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    db, event_id = setup
    with tempfile.TemporaryDirectory() as tmp:
        _check(db, event_id, write_folder(Path(tmp) / "p", raw), {Outcome.REJECTED})


@PROFILE
@given(value=json_values | _near_valid())
def test_random_json_as_dossier_json(setup, value: object) -> None:  # type: ignore[no-untyped-def]
    db, event_id = setup
    with tempfile.TemporaryDirectory() as tmp:
        raw = json.dumps(value).encode("utf-8")
        _check(db, event_id, write_folder(Path(tmp) / "p", raw),
               {Outcome.REJECTED, Outcome.IMPORTED, Outcome.UNCHANGED, Outcome.UPDATED})


_parts = st.sampled_from(["a", "b", ".", "..", "/", "\\", ":", "C:", " ", "\x01", "é", "lampiran", "dossier.json",
                          "__MACOSX/", "x.pdf"])
member_names = st.lists(st.lists(_parts, min_size=1, max_size=8).map("".join), min_size=1, max_size=4)


@PROFILE
@given(names=member_names)
def test_random_zip_member_names(setup, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    db, event_id = setup
    with tempfile.TemporaryDirectory() as tmp:
        members = zip_members()
        for name in names:
            members[name] = b"%PDF-1.4 extra"
        path = write_zip(Path(tmp) / "usb" / "p.zip", members)
        _check(db, event_id, path, {Outcome.REJECTED, Outcome.IMPORTED, Outcome.UNCHANGED})
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["usb"]
        assert [p.name for p in (Path(tmp) / "usb").iterdir()] == ["p.zip"]
