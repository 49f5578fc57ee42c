"""The judge workspace: integrity declaration, queue, reader, score form, submit.

Every function here acts for one judge (a :class:`User` with role chair or
member on the event's roster) and enforces, in this order, before doing
anything (:class:`PermissionDeniedError`, never a silent empty result):

1. the judge belongs to the event and is active (``judging.not_a_judge``);
2. the judge has confirmed the integrity statement for the event
   (``judging.integrity_required``) — see :func:`declare_integrity`;
3. for a dossier: it is assigned to the judge (``judging.not_assigned``), the
   judge is not recused from it at the event's recusal level with its aliases
   (``judging.recused``), and has not declared a conflict on it
   (``judging.conflict_declared``).

So a judge sees only their own, conflict-free dossiers whatever the GUI does.

Autosave: :func:`record_score` and :func:`record_comment` change one thing and
return the new :class:`SheetState`; the caller commits its unit of work at once
(one ``db.write()`` per change).  ``expected_version`` is the ``version`` of the
last state the caller showed (0 before the sheet exists): a change made
meanwhile in another window or on another seat fails with ``sheet.stale``
instead of being overwritten.  A comment typed before its score has no score
row to live on yet; it is kept in ``users.state["pending_comments"]`` and moves
onto the score when one is given.

Submitting (:func:`submit_sheet`) checks that every criterion is scored and every
required comment written, then LOCKS the sheet: the judge cannot change it any
more, and only the secretariat reopens it with a reason
(:func:`oaoi_desktop.services.sheets.unlock_sheet`).  Sheets in status
SUBMITTED (saved through the store-level ``save_sheet_unchecked(submit=True)``, e.g. by a
bundle merge) are final for the judge as well.  Both statuses count in the
ranking.

Blind mode: the queue and the reader never carry instansi, unit kerja or
innovator names, and those strings (with the event's aliases for them) are
replaced by a neutral mask in every text of the dossier, case-insensitively and
as whole words.  Attachments cannot be redacted; :attr:`JudgeDossier.attachments_unredacted`
tells the reader to say so before opening one.

The last dossier a judge opened is kept in ``users.state["last_open"]`` so the
workspace returns to it after a restart (:func:`last_open_dossier`).

The package's sub-modules follow those seams: ``access`` (who may act, on which
dossier), ``integrity``, ``redaction`` (blind mode), ``sheets`` (the score form),
``queue``, ``reader``, ``last_open`` and ``conflicts``; ``status`` holds
:class:`QueueStatus`, which the score form and the queue share.
"""

from __future__ import annotations

from oaoi_desktop.services.judging.access import has_declared_integrity
from oaoi_desktop.services.judging.conflicts import DeclaredConflict, declare_conflict, list_conflicts
from oaoi_desktop.services.judging.integrity import IntegrityStatement, declare_integrity, integrity_statement
from oaoi_desktop.services.judging.last_open import LastOpen, last_open_dossier
from oaoi_desktop.services.judging.queue import QueueItem, QueueProgress, judge_queue, queue_progress
from oaoi_desktop.services.judging.reader import JudgeDossier, open_dossier_for_judge
from oaoi_desktop.services.judging.redaction import make_redactor, mask_text, redaction_terms
from oaoi_desktop.services.judging.sheets import (
    CriterionState,
    SheetState,
    record_comment,
    record_score,
    sheet_state,
    submit_sheet,
)
from oaoi_desktop.services.judging.status import QueueStatus
from oaoi_desktop.services.sheets import unlock_sheet  # re-exported: the secretariat reopens a submitted sheet


__all__ = [
    "QueueStatus",
    "IntegrityStatement",
    "integrity_statement",
    "has_declared_integrity",
    "declare_integrity",
    "CriterionState",
    "SheetState",
    "sheet_state",
    "record_score",
    "record_comment",
    "submit_sheet",
    "unlock_sheet",
    "QueueItem",
    "QueueProgress",
    "judge_queue",
    "queue_progress",
    "JudgeDossier",
    "open_dossier_for_judge",
    "LastOpen",
    "last_open_dossier",
    "DeclaredConflict",
    "declare_conflict",
    "list_conflicts",
    "redaction_terms",
    "make_redactor",
    "mask_text",
]
