"""``oaoi rank --sensitivity [--top N]``: leave-one-judge-out sensitivity.

Extends the ``rank`` parser made in :mod:`oaoi_desktop.cli` (``sub.choices["rank"]``):
without ``--sensitivity`` the command is unchanged.  With it, the raw ranking is
printed with, per dossier, the judges whose absence alone changes whether it
passes the pass mark or advances among the top N of its group
(:func:`oaoi_desktop.services.sensitivity.leave_one_judge_out`).  Exit code 0
(a report), 1 for the usual failures.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable
from typing import Any

from oaoi_desktop.cli.common import (
    EXIT_OK,
    CliError,
    emit_rows,
    group_by_fields,
    headers,
    open_db,
    operator,
    print_json,
)
from oaoi_desktop.i18n import t


def sensitivity_rows(report: Any, fmt: str) -> list[dict[str, Any]]:
    """One row per dossier: stable English keys (JSON keeps lists and exact numbers)."""
    from oaoi_desktop.domain.scoring import display

    rows = []
    for r in report.rows:
        without = [{"judge": e.judge_name, "rank": e.rank, "score": e.value if fmt == "json" else display(e.value),
                    "passed": e.passed, "advanced": e.advanced if report.top_n is not None else None}
                   for e in r.effects]
        row: dict[str, Any] = {
            "group": " / ".join(r.group), "rank": r.rank, "dossier_id": str(uuid.UUID(r.dossier_id)), "number": r.number,
            "title": r.title, "score": r.value if fmt == "json" else display(r.value), "passed": r.passed,
            "advanced": r.advanced, "depends_on_one_judge": r.depends_on_one_judge,
            "pass_depends_on": list(r.pass_depends_on), "advance_depends_on": list(r.advance_depends_on),
            "max_move": r.max_move,
        }
        if fmt == "json":
            row["without"] = without
        else:
            row["pass_depends_on"] = ", ".join(r.pass_depends_on)
            row["advance_depends_on"] = ", ".join(r.advance_depends_on)
        rows.append(row)
    return rows


def dependence_text(r: Any, top_n: int | None = None) -> str:
    """``bergantung pada 1 penilai: Ani (batas lulus); Budi (N besar)`` or empty."""
    parts = []
    names = dict.fromkeys(list(r.pass_depends_on) + list(r.advance_depends_on))
    for name in names:
        why = []
        if name in r.pass_depends_on:
            why.append(t("projector.sens.why.pass"))
        if name in r.advance_depends_on:
            why.append(t("projector.sens.why.advance", n=top_n or "N"))
        parts.append(f"{name} ({', '.join(why)})")
    return t("projector.sens.depends", judges="; ".join(parts)) if parts else ""


def cmd_rank_sensitivity(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.domain.scoring import display
    from oaoi_desktop.services import events, sensitivity

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        report = sensitivity.leave_one_judge_out(
            s, event, actor=operator(args), method=AggregationMethod(args.method) if args.method else None,
            stage_id=args.stage, group_by=group_by_fields(args), top_n=args.top)
    rows = sensitivity_rows(report, args.format)
    dependent = len(report.dependent)
    if args.format == "json":
        print_json({"method": report.method.value, "stage": report.stage_id, "pass_mark": report.pass_mark,
                    "top_n": report.top_n, "judges": [n for _, n in report.judges],
                    "dependent": dependent, "rows": rows})
    elif args.format == "csv":
        emit_rows(rows, ["group", "rank", "dossier_id", "number", "title", "score", "passed", "advanced",
                         "depends_on_one_judge", "pass_depends_on", "advance_depends_on", "max_move"], "csv")
    else:
        for row, r in zip(rows, report.rows, strict=True):
            row["marked"] = "!" if r.depends_on_one_judge else ""
            row["depends"] = dependence_text(r, report.top_n)
            row["advanced"] = "" if r.advanced is None else row["advanced"]
            row["max_move"] = row["max_move"] or ""
        columns = ["marked", "group", "rank", "number", "title", "score", "passed"]
        if report.top_n is not None:
            columns.append("advanced")
        columns += ["max_move", "depends"]
        titles = {**headers(), "marked": "", "advanced": t("projector.sens.col.advanced", n=report.top_n),
                  "max_move": t("projector.sens.col.max_move"), "depends": t("projector.sens.col.depends")}
        emit_rows(rows, columns, "table", titles)
    stream = sys.stdout if args.format == "table" else sys.stderr
    print(t("projector.sens.summary", judges=len(report.judges), dependent=dependent,
            pass_mark=display(report.pass_mark),
            top=t("projector.sens.summary_top", n=report.top_n) if report.top_n else ""), file=stream)
    return EXIT_OK


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``--sensitivity`` and ``--top`` to ``oaoi rank``."""
    p = subparsers.choices["rank"]
    p.add_argument("--sensitivity", action="store_true", help=t("projector.sens.help"))
    p.add_argument("--top", type=int, metavar="N", help=t("projector.sens.help.top"))
    plain = p.get_default("func")

    def dispatch(args: argparse.Namespace) -> int:
        if getattr(args, "sensitivity", False):
            if getattr(args, "compare", None):
                raise CliError("projector.sens.not_with_compare")
            return cmd_rank_sensitivity(args)
        return int(plain(args))

    p.set_defaults(func=dispatch)


__all__ = ["cmd_rank_sensitivity", "dependence_text", "register", "sensitivity_rows"]
