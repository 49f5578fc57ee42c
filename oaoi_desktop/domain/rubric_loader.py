"""Reading rubric files (TOML) into :class:`~oaoi_desktop.domain.rubric.Rubric`.

The file format is documented in ``scoring_rubrics/README.md``.  Every problem
in a file is collected and reported at once as a :class:`Problem` with the
file, a key path and, when it can be told, the 1-based line number.

Key paths use the TOML structure with 0-based indexes into arrays:
``stages[0].criteria[2].weight``, ``levels[1].max``, ``tie_breaks[3]``.  A key
that is not a plain bare key is written quoted: ``stages[0]."nama kriteria"``.

Numbers are read exactly: TOML floats are parsed straight to :class:`Decimal`
from their text (``parse_float=Decimal``), never through binary floats.

Pure Python: no Qt, no database.  The only I/O is reading the file itself.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

from oaoi_desktop.domain.rubric import (
    CHAIR,
    AggregationMethod,
    Criterion,
    Disagreement,
    Level,
    Rubric,
    Stage,
)
from oaoi_desktop.errors import NotFoundError, Problem, ProblemsError

__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_SCALE_POINTS",
    "RUBRIC_DIR_ENV",
    "builtin_rubric_dir",
    "list_builtin_rubrics",
    "load_rubric",
    "parse_rubric",
    "resolve_rubric",
    "validate_rubric_file",
]

FORMAT_VERSION = 1
"""The only value of the optional top-level ``format`` key understood here."""

MAX_FILE_BYTES = 1024 * 1024
"""A rubric file larger than this is refused unread (rubrics are a few KiB)."""

MAX_SCALE_POINTS = 1000
"""A scale may offer at most this many distinct scores (e.g. 0–100 step 0.1)."""

RUBRIC_DIR_ENV = "OAOI_RUBRIC_DIR"
"""Environment variable that replaces the built-in rubric folder."""

TOTAL_MIN = Decimal(0)
TOTAL_MAX = Decimal(100)
WEIGHT_SUM = Decimal(100)

_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")
_SYNTAX_POS_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAX_END_RE = re.compile(r"\s*\(at end of document\)\s*$")

_ROOT_KEYS = (
    "format",
    "id",
    "version",
    "title",
    "description",
    "pass_mark",
    "aggregation",
    "tie_breaks",
    "disagreement",
    "scale",
    "levels",
    "stages",
)
_TEXT_KEYS = ("id", "en")
_DISAGREEMENT_KEYS = ("criterion_range", "total_range")
_SCALE_KEYS = ("min", "max", "step")
_LEVEL_KEYS = ("min", "max", "label", "descriptor")
_STAGE_KEYS = ("id", "name", "weight", "criteria")
_CRITERION_KEYS = (
    "id",
    "name",
    "description",
    "weight",
    "scale",
    "levels",
    "comment_required_below",
    "knockout_below",
)
_DEFAULT_SCALE = (Decimal(1), Decimal(10), Decimal(1))

KeyPath = tuple[str | int, ...]


# ---------------------------------------------------------------------------
# key paths and line numbers


def format_key_path(path: KeyPath) -> str:
    """``("stages", 0, "weight")`` → ``"stages[0].weight"``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            seg = part if _BARE_KEY_RE.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += f".{seg}" if out else seg
    return out


def _parse_key(text: str, i: int) -> tuple[list[str], int]:
    """Parse a (dotted) TOML key starting at ``text[i]``; return parts and end."""
    parts: list[str] = []
    n = len(text)
    while True:
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            raw = text[i : j + 1]
            try:
                parts.append(json.loads(raw))
            except ValueError:
                parts.append(raw[1:-1])
            i = j + 1
        elif i < n and text[i] == "'":
            j = text.index("'", i + 1)
            parts.append(text[i + 1 : j])
            i = j + 1
        else:
            m = _BARE_KEY_RE.match(text, i)
            if not m:
                raise ValueError("bad key")
            parts.append(m.group(0))
            i = m.end()
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == ".":
            i += 1
            continue
        return parts, i


