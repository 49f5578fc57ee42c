"""The rubric (Instrumen penilaian) as pure, immutable values.

A rubric has one or more stages (Tahap), each with criteria (Kriteria) that are
scored on their own scale and weighted so that a stage's weights sum to 100;
the stage weights themselves sum to 100 too.  Levels (Sangat Baik … Sangat
Kurang) anchor score ranges to descriptors.  Numbers are :class:`Decimal`
(as written in the file) so that arithmetic stays exact.

Parsing and validating a TOML file is in :mod:`oaoi_desktop.domain.rubric_loader`;
this module only holds the model and its canonical document form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from oaoi_desktop.domain import canonical


class AggregationMethod(str, Enum):
    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"
    ZSCORE_MEAN = "zscore_mean"


CHAIR = "chair"
"""The last link of a tie-break chain: ties left are decided by the chair."""


@dataclass(frozen=True)
class Level:
    """A labelled score range of a criterion, e.g. 9–10 "Sangat Baik"."""

    min: Decimal
    max: Decimal
    label_id: str
    label_en: str
    descriptor_id: str = ""
    descriptor_en: str = ""

    def contains(self, value: Decimal) -> bool:
        return self.min <= value <= self.max

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_id

    def descriptor(self, lang: str = "id") -> str:
        return self.descriptor_en if lang == "en" and self.descriptor_en else self.descriptor_id


@dataclass(frozen=True)
class Criterion:
    """One scored item (Kriteria / aspek)."""

    id: str
    name_id: str
    name_en: str
    weight: Decimal
    scale_min: Decimal = Decimal(1)
    scale_max: Decimal = Decimal(10)
    step: Decimal = Decimal(1)
    description_id: str = ""
    description_en: str = ""
    levels: tuple[Level, ...] = ()
    comment_required_below: Decimal | None = None
    knockout_below: Decimal | None = None

    def name(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_id

    def description(self, lang: str = "id") -> str:
        return self.description_en if lang == "en" and self.description_en else self.description_id

    def level_for(self, value: Decimal) -> Level | None:
        for level in self.levels:
            if level.contains(value):
                return level
        return None

    def is_valid_score(self, value: Decimal) -> bool:
        if not (self.scale_min <= value <= self.scale_max):
            return False
        return (value - self.scale_min) % self.step == 0

    def comment_required(self, value: Decimal) -> bool:
        return self.comment_required_below is not None and value < self.comment_required_below


@dataclass(frozen=True)
class Stage:
    """A stage (Tahap) of the evaluation: proposal review, presentation, ..."""

    id: str
    name_id: str
    name_en: str
    weight: Decimal
    criteria: tuple[Criterion, ...]

    def name(self, lang: str = "id") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_id

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)


@dataclass(frozen=True)
class Disagreement:
    """When the spread of judges' scores flags a dossier for discussion."""

    criterion_range: Decimal = Decimal(4)
    total_range: Decimal = Decimal(15)


