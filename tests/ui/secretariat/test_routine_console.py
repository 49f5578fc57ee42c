"""The console's "Tindakan" menu: reprint a PIN slip, paper scores with double entry, signing
certificates, reopening the event; each driven through its real dialog against a real database."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from oaoi_desktop.services import accounts, auth, events, finalisation
from oaoi_desktop.signing import pki
from oaoi_desktop.services import keys
from oaoi_desktop.store.database import Database
from oaoi_desktop.store.models import AuditEntry, EventStatus, IssuedDocument, ScoreSheet
from oaoi_desktop.ui.main_window import MainWindow
from oaoi_desktop.ui.secretariat.certificates import CertificatesDialog
from oaoi_desktop.ui.secretariat.console import SecretariatConsole
from oaoi_desktop.ui.secretariat.paper_import import PaperImportDialog
from oaoi_desktop.ui.secretariat.reprint_slip import ReprintSlipDialog
from support import judging_builders as jb
from support.builders import ACTOR, KIPP_CRITERIA
from support.ui_session import sign_in_secretariat

SB = QMessageBox.StandardButton
CA_SECRET = "otoritas-kipp-medan-2026"
JUDGE_SECRET = "kopi-tubruk-pagi-hari"


@pytest.fixture
def event_id(db: Database) -> str:
    """Ani and Budi judge P-1 and P-2 (both assigned to both)."""
    eid = jb.event(db, name="KIPP Kota Medan 2026")
    jb.judge(db, eid, "Ani Lestari")
    jb.judge(db, eid, "Budi Santoso")
    for n in ("P-1", "P-2"):
        jb.dossier(db, eid, n)
        for j in ("Ani Lestari", "Budi Santoso"):
            jb.assign(db, eid, j, n)
    return eid


@pytest.fixture
def console(qtbot, main_window: MainWindow, event_id: str) -> SecretariatConsole:  # type: ignore[no-untyped-def]
    sign_in_secretariat(qtbot, main_window)
    return main_window.extensions["secretariat"].show_console(event_id)


@pytest.fixture
def answers(recording_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    """Files and folders the (recording) dialog seam answers, in order."""
    queue: list[Path] = []

    def choose(parent, title, *, on_chosen, **kwargs):  # type: ignore[no-untyped-def]
        recording_dialogs.messages.append({"kind": "file", "title": title})
        on_chosen(queue.pop(0))
        return None

    monkeypatch.setattr(recording_dialogs, "choose_file", choose)
    monkeypatch.setattr(recording_dialogs, "choose_folder", choose)
    return queue


def questions(recording_dialogs) -> list[dict]:  # type: ignore[no-untyped-def]
    return [m for m in recording_dialogs.messages if m["kind"] != "file"]


def test_the_actions_menu_names_the_routine_steps(console: SecretariatConsole) -> None:
    routine = console.routine
    assert routine.button.text() == "&Tindakan" and routine.button.isVisible()
    texts = [a.text() for a in routine.menu.actions() if not a.isSeparator()]
    assert texts == ["&Cetak ulang slip PIN\u2026", "Impor nilai &kertas\u2026", "&Sertifikat tanda tangan\u2026",
                     "&Buka kembali kegiatan\u2026", "Musnahkan &data proposal\u2026"]


# -- Cetak ulang slip PIN -----------------------------------------------------------------------
def test_reprint_slip_resets_the_pin_shows_it_once_and_saves_the_slip(
        qtbot, console: SecretariatConsole, db: Database, event_id: str, recording_dialogs, answers,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:  # Budi's current slip
        budi = accounts.find_judge(s, events.get_event(s, event_id), "Budi Santoso")
        old = auth.issue_pin_slip(s, budi, ACTOR)
    console.routine.reprint_action.trigger()
    dialog = console.routine.dialog
    assert isinstance(dialog, ReprintSlipDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Cetak ulang slip PIN"
    dialog.judge_combo.setCurrentIndex(dialog.judge_combo.findText("Budi Santoso"))
    assert not dialog.save_button.isEnabled() and dialog.pin.text() == "\u2013"
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    [question] = questions(recording_dialogs)
    assert "Budi Santoso" in str(question["text"]) and "tidak berlaku lagi" in str(question["text"])
    recording_dialogs.last_on_finished(SB.Yes)
    new_pin, new_code = dialog.pin.text(), dialog.code.text()
    assert len(new_pin) == 6 and len(new_code) == 19 and new_pin != old.pin
    with db.write() as s:  # the old PIN no longer signs in; the new one does; the reset is audited
        with pytest.raises(Exception):
            auth.sign_in(s, event_id, "Budi Santoso", old.pin)
    with db.write() as s:
        assert auth.sign_in(s, event_id, "Budi Santoso", new_pin).name == "Budi Santoso"
    with db.read() as s:
        issued = s.scalars(select(AuditEntry).where(AuditEntry.action == "user.pin_issued")).all()
        assert len(issued) == 2 and issued[-1].actor == ACTOR.name

    # closing before the slip is kept asks; "Tidak" keeps the dialog and the values
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert questions(recording_dialogs)[-1]["title"] == "Slip PIN belum disimpan"
    recording_dialogs.last_on_finished(SB.No)
    assert dialog.isVisible() and dialog.pin.text() == new_pin
    pdf = tmp_path / "slip-budi.pdf"
    answers.append(pdf)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "Budi Santoso" in text and new_pin in text and new_code in text
    assert dialog.message.text() == f"Tersimpan di {pdf}."
    asked = len(questions(recording_dialogs))
    dialog.close()
    assert len(questions(recording_dialogs)) == asked  # kept: closes without asking
    assert not dialog.isVisible()


# -- Impor nilai kertas --------------------------------------------------------------------------
def sheet_rows(judge: str, dossier: str, value: int = 8, **overrides: int) -> list[list[str]]:
    return [[judge, dossier, c, str(overrides.get(c, value)), ""] for c in KIPP_CRITERIA]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["judge", "dossier", "criterion", "score", "comment"])
        w.writerows(rows)
    return path


def paper_sheets(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(ScoreSheet).where(ScoreSheet.source == "paper")) or 0


def test_paper_scores_differences_side_by_side_nothing_stored_until_both_agree(
        qtbot, console: SecretariatConsole, db: Database, answers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = sheet_rows("Ani Lestari", "P-1") + sheet_rows("Budi Santoso", "P-2", 7)
    first = write_csv(tmp_path / "entri-1.csv", rows)
    typo = sheet_rows("Ani Lestari", "P-1", kebaruan=9) + sheet_rows("Budi Santoso", "P-2", 7)
    second = write_csv(tmp_path / "entri-2.csv", typo)
    console.routine.paper_action.trigger()
    dialog = console.routine.dialog
    assert isinstance(dialog, PaperImportDialog) and dialog.windowTitle() == "Impor nilai kertas"
    assert not dialog.compare_button.isEnabled() and not dialog.import_button.isEnabled()
    answers.extend([first, second])
    qtbot.mouseClick(dialog.first_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.second_button, Qt.MouseButton.LeftButton)
    assert dialog.first_edit.text() == str(first) and dialog.second_edit.text() == str(second)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)

    table = dialog.table
    assert table.isVisible() and table.rowCount() == 1
    headers = [table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["Proposal", "Penilai", "Kriteria", "Entri 1", "Entri 2"]
    assert [table.item(0, c).text() for c in range(5)] == ["P-1", "Ani Lestari", "kebaruan", "8", "9"]
    assert "1 perbedaan" in dialog.message.text() and "Tidak ada yang disimpan" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    assert paper_sheets(db) == 0

    # the second typist corrects the file: both agree, then import
    write_csv(second, rows)
    answers.append(second)
    qtbot.mouseClick(dialog.second_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert not table.isVisible()
    assert dialog.message.text() == "Kedua entri sama: 2 lembar siap diimpor."
    assert paper_sheets(db) == 0  # comparing stores nothing
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "2 lembar diimpor; 0 tidak berubah, 0 ditolak."
    assert paper_sheets(db) == 2
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "scores.paper_import")).one()
        assert entry.actor == ACTOR.name
        assert (entry.after["file"], entry.after["second_entry"]) == ("entri-1.csv", "entri-2.csv")
    assert not dialog.import_button.isEnabled()  # not twice


# -- Sertifikat tanda tangan ----------------------------------------------------------------------
def test_certificates_create_the_authority_issue_a_p12_to_a_folder_and_import_one(
        qtbot, console: SecretariatConsole, db: Database, event_id: str, answers,
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    console.routine.certificates_action.trigger()
    dialog = console.routine.dialog
    assert isinstance(dialog, CertificatesDialog) and dialog.windowTitle() == "Sertifikat tanda tangan"
    assert "belum memiliki otoritas sertifikat" in dialog.ca_state.text()
    assert not dialog.issue_button.isEnabled()
    # two different passphrases: refused, nothing made
    QTest.keyClicks(dialog.ca_new_secret, CA_SECRET)
    QTest.keyClicks(dialog.ca_repeat, CA_SECRET + "x")
    qtbot.mouseClick(dialog.create_ca_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Kedua frasa sandi tidak sama."
    with db.read() as s:
        assert pki.authority_certificate(s, event_id) is None
    QTest.keyClicks(dialog.ca_new_secret, CA_SECRET)
    QTest.keyClicks(dialog.ca_repeat, CA_SECRET)
    qtbot.mouseClick(dialog.create_ca_button, Qt.MouseButton.LeftButton)
    assert dialog.ca_state.text().startswith("Otoritas: ")
    assert not dialog.create_ca_button.isVisible() and dialog.issue_button.isEnabled()

    # issue Ani's certificate, its .p12 copied to the "USB stick"
    usb = tmp_path / "usb"
    usb.mkdir()
    answers.append(usb)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "Ani Lestari")
    dialog.table.selectRow(row)
    assert dialog.table.item(row, 1).text() == "belum ada sertifikat"
    QTest.keyClicks(dialog.ca_secret, CA_SECRET)
    QTest.keyClicks(dialog.judge_secret, JUDGE_SECRET)
    QTest.keyClicks(dialog.judge_repeat, JUDGE_SECRET)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Sertifikat diterbitkan untuk Ani Lestari"), dialog.message.text()
    assert not dialog.ca_secret.text() and not dialog.judge_secret.text()  # secrets cleared
    p12 = usb / "sertifikat-ani-lestari.p12"
    assert p12.is_file() and dialog.message.text().endswith(f"Salinan ditulis ke {p12}.")
    assert dialog.table.item(row, 1).text().startswith("nomor seri ")
    with db.read() as s:
        ani = accounts.find_judge(s, events.get_event(s, event_id), "Ani Lestari")
        cred = pki.active_credential(s, event_id, ani.id)
        assert cred is not None and cred.source == "issued"
        assert keys.load_signer(s, event_id, ani.id, JUDGE_SECRET) is not None  # the judge's passphrase opens it
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == "credential.issued")) == 1

    # Budi brings that file: import it for him with its passphrase
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "Budi Santoso")
    dialog.table.selectRow(row)
    QTest.keyClicks(dialog.judge_secret, "salah-frasa-sandi-ini")
    answers.append(p12)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Frasa sandi berkas PKCS#12 untuk 'Budi Santoso' salah, atau berkas rusak."
    with db.read() as s:
        budi_id = accounts.find_judge(s, events.get_event(s, event_id), "Budi Santoso").id
        assert pki.active_credential(s, event_id, budi_id) is None  # wrong passphrase: nothing stored
    QTest.keyClicks(dialog.judge_secret, JUDGE_SECRET)
    answers.append(p12)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Sertifikat Budi Santoso diimpor"), dialog.message.text()
    with db.read() as s:
        assert pki.active_credential(s, event_id, budi_id) is not None


def test_the_sign_dialog_offers_the_certificate_to_the_secretariat_and_plain_words_to_a_judge(
        qtbot, main_window: MainWindow, db: Database, event_id: str) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui.signatures.sign_dialog import SignDialog

    sign_in_secretariat(qtbot, main_window)
    dialog = main_window.extensions["signatures"].open_sign()
    assert "oaoi" not in dialog.credential_label.text()
    assert dialog.credential_label.text() == "Orang ini belum memiliki sertifikat tanda tangan: terbitkan di sini."
    assert dialog.issue_button.isVisible() and dialog.issue_button.text() == "&Terbitkan sertifikat\u2026"
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    certificates = dialog.certificates_dialog
    assert isinstance(certificates, CertificatesDialog) and certificates.isVisible()
    person = dialog.person_combo.currentData()
    assert certificates.judge_id() == person
    QTest.keyClicks(certificates.ca_new_secret, CA_SECRET)
    QTest.keyClicks(certificates.ca_repeat, CA_SECRET)
    qtbot.mouseClick(certificates.create_ca_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(certificates.ca_secret, CA_SECRET)
    QTest.keyClicks(certificates.judge_secret, JUDGE_SECRET)
    QTest.keyClicks(certificates.judge_repeat, JUDGE_SECRET)
    qtbot.mouseClick(certificates.issue_button, Qt.MouseButton.LeftButton)
    certificates.close()
    # back in the sign dialog: the same person now has a certificate and can sign
    assert dialog.person_combo.currentData() == person
    assert dialog.credential_label.text().startswith("Sertifikat: "), dialog.credential_label.text()
    assert not dialog.issue_button.isVisible()
    dialog.close()

    with db.read() as s:
        budi = accounts.find_judge(s, events.get_event(s, event_id), "Budi Santoso")  # no certificate yet
        budi_id = budi.id
        actor = auth.SignedIn(user_id=budi.id, name=budi.name, role=budi.role, event_id=budi.event_id).actor
    judge_dialog = SignDialog(db, actor, main_window, event_id=event_id, person_id=str(budi_id), lock_person=True)
    qtbot.addWidget(judge_dialog)
    judge_dialog.show()
    text = judge_dialog.credential_label.text()
    assert text == ("Anda belum memiliki sertifikat tanda tangan. Mintalah sekretariat menerbitkannya untuk Anda, "
                    "lalu tanda tangani di sini.")
    assert not judge_dialog.issue_button.isVisible()


# -- Buka kembali kegiatan -----------------------------------------------------------------------
def finalise(db: Database, event_id: str) -> None:
    from oaoi_desktop.services import completeness

    with db.write() as s:  # the sheets left open are excepted with a reason (issue 14), before the Berita Acara
        completeness.record_exception(s, events.get_event(s, event_id), actor=ACTOR,
                                      reason="uji: lembar yang belum dikirim dikecualikan")
    with db.write() as s:
        event = events.get_event(s, event_id)
        s.add(IssuedDocument(id=uuid.uuid4(), event_id=event.id, kind="minutes", number="BA-001/2026", sequence=1,
                             fingerprint="ab" * 32, details={}, file_name="berita-acara.pdf", created_by="test"))
    with db.write() as s:
        finalisation.finalise_event(s, event_id, ACTOR, paper_signed=True)


def test_reopen_from_the_console_needs_a_real_reason(
        qtbot, console: SecretariatConsole, db: Database, event_id: str, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    finalise(db, event_id)
    console.routine.reopen_action.trigger()
    dialog = console.routine.dialog
    assert dialog.objectName() == "results_reopen_dialog" and dialog.event_box.currentData() == event_id
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no reopening
    QTest.keyClicks(dialog.reason, "salah")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    [error] = recording_dialogs.messages
    assert "alasan terlalu pendek (5 karakter)" in str(error["text"])
    with db.read() as s:
        assert events.get_event(s, event_id).status == EventStatus.FINALISED
    QTest.keyClicks(dialog.reason, " nilai kebaruan P-1 diketik 9, seharusnya 8")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert events.get_event(s, event_id).status != EventStatus.FINALISED
        assert finalisation.state(s, event_id, actor=ACTOR).last_reopen_reason == "salah nilai kebaruan P-1 diketik 9, seharusnya 8"


def test_signing_out_closes_an_unsaved_new_slip_without_asking(
        qtbot, console: SecretariatConsole, main_window: MainWindow, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    dialog = console.routine.open_reprint_slip()
    dialog.issue()
    assert not dialog.kept()
    main_window.access.sign_out()
    assert recording_dialogs.messages == []
    assert main_window.gate_stack.currentWidget() is main_window.sign_in_page
    assert not [w for w in main_window.findChildren(ReprintSlipDialog) if w.isVisible()]
