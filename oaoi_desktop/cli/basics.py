"""The first commands of a day: ``oaoi init``, ``status``, ``user add``, ``event create|update|list``,
``judge add|list``, ``rubric validate|show``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from oaoi_desktop import __version__, i18n
from oaoi_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    Parser,
    emit_rows,
    headers,
    new_pin,
    open_db,
    operator,
    parse_date,
)
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n import t


def cmd_init(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        print(t("cli.init_done", database=db.display_name))
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from oaoi_desktop.services.status import summary

    with open_db(args) as db:
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
    emit_rows(rows, ["id", "name", "status", "dossiers", "judges", "sheets_submitted"], "table", headers())
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, auth

    if args.role != "secretariat":
        raise CliError("cli.user_add_role")
    first = getattr(args, "signed_in_actor", None) is None  # nobody signed in: the first secretariat account
    secret = new_pin(args, required=True, first_account=first)
    assert secret is not None
    code = None
    with open_db(args) as db, db.write() as s:
        if first:  # refused by the service once an active secretariat account exists
            user, code = auth.setup_secretariat(s, name=args.name, secret=secret, nip=args.nip,
                                                instansi=args.instansi or "", unit_kerja=args.unit_kerja or "")
        else:
            user = accounts.add_secretariat(
                s, name=args.name, secret=secret, actor=operator(args), nip=args.nip,
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
    with open_db(args) as db, db.write() as s:
        event = events.create_event(
            s,
            name=args.name,
            rubric=rubric,
            rubric_source=path.name,
            actor=operator(args),
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
    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        events.set_timezone(s, event, args.timezone, actor=operator(args))
        name, zone = event.name, (event.settings or {}).get("timezone", "WIB")
    print(t("words.cli.event_updated", event=name, zone=zone))
    return EXIT_OK


def cmd_event_list(args: argparse.Namespace) -> int:
    from oaoi_desktop.services.status import summary

    with open_db(args) as db:
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
    emit_rows(rows, columns, args.format, headers())
    return EXIT_OK


def cmd_judge_add(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, events
    from oaoi_desktop.store.models import Role

    secret = new_pin(args, required=False)
    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        judge = accounts.add_judge(
            s, event, name=args.name, instansi=args.instansi, unit_kerja=args.unit_kerja or "",
            role=Role(args.role), nip=args.nip, secret=secret, actor=operator(args),
        )
        judge_id = judge.id
    print(judge_id)
    if secret is None:
        print(t("cli.judge_without_pin"), file=sys.stderr)
    return EXIT_OK


def cmd_judge_list(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import accounts, events

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        rows = [
            {"id": j.id, "name": j.name, "role": j.role.value, "instansi": j.instansi, "unit_kerja": j.unit_kerja}
            for j in accounts.judges(s, event)
        ]
    emit_rows(rows, ["id", "name", "role", "instansi", "unit_kerja"], args.format, headers())
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
        emit_rows(rows, ["id", "criterion", "weight", "scale", "levels", "notes"], args.format, headers())
    return EXIT_OK


def register(sub: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    add(sub, "init", "cli.help.init", cmd_init)
    p = add(sub, "status", "cli.help.status", cmd_status)
    fmt(p)

    user = add(sub, "user", "cli.help.user")
    user_sub = user.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=Parser)
    user_sub.required = True
    p = add(user_sub, "add", "cli.help.user_add", cmd_user_add)
    p.add_argument("--role", required=True, choices=["secretariat"], help=t("cli.help.user_role"))
    p.add_argument("--name", required=True, help=t("cli.help.name"))
    p.add_argument("--nip", help=t("cli.help.nip"))
    p.add_argument("--instansi", help=t("cli.help.instansi"))
    p.add_argument("--unit-kerja", help=t("cli.help.unit_kerja"))
    p.add_argument("--new-pin-file", metavar="FILE", help=t("cli.operator.help.new_pin_file"))

    event = add(sub, "event", "cli.help.event")
    event_sub = event.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=Parser)
    event_sub.required = True
    p = add(event_sub, "create", "cli.help.event_create", cmd_event_create)
    p.add_argument("--name", required=True, help=t("cli.help.event_name"))
    p.add_argument("--rubric", required=True, metavar="FILE", help=t("cli.help.rubric"))
    p.add_argument("--organiser", help=t("cli.help.organiser"))
    p.add_argument("--venue", help=t("cli.help.venue"))
    p.add_argument("--starts-on", type=parse_date, metavar="YYYY-MM-DD", help=t("cli.help.starts_on"))
    p.add_argument("--ends-on", type=parse_date, metavar="YYYY-MM-DD", help=t("cli.help.ends_on"))
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

    judge = add(sub, "judge", "cli.help.judge")
    judge_sub = judge.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=Parser)
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

    rubric = add(sub, "rubric", "cli.help.rubric_group")
    rubric_sub = rubric.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=Parser)
    rubric_sub.required = True
    p = add(rubric_sub, "validate", "cli.help.rubric_validate", cmd_rubric_validate)
    p.add_argument("files", nargs="+", metavar="FILE")
    p = add(rubric_sub, "show", "cli.help.rubric_show", cmd_rubric_show)
    p.add_argument("file", metavar="FILE")
    fmt(p)


__all__ = [
    "cmd_event_create", "cmd_event_list", "cmd_event_update", "cmd_init", "cmd_judge_add", "cmd_judge_list",
    "cmd_rubric_show", "cmd_rubric_validate", "cmd_status", "cmd_user_add", "register",
]
