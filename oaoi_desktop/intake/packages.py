"""Dossier packages and opening their files safely.

A :class:`Package` resolves the relative paths that ``dossier.json`` names:
never outside the package (no ``..``, no absolute path, no drive letter, no
symlink that leads out), only regular files (a FIFO would block the import).
ZIPs are inspected from their central directory (:func:`inspect_zip`: entry
names, sizes, compression ratios, symlinks) and refused whole when hostile.
A :class:`Candidate` is one dossier to import; :mod:`.sources` finds them and
:mod:`.spreadsheet` makes them from the rows of a dossier list.
"""

from __future__ import annotations

import os
import stat
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from oaoi_desktop.intake import paths
from oaoi_desktop.intake.findings import Finding, error, warning
from oaoi_desktop.intake.limits import Limits

DOCUMENT_NAME = "dossier.json"
_S_IFLNK = 0o120000
_REPARSE_POINT = 0x400
"""``FILE_ATTRIBUTE_REPARSE_POINT``: a Windows junction or link (``os.lstat`` does not call them links)."""


@dataclass(frozen=True)
class Member:
    """A file of a package, resolved and checked."""

    path: str
    """Normalised relative path as ``dossier.json`` names it (after case repair)."""
    display: str
    """What messages show (``usulan-01.zip/lampiran/sk.pdf``)."""
    size: int
    locator: Any
    """Where to open it (a real path, or a ZIP entry name)."""


class Package(ABC):
    """A dossier folder or ZIP (or the folder a spreadsheet row points into)."""

    label: str

    def display(self, rel: str) -> str:
        return f"{self.label}/{rel}" if self.label else rel

    @abstractmethod
    def resolve(self, rel: str) -> tuple[Member | None, list[Finding]]:
        """The member at ``rel`` or the findings that say why there is none.

        ``field`` of the findings is left empty: the caller knows which field
        named the path and fills it in.
        """

    @abstractmethod
    def open_member(self, member: Member) -> IO[bytes]:
        """A binary stream of the member's bytes (raises OSError)."""

    def close(self) -> None:  # noqa: B027 - optional
        pass


class FolderPackage(Package):
    """Files under a real folder; symlinks may not lead out of it."""

    def __init__(self, root: Path, label: str) -> None:
        self.root = root
        self.label = label
        self._real_root = os.path.realpath(root)

    def _case_repair(self, rel: str) -> str | None:
        """The unique existing path matching ``rel`` without regard to case."""
        current = self.root
        found = []
        for part in rel.split("/"):
            try:
                names = os.listdir(current)
            except OSError:
                return None
            matches = [n for n in names if n.casefold() == part.casefold()]
            if len(matches) != 1:
                return None
            found.append(matches[0])
            current = current / matches[0]
        return "/".join(found)

    def _plain(self, norm: str) -> Member | None:
        """The member at ``norm`` when no part of the path under the root is a link.

        The quick case: one ``lstat`` per path part instead of resolving the
        whole absolute path (``realpath``); with no link (nor junction) below
        the root, the real path is the root's real path joined with ``norm``.
        None sends the caller the long way (links, wrong case, missing).
        """
        current = os.fspath(self.root)
        st = None
        for part in norm.split("/"):
            current = os.path.join(current, part)
            try:
                st = os.lstat(current)
            except OSError:
                return None
            if stat.S_ISLNK(st.st_mode) or getattr(st, "st_file_attributes", 0) & _REPARSE_POINT:
                return None
        if st is None or not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            return None
        return Member(norm, self.display(norm), st.st_size, os.path.join(self._real_root, *norm.split("/")))

    def resolve(self, rel: str) -> tuple[Member | None, list[Finding]]:
        try:
            norm = paths.normalise(rel)
        except paths.UnsafePath as exc:
            return None, [error(self.display(str(rel)), "", exc.message_id, path=str(rel))]
        plain = self._plain(norm)
        if plain is not None:
            return plain, []
        findings: list[Finding] = []
        full = self.root.joinpath(*norm.split("/"))
        if not os.path.lexists(full):
            repaired = self._case_repair(norm)
            if repaired is None:
                return None, [error(self.display(norm), "", "intake.file_missing", path=norm)]
            findings.append(warning(self.display(repaired), "", "intake.path_case_differs",
                                    path=norm, actual=repaired))
            norm = repaired
            full = self.root.joinpath(*norm.split("/"))
        real = os.path.realpath(full)
        try:
            inside = os.path.commonpath([self._real_root, real]) == self._real_root
        except ValueError:  # another drive on Windows
            inside = False
        if not inside:
            return None, findings + [error(self.display(norm), "", "intake.symlink_outside", path=norm)]
        try:
            st = os.stat(real)
        except OSError as exc:
            return None, findings + [error(self.display(norm), "", "intake.file_unreadable",
                                           path=norm, reason=exc.strerror or str(exc))]
        if not stat.S_ISREG(st.st_mode):
            return None, findings + [error(self.display(norm), "", "intake.not_a_file", path=norm)]
        if st.st_nlink > 1:  # a hard link: its other name may lie anywhere, outside the folder included
            return None, findings + [error(self.display(norm), "", "identity.hard_link", path=norm,
                                           links=st.st_nlink)]
        return Member(norm, self.display(norm), st.st_size, real), findings

    def open_member(self, member: Member) -> IO[bytes]:
        return open(member.locator, "rb", buffering=0)


