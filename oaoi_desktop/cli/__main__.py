"""``python -m oaoi_desktop.cli ...``: the ``oaoi`` command."""

import sys

from oaoi_desktop.cli import main

sys.exit(main())
