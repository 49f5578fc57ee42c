"""``oaoi assign``, ``oaoi unassign`` and the other secretariat commands: outputs and exit codes."""

from __future__ import annotations

import json

import pytest

from oaoi_desktop.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main
from oaoi_desktop.store.database import Database
from support import judging_builders as jb



@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db)
    for i, name in enumerate(["Ani", "Budi", "Citra", "Dewi"]):
        jb.judge(db, eid, name, instansi="Pemko Medan" if name == "Ani" else f"Instansi {i}")
    for i in range(1, 9):
        jb.dossier(db, eid, f"P-{i}", instansi="Pemko Medan" if i == 1 else "Pemprov Sumut")
    return eid


def test_help_on_every_new_command() -> None:
    for cmd in (["assign"], ["unassign"]):
        assert main([*cmd, "--help"]) == EXIT_OK, cmd


def test_assign_json_then_rerun_adds_nothing(run, ev: str) -> None:
    code, out, err = run("assign", "--event", ev, "--per-dossier", "3", "--seed", "4", "--format", "json")
    assert code == EXIT_OK, err
    doc = json.loads(out)
    assert len(doc["added"]) == 24 and doc["balanced"] and doc["shortfalls"] == []
    assert {"dossier": "P-1", "judge": "Ani"} not in doc["added"]
    assert sorted(doc["loads"].values()) == [6, 6, 6, 6]
    code, out, err = run("assign", "--event", ev, "--per-dossier", "3", "--format", "json")
    assert code == EXIT_OK and json.loads(out)["added"] == []


def test_assign_lists_dossiers_that_cannot_be_staffed_and_exits_2(run, ev: str) -> None:
    code, out, err = run("assign", "--event", ev, "--per-dossier", "4", "--lang", "en")
    assert code == EXIT_PARTIAL
    assert "Dossier P-1: only 3 judges may judge it" in err
    assert "1 dossiers could not get 4 judges" in err
    assert "Judge" in out  # the load table


def test_assign_bad_input_exits_1(run, ev: str) -> None:
    assert run("assign", "--event", ev, "--per-dossier", "0")[0] == EXIT_FAILED
    assert run("assign", "--event", "nope", "--per-dossier", "3")[0] == EXIT_FAILED
    code, _, err = run("assign", "--event", ev, "--per-dossier", "2", "--stage", "x", "--lang", "en")
    assert code == EXIT_FAILED and "Stage 'x'" in err and "Traceback" not in err


def test_unassign(run, ev: str) -> None:
    code, out, err = run("assign", "--event", ev, "--per-dossier", "1", "--format", "json")
    assert code == EXIT_OK, err
    first = json.loads(out)["added"][0]
    code, out, err = run("unassign", "--event", ev, "--dossier", first["dossier"], "--judge", first["judge"],
                         "--lang", "en")
    assert code == EXIT_OK, err
    assert f"{first['judge']} was removed from dossier {first['dossier']}" in out
    code, out, err = run("unassign", "--event", ev, "--dossier", first["dossier"], "--judge", first["judge"],
                         "--lang", "id")
    assert code == EXIT_FAILED and "tidak ditugaskan" in err


