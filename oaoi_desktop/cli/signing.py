"""Signatures: ``oaoi ca create|show``, ``oaoi cert issue|import``, ``oaoi sign``, ``oaoi verify``.

* ``oaoi ca create --event ID`` — the event's certificate authority; its key is
  encrypted with the secretariat's passphrase (``--passphrase-file``, a
  terminal prompt asked twice, or ``OAOI_PASSPHRASE``).
* ``oaoi ca show --event ID`` — the authority's certificate (PEM) on stdout, to
  give to anyone who verifies outside the venue (``oaoi verify --trust``).
* ``oaoi cert issue --event ID --judge J`` — two secrets: the CA passphrase
  (``--ca-passphrase-file``, a prompt, or ``OAOI_CA_PASSPHRASE``) and the
  judge's OWN new passphrase, typed by the judge (``--passphrase-file``, a
  prompt asked twice, or ``OAOI_PASSPHRASE``).
* ``oaoi cert import --event ID --judge J FILE.p12`` — the file's passphrase
  (``--passphrase-file``, a prompt, or ``OAOI_PASSPHRASE``) stays its passphrase.
* ``oaoi sign FILE... --judge J [--event ID]`` — one passphrase for the whole
  batch; exit 0 when every file was signed, 2 when some were not, 1 when none.
* ``oaoi verify FILE.pdf... [--format json] [--trust CA.pem] [--offline]`` —
  exit 1 when any check of any file fails.

Secrets never come from the command line and never reach the output.
"""

from __future__ import annotations

import argparse
import json
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


def _secret(args: argparse.Namespace, *, file_attr: str, env: str, prompt_id: str, confirm: bool) -> str:
    """A passphrase from ``--<file_attr>``, a terminal prompt (twice when ``confirm``), or ``env``."""
    path = getattr(args, file_attr, None)
    option = "--" + file_attr.replace("_", "-")
    if path:
        return secret_from_file(path, short_reason=True)
    if sys.stdin is not None and sys.stdin.isatty():
        return prompt_secret(prompt_id, confirm=confirm)
    value = os.environ.get(env)
    if value:
        return value
    raise CliError("signing.cli.secret_required", file_option=option, env=env)


