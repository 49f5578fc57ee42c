"""The typed settings registry over QSettings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from oaoi_desktop.ui import settings as registry
from oaoi_desktop.ui.settings import REGISTRY, Settings, declare


def test_declared_settings_and_their_defaults(settings: Settings) -> None:
    assert set(REGISTRY) >= {
        "ui/language",
        "ui/main_window_geometry",
        "ui/main_window_state",
        "ui/reader_splitter",
    }
    assert settings.value(registry.LANGUAGE) == "id"
    geometry = settings.value(registry.MAIN_WINDOW_GEOMETRY)
    assert isinstance(geometry, QByteArray) and geometry.isEmpty()
    assert not settings.contains(registry.LANGUAGE)
    for setting in REGISTRY.values():
        assert setting.doc


def test_values_survive_a_new_store_on_the_same_file(oaoi_home: Path) -> None:
    first = Settings.open(oaoi_home / "settings.ini")
    first.set_value(registry.LANGUAGE, "en")
    first.set_value(registry.READER_SPLITTER, QByteArray(b"\x00\x01splitter\xff"))
    first.sync()

    second = Settings.open(oaoi_home / "settings.ini")
    assert second.value(registry.LANGUAGE) == "en"
    assert bytes(second.value(registry.READER_SPLITTER).data()) == b"\x00\x01splitter\xff"

    second.reset(registry.LANGUAGE)
    assert second.value(registry.LANGUAGE) == "id"


def test_an_unreadable_value_gives_the_default(oaoi_home: Path) -> None:
    path = oaoi_home / "settings.ini"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    raw.setValue("ui/language", "fr")
    raw.setValue("ui/main_window_geometry", "not bytes")
    raw.sync()
    settings = Settings.open(path)
    assert settings.value(registry.LANGUAGE) == "id"
    assert settings.value(registry.MAIN_WINDOW_GEOMETRY).isEmpty()


def test_writing_checks_type_and_choices(settings: Settings) -> None:
    with pytest.raises(ValueError, match="ui/language"):
        settings.set_value(registry.LANGUAGE, "fr")
    with pytest.raises(TypeError, match="ui/main_window_geometry"):
        settings.set_value(registry.MAIN_WINDOW_GEOMETRY, "abc")  # type: ignore[arg-type]


def test_only_declared_settings_are_accepted(settings: Settings) -> None:
    stray = registry.Setting("ui/stray", "x", "not declared")
    with pytest.raises(KeyError, match="ui/stray"):
        settings.value(stray)
    with pytest.raises(ValueError, match="declared twice"):
        declare("ui/language", "id", "again")


def test_bool_int_and_list_settings_convert_what_ini_files_give_back() -> None:
    flag = registry.Setting("t/flag", False, "a flag")
    count = registry.Setting("t/count", 3, "a count")
    names = registry.Setting("t/names", ["a"], "names")
    assert flag.convert("true") is True and flag.convert("0") is False and flag.convert("?") is False
    assert count.convert("7") == 7 and count.convert("seven") == 3
    assert names.convert("one") == ["one"] and names.convert(["x", "y"]) == ["x", "y"]
    assert names.convert(None) == ["a"] and names.convert(None) is not names.default


def test_open_uses_oaoi_home(oaoi_home: Path) -> None:
    settings = Settings.open()
    assert Path(settings.file_name) == oaoi_home / "settings.ini"
    settings.set_value(registry.LANGUAGE, "en")
    settings.sync()
    assert (oaoi_home / "settings.ini").exists()


def test_without_oaoi_home_qsettings_user_path_applies(
    monkeypatch: pytest.MonkeyPatch, qsettings_folder: Path
) -> None:
    monkeypatch.delenv("OAOI_HOME")
    settings = Settings.open()
    assert Path(settings.file_name).is_relative_to(qsettings_folder)
    assert Path(settings.file_name).name == "oaoi-desktop.ini"
