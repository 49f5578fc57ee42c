"""The judge workspace services: integrity gate, recusal, conflicts, queue, reader,
blind mode, autosave scoring, submit/lock/unlock."""

from __future__ import annotations

import hashlib
import uuid
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ConflictError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import accounts, events, judging, ranking, sheets
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import (
    Attachment,
    AuditEntry,
    ConflictDeclaration,
    DossierRevision,
    IntegrityDeclaration,
    RecusalLevel,
    Score,
    ScoreSheet,
    SheetStatus,
)
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA


@pytest.fixture
def ev(db: Database) -> str:
    """An event with judge Ani (declared) on P-1, P-2, P-10 and judge Budi on P-3."""
    eid = jb.event(db)
    jb.judge(db, eid, "Ani")
    jb.judge(db, eid, "Budi")
    for number, kategori in (("P-1", "Pelayanan Kesehatan"), ("P-2", "Pendidikan"), ("P-10", "Perizinan"),
                             ("P-3", "Kependudukan")):
        jb.dossier(db, eid, number, title=f"Layanan {kategori} Terpadu", kategori=kategori)
    for number in ("P-1", "P-2", "P-10"):
        jb.assign(db, eid, "Ani", number)
    jb.assign(db, eid, "Budi", "P-3")
    jb.declare(db, eid, "Ani")
    return eid


def record(db: Database, eid: str, judge: str, dossier: str, criterion: str, value, comment=None,
           expected_version=None) -> judging.SheetState:
    with db.write() as s:
        event, j = jb.who(s, eid, judge)
        return judging.record_score(s, event, j, dossier, criterion, value, comment, expected_version)


def fill(db: Database, eid: str, judge: str, dossier: str, value: int = 8) -> judging.SheetState:
    state = None
    for c in KIPP_CRITERIA:
        state = record(db, eid, judge, dossier, c, value)
    assert state is not None
    return state


def submit(db: Database, eid: str, judge: str, dossier: str, **kw) -> judging.SheetState:
    with db.write() as s:
        event, j = jb.who(s, eid, judge)
        return judging.submit_sheet(s, event, j, dossier, **kw)


def queue(db: Database, eid: str, judge: str, **kw) -> list[judging.QueueItem]:
    with db.read() as s:
        event, j = jb.who(s, eid, judge)
        return judging.judge_queue(s, event, j, **kw)


def open_(db: Database, eid: str, judge: str, dossier: str) -> judging.JudgeDossier:
    with db.write() as s:
        event, j = jb.who(s, eid, judge)
        return judging.open_dossier_for_judge(s, event, j, dossier)


# -- integrity -------------------------------------------------------------------------
def test_every_judge_service_refuses_before_the_integrity_declaration(db: Database, ev: str) -> None:
    calls = {
        "queue": lambda s, e, j: judging.judge_queue(s, e, j),
        "progress": lambda s, e, j: judging.queue_progress(s, e, j),
        "open": lambda s, e, j: judging.open_dossier_for_judge(s, e, j, "P-3"),
        "state": lambda s, e, j: judging.sheet_state(s, e, j, "P-3"),
        "score": lambda s, e, j: judging.record_score(s, e, j, "P-3", "kebaruan", 7),
        "comment": lambda s, e, j: judging.record_comment(s, e, j, "P-3", "kebaruan", "x"),
        "submit": lambda s, e, j: judging.submit_sheet(s, e, j, "P-3"),
        "conflict": lambda s, e, j: judging.declare_conflict(s, e, j, "P-3", "saudara kandung"),
        "last": lambda s, e, j: judging.last_open_dossier(s, e, j),
    }
    for name, call in calls.items():
        with db.write() as s:
            event, budi = jb.who(s, ev, "Budi")
            assert not judging.has_declared_integrity(s, event, budi)
            with pytest.raises(PermissionDeniedError) as info:
                call(s, event, budi)
            assert info.value.message_id == "judging.integrity_required", name
            assert "Pakta Integritas" in info.value.render("id")
    with db.read() as s:
        assert s.scalar(select(ScoreSheet.id)) is None
        assert s.scalar(select(ConflictDeclaration.id)) is None
    jb.declare(db, ev, "Budi")
    assert [it.number for it in queue(db, ev, "Budi")] == ["P-3"]


