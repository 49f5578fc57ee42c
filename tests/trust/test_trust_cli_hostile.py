"""No traceback from any CLI command on any input (issue 13, "Done means").

Every subcommand of ``oaoi`` (walked from the parser, so new ones are
included) runs with a few hostile values in every required argument — a lone
surrogate (what Python makes of a non-UTF-8 argv), a huge value, an empty
one, one with a NUL — once with every argument hostile and once against a
real event (so the command gets past looking the event up).  Each must end
with exit code 0, 1 or 2, print no traceback and raise nothing.

After the CLI sign-in lands (``--operator`` + ``OAOI_PIN``), this test must
set ``OAOI_OPERATOR``/``OAOI_PIN`` for the tests' secretariat account so the
commands get past sign-in (see the fixture below).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oaoi_desktop.cli import build_parser, main
from oaoi_desktop.store.database import Database
from tests.support.builders import TEST_SECRETARIAT_PIN, add_dossier, add_judges, make_event

HOSTILE = {"surrogate": "\udcff\udcfe", "huge": "x" * 100_000, "empty": "", "nul": "a\x00b"}


def _leaves(parser: argparse.ArgumentParser, path: list[str]) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for action in subs:
        for name, sub in action.choices.items():
            yield from _leaves(sub, [*path, name])


COMMANDS = list(_leaves(build_parser(), []))


def _argv(path: list[str], parser: argparse.ArgumentParser, value: str, event_id: str | None) -> list[str]:
    argv = list(path)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or not (action.required or not action.option_strings):
            continue
        if action.choices:
            arg = str(next(iter(action.choices)))
        elif event_id is not None and action.option_strings == ["--event"]:
            arg = event_id
        else:
            arg = value
        if action.option_strings:
            argv += [action.option_strings[0], arg]
        elif action.nargs in ("+", "*"):
            argv += [arg, arg]
        else:
            argv.append(arg)
    return argv


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    db_path = tmp_path / "oaoi.sqlite"
    with Database.open("sqlite:///" + str(db_path)) as db:
        event_id = make_event(db)
        add_judges(db, event_id, ["Ani", "Budi"])
        add_dossier(db, event_id, "P-001")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)  # commands that write beside the working folder write here
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a prompt reads end-of-file
    monkeypatch.setenv("OAOI_PIN", TEST_SECRETARIAT_PIN)  # for the CLI sign-in, once it lands
    return str(db_path), event_id


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_every_cli_command_ends_in_an_exit_code_never_a_traceback(place: tuple[str, str], kind: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db_path, event_id = place
    value = HOSTILE[kind]
    failures: list[str] = []
    for path, parser in COMMANDS:
        for event in (None, event_id):
            argv = ["--db", db_path, "--lang", "en", *_argv(path, parser, value, event)]
            try:
                code = main(argv)
            except BaseException as exc:  # noqa: BLE001 - exactly what must not happen
                failures.append(f"{' '.join(path)} (event={'real' if event else kind}): "
                                f"{type(exc).__name__}: {str(exc)[:200]}")
                continue
            out, err = capsys.readouterr()
            if code not in (0, 1, 2) or "Traceback" in out + err:
                failures.append(f"{' '.join(path)}: exit {code}: {err[-300:]}")
    assert not failures, "\n".join(failures)
