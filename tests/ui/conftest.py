"""Fixtures for the GUI tests: a private data folder, settings and database per test.

Every test gets ``OAOI_HOME`` in its own temporary folder (nothing touches
the real user folders), QSettings' user and system INI paths redirected
there too, a fresh SQLite database, and the interface in Indonesian.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import (
    Assignment,
    Dossier,
    Event,
    EventStatus,
    Role,
    RubricVersion,
    ScoreSheet,
    SheetStatus,
    User,
)
from oaoi_desktop.ui import dialogs, language
from oaoi_desktop.ui.dialogs import Dialogs, MessageKind
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.settings import Settings
from support.ui_session import sign_in_secretariat

@pytest.fixture(autouse=True)
def oaoi_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``OAOI_HOME`` (data folder, device id, backups, settings.ini) in a temporary folder."""
    home = tmp_path / "oaoi-home"
    home.mkdir()
    monkeypatch.setenv("OAOI_HOME", str(home))
    monkeypatch.delenv("OAOI_DB", raising=False)
    monkeypatch.delenv("OAOI_LANG", raising=False)
    return home


@pytest.fixture(autouse=True)
def qsettings_folder(tmp_path: Path) -> Path:
    """QSettings' own INI locations, should anything ask for them, in a temporary folder."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
    return folder


@pytest.fixture(autouse=True)
def interface_language(qapp: object) -> Iterator[None]:
    """Every test starts, and leaves the app, in Indonesian."""
    language.install_language("id")
    yield
    language.install_language("id")


@pytest.fixture
def settings(oaoi_home: Path) -> Settings:
    return Settings.open(oaoi_home / "settings.ini")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "t.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open("sqlite:///" + str(db_path))
    yield database
    database.close()


@pytest.fixture
def main_window(qtbot: object, db: Database, settings: Settings) -> MainWindow:
    window = MainWindow(db, settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    return window


@pytest.fixture
def secretariat_window(qtbot: object, main_window: MainWindow) -> MainWindow:
    """The main window with the tests' secretariat signed in through the real sign-in service."""
    sign_in_secretariat(qtbot, main_window)
    return main_window


class RecordingDialogs(Dialogs):
    """A dialog seam that records every message and never blocks.

    ``message()`` builds the box as the real seam does but does not show it;
    ``run_modal()`` records the dialog's texts, closes it and answers OK.
    """

    def __init__(self) -> None:
        super().__init__(native_file_dialogs=False)
        self.messages: list[dict[str, object]] = []

    def _record(self, box: QMessageBox) -> None:
        self.messages.append(
            {
                "kind": MessageKind(box.icon()),
                "title": box.windowTitle(),
                "text": box.text(),
                "buttons": [b.text() for b in box.buttons()],
            }
        )

    def message(self, parent, kind, title, text, **kwargs):  # type: ignore[no-untyped-def, override]
        on_finished = kwargs.pop("on_finished", None)
        box = self.build_message(parent, kind, title, text, **kwargs)
        self._record(box)
        self.last_on_finished = on_finished
        return box

    def run_modal(self, dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            self._record(dialog)
        dialog.close()
        return int(QMessageBox.StandardButton.Ok.value)


@pytest.fixture
def recording_dialogs() -> Iterator[RecordingDialogs]:
    seam = RecordingDialogs()
    previous = dialogs.install(seam)
    yield seam
    dialogs.install(previous)


@pytest.fixture
def add_secretariat(db: Database) -> Callable[..., uuid.UUID]:
    def add(name: str = "Sekretariat") -> uuid.UUID:
        with db.write() as s:
            user = User(name=name, role=Role.SECRETARIAT)
            s.add(user)
            s.flush()
            return user.id

    return add


@pytest.fixture
def add_event(db: Database) -> Callable[..., uuid.UUID]:
    """Insert an event with its rubric, dossiers, judges, assignments and sheets."""

    def add(
        name: str = "KIPP Kota Medan 2026 \u2014 Penilaian Proposal",
        *,
        status: EventStatus = EventStatus.DRAFT,
        dossiers: int = 0,
        judges: int = 0,
        submitted: int = 0,
    ) -> uuid.UUID:
        document = '{"id":"kipp-proposal","title":"KIPP proposal review","event":"' + name + '"}'
        with db.write() as s:
            rubric = RubricVersion(
                rubric_key="kipp-proposal",
                version="2025.1",
                title="KIPP \u2014 Penilaian Proposal",
                document=document,
                sha256=hashlib.sha256(document.encode()).hexdigest(),
            )
            s.add(rubric)
            s.flush()
            event = Event(name=name, status=status, rubric_version_id=rubric.id)
            s.add(event)
            s.flush()
            dossier_rows = [
                Dossier(event_id=event.id, number=f"P-{i + 1:03d}", title=f"Inovasi {i + 1}")
                for i in range(dossiers)
            ]
            judge_rows = [
                User(
                    event_id=event.id,
                    name=f"Penilai {j + 1}",
                    role=Role.CHAIR if j == 0 else Role.MEMBER,
                )
                for j in range(judges)
            ]
            s.add_all(dossier_rows + judge_rows)
            s.flush()
            pairs = [(d, j) for d in dossier_rows for j in judge_rows]
            for d, j in pairs:
                s.add(Assignment(event_id=event.id, dossier_id=d.id, judge_id=j.id, stage_id="proposal"))
            for d, j in pairs[:submitted]:
                s.add(
                    ScoreSheet(
                        event_id=event.id,
                        dossier_id=d.id,
                        judge_id=j.id,
                        stage_id="proposal",
                        status=SheetStatus.SUBMITTED,
                    )
                )
            return event.id

    return add
