"""Dossiers for the GUI tests, built through the services from real packages."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from oaoi_desktop.services import dossiers, events
from oaoi_desktop.services.dossiers import DossierView
from oaoi_desktop.services.imports import ImportReport, import_paths
from oaoi_desktop.store.database import Database
from support.builders import ACTOR, ROOT, make_event

SAMPLES = ROOT / "resources" / "samples"
TODAY = dt.date(2026, 6, 1)

MP4_BYTES = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
"""Enough of an MP4 for the intake's magic-byte check (the reader never plays it)."""


def import_samples(db: Database, *names: str, event_name: str = "KIPP Kota Medan 2026") -> tuple[str, ImportReport]:
    """A new event holding the named sample dossiers (all of them when none are named)."""
    event_id = make_event(db, name=event_name)
    paths: list[Path] = [SAMPLES / n for n in names] if names else [SAMPLES]
    report = import_paths(db, event_id, paths, actor=ACTOR, today=TODAY)
    assert not report.has_rejections, report.rows("en")
    return event_id, report


def view_of(db: Database, event_id: str, number: str) -> DossierView:
    with db.read() as s:
        event = events.get_event(s, event_id)
        dossier = dossiers.get_dossier(s, event, number)
        return dossiers.dossier_view(s, dossier, today=TODAY, lang="id", actor=ACTOR)


def dossier_id(db: Database, event_id: str, number: str) -> uuid.UUID:
    with db.read() as s:
        return dossiers.get_dossier(s, events.get_event(s, event_id), number).id


def has_ink(image: QImage, *, darker_than: int = 100) -> bool:
    """Does ``image`` hold dark pixels (rendered text) anywhere?  Samples a grid."""
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if QColor(image.pixel(x, y)).lightness() < darker_than:
                return True
    return False
