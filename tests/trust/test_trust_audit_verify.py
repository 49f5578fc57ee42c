"""``services/audit_verify``: chain, heads, score replay, export; ``oaoi audit verify|export``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from oaoi_desktop.cli import main
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import accounts, assignments, audit_verify, dossiers, events, judging, plenary, sheets
from oaoi_desktop.services.audit_verify import Head
from tests.support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform


@pytest.fixture
def scored(db):
    """An event with every kind of score history the services write."""
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani", "Budi", "Citra"])
    for n in ("P-001", "P-002", "P-003"):
        add_dossier(db, event_id, n)
    score(db, event_id, "Ani", "P-001", uniform(KIPP_CRITERIA, 8))           # sheet.submitted
    score(db, event_id, "Budi", "P-001", uniform(KIPP_CRITERIA, 7), submit=False)  # sheet.saved (draft)
    score(db, event_id, "Budi", "P-002", uniform(KIPP_CRITERIA, 9))
    with db.write() as s:
        event = events.get_event(s, event_id)
        rubric_stage = events.event_rubric(s, event).first_stage
        budi = accounts.find_judge(s, event, "Budi")
        citra = accounts.find_judge(s, event, "Citra")
        p1 = dossiers.get_dossier(s, event, "P-001")
        p3 = dossiers.get_dossier(s, event, "P-003")
        # score.recorded / score.cleared / score.comment_changed on Budi's draft
        # (each judge acts as themself through the judge workspace)
        judging.record_score(s, event, budi, p1, "kebaruan", "6", "cukup")
        judging.record_score(s, event, budi, p1, "sumber_daya", None)
        judging.record_comment(s, event, budi, p1, "kebaruan", "cukup baru")
        # a draft deleted with its assignment
        assignments.assign(s, event, p3, citra, actor=ACTOR)
        judging.declare_integrity(s, event, citra)
        judging.record_score(s, event, citra, p3, "kebaruan", 5)
        assignments.unassign(s, event, p3, citra, actor=ACTOR)
        # unlock and resubmit
        ani = accounts.find_judge(s, event, "Ani")
        sheet = sheets.get_sheet(s, p1, ani, rubric_stage.id, actor=ACTOR)
        sheets.unlock_sheet(s, sheet, ACTOR, "salah ketik")
        judging.record_score(s, event, ani, p1, "kebaruan", 9)
        judging.submit_sheet(s, event, ani, p1)
        # a plenary correction, and one withdrawn
        p2 = dossiers.get_dossier(s, event, "P-002")
        c = plenary.correct_score(s, event, p2, budi, "signifikansi", "8", reason="disepakati", judge_agreed=True,
                                  actor=ACTOR)
        plenary.withdraw(s, event, c.id, reason="batal", actor=ACTOR)
        plenary.correct_score(s, event, p2, budi, "kebaruan", "8", reason="disepakati", judge_agreed=True,
                              actor=ACTOR)
    return event_id


def verify(db, event_id, **kw):
    with db.read() as s:
        return audit_verify.verify_event(s, event_id, **kw, actor=ACTOR)


def sql(db, statement, **params):
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_a_clean_history_verifies_and_replays(db, scored):
    report = verify(db, scored)
    assert report.ok, [p.render("en") for p in report.problems]
    assert report.skipped == ()
    assert report.sheets_checked == 3  # Ani P-001, Budi P-001, Budi P-002 (Citra's draft was deleted)
    assert report.scores_checked == 7 + 6 + 7
    assert report.corrections_checked == 2
    assert report.head.seq == report.entries > 10


def test_an_edited_score_is_caught_by_the_replay(db, scored):
    sql(db, "UPDATE scores SET value_milli = 10000 WHERE criterion_id = 'signifikansi' AND value_milli = 9000")
    report = verify(db, scored)
    assert not report.ok
    [problem] = report.problems
    assert problem.message_id == "trust.replay.score_differs"
    assert problem.params["criterion"] == "signifikansi"
    assert problem.params["dossier"] == "P-002" and problem.params["judge"] == "Budi"
    assert (problem.params["logged"], problem.params["stored"]) == ("9", "10")
    assert "P-002" in problem.render("en") and "Budi" in problem.render("en")


def test_a_deleted_score_an_unlogged_sheet_and_a_status_flip_are_caught(db, scored):
    sql(db, "DELETE FROM scores WHERE criterion_id = 'latar_belakang' AND value_milli = 9000")
    sql(db, "UPDATE score_sheets SET status = 'draft' WHERE status = 'locked'")
    ids = {p.message_id for p in verify(db, scored).problems}
    assert ids == {"trust.replay.score_differs", "trust.replay.status_differs"}


def test_an_edited_plenary_correction_is_caught(db, scored):
    sql(db, "UPDATE plenary_adjustments SET value_milli = 10000 WHERE withdrawn_at IS NULL")
    found = [(p.message_id, p.params.get("table"), p.params.get("field")) for p in verify(db, scored).problems]
    assert found == [("trust.replay.correction_differs", None, None),
                     ("audit.verify.field_differs", "plenary_adjustments", "value_milli")]


def test_an_edited_entry_is_reported_at_its_sequence_number(db, scored):
    with db.read() as s:
        seq = s.execute(text("SELECT seq FROM audit_entries WHERE chain = :c AND action = 'sheet.submitted' "
                             "ORDER BY seq LIMIT 1"), {"c": scored}).scalar_one()
    sql(db, "UPDATE audit_entries SET actor = 'someone else' WHERE chain = :c AND seq = :q", c=scored, q=seq)
    report = verify(db, scored)
    assert report.first_problem.message_id == "trust.audit.edited_entry"
    assert report.first_problem.seq == seq


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(db, scored):
    from oaoi_desktop.services.audit import entry_hash
    from oaoi_desktop.store.models import AuditEntry

    with db.write() as s:
        entry = s.query(AuditEntry).filter_by(chain=scored, seq=5).one()
        entry.actor = "forger"
        entry.hash = entry_hash(entry)
    report = verify(db, scored)
    assert [(p.message_id, p.seq) for p in report.problems][0] == ("trust.audit.broken_link", 6)


def test_a_deleted_entry_is_reported(db, scored):
    sql(db, "DELETE FROM audit_entries WHERE chain = :c AND seq = 4", c=scored)
    report = verify(db, scored)
    assert report.first_problem.message_id == "trust.audit.missing_entry"
    assert report.first_problem.params == {"first": 4, "last": 4}


def test_a_cut_off_end_is_caught_against_the_head_row_and_a_given_head(db, scored):
    with db.read() as s:
        printed = audit_verify.chain_head(s, scored)  # what the Berita Acara carries
    sql(db, "DELETE FROM audit_entries WHERE chain = :c AND seq = :q", c=scored, q=printed.seq)
    assert [p.message_id for p in verify(db, scored, replay_scores=False).problems] == ["trust.audit.truncated"]
    # the forger also rewinds the head row: only the printed head shows it now
    with db.read() as s:
        prev = s.execute(text("SELECT hash FROM audit_entries WHERE chain = :c AND seq = :q"),
                         {"c": scored, "q": printed.seq - 1}).scalar_one()
    sql(db, "UPDATE audit_heads SET seq = :q, hash = :h WHERE chain = :c", q=printed.seq - 1, h=prev, c=scored)
    assert verify(db, scored, replay_scores=False).ok
    report = verify(db, scored, expected_head=printed, replay_scores=False)
    assert [p.message_id for p in report.problems] == ["trust.audit.truncated_vs_given"]


def test_a_given_head_that_does_not_match_is_a_rewritten_history(db, scored):
    with db.read() as s:
        head = audit_verify.chain_head(s, scored)
    assert verify(db, scored, expected_head=head).ok
    assert verify(db, scored, expected_head=Head(head.seq - 2, head.hash)).problems[0].message_id == \
        "trust.audit.head_mismatch"


def test_head_parsing():
    h = "a" * 64
    assert Head.parse(f" 12:{h.upper()} ") == Head(12, h)
    for bad in ("", "12", f"x:{h}", f"-1:{h}", "3:abc", f"3:{'g' * 64}"):
        with pytest.raises(ValidationError):
            Head.parse(bad)


def test_an_unknown_score_sheet_action_is_skipped_and_reported_not_passed():
    records = [
        {"seq": 1, "action": "sheet.saved", "entity_type": "score_sheet", "entity_id": "s1",
         "after": {"dossier_id": "d", "judge_id": "j", "stage_id": "x", "status": "draft",
                   "scores": {"a": {"value": 5, "comment": ""}}}},
        {"seq": 2, "action": "sheet.mystery", "entity_type": "score_sheet", "entity_id": "s1", "after": {}},
    ]
    rep = audit_verify.replay(records)
    assert [f.message_id for f in rep.skipped] == ["trust.replay.skipped_action"]
    store = {"s1": {"dossier_id": "d", "judge_id": "j", "stage_id": "x", "status": "draft",
                    "scores": {"a": (7000, "")}}}
    findings, sheets_checked, *_ = audit_verify.compare(rep, store, {}, {})
    assert findings == [] and sheets_checked == 0


# -- export ----------------------------------------------------------------------------
def test_export_verifies_without_a_database_and_catches_edits(db, scored, tmp_path):
    out = tmp_path / "audit.jsonl"
    with db.read() as s:
        audit_verify.export_event(s, scored, out, actor=ACTOR)
        head = audit_verify.chain_head(s, scored)
    report = audit_verify.verify_export_file(out, expected_head=head)
    assert report.ok and report.entries == head.seq and report.sheets_checked == 3
    assert not list(tmp_path.glob("*.part"))
    lines = out.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    assert header["format"] == "oaoi-audit-log" and header["head"] == {"seq": head.seq, "hash": head.hash}
    # edit one entry's score in the file
    doc = json.loads(lines[3])
    doc["actor"] = "x"
    lines[3] = json.dumps(doc).encode()
    out.write_bytes(b"\n".join(lines))
    assert audit_verify.verify_export_file(out).first_problem.message_id == "trust.audit.edited_entry"


def test_export_cut_short_is_caught_by_its_header(db, scored, tmp_path):
    out = tmp_path / "audit.jsonl"
    with db.read() as s:
        audit_verify.export_event(s, scored, out, actor=ACTOR)
    lines = out.read_bytes().rstrip(b"\n").split(b"\n")
    out.write_bytes(b"\n".join(lines[:-2] + lines[-1:]) + b"\n")  # drop the last entry, keep the snapshot
    ids = [p.message_id for p in audit_verify.verify_export_file(out).problems]
    assert "trust.audit.truncated" in ids


@pytest.mark.parametrize("content", [b"", b"not json\n", b'{"format": "other"}\n', b"\xff\xfe\n",
                                     b'{"format": "oaoi-audit-log", "version": 1, "head": {"seq": 1, "hash": "x"}}\n[1]\n'])
def test_a_file_that_is_not_an_export_is_a_clear_error(tmp_path, content):
    f = tmp_path / "x.jsonl"
    f.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        audit_verify.verify_export_file(f)
    assert "x.jsonl" in info.value.render("en")


# -- command line ----------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _cli_signed_in(monkeypatch):  # the CLI acts only for a signed-in secretariat member (issue 12)
    from tests.support.cli_signin import act_as_test_secretariat

    act_as_test_secretariat(monkeypatch)


def test_cli_verify_export_and_verify_file(db, db_url, scored, tmp_path, capsys):
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", scored]) == 0
    out = capsys.readouterr().out
    assert "chain intact" in out and "Score history adds up: 3 sheets" in out
    assert main(["--db", db_url, "audit", "verify"]) == 0  # every chain
    target = tmp_path / "log.jsonl"
    assert main(["--db", db_url, "--lang", "en", "audit", "export", "--event", scored, "--out", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert main(["--lang", "en", "audit", "verify", "--file", str(target)]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "audit", "verify", "--file", str(target), "--format", "json"]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    assert doc["ok"] and doc["chain"] == scored and doc["sheets_checked"] == 3


def test_cli_exits_1_and_names_the_first_problem(db, db_url, scored, capsys):
    sql(db, "UPDATE scores SET value_milli = 1000 WHERE criterion_id = 'kebaruan' AND value_milli = 9000")
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", scored]) == 1
    out = capsys.readouterr().out
    assert "was changed outside the app" in out and "P-001" in out and "Ani" in out
    with db.read() as s:
        head = audit_verify.chain_head(s, scored)
    sql(db, "DELETE FROM audit_entries WHERE chain = :c AND seq = 2", c=scored)
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", scored,
                 "--head", str(head), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc[0]["problems"][0]["problem"] == "trust.audit.missing_entry"


def test_cli_bad_head_is_one_line_exit_1(db_url, db, scored, capsys):
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", scored, "--head", "12"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("oaoi: Chain head '12' is not valid") and "Traceback" not in err


def test_cli_csv_has_one_row_per_problem(db, db_url, scored, capsys):
    sql(db, "UPDATE scores SET value_milli = 2000 WHERE value_milli = 9000")
    assert main(["--db", db_url, "audit", "verify", "--event", scored, "--format", "csv"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "chain,event,entries,head,ok,seq,problem,message"
    assert len(lines) > 2 and all(",trust.replay.score_differs," in line for line in lines[1:])
