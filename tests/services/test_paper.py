"""Importing scores typed from paper forms: whole sheets, bad rows, second entry."""

from __future__ import annotations

import csv
import uuid
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import accounts, events, judging, paper, ranking
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, Role, ScoreSheet, User
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA

OPERATOR = Actor("Sari", uuid.UUID("5ec7e7a1-0000-4000-8000-00000000005a"))
"""A second real secretariat account (created in ``ev``): the operator who types the forms."""
HEADER = ["judge", "dossier", "criterion", "score", "comment"]


@pytest.fixture
def ev(db: Database) -> str:
    """Ani on P-1, P-2; Budi on P-1, P-3; Dewi (of Pemerintah Kota Medan) on nothing."""
    eid = jb.event(db)
    with db.write() as s:
        s.add(User(id=OPERATOR.user_id, event_id=None, name=OPERATOR.name, role=Role.SECRETARIAT))
    jb.judge(db, eid, "Ani")
    jb.judge(db, eid, "Budi")
    jb.judge(db, eid, "Dewi", instansi="Pemerintah Kota Medan")
    for n in ("P-1", "P-2", "P-3"):
        jb.dossier(db, eid, n)
    for j, n in (("Ani", "P-1"), ("Ani", "P-2"), ("Budi", "P-1"), ("Budi", "P-3")):
        jb.assign(db, eid, j, n)
    return eid


def sheet_rows(judge: str, dossier: str, value: int | str = 8, **overrides) -> list[list[str]]:
    """One whole sheet: a row per criterion; low scores carry the required comment."""
    rows = []
    for c in KIPP_CRITERIA:
        v = str(overrides.get(c, value))
        low = v.isdigit() and int(v) < 5
        rows.append([judge, dossier, c, v, "lemah" if low else ""])
    return rows


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


def run(db: Database, eid: str, path: Path, second: Path | None = None) -> paper.PaperImport:
    with db.write() as s:
        return paper.import_paper_scores(s, events.get_event(s, eid), path, actor=OPERATOR, second_entry=second)


def stored(db: Database, eid: str) -> dict[tuple[str, str], tuple[str, str, dict[str, int]]]:
    """(judge, dossier) → (status, source, {criterion: value_milli})."""
    with db.read() as s:
        event = events.get_event(s, eid)
        names = {j.id: j.name for j in accounts.judges(s, event)}
        numbers = {jb.find_dossier(s, eid, n).id: n for n in ("P-1", "P-2", "P-3")}
        return {
            (names[sh.judge_id], numbers[sh.dossier_id]): (sh.status.value, sh.source,
                                                           {x.criterion_id: x.value_milli for x in sh.scores})
            for sh in s.scalars(select(ScoreSheet).where(ScoreSheet.event_id == event.id))
        }


def test_happy_path_imports_locked_paper_sheets_recorded_for_the_operator(db: Database, ev: str, tmp_path: Path) -> None:
    with db.read() as s:
        budi_id = str(jb.who(s, ev, "Budi")[1].id)
    rows = sheet_rows("Ani", "P-1", 9) + sheet_rows(budi_id, "P-1", 7, kebaruan=4)
    result = run(db, ev, write_csv(tmp_path / "nilai.csv", rows))
    assert result.ok and result.imported == 2 and result.problems == ()
    assert [(o.judge, o.dossier, o.status, o.total) for o in result.sheets] == [
        ("Ani", "P-1", "imported", 90), ("Budi", "P-1", "imported", Fraction(131, 2))]
    assert result.sheets[0].rows == tuple(range(2, 9))
    got = stored(db, ev)
    assert got[("Ani", "P-1")] == ("locked", "paper", {c: 9000 for c in KIPP_CRITERIA})
    assert got[("Budi", "P-1")][2]["kebaruan"] == 4000
    with db.read() as s:
        event = events.get_event(s, ev)
        assert sorted(t.total for t in ranking.sheet_totals(s, event, events.event_rubric(s, event), actor=ACTOR)) == [
            Fraction(131, 2), 90]
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "sheet.paper_entered")).all()
        assert len(entries) == 2
        for e in entries:
            assert e.actor == "Sari" and e.after["entered_from"] == "paper" and e.after["entered_by"] == "Sari"
            assert e.after["file"] == "nilai.csv" and len(e.after["file_sha256"]) == 64
            assert e.after["status"] == "locked" and e.after["source"] == "paper"
        summary = s.scalars(select(AuditEntry).where(AuditEntry.action == "scores.paper_import")).one()
        assert summary.after["imported"] == 2
        assert verify_chain(s, ev, actor=ACTOR).ok
    # a judge cannot change a paper sheet in the app
    jb.declare(db, ev, "Ani")
    with db.write() as s, pytest.raises(Exception) as info:
        event, ani = jb.who(s, ev, "Ani")
        judging.record_score(s, event, ani, "P-1", "kebaruan", 3)
    assert getattr(info.value, "message_id", "") == "judging.sheet_final"


