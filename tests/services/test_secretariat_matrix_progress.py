"""The data behind the secretariat console: the assignment matrix in one read, and event progress."""

from __future__ import annotations

from oaoi_desktop.services import accounts, assignments, dossiers, events, status
from oaoi_desktop.services.assignments import (
    CELL_ASSIGNED,
    CELL_CONFLICT,
    CELL_DRAFT,
    CELL_NONE,
    CELL_RECUSED,
    CELL_SUBMITTED,
)
from oaoi_desktop.services.judging import declare_conflict, declare_integrity
from oaoi_desktop.store.models import Role
from support.builders import ACTOR, KIPP_CRITERIA, add_dossier, make_event, score, uniform


def _panel(db):  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    with db.write() as s:
        event = events.get_event(s, event_id)
        accounts.add_judge(s, event, name="Ani", instansi="Universitas Sumatera Utara", role=Role.CHAIR, actor=ACTOR)
        accounts.add_judge(s, event, name="Budi", instansi="Pemerintah Kota Medan", role=Role.MEMBER, actor=ACTOR)
        accounts.add_judge(s, event, name="Citra", instansi="Ombudsman", role=Role.MEMBER, actor=ACTOR)
    add_dossier(db, event_id, "P-2", kategori="Kesehatan")
    add_dossier(db, event_id, "P-10", kategori="Pendidikan", instansi="Pemerintah Provinsi Sumatera Utara")
    add_dossier(db, event_id, "P-1", kategori="Kesehatan", instansi="Pemerintah Provinsi Sumatera Utara")
    return event_id


def test_matrix_holds_every_state_in_natural_order(db) -> None:  # type: ignore[no-untyped-def]
    event_id = _panel(db)
    score(db, event_id, "Ani", "P-1", uniform(KIPP_CRITERIA, 8), submit=True)
    score(db, event_id, "Citra", "P-1", uniform(KIPP_CRITERIA[:2], 8), submit=False)
    with db.write() as s:
        event = events.get_event(s, event_id)
        assignments.assign(s, event, dossiers.get_dossier(s, event, "P-10"), accounts.find_judge(s, event, "Ani"),
                           actor=ACTOR)
        citra = accounts.find_judge(s, event, "Citra")
        assignments.assign(s, event, dossiers.get_dossier(s, event, "P-10"), citra, actor=ACTOR)
        declare_integrity(s, event, citra)
        declare_conflict(s, event, citra, dossiers.get_dossier(s, event, "P-10"), reason="Saudara kandung")
    with db.read() as s:
        data = assignments.matrix_data(s, events.get_event(s, event_id), actor=ACTOR)
    assert [d.number for d in data.dossiers] == ["P-1", "P-2", "P-10"]
    assert [j.name for j in data.judges] == ["Ani", "Budi", "Citra"]
    assert list(data.cells[0]) == [CELL_SUBMITTED, CELL_NONE, CELL_DRAFT]
    assert list(data.cells[1]) == [CELL_NONE, CELL_RECUSED, CELL_NONE]  # Budi is from Pemerintah Kota Medan
    assert list(data.cells[2]) == [CELL_ASSIGNED, CELL_NONE, CELL_CONFLICT]
    assert data.loads == [2, 0, 2]
    assert data.invalid == {(2, 2)}
    with db.read() as s:
        event = events.get_event(s, event_id)
        p2 = dossiers.get_dossier(s, event, "P-2")
        assert assignments.cell_state(s, event, p2, accounts.find_judge(s, event, "Budi"), actor=ACTOR) == CELL_RECUSED
        assert assignments.cell_state(s, event, p2, accounts.find_judge(s, event, "Ani"), actor=ACTOR) == CELL_NONE


def test_progress_counts_per_judge_and_dossier_and_the_stamp_moves(db) -> None:  # type: ignore[no-untyped-def]
    event_id = _panel(db)
    with db.read() as s:
        event = events.get_event(s, event_id)
        empty = status.progress_stamp(s, event.id)
    score(db, event_id, "Ani", "P-1", uniform(KIPP_CRITERIA, 8), submit=True)
    score(db, event_id, "Ani", "P-2", uniform(KIPP_CRITERIA[:1], 8), submit=False)
    score(db, event_id, "Citra", "P-1", uniform(KIPP_CRITERIA, 7), submit=True)
    with db.read() as s:
        event = events.get_event(s, event_id)
        stamp = status.progress_stamp(s, event.id)
        progress = status.event_progress(s, event.id, "proposal", actor=ACTOR)
    assert stamp != empty
    by_name = {j.name: j for j in progress.judges}
    assert (by_name["Ani"].assigned, by_name["Ani"].draft, by_name["Ani"].submitted) == (2, 1, 1)
    assert (by_name["Budi"].assigned, by_name["Budi"].submitted, by_name["Budi"].last_activity) == (0, 0, None)
    assert by_name["Ani"].last_activity is not None
    by_number = {d.number: d for d in progress.dossiers}
    assert [d.number for d in progress.dossiers] == ["P-1", "P-2", "P-10"]
    assert (by_number["P-1"].submitted, by_number["P-1"].assigned) == (2, 2)
    assert (by_number["P-2"].submitted, by_number["P-2"].assigned) == (0, 1)
    assert progress.assigned == 3 and progress.submitted == 2
    assert abs(progress.completion - 2 / 3) < 1e-9
    with db.read() as s:
        assert status.progress_stamp(s, events.get_event(s, event_id).id) == stamp
