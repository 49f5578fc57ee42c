"""The rubric reader: walks a parsed rubric TOML document, collecting the model and every problem.

See :mod:`oaoi_desktop.domain.rubric_loader` for the format's rules (key
paths, exact numbers).  Pure Python: no Qt, no database, no I/O.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal, InvalidOperation
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
from oaoi_desktop.domain.rubric_keys import KeyPath, format_key_path, key_lines, line_for
from oaoi_desktop.domain.rubric_values import (
    MISSING,
    CriterionSpec,
    LevelSpec,
    Scale,
    number_text,
    ranges_text,
    short_text,
)
from oaoi_desktop.errors import Problem

FORMAT_VERSION = 1
"""The only value of the optional top-level ``format`` key understood here."""

MAX_SCALE_POINTS = 1000
"""A scale may offer at most this many distinct scores (e.g. 0–100 step 0.1)."""

TOTAL_MIN = Decimal(0)
TOTAL_MAX = Decimal(100)
WEIGHT_SUM = Decimal(100)

_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")

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


class Reader:
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
                line=line_for(self._lines, path),
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
        return MISSING

    def table(self, value: Any, path: KeyPath) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(path, "rubric.type.table", value=short_text(value))
        return None

    def string(self, table: dict[str, Any], key: str, path: KeyPath, required: bool = True) -> str | None:
        value = self.get(table, key, path, required)
        if value is MISSING:
            return None
        if not isinstance(value, str):
            self.problem(path + (key,), "rubric.type.string", value=short_text(value))
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
        if value is MISSING:
            return None
        return self.to_number(value, path + (key,))

    def to_number(self, value: Any, path: KeyPath) -> Decimal | None:
        if isinstance(value, bool):
            self.problem(path, "rubric.type.number", value=short_text(value))
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
                self.problem(path, "rubric.number.invalid", value=short_text(value))
                return None
        else:
            self.problem(path, "rubric.type.number", value=short_text(value))
            return None
        if not number.is_finite():
            self.problem(path, "rubric.number.not_finite", value=short_text(value))
            return None
        return number

    def text(
        self, table: dict[str, Any], key: str, path: KeyPath, required: bool = True
    ) -> tuple[str, str] | None:
        """A bilingual text: ``{ id = "...", en = "..." }`` or a plain string (Indonesian)."""
        value = self.get(table, key, path, required)
        if value is MISSING:
            return None if required else ("", "")
        here = path + (key,)
        if isinstance(value, str):
            if required and not value.strip():
                self.problem(here, "rubric.value.empty")
                return None
            return value, ""
        if not isinstance(value, dict):
            self.problem(here, "rubric.type.text", value=short_text(value))
            return None
        self.keys(value, here, _TEXT_KEYS)
        text_id = value.get("id", MISSING)
        text_en = value.get("en", "")
        ok = True
        if text_id is MISSING:
            self.problem(here + ("id",), "rubric.key.missing", key="id")
            ok = False
        elif not isinstance(text_id, str):
            self.problem(here + ("id",), "rubric.type.string", value=short_text(text_id))
            ok = False
        elif required and not text_id.strip():
            self.problem(here + ("id",), "rubric.value.empty")
            ok = False
        if not isinstance(text_en, str):
            self.problem(here + ("en",), "rubric.type.string", value=short_text(text_en))
            ok = False
        return (text_id, text_en) if ok else None

    def array(self, table: dict[str, Any], key: str, path: KeyPath, required: bool) -> list[Any] | None:
        value = self.get(table, key, path, required)
        if value is MISSING:
            return None
        if not isinstance(value, list):
            self.problem(path + (key,), "rubric.type.array", value=short_text(value))
            return None
        return value

    # -- the document ----------------------------------------------------
    def read(self, doc: dict[str, Any]) -> Rubric | None:
        root: KeyPath = ()
        self.keys(doc, root, _ROOT_KEYS)

        fmt = self.get(doc, "format", root, required=False)
        if fmt is not MISSING and (isinstance(fmt, bool) or fmt != FORMAT_VERSION):
            self.problem(("format",), "rubric.format.unsupported", value=short_text(fmt), expected=FORMAT_VERSION)

        rubric_id = self.identifier(doc, "id", root)
        version = self.string(doc, "version", root)
        title = self.text(doc, "title", root)
        description = self.text(doc, "description", root, required=False)

        pass_mark = self.number(doc, "pass_mark", root)
        if pass_mark is not None and not (TOTAL_MIN <= pass_mark <= TOTAL_MAX):
            self.problem(
                ("pass_mark",), "rubric.pass_mark.outside_total",
                value=number_text(pass_mark), min=number_text(TOTAL_MIN), max=number_text(TOTAL_MAX),
            )

        aggregation = self.aggregation(doc)
        disagreement = self.disagreement(doc)

        if "scale" in doc:
            default_scale, scale_ok = self.scale(doc["scale"], ("scale",), Scale(*_DEFAULT_SCALE))
        else:
            default_scale, scale_ok = Scale(*_DEFAULT_SCALE), True
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
        if value is MISSING:
            return AggregationMethod.TRIMMED_MEAN
        allowed = ", ".join(m.value for m in AggregationMethod)
        if not isinstance(value, str):
            self.problem(("aggregation",), "rubric.type.string", value=short_text(value))
            return None
        try:
            return AggregationMethod(value)
        except ValueError:
            self.problem(("aggregation",), "rubric.aggregation.unknown", value=value, allowed=allowed)
            return None

    def disagreement(self, doc: dict[str, Any]) -> Disagreement | None:
        value = self.get(doc, "disagreement", (), required=False)
        if value is MISSING:
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
                    self.problem(path + (key,), "rubric.disagreement.not_positive", value=number_text(number))
                out[key] = number
        if len(out) < 2:
            return None
        return Disagreement(criterion_range=out["criterion_range"], total_range=out["total_range"])

    def scale(self, value: Any, path: KeyPath, base: Scale | None) -> tuple[Scale | None, bool]:
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
            self.problem(path + ("min",), "rubric.scale.negative", min=number_text(lo))
            ok = False
        if lo >= hi:
            self.problem(path, "rubric.scale.min_not_below_max", min=number_text(lo), max=number_text(hi))
            ok = False
        if step <= 0:
            self.problem(path + ("step",), "rubric.scale.step_not_positive", step=number_text(step))
            ok = False
        if ok and (hi - lo) % step != 0:
            self.problem(
                path, "rubric.scale.step_not_dividing", min=number_text(lo), max=number_text(hi), step=number_text(step)
            )
            ok = False
        if ok and (hi - lo) / step + 1 > MAX_SCALE_POINTS:
            self.problem(
                path, "rubric.scale.too_many_points",
                count=number_text((hi - lo) / step + 1), limit=MAX_SCALE_POINTS,
            )
            ok = False
        return Scale(lo, hi, step), ok

    def levels(self, table: dict[str, Any], path: KeyPath) -> list[LevelSpec] | None:
        """Read a ``levels`` array of tables; None when the key is absent."""
        items = self.array(table, "levels", path, required=False)
        if items is None:
            return None
        out: list[LevelSpec] = []
        for index, item in enumerate(items):
            here = path + ("levels", index)
            entry = self.table(item, here)
            if entry is None:
                out.append(LevelSpec(here, None))
                continue
            self.keys(entry, here, _LEVEL_KEYS)
            lo = self.number(entry, "min", here)
            hi = self.number(entry, "max", here)
            label = self.text(entry, "label", here)
            descriptor = self.text(entry, "descriptor", here, required=False)
            if lo is None or hi is None or label is None or descriptor is None:
                out.append(LevelSpec(here, None))
                continue
            out.append(
                LevelSpec(
                    here,
                    Level(
                        min=lo, max=hi, label_id=label[0], label_en=label[1],
                        descriptor_id=descriptor[0], descriptor_en=descriptor[1],
                    ),
                )
            )
        return out

    def check_levels(
        self, specs: list[LevelSpec], scale: Scale, array_path: KeyPath, report: bool = True
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
        usable: list[tuple[LevelSpec, Level]] = []
        complete = True  # every entry usable: only then are gaps meaningful
        for spec in specs:
            lv = spec.level
            if lv is None:  # its own problems are already reported
                ok = complete = False
                continue
            if lv.min > lv.max:
                flag(spec.path + ("max",), "rubric.level.min_above_max", min=number_text(lv.min), max=number_text(lv.max))
                complete = False
                continue
            if lv.min < scale.min or lv.max > scale.max:
                flag(
                    spec.path, "rubric.level.outside_scale",
                    min=number_text(lv.min), max=number_text(lv.max),
                    scale_min=number_text(scale.min), scale_max=number_text(scale.max),
                )
            if not any(lv.contains(p) for p in points):
                flag(
                    spec.path, "rubric.level.no_score",
                    min=number_text(lv.min), max=number_text(lv.max), step=number_text(scale.step),
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
                        other_range=f"{number_text(la.min)}–{number_text(la.max)}",
                        values=ranges_text(shared, scale.step),
                    )
        if complete and specs:
            gaps = [p for p in points if not any(lv.contains(p) for _s, lv in usable)]
            if gaps:
                flag(array_path, "rubric.level.gap", values=ranges_text(gaps, scale.step))
        return ok

    def stages(
        self,
        doc: dict[str, Any],
        default_scale: Scale | None,
        default_scale_ok: bool,
        default_levels: list[LevelSpec] | None,
    ) -> tuple[list[Stage], list[CriterionSpec]]:
        items = self.array(doc, "stages", (), required=True)
        if items is None:
            return [], []
        if not items:
            self.problem(("stages",), "rubric.stages.empty")
            return [], []
        stages: list[Stage] = []
        all_criteria: list[CriterionSpec] = []
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
                self.problem(here + ("weight",), "rubric.weight.not_positive", value=number_text(weight))
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
                self.problem(("stages",), "rubric.stage.weights_sum", total=number_text(total), expected=100)
        return stages, all_criteria

    def criteria(
        self,
        stage: dict[str, Any],
        stage_path: KeyPath,
        stage_name: str,
        seen_ids: dict[str, KeyPath],
        default_scale: Scale | None,
        default_scale_ok: bool,
        default_levels: list[LevelSpec] | None,
    ) -> list[CriterionSpec]:
        items = self.array(stage, "criteria", stage_path, required=True)
        if items is None:
            return []
        if not items:
            self.problem(stage_path + ("criteria",), "rubric.criteria.empty", stage=stage_name)
            return []
        out: list[CriterionSpec] = []
        weights: list[Decimal | None] = []
        for index, item in enumerate(items):
            here = stage_path + ("criteria", index)
            table = self.table(item, here)
            if table is None:
                weights.append(None)
                out.append(CriterionSpec(here, None, None))
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
                self.problem(here + ("weight",), "rubric.weight.not_positive", value=number_text(weight))
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
                            min=number_text(scale.min), max=number_text(scale.max), step=number_text(scale.step),
                        )

            thresholds: dict[str, Decimal | None] = {}
            for key in ("comment_required_below", "knockout_below"):
                value = self.number(table, key, here, required=False)
                thresholds[key] = value
                if value is not None and scale is not None and scale_ok:
                    if not (scale.min < value <= scale.max):
                        self.problem(
                            here + (key,), "rubric.threshold.outside_scale",
                            value=number_text(value), min=number_text(scale.min), max=number_text(scale.max),
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
            out.append(CriterionSpec(here, raw_id, criterion))
        given = [w for w in weights if w is not None]
        if len(given) == len(weights):
            total = sum(given, Decimal(0))
            if total != WEIGHT_SUM:
                self.problem(
                    stage_path + ("criteria",), "rubric.criterion.weights_sum",
                    stage=stage_name, total=number_text(total), expected=100,
                )
        return out

    def tie_breaks(self, doc: dict[str, Any], criteria: list[CriterionSpec]) -> tuple[str, ...]:
        """The tie-break chain; ``chair`` is appended when the file leaves it out."""
        items = self.array(doc, "tie_breaks", (), required=False)
        if items is None:
            return (CHAIR,)
        known = list(dict.fromkeys(c.raw_id for c in criteria if c.raw_id))
        chain: list[str] = []
        for index, item in enumerate(items):
            here: KeyPath = ("tie_breaks", index)
            if not isinstance(item, str):
                self.problem(here, "rubric.type.string", value=short_text(item))
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
