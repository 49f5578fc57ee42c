"""Service tests act as a real secretariat account (see support/secretariat_fixture.py)."""

from support.secretariat_fixture import db  # noqa: F401
