"""What each document says: builds :class:`~oaoi_desktop.reports.documents.Document`
descriptions (texts in the chosen language) from a
:class:`oaoi_desktop.services.documents.Context` (rows already read).

Nothing here writes to the database or draws; numbers and fingerprints are
given by the caller (:func:`oaoi_desktop.services.documents.prepare`).  Moved
here from ``reports/content.py`` (issue 16): ``reports/`` only draws the plain
blocks this module assembles.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from oaoi_desktop import i18n
from oaoi_desktop.domain.rubric import CHAIR, Rubric, Stage
from oaoi_desktop.i18n import formats
from oaoi_desktop.reports.documents import Heading, KeyValues, NewPage, Para, Signer, TableBlock
from oaoi_desktop.reports.terbilang import long_date_en, short_date, written_date_id
from oaoi_desktop.reports.sensitivity_appendix import appendix
from oaoi_desktop.services.calibration import minutes_line
from oaoi_desktop.services.documents.context import adjusted_rows, recusals
from oaoi_desktop.services.ranking import entry_dossiers
from oaoi_desktop.services.sensitivity import SensitivityReport, leave_one_judge_out_unchecked
from oaoi_desktop.store.models import Role

if TYPE_CHECKING:
    from oaoi_desktop.services.documents.context import Context, SheetData
    from oaoi_desktop.store.models import Dossier, PlenaryAdjustment, User


def _t(message_id: str, lang: str, **params: Any) -> str:
    return i18n.render(message_id, lang, **params)


def _dec(value: Any, lang: str) -> str:
    """A score with two decimals in the document's language ("87,83" in Indonesian)."""
    return formats.decimal(value, lang)


def _exact(value: Any, lang: str) -> str:
    """An exact number in the document's language ("7,5")."""
    return formats.exact(value, lang)


def method_text(method: str, lang: str) -> str:
    return _t(f"documents.method.{method}", lang)


def tie_rules_text(rubric: Rubric, lang: str) -> str:
    names = []
    for cid in rubric.tie_breaks:
        if cid == CHAIR:
            continue
        try:
            names.append(rubric.criterion(cid).name(lang))
        except KeyError:
            names.append(cid)
    chain = ", ".join(names) if names else "-"
    return _t("documents.tie_chain", lang, chain=chain)


def capacity(user: "User", lang: str) -> str:
    return _t("documents.role.chair" if user.role is Role.CHAIR else "documents.role.member", lang)


def signer(user: "User", lang: str, capacity_text: str | None = None) -> Signer:
    return Signer(user.id.hex, user.name, capacity_text or capacity(user, lang), user.nip or "")


def group_text(group: Sequence[str], lang: str) -> str:
    text = " / ".join(g for g in group if g)
    return text or _t("documents.all_groups", lang)


def agency(d: "Dossier", ctx: "Context", lang: str) -> str:
    if ctx.event.blind_mode:
        return _t("documents.blind", lang)
    return " / ".join(v for v in (d.instansi, d.unit_kerja) if v) or "-"


def outcome_text(rank: int | None, passed: bool, lang: str) -> str:
    if rank is None:
        return _t("documents.not_ranked", lang)
    return _t("documents.passed" if passed else "documents.failed", lang)


def stage_label(ctx: "Context", stage_id: str | None, lang: str) -> str:
    if stage_id is None:
        if len(ctx.rubric.stages) == 1:
            return ctx.rubric.first_stage.name(lang)
        return _t("documents.stage_combined", lang)
    return ctx.rubric.stage(stage_id).name(lang)


def decision_text(a: "PlenaryAdjustment", ctx: "Context", lang: str) -> str:
    numbers = {d.id.hex: d.number for d in ctx.dossiers.values()}
    dossier = ctx.dossiers.get(a.dossier_id)
    number = dossier.number if dossier else str(a.dossier_id)
    if a.kind == "tie_resolved":
        order = " > ".join(numbers.get(d, d) for d in (a.details or {}).get("order", []))
        return _t("documents.decision.tie_resolved", lang, order=order)
    if a.kind == "dossier_moved":
        return _t("documents.decision.dossier_moved", lang, dossier=number, position=a.position,
                  from_rank=(a.details or {}).get("from_rank", "-"))
    judge = ctx.users.get(a.judge_id) if a.judge_id else None
    try:
        crit = ctx.rubric.criterion(a.criterion_id or "", a.stage_id).name(lang)
    except KeyError:
        crit = a.criterion_id or ""
    return _t("documents.decision.score_corrected", lang, criterion=crit, judge=judge.name if judge else "-",
              dossier=number, original=_exact(Fraction(a.original_milli or 0, 1000), lang),
              value=_exact(Fraction(a.value_milli or 0, 1000), lang))


