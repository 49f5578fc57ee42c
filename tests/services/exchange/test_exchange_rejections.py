"""Bundles that must be refused: each gives its message naming the file and changes nothing."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from exchange_world import SCORES, World, make_world, passphrase, store_fingerprint
from oaoi_desktop.domain import canonical
from oaoi_desktop.rubrics import load_rubric
from oaoi_desktop.services import accounts, events
from oaoi_desktop.services.exchange import bundles
from oaoi_desktop.signing import cms
from oaoi_desktop.services import keys
from oaoi_desktop.store.models import Role
from support.builders import ACTOR, RUBRICS


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory):
    world = make_world(tmp_path_factory.mktemp("rejections"))
    ani = world.set_up_laptop("Ani")
    for number, values in list(SCORES["Ani"].items())[:2]:
        world.score_on(ani, "Ani", number, values)
    good = world.bundle_from(ani, "Ani")
    with world.sec.write() as s:  # another event on the same laptop, with its own authority and judge
        other = events.create_event(s, name="Kompetisi Inovasi Kabupaten Deli Serdang 2026",
                                    rubric=load_rubric(RUBRICS / "kipp-proposal.toml"), actor=ACTOR)
        keys.create_authority(s, other.id, "otoritas-lain-2026", ACTOR)
        stranger = accounts.add_judge(s, other, name="Citra", instansi="BRIN", role=Role.MEMBER, actor=ACTOR)
        keys.issue_judge_certificate(s, other.id, stranger.id, "otoritas-lain-2026", passphrase("Citra"), ACTOR)
        other_id, stranger_id = str(other.id), str(stranger.id)
    yield world, good, other_id, stranger_id
    world.close()


def _parts(good: Path) -> tuple[dict, bytes]:
    doc = json.loads(good.read_bytes())
    return doc["payload"], good.read_bytes()


def _signed_by(world: World, event_id: str, user_id: str, who: str, payload: dict) -> bytes:
    with world.sec.read() as s:
        signer = keys.load_signer(s, event_id, user_id, passphrase(who))
    return bundles.encode_bundle(payload, cms.sign_detached(signer, canonical.dumps(payload)))


def corrupt(world: World, good: Path, other: str, stranger: str) -> bytes:
    return b"PK\x03\x04" + bytes(range(256)) * 4


def truncated(world: World, good: Path, other: str, stranger: str) -> bytes:
    return good.read_bytes()[: good.stat().st_size // 2]


def tampered_byte(world: World, good: Path, other: str, stranger: str) -> bytes:
    data = good.read_bytes()
    at = data.index(b'"value":') + len(b'"value":')
    digit = data[at:at + 1]
    assert digit.isdigit()
    return data[:at] + (b"9" if digit != b"9" else b"8") + data[at + 1:]


def tampered_layout(world: World, good: Path, other: str, stranger: str) -> bytes:
    data = good.read_bytes()
    return data.replace(b'"format":', b'"format": ', 1)


def tampered_signature(world: World, good: Path, other: str, stranger: str) -> bytes:
    doc = json.loads(good.read_bytes())
    raw = bytearray(base64.b64decode(doc["signature"]))
    raw[-5] ^= 0x40
    doc["signature"] = base64.b64encode(bytes(raw)).decode("ascii")
    return canonical.dumps(doc)


def foreign_event(world: World, good: Path, other: str, stranger: str) -> bytes:
    payload, _ = _parts(good)
    payload["event"] = {"id": other, "name": "Kompetisi Inovasi Kabupaten Deli Serdang 2026"}
    return _signed_by(world, world.event_id, world.judges["Ani"], "Ani", payload)


def wrong_rubric(world: World, good: Path, other: str, stranger: str) -> bytes:
    payload, _ = _parts(good)
    payload["rubric_sha256"] = "0" * 64
    return _signed_by(world, world.event_id, world.judges["Ani"], "Ani", payload)


def re_signed_by_another_judge(world: World, good: Path, other: str, stranger: str) -> bytes:
    payload, _ = _parts(good)
    return _signed_by(world, world.event_id, world.judges["Budi"], "Budi", payload)


def unknown_signer(world: World, good: Path, other: str, stranger: str) -> bytes:
    payload, _ = _parts(good)
    return _signed_by(world, other, stranger, "Citra", payload)


def unknown_judge(world: World, good: Path, other: str, stranger: str) -> bytes:
    payload, _ = _parts(good)
    payload["judge"] = {"id": str(uuid.uuid4()), "name": "Dedi"}
    return _signed_by(world, world.event_id, world.judges["Ani"], "Ani", payload)


CASES: list[tuple[Callable[..., bytes], str, str]] = [
    (corrupt, "exchange.bundle_corrupt", "bukan bundel juri yang utuh"),
    (truncated, "exchange.bundle_truncated", "terpotong"),
    (tampered_byte, "exchange.bundle_bad_signature", "tanda tangan tidak cocok"),
    (tampered_layout, "exchange.bundle_tampered", "diubah setelah ditandatangani"),
    (tampered_signature, "exchange.bundle_bad_signature", "tanda tangan tidak cocok"),
    (foreign_event, "exchange.bundle_foreign_event", "Deli Serdang"),
    (wrong_rubric, "exchange.bundle_rubric", "instrumen penilaian"),
    (re_signed_by_another_judge, "exchange.bundle_signed_by_other", "ditandatangani oleh Budi, bukan oleh Ani"),
    (unknown_signer, "exchange.bundle_unknown_signer", "penanda tangan 'Citra' tidak dikenal"),
    (unknown_judge, "exchange.bundle_unknown_judge", "Dedi"),
]


@pytest.mark.parametrize(("make", "message_id", "text"), CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_bundle_is_rejected_with_its_message_and_changes_nothing(panel, tmp_path: Path, make, message_id: str,
                                                                     text: str) -> None:
    world, good, other, stranger = panel
    bad = tmp_path / f"{make.__name__}.oaoi-bundle"
    bad.write_bytes(make(world, good, other, stranger))
    before = store_fingerprint(world.sec, world.event_id)
    report = world.merge(bad)
    assert [f.status for f in report.files] == ["rejected"]
    rejected = report.files[0]
    assert rejected.error is not None and rejected.error.message_id == message_id
    assert str(bad) in rejected.message and text in rejected.message
    assert store_fingerprint(world.sec, world.event_id) == before
    assert not report.ok


def test_a_good_bundle_beside_rejected_ones_is_still_merged(panel, tmp_path: Path) -> None:
    world, good, other, stranger = panel
    bad = tmp_path / "rusak.oaoi-bundle"
    bad.write_bytes(truncated(world, good, other, stranger))
    report = world.merge(bad, good)
    assert [f.status for f in report.files] in (["rejected", "merged"], ["rejected", "already_merged"])
    assert len(report.rejected) == 1
