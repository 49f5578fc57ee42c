"""The typed registry of every GUI setting, over QSettings.

Every setting is declared once, here, with its key, its default and what it
is for (in the spirit of MusicBrainz Picard's ``picard/config.py``).  Code
reads and writes settings only through the declared :class:`Setting`
objects, so a typo is an ``AttributeError`` rather than a silently new key,
and a value that cannot be read back (a damaged file, an old format) gives
the default instead of an exception.

Only preferences of this installation live here (language, window layout).
Event data lives in the database, never in QSettings.

Where the file is: :meth:`Settings.open` uses ``$OAOI_HOME/settings.ini``
when ``OAOI_HOME`` is set (tests, portable installs), else the platform's
user-scope INI location for organisation and application ``oaoi-desktop``
(``~/.config/oaoi-desktop/oaoi-desktop.ini`` on Linux,
``%APPDATA%\\oaoi-desktop\\oaoi-desktop.ini`` on Windows), which
``QSettings.setPath(IniFormat, UserScope, folder)`` redirects.  Tests may
also pass an explicit ``path``.

Adding a setting::

    READER_SPLITTER = declare("ui/reader_splitter", QByteArray(), "Splitter sizes of the reader")
    ...
    splitter.restoreState(settings.value(READER_SPLITTER))
    settings.set_value(READER_SPLITTER, splitter.saveState())
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from oaoi_desktop import APP_NAME, i18n

T = TypeVar("T")

_SUPPORTED_TYPES = (str, bool, int, float, QByteArray, list)


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One declared setting: its QSettings key, default and meaning.

    ``choices``, when given, lists the only acceptable values; anything else
    read from the file gives the default, and writing it raises ``ValueError``.
    A ``list`` setting holds strings.
    """

    key: str
    default: T
    doc: str
    choices: tuple[T, ...] | None = None

    @property
    def type(self) -> type:
        return type(self.default)

    def default_value(self) -> T:
        """A fresh copy of the default (QByteArray and list are mutable)."""
        if isinstance(self.default, QByteArray):
            return cast(T, QByteArray(self.default))
        if isinstance(self.default, list):
            return cast(T, list(self.default))
        return self.default

    def convert(self, raw: Any) -> T:
        """The value read from QSettings as this setting's type, or the default."""
        if raw is None:
            return self.default_value()
        kind = self.type
        try:
            value: Any
            if kind is bool:
                if isinstance(raw, bool):
                    value = raw
                elif str(raw).strip().lower() in ("true", "1", "yes", "on"):
                    value = True
                elif str(raw).strip().lower() in ("false", "0", "no", "off"):
                    value = False
                else:
                    return self.default_value()
            elif kind is int:
                value = int(raw)
            elif kind is float:
                value = float(raw)
            elif kind is str:
                if isinstance(raw, (list, tuple, QByteArray, bytes)):
                    return self.default_value()
                value = str(raw)
            elif kind is QByteArray:
                if isinstance(raw, QByteArray):
                    value = QByteArray(raw)
                elif isinstance(raw, (bytes, bytearray)):
                    value = QByteArray(bytes(raw))
                else:
                    return self.default_value()
            elif kind is list:
                # INI files give back a plain string for a one-element list.
                if isinstance(raw, str):
                    value = [raw] if raw else []
                elif isinstance(raw, Sequence):
                    value = [str(v) for v in raw]
                else:
                    return self.default_value()
            else:  # pragma: no cover - declare() refuses other types
                return self.default_value()
        except (TypeError, ValueError):
            return self.default_value()
        if self.choices is not None and value not in self.choices:
            return self.default_value()
        return cast(T, value)

    def check(self, value: Any) -> None:
        """Raise ``TypeError``/``ValueError`` unless ``value`` may be stored."""
        kind = self.type
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if kind is list:
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not ok:
            raise TypeError(f"setting {self.key!r} takes {kind.__name__}, not {type(value).__name__}")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"setting {self.key!r} must be one of {self.choices!r}, not {value!r}")


REGISTRY: dict[str, Setting[Any]] = {}
"""Every declared setting by key."""


def declare(key: str, default: T, doc: str, *, choices: Sequence[T] | None = None) -> Setting[T]:
    """Declare a setting once; a second declaration of the same key raises."""
    if key in REGISTRY:
        raise ValueError(f"setting {key!r} is declared twice")
    if not isinstance(default, _SUPPORTED_TYPES):
        raise TypeError(f"setting {key!r}: unsupported type {type(default).__name__}")
    setting = Setting(key, default, doc, tuple(choices) if choices is not None else None)
    if setting.choices is not None and default not in setting.choices:
        raise ValueError(f"setting {key!r}: default {default!r} is not one of its choices")
    REGISTRY[key] = setting
    return setting