def _base_keyvalues(ctx: "Context", d: "Dossier", lang: str) -> list[tuple[str, str]]:
    rows = [
        (_t("documents.label.event", lang), ctx.event.name),
        (_t("documents.label.dossier", lang), d.number),
        (_t("documents.label.title", lang), d.title),
        (_t("documents.label.agency", lang), agency(d, ctx, lang)),
    ]
    group = " / ".join(v for v in (d.kelompok, d.kategori) if v)
    if group:
        rows.append((_t("documents.label.group", lang), group))
    return rows


# =====================================================================================
# Lembar Penilaian
# =====================================================================================
def sheet_body(ctx: "Context", sd: "SheetData", lang: str) -> tuple[str, tuple[Any, ...], tuple[Signer, ...]]:
    d = ctx.dossiers[sd.dossier_id]
    judge = ctx.users[sd.judge_id]
    stage = ctx.rubric.stage(sd.stage_id)
    kv = _base_keyvalues(ctx, d, lang)
    kv += [
        (_t("documents.label.judge", lang), judge.name),
        (_t("documents.label.stage", lang), stage.name(lang)),
        (_t("documents.label.rubric", lang), f"{ctx.rubric.title(lang)} ({ctx.rubric.version})"),
    ]
    if sd.submitted_at is not None:
        kv.append((_t("documents.label.submitted", lang),
                   formats.local_time(sd.submitted_at, formats.zone_of(ctx.event))))
    rows = []
    for i, c in enumerate(stage.criteria, start=1):
        milli, comment = sd.scores.get(c.id, (None, ""))
        if milli is None:
            rows.append((str(i), c.name(lang), _exact(c.weight, lang), "-", "-", "-", comment))
            continue
        value = Fraction(milli, 1000)
        level = c.level_for(Decimal(milli) / 1000)
        weighted = Fraction(c.weight) * value / Fraction(c.scale_max)
        rows.append((str(i), c.name(lang), _exact(c.weight, lang), _exact(value, lang),
                     level.label(lang) if level else "-", _dec(weighted, lang), comment or ""))
    rows.append(("", _t("documents.col.total", lang), "100", "", "", _dec(sd.total, lang), ""))
    table = TableBlock(
        header=(_t("documents.col.no", lang), _t("documents.col.criterion", lang), _t("documents.col.weight", lang),
                _t("documents.col.score", lang), _t("documents.col.level", lang),
                _t("documents.col.weighted", lang), _t("documents.col.comment", lang)),
        rows=tuple(rows), widths=(0.05, 0.25, 0.07, 0.07, 0.12, 0.1, 0.34), align=("R", "L", "R", "R", "L", "R", "L"),
        wrap=(1, 4, 6), bold_rows=(len(rows) - 1,), font_size=8,
    )
    passed = sd.total is not None and sd.total >= Fraction(ctx.rubric.pass_mark)
    body = (
        KeyValues(tuple(kv)),
        table,
        Para(_t("documents.sheet.total", lang, total=_dec(sd.total, lang), pass_mark=_exact(ctx.rubric.pass_mark, lang),
                outcome=_t("documents.passed" if passed else "documents.failed", lang)), "body"),
        Para(_t("documents.sheet.pledge", lang), "note"),
    )
    return d.number, body, (signer(judge, lang, _t("documents.capacity.judge", lang)),)


# =====================================================================================
# Lembar Hasil Penilaian
# =====================================================================================
def _notes_for(raw: Any, dossier_hex: str, ctx: "Context", lang: str) -> list[str]:
    labels = {d.id.hex: d.number for d in ctx.dossiers.values()}
    notes = []
    for ko in raw.knockouts:
        if ko.dossier_id == dossier_hex:
            notes.append(ko.render(lang, labels))
    for entry in raw.trace:
        if dossier_hex in entry_dossiers(entry):
            notes.append(entry.render(lang, labels))
    return list(dict.fromkeys(notes))


