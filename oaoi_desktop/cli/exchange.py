"""USB exchange: ``oaoi package export|import``, ``oaoi bundle export|import|conflicts|resolve``.

* ``oaoi package export --event ID --judge J --out DIR`` (secretariat): the
  judge's encrypted panel package; the judge's passphrase from
  ``--passphrase-file``, a prompt, or ``OAOI_PASSPHRASE``; when the
  secretariat unlocked some of the judge's sheets, the event CA's passphrase
  (``--ca-passphrase-file``, ``OAOI_CA_PASSPHRASE``, or a prompt) signs them.
* ``oaoi package import DIR`` (judge's laptop): set up or update the laptop.
* ``oaoi bundle export --event ID --judge J --out DIR`` (judge's laptop): the
  judge's sheets, signed with their key; the judge signs in first with their
  PIN (``--pin-file``, ``OAOI_PIN`` or a prompt), see :mod:`oaoi_desktop.cli.operator`.
* ``oaoi bundle import FILE... --event ID`` (secretariat): verify and merge;
  exit 0 when every file merged cleanly, 2 when some file was rejected (or a
  sheet could not be merged, or a sheet final here was kept as a conflict),
  1 when nothing could be done (including: no bundle found in the folders given).
* ``oaoi bundle conflicts --event ID`` and ``oaoi bundle resolve --conflict C
  --keep stored|incoming --reason TEXT``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    CliError,
    emit_rows,
    open_db,
    operator,
    prompt_secret,
    secret_from_file,
)
from oaoi_desktop.i18n import t


def read_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    """The judge's passphrase: ``--passphrase-file``, a terminal prompt, or ``OAOI_PASSPHRASE``."""
    path = getattr(args, "passphrase_file", None)
    if path:
        return secret_from_file(path)
    if sys.stdin is not None and sys.stdin.isatty():
        return prompt_secret("exchange.cli.prompt_passphrase", confirm=confirm)
    value = os.environ.get("OAOI_PASSPHRASE")
    if value:
        return value
    raise CliError("exchange.cli.passphrase_required")


