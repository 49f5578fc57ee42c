"""``oaoi forms``, ``oaoi scores import|unlock``, ``oaoi conflicts``, ``oaoi pin-slip``: outputs and exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main
from oaoi_desktop.services import auth, judging
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import ScoreSheet
from support import judging_builders as jb
from support.builders import KIPP_CRITERIA



@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    jb.judge(db, eid, "Budi")
    for n in ("P-1", "P-2"):
        jb.dossier(db, eid, n)
        jb.assign(db, eid, "Ani", n)
    jb.assign(db, eid, "Budi", "P-1")
    return eid


def scores_csv(path: Path, rows: list[tuple[str, str, int]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["judge", "dossier", "criterion", "score", "comment"])
        for judge, dossier, value in rows:
            for c in KIPP_CRITERIA:
                w.writerow([judge, dossier, c, value, "" if value >= 5 else "lemah"])
    return path


def test_help_on_every_new_command() -> None:
    for cmd in (["forms"], ["scores"], ["scores", "import"], ["scores", "unlock"], ["conflicts"], ["pin-slip"]):
        assert main([*cmd, "--help"]) == EXIT_OK, cmd


def test_forms_writes_one_pdf_per_judge(run, ev: str, tmp_path: Path) -> None:
    code, out, err = run("forms", "--event", ev, "--out", str(tmp_path / "cetak"))
    assert code == EXIT_OK, err
    paths = [Path(line) for line in out.splitlines()]
    assert len(paths) == 2 and all(p.exists() for p in paths)
    assert sorted(len(PdfReader(str(p)).pages) for p in paths) == [1, 2]
    assert "2 berkas formulir ditulis" in err
    code, out, err = run("forms", "--event", ev, "--out", str(tmp_path / "budi"), "--judge", "Budi")
    assert code == EXIT_OK and len(out.splitlines()) == 1


def test_forms_failures_exit_1_without_traceback(run, ev: str, tmp_path: Path, db: Database) -> None:
    code, out, err = run("forms", "--event", "Tidak Ada", "--out", str(tmp_path))
    assert code == EXIT_FAILED and out == "" and "Tidak Ada" in err and "Traceback" not in err
    code, _, err = run("forms", "--event", ev, "--out", str(tmp_path), "--judge", "Zaenal")
    assert code == EXIT_FAILED and "Zaenal" in err
    jb.judge(db, ev, "Citra")
    code, out, err = run("forms", "--event", ev, "--out", str(tmp_path / "citra"), "--judge", "Citra")
    assert code == EXIT_FAILED and out == "" and "Tidak ada proposal" in err
    assert not (tmp_path / "citra").exists()


def test_scores_import_exit_codes(run, ev: str, tmp_path: Path, db: Database) -> None:
    from oaoi_desktop import config

    good = scores_csv(tmp_path / "baik.csv", [("Ani", "P-1", 8), ("Budi", "P-1", 9)])
    code, out, err = run("scores", "import", str(good), "--event", ev, "--format", "csv")
    assert code == EXIT_OK, err
    if db.is_sqlite:  # the automatic backup before every import (PostgreSQL: pg_dump is the tool)
        assert len(list(config.backup_dir().glob("*-pre-import.sqlite"))) == 1
    lines = out.strip().splitlines()
    assert lines[0] == "judge,dossier,stage,status,total,rows"
    assert lines[1].startswith("Ani,P-1,proposal,imported,80,")
    assert "2 lembar diimpor, 0 tidak berubah, 0 ditolak" in err
    code, _, err = run("scores", "import", str(good), "--event", ev)
    assert code == EXIT_OK and "0 lembar diimpor, 2 tidak berubah" in err

    bad = scores_csv(tmp_path / "salah.csv", [("Ani", "P-2", 7), ("Budi", "P-2", 7)])
    code, out, err = run("scores", "import", str(bad), "--event", ev, "--format", "json")
    assert code == EXIT_PARTIAL
    doc = json.loads(out)
    assert doc["imported"] == 1 and doc["rejected"] == 1
    assert [p["rows"][0] for p in doc["problems"] if p["message_id"] == "paper.not_assigned"] == list(range(9, 16))
    assert "salah.csv baris 9: Budi tidak ditugaskan menilai proposal P-2" in err
    assert "Traceback" not in err

    code, out, err = run("scores", "import", str(tmp_path / "hilang.csv"), "--event", ev)
    assert code == EXIT_FAILED and "hilang.csv" in err and "Traceback" not in err
    broken = tmp_path / "kolom.csv"
    broken.write_text("penilai,nilai\nAni,8\n", encoding="utf-8")
    code, _, err = run("scores", "import", str(broken), "--event", ev)
    assert code == EXIT_FAILED and "dossier, criterion" in err


def test_scores_import_second_entry_mismatch_exits_2_and_imports_nothing(run, ev: str, tmp_path: Path,
                                                                         db: Database) -> None:
    first = scores_csv(tmp_path / "a.csv", [("Ani", "P-1", 8)])
    second = scores_csv(tmp_path / "b.csv", [("Ani", "P-1", 9)])
    code, out, err = run("--lang", "en", "scores", "import", str(first), "--event", ev, "--second-entry", str(second))
    assert code == EXIT_PARTIAL
    assert err.count("scores differ") == 7 and "nothing is imported until they agree" in err
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScoreSheet)) == 0
    code, _, err = run("scores", "import", str(first), "--event", ev, "--second-entry", str(first))
    assert code == EXIT_OK, err


def test_unlock_conflicts_and_pin_slip(run, ev: str, tmp_path: Path, db: Database) -> None:
    scores_csv(tmp_path / "a.csv", [("Ani", "P-1", 8)])
    assert run("scores", "import", str(tmp_path / "a.csv"), "--event", ev)[0] == EXIT_OK
    code, _, err = run("scores", "unlock", "--event", ev, "--judge", "Ani", "--dossier", "P-1")
    assert code == EXIT_FAILED and "--reason" in err
    code, out, err = run("scores", "unlock", "--event", ev, "--judge", "Ani", "--dossier", "P-1",
                         "--reason", "Salah ketik nilai kebaruan")
    assert code == EXIT_OK, err
    assert "dibuka kembali" in out
    code, _, err = run("scores", "unlock", "--event", ev, "--judge", "Ani", "--dossier", "P-1", "--reason", "lagi")
    assert code == EXIT_FAILED and "belum dikirim" in err
    code, _, err = run("scores", "unlock", "--event", ev, "--judge", "Budi", "--dossier", "P-2", "--reason", "x")
    assert code == EXIT_FAILED and "Tidak ada lembar penilaian" in err

    code, out, _ = run("conflicts", "--event", ev)
    assert code == EXIT_OK and "Belum ada" in out
    jb.declare(db, ev, "Ani")
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        judging.declare_conflict(s, event, ani, "P-2", "Pengusul adalah kakak saya")
    code, out, _ = run("conflicts", "--event", ev, "--format", "csv")
    rows = list(csv.DictReader(out.splitlines()))
    assert [(r["judge"], r["dossier"], r["reason"]) for r in rows] == [("Ani", "P-2", "Pengusul adalah kakak saya")]

    code, out, err = run("pin-slip", "--event", ev, "--judge", "Budi", "--format", "json")
    assert code == EXIT_OK, err
    slip = json.loads(out)
    assert len(slip["pin"]) == 6 and len(slip["recovery_code"]) == 19
    with db.write() as s:
        assert auth.sign_in(s, ev, "Budi", slip["pin"]).name == "Budi"
    code, out, err = run("pin-slip", "--event", ev, "--judge", "Budi")
    assert code == EXIT_OK and "PIN" in out and "Kode pemulihan" in out and "tidak ditampilkan lagi" in err