def test_declaration_records_the_hash_of_the_statement_shown(db: Database, ev: str) -> None:
    with db.write() as s:
        event, budi = jb.who(s, ev, "Budi")
        shown = judging.integrity_statement(event, budi, "en")
        assert "Budi" in shown.text and event.name in shown.text and "conflict of interest" in shown.text
        indonesian = judging.integrity_statement(event, budi, "id")
        assert indonesian.title.startswith("PAKTA INTEGRITAS") and "benturan kepentingan" in indonesian.text
        with pytest.raises(ConflictError):
            judging.declare_integrity(s, event, budi, lang="en", statement_sha256="0" * 64)
    with db.write() as s:
        event, budi = jb.who(s, ev, "Budi")
        row = judging.declare_integrity(s, event, budi, lang="en", statement_sha256=shown.sha256)
        again = judging.declare_integrity(s, event, budi, lang="id")
        assert again.id == row.id
    with db.read() as s:
        stored = s.scalars(select(IntegrityDeclaration).where(IntegrityDeclaration.judge_id == budi.id)).one()
        assert stored.statement_sha256 == shown.sha256
        assert stored.statement_sha256 == hashlib.sha256(f"{shown.title}\n\n{shown.text}".encode()).hexdigest()
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "integrity.declared",
                                                     AuditEntry.actor == "Budi")).all()
        assert len(entries) == 1 and entries[0].after["statement_sha256"] == shown.sha256
        assert entries[0].after["text"] == shown.text and entries[0].at is not None
        assert verify_chain(s, ev, actor=ACTOR).ok


# -- access ----------------------------------------------------------------------------
def test_a_judge_cannot_reach_another_judges_dossier_through_the_services(db: Database, ev: str) -> None:
    for call in (
        lambda s, e, j: judging.open_dossier_for_judge(s, e, j, "P-3"),
        lambda s, e, j: judging.sheet_state(s, e, j, "P-3"),
        lambda s, e, j: judging.record_score(s, e, j, "P-3", "kebaruan", 7),
        lambda s, e, j: judging.record_comment(s, e, j, "P-3", "kebaruan", "bagus"),
        lambda s, e, j: judging.submit_sheet(s, e, j, "P-3"),
        lambda s, e, j: judging.declare_conflict(s, e, j, "P-3", "ingin tahu"),
    ):
        with db.write() as s:
            event, ani = jb.who(s, ev, "Ani")
            with pytest.raises(PermissionDeniedError) as info:
                call(s, event, ani)
            assert info.value.message_id == "judging.not_assigned"
            assert "P-3" in info.value.render("id")
    with db.read() as s:
        event, ani = jb.who(s, ev, "Ani")
        # by id too, and a judge of another event is no judge here
        d3 = jb.find_dossier(s, ev, "P-3")
        with pytest.raises(PermissionDeniedError):
            judging.open_dossier_for_judge(s, event, ani, d3.id)
        assert s.scalar(select(ScoreSheet.id)) is None
    assert "P-3" not in [it.number for it in queue(db, ev, "Ani")]


def test_a_judge_of_another_event_is_refused(db: Database, ev: str) -> None:
    other = jb.event(db, name="Lomba Lain")
    jb.judge(db, other, "Citra")
    with db.write() as s:
        event = events.get_event(s, ev)
        citra = accounts.find_judge(s, events.get_event(s, other), "Citra")
        with pytest.raises(PermissionDeniedError) as info:
            judging.declare_integrity(s, event, citra)
    assert info.value.message_id == "judging.not_a_judge"


def _add_alias_later(db: Database, eid: str, aliases: dict[str, list[str]]) -> None:
    """The secretariat adds aliases after the assignments were made."""
    with db.write() as s:
        event = events.get_event(s, eid)
        event.settings = {**(event.settings or {}), "aliases": aliases}


