"""The results screens' way into the services (no Qt).

:class:`ResultsDesk` opens the units of work of the ranking view and its
exports, the agreement view, the audit log view, the sensitivity tab, the
projector, the blind-review dialog and the finalise / reopen dialog.  Every
method opens its own unit of work (``db.write()`` for what changes data,
``db.read()`` otherwise), loads the event afresh and calls the services, which
check who may do what; the widgets keep plain values and the services' result
records, and never hold a session.  Like
:class:`~oaoi_desktop.ui.secretariat.desk.SecretariatDesk` for the secretariat
console.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from oaoi_desktop.domain.rubric import AggregationMethod, Rubric
from oaoi_desktop.errors import OaoiError, PermissionDeniedError
from oaoi_desktop.services import (
    accounts,
    agreement,
    assignments,
    audit_query,
    blind,
    completeness,
    dossiers,
    events,
    exports,
    finalisation,
    sensitivity,
)
from oaoi_desktop.services import projector as projector_service
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.audit_query import AuditFilter, AuditRow
from oaoi_desktop.services.ranking import RankingTable, dossier_count, ranking_table
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Event

EventId = str | uuid.UUID


@dataclass(frozen=True)
class ProjectorRead:
    """What the projector read, as far as it got (``error``: what stopped it)."""

    event_name: str | None
    """The event's name (None: the event itself could not be read)."""
    table: projector_service.ProjectorTable | None
    error: OaoiError | None = None