def result_body(ctx: "Context", dossier_id: Any, stage_id: str | None, group_by: Sequence[str],
                method: str | None, lang: str) -> tuple[str, tuple[Any, ...], tuple[Signer, ...]]:
    d = ctx.dossiers[dossier_id]
    raw, rows = adjusted_rows(ctx, stage_id, group_by, method, None)
    row = next((r for r in rows if r.dossier_id == d.id.hex), None)
    group_size = sum(1 for r in rows if row is not None and r.group == row.group and r.rank is not None)
    kv = _base_keyvalues(ctx, d, lang)
    kv.append((_t("documents.label.stage", lang), stage_label(ctx, stage_id, lang)))
    kv.append((_t("documents.label.method", lang), method_text(method or ctx.rubric.aggregation.value, lang)))
    state = ctx.completeness(stage_id).of(d.id)
    if state is not None:
        kv.append((_t("complete.doc.label", lang), state.badge(lang)))
    body: list[Any] = [KeyValues(tuple(kv))]
    sheets = [s for s in ctx.sheets_of(d.id) if stage_id is None or s.stage_id == stage_id]
    stages = [st for st in ctx.rubric.stages if any(s.stage_id == st.id for s in sheets)]
    judges_seen: dict[Any, "User"] = {}
    for stage in stages:
        mine = sorted((s for s in sheets if s.stage_id == stage.id),
                      key=lambda s: (ctx.users[s.judge_id].name.lower(), s.judge_id.hex))
        for s in mine:
            judges_seen[s.judge_id] = ctx.users[s.judge_id]
        if len(stages) > 1:
            body.append(Heading(stage.name(lang)))
        body.append(_side_by_side(ctx, stage, mine, lang))
    if row is not None:
        summary = [
            (_t("documents.label.aggregate", lang), _dec(row.value, lang)),
            (_t("documents.label.rank", lang),
             _t("documents.rank_of", lang, rank=row.rank if row.rank is not None else "-", count=group_size,
                group=group_text(row.group, lang))),
            (_t("documents.label.pass_mark", lang), _exact(ctx.rubric.pass_mark, lang)),
            (_t("documents.label.status", lang), outcome_text(row.rank, row.passed, lang)),
        ]
        if row.raw_rank != row.rank or row.raw_value != row.value:
            summary.append((_t("documents.label.before_plenary", lang),
                            _t("documents.before_plenary", lang, rank=row.raw_rank if row.raw_rank else "-",
                               value=_dec(row.raw_value, lang))))
        body.append(Heading(_t("documents.result.summary", lang)))
        body.append(KeyValues(tuple(summary)))
    notes = _notes_for(raw, d.id.hex, ctx, lang)
    body.append(Heading(_t("documents.result.tiebreak_notes", lang)))
    body.append(Para(_t("documents.tie_rules", lang, rules=tie_rules_text(ctx.rubric, lang)), "note"))
    for n in notes or [_t("documents.none", lang)]:
        body.append(Para(n, "small"))
    body.append(Heading(_t("documents.result.adjustments", lang)))
    mine_adj = [a for a in ctx.adjustments if a.dossier_id == d.id or d.id.hex in (a.details or {}).get("order", [])]
    if mine_adj:
        body.append(TableBlock(
            header=(_t("documents.col.no", lang), _t("documents.col.decision", lang), _t("documents.col.reason", lang)),
            rows=tuple((str(i), decision_text(a, ctx, lang), a.reason) for i, a in enumerate(mine_adj, start=1)),
            widths=(0.05, 0.5, 0.45), align=("R", "L", "L"), wrap=(1, 2)))
    else:
        body.append(Para(_t("documents.none", lang), "small"))
    signers = [signer(u, lang, _t("documents.capacity.judge", lang))
               for u in sorted(judges_seen.values(), key=lambda u: (u.role is Role.CHAIR, u.name.lower()))
               if u.role is not Role.CHAIR]
    for chair in ctx.chairs():
        signers.append(signer(chair, lang))
    return d.number, tuple(body), tuple(signers)


