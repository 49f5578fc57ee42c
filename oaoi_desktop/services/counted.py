"""Which sheets, dossiers and judges count toward results: ONE place (issue 17).

Results (ranking, agreement statistics, progress totals, exports, documents,
completeness) count a score sheet only when it is

* final (submitted or locked),
* of a dossier that is not a calibration dossier (``Dossier.calibration``), and
* by a panel judge (chair or member), never a shadow (trainee) judge.

Every results query filters with :func:`counted_sheet` (SQL) and lists
dossiers and judges with :func:`competing_dossier` / :func:`panel_judge`; a
new results query must do the same.  Calibration sheets and shadow sheets are
read only by ``services/calibration.py`` and ``services/shadow.py``.

Pure SQL-expression builders: no session, no data (listed as PURE in the
policy matrix test).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, false, select, true

from oaoi_desktop.store.models import Dossier, Role, ScoreSheet, SheetStatus, User

FINAL_STATUSES = (SheetStatus.SUBMITTED, SheetStatus.LOCKED)
PANEL_ROLES = (Role.CHAIR, Role.MEMBER)
"""Judges whose sheets count (a shadow judge scores but never counts)."""
JUDGE_ROLES = (Role.CHAIR, Role.MEMBER, Role.SHADOW)
"""Everyone who signs in and scores as a judge."""


def calibration_dossier_ids() -> Any:
    """SELECT of the ids of calibration dossiers (all events; the caller filters by event)."""
    return select(Dossier.id).where(Dossier.calibration == true())


def shadow_judge_ids() -> Any:
    """SELECT of the ids of shadow (trainee) judges."""
    return select(User.id).where(User.role == Role.SHADOW)


def counted_sheet(*, final: bool = True) -> Any:
    """WHERE clause on :class:`ScoreSheet`: the sheet counts toward results.

    ``final=False`` drops the status condition (progress counts drafts too,
    but still never a calibration or shadow sheet).
    """
    parts = [
        ScoreSheet.dossier_id.not_in(calibration_dossier_ids()),
        ScoreSheet.judge_id.not_in(shadow_judge_ids()),
    ]
    if final:
        parts.insert(0, ScoreSheet.status.in_(FINAL_STATUSES))
    return and_(*parts)


def competing_dossier() -> Any:
    """WHERE clause on :class:`Dossier`: a real entry (not a calibration dossier)."""
    return Dossier.calibration == false()


def panel_judge() -> Any:
    """WHERE clause on :class:`User`: a judge whose sheets count (chair or member)."""
    return User.role.in_(PANEL_ROLES)


def counts(dossier: Any = None, judge: Any = None) -> bool:
    """In Python: whether a sheet of ``dossier`` by ``judge`` may count (either may be None)."""
    if dossier is not None and bool(getattr(dossier, "calibration", False)):
        return False
    role = getattr(judge, "role", None)
    return not (role is not None and role == Role.SHADOW)


__all__ = ["FINAL_STATUSES", "JUDGE_ROLES", "PANEL_ROLES", "calibration_dossier_ids", "competing_dossier",
           "counted_sheet", "counts", "panel_judge", "shadow_judge_ids"]
