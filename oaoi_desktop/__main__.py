"""``python -m oaoi_desktop`` opens the GUI (the ``oaoi-desktop`` command)."""

from __future__ import annotations

import sys

from oaoi_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
