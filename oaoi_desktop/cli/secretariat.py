"""``oaoi`` commands of the secretariat console.

* ``oaoi assign --event ID --per-dossier R [--seed N] [--stage S] [--no-spread]``
  — balanced automatic assignment; a re-run only tops up.  Exit 0 when every
  dossier has R judges, 2 when some could not get them (each listed with the
  reason), 1 on bad input.
* ``oaoi unassign --event ID --dossier NUM --judge J [--stage S]``.

Registered into the main parser by :func:`register` (see :func:`oaoi_desktop.cli.build_parser`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from oaoi_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    CliError,
    emit_rows,
    group_by_fields,
    open_db,
    operator,
    print_json,
)
from oaoi_desktop.i18n import t


def _headers() -> dict[str, str]:
    keys = ["dossier", "judge", "load", "eligible", "assigned", "reason", "row", "status"]
    return {k: t(f"secretariat.cli.col.{k}") for k in keys}


# -- assignment ------------------------------------------------------------------
def shortfall_text(number: str, s: Any) -> str:
    return t(f"assign.shortfall.{s.reason}", dossier=number, eligible=s.eligible, wanted=s.wanted,
             assigned=s.assigned)


def cmd_assign(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import assignments, events
    from oaoi_desktop.store.models import Dossier

    if args.per_dossier < 1:
        raise CliError("assign.bad_per_dossier", value=args.per_dossier, max=assignments.MAX_PER_DOSSIER)
    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        result = assignments.auto_assign(s, event, per_dossier=args.per_dossier, seed=args.seed,
                                         actor=operator(args), stage_id=args.stage,
                                         spread_categories=not args.no_spread)
        numbers = {str(d.id): d.number for d in s.query(Dossier).filter(Dossier.event_id == event.id)}
    short_rows = [
        {"dossier": numbers[x.dossier_id], "dossier_id": x.dossier_id, "wanted": x.wanted,
         "eligible": x.eligible, "assigned": x.assigned, "reason_code": x.reason,
         "reason": shortfall_text(numbers[x.dossier_id], x)}
        for x in result.shortfalls
    ]
    loads = result.loads.values()
    if args.format == "json":
        print_json({
            "stage": result.stage_id, "per_dossier": result.per_dossier, "seed": result.seed,
            "added": [{"dossier": d, "judge": j} for d, j in result.added],
            "loads": dict(sorted(result.loads.items())), "balanced": result.balanced,
            "shortfalls": [{k: v for k, v in r.items() if k != "reason"} for r in short_rows],
            "invalid_existing": [{"dossier": d, "judge": j} for d, j in result.invalid_existing],
        })
    elif args.format == "csv":
        emit_rows([{"dossier": d, "judge": j} for d, j in result.added], ["dossier", "judge"], "csv")
    else:
        load_rows = [{"judge": j, "load": n} for j, n in sorted(result.loads.items())]
        if load_rows:
            emit_rows(load_rows, ["judge", "load"], "table", _headers())
    summary_stream = sys.stdout if args.format == "table" else sys.stderr
    print(t("assign.cli.summary", stage=result.stage_id, added=len(result.added), seed=result.seed,
            low=min(loads, default=0), high=max(loads, default=0),
            balanced="" if result.balanced else t("assign.cli.unbalanced")), file=summary_stream)
    for d, j in result.invalid_existing:
        print(t("assign.cli.invalid_existing", dossier=d, judge=j), file=sys.stderr)
    for r in short_rows:
        print(r["reason"], file=sys.stderr)
    if short_rows:
        print(t("assign.cli.shortfall_summary", count=len(short_rows), wanted=result.per_dossier), file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def cmd_unassign(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, assignments, dossiers, events

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        judge = accounts.find_judge(s, event, args.judge)
        dossier = dossiers.get_dossier(s, event, args.dossier)
        assignments.unassign(s, event, dossier, judge, actor=operator(args), stage_id=args.stage)
        message = t("assign.cli.unassigned", judge=judge.name, dossier=dossier.number)
    print(message)
    return EXIT_OK


# -- roster import -----------------------------------------------------------------
def cmd_judge_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from oaoi_desktop.services import accounts, events

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        result = accounts.import_roster(s, event, Path(args.file), actor=operator(args))
    rows = [
        {"row": o.row, "name": o.name, "judge_id": o.judge_id, "status": o.status if args.format != "table"
         else t(f"roster.status.{o.status}")}
        for o in result.outcomes
    ]
    if args.format == "json":
        print_json({
            "file": result.file, "rows": rows,
            "problems": [{"rows": list(p.rows), "message_id": p.message_id, "message": p.render()}
                         for p in result.problems],
            "added": result.count("added"), "unchanged": result.count("unchanged"),
            "rejected": result.count("rejected"),
        })
    else:
        columns = ["row", "name", "status"] if args.format == "table" else ["row", "name", "judge_id", "status"]
        emit_rows(rows, columns, args.format, {**_headers(), "name": t("cli.col.name")})
    for p in result.problems:
        print(p.render(), file=sys.stderr)
    print(t("roster.cli.summary", file=result.file, added=result.count("added"),
            unchanged=result.count("unchanged"), rejected=result.count("rejected")), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_PARTIAL


# -- exports ---------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.services import events, exports

    method = AggregationMethod(args.method) if args.method else None
    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        if args.kind == "xlsx":
            path = exports.write_xlsx(s, event, Path(args.out), group_by=group_by_fields(args), method=method,
                                      stage_id=args.stage, actor=operator(args))
        else:
            path = exports.export_csv(s, event, Path(args.out), what=args.what, group_by=group_by_fields(args),
                                      method=method, stage_id=args.stage, actor=operator(args))
    print(t("export.cli.written", path=path), file=sys.stderr)
    return EXIT_OK


# -- agreement -------------------------------------------------------------------
def _num(value: Any, places: int = 3) -> str:
    if value is None:
        return "-"
    return f"{float(value):.{places}f}"


def agreement_document(report: Any) -> dict[str, Any]:
    """The report as JSON-ready data (stable English keys; exact values as decimal strings)."""
    from oaoi_desktop.domain.scoring import round_to

    def exact(v: Any, places: int = 6) -> Any:
        return None if v is None else round_to(v, places)

    items = []
    for it in report.items:
        i = it.icc
        items.append({
            "item": it.item,
            "alpha": exact(it.alpha.value), "alpha_reason": it.alpha.reason, "pairable_dossiers": it.alpha.units,
            "pairable_values": it.alpha.pairable_values,
            "icc_k": i.k, "icc1_1": exact(i.icc1_1), "icc1_k": exact(i.icc1_k), "icc2_1": exact(i.icc2_1),
            "icc2_k": exact(i.icc2_k), "icc3_1": exact(i.icc3_1), "icc3_k": exact(i.icc3_k),
            "icc_reason": i.reason, "icc_two_way_reason": i.two_way_reason,
        })
    judges = [
        {"judge_id": j.judge_id, "judge": j.name, "sheets": j.n_sheets, "mean": exact(j.mean, 4), "std": round(j.std, 4),
         "shared_dossiers": j.bias.n_shared, "mean_deviation": exact(j.bias.mean_deviation, 4),
         "correlation": None if j.bias.correlation is None else round(j.bias.correlation, 6), "flags": list(j.flags)}
        for j in report.judges
    ]
    dossiers = [
        {"dossier_id": d.dossier_id, "dossier": d.number, "judges": d.spread.n_judges,
         "total_range": exact(d.spread.total_range, 4), "total_flagged": d.spread.total_flagged,
         "flagged_criteria": {c: exact(d.spread.criterion_ranges[c], 4) for c in d.spread.flagged_criteria}}
        for d in report.flagged_dossiers
    ]
    return {"stage": report.stage_id, "dossiers": report.n_dossiers, "judges": report.n_judges,
            "sheets": report.n_sheets, "deviation_limit": exact(report.deviation_limit, 4),
            "min_correlation": report.min_correlation, "items": items, "judge_bias": judges,
            "flagged_dossiers": dossiers}


def cmd_agreement(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.scoring import number_text
    from oaoi_desktop.services import agreement, events

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        report = agreement.event_agreement(s, event, stage_id=args.stage, actor=operator(args))
    if args.format == "json":
        print_json(agreement_document(report))
        return EXIT_OK
    if args.format == "csv":
        doc = agreement_document(report)
        emit_rows(doc["items"], list(doc["items"][0].keys()), "csv")
        return EXIT_OK
    h = {k: t(f"agreement.col.{k}") for k in ("item", "alpha", "icc1_1", "icc1_k", "k", "units", "note", "judge",
                                                "sheets", "mean", "std", "deviation", "correlation", "flags",
                                                "dossier", "judges", "total_range", "criteria")}
    print(t("agreement.cli.header", stage=report.stage_id, dossiers=report.n_dossiers, judges=report.n_judges,
            sheets=report.n_sheets))
    if not report.n_sheets:
        print(t("agreement.cli.no_scores"))
        return EXIT_OK
    print()
    print(t("agreement.cli.items"))
    rows = []
    for it in report.items:
        notes = []
        if it.alpha.reason:
            notes.append(t(f"agreement.reason.{it.alpha.reason}"))
        if it.icc.reason:
            notes.append("ICC " + t(f"agreement.reason.{it.icc.reason}"))
        rows.append({"item": t("agreement.total") if it.item == agreement.TOTAL
                     else report.criterion_names.get(it.item, it.item),
                     "alpha": _num(it.alpha.value), "icc1_1": _num(it.icc.icc1_1), "icc1_k": _num(it.icc.icc1_k),
                     "k": it.icc.k or "-", "units": it.alpha.units, "note": "; ".join(notes)})
    emit_rows(rows, ["item", "alpha", "icc1_1", "icc1_k", "k", "units", "note"], "table", h)
    print()
    print(t("agreement.cli.judges", limit=_num(report.deviation_limit, 1), r=report.min_correlation))
    rows = [{"judge": j.name, "sheets": j.n_sheets, "mean": _num(j.mean, 2), "std": _num(j.std, 2),
             "deviation": "-" if j.bias.mean_deviation is None else f"{float(j.bias.mean_deviation):+.2f}",
             "correlation": _num(j.bias.correlation, 2),
             "flags": ", ".join(t(f"agreement.flag.{f}") for f in j.flags)} for j in report.judges]
    emit_rows(rows, ["judge", "sheets", "mean", "std", "deviation", "correlation", "flags"], "table", h)
    print()
    flagged = report.flagged_dossiers
    print(t("agreement.cli.dossiers", count=len(flagged)))
    if not flagged:
        print(t("agreement.cli.no_flagged"))
    else:
        rows = [{"dossier": d.number, "judges": d.spread.n_judges,
                 "total_range": _num(d.spread.total_range, 2) + (" *" if d.spread.total_flagged else ""),
                 "criteria": ", ".join(f"{c} {number_text(d.spread.criterion_ranges[c])}"
                                       for c in d.spread.flagged_criteria)} for d in flagged]
        emit_rows(rows, ["dossier", "judges", "total_range", "criteria"], "table", h)
        print(t("agreement.cli.limits", total=_num(flagged[0].spread.total_limit, 0),
                criterion=_num(flagged[0].spread.criterion_limit, 0)))
    return EXIT_OK


# -- rank --compare --------------------------------------------------------------
def cmd_rank_compare(args: argparse.Namespace) -> int:
    """``oaoi rank ... --compare METHOD [--moves N]`` (called by :func:`oaoi_desktop.cli.ranking.cmd_rank`)."""
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.domain.scoring import display
    from oaoi_desktop.services import events, ranking
    from oaoi_desktop.store.models import Dossier

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        result = ranking.compare_methods(
            s, event, AggregationMethod(args.compare),
            method=AggregationMethod(args.method) if args.method else None, max_moves=args.moves,
            group_by=group_by_fields(args), stage_id=args.stage, actor=operator(args),
        )
        dossiers = {d.id.hex: d for d in s.scalars(select_dossiers(Dossier, event))}
        rows = []
        for c in result.changes:
            d = dossiers[c.dossier_id]
            marks = [k for k, on in (("moved", c.moved), ("crossed", c.crossed)) if on]
            rows.append({
                "group": " / ".join(c.group), "dossier_id": str(d.id), "number": d.number, "title": d.title,
                "rank_a": c.rank_a, "rank_b": c.rank_b, "move": c.move,
                "score_a": c.value_a if args.format == "json" else display(c.value_a),
                "score_b": c.value_b if args.format == "json" else display(c.value_b),
                "passed_a": c.passed_a, "passed_b": c.passed_b,
                "marked": c.marked if args.format != "table" else ("*" if c.marked else ""),
                "marks": marks if args.format == "json" else ",".join(
                    marks if args.format == "csv" else [t(f"rank.cli.mark.{m}") for m in marks]),
            })
    a, b = result.method_a.value, result.method_b.value
    if args.format == "json":
        print_json({"method_a": a, "method_b": b, "moves": result.max_moves, "rows": rows})
    elif args.format == "csv":
        emit_rows(rows, ["group", "dossier_id", "number", "title", "rank_a", "rank_b", "move", "score_a",
                         "score_b", "passed_a", "passed_b", "marked", "marks"], "csv")
    else:
        headers = {"group": t("cli.col.group"), "number": t("cli.col.number"), "title": t("cli.col.title"),
                   "rank_a": t("rank.cli.col.rank_a", method=a), "rank_b": t("rank.cli.col.rank_b", method=b),
                   "score_a": t("rank.cli.col.score_a", method=a), "score_b": t("rank.cli.col.score_b", method=b),
                   "move": t("rank.cli.col.move"), "marks": t("rank.cli.col.mark"), "marked": ""}
        for r in rows:
            r["move"] = "" if r["move"] in (None, 0) else f"{r['move']:+d}"
        emit_rows(rows, ["marked", "group", "number", "rank_a", "rank_b", "move", "score_a", "score_b", "marks"],
                  "table", headers)
    summary_stream = sys.stdout if args.format == "table" else sys.stderr
    print(t("rank.cli.compare_summary", method_a=a, method_b=b, moves=result.max_moves,
            moved=sum(c.moved for c in result.changes), crossed=sum(c.crossed for c in result.changes)),
          file=summary_stream)
    return EXIT_OK


def select_dossiers(model: Any, event: Any) -> Any:
    from sqlalchemy import select

    return select(model).where(model.event_id == event.id)


# -- plenary decisions ---------------------------------------------------------------
def _plenary_common(args: argparse.Namespace) -> dict[str, Any]:
    from oaoi_desktop.domain.rubric import AggregationMethod

    return {"stage_id": args.stage, "group_by": group_by_fields(args),
            "method": AggregationMethod(args.method) if args.method else None}


def cmd_plenary_record(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, dossiers, events, plenary

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        actor = operator(args)
        if args.subcommand == "tie":
            order = [dossiers.get_dossier(s, event, n.strip()) for n in args.order.split(",") if n.strip()]
            row = plenary.resolve_tie(s, event, order, reason=args.reason, actor=actor, **_plenary_common(args))
        elif args.subcommand == "move":
            row = plenary.move_dossier(s, event, dossiers.get_dossier(s, event, args.dossier), args.to_rank,
                                       reason=args.reason, actor=actor, **_plenary_common(args))
        else:
            row = plenary.correct_score(
                s, event, dossiers.get_dossier(s, event, args.dossier), accounts.find_judge(s, event, args.judge),
                args.criterion, args.value, reason=args.reason, judge_agreed=args.judge_agreed, actor=actor,
                stage_id=args.stage)
        row_id = row.id
    print(t("plenary.cli.recorded", id=row_id))
    return EXIT_OK


def cmd_plenary_withdraw(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, plenary

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        plenary.withdraw(s, event, args.id, reason=args.reason, actor=operator(args))
    print(t("plenary.cli.withdrawn", id=args.id))
    return EXIT_OK


def cmd_plenary_ranking(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.scoring import display
    from oaoi_desktop.services import events, plenary
    from oaoi_desktop.store.models import Dossier

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        result = plenary.adjusted_ranking(s, event, **{k: v for k, v in _plenary_common(args).items()},
                                          actor=operator(args))
        numbers = {d.id.hex: d for d in s.scalars(select_dossiers(Dossier, event))}
        rows = []
        for r in result:
            d = numbers[r.dossier_id]
            decisions = [
                {"id": str(a.id), "kind": a.kind, "reason": a.reason, "decided_by": a.decided_by,
                 "judge_id": str(a.judge_id) if a.judge_id else None, "criterion": a.criterion_id,
                 "original_milli": a.original_milli, "value_milli": a.value_milli, "position": a.position}
                for a in r.adjustments
            ]
            rows.append({
                "group": " / ".join(r.group), "dossier_id": str(d.id), "number": d.number, "title": d.title,
                "raw_rank": r.raw_rank, "rank": r.rank,
                "raw_score": r.raw_value if args.format == "json" else display(r.raw_value),
                "score": r.value if args.format == "json" else display(r.value),
                "raw_passed": r.raw_passed, "passed": r.passed,
                "decisions": decisions if args.format == "json" else " | ".join(
                    f"{t('plenary.kind.' + x['kind'])}: {x['reason']} ({x['decided_by']})" for x in decisions),
            })
    if args.format == "json":
        print_json(rows)
        return EXIT_OK
    columns = ["group", "number", "raw_rank", "rank", "raw_score", "score", "passed", "decisions"]
    if args.format == "csv":
        emit_rows(rows, ["group", "dossier_id", "number", "title", "raw_rank", "rank", "raw_score", "score",
                         "raw_passed", "passed", "decisions"], "csv")
        return EXIT_OK
    headers = {"group": t("cli.col.group"), "number": t("cli.col.number"),
               **{k: t(f"plenary.cli.col.{k}") for k in ("raw_rank", "rank", "raw_score", "score", "passed",
                                                         "decisions")}}
    for r in rows:
        r["passed"] = t("ranking.passed") if r["passed"] else t("ranking.not_passed")
    emit_rows(rows, columns, "table", headers)
    return EXIT_OK


# -- stages ----------------------------------------------------------------------
def cmd_stage_close(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.services import events, stages

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        result = stages.close_stage(s, event, args.stage, actor=operator(args), top_n=args.top,
                                    passing=args.passing, group_by=group_by_fields(args),
                                    method=AggregationMethod(args.method) if args.method else None)
    print(t("stage.cli.closed", stage=result.stage_id, count=len(result.advanced), next=result.next_stage_id or "-"))
    return EXIT_OK


def cmd_stage_reopen(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, stages

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        stages.reopen_stage(s, event, args.stage, reason=args.reason, actor=operator(args))
    print(t("stage.cli.reopened", stage=args.stage))
    return EXIT_OK


# -- parser ----------------------------------------------------------------------
def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    p = add(subparsers, "assign", "assign.cli.help.assign", cmd_assign)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--per-dossier", required=True, type=int, metavar="R", help=t("assign.cli.help.per_dossier"))
    p.add_argument("--seed", type=int, default=0, metavar="N", help=t("assign.cli.help.seed"))
    p.add_argument("--stage", metavar="STAGE", help=t("secretariat.cli.help.stage"))
    p.add_argument("--no-spread", action="store_true", help=t("assign.cli.help.no_spread"))
    fmt(p)

    p = add(subparsers, "unassign", "assign.cli.help.unassign", cmd_unassign)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--dossier", required=True, metavar="NUM", help=t("secretariat.cli.help.dossier"))
    p.add_argument("--judge", required=True, metavar="J", help=t("secretariat.cli.help.judge"))
    p.add_argument("--stage", metavar="STAGE", help=t("secretariat.cli.help.stage"))

    judge_sub = subparsers.choices["judge"].subcommands
    p = add(judge_sub, "import", "roster.cli.help.import", cmd_judge_import)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    fmt(p)

    export = add(subparsers, "export", "export.cli.help.export", _needs_subcommand)
    export_sub = export.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(export))
    export_sub.required = True
    for kind in ("xlsx", "csv"):
        p = add(export_sub, kind, f"export.cli.help.{kind}", cmd_export)
        p.set_defaults(kind=kind)
        p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
        p.add_argument("--out", required=True, metavar="FILE", help=t("export.cli.help.out"))
        p.add_argument("--group-by", metavar="FIELDS", default="kategori,kelompok", help=t("cli.help.group_by"))
        p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "zscore_mean"],
                       help=t("cli.help.method"))
        p.add_argument("--stage", metavar="STAGE", help=t("cli.help.stage"))
        if kind == "csv":
            p.add_argument("--what", choices=["scores", "ranking"], default="scores", help=t("export.cli.help.what"))

    p = add(subparsers, "agreement", "agreement.cli.help", cmd_agreement)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--stage", metavar="STAGE", help=t("secretariat.cli.help.stage"))
    fmt(p)

    plen = add(subparsers, "plenary", "plenary.cli.help", _needs_subcommand)
    plen_sub = plen.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(plen))
    plen_sub.required = True

    def ranking_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
        q.add_argument("--group-by", metavar="FIELDS", default="kategori,kelompok", help=t("cli.help.group_by"))
        q.add_argument("--method", choices=["mean", "median", "trimmed_mean", "zscore_mean"], help=t("cli.help.method"))
        q.add_argument("--stage", metavar="STAGE", help=t("cli.help.stage"))

    p = add(plen_sub, "tie", "plenary.cli.help.tie", cmd_plenary_record)
    ranking_options(p)
    p.add_argument("--order", required=True, metavar="N1,N2,...", help=t("plenary.cli.help.order"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("plenary.cli.help.reason"))
    p = add(plen_sub, "move", "plenary.cli.help.move", cmd_plenary_record)
    ranking_options(p)
    p.add_argument("--dossier", required=True, metavar="NUM", help=t("secretariat.cli.help.dossier"))
    p.add_argument("--to-rank", required=True, type=int, metavar="R", help=t("plenary.cli.help.to_rank"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("plenary.cli.help.reason"))
    p = add(plen_sub, "correct", "plenary.cli.help.correct", cmd_plenary_record)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--stage", metavar="STAGE", help=t("secretariat.cli.help.stage"))
    p.add_argument("--dossier", required=True, metavar="NUM", help=t("secretariat.cli.help.dossier"))
    p.add_argument("--judge", required=True, metavar="J", help=t("secretariat.cli.help.judge"))
    p.add_argument("--criterion", required=True, metavar="C", help=t("plenary.cli.help.criterion"))
    p.add_argument("--value", required=True, metavar="V", help=t("plenary.cli.help.value"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("plenary.cli.help.reason"))
    p.add_argument("--judge-agreed", action="store_true", help=t("plenary.cli.help.judge_agreed"))
    p = add(plen_sub, "withdraw", "plenary.cli.help.withdraw", cmd_plenary_withdraw)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--id", required=True, metavar="ID", help=t("plenary.cli.help.id"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("plenary.cli.help.reason"))
    p = add(plen_sub, "ranking", "plenary.cli.help.ranking", cmd_plenary_ranking)
    ranking_options(p)
    fmt(p)

    stage = add(subparsers, "stage", "stage.cli.help", _needs_subcommand)
    stage_sub = stage.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(stage))
    stage_sub.required = True
    p = add(stage_sub, "close", "stage.cli.help.close", cmd_stage_close)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--stage", required=True, metavar="STAGE", help=t("secretariat.cli.help.stage"))
    rule = p.add_mutually_exclusive_group(required=True)
    rule.add_argument("--top", type=int, metavar="N", help=t("stage.cli.help.top"))
    rule.add_argument("--passing", action="store_true", help=t("stage.cli.help.passing"))
    p.add_argument("--group-by", metavar="FIELDS", default="kategori,kelompok", help=t("cli.help.group_by"))
    p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "zscore_mean"], help=t("cli.help.method"))
    p = add(stage_sub, "reopen", "stage.cli.help.reopen", cmd_stage_reopen)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--stage", required=True, metavar="STAGE", help=t("secretariat.cli.help.stage"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("plenary.cli.help.reason"))


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    return EXIT_FAILED


__all__ = ["register"]
