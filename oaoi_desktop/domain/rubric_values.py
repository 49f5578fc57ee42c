"""Small value helpers of the rubric reader: numbers as people write them, short renderings, scales.

Pure Python: no Qt, no database, no I/O.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from oaoi_desktop.domain.rubric import Criterion, Level
from oaoi_desktop.domain.rubric_keys import KeyPath


def number_text(value: Decimal) -> str:
    """A Decimal as people write it: ``95``, ``85.5``."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def short_text(value: Any) -> str:
    """A short TOML-ish rendering of a value found in the file."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, Decimal):
        text = number_text(value) if value.is_finite() else str(value).lower()
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {short_text(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(short_text(v) for v in value) + "]"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def ranges_text(values: list[Decimal], step: Decimal) -> str:
    """``[1, 2, 3, 5]`` with step 1 → ``"1–3, 5"``."""
    runs: list[list[Decimal]] = []
    for v in values:
        if runs and v == runs[-1][-1] + step:
            runs[-1].append(v)
        else:
            runs.append([v])
    return ", ".join(number_text(r[0]) if len(r) == 1 else f"{number_text(r[0])}–{number_text(r[-1])}" for r in runs)


MISSING = object()


@dataclass
class Scale:
    min: Decimal
    max: Decimal
    step: Decimal

    def points(self) -> list[Decimal]:
        count = int((self.max - self.min) / self.step)
        return [self.min + k * self.step for k in range(count + 1)]


@dataclass
class LevelSpec:
    path: KeyPath
    level: Level | None  # None: the entry itself had problems


@dataclass
class CriterionSpec:
    path: KeyPath
    raw_id: str | None
    criterion: Criterion | None
