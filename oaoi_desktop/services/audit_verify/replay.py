"""Replaying a chain's score-sheet and plenary entries, and the whole result state, against the store's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from oaoi_desktop.domain import canonical
from oaoi_desktop.services.audit_verify.chain import Finding

FULL_SHEET_ACTIONS = frozenset({"sheet.saved", "sheet.submitted", "sheet.paper_entered", "sheet.unlocked"})
"""Known actions whose ``after`` carries the whole sheet (any such entry is replayed the same way)."""


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


__all__ = ["FULL_SHEET_ACTIONS", "Replay", "check_state", "compare", "replay"]
