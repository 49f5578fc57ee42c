"""A judge's PKCS#12 stored with weak parameters (an older version) is re-wrapped before it travels
in a panel package, and the judge's laptop receives the modern one (issue 13, keys)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import select

from exchange_world import make_world, passphrase
from oaoi_desktop.services import accounts, events
from oaoi_desktop.signing import pki
from oaoi_desktop.services import keys
from oaoi_desktop.store.models import AuditEntry


def test_package_export_rewraps_a_weak_credential_before_it_travels(tmp_path: Path, db_url: str) -> None:
    world = make_world(tmp_path / "panel", sec_url=db_url)
    try:
        with world.sec.write() as s:
            ev = events.get_event(s, world.event_id)
            ani = accounts.find_judge(s, ev, "Ani")
            cred = pki.active_credential(s, ev.id, ani.id)
            signer = pki.signer_from_credential(cred, passphrase("Ani"))
            cred.pkcs12 = pkcs12.serialize_key_and_certificates(  # what the app wrote before
                b"Ani", signer.private_key, signer.certificate, list(signer.chain),
                serialization.BestAvailableEncryption(passphrase("Ani").encode()))
            event_id, ani_id = ev.id, ani.id
        with world.sec.read() as s:
            assert not pki.pkcs12_protection(pki.active_credential(s, event_id, ani_id).pkcs12)["strong"]
        laptop = world.set_up_laptop("Ani")
        with world.sec.read() as s:
            assert pki.pkcs12_protection(pki.active_credential(s, event_id, ani_id).pkcs12)["strong"]
            actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "key.rewrapped"))]
        assert actions == ["key.rewrapped"]
        with laptop.read() as s:  # the copy on the judge's laptop is the re-wrapped one
            assert pki.pkcs12_protection(pki.active_credential(s, event_id, ani_id).pkcs12)["strong"]
            assert keys.load_signer(s, event_id, ani_id, passphrase("Ani"), rewrap=False).certificate == \
                signer.certificate
    finally:
        world.close()
