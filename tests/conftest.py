"""Test set-up shared by every test package.

* Qt runs headless (``QT_QPA_PLATFORM=offscreen``) unless a display is asked for.
* Each test gets its own data folder (``OAOI_HOME``) so nothing touches the
  real user's database, backups or device id; ``OAOI_DB`` is cleared.
* Hypothesis profiles: ``dev`` (default, quick), ``ci`` (used by .ci/run via
  ``HYPOTHESIS_PROFILE=ci``: bounded, derandomised), ``full`` (long campaigns).
* ``--run-slow`` runs the tests marked ``slow``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Before pytest-qt makes its first Qt call: the guarded workaround for the
# PySide6 6.12.0 reference-count bug on CPython 3.11 (see ui/pyside_refcount.py).
import oaoi_desktop.ui  # noqa: E402,F401
os.environ.setdefault("OAOI_LANG", "id")

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("full", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False, help="run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("oaoi-home")
    monkeypatch.setenv("OAOI_HOME", str(home))
    monkeypatch.delenv("OAOI_DB", raising=False)
    monkeypatch.delenv("OAOI_PIN", raising=False)
    monkeypatch.delenv("OAOI_PASSPHRASE", raising=False)
    from oaoi_desktop import i18n

    i18n.set_language("id")
    return home


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return "sqlite:///" + str(tmp_path / "test.sqlite")


@pytest.fixture
def db(db_url: str):
    from oaoi_desktop.store.database import Database

    database = Database.open(db_url)
    yield database
    database.close()
