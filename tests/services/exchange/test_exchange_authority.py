"""What a judge holding their own laptop can and cannot change through the USB exchange (issue 12, point 3;
issue 13, point 5).

A bundle may only change a sheet that is still a draft at the secretariat (an unlocked sheet is one);
a submitted or paper-entered sheet changed on the laptop — here by editing the laptop's database directly,
as someone holding the file would — arrives as a conflict for the secretariat, never as an update.  The
secretariat's unlock reaches the laptop in the next package, signed by the event's authority; a package
whose unlock list was changed is refused.
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from exchange_world import SCORES, World, enter_on_paper, make_world, passphrase, store_fingerprint
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import events, seat, sheets
from oaoi_desktop.services.exchange import bundles, crypto, lineage, packages
from oaoi_desktop.signing import cms
from oaoi_desktop.signing import pki
from oaoi_desktop.services import keys
from oaoi_desktop.store import models
from oaoi_desktop.store.models import SheetStatus
from support.builders import ACTOR, KIPP_CRITERIA


@pytest.fixture
def world(tmp_path: Path, db_url: str):
    w = make_world(tmp_path / "panel", sec_url=db_url)
    yield w
    w.close()


def _sheet(db: Any, number: str) -> models.ScoreSheet:
    with db.read() as s:
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == number))
        assert sheet is not None
        s.expunge(sheet)
        return sheet


def _values(db: Any, number: str) -> dict[str, int]:
    with db.read() as s:
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == number))
        return {x.criterion_id: x.value_milli for x in sheet.scores}


def _reopen_by_hand(db: Any, number: str) -> None:
    """What someone holding the laptop's database file does: submitted/locked -> draft, bypassing the services."""
    with db.write() as s:
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == number))
        assert sheet.status in (SheetStatus.SUBMITTED, SheetStatus.LOCKED)
        sheet.status = SheetStatus.DRAFT
        sheet.submitted_at = None


