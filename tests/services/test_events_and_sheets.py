"""Events, rubric freezing, judges, recusal and score sheets via the services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import accounts, assignments, dossiers, events, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, RecusalLevel, Role, RubricVersion, Score, SheetStatus
from support.builders import ACTOR, KIPP_CRITERIA, RUBRICS, add_dossier, add_judges, make_event, score, uniform


def test_event_stores_its_rubric_as_canonical_json_with_hash(db: Database) -> None:
    eid = make_event(db)
    with db.read() as s:
        event = events.get_event(s, eid)
        version = s.get(RubricVersion, event.rubric_version_id)
        rubric = load_rubric(RUBRICS / "kipp-proposal.toml")
        assert version.sha256 == rubric.sha256()
        assert events.event_rubric(s, event).sha256() == rubric.sha256()
        assert events.get_event(s, "kipp kota medan 2026").id == event.id


def test_unknown_event_is_a_clear_error(db: Database) -> None:
    with db.read() as s, pytest.raises(NotFoundError) as info:
        events.get_event(s, "Tidak Ada")
    assert "Tidak Ada" in info.value.render("id")


def test_rubric_can_change_before_scoring_but_is_frozen_after(db: Database) -> None:
    eid = make_event(db)
    other = load_rubric(RUBRICS / "opd-regional.toml")
    with db.write() as s:
        events.change_rubric(s, events.get_event(s, eid), other, actor=ACTOR)
    with db.write() as s:
        events.change_rubric(s, events.get_event(s, eid), load_rubric(RUBRICS / "kipp-proposal.toml"), actor=ACTOR)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-001")
    score(db, eid, "Ani", "P-001", {"signifikansi": 8}, submit=False)
    with db.write() as s, pytest.raises(ConflictError) as info:
        events.change_rubric(s, events.get_event(s, eid), other, actor=ACTOR)
    assert info.value.message_id == "event.rubric_frozen"
    with db.read() as s:
        assert events.event_rubric(s, events.get_event(s, eid)).id == "kipp-proposal"


def test_judge_names_are_unique_per_event_and_found_by_name_or_id(db: Database) -> None:
    eid = make_event(db)
    (ani,) = add_judges(db, eid, ["Ani Lestari"])
    with db.write() as s:
        event = events.get_event(s, eid)
        with pytest.raises(ConflictError):
            accounts.add_judge(s, event, name="ani lestari", instansi="X", role=Role.MEMBER, actor=ACTOR)
    with db.read() as s:
        event = events.get_event(s, eid)
        assert str(accounts.find_judge(s, event, "Ani Lestari").id) == ani
        assert str(accounts.find_judge(s, event, ani).id) == ani
        with pytest.raises(NotFoundError):
            accounts.find_judge(s, event, "Budi")


def test_secrets_are_stored_only_as_scrypt_hashes(db: Database) -> None:
    with db.write() as s:
        user = accounts.add_secretariat(s, name="Sekretariat", secret="rahasia-sekretariat-123", actor=ACTOR)
        assert "rahasia-sekretariat-123" not in user.credential_hash
        assert user.credential_hash.startswith("scrypt$")
        assert accounts.verify_secret("rahasia-sekretariat-123", user.credential_hash)
        assert not accounts.verify_secret("rahasia-sekretariat-124", user.credential_hash)
    with db.write() as s, pytest.raises(ValidationError):
        accounts.add_secretariat(s, name="Lain", secret="12", actor=ACTOR)


def test_recused_judge_cannot_be_assigned(db: Database) -> None:
    eid = make_event(db, recusal=RecusalLevel.INSTANSI)
    add_judges(db, eid, ["Ani"], instansi="Pemerintah Kota Medan")
    add_dossier(db, eid, "P-001", instansi="Pemerintah  Kota Medan.")
    with db.write() as s:
        event = events.get_event(s, eid)
        judge = accounts.find_judge(s, event, "Ani")
        dossier = dossiers.get_dossier(s, event, "P-001")
        assert assignments.recused(event, judge, dossier)
        with pytest.raises(ConflictError) as info:
            assignments.assign(s, event, dossier, judge, actor=ACTOR)
    assert "Ani" in info.value.render("id")


def save(db: Database, eid: str, judge: str, dossier: str, values: dict, *, submit: bool,  # type: ignore[type-arg]
         comments: dict[str, str] | None = None) -> None:
    """The store-level helper (private to the services that check authority), as the judge."""
    with db.write() as s:
        event = events.get_event(s, eid)
        j = accounts.find_judge(s, event, judge)
        d = dossiers.get_dossier(s, event, dossier)
        if not assignments.is_assigned(s, d, j, "proposal"):
            assignments.assign(s, event, d, j, actor=ACTOR)
        sheets.save_sheet_unchecked(s, event, j, d, values=values, comments=comments, submit=submit, actor=Actor(j.name, j.id))


def test_saving_and_submitting_a_sheet_writes_scores_and_audit(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-001")
    save(db, eid, "Ani", "P-001", {"signifikansi": 9, "kebaruan": "7"}, submit=False)
    values = uniform(KIPP_CRITERIA, 8)
    save(db, eid, "Ani", "P-001", values, submit=True)
    with db.read() as s:
        event = events.get_event(s, eid)
        sheet = sheets.get_sheet(s, dossiers.get_dossier(s, event, "P-001"),
                                 accounts.find_judge(s, event, "Ani"), "proposal", actor=ACTOR)
        assert sheet.status == SheetStatus.SUBMITTED
        assert sheet.revision == 2
        assert {sc.criterion_id: sc.value_milli for sc in sheet.scores} == {c: 8000 for c in KIPP_CRITERIA}
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.chain == eid).order_by(AuditEntry.seq)).all()
        assert actions[-2:] == ["sheet.saved", "sheet.submitted"]
        assert verify_chain(s, eid, actor=ACTOR).ok


def test_submit_needs_every_criterion_and_required_comments(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-001")
    with pytest.raises(ValidationError) as info:
        save(db, eid, "Ani", "P-001", {"signifikansi": 9}, submit=True)
    assert info.value.message_id == "sheet.incomplete"
    low = uniform(KIPP_CRITERIA, 8) | {"kebaruan": 2}
    with pytest.raises(ValidationError) as info:
        save(db, eid, "Ani", "P-001", low, submit=True)
    assert info.value.message_id == "sheet.comment_required"
    save(db, eid, "Ani", "P-001", low, submit=True, comments={"kebaruan": "Tidak ada pembeda dari layanan lama."})
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Score)) == 7


@pytest.mark.parametrize("bad", [11, 0, "7.5", "abc", Decimal("-1")])
def test_scores_off_the_scale_are_refused_and_nothing_is_written(db: Database, bad: object) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-001")
    with pytest.raises(ValidationError) as info:
        score(db, eid, "Ani", "P-001", {"signifikansi": bad}, submit=False)
    assert "signifikansi" in info.value.render("id")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Score)) == 0


def test_unassigned_judge_cannot_score(db: Database) -> None:
    eid = make_event(db)
    add_judges(db, eid, ["Ani"])
    add_dossier(db, eid, "P-001")
    with db.write() as s:
        event = events.get_event(s, eid)
        with pytest.raises(PermissionDeniedError):
            ani = accounts.find_judge(s, event, "Ani")
            sheets.save_sheet_unchecked(s, event, ani, dossiers.get_dossier(s, event, "P-001"), values={"signifikansi": 5},
                               actor=Actor(ani.name, ani.id))
