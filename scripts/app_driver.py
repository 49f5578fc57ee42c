"""Run the real app (:func:`oaoi_desktop.app.main`) with its event loop replaced by a script.

Shared by the screenshot scripts (``screenshot_access``, ``screenshot_judge``,
``screenshot_screens``, and through ``screenshot_access`` the routine and purge
shots).  Import it after the script has set ``OAOI_HOME`` and ``QT_QPA_PLATFORM``:
it imports the app.  It sets nothing itself.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from oaoi_desktop import app


def drive(path: Path, script: Callable[[QApplication], int], lang: str = "id") -> None:
    """Start the app on the database ``path`` in ``lang``; ``script(qapp)`` runs once the window is up
    (after 800 ms) and its return value is the run's status; a failing script ends the run with its
    traceback, never leaves it waiting.  A status other than 0 ends the screenshot script."""

    def loop(qapp: QApplication) -> int:
        result: list[int] = []

        def step() -> None:
            try:
                result.append(script(qapp))
            except BaseException:
                traceback.print_exc()
                result.append(1)
            finally:
                qapp.quit()

        QTimer.singleShot(800, step)
        qapp.exec()
        return result[0] if result else 1

    app.run_event_loop = loop  # type: ignore[assignment]
    status = app.main(["--db", str(path), "--lang", lang])
    if status != 0:
        raise SystemExit(f"the app ended with {status}")