def _progress(quiet: bool) -> Callable[[int, int], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        pct = 100 if not total else int(done * 100 / total)
        sys.stderr.write(f"\r{done / 1_048_576:8.1f} / {total / 1_048_576:.1f} MB  {pct:3d}%")
        sys.stderr.flush()

    return show


def _ca_passphrase(args: argparse.Namespace, *, prompt: bool) -> str | None:
    """The event authority's passphrase, to sign unlocked sheets into a package: ``--ca-passphrase-file``,
    ``OAOI_CA_PASSPHRASE``, or (``prompt``) a terminal prompt; ``None`` when none was given."""
    path = getattr(args, "ca_passphrase_file", None)
    if path:
        return secret_from_file(path)
    if os.environ.get("OAOI_CA_PASSPHRASE"):
        return os.environ["OAOI_CA_PASSPHRASE"]
    if prompt and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(t("exchange.cli.prompt_ca_passphrase") + ": ") or None
    return None


def _out_folder(out: str) -> None:
    """``--out``: an existing folder, or one new folder in an existing one (see files.prepare_out_folder)."""
    from oaoi_desktop.files import prepare_out_folder

    prepare_out_folder(Path(out))


def cmd_package_export(args: argparse.Namespace) -> int:
    from oaoi_desktop.errors import OaoiError
    from oaoi_desktop.services.exchange import packages

    _out_folder(args.out)  # an unmounted stick: refused, never made on the internal disk
    passphrase = read_passphrase(args, confirm=True)
    ca = _ca_passphrase(args, prompt=False)
    with open_db(args) as db:
        try:
            result = packages.export_package(db, args.event, args.judge, Path(args.out), passphrase,
                                             actor=operator(args), progress=_progress(args.quiet),
                                             ca_passphrase=ca)
        except OaoiError as exc:  # unlocked sheets travel signed by the event's authority: ask for it then
            if exc.message_id != "exchange.package_needs_ca_passphrase" or ca is not None:
                raise
            ca = _ca_passphrase(args, prompt=True)
            if ca is None:
                raise
            result = packages.export_package(db, args.event, args.judge, Path(args.out), passphrase,
                                             actor=operator(args), progress=_progress(args.quiet),
                                             ca_passphrase=ca)
    if sys.stderr.isatty() and not args.quiet:
        sys.stderr.write("\n")
    print(t("exchange.cli.package_written", judge=result.judge_name, path=result.out_dir, dossiers=result.dossiers,
            files=result.files, mb=f"{result.bytes_written / 1_048_576:.1f}", sheets=result.sheets,
            generation=result.generation))
    return EXIT_OK


def cmd_package_import(args: argparse.Namespace) -> int:
    from oaoi_desktop.services.exchange import packages

    passphrase = read_passphrase(args, confirm=False)
    with open_db(args) as db:
        r = packages.import_package(db, Path(args.dir), passphrase, progress=_progress(args.quiet))
    if sys.stderr.isatty() and not args.quiet:
        sys.stderr.write("\n")
    print(t("exchange.cli.package_applied", generation=r.generation, judge=r.judge_name, event=r.event_name,
            added=r.dossiers_added, updated=r.dossiers_updated, assigned=r.assignments_added,
            unassigned=r.assignments_removed, files=r.files_added, sheets_added=r.sheets_added,
            sheets_updated=r.sheets_updated, kept=r.sheets_kept))
    print(t("exchange.cli.package_next"))
    return EXIT_OK


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from oaoi_desktop.services.exchange import bundles

    _out_folder(args.out)  # an unmounted stick: refused, never made on the internal disk
    passphrase = read_passphrase(args, confirm=False)
    with open_db(args) as db:
        result = bundles.export_bundle(db, args.event, args.judge, Path(args.out), passphrase,
                                       actor=operator(args))  # the judge who signed in with their PIN
    print(t("exchange.cli.bundle_written", path=result.path, sheets=result.sheets, seq=result.audit_seq,
            hash=result.audit_hash[:16]))
    return EXIT_OK


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain import canonical
    from oaoi_desktop.services.exchange import bundles

    files = bundles.bundle_files(args.files)
    if not files:  # nothing to merge is not a success: exit 1, naming where we looked
        raise CliError("exchange.cli.no_bundle_found", path=", ".join(str(f) for f in args.files))
    with open_db(args) as db:
        report = bundles.import_bundles(db, args.event, files, actor=operator(args))
        with db.read() as s:
            open_conflicts = bundles.open_conflict_count(s, report.event_id, actor=operator(args))
    if args.format == "json":
        import json

        doc = {"event_id": report.event_id, "open_conflicts": open_conflicts, "files": [
            {"file": f.file, "status": f.status, "judge": f.judge, "message": f.message,
             "message_id": f.error.message_id if f.error else "", "counts": f.counts,
             "declarations_added": f.declarations_added,
             "sheets": [{"dossier": x.dossier, "stage": x.stage_id, "outcome": x.outcome,
                         "message": t(x.message_id, **x.params) if x.message_id else ""} for x in f.sheets]}
            for f in report.files]}
        print(json.dumps(canonical.normalise(doc), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        rows = [{"file": f.file, "status": f.status, "judge": f.judge, **f.counts,
                 "declarations_added": f.declarations_added, "message": f.message} for f in report.files]
        emit_rows(rows, ["file", "status", "judge", "added", "updated", "unchanged", "older", "conflict",
                         "skipped", "declarations_added", "message"], "csv")
    for f in report.files:
        stream = sys.stdout if args.format == "table" else sys.stderr
        if f.status == "rejected":
            print(f.message, file=sys.stderr)
        elif f.status == "already_merged":
            print(t("exchange.cli.file_already", file=f.file, judge=f.judge), file=stream)
        else:
            print(t("exchange.cli.file_merged", file=f.file, judge=f.judge, **f.counts), file=stream)
            for x in f.sheets:
                if x.message_id:  # skipped, or kept as a conflict because it is final here
                    print(f"  {f.file}: {t(x.message_id, **x.params)}", file=sys.stderr)
    print(t("exchange.cli.summary", merged=sum(1 for f in report.files if f.status == "merged"),
            already=sum(1 for f in report.files if f.status == "already_merged"), rejected=len(report.rejected),
            conflicts=open_conflicts), file=sys.stdout if args.format == "table" else sys.stderr)
    return EXIT_OK if report.ok else EXIT_PARTIAL


def cmd_bundle_conflicts(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events
    from oaoi_desktop.services.exchange import bundles

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        views = bundles.list_conflicts(s, event, open_only=not args.all, actor=operator(args))
    rows = []
    for v in views:
        def side(x: Any) -> str:
            return ", ".join(f"{c}={x.scores[c][0]}" for c in v.criteria if c in x.scores)

        rows.append({"id": v.id, "dossier": v.number, "judge": v.judge_name, "stage": v.stage_id,
                     "stored": side(v.stored), "incoming": side(v.incoming),
                     "resolution": v.resolution, "reason": v.reason})
    if not rows and args.format == "table":
        print(t("exchange.cli.no_conflicts"))
        return EXIT_OK
    emit_rows(rows, ["id", "dossier", "judge", "stage", "stored", "incoming", "resolution", "reason"],
              args.format)
    return EXIT_OK


def cmd_bundle_resolve(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events
    from oaoi_desktop.services.exchange import bundles
    from oaoi_desktop.store.models import Dossier, User

    with open_db(args) as db, db.write() as s:
        events.get_event(s, args.event)
        c = bundles.resolve_conflict(s, args.conflict, args.keep, args.reason, actor=operator(args))
        dossier, judge = s.get(Dossier, c.dossier_id), s.get(User, c.judge_id)
        text = t("exchange.cli.resolved", dossier=dossier.number if dossier else "?",
                 judge=judge.name if judge else "?", kept=args.keep)
    print(text)
    return EXIT_OK


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    return EXIT_FAILED


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    package = add(subparsers, "package", "exchange.cli.help.package", _needs_subcommand)
    package_sub = package.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(package))
    package_sub.required = True
    p = add(package_sub, "export", "exchange.cli.help.package_export", cmd_package_export)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--judge", required=True, metavar="J", help=t("exchange.cli.help.judge"))
    p.add_argument("--out", required=True, metavar="DIR", help=t("exchange.cli.help.out"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("exchange.cli.help.passphrase_file"))
    p.add_argument("--ca-passphrase-file", metavar="FILE", help=t("exchange.cli.help.ca_passphrase_file"))
    p.add_argument("--quiet", action="store_true", help=t("cli.help.import_quiet"))
    p = add(package_sub, "import", "exchange.cli.help.package_import", cmd_package_import)
    p.add_argument("dir", metavar="DIR", help=t("exchange.cli.help.dir"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("exchange.cli.help.passphrase_file"))
    p.add_argument("--quiet", action="store_true", help=t("cli.help.import_quiet"))

    bundle = add(subparsers, "bundle", "exchange.cli.help.bundle", _needs_subcommand)
    bundle_sub = bundle.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(bundle))
    bundle_sub.required = True
    p = add(bundle_sub, "export", "exchange.cli.help.bundle_export", cmd_bundle_export)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--judge", required=True, metavar="J", help=t("exchange.cli.help.judge"))
    p.add_argument("--out", required=True, metavar="DIR", help=t("exchange.cli.help.out"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("exchange.cli.help.passphrase_file"))
    p = add(bundle_sub, "import", "exchange.cli.help.bundle_import", cmd_bundle_import)
    p.add_argument("files", nargs="+", metavar="FILE", help=t("exchange.cli.help.files"))
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    fmt(p)
    p = add(bundle_sub, "conflicts", "exchange.cli.help.conflicts", cmd_bundle_conflicts)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--all", action="store_true", help=t("exchange.cli.help.all"))
    fmt(p)
    p = add(bundle_sub, "resolve", "exchange.cli.help.resolve", cmd_bundle_resolve)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--conflict", required=True, metavar="ID", help=t("exchange.cli.help.conflict"))
    p.add_argument("--keep", required=True, choices=["stored", "incoming"], help=t("exchange.cli.help.keep"))
    p.add_argument("--reason", required=True, metavar="TEXT", help=t("exchange.cli.help.reason"))


__all__ = ["register", "read_passphrase"]