# -- the settings ------------------------------------------------------------

LANGUAGE = declare(
    "ui/language",
    i18n.DEFAULT_LANGUAGE,
    "Language of the user interface: 'id' (Bahasa Indonesia, the default) or 'en'.",
    choices=i18n.SUPPORTED_LANGUAGES,
)
MAIN_WINDOW_GEOMETRY = declare(
    "ui/main_window_geometry",
    QByteArray(),
    "QMainWindow.saveGeometry() of the main window, restored at start-up.",
)
MAIN_WINDOW_STATE = declare(
    "ui/main_window_state",
    QByteArray(),
    "QMainWindow.saveState() of the main window (tool bars, docks).",
)
READER_SPLITTER = declare(
    "ui/reader_splitter",
    QByteArray(),
    "QSplitter.saveState() of the dossier reader (text beside attachments).",
)
DOSSIER_BROWSER_SPLITTER = declare(
    "ui/dossier_browser_splitter",
    QByteArray(),
    "QSplitter.saveState() of the secretariat's dossier browser (the list beside the reader).",
)
JUDGE_LAST_EVENT = declare(
    "ui/judge_last_event",
    "",
    "Id of the evaluation event chosen last on the judge sign-in screen (preselected next time).",
)
JUDGE_QUEUE_SPLITTER = declare(
    "ui/judge_queue_splitter",
    QByteArray(),
    "QSplitter.saveState() of the judge workspace: the queue beside the open dossier.",
)
JUDGE_READER_FORM_SPLITTER = declare(
    "ui/judge_reader_form_splitter",
    QByteArray(),
    "QSplitter.saveState() of the judge workspace: the dossier reader beside the score form.",
)

# [trust, issue 8] automatic rotating backups while the app runs
AUTO_BACKUP_MINUTES = declare(
    "trust/auto_backup_minutes",
    10,
    "Minutes between automatic database backups while the app runs (only when the database changed; 0: off).",
)
AUTO_BACKUP_KEEP = declare(
    "trust/auto_backup_keep",
    10,
    "How many automatic database backups to keep (the oldest are deleted).",
)

# [gui, issue 12] the idle lock
IDLE_LOCK_MINUTES = declare(
    "ui/idle_lock_minutes",
    10.0,
    "Minutes without keyboard or mouse input after which the window locks and asks the signed-in "
    "person's PIN again (fractions allowed; 0 or less: the default).",
)

# -- the store ---------------------------------------------------------------


class Settings:
    """Reads and writes declared settings in one QSettings store."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qsettings = qsettings

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Settings":
        """The settings at ``path`` (an INI file), or at :meth:`default_path`."""
        if path is None:
            path = cls.default_path()
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            return cls(QSettings(str(path), QSettings.Format.IniFormat))
        return cls(
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
        )

    @staticmethod
    def default_path() -> Path | None:
        """``$OAOI_HOME/settings.ini`` when OAOI_HOME is set, else None (QSettings decides)."""
        home = os.environ.get("OAOI_HOME")
        return Path(home) / "settings.ini" if home else None

    @property
    def file_name(self) -> str:
        return self._qsettings.fileName()

    @property
    def qsettings(self) -> QSettings:
        return self._qsettings

    @staticmethod
    def _declared(setting: Setting[Any]) -> None:
        if REGISTRY.get(setting.key) is not setting:
            raise KeyError(f"setting {setting.key!r} is not declared in oaoi_desktop.ui.settings")

    def value(self, setting: Setting[T]) -> T:
        """The stored value, or the default when unset or unreadable."""
        self._declared(setting)
        return setting.convert(self._qsettings.value(setting.key))

    def set_value(self, setting: Setting[T], value: T) -> None:
        self._declared(setting)
        setting.check(value)
        self._qsettings.setValue(setting.key, value)

    def contains(self, setting: Setting[Any]) -> bool:
        self._declared(setting)
        return self._qsettings.contains(setting.key)

    def reset(self, setting: Setting[Any]) -> None:
        """Forget the stored value: the default applies again."""
        self._declared(setting)
        self._qsettings.remove(setting.key)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qsettings.sync()


__all__ = [
    "DOSSIER_BROWSER_SPLITTER",
    "IDLE_LOCK_MINUTES",
    "JUDGE_LAST_EVENT",
    "JUDGE_QUEUE_SPLITTER",
    "JUDGE_READER_FORM_SPLITTER",
    "LANGUAGE",
    "MAIN_WINDOW_GEOMETRY",
    "MAIN_WINDOW_STATE",
    "READER_SPLITTER",
    "REGISTRY",
    "Setting",
    "Settings",
    "declare",
]
