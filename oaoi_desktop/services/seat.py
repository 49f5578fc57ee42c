"""What kind of seat this database is: the secretariat's, or a judge's laptop.

A database made by ``oaoi package import`` (a panel package applied on a
judge's own laptop) is a **judge seat**: it holds one judge's working copy and
no secretariat account.  Secretariat work (assigning, unlocking, plenary
decisions, exports, ranking) is refused there in the services (no actor can
hold the secretariat role) and the CLI and GUI say so in plain words.  A
secretariat account written into such a file by hand does not make it a
secretariat seat: the imported package row decides.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.store.models import PanelPackage


def is_judge_seat(session: Session) -> bool:
    """True when a panel package was applied to this database (a judge's laptop), or when this
    connection is a judge's LAN seat on PostgreSQL (``oaoi lan setup``)."""
    from oaoi_desktop.store import lan

    if lan.is_judge_seat_connection(session):
        return True
    return session.scalar(select(PanelPackage.id).where(PanelPackage.direction == "imported").limit(1)) is not None


def seat_judge_id(session: Session) -> uuid.UUID | None:
    """The judge whose laptop this is (``None`` on the secretariat's seat)."""
    from oaoi_desktop.store import lan

    if lan.is_judge_seat_connection(session):
        return lan.seat_user_id(session)
    return session.scalar(
        select(PanelPackage.judge_id).where(PanelPackage.direction == "imported")
        .order_by(PanelPackage.generation.desc()).limit(1)
    )


__all__ = ["is_judge_seat", "seat_judge_id"]
