"""Opening a dossier for a judge: the reader's view (redacted in blind mode) and the score form."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.services import dossiers
from oaoi_desktop.services import sheets as sheet_service
from oaoi_desktop.services.judging.access import allow, judge_actor, judge_context
from oaoi_desktop.services.judging.last_open import remember_open
from oaoi_desktop.services.judging.redaction import make_redactor, mask_text, redact_content, redaction_terms
from oaoi_desktop.services.judging.sheets import SheetState, build_state
from oaoi_desktop.services.policy import Action
from oaoi_desktop.store.models import Dossier, DossierRevision, Event, User


@dataclass(frozen=True)
class JudgeDossier:
    """What the reader and the score form get when a judge opens a dossier.

    ``reader`` is the dossier reader's own view (:class:`oaoi_desktop.services.dossiers.DossierView`
    of the current revision), so the reader widget shows it as it shows any
    dossier.  In blind mode it is redacted: its instansi, unit kerja,
    innovators and contact hold the mask, and the title, section titles and
    texts and attachment titles have every identifying term masked.
    ``content`` is the revision's dossier.json content, redacted the same way.
    ``attachments_unredacted`` is True in blind mode when the dossier has
    attachments: files cannot be redacted, so the reader must warn before
    opening one.  ``sheet`` is the score form's state for ``stage_id``.
    """

    reader: dossiers.DossierView
    content: dict[str, Any]
    blind_mode: bool
    attachments_unredacted: bool
    stage_id: str
    stage_ids: tuple[str, ...]
    """Every stage the judge scores this dossier in (rubric order)."""
    sheet: SheetState

    @property
    def dossier_id(self) -> uuid.UUID:
        return self.reader.dossier_id

    @property
    def number(self) -> str:
        return self.reader.number

    @property
    def title(self) -> str:
        return self.reader.title

    @property
    def instansi(self) -> str | None:
        """None in blind mode."""
        return None if self.blind_mode else self.reader.instansi

    @property
    def unit_kerja(self) -> str | None:
        """None in blind mode."""
        return None if self.blind_mode else self.reader.unit_kerja

    @property
    def innovators(self) -> tuple[str, ...] | None:
        """None in blind mode."""
        return None if self.blind_mode else self.reader.innovators

    @property
    def sections(self) -> tuple[dossiers.SectionView, ...]:
        return self.reader.sections

    @property
    def attachments(self) -> tuple[dossiers.AttachmentView, ...]:
        return self.reader.attachments

    @property
    def revision(self) -> int:
        return self.reader.revision

    @property
    def changed_since_scored(self) -> bool:
        return self.sheet.changed_since_scored


def _redact_view(view: dossiers.DossierView, redact: Callable[[str], str], mask: str) -> dossiers.DossierView:
    # File names inside the package are redacted like titles ("SK Dinas Kesehatan Kota Medan.pdf").
    attachments = tuple(replace(a, title=redact(a.title), path=redact(a.path)) for a in view.attachments)
    by_id = {a.id: a for a in attachments}
    sections = tuple(
        replace(s, title=redact(s.title), text=redact(s.text),
                attachments=tuple(by_id.get(a.id) or replace(a, title=redact(a.title), path=redact(a.path))
                                  for a in s.attachments))
        for s in view.sections
    )
    # The video link (a channel name, an agency's domain) and where the package was imported
    # from (a USB folder named after the agency) identify the entrant: masked whole.
    revisions = tuple(replace(r, source=mask if r.source else "") for r in view.revisions)
    contact = view.contact
    contact = replace(contact, **{f.name: mask for f in fields(contact) if getattr(contact, f.name)})
    return replace(
        view, title=redact(view.title), instansi=mask if view.instansi else "",
        unit_kerja=mask if view.unit_kerja else "", innovators=tuple(mask for _ in view.innovators),
        contact=contact, sections=sections, attachments=attachments,
        video_url=mask if view.video_url else "", revisions=revisions,
    )


def open_dossier_for_judge(
    session: Session,
    event: Event,
    judge: User,
    dossier_ref: Dossier | uuid.UUID | str,
    *,
    stage_id: str | None = None,
    lang: str | None = None,
) -> JudgeDossier:
    """Open a dossier for reading and scoring; remembers it as the last one open.

    Refused (PermissionDeniedError) for a dossier not assigned to the judge,
    one they are recused from or declared a conflict on, and before the
    integrity declaration.  Writes ``users.state`` (use a write unit of work).
    """
    allow(session, judge_actor(judge), Action.DOSSIER_READ_ASSIGNED, event, judge)
    ctx = judge_context(session, event, judge, dossier_ref, stage_id)
    d, stage = ctx.dossier, ctx.stage
    view = dossiers.dossier_view_unchecked(session, d, lang=lang)  # checked above (dossier.read_assigned)
    revision = session.scalar(
        select(DossierRevision).where(DossierRevision.dossier_id == d.id,
                                      DossierRevision.revision == d.current_revision)
    )
    original: dict[str, Any] = dict(revision.content or {}) if revision is not None else {}
    blind = event.blind_mode
    if blind:
        mask = mask_text(lang)
        redact = make_redactor(redaction_terms(event, d, original), mask)
        view = _redact_view(view, redact, mask)
        content = redact_content(original, redact, mask)
    else:
        content = copy.deepcopy(original)
    has_files = bool(view.attachments) or any(s.get("attachments") for s in original.get("sections") or []
                                              if isinstance(s, Mapping))
    sheet = sheet_service.get_sheet_unchecked(session, d, judge, stage.id)
    opened = JudgeDossier(
        reader=view, content=content, blind_mode=blind, attachments_unredacted=blind and has_files,
        stage_id=stage.id, stage_ids=tuple(ctx.stage_ids),
        sheet=build_state(event, ctx.rubric, stage, judge, d, sheet),
    )
    remember_open(judge, event, d, stage.id)
    session.flush()
    return opened


__all__ = ["JudgeDossier", "open_dossier_for_judge"]
