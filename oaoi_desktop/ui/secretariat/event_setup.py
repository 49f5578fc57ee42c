"""The event set-up wizard's one way into the services (no Qt).

:class:`EventSetup` opens every unit of work the wizard needs on the database:
it asks whether an event name is taken, checks and imports a roster inside a
transaction that is rolled back (:func:`~oaoi_desktop.ui.secretariat.desk.trial`,
so the wizard reports exactly what creating would refuse), and creates the
event, its rubric, judges and PINs in **one transaction**.  The pages keep only plain values: the judges as
dicts (``name``, ``nip``, ``instansi``, ``unit_kerja``, ``role``, ``pin``,
``row``), the roles and recusal levels as the enums re-exported here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from oaoi_desktop.domain.rubric import Rubric
from oaoi_desktop.errors import OaoiError
from oaoi_desktop.services import accounts, auth, events
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import RecusalLevel, Role, User
from oaoi_desktop.ui.secretariat.desk import trial

Judge = dict[str, Any]
"""One roster row as the services take it: name, nip, instansi, unit_kerja, role (a :class:`Role`), pin, row."""

Slip = tuple[str, str, str, str]
"""What one PIN slip shows: the judge's name, role value, PIN and one-time recovery code."""


def parse_aliases(text: str) -> tuple[dict[str, list[str]], list[int]]:
    """``NAME = ALIAS; ALIAS`` per line (as ``oaoi event create --alias``); the aliases
    and the numbers of the lines that are not of that form."""
    aliases: dict[str, list[str]] = {}
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, sep, others = line.partition("=")
        names = [o.strip() for o in others.split(";") if o.strip()]
        if not sep or not name.strip() or not names:
            bad.append(number)
            continue
        aliases.setdefault(name.strip(), []).extend(names)
    return aliases, bad


class EventSetup:
    """What the wizard asks of the services, for the signed-in secretariat member ``actor``."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def existing_names(self, name: str) -> list[str]:
        """The names of the events already called ``name`` (compared without case)."""
        with self.db.read() as s:
            return [e.name for e in events.list_events(s) if e.name.casefold() == name.casefold()]

    def import_roster(self, rubric: Rubric, path: Path) -> tuple[list[Judge], list[str]]:
        """The judges a CSV/XLSX list would add (checked by the roster-import service in a
        transaction that is rolled back), and the rendered problems of the rows it rejects."""
        actor = self.actor

        def work(s: Any) -> tuple[list[Judge], list[str]]:
            event = events.create_event(s, name=f"roster check {uuid.uuid4()}", rubric=rubric, actor=actor)
            result = accounts.import_roster(s, event, Path(path), actor=actor)
            added = []
            for o in result.outcomes:
                if o.status == "added" and o.judge_id is not None:
                    u = s.get(User, o.judge_id)
                    added.append({"row": o.row, "name": u.name, "nip": u.nip, "instansi": u.instansi,
                                  "unit_kerja": u.unit_kerja, "role": u.role})
            return added, [p.render() for p in result.problems]

        return trial(self.db, work)

    def check_roster(self, rubric: Rubric, judges: list[Judge]) -> list[tuple[int, str]]:
        """Every row's problem (row number, rendered message), found by adding the judges in a
        transaction that is rolled back."""
        actor = self.actor

        def work(s: Any) -> list[tuple[int, str]]:
            found: list[tuple[int, str]] = []
            event = events.create_event(s, name=f"roster check {uuid.uuid4()}", rubric=rubric, actor=actor)
            for j in judges:
                try:
                    with s.begin_nested():
                        if j["pin"]:
                            accounts.check_secret_strength(j["pin"])
                        accounts.add_judge(s, event, name=j["name"], instansi=j["instansi"],
                                           unit_kerja=j["unit_kerja"], nip=j["nip"] or None, role=j["role"],
                                           actor=actor)
                except OaoiError as exc:
                    found.append((j["row"], exc.render()))
            return found

        return trial(self.db, work)

    def create(self, *, name: str, rubric: Rubric, rubric_source: str, organiser: str, venue: str,
               starts_on: dt.date, ends_on: dt.date, blind_mode: bool, recusal_level: RecusalLevel,
               aliases: dict[str, list[str]], timezone: str,
               judges: list[Judge]) -> tuple[str, str, list[Slip]]:
        """Create the event, its rubric, judges and PINs in one transaction: the event's id and
        name, and one slip per judge (a PIN typed in is kept, an empty one generated)."""
        slips: list[Slip] = []
        with self.db.write() as s:
            event = events.create_event(
                s, name=name, rubric=rubric, actor=self.actor,
                rubric_source=rubric_source, organiser=organiser,
                venue=venue, starts_on=starts_on, ends_on=ends_on,
                blind_mode=blind_mode, recusal_level=recusal_level,
                aliases=aliases, timezone=timezone,
            )
            for j in judges:
                user = accounts.add_judge(s, event, name=j["name"], instansi=j["instansi"],
                                          unit_kerja=j["unit_kerja"], nip=j["nip"] or None, role=j["role"],
                                          actor=self.actor)
                if j["pin"]:
                    code = auth.reset_credentials(s, user, self.actor, new_secret=j["pin"])
                    slips.append((user.name, user.role.value, j["pin"], code))
                else:
                    slip = auth.issue_pin_slip(s, user, self.actor)
                    slips.append((user.name, user.role.value, slip.pin, slip.recovery_code))
            return str(event.id), event.name, slips


__all__ = ["EventSetup", "Judge", "RecusalLevel", "Role", "Slip", "parse_aliases"]
