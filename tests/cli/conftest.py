"""Fixtures of the command-line tests: the CLI acts only for a signed-in secretariat member."""

from __future__ import annotations

import uuid

import pytest

from support.cli_signin import act_as_test_secretariat, add_secretariat_via_cli, cli_runner


@pytest.fixture
def secretariat(db_url: str, monkeypatch: pytest.MonkeyPatch) -> uuid.UUID:
    """The secretariat account made with ``oaoi user add`` on the empty database; commands act as it."""
    return add_secretariat_via_cli(db_url, monkeypatch)


@pytest.fixture
def test_secretariat(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands act as ``support.builders.ACTOR`` (made by ``make_event`` / ``ensure_secretariat``)."""
    act_as_test_secretariat(monkeypatch)


@pytest.fixture
def builders_secretariat(db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The builders' secretariat account exists in ``db`` and commands sign in as it."""
    from support.builders import ensure_secretariat

    ensure_secretariat(db)
    act_as_test_secretariat(monkeypatch)


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str], builders_secretariat: None):  # type: ignore[no-untyped-def]
    """``run(*args)``: ``oaoi *args --db <the test database>`` signed in as the builders' secretariat
    -> (exit code, stdout, stderr).  A test file with other needs defines its own ``run``."""
    return cli_runner(capsys, db_url)
