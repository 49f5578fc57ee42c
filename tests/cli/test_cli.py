"""The ``oaoi`` command line: outputs, exit codes and error paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from oaoi_desktop.cli import main
from support.builders import RUBRICS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str]):
    def _run(*args: str, db: bool = True) -> tuple[int, str, str]:
        argv = list(args) + (["--db", db_url] if db else [])
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _event(run, name: str = "KIPP Kota Medan 2026") -> str:
    code, out, err = run("event", "create", "--name", name, "--rubric", "kipp-proposal")
    assert code == 0, err
    return out.strip()


def test_help_on_every_command() -> None:
    commands = [[], ["init"], ["status"], ["user", "add"], ["event", "create"], ["event", "list"],
                ["judge", "add"], ["judge", "list"], ["rubric", "validate"], ["rubric", "show"], ["rank"]]
    for cmd in commands:
        assert main([*cmd, "--help"]) == 0, cmd


def test_help_speaks_indonesian_by_default_and_english_on_request(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "penggunaan:" in out and "tampilkan bantuan ini" in out and "kegiatan penilaian" in out
    assert main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert "usage:" in out and "evaluation events" in out


@pytest.fixture
def signed_in(secretariat):  # type: ignore[no-untyped-def]
    """The secretariat account made with ``oaoi user add``; commands sign in as it (OAOI_OPERATOR/OAOI_PIN)."""
    return secretariat


def test_bad_arguments_exit_1_with_one_line_and_no_traceback(run) -> None:
    code, out, err = run("event", "create", "--name", "X")
    assert code == 1
    assert "--rubric" in err and "Traceback" not in err


def test_event_create_prints_only_the_new_id(run, signed_in) -> None:
    event_id = _event(run)
    assert str(uuid.UUID(event_id)) == event_id
    code, out, _ = run("event", "list", "--format", "csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == "id,name,status,rubric,dossiers,judges,sheets_submitted"
    assert lines[1].startswith(f"{event_id},KIPP Kota Medan 2026,draft,")


def test_event_create_with_an_unknown_rubric_fails_cleanly(run, signed_in) -> None:
    code, out, err = run("event", "create", "--name", "X", "--rubric", "tidak-ada")
    assert code == 1 and out == ""
    assert "tidak-ada" in err and "Traceback" not in err


def test_event_create_with_a_broken_rubric_lists_its_problems(run, signed_in, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text((RUBRICS / "kipp-proposal.toml").read_text(encoding="utf-8").replace("pass_mark = 85", "pass_mark = 185"),
                      encoding="utf-8")
    code, _, err = run("event", "create", "--name", "X", "--rubric", str(broken))
    assert code == 1
    assert "broken.toml" in err and "pass_mark" in err


def test_judge_add_prints_id_and_unknown_event_fails(run, signed_in) -> None:
    event_id = _event(run)
    code, out, err = run("judge", "add", "--event", event_id, "--name", "Dr. Ani Lestari",
                         "--instansi", "Universitas Sumatera Utara", "--role", "chair")
    assert code == 0
    assert str(uuid.UUID(out.strip())) == out.strip()
    code, out, _ = run("judge", "list", "--event", "KIPP Kota Medan 2026", "--format", "json")
    assert json.loads(out)[0]["name"] == "Dr. Ani Lestari"
    code, out, err = run("judge", "add", "--event", "Tidak Ada", "--name", "B", "--instansi", "X", "--role", "member")
    assert code == 1 and out == ""
    assert "Tidak Ada" in err and "Traceback" not in err


def test_duplicate_judge_is_refused(run, signed_in) -> None:
    event_id = _event(run)
    args = ("judge", "add", "--event", event_id, "--name", "Budi", "--instansi", "X", "--role", "member")
    assert run(*args)[0] == 0
    code, _, err = run(*args)
    assert code == 1 and "Budi" in err


def test_user_add_reads_the_pin_from_a_file_or_the_environment(run, tmp_path: Path, monkeypatch) -> None:
    pin = tmp_path / "pin.txt"
    pin.write_text("482913\n", encoding="utf-8")
    # the first account on an empty database: no sign-in; its own PIN from --pin-file
    code, out, err = run("user", "add", "--role", "secretariat", "--name", "Sekretariat Bappeda", "--pin-file", str(pin))
    assert code == 0, err
    uuid.UUID(out.strip())
    # the next ones: the first signs in (OAOI_PIN); the new account's PIN from --new-pin-file or OAOI_NEW_PIN
    monkeypatch.setenv("OAOI_PIN", "482913")
    code, _, err = run("user", "add", "--role", "secretariat", "--name", "Tanpa PIN")
    assert code == 1 and "OAOI_NEW_PIN" in err
    monkeypatch.setenv("OAOI_NEW_PIN", "913482")
    code, out, err = run("user", "add", "--role", "secretariat", "--name", "Dari Variabel",
                         "--operator", "Sekretariat Bappeda")
    assert code == 0, err
    code, out, _ = run("status", "--format", "json", "--operator", "Dari Variabel", "--pin-file", str(pin))
    assert code == 1  # Dari Variabel's PIN is 913482, not the file's
    monkeypatch.setenv("OAOI_PIN", "913482")
    code, out, _ = run("status", "--format", "json", "--operator", "Dari Variabel")
    assert json.loads(out)["secretariat_accounts"] == 2


def test_missing_pin_file_is_a_clear_error(run, tmp_path: Path) -> None:
    code, out, err = run("user", "add", "--role", "secretariat", "--name", "S", "--pin-file", str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt" in err and "Traceback" not in err


def test_rubric_validate_passes_shipped_rubrics(run) -> None:
    files = sorted(str(p) for p in RUBRICS.glob("*.toml"))
    code, out, err = run("rubric", "validate", *files, db=False)
    assert code == 0, err
    assert out.count("valid") == len(files) >= 3


def test_rubric_validate_reports_every_problem_with_file_and_line(run, tmp_path: Path) -> None:
    text = (RUBRICS / "kipp-proposal.toml").read_text(encoding="utf-8")
    text = text.replace("pass_mark = 85", "pass_mark = 120")
    text = text.replace('"signifikansi", "adaptabilitas"', '"signifikan", "adaptabilitas"')
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run("rubric", "validate", str(bad), str(RUBRICS / "kipp-proposal.toml"), db=False)
    assert code == 1
    assert "bad.toml:" in err and "pass_mark" in err and "signifikan" in err
    assert "kipp-proposal.toml: valid" in out


def test_rubric_validate_on_a_file_that_is_not_toml(run, tmp_path: Path) -> None:
    bad = tmp_path / "garbage.toml"
    bad.write_bytes(b"\xff\xfe not toml [[[")
    code, _, err = run("rubric", "validate", str(bad), db=False)
    assert code == 1 and "garbage.toml" in err and "Traceback" not in err


def test_rubric_show_prints_the_criteria_table_in_both_languages(run) -> None:
    code, out, _ = run("rubric", "show", "kipp-proposal", db=False)
    assert code == 0
    assert "Signifikansi" in out and "25" in out and "Bobot" in out
    code, out, _ = run("--lang", "en", "rubric", "show", str(RUBRICS / "kipp-proposal.toml"), db=False)
    assert code == 0 and "Weight" in out and "Pass mark 85" in out


def test_status_on_an_empty_database_names_the_next_step(run) -> None:
    code, out, _ = run("status")
    assert code == 0
    assert "oaoi event create" in out


def test_english_errors_with_lang_en(run, signed_in) -> None:
    code, _, err = run("--lang", "en", "judge", "list", "--event", "Nope")
    assert code == 1 and "No event 'Nope'" in err


def test_rank_command_ranks_scored_dossiers(run, signed_in, db_url: str) -> None:
    from oaoi_desktop.store.database import Database
    from support.builders import KIPP_CRITERIA, add_dossier, add_judges, ensure_secretariat, score, uniform

    event_id = _event(run)
    db = Database.open(db_url)
    ensure_secretariat(db)  # the builders act as their own secretariat account
    add_judges(db, event_id, ["A", "B"])
    add_dossier(db, event_id, "P-1", kategori="Kesehatan")
    add_dossier(db, event_id, "P-2", kategori="Kesehatan")
    score(db, event_id, "A", "P-1", uniform(KIPP_CRITERIA, 9))
    score(db, event_id, "B", "P-1", uniform(KIPP_CRITERIA, 9))
    score(db, event_id, "A", "P-2", uniform(KIPP_CRITERIA, 7))
    add_judges(db, event_id, ["C"])
    add_dossier(db, event_id, "P-3", kategori="Kesehatan")
    for judge, value in (("A", 6), ("B", 6), ("C", 7)):  # mean 190/3: no finite decimal
        score(db, event_id, judge, "P-3", uniform(KIPP_CRITERIA, value))
    db.close()
    code, out, err = run("rank", "--event", event_id, "--format", "csv")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0] == "group,rank,number,title,score,passed,judges,judge_totals,notes,complete"
    assert lines[1].startswith("Kesehatan / umum,1,P-1,Inovasi P-1,90,true,2,")
    assert lines[2].startswith("Kesehatan / umum,2,P-2,Inovasi P-2,70,false,1,")
    # an exact score with no finite decimal is written as canonical decimal text, never "190/3"
    assert lines[3].startswith("Kesehatan / umum,3,P-3,Inovasi P-3,63.333333333333,false,3,"), lines[3]
    code, _, err = run("rank", "--event", event_id, "--group-by", "warna")
    assert code == 1 and "warna" in err


def test_entry_point_runs_as_a_program(tmp_path: Path) -> None:
    env = dict(os.environ, OAOI_HOME=str(tmp_path))
    exe = Path(sys.executable).with_name("oaoi")
    proc = subprocess.run([str(exe), "event", "list"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Belum ada kegiatan" in proc.stdout
    proc = subprocess.run([str(exe), "judge", "list", "--event", "x"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1


def test_global_options_work_before_and_after_the_command(db_url: str, capsys, signed_in) -> None:
    assert main(["--db", db_url, "event", "create", "--name", "Sebelum", "--rubric", "kipp-proposal"]) == 0
    capsys.readouterr()
    assert main(["event", "list", "--db", db_url, "--format", "csv"]) == 0
    assert "Sebelum" in capsys.readouterr().out
    assert main(["--db", db_url, "--lang", "en", "status"]) == 0
    out = capsys.readouterr().out
    assert db_url.removeprefix("sqlite:///") in out and "Database" in out


def test_cli_speaks_the_language_chosen_in_the_app(db_url: str, capsys, monkeypatch, signed_in) -> None:
    from oaoi_desktop.ui.settings import LANGUAGE, Settings

    monkeypatch.delenv("OAOI_LANG", raising=False)
    settings = Settings.open()
    settings.set_value(LANGUAGE, "en")
    settings.sync()
    assert main(["judge", "list", "--event", "Nope", "--db", db_url]) == 1
    assert "No event 'Nope'" in capsys.readouterr().err
    settings.set_value(LANGUAGE, "id")
    settings.sync()
    assert main(["judge", "list", "--event", "Nope", "--db", db_url]) == 1
    assert "Kegiatan 'Nope' tidak ditemukan" in capsys.readouterr().err
