"""Counting what the trust campaigns tried, for docs/reliability.md.

``record(kind, name, n)`` adds to a counter; at the end of the run the
counters are merged into the JSON file named by ``OAOI_TRUST_COUNTS`` (if
set), so a full campaign leaves its real numbers behind.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

COUNTS: dict[str, Counter[str]] = {"kills": Counter(), "kills_completed_before_kill": Counter(),
                                   "inputs": Counter(), "commits_checked": Counter()}


FLUSH_EVERY = 250
_pending = [0]


def record(kind: str, name: str, n: int = 1) -> None:
    COUNTS.setdefault(kind, Counter())[name] += n
    _pending[0] += 1
    if _pending[0] >= FLUSH_EVERY:  # a campaign cut short by its timeout still leaves its counts
        write()


def full_campaign() -> bool:
    return os.environ.get("HYPOTHESIS_PROFILE") == "full"


def write() -> None:
    target = os.environ.get("OAOI_TRUST_COUNTS")
    if not target or not any(COUNTS.values()):
        _pending[0] = 0
        return
    path = Path(target)
    old: dict[str, dict[str, int]] = {}
    if path.exists():
        try:
            old = json.loads(path.read_text())
        except ValueError:
            old = {}
    for kind, counter in COUNTS.items():
        merged = Counter(old.get(kind, {}))
        merged.update(counter)
        old[kind] = dict(sorted(merged.items()))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    tmp.write_text(json.dumps(old, indent=2, sort_keys=True))
    os.replace(tmp, path)
    for counter in COUNTS.values():
        counter.clear()
    _pending[0] = 0