def test_recusal_by_instansi_with_aliases_hides_and_blocks_the_dossier(db: Database) -> None:
    eid = jb.event(db, recusal=RecusalLevel.INSTANSI)
    jb.judge(db, eid, "Dewi", instansi="Dinas Kesehatan Kota Medan")
    jb.dossier(db, eid, "P-1", instansi="Dinkes Medan")
    jb.dossier(db, eid, "P-2", instansi="Dinas Pendidikan Kota Medan")
    jb.assign(db, eid, "Dewi", "P-1")
    jb.assign(db, eid, "Dewi", "P-2")
    jb.declare(db, eid, "Dewi")
    assert [it.number for it in queue(db, eid, "Dewi")] == ["P-1", "P-2"]
    _add_alias_later(db, eid, {"Dinas Kesehatan Kota Medan": ["Dinkes Medan"]})
    assert [it.number for it in queue(db, eid, "Dewi")] == ["P-2"]
    with db.write() as s:
        event, dewi = jb.who(s, eid, "Dewi")
        for call in (lambda: judging.open_dossier_for_judge(s, event, dewi, "P-1"),
                     lambda: judging.record_score(s, event, dewi, "P-1", "kebaruan", 9)):
            with pytest.raises(PermissionDeniedError) as info:
                call()
            assert info.value.message_id == "judging.recused"
    # and a fresh assignment of the same agency is refused outright
    jb.dossier(db, eid, "P-3", instansi="dinas kesehatan, kota medan")
    with pytest.raises(ConflictError):
        jb.assign(db, eid, "Dewi", "P-3")


def test_recusal_by_unit_kerja_with_aliases(db: Database) -> None:
    eid = jb.event(db, recusal=RecusalLevel.UNIT_KERJA)
    jb.judge(db, eid, "Eko", instansi="Pemerintah Kota Medan", unit_kerja="Dinas Kesehatan")
    jb.dossier(db, eid, "P-1", instansi="Pemko Medan", unit_kerja="Dinkes")
    jb.dossier(db, eid, "P-2", instansi="Pemerintah Kota Medan", unit_kerja="Dinas Perhubungan")
    jb.dossier(db, eid, "P-3", instansi="Pemerintah Kota Binjai", unit_kerja="Dinas Kesehatan")
    for n in ("P-1", "P-2", "P-3"):
        jb.assign(db, eid, "Eko", n)
    jb.declare(db, eid, "Eko")
    _add_alias_later(db, eid, {"Dinas Kesehatan": ["Dinkes"], "Pemerintah Kota Medan": ["Pemko Medan"]})
    # same unit in another city is no conflict; Dinkes of Pemko Medan is Eko's own unit
    assert [it.number for it in queue(db, eid, "Eko")] == ["P-2", "P-3"]
    with db.write() as s:
        event, eko = jb.who(s, eid, "Eko")
        with pytest.raises(PermissionDeniedError) as info:
            judging.open_dossier_for_judge(s, event, eko, "P-1")
        assert info.value.message_id == "judging.recused"
        assert judging.open_dossier_for_judge(s, event, eko, "P-3").number == "P-3"


# -- declared conflicts -------------------------------------------------------------------
def test_declared_conflict_leaves_the_queue_and_the_secretariat_sees_it(db: Database, ev: str) -> None:
    record(db, ev, "Ani", "P-2", "kebaruan", 6)  # a draft exists: declaring is still allowed
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        with pytest.raises(ValidationError) as info:
            judging.declare_conflict(s, event, ani, "P-2", "   ")
        assert info.value.message_id == "judging.conflict_reason_required"
    open_(db, ev, "Ani", "P-2")
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        judging.declare_conflict(s, event, ani, "P-2", "Pengusul adalah  adik ipar saya")
    assert [it.number for it in queue(db, ev, "Ani")] == ["P-1", "P-10"]
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        assert judging.last_open_dossier(s, event, ani) is None
        for call in (lambda: judging.open_dossier_for_judge(s, event, ani, "P-2"),
                     lambda: judging.record_score(s, event, ani, "P-2", "kebaruan", 9),
                     lambda: judging.declare_conflict(s, event, ani, "P-2", "lagi")):
            with pytest.raises(PermissionDeniedError) as info:
                call()
            assert info.value.message_id == "judging.conflict_declared"
        listed = judging.list_conflicts(s, event, actor=ACTOR)
        assert [(c.judge_name, c.number, c.reason) for c in listed] == [("Ani", "P-2", "Pengusul adalah adik ipar saya")]
        assert listed[0].declared_at is not None
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "conflict.declared")).one()
        assert entry.actor == "Ani" and entry.after["reason"] == "Pengusul adalah adik ipar saya"
        assert entry.after["number"] == "P-2"