@dataclass(frozen=True)
class ZipLayout:
    """What :func:`inspect_zip` learnt from a ZIP's central directory."""

    prefixes: tuple[str, ...]
    names: dict[str, str]
    """Normalised entry name → the entry's name in the archive."""
    sizes: dict[str, int]
    """Normalised entry name → declared uncompressed size."""
    total_bytes: int
    findings: tuple[Finding, ...]


def inspect_zip(path: Path, label: str, limits: Limits, *, documents: bool = True) -> ZipLayout:
    """Check a ZIP before reading any of its contents; find its dossiers.

    Refused (findings with ERROR) when: not a ZIP; too many entries; an entry
    name that is absolute, has a drive letter or ``..``; a symlink entry; an
    encrypted entry; two entries with the same name; an entry or the whole
    archive inflating beyond the caps (size, ratio).
    """
    findings: list[Finding] = []
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        return ZipLayout((), {}, {}, 0, (error(label, "", "intake.zip_invalid", reason=str(exc) or type(exc).__name__),))
    if len(infos) > limits.max_zip_entries:
        return ZipLayout((), {}, {}, 0, (error(label, "", "intake.zip_too_many_entries",
                                           count=len(infos), limit=limits.max_zip_entries),))
    try:
        archive_size = path.stat().st_size
    except OSError:
        archive_size = 0
    names: dict[str, str] = {}
    sizes: dict[str, int] = {}
    total = 0
    for info in infos:
        raw = info.filename
        if raw.startswith("__MACOSX/") or raw.endswith("/"):
            if raw.endswith("/"):
                try:
                    paths.normalise(raw)
                except paths.UnsafePath as exc:
                    findings.append(error(label, raw, exc.message_id, path=raw))
            continue
        try:
            norm = paths.normalise(raw)
        except paths.UnsafePath as exc:
            findings.append(error(label, raw, exc.message_id, path=raw))
            continue
        if (info.external_attr >> 16) & 0o170000 == _S_IFLNK:
            findings.append(error(label, raw, "intake.zip_symlink", path=raw))
            continue
        if info.flag_bits & 0x1:
            findings.append(error(label, raw, "intake.zip_encrypted", path=raw))
            continue
        if norm in names:
            findings.append(error(label, raw, "intake.zip_duplicate_entry", path=raw))
            continue
        if info.file_size > limits.max_file_bytes:
            findings.append(error(label, raw, "intake.file_too_large", path=raw,
                                  size=_mb(info.file_size), limit=_mb(limits.max_file_bytes)))
            continue
        if (info.file_size > limits.zip_ratio_floor_bytes
                and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1)):
            findings.append(error(label, raw, "intake.zip_bomb_entry", path=raw,
                                  ratio=info.file_size // max(info.compress_size, 1), limit=limits.max_zip_ratio))
            continue
        names[norm] = raw
        sizes[norm] = info.file_size
        total += info.file_size
    if total > limits.max_zip_total_bytes:
        findings.append(error(label, "", "intake.zip_too_large", size=_mb(total), limit=_mb(limits.max_zip_total_bytes)))
    elif total > limits.zip_ratio_floor_bytes and total > limits.max_zip_ratio * max(archive_size, 1):
        findings.append(error(label, "", "intake.zip_bomb", ratio=total // max(archive_size, 1),
                              limit=limits.max_zip_ratio))
    if any(f.is_error for f in findings) or not documents:
        return ZipLayout((), names, sizes, total, tuple(findings))
    prefixes: list[str] = []
    if DOCUMENT_NAME in names:
        prefixes = [""]
    else:
        for norm in sorted(names, key=str.casefold):
            parts = norm.split("/")
            if len(parts) == 2 and parts[1] == DOCUMENT_NAME:
                prefixes.append(parts[0] + "/")
    if not prefixes:
        findings.append(error(label, "", "intake.zip_no_document", name=DOCUMENT_NAME))
    return ZipLayout(tuple(prefixes), names, sizes, total, tuple(findings))


class ZipPackage(Package):
    """The entries under ``prefix`` of a ZIP; the archive is never extracted."""

    def __init__(self, path: Path, prefix: str, label: str, names: dict[str, str]) -> None:
        self.path = path
        self.prefix = prefix
        self.label = label
        self._names = names
        self._zf: zipfile.ZipFile | None = None

    def _zip(self) -> zipfile.ZipFile:
        if self._zf is None:
            self._zf = zipfile.ZipFile(self.path)
        return self._zf

    def resolve(self, rel: str) -> tuple[Member | None, list[Finding]]:
        try:
            norm = paths.normalise(rel)
        except paths.UnsafePath as exc:
            return None, [error(self.display(str(rel)), "", exc.message_id, path=str(rel))]
        findings: list[Finding] = []
        key = self.prefix + norm
        if key not in self._names:
            folded = [n for n in self._names if n.startswith(self.prefix) and n.casefold() == key.casefold()]
            if len(folded) != 1:
                return None, [error(self.display(norm), "", "intake.file_missing", path=norm)]
            actual = folded[0][len(self.prefix):]
            findings.append(warning(self.display(actual), "", "intake.path_case_differs", path=norm, actual=actual))
            key, norm = folded[0], actual
        try:
            info = self._zip().getinfo(self._names[key])
        except (KeyError, OSError, zipfile.BadZipFile) as exc:
            return None, findings + [error(self.display(norm), "", "intake.file_unreadable", path=norm, reason=str(exc))]
        return Member(norm, self.display(norm), info.file_size, info), findings

    def open_member(self, member: Member) -> IO[bytes]:
        try:
            return self._zip().open(member.locator)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError) as exc:
            raise OSError(str(exc)) from exc

    def close(self) -> None:
        if self._zf is not None:
            self._zf.close()
            self._zf = None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to an import worker process: the open archive stays here.
        state = self.__dict__.copy()
        state["_zf"] = None
        return state


@dataclass
class Candidate:
    """One dossier to import, in batch order.

    Either ``package`` holds a ``dossier.json`` (``document`` is None), or a
    spreadsheet row already gave the ``document`` and ``package`` is the
    folder its attachment paths are relative to.  ``findings`` are what the
    scan already found (an ERROR rejects the candidate without reading it).
    """

    label: str
    package: Package | None
    document: dict[str, Any] | None = None
    document_file: str = ""
    field_label: Callable[[str], str] | None = None
    """Turns a key path into what the user sees (a spreadsheet cell)."""
    findings: list[Finding] = field(default_factory=list)
    size_hint: int = 0


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}"


__all__ = [
    "DOCUMENT_NAME",
    "Candidate",
    "FolderPackage",
    "Member",
    "Package",
    "ZipLayout",
    "ZipPackage",
    "inspect_zip",
]
