"""USB exchange end to end: packages out, bundles back, between three databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from exchange_world import (
    NUMBERS,
    SCORES,
    UNIQUE_FILES,
    World,
    make_world,
    passphrase,
    ranking_of,
    score_directly,
    store_fingerprint,
)
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import accounts, assignments, dossiers, events, judging, sheets
from oaoi_desktop.services.exchange import bundles, packages
from oaoi_desktop.store import models
from oaoi_desktop.store.blobs import blob_store_for
from support.builders import ACTOR, KIPP_CRITERIA
from support.packages import write_folder


@pytest.fixture
def world(tmp_path: Path, db_url: str):
    """The secretariat on ``db_url`` (SQLite, and PostgreSQL when a server is given); laptops on SQLite."""
    w = make_world(tmp_path / "panel", sec_url=db_url)
    yield w
    w.close()


def test_round_trip_between_three_databases_ranks_as_one_machine(world: World, tmp_path: Path) -> None:
    ani = world.set_up_laptop("Ani")
    budi = world.set_up_laptop("Budi")
    for judge, laptop in (("Ani", ani), ("Budi", budi)):
        for number, values in SCORES[judge].items():
            world.score_on(laptop, judge, number, values)
    files = [world.bundle_from(ani, "Ani"), world.bundle_from(budi, "Budi")]
    report = world.merge(*files)
    assert [f.status for f in report.files] == ["merged", "merged"]
    assert [f.counts["added"] for f in report.files] == [4, 4]
    assert report.ok

    one_machine = make_world(tmp_path / "one-machine")  # the same event, scored on one machine
    try:
        for judge, by_number in SCORES.items():
            for number, values in by_number.items():
                score_directly(one_machine.sec, one_machine.event_id, judge, number, values)
        expected = ranking_of(one_machine.sec, one_machine.event_id)
    finally:
        one_machine.close()
    merged = ranking_of(world.sec, world.event_id)
    assert merged == expected
    assert len(merged) == len(NUMBERS) and all(r[4] == 2 for r in merged)
    with world.sec.read() as s:
        actions = s.scalars(select(models.AuditEntry.action).where(models.AuditEntry.chain == world.event_id)).all()
        from oaoi_desktop.services.audit_chain import verify_chain

        assert verify_chain(s, world.event_id, actor=ACTOR).ok
    assert actions.count("sheet.merged") == 8 and actions.count("bundle.merged") == 2


def test_judge_works_on_the_laptop_as_in_the_workspace(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    with ani.write() as s:
        from oaoi_desktop.services import auth

        signed = auth.sign_in(s, world.event_id, world.judges["Ani"], "246810")
        assert signed.is_judge
    with ani.write() as s:
        ev = events.get_event(s, world.event_id)
        judge = accounts.find_judge(s, ev, "Ani")
        queue = judging.judge_queue(s, ev, judge)
        assert [q.number for q in queue] == list(NUMBERS)
        opened = judging.open_dossier_for_judge(s, ev, judge, "KIPP-002")
        assert opened.title == "Inovasi Layanan KIPP-002" and len(opened.attachments) == 3
        assert judging.last_open_dossier(s, ev, judge) is not None
    store = blob_store_for(ani)
    assert all(store.exists(a.sha256) for a in opened.attachments)
    # only this judge is on the laptop, never the secretariat or the other judges
    with ani.read() as s:
        assert [u.name for u in s.scalars(select(models.User))] == ["Ani"]
        # ...and the judge's laptop never offers to create a secretariat account
        from oaoi_desktop.services import auth as auth_service

        assert auth_service.needs_secretariat_setup(s) is False


def test_a_package_cannot_be_read_without_the_passphrase(world: World) -> None:
    out = world.export_package("Ani")
    # Needles of 5+ bytes: a 3-byte one ("Ani") turns up by chance in a megabyte of ciphertext
    # (about 6 % per file); the judge's name is looked for as JSON writes it.
    secrets = [b"Inovasi Layanan KIPP-001", b'"Ani"', b"Rahmat Siregar", b"Pemerintah Kota Medan", b"KIPP-001",
               b"Dinas Kependudukan", b"SK KIPP-001", b"%PDF-1."]
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) == 2 + UNIQUE_FILES  # header, manifest and every attachment
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, (path, secret)
    with pytest.raises(OaoiError) as err:
        packages.open_package(out, "frasa-sandi-salah-2026")
    assert err.value.message_id == "exchange.wrong_passphrase"
    assert str(out) in err.value.render()
    opened = packages.open_package(out, passphrase("Ani"))
    assert [d["number"] for d in opened.manifest["dossiers"]] == list(NUMBERS)
    assert len(opened.manifest["files"]) == UNIQUE_FILES
    assert opened.manifest["credential"]["pkcs12"] and opened.manifest["authority"]["certificate_pem"]


def test_the_package_must_use_the_judges_own_passphrase(world: World, tmp_path: Path) -> None:
    with pytest.raises(OaoiError) as err:
        packages.export_package(world.sec, world.event_id, "Ani", tmp_path / "usb", passphrase("Budi"), actor=ACTOR)
    assert err.value.message_id == "exchange.passphrase_not_judges"
    assert not (tmp_path / "usb" / packages.HEADER).exists()


def test_a_damaged_package_is_refused_and_the_laptop_is_left_as_it_was(world: World) -> None:
    out = world.export_package("Ani")
    victim = max((p for p in (out / "objects").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    laptop = world.laptop("Ani")
    with pytest.raises(OaoiError) as err:
        packages.import_package(laptop, out, passphrase("Ani"))
    assert err.value.message_id in ("exchange.package_damaged", "exchange.wrong_passphrase")
    with laptop.read() as s:
        assert s.scalars(select(models.Event)).all() == []
        assert s.scalars(select(models.Blob)).all() == []


def test_re_export_updates_the_laptop_without_losing_scores(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])  # submitted (locked)
    world.score_on(ani, "Ani", "KIPP-002", {"kebaruan": 7, "signifikansi": 6}, submit=False, comment="catatan awal")
    # the secretariat adds a dossier, assigns it, and takes KIPP-004 away
    report_src = write_folder(world.root / "proposals" / "KIPP-005", number="KIPP-005")
    from oaoi_desktop.services import imports

    imports.import_paths(world.sec, world.event_id, [report_src], actor=ACTOR)
    with world.sec.write() as s:
        ev = events.get_event(s, world.event_id)
        judge = accounts.find_judge(s, ev, "Ani")
        assignments.assign(s, ev, dossiers.get_dossier(s, ev, "KIPP-005"), judge, actor=ACTOR)
        assignments.unassign(s, ev, dossiers.get_dossier(s, ev, "KIPP-004"), judge, actor=ACTOR)
    out = world.export_package("Ani")
    result = packages.import_package(ani, out, passphrase("Ani"))
    assert (result.dossiers_added, result.assignments_added, result.assignments_removed) == (1, 1, 1)
    assert result.generation == 2 and result.files_added == 2  # the photo is already there
    with ani.write() as s:
        ev = events.get_event(s, world.event_id)
        judge = accounts.find_judge(s, ev, "Ani")
        queue = {q.number: q for q in judging.judge_queue(s, ev, judge)}
        assert sorted(queue) == ["KIPP-001", "KIPP-002", "KIPP-003", "KIPP-005"]
        assert queue["KIPP-001"].status is judging.QueueStatus.LOCKED
        state = judging.sheet_state(s, ev, judge, "KIPP-002")
        assert state.values == {"kebaruan": 7, "signifikansi": 6}
        assert state.comments == {"kebaruan": "catatan awal", "signifikansi": "catatan awal"}
        first = judging.sheet_state(s, ev, judge, "KIPP-001")
        assert first.values == SCORES["Ani"]["KIPP-001"]
    # a folder that is not there is named in the message
    with pytest.raises(OaoiError) as err:
        packages.import_package(ani, world.root / "usb-old-never", passphrase("Ani"))
    assert err.value.message_id == "exchange.no_such_path"


def test_re_export_into_the_same_folder_rewrites_only_what_changed(world: World) -> None:
    out = world.export_package("Ani")
    first = packages.export_package(world.sec, world.event_id, "Ani", out, passphrase("Ani"), actor=ACTOR)
    assert first.bytes_written == 0 and first.bytes_reused > 0 and first.generation == 2
    assert packages.open_package(out, passphrase("Ani")).manifest["generation"] == 2
    # exactly one manifest object and the attachments remain
    objects = [p for p in (out / "objects").rglob("*") if p.is_file()]
    assert len(objects) == UNIQUE_FILES + 1


def test_an_older_package_is_refused(world: World, tmp_path: Path) -> None:
    old = world.export_package("Ani", tmp_path / "old")
    new = world.export_package("Ani", tmp_path / "new")
    laptop = world.laptop("Ani")
    packages.import_package(laptop, new, passphrase("Ani"))
    with pytest.raises(OaoiError) as err:
        packages.import_package(laptop, old, passphrase("Ani"))
    assert err.value.message_id == "exchange.package_older"


def test_a_package_is_never_applied_over_the_secretariats_own_event(world: World) -> None:
    out = world.export_package("Ani")
    with pytest.raises(OaoiError) as err:
        packages.import_package(world.sec, out, passphrase("Ani"))
    assert err.value.message_id == "exchange.package_on_secretariat"


def test_same_bundle_twice_changes_nothing(world: World, tmp_path: Path) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    bundle = world.bundle_from(ani, "Ani")
    from oaoi_desktop import config

    backups_before = set(config.backup_dir().glob("*-pre-import.sqlite"))
    assert world.merge(bundle).ok
    if world.sec.is_sqlite:  # merging is preceded by the automatic backup
        assert len(set(config.backup_dir().glob("*-pre-import.sqlite")) - backups_before) == 1
    before = store_fingerprint(world.sec, world.event_id)
    copy = tmp_path / "salinan.oaoi-bundle"
    copy.write_bytes(bundle.read_bytes())
    again = world.merge(bundle, copy)
    assert [f.status for f in again.files] == ["already_merged", "already_merged"]
    assert store_fingerprint(world.sec, world.event_id) == before


def test_a_later_revision_replaces_the_earlier_one_and_an_older_one_changes_nothing(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", {"kebaruan": 6, "signifikansi": 7}, submit=False)
    early = world.bundle_from(ani, "Ani", world.root / "b1")
    assert world.merge(early).files[0].counts["added"] == 1
    values = SCORES["Ani"]["KIPP-001"]
    world.score_on(ani, "Ani", "KIPP-001", values)
    late = world.bundle_from(ani, "Ani", world.root / "b2")
    report = world.merge(late)
    assert report.files[0].counts == {"added": 0, "updated": 1, "unchanged": 0, "older": 0, "conflict": 0,
                                      "skipped": 0}
    with world.sec.read() as s:
        sheet = s.scalar(select(models.ScoreSheet))
        assert sheet.status is models.SheetStatus.LOCKED and sheet.source == "bundle"
        assert sheets.sheet_values(sheet) == {c: {"value": v, "comment": ""} for c, v in values.items()}


def test_an_older_bundle_merged_after_a_newer_one_changes_no_sheet(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", {"kebaruan": 6}, submit=False)
    early = world.bundle_from(ani, "Ani", world.root / "b1")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    late = world.bundle_from(ani, "Ani", world.root / "b2")
    assert world.merge(late).ok
    scores_before = store_fingerprint(world.sec, world.event_id)[2:]
    report = world.merge(early)
    assert report.files[0].counts["older"] == 1 and report.files[0].status == "merged"
    assert store_fingerprint(world.sec, world.event_id)[2:] == scores_before
    with world.sec.read() as s:
        assert s.scalar(select(models.ScoreSheet)).status is models.SheetStatus.LOCKED


def test_a_sheet_edited_on_two_laptops_is_a_conflict_kept_side_by_side_and_resolved(world: World) -> None:
    package = world.export_package("Ani")
    one = world.set_up_laptop("Ani", "ani-1", package)
    two = world.set_up_laptop("Ani", "ani-2", package)
    world.score_on(one, "Ani", "KIPP-001", {c: 8 for c in KIPP_CRITERIA})
    world.score_on(two, "Ani", "KIPP-001", {c: 6 for c in KIPP_CRITERIA})
    world.score_on(two, "Ani", "KIPP-002", {c: 7 for c in KIPP_CRITERIA})
    b1 = world.bundle_from(one, "Ani", world.root / "one")
    b2 = world.bundle_from(two, "Ani", world.root / "two")
    assert world.merge(b1).ok
    report = world.merge(b2)
    assert report.files[0].counts["conflict"] == 1 and report.files[0].counts["added"] == 1
    with world.sec.read() as s:
        ev = events.get_event(s, world.event_id)
        views = bundles.list_conflicts(s, ev, actor=ACTOR)
        stored = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == "KIPP-001"))
        assert {v.value_milli for v in stored.scores} == {8000}
    assert len(views) == 1
    view = views[0]
    assert view.number == "KIPP-001" and view.judge_name == "Ani"
    assert {v for v, _c in view.stored.scores.values()} == {8}
    assert {v for v, _c in view.incoming.scores.values()} == {6}
    # merging the conflicting bundle again adds nothing
    before = store_fingerprint(world.sec, world.event_id)
    world.merge(b2)
    assert store_fingerprint(world.sec, world.event_id) == before
    # a reason is required
    with world.sec.write() as s, pytest.raises(OaoiError) as err:
        bundles.resolve_conflict(s, view.id, "incoming", "  ", actor=ACTOR)
    assert err.value.message_id == "exchange.resolve_reason_required"
    with world.sec.write() as s:
        bundles.resolve_conflict(s, view.id, "incoming", "Juri mengonfirmasi laptop kedua", actor=ACTOR)
    with world.sec.read() as s:
        stored = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == "KIPP-001"))
        assert {v.value_milli for v in stored.scores} == {6000}
        entry = s.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "sheet.conflict_resolved")).one()
        assert entry.after["reason"] == "Juri mengonfirmasi laptop kedua" and entry.after["kept"] == "incoming"
        assert bundles.open_conflict_count(s, stored.event_id, actor=ACTOR) == 0
    # the laptop whose version was set aside sends its copy again: superseded, not a new conflict
    again = world.bundle_from(one, "Ani", world.root / "one-again")
    report = world.merge(again)
    assert report.files[0].counts["older"] == 1 and report.files[0].counts["conflict"] == 0
    # and a package update brings the decided version to that laptop
    packages.import_package(one, world.export_package("Ani"), passphrase("Ani"))
    with one.read() as s:
        ev = events.get_event(s, world.event_id)
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == "KIPP-001"))
        assert {v.value_milli for v in sheet.scores} == {6000}


def test_a_sheet_the_secretariat_unlocked_reaches_the_laptop_as_a_draft(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    assert world.merge(world.bundle_from(ani, "Ani")).ok
    with world.sec.write() as s:
        sheet = s.scalar(select(models.ScoreSheet))
        sheets.unlock_sheet(s, sheet, ACTOR, "Juri ingin memperbaiki komentar")
    result = packages.import_package(ani, world.export_package("Ani"), passphrase("Ani"))
    assert result.sheets_updated == 1
    world.score_on(ani, "Ani", "KIPP-001", {"kebaruan": 9})
    report = world.merge(world.bundle_from(ani, "Ani", world.root / "after-unlock"))
    assert report.files[0].counts["updated"] == 1 and report.files[0].counts["conflict"] == 0
    with world.sec.read() as s:
        sheet = s.scalar(select(models.ScoreSheet))
        assert sheet.status is models.SheetStatus.LOCKED
        assert {x.criterion_id: x.value_milli for x in sheet.scores}["kebaruan"] == 9000


def test_declared_conflicts_travel_in_the_bundle(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    with ani.write() as s:
        ev = events.get_event(s, world.event_id)
        judging.declare_conflict(s, ev, accounts.find_judge(s, ev, "Ani"), "KIPP-003", "Kakak saya penggagasnya")
    report = world.merge(world.bundle_from(ani, "Ani"))
    assert report.files[0].declarations_added == 2  # the conflict and the integrity declaration
    with world.sec.read() as s:
        ev = events.get_event(s, world.event_id)
        declared = judging.list_conflicts(s, ev, actor=ACTOR)
    assert [(c.number, c.reason) for c in declared] == [("KIPP-003", "Kakak saya penggagasnya")]


def test_bundle_export_needs_the_judges_passphrase(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    with pytest.raises(OaoiError) as err:
        bundles.export_bundle(ani, world.event_id, "Ani", world.root / "x", "bukan-frasa-sandinya")
    assert err.value.message_id == "signing.wrong_passphrase"


def test_a_cancelled_export_leaves_no_package_and_no_temporary_file(world: World, tmp_path: Path) -> None:
    import threading

    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.set()  # the user presses Batal after the first file

    out = tmp_path / "usb"
    with pytest.raises(OaoiError) as err:
        packages.export_package(world.sec, world.event_id, "Ani", out, passphrase("Ani"), actor=ACTOR,
                                progress=progress, cancel=cancel)
    assert err.value.message_id == "exchange.cancelled" and seen
    assert not (out / packages.HEADER).exists()
    assert [p for p in out.rglob("*") if p.is_file()] == []
    with world.sec.read() as s:
        assert s.scalars(select(models.PanelPackage)).all() == []


def test_the_same_scores_given_on_two_laptops_are_no_conflict(world: World) -> None:
    package = world.export_package("Ani")
    one = world.set_up_laptop("Ani", "ani-1", package)
    two = world.set_up_laptop("Ani", "ani-2", package)
    for laptop in (one, two):
        world.score_on(laptop, "Ani", "KIPP-004", SCORES["Ani"]["KIPP-004"])
    assert world.merge(world.bundle_from(one, "Ani", world.root / "one")).ok
    report = world.merge(world.bundle_from(two, "Ani", world.root / "two"))
    assert report.files[0].counts["unchanged"] == 1 and report.conflicts == 0


def test_a_submitted_sheet_is_not_merged_for_a_dossier_with_a_declared_conflict(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    with world.sec.write() as s:  # the judge told the secretariat after the package left
        ev = events.get_event(s, world.event_id)
        judge = accounts.find_judge(s, ev, "Ani")
        judging.declare_integrity(s, ev, judge)
        judging.declare_conflict(s, ev, judge, "KIPP-002", "Istri saya bekerja di instansi pengusul")
    world.score_on(ani, "Ani", "KIPP-002", SCORES["Ani"]["KIPP-002"])
    world.score_on(ani, "Ani", "KIPP-003", SCORES["Ani"]["KIPP-003"])
    report = world.merge(world.bundle_from(ani, "Ani"))
    outcome = {x.dossier: x for x in report.files[0].sheets}
    assert outcome["KIPP-003"].outcome == "added"
    assert outcome["KIPP-002"].outcome == "skipped"
    assert outcome["KIPP-002"].message_id == "exchange.sheet_conflict_declared" and not report.ok
    with world.sec.read() as s:
        numbers = s.scalars(select(models.Dossier.number).join(models.ScoreSheet)).all()
    assert numbers == ["KIPP-003"]
