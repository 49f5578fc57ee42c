"""The hash chain of an audit log: its findings, heads and purge marks, checked on plain records.

Works on canonical dicts (:func:`entry_record`), so a chain read from an export
is checked exactly like one read from the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services.audit import GENESIS, entry_content
from oaoi_desktop.store.models import AuditEntry


@dataclass(frozen=True)
class Finding:
    """One problem: a message id, its parameters and the sequence number where it shows."""

    message_id: str
    params: dict[str, Any] = field(default_factory=dict)
    seq: int | None = None

    def render(self, lang: str | None = None) -> str:
        from oaoi_desktop.i18n import render

        return render(self.message_id, lang, **self.params)

    def as_dict(self) -> dict[str, Any]:
        return {"problem": self.message_id, "seq": self.seq, **{k: v for k, v in self.params.items()}}


@dataclass(frozen=True)
class Head:
    """A chain head: the newest entry's sequence number and hash."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> "Head":
        """``SEQ:HASH`` (as printed on the Berita Acara) → :class:`Head`."""
        raw = (text or "").strip()
        seq_text, sep, hash_text = raw.partition(":")
        hash_text = hash_text.strip().lower()
        try:
            seq = int(seq_text.strip())
        except ValueError:
            seq = -1
        if not sep or seq < 0 or len(hash_text) != 64 or any(c not in "0123456789abcdef" for c in hash_text):
            raise ValidationError("trust.audit.bad_head", value=raw)
        return cls(seq, hash_text)


@dataclass(frozen=True)
class VerifyReport:
    """What :func:`verify_event` (or :func:`verify_export`) found.

    ``problems`` empty means the chain and the replay agree.  ``skipped``
    lists entries that could not be replayed (see the module docstring);
    they are not problems in themselves but are always shown.
    """

    chain: str
    event_name: str
    entries: int
    head: Head
    problems: tuple[Finding, ...]
    skipped: tuple[Finding, ...] = ()
    sheets_checked: int = 0
    scores_checked: int = 0
    corrections_checked: int = 0
    state_checked: bool = False
    """Whether the whole result state (``services/audit_state``) was replayed and compared."""
    digest: str = ""
    """The state digest of the tables (what the Berita Acara prints); empty when the state was not read."""
    logged_digest: str = ""
    """The digest of the state as replayed from the log."""
    marked: int = 0
    """Entries whose payload a purge marked (``services/purge.py``): linked and vouched for, not re-hashed."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> Finding | None:
        return self.problems[0] if self.problems else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "chain": self.chain, "event_name": self.event_name, "entries": self.entries,
            "head": str(self.head), "ok": self.ok, "problems": [p.as_dict() for p in self.problems],
            "skipped": [s.as_dict() for s in self.skipped], "sheets_checked": self.sheets_checked,
            "scores_checked": self.scores_checked, "corrections_checked": self.corrections_checked,
            "state_checked": self.state_checked, "digest": self.digest, "logged_digest": self.logged_digest,
            "marked": self.marked,
        }


def entry_record(entry: AuditEntry) -> dict[str, Any]:
    """An entry as the canonical dict an export carries: its hashed content plus ``hash``."""
    record = canonical.normalise(entry_content(entry))
    record["hash"] = entry.hash
    return record


def record_hash(record: Mapping[str, Any]) -> str:
    return canonical.sha256_hex({k: v for k, v in record.items() if k != "hash"})


PURGE_ACTION = "event.purged"
"""The purge's own entry (``services/purge.py``): it lists every entry whose payload it marked."""
MARK_KEY = "_purged"
"""A marked payload (``before``/``after``) carries this key: which keys were removed and their SHA-256."""


def _is_marked(record: Mapping[str, Any]) -> bool:
    return any(isinstance(record.get(k), Mapping) and MARK_KEY in record[k] for k in ("before", "after"))


def _purge_marks(records: Sequence[Mapping[str, Any]]) -> dict[int, tuple[str, str]]:
    """seq -> (stored hash, hash of the marked content) of every entry a purge entry marked.

    Only purge entries that hash to their own stored hash count (an edited one is
    reported by :func:`check_chain` anyway), and only marks of earlier entries.
    """
    marks: dict[int, tuple[str, str]] = {}
    for r in records:
        if r.get("action") != PURGE_ACTION or record_hash(r) != r.get("hash"):
            continue
        after = r.get("after") if isinstance(r.get("after"), Mapping) else {}
        for m in after.get("marked") or ():
            if isinstance(m, Mapping) and isinstance(m.get("seq"), int) and isinstance(r.get("seq"), int) \
                    and m["seq"] < r["seq"]:
                marks[m["seq"]] = (str(m.get("hash")), str(m.get("marked_sha256")))
    return marks


