"""Fixtures for the judge screens: an event built through the services, and
helpers to sign in and open a workspace over the real temporary database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import dialogs
from oaoi_desktop.ui.judge import score_inputs
from oaoi_desktop.ui.judge.session import JudgeSession
from oaoi_desktop.ui.judge.workspace import JudgeWorkspace
from oaoi_desktop.ui.settings import Settings

from judge_panel import Panel, build_panel  # type: ignore[import-not-found]

SB = QMessageBox.StandardButton


@pytest.fixture
def panel(db: Database) -> Panel:
    return build_panel(db)


@pytest.fixture
def blind_panel(db: Database) -> Panel:
    return build_panel(db, blind=True)


@pytest.fixture(autouse=True)
def quick_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shorter pause ends a one-digit entry that could grow (1 of 10), to keep tests quick."""
    monkeypatch.setattr(score_inputs, "ENTRY_PAUSE_MS", 120)


@pytest.fixture
def open_workspace(qtbot, settings: Settings) -> Callable[..., JudgeWorkspace]:  # type: ignore[no-untyped-def]
    """Build, show and start a workspace for a session (as the File menu hook does)."""

    def make(session: JudgeSession, *, start: bool = True) -> JudgeWorkspace:
        workspace = JudgeWorkspace(session, settings)
        qtbot.addWidget(workspace)
        workspace.resize(1400, 900)
        with qtbot.waitActive(workspace):
            workspace.show()
            workspace.activateWindow()
        if start:
            workspace.start()
        return workspace

    return make


@pytest.fixture
def proxy_tester(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A second model tester (one tester follows one model)."""
    from pytestqt.modeltest import ModelTester

    tester = ModelTester(request.config)
    yield tester
    tester._cleanup()  # noqa: SLF001 - what the qtmodeltester fixture does


@pytest.fixture
def declared(panel: Panel) -> Panel:
    panel.declare("Ani Lestari")
    panel.declare("Budi Santoso")
    return panel


@pytest.fixture
def answer(recording_dialogs: Any) -> Callable[[QMessageBox.StandardButton], None]:
    """Answer the last question shown through the recording dialog seam."""

    def reply(button: QMessageBox.StandardButton = SB.Yes) -> None:
        callback = recording_dialogs.last_on_finished
        assert callback is not None, "no question was asked"
        recording_dialogs.last_on_finished = None
        callback(button)

    return reply


@pytest.fixture
def chosen_folder(recording_dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The folder the (recording) seam answers when a folder is asked for."""
    folder = tmp_path / "chosen"
    folder.mkdir()

    def choose_folder(parent, title, *, on_chosen, directory=None):  # type: ignore[no-untyped-def]
        recording_dialogs.messages.append({"kind": "folder", "title": title})
        on_chosen(folder)
        return None

    monkeypatch.setattr(recording_dialogs, "choose_folder", choose_folder)
    assert dialogs.current() is recording_dialogs
    yield folder