def test_reimporting_the_same_file_is_unchanged_and_a_different_one_is_refused(db: Database, ev: str,
                                                                               tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", sheet_rows("Ani", "P-1", 9))
    run(db, ev, path)
    again = run(db, ev, path)
    assert again.ok and again.unchanged == 1 and again.imported == 0
    other = run(db, ev, write_csv(tmp_path / "b.csv", sheet_rows("Ani", "P-1", 9, signifikansi=8)))
    assert not other.ok and other.rejected == 1
    assert other.problems[0].message_id == "paper.already_imported_differs"
    assert stored(db, ev)[("Ani", "P-1")][2]["signifikansi"] == 9000


def test_every_bad_row_is_reported_with_its_row_and_its_sheet_left_out(db: Database, ev: str, tmp_path: Path) -> None:
    # Ani submitted P-2 in the app; Budi declared a conflict on P-3
    jb.declare(db, ev, "Ani")
    jb.declare(db, ev, "Budi")
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        for c in KIPP_CRITERIA:
            judging.record_score(s, event, ani, "P-2", c, 8)
        judging.submit_sheet(s, event, ani, "P-2")
        event, budi = jb.who(s, ev, "Budi")
        judging.declare_conflict(s, event, budi, "P-3", "kerabat")
    good = sheet_rows("Budi", "P-1", 8)                               # rows 2-8: imported
    unknown_judge = [["Zaenal", "P-1", "kebaruan", "8", ""]]           # row 9
    unknown_dossier = [["Ani", "P-99", "kebaruan", "8", ""]]           # row 10
    bad_criterion = sheet_rows("Ani", "P-1", 8)                        # rows 11-17
    bad_criterion[2][2] = "inovasi"                                    # row 13
    off_scale = [["Ani", "P-3", "kebaruan", "11", ""]]                 # row 18 (also not assigned)
    submitted = sheet_rows("Ani", "P-2", 9)                            # rows 19-25
    conflict = sheet_rows("Budi", "P-3", 8)                            # rows 26-32
    recused = sheet_rows("Dewi", "P-1", 8)                             # rows 33-39
    rows = good + unknown_judge + unknown_dossier + bad_criterion + off_scale + submitted + conflict + recused
    result = run(db, ev, write_csv(tmp_path / "nilai.csv", rows))
    assert not result.ok
    assert [(o.judge, o.dossier, o.status) for o in result.sheets] == [
        ("Budi", "P-1", "imported"), ("Zaenal", "P-1", "rejected"), ("Ani", "P-99", "rejected"),
        ("Ani", "P-1", "rejected"), ("Ani", "P-3", "rejected"), ("Ani", "P-2", "rejected"),
        ("Budi", "P-3", "rejected"), ("Dewi", "P-1", "rejected")]
    by_id = {}
    for p in result.problems:
        by_id.setdefault(p.message_id, []).append(p)
    text = "\n".join(p.render("id") for p in result.problems)
    assert "nilai.csv baris 9: penilai 'Zaenal' tidak ada" in text
    assert "nilai.csv baris 10: nomor proposal 'P-99' tidak ada" in text
    assert "nilai.csv baris 13: kriteria 'inovasi' tidak ada" in text
    assert "nilai.csv baris 18: nilai '11' untuk kebaruan tidak sah" in text
    assert by_id["paper.not_assigned"][0].rows == (18,)
    assert by_id["paper.already_submitted"][0].rows == tuple(range(19, 26))
    assert by_id["paper.conflict_declared"][0].rows == (26,)
    assert by_id["paper.recused"][0].rows == (33,)
    # bad rows: their sheets are named as left out (the refused app sheet says so itself)
    assert [p.params["judge"] + " " + p.params["dossier"] for p in by_id["paper.sheet_left_out"]] == [
        "Zaenal P-1", "Ani P-99", "Ani P-1", "Ani P-3", "Budi P-3", "Dewi P-1"]
    got = stored(db, ev)
    assert set(got) == {("Budi", "P-1"), ("Ani", "P-2")}
    assert got[("Ani", "P-2")] == ("locked", "app", {c: 8000 for c in KIPP_CRITERIA})  # untouched


def test_sheet_level_problems_duplicates_incomplete_comments_stage(db: Database, ev: str, tmp_path: Path) -> None:
    dup = sheet_rows("Ani", "P-1", 8) + [["Ani", "P-1", "kebaruan", "9", ""]]      # rows 2-9
    incomplete = sheet_rows("Ani", "P-2", 8)[:-1]                                  # rows 10-15
    no_comment = sheet_rows("Budi", "P-1", 8)                                      # rows 16-22
    no_comment[3][3], no_comment[3][4] = "2", ""                                   # row 19
    rows = [r + ["proposal"] for r in dup + incomplete + no_comment]
    rows += [["Budi", "P-3", c, "8", "", "wawancara"] for c in KIPP_CRITERIA]      # rows 23-29
    result = run(db, ev, write_csv(tmp_path / "x.csv", rows, HEADER + ["stage"]))
    assert result.imported == 0 and result.rejected == 4
    msgs: dict[str, paper.RowProblem] = {}
    for p in result.problems:
        msgs.setdefault(p.message_id, p)
    assert msgs["paper.duplicate_row"].rows == (9,) and msgs["paper.duplicate_row"].params["first"] == 3
    assert msgs["paper.incomplete"].rows == tuple(range(10, 16))
    assert "keberlanjutan" in msgs["paper.incomplete"].render("id")
    assert msgs["paper.comment_required"].rows == (19,)
    assert msgs["paper.unknown_stage"].rows[0] == 23
    assert stored(db, ev) == {}


def test_a_draft_started_in_the_app_is_replaced_by_the_paper_sheet(db: Database, ev: str, tmp_path: Path) -> None:
    jb.declare(db, ev, "Ani")
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        judging.record_score(s, event, ani, "P-1", "kebaruan", 3, "draf")
    result = run(db, ev, write_csv(tmp_path / "a.csv", sheet_rows("Ani", "P-1", 9)))
    assert result.ok and result.sheets[0].replaced_draft
    assert stored(db, ev)[("Ani", "P-1")] == ("locked", "paper", {c: 9000 for c in KIPP_CRITERIA})
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sheet.paper_entered")).one()
        assert entry.before["scores"]["kebaruan"]["value"] == 3 and entry.after["replaced_draft"] is True


def test_second_entry_mismatches_are_listed_and_nothing_is_imported(db: Database, ev: str, tmp_path: Path) -> None:
    first = sheet_rows("Ani", "P-1", 8) + sheet_rows("Budi", "P-1", 7)
    second = [list(r) for r in first]
    second[2][3] = "9"                       # a score typed differently (row 4)
    second[8][4] = "ok"                      # a comment typed differently (row 10)
    del second[12]                           # a row forgotten (first file row 14)
    a = write_csv(tmp_path / "ketik1.csv", first)
    b = write_csv(tmp_path / "ketik2.csv", second, delimiter=";")
    result = run(db, ev, a, b)
    assert not result.ok and result.imported == 0
    assert [m.message_id for m in result.mismatches] == [
        "paper.mismatch.score", "paper.mismatch.comment", "paper.mismatch.only_first"]
    text = [m.render("id") for m in result.mismatches]
    assert text[0] == ("Ani / P-1 / proposal / implementasi: nilai berbeda — ketik1.csv baris 4: '8', "
                       "ketik2.csv baris 4: '9'")
    assert "ketik1.csv baris 14" in text[2]
    assert {o.status for o in result.sheets} == {"held"}
    assert stored(db, ev) == {}
    fixed = write_csv(tmp_path / "ketik2b.csv", [[*r[:3], r[3].replace("8", "8,0"), r[4]] for r in first])
    result = run(db, ev, a, fixed)
    assert result.ok and result.imported == 2 and result.mismatches == ()
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sheet.paper_entered")).first()
        assert entry.after["second_entry"] == "ketik2b.csv" and len(entry.after["second_entry_sha256"]) == 64


def test_xlsx_with_indonesian_headers_empty_rows_and_a_formula(db: Database, ev: str, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Penilai", "Proposal", "Kriteria", "Nilai", "Komentar", "Catatan lain"])
    for r in sheet_rows("Ani", "P-1", 8):
        ws.append([r[0], r[1], r[2], int(r[3]), r[4], "x"])
    for r in sheet_rows("Budi", "P-1", 7):
        ws.append([r[0], r[1], r[2], float(r[3]), r[4], None])
    ws["D12"] = "=3+4"                         # Budi's fourth criterion
    for n in range(20, 6020):                  # thousands of rows that only look empty
        ws.cell(row=n, column=5, value="   ")
    path = tmp_path / "nilai.xlsx"
    wb.save(path)
    result = run(db, ev, path)
    assert [(o.judge, o.status) for o in result.sheets] == [("Ani", "imported"), ("Budi", "rejected")]
    formula = next(p for p in result.problems if p.message_id == "paper.formula")
    assert formula.rows == (12,) and formula.params["cell"] == "D12"
    assert "sel D12 berisi rumus (=3+4)" in formula.render("id")
    assert stored(db, ev)[("Ani", "P-1")][2]["kebaruan"] == 8000


@pytest.mark.parametrize(
    ("name", "content", "message_id"),
    [
        ("a.csv", "judge,dossier,score\nAni,P-1,8\n", "paper.missing_columns"),
        ("a.csv", "judge,dossier,criterion,score,Score\n", "paper.duplicate_column"),
        ("a.csv", "judge,dossier,criterion,score,comment\n\n,,,,\n", "paper.no_rows"),
        ("a.csv", "", "paper.no_rows"),
        ("a.txt", "judge\n", "paper.unsupported_type"),
        ("a.xlsx", "this is not a workbook", "paper.cannot_read"),
    ],
)
def test_file_level_problems_are_clear_errors(db: Database, ev: str, tmp_path: Path, name: str, content: str,
                                              message_id: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        run(db, ev, path)
    assert info.value.message_id == message_id
    assert name in info.value.render("id")


def test_a_missing_file_is_a_clear_error(db: Database, ev: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        run(db, ev, tmp_path / "tidak-ada.csv")
    assert "tidak-ada.csv" in info.value.render("id")


def test_a_formula_in_the_header_is_refused(db: Database, ev: str, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["judge", "dossier", "criterion", "=\"sc\"&\"ore\"", "comment"])
    wb.active.append(["Ani", "P-1", "kebaruan", 8, ""])
    wb.save(tmp_path / "h.xlsx")
    with pytest.raises(ValidationError) as info:
        run(db, ev, tmp_path / "h.xlsx")
    assert info.value.message_id == "paper.header_formula" and info.value.params["cell"] == "D1"


def test_scores_that_are_not_numbers_or_are_missing(db: Database, ev: str, tmp_path: Path) -> None:
    rows = sheet_rows("Ani", "P-1", 8)                      # rows 2-8
    rows[1][3] = "delapan"                                  # row 3
    rows += sheet_rows("Ani", "P-2", 8)                     # rows 9-15
    rows[8][3] = ""                                         # row 10
    rows += sheet_rows("Budi", "P-1", "7,5")                # rows 16-22: off the step of 1
    result = run(db, ev, write_csv(tmp_path / "n.csv", rows))
    assert result.rejected == 3 and result.imported == 0
    text = "\n".join(p.render("en") for p in result.problems)
    assert "n.csv row 3: score 'delapan' for kebaruan is not valid" in text
    assert "n.csv row 10: the column score is empty" in text
    assert "n.csv row 16: score '7,5' for latar_belakang is not valid: it must lie between 1 and 10 in steps of 1" in text
    assert stored(db, ev) == {}
