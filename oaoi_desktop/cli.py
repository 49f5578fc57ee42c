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
listed in one table, :data:`oaoi_desktop.cli_operator.WITHOUT_SECRETARIAT`.
Other secrets are read from ``--passphrase-file`` / ``--new-pin-file``, a
terminal prompt, or ``OAOI_PASSPHRASE`` / ``OAOI_NEW_PIN`` when there is no
terminal — never from the command line.  Output that scripts
read (``--format csv|json``) uses stable English column names.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from decimal import Decimal
from fractions import Fraction
import getpass
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from oaoi_desktop import __version__, i18n
from oaoi_desktop.errors import OaoiError, ProblemsError, ValidationError
from oaoi_desktop.i18n import t

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_PARTIAL = 2


class CliError(OaoiError):
    """A command-line usage error (exit 1)."""


_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak valid: %(value)r (pilih dari %(choices)s)",
    "expected one argument": "memerlukan satu argumen",
    "expected at least one argument": "memerlukan paling sedikit satu argumen",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak valid: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}


def _argparse_gettext(text: str) -> str:
    """argparse's own strings in the CLI's language (Python ships no Indonesian)."""
    if i18n.current_language() == "id":
        return _ARGPARSE_ID.get(text, text)
    return text


argparse._ = _argparse_gettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 1 on bad arguments (our rule), not 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, f"{self.prog}: {t('cli.bad_arguments')}: {message}\n")


# -- output helpers ------------------------------------------------------------
def emit_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, headers: dict[str, str] | None = None) -> None:
    """Print rows as an aligned table (localised headers), CSV or JSON."""
    out = sys.stdout
    if fmt == "json":
        from oaoi_desktop.domain import canonical

        out.write(json.dumps(canonical.normalise(rows), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        from oaoi_desktop.services.exports import csv_safe_text

        for r in rows:  # text a spreadsheet would run as a formula is escaped, as in ``oaoi export csv``
            writer.writerow({k: csv_safe_text(_plain(r.get(k))) if isinstance(r.get(k), str) else _plain(r.get(k))
                             for k in columns})
        out.write(buf.getvalue())
        return
    headers = headers or {}
    titles = [headers.get(c, c) for c in columns]
    cells = [[_plain(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(titles[i])] + [len(row[i]) for row in cells]) for i in range(len(columns))]
    out.write("  ".join(titles[i].ljust(widths[i]) for i in range(len(columns))).rstrip() + "\n")
    out.write("  ".join("-" * widths[i] for i in range(len(columns))) + "\n")
    for row in cells:
        out.write("  ".join(row[i].ljust(widths[i]) for i in range(len(columns))).rstrip() + "\n")


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Fraction, Decimal, float)):
        # exact scores are Fractions: written as canonical decimal text ("86.166666666667"), never "517/6"
        from oaoi_desktop.domain import canonical

        return str(canonical.normalise(value))
    return str(value)


def read_secret(args: argparse.Namespace, *, file_attr: str, env: str, prompt_id: str, required: bool) -> str | None:
    """A PIN or passphrase from a file, a terminal prompt, or the environment."""
    path = getattr(args, file_attr, None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError("cli.cannot_read_file", path=path, reason=str(exc)) from exc
        secret = text.strip("\r\n")
        if not secret:
            raise CliError("cli.empty_secret_file", path=path)
        return secret
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(t(prompt_id) + ": ")
        second = getpass.getpass(t("cli.prompt_repeat") + ": ")
        if first != second:
            raise CliError("cli.secrets_differ")
        return first
    value = os.environ.get(env)
    if value:
        return value
    if required:
        raise CliError("cli.secret_required", file_option="--" + file_attr.replace("_", "-"), env=env)
    return None


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=value)) from None


