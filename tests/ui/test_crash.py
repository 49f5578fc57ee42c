"""Fail visibly (issue 14): an uncaught exception shows a dialog and lands in a rotating
log file in the data folder; no secret ever reaches that file."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from oaoi_desktop import logs
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.services import auth
from oaoi_desktop.services.auth import SignInError
from oaoi_desktop.store.database import Database
from oaoi_desktop.ui import crash
from oaoi_desktop.ui.dialogs import MessageKind
from support.builders import TEST_SECRETARIAT_PIN, ensure_secretariat


@pytest.fixture
def reporter(qapp, oaoi_home: Path):  # type: ignore[no-untyped-def]
    rep = crash.install(qapp, qt_messages=False)
    yield rep
    crash.uninstall()


def _log_text(oaoi_home: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    path = oaoi_home / "logs" / logs.LOG_NAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_is_logged(qtbot, reporter, recording_dialogs,  # type: ignore[no-untyped-def]
                                                               oaoi_home: Path) -> None:
    button = QPushButton("Hitung")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ZeroDivisionError("pembagian dengan nol di slot uji")

    button.clicked.connect(broken)
    with qtbot.waitSignal(reporter.crash_reported, timeout=5000):
        button.click()

    assert len(recording_dialogs.messages) == 1
    shown = recording_dialogs.messages[0]
    assert shown["kind"] is MessageKind.ERROR
    assert shown["title"] == "Terjadi kesalahan"
    assert "kesalahan yang tidak terduga" in str(shown["text"])
    assert "Traceback" not in str(shown["text"]) and "ZeroDivisionError" not in str(shown["text"])
    assert reporter.box is not None
    assert str(oaoi_home / "logs" / logs.LOG_NAME) in reporter.box.informativeText()  # where the log is

    text = _log_text(oaoi_home)
    assert "uncaught exception" in text
    assert "ZeroDivisionError: pembagian dengan nol di slot uji" in text  # the traceback is in the log
    assert "in broken" in text


@pytest.mark.qt_no_exception_capture
def test_an_escaped_oaoi_error_shows_its_own_sentence(qtbot, reporter, recording_dialogs) -> None:  # type: ignore[no-untyped-def]
    def broken() -> None:
        raise ValidationError("forms.nothing_to_print")

    with qtbot.waitSignal(reporter.crash_reported, timeout=5000):
        QTimer.singleShot(0, broken)
    assert recording_dialogs.messages[0]["text"] == ValidationError("forms.nothing_to_print").render("id")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_reaches_the_gui(qtbot, reporter, recording_dialogs,  # type: ignore[no-untyped-def]
                                                          oaoi_home: Path) -> None:
    def work() -> None:
        raise RuntimeError("pekerja gagal")

    with qtbot.waitSignal(reporter.crash_reported, timeout=5000):
        t = threading.Thread(target=work, name="ekspor-pdf")
        t.start()
        t.join()
    assert recording_dialogs.messages[0]["title"] == "Terjadi kesalahan"
    assert "uncaught exception in thread ekspor-pdf" in _log_text(oaoi_home)


@pytest.mark.qt_no_exception_capture
def test_a_second_crash_while_the_box_is_open_is_only_logged(qtbot, reporter, oaoi_home: Path) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui import dialogs

    seam = dialogs.Dialogs(native_file_dialogs=False)  # the real seam: the box stays open
    previous = dialogs.install(seam)
    try:
        for n in range(2):
            with qtbot.waitSignal(reporter.crash_reported, timeout=5000):
                QTimer.singleShot(0, lambda n=n: (_ for _ in ()).throw(KeyError(f"kunci-{n}")))
        assert reporter.count == 2
        assert reporter.box is not None and reporter.box.isVisible()
        reporter.box.close()
    finally:
        dialogs.install(previous)
    text = _log_text(oaoi_home)
    assert "kunci-0" in text and "kunci-1" in text


def test_the_log_rotates(oaoi_home: Path) -> None:
    handler = logs.install()
    try:
        assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS  # type: ignore[attr-defined]
        handler.maxBytes = 2000  # type: ignore[attr-defined]
        for i in range(100):
            logging.getLogger("oaoi_desktop.test").warning("baris %03d %s", i, "x" * 60)
        handler.flush()
    finally:
        logs.uninstall()
    files = sorted(p.name for p in (oaoi_home / "logs").iterdir())
    assert logs.LOG_NAME in files and f"{logs.LOG_NAME}.1" in files
    assert len(files) == 1 + logs.BACKUPS  # old files beyond the limit are deleted


def test_a_failed_sign_in_leaves_no_pin_in_the_log(tmp_path: Path, oaoi_home: Path) -> None:
    logs.install()
    wrong_pin = "8642-9753"
    recovery = auth.new_recovery_code()
    log = logging.getLogger("oaoi_desktop.test")
    try:
        with Database.open(str(tmp_path / "a.sqlite")) as db:
            actor = ensure_secretariat(db)
            with db.write() as s:
                with pytest.raises(SignInError) as failed:
                    auth.sign_in(s, None, actor.name, wrong_pin)
            try:  # a careless message that carries the PIN, with its traceback
                raise ValueError(f"sign-in refused for {actor.name} with {wrong_pin}")
            except ValueError:
                log.exception("sign-in failed: %s", failed.value.render("en"))
            log.warning("debug dump pin=%s passphrase: %s kode pemulihan %s", "1111-2222",
                        "kuda-lari-cepat", recovery)
            log.info("form values %r", {"pin": TEST_SECRETARIAT_PIN, "name": actor.name})
            with db.write() as s:
                auth.sign_in(s, None, actor.name, TEST_SECRETARIAT_PIN)  # right PIN: remembered too
            log.info("signed in with %s", TEST_SECRETARIAT_PIN)
    finally:
        logs.uninstall()
    text = _log_text(oaoi_home)
    assert "sign-in refused for" in text and "Traceback" in text  # the entries are there...
    for secret in (wrong_pin, "1111-2222", "kuda-lari-cepat", recovery, TEST_SECRETARIAT_PIN):
        assert secret not in text, secret  # ...the secrets are not
    assert text.count(logs.MASK) >= 5
