"""The import's readers: worker processes (spawn) and threads give the same store.

Real packages, a real SQLite store, real worker processes: a mixed batch
(folders, a ZIP holding two dossiers, an XLSX list, broken packages) imports
the same way in processes and in threads; cancel stops the workers and
leaves nothing behind; a worker that is killed, or that cannot take a
candidate, costs nothing but time (its dossiers are read again here); the
Core statements and the SQLite fast path write the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from oaoi_desktop.domain import canonical
from oaoi_desktop.intake.sources import scan
from oaoi_desktop.services import imports
from oaoi_desktop.services.audit import chain_for
from oaoi_desktop.services.audit_chain import verify_chain
from oaoi_desktop.services.import_reader import normalised
from oaoi_desktop.services.imports import ImportProgress, Outcome, import_candidates, import_paths
from oaoi_desktop.store.blobs import DatabaseBlobStore, blob_store_for
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, AuditEntry, Dossier, DossierRevision
from support.builders import ACTOR, ROOT, make_event
from support.packages import (
    default_files,
    image_bytes,
    pdf_bytes,
    store_state,
    stray_files,
    valid_document,
    write_folder,
    write_zip,
    zip_members,
)

TODAY = dt.date(2026, 12, 1)


def _mixed_batch(root: Path) -> Path:
    """Good folders, a ZIP with two dossiers, an XLSX list, and broken packages."""
    batch = root / "USB"
    for n in range(5):
        write_folder(batch / f"usulan-{n:02d}", number=f"KIPP-{n:03d}")
    write_zip(batch / "kumpulan.zip", {**zip_members(number="KIPP-100", prefix="a/"),
                                       **zip_members(number="KIPP-101", prefix="b/")})
    broken = default_files("KIPP-200")
    whole = broken["lampiran/surat.pdf"]
    broken["lampiran/surat.pdf"] = whole[: len(whole) * 2 // 3]
    write_folder(batch / "usulan-rusak", valid_document("KIPP-200"), broken)
    write_folder(batch / "usulan-klaster", valid_document("KIPP-201", klaster="kecamatan"), number="KIPP-201")
    write_folder(batch / "usulan-kembar", valid_document("KIPP-000", title="Kembar"), number="KIPP-000")
    (batch / "lampiran").mkdir(parents=True)
    (batch / "lampiran" / "sk-300.pdf").write_bytes(pdf_bytes("SK 300"))
    (batch / "lampiran" / "foto-300.png").write_bytes(image_bytes("PNG"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Instansi", "Klaster", "Kelompok", "Ringkasan", "Attachments.sk", "Attachments.foto"])
    ws.append(["KIPP-300", "Pasar Tani", "Pemerintah Kabupaten Karo", "kabupaten", "umum", "Teks.",
               "lampiran/sk-300.pdf", "lampiran/foto-300.png"])
    ws.append(["KIPP-301", "Salah", "Pemerintah Kabupaten Karo", "kecamatan", "umum", "Teks.", "", ""])
    wb.save(batch / "dossiers.xlsx")
    return batch


def _summary(report: imports.ImportReport) -> list[tuple[object, ...]]:
    return [(i.source, i.number, i.outcome, i.revision, i.attachments,
             tuple((f.severity, f.file, f.field, f.message_id) for f in i.findings)) for i in report.items]


def _rows(db: Database) -> dict[str, object]:
    """What the import wrote, without the random ids and the clock."""
    with db.read() as s:
        dossiers = sorted((d.number, d.title, d.instansi, d.klaster, d.kelompok, d.current_revision)
                          for d in s.scalars(select(Dossier)))
        revisions = sorted((r.sha256, r.source, r.revision) for r in s.scalars(select(DossierRevision)))
        attachments = sorted((a.path, a.kind, a.title, a.media_type, a.size, a.sha256, a.revision)
                             for a in s.scalars(select(Attachment)))
        audit = [(e.seq, e.action, e.entity_type, e.actor, _without_id(e.before), _without_id(e.after))
                 for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
        kinds = {table: s.execute(text(f"SELECT {', '.join(f'typeof({c})' for c in cols)} FROM {table}")).all()
                 for table, cols in {
                     "dossiers": ("id", "event_id", "created_at", "current_revision"),
                     "dossier_revisions": ("id", "dossier_id", "content", "imported_at"),
                     "attachments": ("id", "dossier_id", "size"),
                     "audit_entries": ("id", "event_id", "actor_id", "before", "after", "at", "device_id"),
                 }.items()}
    return {"dossiers": dossiers, "revisions": revisions, "attachments": attachments, "audit": audit,
            "kinds": {k: sorted(set(v)) for k, v in kinds.items()}}


def _without_id(value: object) -> object:
    return {k: v for k, v in value.items() if k != "id" and not k.endswith("_id")} if isinstance(value, dict) else value


def _chain_ok(db: Database, event_id: str) -> None:
    with db.read() as s:
        report = verify_chain(s, chain_for(uuid.UUID(event_id)), actor=ACTOR)
        assert report.ok, report


def _fresh(tmp_path: Path, name: str) -> tuple[Database, str]:
    db = Database.open("sqlite:///" + str(tmp_path / name / "event.sqlite"))
    return db, make_event(db)


def _assert_clean(db: Database) -> None:
    assert stray_files(db) == set()
    assert store_state(db).staging == 0


def test_processes_and_threads_import_a_mixed_batch_the_same_way(tmp_path: Path) -> None:
    batch = _mixed_batch(tmp_path)
    results = {}
    for mode, processes in (("processes", True), ("threads", False)):
        db, event_id = _fresh(tmp_path, mode)
        try:
            report = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=processes, workers=2)
            again = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=processes, workers=2)
            _chain_ok(db, event_id)
            _assert_clean(db)
            results[mode] = (_summary(report), _summary(again), _rows(db), store_state(db))
        finally:
            db.close()
    assert results["processes"] == results["threads"]
    first, second, _rows_, state = results["processes"]
    outcomes = {source: outcome for source, _n, outcome, *_rest in first}
    assert outcomes == {
        **{f"USB/usulan-{n:02d}": Outcome.IMPORTED for n in range(5)},
        "USB/kumpulan.zip/a": Outcome.IMPORTED, "USB/kumpulan.zip/b": Outcome.IMPORTED,
        "USB/usulan-klaster": Outcome.REJECTED, "USB/usulan-kembar": Outcome.REJECTED,
        "USB/usulan-rusak": Outcome.REJECTED, "USB/dossiers.xlsx:2": Outcome.IMPORTED,
        "USB/dossiers.xlsx:3": Outcome.REJECTED,
    }
    xlsx_bad = next(findings for source, *_x, findings in first if source == "USB/dossiers.xlsx:3")
    assert ("error", "USB/dossiers.xlsx", "D3 (klaster)", "intake.bad_klaster") in {
        (sev.value, file, field, mid) for sev, file, field, mid in xlsx_bad}
    assert {outcome for _s, _n, outcome, *_r in second} == {Outcome.UNCHANGED, Outcome.REJECTED}
    assert (state.dossiers, state.revisions, state.attachments) == (8, 8, 23)


def test_the_sqlite_fast_path_writes_what_core_statements_write(tmp_path: Path) -> None:
    batch = tmp_path / "b"
    for n in range(3):
        write_folder(batch / f"u{n}", number=f"KIPP-{n}")
    changed = default_files("KIPP-0")
    changed["lampiran/surat.pdf"] = pdf_bytes("revisi", pages=3)
    revision2 = write_folder(tmp_path / "v2" / "u0", valid_document("KIPP-0", title="Revisi"), changed)
    rows = {}
    for raw in (True, False):
        db, event_id = _fresh(tmp_path, f"raw-{raw}")
        try:
            ev = imports.pipeline.resolve_event(db, event_id)
            for paths in ([batch], [revision2]):
                importer = imports.pipeline.Importer(db, ev, actor=ACTOR, store=blob_store_for(db),
                                                     limits=imports.Limits(), progress=None, cancel=None, workers=1,
                                                     today=TODAY, processes=False, raw_sqlite=raw)
                report = importer.run(scan(paths))
                assert not report.has_rejections
            _chain_ok(db, event_id)
            rows[raw] = _rows(db)
        finally:
            db.close()
    assert rows[True] == rows[False]
    assert [d[-1] for d in rows[True]["dossiers"]] == [2, 1, 1]  # KIPP-0 updated to revision 2


def _batch(root: Path, count: int) -> Path:
    batch = root / "batch"
    for n in range(count):
        write_folder(batch / f"u{n:03d}", number=f"KIPP-{n:03d}")
    return batch


def test_progress_and_bytes_come_back_from_worker_processes(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    batch = _batch(tmp_path, 12)
    seen: list[ImportProgress] = []
    caller = threading.get_ident()
    threads: set[int] = set()

    def progress(p: ImportProgress) -> None:
        seen.append(p)
        threads.add(threading.get_ident())

    report = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=True, workers=2,
                          progress=progress)
    assert report.count(Outcome.IMPORTED) == 12
    assert threads == {caller}
    assert [p.dossiers_done for p in seen] == sorted(p.dossiers_done for p in seen)
    assert seen[-1].bytes_done == report.bytes_read == sum(i.bytes for i in report.items) + sum(
        len((batch / f"u{n:03d}" / "dossier.json").read_bytes()) for n in range(12))
    assert any(p.phase == "storing" and p.current.endswith(".pdf") for p in seen)
    _assert_clean(db)


def test_cancel_stops_the_worker_processes_and_leaves_nothing_behind(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    batch = _batch(tmp_path, 40)
    cancel = threading.Event()

    def progress(p: ImportProgress) -> None:
        if p.dossiers_done >= 3:
            cancel.set()

    report = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=True, workers=2,
                          progress=progress, cancel=cancel)
    assert report.cancelled
    done = len(report.items)
    assert 3 <= done < 40 and all(i.outcome is Outcome.IMPORTED for i in report.items)
    assert len(report.not_processed) == 40 - done
    assert store_state(db).dossiers == done
    _assert_clean(db)
    _chain_ok(db, event_id)
    _no_workers_left()
    # Nothing was lost: importing again finishes the job.
    again = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=True, workers=2)
    assert again.count(Outcome.UNCHANGED) == done and again.count(Outcome.IMPORTED) == 40 - done
    _assert_clean(db)


def _no_workers_left(timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not [p for p in multiprocessing.active_children() if p.name == "oaoi-import-reader"]:
            return
        time.sleep(0.05)
    raise AssertionError("import worker processes still running")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_worker_process_costs_nothing_but_time(db: Database, tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    event_id = make_event(db)
    batch = _batch(tmp_path, 30)
    killed: list[int] = []

    def progress(p: ImportProgress) -> None:
        if p.dossiers_done >= 2 and not killed:
            for child in multiprocessing.active_children():
                if child.name == "oaoi-import-reader" and child.pid:
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)

    report = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=True, workers=2,
                          progress=progress)
    assert killed
    assert not report.cancelled and report.count(Outcome.IMPORTED) == 30
    assert any("WorkerGone" in r.getMessage() for r in caplog.records)
    state = store_state(db)
    assert (state.dossiers, state.revisions, state.attachments) == (30, 30, 90)
    _assert_clean(db)  # what the killed workers had staged went with the run's staging folder
    _chain_ok(db, event_id)


class _Exploding(str):
    """A label that cannot be rebuilt in a worker process (unpickling it raises there)."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_explode_in_a_worker, (str(self),))