def test_judge_import_exit_codes(run, db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    eid = jb.event(db)
    good = tmp_path / "juri.csv"
    good.write_text("name,nip,instansi,unit_kerja,role\nAni,,USU,,chair\nBudi,,Ombudsman RI,,member\n",
                    encoding="utf-8")
    code, out, err = run("judge", "import", "--event", eid, str(good), "--format", "json")
    assert code == EXIT_OK, err
    assert json.loads(out)["added"] == 2
    bad = tmp_path / "juri2.csv"
    bad.write_text("name,nip,instansi,role\nCitra,12,USU,member\nDewi,,USU,member\n", encoding="utf-8")
    code, out, err = run("judge", "import", "--event", eid, str(bad), "--lang", "en")
    assert code == EXIT_PARTIAL
    assert "juri2.csv" in err and "row 2" in err.lower() and "18 digits" in err
    assert "1 judges added, 0 unchanged, 1 rows rejected" in err
    code, _, err = run("judge", "import", "--event", eid, str(tmp_path / "none.csv"))
    assert code == EXIT_FAILED and "Traceback" not in err


def test_export_xlsx_and_csv(run, db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv as _csv

    import openpyxl

    from support.builders import KIPP_CRITERIA, score, uniform

    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    jb.dossier(db, eid, "P-1", title="=2+2")
    score(db, eid, "Ani", "P-1", uniform(KIPP_CRITERIA, 9))
    code, _, err = run("export", "xlsx", "--event", eid, "--out", str(tmp_path / "a.xlsx"))
    assert code == EXIT_OK, err
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames[-1] == "raw scores" and len(wb.sheetnames) == 2
    code, _, err = run("export", "csv", "--event", eid, "--out", str(tmp_path / "r.csv"), "--what", "ranking")
    assert code == EXIT_OK, err
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(_csv.DictReader(f))
    assert rows[0]["title"] == "'=2+2" and rows[0]["rank"] == "1"
    code, _, err = run("export", "csv", "--event", eid, "--out", str(tmp_path / "none" / "r.csv"))
    assert code == EXIT_FAILED and "Traceback" not in err


def test_agreement_table_and_json(run, db: Database) -> None:  # type: ignore[no-untyped-def]
    from support.builders import KIPP_CRITERIA, score, uniform

    eid = jb.event(db)
    for name in ("Ani", "Budi", "Keras"):
        jb.judge(db, eid, name)
    for i, v in enumerate((8, 6, 9, 5, 7), start=1):
        jb.dossier(db, eid, f"P-{i}")
        score(db, eid, "Ani", f"P-{i}", uniform(KIPP_CRITERIA, v))
        score(db, eid, "Budi", f"P-{i}", uniform(KIPP_CRITERIA, v))
        low = uniform(KIPP_CRITERIA, v - 3)
        score(db, eid, "Keras", f"P-{i}", low, comments={c: "lemah" for c, x in low.items() if x < 5})
    code, out, err = run("agreement", "--event", eid, "--lang", "en")
    assert code == EXIT_OK, err
    assert "Krippendorff" not in err and "Total" in out and "harsh" in out and "ICC(1,k)" in out
    code, out, err = run("agreement", "--event", eid, "--format", "json")
    assert code == EXIT_OK, err
    doc = json.loads(out)
    total = next(i for i in doc["items"] if i["item"] == "total")
    assert total["icc_k"] == 3 and total["icc3_k"] is not None  # fully crossed: two-way forms too
    keras = next(j for j in doc["judge_bias"] if j["judge"] == "Keras")
    assert keras["flags"] == ["harsh"] and keras["mean_deviation"] == -30
    assert {d["dossier"] for d in doc["flagged_dossiers"]} == {f"P-{i}" for i in range(1, 6)}
    assert run("agreement", "--event", eid, "--stage", "x")[0] == EXIT_FAILED


def test_rank_compare(run, db: Database) -> None:  # type: ignore[no-untyped-def]
    from support.builders import KIPP_CRITERIA, score, uniform

    eid = jb.event(db)
    for name in ("Ani", "Budi", "Citra"):
        jb.judge(db, eid, name)
    jb.dossier(db, eid, "A")
    jb.dossier(db, eid, "B")
    for j, v in zip(("Ani", "Budi", "Citra"), (10, 10, 1)):
        vals = uniform(KIPP_CRITERIA, v)
        score(db, eid, j, "A", vals, comments={c: "lemah" for c, x in vals.items() if x < 5})
        score(db, eid, j, "B", uniform(KIPP_CRITERIA, 8))
    code, out, err = run("rank", "--event", eid, "--method", "mean", "--compare", "median", "--format", "json")
    assert code == EXIT_OK, err
    doc = json.loads(out)
    a = next(r for r in doc["rows"] if r["number"] == "A")
    assert (a["rank_a"], a["rank_b"], a["move"], a["marks"]) == (2, 1, 1, ["moved", "crossed"])
    code, out, err = run("rank", "--event", eid, "--compare", "median", "--moves", "1", "--lang", "en")
    assert code == EXIT_OK, err
    assert "0 dossiers move by more than 1 places, 1 cross the pass mark" in out
    assert "Rank (median)" in out
    # without --compare the plain ranking is unchanged
    code, out, err = run("rank", "--event", eid, "--format", "json")
    assert code == EXIT_OK and "rank_a" not in out


def test_secretariat_catalogue_is_complete_and_consistent() -> None:
    import re
    import string
    from pathlib import Path

    from oaoi_desktop.i18n import all_messages
    from oaoi_desktop.i18n.catalogue_secretariat import MESSAGES

    fields = string.Formatter()
    for key, texts in MESSAGES.items():
        assert set(texts) == {"id", "en"}, key
        names = [{f for _, f, _, _ in fields.parse(texts[lang]) if f} for lang in ("id", "en")]
        assert names[0] == names[1], key
    known = all_messages()
    root = Path(__file__).resolve().parents[2] / "oaoi_desktop"
    sources = [root / "cli" / "secretariat.py", root / "services" / "assignments.py", root / "services" / "exports.py",
               root / "services" / "agreement.py", root / "services" / "accounts.py", root / "services" / "ranking.py",
               root / "services" / "plenary.py", root / "services" / "scores.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for mid in re.findall(r"""(?:\bt|Error|reject\(number, who,)\(\s*f?["']([a-z_]+\.[a-z_.]+)["']""", text):
            if not mid.endswith("."):  # a prefix completed at run time (plenary.kind.<kind>)
                assert mid in known, (path.name, mid)
        for mid in re.findall(r'(?<!action=)"((?:assign|roster|export|agreement|rank|plenary)\.[a-z_.]+)"', text):
            if not mid.endswith("."):
                assert mid in known, (path.name, mid)


def test_plenary_commands(run, db: Database) -> None:  # type: ignore[no-untyped-def]
    from support.builders import KIPP_CRITERIA, score, uniform

    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    jb.judge(db, eid, "Budi")
    for n in ("A", "B"):
        jb.dossier(db, eid, n)
        for j in ("Ani", "Budi"):
            score(db, eid, j, n, uniform(KIPP_CRITERIA, 9))
    code, out, err = run("plenary", "tie", "--event", eid, "--order", "B,A", "--reason", "Dampak lebih luas")
    assert code == EXIT_OK, err
    code, out, err = run("plenary", "correct", "--event", eid, "--dossier", "A", "--judge", "Budi",
                         "--criterion", "signifikansi", "--value", "8", "--reason", "salah tulis")
    assert code == EXIT_FAILED and "persetujuan" in err
    code, out, err = run("plenary", "correct", "--event", eid, "--dossier", "A", "--judge", "Budi",
                         "--criterion", "signifikansi", "--value", "8", "--reason", "salah tulis", "--judge-agreed")
    assert code == EXIT_OK, err
    code, out, err = run("plenary", "ranking", "--event", eid, "--format", "json")
    assert code == EXIT_OK, err
    rows = {r["number"]: r for r in json.loads(out)}
    assert (rows["A"]["raw_rank"], rows["A"]["rank"], rows["A"]["raw_score"], rows["A"]["score"]) == (1, 2, 90, "88.75")
    assert [d["kind"] for d in rows["A"]["decisions"]] == ["score_corrected", "tie_resolved"]
    code, out, err = run("plenary", "ranking", "--event", eid, "--lang", "en")
    assert code == EXIT_OK and "tie resolved: Dampak lebih luas" in out
    decision = rows["B"]["decisions"][0]["id"]
    code, out, err = run("plenary", "withdraw", "--event", eid, "--id", decision, "--reason", "keliru")
    assert code == EXIT_OK, err
    assert run("plenary", "withdraw", "--event", eid, "--id", "nope", "--reason", "x")[0] == EXIT_FAILED


def test_stage_close_and_reopen(run, db: Database) -> None:  # type: ignore[no-untyped-def]
    from support.builders import KIPP_CRITERIA, score, uniform

    eid = jb.event(db, rubric="kipp-two-stage")
    jb.judge(db, eid, "Ani")
    for n, v in (("P-1", 9), ("P-2", 7)):
        jb.dossier(db, eid, n)
        score(db, eid, "Ani", n, uniform(KIPP_CRITERIA, v))
    assert run("stage", "close", "--event", eid, "--stage", "proposal")[0] == EXIT_FAILED  # a rule is required
    code, out, err = run("stage", "close", "--event", eid, "--stage", "proposal", "--top", "1", "--lang", "en")
    assert code == EXIT_OK, err
    assert "1 dossiers advance to stage presentation" in out
    code, out, err = run("stage", "reopen", "--event", eid, "--stage", "proposal", "--reason", "ulang")
    assert code == EXIT_OK, err
