"""Proving the audit log: chain, head and score replay.

:func:`verify_event` recomputes one event's hash chain (``services/audit.py``)
and reports every problem it finds, each with the sequence number where it
starts:

* ``trust.audit.missing_entry`` — a sequence number is missing (an entry
  was deleted from the middle);
* ``trust.audit.broken_link`` — an entry's ``prev_hash`` is not the hash of
  the entry before it;
* ``trust.audit.edited_entry`` — an entry's content no longer hashes to its
  stored ``hash``;
* ``trust.audit.truncated`` — the chain ends before the head row (or before
  a head given by the caller, e.g. the one printed on the Berita Acara);
* ``trust.audit.head_mismatch`` — the entry at the given head's sequence
  number has another hash (the history was rewritten);
* score replay (``trust.replay.*``) — the current ``score_sheets``/``scores``
  rows must equal what the log's score entries say they are, and the active
  plenary corrections must equal what the log recorded;
* result-state replay (``audit.verify.*``, ``services/audit_state.py``) —
  everything else that can move a rank (each sheet's dossier, judge and
  stage; the rubric's content hash; dossiers' identity and grouping fields;
  recusal level and aliases; judges' role, instansi, unit kerja and active
  flag; assignments; stage decisions; plenary adjustments of every kind) must
  equal the log's replay, and with ``expected_digest`` (``--digest``, the
  value printed on the Berita Acara) the state digest must match.

**What is replayed.**  Every entry with ``entity_type == "score_sheet"``:

* entries whose ``after`` carries the whole sheet (``status`` and
  ``scores``: ``sheet.saved``, ``sheet.submitted``, ``sheet.paper_entered``,
  ``sheet.unlocked`` and any bundle merge that goes through
  ``sheets.save_sheet_unchecked``) set the sheet's state outright;
* ``score.recorded`` / ``score.cleared`` change one criterion (``after.score``,
  ``None`` to clear); ``score.comment_changed`` changes one comment;
* ``assignment.removed`` with ``before.draft_sheet`` deletes that draft sheet;
* bundle merges (``sheet.merged``, ``services/exchange``) carry the whole
  sheet and are replayed like a save; ``sheet.conflict_resolved`` keeping the
  incoming version names the sheet by dossier, judge and stage and carries
  the kept scores but **not the status** the incoming version brought: the
  scores are replayed, that sheet's status is not compared, and the entry is
  listed in :attr:`VerifyReport.skipped` (``trust.replay.status_not_logged``).

Plenary decisions (``plenary.*``, entity ``plenary_adjustment``) never edit a
sheet; their snapshots are replayed against ``plenary_adjustments``.  A
score-sheet entry of an action this module does not know, that does not carry
the whole sheet, cannot be replayed: it is listed in
:attr:`VerifyReport.skipped`, and the sheet it names is left out of the
comparison (reported, not silently passed).

Everything works on plain canonical dicts, so an export written by
:func:`export_event` verifies on another machine without a database
(:func:`verify_export_file`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import __version__
from oaoi_desktop.domain import canonical
from oaoi_desktop.errors import NotFoundError, OaoiError, ValidationError
from oaoi_desktop.files import write_atomically
from oaoi_desktop.services.audit import GENESIS, GLOBAL_CHAIN, entry_content
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

EXPORT_FORMAT = "oaoi-audit-log"
EXPORT_VERSION = 1

FULL_SHEET_ACTIONS = frozenset({"sheet.saved", "sheet.submitted", "sheet.paper_entered", "sheet.unlocked"})
"""Known actions whose ``after`` carries the whole sheet (any such entry is replayed the same way)."""


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


# -- the chain -------------------------------------------------------------------------
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
    of a chain (``services.audit.verify_chain``) to accept exactly the same."""
    marks = _purge_marks(records)
    return {r["seq"] for r in records
            if _is_marked(r) and marks.get(r.get("seq")) == (r.get("hash"), record_hash(r))}


def _marked_count(records: Sequence[Mapping[str, Any]]) -> int:
    """How many entries carry a purge's mark that the purge entry vouches for."""
    return len(vouched_marks(records))


def _marked_finding(records: Sequence[Mapping[str, Any]]) -> list[Finding]:
    n = _marked_count(records)
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


# -- replay ----------------------------------------------------------------------------
def _milli(value: Any) -> int | None:
    try:
        scaled = Decimal(str(value)) * 1000
    except (InvalidOperation, ValueError):
        return None
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        return None
    return int(scaled)


