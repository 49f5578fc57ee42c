"""Crash campaign: ``kill -9`` a process at random points of a flow, then check the store.

Flows: a dossier import, a scoring run through the judge workspace service,
the XLSX export, the PDF export (``oaoi export results``), the backup
archive, and the merge of signed judge bundles
(``services/exchange``).  The child (``trust_crash_child.py``)
reports each commit on a pipe before it goes on; the parent waits for a
random number of commits, lets it run a random few milliseconds more, and
kills it with SIGKILL.  Then:

* the SQLite file passes ``PRAGMA integrity_check``;
* every audit chain verifies and the score history replays to the stored scores;
* every commit the child reported is in the store;
* no half-written file sits under a final name (exports, backups, archives,
  attachments: every file under its final name is complete and sound).

The bounded share (CI) kills each flow twice; ``--run-slow`` with
``HYPOTHESIS_PROFILE=full`` runs the full campaign (``OAOI_CRASH_KILLS``
per flow, default 60: 360 kill points).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import trust_campaign  # type: ignore[import-not-found]

from sqlalchemy import select

from oaoi_desktop.services import accounts, assignments, audit_verify, backups, events, judging
from oaoi_desktop.store import backup as store_backup
from oaoi_desktop.store.database import Database
from tests.support.builders import ACTOR, ROOT, add_dossier, add_judges, make_event

CHILD = Path(__file__).with_name("trust_crash_child.py")
SAMPLES = ROOT / "resources" / "samples"
FLOWS = ("import", "scoring", "export", "pdf", "backup", "merge")
PASSPHRASE_CA = "otoritas-rahasia-2026"
PASSPHRASE_JUDGE = "penilai-rahasia-2026"


class _Bases(dict):
    """One prepared database per flow, built when a flow first asks for it, copied before each kill."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __missing__(self, flow: str) -> Path:
        self[flow] = _build_base(self.root, flow)
        return self[flow]


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> _Bases:
    return _Bases(tmp_path_factory.mktemp("crash-bases"))


def _build_base(root: Path, flow: str) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OAOI_HOME", str(root / "home"))
        folder = root / flow
        folder.mkdir()
        db = Database.open("sqlite:///" + str(folder / "base.sqlite"))
        try:
            event_id = make_event(db)
            (folder / "event_id").write_text(event_id)
            if flow == "import":
                shutil.copytree(SAMPLES, folder / "dossiers", ignore=shutil.ignore_patterns("*.md"))
            else:
                judges = add_judges(db, event_id, ["Ani", "Budi", "Citra"])
                numbers = [f"P-{i:03d}" for i in range(1, 7)]
                for n in numbers:
                    add_dossier(db, event_id, n)
                (folder / "numbers.json").write_text(json.dumps(numbers))
                with db.write() as s:
                    event = events.get_event(s, event_id)
                    for jid in judges:
                        judge = accounts.find_judge(s, event, jid)
                        judging.declare_integrity(s, event, judge)
                        for n in numbers:
                            from oaoi_desktop.services import dossiers

                            assignments.assign(s, event, dossiers.get_dossier(s, event, n), judge, actor=ACTOR)
                if flow in ("export", "pdf", "backup"):  # something to export: every sheet scored and submitted
                    _run_child("scoring", db.url, folder, 1, kill_after=None)
                if flow == "merge":
                    _make_bundles(db, folder, event_id, judges)
            if flow == "backup":
                from oaoi_desktop.services import imports

                imports.import_paths(db, event_id, [SAMPLES / "jalak-medan", SAMPLES / "sipandu-medan"],
                                     actor=ACTOR, processes=False)
        finally:
            db.close()
    return folder


