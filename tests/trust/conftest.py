"""The trust campaigns write their counts at the end of the run (see trust_campaign.py)."""

from __future__ import annotations

import trust_campaign  # type: ignore[import-not-found]
from support.secretariat_fixture import db  # noqa: F401 - tests act as a real secretariat account


def pytest_sessionfinish(session, exitstatus):  # noqa: ANN001, ANN201, ARG001
    trust_campaign.write()
