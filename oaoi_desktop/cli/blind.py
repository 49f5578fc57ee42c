"""Blind review: ``oaoi blind terms|reports`` (issue 14).

* ``oaoi blind terms --event ID`` — print the event's own list of masked terms;
  ``--file FILE`` replaces it (one term per line, ``#`` comments), ``--clear`` empties it.
* ``oaoi blind reports --event ID`` — the judges' reports that a dossier still
  shows who wrote it (``--format csv|json`` for scripts: stable English columns).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_OK, Parser, emit_rows, open_db, operator
from oaoi_desktop.i18n import t


def read_terms_file(path: Path) -> list[str]:
    """The terms in a list file (``blindstart.terms.file_unreadable`` naming the file)."""
    from oaoi_desktop.domain.blind import parse_terms_file
    from oaoi_desktop.errors import ValidationError

    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ValidationError("blindstart.terms.file_unreadable", path=str(path), reason=reason) from exc
    return parse_terms_file(text)


def cmd_blind_terms(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import blind, events

    if args.file is None and not args.clear:
        with open_db(args) as db, db.read() as s:
            event = events.get_event(s, args.event)
            terms, name = blind.event_blind_terms(event), event.name
        if not terms and args.format == "table":
            print(t("blindstart.cli.no_terms", event=name))
            return EXIT_OK
        emit_rows([{"term": x} for x in terms], ["term"], args.format, {"term": "Istilah"})
        return EXIT_OK
    terms = [] if args.clear else read_terms_file(Path(args.file))
    actor = operator(args)
    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        stored = blind.set_blind_terms(s, event, terms, actor=actor)
        message = t("blindstart.cli.terms_set", event=event.name, count=len(stored))
    print(message)
    return EXIT_OK


def cmd_blind_reports(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import blind, events

    actor = operator(args)
    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        reports, name = blind.leak_reports(s, event, actor=actor), event.name
    if args.format != "table":
        rows = [{"at": r.at, "dossier": r.dossier_number, "judge": r.judge, "text": r.text, "where": r.where}
                for r in reports]
        emit_rows(rows, ["at", "dossier", "judge", "text", "where"], args.format)
        return EXIT_OK
    if not reports:
        print(t("blindstart.cli.no_reports", event=name))
        return EXIT_OK
    from oaoi_desktop.services.audit_query import local_time_text

    for r in reports:
        print(t("blindstart.cli.report_line", at=local_time_text(r.at), dossier=r.dossier_number, judge=r.judge,
                text=r.text, where=f" ({r.where})" if r.where else ""))
    return EXIT_OK


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``oaoi blind ...`` to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    group = subparsers.add_parser("blind", help=t("blindstart.cli.help.blind"),
                                  description=t("blindstart.cli.help.blind"))
    blind_sub = group.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=Parser)
    blind_sub.required = True
    p = add(blind_sub, "terms", "blindstart.cli.help.terms", cmd_blind_terms)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    change = p.add_mutually_exclusive_group()
    change.add_argument("--file", metavar="FILE", help=t("blindstart.cli.help.terms_file"))
    change.add_argument("--clear", action="store_true", help=t("blindstart.cli.help.clear"))
    fmt(p)
    p = add(blind_sub, "reports", "blindstart.cli.help.reports", cmd_blind_reports)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    fmt(p)


__all__ = ["read_terms_file", "register"]