def _side_by_side(ctx: "Context", stage: Stage, sheets: list["SheetData"], lang: str) -> TableBlock:
    names = [ctx.users[s.judge_id].name for s in sheets]
    rows = []
    for c in stage.criteria:
        cells = []
        for s in sheets:
            milli = s.scores.get(c.id, (None, ""))[0]
            cells.append(_exact(Fraction(milli, 1000), lang) if milli is not None else "-")
        rows.append((c.name(lang), _exact(c.weight, lang), *cells))
    rows.append((_t("documents.col.total", lang), "100", *(_dec(s.total, lang) for s in sheets)))
    n = max(1, len(sheets))
    judge_w = min(0.14, 0.6 / n)
    widths = (1 - 0.08 - judge_w * n, 0.08) + (judge_w,) * len(sheets)
    return TableBlock(header=(_t("documents.col.criterion", lang), _t("documents.col.weight", lang), *names),
                      rows=tuple(rows), widths=widths, align=("L", "R") + ("R",) * len(sheets), wrap=(0,),
                      bold_rows=(len(rows) - 1,), font_size=7.5)


# =====================================================================================
# Rekapitulasi dan Peringkat
# =====================================================================================
def ranking_block(ctx: "Context", raw: Any, rows: list[Any], lang: str, *, with_group: bool,
                  stage_id: str | None = None) -> TableBlock:
    """The ranking as the PDFs print it (a :class:`TableBlock`): the GUI's table is
    ``ranking.ranking_table``, the exports' rows ``ranking.ranking_rows``."""
    labels = {d.id.hex: d.number for d in ctx.dossiers.values()}
    by_hex = {d.id.hex: d for d in ctx.dossiers.values()}
    notes_of: dict[str, list[str]] = {}
    for ko in raw.knockouts:
        notes_of.setdefault(ko.dossier_id, []).append(_t("documents.note.knockout", lang))
    for row in raw:
        if row.tied_for_chair:
            notes_of.setdefault(row.dossier_id, []).append(_t("documents.note.tie_chair", lang))
    out = []
    for r in rows:
        d = by_hex[r.dossier_id]
        notes = list(notes_of.get(r.dossier_id, []))
        if r.adjustments:
            notes.append(_t("documents.note.plenary", lang))
        if r.raw_rank != r.rank and r.raw_rank is not None:
            notes.append(_t("documents.note.raw_rank", lang, rank=r.raw_rank))
        notes += _incomplete_mark(ctx, stage_id, d.id, lang)
        cells = [str(r.rank) if r.rank is not None else "-", d.number, d.title,
                 agency(d, ctx, lang) if not ctx.event.blind_mode else "-"]
        if with_group:
            cells.append(group_text(r.group, lang))
        raw_row = None
        try:
            raw_row = raw.dossier(r.dossier_id)
        except KeyError:
            pass
        cells += [_dec(r.value, lang), str(raw_row.n_sheets if raw_row else 0), outcome_text(r.rank, r.passed, lang),
                  "; ".join(dict.fromkeys(notes))]
        out.append(tuple(cells))
    del labels
    header = [_t("documents.col.rank", lang), _t("documents.col.number", lang), _t("documents.col.title", lang),
              _t("documents.col.agency", lang)]
    if with_group:
        header.append(_t("documents.col.group", lang))
        widths: tuple[float, ...] = (0.06, 0.1, 0.27, 0.17, 0.11, 0.07, 0.05, 0.07, 0.10)
        wrap: tuple[int, ...] = (2, 3, 4, 8)
        align = ("R", "L", "L", "L", "L", "R", "R", "L", "L")
    else:
        widths = (0.06, 0.1, 0.33, 0.2, 0.07, 0.05, 0.08, 0.11)
        wrap = (2, 3, 7)
        align = ("R", "L", "L", "L", "R", "R", "L", "L")
    header += [_t("documents.col.score", lang), _t("documents.col.judges", lang), _t("documents.col.result", lang),
               _t("documents.col.notes", lang)]
    return TableBlock(header=tuple(header), rows=tuple(out), widths=widths, align=align, wrap=wrap, font_size=7)