def _make_bundles(db: Database, folder: Path, event_id: str, judges: list[str]) -> None:
    """Judges score on a copy of the database (their laptop) and export signed bundles."""
    from oaoi_desktop.services.exchange import bundles
    from oaoi_desktop.services import keys

    with db.write() as s:
        event = events.get_event(s, event_id)
        keys.create_authority(s, event.id, PASSPHRASE_CA, ACTOR)
        for jid in judges:
            keys.issue_judge_certificate(s, event.id, accounts.find_judge(s, event, jid).id, PASSPHRASE_CA,
                                        PASSPHRASE_JUDGE, ACTOR)
    laptop = folder / "laptop"
    laptop.mkdir()
    store_backup.sqlite_backup(folder / "base.sqlite", laptop / "event.sqlite")
    shutil.copy(folder / "event_id", laptop / "event_id")
    shutil.copy(folder / "numbers.json", laptop / "numbers.json")
    laptop_url = "sqlite:///" + str(laptop / "event.sqlite")
    _run_child("scoring", laptop_url, laptop, 7, kill_after=None)
    with Database.open(laptop_url, backup_first=False) as laptop_db:
        for jid in judges:
            bundles.export_bundle(laptop_db, event_id, jid, folder / "bundles", PASSPHRASE_JUDGE)


