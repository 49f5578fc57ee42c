"""The results screens' facade (ui/results/desk.py) is plain Python: importing it loads no Qt module
(``oaoi_desktop.ui`` itself only loads PySide6's support package, to tune its import hook)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_facade_imports_no_qt() -> None:
    code = ("import sys, oaoi_desktop.ui.results.desk, oaoi_desktop.ui.results; "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
