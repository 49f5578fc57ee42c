"""Signing the tests' secretariat in to a main window, the way a person does (GUI tests)."""

from __future__ import annotations

from typing import Any

from support.builders import ACTOR, TEST_SECRETARIAT_PIN, ensure_secretariat


def sign_in_secretariat(qtbot: Any, window: Any, pin: str | None = None) -> None:
    """Sign the tests' secretariat (:data:`support.builders.ACTOR`) in to ``window``: choose the
    name on the sign-in page, type the PIN, press Enter (the real :func:`auth.sign_in` checks it)."""
    from PySide6.QtCore import Qt

    ensure_secretariat(window.database)
    window.refresh()
    page = window.sign_in_page
    assert window.gate_stack.currentWidget() is page, "somebody is signed in already"
    page.select(ACTOR.name)
    page.secret.clear()
    qtbot.keyClicks(page.secret, TEST_SECRETARIAT_PIN if pin is None else pin)
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    signed = window.access.secretariat
    assert signed is not None and signed.user_id == ACTOR.user_id, page.message.text()
    assert window.gate_stack.currentWidget() is window.stack


__all__ = ["sign_in_secretariat"]
