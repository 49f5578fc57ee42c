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

The package follows those steps: ``chain`` (the hash chain on plain records),
``replay`` (scores, corrections and the result state), ``verify`` (the chains
in the store) and ``export`` (the log as a file, verified without a database).
"""

from __future__ import annotations

from oaoi_desktop.services.audit_verify.chain import (
    MARK_KEY,
    PURGE_ACTION,
    Finding,
    Head,
    VerifyReport,
    check_chain,
    entry_record,
    vouched_marks,
)
from oaoi_desktop.services.audit_verify.export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    MAX_EXPORT_BYTES,
    export_event,
    read_export,
    verify_export_file,
)
from oaoi_desktop.services.audit_verify.replay import FULL_SHEET_ACTIONS, Replay, check_state, compare, replay
from oaoi_desktop.services.audit_verify.verify import (
    chain_head,
    parse_digest,
    sheet_snapshot,
    verify_all,
    verify_event,
    verify_global,
)

__all__ = [
    "Finding", "Head", "VerifyReport", "check_chain", "replay", "compare", "verify_event", "verify_global",
    "verify_all", "chain_head", "export_event", "read_export", "verify_export_file", "sheet_snapshot",
    "EXPORT_FORMAT", "check_state", "parse_digest", "vouched_marks",
    "EXPORT_VERSION", "MAX_EXPORT_BYTES", "FULL_SHEET_ACTIONS", "MARK_KEY", "PURGE_ACTION", "Replay", "entry_record",
]
