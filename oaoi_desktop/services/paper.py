"""Paper fallback: blank score forms, and importing the scores written on them.

Forms: :func:`blank_forms` gathers, per judge, the dossiers they are assigned
to (minus recusals and declared conflicts), and :func:`write_blank_forms`
writes one PDF per judge (:mod:`oaoi_desktop.reports.forms`).

Import (:func:`import_paper_scores`): a CSV or XLSX file with one row per
criterion score and the columns ``judge`` (id or exact name), ``dossier``
(proposal number), ``criterion`` (id), ``score``, ``comment`` and optionally
``stage`` (default: the rubric's first stage).  Indonesian column titles
(penilai, proposal, kriteria, nilai, komentar, tahap) are accepted too.

* Rows are grouped into sheets (judge × dossier × stage); each sheet is
  imported whole or not at all.  A bad row — unknown judge, dossier, stage or
  criterion, a score off the scale, a judge not assigned or recused or with a
  declared conflict, a formula instead of a value, a criterion given twice, a
  missing required comment — is reported with its row number and its sheet is
  left out, as is an incomplete sheet and a sheet already submitted in the app.
* With a second entry (the same forms typed again by someone else) the two
  files are compared first; every difference is listed and nothing is
  imported until they agree.
* An imported sheet is submitted and locked, with ``source = "paper"``, and
  the audit log records it as entered from paper by the operator, naming the
  file(s) and their SHA-256.  Re-importing the same file reports the sheets
  already imported as unchanged (not an error); a paper sheet imported with
  other values is refused until the secretariat unlocks it.
"""

from __future__ import annotations

import csv
import hashlib
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oaoi_desktop import i18n
from oaoi_desktop.domain.rubric import Rubric, Stage
from oaoi_desktop.domain.scoring import number_text, sheet_total
from oaoi_desktop.domain.sorting import natural_key
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.intake import tabular
from oaoi_desktop.intake.tabular import RowProblem
from oaoi_desktop.services import facts, sheets as sheet_service
from oaoi_desktop.services.assignments import recused
from oaoi_desktop.services.audit import Actor, append
from oaoi_desktop.services.events import event_rubric, rubric_fingerprint
from oaoi_desktop.services.judging import make_redactor, mask_text, redaction_terms
from oaoi_desktop.store.models import (
    Assignment,
    ConflictDeclaration,
    Dossier,
    Event,
    ScoreSheet,
    SheetStatus,
    User,
)
from oaoi_desktop.services.policy import Action, authorize

if TYPE_CHECKING:  # reportlab is imported when a form is drawn, not at start-up (issue 14)
    from oaoi_desktop.reports.forms import JudgeForms

SOURCE_PAPER = "paper"


# == blank forms ==============================================================================
def _forms_for(session: Session, event: Event, rubric: Rubric, judge: User, lang: str | None) -> JudgeForms:
    from oaoi_desktop.reports.forms import FormPage, JudgeForms

    conflicts = set(session.scalars(
        select(ConflictDeclaration.dossier_id).where(ConflictDeclaration.judge_id == judge.id)
    ))
    rows = session.execute(
        select(Assignment.stage_id, Dossier).join(Dossier, Dossier.id == Assignment.dossier_id)
        .where(Assignment.judge_id == judge.id, Assignment.event_id == event.id)
    ).all()
    order = {s.id: i for i, s in enumerate(rubric.stages)}
    mask = mask_text(lang)
    pages = []
    for stage_id, d in sorted(rows, key=lambda r: (natural_key(r[1].number), order.get(r[0], 99))):
        if stage_id not in order or d.id in conflicts or recused(event, judge, d):
            continue
        title = make_redactor(redaction_terms(event, d), mask)(d.title) if event.blind_mode else d.title
        agency = " / ".join(v for v in (d.instansi, d.unit_kerja) if v) or None
        pages.append(FormPage(dossier_id=d.id, number=d.number, title=title, kategori=d.kategori,
                              kelompok=d.kelompok, agency=None if event.blind_mode else agency,
                              stage=rubric.stage(stage_id)))
    return JudgeForms(event_id=event.id, event_name=event.name, judge_id=judge.id, judge_name=judge.name,
                      pass_mark=rubric.pass_mark, blind=event.blind_mode, pages=tuple(pages))


