"""PDF documents: ``oaoi export sheets|results|ranking|minutes`` and ``oaoi event letterhead``.

* ``oaoi export sheets|results|ranking|minutes --event ID --out DIR [--lang en] [--paper f4]
  [--stage S] [--group-by FIELDS] [--method M] [--date YYYY-MM-DD] [--place TEXT]`` — each PDF
  is drawn to a temporary name; all are renamed when the batch is complete.
  Exit 0 when written, 1 on bad input (unknown event, no submitted scores,
  unwritable folder), never a traceback.
* ``oaoi event letterhead --event ID [--logo FILE] [--line TEXT]... [--code CODE]``.

Registered into the main parser by :func:`register` (see :func:`oaoi_desktop.cli.build_parser`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_OK, open_db, operator
from oaoi_desktop.i18n import t

KINDS = ("sheets", "results", "ranking", "minutes")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("documents.bad_date", value=value)) from None


def cmd_export_documents(args: argparse.Namespace) -> int:
    from oaoi_desktop import i18n
    from oaoi_desktop.services import documents

    group_by = tuple(f.strip() for f in (args.group_by or "").split(",") if f.strip())
    options = documents.ExportOptions(
        lang=i18n.current_language(), paper=args.paper, stage_id=args.stage, group_by=group_by,
        method=args.method, day=args.date, place=args.place)
    out = documents.check_folder(Path(args.out))
    with open_db(args) as db:
        docs = documents.prepare(db, args.event, [documents.EXPORT_KINDS[args.kind]], options,
                                 actor=operator(args))
        paths = documents.write_documents(docs, out, workers=args.workers)
    for p in paths:
        print(p)
    print(t("documents.cli.written", count=len(paths), folder=out), file=sys.stderr)
    return EXIT_OK


def cmd_letterhead(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import documents

    with open_db(args) as db:
        event = documents.set_letterhead(db, args.event, lines=args.line, logo=Path(args.logo) if args.logo else None,
                                         code=args.code, actor=operator(args))
    print(t("documents.cli.letterhead_set", event=event.name), file=sys.stderr)
    return EXIT_OK


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    export_sub = subparsers.choices["export"].subcommands
    for kind in KINDS:
        p = add(export_sub, kind, f"documents.cli.help.{kind}", cmd_export_documents)
        p.set_defaults(kind=kind)
        p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
        p.add_argument("--out", required=True, metavar="DIR", help=t("documents.cli.help.export_out_dir"))
        p.add_argument("--paper", choices=["a4", "f4"], default="a4", help=t("documents.cli.help.export_paper"))
        p.add_argument("--stage", metavar="STAGE", help=t("documents.cli.help.export_stage"))
        p.add_argument("--group-by", metavar="FIELDS", default="kategori,kelompok",
                       help=t("documents.cli.help.export_group_by"))
        p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "zscore_mean"],
                       help=t("documents.cli.help.export_method"))
        p.add_argument("--workers", type=int, metavar="N", help=t("documents.cli.help.export_workers"))
        if kind == "minutes":
            p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help=t("documents.cli.help.export_date"))
            p.add_argument("--place", metavar="TEXT", help=t("documents.cli.help.export_place"))
        else:
            p.set_defaults(date=None, place=None)

    event_sub = subparsers.choices["event"].subcommands
    p = add(event_sub, "letterhead", "documents.cli.help.letterhead", cmd_letterhead)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--logo", metavar="FILE", help=t("documents.cli.help.letterhead_logo"))
    p.add_argument("--line", action="append", metavar="TEXT", help=t("documents.cli.help.letterhead_line"))
    p.add_argument("--code", metavar="CODE", help=t("documents.cli.help.letterhead_code"))


__all__ = ["register"]
