"""The PySide6 6.12 reference-count bug on CPython 3.11, and our workaround.

Each case runs in a fresh interpreter: the bug aborts the process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from oaoi_desktop.ui import pyside_refcount

LOOP = """
import sys
{setup}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("x")
before = sys.getrefcount(None)
for _ in range(20000):
    label.setText("y")
print(before - sys.getrefcount(None))
"""


def _run(setup: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", LOOP.format(setup=setup)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.skipif(not pyside_refcount.needed(), reason="the bug needs CPython < 3.12 with PySide6 6.12")
def test_without_the_workaround_the_interpreter_aborts() -> None:
    proc = _run("")
    assert proc.returncode != 0
    assert "none_dealloc" in proc.stderr


def test_with_the_workaround_twenty_thousand_calls_run_and_exit_cleanly() -> None:
    proc = _run("import oaoi_desktop.ui")
    assert proc.returncode == 0, proc.stderr
    lost = int(proc.stdout.strip())
    # the bug still takes a reference per call where it exists; the app survives it
    assert lost == (20000 if pyside_refcount.needed() else 0)


def test_apply_is_idempotent() -> None:
    import oaoi_desktop.ui  # noqa: F401 - applies it

    before = sys.getrefcount(None)
    pyside_refcount.apply()
    assert abs(sys.getrefcount(None) - before) < 100
