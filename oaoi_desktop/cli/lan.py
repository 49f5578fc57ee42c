"""LAN seats: ``oaoi lan setup --event ID [--out DIR] [--rotate JUDGE]...``, ``oaoi lan remove``.

Run on the server by the secretariat, with ``--db`` naming the event's
PostgreSQL database as its owner (the admin role).  Prints one line per seat
(role name, whether it got a new password, where its seat file went); the
passwords themselves go only into the seat files (``--out``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_FAILED, EXIT_OK, open_db, operator
from oaoi_desktop.i18n import t


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    return EXIT_FAILED


def cmd_lan_setup(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import lan

    with open_db(args) as db:
        result = lan.setup(db, args.event, actor=operator(args), rotate=args.rotate or (),
                           rotate_secretariat=args.rotate_secretariat,
                           out_dir=Path(args.out) if args.out else None, host=args.host, port=args.port)
    if args.format == "json":
        import json

        from oaoi_desktop.domain import canonical

        rows = [{"kind": s.kind, "name": s.name, "user_id": s.user_id, "role": s.role_name,
                 "new_password": s.new_password, "file": str(s.file) if s.file else None, "url": s.url_display}
                for s in result.seats]
        print(json.dumps(canonical.normalise({"event_id": result.event_id, "seats": rows}), ensure_ascii=False,
                         indent=2))
        return EXIT_OK
    print(t("lan.cli.setup_done", event=result.event_name, database=result.database))
    for s in result.seats:
        who = s.name if s.kind == "judge" else t("lan.cli.secretariat_label")
        if s.new_password:
            where = t("lan.cli.seat_file", file=s.file) if s.file else ""
            print(t("lan.cli.seat_new", who=who, role=s.role_name, file=where))
        else:
            print(t("lan.cli.seat_kept", who=who, role=s.role_name))
    if any(s.new_password for s in result.seats) and not args.out:
        print(t("lan.cli.no_out"))
    print(t("lan.cli.next_steps"))
    return EXIT_OK


def cmd_lan_remove(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import lan

    with open_db(args) as db:
        roles = lan.remove(db, actor=operator(args))
    print(t("lan.cli.removed", roles=", ".join(roles) or "-"))
    return EXIT_OK


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``oaoi lan`` to the parser (``add``/``fmt`` from ``build_parser``)."""
    group = add(subparsers, "lan", "lan.cli.help.lan", _needs_subcommand)
    sub = group.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(group))
    sub.required = True
    p = add(sub, "setup", "lan.cli.help.setup", cmd_lan_setup)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--out", metavar="DIR", help=t("lan.cli.help.out"))
    p.add_argument("--rotate", action="append", metavar="JUDGE", help=t("lan.cli.help.rotate"))
    p.add_argument("--rotate-secretariat", action="store_true", help=t("lan.cli.help.rotate_secretariat"))
    p.add_argument("--host", metavar="HOST", help=t("lan.cli.help.host"))
    p.add_argument("--port", type=int, metavar="PORT", help=t("lan.cli.help.port"))
    fmt(p)
    add(sub, "remove", "lan.cli.help.remove", cmd_lan_remove)


__all__ = ["register"]
