"""The ranking PDF's appendix: passes and advancements that depend on a single judge.

Added by :func:`oaoi_desktop.services.documents.content.ranking_body` when, in
the document's group, leaving out one judge would change whether some proposal
passes the pass mark or advances among the top N (the rule the stage was
closed with).  The report (:class:`oaoi_desktop.services.sensitivity.SensitivityReport`)
examines the raw result (before plenary decisions), with the document's stage,
grouping and method; it is computed by the documents service and given here
as plain data: this module only lays it out.  Nothing is added when no
proposal depends on one judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from oaoi_desktop import i18n
from oaoi_desktop.domain.scoring import display, number_text
from oaoi_desktop.reports.documents import Heading, Para, TableBlock

if TYPE_CHECKING:
    from oaoi_desktop.services.sensitivity import SensitivityReport


def _t(message_id: str, lang: str, **params: Any) -> str:
    return i18n.render(message_id, lang, **params)


def appendix(report: "SensitivityReport", group: Sequence[str] | None, lang: str) -> tuple[Any, ...]:
    """Heading, explanation and table of the dependent proposals of ``group`` (all when None); () if none."""
    rows = [r for r in report.dependent if group is None or tuple(r.group) == tuple(group)]
    if not rows:
        return ()
    top = _t("projector.pdf.top", lang, n=report.top_n) if report.top_n else ""
    body: list[Any] = [
        Heading(_t("projector.pdf.heading", lang)),
        Para(_t("projector.pdf.intro", lang, pass_mark=number_text(report.pass_mark), top=top,
                judges=len(report.judges)), "small"),
    ]
    table_rows = []
    for r in rows:
        effects = []
        for e in r.effects:
            if e.judge_name not in r.pass_depends_on and e.judge_name not in r.advance_depends_on:
                continue
            outcome = _t("projector.pdf.passes" if e.passed else "projector.pdf.fails", lang)
            if report.top_n is not None:
                outcome += ", " + _t("projector.pdf.advances" if e.advanced else "projector.pdf.not_advances", lang,
                                     n=report.top_n)
            effects.append(_t("projector.pdf.without", lang, judge=e.judge_name, rank=e.rank or "-",
                              score=display(e.value) if e.value is not None else "-", outcome=outcome))
        table_rows.append((str(r.rank or "-"), r.number, r.title, display(r.value) if r.value is not None else "-",
                           "; ".join(effects)))
    body.append(TableBlock(
        header=(_t("documents.col.rank", lang), _t("documents.col.number", lang), _t("documents.col.title", lang),
                _t("documents.col.score", lang), _t("projector.pdf.col.without", lang)),
        rows=tuple(table_rows), widths=(0.07, 0.13, 0.3, 0.1, 0.4), align=("R", "L", "L", "R", "L"), wrap=(2, 4),
        font_size=7.5))
    return tuple(body)


__all__ = ["appendix"]
