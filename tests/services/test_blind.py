"""Blind mode that actually blinds (issue 14): derived terms in what the judge reads, the
event's own list, and the judge's "Laporkan identitas terlihat" seen by the secretariat."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import PermissionDeniedError, ValidationError
from oaoi_desktop.services import blind, events, judging
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry
from support import judging_builders as jb
from support.builders import ACTOR

SECTION = ("Warga Medan mengurus akta di kantor Disdukcapil sesuai Peraturan Wali Kota Medan Nomor 27 "
           "Tahun 2020; loket ada di Jalan Perintis Kemerdekaan.")
CONTENT = {
    "format_version": 1, "id": "B-1", "title": "Akta Sehari Disdukcapil Medan",
    "instansi": "Pemerintah Kota Medan", "unit_kerja": "Dinas Kependudukan dan Pencatatan Sipil Kota Medan",
    "sections": [{"key": "ringkasan", "title": "Ringkasan", "text": SECTION}],
}


@pytest.fixture
def ev(db: Database) -> str:
    eid = jb.event(db, blind=True)
    jb.judge(db, eid, "Fajar", instansi="KemenPAN-RB")
    jb.judge(db, eid, "Gita", instansi="KemenPAN-RB")
    jb.dossier(db, eid, "B-1", title=CONTENT["title"], instansi=CONTENT["instansi"],
               unit_kerja=CONTENT["unit_kerja"], content=CONTENT)
    jb.dossier(db, eid, "B-2", title="Lain", instansi="Pemerintah Kota Binjai")
    jb.assign(db, eid, "Fajar", "B-1")
    jb.assign(db, eid, "Gita", "B-2")
    jb.declare(db, eid, "Fajar")
    return eid


def _open(db: Database, eid: str, judge: str = "Fajar", number: str = "B-1"):  # type: ignore[no-untyped-def]
    with db.write() as s:
        event, j = jb.who(s, eid, judge)
        return judging.open_dossier_for_judge(s, event, j, number)


def test_the_reader_masks_region_agency_and_regulation(db: Database, ev: str) -> None:
    view = _open(db, ev)
    text = view.sections[0].text
    assert text == ("Warga [disamarkan] mengurus akta di kantor [disamarkan] sesuai [disamarkan]; "
                    "loket ada di Jalan Perintis Kemerdekaan.")
    with db.read() as s:
        event, j = jb.who(s, ev, "Fajar")
        (item,) = judging.judge_queue(s, event, j)
    assert item.title == "Akta Sehari [disamarkan]"


def test_the_events_own_list_masks_what_no_derivation_knows(db: Database, ev: str) -> None:
    with db.write() as s:
        stored = blind.set_blind_terms(s, events.get_event(s, ev), ["  Jalan  Perintis Kemerdekaan ", "",
                                                                   "jalan perintis kemerdekaan"], actor=ACTOR)
    assert stored == ["Jalan Perintis Kemerdekaan"]
    assert _open(db, ev).sections[0].text.endswith("loket ada di [disamarkan].")
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == blind.TERMS_ACTION)).one()
        assert entry.actor == ACTOR.name and entry.after == {"blind_terms": ["Jalan Perintis Kemerdekaan"]}
        assert entry.before == {"blind_terms": []}


def test_a_term_too_short_is_refused_by_name(db: Database, ev: str) -> None:
    with db.write() as s, pytest.raises(ValidationError) as info:
        blind.set_blind_terms(s, events.get_event(s, ev), ["Medan", "PP"], actor=ACTOR)
    assert info.value.message_id == "blindstart.terms.too_short" and "'PP'" in info.value.render("id")


def test_a_judge_cannot_change_the_list(db: Database, ev: str) -> None:
    with db.write() as s, pytest.raises(PermissionDeniedError):
        event, j = jb.who(s, ev, "Fajar")
        blind.set_blind_terms(s, event, ["Medan"], actor=Actor(j.name, j.id))


def test_a_judge_reports_a_leak_and_the_secretariat_sees_it(db: Database, ev: str) -> None:
    with db.write() as s:
        event, j = jb.who(s, ev, "Fajar")
        report = blind.report_leak(s, event, j, "B-1", " Jalan Perintis\nKemerdekaan ", where="Ringkasan",
                                   actor=Actor(j.name, j.id))
    assert report.dossier_number == "B-1" and report.text == "Jalan Perintis Kemerdekaan"
    with db.read() as s:
        (seen,) = blind.leak_reports(s, events.get_event(s, ev), actor=ACTOR)
    assert (seen.dossier_number, seen.judge, seen.text, seen.where) == ("B-1", "Fajar", "Jalan Perintis Kemerdekaan",
                                                                        "Ringkasan")
    with db.read() as s:  # the report is an audit entry of the event's chain
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == blind.LEAK_ACTION)).one()
        assert entry.actor == "Fajar" and entry.entity_type == "dossier"


def test_a_judge_reports_only_on_their_own_assigned_dossier(db: Database, ev: str) -> None:
    with db.write() as s:
        event, fajar = jb.who(s, ev, "Fajar")
        _, gita = jb.who(s, ev, "Gita")
        with pytest.raises(PermissionDeniedError):  # B-2 is Gita's
            blind.report_leak(s, event, fajar, "B-2", "Binjai", actor=Actor(fajar.name, fajar.id))
        with pytest.raises(PermissionDeniedError):  # nobody reports in someone else's name
            blind.report_leak(s, event, fajar, "B-1", "Medan", actor=Actor(gita.name, gita.id))
        with pytest.raises(ValidationError):
            blind.report_leak(s, event, fajar, "B-1", "   ", actor=Actor(fajar.name, fajar.id))
    with db.read() as s:
        assert blind.leak_reports(s, events.get_event(s, ev), actor=ACTOR) == []
        with pytest.raises(PermissionDeniedError):  # the list is the secretariat's
            event, fajar = jb.who(s, ev, "Fajar")
            blind.leak_reports(s, event, actor=Actor(fajar.name, fajar.id))
