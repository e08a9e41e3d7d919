"""The root of the sync layer's errors: :class:`BundleError`, base of everything that can go
wrong with a file that crosses the laptop's edge.

Every class is a :class:`storage.errors.UtvagError` with a one-sentence message a caseworker
can act on, marked for translation, and a stable ``code``. The subclasses live beside their
subsystem:

- :mod:`sync.age.errors` — age encryption (:class:`AgeError`: header, header MAC, no matching
  identity, payload) and keys and recipients (:class:`AgeKeyError`, ...);
- :mod:`sync.signing.errors` — minisign signatures (:class:`SignatureError`);
- :mod:`sync.wire.errors` — the archive: format, unsafe member names and types, size, members
  that changed while sealing;
- :mod:`sync.bundle.errors` — the manifest, sender and recipient, freshness (expiry, replay,
  sequence), member checks, staging and receipts;
- :mod:`sync.trust.errors` — identity and contacts (not bundle errors);
- :mod:`sync.handover.errors` — the handover workflow.

docs/bundle-format.md maps each check to its error.
"""

from __future__ import annotations

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
)


class BundleError(UtvagError):
    """Base of every bundle error."""

    message = QT_TRANSLATE_NOOP("Errors", "The bundle could not be opened.")
    code = "bundle"