def test_a_conflict_on_a_submitted_sheet_needs_the_secretariat_first(db: Database, ev: str) -> None:
    fill(db, ev, "Ani", "P-1")
    submit(db, ev, "Ani", "P-1")
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        with pytest.raises(ConflictError) as info:
            judging.declare_conflict(s, event, ani, "P-1", "baru tahu")
        assert info.value.message_id == "judging.conflict_after_submit"
        sheet = sheets.get_sheet(s, jb.find_dossier(s, ev, "P-1"), ani, "proposal", actor=ACTOR)
        judging.unlock_sheet(s, sheet, ACTOR, "Juri menyatakan benturan kepentingan")
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        judging.declare_conflict(s, event, ani, "P-1", "baru tahu")
    with db.read() as s:  # the reopened draft no longer counts
        event = events.get_event(s, ev)
        assert ranking.sheet_totals(s, event, events.event_rubric(s, event), actor=ACTOR) == []


# -- queue ---------------------------------------------------------------------------------
def test_queue_lists_status_totals_and_progress(db: Database, ev: str) -> None:
    fill(db, ev, "Ani", "P-2", 10)
    submit(db, ev, "Ani", "P-2")
    record(db, ev, "Ani", "P-10", "signifikansi", 8)
    items = queue(db, ev, "Ani")
    assert [(it.number, it.status) for it in items] == [
        ("P-1", judging.QueueStatus.NOT_STARTED),
        ("P-2", judging.QueueStatus.LOCKED),
        ("P-10", judging.QueueStatus.DRAFT),
    ]
    p1, p2, p10 = items
    assert p1.total is None and p1.updated_at is None and p1.version == 0
    assert p2.total == 100 and p2.scored == 7 and p2.status.is_final
    assert p10.total == Fraction(20) and p10.scored == 1 and p10.criteria == 7 and p10.updated_at is not None
    assert p2.instansi == "Pemerintah Kota Medan" and p2.kategori == "Pendidikan"
    with db.read() as s:
        event, ani = jb.who(s, ev, "Ani")
        progress = judging.queue_progress(s, event, ani)
    assert progress == (1, 3)
    assert progress.text("id") == "1 dari 3 terkirim" and progress.text("en") == "1 of 3 submitted"


def test_queue_search_and_status_filter(db: Database, ev: str) -> None:
    record(db, ev, "Ani", "P-10", "signifikansi", 8)
    assert [it.number for it in queue(db, ev, "Ani", search="pendidikan")] == ["P-2"]
    assert [it.number for it in queue(db, ev, "Ani", search="LAYANAN terpadu")] == ["P-1", "P-2", "P-10"]
    assert [it.number for it in queue(db, ev, "Ani", search="p-10")] == ["P-10"]
    assert [it.number for it in queue(db, ev, "Ani", search="kota medan perizinan")] == ["P-10"]
    assert queue(db, ev, "Ani", search="tidak ada") == []
    assert [it.number for it in queue(db, ev, "Ani", status_filter="draft")] == ["P-10"]
    assert [it.number for it in queue(db, ev, "Ani", status_filter=[judging.QueueStatus.NOT_STARTED])] == ["P-1", "P-2"]
    with pytest.raises(ValidationError):
        queue(db, ev, "Ani", status_filter="selesai")


