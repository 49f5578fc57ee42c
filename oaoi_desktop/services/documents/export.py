"""Export: prepare (numbers, data, the documents' content) then draw (in worker processes for big batches)."""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop.domain.rubric import AggregationMethod
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.i18n.formats import to_local, zone_of
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.documents.context import (
    CODES, DEFAULT_GROUP_BY, KINDS, MINUTES, RANKING, RESULT, SHEET, Context, data_for, fingerprint,
)
from oaoi_desktop.services.documents.register import audit_head, document_code, letterhead, register
from oaoi_desktop.services.events import get_event
from oaoi_desktop.services.policy import Action, authorize_db
from oaoi_desktop.store.models import Event


PAPER_CHOICES = ("a4", "f4")


EXPORT_KINDS = {"sheets": SHEET, "results": RESULT, "ranking": RANKING, "minutes": MINUTES}


@dataclass(frozen=True)
class ExportOptions:
    lang: str = "id"
    paper: str = "a4"
    stage_id: str | None = None
    group_by: tuple[str, ...] = DEFAULT_GROUP_BY
    method: str | None = None
    day: _dt.date | None = None
    """The Berita Acara's date (default: today)."""
    place: str | None = None
    """The Berita Acara's place (default: the event's venue)."""


def file_slug(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return text[:60] or "x"


def _check_options(ctx: Context, options: ExportOptions) -> None:
    from oaoi_desktop.services.dossiers import GROUPABLE_FIELDS

    if options.paper not in PAPER_CHOICES:
        raise ValidationError("documents.bad_paper", paper=options.paper, allowed=", ".join(PAPER_CHOICES))
    if options.lang not in ("id", "en"):
        raise ValidationError("documents.bad_lang", lang=options.lang)
    if options.stage_id is not None:
        try:
            ctx.rubric.stage(options.stage_id)
        except KeyError:
            raise ValidationError("assign.unknown_stage", stage=options.stage_id) from None
    for f in options.group_by:
        if f not in GROUPABLE_FIELDS:
            raise ValidationError("rank.unknown_group_field", field=f, allowed=", ".join(GROUPABLE_FIELDS))
    if options.method is not None:
        try:
            AggregationMethod(options.method)
        except ValueError:
            raise ValidationError("documents.bad_method", method=options.method,
                                  allowed=", ".join(m.value for m in AggregationMethod)) from None


def prepare(db: Any, event_ref: str, kinds: Sequence[str], options: ExportOptions, *, actor: Actor,
            now: _dt.datetime | None = None) -> list[Any]:
    """Gather, number and register the documents of ``kinds`` (``sheet``, ``result``, ...);
    returns their :class:`~oaoi_desktop.reports.documents.Document` descriptions, ready to draw."""
    authorize_db(db, actor, Action.DOCUMENTS_ISSUE, event=event_ref)
    from oaoi_desktop.reports.documents import Document
    from oaoi_desktop.services.documents import content  # draws on reportlab's types: loaded when needed

    for kind in kinds:
        if kind not in KINDS:
            raise ValidationError("documents.unknown_kind", kind=kind, allowed=", ".join(KINDS))
    now = now or _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)
    lang = options.lang
    docs: list[Document] = []
    with db.write() as session:
        event = get_event(session, event_ref)
        # one numbering at a time per event (PostgreSQL; SQLite's write lock already serialises)
        session.execute(select(Event.id).where(Event.id == event.id).with_for_update())
        ctx = Context(session, event)
        _check_options(ctx, options)
        if not ctx.sheets:
            raise ValidationError("documents.no_scores", event=event.name)
        head = letterhead(db, event)
        seq, head_hash = audit_head(session, event)
        group_by = list(options.group_by)
        stage_id = options.stage_id

        def make(kind: str, details: dict[str, Any], file_stem: str, title_extra: str, body: Any, signers: Any,
                 *, dossier_id: uuid.UUID | None = None, judge_id: uuid.UUID | None = None,
                 sheet_stage: str | None = None, intro: str = "", annex: Any = (),
                 audit: tuple[int, str] | None = None, state_digest: str = "") -> None:
            data = data_for(ctx, kind, details)
            fp = fingerprint(ctx, kind, data)
            file_name = f"{CODES[kind]}-{file_slug(file_stem)}.pdf"
            row = register(ctx, kind, details, fp=fp, file_name=file_name, lang=lang, actor=actor,
                           dossier_id=dossier_id, judge_id=judge_id, stage_id=sheet_stage)
            docs.append(Document(
                kind=kind, number=row.number, lang=lang, paper=options.paper, event_id=str(event.id),
                event_name=event.name, title=i18n_title(kind, lang), subtitle=title_extra, fingerprint=fp,
                rubric_sha256=ctx.rubric_sha256, generated_at=now, file_name=file_name, letterhead=head,
                body=body, signers=signers, signature_intro=intro, audit=audit, annex=annex,
                state_digest=state_digest, timezone=zone_of(event)))

        if SHEET in kinds:
            stage_order = {st.id: i for i, st in enumerate(ctx.rubric.stages)}
            ordered = sorted(ctx.sheets, key=lambda x: (ctx.dossiers[x.dossier_id].number, stage_order.get(x.stage_id, 0),
                                                        ctx.users[x.judge_id].name.lower()))
            for sd in ordered:
                if stage_id is not None and sd.stage_id != stage_id:
                    continue
                number, body, signers = content.sheet_body(ctx, sd, lang)
                judge = ctx.users[sd.judge_id]
                stem = f"{number}-{judge.name}" + (f"-{sd.stage_id}" if len(ctx.rubric.stages) > 1 else "")
                make(SHEET, {"dossier_id": sd.dossier_id, "judge_id": sd.judge_id, "stage_id": sd.stage_id},
                     stem, f"{number} — {judge.name}", body, signers, dossier_id=sd.dossier_id,
                     judge_id=sd.judge_id, sheet_stage=sd.stage_id)
        if RESULT in kinds:
            scored = {s.dossier_id for s in ctx.sheets if stage_id is None or s.stage_id == stage_id}
            for d in ctx.dossiers.values():
                if d.id not in scored:
                    continue
                details = {"dossier_id": d.id, "stage_id": stage_id, "group_by": group_by, "method": options.method}
                number, body, signers = content.result_body(ctx, d.id, stage_id, group_by, options.method, lang)
                make(RESULT, details, number, f"{d.number} — {d.title}", body, signers, dossier_id=d.id,
                     sheet_stage=stage_id)
        if RANKING in kinds:
            raw, rows = ctx.ranking(stage_id, group_by, options.method)
            groups = list(dict.fromkeys(tuple(r.group) for r in rows))
            scopes: list[tuple[list[str], list[str] | None]] = []
            if group_by and groups:
                scopes += [(group_by, list(g)) for g in groups]
            scopes.append(([], None) if group_by else (group_by, None))
            for gb, group in scopes:
                details = {"stage_id": stage_id, "group_by": gb, "method": options.method, "group": group}
                subtitle, body, signers = content.ranking_body(ctx, stage_id, gb, options.method, group, lang)
                stem = "-".join(group) if group else ("semua" if lang == "id" else "overall")
                make(RANKING, details, stem, subtitle, body, signers, sheet_stage=stage_id)
        if MINUTES in kinds:
            day = options.day or to_local(now, zone_of(event)).date()
            place = options.place if options.place is not None else event.venue
            details = {"stage_id": stage_id, "group_by": group_by, "method": options.method, "date": day,
                       "place": place, "audit_seq": seq}
            subtitle, body, signers, intro, annex = content.minutes_body(ctx, stage_id, group_by, options.method,
                                                                         day, place, lang)
            make(MINUTES, details, document_code(event), subtitle, body, signers, intro=intro, annex=annex,
                 sheet_stage=stage_id, audit=(seq, head_hash), state_digest=_state_digest(session, event))
        session.flush()
        append(session, actor=actor, action="documents.issued", event_id=event.id, entity_type="event",
               entity_id=event.id, after={"documents": [{"number": d.number, "kind": d.kind,
                                                          "fingerprint": d.fingerprint} for d in docs],
                                          # the digest the Berita Acara prints, kept in the chain too
                                          **{"state_digest": d.state_digest for d in docs if d.state_digest}})
    return docs


