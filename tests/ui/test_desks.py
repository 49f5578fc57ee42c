"""The UI areas' facades (``ui/<area>/desk.py``) stay Qt-free.

Each area's widgets reach the services only through their desk; a desk that
imported Qt (or a widget module) would make that seam a widget again.  Read
from the source, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "oaoi_desktop" / "ui"
DESKS = ["exchange", "signatures", "documents", "trust", "reader", "importing"]


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("area", DESKS)
def test_the_desk_of_an_area_imports_no_qt_and_no_widget(area: str) -> None:
    imported = _imported(UI / area / "desk.py")
    assert [m for m in imported if m.split(".")[0] in {"PySide6", "shiboken6"}] == []
    assert [m for m in imported if m.startswith("oaoi_desktop.ui")] == []


@pytest.mark.parametrize("area", DESKS)
def test_the_widgets_of_an_area_open_no_database_session(area: str) -> None:
    for path in sorted((UI / area).glob("*.py")):
        if path.name == "desk.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"read", "write"}:
                call_target = ast.unparse(node.value)
                assert not call_target.endswith(("db", "database")), f"{path.name}: {call_target}.{node.attr}()"