def test_a_new_revision_flags_the_scored_dossier(db: Database, ev: str) -> None:
    record(db, ev, "Ani", "P-1", "kebaruan", 7)
    assert not queue(db, ev, "Ani")[0].changed_since_scored
    with db.write() as s:  # what a re-import of a changed package does
        d = jb.find_dossier(s, ev, "P-1")
        s.add(DossierRevision(id=uuid.uuid4(), dossier_id=d.id, revision=2, content={"title": "baru"},
                              sha256="b" * 64))
        d.current_revision = 2
    item = queue(db, ev, "Ani")[0]
    assert item.changed_since_scored
    state = record(db, ev, "Ani", "P-1", "kebaruan", 8, expected_version=item.version)
    assert not state.changed_since_scored and state.dossier_revision == 2
    assert not queue(db, ev, "Ani")[0].changed_since_scored


# -- reader and blind mode -------------------------------------------------------------------
CONTENT = {
    "format_version": 1,
    "id": "B-7",
    "title": "SIPADU Dinkes Medan",
    "instansi": "Pemerintah Kota Medan",
    "unit_kerja": "Dinas Kesehatan",
    "innovators": ["Dr. Ani Lestari, S.Kom., M.Si.", "Rahmat Hidayat"],
    "contact": {"name": "Rahmat Hidayat", "phone": "0812"},
    "video_url": "https://www.youtube.com/@DinkesKotaMedan/sipadu",
    "sections": [
        {"key": "ringkasan", "title": "Ringkasan", "word_limit": 200, "attachments": ["lampiran/sk.pdf"],
         "text": "Inovasi DINAS KESEHATAN Kota Medan (Dinkes Medan) dipimpin oleh Ani Lestari bersama "
                 "Rahmat  Hidayat. Warga Medana dan Kesehatan umum tidak disamarkan."},
        {"key": "latar_belakang", "title": "Latar belakang di Dinkes Medan",
         "text": "Pemerintah Kota Medan, melalui dinas kesehatan, membuka layanan."},
    ],
    "attachments": [{"path": "lampiran/sk.pdf", "kind": "sk", "title": "SK Kepala Dinas Kesehatan"}],
}


def blind_event(db: Database, blind: bool = True) -> str:
    eid = jb.event(db, blind=blind, aliases={"Dinas Kesehatan": ["Dinkes Medan"]})
    jb.judge(db, eid, "Fajar", instansi="KemenPAN-RB")
    jb.dossier(db, eid, "B-7", title="SIPADU Dinkes Medan untuk Pemerintah Kota Medan oleh Rahmat Hidayat",
               instansi="Pemerintah Kota Medan", unit_kerja="Dinas Kesehatan", content=CONTENT)
    with db.write() as s:  # the attachment row the USB import would have made
        d = jb.find_dossier(s, eid, "B-7")
        s.add(Attachment(id=uuid.uuid4(), dossier_id=d.id, revision=1, path="lampiran/sk.pdf", kind="sk",
                         title="SK Kepala Dinas Kesehatan", media_type="application/pdf", size=10, sha256="a" * 64))
    jb.assign(db, eid, "Fajar", "B-7")
    jb.declare(db, eid, "Fajar")
    return eid


def test_blind_mode_hides_names_in_queue_reader_and_texts(db: Database) -> None:
    eid = blind_event(db)
    (item,) = queue(db, eid, "Fajar")
    assert item.instansi is None and item.unit_kerja is None
    assert item.title == "SIPADU [disamarkan] untuk [disamarkan] oleh [disamarkan]"  # innovators too
    assert not item.matches("medan")
    view = open_(db, eid, "Fajar", "B-7")
    assert view.blind_mode and view.instansi is None and view.unit_kerja is None and view.innovators is None
    ringkasan, latar = view.sections
    # issue 14: "Kota Medan", derived from the instansi, is masked too (it was left readable)
    assert ringkasan.text == ("Inovasi [disamarkan] ([disamarkan]) dipimpin oleh [disamarkan] bersama "
                              "[disamarkan]. Warga Medana dan Kesehatan umum tidak disamarkan.")
    assert latar.title == "Latar belakang di [disamarkan]"
    assert latar.text == "[disamarkan], melalui [disamarkan], membuka layanan."
    assert ringkasan.words == len(CONTENT["sections"][0]["text"].split()) and ringkasan.word_limit == 200
    assert view.attachments_unredacted
    assert [a.title for a in view.attachments] == ["SK Kepala [disamarkan]"]
    assert [a.title for a in ringkasan.attachments] == ["SK Kepala [disamarkan]"]
    assert view.reader.contact.name == "[disamarkan]" and view.reader.instansi == "[disamarkan]"
    assert view.content["innovators"] == ["[disamarkan]", "[disamarkan]"]
    assert view.content["instansi"] == "[disamarkan]" and view.content["contact"] == "[disamarkan]"
    assert view.content["sections"][0]["attachments"] == ["lampiran/sk.pdf"]
    assert view.content["title"] == "SIPADU [disamarkan]"
    # the video link names the agency's channel: masked in the reader's view and the content
    assert view.reader.video_url == "[disamarkan]" and view.content["video_url"] == "[disamarkan]"
    assert all(r.source in ("", "[disamarkan]") for r in view.reader.revisions)
    flat = repr(view)
    for secret in ("Lestari", "Hidayat", "Dinkes Medan", "Pemerintah Kota Medan", "DinkesKotaMedan"):
        assert secret not in flat