def _operator(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The signed-in person this command acts as (see :mod:`oaoi_desktop.cli_operator`)."""
    from oaoi_desktop.cli_operator import signed_in_actor

    return signed_in_actor(args)


def _new_pin(args: argparse.Namespace, *, required: bool, first_account: bool = False) -> str | None:
    """The PIN of an account being created: ``--new-pin-file``, ``OAOI_NEW_PIN``, or a prompt (twice).

    For the first secretariat account (nobody signs in) its own PIN may also
    come from ``--pin-file`` / ``OAOI_PIN``: the PIN it then signs in with.
    """
    if getattr(args, "new_pin_file", None):
        return read_secret(args, file_attr="new_pin_file", env="OAOI_NEW_PIN", prompt_id="cli.operator.prompt_new_pin",
                           required=True)
    if first_account and getattr(args, "pin_file", None):
        return read_secret(args, file_attr="pin_file", env="OAOI_PIN", prompt_id="cli.prompt_pin", required=True)
    for env in ("OAOI_NEW_PIN", "OAOI_PIN") if first_account else ("OAOI_NEW_PIN",):
        if os.environ.get(env):
            return os.environ[env]
    if sys.stdin is not None and sys.stdin.isatty():
        return read_secret(args, file_attr="new_pin_file", env="OAOI_NEW_PIN", prompt_id="cli.operator.prompt_new_pin",
                           required=required)
    if required:
        raise CliError("cli.operator.new_pin_required")
    return None


def _open_db(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from oaoi_desktop.store.database import Database

    return Database.open(args.db)


# -- commands ------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        print(t("cli.init_done", database=db.display_name))
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from oaoi_desktop.services.status import summary

    with _open_db(args) as db:
        s = summary(db, actor=getattr(args, "signed_in_actor", None))  # None: a fresh install, nothing to count
    if args.format != "table":
        rows = [
            {
                "id": e.id, "name": e.name, "status": e.status, "rubric": e.rubric_title,
                "dossiers": e.dossiers, "judges": e.judges, "assignments": e.assignments,
                "sheets_submitted": e.sheets_submitted,
            }
            for e in s.events
        ]
        if args.format == "json":
            from oaoi_desktop.domain import canonical

            doc = {
                "database": s.database, "device_id": s.device_id, "schema_revision": s.schema_revision,
                "secretariat_accounts": s.secretariat_accounts, "events": rows,
            }
            print(json.dumps(canonical.normalise(doc), ensure_ascii=False, indent=2))
        else:
            emit_rows(rows, list(rows[0].keys()) if rows else ["id", "name"], "csv")
        return EXIT_OK
    print(t("cli.status_database", database=s.database))
    print(t("cli.status_schema", revision=s.schema_revision or "-", version=__version__))
    print(t("cli.status_device", device=s.device_id))
    print(t("cli.status_secretariat", count=s.secretariat_accounts))
    if not s.events:
        print(t("cli.status_no_events"))
        return EXIT_OK
    print()
    rows = [
        {"id": e.id, "name": e.name, "status": e.status, "dossiers": e.dossiers,
         "judges": e.judges, "sheets_submitted": e.sheets_submitted}
        for e in s.events
    ]
    emit_rows(rows, ["id", "name", "status", "dossiers", "judges", "sheets_submitted"], "table", _headers())
    return EXIT_OK


def _headers() -> dict[str, str]:
    keys = ["id", "name", "status", "dossiers", "judges", "sheets_submitted", "rubric", "role",
            "instansi", "unit_kerja", "criterion", "weight", "scale", "levels", "stage",
            "rank", "number", "title", "group", "score", "passed", "judge_totals", "notes", "complete"]
    return {k: t(f"cli.col.{k}") for k in keys}


def cmd_user_add(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, auth

    if args.role != "secretariat":
        raise CliError("cli.user_add_role")
    first = getattr(args, "signed_in_actor", None) is None  # nobody signed in: the first secretariat account
    secret = _new_pin(args, required=True, first_account=first)
    assert secret is not None
    code = None
    with _open_db(args) as db, db.write() as s:
        if first:  # refused by the service once an active secretariat account exists
            user, code = auth.setup_secretariat(s, name=args.name, secret=secret, nip=args.nip,
                                                instansi=args.instansi or "", unit_kerja=args.unit_kerja or "")
        else:
            user = accounts.add_secretariat(
                s, name=args.name, secret=secret, actor=_operator(args), nip=args.nip,
                instansi=args.instansi or "", unit_kerja=args.unit_kerja or "",
            )
        user_id, name = user.id, user.name
    print(user_id)
    if code is not None:
        print(t("cli.operator.recovery_code", name=name, code=code), file=sys.stderr)
    return EXIT_OK


def _load_rubric_arg(ref: str):  # type: ignore[no-untyped-def]
    from oaoi_desktop.rubrics import load_rubric, resolve_rubric

    path = resolve_rubric(ref)
    return load_rubric(path), path


def _parse_aliases(values: Sequence[str] | None) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for item in values or []:
        if "=" not in item:
            raise CliError("cli.bad_alias", value=item)
        name, others = item.split("=", 1)
        names = [o.strip() for o in others.split(";") if o.strip()]
        if not name.strip() or not names:
            raise CliError("cli.bad_alias", value=item)
        aliases.setdefault(name.strip(), []).extend(names)
    return aliases


def cmd_event_create(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events
    from oaoi_desktop.store.models import RecusalLevel

    rubric, path = _load_rubric_arg(args.rubric)
    aliases = _parse_aliases(args.alias)
    with _open_db(args) as db, db.write() as s:
        event = events.create_event(
            s,
            name=args.name,
            rubric=rubric,
            rubric_source=path.name,
            actor=_operator(args),
            organiser=args.organiser or "",
            venue=args.venue or "",
            starts_on=args.starts_on,
            ends_on=args.ends_on,
            blind_mode=args.blind,
            recusal_level=RecusalLevel(args.recusal_level),
            aliases=aliases,
            timezone=getattr(args, "timezone", None),
        )
        event_id = event.id
    print(event_id)
    return EXIT_OK


def cmd_event_update(args: argparse.Namespace) -> int:
    """``oaoi event update --event ID --timezone WIB|WITA|WIT`` (issue 14)."""
    from oaoi_desktop.services import events

    if args.timezone is None:
        raise CliError("words.cli.nothing_to_update")
    with _open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        events.set_timezone(s, event, args.timezone, actor=_operator(args))
        name, zone = event.name, (event.settings or {}).get("timezone", "WIB")
    print(t("words.cli.event_updated", event=name, zone=zone))
    return EXIT_OK


def cmd_event_list(args: argparse.Namespace) -> int:
    from oaoi_desktop.services.status import summary

    with _open_db(args) as db:
        s = summary(db, actor=getattr(args, "signed_in_actor", None))  # None: a fresh install, nothing to count
    rows = [
        {"id": e.id, "name": e.name, "status": e.status, "rubric": e.rubric_title,
         "dossiers": e.dossiers, "judges": e.judges, "sheets_submitted": e.sheets_submitted}
        for e in s.events
    ]
    columns = ["id", "name", "status", "rubric", "dossiers", "judges", "sheets_submitted"]
    if not rows and args.format == "table":
        print(t("cli.status_no_events"))
        return EXIT_OK
    emit_rows(rows, columns, args.format, _headers())
    return EXIT_OK


def cmd_judge_add(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, events
    from oaoi_desktop.store.models import Role

    secret = _new_pin(args, required=False)
    with _open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        judge = accounts.add_judge(
            s, event, name=args.name, instansi=args.instansi, unit_kerja=args.unit_kerja or "",
            role=Role(args.role), nip=args.nip, secret=secret, actor=_operator(args),
        )
        judge_id = judge.id
    print(judge_id)
    if secret is None:
        print(t("cli.judge_without_pin"), file=sys.stderr)
    return EXIT_OK


def cmd_judge_list(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, events

    with _open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        rows = [
            {"id": j.id, "name": j.name, "role": j.role.value, "instansi": j.instansi, "unit_kerja": j.unit_kerja}
            for j in accounts.judges(s, event)
        ]
    emit_rows(rows, ["id", "name", "role", "instansi", "unit_kerja"], args.format, _headers())
    return EXIT_OK


def cmd_rubric_validate(args: argparse.Namespace) -> int:
    from oaoi_desktop.rubrics import resolve_rubric, validate_rubric_file

    failed = 0
    for name in args.files:
        path = Path(name)
        if not path.exists():
            try:
                path = resolve_rubric(name)  # a built-in name such as kipp-proposal
            except OaoiError:
                pass  # reported below as a missing file, with the name given
        problems = validate_rubric_file(path)
        if problems:
            failed += 1
            for p in problems:
                print(p.render(), file=sys.stderr)
        else:
            print(t("cli.rubric_ok", file=name))
    if failed:
        print(t("cli.rubric_failed", failed=failed, total=len(args.files)), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_rubric_show(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.scoring import number_text as display

    rubric, path = _load_rubric_arg(args.file)
    lang = i18n.current_language()
    print(f"{rubric.title(lang)}  [{rubric.id} {rubric.version}]  sha256 {rubric.sha256()[:16]}…")
    print(t("cli.rubric_summary", pass_mark=display(rubric.pass_mark), method=rubric.aggregation.value,
            tie_breaks=" → ".join(rubric.tie_breaks)))
    for stage in rubric.stages:
        print()
        print(t("cli.rubric_stage", stage=stage.name(lang), id=stage.id, weight=display(stage.weight)))
        rows = []
        for c in stage.criteria:
            notes = []
            if c.comment_required_below is not None:
                notes.append(t("cli.rubric_comment_below", value=display(c.comment_required_below)))
            if c.knockout_below is not None:
                notes.append(t("cli.rubric_knockout_below", value=display(c.knockout_below)))
            rows.append(
                {
                    "id": c.id,
                    "criterion": c.name(lang),
                    "weight": display(c.weight),
                    "scale": f"{display(c.scale_min)}–{display(c.scale_max)}",
                    "levels": ", ".join(
                        (f"{display(lv.min)}" if lv.min == lv.max else f"{display(lv.min)}–{display(lv.max)}")
                        + f" {lv.label(lang)}"
                        for lv in c.levels
                    ),
                    "notes": "; ".join(notes),
                }
            )
        emit_rows(rows, ["id", "criterion", "weight", "scale", "levels", "notes"], args.format, _headers())
    return EXIT_OK


def cmd_rank(args: argparse.Namespace) -> int:
    from oaoi_desktop.domain.rubric import AggregationMethod
    from oaoi_desktop.services import events, ranking

    if getattr(args, "compare", None):  # side-by-side comparison of two methods (cli_secretariat)
        from oaoi_desktop.cli_secretariat import cmd_rank_compare

        return cmd_rank_compare(args)
    group_by = tuple(g.strip() for g in args.group_by.split(",") if g.strip()) if args.group_by else ()
    with _open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        result = ranking.rank_event(
            s, event, group_by=group_by,
            method=AggregationMethod(args.method) if args.method else None,
            stage_id=args.stage, actor=_operator(args),
        )
        rows = ranking.ranking_rows(s, event, result, actor=_operator(args))
        _add_completeness(s, event, args, rows)
    columns = ["group", "rank", "number", "title", "score", "passed", "judges", "judge_totals", "notes", "complete"]
    if args.format == "table":
        from oaoi_desktop.i18n.formats import localise_numbers  # "87,83" in Indonesian; csv/json stay "87.83"

        rows = [{**r, "score": localise_numbers(r["score_display"]),
                 "judge_totals": localise_numbers(r.get("judge_totals") or ""),
                 "complete": r["complete_badge"]} for r in rows]
    else:  # machine-readable: the boolean and the counts, no localised badge
        rows = [{k: v for k, v in r.items() if k != "complete_badge"} for r in rows]
    emit_rows(rows, columns, args.format, _headers())
    return EXIT_OK


def _add_completeness(s: Any, event: Any, args: argparse.Namespace, rows: list[dict[str, Any]]) -> None:
    """Issue 14: each ranked dossier says whether every expected sheet is in (``complete`` column;
    ``sheets_expected``/``sheets_submitted`` in JSON)."""
    from oaoi_desktop.services import completeness

    state = completeness.dossier_completeness(s, event, actor=_operator(args), stage_id=args.stage)
    for r in rows:
        c = state.of(r["dossier_id"])
        r["complete"] = bool(c and c.complete)
        r["sheets_expected"] = c.expected if c else 0
        r["sheets_submitted"] = c.submitted if c else 0
        r["complete_badge"] = c.badge() if c else "-"


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

    db = _open_db(args)
    cancel = threading.Event()
    result: dict[str, Any] = {}
    progress = _import_progress(sys.stderr, args.quiet)

    done = threading.Event()

    def work() -> None:
        try:
            processes = {"auto": None, "yes": True, "no": False}[getattr(args, "processes", "auto")]
            result["report"] = imports.import_paths(db, args.event, args.paths, actor=_operator(args),
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
    parser = _Parser(prog="oaoi", description=t("cli.help.main"), parents=[common_options(None)])
    parser.add_argument("--version", action="version", version=f"oaoi {__version__}", help=t("cli.help.version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def add(container, name: str, help_id: str, func: Callable[[argparse.Namespace], int]):  # type: ignore[no-untyped-def]
        p = container.add_parser(name, help=t(help_id), description=t(help_id), parents=[common])
        p.set_defaults(func=func)
        return p

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=["table", "csv", "json"], default="table", help=t("cli.help.format"))

    add(sub, "init", "cli.help.init", cmd_init)
    p = add(sub, "status", "cli.help.status", cmd_status)
    fmt(p)

    user = sub.add_parser("user", help=t("cli.help.user"), description=t("cli.help.user"), parents=[common])
    user_sub = user.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=_Parser)
    user_sub.required = True
    p = add(user_sub, "add", "cli.help.user_add", cmd_user_add)
    p.add_argument("--role", required=True, choices=["secretariat"], help=t("cli.help.user_role"))
    p.add_argument("--name", required=True, help=t("cli.help.name"))
    p.add_argument("--nip", help=t("cli.help.nip"))
    p.add_argument("--instansi", help=t("cli.help.instansi"))
    p.add_argument("--unit-kerja", help=t("cli.help.unit_kerja"))
    p.add_argument("--new-pin-file", metavar="FILE", help=t("cli.operator.help.new_pin_file"))

    event = sub.add_parser("event", help=t("cli.help.event"), description=t("cli.help.event"), parents=[common])
    event_sub = event.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=_Parser)
    event_sub.required = True
    p = add(event_sub, "create", "cli.help.event_create", cmd_event_create)
    p.add_argument("--name", required=True, help=t("cli.help.event_name"))
    p.add_argument("--rubric", required=True, metavar="FILE", help=t("cli.help.rubric"))
    p.add_argument("--organiser", help=t("cli.help.organiser"))
    p.add_argument("--venue", help=t("cli.help.venue"))
    p.add_argument("--starts-on", type=_date, metavar="YYYY-MM-DD", help=t("cli.help.starts_on"))
    p.add_argument("--ends-on", type=_date, metavar="YYYY-MM-DD", help=t("cli.help.ends_on"))
    p.add_argument("--blind", action="store_true", help=t("cli.help.blind"))
    p.add_argument("--recusal-level", choices=["instansi", "unit_kerja"], default="instansi",
                   help=t("cli.help.recusal_level"))
    p.add_argument("--alias", action="append", metavar="NAME=ALIAS[;ALIAS]", help=t("cli.help.alias"))
    p.add_argument("--timezone", type=str.upper, choices=["WIB", "WITA", "WIT"], help=t("words.cli.help.timezone"))
    p = add(event_sub, "update", "words.cli.help.event_update", cmd_event_update)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--timezone", type=str.upper, choices=["WIB", "WITA", "WIT"], help=t("words.cli.help.timezone"))
    p = add(event_sub, "list", "cli.help.event_list", cmd_event_list)
    fmt(p)

    judge = sub.add_parser("judge", help=t("cli.help.judge"), description=t("cli.help.judge"), parents=[common])
    judge_sub = judge.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=_Parser)
    judge_sub.required = True
    p = add(judge_sub, "add", "cli.help.judge_add", cmd_judge_add)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--name", required=True, help=t("cli.help.name"))
    p.add_argument("--instansi", required=True, help=t("cli.help.instansi"))
    p.add_argument("--unit-kerja", help=t("cli.help.unit_kerja"))
    p.add_argument("--role", required=True, choices=["member", "chair", "shadow"], help=t("cli.help.judge_role"))
    p.add_argument("--nip", help=t("cli.help.nip"))
    p.add_argument("--new-pin-file", metavar="FILE", help=t("cli.operator.help.new_pin_file"))
    p = add(judge_sub, "list", "cli.help.judge_list", cmd_judge_list)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    fmt(p)

    rubric = sub.add_parser("rubric", help=t("cli.help.rubric_group"), description=t("cli.help.rubric_group"),
                            parents=[common])
    rubric_sub = rubric.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=_Parser)
    rubric_sub.required = True
    p = add(rubric_sub, "validate", "cli.help.rubric_validate", cmd_rubric_validate)
    p.add_argument("files", nargs="+", metavar="FILE")
    p = add(rubric_sub, "show", "cli.help.rubric_show", cmd_rubric_show)
    p.add_argument("file", metavar="FILE")
    fmt(p)

    p = add(sub, "rank", "cli.help.rank", cmd_rank)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--group-by", metavar="FIELDS", default="kategori,kelompok", help=t("cli.help.group_by"))
    p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "zscore_mean"], help=t("cli.help.method"))
    p.add_argument("--stage", metavar="STAGE", help=t("cli.help.stage"))
    p.add_argument("--compare", metavar="METHOD", choices=["mean", "median", "trimmed_mean", "zscore_mean"],
                   help=t("rank.cli.help.compare"))
    p.add_argument("--moves", type=int, default=0, metavar="N", help=t("rank.cli.help.moves"))
    fmt(p)

    p = add(sub, "import", "cli.help.import", cmd_import)
    p.add_argument("paths", nargs="+", metavar="PATH", help=t("cli.help.import_paths"))
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--report", metavar="FILE.csv", help=t("cli.help.import_report"))
    p.add_argument("--quiet", action="store_true", help=t("cli.help.import_quiet"))
    p.add_argument("--processes", choices=["auto", "yes", "no"], default="auto",
                   help=t("install.cli.help.import_processes"))
    fmt(p)
    from oaoi_desktop.cli_judging import register as register_judging  # forms, scores, conflicts, pin-slip

    register_judging(sub, add, fmt)
    from oaoi_desktop.cli_secretariat import register as register_secretariat  # assign, export, agreement

    register_secretariat(sub, add, fmt)
    # Later areas, each in its own module with ``register(sub, add, fmt)``; they may
    # extend parsers made above (e.g. ``sub.choices["export"]``).
    import importlib

    for module in EXTENSION_MODULES:
        importlib.import_module(f"oaoi_desktop.{module}").register(sub, add, fmt)
    return parser


EXTENSION_MODULES = (
    "cli_results",  # event finalise|reopen
    "cli_documents",  # export sheets|results|ranking|minutes (PDF documents)
    "cli_signing",  # ca, cert, sign, verify
    "cli_exchange",  # package, bundle (USB exchange between laptops)
    "cli_trust",  # audit verify|export, backup, restore
    "cli_lan",  # lan setup|remove (per-seat PostgreSQL roles)
    "cli_projector",  # rank --sensitivity (leave-one-judge-out)
    "cli_blind",  # blind terms|reports (blind review: the event's terms, leak reports)
    "cli_calib",  # calibration start|report|close|reset|flag, shadow report (issue 17)
    "cli_purge",  # event purge, event update --retention-days (issue 17)
)


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
        from oaoi_desktop.cli_operator import authorise

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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_FAILED", "EXIT_PARTIAL", "ValidationError"]
