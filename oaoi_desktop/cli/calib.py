"""``oaoi calibration ...`` and ``oaoi shadow report`` (issue 17: panel practice).

* ``oaoi calibration start --event ID [--dossier NUM ...] [--stage S]`` — flag the
  given proposals (if any) and assign every calibration proposal to every active judge.
* ``oaoi calibration report --event ID [--format table|csv|json] [--pdf FILE]`` — each
  judge's score per criterion against the panel median, with the level descriptors.
* ``oaoi calibration reset --event ID --dossier NUM --judge J --reason TEXT`` — send a
  judge's calibration sheet back to draft after the discussion.
* ``oaoi calibration close --event ID`` — end and record the round (the Berita Acara lists it).
* ``oaoi calibration flag --event ID --dossier NUM ... [--off]`` — flag / unflag only.
* ``oaoi shadow assign --event ID --judge S [--follow MENTOR] [--dossier NUM ...]`` — a shadow
  judge's proposals (automatic assignment never assigns or counts a shadow).
* ``oaoi shadow report --event ID [--format ...] [--pdf FILE]`` — the "laporan penilai magang".
* ``oaoi user add --role shadow --event ID ...`` — a shadow judge (same as ``oaoi judge add --role shadow``).

Every command needs the secretariat signed in (``cli.operator``: not listed, so fail closed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oaoi_desktop.cli.basics import cmd_judge_add
from oaoi_desktop.cli.common import EXIT_OK, CliError, emit_rows, open_db, operator, print_json
from oaoi_desktop.i18n import t


def cmd_calibration_start(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import calibration, events

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        result = calibration.start_round(s, event, actor=operator(args), dossiers=args.dossier or (),
                                         stage_id=args.stage)
    if args.format == "json":
        print_json({"dossiers": list(result.dossiers), "added": result.added, "judges": result.judges,
                    "skipped": [{"dossier": d, "judge": j} for d, j in result.skipped]})
        return EXIT_OK
    print(t("calib.cli.started", count=len(result.dossiers), dossiers=", ".join(result.dossiers),
            judges=result.judges, added=result.added))
    for d, j in result.skipped:
        print(t("calib.cli.skipped", judge=j, dossier=d))
    return EXIT_OK


def cmd_calibration_flag(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import calibration, events

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        changed = calibration.flag_dossiers(s, event, args.dossier, actor=operator(args),
                                            calibration=not args.off)
        numbers = [d.number for d in changed]
    print(t("calib.cli.unflagged" if args.off else "calib.cli.flagged", dossiers=", ".join(numbers) or "-"))
    return EXIT_OK


def cmd_calibration_close(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import calibration, events

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        state = calibration.close_round(s, event, actor=operator(args))
        record = dict((event.settings or {}).get("calibration") or {})
    if args.format == "json":
        print_json({"started_at": state.started_at, "closed_at": state.closed_at,
                    "dossiers": list(state.dossiers), "sheets_submitted": record.get("sheets_submitted", 0),
                    "judges": record.get("judges", 0)})
        return EXIT_OK
    print(t("calib.cli.closed", dossiers=len(state.dossiers), sheets=record.get("sheets_submitted", 0)))
    return EXIT_OK


def cmd_calibration_reset(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import calibration, events

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        calibration.reset_sheet(s, event, args.dossier, args.judge, reason=args.reason, actor=operator(args),
                                stage_id=args.stage)
    print(t("calib.cli.reset", judge=args.judge, dossier=args.dossier))
    return EXIT_OK


REPORT_COLUMNS = ["dossier", "criterion", "judge", "role", "score", "median", "deviation", "level", "status"]


def cmd_calibration_report(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import calibration, events

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        report = calibration.report(s, event, actor=operator(args))
        event_id = str(event.id)
    data = report.to_json()
    if args.pdf:
        from oaoi_desktop.reports.practice import calibration_document, write_practice_pdf

        path = write_practice_pdf(calibration_document(report, event_id), Path(args.pdf))
        print(t("calib.cli.pdf_written", path=str(path)), file=sys.stderr)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    rows = [{"dossier": d["number"], "criterion": c["criterion"], "judge": sc["judge"], "role": sc["role"],
             "score": sc["score"] or "", "median": c["median"] or "", "deviation": sc["deviation"] or "",
             "level": sc["level"], "status": sc["status"]}
            for d in data["dossiers"] for c in d["criteria"] for sc in c["scores"]]
    headers = {k: t(f"calib.col.{k}") for k in REPORT_COLUMNS}
    emit_rows(rows, REPORT_COLUMNS, args.format, headers if args.format == "table" else None)
    return EXIT_OK


SHADOW_COLUMNS = ["judge", "dossier", "shadow_total", "panel_mean", "panel_judges", "deviation"]


def cmd_shadow_report(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, shadow

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        report = shadow.report(s, event, actor=operator(args), stage_id=args.stage)
        event_id = str(event.id)
    data = report.to_json()
    if args.pdf:
        from oaoi_desktop.reports.practice import shadow_document, write_practice_pdf

        path = write_practice_pdf(shadow_document(report, event_id), Path(args.pdf))
        print(t("calib.cli.pdf_written", path=str(path)), file=sys.stderr)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    if not data["shadow_judges"]:
        print(t("shadow.cli.none"))
        return EXIT_OK
    rows = [{"judge": j["judge"], "dossier": d["dossier"], "shadow_total": d["shadow_total"],
             "panel_mean": d["panel_mean"] or "", "panel_judges": d["panel_judges"], "deviation": d["deviation"] or ""}
            for j in data["shadow_judges"] for d in j["dossiers"]]
    headers = {k: t(f"shadow.col.{k}") for k in SHADOW_COLUMNS}
    emit_rows(rows, SHADOW_COLUMNS, args.format, headers if args.format == "table" else None)
    if args.format == "table":
        for j in data["shadow_judges"]:
            print(f"{j['judge']}: {t('shadow.col.mad')} {j['mean_absolute_deviation'] or '–'}; "
                  f"{t('shadow.col.spearman')} {j['spearman'] or '–'}; {t('shadow.col.compared')} {j['compared']}")
    return EXIT_OK


def cmd_shadow_assign(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, shadow

    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        result = shadow.assign_shadow(s, event, args.judge, actor=operator(args), follow=args.follow,
                                      dossiers=args.dossier or (), stage_id=args.stage)
    if args.format == "json":
        print_json({"judge": result.judge, "added": list(result.added), "skipped": list(result.skipped)})
        return EXIT_OK
    print(t("shadow.cli.assigned", judge=result.judge, count=len(result.added), dossiers=", ".join(result.added) or "-"))
    for number in result.skipped:
        print(t("calib.cli.skipped", judge=result.judge, dossier=number))
    return EXIT_OK


def _user_add(original: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``oaoi user add --role shadow --event ID``: a shadow judge on the event's roster."""

    def run(args: argparse.Namespace) -> int:
        if args.role != "shadow":
            return original(args)
        if not getattr(args, "event", None) or not getattr(args, "instansi", None):
            raise CliError("cli.user_add_shadow_needs_event")
        return cmd_judge_add(args)

    return run