def _state_digest(session: Session, event: Event) -> str:
    """The result state digest the Berita Acara prints beside the chain head (``oaoi audit verify --digest``)."""
    from oaoi_desktop.services.audit_state import event_digest

    return event_digest(session, event)


def i18n_title(kind: str, lang: str) -> str:
    from oaoi_desktop import i18n

    return i18n.render(f"documents.title.{kind}", lang)


def check_folder(folder: Path) -> Path:
    """Create ``folder`` if needed and make sure a file can be written there."""
    from oaoi_desktop.files import prepare_out_folder, sweep_stale_parts

    folder = Path(folder)
    if not folder.exists() and not folder.parent.exists():
        prepare_out_folder(folder)  # a missing parent (an unmounted stick) is refused, not created
    try:
        folder.mkdir(exist_ok=True)  # only the last level
        sweep_stale_parts(folder)
        probe = folder / f".oaoi-write-test-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ValidationError("documents.bad_folder", path=str(folder), reason=exc.strerror or str(exc)) from exc
    return folder


def _draw_to(doc: Any, path: str) -> str:
    """Worker: draw one document to ``path`` (a temporary name)."""
    from oaoi_desktop.reports.documents import render_pdf

    data = render_pdf(doc)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def _draw_many(items: list[tuple[Any, str]]) -> list[str]:
    return [_draw_to(doc, path) for doc, path in items]


