"""The encrypted store itself: key slots and key derivation, the device secret, the SQLCipher
connection, the process lock, the unlock throttle, opening and closing, and the audit chain."""

#: The key-slot file, whose presence says a store is there (storage/vault/keyslots.py). Named
#: here so the start-up can ask without loading the key code (issue 17: the unlock window).
KEYSLOTS_FILE = "keyslots.json"