def test_without_blind_mode_the_reader_shows_everything(db: Database) -> None:
    eid = blind_event(db, blind=False)
    view = open_(db, eid, "Fajar", "B-7")
    assert view.instansi == "Pemerintah Kota Medan" and view.unit_kerja == "Dinas Kesehatan"
    assert view.innovators == ("Dr. Ani Lestari, S.Kom., M.Si.", "Rahmat Hidayat")
    assert view.sections[0].text == CONTENT["sections"][0]["text"]
    assert not view.attachments_unredacted and view.content == CONTENT
    assert [a.title for a in view.sections[0].attachments] == ["SK Kepala Dinas Kesehatan"]


def test_redactor_matches_whole_words_case_insensitively() -> None:
    redact = judging.make_redactor(["Dinas Kesehatan, Kota Medan", "Ani", "X"], "[m]")
    assert redact("dinas  kesehatan kota medan; ANI; Anita; X-ray") == "[m]; [m]; Anita; X-ray"


# -- autosave, versions, restart ----------------------------------------------------------------
def test_each_score_is_committed_at_once_and_versions_guard_stale_edits(db: Database, ev: str, db_url: str) -> None:
    s1 = record(db, ev, "Ani", "P-1", "signifikansi", 9, expected_version=0)
    assert s1.version == 1 and s1.values == {"signifikansi": Decimal(9)} and s1.total == Fraction(45, 2)
    s2 = record(db, ev, "Ani", "P-1", "kebaruan", "7", expected_version=s1.version)
    assert s2.version == 2 and s2.total == Fraction(45, 2) + Fraction(21, 2)
    with pytest.raises(ConflictError) as info:  # a second window still showing version 1
        record(db, ev, "Ani", "P-1", "kebaruan", 3, expected_version=s1.version)
    assert info.value.message_id == "sheet.stale"
    with pytest.raises(ValidationError):
        record(db, ev, "Ani", "P-1", "kebaruan", 11, expected_version=2)
    open_(db, ev, "Ani", "P-1")
    # "restart": a new Database over the same file
    from oaoi_desktop.store.database import Database as Db

    again = Db.open(db_url, backup_first=False)
    try:
        with again.read() as s:
            event, ani = jb.who(s, ev, "Ani")
            last = judging.last_open_dossier(s, event, ani)
            assert last is not None and last.number == "P-1" and last.stage_id == "proposal"
            state = judging.sheet_state(s, event, ani, last.dossier_id)
            assert state.values == {"signifikansi": 9, "kebaruan": 7} and state.version == 2
        with again.read() as s:
            audit = s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("score.%"))).all()
            assert audit == ["score.recorded", "score.recorded"]
    finally:
        again.close()


