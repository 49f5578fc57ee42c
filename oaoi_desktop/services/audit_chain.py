"""Checking one audit chain in the store: every link, every hash, the head.

Above the policy (reading the log is ``audit.read``) and above
:mod:`oaoi_desktop.services.audit_verify`, whose rule for a purge's marked
entries it shares, so :mod:`oaoi_desktop.services.audit` — which every
service writes through — imports neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.services.audit import GENESIS, entry_hash
from oaoi_desktop.services.audit_verify.chain import entry_record, vouched_marks
from oaoi_desktop.services.policy import Action, authorize
from oaoi_desktop.store.models import AuditEntry, AuditHead


@dataclass(frozen=True)
class ChainReport:
    chain: str
    entries: int
    head_hash: str
    first_broken_seq: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_chain(session: Session, chain: str, *, actor: Any) -> ChainReport:
    """Recompute a chain; report the first broken link or missing entry."""
    authorize(session, actor, Action.AUDIT_READ)
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.chain == chain).order_by(AuditEntry.seq)
    ).all()
    prev = GENESIS
    expected_seq = 1
    vouched: set[int] | None = None
    for e in entries:
        if e.seq != expected_seq:
            return ChainReport(chain, len(entries), prev, expected_seq, "audit.missing_entry")
        if e.prev_hash != prev:
            return ChainReport(chain, len(entries), prev, e.seq, "audit.broken_link")
        if entry_hash(e) != e.hash:
            if vouched is None:  # a purge's marked entry: accepted exactly as audit verify accepts it
                vouched = vouched_marks([entry_record(x) for x in entries])
            if e.seq not in vouched:
                return ChainReport(chain, len(entries), prev, e.seq, "audit.edited_entry")
        prev = e.hash
        expected_seq += 1
    head = session.get(AuditHead, chain)
    if head is not None and (head.seq != len(entries) or head.hash != prev):
        return ChainReport(chain, len(entries), prev, len(entries) + 1, "audit.truncated")
    return ChainReport(chain, len(entries), prev, None, None)


__all__ = ["ChainReport", "verify_chain"]
