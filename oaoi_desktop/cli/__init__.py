"""``oaoi``: the secretariat's command line, over the same services as the GUI.

One exit-code rule for every command:

* 0 — success;
* 1 — the command could not do its job (bad arguments, unknown event,
  unreadable file, a failed verification): one line on stderr, no traceback;
* 2 — a batch ran and some of its items were rejected (they are listed).

Commands act as a secretariat member who signs in first: ``--operator`` /
``OAOI_OPERATOR`` names the account (may be left out when there is only one)
and its PIN comes from ``--pin-file`` / ``OAOI_PIN`` / a terminal prompt; the
audit log records that person.  The few commands that need no sign-in are
listed in one table, :data:`oaoi_desktop.cli.operator.WITHOUT_SECRETARIAT`.
Other secrets are read from ``--passphrase-file`` / ``--new-pin-file``, a
terminal prompt, or ``OAOI_PASSPHRASE`` / ``OAOI_NEW_PIN`` when there is no
terminal — never from the command line.  Output that scripts
read (``--format csv|json``) uses stable English column names.

The package: this module holds the root parser, :func:`main` and the
:data:`SUBCOMMANDS` table; :mod:`oaoi_desktop.cli.common` the helpers every
area uses; one module per area registers its commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from oaoi_desktop import __version__, i18n
from oaoi_desktop.cli import (
    basics,
    blind,
    calib,
    documents,
    exchange,
    importing,
    judging,
    lan,
    projector,
    purge,
    ranking,
    results,
    secretariat,
    signing,
    trust,
)
from oaoi_desktop.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, CliError, Parser
from oaoi_desktop.cli.operator import authorise
from oaoi_desktop.errors import OaoiError, ProblemsError, ValidationError
from oaoi_desktop.i18n import t

SUBCOMMANDS = (
    basics,  # init, status, user add, event create|update|list, judge add|list, rubric validate|show
    ranking,  # rank
    importing,  # import
    judging,  # forms, scores, conflicts, pin-slip
    secretariat,  # assign, export, agreement, plenary, stage, judge import
    results,  # event finalise|reopen
    documents,  # export sheets|results|ranking|minutes (PDF documents)
    signing,  # ca, cert, sign, verify
    exchange,  # package, bundle (USB exchange between laptops)
    trust,  # audit verify|export, backup, restore
    lan,  # lan setup|remove (per-seat PostgreSQL roles)
    projector,  # rank --sensitivity (leave-one-judge-out)
    blind,  # blind terms|reports (blind review: the event's terms, leak reports)
    calib,  # calibration start|report|close|reset|flag, shadow report (issue 17)
    purge,  # event purge, event update --retention-days (issue 17)
)
"""Each area module's ``register(sub, add, fmt)``, called in this order: an area
may extend a parser made by one above it (``sub.choices["event"].subcommands``)."""


# -- parser --------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    def common_options(default: Any) -> argparse.ArgumentParser:
        p = argparse.ArgumentParser(add_help=False)
        p.add_argument("--db", metavar="URL", default=default, help=t("cli.help.db"))
        p.add_argument("--operator", metavar="NAME", default=default, help=t("cli.operator.help.operator"))
        p.add_argument("--pin-file", metavar="FILE", default=default, help=t("cli.operator.help.pin_file"))
        p.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, default=default, help=t("cli.help.lang"))
        return p

    # The global options are accepted before and after the command; on the
    # subcommands their default is SUPPRESS so that `oaoi --db X status`
    # keeps X instead of the subparser's default overwriting it.
    common = common_options(argparse.SUPPRESS)
    parser = Parser(prog="oaoi", description=t("cli.help.main"), parents=[common_options(None)])
    parser.add_argument("--version", action="version", version=f"oaoi {__version__}", help=t("cli.help.version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    def add(container, name: str, help_id: str,  # type: ignore[no-untyped-def]
            func: Callable[[argparse.Namespace], int] | None = None):
        p = container.add_parser(name, help=t(help_id), description=t(help_id), parents=[common])
        if func is not None:
            p.set_defaults(func=func)
        return p

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=["table", "csv", "json"], default="table", help=t("cli.help.format"))

    for area in SUBCOMMANDS:
        area.register(sub, add, fmt)
    return parser


def _early_language(argv: Sequence[str]) -> None:
    """Pick the language before building the parser (its help is translated)."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    if lang is None and not os.environ.get("OAOI_LANG"):
        from oaoi_desktop.config import saved_language

        lang = saved_language()
    if lang in i18n.SUPPORTED_LANGUAGES:
        i18n.set_language(lang)


def _printable_streams() -> None:
    """A name that is not valid UTF-8 (a lone surrogate from argv or a file name) prints as ``\\udcxx``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot change
                pass


def _not_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _printable_streams()
    _early_language(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_FAILED
    nul = next((a for a in argv if "\x00" in a), None)
    if nul is not None:  # no shell can pass one; a path with it cannot be opened anywhere
        shown = nul.replace(chr(0), "\\0")[:80]
        print(f"oaoi: {t('identity.cli_nul', value=shown)}", file=sys.stderr)
        return EXIT_FAILED
    try:
        authorise(args)  # the secretariat (or, for a judge's own command, the judge) signs in first
        return int(args.func(args))
    except ProblemsError as exc:
        print(exc.render(), file=sys.stderr)
        return EXIT_FAILED
    except OaoiError as exc:
        print(f"oaoi: {exc.render()}", file=sys.stderr)
        return EXIT_FAILED
    except UnicodeEncodeError:  # a non-UTF-8 argument (surrogateescape) reached a database or a file's text
        bad = next((a for a in argv if _not_utf8(a)), "?")
        print(f"oaoi: {t('identity.cli_not_utf8', value=bad.encode('utf-8', 'backslashreplace').decode()[:80])}",
              file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a path the system refuses (name too long, no such device, ...): name it
        path = exc.filename if exc.filename is not None else "-"
        shown = str(path).encode("utf-8", "backslashreplace").decode()
        shown = shown if len(shown) <= 120 else shown[:60] + "…" + shown[-40:]
        print(f"oaoi: {t('identity.cli_os_error', path=shown, reason=exc.strerror or type(exc).__name__)}",
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"oaoi: {t('cli.interrupted')}", file=sys.stderr)
        return EXIT_FAILED


__all__ = ["main", "build_parser", "SUBCOMMANDS", "EXIT_OK", "EXIT_FAILED", "EXIT_PARTIAL", "CliError",
           "ValidationError"]