@dataclass(frozen=True)
class Rubric:
    """A whole rubric document; frozen into an event once scoring starts."""

    id: str
    version: str
    title_id: str
    title_en: str
    stages: tuple[Stage, ...]
    pass_mark: Decimal
    aggregation: AggregationMethod = AggregationMethod.TRIMMED_MEAN
    tie_breaks: tuple[str, ...] = (CHAIR,)
    disagreement: Disagreement = field(default_factory=Disagreement)
    total_min: Decimal = Decimal(0)
    total_max: Decimal = Decimal(100)
    description_id: str = ""
    description_en: str = ""

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_id

    def stage(self, stage_id: str) -> Stage:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)

    @property
    def first_stage(self) -> Stage:
        return self.stages[0]

    def criterion(self, criterion_id: str, stage_id: str | None = None) -> Criterion:
        stages = [self.stage(stage_id)] if stage_id else list(self.stages)
        for s in stages:
            for c in s.criteria:
                if c.id == criterion_id:
                    return c
        raise KeyError(criterion_id)

    # -- canonical form -------------------------------------------------
    def to_document(self) -> dict[str, Any]:
        """The rubric as a plain document (what is stored and hashed)."""

        def level_doc(lv: Level) -> dict[str, Any]:
            return {
                "min": lv.min,
                "max": lv.max,
                "label": {"id": lv.label_id, "en": lv.label_en},
                "descriptor": {"id": lv.descriptor_id, "en": lv.descriptor_en},
            }

        def criterion_doc(c: Criterion) -> dict[str, Any]:
            return {
                "id": c.id,
                "name": {"id": c.name_id, "en": c.name_en},
                "description": {"id": c.description_id, "en": c.description_en},
                "weight": c.weight,
                "scale": {"min": c.scale_min, "max": c.scale_max, "step": c.step},
                "levels": [level_doc(lv) for lv in c.levels],
                "comment_required_below": c.comment_required_below,
                "knockout_below": c.knockout_below,
            }

        return {
            "id": self.id,
            "version": self.version,
            "title": {"id": self.title_id, "en": self.title_en},
            "description": {"id": self.description_id, "en": self.description_en},
            "total": {"min": self.total_min, "max": self.total_max},
            "pass_mark": self.pass_mark,
            "aggregation": self.aggregation.value,
            "tie_breaks": list(self.tie_breaks),
            "disagreement": {
                "criterion_range": self.disagreement.criterion_range,
                "total_range": self.disagreement.total_range,
            },
            "stages": [
                {
                    "id": s.id,
                    "name": {"id": s.name_id, "en": s.name_en},
                    "weight": s.weight,
                    "criteria": [criterion_doc(c) for c in s.criteria],
                }
                for s in self.stages
            ],
        }

    def canonical_bytes(self) -> bytes:
        return canonical.dumps(self.to_document())

    def sha256(self) -> str:
        """The rubric version hash: SHA-256 of its canonical JSON, hex."""
        return canonical.sha256_hex(self.to_document())

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> "Rubric":
        """Rebuild a rubric from :meth:`to_document` output (as stored).

        Decimal fields may arrive as strings or ints (canonical JSON).
        """

        def d(value: Any) -> Decimal:
            return Decimal(str(value))

        def od(value: Any) -> Decimal | None:
            return None if value is None else d(value)

        stages = []
        for s in doc["stages"]:
            criteria = []
            for c in s["criteria"]:
                levels = tuple(
                    Level(
                        min=d(lv["min"]),
                        max=d(lv["max"]),
                        label_id=lv["label"]["id"],
                        label_en=lv["label"].get("en", ""),
                        descriptor_id=lv.get("descriptor", {}).get("id", ""),
                        descriptor_en=lv.get("descriptor", {}).get("en", ""),
                    )
                    for lv in c.get("levels", [])
                )
                criteria.append(
                    Criterion(
                        id=c["id"],
                        name_id=c["name"]["id"],
                        name_en=c["name"].get("en", ""),
                        description_id=c.get("description", {}).get("id", ""),
                        description_en=c.get("description", {}).get("en", ""),
                        weight=d(c["weight"]),
                        scale_min=d(c["scale"]["min"]),
                        scale_max=d(c["scale"]["max"]),
                        step=d(c["scale"]["step"]),
                        levels=levels,
                        comment_required_below=od(c.get("comment_required_below")),
                        knockout_below=od(c.get("knockout_below")),
                    )
                )
            stages.append(
                Stage(
                    id=s["id"],
                    name_id=s["name"]["id"],
                    name_en=s["name"].get("en", ""),
                    weight=d(s["weight"]),
                    criteria=tuple(criteria),
                )
            )
        dis = doc.get("disagreement", {})
        return cls(
            id=doc["id"],
            version=str(doc["version"]),
            title_id=doc["title"]["id"],
            title_en=doc["title"].get("en", ""),
            description_id=doc.get("description", {}).get("id", ""),
            description_en=doc.get("description", {}).get("en", ""),
            stages=tuple(stages),
            pass_mark=d(doc["pass_mark"]),
            aggregation=AggregationMethod(doc.get("aggregation", "trimmed_mean")),
            tie_breaks=tuple(doc.get("tie_breaks", [CHAIR])),
            disagreement=Disagreement(
                criterion_range=d(dis.get("criterion_range", 4)),
                total_range=d(dis.get("total_range", 15)),
            ),
            total_min=d(doc.get("total", {}).get("min", 0)),
            total_max=d(doc.get("total", {}).get("max", 100)),
        )
