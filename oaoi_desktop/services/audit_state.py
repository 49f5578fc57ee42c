"""The result state: everything that can move a rank, as the tables hold it and as the log says.

:func:`store_state` reads one event's **result state** from the tables;
:func:`replay_state` rebuilds the same structure from the event's audit
chain; :func:`compare_state` names every table, row and field where they
differ; :func:`digest` is the SHA-256 of the state's canonical JSON
(``domain/canonical.py``), printed on the Berita Acara beside the chain head
and checked by ``oaoi audit verify --digest``.

The state (ids are lower-case UUID strings)::

    event        recusal_level, aliases                      (events)
    rubric       sha256 of the canonical rubric document     (rubric_versions: weights,
                 knock-outs, tie-breaks, scales, stages, aggregation, pass mark)
    dossiers     id -> number, instansi, unit_kerja, klaster, kelompok, kategori
    judges       id -> role, instansi, unit_kerja, active    (users of the event)
    assignments  sorted [dossier_id, judge_id, stage_id]
    sheets       id -> dossier_id, judge_id, stage_id, status, scores {criterion: milli}
    stages       stage id -> advanced, next_stage, rule      (events.settings["stages"])
    plenary      id -> kind, stage, dossier, judge, criterion, values, position, details, withdrawn

Comments, titles, names, letterheads and timestamps are not in it: they move
no rank (comments are still replayed by ``audit_verify``).

**Where the log comes from.**  ``event.created`` (recusal level, aliases,
rubric hash), ``event.rubric_changed`` (rubric hash), ``judge.added`` (role,
instansi, unit kerja; ``active`` since 0.13 — older entries lack it, and the
app has only ever created active judges, so a missing flag replays as
active), ``dossier.added|imported|updated``, ``assignment.added|removed|auto``,
``stage.closed|reopened``, ``plenary.*`` and the score-sheet entries (see
``audit_verify``).

**A judge's laptop** holds what panel packages brought (``package.imported``):
those rows were logged on the secretariat's laptop, not in this chain.  There
a row the local log never mentions is reported as *not covered* (a warning
in ``skipped``), not as a failure; rows the local log does mention are still
compared.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain import canonical
from oaoi_desktop.store.models import (
    Assignment,
    Dossier,
    Event,
    PlenaryAdjustment,
    RubricVersion,
    Score,
    ScoreSheet,
    User,
)

STATE_FORMAT = "oaoi-result-state"
STATE_VERSION = 1
SECTIONS = ("event", "rubric", "dossiers", "judges", "assignments", "sheets", "stages", "plenary")
DOSSIER_FIELDS = ("number", "instansi", "unit_kerja", "klaster", "kelompok", "kategori", "calibration")
"""``calibration`` (issue 17): a calibration dossier never counts, so flagging one is logged and verified."""
JUDGE_FIELDS = ("role", "instansi", "unit_kerja", "active")
PLENARY_FIELDS = ("kind", "stage_id", "dossier_id", "judge_id", "criterion_id", "value_milli", "original_milli",
                  "position", "details", "withdrawn")
TABLE_OF = {"event": "events", "rubric": "rubric_versions", "dossiers": "dossiers", "judges": "users",
            "assignments": "assignments", "sheets": "score_sheets", "stages": "events",
            "plenary": "plenary_adjustments"}


def _id(value: Any) -> str:
    """An id as a lower-case dashed UUID string (hex and dashed forms alike; anything else as text)."""
    if value is None:
        return ""
    if isinstance(value, uuid.UUID):
        return str(value)
    text = str(value)
    if len(text) == 36 and text[8] == "-" and text[13] == "-" and text.islower():
        return text  # the common case, already canonical: no UUID object built (verify runs this ~100k times)
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return text


def rubric_content_sha256(document: str) -> str:
    """SHA-256 of the canonical JSON of a stored rubric document (its weights, knock-outs, tie-breaks...).

    The hash is recomputed from the document itself, never read from the
    ``sha256`` column, so editing both together is still seen.
    """
    try:
        return canonical.sha256_hex(json.loads(document))
    except (ValueError, TypeError, RecursionError):
        return "unreadable:" + canonical.sha256_bytes_hex((document or "").encode("utf-8", "surrogatepass"))


def _stage_decision(raw: Any) -> dict[str, Any]:
    raw = raw if isinstance(raw, Mapping) else {}
    return canonical.normalise({"advanced": [_id(d) for d in (raw.get("advanced") or [])],
                                "next_stage": raw.get("next_stage"), "rule": raw.get("rule")})


def _plenary(raw: Mapping[str, Any]) -> dict[str, Any]:
    return canonical.normalise({
        "kind": raw.get("kind"), "stage_id": raw.get("stage_id"), "dossier_id": _id(raw.get("dossier_id")),
        "judge_id": _id(raw.get("judge_id")) or None, "criterion_id": raw.get("criterion_id"),
        "value_milli": raw.get("value_milli"), "original_milli": raw.get("original_milli"),
        "position": raw.get("position"), "details": raw.get("details") or {},
        "withdrawn": raw.get("withdrawn_at") is not None})


def store_state(session: Session, event: Event,
                sheets: Mapping[str, Mapping[str, Any]] | None = None, *, actor: Any) -> dict[str, Any]:
    """The event's result state as the tables hold it (``sheets``: a ``sheet_snapshot`` already read)."""
    from oaoi_desktop.services.policy import Action, authorize

    authorize(session, actor, Action.RESULTS_READ, event=event)
    return store_state_unchecked(session, event, sheets)


