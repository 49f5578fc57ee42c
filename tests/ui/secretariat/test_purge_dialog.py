"""The console's "Musnahkan data proposal…" (issue 17): the real dialog, driven as a person does, against a
real database; afterwards the dossier reader shows the notice instead of the content."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from oaoi_desktop.services import dossiers, events, finalisation, purge
from oaoi_desktop.services.imports import import_paths
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import Attachment, Dossier, IssuedDocument
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.reader import DossierReader
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from oaoi_desktop.ui.secretariat.purge_dialog import PurgeDialog
from support.builders import ACTOR, KIPP_CRITERIA, add_judges, make_event, score, uniform
from support.packages import valid_document, write_folder
from support.ui_session import sign_in_secretariat


def _event(db: Database, tmp_path: Path, *, finalise: bool = True) -> str:
    eid = make_event(db)
    add_judges(db, eid, ["Ketua", "Anggota"])
    for i, number in enumerate(("KIPP-001", "KIPP-002"), 1):
        write_folder(tmp_path / "usb" / f"usulan-{i}", valid_document(number), number=number)
    import_paths(db, eid, [tmp_path / "usb"], actor=ACTOR, today=dt.date(2026, 12, 1))
    for judge in ("Ketua", "Anggota"):
        for number in ("KIPP-001", "KIPP-002"):
            score(db, eid, judge, number, uniform(KIPP_CRITERIA, 8))
    if finalise:
        with db.write() as s:
            e = events.get_event(s, eid)
            s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number="BA-7/2026", sequence=1,
                                 fingerprint="cd" * 32, details={}, created_by="test"))
        with db.write() as s:
            finalisation.finalise_event(s, eid, ACTOR, paper_signed=True)
    return eid


def _open(qtbot, main_window: MainWindow, eid: str) -> PurgeDialog:  # type: ignore[no-untyped-def]
    sign_in_secretariat(qtbot, main_window)
    console: SecretariatConsole = main_window.extensions["secretariat"].show_console(eid)
    console.routine.purge_action.trigger()
    dialog = console.routine.dialog
    assert isinstance(dialog, PurgeDialog) and dialog.isVisible()
    return dialog


def test_the_dialog_purges_after_a_reason_and_the_typed_word(
        qtbot, main_window: MainWindow, db: Database, tmp_path: Path, recording_dialogs,
        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db, tmp_path)
    dialog = _open(qtbot, main_window, eid)
    assert dialog.windowTitle() == "Musnahkan data proposal"
    assert "2 proposal" in dialog.summary.text() and "6 lampiran" in dialog.summary.text()
    assert "tidak ditetapkan" in dialog.retention.text()
    # the folder through the dialog seam
    monkeypatch.setattr(recording_dialogs, "choose_folder",
                        lambda parent, title, *, on_chosen, **kw: on_chosen(tmp_path / "berita-acara"))
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_value.text() == str(tmp_path / "berita-acara")
    assert not dialog.purge_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, "MUSNAHKAN")
    assert not dialog.purge_button.isEnabled()  # early: a reason is needed
    qtbot.keyClicks(dialog.reason, "Permintaan tertulis OPD pengusul")
    assert dialog.purge_button.isEnabled()
    with qtbot.waitSignal(dialog.purged, timeout=60_000) as purged:
        qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None and dialog.result.done and purged.args == [dialog.result.number]
    text = dialog.message.text()
    assert "Dimusnahkan: 2 proposal" in text and dialog.result.number in text and str(dialog.result.pdf) in text
    assert dialog.result.pdf.parent == tmp_path / "berita-acara" and dialog.result.pdf.is_file()
    assert not dialog.purge_button.isEnabled() and not dialog.confirm.isEnabled()
    assert not dialog.retention_button.isEnabled()  # nothing left to keep
    from PySide6.QtWidgets import QApplication

    assert QApplication.overrideCursor() is None  # the busy cursor is gone again
    assert re.search(r"\d{1,3}(\.\d{3})+ bita", dialog.summary.text()), dialog.summary.text()  # 12.345 bita
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.number == "KIPP-001"))
    # the reader shows the notice, no section, no attachment
    reader = DossierReader(db, actor=lambda: ACTOR)
    qtbot.addWidget(reader)
    with db.read() as s:
        view = dossiers.dossier_view(s, dossier_id, lang="id", actor=ACTOR)
    reader.show_view(view)
    assert reader.notice_label.text().startswith("Isi proposal telah dimusnahkan pada")
    assert dialog.result.number in reader.notice_label.text() and reader.section_panels == []
    dialog.close()
    # opening it again: already purged, the button stays off
    again = _open_again(main_window, eid)
    assert "telah dimusnahkan" in again.message.text() and not again.purge_button.isEnabled()
    again.close()


def test_the_purge_runs_in_the_background_and_the_dialog_cannot_be_closed_meanwhile(
        qtbot, main_window: MainWindow, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db, tmp_path)
    dialog = _open(qtbot, main_window, eid)
    dialog.set_folder(tmp_path / "ba")
    qtbot.keyClicks(dialog.reason, "Keputusan rapat")
    qtbot.keyClicks(dialog.confirm, "MUSNAHKAN")
    job = dialog.run()
    assert job is not None and dialog.is_running()
    # its result arrives on the GUI thread: until then the dialog is busy, whatever the user presses
    assert dialog.message.text().startswith("Memusnahkan")
    assert not dialog.purge_button.isEnabled() and not dialog.buttons.isEnabled()
    assert not dialog.reason.isEnabled() and not dialog.confirm.isEnabled()
    assert dialog.run() is None  # a second click starts nothing
    dialog.reject()  # Esc
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.purged, timeout=60_000):
        pass
    assert not dialog.is_running() and dialog.buttons.isEnabled()
    assert dialog.message.text().startswith("Dimusnahkan: 2 proposal")
    dialog.reject()
    assert not dialog.isVisible()


def test_a_purge_that_fails_says_why_changes_nothing_and_can_be_tried_again(
        qtbot, main_window: MainWindow, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db, tmp_path)
    dialog = _open(qtbot, main_window, eid)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the record's folder should be")
    dialog.set_folder(blocked)
    qtbot.keyClicks(dialog.reason, "Keputusan rapat")
    qtbot.keyClicks(dialog.confirm, "MUSNAHKAN")
    job = dialog.run()
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=60_000):
        pass
    assert str(blocked) in dialog.message.text(), dialog.message.text()
    assert dialog.result is None and dialog.buttons.isEnabled() and dialog.reason.isEnabled()
    assert dialog.purge_button.isEnabled()  # the word and the reason are still there: try again
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 6  # nothing purged
        assert purge.purge_state(events.get_event(s, eid)) is None
    dialog.set_folder(tmp_path / "ba")
    with qtbot.waitSignal(dialog.purged, timeout=60_000):
        qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None and dialog.result.pdf.parent == tmp_path / "ba"
    dialog.close()


def _open_again(main_window: MainWindow, eid: str) -> PurgeDialog:
    console = main_window.extensions["secretariat"].show_console(eid)
    console.routine.purge_action.trigger()
    return console.routine.dialog


def test_before_finalisation_the_dialog_says_why_and_purges_nothing(
        qtbot, main_window: MainWindow, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db, tmp_path, finalise=False)
    dialog = _open(qtbot, main_window, eid)
    assert "belum difinalisasi" in dialog.message.text()
    qtbot.keyClicks(dialog.confirm, "MUSNAHKAN")
    qtbot.keyClicks(dialog.reason, "Keputusan rapat")
    assert not dialog.purge_button.isEnabled()
    assert dialog.run() is None
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 6
    dialog.close()


@pytest.mark.parametrize("word", ["musnahkan", "HAPUS", ""])
def test_the_word_must_be_typed_exactly(qtbot, main_window: MainWindow, db: Database, tmp_path: Path,
                                         word: str) -> None:  # type: ignore[no-untyped-def]
    eid = _event(db, tmp_path)
    dialog = _open(qtbot, main_window, eid)
    qtbot.keyClicks(dialog.reason, "Keputusan rapat")
    if word:
        qtbot.keyClicks(dialog.confirm, word)
    assert not dialog.purge_button.isEnabled()
    dialog.close()


def test_the_audit_verify_of_the_tools_menu_says_intact_and_names_the_marked_entries(
        qtbot, main_window: MainWindow, db: Database, tmp_path: Path, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui.dialogs import MessageKind
    from oaoi_desktop.ui.trust.hook import TrustHook

    eid = _event(db, tmp_path)
    purge.purge_event(db, eid, actor=ACTOR, reason="Keputusan rapat", folder=tmp_path / "ba")
    sign_in_secretariat(qtbot, main_window)
    hook = next(h for h in main_window.children() if isinstance(h, TrustHook))
    action = next(a for a in main_window.tools_menu.actions() if a.objectName() == "action_trust_verify")
    details: list[str] = []
    record = recording_dialogs.message

    def message(parent, kind, title, text, **kwargs):  # type: ignore[no-untyped-def]
        box = record(parent, kind, title, text, **kwargs)
        details.append(box.detailedText())
        return box

    recording_dialogs.message = message
    with qtbot.waitSignal(hook.verified, timeout=20_000) as blocker:
        action.trigger()
    assert recording_dialogs.messages[-1]["kind"] is MessageKind.INFORMATION  # intact
    assert "2 entri dengan muatan dimusnahkan (ditandai)" in details[-1]
    [report] = [r for r in blocker.args[0] if r.chain == eid]
    assert report.ok and report.marked == 2


def test_the_retention_period_is_set_in_the_dialog(qtbot, main_window: MainWindow, db: Database,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    """No terminal for a routine step (issue 14): the period the purge waits for is set here too."""
    from oaoi_desktop.store.models import AuditEntry

    eid = _event(db, tmp_path)
    dialog = _open(qtbot, main_window, eid)
    assert dialog.retention_days.text() == "tidak ditetapkan"
    dialog.retention_days.setValue(30)
    qtbot.mouseClick(dialog.retention_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Masa retensi disimpan."
    assert "30 hari" in dialog.retention.text()
    with db.read() as s:
        e = events.get_event(s, eid)
        assert purge.retention_days(e) == 30
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "event.retention_set")).one()
        assert entry.after == {"retention_days": 30}
    qtbot.keyClicks(dialog.confirm, "MUSNAHKAN")
    assert not dialog.purge_button.isEnabled()  # thirty days have not passed: a reason is still needed
    dialog.retention_days.setValue(0)  # back to "not set"
    qtbot.mouseClick(dialog.retention_button, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert purge.retention_days(events.get_event(s, eid)) is None
