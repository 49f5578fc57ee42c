"""The translation files: complete, current, and compiled."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication

from oaoi_desktop.ui import language
from oaoi_desktop.ui.resources import translations_dir

ROOT = Path(__file__).resolve().parents[2]


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tool_or_skip(name: str) -> None:
    if not (Path(sys.executable).with_name(name).exists() or shutil.which(name)):
        pytest.skip(f"{name} is not installed")


def test_translations_are_found_from_the_package() -> None:
    folder = translations_dir()
    assert folder == ROOT / "resources" / "translations"
    for name in ("oaoi_id", "oaoi_en", "qtbase_id", "results_id", "trust_id"):
        assert (folder / f"{name}.ts").exists()
        assert (folder / f"{name}.qm").exists()
    assert (folder / "README.md").exists()


def test_every_message_is_translated() -> None:
    script = build_script()
    for ts in translations_dir().glob("*.ts"):
        assert script.unfinished(ts) == [], ts.name


def test_every_source_string_is_in_the_catalogue(tmp_path: Path) -> None:
    """lupdate over the code finds nothing that oaoi_id.ts lacks."""
    tool_or_skip("pyside6-lupdate")
    script = build_script()
    for name, options in script.CATALOGUES.items():
        shutil.copy(translations_dir() / name, tmp_path / name)
        script.lupdate(name, options, ts_dir=tmp_path)
        assert script.unfinished(tmp_path / name) == [], f"run scripts/build_translations.py: {name}"


def test_compiled_files_are_current(tmp_path: Path) -> None:
    tool_or_skip("pyside6-lrelease")
    script = build_script()
    for ts in translations_dir().glob("*.ts"):
        fresh = script.lrelease(ts, tmp_path / ts.with_suffix(".qm").name)
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            f"{ts.name} changed: run scripts/build_translations.py --release"
        )


def test_qt_widgets_texts_are_indonesian() -> None:
    translate = QCoreApplication.translate
    assert translate("QLineEdit", "Select All") == "Pilih semua"
    assert translate("QWidgetTextControl", "&Copy") == "&Salin"
    assert translate("QPlatformTheme", "Cancel") == "Batal"
    language.install_language("en")
    assert translate("QLineEdit", "Select All") == "Select All"


def test_language_names_are_not_translated() -> None:
    assert language.LANGUAGES == {"id": "Bahasa Indonesia", "en": "English"}
    with pytest.raises(ValueError):
        language.install_language("fr")
