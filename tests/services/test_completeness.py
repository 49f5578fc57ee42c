"""Issue 14, "results are never issued incomplete": the completeness state per dossier, finalising
refused while assigned sheets are missing (unless withdrawn or excepted with a reason), and the
judge's refused write after finalisation read as a plain sentence."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import select

from oaoi_desktop import i18n
from oaoi_desktop.errors import ConflictError, OaoiError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import accounts, assignments, completeness, dossiers, events, finalisation, judging
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, EventStatus, IssuedDocument
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, add_judges, fill_sheet, make_event, score, uniform


def issue_minutes(db: Database, event_id: str, number: str) -> None:
    with db.write() as s:
        e = events.get_event(s, event_id)
        seq = len(list(s.scalars(select(IssuedDocument.id).where(IssuedDocument.event_id == e.id)))) + 1
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number=number, sequence=seq,
                             fingerprint="ab" * 32, details={}, file_name="ba.pdf", created_by="test"))


@pytest.fixture
def ev(db: Database) -> str:
    """Three judges; P-1 scored by all three, P-2 by two of three (the third has a draft),
    P-3 assigned to nobody, P-4 scored by one judge whose other assignment's judge then declared a conflict."""
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Budi", "Sari"])
    for n in ("P-1", "P-2", "P-3", "P-4"):
        add_dossier(db, eid, n)
    for j in ("Ketua", "Budi", "Sari"):
        score(db, eid, j, "P-1", uniform(KIPP_CRITERIA, 8))
    score(db, eid, "Ketua", "P-2", uniform(KIPP_CRITERIA, 7))
    score(db, eid, "Budi", "P-2", uniform(KIPP_CRITERIA, 6))
    score(db, eid, "Sari", "P-2", {"kebaruan": 5}, submit=False)  # a draft: missing
    score(db, eid, "Ketua", "P-4", uniform(KIPP_CRITERIA, 9))
    with db.write() as s:
        e = events.get_event(s, eid)
        budi = accounts.find_judge(s, e, "Budi")
        p4 = dossiers.get_dossier(s, e, "P-4")
        assignments.assign(s, e, p4, budi, actor=ACTOR)
        judging.declare_integrity(s, e, budi)
        judging.declare_conflict(s, e, budi, p4, "kerabat pengusul", actor=Actor(budi.name, budi.id))
    return eid


def state(db: Database, eid: str, actor: Actor = ACTOR) -> completeness.Completeness:
    with db.read() as s:
        return completeness.dossier_completeness(s, events.get_event(s, eid), actor=actor)


def test_sheets_expected_and_submitted_per_dossier(db: Database, ev: str) -> None:
    st = state(db, ev)
    p1, p2, p3, p4 = (st.of(_id(db, ev, n)) for n in ("P-1", "P-2", "P-3", "P-4"))
    assert (p1.expected, p1.submitted, p1.complete) == (3, 3, True)
    assert (p2.expected, p2.submitted, p2.complete) == (3, 2, False)
    assert (p3.expected, p3.submitted, p3.complete) == (0, 0, False)  # at least one sheet is needed
    assert (p4.expected, p4.submitted, p4.complete) == (1, 1, True)   # the conflicted judge is not expected
    assert (st.total, st.complete_count, st.sheets_expected, st.sheets_submitted) == (4, 2, 7, 6)
    assert [(m.number, m.judge, m.status) for m in st.missing] == [("P-2", "Sari", "draft")]
    assert p2.badge("id") == "belum lengkap 2/3" and p1.badge("en") == "complete 3/3"
    assert i18n.render("complete.header", "id", complete=2, total=4) == "2 dari 4 proposal lengkap"


def test_an_inactive_judges_unscored_assignment_is_not_expected(db: Database, ev: str) -> None:
    with db.write() as s:
        accounts.find_judge(s, events.get_event(s, ev), "Sari").active = False
    p2 = state(db, ev).of(_id(db, ev, "P-2"))
    assert (p2.expected, p2.submitted, p2.complete) == (2, 2, True)


def test_a_stage_narrows_the_count(db: Database, ev: str) -> None:
    with db.read() as s:
        e = events.get_event(s, ev)
        first = events.event_rubric(s, e).first_stage.id
        assert completeness.dossier_completeness(s, e, actor=ACTOR, stage_id=first).sheets_expected == 7
        assert completeness.dossier_completeness(s, e, actor=ACTOR, stage_id="tidak-ada").sheets_expected == 0


