"""The judge screens' one way into the services: a signed-in person and an event.

:class:`JudgeSession` is plain Python (no Qt).  Every method opens its own
unit of work on the database — ``db.write()`` for anything that changes data,
so each score, comment, declaration or submit is committed at once (autosave),
``db.read()`` otherwise — loads the event and the signed-in account afresh and
calls exactly one service.  The services enforce who may see and change what;
this class only carries the ids between calls.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import Rubric, Stage
from oaoi_desktop.errors import NotFoundError
from oaoi_desktop.services import auth, judging, paper
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.services.auth import SignedIn
from oaoi_desktop.services.events import event_rubric, get_event
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Event, User


class JudgeSession:
    """What a signed-in judge (or the secretariat) does in one event.

    ``signed_in`` is what :func:`oaoi_desktop.services.auth.sign_in` returned;
    its ``event_id`` names the event.  The event's name, blind-mode setting and
    rubric are read once, when the session starts.
    """

    def __init__(self, db: Database, signed_in: SignedIn) -> None:
        if signed_in.event_id is None:
            raise NotFoundError("event.not_found", event="-")
        self.db = db
        self.signed_in = signed_in
        self.event_id: uuid.UUID = signed_in.event_id
        with db.read() as s:
            event = self._event(s)
            self.event_name: str = event.name
            self.blind_mode: bool = bool(event.blind_mode)
            self.rubric: Rubric = event_rubric(s, event)

    # -- who and where ---------------------------------------------------------
    @property
    def name(self) -> str:
        return self.signed_in.name

    @property
    def is_judge(self) -> bool:
        return self.signed_in.is_judge

    @property
    def is_secretariat(self) -> bool:
        return self.signed_in.is_secretariat

    def stage(self, stage_id: str) -> Stage:
        return self.rubric.stage(stage_id)

    def _event(self, s: Session) -> Event:
        return get_event(s, str(self.event_id))

    @contextlib.contextmanager
    def _unit(self, *, write: bool) -> Iterator[tuple[Session, Event, User]]:
        with (self.db.write() if write else self.db.read()) as s:
            yield s, self._event(s), auth.current_user(s, self.signed_in)

    # -- integrity statement -----------------------------------------------------
    def has_declared_integrity(self) -> bool:
        with self._unit(write=False) as (s, event, user):
            return judging.has_declared_integrity(s, event, user)

    def integrity_statement(self, lang: str | None = None) -> judging.IntegrityStatement:
        with self._unit(write=False) as (_s, event, user):
            return judging.integrity_statement(event, user, lang)

    def declare_integrity(self, statement: judging.IntegrityStatement) -> None:
        with self._unit(write=True) as (s, event, user):
            judging.declare_integrity(s, event, user, lang=statement.lang, statement_sha256=statement.sha256)

    # -- queue ------------------------------------------------------------------------
    def queue(self, lang: str | None = None) -> list[judging.QueueItem]:
        with self._unit(write=False) as (s, event, user):
            return judging.judge_queue(s, event, user, lang=lang)

    def last_open(self) -> judging.LastOpen | None:
        with self._unit(write=False) as (s, event, user):
            return judging.last_open_dossier(s, event, user)

    # -- one dossier ---------------------------------------------------------------------
    def open_dossier(self, dossier_id: uuid.UUID, stage_id: str | None = None,
                     lang: str | None = None) -> judging.JudgeDossier:
        """Open for reading and scoring (remembered as the last dossier open)."""
        with self._unit(write=True) as (s, event, user):
            return judging.open_dossier_for_judge(s, event, user, dossier_id, stage_id=stage_id, lang=lang)

    def sheet_state(self, dossier_id: uuid.UUID, stage_id: str) -> judging.SheetState:
        with self._unit(write=False) as (s, event, user):
            return judging.sheet_state(s, event, user, dossier_id, stage_id=stage_id)

    def record_score(self, dossier_id: uuid.UUID, stage_id: str, criterion_id: str, value: Decimal | None,
                     *, comment: str | None = None, expected_version: int | None = None) -> judging.SheetState:
        """Set or (``None``) clear one score, committed at once."""
        with self._unit(write=True) as (s, event, user):
            return judging.record_score(s, event, user, dossier_id, criterion_id, value, comment,
                                        expected_version, stage_id=stage_id)

    def record_comment(self, dossier_id: uuid.UUID, stage_id: str, criterion_id: str, comment: str,
                       *, expected_version: int | None = None) -> judging.SheetState:
        with self._unit(write=True) as (s, event, user):
            return judging.record_comment(s, event, user, dossier_id, criterion_id, comment, expected_version,
                                          stage_id=stage_id)

    def submit(self, dossier_id: uuid.UUID, stage_id: str, *,
               expected_version: int | None = None) -> judging.SheetState:
        with self._unit(write=True) as (s, event, user):
            return judging.submit_sheet(s, event, user, dossier_id, stage_id=stage_id,
                                        expected_version=expected_version)

    def declare_conflict(self, dossier_id: uuid.UUID, reason: str) -> None:
        with self._unit(write=True) as (s, event, user):
            judging.declare_conflict(s, event, user, dossier_id, reason)

    def report_leak(self, dossier_id: uuid.UUID, text: str, where: str = "") -> None:
        """Blind mode: tell the secretariat that ``text`` still shows who wrote the dossier."""
        from oaoi_desktop.services import blind

        with self._unit(write=True) as (s, event, user):
            blind.report_leak(s, event, user, dossier_id, text, where=where,
                              actor=Actor(self.signed_in.name, self.signed_in.user_id))

    # -- the secretariat -------------------------------------------------------------------
    def judges(self) -> list[tuple[uuid.UUID, str]]:
        """The event's judges (id, name), for choosing whose paper forms to print."""
        from oaoi_desktop.services import accounts

        with self._unit(write=False) as (s, event, _user):
            return [(j.id, j.name) for j in accounts.judges(s, event) if j.active]

    def write_blank_forms(self, out_dir: Path, *, judge_id: uuid.UUID | None = None,
                          lang: str | None = None) -> list[Path]:
        """The blank paper score forms, one PDF per judge (or only ``judge_id``'s)."""
        with self._unit(write=False) as (s, event, user):
            return paper.write_blank_forms(s, event, out_dir, judge=str(judge_id) if judge_id else None,
                                           lang=lang, actor=self.signed_in.actor)


__all__ = ["JudgeSession"]