def store_state_unchecked(session: Session, event: Event,
                 sheets: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """:func:`store_state` without the check (the audit verifier after its own; the state digest)."""
    settings = event.settings if isinstance(event.settings, Mapping) else {}
    version = session.get(RubricVersion, event.rubric_version_id)
    # Every value is built in canonical form (str, int, bool, lists, dicts; free-form parts normalised),
    # so the state is not walked again here: digest() walks it once.
    state: dict[str, Any] = {
        "format": STATE_FORMAT, "version": STATE_VERSION,
        "event": {"id": _id(event.id), "recusal_level": getattr(event.recusal_level, "value", event.recusal_level),
                  "aliases": canonical.normalise(settings.get("aliases") or {})},
        "rubric": {"sha256": rubric_content_sha256(version.document) if version is not None else ""},
    }
    state["dossiers"] = {_id(r.id): {f: getattr(r, f) or "" for f in DOSSIER_FIELDS} for r in session.execute(
        select(Dossier.id, *(getattr(Dossier, f) for f in DOSSIER_FIELDS)).where(Dossier.event_id == event.id))}
    state["judges"] = {_id(r.id): {"role": getattr(r.role, "value", r.role), "instansi": r.instansi or "",
                                   "unit_kerja": r.unit_kerja or "", "active": bool(r.active)}
                       for r in session.execute(select(User.id, User.role, User.instansi, User.unit_kerja,
                                                       User.active).where(User.event_id == event.id))}
    state["assignments"] = sorted([_id(d), _id(j), s] for d, j, s in session.execute(
        select(Assignment.dossier_id, Assignment.judge_id, Assignment.stage_id).where(
            Assignment.event_id == event.id)))
    if sheets is None:
        sheets = _sheet_rows(session, event.id)
    state["sheets"] = {sid: {"dossier_id": _id(s["dossier_id"]), "judge_id": _id(s["judge_id"]),
                             "stage_id": s["stage_id"], "status": s["status"],
                             "scores": {c: v for c, (v, _cm) in (s.get("scores") or {}).items()}}
                       for sid, s in sheets.items()}
    state["stages"] = {str(k): _stage_decision(v) for k, v in (settings.get("stages") or {}).items()}
    state["plenary"] = {_id(a.id): _plenary({**{k: getattr(a, k) for k in PLENARY_FIELDS if k != "withdrawn"},
                                             "withdrawn_at": a.withdrawn_at})
                        for a in session.scalars(select(PlenaryAdjustment).where(
                            PlenaryAdjustment.event_id == event.id))}
    return state


def _sheet_rows(session: Session, event_id: uuid.UUID) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for sheet in session.execute(select(ScoreSheet.id, ScoreSheet.dossier_id, ScoreSheet.judge_id,
                                        ScoreSheet.stage_id, ScoreSheet.status).where(
                                            ScoreSheet.event_id == event_id)):
        out[str(sheet.id)] = {"dossier_id": sheet.dossier_id, "judge_id": sheet.judge_id,
                              "stage_id": sheet.stage_id, "status": getattr(sheet.status, "value", sheet.status),
                              "scores": {}}
    if out:
        for sheet_id, cid, value in session.execute(
                select(Score.sheet_id, Score.criterion_id, Score.value_milli)
                .join(ScoreSheet, ScoreSheet.id == Score.sheet_id).where(ScoreSheet.event_id == event_id)):
            out[str(sheet_id)]["scores"][cid] = (value, "")
    return out


def digest(state: Mapping[str, Any]) -> str:
    """The state digest: SHA-256 (hex) of the state's canonical JSON. The one function that computes it."""
    return canonical.sha256_hex(state)


def event_digest(session: Session, event: Event) -> str:
    """The digest of the event's result state as the tables hold it now (what the Berita Acara prints)."""
    return digest(store_state_unchecked(session, event))


# -- the log ---------------------------------------------------------------------------------------
@dataclass
class LoggedState:
    """What the log says the result state is, and which rows the log wrote (with the last entry's seq)."""

    event: dict[str, Any] | None = None
    rubric_sha256: str | None = None
    dossiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    judges: dict[str, dict[str, Any]] = field(default_factory=dict)
    assignments: dict[tuple[str, str, str], int] = field(default_factory=dict)
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)
    plenary: dict[str, dict[str, Any]] = field(default_factory=dict)
    seq: dict[tuple[str, str], int] = field(default_factory=dict)
    package_seq: int | None = None
    """The first ``package.imported`` entry: this database is a judge's laptop fed by panel packages."""
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    """Entries whose payload is not what the services write (seq, action): reported, never a crash."""