# -- the secretariat: bundles cannot change what is final there ---------------------------------------------
def test_a_submitted_sheet_reopened_on_the_laptop_arrives_as_a_conflict_not_an_update(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", {c: 5 for c in KIPP_CRITERIA})  # total 50
    assert world.merge(world.bundle_from(ani, "Ani", world.root / "b1")).ok
    honest = _values(world.sec, "KIPP-001")
    _reopen_by_hand(ani, "KIPP-001")
    world.score_on(ani, "Ani", "KIPP-001", {c: 7 for c in KIPP_CRITERIA})  # total 70, submitted again
    before = store_fingerprint(world.sec, world.event_id)
    report = world.merge(world.bundle_from(ani, "Ani", world.root / "b2"))
    file = report.files[0]
    assert file.status == "merged"
    assert file.counts["updated"] == 0 and file.counts["conflict"] == 1
    outcome = file.sheets[0]
    assert outcome.message_id == "exchange.sheet_final_here" and outcome.params["dossier"] == "KIPP-001"
    assert not report.ok  # the import says so (exit 2 on the command line)
    assert _values(world.sec, "KIPP-001") == honest
    assert store_fingerprint(world.sec, world.event_id)[2:] == before[2:]  # every score and status as it was
    with world.sec.read() as s:
        ev = events.get_event(s, world.event_id)
        views = bundles.list_conflicts(s, ev, actor=ACTOR)
        assert _sheet(world.sec, "KIPP-001").status is SheetStatus.LOCKED
    assert len(views) == 1 and views[0].number == "KIPP-001"
    assert {v for v, _c in views[0].stored.scores.values()} == {5}
    assert {v for v, _c in views[0].incoming.scores.values()} == {7}
    # the same version sent again in another bundle: still pending, still said so, nothing added
    again = world.merge(world.bundle_from(ani, "Ani", world.root / "b3"))
    assert again.files[0].sheets[0].message_id == "exchange.sheet_final_here" and not again.ok
    with world.sec.read() as s:
        assert bundles.open_conflict_count(s, uuid.UUID(world.event_id), actor=ACTOR) == 1
    with world.sec.write() as s:
        bundles.resolve_conflict(s, views[0].id, "stored", "Lembar sudah dikirim; perubahan di laptop tidak sah",
                                 actor=ACTOR)
    assert _values(world.sec, "KIPP-001") == honest


def test_a_paper_entered_sheet_changed_on_the_laptop_arrives_as_a_conflict(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    enter_on_paper(world.sec, world.event_id, "Ani", "KIPP-002", {c: 5 for c in KIPP_CRITERIA})
    paper = _values(world.sec, "KIPP-002")
    assert packages.import_package(ani, world.export_package("Ani"), passphrase("Ani")).sheets_added == 1
    _reopen_by_hand(ani, "KIPP-002")
    world.score_on(ani, "Ani", "KIPP-002", {c: 7 for c in KIPP_CRITERIA})
    report = world.merge(world.bundle_from(ani, "Ani"))
    assert report.files[0].counts["updated"] == 0 and report.files[0].counts["conflict"] == 1
    assert report.files[0].sheets[0].params["status"] == "locked" and not report.ok
    stored = _sheet(world.sec, "KIPP-002")
    assert stored.status is SheetStatus.LOCKED and stored.source == "paper"
    assert _values(world.sec, "KIPP-002") == paper


def test_a_draft_at_the_secretariat_is_still_updated_by_the_judges_bundle(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", {"kebaruan": 6}, submit=False)
    assert world.merge(world.bundle_from(ani, "Ani", world.root / "b1")).ok
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    report = world.merge(world.bundle_from(ani, "Ani", world.root / "b2"))
    assert report.ok and report.files[0].counts["updated"] == 1
    assert _sheet(world.sec, "KIPP-001").status is SheetStatus.LOCKED


def _resign(world: World, payload: dict[str, Any], out: Path) -> Path:
    with world.sec.read() as s:
        signer = keys.load_signer(s, world.event_id, world.judges["Ani"], passphrase("Ani"))
    out.write_bytes(bundles.encode_bundle(payload, cms.sign_detached(signer, canonical.dumps(payload))))
    return out


def _rehash(doc: dict[str, Any]) -> None:
    doc["version_hash"] = lineage.version_hash(
        dossier_id=doc["dossier_id"], judge_id=doc["judge_id"], stage_id=doc["stage_id"], revision=doc["revision"],
        device_id=doc["device_id"], status=doc["status"], dossier_revision=doc["dossier_revision"],
        scores={c: (sheets.to_milli(Decimal(str(v["value"]))), v["comment"])
                for c, v in doc["scores"].items()})


def test_a_signed_bundle_claiming_a_dossier_revision_the_secretariat_never_had_is_not_merged(
        world: World, tmp_path: Path) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    world.score_on(ani, "Ani", "KIPP-002", SCORES["Ani"]["KIPP-002"])
    payload = json.loads(world.bundle_from(ani, "Ani").read_bytes())["payload"]
    first = next(d for d in payload["sheets"] if d["dossier_number"] == "KIPP-001")
    first["dossier_revision"] = 99
    _rehash(first)
    before = store_fingerprint(world.sec, world.event_id)
    report = world.merge(_resign(world, payload, tmp_path / "revisi-99.oaoi-bundle"))
    outcome = {x.dossier: x for x in report.files[0].sheets}
    assert outcome["KIPP-001"].outcome == "skipped"
    assert outcome["KIPP-001"].message_id == "exchange.sheet_bad_dossier_revision"
    assert outcome["KIPP-001"].params["claimed"] == 99 and outcome["KIPP-001"].params["current"] == 1
    assert outcome["KIPP-002"].outcome == "added" and not report.ok
    with world.sec.read() as s:
        numbers = s.scalars(select(models.Dossier.number).join(models.ScoreSheet)).all()
    assert numbers == ["KIPP-002"] and before != store_fingerprint(world.sec, world.event_id)


# -- the judge's laptop: unlocks only from a package signed by the event's authority ---------------------------
def _unlock_at_secretariat(world: World, number: str) -> None:
    with world.sec.write() as s:
        sheet = s.scalar(select(models.ScoreSheet).join(models.Dossier).where(models.Dossier.number == number))
        sheets.unlock_sheet(s, sheet, ACTOR, "Juri ingin memperbaiki komentar")


def _rewrite_manifest(out: Path, change) -> None:  # type: ignore[no-untyped-def]
    """What a judge who knows their passphrase can do to a package: decrypt, change, encrypt again."""
    opened = packages.open_package(out, passphrase("Ani"))
    header = json.loads((out / packages.HEADER).read_text(encoding="utf-8"))
    manifest = opened.manifest
    change(manifest)
    name = header["manifest"]
    (out / "objects" / name).write_bytes(crypto.encrypt_bytes(opened.keys, name, canonical.dumps(manifest)))


def test_a_package_import_makes_the_laptop_a_judge_seat(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    with ani.read() as s:
        assert seat.is_judge_seat(s) and str(seat.seat_judge_id(s)) == world.judges["Ani"]
    with world.sec.read() as s:
        assert not seat.is_judge_seat(s)


def test_the_unlock_travels_signed_by_the_event_authority_and_reopens_the_sheet(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    assert world.merge(world.bundle_from(ani, "Ani")).ok
    _unlock_at_secretariat(world, "KIPP-001")
    # the unlock must be signed: without the authority's passphrase the package is not written
    with pytest.raises(OaoiError) as err:
        packages.export_package(world.sec, world.event_id, "Ani", world.root / "usb-x", passphrase("Ani"),
                                actor=ACTOR)
    assert err.value.message_id == "exchange.package_needs_ca_passphrase"
    assert "Ani" in err.value.render() and "CA" in err.value.render()
    with pytest.raises(OaoiError) as err:
        packages.export_package(world.sec, world.event_id, "Ani", world.root / "usb-y", passphrase("Ani"),
                                actor=ACTOR, ca_passphrase="bukan-frasa-sandi-ca")
    assert err.value.message_id == "signing.wrong_ca_passphrase"
    out = world.export_package("Ani")
    unlocks = packages.open_package(out, passphrase("Ani")).manifest["unlocks"]
    doc = json.loads(unlocks["payload"])
    assert [u["dossier_id"] for u in doc["unlocks"]] == [str(_sheet(world.sec, "KIPP-001").dossier_id)]
    assert doc["unlocks"][0]["unlock_seq"] > 0
    result = packages.import_package(ani, out, passphrase("Ani"))
    assert result.sheets_updated == 1 and result.sheets_reopened == 1
    assert _sheet(ani, "KIPP-001").status is SheetStatus.DRAFT
    with world.sec.read() as s:
        exported = s.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "package.exported")
                             .order_by(models.AuditEntry.seq.desc())).first()
        assert [u["unlock_seq"] for u in exported.after["unlocks"]] == [doc["unlocks"][0]["unlock_seq"]]
    world.score_on(ani, "Ani", "KIPP-001", {"kebaruan": 9})
    report = world.merge(world.bundle_from(ani, "Ani", world.root / "after-unlock"))
    assert report.ok and report.files[0].counts["updated"] == 1


@pytest.mark.parametrize("how", ["changed_hash", "added_sheet", "signature_dropped", "signed_by_the_judge"])
def test_a_package_with_a_tampered_unlock_list_is_refused(world: World, how: str) -> None:
    ani = world.set_up_laptop("Ani")
    for number in ("KIPP-001", "KIPP-002"):
        world.score_on(ani, "Ani", number, SCORES["Ani"][number])
    assert world.merge(world.bundle_from(ani, "Ani")).ok
    _unlock_at_secretariat(world, "KIPP-001")
    out = world.export_package("Ani")
    key_two = _sheet(ani, "KIPP-002")

    def tamper(manifest: dict[str, Any]) -> None:
        doc = json.loads(manifest["unlocks"]["payload"])
        if how == "changed_hash":
            doc["unlocks"][0]["version_hash"] = "0" * 64
        elif how == "added_sheet":
            extra = dict(doc["unlocks"][0])
            extra.update(dossier_id=str(key_two.dossier_id), sheet_id=str(key_two.id))
            doc["unlocks"].append(extra)
        if how == "signature_dropped":
            manifest["unlocks"]["signature"] = ""
            return
        payload = canonical.dumps(doc)
        manifest["unlocks"]["payload"] = payload.decode("utf-8")
        if how == "signed_by_the_judge":  # the judge's certificate chains to the authority: still not the authority
            with ani.read() as s:
                signer = keys.load_signer(s, world.event_id, world.judges["Ani"], passphrase("Ani"))
            import base64

            manifest["unlocks"]["signature"] = base64.b64encode(cms.sign_detached(signer, payload)).decode("ascii")

    _rewrite_manifest(out, tamper)
    before = store_fingerprint(ani, world.event_id)
    with pytest.raises(OaoiError) as err:
        packages.import_package(ani, out, passphrase("Ani"))
    assert err.value.message_id == "exchange.package_unlocks_unverified"
    assert str(out) in err.value.render()
    assert store_fingerprint(ani, world.event_id) == before
    assert _sheet(ani, "KIPP-001").status is SheetStatus.LOCKED


def test_a_package_that_reopens_a_sheet_without_a_signed_unlock_leaves_it_locked(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    assert world.merge(world.bundle_from(ani, "Ani")).ok
    out = world.export_package("Ani")  # nothing unlocked: no unlock list
    mine = _sheet(ani, "KIPP-001")
    with ani.read() as s:
        laptop_hash = lineage.sheet_hash(s.get(models.ScoreSheet, mine.id))

    def forge_unlock(manifest: dict[str, Any]) -> None:
        doc = next(d for d in manifest["sheets"] if d["dossier_number"] == "KIPP-001")
        doc.update(status="draft", revision=doc["revision"] + 1, submitted_at=None)
        doc["ancestors"] = sorted(set(doc["ancestors"]) | {laptop_hash})
        _rehash(doc)

    _rewrite_manifest(out, forge_unlock)
    result = packages.import_package(ani, out, passphrase("Ani"))
    assert result.sheets_updated == 0 and result.sheets_kept == 1
    assert _sheet(ani, "KIPP-001").status is SheetStatus.LOCKED


def test_a_package_naming_another_authority_is_refused(world: World, tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    import datetime as dt

    ani = world.set_up_laptop("Ani")
    out = world.export_package("Ani")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "OAOI CA palsu")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True).sign(key, hashes.SHA256()))

    def swap(manifest: dict[str, Any]) -> None:
        manifest["authority"].update(certificate_pem=pki.cert_pem(cert), fingerprint=pki.cert_fingerprint(cert))

    _rewrite_manifest(out, swap)
    with pytest.raises(OaoiError) as err:
        packages.import_package(ani, out, passphrase("Ani"))
    assert err.value.message_id == "exchange.package_authority_changed"
    with ani.read() as s:
        assert pki.cert_fingerprint(pki.authority_certificate(s, world.event_id)) != pki.cert_fingerprint(cert)


# -- the package header: only the app's own key derivation -------------------------------------------------------
@pytest.mark.parametrize(("n", "r", "p"), [(2**20, 32, 16), (2**16, 16, 1), (2**14, 8, 1), (2**15, 8, 2)])
def test_a_package_header_with_foreign_kdf_parameters_is_refused_at_once(world: World, n: int, r: int,
                                                                         p: int) -> None:
    out = world.export_package("Ani")
    header_path = out / packages.HEADER
    header = json.loads(header_path.read_text(encoding="utf-8"))
    header["kdf"].update(n=n, r=r, p=p)
    header_path.write_text(json.dumps(header), encoding="utf-8")
    laptop = world.laptop("Ani")
    with pytest.raises(OaoiError) as err:
        packages.import_package(laptop, out, passphrase("Ani"))
    assert err.value.message_id == "exchange.package_kdf_refused"
    assert str(header_path) in err.value.render()
    with laptop.read() as s:
        assert s.scalars(select(models.Event)).all() == []


def test_a_bundle_for_a_finalised_event_changes_nothing(world: World) -> None:
    ani = world.set_up_laptop("Ani")
    world.score_on(ani, "Ani", "KIPP-001", SCORES["Ani"]["KIPP-001"])
    bundle = world.bundle_from(ani, "Ani")
    with world.sec.write() as s:  # the state finalisation leaves (the Berita Acara path is tested elsewhere)
        events.get_event(s, world.event_id).status = models.EventStatus.FINALISED
    before = store_fingerprint(world.sec, world.event_id)
    report = world.merge(bundle)
    assert [f.status for f in report.files] == ["rejected"] and not report.ok
    assert report.files[0].error.message_id == "exchange.event_finalised" and str(bundle) in report.files[0].message
    assert store_fingerprint(world.sec, world.event_id) == before


def test_a_package_rewritten_to_make_the_judge_secretariat_is_refused(world: World) -> None:
    out = world.export_package("Ani")

    def promote(manifest: dict[str, Any]) -> None:
        manifest["judge"]["role"] = "secretariat"

    _rewrite_manifest(out, promote)
    laptop = world.laptop("Ani")
    with pytest.raises(OaoiError) as err:
        packages.import_package(laptop, out, passphrase("Ani"))
    assert err.value.message_id == "exchange.package_not_a_judge" and str(out) in err.value.render()
    with laptop.read() as s:
        assert s.scalars(select(models.User)).all() == []
