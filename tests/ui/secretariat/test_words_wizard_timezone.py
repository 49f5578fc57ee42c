"""The event wizard asks for the event's time zone (issue 14): WIB by default, WITA/WIT chosen by key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from oaoi_desktop.i18n import formats
from oaoi_desktop.services import events
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui.secretariat.wizard import PAGE_REVIEW, EventWizard
from support.builders import ACTOR, ensure_secretariat

B = QWizard.WizardButton


@pytest.mark.parametrize("downs, zone", [(0, "WIB"), (1, "WITA"), (2, "WIT")])
def test_wizard_sets_the_events_time_zone(qtbot, db: Database, downs: int, zone: str) -> None:
    ensure_secretariat(db)
    wizard = EventWizard(db, actor=ACTOR)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.event_page
    page.name.setFocus()
    QTest.keyClicks(page.name, f"Lomba Inovasi {zone}")
    labels = [page.timezone.itemText(i) for i in range(page.timezone.count())]
    assert labels[0].startswith("WIB \u2014 Waktu Indonesia Barat")  # Indonesian, the default
    assert page.timezone.currentData() == "WIB"
    page.timezone.setFocus()
    for _ in range(downs):
        QTest.keyClick(page.timezone, Qt.Key.Key_Down)
    while wizard.currentId() != PAGE_REVIEW:
        qtbot.mouseClick(wizard.button(B.NextButton), Qt.MouseButton.LeftButton)
    assert f"Zona waktu: {zone}" in wizard.review_page.summary.text()
    with qtbot.waitSignal(wizard.event_created):
        qtbot.mouseClick(wizard.button(B.CommitButton), Qt.MouseButton.LeftButton)
    with db.read() as s:
        [event] = events.list_events(s)
        assert formats.zone_of(event) == zone and event.settings["timezone"] == zone
