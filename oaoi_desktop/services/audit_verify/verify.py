"""Verifying the chains kept in the store: an event's (with its replay), the global one, all of them."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.audit import GENESIS, GLOBAL_CHAIN
from oaoi_desktop.services.audit_verify.chain import (
    Finding,
    Head,
    VerifyReport,
    check_chain,
    entry_record,
    marked_count,
    marked_finding,
)
from oaoi_desktop.services.audit_verify.replay import check_state, compare, replay
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import (
    AuditEntry,
    AuditHead,
    Dossier,
    Event,
    PlenaryAdjustment,
    RubricVersion,
    Score,
    ScoreSheet,
    User,
)


def chain_records(session: Session, chain: str) -> list[dict[str, Any]]:
    return [entry_record(e) for e in session.scalars(
        select(AuditEntry).where(AuditEntry.chain == chain).order_by(AuditEntry.seq))]


def stored_head(session: Session, chain: str) -> Head | None:
    row = session.get(AuditHead, chain)
    return Head(row.seq, row.hash) if row is not None else None


def sheet_snapshot(session: Session, event_id: uuid.UUID) -> dict[str, dict[str, Any]]:
    """The event's sheets as stored: sheet id → dossier, judge, stage, status and scores (milli, comment)."""
    out: dict[str, dict[str, Any]] = {}
    for sheet in session.scalars(select(ScoreSheet).where(ScoreSheet.event_id == event_id)):
        out[str(sheet.id)] = {"dossier_id": str(sheet.dossier_id), "judge_id": str(sheet.judge_id),
                              "stage_id": sheet.stage_id, "status": sheet.status.value, "scores": {}}
    if out:
        rows = session.execute(
            select(Score.sheet_id, Score.criterion_id, Score.value_milli, Score.comment)
            .join(ScoreSheet, ScoreSheet.id == Score.sheet_id).where(ScoreSheet.event_id == event_id))
        for sheet_id, cid, value, comment in rows:
            out[str(sheet_id)]["scores"][cid] = (value, comment or "")
    return out


def correction_snapshot(session: Session, event_id: uuid.UUID) -> dict[str, dict[str, Any]]:
    rows = session.scalars(select(PlenaryAdjustment).where(PlenaryAdjustment.event_id == event_id,
                                                           PlenaryAdjustment.kind == "score_corrected"))
    return {str(a.id): canonical.normalise({
        "dossier_id": a.dossier_id, "judge_id": a.judge_id, "criterion_id": a.criterion_id,
        "value_milli": a.value_milli, "original_milli": a.original_milli, "withdrawn_at": a.withdrawn_at,
    }) for a in rows}


def labels_for(session: Session, event_id: uuid.UUID) -> dict[str, str]:
    labels = {str(i): n for i, n in session.execute(select(Dossier.id, Dossier.number).where(
        Dossier.event_id == event_id))}
    labels |= {str(i): n for i, n in session.execute(select(User.id, User.name).where(User.event_id == event_id))}
    ev = session.get(Event, event_id)
    if ev is not None:
        labels[str(ev.id)] = ev.name
        version = session.get(RubricVersion, ev.rubric_version_id)
        if version is not None:
            labels["rubric"] = f"{version.title} {version.version} ({version.id})"
    return labels


def event_of(session: Session, ref: Event | uuid.UUID | str) -> Event:
    if isinstance(ref, Event):
        return ref
    from oaoi_desktop.services import events

    return events.get_event(session, str(ref))


def parse_digest(text: str) -> str:
    """A state digest given by a person (64 hex digits, any case) → lower-case hex."""
    raw = (text or "").strip().lower()
    if len(raw) != 64 or any(c not in "0123456789abcdef" for c in raw):
        raise ValidationError("audit.verify.bad_digest", value=(text or "").strip())
    return raw


def verify_event(session: Session, event: Event | uuid.UUID | str, *, expected_head: Head | None = None,
                 replay_scores: bool = True, expected_digest: str | None = None, actor: Any) -> VerifyReport:
    """Verify one event's chain and replay its history (scores and the whole result state) against the store."""
    ev = event_of(session, event)
    authorize(session, actor, Action.AUDIT_READ, event=ev)
    return _verify_event(session, ev, expected_head=expected_head, replay_scores=replay_scores,
                         expected_digest=expected_digest)


def _verify_event(session: Session, ev: Event, *, expected_head: Head | None = None, replay_scores: bool = True,
                  expected_digest: str | None = None) -> VerifyReport:
    """:func:`verify_event` without the check (tests that look inside a judge's laptop, which has no
    secretariat account)."""
    chain = str(ev.id)
    records = chain_records(session, chain)
    findings, head = check_chain(records, stored_head=stored_head(session, chain), expected_head=expected_head)
    skipped: list[Finding] = []
    counts = (0, 0, 0)
    digests = ("", "")
    if replay_scores or expected_digest is not None:
        from oaoi_desktop.services import audit_state

        rep = replay(records)
        skipped = list(rep.skipped)
        sheets = sheet_snapshot(session, ev.id)
        labels = labels_for(session, ev.id)
        more, *counts_ = compare(rep, sheets, correction_snapshot(session, ev.id), labels)
        findings += more
        counts = tuple(counts_)  # type: ignore[assignment]
        problems, warnings, *digests = check_state(records, rep, audit_state.store_state_unchecked(session, ev, sheets),
                                                   labels, expected_digest)
        findings += problems
        skipped += warnings
    skipped += marked_finding(records)
    return VerifyReport(chain, ev.name, len(records), head, tuple(findings), tuple(skipped), *counts,
                        state_checked=bool(digests[0]), digest=digests[0], logged_digest=digests[1],
                        marked=marked_count(records))


def verify_global(session: Session, *, actor: Any) -> VerifyReport:
    """Verify the ``global`` chain (accounts, settings): the chain only, no scores live there."""
    authorize(session, actor, Action.AUDIT_READ)
    records = chain_records(session, GLOBAL_CHAIN)
    findings, head = check_chain(records, stored_head=stored_head(session, GLOBAL_CHAIN))
    return VerifyReport(GLOBAL_CHAIN, "", len(records), head, tuple(findings))


def verify_all(session: Session, *, actor: Any) -> list[VerifyReport]:
    """Every event's chain (with replay) and the global chain, and any chain without an event."""
    reports = [verify_global(session, actor=actor)]  # checks the actor
    events = list(session.scalars(select(Event).order_by(Event.created_at, Event.name)))
    known = {GLOBAL_CHAIN} | {str(e.id) for e in events}
    reports += [verify_event(session, e, actor=actor) for e in events]
    others = set(session.scalars(select(AuditHead.chain))) | set(session.scalars(select(AuditEntry.chain).distinct()))
    for chain in sorted(others - known):
        records = chain_records(session, chain)
        findings, head = check_chain(records, stored_head=stored_head(session, chain))
        reports.append(VerifyReport(chain, "", len(records), head, tuple(findings)))
    return reports


def chain_head(session: Session, event: Event | uuid.UUID | str) -> Head:
    """The event's current head (what the Berita Acara and bundles carry)."""
    ev = event_of(session, event)
    head = stored_head(session, str(ev.id))
    return head if head is not None else Head(0, GENESIS)


__all__ = [
    "chain_head",
    "chain_records",
    "correction_snapshot",
    "event_of",
    "labels_for",
    "parse_digest",
    "sheet_snapshot",
    "stored_head",
    "verify_all",
    "verify_event",
    "verify_global",
]
