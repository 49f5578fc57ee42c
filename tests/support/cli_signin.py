"""Running ``oaoi`` as a signed-in person in tests (the CLI refuses anyone else).

* :func:`add_secretariat_via_cli` creates the first secretariat account with
  ``oaoi user add`` on an empty database — as a secretariat does on a new
  laptop — and signs in as it (``OAOI_OPERATOR`` / ``OAOI_PIN``).
* :func:`act_as_test_secretariat` signs in as :data:`support.builders.ACTOR`,
  the account that ``make_event`` / ``ensure_secretariat`` create.
* :func:`cli_runner` runs ``oaoi`` and returns its exit code, stdout and stderr;
  :func:`secret_file` writes a PIN or passphrase for a ``--...-file`` option.
"""

from __future__ import annotations

import contextlib
import io
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from support.builders import ACTOR, TEST_SECRETARIAT_PIN

SECRETARIAT_NAME = "Sari Sekretariat"
SECRETARIAT_PIN = "739251"


def act_as(monkeypatch: pytest.MonkeyPatch, name: str, pin: str) -> None:
    monkeypatch.setenv("OAOI_OPERATOR", name)
    monkeypatch.setenv("OAOI_PIN", pin)


def act_as_test_secretariat(monkeypatch: pytest.MonkeyPatch) -> None:
    act_as(monkeypatch, ACTOR.name, TEST_SECRETARIAT_PIN)


def sign_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OAOI_OPERATOR", raising=False)
    monkeypatch.delenv("OAOI_PIN", raising=False)


def cli_runner(capsys: pytest.CaptureFixture[str], db_url: str | None = None) -> Callable[..., tuple[int, str, str]]:
    """``run(*args)``: ``oaoi *args`` (``--db db_url`` added when given) -> (exit code, stdout, stderr)."""
    from oaoi_desktop.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--db", db_url] if db_url is not None else list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def secret_file(folder: Path, name: str, text: str) -> str:
    """``folder/name`` holding ``text`` and a newline (as an editor saves it); its path as text."""
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def add_secretariat_via_cli(db_url: str, monkeypatch: pytest.MonkeyPatch, name: str = SECRETARIAT_NAME,
                            pin: str = SECRETARIAT_PIN) -> uuid.UUID:
    """``oaoi user add --role secretariat`` on an empty database, then act as that account."""
    from oaoi_desktop.cli import main

    sign_out(monkeypatch)
    monkeypatch.setenv("OAOI_PIN", pin)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["user", "add", "--role", "secretariat", "--name", name, "--db", db_url])
    assert code == 0, err.getvalue()
    act_as(monkeypatch, name, pin)
    return uuid.UUID(out.getvalue().strip())
