"""XLSX and CSV exports: contents, formula-injection escaping, atomic writes."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import events, exports
from oaoi_desktop.store.database import Database
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA, score, uniform

EVIL = ["=HYPERLINK(\"http://x\",\"klik\")", "+62 811", "-5 poin", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    jb.judge(db, eid, "=Budi")
    jb.dossier(db, eid, "P-1", title="=cmd|' /C calc'!A0", kategori="Kesehatan")
    jb.dossier(db, eid, "P-2", title="Layanan Antar Jemput", kategori="Pendidikan")
    jb.dossier(db, eid, "P-10", title="@Inovasi", kategori="Kesehatan")
    comments = {c: EVIL[i % len(EVIL)] for i, c in enumerate(KIPP_CRITERIA)}
    score(db, eid, "Ani", "P-1", uniform(KIPP_CRITERIA, 9), comments=comments)
    score(db, eid, "=Budi", "P-1", uniform(KIPP_CRITERIA, 7))
    score(db, eid, "Ani", "P-2", uniform(KIPP_CRITERIA, 4), comments={c: "lemah" for c in KIPP_CRITERIA})
    score(db, eid, "Ani", "P-10", uniform(KIPP_CRITERIA, 7))
    score(db, eid, "=Budi", "P-10", {**uniform(KIPP_CRITERIA, 6), "kebaruan": 5}, submit=False)  # a draft
    return eid


def test_xlsx_has_a_ranking_sheet_per_group_and_the_raw_scores(db: Database, ev: str, tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    with db.read() as s:
        exports.write_xlsx(s, events.get_event(s, ev), out, actor=ACTOR)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Kesehatan   umum", "Pendidikan   umum", "raw scores"]
    kes = wb[wb.sheetnames[0]]
    header = [c.value for c in kes[1]]
    assert header == exports.RANKING_COLUMNS
    body = [[c.value for c in row] for row in kes.iter_rows(min_row=2)]
    assert [(r[1], r[2]) for r in body] == [(1, "P-1"), (2, "P-10")]
    assert body[0][4] == pytest.approx(80.0) and isinstance(body[0][4], (int, float))
    raw = wb["raw scores"]
    rows = [[c.value for c in row] for row in raw.iter_rows(min_row=2)]
    assert len(rows) == 4 * len(KIPP_CRITERIA), "drafts are not exported"
    cols = exports.SCORE_COLUMNS
    first = dict(zip(cols, rows[0]))
    assert (first["dossier"], first["judge"], first["criterion"], first["score"]) == ("P-1", "=Budi", "latar_belakang", 7)
    assert [r[cols.index("dossier")] for r in rows][::7] == ["P-1", "P-1", "P-2", "P-10"]


def test_xlsx_never_holds_a_formula(db: Database, ev: str, tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    with db.read() as s:
        exports.write_xlsx(s, events.get_event(s, ev), out, actor=ACTOR)
    wb = openpyxl.load_workbook(out)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(exports.DANGEROUS_PREFIXES):
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate)
                    seen.add(cell.value)
    # the text itself is kept exactly
    assert set(EVIL) | {"=Budi", "=cmd|' /C calc'!A0", "@Inovasi"} <= seen


def test_csv_scores_escaped_and_complete(db: Database, ev: str, tmp_path: Path) -> None:
    out = tmp_path / "nilai.csv"
    with db.read() as s:
        exports.export_csv(s, events.get_event(s, ev), out, actor=ACTOR)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 28 and list(rows[0]) == exports.SCORE_COLUMNS
    for r in rows:
        for v in r.values():
            assert not v.startswith(exports.DANGEROUS_PREFIXES), v
    ani_p1 = [r for r in rows if r["dossier"] == "P-1" and r["judge"] == "Ani"]
    assert sorted(r["comment"] for r in ani_p1) == sorted("'" + EVIL[i % len(EVIL)] for i in range(7))
    assert {r["judge"] for r in rows} == {"Ani", "'=Budi"}
    assert {r["score"] for r in rows if r["dossier"] == "P-2"} == {"4"}


def test_csv_ranking(db: Database, ev: str, tmp_path: Path) -> None:
    out = tmp_path / "peringkat.csv"
    with db.read() as s:
        exports.export_csv(s, events.get_event(s, ev), out, what="ranking", group_by=(), actor=ACTOR)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["rank"], r["dossier"], r["passed"]) for r in rows] == [
        ("1", "P-1", "false"), ("2", "P-10", "false"), ("3", "P-2", "false")]
    assert float(rows[0]["score"]) == pytest.approx(80.0)
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"


def test_atomic_write_leaves_no_temporary_file_and_replaces(db: Database, ev: str, tmp_path: Path) -> None:
    folder = tmp_path / "keluar"
    folder.mkdir()
    out = folder / "nilai.csv"
    out.write_text("old", encoding="utf-8")
    with db.read() as s:
        e = events.get_event(s, ev)
        exports.export_csv(s, e, out, actor=ACTOR)
        assert out.read_text(encoding="utf-8-sig").startswith("stage,")
        assert sorted(p.name for p in folder.iterdir()) == ["nilai.csv"]
        with pytest.raises(ValidationError) as exc:
            exports.export_csv(s, e, folder / "no" / "x.csv", actor=ACTOR)
        assert exc.value.message_id == "export.no_folder"
        with pytest.raises(ValidationError) as exc:
            exports.write_xlsx(s, e, folder, actor=ACTOR)
        assert exc.value.message_id == "export.target_is_folder"
        with pytest.raises(ValidationError) as exc:
            exports.export_csv(s, e, out, what="everything", actor=ACTOR)
        assert exc.value.message_id == "export.unknown_what"
    assert sorted(p.name for p in folder.iterdir()) == ["nilai.csv"]


@pytest.mark.parametrize("text,escaped", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"),
                                          ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("", "")])
def test_csv_safe(text: str, escaped: str) -> None:
    assert exports.csv_safe(text) == escaped
    assert exports.csv_safe(-1) == -1
