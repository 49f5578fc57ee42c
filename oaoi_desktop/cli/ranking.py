"""``oaoi rank``: the ranking of an event, with whether each dossier's sheets are all in.

``--compare`` is :func:`oaoi_desktop.cli.secretariat.cmd_rank_compare`;
``--sensitivity`` is added by :mod:`oaoi_desktop.cli.projector`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from oaoi_desktop.cli.common import EXIT_OK, emit_rows, headers, open_db, operator
from oaoi_desktop.i18n import t


def cmd_rank(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.services import events, ranking

    if getattr(args, "compare", None):  # side-by-side comparison of two methods (cli.secretariat)
        from oaoi_desktop.cli.secretariat import cmd_rank_compare

        return cmd_rank_compare(args)
    group_by = tuple(g.strip() for g in args.group_by.split(",") if g.strip()) if args.group_by else ()
    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        result = ranking.rank_event(
            s, event, group_by=group_by,
            method=AggregationMethod(args.method) if args.method else None,
            stage_id=args.stage, actor=operator(args),
        )
        rows = ranking.ranking_rows(s, event, result, actor=operator(args))
        _add_completeness(s, event, args, rows)
    columns = ["group", "rank", "number", "title", "score", "passed", "judges", "judge_totals", "notes", "complete"]
    if args.format == "table":
        from oaoi_desktop.i18n.formats import localise_numbers  # "87,83" in Indonesian; csv/json stay "87.83"

        rows = [{**r, "score": localise_numbers(r["score_display"]),
                 "judge_totals": localise_numbers(r.get("judge_totals") or ""),
                 "complete": r["complete_badge"]} for r in rows]
    else:  # machine-readable: the boolean and the counts, no localised badge
        rows = [{k: v for k, v in r.items() if k != "complete_badge"} for r in rows]
    emit_rows(rows, columns, args.format, headers())
    return EXIT_OK


def _add_completeness(s: Any, event: Any, args: argparse.Namespace, rows: list[dict[str, Any]]) -> None:
    """Issue 14: each ranked dossier says whether every expected sheet is in (``complete`` column;
    ``sheets_expected``/``sheets_submitted`` in JSON)."""
    from oaoi_desktop.services import completeness

    state = completeness.dossier_completeness(s, event, actor=operator(args), stage_id=args.stage)
    for r in rows:
        c = state.of(r["dossier_id"])
        r["complete"] = bool(c and c.complete)
        r["sheets_expected"] = c.expected if c else 0
        r["sheets_submitted"] = c.submitted if c else 0
        r["complete_badge"] = c.badge() if c else "-"


def register(sub: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``oaoi rank`` to the parser (``add``/``fmt`` from ``build_parser``)."""
    p = add(sub, "rank", "cli.help.rank", cmd_rank)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--group-by", metavar="FIELDS", default="kategori,kelompok", help=t("cli.help.group_by"))
    p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "zscore_mean"], help=t("cli.help.method"))
    p.add_argument("--stage", metavar="STAGE", help=t("cli.help.stage"))
    p.add_argument("--compare", metavar="METHOD", choices=["mean", "median", "trimmed_mean", "zscore_mean"],
                   help=t("rank.cli.help.compare"))
    p.add_argument("--moves", type=int, default=0, metavar="N", help=t("rank.cli.help.moves"))
    fmt(p)


__all__ = ["cmd_rank", "register"]