def replay_state(records: Iterable[Mapping[str, Any]]) -> LoggedState:
    """Replay one chain's entries into a :class:`LoggedState` (sheets are replayed by ``audit_verify``)."""
    out = LoggedState()
    for r in records:
        try:
            _replay_one(out, r)
        except (AttributeError, TypeError, ValueError, KeyError):
            out.unreadable.append((r.get("seq") if isinstance(r.get("seq"), int) else 0, str(r.get("action"))))
    return out


def _replay_one(out: LoggedState, r: Mapping[str, Any]) -> None:
    action = str(r.get("action") or "")
    seq = r.get("seq") if isinstance(r.get("seq"), int) else 0
    eid = _id(r.get("entity_id"))
    before = r.get("before") if isinstance(r.get("before"), Mapping) else {}
    after = r.get("after") if isinstance(r.get("after"), Mapping) else {}
    if action == "event.created":
        settings = after.get("settings") if isinstance(after.get("settings"), Mapping) else {}
        out.event = {"id": _id(after.get("id") or eid), "recusal_level": after.get("recusal_level"),
                     "aliases": settings.get("aliases") or {}}
        out.rubric_sha256 = after.get("rubric_sha256")
        out.seq[("event", "")] = out.seq[("rubric", "")] = seq
    elif action == "event.rubric_changed":
        out.rubric_sha256 = after.get("rubric_sha256")
        out.seq[("rubric", "")] = seq
    elif action == "judge.added" and r.get("entity_type") == "user":
        out.judges[eid] = {"role": after.get("role"), "instansi": after.get("instansi") or "",
                           "unit_kerja": after.get("unit_kerja") or "",
                           "active": bool(after.get("active", True))}  # see the module docstring
        out.seq[("judges", eid)] = seq
    elif action in ("dossier.added", "dossier.imported", "dossier.updated"):
        did = _id(after.get("id") or eid)
        out.dossiers[did] = {f: after.get(f) or "" for f in DOSSIER_FIELDS}
        out.seq[("dossiers", did)] = seq
    elif action == "assignment.added":
        out.assignments[(_id(after.get("dossier_id")), _id(after.get("judge_id")), str(after.get("stage_id")))] = seq
    elif action == "assignment.removed":
        out.assignments.pop((_id(before.get("dossier_id")), _id(before.get("judge_id")),
                             str(before.get("stage_id"))), None)
    elif action == "assignment.auto":
        stage = str(after.get("stage_id"))
        for judge, dossier_ids in (after.get("added") or {}).items():
            for d in dossier_ids or ():
                out.assignments[(_id(d), _id(judge), stage)] = seq
    elif action == "stage.closed":
        out.stages[str(r.get("entity_id"))] = _stage_decision(after)
        out.seq[("stages", str(r.get("entity_id")))] = seq
    elif action == "stage.reopened":
        out.stages.pop(str(r.get("entity_id")), None)
    elif action.startswith("plenary.") and r.get("entity_type") == "plenary_adjustment" and after:
        out.plenary[eid] = _plenary(after)
        out.seq[("plenary", eid)] = seq
    elif action == "package.imported" and out.package_seq is None:
        out.package_seq = seq


