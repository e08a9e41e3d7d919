"""Reading passphrases and recovery codes for the command line — never from an argument.

``--passphrase-file FILE`` (and the other ``--...-file`` options): the first line of the
file, without its line ending. Otherwise the terminal is asked with ``getpass`` (no echo),
twice for a new passphrase. Without a file and without a terminal it is a usage error.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
    ValidationError,
    clean_untrusted,
)

MAX_FILE_BYTES = 64 * 1024


class SecretFileError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "The file {path} could not be read.")
    code = "secret_file"


class EmptySecretError(UsageError):
    message = QT_TRANSLATE_NOOP("Errors", "The file {path} does not start with a passphrase.")
    code = "secret_file_empty"


class NoTerminalError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "There is no terminal to ask on; give the secret with {option} FILE."
    )
    code = "no_terminal"


class PassphraseMismatchError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The two passphrases are not the same; nothing was changed."
    )
    code = "passphrase_mismatch"


def read_first_line(path: Path) -> str:
    """The file's first line without ``\\n`` / ``\\r\\n``; typed usage errors otherwise."""
    try:
        with Path(path).open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES)
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise SecretFileError(path=clean_untrusted(path)) from None
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise EmptySecretError(path=clean_untrusted(path))
    return line


def _has_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_secret(path: Path | None, *, prompt: str, option: str) -> str:
    """From ``path`` if given, else asked once on the terminal."""
    if path is not None:
        return read_first_line(path)
    if not _has_terminal():
        raise NoTerminalError(option=option)
    return getpass.getpass(prompt)


def read_passphrase(path: Path | None, *, prompt: str = "Lösenfras / passphrase: ") -> str:
    return read_secret(path, prompt=prompt, option="--passphrase-file")


def read_new_passphrase(
    path: Path | None,
    *,
    option: str = "--passphrase-file",
    prompt: str = "Ny lösenfras / new passphrase: ",
    again: str = "Upprepa / repeat: ",
) -> str:
    """A new passphrase: from ``path``, or asked twice on the terminal (must match)."""
    if path is not None:
        return read_first_line(path)
    if not _has_terminal():
        raise NoTerminalError(option=option)
    first = getpass.getpass(prompt)
    if getpass.getpass(again) != first:
        raise PassphraseMismatchError()
    return first