def test_clearing_a_score_keeps_its_comment_and_comments_can_come_first(db: Database, ev: str) -> None:
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        state = judging.record_comment(s, event, ani, "P-1", "kebaruan", "Belum ada pembeda", expected_version=0)
        assert state.version == 0 and state.criterion("kebaruan").comment_pending
    with db.read() as s:
        assert s.scalar(select(ScoreSheet.id)) is None  # only pending, in users.state
    state = record(db, ev, "Ani", "P-1", "kebaruan", 3)
    assert state.comments == {"kebaruan": "Belum ada pembeda"} and not state.criterion("kebaruan").comment_pending
    assert state.criterion("kebaruan").comment_required and not state.missing_comments
    assert state.criterion("kebaruan").level.label_id == "Kurang"
    state = record(db, ev, "Ani", "P-1", "kebaruan", None, expected_version=state.version)  # undo
    assert state.values == {} and state.comments == {"kebaruan": "Belum ada pembeda"}
    with db.read() as s:
        assert s.scalars(select(Score.comment)).all() == []
    state = record(db, ev, "Ani", "P-1", "kebaruan", 3)  # redo
    assert state.comments == {"kebaruan": "Belum ada pembeda"}
    with db.read() as s:
        event, ani = jb.who(s, ev, "Ani")
        assert "pending_comments" not in (ani.state or {})
        assert s.scalars(select(Score.comment)).all() == ["Belum ada pembeda"]


def test_live_total_pass_mark_and_knockouts(db: Database) -> None:
    eid = jb.event(db, rubric="opd-regional")  # 1–5 scale, pass mark 70, kemanfaatan knocks out below 2
    jb.judge(db, eid, "Gita")
    jb.dossier(db, eid, "R-1")
    jb.assign(db, eid, "Gita", "R-1")
    jb.declare(db, eid, "Gita")
    with db.read() as s:
        stage = events.event_rubric(s, events.get_event(s, eid)).first_stage
    others = [c.id for c in stage.criteria if c.id != "kemanfaatan"]
    state = record(db, eid, "Gita", "R-1", "kemanfaatan", 1, "Tidak ada data manfaat")
    assert state.knockouts == ("kemanfaatan",) and state.criterion("kemanfaatan").knocked_out
    assert state.total == 6 and state.passed is None and not state.complete  # 30 * 1/5
    for cid in others[:-1]:
        state = record(db, eid, "Gita", "R-1", cid, 5)
    assert state.passed is None
    state = record(db, eid, "Gita", "R-1", others[-1], 5)
    assert state.complete and state.total == 76 and state.pass_mark == 70 and state.passed is True
    state = record(db, eid, "Gita", "R-1", others[-1], 1, "lemah")
    weight = stage.criterion(others[-1]).weight
    assert state.total == 76 - weight + weight / 5 and state.passed is (state.total >= 70)
    state = record(db, eid, "Gita", "R-1", "kemanfaatan", 2)
    assert state.knockouts == ()


# -- submit, lock, unlock --------------------------------------------------------------------------
def test_submit_checks_completeness_and_required_comments(db: Database, ev: str) -> None:
    record(db, ev, "Ani", "P-1", "kebaruan", 9)
    with pytest.raises(ValidationError) as info:
        submit(db, ev, "Ani", "P-1")
    assert info.value.message_id == "sheet.incomplete"
    assert "latar_belakang" in info.value.render("id") and "kebaruan" not in info.value.render("id")
    fill(db, ev, "Ani", "P-1", 8)
    record(db, ev, "Ani", "P-1", "sumber_daya", 2)
    record(db, ev, "Ani", "P-1", "implementasi", 4)
    with pytest.raises(ValidationError) as info:
        submit(db, ev, "Ani", "P-1")
    assert info.value.message_id == "judging.comments_missing"
    assert "implementasi, sumber_daya" in info.value.render("id")
    with db.read() as s:
        assert s.scalar(select(ScoreSheet.status)) == SheetStatus.DRAFT


