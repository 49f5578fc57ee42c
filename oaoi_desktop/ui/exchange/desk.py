"""The exchange screens' way into the services (no Qt).

:class:`ExchangeDesk` does every unit of work of the exchange menu and its
dialogs (panel packages, judge bundles, sheet conflicts): each method opens
its own unit of work, or calls a service that opens its own, and returns
plain values or the services' result records.  The services check who may do
what; the dialogs keep what they are given.  Work that runs in a job calls the
desk from the job's thread, as it called the services before.

The menu asks :meth:`ExchangeDesk.has_secretariat` while the window starts, so
the exchange services (and the cryptography they load) are imported only by
the methods that use them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oaoi_desktop.services import accounts, auth, events, seat
from oaoi_desktop.services.audit import Actor
from oaoi_desktop.store.database import Database

if TYPE_CHECKING:
    from oaoi_desktop.services.exchange import bundles, packages

EventId = str | uuid.UUID


class ExchangeDesk:
    """The exchange units of work on ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the menu -------------------------------------------------------------------------
    def has_secretariat(self) -> bool:
        """Whether this database has a secretariat account (and is no judge's seat)."""
        with self.db.read() as s:
            return not (auth.needs_secretariat_setup(s) or seat.is_judge_seat(s))

    def conflicts_event(self, actor: Actor) -> Any:
        """The id of the event with the most open conflicts, else of the most recent event, else None."""
        from oaoi_desktop.services.exchange import bundles

        with self.db.read() as s:
            event_id = bundles.event_with_most_open_conflicts(s, actor=actor)
            if event_id is None:
                listed = events.list_events(s)
                event_id = listed[-1].id if listed else None
        return event_id

    # -- events and judges -----------------------------------------------------------------
    def events_newest_first(self) -> list[tuple[str, str]]:
        """Every event as (name, id text), the most recent first."""
        with self.db.read() as s:
            return [(e.name, str(e.id)) for e in reversed(events.list_events(s))]

    def judges(self, event_id: EventId) -> list[tuple[str, str]]:
        """The event's judges as (name, id text)."""
        with self.db.read() as s:
            return [(j.name, str(j.id)) for j in accounts.judges(s, events.get_event(s, event_id))]

    # -- panel packages ----------------------------------------------------------------------
    def import_package(self, path: Path, passphrase: str, *, progress: Callable[..., Any] | None = None,
                       cancel: Any = None) -> packages.PackageImport:
        """Decrypt and apply a panel package on this laptop."""
        from oaoi_desktop.services.exchange import packages

        return packages.import_package(self.db, path, passphrase, progress=progress, cancel=cancel)

    def export_package(self, event_id: str, judge_id: str, target: Path, passphrase: str, *, actor: Actor,
                       progress: Callable[..., Any] | None = None, cancel: Any = None,
                       ca_passphrase: str | None = None) -> packages.PackageExport:
        """Write one judge's panel package into ``target``."""
        from oaoi_desktop.services.exchange import packages

        return packages.export_package(self.db, event_id, judge_id, target, passphrase, actor=actor,
                                       progress=progress, cancel=cancel, ca_passphrase=ca_passphrase)

    # -- judge bundles ------------------------------------------------------------------------
    def export_bundle(self, event_id: str, user_id: str, folder: Path, passphrase: str, *,
                      actor: Actor) -> bundles.BundleExport:
        """Sign and write the judge's bundle into ``folder``."""
        from oaoi_desktop.services.exchange import bundles

        return bundles.export_bundle(self.db, event_id, user_id, folder, passphrase, actor=actor)

    def import_bundles(self, event_id: str, files: Sequence[Path], *, actor: Actor) -> bundles.MergeReport:
        """Check and merge judges' bundle files into the event."""
        from oaoi_desktop.services.exchange import bundles

        return bundles.import_bundles(self.db, event_id, list(files), actor=actor)

    # -- sheet conflicts ------------------------------------------------------------------------
    def open_conflict_count(self, event_id: str, actor: Actor) -> int:
        from oaoi_desktop.services.exchange import bundles

        with self.db.read() as s:
            return bundles.open_conflict_count(s, uuid.UUID(event_id), actor=actor)

    def conflicts(self, event_id: str, actor: Actor) -> tuple[str, Any, list[bundles.ConflictView]]:
        """The event's name, its rubric and its open conflicts."""
        from oaoi_desktop.services.exchange import bundles

        with self.db.read() as s:
            event = events.get_event(s, event_id)
            name = event.name
            rubric = events.event_rubric(s, event)
            views = bundles.list_conflicts(s, event, actor=actor)
        return name, rubric, views

    def resolve_conflict(self, conflict_id: Any, keep: str, reason: str, *, actor: Actor) -> None:
        """Keep one version of a conflicting sheet (in one transaction)."""
        from oaoi_desktop.services.exchange import bundles

        with self.db.write() as s:
            bundles.resolve_conflict(s, conflict_id, keep, reason, actor=actor)


__all__ = ["ExchangeDesk"]
