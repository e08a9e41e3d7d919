"""The self-test: does this installation work? ``utvag selftest`` runs it; the GUI can too.

:func:`run_selftest` runs each check in order and returns a :class:`SelftestReport`:

- ``runtime``      — the program's version from its package metadata (a frozen build must
  carry it), Python, frozen or not;
- ``keyring``      — which keyring backend the store's device secret would use; no secure
  one is a *warning* (the store check then uses a passphrase-only store, like
  ``--no-device-key``), a failure with ``require_keyring``;
- ``store``        — a temporary store in a temporary folder: create (with the device secret
  in the real keyring when there is a secure one), lock, unlock, integrity and audit chain;
- ``case``         — a case and its principal person written and read back through the
  domain API (the name through the audited reveal);
- ``bundle``       — two temporary identities (a second temporary store) exchange and verify
  contact cards; a handover bundle is sealed by one and opened and verified by the other;
- ``translations`` — the Swedish catalogue loads and translates; Qt's own is there;
- ``qt``           — the GUI modules import, and a widget with the app's style sheet renders
  (on the offscreen platform when no QApplication runs yet);
- ``cleanup``      — the stores are closed, their keyring entries deleted (and checked
  gone), the temporary folder removed (and checked gone).

Everything made is synthetic ("Selftest Testsson") and lives in the temporary folder,
encrypted like any store; cleanup runs even after a failure. Statuses: ``ok``, ``warn``
(works, with a weaker setup), ``FAIL``, ``skip`` (not run because a check it needs
failed). The report is ok when no check failed.
"""