# -- comparing -------------------------------------------------------------------------------------
@dataclass
class StateComparison:
    problems: list[Any] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)
    logged_state: dict[str, Any] = field(default_factory=dict)
    """The state as the log says it, parts the log does not cover taken from the tables (see :attr:`warnings`)."""


def _show(value: Any, labels: Mapping[str, str]) -> str:
    if isinstance(value, str):
        return labels.get(value, value)
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    return canonical.dumps_str(value)


def compare_state(logged: LoggedState, stored: Mapping[str, Any], labels: Mapping[str, str],
                  logged_sheets: Mapping[str, Mapping[str, Any]] | None = None,
                  skip_sheets: Iterable[str] = ()) -> StateComparison:
    """Compare the log's state with the tables' (``store_state`` form); name each table, row and field.

    ``logged_sheets``: the sheets as ``audit_verify.replay`` rebuilt them (their
    identity is compared here; their status and scores by ``audit_verify.compare``);
    ``skip_sheets``: sheets that replay could not rebuild.
    """
    from oaoi_desktop.services.audit_verify.chain import Finding

    out = StateComparison()
    on_seat = logged.package_seq is not None
    for seq, action in logged.unreadable:
        out.problems.append(Finding("audit.verify.unreadable_entry", {"seq": seq, "action": action}, seq))
    logged_state: dict[str, Any] = {k: v for k, v in stored.items()}

    def differs(section: str, row: str, row_label: str, fld: str, lv: Any, sv: Any) -> None:
        out.problems.append(Finding("audit.verify.field_differs", {
            "table": TABLE_OF[section], "row": row_label, "field": fld, "logged": _show(lv, labels),
            "stored": _show(sv, labels), "id": row}, logged.seq.get((section, row))))

    def not_covered(section: str, count: int) -> None:
        out.warnings.append(Finding("audit.verify.not_covered", {
            "table": TABLE_OF[section], "count": count, "seq": logged.package_seq}, logged.package_seq))

    # event and rubric
    ev_stored = stored.get("event") or {}
    if logged.event is None:
        not_covered("event", 1)
    else:
        for fld in ("recusal_level", "aliases"):
            if canonical.normalise(logged.event.get(fld)) != ev_stored.get(fld):
                differs("event", "", labels.get(str(ev_stored.get("id")), str(ev_stored.get("id"))), fld,
                        logged.event.get(fld), ev_stored.get(fld))
        logged_state["event"] = canonical.normalise({**ev_stored, **logged.event, "id": ev_stored.get("id")})
    rub_stored = (stored.get("rubric") or {}).get("sha256")
    if logged.rubric_sha256 is None:
        not_covered("rubric", 1)
    else:
        if logged.rubric_sha256 != rub_stored:
            differs("rubric", "", labels.get("rubric", ""), "document", logged.rubric_sha256, rub_stored)
        logged_state["rubric"] = {"sha256": logged.rubric_sha256}

    # rows keyed by id
    for section, rows, fields in (("dossiers", logged.dossiers, DOSSIER_FIELDS),
                                  ("judges", logged.judges, JUDGE_FIELDS),
                                  ("stages", logged.stages, ("advanced", "next_stage", "rule")),
                                  ("plenary", logged.plenary, PLENARY_FIELDS)):
        st_rows: Mapping[str, Any] = stored.get(section) or {}
        merged: dict[str, Any] = {}
        uncovered = 0
        for row in sorted(set(rows) | set(st_rows)):
            lrow, srow = rows.get(row), st_rows.get(row)
            label = labels.get(row, row)
            if section == "stages":
                label = row
            if lrow is None:
                if on_seat:
                    uncovered += 1
                    merged[row] = srow
                elif section != "stages":
                    out.problems.append(Finding("audit.verify.row_not_logged",
                                                {"table": TABLE_OF[section], "row": label, "id": row}))
                else:
                    differs(section, row, row, f"stages.{row}", None, srow)
                continue
            lrow = canonical.normalise(lrow)
            merged[row] = lrow
            if srow is None:
                if section == "stages":
                    differs(section, row, row, f"stages.{row}", lrow, None)
                else:
                    out.problems.append(Finding("audit.verify.row_missing", {"table": TABLE_OF[section],
                                                                             "row": label, "id": row},
                                                logged.seq.get((section, row))))
                continue
            if section == "stages":
                if lrow != srow:
                    differs(section, row, row, f"stages.{row}", lrow, srow)
                continue
            for fld in fields:
                if lrow.get(fld) != srow.get(fld):
                    differs(section, row, label, fld, lrow.get(fld), srow.get(fld))
        if uncovered:
            not_covered(section, uncovered)
        logged_state[section] = merged

    # assignments
    st_pairs = {tuple(p) for p in (stored.get("assignments") or [])}
    lg_pairs = set(logged.assignments)
    if on_seat:
        extra = st_pairs - lg_pairs
        if extra:
            not_covered("assignments", len(extra))
        lg_pairs |= extra
    for d, j, s in sorted(st_pairs - lg_pairs):
        out.problems.append(Finding("audit.verify.row_not_logged", {
            "table": "assignments", "row": f"{labels.get(d, d)} / {labels.get(j, j)} / {s}", "id": ""}))
    for d, j, s in sorted(lg_pairs - st_pairs):
        out.problems.append(Finding("audit.verify.row_missing", {
            "table": "assignments", "row": f"{labels.get(d, d)} / {labels.get(j, j)} / {s}", "id": ""},
            logged.assignments.get((d, j, s))))
    logged_state["assignments"] = sorted(list(p) for p in lg_pairs)

    # sheets: identity here, status and scores in audit_verify.compare
    st_sheets: Mapping[str, Any] = stored.get("sheets") or {}
    merged_sheets = dict(st_sheets)
    skip = set(skip_sheets)
    for sid, lsheet in sorted((logged_sheets or {}).items()):
        ssheet = st_sheets.get(sid)
        if ssheet is None or sid in skip:
            continue
        ident = {"dossier_id": _id(lsheet.get("dossier_id")), "judge_id": _id(lsheet.get("judge_id")),
                 "stage_id": lsheet.get("stage_id")}
        label = " / ".join((labels.get(ident["dossier_id"], ident["dossier_id"]),
                            labels.get(ident["judge_id"], ident["judge_id"]), str(ident["stage_id"])))
        for fld, lv in ident.items():
            if lv != ssheet.get(fld):
                differs("sheets", sid, label, fld, lv, ssheet.get(fld))
        merged_sheets[sid] = {**ssheet, **ident, **{k: lsheet[k] for k in ("status", "scores") if k in lsheet}}
    logged_state["sheets"] = merged_sheets
    out.logged_state = logged_state  # canonical parts throughout; digest() normalises once more anyway
    return out


__all__ = [
    "STATE_FORMAT", "SECTIONS", "LoggedState", "StateComparison", "store_state", "replay_state", "compare_state",
    "digest", "event_digest", "rubric_content_sha256",
]
