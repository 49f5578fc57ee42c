"""Fixtures for signature tests (helpers in ``tests/support/signing_keys.py``)."""

from __future__ import annotations

import pytest

from oaoi_desktop.store.database import Database
from support.signing_keys import PanelWithKeys, make_panel


@pytest.fixture
def panel(db: Database) -> PanelWithKeys:
    return make_panel(db)
