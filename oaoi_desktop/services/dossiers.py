"""Dossiers (Proposal inovasi) of an event.

The USB import (``intake/`` and the import service) builds on
:func:`add_dossier`; here a dossier is added from already-validated fields.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ConflictError, NotFoundError, ValidationError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.store.models import Dossier, DossierRevision, Event

KLASTER = ("kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd", "opd")
KELOMPOK = ("umum", "replikasi", "khusus")
GROUPABLE_FIELDS = ("kategori", "kelompok", "klaster", "instansi", "unit_kerja")


def dossier_snapshot(d: Dossier) -> dict[str, Any]:
    return {
        "id": d.id,
        "number": d.number,
        "title": d.title,
        "instansi": d.instansi,
        "unit_kerja": d.unit_kerja,
        "klaster": d.klaster,
        "kelompok": d.kelompok,
        "kategori": d.kategori,
        "revision": d.current_revision,
    }


def add_dossier(
    session: Session,
    event: Event,
    *,
    number: str,
    title: str,
    actor: Actor,
    instansi: str = "",
    unit_kerja: str = "",
    klaster: str = "",
    kelompok: str = "",
    kategori: str = "",
    content: dict[str, Any] | None = None,
    source: str = "",
    audit: bool = True,
) -> Dossier:
    number = (number or "").strip()
    title = " ".join((title or "").split())
    if not number:
        raise ValidationError("dossier.number_required")
    if not title:
        raise ValidationError("dossier.title_required", number=number)
    if klaster and klaster not in KLASTER:
        raise ValidationError("dossier.bad_klaster", number=number, value=klaster, allowed=", ".join(KLASTER))
    if kelompok and kelompok not in KELOMPOK:
        raise ValidationError("dossier.bad_kelompok", number=number, value=kelompok, allowed=", ".join(KELOMPOK))
    if session.scalar(select(Dossier.id).where(Dossier.event_id == event.id, Dossier.number == number)):
        raise ConflictError("dossier.duplicate_number", number=number, event=event.name)
    dossier = Dossier(
        id=uuid.uuid4(),
        event_id=event.id,
        number=number,
        title=title,
        instansi=" ".join(instansi.split()),
        unit_kerja=" ".join(unit_kerja.split()),
        klaster=klaster,
        kelompok=kelompok,
        kategori=" ".join(kategori.split()),
        current_revision=1,
    )
    session.add(dossier)
    body = content or {}
    session.add(
        DossierRevision(
            id=uuid.uuid4(),
            dossier=dossier,
            revision=1,
            content=canonical.normalise(body),
            sha256=canonical.sha256_hex(body),
            source=source,
        )
    )
    session.flush()
    if audit:
        append(session, actor=actor, action="dossier.added", event_id=event.id,
               entity_type="dossier", entity_id=dossier.id, after=dossier_snapshot(dossier))
    return dossier


def get_dossier(session: Session, event: Event, ref: str) -> Dossier:
    """A dossier of ``event`` by id or by its proposal number."""
    ref = (ref or "").strip()
    dossier: Dossier | None = None
    try:
        dossier = session.get(Dossier, uuid.UUID(ref))
    except ValueError:
        dossier = None
    if dossier is None or dossier.event_id != event.id:
        dossier = session.scalar(select(Dossier).where(Dossier.event_id == event.id, Dossier.number == ref))
    if dossier is None:
        raise NotFoundError("dossier.not_found", dossier=ref, event=event.name)
    return dossier


def list_dossiers(session: Session, event: Event) -> list[Dossier]:
    return list(session.scalars(select(Dossier).where(Dossier.event_id == event.id).order_by(Dossier.number)))
