"""Translation: the one place where exception messages become the user's language.

Swedish is the default language, English the second. The language is chosen by the
``UTVAG_LANG`` environment variable (``sv`` or ``en``) or the user's preference.
"""

from __future__ import annotations

import os

from storage.errors import UtvagError

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")


def current_language() -> str:
    lang = os.environ.get("UTVAG_LANG", DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` with the installed Qt translators (QtCore only)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def translate_error(exc: UtvagError) -> str:
    """The exception's message in the user's language, placeholders filled in."""
    return exc.render(translate)