def _skip_value(text: str, i: int, line: int) -> tuple[int, int]:
    """Skip a value (which may span lines); stop after its line's newline."""
    n = len(text)
    depth = 0
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            if depth <= 0:
                return i, line
        elif c == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith('"""', i) or text.startswith("'''", i):
            quote = text[i : i + 3]
            j = i + 3
            while j < n and not text.startswith(quote, j):
                if text[j] == "\n":
                    line += 1
                j += 2 if quote == '"""' and text[j] == "\\" and text[j + 1 : j + 2] != "\n" else 1
            j += 3
            while j < n and text[j] == quote[0]:  # up to two quotes before the closer
                j += 1
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == "'":
            i = text.index("'", i + 1) + 1
        elif c in "[{":
            depth += 1
            i += 1
        elif c in "]}":
            depth -= 1
            i += 1
        else:
            i += 1
    return i, line


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map key paths of a *valid* TOML text to the line where each is defined.

    Best effort for error messages: table headers, ``[[array]]`` elements
    (counted the way TOML counts them) and ``key = value`` lines, including
    dotted keys.  Elements of inline arrays are not mapped.  Never raises.
    """
    lines: dict[KeyPath, int] = {}
    counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    i, n, line = 0, len(text), 1
    try:
        while i < n:
            c = text[i]
            if c in " \t\r\ufeff":
                i += 1
            elif c == "\n":
                line += 1
                i += 1
            elif c == "#":
                while i < n and text[i] != "\n":
                    i += 1
            elif c == "[":
                double = text.startswith("[[", i)
                keys, i = _parse_key(text, i + (2 if double else 1))
                i += 2 if double else 1
                resolved: KeyPath = ()
                for pos, key in enumerate(keys):
                    resolved += (key,)
                    if resolved in counts and pos < len(keys) - 1:
                        resolved += (counts[resolved] - 1,)
                if double:
                    index = counts.get(resolved, 0)
                    counts[resolved] = index + 1
                    lines.setdefault(resolved, line)
                    resolved += (index,)
                current = resolved
                lines.setdefault(current, line)
            else:
                keys, i = _parse_key(text, i)
                i += 1  # the "="
                for k in range(1, len(keys) + 1):
                    lines.setdefault(current + tuple(keys[:k]), line)
                i, line = _skip_value(text, i, line)
    except (ValueError, IndexError):
        pass
    return lines


def _line_for(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path`` or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


# ---------------------------------------------------------------------------
# small value helpers


def _fmt(value: Decimal) -> str:
    """A Decimal as people write it: ``95``, ``85.5``."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _show(value: Any) -> str:
    """A short TOML-ish rendering of a value found in the file."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, Decimal):
        text = _fmt(value) if value.is_finite() else str(value).lower()
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(_show(v) for v in value) + "]"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _ranges(values: list[Decimal], step: Decimal) -> str:
    """``[1, 2, 3, 5]`` with step 1 → ``"1–3, 5"``."""
    runs: list[list[Decimal]] = []
    for v in values:
        if runs and v == runs[-1][-1] + step:
            runs[-1].append(v)
        else:
            runs.append([v])
    return ", ".join(_fmt(r[0]) if len(r) == 1 else f"{_fmt(r[0])}–{_fmt(r[-1])}" for r in runs)


_MISSING = object()


@dataclass
class _Scale:
    min: Decimal
    max: Decimal
    step: Decimal

    def points(self) -> list[Decimal]:
        count = int((self.max - self.min) / self.step)
        return [self.min + k * self.step for k in range(count + 1)]


@dataclass
class _LevelSpec:
    path: KeyPath
    level: Level | None  # None: the entry itself had problems


@dataclass
class _CriterionSpec:
    path: KeyPath
    raw_id: str | None
    criterion: Criterion | None


# ---------------------------------------------------------------------------
# the reader


class _Reader:
    """Walks the parsed TOML document, collecting problems and the model."""

    def __init__(self, text: str, file: str) -> None:
        self.source = text
        self.file = file
        self.problems: list[Problem] = []
        self._seen: set[tuple[str, str, str]] = set()
        self._lines: dict[KeyPath, int] | None = None

    # -- reporting -------------------------------------------------------
    def problem(self, path: KeyPath, message_id: str, **params: Any) -> None:
        key = (format_key_path(path), message_id, repr(sorted(params.items())))
        if key in self._seen:
            return
        self._seen.add(key)
        if self._lines is None:
            self._lines = key_lines(self.source)
        self.problems.append(
            Problem(
                file=self.file,
                key_path=format_key_path(path),
                message_id=message_id,
                params=params,
                line=_line_for(self._lines, path),
            )
        )

    # -- generic getters -------------------------------------------------
    def keys(self, table: dict[str, Any], path: KeyPath, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                self.problem(path + (key,), "rubric.key.unknown_suggest", key=key, suggestion=close[0])
            else:
                self.problem(
                    path + (key,), "rubric.key.unknown", key=key, allowed=", ".join(allowed)
                )

    def get(self, table: dict[str, Any], key: str, path: KeyPath, required: bool) -> Any:
        if key in table:
            return table[key]
        if required:
            self.problem(path + (key,), "rubric.key.missing", key=key)
        return _MISSING

    def table(self, value: Any, path: KeyPath) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(path, "rubric.type.table", value=_show(value))
        return None

    def string(self, table: dict[str, Any], key: str, path: KeyPath, required: bool = True) -> str | None:
        value = self.get(table, key, path, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self.problem(path + (key,), "rubric.type.string", value=_show(value))
            return None
        if not value.strip():
            self.problem(path + (key,), "rubric.value.empty")
            return None
        return value

    def identifier(self, table: dict[str, Any], key: str, path: KeyPath) -> str | None:
        value = self.string(table, key, path)
        if value is None:
            return None
        if not _ID_RE.match(value):
            self.problem(path + (key,), "rubric.id.syntax", value=value)
            return None
        return value

    def number(
        self, table: dict[str, Any], key: str, path: KeyPath, required: bool = True
    ) -> Decimal | None:
        value = self.get(table, key, path, required)
        if value is _MISSING:
            return None
        return self.to_number(value, path + (key,))

    def to_number(self, value: Any, path: KeyPath) -> Decimal | None:
        if isinstance(value, bool):
            self.problem(path, "rubric.type.number", value=_show(value))
            return None
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, Decimal):
            number = value
        elif isinstance(value, float):  # only when parsed without parse_float
            number = Decimal(str(value))
        elif isinstance(value, str):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                self.problem(path, "rubric.number.invalid", value=_show(value))
                return None
        else:
            self.problem(path, "rubric.type.number", value=_show(value))
            return None
        if not number.is_finite():
            self.problem(path, "rubric.number.not_finite", value=_show(value))
            return None
        return number

    def text(
        self, table: dict[str, Any], key: str, path: KeyPath, required: bool = True
    ) -> tuple[str, str] | None:
        """A bilingual text: ``{ id = "...", en = "..." }`` or a plain string (Indonesian)."""
        value = self.get(table, key, path, required)
        if value is _MISSING:
            return None if required else ("", "")
        here = path + (key,)
        if isinstance(value, str):
            if required and not value.strip():
                self.problem(here, "rubric.value.empty")
                return None
            return value, ""
        if not isinstance(value, dict):
            self.problem(here, "rubric.type.text", value=_show(value))
            return None
        self.keys(value, here, _TEXT_KEYS)
        text_id = value.get("id", _MISSING)
        text_en = value.get("en", "")
        ok = True
        if text_id is _MISSING:
            self.problem(here + ("id",), "rubric.key.missing", key="id")
            ok = False
        elif not isinstance(text_id, str):
            self.problem(here + ("id",), "rubric.type.string", value=_show(text_id))
            ok = False
        elif required and not text_id.strip():
            self.problem(here + ("id",), "rubric.value.empty")
            ok = False
        if not isinstance(text_en, str):
            self.problem(here + ("en",), "rubric.type.string", value=_show(text_en))
            ok = False
        return (text_id, text_en) if ok else None

    def array(self, table: dict[str, Any], key: str, path: KeyPath, required: bool) -> list[Any] | None:
        value = self.get(table, key, path, required)
        if value is _MISSING:
            return None
        if not isinstance(value, list):
            self.problem(path + (key,), "rubric.type.array", value=_show(value))
            return None
        return value

    # -- the document ----------------------------------------------------
    def read(self, doc: dict[str, Any]) -> Rubric | None:
        root: KeyPath = ()
        self.keys(doc, root, _ROOT_KEYS)

        fmt = self.get(doc, "format", root, required=False)
        if fmt is not _MISSING and (isinstance(fmt, bool) or fmt != FORMAT_VERSION):
            self.problem(("format",), "rubric.format.unsupported", value=_show(fmt), expected=FORMAT_VERSION)

        rubric_id = self.identifier(doc, "id", root)
        version = self.string(doc, "version", root)
        title = self.text(doc, "title", root)
        description = self.text(doc, "description", root, required=False)

        pass_mark = self.number(doc, "pass_mark", root)
        if pass_mark is not None and not (TOTAL_MIN <= pass_mark <= TOTAL_MAX):
            self.problem(
                ("pass_mark",), "rubric.pass_mark.outside_total",
                value=_fmt(pass_mark), min=_fmt(TOTAL_MIN), max=_fmt(TOTAL_MAX),
            )

        aggregation = self.aggregation(doc)
        disagreement = self.disagreement(doc)

        if "scale" in doc:
            default_scale, scale_ok = self.scale(doc["scale"], ("scale",), _Scale(*_DEFAULT_SCALE))
        else:
            default_scale, scale_ok = _Scale(*_DEFAULT_SCALE), True
        default_levels = self.levels(doc, root)
        if default_levels is not None and scale_ok and default_scale is not None:
            self.check_levels(default_levels, default_scale, ("levels",))

        stages, criteria = self.stages(doc, default_scale, scale_ok, default_levels)
        tie_breaks = self.tie_breaks(doc, criteria)

        if self.problems:
            return None
        assert rubric_id and version and title and description and pass_mark is not None
        return Rubric(
            id=rubric_id,
            version=version,
            title_id=title[0],
            title_en=title[1],
            description_id=description[0],
            description_en=description[1],
            stages=tuple(stages),
            pass_mark=pass_mark,
            aggregation=aggregation or AggregationMethod.TRIMMED_MEAN,
            tie_breaks=tie_breaks,
            disagreement=disagreement or Disagreement(),
            total_min=TOTAL_MIN,
            total_max=TOTAL_MAX,
        )

    def aggregation(self, doc: dict[str, Any]) -> AggregationMethod | None:
        value = self.get(doc, "aggregation", (), required=False)
        if value is _MISSING:
            return AggregationMethod.TRIMMED_MEAN
        allowed = ", ".join(m.value for m in AggregationMethod)
        if not isinstance(value, str):
            self.problem(("aggregation",), "rubric.type.string", value=_show(value))
            return None
        try:
            return AggregationMethod(value)
        except ValueError:
            self.problem(("aggregation",), "rubric.aggregation.unknown", value=value, allowed=allowed)
            return None

    def disagreement(self, doc: dict[str, Any]) -> Disagreement | None:
        value = self.get(doc, "disagreement", (), required=False)
        if value is _MISSING:
            return Disagreement()
        path: KeyPath = ("disagreement",)
        table = self.table(value, path)
        if table is None:
            return None
        self.keys(table, path, _DISAGREEMENT_KEYS)
        out: dict[str, Decimal] = {}
        for key, default in (("criterion_range", Decimal(4)), ("total_range", Decimal(15))):
            number = self.number(table, key, path, required=False)
            if key not in table:
                out[key] = default
            elif number is not None:
                if number <= 0:
                    self.problem(path + (key,), "rubric.disagreement.not_positive", value=_fmt(number))
                out[key] = number
        if len(out) < 2:
            return None
        return Disagreement(criterion_range=out["criterion_range"], total_range=out["total_range"])

    def scale(self, value: Any, path: KeyPath, base: _Scale | None) -> tuple[_Scale | None, bool]:
        """Read a ``scale`` table; keys it leaves out come from ``base``.

        ``base`` is None when the rubric's own ``[scale]`` is broken: then a
        key left out makes the scale unusable (already reported).  Returns
        the scale (None when unusable) and whether it is valid.
        """
        table = self.table(value, path)
        if table is None:
            return None, False
        self.keys(table, path, _SCALE_KEYS)
        values: dict[str, Decimal | None] = {}
        for key in _SCALE_KEYS:
            if key in table:
                values[key] = self.number(table, key, path)
            else:
                values[key] = getattr(base, key) if base is not None else None
        lo, hi, step = values["min"], values["max"], values["step"]
        if lo is None or hi is None or step is None:
            return None, False
        ok = True
        if lo < 0:
            self.problem(path + ("min",), "rubric.scale.negative", min=_fmt(lo))
            ok = False
        if lo >= hi:
            self.problem(path, "rubric.scale.min_not_below_max", min=_fmt(lo), max=_fmt(hi))
            ok = False
        if step <= 0:
            self.problem(path + ("step",), "rubric.scale.step_not_positive", step=_fmt(step))
            ok = False
        if ok and (hi - lo) % step != 0:
            self.problem(
                path, "rubric.scale.step_not_dividing", min=_fmt(lo), max=_fmt(hi), step=_fmt(step)
            )
            ok = False
        if ok and (hi - lo) / step + 1 > MAX_SCALE_POINTS:
            self.problem(
                path, "rubric.scale.too_many_points",
                count=_fmt((hi - lo) / step + 1), limit=MAX_SCALE_POINTS,
            )
            ok = False
        return _Scale(lo, hi, step), ok

    def levels(self, table: dict[str, Any], path: KeyPath) -> list[_LevelSpec] | None:
        """Read a ``levels`` array of tables; None when the key is absent."""
        items = self.array(table, "levels", path, required=False)
        if items is None:
            return None
        out: list[_LevelSpec] = []
        for index, item in enumerate(items):
            here = path + ("levels", index)
            entry = self.table(item, here)
            if entry is None:
                out.append(_LevelSpec(here, None))
                continue
            self.keys(entry, here, _LEVEL_KEYS)
            lo = self.number(entry, "min", here)
            hi = self.number(entry, "max", here)
            label = self.text(entry, "label", here)
            descriptor = self.text(entry, "descriptor", here, required=False)
            if lo is None or hi is None or label is None or descriptor is None:
                out.append(_LevelSpec(here, None))
                continue
            out.append(
                _LevelSpec(
                    here,
                    Level(
                        min=lo, max=hi, label_id=label[0], label_en=label[1],
                        descriptor_id=descriptor[0], descriptor_en=descriptor[1],
                    ),
                )
            )
        return out

    def check_levels(
        self, specs: list[_LevelSpec], scale: _Scale, array_path: KeyPath, report: bool = True
    ) -> bool:
        """Check levels against a valid scale; True when they fit it exactly.

        Every score on the scale's grid must fall in exactly one level.  With
        ``report`` False nothing is reported (used for inherited levels).
        An empty list means "no levels" and always fits.
        """
        ok = True

        def flag(path: KeyPath, message_id: str, **params: Any) -> None:
            nonlocal ok
            ok = False
            if report:
                self.problem(path, message_id, **params)

        points = scale.points()
        usable: list[tuple[_LevelSpec, Level]] = []
        complete = True  # every entry usable: only then are gaps meaningful
        for spec in specs:
            lv = spec.level
            if lv is None:  # its own problems are already reported
                ok = complete = False
                continue
            if lv.min > lv.max:
                flag(spec.path + ("max",), "rubric.level.min_above_max", min=_fmt(lv.min), max=_fmt(lv.max))
                complete = False
                continue
            if lv.min < scale.min or lv.max > scale.max:
                flag(
                    spec.path, "rubric.level.outside_scale",
                    min=_fmt(lv.min), max=_fmt(lv.max),
                    scale_min=_fmt(scale.min), scale_max=_fmt(scale.max),
                )
            if not any(lv.contains(p) for p in points):
                flag(
                    spec.path, "rubric.level.no_score",
                    min=_fmt(lv.min), max=_fmt(lv.max), step=_fmt(scale.step),
                )
                complete = False
                continue
            usable.append((spec, lv))
        for a, (_spec_a, la) in enumerate(usable):  # overlaps, reported on the later level
            for spec_b, lb in usable[a + 1 :]:
                shared = [p for p in points if la.contains(p) and lb.contains(p)]
                if shared:
                    flag(
                        spec_b.path, "rubric.level.overlap",
                        other_label=la.label_id,
                        other_range=f"{_fmt(la.min)}–{_fmt(la.max)}",
                        values=_ranges(shared, scale.step),
                    )
        if complete and specs:
            gaps = [p for p in points if not any(lv.contains(p) for _s, lv in usable)]
            if gaps:
                flag(array_path, "rubric.level.gap", values=_ranges(gaps, scale.step))
        return ok

    def stages(
        self,
        doc: dict[str, Any],
        default_scale: _Scale | None,
        default_scale_ok: bool,
        default_levels: list[_LevelSpec] | None,
    ) -> tuple[list[Stage], list[_CriterionSpec]]:
        items = self.array(doc, "stages", (), required=True)
        if items is None:
            return [], []
        if not items:
            self.problem(("stages",), "rubric.stages.empty")
            return [], []
        stages: list[Stage] = []
        all_criteria: list[_CriterionSpec] = []
        stage_ids: dict[str, KeyPath] = {}
        criterion_ids: dict[str, KeyPath] = {}
        weights: list[Decimal | None] = []
        for index, item in enumerate(items):
            here: KeyPath = ("stages", index)
            table = self.table(item, here)
            if table is None:
                weights.append(None)
                continue
            self.keys(table, here, _STAGE_KEYS)
            stage_id = self.identifier(table, "id", here)
            if stage_id is not None:
                if stage_id in stage_ids:
                    self.problem(
                        here + ("id",), "rubric.stage.duplicate",
                        id=stage_id, first=format_key_path(stage_ids[stage_id]),
                    )
                else:
                    stage_ids[stage_id] = here + ("id",)
            name = self.text(table, "name", here)
            weight = self.number(table, "weight", here)
            if weight is not None and weight <= 0:
                self.problem(here + ("weight",), "rubric.weight.not_positive", value=_fmt(weight))
            weights.append(weight)
            criteria = self.criteria(
                table, here, stage_id or str(index), criterion_ids,
                default_scale, default_scale_ok, default_levels,
            )
            all_criteria.extend(criteria)
            stages.append(
                Stage(
                    id=stage_id or "",
                    name_id=name[0] if name else "",
                    name_en=name[1] if name else "",
                    weight=weight or Decimal(0),
                    criteria=tuple(c.criterion for c in criteria if c.criterion is not None),
                )
            )
        given = [w for w in weights if w is not None]
        if len(given) == len(weights):
            total = sum(given, Decimal(0))
            if total != WEIGHT_SUM:
                self.problem(("stages",), "rubric.stage.weights_sum", total=_fmt(total), expected=100)
        return stages, all_criteria

    def criteria(
        self,
        stage: dict[str, Any],
        stage_path: KeyPath,
        stage_name: str,
        seen_ids: dict[str, KeyPath],
        default_scale: _Scale | None,
        default_scale_ok: bool,
        default_levels: list[_LevelSpec] | None,
    ) -> list[_CriterionSpec]:
        items = self.array(stage, "criteria", stage_path, required=True)
        if items is None:
            return []
        if not items:
            self.problem(stage_path + ("criteria",), "rubric.criteria.empty", stage=stage_name)
            return []
        out: list[_CriterionSpec] = []
        weights: list[Decimal | None] = []
        for index, item in enumerate(items):
            here = stage_path + ("criteria", index)
            table = self.table(item, here)
            if table is None:
                weights.append(None)
                out.append(_CriterionSpec(here, None, None))
                continue
            self.keys(table, here, _CRITERION_KEYS)
            raw_id = table.get("id") if isinstance(table.get("id"), str) else None
            cid = self.identifier(table, "id", here)
            if cid is not None:
                if cid == CHAIR:
                    self.problem(here + ("id",), "rubric.id.reserved", value=cid)
                elif cid in seen_ids:
                    self.problem(
                        here + ("id",), "rubric.criterion.duplicate",
                        id=cid, first=format_key_path(seen_ids[cid]),
                    )
                else:
                    seen_ids[cid] = here + ("id",)
            name = self.text(table, "name", here)
            description = self.text(table, "description", here, required=False)
            weight = self.number(table, "weight", here)
            if weight is not None and weight <= 0:
                self.problem(here + ("weight",), "rubric.weight.not_positive", value=_fmt(weight))
            weights.append(weight)

            # scale: own keys over the rubric's [scale] over 1–10 step 1
            if "scale" in table:
                scale, scale_ok = self.scale(
                    table["scale"], here + ("scale",), default_scale if default_scale_ok else None
                )
            else:
                scale, scale_ok = default_scale, default_scale_ok

            # levels: own, or the rubric's [[levels]]
            own_levels = self.levels(table, here)
            levels = own_levels if own_levels is not None else default_levels
            if scale is not None and scale_ok and levels is not None:
                if own_levels is not None:
                    self.check_levels(own_levels, scale, here + ("levels",))
                elif "scale" in table and not self.check_levels(
                    levels, scale, ("levels",), report=False
                ):
                    if all(spec.level is not None for spec in levels):
                        self.problem(
                            here + ("scale",), "rubric.levels.default_mismatch",
                            min=_fmt(scale.min), max=_fmt(scale.max), step=_fmt(scale.step),
                        )

            thresholds: dict[str, Decimal | None] = {}
            for key in ("comment_required_below", "knockout_below"):
                value = self.number(table, key, here, required=False)
                thresholds[key] = value
                if value is not None and scale is not None and scale_ok:
                    if not (scale.min < value <= scale.max):
                        self.problem(
                            here + (key,), "rubric.threshold.outside_scale",
                            value=_fmt(value), min=_fmt(scale.min), max=_fmt(scale.max),
                        )

            criterion = None
            if cid and name and description and weight is not None and scale is not None:
                criterion = Criterion(
                    id=cid,
                    name_id=name[0],
                    name_en=name[1],
                    description_id=description[0],
                    description_en=description[1],
                    weight=weight,
                    scale_min=scale.min,
                    scale_max=scale.max,
                    step=scale.step,
                    levels=tuple(s.level for s in (levels or []) if s.level is not None),
                    comment_required_below=thresholds["comment_required_below"],
                    knockout_below=thresholds["knockout_below"],
                )
            out.append(_CriterionSpec(here, raw_id, criterion))
        given = [w for w in weights if w is not None]
        if len(given) == len(weights):
            total = sum(given, Decimal(0))
            if total != WEIGHT_SUM:
                self.problem(
                    stage_path + ("criteria",), "rubric.criterion.weights_sum",
                    stage=stage_name, total=_fmt(total), expected=100,
                )
        return out

    def tie_breaks(self, doc: dict[str, Any], criteria: list[_CriterionSpec]) -> tuple[str, ...]:
        """The tie-break chain; ``chair`` is appended when the file leaves it out."""
        items = self.array(doc, "tie_breaks", (), required=False)
        if items is None:
            return (CHAIR,)
        known = list(dict.fromkeys(c.raw_id for c in criteria if c.raw_id))
        chain: list[str] = []
        for index, item in enumerate(items):
            here: KeyPath = ("tie_breaks", index)
            if not isinstance(item, str):
                self.problem(here, "rubric.type.string", value=_show(item))
                continue
            if item in chain:
                self.problem(here, "rubric.tie_break.duplicate", value=item)
                continue
            if item == CHAIR:
                if index != len(items) - 1:
                    self.problem(here, "rubric.tie_break.chair_not_last")
            elif item not in known:
                self.problem(
                    here, "rubric.tie_break.unknown", value=item, known=", ".join(known) or "-"
                )
            chain.append(item)
        if CHAIR not in chain:
            chain.append(CHAIR)
        return tuple(chain)


# ---------------------------------------------------------------------------
# public API


def _syntax_problem(exc: tomllib.TOMLDecodeError, file: str) -> Problem:
    message = str(exc.args[0]) if exc.args else str(exc)
    line: int | None = getattr(exc, "lineno", None)
    column: int | None = getattr(exc, "colno", None)
    detail = getattr(exc, "msg", None) or message
    m = _SYNTAX_POS_RE.search(detail)
    if m:
        line, column = int(m.group(1)), int(m.group(2))
        detail = detail[: m.start()]
    detail = _SYNTAX_END_RE.sub("", detail)
    return Problem(
        file=file,
        key_path="",
        message_id="rubric.syntax",
        params={"detail": detail, "column": column if column is not None else "?"},
        line=line,
    )


def _check(text: str, file: str) -> tuple[Rubric | None, list[Problem]]:
    if text.startswith("\ufeff"):  # a byte-order mark from a Windows editor
        text = text[1:]
    try:
        doc = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(exc, file)]
    except RecursionError:  # arrays or tables nested thousands deep
        return None, [Problem(file=file, key_path="", message_id="identity.rubric_too_deep", params={})]
    reader = _Reader(text, file)
    rubric = reader.read(doc)
    # in file order; problems without a line (e.g. a missing top-level key) first
    problems = sorted(reader.problems, key=lambda p: p.line or 0)
    return rubric, problems


def parse_rubric(text: str, file: str) -> Rubric:
    """Parse rubric TOML ``text`` (``file`` names it in problems).

    Raises :class:`ProblemsError` listing every problem found.
    """
    rubric, problems = _check(text, file)
    if problems or rubric is None:
        raise ProblemsError(problems)
    return rubric


def _read_text(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    def fail(message_id: str, **params: Any) -> tuple[None, list[Problem]]:
        return None, [Problem(file=file, key_path="", message_id=message_id, params=params)]

    try:
        if not path.exists():
            return fail("rubric.file.missing", path=file)
        if path.is_dir():
            return fail("rubric.file.is_folder", path=file)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail("rubric.file.too_large", path=file, size=size, limit=MAX_FILE_BYTES)
        data = path.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        return fail("rubric.file.unreadable", path=file, reason=reason)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                file=file, key_path="", message_id="rubric.file.not_utf8",
                params={"offset": exc.start}, line=line,
            )
        ]


def validate_rubric_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem of the rubric file at ``path``; empty when it is fine.

    Never raises for bad input: a missing, unreadable or non-UTF-8 file is a
    problem like any other.
    """
    file = os.fspath(path)
    text, problems = _read_text(Path(file), file)
    if text is None:
        return problems
    return _check(text, file)[1]


