#!/usr/bin/env bash
# Screenshots of the real app for docs/screenshots/, taken under Xvfb.
#
#   scripts/screenshot.sh            # all shots into docs/screenshots/
#   OUT=/tmp/shots scripts/screenshot.sh
#
# Needs: xvfb (xvfb-run), xauth, x11-utils (xwininfo), imagemagick (import),
# and the project's venv (.venv) with the package installed.
# The signed-in screens come from scripts/screenshot_screens.py (run below for both
# screen sizes); the shots after it show the window before anyone signs in.
# Each shot puts a sample database in the place of the default one
# (OAOI_HOME/oaoi.sqlite, so the commands shown need no --db), starts
# `python -m oaoi_desktop`, waits for its window, grabs it with `import`
# and ends that app process.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="${OUT:-$ROOT/docs/screenshots}"
SCREEN="${SCREEN:-1280x720x24}"

if [[ -z "${OAOI_SCREENSHOT_INNER:-}" ]]; then
    export OAOI_SCREENSHOT_INNER=1
    exec xvfb-run -a -s "-screen 0 $SCREEN" "$0" "$@"
fi

mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oaoi-screenshots.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
HOME_DIR="$WORK/oaoi-desktop"   # one data folder: one device id in every shot
mkdir -p "$HOME_DIR"
unset QT_QPA_PLATFORM OAOI_DB
export QT_QPA_PLATFORM=xcb

# sample databases: empty; with a secretariat; with events
"$PY" - "$WORK" <<'PYEOF'
import hashlib, os, sys
from pathlib import Path
work = Path(sys.argv[1])
os.environ["OAOI_HOME"] = str(work / "seed-home")
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import (Assignment, Dossier, Event, EventStatus, Role,
    RubricVersion, ScoreSheet, SheetStatus, User)

Database.open("sqlite:///" + str(work / "empty.sqlite")).close()

def secretariat(db):
    with db.write() as s:
        s.add(User(name="Sekretariat KIPP", role=Role.SECRETARIAT))

with Database.open("sqlite:///" + str(work / "secretariat.sqlite")) as db:
    secretariat(db)

def event(db, name, status, dossiers, judges, submitted, organiser):
    doc = '{"id":"kipp-proposal","event":"%s"}' % name
    with db.write() as s:
        rubric = RubricVersion(rubric_key="kipp-proposal", version="2025.1",
            title="KIPP \u2014 Penilaian Proposal", document=doc,
            sha256=hashlib.sha256(doc.encode()).hexdigest())
        s.add(rubric); s.flush()
        e = Event(name=name, status=status, rubric_version_id=rubric.id, organiser=organiser)
        s.add(e); s.flush()
        ds = [Dossier(event_id=e.id, number=f"P-{i+1:03d}", title=f"Inovasi {i+1}") for i in range(dossiers)]
        js = [User(event_id=e.id, name=f"Penilai {j+1}", role=Role.CHAIR if j == 0 else Role.MEMBER)
              for j in range(judges)]
        s.add_all(ds + js); s.flush()
        pairs = [(d, j) for d in ds for j in js]
        for d, j in pairs:
            s.add(Assignment(event_id=e.id, dossier_id=d.id, judge_id=j.id, stage_id="proposal"))
        for d, j in pairs[:submitted]:
            s.add(ScoreSheet(event_id=e.id, dossier_id=d.id, judge_id=j.id, stage_id="proposal",
                             status=SheetStatus.SUBMITTED))

with Database.open("sqlite:///" + str(work / "events.sqlite")) as db:
    secretariat(db)
    event(db, "KIPP Kota Medan 2026 \u2014 Penilaian Proposal", EventStatus.ACTIVE, 48, 5, 173, "Pemerintah Kota Medan")
    event(db, "Kompetisi Inovasi OPD Kota Medan 2026", EventStatus.DRAFT, 12, 3, 0, "Bagian Organisasi")
    event(db, "KIPP Kota Medan 2025 \u2014 Penilaian Proposal", EventStatus.CLOSED, 35, 5, 175, "Pemerintah Kota Medan")
PYEOF

shot() {  # shot NAME DB LANG
    local name="$1" db="$2" lang="$3" wid="" pid
    rm -f "$HOME_DIR"/oaoi.sqlite*
    cp "$WORK/$db" "$HOME_DIR/oaoi.sqlite"
    OAOI_HOME="$HOME_DIR" "$PY" -m oaoi_desktop --lang "$lang" &
    pid=$!
    for _ in $(seq 1 100); do
        wid="$(xwininfo -root -tree 2>/dev/null | awk '/"oaoi-desktop": \("oaoi-desktop" "oaoi-desktop"\)/ {print $1; exit}')"
        [[ -n "$wid" ]] && break
        sleep 0.1
    done
    if [[ -z "$wid" ]]; then
        echo "no window for $name" >&2; kill "$pid"; return 1
    fi
    sleep 1.5  # let it paint
    import -window "$wid" "$OUT/$name.png"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$OUT/$name.png"
}

# The venue's screens, signed in (issue 14): the overview, every console tab and the judge
# workspace at 1280x720 and at 1920x1080 with 150 % scaling (the same 1280x720 logical pixels),
# each on its own X server of that size.
PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" xvfb-run -a -s "-screen 0 1280x720x24" \
    "$PY" "$ROOT/scripts/screenshot_screens.py" 1280x720 "$OUT"
PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$PY" "$ROOT/scripts/screenshot_screens.py" 1920x1080-150 "$OUT"

# Before anybody signs in: the first run (no account yet) and the sign-in page.
shot main-window-empty-id empty.sqlite id
shot main-window-empty-en empty.sqlite en
shot main-window-next-step-event-id secretariat.sqlite id
shot main-window-events-id events.sqlite id
shot main-window-events-en events.sqlite en
