"""Finding dossier packages on a stick, and opening their files safely.

:func:`scan` turns the paths a user chose (a dossier folder, a ``.zip``, a
batch folder, a ``dossiers.xlsx``/``dossiers.csv``) into an ordered list of
:class:`Candidate` dossiers.  Nothing is copied yet; ZIPs are inspected from
their central directory (entry names, sizes, compression ratios, symlinks)
and refused whole when hostile.

The packages themselves, the candidates and the ZIP inspection live in
:mod:`.packages`; a dossier list's rows become candidates in :mod:`.spreadsheet`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from oaoi_desktop.intake.findings import error, warning
from oaoi_desktop.intake.limits import Limits
from oaoi_desktop.intake.packages import (
    DOCUMENT_NAME,
    Candidate,
    FolderPackage,
    Member,
    Package,
    ZipLayout,
    ZipPackage,
    inspect_zip,
)

SHEET_NAMES = ("dossiers.xlsx", "dossiers.csv")
_SKIP_DIRS = {"__macosx", "system volume information", "$recycle.bin", "lost+found"}


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


__all__ = [
    "DOCUMENT_NAME",
    "SHEET_NAMES",
    "Candidate",
    "FolderPackage",
    "Member",
    "Package",
    "ZipLayout",
    "ZipPackage",
    "inspect_zip",
    "scan",
]
