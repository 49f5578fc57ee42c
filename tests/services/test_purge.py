"""Purge with a destruction record (issue 17): what goes, what stays, the audit chain afterwards,
the Berita Acara Pemusnahan Data, the retention rule, one transaction, and a tampered store still caught."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update

from oaoi_desktop.errors import ConflictError, OaoiError, PermissionDeniedError, ValidationError
from oaoi_desktop.services import audit, audit_chain, audit_verify, dossiers, events, finalisation, purge, ranking
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.documents import recompute_fingerprint
from oaoi_desktop.services.imports import import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import (
    Attachment,
    AuditEntry,
    Blob,
    BlobChunk,
    Dossier,
    DossierRevision,
    IssuedDocument,
    Score,
)
from support.builders import ACTOR, KIPP_CRITERIA, add_judges, make_event, score, uniform
from support.packages import default_files, pdf_bytes, valid_document, write_folder

SECRET_TEXT = "RAHASIA-LAMPIRAN-KTP-9137"
"""A distinctive string inside one attachment's bytes: it must not survive the purge anywhere."""
EMAIL = "kontak.rahasia.purge@medan.go.id"


def _files(number: str) -> dict[str, bytes]:
    return {**default_files(number), "lampiran/sk.pdf": pdf_bytes(f"SK {number}") + f"% {SECRET_TEXT}\n".encode()}


def _issue_minutes(db: Database, eid: str) -> None:
    """What the documents helper's Berita Acara leaves in the store: one issued_documents row."""
    with db.write() as s:
        event = events.get_event(s, eid)
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=event.id, kind="minutes", number="001/BA/T/2026",
                             sequence=1, fingerprint="ab" * 32, details={}, file_name="ba.pdf", created_by="test"))


def _build(db: Database, tmp_path: Path, *, finalise: bool = True) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Anggota"])
    for i, number in enumerate(("KIPP-001", "KIPP-002"), 1):
        doc = valid_document(number)
        doc["contact"]["email"] = EMAIL
        write_folder(tmp_path / "usb" / f"usulan-{i}", doc, _files(number), number)
    report = import_paths(db, eid, [tmp_path / "usb"], actor=ACTOR, today=dt.date(2026, 12, 1))
    assert report.counts["imported"] == 2
    for judge, value in (("Ketua", 9), ("Anggota", 7)):
        for number in ("KIPP-001", "KIPP-002"):
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, value if number == "KIPP-001" else value - 1))
    if finalise:
        _issue_minutes(db, eid)
        with db.write() as s:
            finalisation.finalise_event(s, eid, ACTOR, paper_signed=True)
    return eid


def _pdf_text(path: Path) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def _verify(db: Database, eid: str) -> audit_verify.VerifyReport:
    with db.read() as s:
        return audit_verify.verify_event(s, eid, actor=ACTOR)


def _ranking(db: Database, eid: str) -> list[tuple[str, str]]:
    with db.read() as s:
        event = events.get_event(s, eid)
        rows = ranking.ranking_rows(s, event, ranking.rank_event(s, event, actor=ACTOR), actor=ACTOR)
        return [(r["number"], str(r["score"])) for r in rows]


