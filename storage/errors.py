"""The typed exception hierarchy of Utväg.

Every error a user can meet is a subclass of :class:`UtvagError`. The class carries the
user-facing message as an English source text (a template with ``{named}`` placeholders);
it is turned into the user's language in exactly one place (``desktop/i18n.py``), through
Qt's translation system, with the context ``"Errors"``. ``QT_TRANSLATE_NOOP`` below is the
marker ``lupdate`` looks for, so the sources of these messages end up in the .ts files
although this module never imports Qt.

Rules for subclasses:
- set ``message`` with ``QT_TRANSLATE_NOOP("Errors", "...")``; never build it with f-strings;
- put variable parts in ``params`` (passed as keyword arguments), never personal data
  from a case file, never secrets, and clean untrusted strings first (``clean_untrusted``);
- one clear sentence (two at most): what happened and what the user can do.
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    del context
    return text


def clean_untrusted(value: object, limit: int = 200) -> str:
    """Make an untrusted value safe to show or log: printable, one line, bounded.

    Control and format characters (including bidi overrides) become U+FFFD; the
    result is cut to ``limit`` characters with an ellipsis.
    """
    text = str(value)
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "C" or cat in ("Zl", "Zp"):
            out.append("\ufffd")
        else:
            out.append(ch)
    cleaned = "".join(out)
    if len(cleaned) > limit:
        cleaned = cleaned[: max(0, limit - 1)] + "…"
    return cleaned


class UtvagError(Exception):
    """Base of every error the user can be shown."""

    message: ClassVar[str] = QT_TRANSLATE_NOOP("Errors", "The operation failed.")
    #: A stable, language-independent code for scripts (``--json``) and tests.
    code: ClassVar[str] = "failed"

    def __init__(self, message: str | None = None, /, **params: Any) -> None:
        # ``message`` overrides the class template; it must itself be a marked source text.
        self.template: str = message if message is not None else type(self).message
        self.params: dict[str, Any] = params
        super().__init__(self.render())

    def render(self, translate: Any = None) -> str:
        """The message, translated by ``translate(context, text)`` when given."""
        template = translate("Errors", self.template) if translate else self.template
        try:
            return str(template).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(template)


class UsageError(UtvagError):
    """The command was called wrongly (exit status 2)."""

    message = QT_TRANSLATE_NOOP("Errors", "Invalid usage.")
    code = "usage"


class ValidationError(UtvagError):
    """Input that breaks a rule; nothing was stored."""

    message = QT_TRANSLATE_NOOP("Errors", "The input is not valid.")
    code = "invalid"


class NotFoundError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The requested item was not found.")
    code = "not_found"


class StorageError(UtvagError):
    """A problem with the store on disk."""

    message = QT_TRANSLATE_NOOP("Errors", "The store could not be read or written.")
    code = "storage"


class DiskFullError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The disk is full. Nothing was changed; free some space and try again."
    )
    code = "disk_full"
