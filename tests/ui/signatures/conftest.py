"""Fixtures for the signature screens: an event with a CA and credentials (real keys), signed PDFs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from oaoi_desktop.store.database import Database


def _signing_keys():
    name = "signing_keys"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).resolve().parents[2] / "signing" / "signing_keys.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules[name]


signing_keys = _signing_keys()


@pytest.fixture
def keys_panel(db: Database):
    return signing_keys.make_panel(db)