def _scores_of(raw: Any) -> dict[str, tuple[int | None, str]] | None:
    if not isinstance(raw, Mapping):
        return None
    out: dict[str, tuple[int | None, str]] = {}
    for cid, item in raw.items():
        if not isinstance(item, Mapping):
            return None
        out[str(cid)] = (_milli(item.get("value")), str(item.get("comment") or ""))
    return out


@dataclass
class _Sheet:
    dossier_id: str
    judge_id: str
    stage_id: str
    status: str
    scores: dict[str, tuple[int | None, str]]


@dataclass
class Replay:
    """What the log says the sheets and plenary corrections are now."""

    sheets: dict[str, _Sheet] = field(default_factory=dict)
    unknown_sheets: set[str] = field(default_factory=set)
    unknown_keys: set[tuple[str, str, str]] = field(default_factory=set)
    status_unknown: set[str] = field(default_factory=set)
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped: list[Finding] = field(default_factory=list)


def replay(records: Iterable[Mapping[str, Any]]) -> Replay:
    """Replay the score-sheet and plenary entries of one chain (see the module docstring)."""
    out = Replay()
    for r in records:
        action = str(r.get("action") or "")
        entity_type = r.get("entity_type")
        sid = str(r.get("entity_id") or "")
        before = r.get("before") if isinstance(r.get("before"), Mapping) else {}
        after = r.get("after") if isinstance(r.get("after"), Mapping) else {}
        seq = r.get("seq")
        if entity_type == "score_sheet":
            scores = _scores_of(after.get("scores"))
            if scores is not None and "status" in after:
                if action not in FULL_SHEET_ACTIONS:
                    # e.g. a bundle merge written through save_sheet with its own action name
                    pass
                out.sheets[sid] = _Sheet(str(after.get("dossier_id")), str(after.get("judge_id")),
                                         str(after.get("stage_id")), str(after.get("status")), scores)
                out.unknown_sheets.discard(sid)
            elif action in ("score.recorded", "score.cleared"):
                sheet = out.sheets.get(sid)
                if sheet is None:
                    status = before.get("status") if isinstance(before.get("status"), str) else "draft"
                    sheet = out.sheets[sid] = _Sheet(str(after.get("dossier_id")), str(after.get("judge_id")),
                                                     str(after.get("stage_id")), status, {})
                cid = str(after.get("criterion_id"))
                score = after.get("score")
                if score is None:
                    sheet.scores.pop(cid, None)
                elif isinstance(score, Mapping):
                    sheet.scores[cid] = (_milli(score.get("value")), str(score.get("comment") or ""))
            elif action == "score.comment_changed":
                sheet = out.sheets.get(sid)
                cid = str(after.get("criterion_id"))
                if sheet is None or cid not in sheet.scores:
                    out.skipped.append(Finding("trust.replay.skipped_unknown_sheet", {"seq": seq, "action": action},
                                               seq))
                    out.unknown_sheets.add(sid)
                else:
                    sheet.scores[cid] = (sheet.scores[cid][0], str(after.get("comment") or ""))
            else:
                out.skipped.append(Finding("trust.replay.skipped_action", {"seq": seq, "action": action}, seq))
                out.unknown_sheets.add(sid)
                out.sheets.pop(sid, None)
        elif action == "sheet.conflict_resolved" and entity_type == "sheet_conflict":
            # A bundle conflict settled (services/exchange): the entry names the sheet by its
            # natural key and carries the kept scores, but not the incoming version's status.
            if after.get("kept") == "incoming":
                key = (str(after.get("dossier_id")), str(after.get("judge_id")), str(after.get("stage_id")))
                sid_by_key = next((k for k, v in out.sheets.items()
                                   if (v.dossier_id, v.judge_id, v.stage_id) == key), None)
                scores = _scores_of(after.get("scores"))
                if sid_by_key is None or scores is None:
                    out.unknown_keys.add(key)
                    out.skipped.append(Finding("trust.replay.skipped_action", {"seq": seq, "action": action}, seq))
                else:
                    out.sheets[sid_by_key].scores = scores
                    out.status_unknown.add(sid_by_key)
                    out.skipped.append(Finding("trust.replay.status_not_logged", {"seq": seq, "action": action},
                                               seq))
        elif action == "assignment.removed":
            draft = before.get("draft_sheet")
            if isinstance(draft, Mapping) and draft.get("id") is not None:
                out.sheets.pop(str(draft["id"]), None)
                out.unknown_sheets.discard(str(draft["id"]))
        elif entity_type == "plenary_adjustment" and action.startswith("plenary."):
            if isinstance(after, Mapping) and after.get("kind") == "score_corrected":
                out.corrections[sid] = dict(after)
    return out


