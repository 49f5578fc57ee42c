"""Identity text: names that drive decisions cannot be spoofed (issue 13, point 3).

Observed: instansi spelled with a zero-width space, a soft hyphen or a
Cyrillic letter were accepted and the conflicted judge was assigned and could
score; ``KIPP-2026-001`` + U+200B imported as a second dossier that looks
identical; judge and event names accepted control characters and
right-to-left overrides.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from oaoi_desktop.domain import identity
from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.errors import ConflictError, OaoiError, ValidationError
from oaoi_desktop.services import accounts, assignments, dossiers, events, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.imports import Outcome, import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Dossier, Role, ScoreSheet
from tests.support.builders import ACTOR, KIPP_CRITERIA, RUBRICS, make_event, uniform
from tests.support.packages import valid_document, write_folder

JUDGE_INSTANSI = "Pemerintah Kota Medan"
LOOK_ALIKES = {
    "zero-width space": "Pemerintah Kota Me\u200bdan",
    "soft hyphen": "Pemerintah Kota Me\u00addan",
    "Cyrillic М and е": "Pemerintah Kota \u041c\u0435dan",
    "word joiner and upper case": "PEMERINTAH\u2060 KOTA MEDAN",
    "full-width letters": "Ｐｅｍｅｒｉｎｔａｈ Kota Medan",
    "Cyrillic І in capitals": "PEMER\u0406NTAH KOTA MEDAN",
}


# -- the pure module -----------------------------------------------------------------------
@pytest.mark.parametrize("spelling", list(LOOK_ALIKES.values()), ids=list(LOOK_ALIKES))
def test_look_alike_agency_names_share_the_recusal_key(spelling: str) -> None:
    assert identity.recusal_key(spelling) == identity.recusal_key(JUDGE_INSTANSI)


def test_different_agencies_keep_different_keys() -> None:
    assert identity.recusal_key("Pemerintah Kota Medan") != identity.recusal_key("Pemerintah Kota Binjai")
    assert identity.recusal_key("Dinas Kesehatan") != identity.recusal_key("Dinas Pendidikan")


@pytest.mark.parametrize("bad", ["Ani\u202eibuB", "Ani\u2066x\u2069", "Ani\x07", "Ani\x1b[31m", "Ani\u200f",
                                 "Ani\ud800"])
def test_clean_refuses_control_and_bidi_characters_naming_the_field(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        identity.clean(bad, "nama juri")
    assert info.value.message_id.startswith("identity.")
    for lang in ("id", "en"):
        text = info.value.render(lang)
        assert "nama juri" in text and "U+" in text


def test_clean_strips_invisible_characters_and_folds_compatibility_forms() -> None:
    assert identity.clean("  Dinas\u200b  Kese\u00adhatan\ufeff ", "instansi") == "Dinas Kesehatan"
    assert identity.clean("Ｄｉｎａｓ\tKota", "instansi") == "Dinas Kota"


def test_dossier_numbers_are_restricted_to_a_documented_character_set() -> None:
    assert identity.dossier_number("KIPP-2026-001\u200b") == "KIPP-2026-001"
    assert identity.dossier_number("ＫＩＰＰ-2026/001.a_b") == "KIPP-2026/001.a_b"
    for bad in ["KIPP 2026", "KIPP-2026-00\u0031\u0301", "КIPP-1", "", "x" * 65, "a;b", "a\u202eb"]:
        with pytest.raises(ValidationError):
            identity.dossier_number(bad)


# -- in the services ------------------------------------------------------------------------
def _judge(db: Database, event_id: str, name: str = "Ani", instansi: str = JUDGE_INSTANSI) -> tuple[str, Actor]:
    with db.write() as s:
        event = events.get_event(s, event_id)
        j = accounts.add_judge(s, event, name=name, instansi=instansi, role=Role.MEMBER, actor=ACTOR)
        return str(j.id), Actor(j.name, j.id)


@pytest.mark.parametrize("spelling", list(LOOK_ALIKES.values()), ids=list(LOOK_ALIKES))
def test_a_look_alike_instansi_does_not_let_the_conflicted_judge_score(db: Database, spelling: str) -> None:
    event_id = make_event(db)
    judge_id, judge_actor = _judge(db, event_id)
    with db.write() as s:
        event = events.get_event(s, event_id)
        d = dossiers.add_dossier(s, event, number="P-001", title="Inovasi", actor=ACTOR, instansi=spelling)
        dossier_id = d.id
    with db.write() as s:
        event = events.get_event(s, event_id)
        judge = accounts.find_judge(s, event, judge_id)
        d = s.get(Dossier, dossier_id)
        assert assignments.recused(event, judge, d)
        with pytest.raises(ConflictError) as info:
            assignments.assign(s, event, d, judge, actor=ACTOR)
        assert info.value.message_id == "assign.recused"
    with pytest.raises(OaoiError), db.write() as s:
        event = events.get_event(s, event_id)
        judge = accounts.find_judge(s, event, judge_id)
        sheets.save_sheet_unchecked(s, event, judge, s.get(Dossier, dossier_id), values=uniform(KIPP_CRITERIA, 9),
                           submit=True, actor=judge_actor)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScoreSheet)) == 0


def test_instansi_is_stored_without_invisible_characters(db: Database) -> None:
    event_id = make_event(db)
    with db.write() as s:
        event = events.get_event(s, event_id)
        d = dossiers.add_dossier(s, event, number="P-001", title="Ino\u200bvasi", actor=ACTOR,
                                 instansi="Pemerintah Kota Me\u00addan", unit_kerja="Dinas\u200b Kesehatan")
        assert (d.instansi, d.unit_kerja, d.title) == ("Pemerintah Kota Medan", "Dinas Kesehatan", "Inovasi")
        j = accounts.add_judge(s, event, name="Bu\u200bdi", instansi="Kemen\u00adPAN-RB", role=Role.MEMBER,
                               actor=ACTOR)
        assert (j.name, j.instansi) == ("Budi", "KemenPAN-RB")


def test_an_alias_spelled_with_look_alikes_still_recuses(db: Database) -> None:
    ensure = make_event(db, name="Lain")  # noqa: F841 - the tests' secretariat account
    with db.write() as s:
        event = events.create_event(s, name="KIPP Alias", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"),
                                    actor=ACTOR, aliases={"Dinas Kesehatan Kota Medan": ["Dinkes Medan"]})
        j = accounts.add_judge(s, event, name="Ani", instansi="Dinas Kesehatan Kota Medan", role=Role.MEMBER,
                               actor=ACTOR)
        d = dossiers.add_dossier(s, event, number="P-001", title="Inovasi", actor=ACTOR,
                                 instansi="D\u0456nkes \u041c\u0435dan")  # Cyrillic і, М, е
        assert assignments.recused(event, j, d)


@pytest.mark.parametrize("bad", ["Ani\u202e", "Ani\x07", "\u2067Ani\u2069", "Ani\x00"])
def test_judge_and_event_names_refuse_control_and_bidi_characters(db: Database, bad: str) -> None:
    event_id = make_event(db)
    with pytest.raises(ValidationError) as info, db.write() as s:
        accounts.add_judge(s, events.get_event(s, event_id), name=bad, instansi="KemenPAN-RB", role=Role.MEMBER,
                           actor=ACTOR)
    assert info.value.message_id.startswith("identity.")
    with pytest.raises(ValidationError) as info, db.write() as s:
        events.create_event(s, name=f"KIPP {bad}", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"), actor=ACTOR)
    assert info.value.message_id.startswith("identity.")
    with pytest.raises(ValidationError), db.write() as s:
        accounts.add_judge(s, events.get_event(s, event_id), name="Ani", instansi=f"Kemen{bad}", role=Role.MEMBER,
                           actor=ACTOR)
    with pytest.raises(ValidationError), db.write() as s:
        events.create_event(s, name="KIPP Alias", rubric=load_rubric(RUBRICS / "kipp-proposal.toml"), actor=ACTOR,
                            aliases={"Dinas": [bad]})
    with db.read() as s:
        assert [e.name for e in events.list_events(s)] == ["KIPP Kota Medan 2026"]


def test_a_judge_name_that_differs_only_in_invisible_characters_is_a_duplicate(db: Database) -> None:
    event_id = make_event(db)
    _judge(db, event_id, "Ani")
    with pytest.raises(ConflictError), db.write() as s:
        accounts.add_judge(s, events.get_event(s, event_id), name="A\u200bni", instansi="X", role=Role.MEMBER,
                           actor=ACTOR)


def test_a_dossier_number_with_a_zero_width_space_is_the_same_dossier(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    first = write_folder(tmp_path / "a", valid_document("KIPP-2026-001"), number="KIPP-2026-001")
    second = write_folder(tmp_path / "b", valid_document("KIPP-2026-001\u200b", title="Lain"), number="KIPP-2026-001")
    today = dt.date(2026, 12, 1)
    report = import_paths(db, event_id, [first], actor=ACTOR, today=today, processes=False, workers=1)
    assert [i.outcome for i in report.items] == [Outcome.IMPORTED]
    report = import_paths(db, event_id, [second], actor=ACTOR, today=today, processes=False, workers=1)
    assert report.items[0].outcome is not Outcome.IMPORTED
    with db.read() as s:
        assert [d.number for d in s.scalars(select(Dossier))] == ["KIPP-2026-001"]


def test_a_dossier_number_outside_the_character_set_is_refused_by_intake(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    folder = write_folder(tmp_path / "a", valid_document("KIPP 2026\u202e001"), number="x")
    report = import_paths(db, event_id, [folder], actor=ACTOR, today=dt.date(2026, 12, 1), processes=False,
                          workers=1)
    item = report.items[0]
    assert item.outcome is Outcome.REJECTED
    assert any(f.message_id.startswith("identity.") and f.render("en") for f in item.findings)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 0


def test_service_add_dossier_refuses_a_bad_number(db: Database) -> None:
    event_id = make_event(db)
    with pytest.raises(ValidationError) as info, db.write() as s:
        dossiers.add_dossier(s, events.get_event(s, event_id), number="P 001\u202e", title="x", actor=ACTOR)
    assert info.value.message_id.startswith("identity.")
