"""One JSON reader for text that comes from outside the process.

Key-slot files, backup manifests, case-import files, settings and bundle manifests are read
from disk or from another municipality; ``json.loads`` fails on them in more ways than
``JSONDecodeError``: bad UTF-8 (``UnicodeDecodeError``), integers longer than Python's
4,300-digit limit (``ValueError``) and deep nesting (``RecursionError``). Each caller needs
exactly one outcome for all of them, so they come out here as :class:`UntrustedJsonError`
(a ``ValueError``) with the position where one is known.
"""

from __future__ import annotations

import json
from typing import Any


class UntrustedJsonError(ValueError):
    """The text is not JSON this program will read; ``line``/``column`` are 1-based."""

    def __init__(self, line: int = 1, column: int = 1) -> None:
        super().__init__(f"not readable JSON at line {line}, column {column}")
        self.line = line
        self.column = column


def loads_untrusted(untrusted: bytes | str, **options: Any) -> object:
    """``json.loads`` (options passed on) with every failure as :class:`UntrustedJsonError`."""
    try:
        text = untrusted.decode("utf-8") if isinstance(untrusted, bytes) else untrusted
        return json.loads(text, **options)
    except json.JSONDecodeError as exc:
        raise UntrustedJsonError(exc.lineno, exc.colno) from None
    except (ValueError, RecursionError):  # bad UTF-8, over-long integers, deep nesting
        raise UntrustedJsonError() from None
