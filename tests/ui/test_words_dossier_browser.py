"""The dossier browser never says "this proposal has no attachments" when no proposal is selected (issue 14)."""

from __future__ import annotations

import pytest

from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.main_window import MainWindow
from support.builders import make_event
from support.ui_dossiers import import_samples
from support.ui_session import sign_in_secretariat


@pytest.fixture
def main_window(main_window, qtbot):  # type: ignore[no-untyped-def]
    sign_in_secretariat(qtbot, main_window)
    return main_window


def test_placeholder_asks_for_a_proposal_until_one_is_chosen(qtbot, main_window: MainWindow, db: Database) -> None:
    make_event(db, name="KIPP 2025")  # an event with no proposals
    event_id, _ = import_samples(db, "sipandu-medan", event_name="KIPP Kota Medan 2026")
    main_window.refresh()
    main_window.browse_action.trigger()
    browser = main_window.dossier_browser
    assert browser.reader.view is None
    placeholder = browser.reader.viewer.placeholder.text()
    assert placeholder == "Pilih proposal untuk melihat lampirannya di sini."
    assert "tidak memiliki lampiran" not in placeholder
    browser.select_dossier(browser.model.row_at(0).id)
    assert browser.reader.view is not None
    assert browser.reader.viewer.placeholder.text() == "Pilih lampiran di sebelah kiri untuk melihatnya di sini."
    older = browser.event_combo.findText("KIPP 2025")
    browser.event_combo.setCurrentIndex(older)
    browser.event_combo.activated.emit(older)
    assert browser.reader.view is None
    assert browser.reader.viewer.placeholder.text() == "Pilih proposal untuk melihat lampirannya di sini."
