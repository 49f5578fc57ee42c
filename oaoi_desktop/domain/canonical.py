"""Canonical JSON: the one byte form that hashes, fingerprints, the audit
chain and bundles all use (see DESIGN.md, in the spirit of RFC 8785).

Rules: UTF-8; object keys sorted (by code point); no insignificant
whitespace; integers as JSON numbers; every number that is not an integer
(Decimal, Fraction, float) as a decimal *string* ("85.5"); dates and times
ISO 8601; UUIDs lower-case; enums by value; sets refused (no order).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import uuid
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

# Fractions that do not terminate in decimal are written with this many places.
FRACTION_PLACES = 12


def _decimal_text(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"non-finite number in canonical JSON: {value}")
    # format() is exact; normalize() would round to the context precision.
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def _fraction_text(value: Fraction) -> str:
    # Exact when the denominator has only factors 2 and 5; otherwise rounded
    # half-even to FRACTION_PLACES.  Integer arithmetic only: Decimal division
    # would round to the context precision (and fail for large values).
    d = value.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d == 1:
        places = max(twos, fives)
        scaled = value.numerator * 10**places // value.denominator
    else:
        places = FRACTION_PLACES
        scaled = round(value * 10**places)
    return _decimal_text(Decimal(f"{scaled}E-{places}"))


def normalise(value: Any) -> Any:
    """Turn ``value`` into plain JSON types following the canonical rules."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Enum):
        return normalise(value.value)
    if isinstance(value, Decimal):
        if value.is_finite() and value == value.to_integral_value():
            return int(value)
        return _decimal_text(value)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return value.numerator
        return _fraction_text(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("non-finite float in canonical JSON")
        if value.is_integer():
            return int(value)
        return _decimal_text(Decimal(repr(value)))
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc)
            return value.replace(tzinfo=None).isoformat() + "Z"
        return value.isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value).lower()
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                k = str(normalise(k))
            out[k] = normalise(v)
        return out
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if isinstance(value, (set, frozenset)):
        raise TypeError("sets have no canonical order; pass a sorted list")
    raise TypeError(f"cannot put {type(value).__name__} into canonical JSON")


def dumps(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``."""
    return json.dumps(
        normalise(value),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")


def dumps_str(value: Any) -> str:
    return dumps(value).decode("utf-8")


def sha256_hex(value: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``value``."""
    return hashlib.sha256(dumps(value)).hexdigest()


def sha256_bytes_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
