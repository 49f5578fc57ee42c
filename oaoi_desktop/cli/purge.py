"""Purge with a destruction record (issue 17): ``oaoi event purge`` and the retention period.

* ``oaoi event purge --event ID [--reason TEXT] [--pdf FILE | --out DIR] [--dry-run]
  [--backups-folder DIR ...] [--sign-as NAME --passphrase-file FILE] [--format table|json]`` —
  after finalisation, and once the retention period has passed or with the
  secretariat's reason, removes the dossier content and attachments and writes
  the *Berita Acara Pemusnahan Data* (``services/purge.py``); ``--sign-as``
  signs it right away with that person's own passphrase (as ``oaoi sign``).
* ``oaoi event update --event ID --retention-days N`` (``--retention-days -1``
  clears it).

Both extend the existing ``event`` parser; every command needs the secretariat signed in.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_OK, CliError, open_db, operator, read_secret
from oaoi_desktop.i18n import t


def _local(event_zone: str, when: Any) -> str:
    from oaoi_desktop.i18n.formats import local_time

    return local_time(when, event_zone) if when is not None else "-"


def cmd_event_purge(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain import canonical
    from oaoi_desktop.i18n.formats import zone_of
    from oaoi_desktop.services import events, purge

    actor = operator(args)
    folders = [Path(f) for f in (args.backups_folder or [])]
    with open_db(args) as db:
        with db.read() as s:
            event = events.get_event(s, args.event)
            zone = zone_of(event)
            if args.dry_run:
                the_plan = purge.plan(s, event, actor=actor, backup_folders=folders)
        if args.dry_run:
            if args.format == "json":
                print(json.dumps(the_plan.as_dict(), ensure_ascii=False, indent=2))
                return EXIT_OK
            print(t("purge.cli.plan", event=the_plan.event_name, dossiers=the_plan.dossiers,
                    revisions=the_plan.revisions, attachments=the_plan.attachments, bytes=the_plan.bytes,
                    marked=the_plan.audit_entries))
            if the_plan.retention_days is None:
                print(t("purge.cli.retention_none"))
            else:
                print(t("purge.cli.retention", days=the_plan.retention_days, due=_local(zone, the_plan.due)))
            _print_backups(the_plan.backups, zone)
            return EXIT_OK
        result = purge.purge_event(db, args.event, actor=actor, reason=args.reason or "",
                                   pdf=Path(args.pdf) if args.pdf else None,
                                   folder=Path(args.out) if args.out else None, backup_folders=folders)
        signed = None
        if result.done and args.sign_as and result.pdf is not None:
            from oaoi_desktop.services import signatures

            secret = read_secret(args, file_attr="passphrase_file", env="OAOI_PASSPHRASE",
                                 prompt_id="signing.cli.prompt_sign", required=True)
            [outcome] = signatures.sign_files(db, [result.pdf], judge=args.sign_as, passphrase=secret or "",
                                              actor=actor, event=str(result.event_id))
            if not outcome.ok:
                raise CliError("purge.cli.sign_failed", message=outcome.message)
            signed = args.sign_as
    if args.format == "json":
        doc = result.as_dict()
        doc["signed_by"] = signed
        print(json.dumps(canonical.normalise(doc), ensure_ascii=False, indent=2))
        return EXIT_OK
    c = result.counts
    if not result.done:
        print(t("purge.cli.already", event=result.event_name, when=_local(zone, result.at), by=result.by,
                number=result.number or "-"))
    else:
        print(t("purge.cli.done", event=result.event_name, by=result.by, when=_local(zone, result.at),
                dossiers=c.get("dossiers", 0), revisions=c.get("revisions", 0), attachments=c.get("attachments", 0),
                bytes=c.get("bytes", 0), marked=c.get("audit_marked", 0)))
        print(t("purge.cli.pdf", number=result.number, path=str(result.pdf)))
        if signed:
            print(t("purge.cli.signed", name=signed))
    _print_backups(result.backups, zone)
    return EXIT_OK


def _print_backups(backups: Any, zone: str) -> None:
    if not backups:
        print(t("purge.cli.no_backups"))
        return
    print(t("purge.cli.backups", count=len(backups)))
    for b in backups:
        print(t("purge.cli.backup_line", path=b.path, when=_local(zone, b.modified), sha256=b.sha256 or "-"))


def _event_update(original: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``oaoi event update --retention-days N``: the retention period (``-1`` clears it)."""

    def run(args: argparse.Namespace) -> int:
        days = getattr(args, "retention_days", None)
        if days is None:
            return original(args)
        from oaoi_desktop.services import events, purge

        with open_db(args) as db, db.write() as s:
            event = events.get_event(s, args.event)
            purge.set_retention(s, event, None if days < 0 else days, actor=operator(args))
            name = event.name
        if days < 0:
            print(t("purge.cli.retention_cleared", event=name))
        else:
            print(t("purge.cli.retention_set", event=name, days=days))
        if getattr(args, "timezone", None) is not None:
            return original(args)
        return EXIT_OK

    return run


def _event_create(original: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``oaoi event create ... --retention-days N``: the event, then its retention period."""

    def run(args: argparse.Namespace) -> int:
        days = getattr(args, "retention_days", None)
        if days is None:
            return original(args)
        import contextlib
        import io

        from oaoi_desktop.services import events, purge

        if days < 0:
            raise CliError("purge.bad_retention", value=str(days), maximum=purge.MAX_RETENTION_DAYS)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            code = original(args)
        event_id = printed.getvalue().strip()
        print(printed.getvalue(), end="")
        if code != EXIT_OK or not event_id:
            return code
        with open_db(args) as db, db.write() as s:
            purge.set_retention(s, events.get_event(s, event_id), days, actor=operator(args))
        return code

    return run


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    event_sub = subparsers.choices["event"].subcommands
    p = add(event_sub, "purge", "purge.cli.help.purge", cmd_event_purge)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--reason", metavar="TEXT", help=t("purge.cli.help.reason"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--pdf", metavar="FILE.pdf", help=t("purge.cli.help.pdf"))
    out.add_argument("--out", metavar="DIR", help=t("purge.cli.help.out"))
    p.add_argument("--dry-run", action="store_true", help=t("purge.cli.help.dry_run"))
    p.add_argument("--backups-folder", action="append", metavar="DIR", help=t("purge.cli.help.backups_folder"))
    p.add_argument("--sign-as", metavar="NAME", help=t("purge.cli.help.sign_as"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("purge.cli.help.passphrase_file"))
    fmt(p)
    create = event_sub.choices["create"]
    create.add_argument("--retention-days", type=int, metavar="N", help=t("purge.cli.help.retention_days"))
    create.set_defaults(func=_event_create(create.get_default("func")))
    update = event_sub.choices["update"]
    update.add_argument("--retention-days", type=int, metavar="N", help=t("purge.cli.help.retention_days"))
    update.set_defaults(func=_event_update(update.get_default("func")))


__all__ = ["register"]