class ResultsDesk:
    """The results screens' units of work on ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- events --------------------------------------------------------------------------------
    def events(self) -> list[tuple[str, str, bool]]:
        """Every event as (id, name, blind mode), oldest first."""
        with self.db.read() as s:
            return [(str(e.id), e.name, bool(e.blind_mode)) for e in events.list_events(s)]

    def rubric_and_count(self, event_id: EventId) -> tuple[Rubric, int]:
        """The event's rubric and its number of dossiers (the event looked up by its id text; refused when
        it does not exist)."""
        with self.db.read() as s:
            event = events.get_event(s, str(event_id))
            return events.event_rubric(s, event), dossier_count(s, event)

    def rubric_if_any(self, event_id: uuid.UUID) -> Rubric | None:
        """The event's rubric; None when there is no such event."""
        with self.db.read() as s:
            event = s.get(Event, event_id)
            return None if event is None else events.event_rubric(s, event)

    # -- ranking -------------------------------------------------------------------------------
    def ranking_facts(self, event_id: uuid.UUID) -> tuple[Rubric, int] | None:
        """The event's rubric and its number of dossiers; None when there is no such event."""
        with self.db.read() as s:
            event = s.get(Event, event_id)
            if event is None:
                return None
            return events.event_rubric(s, event), dossier_count(s, event)

    def ranking(self, event_id: uuid.UUID, params: dict[str, Any]) -> tuple[RankingTable | None, Any]:
        """The ranking table and, when an ``actor`` is in ``params``, the completeness state (issue 14),
        one session; (None, None) when there is no such event.

        ``params``: :func:`~oaoi_desktop.services.ranking.ranking_table`'s keywords, and ``actor``.
        Safe to call from a worker thread (its own session).
        """
        params = dict(params)
        actor = params.pop("actor", None)
        with self.db.read() as s:
            event = s.get(Event, event_id)
            if event is None:
                return None, None
            table = ranking_table(s, event, actor=actor, **params)
            state = None
            if actor is not None:
                state = completeness.dossier_completeness(s, event, actor=actor, stage_id=params.get("stage_id"))
            return table, state

    def export_ranking(self, event_id: uuid.UUID, what: str, path: Path, *, method: AggregationMethod,
                       stage_id: str | None, actor: Actor) -> Path:
        """Write the ranking and raw scores (``xlsx``) or one CSV (``ranking``/``scores``); the file written."""
        with self.db.read() as s:
            event = s.get(Event, event_id)
            assert event is not None
            if what == "xlsx":
                return exports.write_xlsx(s, event, Path(path), method=method, stage_id=stage_id, actor=actor)
            return exports.export_csv(s, event, Path(path), what=what, method=method, stage_id=stage_id,
                                      actor=actor)

    # -- agreement -----------------------------------------------------------------------------
    def agreement_report(self, event_id: uuid.UUID, stage_id: str | None,
                  actor: Actor) -> tuple[agreement.AgreementReport, dict[str, list[Fraction]]] | None:
        """The agreement report of the stage and each judge's totals; None when there is no such event."""
        with self.db.read() as s:
            event = s.get(Event, event_id)
            if event is None:
                return None
            report = agreement.event_agreement(s, event, stage_id=stage_id, actor=actor)
            distributions = agreement.judge_distributions(s, event, report.stage_id, actor=actor)
            return report, distributions

    def dossier_spread(self, event_id: uuid.UUID, dossier_id: str, stage_id: str | None,
                       actor: Actor) -> tuple[dict[str, dict[str, Fraction]], Rubric]:
        """One dossier's criterion scores by judge name, and the event's rubric."""
        with self.db.read() as s:
            event = s.get(Event, event_id)
            assert event is not None
            scores = agreement.dossier_criterion_scores(s, event, dossier_id, stage_id, actor=actor)
            return scores, events.event_rubric(s, event)

    # -- audit log -----------------------------------------------------------------------------
    def audit_count(self, event_id: uuid.UUID, flt: AuditFilter, actor: Actor | None) -> int:
        with self.db.read() as s:
            return audit_query.count(s, event_id, flt, actor=actor)

    def audit_page(self, event_id: uuid.UUID, flt: AuditFilter, *, below_seq: int | None, limit: int,
                   actor: Actor | None) -> tuple[list[AuditRow], dict[str, str]]:
        """One page of the event's audit entries, newest first, and the names of the ids they mention
        (empty without a secretariat ``actor``, or when the actor may not read them: short ids, as before)."""
        with self.db.read() as s:
            batch = audit_query.page(s, event_id, flt, below_seq=below_seq, limit=limit, actor=actor)
            names: dict[str, str] = {}
            if actor is not None and batch:
                try:
                    names = audit_query.entity_names(s, event_id, batch, actor=actor)
                except PermissionDeniedError:
                    names = {}
            return batch, names

    def audit_choices(self, event_id: uuid.UUID, actor: Actor | None) -> tuple[Any, Any, Any]:
        """The actors, actions and entity types the event's log has (for the filters)."""
        with self.db.read() as s:
            return audit_query.choices(s, event_id, actor=actor)

    def export_audit(self, event_id: uuid.UUID, path: Path, flt: AuditFilter, actor: Actor) -> Path:
        with self.db.read() as s:
            return audit_query.export_audit(s, event_id, Path(path), flt, actor=actor)

    # -- blind review --------------------------------------------------------------------------
    def blind_review(self, event_id: EventId, actor: Actor) -> tuple[list[str], list[blind.LeakReport]]:
        """The event's own term list and its leak reports (oldest first)."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            return blind.event_blind_terms(event), blind.leak_reports(s, event, actor=actor)

    def set_blind_terms(self, event_id: EventId, terms: list[str], actor: Actor) -> list[str]:
        """Store the event's term list (audited); the list stored."""
        with self.db.write() as s:
            return blind.set_blind_terms(s, events.get_event(s, event_id), terms, actor=actor)

    # -- finalising ----------------------------------------------------------------------------
    def finalisation_state(self, event_id: str, actor: Actor) -> finalisation.FinalisationState:
        with self.db.read() as s:
            return finalisation.state(s, uuid.UUID(event_id), actor=actor)

    def withdraw_missing(self, event_id: str, missing: Iterable[Any], actor: Actor) -> None:
        """Withdraw the assignments of the missing sheets (each: number, judge, stage_id), in one transaction."""
        with self.db.write() as s:
            event = events.get_event(s, event_id)
            for m in missing:
                assignments.unassign(s, event, dossiers.get_dossier(s, event, m.number),
                                     accounts.find_judge(s, event, m.judge), actor=actor, stage_id=m.stage_id)

    def record_exception(self, event_id: str, actor: Actor, reason: str) -> None:
        """Except every missing sheet of the event with ``reason`` (audited)."""
        with self.db.write() as s:
            completeness.record_exception(s, events.get_event(s, event_id), actor=actor, reason=reason)

    def finalise(self, event_id: str, actor: Actor, *, paper_signed: bool = False,
                 signed_minutes: Path | None = None) -> None:
        """Finalise the event: signed in ink (``paper_signed``) or with the signed Berita Acara PDF."""
        with self.db.write() as s:
            if paper_signed:
                finalisation.finalise_event(s, event_id, actor, paper_signed=True)
            else:
                finalisation.finalise_event(s, event_id, actor, signed_minutes=signed_minutes)

    def reopen(self, event_id: str, actor: Actor, reason: str) -> None:
        with self.db.write() as s:
            finalisation.reopen_event(s, event_id, actor, reason)

    # -- sensitivity ---------------------------------------------------------------------------
    def leave_one_judge_out(self, event_id: uuid.UUID, actor: Actor, *, stage_id: str | None,
                    top_n: int | None) -> sensitivity.SensitivityReport:
        """Leave-one-judge-out sensitivity of the event (safe to call from a worker thread)."""
        with self.db.read() as s:
            event = events.get_event(s, str(event_id))
            return sensitivity.leave_one_judge_out(s, event, actor=actor, stage_id=stage_id, top_n=top_n)

    # -- projector -----------------------------------------------------------------------------
    def projector_table(self, event_id: uuid.UUID, actor: Actor, *, method: AggregationMethod | None,
                        stage_id: str | None, prepared: Any) -> ProjectorRead:
        """The projector's ranking, as far as it could be read (a refusal in ``error``, not raised)."""
        name: str | None = None
        try:
            with self.db.read() as s:
                event = events.get_event(s, str(event_id))
                name = event.name
                table = projector_service.projector_table(s, event, actor=actor, method=method, stage_id=stage_id,
                                                          prepared=prepared)
        except OaoiError as exc:
            return ProjectorRead(name, None, exc)
        return ProjectorRead(name, table)

    def dossier_comments(self, event_id: uuid.UUID, dossier_id: str, actor: Actor,
                         stage_id: str | None) -> list[projector_service.Comment]:
        with self.db.read() as s:
            event = events.get_event(s, str(event_id))
            return projector_service.dossier_comments(s, event, dossier_id, actor=actor, stage_id=stage_id)


__all__ = ["ProjectorRead", "ResultsDesk"]
