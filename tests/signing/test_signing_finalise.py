"""Finalising an event needs its Berita Acara signed: the real signed PDF is verified first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from oaoi_desktop.errors import ConflictError
from oaoi_desktop.services import documents, events, finalisation, signatures
from oaoi_desktop.store.models import AuditEntry, EventStatus
from support.signing_keys import PASSES, make_panel
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, score, uniform


def _sign(db, path: Path, user_id: str, names: dict[str, str]) -> None:
    (out,) = signatures.sign_files(db, [path], judge=user_id, passphrase=PASSES[names[user_id]], actor=ACTOR)
    assert out.ok, out.message


def _finalise(db, event_id: str, **kwargs) -> None:
    with db.write() as s:
        finalisation.finalise_event(s, event_id, ACTOR, **kwargs)


def _status(db, event_id: str) -> EventStatus:
    with db.read() as s:
        return events.get_event(s, event_id).status


def test_the_event_is_finalised_only_with_a_completely_signed_berita_acara(db, tmp_path: Path) -> None:
    panel = make_panel(db)
    d = add_dossier(db, panel.event_id, "P-001")
    for name, v in [("Budi Santoso", 8), ("Siti Aminah", 9), ("Ketua Tim", 7)]:
        score(db, panel.event_id, name, d, uniform(KIPP_CRITERIA, v))
    docs = documents.prepare(db, panel.event_id, ["result", "minutes"], documents.ExportOptions(), actor=ACTOR)
    paths = documents.write_documents(docs, tmp_path / "out")
    from pypdf import PdfReader

    kinds = {PdfReader(p).metadata["/OaoiKind"]: p for p in paths}
    minutes, result_sheet = kinds["minutes"], kinds["result"]
    slots = documents.signature_slots(minutes)

    # nothing shown to be signed
    with pytest.raises(ConflictError) as err:
        _finalise(db, panel.event_id)
    assert err.value.message_id == "finalise.not_signed"
    # signed by the first member only: the other fields are still empty
    _sign(db, minutes, str(slots[0].user_id), panel.names)
    with pytest.raises(ConflictError) as err:
        _finalise(db, panel.event_id, signed_minutes=minutes)
    assert err.value.message_id == "finalise.minutes_unsigned" and str(minutes) in err.value.render()
    for slot in slots[1:]:
        _sign(db, minutes, str(slot.user_id), panel.names)
    # a completely signed result sheet is not the Berita Acara
    for slot in documents.signature_slots(result_sheet):
        _sign(db, result_sheet, str(slot.user_id), panel.names)
    with pytest.raises(ConflictError) as err:
        _finalise(db, panel.event_id, signed_minutes=result_sheet)
    assert err.value.message_id == "finalise.minutes_foreign"
    # an unsigned edit appended after the last signature fails verification
    tampered = tmp_path / "tampered.pdf"
    from pypdf import PdfWriter

    writer = PdfWriter(minutes, incremental=True)  # keeps the signed bytes, appends an update
    writer.add_metadata({"/Title": "diubah"})
    with tampered.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ConflictError) as err:
        _finalise(db, panel.event_id, signed_minutes=tampered)
    assert err.value.message_id == "finalise.minutes_invalid"
    assert _status(db, panel.event_id) is not EventStatus.FINALISED

    # the real, completely signed Berita Acara
    _finalise(db, panel.event_id, signed_minutes=minutes)
    assert _status(db, panel.event_id) is EventStatus.FINALISED
    with db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "event.finalised"))
        signed = entry.after["signature"]
    assert signed["signed"] == "digital" and len(signed["signers"]) == len(slots)
    assert len(signed["sha256"]) == 64


def test_paper_signed_minutes_are_recorded_as_such(db) -> None:
    panel = make_panel(db)
    d = add_dossier(db, panel.event_id, "P-001")
    score(db, panel.event_id, "Budi Santoso", d, uniform(KIPP_CRITERIA, 8))
    documents.prepare(db, panel.event_id, ["minutes"], documents.ExportOptions(), actor=ACTOR)
    _finalise(db, panel.event_id, paper_signed=True)
    with db.read() as s:
        after = s.scalar(select(AuditEntry.after).where(AuditEntry.action == "event.finalised"))
    assert after["signature"]["signed"] == "paper"
