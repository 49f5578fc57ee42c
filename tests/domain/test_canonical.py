"""Canonical JSON: the byte form behind every hash, fingerprint and bundle."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import hashlib
import json
import uuid
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oaoi_desktop.domain import canonical
from oaoi_desktop.domain.canonical import dumps, dumps_str, normalise, sha256_hex


def test_keys_sorted_and_no_whitespace() -> None:
    value = {"b": 1, "a": [1, 2, {"z": None, "y": True}], "c": "x y"}
    assert dumps(value) == b'{"a":[1,2,{"y":true,"z":null}],"b":1,"c":"x y"}'


def test_keys_sorted_by_code_point() -> None:
    assert dumps({"é": 1, "a": 2, "B": 3, "_": 4}) == '{"B":3,"_":4,"a":2,"é":1}'.encode()


def test_insertion_order_does_not_matter() -> None:
    assert dumps({"a": 1, "b": 2}) == dumps({"b": 2, "a": 1})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("85.5"), b'"85.5"'),
        (Decimal("85.50"), b'"85.5"'),
        (Decimal("-0.25"), b'"-0.25"'),
        (Decimal("0.001"), b'"0.001"'),
        (Decimal("1E-7"), b'"0.0000001"'),
        (Decimal("85"), b"85"),
        (Decimal("85.000"), b"85"),
        (Decimal("1E+3"), b"1000"),
        (Decimal("-0.0"), b"0"),
    ],
)
def test_decimals(value: Decimal, expected: bytes) -> None:
    assert dumps(value) == expected


def test_long_decimal_keeps_every_digit() -> None:
    # more significant digits than the default decimal context (28)
    text = "1.00000000000000000000000000000000001"
    assert dumps(Decimal(text)) == f'"{text}"'.encode()


@pytest.mark.parametrize("value", [0, 1, -7, 10**30])
def test_integers_are_numbers(value: int) -> None:
    assert dumps(value) == str(value).encode()
    assert json.loads(dumps(value)) == value


def test_booleans_and_null() -> None:
    assert dumps([True, False, None]) == b"[true,false,null]"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1, 3), b'"0.333333333333"'),
        (Fraction(2, 3), b'"0.666666666667"'),
        (Fraction(-1, 3), b'"-0.333333333333"'),
        (Fraction(1, 8), b'"0.125"'),
        (Fraction(171, 2), b'"85.5"'),
        (Fraction(6, 3), b"2"),
        (Fraction(10**20, 3), b'"33333333333333333333.333333333333"'),
    ],
)
def test_fractions(value: Fraction, expected: bytes) -> None:
    assert dumps(value) == expected


def test_terminating_fraction_is_exact_however_small() -> None:
    value = Fraction(1, 2**50)
    text = json.loads(dumps(value))
    assert Fraction(Decimal(text)) == value


def test_fraction_places_constant() -> None:
    assert len(json.loads(dumps(Fraction(1, 7))).split(".")[1]) == canonical.FRACTION_PLACES


@pytest.mark.parametrize(
    ("value", "expected"), [(0.5, b'"0.5"'), (0.1, b'"0.1"'), (2.0, b"2"), (-1e-7, b'"-0.0000001"')]
)
def test_floats(value: float, expected: bytes) -> None:
    assert dumps(value) == expected


def test_uuid_lower_case() -> None:
    value = uuid.UUID("A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF")
    assert dumps(value) == b'"a1b2c3d4-e5f6-4711-8899-aabbccddeeff"'


def test_dates_and_times_iso_8601() -> None:
    assert dumps(dt.date(2026, 3, 1)) == b'"2026-03-01"'
    assert dumps(dt.datetime(2026, 3, 1, 9, 30, 5)) == b'"2026-03-01T09:30:05"'
    assert dumps(dt.time(9, 30)) == b'"09:30:00"'
    wib = dt.timezone(dt.timedelta(hours=7))
    assert dumps(dt.datetime(2026, 3, 1, 9, 30, tzinfo=wib)) == b'"2026-03-01T02:30:00Z"'


def test_non_ascii_kept_as_utf8() -> None:
    text = "Penilaian – Kota Medan ✓ é"
    out = dumps({"judul": text})
    assert out == ('{"judul":"' + text + '"}').encode("utf-8")
    assert b"\\u" not in out
    assert dumps_str({"judul": text}) == out.decode("utf-8")


def test_enums_by_value() -> None:
    class Colour(enum.Enum):
        RED = "red"

    assert dumps({"c": Colour.RED}) == b'{"c":"red"}'


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("Infinity"), Decimal("sNaN")],
)
def test_refuses_non_finite_numbers(value: Any) -> None:
    with pytest.raises(ValueError):
        dumps({"x": value})


@pytest.mark.parametrize("value", [{1, 2}, frozenset({"a"})])
def test_refuses_sets(value: Any) -> None:
    with pytest.raises(TypeError):
        dumps([value])


def test_refuses_unknown_objects() -> None:
    with pytest.raises(TypeError):
        dumps(object())


def test_sha256_is_of_the_canonical_bytes() -> None:
    value = {"b": Decimal("1.50"), "a": 1}
    assert sha256_hex(value) == hashlib.sha256(b'{"a":1,"b":"1.5"}').hexdigest()


# -- properties --------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.fractions(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.uuids(),
    st.dates(),
)
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=25,
)


@settings(deadline=None)
@given(_values)
def test_dumps_is_deterministic(value: Any) -> None:
    assert dumps(value) == dumps(copy.deepcopy(value))


@settings(deadline=None)
@given(_values)
def test_dumps_is_stable_under_reloading(value: Any) -> None:
    once = dumps(value)
    reloaded = json.loads(once)
    assert dumps(reloaded) == once
    assert normalise(reloaded) == reloaded


@settings(deadline=None)
@given(st.dictionaries(st.text(max_size=8), st.integers(), max_size=8))
def test_dict_order_never_matters(value: dict[str, int]) -> None:
    assert dumps(dict(reversed(list(value.items())))) == dumps(value)


@settings(deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimal_round_trips_exactly(value: Decimal) -> None:
    out = json.loads(dumps(value))
    assert Decimal(str(out)) == value
