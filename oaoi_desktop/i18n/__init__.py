"""The message catalogue for everything below ``ui/``: CLI, PDFs, services.

Messages live in the ``catalogue_*.py`` modules of this package, one per area,
each defining ``MESSAGES = {message_id: {"id": "...", "en": "..."}}`` with
``str.format`` placeholders.  Indonesian (``id``) is the default language and
English (``en``) the second.  The GUI shows the same texts for errors raised
by the services, so a message reads the same everywhere.

This package is the one owner of the language list (:data:`LANGUAGES`) and of
the current language (:func:`set_language`, :func:`current_language`): the
CLI sets it from ``--lang``/``OAOI_LANG``, the GUI through
:func:`oaoi_desktop.ui.language.install_language`, which also installs the Qt
translators.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from typing import Any

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
"""Supported languages, each named in its own language (never translated); Indonesian first."""

SUPPORTED_LANGUAGES = tuple(LANGUAGES)
DEFAULT_LANGUAGE = "id"

LOCALE_NAMES: dict[str, str] = {"id": "id_ID", "en": "en_GB"}
"""The locale each language formats with (the GUI's default ``QLocale``)."""

_current = os.environ.get("OAOI_LANG", DEFAULT_LANGUAGE)
if _current not in SUPPORTED_LANGUAGES:
    _current = DEFAULT_LANGUAGE

_messages: dict[str, dict[str, str]] | None = None


def _load() -> dict[str, dict[str, str]]:
    global _messages
    if _messages is None:
        merged: dict[str, dict[str, str]] = {}
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("catalogue_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            for key, texts in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"duplicate message id {key!r} in {info.name}")
                merged[key] = texts
        _messages = merged
    return _messages


def all_messages() -> dict[str, dict[str, str]]:
    """Every message id with its texts (for tests of the catalogue)."""
    return dict(_load())


def has_message(message_id: str) -> bool:
    """Whether the catalogue knows ``message_id`` (no copy of the catalogue made)."""
    return message_id in _load()


def set_language(lang: str) -> None:
    """Choose the language for texts rendered from now on."""
    global _current
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(lang)
    _current = lang


def current_language() -> str:
    """The language texts are rendered in: the one set last, else ``$OAOI_LANG``, else Indonesian."""
    return _current


def render(message_id: str, lang: str | None = None, /, **params: Any) -> str:
    """The text of ``message_id`` in ``lang`` (default: the current language).

    An unknown id or a missing placeholder never raises: the id and its
    parameters are shown instead, so a catalogue gap cannot hide an error.
    """
    texts = _load().get(message_id)
    if texts is None:
        extra = ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
        return f"{message_id} ({extra})" if extra else message_id
    template = texts.get(lang or _current) or texts.get(DEFAULT_LANGUAGE) or message_id
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"


def t(message_id: str, /, **params: Any) -> str:
    """Shorthand for :func:`render` in the current language."""
    return render(message_id, None, **params)
