"""Where things live on this machine: data folder, default database, device id.

``OAOI_HOME`` moves the whole data folder (used by tests and portable
installs); ``OAOI_DB`` or ``--db`` names another database.  The data folder
defaults to the platform's user data directory (platformdirs), so the same
code works on Windows and Linux.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import platformdirs

from oaoi_desktop import APP_NAME


def data_dir() -> Path:
    """The folder for the default database, backups and the device id."""
    home = os.environ.get("OAOI_HOME")
    path = Path(home) if home else platformdirs.user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "oaoi.sqlite"


def normalise_db_url(value: str) -> str:
    """Accept a URL (``sqlite:///...``, ``postgresql://...``), a LAN seat file, or a plain path."""
    if "://" in value:
        _check_db_scheme(value)
        return value
    from oaoi_desktop.store.seat_file import read_seat_file  # [lan] ``--db seat-ani.oaoi-lan``: the URL inside

    seat_url = read_seat_file(Path(value).expanduser())
    if seat_url is not None:
        return seat_url
    return "sqlite:///" + str(Path(value).expanduser().resolve())


SUPPORTED_DB_SCHEMES = ("sqlite", "postgresql", "postgres")


def _check_db_scheme(url: str) -> None:
    """Only SQLite and PostgreSQL stores exist: ``mysql://...`` is a clear message, not a traceback."""
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
    if scheme not in SUPPORTED_DB_SCHEMES:
        from oaoi_desktop.errors import ValidationError

        raise ValidationError("identity.db_scheme", scheme=scheme[:40], supported="sqlite:///FILE, postgresql://USER@HOST/DB")


def resolve_db_url(explicit: str | None = None) -> str:
    """``--db`` wins, then ``OAOI_DB``, then the default file."""
    if explicit:
        return normalise_db_url(explicit)
    env = os.environ.get("OAOI_DB")
    if env:
        return normalise_db_url(env)
    return normalise_db_url(str(default_db_path()))


def device_id() -> uuid.UUID:
    """This installation's id, made once and kept in the data folder.

    Every row this laptop creates carries it where provenance matters, so data
    made on several laptops merges without collisions.
    """
    path = data_dir() / "device-id"
    known = _DEVICE_IDS.get(path)
    if known is not None:  # read once per data folder: every audit entry asks
        return known
    try:
        found = uuid.UUID(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        found = uuid.uuid4()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(str(found), encoding="ascii")
        os.replace(tmp, path)
    _DEVICE_IDS[path] = found
    return found


_DEVICE_IDS: dict[Path, uuid.UUID] = {}


def saved_language() -> str | None:
    """The language chosen in the app (setting ``ui/language``), if any.

    The CLI speaks the same language as the app; ``OAOI_LANG`` or ``--lang``
    override it.  The file is the one the app's settings registry uses
    (``$OAOI_HOME/settings.ini``, else the per-user INI file); reading it
    needs only QtCore, no display.
    """
    try:
        from PySide6.QtCore import QSettings

        home = os.environ.get("OAOI_HOME")
        if home:
            qs = QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
        else:
            qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
        value = qs.value("ui/language")
    except Exception:  # noqa: BLE001 - settings are a convenience here
        return None
    return value if isinstance(value, str) else None