# -- ca ------------------------------------------------------------------------------
def cmd_ca_create(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events
    from oaoi_desktop.services import keys

    secret = _secret(args, file_attr="passphrase_file", env="OAOI_PASSPHRASE",
                     prompt_id="signing.cli.prompt_ca_new", confirm=True)
    with open_db(args) as db, db.write() as s:
        event = events.get_event(s, args.event)
        row = keys.create_authority(s, event.id, secret, operator(args))
        message = t("signing.cli.ca_created", event=event.name, subject=row.subject, fingerprint=row.fingerprint)
    print(message)
    return EXIT_OK


def cmd_ca_show(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events
    from oaoi_desktop.signing import pki

    with open_db(args) as db, db.read() as s:
        event = events.get_event(s, args.event)
        cert = pki.authority_certificate(s, event.id)
        if cert is None:
            from oaoi_desktop.errors import NotFoundError

            raise NotFoundError("signing.no_authority", event=event.name)
    sys.stdout.write(pki.cert_pem(cert))
    return EXIT_OK


# -- cert ------------------------------------------------------------------------------
def cmd_cert_issue(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, signatures
    from oaoi_desktop.services import keys

    with open_db(args) as db:
        with db.read() as s:  # name the judge (and fail early) before asking for secrets
            event = events.get_event(s, args.event)
            person = signatures.find_person(s, event, args.judge)
            event_id, person_id, person_name = event.id, person.id, person.name
        ca_secret = _secret(args, file_attr="ca_passphrase_file", env="OAOI_CA_PASSPHRASE",
                            prompt_id="signing.cli.prompt_ca", confirm=False)
        judge_secret = _secret(args, file_attr="passphrase_file", env="OAOI_PASSPHRASE",
                               prompt_id="signing.cli.prompt_judge_new", confirm=True)
        with db.write() as s:
            cred = keys.issue_judge_certificate(s, event_id, person_id, ca_secret, judge_secret, operator(args))
            message = t("signing.cli.cert_issued", name=person_name, serial=cred.serial,
                        not_after=cred.not_after.date().isoformat())
    print(message)
    return EXIT_OK


def cmd_cert_import(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import events, signatures
    from oaoi_desktop.services import keys

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise CliError("cli.cannot_read_file", path=args.file, reason=exc.strerror or str(exc)) from exc
    with open_db(args) as db:
        with db.read() as s:
            event = events.get_event(s, args.event)
            person = signatures.find_person(s, event, args.judge)
            event_id, person_id, person_name = event.id, person.id, person.name
        secret = _secret(args, file_attr="passphrase_file", env="OAOI_PASSPHRASE",
                         prompt_id="signing.cli.prompt_p12", confirm=False)
        with db.write() as s:
            cred = keys.import_judge_certificate(s, event_id, person_id, data, secret, operator(args))
            message = t("signing.cli.cert_imported", name=person_name, issuer=cred.issuer, serial=cred.serial)
    print(message)
    return EXIT_OK


# -- sign ------------------------------------------------------------------------------
def cmd_sign(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import signatures

    secret = _secret(args, file_attr="passphrase_file", env="OAOI_PASSPHRASE",
                     prompt_id="signing.cli.prompt_sign", confirm=False)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, path: Path) -> None:
        if tty:
            print(f"\r{done}/{total} {path.name[:60]:<60}", end="", file=sys.stderr, flush=True)

    with open_db(args) as db:
        outcomes = signatures.sign_files(db, [Path(p) for p in args.files], judge=args.judge, passphrase=secret,
                                         actor=operator(args), event=args.event, progress=progress)
    if tty:
        print(file=sys.stderr)
    signed = [o for o in outcomes if o.ok]
    for o in outcomes:
        print(o.message, file=sys.stdout if o.ok else sys.stderr)
    print(t("signing.cli.sign_summary", signed=len(signed), total=len(outcomes)))
    if len(signed) == len(outcomes):
        return EXIT_OK
    return EXIT_PARTIAL if signed else EXIT_FAILED


# -- verify ------------------------------------------------------------------------------
MARKS = {"ok": "[OK]", "fail": "[GAGAL]", "not_checkable": "[?]"}
MARKS_EN = {"ok": "[OK]", "fail": "[FAIL]", "not_checkable": "[?]"}


def _mark(status: str) -> str:
    from oaoi_desktop.i18n import current_language

    return (MARKS if current_language() == "id" else MARKS_EN)[status]


def _kind_title(kind: str) -> str:
    """The document kind in words (the documents catalogue's title), else the code."""
    from oaoi_desktop.i18n import all_messages

    key = f"documents.title.{kind}"
    return t(key) if kind and key in all_messages() else (kind or "-")


def print_report(report: Any, out: Any = None) -> None:
    out = out or sys.stdout
    verdict = t("signing.cli.verdict_ok") if report.ok else t("signing.cli.verdict_fail")
    print(f"{report.path}: {verdict}", file=out)
    if report.document_number:
        print("  " + t("signing.cli.document", number=report.document_number, kind=_kind_title(report.kind)),
              file=out)
    if report.event_id:
        print("  " + t("signing.cli.event", event=report.event_name or report.event_id), file=out)
    for c in report.checks:
        print(f"  {_mark(c.status)} {c.message}", file=out)
    for i, sig in enumerate(report.signatures, 1):
        when = sig.signing_time.isoformat(timespec="seconds") if sig.signing_time else "-"
        print("  " + t("signing.cli.signature", n=i, signer=sig.signer, time=when, field=sig.field_name), file=out)
        for c in sig.checks:
            print(f"    {_mark(c.status)} {c.message}", file=out)
    if report.empty_fields:
        print("  " + t("signing.cli.unsigned_fields", count=len(report.empty_fields)), file=out)


def _load_trust(paths: list[str] | None) -> list[Any]:
    from oaoi_desktop.signing import pki

    certs: list[Any] = []
    for p in paths or []:
        try:
            data = Path(p).read_bytes()
            if b"-----BEGIN" in data:
                certs.extend(pki.certs_from_pem(data))
            else:
                from cryptography import x509

                certs.append(x509.load_der_x509_certificate(data))
        except OSError as exc:
            raise CliError("cli.cannot_read_file", path=p, reason=exc.strerror or str(exc)) from exc
        except ValueError as exc:
            raise CliError("signing.cli.bad_trust_file", path=p) from exc
    return certs


def cmd_verify(args: argparse.Namespace) -> int:
    from oaoi_desktop.services import signatures

    trusted = _load_trust(args.trust)
    reports = []
    if args.offline:
        reports = [signatures.verify_file(None, Path(p), trusted) for p in args.files]
    else:
        with open_db(args) as db, db.read() as s:
            reports = [signatures.verify_file(s, Path(p), trusted) for p in args.files]
    if args.format == "json":
        print(json.dumps({"ok": all(r.ok for r in reports), "files": [r.to_json() for r in reports]},
                         ensure_ascii=False, indent=2))
    elif args.format == "csv":
        rows = []
        for r in reports:
            for sig in r.signatures or [None]:
                rows.append({
                    "file": str(r.path), "file_ok": r.ok, "document_number": r.document_number,
                    "fingerprint": r.fingerprint.status if r.fingerprint else "",
                    "field": sig.field_name if sig else "", "signer": sig.signer if sig else "",
                    "signing_time": sig.signing_time.isoformat() if sig and sig.signing_time else "",
                    **{name: (sig.check(name).status if sig and sig.check(name) else "")
                       for name in ("intact", "unchanged_after", "authority", "registered", "field_owner")},
                    "registered_judge": (sig.registered_judge or "") if sig else "",
                })
        emit_rows(rows, ["file", "file_ok", "document_number", "fingerprint", "field", "signer", "signing_time",
                         "intact", "unchanged_after", "authority", "registered", "field_owner",
                         "registered_judge"], "csv")
    else:
        for r in reports:
            print_report(r)
    return EXIT_OK if all(r.ok for r in reports) else EXIT_FAILED


def _needs_subcommand(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires one
    return EXIT_FAILED


# -- parser ------------------------------------------------------------------------------
def register(subparsers: Any, add: Callable[..., argparse.ArgumentParser],
             fmt: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's commands to the ``oaoi`` parser (``add``/``fmt`` from ``build_parser``)."""
    def group(name: str, help_id: str) -> Any:
        parent = add(subparsers, name, help_id, _needs_subcommand)
        sub = parent.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", parser_class=type(parent))
        sub.required = True
        return sub

    ca = group("ca", "signing.cli.help.ca")
    p = add(ca, "create", "signing.cli.help.ca_create", cmd_ca_create)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("signing.cli.help.ca_passphrase_new"))
    p = add(ca, "show", "signing.cli.help.ca_show", cmd_ca_show)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))

    cert = group("cert", "signing.cli.help.cert")
    p = add(cert, "issue", "signing.cli.help.cert_issue", cmd_cert_issue)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--judge", required=True, metavar="J", help=t("signing.cli.help.judge"))
    p.add_argument("--ca-passphrase-file", metavar="FILE", help=t("signing.cli.help.ca_passphrase"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("signing.cli.help.judge_passphrase_new"))
    p = add(cert, "import", "signing.cli.help.cert_import", cmd_cert_import)
    p.add_argument("--event", required=True, metavar="ID", help=t("cli.help.event_ref"))
    p.add_argument("--judge", required=True, metavar="J", help=t("signing.cli.help.judge"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("signing.cli.help.p12_passphrase"))
    p.add_argument("file", metavar="FILE.p12")

    p = add(subparsers, "sign", "signing.cli.help.sign", cmd_sign)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--judge", required=True, metavar="J", help=t("signing.cli.help.judge"))
    p.add_argument("--event", metavar="ID", help=t("signing.cli.help.sign_event"))
    p.add_argument("--passphrase-file", metavar="FILE", help=t("signing.cli.help.sign_passphrase"))

    p = add(subparsers, "verify", "signing.cli.help.verify", cmd_verify)
    p.add_argument("files", nargs="+", metavar="FILE.pdf")
    p.add_argument("--trust", action="append", metavar="CA.pem", help=t("signing.cli.help.trust"))
    p.add_argument("--offline", action="store_true", help=t("signing.cli.help.offline"))
    fmt(p)


__all__ = ["register"]