def _fmt_milli(value: int | None) -> str:
    if value is None:
        return "-"
    return canonical.normalise(Decimal(value) / 1000).__str__()


def compare(rep: Replay, store: Mapping[str, Mapping[str, Any]], corrections: Mapping[str, Mapping[str, Any]],
            labels: Mapping[str, str]) -> tuple[list[Finding], int, int, int]:
    """Compare a replay with the store's sheets (``sheet_snapshot`` form) and active corrections.

    Returns the findings and how many sheets, scores and corrections were compared.
    """
    findings: list[Finding] = []
    sheets_checked = scores_checked = 0

    def who(sid: str, sheet: Mapping[str, Any]) -> dict[str, str]:
        return {"dossier": labels.get(str(sheet.get("dossier_id")), str(sheet.get("dossier_id"))),
                "judge": labels.get(str(sheet.get("judge_id")), str(sheet.get("judge_id"))),
                "sheet": sid}

    for sid in sorted(set(rep.sheets) | set(store)):
        if sid in rep.unknown_sheets:
            continue
        if sid in store and (str(store[sid].get("dossier_id")), str(store[sid].get("judge_id")),
                             str(store[sid].get("stage_id"))) in rep.unknown_keys:
            continue
        logged = rep.sheets.get(sid)
        current = store.get(sid)
        if logged is None:
            assert current is not None
            findings.append(Finding("trust.replay.sheet_not_logged", who(sid, current)))
            continue
        params = who(sid, {"dossier_id": logged.dossier_id, "judge_id": logged.judge_id})
        if current is None:
            findings.append(Finding("trust.replay.sheet_missing", params))
            continue
        sheets_checked += 1
        if sid not in rep.status_unknown and str(current.get("status")) != logged.status:
            findings.append(Finding("trust.replay.status_differs",
                                    {**params, "logged": logged.status, "stored": current.get("status")}))
        stored_scores: Mapping[str, tuple[int | None, str]] = current.get("scores") or {}
        for cid in sorted(set(logged.scores) | set(stored_scores)):
            scores_checked += 1
            lv = logged.scores.get(cid)
            sv = stored_scores.get(cid)
            if lv is None or sv is None or lv[0] != sv[0]:
                findings.append(Finding("trust.replay.score_differs", {
                    **params, "criterion": cid, "logged": _fmt_milli(lv[0]) if lv else "-",
                    "stored": _fmt_milli(sv[0]) if sv else "-"}))
            elif lv[1] != sv[1]:
                findings.append(Finding("trust.replay.comment_differs", {**params, "criterion": cid}))
    corrections_checked = 0
    for cid in sorted(set(rep.corrections) | set(corrections)):
        logged_c = rep.corrections.get(cid)
        stored_c = corrections.get(cid)
        corrections_checked += 1
        keys = ("dossier_id", "judge_id", "criterion_id", "value_milli", "original_milli", "withdrawn_at")
        if logged_c is None or stored_c is None or any(
            (logged_c.get(k) is None) != (stored_c.get(k) is None) if k == "withdrawn_at"
            else logged_c.get(k) != stored_c.get(k) for k in keys
        ):
            ref = logged_c or stored_c or {}
            findings.append(Finding("trust.replay.correction_differs", {
                "dossier": labels.get(str(ref.get("dossier_id")), str(ref.get("dossier_id"))),
                "judge": labels.get(str(ref.get("judge_id")), str(ref.get("judge_id"))),
                "criterion": ref.get("criterion_id"), "correction": cid}))
    return findings, sheets_checked, scores_checked, corrections_checked


# -- the store -------------------------------------------------------------------------
def _records(session: Session, chain: str) -> list[dict[str, Any]]:
    return [entry_record(e) for e in session.scalars(
        select(AuditEntry).where(AuditEntry.chain == chain).order_by(AuditEntry.seq))]


def _stored_head(session: Session, chain: str) -> Head | None:
    row = session.get(AuditHead, chain)
    return Head(row.seq, row.hash) if row is not None else None


def _sheet_snapshot(session: Session, event_id: uuid.UUID) -> dict[str, dict[str, Any]]:
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


