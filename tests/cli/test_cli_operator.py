"""The CLI acts only for someone who signed in (issue 12, "CLI operator").

* Every command is either listed in ``cli.operator.WITHOUT_SECRETARIAT`` or refuses
  to run without a signed-in secretariat member (exit 1, one line, nothing changed).
* On a judge's laptop (made by ``oaoi package import``) secretariat commands are
  refused with a message that says so; ``bundle export`` needs the judge's PIN.
* The audit log names the signed-in account (name and id), never "cli:<OS user>".
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, build_parser, main
from oaoi_desktop.cli.operator import WITHOUT_SECRETARIAT, Rule
from oaoi_desktop.services import auth
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, Base, User
from support.builders import ACTOR, TEST_SECRETARIAT_PIN, add_judges, make_event
from support.cli_signin import SECRETARIAT_NAME, SECRETARIAT_PIN, act_as, act_as_test_secretariat, sign_out

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "exchange"))

from exchange_world import PIN as JUDGE_PIN, World, make_world, passphrase  # noqa: E402

SIGN_IN_NEEDED = "memerlukan masuk sebagai sekretariat"
JUDGE_SEAT = "kursi juri"
GLOBAL_DESTS = {"help", "db", "operator", "pin_file", "lang", "version"}


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return _run


def snapshot(db: Database) -> list[Any]:
    """Every row of every table: "nothing changed" means exactly this is equal."""
    with db.read() as s:
        return [sorted(map(repr, s.execute(select(table)).all())) for table in Base.metadata.sorted_tables]


# -- walking the parser ----------------------------------------------------------------------
def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # noqa: SLF001
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return action
    return None


def leaf_commands() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every runnable command of ``oaoi`` (``("scores", "unlock")``, ...) with its parser."""
    leaves: dict[tuple[str, ...], argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        sub = _subparsers(parser)
        if sub is None:
            leaves[path] = parser
            return
        for name, child in sub.choices.items():
            walk(child, (*path, name))

    walk(build_parser(), ())
    return leaves


def minimal_argv(path: tuple[str, ...], parser: argparse.ArgumentParser, event_id: str, tmp: Path) -> list[str]:
    """The command with every required argument filled in with something plausible."""
    dummy = tmp / "berkas.txt"
    dummy.write_text("x", encoding="utf-8")
    argv = list(path)
    chosen_groups = set()
    for group in parser._mutually_exclusive_groups:  # noqa: SLF001
        if group.required:
            chosen_groups.add(id(group._group_actions[0]))  # noqa: SLF001
    for action in parser._actions:  # noqa: SLF001
        if action.dest in GLOBAL_DESTS:
            continue
        needed = action.required or id(action) in chosen_groups or not action.option_strings
        if not needed:
            continue
        if action.nargs == 0:
            argv.append(action.option_strings[0])
            continue
        if action.choices:
            value = str(next(iter(action.choices)))
        elif action.dest == "event":
            value = event_id
        elif action.type is int:
            value = "1"
        elif action.dest in ("judge",):
            value = "Ani"
        else:
            value = str(dummy)
        argv += ([action.option_strings[0]] if action.option_strings else []) + [value]
    return argv


def test_the_table_names_only_commands_that_exist() -> None:
    leaves = leaf_commands()
    assert set(WITHOUT_SECRETARIAT) <= set(leaves)
    # what the issue names as secretariat work is not in the table
    for path in [("scores", "unlock"), ("rank",), ("agreement",), ("export", "xlsx"), ("export", "minutes"),
                 ("assign",), ("plenary", "correct"), ("import",), ("judge", "add"), ("bundle", "import"),
                 ("audit", "export"), ("backup",), ("pin-slip",)]:
        assert path in leaves and path not in WITHOUT_SECRETARIAT, path


def test_every_command_is_listed_or_refuses_without_a_signed_in_secretariat(run, db: Database, db_url: str,
                                                                            tmp_path: Path) -> None:
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani"])
    before = snapshot(db)
    checked = []
    for path, parser in sorted(leaf_commands().items()):
        rule = WITHOUT_SECRETARIAT.get(path)
        argv = minimal_argv(path, parser, event_id, tmp_path)
        if rule in (Rule.ALWAYS, Rule.JUDGE):  # runs (here on nonsense arguments) but changes nothing
            code, out, err = run(*argv, "--db", db_url)
            assert SIGN_IN_NEEDED not in err and snapshot(db) == before, argv
            continue
        code, out, err = run(*argv, "--db", db_url)
        assert code == EXIT_FAILED, (argv, out, err)
        assert SIGN_IN_NEEDED in err and err.count("\n") == 1, (argv, err)
        assert f"`oaoi {' '.join(path)}`" in err
        checked.append(path)
        assert snapshot(db) == before, argv
    assert ("scores", "unlock") in checked and ("audit", "verify") in checked and len(checked) > 40


def test_on_a_judge_laptop_every_secretariat_command_is_refused(run, ani_laptop, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    world, laptop = ani_laptop
    act_as_test_secretariat(monkeypatch)  # even someone who knows a secretariat PIN
    before = snapshot(laptop)
    url = "sqlite:///" + str(laptop.sqlite_path)
    refused = []
    for path, parser in sorted(leaf_commands().items()):
        rule = WITHOUT_SECRETARIAT.get(path)
        if rule in (Rule.ALWAYS, Rule.JUDGE, Rule.WITH_FILE):
            continue
        argv = minimal_argv(path, parser, world.event_id, tmp_path)
        code, _, err = run(*argv, "--db", url)
        assert code == EXIT_FAILED and JUDGE_SEAT in err and err.count("\n") == 1, (argv, err)
        refused.append(path)
    assert snapshot(laptop) == before
    assert {("scores", "unlock"), ("assign",), ("plenary", "correct"), ("export", "xlsx"), ("rank",),
            ("import",), ("judge", "add"), ("user", "add"), ("bundle", "import")} <= set(refused)


def _criteria() -> tuple[str, ...]:
    from support.builders import KIPP_CRITERIA

    return KIPP_CRITERIA


@pytest.fixture
def ani_laptop(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A panel whose judge Ani has her own laptop (a judge seat) with a sheet scored on it."""
    world = make_world(tmp_path / "panel")
    try:
        laptop = world.set_up_laptop("Ani")
        world.score_on(laptop, "Ani", "KIPP-001", {c: 7 for c in _criteria()})
        yield world, laptop
    finally:
        world.close()


def test_scores_unlock_on_a_judge_laptop_is_refused(run, ani_laptop, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Observed: on a judge's own laptop `oaoi scores unlock` reopened a submitted sheet."""
    world, laptop = ani_laptop
    before = snapshot(laptop)
    url = "sqlite:///" + str(laptop.sqlite_path)
    for operator in (None, ACTOR.name, "Ani"):
        sign_out(monkeypatch)
        if operator:
            act_as(monkeypatch, operator, TEST_SECRETARIAT_PIN)
        code, out, err = run("scores", "unlock", "--db", url, "--event", world.event_id, "--judge", "Ani",
                             "--dossier", "KIPP-001", "--reason", "mau ubah nilai")
        assert code == EXIT_FAILED and out == ""
        assert "Laptop ini adalah kursi juri" in err and "`oaoi scores unlock`" in err
        assert "laptop sekretariat" in err
    assert snapshot(laptop) == before


# -- signing in ----------------------------------------------------------------------------
def test_audit_entries_name_the_signed_in_account(run, db_url: str, secretariat: uuid.UUID) -> None:
    code, out, err = run("event", "create", "--name", "KIPP 2026", "--rubric", "kipp-proposal", "--db", db_url)
    assert code == EXIT_OK, err
    event_id = out.strip()
    code, out, err = run("judge", "add", "--event", event_id, "--name", "Ani", "--instansi", "USU",
                         "--role", "chair", "--db", db_url)
    assert code == EXIT_OK, err
    with Database.open(db_url) as db, db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.event_id == uuid.UUID(event_id))
                            .order_by(AuditEntry.seq)).all()
        assert {"event.created", "judge.added"} <= {e.action for e in entries}
        assert entries and all(e.actor == SECRETARIAT_NAME and e.actor_id == secretariat for e in entries)


def test_without_an_operator_the_command_is_refused_with_one_line(run, db_url: str, secretariat: uuid.UUID,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    sign_out(monkeypatch)
    code, out, err = run("event", "create", "--name", "X", "--rubric", "kipp-proposal", "--db", db_url)
    assert code == EXIT_FAILED and out == ""
    assert err.strip() == ("oaoi: Perintah `oaoi event create` memerlukan masuk sebagai sekretariat: --operator NAMA "
                           "(atau OAOI_OPERATOR) dan PIN (--pin-file BERKAS atau OAOI_PIN).")
    code, _, err = run("--lang", "en", "status", "--db", db_url)
    assert code == EXIT_FAILED and "needs the secretariat to sign in" in err


def test_with_one_secretariat_account_the_operator_may_be_left_out(run, db_url: str, secretariat: uuid.UUID,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    monkeypatch.delenv("OAOI_OPERATOR")
    code, out, err = run("status", "--format", "json", "--db", db_url)
    assert code == EXIT_OK, err
    assert json.loads(out)["secretariat_accounts"] == 1
    # a second account: now the operator must be named; its PIN comes from --new-pin-file
    new_pin = tmp_path / "pin-baru.txt"
    new_pin.write_text("586204\n", encoding="utf-8")
    code, out, err = run("user", "add", "--role", "secretariat", "--name", "Budi Sekretariat", "--new-pin-file",
                         str(new_pin), "--db", db_url)
    assert code == EXIT_OK, err
    budi = uuid.UUID(out.strip())
    code, _, err = run("status", "--db", db_url)
    assert code == EXIT_FAILED and SIGN_IN_NEEDED in err
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text("586204\n", encoding="utf-8")
    monkeypatch.delenv("OAOI_PIN")
    code, out, err = run("event", "create", "--name", "KIPP", "--rubric", "kipp-proposal", "--db", db_url,
                         "--operator", "budi sekretariat", "--pin-file", str(pin_file))
    assert code == EXIT_OK, err
    with Database.open(db_url) as db, db.read() as s:
        created = s.scalar(select(AuditEntry).where(AuditEntry.action == "event.created"))
        added = {e.after["name"]: (e.actor, e.actor_id)
                 for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "user.created"))}
        assert (created.actor, created.actor_id) == ("Budi Sekretariat", budi)
        assert added["Budi Sekretariat"] == (SECRETARIAT_NAME, secretariat)


def test_an_unknown_operator_or_a_judge_is_not_the_secretariat(run, db: Database, db_url: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani"])
    for name in ("Siapa", "Ani"):
        act_as(monkeypatch, name, TEST_SECRETARIAT_PIN)
        code, _, err = run("rank", "--event", event_id, "--db", db_url)
        assert code == EXIT_FAILED
        assert f"Tidak ada akun sekretariat aktif bernama '{name}'" in err


def test_wrong_pins_count_and_lock_the_account_as_in_the_app(run, db: Database, db_url: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    event_id = make_event(db)
    act_as(monkeypatch, ACTOR.name, "951357")
    for i in range(auth.MAX_FAILED_ATTEMPTS):
        code, _, err = run("rank", "--event", event_id, "--db", db_url)
        assert code == EXIT_FAILED and err.count("\n") == 1
        if i < auth.MAX_FAILED_ATTEMPTS - 1:
            assert "PIN atau frasa sandi salah" in err
    assert "akun dikunci" in err
    act_as_test_secretariat(monkeypatch)  # the right PIN no longer helps
    code, _, err = run("rank", "--event", event_id, "--db", db_url)
    assert code == EXIT_FAILED and "terkunci" in err
    with db.read() as s:
        user = s.get(User, ACTOR.user_id)
        assert user.locked and user.failed_attempts == auth.MAX_FAILED_ATTEMPTS
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "user.locked")) is not None


def test_first_run_needs_no_sign_in_but_only_once(run, db_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run("status", "--db", db_url)
    assert code == EXIT_OK and "oaoi event create" in out
    assert run("init", "--db", db_url)[0] == EXIT_OK
    pin = tmp_path / "pin.txt"
    pin.write_text(SECRETARIAT_PIN + "\n", encoding="utf-8")
    code, out, err = run("user", "add", "--role", "secretariat", "--name", SECRETARIAT_NAME, "--pin-file", str(pin),
                         "--db", db_url)
    assert code == EXIT_OK, err
    assert "Kode pemulihan" in err  # printed once, on stderr (stdout is the id, for scripts)
    first = uuid.UUID(out.strip())
    # the database is no longer empty: the same commands now need the secretariat
    for argv in (["init"], ["status"], ["event", "list"],
                 ["user", "add", "--role", "secretariat", "--name", "Penyusup", "--new-pin-file", str(pin)]):
        code, _, err = run(*argv, "--db", db_url)
        assert code == EXIT_FAILED and SIGN_IN_NEEDED in err, argv
    # the first account signs in with the PIN it was created with
    code, out, err = run("event", "list", "--db", db_url, "--pin-file", str(pin))
    assert code == EXIT_OK, err
    with Database.open(db_url) as db, db.read() as s:
        assert [u.id for u in s.scalars(select(User))] == [first]


def test_judge_add_takes_the_judges_pin_from_new_pin_file_never_the_operators(
        run, db_url: str, secretariat: uuid.UUID, tmp_path: Path) -> None:
    code, out, _ = run("event", "create", "--name", "KIPP", "--rubric", "kipp-proposal", "--db", db_url)
    event_id = out.strip()
    code, out, err = run("judge", "add", "--event", event_id, "--name", "Ani", "--instansi", "USU", "--role", "chair",
                         "--db", db_url)
    assert code == EXIT_OK, err
    assert "belum memiliki PIN" in err  # no PIN given: the judge gets one on a PIN slip later
    new_pin = tmp_path / "ani.txt"
    new_pin.write_text("318642\n", encoding="utf-8")
    code, out, err = run("judge", "add", "--event", event_id, "--name", "Budi", "--instansi", "USU",
                         "--role", "member", "--new-pin-file", str(new_pin), "--db", db_url)
    assert code == EXIT_OK, err
    with Database.open(db_url) as db, db.write() as s:
        assert auth.sign_in(s, event_id, "Budi", "318642").name == "Budi"
        ani = s.scalar(select(User).where(User.name == "Ani"))
        assert not ani.credential_hash  # the operator's OAOI_PIN was not given to the judge


# -- the judge's own command on their laptop --------------------------------------------------------
def _bundle_export(run, world: World, laptop: Database, out: Path) -> tuple[int, str, str]:
    secret = out.parent / "ani.pass"
    secret.write_text(passphrase("Ani") + "\n", encoding="utf-8")
    return run("bundle", "export", "--db", "sqlite:///" + str(laptop.sqlite_path), "--event", world.event_id,
               "--judge", "Ani", "--out", str(out), "--passphrase-file", str(secret))


def test_bundle_export_on_a_judge_laptop_needs_the_judges_pin(run, ani_laptop, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    world, laptop = ani_laptop
    out = tmp_path / "usb"
    code, _, err = _bundle_export(run, world, laptop, out)
    assert code == EXIT_FAILED and "PIN Ani" in err and not list(out.glob("*"))
    monkeypatch.setenv("OAOI_PIN", "975310")
    code, _, err = _bundle_export(run, world, laptop, out)
    assert code == EXIT_FAILED and "PIN atau frasa sandi salah" in err
    monkeypatch.setenv("OAOI_PIN", JUDGE_PIN)
    code, out_text, err = _bundle_export(run, world, laptop, out)
    assert code == EXIT_OK, err
    with laptop.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "bundle.exported"))
        assert (entry.actor, entry.actor_id) == ("Ani", uuid.UUID(world.judges["Ani"]))
    # another judge cannot export from Ani's laptop, even with a right PIN
    code, _, err = run("bundle", "export", "--db", "sqlite:///" + str(laptop.sqlite_path), "--event",
                       world.event_id, "--judge", "Budi", "--out", str(out))
    assert code == EXIT_FAILED and err.count("\n") == 1


# -- README's script, as a secretariat runs it ----------------------------------------------------
def test_the_readme_script_runs_with_oaoi_pin(tmp_path: Path) -> None:
    import os
    import subprocess

    exe = Path(sys.executable).with_name("oaoi")
    (tmp_path / "pin.txt").write_text(SECRETARIAT_PIN + "\n", encoding="utf-8")
    script = """
set -e
oaoi user add --role secretariat --name "Sekretariat Bappeda" --pin-file pin.txt
export OAOI_OPERATOR="Sekretariat Bappeda"
export OAOI_PIN="$(cat pin.txt)"
EVENT=$(oaoi event create --name "KIPP Kota Medan 2026" --rubric kipp-proposal --organiser "Pemerintah Kota Medan")
oaoi judge add --event "$EVENT" --name "Dr. Ani Lestari" --instansi "Universitas Sumatera Utara" --role chair
oaoi pin-slip --event "$EVENT" --judge "Dr. Ani Lestari" --format json > slip.json
unset OAOI_PIN
oaoi status < /dev/null
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OAOI_")}
    env.update(OAOI_HOME=str(tmp_path / "home"), OAOI_LANG="id", PATH=f"{exe.parent}{os.pathsep}{env['PATH']}")
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=300)
    # (README's script, shortened: each command is a new process.)  Every step but the last ran;
    # the last, without the PIN, is refused with one line
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert json.loads((tmp_path / "slip.json").read_text(encoding="utf-8"))["name"] == "Dr. Ani Lestari"
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("oaoi: Perintah `oaoi status` memerlukan masuk sebagai sekretariat")
    assert "Traceback" not in proc.stderr


def test_the_pin_is_asked_on_a_terminal_and_only_there(run, db_url: str, secretariat: uuid.UUID,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass
    import io

    monkeypatch.delenv("OAOI_PIN")
    prompts: list[str] = []

    def ask(prompt: str = "") -> str:
        prompts.append(prompt)
        return SECRETARIAT_PIN

    monkeypatch.setattr(getpass, "getpass", ask)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a pipe: never asked
    code, _, err = run("status", "--db", db_url)
    assert code == EXIT_FAILED and SIGN_IN_NEEDED in err and prompts == []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    code, out, err = run("status", "--db", db_url)
    assert code == EXIT_OK, err
    assert prompts == [f"PIN sekretariat ({SECRETARIAT_NAME}): "]


def test_a_database_without_an_active_secretariat_account_says_how_to_make_one(
        run, db: Database, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """E.g. a database made before this change by `oaoi --operator NAME ...`: judges, no secretariat."""
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani"])
    with db.write() as s:
        s.get(User, ACTOR.user_id).active = False
    act_as_test_secretariat(monkeypatch)
    code, _, err = run("rank", "--event", event_id, "--db", db_url)
    assert code == EXIT_FAILED and "belum punya akun sekretariat" in err and "oaoi user add" in err
    sign_out(monkeypatch)
    pin = tmp_path / "pin.txt"
    pin.write_text(SECRETARIAT_PIN + "\n", encoding="utf-8")
    code, out, err = run("user", "add", "--role", "secretariat", "--name", SECRETARIAT_NAME, "--pin-file", str(pin),
                         "--db", db_url)
    assert code == EXIT_OK, err
    code, out, err = run("rank", "--event", event_id, "--db", db_url, "--pin-file", str(pin), "--format", "json")
    assert code == EXIT_OK and json.loads(out) == [], err
