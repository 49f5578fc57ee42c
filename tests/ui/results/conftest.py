"""Fixtures for the results views: small events built through the services on the test's database."""

from __future__ import annotations

import pytest

from oaoi_desktop.services import dossiers, events
from oaoi_desktop.store.database import Database
from support.builders import KIPP_CRITERIA, add_dossier, add_judges, make_event, score

COMMENTS = {c: "Bukti pendukung kurang lengkap." for c in KIPP_CRITERIA}


def uniform(value: int) -> dict[str, int]:
    return {c: value for c in KIPP_CRITERIA}


@pytest.fixture
def small_event(db: Database) -> str:
    """Three judges, three proposals in one group, chosen so that mean and median rank differently.

    P-1: 90, 90, 30 (mean 70, median 90); P-2: 80 × 3; P-3: 50, 60, 70.
    Mean: P-2, P-1, P-3.  Median: P-1 (passes, 90 ≥ 85), P-2, P-3.
    """
    eid = make_event(db)
    add_judges(db, eid, ["Ani", "Budi", "Citra"])
    for n, title in (("P-1", "Klinik Keliling"), ("P-2", "Sekolah Digital"), ("P-3", "Izin Kilat")):
        add_dossier(db, eid, n, kategori="Kesehatan")
        with db.write() as s:
            d = dossiers.get_dossier(s, events.get_event(s, eid), n)
            d.title = title
    for judge, values in (("Ani", (9, 8, 5)), ("Budi", (9, 8, 6)), ("Citra", (3, 8, 7))):
        for n, v in zip(("P-1", "P-2", "P-3"), values, strict=True):
            score(db, eid, judge, n, uniform(v), comments=COMMENTS)
    return eid


@pytest.fixture
def harsh_event(db: Database) -> str:
    """Eight proposals, three judges; Dedi scores every proposal 3 points lower per criterion (30 in total)."""
    eid = make_event(db, name="Kompetisi Inovasi OPD 2026")
    add_judges(db, eid, ["Ani", "Budi", "Dedi"])
    for i in range(1, 9):
        add_dossier(db, eid, f"Q-{i}", kategori="Pendidikan" if i % 2 else "Kesehatan")
        base = 6 + i % 4  # 6..9
        score(db, eid, "Ani", f"Q-{i}", uniform(base), comments=COMMENTS)
        score(db, eid, "Budi", f"Q-{i}", {**uniform(base), "signifikansi": max(1, base - 1)}, comments=COMMENTS)
        score(db, eid, "Dedi", f"Q-{i}", uniform(base - 3), comments=COMMENTS)
    return eid