def test_purge_removes_content_and_attachments_and_keeps_results(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    ranked = _ranking(db, eid)
    with db.read() as s:
        shas = set(s.scalars(select(Attachment.sha256)))
    assert len(shas) == 5  # the two photos are the same bytes: one blob
    result = purge.purge_event(db, eid, actor=ACTOR, reason="Permintaan tertulis OPD pengusul",
                               folder=tmp_path / "ba")
    assert result.done and result.basis == "decision"
    assert result.counts == {"dossiers": 2, "revisions": 2, "attachments": 6, "blobs": 5,
                             "bytes": result.counts["bytes"], "audit_marked": 2}
    assert [i.kind for i in result.items].count("isi") == 2 and len(result.items) == 8
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        assert s.scalar(select(func.count()).select_from(Blob)) == 0
        assert s.scalar(select(func.count()).select_from(BlobChunk)) == 0
        for rev in s.scalars(select(DossierRevision)):
            assert rev.content == {"purged": True, "sha256": rev.sha256} and rev.source == ""
        d = s.scalar(select(Dossier).where(Dossier.number == "KIPP-001"))
        assert (d.title, d.instansi, d.klaster) == ("Inovasi Layanan KIPP-001", "Pemerintah Kota Medan", "kota")
        assert s.scalar(select(func.count()).select_from(Score)) > 0
        # the reader shows the notice instead of the content, never a traceback
        notice = purge.purged_notice(s, d, "id")
        assert notice.startswith("Isi proposal telah dimusnahkan pada") and result.number in notice
        view = dossiers.dossier_view(s, d.id, actor=ACTOR)
        assert view.sections == () and view.attachments == () and view.contact.email == ""
    assert _ranking(db, eid) == ranked
    report = _verify(db, eid)
    assert report.ok, [p.render("en") for p in report.problems]
    assert report.marked == 2
    assert any(f.message_id == "purge.audit.marked" for f in report.skipped)
    assert "2 entri dengan muatan dimusnahkan (ditandai)" in next(
        f for f in report.skipped if f.message_id == "purge.audit.marked").render("id")
    # the marked entries keep their hashes and links, and carry the mark
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "dossier.imported")))
        assert all("_purged" in e.after and "source" not in e.after and "attachments" not in e.after for e in entries)
        assert all(e.after["number"].startswith("KIPP-") for e in entries)
    # the Berita Acara: numbered, registered, its fingerprint recomputed from the chain
    assert result.pdf is not None and result.pdf.is_file()
    text = _pdf_text(result.pdf)
    assert "BERITA ACARA PEMUSNAHAN DATA" in text and result.number in text
    for sha in shas:
        assert sha[:40] in text.replace(" ", "")
    assert "Permintaan tertulis OPD pengusul" in text and ACTOR.name in text
    with db.read() as s:
        row = s.scalar(select(IssuedDocument).where(IssuedDocument.kind == "purge"))
        assert row.number == result.number and "/BAPD/" in row.number
        assert recompute_fingerprint(s, eid, row.number) == row.fingerprint


def test_purge_is_refused_before_finalisation_and_for_judges(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path, finalise=False)
    with pytest.raises(ConflictError) as err:
        purge.purge_event(db, eid, actor=ACTOR, reason="alasan apa pun", folder=tmp_path)
    assert err.value.message_id == "purge.not_finalised"
    from oaoi_desktop.store.models import User

    with db.read() as s:
        chair = s.scalar(select(User).where(User.name == "Ketua"))
        chair_actor = Actor(chair.name, chair.id)
    with pytest.raises(PermissionDeniedError):
        purge.purge_event(db, eid, actor=chair_actor, reason="x", folder=tmp_path)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 6


def test_retention_period_decides_whether_a_reason_is_needed(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    with pytest.raises(ValidationError) as err:
        purge.purge_event(db, eid, actor=ACTOR, folder=tmp_path)
    assert err.value.message_id == "purge.reason_required_no_retention"
    with db.write() as s:
        purge.set_retention(s, events.get_event(s, eid), 30, actor=ACTOR)
    with pytest.raises(ValidationError) as err:
        purge.purge_event(db, eid, actor=ACTOR, folder=tmp_path)
    assert err.value.message_id == "purge.reason_required"
    with db.read() as s:
        event = events.get_event(s, eid)
        assert purge.plan(s, event, actor=ACTOR).needs_reason
        later = event.finalised_at + dt.timedelta(days=31)
        the_plan = purge.plan(s, event, actor=ACTOR, now=later)
        assert the_plan.retention_passed and not the_plan.needs_reason and the_plan.attachments == 6
    result = purge.purge_event(db, eid, actor=ACTOR, folder=tmp_path, now=later)
    assert result.done and result.basis == "retention" and result.reason == ""
    text = _pdf_text(result.pdf)
    assert "30 hari" in text
    with db.write() as s, pytest.raises(ValidationError):
        purge.set_retention(s, events.get_event(s, eid), -5, actor=ACTOR)


def test_a_second_purge_changes_nothing_and_reopening_and_importing_are_refused(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    first = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat sekretariat", folder=tmp_path)
    with db.read() as s:
        head = s.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.chain == eid))
    again = purge.purge_event(db, eid, actor=ACTOR, reason="lagi", folder=tmp_path / "lagi")
    assert not again.done and again.number == first.number and again.pdf is None
    assert not (tmp_path / "lagi").exists() or not list((tmp_path / "lagi").glob("*.pdf"))
    with db.read() as s:
        assert s.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.chain == eid)) == head
    with db.write() as s, pytest.raises(ConflictError) as err:
        finalisation.reopen_event(s, eid, ACTOR, "Perlu menilai ulang semua proposal")
    assert err.value.message_id == "purge.reopen_refused"
    with pytest.raises(ConflictError) as err:
        import_paths(db, eid, [tmp_path / "usb"], actor=ACTOR)
    assert err.value.message_id == "purge.import_refused" and first.number in err.value.render("id")


