"""Translation: the one place where exception messages become the user's language.

Swedish is the default language, English the second. The language is the one chosen in
this process (``set_language`` / ``install_translators``), else the ``UTVAG_LANG``
environment variable (``sv`` or ``en``), else the ``language`` saved in the settings file
(desktop/config.py; the GUI's Language menu writes it), else Swedish.

Compiled catalogues live in ``ui/translations/utvag_<lang>.qm`` (built by
``python -m devtools.build_translations``; ``make install`` does it). The GUI installs them
as application translators; the CLI has no QCoreApplication, so ``translate`` then looks
strings up in a QTranslator of its own. Without a .qm the English source text is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import ui
from storage.errors import UtvagError

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")
TRANSLATIONS_DIR = Path(ui.__file__).resolve().parent / "translations"

_chosen: str | None = None
_installed: list[QTranslator] = []
_installed_language: list[str] = []  # the language install_translators set up on the app
_standalone: dict[str, QTranslator | None] = {}
_settings_cache: dict[str, str | None] = {}


def _normalise(lang: str | None) -> str | None:
    value = (lang or "").strip().lower()[:2]
    return value if value in LANGUAGES else None


def _settings_language() -> str | None:
    """The language saved in the settings file (desktop/config.py), if any."""
    if "settings" not in _settings_cache:
        try:
            from desktop import config

            _settings_cache["settings"] = _normalise(config.load_settings().get("language"))
        except (UtvagError, OSError):
            _settings_cache["settings"] = None
    return _settings_cache["settings"]


def current_language() -> str:
    """The chosen language, else ``UTVAG_LANG``, else the saved setting, else Swedish."""
    return (
        _chosen
        or _normalise(os.environ.get("UTVAG_LANG"))
        or _settings_language()
        or DEFAULT_LANGUAGE
    )


def set_language(lang: str | None) -> str:
    """Choose the language for this process (``None`` falls back to the default rules)."""
    global _chosen
    _chosen = _normalise(lang)
    return current_language()


def catalogue_path(lang: str) -> Path:
    """The compiled catalogue of Utväg's own strings for ``lang``."""
    return TRANSLATIONS_DIR / f"utvag_{lang}.qm"


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if path.is_file() and translator.load(str(path)):
        return translator
    return None


def install_translators(app: QCoreApplication, lang: str | None = None) -> bool:
    """Install Utväg's and Qt's own catalogues for ``lang`` on ``app``; drop the old ones.

    Returns whether Utväg's catalogue was found (without it the English source is shown).
    Emits ``LanguageChange`` to every widget, so screens can retranslate themselves.
    """
    language = set_language(lang) if lang is not None else current_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _installed_language[:] = [language]
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = False
    for path in (qt_dir / f"qtbase_{language}.qm", catalogue_path(language)):
        translator = _load(path)
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
            found = found or path.name.startswith("utvag_")
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Swedish if language == "sv" else QLocale.Language.English,
            QLocale.Country.Sweden,
        )
    )
    return found


@contextmanager
def catalogue_installed(app: QCoreApplication) -> Iterator[None]:
    """Utväg's catalogue for the current language installed on ``app`` for a while (the
    command line renders an extract with Qt's translation), then removed again: translators
    installed before are left as they were."""
    translator = _load(catalogue_path(current_language()))
    if translator is not None:
        app.installTranslator(translator)
    try:
        yield
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` in ``context``: with the app's translators when they are of the
    current language, else standalone (the command line; also a command run in a process
    whose application was set up for another language, e.g. in tests)."""
    app_language = _installed_language[0] if _installed_language else None
    if QCoreApplication.instance() is not None and app_language == current_language():
        return QCoreApplication.translate(context, text, disambiguation, n)
    language = current_language()
    if language not in _standalone:
        _standalone[language] = _load(catalogue_path(language))
    translator = _standalone[language]
    result = translator.translate(context, text, disambiguation, n) if translator else ""
    if not result:
        result = text
    return result.replace("%n", str(n)) if n >= 0 else result


def translate_error(exc: UtvagError) -> str:
    """The exception's message in the user's language, placeholders filled in."""
    return exc.render(translate)