def _correction_snapshot(session: Session, event_id: uuid.UUID) -> dict[str, dict[str, Any]]:
    rows = session.scalars(select(PlenaryAdjustment).where(PlenaryAdjustment.event_id == event_id,
                                                           PlenaryAdjustment.kind == "score_corrected"))
    return {str(a.id): canonical.normalise({
        "dossier_id": a.dossier_id, "judge_id": a.judge_id, "criterion_id": a.criterion_id,
        "value_milli": a.value_milli, "original_milli": a.original_milli, "withdrawn_at": a.withdrawn_at,
    }) for a in rows}


def _labels_for(session: Session, event_id: uuid.UUID) -> dict[str, str]:
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


def _event(session: Session, ref: Event | uuid.UUID | str) -> Event:
    if isinstance(ref, Event):
        return ref
    from oaoi_desktop.services import events

    return events.get_event(session, str(ref))


def _logged_sheets(rep: Replay) -> dict[str, dict[str, Any]]:
    """The replayed sheets in ``audit_state`` form (status left out where the log did not record it)."""
    out: dict[str, dict[str, Any]] = {}
    for sid, sh in rep.sheets.items():
        row: dict[str, Any] = {"dossier_id": sh.dossier_id, "judge_id": sh.judge_id, "stage_id": sh.stage_id,
                               "scores": {c: v for c, (v, _cm) in sh.scores.items()}}
        if sid not in rep.status_unknown:
            row["status"] = sh.status
        out[sid] = row
    return out


def check_state(records: Sequence[Mapping[str, Any]], rep: Replay, stored: Mapping[str, Any],
                labels: Mapping[str, str], expected_digest: str | None = None
                ) -> tuple[list[Finding], list[Finding], str, str]:
    """Replay the whole result state from ``records`` and compare it with ``stored`` (``audit_state``).

    Returns the problems, the warnings (parts the log does not cover), the
    tables' digest and the replayed state's digest; ``expected_digest`` (as
    printed on the Berita Acara) must equal both.
    """
    from oaoi_desktop.services import audit_state

    logged = audit_state.replay_state(records)
    skip = rep.unknown_sheets | {sid for sid, s in stored.get("sheets", {}).items()
                                 if (s.get("dossier_id"), s.get("judge_id"), s.get("stage_id")) in rep.unknown_keys}
    cmp = audit_state.compare_state(logged, stored, labels, _logged_sheets(rep), skip)
    problems = list(cmp.problems)
    stored_digest = audit_state.digest(stored)
    logged_digest = audit_state.digest(cmp.logged_state)
    if expected_digest is not None:
        if stored_digest != expected_digest:
            problems.append(Finding("audit.verify.digest_mismatch", {"given": expected_digest,
                                                                     "stored": stored_digest}))
        if logged_digest != expected_digest:
            problems.append(Finding("audit.verify.logged_digest_mismatch", {"given": expected_digest,
                                                                            "logged": logged_digest}))
    return problems, list(cmp.warnings), stored_digest, logged_digest


def parse_digest(text: str) -> str:
    """A state digest given by a person (64 hex digits, any case) → lower-case hex."""
    raw = (text or "").strip().lower()
    if len(raw) != 64 or any(c not in "0123456789abcdef" for c in raw):
        raise ValidationError("audit.verify.bad_digest", value=(text or "").strip())
    return raw


def verify_event(session: Session, event: Event | uuid.UUID | str, *, expected_head: Head | None = None,
                 replay_scores: bool = True, expected_digest: str | None = None, actor: Any) -> VerifyReport:
    """Verify one event's chain and replay its history (scores and the whole result state) against the store."""
    ev = _event(session, event)
    authorize(session, actor, Action.AUDIT_READ, event=ev)
    return _verify_event(session, ev, expected_head=expected_head, replay_scores=replay_scores,
                         expected_digest=expected_digest)