@pytest.mark.sqlite_only
def test_files_left_by_a_purge_killed_after_its_commit_go_with_the_next_run(db: Database, tmp_path: Path) -> None:
    """The rows go in the transaction, the attachment files after it: a process killed in between
    leaves files holding purged data. Running the purge again removes them (and changes nothing else)."""
    from oaoi_desktop.store.blobs import blob_store_for

    eid = _build(db, tmp_path)
    with db.read() as s:
        shas = sorted({a.sha256 for a in s.scalars(select(Attachment))})
    store = blob_store_for(db)
    first = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    assert first.done
    left = [store.path_for(sha) for sha in shas[:2]]  # what a killed run would have left behind
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"KTP pemohon: Rahmat")
    again = purge.purge_event(db, eid, actor=ACTOR, reason="lagi", folder=tmp_path / "lagi")
    assert not again.done and again.files_removed == 2
    assert [p for p in left if p.exists()] == []


def test_a_failed_purge_changes_nothing(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("a file where the PDF's folder should be")
    with pytest.raises(OaoiError):
        purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", pdf=blocker / "ba.pdf")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 6
        assert s.scalar(select(func.count()).select_from(Blob)) == 5
        assert all(not r.content.get("purged") for r in s.scalars(select(DossierRevision)))
        assert s.scalar(select(func.count()).select_from(IssuedDocument).where(IssuedDocument.kind == "purge")) == 0
        assert purge.purge_state(events.get_event(s, eid)) is None
        assert all("source" in e.after for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "dossier.imported")))
    assert _verify(db, eid).ok and _verify(db, eid).marked == 0


