"""``oaoi package export|import`` and ``oaoi bundle export|import|conflicts|resolve``: outputs and exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "exchange"))

from exchange_world import SCORES, World, make_world, passphrase, store_fingerprint  # noqa: E402
from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main  # noqa: E402
from oaoi_desktop.store.database import Database  # noqa: E402
from exchange_world import PIN  # noqa: E402
from support.builders import KIPP_CRITERIA, ensure_secretariat  # noqa: E402
from support.cli_signin import cli_runner  # noqa: E402


@pytest.fixture
def world(tmp_path: Path):
    w = make_world(tmp_path / "panel")
    ensure_secretariat(w.sec)
    yield w
    w.close()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], test_secretariat: None):  # type: ignore[no-untyped-def]
    """The secretariat's commands, signed in as the tests' secretariat account."""
    return cli_runner(capsys)


def _secret_file(tmp_path: Path, judge: str) -> str:
    path = tmp_path / f"{judge}.pass"
    path.write_text(passphrase(judge) + "\n", encoding="utf-8")
    return str(path)


def test_help_on_every_command() -> None:
    for cmd in (["package", "export"], ["package", "import"], ["bundle", "export"], ["bundle", "import"],
                ["bundle", "conflicts"], ["bundle", "resolve"]):
        assert main([*cmd, "--help"]) == EXIT_OK, cmd


def test_full_exchange_through_the_command_line(world: World, run, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    sec = str(world.sec.sqlite_path)
    laptop = str(tmp_path / "laptop-ani.sqlite")
    secret = _secret_file(tmp_path, "Ani")
    (tmp_path / "usb").mkdir()  # the stick is plugged in: only the last level is made
    usb = tmp_path / "usb" / "ani"
    code, out, err = run("package", "export", "--db", sec, "--event", world.event_id, "--judge", "Ani",
                         "--out", str(usb), "--passphrase-file", secret)
    assert code == EXIT_OK, err
    assert "Paket untuk Ani ditulis" in out and str(usb) in out
    # the passphrase may come from the environment when there is no terminal
    monkeypatch.setenv("OAOI_PASSPHRASE", passphrase("Ani"))
    code, out, err = run("package", "import", str(usb), "--db", laptop)
    assert code == EXIT_OK, err
    assert "Paket generasi 1 diterapkan untuk Ani" in out
    monkeypatch.delenv("OAOI_PASSPHRASE")
    db = Database.open("sqlite:///" + laptop)
    world.laptops["Ani"] = db  # closed with the world
    from oaoi_desktop.services import accounts, events, judging

    with db.write() as s:
        ev = events.get_event(s, world.event_id)
        judging.declare_integrity(s, ev, accounts.find_judge(s, ev, "Ani"))
    for number, values in SCORES["Ani"].items():
        world.score_on(db, "Ani", number, values)
    out_dir = tmp_path / "usb" / "kembali"
    judge_pin = tmp_path / "ani.pin"  # the judge signs in on their laptop with their own PIN
    judge_pin.write_text(PIN + "\n", encoding="utf-8")
    code, out, err = run("bundle", "export", "--db", laptop, "--event", world.event_id, "--judge", "Ani",
                         "--out", str(out_dir), "--passphrase-file", secret, "--pin-file", str(judge_pin))
    assert code == EXIT_OK, err
    good = next(out_dir.glob("*.oaoi-bundle"))
    assert str(good) in out
    bad = tmp_path / "rusak.oaoi-bundle"
    bad.write_bytes(good.read_bytes()[:500])
    code, out, err = run("bundle", "import", str(good), str(bad), "--db", sec, "--event", world.event_id)
    assert code == EXIT_PARTIAL
    assert f"{good}: digabung (Ani)" in out and "baru 4" in out
    assert str(bad) in err and "terpotong" in err
    before = store_fingerprint(world.sec, world.event_id)
    code, out, err = run("bundle", "import", str(out_dir), "--db", sec, "--event", world.event_id,
                         "--format", "json")
    assert code == EXIT_OK, err
    doc = json.loads(out)
    assert [f["status"] for f in doc["files"]] == ["already_merged"] and doc["open_conflicts"] == 0
    assert store_fingerprint(world.sec, world.event_id) == before
    code, out, err = run("bundle", "import", str(bad), "--db", sec, "--event", world.event_id, "--format", "csv")
    assert code == EXIT_PARTIAL and str(bad) in err
    assert out.splitlines()[0].startswith("file,status,judge,added") and ",rejected," in out
    code, out, err = run("bundle", "import", str(good), "--db", sec, "--event", "Tidak Ada")
    assert code == EXIT_FAILED and "Tidak Ada" in err and "Traceback" not in err


def test_conflicts_listed_and_resolved_from_the_command_line(world: World, run, tmp_path: Path) -> None:
    package = world.export_package("Ani")
    one = world.set_up_laptop("Ani", "one", package)
    two = world.set_up_laptop("Ani", "two", package)
    world.score_on(one, "Ani", "KIPP-003", {c: 9 for c in KIPP_CRITERIA})
    world.score_on(two, "Ani", "KIPP-003", {c: 5 for c in KIPP_CRITERIA})
    world.merge(world.bundle_from(one, "Ani", tmp_path / "a"), world.bundle_from(two, "Ani", tmp_path / "b"))
    sec = str(world.sec.sqlite_path)
    code, out, err = run("bundle", "conflicts", "--db", sec, "--event", world.event_id, "--format", "json")
    assert code == EXIT_OK, err
    rows = json.loads(out)
    assert len(rows) == 1 and rows[0]["dossier"] == "KIPP-003" and "kebaruan=9" in rows[0]["stored"]
    code, out, err = run("bundle", "resolve", "--db", sec, "--event", world.event_id, "--conflict", rows[0]["id"],
                         "--keep", "stored", "--reason", "Laptop pertama adalah laptop resmi juri")
    assert code == EXIT_OK, err
    assert "KIPP-003" in out
    code, out, err = run("bundle", "conflicts", "--db", sec, "--event", world.event_id)
    assert code == EXIT_OK and "Tidak ada konflik terbuka" in out
    code, out, err = run("bundle", "resolve", "--db", sec, "--event", world.event_id, "--conflict", rows[0]["id"],
                         "--keep", "stored", "--reason", "lagi")
    assert code == EXIT_FAILED and "sudah diselesaikan" in err


def test_wrong_passphrase_on_import_is_one_line(world: World, run, tmp_path: Path) -> None:
    usb = world.export_package("Ani")
    wrong = tmp_path / "wrong.pass"
    wrong.write_text("bukan-frasa-sandinya", encoding="utf-8")
    code, out, err = run("package", "import", str(usb), "--db", str(tmp_path / "x.sqlite"),
                         "--passphrase-file", str(wrong))
    assert code == EXIT_FAILED
    assert "Frasa sandi salah" in err and str(usb) in err and err.count("\n") == 1