class Cancelled(Exception):
    """The export was cancelled; nothing was left under a final name."""


def write_documents(docs: Sequence[Any], folder: Path, *, progress: Any = None, cancelled: Any = None,
                    workers: int | None = None) -> list[Path]:
    """Draw ``docs`` into ``folder``: each to a temporary name, all renamed at the end.

    ``progress(done, total)`` is called as documents are drawn; ``cancelled()``
    returning true stops the batch, removes the temporary files and raises
    :class:`Cancelled` — no file is left under a final name.  Big batches are
    drawn in worker processes (``workers``, default: the machine's cores, at most 4).
    """
    import os
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    import multiprocessing

    folder = check_folder(folder)
    total = len(docs)
    names: dict[str, int] = {}
    finals: list[Path] = []
    for doc in docs:
        name = doc.file_name
        if name in names:
            names[name] += 1
            stem, dot, ext = name.rpartition(".")
            name = f"{stem}-{names[doc.file_name]}.{ext}"
        else:
            names[name] = 1
        finals.append(folder / name)
    temps = [p.with_name(f".{p.name}.{uuid.uuid4().hex[:8]}.part") for p in finals]
    done = 0
    is_cancelled = cancelled or (lambda: False)

    def report() -> None:
        if progress is not None:
            progress(done, total)

    def cleanup() -> None:
        for t in temps:
            try:
                t.unlink(missing_ok=True)
            except OSError:
                pass

    workers = workers if workers is not None else min(4, os.cpu_count() or 1)
    try:
        report()
        if workers <= 1 or total < 8:
            for doc, tmp in zip(docs, temps):
                if is_cancelled():
                    raise Cancelled()
                _draw_to(doc, str(tmp))
                done += 1
                report()
        else:
            chunk = max(1, min(20, total // (workers * 8) or 1))
            items = list(zip(docs, [str(t) for t in temps]))
            batches = [items[i:i + chunk] for i in range(0, total, chunk)]
            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                pending = set()
                it = iter(batches)
                for batch in it:
                    pending.add(pool.submit(_draw_many, batch))
                    if len(pending) >= workers * 2:
                        break
                while pending:
                    finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    for f in finished:
                        done += len(f.result())
                        report()
                    if is_cancelled():
                        for f in pending:
                            f.cancel()
                        wait(pending)
                        raise Cancelled()
                    for batch in it:
                        pending.add(pool.submit(_draw_many, batch))
                        if len(pending) >= workers * 2:
                            break
        if is_cancelled():
            raise Cancelled()
        for tmp, final in zip(temps, finals):
            os.replace(tmp, final)
    except OSError as exc:
        cleanup()
        raise ValidationError("documents.bad_folder", path=str(folder), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        cleanup()
        raise
    return finals


__all__ = ["Cancelled", "EXPORT_KINDS", "ExportOptions", "PAPER_CHOICES", "check_folder", "file_slug", "i18n_title",
           "prepare", "write_documents"]
