"""Errors of reading a shared method-register file (sync/knowledge/methods_file.py)."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP
from sync.errors import BundleError


class MethodsFileError(BundleError):
    """The file is not a method register in the documented form; nothing was imported."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The file is not a method register Utväg can read (wrong form, version or size); "
        "nothing was imported.",
    )
    code = "methods_file"


class MethodsFileSignatureError(MethodsFileError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The method register's signature does not match its content or its signer's key; "
        "nothing was imported.",
    )
    code = "methods_file_signature"


class MethodsFileNotNewerError(MethodsFileError):
    """A register file from a contact is not newer than one already imported from them."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This method register from {signer} was made {created}, not after the one already "
        "imported from them (made {seen}). An older register, or the same one again, could "
        "roll entries back; nothing was imported.",
    )
    code = "methods_file_not_newer"
