"""The Verifikasi PDF dialog and the Tandatangani PDF flow, driven like a person would."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from oaoi_desktop.services import signatures
from oaoi_desktop.store.models import AuditEntry
from oaoi_desktop.ui.signatures.report_model import STATUS_ROLE, SignatureReportModel
from oaoi_desktop.ui.signatures.sign_dialog import SignDialog
from oaoi_desktop.ui.signatures.verify_dialog import VerifyDialog
from support.builders import ACTOR

from support import signing_keys

PASSES = signing_keys.PASSES


def _signed(panel, path: Path) -> Path:
    signing_keys.make_pdf(path, [*panel.judges, panel.chair], event_id=panel.event_id)
    for uid in [*panel.judges, panel.chair]:
        out = signatures.sign_files(panel.db, [path], judge=uid, passphrase=panel.passphrase(uid), actor=ACTOR)
        assert out[0].ok, out[0].message
    return path


def _tamper(path: Path) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(path.read_bytes()))
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 700 Td (99) Tj ET")))
    buf = io.BytesIO()
    w.write(buf)
    path.write_bytes(buf.getvalue())


def test_report_model_passes_the_model_tester(qtmodeltester, keys_panel, tmp_path) -> None:
    path = _signed(keys_panel, tmp_path / "a.pdf")
    model = SignatureReportModel()
    with keys_panel.db.read() as s:
        model.set_report(signatures.verify_file(s, path))
    qtmodeltester.check(model)
    _tamper(path)
    with keys_panel.db.read() as s:
        model.set_report(signatures.verify_file(s, path))
    qtmodeltester.check(model)


def test_tools_menu_opens_verify_and_shows_every_signature(qtbot, main_window, keys_panel, tmp_path,
                                                            recording_dialogs) -> None:
    path = _signed(keys_panel, tmp_path / "berita-acara.pdf")
    hook = main_window.extensions["signatures"]
    texts = [a.text() for a in main_window.tools_menu.actions()]
    assert "&Verifikasi PDF\u2026" in texts and "&Tandatangani PDF\u2026" in texts
    hook.verify_action.trigger()
    dialog = main_window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Verifikasi PDF"
    # the person clicks "Buka PDF…" and picks the file in the (non-native) file chooser
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    chooser = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
    chooser.fileSelected.emit(str(path))
    chooser.close()
    assert dialog.report is not None and dialog.report.ok
    assert dialog.verdict.text().startswith("SAH")
    rows = dialog.model.statuses()
    signers = [t for t, _ in rows if t.startswith("Tanda tangan")]
    assert signers == ["Tanda tangan 1: Budi Santoso", "Tanda tangan 2: Siti Aminah", "Tanda tangan 3: Ketua Tim"]
    assert "fail" not in [s for _, s in rows]
    assert ("Isi utuh", "ok") in rows and ("Otoritas sertifikat", "ok") in rows
    # the page is in the PDF view beside the report
    assert dialog.document.pageCount() == 1
    assert dialog.splitter.widget(0) is dialog.pdf_view


def test_verify_shows_failure_of_unsigned_edit(qtbot, keys_panel, tmp_path, db) -> None:
    path = _signed(keys_panel, tmp_path / "x.pdf")
    _tamper(path)
    dialog = VerifyDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    report = dialog.open_file(path)
    assert not report.ok
    assert dialog.verdict.text().startswith("TIDAK SAH")
    rows = dialog.model.statuses()
    assert ("Tidak ada perubahan sesudahnya", "fail") in rows
    # the first failed check is selected and its whole message is shown under the tree
    assert dialog.details.text().startswith("<b>")
    assert "DIUBAH setelah tanda tangan ini" in dialog.details.text()
    # the status cell of a failed check says GAGAL, in bold red
    sig = next(r for r in range(dialog.model.rowCount()) if dialog.model.item(r, 0).text().startswith("Tanda"))
    status = dialog.model.item(sig, 1)
    assert status.text() == "GAGAL" and status.data(STATUS_ROLE) == "fail" and status.font().bold()


def test_sign_dialog_signs_batch_with_one_passphrase(qtbot, keys_panel, tmp_path, db) -> None:
    files = [tmp_path / f"lembar-{i}.pdf" for i in range(3)]
    for f in files:
        signing_keys.make_pdf(f, [keys_panel.judges[0], keys_panel.chair], event_id=keys_panel.event_id)
    dialog = SignDialog(db, ACTOR, event_id=keys_panel.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths(files)
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("Budi Santoso"))
    assert "Budi Santoso" in dialog.credential_label.text()
    assert not dialog.sign_button.isEnabled()
    # a wrong passphrase first: a clear message, nothing signed, the field is cleared for another try
    qtbot.keyClicks(dialog.passphrase, "salah-sekali")
    with qtbot.waitSignal(dialog.signing_failed, timeout=30_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert "salah" in dialog.status.text() and "Budi Santoso" in dialog.status.text()
    assert dialog.passphrase.text() == ""
    assert all(signatures.verify_file(None, f).signatures == () for f in files)
    qtbot.keyClicks(dialog.passphrase, PASSES["Budi Santoso"])
    with qtbot.waitSignal(dialog.signing_finished, timeout=60_000):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert [o.status for o in dialog.outcomes] == ["signed"] * 3
    assert dialog.progress.value() == 3
    assert dialog.status.text() == "3 dari 3 berkas ditandatangani."
    assert dialog.results.count() == 3
    with db.read() as s:
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "document.signed")).all()) == 3
        for f in files:
            rep = signatures.verify_file(s, f)
            assert [x.signer for x in rep.signatures] == ["Budi Santoso"] and rep.ok


def test_sign_dialog_cancel_stops_the_batch(qtbot, keys_panel, tmp_path, db) -> None:
    files = [tmp_path / f"{i}.pdf" for i in range(12)]
    for f in files:
        signing_keys.make_pdf(f, [keys_panel.chair], event_id=keys_panel.event_id)
    dialog = SignDialog(db, ACTOR, event_id=keys_panel.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths(files)
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("Ketua Tim"))
    qtbot.keyClicks(dialog.passphrase, PASSES["Ketua Tim"])
    with qtbot.waitSignal(dialog.signing_finished, timeout=60_000):
        dialog.start()
        assert dialog.cancel_button.isEnabled() and not dialog.close_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    statuses = [o.status for o in dialog.outcomes]
    assert "cancelled" in statuses
    assert statuses == sorted(statuses, key=lambda s: s != "signed")  # signed ones first, then cancelled
    assert dialog.close_button.isEnabled()


def test_language_switch_retranslates(qtbot, main_window) -> None:
    hook = main_window.extensions["signatures"]
    main_window.set_language("en")
    assert hook.verify_action.text() == "&Verify PDF\u2026"
    main_window.set_language("id")
    assert hook.verify_action.text() == "&Verifikasi PDF\u2026"


def test_signed_in_judge_signs_only_as_themselves(qtbot, keys_panel, db) -> None:
    budi = keys_panel.judges[0]
    dialog = SignDialog(db, ACTOR, event_id=keys_panel.event_id, person_id=budi, lock_person=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.person_combo.currentText() == "Budi Santoso"
    assert not dialog.person_combo.isEnabled() and not dialog.event_combo.isEnabled()
    assert dialog.passphrase.isEnabled()
