"""The app's log file: rotating, in the data folder, and never holding a secret.

:func:`install` (called by the GUI at start-up) writes the root logger to
``<data folder>/logs/oaoi-desktop.log``, rotated at :data:`MAX_BYTES` with
:data:`BACKUPS` old files kept, so a long venue day never fills a laptop.

Nothing written there may hold a PIN, a passphrase or a recovery code.  Two
guards, both in :class:`RedactingFormatter` (applied to the whole formatted
record, traceback included):

* every secret the app has just hashed or checked
  (:func:`remember_secret`, called by ``services.accounts.hash_secret`` and
  ``verify_secret``) is replaced by ``***`` wherever it appears;
* ``pin=...``, ``passphrase: ...``, ``recovery_code=...``, ``kode pemulihan ...``
  and similar named values are replaced even when the value was never seen.

Pure Python (no Qt): the CLI may use it too.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections import deque
from pathlib import Path

from oaoi_desktop import config

LOG_NAME = "oaoi-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
MASK = "***"
MIN_SECRET_LENGTH = 4
"""Shorter values are not remembered: masking every "12" in a log helps nobody."""

_recent: deque[str] = deque(maxlen=64)
_lock = threading.Lock()

_NAMED = re.compile(
    r"(?i)\b(pin|pins|passphrase|password|passwd|secret|new_secret|recovery[_ ]?code|kode[_ ]pemulihan"
    r"|frasa[_ ]sandi|kata[_ ]sandi)(\s*[=:]\s*|\s+)(['\"]?)([^\s'\",;)}\]]+)"
)


def remember_secret(secret: str | None) -> None:
    """Mask ``secret`` in everything logged from now on (the 64 most recent are kept)."""
    if not secret:
        return
    value = secret.strip()
    if len(value) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if value in _recent:
            return
        _recent.append(value)
        compact = value.replace("-", "").replace(" ", "")  # a recovery code typed without its dashes
        if compact != value and len(compact) >= MIN_SECRET_LENGTH and compact not in _recent:
            _recent.append(compact)


def redact(text: str) -> str:
    """``text`` with remembered secrets and named secret values replaced by ``***``."""
    with _lock:
        known = sorted(_recent, key=len, reverse=True)
    for value in known:
        if value in text:
            text = text.replace(value, MASK)
    return _NAMED.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{MASK}", text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message, arguments and traceback) passes :func:`redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir() -> Path:
    path = config.data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    """Where the log file is (shown to the user by the crash dialog)."""
    return log_dir() / LOG_NAME


class RotatingLog(logging.FileHandler):
    """A log file rotated at ``maxBytes``, keeping ``backupCount`` old files (``.1`` newest).

    What ``logging.handlers.RotatingFileHandler`` does for a file, without importing
    ``logging.handlers`` (its network handlers pull ``socket``, ``pickle`` and ``queue``:
    about 10 ms of the start-up, issue 14).  Opened on the first record; a record that
    cannot be written goes to ``handleError`` like any handler's, never to the user.
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.maxBytes = max_bytes
        self.backupCount = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.maxBytes > 0:
                if self.stream is None:
                    self.stream = self._open()
                if self.stream.tell() + len(self.format(record)) + 1 >= self.maxBytes and self.stream.tell() > 0:
                    self.rollover()
        except Exception:  # noqa: BLE001 - logging never raises into the app
            self.handleError(record)
            return
        super().emit(record)

    def rollover(self) -> None:
        """``x.log`` -> ``x.log.1`` -> ... -> ``x.log.N``; the oldest beyond N is deleted."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        for i in range(self.backupCount - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        if self.backupCount > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def install(level: int = logging.INFO, path: Path | None = None) -> logging.Handler:
    """Send the root logger to the rotating log file (once; again only replaces it)."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "oaoi_log", False)]:
        root.removeHandler(old)
        old.close()
    handler = RotatingLog(path, max_bytes=MAX_BYTES, backups=BACKUPS)
    handler.oaoi_log = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter(_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return handler


def uninstall() -> None:
    """Remove the handler :func:`install` added (tests)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "oaoi_log", False)]:
        root.removeHandler(old)
        old.close()


__all__ = ["BACKUPS", "LOG_NAME", "MAX_BYTES", "RedactingFormatter", "RotatingLog", "install", "log_dir",
           "log_path",
           "redact", "remember_secret", "uninstall"]
