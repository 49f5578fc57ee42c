"""The language of the user interface, switched at run time.

Qt source strings are English (``self.tr("File")``); Indonesian, the default,
comes from ``resources/translations/oaoi_id.qm`` plus one catalogue per
feature package (``results_id.qm``, ...; see ``ui/extensions.py``).  ``oaoi_en.qm`` holds only
the English plural forms (``%n event(s)``).  ``qtbase_id.qm`` translates the
few texts of Qt's own widgets a user meets (context menus of text fields, the
Qt file dialog), since Qt ships no Indonesian translation; where Qt does ship
one (``qtbase_en.qm``) it is loaded from Qt's own translations folder.

:func:`install_language` removes the previous translators, installs the new
ones, sets the current language (:func:`oaoi_desktop.i18n.set_language`: the
language list and the current language belong to :mod:`oaoi_desktop.i18n`
alone) and the default QLocale, and
delivers the ``QEvent.LanguageChange`` events at once, so every widget has
retranslated itself when it returns.  Widgets react in ``changeEvent`` by
calling their ``retranslate_ui()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from oaoi_desktop import i18n
from oaoi_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES
from oaoi_desktop.ui.resources import translations_dir

log = logging.getLogger(__name__)

_translators: list[QTranslator] = []


def current_language() -> str:
    """The current language (asked of :func:`oaoi_desktop.i18n.current_language`)."""
    return i18n.current_language()


def _load(name: str, lang: str, folder: str) -> QTranslator | None:
    translator = QTranslator(QCoreApplication.instance())
    if translator.load(f"{name}_{lang}", folder):
        return translator
    translator.deleteLater()
    return None


def install_language(lang: str) -> None:
    """Make ``lang`` ("id" or "en") the language of the whole user interface."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {sorted(LANGUAGES)}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language() needs a QCoreApplication")
    for old in _translators:
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    _translators.clear()

    ours = str(translations_dir())
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    from oaoi_desktop.ui.extensions import PACKAGES

    candidates = [
        _load("oaoi", lang, ours),
        *(_load(package, lang, ours) for package in PACKAGES),
        _load("qtbase", lang, ours) or _load("qtbase", lang, qt_own),
    ]
    for translator in candidates:
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            _translators.append(translator)
    if lang != "en" and not _translators:
        log.warning("no translation found for %r in %s", lang, ours)

    i18n.set_language(lang)
    QLocale.setDefault(QLocale(i18n.LOCALE_NAMES[lang]))
    # QApplication posts LanguageChange to every top-level widget; deliver
    # them now so the interface is retranslated when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "current_language", "install_language"]