def test_a_blob_another_event_uses_stays(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    other = make_event(db, name="Kegiatan Lain 2026")
    write_folder(tmp_path / "lain" / "u", valid_document("LAIN-001"), _files("KIPP-001"), "LAIN-001")
    import_paths(db, other, [tmp_path / "lain"], actor=ACTOR, today=dt.date(2026, 12, 1))
    result = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    assert result.counts["attachments"] == 6 and result.counts["blobs"] == 2
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 3
        kept = s.scalar(select(Attachment).join(Dossier).where(Dossier.number == "LAIN-001",
                                                              Attachment.path == "lampiran/sk.pdf")).id
    path = dossiers.attachment_local_path(db, kept, actor=ACTOR)
    assert SECRET_TEXT.encode() in path.read_bytes()


def test_tampering_after_a_purge_is_still_caught(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    assert _verify(db, eid).ok
    # 1. a score changed
    with db.write() as s:
        sc = s.scalars(select(Score)).first()
        old = sc.value_milli
        sc.value_milli = 1000 if old != 1000 else 2000
    assert not _verify(db, eid).ok
    with db.write() as s:
        s.execute(update(Score).where(Score.id == sc.id).values(value_milli=old))
    assert _verify(db, eid).ok
    # 2. a marked entry's stored hash changed
    with db.write() as s:
        marked = s.scalars(select(AuditEntry).where(AuditEntry.action == "dossier.imported")
                           .order_by(AuditEntry.seq)).first()
        seq, stored = marked.seq, marked.hash
        marked.hash = "f" * 64
    report = _verify(db, eid)
    assert not report.ok and seq in {p.seq for p in report.problems}
    with db.write() as s:
        s.execute(update(AuditEntry).where(AuditEntry.chain == eid, AuditEntry.seq == seq).values(hash=stored))
    assert _verify(db, eid).ok
    # 3. a marked entry's kept fields edited (a klaster moved in the log)
    with db.write() as s:
        e = s.scalar(select(AuditEntry).where(AuditEntry.chain == eid, AuditEntry.seq == seq))
        e.after = {**e.after, "klaster": "provinsi"}
    assert not _verify(db, eid).ok
    with db.write() as s:
        e = s.scalar(select(AuditEntry).where(AuditEntry.chain == eid, AuditEntry.seq == seq))
        e.after = {**e.after, "klaster": "kota"}
    assert _verify(db, eid).ok
    # 4. one more entry marked by hand (its payload "purged" to hide what it said)
    with db.write() as s:
        victim = s.scalar(select(AuditEntry).where(AuditEntry.chain == eid, AuditEntry.action == "score.recorded")
                          .order_by(AuditEntry.seq).limit(1)) or s.scalar(
            select(AuditEntry).where(AuditEntry.chain == eid, AuditEntry.entity_type == "score_sheet")
            .order_by(AuditEntry.seq).limit(1))
        victim.after = {"_purged": {"keys": ["scores"], "sha256": "0" * 64}}
        vseq = victim.seq
    report = _verify(db, eid)
    assert not report.ok
    assert any(p.message_id == "trust.audit.edited_entry" and p.seq == vseq for p in report.problems)
    with db.read() as s:  # the chain walker of the audit service agrees: the forged mark is an edit
        chain = audit_chain.verify_chain(s, eid, actor=ACTOR)
    assert chain.problem == "audit.edited_entry" and chain.first_broken_seq == vseq, chain


def test_the_audit_services_chain_walker_accepts_a_purges_marks(db: Database, tmp_path: Path) -> None:
    """Both checkers of a chain accept the same thing: the purge's vouched marks, nothing else."""
    eid = _build(db, tmp_path)
    purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    with db.read() as s:
        chain = audit_chain.verify_chain(s, eid, actor=ACTOR)
        marked = [e.seq for e in s.scalars(select(AuditEntry).where(AuditEntry.chain == eid))
                  if isinstance(e.after, dict) and "_purged" in e.after]
    assert marked  # there are marked entries to accept
    assert chain.ok and chain.entries >= len(marked), chain
    assert _verify(db, eid).ok


@pytest.mark.sqlite_only
def test_the_purged_text_is_gone_from_the_database_file(db: Database, tmp_path: Path) -> None:
    eid = _build(db, tmp_path)
    path = db.sqlite_path
    assert path is not None
    with db.read() as s:
        shas = set(s.scalars(select(Attachment.sha256)))
    from oaoi_desktop.store.blobs import FileBlobStore

    store = FileBlobStore.beside(db)
    assert all(store.exists(sha) for sha in shas)

    def raw() -> bytes:
        data = path.read_bytes()
        for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
            if extra.exists():
                data += extra.read_bytes()
        return data

    assert EMAIL.encode() in raw()
    assert any(SECRET_TEXT.encode() in p.read_bytes() for p in store.root.rglob("*") if p.is_file())
    result = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    assert result.vacuumed and result.files_removed == 5
    assert EMAIL.encode() not in raw()
    assert b"usulan-1" not in raw()  # the import's folder name, marked out of the audit entries too
    assert not any(store.exists(sha) for sha in shas)
    assert SECRET_TEXT.encode() not in raw()
    assert not [p for p in store.root.rglob("*") if p.is_file() and SECRET_TEXT.encode() in p.read_bytes()]
    assert _verify(db, eid).ok


def test_backups_older_than_the_purge_are_listed(db: Database, tmp_path: Path) -> None:
    from oaoi_desktop import config
    from oaoi_desktop.services import backups

    eid = _build(db, tmp_path)
    old = config.backup_dir() / "oaoi-pre-import-20261201-0900.sqlite"
    old.write_bytes(b"SQLite format 3\x00 " + EMAIL.encode())
    extra = tmp_path / "flashdisk"
    extra.mkdir()
    (extra / "cadangan-lama.zip").write_bytes(b"PK old archive")
    result = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path,
                               now=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(seconds=5),
                               backup_folders=[extra])
    listed = {Path(b.path).name: b for b in result.backups}
    assert "oaoi-pre-import-20261201-0900.sqlite" in listed and "cadangan-lama.zip" in listed
    assert listed["cadangan-lama.zip"].sha256 == hashlib.sha256(b"PK old archive").hexdigest()
    text = _pdf_text(result.pdf)
    assert "cadangan-lama.zip" in text.replace(" ", "") and "memusnahkan berkas-berkas tersebut" in text
    assert backups.list_backups() is not None


@pytest.mark.sqlite_only
def test_a_backup_archive_is_remembered_and_a_backup_after_the_purge_holds_no_purged_data(
        db: Database, tmp_path: Path) -> None:
    import zipfile

    from oaoi_desktop.services import backups

    eid = _build(db, tmp_path)
    before = backups.create_backup(db, tmp_path / "stick" / "sebelum.zip", actor=ACTOR)
    result = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path,
                               now=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(seconds=5))
    listed = {Path(b.path).name: b for b in result.backups}
    assert listed["sebelum.zip"].sha256 == before.sha256 and listed["sebelum.zip"].kind == "archive"
    after = backups.create_backup(db, tmp_path / "stick" / "sesudah.zip", actor=ACTOR)
    with zipfile.ZipFile(after.path) as zf:
        assert not [n for n in zf.namelist() if n.startswith("attachments/")]
        blob = b"".join(zf.read(n) for n in zf.namelist())
    assert EMAIL.encode() not in blob and SECRET_TEXT.encode() not in blob
    with zipfile.ZipFile(before.path) as zf:
        assert any(n.startswith("attachments/") for n in zf.namelist())


