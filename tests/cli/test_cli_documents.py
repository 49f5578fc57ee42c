"""``oaoi export sheets|results|ranking|minutes`` and ``oaoi event letterhead``: files, exit codes, messages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, main
from oaoi_desktop.services import documents, events
from oaoi_desktop.store.database import Database
from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score



@pytest.fixture
def ev(db: Database) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi"])
    for n in ("P-1", "P-2"):
        add_dossier(db, eid, n)
        for j in ("Ani", "Budi"):
            score(db, eid, j, n, {c: 8 for c in KIPP_CRITERIA})
    return eid


def test_help() -> None:
    for kind in ("sheets", "results", "ranking", "minutes"):
        assert main(["export", kind, "--help"]) == EXIT_OK
    assert main(["event", "letterhead", "--help"]) == EXIT_OK


@pytest.mark.parametrize("kind,count", [("sheets", 4), ("results", 2), ("ranking", 2), ("minutes", 1)])
def test_export_writes_files_and_no_temp(run, ev, tmp_path, kind, count) -> None:
    out = tmp_path / "out"
    code, stdout, err = run("export", kind, "--event", ev, "--out", str(out))
    assert code == EXIT_OK, err
    files = sorted(out.iterdir())
    assert len(files) == count
    assert all(f.suffix == ".pdf" and not f.name.startswith(".") for f in files)
    assert str(count) in err
    for f in files:
        assert PdfReader(str(f)).metadata["/OaoiEventId"] == ev


def test_export_english_f4_minutes_with_date_and_place(run, ev, tmp_path) -> None:
    code, out, err = run("export", "minutes", "--event", ev, "--out", str(tmp_path), "--lang", "en", "--paper", "f4",
                         "--date", "2026-11-28", "--place", "Balai Kota Medan")
    assert code == EXIT_OK, err
    pdf = Path(out.strip().splitlines()[0])
    reader = PdfReader(str(pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "MINUTES OF THE ASSESSMENT RESULTS" in text and "Saturday, 28 November 2026" in text
    assert "Balai Kota Medan" in text
    assert round(float(reader.pages[0].mediabox.height) / 72 * 25.4) == 330


def test_bad_input_exit_1(run, ev, db, tmp_path) -> None:
    code, out, err = run("export", "ranking", "--event", "Tidak Ada", "--out", str(tmp_path))
    assert code == EXIT_FAILED and "Tidak Ada" in err and "Traceback" not in err
    empty = make_event(db, name="Kosong 2026")
    code, out, err = run("export", "results", "--event", empty, "--out", str(tmp_path / "x"))
    assert code == EXIT_FAILED and "belum memiliki lembar penilaian" in err
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    code, out, err = run("export", "sheets", "--event", ev, "--out", str(blocker / "sub"))
    assert code == EXIT_FAILED and str(blocker / "sub") in err
    code, out, err = run("export", "minutes", "--event", ev, "--out", str(tmp_path), "--date", "28-11-2026")
    assert code != EXIT_OK


def test_letterhead(run, ev, db, tmp_path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), (20, 80, 160)).save(logo)
    code, out, err = run("event", "letterhead", "--event", ev, "--logo", str(logo), "--line", "PEMERINTAH KOTA MEDAN",
                         "--line", "BAPPEDA", "--code", "BAPPEDA")
    assert code == EXIT_OK, err
    with db.read() as s:
        e = events.get_event(s, ev)
        head = documents.letterhead(db, e)
        assert head.lines == ("PEMERINTAH KOTA MEDAN", "BAPPEDA") and head.logo == logo.read_bytes()
    code, out, err = run("export", "ranking", "--event", ev, "--out", str(tmp_path / "o"), "--group-by", "")
    assert code == EXIT_OK, err
    pdf = Path(out.strip().splitlines()[0])
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "PEMERINTAH KOTA MEDAN" in text and "/RP/BAPPEDA/" in text
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    code, out, err = run("event", "letterhead", "--event", ev, "--logo", str(bad))
    assert code == EXIT_FAILED and "bad.png" in err