def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    group = add(subparsers, "calibration", "calib.cli.help.group", _needs_subcommand)
    calib_sub = group.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(group))
    calib_sub.required = True

    def event_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))

    p = add(calib_sub, "start", "calib.cli.help.start", cmd_calibration_start)
    event_arg(p)
    p.add_argument("--dossier", action="append", metavar="NUM", help=t("calib.cli.help.dossier"))
    p.add_argument("--stage", metavar="STAGE", help=t("calib.cli.help.stage"))
    fmt(p)
    p = add(calib_sub, "report", "calib.cli.help.report", cmd_calibration_report)
    event_arg(p)
    p.add_argument("--pdf", metavar="FILE", help=t("calib.cli.help.pdf"))
    fmt(p)
    p = add(calib_sub, "close", "calib.cli.help.close", cmd_calibration_close)
    event_arg(p)
    fmt(p)
    p = add(calib_sub, "reset", "calib.cli.help.reset", cmd_calibration_reset)
    event_arg(p)
    p.add_argument("--dossier", required=True, metavar="NUM", help=t("calib.cli.help.dossier"))
    p.add_argument("--judge", required=True, metavar="J", help=t("calib.cli.help.judge"))
    p.add_argument("--reason", required=True, help=t("calib.cli.help.reason"))
    p.add_argument("--stage", metavar="STAGE", help=t("calib.cli.help.stage"))
    p = add(calib_sub, "flag", "calib.cli.help.flag", cmd_calibration_flag)
    event_arg(p)
    p.add_argument("--dossier", required=True, action="append", metavar="NUM", help=t("calib.cli.help.dossier"))
    p.add_argument("--off", action="store_true", help=t("calib.cli.help.off"))

    group = add(subparsers, "shadow", "shadow.cli.help.group", _needs_subcommand)
    shadow_sub = group.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(group))
    shadow_sub.required = True
    p = add(shadow_sub, "assign", "shadow.cli.help.assign", cmd_shadow_assign)
    event_arg(p)
    p.add_argument("--judge", required=True, metavar="J", help=t("calib.cli.help.judge"))
    p.add_argument("--follow", metavar="J", help=t("shadow.cli.help.follow"))
    p.add_argument("--dossier", action="append", metavar="NUM", help=t("calib.cli.help.dossier"))
    p.add_argument("--stage", metavar="STAGE", help=t("calib.cli.help.stage"))
    fmt(p)
    p = add(shadow_sub, "report", "shadow.cli.help.report", cmd_shadow_report)
    event_arg(p)
    p.add_argument("--pdf", metavar="FILE", help=t("calib.cli.help.pdf"))
    p.add_argument("--stage", metavar="STAGE", help=t("calib.cli.help.stage"))
    fmt(p)

    # oaoi user add --role shadow --event ID: the shadow judge's other door (issue 17)
    user_add = subparsers.choices["user"].subcommands.choices["add"]
    role = user_add.arguments["role"]  # widen the --role choices in place
    role.choices = [*role.choices, "shadow"]
    user_add.add_argument("--event", metavar="ID", help=t("cli.help.event_ref"))
    user_add.set_defaults(func=_user_add(user_add.get_default("func")))


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires a subcommand
    return 2


__all__ = ["register"]