def _explode_in_a_worker(value: str) -> str:
    if multiprocessing.current_process().name == "oaoi-import-reader":
        raise RuntimeError("this worker cannot take it")
    return _Exploding(value)


def test_a_candidate_a_worker_cannot_take_is_read_here(db: Database, tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    event_id = make_event(db)
    batch = _batch(tmp_path, 6)
    candidates = scan([batch])
    victim = candidates[3].package
    assert victim is not None
    victim.label = _Exploding(victim.label)
    report = import_candidates(db, event_id, candidates, actor=ACTOR, today=TODAY, processes=True, workers=2)
    assert [i.outcome for i in report.items] == [Outcome.IMPORTED] * 6
    assert report.items[3].findings == ()
    assert any("batch/u003" in r.getMessage() and "WorkerRefused" in r.getMessage() for r in caplog.records)
    _assert_clean(db)


def test_a_pulled_stick_in_a_worker_process_rejects_only_that_dossier(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    batch = _batch(tmp_path, 10)
    candidates = scan([batch])
    (batch / "u004" / "lampiran" / "surat.pdf").unlink()  # gone between the scan and the read
    truncated = batch / "u007" / "lampiran" / "sk.pdf"
    truncated.write_bytes(truncated.read_bytes()[:300])
    report = import_candidates(db, event_id, candidates, actor=ACTOR, today=TODAY, processes=True, workers=2)
    outcomes = [i.outcome for i in report.items]
    assert outcomes == [Outcome.IMPORTED] * 4 + [Outcome.REJECTED] + [Outcome.IMPORTED] * 2 + [
        Outcome.REJECTED] + [Outcome.IMPORTED] * 2
    assert [f.message_id for f in report.items[4].errors] == ["intake.file_missing"]
    assert [f.message_id for f in report.items[7].errors] == ["intake.pdf_broken"]
    assert store_state(db).dossiers == 8
    _assert_clean(db)


def test_a_worker_never_runs_the_program_again(tmp_path: Path) -> None:
    """A script without a ``__main__`` guard: spawn would run it again in every worker; ours do not."""
    _batch(tmp_path, 6)
    marker = tmp_path / "runs.txt"
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "tests")!r}]
        with open({str(marker)!r}, "a") as fh:
            fh.write("run\\n")
        from oaoi_desktop.services.imports import import_paths, Outcome
        from oaoi_desktop.store.database import Database
        from support.builders import ACTOR, make_event
        db = Database.open("sqlite:///" + {str(tmp_path / "s" / "event.sqlite")!r})
        report = import_paths(db, make_event(db), [{str(tmp_path / "batch")!r}], actor=ACTOR, processes=True,
                              workers=2)
        assert report.count(Outcome.IMPORTED) == 6, report.counts
        db.close()
    """), encoding="utf-8")
    env = {**os.environ, "OAOI_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert marker.read_text().splitlines() == ["run"]


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10)
    | st.floats(allow_nan=False, allow_infinity=False) | st.uuids() | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=25,
)


@given(json_like)
def test_the_readers_normalise_is_canonical_normalise(value: object) -> None:
    fast = normalised(value)
    assert fast == canonical.normalise(value)
    assert json.dumps(fast, sort_keys=True) == json.dumps(canonical.normalise(value), sort_keys=True)


def test_worker_processes_with_the_database_home(db: Database, tmp_path: Path) -> None:
    event_id = make_event(db)
    store = DatabaseBlobStore(db, tmp_path / "cache", chunk_bytes=4096)
    batch = _batch(tmp_path, 6)
    report = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=True, workers=2, store=store)
    assert report.count(Outcome.IMPORTED) == 6
    state = store_state(db)
    assert state.blobs == 13 and state.chunks >= 13 and state.files == 0  # the six photos are one content
    again = import_paths(db, event_id, [batch], actor=ACTOR, today=TODAY, processes=True, workers=2, store=store)
    assert again.count(Outcome.UNCHANGED) == 6 and store_state(db) == state
    assert os.listdir(tmp_path / "cache" / ".staging") == []
    _chain_ok(db, event_id)
