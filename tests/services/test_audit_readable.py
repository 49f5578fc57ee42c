"""The audit log speaks to people (issue 14): every action has a label, ids read as dossier
numbers and names, times are local, and the filtered log exports as CSV and XLSX."""

from __future__ import annotations

import ast
import csv
import datetime as dt
from pathlib import Path

import pytest

from oaoi_desktop import i18n
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import audit_query, events
from oaoi_desktop.services.audit_query import AuditFilter
from oaoi_desktop.store.database import Database
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform

PACKAGE = Path(__file__).resolve().parents[2] / "oaoi_desktop"


def written_actions() -> set[str]:
    """Every audit action the code writes: the strings given as ``action=`` to any call
    (``append``, the import's writer …) but an error's, module constants passed that way
    (the plenary decisions' ``plenary.<kind>`` are checked apart)."""
    found: set[str] = set()
    for f in PACKAGE.rglob("*.py"):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        consts = {t.id: n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                  and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                  for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if callee.endswith("Error"):  # a refusal naming the action it refused, not an audit entry
                continue
            for kw in node.keywords:
                if kw.arg != "action":
                    continue
                for sub in ast.walk(kw.value):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and "." in sub.value:
                        found.add(sub.value)
                    elif isinstance(sub, ast.Name) and sub.id in consts and "." in consts[sub.id]:
                        found.add(consts[sub.id])
    # an f-string ("plenary.{row.kind}") leaves its constant prefix: test_plenary_kinds_have_labels
    return {a for a in found if " " not in a and not a.endswith(".") and a.split(".")[0].isidentifier()}


def test_every_written_action_has_an_indonesian_and_english_label() -> None:
    actions = written_actions()
    assert {"score.recorded", "sheet.submitted", "assignment.added", "blind.leak_reported"} <= actions
    messages = i18n.all_messages()
    missing = sorted(a for a in actions if audit_query.ACTION_LABEL_PREFIX + a not in messages)
    assert not missing, f"add labels to oaoi_desktop/i18n/catalogue_blindstart.py: {missing}"
    for a in actions:
        label = audit_query.action_label(a, "id")
        assert label != a and "." not in label and "_" not in label, a
        assert audit_query.action_label(a, "en") != label or a == "x", a
    assert audit_query.action_label("score.recorded", "id") == "Nilai dicatat"
    assert audit_query.action_label("score.recorded", "en") == "Score recorded"


def test_plenary_kinds_have_labels() -> None:
    for kind in ("tie_resolved", "dossier_moved", "score_corrected", "withdrawn"):
        assert audit_query.action_label(f"plenary.{kind}", "id").startswith(("Nilai", "Urutan", "Keputusan"))


def test_local_time_is_one_helper() -> None:
    at = dt.datetime(2026, 12, 6, 23, 30, 5)
    assert audit_query.local_time(at) == dt.datetime(2026, 12, 7, 6, 30, 5)
    assert audit_query.local_time_text(at) == "2026-12-07 06:30:05 WIB"
    assert audit_query.local_time_text(None) == ""


@pytest.fixture
def ev(db: Database) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ketua Sari", "Budi Anggota"])
    add_dossier(db, eid, "KIPP-2026-0007")
    score(db, eid, "Budi Anggota", "KIPP-2026-0007", uniform(KIPP_CRITERIA, 8))
    return eid


def test_ids_read_as_dossier_numbers_and_judge_names(db: Database, ev: str) -> None:
    with db.read() as s:
        event = events.get_event(s, ev)
        rows = audit_query.page(s, event.id, AuditFilter(action="score.recorded"), actor=ACTOR)
        names = audit_query.entity_names(s, event.id, rows, actor=ACTOR)
        assert rows
        sheet_text = audit_query.entity_text(rows[0], names, "id")
        assert sheet_text == "Lembar penilaian Budi Anggota \u00b7 KIPP-2026-0007"
        assign_rows = audit_query.page(s, event.id, AuditFilter(action="assignment.added"), actor=ACTOR)
        assign_names = audit_query.entity_names(s, event.id, assign_rows, actor=ACTOR)
        texts = {audit_query.entity_text(r, assign_names, "id") for r in assign_rows}
        assert "Penugasan KIPP-2026-0007 \u2192 Budi Anggota" in texts
        changes = [line for r in assign_rows for line in audit_query.readable_changes(r, assign_names)]
    joined = " ".join(changes + [sheet_text])
    assert "KIPP-2026-0007" in joined and "Budi Anggota" in joined
    for r in rows:  # no bare uuid left in what people read
        assert str(r.entity_id) not in sheet_text


def test_the_filtered_log_exports_as_csv_and_xlsx(db: Database, ev: str, tmp_path: Path) -> None:
    with db.read() as s:
        event = events.get_event(s, ev)
        out = audit_query.export_audit(s, event.id, tmp_path / "audit.csv", AuditFilter(action="score.recorded"),
                                       actor=ACTOR, lang="id")
        xlsx = audit_query.export_audit(s, event.id, tmp_path / "audit.xlsx", actor=ACTOR, lang="id")
        total = audit_query.count(s, event.id, actor=ACTOR)
        with pytest.raises(ValidationError):
            audit_query.export_audit(s, event.id, tmp_path / "audit.pdf", actor=ACTOR)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["action"] for r in rows} == {"score.recorded"}
    assert list(rows[0]) == audit_query.EXPORT_COLUMNS
    assert rows[0]["action_label"] == "Nilai dicatat" and rows[0]["zone"] == "WIB"
    assert "Budi Anggota" in rows[0]["entity"] and "KIPP-2026-0007" in rows[0]["entity"]
    assert [int(r["seq"]) for r in rows] == sorted(int(r["seq"]) for r in rows)  # oldest first
    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    assert ws.max_row == total + 1
    assert [c.value for c in ws[1]] == audit_query.EXPORT_COLUMNS
    assert "Kegiatan dibuat" in [ws.cell(row=i, column=6).value for i in range(2, ws.max_row + 1)]
