"""The encrypted store itself: key slots and key derivation, the device secret, the SQLCipher
connection, the process lock, the unlock throttle, opening and closing, and the audit chain."""
