"""natural_key: the one natural order for dossier numbers (services sort with it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from oaoi_desktop.domain.sorting import natural_key


def test_numbers_compare_as_numbers_and_case_is_ignored() -> None:
    numbers = ["P-10", "p-2", "P-1", "KIPP-2026-0100", "KIPP-2026-0011", "a10", "10a"]
    assert sorted(numbers, key=natural_key) == ["10a", "a10", "KIPP-2026-0011", "KIPP-2026-0100", "P-1", "p-2", "P-10"]


@given(st.lists(st.text(alphabet="aB-/.0123456789", max_size=12), max_size=20))
def test_any_two_keys_compare_without_a_type_error(texts: list[str]) -> None:
    assert len(sorted(texts, key=natural_key)) == len(texts)
