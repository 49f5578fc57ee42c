"""The secretariat prints blank paper score forms into a folder chosen through the dialog seam."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from oaoi_desktop.services import accounts, auth
from oaoi_desktop.ui.judge.paper_forms import PaperFormsPanel
from oaoi_desktop.ui.judge.session import JudgeSession
from support.builders import ACTOR

from judge_panel import Panel  # type: ignore[import-not-found]


def secretariat_session(panel: Panel) -> JudgeSession:
    with panel.db.write() as s:
        accounts.add_secretariat(s, name="Sekretariat KIPP", secret="739415", actor=ACTOR)
    with panel.db.write() as s:
        return JudgeSession(panel.db, auth.sign_in(s, panel.event_id, "Sekretariat KIPP", "739415"))


def test_blank_forms_are_written_per_judge(qtbot, panel: Panel, chosen_folder: Path, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    page = PaperFormsPanel(secretariat_session(panel))
    qtbot.addWidget(page)
    page.show()
    assert page.judge_combo.itemText(0) == "Semua penilai (satu PDF per penilai)"
    with qtbot.waitSignal(page.forms_written, timeout=30000) as written:
        page.write_button.click()
    files = sorted(written.args[0])
    assert [f.parent for f in files] == [chosen_folder, chosen_folder]
    assert recording_dialogs.messages[-1] == {"kind": "folder", "title": "Folder untuk formulir kertas"}
    pages = {f.name.split("-")[1]: len(PdfReader(f).pages) for f in files}
    assert pages == {"ani": 3, "budi": 1}  # one page per assigned proposal
    assert page.message.text() == f"2 berkas formulir ditulis ke {chosen_folder}."
    assert page.open_folder_button.isVisible()


def test_a_judge_may_not_print_the_forms(panel: Panel, tmp_path: Path) -> None:
    import pytest

    from oaoi_desktop.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        panel.session().write_blank_forms(tmp_path)
