"""The secretariat console's way into the services (no Qt).

:class:`SecretariatDesk` opens the units of work the console's screens need:
the event selector and its stages, the dossier browser, the assignment
matrix, the progress
dashboard, the PIN slip reprint, the purge plan, the signing certificates, the
calibration tab and the paper-form import.  Every method opens its own unit of work and calls the
services, which check who may do what; the screens
keep plain values and the services' result records.  The event set-up wizard
has its own (:class:`~oaoi_desktop.ui.secretariat.event_setup.EventSetup`).

:func:`trial` runs work in a transaction that is rolled back, so a screen can
show exactly what a change would do, or refuse, before it is made.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from oaoi_desktop.errors import OaoiError
from oaoi_desktop.i18n.formats import zone_of
from oaoi_desktop.services import (
    accounts,
    assignments,
    auth,
    calibration,
    dossiers,
    events,
    paper,
    purge,
    shadow,
    status,
)
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.status import EventProgress
from oaoi_desktop.store.database import Database

T = TypeVar("T")

EventId = str | uuid.UUID


class _Rollback(Exception):
    def __init__(self, value: object) -> None:
        super().__init__("rollback")
        self.value = value


def trial(db: Database, work: Callable[[Any], T]) -> T:
    """Run ``work(session)`` in a write transaction and roll it back; its result."""
    try:
        with db.write() as s:
            raise _Rollback(work(s))
    except _Rollback as done:
        return done.value  # type: ignore[return-value]


@dataclass(frozen=True)
class DossierRow:
    """One dossier as the browser lists it (plain data, read once)."""

    id: uuid.UUID
    number: str
    title: str
    instansi: str
    unit_kerja: str
    kategori: str
    kelompok: str
    revision: int
    attachments: int


@dataclass
class CalibrationOverview:
    """What the calibration tab shows, as far as it could be read (``error``: what stopped it)."""

    rows: list[tuple[str, str, bool]] = field(default_factory=list)
    """(number, title, flagged for calibration) per proposal."""
    state: calibration.RoundState | None = None
    report: calibration.CalibrationReport | None = None
    shadow_report: shadow.ShadowReport | None = None
    error: OaoiError | None = None


class SecretariatDesk:
    """The console's units of work on ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the event selector ---------------------------------------------------------------
    def events(self) -> list[tuple[str, str]]:
        """Every event as (id, name), oldest first."""
        with self.db.read() as s:
            return [(str(e.id), e.name) for e in events.list_events(s)]

    def stages(self, event_id: EventId, lang: str) -> list[tuple[str, str]]:
        """The stages of the event's rubric as (id, name in ``lang``)."""
        with self.db.read() as s:
            rubric = events.event_rubric(s, events.get_event(s, event_id))
        return [(st.id, st.name(lang)) for st in rubric.stages]

    # -- dossiers ----------------------------------------------------------------------------
    def dossier_rows(self, event_id: EventId, actor: Any) -> tuple[str, list[DossierRow]]:
        """The event's name and its dossiers, by number (read as ``actor``: the secretariat)."""
        with self.db.read() as s:
            event = events.get_event(s, str(event_id))
            counts = dossiers.attachment_counts(s, event)
            rows = [
                DossierRow(d.id, d.number, d.title, d.instansi, d.unit_kerja, d.kategori, d.kelompok,
                           d.current_revision, counts.get(d.id, 0))
                for d in dossiers.list_dossiers(s, event, actor=actor)
            ]
            return event.name, rows

    def dossier_view(self, dossier_id: EventId, lang: str, actor: Any) -> dossiers.DossierView:
        """The dossier's current revision as the reader shows it."""
        with self.db.read() as s:
            return dossiers.dossier_view(s, uuid.UUID(str(dossier_id)), lang=lang, actor=actor)

    # -- assignments --------------------------------------------------------------------------
    def auto_assign(self, event_id: EventId, *, per_dossier: int, seed: int, actor: Actor, stage_id: str | None,
                    spread_categories: bool) -> assignments.AssignResult:
        """Assign judges to the event's dossiers automatically (in one transaction)."""
        with self.db.write() as s:
            event = events.get_event(s, event_id)
            return assignments.auto_assign(s, event, per_dossier=per_dossier, seed=seed, actor=actor,
                                           stage_id=stage_id, spread_categories=spread_categories)

    def dossier_numbers(self, event_id: EventId, actor: Actor) -> dict[str, str]:
        """The proposal number of each of the event's dossiers, by dossier id (text)."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            return {str(d.id): d.number for d in dossiers.list_dossiers(s, event, actor=actor)}

    def assignment_matrix(self, event_id: EventId, stage_id: str | None, actor: Actor) -> assignments.MatrixData:
        """The judges × dossiers matrix of the stage."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            return assignments.matrix_data(s, event, stage_id, actor=actor)

    def toggle_assignment(self, event_id: EventId, dossier_id: str, judge_id: str, *, assigned: bool,
                          stage_id: str | None, actor: Actor) -> tuple[Any, bool]:
        """Unassign the judge from the dossier (``assigned``), else assign them; the cell's new
        state and whether the judge is assigned now."""
        with self.db.write() as s:
            event = events.get_event(s, event_id)
            dossier = dossiers.get_dossier(s, event, dossier_id)
            judge = accounts.find_judge(s, event, judge_id)
            if assigned:
                assignments.unassign(s, event, dossier, judge, actor=actor, stage_id=stage_id)
            else:
                assignments.assign(s, event, dossier, judge, actor=actor, stage_id=stage_id)
            state = assignments.cell_state(s, event, dossier, judge, stage_id, actor=actor)
            return state, assignments.is_assigned(s, dossier, judge, stage_id)

    # -- progress ----------------------------------------------------------------------------
    def progress_stamp(self, event_id: EventId) -> object:
        """What changes whenever the event's progress does (cheap to read: the dashboard polls it)."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            return status.progress_stamp(s, event.id)

    def progress(self, event_id: EventId, stage_id: str | None,
                 actor: Actor) -> tuple[object, EventProgress, str]:
        """The progress stamp, the progress of the stage (None: the rubric's first) and the event's zone."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            stage = stage_id or events.event_rubric(s, event).first_stage.id
            stamp = status.progress_stamp(s, event.id)
            progress = status.event_progress(s, event.id, stage, actor=actor)
            return stamp, progress, zone_of(event)

    # -- PIN slips ---------------------------------------------------------------------------
    def slip_facts(self, event_id: EventId) -> tuple[str, str, dt.date | None, dt.date | None,
                                                     list[tuple[str, str, str]]]:
        """What a PIN slip of the event prints: its name, venue, first and last day, and its
        active judges as (id, name, role value)."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            people = [(str(u.id), u.name, u.role.value) for u in accounts.judges(s, event) if u.active]
            return event.name, event.venue or "", event.starts_on, event.ends_on, people

    def issue_pin_slip(self, event_id: EventId, judge_id: str, actor: Actor) -> tuple[str, str, str, str]:
        """A new PIN and recovery code for the judge (audited): name, role value, PIN, code."""
        with self.db.write() as s:
            judge = accounts.find_judge(s, events.get_event(s, event_id), judge_id)
            slip = auth.issue_pin_slip(s, judge, actor)
            return judge.name, judge.role.value, slip.pin, slip.recovery_code

    # -- purge -------------------------------------------------------------------------------
    def purge_plan(self, event_id: EventId, actor: Actor) -> tuple[str, purge.PurgePlan]:
        """The event's time zone and what a purge would do now."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            zone = zone_of(event)
            return zone, purge.plan(s, event, actor=actor)

    def set_retention(self, event_id: EventId, days: int | None, actor: Actor) -> None:
        """Set the event's retention period (None: none)."""
        with self.db.write() as s:
            purge.set_retention(s, events.get_event(s, event_id), days, actor=actor)

    # -- signing certificates ---------------------------------------------------------------
    # The signing package is loaded on first use (as the certificates dialog did).
    def certificates(self, event_id: EventId) -> tuple[tuple[str, str] | None,
                                                      list[tuple[str, str, str | None, str | None]]]:
        """The event's certificate authority as (common name, fingerprint), None while it has none,
        and every judge as (id, name, serial and last day of their active certificate, or None)."""
        from oaoi_desktop.signing import pki

        with self.db.read() as s:
            event = events.get_event(s, event_id)
            ca = pki.authority_certificate(s, event.id)
            rows = []
            for person in accounts.judges(s, event):
                cred = pki.active_credential(s, event.id, person.id)
                rows.append((str(person.id), person.name, cred.serial if cred else None,
                             cred.not_after.date().isoformat() if cred else None))
        authority = (pki.common_name(ca.subject), pki.cert_fingerprint(ca)) if ca is not None else None
        return authority, rows

    def create_authority(self, event_id: EventId, secret: str, actor: Actor) -> str:
        """Create the event's certificate authority, its key under ``secret``; its fingerprint."""
        from oaoi_desktop.services import keys

        with self.db.write() as s:
            return keys.create_authority(s, event_id, secret, actor).fingerprint

    def authority_pem(self, event_id: EventId) -> str | None:
        """The authority's certificate as PEM (None while the event has none)."""
        from oaoi_desktop.signing import pki

        with self.db.read() as s:
            ca = pki.authority_certificate(s, event_id)
        return pki.cert_pem(ca) if ca is not None else None

    def issue_certificate(self, event_id: EventId, judge_id: str, ca_secret: str, secret: str,
                          actor: Actor) -> tuple[str, bytes, str, str]:
        """Issue the judge's signing certificate (PKCS#12 under ``secret``): the judge's name,
        the .p12 bytes, its serial and last day."""
        from oaoi_desktop.services import keys

        with self.db.write() as s:
            cred = keys.issue_judge_certificate(s, event_id, judge_id, ca_secret, secret, actor)
            name = accounts.find_judge(s, events.get_event(s, event_id), judge_id).name
            return name, bytes(cred.pkcs12), cred.serial, cred.not_after.date().isoformat()

    def import_certificate(self, event_id: EventId, judge_id: str, data: bytes, secret: str,
                           actor: Actor) -> tuple[str, str]:
        """Import a judge's PKCS#12 file (its passphrase ``secret``): the judge's name and the serial."""
        from oaoi_desktop.services import keys

        with self.db.write() as s:
            cred = keys.import_judge_certificate(s, event_id, judge_id, data, secret, actor)
            name = accounts.find_judge(s, events.get_event(s, event_id), judge_id).name
            return name, cred.serial

    # -- calibration ---------------------------------------------------------------------------
    def calibration_overview(self, event_id: EventId, actor: Actor, lang: str) -> CalibrationOverview:
        """The event's proposals with their calibration flags, the round, and both reports, read in
        one unit of work; a refusal stops the reading and comes back with what was read before it."""
        seen = CalibrationOverview()
        try:
            with self.db.read() as s:
                e = events.get_event(s, event_id)
                seen.rows = [(d.number, d.title, bool(d.calibration))
                             for d in dossiers.list_dossiers(s, e, actor=actor)]
                seen.state = calibration.round_state(s, e, actor=actor)
                seen.report = calibration.report(s, e, actor=actor, lang=lang)
                seen.shadow_report = shadow.report(s, e, actor=actor)
        except OaoiError as exc:
            seen.error = exc
        return seen

    def calibration_flags(self, event_id: EventId, actor: Actor) -> set[str]:
        """The numbers of the proposals flagged for calibration now."""
        with self.db.read() as s:
            event = events.get_event(s, event_id)
            return {d.number for d in dossiers.list_dossiers(s, event, actor=actor) if d.calibration}

    def flag_calibration(self, event_id: EventId, flag: list[str], unflag: list[str], actor: Actor) -> None:
        """Flag and unflag proposals for calibration (each change audited), in one transaction."""
        with self.db.write() as s:
            e = events.get_event(s, event_id)
            if flag:
                calibration.flag_dossiers(s, e, flag, actor=actor)
            if unflag:
                calibration.flag_dossiers(s, e, unflag, actor=actor, calibration=False)

    def start_calibration_round(self, event_id: EventId, actor: Actor) -> None:
        """Assign the calibration proposals to every active judge."""
        with self.db.write() as s:
            calibration.start_round(s, events.get_event(s, event_id), actor=actor)

    def close_calibration_round(self, event_id: EventId, actor: Actor) -> None:
        with self.db.write() as s:
            calibration.close_round(s, events.get_event(s, event_id), actor=actor)

    def reset_calibration_sheet(self, event_id: EventId, number: str, judge: str, reason: str,
                                actor: Actor) -> None:
        """Reopen a judge's calibration sheet, with the reason (audited)."""
        with self.db.write() as s:
            calibration.reset_sheet(s, events.get_event(s, event_id), number, judge, reason=reason, actor=actor)

    def practice_document(self, event_id: EventId, kind: str, actor: Actor, lang: str) -> Any:
        """The calibration (``calibration``) or trainee (``shadow``) report, ready to draw as a PDF."""
        from oaoi_desktop.reports.practice import calibration_document, shadow_document

        with self.db.read() as s:
            e = events.get_event(s, event_id)
            if kind == "calibration":
                return calibration_document(calibration.report(s, e, actor=actor, lang=lang), str(e.id), lang)
            return shadow_document(shadow.report(s, e, actor=actor), str(e.id), lang)

    # -- paper forms -------------------------------------------------------------------------
    def import_paper_scores(self, event_id: EventId, first: Path, second: Path, actor: Actor, *,
                            keep: bool) -> paper.PaperImport:
        """Compare the two entries of the paper forms and import them; ``keep`` False rolls the
        import back (a comparison only: nothing stored)."""

        def work(s: Any) -> paper.PaperImport:
            return paper.import_paper_scores(s, events.get_event(s, event_id), first, actor=actor,
                                             second_entry=second)

        if keep:
            with self.db.write() as s:
                return work(s)
        return trial(self.db, work)


__all__ = ["CalibrationOverview", "DossierRow", "SecretariatDesk", "trial"]
