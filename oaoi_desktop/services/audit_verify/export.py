"""The audit log as a file: written by :func:`export_event`, verified without a database."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from oaoi_desktop import __version__
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import NotFoundError, OaoiError, ValidationError
from oaoi_desktop.files import write_atomically
from oaoi_desktop.services.audit import GENESIS
from oaoi_desktop.services.audit_verify.chain import Finding, Head, VerifyReport, check_chain, marked_count, marked_finding
from oaoi_desktop.services.audit_verify.replay import check_state, compare, replay
from oaoi_desktop.services.audit_verify.verify import (
    chain_records,
    correction_snapshot,
    event_of,
    labels_for,
    sheet_snapshot,
    stored_head,
)
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import Event

EXPORT_FORMAT = "oaoi-audit-log"
EXPORT_VERSION = 1


def export_event(session: Session, event: Event | uuid.UUID | str, out: Path, *, actor: Any) -> Path:
    """Write the event's log as canonical JSON lines with its head (temp file, then rename).

    Line 1 is the header (format, event, head, counts); then one line per
    entry (its hashed content plus ``hash``); the last line is the store's
    sheets and plenary corrections at export time, so the replay can be
    checked too.  Secrets are never in the log, so never in the file.
    """
    ev = event_of(session, event)
    authorize(session, actor, Action.AUDIT_EXPORT, event=ev)
    chain = str(ev.id)
    records = chain_records(session, chain)
    head = stored_head(session, chain) or Head(0, GENESIS)
    header = {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "app_version": __version__, "chain": chain,
        "event_id": str(ev.id), "event_name": ev.name, "head": {"seq": head.seq, "hash": head.hash},
        "entries": len(records), "exported_at": canonical.normalise(dt.datetime.now(dt.timezone.utc)),
    }
    snapshot = {
        "store": {
            "sheets": {sid: {**s, "scores": {c: {"value_milli": v, "comment": cm} for c, (v, cm) in s["scores"].items()}}
                       for sid, s in sheet_snapshot(session, ev.id).items()},
            "corrections": correction_snapshot(session, ev.id),
            "labels": labels_for(session, ev.id),
        }
    }
    from oaoi_desktop.services import audit_state

    snapshot["store"]["state"] = audit_state.store_state_unchecked(session, ev)
    out = Path(out)

    def write(fh: Any) -> None:
        fh.write(canonical.dumps(header) + b"\n")
        for r in records:
            fh.write(canonical.dumps(r) + b"\n")
        fh.write(canonical.dumps(snapshot) + b"\n")

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(out, write)
    except OSError as exc:
        raise OaoiError("trust.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from exc
    return out


MAX_EXPORT_BYTES = 2 * 1024**3


def read_export(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]:
    """Read an export: header, entry records, store snapshot (``None`` if absent).

    Raises :class:`ValidationError` naming the file and line for anything that
    is not an export of this format.
    """
    path = Path(path)
    name = path.name
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise ValidationError("trust.export.too_large", file=name)
        raw = path.read_bytes()
    except OSError as exc:
        raise NotFoundError("trust.cannot_read", path=str(path), reason=exc.strerror or str(exc)) from exc
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    docs: list[Any] = []
    for number, line in enumerate(lines, 1):
        try:
            docs.append(json.loads(line.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ValidationError("trust.export.bad_line", file=name, line=number) from None
    if not docs or not isinstance(docs[0], dict) or docs[0].get("format") != EXPORT_FORMAT:
        raise ValidationError("trust.export.not_an_export", file=name)
    header = docs[0]
    if header.get("version") != EXPORT_VERSION:
        raise ValidationError("trust.export.version", file=name, version=header.get("version"))
    head = header.get("head")
    if not isinstance(head, dict) or not isinstance(head.get("seq"), int) or not isinstance(head.get("hash"), str):
        raise ValidationError("trust.export.bad_line", file=name, line=1)
    snapshot = None
    body = docs[1:]
    if body and isinstance(body[-1], dict) and "store" in body[-1]:
        snapshot = body.pop()["store"]
        if not isinstance(snapshot, dict):
            raise ValidationError("trust.export.bad_line", file=name, line=len(docs))
    for number, doc in enumerate(body, 2):
        if not isinstance(doc, dict) or not isinstance(doc.get("hash"), str) or "seq" not in doc:
            raise ValidationError("trust.export.bad_line", file=name, line=number)
    return header, body, snapshot


def _store_from_snapshot(snapshot: Mapping[str, Any], name: str) -> tuple[dict[str, dict[str, Any]],
                                                                           dict[str, dict[str, Any]], dict[str, str]]:
    try:
        sheets: dict[str, dict[str, Any]] = {}
        for sid, s in (snapshot.get("sheets") or {}).items():
            sheets[str(sid)] = {**s, "scores": {str(c): (v.get("value_milli"), str(v.get("comment") or ""))
                                                for c, v in (s.get("scores") or {}).items()}}
        corrections = {str(k): dict(v) for k, v in (snapshot.get("corrections") or {}).items()}
        labels = {str(k): str(v) for k, v in (snapshot.get("labels") or {}).items()}
    except (AttributeError, TypeError, ValueError):
        raise ValidationError("trust.export.bad_snapshot", file=name) from None
    return sheets, corrections, labels


def verify_export_file(path: Path, *, expected_head: Head | None = None,
                       expected_digest: str | None = None) -> VerifyReport:
    """Verify an export written by :func:`export_event`, with no database.

    An export that carries the result state (``store.state``, since 0.13) has
    that state replayed and compared too, and ``expected_digest`` checked.
    """
    header, records, snapshot = read_export(Path(path))
    stored = Head(header["head"]["seq"], header["head"]["hash"])
    findings, head = check_chain(records, stored_head=stored, expected_head=expected_head)
    if header.get("entries") != len(records):
        findings.append(Finding("trust.audit.count_differs", {"header": header.get("entries"), "found": len(records)}))
    skipped: list[Finding] = []
    counts = (0, 0, 0)
    digests = ("", "")
    state = snapshot.get("state") if snapshot is not None else None
    if expected_digest is not None and not isinstance(state, dict):
        raise ValidationError("audit.verify.digest_not_in_file")
    if snapshot is not None:
        rep = replay(records)
        skipped = list(rep.skipped)
        sheets, corrections, labels = _store_from_snapshot(snapshot, Path(path).name)
        more, *counts_ = compare(rep, sheets, corrections, labels)
        findings += more
        counts = tuple(counts_)  # type: ignore[assignment]
        if isinstance(state, dict):
            try:
                problems, warnings, *digests = check_state(records, rep, state, labels, expected_digest)
            except (AttributeError, TypeError, ValueError, KeyError, IndexError, RecursionError):
                raise ValidationError("trust.export.bad_snapshot", file=Path(path).name) from None
            findings += problems
            skipped += warnings
    skipped += marked_finding(records)
    return VerifyReport(str(header.get("chain", "")), str(header.get("event_name", "")), len(records), head,
                        tuple(findings), tuple(skipped), *counts, state_checked=bool(digests[0]),
                        digest=digests[0], logged_digest=digests[1], marked=marked_count(records))


__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "MAX_EXPORT_BYTES", "export_event", "read_export", "verify_export_file"]
