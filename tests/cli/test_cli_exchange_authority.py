"""``oaoi bundle import`` / ``oaoi package export`` and the exchange's authority rules (issues 12 and 13):
exit codes and what the operator reads."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "exchange"))

from exchange_world import CA_PASS, World, make_world, passphrase, store_fingerprint  # noqa: E402
from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL  # noqa: E402
from oaoi_desktop.services import sheets  # noqa: E402
from oaoi_desktop.store import models  # noqa: E402
from support.builders import ACTOR, KIPP_CRITERIA  # noqa: E402
from support.cli_signin import cli_runner  # noqa: E402


@pytest.fixture
def world(tmp_path: Path):
    w = make_world(tmp_path / "panel")
    yield w
    w.close()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], test_secretariat: None):  # type: ignore[no-untyped-def]
    """The secretariat's commands, signed in as the tests' secretariat account (the world makes it)."""
    return cli_runner(capsys)


def test_bundle_import_of_an_empty_folder_is_not_a_success(world: World, run, tmp_path: Path) -> None:
    empty = tmp_path / "usb-kosong"
    empty.mkdir()
    (empty / "catatan.txt").write_text("bukan bundel", encoding="utf-8")
    code, out, err = run("bundle", "import", str(empty), "--db", str(world.sec.sqlite_path),
                         "--event", world.event_id)
    assert code == EXIT_FAILED
    assert "Tidak ada bundel juri" in err and str(empty) in err and "Traceback" not in err


def test_a_sheet_reopened_on_the_laptop_is_reported_and_exits_2(world: World, run) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-003", {c: 5 for c in KIPP_CRITERIA})
    assert world.merge(world.bundle_from(ani, "Ani", world.root / "b1")).ok
    with ani.write() as s:  # what someone holding the laptop's database file does
        sheet = s.scalar(select(models.ScoreSheet))
        sheet.status, sheet.submitted_at = models.SheetStatus.DRAFT, None
    world.score_on(ani, "Ani", "KIPP-003", {c: 7 for c in KIPP_CRITERIA})
    bundle = world.bundle_from(ani, "Ani", world.root / "b2")
    before = store_fingerprint(world.sec, world.event_id)
    code, out, err = run("bundle", "import", str(bundle), "--db", str(world.sec.sqlite_path),
                         "--event", world.event_id)
    assert code == EXIT_PARTIAL
    assert "KIPP-003" in err and "bundel tidak boleh mengubahnya" in err
    assert "diperbarui 0" in out and "konflik 1" in out
    assert store_fingerprint(world.sec, world.event_id)[2:] == before[2:]


def test_package_export_asks_for_the_ca_passphrase_only_when_a_sheet_was_unlocked(
        world: World, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "ani.pass"
    secret.write_text(passphrase("Ani") + "\n", encoding="utf-8")
    sec = str(world.sec.sqlite_path)
    args = ("package", "export", "--db", sec, "--event", world.event_id, "--judge", "Ani",
            "--passphrase-file", str(secret))
    code, out, err = run(*args, "--out", str(tmp_path / "p1"))
    assert code == EXIT_OK, err
    ani = world.set_up_laptop("Ani", package=tmp_path / "p1")
    world.score_on(ani, "Ani", "KIPP-001", {c: 6 for c in KIPP_CRITERIA})
    assert world.merge(world.bundle_from(ani, "Ani")).ok
    with world.sec.write() as s:
        sheets.unlock_sheet(s, s.scalar(select(models.ScoreSheet)), ACTOR, "Komentar perlu diperbaiki")
    monkeypatch.delenv("OAOI_CA_PASSPHRASE", raising=False)
    code, out, err = run(*args, "--out", str(tmp_path / "p2"))
    assert code == EXIT_FAILED and "frasa sandi CA" in err and "Traceback" not in err
    assert not (tmp_path / "p2" / "oaoi-package.json").exists()
    ca = tmp_path / "ca.pass"
    ca.write_text(CA_PASS + "\n", encoding="utf-8")
    code, out, err = run(*args, "--out", str(tmp_path / "p3"), "--ca-passphrase-file", str(ca))
    assert code == EXIT_OK, err
    monkeypatch.setenv("OAOI_CA_PASSPHRASE", CA_PASS)
    code, out, err = run(*args, "--out", str(tmp_path / "p4"))
    assert code == EXIT_OK, err
