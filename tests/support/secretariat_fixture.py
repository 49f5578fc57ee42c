"""The ``db`` of the service-level tests holds the tests' secretariat account.

Since issue 12 every role action needs an ACTIVE account (``services/policy.py``):
tests act as :data:`support.builders.ACTOR`, so its account exists in every
database these tests open.  A test about the first run (no account yet) says
so with ``@pytest.mark.no_secretariat``.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def db(db, request):  # noqa: ANN001, ANN201 - overrides the root fixture of the same name
    if request.node.get_closest_marker("no_secretariat") is None:
        from support.builders import ensure_secretariat

        ensure_secretariat(db)
    return db
