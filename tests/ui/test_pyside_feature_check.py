"""The faster PySide import check (ui/pyside_feature_check.py) answers as PySide's own does."""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

from oaoi_desktop.ui import pyside_feature_check


def test_it_is_installed_on_this_pyside() -> None:
    assert pyside_feature_check.apply() is True  # importing oaoi_desktop.ui applied it already
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_feature_check.uses_pyside
    assert pyside_feature_check.original() is not None


def test_the_same_answers_as_pyside(tmp_path: Path) -> None:
    original = pyside_feature_check.original()
    assert original is not None
    names = ["oaoi_desktop.ui.main_window", "oaoi_desktop.ui.sign_in_page", "oaoi_desktop.store.quick",
             "oaoi_desktop.errors", "json", "sys", "sqlite3", "_sqlite3", "PySide6.QtCore", "shiboken6"]
    modules = [importlib.import_module(n) for n in names]
    fake = types.ModuleType("no_file")  # no source at all
    odd = tmp_path / "odd.py"
    odd.write_text("# mentions PySide6 only in a comment\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("odd_module", odd)
    assert spec is not None
    odd_module = importlib.util.module_from_spec(spec)
    answers = {m.__name__: (pyside_feature_check.uses_pyside(m), original(m))
               for m in [*modules, fake, odd_module]}
    assert all(ours == theirs for ours, theirs in answers.values()), answers
    assert answers["oaoi_desktop.ui.main_window"] == (True, True)
    assert answers["oaoi_desktop.store.quick"] == (False, False)
    assert answers["odd_module"] == (True, True)
