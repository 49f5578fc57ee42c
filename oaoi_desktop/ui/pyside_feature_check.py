"""A faster answer to PySide's "does this module use PySide6?" import check (issue 14: start fast).

PySide6 replaces ``__import__``: after every import it asks whether the new
module uses PySide6 (for its opt-in ``from __feature__ import snake_case``
switching), and finds out with ``inspect.getsource(module)`` — linecache,
tokenize, the whole file decoded — then looks for the text ``PySide6``.
Measured on this stack that costs about 0.3 ms per module: 32 ms of the cold
start to the sign-in window (95 modules of ours and the standard library),
and 90 ms more when SQLAlchemy loads after the window.

:func:`apply` puts in a check that gives the same answer for source files by
reading their bytes (``b"PySide6" in`` the file) and asks PySide's own check
for everything else (built-in, frozen, extension modules, no file).  The app
never selects a ``__feature__``, so even a wrong answer would change nothing
but PySide's bookkeeping; ``tests/ui/test_pyside_feature_check.py`` checks the
answers are the same.  It is applied only where PySide has this check
(``shibokensupport.feature._mod_uses_pyside``), once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_original: Callable[[ModuleType], bool] | None = None


def uses_pyside(module: ModuleType) -> bool:
    """PySide's answer, from the module's source file's bytes when it has one."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if isinstance(origin, str) and origin.endswith(".py"):
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    assert _original is not None
    return _original(module)


def apply() -> bool:
    """Install :func:`uses_pyside` in PySide's import hook; True if it is installed (now or before)."""
    global _original
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        try:
            import PySide6.QtCore  # noqa: F401 - loads shibokensupport
        except ImportError:
            return False
        feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(check):
        return False
    if check is uses_pyside:
        return True
    _original = check
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


def original() -> Callable[[ModuleType], bool] | None:
    """PySide's own check (None until :func:`apply` replaced it)."""
    return _original


__all__ = ["apply", "original", "uses_pyside"]
