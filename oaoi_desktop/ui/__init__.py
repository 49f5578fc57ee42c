"""The PySide6 user interface: main window, pages, dialogs, Qt item models.

Nothing below ``ui/`` imports Qt; the widgets call the services and show what
they return.  Module map:

- :mod:`.settings`    the typed registry of every QSettings key and its default
- :mod:`.language`    installing the Qt translators and switching language at run time
- :mod:`.dialogs`     the one seam for native dialogs (message boxes, file and folder choosers)
- :mod:`.resources`   where translations and icons are found
- :mod:`.widgets`     small shared widgets and the app's typography
- :mod:`.start_page`  the empty-state page that tells a new user the next step
- :mod:`.events_overview`  the table of evaluation events with their counts
- :mod:`.main_window` the main window

Importing this package first applies :mod:`.pyside_refcount` (a guarded
workaround for a PySide6 6.12.0 reference-count bug on CPython 3.11) and
:mod:`.pyside_feature_check` (a faster, same-answer version of the check
PySide's import hook makes after every import: issue 14, start fast).
"""

from oaoi_desktop.ui import pyside_feature_check as _pyside_feature_check
from oaoi_desktop.ui import pyside_refcount as _pyside_refcount

_pyside_refcount.apply()
_pyside_feature_check.apply()
