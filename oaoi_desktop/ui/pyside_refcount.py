"""Work around a reference-count bug of PySide6 6.12.0 on CPython 3.11.

With the PySide6 6.12.0 wheels, every call of a Qt method that returns
nothing (``QLabel.setText``, ``QWidget.show``, ...) takes one reference
from ``None`` without ever having given it; some methods returning a bool do
the same to ``True``/``False``.  On CPython 3.12 and later these objects are
immortal and nothing happens.  On 3.11 — Debian 12's Python, and what the
panels' laptops run — the count reaches zero after some thousands of calls
and the interpreter aborts ("Fatal Python error: none_dealloc"): a judge
scoring all day would lose the app mid-session.

The workaround gives the three singletons a very large number of extra
references once, at start-up (2**60: at a billion buggy calls a second it
would last for decades).  It is applied only where the bug exists (CPython
before 3.12 with PySide6 6.12), changes nothing else, and is idempotent.
``tests/ui/test_pyside_refcount.py`` shows the bug is still there and that
the workaround holds; remove this module once PySide6 is fixed.
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 60
_applied = False


def needed() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return PySide6.__version__.startswith("6.12.")


def apply() -> bool:
    """Give None, True and False their extra references; True if applied."""
    global _applied
    if _applied or not needed():
        return _applied
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object on CPython (non-debug build)
        ctypes.c_ssize_t.from_address(id(obj)).value += EXTRA_REFERENCES
    _applied = True
    return True
