"""Fixtures for the signature screens: an event with a CA and credentials (real keys), signed PDFs."""

from __future__ import annotations

import pytest

from oaoi_desktop.store.database import Database
from support import signing_keys


@pytest.fixture
def keys_panel(db: Database):
    return signing_keys.make_panel(db)
