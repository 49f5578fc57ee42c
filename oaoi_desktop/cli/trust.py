"""Trust: ``oaoi audit verify|export``, ``oaoi backup``, ``oaoi restore``.

``oaoi audit verify --event ID [--head SEQ:HASH] [--digest HEX]`` recomputes the
event's chain and replays its score history and whole result state, and checks
the state digest printed on the Berita Acara (exit 1 on any problem);
``oaoi audit verify --file FILE`` verifies an export without a database;
``oaoi audit export --event ID --out FILE`` writes the export.
``oaoi backup --out FILE`` writes one archive (database + attachments +
manifest); ``oaoi restore FILE`` restores it, all or nothing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_FAILED, EXIT_OK, CliError, emit_rows, open_db, operator
from oaoi_desktop.i18n import t


def _print_report(report: Any, fmt: str) -> None:
    name = report.event_name or (t("trust.cli.global_chain") if report.chain == "global" else report.chain)
    if report.ok:
        print(t("trust.cli.chain_ok", name=name, entries=report.entries, head=str(report.head)))
        if report.sheets_checked or report.scores_checked or report.corrections_checked:
            print(t("trust.cli.replay_ok", sheets=report.sheets_checked, scores=report.scores_checked,
                    corrections=report.corrections_checked))
        if getattr(report, "state_checked", False):
            print(t("audit.cli.state_ok", digest=report.digest))
    else:
        print(t("trust.cli.chain_failed", name=name, count=len(report.problems), head=str(report.head)))
        for p in report.problems:
            print(f"  - {p.render()}")
        seqs = [p.seq for p in report.problems if p.seq is not None]
        if seqs:
            print(t("trust.cli.first_problem", seq=min(seqs)))
        if getattr(report, "digest", ""):
            print(t("audit.cli.digest", digest=report.digest))
    for s in report.skipped:
        print(t("trust.cli.skipped", text=s.render()))


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    return EXIT_FAILED


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain import canonical
    from oaoi_desktop.services import audit_verify

    head = audit_verify.Head.parse(args.head) if args.head else None
    digest = audit_verify.parse_digest(args.digest) if getattr(args, "digest", None) is not None else None
    if args.file and args.event:
        raise CliError("trust.cli.file_xor_event")
    if args.file:
        reports = [audit_verify.verify_export_file(Path(args.file), expected_head=head, expected_digest=digest)]
    else:
        with open_db(args) as db, db.read() as s:
            if args.event:
                reports = [audit_verify.verify_event(s, args.event, expected_head=head, expected_digest=digest,
                                                     actor=operator(args))]
            else:
                if head is not None:
                    raise CliError("trust.cli.head_needs_event")
                if digest is not None:
                    raise CliError("audit.verify.digest_needs_event")
                reports = audit_verify.verify_all(s, actor=operator(args))
    if args.format == "json":
        print(json.dumps(canonical.normalise([r.as_dict() for r in reports]), ensure_ascii=False, indent=2))
    elif args.format == "csv":  # one row per chain that is intact, one per problem otherwise
        rows = []
        for r in reports:
            base = {"chain": r.chain, "event": r.event_name, "entries": r.entries, "head": str(r.head), "ok": r.ok}
            for p in r.problems or [None]:
                rows.append({**base, "seq": p.seq if p else None, "problem": p.message_id if p else "",
                             "message": p.render() if p else ""})
        emit_rows(rows, ["chain", "event", "entries", "head", "ok", "seq", "problem", "message"], "csv")
    else:
        for r in reports:
            _print_report(r, args.format)
            if digest is not None and r.ok:
                print(t("audit.cli.digest_ok"))
    return EXIT_OK if all(r.ok for r in reports) else EXIT_FAILED


def cmd_audit_export(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import audit_verify

    from oaoi_desktop.files import prepare_out_folder

    prepare_out_folder(Path(args.out).parent)  # an unmounted stick: refused, never made on the internal disk
    with open_db(args) as db, db.read() as s:
        out = audit_verify.export_event(s, args.event, Path(args.out), actor=operator(args))
        head = audit_verify.chain_head(s, args.event)
    header, records, _ = audit_verify.read_export(out)
    print(t("trust.cli.exported", entries=len(records), head=str(head), path=str(out)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import backups

    with open_db(args) as db:
        result = backups.create_backup(db, Path(args.out), include_attachments=not args.no_attachments,
                                       actor=operator(args))
    print(t("trust.cli.backup_done", path=str(result.path), kind=result.kind, attachments=result.attachments,
            mb=f"{result.bytes / 1_048_576:.1f}", sha256=result.sha256))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import backups

    # over a database in use the secretariat signed in (cli.operator); onto a fresh one nobody needs to
    result = backups.restore_backup(Path(args.archive), args.db, actor=getattr(args, "signed_in_actor", None))
    print(t("trust.cli.restore_done", target=result.target, file=Path(args.archive).name,
            attachments=result.attachments_added))
    if result.previous_backup is not None:
        print(t("trust.cli.restore_previous", path=str(result.previous_backup)))
    if result.lan_objects_left_out:
        print(t("lan.restore.run_setup_again", count=result.lan_objects_left_out))
    if result.kind == "sqlite":
        # Bring an older archive's schema up to date (and prove the file opens).
        from oaoi_desktop.store.database import Database

        Database.open(args.db, backup_first=False).close()
    return EXIT_OK


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    audit = add(subparsers, "audit", "trust.cli.help.audit", _needs_subcommand)
    audit_sub = audit.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(audit))
    audit_sub.required = True
    p = add(audit_sub, "verify", "trust.cli.help.audit_verify", cmd_audit_verify)
    p.add_argument("--event", metavar="ID", help=t("trust.cli.help.event"))
    p.add_argument("--file", metavar="FILE", help=t("trust.cli.help.file"))
    p.add_argument("--head", metavar="SEQ:HASH", help=t("trust.cli.help.head"))
    p.add_argument("--digest", metavar="HEX", help=t("audit.cli.help.digest"))
    fmt(p)
    p = add(audit_sub, "export", "trust.cli.help.audit_export", cmd_audit_export)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--out", required=True, metavar="FILE", help=t("trust.cli.help.out"))

    p = add(subparsers, "backup", "trust.cli.help.backup", cmd_backup)
    p.add_argument("--out", required=True, metavar="FILE.zip", help=t("trust.cli.help.out"))
    p.add_argument("--no-attachments", action="store_true", help=t("trust.cli.help.no_attachments"))
    p = add(subparsers, "restore", "trust.cli.help.restore", cmd_restore)
    p.add_argument("archive", metavar="FILE", help=t("trust.cli.help.archive"))


__all__ = ["register"]
