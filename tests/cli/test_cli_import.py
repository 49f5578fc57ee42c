"""``oaoi import``: summary, CSV report, exit codes, progress, language."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from oaoi_desktop.cli import main
from support.cli_signin import cli_runner
from support.packages import default_files, valid_document, write_folder


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str], secretariat):  # type: ignore[no-untyped-def]
    """Signed in as the secretariat account made with ``oaoi user add``."""
    return cli_runner(capsys, db_url)


@pytest.fixture
def event_id(run) -> str:  # type: ignore[no-untyped-def]
    code, out, err = run("event", "create", "--name", "KIPP Kota Medan 2026", "--rubric", "kipp-proposal")
    assert code == 0, err
    return out.strip()


def _batch(tmp_path: Path) -> Path:
    batch = tmp_path / "usb"
    write_folder(batch / "usulan-01", number="KIPP-001")
    doc = valid_document("KIPP-002", klaster="kotamadya")
    write_folder(batch / "usulan-02", doc, default_files("KIPP-002"), number="KIPP-002")
    return batch


def test_help() -> None:
    assert main(["import", "--help"]) == 0


def test_a_clean_import_exits_0_with_a_summary(run, event_id: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("import", str(write_folder(tmp_path / "p")), "--event", event_id)
    assert code == 0, err
    assert "1 diimpor, 0 diperbarui, 0 tidak berubah, 0 ditolak" in out
    assert "1/1 proposal" in err  # plain progress lines when stderr is not a terminal
    code, out, _ = run("import", str(write_folder(tmp_path / "p")), "--event", "KIPP Kota Medan 2026")
    assert code == 0 and "1 tidak berubah" in out


def test_rejections_exit_2_and_the_csv_report_lists_every_problem(run, event_id: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "laporan.csv"
    code, out, err = run("--lang", "en", "import", str(_batch(tmp_path)), "--event", event_id, "--report", str(report),
                         "--quiet")
    assert code == 2
    assert "rejected: usb/usulan-02 (KIPP-002)" in out
    assert "error: usb/usulan-02/dossier.json: klaster: Unknown klaster 'kotamadya'" in out
    assert "Done in" in out and "1 imported" in out and "1 rejected" in out
    assert "proposal" not in err and "dossiers ·" not in err  # --quiet
    rows = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["source", "number", "title", "outcome", "severity", "file", "field", "message"]
    assert [(r["source"], r["outcome"], r["severity"], r["field"]) for r in rows] == [
        ("usb/usulan-01", "imported", "", ""), ("usb/usulan-02", "rejected", "error", "klaster")]
    assert rows[1]["message"].startswith("Unknown klaster 'kotamadya'")


def test_the_report_speaks_indonesian_by_default(run, event_id: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "laporan.csv"
    code, out, _ = run("import", str(_batch(tmp_path)), "--event", event_id, "--report", str(report))
    assert code == 2
    assert "ditolak: usb/usulan-02 (KIPP-002)" in out and "galat: " in out
    text = report.read_text(encoding="utf-8")
    assert "Klaster 'kotamadya' tidak dikenal" in text


def test_could_not_run_exits_1(run, event_id: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("import", str(tmp_path / "tidak-ada"), "--event", event_id)
    assert code == 1 and out == "" and "tidak-ada" in err and "Traceback" not in err
    code, out, err = run("import", str(write_folder(tmp_path / "p")), "--event", "Tidak Ada")
    assert code == 1 and "Tidak Ada" in err and "Traceback" not in err
    code, _out, err = run("import", "--event", event_id)
    assert code == 1


def test_a_missing_path_beside_a_good_one_is_a_rejection(run, event_id: str, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("import", str(write_folder(tmp_path / "p")), str(tmp_path / "hilang"), "--event", event_id)
    assert code == 2
    assert "hilang" in out and "tidak ada" in out


def test_csv_and_json_output_for_scripts(run, event_id: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    code, out, err = run("import", str(_batch(tmp_path)), "--event", event_id, "--format", "csv", "--quiet")
    assert code == 2
    assert out.splitlines()[0] == "source,number,title,outcome,severity,file,field,message"
    assert "ditolak" in err  # the summary goes to stderr when stdout is for scripts
    code, out, _ = run("import", str(_batch(tmp_path)), "--event", event_id, "--format", "json", "--quiet")
    doc = json.loads(out)
    assert code == 2 and doc["counts"] == {"imported": 0, "unchanged": 1, "updated": 0, "rejected": 1}
    assert doc["rows"][1]["field"] == "klaster"
