"""The integrity statement (Pakta Integritas) a judge confirms once per event."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import i18n
from oaoi_desktop.errors import ConflictError
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.judging.access import allow, check_judge, judge_actor
from oaoi_desktop.services.policy import Action
from oaoi_desktop.store.models import Event, IntegrityDeclaration, Role, User


@dataclass(frozen=True)
class IntegrityStatement:
    """The text a judge confirms, in one language, and the SHA-256 recorded."""

    title: str
    text: str
    confirm_label: str
    lang: str
    sha256: str


def integrity_statement(event: Event, judge: User, lang: str | None = None) -> IntegrityStatement:
    """The Pakta Integritas / Pernyataan Bebas Konflik Kepentingan for ``judge``.

    ``sha256`` covers the title and the text exactly as shown (UTF-8).
    """
    lang = lang or i18n.current_language()
    title = i18n.render("judging.integrity.title", lang)
    # the chair signs as the panel's chair ("ketua"), never as a member (issue 14)
    capacity = i18n.render("words.integrity.capacity.chair" if judge.role is Role.CHAIR
                           else "words.integrity.capacity.member", lang)
    text = i18n.render("judging.integrity.text", lang, name=judge.name, event=event.name, capacity=capacity)
    digest = hashlib.sha256(f"{title}\n\n{text}".encode("utf-8")).hexdigest()
    return IntegrityStatement(title=title, text=text, confirm_label=i18n.render("judging.integrity.confirm", lang),
                              lang=lang, sha256=digest)


def declare_integrity(
    session: Session, event: Event, judge: User, *, lang: str | None = None,
    statement_sha256: str | None = None,
) -> IntegrityDeclaration:
    """Record that ``judge`` confirmed the integrity statement (once per event).

    ``statement_sha256``, when given, must be the hash of the statement the
    GUI showed (``IntegrityStatement.sha256``), so what is recorded is what was
    read.  Declaring again returns the first declaration unchanged.
    """
    allow(session, judge_actor(judge), Action.INTEGRITY_DECLARE_OWN, event, judge)
    check_judge(event, judge)
    existing = session.scalar(
        select(IntegrityDeclaration).where(
            IntegrityDeclaration.event_id == event.id, IntegrityDeclaration.judge_id == judge.id
        )
    )
    if existing is not None:
        return existing
    statement = integrity_statement(event, judge, lang)
    if statement_sha256 is not None and statement_sha256 != statement.sha256:
        raise ConflictError("judging.integrity_changed")
    row = IntegrityDeclaration(id=uuid.uuid4(), event_id=event.id, judge_id=judge.id,
                               statement_sha256=statement.sha256)
    session.add(row)
    session.flush()
    append(session, actor=Actor(judge.name, judge.id), action="integrity.declared", event_id=event.id,
           entity_type="integrity_declaration", entity_id=row.id,
           after={"judge_id": judge.id, "name": judge.name, "lang": statement.lang,
                  "statement_sha256": statement.sha256, "title": statement.title, "text": statement.text,
                  "declared_at": row.declared_at})
    return row


__all__ = ["IntegrityStatement", "declare_integrity", "integrity_statement"]
