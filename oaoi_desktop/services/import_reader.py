"""The reading side of an import: one dossier from the stick to checked, staged files.

:func:`prepare` reads a candidate's ``dossier.json`` (or takes the
spreadsheet row), validates it, and copies each attachment into the import
run's staging folder while hashing it, sniffing its magic bytes and counting
its size; then it checks that PDFs open and makes the new content durable
(fsync; on Linux the kernel is asked to start writing each file out as soon
as it is checked, so the fsyncs at the end of the dossier mostly find the
work done).  It returns a small :class:`Prepared`: the findings, the
cleaned content with its SHA-256, and the staged files — never the bytes, so
memory stays flat (one chunk buffer per reader).

The import service runs it in worker *processes* (:func:`worker_main`, so
the Python work of reading — PDF checks, JSON validation — does not share a
GIL with the transactions of the committing thread) or, for small batches
and special cases, in worker threads.  This module therefore imports
neither SQLAlchemy nor Qt, holds no database handle, and everything that
crosses the process boundary (candidates, settings, results) is picklable;
it works with the ``spawn`` start method (Windows).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing.context
import os
import pickle
import queue
import signal
import sys
import threading
import types
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from oaoi_desktop.domain import canonical
from oaoi_desktop.intake import document as docmod
from oaoi_desktop.intake import sniff
from oaoi_desktop.intake.findings import Finding, error
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.sources import DOCUMENT_NAME, Candidate
from oaoi_desktop.store.staging import (
    BlobTooLarge,
    Cancelled,
    CancelLike,
    StagedBlob,
    discard,
    fsync_file,
    stage_open,
    start_writeback,
)

log = logging.getLogger(__name__)

READ_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)
"""What reading a file from a stick or a ZIP may raise: a damaged or vanished file."""

MAX_OPEN_FILES = 32
"""New staged files of one dossier kept open until their fsync (more are fsynced by name)."""

_FOLDERS_MADE: set[str] = set()
"""Fan-out folders of stores known to exist (in this process)."""


class Counters(Protocol):
    """Where a reader reports progress (bytes read, the file being read)."""

    def add(self, n: int) -> None: ...

    def at(self, label: str) -> None: ...


class LocalCounters:
    """:class:`Counters` for readers in this process (threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bytes = 0
        self.current = ""

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n

    def at(self, label: str) -> None:
        with self.lock:
            self.current = label


@dataclass(frozen=True)
class ReadSettings:
    """What a reader needs besides the candidate (picklable)."""

    folder: Path
    """The import run's staging folder (the blob store's, renamed into place from there)."""
    content_root: Path | None
    """Where stored content is ``<root>/ab/<sha256>`` (content already there is not checked again)."""
    durable: bool
    """fsync new content before it is handed over (the store's choice)."""
    limits: Limits
    today: dt.date | None = None


@dataclass
class StagedFile:
    path: str
    """The attachment's path in the package, as ``dossier.json`` names it (normalised)."""
    staged: StagedBlob
    media_type: str
    new: bool = True
    """Not in the store yet (when it is: checked then, nothing to fsync now)."""


@dataclass
class Prepared:
    """One dossier read and checked: what the committing side needs, nothing more."""

    findings: list[Finding] = field(default_factory=list)
    number: str = ""
    title: str = ""
    content: dict[str, Any] | None = None
    """The revision's content (the cleaned document with each attachment's
    SHA-256, size and media type), canonical; None when the dossier is rejected."""
    digest: str = ""
    """SHA-256 of ``content``'s canonical JSON."""
    files: list[StagedFile] = field(default_factory=list)
    bytes: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.content is not None and self.ok_so_far()

    def ok_so_far(self) -> bool:
        return not any(f.is_error for f in self.findings)


def normalised(value: Any) -> Any:
    """:func:`canonical.normalise` for what ``json.loads`` makes, several times faster.

    Dictionaries, lists, strings, integers, booleans and None are handled
    here the same way; anything else (a float, ...) goes to ``canonical``.
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        return {k if type(k) is str else str(canonical.normalise(k)): normalised(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [normalised(v) for v in value]
    return canonical.normalise(value)


def content_digest(content: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                                     allow_nan=False).encode("utf-8")).hexdigest()


def prepare(
    candidate: Candidate,
    settings: ReadSettings,
    *,
    cancel: CancelLike,
    counters: Counters,
    exists: Callable[[str], bool] | None = None,
) -> Prepared:
    """Read and check one candidate; never raises (but :class:`Cancelled` → ``cancelled``).

    ``exists`` tells content already in the store (default: a file under
    ``settings.content_root``).  When the result is not ok, nothing it
    staged is left behind.
    """
    prep = Prepared(findings=list(candidate.findings))
    reader = _Reader(candidate, settings, prep, cancel, counters, exists)
    try:
        reader.read()
    except Cancelled:
        prep.cancelled = True
    except Exception as exc:  # noqa: BLE001 - never let one dossier stop the batch
        log.exception("preparing %s failed", candidate.label)
        prep.findings.append(error(candidate.label, "", "import.internal_error",
                                   reason=f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        reader.close()
        if candidate.package is not None:
            try:
                candidate.package.close()
            except Exception:  # noqa: BLE001
                pass
    if prep.cancelled or not prep.ok:
        discard_files(prep)
        prep.content = None
    return prep


def discard_files(prep: Prepared) -> None:
    for f in prep.files:
        discard(f.staged.temp_path)
    prep.files = []


class _Reader:
    def __init__(self, candidate: Candidate, settings: ReadSettings, prep: Prepared, cancel: CancelLike,
                 counters: Counters, exists: Callable[[str], bool] | None) -> None:
        self.cand = candidate
        self.settings = settings
        self.prep = prep
        self.cancel = cancel
        self.counters = counters
        self.exists = exists or self._file_exists
        self.open: dict[str, int] = {}
        """Staged new files still open (by name), for their fsync at the end of the dossier."""

    def _file_exists(self, sha256: str) -> bool:
        root = self.settings.content_root
        return root is not None and os.path.isfile(os.path.join(root, sha256[:2], sha256))

    def read(self) -> None:
        cand, prep, limits = self.cand, self.prep, self.settings.limits
        package = cand.package
        value = cand.document
        if package is None or (value is None and any(f.is_error for f in prep.findings)):
            return
        doc_file = cand.document_file
        if value is None:
            self.counters.at(cand.document_file)
            member, found = package.resolve(DOCUMENT_NAME)
            prep.findings.extend(found)
            if member is None:
                return
            doc_file = member.display
            if member.size > limits.max_document_bytes:
                prep.findings.append(error(doc_file, "", "intake.file_too_large", path=member.path,
                                           size=_mb(member.size), limit=_mb(limits.max_document_bytes)))
                return
            try:
                with package.open_member(member) as fh:
                    raw = fh.read(limits.max_document_bytes + 1)
            except READ_ERRORS as exc:
                prep.findings.append(error(doc_file, "", "intake.file_unreadable", path=member.path,
                                           reason=_reason(exc)))
                return
            self.counters.add(len(raw))
            if len(raw) > limits.max_document_bytes:
                prep.findings.append(error(doc_file, "", "intake.file_too_large", path=member.path,
                                           size=_mb(len(raw)), limit=_mb(limits.max_document_bytes)))
                return
            value, found = docmod.parse(raw, doc_file)
            prep.findings.extend(found)
            if found:
                return
        doc, found = docmod.validate(value, doc_file, limits, field_label=cand.field_label,
                                     today=self.settings.today)
        prep.findings.extend(found)
        if doc is None:
            return
        prep.number = doc.number
        prep.title = doc.title
        for spec in doc.attachments:
            self.attachment(spec)
        if self.cancel.is_set():
            raise Cancelled()
        if not prep.ok_so_far():
            return
        if self.settings.durable and not self.sync_new():
            return
        by_path = {f.path: f for f in prep.files}
        content = dict(doc.data)
        content["attachments"] = [
            {**a, "sha256": by_path[a["path"]].staged.sha256, "size": by_path[a["path"]].staged.size,
             "media_type": by_path[a["path"]].media_type}
            for a in doc.data.get("attachments", [])
        ]
        prep.content = normalised(content)
        prep.digest = content_digest(prep.content)

    def attachment(self, spec: docmod.AttachmentSpec) -> None:
        cand, prep, limits = self.cand, self.prep, self.settings.limits
        package = cand.package
        assert package is not None
        if self.cancel.is_set():
            raise Cancelled()
        valid_so_far = prep.ok_so_far()
        label = cand.field_label or _same
        field_name = label(spec.key_path + ".path")
        member, found = package.resolve(spec.path)
        prep.findings.extend(_with_field(found, field_name))
        if member is None:
            return
        claimed = sniff.claimed_type(spec.path) or ""
        if member.size > limits.max_file_bytes:
            prep.findings.append(error(member.display, field_name, "intake.file_too_large", path=spec.path,
                                       size=_mb(member.size), limit=_mb(limits.max_file_bytes)))
            return
        self.counters.at(member.display)
        if not valid_so_far:
            # The dossier is rejected anyway: look at the first bytes only.
            try:
                with package.open_member(member) as fh:
                    head = fh.read(sniff.HEAD_BYTES)
            except READ_ERRORS as exc:
                prep.findings.append(error(member.display, field_name, "intake.file_unreadable",
                                           path=spec.path, reason=_reason(exc)))
                return
            self.check_type(member.display, field_name, spec.path, claimed, head, len(head))
            return
        try:
            with package.open_member(member) as fh:
                staged, fd = stage_open(fh, self.settings.folder, max_bytes=limits.max_file_bytes,
                                        chunk_bytes=limits.chunk_bytes, on_bytes=self.counters.add,
                                        cancel=self.cancel)
        except BlobTooLarge as exc:
            prep.findings.append(error(member.display, field_name, "intake.file_too_large", path=spec.path,
                                       size=_mb(exc.size), limit=_mb(exc.limit)))
            return
        except READ_ERRORS as exc:
            prep.findings.append(error(member.display, field_name, "intake.file_unreadable", path=spec.path,
                                       reason=_reason(exc)))
            return
        handled = False
        try:
            handled = self._check_staged(spec, member, field_name, claimed, staged, fd)
        finally:
            if not handled:
                os.close(fd)

    def _check_staged(self, spec: docmod.AttachmentSpec, member: Any, field_name: str, claimed: str,
                      staged: StagedBlob, fd: int) -> bool:
        """Check a staged copy.  True when ``fd`` is taken care of (closed, or kept open for the
        fsync at the end of the dossier); False: the caller closes it."""
        prep, limits = self.prep, self.settings.limits
        prep.bytes += staged.size
        if member.size and staged.size != member.size:
            # The file changed (or the stick went away) while it was read.
            _close_and_discard(fd, staged)
            prep.findings.append(error(member.display, field_name, "intake.file_changed", path=spec.path,
                                       expected=member.size, got=staged.size))
            return True
        if not self.check_type(member.display, field_name, spec.path, claimed, staged.head, staged.size):
            _close_and_discard(fd, staged)
            return True
        known = self.exists(staged.sha256)  # stored before: checked then, nothing to sync
        if claimed == "application/pdf" and not known:
            result = sniff.check_pdf(staged.temp_path, repair_limit=limits.pdf_repair_bytes)
            if not result.ok:
                _close_and_discard(fd, staged)
                prep.findings.append(error(member.display, field_name, "intake.pdf_broken", path=spec.path,
                                           reason=result.reason))
                return True
        prep.files.append(StagedFile(spec.path, staged, claimed, new=not known))
        if known:
            return False
        self._fan_out(staged.sha256)
        if not self.settings.durable:
            return False
        start_writeback(fd)  # so the fsync after the last file mostly finds the work done
        if len(self.open) >= MAX_OPEN_FILES:
            return False  # fsynced by name at the end
        self.open[os.fspath(staged.temp_path)] = fd
        return True

    def sync_new(self) -> bool:
        """fsync the new content staged for this dossier; False (and a finding) when that fails."""
        package = self.cand.package
        for f in self.prep.files:
            if not f.new:
                continue
            fd = self.open.pop(os.fspath(f.staged.temp_path), None)
            try:
                if fd is None:
                    fsync_file(f.staged.temp_path)
                else:
                    os.fsync(fd)
            except OSError as exc:
                self.prep.findings.append(error(package.display(f.path) if package else f.path, "",
                                                "import.store_failed", reason=_reason(exc)))
                return False
            finally:
                if fd is not None:
                    os.close(fd)
        return True

    def close(self) -> None:
        """Close what is still open (before anything is removed: Windows refuses to remove open files)."""
        fds, self.open = list(self.open.values()), {}
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def _fan_out(self, sha256: str) -> None:
        """Make the store's folder for this content now, off the committing thread.

        Creating a folder costs up to a few milliseconds on a busy disk; the
        committing thread would otherwise do it inside its transaction.  An
        empty folder is no stray file (the store may hold 256 of them).
        """
        root = self.settings.content_root
        if root is None:
            return
        folder = os.path.join(root, sha256[:2])
        if folder in _FOLDERS_MADE:
            return
        try:
            os.mkdir(folder)
        except FileExistsError:
            pass
        except OSError:
            return  # the committing thread will try again (and report what fails)
        _FOLDERS_MADE.add(folder)

    def check_type(self, display: str, field_name: str, path: str, claimed: str, head: bytes, size: int) -> bool:
        prep = self.prep
        if size == 0:
            prep.findings.append(error(display, field_name, "intake.file_empty", path=path))
            return False
        actual = sniff.sniff(head)
        if actual != claimed:
            prep.findings.append(error(display, field_name, "intake.content_mismatch", path=path,
                                       claimed=sniff.describe(claimed),
                                       actual=sniff.describe(actual) if actual else "?"))
            return False
        return True


def _close_and_discard(fd: int, staged: StagedBlob) -> None:
    os.close(fd)
    discard(staged.temp_path)


def _same(key: str) -> str:
    return key


def _with_field(findings: list[Finding], field_name: str) -> list[Finding]:
    return [Finding(f.severity, f.file, f.field or field_name, f.message_id, f.params, f.line) for f in findings]


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f}"


# -- in a worker process ------------------------------------------------------------

LABEL_BYTES = 1024
"""Room for the name of the file being read, shared with the committing process."""


class SharedCounters:
    """:class:`Counters` in shared memory, read by the process that started the worker."""

    def __init__(self, total: Any, label: Any) -> None:
        self.total = total  # multiprocessing Value("q")
        self.label = label  # multiprocessing Array("c", LABEL_BYTES)

    def add(self, n: int) -> None:
        with self.total.get_lock():
            self.total.value += n

    def at(self, label: str) -> None:
        raw = label.encode("utf-8")[: LABEL_BYTES - 1]
        with self.label.get_lock():
            self.label.value = raw


def worker_main(tasks: Any, results: Any, cancel: Any, total: Any, label: Any, settings: ReadSettings) -> None:
    """The loop of an import worker process (started by the import service).

    Tasks arrive on ``tasks`` as ``(task id, pickled candidate)``; each
    result goes back on ``results`` as ``(task id, Prepared)``, or
    ``(task id, None, reason)`` when the candidate could not even be
    unpickled; the first message is ``("ready", pid)`` and ``None`` ends the
    loop.  A thread keeps reading ``tasks`` so that the sender never waits
    for this process to finish a dossier.
    """
    # Ctrl+C in a terminal reaches every process of the group: the importer cancels, the workers
    # carry on until told (a traceback from each would only hide the importer's own message).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    counters = SharedCounters(total, label)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:
        try:
            while True:
                message = tasks.recv()
                inbox.put(message)
                if message is None:
                    return
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=receive, name="oaoi-import-tasks", daemon=True).start()
    try:
        results.send(("ready", os.getpid()))
    except (OSError, ValueError):
        return  # the import ended before this worker had started
    while True:
        message = inbox.get()
        if message is None:
            break
        task_id, payload = message
        try:
            candidate = pickle.loads(payload)
        except Exception as exc:  # noqa: BLE001 - told to the sender, who reads it itself
            reply: tuple[Any, ...] = (task_id, None, f"{type(exc).__name__}: {exc}"[:300])
        else:
            reply = (task_id, prepare(candidate, settings, cancel=cancel, counters=counters))
        try:
            results.send(reply)
        except (OSError, ValueError):
            break  # the sender has gone


def _bare_main() -> types.ModuleType:
    return types.ModuleType("__main__")


class WorkerProcess(multiprocessing.context.SpawnProcess):
    """A spawned worker that does not run the program's main module again.

    Defined here, not in the import service, because the child unpickles
    this class: its module is what the child imports before anything else.

    ``spawn`` normally re-imports the parent's ``__main__`` in the child (so
    functions defined there can be found).  The workers need nothing from it
    — what they run lives in :mod:`.import_reader` — and for the app it is
    expensive (``oaoi-desktop`` imports Qt: 2 s and 140 MB per worker), and
    for a script without a ``__main__`` guard it would run the script again.
    While the child's start-up data is written, ``sys.modules["__main__"]``
    is a bare module, so the child is told of no main module at all.
    """

    @staticmethod
    def _Popen(process_obj):  # type: ignore[no-untyped-def]  # noqa: N802 - multiprocessing's name
        with _MAIN_LOCK:
            real = sys.modules.get("__main__")
            sys.modules["__main__"] = _bare_main()
            try:
                return multiprocessing.context.SpawnProcess._Popen(process_obj)
            finally:
                if real is not None:
                    sys.modules["__main__"] = real


class WorkerContext(multiprocessing.context.SpawnContext):
    Process = WorkerProcess


_MAIN_LOCK = threading.Lock()


__all__ = [
    "WorkerContext", "Prepared", "StagedFile", "ReadSettings", "Counters", "LocalCounters", "SharedCounters", "prepare",
    "worker_main", "discard_files", "content_digest", "normalised", "READ_ERRORS",
]