def _verify_event(session: Session, ev: Event, *, expected_head: Head | None = None, replay_scores: bool = True,
                  expected_digest: str | None = None) -> VerifyReport:
    """:func:`verify_event` without the check (tests that look inside a judge's laptop, which has no
    secretariat account)."""
    chain = str(ev.id)
    records = _records(session, chain)
    findings, head = check_chain(records, stored_head=_stored_head(session, chain), expected_head=expected_head)
    skipped: list[Finding] = []
    counts = (0, 0, 0)
    digests = ("", "")
    if replay_scores or expected_digest is not None:
        from oaoi_desktop.services import audit_state

        rep = replay(records)
        skipped = list(rep.skipped)
        sheets = _sheet_snapshot(session, ev.id)
        labels = _labels_for(session, ev.id)
        more, *counts_ = compare(rep, sheets, _correction_snapshot(session, ev.id), labels)
        findings += more
        counts = tuple(counts_)  # type: ignore[assignment]
        problems, warnings, *digests = check_state(records, rep, audit_state.store_state_unchecked(session, ev, sheets),
                                                   labels, expected_digest)
        findings += problems
        skipped += warnings
    skipped += _marked_finding(records)
    return VerifyReport(chain, ev.name, len(records), head, tuple(findings), tuple(skipped), *counts,
                        state_checked=bool(digests[0]), digest=digests[0], logged_digest=digests[1],
                        marked=_marked_count(records))


def verify_global(session: Session, *, actor: Any) -> VerifyReport:
    """Verify the ``global`` chain (accounts, settings): the chain only, no scores live there."""
    authorize(session, actor, Action.AUDIT_READ)
    records = _records(session, GLOBAL_CHAIN)
    findings, head = check_chain(records, stored_head=_stored_head(session, GLOBAL_CHAIN))
    return VerifyReport(GLOBAL_CHAIN, "", len(records), head, tuple(findings))


def verify_all(session: Session, *, actor: Any) -> list[VerifyReport]:
    """Every event's chain (with replay) and the global chain, and any chain without an event."""
    reports = [verify_global(session, actor=actor)]  # checks the actor
    events = list(session.scalars(select(Event).order_by(Event.created_at, Event.name)))
    known = {GLOBAL_CHAIN} | {str(e.id) for e in events}
    reports += [verify_event(session, e, actor=actor) for e in events]
    others = set(session.scalars(select(AuditHead.chain))) | set(session.scalars(select(AuditEntry.chain).distinct()))
    for chain in sorted(others - known):
        records = _records(session, chain)
        findings, head = check_chain(records, stored_head=_stored_head(session, chain))
        reports.append(VerifyReport(chain, "", len(records), head, tuple(findings)))
    return reports


def chain_head(session: Session, event: Event | uuid.UUID | str) -> Head:
    """The event's current head (what the Berita Acara and bundles carry)."""
    ev = _event(session, event)
    head = _stored_head(session, str(ev.id))
    return head if head is not None else Head(0, GENESIS)


# -- export ----------------------------------------------------------------------------
def export_event(session: Session, event: Event | uuid.UUID | str, out: Path, *, actor: Any) -> Path:
    """Write the event's log as canonical JSON lines with its head (temp file, then rename).

    Line 1 is the header (format, event, head, counts); then one line per
    entry (its hashed content plus ``hash``); the last line is the store's
    sheets and plenary corrections at export time, so the replay can be
    checked too.  Secrets are never in the log, so never in the file.
    """
    ev = _event(session, event)
    authorize(session, actor, Action.AUDIT_EXPORT, event=ev)
    chain = str(ev.id)
    records = _records(session, chain)
    head = _stored_head(session, chain) or Head(0, GENESIS)
    header = {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "app_version": __version__, "chain": chain,
        "event_id": str(ev.id), "event_name": ev.name, "head": {"seq": head.seq, "hash": head.hash},
        "entries": len(records), "exported_at": canonical.normalise(dt.datetime.now(dt.timezone.utc)),
    }
    snapshot = {
        "store": {
            "sheets": {sid: {**s, "scores": {c: {"value_milli": v, "comment": cm} for c, (v, cm) in s["scores"].items()}}
                       for sid, s in _sheet_snapshot(session, ev.id).items()},
            "corrections": _correction_snapshot(session, ev.id),
            "labels": _labels_for(session, ev.id),
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
    skipped += _marked_finding(records)
    return VerifyReport(str(header.get("chain", "")), str(header.get("event_name", "")), len(records), head,
                        tuple(findings), tuple(skipped), *counts, state_checked=bool(digests[0]),
                        digest=digests[0], logged_digest=digests[1], marked=_marked_count(records))


__all__ = [
    "Finding", "Head", "VerifyReport", "check_chain", "replay", "compare", "verify_event", "verify_global",
    "verify_all", "chain_head", "export_event", "read_export", "verify_export_file", "sheet_snapshot",
    "EXPORT_FORMAT", "check_state", "parse_digest", "vouched_marks",
]
