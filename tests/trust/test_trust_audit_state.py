"""``oaoi audit verify`` over the whole result state (issue 13, observed point 2).

Each test edits the database file directly, as someone holding it would (SQL,
no service, no audit entry), and asserts that ``audit verify`` now names the
table, the row and the field, and that the CLI exits 1.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from sqlalchemy import select, text, update

from oaoi_desktop.cli import main
from oaoi_desktop.services import accounts, audit_state, audit_verify, dossiers, events, plenary, stages
from oaoi_desktop.store.models import Event, RubricVersion
from tests.support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, make_event, score, uniform
from tests.support.cli_signin import act_as_test_secretariat

# The tampering is SQL on the real database: run it on PostgreSQL too (when a test server is given).
pytestmark = pytest.mark.parametrize(
    "db_backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)


@pytest.fixture(autouse=True)
def _secretariat_signed_in(monkeypatch):
    """``oaoi audit verify`` on a database is the secretariat's: the CLI calls sign in as the tests' account."""
    act_as_test_secretariat(monkeypatch)


@pytest.fixture
def ranked(db):
    """Three judges, four dossiers in two kelompok, every sheet submitted."""
    event_id = make_event(db)
    add_judges(db, event_id, ["Ani", "Budi", "Citra"])
    add_dossier(db, event_id, "P-001", kategori="Digital")
    add_dossier(db, event_id, "P-002", kategori="Digital")
    add_dossier(db, event_id, "P-003", kategori="Layanan", kelompok="replikasi", instansi="Kabupaten Deli Serdang")
    add_dossier(db, event_id, "P-004", kategori="Layanan", kelompok="replikasi")
    for judge, base in (("Ani", 9), ("Budi", 8), ("Citra", 7)):
        score(db, event_id, judge, "P-001", uniform(KIPP_CRITERIA, base))
        score(db, event_id, judge, "P-002", uniform(KIPP_CRITERIA, base - 2))
        score(db, event_id, judge, "P-003", uniform(KIPP_CRITERIA, base - 1))
    score(db, event_id, "Ani", "P-004", uniform(KIPP_CRITERIA, 6))
    return event_id


def sql(db, statement, **params):
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def scalar(db, statement, **params):
    with db.engine.begin() as conn:
        return conn.execute(text(statement), params).scalar_one()


def verify(db, event_id, **kw):
    with db.read() as s:
        return audit_verify.verify_event(s, event_id, **kw, actor=ACTOR)


def cli_fails_naming(db_url, event_id, capsys, *needles):
    """``oaoi audit verify --event`` exits 1 and its output names every needle."""
    code = main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", event_id])
    out = capsys.readouterr().out
    assert code == 1, out
    for needle in needles:
        assert needle in out, (needle, out)
    return out


def problems(report):
    return [(p.message_id, p.params.get("table"), p.params.get("field")) for p in report.problems]


def sheet_id(db, event_id, judge, number):
    return scalar(db, "SELECT s.id FROM score_sheets s JOIN users u ON u.id = s.judge_id "
                      "JOIN dossiers d ON d.id = s.dossier_id WHERE u.name = :j AND d.number = :n", j=judge, n=number)


def test_the_untouched_event_verifies_with_the_whole_state(db, ranked, db_url, capsys):
    report = verify(db, ranked)
    assert report.ok, [p.render("en") for p in report.problems]
    assert report.skipped == ()
    assert report.state_checked and len(report.digest) == 64
    with db.read() as s:
        assert report.digest == audit_state.event_digest(s, events.get_event(s, ranked))
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", ranked]) == 0
    assert report.digest in capsys.readouterr().out


# -- observed: each of these passed `audit verify` before ------------------------------------------
def test_swapping_the_dossiers_of_two_sheets_of_one_judge_is_caught(db, ranked, db_url, capsys):
    a, b = sheet_id(db, ranked, "Ani", "P-001"), sheet_id(db, ranked, "Ani", "P-002")
    d1 = scalar(db, "SELECT dossier_id FROM score_sheets WHERE id = :i", i=a)
    d2 = scalar(db, "SELECT dossier_id FROM score_sheets WHERE id = :i", i=b)
    # the unique (dossier, judge, stage) key is dodged through a spare stage id, as a forger would
    sql(db, "UPDATE score_sheets SET dossier_id = :d, stage_id = 'tmp' WHERE id = :i", d=d2, i=a)
    sql(db, "UPDATE score_sheets SET dossier_id = :d WHERE id = :i", d=d1, i=b)
    sql(db, "UPDATE score_sheets SET stage_id = 'proposal' WHERE id = :i", i=a)
    report = verify(db, ranked)
    found = problems(report)
    assert ("audit.verify.field_differs", "score_sheets", "dossier_id") in found
    [p] = [p for p in report.problems if p.params.get("field") == "dossier_id" and p.params["row"].startswith("P-001")]
    assert (p.params["logged"], p.params["stored"]) == ("P-001", "P-002")
    cli_fails_naming(db_url, ranked, capsys, "score_sheets", "dossier_id", "P-001", "P-002")


def test_moving_a_sheet_to_another_judge_is_caught(db, ranked, db_url, capsys):
    sid = sheet_id(db, ranked, "Ani", "P-004")
    budi = scalar(db, "SELECT id FROM users WHERE name = 'Budi'")
    sql(db, "UPDATE score_sheets SET judge_id = :j WHERE id = :i", j=budi, i=sid)
    report = verify(db, ranked)
    assert ("audit.verify.field_differs", "score_sheets", "judge_id") in problems(report)
    [p] = [p for p in report.problems if p.params.get("field") == "judge_id"]
    assert (p.params["logged"], p.params["stored"]) == ("Ani", "Budi")
    cli_fails_naming(db_url, ranked, capsys, "score_sheets", "judge_id", "Ani", "Budi")


def test_moving_a_sheet_to_another_stage_is_caught(db, ranked):
    sid = sheet_id(db, ranked, "Ani", "P-004")
    sql(db, "UPDATE score_sheets SET stage_id = 'presentasi' WHERE id = :i", i=sid)
    assert ("audit.verify.field_differs", "score_sheets", "stage_id") in problems(verify(db, ranked))


def lower_weight(db, event_id, criterion="signifikansi", to=5, move_to="kebaruan"):
    """Edit the stored rubric document (and its sha256 column, to look consistent) with SQL."""
    with db.read() as s:
        version_id = s.get(Event, __import__("uuid").UUID(event_id)).rubric_version_id
        doc = json.loads(s.get(RubricVersion, version_id).document)
    for stage in doc["stages"]:
        for c in stage["criteria"]:
            if c["id"] == criterion:
                moved = int(c["weight"]) - to
                c["weight"] = to
        for c in stage["criteria"]:
            if c["id"] == move_to:
                c["weight"] = int(c["weight"]) + moved  # still sums to 100
    from oaoi_desktop.domain import canonical

    new = canonical.dumps(doc).decode("utf-8")
    with db.engine.begin() as conn:
        conn.execute(update(RubricVersion).where(RubricVersion.id == version_id).values(
            document=new, sha256=canonical.sha256_hex(doc)))


def test_lowering_a_criterion_weight_in_the_rubric_is_caught(db, ranked, db_url, capsys):
    lower_weight(db, ranked)
    with db.read() as s:  # the rubric the ranking now uses is the edited one
        rubric = events.event_rubric(s, events.get_event(s, ranked))
        assert rubric.first_stage.criterion("signifikansi").weight == 5
    report = verify(db, ranked)
    assert ("audit.verify.field_differs", "rubric_versions", "document") in problems(report)
    cli_fails_naming(db_url, ranked, capsys, "rubric_versions", "document")


@pytest.mark.parametrize("field,value", [("kelompok", "khusus"), ("kategori", "Kesehatan"),
                                         ("instansi", "KemenPAN-RB"), ("unit_kerja", "Dinas Kominfo"),
                                         ("klaster", "kota"), ("number", "P-099")])
def test_editing_a_dossier_grouping_or_identity_field_is_caught(db, ranked, db_url, capsys, field, value):
    sql(db, f"UPDATE dossiers SET {field} = :v WHERE number = 'P-002'", v=value)
    report = verify(db, ranked)
    assert problems(report) == [("audit.verify.field_differs", "dossiers", field)]
    [p] = report.problems
    assert p.params["stored"] == value
    cli_fails_naming(db_url, ranked, capsys, "dossiers", field, value)


def test_editing_the_recusal_aliases_or_level_is_caught(db, ranked, db_url, capsys):
    with db.engine.begin() as conn:
        settings = conn.execute(select(Event.settings).where(Event.id == __import__("uuid").UUID(ranked))).scalar_one()
        settings = {**settings, "aliases": {"KemenPAN-RB": ["Pemerintah Kota Medan"]}}
        conn.execute(update(Event).where(Event.id == __import__("uuid").UUID(ranked)).values(settings=settings))
    assert problems(verify(db, ranked)) == [("audit.verify.field_differs", "events", "aliases")]
    cli_fails_naming(db_url, ranked, capsys, "events", "aliases")
    sql(db, "UPDATE events SET recusal_level = 'unit_kerja'")
    assert ("audit.verify.field_differs", "events", "recusal_level") in problems(verify(db, ranked))


@pytest.mark.parametrize("field,value", [("role", "chair"), ("instansi", "Pemerintah Kota Medan"),
                                         ("unit_kerja", "Bagian Organisasi"), ("active", False)])
def test_changing_a_judge_role_instansi_unit_or_active_flag_is_caught(db, ranked, db_url, capsys, field, value):
    sql(db, f"UPDATE users SET {field} = :v WHERE name = 'Budi'", v=value)
    report = verify(db, ranked)
    assert problems(report) == [("audit.verify.field_differs", "users", field)]
    assert report.problems[0].params["row"] == "Budi"
    cli_fails_naming(db_url, ranked, capsys, "users", "Budi", field)


# -- the rest of what moves a rank -----------------------------------------------------------------
def test_an_added_or_deleted_assignment_is_caught(db, ranked):
    d2 = scalar(db, "SELECT id FROM dossiers WHERE number = 'P-004'")
    budi = scalar(db, "SELECT id FROM users WHERE name = 'Budi'")
    with db.engine.begin() as conn:
        from oaoi_desktop.store.models import Assignment

        import uuid as _u
        conn.execute(Assignment.__table__.insert().values(
            id=_u.uuid4(), event_id=_u.UUID(ranked), dossier_id=d2 if isinstance(d2, _u.UUID) else _u.UUID(d2),
            judge_id=budi if isinstance(budi, _u.UUID) else _u.UUID(budi), stage_id="proposal"))
    found = problems(verify(db, ranked))
    assert found == [("audit.verify.row_not_logged", "assignments", None)]
    sql(db, "DELETE FROM assignments WHERE dossier_id = :d AND judge_id = :j", d=d2, j=budi)
    assert verify(db, ranked).ok
    sql(db, "DELETE FROM assignments WHERE id IN (SELECT a.id FROM assignments a JOIN users u ON u.id = a.judge_id "
            "WHERE u.name = 'Citra')")
    assert {p for p in problems(verify(db, ranked))} == {("audit.verify.row_missing", "assignments", None)}


def test_an_unlogged_judge_or_dossier_row_is_caught(db, ranked):
    sql(db, "UPDATE users SET event_id = NULL WHERE name = 'Citra'")  # Citra leaves the panel
    found = problems(verify(db, ranked))
    assert ("audit.verify.row_missing", "users", None) in found


def test_stage_decisions_and_plenary_adjustments_are_replayed(db, ranked):
    with db.write() as s:
        event = events.get_event(s, ranked)
        budi = accounts.find_judge(s, event, "Budi")
        p1 = dossiers.get_dossier(s, event, "P-001")
        plenary.correct_score(s, event, p1, budi, "kebaruan", "9", reason="disepakati", judge_agreed=True,
                              actor=ACTOR)
        stages.close_stage(s, event, "proposal", actor=ACTOR, top_n=1)
    assert verify(db, ranked).ok
    with db.engine.begin() as conn:
        import uuid as _u
        settings = conn.execute(select(Event.settings).where(Event.id == _u.UUID(ranked))).scalar_one()
        state = settings["stages"]["proposal"]
        settings["stages"]["proposal"] = {**state, "advanced": list(reversed(state["advanced"])) + ["x"]}
        conn.execute(update(Event).where(Event.id == _u.UUID(ranked)).values(settings=settings))
    assert problems(verify(db, ranked)) == [("audit.verify.field_differs", "events", "stages.proposal")]


def test_an_edited_plenary_decision_of_any_kind_is_caught(db, ranked):
    with db.write() as s:
        event = events.get_event(s, ranked)
        budi = accounts.find_judge(s, event, "Budi")
        p1 = dossiers.get_dossier(s, event, "P-001")
        plenary.correct_score(s, event, p1, budi, "kebaruan", "9", reason="disepakati", judge_agreed=True,
                              actor=ACTOR)
    sql(db, "UPDATE plenary_adjustments SET criterion_id = 'signifikansi'")
    assert ("audit.verify.field_differs", "plenary_adjustments", "criterion_id") in problems(verify(db, ranked))


# -- old databases -------------------------------------------------------------------------------
def test_entries_written_before_the_active_flag_was_logged_are_not_a_failure(db, ranked):
    """judge.added entries of older versions carry no 'active': the app only ever created active judges."""
    from oaoi_desktop.services.audit import entry_hash
    from oaoi_desktop.store.models import AuditEntry, AuditHead

    with db.write() as s:  # rebuild the chain as an older version wrote it (no 'active' in judge.added)
        entries = s.scalars(select(AuditEntry).where(AuditEntry.chain == ranked).order_by(AuditEntry.seq)).all()
        prev = "0" * 64
        for e in entries:
            if e.action == "judge.added":
                e.after = {k: v for k, v in e.after.items() if k != "active"}
            e.prev_hash = prev
            e.hash = entry_hash(e)
            prev = e.hash
        s.get(AuditHead, ranked).hash = prev
    assert verify(db, ranked).ok
    sql(db, "UPDATE users SET active = :v WHERE name = 'Budi'", v=False)
    assert problems(verify(db, ranked)) == [("audit.verify.field_differs", "users", "active")]


# -- the digest ----------------------------------------------------------------------------------
def test_the_digest_is_one_function_of_the_state_and_moves_with_it(db, ranked):
    with db.read() as s:
        event = events.get_event(s, ranked)
        state = audit_state.store_state(s, event, actor=ACTOR)
        d1 = audit_state.digest(state)
        assert d1 == audit_state.event_digest(s, event)
    assert set(state) >= {"event", "rubric", "dossiers", "judges", "assignments", "sheets", "stages", "plenary"}
    sql(db, "UPDATE dossiers SET kategori = 'X' WHERE number = 'P-001'")
    with db.read() as s:
        assert audit_state.event_digest(s, events.get_event(s, ranked)) != d1


def test_cli_digest_matches_and_mismatches(db, ranked, db_url, capsys):
    digest = verify(db, ranked).digest
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", ranked, "--digest", digest]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", ranked, "--digest", "0" * 64]) == 1
    out = capsys.readouterr().out
    assert "0" * 64 in out and digest in out
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--digest", digest]) == 1
    assert "--event" in capsys.readouterr().err
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", ranked, "--digest", "xyz"]) == 1
    err = capsys.readouterr().err
    assert "xyz" in err and "Traceback" not in err


def _pdf_text(path):
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


@pytest.mark.parametrize("lang,label", [("id", "Ringkasan status hasil"), ("en", "Result state digest")])
def test_the_berita_acara_prints_the_digest_and_verify_checks_it(db, ranked, db_url, tmp_path, capsys, lang, label):
    out = tmp_path / "docs"
    assert main(["--db", db_url, "--lang", lang, "export", "minutes", "--event", ranked, "--out", str(out)]) == 0
    [pdf] = list(out.glob("*.pdf"))
    flat = " ".join(_pdf_text(pdf).split())
    assert label in flat
    m = re.search(re.escape(label) + r"[^:]*:\s*([0-9a-f]{64})", flat)
    assert m, flat
    printed = m.group(1)
    capsys.readouterr()
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", ranked, "--digest", printed]) == 0
    lower_weight(db, ranked)
    assert main(["--db", db_url, "--lang", "en", "audit", "verify", "--event", ranked, "--digest", printed]) == 1
    text_out = capsys.readouterr().out
    assert printed in text_out and "rubric_versions" in text_out


# -- panel packages and bundles ------------------------------------------------------------------
def test_bundles_merged_at_the_secretariat_and_a_judges_laptop_verify(db, tmp_path, db_url):
    """The secretariat's event (imported dossiers, merged bundles) replays whole; on a judge's laptop what
    the panel package brought is reported as not covered by the local log, never as a failure."""
    from tests.services.exchange.exchange_world import SCORES, make_world
    from tests.support.builders import ensure_secretariat

    ensure_secretariat(db)
    world = make_world(tmp_path / "panel", sec_url=db_url)
    try:
        ani = world.set_up_laptop("Ani")
        for number, values in SCORES["Ani"].items():
            world.score_on(ani, "Ani", number, values)
        assert world.merge(world.bundle_from(ani, "Ani")).ok
        with world.sec.read() as s:
            report = audit_verify.verify_event(s, world.event_id, actor=ACTOR)
        assert report.ok and report.state_checked, [p.render("en") for p in report.problems]
        from oaoi_desktop.services.audit_verify import verify

        with ani.read() as s:  # a judge's laptop has no secretariat account (audit.read): look inside directly
            laptop = verify._verify_event(s, verify.event_of(s, world.event_id))
        assert laptop.ok, [p.render("en") for p in laptop.problems]
        assert {w.params.get("table") for w in laptop.skipped if w.message_id == "audit.verify.not_covered"} >= {
            "dossiers", "users", "assignments", "events", "rubric_versions"}
        # a dossier field edited at the secretariat after the merge is still caught there
        with world.sec.engine.begin() as conn:
            conn.execute(text("UPDATE dossiers SET kelompok = 'khusus'"))
        with world.sec.read() as s:
            assert {(p.params.get("table"), p.params.get("field")) for p in
                    audit_verify.verify_event(s, world.event_id, actor=ACTOR).problems} == {("dossiers", "kelompok")}
    finally:
        world.close()


def test_an_export_carries_the_state_and_verifies_it_without_a_database(db, ranked, tmp_path):
    out = tmp_path / "log.jsonl"
    with db.read() as s:
        audit_verify.export_event(s, ranked, out, actor=ACTOR)
    digest = verify(db, ranked).digest
    report = audit_verify.verify_export_file(out, expected_digest=digest)
    assert report.ok and report.state_checked and report.digest == digest
    lines = out.read_bytes().rstrip(b"\n").split(b"\n")
    snap = json.loads(lines[-1])
    [did] = [k for k, v in snap["store"]["state"]["dossiers"].items() if v["number"] == "P-003"]
    snap["store"]["state"]["dossiers"][did]["kelompok"] = "umum"
    out.write_bytes(b"\n".join(lines[:-1] + [json.dumps(snap).encode()]) + b"\n")
    found = problems(audit_verify.verify_export_file(out, expected_digest=digest))
    assert ("audit.verify.field_differs", "dossiers", "kelompok") in found
    assert ("audit.verify.digest_mismatch", None, None) in found


def test_an_entry_with_a_payload_the_app_never_writes_is_reported_not_a_crash(db_backend):
    records = [{"seq": 1, "action": "assignment.auto", "entity_type": "event", "entity_id": "e",
                "after": {"stage_id": "proposal", "added": ["not", "a", "mapping"]}},
               {"seq": 2, "action": "stage.closed", "entity_type": "stage", "entity_id": "proposal",
                "after": {"advanced": 7}}]
    logged = audit_state.replay_state(records)
    assert logged.unreadable == [(1, "assignment.auto"), (2, "stage.closed")]
    cmp = audit_state.compare_state(logged, {"event": {}, "rubric": {}}, {})
    assert [(p.message_id, p.seq) for p in cmp.problems][:2] == [("audit.verify.unreadable_entry", 1),
                                                               ("audit.verify.unreadable_entry", 2)]


def test_audit_catalogue_complete(db_backend):
    """Every audit.* message the code uses exists in both languages with the same placeholders."""
    from pathlib import Path

    from oaoi_desktop.i18n import all_messages, catalogue_audit

    merged = all_messages()
    for key, texts in catalogue_audit.MESSAGES.items():
        assert merged[key] is texts and set(texts) == {"id", "en"}, key
        assert set(re.findall(r"{(\w+)}", texts["id"])) == set(re.findall(r"{(\w+)}", texts["en"])), key
    root = Path(audit_state.__file__).resolve().parents[1]
    used: set[str] = set()
    rels = ["services/audit_state.py", "cli/trust.py", "reports/documents.py"]
    rels += [f"services/audit_verify/{p.name}" for p in sorted((root / "services" / "audit_verify").glob("*.py"))]
    for rel in rels:
        source = (root / rel).read_text("utf-8")
        used |= set(re.findall(r"[\"'](audit\.(?:verify|cli|document)\.[a-z_.]+)[\"']", source))
    assert len(used) >= 10 and not (used - set(merged)), sorted(used - set(merged))


def test_the_issued_berita_acara_keeps_its_digest_in_the_chain(db, ranked, tmp_path):
    from oaoi_desktop.services import documents
    from oaoi_desktop.store.models import AuditEntry

    [doc] = documents.prepare(db, ranked, [documents.MINUTES], documents.ExportOptions(), actor=ACTOR)
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "documents.issued")).one()
        assert entry.after["state_digest"] == doc.state_digest == audit_state.event_digest(
            s, events.get_event(s, ranked))
