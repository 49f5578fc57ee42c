"""Finding dossier packages on a stick, and opening their files safely.

:func:`scan` turns the paths a user chose (a dossier folder, a ``.zip``, a
batch folder, a ``dossiers.xlsx``/``dossiers.csv``) into an ordered list of
:class:`Candidate` dossiers.  Nothing is copied yet; ZIPs are inspected from
their central directory (entry names, sizes, compression ratios, symlinks)
and refused whole when hostile.

A :class:`Package` resolves the relative paths that ``dossier.json`` names:
never outside the package (no ``..``, no absolute path, no drive letter, no
symlink that leads out), only regular files (a FIFO would block the import).
"""

from __future__ import annotations

import os
import stat
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from oaoi_desktop.intake import paths
from oaoi_desktop.intake.findings import Finding, error, warning
from oaoi_desktop.intake.limits import Limits

DOCUMENT_NAME = "dossier.json"
SHEET_NAMES = ("dossiers.xlsx", "dossiers.csv")
_SKIP_DIRS = {"__macosx", "system volume information", "$recycle.bin", "lost+found"}
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


def _skip_name(name: str) -> bool:
    return name.startswith(".") or name.casefold() in _SKIP_DIRS


def _folder_size(root: Path, limit_files: int = 20_000) -> int:
    total = 0
    seen = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            seen += 1
            if seen > limit_files:
                return total
            try:
                st = os.lstat(os.path.join(dirpath, name))
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                total += st.st_size
    return total


def _inside(root: Path, target: Path) -> bool:
    real_root = os.path.realpath(root)
    real = os.path.realpath(target)
    try:
        return os.path.commonpath([real_root, real]) == real_root
    except ValueError:
        return False


def _zip_candidates(path: Path, label: str, limits: Limits) -> list[Candidate]:
    layout = inspect_zip(path, label, limits)
    if not layout.prefixes:
        return [Candidate(label, None, findings=list(layout.findings))]
    out = []
    for prefix in layout.prefixes:
        sub = label if not prefix else f"{label}/{prefix.rstrip('/')}"
        size = sum(n for name, n in layout.sizes.items() if name.startswith(prefix))
        out.append(Candidate(sub, ZipPackage(path, prefix, sub, layout.names),
                             document_file=f"{sub}/{DOCUMENT_NAME}", findings=list(layout.findings),
                             size_hint=size))
    return out


def _folder_candidate(path: Path, label: str) -> Candidate:
    return Candidate(label, FolderPackage(path, label), document_file=f"{label}/{DOCUMENT_NAME}",
                     size_hint=_folder_size(path))


def _sheet_candidates(path: Path, base: Path, base_label: str, limits: Limits) -> list[Candidate]:
    from oaoi_desktop.intake import spreadsheet

    label = f"{base_label}/{path.name}" if base_label else path.name
    return spreadsheet.candidates(path, label, FolderPackage(base, base_label), limits)


def _batch_candidates(root: Path, label: str, limits: Limits) -> list[Candidate]:
    out: list[Candidate] = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name.casefold())
    except OSError as exc:
        return [Candidate(label, None, findings=[error(label, "", "intake.path_unreadable", path=label,
                                                       reason=exc.strerror or str(exc))])]
    sheets: list[Path] = []
    for entry in entries:
        name = entry.name
        if _skip_name(name):
            continue
        sub_label = f"{label}/{name}" if label else name
        full = Path(entry.path)
        if entry.is_symlink() and not _inside(root, full):
            out.append(Candidate(sub_label, None, findings=[error(sub_label, "", "intake.symlink_outside", path=name)]))
            continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            continue
        if is_dir:
            if (full / DOCUMENT_NAME).exists():
                out.append(_folder_candidate(full, sub_label))
        elif is_file and name.lower().endswith(".zip"):
            out.extend(_zip_candidates(full, sub_label, limits))
        elif is_file and name.lower() in SHEET_NAMES:
            sheets.append(full)
    if sheets:
        chosen = sorted(sheets, key=lambda p: SHEET_NAMES.index(p.name.lower()))
        out.extend(_sheet_candidates(chosen[0], root, label, limits))
        for other in chosen[1:]:
            if out:
                out[-1].findings.append(warning(f"{label}/{other.name}", "", "intake.sheet_ignored",
                                                name=other.name, used=chosen[0].name))
    if not out:
        out.append(Candidate(label, None, findings=[error(label, "", "intake.nothing_found", path=label)]))
    return out


def scan(paths_given: Sequence[str | os.PathLike[str]], limits: Limits | None = None) -> list[Candidate]:
    """The dossiers found under ``paths_given``, in order, with scan findings.

    A path that does not exist, or holds nothing importable, becomes one
    candidate carrying an ERROR finding (so the report lists it).
    """
    limits = limits or Limits()
    out: list[Candidate] = []
    for given in paths_given:
        path = Path(given)
        label = path.name or str(path)
        if not os.path.lexists(path):
            out.append(Candidate(label, None, findings=[error(str(given), "", "intake.path_missing", path=str(given))]))
            continue
        try:
            if path.is_dir():
                if (path / DOCUMENT_NAME).exists():
                    out.append(_folder_candidate(path, label))
                else:
                    out.extend(_batch_candidates(path, label, limits))
            elif path.is_file() and path.name.lower().endswith(".zip"):
                out.extend(_zip_candidates(path, label, limits))
            elif path.is_file() and path.name.lower() == DOCUMENT_NAME:
                parent = path.parent
                plabel = parent.name or str(parent)
                out.append(_folder_candidate(parent, plabel))
            elif path.is_file() and path.name.lower() in SHEET_NAMES:
                parent = path.parent
                out.extend(_sheet_candidates(path, parent, "", limits))
            else:
                out.append(Candidate(label, None, findings=[error(label, "", "intake.not_a_package", path=str(given))]))
        except OSError as exc:
            out.append(Candidate(label, None, findings=[error(label, "", "intake.path_unreadable", path=str(given),
                                                              reason=exc.strerror or str(exc))]))
    return out
