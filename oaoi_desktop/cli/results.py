"""Results: ``oaoi event finalise|reopen``.

* ``oaoi event finalise --event ID`` — finalise the event once its Berita
  Acara is issued; afterwards nothing that changes results is accepted.
* ``oaoi event reopen --event ID --reason TEXT`` — reopen it; the reason is
  recorded in the audit log.

Both extend the existing ``event`` parser (``sub.choices["event"]``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from oaoi_desktop.cli.common import EXIT_OK, CliError, open_db, operator
from oaoi_desktop.i18n import t


def _when(value: Any) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if value is not None else "-"


def cmd_event_finalise(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, finalisation

    if getattr(args, "except_missing", False):
        _record_exception(args)
    with open_db(args) as db, db.write() as s:
        event = finalisation.finalise_event(s, events.get_event(s, args.event), operator(args),
                                            signed_minutes=args.signed_pdf, paper_signed=args.paper_signed)
        minutes = finalisation.latest_minutes(s, event, actor=operator(args))
        message = t("finalise.cli.finalised", event=event.name, at=_when(event.finalised_at),
                    by=event.finalised_by, minutes=minutes.number if minutes else "-")
    print(message)
    return EXIT_OK


def _record_exception(args: argparse.Namespace) -> None:
    """``--except-missing --reason TEXT``: record (and commit) the exception before finalising, so a
    Berita Acara issued afterwards states it even when finalising is refused now."""
    from oaoi_desktop.services import completeness, events

    reason = " ".join((args.except_reason or "").split())
    if not reason:
        raise CliError("finalise.cli.reason_needed")
    with open_db(args) as db, db.write() as s:
        excepted = completeness.record_exception(s, events.get_event(s, args.event), actor=operator(args),
                                                 reason=reason)
    if excepted:
        print(t("finalise.cli.excepted", count=len(excepted), sheets=completeness.missing_text(excepted)))


def cmd_event_reopen(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, finalisation

    actor = operator(args)
    with open_db(args) as db, db.write() as s:
        event = finalisation.reopen_event(s, events.get_event(s, args.event), actor, args.reason)
        message = t("finalise.cli.reopened", event=event.name, by=actor.name, reason=" ".join(args.reason.split()))
    print(message, file=sys.stdout)
    return EXIT_OK


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    event_sub = subparsers.choices["event"].subcommands
    p = add(event_sub, "finalise", "finalise.cli.help.finalise", cmd_event_finalise)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    signed = p.add_mutually_exclusive_group()
    signed.add_argument("--signed-pdf", metavar="FILE.pdf", help=t("finalise.cli.help.signed_pdf"))
    signed.add_argument("--paper-signed", action="store_true", help=t("finalise.cli.help.paper_signed"))
    p.add_argument("--except-missing", action="store_true", help=t("finalise.cli.help.except_missing"))
    p.add_argument("--reason", dest="except_reason", metavar="TEXT", help=t("finalise.cli.help.except_reason"))
    p = add(event_sub, "reopen", "finalise.cli.help.reopen", cmd_event_reopen)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("finalise.cli.help.reason"))


__all__ = ["register"]
