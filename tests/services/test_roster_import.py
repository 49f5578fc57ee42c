"""Judge roster import from CSV and XLSX: per-row outcomes with row numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import accounts, events
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, Role
from support import judging_builders as jb
from support.builders import ACTOR

NIP = "198503302010011002"


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run(db: Database, eid: str, path: Path) -> accounts.RosterImport:
    with db.write() as s:
        return accounts.import_roster(s, events.get_event(s, eid), path, actor=ACTOR)


def roster(db: Database, eid: str) -> dict[str, tuple[str, str, str, Role]]:
    with db.read() as s:
        return {j.name: (j.nip, j.instansi, j.unit_kerja, j.role)
                for j in accounts.judges(s, events.get_event(s, eid))}


def test_csv_rows_added_and_rejected_with_row_numbers(db: Database, tmp_path: Path) -> None:
    eid = jb.event(db)
    f = write_csv(tmp_path / "juri.csv", (
        "Nama,NIP,Instansi,Unit Kerja,Peran\n"
        f"Dr. Ani Lubis,{NIP},Universitas Sumatera Utara,FISIP,ketua\n"
        "Budi Santoso,,Ombudsman RI,,anggota\n"
        ",,,,\n"
        "Citra,123,Bappeda,,member\n"          # row 5: bad NIP
        "Dewi,,,,member\n"                     # row 6: no instansi
        "Eko,,KemenPAN-RB,,juri utama\n"       # row 7: unknown role
        "budi santoso,,Ombudsman RI,,member\n"  # row 8: duplicate in file
    ))
    result = run(db, eid, f)
    assert [(o.row, o.status) for o in result.outcomes] == [
        (2, "added"), (3, "added"), (5, "rejected"), (6, "rejected"), (7, "rejected"), (8, "rejected")]
    assert [(p.rows, p.message_id) for p in result.problems] == [
        ((5,), "accounts.bad_nip"), ((6,), "accounts.instansi_required"), ((7,), "roster.bad_role"),
        ((8,), "roster.duplicate_in_file")]
    assert "juri.csv" in result.problems[0].render("en") and "5" in result.problems[0].render("en")
    assert roster(db, eid) == {
        "Dr. Ani Lubis": (NIP, "Universitas Sumatera Utara", "FISIP", Role.CHAIR),
        "Budi Santoso": ("", "Ombudsman RI", "", Role.MEMBER),
    }
    with db.read() as s:
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "judge.added")).all()) == 2


def test_reimport_is_unchanged_and_changed_data_is_rejected(db: Database, tmp_path: Path) -> None:
    eid = jb.event(db)
    text = "name,instansi,role\nAni,Ombudsman RI,member\n"
    f = write_csv(tmp_path / "a.csv", text)
    assert run(db, eid, f).count("added") == 1
    again = run(db, eid, f)
    assert again.ok and again.count("unchanged") == 1
    g = write_csv(tmp_path / "b.csv", "name,instansi,role\nANI,Bappeda,member\n")
    changed = run(db, eid, g)
    assert [p.message_id for p in changed.problems] == ["roster.exists_different"]
    assert roster(db, eid)["Ani"][1] == "Ombudsman RI"


def test_xlsx_with_text_nip_number_nip_and_formula(db: Database, tmp_path: Path) -> None:
    eid = jb.event(db)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["name", "nip", "instansi", "unit_kerja", "role"])
    ws.append(["Ani", NIP, "USU", "", "chair"])
    ws.append(["Budi", 198503302010011002, "USU", "", "member"])  # typed as a number: rounded by Excel
    ws.append(["Citra", "", "=HYPERLINK(\"x\")", "", "member"])
    ws.append(["Dewi", "", "Bappeda", "Bidang 1", ""])  # empty role: member
    path = tmp_path / "juri.xlsx"
    wb.save(path)
    result = run(db, eid, path)
    assert [(o.row, o.status) for o in result.outcomes] == [(2, "added"), (3, "rejected"), (4, "rejected"),
                                                            (5, "added")]
    assert [p.message_id for p in result.problems] == ["roster.number_cell", "roster.formula"]
    assert roster(db, eid)["Dewi"] == ("", "Bappeda", "Bidang 1", Role.MEMBER)


@pytest.mark.parametrize("content,message", [
    ("nama,unit\nAni,x\n", "roster.missing_columns"),
    ("name,instansi\n", "roster.no_rows"),
    ("name,name,instansi\nA,B,C\n", "roster.duplicate_column"),
])
def test_file_level_problems(db: Database, tmp_path: Path, content: str, message: str) -> None:
    eid = jb.event(db)
    with pytest.raises(ValidationError) as exc:
        run(db, eid, write_csv(tmp_path / "x.csv", content))
    assert exc.value.message_id == message


def test_wrong_type_and_missing_file(db: Database, tmp_path: Path) -> None:
    eid = jb.event(db)
    for path, message in ((tmp_path / "x.txt", "roster.unsupported_type"), (tmp_path / "nope.csv", "roster.cannot_read")):
        with pytest.raises(ValidationError) as exc:
            run(db, eid, path)
        assert exc.value.message_id == message
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ValidationError) as exc:
        run(db, eid, broken)
    assert exc.value.message_id == "roster.cannot_read"
