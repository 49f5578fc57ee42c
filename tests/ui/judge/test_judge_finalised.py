"""Issue 14: after finalisation the judge workspace is read-only, says so in one plain Indonesian
sentence, and a refused write shows no internal id, account name of a tool, or command."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from oaoi_desktop.services import completeness, events, finalisation
from oaoi_desktop.store.models import IssuedDocument
from support.builders import ACTOR, ensure_secretariat

from judge_panel import Panel  # type: ignore[import-not-found]

INTERNAL = re.compile(r"\b(?:score|sheet|assignment|policy|judging|event)\.[a-z_]+\b|\bgui:|\boaoi [a-z]|"
                      r"test:secretariat")


def finalise(panel: Panel) -> None:
    """The secretariat (on its own seat) excepts the missing sheets, issues the Berita Acara, finalises."""
    ensure_secretariat(panel.db)
    with panel.db.write() as s:
        e = events.get_event(s, panel.event_id)
        completeness.record_exception(s, e, actor=ACTOR, reason="Penilaian ditutup oleh pleno")
    with panel.db.write() as s:
        e = events.get_event(s, panel.event_id)
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=e.id, kind="minutes", number="BA-9/2026", sequence=1,
                             fingerprint="ab" * 32, details={}, created_by="test"))
    with panel.db.write() as s:
        finalisation.finalise_event(s, panel.event_id, ACTOR, paper_signed=True)


def press(key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key)


def test_a_write_refused_after_finalising_reads_as_a_plain_sentence(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace, recording_dialogs) -> None:
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-2"])
    press(Qt.Key.Key_7)  # a draft, saved
    assert declared.values("Ani Lestari", "P-2") == {"latar_belakang": Decimal(7)}
    assert ws.form.submit_button.isEnabled()  # before finalising: "Kirim" is offered
    assert ws.form.editor_for("kebaruan").field._editable
    finalise(declared)  # meanwhile, on the secretariat's seat

    ws.form.focus_criterion("kebaruan")
    press(Qt.Key.Key_8)
    message = recording_dialogs.messages[-1]
    text = str(message["text"]) + " " + str(message.get("informative_text") or "")
    assert "sudah difinalisasi pada" in text and "Hubungi sekretariat" in text
    assert not INTERNAL.search(text), text
    assert declared.values("Ani Lestari", "P-2") == {"latar_belakang": Decimal(7)}  # nothing saved
    # the form now shows the sheet as it is: read-only, "Kirim" off, the banner says why
    assert ws.form.banner.isVisible()
    assert ws.form.banner.text().startswith("Kegiatan ini sudah difinalisasi pada ")
    assert ws.form.banner.text().endswith("nilai tidak dapat diubah. Hubungi sekretariat.")
    assert not INTERNAL.search(ws.form.banner.text())
    assert not ws.form.submit_button.isEnabled()
    assert not any(e.field._editable for e in ws.form.editors.values())
    assert all(e.comment.isReadOnly() for e in ws.form.editors.values())


def test_a_dossier_opened_after_finalising_is_read_only(  # type: ignore[no-untyped-def]
        qtbot, declared: Panel, open_workspace, recording_dialogs) -> None:
    finalise(declared)
    ws = open_workspace(declared.session())
    ws.open_dossier(declared.numbers["P-3"])
    assert ws.form.banner.isVisible() and "sudah difinalisasi" in ws.form.banner.text()
    assert not ws.form.submit_button.isEnabled()
    levels = ws.form.editor_for("latar_belakang").levels
    from PySide6.QtWidgets import QPushButton

    assert not any(b.isEnabled() for b in levels.findChildren(QPushButton))
    ws.form.focus_criterion("latar_belakang")
    press(Qt.Key.Key_9)  # typing a score does nothing, and no error with an internal id appears
    assert declared.values("Ani Lestari", "P-3") == {}
    assert not [m for m in recording_dialogs.messages if INTERNAL.search(str(m.get("text")))]
