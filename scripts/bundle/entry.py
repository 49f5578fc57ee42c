"""The one entry point of the self-contained bundle (PyInstaller).

The bundle has two programs built from this file, ``oaoi-desktop`` (the app)
and ``oaoi`` (the command line); which one runs is decided by the program's
own name.  ``multiprocessing.freeze_support()`` comes first, so the import's
worker processes (``spawn``: the program starts itself again) run their task
and exit instead of opening another app.
"""

import multiprocessing
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    multiprocessing.freeze_support()
    # freeze_support() is in place: the import may use its worker processes
    os.environ.setdefault("OAOI_IMPORT_PROCESSES", "1")
    if Path(sys.executable).stem.lower() == "oaoi":
        from oaoi_desktop.cli import main
    else:
        from oaoi_desktop.app import main
    sys.exit(main())