def test_judges_may_not_read_it(db: Database, ev: str) -> None:
    with db.read() as s:
        budi = accounts.find_judge(s, events.get_event(s, ev), "Budi")
        actor = Actor(budi.name, budi.id)
    with pytest.raises(PermissionDeniedError):
        state(db, ev, actor)
    with pytest.raises(PermissionDeniedError):
        state(db, ev, Actor("seseorang"))


def test_finalise_is_refused_while_a_sheet_is_missing(db: Database, ev: str) -> None:
    issue_minutes(db, ev, "BA-001/2026")
    with pytest.raises(ConflictError) as err, db.write() as s:
        finalisation.finalise_event(s, ev, ACTOR, paper_signed=True)
    assert err.value.message_id == "finalise.incomplete"
    text = err.value.render("id")
    assert "belum dapat difinalisasi" in text and "1 lembar penilaian belum dikirim" in text
    assert "P-2 (Sari)" in text
    with db.read() as s:
        st = finalisation.state(s, ev, actor=ACTOR)
        assert not st.can_finalise and [(m.number, m.judge) for m in st.missing_sheets] == [("P-2", "Sari")]
        assert events.get_event(s, ev).status is not EventStatus.FINALISED


def test_withdrawing_the_assignment_lets_it_finalise(db: Database, ev: str) -> None:
    with db.write() as s:
        e = events.get_event(s, ev)
        assignments.unassign(s, e, dossiers.get_dossier(s, e, "P-2"), accounts.find_judge(s, e, "Sari"), actor=ACTOR)
    issue_minutes(db, ev, "BA-001/2026")
    with db.write() as s:
        finalisation.finalise_event(s, ev, ACTOR, paper_signed=True)
    with db.read() as s:
        assert events.get_event(s, ev).status is EventStatus.FINALISED
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "assignment.removed")) is not None


def test_a_reasoned_exception_is_audited_and_lets_it_finalise(db: Database, ev: str) -> None:
    with pytest.raises(ValidationError) as err, db.write() as s:
        completeness.record_exception(s, events.get_event(s, ev), actor=ACTOR, reason="   ")
    assert err.value.message_id == "complete.reason_required"
    with pytest.raises(ValidationError) as err, db.write() as s:
        completeness.record_exception(s, events.get_event(s, ev), actor=ACTOR, reason="x", dossiers=["P-1"])
    assert err.value.message_id == "complete.not_missing" and "p-1" in err.value.render("id").lower()
    with db.read() as s:  # a judge cannot record one
        sari = accounts.find_judge(s, events.get_event(s, ev), "Sari")
        sari_actor = Actor(sari.name, sari.id)
    with pytest.raises(PermissionDeniedError), db.write() as s:
        completeness.record_exception(s, events.get_event(s, ev), actor=sari_actor, reason="x")
    with db.write() as s:
        done = completeness.record_exception(s, events.get_event(s, ev), actor=ACTOR,
                                             reason="Sari  sakit, tidak hadir pada hari kedua")
    assert [(m.number, m.judge, m.exception) for m in done] == [("P-2", "Sari", "Sari sakit, tidak hadir pada hari kedua")]
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == completeness.EXCEPTION_ACTION))
        assert entry.actor_id == ACTOR.user_id and entry.after["reason"] == "Sari sakit, tidak hadir pada hari kedua"
        assert [x["number"] for x in entry.after["sheets"]] == ["P-2"]
        assert verify_chain(s, ev, actor=ACTOR).ok
    st = state(db, ev)
    assert not st.blocking and [m.judge for m in st.excepted] == ["Sari"]
    assert not st.of(_id(db, ev, "P-2")).complete  # still marked incomplete wherever results are shown
    with db.write() as s:  # nothing left to except: nothing recorded
        assert completeness.record_exception(s, events.get_event(s, ev), actor=ACTOR, reason="lagi") == ()
    issue_minutes(db, ev, "BA-001/2026")
    with db.write() as s:
        finalisation.finalise_event(s, ev, ACTOR, paper_signed=True)
    with db.read() as s:
        assert events.get_event(s, ev).status is EventStatus.FINALISED


def test_a_berita_acara_issued_before_the_exception_must_be_issued_again(db: Database, ev: str) -> None:
    issue_minutes(db, ev, "BA-001/2026")
    with db.write() as s:
        completeness.record_exception(s, events.get_event(s, ev), actor=ACTOR, reason="Sari berhalangan")
    with pytest.raises(ConflictError) as err, db.write() as s:
        finalisation.finalise_event(s, ev, ACTOR, paper_signed=True)
    assert err.value.message_id == "finalise.minutes_before_exception" and "BA-001/2026" in err.value.render("id")
    issue_minutes(db, ev, "BA-002/2026")
    with db.write() as s:
        finalisation.finalise_event(s, ev, ACTOR, paper_signed=True)