def blank_forms(session: Session, event: Event, judge: User | str | None = None, *,
                lang: str | None = None, actor: Actor) -> list[JudgeForms]:
    """Per judge (or only ``judge``: a User, id or name), the pages to print.

    Judges without any assigned, conflict-free dossier are left out.  The secretariat's (``paper.forms``).
    """
    authorize(session, actor, Action.PAPER_FORMS, event=event)
    rubric = event_rubric(session, event)
    if judge is None:
        people = facts.judges(session, event)
    else:
        people = [judge if isinstance(judge, User) else facts.find_judge(session, event, str(judge))]
    out = [_forms_for(session, event, rubric, j, lang) for j in people]
    return [f for f in out if f.pages]


_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def form_file_name(forms: JudgeForms) -> str:
    """``formulir-<name>-<id8>.pdf``: readable, safe on Windows, unique per judge."""
    slug = _UNSAFE.sub("-", forms.judge_name).strip("-").lower()[:40] or "penilai"
    return f"formulir-{slug}-{forms.judge_id.hex[:8]}.pdf"


def write_blank_forms(session: Session, event: Event, out_dir: Path, *, judge: User | str | None = None,
                      lang: str | None = None, actor: Actor) -> list[Path]:
    """Write one PDF per judge into ``out_dir``; the paths written.

    ``forms.nothing_to_print`` when no judge has a dossier to score.
    """
    from oaoi_desktop.reports.forms import write_judge_forms

    forms = blank_forms(session, event, judge, lang=lang, actor=actor)  # checks the actor
    if not forms:
        raise ValidationError("forms.nothing_to_print")
    out_dir = Path(out_dir)
    return [write_judge_forms(f, out_dir / form_file_name(f), lang=lang) for f in forms]


# == reading score files =========================================================================
COLUMNS = ("judge", "dossier", "criterion", "score", "comment", "stage")
REQUIRED_COLUMNS = ("judge", "dossier", "criterion", "score")
_ALIASES = {
    "judge": "judge", "penilai": "judge", "juri": "judge", "judge_id": "judge",
    "dossier": "dossier", "proposal": "dossier", "nomor": "dossier", "nomor_proposal": "dossier",
    "number": "dossier",
    "criterion": "criterion", "kriteria": "criterion", "criterion_id": "criterion",
    "score": "score", "nilai": "score",
    "comment": "comment", "komentar": "comment", "catatan": "comment",
    "stage": "stage", "tahap": "stage", "stage_id": "stage",
}


@dataclass(frozen=True)
class PaperRow:
    """One data row of a score file (``row`` as the spreadsheet numbers it)."""

    file: str
    row: int
    values: Mapping[str, str]
    formulas: tuple[tuple[str, str, str], ...] = ()
    """(column, cell address, formula) of the cells holding formulas."""

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def _column_key(title: str) -> str:
    return re.sub(r"[\s\-]+", "_", title.strip().casefold())


