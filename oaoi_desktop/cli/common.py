"""What every ``oaoi`` command area uses: the exit codes, :class:`CliError`, the
parser class, the output helpers (:func:`emit_rows`, :func:`print_json`), the
secrets (:func:`read_secret`, :func:`new_pin`), the database (:func:`open_db`)
and the signed-in person (:func:`operator`).

Area modules import this module, never the package's ``__init__`` (which
imports every area to build the parser).
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
from pathlib import Path
from typing import Any, NoReturn

from oaoi_desktop import i18n
from oaoi_desktop.errors import OaoiError
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


class Parser(argparse.ArgumentParser):
    """argparse that exits 1 on bad arguments (our rule), not 2.

    It keeps what an area needs to extend a parser made by another area:
    :attr:`subcommands` (the object ``add_subparsers`` returned) and
    :attr:`arguments` (each option's action by ``dest``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.subcommands: Any = None
        self.arguments: dict[str, argparse.Action] = {}
        super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        self.subcommands = super().add_subparsers(**kwargs)
        return self.subcommands

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        self.arguments[action.dest] = action
        return action

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



def print_json(doc: Any) -> None:
    """``--format json`` of a whole document: canonical numbers, UTF-8 kept, indented."""
    from oaoi_desktop.domain import canonical

    print(json.dumps(canonical.normalise(doc), ensure_ascii=False, indent=2))


def headers() -> dict[str, str]:
    """The localised column titles of the common table columns."""
    keys = ["id", "name", "status", "dossiers", "judges", "sheets_submitted", "rubric", "role",
            "instansi", "unit_kerja", "criterion", "weight", "scale", "levels", "stage",
            "rank", "number", "title", "group", "score", "passed", "judge_totals", "notes", "complete"]
    return {k: t(f"cli.col.{k}") for k in keys}


def group_by_fields(args: argparse.Namespace) -> tuple[str, ...]:
    """``--group-by kategori,kelompok`` as a tuple of field names."""
    return tuple(g.strip() for g in (args.group_by or "").split(",") if g.strip())


def secret_from_file(path: str, *, short_reason: bool = False) -> str:
    """The PIN or passphrase in ``path`` (its line ending dropped); :class:`CliError` when the file
    cannot be read (``short_reason``: the system's reason only) or holds nothing."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = (getattr(exc, "strerror", None) or type(exc).__name__) if short_reason else str(exc)
        raise CliError("cli.cannot_read_file", path=path, reason=reason) from exc
    secret = text.strip("\r\n")
    if not secret:
        raise CliError("cli.empty_secret_file", path=path)
    return secret


def prompt_secret(prompt_id: str, *, confirm: bool) -> str:
    """A PIN or passphrase typed at the terminal (twice when ``confirm``; the two must match)."""
    first = getpass.getpass(t(prompt_id) + ": ")
    if confirm:
        second = getpass.getpass(t("cli.prompt_repeat") + ": ")
        if first != second:
            raise CliError("cli.secrets_differ")
    return first


def read_secret(args: argparse.Namespace, *, file_attr: str, env: str, prompt_id: str, required: bool) -> str | None:
    """A PIN or passphrase from a file, a terminal prompt, or the environment."""
    path = getattr(args, file_attr, None)
    if path:
        return secret_from_file(path)
    if sys.stdin is not None and sys.stdin.isatty():
        return prompt_secret(prompt_id, confirm=True)
    value = os.environ.get(env)
    if value:
        return value
    if required:
        raise CliError("cli.secret_required", file_option="--" + file_attr.replace("_", "-"), env=env)
    return None


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=value)) from None



def command_path(args: argparse.Namespace) -> tuple[str, ...]:
    """``("scores", "unlock")`` for ``oaoi scores unlock ...``."""
    path = [args.command]
    sub = getattr(args, "subcommand", None)
    if sub:
        path.append(sub)
    return tuple(path)


def command_text(args: argparse.Namespace) -> str:
    return "oaoi " + " ".join(command_path(args))


def operator(args: argparse.Namespace) -> Any:
    """The signed-in person this command acts as (see :mod:`oaoi_desktop.cli.operator`); refused when nobody did."""
    actor = getattr(args, "signed_in_actor", None)
    if actor is None or actor.user_id is None:
        raise CliError("cli.operator.required", command=command_text(args))
    return actor


def new_pin(args: argparse.Namespace, *, required: bool, first_account: bool = False) -> str | None:
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


def open_db(args: argparse.Namespace) -> Any:
    """The database named by ``--db`` / ``OAOI_DB`` / the saved setting, opened (and migrated)."""
    from oaoi_desktop.store.database import Database

    return Database.open(args.db)



__all__ = [
    "EXIT_FAILED", "EXIT_OK", "EXIT_PARTIAL", "CliError", "Parser", "command_path", "command_text", "emit_rows",
    "group_by_fields", "headers", "new_pin", "open_db", "operator", "parse_date", "print_json", "prompt_secret", "read_secret",
    "secret_from_file",
]
