"""Bundles (``.utvag``): signed, encrypted files that carry a case between municipalities.

Format: docs/bundle-format.md (age v1 binary -> strict POSIX ustar -> ``manifest.json``,
``manifest.json.minisig``, members). Modules:

- ``manifest``: the signed manifest's model, limits and strict parsing;
- ``seal``: :func:`seal_bundle` -> :class:`SealedBundle`, :func:`seal_contact_update`;
- ``open``: :func:`open_bundle` -> :class:`OpenedBundle` (every check before anything is trusted);
- ``staging``: decrypted members, sealed again under a key held only in memory;
- ``replay``: replay and rollback protection; ``receipt``: receipts at the format level;
- ``errors``: the bundle's typed errors.

Identity and contacts live in :mod:`sync.trust`; the archive and field helpers in :mod:`sync.wire`.
"""