def _map_header(name: str, header: list[str]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for i, title in enumerate(header):
        key = _ALIASES.get(_column_key(title))
        if key is None:
            continue
        if key in mapping.values():
            raise ValidationError("paper.duplicate_column", file=name, column=title.strip())
        mapping[i] = key
    missing = [c for c in REQUIRED_COLUMNS if c not in mapping.values()]
    if missing:
        raise ValidationError("paper.missing_columns", file=name, columns=", ".join(missing))
    return mapping


def read_score_file(path: Path) -> list[PaperRow]:
    """Every non-empty data row of a CSV or XLSX score file.

    File-level problems (unreadable, not CSV/XLSX, missing columns, no rows,
    a formula in the header) raise :class:`ValidationError`; row-level ones
    travel with the rows and are judged by the import.
    """
    from openpyxl.utils import get_column_letter

    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise ValidationError("paper.unsupported_type", file=name)
    if not path.is_file():
        raise ValidationError("paper.cannot_read", file=str(path), reason=i18n.render("paper.no_such_file"))
    source = tabular.csv_text_rows(path) if suffix == ".csv" else tabular.xlsx_text_rows(path)
    header: dict[int, str] | None = None
    rows: list[PaperRow] = []
    try:
        for number, values, formulas in source:
            if header is None:
                if formulas:
                    raise ValidationError("paper.header_formula", file=name,
                                          cell=f"{get_column_letter(formulas[0][0] + 1)}{number}")
                if not any(values):
                    continue
                header = _map_header(name, values)
                continue
            mapped = {key: values[i] if i < len(values) else "" for i, key in header.items()}
            cell_formulas = tuple(
                (header[col], f"{get_column_letter(col + 1)}{number}", text) for col, text in formulas if col in header
            )
            if not any(mapped.values()) and not cell_formulas:
                continue  # empty rows, however many
            rows.append(PaperRow(file=name, row=number, values=mapped, formulas=cell_formulas))
    except tabular.WorkbookUnreadable as exc:  # not a workbook
        raise ValidationError("paper.cannot_read", file=name, reason=exc.reason) from exc
    except OSError as exc:
        raise ValidationError("paper.cannot_read", file=name, reason=str(exc)) from exc
    except UnicodeError as exc:
        raise ValidationError("paper.cannot_read", file=name, reason=str(exc)) from exc
    except csv.Error as exc:
        raise ValidationError("paper.cannot_read", file=name, reason=str(exc)) from exc
    if header is None or not rows:
        raise ValidationError("paper.no_rows", file=name)
    return rows


# == report ========================================================================================
@dataclass(frozen=True)
class Mismatch:
    """A difference between the first and the second typing."""

    message_id: str
    params: Mapping[str, Any]

    def render(self, lang: str | None = None) -> str:
        return i18n.render(self.message_id, lang, **self.params)


@dataclass(frozen=True)
class SheetOutcome:
    """What became of one sheet (judge × dossier × stage) of the file.

    ``status``: ``imported``, ``unchanged`` (this paper sheet was imported
    before with the same content), ``rejected`` (bad rows or refused), or
    ``held`` (fine, but not imported because the two typings differ).
    """

    judge: str
    judge_id: uuid.UUID | None
    dossier: str
    dossier_id: uuid.UUID | None
    stage_id: str
    status: str
    rows: tuple[int, ...]
    total: Fraction | None = None
    replaced_draft: bool = False


@dataclass(frozen=True)
class PaperImport:
    """The result of :func:`import_paper_scores` (nothing raised for bad rows)."""

    file: str
    second_file: str | None
    sheets: tuple[SheetOutcome, ...]
    problems: tuple[RowProblem, ...]
    mismatches: tuple[Mismatch, ...]

    def count(self, status: str) -> int:
        return sum(1 for s in self.sheets if s.status == status)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def rejected(self) -> int:
        return self.count("rejected")

    @property
    def ok(self) -> bool:
        """Nothing was rejected or held: every sheet of the file is in the store."""
        return not self.problems and not self.mismatches and self.rejected == 0


# == import ==========================================================================================
def _norm(text: str) -> str:
    return " ".join((text or "").split())


def _parse_score(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


class _Roster:
    """Looks up judges, dossiers, stages and criteria of the event once."""

    def __init__(self, session: Session, event: Event, rubric: Rubric) -> None:
        self.event = event
        self.rubric = rubric
        judges = facts.judges(session, event)
        self.judges_by_id = {str(j.id): j for j in judges}
        self.judges_by_name = {_norm(j.name).casefold(): j for j in judges}
        dossiers = list(session.scalars(select(Dossier).where(Dossier.event_id == event.id)))
        self.dossiers_by_number = {d.number.strip(): d for d in dossiers}
        self.dossiers_by_id = {str(d.id): d for d in dossiers}
        self.assigned = set(session.execute(
            select(Assignment.dossier_id, Assignment.judge_id, Assignment.stage_id)
            .where(Assignment.event_id == event.id)
        ).all())
        self.conflicts = set(session.execute(
            select(ConflictDeclaration.dossier_id, ConflictDeclaration.judge_id)
            .where(ConflictDeclaration.event_id == event.id)
        ).all())

    def judge(self, ref: str) -> User | None:
        ref = _norm(ref)
        try:
            by_id = self.judges_by_id.get(str(uuid.UUID(ref)))
        except ValueError:
            by_id = None
        return by_id or self.judges_by_name.get(ref.casefold())

    def dossier(self, ref: str) -> Dossier | None:
        ref = ref.strip()
        return self.dossiers_by_number.get(ref) or self.dossiers_by_id.get(ref.lower())

    def stage(self, ref: str) -> Stage | None:
        ref = ref.strip()
        if not ref:
            return self.rubric.first_stage
        for s in self.rubric.stages:
            if s.id.casefold() == ref.casefold():
                return s
        return None


@dataclass
class _Entry:
    """A row as understood: its sheet key, criterion, value and problems."""

    row: PaperRow
    sheet_key: tuple[str, str, str]
    criterion_key: str
    judge: User | None
    dossier: Dossier | None
    stage: Stage | None
    criterion_id: str | None
    value: Decimal | None
    comment: str
    problems: list[tuple[str, dict[str, Any]]]


def _understand(row: PaperRow, roster: _Roster) -> _Entry:
    problems: list[tuple[str, dict[str, Any]]] = []
    for _column, cell, formula in row.formulas:
        problems.append(("paper.formula", {"cell": cell, "formula": formula}))
    raw_judge, raw_dossier = row.get("judge"), row.get("dossier")
    raw_stage, raw_criterion = row.get("stage"), row.get("criterion")
    judge = roster.judge(raw_judge) if raw_judge else None
    dossier = roster.dossier(raw_dossier) if raw_dossier else None
    stage = roster.stage(raw_stage)
    formula_columns = {column for column, _, _ in row.formulas}
    for column in REQUIRED_COLUMNS:
        if not row.get(column) and column not in formula_columns:
            problems.append(("paper.missing_value", {"column": column}))
    if raw_judge and judge is None:
        problems.append(("paper.unknown_judge", {"judge": raw_judge}))
    if raw_dossier and dossier is None:
        problems.append(("paper.unknown_dossier", {"dossier": raw_dossier}))
    if stage is None:
        problems.append(("paper.unknown_stage", {"stage": raw_stage,
                                                 "allowed": ", ".join(s.id for s in roster.rubric.stages)}))
    criterion = None
    if stage is not None and raw_criterion:
        criterion = next((c for c in stage.criteria if c.id.casefold() == raw_criterion.strip().casefold()), None)
        if criterion is None:
            problems.append(("paper.unknown_criterion", {"criterion": raw_criterion, "stage": stage.id,
                                                         "allowed": ", ".join(stage.criterion_ids)}))
    value = None
    raw_score = row.get("score")
    if raw_score:
        value = _parse_score(raw_score)
        if criterion is not None and (value is None or not criterion.is_valid_score(value)):
            problems.append(("paper.bad_score", {
                "value": raw_score, "criterion": criterion.id, "min": number_text(criterion.scale_min),
                "max": number_text(criterion.scale_max), "step": number_text(criterion.step)}))
            value = None
    comment = row.get("comment").strip()
    if judge is not None and dossier is not None and stage is not None:
        who = {"judge": judge.name, "dossier": dossier.number, "stage": stage.id}
        if recused(roster.event, judge, dossier):
            problems.append(("paper.recused", who))
        elif (dossier.id, judge.id) in roster.conflicts:
            problems.append(("paper.conflict_declared", who))
        elif (dossier.id, judge.id, stage.id) not in roster.assigned:
            problems.append(("paper.not_assigned", who))
        if criterion is not None and value is not None and criterion.comment_required(value) and not comment:
            problems.append(("paper.comment_required", {"criterion": criterion.id, "value": number_text(value),
                                                        "below": number_text(criterion.comment_required_below)}))
    key = (
        str(judge.id) if judge else "?" + _norm(raw_judge).casefold(),
        str(dossier.id) if dossier else "?" + raw_dossier.strip(),
        stage.id if stage else "?" + raw_stage.strip().casefold(),
    )
    return _Entry(row=row, sheet_key=key, criterion_key=criterion.id if criterion else "?" + raw_criterion.strip().casefold(),
                  judge=judge, dossier=dossier, stage=stage, criterion_id=criterion.id if criterion else None,
                  value=value, comment=comment, problems=problems)


def _compare(first: list[_Entry], second: list[_Entry], first_name: str, second_name: str) -> list[Mismatch]:
    def table(entries: list[_Entry]) -> dict[tuple[str, ...], _Entry]:
        out: dict[tuple[str, ...], _Entry] = {}
        for e in entries:
            out.setdefault((*e.sheet_key, e.criterion_key), e)
        return out

    def label(e: _Entry) -> str:
        judge = e.judge.name if e.judge else e.row.get("judge")
        dossier = e.dossier.number if e.dossier else e.row.get("dossier")
        crit = e.criterion_id or e.row.get("criterion")
        stage = e.stage.id if e.stage else e.row.get("stage")
        return f"{judge} / {dossier} / {stage} / {crit}"

    def score_text(e: _Entry) -> str:
        parsed = _parse_score(e.row.get("score"))
        return number_text(parsed) if parsed is not None else e.row.get("score").strip()

    def where(e: _Entry) -> dict[str, str]:
        """The mismatch's place as separate fields (the GUI shows them side by side)."""
        return {"judge": e.judge.name if e.judge else e.row.get("judge"),
                "dossier": e.dossier.number if e.dossier else e.row.get("dossier"),
                "stage": e.stage.id if e.stage else e.row.get("stage"),
                "criterion": e.criterion_id or e.row.get("criterion")}

    a, b = table(first), table(second)
    names = {"first": first_name, "second": second_name}
    out: list[Mismatch] = []
    for key in sorted(set(a) | set(b), key=lambda k: (a.get(k) or b[k]).row.row):
        ea, eb = a.get(key), b.get(key)
        if eb is None:
            assert ea is not None
            out.append(Mismatch("paper.mismatch.only_first", {**names, **where(ea), "key": label(ea),
                                                              "first_row": ea.row.row,
                                                              "first_value": ea.row.get("score")}))
        elif ea is None:
            out.append(Mismatch("paper.mismatch.only_second", {**names, **where(eb), "key": label(eb),
                                                               "second_row": eb.row.row,
                                                               "second_value": eb.row.get("score")}))
        else:
            rows = {"first_row": ea.row.row, "second_row": eb.row.row, **where(ea)}
            if score_text(ea) != score_text(eb):
                out.append(Mismatch("paper.mismatch.score", {**names, **rows, "key": label(ea),
                                                             "first_value": ea.row.get("score"),
                                                             "second_value": eb.row.get("score")}))
            if _norm(ea.comment) != _norm(eb.comment):
                out.append(Mismatch("paper.mismatch.comment", {**names, **rows, "key": label(ea),
                                                               "first_value": ea.comment,
                                                               "second_value": eb.comment}))
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def import_paper_scores(
    session: Session,
    event: Event,
    path: Path,
    *,
    actor: Actor,
    second_entry: Path | None = None,
) -> PaperImport:
    """Import the scores typed from paper forms (see the module docstring).

    File-level problems raise :class:`ValidationError`; row and sheet problems
    are reported in the result.  The caller's unit of work commits what was
    imported; each sheet is written in its own savepoint.
    """
    authorize(session, actor, Action.SHEET_PAPER_ENTRY, event=event)
    path = Path(path)
    rubric = event_rubric(session, event)
    roster = _Roster(session, event, rubric)
    entries = [_understand(r, roster) for r in read_score_file(path)]
    mismatches: list[Mismatch] = []
    second_name = None
    if second_entry is not None:
        second_entry = Path(second_entry)
        second_name = second_entry.name
        if second_name == path.name:
            second_name = str(second_entry)
        second = [_understand(r, roster) for r in read_score_file(second_entry)]
        mismatches = _compare(entries, second, path.name, second_name)

    groups: dict[tuple[str, str, str], list[_Entry]] = {}
    for e in entries:
        groups.setdefault(e.sheet_key, []).append(e)

    problems: list[RowProblem] = []
    outcomes: list[SheetOutcome] = []
    to_write: list[tuple[list[_Entry], SheetOutcome, ScoreSheet | None]] = []
    for key, group in groups.items():
        first = group[0]
        rows = tuple(e.row.row for e in group)
        judge_label = first.judge.name if first.judge else first.row.get("judge")
        dossier_label = first.dossier.number if first.dossier else first.row.get("dossier")
        stage_id = first.stage.id if first.stage else first.row.get("stage")
        who = {"judge": judge_label, "dossier": dossier_label}
        bad = False
        seen: dict[str, int] = {}
        for e in group:
            for message_id, params in e.problems:
                problems.append(RowProblem(path.name, (e.row.row,), message_id, params))
                bad = True
            if e.criterion_id is not None:
                if e.criterion_id in seen:
                    problems.append(RowProblem(path.name, (e.row.row,), "paper.duplicate_row",
                                               {**who, "criterion": e.criterion_id, "first": seen[e.criterion_id]}))
                    bad = True
                else:
                    seen[e.criterion_id] = e.row.row
        existing: ScoreSheet | None = None
        if not bad:
            assert first.stage is not None and first.judge is not None and first.dossier is not None
            missing = [c for c in first.stage.criterion_ids if c not in seen]
            if missing:
                problems.append(RowProblem(path.name, rows, "paper.incomplete", {**who, "criteria": ", ".join(missing)}))
                bad = True
            else:
                existing = sheet_service.get_sheet_unchecked(session, first.dossier, first.judge, first.stage.id)
        outcome = SheetOutcome(
            judge=judge_label, judge_id=first.judge.id if first.judge else None, dossier=dossier_label,
            dossier_id=first.dossier.id if first.dossier else None, stage_id=stage_id, status="rejected",
            rows=rows,
        )
        if bad:
            problems.append(RowProblem(path.name, rows, "paper.sheet_left_out", who))
            outcomes.append(outcome)
            continue
        if existing is not None and existing.status in sheet_service.FINAL_STATUSES:
            same = existing.source == SOURCE_PAPER and (
                {s.criterion_id: (s.value_milli, _norm(s.comment)) for s in existing.scores}
                == {e.criterion_id: (sheet_service.to_milli(e.value), _norm(e.comment)) for e in group}
            )
            if same:
                outcomes.append(_with(outcome, status="unchanged", total=_total(first.stage, group)))
            else:
                message = ("paper.already_imported_differs" if existing.source == SOURCE_PAPER
                           else "paper.already_submitted")
                problems.append(RowProblem(path.name, rows, message, who))
                outcomes.append(outcome)
            continue
        to_write.append((group, outcome, existing))

    if mismatches:
        outcomes += [_with(o, status="held", total=_total(g[0].stage, g)) for g, o, _ in to_write]
        return _result(path, second_name, outcomes, problems, mismatches)

    files = {"file": path.name, "file_sha256": _sha256(path)}
    if second_entry is not None:
        files |= {"second_entry": second_name, "second_entry_sha256": _sha256(second_entry)}
    imported = 0
    for group, outcome, existing in to_write:
        first = group[0]
        assert first.judge is not None and first.dossier is not None and first.stage is not None
        replaced = existing is not None and existing.status == SheetStatus.DRAFT and bool(existing.scores)
        with session.begin_nested():
            sheet_service.save_sheet_unchecked(
                session, event, first.judge, first.dossier,
                values={e.criterion_id: e.value for e in group},
                comments={e.criterion_id: e.comment for e in group},
                stage_id=first.stage.id, submit=True, lock=True, source=SOURCE_PAPER, actor=actor,
                action="sheet.paper_entered",
                audit_extra={"entered_from": SOURCE_PAPER, "entered_by": actor.name, **files,
                             "rows": list(outcome.rows), "replaced_draft": replaced},
            )
        imported += 1
        outcomes.append(_with(outcome, status="imported", total=_total(first.stage, group), replaced_draft=replaced))
    if imported:
        append(session, actor=actor, action="scores.paper_import", event_id=event.id, entity_type="event",
               entity_id=event.id,
               after={**files, "rubric_sha256": rubric_fingerprint(session, event), "imported": imported,
                      "rejected": sum(1 for o in outcomes if o.status == "rejected"),
                      "unchanged": sum(1 for o in outcomes if o.status == "unchanged")})
    return _result(path, second_name, outcomes, problems, mismatches)


def _total(stage: Stage | None, group: Iterable[_Entry]) -> Fraction | None:
    if stage is None:
        return None
    try:
        return sheet_total(stage, {e.criterion_id: e.value for e in group if e.criterion_id})
    except ValidationError:
        return None


def _with(outcome: SheetOutcome, **changes: Any) -> SheetOutcome:
    from dataclasses import replace

    return replace(outcome, **changes)


def _result(path: Path, second_name: str | None, outcomes: list[SheetOutcome], problems: list[RowProblem],
            mismatches: list[Mismatch]) -> PaperImport:
    # sheets in the order of their first row; a sheet's row problems come before its verdict
    outcomes.sort(key=lambda o: o.rows[0])
    return PaperImport(file=path.name, second_file=second_name, sheets=tuple(outcomes),
                       problems=tuple(problems), mismatches=tuple(mismatches))


__all__ = [
    "blank_forms",
    "write_blank_forms",
    "form_file_name",
    "read_score_file",
    "PaperRow",
    "RowProblem",
    "Mismatch",
    "SheetOutcome",
    "PaperImport",
    "import_paper_scores",
]