def test_the_judge_workspace_shows_the_notice_instead_of_the_content(db: Database, tmp_path: Path) -> None:
    from oaoi_desktop.services import judging
    from oaoi_desktop.store.models import User

    eid = _build(db, tmp_path)
    result = purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    with db.write() as s:
        event = events.get_event(s, eid)
        judge = s.scalar(select(User).where(User.name == "Anggota"))
        opened = judging.open_dossier_for_judge(s, event, judge, "KIPP-001", lang="id")
    assert opened.reader.purged_notice.startswith("Isi proposal telah dimusnahkan pada")
    assert result.number in opened.reader.purged_notice
    assert opened.reader.sections == () and opened.reader.attachments == ()
    assert EMAIL not in str(opened.content)


def test_an_exported_log_of_a_purged_event_verifies_without_the_database(db: Database, tmp_path: Path) -> None:
    import json as _json

    eid = _build(db, tmp_path)
    purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
    out = tmp_path / "log.jsonl"
    with db.read() as s:
        audit_verify.export_event(s, eid, out, actor=ACTOR)
    report = audit_verify.verify_export_file(out)
    assert report.ok and report.marked == 2
    assert EMAIL.encode() not in out.read_bytes() and b"usulan-1" not in out.read_bytes()
    # an entry marked by hand in the file is found
    lines = out.read_bytes().split(b"\n")
    for i, line in enumerate(lines[1:], 1):
        doc = _json.loads(line) if line else {}
        if doc.get("action") == "score.recorded" or (doc.get("entity_type") == "score_sheet" and doc.get("after")):
            doc["after"] = {"_purged": {"keys": ["scores"], "sha256": "0" * 64}}
            lines[i] = _json.dumps(doc).encode()
            break
    out.write_bytes(b"\n".join(lines))
    assert not audit_verify.verify_export_file(out).ok
