"""Fixtures for the exchange screens: a panel spread over laptops (tests/services/exchange/exchange_world.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services" / "exchange"))

from exchange_world import World, make_world  # noqa: E402
from support.builders import KIPP_CRITERIA  # noqa: E402


@pytest.fixture
def world(tmp_path: Path):
    w = make_world(tmp_path / "panel")
    yield w
    w.close()


@pytest.fixture
def conflicted(world: World) -> World:
    """Ani scored KIPP-001 on two laptops from the same package: 8s on one, 6s (with comments) on the other."""
    package = world.export_package("Ani")
    one = world.set_up_laptop("Ani", "one", package)
    two = world.set_up_laptop("Ani", "two", package)
    world.score_on(one, "Ani", "KIPP-001", {c: 8 for c in KIPP_CRITERIA})
    world.score_on(two, "Ani", "KIPP-001", {c: 6 for c in KIPP_CRITERIA}, comment="dinilai ulang di laptop kedua")
    world.merge(world.bundle_from(one, "Ani", world.root / "one"))
    report = world.merge(world.bundle_from(two, "Ani", world.root / "two"))
    assert report.conflicts == 1
    return world