def load_rubric(path: str | os.PathLike[str]) -> Rubric:
    """Load the rubric file at ``path``; raises :class:`ProblemsError`."""
    file = os.fspath(path)
    text, problems = _read_text(Path(file), file)
    if text is None:
        raise ProblemsError(problems)
    return parse_rubric(text, file)


def builtin_rubric_dir() -> Path:
    """The folder of shipped rubrics: ``$OAOI_RUBRIC_DIR`` or ``scoring_rubrics/``."""
    env = os.environ.get(RUBRIC_DIR_ENV, "").strip()
    if env:
        return Path(env)
    from oaoi_desktop.shipped import rubrics_dir

    return rubrics_dir()


def list_builtin_rubrics() -> list[Path]:
    """The ``*.toml`` files of :func:`builtin_rubric_dir`, sorted by name."""
    folder = builtin_rubric_dir()
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob("*.toml") if p.is_file()), key=lambda p: p.name)


def resolve_rubric(name_or_path: str | os.PathLike[str]) -> Path:
    """A rubric file from a path or a built-in name such as ``"kipp-proposal"``.

    An existing file wins; otherwise a bare name (no folder part) is looked up
    in :func:`builtin_rubric_dir`, with or without ``.toml``.  Raises
    :class:`NotFoundError` (``rubric.not_found``) when neither exists.
    """
    text = os.fspath(name_or_path)
    path = Path(text)
    if path.is_file():
        return path
    available = ", ".join(p.stem for p in list_builtin_rubrics())
    if text and path.name == text:  # no folder part: a built-in name
        stem = text[:-5] if text.endswith(".toml") else text
        candidate = builtin_rubric_dir() / f"{stem}.toml"
        if candidate.is_file():
            return candidate
    raise NotFoundError("rubric.not_found", name=text, available=available or "-")
