"""Panel packages: the format's names and values, and opening a package with its passphrase.

See :mod:`oaoi_desktop.services.exchange.packages` for the format.
"""

from __future__ import annotations

import base64
import json
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oaoi_desktop.errors import NotFoundError, OaoiError, ValidationError
from oaoi_desktop.services.exchange import crypto


FORMAT = "oaoi-panel-package"
FORMAT_VERSION = 1
HEADER = "oaoi-package.json"
OBJECTS = "objects"
MIN_PASSPHRASE = 8
ACCEPTED_KDF = frozenset({(crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P), (2**16, 8, 1), (2**17, 8, 1)})
"""scrypt (n, r, p) a package header may name: what this app writes, and two stronger settings a later
version may write (at most 128 MiB and about a second).  Anything else is refused at once."""
OBJECT_NAME = re.compile(r"[0-9a-f]{64}")

Progress = Callable[[int, int], None]
"""``progress(bytes_done, bytes_total)``."""


class Cancelled(OaoiError):
    def __init__(self) -> None:
        super().__init__("exchange.cancelled")


@dataclass(frozen=True)
class PackageExport:
    out_dir: Path
    package_id: uuid.UUID
    generation: int
    event_name: str
    judge_name: str
    dossiers: int
    files: int
    bytes_written: int
    bytes_reused: int
    sheets: int


@dataclass
class PackageImport:
    source: Path
    package_id: uuid.UUID
    generation: int
    event_id: uuid.UUID
    event_name: str
    judge_id: uuid.UUID
    judge_name: str
    dossiers_added: int = 0
    dossiers_updated: int = 0
    assignments_added: int = 0
    assignments_removed: int = 0
    files_added: int = 0
    sheets_added: int = 0
    sheets_updated: int = 0
    sheets_kept: int = 0
    """The laptop's own sheet was newer (or diverged): kept, never overwritten."""
    sheets_reopened: int = 0
    """Submitted sheets made drafts again by an unlock the event's authority signed."""
    first_time: bool = True
    notes: list[str] = field(default_factory=list)


# -- helpers -------------------------------------------------------------------------------
def check_passphrase(passphrase: str | None) -> str:
    if not passphrase or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise ValidationError("exchange.passphrase_too_short", min=MIN_PASSPHRASE)
    from oaoi_desktop import passphrase_policy

    passphrase_policy.check_passphrase(passphrase, "passphrase")  # 12 characters or 4 words, not a common one
    return passphrase


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, what: str, source: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError):
        raise ValidationError("exchange.package_damaged", path=source, detail=what) from None


def write_temp(target: Path, write: Callable[[Any], None]) -> Path:
    """Write to a temporary name beside ``target`` (not yet renamed); removed again on failure."""
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        with open(temp, "wb") as fh:
            write(fh)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    return temp


def _fsync_one(path: Path) -> None:
    with open(path, "r+b") as fh:  # writable: Windows' _commit needs it
        os.fsync(fh.fileno())


def fsync_all(paths: list[Path]) -> None:
    """fsync many files side by side (the drive's journal commits them together)."""
    if not paths:
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="oaoi-fsync") as pool:
        list(pool.map(_fsync_one, paths))


def object_path(root: Path, name: str) -> Path:
    return root / OBJECTS / name


def sealed_size(size: int) -> int:
    """Bytes of an object holding ``size`` plaintext bytes."""
    chunks = max(1, -(-size // crypto.CHUNK))
    return len(crypto.MAGIC) + crypto.SALT_BYTES + size + chunks * crypto.TAG


def find_header(path: Path) -> Path | None:
    """The package header at ``path`` (a package folder, or the header file itself), else None."""
    path = Path(path)
    candidate = path if path.is_file() and path.name == HEADER else path / HEADER
    if not candidate.is_file():
        return None
    try:
        if candidate.stat().st_size > 64 * 1024:
            return None
        doc = json.loads(candidate.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return candidate if isinstance(doc, dict) and doc.get("format") == FORMAT else None


def is_panel_package(path: Path | str) -> bool:
    """Is ``path`` a panel package folder (or its header file)?  Cheap; reads only the header."""
    try:
        return find_header(Path(path)) is not None
    except OSError:
        return False


@dataclass(frozen=True)
class OpenedPackage:
    root: Path
    keys: crypto.Keys
    salt: bytes
    manifest: dict[str, Any]


def _read_header(header: Path) -> dict[str, Any]:
    source = str(header.parent)
    try:
        doc = json.loads(header.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        raise ValidationError("exchange.package_damaged", path=source, detail=HEADER) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError("exchange.not_a_package", path=source)
    if doc.get("format_version") != FORMAT_VERSION:
        raise ValidationError("exchange.package_version", path=source, version=doc.get("format_version"),
                              supported=FORMAT_VERSION)
    return doc


def open_package(path: Path | str, passphrase: str) -> OpenedPackage:
    """Decrypt and check a package's manifest (wrong passphrase: ``exchange.wrong_passphrase``)."""
    path = Path(path)
    header_path = find_header(path)
    if header_path is None:
        if not path.exists():
            raise NotFoundError("exchange.no_such_path", path=str(path))
        raise ValidationError("exchange.not_a_package", path=str(path))
    doc = _read_header(header_path)
    root = header_path.parent
    source = str(root)
    kdf = doc.get("kdf") or {}
    try:
        salt = unb64(kdf.get("salt"), "kdf.salt", source)
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        manifest_name = str(doc["manifest"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError("exchange.package_damaged", path=source, detail="kdf") from None
    if not OBJECT_NAME.fullmatch(manifest_name):
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest")
    if kdf.get("name") != "scrypt" or (n, r, p) not in ACCEPTED_KDF or isinstance(kdf.get("n"), bool):
        # [issue 13] refused before any work: a header is not trusted to choose how much memory and time to spend
        raise ValidationError("exchange.package_kdf_refused", path=str(header_path), name=str(kdf.get("name")),
                              n=n, r=r, p=p)
    keys = crypto.derive_keys(passphrase, salt, n=n, r=r, p=p)
    target = object_path(root, manifest_name)
    if not target.is_file():
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest")
    try:
        data = crypto.decrypt_file(keys, manifest_name, target)
    except crypto.DecryptionFailed:
        raise ValidationError("exchange.wrong_passphrase", path=source) from None
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValidationError("exchange.package_damaged", path=source, detail="manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ValidationError("exchange.package_version", path=source, version=manifest.get("format_version"),
                              supported=FORMAT_VERSION)
    return OpenedPackage(root=root, keys=keys, salt=salt, manifest=manifest)