INTERNAL = re.compile(r"\b(?:score|sheet|assignment|policy|judging|event)\.[a-z_]+\b|\bgui:|\boaoi [a-z]")


def test_a_judges_refused_write_after_finalisation_is_a_plain_sentence(db: Database, ev: str) -> None:
    with db.write() as s:
        e = events.get_event(s, ev)
        completeness.record_exception(s, e, actor=ACTOR, reason="Sari berhalangan")
    issue_minutes(db, ev, "BA-001/2026")
    with db.write() as s:
        finalisation.finalise_event(s, ev, ACTOR, paper_signed=True)
    with db.read() as s:
        e = events.get_event(s, ev)
        sari = accounts.find_judge(s, e, "Sari")
        sheet = judging.sheet_state(s, e, sari, "P-2")
        assert sheet.event_finalised and not sheet.editable and not sheet.can_submit
    for write in (
        lambda s, e, j: judging.record_score(s, e, j, "P-2", "kebaruan", 9),
        lambda s, e, j: judging.record_comment(s, e, j, "P-2", "kebaruan", "baik"),
        lambda s, e, j: judging.submit_sheet(s, e, j, "P-2"),
    ):
        with pytest.raises(OaoiError) as err, db.write() as s:
            e = events.get_event(s, ev)
            write(s, e, accounts.find_judge(s, e, "Sari"))
        for lang in ("id", "en"):
            text = err.value.render(lang)
            assert not INTERNAL.search(text), text
            assert "test:secretariat" not in text and str(ev) not in text
        assert "sudah difinalisasi pada" in err.value.render("id") and "Hubungi sekretariat" in err.value.render("id")


JUDGE_PATH = ("policy.other_event", "policy.not_own", "policy.event_finalised", "policy.not_assigned",
              "policy.recused", "policy.conflict_declared", "policy.sheet_final", "finalise.refused")


def test_judging_path_messages_name_no_internal_id_or_command() -> None:
    """The catalogue texts a judge can meet while scoring: no ``{action}`` id, no ``oaoi`` command."""
    messages = i18n.all_messages()
    ids = [k for k in messages if k.startswith(("judging.", "sheet.", "complete."))] + list(JUDGE_PATH)
    ids = [k for k in ids if ".cli." not in k and not k.startswith("judging.cli")]
    assert len(ids) > 20
    for key in ids:
        for lang, text in messages[key].items():
            assert "{action}" not in text and "oaoi " not in text, (key, lang, text)
            assert not re.search(r"\{[a-z_]*_id\}", text), (key, lang, text)


def _id(db: Database, eid: str, number: str) -> uuid.UUID:
    with db.read() as s:
        return dossiers.get_dossier(s, events.get_event(s, eid), number).id


def test_calibration_dossiers_and_trainee_judges_are_never_expected(db: Database, ev: str) -> None:
    """Issue 17 beside issue 14: a calibration dossier and a shadow judge's sheets are practice; a
    pending one neither marks a result incomplete nor holds up finalising."""
    from oaoi_desktop.services import calibration
    from oaoi_desktop.store.models import Role

    add_dossier(db, ev, "K-1")
    with db.write() as s:
        e = events.get_event(s, ev)
        calibration.flag_dossiers(s, e, ["K-1"], actor=ACTOR)
        trainee = accounts.add_judge(s, e, name="Magang", instansi="KemenPAN-RB", role=Role.SHADOW, actor=ACTOR)
        for n in ("P-1", "K-1"):
            assignments.assign(s, e, dossiers.get_dossier(s, e, n), trainee, actor=ACTOR)
        assignments.assign(s, e, dossiers.get_dossier(s, e, "K-1"), accounts.find_judge(s, e, "Ketua"), actor=ACTOR)
    st = state(db, ev)
    assert "K-1" not in {c.number for c in st.dossiers.values()}  # not a result: not listed
    assert st.of(_id(db, ev, "P-1")).expected == 3  # the trainee's pending sheet is not expected
    assert [(m.number, m.judge) for m in st.missing] == [("P-2", "Sari")]  # nothing of K-1 or the trainee
    assert (st.total, st.sheets_expected) == (4, 7)