def _incomplete_mark(ctx: "Context", stage_id: str | None, dossier_id: Any, lang: str) -> list[str]:
    """``belum lengkap 2/3`` for a dossier with sheets still missing (issue 14), else nothing."""
    c = ctx.completeness(stage_id).of(dossier_id)
    if c is None or c.complete:
        return []
    return [_t("complete.doc.mark", lang, submitted=c.submitted, expected=c.expected)]


def completeness_text(ctx: "Context", stage_id: str | None, lang: str) -> str:
    """``Lembar penilaian diserahkan 33 dari 36; 3 proposal belum lengkap.``"""
    state = ctx.completeness(stage_id)
    key = "complete.doc.summary_complete" if not state.incomplete_count else "complete.doc.summary"
    return _t(key, lang, submitted=state.sheets_submitted, expected=state.sheets_expected,
              incomplete=state.incomplete_count)


def ranking_body(ctx: "Context", stage_id: str | None, group_by: Sequence[str], method: str | None,
                 group: Sequence[str] | None, lang: str) -> tuple[str, tuple[Any, ...], tuple[Signer, ...]]:
    raw, rows = adjusted_rows(ctx, stage_id, group_by, method, group)
    m = method or ctx.rubric.aggregation.value
    subtitle = group_text(group or (), lang)
    kv = (
        (_t("documents.label.event", lang), ctx.event.name),
        (_t("documents.label.stage", lang), stage_label(ctx, stage_id, lang)),
        (_t("documents.label.group", lang), subtitle),
        (_t("documents.label.method", lang), method_text(m, lang)),
        (_t("documents.label.pass_mark", lang), _exact(ctx.rubric.pass_mark, lang)),
        (_t("documents.label.tie_breaks", lang), tie_rules_text(ctx.rubric, lang)),
    )
    passed = sum(1 for r in rows if r.passed and r.rank is not None)
    body = (KeyValues(kv), Para(_t("documents.ranking.summary", lang, count=len(rows), passed=passed), "small"),
            Para(completeness_text(ctx, stage_id, lang), "small"),
            ranking_block(ctx, raw, rows, lang, with_group=False, stage_id=stage_id))
    # issue 17: results that hang on one judge
    body += appendix(sensitivity_report(ctx, stage_id, group_by, method), group, lang)
    signers = tuple(signer(u, lang) for u in (ctx.chairs() or ctx.panel()))
    return subtitle, body, signers


def sensitivity_report(ctx: "Context", stage_id: str | None, group_by: Sequence[str],
                       method: str | None) -> SensitivityReport:
    """One leave-one-judge-out computation per (stage, grouping, method), kept on the context
    (the ranking PDF's appendix; ``documents.prepare`` checked the actor)."""
    cache = ctx.__dict__.setdefault("_sensitivity", {})
    key = (stage_id, tuple(group_by), method)
    if key not in cache:
        cache[key] = leave_one_judge_out_unchecked(ctx.session, ctx.event, method=method, stage_id=stage_id,
                                                   group_by=group_by)
    return cache[key]


