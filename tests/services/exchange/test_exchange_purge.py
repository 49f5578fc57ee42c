"""A panel package made after a purge (issue 17) carries no purged content: the proposals' numbers and
titles, the purge marker instead of the content, and no attachment."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from oaoi_desktop.errors import ConflictError
from oaoi_desktop.services import accounts, events, finalisation, purge
from oaoi_desktop.services.exchange import packages
from oaoi_desktop.store.models import IssuedDocument
from support.builders import ACTOR

from exchange_world import NUMBERS, SCORES, make_world, passphrase, score_directly

pytestmark = pytest.mark.sqlite_only


def test_a_package_after_the_purge_holds_no_content(tmp_path: Path) -> None:
    world = make_world(tmp_path / "venue")
    try:
        for judge, per in SCORES.items():
            for number in NUMBERS:
                score_directly(world.sec, world.event_id, judge, number, per[number])
        with world.sec.write() as s:
            e = events.get_event(s, world.event_id)
            s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number="BA-1/2026", sequence=1,
                                 fingerprint="ab" * 32, details={}, created_by="test"))
        with world.sec.write() as s:
            finalisation.finalise_event(s, world.event_id, ACTOR, paper_signed=True)
        purge.purge_event(world.sec, world.event_id, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path)
        with world.sec.read() as s:
            ev = events.get_event(s, world.event_id)
            judge = accounts.find_judge(s, ev, "Ani")
            manifest, files = packages.build_manifest(s, ev, judge, passphrase("Ani"))
        assert files == []  # no attachment travels
        text = json.dumps(manifest, default=str)
        assert "rahmat" not in text.lower() and "lampiran/" not in text
        revisions = [r for d in manifest["dossiers"] for r in d["revisions"]]
        assert len(revisions) == len(NUMBERS)
        assert all(r["content"] == {"purged": True, "sha256": r["sha256"]} for r in revisions)
        # and the stick itself: a laptop refuses a finalised event's package (nothing to score there)
        out = world.export_package("Ani")
        with pytest.raises(ConflictError):
            packages.import_package(world.laptop("Ani"), out, passphrase("Ani"))
    finally:
        world.close()
