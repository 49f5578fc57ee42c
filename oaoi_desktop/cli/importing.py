"""``oaoi import``: dossiers into an event, with a progress line and a report (exit 2 when some were rejected)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, CliError, open_db, operator
from oaoi_desktop.i18n import t


def _import_progress(stream: Any, quiet: bool) -> Callable[[Any], None] | None:
    """A progress bar on a terminal, plain lines otherwise (one per dossier)."""
    if quiet:
        return None
    tty = bool(getattr(stream, "isatty", lambda: False)())
    last_done = [-1]

    def show(p: Any) -> None:
        text = t("cli.import_progress", done=p.dossiers_done, total=p.dossiers_total,
                 mb=f"{p.bytes_done / 1_048_576:.1f}", rate=f"{p.mb_per_s:.1f}", current=p.current)
        if tty:
            import shutil

            width = shutil.get_terminal_size((80, 20)).columns
            bar_width = 20
            filled = int(round(p.fraction * bar_width))
            line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {text}"
            stream.write("\r" + line[: max(10, width - 1)].ljust(max(10, width - 1)))
            stream.flush()
        elif p.dossiers_done != last_done[0]:
            last_done[0] = p.dossiers_done
            stream.write(text + "\n")
            stream.flush()

    return show


def cmd_import(args: argparse.Namespace) -> int:
    import threading

    from oaoi_desktop.services import imports

    db = open_db(args)
    cancel = threading.Event()
    result: dict[str, Any] = {}
    progress = _import_progress(sys.stderr, args.quiet)

    done = threading.Event()

    def work() -> None:
        try:
            processes = {"auto": None, "yes": True, "no": False}[getattr(args, "processes", "auto")]
            result["report"] = imports.import_paths(db, args.event, args.paths, actor=operator(args),
                                                    progress=progress, cancel=cancel, processes=processes)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            result["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=work, name="oaoi-import-cli", daemon=True)
    worker.start()
    # Wait on our own event: on Python 3.11 a Thread.join interrupted by
    # Ctrl+C can make is_alive() report False while the import still runs.
    while not done.is_set():
        try:
            done.wait(0.2)
        except KeyboardInterrupt:
            cancel.set()  # the dossier in flight rolls back; the report says cancelled
    if progress is not None and sys.stderr.isatty():
        sys.stderr.write("\n")
    db.close()
    if "error" in result:
        raise result["error"]
    report = result["report"]
    if args.format == "csv":
        sys.stdout.write(report.csv_text())
    elif args.format == "json":
        from oaoi_desktop.domain import canonical

        doc = {"event_id": report.event_id, "cancelled": report.cancelled, "counts": report.counts,
               "elapsed_s": round(report.elapsed, 3), "bytes_read": report.bytes_read,
               "read_in_processes": report.read_in_processes,
               "not_processed": list(report.not_processed), "rows": report.rows()}
        from oaoi_desktop.services.exports import printable

        print(printable(json.dumps(canonical.normalise(doc), ensure_ascii=False, indent=2)))
    for item in (report.items if args.format == "table" else ()):
        if item.outcome is imports.Outcome.REJECTED or item.findings:
            print(t("cli.import_item", outcome=t(f"import.outcome.{item.outcome.value}"), source=item.source,
                    number=f"({item.number})" if item.number else "").rstrip())
            for f in item.findings:
                print(f"  {t(f'import.severity.{f.severity.value}')}: {f.render()}")
    summary_stream = sys.stdout if args.format == "table" else sys.stderr
    print(t("cli.import_summary", seconds=f"{report.elapsed:.1f}", imported=report.count(imports.Outcome.IMPORTED),
            updated=report.count(imports.Outcome.UPDATED), unchanged=report.count(imports.Outcome.UNCHANGED),
            rejected=report.count(imports.Outcome.REJECTED), warnings=report.warnings,
            mb=f"{report.bytes_read / 1_048_576:.1f}"), file=summary_stream)
    if report.cancelled:
        print(t("cli.import_cancelled", count=len(report.not_processed)), file=summary_stream)
    if args.report:
        try:
            report.write_csv(Path(args.report))
        except OSError as exc:
            raise CliError("cli.cannot_write_file", path=args.report, reason=exc.strerror or str(exc)) from exc
        print(t("cli.import_report_written", path=args.report), file=sys.stderr)
    if report.cancelled:
        return EXIT_FAILED
    return EXIT_PARTIAL if report.has_rejections else EXIT_OK


def register(sub: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``oaoi import`` to the parser (``add``/``fmt`` from ``build_parser``)."""
    p = add(sub, "import", "cli.help.import", cmd_import)
    p.add_argument("paths", nargs="+", metavar="PATH", help=t("cli.help.import_paths"))
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--report", metavar="FILE.csv", help=t("cli.help.import_report"))
    p.add_argument("--quiet", action="store_true", help=t("cli.help.import_quiet"))
    p.add_argument("--processes", choices=["auto", "yes", "no"], default="auto",
                   help=t("install.cli.help.import_processes"))
    fmt(p)


__all__ = ["cmd_import", "register"]