# =====================================================================================
# Berita Acara Hasil Penilaian
# =====================================================================================
def minutes_body(ctx: "Context", stage_id: str | None, group_by: Sequence[str], method: str | None,
                 day: _dt.date, place: str, lang: str) -> tuple[str, tuple[Any, ...], tuple[Signer, ...], str]:
    raw, rows = adjusted_rows(ctx, stage_id, group_by, method, None)
    m = method or ctx.rubric.aggregation.value
    place_text = place or _t("documents.place_unknown", lang)
    if lang == "id":
        opening = _t("documents.minutes.opening", lang, written=written_date_id(day), place=place_text,
                     event=ctx.event.name, organiser=ctx.event.organiser or "-")
    else:
        opening = _t("documents.minutes.opening", lang, written=long_date_en(day), place=place_text,
                     event=ctx.event.name, organiser=ctx.event.organiser or "-")
    body: list[Any] = [Para(opening, "justify"), Heading(_t("documents.minutes.panel", lang))]
    panel = ctx.panel()
    body.append(TableBlock(
        header=(_t("documents.col.no", lang), _t("documents.col.name", lang), _t("documents.col.instansi", lang),
                _t("documents.col.capacity", lang)),
        rows=tuple((str(i), u.name, " / ".join(v for v in (u.instansi, u.unit_kerja) if v), capacity(u, lang))
                   for i, u in enumerate(panel, start=1)),
        widths=(0.06, 0.32, 0.37, 0.25), align=("R", "L", "L", "L"), wrap=(1, 2, 3), font_size=8))
    sheets = ctx.sheets
    assessed = len({s.dossier_id for s in sheets})
    passed = sum(1 for r in rows if r.passed and r.rank is not None)
    body.append(Heading(_t("documents.minutes.assessed", lang)))
    body.append(Para(_t("documents.minutes.assessed_text", lang, dossiers=len(ctx.dossiers), assessed=assessed,
                        sheets=len(sheets), pass_mark=_exact(ctx.rubric.pass_mark, lang), passed=passed)))
    body.append(Para(completeness_text(ctx, stage_id, lang)))
    excepted = ctx.completeness(stage_id).excepted
    if excepted:
        body.append(Para(_t("complete.doc.exceptions", lang) + ":"))
        for x in excepted:
            body.append(Para(_t("complete.doc.exception_row", lang, number=x.number, judge=x.judge,
                                reason=x.exception), "small"))
    body.append(Para(_t("documents.minutes.method", lang, method=method_text(m, lang),
                        rules=tie_rules_text(ctx.rubric, lang))))
    calibration = minutes_line(ctx.event, lang)  # issue 17: the calibration round, if held
    if calibration:
        body.append(Para(calibration))
    body.append(Heading(_t("documents.minutes.recusals", lang)))
    recs = recusals(ctx)
    if recs:
        body.append(TableBlock(
            header=(_t("documents.col.no", lang), _t("documents.col.judge", lang), _t("documents.col.dossier", lang),
                    _t("documents.col.reason", lang)),
            rows=tuple((str(i), ctx.users[r.judge_id].name if r.judge_id in ctx.users else "-",
                        ctx.dossiers[r.dossier_id].number if r.dossier_id in ctx.dossiers else "-",
                        _t("documents.recusal.declared", lang, reason=r.reason) if r.kind == "declared"
                        else _t("documents.recusal.automatic", lang))
                       for i, r in enumerate(recs, start=1)),
            widths=(0.06, 0.3, 0.16, 0.48), align=("R", "L", "L", "L"), wrap=(1, 3), font_size=7.5))
    else:
        body.append(Para(_t("documents.none", lang), "small"))
    body.append(Heading(_t("documents.minutes.decisions", lang)))
    if ctx.adjustments:
        body.append(TableBlock(
            header=(_t("documents.col.no", lang), _t("documents.col.decision", lang), _t("documents.col.reason", lang),
                    _t("documents.col.decided_by", lang)),
            rows=tuple((str(i), decision_text(a, ctx, lang), a.reason, a.decided_by)
                       for i, a in enumerate(ctx.adjustments, start=1)),
            widths=(0.06, 0.42, 0.36, 0.16), align=("R", "L", "L", "L"), wrap=(1, 2, 3), font_size=7.5))
    else:
        body.append(Para(_t("documents.none", lang), "small"))
    body.append(Heading(_t("documents.minutes.ranking", lang)))
    body.append(Para(_t("documents.minutes.ranking_text", lang)))
    body.append(Para(_t("documents.minutes.closing", lang)))
    # the annex: the final ranking per group, after the signatures' page
    annex: list[Any] = [NewPage(), Heading(_t("documents.minutes.annex", lang))]
    annex.append(Para(_t("documents.minutes.annex_ref", lang), "small"))
    groups: dict[tuple[str, ...], list[Any]] = {}
    for r in rows:
        groups.setdefault(tuple(r.group), []).append(r)
    for group, members in groups.items():
        if group:
            annex.append(Heading(group_text(group, lang)))
        annex.append(ranking_block(ctx, raw, members, lang, with_group=False, stage_id=stage_id))
    intro = _t("documents.signature_place", lang, place=place or "", date=short_date(day, lang)).strip(", ")
    signers = tuple(signer(u, lang) for u in panel)
    return ctx.event.name, tuple(body), signers, intro, tuple(annex)  # type: ignore[return-value]


__all__ = ["minutes_body", "ranking_body", "result_body", "sheet_body", "method_text", "sensitivity_report", "signer",
           "tie_rules_text"]
