"""Errors of the inner archive (strict ustar): format, unsafe members, size, changed input."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP
from sync.errors import BundleError


class BundleFormatError(BundleError):
    """The decrypted content is not a strict ustar archive laid out as the format requires.

    ``reason`` (a fixed English word, never untrusted text) tells tests and logs which rule.
    """

    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle's content is not laid out as the bundle format requires."
    )
    code = "bundle_format"


class UnsafeMemberError(BundleError):
    message = QT_TRANSLATE_NOOP("Errors", "The bundle contains an entry that is not allowed.")
    code = "bundle_unsafe_member"


class UnsafeMemberNameError(UnsafeMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle contains an entry with a name that is not allowed ({name}); "
        "nothing in it was used.",
    )
    code = "bundle_unsafe_name"


class UnsafeMemberTypeError(UnsafeMemberError):
    """A link, directory, device, FIFO, pax or GNU extension header, or special mode bits."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle contains a link, folder or special entry, which bundles never contain; "
        "nothing in it was used.",
    )
    code = "bundle_unsafe_type"


class BundleTooLargeError(BundleError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle or one of its parts is larger than this program accepts (at most {limit}).",
    )
    code = "bundle_too_large"


class MemberChangedError(BundleError):
    """While sealing: a member's content changed between hashing and writing."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "A document changed while the bundle was being written; nothing was written."
    )
    code = "bundle_member_changed"
