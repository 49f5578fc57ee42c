"""Small helpers shared by the results views."""

from __future__ import annotations

import uuid
from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from oaoi_desktop.i18n import formats

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
"""A number or plain string to sort on."""
ID_ROLE = Qt.ItemDataRole.UserRole + 11
"""The row's dossier id (hex) / audit seq."""
GROUP_ROLE = Qt.ItemDataRole.UserRole + 12
"""The row's group label."""
MARKED_ROLE = Qt.ItemDataRole.UserRole + 13
"""True when the row is highlighted (comparison mark, flag)."""

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
MARK_BRUSH = QColor(255, 236, 179)
"""Background of highlighted rows (a soft amber that keeps text readable)."""
FAIL_COLOUR = QColor(183, 28, 28)
PASS_COLOUR = QColor(27, 94, 32)


def num(value: Fraction | float | None, places: int = 2) -> str:
    """A number for the results views in the interface language: "87,83" in Indonesian, "87.83" in English."""
    if value is None:
        return "-"
    return formats.decimal(value, None, places)


def sort_num(value: Fraction | float | int | None) -> float:
    return float("-inf") if value is None else float(value)


def as_uuid(event_id: uuid.UUID | str) -> uuid.UUID:
    return event_id if isinstance(event_id, uuid.UUID) else uuid.UUID(str(event_id))