def test_submit_locks_ranking_counts_and_only_the_secretariat_unlocks(db: Database, ev: str) -> None:
    state = fill(db, ev, "Ani", "P-1", 9)
    assert state.can_submit
    with pytest.raises(ConflictError):
        submit(db, ev, "Ani", "P-1", expected_version=state.version - 1)
    done = submit(db, ev, "Ani", "P-1", expected_version=state.version)
    assert done.status == judging.QueueStatus.LOCKED and not done.editable and done.submitted_at is not None
    with pytest.raises(ConflictError) as info:
        record(db, ev, "Ani", "P-1", "kebaruan", 5)
    assert info.value.message_id == "judging.sheet_final"
    with pytest.raises(ConflictError):
        submit(db, ev, "Ani", "P-1")
    with db.read() as s:
        event = events.get_event(s, ev)
        totals = ranking.sheet_totals(s, event, events.event_rubric(s, event), actor=ACTOR)
        assert [t.total for t in totals] == [90]
    with db.write() as s:
        event, ani = jb.who(s, ev, "Ani")
        sheet = sheets.get_sheet(s, jb.find_dossier(s, ev, "P-1"), ani, "proposal", actor=ACTOR)
        with pytest.raises(PermissionDeniedError):
            judging.unlock_sheet(s, sheet, Actor(ani.name, ani.id), "saya mau ubah")
        with pytest.raises(ValidationError):
            judging.unlock_sheet(s, sheet, ACTOR, "  ")
    with db.write() as s:
        boss = accounts.add_secretariat(s, name="Sekretariat", secret="rahasia-sekretariat-1", actor=ACTOR)
        boss_actor = Actor(boss.name, boss.id)
        event, ani = jb.who(s, ev, "Ani")
        sheet = sheets.get_sheet(s, jb.find_dossier(s, ev, "P-1"), ani, "proposal", actor=ACTOR)
        judging.unlock_sheet(s, sheet, boss_actor, "Salah ketik pada kriteria kebaruan")
        with pytest.raises(ConflictError):
            judging.unlock_sheet(s, sheet, boss_actor, "lagi")
    state = record(db, ev, "Ani", "P-1", "kebaruan", 5)
    assert state.status == judging.QueueStatus.DRAFT
    with db.read() as s:
        event = events.get_event(s, ev)
        assert ranking.sheet_totals(s, event, events.event_rubric(s, event), actor=ACTOR) == []
        entries = s.scalars(select(AuditEntry).where(AuditEntry.chain == ev).order_by(AuditEntry.seq)).all()
        actions = [e.action for e in entries]
        assert actions.index("sheet.submitted") < actions.index("sheet.unlocked")
        submitted = next(e for e in entries if e.action == "sheet.submitted")
        assert submitted.actor == "Ani" and submitted.after["status"] == "locked"
        unlocked = next(e for e in entries if e.action == "sheet.unlocked")
        assert unlocked.actor == "Sekretariat" and unlocked.after["reason"] == "Salah ketik pada kriteria kebaruan"
        assert unlocked.before == {"status": "locked"}
        assert verify_chain(s, ev, actor=ACTOR).ok
    fill(db, ev, "Ani", "P-1", 9)
    assert submit(db, ev, "Ani", "P-1").status == judging.QueueStatus.LOCKED


# -- catalogue ---------------------------------------------------------------------------------
def test_judge_workspace_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    import re
    from pathlib import Path

    from oaoi_desktop.i18n import all_messages, catalogue_judging

    merged = all_messages()
    for key, texts in catalogue_judging.MESSAGES.items():
        assert merged[key] is texts and set(texts) == {"id", "en"}, key
        assert set(re.findall(r"{(\w+)}", texts["id"])) == set(re.findall(r"{(\w+)}", texts["en"])), key
    root = Path(judging.__file__).resolve().parents[2]
    sources = [root / "services" / f for f in ("auth.py", "paper.py", "sheets.py")]
    sources += sorted((root / "services" / "judging").glob("*.py"))
    sources += [root / "reports" / "forms.py", root / "cli" / "judging.py"]
    used = set()
    for path in sources:
        used |= set(re.findall(r"[\"']((?:auth|judging|paper|forms|sheet)\.[a-z_.]+)[\"']", path.read_text("utf-8")))
    audit_actions = {"sheet.paper_entered", "sheet.saved", "sheet.submitted", "sheet.unlocked"}
    used = {u for u in used if not u.endswith(".")} - audit_actions
    assert used and not (used - set(merged)), sorted(used - set(merged))
