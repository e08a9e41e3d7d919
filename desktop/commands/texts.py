"""The command line's words, in the user's language — one language per run.

Every line a command prints for a person goes through :func:`say` with a source text
marked ``QT_TRANSLATE_NOOP("Cli", ...)`` (so ``lupdate`` collects it) and ``{named}``
placeholders; vocabularies (statuses, types, kinds) through :func:`label`, with the same
texts and translations as the GUI (ui/kit/labels.py). The language is chosen once per
process by desktop/i18n.py (``UTVAG_LANG``, else the saved setting, else Swedish), and
errors are translated there too, so a run never mixes languages. ``--json`` output is
language-free: codes, not words.

Counts are written as "label: n" ("Ärenden: 3") rather than in sentences, so no plural
forms are needed on the command line.
"""

from __future__ import annotations

import sys
from typing import Any

from desktop.i18n import translate
from storage.errors import QT_TRANSLATE_NOOP
from storage.records.enums import Choice
from ui.kit.labels import SOURCES

CONTEXT = "Cli"
DASH = "–"


def say(text: str, **params: Any) -> str:
    """``text`` (a marked ``Cli`` source text) in the user's language, filled in."""
    template = translate(CONTEXT, text)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def out(text: str, **params: Any) -> None:
    """Print a translated line to standard output."""
    print(say(text, **params))


def label(value: Choice | None) -> str:
    """A vocabulary code as the user reads it (as in the GUI)."""
    if value is None:
        return DASH
    kind = type(value)
    source = SOURCES.get(kind, {}).get(value.value)
    return translate(kind.__name__, source) if source else value.label


def yes_no(value: bool) -> str:
    return say(QT_TRANSLATE_NOOP("Cli", "yes")) if value else say(QT_TRANSLATE_NOOP("Cli", "no"))


def interrupted() -> None:
    sys.stderr.write("utvag: " + say(QT_TRANSLATE_NOOP("Cli", "interrupted")) + "\n")