def _run_child(flow: str, url: str, workdir: Path, seed: int, kill_after: int | None,
               extra_ms: float = 0.0, home: Path | None = None) -> tuple[list[dict], bool]:
    """Run the child; kill it after ``kill_after`` commits (+ ``extra_ms``). Returns (commits, killed)."""
    env = dict(os.environ)
    env["OAOI_HOME"] = str(home or workdir / "home")
    env["PYTHONPATH"] = str(ROOT)
    env.pop("OAOI_DB", None)
    proc = subprocess.Popen([sys.executable, str(CHILD), flow, url, str(workdir), str(seed)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    commits: list[dict] = []
    killed = False
    deadline = time.monotonic() + 300
    try:
        while True:
            line = proc.stdout.readline()
            if not line:
                break
            kind, _, payload = line.decode().partition(" ")
            if kind == "C":
                commits.append(json.loads(payload))
                if kill_after is not None and len(commits) >= kill_after:
                    time.sleep(extra_ms / 1000)
                    if proc.poll() is None:
                        proc.kill()  # SIGKILL on POSIX
                        killed = True
                    break
            elif kind == "R" and kill_after == 0:
                time.sleep(extra_ms / 1000)
                if proc.poll() is None:
                    proc.kill()
                    killed = True
                break
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"child {flow} hung")
        # read what it committed between our last read and the kill
        rest = proc.stdout.read() or b""
        for line in rest.decode(errors="replace").splitlines():
            kind, _, payload = line.partition(" ")
            if kind == "C":
                commits.append(json.loads(payload))
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not killed and proc.returncode != 0:
        raise AssertionError(f"child {flow} failed: {proc.stderr.read().decode(errors='replace')[-3000:]}")
    if proc.stderr:
        proc.stderr.close()
    proc.stdout.close()
    return commits, killed


def _prepare(base: Path, target: Path) -> str:
    target.mkdir(parents=True)
    store_backup.sqlite_backup(base / "base.sqlite", target / "event.sqlite")
    for name in ("event_id", "numbers.json"):
        if (base / name).exists():
            shutil.copy(base / name, target / name)
    if (base / "bundles").exists():
        shutil.copytree(base / "bundles", target / "bundles")
    if (base / "dossiers").exists():
        shutil.copytree(base / "dossiers", target / "dossiers")
    attachments = base / "base.attachments"
    if attachments.exists():
        shutil.copytree(attachments, target / "event.attachments")
    return "sqlite:///" + str(target / "event.sqlite")


def _check_after_kill(flow: str, workdir: Path, url: str, commits: list[dict]) -> None:
    path = workdir / "event.sqlite"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    os.environ["OAOI_HOME"] = str(workdir / "home-check")
    db = Database.open(url, backup_first=False)
    try:
        with db.read() as s:
            reports = audit_verify.verify_all(s, actor=ACTOR)
            assert all(r.ok for r in reports), [p.render("en") for r in reports for p in r.problems]
            event = events.get_event(s, (workdir / "event_id").read_text().strip())
            if flow == "import":
                from oaoi_desktop.services import dossiers

                for c in commits:
                    d = dossiers.get_dossier(s, event, c["number"])
                    assert d.current_revision >= (c["revision"] or 1)
            elif flow == "scoring":
                for c in commits:
                    judge = accounts.find_judge(s, event, c["judge"])
                    state = judging.sheet_state(s, event, judge, c["dossier"])
                    if c["kind"] == "score":
                        assert state.values[c["criterion"]] * 1000 == c["value_milli"], c
                    else:
                        assert not state.editable, c
            elif flow == "merge":
                from oaoi_desktop.store.models import MergedBundle

                merged = set(s.scalars(select(MergedBundle.file_name).where(MergedBundle.event_id == event.id)))
                for c in commits:
                    assert c["file"] in merged, c
            elif flow == "pdf":
                for c in commits:
                    assert c["files"] and all((workdir / "out" / c["folder"] / n).is_file() for n in c["files"]), c
        _check_files(workdir, db)
    finally:
        db.close()
    trust_campaign.record("commits_checked", flow, len(commits))


def _check_files(workdir: Path, db: Database) -> None:
    """Every file under a final name is whole: no half-written file where a finished one belongs."""
    out = workdir / "out"
    for f in sorted(out.glob("*.xlsx")) if out.exists() else []:
        with zipfile.ZipFile(f) as zf:
            assert zf.testzip() is None, f
        from openpyxl import load_workbook

        load_workbook(f, read_only=True).close()
    for f in sorted(out.glob("*.zip")) if out.exists() else []:
        backups.check_archive(f)
    for f in sorted(out.glob("pdf-*/*.pdf")) if out.exists() else []:
        from pypdf import PdfReader

        assert len(PdfReader(f, strict=True).pages) >= 1, f
    attachments = workdir / "event.attachments"
    if attachments.exists():
        for f in attachments.glob("??/*"):
            if f.is_file() and len(f.name) == 64:
                assert hashlib.sha256(f.read_bytes()).hexdigest() == f.name, f
    for home in workdir.glob("home*"):
        for f in (home / "backups").glob("*.sqlite"):
            c = sqlite3.connect(f)
            try:
                assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f
            finally:
                c.close()


def _kill_points(flow: str) -> int:
    return int(os.environ.get("OAOI_CRASH_KILLS", "60")) if trust_campaign.full_campaign() else 2


MAX_COMMITS = {"import": 12, "scoring": 60, "export": 8, "pdf": 4, "backup": 6, "merge": 3}


def _campaign(flow: str, bases: _Bases, tmp_path: Path, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    survived = 0
    home = os.environ.get("OAOI_HOME")
    try:
        for i in range(kills):
            workdir = tmp_path / f"{flow}-{i}"
            url = _prepare(bases[flow], workdir)
            after = rng.randint(0, MAX_COMMITS[flow])
            extra = rng.uniform(0, 60 if flow != "scoring" else 15)
            commits, killed = _run_child(flow, url, workdir, rng.randrange(1 << 30), after, extra)
            _check_after_kill(flow, workdir, url, commits)
            if killed:
                survived += 1
                trust_campaign.record("kills", flow)
            else:
                trust_campaign.record("kills_completed_before_kill", flow)
            trust_campaign.write()
            shutil.rmtree(workdir, ignore_errors=True)
    finally:
        if home is not None:
            os.environ["OAOI_HOME"] = home
    assert survived >= 1


@pytest.mark.parametrize("flow", FLOWS)
def test_trust_crash_bounded(flow: str, bases: _Bases, tmp_path: Path) -> None:
    _campaign(flow, bases, tmp_path, 2, seed=FLOWS.index(flow))


@pytest.mark.slow
@pytest.mark.parametrize("flow", FLOWS)
def test_trust_crash_full(flow: str, bases: _Bases, tmp_path: Path) -> None:
    _campaign(flow, bases, tmp_path, _kill_points(flow), seed=1000 + FLOWS.index(flow))