def vouched_marks(records: Sequence[Mapping[str, Any]]) -> set[int]:
    """The seqs of marked entries a later, intact purge entry vouches for (same stored hash, same
    marked content): what :func:`check_chain` accepts in place of a re-hash, for any other checker
    of a chain (``services.audit_chain.verify_chain``) to accept exactly the same."""
    marks = _purge_marks(records)
    return {r["seq"] for r in records
            if _is_marked(r) and marks.get(r.get("seq")) == (r.get("hash"), record_hash(r))}


def marked_count(records: Sequence[Mapping[str, Any]]) -> int:
    """How many entries carry a purge's mark that the purge entry vouches for."""
    return len(vouched_marks(records))


def marked_finding(records: Sequence[Mapping[str, Any]]) -> list[Finding]:
    n = marked_count(records)
    return [Finding("purge.audit.marked", {"count": n})] if n else []


def check_chain(records: Sequence[Mapping[str, Any]], *, stored_head: Head | None,
                expected_head: Head | None = None) -> tuple[list[Finding], Head]:
    """Check a chain's records (ordered by ``seq``); the findings and the head it really has.

    ``stored_head`` is the head row kept beside the chain (or an export's
    header); ``expected_head`` one given from outside (``--head``).

    An entry whose payload a purge marked (``services/purge.py``) no longer
    hashes to its stored hash: its link is checked like every other, and its
    content must hash to what the later ``event.purged`` entry (itself fully
    hashed) recorded for it, with the same stored hash.  A mark the purge entry
    does not list, or a marked entry's stored hash changed, is an edit.
    """
    findings: list[Finding] = []
    marks = _purge_marks(records)
    prev = GENESIS
    expected_seq = 1
    hashes: dict[int, str] = {}
    last_seq = 0
    for r in records:
        seq = r.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool):
            findings.append(Finding("trust.audit.bad_record", {"seq": seq}, None))
            continue
        if seq != expected_seq:
            if seq > expected_seq:
                first, last = expected_seq, seq - 1
                findings.append(Finding("trust.audit.missing_entry", {"first": first, "last": last}, first))
            else:
                findings.append(Finding("trust.audit.duplicate_entry", {"seq": seq}, seq))
        if r.get("prev_hash") != prev:
            findings.append(Finding("trust.audit.broken_link", {"seq": seq, "action": r.get("action")}, seq))
        actual = record_hash(r)
        if actual != r.get("hash") and not (_is_marked(r) and marks.get(seq) == (r.get("hash"), actual)):
            findings.append(Finding("trust.audit.edited_entry", {"seq": seq, "action": r.get("action")}, seq))
        prev = str(r.get("hash"))
        hashes[seq] = prev
        expected_seq = seq + 1
        last_seq = seq
    head = Head(last_seq, prev)
    if stored_head is not None and (stored_head.seq != head.seq or stored_head.hash != head.hash):
        if stored_head.seq > head.seq:
            findings.append(Finding("trust.audit.truncated", {"head": stored_head.seq, "last": head.seq},
                                    head.seq + 1))
        else:
            findings.append(Finding("trust.audit.head_row_differs", {"head": str(stored_head), "last": str(head)},
                                    stored_head.seq))
    if expected_head is not None:
        if expected_head.seq > head.seq:
            findings.append(Finding("trust.audit.truncated_vs_given", {"head": expected_head.seq, "last": head.seq},
                                    head.seq + 1))
        elif expected_head.seq > 0 and hashes.get(expected_head.seq) != expected_head.hash:
            findings.append(Finding("trust.audit.head_mismatch", {"seq": expected_head.seq}, expected_head.seq))
    findings.sort(key=lambda f: (f.seq if f.seq is not None else 0))
    return findings, head


__all__ = [
    "MARK_KEY",
    "PURGE_ACTION",
    "Finding",
    "Head",
    "VerifyReport",
    "check_chain",
    "entry_record",
    "marked_count",
    "marked_finding",
    "record_hash",
    "vouched_marks",
]
