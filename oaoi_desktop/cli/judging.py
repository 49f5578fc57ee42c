"""``oaoi`` commands of the judge workspace: paper forms, paper scores, conflicts, PIN slips.

* ``oaoi forms --event ID --out DIR [--judge J]`` — blank score forms, one PDF
  per judge; prints the paths written.
* ``oaoi scores import FILE.csv|xlsx --event ID [--second-entry FILE2]`` —
  scores typed from the paper forms.  Exit 0 when every sheet of the file is
  in the store, 2 when any row or sheet was rejected or the two typings
  differ (each listed on stderr with its row numbers), 1 when the file
  cannot be read at all.
* ``oaoi scores unlock --event ID --judge J --dossier N --reason TEXT`` — the
  secretariat reopens a submitted sheet.
* ``oaoi conflicts --event ID`` — the conflicts of interest judges declared.
* ``oaoi pin-slip --event ID --judge J`` — a new PIN and recovery code
  (unlocks a locked account); printed once.

Registered into the main parser by :func:`register` (see :func:`oaoi_desktop.cli.build_parser`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, emit_rows, open_db, operator
from oaoi_desktop.i18n import t


def _headers() -> dict[str, str]:
    keys = ["judge", "dossier", "stage", "status", "total", "rows", "reason", "declared_at", "title"]
    return {k: t(f"judging.cli.col.{k}") for k in keys}


# -- commands ----------------------------------------------------------------------------
def cmd_forms(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, paper

    db = open_db(args)
    try:
        with db.read() as s:
            event = events.get_event(s, args.event)
            paths = paper.write_blank_forms(s, event, Path(args.out), judge=args.judge, actor=operator(args))
    finally:
        db.close()
    for p in paths:
        print(p)
    print(t("judging.cli.forms_written", count=len(paths)), file=sys.stderr)
    return EXIT_OK


def cmd_scores_import(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.scoring import display
    from oaoi_desktop.services import events, paper

    db = open_db(args)
    try:
        from oaoi_desktop.services.backups import backup_before_import

        backup_before_import(db)  # the automatic rotating backup before every import (issue 8)
        with db.write() as s:
            event = events.get_event(s, args.event)
            result = paper.import_paper_scores(
                s, event, Path(args.file), actor=operator(args),
                second_entry=Path(args.second_entry) if args.second_entry else None,
            )
    finally:
        db.close()
    rows = [
        {
            "judge": o.judge, "judge_id": o.judge_id, "dossier": o.dossier, "dossier_id": o.dossier_id,
            "stage": o.stage_id,
            "status": o.status if args.format != "table" else t(f"paper.status.{o.status}"),
            "total": (display(o.total) if o.total is not None else "") if args.format == "table"
            else (o.total if o.total is not None else None),
            "rows": ", ".join(map(str, o.rows)) if args.format != "json" else list(o.rows),
        }
        for o in result.sheets
    ]
    if args.format == "json":
        from oaoi_desktop.domain import canonical

        doc = {
            "file": result.file, "second_entry": result.second_file, "sheets": rows,
            "problems": [{"file": p.file, "rows": list(p.rows), "message_id": p.message_id,
                          "message": p.render()} for p in result.problems],
            "mismatches": [{"message_id": m.message_id, "message": m.render()} for m in result.mismatches],
            "imported": result.imported, "unchanged": result.unchanged, "rejected": result.rejected,
        }
        print(json.dumps(canonical.normalise(doc), ensure_ascii=False, indent=2))
    elif rows:
        emit_rows(rows, ["judge", "dossier", "stage", "status", "total", "rows"], args.format, _headers())
    for p in result.problems:
        print(p.render(), file=sys.stderr)
    for m in result.mismatches:
        print(m.render(), file=sys.stderr)
    if result.mismatches:
        print(t("judging.cli.mismatch_summary", count=len(result.mismatches)), file=sys.stderr)
    print(t("judging.cli.import_summary", imported=result.imported, unchanged=result.unchanged,
            rejected=result.rejected), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_PARTIAL


def cmd_scores_unlock(args: argparse.Namespace) -> int:
    from oaoi_desktop.errors import NotFoundError
    from oaoi_desktop.services import accounts, dossiers, events, sheets

    db = open_db(args)
    try:
        with db.write() as s:
            event = events.get_event(s, args.event)
            judge = accounts.find_judge(s, event, args.judge)
            dossier = dossiers.get_dossier(s, event, args.dossier)
            stage_id = args.stage or events.event_rubric(s, event).first_stage.id
            sheet = sheets.get_sheet(s, dossier, judge, stage_id, actor=operator(args))
            if sheet is None:
                raise NotFoundError("sheet.not_found", judge=judge.name, dossier=dossier.number, stage=stage_id)
            sheets.unlock_sheet(s, sheet, operator(args), args.reason)
            message = t("judging.cli.unlocked", judge=judge.name, dossier=dossier.number)
    finally:
        db.close()
    print(message)
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, judging

    db = open_db(args)
    try:
        with db.read() as s:
            event = events.get_event(s, args.event)
            rows = [
                {"judge": c.judge_name, "judge_id": c.judge_id, "dossier": c.number, "dossier_id": c.dossier_id,
                 "title": c.title, "reason": c.reason, "declared_at": c.declared_at.isoformat(timespec="seconds")}
                for c in judging.list_conflicts(s, event, actor=operator(args))
            ]
    finally:
        db.close()
    if not rows and args.format == "table":
        print(t("judging.cli.no_conflicts"))
        return EXIT_OK
    columns = ["judge", "dossier", "title", "reason", "declared_at"]
    if args.format != "table":
        columns = ["judge_id", "judge", "dossier_id", "dossier", "title", "reason", "declared_at"]
    emit_rows(rows, columns, args.format, _headers())
    return EXIT_OK


def cmd_pin_slip(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, auth, events

    db = open_db(args)
    try:
        with db.write() as s:
            event = events.get_event(s, args.event)
            judge = accounts.find_judge(s, event, args.judge)
            slip = auth.issue_pin_slip(s, judge, operator(args))
            name, judge_id = judge.name, judge.id
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps({"judge_id": str(judge_id), "name": name, "pin": slip.pin,
                          "recovery_code": slip.recovery_code}, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        emit_rows([{"judge_id": judge_id, "name": name, "pin": slip.pin, "recovery_code": slip.recovery_code}],
                  ["judge_id", "name", "pin", "recovery_code"], "csv")
    else:
        print(t("judging.cli.pin", pin=slip.pin))
        print(t("judging.cli.recovery", code=slip.recovery_code))
        print(t("judging.cli.pin_note", name=name), file=sys.stderr)
    return EXIT_OK


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    return EXIT_FAILED


# -- parser ----------------------------------------------------------------------------------
def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    p = add(subparsers, "forms", "judging.cli.help.forms", cmd_forms)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--out", required=True, metavar="DIR", help=t("judging.cli.help.out"))
    p.add_argument("--judge", metavar="J", help=t("judging.cli.help.judge"))

    scores = add(subparsers, "scores", "judging.cli.help.scores", _needs_subcommand)
    scores_sub = scores.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(scores))
    scores_sub.required = True
    p = add(scores_sub, "import", "judging.cli.help.scores_import", cmd_scores_import)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--second-entry", metavar="FILE2", help=t("judging.cli.help.second_entry"))
    fmt(p)
    p = add(scores_sub, "unlock", "judging.cli.help.scores_unlock", cmd_scores_unlock)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--judge", required=True, metavar="J", help=t("judging.cli.help.judge"))
    p.add_argument("--dossier", required=True, metavar="N", help=t("judging.cli.help.dossier"))
    p.add_argument("--stage", metavar="STAGE", help=t("judging.cli.help.stage"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("judging.cli.help.reason"))

    p = add(subparsers, "conflicts", "judging.cli.help.conflicts", cmd_conflicts)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    fmt(p)

    p = add(subparsers, "pin-slip", "judging.cli.help.pin_slip", cmd_pin_slip)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--judge", required=True, metavar="J", help=t("judging.cli.help.judge"))
    fmt(p)


__all__ = ["register"]
