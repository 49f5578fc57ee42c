"""Top up a partly generated ``rank.py`` event to N dossiers by cloning, for timing only.

    python benchmarks/sensitivity_fill.py SRC.sqlite DST.sqlite --dossiers 5000

Used when the services-built event (``benchmarks/rank.py``, ~1 h on a loaded 2-core VM)
is not finished: a consistent snapshot of it is copied and its first dossiers are cloned
(new ids, number suffix ``-c``, each criterion score moved by a seeded random step within
1–10) until there are N.  Same judges, same five sheets per dossier, same groups; the
clones are written with plain SQL, not through the services (no audit entries), which
ranking does not read.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import uuid


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--dossiers", type=int, default=5000)
    args = p.parse_args()
    src = sqlite3.connect(f"file:{args.src}?mode=ro", uri=True)
    dst = sqlite3.connect(args.dst)
    src.backup(dst)
    rnd = random.Random(11)
    have = dst.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]
    dossier_cols = [r[1] for r in dst.execute("PRAGMA table_info(dossiers)")]
    sheet_cols = [r[1] for r in dst.execute("PRAGMA table_info(score_sheets)")]
    originals = dst.execute(f"SELECT {', '.join(dossier_cols)} FROM dossiers ORDER BY rowid LIMIT ?",
                            (args.dossiers - have,)).fetchall()
    for row in originals:
        d = dict(zip(dossier_cols, row))
        old_id, d["id"], d["number"] = d["id"], uuid.uuid4().hex, d["number"] + "-c"
        dst.execute(f"INSERT INTO dossiers ({', '.join(d)}) VALUES ({', '.join('?' * len(d))})", tuple(d.values()))
        for srow in dst.execute(f"SELECT {', '.join(sheet_cols)} FROM score_sheets WHERE dossier_id = ?",
                                (old_id,)).fetchall():
            sh = dict(zip(sheet_cols, srow))
            old_sheet, sh["id"], sh["dossier_id"] = sh["id"], uuid.uuid4().hex, d["id"]
            dst.execute(f"INSERT INTO score_sheets ({', '.join(sh)}) VALUES ({', '.join('?' * len(sh))})",
                        tuple(sh.values()))
            for cid, value, comment in dst.execute(
                    "SELECT criterion_id, value_milli, comment FROM scores WHERE sheet_id = ?", (old_sheet,)).fetchall():
                v = min(10, max(1, value // 1000 + rnd.choice((-1, 0, 1)))) * 1000
                dst.execute("INSERT INTO scores (id, sheet_id, criterion_id, value_milli, comment) VALUES (?, ?, ?, ?, ?)",
                            (uuid.uuid4().hex, sh["id"], cid, v, comment))
    dst.commit()
    print(dst.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0], "dossiers,",
          dst.execute("SELECT COUNT(*) FROM scores").fetchone()[0], "scores")


if __name__ == "__main__":
    main()
