"""The last dossier a judge opened, kept in ``users.state["last_open"]`` so the
workspace returns to it after a restart."""

from __future__ import annotations

import copy
import uuid
from typing import NamedTuple

from sqlalchemy.orm import Session

from oaoi_desktop.errors import PermissionDeniedError
from oaoi_desktop.services.events import event_rubric
from oaoi_desktop.services.judging.access import allow, allowed_stages, judge_actor, require_judge
from oaoi_desktop.services.policy import Action
from oaoi_desktop.store.models import Dossier, Event, User


class LastOpen(NamedTuple):
    dossier_id: uuid.UUID
    number: str
    stage_id: str


def remember_open(judge: User, event: Event, dossier: Dossier, stage_id: str) -> None:
    state = copy.deepcopy(judge.state or {})
    last = state.setdefault("last_open", {})
    entry = {"dossier_id": str(dossier.id), "stage_id": stage_id}
    if last.get(str(event.id)) != entry:
        last[str(event.id)] = entry
        judge.state = state


def forget_open(judge: User, event: Event, dossier: Dossier) -> None:
    last = (judge.state or {}).get("last_open") or {}
    entry = last.get(str(event.id))
    if entry and entry.get("dossier_id") == str(dossier.id):
        state = copy.deepcopy(judge.state)
        state["last_open"].pop(str(event.id), None)
        judge.state = state


def last_open_dossier(session: Session, event: Event, judge: User) -> LastOpen | None:
    """The dossier the judge had open last in ``event``, if they may still open it."""
    allow(session, judge_actor(judge), Action.SHEET_READ_OWN, event, judge)
    require_judge(session, event, judge)
    entry = ((judge.state or {}).get("last_open") or {}).get(str(event.id))
    if not entry:
        return None
    try:
        dossier = session.get(Dossier, uuid.UUID(entry["dossier_id"]))
    except (KeyError, ValueError, TypeError):
        return None
    if dossier is None or dossier.event_id != event.id:
        return None
    rubric = event_rubric(session, event)
    try:
        stage_ids = allowed_stages(session, event, judge, dossier, rubric)
    except PermissionDeniedError:
        return None
    stage_id = entry.get("stage_id") if entry.get("stage_id") in stage_ids else stage_ids[0]
    return LastOpen(dossier.id, dossier.number, stage_id)


__all__ = ["LastOpen", "forget_open", "last_open_dossier", "remember_open"]
