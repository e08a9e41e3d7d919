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
