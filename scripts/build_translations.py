#!/usr/bin/env python3
"""Regenerate the Qt translation files under resources/translations/.

    python scripts/build_translations.py            # lupdate, then lrelease
    python scripts/build_translations.py --release  # only lrelease (.ts -> .qm)
    python scripts/build_translations.py --check    # fail if a message is untranslated
    python scripts/build_translations.py --domain results   # only one domain's files

Domains: the base catalogue ``oaoi`` covers ``oaoi_desktop/app.py`` and
``oaoi_desktop/ui/`` except the feature packages listed in
``oaoi_desktop/ui/extensions.py``; each of those (``ui/secretariat/``,
``ui/results/``, ...) has its own ``<package>_id.ts`` / ``<package>_en.ts``,
so work on one package never rewrites another's catalogue.  The app loads
every domain's ``.qm`` (``oaoi_desktop/ui/language.py``).

Steps:
1. ``pyside6-lupdate`` scans ``oaoi_desktop/app.py`` and ``oaoi_desktop/ui/``
   and merges new source strings into ``oaoi_id.ts`` (every message) and
   ``oaoi_en.ts`` (plural forms only: English is the source language).
   Messages that vanished from the code are dropped (``-no-obsolete``).
2. Translate what is new with ``pyside6-linguist resources/translations/oaoi_id.ts``
   (or by editing the XML).
3. ``pyside6-lrelease`` compiles every ``*.ts`` to its ``.qm``, including the
   hand-kept ``qtbase_id.ts`` (Qt's own widgets), which lupdate never touches.

Both the .ts and the .qm files are committed, so running the app needs no
build step.  See resources/translations/README.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
UI = ROOT / "oaoi_desktop" / "ui"
FEATURE_PACKAGES = (
    "secretariat", "results", "documents", "signatures", "exchange", "trust",
)  # as in oaoi_desktop/ui/extensions.py
DOMAINS = ("oaoi", *FEATURE_PACKAGES)
LANGUAGE_OPTIONS = {
    # language: extra lupdate options
    "id": ["-target-language", "id_ID"],
    "en": ["-pluralonly", "-target-language", "en", "-source-language", "en"],
}
CATALOGUES = {
    f"{domain}_{lang}.ts": options for domain in DOMAINS for lang, options in LANGUAGE_OPTIONS.items()
}
"""Every catalogue lupdate writes: ``<domain>_<lang>.ts`` -> its lupdate options."""


def tool(name: str) -> str:
    """The path of a PySide6 tool, preferring the one beside this Python."""
    beside = Path(sys.executable).with_name(name)
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def domain_of(ts_name: str) -> str:
    return ts_name.rsplit("_", 1)[0]


def source_files(domain: str = "oaoi") -> list[str]:
    """The Python files whose strings belong to ``domain``'s catalogue."""
    if domain == "oaoi":
        files = [ROOT / "oaoi_desktop" / "app.py"]
        excluded = tuple(UI / name for name in FEATURE_PACKAGES)
        files += [f for f in sorted(UI.rglob("*.py")) if not any(f.is_relative_to(folder) for folder in excluded)]
    else:
        files = sorted((UI / domain).rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate(ts_name: str, options: list[str], ts_dir: Path = TRANSLATIONS) -> None:
    ts = ts_dir / ts_name
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *options,
         *source_files(domain_of(ts_name)), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def unfinished(ts: Path) -> list[str]:
    """Source texts in ``ts`` that still lack a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if not all(texts):
            missing.append(source)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--check", action="store_true", help="report untranslated messages and fail if any")
    parser.add_argument("--domain", choices=DOMAINS, help="only this domain's catalogues")
    args = parser.parse_args(argv)

    chosen = [args.domain] if args.domain else list(DOMAINS)
    if not args.release and not args.check:
        for name, options in CATALOGUES.items():
            if domain_of(name) in chosen:
                lupdate(name, options)
    status = 0
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        if domain_of(ts.name) not in chosen and not (args.domain is None or ts.name.startswith("qtbase")):
            continue
        missing = unfinished(ts)
        for source in missing:
            print(f"{ts.name}: untranslated: {source!r}")
        if missing:
            status = 1
        if not args.check:
            lrelease(ts)
            print(f"{ts.name} -> {ts.with_suffix('.qm').name}")
    return status if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
