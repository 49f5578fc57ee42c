"""The process the crash campaign kills: one flow, reporting every commit on stdout.

    python trust_crash_child.py FLOW DB_URL WORKDIR SEED

Each line ``C <json>`` is written (and flushed) right after a commit, before
the next step starts, so the parent knows what must survive a ``kill -9``.
``D`` is written when the flow ran to the end.  Flows: ``import`` (dossier
folders, one import batch each), ``scoring`` (record scores and submit sheets
through the judge workspace service), ``export`` (the XLSX export, again and
again), ``pdf`` (``oaoi export results``: the PDF result sheets, again and again), ``backup`` (the backup archive, again and again), ``merge`` (judge
bundles merged into the secretariat's database, one transaction each).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def say(kind: str, payload: object = None) -> None:
    sys.stdout.write(f"{kind} {json.dumps(payload)}\n")
    sys.stdout.flush()


def flow_import(db, workdir: Path, rng: random.Random) -> None:  # noqa: ANN001
    from oaoi_desktop.services import imports
    from tests.support.builders import ACTOR  # a real secretariat account (make_event created it)

    event_id = (workdir / "event_id").read_text().strip()
    folders = sorted(p for p in (workdir / "dossiers").iterdir() if p.is_dir())
    rng.shuffle(folders)
    for folder in folders:
        report = imports.import_paths(db, event_id, [folder], actor=ACTOR, processes=False,
                                      workers=1)
        for item in report.items:
            if item.outcome.value in ("imported", "updated", "unchanged"):
                say("C", {"number": item.number, "revision": item.revision})


def flow_scoring(db, workdir: Path, rng: random.Random) -> None:  # noqa: ANN001
    from oaoi_desktop.services import accounts, events, judging

    event_id = (workdir / "event_id").read_text().strip()
    with db.read() as s:
        event = events.get_event(s, event_id)
        stage = events.event_rubric(s, event).first_stage
        criteria = [c.id for c in stage.criteria]
        judges = [j.name for j in accounts.judges(s, event)]
    numbers = json.loads((workdir / "numbers.json").read_text())
    pairs = [(j, n) for j in judges for n in numbers]
    rng.shuffle(pairs)
    for judge_name, number in pairs:
        for cid in criteria:
            value = rng.randint(5, 10)
            with db.write() as s:
                event = events.get_event(s, event_id)
                judge = accounts.find_judge(s, event, judge_name)
                judging.record_score(s, event, judge, number, cid, value)
            say("C", {"kind": "score", "judge": judge_name, "dossier": number, "criterion": cid,
                      "value_milli": value * 1000})
        with db.write() as s:
            event = events.get_event(s, event_id)
            judge = accounts.find_judge(s, event, judge_name)
            judging.submit_sheet(s, event, judge, number)
        say("C", {"kind": "submit", "judge": judge_name, "dossier": number})


def flow_export(db, workdir: Path, rng: random.Random) -> None:  # noqa: ANN001
    from tests.support.builders import ACTOR  # the tests' secretariat (results.export / backup.create)

    from oaoi_desktop.services import events, exports

    event_id = (workdir / "event_id").read_text().strip()
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    for i in range(200):
        target = out / f"hasil-{i:03d}.xlsx"
        with db.read() as s:
            exports.write_xlsx(s, events.get_event(s, event_id), target, actor=ACTOR)
        say("C", {"file": target.name})


def flow_pdf(db, workdir: Path, rng: random.Random) -> None:  # noqa: ANN001
    import os

    from oaoi_desktop.cli import main as oaoi
    from tests.support.builders import ACTOR, TEST_SECRETARIAT_PIN

    os.environ["OAOI_OPERATOR"], os.environ["OAOI_PIN"] = ACTOR.name, TEST_SECRETARIAT_PIN  # the CLI signs in
    event_id = (workdir / "event_id").read_text().strip()
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    for i in range(100):
        folder = out / f"pdf-{i:03d}"
        folder.mkdir()
        code = oaoi(["--db", db.url, "--lang", "id", "export", "results", "--event", event_id, "--out", str(folder),
                     "--workers", "1"])
        if code != 0:
            raise SystemExit(f"oaoi export results exited {code}")
        say("C", {"folder": folder.name, "files": sorted(p.name for p in folder.glob("*.pdf"))})


def flow_backup(db, workdir: Path, rng: random.Random) -> None:  # noqa: ANN001
    from tests.support.builders import ACTOR  # the tests' secretariat (results.export / backup.create)

    from oaoi_desktop.services import backups

    out = workdir / "out"
    out.mkdir(exist_ok=True)
    for i in range(200):
        target = out / f"cadangan-{i:03d}.zip"
        backups.create_backup(db, target, actor=ACTOR)
        say("C", {"file": target.name})


def flow_merge(db, workdir: Path, rng: random.Random) -> None:  # noqa: ANN001
    from oaoi_desktop.services.exchange import bundles
    from tests.support.builders import ACTOR  # a real secretariat account (make_event created it)

    event_id = (workdir / "event_id").read_text().strip()
    files = sorted((workdir / "bundles").glob("*.oaoi-bundle"))
    rng.shuffle(files)
    for f in files:
        report = bundles.import_bundles(db, event_id, [f], actor=ACTOR)
        for fr in report.files:
            if fr.status in ("merged", "already_merged"):
                say("C", {"file": f.name, "judge": fr.judge, "status": fr.status})
            else:
                raise SystemExit(f"bundle {f.name} {fr.status}: {fr.message}")


FLOWS = {"import": flow_import, "scoring": flow_scoring, "export": flow_export, "pdf": flow_pdf, "backup": flow_backup,
         "merge": flow_merge}


def main() -> None:
    flow, url, workdir, seed = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    from oaoi_desktop.store.database import Database

    db = Database.open(url, migrate=False)
    say("R")
    FLOWS[flow](db, workdir, random.Random(seed))
    say("D")


if __name__ == "__main__":
    main()
