"""ui/jobs.py: one background job runner (issue 16): result, progress, cancel, errors
rendered or logged (never lost), kept alive while running, stopped when the app quits."""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from oaoi_desktop import logs
from oaoi_desktop.errors import ValidationError
from oaoi_desktop.ui import crash, jobs
from oaoi_desktop.ui.jobs import Job


def _started(qtbot, job: Job) -> Job:  # type: ignore[no-untyped-def]
    job.start()
    return job


def test_the_result_comes_back_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread() is threading.main_thread())
        return 42

    job = Job(work, name="oaoi-test")
    job.finished.connect(lambda _r: seen.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(job.finished, timeout=10_000) as result:
        job.start()
    assert result.args == [42]
    assert seen == [False, True]  # worked off the GUI thread, reported on it
    assert not job.is_running()
    with pytest.raises(RuntimeError):
        job.start()  # a job runs once
    qtbot.waitUntil(lambda: jobs.running_jobs() == 0)


def test_progress_arrives_as_one_value_or_a_tuple(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(progress, cancel):  # type: ignore[no-untyped-def]
        progress(1, 3)
        progress("snapshot")
        progress(2, 3, "b.pdf")
        return None

    job = Job(work)
    reported: list[object] = []
    job.progressed.connect(reported.append)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    assert reported == [(1, 3), "snapshot", (2, 3, "b.pdf")]


def test_cancel_reaches_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        return "stopped" if cancel.wait(10) else "ran out"

    job = _started(qtbot, Job(work))
    assert job.is_running() and not job.cancel_requested
    assert started.wait(10)
    with qtbot.waitSignal(job.finished, timeout=10_000) as result:
        job.cancel()
    assert job.cancel_requested
    assert result.args == ["stopped"]


def test_an_oaoi_error_is_rendered_with_the_catalogue(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    def work(progress, cancel):  # type: ignore[no-untyped-def]
        raise ValidationError("forms.nothing_to_print")

    job = Job(work)
    with caplog.at_level(logging.INFO, logger="oaoi_desktop.ui.jobs"):
        with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
            job.start()
    assert failed.args == [ValidationError("forms.nothing_to_print").render()]
    assert not job.is_running()
    assert [r for r in caplog.records if r.name == "oaoi_desktop.ui.jobs"] == []  # the user's to fix: no log


def test_any_other_exception_is_logged_and_reported(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    def work(progress, cancel):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("pembagian dengan nol")

    job = Job(work, name="oaoi-hitung")
    with caplog.at_level(logging.INFO, logger="oaoi_desktop.ui.jobs"):
        with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
            job.start()
    assert failed.args == ["ZeroDivisionError: pembagian dengan nol"]
    [record] = [r for r in caplog.records if r.name == "oaoi_desktop.ui.jobs"]
    assert record.levelno == logging.ERROR and "oaoi-hitung" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError  # with its traceback


def test_a_secret_job_reports_and_logs_the_type_name_only(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    def work(progress, cancel):  # type: ignore[no-untyped-def]
        raise ValueError("rahasia-sekali")

    job = Job(work, name="oaoi-sign", secret=True)
    with caplog.at_level(logging.INFO, logger="oaoi_desktop.ui.jobs"):
        with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
            job.start()
    assert failed.args == ["ValueError"]
    assert "rahasia" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records)


def test_a_caller_renders_its_own_errors(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(progress, cancel):  # type: ignore[no-untyped-def]
        raise KeyError("x")

    job = Job(work, render=lambda exc: f"gagal ({type(exc).__name__})")
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start()
    assert failed.args == ["gagal (KeyError)"]


def test_a_running_job_outlives_its_dialog_and_its_wrapper(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    done = threading.Event()

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        release.wait(10)
        done.set()
        return "ok"

    dialog = QWidget()
    job = Job(work, parent=dialog)
    job.start()
    before = jobs.running_jobs()
    assert before >= 1
    dialog.deleteLater()
    del dialog, job
    qtbot.wait(50)
    gc.collect()
    release.set()  # the work ends with nobody listening: no crash, the registry lets it go
    assert done.wait(10)
    qtbot.waitUntil(lambda: jobs.running_jobs() == before - 1, timeout=10_000)


def test_quitting_cancels_and_waits_for_running_jobs(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    saw_cancel: list[bool] = []

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        saw_cancel.append(cancel.wait(10))

    job = _started(qtbot, Job(work))
    assert started.wait(10)
    jobs.stop_all_jobs()  # what the application's aboutToQuit runs
    assert saw_cancel == [True]  # cancelled, and waited for: the work has returned
    qtbot.waitUntil(lambda: not job.is_running() and jobs.running_jobs() == 0)


def test_a_job_failure_reaches_the_log_file(qtbot, qapp, oaoi_home: Path) -> None:  # type: ignore[no-untyped-def]
    crash.install(qapp, qt_messages=False)  # what app.main installs for every start path
    try:
        def work(progress, cancel):  # type: ignore[no-untyped-def]
            raise RuntimeError("disk penuh di uji")

        job = Job(work, name="oaoi-export")
        with qtbot.waitSignal(job.failed, timeout=10_000):
            job.start()
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = (oaoi_home / "logs" / logs.LOG_NAME).read_text(encoding="utf-8")
    finally:
        crash.uninstall()
    assert "oaoi-export failed" in text and "Traceback" in text and "disk penuh di uji" in text


def test_newest_job_shows_only_the_newest_request_and_asks_again_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Three requests while one runs: its result is dropped, ``again`` is called once when it ends,
    and only what that asks for is shown."""
    from oaoi_desktop.ui.jobs import NewestJob

    owner = QWidget()
    qtbot.addWidget(owner)
    gate = threading.Event()
    choice = ["first"]
    asked: list[str] = []
    shown: list[object] = []

    def again() -> None:
        asked.append(choice[0])
        newest.request(lambda _p, _c: f"result of {choice[0]}")

    newest = NewestJob(again, name="oaoi-test-newest", parent=owner)
    newest.finished.connect(shown.append)
    assert newest.request(lambda _p, _c: gate.wait(10) and "result of first")
    assert newest.busy and newest.current
    for c in ("second", "third", "fourth"):
        choice[0] = c
        assert not newest.request(lambda _p, _c: "never run")
    assert newest.busy and not newest.current  # still running, its result no longer wanted
    gate.set()
    qtbot.waitUntil(lambda: shown != [], timeout=10_000)
    qtbot.waitUntil(lambda: not newest.busy, timeout=10_000)
    assert asked == ["fourth"] and shown == ["result of fourth"]


def test_newest_job_superseded_drops_the_result_and_reports_failures(qtbot) -> None:  # type: ignore[no-untyped-def]
    from oaoi_desktop.ui.jobs import NewestJob

    owner = QWidget()
    qtbot.addWidget(owner)
    gate = threading.Event()
    shown: list[object] = []
    failed: list[str] = []
    newest = NewestJob(lambda: shown.append("asked again"), name="oaoi-test-newest", parent=owner)
    newest.finished.connect(shown.append)
    newest.failed.connect(failed.append)
    newest.request(lambda _p, _c: gate.wait(10) and "stale")
    newest.supersede()  # answered inline meanwhile, or another event is shown
    gate.set()
    qtbot.waitUntil(lambda: not newest.busy, timeout=10_000)
    qtbot.wait(50)
    assert shown == []  # neither shown nor asked again

    def bad(_p, _c):  # type: ignore[no-untyped-def]
        raise ValidationError("purge.cannot_write", path="/x", reason="penuh")

    with qtbot.waitSignal(newest.failed, timeout=10_000):
        newest.request(bad)
    assert failed and "/x" in failed[0] and shown == []
